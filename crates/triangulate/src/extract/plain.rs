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
    let title_at = best_headline(input, &segments[..body_start]);
    let mut kept = Vec::new();
    for (i, &seg) in segments.iter().enumerate() {
        let s = seg.slice(input);
        let reason = if Some(i) == title_at {
            article.title = Some(Field::new(s, "headline line", Some(seg)));
            Some(DropReason::Title)
        } else if i < body_start {
            Some(header_segment(
                &mut article,
                s,
                seg,
                title_at.is_some_and(|t| i < t),
            ))
        } else {
            body_segment(&mut article, s, seg)
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

/// The headline among the segments before the body: the longest line that reads like one.
fn best_headline(input: &str, header: &[Span]) -> Option<usize> {
    header
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            let t = s.slice(input);
            looks_like_headline(t)
                && clutter::classify(t).is_none()
                && dates::parse_date_line(t).is_none()
                && clutter::byline(t).is_none()
        })
        .max_by_key(|(i, s)| {
            (
                s.slice(input).split_whitespace().count(),
                std::cmp::Reverse(*i),
            )
        })
        .map(|(i, _)| i)
}

/// Reads a segment before the body: metadata, date, byline, site name, or page furniture.
/// Nothing before the body is kept: the body starts at the first paragraph of running text.
fn header_segment(article: &mut Article, s: &str, span: Span, before_title: bool) -> DropReason {
    // Before the clutter patterns, which also drop date lines but cannot read them.
    if let Some(date) = dates::parse_date_line(s) {
        if article.published.is_none() {
            article.published = Some(Field::new(date, "metadata line", Some(span)));
        }
        return DropReason::Metadata;
    }
    if let Some(reason) = clutter::classify(s) {
        if before_title && article.outlet.is_none() && reason == DropReason::Navigation {
            // "Sundmere Sport › Football › Cup": a breadcrumb starts with the site's name.
            let first = s
                .split(['»', '›', '>', '|', '/'])
                .next()
                .unwrap_or("")
                .trim();
            if looks_like_site_name(first) {
                article.outlet = Some(Field::new(first, "breadcrumb", Some(span)));
            }
        }
        return reason;
    }
    if let Some(reason) = read_byline(article, s, span) {
        return reason;
    }
    if before_title && article.outlet.is_none() && looks_like_site_name(s) {
        article.outlet = Some(Field::new(s.trim(), "site name line", Some(span)));
        return DropReason::Metadata;
    }
    DropReason::Navigation
}

/// A short line of capitalised words above the headline: the site's name.
fn looks_like_site_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Reads a byline ("By X, Outlet") into `author` and `outlet`.
fn read_byline(article: &mut Article, s: &str, span: Span) -> Option<DropReason> {
    let (author, outlet) = clutter::byline(s)?;
    article.author = Some(Field::new(author, "byline", Some(span)));
    if let Some(outlet) = outlet {
        article.outlet = Some(Field::new(outlet, "byline", Some(span)));
    }
    Some(DropReason::Byline)
}

/// Recognises clutter and bylines inside the body; licence lines also tell the outlet.
fn body_segment(article: &mut Article, s: &str, span: Span) -> Option<DropReason> {
    if article.author.is_none() {
        if let Some(reason) = read_byline(article, s, span) {
            return Some(reason);
        }
    }
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
    // Pasted pages join paragraphs with two spaces, or a no-break space and a space.
    let re = JOIN.get_or_init(|| {
        Regex::new(r#"[.!?…]["”’)\]]?([\p{Zs}\t]{2,})\S"#).expect("paragraph join pattern")
    });
    let s = span.slice(input);
    if s.len() < 300 {
        return vec![span];
    }
    let mut out = Vec::new();
    let mut start = 0;
    for c in re.captures_iter(s) {
        let Some(gap) = c.get(1) else { continue };
        // Two spaces inside an open quote part its sentences ("“… here.  It’s either …,”
        // Bolton added"): one paragraph, unless a quotation mark opens the next part (a
        // quote going on into a new paragraph is reopened there).
        let reopened = s[gap.end()..].starts_with(['“', '"', '„', '«']);
        if inside_quote(&s[..gap.start()]) && !reopened {
            continue;
        }
        out.push(Span::new(span.start + start, span.start + gap.start()));
        start = gap.end();
    }
    out.push(Span::new(span.start + start, span.end));
    out
}

/// Whether a quotation opened in `s` is still open at its end (curly marks open and close,
/// a straight mark toggles).
fn inside_quote(s: &str) -> bool {
    s.chars().fold(false, |open, c| match c {
        '“' | '„' | '«' => true,
        '”' | '»' => false,
        '"' => !open,
        _ => open,
    })
}

fn split_trailing_licence(input: &str, span: Span) -> Vec<Span> {
    static TAIL: OnceLock<Regex> = OnceLock::new();
    let re = TAIL.get_or_init(|| {
        Regex::new(r"(?i)[.!?”\x22]\s+((?:all (?:content|rights|material)|copyright|©).{0,200}?(?:licen[cs]ed|reserved).{0,160}?)\s*$")
            .expect("licence tail pattern")
    });
    let s = span.slice(input);
    // The pattern needs "licensed", "licenced" or "reserved"; in ASCII text (where case
    // folding is ASCII's) a line without them is not searched: the search read every line
    // in full, a tenth of plain-text extraction (scale-bench profile).
    let has = |word: &[u8]| {
        s.as_bytes()
            .windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word))
    };
    if s.is_ascii() && !(has(b"licensed") || has(b"licenced") || has(b"reserved")) {
        return vec![span];
    }
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
    fn two_spaces_inside_a_quote_do_not_split_it() {
        let said = "“The line will double its output by the spring, and the engineers who built it will train the next crews on site.  It will serve the whole region for a decade, and more lines will follow it,” the deputy minister said at the opening ceremony in Dushanbe on Tuesday.";
        let input = format!("{said}  {said}");
        let a = extract(&input);
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(a.paragraphs[0].input.slice(&input), said);
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
