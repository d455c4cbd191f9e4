//! Resolution: one entity per actor within an article. Full names gather their
//! surnames and inflected forms ("Donald Trump", "Trump", "Trumps"); known names take
//! the gazetteer's canonical name ("Moskaus" → Moskau); a role noun that refers back
//! ("der US-Präsident") joins the only person in the article holding that role, for
//! certain, else by a guess the holder named last before it ("die
//! SPD-Politikerin" after "Innenministerin Nancy Faeser").

use super::attributes::Attributes;
use super::gazetteer::{Gazetteer, Known};
use super::roles::RoleWord;
use crate::model::{Entity, EntityKind, Gender, Mention, Span};
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
    /// Whether it names its person by a guess (a known surname alone), which the
    /// mention keeps ([`Mention::inferred`]).
    pub inferred: bool,
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
    /// Whether it may join a person by a guess where no single person holds its
    /// role (not "die Sprecher", which may be plural, nor "der frühere Präsident").
    pub guess: bool,
}

/// An entity while it is being built.
struct Draft {
    kind: EntityKind,
    name: String,
    known: Option<usize>,
    attrs: Attributes,
    mentions: Vec<Mention>,
}

/// Groups `candidates` into entities and adds the role references that point to a
/// person ([`referent`]); entities are numbered `e1`, `e2` … by first mention.
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
            inferred: c.inferred,
        });
    }
    merge_acronyms(&mut drafts);
    for r in references {
        let persons = |may: fn(&Draft, &RoleWord, &Gazetteer) -> bool| -> Vec<usize> {
            (0..drafts.len())
                .filter(|&i| may(&drafts[i], &r.role, gazetteer))
                .collect()
        };
        // the one person holding the role is certain; else a guess by nearness,
        // party, gender and the roles a general noun covers
        let (one, inferred) = match persons(holds)[..] {
            [one] => (Some(one), false),
            _ if r.guess => (referent(&drafts, &persons(may_refer_to), r.span), true),
            _ => (None, false),
        };
        if let Some(one) = one {
            drafts[one].mentions.push(Mention {
                span: r.span,
                text: r.text.clone(),
                inferred,
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

/// The person a role reference at `at` refers back to among its `holders`: the
/// one named last before it, as a reader takes "der Minister" after two ministers;
/// else, where nobody holding the role is named before it, the only holder.
fn referent(drafts: &[Draft], holders: &[usize], at: Span) -> Option<usize> {
    let last_before = |&i: &usize| {
        drafts[i]
            .mentions
            .iter()
            .map(|m| m.span.start)
            .filter(|&start| start < at.start)
            .max()
    };
    let before = holders
        .iter()
        .filter_map(|i| last_before(i).map(|start| (start, *i)))
        .max();
    match (before, holders) {
        (Some((_, i)), _) => Some(i),
        (None, [one]) => Some(*one),
        (None, _) => None,
    }
}

/// Whether a person of `country` fits a role for the country `want`, if it names one.
fn in_country(want: Option<&str>, country: Option<&str>) -> bool {
    match (want, country) {
        (Some(want), Some(have)) => want == have,
        (Some(_), None) => false,
        (None, _) => true,
    }
}

/// Whether the role `held` is `role` or a more specific one: "der Kanzler" refers to
/// a Bundeskanzler.
fn covers(held: &str, role: &RoleWord) -> bool {
    held.to_lowercase().ends_with(&role.base.to_lowercase())
}

/// Whether the person `d` holds `role`: the article gives them that role, or the
/// gazetteer does (with the same country where the role names one). The only
/// holder in an article is whom the noun refers to for certain.
fn holds(d: &Draft, role: &RoleWord, gazetteer: &Gazetteer) -> bool {
    if d.kind != EntityKind::Person {
        return false;
    }
    let same_country = |country| in_country(role.country.as_deref(), country);
    let country = d.attrs.country.as_deref();
    let covers = |held: &str| covers(held, role);
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

/// Whether `role` may refer to the person `d`, where no single person holds it:
/// the article or gazetteer gives them that role or one it covers. A general noun
/// also covers the roles its `refers_to` names ("der Premier" a Ministerpräsident,
/// "der SPD-Politiker" any SPD member); a party in the noun ("SPD-") must be the
/// person's, a feminine noun ("die Ministerin") cannot refer to a man, and a
/// modified one ("der Ex-Präsident") only to someone the article calls so.
fn may_refer_to(d: &Draft, role: &RoleWord, gazetteer: &Gazetteer) -> bool {
    if d.kind != EntityKind::Person {
        return false;
    }
    let known = d.known.map(|id| &gazetteer.known()[id]);
    let gender = gender(d, known, gazetteer);
    if !Gender::agree(role.gender, gender) {
        return false;
    }
    let party = d
        .attrs
        .party
        .as_deref()
        .or_else(|| known.and_then(|k| k.party.as_deref()));
    let named_party = role
        .organisation
        .map(|o| &gazetteer.known()[o])
        .filter(|o| o.category.as_deref() == Some("party"))
        .map(|o| o.name.as_str());
    // a party in the noun must be the person's, unless the article gave the
    // person this very role ("CDU-Chef X … der CDU-Chef"): "der Grünen-Politiker"
    // is no head of state whose party nobody knows
    let same_role = d.attrs.roles.iter().any(|r| r.display == role.display);
    if named_party.is_some() && named_party != party && !same_role {
        return false;
    }
    // "der Ex-Präsident", "der frühere Minister": only whom the article calls so
    if role.modified {
        return same_role;
    }
    // a party's country ("SPD-Politiker": Deutschland) says nothing more than the
    // party does
    let want_country = role.country.as_deref().filter(|_| named_party.is_none());
    let same_country = |country| in_country(want_country, country);
    let country = d.attrs.country.as_deref();
    let covers = |held: &str| covers(held, role);
    let refers_to = gazetteer
        .role(&role.base)
        .map_or(&[][..], |r| &r.refers_to[..]);
    let general = |held: &str| {
        let domain = gazetteer.role(held).map(|r| r.domain.as_str());
        refers_to.iter().any(|to| {
            to == held
                || to
                    .strip_prefix("domain:")
                    .is_some_and(|f| Some(f) == domain)
        })
    };
    let in_article = same_role
        || d.attrs
            .roles
            .iter()
            .any(|r| (covers(&r.base) || general(&r.base)) && same_country(country));
    let in_gazetteer = known.is_some_and(|k| {
        k.roles.iter().any(|r| {
            gazetteer
                .role(r)
                .is_some_and(|x| covers(&x.base) || general(&x.base))
        }) && same_country(k.country.as_deref())
    });
    // "der SPD-Politiker": any member of the party the noun names
    let member = refers_to.iter().any(|to| to == "party")
        && party.is_some()
        && (named_party.is_none() || named_party == party)
        && same_country(country.or_else(|| known.and_then(|k| k.country.as_deref())));
    in_article || in_gazetteer || member
}

/// A person's gender: the list's where a list knows them, else the one every
/// role noun the article gives them shows ("Ministerin"), else their first name's
/// ([`Gazetteer::first_name_gender`]).
fn gender(d: &Draft, known: Option<&Known>, gazetteer: &Gazetteer) -> Option<Gender> {
    if d.kind != EntityKind::Person {
        return None;
    }
    if let Some(g) = known.and_then(|k| k.gender) {
        return Some(g);
    }
    let mut shown = d.attrs.roles.iter().filter_map(|r| r.gender);
    if let Some(first) = shown.next() {
        return shown.all(|g| g == first).then_some(first);
    }
    let mut words = d.name.split_whitespace();
    let first = words.next()?;
    words.next()?;
    gazetteer.first_name_gender(first)
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
            let gender = gender(&d, known, gazetteer);
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
                gender,
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
