//! Addressees: to whom a quotation was said. The addressee model's label nearest the
//! cue comes first; where it marks none, the frame is read for a dative phrase after
//! the speaker ("sagte X dem Deutschlandfunk"), the asker of a question ("auf
//! Nachfrage von Journalisten") and an outlet spoken to ("der „Bild“-Zeitung").
//! A speaker that ends in its quotation's addressee loses it.

use super::attribution::Context;
use super::combine::distance;
use super::labeller::{Labelled, Part};
use super::{medium, Found};
use crate::model::{ActorRef, TokenKind};

/// To whom quotation `f` was said: the labelled addressee of its sentence
/// (`labelled`), else what the rules below read from its frame.
pub(super) fn addressee(cx: &Context<'_>, labelled: &[Labelled], f: &Found) -> Option<ActorRef> {
    nearest_labelled(cx, labelled, f)
        .or_else(|| dative_after_speaker(cx, f))
        .or_else(|| asker(cx, f))
        .or_else(|| medium::outlet_addressee(cx, f))
}

/// The labelled addressee of `labelled` (its sentence's) nearest to the cue of
/// quotation `f` (or to the quotation), unless a preposition of place stands
/// before it or it holds the start of `f`'s speaker.
fn nearest_labelled(cx: &Context<'_>, labelled: &[Labelled], f: &Found) -> Option<ActorRef> {
    let (start, end) = f.cue.map_or((f.start, f.end), |c| (c, c + 1));
    let me = Labelled {
        part: Part::Cue,
        start,
        end,
    };
    // a phrase after a preposition of place names where or in what it was said
    // ("sagte X im „Morgenmagazin“ der ARD"), not to whom, unless whom follows in
    // it ("in einem Interview mit der FAZ": "der FAZ")
    let placed = |x: &Labelled| {
        x.start
            .checked_sub(1)
            .is_some_and(|k| cx.lexicon.is_place_preposition(cx.words[k]))
    };
    let whom = |x: &Labelled| -> Option<(usize, usize)> {
        if !placed(x) {
            return Some((x.start, x.end));
        }
        let with = (x.start..x.end).find(|&k| cx.lexicon.is_partner(cx.words[k]))?;
        (with + 1 < x.end).then_some((with + 1, x.end))
    };
    // who spoke is not whom they spoke to: a stretch from the speaker's start on is
    // none, and the frame's other rules read the phrase after it (a speaker that
    // runs on into the addressee keeps it, and loses it later)
    let speaker = f.speaker.as_ref().map(|s| cx.token_after(s.span.start));
    let over_speaker = |x: &Labelled| speaker.is_some_and(|s| x.start <= s && s < x.end);
    labelled
        .iter()
        .filter(|x| x.part == Part::Addressee && !over_speaker(x))
        .filter_map(|x| whom(x).map(|(start, end)| Labelled { start, end, ..*x }))
        .min_by_key(|x| distance(x, &me))
        .map(|x| cx.phrase_actor(x.start, x.end))
}

/// The addressee a speech verb names in a dative phrase right after the speaker that
/// follows it ("sagte der Wissenschaftsjournalist Dirk Lorenz dem Deutschlandfunk"),
/// for a quotation the addressee model marks none for.
fn dative_after_speaker(cx: &Context<'_>, f: &Found) -> Option<ActorRef> {
    let cue = f.cue.filter(|&c| cx.is_verb_cue(c))?;
    let speaker = f.speaker.as_ref()?;
    let start = cx.token_after(speaker.span.start);
    let after = cx.token_after(speaker.span.end);
    // the clause ends with the sentence, or where the quotation after the cue opens
    let mut clause_end = cx.sentence(cx.sentence_of[cue]).end;
    if f.start > cue {
        clause_end = clause_end.min(f.start);
    }
    let dative = cx.words.get(after).is_some_and(|w| cx.lexicon.is_dative(w));
    if start <= cue || after >= clause_end || !dative {
        return None;
    }
    cx.speaker_from(after, clause_end)
        .filter(|a| cx.token_after(a.span.end) > after + 1)
}

/// Whom quotation `f` answers where a question noun in its frame names the asker
/// after "von" ("antwortete Trump auf Nachfrage von Journalisten"), for a quotation
/// the addressee model marks none for. The corpus has no such case to learn from;
/// a genitive ("Zur Frage der Gefährlichkeit", "eine Anfrage der Grünen") names a
/// topic or someone else's question, so only "von" counts.
fn asker(cx: &Context<'_>, f: &Found) -> Option<ActorRef> {
    let frame = cx.frame(f.cue?, &(f.start..f.end));
    let end = frame.end;
    (frame.start..end.saturating_sub(2)).find_map(|k| {
        let asked = cx.lexicon.is_question_noun(cx.words[k]) && cx.words[k + 1] == "von";
        asked.then(|| cx.speaker_from(k + 2, end)).flatten()
    })
}

/// `speaker` without the `addressee` it ends in ("Dirk Lorenzen dem
/// Deutschlandfunk"): who was spoken to is not who spoke. Tied to the entity the
/// shorter phrase names.
pub(super) fn without_addressee(
    cx: &Context<'_>,
    speaker: &ActorRef,
    addressee: &ActorRef,
) -> ActorRef {
    let (s, a) = (&speaker.span, &addressee.span);
    if !(s.start < a.start && a.start < s.end && a.end >= s.end) {
        return speaker.clone();
    }
    let start = cx.token_after(s.start);
    let cut = cx.token_after(a.start);
    let mut end = cut;
    while end > start + 1 && matches!(cx.analysis.tokens[end - 1].kind, TokenKind::Punct) {
        end -= 1;
    }
    cx.phrase_actor(start, end)
}

/// `speaker`, or, where it is the very phrase an earlier quote was said to, that
/// quote's speaker: "Finnern sagte der Deutschen Presse-Agentur, … „…“" has the
/// agency as the addressee of the first quote, and it cannot be the subject that
/// speaks the second. `spoken_to` holds (addressee, speaker) of the quotes before.
pub(super) fn not_spoken_to(speaker: ActorRef, spoken_to: &[(ActorRef, ActorRef)]) -> ActorRef {
    spoken_to
        .iter()
        .rev()
        .find(|(addressee, _)| addressee.span == speaker.span)
        .map_or(speaker, |(_, earlier)| earlier.clone())
}
