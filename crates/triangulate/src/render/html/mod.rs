//! The self-contained HTML dossier: `index.html`, one page per story, one per article (its
//! clean text with every span marked), one comparison page per reuse pair.
//!
//! Pages use inline CSS and a small inline script only: no network, and they work from
//! `file://`. Article text is hostile input: the askama templates escape every value, the one
//! piece of HTML built here (the marked text) is escaped by [`marks::escape`], only `http`/`https`
//! URLs become links, and a Content-Security-Policy allows no script but ours (by hash).

mod lineage;
mod marks;
mod pages;
mod served;

use std::collections::{BTreeMap, BTreeSet};

use askama::Template;

use super::{shorten, Files};
use crate::dossier::{Analysis, Document, Story};
use marks::MarkSpec;
use pages::*;
pub use served::{csp as served_csp, SearchHit, WebPages};

/// The page script: highlights every piece of the targeted span, and on comparison pages
/// jumps to the other article's copy of a passage. Its hash is in the CSP.
const SCRIPT: &str = include_str!("../../../templates/dossier.js");
/// The page style.
const STYLE: &str = include_str!("../../../templates/dossier.css");

/// Every page of the dossier, `index.html` first.
pub fn to_html(analysis: &Analysis) -> Files {
    let site = Site::new(analysis);
    let mut files = vec![("index.html".to_string(), site.index())];
    for story in &analysis.stories {
        files.push((story_file(story), site.story(story)));
        for (n, pair) in story.reuse.iter().enumerate() {
            files.push((compare_file(story, n), site.compare(story, n, pair)));
        }
    }
    for (doc, name) in analysis.documents.iter().zip(&site.names) {
        files.push((name.clone(), site.article(doc)));
    }
    files
}

/// What every page shares: the analysis, documents by id, and file names.
struct Site<'a> {
    analysis: &'a Analysis,
    docs: BTreeMap<&'a str, &'a Document>,
    /// Article page of each id (the first document with it).
    files: BTreeMap<&'a str, String>,
    /// Article page of each document, by position.
    names: Vec<String>,
    chrome: Chrome,
}

impl<'a> Site<'a> {
    fn new(analysis: &'a Analysis) -> Self {
        let docs = analysis
            .documents
            .iter()
            .map(|d| (d.id.as_str(), d))
            .collect();
        // Ids differing only in case would share a file on case-insensitive file systems.
        // A malformed analysis with repeated ids still gets one page per document.
        let mut taken = BTreeSet::new();
        let names: Vec<String> = analysis
            .documents
            .iter()
            .enumerate()
            .map(|(n, d)| {
                let name = article_file_name(n, &d.id);
                if taken.insert(name.to_ascii_lowercase()) {
                    name
                } else {
                    format!("doc-{}.html", n + 1)
                }
            })
            .collect();
        let mut files = BTreeMap::new();
        for (d, name) in analysis.documents.iter().zip(&names) {
            files.entry(d.id.as_str()).or_insert_with(|| name.clone());
        }
        Site {
            analysis,
            docs,
            files,
            names,
            chrome: Chrome {
                style: STYLE,
                script: SCRIPT,
                csp: csp(),
                generator: analysis.generator.clone(),
                search: false,
            },
        }
    }

    fn article_file(&self, id: &str) -> String {
        self.files
            .get(id)
            .cloned()
            .unwrap_or_else(|| "index.html".into())
    }

    /// Link to a span of a document's text.
    fn span_link(&self, doc: &str, start: usize, end: usize) -> Link {
        Link {
            label: format!("{doc}@{start}..{end}"),
            href: format!("{}#{}", self.article_file(doc), span_id(start, end)),
        }
    }

    fn doc_link(&self, id: &str) -> Link {
        Link {
            label: id.to_string(),
            href: self.article_file(id),
        }
    }

    fn index(&self) -> String {
        let a = self.analysis;
        let stories = a
            .stories
            .iter()
            .map(|s| StoryRow {
                id: s.id.clone(),
                href: story_file(s),
                title: s.title.clone().unwrap_or_else(|| "(untitled story)".into()),
                documents: s.documents.len(),
                entities: s.entities.len(),
                quotes: s.quotes.len(),
                claims: s.claims.len(),
                copies: s.reuse.len(),
            })
            .collect();
        let diagnostics = a
            .diagnostics
            .iter()
            .map(|d| {
                [
                    format!("{:?}", d.severity),
                    d.origin.clone(),
                    d.message.clone(),
                ]
            })
            .collect();
        render(IndexPage {
            chrome: &self.chrome,
            summary: corpus_summary(a),
            stories,
            articles: self.article_rows(),
            diagnostics,
        })
    }

    /// Every article with the story it is in, in input order.
    fn article_rows(&self) -> Vec<ArticleRow> {
        let story_of: BTreeMap<&str, &Story> = self
            .analysis
            .stories
            .iter()
            .flat_map(|s| s.documents.iter().map(move |d| (d.as_str(), s)))
            .collect();
        self.analysis
            .documents
            .iter()
            .map(|d| ArticleRow {
                link: self.doc_link(&d.id),
                outlet: d.outlet.clone().unwrap_or_default(),
                published: d.published.clone().unwrap_or_default(),
                title: d.title.clone().unwrap_or_default(),
                story: story_of.get(d.id.as_str()).map(|s| Link {
                    label: s.id.clone(),
                    href: story_file(s),
                }),
            })
            .collect()
    }

    fn story(&self, story: &Story) -> String {
        let href = |id: &str| self.article_file(id);
        render(StoryPage {
            chrome: &self.chrome,
            id: story.id.clone(),
            title: story
                .title
                .clone()
                .unwrap_or_else(|| "(untitled story)".into()),
            sources: self.sources(story),
            drawing: lineage::draw(story, &self.docs, &href),
            pairs: self.pairs(story),
            families: families(story),
            citations: self.citations(story),
            entities: self.entities(story),
            quotes: self.quotes(story),
            claims: self.claims(story),
            timeline: self.timeline(story),
            terms: self.framing_terms(story),
            coverage: self.coverage(story),
        })
    }

    fn sources(&self, story: &Story) -> Vec<SourceRow> {
        story
            .documents
            .iter()
            .filter_map(|id| self.docs.get(id.as_str()))
            .map(|d| SourceRow {
                link: self.doc_link(&d.id),
                outlet: d.outlet.clone().unwrap_or_default(),
                author: d.author.clone().unwrap_or_default(),
                published: d.published.clone().unwrap_or_default(),
                title: d.title.clone().unwrap_or_default(),
                url: d.url.clone().unwrap_or_default(),
                url_safe: d.url.as_deref().and_then(safe_url).map(str::to_string),
            })
            .collect()
    }

    fn pairs(&self, story: &Story) -> Vec<PairRow> {
        story
            .reuse
            .iter()
            .enumerate()
            .map(|(n, p)| {
                let [a, b] = &p.documents;
                let direction = match p.source.as_deref() {
                    Some(src) => {
                        let copy = if src == a { b } else { a };
                        format!("{copy} took from {src} (earlier publication)")
                    }
                    None => "direction unknown".to_string(),
                };
                PairRow {
                    a: self.doc_link(a),
                    b: self.doc_link(b),
                    kind: super::csv::kind_name(p.kind),
                    direction,
                    shared_words: p.shared_words,
                    passages: p.passages.len(),
                    compare: compare_file(story, n),
                }
            })
            .collect()
    }

    fn citations(&self, story: &Story) -> Vec<(String, Vec<Link>)> {
        let mut by_source: BTreeMap<&str, Vec<Link>> = BTreeMap::new();
        for c in &story.citations {
            by_source
                .entry(c.source.as_str())
                .or_default()
                .push(self.span_link(&c.document, c.start, c.end));
        }
        by_source
            .into_iter()
            .map(|(s, l)| (s.to_string(), l))
            .collect()
    }

    fn entities(&self, story: &Story) -> Vec<EntityRow> {
        story
            .entities
            .iter()
            .map(|e| EntityRow {
                id: e.id.clone(),
                name: e.name.clone(),
                kind: e.kind.as_str(),
                aliases: e
                    .aliases
                    .iter()
                    .map(|a| {
                        let n = e.alias_mentions.get(a).map_or(0, Vec::len);
                        format!("{a} ×{n}")
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
                roles: e.roles.join(", "),
                ranks: e
                    .ranks
                    .iter()
                    .map(|r| format!("{} ×{}", r.rank, r.mentions.len()))
                    .collect::<Vec<_>>()
                    .join(", "),
                rank_conflict: e.rank_conflict,
                documents: e.documents.len(),
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| self.span_link(&m.document, m.start, m.end))
                    .collect(),
            })
            .collect()
    }

    fn quotes(&self, story: &Story) -> Vec<QuoteRow> {
        story
            .quotes
            .iter()
            .map(|q| QuoteRow {
                id: q.id.clone(),
                speaker: speaker(story, q),
                variants: q
                    .variants
                    .iter()
                    .map(|v| VariantRow {
                        link: self.span_link(&v.document, v.start, v.end),
                        document: v.document.clone(),
                        text: v.text.clone(),
                        verbatim: v.verbatim,
                        via: v.via.as_ref().map(|c| c.source.clone()),
                    })
                    .collect(),
            })
            .collect()
    }

    fn claims(&self, story: &Story) -> Vec<ClaimRow> {
        story
            .claims
            .iter()
            .map(|c| ClaimRow {
                id: c.id.clone(),
                text: c.text.clone(),
                predicate: c.predicate.clone().unwrap_or_default(),
                documents: c.documents.len(),
                independent: c.independent_sources,
                single: c.single_source,
                support: c
                    .support
                    .iter()
                    .map(|s| SupportRow {
                        link: self.span_link(&s.document, s.start, s.end),
                        chain: chain_text(s),
                    })
                    .collect(),
                conflicts: c
                    .conflicts
                    .iter()
                    .map(|k| ConflictRow {
                        slot: k.slot.clone(),
                        values: k
                            .values
                            .iter()
                            .map(|v| ValueRow {
                                value: v.value.clone(),
                                reading: v.reading.clone().unwrap_or_default(),
                                link: self.span_link(&v.document, v.start, v.end),
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect()
    }

    /// One row per term of each referent, the referent's cells spanning its terms.
    fn framing_terms(&self, story: &Story) -> Vec<TermRow> {
        let mut rows = Vec::new();
        for r in &story.framing.referents {
            for (i, t) in r.terms.iter().enumerate() {
                let outlets: Vec<String> = t
                    .documents
                    .iter()
                    .map(|d| {
                        self.docs
                            .get(d.as_str())
                            .and_then(|x| x.outlet.clone())
                            .unwrap_or_else(|| d.clone())
                    })
                    .collect();
                rows.push(TermRow {
                    referent: r.label.clone(),
                    referent_id: r.id.clone(),
                    first: i == 0,
                    rows: r.terms.len(),
                    basis: r.basis.clone(),
                    term: t.term.clone(),
                    outlets: outlets.join(", "),
                    links: t
                        .mentions
                        .iter()
                        .map(|m| (self.span_link(&m.document, m.start, m.end), m.quoted))
                        .collect(),
                });
            }
        }
        rows
    }

    fn coverage(&self, story: &Story) -> Vec<CoverageRow> {
        story
            .framing
            .coverage
            .iter()
            .map(|c| CoverageRow {
                document: self.doc_link(&c.document),
                outlet: c.outlet.clone().unwrap_or_default(),
                adds: c.adds.clone(),
                omits: c.omits.clone(),
            })
            .collect()
    }

    fn timeline(&self, story: &Story) -> Vec<TimelineRow> {
        story
            .timeline
            .iter()
            .map(|t| TimelineRow {
                date: t.date.clone(),
                uncertain: t.uncertain,
                expression: t.expression.clone(),
                text: shorten(&t.text, 240),
                links: t
                    .mentions
                    .iter()
                    .map(|m| self.span_link(&m.document, m.start, m.end))
                    .collect(),
            })
            .collect()
    }

    fn article(&self, doc: &Document) -> String {
        let stories = self
            .analysis
            .stories
            .iter()
            .filter(|s| s.documents.contains(&doc.id))
            .map(|s| Link {
                label: format!("{}: {}", s.id, s.title.as_deref().unwrap_or("(untitled)")),
                href: story_file(s),
            })
            .collect();
        let mut items = Vec::new();
        let mut found = Vec::new();
        for story in self
            .analysis
            .stories
            .iter()
            .filter(|s| s.documents.contains(&doc.id))
        {
            let mine: Vec<SpanItem> = story_spans(story)
                .into_iter()
                .filter(|i| i.document == doc.id)
                .collect();
            found.extend(self.article_items(story, &mine));
            items.extend(mine);
        }
        let specs = self.article_marks(&items);
        render(ArticlePage {
            chrome: &self.chrome,
            id: doc.id.clone(),
            title: doc.title.clone().unwrap_or_else(|| doc.id.clone()),
            facts: facts(doc),
            url_safe: doc.url.as_deref().and_then(safe_url).map(str::to_string),
            stories,
            marked: marks::marked_text(&doc.text, &specs),
            marks: specs.len(),
            found,
        })
    }

    /// Every span of the analysis in this document, one mark per distinct range, its
    /// classes and hover text gathered from every item at that range.
    fn article_marks(&self, items: &[SpanItem]) -> Vec<MarkSpec> {
        let mut at: BTreeMap<(usize, usize), MarkItems> = BTreeMap::new();
        for item in items {
            let entry = at.entry((item.start, item.end)).or_default();
            entry.0.insert(item.class);
            entry.1.push(item.title.clone());
        }
        at.into_iter()
            .map(|((start, end), (classes, titles))| MarkSpec {
                start,
                end,
                id: span_id(start, end),
                key: format!("{start}-{end}"),
                class: classes.into_iter().collect::<Vec<_>>().join(" "),
                title: titles.join("; "),
                peer: None,
            })
            .collect()
    }

    /// The items found in one article, each once, linking to the story page and to their
    /// spans on this page.
    fn article_items(&self, story: &Story, items: &[SpanItem]) -> Vec<ItemRow> {
        let mut rows: Vec<ItemRow> = Vec::new();
        for item in items.iter().filter(|i| i.class != "reuse") {
            let span = Link {
                label: format!("{}..{}", item.start, item.end),
                href: format!("#{}", span_id(item.start, item.end)),
            };
            match rows
                .iter_mut()
                .find(|r| r.title == item.title && r.kind == item.class)
            {
                Some(row) if row.spans.iter().any(|l| l.href == span.href) => {}
                Some(row) => row.spans.push(span),
                None => rows.push(ItemRow {
                    kind: item.class,
                    title: item.title.clone(),
                    href: format!("{}#{}", story_file(story), item.anchor),
                    spans: vec![span],
                }),
            }
        }
        rows
    }

    fn compare(&self, story: &Story, n: usize, pair: &crate::reuse::ReusePair) -> String {
        let [a, b] = &pair.documents;
        let side =
            |id: &str, own: &str, other: &str, pick: fn(&crate::reuse::Passage) -> [usize; 2]| {
                let specs: Vec<MarkSpec> = pair
                    .passages
                    .iter()
                    .enumerate()
                    .map(|(k, p)| {
                        let [start, end] = pick(p);
                        MarkSpec {
                            start,
                            end,
                            id: format!("{own}-p{k}"),
                            key: format!("p{k}"),
                            class: "reuse".into(),
                            title: format!("passage {} (similarity {:.2})", k + 1, p.similarity),
                            peer: Some(format!("{other}-p{k}")),
                        }
                    })
                    .collect();
                let text = self.docs.get(id).map_or("", |d| d.text.as_str());
                Column {
                    side: own.to_string(),
                    link: self.doc_link(id),
                    outlet: self
                        .docs
                        .get(id)
                        .and_then(|d| d.outlet.clone())
                        .unwrap_or_default(),
                    published: self
                        .docs
                        .get(id)
                        .and_then(|d| d.published.clone())
                        .unwrap_or_default(),
                    marked: marks::marked_text(text, &specs),
                }
            };
        render(ComparePage {
            chrome: &self.chrome,
            story: Link {
                label: story.title.clone().unwrap_or_else(|| story.id.clone()),
                href: story_file(story),
            },
            pair: n + 1,
            kind: super::csv::kind_name(pair.kind),
            shared_words: pair.shared_words,
            columns: [side(a, "a", "b", |p| p.a), side(b, "b", "a", |p| p.b)],
        })
    }
}

/// "Bagheri, according to Fars News": a support's attribution chain as one phrase.
fn chain_text(s: &crate::statements::Support) -> String {
    s.chain
        .iter()
        .enumerate()
        .map(|(i, step)| match (i, step.kind.as_str()) {
            (0, "speaker") => step.source.clone(),
            (_, "speaker") => format!("quoting {}", step.source),
            _ => format!("according to {}", step.source),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The classes and hover texts of the items at one range.
type MarkItems = (BTreeSet<&'static str>, Vec<String>);

/// One span of one item of a story.
struct SpanItem<'s> {
    document: &'s str,
    start: usize,
    end: usize,
    /// Mark class: `entity`, `quote`, `citation`, `claim`, `conflict`, `date`, `reuse`,
    /// `framing`.
    class: &'static str,
    /// What the item is, for hover text and lists.
    title: String,
    /// Element id of the item on the story page.
    anchor: String,
}

/// Every span of every item of a story, in item order.
fn story_spans<'s>(s: &'s Story) -> Vec<SpanItem<'s>> {
    let mut out = Vec::new();
    let mut add = |document: &'s str, start, end, class, title, anchor: &str| {
        let anchor = anchor.to_string();
        out.push(SpanItem {
            document,
            start,
            end,
            class,
            title,
            anchor,
        });
    };
    for e in &s.entities {
        for m in &e.mentions {
            let title = format!("{}: {}", e.kind.as_str(), e.name);
            add(&m.document, m.start, m.end, "entity", title, &e.id);
        }
    }
    for q in &s.quotes {
        for v in &q.variants {
            add(
                &v.document,
                v.start,
                v.end,
                "quote",
                format!("quote {}: “{}”", q.id, shorten(&v.text, 70)),
                &q.id,
            );
        }
    }
    for c in &s.citations {
        let title = format!("cites {}", c.source);
        add(&c.document, c.start, c.end, "citation", title, "citations");
    }
    for c in &s.claims {
        for x in &c.support {
            add(
                &x.document,
                x.start,
                x.end,
                "claim",
                format!("claim {}: {}", c.id, shorten(&c.text, 70)),
                &c.id,
            );
        }
        for k in &c.conflicts {
            for v in &k.values {
                let title = format!("conflict on {}", k.slot);
                add(&v.document, v.start, v.end, "conflict", title, &c.id);
            }
        }
    }
    for r in &s.framing.referents {
        for t in &r.terms {
            for m in &t.mentions {
                let title = format!("term for {}: {}", r.label, t.term);
                add(&m.document, m.start, m.end, "framing", title, &r.id);
            }
        }
    }
    for t in &s.timeline {
        for m in &t.mentions {
            add(
                &m.document,
                m.start,
                m.end,
                "date",
                format!("date {}", t.date),
                "timeline",
            );
        }
    }
    for p in &s.reuse {
        let [a, b] = &p.documents;
        for x in &p.passages {
            add(
                a,
                x.a[0],
                x.a[1],
                "reuse",
                format!("shared with {b}"),
                "lineage",
            );
            add(
                b,
                x.b[0],
                x.b[1],
                "reuse",
                format!("shared with {a}"),
                "lineage",
            );
        }
    }
    out
}

/// One line on the corpus: articles, outlets, languages, publication range.
fn corpus_summary(a: &Analysis) -> String {
    let outlets: BTreeSet<&str> = a
        .documents
        .iter()
        .filter_map(|d| d.outlet.as_deref())
        .collect();
    let languages: BTreeSet<&str> = a
        .documents
        .iter()
        .filter_map(|d| d.language.as_deref())
        .collect();
    let days: BTreeSet<String> = a
        .documents
        .iter()
        .filter_map(|d| d.published.as_deref())
        .map(|p| p.chars().take(10).collect())
        .collect();
    let mut line = format!(
        "{} articles in {} stories, from {} named outlets",
        a.documents.len(),
        a.stories.len(),
        outlets.len()
    );
    if !languages.is_empty() {
        let list: Vec<&str> = languages.into_iter().collect();
        line.push_str(&format!("; languages: {}", list.join(", ")));
    }
    if let (Some(first), Some(last)) = (days.first(), days.last()) {
        line.push_str(&format!("; published {first} to {last}"));
    }
    line + "."
}

fn speaker(story: &Story, q: &crate::statements::Quote) -> String {
    let resolved = q
        .speaker
        .as_deref()
        .and_then(|id| story.entities.iter().find(|e| e.id == id))
        .map(|e| e.name.as_str());
    match (resolved, q.speaker_name.as_deref()) {
        (Some(name), Some(w)) if name != w => format!("{name} (“{w}”)"),
        (Some(name), _) => name.to_string(),
        (None, Some(w)) => w.to_string(),
        (None, None) => "unattributed".to_string(),
    }
}

fn families(story: &Story) -> Vec<String> {
    story
        .copy_families
        .iter()
        .filter(|f| f.len() > 1)
        .map(|f| f.join(", "))
        .collect()
}

/// Label and value of each metadata fact stated.
fn facts(d: &Document) -> Vec<(&'static str, String)> {
    [
        ("outlet", &d.outlet),
        ("author", &d.author),
        ("published", &d.published),
        ("url", &d.url),
        ("dateline", &d.dateline),
        ("agency", &d.agency),
        ("language", &d.language),
    ]
    .into_iter()
    .filter_map(|(k, v)| Some((k, v.clone()?)))
    .chain([("origin", d.origin.clone())])
    .collect()
}

fn render(t: impl Template) -> String {
    // Rendering only formats strings and numbers we hold; it has no failure path of its own.
    t.render().expect("template renders")
}

fn story_file(story: &Story) -> String {
    format!("story-{}.html", file_safe(&story.id).unwrap_or("x"))
}

fn compare_file(story: &Story, n: usize) -> String {
    format!(
        "compare-{}-{}.html",
        file_safe(&story.id).unwrap_or("x"),
        n + 1
    )
}

/// `article-<id>.html` when the id is a plain file name; otherwise (ids come from input and
/// may hold anything) `doc-<n>.html`, which no plain id can produce.
fn article_file_name(n: usize, id: &str) -> String {
    match file_safe(id) {
        Some(id) => format!("article-{id}.html"),
        None => format!("doc-{}.html", n + 1),
    }
}

fn file_safe(s: &str) -> Option<&str> {
    let ok = !s.is_empty()
        && s.len() <= 120
        && !s.starts_with('.')
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b));
    ok.then_some(s)
}

fn span_id(start: usize, end: usize) -> String {
    format!("span-{start}-{end}")
}

/// The URL when it is `http` or `https`; anything else (`javascript:`, `data:`, relative) is
/// shown as text, never linked.
fn safe_url(url: &str) -> Option<&str> {
    let lower = url.trim().to_ascii_lowercase();
    let ok = (lower.starts_with("http://") || lower.starts_with("https://"))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control());
    ok.then_some(url)
}

/// No network, no plugins, no script but ours (by hash), styles inline only.
fn csp() -> String {
    use base64::Engine;
    use sha2::Digest;
    let hash = sha2::Sha256::digest(SCRIPT.as_bytes());
    let hash = base64::engine::general_purpose::STANDARD.encode(hash);
    format!(
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{hash}'; base-uri 'none'; form-action 'none'"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_urls_are_links() {
        assert_eq!(safe_url("https://a.example/x"), Some("https://a.example/x"));
        assert_eq!(safe_url("HTTP://A.EXAMPLE"), Some("HTTP://A.EXAMPLE"));
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url(" javascript:alert(1)//http://"), None);
        assert_eq!(safe_url("data:text/html,<script>"), None);
        assert_eq!(
            safe_url("https://a.example/\"onmouseover=x"),
            Some("https://a.example/\"onmouseover=x")
        );
        assert_eq!(safe_url("https://a.example/ x"), None);
    }

    #[test]
    fn hostile_ids_get_plain_file_names() {
        assert_eq!(
            article_file_name(0, "main-01.x_y"),
            "article-main-01.x_y.html"
        );
        assert_eq!(article_file_name(4, "../../etc/passwd"), "doc-5.html");
        assert_eq!(article_file_name(1, "\"><svg onload=1>"), "doc-2.html");
        assert_eq!(article_file_name(2, ".hidden"), "doc-3.html");
    }
}
