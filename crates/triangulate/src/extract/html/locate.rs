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
}

impl<'a> WordIndex<'a> {
    pub(super) fn new(input: &'a str) -> Self {
        let (words, body) = words_outside_tags(input);
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
        }
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

/// Byte ranges of the alphanumeric runs outside `<…>` tags, comments and the contents of
/// `<script>` and `<style>` (code, never text a reader sees), and where `<body` starts.
///
/// One pass over the bytes: ASCII (nearly all markup) is classified without decoding; only
/// non-ASCII characters are decoded to ask whether they are alphanumeric.
fn words_outside_tags(input: &str) -> (Vec<(usize, usize)>, Option<usize>) {
    let bytes = input.as_bytes();
    let mut words = Vec::with_capacity(input.len() / 16);
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
    (words, body)
}

/// A tag (or comment) starting at a `<`.
struct Tag<'a> {
    /// Its name, empty for comments and stray `<`.
    name: &'a [u8],
    closing: bool,
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
    Tag { name, closing, end }
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
