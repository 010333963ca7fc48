//! Stories: articles grouped by the event they report.
//!
//! Each article is a TF-IDF vector (sub-linear term frequency) over content stems, numbers
//! of two or more digits (counts, years, scores: what tells two similar events apart), and
//! names. Terms of the first [`LEAD_SENTENCES`] sentences weigh [`LEAD_WEIGHT`] times
//! more. A name is a capitalised word inside a sentence (or at its start when the same
//! word is capitalised inside a sentence elsewhere in the article), outside title-case
//! lines such as headlines; names weigh [`Params::name_weight`] times a common word, and two
//! adjacent names also count as one bigram term ("hugh jackman"), since two reports of one
//! event share full names more surely than vocabulary.
//!
//! Similarities are computed only for pairs sharing a term found in few articles (an
//! inverted index; a pair sharing only common words scores 0). Articles are then merged
//! bottom-up (average link over that sparse graph, with a priority queue) while the mean
//! cosine between two groups stays at least [`Params::threshold`]; reused text (copy or
//! partial) links two articles outright.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap, HashSet};

pub mod stream;

use crate::reuse::{ReuseKind, ReusePair};
use crate::text::{is_stopword, Doc, Token};

/// Mean cosine similarity above which two groups of articles are one story.
pub const MERGE_THRESHOLD: f64 = 0.14;

/// Weight of a name relative to a common word.
pub const NAME_WEIGHT: f64 = 1.5;

/// Sentences at the start of an article (headline, dateline and lead: where a report says
/// what happened) whose terms weigh [`LEAD_WEIGHT`] times more; later sentences carry
/// background and other stories' snippets.
pub const LEAD_SENTENCES: usize = 3;

/// Weight of a term in the lead relative to one further down (ECB+ `stories-eval`: batch
/// B³ F1 on dev 0.839 → 0.855, streaming unchanged).
pub const LEAD_WEIGHT: f64 = 2.0;

/// A term found in more than this many articles (and in more than 1% of them) does not
/// make two articles candidates for comparison on its own.
const CANDIDATE_MAX_DF: usize = 64;

/// Share of a sentence's words that are capitalised above which it is title case
/// (a headline), where capitals are no sign of a name.
const TITLE_CASE_SHARE: f64 = 0.6;

/// Groups documents into stories; returns groups of indexes into `docs`, each sorted,
/// ordered by size (largest first) then first member.
pub fn group(docs: &[&Doc], reuse: &[ReusePair]) -> Vec<Vec<usize>> {
    group_with(docs, reuse, &Params::default())
}

/// Settings of [`group`], open for evaluation (the defaults are what [`group`] uses).
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    /// Mean cosine similarity above which two groups are one story.
    pub threshold: f64,
    /// Weight of a name relative to a common word.
    pub name_weight: f64,
    /// Numbers of two or more digits are terms.
    pub numbers: bool,
    /// Two adjacent names are also one bigram term.
    pub name_bigrams: bool,
    /// Sentences at the start of an article (headline and lead) …
    pub lead_sentences: usize,
    /// … whose terms weigh this many times more.
    pub lead_weight: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            threshold: MERGE_THRESHOLD,
            name_weight: NAME_WEIGHT,
            numbers: true,
            name_bigrams: true,
            lead_sentences: LEAD_SENTENCES,
            lead_weight: LEAD_WEIGHT,
        }
    }
}

/// A sparse vector: (term id, weight), sorted by term id.
type Vector = Vec<(u32, f64)>;

/// [`group`] with explicit settings.
pub fn group_with(docs: &[&Doc], reuse: &[ReusePair], params: &Params) -> Vec<Vec<usize>> {
    let n = docs.len();
    let vectors = tfidf(docs, params);
    let mut edges = similarities(&vectors);
    let index: HashMap<&str, usize> = docs.iter().enumerate().map(|(i, d)| (d.id(), i)).collect();
    for pair in reuse.iter().filter(|p| p.kind != ReuseKind::QuoteOnly) {
        if let (Some(&i), Some(&j)) = (
            index.get(pair.documents[0].as_str()),
            index.get(pair.documents[1].as_str()),
        ) {
            if i != j {
                edges.insert((i.min(j), i.max(j)), 1.0);
            }
        }
    }
    let mut groups = average_link(n, &edges, params.threshold);
    groups.iter_mut().for_each(|g| g.sort_unstable());
    groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    groups
}

fn is_number(t: &Token) -> bool {
    t.folded.chars().all(|c| c.is_ascii_digit())
}

fn is_word(t: &Token) -> bool {
    t.folded.chars().count() >= 3 && !is_stopword(&t.folded) && !is_number(t)
}

/// The terms of one article: weights by term, and which of the terms are names (name
/// stems and name bigrams).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleTerms {
    /// Term frequency (names weighted by [`Params::name_weight`]), before IDF.
    pub weights: BTreeMap<String, f64>,
    /// The terms that were names in this article.
    pub names: BTreeSet<String>,
}

/// Term weights of one article, by term, and its names.
fn terms(doc: &Doc, params: &Params) -> ArticleTerms {
    let tokens = &doc.layer.tokens;
    // Per token: first of its sentence; in a title-case sentence.
    let mut first = vec![false; tokens.len()];
    let mut title = vec![false; tokens.len()];
    let mut start = 0;
    while start < tokens.len() {
        let s = tokens[start].sentence;
        let end = start + tokens[start..].partition_point(|t| t.sentence == s);
        first[start] = true;
        let words: Vec<&Token> = tokens[start..end]
            .iter()
            .filter(|t| t.folded.chars().count() >= 3 && !is_number(t))
            .collect();
        let caps = words.iter().filter(|t| t.capitalized).count();
        if words.len() >= 2 && caps as f64 > TITLE_CASE_SHARE * words.len() as f64 {
            title[start..end].iter_mut().for_each(|x| *x = true);
        }
        start = end;
    }
    let inside: HashSet<&str> = tokens
        .iter()
        .enumerate()
        .filter(|&(k, t)| t.capitalized && !first[k] && !title[k])
        .map(|(_, t)| t.folded.as_str())
        .collect();
    let name = |k: usize| {
        let t = &tokens[k];
        t.capitalized && !title[k] && (!first[k] || inside.contains(t.folded.as_str()))
    };
    let mut tf: BTreeMap<String, f64> = BTreeMap::new();
    let mut names: BTreeSet<String> = BTreeSet::new();
    for (k, t) in tokens.iter().enumerate() {
        if params.numbers && is_number(t) && t.folded.len() >= 2 {
            *tf.entry(format!("#{}", t.folded)).or_default() += 1.0;
            continue;
        }
        if !is_word(t) {
            continue;
        }
        let is_name = name(k);
        let lead = if t.sentence < params.lead_sentences {
            params.lead_weight
        } else {
            1.0
        };
        let w = lead * if is_name { params.name_weight } else { 1.0 };
        *tf.entry(t.stem.clone()).or_default() += w;
        if is_name {
            names.insert(t.stem.clone());
        }
        if params.name_bigrams && is_name && k + 1 < tokens.len() {
            let u = &tokens[k + 1];
            if u.sentence == t.sentence && is_word(u) && name(k + 1) {
                let bigram = format!("{} {}", t.stem, u.stem);
                *tf.entry(bigram.clone()).or_default() += lead * params.name_weight;
                names.insert(bigram);
            }
        }
    }
    ArticleTerms { weights: tf, names }
}

fn tfidf(docs: &[&Doc], params: &Params) -> Vec<Vector> {
    let tfs: Vec<BTreeMap<String, f64>> = docs.iter().map(|d| terms(d, params).weights).collect();
    // Term ids in sorted term order: deterministic.
    let mut df: BTreeMap<&str, usize> = BTreeMap::new();
    for tf in &tfs {
        for term in tf.keys() {
            *df.entry(term.as_str()).or_default() += 1;
        }
    }
    let ids: HashMap<&str, (u32, usize)> = df
        .iter()
        .enumerate()
        .map(|(i, (&t, &d))| (t, (i as u32, d)))
        .collect();
    let n = docs.len() as f64;
    tfs.iter()
        .map(|tf| {
            let mut v: Vector = tf
                .iter()
                .map(|(term, &count)| {
                    let (id, d) = ids[term.as_str()];
                    let idf = ((1.0 + n) / (1.0 + d as f64)).ln() + 1.0;
                    (id, (1.0 + count.ln()) * idf)
                })
                .collect();
            v.sort_by_key(|&(id, _)| id);
            let norm = v.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, x)| *x /= norm);
            }
            v
        })
        .collect()
}

fn cosine(a: &Vector, b: &Vector) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// Cosine of every pair of articles sharing a term found in few articles, keyed (i, j)
/// with i < j; zero similarities are left out.
fn similarities(vectors: &[Vector]) -> BTreeMap<(usize, usize), f64> {
    let n = vectors.len();
    let mut postings: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for (i, v) in vectors.iter().enumerate() {
        for &(t, _) in v {
            postings.entry(t).or_default().push(i);
        }
    }
    let max_df = CANDIDATE_MAX_DF.max(n / 100);
    let mut out = BTreeMap::new();
    let mut seen = vec![usize::MAX; n];
    for (i, v) in vectors.iter().enumerate() {
        for &(t, _) in v {
            let docs = &postings[&t];
            if docs.len() > max_df {
                continue;
            }
            for &j in docs.iter().filter(|&&j| j > i) {
                if seen[j] == i {
                    continue;
                }
                seen[j] = i;
                let s = cosine(v, &vectors[j]);
                if s > 0.0 {
                    out.insert((i, j), s);
                }
            }
        }
    }
    out
}

/// A candidate merge in the queue: mean similarity of clusters `a` < `b`, valid while both
/// clusters are at the versions it was computed for.
#[derive(PartialEq)]
struct Candidate {
    mean: f64,
    a: usize,
    b: usize,
    va: u32,
    vb: u32,
}

impl Eq for Candidate {}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        // Highest mean first; on a tie, the pair of lowest cluster ids.
        self.mean
            .total_cmp(&other.mean)
            .then_with(|| other.a.cmp(&self.a))
            .then_with(|| other.b.cmp(&self.b))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Average-link agglomerative clustering of `n` items over a sparse similarity graph
/// (absent pairs score 0): repeatedly merges the two groups with the highest mean pairwise
/// similarity while it is at least `threshold`. Each cluster keeps the sum of similarities
/// to its neighbours; merges are taken from a priority queue whose stale entries are
/// skipped by version.
fn average_link(
    n: usize,
    edges: &BTreeMap<(usize, usize), f64>,
    threshold: f64,
) -> Vec<Vec<usize>> {
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut links: Vec<BTreeMap<usize, f64>> = vec![BTreeMap::new(); n];
    for (&(i, j), &s) in edges {
        links[i].insert(j, s);
        links[j].insert(i, s);
    }
    let mut version = vec![0u32; n];
    let mut alive = vec![true; n];
    let mut queue = BinaryHeap::new();
    let push = |queue: &mut BinaryHeap<Candidate>,
                x: usize,
                y: usize,
                sum: f64,
                members: &[Vec<usize>],
                version: &[u32]| {
        let mean = sum / (members[x].len() * members[y].len()) as f64;
        if mean >= threshold {
            let (a, b) = (x.min(y), x.max(y));
            queue.push(Candidate {
                mean,
                a,
                b,
                va: version[a],
                vb: version[b],
            });
        }
    };
    for (&(i, j), &s) in edges {
        push(&mut queue, i, j, s, &members, &version);
    }
    while let Some(c) = queue.pop() {
        if !alive[c.a] || !alive[c.b] || version[c.a] != c.va || version[c.b] != c.vb {
            continue;
        }
        // Merge b into a.
        let (a, b) = (c.a, c.b);
        alive[b] = false;
        let moved = std::mem::take(&mut members[b]);
        members[a].extend(moved);
        let b_links = std::mem::take(&mut links[b]);
        links[a].remove(&b);
        for (d, s) in b_links {
            if d == a {
                continue;
            }
            links[d].remove(&b);
            *links[d].entry(a).or_default() += s;
            *links[a].entry(d).or_default() += s;
        }
        version[a] += 1;
        let neighbours: Vec<(usize, f64)> = links[a].iter().map(|(&d, &s)| (d, s)).collect();
        for (d, s) in neighbours {
            push(&mut queue, a, d, s, &members, &version);
        }
    }
    let kept: BTreeSet<usize> = (0..n).filter(|&i| alive[i]).collect();
    kept.into_iter()
        .map(|i| std::mem::take(&mut members[i]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edges(list: &[(usize, usize, f64)]) -> BTreeMap<(usize, usize), f64> {
        list.iter().map(|&(i, j, s)| ((i, j), s)).collect()
    }

    #[test]
    fn average_link_merges_by_mean_not_by_single_link() {
        // 0-1 close; 2 close to 1 only: mean of {0,1} to 2 is (0 + 0.5) / 2 = 0.25.
        let e = edges(&[(0, 1, 0.9), (1, 2, 0.5)]);
        let mut g = average_link(3, &e, 0.3);
        g.iter_mut().for_each(|x| x.sort_unstable());
        g.sort();
        assert_eq!(g, vec![vec![0, 1], vec![2]]);
        let mut g = average_link(3, &e, 0.2);
        g.iter_mut().for_each(|x| x.sort_unstable());
        assert_eq!(g, vec![vec![0, 1, 2]]);
    }

    #[test]
    fn average_link_with_no_edges_keeps_singletons() {
        assert_eq!(
            average_link(3, &BTreeMap::new(), 0.1),
            vec![vec![0], vec![1], vec![2]]
        );
    }

    fn doc(id: &str, text: &str) -> Doc {
        use crate::ingest::{Format, RawDoc};
        Doc::new(crate::extract::extract(&RawDoc::new(
            id,
            Format::Text,
            text,
        )))
    }

    #[test]
    fn names_inside_sentences_and_their_bigrams_are_terms() {
        let d = doc(
            "a",
            "Officials said on Friday that Hugh Jackman will host the ceremony in 2009.\n\n\
             Jackman said he was honoured.\n\nThe ceremony is in May.\n\nTickets sold out.",
        );
        let terms = terms(&d, &Params::default());
        let tf = &terms.weights;
        assert!(terms.names.contains("jackman") && terms.names.contains("hugh jackman"));
        assert!(!terms.names.contains("offici"), "{:?}", terms.names);
        // Both mentions are in the lead (the first three sentences).
        assert_eq!(
            tf.get("jackman"),
            Some(&(2.0 * NAME_WEIGHT * LEAD_WEIGHT)),
            "{tf:?}"
        );
        assert!(tf.contains_key("hugh jackman"), "{tf:?}");
        assert!(tf.contains_key("#2009"), "{tf:?}");
        // "Officials" opens a sentence and is not capitalised elsewhere: a common word.
        assert_eq!(tf.get("offici"), Some(&LEAD_WEIGHT), "{tf:?}");
        // Past the lead, a word weighs one.
        assert_eq!(tf.get("ticket"), Some(&1.0), "{tf:?}");
    }
}
