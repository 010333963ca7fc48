//! Text: shared primitives over clean article text: sentences, tokens, folded forms,
//! stems, stopwords, word shingles, and date reading ([`dates`]).

pub mod dates;
#[cfg(feature = "embeddings")]
pub mod embed;

use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use crate::model::Span;

/// One word of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Span in the clean text.
    pub span: Span,
    /// Lower-cased, accents stripped, apostrophes unified.
    pub folded: String,
    /// English Snowball stem of the folded form.
    pub stem: String,
    /// Index of the sentence it belongs to.
    pub sentence: usize,
    /// Starts with an upper-case letter; or, in mostly Latin-script text, is a word of a
    /// script without letter case (Arabic, Persian, Hebrew), where names are what such
    /// words usually are ("محمد باقری" beside "Mohammad Bagheri") and case cannot tell.
    pub capitalized: bool,
}

/// Sentences and tokens of one text.
#[derive(Clone, Debug, Default)]
pub struct TextLayer {
    /// Sentence spans, in order, never crossing a paragraph break.
    pub sentences: Vec<Span>,
    /// Word tokens, in order.
    pub tokens: Vec<Token>,
}

impl TextLayer {
    /// Tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        let start = self.tokens.partition_point(|t| t.sentence < i);
        let end = self.tokens.partition_point(|t| t.sentence <= i);
        &self.tokens[start..end]
    }

    /// Index of the sentence containing byte `pos`, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        (i < self.sentences.len() && self.sentences[i].start <= pos).then_some(i)
    }
}

/// Splits and tokenises a clean text.
pub fn analyse(text: &str) -> TextLayer {
    let sentences = split_sentences(text);
    let mut tokens = Vec::new();
    for (i, s) in sentences.iter().enumerate() {
        for (off, word) in s.slice(text).unicode_word_indices() {
            let folded = fold(word);
            let stem = stem(&folded);
            tokens.push(Token {
                span: Span::new(s.start + off, s.start + off + word.len()),
                folded,
                stem,
                sentence: i,
                capitalized: word.chars().next().is_some_and(char::is_uppercase),
            });
        }
    }
    if mostly_latin(text) {
        for t in &mut tokens {
            let first = text[t.span.start..t.span.end].chars().next();
            t.capitalized |= first.is_some_and(is_caseless_name_script);
        }
    }
    TextLayer { sentences, tokens }
}

/// Distinct words whose stems a thread remembers before it starts over.
const STEM_CACHE_WORDS: usize = 100_000;

/// The English Snowball stem of a folded word. Stems are remembered per thread: news text
/// repeats its words, and stemming was a fifth of the text layer's time (scale-bench
/// profile); the cache is a pure memo, so output does not depend on it.
fn stem(folded: &str) -> String {
    use std::cell::RefCell;
    /// A thread's stemmer and its memo: folded word → stem.
    type StemMemo = (
        rust_stemmers::Stemmer,
        rustc_hash::FxHashMap<Box<str>, Box<str>>,
    );
    thread_local! {
        static CACHE: RefCell<StemMemo> =
            RefCell::new((
                rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English),
                rustc_hash::FxHashMap::default(),
            ));
    }
    CACHE.with(|cell| {
        let (stemmer, memo) = &mut *cell.borrow_mut();
        if let Some(stem) = memo.get(folded) {
            return stem.to_string();
        }
        let stem = stemmer.stem(folded).into_owned();
        if memo.len() >= STEM_CACHE_WORDS {
            memo.clear();
        }
        memo.insert(folded.into(), stem.as_str().into());
        stem
    })
}

/// Arabic (with Persian and Urdu letters) and Hebrew: scripts without case whose words are
/// separated by spaces, so a run of them is a name candidate like a capitalised run.
fn is_caseless_name_script(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{05FF}' | '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// More than half of the letters are Latin.
fn mostly_latin(text: &str) -> bool {
    let (mut latin, mut letters) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        latin += usize::from(c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c));
    }
    latin * 2 > letters
}

/// Folds a string for matching: NFKD, combining marks removed, lower case, typographic
/// apostrophes and dashes made ASCII.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        // NFKD leaves ASCII as it is: only case and the backtick change.
        return s
            .bytes()
            .map(|b| match b {
                b'`' => '\'',
                b => char::from(b.to_ascii_lowercase()),
            })
            .collect();
    }
    fold_unicode(s)
}

/// [`fold`] for any text.
fn fold_unicode(s: &str) -> String {
    s.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '’' | '‘' | 'ʼ' | '`' => '\'',
            '–' | '—' | '‑' => '-',
            c => c,
        })
        .collect()
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "maj", "col", "lt", "capt", "cpt", "sgt", "adm",
    "brig", "cmdr", "gov", "sen", "sens", "rep", "reps", "del", "rev", "pres", "st", "mt", "no",
    "nos", "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "inc", "ltd", "corp", "co", "jr", "sr", "vs", "etc", "approx", "est", "dept", "univ",
    "ft", "fig", "u.s", "u.k", "u.n", "e.g", "i.e",
];

/// Splits text into sentences: Unicode sentence boundaries within each paragraph, rejoined
/// after abbreviations ("Maj. Gen. Bagheri") and before a lower-case continuation.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut para_start = 0;
    for para in text.split("\n\n") {
        let mut pending: Option<Span> = None;
        for (off, piece) in para.split_sentence_bound_indices() {
            let span = Span::new(para_start + off, para_start + off + piece.len());
            pending = Some(match pending {
                Some(prev) if continues(text, prev, piece) => Span::new(prev.start, span.end),
                Some(prev) => {
                    push_trimmed(&mut out, text, prev);
                    span
                }
                None => span,
            });
        }
        if let Some(prev) = pending {
            push_trimmed(&mut out, text, prev);
        }
        para_start += para.len() + 2;
    }
    out
}

fn continues(text: &str, prev: Span, next: &str) -> bool {
    let before = prev.slice(text).trim_end();
    let starts_lower = next
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase());
    if starts_lower {
        return true;
    }
    let Some(stripped) = before.strip_suffix('.') else {
        return false;
    };
    // "… terrorist attacks in the U.S. He says …": a personal pronoun after an abbreviation
    // opens a sentence (a title is followed by a name, never by "He").
    let pronoun = next
        .split_whitespace()
        .next()
        .is_some_and(|w| matches!(w, "He" | "She" | "They" | "We" | "I" | "It"));
    if pronoun {
        return false;
    }
    let last_word = stripped
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    let lw = last_word.to_lowercase();
    ABBREVIATIONS.contains(&lw.as_str())
        || (last_word.chars().count() == 1 && last_word.chars().all(char::is_uppercase))
}

fn push_trimmed(out: &mut Vec<Span>, text: &str, span: Span) {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if !t.is_empty() {
        out.push(Span::new(span.start + lead, span.start + lead + t.len()));
    }
}

/// True for English function words that carry no topic.
pub fn is_stopword(folded: &str) -> bool {
    static SET: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().copied().collect())
        .contains(folded)
}

const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "said",
    "says",
    "say",
    "told",
    "according",
    "mr",
    "ms",
    "mrs",
    "s",
    "t",
    "new",
    "one",
    "two",
    "would",
    "may",
    "might",
    "must",
    "shall",
    "year",
    "years",
    "last",
    "week",
    "since",
    "within",
];

/// 64-bit FNV-1a hash: stable across runs and platforms (determinism of signatures).
pub fn stable_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The 32-bit hash of a folded word: [`stable_hash`] with its halves folded together. Half
/// the memory of the 64-bit hash for a stream's reuse views; two different words of one
/// pair of articles share a value with odds of about one in 10^5, and a shingle joins five.
pub fn word_hash(folded: &str) -> u32 {
    let h = stable_hash(folded.as_bytes());
    (h ^ (h >> 32)) as u32
}

/// The 64-bit hash of a run of [`word_hash`]es (a shingle).
pub fn shingle_hash(words: &[u32]) -> u64 {
    words.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &w| {
        (h ^ u64::from(w)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Hashes of every run of `k` consecutive folded tokens ([`shingle_hash`] of their
/// [`word_hash`]es), with the index of the first token.
pub fn shingles(tokens: &[Token], k: usize) -> Vec<(u64, usize)> {
    if tokens.len() < k || k == 0 {
        return Vec::new();
    }
    let words: Vec<u32> = tokens.iter().map(|t| word_hash(&t.folded)).collect();
    words
        .windows(k)
        .enumerate()
        .map(|(i, w)| (shingle_hash(w), i))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quoted regions of `t`, as text.
    fn regions(t: &str) -> Vec<String> {
        quoted_regions(t)
            .iter()
            .map(|r| r.slice(t).to_string())
            .collect()
    }

    #[test]
    fn mixed_marks_close_each_other_and_curly_quotes_nest_in_straight_ones() {
        let t = "\"The line will double its output,” Mirzo said. \"It will serve the region.\"";
        assert_eq!(
            regions(t),
            vec![
                "\"The line will double its output,”",
                "\"It will serve the region.\""
            ]
        );
        let t =
            "\"MIRZO: Bagheri called it “a turning point.” But the drones stay here.\" He left.";
        assert_eq!(
            regions(t),
            vec!["\"MIRZO: Bagheri called it “a turning point.” But the drones stay here.\""]
        );
    }

    #[test]
    fn a_closing_mark_then_an_ellipsis_opens_a_paragraph_quote() {
        let t = "The minister went on.\n\n” … and the line will serve the region,” he said.";
        assert_eq!(regions(t), vec!["” … and the line will serve the region,”"]);
    }

    #[test]
    fn a_curly_quote_left_open_runs_to_the_end_of_its_paragraph() {
        let t = "“The line will serve the region for a decade.\n\nHe continued, “That is what we intend to do.”";
        assert_eq!(
            regions(t),
            vec![
                "“The line will serve the region for a decade.",
                "“That is what we intend to do.”"
            ]
        );
    }

    #[test]
    fn markup_attribute_values_are_not_quotes() {
        let t = "<tweet id=\"672138\" datetime=\"2015-12-02\">\"The plant opens today,\" the ministry wrote.</tweet>";
        assert_eq!(regions(t), vec!["\"The plant opens today,\""]);
    }

    #[test]
    fn quotes_run_across_paragraphs_and_nest() {
        // A quote continued in the next paragraph is left open at the break.
        let t = "Bagheri said:\n\n\"We can export drones.\n\n\"Tajikistan is the first.\"";
        assert_eq!(
            regions(t),
            ["\"We can export drones.", "\"Tajikistan is the first.\""]
        );
        // An opening mark never reopened is a stray mark.
        let t = "He is 6'1\" tall and said \"no.\n\nThe plant opened.";
        assert!(regions(t).is_empty(), "{:?}", regions(t));
        // Nested curly quotes, a “ typed for ” after a word, ” typed for “ at a paragraph start.
        let t = "“I would live in what he calls “hell” than here.” The “expedited review“ ended.\n\n”Fear of him,” she said.";
        assert_eq!(
            regions(t),
            [
                "“I would live in what he calls “hell” than here.”",
                "“expedited review“",
                "”Fear of him,”"
            ]
        );
    }

    #[test]
    fn ranks_and_initials_do_not_end_sentences() {
        let t = "Iranian chief of staff Maj. Gen. Mohammad Bagheri spoke. The U.S. forces left in August. J. Smith agreed.";
        let s: Vec<_> = split_sentences(t).iter().map(|s| s.slice(t)).collect();
        assert_eq!(
            s,
            [
                "Iranian chief of staff Maj. Gen. Mohammad Bagheri spoke.",
                "The U.S. forces left in August.",
                "J. Smith agreed."
            ]
        );
    }

    #[test]
    fn a_pronoun_after_an_abbreviation_opens_a_sentence() {
        let t =
            "Cox says Obama lacks a plan against attacks in the U.S. He says voters need facts.";
        assert_eq!(split_sentences(t).len(), 2);
        // A name after a title or "U.S." goes on with the sentence.
        let t = "Gen. Bagheri met the U.S. Senate delegation in Dushanbe.";
        assert_eq!(split_sentences(t).len(), 1);
    }

    #[test]
    fn sentences_never_cross_paragraphs() {
        let t = "First paragraph without stop\n\nSecond one.";
        assert_eq!(split_sentences(t).len(), 2);
    }

    #[test]
    fn folding_strips_accents_and_unifies_apostrophes() {
        assert_eq!(fold("Tajikistan’s Café"), "tajikistan's cafe");
    }

    #[test]
    fn ascii_folding_is_the_unicode_folding() {
        let text = include_str!("../../../../demo/corpus/main-01-karavan-daily.txt");
        let words = text
            .split_whitespace()
            .chain(["`Quoted`", "IRAN'S", "x-RAY_42", "~^{}"]);
        for w in words.filter(|w| w.is_ascii()) {
            assert_eq!(fold(w), fold_unicode(w), "{w}");
        }
    }

    #[test]
    fn tokens_carry_spans_and_stems() {
        let t = "Drones were manufactured.";
        let layer = analyse(t);
        assert_eq!(layer.tokens[0].span.slice(t), "Drones");
        assert_eq!(layer.tokens[0].stem, "drone");
        assert_eq!(layer.tokens[2].stem, "manufactur");
    }
}

/// An extracted article together with its sentences and tokens: what the stages after
/// `text` read.
#[derive(Clone, Debug)]
pub struct Doc {
    /// The extracted article.
    pub article: crate::extract::Article,
    /// Its sentences and tokens.
    pub layer: TextLayer,
}

impl Doc {
    /// Analyses an extracted article.
    pub fn new(article: crate::extract::Article) -> Self {
        let layer = analyse(&article.text);
        Doc { article, layer }
    }

    /// The document id.
    pub fn id(&self) -> &str {
        &self.article.id
    }

    /// The clean text.
    pub fn text(&self) -> &str {
        &self.article.text
    }
}

/// Spans of text inside quotation marks (“…”, "…", «…», „…“, ‘…’ not counted), outermost
/// only, marks included. A quote never crosses a paragraph break: one that runs across
/// paragraphs is, by the typographic convention, left open at the end of each paragraph and
/// reopened with a new mark at the start of the next; its part before the break is a span
/// of its own that ends without a closing mark. A straight mark never reopened is a stray
/// mark and yields no span; a curly “ left open runs to the paragraph's end (a closing mark
/// left out). A "”" opening a paragraph is read as an opening mark (a common
/// typing slip).
pub fn quoted_regions(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    // Curly quotes nested with the same marks (“… what he calls “hell” than …”).
    let mut nested = 0usize;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '“' | '«' | '„') => {
                open = Some((i, c));
                nested = 0;
            }
            // A “ written after a word closes the quote (“expedited review“ of); one before a
            // word opens a nested quote.
            (Some((s, '“')), '“') if !opens_straight(text, i) => {
                out.push(Span::new(s, i + c.len_utf8()));
                open = None;
            }
            (Some((_, '“')), '“') => nested += 1,
            (Some((_, '“')), '”') if nested > 0 => nested -= 1,
            // Curly quotes inside a straight one ("PENCE: … an episode of “Shark Tank.” But
            // …") nest: their closing mark does not close the straight quote.
            (Some((_, '"')), '“') if opens_straight(text, i) => nested += 1,
            (Some((_, '"')), '”') if nested > 0 => nested -= 1,
            (None, '"') if opens_straight(text, i) => {
                open = Some((i, c));
                nested = 0;
            }
            (None, '”') if starts_paragraph(text, i) && opens_paragraph_quote(text, i) => {
                open = Some((i, c))
            }
            (Some((s, o)), _) if closes(o, c) => {
                out.push(Span::new(s, i + c.len_utf8()));
                open = None;
            }
            (Some((s, o)), '\n') if text[i..].starts_with("\n\n") => {
                // A curly opening mark is never anything else: a quote it opens that
                // the paragraph does not close (the writer left the mark out) runs to the
                // paragraph's end, reopened in the next one or not.
                if reopens(text, i) || o == '“' {
                    out.push(Span::new(s, i));
                }
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// Whether `i` is the first character of a paragraph.
fn starts_paragraph(text: &str, i: usize) -> bool {
    i == 0 || text[..i].ends_with("\n\n")
}

/// Whether a "”" opening a paragraph opens a quote: a word after it, or an ellipsis
/// after a blank ("” … what I learned is that …", a quote taken up mid-sentence).
fn opens_paragraph_quote(text: &str, i: usize) -> bool {
    let rest = &text[i + '”'.len_utf8()..];
    opens_straight(text, i) || rest.trim_start_matches(' ').starts_with(['…', '.'])
}

/// Whether the paragraph after the break at `i` opens with a quotation mark.
fn reopens(text: &str, i: usize) -> bool {
    text[i..]
        .trim_start()
        .starts_with(['"', '“', '«', '„', '”'])
}

/// Whether the mark at `i` opens a quote: no letter or digit before it, a non-blank after.
/// A mark after "=" opens the value of a markup attribute left in pasted text
/// (`<tweet datetime="2015-12-02">`), not a quotation.
fn opens_straight(text: &str, i: usize) -> bool {
    let before = text[..i].chars().next_back();
    let mut rest = text[i..].chars();
    rest.next();
    let after = rest.next();
    !before.is_some_and(|c| c.is_alphanumeric() || c == '=')
        && after.is_some_and(|c| !c.is_whitespace())
}

/// Whether `c` closes a quote opened with `open`; editors mix marks, so a curly quote may
/// close a straight one ("I don’t think it’s getting the attention,” Grassley said) and
/// the other way round.
fn closes(open: char, c: char) -> bool {
    matches!(
        (open, c),
        ('“', '”')
            | ('«', '»')
            | ('„', '“')
            | ('"', '"')
            | ('“', '"')
            | ('"', '”')
            | ('„', '”')
            | ('”', '”')
    )
}
