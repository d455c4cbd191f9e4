//! Fuzz target for the quotation corpus reader (`depesche eval quotes`, `depesche
//! train quotes`): any bytes either parse or are an error naming the file, and
//! scoring a parsed document against no prediction pairs nothing and counts every
//! scored gold quotation.

#![no_main]

use depesche_eval::quotes::{parse_document, score_document, QuoteReport, QuoteType};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("1 - Fuzz (2020-01-01).json");
    match parse_document(path, data) {
        Ok(doc) => {
            let mut report = QuoteReport::default();
            score_document(&doc, &[], &mut report);
            let scored = doc
                .quotes
                .iter()
                .filter(|q| q.kind != QuoteType::Reported)
                .count();
            assert_eq!(report.overall.gold, scored);
            assert_eq!(report.overall.paired, 0);
        }
        Err(e) => assert!(e.to_string().starts_with("1 - Fuzz (2020-01-01).json")),
    }
});
