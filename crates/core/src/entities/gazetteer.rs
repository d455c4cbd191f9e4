//! Gazetteers: the names depesche knows before it reads an article — countries with
//! their adjectives, demonyms, compound prefixes, capitals and seats of government;
//! places; organisations; officeholders; members of the Bundestag; first names and
//! role nouns. They feed the NER model as features and tie mentions to known actors.
//!
//! The lists are data in `data/entities/` (see its README for sources and columns).

use crate::model::{EntityKind, Gender};
use crate::text::LexiconError;
use rustc_hash::{FxHashMap, FxHashSet};

/// One actor or place the gazetteers know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    /// The name depesche outputs ("USA", "Donald Trump", "Nato").
    pub name: String,
    /// Person, organisation or place.
    pub kind: EntityKind,
    /// The country it belongs to (a country is its own).
    pub country: Option<String>,
    /// A person's party.
    pub party: Option<String>,
    /// A person's offices ("US-Präsident" is stored as role "Präsident", country "USA").
    pub roles: Vec<String>,
    /// For a capital or seat of government: the country whose government it stands for.
    pub stands_for: Option<String>,
    /// The kind column of its list (`party`, `intl`, `country`, `city` …); none for persons.
    pub category: Option<String>,
    /// A person's gender where the list gives it.
    pub gender: Option<Gender>,
}

/// The gender a list's column gives (`f`, `m`), none where it is empty.
fn gender_field(field: &str) -> Option<Gender> {
    match field {
        "f" => Some(Gender::Female),
        "m" => Some(Gender::Male),
        _ => None,
    }
}

/// `written` with each word's first letter upper-case and the rest lower-case
/// ("BÜNDNIS 90/DIE GRÜNEN" → "Bündnis 90/Die Grünen").
fn capitalised(written: &str) -> String {
    let mut out = String::with_capacity(written.len());
    let mut in_word = false;
    for c in written.chars() {
        if in_word {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        in_word = c.is_alphabetic();
    }
    out
}

/// The share of a first name's bearers who must share a gender for the name to
/// give it.
const FIRST_NAME_GENDER_SHARE: f64 = 0.95;

/// Counts `gender` for the first word of a listed person's `name`, as (female,
/// male) bearers.
fn count_first_name(seen: &mut FxHashMap<String, (u32, u32)>, name: &str, gender: Option<Gender>) {
    let Some(first) = name.split_whitespace().next() else {
        return;
    };
    let counts = seen.entry(first.to_string()).or_default();
    match gender {
        Some(Gender::Female) => counts.0 += 1,
        Some(Gender::Male) => counts.1 += 1,
        None => {}
    }
}

/// A role noun ("Außenminister") with the facts depesche needs about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// The base form: "Außenminister".
    pub base: String,
    /// The field it belongs to (`government`, `party`, `diplomacy` …).
    pub domain: String,
    /// Whom a general noun may also refer back to ("der Premier" to a
    /// Ministerpräsident, "der Politiker" to anyone in politics): role base forms,
    /// `domain:` fields, and `party` for any member of a party.
    pub refers_to: Vec<String>,
    /// Whether it has feminine forms ("Ministerin"), so that its forms tell a
    /// gender; "Vorsitzende" and "Staatsoberhaupt" do not.
    pub has_feminine: bool,
}

/// What a compound's first part names: "US-" a country, "EU-" an organisation,
/// "Bundes-" Germany, "Vize-" nothing but a modifier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrefixMeaning {
    /// A known actor (index into [`Gazetteer::known`]).
    Known(usize),
    /// A country named by a role prefix ("Bundes" → Deutschland).
    Country(String),
    /// A modifier that makes another holder than the plain role's ("Vize", "Ex",
    /// "Landes"): "der Ex-Präsident" is not the president.
    Modifier,
    /// A field or body the role is in ("Gesundheits", "Partei"): the holder is one
    /// of the plain role's.
    Qualifier,
}

/// All gazetteers, indexed for token lookups.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    known: Vec<Known>,
    /// Multi-word names by their first token: (all tokens, index into `known`).
    names: NameIndex<usize>,
    /// Lower-case adjective stems → country.
    adjectives: FxHashMap<String, usize>,
    /// Demonyms ("Russen") → country.
    demonyms: FxHashMap<String, usize>,
    /// Lower-case compound first parts ("us", "eu", "cdu", "bundes", "vize").
    prefixes: FxHashMap<String, PrefixMeaning>,
    first_names: FxHashSet<String>,
    /// First names nearly every person in the lists who bears them shares a
    /// gender with ("Annalena" → female), from `bundestag.tsv` and
    /// `officeholders.tsv`.
    first_name_genders: FxHashMap<String, Gender>,
    /// GeoNames place names by first token (a feature only).
    geonames: NameIndex<()>,
    /// Last names of the known persons ("Wadephul").
    surnames: FxHashSet<String>,
    /// Known persons' surnames that open with a lower-case particle ("von der
    /// Leyen", "bin Salman"), also with the particle capitalised as a sentence
    /// opens with it ("Von der Leyen"): a name without its first name.
    particle_surnames: NameIndex<usize>,
    /// Every inflected role form → its role.
    roles: FxHashMap<String, usize>,
    role_list: Vec<Role>,
}

/// Names by their first token: all tokens of each name, and what it stands for.
type NameIndex<T> = FxHashMap<String, Vec<(Vec<String>, T)>>;

/// Adds the name made of `tokens` to `index` under its first token, once.
fn index_name<T: PartialEq>(index: &mut NameIndex<T>, tokens: Vec<String>, value: T) {
    let Some(first) = tokens.first().cloned() else {
        return;
    };
    let entries = index.entry(first).or_default();
    if !entries.iter().any(|(t, _)| *t == tokens) {
        entries.push((tokens, value));
    }
}

/// The longest name of `index` starting at `tokens[at]`: (token count, its value).
fn longest_match<T: Copy>(index: &NameIndex<T>, tokens: &[&str], at: usize) -> Option<(usize, T)> {
    index
        .get(*tokens.get(at)?)?
        .iter()
        .filter(|(t, _)| {
            tokens.len() >= at + t.len() && t.iter().zip(&tokens[at..]).all(|(a, b)| a == b)
        })
        .max_by_key(|(t, _)| t.len())
        .map(|(t, value)| (t.len(), *value))
}

/// Walks `tokens` left to right, calling `tag(start, len, value)` for each longest
/// name of `index` and skipping past it.
fn each_longest<T: Copy>(
    index: &NameIndex<T>,
    tokens: &[&str],
    mut tag: impl FnMut(usize, usize, T),
) {
    let mut i = 0;
    while i < tokens.len() {
        match longest_match(index, tokens, i) {
            Some((len, value)) => {
                tag(i, len, value);
                i += len;
            }
            None => i += 1,
        }
    }
}

const ADJECTIVE_ENDINGS: [&str; 6] = ["", "e", "en", "er", "es", "em"];

/// The column reader shared by the gazetteer files.
struct Rows<'t> {
    file: &'static str,
    text: &'t str,
}

impl<'t> Rows<'t> {
    fn each(
        &self,
        mut f: impl FnMut(usize, Vec<&'t str>) -> Result<(), String>,
    ) -> Result<(), LexiconError> {
        for (i, line) in self.text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            f(i + 1, cols).map_err(|reason| LexiconError {
                file: self.file,
                line: i + 1,
                reason,
            })?;
        }
        Ok(())
    }
}

fn col<'t>(cols: &[&'t str], i: usize) -> &'t str {
    cols.get(i).copied().unwrap_or("")
}

fn alts(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// The gazetteer files as (file name, text), in load order.
pub struct GazetteerFiles<'t> {
    /// `countries.tsv`.
    pub countries: &'t str,
    /// `places.tsv`.
    pub places: &'t str,
    /// `organisations.tsv`.
    pub organisations: &'t str,
    /// `officeholders.tsv`.
    pub officeholders: &'t str,
    /// `bundestag.tsv`.
    pub bundestag: &'t str,
    /// `roles.tsv`.
    pub roles: &'t str,
    /// `role_prefixes.tsv`.
    pub role_prefixes: &'t str,
    /// `first_names.txt`.
    pub first_names: &'t str,
    /// GeoNames place names, one per line (feature only).
    pub geonames: &'t str,
}

impl Gazetteer {
    /// The gazetteers shipped in `crates/core/data/entities/`.
    pub fn german() -> Result<Gazetteer, LexiconError> {
        Gazetteer::load(&GazetteerFiles {
            countries: include_str!("../../data/entities/countries.tsv"),
            places: include_str!("../../data/entities/places.tsv"),
            organisations: include_str!("../../data/entities/organisations.tsv"),
            officeholders: include_str!("../../data/entities/officeholders.tsv"),
            bundestag: include_str!("../../data/entities/bundestag.tsv"),
            roles: include_str!("../../data/entities/roles.tsv"),
            role_prefixes: include_str!("../../data/entities/role_prefixes.tsv"),
            first_names: include_str!("../../data/entities/first_names.txt"),
            geonames: include_str!("../../data/entities/geonames.txt"),
        })
    }

    /// Builds the gazetteer from the files' texts.
    pub fn load(files: &GazetteerFiles<'_>) -> Result<Gazetteer, LexiconError> {
        let mut g = Gazetteer::default();
        let mut first_names_seen = FxHashMap::default();
        Rows {
            file: "organisations.tsv",
            text: files.organisations,
        }
        .each(|_, c| {
            let name = col(&c, 0);
            if name.is_empty() {
                return Err("an organisation needs a name".to_string());
            }
            let id = g.add_known(Known {
                name: name.to_string(),
                kind: EntityKind::Organisation,
                country: non_empty(col(&c, 3)),
                party: None,
                roles: Vec::new(),
                stands_for: None,
                category: non_empty(col(&c, 1)),
                gender: None,
            });
            g.add_name(name, id);
            for n in alts(col(&c, 2)) {
                g.add_name(n, id);
            }
            for p in alts(col(&c, 4)) {
                g.prefixes
                    .entry(p.to_lowercase())
                    .or_insert(PrefixMeaning::Known(id));
            }
            Ok(())
        })?;
        Rows {
            file: "countries.tsv",
            text: files.countries,
        }
        .each(|_, c| {
            let key = col(&c, 0);
            if key.is_empty() {
                return Err("a country needs a key".to_string());
            }
            let id = g.add_known(Known {
                name: key.to_string(),
                kind: EntityKind::Place,
                country: Some(key.to_string()),
                party: None,
                roles: Vec::new(),
                stands_for: None,
                category: Some("country".to_string()),
                gender: None,
            });
            g.add_name(key, id);
            for n in alts(col(&c, 2)) {
                g.add_name(n, id);
            }
            for a in alts(col(&c, 3)) {
                g.adjectives.insert(a.to_lowercase(), id);
            }
            for d in alts(col(&c, 4)) {
                g.demonyms.insert(d.to_string(), id);
            }
            for p in alts(col(&c, 5)) {
                g.prefixes
                    .insert(p.to_lowercase(), PrefixMeaning::Known(id));
            }
            // Capitals and seats of government are places that also stand for the
            // country's government ("Moskau dementierte").
            for field in [col(&c, 6), col(&c, 7)] {
                for place in alts(field) {
                    // A seat that is an organisation ("Bundesregierung") stays one.
                    if let Some(id) = g.lookup_name(place) {
                        g.known[id]
                            .stands_for
                            .get_or_insert_with(|| key.to_string());
                        continue;
                    }
                    let pid = g.add_known(Known {
                        name: place.to_string(),
                        kind: EntityKind::Place,
                        country: Some(key.to_string()),
                        party: None,
                        roles: Vec::new(),
                        stands_for: Some(key.to_string()),
                        category: Some("seat".to_string()),
                        gender: None,
                    });
                    g.add_name(place, pid);
                }
            }
            Ok(())
        })?;
        Rows {
            file: "places.tsv",
            text: files.places,
        }
        .each(|_, c| {
            let mut names = alts(col(&c, 0));
            let Some(canonical) = names.next() else {
                return Err("a place needs a name".to_string());
            };
            let id = match g.lookup_name(canonical) {
                Some(id) => id,
                None => g.add_known(Known {
                    name: canonical.to_string(),
                    kind: EntityKind::Place,
                    country: non_empty(col(&c, 2)),
                    party: None,
                    roles: Vec::new(),
                    stands_for: None,
                    category: non_empty(col(&c, 1)),
                    gender: None,
                }),
            };
            g.add_name(canonical, id);
            for n in names {
                g.add_name(n, id);
            }
            Ok(())
        })?;
        Rows {
            file: "officeholders.tsv",
            text: files.officeholders,
        }
        .each(|_, c| {
            let name = col(&c, 0);
            if name.is_empty() {
                return Err("an officeholder needs a name".to_string());
            }
            count_first_name(&mut first_names_seen, name, gender_field(col(&c, 4)));
            let id = match g.lookup_name(name) {
                Some(id) if g.known[id].kind == EntityKind::Person => id,
                _ => {
                    let id = g.add_known(Known {
                        name: name.to_string(),
                        kind: EntityKind::Person,
                        country: non_empty(col(&c, 1)),
                        party: g.party_name(col(&c, 3)),
                        roles: Vec::new(),
                        stands_for: None,
                        category: None,
                        gender: gender_field(col(&c, 4)),
                    });
                    g.add_name(name, id);
                    id
                }
            };
            if let Some(role) = non_empty(col(&c, 2)) {
                g.known[id].roles.push(role);
            }
            for n in alts(col(&c, 5)) {
                g.add_name(n, id);
            }
            Ok(())
        })?;
        Rows {
            file: "bundestag.tsv",
            text: files.bundestag,
        }
        .each(|_, c| {
            let name = col(&c, 0);
            if name.is_empty() {
                return Err("a member needs a name".to_string());
            }
            count_first_name(&mut first_names_seen, name, gender_field(col(&c, 2)));
            if g.lookup_name(name).is_some() {
                return Ok(());
            }
            let id = g.add_known(Known {
                name: name.to_string(),
                kind: EntityKind::Person,
                country: Some("Deutschland".to_string()),
                party: g.party_name(col(&c, 1)),
                roles: Vec::new(),
                stands_for: None,
                category: None,
                gender: gender_field(col(&c, 2)),
            });
            g.add_name(name, id);
            Ok(())
        })?;
        let mut references = Vec::new();
        Rows {
            file: "roles.tsv",
            text: files.roles,
        }
        .each(|line, c| {
            let base = col(&c, 0);
            if base.is_empty() {
                return Err("a role needs a base form".to_string());
            }
            let id = g.role_list.len();
            let has_feminine =
                !Gender::is_feminine_form(base) && alts(col(&c, 1)).any(Gender::is_feminine_form);
            g.role_list.push(Role {
                base: base.to_string(),
                domain: col(&c, 2).to_string(),
                refers_to: alts(col(&c, 4)).map(str::to_string).collect(),
                has_feminine,
            });
            references.extend(alts(col(&c, 4)).map(|r| (line, r)));
            g.roles.insert(base.to_string(), id);
            for f in alts(col(&c, 1)) {
                g.roles.entry(f.to_string()).or_insert(id);
            }
            Ok(())
        })?;
        g.check_role_references(&references)?;
        Rows {
            file: "role_prefixes.tsv",
            text: files.role_prefixes,
        }
        .each(|_, c| {
            let prefix = col(&c, 0);
            let meaning = match col(&c, 1) {
                "" => return Err("a role prefix needs a meaning".to_string()),
                "modifier" => PrefixMeaning::Modifier,
                "field" | "organisation" => PrefixMeaning::Qualifier,
                country => PrefixMeaning::Country(country.to_string()),
            };
            g.prefixes.entry(prefix.to_lowercase()).or_insert(meaning);
            Ok(())
        })?;
        for (id, k) in g.known.iter().enumerate() {
            if k.kind == EntityKind::Person {
                if let Some(last) = k.name.split_whitespace().last() {
                    g.surnames.insert(last.to_string());
                }
                let words: Vec<String> = k.name.split_whitespace().map(str::to_string).collect();
                let particle = (1..words.len()).find(|&j| words[j].starts_with(char::is_lowercase));
                if let Some(j) = particle.filter(|&j| j + 1 < words.len()) {
                    let surname = words[j..].to_vec();
                    let mut opening = surname.clone();
                    opening[0] = capitalised(&opening[0]);
                    index_name(&mut g.particle_surnames, opening, id);
                    index_name(&mut g.particle_surnames, surname, id);
                }
            }
        }
        for line in files.geonames.lines() {
            let name = line.trim();
            if name.is_empty() || name.starts_with('#') {
                continue;
            }
            let tokens: Vec<String> = name.split_whitespace().map(str::to_string).collect();
            g.geonames
                .entry(tokens[0].clone())
                .or_default()
                .push((tokens, ()));
        }
        for line in files.first_names.lines() {
            let name = line.trim();
            if !name.is_empty() && !name.starts_with('#') {
                g.first_names.insert(name.to_string());
            }
        }
        for (name, (female, male)) in first_names_seen {
            let share = |n: u32| f64::from(n) / f64::from(female + male);
            let gender = if female > 0 && share(female) >= FIRST_NAME_GENDER_SHARE {
                Gender::Female
            } else if male > 0 && share(male) >= FIRST_NAME_GENDER_SHARE {
                Gender::Male
            } else {
                continue;
            };
            g.first_name_genders.insert(name, gender);
        }
        Ok(g)
    }

    /// Fails on a `refers_to` entry of `roles.tsv` (line, entry) that names neither
    /// a role, nor a `domain:` some role has, nor `party`.
    fn check_role_references(&self, references: &[(usize, &str)]) -> Result<(), LexiconError> {
        for &(line, entry) in references {
            let known = match entry.strip_prefix("domain:") {
                Some(domain) => self.role_list.iter().any(|r| r.domain == domain),
                None => entry == "party" || self.role_list.iter().any(|r| r.base == entry),
            };
            if !known {
                return Err(LexiconError {
                    file: "roles.tsv",
                    line,
                    reason: format!(
                        "refers_to names {entry:?}, which is no role, domain or `party`"
                    ),
                });
            }
        }
        Ok(())
    }

    /// A party as the lists write it ("BÜNDNIS 90/DIE GRÜNEN", "DIE LINKE."), under
    /// the name of the party organisation it names where there is one ("Grüne"), so
    /// that a member's party compares with a role's prefix ("Grünen-Politikerin").
    /// The Bundestag's capitals are read as the organisation list writes names, not
    /// added to it: a name there is also a feature of the NER model.
    fn party_name(&self, written: &str) -> Option<String> {
        let written = non_empty(written)?;
        let organisation = |name: &str| {
            self.lookup_name(name)
                .map(|id| &self.known[id])
                .filter(|k| k.kind == EntityKind::Organisation)
                .map(|k| k.name.clone())
        };
        let as_listed = capitalised(written.trim_end_matches('.'));
        Some(
            organisation(&written)
                .or_else(|| organisation(&as_listed))
                .unwrap_or(written),
        )
    }

    fn add_known(&mut self, known: Known) -> usize {
        self.known.push(known);
        self.known.len() - 1
    }

    fn add_name(&mut self, name: &str, id: usize) {
        let tokens: Vec<String> = name.split_whitespace().map(str::to_string).collect();
        index_name(&mut self.names, tokens, id);
    }

    fn lookup_name(&self, name: &str) -> Option<usize> {
        let tokens: Vec<&str> = name.split_whitespace().collect();
        self.names
            .get(*tokens.first()?)?
            .iter()
            .find(|(t, _)| t.iter().map(String::as_str).eq(tokens.iter().copied()))
            .map(|(_, id)| *id)
    }

    /// Every known actor and place.
    pub fn known(&self) -> &[Known] {
        &self.known
    }

    /// The longest known name starting at `tokens[at]`: (token count, known index).
    pub fn longest_name(&self, tokens: &[&str], at: usize) -> Option<(usize, usize)> {
        longest_match(&self.names, tokens, at)
    }

    /// The known person whose surname with its particles starts at `tokens[at]`
    /// ("von der Leyen", also "Von der Leyen" opening a sentence): (token count,
    /// known index).
    pub fn particle_surname(&self, tokens: &[&str], at: usize) -> Option<(usize, usize)> {
        longest_match(&self.particle_surnames, tokens, at)
    }

    /// The country a lower- or upper-case adjective form names ("russischen" → Russland).
    pub fn adjective_country(&self, word: &str) -> Option<usize> {
        let lower = word.to_lowercase();
        ADJECTIVE_ENDINGS.iter().find_map(|end| {
            lower
                .strip_suffix(end)
                .and_then(|stem| self.adjectives.get(stem).copied())
        })
    }

    /// The country a demonym names ("Russen" → Russland).
    pub fn demonym_country(&self, word: &str) -> Option<usize> {
        self.demonyms.get(word).copied()
    }

    /// What a compound's first part means ("US" of "US-Präsident").
    pub fn prefix(&self, part: &str) -> Option<&PrefixMeaning> {
        self.prefixes.get(&part.to_lowercase())
    }

    /// Whether `name` is a country key of `countries.tsv` ("USA"), not an
    /// organisation that an office belongs to ("EU", "CDU/CSU").
    pub fn is_country(&self, name: &str) -> bool {
        self.lookup_name(name)
            .is_some_and(|id| self.known[id].category.as_deref() == Some("country"))
    }

    /// Whether `word` is the last name of a known person.
    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }

    /// Whether `word` is a known first name.
    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(word)
    }

    /// The gender nearly all listed bearers of the first name `word` share.
    pub fn first_name_gender(&self, word: &str) -> Option<Gender> {
        self.first_name_genders.get(word).copied()
    }

    /// The role an inflected role noun is a form of ("Außenministerin" → Außenminister).
    pub fn role(&self, word: &str) -> Option<&Role> {
        self.roles.get(word).map(|&i| &self.role_list[i])
    }

    /// The gazetteer's tags for each token, as the NER features use them: `B-LOC`,
    /// `I-PER` (longest known name), `ADJ-LOC` (country adjective), `DEM` (demonym),
    /// `FN` (first name), `LN` (a known person's last name), `ROLE`, `HEAD-LOC`/`HEAD-ORG` (compound first part).
    pub fn tag_tokens(&self, tokens: &[&str]) -> Vec<Vec<&'static str>> {
        let mut tags: Vec<Vec<&'static str>> = vec![Vec::new(); tokens.len()];
        each_longest(&self.names, tokens, |i, len, id| {
            let (begin, inside) = match self.known[id].kind {
                EntityKind::Person => ("B-PER", "I-PER"),
                EntityKind::Organisation => ("B-ORG", "I-ORG"),
                EntityKind::Place => ("B-LOC", "I-LOC"),
            };
            tags[i].push(begin);
            for t in tags.iter_mut().skip(i + 1).take(len - 1) {
                t.push(inside);
            }
            if self.known[id].stands_for.is_some() {
                tags[i].push("SEAT");
            }
        });
        each_longest(&self.geonames, tokens, |i, len, ()| {
            tags[i].push("B-GEO");
            for t in tags.iter_mut().skip(i + 1).take(len - 1) {
                t.push("I-GEO");
            }
        });
        for (t, word) in tags.iter_mut().zip(tokens) {
            if self.adjective_country(word).is_some() {
                t.push("ADJ-LOC");
            }
            if self.demonym_country(word).is_some() {
                t.push("DEM");
            }
            if self.is_first_name(word) {
                t.push("FN");
            }
            if self.is_surname(word) {
                t.push("LN");
            }
            if self.role(word).is_some() {
                t.push("ROLE");
            }
            if let Some((head, _)) = word.split_once('-') {
                match self.prefix(head) {
                    Some(PrefixMeaning::Known(id)) => t.push(match self.known[*id].kind {
                        EntityKind::Person => "HEAD-PER",
                        EntityKind::Organisation => "HEAD-ORG",
                        EntityKind::Place => "HEAD-LOC",
                    }),
                    Some(PrefixMeaning::Country(_)) => t.push("HEAD-LOC"),
                    _ => {}
                }
                if let Some((_, rest)) = word.rsplit_once('-') {
                    if self.role(rest).is_some() {
                        t.push("ROLE");
                    }
                }
            }
        }
        tags
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Gazetteer {
        Gazetteer::load(&GazetteerFiles {
            countries: "# key\tkind\tnames\tadjectives\tdemonyms\tprefixes\tcapital\tseats\n\
USA\tcountry\tUSA|Vereinigte Staaten\tamerikanisch|us-amerikanisch\tAmerikaner\tUS|USA\tWashington\tWeißes Haus|Weißen Haus\n\
Russland\tcountry\tRussland|Russlands\trussisch\tRusse|Russen\tRussland\tMoskau\tKreml|Moskau\n",
            places: "Bayern|Bayerns\tstate\tDeutschland\n",
            organisations: "Nato\tintl\tNato|NATO\t\tNato\nCDU\tparty\tCDU\tDeutschland\tCDU\n",
            officeholders: "Donald Trump\tUSA\tPräsident\tRepublikaner\tm\t\n",
            bundestag: "Johann Wadephul\tCDU\tm\t21\n",
            roles: "Präsident\tPräsident|Präsidenten|Präsidentin\tpolitics\tyes\n",
            role_prefixes: "Bundes\tDeutschland\nVize\tmodifier\n",
            first_names: "# names\nDonald\nJohann\n",
            geonames: "",
        })
        .unwrap()
    }

    #[test]
    fn finds_longest_names_and_their_kinds() {
        let g = sample();
        let tokens = [
            "Die",
            "Vereinigte",
            "Staaten",
            "und",
            "Donald",
            "Trump",
            "im",
            "Weißen",
            "Haus",
        ];
        let tags = g.tag_tokens(&tokens);
        assert_eq!(tags[1], ["B-LOC"]);
        assert_eq!(tags[2], ["I-LOC"]);
        assert!(tags[4].contains(&"B-PER") && tags[4].contains(&"FN"));
        assert!(tags[7].contains(&"SEAT"));
        let (len, id) = g.longest_name(&tokens, 7).unwrap();
        assert_eq!(len, 2);
        assert_eq!(g.known()[id].stands_for.as_deref(), Some("USA"));
    }

    #[test]
    fn reads_adjectives_demonyms_prefixes_and_roles() {
        let g = sample();
        let russland = g.adjective_country("russischen").unwrap();
        assert_eq!(g.known()[russland].name, "Russland");
        assert_eq!(g.demonym_country("Russen"), Some(russland));
        assert!(matches!(g.prefix("US"), Some(PrefixMeaning::Known(_))));
        assert_eq!(
            g.prefix("bundes"),
            Some(&PrefixMeaning::Country("Deutschland".into()))
        );
        assert_eq!(g.role("Präsidentin").unwrap().base, "Präsident");
        let tags = g.tag_tokens(&["US-Präsident", "NATO-Gipfel"]);
        assert!(tags[0].contains(&"HEAD-LOC") && tags[0].contains(&"ROLE"));
        assert!(tags[1].contains(&"HEAD-ORG"));
    }

    #[test]
    fn officeholders_keep_roles_and_members_their_party() {
        let g = sample();
        let trump = g.lookup_name("Donald Trump").unwrap();
        assert_eq!(g.known()[trump].roles, ["Präsident"]);
        let w = g.lookup_name("Johann Wadephul").unwrap();
        assert_eq!(g.known()[w].party.as_deref(), Some("CDU"));
    }

    #[test]
    fn roles_read_domains_references_and_genders() {
        let g = Gazetteer::load(&GazetteerFiles {
            organisations: "Grüne\tparty\tGrüne|Bündnis 90/Die Grünen\tDeutschland\tGrünen\n\
                            Linke\tparty\tLinke|Die Linke\tDeutschland\tLinken\n",
            bundestag: "Anna Beispiel\tBÜNDNIS 90/DIE GRÜNEN\tf\t21\n\
                        Bert Beispiel\tDIE LINKE.\tm\t21\n",
            roles: "Politiker\tPolitiker|Politikerin\tpolitics\tno\tdomain:government|party\n\
                    Minister\tMinister|Ministerin\tgovernment\tno\n\
                    Vorsitzender\tVorsitzender|Vorsitzende\tother\tyes\n",
            ..files()
        })
        .unwrap();
        let politiker = g.role("Politikerin").unwrap();
        assert_eq!(politiker.domain, "politics");
        assert_eq!(politiker.refers_to, ["domain:government", "party"]);
        assert!(politiker.has_feminine && !g.role("Vorsitzende").unwrap().has_feminine);
        let anna = g.lookup_name("Anna Beispiel").unwrap();
        // the list's spelling of the party becomes the party organisation's name
        assert_eq!(g.known()[anna].party.as_deref(), Some("Grüne"));
        let bert = g.lookup_name("Bert Beispiel").unwrap();
        assert_eq!(g.known()[bert].party.as_deref(), Some("Linke"));
        // first names give the gender their listed bearers share
        assert_eq!(g.first_name_gender("Anna"), Some(Gender::Female));
        assert_eq!(g.first_name_gender("Bert"), Some(Gender::Male));
        assert_eq!(g.first_name_gender("Beispiel"), None);
        assert_eq!(g.known()[anna].gender, Some(Gender::Female));
    }

    #[test]
    fn a_role_reference_to_nothing_names_its_line() {
        let e = Gazetteer::load(&GazetteerFiles {
            roles: "# x\nPremier\tPremier\tgovernment\tyes\tPremierminister\n",
            ..files()
        })
        .unwrap_err();
        assert_eq!((e.file, e.line), ("roles.tsv", 2));
        assert!(e.reason.contains("Premierminister"), "{}", e.reason);
    }

    /// Empty gazetteer files.
    fn files() -> GazetteerFiles<'static> {
        GazetteerFiles {
            countries: "",
            places: "",
            organisations: "",
            officeholders: "",
            bundestag: "",
            roles: "",
            role_prefixes: "",
            first_names: "",
            geonames: "",
        }
    }

    #[test]
    fn names_the_file_and_line_of_a_bad_row() {
        let e = Gazetteer::load(&GazetteerFiles {
            organisations: "# x\n\tintl\n",
            ..files()
        })
        .unwrap_err();
        assert_eq!((e.file, e.line), ("organisations.tsv", 2));
    }
}
