//! Plain text pasted from a web page.
//!
//! The input is cut into segments (lines; long lines whose paragraphs were joined by two
//! spaces are cut there too). Header segments before the body may be metadata, a date, a
//! title or a byline; any segment may be clutter. Each kept paragraph is an exact slice of
//! the input, so the clean text maps back to the input byte for byte.

use std::sync::OnceLock;

use regex::Regex;

use super::clutter::{self, DropReason};
use super::{assemble, empty_article, set_dateline, Article, Dropped, Field};
use crate::model::Span;
use crate::text::dates;

/// Extracts an article from plain text.
pub fn extract(input: &str) -> Article {
    let mut article = empty_article();
    let segments = segments(input);
    let body_start = segments
        .iter()
        .position(|s| looks_like_body(s.slice(input)))
        .unwrap_or(0);
    let mut kept = Vec::new();
    for (i, &seg) in segments.iter().enumerate() {
        let s = seg.slice(input);
        let reason = if i < body_start {
            header_segment(&mut article, s, seg)
        } else {
            body_clutter(&mut article, s, seg)
        };
        match reason {
            Some(reason) => article.dropped.push(Dropped {
                reason,
                text: fold_ws(s),
                input: seg,
            }),
            None => kept.push((seg, s.to_string())),
        }
    }
    let (text, paragraphs) = assemble(kept);
    article.text = text;
    article.paragraphs = paragraphs;
    set_dateline(&mut article);
    article
}

/// Reads a segment before the body: metadata, date, title, byline or clutter.
fn header_segment(article: &mut Article, s: &str, span: Span) -> Option<DropReason> {
    if let Some(reason) = clutter::classify(s) {
        return Some(reason);
    }
    if let Some(date) = dates::parse_date_line(s) {
        if article.published.is_none() {
            article.published = Some(Field::new(date, "metadata line", Some(span)));
        }
        return Some(DropReason::Metadata);
    }
    if let Some((author, outlet)) = clutter::byline(s) {
        article.author = Some(Field::new(author, "byline", Some(span)));
        if let Some(outlet) = outlet {
            article.outlet = Some(Field::new(outlet, "byline", Some(span)));
        }
        return Some(DropReason::Byline);
    }
    if article.title.is_none() && looks_like_headline(s) {
        article.title = Some(Field::new(s.trim(), "first line", Some(span)));
        return Some(DropReason::Title);
    }
    None
}

/// Recognises clutter inside the body; licence lines also tell the outlet.
fn body_clutter(article: &mut Article, s: &str, span: Span) -> Option<DropReason> {
    let reason = clutter::classify(s)?;
    if reason == DropReason::Licence && article.outlet.is_none() {
        if let Some(outlet) = clutter::outlet_in_licence(s) {
            article.outlet = Some(Field::new(outlet, "licence line", Some(span)));
        }
    }
    Some(reason)
}

/// A paragraph of running text: long, or ending like a sentence with several words.
fn looks_like_body(s: &str) -> bool {
    let words = s.split_whitespace().count();
    let sentence_end = s.trim_end().ends_with(['.', '”', '"', '’', '!', '?', ')']);
    (words >= 25 || (sentence_end && words >= 8)) && clutter::classify(s).is_none()
}

/// A headline: a short line not ending in a full stop.
fn looks_like_headline(s: &str) -> bool {
    let t = s.trim();
    let words = t.split_whitespace().count();
    (2..=25).contains(&words) && !t.ends_with('.') && !t.ends_with(':')
}

fn fold_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cuts the input into trimmed segments: one per non-blank line, long lines also cut where
/// a sentence ends before two or more spaces (paragraphs joined when pasted), and a licence
/// sentence at the end of a line cut off on its own.
fn segments(input: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in input.split_inclusive('\n') {
        let span = trimmed(input, Span::new(pos, pos + line.len()));
        pos += line.len();
        if span.is_empty() {
            continue;
        }
        for piece in split_joined_paragraphs(input, span) {
            out.extend(split_trailing_licence(input, piece));
        }
    }
    out
}

fn trimmed(input: &str, span: Span) -> Span {
    let s = span.slice(input);
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    Span::new(span.start + lead, span.start + lead + t.len())
}

fn split_joined_paragraphs(input: &str, span: Span) -> Vec<Span> {
    static JOIN: OnceLock<Regex> = OnceLock::new();
    let re = JOIN.get_or_init(|| {
        Regex::new(r#"[.!?…]["”’)\]]?( {2,}|\t+)\S"#).expect("paragraph join pattern")
    });
    let s = span.slice(input);
    if s.len() < 300 {
        return vec![span];
    }
    let mut out = Vec::new();
    let mut start = 0;
    for m in re.find_iter(s) {
        let gap = m.as_str();
        let ws_start = m.start() + gap.find([' ', '\t']).unwrap_or(0);
        let next = m.end() - gap.chars().last().map_or(0, char::len_utf8);
        out.push(Span::new(span.start + start, span.start + ws_start));
        start = next;
    }
    out.push(Span::new(span.start + start, span.end));
    out
}

fn split_trailing_licence(input: &str, span: Span) -> Vec<Span> {
    static TAIL: OnceLock<Regex> = OnceLock::new();
    let re = TAIL.get_or_init(|| {
        Regex::new(r"(?i)[.!?”\x22]\s+((all (content|rights|material)|copyright|©)[^.]{0,160}?(licen[cs]ed|reserved)[^.]{0,120}\.?)\s*$")
            .expect("licence tail pattern")
    });
    let s = span.slice(input);
    match re.captures(s).and_then(|c| c.get(1)) {
        Some(m) if m.start() > 0 => {
            let head = trimmed(input, Span::new(span.start, span.start + m.start()));
            vec![
                head,
                Span::new(span.start + m.start(), span.start + m.end()),
            ]
        }
        _ => vec![span],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines_become_metadata() {
        let input = "Iran opens drone factory in Tajikistan\n\nBy Batya Jerenberg, World Israel News\n\nIran opened a military drone-manufacturing facility in Tajikistan Tuesday.\n\nRead  Another story here\n\nThe plant will make drones, which have a range of 200 kilometers, officials said.\n";
        let a = extract(input);
        assert_eq!(
            a.title.unwrap().value,
            "Iran opens drone factory in Tajikistan"
        );
        assert_eq!(a.author.unwrap().value, "Batya Jerenberg");
        assert_eq!(a.outlet.unwrap().value, "World Israel News");
        assert!(!a.text.contains("Read  Another"));
        assert_eq!(a.paragraphs.len(), 2);
        for p in &a.paragraphs {
            assert_eq!(p.text.slice(&a.text), p.input.slice(input));
        }
    }

    #[test]
    fn joined_paragraphs_and_licence_tail_are_split() {
        let para = "The delegation met officials in the capital and discussed cooperation on trade, energy and border security over two days of talks.";
        let input = format!("{para}  {para}  {para} All Content by Karavan Daily is licensed under a Creative Commons Attribution 4.0 International License.");
        let a = extract(&input);
        assert_eq!(a.paragraphs.len(), 3);
        assert_eq!(a.outlet.unwrap().value, "Karavan Daily");
        assert!(!a.text.contains("licensed"));
        assert_eq!(a.dropped[0].reason, DropReason::Licence);
    }
}
