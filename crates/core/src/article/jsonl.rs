//! JSON Lines: one article object per line.
//!
//! Fields: `{id?, url?, published, title, kicker?, lead?, text}`; `text` is required,
//! a missing `published` falls back to `--date`. Common aliases of
//! other corpora are accepted (`pub_date`, `header`/`headline`, `article`/`body`,
//! `originalText`, and `date` when `published` is absent); a date may carry a time
//! (`2020-04-05T19:55:59+02:00`). A `.json` file holding one pretty-printed object or
//! an array of objects is read as a whole.
//! A bad line costs only its own article.

use super::body;
use super::builder::ArticleBuilder;
use super::decode::decode;
use super::error::{ReadError, ReadErrorKind};
use super::normalize::normalize_line;
use super::plain::file_stem;
use super::ReadOptions;
use crate::model::{Article, BlockKind, Date};
use serde::Deserialize;

#[derive(Deserialize)]
struct RawArticle {
    id: Option<serde_json::Value>,
    url: Option<String>,
    #[serde(alias = "pub_date")]
    published: Option<String>,
    date: Option<String>,
    #[serde(alias = "header", alias = "headline")]
    title: Option<String>,
    kicker: Option<String>,
    lead: Option<String>,
    #[serde(alias = "article", alias = "body", alias = "originalText")]
    text: Option<String>,
}

/// Reads every article of a JSON Lines input; blank lines are skipped.
pub fn read_jsonl(
    source: &str,
    bytes: &[u8],
    options: &ReadOptions,
) -> Vec<Result<Article, ReadError>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(results) = read_document(source, bytes, options) {
        return results;
    }
    let results: Vec<_> = bytes
        .split(|&b| b == b'\n')
        .enumerate()
        .filter(|(_, line)| !line.iter().all(u8::is_ascii_whitespace))
        .map(|(i, line)| read_line(source, i + 1, line, options))
        .collect();
    if results.is_empty() {
        return vec![Err(ReadError::new(source, 1, ReadErrorKind::Empty))];
    }
    results
}

/// A `.json` document that is one (pretty-printed) article object or an array of
/// them; `None` when `bytes` is not one JSON value (then it is read as JSON Lines).
fn read_document(
    source: &str,
    bytes: &[u8],
    options: &ReadOptions,
) -> Option<Vec<Result<Article, ReadError>>> {
    let first = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let line = bytes[..first].iter().filter(|&&b| b == b'\n').count() + 1;
    if bytes[first] == b'[' {
        let items: Vec<serde_json::Value> = serde_json::from_slice(bytes).ok()?;
        return Some(
            items
                .into_iter()
                .enumerate()
                .map(|(i, item)| {
                    let raw = serde_json::from_value(item).map_err(|e| {
                        ReadError::new(
                            source,
                            line,
                            ReadErrorKind::Json(format!("array element {}: {e}", i + 1)),
                        )
                    })?;
                    from_raw(source, line, raw, options)
                })
                .collect(),
        );
    }
    let raw: RawArticle = serde_json::from_slice(bytes).ok()?;
    Some(vec![from_raw(source, line, raw, options)])
}

fn read_line(
    source: &str,
    number: usize,
    line: &[u8],
    options: &ReadOptions,
) -> Result<Article, ReadError> {
    let err = |kind| ReadError::new(source, number, kind);
    let text = decode(line).map_err(|(_, kind)| err(kind))?;
    let raw: RawArticle =
        serde_json::from_str(text).map_err(|e| err(ReadErrorKind::Json(e.to_string())))?;
    from_raw(source, number, raw, options)
}

/// The article a parsed JSON object describes; `number` is its line for errors.
fn from_raw(
    source: &str,
    number: usize,
    raw: RawArticle,
    options: &ReadOptions,
) -> Result<Article, ReadError> {
    let err = |kind| ReadError::new(source, number, kind);
    let published = match raw.published.as_deref().or(raw.date.as_deref()) {
        Some(s) => Some(date_of(s).map_err(|e| err(ReadErrorKind::BadDate(e)))?),
        None => options.default_date,
    };
    let mut builder = ArticleBuilder::default();
    for (kind, field) in [
        (BlockKind::Kicker, &raw.kicker),
        (BlockKind::Title, &raw.title),
        (BlockKind::Lead, &raw.lead),
    ] {
        if let Some(value) = field {
            builder.push(kind, &normalize_line(value));
        }
    }
    let Some(text) = &raw.text else {
        return Err(err(ReadErrorKind::MissingField("text")));
    };
    let lines: Vec<&str> = super::decode::lines(text).map(|(_, l)| l).collect();
    for (kind, line) in body::blocks(&lines) {
        builder.push(kind, &line);
    }
    if builder.is_empty() {
        return Err(err(ReadErrorKind::NoContent));
    }
    let id = match raw.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => format!("{}:{number}", file_stem(source)),
    };
    let source = raw.url.unwrap_or_else(|| source.to_string());
    Ok(builder.finish(id, source, published))
}

/// The date at the start of `s`: `YYYY-MM-DD`, optionally followed by a time.
fn date_of(s: &str) -> Result<Date, crate::model::DateError> {
    let s = s.trim();
    match s.get(..10) {
        Some(day) if s.len() == 10 || s[10..].starts_with(['T', ' ']) => day.parse(),
        _ => s.parse(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_good_lines_and_names_bad_ones() {
        let input = concat!(
            r#"{"id": "a1", "published": "2025-08-26", "title": "Titel", "kicker": "Dach", "lead": "Vorspann.", "text": "Absatz eins.\nAbsatz zwei."}"#,
            "\n",
            "\n",
            "{not json\n",
            r#"{"id": 7, "published": "2025-02-30", "title": "T", "text": "x"}"#,
            "\n",
            r#"{"header": "Aus fremdem Korpus", "pub_date": "2020-04-05", "date": "2020-04-05T19:55:59+02:00", "article": "Text."}"#,
        );
        let got = read_jsonl("f.jsonl", input.as_bytes(), &ReadOptions::default());
        assert_eq!(got.len(), 4);
        let a = got[0].as_ref().unwrap();
        assert_eq!(
            (a.id.as_str(), a.kicker.as_deref(), a.blocks.len()),
            ("a1", Some("Dach"), 5)
        );
        let e = got[1].as_ref().unwrap_err();
        assert_eq!(e.line, 3);
        assert!(matches!(e.kind, ReadErrorKind::Json(_)));
        assert!(matches!(
            got[2].as_ref().unwrap_err().kind,
            ReadErrorKind::BadDate(_)
        ));
        let c = got[3].as_ref().unwrap();
        assert_eq!(
            (c.id.as_str(), c.published.unwrap().to_string()),
            ("f:5", "2020-04-05".to_string())
        );
    }

    #[test]
    fn reads_a_pretty_printed_object_and_an_array() {
        let pretty = "{\n  \"title\": \"Titel\",\n  \"text\": \"Absatz.\"\n}\n";
        let got = read_jsonl("a.json", pretty.as_bytes(), &ReadOptions::default());
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].as_ref().unwrap().text, "Titel\nAbsatz.");
        let array = "[{\"title\": \"Eins\", \"text\": \"x\"},\n {\"title\": \"Zwei\"}]";
        let got = read_jsonl("a.json", array.as_bytes(), &ReadOptions::default());
        assert_eq!(got.len(), 2);
        assert!(got[0].is_ok());
        assert_eq!(
            got[1].as_ref().unwrap_err().kind,
            ReadErrorKind::MissingField("text")
        );
    }

    #[test]
    fn an_object_without_content_is_an_error() {
        let got = read_jsonl(
            "f.jsonl",
            br#"{"id": "x", "text": " "}"#,
            &ReadOptions::default(),
        );
        assert_eq!(got[0].as_ref().unwrap_err().kind, ReadErrorKind::NoContent);
        let got = read_jsonl(
            "f.jsonl",
            br#"{"title": "Nur Titel"}"#,
            &ReadOptions::default(),
        );
        assert_eq!(
            got[0].as_ref().unwrap_err().kind,
            ReadErrorKind::MissingField("text")
        );
    }
}
