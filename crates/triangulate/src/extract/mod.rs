//! Extract: [`RawDoc`] → [`Article`]: the clean body, its map back to the input, the
//! metadata the input states, and every dropped segment with the reason it was dropped.
//!
//! The clean `text` is the kept paragraphs joined by a blank line. Every paragraph records
//! the input span it came from: for plain text the paragraph is that input slice byte for
//! byte; for HTML it is the span of the element's text in the page.

mod authors;
mod clutter;
mod html;
pub(crate) mod lang;
mod plain;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ingest::{Format, RawDoc, Supplied};
use crate::model::{DocId, Span};

pub use clutter::DropReason;

/// A metadata value with where it was found.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// The value (for `published`: ISO 8601).
    pub value: String,
    /// Where it was read. HTML: `json-ld <key>`, `meta <name>`, `<h1>`, `<title>`,
    /// `<time datetime>`, `visible byline`, `visible date`, `<link rel=canonical>`,
    /// `<html lang>`; plain text: `metadata line`, `byline`, `licence line`; both: `dateline`,
    /// `dateline credit`, `closing credit`, `detected (whatlang)`, `supplied`.
    pub from: String,
    /// Its span in the decoded input, where it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<Span>,
}

impl Field {
    fn new(value: impl Into<String>, from: impl Into<String>, input: Option<Span>) -> Self {
        Field {
            value: value.into(),
            from: from.into(),
            input,
        }
    }
}

/// One kept paragraph.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Its span in the clean `text`.
    pub text: Span,
    /// Its span in the decoded input.
    pub input: Span,
}

/// A segment of the input left out of the clean text.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct Dropped {
    /// Why it was left out.
    pub reason: DropReason,
    /// What it said (white space folded).
    pub text: String,
    /// Its span in the decoded input.
    pub input: Span,
}

/// A document after extraction.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Document id.
    pub id: DocId,
    /// Where the input came from.
    pub origin: String,
    /// Input format.
    pub format: Format,
    /// The encoding the input was decoded from.
    pub encoding: String,
    /// Headline.
    pub title: Option<Field>,
    /// The authors joined with ", " (the first author's source).
    pub author: Option<Field>,
    /// Each author (a person; agency bylines go to `agency`), cleaned, with its source.
    #[serde(default)]
    pub authors: Vec<Field>,
    /// The outlet that published it.
    pub outlet: Option<Field>,
    /// Publication date-time, ISO 8601 (date only, or with time; offset where stated).
    pub published: Option<Field>,
    /// Last modification date-time as the page declares it, ISO 8601 like `published`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<Field>,
    /// Canonical URL (the page's own, else the one supplied with the input).
    pub url: Option<Field>,
    /// Dateline place ("TEHRAN").
    pub dateline: Option<Field>,
    /// Agency credited in the dateline or a credit line ("Reuters", "VNA").
    pub agency: Option<Field>,
    /// ISO 639-3 code of the article's language (declared, or detected from the body), with
    /// its source.
    pub language: Option<Field>,
    /// The clean body.
    pub text: String,
    /// Kept paragraphs with their spans in `text` and in the input.
    pub paragraphs: Vec<Paragraph>,
    /// Segments left out, with reasons.
    pub dropped: Vec<Dropped>,
}

/// How the body of an HTML page is read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HtmlBody {
    /// The fast path, and the full path for pages lol_html rejects.
    #[default]
    Auto,
    /// The fast path alone: one lol_html pass, the container with the most prose net of
    /// links and furniture (`extract/html/fast.rs`).
    Fast,
    /// The full path alone: rs-trafilatura on the pruned page, then our filters.
    Full,
}

/// Extracts one document.
pub fn extract(doc: &RawDoc) -> Article {
    extract_with(doc, HtmlBody::default())
}

/// Extracts one document, an HTML body read the way `body` says.
pub fn extract_with(doc: &RawDoc, body: HtmlBody) -> Article {
    let mut article = match doc.format {
        Format::Text => plain::extract(&doc.input),
        Format::Html => html::extract(&doc.input, body),
    };
    article.id = doc.id.clone();
    article.origin = doc.origin.clone();
    article.format = doc.format;
    article.encoding = doc.encoding.to_string();
    let declared = article.language.take().map(|f| (f.from, f.value));
    let title = article.title.as_ref().map_or("", |t| t.value.as_str());
    article.language = lang::choose(declared, title, &article.text);
    if article.agency.is_none() {
        set_trailing_credit(&mut article);
    }
    fill_from_supplied(&mut article, &doc.supplied);
    split_authors(&mut article, &doc.input);
    article
}

/// Makes `authors` and `author` agree: a single `author` value (a plain-text byline, supplied
/// metadata) is split into cleaned names, each with its span inside the value's span; a list
/// is joined into `author`.
fn split_authors(article: &mut Article, input: &str) {
    if article.authors.is_empty() {
        if let Some(field) = article.author.take() {
            let outlet = article.outlet.as_ref().map(|o| o.value.clone());
            let credits = authors::read(&field.value, outlet.as_deref());
            if article.agency.is_none() {
                article.agency = credits.agency.map(|a| name_field(a, &field, input));
            }
            article.authors = credits
                .authors
                .into_iter()
                .map(|a| name_field(a, &field, input))
                .collect();
        }
    }
    article.author = article.authors.first().map(|first| {
        let joined: Vec<&str> = article.authors.iter().map(|a| a.value.as_str()).collect();
        let input = (article.authors.len() == 1)
            .then_some(first.input)
            .flatten();
        Field::new(joined.join(", "), first.from.clone(), input)
    });
}

/// A name read from `within`, with its span inside `within`'s input span when written there
/// as is.
fn name_field(name: String, within: &Field, input: &str) -> Field {
    let span = within.input.and_then(|s| {
        let at = s.slice(input).find(&name)?;
        Some(Span::new(s.start + at, s.start + at + name.len()))
    });
    Field::new(name, within.from.clone(), span)
}

/// The input span of a span of the clean text, when its paragraph is an exact input slice
/// (plain text always; HTML when the paragraph's source had no markup or entities).
fn text_to_input(article: &Article, span: Span) -> Option<Span> {
    let p = article.paragraphs.iter().find(|p| p.text.contains(span))?;
    (p.input.len() == p.text.len()).then(|| {
        Span::new(
            p.input.start + span.start - p.text.start,
            p.input.start + span.end - p.text.start,
        )
    })
}

/// An agency credit closing the article: "… the ministry said. — IRNA", "… said. (Reuters)",
/// "--AFP". A parenthesised name must follow a sentence's end, so that "… Organization
/// (CSTO)" is not taken for a credit.
fn set_trailing_credit(article: &mut Article) {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r#"(?:(?:^|\s)(?:—|--|–)\s*(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,3})|[.!?”"]\s*\((\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,2})\))\s*$"#,
        )
        .expect("trailing credit regex")
    });
    let Some(last) = article.paragraphs.last() else {
        return;
    };
    let para = last.text.slice(&article.text);
    // Both forms need a dash or a parenthesis: most closing paragraphs are spared the
    // pattern.
    if !para.contains(['—', '–', '(']) && !para.contains("--") {
        return;
    }
    let Some(m) = re
        .captures(para)
        .and_then(|c| c.get(1).or_else(|| c.get(2)))
    else {
        return;
    };
    let span = Span::new(last.text.start + m.start(), last.text.start + m.end());
    let input = text_to_input(article, span);
    article.agency = Some(Field::new(m.as_str(), "closing credit", input));
}

/// Metadata supplied with the input fills what the document itself does not state.
fn fill_from_supplied(article: &mut Article, supplied: &Supplied) {
    let fill = |slot: &mut Option<Field>, value: &Option<String>| {
        if slot.is_none() {
            *slot = value
                .as_ref()
                .map(|v| Field::new(v.clone(), "supplied", None));
        }
    };
    fill(&mut article.title, &supplied.title);
    fill(&mut article.author, &supplied.author);
    fill(&mut article.outlet, &supplied.outlet);
    fill(&mut article.url, &supplied.url);
    if article.published.is_none() {
        article.published = supplied
            .published
            .as_deref()
            .and_then(crate::text::dates::parse_date_line)
            .map(|iso| Field::new(iso, "supplied", None));
    }
}

/// Builds an article body from kept input spans: joins them with blank lines and records
/// the map. `paragraph_text` gives each paragraph's clean text (for plain text: the input
/// slice itself).
fn assemble(kept: Vec<(Span, String)>) -> (String, Vec<Paragraph>) {
    let mut text = String::new();
    let mut paragraphs = Vec::with_capacity(kept.len());
    for (input, para) in kept {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&para);
        paragraphs.push(Paragraph {
            text: Span::new(start, text.len()),
            input,
        });
    }
    (text, paragraphs)
}

/// The words of `s` (split at Unicode white space, as `str::split_whitespace` does) joined
/// by single spaces. It reads bytes and decodes a character only at the lead bytes of the
/// non-ASCII white-space characters: `split_whitespace` decodes every character, and folding
/// each text run and text node of a page that way was a tenth of the fast pass's own work.
pub(crate) fn fold_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let bytes = s.as_bytes();
    let (mut i, mut word) = (0, None::<usize>);
    while i < bytes.len() {
        let space = space_len(s, i);
        if space == 0 {
            word.get_or_insert(i);
            i += 1;
            continue;
        }
        if let Some(start) = word.take() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&s[start..i]);
        }
        i += space;
    }
    if let Some(start) = word {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&s[start..]);
    }
    out
}

/// The byte length of the white-space character starting at byte `i` of `s`, 0 when there
/// is none there (also inside a character: continuation bytes are never lead bytes).
fn space_len(s: &str, i: usize) -> usize {
    match s.as_bytes()[i] {
        b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => 1,
        // U+0085 and U+00A0 (0xC2), U+1680 (0xE1), U+2000..U+205F (0xE2), U+3000 (0xE3).
        0xC2 | 0xE1 | 0xE2 | 0xE3 => s
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8),
        _ => 0,
    }
}

fn empty_article() -> Article {
    Article {
        id: String::new(),
        origin: String::new(),
        format: Format::Text,
        encoding: String::new(),
        title: None,
        author: None,
        authors: Vec::new(),
        outlet: None,
        published: None,
        modified: None,
        url: None,
        dateline: None,
        agency: None,
        language: None,
        text: String::new(),
        paragraphs: Vec::new(),
        dropped: Vec::new(),
    }
}

/// A value found in the clean text, with its span there.
type Found = Option<(String, Span)>;

/// The longest head of `s` of at most `max` bytes that ends on a character boundary.
pub(crate) fn head(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Finds the dateline ("TEHRAN --", "DUSHANBE (Reuters) -") at the start of the body.
/// Returns (place, agency) with their spans in `text`.
fn find_dateline(text: &str) -> (Found, Found) {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    if !may_start_dateline(text) {
        return (None, None);
    }
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r"^(\p{Lu}[\p{Lu}\p{M} .'’]*\p{Lu})(?:,\s*[\p{L} .]{2,30}?)?\s*(?:\(([^)\n]{2,30})\))?\s*(?:--|–|—|-)",
        )
        .expect("dateline regex")
    });
    let Some(c) = re.captures(text) else {
        return (None, None);
    };
    let place = c
        .get(1)
        .map(|m| (m.as_str().to_string(), Span::new(m.start(), m.end())));
    let agency = c
        .get(2)
        .map(|m| (m.as_str().to_string(), Span::new(m.start(), m.end())));
    (place, agency)
}

/// The text starts as the dateline pattern needs: an upper-case letter (`\p{Lu}` is
/// within `char::is_uppercase`), then another, a mark (any non-ASCII character, to be
/// safe), a space, a dot or an apostrophe. Most bodies start "The …" and are spared the
/// pattern, whose Unicode classes are costly to search.
fn may_start_dateline(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars
            .next()
            .is_some_and(|c| c.is_uppercase() || !c.is_ascii() || matches!(c, ' ' | '.' | '\''))
}

/// Sets `dateline` and `agency` from the start of the clean text, mapping spans to the input.
fn set_dateline(article: &mut Article) {
    let (place, agency) = find_dateline(&article.text);
    if let Some((value, span)) = place {
        article.dateline = Some(Field::new(value, "dateline", text_to_input(article, span)));
    }
    if let Some((value, span)) = agency {
        article.agency = Some(Field::new(
            value,
            "dateline credit",
            text_to_input(article, span),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_fold_as_split_whitespace_does() {
        for s in [
            "",
            "   ",
            "one",
            " a  b\tc\n\x0bd\x0ce\r f ",
            "caf\u{e9}\u{a0}au\u{2009}lait\u{3000}\u{85}x\u{1680}y\u{202f}z\u{205f}w",
            "\u{2028}\u{2029} \u{feff}keep\u{200b}zero-width \u{e2}\u{80}",
            "’quoted’  “text”\u{a0}\u{a0}—dash",
        ] {
            let expected = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(fold_spaces(s), expected, "{s:?}");
        }
    }

    fn extract_text(text: &str) -> Article {
        extract(&RawDoc::new("t", Format::Text, text))
    }

    #[test]
    fn closing_agency_credits_are_read_with_their_input_span() {
        let body = "TEHRAN -- Iran opened a drone factory in Dushanbe on Tuesday, the defence ministry said in a statement.\n\nThe plant will build drones for export, officials said at the ceremony.";
        for (credit, agency) in [
            (" — IRNA", "IRNA"),
            (" (Reuters)", "Reuters"),
            ("\n\n--Associated Press", "Associated Press"),
        ] {
            let input = format!("{body}{credit}");
            let a = extract_text(&input);
            let field = a.agency.expect(credit);
            assert_eq!(field.value, agency);
            assert_eq!(field.input.unwrap().slice(&input), agency);
        }
        assert!(extract_text(body).agency.is_none());
        let acronym =
            format!("{body} It joined the Collective Security Treaty Organization (CSTO)");
        assert!(extract_text(&acronym).agency.is_none());
        let dated = "DUSHANBE (AP) — Iran opened a drone factory in Dushanbe on Tuesday, the defence ministry said in a statement.";
        assert_eq!(extract_text(dated).agency.unwrap().value, "AP");
    }
}
