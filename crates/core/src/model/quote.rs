//! Quotations: who said what, with the words, the cue and the circumstances.

use super::{DateRef, Span};
use serde::Serialize;

/// How a quotation reports speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// The words themselves, in quotation marks.
    Direct,
    /// Reported in the speaker's name: a dass-clause, Konjunktiv, "laut X".
    Indirect,
    /// Reported speech with quoted words inside it.
    Mixed,
}

impl QuoteKind {
    /// Its name in `depesche/1` ("direct", "indirect", "mixed").
    pub fn name(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
        }
    }
}

/// A text span that names who speaks or is spoken to, and the entity it refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorRef {
    /// The entity (`e1`), where the entity layer has one.
    pub entity: Option<String>,
    /// The words as written ("Trump", "ein Sprecher des US-Außenministeriums").
    pub text: String,
    /// Where they are (an extension of `depesche/1`: the schema gives only the text).
    #[serde(flatten)]
    pub span: Span,
}

/// A span with its text: a quote's cue word ("sagte") or an event's trigger ("traf").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cue {
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
    /// The words as written.
    pub text: String,
    /// The other words of a cue that is more than its head word, in text order: the
    /// particle of "teilte … mit", the auxiliary of "hat … angekündigt", the "es" of
    /// "hieß es", the "wie" of "wie … mitteilte". Empty for a one-word cue, and then
    /// not written (an extension of `depesche/1`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<CuePart>,
}

impl Cue {
    /// The cue's words in text order, joined by spaces ("teilte mit" for "teilte die
    /// Polizei mit"): what a reader of a summary wants to see of it.
    pub fn words(&self) -> String {
        let mut words: Vec<(usize, &str)> = std::iter::once((self.span.start, self.text.as_str()))
            .chain(self.parts.iter().map(|p| (p.span.start, p.text.as_str())))
            .collect();
        words.sort_unstable();
        words
            .into_iter()
            .map(|(_, w)| w)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// One further word of a cue ([`Cue::parts`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CuePart {
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
    /// The word as written.
    pub text: String,
}

/// One quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// `q1`, `q2` … in text order.
    pub id: String,
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// The quoted content (without the quotation marks of a direct quote).
    #[serde(flatten)]
    pub span: Span,
    /// The content as written.
    pub text: String,
    /// Who said it.
    pub speaker: Option<ActorRef>,
    /// The speech verb or noun that introduces it.
    pub cue: Option<Cue>,
    /// To whom it was said.
    pub addressee: Option<ActorRef>,
    /// Where it was said or written ("X", "in einem Interview").
    pub medium: Option<String>,
    /// When it was said.
    pub date: Option<DateRef>,
    /// The frame is there but its content was lost ("sagte Trump:" and nothing).
    pub incomplete: bool,
}
