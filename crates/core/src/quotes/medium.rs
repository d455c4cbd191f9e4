//! The medium of a quotation: the channel it was said or written in, read from its
//! frame. The medium is named as the text names it, with no preposition:
//! - "schrieb Wadephul auf X": "X", the organisation after a medium preposition;
//! - "sagte Merz im ZDF": "ZDF";
//! - "sagte sie in einem Interview mit der „Süddeutschen Zeitung“": "Süddeutschen
//!   Zeitung", the outlet a medium noun ("Interview") names;
//! - "teilte der Konzern in einer Pressemitteilung mit": "Pressemitteilung", the
//!   medium noun where it names no outlet;
//! - "sagte er der Nachrichtenagentur dpa", "sagte sie der „Bild“-Zeitung": "dpa",
//!   "Bild", an outlet spoken to (after the cue and its speaker, or the addressee).
//!
//! The words are data: medium prepositions (`medium`) and nouns (`medium_noun`) in
//! `data/quotes/cues.tsv`.

use super::attribution::Context;
use super::lexicon::QuoteLexicon;
use super::speakers::after_name;
use super::Found;
use crate::model::{ActorRef, EntityKind, TokenKind};
use std::ops::Range;

/// Tokens after a medium preposition within which its noun or name must start
/// ("in einem gemeinsamen Interview").
const PREPOSITION_REACH: usize = 4;

/// Tokens after a medium noun within which the outlet it names must start ("Interview
/// mit der „Süddeutschen Zeitung“").
const NOUN_REACH: usize = 4;

/// Words an outlet's name in quotation marks may have ("„Die Zeit“").
const QUOTED_NAME_WORDS: usize = 4;

/// Tokens after the determiner of an outlet spoken to within which its medium noun
/// must be ("der „Bild“-Zeitung": five tokens, the marks and hyphen among them).
const OUTLET_PHRASE: usize = 6;

/// The medium of the quotation `quote` (tokens) with speech verb or source word `cue`,
/// speaker `speaker` and addressee `addressee`.
pub(super) fn medium(
    cx: &Context<'_>,
    cue: usize,
    quote: Range<usize>,
    speaker: Option<&ActorRef>,
    addressee: Option<&ActorRef>,
) -> Option<String> {
    let tokens_of = |a: &ActorRef| cx.token_after(a.span.start)..cx.token_after(a.span.end);
    let speaker = speaker.map(tokens_of).unwrap_or(0..0);
    let frame = cx.frame(cue, &quote);
    let outside = |k: usize| !quote.contains(&k) && !speaker.contains(&k);
    // after the cue, or opening the frame ("In einem Interview sagte X")
    let prepositions = std::iter::once(frame.start)
        .filter(|&k| k < cue)
        .chain(cue + 1..frame.end)
        .filter(|&k| outside(k) && cx.lexicon.is_medium_word(cx.words[k]));
    for k in prepositions {
        if let Some(found) = after_preposition(cx, k + 1, &frame, &outside) {
            return Some(found);
        }
    }
    // an outlet spoken to right after the cue and its speaker ("sagte die Ministerin
    // der „Bild“-Zeitung"), which the addressee model may have missed
    if let Some(found) = outlet_spoken_to(cx, after_cue_and_speaker(cue, &speaker), &frame) {
        return Some(found);
    }
    // an addressee that is an outlet ("der Nachrichtenagentur dpa", "dem ZDF")
    let addressee = addressee.map(tokens_of)?;
    let named = addressee.clone().find(|&k| is_outlet(cx, k));
    let noun = addressee
        .clone()
        .any(|k| cx.lexicon.is_medium_noun(cx.words[k]));
    match named {
        Some(k) if noun || addressee.len() <= 2 => Some(name_at(cx, k, addressee.end)),
        _ => None,
    }
}

/// The medium named after a medium preposition whose next token is `from`: an
/// outlet's name, else a medium noun, passing over the lower-case words before them
/// and stopping at any other noun ("auf die Frage").
fn after_preposition(
    cx: &Context<'_>,
    from: usize,
    frame: &Range<usize>,
    outside: &impl Fn(usize) -> bool,
) -> Option<String> {
    let end = (from + PREPOSITION_REACH).min(frame.end);
    for k in from..end {
        if !outside(k) {
            return None;
        }
        if opens_name(cx, k) {
            return quoted_or_name(cx, k, frame.end);
        }
        if cx.lexicon.is_medium_noun(cx.words[k]) {
            let named = (k + 1..(k + 1 + NOUN_REACH).min(frame.end))
                .take_while(|&j| outside(j))
                .find(|&j| opens_name(cx, j))
                .and_then(|j| quoted_or_name(cx, j, frame.end));
            return named.or_else(|| Some(cx.words[k].to_string()));
        }
        if cx.words[k].starts_with(char::is_uppercase) {
            return None;
        }
    }
    None
}

/// The outlet named by a phrase that opens with a determiner at token `at` and holds
/// a medium noun ("der Zeitung „Die Welt“", "der „Bild“-Zeitung", "dem Sender
/// ZDF"): the organisation or the words in quotation marks in it.
fn outlet_spoken_to(cx: &Context<'_>, at: usize, frame: &Range<usize>) -> Option<String> {
    let phrase = outlet_phrase(cx, at, frame, QuoteLexicon::is_medium_noun)?;
    phrase
        .clone()
        .find(|&k| opens_name(cx, k))
        .and_then(|k| quoted_or_name(cx, k, phrase.end))
}

/// The tokens of a phrase that opens with a determiner at token `at` and names an
/// outlet by a noun for which `head_noun` holds (a medium noun, or only an outlet
/// noun where a publisher is meant), with the name after the noun ("der
/// Nachrichtenagentur dpa", "der Zeitung „Die Welt“", "der „Bild“-Zeitung").
fn outlet_phrase(
    cx: &Context<'_>,
    at: usize,
    frame: &Range<usize>,
    head_noun: fn(&QuoteLexicon, &str) -> bool,
) -> Option<Range<usize>> {
    let determiner = cx.words.get(at)?;
    if at >= frame.end || !(cx.lexicon.is_dative(determiner) || cx.lexicon.is_genitive(determiner))
    {
        return None;
    }
    // an organisation named by an outlet noun it ends in ("der Deutschen
    // Presse-Agentur")
    if at + 1 < frame.end && is_outlet(cx, at + 1) {
        let end = mention_end(cx, at + 1, frame.end);
        let last = cx.words[end - 1];
        let compound = last.rsplit('-').next().unwrap_or(last);
        if head_noun(cx.lexicon, last) || head_noun(cx.lexicon, compound) {
            return Some(at..end);
        }
    }
    // the phrase's head noun, past adjectives and a name before it ("„Bild“-Zeitung")
    let reach = at + 1..(at + 1 + OUTLET_PHRASE).min(frame.end);
    let mut quoted = false;
    let head = reach.clone().find(|&k| {
        let kind = cx.analysis.tokens[k].kind;
        quoted ^= matches!(kind, TokenKind::OpenQuote | TokenKind::CloseQuote);
        let passed = quoted
            || matches!(kind, TokenKind::CloseQuote | TokenKind::Punct)
            || is_outlet(cx, k)
            || cx.words[k].starts_with(char::is_lowercase);
        !passed
    })?;
    let noun = head_noun(cx.lexicon, cx.words[head].trim_start_matches('-')).then_some(head)?;
    let after = noun + 1;
    let end = if after < frame.end && is_outlet(cx, after) {
        mention_end(cx, after, frame.end)
    } else if after < frame.end && cx.analysis.tokens[after].kind == TokenKind::OpenQuote {
        closing_mark(cx, after, frame.end).map_or(after, |c| c + 1)
    } else {
        after
    };
    Some(at..end)
}

/// `speaker` without the outlet spoken to that it runs on into: a dative or
/// genitive determiner right after a person's name ("Seehofer der „Bild“",
/// "Altmaier der Nachrichtenagentur dpa") or a dative one right after a noun ("der
/// CDU-Politiker dem „Spiegel“"), opening an outlet's phrase or an organisation's
/// name. A name takes no genitive after it, so that phrase is whom the speaker
/// spoke to; `outlet_addressee` then finds it. Applied to the output only.
pub(super) fn without_outlet(cx: &Context<'_>, speaker: ActorRef) -> ActorRef {
    let start = cx.token_after(speaker.span.start);
    let end = cx.token_after(speaker.span.end);
    // the outlet's phrase may run on past the speaker ("der „Bild“" + "-Zeitung")
    let sentence = start..cx.sentence(cx.sentence_of[start]).end;
    let cut = (start + 1..end.saturating_sub(1)).find(|&k| {
        let word = cx.words[k];
        // right after a noun or name, not inside a prepositional phrase ("in dem Schreiben")
        let dative = cx.lexicon.is_dative(word) && cx.words[k - 1].starts_with(char::is_uppercase);
        let opens = dative
            || (after_name(cx, k) && is_name_word(cx, k - 1) && cx.lexicon.is_genitive(word));
        opens
            && (opens_name(cx, k + 1)
                || outlet_phrase(cx, k, &sentence, QuoteLexicon::is_medium_noun).is_some())
    });
    match cut {
        Some(k) => cx.phrase_actor(start, k),
        None => speaker,
    }
}

/// Whether token `k` is a word of the name of the entity it mentions ("Weidmann"
/// of Jens Weidmann), not a role noun that refers to it ("Chef", which takes a
/// genitive: "der Chef des Welternährungsprogramms").
fn is_name_word(cx: &Context<'_>, k: usize) -> bool {
    cx.entity_at[k]
        .and_then(|e| cx.analysis.entities.get(e))
        .is_some_and(|e| e.name.split(' ').any(|w| w == cx.words[k]))
}

/// Whom quotation `f` was said to where an outlet right after its speech verb and
/// speaker names it ("sagte die Ministerin der „Bild“-Zeitung", a dative the
/// addressee model may miss: "der" also opens a genitive, which the speaker phrase
/// would have taken).
pub(super) fn outlet_addressee(cx: &Context<'_>, f: &Found) -> Option<ActorRef> {
    let cue = f.cue.filter(|&c| cx.is_verb_cue(c))?;
    let speaker = f.speaker.as_ref()?;
    let speaker = cx.token_after(speaker.span.start)..cx.token_after(speaker.span.end);
    let after = after_cue_and_speaker(cue, &speaker);
    // a publisher, not a document: "sagte X einer DFB-Mitteilung zufolge" was said
    // to nobody
    let frame = cx.frame(cue, &(f.start..f.end));
    let phrase = outlet_phrase(cx, after, &frame, QuoteLexicon::is_outlet_noun)?;
    Some(cx.phrase_actor(phrase.start, phrase.end))
}

/// The name that starts at token `k`: the words in quotation marks that open there
/// (a short title: "„Die Zeit“"), else the organisation mentioned there.
fn quoted_or_name(cx: &Context<'_>, k: usize, end: usize) -> Option<String> {
    if cx.analysis.tokens[k].kind != TokenKind::OpenQuote {
        return Some(name_at(cx, k, end));
    }
    let close = closing_mark(cx, k, end)?;
    let text = &cx.analysis.article.text;
    (close > k + 1).then(|| cx.span(k + 1, close).slice(text).to_string())
}

/// The closing quotation mark of the short name in marks that opens at token `open`
/// (at most [`QUOTED_NAME_WORDS`] words), before token `end`.
fn closing_mark(cx: &Context<'_>, open: usize, end: usize) -> Option<usize> {
    (open + 1..end.min(open + 2 + QUOTED_NAME_WORDS))
        .find(|&j| cx.analysis.tokens[j].kind == TokenKind::CloseQuote)
}

/// Whether a name starts at token `k`: an organisation's mention or words in marks.
fn opens_name(cx: &Context<'_>, k: usize) -> bool {
    is_outlet(cx, k) || cx.analysis.tokens[k].kind == TokenKind::OpenQuote
}

/// The token after an outlet spoken to may start: after the speaker where it follows
/// speech verb `cue` ("sagte die Ministerin der …"), else right after the verb.
fn after_cue_and_speaker(cue: usize, speaker: &Range<usize>) -> usize {
    if speaker.start == cue + 1 {
        speaker.end
    } else {
        cue + 1
    }
}

/// Whether token `k` belongs to an organisation's mention.
fn is_outlet(cx: &Context<'_>, k: usize) -> bool {
    cx.kind_at(k) == Some(EntityKind::Organisation)
}

/// One past the last token, before token `end`, of the mention that covers token `k`.
fn mention_end(cx: &Context<'_>, k: usize, end: usize) -> usize {
    let e = cx.entity_at[k];
    (k + 1..end)
        .find(|&j| cx.entity_at[j] != e)
        .unwrap_or(end.max(k + 1))
}

/// The text of the mention that covers token `k`, up to token `end`.
fn name_at(cx: &Context<'_>, k: usize, end: usize) -> String {
    let end = mention_end(cx, k, end);
    cx.span(k, end).slice(&cx.analysis.article.text).to_string()
}

#[cfg(test)]
mod tests {
    use crate::{Article, Pipeline};

    /// The media of the quotations of `text`, in order.
    fn media(text: &str) -> Vec<Option<String>> {
        let analysis = Pipeline::german()
            .unwrap()
            .analyze(Article::from_text("t", text, None));
        analysis.quotes.into_iter().map(|q| q.medium).collect()
    }

    #[test]
    fn an_outlet_after_a_medium_preposition_is_named_whole() {
        assert_eq!(
            media("Trump schrieb auf Truth Social, er sei bereit."),
            [Some("Truth Social".to_string())]
        );
        assert_eq!(
            media("Merz sagte im ZDF, man werde klagen."),
            [Some("ZDF".to_string())]
        );
    }

    #[test]
    fn a_medium_noun_names_its_outlet_or_itself() {
        assert_eq!(
            media("Der Konzern teilte in einer Pressemitteilung mit, die Zahlen seien gut."),
            [Some("Pressemitteilung".to_string())]
        );
        assert_eq!(
            media("„Wir bleiben“, sagte sie in einem Interview mit der „Zeit“."),
            [Some("Zeit".to_string())]
        );
    }

    #[test]
    fn an_outlet_spoken_to_is_the_medium() {
        assert_eq!(
            media("Er sagte der Nachrichtenagentur dpa, er komme."),
            [Some("dpa".to_string())]
        );
        assert_eq!(
            media("„Wir prüfen alles“, sagte die Ministerin der „Bild“-Zeitung."),
            [Some("Bild".to_string())]
        );
    }

    #[test]
    fn an_object_with_a_medium_noun_is_no_outlet_spoken_to() {
        let analysis = Pipeline::german().unwrap().analyze(Article::from_text(
            "t",
            "Die Gewerkschaft forderte das Verbot nach einer Erklärung des Ministers, \
             die Lage sei ernst.",
            None,
        ));
        assert_eq!(analysis.quotes.len(), 1);
        assert_eq!(analysis.quotes[0].addressee, None);
    }

    #[test]
    fn no_medium_where_the_preposition_opens_something_else() {
        assert_eq!(media("Er sagte in Berlin, die Lage sei ernst."), [None]);
        assert_eq!(
            media("Auf die Frage nach Neuwahlen sagte er, die Lage sei ernst."),
            [None]
        );
    }
}
