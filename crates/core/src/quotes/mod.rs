//! Stage 5, **quotes**: who said what.
//!
//! Direct quotes are the spans between the tokenizer's opening and closing quotation
//! marks; their cue and speaker come from the words after the closing mark ("„…“,
//! sagte X.") or before the opening one ("X sagte: „…“", headline "Trump: „…“").
//! A quote inside a reported sentence makes a mixed quote. Indirect speech is a
//! speech verb with a clause in Konjunktiv or with "dass", a source word ("laut X",
//! "X zufolge", "nach Angaben von X"), a headline "Name: Forderung", or a Konjunktiv
//! sentence that carries on the reported speech before it. A speech frame whose
//! content was lost (a `missing_embed` warning after a speech verb or in Konjunktiv)
//! is kept with `incomplete: true`. The words
//! are data in `data/quotes/cues.tsv` ([`lexicon`]); [`attribution`] finds speakers.
//!
//! A trained [`labeller`] then marks reported speech, speakers and cues token by
//! token ([`features`] says what it sees), and a second model marks addressees;
//! `combine` checks and completes the rules' quotes with those labels and proposes
//! the reported speech the rules missed, of which a learned choice ([`keep`]) keeps
//! the likely. Last, a learned ranking ([`speakers`]) chooses each quotation's
//! speaker among all that the rules and labels propose. Both are linear models
//! ([`linear`]). An interview printed as labelled turns is read apart
//! (`interview`): each turn is a quotation of its label's party.

mod addressee;
pub mod attribution;
mod combine;
mod cue;
pub mod features;
mod interview;
pub mod keep;
pub mod labeller;
pub mod lexicon;
pub mod linear;
mod medium;
pub mod speakers;

use crate::entities::clusters::WordClusters;
use crate::entities::features::Feature;
use crate::model::{ActorRef, Analysis, Quote, QuoteKind, TokenKind};
use crate::pipeline::Stage;
use crate::text::LexiconError;
use attribution::Context;
use combine::LabelledQuote;
use features::{SentenceFacts, SentenceFeatures};
use labeller::{Labelled, QuoteLabeller};
use lexicon::{CueKind, QuoteLexicon};
use linear::LinearModel;
use std::sync::Arc;

/// The labeller runs on a sentence only where it shows a mark of reported speech or
/// where reported speech was found in one of this many sentences before it:
/// elsewhere it marks almost nothing.
const LABEL_WINDOW: usize = 2;

/// The quote stage: fills `Analysis::quotes`.
pub struct QuoteTagger {
    lexicon: QuoteLexicon,
    labeller: QuoteLabeller,
    speakers: Option<LinearModel>,
    keep: Option<LinearModel>,
}

/// Shipped quote data that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum QuoteDataError {
    /// The cue lexicon.
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
    /// One of the labeller's models.
    #[error("quote model: {0}")]
    Model(#[from] crate::entities::ner::ModelError),
    /// The speaker or keep model.
    #[error(transparent)]
    Linear(#[from] linear::LinearModelError),
}

/// A quotation the labeller proposes, as the keep model sees it (for training it):
/// the features of keeping it and of dropping it, by name.
pub struct KeepChoice {
    /// The quotation's tokens.
    pub quote: std::ops::Range<usize>,
    /// Keeping it, then dropping it.
    pub candidates: [Vec<String>; 2],
}

/// What the quote stage finds before it chooses speakers and addressees.
struct Quotations {
    found: Vec<Found>,
    facts: SentenceFacts,
    /// Per sentence, its features where the labeller ran.
    features: Vec<Option<SentenceFeatures>>,
    /// Per sentence, what the labeller marked.
    parts: Vec<Vec<Labelled>>,
}

/// The candidate speakers of one quotation (for training the speaker model).
pub struct SpeakerChoice {
    /// The quotation's tokens.
    pub quote: std::ops::Range<usize>,
    /// Its candidates, the one chosen without the speaker model first.
    pub candidates: Vec<speakers::Candidate<Vec<String>>>,
}

/// A quote being built: token range of its content and what is known of it.
struct Found {
    start: usize,
    end: usize,
    kind: QuoteKind,
    speaker: Option<ActorRef>,
    cue: Option<usize>,
    sentence: usize,
    incomplete: bool,
    proposer: Proposer,
}

impl Found {
    /// Indirect speech the rules found in sentence `s`: `tokens`, said by `speaker`
    /// with the speech verb `cue`.
    fn reported(tokens: std::ops::Range<usize>, speaker: ActorRef, cue: usize, s: usize) -> Found {
        Found {
            start: tokens.start,
            end: tokens.end,
            kind: QuoteKind::Indirect,
            speaker: Some(speaker),
            cue: Some(cue),
            sentence: s,
            incomplete: false,
            proposer: Proposer::Rules,
        }
    }
}

/// Gives a headline quotation without a speaker the speaker of the first quotation
/// of the body that repeats it: a quoted title ("„Beschützen Sie Ihr Kind nicht
/// übermäßig!“") is most often words the article then quotes with their speaker,
/// above all in interviews (on the first 1,500 fang-covid articles, 68 of 221 such
/// headings of three words or more). Words are compared in lower case without
/// punctuation.
fn headlines_from_body(cx: &Context<'_>, quotes: &mut [Quote]) {
    /// The words of `text`, lower-cased, each between spaces.
    fn words(text: &str) -> String {
        let mut out = String::from(" ");
        for w in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            out.push_str(&w.to_lowercase());
            out.push(' ');
        }
        out
    }
    let heading: Vec<bool> = quotes
        .iter()
        .map(|q| {
            let s = cx.sentence_of.get(cx.token_after(q.span.start));
            s.is_some_and(|&s| cx.in_heading(s))
        })
        .collect();
    for i in 0..quotes.len() {
        let headline = &quotes[i];
        if headline.speaker.is_some() || !heading[i] {
            continue;
        }
        let said = words(&headline.text);
        if said.split_whitespace().count() < MIN_HEADLINE_WORDS {
            continue;
        }
        let speaker = quotes
            .iter()
            .enumerate()
            .filter(|&(j, _)| !heading[j])
            .find_map(|(_, q)| {
                let speaker = q.speaker.as_ref()?;
                words(&q.text).contains(&said).then(|| speaker.clone())
            });
        quotes[i].speaker = speaker;
    }
}

/// `quotes` with the turns of an interview ([`interview`]) in place of what the
/// rules and the labeller found in them and in their labels, numbered anew. A
/// quotation inside a turn stays where the turn names its speaker, who is not the
/// turn's own ("Scholz hat gesagt, …" in an answer).
fn with_interview_turns(cx: &Context<'_>, quotes: Vec<Quote>) -> Vec<Quote> {
    let turns = interview::turns(cx);
    if turns.is_empty() {
        return quotes;
    }
    let spans: Vec<crate::model::Span> = turns
        .iter()
        .map(|t| cx.span(t.tokens.start, t.tokens.end))
        .collect();
    let someone_else = |q: &Quote, turn: &interview::Turn, span: &crate::model::Span| {
        q.speaker.as_ref().is_some_and(|s| {
            let named_here = span.start <= s.span.start && s.span.end <= span.end;
            let other = turn
                .speaker
                .as_ref()
                .is_none_or(|t| match (&s.entity, &t.entity) {
                    (Some(a), Some(b)) => a != b,
                    _ => s.text != t.text,
                });
            named_here && other && !cx.lexicon.is_pronoun(&s.text)
        })
    };
    let mut out: Vec<Quote> = quotes
        .into_iter()
        .filter(|q| {
            !turns.iter().zip(&spans).any(|(turn, span)| {
                let from = turn.label_start;
                let overlaps = q.span.start < span.end && from < q.span.end.max(q.span.start + 1);
                overlaps && !someone_else(q, turn, span)
            })
        })
        .collect();
    let text = &cx.analysis.article.text;
    for (turn, span) in turns.into_iter().zip(spans) {
        out.push(Quote {
            id: String::new(),
            kind: QuoteKind::Direct,
            text: span.slice(text).to_string(),
            span,
            speaker: turn.speaker,
            cue: None,
            addressee: turn.addressee,
            medium: None,
            date: cx.date_said(turn.sentence, span),
            incomplete: false,
        });
    }
    out.sort_by_key(|q| q.span.start);
    for (i, q) in out.iter_mut().enumerate() {
        q.id = format!("q{}", i + 1);
    }
    out
}

/// The tokens of quotation `f` without the quotation marks around a direct one: the
/// labeller marks them as part of the quote, the schema's quote text leaves them out.
fn without_quotation_marks(cx: &Context<'_>, f: &Found) -> (usize, usize) {
    let tokens = &cx.analysis.tokens;
    let marked = f.kind == QuoteKind::Direct
        && f.end >= f.start + 3
        && tokens.get(f.start).map(|t| t.kind) == Some(TokenKind::OpenQuote)
        && tokens.get(f.end - 1).map(|t| t.kind) == Some(TokenKind::CloseQuote);
    if marked {
        (f.start + 1, f.end - 1)
    } else {
        (f.start, f.end)
    }
}

/// Fewest words a headline quotation needs for its speaker to be read from a body
/// quotation that repeats it (a shorter one, "Nein", repeats by chance).
const MIN_HEADLINE_WORDS: usize = 3;

/// Who proposed a quotation: the rules, or the labeller with how far the keep model
/// scored keeping it above dropping it (none where no keep model ran) and what it took
/// the words for (reported speech carried on from a quotation before, free indirect …).
/// The speaker ranking reads it: a speaker named for a quotation that is no quotation
/// is a wrong speaker too, and speech carried on is most often the earlier speaker's.
#[derive(Debug, Clone, Copy)]
enum Proposer {
    Rules,
    Labeller {
        keep_margin: Option<f32>,
        part: labeller::Part,
    },
}

impl QuoteTagger {
    /// The stage with the lexicon and models shipped in `data/quotes/`; `clusters`
    /// are the entity stage's word clusters, which the labeller's features read.
    pub fn german(clusters: Arc<WordClusters>) -> Result<QuoteTagger, QuoteDataError> {
        QuoteTagger::with_models(
            QuoteLabeller::shipped(clusters)?,
            Some(speakers::shipped_model()?),
            Some(keep::shipped_model()?),
        )
    }

    /// The stage with the shipped lexicon and other models (for evaluating newly
    /// trained ones); without a speaker model the speakers are those the rules and
    /// labels choose, without a keep model every labelled quotation is kept.
    pub fn with_models(
        labeller: QuoteLabeller,
        speakers: Option<LinearModel>,
        keep: Option<LinearModel>,
    ) -> Result<QuoteTagger, QuoteDataError> {
        Ok(QuoteTagger {
            lexicon: QuoteLexicon::german()?,
            labeller,
            speakers,
            keep,
        })
    }

    /// The quotations of an analysed text (entities must be there for speakers).
    pub fn tag(&self, analysis: &Analysis) -> Vec<Quote> {
        let cx = Context::new(analysis, &self.lexicon);
        let Quotations {
            mut found,
            facts,
            features,
            parts,
        } = self.quotations(&cx);
        if let Some(model) = &self.speakers {
            for i in 0..found.len() {
                if !speakers::is_ranked(&cx, &found[i]) {
                    continue;
                }
                let mut candidates =
                    speakers::candidates::<Vec<Feature>>(&cx, &facts, &parts, &found, i);
                let best = model.choose(candidates.iter().map(|c| c.features.as_slice()));
                found[i].speaker = candidates.swap_remove(best).actor(&cx);
            }
        }
        // addressees, for the sentences with a quotation that has a cue: an addressee
        // goes with a speech act ("sagte der Zeitung", "erklärte gegenüber
        // Journalisten"; 88 % of the corpus' addressees have a cue), and the
        // addressee model costs a labelling pass per sentence
        let mut addressees: Vec<Option<Vec<Labelled>>> = vec![None; analysis.sentences.len()];
        for f in found.iter().filter(|f| f.cue.is_some()) {
            addressees[f.sentence].get_or_insert_with(|| {
                let start = cx.sentence(f.sentence).start;
                match &features[f.sentence] {
                    Some(features) => self.labeller.addressees(features, start),
                    None => self
                        .labeller
                        .addressees(&self.labeller.features(&cx, &facts, f.sentence), start),
                }
            });
        }
        // a pronoun speaker ("sagte er") is the speaker of the quote before, unless a
        // person is named after that speaker and before the pronoun; never one of
        // the other gender, and nobody for a plural "sie"
        let mut reported = vec![false; analysis.tokens.len()];
        for f in &found {
            reported[f.start..f.end].iter_mut().for_each(|r| *r = true);
        }
        let mut last: Option<(usize, Option<String>)> = None;
        for f in &mut found {
            if let Some(speaker) = &mut f.speaker {
                let at = cx.token_after(speaker.span.start);
                let pronoun = self.lexicon.is_pronoun(&speaker.text);
                // "sagten sie": a plural pronoun stands for nobody named
                if pronoun && cx.has_plural_verb(at) {
                    speaker.entity = None;
                } else if pronoun && speaker.entity.is_none() {
                    let named = cx
                        .person_before(at, &reported)
                        .filter(|&(k, _)| last.as_ref().is_none_or(|(l, _)| k > *l));
                    let gender = self.lexicon.pronoun_gender(&speaker.text);
                    let agrees = |id: &String| {
                        let entity = analysis.entities.iter().find(|x| &x.id == id);
                        entity.is_none_or(|x| x.may_be(gender))
                    };
                    speaker.entity = match named {
                        Some((_, e)) => Some(analysis.entities[e].id.clone()),
                        None => last.as_ref().and_then(|(_, e)| e.clone()),
                    }
                    .filter(agrees);
                }
                last = Some((at, speaker.entity.clone()));
            }
        }
        let text = &analysis.article.text;
        // (addressee, speaker) of each quote so far
        let mut spoken_to: Vec<(ActorRef, ActorRef)> = Vec::new();
        let quotes: Vec<Quote> = found
            .into_iter()
            .enumerate()
            .map(|(i, mut f)| {
                f.speaker = f.speaker.map(|s| medium::without_outlet(&cx, s));
                let span = if f.incomplete {
                    let at = analysis.tokens[f.start.saturating_sub(1)].span;
                    crate::model::Span {
                        start: at.end,
                        end: at.end,
                        byte_start: at.byte_end,
                        byte_end: at.byte_end,
                    }
                } else {
                    let (start, end) = without_quotation_marks(&cx, &f);
                    cx.span(start, end)
                };
                let labelled = addressees[f.sentence].as_deref().unwrap_or_default();
                let addressee = addressee::addressee(&cx, labelled, &f);
                let speaker = match (&f.speaker, &addressee) {
                    (Some(s), Some(a)) => Some(addressee::without_addressee(&cx, s, a)),
                    _ => f.speaker,
                }
                .map(|s| speakers::without_place_or_medium(&cx, s))
                .map(|s| speakers::without_run_on(&cx, s))
                .map(|s| speakers::with_apposition(&cx, s, &(f.start..f.end)))
                .filter(|s| !speakers::is_dative_object(&cx, s))
                .map(|s| addressee::not_spoken_to(s, &spoken_to));
                if let (Some(a), Some(s)) = (&addressee, &speaker) {
                    spoken_to.push((a.clone(), s.clone()));
                }
                let medium = f.cue.and_then(|c| {
                    medium::medium(&cx, c, f.start..f.end, speaker.as_ref(), addressee.as_ref())
                });
                Quote {
                    id: format!("q{}", i + 1),
                    kind: f.kind,
                    text: span.slice(text).to_string(),
                    span,
                    speaker,
                    cue: f.cue.map(|c| cue::whole_cue(&cx, c)),
                    addressee,
                    medium,
                    date: cx.date_said(f.sentence, span),
                    incomplete: f.incomplete,
                }
            })
            .collect();
        let mut quotes = with_interview_turns(&cx, quotes);
        headlines_from_body(&cx, &mut quotes);
        quotes
    }

    /// The quotations the rules and the labeller find, with their first speakers:
    /// the rules' all, the labeller's those the keep model keeps.
    fn quotations(&self, cx: &Context<'_>) -> Quotations {
        let (mut q, labelled) = self.proposals(cx);
        let rules = keep::RuleClosings::new(cx, &q.found);
        let kept: Vec<Found> = labelled
            .into_iter()
            .filter_map(|l| {
                let margin = self.keep.as_ref().map(|model| {
                    let features = keep::features::<Vec<Feature>>(cx, &q.facts, &rules, &l);
                    keep::keep_margin(model, &features)
                });
                let mut found = l.found;
                if let Some(margin) = margin {
                    if !keep::keeps(margin) {
                        return None;
                    }
                    if let Proposer::Labeller { keep_margin, .. } = &mut found.proposer {
                        *keep_margin = Some(margin);
                    }
                }
                Some(found)
            })
            .collect();
        // words in quotation marks inside a kept reported stretch are its part, and
        // a labelled quotation that cuts into them is dropped
        let mut partial: Vec<(usize, usize)> = q
            .found
            .iter()
            .filter(|f| combine::is_partial_quote(cx, f))
            .map(|f| (f.start, f.end))
            .collect();
        partial.sort_unstable();
        let kept: Vec<Found> = kept
            .into_iter()
            .filter(|l| combine::cuts_into_none(l, &partial))
            .collect();
        let covered = combine::covered_by(&kept, &partial);
        q.found.retain(|f| {
            !combine::is_partial_quote(cx, f)
                || partial
                    .binary_search(&(f.start, f.end))
                    .map_or(true, |i| !covered[i])
        });
        q.found.extend(kept);
        q.found.sort_by_key(|f| f.start);
        combine::join_carried_on(cx, &mut q.found);
        q
    }

    /// The rules' quotations (in `found`) and, apart, the labeller's own.
    fn proposals(&self, cx: &Context<'_>) -> (Quotations, Vec<LabelledQuote>) {
        let analysis = cx.analysis;
        let mut found = direct_quotes(cx);
        let sentences = analysis.sentences.len();
        reported_around_partials(cx, &mut found, sentences);
        // the last complete quote over each sentence, for continuations; a sentence
        // a quote reaches into is not read again ("Sie sagte: „… . Ich würde …“")
        let mut at_sentence = last_quote_in(&found, sentences, |f| sentences_over(cx, f));
        for s in 0..sentences {
            if at_sentence[s].is_some() {
                continue;
            }
            let previous = s
                .checked_sub(1)
                .and_then(|p| at_sentence[p])
                .map(|i| &found[i]);
            if let Some(f) = incomplete_frame(cx, s)
                .or_else(|| headline_paraphrase(cx, s))
                .or_else(|| indirect(cx, s))
                .or_else(|| previous.and_then(|p| continuation(cx, s, p)))
                .or_else(|| {
                    let act = s.checked_sub(1).filter(|_| previous.is_none());
                    let act = act.and_then(|p| speech_act(cx, p))?;
                    continuation(cx, s, &act)
                })
                .or_else(|| reported_by_next(cx, s))
            {
                if !f.incomplete {
                    // with the sentence that reports it ("Das sagte X.")
                    at_sentence[s..=f.sentence].fill(Some(found.len()));
                }
                found.push(f);
            }
        }
        let facts = SentenceFacts::new(cx);
        // sentences that hold reported speech the rules found
        let mut speech = vec![false; analysis.sentences.len()];
        for f in found.iter().filter(|f| !f.incomplete) {
            let last = combine::closing_sentence(cx, f);
            speech[f.sentence..=last.max(f.sentence)].fill(true);
        }
        // Each labelled sentence's features, kept for the addressee model. A sentence
        // is labelled if it shows a mark of reported speech, or if reported speech
        // came shortly before it (which may carry on without a mark).
        let mut features: Vec<Option<SentenceFeatures>> = Vec::new();
        let mut parts: Vec<Vec<Labelled>> = Vec::new();
        let mut last_speech: Option<usize> = None;
        for (s, &rule_speech) in speech.iter().enumerate() {
            let near = last_speech.is_some_and(|p| s - p <= LABEL_WINDOW);
            let f = (near || facts.marked(s, 0)).then(|| self.labeller.features(cx, &facts, s));
            let labelled = f
                .as_ref()
                .map_or_else(Vec::new, |f| self.labeller.label(f, cx.sentence(s).start));
            if rule_speech || labelled.iter().any(|l| l.part.is_quote()) {
                last_speech = Some(s);
            }
            features.push(f);
            parts.push(labelled);
        }
        combine::check_rule_quotes(cx, &parts, &mut found);
        let labelled = combine::labelled_quotes(cx, &facts, &parts, &found);
        let rules = Quotations {
            found,
            facts,
            features,
            parts,
        };
        (rules, labelled)
    }

    /// What the keep model sees of each quotation the labeller proposes, and its
    /// tokens (for training the model).
    pub fn keep_choices(&self, analysis: &Analysis) -> Vec<KeepChoice> {
        let cx = Context::new(analysis, &self.lexicon);
        let (q, labelled) = self.proposals(&cx);
        let rules = keep::RuleClosings::new(&cx, &q.found);
        labelled
            .iter()
            .map(|l| KeepChoice {
                quote: l.found.start..l.found.end,
                candidates: [
                    keep::features(&cx, &q.facts, &rules, l),
                    keep::drop_features(),
                ],
            })
            .collect()
    }

    /// The candidate speakers of each quotation of an analysed text, as the speaker
    /// model would see them (for training it).
    pub fn speaker_choices(&self, analysis: &Analysis) -> Vec<SpeakerChoice> {
        let cx = Context::new(analysis, &self.lexicon);
        let q = self.quotations(&cx);
        (0..q.found.len())
            .filter(|&i| speakers::is_ranked(&cx, &q.found[i]))
            .map(|i| SpeakerChoice {
                quote: q.found[i].start..q.found[i].end,
                candidates: speakers::candidates(&cx, &q.facts, &q.parts, &q.found, i),
            })
            .collect()
    }
}

impl Stage for QuoteTagger {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn run(&self, analysis: &mut Analysis) {
        analysis.quotes = self.tag(analysis);
    }
}

/// The sentence's tokens without a final punctuation mark.
fn without_final_punct(cx: &Context<'_>, s: usize) -> std::ops::Range<usize> {
    let r = cx.sentence(s);
    let mut end = r.end;
    while end > r.start && cx.analysis.tokens[end - 1].kind == TokenKind::Punct {
        end -= 1;
    }
    r.start..end
}

/// Whether the words in quotation marks are a name or title ("Berliner Zeitung",
/// "Das Boot", "Hvalur 9", "Iceland Nature Conservation Association"), not quoted
/// speech: no word in lower case, a capitalised one first, and no sentence's end.
/// Quoted German speech of more than one word holds a lower-case word; in the
/// quotation-attribution corpus' train and dev splits, 3 of the 274 marked
/// stretches of two words or more without one are a quotation of their own.
pub fn is_name<'a>(words: impl IntoIterator<Item = &'a str>) -> bool {
    let mut words = words.into_iter();
    words
        .next()
        .is_some_and(|w| w.starts_with(char::is_uppercase))
        && words.all(|w| !w.starts_with(char::is_lowercase) && !matches!(w, "." | "!" | "?" | "…"))
}

/// Quotes between quotation marks, with their attribution.
fn direct_quotes(cx: &Context<'_>) -> Vec<Found> {
    let tokens = &cx.analysis.tokens;
    let mut out: Vec<Found> = Vec::new();
    let mut open: Option<usize> = None;
    // a quote inside the open one („… ‚klares Signal‘ …“) is part of its words
    let mut inner_open = false;
    for (i, t) in tokens.iter().enumerate() {
        let single = is_single_mark(cx.words[i]);
        match t.kind {
            TokenKind::OpenQuote if open.is_some() && single => inner_open = true,
            TokenKind::OpenQuote => {
                open = Some(i);
                inner_open = false;
            }
            TokenKind::CloseQuote if inner_open && single => inner_open = false,
            TokenKind::CloseQuote => {
                inner_open = false;
                if let Some(o) = open
                    .take()
                    .filter(|&o| i > o + 1 && !is_name(cx.words[o + 1..i].iter().copied()))
                {
                    // a quote in a clause a mixed quotation holds („…“ und „…“,
                    // erklärte X) is part of its words, whichever was found first
                    let held = out.last().is_some_and(|m| m.start <= o && i < m.end);
                    if let Some(f) = (!held)
                        .then(|| attribute_direct(cx, o, i, out.last()))
                        .flatten()
                    {
                        while out
                            .last()
                            .is_some_and(|q| f.start <= q.start && q.end <= f.end)
                        {
                            out.pop();
                        }
                        out.push(f);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether `mark` is a single quotation mark (‚…‘, ‹…›, '…'), which quotes inside a
/// quotation.
fn is_single_mark(mark: &str) -> bool {
    matches!(mark, "‚" | "‘" | "’" | "‹" | "›" | "'")
}

/// The attribution of the quote between marks `o` and `c`, or none for a quote
/// that names no speaker and continues none (titles, scare quotes).
fn attribute_direct(cx: &Context<'_>, o: usize, c: usize, before: Option<&Found>) -> Option<Found> {
    let s_open = cx.sentence_of[o];
    let s_close = cx.sentence_of[c];
    let close_range = cx.sentence(s_close);
    let mut f = Found {
        start: o + 1,
        end: c,
        kind: QuoteKind::Direct,
        speaker: None,
        cue: None,
        sentence: s_close,
        incomplete: false,
        proposer: Proposer::Rules,
    };
    // „…“, sagte X. / „…“, so X.
    let mut j = c + 1;
    if cx.words.get(j) == Some(&",") {
        j += 1;
    }
    if j < close_range.end
        && (cx.is_verb_cue(j) || cx.lexicon.cue(cx.words[j]) == Some(CueKind::Source))
    {
        f.cue = Some(j);
        let quoting = cx.is_quoting_verb(j);
        f.speaker = quoting
            .then(|| cx.quoted_object(j, j, close_range.end))
            .flatten()
            .or_else(|| cx.speaker_from(j + 1, close_range.end))
            .or_else(|| cx.first_speaker(j + 1, close_range.end));
        // reported words before the quote in the same sentence make it mixed
        let open_range = cx.sentence(s_open);
        if s_open == s_close && o >= open_range.start + 2 {
            f.kind = QuoteKind::Mixed;
            f.start = open_range.start;
            f.end = c + 1;
        }
        return f.speaker.is_some().then_some(f);
    }
    if let Some(mixed) = closing_cue(cx, o, c) {
        return Some(mixed);
    }
    let open_range = cx.sentence(s_open);
    // X sagte: „…“ / sagte X: „…“ / Trump: „…“, the frame in the quote's sentence or,
    // where the quote opens a paragraph of its own, ending the sentence before
    let frame = if o > open_range.start && cx.words[o - 1] == ":" {
        Some(open_range.start..o - 1)
    } else {
        s_open
            .checked_sub(1)
            .filter(|_| o == open_range.start)
            .map(|p| cx.sentence(p))
            .filter(|p| p.len() > 1 && cx.words[p.end - 1] == ":")
            .map(|p| p.start..p.end - 1)
    };
    if let Some(frame) = frame {
        f.sentence = s_open;
        let cue = frame.clone().rev().find(|&k| cx.is_verb_cue(k));
        f.cue = cue;
        f.speaker = match cue {
            // "Ein Sprecher sagte der Agentur Tass:": a subject before the verb
            // makes the phrase after it an object
            Some(k) if cx.is_quoting_verb(k) => cx
                .quoted_object(frame.start, k, frame.end)
                .or_else(|| cx.speaker_from(k + 1, frame.end)),
            Some(k) => cx
                .subject_before(frame.start, k)
                .or_else(|| cx.speaker_from(k + 1, frame.end))
                .or_else(|| cx.first_speaker(k + 1, frame.end))
                .or_else(|| cx.speaker_before(k)),
            None => cx.first_speaker(frame.start, frame.end),
        };
        // a colon and a speech verb introduce a quote even where the speaker is
        // not found; a frame with neither ("Er fuhr fort: „…“") leaves the quote
        // to the rules below (it may carry on the quote before)
        if f.speaker.is_some() || f.cue.is_some() {
            return Some(f);
        }
        f.sentence = s_close;
    }
    // X betonte die „…“: a partial quote after a cue in the same sentence
    if s_open == s_close {
        if let Some(k) = (open_range.start..o).rev().find(|&k| cx.is_verb_cue(k)) {
            let span = without_final_punct(cx, s_close);
            f.kind = QuoteKind::Mixed;
            f.start = if cx.words.get(k + 1) == Some(&",") {
                k + 2
            } else {
                k + 1
            };
            f.end = span.end.max(c + 1);
            f.cue = Some(k);
            // "bezeichnete er als „…“": a pronoun after the verb is its subject
            let pronoun = cx
                .words
                .get(k + 1)
                .is_some_and(|w| cx.lexicon.is_pronoun(w));
            f.speaker = if pronoun {
                cx.speaker_from(k + 1, k + 2)
            } else {
                cx.speaker_before(k)
            };
            return f.speaker.is_some().then_some(f);
        }
    }
    // a quote that carries on the one just before ("„…“, sagte X. „…“")
    if let Some(previous) = before {
        let near = s_open <= previous.sentence + 1;
        if near && previous.kind == QuoteKind::Direct && c - o > 3 {
            f.speaker = previous.speaker.clone();
            return Some(f);
        }
    }
    // other words in quotation marks are quoted words too ("„volle Verantwortung“"):
    // the speaker is the one the sentence names, if any
    f.speaker = cx.first_speaker(open_range.start, o);
    Some(f)
}

/// The reported clause around the quote between marks `o` and `c` where a speech
/// verb and its speaker close the sentence after more words ("Moskau werde sich von
/// „solchen Drohungen“ nicht beeindrucken lassen, erklärte X.", "…, so X."): a mixed
/// quote up to the comma before the verb. None where another quotation mark comes
/// between (a quote inside a quote, or a second one the cue belongs to) or no
/// speaker follows the verb.
fn closing_cue(cx: &Context<'_>, o: usize, c: usize) -> Option<Found> {
    let s = cx.sentence_of[c];
    if cx.sentence_of[o] != s {
        return None;
    }
    let clause = without_final_punct(cx, s);
    let comma = (c + 1..clause.end).find(|&k| cx.words[k] == ",")?;
    let verb = comma + 1;
    let quote_between = (c + 1..comma).any(|k| cx.is_quote_mark(k));
    let cue = cx.is_verb_cue(verb) || cx.words[verb] == "so";
    if quote_between || verb + 1 >= clause.end || !cue {
        return None;
    }
    let speaker = cx.speaker_from(verb + 1, clause.end)?;
    Some(Found {
        start: cx.sentence(s).start,
        end: comma,
        kind: QuoteKind::Mixed,
        speaker: Some(speaker),
        cue: Some(verb),
        sentence: s,
        incomplete: false,
        proposer: Proposer::Rules,
    })
}

/// A frame whose content was lost: a sentence flagged `missing_embed` that ends in a
/// colon after a speech verb ("sagte Trump:") or in reported speech ("Beide seien
/// sich einig:"). A colon after neither introduces a list or a table ("Die Bilanz im
/// Überblick:", "Folgende Ergebnisse wurden erzielt:"), which is no speech.
fn incomplete_frame(cx: &Context<'_>, s: usize) -> Option<Found> {
    let r = cx.sentence(s);
    if !cx.flagged[s] || r.is_empty() || cx.words[r.end - 1] != ":" {
        return None;
    }
    let colon = r.end - 1;
    let cue = (r.start..colon).rev().find(|&k| cx.is_verb_cue(k));
    let speaker = match cue {
        Some(k) => cx
            .speaker_from(k + 1, colon)
            .or_else(|| cx.speaker_before(k)),
        None if cx.holds_konjunktiv(r.start..colon) => cx.speaker_from(r.start, colon),
        None => return None,
    };
    Some(Found {
        start: r.end,
        end: r.end,
        kind: QuoteKind::Direct,
        speaker,
        cue,
        sentence: s,
        incomplete: true,
        proposer: Proposer::Rules,
    })
}

/// A title or subheading "Name: what they want" ("Wadephul: Druck auf Russland
/// erhöhen").
fn headline_paraphrase(cx: &Context<'_>, s: usize) -> Option<Found> {
    if !cx.in_heading(s) {
        return None;
    }
    let r = cx.sentence(s);
    let colon = (r.start..r.end.min(r.start + 5)).find(|&k| cx.words[k] == ":")?;
    if colon + 1 >= r.end {
        return None;
    }
    let speaker = cx.first_speaker(r.start, colon)?;
    Some(Found {
        start: colon + 1,
        end: without_final_punct(cx, s).end.max(colon + 2),
        kind: QuoteKind::Indirect,
        speaker: Some(speaker),
        cue: None,
        sentence: s,
        incomplete: false,
        proposer: Proposer::Rules,
    })
}

/// Indirect speech in one sentence: a speech verb with a comma clause in Konjunktiv
/// or with "dass" ("erklärte Trump, Putin habe zugestimmt"), or a source word.
fn indirect(cx: &Context<'_>, s: usize) -> Option<Found> {
    let r = without_final_punct(cx, s);
    for k in r.clone() {
        match cx.lexicon.cue(cx.words[k]) {
            Some(CueKind::Verb) => {
                let Some(comma) = (k + 1..r.end.min(k + 10)).find(|&j| cx.words[j] == ",") else {
                    // "Die Lage sei ernst, wie der Minister sagte."
                    if let Some(f) = reported_before(cx, s, k) {
                        return Some(f);
                    }
                    // "Die Kosten trage das Land, teilte das Rathaus mit."
                    if let Some(f) = reported_before_verb(cx, s, k) {
                        return Some(f);
                    }
                    continue;
                };
                let wie = (r.start..k).any(|j| cx.lexicon.is_source_clause(cx.words[j]));
                // "kündigte an, auf Gelder verzichten zu wollen", "…, Revision
                // einzulegen"
                let infinitive = r.end >= comma + 3
                    && (cx.words[r.end - 2] == "zu" || is_fused_zu_infinitive(cx.words[r.end - 1]));
                let reported = cx.words.get(comma + 1) == Some(&"dass")
                    || cx.holds_konjunktiv(comma + 1..r.end)
                    || wie
                    || infinitive;
                if !reported || comma + 2 > r.end {
                    continue;
                }
                // "erklärte den Journalisten, …": a dative after the verb is the
                // addressee, and the speaker stands before the verb
                let dative = cx.words.get(k + 1).is_some_and(|w| cx.lexicon.is_dative(w));
                let after = if dative {
                    None
                } else {
                    cx.speaker_from(k + 1, comma)
                };
                let speaker = after.or_else(|| cx.speaker_before(k))?;
                return Some(Found {
                    start: comma + 1,
                    end: r.end,
                    kind: QuoteKind::Indirect,
                    speaker: Some(speaker),
                    cue: Some(k),
                    sentence: s,
                    incomplete: false,
                    proposer: Proposer::Rules,
                });
            }
            Some(CueKind::Source) => {
                let word = cx.words[k];
                // a source noun needs its link ("nach Angaben"), else it is a noun
                // (one adjective may come between: "nach eigenen Angaben")
                let noun = word.starts_with(char::is_uppercase) && k > r.start;
                let linked = |j: usize| j >= r.start && cx.lexicon.is_source_link(cx.words[j]);
                // "Seiner Meinung nach": the link may follow the noun
                let postposed = k + 1 < r.end && linked(k + 1) && cx.words[k + 1] != "Nach";
                let has_link = postposed
                    || k > r.start
                        && (linked(k - 1)
                            || (k >= r.start + 2
                                && cx.words[k - 1].starts_with(char::is_lowercase)
                                && linked(k - 2)));
                if noun && !has_link {
                    continue;
                }
                if word.starts_with(char::is_uppercase)
                    && k == r.start
                    && cx.lexicon.cue(&word.to_lowercase()).is_none()
                {
                    continue;
                }
                // "laut X" and "nach Angaben von X" name the source after the word,
                // "X zufolge" before it; "so" only after a comma ("…, so X").
                let speaker = match word {
                    "zufolge" => cx
                        .first_speaker(r.start.max(k.saturating_sub(4)), k)
                        .or_else(|| cx.first_speaker(r.start, r.end)),
                    "so" if k > r.start && cx.words[k - 1] == "," => cx.speaker_from(k + 1, r.end),
                    "so" => None,
                    // "nach eigenen Angaben": the subject speaks for itself
                    _ if k > r.start && cx.lexicon.is_own(cx.words[k - 1]) => {
                        cx.first_speaker(r.start, r.end)
                    }
                    // "laut X", "nach Angaben des Ministeriums", or one word later: "nach
                    // Angaben von X", "laut „Reuters“", "nach Meinung politischer
                    // Beobachter"; not "nach Angaben in der Nacht"
                    _ => cx.speaker_from(k + 1, r.end).or_else(|| {
                        let next = cx.words.get(k + 1).copied().unwrap_or("");
                        let opens = cx.analysis.tokens.get(k + 1).map(|t| t.kind)
                            == Some(TokenKind::OpenQuote);
                        let genitive_adjective =
                            next.starts_with(char::is_lowercase) && next.ends_with("er");
                        (opens || genitive_adjective || cx.lexicon.is_source_of(next))
                            .then(|| cx.speaker_from(k + 2, r.end))
                            .flatten()
                    }),
                };
                // a linked source noun reports even where its source is not a
                // phrase ("nach Polizeiangaben")
                if speaker.is_none() && !noun {
                    continue;
                }
                // the source phrase is not part of what is reported when it opens or
                // closes the sentence ("Nach Angaben der Polizei habe …", "…, so X")
                let (mut start, mut end) = (r.start, r.end);
                let phrase_start = if word == "zufolge" {
                    k
                } else {
                    k.saturating_sub(1).max(r.start)
                };
                // past the preposition after its noun ("Seiner Meinung nach")
                let speaker_end = if postposed {
                    k + 2
                } else {
                    speaker
                        .as_ref()
                        .map_or(k + 1, |a| cx.token_after(a.span.end))
                };
                if phrase_start <= r.start + 1 && speaker_end < r.end {
                    start = speaker_end;
                    if word == "zufolge" {
                        start = k + 1;
                    }
                    if cx.words.get(start) == Some(&",") {
                        start += 1;
                    }
                } else if speaker_end >= r.end && k > r.start {
                    end = if cx.words[k - 1] == "," { k - 1 } else { k };
                }
                if start >= end {
                    continue;
                }
                return Some(Found {
                    start,
                    end,
                    kind: QuoteKind::Indirect,
                    speaker,
                    cue: Some(k),
                    sentence: s,
                    incomplete: false,
                    proposer: Proposer::Rules,
                });
            }
            None => {}
        }
    }
    None
}

/// Whether `word` is the zu-infinitive of a separable verb ("einzulegen",
/// "aufzugeben", "zurückzuziehen"): lower case, ending in "n", with "zu" after a
/// particle of two letters or more and before at least four letters.
fn is_fused_zu_infinitive(word: &str) -> bool {
    word.starts_with(char::is_lowercase)
        && word.ends_with('n')
        && word
            .match_indices("zu")
            .any(|(i, _)| i >= 2 && word.len() >= i + 6)
}

/// The index of the last of `found` (sorted by start) in each of `sentences`, where
/// a quote is in the sentences `over` gives for it.
fn last_quote_in(
    found: &[Found],
    sentences: usize,
    over: impl Fn(&Found) -> std::ops::RangeInclusive<usize>,
) -> Vec<Option<usize>> {
    let mut out = vec![None; sentences];
    for (i, f) in found.iter().enumerate() {
        for s in over(f) {
            if let Some(slot) = out.get_mut(s) {
                *slot = Some(i);
            }
        }
    }
    out
}

/// The sentences quote `f` covers: from the one it opens in to the one it closes in
/// (or, for a lost quote, the sentence of its frame).
fn sentences_over(cx: &Context<'_>, f: &Found) -> std::ops::RangeInclusive<usize> {
    if f.incomplete {
        f.sentence..=f.sentence
    } else {
        let first = combine::opening_sentence(cx, f).min(f.sentence);
        first..=combine::closing_sentence(cx, f).max(f.sentence)
    }
}

/// Turns the sentences whose only rule quotes are cue-less words in marks into the
/// reported speech the rules know there ("Am Bahnhof herrschten „chaotische
/// Zustände“, wie Reporter Jan Simon berichtete."): the reported clause holds the
/// words, so it becomes a mixed quotation that stands for them. `found`, the
/// quotes of an article of `sentences` sentences, is sorted by start before and
/// after.
fn reported_around_partials(cx: &Context<'_>, found: &mut Vec<Found>, sentences: usize) {
    let mut stood_for = vec![false; found.len()];
    let attributed = last_quote_in(found, sentences, |f| f.sentence..=f.sentence);
    for (s, last) in attributed.into_iter().enumerate() {
        let Some(last) = last else {
            continue;
        };
        let here: Vec<usize> = (0..=last)
            .rev()
            .take_while(|&i| found[i].sentence == s)
            .collect();
        if !here
            .iter()
            .all(|&i| combine::is_partial_quote(cx, &found[i]))
        {
            continue;
        }
        let Some(mut f) = indirect(cx, s) else {
            continue;
        };
        let holds = |q: &Found| f.start < q.start && q.end < f.end;
        if f.kind == QuoteKind::Indirect && here.iter().all(|&i| holds(&found[i])) {
            f.kind = QuoteKind::Mixed;
            here.iter().for_each(|&i| stood_for[i] = true);
            found.push(f);
        }
    }
    let mut stood_for = stood_for.into_iter();
    found.retain(|_| !stood_for.next().unwrap_or(false));
    found.sort_by_key(|f| f.start);
}

/// Reported words before a closing "…, wie X sagte": the clause before the comma.
fn reported_before(cx: &Context<'_>, s: usize, verb: usize) -> Option<Found> {
    let r = without_final_punct(cx, s);
    if verb + 1 != r.end {
        return None;
    }
    let wie = (r.start + 2..verb)
        .rev()
        .find(|&j| cx.lexicon.is_source_clause(cx.words[j]) && cx.words[j - 1] == ",")?;
    let speaker = cx.speaker_from(wie + 1, verb)?;
    Some(Found::reported(r.start..wie - 1, speaker, verb, s))
}

/// Reported words before a speech verb that follows their comma, with its subject
/// after it ("Die Kosten trage das Land, teilte das Rathaus mit", "…, hieß es aus
/// dem Ministerium"): the verb stands first because the clause before is its object.
/// Not after a subordinate clause ("Als die Zahlen kamen, erklärte X …") or a
/// quotation in marks, which the direct rules attribute.
fn reported_before_verb(cx: &Context<'_>, s: usize, verb: usize) -> Option<Found> {
    let r = without_final_punct(cx, s);
    if verb < r.start + 4 || cx.words[verb - 1] != "," || verb + 1 >= r.end {
        return None;
    }
    if cx.lexicon.is_subordinator(cx.words[r.start]) {
        return None;
    }
    if (r.start..verb).any(|k| cx.is_quote_mark(k)) {
        return None;
    }
    // "hieß es (aus dem Ministerium)": the impersonal subject, and the source after it
    let impersonal = cx.words[verb + 1] == "es";
    let speaker = if impersonal {
        let from = cx
            .words
            .get(verb + 2)
            .filter(|w| cx.lexicon.is_source_of(w));
        from.and_then(|_| cx.speaker_from(verb + 3, r.end))
    } else {
        // a dative after the verb is its object, not its subject
        if cx.lexicon.is_dative(cx.words[verb + 1]) {
            return None;
        }
        Some(cx.speaker_from(verb + 1, r.end)?)
    };
    // In the indicative, a comma inside the words before may close an apposition
    // or relative clause of the verb's own subject ("Petra Pau, Vizepräsidentin,
    // forderte die Einrichtung …"): only Konjunktiv or "es" tells them apart.
    let konjunktiv = cx.holds_konjunktiv(r.start..verb);
    let inner_comma = (r.start..verb - 1).any(|k| cx.words[k] == ",");
    if inner_comma && !konjunktiv && !impersonal {
        return None;
    }
    Some(Found {
        start: r.start,
        end: verb - 1,
        kind: QuoteKind::Indirect,
        speaker,
        cue: Some(verb),
        sentence: s,
        incomplete: false,
        proposer: Proposer::Rules,
    })
}

/// The speech act a sentence reports without what was said ("Der Deutsche
/// Wetterdienst warnte am Montag vor Sturm."): its first speech verb with the
/// subject before it or the speaker right after it. Reported speech may carry it
/// on in the next sentence ("Da Deutschland am Rand eines Tiefs liege, …").
fn speech_act(cx: &Context<'_>, s: usize) -> Option<Found> {
    let range = cx.sentence(s);
    let verb = range.clone().find(|&k| cx.is_verb_cue(k))?;
    let speaker = cx
        .subject_before(range.start, verb)
        .or_else(|| cx.speaker_from(verb + 1, range.end))?;
    Some(Found::reported(range, speaker, verb, s))
}

/// Sentence `s` as what the next sentence of its block says was said, where that
/// one opens with a demonstrative standing for it and a speech verb with its
/// subject after it ("Die Schulen bleiben geschlossen. Das sagte Ministerpräsident
/// Daniel Günther am Dienstag.", "Dies teilte ein Sprecher mit.", "Das hat X
/// gesagt."). The corpus marks the demonstrative as part of the quotation; the
/// quotation here is what it stands for, the sentence before whole.
fn reported_by_next(cx: &Context<'_>, s: usize) -> Option<Found> {
    let next = s + 1;
    if next >= cx.analysis.sentences.len() || cx.block_of[next] != cx.block_of[s] {
        return None;
    }
    let quote = cx.sentence(s);
    let frame = without_final_punct(cx, next);
    let opener = frame.start;
    // a sentence with a speech verb or quotation marks of its own reports within
    // itself ("X kündigte an, sie würden …. Dies bestätigte Y."), and a question
    // is answered, not reported ("Warum? Das erklärt X.")
    if frame.len() < 3
        || !cx.lexicon.is_anaphor(cx.words[opener])
        || quote.clone().last().is_some_and(|k| cx.words[k] == "?")
        || quote
            .clone()
            .any(|k| cx.is_quote_mark(k) || cx.is_verb_cue(k))
    {
        return None;
    }
    // the speech verb right after it, with its particle at the clause's end ("Dies
    // teilte X mit", not "Das gab eine Diskussion"), or its participle at the end
    // after an auxiliary there ("Das hat X gesagt", not "Das sei falsch, sagte X")
    let second = opener + 1;
    let last = frame.end - 1;
    let verb = if cx.is_verb_cue(second) {
        let particles = cx.lexicon.particles(cx.words[second]);
        if !particles.is_empty() && !particles.iter().any(|p| p == cx.words[last]) {
            return None;
        }
        second
    } else if cx.lexicon.is_auxiliary(cx.words[second])
        && cx.is_verb_cue(last)
        && !(second..last).any(|k| cx.words[k] == ",")
    {
        last
    } else {
        return None;
    };
    let subject_end = if verb == second { frame.end } else { verb };
    // past a time ("Das erklärte gestern ein Sprecher", "Das sagte am Montag X")
    let mut subject = second + 1;
    while let Some(after) = cx.after_timex(subject).filter(|&a| a > subject) {
        subject = after;
    }
    if subject >= subject_end || cx.lexicon.is_dative(cx.words[subject]) {
        return None;
    }
    let speaker = cx.speaker_from(subject, subject_end)?;
    Some(Found::reported(quote, speaker, verb, next))
}

/// A Konjunktiv sentence right after reported speech (`previous`, the quote of the
/// sentence before) in the same block carries it on
/// ("Italien sei bereit …" after Tajani's words). Such a quotation holds its
/// sentence's final stop, as the corpus marks it.
fn continuation(cx: &Context<'_>, s: usize, previous: &Found) -> Option<Found> {
    let r = without_final_punct(cx, s);
    let same_block = cx.block_of[previous.sentence] == cx.block_of[s];
    let konjunktiv = cx.holds_konjunktiv(r.clone());
    (same_block && konjunktiv && !r.is_empty()).then(|| Found {
        start: r.start,
        end: cx.sentence(s).end,
        kind: QuoteKind::Indirect,
        speaker: previous.speaker.clone(),
        cue: None,
        sentence: s,
        incomplete: false,
        proposer: Proposer::Rules,
    })
}
