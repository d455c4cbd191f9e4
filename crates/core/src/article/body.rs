//! Splitting a body of text into blocks, undoing hard line wrapping.
//!
//! Plain text without a header and JSON `text` fields come in three shapes: one
//! block per line, paragraphs between blank lines, or text wrapped at a fixed
//! width (zeit.de wraps at 80 columns). A blank line always ends a block. A line
//! break inside a paragraph is kept as a block break unless the text is wrapped
//! and the break is one a greedy wrapper would make: the next line's first word
//! would not have fitted on this line.

use super::heading::looks_like_heading;
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
    let mut joinable = false;
    let mut last_len = 0;
    for line in &lines {
        if line.is_empty() {
            flush(&mut out, &mut current);
            joinable = false;
            continue;
        }
        let first_word = line
            .split_whitespace()
            .next()
            .map_or(0, |w| w.chars().count());
        if joinable && width.is_some_and(|w| last_len + 1 + first_word > w) {
            current.push(' ');
        } else {
            flush(&mut out, &mut current);
        }
        current.push_str(line);
        last_len = line.chars().count();
        joinable = width.is_some_and(|w| last_len <= w);
    }
    flush(&mut out, &mut current);
    out
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

/// The width the text is wrapped at, if it is: the longest line of at most
/// [`MAX_WRAP`] characters, when at least five lines and a third of all lines come
/// within [`FILL_SLACK`] of it.
fn wrap_width(lines: &[String]) -> Option<usize> {
    let lens: Vec<usize> = lines
        .iter()
        .map(|l| l.chars().count())
        .filter(|&n| n > 0)
        .collect();
    let width = lens.iter().copied().filter(|&n| n <= MAX_WRAP).max()?;
    if width < MIN_WRAP {
        return None;
    }
    let filled = lens
        .iter()
        .filter(|&&n| n <= width && n + FILL_SLACK >= width)
        .count();
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
