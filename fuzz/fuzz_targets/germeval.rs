//! Fuzz target for the GermEval 2014 NER reader (`depesche eval ner`, `train ner`):
//! any text either parses or is an error, and every parsed sentence has one outer
//! and one inner label per token.

#![no_main]

use depesche_eval::germeval;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(sentences) = germeval::parse(text) {
        for s in &sentences {
            assert_eq!(s.tokens.len(), s.outer.len());
            assert_eq!(s.tokens.len(), s.inner.len());
        }
    }
});
