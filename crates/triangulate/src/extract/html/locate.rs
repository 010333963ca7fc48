//! Finds block texts in the page source, in document order, so every paragraph and every
//! dropped block keeps its byte span in the input.
//!
//! The source's words (runs of alphanumeric characters outside tags) are indexed once per
//! page; a block is found where its first word occurs and its next few words follow
//! closely. Searching the raw source for each block instead was a fifth of the extraction
//! time on the benchmark pages.

use std::collections::HashMap;

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
    at: HashMap<&'a str, Vec<u32>>,
    /// Where `<body` starts (0 when absent): blocks are searched from there first.
    body: usize,
}

impl<'a> WordIndex<'a> {
    pub(super) fn new(input: &'a str) -> Self {
        let words = words_outside_tags(input);
        let mut at: HashMap<&str, Vec<u32>> = HashMap::new();
        for (i, &(s, e)) in words.iter().enumerate() {
            at.entry(&input[s..e]).or_default().push(i as u32);
        }
        let body = find_ascii_ci(input.as_bytes(), b"<body").unwrap_or(0);
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

/// Byte ranges of the alphanumeric runs outside `<…>` tags and comments.
fn words_outside_tags(input: &str) -> Vec<(usize, usize)> {
    let mut words = Vec::with_capacity(input.len() / 6);
    let mut start: Option<usize> = None;
    let mut in_tag = false;
    let mut chars = input.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if in_tag {
            in_tag = c != '>';
            continue;
        }
        if c == '<' {
            if let Some(s) = start.take() {
                words.push((s, i));
            }
            in_tag = true;
            continue;
        }
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            words.push((s, i));
        }
        if chars.peek().is_none() {
            if let Some(s) = start.take() {
                words.push((s, input.len()));
            }
        }
    }
    words
}

fn find_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
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
