//! Where analyses go: JSON Lines or a readable summary.

use crate::args::OutputFormat;
use depesche_core::{Analysis, BlockKind};
use std::io::{self, Write};

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

/// A summary for people: metadata, structure, time expressions, warnings.
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
