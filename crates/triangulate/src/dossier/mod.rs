//! Dossier: the data contract. [`Analysis`] is what `triangulate analyze --json` writes;
//! each [`Story`] is one event's dossier. [`analyze`] runs every stage over decoded inputs.

pub mod provenance;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::entities::{self, Entity};
use crate::extract::{self, Article, Dropped, Field, Paragraph};
use crate::ingest::{Diagnostic, Format, RawDoc};
use crate::model::DocId;
use crate::reuse::{self, ReusePair};
use crate::statements::{self, Citation, Claim, Framing, Quote, TimelineEntry};
use crate::stories;
use crate::text::Doc;

/// Version of the data contract; bumped on any change of meaning.
pub const SCHEMA_VERSION: &str = "0.2.0";

/// The whole output of one analysis.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
pub struct Analysis {
    /// Version of this contract.
    pub schema_version: String,
    /// Program and version that wrote it.
    pub generator: String,
    /// Every document read, in input order.
    pub documents: Vec<Document>,
    /// Stories, largest first.
    pub stories: Vec<Story>,
    /// Inputs skipped or read with caveats.
    pub diagnostics: Vec<Diagnostic>,
}

/// One document after extraction.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
pub struct Document {
    /// Document id (file stem or supplied id).
    pub id: DocId,
    /// Where it came from.
    pub origin: String,
    /// Input format.
    pub format: Format,
    /// Outlet name, when stated.
    pub outlet: Option<String>,
    /// Author(s), when stated, joined with ", ".
    pub author: Option<String>,
    /// Each author (persons only; an agency byline is in `agency`).
    pub authors: Vec<String>,
    /// Headline, when stated.
    pub title: Option<String>,
    /// Publication date-time, ISO 8601, when stated.
    pub published: Option<String>,
    /// Canonical URL, when stated or supplied.
    pub url: Option<String>,
    /// ISO 639-3 language code, when it can be told.
    pub language: Option<String>,
    /// Dateline place, when stated.
    pub dateline: Option<String>,
    /// Agency credited, when stated.
    pub agency: Option<String>,
    /// The clean body. Every offset in this analysis about this document indexes it.
    pub text: String,
    /// Where each metadata value came from.
    pub metadata: Metadata,
    /// Kept paragraphs: spans in `text` and in the decoded input.
    pub paragraphs: Vec<Paragraph>,
    /// Segments of the input left out, with reasons.
    pub dropped: Vec<Dropped>,
    /// The encoding the input was decoded from.
    pub encoding: String,
}

/// Metadata values with their sources.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Default)]
pub struct Metadata {
    /// Headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Field>,
    /// Author(s), joined.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Field>,
    /// Each author.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Field>,
    /// Outlet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<Field>,
    /// Publication date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<Field>,
    /// Last modification date, as declared (HTML pages).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modified: Option<Field>,
    /// Canonical URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<Field>,
    /// Dateline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Field>,
    /// Agency credit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<Field>,
    /// Language (ISO 639-3): declared by the page, or detected from the body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<Field>,
}

/// One story's dossier.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
pub struct Story {
    /// Story id (`s1`, `s2`, … largest first).
    pub id: String,
    /// A headline for the story: the earliest member's title, if any.
    pub title: Option<String>,
    /// Member documents, in input order.
    pub documents: Vec<DocId>,
    /// Groups of members linked by copied text; independent sources count once per family.
    pub copy_families: Vec<Vec<DocId>>,
    /// Entities, most mentioned first.
    pub entities: Vec<Entity>,
    /// Quotes with their renderings.
    pub quotes: Vec<Quote>,
    /// Pairs of members sharing text.
    pub reuse: Vec<ReusePair>,
    /// Attributions to upstream sources.
    pub citations: Vec<Citation>,
    /// Claims with support and conflicts.
    pub claims: Vec<Claim>,
    /// Dated happenings, in date order.
    pub timeline: Vec<TimelineEntry>,
    /// How outlets name the same referents, and the claims each adds or omits.
    pub framing: Framing,
}

/// Runs every stage over decoded inputs. Pure: the same inputs give the same analysis.
pub fn analyze(raw: &[RawDoc], mut diagnostics: Vec<Diagnostic>) -> Analysis {
    let docs: Vec<Doc> = raw.iter().map(|r| Doc::new(extract::extract(r))).collect();
    diagnostics.extend(docs.iter().filter_map(|d| no_article_warning(&d.article)));
    let all: Vec<&Doc> = docs.iter().collect();
    let reuse = reuse::find_reuse(&all);
    let groups = stories::group(&all, &reuse);
    let stories = groups
        .iter()
        .enumerate()
        .map(|(n, members)| {
            let members: Vec<&Doc> = members.iter().map(|&i| &docs[i]).collect();
            build_story(&format!("s{}", n + 1), &members, &reuse)
        })
        .collect();
    Analysis {
        schema_version: SCHEMA_VERSION.to_string(),
        generator: format!("triangulate {}", env!("CARGO_PKG_VERSION")),
        documents: docs.iter().map(|d| document(&d.article)).collect(),
        stories,
        diagnostics,
    }
}

/// A document read but holding no article text is kept, and said to be empty.
fn no_article_warning(a: &Article) -> Option<Diagnostic> {
    a.text.is_empty().then(|| Diagnostic {
        origin: a.origin.clone(),
        severity: crate::ingest::Severity::Warning,
        message: format!(
            "no article text found ({} segments left out as page furniture)",
            a.dropped.len()
        ),
    })
}

/// Builds one story's dossier from its member documents.
pub fn build_story(id: &str, members: &[&Doc], all_reuse: &[ReusePair]) -> Story {
    let ids: Vec<&str> = members.iter().map(|d| d.id()).collect();
    let reuse: Vec<ReusePair> = all_reuse
        .iter()
        .filter(|p| p.documents.iter().all(|d| ids.contains(&d.as_str())))
        .cloned()
        .collect();
    let families = reuse::copy_families(&ids, &reuse);
    let entities = entities::resolve(members, id);
    let citations = statements::citations(members);
    let claims = statements::claims(members, &entities, &families, &citations, id);
    let framing = statements::framing(members, &entities, &claims, &families, id);
    Story {
        id: id.to_string(),
        title: story_title(members),
        documents: ids.iter().map(|s| s.to_string()).collect(),
        quotes: statements::quotes(members, &entities, id),
        claims,
        framing,
        timeline: statements::timeline(members),
        copy_families: families,
        entities,
        reuse,
        citations,
    }
}

/// The headline that best names the story: the member title whose content words the other
/// members' texts share most (an opinion piece's headline names its angle, not the event);
/// ties go to the earliest publication, then input order.
fn story_title(members: &[&Doc]) -> Option<String> {
    let vocabularies: Vec<std::collections::BTreeSet<&str>> = members
        .iter()
        .map(|d| d.layer.tokens.iter().map(|t| t.stem.as_str()).collect())
        .collect();
    members
        .iter()
        .enumerate()
        .filter_map(|(i, d)| Some((i, d, d.article.title.as_ref()?)))
        .map(|(i, d, title)| {
            let stems: Vec<String> = crate::text::analyse(&title.value)
                .tokens
                .into_iter()
                .filter(|t| !crate::text::is_stopword(&t.folded))
                .map(|t| t.stem)
                .collect();
            let shared: usize = vocabularies
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, v)| stems.iter().filter(|s| v.contains(s.as_str())).count())
                .sum();
            let share = shared as f64 / stems.len().max(1) as f64;
            let published = d
                .article
                .published
                .as_ref()
                .map_or("~", |p| p.value.as_str());
            (share, published, i, title.value.clone())
        })
        .max_by(|x, y| {
            x.0.total_cmp(&y.0)
                .then_with(|| y.1.cmp(x.1))
                .then_with(|| y.2.cmp(&x.2))
        })
        .map(|(_, _, _, title)| title)
}

fn document(a: &Article) -> Document {
    let value = |f: &Option<Field>| f.as_ref().map(|f| f.value.clone());
    Document {
        id: a.id.clone(),
        origin: a.origin.clone(),
        format: a.format,
        outlet: value(&a.outlet),
        author: value(&a.author),
        authors: a.authors.iter().map(|f| f.value.clone()).collect(),
        title: value(&a.title),
        published: value(&a.published),
        url: value(&a.url),
        language: value(&a.language),
        dateline: value(&a.dateline),
        agency: value(&a.agency),
        text: a.text.clone(),
        metadata: Metadata {
            title: a.title.clone(),
            author: a.author.clone(),
            authors: a.authors.clone(),
            outlet: a.outlet.clone(),
            published: a.published.clone(),
            modified: a.modified.clone(),
            url: a.url.clone(),
            dateline: a.dateline.clone(),
            agency: a.agency.clone(),
            language: a.language.clone(),
        },
        paragraphs: a.paragraphs.clone(),
        dropped: a.dropped.clone(),
        encoding: a.encoding.clone(),
    }
}

/// The JSON Schema of [`Analysis`], as committed in `schema/analysis.schema.json`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Analysis);
    serde_json::to_string_pretty(&schema).expect("schema serialises") + "\n"
}
