//! Attributes: the roles, country and party a sentence gives a person mention —
//! titles before the name ("US-Außenminister Marco Rubio"), appositions on either
//! side ("Der Außenminister von Italien, Antonio Tajani," / "Sergej Lawrow, der
//! russische Außenminister"), and parties ("(CDU)", "von der CDU", "CDU-Chef") —
//! and the role nouns that refer back to a person ("der US-Präsident").

use super::cues::Cues;
use super::gazetteer::Gazetteer;
use super::mentions::Found;
use super::roles::{read_role, RoleWord};
use crate::model::{EntityKind, Gender};

/// What the words around one person mention say about the person.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attributes {
    /// Offices, in the order found.
    pub roles: Vec<RoleWord>,
    /// The country the roles or an adjective name.
    pub country: Option<String>,
    /// The party (gazetteer name).
    pub party: Option<String>,
    /// The sentence tokens the roles were read from (they are titles, not references).
    pub role_tokens: Vec<usize>,
}

/// The sentence a mention's attributes are read from, with the stage's lexicons.
pub struct Context<'a> {
    /// The sentence's tokens.
    pub tokens: &'a [&'a str],
    /// Its mentions, in token order.
    pub found: &'a [Found],
    /// The gazetteers.
    pub gazetteer: &'a Gazetteer,
    /// The cue words.
    pub cues: &'a Cues,
}

impl Context<'_> {
    /// The attributes of the person mention `found[m]`.
    pub fn attributes(&self, m: usize) -> Attributes {
        let mention = &self.found[m];
        let mut attrs = Attributes::default();
        if let Some((at, role)) = self.role_before(mention.start, &mut attrs) {
            attrs.add_role(at, role, self.gazetteer);
        }
        if let Some((at, role)) = self.role_after(mention.end, &mut attrs) {
            attrs.add_role(at, role, self.gazetteer);
        }
        if attrs.party.is_none() {
            attrs.party = self.party_after(mention.end);
        }
        attrs
    }

    /// A title right before the name, or an apposition that ends with a comma before
    /// it; a country adjective before the role gives the country.
    fn role_before(&self, start: usize, attrs: &mut Attributes) -> Option<(usize, RoleWord)> {
        let mut j = start;
        if j > 0 && self.tokens[j - 1] == "," {
            j -= 1;
            // "Der Außenminister von Italien, Antonio Tajani"
            if let Some(place) = self.mention_ending_at(j) {
                attrs.country = self.country_of(place);
                j = place.start;
                if j > 0 && self.cues.is_apposition_link(self.tokens[j - 1]) {
                    j -= 1;
                }
            }
        }
        let at = j.checked_sub(1)?;
        let role = read_role(self.tokens.get(at)?, self.gazetteer)?;
        if role.country.is_none() && attrs.country.is_none() && at >= 1 {
            attrs.country = self.adjective_country(self.tokens[at - 1]);
        }
        Some((at, role))
    }

    /// An apposition after the name: ", der russische Außenminister (von Italien)".
    fn role_after(&self, end: usize, attrs: &mut Attributes) -> Option<(usize, RoleWord)> {
        if self.tokens.get(end) != Some(&",") {
            return None;
        }
        let mut j = end + 1;
        if self.cues.is_determiner(self.tokens.get(j)?) {
            j += 1;
        }
        let adjective = self.adjective_country(self.tokens.get(j)?);
        if adjective.is_some() {
            j += 1;
        }
        let role = read_role(self.tokens.get(j)?, self.gazetteer)?;
        if role.country.is_none() {
            attrs.country = adjective.or_else(|| {
                let link = self.cues.is_apposition_link(self.tokens.get(j + 1)?);
                let place = self.found.iter().find(|f| f.start == j + 2 && link)?;
                self.country_of(place)
            });
        }
        Some((j, role))
    }

    /// "(CDU)" or "von der CDU" right after the name.
    fn party_after(&self, end: usize) -> Option<String> {
        let rest = self.tokens.get(end..)?;
        let at = if rest.first() == Some(&"(") {
            end + 1
        } else {
            end + self.cues.party_link_at(rest)?
        };
        let party = self.found.iter().find(|f| f.start == at)?;
        self.party_of(party)
    }

    fn mention_ending_at(&self, end: usize) -> Option<&Found> {
        self.found
            .iter()
            .find(|f| f.end == end && f.kind != EntityKind::Person)
    }

    fn country_of(&self, found: &Found) -> Option<String> {
        let known = &self.gazetteer.known()[found.known?];
        (known.kind == EntityKind::Place)
            .then(|| known.country.clone())
            .flatten()
    }

    fn party_of(&self, found: &Found) -> Option<String> {
        let known = &self.gazetteer.known()[found.known?];
        (known.category.as_deref() == Some("party")).then(|| known.name.clone())
    }

    fn adjective_country(&self, word: &str) -> Option<String> {
        if !word.starts_with(char::is_lowercase) {
            return None;
        }
        let id = self.gazetteer.adjective_country(word)?;
        Some(self.gazetteer.known()[id].name.clone())
    }

    /// Whether the role noun at `i` is followed by the body it is for and then,
    /// after an optional comma, by a person's name: "Der Präsident des Deutschen
    /// Instituts für Wirtschaftsforschung (DIW), Marcel Fratzscher" names Fratzscher
    /// and refers back to nobody.
    fn names_after_its_body(&self, i: usize) -> bool {
        const BODY_WORDS: usize = 10;
        if !self
            .tokens
            .get(i + 1)
            .is_some_and(|w| self.cues.is_apposition_link(w))
        {
            return false;
        }
        let person_at = |k: usize| {
            self.found
                .iter()
                .any(|f| f.start == k && f.kind == EntityKind::Person)
        };
        for k in i + 2..(i + 2 + BODY_WORDS).min(self.tokens.len()) {
            if self.tokens[k] == "," {
                return person_at(k + 1);
            }
            if person_at(k) {
                return true;
            }
        }
        false
    }

    /// Role nouns after a determiner that are not titles of a name ("der US-Präsident
    /// sagte"): (token index, role, whether it may be resolved by a guess). They may
    /// refer back to a person. `titles` are the tokens [`Context::attributes`] read
    /// as a named person's role. A noun that a plural determiner makes plural ("die
    /// Sprecher"), that an adjective gives another holder ("der frühere Präsident")
    /// or whose body's apposition names its holder ("Der Präsident des RKI, Lars
    /// Schaade") is no guess's: it still joins the only holder of its role,
    /// as the quote models were trained to see it.
    pub fn role_references(&self, titles: &[usize]) -> Vec<(usize, RoleWord, bool)> {
        let mut out = Vec::new();
        for (i, word) in self.tokens.iter().enumerate().skip(1) {
            let determiner = if self.cues.is_determiner(self.tokens[i - 1]) {
                Some(self.tokens[i - 1])
            } else {
                (i >= 2
                    && self.cues.is_determiner(self.tokens[i - 2])
                    && self.tokens[i - 1].starts_with(char::is_lowercase))
                .then(|| self.tokens[i - 2])
            };
            let after_determiner = determiner.is_some();
            let titles_a_name = titles.contains(&i)
                || self
                    .found
                    .iter()
                    .any(|f| f.start == i + 1 || f.start <= i && i < f.end);
            if !after_determiner || titles_a_name || !word.starts_with(char::is_uppercase) {
                continue;
            }
            if let Some(mut role) = read_role(word, self.gazetteer) {
                // a plural names no one person: "den Verteidigungsministern der Nato",
                // "die Ministerinnen", "die Sprecher"
                let plural =
                    word.ends_with("innen") || (word.ends_with("ern") && role.base.ends_with("er"));
                if plural {
                    continue;
                }
                let maybe_plural = role.gender == Some(Gender::Male)
                    && determiner.is_some_and(|d| self.cues.is_plural_determiner(d));
                // "der frühere Präsident" is not the one holding it now
                let another_holder = self.cues.is_holder_adjective(self.tokens[i - 1]);
                let guess = !maybe_plural && !another_holder && !self.names_after_its_body(i);
                if role.country.is_none() && self.tokens[i - 1].starts_with(char::is_lowercase) {
                    role.country = self.adjective_country(self.tokens[i - 1]);
                }
                out.push((i, role, guess));
            }
        }
        out
    }
}

impl Attributes {
    fn add_role(&mut self, at: usize, role: RoleWord, gazetteer: &Gazetteer) {
        self.role_tokens.push(at);
        if let Some(org) = role.organisation {
            let known = &gazetteer.known()[org];
            if known.category.as_deref() == Some("party") {
                self.party.get_or_insert_with(|| known.name.clone());
            }
        }
        if self.country.is_none() {
            self.country = role.country.clone();
        }
        self.roles.push(role);
    }
}
