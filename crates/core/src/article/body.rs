//! Splitting a body of text into blocks, undoing hard line wrapping.
//!
//! Plain text without a header and JSON `text` fields come in three shapes: one
//! block per line, paragraphs between blank lines, or text wrapped at a fixed
//! width (zeit.de wraps at 80 columns). A blank line always ends a block. A line
//! break inside a paragraph is kept as a block break unless the text is wrapped
//! and the break is a wrap ([`is_wrap`]).

use super::heading::{is_closing, looks_like_heading};
use super::normalize::normalize_line;
use crate::model::BlockKind;

/// Shortest wrap width we recognise, in characters.
const MIN_WRAP: usize = 40;
/// Longest wrap width we recognise.
const MAX_WRAP: usize = 100;
/// How close to the width a line must come to count as filled.
const FILL_SLACK: usize = 15;

/// The blocks of a body, normalised, with the kind each line's form gives it.
pub fn blocks(lines: &[&str]) -> Vec<(BlockKind, String)> {
    let lines: Vec<String> = lines.iter().map(|l| normalize_line(l)).collect();
    let width = wrap_width(&lines);
    let mut out: Vec<(BlockKind, String)> = Vec::new();
    let mut current = String::new();
    let mut last: &str = "";
    for line in &lines {
        if is_wrap(last, line, width) {
            current.push(' ');
        } else {
            flush(&mut out, &mut current);
        }
        current.push_str(line);
        last = line;
    }
    flush(&mut out, &mut current);
    out
}

/// Whether the break between `line` and `next` is a wrap rather than the end of a
/// block. In any text, a line that stops mid-sentence (no final punctuation) and
/// that the next line continues in lower case is wrapped. In text wrapped at
/// `width`, so is a greedy wrapper's break (the next line's first word would not
/// have fitted; not after a sentence's end before a label, [`label_words`]) and a
/// line without final punctuation that ends in a lower-case word, a comma or a
/// dash, holds a comma, or fills most of the width. In any text, so is a label in
/// capitals broken over two lines ([`splits_label`]). Publishers'
/// wrappers also break early, around links and in a paragraph's first line (zeit.de
/// in fang-covid: 590 of its first 1,500 articles), so the greedy test alone cut
/// sentences in two and made their first half a subheading. A short line of
/// capitalised words without final punctuation stays a heading; an empty line ends
/// a block, and a line longer than the width is only continued mid-sentence.
fn is_wrap(line: &str, next: &str, width: Option<usize>) -> bool {
    if line.is_empty() || next.is_empty() {
        return false;
    }
    let len = line.chars().count();
    let first_word = next.split_whitespace().next().unwrap_or("");
    let core = line.trim_end_matches(is_closing);
    let ends_sentence = core
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | '…' | ':' | ';'));
    let greedy = |w: usize| len <= w && len + 1 + first_word.chars().count() > w;
    if width.is_some_and(greedy) {
        // an interview's turn or a list item opens its own block, however long
        // the line before ("… wie viele annehmen." / "ZEIT ONLINE: Frau Kekilli, …")
        return !(ends_sentence && label_words(next).is_some());
    }
    if splits_label(line, next) {
        return true;
    }
    if ends_sentence {
        return false;
    }
    if next.starts_with(char::is_lowercase) {
        return true;
    }
    let Some(width) = width else {
        return false;
    };
    let last_word = line.split_whitespace().next_back().unwrap_or("");
    last_word.starts_with(char::is_lowercase)
        || line.ends_with([',', '-', '–'])
        || line.contains(", ")
        || len + 2 * FILL_SLACK >= width
}

/// Whether a label in capitals was broken over `line` and `next` ("ZEIT" /
/// "ONLINE: Life as we know it …"): `line` is one or two words in capitals and
/// `next` opens with a label in capitals, the two together at most three words.
/// zeit.de's wrapped interviews break it so (in fang-covid); a heading in capitals
/// ends in no label.
fn splits_label(line: &str, next: &str) -> bool {
    let capitals = |w: &str| w.chars().count() >= 2 && w.chars().all(char::is_uppercase);
    let words: Vec<&str> = line.split_whitespace().collect();
    label_words(next).is_some_and(|label| {
        !words.is_empty()
            && words.len() + label.len() <= 3
            && words.iter().chain(&label).all(|w| capitals(w))
    })
}

/// The words of the label `line` opens with, if it opens with one: one to three
/// capitalised words and a colon ("ZEIT ONLINE:", "Kekilli:", "Verfügbarkeit:").
fn label_words(line: &str) -> Option<Vec<&str>> {
    let (label, _) = line.split_once(':')?;
    let words: Vec<&str> = label.split_whitespace().collect();
    let label_word = |w: &&str| {
        w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    ((1..=3).contains(&words.len())
        && label.len() == label.trim_start().len()
        && words.iter().all(label_word))
    .then_some(words)
}

fn flush(out: &mut Vec<(BlockKind, String)>, current: &mut String) {
    if current.is_empty() {
        return;
    }
    let kind = if looks_like_heading(current) {
        BlockKind::Subheading
    } else {
        BlockKind::Paragraph
    };
    out.push((kind, std::mem::take(current)));
}

/// The width the text is wrapped at, if it is: of the widths from [`MIN_WRAP`] to
/// [`MAX_WRAP`], the one the most lines fill to within [`FILL_SLACK`] (the narrowest
/// of equals), when at least five lines and a third of all lines fill it. Lines
/// with a long link or word run past the width, so the longest line is no measure
/// (it missed the width in 409 of 617 wrapped fang-covid articles).
fn wrap_width(lines: &[String]) -> Option<usize> {
    let lens: Vec<usize> = lines
        .iter()
        .map(|l| l.chars().count())
        .filter(|&n| n > 0)
        .collect();
    let filling = |w: usize| {
        lens.iter()
            .filter(|&&n| n <= w && n + FILL_SLACK >= w)
            .count()
    };
    let (filled, width) = (MIN_WRAP..=MAX_WRAP)
        .map(|w| (filling(w), w))
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))?;
    (filled >= 5 && filled * 3 >= lens.len()).then_some(width)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[&str]) -> Vec<String> {
        blocks(lines).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn keeps_one_block_per_line_when_not_wrapped() {
        let got = texts(&["Erster Absatz.", "", "Zweiter Absatz.", "Dritter."]);
        assert_eq!(got, vec!["Erster Absatz.", "Zweiter Absatz.", "Dritter."]);
    }

    #[test]
    fn joins_lines_a_greedy_wrapper_broke() {
        let para = "Die Schauspielerin ärgert sich über die Politik der Soforthilfe in der Stadt. \
                    Innerhalb der Filmbranche wünscht sie sich deutlich größere Solidarität und \
                    mehr Verständnis für die Lage der vielen freischaffenden Künstlerinnen, die \
                    seit Wochen keine Aufträge mehr haben und nicht wissen, wie sie ihre Miete \
                    zahlen sollen. Die Stadt verweist auf die Programme des Bundes, die bislang \
                    aber nur schleppend anlaufen, wie mehrere Betroffene berichten. Ein Sprecher \
                    kündigte Nachbesserungen an.";
        let wrapped = wrap(para, 80);
        let lines: Vec<&str> = wrapped.iter().map(String::as_str).collect();
        let mut all = vec!["Zwischentitel ohne Punkt", ""];
        all.extend(lines);
        let got = texts(&all);
        assert_eq!(
            got,
            vec!["Zwischentitel ohne Punkt".to_string(), para.to_string()]
        );
    }

    #[test]
    fn joins_lines_broken_early_mid_sentence() {
        // zeit.de breaks a paragraph's first line and around links early; the
        // filled lines still give the width
        let filled = [
            "verschiedenen Kulturinstitutionen der Stadt, die seit Wochen geschlossen sind.",
            "Die Künstlerinnen und Künstler warten auf die Hilfe des Landes, die bislang",
            "nur schleppend ankommt, wie mehrere Betroffene in dieser Woche berichteten.",
            "Der Kultursenator kündigte für die kommende Woche weitere Gespräche mit den",
            "Verbänden an, die eine schnelle und unbürokratische Lösung fordern werden.",
        ];
        let mut lines = vec![
            "Es war ein wütender Kommentar, den die Schauspielerin",
            "Sibel Kekilli am Dienstag auf Instagram",
            "veröffentlichte. Sie kritisierte die Lage der",
        ];
        lines.extend(filled);
        lines.extend([
            "",
            "Hilfe vom Bund",
            "Die Regierung plant ein weiteres Programm.",
        ]);
        let got = texts(&lines);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[0].starts_with("Es war ein wütender Kommentar, den die Schauspielerin Sibel"));
        assert!(got[0].contains("Sie kritisierte die Lage der verschiedenen"));
        assert_eq!(got[1], "Hilfe vom Bund");
        assert_eq!(blocks(&lines)[1].0, BlockKind::Subheading);
    }

    #[test]
    fn a_wrap_is_told_by_the_line_and_the_next() {
        // greedy: "Zeitraum" would not have fitted
        let w = Some(80);
        assert!(is_wrap(&"x".repeat(75), "Zeitraum für eine Isolation.", w));
        // mid-sentence: a lower-case word on either side, a comma, a filled line
        assert!(is_wrap(
            "Die Demonstranten waren mit",
            "Mundschutz unterwegs.",
            w
        ));
        assert!(is_wrap(
            "Sibel Kekilli im Netzwerk Instagram",
            "veröffentlichte:",
            w
        ));
        assert!(is_wrap(
            "Der Kommentar, den die Schauspielerin",
            "Sibel Kekilli schrieb.",
            w
        ));
        assert!(is_wrap(&"Wort ".repeat(11), "Weiter geht es.", w));
        // a label after a sentence's end opens a block, even where greedy
        assert!(!is_wrap(
            &format!("{}.", "x".repeat(75)),
            "ZEIT ONLINE: Wie geht es?",
            w
        ));
        assert!(is_wrap(
            &format!("{}.", "x".repeat(75)),
            "Zeitraum für alle.",
            w
        ));
        // a label in capitals broken over two lines, in any text
        assert!(is_wrap("ZEIT", "ONLINE: Wie geht es?", w));
        assert!(is_wrap("ZEIT", "ONLINE: Wie geht es?", None));
        assert!(!is_wrap("Interview", "ZEIT ONLINE: Wie geht es?", w));
        assert!(!is_wrap("DAS ENDE", "ZEIT ONLINE: Wie geht es?", w));
        // a heading, a sentence's end, a blank line
        assert!(!is_wrap(
            "Der Mensch",
            "Marc Fielmann ist seit 2017 Chef.",
            w
        ));
        assert!(!is_wrap("Das ist alles.", "Neuer Absatz beginnt hier.", w));
        assert!(!is_wrap("", "Text", w));
        // unwrapped text is only joined where the next line goes on in lower case
        assert!(is_wrap(
            "Nach dem",
            "offiziellen Start ist der BER eröffnet.",
            None
        ));
        assert!(!is_wrap(
            "Die Demonstranten waren mit",
            "Mundschutz unterwegs.",
            None
        ));
    }

    fn wrap(text: &str, width: usize) -> Vec<String> {
        let mut out = vec![String::new()];
        for word in text.split(' ') {
            let last = out.last_mut().unwrap();
            if !last.is_empty() && last.chars().count() + 1 + word.chars().count() > width {
                out.push(word.to_string());
            } else {
                if !last.is_empty() {
                    last.push(' ');
                }
                last.push_str(word);
            }
        }
        out
    }
}
