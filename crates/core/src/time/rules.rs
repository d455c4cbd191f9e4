//! The time rules (`data/time/rules.txt`): patterns over tokens with a TIMEX3 type,
//! a value template and an optional mod template.
//!
//! ```text
//! pattern <TAB> TYPE <TAB> value template [<TAB> mod template]
//! am? @weekday            DATE    {dct:weekday:{weekday}:tense}
//! ```
//! A pattern is a sequence of elements separated by spaces: a literal word or
//! alternatives (`am|im`), a lexicon class (`@month`, `@day:from` to name the
//! capture), or a built-in shape (see [`super::matcher`]). `?` after an element
//! makes it optional; `~` before it makes it context: it must match but is not
//! part of the expression's extent; `!` before it makes it a negative look-ahead
//! that must not match here (`@year !@capword`: not "2000 Menschen"). See
//! `super::resolve` for templates.

use super::lexicon::TimeLexicon;
use super::matcher::is_builtin;
use crate::model::TimexType;
use crate::text::LexiconError;

const RULES: &str = include_str!("../../data/time/rules.txt");

/// What one pattern element matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Atom {
    /// One of these lower-case words.
    Words(Vec<String>),
    /// A lexicon class or built-in shape, captured under `name`.
    Class {
        /// The class (`month`) or built-in (`year`).
        class: String,
        /// The capture name (the class unless given as `@class:name`).
        name: String,
    },
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    /// What it matches.
    pub atom: Atom,
    /// May be absent.
    pub optional: bool,
    /// Must match but lies outside the extent.
    pub context: bool,
    /// Must NOT match here; consumes nothing (`!@capword`).
    pub negated: bool,
}

/// One rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// The elements.
    pub pattern: Vec<Element>,
    /// The TIMEX3 type.
    pub kind: TimexType,
    /// The value template.
    pub value: String,
    /// The mod template, if any.
    pub modifier: Option<String>,
}

/// Reads `rules.txt`, checking every class name.
pub fn load() -> Result<Vec<Rule>, LexiconError> {
    let err = |line: usize, reason: String| LexiconError {
        file: "rules.txt",
        line,
        reason,
    };
    let mut rules = Vec::new();
    for (i, line) in RULES.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line
            .split('\t')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        if cols.len() < 3 || cols.len() > 4 {
            return Err(err(
                n,
                "expected 'pattern<TAB>TYPE<TAB>value[<TAB>mod]'".into(),
            ));
        }
        let kind = TimexType::parse(cols[1])
            .ok_or_else(|| err(n, format!("unknown type '{}'", cols[1])))?;
        let mut pattern = Vec::new();
        for raw in cols[0].split_whitespace() {
            let context = raw.starts_with('~');
            let raw = raw.trim_start_matches('~');
            let negated = raw.starts_with('!') && raw.len() > 1;
            let raw = if negated { &raw[1..] } else { raw };
            let optional = raw.ends_with('?') && raw.len() > 1;
            let raw = if optional { &raw[..raw.len() - 1] } else { raw };
            // a group of one-word alternatives may be written in parentheses: (am|im);
            // a word sequence is written as separate elements (in? der?)
            let raw = match raw.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
                Some(inner) if !inner.is_empty() => inner,
                _ => raw,
            };
            let atom = match raw.strip_prefix('@') {
                Some(spec) => {
                    let (class, name) = spec.split_once(':').unwrap_or((spec, spec));
                    if !TimeLexicon::has_class(class) && !is_builtin(class) {
                        return Err(err(n, format!("unknown class '@{class}'")));
                    }
                    Atom::Class {
                        class: class.to_string(),
                        name: name.to_string(),
                    }
                }
                None => Atom::Words(raw.split('|').map(str::to_lowercase).collect()),
            };
            if raw.contains(['(', ')']) && raw.len() > 1 {
                return Err(err(
                    n,
                    format!("'{raw}': parentheses hold one-word alternatives only"),
                ));
            }
            pattern.push(Element {
                atom,
                optional,
                context,
                negated,
            });
        }
        if pattern.iter().all(|e| e.optional || e.context || e.negated) || pattern[0].negated {
            return Err(err(
                n,
                "a pattern needs one required element outside the context".into(),
            ));
        }
        rules.push(Rule {
            pattern,
            kind,
            value: cols[2].to_string(),
            modifier: cols.get(3).map(|m| m.to_string()),
        });
    }
    Ok(rules)
}
