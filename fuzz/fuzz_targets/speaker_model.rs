//! Fuzz target for the speaker model reader (`depesche eval quotes --models DIR`
//! reads `speakers.tsv` from there): any text either parses, and then writes back to
//! a model that scores the same, or is an error naming the file and a line in it.

#![no_main]

use depesche_core::quotes::speakers::SpeakerModel;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    match SpeakerModel::parse("fuzz.tsv", text) {
        Ok(model) => {
            let features: Vec<String> = text
                .lines()
                .filter_map(|l| l.rsplit_once('\t'))
                .map(|(f, _)| f.to_string())
                .collect();
            let weights: Vec<(String, f32)> = features
                .iter()
                .map(|f| (f.clone(), model.score_names(std::slice::from_ref(f))))
                .collect();
            let again = SpeakerModel::parse("again.tsv", &SpeakerModel::to_tsv(&weights, ""));
            let again = again.expect("a written model reads back");
            for f in &features {
                let (a, b) = (model.score_names(std::slice::from_ref(f)), again.score_names(std::slice::from_ref(f)));
                assert!(a == b || (a - b).abs() <= f32::EPSILON * a.abs().max(1.0), "{f:?}: {a} {b}");
            }
        }
        Err(e) => {
            assert_eq!(e.file, "fuzz.tsv");
            assert!(e.line >= 1 && e.line <= text.lines().count(), "{e}");
        }
    }
});
