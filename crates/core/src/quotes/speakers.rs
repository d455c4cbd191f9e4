//! Speaker choice: which phrase said a quotation, chosen by a learned ranking.
//!
//! The rules and the labeller each propose speakers, and the labeller also marks
//! phrases that are not speakers ("kritisierte die Entscheidung"), which a fixed
//! order of preference (nearest labelled phrase, else the speaker of the quote
//! before) then picks. Here every proposal for a quotation is a candidate: the
//! speaker the rules and labels chose, each labelled speaker phrase from two
//! sentences before the quotation to one after, the speakers of the quotations just
//! before, the names and pronouns of its sentences, variants of these with an
//! apposition or source words ("Angaben von X", as the corpus marks speakers), and
//! no speaker at all. A linear model scores each candidate from what
//! it is (its first and last words' classes, the words around it, its entities,
//! where it stands against the quotation and its cue) and the best one wins. The
//! weights are learnt by `depesche train quotes` (`crates/learn/src/speakers.rs`)
//! and stored, one feature per line, in `data/quotes/speakers.tsv`.

use super::attribution::Context;
use super::features::{entity, suffix, SentenceFacts};
use super::labeller::{Labelled, Part};
use super::lexicon::CueKind;
use super::linear::{yes, Features, LinearModel, LinearModelError};
use super::{combine, Found, Proposer};
use crate::model::{ActorRef, EntityKind, TokenKind};
use std::ops::Range;

/// The shipped speaker model (`data/quotes/speakers.tsv`, made by `depesche train
/// quotes`).
pub const SPEAKER_MODEL: &str = include_str!("../../data/quotes/speakers.tsv");

/// The file name of the speaker model in a model directory.
pub const SPEAKER_MODEL_FILE: &str = "speakers.tsv";

/// Sentences before a quotation's first one whose labelled speakers are candidates.
const SENTENCES_BEFORE: usize = 2;

/// Quotations before this one whose speakers are candidates.
const EARLIER_SPEAKERS: usize = 2;

/// The shipped speaker model.
pub fn shipped_model() -> Result<LinearModel, LinearModelError> {
    LinearModel::parse("data/quotes/speakers.tsv", SPEAKER_MODEL)
}

/// One candidate speaker of a quotation, with its features as `F` keeps them.
#[derive(Debug, Clone)]
pub struct Candidate<F> {
    /// The phrase's tokens; none for "no speaker".
    pub tokens: Option<Range<usize>>,
    /// The actor it stands for where one is known already (the speaker chosen so
    /// far, an earlier quotation's); else it is read from `tokens` when it wins.
    pub known: Option<ActorRef>,
    /// What the model sees of it.
    pub features: F,
}

impl<F> Candidate<F> {
    /// The actor the candidate becomes: none for "no speaker"; the phrase's where it
    /// names a person ("der Präsident des RKI, Lothar Wieler"), else the known one,
    /// else the phrase's (tied to the first organisation or government in it).
    pub(super) fn actor(self, cx: &Context<'_>) -> Option<ActorRef> {
        let range = self.tokens?;
        let phrase = || Some(cx.phrase_actor(range.start, range.end));
        if cx.names_person(range.start, range.end) {
            return phrase();
        }
        self.known.or_else(phrase)
    }
}

/// Where a candidate comes from.
#[derive(Clone, Copy)]
enum Origin {
    /// The speaker the rules and labels chose.
    Chosen,
    /// A phrase the labeller marked as a speaker.
    Labelled,
    /// The speaker of a quotation before.
    Earlier,
    /// A name or pronoun in the quotation's sentences.
    Name,
    /// Another candidate with the apposition after it.
    Apposition,
    /// Another candidate with the source words before it.
    Source,
    /// Another candidate completed to a whole name, with a bracket after it ("Rainer
    /// Brüderle (FDP)"), or trimmed of punctuation at its edges.
    Completed,
    /// The subject before a speech verb of the quotation's sentences or the two
    /// before ("Der Bauernverband kritisierte die Entscheidung. Die Regierung habe …").
    Subject,
}

impl Origin {
    fn name(self) -> &'static str {
        match self {
            Origin::Chosen => "chosen",
            Origin::Labelled => "labelled",
            Origin::Earlier => "earlier",
            Origin::Name => "name",
            Origin::Apposition => "apposition",
            Origin::Source => "source",
            Origin::Completed => "completed",
            Origin::Subject => "subject",
        }
    }
}

/// Whether the ranking chooses the speaker of quotation `f`. Not for a frame whose
/// content was lost, nor for the object a quoting verb names or the name before a
/// headline's colon ("Wadephul: Druck auf Russland erhöhen"; the corpus has too few
/// of either to learn them), nor for the speaker the rules read from "nach eigenen Angaben" (the
/// sentence's subject): the corpus marks the phrase "eigenen Angaben" itself as
/// the speaker, which in depesche's schema is not one, so the ranking learns
/// nothing there and is not asked. Nor for a sentence that the next one reports
/// ("… . Das sagte X."): grammar names its speaker, the subject after the verb,
/// and as training examples its speakers after the quotation taught the ranking
/// to look there elsewhere too.
pub(super) fn is_ranked(cx: &Context<'_>, f: &Found) -> bool {
    // "nach eigenen Angaben", "eigenen Angaben zufolge"
    let own_source = f
        .cue
        .is_some_and(|c| (c.saturating_sub(2)..c).any(|k| own(cx, k)));
    // "zitierte den Minister mit den Worten": grammar, not the corpus' few cases,
    // says the object speaks
    let quoted_object = f.speaker.is_some() && f.cue.is_some_and(|c| cx.is_quoting_verb(c));
    // "… . Das sagte X.": the cue in the sentence after the quotation
    let reported_by_next = f
        .cue
        .is_some_and(|c| cx.sentence_of[c] > combine::closing_sentence(cx, f));
    !f.incomplete && !own_source && !quoted_object && !reported_by_next && !headline_speaker(cx, f)
}

/// Whether `f` is a headline quotation whose speaker the rules read before its colon
/// ("Trump: „Macht mich sehr wütend“").
fn headline_speaker(cx: &Context<'_>, f: &Found) -> bool {
    let Some(speaker) = &f.speaker else {
        return false;
    };
    let between = cx.token_after(speaker.span.end)..f.start;
    cx.in_heading(f.sentence)
        && between.clone().any(|k| cx.words[k] == ":")
        && between
            .clone()
            .all(|k| cx.words[k] == ":" || cx.analysis.tokens[k].kind == TokenKind::OpenQuote)
}

/// Whether token `k` makes the sentence's subject the source ("eigenen").
fn own(cx: &Context<'_>, k: usize) -> bool {
    cx.lexicon.is_own(cx.words[k])
}

/// The candidate speakers of quotation `found[i]` (whose earlier quotations already
/// have their final speakers), the first being the one chosen so far.
pub(super) fn candidates<F: Features>(
    cx: &Context<'_>,
    facts: &SentenceFacts,
    parts: &[Vec<Labelled>],
    found: &[Found],
    i: usize,
) -> Vec<Candidate<F>> {
    let f = &found[i];
    let first = super::combine::opening_sentence(cx, f);
    let last = f.sentence.max(first);
    let mut phrases: Vec<Phrase> = Vec::new();
    let tokens_of = |a: &ActorRef| cx.token_after(a.span.start)..cx.token_after(a.span.end);
    if let Some(a) = &f.speaker {
        add(&mut phrases, tokens_of(a), Some(a.clone()), Origin::Chosen);
    }
    let sentences = first.saturating_sub(SENTENCES_BEFORE)..(last + 2).min(parts.len());
    for p in parts[sentences].iter().flatten() {
        if p.part == Part::Speaker && !(p.start..p.end).any(|k| own(cx, k)) {
            add(&mut phrases, p.start..p.end, None, Origin::Labelled);
        }
    }
    for earlier in found[..i].iter().rev().take(EARLIER_SPEAKERS) {
        if let Some(a) = &earlier.speaker {
            add(&mut phrases, tokens_of(a), Some(a.clone()), Origin::Earlier);
        }
    }
    // names and pronouns of the quotation's own sentences the labeller left out
    let outside = |k: usize| k < f.start || k >= f.end;
    for s in first.saturating_sub(SENTENCES_BEFORE)..=last {
        let sentence = cx.sentence(s);
        for k in sentence
            .clone()
            .filter(|&k| outside(k) && facts.class(k) == "verb")
        {
            if let Some(subject) = cx.subject_before(sentence.start, k) {
                add(
                    &mut phrases,
                    tokens_of(&subject),
                    Some(subject),
                    Origin::Subject,
                );
            }
        }
    }
    let mut k = cx.sentence(first).start;
    let end = cx.sentence(last).end;
    while k < end {
        let mut next = k + 1;
        if let Some(e) = cx.entity_at[k].filter(|_| outside(k)) {
            while next < end && cx.entity_at[next] == Some(e) && outside(next) {
                next += 1;
            }
            let entity = &cx.analysis.entities[e];
            if entity.kind != EntityKind::Place || entity.stands_for.is_some() {
                add(&mut phrases, k..next, None, Origin::Name);
                // with its title ("Der GdP-Vorsitzende Konrad Freiberg")
                let titled = cx.title_start(k, cx.sentence(cx.sentence_of[k]).start);
                add(&mut phrases, titled..next, None, Origin::Name);
            }
        } else if outside(k) && cx.lexicon.is_pronoun(cx.words[k]) {
            add(&mut phrases, k..next, None, Origin::Name);
        }
        k = next;
    }
    // a source named inside the quotation's span, which the corpus leaves out of
    // the quotation ("Anschließend sei laut el-Baradei die Bearbeitung erfolgt",
    // "besteht nach Expertenmeinung vor allem dann …"): the word after a source word,
    // the phrase it opens, and a source noun itself
    for k in (f.start..f.end).filter(|&k| facts.class(k) == "src") {
        if let Some(a) = cx.speaker_from(k + 1, f.end) {
            add(&mut phrases, tokens_of(&a), Some(a), Origin::Source);
        }
        if cx
            .analysis
            .tokens
            .get(k + 1)
            .is_some_and(|t| t.kind == TokenKind::Word)
        {
            add(&mut phrases, k + 1..k + 2, None, Origin::Source);
        }
        if cx.words[k].starts_with(char::is_uppercase) {
            add(&mut phrases, k..k + 1, None, Origin::Source);
        }
    }
    // each phrase with the apposition after it ("Kristján Loftsson, einem Manager
    // der Firma")
    let appositions: Vec<Range<usize>> = phrases
        .iter()
        .filter_map(|(range, _, _)| {
            let comma = range.end;
            let sentence_end = cx.sentence(cx.sentence_of[range.start]).end;
            if comma + 1 >= sentence_end || cx.words[comma] != "," || !outside(comma + 1) {
                return None;
            }
            let apposition =
                cx.speaker_from(comma + 1, sentence_end.min(f.start.max(comma + 1)))?;
            Some(range.start..cx.token_after(apposition.span.end))
        })
        .collect();
    for range in appositions {
        add(&mut phrases, range, None, Origin::Apposition);
    }
    // each phrase with the source words before it ("Angaben von n24", "Aussage des
    // Angestellten", "Aus Militärkreisen"): the corpus marks them as the speaker
    let sourced: Vec<Range<usize>> = phrases
        .iter()
        .flat_map(|(range, _, _)| {
            let a = range.start;
            let same = |k: usize| cx.sentence_of[k] == cx.sentence_of[a] && outside(k);
            let of = a
                .checked_sub(1)
                .filter(|&k| same(k) && cx.lexicon.is_source_of(cx.words[k]));
            let noun = |k: usize| same(k) && cx.lexicon.cue(cx.words[k]) == Some(CueKind::Source);
            let before = of.unwrap_or(a);
            let with_noun = before.checked_sub(1).filter(|&k| noun(k));
            [of, with_noun]
                .into_iter()
                .flatten()
                .map(move |k| k..range.end)
        })
        .collect();
    for range in sourced {
        add(&mut phrases, range, None, Origin::Source);
    }
    let completed: Vec<Range<usize>> = phrases
        .iter()
        .flat_map(|(range, _, _)| completions(cx, range.clone(), &outside))
        .collect();
    for range in completed {
        add(&mut phrases, range, None, Origin::Completed);
    }
    // no one speaks from inside quotation marks ("„Hier"), neither a speech verb
    // alone nor a lone lower-case word that is no pronoun or name ("aus" of "hieß es
    // aus dem Ministerium") is a speaker, and a dative right after a person's name
    // is whom the speaker spoke to ("Dirk Lorenz dem Deutschlandfunk")
    phrases.retain(|(range, _, _)| {
        let runs_on = (range.start + 1..range.end)
            .any(|k| after_name(cx, k) && cx.lexicon.is_dative(cx.words[k]));
        let opens_quote = cx.is_quote_mark(range.start);
        let lone = range.len() == 1;
        let lone_verb = lone && facts.class(range.start) == "verb";
        let word = cx.words[range.start];
        let lone_small_word = lone
            && word.starts_with(char::is_lowercase)
            && !cx.lexicon.is_pronoun(word)
            && cx.entity_at[range.start].is_none();
        !(opens_quote || lone_verb || lone_small_word || runs_on)
    });
    let spoken_here = parts[first..=last.min(parts.len() - 1)]
        .iter()
        .flatten()
        .any(|p| p.part == Part::Speaker);
    let setting = Setting {
        kind: f.kind.name(),
        part: match f.proposer {
            Proposer::Rules => "rules",
            Proposer::Labeller { part, .. } => part.tag(),
        },
        proposer: proposer_name(f.proposer),
        first,
        last,
        quote: f.start..f.end,
        cue: f.cue,
        spoken_here,
        reported: (first..=super::combine::closing_sentence(cx, f)).any(|s| facts.reported(s)),
        cue_subject: f.cue.and_then(|c| {
            let subject = cx.subject_before(cx.sentence(cx.sentence_of[c]).start, c)?;
            Some(tokens_of(&subject))
        }),
    };
    let mut out: Vec<Candidate<F>> = phrases
        .into_iter()
        .map(|(range, known, origins)| {
            let mut features = F::default();
            phrase_features(cx, facts, &setting, &range, &origins, &mut features);
            Candidate {
                features,
                tokens: Some(range),
                known,
            }
        })
        .collect();
    let mut features = F::default();
    nobody_features(&setting, f.speaker.is_some(), out.len(), &mut features);
    out.push(Candidate {
        tokens: None,
        known: None,
        features,
    });
    out
}

/// The variants of a phrase that the labeller or the entity layer cut short or
/// ran on: widened to the whole name whose start or end it holds ("Angaben der
/// Staatsanwaltschaft Krefeld"), with a bracket after it ("Rainer Brüderle (FDP)"),
/// and trimmed of punctuation at its edges ("Medienberichten,"). Only tokens for
/// which `usable` holds (those outside the quotation) are added.
fn completions(
    cx: &Context<'_>,
    range: Range<usize>,
    usable: &impl Fn(usize) -> bool,
) -> Vec<Range<usize>> {
    let sentence = cx.sentence(cx.sentence_of[range.start]);
    let same = |k: usize, e: usize| cx.entity_at[k] == Some(e) && usable(k);
    let mut out = Vec::new();
    // the whole name
    let (mut a, mut b) = (range.start, range.end);
    if let Some(e) = cx.entity_at[a] {
        while a > sentence.start && same(a - 1, e) {
            a -= 1;
        }
    }
    if let Some(e) = cx.entity_at[b - 1] {
        while b < sentence.end && same(b, e) {
            b += 1;
        }
    }
    out.push(a..b);
    // a short bracket after it: a party, an abbreviation
    if b + 2 < sentence.end && cx.words[b] == "(" {
        let close = (b + 2..(b + 5).min(sentence.end)).find(|&k| cx.words[k] == ")");
        if let Some(close) = close.filter(|&c| (b..=c).all(usable)) {
            out.push(a..close + 1);
        }
    }
    // without punctuation at its edges
    let punct = |k: usize| cx.analysis.tokens[k].kind == TokenKind::Punct;
    let (mut a, mut b) = (range.start, range.end);
    while b > a + 1 && punct(b - 1) {
        b -= 1;
    }
    while a + 1 < b && punct(a) {
        a += 1;
    }
    out.push(a..b);
    // cut before a phrase that runs on after it: a dative ("Dirk Lorenzen dem
    // Deutschlandfunk") or a determiner right after a person's name
    if let Some(k) = (range.start + 1..range.end).find(|&k| {
        cx.lexicon.is_dative(cx.words[k])
            || (after_name(cx, k) && cx.lexicon.is_determiner(cx.words[k]))
    }) {
        out.push(range.start..k);
    }
    // cut before a time or place that runs on after it ("Adidas am Morgen",
    // "Manfred Stolpe am Dienstag in Hannover"): the corpus leaves them out
    let small = |k: usize| cx.words[k].starts_with(char::is_lowercase);
    if let Some(k) = (range.start + 1..range.end).find(|&k| {
        cx.starts_timex(k)
            || (small(k) && cx.starts_timex(k + 1))
            || (cx.lexicon.is_medium_word(cx.words[k]) && !small(k - 1))
    }) {
        out.push(range.start..k);
    }
    out.retain(|r| *r != range);
    out
}

/// Whether `speaker` is a dative object rather than a speaker: it opens with a
/// determiner that opens only a dative phrase ("dem", "einem") that no preposition
/// comes before and no source word after ("Die Tunnel dienten dem Transport",
/// "Dem Niederländer wurde verboten"). The corpus' speakers that open so stand
/// after "nach", "laut", "in", "mit", "gemäß" or before "zufolge" (59 of 65 in its
/// train and dev splits).
pub(super) fn is_dative_object(cx: &Context<'_>, speaker: &ActorRef) -> bool {
    let first = cx.token_after(speaker.span.start);
    let after = cx.token_after(speaker.span.end);
    let Some(word) = cx.words.get(first).map(|w| w.to_lowercase()) else {
        return false;
    };
    let lex = cx.lexicon;
    // "den" also opens an accusative, and the corpus' speakers open with it after
    // prepositions the lexicon does not list ("Für den", "durch den")
    let dative = lex.is_dative(&word) && word != "den";
    let governed = first > 0 && {
        let before = cx.words[first - 1].to_lowercase();
        lex.is_linking(&before)
            || lex.is_source_preposition(&before)
            || lex.is_place_preposition(&before)
            || lex.is_partner(&before)
            || lex.cue(&before) == Some(CueKind::Source)
    };
    let source_after = cx
        .words
        .get(after)
        .is_some_and(|w| lex.is_source_preposition(w) || lex.cue(w) == Some(CueKind::Source));
    dative && !governed && !source_after
}

/// `speaker` without the place or medium it ends in after a person's name, with or
/// without a comma ("António Guterres in Genf", "Frank-Jürgen Weise, in
/// Nürnberg", "Tschentscher im „Morgenmagazin“ der ARD", "Michael
/// Gove in einem Schreiben an …") and without a comma or colon at its end: where
/// and how someone spoke is not who spoke, and the corpus leaves such places,
/// media and punctuation out (3 of its 3,304 speakers end in a comma). Applied to
/// the output only, after the ranking, so that the models' inputs stay as trained.
pub(super) fn without_place_or_medium(cx: &Context<'_>, speaker: ActorRef) -> ActorRef {
    let start = cx.token_after(speaker.span.start);
    let whole = cx.token_after(speaker.span.end);
    let mut end = whole;
    let place = |k: usize| cx.kind_at(k) == Some(EntityKind::Place);
    // the medium noun, past a determiner and an adjective ("in einem langen Brief")
    let medium = |k: usize| {
        (k..(k + 3).min(end))
            .take_while(|&j| j == k || !cx.words[j - 1].starts_with(char::is_uppercase))
            .any(|j| cx.lexicon.is_medium_noun(cx.words[j]))
    };
    let preposition = |w: &str| cx.lexicon.is_place_preposition(w) || cx.lexicon.is_medium_word(w);
    // also after a comma ("Frank-Jürgen Weise, in Nürnberg")
    let cut = (start + 1..end.saturating_sub(1)).find(|&k| {
        let at = if cx.words[k] == "," { k + 1 } else { k };
        after_name(cx, k)
            && at + 1 < end
            && preposition(cx.words[at])
            && (place(at + 1) || cx.is_quote_mark(at + 1) || medium(at + 1))
    });
    if let Some(k) = cut {
        end = k;
    }
    // and a comma or a preposition left at its end ("X im", once an addressee
    // after it is cut off)
    while end > start + 1
        && (matches!(cx.words[end - 1], "," | ";" | ":") || preposition(cx.words[end - 1]))
    {
        end -= 1;
    }
    if end == whole {
        speaker
    } else {
        cx.phrase_actor(start, end)
    }
}

/// `speaker` without what it runs on into past its own phrase, as the corpus
/// leaves it out (applied to the output only, after the ranking):
/// - a phrase that a determiner opens which never starts a genitive, right after a
///   noun ("die Anwältin der Frau dem Richter", "nach Ansicht von Beobachtern die
///   Frage"): a noun takes only a genitive or a prepositional phrase after it, so
///   this is the verb's object (the corpus' speakers hold one in 8 of 2,923, most
///   after a preposition opening the sentence: "In einem internen Schreiben"), and
///   likewise a possessive or quantifier that never opens a genitive ("der
///   Geschäftsführer alle Vorwürfe") or an adverb of the clause ("das Nobelkomitee
///   gestern in Oslo"), which no speaker of the corpus holds after a noun;
/// - a focus particle or clause adverb at its start ("Auch der Sprecher",
///   "Einzig Sony"), which the corpus always leaves out;
/// - a time right after a name ("Hartmut Möllring am Dienstag in Hannover", "die
///   NATO am Montag"), unless a word of source joins it as the date of a document
///   ("einer Erklärung Barack Obamas vom vergangenen Freitag", which the corpus
///   keeps);
/// - a relative clause that stops before its verb ("Günther Platter, der zur
///   Zeit", "Brian Baptie, die die Stärke des Bebens"): whole, the corpus keeps
///   one ("einer Meldung der dpa, die von der Basler Zeitung verbreitet wurde"), but
///   cut short it is no phrase; an apposition stays ("Ursula Castrup, die Leiterin
///   der Fachstelle");
/// - a speech verb or source preposition at its start ("Laut CNN" → "CNN"): the
///   corpus marks it as the cue, never as part of a speaker;
/// - a finite verb the lexicon knows (a speech verb or an auxiliary) inside it,
///   before any comma, quotation mark or relative clause: a phrase holds none.
///   German puts the subject after the finite verb when another phrase opens the
///   sentence, so the speaker is what follows ("Im September hatte Englands
///   Premier David Cameron" → "Englands Premier David Cameron"); where what
///   precedes may be the subject itself ("Die Kinder haben Aufgaben") or is a
///   source noun phrase ("Nach Angaben der Behörde hatte BMW …"), or what follows
///   is no subject (a dative, a preposition, a bare noun), the speaker is what
///   precedes;
/// - a determiner, comma or source preposition left at its end ("Frank Sichau,
///   der", "Politischen Beobachtern zufolge": the corpus marks the last as the cue),
///   and a lower-case word of the clause after its last noun, name or bracket
///   ("der Nachrichtenagentur ISNA, hingerichtet").
pub(super) fn without_run_on(cx: &Context<'_>, speaker: ActorRef) -> ActorRef {
    let first = cx.token_after(speaker.span.start);
    let whole = cx.token_after(speaker.span.end);
    if whole <= first {
        return speaker;
    }
    let mut start = first;
    if start + 1 < whole
        && (cx.is_verb_cue(start) || cx.lexicon.is_source_preposition(cx.words[start]))
    {
        start += 1;
        while start + 1 < whole && cx.analysis.tokens[start].kind == TokenKind::Punct {
            start += 1;
        }
    }
    while start + 1 < whole
        && cx.words[start].starts_with(char::is_uppercase)
        && cx.lexicon.opens_clause_not_phrase(cx.words[start])
    {
        start += 1;
    }
    let mut stop = whole;
    if let Some(verb) = inner_verb(cx, start, whole) {
        if !subject_before_verb(cx, start, verb) && opens_subject(cx, verb + 1, whole) {
            start = verb + 1;
        } else {
            stop = verb;
        }
    }
    // a capitalised word that does not open its sentence
    let noun = |k: usize| {
        k > cx.sentence(cx.sentence_of[k]).start
            && cx.analysis.tokens[k].kind == TokenKind::Word
            && cx.words[k].starts_with(char::is_uppercase)
    };
    let object = |k: usize| {
        let word = cx.words[k];
        noun(k - 1)
            && word.starts_with(char::is_lowercase)
            && ((cx.lexicon.is_determiner(word) && !cx.lexicon.is_genitive(word))
                || cx.lexicon.is_object_article(word)
                || cx.lexicon.is_clause_adverb(word))
    };
    let time = |k: usize| {
        cx.starts_timex(k)
            && cx.entity_at[k - 1].is_some()
            && cx.entity_at[k] != cx.entity_at[k - 1]
            && !cx.lexicon.is_source_of(cx.words[k])
    };
    let unfinished = cx.words[stop - 1].starts_with(char::is_uppercase)
        || cx.analysis.tokens[stop - 1].kind == TokenKind::Punct;
    // a relative clause cut short, or any after a person's name: the corpus gives a
    // person an apposition ("David Gamkrelids, der Parteivorsitzende"), a clause
    // only to a document or body ("einer Meldung der dpa, die … verbreitet wurde")
    let after_person = |k: usize| cx.kind_at(k - 1) == Some(EntityKind::Person);
    let relative = |k: usize| {
        (unfinished || after_person(k))
            && cx.words[k] == ","
            && opens_relative_clause(cx, k + 1, stop)
    };
    let mut end = (start + 1..stop)
        .find(|&k| object(k) || time(k) || relative(k))
        .unwrap_or(stop);
    // a verb or adjective of the clause after the phrase's last noun, name or
    // bracket ("der Nachrichtenagentur ISNA, hingerichtet", "Ein Journalist der
    // dpa befand"), where the phrase holds no relative clause that it may end and
    // the word is no name ("des Instituts empirica") nor a pronoun after a
    // determiner ("Ein anderer")
    let with_clause = (start..end).any(|k| {
        cx.words[k] == ","
            && cx
                .words
                .get(k + 1)
                .is_some_and(|w| cx.lexicon.is_relative(w))
    });
    let clause_word = |k: usize| {
        let word = cx.words[k];
        let before = cx.words[k - 1];
        word.chars().all(char::is_lowercase)
            && cx.entity_at[k].is_none()
            && !cx.lexicon.is_pronoun(word)
            && !cx.lexicon.is_relative(word)
            && !cx.lexicon.is_determiner(before)
            && (before.starts_with(char::is_uppercase) || matches!(before, "," | ")"))
    };
    while end > start + 1
        && (cx.lexicon.is_determiner(cx.words[end - 1])
            || cx.lexicon.is_source_preposition(cx.words[end - 1])
            || cx.words[end - 1] == ","
            || (!with_clause && clause_word(end - 1)))
    {
        end -= 1;
    }
    if (start, end) == (first, whole) {
        speaker
    } else {
        cx.phrase_actor(start, end)
    }
}

/// The first speech verb or auxiliary (lower case) after token `start` of the
/// speaker phrase `start..end` and before any comma or quotation mark in it: the
/// finite verb of a clause the phrase runs over ("Im September hatte Englands
/// Premier David Cameron"), not one of a relative clause or a quoted title.
fn inner_verb(cx: &Context<'_>, start: usize, end: usize) -> Option<usize> {
    (start + 1..end)
        .take_while(|&k| cx.words[k] != "," && !cx.is_quote_mark(k))
        .find(|&k| {
            let word = cx.words[k];
            word.starts_with(char::is_lowercase)
                && (cx.is_verb_cue(k) || cx.lexicon.is_auxiliary(word))
        })
}

/// Whether the words `start..verb` before a finite verb may be its subject: not a
/// phrase a preposition opens ("Im September hatte X"), a lone determiner standing
/// for what was said ("Das hat X gesagt") or the source that speaks for the
/// subject ("nach eigenen Angaben hat Tönnies"). A source noun phrase is kept
/// whole, as the corpus marks it ("Nach Angaben der Behörde hatte BMW …": what
/// follows the verb is what the source reports).
fn subject_before_verb(cx: &Context<'_>, start: usize, verb: usize) -> bool {
    let first = cx.words[start].to_lowercase();
    let lex = &cx.lexicon;
    let preposition = !lex.is_determiner(&first)
        && (lex.is_linking(&first) || lex.is_medium_word(&first) || lex.is_own(&first));
    let demonstrative = verb == start + 1 && lex.is_determiner(&first);
    !preposition && !demonstrative
}

/// Whether the words `k..end` after a finite verb open its subject rather than an
/// object, a predicate or an adverbial: a name, a noun before a name ("WHO-Chef
/// Tedros"), or a phrase a non-dative determiner or an adjective opens; not a bare
/// noun ("X ist Inhaber der Firma"), a dative ("sagte dem Sender"), a preposition
/// ("wollte gegenüber der Zeitung") or punctuation.
fn opens_subject(cx: &Context<'_>, k: usize, end: usize) -> bool {
    if k >= end || cx.analysis.tokens[k].kind != TokenKind::Word {
        return false;
    }
    let word = cx.words[k];
    let lex = &cx.lexicon;
    let name = |j: usize| j < end && cx.entity_at[j].is_some();
    if word.starts_with(char::is_lowercase) {
        let determiner = lex.is_determiner(word) && !lex.is_dative(word);
        let adjective = has_adjective_ending(word)
            && !lex.is_determiner(word)
            && !lex.is_linking(word)
            && !lex.is_medium_word(word)
            && !lex.is_auxiliary(word)
            && !lex.is_subordinator(word);
        (determiner || adjective)
            && (k + 1..end).any(|j| cx.words[j].starts_with(char::is_uppercase))
    } else {
        name(k) || name(k + 1)
    }
}

/// `speaker` with its apposition, as the corpus keeps it in its speakers: the role
/// between commas or up to the sentence's end after a person's name ("Stephen
/// Singer, ein Klimaexperte vom WWF", "Olli Rehn, EU-Erweiterungskommissar,
/// sagte"), the holder's name after a role ("dem Chefankläger des Strafgerichts,
/// Luis Moreno Ocampo") and the role before a name that follows a speech verb or
/// opens the sentence ("Der Doktorvater zu Guttenbergs, Peter Häberle"). Not a
/// relative clause ("Merkel, die anschließend abreiste"), another name of a list
/// ("Merkel, Macron und Biden"), a clause with a verb the lexicon knows or that
/// ends in a lower-case word, as a verb does ("Johnson, die Rechte … schützen zu
/// wollen"), or words of the quotation `quote` unless the speaker stands in it
/// too (a source inside reported speech: "sollen laut dem Chefankläger, Luis
/// Moreno Ocampo, Folterungen …"). Applied to the output only.
pub(super) fn with_apposition(
    cx: &Context<'_>,
    speaker: ActorRef,
    quote: &Range<usize>,
) -> ActorRef {
    let start = cx.token_after(speaker.span.start);
    let end = cx.token_after(speaker.span.end);
    if end <= start {
        return speaker;
    }
    let outside = |r: &Range<usize>| {
        r.end <= quote.start || r.start >= quote.end || (quote.start <= start && end <= quote.end)
    };
    let after = apposition_after(cx, start, end).filter(|&last| outside(&(end..last)));
    let before = role_before(cx, start).filter(|&first| outside(&(first..start)));
    match (before, after) {
        (None, None) => speaker,
        (first, last) => cx.phrase_actor(first.unwrap_or(start), last.unwrap_or(end)),
    }
}

/// One past the end of the apposition after the speaker phrase `start..end`: a role
/// after a person's name, the holder's name after a role.
fn apposition_after(cx: &Context<'_>, start: usize, end: usize) -> Option<usize> {
    let sentence_end = cx.sentence(cx.sentence_of[start]).end;
    if end + 2 >= sentence_end
        || cx.words[end] != ","
        || opens_relative_clause(cx, end + 1, sentence_end)
    {
        return None;
    }
    let person = |k: usize| cx.kind_at(k) == Some(EntityKind::Person);
    let last = (end + 1..sentence_end)
        .find(|&k| matches!(cx.words[k], "," | "." | ":" | ";") || cx.is_quote_mark(k))
        .unwrap_or(sentence_end);
    let phrase = end + 1..last;
    let mut first = phrase.start;
    while first < last && cx.lexicon.is_determiner(cx.words[first]) {
        first += 1;
    }
    let holder = person(end + 1)
        && phrase
            .clone()
            .all(|k| cx.entity_at[k] == cx.entity_at[end + 1]);
    let fits = phrase.len() <= APPOSITION_WORDS
        && first < last
        && cx.words[first].starts_with(char::is_uppercase)
        && if person(end - 1) {
            // a role, not an outlet spoken to ("Stefan Genth, der Deutschen Presse-Agentur")
            !person(first) && cx.kind_at(first) != Some(EntityKind::Organisation)
        } else {
            holder
        }
        && !cx.words[last - 1].starts_with(char::is_lowercase)
        && phrase.clone().all(|k| apposition_word(cx, k));
    fits.then_some(last)
}

/// The first token of the role before the person's name that opens the speaker
/// phrase at token `start`, after a comma: a determiner phrase that follows a
/// speech verb or punctuation or opens the sentence.
fn role_before(cx: &Context<'_>, start: usize) -> Option<usize> {
    let sentence_start = cx.sentence(cx.sentence_of[start]).start;
    if start < sentence_start + 3
        || cx.words[start - 1] != ","
        || cx.kind_at(start) != Some(EntityKind::Person)
        || !cx.words[start - 2].starts_with(char::is_uppercase)
    {
        return None;
    }
    let comma = start - 1;
    let from = comma.saturating_sub(APPOSITION_WORDS).max(sentence_start);
    (from..comma - 1).find(|&p| {
        cx.lexicon.is_determiner(cx.words[p])
            && (p == sentence_start
                || cx.is_verb_cue(p - 1)
                || cx.analysis.tokens[p - 1].kind == TokenKind::Punct)
            && (p..comma)
                .all(|k| apposition_word(cx, k) && cx.kind_at(k) != Some(EntityKind::Person))
    })
}

/// Whether token `k` may stand in a role apposition: a word of a name, a
/// capitalised word that is no cue, or a lower-case determiner, linking word
/// ("vom", "und") or inflected adjective; anything else (punctuation, a verb, an
/// adverb: "kürzlich", "schützen zu wollen") makes it a clause. A time makes it
/// an adverbial ("Georg Franck, ein Jahr vor der Geburt …").
fn apposition_word(cx: &Context<'_>, k: usize) -> bool {
    let w = cx.words[k];
    let lower = w.starts_with(char::is_lowercase);
    let inflected = has_adjective_ending(w);
    cx.analysis.tokens[k].kind != TokenKind::Punct
        && !cx.starts_timex(k)
        && cx.lexicon.cue(w).is_none()
        && (cx.entity_at[k].is_some()
            || !lower
            || cx.lexicon.is_determiner(w)
            || cx.lexicon.is_linking(w)
            || (inflected
                && !cx.lexicon.is_konjunktiv(w)
                && !cx.lexicon.is_auxiliary(w)
                && !cx.lexicon.is_subordinator(w)))
}

/// Whether `word` ends as an inflected German adjective does ("-e", "-en", "-er",
/// "-es", "-em"): a lower-case word so ending may stand in a noun phrase
/// ("ehemalige", "deutschen").
fn has_adjective_ending(word: &str) -> bool {
    ["e", "en", "er", "es", "em"]
        .iter()
        .any(|ending| word.ends_with(ending))
}

/// Whether a relative clause opens at token `k` (before token `end`), not an
/// apposition: a relative pronoun whose next word is neither a noun nor an
/// adjective before one ("der zur Zeit", "die den Mut", against "der frühere
/// Gouverneur Floridas"), and whose phrase does not end in a noun that adjectives
/// lead up to ("der für das Kosovo zuständige serbische Minister"). After a definite
/// determiner an adjective ends in "-e", "-en" or "-es".
fn opens_relative_clause(cx: &Context<'_>, k: usize, end: usize) -> bool {
    if k + 1 >= end || !cx.lexicon.is_relative(cx.words[k]) {
        return false;
    }
    let capital = |j: usize| cx.words[j].starts_with(char::is_uppercase);
    // adjectives from token `j` on, then a noun
    let adjective = |j: usize| {
        let inflected = |w: &str| {
            w.starts_with(char::is_lowercase)
                && (w.ends_with('e') || w.ends_with("en") || w.ends_with("es"))
                && !cx.lexicon.is_determiner(w)
        };
        let noun = (j..end).find(|&i| !inflected(cx.words[i]));
        noun.is_some_and(|i| i > j && capital(i))
    };
    // the noun the phrase ends in, led up to by adjectives after a name
    let head = (k + 2..end).find(|&j| {
        adjective(j)
            && (capital(j - 1) || cx.analysis.tokens[j - 1].kind == TokenKind::CloseQuote)
            && (j..end).skip_while(|&i| !capital(i)).all(capital)
    });
    !capital(k + 1) && !adjective(k + 1) && head.is_none()
}

/// Whether token `k` (not the first) comes right after a person's name and is not
/// part of it: a determiner there opens a new phrase ("Dirk Lorenz dem …").
pub(super) fn after_name(cx: &Context<'_>, k: usize) -> bool {
    cx.entity_at[k - 1] != cx.entity_at[k] && cx.kind_at(k - 1) == Some(EntityKind::Person)
}

/// The most words an apposition after a speaker's name may have.
const APPOSITION_WORDS: usize = 12;

/// A candidate phrase: its tokens, its actor where known and where it comes from.
type Phrase = (Range<usize>, Option<ActorRef>, Vec<Origin>);

/// Adds a candidate phrase, or the origin to the same phrase found before.
fn add(phrases: &mut Vec<Phrase>, range: Range<usize>, actor: Option<ActorRef>, origin: Origin) {
    if range.is_empty() {
        return;
    }
    match phrases.iter_mut().find(|p| p.0 == range) {
        Some(p) => p.2.push(origin),
        None => phrases.push((range, actor, vec![origin])),
    }
}

/// What is known of the quotation whose candidates are scored.
struct Setting {
    kind: &'static str,
    /// What the labeller took the quotation for (`IND`, `FI`, `IFI` …), or `rules`.
    part: &'static str,
    proposer: &'static str,
    first: usize,
    last: usize,
    quote: Range<usize>,
    cue: Option<usize>,
    spoken_here: bool,
    /// Whether a sentence it spans holds a Konjunktiv or a speech verb.
    reported: bool,
    /// The subject that fills the clause up to the quotation's cue ("Ein Sprecher
    /// sagte der Agentur Tass:"), if there is one.
    cue_subject: Option<Range<usize>>,
}

/// Who proposed a quotation, and for the labeller's how sure the keep model was.
fn proposer_name(p: Proposer) -> &'static str {
    match p {
        Proposer::Rules => "rules",
        Proposer::Labeller {
            keep_margin: None, ..
        } => "labeller",
        Proposer::Labeller {
            keep_margin: Some(m),
            ..
        } => match m {
            m if m < 0.5 => "labeller keep<0.5",
            m if m < 1.0 => "labeller keep<1",
            m if m < 2.0 => "labeller keep<2",
            m if m < 4.0 => "labeller keep<4",
            _ => "labeller keep>=4",
        },
    }
}

/// A rough size of a distance or length, so that rare values share a weight.
fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=5 => "3-5",
        6..=10 => "6-10",
        _ => "11+",
    }
}

/// The features of "no speaker".
fn nobody_features(s: &Setting, chosen: bool, phrases: usize, out: &mut impl Features) {
    out.add(&["nobody"]);
    out.add(&["nobody k=", s.kind]);
    out.add(&["nobody here=", yes(s.spoken_here)]);
    out.add(&["nobody reported=", yes(s.reported)]);
    out.add(&["nobody chosen=", yes(chosen)]);
    out.add(&["nobody phrases=", bucket(phrases)]);
    out.add(&["nobody cue=", yes(s.cue.is_some())]);
    out.add(&["nobody by=", s.proposer]);
    out.add(&["nobody by=", s.proposer, " k=", s.kind]);
    out.add(&["nobody part=", s.part]);
}

/// The features of the phrase `range` as the speaker of the quotation `s`.
fn phrase_features(
    cx: &Context<'_>,
    facts: &SentenceFacts,
    s: &Setting,
    range: &Range<usize>,
    origins: &[Origin],
    out: &mut impl Features,
) {
    let (a, b) = (range.start, range.end);
    let sentence = cx.sentence_of[a];
    let distance = if sentence < s.first {
        match s.first - sentence {
            1 => "-1",
            2 => "-2",
            _ => "-3+",
        }
    } else if sentence > s.last {
        match sentence - s.last {
            1 => "+1",
            _ => "+2+",
        }
    } else {
        "0"
    };
    let (side, gap) = if b <= s.quote.start {
        ("before", s.quote.start - b)
    } else if a >= s.quote.end {
        ("after", a - s.quote.end)
    } else {
        ("inside", 0)
    };
    let word = |i: Option<usize>, edge: &'static str| {
        i.map_or(std::borrow::Cow::Borrowed(edge), |i| {
            std::borrow::Cow::Owned(cx.words[i].to_lowercase())
        })
    };
    let class = |i: Option<usize>, edge: &'static str| i.map_or(edge, |i| facts.class(i));
    let before = a.checked_sub(1).filter(|&i| cx.sentence_of[i] == sentence);
    let after = (b < cx.words.len() && cx.sentence_of[b] == sentence).then_some(b);
    let (first, last) = (Some(a), Some(b - 1));
    let mut kinds: Vec<&str> = (a..b)
        .filter(|&i| cx.entity_at[i].is_some())
        .map(|i| entity(cx, i))
        .collect();
    kinds.dedup();
    let kinds = if kinds.is_empty() {
        "-".to_string()
    } else {
        kinds.join("+")
    };
    let cue_near = s.cue.map_or("none", |c| {
        bucket(if c < a {
            a - c
        } else {
            c.saturating_sub(b - 1)
        })
    });
    let k = s.kind;
    out.add(&["phrase"]);
    out.add(&["d=", distance]);
    out.add(&["d=", distance, " k=", k]);
    out.add(&["d=", distance, " part=", s.part]);
    out.add(&["side=", side]);
    out.add(&["side=", side, " gap=", bucket(gap)]);
    out.add(&["side=", side, " k=", k]);
    out.add(&["len=", bucket(b - a)]);
    out.add(&["c0=", class(first, "")]);
    out.add(&["w0=", &word(first, "")]);
    out.add(&["cL=", class(last, "")]);
    out.add(&["wL=", &word(last, "")]);
    // the head's ending tells a person or body ("-sprecher", "-in") from a thing
    // ("-ung", "-ese"), which the word alone, mostly unseen, does not
    out.add(&["sL=", suffix(&word(last, ""), 3)]);
    // how often unlabelled news has its words as a speech verb's subject: most
    // heads are unseen in the annotated articles ("Virologe", "Zyklon")
    let most = cx
        .lexicon
        .likeliest_speaker_word(cx.words[a..b].iter().copied());
    out.add(&["spL=", cx.lexicon.speaker_word(cx.words[b - 1])]);
    out.add(&["spM=", most]);
    out.add(&["spM=", most, " d=", distance]);
    out.add(&["spM=", most, " side=", side]);
    out.add(&["c0=", class(first, ""), " cL=", class(last, "")]);
    out.add(&["pw=", &word(before, "<s>")]);
    out.add(&["pc=", class(before, "<s>")]);
    out.add(&["nw=", &word(after, "</s>")]);
    out.add(&["nc=", class(after, "</s>")]);
    out.add(&["pc=", class(before, "<s>"), " nc=", class(after, "</s>")]);
    // one word further, and whether a name stands there: a phrase before the verb
    // with a name after it is the verb's object ("Die Äußerungen bezeichnete
    // Wiefelspütz als …"), as is one after a verb with a name before it
    let further = |i: Option<usize>, step: isize| {
        i.and_then(|i| i.checked_add_signed(step))
            .filter(|&j| j < cx.words.len() && cx.sentence_of[j] == sentence)
    };
    let (before2, after2) = (further(before, -1), further(after, 1));
    let named = |i: Option<usize>| i.map_or("-", |i| entity(cx, i));
    out.add(&[
        "nc=",
        class(after, "</s>"),
        " nnc=",
        class(after2, "</s>"),
        " nne=",
        named(after2),
    ]);
    out.add(&[
        "pc=",
        class(before, "<s>"),
        " ppc=",
        class(before2, "<s>"),
        " ppe=",
        named(before2),
    ]);
    out.add(&["ents=", &kinds]);
    out.add(&["ents=", &kinds, " spM=", most]);
    out.add(&["inq=", yes(facts.quoted(a))]);
    out.add(&["here=", yes(s.spoken_here)]);
    // German puts one phrase before the finite verb: where that phrase reaches the
    // cue, it is the verb's subject, and a phrase after the verb is its object
    let cue_subject = match &s.cue_subject {
        Some(subject) if subject == range => "this",
        Some(_) => "other",
        None => "none",
    };
    out.add(&["cuesubj=", cue_subject]);
    out.add(&["cuesubj=", cue_subject, " side=", side]);
    out.add(&["cue=", cue_near]);
    let dative = cx.lexicon.is_dative(cx.words[a]);
    out.add(&["dat=", yes(dative), " pc=", class(before, "<s>")]);
    out.add(&["comma=", yes((a..b).any(|k| cx.words[k] == ","))]);
    for o in origins {
        let o = o.name();
        out.add(&["o=", o]);
        out.add(&["o=", o, " d=", distance]);
        out.add(&["o=", o, " side=", side]);
        out.add(&["o=", o, " k=", k]);
        out.add(&["o=", o, " part=", s.part]);
    }
    let all: Vec<&str> = origins.iter().map(|o| o.name()).collect();
    out.add(&["os=", &all.join("+")]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::lexicon::QuoteLexicon;
    use crate::{Article, Pipeline};

    /// `f` of the quote stage's context of the article `text` and the tokens from
    /// the first word `from` to the first word `to` (inclusive).
    fn on_phrase<T>(
        text: &str,
        from: &str,
        to: &str,
        f: impl FnOnce(&Context<'_>, Range<usize>) -> T,
    ) -> T {
        let dct = "2025-10-01".parse().ok();
        let analysis = Pipeline::german()
            .unwrap()
            .analyze(Article::from_text("t", text, dct));
        let lexicon = QuoteLexicon::german().unwrap();
        let cx = Context::new(&analysis, &lexicon);
        let at = |w: &str| cx.words.iter().position(|x| *x == w).unwrap();
        let phrase = at(from)..at(to) + 1;
        f(&cx, phrase)
    }

    /// The variants `completions` makes of the phrase from word `from` to word `to`
    /// (inclusive) of the one-sentence article `text`, as text.
    fn variants(text: &str, from: &str, to: &str) -> Vec<String> {
        on_phrase(text, from, to, |cx, phrase| {
            completions(cx, phrase, &|_| true)
                .into_iter()
                .map(|r| cx.words[r].join(" "))
                .collect()
        })
    }

    #[test]
    fn a_phrase_is_also_cut_before_a_time_or_place_that_runs_on() {
        let text =
            "Das sei ein Fehler, sagte Verkehrsminister Manfred Stolpe am Dienstag in Berlin.";
        let cut = variants(text, "Verkehrsminister", "Berlin");
        assert!(
            cut.contains(&"Verkehrsminister Manfred Stolpe".to_string()),
            "{cut:?}"
        );
        let text = "Das sei ein Fehler, sagte Manfred Stolpe in Berlin.";
        let cut = variants(text, "Manfred", "Berlin");
        assert!(cut.contains(&"Manfred Stolpe".to_string()), "{cut:?}");
        // a phrase with nothing after its head keeps its one form
        let text = "Das sei ein Fehler, sagten die Demonstranten.";
        assert!(variants(text, "die", "Demonstranten").is_empty());
    }

    /// What `without_run_on` leaves of the speaker from word `from` to word `to`
    /// (inclusive) of the article `text`.
    fn run_on_cut(text: &str, from: &str, to: &str) -> String {
        on_phrase(text, from, to, |cx, phrase| {
            let speaker = cx.phrase_actor(phrase.start, phrase.end);
            without_run_on(cx, speaker).text
        })
    }

    #[test]
    fn a_speaker_is_cut_at_a_finite_verb_it_runs_over() {
        // (article, first and last word of the speaker, what is left of it)
        let cases = [
            // the subject after the verb, where another phrase opens the sentence
            (
                "Die Impfung sei sicher. Das hat Gesundheitsminister Karl Lauterbach gesagt.",
                ("Das", "Lauterbach"),
                "Gesundheitsminister Karl Lauterbach",
            ),
            (
                "Im September hatte Englands Premier David Cameron erklärt, er trete an.",
                ("Im", "Cameron"),
                "Englands Premier David Cameron",
            ),
            // the subject before it, where it may be one, or where a bare noun, a
            // preposition or a comma follows the verb
            (
                "Die Kinder haben die Aufgaben bekommen, sagte die Lehrerin Anna Roth.",
                ("Die", "Aufgaben"),
                "Die Kinder",
            ),
            (
                "Jens Bauer ist Inhaber der Firma und berichtet, dass kaum Karten verkauft seien.",
                ("Jens", "und"),
                "Jens Bauer",
            ),
            (
                "Ein Sprecher der Stadt wollte gegenüber der Zeitung nichts dazu sagen.",
                ("Ein", "Zeitung"),
                "Ein Sprecher der Stadt",
            ),
            (
                "Der Arzt Peter Krause sagt, Zahlen aus Italien zeigten, dass viele sterben.",
                ("Der", "Italien"),
                "Der Arzt Peter Krause",
            ),
            // a source noun phrase, whose verb opens what it reports
            (
                "Nach Angaben der Behörde hatte Daimler seine Zahlen geschönt.",
                ("Angaben", "Daimler"),
                "Angaben der Behörde",
            ),
            // a relative clause's verb is no verb of the phrase, and a person's
            // relative clause is no part of the speaker (the corpus' 3,304 speakers
            // hold one such clause)
            (
                "Das sei falsch, sagte Arturo Arauz, der das Gesetz entworfen hatte.",
                ("Arturo", "hatte"),
                "Arturo Arauz",
            ),
            (
                "Das sei falsch, sagte der Bericht, der im Mai erschienen war.",
                ("der", "war"),
                "der Bericht, der im Mai erschienen war",
            ),
        ];
        for (text, (from, to), left) in cases {
            assert_eq!(run_on_cut(text, from, to), left, "{text}");
        }
    }

    #[test]
    fn a_speaker_holds_no_word_of_its_clause_around_it() {
        let cases = [
            (
                "Das sei haltlos, wies der Geschäftsführer alle Vorwürfe zurück.",
                ("der", "Vorwürfe"),
                "der Geschäftsführer",
            ),
            (
                "Der Präsident seine Position bekräftigt, hieß es.",
                ("Der", "Position"),
                "Der Präsident",
            ),
            (
                "Den Preis verlieh das Nobelkomitee gestern in Oslo.",
                ("das", "Oslo"),
                "das Nobelkomitee",
            ),
            // a focus particle or clause adverb before it is the clause's
            (
                "Auch der Sprecher der Stadt widersprach.",
                ("Auch", "Stadt"),
                "der Sprecher der Stadt",
            ),
            ("Einzig Sony widersprach.", ("Einzig", "Sony"), "Sony"),
            // a word of the clause after its last noun or bracket
            (
                "Ein Journalist der Agentur (dpa) befand, das sei falsch.",
                ("Ein", "befand"),
                "Ein Journalist der Agentur (dpa)",
            ),
            (
                "Ein anderer sagte, das sei falsch.",
                ("Ein", "anderer"),
                "Ein anderer",
            ),
            // a genitive carries the phrase on, and so does anything after a
            // preposition or a determiner
            (
                "Der Sprecher seiner Partei widersprach.",
                ("Der", "Partei"),
                "Der Sprecher seiner Partei",
            ),
            (
                "Die Erklärung von heute Mittag sei eindeutig.",
                ("Die", "Mittag"),
                "Die Erklärung von heute Mittag",
            ),
        ];
        for (text, (from, to), left) in cases {
            assert_eq!(run_on_cut(text, from, to), left, "{text}");
        }
    }

    #[test]
    fn a_dative_phrase_speaks_only_after_a_preposition_or_before_a_source_word() {
        let cases = [
            (
                "Die Tunnel dienten dem Transport von Waffen.",
                ("dem", "Transport"),
                true,
            ),
            (
                "Dem Niederländer wurde verboten, zu reisen.",
                ("Dem", "Niederländer"),
                true,
            ),
            ("Nach dem Bericht sei alles gut.", ("dem", "Bericht"), false),
            (
                "Dem Bericht zufolge sei alles gut.",
                ("Dem", "Bericht"),
                false,
            ),
            (
                "Laut einem Sprecher sei alles gut.",
                ("einem", "Sprecher"),
                false,
            ),
            (
                "Der Sprecher sagte, alles sei gut.",
                ("Der", "Sprecher"),
                false,
            ),
        ];
        for (text, (from, to), dative) in cases {
            let found = on_phrase(text, from, to, |cx, phrase| {
                is_dative_object(cx, &cx.phrase_actor(phrase.start, phrase.end))
            });
            assert_eq!(found, dative, "{text}");
        }
    }
}
