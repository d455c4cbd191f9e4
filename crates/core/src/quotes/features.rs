//! The token features of the quote labeller ([`super::labeller`]): what it sees of
//! each word when it decides whether the word is part of reported speech, a speaker
//! or a cue.
//!
//! Reported speech is marked less by its own words than by its surroundings: a
//! speech verb and a comma before it, a Konjunktiv anywhere in the sentence, reported
//! speech in the sentence before. So beside the word, its affixes and its neighbours,
//! every token carries facts of its sentence and of the sentence before, the marks of
//! its own clause and the one before, and where it stands relative to the sentence's
//! cue. The word clusters of the entity stage
//! stand for words the training data lacks (a Konjunktiv form such as "halte" shares
//! its cluster with others). The word classes come from the cue lexicon
//! (`data/quotes/cues.tsv`) and the entity layer; the same function serves training
//! and tagging.

use super::attribution::Context;
use super::lexicon::CueKind;
use crate::entities::clusters::WordClusters;
use crate::entities::features::{feature_hash_parts, Feature};
use crate::model::{EntityKind, TokenKind};

/// What is known of each sentence of an article, computed once.
pub struct SentenceFacts {
    /// Per sentence, its facts as feature names (`konj`, `cue`, `src`, `quote`, …).
    facts: Vec<Vec<&'static str>>,
    /// Per token, whether it lies between an opening and a closing quotation mark.
    quoted: Vec<bool>,
    /// Per token, its class ([`class`]).
    classes: Vec<&'static str>,
}

impl SentenceFacts {
    /// The class of token `i` (its cue-lexicon kind, else its token kind: `verb`,
    /// `src`, `pron`, `det`, `Cap`, `low`, `punct` …).
    pub fn class(&self, i: usize) -> &'static str {
        self.classes.get(i).copied().unwrap_or("-")
    }

    /// Whether token `i` lies inside quotation marks.
    pub fn quoted(&self, i: usize) -> bool {
        self.quoted.get(i).copied().unwrap_or(false)
    }

    /// Whether sentence `s` holds a Konjunktiv form or a speech verb.
    pub fn reported(&self, s: usize) -> bool {
        self.facts
            .get(s)
            .is_some_and(|f| f.contains(&"konj") || f.contains(&"cue"))
    }

    /// The facts of sentence `s` (`konj`, `cue`, `src`, `quote`, `colon`, `dass`, or
    /// `plain` for none).
    pub fn of(&self, s: usize) -> &[&'static str] {
        self.facts.get(s).map_or(&[], Vec::as_slice)
    }

    /// Whether sentence `s` or one of the `window` before it shows a mark of reported
    /// speech (a Konjunktiv, cue, source word, quotation mark, colon or "dass").
    pub fn marked(&self, s: usize, window: usize) -> bool {
        let marked = |s: usize| self.facts.get(s).is_some_and(|f| f != &["plain"]);
        (s.saturating_sub(window)..=s).any(marked)
    }

    /// The facts of every sentence of `cx`'s article.
    pub fn new(cx: &Context<'_>) -> SentenceFacts {
        let tokens = &cx.analysis.tokens;
        let mut quoted = vec![false; tokens.len()];
        let mut open = false;
        for (i, t) in tokens.iter().enumerate() {
            match t.kind {
                TokenKind::OpenQuote => open = true,
                TokenKind::CloseQuote => open = false,
                _ => quoted[i] = open,
            }
        }
        let classes: Vec<&'static str> = (0..tokens.len()).map(|k| class(cx, k)).collect();
        let facts = (0..cx.analysis.sentences.len())
            .map(|s| {
                let r = cx.sentence(s);
                let mut out = Vec::new();
                let any = |f: &dyn Fn(usize) -> bool| r.clone().any(f);
                if any(&|k| cx.lexicon.is_konjunktiv(cx.words[k])) {
                    out.push("konj");
                }
                if any(&|k| classes[k] == "verb") {
                    out.push("cue");
                }
                if any(&|k| classes[k] == "src") {
                    out.push("src");
                }
                if any(&|k| classes[k] == "open") {
                    out.push("quote");
                }
                if any(&|k| cx.words[k] == ":") {
                    out.push("colon");
                }
                if any(&|k| cx.words[k] == "dass") {
                    out.push("dass");
                }
                if out.is_empty() {
                    out.push("plain");
                }
                out
            })
            .collect();
        SentenceFacts {
            facts,
            quoted,
            classes,
        }
    }
}

/// The class of token `i`: its cue-lexicon kind, else its token kind.
fn class(cx: &Context<'_>, i: usize) -> &'static str {
    let w = cx.words[i];
    let lex = &cx.lexicon;
    match cx.lexicon.cue(w) {
        Some(CueKind::Verb) => return "verb",
        Some(CueKind::Source) => return "src",
        None => {}
    }
    if lex.is_konjunktiv(w) {
        "konj"
    } else if lex.is_source_clause(w) {
        "wie"
    } else if lex.is_pronoun(w) {
        "pron"
    } else if lex.is_determiner(w) {
        "det"
    } else {
        match cx.analysis.tokens[i].kind {
            TokenKind::OpenQuote => "open",
            TokenKind::CloseQuote => "close",
            TokenKind::Punct => "punct",
            TokenKind::Number | TokenKind::Ordinal => "num",
            _ if w.starts_with(char::is_uppercase) => "Cap",
            _ => "low",
        }
    }
}

/// The mark of each clause of a sentence, the stretches between commas, colons,
/// semicolons and quotation marks: `konj` where it holds a Konjunktiv form, else
/// `cue` for a speech verb or source word, else `hearsay` for a form of "sollen"
/// ("Er soll geflohen sein"), else `zu` for a zu-infinitive, else `plain`. The
/// sentence's facts say that a Konjunktiv is somewhere in it; this says whether it
/// is in the token's own clause ("Er sagte, die Lage sei ernst, und fuhr dann
/// heim.").
struct ClauseMarks {
    /// Per token of the sentence, its clause.
    clause_of: Vec<usize>,
    /// Per clause, its mark.
    marks: Vec<&'static str>,
}

/// Clause marks from the strongest down.
const CLAUSE_MARKS: [&str; 5] = ["konj", "cue", "hearsay", "zu", "plain"];

impl ClauseMarks {
    /// The clause marks of the sentence whose first token is `start`, with its
    /// tokens' classes and lower-case words.
    fn new(cx: &Context<'_>, start: usize, classes: &[&str], lower: &[String]) -> ClauseMarks {
        let strength = |m: &str| CLAUSE_MARKS.iter().position(|x| *x == m);
        let mut clause_of = Vec::with_capacity(classes.len());
        let mut marks = vec!["plain"];
        for (t, &class) in classes.iter().enumerate() {
            let word = cx.words[start + t];
            if matches!(word, "," | ":" | ";") || matches!(class, "open" | "close") {
                marks.push("plain");
            }
            let mark = if cx.lexicon.is_konjunktiv(word) {
                "konj"
            } else if matches!(class, "verb" | "src") {
                "cue"
            } else if cx.lexicon.is_hearsay(word) {
                "hearsay"
            } else if lower[t] == "zu" {
                "zu"
            } else {
                "plain"
            };
            let last = marks.len() - 1;
            if strength(mark) < strength(marks[last]) {
                marks[last] = mark;
            }
            clause_of.push(last);
        }
        ClauseMarks { clause_of, marks }
    }

    /// The mark of token `t`'s clause.
    fn of(&self, t: usize) -> &'static str {
        self.marks[self.clause_of[t]]
    }

    /// The mark of the clause before token `t`'s, or `none`.
    fn before(&self, t: usize) -> &'static str {
        self.clause_of[t]
            .checked_sub(1)
            .map_or("none", |c| self.marks[c])
    }
}

/// The entity kind of token `i` (`PER`, `ORG`, `LOC`), `-` where no mention covers it.
pub(super) fn entity(cx: &Context<'_>, i: usize) -> &'static str {
    match cx.entity_at[i].and_then(|e| cx.analysis.entities.get(e)) {
        Some(e) => match e.kind {
            EntityKind::Person => "PER",
            EntityKind::Organisation => "ORG",
            EntityKind::Place => "LOC",
        },
        None => "-",
    }
}

/// The last `n` characters of `word`.
pub(super) fn suffix(word: &str, n: usize) -> &str {
    let at = word.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &word[at..]
}

/// Where a token stands against its sentence's cue.
const CUE_SIDES: [&str; 4] = ["after-cue-comma", "after-cue", "before-cue", "no-cue"];

/// The features of a sentence's tokens: each token's own, and one of four groups it
/// shares with the other tokens on its side of the cue (the facts of the sentence
/// and the one before), which the labeller scores once per sentence.
pub struct SentenceFeatures {
    /// Per token, its own features.
    pub tokens: Vec<Vec<Feature>>,
    /// The shared groups, one per side of the cue.
    pub groups: Vec<Vec<Feature>>,
    /// Per token, its group.
    pub group_of: Vec<usize>,
}

impl SentenceFeatures {
    /// Each token's features with its group's (what the learner sees).
    pub fn flattened(self) -> Vec<Vec<Feature>> {
        let groups = self.groups;
        self.tokens
            .into_iter()
            .zip(self.group_of)
            .map(|(mut f, g)| {
                f.extend_from_slice(&groups[g]);
                f
            })
            .collect()
    }
}

/// The features of each token of sentence `s`.
pub fn sentence_features(
    cx: &Context<'_>,
    facts: &SentenceFacts,
    clusters: &WordClusters,
    s: usize,
) -> SentenceFeatures {
    let r = cx.sentence(s);
    let lower: Vec<String> = r.clone().map(|k| cx.words[k].to_lowercase()).collect();
    let classes = &facts.classes[r.clone()];
    let here = &facts.facts[s];
    let previous: &[&str] = match s.checked_sub(1) {
        Some(p) if cx.block_of[p] == cx.block_of[s] => &facts.facts[p],
        Some(_) => &["newblock"],
        None => &["first"],
    };
    let before_previous: &[&str] = match s.checked_sub(2) {
        Some(p) if cx.block_of[p] == cx.block_of[s] => &facts.facts[p],
        _ => &[],
    };
    let heading = cx.in_heading(s);
    let entities: Vec<&str> = r.clone().map(|k| entity(cx, k)).collect();
    let clauses = ClauseMarks::new(cx, r.start, classes, &lower);
    // the features every token of the sentence shares, hashed once
    let mut shared: Vec<Feature> = Vec::new();
    for fact in here {
        shared.push(feature_hash_parts(&["S:", fact]));
    }
    for fact in previous {
        shared.push(feature_hash_parts(&["P:", fact]));
        for here_fact in here {
            shared.push(feature_hash_parts(&["P:", fact, " S:", here_fact]));
        }
    }
    for fact in before_previous {
        shared.push(feature_hash_parts(&["P2:", fact]));
    }
    if heading {
        shared.push(feature_hash_parts(&["head"]));
    }
    // with those that depend only on the side of the cue the token is on
    let groups: Vec<Vec<Feature>> = CUE_SIDES
        .iter()
        .map(|side| {
            let mut out = shared.clone();
            out.push(feature_hash_parts(&["cue=", side]));
            for fact in here {
                out.push(feature_hash_parts(&["S:", fact, " cue=", side]));
            }
            out
        })
        .collect();
    let mut group_of = Vec::with_capacity(r.len());
    let n = r.len();
    let mut out = Vec::with_capacity(n);
    // where the sentence's cues and commas are, for "after the cue and a comma"
    let mut last_cue: Option<usize> = None;
    let mut comma_since_cue = false;
    let mut colon_seen = false;
    let mut dass_seen = false;
    let first_cue = classes.iter().position(|&c| c == "verb" || c == "src");
    for t in 0..n {
        let k = r.start + t;
        let mut f: Vec<Feature> = Vec::with_capacity(48);
        let mut add = |parts: &[&str]| f.push(feature_hash_parts(parts));
        add(&["bias"]);
        let w = lower[t].as_str();
        add(&["w=", w]);
        add(&["s3=", suffix(w, 3)]);
        add(&["s2=", suffix(w, 2)]);
        add(&["c=", classes[t]]);
        add(&["e=", entities[t]]);
        for c in clusters.features(cx.words[k]).iter() {
            add(&["k", c]);
        }
        if facts.quoted[k] {
            add(&["inq"]);
            add(&["inq c=", classes[t]]);
        }
        for (d, name) in [(1usize, "-1"), (2, "-2")] {
            match t.checked_sub(d) {
                Some(j) => {
                    add(&["w", name, "=", &lower[j]]);
                    add(&["c", name, "=", classes[j]]);
                    add(&["e", name, "=", entities[j]]);
                }
                None => add(&["w", name, "=<s>"]),
            }
        }
        for (d, name) in [(1usize, "+1"), (2, "+2")] {
            match lower.get(t + d) {
                Some(x) => {
                    add(&["w", name, "=", x]);
                    add(&["c", name, "=", classes[t + d]]);
                    add(&["e", name, "=", entities[t + d]]);
                }
                None => add(&["w", name, "=</s>"]),
            }
        }
        add(&[
            "c-1c=",
            t.checked_sub(1).map_or("<s>", |j| classes[j]),
            classes[t],
        ]);
        if t == 0 {
            add(&["first"]);
        }
        if t + 2 >= n {
            add(&["end"]);
        }
        // position against the cue
        let side = match (last_cue, first_cue) {
            (Some(_), _) if comma_since_cue => 0,
            (Some(_), _) => 1,
            (None, Some(_)) => 2,
            (None, None) => 3,
        };
        add(&["cue=", CUE_SIDES[side], " c=", classes[t]]);
        if colon_seen {
            add(&["colon<"]);
        }
        if dass_seen {
            add(&["dass<"]);
        }
        if heading {
            add(&["head c=", classes[t]]);
        }
        add(&["cl=", clauses.of(t)]);
        add(&["cl=", clauses.of(t), " cue=", CUE_SIDES[side]]);
        add(&["pcl=", clauses.before(t)]);
        group_of.push(side);
        out.push(f);
        match classes[t] {
            "verb" | "src" => {
                last_cue = Some(t);
                comma_since_cue = false;
            }
            _ if w == "," && last_cue.is_some() => comma_since_cue = true,
            _ if w == ":" => colon_seen = true,
            _ if w == "dass" => dass_seen = true,
            _ => {}
        }
    }
    SentenceFeatures {
        tokens: out,
        groups,
        group_of,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::lexicon::QuoteLexicon;
    use crate::{Article, Pipeline};

    /// The clause mark of each of `words` in the one-sentence article `text`, with
    /// the mark of the clause before.
    fn marks_at(text: &str, words: &[&str]) -> Vec<(&'static str, &'static str)> {
        let analysis = Pipeline::german()
            .unwrap()
            .analyze(Article::from_text("t", text, None));
        let lexicon = QuoteLexicon::german().unwrap();
        let cx = Context::new(&analysis, &lexicon);
        let facts = SentenceFacts::new(&cx);
        let r = cx.sentence(0);
        let lower: Vec<String> = r.clone().map(|k| cx.words[k].to_lowercase()).collect();
        let marks = ClauseMarks::new(&cx, r.start, &facts.classes[r.clone()], &lower);
        words
            .iter()
            .map(|word| {
                let t = cx.words[r.clone()].iter().position(|w| w == word).unwrap();
                (marks.of(t), marks.before(t))
            })
            .collect()
    }

    #[test]
    fn clause_marks_say_where_the_konjunktiv_is() {
        let text = "Er sagte, die Lage sei ernst, und fuhr dann heim.";
        assert_eq!(
            marks_at(text, &["Er", "Lage", "fuhr"]),
            [("cue", "none"), ("konj", "cue"), ("plain", "konj")]
        );
    }

    #[test]
    fn a_form_of_sollen_marks_its_clause_as_hearsay() {
        let text = "Der Mann soll geflohen sein, und die Polizei sucht ihn.";
        assert_eq!(
            marks_at(text, &["geflohen", "sucht"]),
            [("hearsay", "none"), ("plain", "hearsay")]
        );
    }
}
