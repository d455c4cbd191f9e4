//! The plain article format and plain text without a header.
//!
//! ```text
//!  date 2025-08-26 Kicker:Title
//! Lead
//! Paragraph or subheading, one block per line …
//! ```
//! Without the header line, the body is split by [`super::body`] and a first block
//! of heading form becomes the title.

use super::body;
use super::builder::ArticleBuilder;
use super::decode::{decode, lines};
use super::error::{ReadError, ReadErrorKind};
use super::heading::{looks_like_heading, split_kicker};
use super::normalize::normalize_line;
use super::ReadOptions;
use crate::model::{Article, BlockKind, Date};

/// Reads one article in the plain format (or plain text) from `bytes`.
pub fn read_plain(source: &str, bytes: &[u8], options: &ReadOptions) -> Result<Article, ReadError> {
    let err = |line, kind| ReadError::new(source, line, kind);
    let text = decode(bytes).map_err(|(line, kind)| err(line, kind))?;
    let all: Vec<(usize, &str)> = lines(text).collect();
    let Some(first) = all.iter().position(|(_, l)| !normalize_line(l).is_empty()) else {
        return Err(err(1, ReadErrorKind::Empty));
    };
    let (first_no, first_line) = all[first];
    let mut builder = ArticleBuilder::default();
    let published = match header(&normalize_line(first_line)) {
        Some((date, rest)) => {
            let date: Date = date
                .parse()
                .map_err(|e| err(first_no, ReadErrorKind::BadDate(e)))?;
            let (kicker, title) = split_kicker(rest);
            if title.is_empty() {
                return Err(err(first_no, ReadErrorKind::MissingTitle));
            }
            builder.push(BlockKind::Kicker, kicker.unwrap_or(""));
            builder.push(BlockKind::Title, title);
            let mut rest = all[first + 1..]
                .iter()
                .map(|(_, l)| normalize_line(l))
                .filter(|l| !l.is_empty());
            if let Some(lead) = rest.next() {
                builder.push(BlockKind::Lead, &lead);
            }
            for line in rest {
                builder.push(block_kind(&line), &line);
            }
            Some(date)
        }
        None => {
            let body: Vec<&str> = all[first..].iter().map(|(_, l)| *l).collect();
            for (i, (kind, line)) in body::blocks(&body).into_iter().enumerate() {
                let kind = if i == 0 && kind == BlockKind::Subheading {
                    BlockKind::Title
                } else {
                    kind
                };
                builder.push(kind, &line);
            }
            options.default_date
        }
    };
    Ok(builder.finish(file_stem(source), source.to_string(), published))
}

/// `Some((date, rest))` when `line` is a ` date YYYY-MM-DD …` header.
fn header(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix("date")?;
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = rest.trim_start();
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    Some((&rest[..end], rest[end..].trim()))
}

/// A body line's kind from its form.
fn block_kind(line: &str) -> BlockKind {
    if looks_like_heading(line) {
        BlockKind::Subheading
    } else {
        BlockKind::Paragraph
    }
}

/// The identifier of an article read from `source`: the file name without folders
/// and extension (`stdin` for `-`).
pub fn file_stem(source: &str) -> String {
    if source == "-" {
        return "stdin".to_string();
    }
    let name = source.rsplit(['/', '\\']).next().unwrap_or(source);
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Article, ReadError> {
        read_plain("dir/a.txt", text.as_bytes(), &ReadOptions::default())
    }

    #[test]
    fn reads_header_lead_and_blocks() {
        let a = read(" date 2025-08-26 Dach:Titel: mit Doppelpunkt\r\nDer Vorspann.\r\n\r\nZwischentitel\r\nEin Absatz.\r\n").unwrap();
        assert_eq!(a.id, "a");
        assert_eq!(a.published.unwrap().to_string(), "2025-08-26");
        assert_eq!(a.kicker.as_deref(), Some("Dach"));
        assert_eq!(a.title.as_deref(), Some("Titel: mit Doppelpunkt"));
        assert_eq!(a.lead.as_deref(), Some("Der Vorspann."));
        assert_eq!(
            a.text,
            "Dach\nTitel: mit Doppelpunkt\nDer Vorspann.\nZwischentitel\nEin Absatz."
        );
        let kinds: Vec<_> = a.blocks.iter().map(|b| b.kind).collect();
        use BlockKind::*;
        assert_eq!(kinds, vec![Kicker, Title, Lead, Subheading, Paragraph]);
        for b in &a.blocks {
            assert_eq!(
                a.text
                    .chars()
                    .skip(b.span.start)
                    .take(b.span.end - b.span.start)
                    .collect::<String>(),
                a.slice(&b.span)
            );
        }
    }

    #[test]
    fn reads_text_without_header() {
        let a = read("Eine Überschrift\n\nDer erste Absatz.\nDer zweite.").unwrap();
        assert_eq!(a.title.as_deref(), Some("Eine Überschrift"));
        assert_eq!(a.published, None);
        assert_eq!(a.blocks.len(), 3);
    }

    #[test]
    fn names_the_line_of_an_impossible_date() {
        let e = read("\n date 2025-02-30 Dach:Titel\nVorspann").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(
            e.to_string()
                .starts_with("dir/a.txt:2: bad publication date"),
            "{e}"
        );
    }

    #[test]
    fn rejects_empty_input() {
        assert_eq!(
            read(" \n\u{feff}\n").unwrap_err().kind,
            ReadErrorKind::Empty
        );
    }
}
