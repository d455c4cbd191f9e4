//! Interview turns: an interview printed as turns, each opened by its speaker's
//! label ("ZEIT ONLINE: Wie hart trifft Sie die Krise?" / "Kekilli: Im Dreh
//! nicht. …"), is what each side said, turn by turn. No speech verb or quotation
//! mark says so, so the rules and the labeller miss the answers or give their
//! sentences to whoever they name.
//!
//! A label ([`opening_label`], as the lost-embed check reads them) is one to three
//! capitalised words and a colon opening a block outside the headings. Labels with the same last word are one party ("Sibel Kekilli",
//! "Kekilli"). An article is an interview when two parties each open at least two
//! turns, the turns change hands at least three times, and a party's label names a
//! person ([`person_of`]): a colon after a capitalised word is common ("Das
//! Ergebnis:", "Pro:", "Contra:"), alternating labels of a known person are not. A
//! label used once ("Mein Fazit:") neither opens nor ends a turn.
//!
//! Each turn is a direct quotation of its party: from its label's colon to the next
//! turn's label, or, for the last turn, to the end of its block (an outro often
//! follows). A label alone in its block opens the turn of the next block. A turn
//! stops before a heading. Its addressee is the other party's label before it (or
//! after it, for the first turn). A label that only says a question follows
//! ("Frage:", the lexicon's `question_noun`) is the interviewer's, whom the article
//! does not name: that party's turns have no speaker, the other's no addressee.

use super::attribution::Context;
use crate::article::embeds::opening_label;
use crate::model::{ActorRef, EntityKind};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Fewest turns each of two parties must open for an interview.
const MIN_TURNS: usize = 2;

/// Fewest changes of hands between consecutive turns for an interview.
const MIN_CHANGES: usize = 3;

/// One turn of an interview.
pub(super) struct Turn {
    /// The tokens of what was said.
    pub tokens: Range<usize>,
    /// Where its label starts (a character offset into the text).
    pub label_start: usize,
    /// The label's words, who said it; none for a label that only says a question
    /// follows ("Frage:"), the interviewer's, whom the article does not name.
    pub speaker: Option<ActorRef>,
    /// The other party's label nearest before it (or after, for the first turn).
    pub addressee: Option<ActorRef>,
    /// The sentence its label opens.
    pub sentence: usize,
}

/// A label found at the start of a sentence.
struct Label {
    /// Its sentence.
    sentence: usize,
    /// Its words (the colon follows).
    words: Range<usize>,
    /// Its party (index into the parties).
    party: usize,
}

/// The turns of the interview in `cx`'s article, or none if it is no interview.
pub(super) fn turns(cx: &Context<'_>) -> Vec<Turn> {
    let mut parties: FxHashMap<String, usize> = FxHashMap::default();
    let mut labels: Vec<Label> = Vec::new();
    for s in 0..cx.analysis.sentences.len() {
        if let Some(words) = label_at(cx, s) {
            let key = cx.words[words.end - 1].to_lowercase();
            let next = parties.len();
            let party = *parties.entry(key).or_insert(next);
            labels.push(Label {
                sentence: s,
                words,
                party,
            });
        }
    }
    let mut uses = vec![0usize; parties.len()];
    labels.iter().for_each(|l| uses[l.party] += 1);
    labels.retain(|l| uses[l.party] >= MIN_TURNS);
    let parties_used = uses.iter().filter(|&&n| n >= MIN_TURNS).count();
    let changes = labels
        .windows(2)
        .filter(|w| w[0].party != w[1].party)
        .count();
    if parties_used < 2 || changes < MIN_CHANGES {
        return Vec::new();
    }
    let words: Vec<Range<usize>> = labels.iter().map(|l| l.words.clone()).collect();
    let person = |l: &Label| person_of(cx, &l.words, &words);
    if !labels.iter().any(|l| person(l).is_some()) {
        return Vec::new();
    }
    let speaker = |l: &Label| {
        let asks = l.words.len() == 1 && cx.lexicon.is_question_noun(cx.words[l.words.start]);
        if asks {
            return None;
        }
        let mut actor = cx.phrase_actor(l.words.start, l.words.end);
        if actor.entity.is_none() {
            actor.entity = person(l).map(|e| cx.analysis.entities[e].id.clone());
        }
        Some(actor)
    };
    let mut out = Vec::new();
    for (i, label) in labels.iter().enumerate() {
        let next = labels.get(i + 1).map(|n| cx.sentence(n.sentence).start);
        let Some(tokens) = turn_tokens(cx, label, next) else {
            continue;
        };
        let other = labels[..i]
            .iter()
            .rev()
            .chain(&labels[i + 1..])
            .find(|o| o.party != label.party);
        out.push(Turn {
            tokens,
            label_start: cx.analysis.tokens[label.words.start].span.start,
            speaker: speaker(label),
            addressee: other.and_then(speaker),
            sentence: label.sentence,
        });
    }
    out
}

/// The label words that open sentence `s`, if it opens with one
/// ([`opening_label`]) at the start of a block, outside the headings (within a
/// block, "Aber:" opens an answer's sentence, not a turn).
fn label_at(cx: &Context<'_>, s: usize) -> Option<Range<usize>> {
    let opens_block = s == 0 || cx.block_of[s - 1] != cx.block_of[s];
    if !opens_block || cx.in_heading(s) {
        return None;
    }
    let sentence = cx.sentence(s);
    let tokens = &cx.analysis.tokens[sentence.clone()];
    let words = opening_label(&cx.analysis.article.text, tokens)?;
    Some(sentence.start..sentence.start + words)
}

/// The person entity a label names, where the article shows it is one: a label
/// of two or more words the entity layer takes for a person ("Sibel Kekilli"), or
/// a person named outside the labels whose name ends in the label's last word
/// ("Hafenchefin Katrin Voss" for "Voss"). A lone word before a colon looks like a
/// name to the entity layer wherever it stands ("Contra:").
fn person_of(cx: &Context<'_>, words: &Range<usize>, labels: &[Range<usize>]) -> Option<usize> {
    let entities = &cx.analysis.entities;
    let person = |e: &usize| entities[*e].kind == EntityKind::Person;
    if words.len() >= 2 {
        if let Some(e) = words.clone().find_map(|k| cx.entity_at[k].filter(person)) {
            return Some(e);
        }
    }
    let last = cx.words[words.end - 1];
    let tokens = &cx.analysis.tokens;
    let in_label = |start: usize| {
        labels
            .iter()
            .any(|l| l.clone().any(|k| tokens[k].span.start == start))
    };
    entities.iter().position(|e| {
        e.kind == EntityKind::Person
            && e.name.split_whitespace().next_back() == Some(last)
            && e.mentions.iter().any(|m| !in_label(m.span.start))
    })
}

/// The tokens of the turn `label` opens, up to the token `next` where the next
/// turn's label starts (none for the last turn, which ends with its block); none
/// when no words follow the label.
fn turn_tokens(cx: &Context<'_>, label: &Label, next: Option<usize>) -> Option<Range<usize>> {
    let start = label.words.end + 1;
    let label_block = cx.block_of[label.sentence];
    // a label alone in its block speaks in the next block
    let alone = cx.sentence(label.sentence).end <= start
        && cx
            .analysis
            .sentences
            .get(label.sentence + 1)
            .is_none_or(|_| cx.block_of[label.sentence + 1] != label_block);
    let last_block = if next.is_some() {
        usize::MAX
    } else {
        label_block + usize::from(alone)
    };
    let mut end = start;
    for s in label.sentence..cx.analysis.sentences.len() {
        let range = cx.sentence(s);
        if next.is_some_and(|n| range.start >= n) || cx.block_of[s] > last_block || cx.in_heading(s)
        {
            break;
        }
        end = end.max(range.end);
    }
    (end > start).then_some(start..end)
}
