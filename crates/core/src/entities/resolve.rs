//! Resolution: one entity per actor within an article. Full names gather their
//! surnames and inflected forms ("Donald Trump", "Trump", "Trumps"); known names take
//! the gazetteer's canonical name ("Moskaus" → Moskau); role nouns that refer back
//! ("der US-Präsident") join the one person in the article holding that role.

use super::attributes::Attributes;
use super::gazetteer::Gazetteer;
use super::roles::RoleWord;
use crate::model::{Entity, EntityKind, Mention, Span};
use rustc_hash::FxHashSet;

/// A mention with what the stage learnt about it, in article coordinates.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Where it is.
    pub span: Span,
    /// Its text.
    pub text: String,
    /// Its tokens.
    pub words: Vec<String>,
    /// What it names.
    pub kind: EntityKind,
    /// The gazetteer entry its words match.
    pub known: Option<usize>,
    /// Roles, country and party found around it.
    pub attrs: Attributes,
}

/// A role noun that may refer back to a person ("der US-Präsident").
#[derive(Debug, Clone)]
pub struct RoleReference {
    /// The role noun's span.
    pub span: Span,
    /// Its text.
    pub text: String,
    /// What it names.
    pub role: RoleWord,
}

/// An entity while it is being built.
struct Draft {
    kind: EntityKind,
    name: String,
    known: Option<usize>,
    attrs: Attributes,
    mentions: Vec<Mention>,
}

/// Groups `candidates` into entities and adds the role references that point to
/// exactly one person; entities are numbered `e1`, `e2` … by first mention.
pub fn resolve(
    candidates: &[Candidate],
    references: &[RoleReference],
    gazetteer: &Gazetteer,
) -> Vec<Entity> {
    let words: FxHashSet<&str> = candidates
        .iter()
        .flat_map(|c| c.words.iter().map(String::as_str))
        .collect();
    let mut drafts: Vec<Draft> = Vec::new();
    // Full names first, so that surnames before them ("Putins … Wladimir Putin")
    // still find them.
    let mut order: Vec<&Candidate> = candidates.iter().collect();
    order.sort_by_key(|c| {
        (
            c.kind != EntityKind::Person || c.words.len() < 2,
            c.span.start,
        )
    });
    for c in order {
        let name = canonical_name(c, gazetteer, &words);
        let at = match c.kind {
            EntityKind::Person => drafts.iter().position(|d| {
                d.kind == EntityKind::Person
                    && (d.name == name
                        || (c.words.len() == 1 && last_word(&d.name) == name)
                        || particle_form(&d.name, &name))
            }),
            kind => drafts.iter().position(|d| {
                d.kind == kind
                    && (d.name == name || name.strip_suffix('s') == Some(d.name.as_str()))
            }),
        };
        let at = at.unwrap_or_else(|| {
            drafts.push(Draft {
                kind: c.kind,
                name,
                known: c.known,
                attrs: Attributes::default(),
                mentions: Vec::new(),
            });
            drafts.len() - 1
        });
        let draft = &mut drafts[at];
        draft.known = draft.known.or(c.known);
        merge(&mut draft.attrs, &c.attrs);
        draft.mentions.push(Mention {
            span: c.span,
            text: c.text.clone(),
        });
    }
    merge_acronyms(&mut drafts);
    for r in references {
        let holders: Vec<usize> = (0..drafts.len())
            .filter(|&i| holds(&drafts[i], &r.role, gazetteer))
            .collect();
        if let [one] = holders[..] {
            drafts[one].mentions.push(Mention {
                span: r.span,
                text: r.text.clone(),
            });
        }
    }
    finish(drafts, gazetteer)
}

/// An organisation's short form in brackets right after its name ("Rapid Support
/// Forces (RSF)") is the same organisation: its mentions join the full name's.
fn merge_acronyms(drafts: &mut Vec<Draft>) {
    let is_acronym = |name: &str| {
        (2..=6).contains(&name.chars().count())
            && name.chars().all(|c| c.is_uppercase() || c == '-')
    };
    let mut i = 0;
    while i < drafts.len() {
        let short = &drafts[i];
        let full = (short.kind == EntityKind::Organisation && is_acronym(&short.name))
            .then(|| {
                drafts.iter().position(|d| {
                    d.kind == EntityKind::Organisation
                        && d.name.contains(' ')
                        && d.mentions.iter().any(|m| {
                            short
                                .mentions
                                .iter()
                                .any(|s| s.span.start == m.span.end + 2)
                        })
                })
            })
            .flatten();
        match full {
            Some(f) if f != i => {
                let short = drafts.remove(i);
                let f = if f > i { f - 1 } else { f };
                drafts[f].mentions.extend(short.mentions);
            }
            _ => i += 1,
        }
    }
}

/// The entity name a candidate goes by: the gazetteer's, else its words with a
/// genitive ending taken off a last word that occurs without it ("Putins" → "Putin").
fn canonical_name(c: &Candidate, gazetteer: &Gazetteer, words: &FxHashSet<&str>) -> String {
    if let Some(id) = c.known {
        return gazetteer.known()[id].name.clone();
    }
    let mut out: Vec<&str> = c.words.iter().map(String::as_str).collect();
    if let Some(last) = out.last_mut() {
        if let Some(stem) = last.strip_suffix('s').or_else(|| last.strip_suffix('\'')) {
            let known_stem = words.contains(stem)
                || (c.kind == EntityKind::Person && gazetteer.is_surname(stem));
            if known_stem && stem.chars().count() > 1 {
                *last = stem;
            }
        }
    }
    out.join(" ")
}

/// Whether `name` is the end of the full name `full` from its particles on ("Von der
/// Leyen" of "Ursula von der Leyen"), however the particle is capitalised.
fn particle_form(full: &str, name: &str) -> bool {
    let Some(at) = full.len().checked_sub(name.len()) else {
        return false;
    };
    let Some(tail) = full.get(at..) else {
        return false;
    };
    full[..at].ends_with(' ')
        && tail.starts_with(char::is_lowercase)
        && tail.to_lowercase() == name.to_lowercase()
}

fn last_word(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

fn merge(into: &mut Attributes, from: &Attributes) {
    for role in &from.roles {
        if !into.roles.iter().any(|r| r.display == role.display) {
            into.roles.push(role.clone());
        }
    }
    if into.country.is_none() {
        into.country = from.country.clone();
    }
    if into.party.is_none() {
        into.party = from.party.clone();
    }
}

/// Whether the person `d` holds `role`: the article gives them that role, or the
/// gazetteer does (with the same country where the role names one).
fn holds(d: &Draft, role: &RoleWord, gazetteer: &Gazetteer) -> bool {
    if d.kind != EntityKind::Person {
        return false;
    }
    let same_country = |country: Option<&str>| match (&role.country, country) {
        (Some(want), Some(have)) => want == have,
        (Some(_), None) => false,
        (None, _) => true,
    };
    let country = d.attrs.country.as_deref();
    // "der Kanzler" refers to a Bundeskanzler: the held role may be more specific.
    let covers = |held: &str| held.to_lowercase().ends_with(&role.base.to_lowercase());
    let in_article = d
        .attrs
        .roles
        .iter()
        .any(|r| r.display == role.display || (covers(&r.base) && same_country(country)));
    let known = d.known.map(|id| &gazetteer.known()[id]);
    let in_gazetteer = known.is_some_and(|k| {
        k.roles
            .iter()
            .any(|r| gazetteer.role(r).is_some_and(|x| covers(&x.base)))
            && same_country(k.country.as_deref())
    });
    in_article || in_gazetteer
}

fn finish(mut drafts: Vec<Draft>, gazetteer: &Gazetteer) -> Vec<Entity> {
    for d in &mut drafts {
        d.mentions.sort_by_key(|m| m.span.start);
    }
    drafts.sort_by_key(|d| d.mentions.first().map_or(0, |m| m.span.start));
    drafts
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let known = d.known.map(|id| &gazetteer.known()[id]);
            Entity {
                id: format!("e{}", i + 1),
                kind: d.kind,
                name: d.name,
                // Offices of a body ("EU", "CDU/CSU") give no country.
                country: d
                    .attrs
                    .country
                    .or_else(|| known.and_then(|k| k.country.clone()))
                    .filter(|c| gazetteer.is_country(c)),
                roles: d.attrs.roles.into_iter().map(|r| r.display).collect(),
                party: d
                    .attrs
                    .party
                    .or_else(|| known.and_then(|k| k.party.clone())),
                stands_for: known.and_then(|k| k.stands_for.clone()),
                mentions: d.mentions,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particle_forms_end_the_full_name_from_a_particle_on() {
        assert!(particle_form("Ursula von der Leyen", "Von der Leyen"));
        assert!(particle_form("Ursula von der Leyen", "von der Leyen"));
        assert!(!particle_form("Ursula von der Leyen", "der Leyen Ursula"));
        assert!(!particle_form("Donald Trump", "Trump"));
        assert!(!particle_form("Leyen", "Von der Leyen"));
        assert!(!particle_form("Hans Müller", "s Müller"));
    }
}
