//! Headline forms: the kicker/title split and telling headings from sentences.
//!
//! A subheading is recognised by its form, never by its position: short, no final
//! punctuation, and starting like a heading (a capital, a digit or a quote).

/// Longest line, in characters, that can still be a heading.
pub const MAX_HEADING_CHARS: usize = 120;
/// Most words a heading can have.
pub const MAX_HEADING_WORDS: usize = 16;

/// Punctuation that ends a sentence or announces more text.
fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | ':' | ';' | ',')
}

/// Quotes and brackets that may follow a sentence's final punctuation.
pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '»' | '«' | '›' | '‹' | ')' | ']' | '}'
    )
}

/// Splits the plain format's `Kicker:Title` at the first colon that has no space
/// after it (and is not between digits, as in `14:30`, nor part of `://`).
///
/// Returns `(None, line)` when there is no such colon or either side would be empty.
pub fn split_kicker(line: &str) -> (Option<&str>, &str) {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if c != ':' || k == 0 || k + 1 >= chars.len() {
            continue;
        }
        let before = chars[k - 1].1;
        let after = chars[k + 1].1;
        let clock = before.is_ascii_digit() && after.is_ascii_digit();
        if after.is_whitespace() || before.is_whitespace() || clock || after == '/' {
            continue;
        }
        let kicker = line[..i].trim();
        let title = line[i + 1..].trim();
        if !kicker.is_empty() && !title.is_empty() {
            return (Some(kicker), title);
        }
    }
    (None, line.trim())
}

/// Whether a (normalised, trimmed) line has the form of a heading rather than a sentence.
pub fn looks_like_heading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    if words == 0 || words > MAX_HEADING_WORDS || line.chars().count() > MAX_HEADING_CHARS {
        return false;
    }
    let core = line.trim_end_matches(is_closing);
    match core.chars().next_back() {
        Some(c) if is_terminal(c) => return false,
        None => return false,
        _ => {}
    }
    let mut chars = line.chars().skip_while(|c| is_opening(*c));
    matches!(chars.next(), Some(c) if c.is_uppercase() || c.is_ascii_digit())
}

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '„' | '“' | '‚' | '‘' | '»' | '«' | '›' | '‹' | '(' | '['
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_kicker_at_the_colon_without_space() {
        assert_eq!(
            split_kicker("Putins Vorgehen nach Gesprächen:Trump: \"Macht mich sehr wütend\""),
            (
                Some("Putins Vorgehen nach Gesprächen"),
                "Trump: \"Macht mich sehr wütend\""
            )
        );
        assert_eq!(split_kicker("Trump: Wir reden"), (None, "Trump: Wir reden"));
        assert_eq!(
            split_kicker("Anpfiff um 14:30 Uhr"),
            (None, "Anpfiff um 14:30 Uhr")
        );
        assert_eq!(
            split_kicker("Mehr auf https://x.de"),
            (None, "Mehr auf https://x.de")
        );
        assert_eq!(split_kicker(":Titel"), (None, ":Titel"));
    }

    #[test]
    fn tells_headings_from_sentences_by_form() {
        assert!(looks_like_heading(
            "Ringen um bilaterales Treffen nach Alaska-Gipfel"
        ));
        assert!(looks_like_heading(
            "Bundesaußenminister Wadephul: Druck auf Russland erhöhen"
        ));
        assert!(looks_like_heading("Trump: \"Macht mich sehr wütend\""));
        assert!(looks_like_heading("„Wir bleiben“"));
        assert!(!looks_like_heading(
            "Auf die Frage, wie es lief, sagte Trump:"
        ));
        assert!(!looks_like_heading("Er sagte: \"Wir kommen.\""));
        assert!(!looks_like_heading("und dann ging es weiter"));
        assert!(!looks_like_heading("- Punkt eins der Liste"));
        let long = "Wort ".repeat(20);
        assert!(!looks_like_heading(long.trim()));
    }
}
