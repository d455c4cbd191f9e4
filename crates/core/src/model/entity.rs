//! Entities: the persons, organisations and places an article names, each with all
//! its mentions.

use serde::Serialize;

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum EntityKind {
    /// A person.
    #[serde(rename = "PER")]
    Person,
    /// An organisation: a party, government body, company, international body.
    #[serde(rename = "ORG")]
    Organisation,
    /// A place: a country, city, region or landmark.
    #[serde(rename = "LOC")]
    Place,
}

impl EntityKind {
    /// The schema's name: `PER`, `ORG` or `LOC`.
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "PER",
            EntityKind::Organisation => "ORG",
            EntityKind::Place => "LOC",
        }
    }

    /// Reads `PER`, `ORG` or `LOC` (GermEval's labels without `deriv`/`part`).
    pub fn parse(s: &str) -> Option<EntityKind> {
        match s {
            "PER" => Some(EntityKind::Person),
            "ORG" => Some(EntityKind::Organisation),
            "LOC" => Some(EntityKind::Place),
            _ => None,
        }
    }
}

impl std::fmt::Display for EntityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One place in the text where an entity is named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Where.
    #[serde(flatten)]
    pub span: super::Span,
    /// The text of the span.
    pub text: String,
    /// Whether this is a role noun tied to the entity by a guess (the holder named
    /// last before it, a party or general noun: "die SPD-Politikerin") rather than
    /// a name or the role only this entity holds. The quote models read entity
    /// kinds as clues to a sentence's shape and see no guesses, so these can
    /// change without retraining them.
    #[serde(skip)]
    pub inferred: bool,
}

/// A person's gender, as the lists give it, role nouns show it ("Ministerin") and
/// pronouns refer to it ("sie"): a feminine noun or pronoun cannot refer back to a
/// man.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// `f` in the lists; a feminine role noun or pronoun.
    Female,
    /// `m` in the lists; a masculine role noun or pronoun.
    Male,
}

impl Gender {
    /// Whether two genders, either perhaps unknown, can be the same person's.
    pub fn agree(a: Option<Gender>, b: Option<Gender>) -> bool {
        a.is_none() || b.is_none() || a == b
    }

    /// Whether `word` is a feminine form of a noun ("Ministerin", "Ministerinnen").
    pub fn is_feminine_form(word: &str) -> bool {
        word.ends_with("in") || word.ends_with("innen")
    }
}

/// A person, organisation or place with every mention of it in the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// `e1`, `e2` … in order of first mention.
    pub id: String,
    /// Person, organisation or place.
    pub kind: EntityKind,
    /// The fullest name the article (or a gazetteer) gives: "Donald Trump".
    pub name: String,
    /// The country the entity belongs to or acts for ("USA" for the US president).
    pub country: Option<String>,
    /// Offices named in the article ("US-Präsident").
    pub roles: Vec<String>,
    /// A person's party ("CDU").
    pub party: Option<String>,
    /// For a capital or seat of government ("Moskau", "Kreml"): the country whose
    /// government it can stand for. An extension of `depesche/1`.
    pub stands_for: Option<String>,
    /// A person's gender where a list, a role noun or the first name gives it; not
    /// part of the schema (a guess from a name is no fact about a person), only
    /// for resolving pronouns.
    #[serde(skip)]
    pub gender: Option<Gender>,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

impl Entity {
    /// Whether a word of `gender` ("sie", "die Ministerin") may refer to it: its
    /// gender is unknown or that one.
    pub fn may_be(&self, gender: Option<Gender>) -> bool {
        Gender::agree(self.gender, gender)
    }
}
