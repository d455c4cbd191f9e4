//! Fuzz target for the NER model reader (`depesche eval ner --models DIR`): any
//! bytes either load or are an error, and a loaded model labels a sentence with
//! one of its own labels per token.

#![no_main]

use depesche_core::entities::features::FeatureSources;
use depesche_core::entities::ner::NerModel;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(model) = NerModel::from_bytes(data) {
        let sources = FeatureSources { clusters: None, gazetteer: None };
        let labels = model.label(&["Angela", "Merkel", "in", "Berlin"], &sources);
        assert_eq!(labels.len(), 4);
        assert!(labels.iter().all(|l| model.labels().iter().any(|m| m == l)));
    }
});
