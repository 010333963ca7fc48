//! Reuse: which articles share passages of text, where, and in which direction.
//!
//! Candidates come, for up to [`EXACT_INDEX_MAX_DOCS`] articles, from an inverted index of
//! word 5-gram shingles (shingles found in very many articles — boilerplate, set phrases —
//! are ignored); for more, from MinHash signatures of the same shingles with LSH banding at
//! Jaccard [`LSH_THRESHOLD`] ([`minhash`]), whose memory is a fixed 512 bytes an article
//! instead of a posting per shingle. Each candidate pair is aligned: runs of identical folded
//! tokens are found from shared shingles, then runs on the same diagonal separated by a few
//! edited words are merged into one passage. A pair is `copy` when it shares a substantial
//! narrative, `quote-only` when nearly all shared words lie inside quotation marks in both
//! articles, and `partial` otherwise.
//!
//! Direction (`source`) is stated only on evidence, with its basis in `direction`:
//! `published` when both publication dates are known, comparable and different (the earlier
//! is the source); `containment` when dates do not tell, one article is contained whole in
//! the other, the other adds material, *and* the other credits the contained article's outlet
//! (by name in its text, or as its agency): a reprint with added paragraphs. Containment
//! alone is not enough — a trimmed excerpt of a longer report is contained in it too — so
//! everything else is `unknown`.

use std::collections::{BTreeMap, HashMap};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{DocId, Span};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::text::{quoted_regions, shingle_hash, word_hash, Doc, Token};

pub mod minhash;

/// Largest input whose candidates come from the exact shingle index; above it, MinHash/LSH.
pub const EXACT_INDEX_MAX_DOCS: usize = 5_000;
/// Jaccard similarity of shingle sets around which LSH makes two articles candidates.
pub const LSH_THRESHOLD: f64 = 0.3;
/// An LSH bucket with more articles than this is boilerplate shared by many.
const LSH_MAX_BUCKET: usize = 64;

/// Words per shingle.
pub const SHINGLE: usize = 5;
/// Fewest shared shingles that make a candidate pair.
const MIN_SHARED_SHINGLES: usize = 2;
/// A shingle in more articles than this is boilerplate, not evidence of copying.
const MAX_POSTING: usize = 64;
/// Fewest matching words in a passage.
const MIN_PASSAGE_WORDS: usize = 12;
/// Largest number of unmatched words between two runs merged into one passage.
const MAX_GAP_WORDS: usize = 6;
/// Shared non-quoted words from which a pair counts as a copy …
const COPY_WORDS: usize = 100;
/// … or the share of the shorter article's words from which it does.
const COPY_SHARE: f64 = 0.4;
/// Share of shared words inside quotation marks from which a pair is quote-only.
const QUOTE_ONLY_SHARE: f64 = 0.8;

/// How two articles relate through shared text.
#[derive(
    Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord,
)]
#[serde(rename_all = "kebab-case")]
pub enum ReuseKind {
    /// A substantial shared narrative.
    Copy,
    /// Some shared passages.
    Partial,
    /// The shared text is quotation of the same speaker.
    QuoteOnly,
}

/// One shared passage: its span in each article of the pair.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
pub struct Passage {
    /// `[start, end)` in the first document's text.
    pub a: [usize; 2],
    /// `[start, end)` in the second document's text.
    pub b: [usize; 2],
    /// Matched words over the longer side's words, 0–1.
    pub similarity: f64,
}

/// Two articles sharing text.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
pub struct ReusePair {
    /// The two document ids, in input order.
    pub documents: [DocId; 2],
    /// Copy, partial or quote-only.
    pub kind: ReuseKind,
    /// The earlier article when publication dates tell; `null` when they do not.
    pub source: Option<DocId>,
    /// How the direction was decided: `published` (dates), `containment` (a credited
    /// reprint with added material) or `unknown`.
    pub direction: String,
    /// Words in shared passages, counted in the first document.
    pub shared_words: usize,
    /// The shared passages, in the first document's order.
    pub passages: Vec<Passage>,
}

/// Finds every pair of articles that share passages.
pub fn find_reuse(docs: &[&Doc]) -> Vec<ReusePair> {
    let views: Vec<ReuseDoc> = docs.iter().map(|d| ReuseDoc::new(d)).collect();
    let doc_shingles: Vec<Vec<(u64, usize)>> = views.iter().map(ReuseDoc::shingles).collect();
    let candidates = if docs.len() <= EXACT_INDEX_MAX_DOCS {
        candidate_pairs(&doc_shingles)
    } else {
        lsh_candidates(&doc_shingles)
    };
    candidates
        .into_iter()
        .filter_map(|(i, j)| {
            align_shingled(&views[i], &doc_shingles[i], &views[j], &doc_shingles[j])
        })
        .collect()
}

/// Aligns one pair of articles (a candidate found elsewhere, e.g. by a streaming
/// [`minhash::LshIndex`]); `None` when they share no passage.
pub fn align_pair(a: &Doc, b: &Doc) -> Option<ReusePair> {
    align_views(&ReuseDoc::new(a), &ReuseDoc::new(b))
}

/// [`align_pair`] over the compact [`ReuseDoc`]s of the two articles (what a stream keeps
/// of earlier articles for its lineage window).
pub fn align_views(a: &ReuseDoc, b: &ReuseDoc) -> Option<ReusePair> {
    align_shingled(a, &a.shingles(), b, &b.shingles())
}

fn align_shingled(
    a: &ReuseDoc,
    sa: &[(u64, usize)],
    b: &ReuseDoc,
    sb: &[(u64, usize)],
) -> Option<ReusePair> {
    let passages = align(a, sa, b, sb);
    (!passages.is_empty()).then(|| classify(a, b, passages))
}

/// What reuse detection reads of an analysed article: its id, dates and credits, the text,
/// and per word the hash of its folded form and its byte span. Ten bytes a word plus the
/// text, against several hundred for the full [`Doc`]: a stream keeps these for its
/// lineage window and never re-analyses an earlier article to align it.
#[derive(Clone, Debug)]
pub struct ReuseDoc {
    id: DocId,
    text: String,
    published: Option<String>,
    outlet: Option<String>,
    agency: Option<String>,
    /// Per word: [`crate::text::word_hash`] of its folded form.
    words: Vec<u32>,
    /// Per word: its first byte in `text` …
    starts: Vec<u32>,
    /// … and its length in bytes. A text over 4 GiB, or with a word over 64 KiB (no
    /// language has one: such a text is not prose), keeps no words.
    lens: Vec<u16>,
    /// Spans of `text` inside quotation marks.
    quoted: Vec<Span>,
}

impl ReuseDoc {
    /// The reuse view of an analysed article.
    pub fn new(doc: &Doc) -> Self {
        let value = |f: &Option<crate::extract::Field>| f.as_ref().map(|f| f.value.clone());
        let fits = u32::try_from(doc.text().len()).is_ok()
            && doc
                .layer
                .tokens
                .iter()
                .all(|t| u16::try_from(t.span.len()).is_ok());
        let tokens: &[Token] = if fits { &doc.layer.tokens } else { &[] };
        ReuseDoc {
            id: doc.id().to_string(),
            text: doc.text().to_string(),
            published: value(&doc.article.published),
            outlet: value(&doc.article.outlet),
            agency: value(&doc.article.agency),
            words: tokens.iter().map(|t| word_hash(&t.folded)).collect(),
            starts: tokens.iter().map(|t| t.span.start as u32).collect(),
            lens: tokens.iter().map(|t| t.span.len() as u16).collect(),
            quoted: quoted_regions(doc.text()),
        }
    }

    /// The document id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Estimated heap bytes held (see [`crate::heap`]).
    pub fn heap_bytes(&self) -> usize {
        let strings = [&self.published, &self.outlet, &self.agency]
            .into_iter()
            .flatten()
            .map(String::capacity)
            .sum::<usize>();
        self.id.capacity()
            + self.text.capacity()
            + strings
            + crate::heap::vec_bytes(&self.words)
            + crate::heap::vec_bytes(&self.starts)
            + crate::heap::vec_bytes(&self.lens)
            + crate::heap::vec_bytes(&self.quoted)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the article has no words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Its word [`SHINGLE`]-gram hashes with their first word, equal to
    /// [`crate::text::shingles`] of the article's tokens.
    pub fn shingles(&self) -> Vec<(u64, usize)> {
        if self.words.len() < SHINGLE {
            return Vec::new();
        }
        self.words
            .windows(SHINGLE)
            .enumerate()
            .map(|(i, w)| (shingle_hash(w), i))
            .collect()
    }

    /// Number of words whose span lies inside `span` (spans are in text order).
    fn words_in(&self, span: [usize; 2]) -> usize {
        let from = self.starts.partition_point(|&s| (s as usize) < span[0]);
        // Words neither overlap nor nest: of those starting before the span's end, only the
        // last can end past it.
        let mut to = self.starts.partition_point(|&s| (s as usize) < span[1]);
        if to > 0 && self.span(to - 1)[1] > span[1] {
            to -= 1;
        }
        to.saturating_sub(from)
    }

    fn span(&self, i: usize) -> [usize; 2] {
        let start = self.starts[i] as usize;
        [start, start + usize::from(self.lens[i])]
    }
}

/// The MinHash signature of an article's word shingles, as the reuse stage computes it for
/// large inputs (for streams: query and insert it in a [`minhash::LshIndex`] built with
/// [`lsh_params`]).
pub fn signature(hasher: &minhash::MinHasher, doc: &Doc) -> minhash::Signature {
    let words: Vec<u32> = doc
        .layer
        .tokens
        .iter()
        .map(|t| word_hash(&t.folded))
        .collect();
    hasher.signature(words.windows(SHINGLE).map(shingle_hash))
}

/// [`signature`] of an article's [`ReuseDoc`].
pub fn view_signature(hasher: &minhash::MinHasher, doc: &ReuseDoc) -> minhash::Signature {
    hasher.signature(doc.words.windows(SHINGLE).map(shingle_hash))
}

/// The LSH banding of the reuse stage: [`LSH_THRESHOLD`] over [`minhash::NUM_PERM`] values.
pub fn lsh_params() -> minhash::LshParams {
    minhash::LshParams::for_threshold(LSH_THRESHOLD, minhash::NUM_PERM)
}

/// Candidate pairs by MinHash signatures and LSH banding at [`LSH_THRESHOLD`].
fn lsh_candidates(doc_shingles: &[Vec<(u64, usize)>]) -> Vec<(usize, usize)> {
    let hasher = minhash::MinHasher::default();
    let params = lsh_params();
    let sigs: Vec<minhash::Signature> = doc_shingles
        .iter()
        .map(|sh| hasher.signature(sh.iter().map(|s| s.0)))
        .collect();
    minhash::candidate_pairs(&sigs, params, LSH_MAX_BUCKET)
}

/// Pairs of document indexes sharing at least [`MIN_SHARED_SHINGLES`] shingles.
fn candidate_pairs(doc_shingles: &[Vec<(u64, usize)>]) -> Vec<(usize, usize)> {
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
    for (d, sh) in doc_shingles.iter().enumerate() {
        let mut seen: Vec<u64> = sh.iter().map(|s| s.0).collect();
        seen.sort_unstable();
        seen.dedup();
        for h in seen {
            postings.entry(h).or_default().push(d);
        }
    }
    let mut shared: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for list in postings
        .values()
        .filter(|l| l.len() > 1 && l.len() <= MAX_POSTING)
    {
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                *shared.entry((i, j)).or_default() += 1;
            }
        }
    }
    shared
        .into_iter()
        .filter(|&(_, n)| n >= MIN_SHARED_SHINGLES)
        .map(|(pair, _)| pair)
        .collect()
}

/// A run of identical tokens: start in a, start in b, length.
#[derive(Clone, Copy, Debug)]
struct Run {
    a: usize,
    b: usize,
    len: usize,
}

fn align(a: &ReuseDoc, sa: &[(u64, usize)], b: &ReuseDoc, sb: &[(u64, usize)]) -> Vec<Passage> {
    let (ta, tb) = (a.words.as_slice(), b.words.as_slice());
    let runs = maximal_runs(ta, sa, tb, sb);
    let mut extents = merge_runs(runs);
    for i in 0..extents.len() {
        let (lo_a, lo_b) = i
            .checked_sub(1)
            .map_or((0, 0), |p| (extents[p].a_end, extents[p].b_end));
        let (hi_a, hi_b) = extents
            .get(i + 1)
            .map_or((ta.len(), tb.len()), |n| (n.a_start, n.b_start));
        extend_edges(&mut extents[i], ta, tb, (lo_a, lo_b), (hi_a, hi_b));
    }
    extents
        .into_iter()
        .filter(|e| e.matched >= MIN_PASSAGE_WORDS)
        .map(|e| to_passage(a, b, e))
        .collect()
}

/// Maximal runs of equal tokens seeded by shared shingles, chosen greedily longest first so
/// that no token is in two runs.
fn maximal_runs(ta: &[u32], sa: &[(u64, usize)], tb: &[u32], sb: &[(u64, usize)]) -> Vec<Run> {
    let mut in_b: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for &(h, j) in sb {
        in_b.entry(h).or_default().push(j);
    }
    let mut runs = Vec::new();
    let mut seen: FxHashSet<(usize, usize)> = FxHashSet::default();
    for &(h, i) in sa {
        for &j in in_b.get(&h).map(Vec::as_slice).unwrap_or(&[]) {
            // Start of the run on this diagonal.
            let (mut s, mut t) = (i, j);
            while s > 0 && t > 0 && ta[s - 1] == tb[t - 1] {
                s -= 1;
                t -= 1;
            }
            if !seen.insert((s, t)) {
                continue;
            }
            let mut len = 0;
            while s + len < ta.len() && t + len < tb.len() && ta[s + len] == tb[t + len] {
                len += 1;
            }
            runs.push(Run { a: s, b: t, len });
        }
    }
    runs.sort_by(|x, y| y.len.cmp(&x.len).then(x.a.cmp(&y.a)).then(x.b.cmp(&y.b)));
    let mut used_a = vec![false; ta.len()];
    let mut used_b = vec![false; tb.len()];
    let mut chosen = Vec::new();
    for r in runs {
        let free = (0..r.len).all(|k| !used_a[r.a + k] && !used_b[r.b + k]);
        if free {
            (0..r.len).for_each(|k| {
                used_a[r.a + k] = true;
                used_b[r.b + k] = true;
            });
            chosen.push(r);
        }
    }
    chosen.sort_by_key(|r| (r.a, r.b));
    chosen
}

/// A passage in token indexes: `[a_start, a_end)` and `[b_start, b_end)`, with the number
/// of tokens that matched exactly.
#[derive(Clone, Copy, Debug)]
struct Extent {
    a_start: usize,
    a_end: usize,
    b_start: usize,
    b_end: usize,
    matched: usize,
}

/// Words that may be substituted at a passage's edge ("at about" → "at around").
const MAX_EDGE_EDIT: usize = 2;
/// Equal words needed beyond a substitution for the passage to grow over it.
const MIN_EDGE_RUN: usize = 2;

/// Grows a passage over equal words, and over a substitution of up to [`MAX_EDGE_EDIT`]
/// words followed by at least [`MIN_EDGE_RUN`] equal ones, at both ends: runs are seeded by
/// 5-word shingles, so an edit near a sentence start leaves the first words unmatched.
/// Never crosses the neighbouring passages (`lo`, `hi`).
fn extend_edges(e: &mut Extent, ta: &[u32], tb: &[u32], lo: (usize, usize), hi: (usize, usize)) {
    let same = |i: usize, j: usize| ta[i] == tb[j];
    let back = |e: &Extent| {
        (0..=MAX_EDGE_EDIT).find(|&k| {
            e.a_start >= lo.0 + k + MIN_EDGE_RUN
                && e.b_start >= lo.1 + k + MIN_EDGE_RUN
                && (1..=MIN_EDGE_RUN).all(|d| same(e.a_start - k - d, e.b_start - k - d))
        })
    };
    while let Some(skip) = back(e) {
        e.a_start -= skip + MIN_EDGE_RUN;
        e.b_start -= skip + MIN_EDGE_RUN;
        e.matched += MIN_EDGE_RUN;
    }
    let forth = |e: &Extent| {
        (0..=MAX_EDGE_EDIT).find(|&k| {
            e.a_end + k + MIN_EDGE_RUN <= hi.0
                && e.b_end + k + MIN_EDGE_RUN <= hi.1
                && (0..MIN_EDGE_RUN).all(|d| same(e.a_end + k + d, e.b_end + k + d))
        })
    };
    while let Some(skip) = forth(e) {
        e.a_end += skip + MIN_EDGE_RUN;
        e.b_end += skip + MIN_EDGE_RUN;
        e.matched += MIN_EDGE_RUN;
    }
}

/// Merges runs that follow each other in both articles with small gaps (edited words).
fn merge_runs(runs: Vec<Run>) -> Vec<Extent> {
    let mut out: Vec<Extent> = Vec::new();
    for r in runs {
        if let Some(last) = out.last_mut() {
            let follows = r.a >= last.a_end && r.b >= last.b_end;
            if follows && r.a - last.a_end <= MAX_GAP_WORDS && r.b - last.b_end <= MAX_GAP_WORDS {
                last.a_end = r.a + r.len;
                last.b_end = r.b + r.len;
                last.matched += r.len;
                continue;
            }
        }
        out.push(Extent {
            a_start: r.a,
            a_end: r.a + r.len,
            b_start: r.b,
            b_end: r.b + r.len,
            matched: r.len,
        });
    }
    out
}

fn to_passage(a: &ReuseDoc, b: &ReuseDoc, e: Extent) -> Passage {
    let longer = (e.a_end - e.a_start).max(e.b_end - e.b_start);
    Passage {
        a: [a.span(e.a_start)[0], a.span(e.a_end - 1)[1]],
        b: [b.span(e.b_start)[0], b.span(e.b_end - 1)[1]],
        similarity: round3(e.matched as f64 / longer as f64),
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn classify(a: &ReuseDoc, b: &ReuseDoc, passages: Vec<Passage>) -> ReusePair {
    let (qa, qb) = (&a.quoted, &b.quoted);
    let inside = |quotes: &[Span], span: [usize; 2]| {
        quotes
            .iter()
            .any(|q| q.contains(Span::new(span[0], span[1])))
    };
    let mut shared = 0;
    let mut shared_b = 0;
    let mut quoted = 0;
    for p in &passages {
        let n = a.words_in(p.a);
        shared += n;
        shared_b += b.words_in(p.b);
        if inside(qa, p.a) && inside(qb, p.b) {
            quoted += n;
        }
    }
    let shorter = a.len().min(b.len()).max(1);
    let narrative = shared - quoted;
    let kind = if quoted as f64 >= QUOTE_ONLY_SHARE * shared as f64 {
        ReuseKind::QuoteOnly
    } else if narrative >= COPY_WORDS || narrative as f64 >= COPY_SHARE * shorter as f64 {
        ReuseKind::Copy
    } else {
        ReuseKind::Partial
    };
    let (source, direction) = direction(a, b, [shared, shared_b]);
    ReusePair {
        documents: [a.id().to_string(), b.id().to_string()],
        kind,
        source,
        direction,
        shared_words: shared,
        passages,
    }
}

/// Share of an article's words inside shared passages from which it is contained whole.
const CONTAINED_SHARE: f64 = 0.95;
/// Fewest words the containing article adds for a reprint with added material.
const ADDED_WORDS: usize = 20;

/// The source of a pair and the basis of that direction (see the module documentation);
/// `shared` counts the words in shared passages in `a` and in `b`.
fn direction(a: &ReuseDoc, b: &ReuseDoc, shared: [usize; 2]) -> (Option<DocId>, String) {
    let (pa, pb) = (a.published.as_deref(), b.published.as_deref());
    if let (Some(x), Some(y)) = (pa, pb) {
        if comparable(x, y) && x != y {
            let src = if x < y { a.id() } else { b.id() };
            return (Some(src.to_string()), "published".into());
        }
    }
    let reprint = |inner: &ReuseDoc, inner_shared: usize, outer: &ReuseDoc| {
        let (n_in, n_out) = (inner.len(), outer.len());
        n_in > 0
            && inner_shared as f64 >= CONTAINED_SHARE * n_in as f64
            && n_out >= n_in + ADDED_WORDS
            && credits(outer, inner)
    };
    if reprint(a, shared[0], b) {
        (Some(a.id().to_string()), "containment".into())
    } else if reprint(b, shared[1], a) {
        (Some(b.id().to_string()), "containment".into())
    } else {
        (None, "unknown".into())
    }
}

/// Whether `outer` credits `inner`'s outlet: as its agency, or by name in its text.
fn credits(outer: &ReuseDoc, inner: &ReuseDoc) -> bool {
    let Some(outlet) = inner.outlet.as_deref().map(str::trim) else {
        return false;
    };
    if outlet.chars().count() < 2 {
        return false;
    }
    let agency = outer.agency.as_deref();
    agency.is_some_and(|ag| crate::text::fold(ag) == crate::text::fold(outlet))
        || crate::text::fold(&outer.text).contains(&crate::text::fold(outlet))
}

/// Two ISO strings compare as times only when both carry the same precision and zone form.
fn comparable(x: &str, y: &str) -> bool {
    let shape = |s: &str| (s.len(), s.ends_with('Z'), s.contains('+'));
    shape(x) == shape(y) || (x.len() == 10 && y.len() == 10)
}

/// Groups documents linked by copy or partial reuse (quote-only links do not make two
/// articles dependent). Each family is sorted; families are ordered by first member.
pub fn copy_families(ids: &[&str], pairs: &[ReusePair]) -> Vec<Vec<DocId>> {
    let index: HashMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut families = crate::model::UnionFind::new(ids.len());
    for pair in pairs.iter().filter(|p| p.kind != ReuseKind::QuoteOnly) {
        if let (Some(&i), Some(&j)) = (
            index.get(pair.documents[0].as_str()),
            index.get(pair.documents[1].as_str()),
        ) {
            families.union(i, j);
        }
    }
    families
        .groups()
        .into_iter()
        .map(|members| {
            let mut g: Vec<DocId> = members.iter().map(|&i| ids[i].to_string()).collect();
            g.sort();
            g
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Format, RawDoc};
    use crate::text::shingles;

    fn doc(id: &str, published: &str, text: &str) -> Doc {
        let mut article = crate::extract::extract(&RawDoc::new(id, Format::Text, text));
        article.published = Some(crate::extract::Field {
            value: published.into(),
            from: "test".into(),
            input: None,
        });
        Doc::new(article)
    }

    const BODY: &str = "when most residents of the villages below the dam were asleep. Water swept through three villages within minutes, tearing houses from their foundations and cutting the only road to the provincial capital.";

    #[test]
    fn an_edited_lead_word_does_not_cut_the_passage_and_the_earlier_is_the_source() {
        let a = doc(
            "a",
            "2025-03-12T09:12:00",
            &format!("Officials spoke on Tuesday. The breach occurred at about 3:40 a.m., {BODY}"),
        );
        let b = doc("b", "2025-03-12T18:40:00", &format!("Survivors spent a night in shelters. The breach occurred at around 3:40 a.m., {BODY}"));
        let pairs = find_reuse(&[&a, &b]);
        assert_eq!(pairs.len(), 1);
        let p = &pairs[0];
        assert_eq!(p.source.as_deref(), Some("a"));
        assert_eq!(p.passages.len(), 1);
        let shared = &a.text()[p.passages[0].a[0]..p.passages[0].a[1]];
        assert!(
            shared.starts_with("The breach occurred at about"),
            "{shared}"
        );
        assert!(shared.ends_with("provincial capital"), "{shared}");
    }

    #[test]
    fn two_outlets_quoting_one_speaker_are_not_copying() {
        let quote = "“We will witness greater cooperation and interaction at all military and defense levels between our two countries in the future,”";
        let a = doc(
            "a",
            "2022-05-17",
            &format!("{quote} the general said at the opening ceremony in the capital on Tuesday."),
        );
        let b = doc(
            "b",
            "2022-05-18",
            &format!("Speaking to reporters after a long visit, {quote} he added."),
        );
        let pairs = find_reuse(&[&a, &b]);
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0].kind, ReuseKind::QuoteOnly);
        assert_eq!(
            copy_families(&["a", "b"], &pairs),
            vec![vec!["a".to_string()], vec!["b".to_string()]]
        );
    }

    #[test]
    fn a_text_with_a_word_over_64_kib_keeps_no_words_and_aligns_with_nothing() {
        let giant = "x".repeat(70_000);
        let text = format!("{BODY} {giant} {BODY}");
        let a = undated("a", "A", &text);
        let b = undated("b", "B", BODY);
        let view = ReuseDoc::new(&a);
        assert!(view.is_empty());
        assert!(align_views(&view, &ReuseDoc::new(&b)).is_none());
        // Without the giant word the same text is found.
        let c = undated("c", "C", &format!("{BODY} {BODY}"));
        assert!(align_views(&ReuseDoc::new(&c), &ReuseDoc::new(&b)).is_some());
    }

    fn undated(id: &str, outlet: &str, text: &str) -> Doc {
        let mut article = crate::extract::extract(&RawDoc::new(id, Format::Text, text));
        article.published = None;
        article.outlet = Some(crate::extract::Field {
            value: outlet.into(),
            from: "test".into(),
            input: None,
        });
        Doc::new(article)
    }

    const LEAD: &str = "The dam above the valley gave way shortly before dawn on Tuesday, when most residents of the villages below were asleep. Rescue teams reached the area by noon and began searching the flooded houses along the river.";
    const ADDED: &str = "Local officials in the northern district said on Wednesday that schools would stay closed for the rest of the week while engineers inspected two other dams upstream of the town.";

    #[test]
    fn a_credited_reprint_with_added_paragraphs_names_its_source_by_containment() {
        let wire = undated("wire", "Karavan Daily", &format!("{LEAD} {BODY}"));
        let reprint = undated(
            "reprint",
            "Lantern Post",
            &format!("{LEAD} {BODY}\n\n{ADDED}\n\nThis report first appeared in Karavan Daily."),
        );
        let pairs = find_reuse(&[&reprint, &wire]);
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0].source.as_deref(), Some("wire"));
        assert_eq!(pairs[0].direction, "containment");
    }

    #[test]
    fn containment_without_a_credit_leaves_the_direction_unknown() {
        // The shorter one may as well be a trimmed excerpt of the longer: no guess.
        let short = undated("short", "Karavan Daily", &format!("{LEAD} {BODY}"));
        let long = undated("long", "Lantern Post", &format!("{LEAD} {BODY}\n\n{ADDED}"));
        let pairs = find_reuse(&[&short, &long]);
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0].source, None);
        assert_eq!(pairs[0].direction, "unknown");
    }

    #[test]
    fn lsh_candidates_find_the_copies_the_exact_index_finds_on_real_length_text() {
        let texts = [
            include_str!("../../../../demo/corpus/main-01-karavan-daily.txt"),
            include_str!("../../../../demo/corpus/main-04-durnak-courier.txt"),
            include_str!("../../../../demo/corpus/other-01-sundmere-sport.txt"),
        ];
        let mut docs: Vec<Doc> = texts.iter().map(|t| undated("x", "X", t)).collect();
        // A reprint of each with a changed word every 30 words.
        for t in texts {
            let edited: Vec<&str> = t
                .split(' ')
                .enumerate()
                .map(|(i, w)| if i % 30 == 29 { "altered" } else { w })
                .collect();
            docs.push(undated("y", "Y", &edited.join(" ")));
        }
        let sh: Vec<Vec<(u64, usize)>> = docs
            .iter()
            .map(|d| shingles(&d.layer.tokens, SHINGLE))
            .collect();
        // The compact view hashes the same shingles as the text layer.
        for (d, s) in docs.iter().zip(&sh) {
            assert_eq!(&ReuseDoc::new(d).shingles(), s);
        }
        let exact = candidate_pairs(&sh);
        let lsh = lsh_candidates(&sh);
        for k in 0..texts.len() {
            assert!(exact.contains(&(k, k + texts.len())), "{exact:?}");
            assert!(lsh.contains(&(k, k + texts.len())), "{lsh:?}");
        }
        assert!(
            lsh.iter().all(|p| exact.contains(p)),
            "{lsh:?} vs {exact:?}"
        );
    }
}
