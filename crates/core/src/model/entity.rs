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
