//! Quotations scored as the quotation-attribution corpus' authors score them.
//!
//! Gold: Petersen-Frey & Biemann (2024), German Wikinews, one JSON file per article
//! (`originalText`, `tokens` with `charBegin`/`charEnd`, `annotations` whose `quote`,
//! `speaker`, `cue`, `addressee` and `frame` are lists of possibly discontinuous spans).
//! The publication date is the `(YYYY-MM-DD)` at the end of the file name; a year
//! before 1900 (the corpus has one placeholder `0001`) counts as no date.
//!
//! **Offsets.** `charBegin`/`charEnd` count Unicode scalar values (Python string
//! indices) into `originalText`: every one of the corpus' 248,480 tokens slices to
//! its own text that way, while UTF-8 byte offsets fail on the first umlaut. The
//! corpus has no character outside the Basic Multilingual Plane, so UTF-16 units
//! would read the same there; the reader therefore checks every token and, should a
//! file only fit as UTF-16, converts its offsets to characters (a file that fits
//! neither is an error naming the token).
//!
//! **Metric** (the authors' `eval/eval.py`, per document, on the corpus' tokens;
//! a token belongs to a span when their character ranges overlap):
//!
//! 1. Gold × predicted quotations are paired by a maximum-weight assignment
//!    (Hungarian method, [`assign`]) whose weight is the token F1 of the two quote
//!    spans, plus 0.01 where the types agree, only where the F1 is above 0.
//! 2. Each pair, and each unpaired quotation against an empty one, adds token-level
//!    true positives, false positives and false negatives for the quote span and for
//!    speaker, cue and addressee, and one hit or miss for the type.
//! 3. Micro figures sum those counts; "Messages" (the authors' headline) averages
//!    the quote span's precision and recall over the pairs and unpaired quotations
//!    (skipping one where a value is undefined) and takes F1 from the averages.
//!
//! Per gold type (Direct, Indirect, FreeIndirect, IndirectFreeIndirect) a tally
//! holds the pairs and unpaired gold quotations of that type; unpaired predictions
//! have no gold type and count in the overall tally only.
//!
//! **Kinds.** depesche's kinds map to the corpus' types as direct → Direct,
//! indirect → Indirect, mixed → Indirect (the corpus has no mixed type: reported
//! speech with quoted words in it is annotated Indirect, and the quoted words again
//! as a nested Direct quotation of the same speaker; [`PredictedQuote::annotations`]
//! adds those). FreeIndirect and
//! IndirectFreeIndirect have no depesche kind, so their type agreement is always a miss.
//!
//! **Reported.** The corpus' `Reported` annotations (speech acts without content,
//! "Moskau dementierte Pläne") are events in depesche's schema. They are left out of
//! pairing and of every figure above; [`ReportedTally`] counts them and the
//! predictions whose quote span overlaps their quote span.
//!
//! **Where this differs from `eval.py`.** (a) scipy's assignment pairs min(n, m)
//! quotations even where two do not overlap at all, choosing among such pairs
//! arbitrarily; here a pair without any shared quote token is left unpaired. That
//! changes nothing for the quote span (micro or Messages) but keeps a stray
//! prediction from earning role tokens or a type hit from an unrelated quotation.
//! (b) Frames and media are not scored: depesche has no frame, and its medium is
//! free text ("X", "in einem Interview"), not Speech/Writing/Thought, so the 0.001
//! medium tie-breaker never applies. (c) Role and Joint figures are not computed.

use crate::prf::Counts;
use crate::EvalError;
use depesche_core::{Date, Quote, QuoteKind, Token, TokenKind};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// A span of characters, `(start, end)`, end-exclusive.
pub type CharSpan = (usize, usize);

/// The corpus' quotation types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QuoteType {
    /// The words themselves, in quotation marks.
    Direct,
    /// Reported in the speaker's name.
    Indirect,
    /// Free indirect speech: the speaker's view without a frame.
    FreeIndirect,
    /// Indirect speech that continues as free indirect speech.
    IndirectFreeIndirect,
    /// A speech act without content (an event in depesche's schema).
    Reported,
}

impl QuoteType {
    /// The types the main figures are broken down by (all but `Reported`).
    pub const SCORED: [QuoteType; 4] = [
        QuoteType::Direct,
        QuoteType::Indirect,
        QuoteType::FreeIndirect,
        QuoteType::IndirectFreeIndirect,
    ];

    /// The corpus' name of the type.
    pub fn name(self) -> &'static str {
        match self {
            QuoteType::Direct => "Direct",
            QuoteType::Indirect => "Indirect",
            QuoteType::FreeIndirect => "FreeIndirect",
            QuoteType::IndirectFreeIndirect => "IndirectFreeIndirect",
            QuoteType::Reported => "Reported",
        }
    }

    /// The type of the corpus' name, if it is one.
    pub fn parse(name: &str) -> Option<QuoteType> {
        [QuoteType::Reported]
            .into_iter()
            .chain(QuoteType::SCORED)
            .find(|t| t.name() == name)
    }

    /// The corpus type of a depesche kind: mixed quotations are Indirect.
    pub fn of_kind(kind: QuoteKind) -> QuoteType {
        match kind {
            QuoteKind::Direct => QuoteType::Direct,
            QuoteKind::Indirect | QuoteKind::Mixed => QuoteType::Indirect,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One gold annotation, its spans in characters of the document text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldQuote {
    /// The type.
    pub kind: QuoteType,
    /// Speech, Writing, Thought, SW, ST, TW or none.
    pub medium: String,
    /// The quoted content.
    pub quote: Vec<CharSpan>,
    /// Who speaks.
    pub speaker: Vec<CharSpan>,
    /// The cue word or words.
    pub cue: Vec<CharSpan>,
    /// To whom.
    pub addressee: Vec<CharSpan>,
    /// The frame (not scored; depesche has none).
    pub frame: Vec<CharSpan>,
    /// Whether it lies inside another quotation.
    pub nested: bool,
}

/// A gold document.
#[derive(Debug, Clone)]
pub struct QuoteDocument {
    /// The file name without `.pretty.json` / `.json`.
    pub name: String,
    /// `originalText`, which all spans point into.
    pub text: String,
    /// The date in the file name.
    pub published: Option<Date>,
    /// The corpus' tokens in characters, in id order.
    pub tokens: Vec<CharSpan>,
    /// The annotations, `Reported` ones included.
    pub quotes: Vec<GoldQuote>,
}

/// A predicted quotation reduced to what is scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PredictedQuote {
    /// The corpus type its kind maps to.
    pub kind: QuoteType,
    /// The quoted content.
    pub quote: Vec<CharSpan>,
    /// Who speaks.
    pub speaker: Vec<CharSpan>,
    /// The cue.
    pub cue: Vec<CharSpan>,
    /// To whom.
    pub addressee: Vec<CharSpan>,
}

impl PredictedQuote {
    /// The scored parts of a depesche quotation. The corpus counts a direct quote's
    /// quotation marks as part of it and depesche does not, so a quotation mark token
    /// right before or after the quote is added to its span.
    pub fn from_quote(q: &Quote, tokens: &[Token]) -> PredictedQuote {
        let (mut start, mut end) = (q.span.start, q.span.end);
        let open = tokens.iter().find(|t| t.span.end == start);
        let close = tokens.iter().find(|t| t.span.start == end);
        if let (Some(o), Some(c)) = (open, close) {
            if o.kind == TokenKind::OpenQuote && c.kind == TokenKind::CloseQuote {
                (start, end) = (o.span.start, c.span.end);
            }
        }
        PredictedQuote {
            kind: QuoteType::of_kind(q.kind),
            quote: vec![(start, end)],
            speaker: q
                .speaker
                .iter()
                .map(|a| (a.span.start, a.span.end))
                .collect(),
            cue: q
                .cue
                .iter()
                .flat_map(|c| std::iter::once(&c.span).chain(c.parts.iter().map(|p| &p.span)))
                .map(|s| (s.start, s.end))
                .collect(),
            addressee: q
                .addressee
                .iter()
                .map(|a| (a.span.start, a.span.end))
                .collect(),
        }
    }

    /// The corpus' annotations of a depesche quotation: the quotation itself and,
    /// for reported speech with words in quotation marks (depesche's `mixed`, or an
    /// indirect quote that holds some), each marked stretch as a nested `Direct`
    /// quotation of the same speaker, as the corpus annotates them. A stretch of at
    /// most three capitalised words is a name or title, not quoted words.
    pub fn annotations(q: &Quote, tokens: &[Token], text: &str) -> Vec<PredictedQuote> {
        let outer = PredictedQuote::from_quote(q, tokens);
        let mut out = Vec::new();
        if q.kind != QuoteKind::Direct {
            let from = tokens.partition_point(|t| t.span.end <= q.span.start);
            let mut open: Option<usize> = None;
            for (i, t) in tokens.iter().enumerate().skip(from) {
                if t.span.start >= q.span.end {
                    break;
                }
                match t.kind {
                    TokenKind::OpenQuote => open = Some(i),
                    TokenKind::CloseQuote => {
                        let Some(o) = open.take().filter(|&o| i > o + 1) else {
                            continue;
                        };
                        let words = tokens[o + 1..i].iter().map(|w| w.text(text));
                        if !depesche_core::quotes::is_name(words) {
                            out.push(PredictedQuote {
                                kind: QuoteType::Direct,
                                quote: vec![(tokens[o].span.start, t.span.end)],
                                ..outer.clone()
                            });
                        }
                    }
                    _ => {}
                }
            }
        }
        out.insert(0, outer);
        out
    }
}

#[derive(Deserialize)]
struct RawDocument {
    #[serde(rename = "originalText")]
    original_text: String,
    tokens: Vec<RawToken>,
    annotations: Vec<RawAnnotation>,
}

#[derive(Deserialize)]
struct RawToken {
    text: String,
    #[serde(rename = "charBegin")]
    char_begin: usize,
    #[serde(rename = "charEnd")]
    char_end: usize,
}

#[derive(Deserialize)]
struct RawAnnotation {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    medium: Option<String>,
    quote: RawRole,
    #[serde(default)]
    speaker: RawRole,
    #[serde(default)]
    cue: RawRole,
    #[serde(default)]
    addressee: RawRole,
    #[serde(default)]
    frame: RawRole,
    #[serde(default, rename = "isNested")]
    is_nested: bool,
}

#[derive(Deserialize, Default)]
struct RawRole {
    #[serde(default)]
    spans: Vec<RawSpan>,
}

#[derive(Deserialize)]
struct RawSpan {
    #[serde(rename = "charBegin")]
    char_begin: usize,
    #[serde(rename = "charEnd")]
    char_end: usize,
}

/// Reads one gold file.
pub fn load_document(path: &Path) -> Result<QuoteDocument, EvalError> {
    let bytes = std::fs::read(path).map_err(|e| EvalError::Io {
        path: path.display().to_string(),
        source: e,
    })?;
    parse_document(path, &bytes)
}

/// Parses the bytes of a gold file; `path` names the document and gives its date.
pub fn parse_document(path: &Path, bytes: &[u8]) -> Result<QuoteDocument, EvalError> {
    let shown = path.display().to_string();
    let error = |line: usize, reason: String| EvalError::Format {
        path: shown.clone(),
        line,
        reason,
    };
    let raw: RawDocument =
        serde_json::from_slice(bytes).map_err(|e| error(e.line(), e.to_string()))?;
    let offsets = Offsets::detect(&raw.original_text, &raw.tokens).map_err(|r| error(1, r))?;
    let tokens = raw
        .tokens
        .iter()
        .map(|t| offsets.span(t.char_begin, t.char_end))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|r| error(1, format!("token: {r}")))?;
    let mut quotes = Vec::with_capacity(raw.annotations.len());
    for (i, a) in raw.annotations.iter().enumerate() {
        let kind = QuoteType::parse(&a.kind)
            .ok_or_else(|| error(1, format!("annotation {i}: unknown type '{}'", a.kind)))?;
        let spans = |role: &RawRole, what: &str| {
            role.spans
                .iter()
                .map(|s| offsets.span(s.char_begin, s.char_end))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|r| error(1, format!("annotation {i}, {what}: {r}")))
        };
        quotes.push(GoldQuote {
            kind,
            medium: a.medium.clone().unwrap_or_else(|| "none".to_string()),
            quote: spans(&a.quote, "quote")?,
            speaker: spans(&a.speaker, "speaker")?,
            cue: spans(&a.cue, "cue")?,
            addressee: spans(&a.addressee, "addressee")?,
            frame: spans(&a.frame, "frame")?,
            nested: a.is_nested,
        });
    }
    Ok(QuoteDocument {
        name: document_name(path),
        published: date_in_name(path),
        text: raw.original_text,
        tokens,
        quotes,
    })
}

/// How a file counts its offsets.
enum Offsets {
    /// Unicode scalar values; the text's length in them.
    Chars(usize),
    /// UTF-16 code units; the character index at each unit boundary.
    Utf16(Vec<Option<usize>>),
}

impl Offsets {
    /// Characters if every token fits that way, else UTF-16 units if they do.
    fn detect(text: &str, tokens: &[RawToken]) -> Result<Offsets, String> {
        let chars: Vec<char> = text.chars().collect();
        let fits = |o: &Offsets| {
            tokens.iter().position(|t| {
                o.span(t.char_begin, t.char_end)
                    .map(|(s, e)| chars[s..e].iter().copied().ne(t.text.chars()))
                    .unwrap_or(true)
            })
        };
        let as_chars = Offsets::Chars(chars.len());
        let Some(bad) = fits(&as_chars) else {
            return Ok(as_chars);
        };
        let mut units = Vec::with_capacity(text.len() + 1);
        for (i, c) in chars.iter().enumerate() {
            units.push(Some(i));
            if c.len_utf16() == 2 {
                units.push(None);
            }
        }
        units.push(Some(chars.len()));
        let as_utf16 = Offsets::Utf16(units);
        if fits(&as_utf16).is_none() {
            return Ok(as_utf16);
        }
        let t = &tokens[bad];
        Err(format!(
            "token {bad} '{}' at {}..{} does not match originalText, counted neither in characters nor in UTF-16 units",
            t.text, t.char_begin, t.char_end
        ))
    }

    /// `begin..end` in characters, checked against the text.
    fn span(&self, begin: usize, end: usize) -> Result<CharSpan, String> {
        let (s, e) = match self {
            Offsets::Chars(len) => (Some(begin).filter(|_| end <= *len), Some(end)),
            Offsets::Utf16(units) => (
                units.get(begin).copied().flatten(),
                units.get(end).copied().flatten(),
            ),
        };
        match (s, e) {
            (Some(s), Some(e)) if s <= e => Ok((s, e)),
            _ if begin > end => Err(format!("span {begin}..{end} ends before it begins")),
            _ => Err(format!(
                "span {begin}..{end} lies outside originalText or splits a character"
            )),
        }
    }
}

/// A gold file's document name: its file name without `.pretty.json` or `.json`.
pub fn document_name(path: &Path) -> String {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    for ext in [".pretty.json", ".json"] {
        if let Some(stem) = name.strip_suffix(ext) {
            return stem.to_string();
        }
    }
    name
}

/// The `(YYYY-MM-DD)` date at the end of a corpus file name; years before 1900 are placeholders.
pub fn date_in_name(path: &Path) -> Option<Date> {
    let name = document_name(path);
    let open = name.rfind('(')?;
    let inner = name[open + 1..].strip_suffix(')')?;
    inner
        .parse::<Date>()
        .ok()
        .filter(|d: &Date| d.year() >= 1900)
}

/// The ids (indices) of the tokens that overlap any of `spans`, sorted and unique.
pub fn token_ids(tokens: &[CharSpan], spans: &[CharSpan]) -> Vec<usize> {
    tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| spans.iter().any(|s| t.0 < s.1 && s.0 < t.1))
        .map(|(i, _)| i)
        .collect()
}

/// Token counts of a predicted set against a gold set (both sorted).
fn compare(gold: &[usize], pred: &[usize]) -> Counts {
    let tp = gold
        .iter()
        .filter(|g| pred.binary_search(g).is_ok())
        .count();
    Counts {
        tp,
        fp: pred.len() - tp,
        fn_: gold.len() - tp,
    }
}

/// Token F1 of two sorted sets (0 when either is empty).
fn overlap_f1(gold: &[usize], pred: &[usize]) -> f64 {
    let c = compare(gold, pred);
    if c.tp == 0 {
        0.0
    } else {
        2.0 * c.tp as f64 / (2 * c.tp + c.fp + c.fn_) as f64
    }
}

/// A maximum-weight assignment of rows to columns (Hungarian method, O(n²m) for
/// n ≤ m): for each row its column, or `None` where there are more rows than
/// columns. Every row gets a column when there are at least as many columns;
/// weights must be finite.
pub fn assign(weights: &[Vec<f64>]) -> Vec<Option<usize>> {
    let rows = weights.len();
    let cols = weights.first().map_or(0, Vec::len);
    if rows == 0 || cols == 0 {
        return vec![None; rows];
    }
    if rows <= cols {
        return min_cost(rows, cols, |i, j| -weights[i][j]);
    }
    let by_col = min_cost(cols, rows, |i, j| -weights[j][i]);
    let mut out = vec![None; rows];
    for (col, row) in by_col.into_iter().enumerate() {
        if let Some(row) = row {
            out[row] = Some(col);
        }
    }
    out
}

/// Minimum-cost assignment of each of `n` rows to one of `m >= n` columns, by
/// shortest augmenting paths with potentials (Kuhn–Munkres in its O(n²m) form).
fn min_cost(n: usize, m: usize, cost: impl Fn(usize, usize) -> f64) -> Vec<Option<usize>> {
    // 1-based: column 0 and row 0 are the virtual start of each augmenting path.
    let mut u = vec![0.0; n + 1];
    let mut v = vec![0.0; m + 1];
    let mut row_of = vec![0usize; m + 1];
    let mut way = vec![0usize; m + 1];
    for i in 1..=n {
        row_of[0] = i;
        let mut j0 = 0;
        let mut min_v = vec![f64::INFINITY; m + 1];
        let mut used = vec![false; m + 1];
        loop {
            used[j0] = true;
            let i0 = row_of[j0];
            let mut delta = f64::INFINITY;
            let mut j1 = 0;
            for j in 1..=m {
                if used[j] {
                    continue;
                }
                let reduced = cost(i0 - 1, j - 1) - u[i0] - v[j];
                if reduced < min_v[j] {
                    min_v[j] = reduced;
                    way[j] = j0;
                }
                if min_v[j] < delta {
                    delta = min_v[j];
                    j1 = j;
                }
            }
            if j1 == 0 {
                break; // no free column reachable (only with non-finite weights)
            }
            for j in 0..=m {
                if used[j] {
                    u[row_of[j]] += delta;
                    v[j] -= delta;
                } else {
                    min_v[j] -= delta;
                }
            }
            j0 = j1;
            if row_of[j0] == 0 {
                break;
            }
        }
        while j0 != 0 {
            let j1 = way[j0];
            row_of[j0] = row_of[j1];
            j0 = j1;
        }
    }
    let mut out = vec![None; n];
    for j in 1..=m {
        if row_of[j] != 0 {
            out[row_of[j] - 1] = Some(j - 1);
        }
    }
    out
}

/// Precision and recall averaged over pairs and unpaired quotations (the authors' macro figures).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MacroTally {
    precision_sum: f64,
    precision_groups: usize,
    recall_sum: f64,
    recall_groups: usize,
}

/// Macro precision, recall and F1 with how many groups each average is over.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct MacroPrf {
    /// Mean precision over the groups where it is defined.
    pub precision: f64,
    /// Mean recall over the groups where it is defined.
    pub recall: f64,
    /// Harmonic mean of the two means.
    pub f1: f64,
    /// Groups with a defined precision (with predicted tokens).
    pub precision_groups: usize,
    /// Groups with a defined recall (with gold tokens).
    pub recall_groups: usize,
}

impl MacroTally {
    /// Adds one group's token counts.
    pub fn add(&mut self, c: Counts) {
        if c.tp + c.fp > 0 {
            self.precision_sum += c.tp as f64 / (c.tp + c.fp) as f64;
            self.precision_groups += 1;
        }
        if c.tp + c.fn_ > 0 {
            self.recall_sum += c.tp as f64 / (c.tp + c.fn_) as f64;
            self.recall_groups += 1;
        }
    }

    /// The averages (0 where no group has a value).
    pub fn prf(&self) -> MacroPrf {
        let mean = |s: f64, n: usize| if n == 0 { 0.0 } else { s / n as f64 };
        let precision = mean(self.precision_sum, self.precision_groups);
        let recall = mean(self.recall_sum, self.recall_groups);
        let f1 = crate::prf::f1(precision, recall);
        MacroPrf {
            precision,
            recall,
            f1,
            precision_groups: self.precision_groups,
            recall_groups: self.recall_groups,
        }
    }
}

/// Counts for one slice of the quotations (all, or one gold type).
#[derive(Debug, Clone, Default)]
pub struct QuoteTally {
    /// Gold quotations.
    pub gold: usize,
    /// Predicted quotations (for a gold type: those paired with one).
    pub predicted: usize,
    /// Pairs of a gold and a predicted quotation.
    pub paired: usize,
    /// Quote-span tokens (micro).
    pub quote: Counts,
    /// Speaker tokens.
    pub speaker: Counts,
    /// Cue tokens.
    pub cue: Counts,
    /// Addressee tokens.
    pub addressee: Counts,
    /// Quote-span precision and recall per group ("Messages").
    pub messages: MacroTally,
    /// Type agreement, one hit or miss per pair or unpaired quotation.
    pub kind: Counts,
}

/// The corpus' `Reported` annotations, which are not scored.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct ReportedTally {
    /// How many there are.
    pub annotations: usize,
    /// Predictions whose quote span shares a token with a Reported quote span.
    pub overlapping_predictions: usize,
    /// Of those, how many were paired with no scored gold quotation (so counted as false positives).
    pub overlapping_unpaired: usize,
}

/// A quotation missed, invented or attributed wrongly, for `--show`.
#[derive(Debug, Clone)]
pub struct QuoteError {
    /// The document.
    pub document: String,
    /// `missed`, `extra`, `partial` (quote span differs) or `speaker` (speaker differs).
    pub what: &'static str,
    /// The gold quotation and speaker (empty for `extra`).
    pub gold: String,
    /// The predicted quotation and speaker (empty for `missed`).
    pub predicted: String,
}

/// The tallies of a quotation evaluation.
#[derive(Debug, Clone, Default)]
pub struct QuoteReport {
    /// Documents scored.
    pub documents: usize,
    /// All scored quotations.
    pub overall: QuoteTally,
    /// Per gold type, in the order of [`QuoteType::SCORED`].
    pub by_type: [QuoteTally; 4],
    /// The unscored Reported annotations.
    pub reported: ReportedTally,
    /// Each problem, in document order.
    pub errors: Vec<QuoteError>,
}

struct Roles {
    quote: Vec<usize>,
    speaker: Vec<usize>,
    cue: Vec<usize>,
    addressee: Vec<usize>,
}

impl Roles {
    fn gold(tokens: &[CharSpan], q: &GoldQuote) -> Roles {
        Roles {
            quote: token_ids(tokens, &q.quote),
            speaker: token_ids(tokens, &q.speaker),
            cue: token_ids(tokens, &q.cue),
            addressee: token_ids(tokens, &q.addressee),
        }
    }

    fn predicted(tokens: &[CharSpan], q: &PredictedQuote) -> Roles {
        Roles {
            quote: token_ids(tokens, &q.quote),
            speaker: token_ids(tokens, &q.speaker),
            cue: token_ids(tokens, &q.cue),
            addressee: token_ids(tokens, &q.addressee),
        }
    }

    fn empty() -> Roles {
        Roles {
            quote: Vec::new(),
            speaker: Vec::new(),
            cue: Vec::new(),
            addressee: Vec::new(),
        }
    }
}

impl QuoteTally {
    /// Adds one group: a pair, or one side against nothing.
    fn add(&mut self, gold: Option<(&Roles, QuoteType)>, pred: Option<(&Roles, QuoteType)>) {
        let empty = Roles::empty();
        let g = gold.map_or(&empty, |g| g.0);
        let p = pred.map_or(&empty, |p| p.0);
        self.gold += usize::from(gold.is_some());
        self.predicted += usize::from(pred.is_some());
        self.paired += usize::from(gold.is_some() && pred.is_some());
        let quote = compare(&g.quote, &p.quote);
        self.quote.add(quote);
        self.messages.add(quote);
        self.speaker.add(compare(&g.speaker, &p.speaker));
        self.cue.add(compare(&g.cue, &p.cue));
        self.addressee.add(compare(&g.addressee, &p.addressee));
        let (gk, pk) = (gold.map(|g| g.1), pred.map(|p| p.1));
        self.kind.add(if gk == pk {
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0,
            }
        } else {
            Counts {
                tp: 0,
                fp: usize::from(pk.is_some()),
                fn_: usize::from(gk.is_some()),
            }
        });
    }
}

/// Scores `predicted` against the gold quotations of `doc` into `report`.
pub fn score_document(doc: &QuoteDocument, predicted: &[PredictedQuote], report: &mut QuoteReport) {
    report.documents += 1;
    let tokens = &doc.tokens;
    let (reported, gold): (Vec<&GoldQuote>, Vec<&GoldQuote>) = doc
        .quotes
        .iter()
        .partition(|q| q.kind == QuoteType::Reported);
    let gold_roles: Vec<Roles> = gold.iter().map(|q| Roles::gold(tokens, q)).collect();
    let pred_roles: Vec<Roles> = predicted
        .iter()
        .map(|q| Roles::predicted(tokens, q))
        .collect();

    let weights: Vec<Vec<f64>> = gold
        .iter()
        .zip(&gold_roles)
        .map(|(g, gr)| {
            predicted
                .iter()
                .zip(&pred_roles)
                .map(|(p, pr)| {
                    let f1 = overlap_f1(&gr.quote, &pr.quote);
                    if f1 > 0.0 && g.kind == p.kind {
                        f1 + 0.01
                    } else {
                        f1
                    }
                })
                .collect()
        })
        .collect();
    let mut pair_of_gold = assign(&weights);
    for (i, pair) in pair_of_gold.iter_mut().enumerate() {
        if pair.is_some_and(|j| weights[i][j] <= 0.0) {
            *pair = None;
        }
    }
    let mut paired_pred = vec![false; predicted.len()];

    let chars: Vec<char> = doc.text.chars().collect();
    let show = |spans: &[CharSpan], speaker: &[CharSpan]| {
        let part = |spans: &[CharSpan]| {
            spans
                .iter()
                .map(|&(s, e)| {
                    chars[s.min(chars.len())..e.min(chars.len())]
                        .iter()
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
                .join(" … ")
        };
        let text = part(spans);
        let text = if text.chars().count() > 90 {
            text.chars().take(90).chain(['…']).collect()
        } else {
            text
        };
        format!("«{text}» ({})", part(speaker))
    };

    for (i, (g, gr)) in gold.iter().zip(&gold_roles).enumerate() {
        let pred = pair_of_gold[i].map(|j| {
            paired_pred[j] = true;
            (j, &pred_roles[j], predicted[j].kind)
        });
        let gold_side = Some((gr, g.kind));
        let pred_side = pred.map(|(_, r, k)| (r, k));
        report.overall.add(gold_side, pred_side);
        report.by_type[g.kind.index()].add(gold_side, pred_side);
        let what = match pred {
            None => Some("missed"),
            Some((_, pr, _)) if pr.quote != gr.quote => Some("partial"),
            Some((_, pr, _)) if pr.speaker != gr.speaker => Some("speaker"),
            _ => None,
        };
        if let Some(what) = what {
            report.errors.push(QuoteError {
                document: doc.name.clone(),
                what,
                gold: show(&g.quote, &g.speaker),
                predicted: pred.map_or_else(String::new, |(j, _, _)| {
                    show(&predicted[j].quote, &predicted[j].speaker)
                }),
            });
        }
    }
    for (j, (p, pr)) in predicted.iter().zip(&pred_roles).enumerate() {
        if paired_pred[j] {
            continue;
        }
        report.overall.add(None, Some((pr, p.kind)));
        report.errors.push(QuoteError {
            document: doc.name.clone(),
            what: "extra",
            gold: String::new(),
            predicted: show(&p.quote, &p.speaker),
        });
    }

    let reported_tokens: Vec<Vec<usize>> = reported
        .iter()
        .map(|q| token_ids(tokens, &q.quote))
        .collect();
    report.reported.annotations += reported.len();
    for (j, pr) in pred_roles.iter().enumerate() {
        if reported_tokens.iter().any(|r| compare(r, &pr.quote).tp > 0) {
            report.reported.overlapping_predictions += 1;
            report.reported.overlapping_unpaired += usize::from(!paired_pred[j]);
        }
    }
}

/// Scores the predictions `predict` makes for each gold document under `gold`
/// (a `.json` file or a directory of them, read recursively in name order).
pub fn evaluate(
    gold: &Path,
    mut predict: impl FnMut(&QuoteDocument) -> Vec<PredictedQuote>,
) -> Result<QuoteReport, EvalError> {
    if !gold.exists() {
        return Err(EvalError::NoGold(gold.display().to_string()));
    }
    let files = crate::files::gold_files(gold, &["json"])?;
    if files.is_empty() {
        return Err(EvalError::NoGold(gold.display().to_string()));
    }
    let mut report = QuoteReport::default();
    for file in &files {
        let doc = load_document(file)?;
        let predicted = predict(&doc);
        score_document(&doc, &predicted, &mut report);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_of_a_split_cue_is_scored() {
        let pipeline = depesche_core::Pipeline::german().unwrap();
        let text = "Die Stadt teilte am Montag mit, die Brücke bleibe gesperrt.";
        let analysis = pipeline.analyze(depesche_core::Article::from_text("t", text, None));
        let q = PredictedQuote::from_quote(&analysis.quotes[0], &analysis.tokens);
        let slice = |(a, b): CharSpan| text.chars().skip(a).take(b - a).collect::<String>();
        let cue: Vec<String> = q.cue.into_iter().map(slice).collect();
        assert_eq!(cue, ["teilte", "mit"]);
    }

    #[test]
    fn mixed_quote_adds_its_quoted_words_as_nested_direct() {
        let pipeline = depesche_core::Pipeline::german().unwrap();
        let text = "Die Ministerin sagte, das Land werde „alle Kräfte bündeln“ müssen. \
                    Laut „Reuters“ sei das neu.";
        let analysis = pipeline.analyze(depesche_core::Article::from_text("t", text, None));
        let mixed = analysis
            .quotes
            .iter()
            .find(|q| q.kind == QuoteKind::Mixed)
            .expect("a mixed quote");
        let parts = PredictedQuote::annotations(mixed, &analysis.tokens, text);
        let slice = |(a, b): CharSpan| text.chars().skip(a).take(b - a).collect::<String>();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].kind, QuoteType::Indirect);
        assert_eq!(parts[1].kind, QuoteType::Direct);
        assert_eq!(slice(parts[1].quote[0]), "„alle Kräfte bündeln“");
        assert_eq!(parts[1].speaker, parts[0].speaker);
        // a name in quotation marks inside reported speech is not quoted words
        for q in analysis
            .quotes
            .iter()
            .filter(|q| q.text.contains("Reuters"))
        {
            assert_eq!(
                PredictedQuote::annotations(q, &analysis.tokens, text).len(),
                1
            );
        }
    }

    /// A tiny document in the corpus' format; `spans` are `(charBegin, charEnd)`.
    fn json_doc(text: &str, annotations: &str) -> String {
        let mut tokens = Vec::new();
        let mut start = None;
        for (i, c) in text.chars().chain([' ']).enumerate() {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    tokens.push((s, i));
                    start = None;
                }
                _ => {}
            }
            if !c.is_alphanumeric() && !c.is_whitespace() && i < text.chars().count() {
                tokens.push((i, i + 1));
            }
        }
        let chars: Vec<char> = text.chars().collect();
        let tokens: Vec<String> = tokens
            .iter()
            .enumerate()
            .map(|(id, &(b, e))| {
                let t: String = chars[b..e].iter().collect();
                format!(r#"{{"id": {id}, "text": {t:?}, "charBegin": {b}, "charEnd": {e}}}"#)
            })
            .collect();
        format!(
            r#"{{"documentName": "t", "originalText": {text:?}, "sentences": [], "tokens": [{}], "annotations": [{annotations}]}}"#,
            tokens.join(", ")
        )
    }

    fn role(spans: &[(usize, usize)]) -> String {
        let spans: Vec<String> = spans
            .iter()
            .map(|(b, e)| format!(r#"{{"begin": 0, "end": 0, "charBegin": {b}, "charEnd": {e}}}"#))
            .collect();
        format!(
            r#"{{"text": "", "spans": [{}], "tokenIds": []}}"#,
            spans.join(", ")
        )
    }

    fn annotation(
        kind: &str,
        quote: &[(usize, usize)],
        speaker: &[(usize, usize)],
        cue: &[(usize, usize)],
    ) -> String {
        format!(
            r#"{{"type": "{kind}", "medium": "Speech", "quote": {}, "speaker": {}, "cue": {}, "addressee": {}, "frame": {}, "id": 0, "isNested": false, "hasNested": false}}"#,
            role(quote),
            role(speaker),
            role(cue),
            role(&[]),
            role(&[])
        )
    }

    fn parse(name: &str, json: &str) -> Result<QuoteDocument, EvalError> {
        parse_document(Path::new(name), json.as_bytes())
    }

    // "Die Ärztin sagte, die Lage sei ernst. Später lobte Özil den Plan."
    //  0   4      11    17  21   26  30     37     44    50   55  59
    const TEXT: &str = "Die Ärztin sagte, die Lage sei ernst. Später lobte Özil den Plan.";

    #[test]
    fn reads_spans_in_characters_and_the_date_from_the_file_name() {
        let ann = annotation("Indirect", &[(18, 36)], &[(0, 10)], &[(11, 16)]);
        let doc = parse(
            "dir/1 - Titel (2009-07-10).pretty.json",
            &json_doc(TEXT, &ann),
        )
        .unwrap();
        assert_eq!(doc.name, "1 - Titel (2009-07-10)");
        assert_eq!(doc.published, "2009-07-10".parse().ok());
        assert_eq!(doc.quotes.len(), 1);
        let q = &doc.quotes[0];
        assert_eq!(q.kind, QuoteType::Indirect);
        assert_eq!(q.medium, "Speech");
        let slice = |(s, e): CharSpan| TEXT.chars().skip(s).take(e - s).collect::<String>();
        assert_eq!(slice(q.quote[0]), "die Lage sei ernst");
        assert_eq!(slice(q.speaker[0]), "Die Ärztin");
        assert_eq!(token_ids(&doc.tokens, &q.speaker), vec![0, 1]);
        assert_eq!(date_in_name(Path::new("x (0001-01-01).json")), None);
        assert_eq!(date_in_name(Path::new("x.json")), None);
    }

    #[test]
    fn converts_utf16_offsets_when_only_they_fit() {
        // "😀" is one character but two UTF-16 units: "Er" is 1..3 in characters, 2..4 in UTF-16.
        let json = r#"{"originalText": "😀 Er sagte: Ja.", "tokens": [
            {"text": "😀", "charBegin": 0, "charEnd": 2}, {"text": "Er", "charBegin": 3, "charEnd": 5},
            {"text": "sagte", "charBegin": 6, "charEnd": 11}],
            "annotations": [{"type": "Direct", "medium": "Speech", "quote": {"spans": [{"charBegin": 13, "charEnd": 15}]},
            "speaker": {"spans": [{"charBegin": 3, "charEnd": 5}]}}]}"#;
        let doc = parse("e.json", json).unwrap();
        assert_eq!(doc.tokens, vec![(0, 1), (2, 4), (5, 10)]);
        assert_eq!(doc.quotes[0].speaker, vec![(2, 4)]);
        assert_eq!(doc.quotes[0].quote, vec![(12, 14)]);
    }

    #[test]
    fn bad_files_are_errors_naming_file_and_reason() {
        let cases = [
            ("{", "EOF"),
            (
                r#"{"originalText": "ab", "tokens": [{"text": "ab", "charBegin": 0, "charEnd": 3}], "annotations": []}"#,
                "token 0 'ab'",
            ),
            (
                r#"{"originalText": "ab", "tokens": [], "annotations": [{"type": "Gossip", "quote": {"spans": []}}]}"#,
                "unknown type 'Gossip'",
            ),
            (
                r#"{"originalText": "ab", "tokens": [], "annotations": [{"type": "Direct", "quote": {"spans": [{"charBegin": 1, "charEnd": 9}]}}]}"#,
                "annotation 0, quote: span 1..9",
            ),
            (
                r#"{"originalText": "ab", "tokens": [], "annotations": [{"type": "Direct", "quote": {"spans": [{"charBegin": 2, "charEnd": 1}]}}]}"#,
                "ends before it begins",
            ),
            (
                r#"{"originalText": "ab", "tokens": [], "annotations": [{"type": "Direct", "quote": {"spans": [{"charBegin": -1, "charEnd": 1}]}}]}"#,
                "invalid value",
            ),
        ];
        for (json, reason) in cases {
            let err = parse("bad.json", json).unwrap_err().to_string();
            assert!(err.starts_with("bad.json:"), "{err}");
            assert!(err.contains(reason), "{err} should say {reason}");
        }
    }

    fn brute_force(w: &[Vec<f64>]) -> f64 {
        fn go(w: &[Vec<f64>], row: usize, used: &mut Vec<bool>) -> f64 {
            if row == w.len() {
                return 0.0;
            }
            let mut best = f64::NEG_INFINITY;
            let free = used.iter().filter(|u| !**u).count();
            if w.len() - row > free {
                best = go(w, row + 1, used); // this row stays unassigned
            }
            for j in 0..used.len() {
                if !used[j] {
                    used[j] = true;
                    best = best.max(w[row][j] + go(w, row + 1, used));
                    used[j] = false;
                }
            }
            best
        }
        go(w, 0, &mut vec![false; w[0].len()])
    }

    #[test]
    fn the_assignment_maximises_the_total_weight() {
        let w = vec![vec![0.9, 0.8], vec![0.85, 0.0]];
        assert_eq!(assign(&w), vec![Some(1), Some(0)], "0.8 + 0.85 beats 0.9");
        assert_eq!(assign(&[]), Vec::<Option<usize>>::new());
        assert_eq!(assign(&[vec![], vec![]]), vec![None, None]);
        // compare with brute force on pseudo-random rectangular matrices
        let mut seed = 12345u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as f64 / (1u64 << 31) as f64
        };
        for (rows, cols) in [(1, 1), (2, 3), (3, 2), (4, 4), (5, 3), (3, 6), (6, 6)] {
            for _ in 0..20 {
                let w: Vec<Vec<f64>> = (0..rows)
                    .map(|_| {
                        (0..cols)
                            .map(|_| if next() < 0.3 { 0.0 } else { next() })
                            .collect()
                    })
                    .collect();
                let a = assign(&w);
                let mut cols_used: Vec<usize> = a.iter().flatten().copied().collect();
                assert_eq!(cols_used.len(), rows.min(cols));
                cols_used.sort_unstable();
                cols_used.dedup();
                assert_eq!(cols_used.len(), rows.min(cols), "one row per column");
                let total: f64 = a
                    .iter()
                    .enumerate()
                    .filter_map(|(i, j)| j.map(|j| w[i][j]))
                    .sum();
                assert!((total - brute_force(&w)).abs() < 1e-9, "{w:?}: {a:?}");
            }
        }
    }

    fn predicted(kind: QuoteType, quote: &[CharSpan], speaker: &[CharSpan]) -> PredictedQuote {
        PredictedQuote {
            kind,
            quote: quote.to_vec(),
            speaker: speaker.to_vec(),
            cue: Vec::new(),
            addressee: Vec::new(),
        }
    }

    #[test]
    fn scores_pairs_unpaired_quotations_and_reported_apart() {
        let anns = [
            annotation("Indirect", &[(18, 36)], &[(0, 10)], &[(11, 16)]),
            annotation("Reported", &[(56, 64)], &[(51, 55)], &[(45, 50)]),
        ]
        .join(", ");
        let doc = parse("d (2020-01-01).json", &json_doc(TEXT, &anns)).unwrap();
        let mut report = QuoteReport::default();
        let preds = [
            // "Lage sei ernst": 3 of the 4 gold tokens; speaker "Ärztin": 1 of 2; typed Direct
            predicted(QuoteType::Direct, &[(22, 36)], &[(4, 10)]),
            // "den Plan", a Reported act: unpaired, so all false positive
            predicted(QuoteType::Indirect, &[(56, 64)], &[(51, 55)]),
        ];
        score_document(&doc, &preds, &mut report);
        let o = &report.overall;
        assert_eq!((o.gold, o.predicted, o.paired), (1, 2, 1));
        assert_eq!(
            o.quote,
            Counts {
                tp: 3,
                fp: 2,
                fn_: 1
            }
        );
        assert_eq!(
            o.speaker,
            Counts {
                tp: 1,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(
            o.cue,
            Counts {
                tp: 0,
                fp: 0,
                fn_: 1
            }
        );
        assert_eq!(
            o.kind,
            Counts {
                tp: 0,
                fp: 2,
                fn_: 1
            }
        );
        // Messages: pair P 1, R 0.75; unpaired prediction P 0
        let m = o.messages.prf();
        assert!((m.precision - 0.5).abs() < 1e-9 && (m.recall - 0.75).abs() < 1e-9);
        assert!((m.f1 - 0.6).abs() < 1e-9);
        let indirect = &report.by_type[QuoteType::Indirect.index()];
        assert_eq!((indirect.gold, indirect.paired), (1, 1));
        assert_eq!(
            indirect.quote,
            Counts {
                tp: 3,
                fp: 0,
                fn_: 1
            }
        );
        assert_eq!(report.by_type[QuoteType::Direct.index()].gold, 0);
        assert_eq!(report.reported.annotations, 1);
        assert_eq!(report.reported.overlapping_predictions, 1);
        assert_eq!(report.reported.overlapping_unpaired, 1);
        let whats: Vec<&str> = report.errors.iter().map(|e| e.what).collect();
        assert_eq!(whats, ["partial", "extra"]);
    }

    #[test]
    fn the_type_breaks_ties_and_non_overlapping_pairs_stay_unpaired() {
        let anns = [
            annotation("Direct", &[(18, 36)], &[], &[]),
            annotation("Indirect", &[(18, 36)], &[], &[]),
        ]
        .join(", ");
        let doc = parse("d.json", &json_doc(TEXT, &anns)).unwrap();
        let mut report = QuoteReport::default();
        // one prediction, typed Indirect, equal to both gold spans: it pairs with the Indirect one;
        // one far away that overlaps nothing and stays unpaired
        let preds = [
            predicted(QuoteType::Indirect, &[(18, 36)], &[]),
            predicted(QuoteType::Direct, &[(0, 10)], &[]),
        ];
        score_document(&doc, &preds, &mut report);
        assert_eq!(report.overall.paired, 1);
        assert_eq!(report.by_type[QuoteType::Indirect.index()].paired, 1);
        assert_eq!(report.by_type[QuoteType::Direct.index()].paired, 0);
        assert_eq!(
            report.overall.kind,
            Counts {
                tp: 1,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(
            report.overall.quote,
            Counts {
                tp: 4,
                fp: 2,
                fn_: 4
            }
        );
    }

    #[test]
    fn a_perfect_prediction_scores_one() {
        let ann = annotation("Direct", &[(18, 36)], &[(0, 10)], &[(11, 16)]);
        let doc = parse("d.json", &json_doc(TEXT, &ann)).unwrap();
        let mut report = QuoteReport::default();
        let mut p = predicted(QuoteType::Direct, &[(18, 36)], &[(0, 10)]);
        p.cue = vec![(11, 16)];
        score_document(&doc, &[p], &mut report);
        let o = &report.overall;
        assert_eq!(o.quote.prf().f1, 1.0);
        assert_eq!(o.speaker.prf().f1, 1.0);
        assert_eq!(o.cue.prf().f1, 1.0);
        assert_eq!(o.messages.prf().f1, 1.0);
        assert_eq!(o.kind.prf().f1, 1.0);
        assert!(report.errors.is_empty());
    }

    #[test]
    fn mixed_quotations_count_as_indirect() {
        assert_eq!(QuoteType::of_kind(QuoteKind::Mixed), QuoteType::Indirect);
        assert_eq!(QuoteType::of_kind(QuoteKind::Direct), QuoteType::Direct);
        assert_eq!(
            QuoteType::parse("IndirectFreeIndirect"),
            Some(QuoteType::IndirectFreeIndirect)
        );
        assert_eq!(QuoteType::parse("direct"), None);
    }
}
