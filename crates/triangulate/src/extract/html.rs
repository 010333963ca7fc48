//! HTML pages: metadata from JSON-LD, `<meta>`, `<h1>`, `<time>` and bylines (`html/meta.rs`,
//! each value with its source, read from the `MetaInputs` of `html/meta_inputs.rs`, which
//! the fast path's lol_html pass gathers, or a walk over the scraper DOM when there is no
//! such pass); the body by the fast path (`html/fast.rs`: one lol_html pass, the container
//! with the most prose net of links and furniture, or, when that container is not placed
//! like the article (most of the page's prose in it, or after the headline, missing little,
//! not followed at once by more prose), the fast path's second choice: the container under
//! the headline, placed so). The full path below reads the pages lol_html rejects, and
//! those it is asked for.
//! A page whose fast body is kept is never parsed into a DOM.
//!
//! The full path: the body from rs-trafilatura
//! (a Rust port of trafilatura; the page is taken to be an article), cut into paragraphs
//! at its line breaks. When rs-trafilatura finds nothing, the body is the block elements of
//! the container that holds the most paragraph text, outside navigation, headers, footers,
//! sidebars, forms and cookie banners.
//!
//! Extracted paragraphs are dropped when most of their letters are link text in the source
//! (headline, tag and menu lists; `html/locate.rs` finds link text in the same scan of the
//! source that indexes its words), when they are short teaser lines beside
//! such lists, or a "More <Outlet>" promo block.
//!
//! Each paragraph's input span runs from its first to its last word as found in the page
//! source, in document order; the span covers the element's text and any inline markup
//! inside it (an empty span at the search cursor when the words are not found verbatim,
//! e.g. entity-encoded). Every block element of the page whose text is not in the body is
//! listed in `dropped`.

use std::collections::HashMap;
use std::sync::OnceLock;

use scraper::{ElementRef, Html, Selector};

mod entities;
mod fast;
mod jsonld;
mod locate;

use locate::{Locator, WordIndex};
mod meta;
mod meta_inputs;

use super::clutter::{self, DropReason};
use super::{assemble, empty_article, set_dateline, Article, Dropped, HtmlBody};
use crate::model::Span;

/// Elements whose text is never article body.
const CHROME_TAGS: &[&str] = &[
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "script",
    "style",
    "noscript",
    "template",
    "button",
    "select",
    "figcaption",
    "menu",
    "dialog",
];

/// Class or id fragments of page furniture (the fast path adds some of its own).
pub(super) const CHROME_NAMES: &[&str] = &[
    "cookie",
    "consent",
    "sidebar",
    "menu",
    "navbar",
    "footer",
    "comment",
    "share",
    "social",
    "related",
    "promo",
    "newsletter",
    "advert",
    "banner",
    "popular",
    "most-read",
    "mostread",
    "breadcrumb",
    "subscribe",
    "signup",
    "widget",
    "trending",
];

/// Extracts an article from an HTML page, the body read the way `body` says.
///
/// Architecture invariant: on the fast path no DOM is built: the metadata inputs come from
/// the same lol_html pass. The scraper parse happens only for the full path (asked for, or
/// for pages lol_html rejects).
pub fn extract(input: &str, body: HtmlBody) -> Article {
    let mut article = empty_article();
    let fast = match body {
        HtmlBody::Full => None,
        HtmlBody::Fast | HtmlBody::Auto => fast::read(input),
    };
    match fast {
        // Why the fast body is kept even where its first choice is doubtful: on the
        // benchmark the full path scored lower than the fast body on three of the six pages
        // it still took over, as high on two and higher on one (bench README, "the fast
        // path as the default"), at a quarter of the run time.
        Some(fast) => {
            meta::read(&fast.meta, input, &mut article);
            fast_body(&fast, &mut article);
        }
        // The full path was asked for, or lol_html rejected the page (then the fast path
        // alone gives the metadata and no body).
        None => {
            let markup = without_inert_markup(input);
            let page = Html::parse_document(&markup);
            meta::read(&meta_inputs::from_dom(&page), input, &mut article);
            if body != HtmlBody::Fast {
                full_body(input, &markup, &page, &mut article);
            }
        }
    }
    set_dateline(&mut article);
    article
}

/// The body by rs-trafilatura on the pruned page and our filters, or, when it finds
/// nothing, the block scan.
fn full_body(input: &str, markup: &str, page: &Html, article: &mut Article) {
    let blocks = blocks(page);
    let pruned = for_body(markup);
    let body = main_text(&pruned, page);
    if body.is_empty() {
        scrape_body(input, &blocks, article);
    } else {
        keep_body(input, &body, &blocks, article);
    }
}

/// Fewest letters of prose the fast path's second choice must hold to be taken.
const MIN_FAST_LETTERS: usize = 400;

/// Least share of the page's prose the fast path's first container must hold to be taken
/// without a look at where it is placed.
const MIN_FAST_PROSE_SHARE: f64 = 0.6;

/// A container with less than [`MIN_FAST_PROSE_SHARE`] of the page's prose is taken all
/// the same when it is placed like an article: after a run that is the headline, missing
/// at most this share of its own prose between that headline and its end, and not followed
/// at once by more prose (`fast::layout`). The rest of the page's prose then lies after
/// the article (comments, related stories, a long footer) or before the headline.
const MAX_MISSED_SHARE: f64 = 0.15;

/// Reads the body by the fast path (`html/fast.rs`) into `article`.
fn fast_body(page: &fast::Page, article: &mut Article) {
    let scores = fast::scores(page);
    let title = article.title.as_ref().map(|t| t.value.to_lowercase());
    let headline = |run: &fast::Run| is_title(&run.text, title.as_deref());
    let mut choice = fast::choose(page, &scores);
    let share = choice.confidence.prose as f64 / choice.confidence.page_prose.max(1) as f64;
    let placed = share >= MIN_FAST_PROSE_SHARE || placed_like_article(page, &choice, headline);
    if !placed {
        // The second choice, by the headline: kept when it is another container than
        // the first (the first was refused) and placed like the article.
        if let Some(second) = fast::choose_by_headline(page, &scores, headline).filter(|second| {
            !fast::within(page, second, &choice) && second_placed(page, second, headline)
        }) {
            choice = second;
        }
    }
    let outlet = article.outlet.as_ref().map(|o| o.value.to_lowercase());
    // Per run: None outside the container, else whether it is furniture there.
    let mut chosen = vec![None; page.runs.len()];
    for &(r, chrome) in &choice.runs {
        chosen[r] = Some(chrome);
    }
    let mut paras: Vec<(Span, &String, Option<DropReason>, bool)> = Vec::new();
    for (run, &place) in page.runs.iter().zip(&chosen) {
        let para = &run.text;
        let mut linked = false;
        let reason = if place == Some(true) {
            Some(DropReason::Navigation)
        } else if place.is_none() {
            // Outside the container: named for what it is where a rule knows it.
            let chrome = page
                .nodes
                .get(run.owner as usize)
                .is_some_and(|n| n.chrome());
            let known = (!chrome)
                .then(|| {
                    clutter::classify(para)
                        .or_else(|| is_title(para, title.as_deref()).then_some(DropReason::Title))
                })
                .flatten();
            Some(known.unwrap_or(DropReason::Navigation))
        } else {
            clutter::classify(para)
                .or_else(|| is_title(para, title.as_deref()).then_some(DropReason::Title))
                .or_else(|| more_from(para, outlet.as_deref()).then_some(DropReason::Promo))
                .or_else(|| {
                    linked = !is_printed_address(para) && run.link_share() > max_link_share(para);
                    linked.then_some(DropReason::Navigation)
                })
        };
        paras.push((run.span, para, reason, linked));
    }
    let kept = settle(paras, article);
    let (text, paragraphs) = assemble(kept);
    article.text = text;
    article.paragraphs = paragraphs;
}

/// The container comes after a run that is the headline, misses at most
/// [`MAX_MISSED_SHARE`] of its own prose between that headline and its end, and is not
/// followed at once by more prose (`fast::layout`).
fn placed_like_article(
    page: &fast::Page,
    choice: &fast::Choice,
    headline: impl Fn(&fast::Run) -> bool,
) -> bool {
    let layout = fast::layout(page, choice, headline);
    headed_and_whole(&layout, choice.confidence.prose) && !layout.continues
}

/// A headline run comes before the container, and at most [`MAX_MISSED_SHARE`] of its
/// `prose` letters is missed between that headline and its end.
fn headed_and_whole(layout: &fast::Layout, prose: usize) -> bool {
    layout.headline && layout.missed as f64 <= MAX_MISSED_SHARE * prose as f64
}

/// The second choice (`fast::choose_by_headline`) is kept when it holds enough prose and
/// misses little between the headline and its end. Prose right after it does not refuse
/// it, as it does the first choice: the second choice already took in every part of the
/// article its ancestors hold, and what follows it is an author's note or comments.
fn second_placed(
    page: &fast::Page,
    choice: &fast::Choice,
    headline: impl Fn(&fast::Run) -> bool,
) -> bool {
    let prose = choice.confidence.prose;
    prose >= MIN_FAST_LETTERS && headed_and_whole(&fast::layout(page, choice, headline), prose)
}

/// A paragraph that is one web address: the author's text, not a menu entry, even when
/// it is all link.
fn is_printed_address(para: &str) -> bool {
    !para.contains(' ') && (para.starts_with("http") || para.starts_with("www."))
}

/// The classified paragraphs settled: lone links kept, teasers dropped; the dropped ones go
/// to `article.dropped` with their reasons, the kept ones are returned with their spans.
fn settle(
    mut paras: Vec<(Span, &String, Option<DropReason>, bool)>,
    article: &mut Article,
) -> Vec<(Span, String)> {
    keep_lone_links(&mut paras);
    drop_teasers(&mut paras);
    let mut kept = Vec::new();
    for (span, para, reason, _) in paras {
        match reason {
            Some(reason) => article.dropped.push(Dropped {
                reason,
                text: para.clone(),
                input: span,
            }),
            None => kept.push((span, para.clone())),
        }
    }
    kept
}

/// The page without scripts (other than JSON-LD), styles, inline SVG and comments: more
/// than half of a news page's bytes, none of them text a reader sees. Both DOM parses get
/// this smaller page (about a quarter faster on the benchmark, same output); spans are
/// still located in the original input. On a rewriter error the page is used as it is.
fn without_inert_markup(input: &str) -> std::borrow::Cow<'_, str> {
    use lol_html::{comments, element, rewrite_str, RewriteStrSettings};
    let settings = RewriteStrSettings::new()
        .append_element_content_handler(element!(
            "script:not([type='application/ld+json']), style, svg, template",
            |el| {
                el.remove();
                Ok(())
            }
        ))
        .append_element_content_handler(comments!("*", |c| {
            c.remove();
            Ok(())
        }));
    match rewrite_str(input, settings) {
        Ok(markup) => std::borrow::Cow::Owned(markup),
        Err(_) => std::borrow::Cow::Borrowed(input),
    }
}

/// Elements rs-trafilatura's cleaning removes with their content before it looks for the
/// body (its `doc_cleaning`: the trafilatura preset), minus `form` (its fallback reads the
/// page before cleaning, and some legacy pages wrap the article in a form).
const NEVER_BODY: &str = "nav, aside, menu, iframe, object, embed, canvas, video, audio, \
    select, option, optgroup, textarea, button, input, label, fieldset, datalist, dialog, \
    math, map, applet, marquee, picture";

/// Elements hidden from readers, or named (class or id) as share bars, newsletter boxes or
/// cookie notices. Pruning by "comment", "related" or "advert" in the name was measured
/// and cost F1 on the benchmark (0.9668, 0.9719, 0.9509 against 0.9722): those words also
/// name wrappers of the article itself.
const FURNITURE_NAMED: &str = "[hidden], [style*='display:none' i], [style*='display: none' i], \
    [class*='share' i], [id*='share' i], [class*='newsletter' i], [id*='newsletter' i], \
    [class*='cookie' i], [id*='cookie' i]";

/// The page as rs-trafilatura gets it: without the subtrees that can never be article
/// body, so that its DOM (parsed twice, cloned, cleaned, scored) is smaller: on the
/// benchmark 7.2 MB instead of 12.8 MB (31.5 MB as served). Footers and headers go unless
/// inside `<article>` or `<main>` (an article's notes, its headline block); furniture named
/// by class or id goes unless it is `html`, `body`, `main` or `article` itself. On a
/// rewriter error the markup is used as it is.
fn for_body(markup: &str) -> std::borrow::Cow<'_, str> {
    use lol_html::{element, rewrite_str, RewriteStrSettings};
    use std::cell::Cell;
    use std::rc::Rc;
    let content_depth = Rc::new(Cell::new(0usize));
    let depth = Rc::clone(&content_depth);
    let settings = RewriteStrSettings::new()
        .append_element_content_handler(element!("article, main", move |el| {
            let depth = Rc::clone(&depth);
            depth.set(depth.get() + 1);
            let close: lol_html::EndTagHandler<'static> = Box::new(move |_| {
                depth.set(depth.get().saturating_sub(1));
                Ok(())
            });
            // Never fails: <article> and <main> can have content.
            let _ = el.on_end_tag(close);
            Ok(())
        }))
        .append_element_content_handler(element!("footer, header", move |el| {
            if content_depth.get() == 0 {
                el.remove();
            }
            Ok(())
        }))
        .append_element_content_handler(element!(FURNITURE_NAMED, |el| {
            if !matches!(el.tag_name().as_str(), "html" | "body" | "main" | "article") {
                el.remove();
            }
            Ok(())
        }))
        .append_element_content_handler(element!(NEVER_BODY, |el| {
            el.remove();
            Ok(())
        }));
    match rewrite_str(markup, settings) {
        Ok(pruned) => std::borrow::Cow::Owned(pruned),
        Err(_) => std::borrow::Cow::Borrowed(markup),
    }
}

/// The article body as rs-trafilatura reads it, one paragraph per line, white space folded.
fn main_text(input: &str, page: &Html) -> Vec<String> {
    let options = rs_trafilatura::Options {
        // triangulate reads news: the page is an article, whatever the classifier thinks.
        page_type: Some(rs_trafilatura::page_type::PageType::Article),
        url: page_url(page),
        ..rs_trafilatura::Options::default()
    };
    // rs-trafilatura can panic on unusual input (it slices strings at byte offsets computed on
    // their lower-case form); a page it cannot read falls back to the block scan.
    let run =
        std::panic::AssertUnwindSafe(|| rs_trafilatura::extract_with_options(input, &options));
    let Ok(Ok(result)) = std::panic::catch_unwind(run) else {
        return Vec::new();
    };
    result
        .content_text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

/// The page's own URL (canonical link or `og:url`), when it states one.
fn page_url(page: &Html) -> Option<String> {
    page.select(cached(
        &PAGE_URL,
        "link[rel=\"canonical\"], meta[property=\"og:url\"]",
    ))
    .filter_map(|e| e.value().attr("href").or_else(|| e.value().attr("content")))
    .map(str::trim)
    .find(|u| u.starts_with("http"))
    .map(str::to_string)
}

/// Keeps the extracted paragraphs (minus clutter lines), locating each in the source, and
/// drops every block of the page whose text is not in the body.
fn keep_body(input: &str, body: &[String], blocks: &[Block], article: &mut Article) {
    let index = WordIndex::new(input);
    let title = article.title.as_ref().map(|t| t.value.to_lowercase());
    let outlet = article.outlet.as_ref().map(|o| o.value.to_lowercase());
    let block_spans: Vec<Span> = {
        let mut locator = Locator::new(&index);
        blocks.iter().map(|b| locator.locate(&b.text)).collect()
    };
    let mut locator = Locator::new(&index);
    let mut paras: Vec<(Span, &String, Option<DropReason>, bool)> = Vec::new();
    for para in body {
        let span = locator.locate(para);
        let mut linked = false;
        let reason = clutter::classify(para)
            .or_else(|| is_title(para, title.as_deref()).then_some(DropReason::Title))
            .or_else(|| furniture(para, span, blocks, &block_spans))
            .or_else(|| more_from(para, outlet.as_deref()).then_some(DropReason::Promo))
            .or_else(|| {
                linked = !is_printed_address(para)
                    && index.link_share(span, para) > max_link_share(para);
                linked.then_some(DropReason::Navigation)
            });
        paras.push((span, para, reason, linked));
    }
    let kept = settle(paras, article);
    // A block is in the body when its text is inside a kept paragraph and its located span
    // overlaps a kept paragraph's (or it was not found in the source).
    let mut spans: Vec<Span> = kept
        .iter()
        .map(|(s, _)| *s)
        .filter(|s| !s.is_empty())
        .collect();
    spans.sort_by_key(|s| (s.start, s.end));
    for (block, &span) in blocks.iter().zip(&block_spans) {
        let overlaps = span.is_empty() || {
            let i = spans.partition_point(|s| s.end <= span.start);
            spans.get(i).is_some_and(|s| s.start < span.end)
        };
        // The kept paragraphs at the block's place first: usually one holds it, and
        // testing every paragraph for every block was quadratic.
        let contains = |p: &String| p.contains(block.text.as_str());
        let covered = overlaps
            && (kept
                .iter()
                .filter(|(s, _)| !span.is_empty() && overlap(*s, span))
                .any(|(_, p)| contains(p))
                || kept.iter().any(|(_, p)| contains(p)));
        if covered {
            continue;
        }
        let reason = if block.chrome {
            DropReason::Navigation
        } else {
            clutter::classify(&block.text).unwrap_or(DropReason::Navigation)
        };
        article.dropped.push(Dropped {
            reason,
            text: block.text.clone(),
            input: span,
        });
    }
    let (text, paragraphs) = assemble(kept);
    article.text = text;
    article.paragraphs = paragraphs;
}

/// Most of a paragraph's letters are link text: a list of headlines, tags or menu entries.
const MAX_LINK_SHARE: f64 = 0.5;

/// A sentence of prose with a link in it ("… was convicted and <a>sentenced to life …</a>.")
/// is text: headlines and menu entries neither run to many words nor end a sentence.
const MAX_PROSE_LINK_SHARE: f64 = 0.8;

/// The largest share of link letters a paragraph may have and still be text.
fn max_link_share(para: &str) -> f64 {
    let prose = para.split_whitespace().count() >= 12 && para.ends_with(['.', '!', '?']);
    if prose {
        MAX_PROSE_LINK_SHARE
    } else {
        MAX_LINK_SHARE
    }
}

/// A short link line between prose (a product name, a heading made a link) is kept: menus
/// and headline lists come in runs.
fn keep_lone_links(paras: &mut [(Span, &String, Option<DropReason>, bool)]) {
    let linked: Vec<bool> = paras.iter().map(|p| p.3).collect();
    for i in 0..paras.len() {
        let lone = linked[i]
            && i > 0
            && i + 1 < paras.len()
            && !linked[i - 1]
            && !linked[i + 1]
            && paras[i - 1].2.is_none()
            && paras[i + 1].2.is_none();
        if lone && paras[i].1.split_whitespace().count() <= 8 {
            paras[i].2 = None;
            paras[i].3 = false;
        }
    }
}

/// A block of the outlet's other stories: "More <Outlet> …", "More from <Outlet> …".
fn more_from(para: &str, outlet: Option<&str>) -> bool {
    let Some(outlet) = outlet.filter(|o| !o.is_empty()) else {
        return false;
    };
    // Only "m" and "M" lower-case to "m".
    if !para.starts_with(['m', 'M']) {
        return false;
    }
    let lower = para.to_lowercase();
    lower
        .strip_prefix("more ")
        .map(|r| r.strip_prefix("from ").unwrap_or(r))
        .is_some_and(|r| r.starts_with(outlet))
}

/// A short line: a teaser's byline or date, a heading.
fn is_short(para: &str) -> bool {
    para.split_whitespace().count() <= 8 && !para.ends_with(['.', '!', '?', '"', '”', ':'])
}

/// Short lines between link lists are teaser furniture (bylines, dates, section names of
/// a list of headlines): a short line whose neighbours are link-text paragraphs (or the
/// edge of the body on one side) is dropped, repeatedly.
fn drop_teasers(paras: &mut [(Span, &String, Option<DropReason>, bool)]) {
    loop {
        let mut changed = false;
        for i in 0..paras.len() {
            if paras[i].2.is_some() || !is_short(paras[i].1) {
                continue;
            }
            let linked = |j: Option<usize>| j.map(|j: usize| paras[j].3);
            let before = linked(i.checked_sub(1));
            let after = linked((i + 1 < paras.len()).then_some(i + 1));
            let drop = match (before, after) {
                (Some(b), Some(a)) => a && b,
                (None, Some(a)) => a,
                (Some(b), None) => b,
                (None, None) => false,
            };
            if drop {
                paras[i].2 = Some(DropReason::Navigation);
                paras[i].3 = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// The headline repeated in the body: the title, or its start before " | Site name".
fn is_title(para: &str, title: Option<&str>) -> bool {
    let Some(title) = title else {
        return false;
    };
    // Lower-casing shrinks a text to a third at most (U+212A KELVIN SIGN, three bytes, is
    // "k"): a paragraph over three times the title's length is neither it nor its prefix,
    // and most paragraphs are spared the copy.
    if para.len() > 3 * title.len() {
        return false;
    }
    let para = para.to_lowercase();
    para == title
        || title.strip_prefix(para.as_str()).is_some_and(|rest| {
            rest.trim_start()
                .starts_with(['|', '-', '–', '—', ':', '·', '»'])
        })
}

/// Two spans share at least one byte.
fn overlap(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// `Navigation` when the paragraph is made of page furniture: the page's block elements
/// inside it are all in navigation, headers, footers, sidebars and the like, and make up
/// most of it. Only blocks found at the paragraph's place in the source (or not found at
/// all) are compared with it: testing every block's text against every paragraph was
/// quadratic.
fn furniture(para: &str, span: Span, blocks: &[Block], spans: &[Span]) -> Option<DropReason> {
    let (mut chrome, mut content) = (0, 0);
    let here = |s: &Span| span.is_empty() || s.is_empty() || overlap(*s, span);
    let inside = blocks
        .iter()
        .zip(spans)
        .filter(|(_, s)| here(s))
        .map(|(b, _)| b)
        .filter(|b| para.contains(b.text.as_str()));
    for b in inside {
        if b.furniture {
            chrome += b.text.len();
        } else {
            content += b.text.len();
        }
    }
    (content == 0 && chrome * 2 >= para.len()).then_some(DropReason::Navigation)
}

/// The body as the block elements of the container with the most paragraph text.
fn scrape_body(input: &str, blocks: &[Block], article: &mut Article) {
    let index = WordIndex::new(input);
    let container = best_container(blocks);
    let mut locator = Locator::new(&index);
    let mut kept = Vec::new();
    for block in blocks {
        let span = locator.locate(&block.text);
        let reason = if block.chrome || !container.is_some_and(|c| block.ancestors.contains(&c)) {
            Some(DropReason::Navigation)
        } else {
            clutter::classify(&block.text)
        };
        match reason {
            Some(reason) => article.dropped.push(Dropped {
                reason,
                text: block.text.clone(),
                input: span,
            }),
            None => kept.push((span, block.text.clone())),
        }
    }
    let (text, paragraphs) = assemble(kept);
    article.text = text;
    article.paragraphs = paragraphs;
}

struct Block {
    text: String,
    chrome: bool,
    /// Inside `nav`, `footer`, `aside` or an element with a navigation, content-info or
    /// complementary role: furniture even when the body extractor took it.
    furniture: bool,
    ancestors: Vec<ego_tree::NodeId>,
}

fn selector(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
}

/// A selector compiled once per process.
fn cached<'a>(cell: &'a OnceLock<Selector>, s: &str) -> &'a Selector {
    cell.get_or_init(|| selector(s))
}

static BLOCKS: OnceLock<Selector> = OnceLock::new();
static PAGE_URL: OnceLock<Selector> = OnceLock::new();

/// Block elements with text, in document order, innermost only.
fn blocks(page: &Html) -> Vec<Block> {
    let sel = cached(
        &BLOCKS,
        "p, h2, h3, h4, h5, h6, li, blockquote, pre, td, dd",
    );
    let mut places = Places::default();
    let mut out = Vec::new();
    for el in page.select(sel) {
        if el.select(sel).next().is_some() {
            continue; // a block holding blocks: its children speak for it
        }
        let text = folded_text(el);
        if text.is_empty() {
            continue;
        }
        let ancestors: Vec<_> = el.ancestors().map(|n| n.id()).collect();
        let place = places.of(el);
        out.push(Block {
            text,
            chrome: place.chrome,
            furniture: place.furniture,
            ancestors,
        });
    }
    out
}

/// The element's text with white space folded (text nodes joined as they are: inline
/// markup inside a word does not split it).
fn folded_text(el: ElementRef) -> String {
    let mut raw = String::new();
    for t in el.text() {
        raw.push_str(t);
    }
    let mut s = String::with_capacity(raw.len());
    for word in raw.split_whitespace() {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(word);
    }
    s
}

/// Where an element sits: inside page chrome, inside furniture (each: it or an ancestor).
#[derive(Clone, Copy, Default)]
struct Place {
    chrome: bool,
    furniture: bool,
}

/// The [`Place`] of elements, memoised per element: blocks share their ancestors, and
/// testing every ancestor's class and id for every block was a tenth of the extraction.
#[derive(Default)]
struct Places(rustc_hash::FxHashMap<ego_tree::NodeId, Place>);

impl Places {
    fn of(&mut self, el: ElementRef) -> Place {
        // The element and its ancestors up to the first one already known, outermost last.
        let mut chain = Vec::new();
        let mut known = Place::default();
        for e in std::iter::once(el).chain(el.ancestors().filter_map(ElementRef::wrap)) {
            if let Some(p) = self.0.get(&e.id()) {
                known = *p;
                break;
            }
            chain.push(e);
        }
        for e in chain.into_iter().rev() {
            known = Place {
                chrome: known.chrome || is_chrome(e),
                furniture: known.furniture || is_furniture(e),
            };
            self.0.insert(e.id(), known);
        }
        known
    }
}

/// The element itself is chrome: a chrome tag or role, or a class or id naming furniture.
fn is_chrome(e: ElementRef) -> bool {
    let v = e.value();
    if CHROME_TAGS.contains(&v.name()) {
        return true;
    }
    let named = |attr: &str| {
        v.attr(attr).is_some_and(|value| {
            CHROME_NAMES
                .iter()
                .any(|n| clutter::contains_ascii_ci(value, n.as_bytes()))
        })
    };
    named("class")
        || named("id")
        || matches!(
            v.attr("role").unwrap_or(""),
            "navigation" | "banner" | "contentinfo" | "complementary"
        )
}

/// The element itself is navigation, a footer, a sidebar or a menu.
fn is_furniture(e: ElementRef) -> bool {
    let v = e.value();
    matches!(v.name(), "nav" | "footer" | "aside" | "menu")
        || matches!(
            v.attr("role").unwrap_or(""),
            "navigation" | "contentinfo" | "complementary"
        )
}

/// The ancestor that gathers the most paragraph text (its own children count fully, its
/// grandchildren half), so that one stray long paragraph elsewhere does not win.
fn best_container(blocks: &[Block]) -> Option<ego_tree::NodeId> {
    let mut score: HashMap<ego_tree::NodeId, f64> = HashMap::new();
    for b in blocks.iter().filter(|b| !b.chrome) {
        let weight = b.text.len() as f64;
        for (depth, id) in b.ancestors.iter().take(3).enumerate() {
            *score.entry(*id).or_default() += weight / (1 << depth) as f64;
        }
    }
    // Ties broken by the first block's order: deterministic.
    let order: HashMap<_, _> = blocks
        .iter()
        .flat_map(|b| b.ancestors.iter())
        .enumerate()
        .map(|(i, id)| (*id, usize::MAX - i))
        .collect();
    score
        .into_iter()
        .max_by(|a, b| {
            a.1.total_cmp(&b.1)
                .then_with(|| order.get(&a.0).cmp(&order.get(&b.0)))
        })
        .map(|(id, _)| id)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Dam fails | Northport Herald</title>
<meta property="og:site_name" content="Northport Herald">
<meta name="author" content="Anna Korvel">
<meta property="article:published_time" content="2025-03-14T09:12:00+02:00"></head>
<body><nav><ul><li>Home</li><li>World</li></ul></nav>
<div class="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies.</p></div>
<article><h1>Dam fails</h1>
<p>NORTHPORT (VNA) &ndash; The dam above the town gave way on Tuesday, officials said, and water reached the lower streets within an hour.</p>
<p>Rescue teams worked through the night to reach families trapped on the <b>upper floors</b> of their homes.</p>
<p>Share this article</p></article>
<aside><h3>Most read</h3><ul><li>Football final ends in draw</li></ul></aside>
<footer><p>© 2025 Northport Herald. All rights reserved.</p></footer></body></html>"#;

    #[test]
    fn body_metadata_and_chrome_are_told_apart() {
        for body in [HtmlBody::Fast, HtmlBody::Full] {
            body_metadata_and_chrome_are_told_apart_by(body);
        }
    }

    fn body_metadata_and_chrome_are_told_apart_by(body: HtmlBody) {
        let a = extract(PAGE, body);
        assert_eq!(a.outlet.unwrap().value, "Northport Herald");
        assert_eq!(a.author.unwrap().value, "Anna Korvel");
        assert_eq!(a.published.unwrap().value, "2025-03-14T09:12:00+02:00");
        assert_eq!(a.paragraphs.len(), 2, "{:#?}", a.paragraphs);
        assert!(a.text.starts_with("NORTHPORT (VNA) – The dam"));
        assert!(!a.text.contains("cookies") && !a.text.contains("Most read"));
        assert_eq!(a.agency.unwrap().value, "VNA");
        assert!(a.dropped.iter().any(|d| d.reason == DropReason::Share));
    }

    #[test]
    fn the_page_for_rs_trafilatura_loses_only_what_is_never_body() {
        let page = r#"<html><body class="share-enabled"><header><a>Home</a></header>
<nav>World</nav><main><header><h1>Dam fails</h1></header><p>Water rose.</p>
<div class="social-share-bar">Share on X</div><p hidden>Secret</p>
<footer>Reporting by Anna Korvel</footer></main><footer>© Herald</footer></body></html>"#;
        let pruned = for_body(page);
        for kept in [
            "share-enabled",
            "Dam fails",
            "Water rose.",
            "Reporting by Anna",
        ] {
            assert!(pruned.contains(kept), "{kept} lost: {pruned}");
        }
        for gone in [">Home<", "World", "Share on X", "Secret", "© Herald"] {
            assert!(!pruned.contains(gone), "{gone} kept: {pruned}");
        }
    }

    #[test]
    fn paragraph_input_spans_cover_the_source_text() {
        for body in [HtmlBody::Fast, HtmlBody::Full] {
            let a = extract(PAGE, body);
            let second = a.paragraphs[1].input.slice(PAGE);
            assert!(second.starts_with("Rescue teams"));
            // The full path's span ends at the last word, the fast path's at the last
            // character of the text.
            assert!(second.trim_end_matches('.').ends_with("of their homes"));
        }
    }
}
