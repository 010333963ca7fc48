//! Metadata of an HTML page, each value with the source it was read from.
//!
//! Priority, first found wins (the `from` of each [`Field`] names the source):
//!
//! - **title**: the first `<h1>` outside navigation that agrees with a declared title
//!   (token F1 ≥ 0.5 with JSON-LD `headline`, `og:title`, `twitter:title`, `dc.title`,
//!   `parsely-title`, `sailthru.title` or `<title>`): that is the headline a reader sees;
//!   else the first declared title in that order, its " | Site name" tail cut; else the
//!   first `<h1>`.
//! - **authors**: JSON-LD `author` (persons; organisations skipped), then the
//!   `author`, `article:author`, `byl`, `dc.creator`, `parsely-author`, `sailthru.author`,
//!   `author.name` meta tags, then the visible byline (an element whose class, id, `rel` or
//!   `itemprop` says byline or author). Each value is cleaned by `extract::authors`; an
//!   agency byline ("By Reuters") becomes the agency credit.
//! - **published**: JSON-LD `datePublished`, then `article:published_time` and the other
//!   publication-date meta tags ([`DATE_METAS`]), then `<time datetime>` (one marked as the
//!   publication first), then a visible date line in an element classed as a date. The
//!   offset is kept when stated; a bare date stays a date (day precision).
//! - **modified**: JSON-LD `dateModified`, `article:modified_time` and the other
//!   modification meta tags, `<time itemprop=dateModified>`.
//! - **outlet**: JSON-LD `publisher.name`, `og:site_name`, `application-name`,
//!   `apple-mobile-web-app-title`, `publisher`.
//! - **url**: `<link rel=canonical>`, `og:url`, JSON-LD `url` / `mainEntityOfPage`.
//! - **language** (declared; `extract::lang` checks it against the body): `<html lang>`,
//!   `content-language`, `og:locale`, JSON-LD `inLanguage`.

use std::cell::{Ref, RefCell};
use std::collections::HashMap;
use std::sync::OnceLock;

use super::super::authors;
use super::super::{Article, Field};
use super::jsonld::{self, LdArticle};
use super::meta_inputs::{Marked, MetaInputs};
use crate::model::Span;
use crate::text::dates;

/// Meta tags stating the publication date, in the order they are trusted.
const DATE_METAS: &[&str] = &[
    "article:published_time",
    "article:published",
    "article.published",
    "og:published_time",
    "og:pubdate",
    "og:datepublished",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "pub_date",
    "date.release",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "date",
];

/// Meta tags naming the author.
const AUTHOR_METAS: &[&str] = &[
    "author",
    "article:author",
    "byl",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "author.name",
];

/// Meta tags stating the title.
const TITLE_METAS: &[&str] = &[
    "og:title",
    "twitter:title",
    "dc.title",
    "parsely-title",
    "sailthru.title",
];

/// What the page declares and shows, gathered once.
struct Page<'a> {
    page: &'a MetaInputs,
    input: &'a str,
    /// The first non-empty `content` of each meta `property`, `name`, `itemprop` or
    /// `http-equiv`, keys lower-cased.
    metas: HashMap<&'a str, &'a str>,
    ld: Option<LdArticle>,
    /// The visible text nodes, folded as far as a rule has read them.
    text_nodes: LazyNodes<'a>,
}

/// The page's visible text nodes ([`MetaInputs::text_nodes`]), folded on first read and kept.
/// The rules that read them look near the headline, which is near the top of the page:
/// folding every node of the page had been a fortieth of the fast path's work.
struct LazyNodes<'a> {
    source: RefCell<Box<dyn Iterator<Item = String> + 'a>>,
    folded: RefCell<Vec<String>>,
}

impl LazyNodes<'_> {
    /// Node `i`, `None` past the last.
    fn node(&self, i: usize) -> Option<Ref<'_, str>> {
        {
            let mut folded = self.folded.borrow_mut();
            let mut source = self.source.borrow_mut();
            while folded.len() <= i {
                folded.push(source.next()?);
            }
        }
        Some(Ref::map(self.folded.borrow(), |f| f[i].as_str()))
    }

    /// The index of the first node `hit` says yes to.
    fn position(&self, hit: impl Fn(&str) -> bool) -> Option<usize> {
        (0..)
            .map_while(|i| self.node(i).map(|n| hit(&n)))
            .position(|yes| yes)
    }
}

impl<'a> Page<'a> {
    fn new(page: &'a MetaInputs, input: &'a str) -> Self {
        let mut metas = HashMap::new();
        for (key, content) in &page.metas {
            metas.entry(key.as_str()).or_insert(content.as_str());
        }
        Page {
            page,
            input,
            metas,
            ld: jsonld::read_texts(&page.jsonld),
            text_nodes: LazyNodes {
                source: RefCell::new(page.text_nodes(input)),
                folded: RefCell::new(Vec::new()),
            },
        }
    }

    /// A field with the span of its value in the page source, where it appears verbatim.
    fn field(&self, value: String, from: impl Into<String>) -> Field {
        let span = Some(value.as_str())
            .filter(|v| !v.is_empty())
            // memmem: the page is searched for every field, and `str::find` was a sixth of
            // `read`.
            .and_then(|v| memchr::memmem::find(self.input.as_bytes(), v.as_bytes()))
            .map(|s| Span::new(s, s + value.len()));
        Field::new(value, from, span)
    }

    fn meta(&self, names: &[&str]) -> Option<(String, String)> {
        names.iter().find_map(|n| {
            let v = self.metas.get(*n)?;
            Some((fold(v), format!("meta {n}")))
        })
    }

    fn ld_value(
        &self,
        get: impl Fn(&LdArticle) -> Option<&String>,
        key: &str,
    ) -> Option<(String, String)> {
        let v = get(self.ld.as_ref()?)?;
        Some((v.clone(), format!("json-ld {key}")))
    }
}

fn fold(s: &str) -> String {
    crate::extract::fold_spaces(s)
}

/// Reads every metadata field of the page into `article` from the inputs gathered from it
/// (`html/meta_inputs.rs`). `language` is left holding the declared tag as written
/// ("en-US"); `extract::lang::choose` makes it a code.
pub(super) fn read(page: &MetaInputs, input: &str, article: &mut Article) {
    let p = Page::new(page, input);
    article.outlet = outlet(&p).map(|(v, from)| p.field(v, from));
    article.title = title(&p, article.outlet.as_ref().map(|o| o.value.as_str()));
    article.url = url(&p).map(|(v, from)| p.field(v, from));
    set_authors(&p, article);
    article.published = published(&p, article.title.as_ref().map(|t| t.value.as_str()));
    article.modified = modified(&p);
    article.language = declared_language(&p).map(|(from, tag)| Field::new(tag, from, None));
}

fn outlet(p: &Page) -> Option<(String, String)> {
    p.ld_value(|l| l.publisher.as_ref(), "publisher.name")
        .or_else(|| {
            p.meta(&[
                "og:site_name",
                "application-name",
                "apple-mobile-web-app-title",
                "publisher",
            ])
        })
        .filter(|(v, _)| !v.is_empty())
}

fn url(p: &Page) -> Option<(String, String)> {
    p.page
        .canonical
        .iter()
        .map(|v| (v.trim().to_string(), "<link rel=canonical>".to_string()))
        .find(|(v, _)| !v.is_empty())
        .or_else(|| p.meta(&["og:url"]))
        .or_else(|| p.ld_value(|l| l.url.as_ref(), "url"))
}

/// Lower-case word tokens.
fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Token-set F1 of two strings.
fn token_f1(a: &str, b: &str) -> f64 {
    let (a, b) = (tokens(a), tokens(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.iter().filter(|t| b.contains(t)).count() as f64;
    let (p, r) = (common / a.len() as f64, common / b.len() as f64);
    if common == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn title(p: &Page, outlet: Option<&str>) -> Option<Field> {
    let mut declared: Vec<(String, String)> = Vec::new();
    declared.extend(p.ld_value(|l| l.headline.as_ref(), "headline"));
    for name in TITLE_METAS {
        declared.extend(p.meta(&[name]));
    }
    if let Some(t) = &p.page.title {
        declared.push((fold(t), "<title>".into()));
    }
    declared.retain(|(v, _)| !v.is_empty());
    let h1s: Vec<String> = p
        .page
        .h1s
        .iter()
        .filter(|e| !e.furniture)
        .map(|e| fold(&e.text))
        .filter(|t| !t.is_empty())
        .collect();
    // The site's name: the outlet, and the tail of "Headline | Site" titles.
    let mut sites: Vec<String> = outlet.map(str::to_string).into_iter().collect();
    sites.extend(declared.iter().filter_map(|(d, _)| site_tail(d)));
    let h1s: Vec<String> = h1s
        .into_iter()
        .filter(|h| !sites.iter().any(|s| token_f1(h, s) >= 0.8))
        .collect();
    let confirmed = h1s
        .iter()
        .find(|h| declared.iter().any(|(d, _)| token_f1(h, d) >= 0.5));
    if let Some(h) = confirmed {
        return Some(p.field(h.clone(), "<h1>"));
    }
    // A page with one headline element shows that one, whatever its metadata says.
    if let [h] = h1s.as_slice() {
        if h.split_whitespace().count() >= 3 {
            return Some(p.field(h.clone(), "<h1>"));
        }
    }
    if let Some((v, from)) = declared.first() {
        return Some(p.field(cut_site_name(v, outlet), from.clone()));
    }
    h1s.first().map(|h| p.field(h.clone(), "<h1>"))
}

/// "Headline | Site" → "Site"; not "Opinion | Headline", where the tail is the longer part.
fn site_tail(title: &str) -> Option<String> {
    [" | ", " - ", " – ", " — ", " :: ", " · "]
        .iter()
        .find_map(|sep| title.rsplit_once(sep))
        .filter(|(head, tail)| tail.split_whitespace().count() < head.split_whitespace().count())
        .map(|(_, tail)| tail.trim().to_string())
        .filter(|t| !t.is_empty())
}

/// "Headline | Site" → "Headline"; also " - Site", " – Site", a dangling separator.
fn cut_site_name(title: &str, outlet: Option<&str>) -> String {
    let mut t = title.trim();
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = t.rsplit_once(sep) {
            let site = outlet.is_some_and(|o| {
                let (o, tail) = (o.to_lowercase(), tail.to_lowercase());
                tail.contains(&o) || o.contains(tail.trim())
            });
            if site || tail.split_whitespace().count() <= 3 && head.split_whitespace().count() >= 4
            {
                t = head.trim();
                break;
            }
        }
    }
    t.trim_end_matches([' ', '|', '-', '–', '—']).to_string()
}

/// Authors from the first source that names a person; an agency in any source is kept as
/// the agency credit.
fn set_authors(p: &Page, article: &mut Article) {
    let outlet = article.outlet.as_ref().map(|o| o.value.clone());
    let outlet = outlet.as_deref();
    let mut sources: Vec<(String, String)> = Vec::new();
    if let Some(ld) = &p.ld {
        let persons: Vec<&str> = ld
            .authors
            .iter()
            .filter(|a| !a.organization)
            .map(|a| a.name.as_str())
            .collect();
        if !persons.is_empty() {
            sources.push((persons.join("; "), "json-ld author".into()));
        }
    }
    for name in AUTHOR_METAS {
        sources.extend(p.meta(&[name]));
    }
    let headline = article.title.as_ref().map(|t| t.value.clone());
    let visible = std::iter::once_with(|| visible_bylines(p, headline.as_deref())).flatten();
    let mut agency = None;
    for (value, from) in sources.into_iter().chain(visible) {
        let credits = authors::read(&value, outlet);
        agency = agency.or(credits.agency.map(|a| (a, from.clone())));
        if !credits.authors.is_empty() {
            article.authors = credits
                .authors
                .into_iter()
                .map(|a| p.field(a, from.clone()))
                .collect();
            let joined: Vec<&str> = article.authors.iter().map(|a| a.value.as_str()).collect();
            article.author = Some(p.field(joined.join(", "), from));
            break;
        }
    }
    if let Some((a, from)) = agency {
        article.agency = Some(p.field(a, from));
    }
}

/// Visible byline candidates, in the order tried: elements marked as a byline (class, id,
/// `rel` or `itemprop`), then any element classed "author", then a "By …" run in the text
/// just after the headline. Comment sections are skipped.
fn visible_bylines(p: &Page, headline: Option<&str>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for marked in [&p.page.bylines, &p.page.authors] {
        out.extend(
            marked
                .iter()
                .filter(|e| visible(e))
                .map(|e| fold(&e.text))
                .filter(|t| !t.is_empty() && t.len() <= 160)
                .take(12)
                .map(|t| (t, "visible byline".to_string())),
        );
    }
    if let Some(run) = by_run_after(p, headline) {
        out.push((run, "visible byline".to_string()));
    }
    out
}

/// Outside page furniture and comment threads (the commenters are not the authors).
fn visible(e: &Marked) -> bool {
    !e.furniture && !e.comments
}

/// The text nodes near the headline: up to `after` nodes following it, then up to `before`
/// nodes preceding it, nearest first (what follows a headline is its byline and date; what
/// precedes it may be a teaser or a quoted claim).
fn near_headline(
    nodes: &LazyNodes,
    headline: Option<&str>,
    before: usize,
    after: usize,
) -> Vec<String> {
    let Some(h) = headline.filter(|h| h.len() >= 8) else {
        return Vec::new();
    };
    let Some(i) = nodes
        .position(|n| n == h)
        .or_else(|| nodes.position(|n| n.len() >= 8 && h.contains(n)))
    else {
        return Vec::new();
    };
    let following = (i + 1..)
        .take(after)
        .map_while(|j| nodes.node(j).map(|n| n.to_string()));
    let preceding = (0..i)
        .rev()
        .take(before)
        .filter_map(|j| nodes.node(j).map(|n| n.to_string()));
    following.chain(preceding).collect()
}

/// A text node starting "By" in the 15 text nodes after the headline, with the few nodes
/// that follow it (names are often links: "By", "Matthew Digby", ",", "Minh Do"). A "by"
/// inside a sentence ("scored by Josh Bailey") does not start a node and is not read.
fn by_run_after(p: &Page, headline: Option<&str>) -> Option<String> {
    static BY: OnceLock<regex::Regex> = OnceLock::new();
    let by = BY.get_or_init(|| {
        regex::Regex::new(r"^(?:By|BY|by|Von|von|Por|por|Par|par)(?:\s+(.*))?$").expect("by run")
    });
    let window = near_headline(&p.text_nodes, headline, 0, 15);
    let at = window.iter().position(|n| by.is_match(n))?;
    let mut run = by
        .captures(&window[at])?
        .get(1)
        .map_or("", |m| m.as_str())
        .to_string();
    // Names continue across nodes only through separators: "By", "Matthew Digby", ",",
    // "Minh Do"; the sentence after a byline is not read.
    for node in window.iter().skip(at + 1).take(6) {
        let joiner = matches!(node.as_str(), "," | "and" | "&" | "und" | "y");
        let open =
            run.is_empty() || run.ends_with(',') || run.ends_with(" and") || run.ends_with('&');
        if !(joiner || open) || node.len() > 60 {
            break;
        }
        run = if run.is_empty() {
            node.clone()
        } else {
            format!("{run} {node}")
        };
    }
    (!run.is_empty()).then_some(run)
}

fn published(p: &Page, headline: Option<&str>) -> Option<Field> {
    let declared = p
        .ld_value(|l| l.published.as_ref(), "datePublished")
        .into_iter()
        .chain(DATE_METAS.iter().filter_map(|n| p.meta(&[n])))
        // The later sources cost a walk over the page: only computed when reached.
        .chain(std::iter::once_with(|| time_elements(p)).flatten())
        .chain(std::iter::once_with(|| dates_near_headline(p, headline)).flatten())
        .chain(std::iter::once_with(|| visible_dates(p)).flatten());
    for (raw, from) in declared {
        if let Some(iso) = parse_published(&raw) {
            let mut field = p.field(raw, from);
            field.value = iso;
            return Some(field);
        }
    }
    None
}

/// Meta tags stating the last modification.
const MODIFIED_METAS: &[&str] = &[
    "article:modified_time",
    "article:modified",
    "article.updated",
    "og:updated_time",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
];

/// The declared modification date: JSON-LD `dateModified`, then [`MODIFIED_METAS`], then a
/// `<time itemprop=dateModified>`.
fn modified(p: &Page) -> Option<Field> {
    let time = || {
        p.page
            .times
            .iter()
            .filter(|t| t.itemprop == "dateModified")
            .map(|t| t.datetime.as_str())
            .map(|v| {
                (
                    v.trim().to_string(),
                    "<time itemprop=dateModified>".to_string(),
                )
            })
            .next()
    };
    let (raw, from) = p
        .ld_value(|l| l.modified.as_ref(), "dateModified")
        .or_else(|| MODIFIED_METAS.iter().find_map(|n| p.meta(&[n])))
        .or_else(time)?;
    let iso = parse_published(&raw)?;
    let mut field = p.field(raw, from);
    field.value = iso;
    Some(field)
}

/// `<time datetime>` values, the one marked as the publication date first; those marked as
/// a modification are skipped.
fn time_elements(p: &Page) -> Vec<(String, String)> {
    let mut times: Vec<(bool, String)> = p
        .page
        .times
        .iter()
        .filter(|t| !t.furniture)
        .filter_map(|t| {
            let has = |attr: &str, words: &[&str]| {
                let a = attr.to_lowercase();
                words.iter().any(|w| a.contains(w))
            };
            let marked =
                t.pubdate || has(&t.itemprop, &["datepublished"]) || has(&t.class, &["publish"]);
            let modified =
                has(&t.itemprop, &["datemodified"]) || has(&t.class, &["updated", "modified"]);
            let datetime = t.datetime.trim().to_string();
            (marked || !modified).then_some((marked, datetime))
        })
        .collect();
    times.sort_by_key(|(marked, _)| !marked);
    times
        .into_iter()
        .map(|(_, v)| (v, "<time datetime>".to_string()))
        .collect()
}

/// Short texts of elements classed as dates ("Published November 20th, 2019 - 07:29 GMT"),
/// outside page furniture and comments, skipping update stamps.
fn visible_dates(p: &Page) -> Vec<(String, String)> {
    p.page
        .dates
        .iter()
        .filter(|e| visible(e))
        .map(|e| fold(&e.text))
        .filter(|t| !t.is_empty() && t.len() <= 80)
        .filter(|t| {
            let l = t.to_lowercase();
            !l.starts_with("updated")
                && !l.starts_with("modified")
                && !l.starts_with("last updated")
        })
        .map(|t| (t, "visible date".to_string()))
        .take(20)
        .collect()
}

/// Short text nodes around the headline that hold a date (skipping update stamps).
fn dates_near_headline(p: &Page, headline: Option<&str>) -> Vec<(String, String)> {
    near_headline(&p.text_nodes, headline, 8, 20)
        .into_iter()
        .filter(|t| t.len() <= 120 && !t.to_lowercase().starts_with("updated"))
        .filter(|t| date_inside(t).is_some())
        .map(|t| (t, "visible date".to_string()))
        .collect()
}

/// ISO 8601 of a stated publication date: the offset kept when stated, a bare date stays a
/// date. Reads ISO forms, date lines ("November 20th, 2019 - 07:29 GMT"), RFC 2822
/// ("Mon, 18 Nov 2019 16:07:38 -0600") and JavaScript's `Date` string ("Tue Nov 19 2019
/// 03:05:46 GMT+0000").
pub fn parse_published(raw: &str) -> Option<String> {
    static JS: OnceLock<regex::Regex> = OnceLock::new();
    let raw = raw.trim();
    if let Some(iso) = dates::parse_date_line(raw) {
        return Some(iso);
    }
    if let Ok(z) = jiff::fmt::rfc2822::parse(raw) {
        return Some(z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string());
    }
    let js = JS.get_or_init(|| {
        regex::Regex::new(
            r"^(?:[A-Za-z]{3} )?([A-Za-z]{3}) (\d{1,2}) (\d{4}) (\d{2}:\d{2}:\d{2}) GMT([+-]\d{4})",
        )
        .expect("js date")
    });
    if let Some(c) = js.captures(raw) {
        let rfc = format!("{} {} {} {} {}", &c[2], &c[1], &c[3], &c[4], &c[5]);
        let z = jiff::fmt::rfc2822::parse(&rfc).ok()?;
        return Some(z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string());
    }
    date_inside(raw)
}

/// The first written date inside a short text: "By Scott Gordon Published Nov 18, 2019 at
/// 4:07 PM" → `2019-11-18` (day precision: the clock time's zone is not stated in a form we
/// can trust).
fn date_inside(raw: &str) -> Option<String> {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    if raw.len() > 120 {
        return None;
    }
    let re = RE.get_or_init(|| {
        let m = dates::MONTHS;
        regex::Regex::new(&format!(
            r"(?i)\b(?:(?:{m})\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|\d{{1,2}}(?:st|nd|rd|th|\.)? (?:{m})\.?,? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b"
        ))
        .expect("date inside")
    });
    re.find_iter(raw)
        .find_map(|m| dates::parse_date_line(&m.as_str().replace(". ", " ")))
        .map(|iso| iso.get(..10).unwrap_or(&iso).to_string())
}

fn declared_language(p: &Page) -> super::super::lang::Declared {
    let html_lang = p
        .page
        .html_lang
        .as_ref()
        .map(|l| ("<html lang>".to_string(), l.trim().to_string()))
        .filter(|(_, l)| !l.is_empty());
    html_lang
        .or_else(|| {
            p.meta(&["content-language", "language", "og:locale", "dc.language"])
                .map(|(v, f)| (f, v))
        })
        .or_else(|| {
            p.ld_value(|l| l.language.as_ref(), "inLanguage")
                .map(|(v, f)| (f, v))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stated_offsets_are_kept_and_bare_dates_stay_dates() {
        for (raw, iso) in [
            ("2019-11-20T09:29:08+0000", "2019-11-20T09:29:08+00:00"),
            ("2019-11-08T15:30:00-05:00", "2019-11-08T15:30:00-05:00"),
            ("2019-11-19T13:03:00.000Z", "2019-11-19T13:03:00Z"),
            (
                "Mon, 18 Nov 2019 16:07:38 -0600",
                "2019-11-18T16:07:38-06:00",
            ),
            (
                "Tue Nov 19 2019 03:05:46 GMT+0000",
                "2019-11-19T03:05:46+00:00",
            ),
            ("2019-11-20 06:09:25", "2019-11-20T06:09:25"),
            ("2018-09-15", "2018-09-15"),
            (
                "Published November 20th, 2019 - 07:29 GMT",
                "2019-11-20T07:29:00Z",
            ),
            (
                "By Scott Gordon Published Nov 18, 2019 at 4:07 PM | Updated at 5:36 PM CST",
                "2019-11-18",
            ),
            ("publiziert am 25. September 2018", "2018-09-25"),
        ] {
            assert_eq!(parse_published(raw).as_deref(), Some(iso), "{raw}");
        }
        assert_eq!(parse_published("20191118"), None);
        assert_eq!(parse_published("1 day ago"), None);
    }

    fn title_of(html: &str) -> Option<Field> {
        let page = super::super::meta_inputs::from_dom(&scraper::Html::parse_document(html));
        let mut article = crate::extract::empty_article();
        read(&page, html, &mut article);
        article.title
    }

    #[test]
    fn the_headline_is_the_h1_a_declared_title_confirms() {
        let t = title_of(
            r#"<html><head><title>Sweden drops Assange rape investigation - BBC News</title>
            <meta property="og:title" content="Sweden drops Assange rape investigation"></head>
            <body><nav><h1>BBC</h1></nav><h1>Julian Assange: Sweden drops rape investigation</h1></body></html>"#,
        )
        .unwrap();
        assert_eq!(t.value, "Julian Assange: Sweden drops rape investigation");
        assert_eq!(t.from, "<h1>");
        // The blog's name in an <h1> is not the headline; "Opinion | Headline" has no site
        // name to cut.
        let t = title_of(
            r#"<html><head><title>Sejarah Pecahnya Islam jadi Sunni dan Syi’ah | Kabar tentang Dunia Islam</title>
            <meta property="og:title" content="Sejarah Pecahnya Islam jadi Sunni dan Syi’ah"></head>
            <body><h1>Kabar tentang Dunia Islam</h1></body></html>"#,
        )
        .unwrap();
        assert_eq!(
            (t.value.as_str(), t.from.as_str()),
            (
                "Sejarah Pecahnya Islam jadi Sunni dan Syi’ah",
                "meta og:title"
            )
        );
        let t = title_of(
            r#"<html><head><meta property="og:title" content="Opinion | Republicans Are Following Trump to Nowhere"></head>
            <body><h1>Republicans Are Following Trump to Nowhere</h1></body></html>"#,
        )
        .unwrap();
        assert_eq!(t.value, "Republicans Are Following Trump to Nowhere");
    }

    #[test]
    fn declared_language_is_read_in_order() {
        let page = |h: &str| {
            let html = super::super::meta_inputs::from_dom(&scraper::Html::parse_document(h));
            let mut a = crate::extract::empty_article();
            read(&html, h, &mut a);
            a.language.map(|f| (f.value, f.from))
        };
        assert_eq!(
            page(r#"<html lang="pt-BR"><head></head><body></body></html>"#),
            Some(("pt-BR".into(), "<html lang>".into()))
        );
        assert_eq!(
            page(r#"<html><head><meta property="og:locale" content="ru_RU"></head></html>"#),
            Some(("ru_RU".into(), "meta og:locale".into()))
        );
    }
}
