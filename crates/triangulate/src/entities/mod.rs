//! Entities: named mentions found in a story's articles and grouped into identities across
//! spellings, titles, acronyms and scripts.
//!
//! Detection ([`detect`]) finds mentions per document; resolution (here) groups them:
//! full names by transliteration-aware keys ([`keys`]), then surnames, acronyms and role
//! phrases onto those groups.

pub mod detect;
pub mod gazetteer;
pub mod keys;
mod resolve;

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{DocId, DocSpan, EntityKind};
use crate::text::Doc;

pub use detect::{Form, Mention, MentionDetector, RuleDetector};

/// One identity (person, organisation, place, …) with every mention of it in the story.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Id, unique in the analysis (`<story>-e<n>`).
    pub id: String,
    /// Canonical name: the fullest common spelling.
    pub name: String,
    /// Person, organization, place, …
    pub kind: EntityKind,
    /// Every distinct surface spelling, sorted.
    pub aliases: Vec<String>,
    /// Ranks and titles stripped from the mentions ("Major General", "Tajik defense minister").
    pub roles: Vec<String>,
    /// Documents mentioning it, sorted.
    pub documents: Vec<DocId>,
    /// Every mention, in document then offset order.
    pub mentions: Vec<DocSpan>,
    /// Each alias with the mentions spelt that way.
    pub alias_mentions: BTreeMap<String, Vec<DocSpan>>,
    /// Military ranks the outlets give it, each with the mentions that state it.
    pub ranks: Vec<RankStatement>,
    /// True when two outlets (or one) state ranks that cannot both be right ("Brigadier
    /// General" / "Major General"); a bare "General" agrees with any general's rank.
    pub rank_conflict: bool,
}

/// One military rank stated of an entity, canonically spelt, with where it is stated.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct RankStatement {
    /// Canonical rank ("major general" for "Maj. Gen.", "Major-General", …).
    pub rank: String,
    /// The mentions whose stripped titles state it.
    pub mentions: Vec<DocSpan>,
}

/// Finds and groups the entities of one story. Ids are `<id_prefix>-e<n>`, numbered by
/// number of mentions (most first), then name.
pub fn resolve(docs: &[&Doc], id_prefix: &str) -> Vec<Entity> {
    resolve_with(&RuleDetector, docs, id_prefix)
}

/// [`resolve`] with another mention detector.
pub fn resolve_with(detector: &dyn MentionDetector, docs: &[&Doc], id_prefix: &str) -> Vec<Entity> {
    let mentions: Vec<Vec<Mention>> = docs.iter().map(|d| detector.detect(d)).collect();
    resolve::group(docs, &mentions, id_prefix)
}

#[cfg(test)]
mod tests;
