//! The document model: one article and the layers the stages add to it.
//!
//! Offsets are character offsets (Unicode scalar values) into `Article::text`,
//! end-exclusive, as the `depesche/1` schema defines them. Structures that later
//! stages need for speed also carry byte offsets, which are never serialised.

mod analysis;
mod article;
mod date;
mod entity;
mod event;
mod quote;
mod span;
mod timex;
mod token;

pub use analysis::{Analysis, Sentence, SCHEMA};
pub use article::{Article, Block, BlockKind, Warning, WarningKind};
pub use date::{Date, DateError};
pub use entity::{Entity, EntityKind, Gender, Mention};
pub use event::{Event, EventType};
pub use quote::{ActorRef, Cue, CuePart, Quote, QuoteKind};
pub use span::Span;
pub use timex::{DateRef, Timex, TimexType};
pub use token::{Token, TokenKind};
