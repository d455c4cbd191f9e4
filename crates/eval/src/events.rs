//! Events against gold files in the format of `../shared/examples/seed.gold.json`,
//! scored as `../shared/tools/score.py` scores them.
//!
//! A gold directory holds articles `NAME.txt` beside their gold `NAME.gold.json`.
//! Each gold event, in order, takes the first unused predicted event of its type
//! whose source names one of the gold sources (any source when the gold has none);
//! that is a hit for "type + source". The hit counts for "+ target + date" too when
//! a predicted target names a gold target (or the gold has none) and the date value
//! is the gold one (or the gold has none). Names match as score.py matches them:
//! equal after case and space folding, one inside the other (over three
//! characters), or the same last word.

use crate::prf::Counts;
use crate::EvalError;
use depesche_core::model::{ActorRef, Analysis, Event};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// One gold event.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldEvent {
    /// The PLOVER type ("CONSULT").
    #[serde(rename = "type")]
    pub kind: String,
    /// The mode, if any.
    #[serde(default)]
    pub mode: Option<String>,
    /// Canonical names of the source actors.
    #[serde(default)]
    pub source: Vec<String>,
    /// Canonical names of the target actors.
    #[serde(default)]
    pub target: Vec<String>,
    /// The TIMEX3 value of its date, if the text gives one.
    #[serde(default)]
    pub date: Option<String>,
    /// The trigger word.
    #[serde(default)]
    pub trigger: Option<String>,
    /// Whether the text says it did not happen.
    #[serde(default)]
    pub negated: bool,
    /// Whether it is planned or future.
    #[serde(default)]
    pub planned: bool,
    /// Whether only a speaker claims it.
    #[serde(default)]
    pub claimed: bool,
}

/// A gold file: the events of one article.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldFile {
    /// The events.
    #[serde(default)]
    pub events: Vec<GoldEvent>,
}

/// One article with its gold events.
#[derive(Debug, Clone)]
pub struct EventDocument {
    /// The gold file's name without `.gold.json`.
    pub name: String,
    /// The article file.
    pub article: PathBuf,
    /// The gold events.
    pub events: Vec<GoldEvent>,
}

/// A predicted event as the scorer sees it: type, the names each actor goes by,
/// date value and modality.
#[derive(Debug, Clone, Default)]
pub struct PredictedEvent {
    /// The PLOVER type.
    pub kind: String,
    /// For each source actor, every name it goes by.
    pub source: Vec<Vec<String>>,
    /// For each target actor, every name it goes by.
    pub target: Vec<Vec<String>>,
    /// The date value.
    pub date: Option<String>,
    /// The trigger as written.
    pub trigger: String,
    /// Negated.
    pub negated: bool,
    /// Planned.
    pub planned: bool,
    /// Claimed by a speaker.
    pub claimed: bool,
}

impl PredictedEvent {
    /// The scorer's view of `event` of `analysis`: an actor goes by its text, its
    /// entity's name and the entity's mentions, as score.py's `entity_names`.
    pub fn from_event(event: &Event, analysis: &Analysis) -> PredictedEvent {
        let names = |r: &ActorRef| {
            let mut names = vec![r.text.clone()];
            if let Some(e) = analysis
                .entities
                .iter()
                .find(|e| Some(&e.id) == r.entity.as_ref())
            {
                names.push(e.name.clone());
                names.extend(e.mentions.iter().map(|m| m.text.clone()));
            }
            names
        };
        PredictedEvent {
            kind: event.kind.name().to_string(),
            source: event.source.iter().map(names).collect(),
            target: event.target.iter().map(names).collect(),
            date: event.date.as_ref().map(|d| d.value.clone()),
            trigger: event.trigger.text.clone(),
            negated: event.negated,
            planned: event.planned,
            claimed: event.claimed_by.is_some(),
        }
    }
}

/// Agreement on one yes/no attribute over matched pairs.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Agreement {
    /// Pairs where gold and prediction agree.
    pub agree: usize,
    /// Pairs scored.
    pub pairs: usize,
    /// Gold events with the attribute set, among the pairs.
    pub gold_set: usize,
    /// Of those, how many the prediction sets too.
    pub found: usize,
}

impl Agreement {
    fn add(&mut self, gold: bool, predicted: bool) {
        self.pairs += 1;
        self.agree += usize::from(gold == predicted);
        self.gold_set += usize::from(gold);
        self.found += usize::from(gold && predicted);
    }
}

/// One error for `--show`.
#[derive(Debug, Clone, Serialize)]
pub struct EventError {
    /// `missed`, `extra` or `partial` (type and source right, target or date wrong).
    pub what: &'static str,
    /// The document.
    pub document: String,
    /// The event, in short.
    pub event: String,
}

/// The evaluation report.
#[derive(Debug, Clone, Default)]
pub struct EventReport {
    /// Documents scored.
    pub documents: usize,
    /// Type and a source actor right.
    pub typed: Counts,
    /// Also target and date right.
    pub full: Counts,
    /// Per gold type: type + source counts (false positives by predicted type).
    pub by_type: std::collections::BTreeMap<String, Counts>,
    /// Negation agreement over matched pairs.
    pub negated: Agreement,
    /// Plan agreement.
    pub planned: Agreement,
    /// Claim agreement.
    pub claimed: Agreement,
    /// The errors, in document order.
    pub errors: Vec<EventError>,
}

/// Reads the gold documents under `gold`: every `NAME.gold.json` with its `NAME.txt`.
pub fn load_documents(gold: &Path) -> Result<Vec<EventDocument>, EvalError> {
    if !gold.exists() {
        return Err(EvalError::NoGold(gold.display().to_string()));
    }
    let mut docs = Vec::new();
    for path in crate::files::gold_files(gold, &["json"])? {
        let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let Some(name) = file_name.strip_suffix(".gold.json") else {
            continue;
        };
        let article = path.with_file_name(format!("{name}.txt"));
        if !article.exists() {
            return Err(EvalError::Format {
                path: path.display().to_string(),
                line: 1,
                reason: format!("no article {} beside it", article.display()),
            });
        }
        let bytes = std::fs::read(&path).map_err(|e| EvalError::Io {
            path: path.display().to_string(),
            source: e,
        })?;
        let file = parse_gold(&path, &bytes)?;
        docs.push(EventDocument {
            name: name.to_string(),
            article,
            events: file.events,
        });
    }
    if docs.is_empty() {
        return Err(EvalError::NoGold(gold.display().to_string()));
    }
    Ok(docs)
}

/// Reads one gold file's bytes; `path` names it in errors.
pub fn parse_gold(path: &Path, bytes: &[u8]) -> Result<GoldFile, EvalError> {
    serde_json::from_slice(bytes).map_err(|e| EvalError::Format {
        path: path.display().to_string(),
        line: e.line(),
        reason: e.to_string(),
    })
}

/// Adds the scores of one document's predictions to `report`.
pub fn score_document(doc: &EventDocument, predicted: &[PredictedEvent], report: &mut EventReport) {
    report.documents += 1;
    let mut used = vec![false; predicted.len()];
    for g in &doc.events {
        let hit = predicted.iter().enumerate().position(|(i, p)| {
            !used[i]
                && p.kind == g.kind
                && (g.source.is_empty() || g.source.iter().any(|s| names_any(s, &p.source)))
        });
        let by_type = report.by_type.entry(g.kind.clone()).or_default();
        let Some(i) = hit else {
            by_type.fn_ += 1;
            report.typed.fn_ += 1;
            report.full.fn_ += 1;
            report.errors.push(EventError {
                what: "missed",
                document: doc.name.clone(),
                event: describe_gold(g),
            });
            continue;
        };
        used[i] = true;
        by_type.tp += 1;
        report.typed.tp += 1;
        let p = &predicted[i];
        let target_ok = g.target.is_empty() || g.target.iter().any(|t| names_any(t, &p.target));
        let date_ok = g.date.is_none() || g.date == p.date;
        if target_ok && date_ok {
            report.full.tp += 1;
        } else {
            report.full.fp += 1;
            report.full.fn_ += 1;
            report.errors.push(EventError {
                what: "partial",
                document: doc.name.clone(),
                event: format!("gold {} / predicted {}", describe_gold(g), describe(p)),
            });
        }
        report.negated.add(g.negated, p.negated);
        report.planned.add(g.planned, p.planned);
        report.claimed.add(g.claimed, p.claimed);
    }
    for (p, _) in predicted.iter().zip(&used).filter(|(_, u)| !**u) {
        report.typed.fp += 1;
        report.full.fp += 1;
        report.by_type.entry(p.kind.clone()).or_default().fp += 1;
        report.errors.push(EventError {
            what: "extra",
            document: doc.name.clone(),
            event: describe(p),
        });
    }
}

/// Scores `predict`'s events for each gold document under `gold`.
pub fn evaluate(
    gold: &Path,
    mut predict: impl FnMut(&EventDocument) -> Result<Vec<PredictedEvent>, EvalError>,
) -> Result<EventReport, EvalError> {
    let mut report = EventReport::default();
    for doc in load_documents(gold)? {
        let predicted = predict(&doc)?;
        score_document(&doc, &predicted, &mut report);
    }
    Ok(report)
}

fn describe_gold(g: &GoldEvent) -> String {
    format!(
        "{} {:?} -> {:?} date {} '{}'",
        g.kind,
        g.source,
        g.target,
        g.date.as_deref().unwrap_or("-"),
        g.trigger.as_deref().unwrap_or("")
    )
}

fn describe(p: &PredictedEvent) -> String {
    let first = |names: &Vec<Vec<String>>| -> Vec<String> {
        names
            .iter()
            .filter_map(|n| n.get(1).or(n.first()).cloned())
            .collect()
    };
    format!(
        "{} {:?} -> {:?} date {} '{}'",
        p.kind,
        first(&p.source),
        first(&p.target),
        p.date.as_deref().unwrap_or("-"),
        p.trigger
    )
}

/// Folds case, quotation marks and white space, as score.py's `squash`.
fn squash(s: &str) -> String {
    s.chars()
        .map(|c| {
            if "\"„“”‚‘’«»‹›'`´".contains(c) || c.is_whitespace() {
                ' '
            } else if c == '\u{ad}' {
                '-'
            } else {
                c
            }
        })
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the gold name `gold` matches one of the names of any actor in `actors`.
fn names_any(gold: &str, actors: &[Vec<String>]) -> bool {
    actors.iter().any(|names| name_match(gold, names))
}

/// score.py's `name_match`: equal, one inside the other (candidates over three
/// characters), or the same last word (over two characters).
pub fn name_match(gold: &str, candidates: &[String]) -> bool {
    let g = squash(gold);
    let Some(last) = g.split(' ').next_back().filter(|l| !l.is_empty()) else {
        return false;
    };
    candidates.iter().map(|c| squash(c)).any(|c| {
        !c.is_empty()
            && (c == g
                || (c.chars().count() > 3 && (g.contains(&c) || c.contains(&g)))
                || (c.split(' ').next_back() == Some(last) && last.chars().count() > 2))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(kind: &str, source: &[&str], target: &[&str], date: Option<&str>) -> GoldEvent {
        GoldEvent {
            kind: kind.to_string(),
            mode: None,
            source: source.iter().map(|s| s.to_string()).collect(),
            target: target.iter().map(|s| s.to_string()).collect(),
            date: date.map(str::to_string),
            trigger: None,
            negated: false,
            planned: false,
            claimed: false,
        }
    }

    fn names(n: &[&str]) -> Vec<Vec<String>> {
        n.iter().map(|s| vec![s.to_string()]).collect()
    }

    #[test]
    fn bad_gold_names_the_file_and_line() {
        let err = parse_gold(Path::new("g.gold.json"), b"{\"events\": [\n{\"type\": 3}]}")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("g.gold.json:2:"), "{err}");
        let ok = parse_gold(Path::new("g"), br#"{"events": [{"type": "AGREE"}]}"#).unwrap();
        assert_eq!(ok.events[0].kind, "AGREE");
    }

    #[test]
    fn names_match_as_score_py_matches_them() {
        assert!(name_match("Donald Trump", &["Trump".to_string()]));
        assert!(name_match("Russland", &["russland".to_string()]));
        assert!(!name_match("Russland", &["Moskau".to_string()]));
        assert!(name_match("EU", &["EU-Kommission".to_string()]));
        assert!(!name_match("EU", &["USA".to_string()]));
    }

    #[test]
    fn scores_type_source_then_target_and_date() {
        let doc = EventDocument {
            name: "d".into(),
            article: PathBuf::from("d.txt"),
            events: vec![
                gold(
                    "CONSULT",
                    &["Donald Trump"],
                    &["Wladimir Putin"],
                    Some("2025-08"),
                ),
                gold("REJECT", &["Russland"], &[], None),
            ],
        };
        let predicted = vec![
            PredictedEvent {
                kind: "CONSULT".into(),
                source: names(&["Trump"]),
                target: names(&["Putin"]),
                date: None,
                ..Default::default()
            },
            PredictedEvent {
                kind: "ASSAULT".into(),
                source: names(&["Russland"]),
                ..Default::default()
            },
        ];
        let mut report = EventReport::default();
        score_document(&doc, &predicted, &mut report);
        assert_eq!(
            (report.typed.tp, report.typed.fp, report.typed.fn_),
            (1, 1, 1)
        );
        assert_eq!((report.full.tp, report.full.fp, report.full.fn_), (0, 2, 2));
        assert_eq!(report.errors.len(), 3);
    }
}
