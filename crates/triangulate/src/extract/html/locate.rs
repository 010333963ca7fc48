//! Finds block texts in the page source, in document order, so every paragraph and every
//! dropped block keeps its byte span in the input.
//!
//! The source's words (runs of alphanumeric characters outside tags) are indexed once per
//! page; a block is found where its first word occurs and its next few words follow
//! closely. Searching the raw source for each block instead was a fifth of the extraction
//! time on the benchmark pages.

use rustc_hash::FxHashMap;

use crate::model::Span;

/// How far (in bytes) the next word of a block may follow the previous one in the source:
/// room for inline tags and entity-encoded punctuation between them.
const NEAR: usize = 512;

/// The words of a page's source outside tags, with an index from word to occurrences.
pub(super) struct WordIndex<'a> {
    input: &'a str,
    /// Byte ranges of the words, in source order.
    words: Vec<(usize, usize)>,
    /// Word → indices into `words`, ascending.
    at: FxHashMap<&'a str, Vec<u32>>,
    /// Where `<body` starts (0 when absent): blocks are searched from there first.
    body: usize,
    /// Source ranges of link text (inside `<a>`, `<option>`, `<button>`), sorted, disjoint.
    links: Vec<(usize, usize)>,
}

impl<'a> WordIndex<'a> {
    pub(super) fn new(input: &'a str) -> Self {
        let Scan { words, body, links } = scan(input);
        let mut at: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
        for (i, &(s, e)) in words.iter().enumerate() {
            at.entry(&input[s..e]).or_default().push(i as u32);
        }
        let body = body.unwrap_or(0);
        WordIndex {
            input,
            words,
            at,
            body,
            links,
        }
    }

    /// The share of the letters of `text` that are link text: its words are followed
    /// through the source from `span.start`, each looked up within a short window after the
    /// previous one; words not found count as not linked.
    pub(super) fn link_share(&self, span: Span, text: &str) -> f64 {
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
            let found = self
                .first_from(word, cursor)
                .next()
                .map(|i| self.words[i].0)
                .filter(|&at| at <= cursor + LINK_WINDOW);
            let Some(at) = found else {
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
        let i = self.links.partition_point(|r| r.1 <= at);
        self.links.get(i).is_some_and(|r| r.0 <= at)
    }

    fn text(&self, i: usize) -> &str {
        let (s, e) = self.words[i];
        &self.input[s..e]
    }

    /// The first word index at or after byte `from` whose text is `word`.
    fn first_from(&self, word: &str, from: usize) -> impl Iterator<Item = usize> + '_ {
        let list = self.at.get(word).map_or(&[][..], Vec::as_slice);
        let k = list.partition_point(|&i| self.words[i as usize].0 < from);
        list[k..].iter().map(|&i| i as usize)
    }

    /// The index of the next occurrence of `word` after word `i`, starting within `NEAR`
    /// bytes of the end of word `i`.
    fn next_near(&self, i: usize, word: &str) -> Option<usize> {
        let limit = self.words[i].1 + NEAR;
        (i + 1..self.words.len())
            .take_while(|&j| self.words[j].0 <= limit)
            .find(|&j| self.text(j) == word)
    }
}

/// How far after the previous word of a paragraph its next word is looked up when
/// measuring link text (markup between words).
const LINK_WINDOW: usize = 2048;

/// What one scan of the source finds.
struct Scan {
    /// Byte ranges of the alphanumeric runs outside tags.
    words: Vec<(usize, usize)>,
    /// Where `<body` starts.
    body: Option<usize>,
    /// Link text ranges: from the end of an outermost `<a>`, `<option>` or `<button>` start
    /// tag to its end tag.
    links: Vec<(usize, usize)>,
}

/// Elements whose text is a control or a link, not prose.
fn is_link_tag(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"a")
        || name.eq_ignore_ascii_case(b"option")
        || name.eq_ignore_ascii_case(b"button")
}

/// One pass over the source: the alphanumeric runs outside `<…>` tags, comments and the
/// contents of `<script>` and `<style>` (code, never text a reader sees), where `<body`
/// starts, and the link text ranges.
///
/// ASCII (nearly all markup) is classified without decoding; only non-ASCII characters
/// are decoded to ask whether they are alphanumeric.
fn scan(input: &str) -> Scan {
    let bytes = input.as_bytes();
    let mut words = Vec::with_capacity(input.len() / 16);
    let mut links = Vec::new();
    let (mut link_depth, mut link_open) = (0usize, 0usize);
    let mut body = None;
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'<' {
            if let Some(s) = start.take() {
                words.push((s, i));
            }
            let tag = skip_tag(bytes, i);
            if body.is_none() && tag.name.eq_ignore_ascii_case(b"body") && !tag.closing {
                body = Some(i);
            }
            if is_link_tag(tag.name) {
                if tag.closing {
                    if link_depth == 1 {
                        links.push((link_open, i));
                    }
                    link_depth = link_depth.saturating_sub(1);
                } else if !tag.self_closing {
                    if link_depth == 0 {
                        link_open = tag.end;
                    }
                    link_depth += 1;
                }
            }
            i = tag.end;
            continue;
        }
        let (alphanumeric, len) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = input[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        };
        if alphanumeric {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            words.push((s, i));
        }
        i += len;
    }
    if let Some(s) = start {
        words.push((s, bytes.len()));
    }
    if link_depth > 0 {
        links.push((link_open, bytes.len()));
    }
    Scan { words, body, links }
}

/// A tag (or comment) starting at a `<`.
struct Tag<'a> {
    /// Its name, empty for comments and stray `<`.
    name: &'a [u8],
    closing: bool,
    /// `<… />`.
    self_closing: bool,
    /// Where scanning resumes: after the tag's `>`, after a comment's `-->`, or, for a
    /// `<script>` or `<style>` start tag, at its end tag.
    end: usize,
}

fn skip_tag(bytes: &[u8], lt: usize) -> Tag<'_> {
    let rest = &bytes[lt + 1..];
    if rest.starts_with(b"!--") {
        let end = memchr::memmem::find(&rest[3..], b"-->").map_or(bytes.len(), |p| lt + 4 + p + 3);
        return Tag {
            name: &[],
            closing: false,
            self_closing: false,
            end,
        };
    }
    let closing = rest.first() == Some(&b'/');
    let name_start = lt + 1 + usize::from(closing);
    let name_len = bytes[name_start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = &bytes[name_start..name_start + name_len];
    let gt = memchr::memchr(b'>', &bytes[name_start..]).map_or(bytes.len(), |p| name_start + p + 1);
    let raw_text =
        !closing && (name.eq_ignore_ascii_case(b"script") || name.eq_ignore_ascii_case(b"style"));
    let end = if raw_text {
        end_tag(bytes, name, gt)
    } else {
        gt
    };
    let self_closing = gt >= 2 && bytes[gt - 2] == b'/';
    Tag {
        name,
        closing,
        self_closing,
        end,
    }
}

/// The position of `</name` at or after `from` (ASCII case ignored), or the end.
fn end_tag(bytes: &[u8], name: &[u8], from: usize) -> usize {
    let mut at = from;
    while let Some(p) = memchr::memmem::find(&bytes[at..], b"</") {
        let lt = at + p;
        let after = &bytes[lt + 2..];
        if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name) {
            return lt;
        }
        at = lt + 2;
    }
    bytes.len()
}

/// Locates block texts one after another, keeping a cursor so repeated text is found at
/// its occurrence in document order.
pub(super) struct Locator<'i, 'a> {
    index: &'i WordIndex<'a>,
    cursor: usize,
}

impl<'i, 'a> Locator<'i, 'a> {
    pub(super) fn new(index: &'i WordIndex<'a>) -> Self {
        Locator {
            index,
            cursor: index.body,
        }
    }

    /// The span from the block's first word to its last word, searched from the cursor; an
    /// empty span at the cursor when the words cannot be found (entity-encoded letters).
    pub(super) fn locate(&mut self, text: &str) -> Span {
        let words: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            return Span::new(self.cursor, self.cursor);
        }
        let start = match self.find_start(&words, self.cursor) {
            Some(start) => start,
            // Out of document order (the body extractor moved it): search from the top,
            // leaving the cursor where it was.
            None => match self.find_start(&words, self.index.body) {
                Some(start) => {
                    let end = self.end_of(text, &words, start);
                    return Span::new(start, end);
                }
                None => return Span::new(self.cursor, self.cursor),
            },
        };
        let end = self.end_of(text, &words, start);
        self.cursor = end;
        Span::new(start, end)
    }

    /// The byte offset of the first occurrence (from `from`) of the block's first word that
    /// its next few words follow closely, so a common first word elsewhere is not taken.
    fn find_start(&self, words: &[&str], from: usize) -> Option<usize> {
        let index = self.index;
        index.first_from(words[0], from).find_map(|i| {
            let mut at = i;
            let follows = words[1..].iter().take(3).all(|w| {
                index.next_near(at, w).is_some_and(|j| {
                    at = j;
                    true
                })
            });
            follows.then_some(index.words[i].0)
        })
    }

    /// Where the block ends: just after the last occurrence of its last word before the end
    /// of the enclosing block element.
    fn end_of(&self, text: &str, words: &[&str], start: usize) -> usize {
        let (first, last) = (words[0], words[words.len() - 1]);
        let from = if words.len() > 1 {
            start + first.len()
        } else {
            start
        };
        self.find_last_word(last, from, start + text.len() * 4 + 4096)
            .map_or(start + first.len(), |p| p + last.len())
    }

    /// The last occurrence of `word` as a source word between `from` and `limit`, stopping
    /// before the end of the enclosing block (the next `</p>`-like closing tag after it).
    fn find_last_word(&self, word: &str, from: usize, limit: usize) -> Option<usize> {
        let input = self.index.input;
        let limit = limit.min(input.len());
        let hay = input.get(from..limit)?;
        let stop = ["</p", "</li", "</h"]
            .iter()
            .find_map(|t| hay.find(t))
            .map_or(limit, |p| from + p);
        self.index
            .first_from(word, from)
            .take_while(|&i| self.index.words[i].1 <= stop)
            .last()
            .map(|i| self.index.words[i].0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_skip_tags() {
        let html = "<p class=\"lead\">Iran&#8217;s drone <b>factory</b></p>";
        let index = WordIndex::new(html);
        let texts: Vec<&str> = (0..index.words.len()).map(|i| index.text(i)).collect();
        assert_eq!(texts, ["Iran", "8217", "s", "drone", "factory"]);
    }

    #[test]
    fn link_share_counts_letters_inside_anchors() {
        let page = r#"<body><p>Read <a href="/x">this story</a> now</p><!-- <a> --><script>"<a>"</script><ul><li><a href="/y">Headline</a></li></ul>"#;
        let index = WordIndex::new(page);
        let p = page.find("Read").unwrap();
        let end = page.find("now").unwrap() + 3;
        let share = index.link_share(Span::new(p, end), "Read this story now");
        assert!((share - 9.0 / 16.0).abs() < 1e-9, "{share}");
        let h = page.find("Headline").unwrap();
        assert_eq!(index.link_share(Span::new(h, h + 8), "Headline"), 1.0);
    }

    #[test]
    fn scripts_styles_and_comments_are_not_text() {
        let html = "<head><script>var a = \"<body>\" < 2; x</SCRIPT><style>p{color:red}</style>\
                    </head><BODY><!-- note > not --><p>Seen <b>here</b></p></body>";
        let index = WordIndex::new(html);
        let texts: Vec<&str> = (0..index.words.len()).map(|i| index.text(i)).collect();
        assert_eq!(texts, ["Seen", "here"]);
        assert_eq!(index.body, html.find("<BODY>").unwrap());
    }

    #[test]
    fn blocks_are_found_in_document_order_with_inline_markup_between_words() {
        let html = "<body><nav>Home News</nav><p>The <a href=\"/x\">factory</a> opened in \
                    Dushanbe.</p><p>The factory opened again.</p></body>";
        let index = WordIndex::new(html);
        let mut locator = Locator::new(&index);
        let first = locator.locate("The factory opened in Dushanbe.");
        assert!(html[first.start..first.end].starts_with("The <a"));
        assert!(html[first.start..first.end].ends_with("Dushanbe"));
        let second = locator.locate("The factory opened again.");
        assert_eq!(&html[second.start..second.end], "The factory opened again");
        // Text the source does not hold (entity-encoded letters) gets an empty span.
        let missing = locator.locate("Zürich");
        assert!(missing.is_empty());
    }
}
