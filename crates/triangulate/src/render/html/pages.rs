//! The pages' view models: plain values the templates print (and escape). Builders in
//! `mod.rs` fill them from the analysis; nothing here computes anything.

use askama::Template;

use super::lineage;

/// A link: label and target.
pub(super) struct Link {
    pub(super) label: String,
    pub(super) href: String,
}

/// The parts of every page that are not content.
pub(super) struct Chrome {
    pub(super) style: &'static str,
    pub(super) script: &'static str,
    pub(super) csp: String,
    pub(super) generator: String,
    /// Whether pages show the search box (served pages only: a file dossier has no server).
    pub(super) search: bool,
}

pub(super) struct StoryRow {
    pub(super) id: String,
    pub(super) href: String,
    pub(super) title: String,
    pub(super) documents: usize,
    pub(super) entities: usize,
    pub(super) quotes: usize,
    pub(super) claims: usize,
    pub(super) copies: usize,
}

pub(super) struct ArticleRow {
    pub(super) link: Link,
    pub(super) outlet: String,
    pub(super) published: String,
    pub(super) title: String,
    pub(super) story: Option<Link>,
}

#[derive(Template)]
#[template(path = "index.html")]
pub(super) struct IndexPage<'a> {
    pub(super) chrome: &'a Chrome,
    pub(super) summary: String,
    pub(super) stories: Vec<StoryRow>,
    pub(super) articles: Vec<ArticleRow>,
    pub(super) diagnostics: Vec<[String; 3]>,
}

pub(super) struct SourceRow {
    pub(super) link: Link,
    pub(super) outlet: String,
    pub(super) author: String,
    pub(super) published: String,
    pub(super) title: String,
    pub(super) url: String,
    pub(super) url_safe: Option<String>,
}

pub(super) struct PairRow {
    pub(super) a: Link,
    pub(super) b: Link,
    pub(super) kind: &'static str,
    pub(super) direction: String,
    pub(super) shared_words: usize,
    pub(super) passages: usize,
    pub(super) compare: String,
}

pub(super) struct EntityRow {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) kind: &'static str,
    pub(super) aliases: String,
    pub(super) roles: String,
    /// Ranks stated, with how many mentions state each.
    pub(super) ranks: String,
    pub(super) rank_conflict: bool,
    pub(super) documents: usize,
    pub(super) mentions: Vec<Link>,
}

pub(super) struct QuoteRow {
    pub(super) id: String,
    pub(super) speaker: String,
    pub(super) variants: Vec<VariantRow>,
}

pub(super) struct VariantRow {
    pub(super) link: Link,
    pub(super) document: String,
    pub(super) text: String,
    pub(super) verbatim: bool,
    /// The source the article says relayed the words.
    pub(super) via: Option<String>,
}

pub(super) struct ClaimRow {
    pub(super) id: String,
    pub(super) text: String,
    pub(super) predicate: String,
    pub(super) documents: usize,
    pub(super) independent: usize,
    pub(super) single: bool,
    pub(super) support: Vec<SupportRow>,
    pub(super) conflicts: Vec<ConflictRow>,
}

pub(super) struct SupportRow {
    pub(super) link: Link,
    /// The attribution chain, speaker first ("Bagheri, according to Fars News").
    pub(super) chain: String,
}

/// One term of one referent, on the framing table.
pub(super) struct TermRow {
    /// The referent's label, on its first term only.
    pub(super) referent: String,
    pub(super) referent_id: String,
    pub(super) first: bool,
    pub(super) rows: usize,
    pub(super) basis: String,
    pub(super) term: String,
    pub(super) outlets: String,
    pub(super) links: Vec<(Link, bool)>,
}

/// Claims one outlet adds or omits.
pub(super) struct CoverageRow {
    pub(super) document: Link,
    pub(super) outlet: String,
    pub(super) adds: Vec<String>,
    pub(super) omits: Vec<String>,
}

pub(super) struct ConflictRow {
    pub(super) slot: String,
    pub(super) values: Vec<ValueRow>,
}

pub(super) struct ValueRow {
    pub(super) value: String,
    pub(super) reading: String,
    pub(super) link: Link,
}

pub(super) struct TimelineRow {
    pub(super) date: String,
    pub(super) uncertain: bool,
    pub(super) expression: String,
    pub(super) text: String,
    pub(super) links: Vec<Link>,
}

#[derive(Template)]
#[template(path = "story.html")]
pub(super) struct StoryPage<'a> {
    pub(super) chrome: &'a Chrome,
    pub(super) id: String,
    pub(super) title: String,
    pub(super) sources: Vec<SourceRow>,
    pub(super) drawing: lineage::Drawing,
    pub(super) pairs: Vec<PairRow>,
    pub(super) families: Vec<String>,
    pub(super) citations: Vec<(String, Vec<Link>)>,
    pub(super) entities: Vec<EntityRow>,
    pub(super) quotes: Vec<QuoteRow>,
    pub(super) claims: Vec<ClaimRow>,
    pub(super) timeline: Vec<TimelineRow>,
    pub(super) terms: Vec<TermRow>,
    pub(super) coverage: Vec<CoverageRow>,
}

#[derive(Template)]
#[template(path = "article.html")]
pub(super) struct ArticlePage<'a> {
    pub(super) chrome: &'a Chrome,
    pub(super) id: String,
    pub(super) title: String,
    pub(super) facts: Vec<(&'static str, String)>,
    pub(super) url_safe: Option<String>,
    pub(super) stories: Vec<Link>,
    /// Escaped by [`marks::marked_text`]; the template inserts it as is.
    pub(super) marked: String,
    pub(super) marks: usize,
    pub(super) found: Vec<ItemRow>,
}

/// An item found in an article: what it is, where it is on the story page, its spans here.
pub(super) struct ItemRow {
    pub(super) kind: &'static str,
    pub(super) title: String,
    pub(super) href: String,
    pub(super) spans: Vec<Link>,
}

pub(super) struct Column {
    pub(super) side: String,
    pub(super) link: Link,
    pub(super) outlet: String,
    pub(super) published: String,
    /// Escaped by [`marks::marked_text`].
    pub(super) marked: String,
}

#[derive(Template)]
#[template(path = "compare.html")]
pub(super) struct ComparePage<'a> {
    pub(super) chrome: &'a Chrome,
    pub(super) story: Link,
    pub(super) pair: usize,
    pub(super) kind: &'static str,
    pub(super) shared_words: usize,
    pub(super) columns: [Column; 2],
}
