//! depesche's core: the document model and the analysis stages.
//!
//! Everything here is a pure function over one article: readers take bytes and
//! return an [`model::Article`] or a [`article::ReadError`], stages add layers to an
//! [`model::Analysis`]. Nothing in this crate touches files, the network or the clock,
//! so the CLI, the store and the server can share one [`pipeline::Pipeline`].

pub mod article;
pub mod entities;
pub mod events;
pub mod model;
pub mod pipeline;
pub mod quotes;
pub mod text;
pub mod time;

pub use model::{
    Analysis, Article, Block, BlockKind, Date, Entity, EntityKind, Event, EventType, Mention,
    Quote, QuoteKind, Sentence, Span, Timex, TimexType, Token, TokenKind,
};
pub use pipeline::{Pipeline, PipelineError, Stage};
