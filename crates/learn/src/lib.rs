//! Training for depesche's statistical parts.
//!
//! The models are trained here and read by `depesche-core` at run time: the NER
//! model ([`ner`]) from GermEval 2014, the word clusters ([`clusters`]) from
//! unlabelled news, the quote labeller ([`quotes`]), the speaker ranking
//! ([`speakers`]) and the keep model ([`keep`]) from the quotation-attribution
//! corpus, the last two as linear rankings ([`ranking`]), and how often unlabelled
//! news has each word as a speech verb's subject ([`speaker_words`]).

pub mod clusters;
pub mod crf;
pub mod keep;
pub mod ner;
pub mod quotes;
pub mod ranking;
pub mod speaker_words;
pub mod speakers;
