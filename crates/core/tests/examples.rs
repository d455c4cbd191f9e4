//! Tests over the bundled examples: golden snapshots of their whole structure,
//! time expressions, entities, quotes and events, span by span, and checks against hand-written expectations (the reference article's
//! gold; `examples/articles/expected.md`). Refresh snapshots after an intended change
//! with `INSTA_UPDATE=always cargo test`, then read the diff of `tests/snapshots/`.

use depesche_core::article::{self, InputFormat, ReadOptions};
use depesche_core::BlockKind;
use depesche_core::{Analysis, Pipeline};
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// The repository's `examples/` folder.
pub fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// Analyses every article of the example file `relative` (under `examples/`).
pub fn analyze_example(relative: &str) -> Vec<Analysis> {
    let path = examples_dir().join(relative);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let format = InputFormat::from_file_name(relative).expect("known extension");
    let pipeline = Pipeline::german().expect("lexicons load");
    article::read(relative, &bytes, format, &ReadOptions::default())
        .into_iter()
        .map(|r| pipeline.analyze(r.expect("example reads")))
        .collect()
}

/// Every block, sentence and warning with its offsets and text; tokens too if asked.
pub fn render(a: &Analysis, with_tokens: bool) -> String {
    let art = &a.article;
    let mut out = String::new();
    let published = art.published.map(|d| d.to_string());
    writeln!(out, "id={} published={published:?}", art.id).unwrap();
    writeln!(
        out,
        "kicker={:?}\ntitle={:?}\nlead={:?}",
        art.kicker, art.title, art.lead
    )
    .unwrap();
    for b in &art.blocks {
        writeln!(
            out,
            "block {:?} {}..{} {:?}",
            b.kind,
            b.span.start,
            b.span.end,
            art.slice(&b.span)
        )
        .unwrap();
    }
    for s in &a.sentences {
        writeln!(
            out,
            "sentence {}..{} {:?}",
            s.span.start,
            s.span.end,
            art.slice(&s.span)
        )
        .unwrap();
        if with_tokens {
            let tokens: Vec<String> = a
                .sentence_tokens(s)
                .iter()
                .map(|t| format!("{}[{:?}]", t.text(&art.text), t.kind))
                .collect();
            writeln!(out, "  {}", tokens.join(" ")).unwrap();
        }
    }
    for t in &a.timexes {
        let m = t
            .modifier
            .as_deref()
            .map(|m| format!(" mod={m}"))
            .unwrap_or_default();
        writeln!(
            out,
            "timex {}..{} {:?} {:?} {}{m}",
            t.span.start,
            t.span.end,
            art.slice(&t.span),
            t.kind,
            t.value
        )
        .unwrap();
    }
    for e in &a.entities {
        let mentions: Vec<String> = e
            .mentions
            .iter()
            .map(|m| format!("{}..{} {:?}", m.span.start, m.span.end, art.slice(&m.span)))
            .collect();
        writeln!(
            out,
            "entity {} {} {:?} country={:?} roles={:?} party={:?} stands_for={:?}\n  {}",
            e.id,
            e.kind,
            e.name,
            e.country,
            e.roles,
            e.party,
            e.stands_for,
            mentions.join(", ")
        )
        .unwrap();
    }
    for q in &a.quotes {
        let speaker = q
            .speaker
            .as_ref()
            .map(|s| format!("{:?}({:?})", s.text, s.entity));
        writeln!(
            out,
            "quote {} {:?} {}..{} {:?} speaker={} cue={:?} addressee={:?} medium={:?} date={:?} incomplete={}",
            q.id,
            q.kind,
            q.span.start,
            q.span.end,
            q.text,
            speaker.unwrap_or_default(),
            q.cue.as_ref().map(|c| c.words()),
            q.addressee.as_ref().map(|a| &a.text),
            q.medium,
            q.date.as_ref().map(|d| &d.value),
            q.incomplete
        )
        .unwrap();
    }
    for v in &a.events {
        let actors = |list: &[depesche_core::model::ActorRef]| {
            list.iter()
                .map(|r| format!("{:?}({:?})", r.text, r.entity))
                .collect::<Vec<_>>()
                .join(" + ")
        };
        writeln!(
            out,
            "event {} {} {:?} {:?} {} -> {} at={:?} date={:?} negated={} planned={} hypothetical={} claimed_by={:?} mentions={:?}",
            v.id,
            v.kind,
            v.mode,
            v.trigger.text,
            actors(&v.source),
            actors(&v.target),
            v.location.as_ref().map(|l| &l.text),
            v.date.as_ref().map(|d| &d.value),
            v.negated,
            v.planned,
            v.hypothetical,
            v.claimed_by.as_ref().map(|c| &c.text),
            v.mentions.iter().map(|m| m.span.start).collect::<Vec<_>>()
        )
        .unwrap();
    }
    for w in &art.warnings {
        writeln!(
            out,
            "warning {:?} {}..{} {:?}",
            w.kind,
            w.span.start,
            w.span.end,
            art.slice(&w.span)
        )
        .unwrap();
    }
    out
}

#[test]
fn seed_article_with_tokens() {
    let analyses = analyze_example("seed-2025-08-26-trump-putin.txt");
    insta::assert_snapshot!(render(&analyses[0], true));
}

#[test]
fn sample_articles() {
    let dir = examples_dir().join("articles");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("examples/articles exists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 5, "sample articles missing");
    for name in names {
        let analyses = analyze_example(&format!("articles/{name}"));
        insta::assert_snapshot!(
            name.trim_end_matches(".txt").to_string(),
            render(&analyses[0], false)
        );
    }
}

#[test]
fn json_lines_and_plain_text() {
    let batch: Vec<String> = analyze_example("batch.jsonl")
        .iter()
        .map(|a| render(a, false))
        .collect();
    insta::assert_snapshot!("batch", batch.join("\n"));
    insta::assert_snapshot!(
        "ohne-kopf",
        render(&analyze_example("plain/ohne-kopf.txt")[0], false)
    );
}

fn subheadings(a: &Analysis) -> Vec<&str> {
    let art = &a.article;
    art.blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Subheading)
        .map(|b| art.slice(&b.span))
        .collect()
}

fn lost_embeds(a: &Analysis) -> Vec<&str> {
    a.article
        .warnings
        .iter()
        .map(|w| a.article.slice(&w.span))
        .collect()
}

#[test]
fn reference_article_structure_matches_its_gold() {
    let a = &analyze_example("seed-2025-08-26-trump-putin.txt")[0];
    assert_eq!(
        a.article.published.map(|d| d.to_string()).as_deref(),
        Some("2025-08-26")
    );
    assert_eq!(
        a.article.kicker.as_deref(),
        Some("Putins Vorgehen nach Gesprächen")
    );
    assert_eq!(
        a.article.title.as_deref(),
        Some("Trump: \"Macht mich sehr wütend\"")
    );
    assert_eq!(
        subheadings(a),
        vec![
            "Ringen um bilaterales Treffen nach Alaska-Gipfel",
            "US-Außenminister Rubio telefonierte mit Vertretern der Ukraine und der EU",
            "Bundesaußenminister Wadephul: Druck auf Russland erhöhen",
            "Frage nach Sicherheitsgarantien weiterhin ungeklärt",
        ]
    );
    assert_eq!(
        lost_embeds(a),
        vec![
            "Auf die Frage, wie das Gespräch verlaufen sei, sagte Trump:",
            "Die beteiligten Außenminister aus Finnland, Frankreich, Großbritannien, Italien, Polen, der Ukraine, der USA sowie Kallas seien sich einig:",
        ]
    );
}

/// One article's expectations from `expected.md`.
#[derive(Default, Debug)]
struct Expected {
    file: String,
    kicker: String,
    title: String,
    subheadings: Vec<String>,
    lost_embeds: Vec<String>,
}

fn backticked(line: &str) -> Option<String> {
    let start = line.find('`')? + 1;
    let end = start + line[start..].find('`')?;
    Some(line[start..end].to_string())
}

fn parse_expected(md: &str) -> Vec<Expected> {
    let mut out: Vec<Expected> = Vec::new();
    let mut list = "";
    for line in md.lines() {
        if let Some(rest) = line.strip_prefix("## ") {
            out.push(Expected {
                file: backticked(rest).unwrap_or_default(),
                ..Expected::default()
            });
            list = "";
            continue;
        }
        let Some(e) = out.last_mut() else { continue };
        let value = backticked(line).unwrap_or_default();
        if line.starts_with("- kicker:") {
            e.kicker = value;
        } else if line.starts_with("- title:") {
            e.title = value;
        } else if line.starts_with("- subheadings") {
            list = "subheadings";
        } else if line.starts_with("- lost embeds") {
            list = "lost";
        } else if line.starts_with("- ") {
            list = "";
        } else if line.trim_start().starts_with("1. ") {
            match list {
                "subheadings" => e.subheadings.push(value),
                "lost" => e.lost_embeds.push(value),
                _ => {}
            }
        }
    }
    out
}

#[test]
fn sample_articles_match_expected_md() {
    let md =
        std::fs::read_to_string(examples_dir().join("articles/expected.md")).expect("expected.md");
    let expected = parse_expected(&md);
    assert!(
        expected.len() >= 5,
        "expected.md lists {} articles",
        expected.len()
    );
    assert!(expected.iter().map(|e| e.lost_embeds.len()).sum::<usize>() >= 2);
    for e in expected {
        let a = &analyze_example(&format!("articles/{}", e.file))[0];
        assert_eq!(
            a.article.kicker.as_deref(),
            Some(e.kicker.as_str()),
            "{}",
            e.file
        );
        assert_eq!(
            a.article.title.as_deref(),
            Some(e.title.as_str()),
            "{}",
            e.file
        );
        assert_eq!(subheadings(a), e.subheadings, "{}", e.file);
        assert_eq!(lost_embeds(a), e.lost_embeds, "{}", e.file);
    }
}

#[test]
fn a_label_paragraph_before_its_text_is_no_lost_embed() {
    let pipeline = Pipeline::german().expect("lexicons load");
    let analyze = |text: &str| {
        let published = "2025-10-01".parse().ok();
        pipeline.analyze(depesche_core::Article::from_text("case", text, published))
    };
    let interview = "Die Ärztin arbeitet seit zwanzig Jahren in Kassel.\n\nZEIT ONLINE:\n\nWie geht es Ihnen?\n\nSchulte-Markwort:\n\nGut, danke.";
    assert_eq!(lost_embeds(&analyze(interview)), Vec::<&str>::new());
    // a frame after its speaker, or a longer phrase, still loses what it introduces
    let lost = "Die Ärztin arbeitet seit zwanzig Jahren in Kassel.\n\nDazu sagte die Ärztin:\n\nDie Bilanz des Jahres im Überblick:\n\nDer Rat tagt wieder im Mai.";
    assert_eq!(
        lost_embeds(&analyze(lost)),
        [
            "Dazu sagte die Ärztin:",
            "Die Bilanz des Jahres im Überblick:"
        ]
    );
}
