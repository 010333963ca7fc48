//! Link text in the page source: the byte ranges inside `<a>`, `<option>` and `<button>`
//! elements, found by one scan of the source, and the share of a span's letters that fall
//! inside them (a paragraph made of links is a list of headlines, tags or menu entries).

use crate::model::Span;

/// The source ranges of link text, sorted and disjoint.
pub(super) struct LinkText {
    ranges: Vec<(usize, usize)>,
}

/// Elements whose text is a control or a link, not prose.
fn is_link_tag(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"a")
        || name.eq_ignore_ascii_case(b"option")
        || name.eq_ignore_ascii_case(b"button")
}

impl LinkText {
    pub(super) fn scan(input: &str) -> Self {
        let bytes = input.as_bytes();
        let mut ranges = Vec::new();
        let mut depth = 0usize;
        let mut open_at = 0usize;
        let mut i = 0usize;
        while let Some(off) = memchr(b'<', &bytes[i..]) {
            let lt = i + off;
            let rest = &bytes[lt + 1..];
            if rest.starts_with(b"!--") {
                i = find(bytes, b"-->", lt + 4).map_or(bytes.len(), |p| p + 3);
                continue;
            }
            let closing = rest.first() == Some(&b'/');
            let name_start = lt + 1 + usize::from(closing);
            let name_len = bytes[name_start..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            let name = &bytes[name_start..name_start + name_len];
            let gt = memchr(b'>', &bytes[name_start..]).map_or(bytes.len(), |p| name_start + p + 1);
            if name_len == 0 {
                i = lt + 1;
                continue;
            }
            if !closing
                && (name.eq_ignore_ascii_case(b"script") || name.eq_ignore_ascii_case(b"style"))
            {
                let close: &[u8] = if name.eq_ignore_ascii_case(b"script") {
                    b"</script"
                } else {
                    b"</style"
                };
                i = find_ci(bytes, close, gt).unwrap_or(bytes.len());
                continue;
            }
            if is_link_tag(name) {
                if closing {
                    if depth == 1 {
                        ranges.push((open_at, lt));
                    }
                    depth = depth.saturating_sub(1);
                } else if !(gt >= 2 && bytes[gt - 2] == b'/') {
                    if depth == 0 {
                        open_at = gt;
                    }
                    depth += 1;
                }
            }
            i = gt.max(lt + 1);
            if i >= bytes.len() {
                break;
            }
        }
        if depth > 0 {
            ranges.push((open_at, bytes.len()));
        }
        LinkText { ranges }
    }

    /// The share of the letters of `text` that are link text: its words are followed
    /// through the source from `span.start`, each searched within a short window after the
    /// previous one; words not found count as not linked.
    pub(super) fn share(&self, input: &str, span: Span, text: &str) -> f64 {
        if span.is_empty() {
            return 0.0;
        }
        let (mut total, mut linked) = (0usize, 0usize);
        let mut cursor = span.start;
        for word in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            total += word.len();
            let Some(at) = find_text(input, word, cursor, WINDOW) else {
                continue;
            };
            cursor = at + word.len();
            if self.is_link(at) {
                linked += word.len();
            }
        }
        if total == 0 {
            0.0
        } else {
            linked as f64 / total as f64
        }
    }

    fn is_link(&self, at: usize) -> bool {
        let i = self.ranges.partition_point(|r| r.1 <= at);
        self.ranges.get(i).is_some_and(|r| r.0 <= at)
    }
}

/// How far after the previous word the next one is looked for (markup between words).
const WINDOW: usize = 2048;

/// The first occurrence of `word` outside a tag in `input[from..from + window]`.
fn find_text(input: &str, word: &str, from: usize, window: usize) -> Option<usize> {
    let mut end = (from + window + word.len()).min(input.len());
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    let hay = input.get(from..end)?;
    let mut offset = 0;
    while let Some(p) = hay[offset..].find(word) {
        let at = offset + p;
        let before = &input[..from + at];
        let in_tag = before
            .rfind('<')
            .is_some_and(|lt| before.rfind('>').is_none_or(|gt| gt < lt));
        if !in_tag {
            return Some(from + at);
        }
        offset = at + word.len();
    }
    None
}

fn memchr(b: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&x| x == b)
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

fn find_ci(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_share_counts_letters_inside_anchors() {
        let page = r#"<p>Read <a href="/x">this story</a> now</p><!-- <a> --><script>"<a>"</script><ul><li><a href="/y">Headline</a></li></ul>"#;
        let links = LinkText::scan(page);
        let p = page.find("Read").unwrap();
        let end = page.find("now").unwrap() + 3;
        let share = links.share(page, Span::new(p, end), "Read this story now");
        assert!((share - 9.0 / 16.0).abs() < 1e-9, "{share}");
        let h = page.find("Headline").unwrap();
        assert_eq!(links.share(page, Span::new(h, h + 8), "Headline"), 1.0);
    }
}
