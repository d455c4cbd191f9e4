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
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}
