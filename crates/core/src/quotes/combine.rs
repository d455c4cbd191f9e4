//! Combines the rules' quotations with what the labeller marks.
//!
//! The rules are precise where they apply (quotation marks, a speech verb with a
//! comma clause, "laut X"); the labeller, trained on the quotation-attribution
//! corpus, finds the reported speech they miss and knows how far a speaker phrase
//! reaches ("Gabriela Schimmer-Göresz, Vorsitzende des ödp-Kreisverbandes"). So the
//! rules' quotations stay, checked and completed by the labels, and the labeller's
//! own quotations are added only in sentences the rules left alone.

use super::attribution::Context;
use super::features::SentenceFacts;
use super::labeller::{Labelled, Part};
use super::{Found, Proposer};
use crate::model::{ActorRef, QuoteKind, TokenKind};

/// Stretches of reported speech in one sentence this many tokens apart or closer are
/// one quotation, split by an inserted source ("Unter den Passagieren befanden sich
/// Berichten zufolge etwa 75 Schulkinder").
const MAX_GAP: usize = 3;

/// Checks the rules' quotations against the labels (`parts`, per sentence):
/// - words in quotation marks without a cue that the labeller does not mark as
///   quoted are names or titles ("„Department of Vertebrate Zoology“"), not quotes;
/// - a speaker is widened to the labelled speaker phrase it lies in (not the
///   object of a quoting verb);
/// - a quotation without a speaker takes the labelled speaker nearest to it in its
///   sentence, else the speaker of the quotation before when it is at most two
///   sentences back.
pub(super) fn check_rule_quotes(cx: &Context<'_>, parts: &[Vec<Labelled>], found: &mut Vec<Found>) {
    found.retain(|f| {
        if f.kind != QuoteKind::Direct || f.cue.is_some() || f.incomplete {
            return true;
        }
        let sentences = opening_sentence(cx, f)..=closing_sentence(cx, f);
        let labelled: usize = parts[sentences]
            .iter()
            .flatten()
            .filter(|p| p.part.is_quote())
            .map(|p| p.end.min(f.end).saturating_sub(p.start.max(f.start)))
            .sum();
        2 * labelled >= f.end - f.start
    });
    for f in found.iter_mut() {
        // the object a quoting verb names is a phrase of its own ("zitierte die
        // Agentur den Minister"), which a labelled phrase over both would swallow
        let quoting = f.cue.is_some_and(|c| cx.is_quoting_verb(c));
        match &mut f.speaker {
            Some(_) if quoting => {}
            Some(speaker) => *speaker = widened(cx, parts, speaker),
            None => {
                let me = Labelled {
                    part: Part::Direct,
                    start: f.start,
                    end: f.end,
                };
                f.speaker = parts[opening_sentence(cx, f)]
                    .iter()
                    .chain(&parts[f.sentence])
                    .filter(|x| x.part == Part::Speaker)
                    .min_by_key(|x| distance(x, &me))
                    .map(|x| cx.phrase_actor(x.start, x.end));
            }
        }
    }
    // still without one: the speaker of the quotation just before, when it is at most
    // two sentences back ("X sagte, dass … . „…“")
    found.sort_by_key(|f| f.start);
    let mut last: Option<(usize, ActorRef)> = None;
    for f in found.iter_mut() {
        if f.speaker.is_none() {
            f.speaker = last
                .as_ref()
                .filter(|(s, _)| f.sentence <= s + 2)
                .map(|(_, a)| a.clone());
        }
        if let Some(a) = &f.speaker {
            last = Some((f.sentence, a.clone()));
        }
    }
}

/// `speaker` widened to the labelled speaker phrase of its sentence that overlaps it,
/// still tied to its entity.
fn widened(cx: &Context<'_>, parts: &[Vec<Labelled>], speaker: &ActorRef) -> ActorRef {
    let a = cx.token_after(speaker.span.start);
    let b = cx.token_after(speaker.span.end);
    let Some(labelled) = cx.sentence_of.get(a).and_then(|&s| parts.get(s)) else {
        return speaker.clone();
    };
    match labelled
        .iter()
        .find(|p| p.part == Part::Speaker && p.start < b && a < p.end)
    {
        Some(x) => ActorRef {
            entity: speaker.entity.clone(),
            ..cx.phrase_actor(x.start.min(a), x.end.max(b))
        },
        None => speaker.clone(),
    }
}

/// A quotation the labeller found where the rules found none, with what the keep
/// model ([`super::keep`]) reads of how it was found.
pub(super) struct LabelledQuote {
    /// The quotation.
    pub found: Found,
    /// The part the labeller marked (its type of reported speech).
    pub part: Part,
    /// Where its speaker came from.
    pub speaker_from: SpeakerFrom,
}

/// Where a labelled quotation's speaker came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SpeakerFrom {
    /// A labelled speaker in its sentence.
    Sentence,
    /// The speaker of the quotation before (reported speech that carries on).
    Carried,
    /// A labelled speaker of the sentence before.
    Before,
    /// None found.
    Nobody,
}

impl SpeakerFrom {
    /// Its name in feature names.
    pub(super) fn name(self) -> &'static str {
        match self {
            SpeakerFrom::Sentence => "sentence",
            SpeakerFrom::Carried => "carried",
            SpeakerFrom::Before => "before",
            SpeakerFrom::Nobody => "nobody",
        }
    }
}

/// The labeller's quotations in the sentences where the rules found none.
///
/// The speaker is the labelled speaker nearest to the quotation in its sentence,
/// else the speaker of the quotation before in the same block or in the sentence just
/// before (reported speech that carries on), else a labelled speaker of the sentence
/// before. A quotation without
/// a speaker is kept only where a Konjunktiv or a speech verb marks its sentence as reported:
/// bare hearsay ("Nun sollen die beiden erneut gesprochen haben") says nothing of
/// who said it.
pub(super) fn labelled_quotes(
    cx: &Context<'_>,
    facts: &SentenceFacts,
    parts: &[Vec<Labelled>],
    found: &[Found],
) -> Vec<LabelledQuote> {
    let mut out: Vec<LabelledQuote> = Vec::new();
    // per sentence: whether a rule quote is there, and the speaker of its last one
    let mut ruled = vec![false; parts.len()];
    let mut rule_speaker: Vec<Option<&Option<ActorRef>>> = vec![None; parts.len()];
    for f in found.iter().filter(|f| !is_partial_quote(cx, f)) {
        // every sentence the quotation spans, and the one it is tied to
        let spanned = opening_sentence(cx, f)..=closing_sentence(cx, f);
        for s in spanned.chain([f.sentence]) {
            if let Some(slot) = ruled.get_mut(s) {
                *slot = true;
            }
        }
        if let Some(slot) = rule_speaker.get_mut(f.sentence) {
            *slot = Some(&f.speaker);
        }
    }
    let mut last: Option<(usize, Option<ActorRef>)> = None;
    for (s, labelled) in parts.iter().enumerate() {
        if let Some(speaker) = rule_speaker[s] {
            last = Some((s, speaker.clone()));
        }
        if ruled[s] {
            continue;
        }
        for p in merged(labelled) {
            let nearest = |part: Part| {
                labelled
                    .iter()
                    .filter(|x| x.part == part)
                    .min_by_key(|x| distance(x, &p))
            };
            // reported speech carries on within a block, and across a paragraph break
            // right after it
            let same_block = |t: usize| cx.block_of[t] == cx.block_of[s] || s <= t + 1;
            let carried = last
                .as_ref()
                .filter(|(t, _)| same_block(*t))
                .and_then(|(_, a)| a.clone());
            let before = || {
                let b = s.checked_sub(1).filter(|&b| same_block(b))?;
                let x = parts[b].iter().rfind(|x| x.part == Part::Speaker)?;
                Some(cx.phrase_actor(x.start, x.end))
            };
            let (speaker, speaker_from) = match nearest(Part::Speaker) {
                Some(x) => (Some(cx.phrase_actor(x.start, x.end)), SpeakerFrom::Sentence),
                None => match carried {
                    Some(a) => (Some(a), SpeakerFrom::Carried),
                    None => match before() {
                        Some(a) => (Some(a), SpeakerFrom::Before),
                        None => (None, SpeakerFrom::Nobody),
                    },
                },
            };
            if speaker.is_none() && !facts.reported(s) {
                continue;
            }
            last = Some((s, speaker.clone()));
            out.push(LabelledQuote {
                found: Found {
                    start: p.start,
                    end: p.end,
                    kind: kind_of(cx, &p),
                    speaker,
                    cue: nearest(Part::Cue).map(|x| x.start),
                    sentence: s,
                    incomplete: false,
                    proposer: Proposer::Labeller {
                        keep_margin: None,
                        part: p.part,
                    },
                },
                part: p.part,
                speaker_from,
            });
        }
    }
    out
}

/// Whether rule quotation `f` is words in quotation marks within a sentence that
/// names no cue for them ("Der Niederländer sei „nicht aggressiv oder so“."). Such a
/// sentence is left to the labeller: reported speech it marks around the words makes
/// a mixed quotation, which then stands for them.
pub(super) fn is_partial_quote(cx: &Context<'_>, f: &Found) -> bool {
    if f.kind != QuoteKind::Direct || f.cue.is_some() || f.incomplete {
        return false;
    }
    if opening_sentence(cx, f) != f.sentence {
        return false;
    }
    let words_outside = cx
        .sentence(f.sentence)
        .filter(|&k| k + 1 < f.start || k > f.end)
        .filter(|&k| !matches!(cx.analysis.tokens[k].kind, TokenKind::Punct))
        .count();
    words_outside >= 2
}

/// Whether labelled quotation `l` leaves each of the `partial` words in marks
/// (token ranges, sorted and disjoint, as quotes between marks are) whole: it holds
/// them as reported speech around them, or stays clear of them.
pub(super) fn cuts_into_none(l: &Found, partial: &[(usize, usize)]) -> bool {
    let from = partial.partition_point(|&(_, b)| b <= l.start);
    let to = partial.partition_point(|&(a, _)| a < l.end);
    partial[from..to.max(from)].iter().all(|&p| holds(l, p))
}

/// Per range of `partial` (sorted and disjoint), whether a quotation of `kept` holds
/// it as reported speech around it. Linear after sorting: an article of many
/// quoted words ("„neue Regeln“" in every sentence) is no quadratic work.
pub(super) fn covered_by(kept: &[Found], partial: &[(usize, usize)]) -> Vec<bool> {
    let mut around: Vec<(usize, usize)> = kept
        .iter()
        .filter(|l| l.kind != QuoteKind::Direct)
        .map(|l| (l.start, l.end))
        .collect();
    around.sort_unstable();
    // the furthest end among the stretches that start before each point
    let furthest: Vec<usize> = around
        .iter()
        .scan(0, |max, &(_, end)| {
            *max = end.max(*max);
            Some(*max)
        })
        .collect();
    partial
        .iter()
        .map(|&(a, b)| {
            let before = around.partition_point(|&(start, _)| start < a);
            before > 0 && furthest[before - 1] > b
        })
        .collect()
}

/// Whether the reported stretch `l` holds the words in marks `(a, b)` inside it.
fn holds(l: &Found, (a, b): (usize, usize)) -> bool {
    l.kind != QuoteKind::Direct && l.start < a && b < l.end
}

/// The kind of a labelled quotation: reported speech with words in quotation marks
/// in it is mixed.
fn kind_of(cx: &Context<'_>, p: &Labelled) -> QuoteKind {
    let marks = (p.start..p.end).any(|k| cx.analysis.tokens[k].kind == TokenKind::OpenQuote);
    match p.part {
        Part::Direct => QuoteKind::Direct,
        _ if marks => QuoteKind::Mixed,
        _ => QuoteKind::Indirect,
    }
}

/// The quoted stretches of one sentence, those of reported speech joined across
/// gaps of at most [`MAX_GAP`] tokens.
fn merged(parts: &[Labelled]) -> Vec<Labelled> {
    let mut out: Vec<Labelled> = Vec::new();
    for p in parts.iter().filter(|p| p.part.is_quote()) {
        match out.last_mut() {
            Some(m)
                if p.part != Part::Direct
                    && m.part != Part::Direct
                    && p.start <= m.end + MAX_GAP =>
            {
                m.end = p.end;
            }
            _ => out.push(*p),
        }
    }
    out
}

/// The sentence quotation `f` closes in.
pub(super) fn closing_sentence(cx: &Context<'_>, f: &Found) -> usize {
    let last = f.end.saturating_sub(1).max(f.start);
    cx.sentence_of[last.min(cx.words.len().saturating_sub(1))]
}

/// The sentence quotation `f` opens in (`f.sentence` is where it is attributed,
/// which for a quote over several sentences is the last).
pub(super) fn opening_sentence(cx: &Context<'_>, f: &Found) -> usize {
    cx.sentence_of[f.start.min(cx.words.len().saturating_sub(1))]
}

/// Joins reported speech carried on without a cue over several sentences into one
/// quotation, as the corpus marks it ("Bereits heute müssten … . Außerdem sei …"):
/// a cue-less indirect quotation that opens the sentence after another cue-less
/// one, which ends its sentence, in the same block. The first sentence carried on
/// stays apart from the reported speech with a cue before it. `found` is sorted
/// by start.
pub(super) fn join_carried_on(cx: &Context<'_>, found: &mut Vec<Found>) {
    let carried_on = |f: &Found| f.kind == QuoteKind::Indirect && f.cue.is_none() && !f.incomplete;
    let mut joined: Vec<Found> = Vec::with_capacity(found.len());
    for f in found.drain(..) {
        if let Some(last) = joined.last_mut() {
            let before = closing_sentence(cx, last);
            let s = opening_sentence(cx, &f);
            let adjacent = s == before + 1
                && f.start == cx.sentence(s).start
                && last.end + 1 >= cx.sentence(before).end
                && cx.block_of[before] == cx.block_of[s];
            if adjacent && carried_on(last) && carried_on(&f) {
                last.end = f.end;
                continue;
            }
        }
        joined.push(f);
    }
    *found = joined;
}

/// Tokens between two labelled stretches (0 where they touch or overlap).
pub(super) fn distance(a: &Labelled, b: &Labelled) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}
