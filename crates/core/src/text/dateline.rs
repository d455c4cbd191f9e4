//! The dateline (Spitzmarke) that opens wire copy: "Berlin (dpa) - ",
//! "Washington/Berlin (AFP) – ", "Düsseldorf (dpa/lnw) — ", "Wien – ".
//!
//! It is no part of the sentence after it, so the segmenter makes it a sentence
//! of its own; otherwise the place and the agency read as the first sentence's
//! subject ("Berlin (dpa) - Der Minister sagte, …" would have the speaker
//! "Berlin (dpa) - Der Minister", and "Wien (APA) – Der Minister sagte" the
//! speaker "Wien (APA)").
//!
//! A dateline is a few capitalised words (places, joined by "/" or ","; a date
//! may follow: "Berlin, 12. Mai"), then optionally a short bracket (the agency or
//! country), then a dash with space on both sides and a capitalised word or an
//! opening quotation mark after it. The form without a bracket is only taken in
//! the article's first body block, where a dateline stands; with a bracket it is
//! distinctive enough to take in any body block (several stories in one input).

use crate::model::{Token, TokenKind};

/// The most capitalised words before the bracket or dash.
const MAX_WORDS: usize = 4;
/// The most tokens inside the bracket ("dpa/lnw", "Deutschland").
const MAX_BRACKETED: usize = 6;
/// The most tokens of the whole dateline, dash included.
const MAX_TOKENS: usize = 16;

/// The number of raw tokens of `raw` (one block's) that form its opening
/// dateline, dash included, or `None` where the block opens with none.
/// `first_body`: the block is the article's first body block (lead or paragraph).
pub fn dateline_len(text: &str, raw: &[Token], first_body: bool) -> Option<usize> {
    let mut words = 0;
    let mut bracketed = false;
    let mut i = 0;
    while i < raw.len().min(MAX_TOKENS) {
        let t = raw[i];
        let s = t.text(text);
        match t.kind {
            TokenKind::Word if !bracketed && starts_upper(s) => words += 1,
            TokenKind::Number | TokenKind::Ordinal if words > 0 && !bracketed => {}
            TokenKind::Symbol if s == "/" && words > 0 && !bracketed => {}
            TokenKind::Punct if matches!(s, "," | ".") && words > 0 && !bracketed => {}
            TokenKind::OpenBracket if words > 0 && !bracketed => {
                let close = raw[i + 1..]
                    .iter()
                    .take(MAX_BRACKETED + 1)
                    .position(|t| t.kind == TokenKind::CloseBracket)?;
                if close == 0 {
                    return None;
                }
                bracketed = true;
                i += close + 2;
                continue;
            }
            TokenKind::Punct if is_dash(s) && words > 0 && t.space_before => {
                let next = raw.get(i + 1)?;
                let opens = next.kind == TokenKind::OpenQuote
                    || (next.kind == TokenKind::Word && starts_upper(next.text(text)));
                let taken = (bracketed || first_body) && words <= MAX_WORDS;
                return (next.space_before && opens && taken).then_some(i + 1);
            }
            _ => return None,
        }
        i += 1;
    }
    None
}

/// A dash that sets a dateline off: hyphen, en dash or em dash.
fn is_dash(s: &str) -> bool {
    matches!(s, "-" | "–" | "—")
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;
    use crate::text::tokenize::tokenize;

    /// The dateline of `text` (one block), as text.
    fn dateline(text: &str, first_body: bool) -> Option<String> {
        let mut raw = Vec::new();
        let block = Span {
            start: 0,
            end: text.chars().count(),
            byte_start: 0,
            byte_end: text.len(),
        };
        tokenize(text, &block, &mut raw);
        dateline_len(text, &raw, first_body)
            .map(|n| text[raw[0].span.byte_start..raw[n - 1].span.byte_end].to_string())
    }

    #[test]
    fn finds_wire_datelines() {
        for (text, want) in [
            ("Berlin (dpa) - Der Minister sagte …", "Berlin (dpa) -"),
            (
                "Düsseldorf (dpa/lnw) - Die Polizei …",
                "Düsseldorf (dpa/lnw) -",
            ),
            (
                "Washington/Berlin (AFP) — Die USA …",
                "Washington/Berlin (AFP) —",
            ),
            ("Wien (APA) – Der Minister …", "Wien (APA) –"),
            (
                "Berlin, 12. Mai (dpa) - Die SPD …",
                "Berlin, 12. Mai (dpa) -",
            ),
            ("Bad Homburg (dpa) - „Wir …“", "Bad Homburg (dpa) -"),
            ("Wien – Die Gewerkschaft …", "Wien –"),
            ("BERLIN - Die Regierung …", "BERLIN -"),
        ] {
            assert_eq!(dateline(text, true).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn takes_the_form_without_a_bracket_only_in_the_first_body_block() {
        assert_eq!(dateline("Wien – Die Gewerkschaft …", false), None);
        assert_eq!(
            dateline("Wien (APA) – Die Gewerkschaft …", false).as_deref(),
            Some("Wien (APA) –")
        );
    }

    #[test]
    fn leaves_sentences_alone() {
        for text in [
            "Der Minister - so heißt es - tritt zurück.",
            "Berlin - die Stadt der Clubs - lockt Touristen.",
            "Scholz (SPD): „Wir werden sparen.“",
            "Merz und Scholz - Das Duell.",
            "Berlin-Mitte ist teuer.",
            "Berlin (dpa)",
            "Berlin () - Der Minister",
            "Die Bundesregierung Deutschlands in Berlin und Bonn - Eine Bilanz",
        ] {
            assert_eq!(dateline(text, true), None, "{text}");
        }
    }
}
