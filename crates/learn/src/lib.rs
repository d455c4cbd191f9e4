//! Training for depesche's statistical parts.
//!
//! The models are trained here and read by `depesche-core` at run time: the NER
//! model ([`ner`]) from GermEval 2014, the word clusters ([`clusters`]) from
//! unlabelled news, the quote labeller ([`quotes`]) and the speaker ranking
//! ([`speakers`]) from the quotation-attribution corpus.

pub mod clusters;
pub mod crf;
pub mod ner;
pub mod quotes;
pub mod speakers;
