//! An article's clean text as escaped HTML with `<mark>` elements on spans.
//!
//! Spans overlap freely (a claim sentence holds a quote that holds a name), but HTML elements
//! must nest. Where a span crosses the end of an enclosing one it is closed and reopened; the
//! continuation carries the same `data-span` but no `id`, so the anchor stays unique and the
//! script can still highlight every piece.

use std::collections::BTreeSet;

/// One span to mark.
#[derive(Clone, Debug)]
pub struct MarkSpec {
    /// Byte range in the text.
    pub start: usize,
    /// Byte end, exclusive.
    pub end: usize,
    /// The anchor id of the first piece.
    pub id: String,
    /// `data-span`: groups the pieces of one span (and, on compare pages, both sides).
    pub key: String,
    /// CSS classes, space-separated.
    pub class: String,
    /// Hover text saying what the span is.
    pub title: String,
    /// Anchor to go to when clicked (`data-peer`), if any.
    pub peer: Option<String>,
}

/// The text with every valid span marked. Spans out of range, empty, or not on character
/// boundaries are left out rather than trusted.
pub fn marked_text(text: &str, specs: &[MarkSpec]) -> String {
    let specs: Vec<&MarkSpec> = specs
        .iter()
        .filter(|m| m.start < m.end && text.get(m.start..m.end).is_some())
        .collect();
    let mut bounds: BTreeSet<usize> = specs.iter().flat_map(|m| [m.start, m.end]).collect();
    bounds.insert(0);
    bounds.insert(text.len());
    let bounds: Vec<usize> = bounds.into_iter().collect();
    let mut out = String::with_capacity(text.len() * 2);
    // Open spans, outermost first, as indices into `specs`.
    let mut open: Vec<usize> = Vec::new();
    let mut started = vec![false; specs.len()];
    for w in bounds.windows(2) {
        let (at, next) = (w[0], w[1]);
        close_ending(&mut out, &mut open, &specs, at, &mut started);
        open_starting(&mut out, &mut open, &specs, at, &mut started);
        out.push_str(&escape(&text[at..next]));
    }
    for _ in &open {
        out.push_str("</mark>");
    }
    out
}

/// Closes the spans ending at `at`; spans opened inside them that go on are closed and
/// reopened as continuations.
fn close_ending(
    out: &mut String,
    open: &mut Vec<usize>,
    specs: &[&MarkSpec],
    at: usize,
    started: &mut [bool],
) {
    let Some(first) = open.iter().position(|&i| specs[i].end <= at) else {
        return;
    };
    let reopen: Vec<usize> = open[first..]
        .iter()
        .copied()
        .filter(|&i| specs[i].end > at)
        .collect();
    for _ in first..open.len() {
        out.push_str("</mark>");
    }
    open.truncate(first);
    for i in reopen {
        out.push_str(&open_tag(specs[i], started[i]));
        open.push(i);
    }
}

/// Opens the spans starting at `at`, longest first so that shorter ones nest inside.
fn open_starting(
    out: &mut String,
    open: &mut Vec<usize>,
    specs: &[&MarkSpec],
    at: usize,
    started: &mut [bool],
) {
    let mut starting: Vec<usize> = (0..specs.len())
        .filter(|&i| specs[i].start == at && !started[i])
        .collect();
    starting.sort_by_key(|&i| (std::cmp::Reverse(specs[i].end), i));
    for i in starting {
        out.push_str(&open_tag(specs[i], false));
        started[i] = true;
        open.push(i);
    }
}

fn open_tag(m: &MarkSpec, continuation: bool) -> String {
    let id = if continuation {
        String::new()
    } else {
        format!(" id=\"{}\"", escape(&m.id))
    };
    let peer = m
        .peer
        .as_ref()
        .map(|p| format!(" data-peer=\"{}\"", escape(p)))
        .unwrap_or_default();
    format!(
        "<mark{id} class=\"{}\" data-span=\"{}\" title=\"{}\"{peer}>",
        escape(&m.class),
        escape(&m.key),
        escape(&m.title)
    )
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(start: usize, end: usize, id: &str) -> MarkSpec {
        MarkSpec {
            start,
            end,
            id: id.into(),
            key: id.into(),
            class: "k".into(),
            title: String::new(),
            peer: None,
        }
    }

    fn strip(html: &str) -> String {
        let re = regex::Regex::new("<[^>]*>").unwrap();
        re.replace_all(html, "").to_string()
    }

    #[test]
    fn crossing_spans_are_split_and_nest() {
        let text = "The minister said <b> ten";
        let html = marked_text(text, &[spec(4, 17, "a"), spec(13, 25, "b")]);
        assert_eq!(
            html,
            "The <mark id=\"a\" class=\"k\" data-span=\"a\" title=\"\">minister \
             <mark id=\"b\" class=\"k\" data-span=\"b\" title=\"\">said</mark></mark>\
             <mark class=\"k\" data-span=\"b\" title=\"\"> &lt;b&gt; ten</mark>"
        );
        assert_eq!(strip(&html), escape(text));
    }

    #[test]
    fn bad_spans_are_ignored_and_text_kept() {
        let text = "é<script>";
        let html = marked_text(text, &[spec(1, 3, "x"), spec(5, 99, "y"), spec(3, 3, "z")]);
        assert_eq!(html, "é&lt;script&gt;");
    }
}
