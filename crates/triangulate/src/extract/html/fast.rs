//! The fast body path: one lol_html pass over the page and no DOM tree.
//!
//! The same pass feeds the metadata [`Collector`] (`html/meta_inputs.rs`): each element's
//! attributes are read once, sliced from the input, for both.
//!
//! The pass records every element as a [`Node`] (its parent and what its tag, class, id,
//! role and attributes say about it: page furniture, hidden, article container) and cuts
//! the page's text into [`Run`]s: the text of a block-level element between its
//! block-level children, with its source span, the element that holds it and how much of
//! it is link text. lol_html reports no end for implicitly closed elements, so the pass
//! keeps its own stack of open elements and closes `<p>`, `<li>`, `<td>`, `<dd>` and
//! `<option>` the way the HTML tree builder would.
//!
//! [`choose`] then scores containers: a run of prose (20 letters or more, at most half of
//! them link text, not furniture) adds its letters to its element and parent, half to its
//! grandparent, a quarter to the next; a link or furniture run takes its letters away.
//! The best node grows to its parent while what the parent adds is mostly prose (an
//! article cut in parts), and takes in siblings that are prose too. The body is the runs
//! inside, and its [`Confidence`] (how much of the page's prose the choice holds) tells
//! `html.rs` whether to trust it. When it does not, [`choose_by_headline`] makes a second
//! choice over the same runs: the ancestor of the first prose under the headline with the
//! most prose net of clutter from the headline on (the article rather than its comments,
//! another story, or one of its parts); only when that fails too does the page go the
//! full way.

use std::cell::RefCell;
use std::rc::Rc;

use lol_html::html_content::{Element, TextChunk, TextType};
use lol_html::{doc_text, element, HtmlRewriter, Settings};

use super::entities;
use super::meta_inputs::{self, Attrs, Collector, MetaInputs, NameCache};
use crate::model::Span;

/// No parent.
const ROOT: u32 = u32::MAX;

/// The node is page furniture by tag, role or name: its text is never body.
const CHROME: u8 = 1;
/// Inside `<article>` or `<main>`.
const CONTENT: u8 = 2;
/// Flags a node passes to its descendants.
const INHERITED: u8 = CHROME | CONTENT;

/// An element as the pass saw it.
#[derive(Clone, Copy)]
pub(super) struct Node {
    /// Index of the parent node, [`ROOT`] for none.
    pub parent: u32,
    flags: u8,
    /// Its class or id names page furniture (not inherited: see [`choose`]).
    named: bool,
}

impl Node {
    /// The node or an ancestor is page furniture.
    pub fn chrome(&self) -> bool {
        self.flags & CHROME != 0
    }
}

/// The text of a block-level element between its block-level children.
pub(super) struct Run {
    /// Decoded, white space folded.
    pub text: String,
    /// From the start of its first text chunk to the end of its last, in the input.
    pub span: Span,
    /// The innermost block-level element holding it.
    pub owner: u32,
    /// Letters and digits in the run, and those inside links.
    pub letters: usize,
    pub link_letters: usize,
}

impl Run {
    /// The share of its letters that are link text.
    pub fn link_share(&self) -> f64 {
        if self.letters == 0 {
            0.0
        } else {
            self.link_letters as f64 / self.letters as f64
        }
    }
}

/// What one pass over a page finds.
pub(super) struct Page {
    pub nodes: Vec<Node>,
    pub runs: Vec<Run>,
    /// What the metadata rules read, gathered in the same pass.
    pub meta: MetaInputs,
}

/// How an element takes part in the text flow.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Text inside it continues the run around it.
    Inline,
    /// Starts and ends a run.
    Block,
    /// `<a>`: inline, its text is link text.
    Link,
    /// `<p>`: closed by the next block-level start tag.
    Paragraph,
    /// `<li>`, `<dd>`/`<dt>`, `<td>`/`<th>`, `<tr>`, `<option>`: closed by the next one of
    /// its kind.
    Item(&'static str),
}

fn kind(tag: &str) -> Kind {
    match tag {
        "a" => Kind::Link,
        "p" => Kind::Paragraph,
        "li" => Kind::Item("li"),
        "dd" | "dt" => Kind::Item("dd"),
        "td" | "th" => Kind::Item("td"),
        "tr" => Kind::Item("tr"),
        "option" => Kind::Item("option"),
        "div" | "section" | "article" | "main" | "header" | "footer" | "nav" | "aside"
        | "blockquote" | "pre" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol" | "dl"
        | "table" | "tbody" | "thead" | "tfoot" | "caption" | "form" | "fieldset" | "figure"
        | "figcaption" | "address" | "details" | "summary" | "center" | "menu" | "dialog"
        | "body" | "html" | "br" | "hr" | "select" | "textarea" | "button" | "iframe"
        | "noscript" | "video" | "audio" | "object" | "canvas" | "svg" | "math" | "img"
        | "picture" | "hgroup" => Kind::Block,
        _ => Kind::Inline,
    }
}

/// Block-level start tags that close an open `<p>` (the tree builder's list).
fn closes_paragraph(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "ul"
            | "li"
            | "dd"
            | "dt"
    )
}

/// Tags whose text is never article body.
const CHROME_TAGS: &[&str] = &[
    "nav",
    "aside",
    "button",
    "select",
    "menu",
    "dialog",
    "figcaption",
    "textarea",
    "option",
    "iframe",
    "object",
    "video",
    "audio",
    "canvas",
    "svg",
    "math",
    "template",
    "noscript",
    "label",
];

/// Class or id fragments of page furniture beyond the full path's list
/// ([`super::CHROME_NAMES`]): picture captions and galleries, and text only screen readers
/// read.
pub(super) const MORE_CHROME_NAMES: &[&str] = &[
    "caption",
    "gallery",
    "slideshow",
    "carousel",
    "lightbox",
    "sr-only",
    "visually-hidden",
    "screen-reader",
];

/// An open element on the pass's stack.
#[derive(Clone, Copy)]
struct Open {
    node: u32,
    kind: Kind,
}

/// The pass's state, shared by the element, end-tag and text handlers.
struct Pass {
    nodes: Vec<Node>,
    stack: Vec<Open>,
    /// Open `<a>` elements on the stack.
    links: usize,
    runs: Vec<Run>,
    /// The run being read: its raw text (entities not decoded), span, owner, letters.
    raw: String,
    start: usize,
    end: usize,
    owner: u32,
    letters: usize,
    link_letters: usize,
    /// The metadata inputs; its stack of open elements mirrors `stack`.
    meta: Collector,
    names: NameCache,
}

impl Pass {
    fn new() -> Self {
        Pass {
            nodes: Vec::new(),
            stack: Vec::new(),
            links: 0,
            runs: Vec::new(),
            raw: String::new(),
            start: 0,
            end: 0,
            owner: ROOT,
            letters: 0,
            link_letters: 0,
            meta: Collector::new(true),
            names: NameCache::default(),
        }
    }

    /// Ends the current run.
    fn flush(&mut self) {
        if self.raw.is_empty() {
            return;
        }
        let text = crate::extract::fold_spaces(&entities::decode(&self.raw));
        if !text.is_empty() {
            self.runs.push(Run {
                text,
                span: Span::new(self.start, self.end),
                owner: self.owner,
                letters: self.letters,
                link_letters: self.link_letters,
            });
        }
        self.raw.clear();
        self.letters = 0;
        self.link_letters = 0;
    }

    /// Pops the stack down to (not including) position `at`.
    fn truncate(&mut self, at: usize) {
        for open in self.stack.drain(at..) {
            if open.kind == Kind::Link {
                self.links = self.links.saturating_sub(1);
            }
        }
        self.meta.truncate(at);
    }

    /// Closes the open element of `kind` the new start tag implies the end of, looking down
    /// the stack through inline elements (and, for items, through any element short of a
    /// container of items).
    fn close_implied(&mut self, tag: &str, kind: Kind) {
        let wanted = match kind {
            Kind::Item(k) => Some(k),
            _ => None,
        };
        let paragraph = closes_paragraph(tag);
        for i in (0..self.stack.len()).rev() {
            let open = self.stack[i];
            let hit = (paragraph && open.kind == Kind::Paragraph)
                || matches!((wanted, open.kind), (Some(w), Kind::Item(k)) if w == k);
            if hit {
                self.flush();
                self.truncate(i);
                return;
            }
            let pass_through = matches!(open.kind, Kind::Inline | Kind::Link)
                || (wanted.is_some() && open.kind == Kind::Paragraph)
                || (wanted == Some("tr") && open.kind == Kind::Item("td"));
            if !pass_through {
                return;
            }
        }
    }

    /// The innermost open block-level element.
    fn block_owner(&self) -> u32 {
        self.stack
            .iter()
            .rev()
            .find(|o| !matches!(o.kind, Kind::Inline | Kind::Link))
            .map_or(ROOT, |o| o.node)
    }

    fn text(&mut self, chunk: &TextChunk) {
        let s = chunk.as_str();
        let location = chunk.source_location().bytes();
        let data = chunk.text_type() == TextType::Data;
        self.meta
            .text(s, Some(location.start), chunk.last_in_text_node(), data);
        if !data {
            return;
        }
        if self.raw.is_empty() {
            let Some(lead) = s.find(|c: char| !c.is_whitespace()) else {
                return;
            };
            self.start = location.start + lead;
            self.owner = self.block_owner();
        }
        self.raw.push_str(s);
        let letters = letters(s);
        self.letters += letters;
        if self.links > 0 {
            self.link_letters += letters;
        }
        let trailing = s.len() - s.trim_end().len();
        if trailing < s.len() {
            self.end = location.end - trailing;
        }
    }
}

/// Letters and digits, counted on bytes: ASCII ones, and every non-ASCII character (its
/// lead byte), as nearly all of those in page text are letters. Decoding each character
/// to ask was a tenth of the pass; a table of the 256 bytes halves what testing each byte
/// against ranges cost.
fn letters(s: &str) -> usize {
    static COUNTS: [u8; 256] = {
        let mut table = [0u8; 256];
        let mut b = 0;
        while b < 256 {
            let byte = b as u8;
            table[b] = (byte.is_ascii_alphanumeric() || byte >= 0xC0) as u8;
            b += 1;
        }
        table
    };
    s.bytes().map(|b| usize::from(COUNTS[usize::from(b)])).sum()
}

/// Reads the page in one pass. `None` when lol_html rejects it (it then goes the full way).
pub(super) fn read(input: &str) -> Option<Page> {
    let pass = Rc::new(RefCell::new(Pass::new()));
    let on_element = {
        let pass = Rc::clone(&pass);
        move |el: &mut Element| {
            open(&pass, el, input);
            Ok(())
        }
    };
    let on_text = {
        let pass = Rc::clone(&pass);
        move |chunk: &mut TextChunk| {
            pass.borrow_mut().text(chunk);
            Ok(())
        }
    };
    let settings = Settings::new()
        .append_element_content_handler(element!("*", on_element))
        .append_document_content_handler(doc_text!(on_text));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    rewriter.write(input.as_bytes()).ok()?;
    rewriter.end().ok()?;
    let mut pass = pass.borrow_mut();
    pass.flush();
    let meta = std::mem::replace(&mut pass.meta, Collector::new(true));
    Some(Page {
        nodes: std::mem::take(&mut pass.nodes),
        runs: std::mem::take(&mut pass.runs),
        meta: meta.finish_all(),
    })
}

/// The element's attributes that the readers use, sliced from the input (no copy unless a
/// value has character references to decode).
fn attributes<'a>(el: &Element, input: &'a str) -> Attrs<'a> {
    let mut attrs = Attrs::default();
    for a in el.attributes() {
        let Some(name) = a.name_source_location().and_then(|l| input.get(l.bytes())) else {
            continue;
        };
        let lower;
        let name = if name.bytes().any(|b| b.is_ascii_uppercase()) {
            lower = name.to_ascii_lowercase();
            lower.as_str()
        } else {
            name
        };
        if !meta_inputs::wanted_attribute(name) {
            continue;
        }
        let value = a
            .value_source_location()
            .and_then(|l| input.get(l.bytes()))
            .unwrap_or("");
        attrs.set(name, entities::decode(value));
    }
    attrs
}

/// The element's tag name, lower case: sliced from its start tag in the input when it is
/// written in lower-case letters and digits (nearly always), else `Element::tag_name`,
/// which allocates a string for every element.
fn tag_name<'a>(el: &Element, input: &'a str) -> std::borrow::Cow<'a, str> {
    let from_source = input
        .get(el.source_location().bytes())
        .and_then(|tag| tag.strip_prefix('<'))
        .and_then(|tag| {
            let len = tag
                .bytes()
                .take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                .count();
            // The name must end where the tokenizer ends it.
            let ends = matches!(
                tag.as_bytes().get(len),
                Some(b' ' | b'\t' | b'\n' | 0x0C | b'/' | b'>')
            );
            (len > 0 && ends).then(|| &tag[..len])
        });
    match from_source {
        Some(name) => std::borrow::Cow::Borrowed(name),
        None => std::borrow::Cow::Owned(el.tag_name()),
    }
}

/// A start tag: closes what it implies, records the node, ends the run before a block.
fn open(pass: &Rc<RefCell<Pass>>, el: &mut Element, input: &str) {
    let tag = tag_name(el, input);
    let kind = kind(&tag);
    let mut p = pass.borrow_mut();
    if kind != Kind::Inline && kind != Kind::Link {
        p.close_implied(&tag, kind);
        p.flush();
    }
    let container = el.can_have_content();
    if container && p.stack.is_empty() {
        // Nothing is written out: removing the outermost element's content turns off
        // lol_html's serialisation of every token inside it (handlers still run), about
        // 4 % of the pass.
        el.remove();
    }
    let attrs = attributes(el, input);
    p.names.prime(&attrs);
    p.meta.open(&tag, container, &attrs);
    if !container {
        return;
    }
    let parent = p.stack.last().map_or(ROOT, |o| o.node);
    let inherited = p
        .nodes
        .get(parent as usize)
        .map_or(0, |n| n.flags & INHERITED);
    let flags = inherited | own_flags(&tag, &attrs, inherited);
    let named = named_furniture(&tag, &attrs);
    let id = p.nodes.len() as u32;
    p.nodes.push(Node {
        parent,
        flags,
        named,
    });
    p.stack.push(Open { node: id, kind });
    if kind == Kind::Link {
        p.links += 1;
    }
    drop(p);
    let pass = Rc::clone(pass);
    let close: lol_html::EndTagHandler<'static> = Box::new(move |_| {
        let mut p = pass.borrow_mut();
        if kind != Kind::Inline && kind != Kind::Link {
            p.flush();
        }
        if let Some(at) = p.stack.iter().rposition(|o| o.node == id) {
            p.truncate(at);
        }
        Ok(())
    });
    // Never fails: the element can have content.
    let _ = el.on_end_tag(close);
}

/// What the element itself says about its text.
fn own_flags(tag: &str, el: &Attrs, inherited: u8) -> u8 {
    let mut flags = 0;
    let role = &*el.role;
    if matches!(tag, "article" | "main") || role == "main" {
        flags |= CONTENT;
    }
    let chrome_tag = CHROME_TAGS.contains(&tag)
        || (matches!(tag, "header" | "footer") && inherited & CONTENT == 0)
        || matches!(
            role,
            "navigation" | "banner" | "contentinfo" | "complementary"
        );
    let hidden = el.hidden
        || (!el.style.is_empty() && {
            let s = el.style.to_ascii_lowercase();
            s.contains("display:none") || s.contains("display: none")
        });
    if chrome_tag || hidden {
        flags |= CHROME;
    }
    flags
}

/// The element's class or id names page furniture ([`super::CHROME_NAMES`],
/// [`MORE_CHROME_NAMES`]); `html`, `body`, `main` and `article` never count.
fn named_furniture(tag: &str, el: &Attrs) -> bool {
    !matches!(tag, "html" | "body" | "main" | "article") && el.named().furniture
}

/// Runs shorter than this many letters neither make nor break a container.
const MIN_PROSE_LETTERS: usize = 20;

/// A run with more link letters than this share is a link list, not prose.
const MAX_PROSE_LINK_SHARE: f64 = 0.5;

/// How much a letter of furniture or link text inside a container costs it, against a
/// letter of prose.
const CLUTTER_COST: f64 = 1.0;

/// How sure the fast path is of its body.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Confidence {
    /// Prose letters inside the chosen container.
    pub prose: usize,
    /// Prose letters on the whole page.
    pub page_prose: usize,
}

/// A run's letters as (prose, clutter): furniture and link lists are clutter; a run of
/// 20 letters or more otherwise is prose; a shorter one is neither.
fn weigh(owner: &Node, run: &Run) -> (usize, usize) {
    if owner.chrome() || run.link_share() > MAX_PROSE_LINK_SHARE {
        (0, run.letters)
    } else if run.letters >= MIN_PROSE_LETTERS {
        (run.letters, 0)
    } else {
        (0, 0)
    }
}

/// The prose letters of a run ([`weigh`]); 0 for a run without a node.
fn prose_letters(page: &Page, run: &Run) -> usize {
    page.nodes
        .get(run.owner as usize)
        .map_or(0, |owner| weigh(owner, run).0)
}

/// The runs of `inner` with prose (not furniture there) are all runs of `outer`: the
/// same container, or one inside it.
pub(super) fn within(page: &Page, inner: &Choice, outer: &Choice) -> bool {
    inner
        .runs
        .iter()
        .filter(|&&(r, chrome)| !chrome && prose_letters(page, &page.runs[r]) > 0)
        .all(|(r, _)| outer.runs.binary_search_by_key(r, |(o, _)| *o).is_ok())
}

/// The chosen container: the runs inside it, each with whether it is furniture there.
pub(super) struct Choice {
    pub runs: Vec<(usize, bool)>,
    pub confidence: Confidence,
}

/// Where the chosen body lies against the page's headline.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Layout {
    /// A headline run comes before the container's first prose.
    pub headline: bool,
    /// Prose letters outside the container from the last such headline to the container's
    /// last run: parts of the article the container misses (a lead paragraph in another
    /// block, the article's first half when the container holds its second, the article
    /// itself when the container is its comments).
    pub missed: usize,
    /// The first text after the container (furniture aside) is prose: the article may go
    /// on past it (cut by an embedded player or a picture into blocks the container does
    /// not join).
    pub continues: bool,
}

/// The layout of `choice` on the page, the headline being the runs `is_headline` says.
///
/// Prose after the container (comments, related stories, a sidebar below the article)
/// does not count against it: it lowers the container's share of the page's prose, but
/// the article does not continue there.
pub(super) fn layout(page: &Page, choice: &Choice, is_headline: impl Fn(&Run) -> bool) -> Layout {
    let mut inside = vec![false; page.runs.len()];
    for &(r, chrome) in &choice.runs {
        inside[r] = !chrome;
    }
    let prose = |r: usize| prose_letters(page, &page.runs[r]);
    let Some(first) = (0..page.runs.len()).find(|&r| inside[r] && prose(r) > 0) else {
        return Layout::default();
    };
    let Some(headline) = (0..first).rev().find(|&r| is_headline(&page.runs[r])) else {
        return Layout::default();
    };
    let last = (first..page.runs.len())
        .rev()
        .find(|&r| inside[r])
        .unwrap_or(first);
    // The first text after the container that is not furniture.
    let next = (last + 1..page.runs.len()).find(|&r| {
        let run = &page.runs[r];
        run.letters > 0
            && page
                .nodes
                .get(run.owner as usize)
                .is_some_and(|n| !n.chrome())
    });
    Layout {
        headline: true,
        missed: (headline + 1..=last)
            .filter(|&r| !inside[r])
            .map(prose)
            .sum(),
        continues: next.is_some_and(|r| prose(r) > 0),
    }
}

/// Per node, sums over its subtree's runs: prose and clutter letters, and the score of
/// prose net of clutter weighted by how near the run's element is to the node (a
/// paragraph counts fully for its element and its parent, half for its grandparent, a
/// quarter above that, nothing higher). Runs below a node named as furniture are clutter
/// for the nodes above it.
pub(super) struct Scores {
    prose: Vec<usize>,
    clutter: Vec<usize>,
    near: Vec<f64>,
    /// Prose letters on the whole page.
    page_prose: usize,
}

/// The [`Scores`] of a page's nodes.
pub(super) fn scores(page: &Page) -> Scores {
    let n = page.nodes.len();
    let (mut prose, mut clutter) = (vec![0usize; n], vec![0usize; n]);
    let mut near = vec![0f64; n];
    let mut page_prose = 0;
    for run in &page.runs {
        let Some(owner) = page.nodes.get(run.owner as usize) else {
            continue;
        };
        let (p, c) = weigh(owner, run);
        page_prose += p;
        let mut below_named = false;
        let mut at = run.owner;
        let mut depth = 0;
        while let Some(node) = page.nodes.get(at as usize) {
            let (p, c) = if below_named {
                (0, run.letters)
            } else {
                (p, c)
            };
            prose[at as usize] += p;
            clutter[at as usize] += c;
            let weight = NEAR_WEIGHTS.get(depth).copied().unwrap_or(0.0);
            near[at as usize] += weight * (p as f64 - CLUTTER_COST * c as f64);
            below_named |= node.named;
            at = node.parent;
            depth += 1;
        }
    }
    Scores {
        prose,
        clutter,
        near,
        page_prose,
    }
}

/// The container whose prose most outweighs its clutter, and its runs.
///
/// Furniture by tag (navigation, asides, page headers and footers, hidden elements) is
/// clutter wherever it is. Furniture by name (a class or id saying share, related,
/// sidebar …) is clutter only for the containers around it: such names also sit on page
/// wrappers ("has-sidebar", "comments-open"), and the article inside one is still prose
/// to every container inside that wrapper. A node named so is never chosen itself.
pub(super) fn choose(page: &Page, scores: &Scores) -> Choice {
    let n = page.nodes.len();
    let Scores {
        prose,
        clutter,
        near,
        page_prose,
    } = scores;
    let page_prose = *page_prose;
    // The first (outermost) of equal scores: deterministic.
    let best = (0..n)
        .filter(|&i| !page.nodes[i].named)
        .fold(None::<usize>, |best, i| match best {
            Some(b) if near[b] >= near[i] => Some(b),
            _ => Some(i),
        });
    let Some(best) = best else {
        return Choice {
            runs: Vec::new(),
            confidence: Confidence::default(),
        };
    };
    // Up to the parent while what it adds is prose: the article's other parts.
    let mut best = best;
    while let Some(parent) = page.nodes.get(page.nodes[best].parent as usize) {
        let up = page.nodes[best].parent as usize;
        let added = prose[up] - prose[best];
        let added_clutter = clutter[up] - clutter[best];
        let clean =
            added >= MIN_GROW_PROSE && added_clutter as f64 <= MAX_SIBLING_CLUTTER * added as f64;
        if !clean || parent.named {
            break;
        }
        best = up;
    }
    let mut containers = vec![best as u32];
    let parent = page.nodes[best].parent;
    if parent != ROOT {
        // Siblings that are prose too: an article cut in parts by ads or pictures.
        let threshold = (near[best] * SIBLING_SHARE).max(MIN_SIBLING_PROSE as f64);
        containers.extend(
            (0..n)
                .filter(|&i| {
                    i != best
                        && page.nodes[i].parent == parent
                        && !page.nodes[i].named
                        && !page.nodes[i].chrome()
                        && prose[i] as f64 >= threshold
                        && clutter[i] as f64 <= MAX_SIBLING_CLUTTER * prose[i] as f64
                })
                .map(|i| i as u32),
        );
    }
    let runs: Vec<(usize, bool)> = (0..page.runs.len())
        .filter_map(|r| {
            let run = &page.runs[r];
            let named = containers
                .iter()
                .find_map(|&c| named_below(page, run.owner, c))?;
            let chrome = named || page.nodes[run.owner as usize].chrome();
            Some((r, chrome))
        })
        .collect();
    let prose_in = containers.iter().map(|&i| prose[i as usize]).sum();
    Choice {
        runs,
        confidence: Confidence {
            prose: prose_in,
            page_prose,
        },
    }
}

/// The second choice, for a page whose first container is not placed like the article
/// (the comments under it, another story, one part of an article cut in blocks): the
/// container chosen by the headline rather than by prose mass. The headline is the last
/// of the runs `is_headline` says (not furniture, not link text: a headline of another
/// story in a list) before the first prose
/// that follows the first of them; the container is the ancestor of that prose's element
/// with the most prose net of clutter counted from the headline on (what comes before the
/// headline is not this article: it counts as clutter). Its runs are those after the
/// headline, furniture inside marked as in [`choose`], except that names on the
/// ancestors of that first prose that do not hold the headline are not furniture: they
/// name the body's wrappers.
pub(super) fn choose_by_headline(
    page: &Page,
    scores: &Scores,
    is_headline: impl Fn(&Run) -> bool,
) -> Option<Choice> {
    let headline_run = |r: &Run| {
        r.link_share() <= MAX_PROSE_LINK_SHARE
            && page
                .nodes
                .get(r.owner as usize)
                .is_some_and(|n| !n.chrome())
            && is_headline(r)
    };
    let first = page.runs.iter().position(headline_run)?;
    let lead = (first + 1..page.runs.len()).find(|&r| prose_letters(page, &page.runs[r]) > 0)?;
    let headline = (first..lead)
        .rev()
        .find(|&r| headline_run(&page.runs[r]))
        .unwrap_or(first);
    // The ancestors of the lead's element, innermost first, and their net prose.
    let mut chain = Vec::new();
    let mut at = page.runs[lead].owner;
    while let Some(node) = page.nodes.get(at as usize) {
        chain.push(at);
        at = node.parent;
    }
    let mut in_chain = vec![u32::MAX; page.nodes.len()];
    for (i, &node) in chain.iter().enumerate() {
        in_chain[node as usize] = i as u32;
    }
    // A name on an element that holds the article's first prose but not its headline
    // names a wrapper of the body (page builders name every block "widget"), not
    // furniture. One that holds both is a column of the page, and may hold furniture too.
    let mut holds_headline = vec![false; page.nodes.len()];
    let mut at = page.runs[headline].owner;
    while let Some(node) = page.nodes.get(at as usize) {
        holds_headline[at as usize] = true;
        at = node.parent;
    }
    let furniture_name = |node: u32| {
        page.nodes[node as usize].named
            && (in_chain[node as usize] == u32::MAX || holds_headline[node as usize])
    };
    let mut net = vec![0i64; chain.len()];
    for (r, run) in page.runs.iter().enumerate() {
        let Some(owner) = page.nodes.get(run.owner as usize) else {
            continue;
        };
        let (p, c) = weigh(owner, run);
        let (p, c) = if r < headline { (0, p + c) } else { (p, c) };
        let mut below_named = false;
        let mut at = run.owner;
        while let Some(node) = page.nodes.get(at as usize) {
            if let Some(sum) = net.get_mut(in_chain[at as usize] as usize) {
                *sum += if below_named {
                    -(run.letters as i64)
                } else {
                    p as i64 - c as i64
                };
            }
            below_named |= furniture_name(at);
            at = node.parent;
        }
    }
    // The first (innermost) of equal scores.
    let best = (0..chain.len()).fold(None::<usize>, |best, i| match best {
        Some(b) if net[b] >= net[i] => Some(b),
        _ => Some(i),
    })?;
    let container = chain[best];
    let runs: Vec<(usize, bool)> = (headline + 1..page.runs.len())
        .filter_map(|r| {
            let run = &page.runs[r];
            let named = named_below_by(page, run.owner, container, furniture_name)?;
            Some((r, named || page.nodes[run.owner as usize].chrome()))
        })
        .collect();
    let prose = runs
        .iter()
        .filter(|(_, chrome)| !chrome)
        .map(|&(r, _)| prose_letters(page, &page.runs[r]))
        .sum();
    Some(Choice {
        runs,
        confidence: Confidence {
            prose,
            page_prose: scores.page_prose,
        },
    })
}

/// The parent of the chosen container replaces it when it adds at least this many letters
/// of prose (and no more clutter than a sibling may have).
const MIN_GROW_PROSE: usize = 200;

/// Weights of a run for its element, parent, grandparent and great-grandparent.
const NEAR_WEIGHTS: [f64; 4] = [1.0, 1.0, 0.5, 0.25];

/// A sibling of the chosen container joins it when its prose is at least this share of
/// the container's score …
const SIBLING_SHARE: f64 = 0.2;
/// … and at least this many letters …
const MIN_SIBLING_PROSE: usize = 100;
/// … and its clutter is at most this share of its prose.
const MAX_SIBLING_CLUTTER: f64 = 0.25;

/// `None` when `node` is not `container` or inside it; else whether a node named as
/// furniture lies between them (`node` included, `container` not).
fn named_below(page: &Page, node: u32, container: u32) -> Option<bool> {
    named_below_by(page, node, container, |n| page.nodes[n as usize].named)
}

/// [`named_below`], a node's name counting as furniture when `named` says so.
fn named_below_by(
    page: &Page,
    mut node: u32,
    container: u32,
    named: impl Fn(u32) -> bool,
) -> Option<bool> {
    let mut below = false;
    while node != ROOT {
        if node == container {
            return Some(below);
        }
        let n = page.nodes.get(node as usize)?;
        below |= named(node);
        node = n.parent;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_follow_blocks_and_implied_ends() {
        let html = "<html><body><div class=menu><a href=/>Home</a> <a href=/w>World</a></div>\
            <div id=story><p>First &amp; <b>bold</b> words<p>Second <a href=/x>linked</a>\
            <ul><li>one<li>two</ul>tail</div><script>var x = '<p>no</p>';</script></body></html>";
        let page = read(html).unwrap();
        let texts: Vec<&str> = page.runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Home World",
                "First & bold words",
                "Second linked",
                "one",
                "two",
                "tail"
            ]
        );
        let first = &page.runs[1];
        assert_eq!(first.span.slice(html), "First &amp; <b>bold</b> words");
        assert!(page.nodes[page.runs[0].owner as usize].named);
        assert_eq!(page.runs[2].link_letters, 6);
        // The <li>s are siblings, the tail is the story div's own text.
        let li = |i: usize| page.nodes[page.runs[i].owner as usize].parent;
        assert_eq!(li(3), li(4));
        assert_eq!(page.runs[5].owner, page.nodes[li(3) as usize].parent);
    }

    #[test]
    fn the_container_with_the_most_prose_net_of_links_wins() {
        let prose = "The dam above the town gave way on Tuesday, officials said, and water rose.";
        let html = format!(
            "<body><div><ul><li><a href=/a>{prose}</a></li><li><a href=/b>{prose}</a></li></ul>\
             <div id=story><p>{prose}</p><p>{prose}</p></div><p>{prose}</p></div></body>"
        );
        let page = read(&html).unwrap();
        let choice = choose(&page, &scores(&page));
        // The outer div gains one paragraph but pays for two link lines: the story div wins.
        assert_eq!(choice.runs, [(2, false), (3, false)]);
        assert_eq!(choice.confidence.page_prose, 3 * page.runs[2].letters);
    }

    /// The layout of the chosen container on `html`, the headline being `title`.
    fn layout_of(html: &str, title: &str) -> Layout {
        let page = read(html).unwrap();
        let choice = choose(&page, &scores(&page));
        layout(&page, &choice, |run| run.text == title)
    }

    #[test]
    fn the_second_choice_is_the_article_under_its_headline_not_its_comments() {
        let prose = "The dam above the town gave way on Tuesday, officials said, and water rose.";
        let comment = "I lived there for years and nobody ever listened to the engineers at all.";
        // The comments outweigh the article, and a sidebar story comes before the headline;
        // the body's wrapper has a furniture name, as page builders give every block.
        let html = format!(
            "<body><div><p>{comment}</p></div><div id=main><h1>Dam fails</h1>\
             <div class=text-widget><p>{prose}</p><p>{prose}</p></div>\
             <div class=comments><div><p>{comment}</p><p>{comment}</p><p>{comment}</p></div></div>\
             </div></body>"
        );
        let page = read(&html).unwrap();
        let scores = scores(&page);
        let first = choose(&page, &scores);
        let text = |choice: &Choice| -> Vec<&str> {
            choice
                .runs
                .iter()
                .filter(|(_, chrome)| !chrome)
                .map(|&(r, _)| page.runs[r].text.as_str())
                .collect()
        };
        assert_eq!(text(&first), [comment; 3]);
        let second = choose_by_headline(&page, &scores, |run| run.text == "Dam fails").unwrap();
        // The article's block, not the wrapper that holds the comments too.
        assert_eq!(text(&second), [prose; 2]);
        assert!(!within(&page, &second, &first));
        let placed = layout(&page, &second, |run| run.text == "Dam fails");
        assert!(placed.headline && placed.missed == 0);
        // No run is the headline: no second choice.
        assert!(choose_by_headline(&page, &scores, |run| run.text == "Other").is_none());
    }

    #[test]
    fn the_second_choice_joins_an_article_cut_in_blocks() {
        let prose = "The dam above the town gave way on Tuesday, officials said, and water rose.";
        let later = "Rescue teams worked through the night to reach families on upper floors.";
        let html = format!(
            "<body><h1>Dam fails</h1><div><div><div id=a><p>{prose}</p><p>{prose}</p>\
             <p>{prose}</p></div></div><iframe src=/player></iframe>\
             <div><p>{later}</p></div></div></body>"
        );
        let page = read(&html).unwrap();
        let scores = scores(&page);
        let second = choose_by_headline(&page, &scores, |run| run.text == "Dam fails").unwrap();
        let texts: Vec<&str> = second
            .runs
            .iter()
            .map(|&(r, _)| page.runs[r].text.as_str())
            .collect();
        assert_eq!(texts, [prose, prose, prose, later]);
    }

    #[test]
    fn layout_tells_an_article_before_its_comments_from_a_cut_one() {
        let prose = "The dam above the town gave way on Tuesday, officials said, and water rose.";
        let comment = "I lived there for years and nobody ever listened to the engineers at all.";
        // The article after its headline, then a comments block with more prose than it.
        let html = format!(
            "<body><h1>Dam fails</h1><div id=story><p>{prose}</p><p>{prose}</p></div>\
             <h2>Comments</h2><div><p>{comment}</p><p>{comment}</p><p>{comment}</p></div></body>"
        );
        let placed = layout_of(&html, "Dam fails");
        assert!(placed.headline && !placed.continues);
        assert_eq!(placed.missed, 0);
        // No run is the headline: nothing to place the container by.
        assert!(!layout_of(&html, "Another title").headline);
        // The article cut by an embedded player into two blocks that do not join: the
        // second part follows the container at once.
        let cut = format!(
            "<body><h1>Dam fails</h1><div><div><div id=a><p>{prose}</p><p>{prose}</p><p>{prose}</p>\
             </div></div><iframe src=/player></iframe><div><p>{comment}</p></div></div></body>"
        );
        assert!(layout_of(&cut, "Dam fails").continues);
        // A lead paragraph in a block of its own between the headline and the container.
        let lead = format!(
            "<body><h1>Dam fails</h1><section><p>{comment}</p></section><h2>More</h2>\
             <div id=story><p>{prose}</p><p>{prose}</p><p>{prose}</p></div></body>"
        );
        let missed = layout_of(&lead, "Dam fails");
        assert!(missed.headline);
        assert!(missed.missed > 0);
    }
}
