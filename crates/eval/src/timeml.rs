//! Inline temporal annotation: TimeML (`<TIMEX3>`) and ACE TIMEX2 (`<TIMEX2>`).
//!
//! A document's text is the content of its `<TEXT>` element with every tag removed
//! and the five XML entities unescaped; gold offsets are character offsets into it.
//! The document creation time comes from `<DCT>` (TimeML) or `<DATETIME>` (ACE).

use crate::EvalError;

/// One annotated time expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimexAnnotation {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// TIMEX3 `type`; for TIMEX2 (which has none) inferred from the value.
    pub kind: String,
    /// `value` (TIMEX3) or `val` (TIMEX2); empty if absent.
    pub value: String,
    /// `mod`, if any.
    pub modifier: Option<String>,
}

/// A document with inline time annotation.
#[derive(Debug, Clone)]
pub struct TimeDocument {
    /// The file's base name without extension (`01_WW2`, `07-gipfel`).
    pub name: String,
    /// The text of `<TEXT>`, tags removed.
    pub text: String,
    /// The document creation time, `YYYY-MM-DD`, if given.
    pub dct: Option<String>,
    /// The annotated expressions, in text order.
    pub timexes: Vec<TimexAnnotation>,
}

/// Parses one inline-annotated document named `name`.
pub fn parse(name: &str, xml: &str) -> Result<TimeDocument, EvalError> {
    let format = |reason: &str| EvalError::Format {
        path: name.to_string(),
        line: 1,
        reason: reason.to_string(),
    };
    let dct = between(xml, "<DCT>", "</DCT>")
        .or_else(|| between(xml, "<DATETIME>", "</DATETIME>"))
        .and_then(|d| {
            attribute(d, "value")
                .or_else(|| attribute(d, "val"))
                .map(|v| v.chars().take(10).collect())
        });
    let body = between(xml, "<TEXT>", "</TEXT>").ok_or_else(|| format("no <TEXT> element"))?;
    let mut text = String::with_capacity(body.len());
    let mut chars = 0usize;
    let mut open: Vec<TimexAnnotation> = Vec::new();
    let mut timexes = Vec::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        let plain = unescape(&rest[..lt]);
        chars += plain.chars().count();
        text.push_str(&plain);
        let gt = rest[lt..].find('>').ok_or_else(|| format("unclosed tag"))? + lt;
        let tag = &rest[lt + 1..gt];
        if let Some(attrs) = tag
            .strip_prefix("TIMEX3")
            .or_else(|| tag.strip_prefix("TIMEX2"))
        {
            let timex2 = tag.starts_with("TIMEX2");
            let value = attribute(attrs, if timex2 { "val" } else { "value" }).unwrap_or_default();
            let kind = match attribute(attrs, "type") {
                Some(t) => t.to_ascii_uppercase(),
                None => inferred_type(&value, attribute(attrs, "set").is_some()),
            };
            let selfclosing = attrs.trim_end().ends_with('/');
            let t = TimexAnnotation {
                start: chars,
                end: chars,
                kind,
                value,
                modifier: attribute(attrs, "mod"),
            };
            if selfclosing {
                timexes.push(t);
            } else {
                open.push(t);
            }
        } else if tag == "/TIMEX3" || tag == "/TIMEX2" {
            let mut t = open
                .pop()
                .ok_or_else(|| format("closing tag without opening tag"))?;
            t.end = chars;
            timexes.push(t);
        }
        rest = &rest[gt + 1..];
    }
    text.push_str(&unescape(rest));
    timexes.sort_by_key(|t| (t.start, std::cmp::Reverse(t.end)));
    Ok(TimeDocument {
        name: name.to_string(),
        text,
        dct,
        timexes,
    })
}

/// TIMEX2 has no type: durations start with `P`, times have a `T`, sets are marked.
fn inferred_type(value: &str, set: bool) -> String {
    let kind = if set {
        "SET"
    } else if value.starts_with('P') {
        "DURATION"
    } else if value.contains('T') && !value.ends_with("_REF") {
        "TIME"
    } else {
        "DATE"
    };
    kind.to_string()
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = s.find(open)? + open.len();
    let end = start + s[start..].find(close)?;
    Some(&s[start..end])
}

/// The value of `name="…"` in a tag's attributes.
fn attribute(attrs: &str, name: &str) -> Option<String> {
    let mut rest = attrs;
    while let Some(i) = rest.find(name) {
        let before_ok = i == 0 || rest[..i].ends_with(char::is_whitespace);
        let after = rest[i + name.len()..].trim_start();
        if before_ok {
            if let Some(v) = after.strip_prefix('=') {
                let v = v.trim_start();
                let quote = v.chars().next()?;
                if quote == '"' || quote == '\'' {
                    let end = v[1..].find(quote)?;
                    return Some(unescape(&v[1..1 + end]));
                }
            }
        }
        rest = &rest[i + name.len()..];
    }
    None
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_timex3_and_timex2_inline() {
        let tml = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2025-08-26">2025-08-26</TIMEX3></DCT>
<TEXT>Trump kam <TIMEX3 tid="t1" type="DATE" value="2025-08" mod="MID">Mitte August</TIMEX3> &amp; blieb.</TEXT></TimeML>"#;
        let d = parse("a", tml).unwrap();
        assert_eq!(d.dct.as_deref(), Some("2025-08-26"));
        assert_eq!(d.text, "Trump kam Mitte August & blieb.");
        let t = &d.timexes[0];
        assert_eq!(&d.text[t.start..t.end], "Mitte August");
        assert_eq!(
            (t.kind.as_str(), t.value.as_str(), t.modifier.as_deref()),
            ("DATE", "2025-08", Some("MID"))
        );

        let ace = r#"<DOC><DATETIME> <TIMEX2 val="2011-02-16T17:00:00">x</TIMEX2> </DATETIME><TEXT>
am <TIMEX2 val="1939-09-01">1. September</TIMEX2> für <TIMEX2 val="P15D">15 Tage</TIMEX2></TEXT></DOC>"#;
        let d = parse("b", ace).unwrap();
        assert_eq!(d.dct.as_deref(), Some("2011-02-16"));
        assert_eq!(d.timexes.len(), 2);
        assert_eq!(d.timexes[1].kind, "DURATION");
        let chars: Vec<char> = d.text.chars().collect();
        let t = &d.timexes[0];
        assert_eq!(
            chars[t.start..t.end].iter().collect::<String>(),
            "1. September"
        );
    }
}
