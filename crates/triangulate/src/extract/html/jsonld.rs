//! schema.org JSON-LD: the article object of a page (`NewsArticle`, `Article`,
//! `ReportageNewsArticle`, `BlogPosting`, … at the top level, in an array or in an `@graph`)
//! and what it states: headline, authors (string, `Person`, `Organization`, arrays, `@id`
//! references into the graph), dates, publisher, URL, language.
//!
//! Parsing is tolerant: each `<script type="application/ld+json">` block is read on its own,
//! after removing comment wrappers, raw control characters and trailing commas; a block that
//! still does not parse is skipped, never the page.

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;
use scraper::Html;
use serde_json::Value;

/// The `@type`s read as the article.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
];

/// An author as JSON-LD states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LdAuthor {
    pub name: String,
    /// `@type` is `Organization` (or a subtype): not a person's byline.
    pub organization: bool,
}

/// What the page's article object states.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct LdArticle {
    pub headline: Option<String>,
    pub authors: Vec<LdAuthor>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}

/// Reads the first article object of the page's JSON-LD blocks.
#[cfg(test)]
pub fn read(page: &Html) -> Option<LdArticle> {
    use scraper::Selector;
    static SCRIPT: OnceLock<Selector> = OnceLock::new();
    let sel = SCRIPT.get_or_init(|| {
        Selector::parse("script[type=\"application/ld+json\"]").expect("static selector")
    });
    let texts: Vec<String> = page
        .select(sel)
        .map(|s| s.text().collect::<String>())
        .collect();
    read_texts(&texts)
}

/// Reads the first article object of JSON-LD blocks given as their script texts.
pub fn read_texts(texts: &[String]) -> Option<LdArticle> {
    let blocks: Vec<Value> = texts.iter().filter_map(|t| parse_block(t)).collect();
    read_values(&blocks)
}

/// The article object among parsed blocks, with `@id` references resolved.
pub fn read_values(blocks: &[Value]) -> Option<LdArticle> {
    let mut objects = Vec::new();
    for b in blocks {
        flatten(b, &mut objects);
    }
    let ids: HashMap<&str, &Value> = objects
        .iter()
        .filter_map(|o| Some((o.get("@id")?.as_str()?, *o)))
        .collect();
    // The first article object, preferring one with a headline (a page may hold a
    // fragmentary one, or a salvaged block, before the full one).
    let articles: Vec<&&Value> = objects
        .iter()
        .filter(|o| has_type(o, ARTICLE_TYPES))
        .collect();
    let article = articles
        .iter()
        .find(|o| o.get("headline").is_some())
        .or_else(|| articles.first())?;
    let resolve = |v: &'_ Value| -> Value { resolve_ref(v, &ids) };
    let mut authors = Vec::new();
    if let Some(a) = article.get("author").or_else(|| article.get("creator")) {
        collect_authors(&resolve(a), &ids, &mut authors);
    }
    Some(LdArticle {
        headline: text_of(article.get("headline").or_else(|| article.get("name"))),
        authors,
        published: text_of(
            article
                .get("datePublished")
                .or_else(|| article.get("dateCreated")),
        ),
        modified: text_of(article.get("dateModified")),
        publisher: article
            .get("publisher")
            .map(resolve)
            .and_then(|p| name_of(&p)),
        url: text_of(article.get("url")).or_else(|| {
            article
                .get("mainEntityOfPage")
                .and_then(|m| text_of(Some(m)).or_else(|| text_of(m.get("@id"))))
        }),
        language: article.get("inLanguage").and_then(|l| {
            text_of(Some(l))
                .or_else(|| text_of(l.get("alternateName")))
                .or_else(|| text_of(l.get("name")))
        }),
    })
}

/// Parses one block, repairing what publishers commonly get wrong.
pub fn parse_block(raw: &str) -> Option<Value> {
    static TRAILING_COMMA: OnceLock<Regex> = OnceLock::new();
    let mut s = raw.trim();
    for wrapper in ["<!--", "//<![CDATA[", "<![CDATA["] {
        s = s.strip_prefix(wrapper).unwrap_or(s).trim();
    }
    for wrapper in ["-->", "//]]>", "]]>"] {
        s = s.strip_suffix(wrapper).unwrap_or(s).trim();
    }
    s = s.strip_suffix(';').unwrap_or(s);
    if let Ok(v) = serde_json::from_str(s) {
        return Some(v);
    }
    // Raw line breaks and tabs inside strings are invalid JSON; outside strings they are
    // white space, so a space is right in both places.
    let spaced: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if let Ok(v) = serde_json::from_str(&spaced) {
        return Some(v);
    }
    let re = TRAILING_COMMA.get_or_init(|| Regex::new(r",\s*([}\]])").expect("trailing comma"));
    serde_json::from_str(&re.replace_all(&spaced, "$1"))
        .ok()
        .or_else(|| salvage(&spaced))
}

/// The article fields of a block that is not JSON (an unescaped quote inside a description,
/// say), read one `"key": "value"` pair at a time; only when the block declares an article
/// `@type`.
fn salvage(block: &str) -> Option<Value> {
    static TYPE: OnceLock<Regex> = OnceLock::new();
    static PAIR: OnceLock<Regex> = OnceLock::new();
    static AUTHOR: OnceLock<Regex> = OnceLock::new();
    let ty = TYPE
        .get_or_init(|| Regex::new(r#""@type"\s*:\s*"([A-Za-z]+)""#).expect("type"))
        .captures_iter(block)
        .map(|c| c[1].to_string())
        .find(|t| ARTICLE_TYPES.contains(&t.as_str()))?;
    let mut map = serde_json::Map::new();
    map.insert("@type".into(), Value::String(ty));
    let pair = PAIR.get_or_init(|| {
        Regex::new(r#""(headline|datePublished|dateModified|dateCreated|inLanguage|url)"\s*:\s*"((?:[^"\\]|\\.)*)""#)
            .expect("pair")
    });
    for c in pair.captures_iter(block) {
        let value = serde_json::from_str::<String>(&format!("\"{}\"", &c[2])).unwrap_or_default();
        map.entry(c[1].to_string()).or_insert(Value::String(value));
    }
    let author = AUTHOR.get_or_init(|| {
        Regex::new(r#""author"\s*:\s*(?:\[\s*)?(?:\{[^{}]*?"name"\s*:\s*"([^"]+)"|"([^"]+)")"#)
            .expect("author")
    });
    if let Some(c) = author.captures(block) {
        let name = c.get(1).or_else(|| c.get(2)).map_or("", |m| m.as_str());
        map.insert("author".into(), Value::String(name.to_string()));
    }
    (map.len() > 1).then_some(Value::Object(map))
}

/// Every object at the top level, in top-level arrays and in `@graph` arrays.
fn flatten<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| flatten(i, out)),
        Value::Object(map) => {
            out.push(v);
            if let Some(graph) = map.get("@graph") {
                flatten(graph, out);
            }
        }
        _ => {}
    }
}

fn types(v: &Value) -> Vec<&str> {
    match v.get("@type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn has_type(v: &Value, wanted: &[&str]) -> bool {
    types(v).iter().any(|t| {
        let t = t.rsplit(['/', ':']).next().unwrap_or(t);
        wanted.iter().any(|w| w.eq_ignore_ascii_case(t))
    })
}

/// An object that is only `{"@id": …}` replaced by the object with that id.
fn resolve_ref(v: &Value, ids: &HashMap<&str, &Value>) -> Value {
    match v {
        Value::Object(map) if !map.contains_key("name") => map
            .get("@id")
            .and_then(Value::as_str)
            .and_then(|id| ids.get(id))
            .map_or_else(|| v.clone(), |o| (*o).clone()),
        Value::Array(items) => Value::Array(items.iter().map(|i| resolve_ref(i, ids)).collect()),
        _ => v.clone(),
    }
}

fn collect_authors(v: &Value, ids: &HashMap<&str, &Value>, out: &mut Vec<LdAuthor>) {
    match v {
        Value::String(s) => push_author(s, false, out),
        Value::Array(items) => items
            .iter()
            .for_each(|i| collect_authors(&resolve_ref(i, ids), ids, out)),
        Value::Object(_) => {
            if let Some(name) = name_of(v) {
                let organization = has_type(
                    v,
                    &[
                        "Organization",
                        "NewsMediaOrganization",
                        "Corporation",
                        "WebSite",
                    ],
                );
                push_author(&name, organization, out);
            }
        }
        _ => {}
    }
}

fn push_author(name: &str, organization: bool, out: &mut Vec<LdAuthor>) {
    let name = clean_text(name);
    if !name.is_empty() {
        out.push(LdAuthor { name, organization });
    }
}

fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(_) => text_of(Some(v)),
        Value::Array(items) => items.iter().find_map(name_of),
        _ => text_of(v.get("name")),
    }
}

/// A string value (the first of an array), entities decoded and white space folded.
fn text_of(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s.as_str(),
        Value::Array(items) => items.first()?.as_str()?,
        _ => return None,
    };
    Some(clean_text(s)).filter(|s| !s.is_empty())
}

/// Decodes HTML entities ("&#8216;" in a headline) and folds white space.
fn clean_text(s: &str) -> String {
    let decoded = if s.contains('&') {
        Html::parse_fragment(s)
            .root_element()
            .text()
            .collect::<String>()
    } else {
        s.to_string()
    };
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ld(html: &str) -> Option<LdArticle> {
        read(&Html::parse_document(html))
    }

    fn script(json: &str) -> String {
        format!("<html><head><script type=\"application/ld+json\">{json}</script></head></html>")
    }

    #[test]
    fn news_article_with_person_array_and_publisher() {
        // As on wsj.com (benchmark page 042bb7b5…).
        let a = ld(&script(
            r#"{"@context":"http://schema.org","@type":"NewsArticle","headline":"Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play…and Pay ","datePublished":"2019-11-19T13:03:00.000Z","author":[{"@type":"Person","name":"Sarah E. Needleman","sameAs":"https://www.wsj.com/news/author/1460"}],"publisher":{"@type":"Organization","name":"Wall Street Journal"}}"#,
        ))
        .unwrap();
        assert_eq!(
            a.headline.as_deref(),
            Some("Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play…and Pay")
        );
        assert_eq!(a.authors[0].name, "Sarah E. Needleman");
        assert!(!a.authors[0].organization);
        assert_eq!(a.published.as_deref(), Some("2019-11-19T13:03:00.000Z"));
        assert_eq!(a.publisher.as_deref(), Some("Wall Street Journal"));
    }

    #[test]
    fn graph_with_author_reference_and_entities() {
        // Yoast-style graph: the author is an @id reference to a Person node.
        let a = ld(&script(
            r##"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","@id":"https://x.example/#website","name":"Inexhibit"},{"@type":"BlogPosting","headline":"&#8216;The Medium is the Message&#8217;: the 7th Amsterdam Light Festival","datePublished":"2018-09-15","author":{"@id":"https://x.example/#/schema/person/ae0e"},"publisher":{"@id":"https://x.example/#website"}},{"@type":["Person"],"@id":"https://x.example/#/schema/person/ae0e","name":"Federica Lusiardi"}]}"##,
        ))
        .unwrap();
        assert_eq!(
            a.headline.as_deref(),
            Some("‘The Medium is the Message’: the 7th Amsterdam Light Festival")
        );
        assert_eq!(a.authors[0].name, "Federica Lusiardi");
        assert_eq!(a.publisher.as_deref(), Some("Inexhibit"));
        assert_eq!(a.published.as_deref(), Some("2018-09-15"));
    }

    #[test]
    fn top_level_array_string_author_and_organisation_author() {
        let a = ld(&script(
            r#"[{"@type":"BreadcrumbList","itemListElement":[]},{"@type":"ReportageNewsArticle","headline":"Dam fails","author":"Anna Korvel"}]"#,
        ))
        .unwrap();
        assert_eq!(a.authors[0].name, "Anna Korvel");
        let org = ld(&script(
            r#"{"@type":"NewsArticle","headline":"x","author":{"@type":"Organization","name":"Al-Bawaba"}}"#,
        ))
        .unwrap();
        assert!(org.authors[0].organization);
    }

    #[test]
    fn a_bad_block_does_not_hide_a_good_one() {
        let html = format!(
            "<html><head><script type=\"application/ld+json\">{{\"@type\": \"NewsArticle\", \"headline\": </script>{}</head></html>",
            script(
                "<!--\n{\"@type\":\"NewsArticle\",\"headline\":\"Line\nbreak\",\"author\":[\"A B\",],}\n-->"
            )
        );
        let a = ld(&html).unwrap();
        assert_eq!(a.headline.as_deref(), Some("Line break"));
        assert_eq!(a.authors[0].name, "A B");
        assert!(ld(&script("{not json at all")).is_none());
        // An unescaped quote inside a description (inexhibit.com, benchmark page 94fbcc26…).
        let broken = r#"{"@type": "Article", "headline": "Milan Design Week 2018 | Michael Anastassiades&#8217; light installation", "description": "the showroom features 'Jewels after Jewels", a light installation", "datePublished": "2018-04-18", "author": {"@type": "Person", "name": "FEDERICA LUSIARDI"}}"#;
        let a = ld(&script(broken)).unwrap();
        assert_eq!(a.published.as_deref(), Some("2018-04-18"));
        assert_eq!(a.authors[0].name, "FEDERICA LUSIARDI");
        assert_eq!(
            a.headline.as_deref(),
            Some("Milan Design Week 2018 | Michael Anastassiades’ light installation")
        );
        assert!(ld(&script(r#"{"@type":"WebPage","name":"Home"}"#)).is_none());
    }
}
