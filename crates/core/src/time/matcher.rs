//! Matching rule patterns against the tokens of one sentence.
//!
//! Rules are indexed by what their first element can match, so a token that starts
//! no rule costs two hash look-ups. At each position the longest match wins (the
//! earlier rule on ties); matching resumes after its extent.
//!
//! Built-in shapes (numbers cannot be listed):
//! `@year` 4 digits 1000–2199 · `@day` ordinal 1–31 ("3.") · `@ordnum` any
//! ordinal · `@int` digits · `@num` digits or a number word · `@dmy` a numeric
//! date (26.08.2025, 1.9.39) · `@dm` day and month (26.8.) · `@clock` 14.30 or
//! 14:30 · `@hour` 0–24 · `@decade` 1990er, 90er-Jahre · `@capword` a word
//! written with a capital (for negative look-ahead) · `@yearnum` any number up
//! to 4 digits as a 4-digit year (490 → 0490, for "490 v. Chr.") · `@duradj`
//! a duration adjective (zweimonatige, 6-tägigen, mehrjährigen) as its value ·
//! `@yy` two digits (the "71" of "1870/71").

use super::lexicon::TimeLexicon;
use super::rules::{Atom, Rule};
use rustc_hash::FxHashMap as HashMap;

/// The built-in shape names.
const BUILTINS: &[&str] = &[
    "year", "day", "ordnum", "int", "num", "dmy", "dm", "clock", "hour", "decade", "capword",
    "yearnum", "duradj", "yy",
];

/// Whether `class` is a built-in shape.
pub fn is_builtin(class: &str) -> bool {
    BUILTINS.contains(&class)
}

/// A token as the matcher sees it.
#[derive(Debug, Clone)]
pub struct Tok<'t> {
    /// As written.
    pub text: &'t str,
    /// Lower case, without soft hyphens.
    pub norm: String,
}

/// A named capture: the fields its template may use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capture {
    /// The capture name.
    pub name: String,
    /// Its fields (`{name}` is field 0, `{name.1}` field 1).
    pub fields: Vec<String>,
}

/// One match of one rule.
#[derive(Debug, Clone)]
pub struct Match {
    /// Index of the rule.
    pub rule: usize,
    /// First token of the extent.
    pub start: usize,
    /// One past the last token of the extent.
    pub end: usize,
    /// The captures.
    pub captures: Vec<Capture>,
}

/// Rules indexed for matching.
pub struct Matcher {
    rules: Vec<Rule>,
    by_word: HashMap<String, Vec<usize>>,
    by_class: HashMap<String, Vec<usize>>,
}

impl Matcher {
    /// Indexes `rules` by the keys their first element can match.
    pub fn new(rules: Vec<Rule>) -> Matcher {
        let mut by_word: HashMap<String, Vec<usize>> = HashMap::default();
        let mut by_class: HashMap<String, Vec<usize>> = HashMap::default();
        for (r, rule) in rules.iter().enumerate() {
            for element in &rule.pattern {
                match &element.atom {
                    Atom::Words(words) => {
                        for w in words {
                            by_word.entry(w.clone()).or_default().push(r);
                        }
                    }
                    // number words start `@num` rules too
                    Atom::Class { class, .. } if class == "num" => {
                        by_class.entry("num".into()).or_default().push(r);
                        by_class.entry("numword".into()).or_default().push(r);
                    }
                    Atom::Class { class, .. } => by_class.entry(class.clone()).or_default().push(r),
                }
                if !element.optional {
                    break;
                }
            }
        }
        for list in by_word.values_mut().chain(by_class.values_mut()) {
            list.sort_unstable();
            list.dedup();
        }
        Matcher {
            rules,
            by_word,
            by_class,
        }
    }

    /// The rules.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The non-overlapping matches in `toks`, in text order: the best match at every
    /// position is a candidate; longer extents win, then earlier ones. Context does not
    /// count as taken, so "vom 3. bis 5. Mai" yields "3." and "5. Mai".
    pub fn find(&self, toks: &[Tok], lex: &TimeLexicon) -> Vec<Match> {
        let norms: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
        let mut found = Vec::new();
        let mut candidates = Vec::new();
        for i in 0..toks.len() {
            candidates.clear();
            let norm = toks[i].norm.as_str();
            if let Some(list) = self.by_word.get(norm) {
                candidates.extend_from_slice(list);
            }
            for class in lex.classes_of(norm) {
                if let Some(list) = self.by_class.get(class) {
                    candidates.extend_from_slice(list);
                }
            }
            // every built-in shape starts with a digit but duration adjectives
            if norm.starts_with(|c: char| c.is_ascii_digit())
                || duration_adjective(norm, lex).is_some()
            {
                for b in BUILTINS {
                    if builtin(b, &toks[i], lex).is_some() {
                        if let Some(list) = self.by_class.get(*b) {
                            candidates.extend_from_slice(list);
                        }
                    }
                }
            }
            if candidates.is_empty() {
                continue;
            }
            candidates.sort_unstable();
            candidates.dedup();
            // the best match for each extent start: a rule led by context
            // ("1870/<71>") does not compete with one for the context itself
            let mut here: Vec<Match> = candidates
                .iter()
                .filter_map(|&r| self.match_rule(r, toks, &norms, i, lex))
                .collect();
            here.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end - m.start), m.rule));
            here.dedup_by_key(|m| m.start);
            found.extend(here);
        }
        found.sort_by_key(|m| (std::cmp::Reverse(m.end - m.start), m.start, m.rule));
        let mut taken = vec![false; toks.len()];
        let mut out = Vec::new();
        for m in found {
            if taken[m.start..m.end].iter().all(|t| !t) {
                taken[m.start..m.end].iter_mut().for_each(|t| *t = true);
                out.push(m);
            }
        }
        out.sort_by_key(|m| m.start);
        out
    }

    fn match_rule(
        &self,
        r: usize,
        toks: &[Tok],
        norms: &[&str],
        at: usize,
        lex: &TimeLexicon,
    ) -> Option<Match> {
        let rule = &self.rules[r];
        let mut captures = Vec::new();
        let mut extent = (usize::MAX, 0);
        let input = Input { toks, norms, lex };
        walk(rule, 0, &input, at, &mut captures, &mut extent)?;
        (extent.0 < extent.1).then_some(Match {
            rule: r,
            start: extent.0,
            end: extent.1,
            captures,
        })
    }
}

/// One sentence as the matcher walks it.
#[derive(Clone, Copy)]
struct Input<'a, 't> {
    toks: &'a [Tok<'t>],
    norms: &'a [&'a str],
    lex: &'a TimeLexicon,
}

/// Matches elements `e..` from token `t`; greedy, backtracking over optional elements
/// and lexicon entries of different lengths. Returns the token after the match.
fn walk(
    rule: &Rule,
    e: usize,
    input: &Input,
    t: usize,
    captures: &mut Vec<Capture>,
    extent: &mut (usize, usize),
) -> Option<usize> {
    let Some(element) = rule.pattern.get(e) else {
        return Some(t);
    };
    if element.negated {
        if element_matches(&element.atom, input, t).is_empty() {
            return walk(rule, e + 1, input, t, captures, extent);
        }
        return None;
    }
    for (len, capture) in element_matches(&element.atom, input, t) {
        let saved = (captures.len(), *extent);
        if let Some(c) = capture {
            captures.push(c);
        }
        if !element.context {
            extent.0 = extent.0.min(t);
            extent.1 = extent.1.max(t + len);
        }
        if let Some(end) = walk(rule, e + 1, input, t + len, captures, extent) {
            return Some(end);
        }
        captures.truncate(saved.0);
        *extent = saved.1;
    }
    if element.optional {
        return walk(rule, e + 1, input, t, captures, extent);
    }
    None
}

/// The ways `atom` matches at token `t`: (tokens consumed, capture), longest first.
fn element_matches(atom: &Atom, input: &Input, t: usize) -> Vec<(usize, Option<Capture>)> {
    let Input { toks, norms, lex } = *input;
    let Some(tok) = toks.get(t) else {
        return Vec::new();
    };
    match atom {
        Atom::Words(words) => {
            if words.contains(&tok.norm) {
                vec![(1, None)]
            } else {
                Vec::new()
            }
        }
        Atom::Class { class, name } => {
            if let Some(fields) = builtin(class, tok, lex) {
                return vec![(
                    1,
                    Some(Capture {
                        name: name.clone(),
                        fields,
                    }),
                )];
            }
            let words = &norms[t..norms.len().min(t + 6)];
            let capitalised_inside = t > 0 && tok.text.starts_with(char::is_uppercase);
            lex.lookup(class, words)
                .filter(|entry| !(entry.lowercase && capitalised_inside))
                .map(|entry| {
                    let capture = Capture {
                        name: name.clone(),
                        fields: entry.fields.clone(),
                    };
                    (entry.words.len(), Some(capture))
                })
                .collect()
        }
    }
}

/// The fields of built-in shape `class` for `tok`, if it has that shape.
fn builtin(class: &str, tok: &Tok, lex: &TimeLexicon) -> Option<Vec<String>> {
    let s = tok.norm.as_str();
    let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    let number = |x: &str| {
        if digits(x) && x.len() <= 4 {
            x.parse::<u32>().ok()
        } else {
            None
        }
    };
    let one = |v: String| Some(vec![v]);
    match class {
        // the century as field 1, for a short second year ("1870/71")
        "year" => number(s)
            .filter(|&y| s.len() == 4 && (1000..=2199).contains(&y))
            .map(|_| vec![s.to_string(), s[..2].to_string()]),
        "yy" => (s.len() == 2 && digits(s)).then(|| vec![s.to_string()]),
        "day" => {
            let n = number(s.strip_suffix('.')?)?;
            (1..=31).contains(&n).then(|| vec![format!("{n:02}")])
        }
        "ordnum" => number(s.strip_suffix('.')?).map(|n| vec![format!("{n:02}")]),
        "int" => digits(s).then(|| vec![s.to_string()]),
        "num" => match number(s) {
            Some(n) => one(n.to_string()),
            None => {
                let words = [s];
                let entry = lex.lookup("numword", &words).next()?;
                Some(entry.fields.clone())
            }
        },
        "hour" => number(s)
            .filter(|&h| h <= 24 && s.len() <= 2)
            .map(|h| vec![format!("{h:02}")]),
        "clock" => {
            let (h, m) = s.split_once(['.', ':'])?;
            let (h, m) = (number(h)?, number(m)?);
            (h <= 24 && m < 60 && s.len() - s.find(['.', ':'])? == 3)
                .then(|| vec![format!("{h:02}:{m:02}")])
        }
        "dmy" => {
            let parts: Vec<&str> = s.trim_end_matches('.').split('.').collect();
            let [d, m, y] = parts[..] else { return None };
            let (d, m, yn) = (number(d)?, number(m)?, number(y)?);
            let year = match y.len() {
                4 => yn,
                2 if yn >= 30 => 1900 + yn,
                2 => 2000 + yn,
                _ => return None,
            };
            ((1..=31).contains(&d) && (1..=12).contains(&m))
                .then(|| vec![format!("{year:04}-{m:02}-{d:02}")])
        }
        "dm" => {
            let parts: Vec<&str> = s.strip_suffix('.')?.split('.').collect();
            let [d, m] = parts[..] else { return None };
            let (d, m) = (number(d)?, number(m)?);
            ((1..=31).contains(&d) && (1..=12).contains(&m))
                .then(|| vec![format!("{m:02}"), format!("{d:02}")])
        }
        // "der 54-Jährige" is a person, not a duration: adjectives only
        "duradj" if tok.text.chars().any(char::is_uppercase) => None,
        "duradj" => duration_adjective(s, lex).map(|v| vec![v]),
        "yearnum" => number(s).map(|n| vec![format!("{n:04}")]),
        "capword" => tok.text.starts_with(char::is_uppercase).then(Vec::new),
        "decade" => {
            let head = s.split('-').next()?;
            let stem = head.strip_suffix("er")?;
            let n = number(stem)?;
            match stem.len() {
                4 if n % 10 == 0 => one((n / 10).to_string()),
                2 if n % 10 == 0 => one(format!("19{}", n / 10)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The duration a compound adjective names: a number (word or digits, `mehr`/`viel`
/// for "several") and a unit adjective from the `unitadj` lexicon, inflected:
/// "zweimonatige" → P2M, "6-tägigen" → P6D, "mehrjährigen" → PXY.
fn duration_adjective(word: &str, lex: &TimeLexicon) -> Option<String> {
    // every unit adjective ends in -ig (+ inflection)
    if !word.contains("ig") {
        return None;
    }
    let stem = ["en", "em", "er", "es", "e"]
        .iter()
        .find_map(|e| word.strip_suffix(e))
        .unwrap_or(word);
    let (unit, number) = lex.suffix_entry("unitadj", stem)?;
    let number = number.trim_end_matches('-');
    let code = unit.fields.first()?;
    let amount = if number.bytes().all(|b| b.is_ascii_digit()) && !number.is_empty() {
        // "61-jährig" states an age, not a length of time
        if code == "Y" {
            return None;
        }
        number.to_string()
    } else if number == "mehr" || number == "viel" {
        "X".to_string()
    } else {
        lex.lookup("numword", &[number])
            .next()?
            .fields
            .first()?
            .clone()
    };
    let prefix = unit.fields.get(1).map_or("P", String::as_str);
    Some(format!("{prefix}{amount}{code}"))
}
