//! Fuzz target for the event gold reader (`depesche eval events`): any bytes either
//! parse or are an error naming the file, and scoring a parsed file against no
//! prediction counts every gold event as missed.

#![no_main]

use depesche_eval::events::{parse_gold, score_document, EventDocument, EventReport};
use libfuzzer_sys::fuzz_target;
use std::path::{Path, PathBuf};

fuzz_target!(|data: &[u8]| {
    match parse_gold(Path::new("fuzz.gold.json"), data) {
        Ok(gold) => {
            let doc = EventDocument {
                name: "fuzz".into(),
                article: PathBuf::from("fuzz.txt"),
                events: gold.events,
            };
            let mut report = EventReport::default();
            score_document(&doc, &[], &mut report);
            assert_eq!(report.typed.fn_, doc.events.len());
        }
        Err(e) => assert!(e.to_string().starts_with("fuzz.gold.json")),
    }
});
