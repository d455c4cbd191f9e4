//! Tokens: the smallest units later stages match on.

use super::Span;

/// What a token is, as the German tokenizer decides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (and digits) with internal hyphens or apostrophes: `US-Präsident`, `geht's`.
    Word,
    /// Digits with internal separators: `2025`, `1.000,50`, `26.08.2025`, `14.30`.
    Number,
    /// A number with its period: the `3.` of "am 3. Oktober".
    Ordinal,
    /// A word with its period: `Dr.`, `z.`, `z.B.`, `J.` (initials too).
    Abbreviation,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// `#Stichwort`.
    Hashtag,
    /// `@handle`.
    Mention,
    /// `…` or `...`.
    Ellipsis,
    /// A quotation mark that opens a quote.
    OpenQuote,
    /// A quotation mark that closes a quote.
    CloseQuote,
    /// `(`, `[`, `{`.
    OpenBracket,
    /// `)`, `]`, `}`.
    CloseBracket,
    /// Punctuation: `.`, `,`, `;`, `:`, `!`, `?`, dashes.
    Punct,
    /// Anything else: `%`, `€`, `&`, `/`, `+`, `§` …
    Symbol,
}

/// One token of the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where the token is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// Whether white space (or a block start) precedes it.
    pub space_before: bool,
}

impl Token {
    /// The token's text in `text` (the article text it was made for).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }
}
