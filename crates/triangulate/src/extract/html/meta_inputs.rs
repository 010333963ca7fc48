//! What `html/meta.rs` reads from a page, gathered without deciding anything: the meta
//! tags, canonical links, JSON-LD blocks, `<title>`, `<h1>`s, `<time>`s, elements classed
//! as bylines, authors or dates, the visible text nodes and `<html lang>`.
//!
//! One [`Collector`] decides which elements matter and how their text is taken; two
//! fillers feed it the page as open / text / close events: the fast body path's lol_html
//! pass (`html/fast.rs`, no DOM) and [`from_dom`], a walk over a scraper DOM for pages that
//! lol_html rejects and for the full body path. Both skip what the full path's parse never
//! sees (`<svg>` and `<template>` content, scripts other than JSON-LD, styles).

use std::borrow::Cow;

use scraper::{ElementRef, Html, Node};

use super::entities;
use crate::model::Span;

/// An element whose text is read (an `<h1>`, a byline, a date line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Marked {
    /// Its text, white space folded; empty when it ran past [`MAX_MARKED_BYTES`].
    pub text: String,
    /// An ancestor is navigation, a footer, a sidebar or a menu.
    pub furniture: bool,
    /// It or an ancestor has "comment" in its class or id.
    pub comments: bool,
}

/// A `<time datetime>` element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct TimeTag {
    pub datetime: String,
    pub pubdate: bool,
    pub itemprop: String,
    pub class: String,
    /// An ancestor is page furniture.
    pub furniture: bool,
}

/// The visible text nodes of the page, outside scripts, styles, `<title>` and furniture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum TextNodes {
    /// Source ranges of text as written (entities not decoded): the lol_html filler, which
    /// copies nothing until a rule asks for them.
    Spans(Vec<Span>),
    /// Decoded texts: the DOM filler.
    Texts(Vec<String>),
}

/// The inputs of the metadata rules, in document order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct MetaInputs {
    /// `(key, content)` of each `<meta content>` per `property`, `name`, `itemprop` and
    /// `http-equiv` it has: key trimmed and lower-cased, content trimmed and not empty.
    pub metas: Vec<(String, String)>,
    /// `href` of each `<link rel=canonical>`.
    pub canonical: Vec<String>,
    /// The text of each `<script type="application/ld+json">`, as written.
    pub jsonld: Vec<String>,
    /// The text of the first `<title>`.
    pub title: Option<String>,
    pub h1s: Vec<Marked>,
    pub times: Vec<TimeTag>,
    /// Elements marked as a byline ([`is_byline`]).
    pub bylines: Vec<Marked>,
    /// Elements classed "author" ([`is_author_classed`]).
    pub authors: Vec<Marked>,
    /// Elements classed as a date ([`is_date_classed`]).
    pub dates: Vec<Marked>,
    pub text_nodes: TextNodes,
    /// `lang` (or `xml:lang`) of the first `<html>` that has one.
    pub html_lang: Option<String>,
}

impl MetaInputs {
    /// The visible text nodes, white space folded, empty ones left out; each is decoded and
    /// folded only when the iterator reaches it.
    pub fn text_nodes<'s>(&'s self, input: &'s str) -> Box<dyn Iterator<Item = String> + 's> {
        match &self.text_nodes {
            TextNodes::Texts(texts) => {
                Box::new(texts.iter().map(|t| fold(t)).filter(|t| !t.is_empty()))
            }
            TextNodes::Spans(spans) => Box::new(
                spans
                    .iter()
                    .filter_map(|s| input.get(s.start..s.end))
                    .map(|raw| fold(&entities::decode(raw)))
                    .filter(|t| !t.is_empty()),
            ),
        }
    }
}

/// Text of a byline or date element longer than this (as written) is not kept: the rules
/// read only short ones, and a wrapper classed "date" may hold a whole page.
const MAX_MARKED_BYTES: usize = 4096;

/// The element names its author: a byline class or id, `rel=author`, `itemprop=author`,
/// an author-name class.
pub(super) fn is_byline(attrs: &Attrs) -> bool {
    const CLASSES: &[&str] = &[
        "byline",
        "Byline",
        "author-name",
        "author_name",
        "authorName",
        "article-author",
        "post-author",
        "entry-author",
    ];
    CLASSES.iter().any(|c| attrs.class.contains(c))
        || attrs.id.contains("byline")
        || attrs.rel.eq_ignore_ascii_case("author")
        || attrs.itemprop == "author"
}

/// Any class naming an author.
pub(super) fn is_author_classed(attrs: &Attrs) -> bool {
    attrs.class.contains("author") || attrs.class.contains("Author")
}

/// A class or id naming a date line.
pub(super) fn is_date_classed(attrs: &Attrs) -> bool {
    ["date", "Date", "publish", "posted", "timestamp"]
        .iter()
        .any(|c| attrs.class.contains(c))
        || attrs.id.contains("date")
}

/// Words the byline, author, date and comment tests look for in a class or id: when a
/// value holds none, all of those tests fail.
const META_WORDS: &[&str] = &[
    "byline",
    "author",
    "date",
    "publish",
    "posted",
    "timestamp",
    "comment",
];

/// What an element's class and id name, in any case: page furniture (the fast body path's
/// lists) and any of [`META_WORDS`].
#[derive(Clone, Copy, Default)]
pub(super) struct Named {
    pub furniture: bool,
    pub meta: bool,
}

impl Named {
    /// What either of two values names.
    fn or(self, other: Named) -> Named {
        Named {
            furniture: self.furniture || other.furniture,
            meta: self.meta || other.meta,
        }
    }
}

/// [`Named`] for one class or id value: one automaton per list, each asked only whether
/// the value holds a word of it (a scan for every match of one joint list was slower: it
/// cannot skip ahead as `is_match` does).
fn names_in(value: &str) -> Named {
    static LISTS: std::sync::OnceLock<[aho_corasick::AhoCorasick; 2]> = std::sync::OnceLock::new();
    let [furniture, meta] = LISTS.get_or_init(|| {
        let automaton = |words: Vec<&str>| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(words)
                .expect("static words")
        };
        let furniture_words = super::CHROME_NAMES
            .iter()
            .chain(super::fast::MORE_CHROME_NAMES)
            .copied()
            .collect();
        [automaton(furniture_words), automaton(META_WORDS.to_vec())]
    });
    Named {
        furniture: furniture.is_match(value),
        meta: meta.is_match(value),
    }
}

/// [`Named`] of the class and id values a page has used so far: pages repeat the same few
/// values on many elements, and looking one up costs a fraction of scanning it.
#[derive(Default)]
pub(super) struct NameCache(rustc_hash::FxHashMap<String, Named>);

impl NameCache {
    /// Reads what `attrs`' class and id name through the cache, for [`Attrs::named`].
    pub fn prime(&mut self, attrs: &Attrs) {
        let mut named = |value: &str| {
            if value.is_empty() {
                return Named::default();
            }
            match self.0.get(value) {
                Some(n) => *n,
                None => *self.0.entry(value.to_string()).or_insert(names_in(value)),
            }
        };
        let _ = attrs.named.set(named(&attrs.class).or(named(&attrs.id)));
    }
}

/// The element itself is navigation, a footer, a sidebar or a menu.
fn is_furniture(tag: &str, attrs: &Attrs) -> bool {
    matches!(tag, "nav" | "footer" | "aside" | "menu")
        || matches!(&*attrs.role, "navigation" | "contentinfo" | "complementary")
}

/// The attributes the page readers use, entities decoded ("" when absent); read once per
/// element (the fast path's own tests use `role`, `style`, `hidden`, `class` and `id`).
#[derive(Default)]
pub(super) struct Attrs<'a> {
    pub class: Cow<'a, str>,
    pub id: Cow<'a, str>,
    pub role: Cow<'a, str>,
    pub rel: Cow<'a, str>,
    pub itemprop: Cow<'a, str>,
    pub content: Option<Cow<'a, str>>,
    pub name: Cow<'a, str>,
    pub property: Cow<'a, str>,
    pub http_equiv: Cow<'a, str>,
    pub href: Cow<'a, str>,
    pub kind: Cow<'a, str>,
    pub style: Cow<'a, str>,
    pub datetime: Option<Cow<'a, str>>,
    pub lang: Option<Cow<'a, str>>,
    pub pubdate: bool,
    pub hidden: bool,
    /// What the class and id name, read on first use ([`Attrs::named`]).
    named: std::cell::OnceCell<Named>,
}

impl<'a> Attrs<'a> {
    /// What the class and id name ([`Named`]), scanned once per element.
    pub fn named(&self) -> Named {
        *self
            .named
            .get_or_init(|| names_in(&self.class).or(names_in(&self.id)))
    }

    /// Sets the attribute `name` (lower case) to `value`; the first of a repeated name wins.
    pub fn set(&mut self, name: &str, value: Cow<'a, str>) {
        let slot = match name {
            "class" => &mut self.class,
            "id" => &mut self.id,
            "role" => &mut self.role,
            "rel" => &mut self.rel,
            "itemprop" => &mut self.itemprop,
            "name" => &mut self.name,
            "property" => &mut self.property,
            "http-equiv" => &mut self.http_equiv,
            "href" => &mut self.href,
            "type" => &mut self.kind,
            "style" => &mut self.style,
            "content" => return set_once(&mut self.content, value),
            "datetime" => return set_once(&mut self.datetime, value),
            "lang" => return set_once(&mut self.lang, value),
            // `lang` first, then `xml:lang`.
            "xml:lang" if self.lang.is_none() => return set_once(&mut self.lang, value),
            "pubdate" => {
                self.pubdate = true;
                return;
            }
            "hidden" => {
                self.hidden = true;
                return;
            }
            _ => return,
        };
        if slot.is_empty() {
            *slot = value;
        }
    }
}

fn set_once<'a>(slot: &mut Option<Cow<'a, str>>, value: Cow<'a, str>) {
    if slot.is_none() {
        *slot = Some(value);
    }
}

/// Attribute names [`Attrs::set`] reads; the fillers skip the others without copying.
pub(super) fn wanted_attribute(name: &str) -> bool {
    matches!(
        name,
        "class"
            | "id"
            | "role"
            | "rel"
            | "itemprop"
            | "content"
            | "name"
            | "property"
            | "http-equiv"
            | "href"
            | "type"
            | "datetime"
            | "pubdate"
            | "lang"
            | "xml:lang"
            | "style"
            | "hidden"
    )
}

/// Which list a capture's text goes to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Title,
    H1,
    Byline,
    Author,
    Date,
    JsonLd,
}

/// Text being read for an open element.
struct Capture {
    target: Target,
    /// Stack depth of the element: the capture ends when the stack drops below it.
    depth: usize,
    raw: String,
    /// Its place in its list: the lists are in start-tag order, as a selector query
    /// returns elements (an outer byline before the "By" inside it).
    slot: usize,
    /// Ran past [`MAX_MARKED_BYTES`].
    overflow: bool,
}

/// An open element, as the collector tracks it.
#[derive(Clone, Copy, Default)]
struct Frame {
    /// It or an ancestor is furniture.
    furniture: bool,
    /// It or an ancestor has "comment" in its class or id.
    comments: bool,
    /// Inside `<svg>`, `<template>` or a script: nothing here is read.
    inert: bool,
    /// A `<script>` (JSON-LD ones are captured, their text is not a text node).
    script: bool,
}

/// Gathers [`MetaInputs`] from open / text / close events in document order.
pub(super) struct Collector {
    inputs: MetaInputs,
    stack: Vec<Frame>,
    captures: Vec<Capture>,
    /// The text events carry text as written (entities to decode), not decoded text.
    raw_text: bool,
    /// The text node being read (lol_html filler): its start, and whether it is kept.
    node_start: Option<(usize, bool)>,
    title_seen: bool,
}

impl Collector {
    /// A collector for text as written (`raw_text`, the lol_html filler) or decoded.
    pub fn new(raw_text: bool) -> Self {
        Collector {
            inputs: MetaInputs {
                metas: Vec::new(),
                canonical: Vec::new(),
                jsonld: Vec::new(),
                title: None,
                h1s: Vec::new(),
                times: Vec::new(),
                bylines: Vec::new(),
                authors: Vec::new(),
                dates: Vec::new(),
                text_nodes: if raw_text {
                    TextNodes::Spans(Vec::new())
                } else {
                    TextNodes::Texts(Vec::new())
                },
                html_lang: None,
            },
            stack: Vec::new(),
            captures: Vec::new(),
            raw_text,
            node_start: None,
            title_seen: false,
        }
    }

    /// Open elements.
    pub fn depth(&self) -> usize {
        self.stack.len()
    }

    /// A start tag. `attrs` is called only for elements whose attributes matter. When
    /// `container` (the element can have content), the element is pushed and must be
    /// closed by [`Collector::truncate`].
    pub fn open(&mut self, tag: &str, container: bool, a: &Attrs) {
        let parent = self.stack.last().copied().unwrap_or_default();
        if parent.inert {
            if container {
                self.stack.push(parent);
            }
            return;
        }
        self.read_void(tag, a);
        if !container {
            return;
        }
        // Most elements have no class or id naming anything read here: one scan says so.
        let named = a.named().meta || !a.rel.is_empty();
        let comments = parent.comments
            || named
                && [&a.class, &a.id]
                    .into_iter()
                    .any(|v| super::super::clutter::contains_ascii_ci(v, b"comment"));
        let script = tag == "script";
        let jsonld = script && a.kind.eq_ignore_ascii_case("application/ld+json");
        let frame = Frame {
            furniture: parent.furniture || is_furniture(tag, a),
            comments,
            inert: matches!(tag, "svg" | "template" | "style") || (script && !jsonld),
            script,
        };
        let depth = self.stack.len();
        self.stack.push(frame);
        let mut capture = |target| {
            let marked = Marked {
                text: String::new(),
                furniture: parent.furniture,
                comments,
            };
            let slot = match target {
                Target::Title => 0,
                Target::H1 => push(&mut self.inputs.h1s, marked),
                Target::Byline => push(&mut self.inputs.bylines, marked),
                Target::Author => push(&mut self.inputs.authors, marked),
                Target::Date => push(&mut self.inputs.dates, marked),
                Target::JsonLd => push(&mut self.inputs.jsonld, String::new()),
            };
            self.captures.push(Capture {
                target,
                depth,
                raw: String::new(),
                slot,
                overflow: false,
            })
        };
        if jsonld {
            capture(Target::JsonLd);
        }
        if tag == "title" && !self.title_seen {
            self.title_seen = true;
            capture(Target::Title);
        }
        if tag == "h1" {
            capture(Target::H1);
        }
        if (named || !a.itemprop.is_empty()) && is_byline(a) {
            capture(Target::Byline);
        }
        if named && is_author_classed(a) {
            capture(Target::Author);
        }
        if named && is_date_classed(a) {
            capture(Target::Date);
        }
        if tag == "time" {
            if let Some(datetime) = &a.datetime {
                self.inputs.times.push(TimeTag {
                    datetime: datetime.to_string(),
                    pubdate: a.pubdate,
                    itemprop: a.itemprop.to_string(),
                    class: a.class.to_string(),
                    furniture: parent.furniture,
                });
            }
        }
    }

    /// What a tag states in its attributes alone: meta tags, canonical links, the page's
    /// language.
    fn read_void(&mut self, tag: &str, a: &Attrs) {
        match tag {
            "meta" => {
                let Some(content) = a.content.as_deref().map(str::trim) else {
                    return;
                };
                if content.is_empty() {
                    return;
                }
                for key in [&a.property, &a.name, &a.itemprop, &a.http_equiv] {
                    let key = key.trim();
                    if !key.is_empty() {
                        self.inputs
                            .metas
                            .push((key.to_lowercase(), content.to_string()));
                    }
                }
            }
            "link" if a.rel.eq_ignore_ascii_case("canonical") => {
                self.inputs.canonical.push(a.href.to_string());
            }
            "html" if self.inputs.html_lang.is_none() => {
                self.inputs.html_lang = a.lang.as_deref().map(str::to_string);
            }
            _ => {}
        }
    }

    /// Text: `text` as the filler has it; `start..` its place in the input when the filler
    /// knows it; `node_end` when it ends a text node; `data` when it is ordinary page text
    /// (not a script, style, `<title>` or raw-text element's).
    pub fn text(&mut self, text: &str, start: Option<usize>, node_end: bool, data: bool) {
        let frame = self.stack.last().copied().unwrap_or_default();
        if frame.inert {
            return;
        }
        for c in &mut self.captures {
            if c.overflow {
                continue;
            }
            if c.target != Target::JsonLd && c.raw.len() + text.len() > MAX_MARKED_BYTES {
                c.overflow = true;
                continue;
            }
            c.raw.push_str(text);
            if node_end && matches!(c.target, Target::Byline | Target::Author | Target::Date) {
                // Text nodes are joined with a space: "By" "Anna" → "By Anna".
                c.raw.push(' ');
            }
        }
        // A visible text node: its parent is not furniture's descendant, nor a script.
        let above = self
            .stack
            .len()
            .checked_sub(2)
            .and_then(|i| self.stack.get(i))
            .is_some_and(|f| f.furniture);
        let kept = data && !frame.script && !above;
        match &mut self.inputs.text_nodes {
            TextNodes::Texts(texts) => {
                if kept {
                    texts.push(text.to_string());
                }
            }
            TextNodes::Spans(spans) => {
                let Some(start) = start else { return };
                let (from, keep) = *self.node_start.get_or_insert((start, kept));
                if node_end {
                    self.node_start = None;
                    if keep {
                        spans.push(Span::new(from, start + text.len()));
                    }
                }
            }
        }
    }

    /// Closes every element from stack position `at` up, ending their captures.
    pub fn truncate(&mut self, at: usize) {
        if at >= self.stack.len() {
            return;
        }
        self.stack.truncate(at);
        let mut i = 0;
        while i < self.captures.len() {
            if self.captures[i].depth >= at {
                let c = self.captures.remove(i);
                self.finish(c);
            } else {
                i += 1;
            }
        }
    }

    fn finish(&mut self, c: Capture) {
        let decoded = if self.raw_text && c.target != Target::JsonLd {
            entities::decode(&c.raw).into_owned()
        } else {
            c.raw
        };
        let text = if c.overflow {
            String::new()
        } else if c.target == Target::JsonLd {
            decoded
        } else {
            fold(&decoded)
        };
        let list = match c.target {
            Target::Title => {
                self.inputs.title = Some(text);
                return;
            }
            Target::JsonLd => {
                if let Some(slot) = self.inputs.jsonld.get_mut(c.slot) {
                    *slot = text;
                }
                return;
            }
            Target::H1 => &mut self.inputs.h1s,
            Target::Byline => &mut self.inputs.bylines,
            Target::Author => &mut self.inputs.authors,
            Target::Date => &mut self.inputs.dates,
        };
        if let Some(marked) = list.get_mut(c.slot) {
            marked.text = text;
        }
    }

    /// The inputs, every element still open closed.
    pub fn finish_all(mut self) -> MetaInputs {
        self.truncate(0);
        self.inputs
    }
}

/// Pushes `item`, returning its index.
fn push<T>(list: &mut Vec<T>, item: T) -> usize {
    list.push(item);
    list.len() - 1
}

fn fold(s: &str) -> String {
    crate::extract::fold_spaces(s)
}

/// The inputs read from a parsed page (the DOM filler). The walk is iterative (ego_tree's
/// open/close edges): a page nested thousands of elements deep must not exhaust the stack.
pub(super) fn from_dom(page: &Html) -> MetaInputs {
    use ego_tree::iter::Edge;
    let mut collector = Collector::new(false);
    // Stack depth before each open element, to close it to.
    let mut depths = Vec::new();
    for edge in page.root_element().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    depths.push(collector.depth());
                    let mut attrs = Attrs::default();
                    for (name, value) in el.attrs() {
                        attrs.set(name, Cow::Borrowed(value));
                    }
                    collector.open(el.name(), true, &attrs);
                }
                Node::Text(t) => {
                    let parent = node.parent().and_then(ElementRef::wrap);
                    let data = !parent.is_some_and(|p| {
                        matches!(
                            p.value().name(),
                            "script" | "style" | "noscript" | "template" | "title"
                        )
                    });
                    collector.text(t, None, true, data);
                }
                _ => {}
            },
            Edge::Close(node) => {
                if node.value().is_element() {
                    if let Some(at) = depths.pop() {
                        collector.truncate(at);
                    }
                }
            }
        }
    }
    collector.finish_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_and_id_words_are_read_in_any_case_and_when_they_overlap() {
        let named = |class: &str| {
            let attrs = Attrs {
                class: class.into(),
                ..Attrs::default()
            };
            let n = attrs.named();
            (n.furniture, n.meta)
        };
        assert_eq!(named("col-md-8 entry-content"), (false, false));
        assert_eq!(named("Article-Byline"), (false, true));
        assert_eq!(named("ShareBar"), (true, false));
        assert_eq!(named("comments-area"), (true, true));
        // "publish" and "share" share "sh": both are found.
        assert_eq!(named("publishare"), (true, true));
        assert_eq!(named(""), (false, false));
    }
    use crate::extract::{empty_article, Article};

    /// The page's metadata as `meta::read` makes it from one filler's inputs.
    fn metadata(inputs: &MetaInputs, input: &str) -> Article {
        let mut article = empty_article();
        super::super::meta::read(inputs, input, &mut article);
        article
    }

    fn both(input: &str) -> (Article, Article) {
        let fast = super::super::fast::read(input).expect("lol_html reads the page");
        let markup = super::super::without_inert_markup(input);
        let dom = from_dom(&Html::parse_document(&markup));
        (metadata(&fast.meta, input), metadata(&dom, input))
    }

    /// Every page of the article-extraction benchmark (in `../shared`).
    fn bench_pages() -> Vec<(String, String)> {
        use std::io::Read;
        let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/bench/article-extraction/html");
        let entries = std::fs::read_dir(&dir).expect("../shared beside the checkout");
        let mut names: Vec<_> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".html.gz"))
            .collect();
        names.sort();
        names
            .into_iter()
            .map(|name| {
                let gz = std::fs::read(dir.join(&name)).expect("page");
                let mut bytes = Vec::new();
                flate2::read::GzDecoder::new(&gz[..])
                    .read_to_end(&mut bytes)
                    .expect("gzip");
                let (doc, _) = crate::ingest::decode(&name, "page.html", &bytes).expect("decodes");
                (name, doc.input)
            })
            .collect()
    }

    #[test]
    fn lists_are_in_start_tag_order_and_skip_inert_markup() {
        let html = r#"<html lang="de"><head><title>A &amp; B</title>
<meta property="og:title" content="Dam &quot;fails&quot;"><link rel="Canonical" href="https://x.org/a">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"A &amp; B"}</script>
<script>var t = "<h1>no</h1>";</script></head><body><nav><h1>Herald</h1></nav>
<h6 class="byline"><em class="byline__by">By </em><a>Anna <b>Korvel</b></a></h6>
<svg><title>Share</title><text class="date">never</text></svg>
<div class="comments"><span class="author">Troll</span></div>
<time datetime="2025-03-14" itemprop="datePublished">14 March</time></body></html>"#;
        let fast = super::super::fast::read(html).expect("reads").meta;
        let markup = super::super::without_inert_markup(html);
        let dom = from_dom(&Html::parse_document(&markup));
        for m in [&fast, &dom] {
            assert_eq!(m.title.as_deref(), Some("A & B"));
            assert_eq!(m.html_lang.as_deref(), Some("de"));
            assert_eq!(m.canonical, ["https://x.org/a"]);
            assert!(m
                .metas
                .contains(&("og:title".into(), "Dam \"fails\"".into())));
            assert_eq!(m.jsonld.len(), 1);
            assert!(
                m.jsonld[0].contains("A &amp; B"),
                "JSON-LD is kept as written"
            );
            let h1s: Vec<_> = m
                .h1s
                .iter()
                .map(|h| (h.text.as_str(), h.furniture))
                .collect();
            assert_eq!(h1s, [("Herald", true)]);
            let bylines: Vec<_> = m.bylines.iter().map(|b| b.text.as_str()).collect();
            assert_eq!(bylines, ["By Anna Korvel", "By"]);
            assert_eq!(m.authors.len(), 1);
            assert!(m.authors[0].comments);
            assert!(m.dates.is_empty(), "svg content is not read");
            assert_eq!(m.times[0].datetime, "2025-03-14");
            let nodes: Vec<String> = m.text_nodes(html).collect();
            assert!(nodes.contains(&"14 March".to_string()));
            assert!(!nodes.iter().any(|n| n.contains("no") || n == "Share"));
        }
        assert_eq!(fast, dom_without_text_nodes(&fast, dom));
    }

    #[test]
    fn a_page_nested_deep_is_read_without_recursion() {
        let depth = 20_000;
        let html = format!(
            "<html><body>{}<span class=byline>By Anna Korvel</span>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let fast = super::super::fast::read(&html).expect("reads").meta;
        let dom = from_dom(&Html::parse_document(&html));
        for m in [&fast, &dom] {
            assert_eq!(m.bylines.len(), 1);
            assert_eq!(m.bylines[0].text, "By Anna Korvel");
        }
    }

    /// `dom` with `fast`'s text node representation (spans against texts), for comparing
    /// the rest.
    fn dom_without_text_nodes(fast: &MetaInputs, mut dom: MetaInputs) -> MetaInputs {
        dom.text_nodes = fast.text_nodes.clone();
        dom
    }

    #[test]
    fn both_fillers_give_the_same_metadata_on_the_benchmark_pages() {
        let mut differ = Vec::new();
        let pages = bench_pages();
        assert_eq!(pages.len(), 181);
        for (name, input) in &pages {
            let (fast, dom) = both(input);
            let fields = |a: &Article| {
                format!(
                    "{:?}",
                    (
                        &a.title,
                        &a.outlet,
                        &a.url,
                        &a.authors,
                        &a.author,
                        &a.agency,
                        &a.published,
                        &a.modified,
                        &a.language
                    )
                )
            };
            if fields(&fast) != fields(&dom) {
                eprintln!(
                    "{name}\n  lol_html: {}\n  dom:      {}",
                    fields(&fast),
                    fields(&dom)
                );
                differ.push(name.clone());
            }
        }
        assert!(
            differ.is_empty(),
            "{} of {} differ: {differ:?}",
            differ.len(),
            pages.len()
        );
    }
}
