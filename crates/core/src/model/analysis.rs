//! The analysis of one article: the `depesche/1` object.

use super::{Article, Entity, Event, Mention, Quote, Span, Timex, Token};
use serde::Serialize;

/// The schema name every analysis carries.
pub const SCHEMA: &str = "depesche/1";

/// One sentence: a character span of the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// Where the sentence is.
    #[serde(flatten)]
    pub span: Span,
    /// Index of its first token in `Analysis::tokens`.
    #[serde(skip)]
    pub first_token: usize,
    /// One past the index of its last token.
    #[serde(skip)]
    pub end_token: usize,
}

/// Everything depesche knows about one article; stages add their layers in order.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// The article as read.
    pub article: Article,
    /// Sentences, in text order (stage 2).
    pub sentences: Vec<Sentence>,
    /// Tokens, in text order (stage 2); not part of the schema.
    #[serde(skip)]
    pub tokens: Vec<Token>,
    /// Time expressions (stage 3).
    pub timexes: Vec<Timex>,
    /// Persons, organisations and places (stage 4).
    pub entities: Vec<Entity>,
    /// Quotations (stage 5).
    pub quotes: Vec<Quote>,
    /// Events (stage 6).
    pub events: Vec<Event>,
}

impl Analysis {
    /// A fresh analysis of `article` with every layer empty.
    pub fn new(article: Article) -> Analysis {
        Analysis {
            schema: SCHEMA,
            article,
            sentences: Vec::new(),
            tokens: Vec::new(),
            timexes: Vec::new(),
            entities: Vec::new(),
            quotes: Vec::new(),
            events: Vec::new(),
        }
    }

    /// For each token, the entity (index into `entities`) whose mention covers it;
    /// the quote and event stages both read actors through it.
    pub fn token_entities(&self) -> Vec<Option<usize>> {
        self.entities_covering(|_| true)
    }

    /// For each token, the entity whose mention covers it, leaving out role nouns
    /// tied to it by a guess ([`Mention::inferred`]): what the quote models read.
    pub fn token_certain_entities(&self) -> Vec<Option<usize>> {
        self.entities_covering(|m| !m.inferred)
    }

    fn entities_covering(&self, keep: impl Fn(&Mention) -> bool) -> Vec<Option<usize>> {
        let tokens = &self.tokens;
        let mut entity_at = vec![None; tokens.len()];
        for (e, entity) in self.entities.iter().enumerate() {
            for m in entity.mentions.iter().filter(|m| keep(m)) {
                let first = tokens.partition_point(|t| t.span.end <= m.span.start);
                for (slot, t) in entity_at[first..].iter_mut().zip(&tokens[first..]) {
                    if t.span.start >= m.span.end {
                        break;
                    }
                    *slot = Some(e);
                }
            }
        }
        entity_at
    }

    /// The tokens of sentence `s`.
    pub fn sentence_tokens(&self, s: &Sentence) -> &[Token] {
        self.tokens.get(s.first_token..s.end_token).unwrap_or(&[])
    }
}
