//! Role words: a token that names an office, with what its compound first part adds
//! ("US-Präsident" → Präsident of the USA, "Bundesaußenminister" → Außenminister of
//! Germany, "CDU-Chef" → Chef of the CDU, "EU-Außenbeauftragten" → EU-Außenbeauftragte).

use super::gazetteer::{Gazetteer, PrefixMeaning, Role};
use crate::model::{EntityKind, Gender};

/// An office named by one token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleWord {
    /// The role as depesche outputs it: the token's prefix and the role noun in the
    /// nominative singular ("US-Präsident", "Bundesaußenminister", "EU-Außenbeauftragte").
    pub display: String,
    /// The base form of the role noun ("Außenminister").
    pub base: String,
    /// The country the role is for, from its prefix ("USA").
    pub country: Option<String>,
    /// The organisation its prefix names (gazetteer index: "EU", "CDU").
    pub organisation: Option<usize>,
    /// The gender its form shows ("Ministerin" female, "Minister" male); none for a
    /// noun whose forms do not tell ("Vorsitzende", "Staatsoberhaupt").
    pub gender: Option<Gender>,
    /// Whether its prefix names another holder than the plain role's
    /// ("Ex-Präsident", "Vizekanzler"): it refers back by a guess only to someone
    /// the article gives this very role.
    pub modified: bool,
}

/// Reads `word` as a role: a role noun on its own, after a hyphenated prefix
/// ("US-Präsident") or fused to a known prefix ("Bundesaußenminister").
pub fn read_role(word: &str, gazetteer: &Gazetteer) -> Option<RoleWord> {
    if let Some(role) = gazetteer.role(word) {
        return Some(RoleWord {
            display: nominative(word, &role.base),
            base: role.base.clone(),
            country: None,
            organisation: None,
            gender: gender_of(word, role),
            modified: false,
        });
    }
    if let Some((head, tail)) = word.rsplit_once('-') {
        let role = gazetteer.role(tail)?;
        let mut read = RoleWord {
            display: format!("{head}-{}", nominative(tail, &role.base)),
            base: role.base.clone(),
            country: None,
            organisation: None,
            gender: gender_of(tail, role),
            modified: false,
        };
        apply_prefix(&mut read, head, gazetteer);
        return Some(read);
    }
    // Fused: the longest known prefix whose rest, capitalised, is a role noun.
    let splits = word.char_indices().skip(2).map(|(i, _)| i);
    for at in splits {
        let (head, tail) = word.split_at(at);
        if gazetteer.prefix(head).is_none() {
            continue;
        }
        let tail = capitalise(tail);
        if let Some(role) = gazetteer.role(&tail) {
            let mut read = RoleWord {
                display: format!("{head}{}", decapitalise(&nominative(&tail, &role.base))),
                base: role.base.clone(),
                country: None,
                organisation: None,
                gender: gender_of(&tail, role),
                modified: false,
            };
            apply_prefix(&mut read, head, gazetteer);
            return Some(read);
        }
    }
    None
}

/// Adds what a compound's first part says: a country, or an organisation (and the
/// organisation's country).
fn apply_prefix(read: &mut RoleWord, head: &str, gazetteer: &Gazetteer) {
    match gazetteer.prefix(head) {
        Some(PrefixMeaning::Country(country)) => read.country = Some(country.clone()),
        Some(PrefixMeaning::Known(id)) => {
            let known = &gazetteer.known()[*id];
            if known.kind == EntityKind::Organisation {
                read.organisation = Some(*id);
            }
            read.country = known.country.clone();
        }
        Some(PrefixMeaning::Modifier) => read.modified = true,
        _ => {}
    }
}

/// The gender a role noun's form shows: female for a feminine form ("Ministerin",
/// "Ministerinnen"), male for another form of a noun that has feminine forms.
fn gender_of(written: &str, role: &Role) -> Option<Gender> {
    if !role.has_feminine {
        return None;
    }
    Some(if Gender::is_feminine_form(written) {
        Gender::Female
    } else {
        Gender::Male
    })
}

/// The nominative singular of an inflected role noun: "Präsidenten" → "Präsident",
/// "Ministerinnen" → "Ministerin", "Außenbeauftragten" → "Außenbeauftragte".
fn nominative(written: &str, base: &str) -> String {
    if written == base {
        return base.to_string();
    }
    if let Some(stem) = written.strip_suffix("innen") {
        return format!("{stem}in");
    }
    if written.ends_with("in") && !base.ends_with("in") {
        return written.to_string();
    }
    // Adjectival nouns (Außenbeauftragter, Vorsitzender): the weak form fits both
    // genders after an article.
    if let Some(weak) = base.strip_suffix('r') {
        let adjectival = weak.ends_with("te") || weak.ends_with("de");
        if adjectival && (written == weak || written.strip_suffix('n') == Some(weak)) {
            return weak.to_string();
        }
    }
    base.to_string()
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn decapitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::gazetteer::GazetteerFiles;

    fn sample() -> Gazetteer {
        Gazetteer::load(&GazetteerFiles {
            countries: "USA\tcountry\tUSA\tamerikanisch\tAmerikaner\tUS|USA\tWashington\t\n",
            places: "",
            organisations: "EU\tintl\tEU\t\tEU\nCDU\tparty\tCDU\tDeutschland\tCDU\n",
            officeholders: "",
            bundestag: "",
            roles: "Präsident\tPräsident|Präsidenten|Präsidentin|Präsidentinnen\tgovernment\tyes\n\
Außenminister\tAußenminister|Außenministerin\tgovernment\tyes\n\
Außenbeauftragter\tAußenbeauftragte|Außenbeauftragter|Außenbeauftragten\tdiplomacy\tyes\n\
Chef\tChef|Chefin\tother\tyes\n",
            role_prefixes: "Bundes\tDeutschland\nVize\tmodifier\nAußen\tfield\n",
            first_names: "",
            geonames: "",
        })
        .unwrap()
    }

    #[test]
    fn reads_prefixes_and_inflection() {
        let g = sample();
        let us = read_role("US-Präsidenten", &g).unwrap();
        assert_eq!(
            (us.display.as_str(), us.country.as_deref()),
            ("US-Präsident", Some("USA"))
        );
        let de = read_role("Bundesaußenministerin", &g).unwrap();
        assert_eq!(de.display, "Bundesaußenministerin");
        assert_eq!(de.base, "Außenminister");
        assert_eq!(de.country.as_deref(), Some("Deutschland"));
        let eu = read_role("EU-Außenbeauftragten", &g).unwrap();
        assert_eq!(eu.display, "EU-Außenbeauftragte");
        assert!(eu.organisation.is_some() && eu.country.is_none());
        let cdu = read_role("CDU-Chef", &g).unwrap();
        assert_eq!(cdu.country.as_deref(), Some("Deutschland"));
        assert_eq!(
            read_role("Präsidentinnen", &g).unwrap().display,
            "Präsidentin"
        );
        let vize = read_role("Vizepräsident", &g).unwrap();
        assert_eq!(vize.display, "Vizepräsident");
        // a deputy is another holder than the president; a field is no such thing
        assert!(vize.modified && !us.modified);
        assert!(!read_role("Außenchef", &g).unwrap().modified);
        assert!(read_role("Haus", &g).is_none());
        assert!(read_role("Bundesliga", &g).is_none());
    }
}
