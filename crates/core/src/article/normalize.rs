//! Character normalisation that keeps offsets faithful.
//!
//! Every change is one character for one character, so a position in a normalised
//! line is the same position in the line as written. Spaces of every width and
//! control characters become a plain space, non-standard hyphens become `-`.
//! Quotes are kept as written. Soft hyphens and zero-width characters stay in the
//! text (removing them would move offsets); the tokenizer treats them as part of
//! the word they sit in (see [`is_invisible`]).

/// The normalised form of one character.
pub fn normalize_char(c: char) -> char {
    match c {
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => ' ',
        '\u{2010}' | '\u{2011}' => '-',
        c if c.is_control() => ' ',
        c => c,
    }
}

/// Whether `c` is invisible inside a word: soft hyphen, zero-width (non-)joiner,
/// zero-width space, word joiner, or an inner BOM.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// One line, normalised and trimmed of surrounding white space and invisible characters.
pub fn normalize_line(line: &str) -> String {
    let mapped: String = line.chars().map(normalize_char).collect();
    mapped
        .trim_matches(|c: char| c.is_whitespace() || is_invisible(c))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_one_character_to_one_character() {
        let line = "a\u{00A0}b\tc\u{2011}d\u{00AD}e";
        let norm: String = line.chars().map(normalize_char).collect();
        assert_eq!(norm.chars().count(), line.chars().count());
        assert_eq!(norm, "a b c-d\u{00AD}e");
    }

    #[test]
    fn trims_spaces_and_invisibles_at_the_ends() {
        assert_eq!(normalize_line("\u{200B} Titel\u{00A0} "), "Titel");
    }
}
