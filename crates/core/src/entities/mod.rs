//! Stage 4, **entities**: persons, organisations and places.
//!
//! A trained CRF ([`ner`]) over German token features ([`features`]) finds the
//! mentions; word clusters learnt from unlabelled news ([`clusters`]) and gazetteers
//! ([`gazetteer`]) feed it.

pub mod clusters;
pub mod features;
pub mod gazetteer;
pub mod mentions;
pub mod ner;
