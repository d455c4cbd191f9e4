//! Fuzz target for the article reader (stage 1) and the pipeline after it.
//!
//! Input: the first byte picks the format (even = `Plain`, odd = `JsonLines`),
//! the rest is the file content. Every article read is analysed with the German
//! pipeline, and every block, sentence and warning span must be a valid span of
//! `article.text`: `start <= end`, `byte_end <= text.len()`, the byte range lies
//! on char boundaries, it holds exactly `end - start` chars, and `start` is the
//! char count of `text[..byte_start]`.

#![no_main]

use std::sync::OnceLock;

use depesche_core::article::{self, InputFormat, ReadOptions};
use depesche_core::{Pipeline, Span};
use libfuzzer_sys::fuzz_target;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::german().unwrap())
}

fn check_span(text: &str, what: &str, span: &Span) {
    assert!(
        span.start <= span.end,
        "{what}: start > end in {span:?} (text {text:?})"
    );
    assert!(
        span.byte_start <= span.byte_end,
        "{what}: byte_start > byte_end in {span:?} (text {text:?})"
    );
    assert!(
        span.byte_end <= text.len(),
        "{what}: byte_end past text length {} in {span:?} (text {text:?})",
        text.len()
    );
    let slice = text.get(span.byte_start..span.byte_end);
    assert!(
        slice.is_some(),
        "{what}: byte range not on char boundaries in {span:?} (text {text:?})"
    );
    let chars = slice.unwrap().chars().count();
    assert_eq!(
        chars,
        span.end - span.start,
        "{what}: char count of byte range != end - start in {span:?} (text {text:?})"
    );
    let start = text[..span.byte_start].chars().count();
    assert_eq!(
        start, span.start,
        "{what}: char start != chars before byte_start in {span:?} (text {text:?})"
    );
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let format = if selector & 1 == 0 {
        InputFormat::Plain
    } else {
        InputFormat::JsonLines
    };
    for result in article::read("fuzz.txt", rest, format, &ReadOptions::default()) {
        let Ok(article) = result else { continue };
        let analysis = pipeline().analyze(article);
        let text = analysis.article.text.as_str();
        for (i, block) in analysis.article.blocks.iter().enumerate() {
            check_span(text, &format!("block {i} ({:?})", block.kind), &block.span);
        }
        for (i, sentence) in analysis.sentences.iter().enumerate() {
            check_span(text, &format!("sentence {i}"), &sentence.span);
        }
        for (i, warning) in analysis.article.warnings.iter().enumerate() {
            check_span(text, &format!("warning {i} ({:?})", warning.kind), &warning.span);
        }
        for (i, timex) in analysis.timexes.iter().enumerate() {
            check_span(text, &format!("timex {i} ({})", timex.value), &timex.span);
            assert!(!timex.value.contains('{'), "timex {i}: unresolved template {:?}", timex.value);
        }
    }
});
