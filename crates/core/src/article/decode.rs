//! Bytes to lines: UTF-8 decoding with the line of any error, BOM and line ends.

use super::error::ReadErrorKind;

/// `bytes` as UTF-8 without a leading BOM, or the 1-based line and the error.
pub fn decode(bytes: &[u8]) -> Result<&str, (usize, ReadErrorKind)> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        let column = e.valid_up_to() - line_start + 1;
        (line, ReadErrorKind::InvalidUtf8 { column })
    })
}

/// The lines of `text` with their 1-based numbers: `\n`, `\r\n`, a lone `\r`,
/// NEL and the Unicode line and paragraph separators all end a line.
pub fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = Some(text);
    let mut number = 0;
    std::iter::from_fn(move || {
        let s = rest?;
        number += 1;
        match s.char_indices().find(|&(_, c)| is_line_break(c)) {
            Some((i, c)) => {
                let mut next = i + c.len_utf8();
                if c == '\r' && s[next..].starts_with('\n') {
                    next += 1;
                }
                rest = Some(&s[next..]);
                Some((number, &s[..i]))
            }
            None => {
                rest = None;
                Some((number, s))
            }
        }
    })
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_the_line_and_column_of_invalid_utf8() {
        let bytes = b"ok\nalso ok\nbad \xff here";
        assert_eq!(
            decode(bytes).unwrap_err(),
            (3, ReadErrorKind::InvalidUtf8 { column: 5 })
        );
    }

    #[test]
    fn splits_every_kind_of_line_end_and_drops_the_bom() {
        let text = decode("\u{feff}a\r\nb\rc\nd\u{2028}e".as_bytes()).unwrap();
        let got: Vec<_> = lines(text).collect();
        assert_eq!(got, vec![(1, "a"), (2, "b"), (3, "c"), (4, "d"), (5, "e")]);
    }
}
