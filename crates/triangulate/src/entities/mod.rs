//! Entities: named mentions found in a story's articles and grouped into identities across
//! spellings, titles, acronyms and scripts.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{DocId, DocSpan, EntityKind};
use crate::text::Doc;

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
}

/// Finds and groups the entities of one story. Ids are `<id_prefix>-e<n>`, numbered by
/// number of mentions (most first), then name.
pub fn resolve(docs: &[&Doc], id_prefix: &str) -> Vec<Entity> {
    let _ = (docs, id_prefix);
    Vec::new()
}
