//! Stories: articles grouped by the event they report.
//!
//! Each article is a TF-IDF vector over content stems (sub-linear term frequency), with
//! capitalised words — names — weighted double, since two reports of one event share
//! names more surely than vocabulary. Articles are then merged bottom-up (average link)
//! while the mean cosine between two groups stays above [`MERGE_THRESHOLD`]; reused text
//! (copy or partial) links two articles outright.

use std::collections::{BTreeMap, HashMap};

use crate::reuse::{ReuseKind, ReusePair};
use crate::text::{is_stopword, Doc};

/// Mean cosine similarity above which two groups of articles are one story.
pub const MERGE_THRESHOLD: f64 = 0.12;

/// Weight of a capitalised (name-like) word relative to a common word.
const NAME_WEIGHT: f64 = 2.0;

type Vector = BTreeMap<String, f64>;

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
}

impl Default for Params {
    fn default() -> Self {
        Params {
            threshold: MERGE_THRESHOLD,
        }
    }
}

/// [`group`] with explicit settings.
pub fn group_with(docs: &[&Doc], reuse: &[ReusePair], params: &Params) -> Vec<Vec<usize>> {
    let vectors = tfidf(docs);
    let n = docs.len();
    let mut sim = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in i + 1..n {
            let s = cosine(&vectors[i], &vectors[j]);
            sim[i][j] = s;
            sim[j][i] = s;
        }
    }
    let index: HashMap<&str, usize> = docs.iter().enumerate().map(|(i, d)| (d.id(), i)).collect();
    for pair in reuse.iter().filter(|p| p.kind != ReuseKind::QuoteOnly) {
        if let (Some(&i), Some(&j)) = (
            index.get(pair.documents[0].as_str()),
            index.get(pair.documents[1].as_str()),
        ) {
            sim[i][j] = 1.0;
            sim[j][i] = 1.0;
        }
    }
    let mut groups = average_link(&sim, params.threshold);
    groups.iter_mut().for_each(|g| g.sort_unstable());
    groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    groups
}

fn terms(doc: &Doc) -> HashMap<String, f64> {
    let mut tf: HashMap<String, f64> = HashMap::new();
    for t in &doc.layer.tokens {
        if t.folded.chars().count() < 3
            || is_stopword(&t.folded)
            || t.folded.chars().all(|c| c.is_ascii_digit())
        {
            continue;
        }
        let w = if t.capitalized { NAME_WEIGHT } else { 1.0 };
        *tf.entry(t.stem.clone()).or_default() += w;
    }
    tf
}

fn tfidf(docs: &[&Doc]) -> Vec<Vector> {
    let tfs: Vec<HashMap<String, f64>> = docs.iter().map(|d| terms(d)).collect();
    let mut df: HashMap<&str, usize> = HashMap::new();
    for tf in &tfs {
        for term in tf.keys() {
            *df.entry(term.as_str()).or_default() += 1;
        }
    }
    let n = docs.len() as f64;
    tfs.iter()
        .map(|tf| {
            let mut v: Vector = tf
                .iter()
                .map(|(term, &count)| {
                    let idf = ((1.0 + n) / (1.0 + df[term.as_str()] as f64)).ln() + 1.0;
                    (term.clone(), (1.0 + count.ln()) * idf)
                })
                .collect();
            let norm = v.values().map(|x| x * x).sum::<f64>().sqrt();
            if norm > 0.0 {
                v.values_mut().for_each(|x| *x /= norm);
            }
            v
        })
        .collect()
}

fn cosine(a: &Vector, b: &Vector) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small
        .iter()
        .filter_map(|(k, x)| large.get(k).map(|y| x * y))
        .sum()
}

/// Average-link agglomerative clustering: repeatedly merges the two groups with the
/// highest mean pairwise similarity while it is at least `threshold`.
fn average_link(sim: &[Vec<f64>], threshold: f64) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = (0..sim.len()).map(|i| vec![i]).collect();
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for x in 0..groups.len() {
            for y in x + 1..groups.len() {
                let s = mean_similarity(sim, &groups[x], &groups[y]);
                if s >= threshold && best.is_none_or(|(b, _, _)| s > b) {
                    best = Some((s, x, y));
                }
            }
        }
        let Some((_, x, y)) = best else {
            return groups;
        };
        let merged = groups.remove(y);
        groups[x].extend(merged);
    }
}

fn mean_similarity(sim: &[Vec<f64>], a: &[usize], b: &[usize]) -> f64 {
    let total: f64 = a
        .iter()
        .flat_map(|&i| b.iter().map(move |&j| sim[i][j]))
        .sum();
    total / (a.len() * b.len()) as f64
}
