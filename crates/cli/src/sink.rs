//! Where analyses go: JSON Lines or a readable summary.

use crate::args::OutputFormat;
use depesche_core::model::ActorRef;
use depesche_core::{Analysis, BlockKind};
use std::io::{self, Write};

/// The most characters of a quotation the summary shows before "…".
const QUOTE_CHARS: usize = 160;

/// Receives analyses one at a time, in input order.
pub trait Sink {
    /// Writes one analysis.
    fn write(&mut self, analysis: &Analysis) -> io::Result<()>;
}

/// The sink for `format`, writing to `out`.
pub fn for_format<'w>(format: OutputFormat, out: Box<dyn Write + 'w>) -> Box<dyn Sink + 'w> {
    match format {
        OutputFormat::Json | OutputFormat::Jsonl => Box::new(JsonSink { out }),
        OutputFormat::Text => Box::new(TextSink { out, count: 0 }),
    }
}

/// One `depesche/1` object per line.
struct JsonSink<'w> {
    out: Box<dyn Write + 'w>,
}

impl Sink for JsonSink<'_> {
    fn write(&mut self, analysis: &Analysis) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, analysis)?;
        self.out.write_all(b"\n")
    }
}

/// A summary for people: metadata, structure, time expressions, entities, quotes,
/// events and warnings, each fact on a line of its own.
struct TextSink<'w> {
    out: Box<dyn Write + 'w>,
    count: usize,
}

impl Sink for TextSink<'_> {
    fn write(&mut self, a: &Analysis) -> io::Result<()> {
        let art = &a.article;
        let o = &mut self.out;
        if self.count > 0 {
            writeln!(o)?;
        }
        self.count += 1;
        let date = art
            .published
            .map_or_else(|| "unknown date".to_string(), |d| d.to_string());
        writeln!(o, "== {} ({}) — published {date}", art.id, art.source)?;
        for (label, value) in [
            ("kicker", &art.kicker),
            ("title", &art.title),
            ("lead", &art.lead),
        ] {
            if let Some(v) = value {
                writeln!(o, "{label:>8}: {v}")?;
            }
        }
        let count = |k: BlockKind| art.blocks.iter().filter(|b| b.kind == k).count();
        writeln!(
            o,
            "{:>8}: {} paragraphs, {} subheadings, {} sentences, {} tokens",
            "body",
            count(BlockKind::Paragraph),
            count(BlockKind::Subheading),
            a.sentences.len(),
            a.tokens.len()
        )?;
        for block in art
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Subheading)
        {
            writeln!(o, "{:>8}  ▸ {}", "", art.slice(&block.span))?;
        }
        if !a.timexes.is_empty() {
            writeln!(o, "{:>8}: {} expressions", "time", a.timexes.len())?;
            for t in &a.timexes {
                let m = t
                    .modifier
                    .as_deref()
                    .map(|m| format!(" {m}"))
                    .unwrap_or_default();
                writeln!(o, "{:>8}  {} → {}{m}", "", t.text, t.value)?;
            }
        }
        if !a.entities.is_empty() {
            writeln!(o, "{:>8}: {}", "entities", a.entities.len())?;
            for e in &a.entities {
                let mut about: Vec<&str> = e.roles.iter().map(String::as_str).collect();
                about.extend(e.party.as_deref());
                about.extend(e.country.as_deref());
                about.extend(e.stands_for.as_deref().map(|_| "stands for its government"));
                let about = if about.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", about.join(", "))
                };
                let mentions = e.mentions.len();
                let plural = if mentions == 1 { "" } else { "s" };
                writeln!(
                    o,
                    "{:>8}  {} {} {}{about}, {mentions} mention{plural}",
                    "",
                    e.id,
                    e.kind.name(),
                    e.name
                )?;
            }
        }
        if !a.quotes.is_empty() {
            writeln!(o, "{:>8}: {}", "quotes", a.quotes.len())?;
            for q in &a.quotes {
                let kind = q.kind.name();
                let mut facts = vec![actor(a, q.speaker.as_ref())];
                facts.extend(q.cue.as_ref().map(|c| format!("cue “{}”", c.words())));
                facts.extend(
                    q.addressee
                        .as_ref()
                        .map(|x| format!("to {}", actor(a, Some(x)))),
                );
                facts.extend(q.medium.as_ref().map(|m| format!("in {m}")));
                facts.extend(q.date.as_ref().map(|d| d.value.clone()));
                if q.incomplete {
                    facts.push("content lost".to_string());
                }
                writeln!(o, "{:>8}  {} {kind}: {}", "", q.id, facts.join(" · "))?;
                if !q.incomplete {
                    writeln!(o, "{:>8}     “{}”", "", shortened(&q.text))?;
                }
            }
        }
        if !a.events.is_empty() {
            writeln!(o, "{:>8}: {}", "events", a.events.len())?;
            for e in &a.events {
                let actors = |list: &[ActorRef]| {
                    list.iter()
                        .map(|x| actor(a, Some(x)))
                        .collect::<Vec<_>>()
                        .join(" + ")
                };
                let mut facts = vec![if e.target.is_empty() {
                    actors(&e.source)
                } else {
                    format!("{} → {}", actors(&e.source), actors(&e.target))
                }];
                facts.extend(e.location.as_ref().map(|l| format!("in {}", l.text)));
                facts.extend(e.date.as_ref().map(|d| d.value.clone()));
                for (flag, name) in [
                    (e.negated, "negated"),
                    (e.planned, "planned"),
                    (e.hypothetical, "hypothetical"),
                ] {
                    if flag {
                        facts.push(name.to_string());
                    }
                }
                facts.extend(
                    e.claimed_by
                        .as_ref()
                        .map(|c| format!("claimed by {}", actor(a, Some(c)))),
                );
                let mode = e
                    .mode
                    .as_deref()
                    .map(|m| format!("/{m}"))
                    .unwrap_or_default();
                writeln!(
                    o,
                    "{:>8}  {} {}{mode} “{}”: {}",
                    "",
                    e.id,
                    e.kind.name(),
                    e.trigger.text,
                    facts.join(" · ")
                )?;
            }
        }
        for w in &art.warnings {
            writeln!(
                o,
                "{:>8}: {:?} at {}..{}: “{}”",
                "warning",
                w.kind,
                w.span.start,
                w.span.end,
                art.slice(&w.span)
            )?;
            writeln!(o, "{:>8}  {}", "", w.message)?;
        }
        Ok(())
    }
}

/// An actor as the summary names it: the words of the text, with the entity's name
/// where that says more ("er" → "er = Donald Trump"); "—" for none.
fn actor(a: &Analysis, x: Option<&ActorRef>) -> String {
    let Some(x) = x else {
        return "—".to_string();
    };
    let name = x
        .entity
        .as_ref()
        .and_then(|id| a.entities.iter().find(|e| &e.id == id))
        .map(|e| e.name.as_str());
    match name {
        Some(name) if !x.text.contains(name) => format!("{} = {name}", x.text),
        _ => x.text.clone(),
    }
}

/// `text` on one line, cut after [`QUOTE_CHARS`] characters.
fn shortened(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(QUOTE_CHARS) {
        Some((at, _)) => format!("{}…", &one_line[..at]),
        None => one_line,
    }
}
