//! Events: PLOVER-coded things that happened, or were said to happen, between actors.

use super::{ActorRef, Cue, DateRef};
use serde::Serialize;

/// The 16 PLOVER event types depesche codes (PLOVER's DEMAND is REQUEST here and
/// DISAPPROVE is ACCUSE, as `depesche/1` names them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EventType {
    /// Agree to, promise or offer cooperation.
    Agree,
    /// Meet, visit, phone, mediate.
    Consult,
    /// Verbal, diplomatic support: endorse, praise, sign.
    Support,
    /// Verbal concessions without immediate material consequences.
    Concede,
    /// Material cooperation that benefits both sides.
    Cooperate,
    /// Material aid: weapons, money, humanitarian goods.
    Aid,
    /// Material retreat: withdraw, release, ceasefire kept, resign.
    Retreat,
    /// Demands and appeals.
    Request,
    /// Accusations, criticism, investigations.
    Accuse,
    /// Rejections and denials.
    Reject,
    /// Threats.
    Threaten,
    /// Demonstrations, strikes, boycotts.
    Protest,
    /// Sanctions, expulsions, broken-off relations.
    Sanction,
    /// Troop and police deployments.
    Mobilize,
    /// Arrests, bans, deportations, seizures.
    Coerce,
    /// Attacks and violence.
    Assault,
}

impl EventType {
    /// Every type, in PLOVER's order.
    pub const ALL: [EventType; 16] = [
        EventType::Agree,
        EventType::Consult,
        EventType::Support,
        EventType::Concede,
        EventType::Cooperate,
        EventType::Aid,
        EventType::Retreat,
        EventType::Request,
        EventType::Accuse,
        EventType::Reject,
        EventType::Threaten,
        EventType::Protest,
        EventType::Sanction,
        EventType::Mobilize,
        EventType::Coerce,
        EventType::Assault,
    ];

    /// The PLOVER name: `CONSULT`.
    pub fn name(self) -> &'static str {
        match self {
            EventType::Agree => "AGREE",
            EventType::Consult => "CONSULT",
            EventType::Support => "SUPPORT",
            EventType::Concede => "CONCEDE",
            EventType::Cooperate => "COOPERATE",
            EventType::Aid => "AID",
            EventType::Retreat => "RETREAT",
            EventType::Request => "REQUEST",
            EventType::Accuse => "ACCUSE",
            EventType::Reject => "REJECT",
            EventType::Threaten => "THREATEN",
            EventType::Protest => "PROTEST",
            EventType::Sanction => "SANCTION",
            EventType::Mobilize => "MOBILIZE",
            EventType::Coerce => "COERCE",
            EventType::Assault => "ASSAULT",
        }
    }

    /// The type named `name` (`CONSULT`; any case).
    pub fn parse(name: &str) -> Option<EventType> {
        EventType::ALL
            .into_iter()
            .find(|t| t.name().eq_ignore_ascii_case(name))
    }
}

impl std::fmt::Display for EventType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One event, with every mention of it in the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    /// `v1`, `v2` … in order of first mention.
    pub id: String,
    /// The PLOVER type.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// The PLOVER mode ("meet", "phone", "deny"), where the trigger or its object tells it.
    pub mode: Option<String>,
    /// Who acts.
    pub source: Vec<ActorRef>,
    /// To or with whom.
    pub target: Vec<ActorRef>,
    /// Where it happened.
    pub location: Option<ActorRef>,
    /// When it happened: a time expression of its clause or of its noun, never of another sentence.
    pub date: Option<DateRef>,
    /// The word that names it in its first mention.
    pub trigger: Cue,
    /// The text says it did not happen.
    pub negated: bool,
    /// It is announced, intended or planned, not (yet) done.
    pub planned: bool,
    /// It would happen only under a condition ("könnte", "falls").
    pub hypothetical: bool,
    /// Only this speaker asserts it (it lies inside a quotation of theirs).
    pub claimed_by: Option<ActorRef>,
    /// Every trigger that names this event, the first one included.
    pub mentions: Vec<Cue>,
    /// The sentence of the first mention (index into `sentences`).
    pub sentence: usize,
}
