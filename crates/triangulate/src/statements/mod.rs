//! Statements: quotes with speakers, upstream citations, claims with their support and
//! conflicts, and the timeline of one story.

mod citations;
mod claims;
mod frames;
mod framing;
mod quotes;
#[cfg(test)]
mod tests;
mod timeline;

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::entities::Entity;
use crate::model::DocId;
use crate::model::Span;
pub(crate) use crate::model::UnionFind;
use crate::text::Doc;
pub use framing::{Framing, FramingTerm, OutletCoverage, Referent, TermMention};

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
    /// The source this article says relayed the words, apart from their speaker
    /// ("according to the Las Vegas Sun", "…, CNN reported"); absent when it names none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<QuoteChannel>,
}

/// The source a quote's rendering came through, as its article names it.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct QuoteChannel {
    /// The words naming the source ("the Las Vegas Sun"), exactly the text at `start..end`.
    pub source: String,
    /// Start of those words in the document's text.
    pub start: usize,
    /// End of those words.
    pub end: usize,
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
    /// The value as stated (exactly the text at `start..end`).
    pub value: String,
    /// The value as read, where it needed reading (a date expression → ISO 8601 date).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
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
    /// What differs: `number of <what is counted>` (deaths, homes, …), `number (<unit>)`,
    /// `date`, `place`, `subject` (a different person named as doing it) or
    /// `rank of <name>`; or a dispute read over the whole story: `day of the <happening>`,
    /// `accusation against <name>` (readings `accuses` / `denies`) or `cause`.
    pub slot: String,
    /// Each value with its spans.
    pub values: Vec<ConflictValue>,
}

/// One step of the chain a supporting sentence is attributed through, nearest first: the
/// speaker ("Bagheri said"), then the outlet or agency relaying it ("according to Fars").
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct AttributionStep {
    /// Who: the speaker's name as written, or the normalised source name.
    pub source: String,
    /// `speaker` (a person or body saying it), `citation` (an outlet or agency cited in the
    /// sentence) or `credit` (the agency the whole article is credited to).
    pub kind: String,
    /// Start of the words naming it in the document's text.
    pub start: usize,
    /// End of those words.
    pub end: usize,
}

/// One slot of a claim as one supporting sentence fills it.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct ClaimSlot {
    /// `subject`, `predicate`, `object`, `agent` (of a passive), `place`, `number`,
    /// `date`, `event` (a named event or law) or `entity` (another name in the sentence).
    pub role: String,
    /// The words as written (exactly the text at `start..end`).
    pub value: String,
    /// What they were read as: the predicate class (`open`, `kill`, …), a number with its
    /// unit (`200 km`), an ISO date, an entity's canonical name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
    /// Entity id, when the words name one of the story's entities.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// Start in the supporting document's text.
    pub start: usize,
    /// End.
    pub end: usize,
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
    /// Upstream source (agency or outlet) the article attributes it to, if any: what
    /// independence is counted on.
    pub attributed_to: Option<String>,
    /// The chain of attribution, speaker first ("Bagheri", then "Fars News").
    pub chain: Vec<AttributionStep>,
    /// The slots this sentence fills.
    pub slots: Vec<ClaimSlot>,
}

/// A factual statement (who did what, with numbers, dates, places and named events) and
/// its support across articles.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    /// Id, unique in the analysis (`<story>-c<n>`).
    pub id: String,
    /// The statement, as the supporting sentence most like the others words it.
    pub text: String,
    /// The event class of its predicate (`open`, `kill`, `transfer`, …), when one was read.
    pub predicate: Option<String>,
    /// Entity ids named by at least half of the supporting documents (all, for one).
    pub entities: Vec<String>,
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
    /// First day the expression can mean, ISO 8601 ("mid-February" → `2022-02-11`).
    pub from: String,
    /// Last day it can mean (`2022-02-20`); equal to `from` for a day.
    pub to: String,
    /// True when the date was read from a suspicious or partly unreadable expression.
    pub uncertain: bool,
    /// The date expression as written in the first mention ("on Tuesday").
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
    quotes::find(docs, entities, id_prefix)
}

/// One attribution in one document, before renderings are aligned across documents: what
/// was said, by whom, introduced by which words. All spans are in the document's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The words said (inside the marks when verbatim; the reported clause otherwise).
    pub content: Span,
    /// True when the content stands inside quotation marks; false for reported speech.
    pub verbatim: bool,
    /// For a partial quote inside reported speech, the whole reported clause ("that Iran
    /// is now able “to export …”").
    pub reported: Option<Span>,
    /// The speech verb or phrase ("said", "told", "according to"), when one was found.
    pub cue: Option<Span>,
    /// The words next to the content that name the speaker, as written ("he", "the
    /// minister", "Bagheri"); for a continuation, those of the segment it continues.
    pub speaker: Option<Span>,
    /// The name the speaker words stand for (a pronoun's antecedent, a role's holder);
    /// equal to `speaker` for a name.
    pub resolved: Option<Span>,
    /// The speaker's name, titles stripped.
    pub speaker_name: Option<String>,
    /// Entity id of the speaker, when `entities` resolve it.
    pub entity: Option<String>,
    /// True when the content has no attribution of its own and continues the one before.
    pub continuation: bool,
    /// The outer source the words came through, named in their sentence apart from the
    /// speaker: "the Las Vegas Sun" in "“…,” O’Malley said, according to the Las Vegas
    /// Sun", "CNN" in "…, CNN reported." A nested attribution: the channel reports what
    /// the speaker said.
    pub channel: Option<Channel>,
}

/// The outer attribution of a quote: who relayed it, and the words saying so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Channel {
    /// The words naming the source ("the Las Vegas Sun", "CNN").
    pub source: Span,
    /// "according to", "reported".
    pub cue: Span,
}

/// The attributions of one document, in text order: quoted passages and reported speech
/// with their speakers. `entities` (from [`crate::entities::resolve`]) resolve speakers
/// to entity ids; an empty slice is fine.
pub fn attributions(doc: &Doc, entities: &[Entity]) -> Vec<Attribution> {
    quotes::in_document(doc, entities)
}

/// One quote's speaker options, for training and checking the learned speaker chooser
/// (`triangulate-bench`'s `speaker-train`). Spans are in the document's text.
#[derive(Clone, Debug, PartialEq)]
pub struct SpeakerChoice {
    /// The quoted words.
    pub content: Span,
    /// The reported clause a partial quote stands in, as [`Attribution::reported`].
    pub reported: Option<Span>,
    /// Each option: the speaker words (`None`: no speaker) and the option's features. The
    /// first option is the rule cascade's choice.
    pub options: Vec<(Option<Span>, Vec<String>)>,
    /// The option the shipped weights choose.
    pub chosen: usize,
}

/// The speaker options of every quote of one document that does not continue the quote
/// before it (those take its speaker) and whose speaker is not fixed by a transcript label
/// or a possessive ("Bagheri’s claim that …").
pub fn speaker_choices(doc: &Doc, entities: &[Entity]) -> Vec<SpeakerChoice> {
    quotes::speaker_choices(doc, entities)
}

/// Parses speaker-chooser weights ("feature<TAB>weight" lines, `#` comments).
pub fn parse_speaker_weights(text: &str) -> std::collections::BTreeMap<String, f64> {
    quotes::parse_weights(text)
}

/// The option of a [`SpeakerChoice`] that `weights` choose: the best score, the first
/// option (the cascade's choice) on ties.
pub fn choose_speaker(
    weights: &std::collections::BTreeMap<String, f64>,
    options: &[Vec<String>],
) -> usize {
    quotes::best_option(weights, options)
}

/// Finds attributions to upstream sources.
pub fn citations(docs: &[&Doc]) -> Vec<Citation> {
    citations::find(docs)
}

/// Sentence vectors for claim alignment: a function from sentences to unit-length vectors
/// (such as [`crate::text::embed::Embedder::embed`]) and the cosine from which two
/// sentences of different articles are read as one statement even when their words differ.
pub struct SentenceVectors<'a> {
    /// Embeds a batch of sentences; one vector per sentence, in order.
    pub embed: &'a dyn Fn(&[&str]) -> Vec<Vec<f32>>,
    /// Cosine from which two sentences state one fact.
    pub paraphrase: f32,
}

/// Finds claims, their support, independence and conflicts. `families` are the copy
/// families of the story's documents (from the reuse stage); the story's `entities` (from
/// [`crate::entities::resolve`]) fill the subject, object, place and entity slots and align
/// claims by entity id; an empty slice leaves only predicates, words, numbers and dates.
pub fn claims(
    docs: &[&Doc],
    entities: &[Entity],
    families: &[Vec<DocId>],
    citations: &[Citation],
    id_prefix: &str,
) -> Vec<Claim> {
    claims::find(docs, entities, families, citations, id_prefix, None)
}

/// [`claims`], with sentence vectors as one more way two sentences align.
pub fn claims_with_vectors(
    docs: &[&Doc],
    entities: &[Entity],
    families: &[Vec<DocId>],
    citations: &[Citation],
    id_prefix: &str,
    vectors: &SentenceVectors,
) -> Vec<Claim> {
    claims::find(
        docs,
        entities,
        families,
        citations,
        id_prefix,
        Some(vectors),
    )
}

/// How outlets name the story's referents, and which claims each outlet adds or omits.
pub fn framing(
    docs: &[&Doc],
    entities: &[Entity],
    claims: &[Claim],
    families: &[Vec<DocId>],
    id_prefix: &str,
) -> Framing {
    framing::find(docs, entities, claims, families, id_prefix)
}

/// Finds dated happenings, resolving relative dates against each article's publication date.
///
/// An article without a publication date is read against the earliest publication date of
/// the story's other articles; what that resolves is marked `uncertain`. With no dated
/// article at all, relative expressions are skipped.
pub fn timeline(docs: &[&Doc]) -> Vec<TimelineEntry> {
    timeline::find(docs)
}

/// Words that carry little topic in quotes and claims, beyond the shared stopword list.
const WEAK_WORDS: &[&str] = &[
    "every", "also", "us", "many", "much", "even", "well", "still", "yet", "today", "able",
    "going", "get", "got", "make", "made", "like", "way", "ways", "lot", "there", "thing",
];

/// Content stems of the tokens inside `span`: no stopwords, no bare numbers, no weak words.
pub(crate) fn content_stems(doc: &Doc, span: Span) -> BTreeSet<String> {
    stems_of(doc.layer.tokens.iter().filter(|t| span.contains(t.span)))
}

/// Content stems of `tokens` (see [`content_stems`]).
fn stems_of<'a>(tokens: impl Iterator<Item = &'a crate::text::Token>) -> BTreeSet<String> {
    tokens
        .filter(|t| !crate::text::is_stopword(&t.folded))
        .filter(|t| !WEAK_WORDS.contains(&t.folded.as_str()))
        .filter(|t| {
            !t.folded
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        })
        .map(|t| t.stem.clone())
        .collect()
}

/// Lexical similarity of two sentences as quote alignment measures it: the cosine of their
/// content-stem sets, with the number of stems they share. For evaluations that compare it
/// with other signals (`align-eval`).
pub fn lexical_similarity(a: &str, b: &str) -> (f64, usize) {
    let (la, lb) = (crate::text::analyse(a), crate::text::analyse(b));
    cosine(&stems_of(la.tokens.iter()), &stems_of(lb.tokens.iter()))
}

/// Cosine similarity of two stem sets, with the number of shared stems.
pub(crate) fn cosine(a: &BTreeSet<String>, b: &BTreeSet<String>) -> (f64, usize) {
    if a.is_empty() || b.is_empty() {
        return (0.0, 0);
    }
    let shared = a.intersection(b).count();
    let sim = shared as f64 / ((a.len() * b.len()) as f64).sqrt();
    (sim, shared)
}

/// Quoted regions of a text as spans of the words inside the marks (marks excluded; a
/// quote left open at a paragraph break runs to the break).
pub(crate) fn quote_interiors(text: &str) -> Vec<Span> {
    crate::text::quoted_regions(text)
        .into_iter()
        .filter(|&r| !is_nickname(text, r))
        .filter_map(|r| {
            let inner = r.slice(text);
            let open = inner.chars().next()?.len_utf8();
            // A quote left open at a paragraph break ends without a mark.
            let close = inner
                .chars()
                .next_back()
                .filter(|c| inner.len() > open && matches!(c, '”' | '"' | '»' | '“'))
                .map_or(0, char::len_utf8);
            (r.len() >= open + close).then(|| Span::new(r.start + open, r.end - close))
        })
        .collect()
}

/// A quoted nickname inside a name ("Marcia “Cia” Price", "Dwayne "The Rock" Johnson"):
/// one or two capitalised words between a capitalised word and a capitalised word, each a
/// single space away. It is part of the name, not a quote.
fn is_nickname(text: &str, region: Span) -> bool {
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    let name_word = |w: &str| capital(w) && w.chars().all(char::is_alphabetic);
    let inner = region
        .slice(text)
        .trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '‘' | '’' | '\''));
    let words: Vec<&str> = inner.split(' ').collect();
    let before = text[..region.start].strip_suffix(' ');
    let after = text[region.end..].strip_prefix(' ');
    words.len() <= 2
        && words.iter().all(|w| name_word(w))
        && before.is_some_and(|b| b.rsplit(' ').next().is_some_and(name_word))
        && after.is_some_and(capital)
}

/// Bytes of `span` covered by any of `regions`.
pub(crate) fn covered(span: Span, regions: &[Span]) -> usize {
    regions
        .iter()
        .filter(|r| r.overlaps(span))
        .map(|r| r.end.min(span.end) - r.start.max(span.start))
        .sum()
}
