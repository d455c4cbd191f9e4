//! Fuzz target for the TimeML / ACE TIMEX2 gold reader (`depesche eval time`):
//! any text either parses or is an error, and every parsed expression lies
//! inside the document text with start <= end.

#![no_main]

use depesche_eval::timeml;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(xml) = std::str::from_utf8(data) else { return };
    if let Ok(doc) = timeml::parse("fuzz", xml) {
        let chars = doc.text.chars().count();
        for t in &doc.timexes {
            assert!(t.start <= t.end && t.end <= chars, "{t:?} outside {chars} chars");
        }
    }
});
