//! Stage 3, **time**: find German time expressions and normalise them as TIMEX3.
//!
//! The knowledge is data: word classes in `data/time/lexicon/`, patterns with
//! value templates in `data/time/rules.txt` ([`rules`]), tense markers in
//! `data/time/tense.txt` ([`tense`]). The code matches patterns over each
//! sentence's tokens ([`matcher`]) and resolves templates against the
//! publication date, the last date mentioned and the clause's tense ([`resolve`]).

mod calendar;
mod lexicon;
mod matcher;
pub mod resolve;
mod rules;
mod story;
mod tense;

use crate::model::{Analysis, Date, Span, Timex, Token, TokenKind};
use crate::pipeline::Stage;
use crate::text::LexiconError;
use lexicon::TimeLexicon;
use matcher::{Matcher, Tok};
use resolve::{render, Tense};
use story::Story;
use tense::TenseLexicon;

/// The time stage: fills `Analysis::timexes`.
pub struct TimeTagger {
    lexicon: TimeLexicon,
    matcher: Matcher,
    tense: TenseLexicon,
}

impl TimeTagger {
    /// The tagger with the rules and lexicons shipped in `data/time/`.
    pub fn german() -> Result<TimeTagger, LexiconError> {
        Ok(TimeTagger {
            lexicon: TimeLexicon::german()?,
            matcher: Matcher::new(rules::load()?),
            tense: TenseLexicon::german()?,
        })
    }

    /// The time expressions of an analysed text, in order. A text is first read as
    /// news; if the years it names itself mostly lie far from the publication date,
    /// it is read again as history.
    pub fn tag(&self, analysis: &Analysis) -> Vec<Timex> {
        let Some(dct) = analysis.article.published else {
            return self.tag_as(analysis, true).0;
        };
        let (news, explicit_years) = self.tag_as(analysis, false);
        if is_narrative(&explicit_years, dct) {
            self.tag_as(analysis, true).0
        } else {
            news
        }
    }

    /// The time expressions read as history (`narrative`) or news, and the years of
    /// the expressions that name their year themselves.
    /// Whether the (normalised) token `word` is an entry of the lexicon class `class`.
    fn is(&self, word: &str, class: &str) -> bool {
        self.lexicon.lookup(class, &[word]).next().is_some()
    }

    fn tag_as(&self, analysis: &Analysis, narrative: bool) -> (Vec<Timex>, Vec<u16>) {
        let text = &analysis.article.text;
        let mut story = Story::new(analysis.article.published, narrative);
        let mut explicit_years = Vec::new();
        let mut out = Vec::new();
        for (sentence_index, sentence) in analysis.sentences.iter().enumerate() {
            let tokens = &split_year_ranges(analysis.sentence_tokens(sentence), text);
            let toks: Vec<Tok> = tokens
                .iter()
                .map(|t| {
                    let written = t.text(text);
                    Tok {
                        text: written,
                        norm: normalize(written),
                    }
                })
                .collect();

            let matches = self.matcher.find(&toks, &self.lexicon);
            if matches.is_empty() {
                continue;
            }
            let norms: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
            let sentence_tense = self.tense.marked(&norms).unwrap_or(Tense::Present);
            for m in matches {
                let rule = &self.matcher.rules()[m.rule];
                let (from, to) = clause(tokens, text, m.start, m.end);
                let tense = self
                    .tense
                    .marked(&norms[from..to])
                    .unwrap_or(sentence_tense);
                let ctx = story.context(sentence_index, tense);
                let Some(value) = render(&rule.value, &m.captures, &ctx) else {
                    continue;
                };
                let value = story.adjust(&rule.value, value, &ctx);
                let modifier = rule
                    .modifier
                    .as_deref()
                    .and_then(|t| render(t, &m.captures, &ctx))
                    .filter(|m| !m.is_empty());
                if names_its_year(&rule.value) {
                    // a year before Christ counts as year 0: long ago
                    let bc = value.starts_with("BC").then_some(0);
                    explicit_years.extend(date_of(&value).map(|d| d.year()).or(bc));
                }
                let before = m.start.checked_sub(1).map(|i| norms[i]);
                let in_range = |i: usize| {
                    norms.get(i).is_some_and(|w| self.is(w, "rangemark"))
                        && norms
                            .get(i + 1)
                            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
                };
                let aside = names_its_year(&rule.value)
                    && (before.is_some_and(|w| self.is(w, "aside"))
                        || before.is_some_and(|w| self.is(w, "rangemark"))
                        || in_range(m.end));
                story.advance(
                    rule.kind,
                    &rule.value,
                    &value,
                    tense,
                    sentence_index,
                    !aside,
                );
                let span = tokens[m.start].span.to(&tokens[m.end - 1].span);
                out.push(Timex {
                    id: format!("t{}", out.len() + 1),
                    span,
                    text: span.slice(text).to_string(),
                    kind: rule.kind,
                    value,
                    modifier,
                });
            }
        }
        (out, explicit_years)
    }
}

/// `tokens` with each year range written as one token ("1939/1940", "1870/71",
/// "1939-45", "264–260") split into year, separator and year, so that both years are found.
fn split_year_ranges(tokens: &[Token], text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens {
        let w = t.text(text);
        let range = w.split_once(['/', '-', '–']).filter(|(a, b)| {
            let digits = |x: &str| x.bytes().all(|c| c.is_ascii_digit());
            (3..=4).contains(&a.len()) && (2..=4).contains(&b.len()) && digits(a) && digits(b)
        });
        let Some((first, _)) = range else {
            out.push(*t);
            continue;
        };
        let n = first.len();
        // digits are one byte each; the separator may be more ("–")
        let chars = w.chars().count();
        let piece = |from: usize, to: usize, kind: TokenKind, space_before: bool| Token {
            span: Span {
                start: t.span.start + from,
                end: t.span.start + to,
                byte_start: t.span.byte_start + from + (w.len() - chars) * usize::from(from > n),
                byte_end: t.span.byte_start + to + (w.len() - chars) * usize::from(to > n),
            },
            kind,
            space_before,
        };
        out.push(piece(0, n, TokenKind::Number, t.space_before));
        out.push(piece(n, n + 1, TokenKind::Punct, false));
        out.push(piece(n + 1, chars, TokenKind::Number, false));
    }
    out
}

/// Whether a template's year comes from the text itself, not from a reference date.
fn names_its_year(template: &str) -> bool {
    ["{dct:", "{anchor:", "{rel:", "{last:", "{mode:"]
        .iter()
        .all(|r| !template.contains(r))
}

impl Stage for TimeTagger {
    fn name(&self) -> &'static str {
        "time"
    }

    fn run(&self, analysis: &mut Analysis) {
        analysis.timexes = self.tag(analysis);
    }
}

/// Whether a text tells history rather than news, from the explicit years its
/// expressions name: at least three, and twice as many more than two years before
/// the publication date as others.
fn is_narrative(explicit_years: &[u16], dct: Date) -> bool {
    // future years (targets such as 2050) do not make a text history
    let far = explicit_years
        .iter()
        .filter(|&&y| y + 2 < dct.year())
        .count();
    let near = explicit_years.len() - far;
    far >= 3 && far >= 2 * near
}

/// Whether a value names a whole day (`YYYY-MM-DD…`).
pub(crate) fn is_full_date(value: &str) -> bool {
    let b = value.as_bytes();
    b.len() >= 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b[..4]
            .iter()
            .chain(&b[5..7])
            .chain(&b[8..10])
            .all(u8::is_ascii_digit)
}

/// Lower case without soft hyphens and zero-width characters.
fn normalize(word: &str) -> String {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return word.to_string();
    }
    word.chars()
        .filter(|&c| !crate::article::normalize::is_invisible(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The token range of the clause around tokens `start..end`: up to the nearest
/// comma, semicolon, colon or quote mark on either side.
fn clause(tokens: &[Token], text: &str, start: usize, end: usize) -> (usize, usize) {
    let is_border = |t: &Token| {
        matches!(t.kind, TokenKind::OpenQuote | TokenKind::CloseQuote)
            || (t.kind == TokenKind::Punct && matches!(t.text(text), "," | ";" | ":"))
    };
    let from = tokens[..start]
        .iter()
        .rposition(is_border)
        .map_or(0, |i| i + 1);
    let to = tokens[end..]
        .iter()
        .position(is_border)
        .map_or(tokens.len(), |i| end + i);
    (from, to)
}

/// The calendar date a DATE or TIME value names (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`,
/// optionally with a time), at its granularity's start, for anchoring what follows;
/// `None` for weeks, seasons, quarters and underspecified values.
pub(crate) fn date_of(value: &str) -> Option<Date> {
    let date = value.split('T').next()?;
    let parts: Vec<&str> = date.split('-').collect();
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u16>().ok())
            .flatten()
    };
    let year = number(parts.first()?, 4)?;
    let month = match parts.get(1) {
        Some(m) => number(m, 2)? as u8,
        None => 1,
    };
    let day = match parts.get(2) {
        Some(d) => number(d, 2)? as u8,
        None => 1,
    };
    Date::new(year, month, day)
}
