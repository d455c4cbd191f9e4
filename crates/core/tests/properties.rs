//! Property tests: every span slices `article.text` to its text, and no input panics.

use depesche_core::article::{self, InputFormat, ReadOptions};
use depesche_core::{Analysis, Pipeline, Span};
use proptest::prelude::*;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::german().expect("lexicons load"))
}

/// Checks one span against the text: byte and character offsets agree.
fn check_span(text: &str, char_at_byte: &[usize], span: &Span, what: &str) {
    assert!(span.start <= span.end, "{what}: start after end: {span:?}");
    assert!(
        span.byte_end <= text.len(),
        "{what}: past the end: {span:?}"
    );
    let slice = text
        .get(span.byte_start..span.byte_end)
        .unwrap_or_else(|| panic!("{what}: not on char boundaries: {span:?}"));
    assert_eq!(
        char_at_byte[span.byte_start], span.start,
        "{what}: char start {span:?}"
    );
    assert_eq!(
        slice.chars().count(),
        span.end - span.start,
        "{what}: char length {span:?}"
    );
}

/// Checks every span of an analysis and the order of sentences and tokens.
fn check_analysis(a: &Analysis) {
    let text = &a.article.text;
    let mut char_at_byte = vec![0; text.len() + 1];
    let mut chars = 0;
    for (i, c) in text.char_indices() {
        char_at_byte[i] = chars;
        chars += 1;
        for b in 1..c.len_utf8() {
            char_at_byte[i + b] = usize::MAX;
        }
    }
    char_at_byte[text.len()] = chars;
    for b in &a.article.blocks {
        check_span(text, &char_at_byte, &b.span, "block");
    }
    for w in &a.article.warnings {
        check_span(text, &char_at_byte, &w.span, "warning");
    }
    for t in &a.timexes {
        check_span(text, &char_at_byte, &t.span, "timex");
        assert_eq!(t.text, t.span.slice(text), "timex text");
        assert!(
            !t.value.is_empty() && !t.value.contains('{'),
            "timex value {:?}",
            t.value
        );
    }
    for (i, e) in a.entities.iter().enumerate() {
        assert_eq!(e.id, format!("e{}", i + 1), "entity ids in order");
        assert!(!e.mentions.is_empty(), "entity without mentions");
        for m in &e.mentions {
            check_span(text, &char_at_byte, &m.span, "mention");
            assert_eq!(m.text, m.span.slice(text), "mention text");
        }
    }
    for (i, q) in a.quotes.iter().enumerate() {
        assert_eq!(q.id, format!("q{}", i + 1), "quote ids in order");
        check_span(text, &char_at_byte, &q.span, "quote");
        assert_eq!(q.text, q.span.slice(text), "quote text");
        for actor in q.speaker.iter().chain(&q.addressee) {
            check_span(text, &char_at_byte, &actor.span, "speaker");
            assert_eq!(actor.text, actor.span.slice(text), "speaker text");
        }
        if let Some(cue) = &q.cue {
            check_span(text, &char_at_byte, &cue.span, "cue");
            assert_eq!(cue.text, cue.span.slice(text), "cue text");
            for part in &cue.parts {
                check_span(text, &char_at_byte, &part.span, "cue part");
                assert_eq!(part.text, part.span.slice(text), "cue part text");
                assert_ne!(part.span, cue.span, "a cue part is not its head");
            }
            assert!(
                cue.parts
                    .windows(2)
                    .all(|w| w[0].span.end <= w[1].span.start),
                "cue parts in text order, apart"
            );
        }
    }
    let entity_ids: Vec<&str> = a.entities.iter().map(|e| e.id.as_str()).collect();
    for (i, v) in a.events.iter().enumerate() {
        assert_eq!(v.id, format!("v{}", i + 1), "event ids in order");
        assert!(v.sentence < a.sentences.len(), "event sentence");
        assert_eq!(
            v.mentions.first(),
            Some(&v.trigger),
            "first mention is the trigger"
        );
        for t in &v.mentions {
            check_span(text, &char_at_byte, &t.span, "event mention");
            assert_eq!(t.text, t.span.slice(text), "event mention text");
        }
        let actors = v
            .source
            .iter()
            .chain(&v.target)
            .chain(&v.location)
            .chain(&v.claimed_by);
        for actor in actors {
            check_span(text, &char_at_byte, &actor.span, "event actor");
            assert_eq!(actor.text, actor.span.slice(text), "event actor text");
            if let Some(id) = &actor.entity {
                assert!(entity_ids.contains(&id.as_str()), "event actor entity {id}");
            }
        }
    }
    let mut last_end = 0;
    for s in &a.sentences {
        check_span(text, &char_at_byte, &s.span, "sentence");
        assert!(s.span.start >= last_end, "sentences overlap");
        assert!(s.first_token < s.end_token, "empty sentence");
        last_end = s.span.end;
    }
    let mut last_end = 0;
    for t in &a.tokens {
        check_span(text, &char_at_byte, &t.span, "token");
        assert!(!t.span.is_empty(), "empty token");
        assert!(t.span.start >= last_end, "tokens overlap");
        last_end = t.span.end;
    }
}

fn analyze_all(bytes: &[u8], format: InputFormat) {
    for a in article::read("prop.txt", bytes, format, &ReadOptions::default())
        .into_iter()
        .flatten()
    {
        check_analysis(&pipeline().analyze(a));
    }
}

/// Text that looks like news and is full of what segmentation trips over.
fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            Just("Dr.".to_string()),
            Just("z. B.".to_string()),
            Just("am 3. Oktober".to_string()),
            Just("26.08.2025".to_string()),
            Just("„Wir kommen.“".to_string()),
            Just("\"".to_string()),
            Just("»«‚‘".to_string()),
            Just("…".to_string()),
            Just("...".to_string()),
            Just("?!".to_string()),
            Just(":".to_string()),
            Just("\u{00AD}".to_string()),
            Just("\u{00A0}".to_string()),
            Just("\u{200B}".to_string()),
            Just("\r\n".to_string()),
            Just("\n\n".to_string()),
            Just("https://example.org/a.html".to_string()),
            Just("@handle #tag".to_string()),
            Just("Staats- und".to_string()),
            Just("am Montag".to_string()),
            Just("in der Nacht zu Mittwoch".to_string()),
            Just("vor zwei Wochen".to_string()),
            Just("Mitte August 2024".to_string()),
            Just("um halb drei".to_string()),
            Just("1990er-Jahre".to_string()),
            Just("US-Präsident Donald Trump".to_string()),
            Just("Bundesaußenminister Johann Wadephul (CDU)".to_string()),
            Just("Der Außenminister von Italien, Antonio Tajani,".to_string()),
            Just("Putins".to_string()),
            Just("der US-Präsident".to_string()),
            Just("Moskau".to_string()),
            Just("sagte".to_string()),
            Just(", so ein Sprecher".to_string()),
            Just("zufolge".to_string()),
            Just("„Wir".to_string()),
            Just("sei bereit".to_string()),
            Just("Aussagen".to_string()),
            Just("nach eigenen Angaben".to_string()),
            Just("Wie die Polizei mitteilte,".to_string()),
            Just("teilte mit".to_string()),
            Just("hat es angekündigt".to_string()),
            Just("hieß es".to_string()),
            "[A-Za-zÄÖÜäöüß]{1,12}",
            "[0-9.,:]{1,8}",
            "\\PC{1,6}",
            Just(" ".to_string()),
        ],
        0..60,
    );
    pieces.prop_map(|p| p.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        analyze_all(&bytes, InputFormat::Plain);
        analyze_all(&bytes, InputFormat::JsonLines);
    }

    #[test]
    fn spans_slice_the_text_of_newsy_plain_articles(body in newsy(), head in newsy()) {
        let input = format!(" date 2025-08-26 {head}\n{body}");
        analyze_all(input.as_bytes(), InputFormat::Plain);
        analyze_all(body.as_bytes(), InputFormat::Plain);
    }

    #[test]
    fn spans_slice_the_text_of_newsy_json_articles(body in newsy(), title in newsy()) {
        let line = serde_json::json!({"published": "2025-08-26", "title": title, "text": body}).to_string();
        analyze_all(line.as_bytes(), InputFormat::JsonLines);
    }
}

#[test]
fn a_five_megabyte_line_is_analysed() {
    let sentence = "Der Bundestag beschloss am 3. Oktober u. a. „neue Regeln.“ ";
    let repeats = 5_000_000 / sentence.len();
    let line: String = sentence.repeat(repeats);
    let input = format!(" date 2025-08-26 Dach:Titel\nVorspann.\n{line}\n");
    let mut read = article::read(
        "big.txt",
        input.as_bytes(),
        InputFormat::Plain,
        &ReadOptions::default(),
    );
    let a = pipeline().analyze(read.remove(0).expect("reads"));
    // kicker, title, lead, then one sentence per repetition
    assert_eq!(a.sentences.len(), 3 + repeats);
    check_analysis(&a);
}

#[test]
fn empty_invalid_and_impossible_inputs_are_errors_not_panics() {
    let cases: [&[u8]; 5] = [
        b"",
        b"\xEF\xBB\xBF",
        b" date 2025-02-30 K:T\nLead",
        b" date 9999-99-99 K:T",
        b"\xff\xfe\x00",
    ];
    for bytes in cases {
        for format in [InputFormat::Plain, InputFormat::JsonLines] {
            let results = article::read("bad.txt", bytes, format, &ReadOptions::default());
            assert!(
                results.iter().all(Result::is_err),
                "{bytes:?} read as an article"
            );
        }
    }
}
