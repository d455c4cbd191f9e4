//! Raw tokens of one block, in one left-to-right pass.
//!
//! Periods are always their own raw token here; [`super::sentences`] folds them
//! into abbreviations, initials and ordinals once it knows they do not end a sentence.

use crate::article::normalize::is_invisible;
use crate::model::{Span, Token, TokenKind};

/// Appends the raw tokens of `block` (a span of `text`) to `out`.
pub fn tokenize(text: &str, block: &Span, out: &mut Vec<Token>) {
    let s = text.get(block.byte_start..block.byte_end).unwrap_or("");
    let mut pos = 0;
    let mut cpos = block.start;
    let mut space_before = true;
    let mut prev_kind: Option<TokenKind> = None;
    while let Some(c) = s[pos..].chars().next() {
        if c.is_whitespace() || is_invisible(c) {
            pos += c.len_utf8();
            cpos += 1;
            space_before = true;
            continue;
        }
        let (end, kind) = scan(s, pos, c, space_before, prev_kind);
        let chars = s[pos..end].chars().count();
        out.push(Token {
            span: Span {
                start: cpos,
                end: cpos + chars,
                byte_start: block.byte_start + pos,
                byte_end: block.byte_start + end,
            },
            kind,
            space_before,
        });
        pos = end;
        cpos += chars;
        space_before = false;
        prev_kind = Some(kind);
    }
}

/// The end (byte offset in `s`) and kind of the token starting with `c` at `pos`.
fn scan(
    s: &str,
    pos: usize,
    c: char,
    space_before: bool,
    prev: Option<TokenKind>,
) -> (usize, TokenKind) {
    let rest = &s[pos..];
    let next = rest[c.len_utf8()..].chars().next();
    if starts_url(rest) {
        return (pos + url_len(rest), TokenKind::Url);
    }
    if (c == '@' || c == '#') && next.is_some_and(|n| n.is_alphanumeric() || n == '_') {
        let len = c.len_utf8() + handle_len(&rest[1..]);
        let kind = if c == '@' {
            TokenKind::Mention
        } else {
            TokenKind::Hashtag
        };
        return (pos + len, kind);
    }
    if is_word_char(c) {
        return word(s, pos);
    }
    let one = pos + c.len_utf8();
    let opens = space_before
        || matches!(prev, Some(TokenKind::OpenBracket | TokenKind::OpenQuote))
        || prev.is_none();
    let next_is_space = next.is_none_or(|n| n.is_whitespace());
    let kind = match c {
        '.' if rest.starts_with("...") => {
            let dots = rest.bytes().take_while(|&b| b == b'.').count();
            return (pos + dots, TokenKind::Ellipsis);
        }
        '…' => TokenKind::Ellipsis,
        '„' | '‚' => TokenKind::OpenQuote,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '»' | '«' | '›' | '‹' => {
            if opens && !next_is_space {
                TokenKind::OpenQuote
            } else {
                TokenKind::CloseQuote
            }
        }
        '(' | '[' | '{' => TokenKind::OpenBracket,
        ')' | ']' | '}' => TokenKind::CloseBracket,
        '.' | ',' | ';' | ':' | '!' | '?' | '-' | '–' | '—' | '―' => TokenKind::Punct,
        _ => TokenKind::Symbol,
    };
    (one, kind)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{0300}'..='\u{036F}').contains(&c)
}

fn starts_url(rest: &str) -> bool {
    let head = rest.as_bytes();
    let has = |prefix: &[u8]| {
        head.len() >= prefix.len() && head[..prefix.len()].eq_ignore_ascii_case(prefix)
    };
    has(b"http://") || has(b"https://") || has(b"www.")
}

/// Length of a URL: up to white space or a quote, without trailing punctuation
/// (a closing bracket stays when the URL opened one).
fn url_len(rest: &str) -> usize {
    let end = rest
        .find(|c: char| {
            c.is_whitespace() || matches!(c, '"' | '<' | '>' | '„' | '“' | '”' | '»' | '«')
        })
        .unwrap_or(rest.len());
    let mut url = &rest[..end];
    loop {
        let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '’']);
        let trimmed = if trimmed.ends_with(')') && !trimmed.contains('(') {
            &trimmed[..trimmed.len() - 1]
        } else {
            trimmed
        };
        if trimmed.len() == url.len() {
            return url.len();
        }
        url = trimmed;
    }
}

/// Length of a hashtag or handle body.
fn handle_len(rest: &str) -> usize {
    rest.find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(rest.len())
}

/// A word or number starting at `pos`: letters and digits, joined by hyphens,
/// apostrophes, and periods, commas, colons or slashes between digits; a trailing
/// hyphen before a space ("Staats- und") belongs to the word.
/// A period joins letters only before a lower-case letter or a digit (`ndr.de`,
/// `SAT.1`) or after a single letter (`z.B`, `U.S`), so that `Saurier.Der` (a lost
/// space) stays two words.
fn word(s: &str, pos: usize) -> (usize, TokenKind) {
    let mut end = pos;
    let mut prev: Option<char> = None;
    let mut has_at = false;
    // characters since the word start or the last period: "z.B" has segments of one
    let mut segment = 0;
    let mut chars = s[pos..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let take = if is_word_char(c) || (is_invisible(c) && next.is_some_and(is_word_char)) {
            true
        } else {
            let p = prev.unwrap_or(' ');
            let n = next.unwrap_or(' ');
            match c {
                '-' => {
                    is_word_char(n)
                        || (p.is_alphabetic() && (n.is_whitespace() || n == ',' || n == '/'))
                }
                '\'' | '’' | '&' => p.is_alphabetic() && n.is_alphabetic(),
                '_' => p.is_alphanumeric() && n.is_alphanumeric(),
                '.' => {
                    (p.is_alphanumeric() && (n.is_ascii_digit() || n.is_lowercase()))
                        || (segment == 1 && n.is_alphabetic())
                }
                ',' | ':' | '/' => p.is_ascii_digit() && n.is_ascii_digit(),
                '@' if !has_at => {
                    has_at = true;
                    p.is_alphanumeric() && n.is_alphanumeric()
                }
                _ => false,
            }
        };
        if !take {
            break;
        }
        end = pos + i + c.len_utf8();
        prev = Some(c);
        segment = if c == '.' { 0 } else { segment + 1 };
        // a trailing hyphen ends the word
        if c == '-' && !next.is_some_and(is_word_char) {
            break;
        }
    }
    let w = &s[pos..end];
    let kind = if has_at && w.contains('@') {
        TokenKind::Email
    } else if w.starts_with(|c: char| c.is_ascii_digit())
        && w.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ':' | '/'))
    {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    (end, kind)
}
