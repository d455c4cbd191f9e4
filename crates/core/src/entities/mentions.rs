//! Mentions: the token spans that name a person, organisation or place, from the NER
//! model's labels and, where the model is silent, from the gazetteers' known names.

use super::gazetteer::Gazetteer;
use super::roles::read_role;
use crate::model::EntityKind;
use rustc_hash::FxHashSet;

/// A mention found in one sentence, by token indices into the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// What it names.
    pub kind: EntityKind,
    /// The gazetteer entry its words match, if any.
    pub known: Option<usize>,
}

/// The mentions of one sentence: the model's PER, ORG and LOC chunks (OTH and the
/// `deriv`/`part` forms are not entities), then known names the model left out.
/// A chunk whose words are exactly a known country or organisation takes the
/// gazetteer's kind; a title the model took into a person's name ("Bundesaußenminister
/// Wadephul", "Prof. Dr. Roloff") is left out of it; a compound of a known name ("Alaska-Gipfel") is a
/// part, not a mention.
pub fn find(tokens: &[&str], labels: &[&str], gazetteer: &Gazetteer) -> Vec<Found> {
    let mut found = Vec::new();
    let mut covered = vec![false; tokens.len()];
    for (mut start, mut end, label) in chunks(labels) {
        let Some(mut kind) = EntityKind::parse(label) else {
            covered[start..end].iter_mut().for_each(|c| *c = true);
            continue;
        };
        if kind == EntityKind::Person {
            // a known person's whole name that the model cut short ("Ursula" of
            // "Ursula von der Leyen"), where it labelled the rest as nothing
            if let Some((len, id)) = gazetteer.longest_name(tokens, start) {
                let rest = labels.get(end..start + len).unwrap_or_default();
                if len > end - start
                    && gazetteer.known()[id].kind == EntityKind::Person
                    && rest.iter().all(|l| *l == "O")
                {
                    end = start + len;
                }
            }
        }
        covered[start..end].iter_mut().for_each(|c| *c = true);
        if kind == EntityKind::Person {
            // Titles and academic degrees ("Prof.", "Dr.") are not part of the name.
            let is_title = |t: &str| read_role(t, gazetteer).is_some() || t.ends_with('.');
            while end - start > 1 && is_title(tokens[start]) {
                start += 1;
            }
            // what is left of "Ministerpräsident von Bayern" is no surname with its
            // particle but the place the title is of
            if let Some(place) = place_of_title(tokens, start, end, gazetteer) {
                found.push(place);
                continue;
            }
        } else if end - start == 1 && is_compound_part(tokens[start], gazetteer) {
            continue;
        }
        let known = gazetteer
            .longest_name(tokens, start)
            .filter(|&(len, _)| len == end - start)
            .map(|(_, id)| id);
        if let Some(k) = known.map(|id| &gazetteer.known()[id]) {
            if k.kind != EntityKind::Person {
                kind = k.kind;
            }
        }
        found.push(Found {
            start,
            end,
            kind,
            known,
        });
    }
    let mut i = 0;
    while i < tokens.len() {
        match gazetteer.longest_name(tokens, i) {
            Some((len, id))
                if !covered[i..i + len].iter().any(|&c| c)
                    && tokens[i].chars().count() > 1
                    && tokens[i].starts_with(char::is_uppercase) =>
            {
                found.push(Found {
                    start: i,
                    end: i + len,
                    kind: gazetteer.known()[id].kind,
                    known: Some(id),
                });
                i += len;
            }
            _ => i += 1,
        }
    }
    found.sort_by_key(|f| f.start);
    found
}

/// Known persons' surnames with their particles that no mention of `found` covers
/// ("von der Leyen", "Von der Leyen sagte"): mentions of that person, though
/// another bearer of the name may be meant, so the caller marks them as guesses.
/// A sentence opening with the lower-case particle is left alone: a line break
/// cut it from a first name before it ("Elisabeth ¶ von Thadden").
pub fn particle_surnames(tokens: &[&str], found: &[Found], gazetteer: &Gazetteer) -> Vec<Found> {
    let covered = |i: usize| found.iter().any(|f| f.start <= i && i < f.end);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match gazetteer.particle_surname(tokens, i) {
            Some((len, id))
                if !(i..i + len).any(covered)
                    && (i > 0 || tokens[0].starts_with(char::is_uppercase)) =>
            {
                out.push(Found {
                    start: i,
                    end: i + len,
                    kind: EntityKind::Person,
                    known: Some(id),
                });
                i += len;
            }
            _ => i += 1,
        }
    }
    out
}

/// The known place that a person chunk without its title is made of after a
/// lower-case particle ("von Bayern" of "Ministerpräsident von Bayern"), as a
/// mention of that place; `None` where the chunk is anything else ("von der Leyen").
fn place_of_title(
    tokens: &[&str],
    start: usize,
    end: usize,
    gazetteer: &Gazetteer,
) -> Option<Found> {
    let first = tokens.get(start)?;
    if end - start < 2 || !first.starts_with(char::is_lowercase) {
        return None;
    }
    let (len, id) = gazetteer.longest_name(tokens, start + 1)?;
    let kind = gazetteer.known()[id].kind;
    (start + 1 + len == end && kind == EntityKind::Place).then_some(Found {
        start: start + 1,
        end,
        kind,
        known: Some(id),
    })
}

/// Whether `word` is a compound whose first part is a known name or prefix but which
/// is not a known name itself: "Alaska-Gipfel", "Ukraine-Krieg", not "Baden-Württemberg".
fn is_compound_part(word: &str, gazetteer: &Gazetteer) -> bool {
    let Some((head, _)) = word.split_once('-') else {
        return false;
    };
    gazetteer.longest_name(&[word], 0).is_none()
        && (gazetteer.prefix(head).is_some() || gazetteer.longest_name(&[head], 0).is_some())
}

/// Person mentions the model missed in one sentence: uncovered capitalised tokens
/// that are, or are the genitive of, a surname the article names elsewhere
/// ("Putin", "Putins" once "Wladimir Putin" is found). Labels are consistent within
/// an article; the model sees one sentence at a time.
pub fn add_surnames(tokens: &[&str], found: &mut Vec<Found>, surnames: &FxHashSet<&str>) {
    let mut added = Vec::new();
    for (i, word) in tokens.iter().enumerate() {
        let covered = found.iter().any(|f| f.start <= i && i < f.end);
        let stem = word.strip_suffix('s').unwrap_or(word);
        if !covered
            && word.starts_with(char::is_uppercase)
            && (surnames.contains(word) || surnames.contains(stem))
        {
            added.push(Found {
                start: i,
                end: i + 1,
                kind: EntityKind::Person,
                known: None,
            });
        }
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|f| f.start);
    }
}

/// The surname of a full name that starts with lower-case particles ("von der
/// Leyen" of "Ursula von der Leyen"), if it has them.
pub fn particle_surname<'w>(words: &[&'w str]) -> Option<Vec<&'w str>> {
    let at =
        (1..words.len().saturating_sub(1)).find(|&i| words[i].starts_with(char::is_lowercase))?;
    Some(words[at..].to_vec())
}

/// Widens person mentions of a surname over the particles that stand before them
/// as they stand in the full name the article gives ("Von der Leyen sagte" once
/// "Ursula von der Leyen" is found): the model, seeing one sentence, takes a
/// capitalised "Von" at the start of a sentence for an ordinary word.
pub fn add_particles(tokens: &[&str], found: &mut [Found], surnames: &[Vec<&str>]) {
    for f in found.iter_mut().filter(|f| f.kind == EntityKind::Person) {
        for surname in surnames {
            let Some(particles) = surname.len().checked_sub(f.end - f.start) else {
                continue;
            };
            let (before, named) = surname.split_at(particles);
            let start = f.start.checked_sub(particles);
            let matches = start.is_some_and(|start| {
                tokens[f.start..f.end] == *named
                    && tokens[start..f.start]
                        .iter()
                        .zip(before)
                        .all(|(t, p)| t.to_lowercase() == *p)
            });
            if let (true, Some(start)) = (matches && particles > 0, start) {
                f.start = start;
                break;
            }
        }
    }
}

/// The chunks of a BIO label sequence as (start, end, label without prefix); an
/// `I-` that continues nothing starts a chunk.
pub fn chunks<'l>(labels: &[&'l str]) -> Vec<(usize, usize, &'l str)> {
    let mut out: Vec<(usize, usize, &str)> = Vec::new();
    for (i, label) in labels.iter().enumerate() {
        if let Some(kind) = label.strip_prefix("I-") {
            if let Some(last) = out.last_mut().filter(|c| c.1 == i && c.2 == kind) {
                last.1 = i + 1;
                continue;
            }
            out.push((i, i + 1, kind));
        } else if let Some(kind) = label.strip_prefix("B-") {
            out.push((i, i + 1, kind));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_join_continuations_only() {
        let c = chunks(&["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "I-PER"]);
        assert_eq!(
            c,
            [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 6, "PER")]
        );
    }

    #[test]
    fn surnames_take_the_particles_of_the_full_name() {
        let full = ["Ursula", "von", "der", "Leyen"];
        let surname = particle_surname(&full).expect("has particles");
        assert_eq!(surname, ["von", "der", "Leyen"]);
        assert_eq!(particle_surname(&["Olaf", "Scholz"]), None);
        assert_eq!(particle_surname(&["Leyen"]), None);
        let person = |start, end| Found {
            start,
            end,
            kind: EntityKind::Person,
            known: None,
        };
        let tokens = ["Von", "der", "Leyen", "sagte", "der", "Leyen"];
        let mut found = vec![person(2, 3)];
        add_particles(&tokens, &mut found, std::slice::from_ref(&surname));
        assert_eq!((found[0].start, found[0].end), (0, 3));
        // the particles must stand before it as they stand in the name
        let tokens = ["Frau", "Leyen", "sagte"];
        let mut found = vec![person(1, 2)];
        add_particles(&tokens, &mut found, &[surname]);
        assert_eq!(found[0].start, 1);
    }
}
