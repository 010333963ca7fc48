//! Statements: quotes with speakers, upstream citations, claims with their support and
//! conflicts, and the timeline of one story.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::entities::Entity;
use crate::model::DocId;
use crate::text::Doc;

/// One rendering of a quote in one article.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct QuoteVariant {
    /// Document id.
    pub document: DocId,
    /// The quoted words, without the quotation marks.
    pub text: String,
    /// Start of the quoted words in the document's text.
    pub start: usize,
    /// End of the quoted words.
    pub end: usize,
    /// True when the words stand inside quotation marks in this article; false for
    /// reported (indirect) speech.
    pub verbatim: bool,
}

/// One utterance, with its renderings across articles.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Id, unique in the analysis (`<story>-q<n>`).
    pub id: String,
    /// Entity id of the speaker, when resolved.
    pub speaker: Option<String>,
    /// The speaker as named in the text.
    pub speaker_name: Option<String>,
    /// Renderings, in document order.
    pub variants: Vec<QuoteVariant>,
}

/// An upstream source an article attributes content to.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    /// Document id.
    pub document: DocId,
    /// Normalised source name ("Fars News Agency").
    pub source: String,
    /// Start of the attribution phrase in the document's text.
    pub start: usize,
    /// End of the attribution phrase.
    pub end: usize,
}

/// One side of a conflict: a value and where it is stated.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct ConflictValue {
    /// The value as stated.
    pub value: String,
    /// Document id.
    pub document: DocId,
    /// Start of the value in the document's text.
    pub start: usize,
    /// End of the value.
    pub end: usize,
}

/// The same slot of a claim stated with different values.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// What differs: `number`, `date`, `place`, `name`, `rank`.
    pub slot: String,
    /// Each value with its spans.
    pub values: Vec<ConflictValue>,
}

/// Where a claim is stated.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct Support {
    /// Document id.
    pub document: DocId,
    /// Start of the sentence stating it.
    pub start: usize,
    /// End of the sentence.
    pub end: usize,
    /// Upstream source the article attributes it to, if any.
    pub attributed_to: Option<String>,
}

/// A factual statement (carrying numbers, dates or named events) and its support.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    /// Id, unique in the analysis (`<story>-c<n>`).
    pub id: String,
    /// The statement, as the first supporting article words it.
    pub text: String,
    /// Supporting documents, sorted.
    pub documents: Vec<DocId>,
    /// Supporting sources after collapsing copy families and shared upstream agencies.
    pub independent_sources: usize,
    /// True when only one independent source states it.
    pub single_source: bool,
    /// Each supporting sentence.
    pub support: Vec<Support>,
    /// Disagreements about the claim's values.
    pub conflicts: Vec<Conflict>,
}

/// A dated happening.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct TimelineEntry {
    /// ISO 8601 date (`2022-05-17`), month (`2022-04`) or year (`2021`).
    pub date: String,
    /// `day`, `month` or `year`.
    pub precision: String,
    /// True when the date was read from a suspicious or partly unreadable expression.
    pub uncertain: bool,
    /// The date expression as written ("on Tuesday").
    pub expression: String,
    /// The sentence it dates.
    pub text: String,
    /// Documents stating it.
    pub documents: Vec<DocId>,
    /// Where each statement of it is (the date expression's span).
    pub mentions: Vec<crate::model::DocSpan>,
}

/// Finds quotes in a story's articles and aligns renderings of one utterance.
pub fn quotes(docs: &[&Doc], entities: &[Entity], id_prefix: &str) -> Vec<Quote> {
    let _ = (docs, entities, id_prefix);
    Vec::new()
}

/// Finds attributions to upstream sources.
pub fn citations(docs: &[&Doc]) -> Vec<Citation> {
    let _ = docs;
    Vec::new()
}

/// Finds claims, their support, independence and conflicts. `families` are the copy
/// families of the story's documents (from the reuse stage).
pub fn claims(
    docs: &[&Doc],
    families: &[Vec<DocId>],
    citations: &[Citation],
    id_prefix: &str,
) -> Vec<Claim> {
    let _ = (docs, families, citations, id_prefix);
    Vec::new()
}

/// Finds dated happenings, resolving relative dates against each article's publication date.
pub fn timeline(docs: &[&Doc]) -> Vec<TimelineEntry> {
    let _ = docs;
    Vec::new()
}
