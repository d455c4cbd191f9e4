//! Sentence boundaries over the raw tokens of one block.
//!
//! One pass: at each `.`, `!`, `?` or `…` look at the word before and the first
//! token after any closing quotes and brackets, and decide. A quote or bracket
//! that closes right after the final punctuation belongs to the sentence it ends
//! (`… mag.“`); one that opens after a space starts the next. A sentence does not
//! end where the text goes on with a comma, colon, dash or a lower-case word
//! (`„Wann kommt ihr?“, fragte sie.`).

use super::TextLexicon;
use crate::model::{Sentence, Token, TokenKind};

/// What to do with a period.
enum Period {
    /// It ends the sentence and stays a token of its own.
    Ends,
    /// It belongs to the word before (abbreviation, initial, ordinal); the sentence goes on.
    Joins(TokenKind),
    /// It belongs to the word before, and the sentence ends after it ("usw.").
    JoinsAndEnds(TokenKind),
    /// It neither ends the sentence nor joins a word.
    Stays,
}

/// Splits the raw tokens of one block into sentences; appends the final tokens
/// (periods folded into their words) to `tokens` and the sentences to `sentences`.
pub fn split(
    text: &str,
    raw: &[Token],
    lex: &TextLexicon,
    tokens: &mut Vec<Token>,
    sentences: &mut Vec<Sentence>,
) {
    let mut first = tokens.len();
    let mut i = 0;
    while i < raw.len() {
        let t = raw[i];
        let ends = match t.kind {
            TokenKind::Punct if t.text(text) == "." => {
                match period(text, raw, i, lex, tokens.len() == first + 1) {
                    Period::Ends => {
                        tokens.push(t);
                        true
                    }
                    Period::Stays => {
                        tokens.push(t);
                        false
                    }
                    Period::Joins(kind) => join(tokens, first, t, kind),
                    Period::JoinsAndEnds(kind) => {
                        join(tokens, first, t, kind);
                        true
                    }
                }
            }
            TokenKind::Punct if matches!(t.text(text), "!" | "?") => {
                tokens.push(t);
                while raw
                    .get(i + 1)
                    .is_some_and(|n| !n.space_before && is_bang(text, n))
                {
                    i += 1;
                    tokens.push(raw[i]);
                }
                let next = after_closers(raw, i + 1).1;
                !next.is_some_and(|n| goes_on(text, n))
            }
            TokenKind::Ellipsis => {
                tokens.push(t);
                let next = after_closers(raw, i + 1).1;
                let bracketed = i > 0 && raw[i - 1].kind == TokenKind::OpenBracket;
                match next {
                    None => !bracketed,
                    Some(n) => !bracketed && starts_upper(text, n) && n.kind == TokenKind::Word,
                }
            }
            _ => {
                tokens.push(t);
                false
            }
        };
        if ends {
            let (stop, _) = after_closers(raw, i + 1);
            tokens.extend_from_slice(&raw[i + 1..stop]);
            i = stop;
            close(tokens, &mut first, sentences);
        } else {
            i += 1;
        }
    }
    close(tokens, &mut first, sentences);
}

/// Folds period `t` into the last token of the current sentence; `false` (no sentence end).
fn join(tokens: &mut Vec<Token>, first: usize, t: Token, kind: TokenKind) -> bool {
    let in_sentence = tokens.len() > first;
    match tokens.last_mut() {
        Some(last) if in_sentence => {
            last.span.end = t.span.end;
            last.span.byte_end = t.span.byte_end;
            last.kind = kind;
        }
        _ => tokens.push(t),
    }
    false
}

/// Ends the sentence running from token `first` to the last token, if it has any.
fn close(tokens: &[Token], first: &mut usize, sentences: &mut Vec<Sentence>) {
    if tokens.len() > *first {
        let span = tokens[*first].span.to(&tokens[tokens.len() - 1].span);
        sentences.push(Sentence {
            span,
            first_token: *first,
            end_token: tokens.len(),
        });
        *first = tokens.len();
    }
}

/// The decision for the period `raw[i]`.
/// `alone`: the word before is the only token of the sentence so far.
fn period(text: &str, raw: &[Token], i: usize, lex: &TextLexicon, alone: bool) -> Period {
    let dot = raw[i];
    let prev = if i > 0 && !dot.space_before {
        Some(raw[i - 1])
    } else {
        None
    };
    let next = after_closers(raw, i + 1).1;
    let closed = after_closers(raw, i + 1).0 > i + 1;
    // "Der", "Sie" … never follow an ordinal, an initial or a regnal number
    let starter_next =
        next.is_some_and(|n| n.kind == TokenKind::Word && lex.is_sentence_starter(n.text(text)));
    match prev {
        Some(p) if p.kind == TokenKind::Word && !closed => {
            let w = p.text(text);
            let single = w.chars().count() == 1;
            let dotted = w.contains('.') && w.split('.').all(|part| part.chars().count() == 1);
            // regnal numbers: "Benedikt XVI.", "Rama IX."
            let regnal = is_roman(w)
                && i >= 2
                && raw[i - 2].kind == TokenKind::Word
                && starts_upper(text, raw[i - 2]);
            if regnal && starter_next {
                return Period::JoinsAndEnds(TokenKind::Ordinal);
            } else if regnal {
                return Period::Joins(TokenKind::Ordinal);
            }
            // an initial, not the second part of "z. B." or "i. A."
            let initial =
                single && starts_upper(text, p) && !(i >= 2 && raw[i - 2].text(text) == ".");
            if initial && starter_next {
                return Period::Ends;
            }
            if lex.is_abbreviation(w) || single || dotted {
                let ends = match next {
                    None => true,
                    Some(n) => {
                        lex.may_end_sentence(w)
                            && (starts_upper(text, n) || n.kind == TokenKind::OpenQuote)
                    }
                };
                let kind = TokenKind::Abbreviation;
                return if ends {
                    Period::JoinsAndEnds(kind)
                } else {
                    Period::Joins(kind)
                };
            }
            match next {
                Some(n) if starts_lower(text, n) => Period::Joins(TokenKind::Abbreviation),
                Some(n) if goes_on(text, n) => Period::Stays,
                _ => Period::Ends,
            }
        }
        Some(p) if p.kind == TokenKind::Number && !closed => {
            let Some(n) = next else { return Period::Ends };
            // the word before the number, looking through an opening quote ("die „4. Winterwelt“")
            let mut k = i.saturating_sub(2);
            if i >= 3 && raw[k].kind == TokenKind::OpenQuote {
                k -= 1;
            }
            let before = (i >= 2).then(|| raw[k]);
            let short = p.text(text).len() <= 3;
            // a number opening its sentence numbers a list item ("2. Tag"); one after a
            // comma ranks ("Soubeyras, 2. Schiffer")
            let enumeration = alone || before.is_some_and(|b| b.text(text) == ",");
            let ordinal = enumeration
                || starts_lower(text, n)
                || (n.kind == TokenKind::Word && lex.is_ordinal_head(n.text(text)))
                || (short
                    && matches!(
                        n.kind,
                        TokenKind::Word | TokenKind::Number | TokenKind::OpenQuote
                    )
                    && before.is_some_and(|b| {
                        b.kind == TokenKind::Word && lex.is_ordinal_context(b.text(text))
                    }))
                || (p.text(text).contains('.') && n.kind == TokenKind::Number);
            if ordinal && (alone || !starter_next) {
                Period::Joins(TokenKind::Ordinal)
            } else if goes_on(text, n) {
                Period::Stays
            } else {
                Period::Ends
            }
        }
        _ => match next {
            Some(n) if goes_on(text, n) => Period::Stays,
            _ => Period::Ends,
        },
    }
}

/// `(index of the first token after the attached closing quotes and brackets from
/// `i` on, that token)`.
fn after_closers(raw: &[Token], mut i: usize) -> (usize, Option<Token>) {
    while raw.get(i).is_some_and(|t| {
        !t.space_before && matches!(t.kind, TokenKind::CloseQuote | TokenKind::CloseBracket)
    }) {
        i += 1;
    }
    (i, raw.get(i).copied())
}

/// Whether the text after final punctuation continues the same sentence.
fn goes_on(text: &str, t: Token) -> bool {
    match t.kind {
        TokenKind::Punct => {
            matches!(t.text(text), "," | ";" | ":" | "-" | "–" | "—")
                || (!t.space_before && t.text(text) == ".")
        }
        TokenKind::Symbol => !t.space_before,
        TokenKind::CloseQuote | TokenKind::CloseBracket => true,
        _ => starts_lower(text, t),
    }
}

/// A Roman numeral of the kind regnal numbers use (`II`, `XIV`, `IX`).
fn is_roman(w: &str) -> bool {
    w.len() >= 2 && w.len() <= 6 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

fn is_bang(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Punct && matches!(t.text(text), "!" | "?")
}

fn starts_lower(text: &str, t: Token) -> bool {
    matches!(t.kind, TokenKind::Word | TokenKind::Abbreviation)
        && t.text(text).chars().next().is_some_and(char::is_lowercase)
}

fn starts_upper(text: &str, t: Token) -> bool {
    t.text(text).chars().next().is_some_and(char::is_uppercase)
}
