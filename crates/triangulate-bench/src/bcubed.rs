//! Clustering scores: B-cubed (Bagga & Baldwin 1998) and pairwise precision/recall/F1.
//!
//! A clustering is given as one label per item (`pred[i]`, `gold[i]`); labels are
//! compared only for equality. Both scores are computed from the contingency counts
//! `n(c, g)` = items in predicted cluster `c` and gold cluster `g`:
//!
//! - B-cubed precision = (1/N) Σ n(c,g)² / |c|, recall = (1/N) Σ n(c,g)² / |g| — the mean
//!   over items of the share of the item's predicted cluster that is in its gold cluster,
//!   and the reverse.
//! - Pairwise precision = same-gold pairs among same-predicted pairs, recall = same-predicted
//!   pairs among same-gold pairs. With no predicted pair (all singletons) precision is 1 (no
//!   wrong pair was made); with no gold pair recall is 1.

use std::collections::BTreeMap;

/// Precision, recall and their harmonic mean.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f1: f64,
}

impl Prf {
    fn new(p: f64, r: f64) -> Self {
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Prf { p, r, f1 }
    }
}

struct Counts {
    n: usize,
    /// n(c, g) for every non-empty cell.
    cells: Vec<(usize, usize, usize)>,
    pred_size: Vec<usize>,
    gold_size: Vec<usize>,
}

fn counts<P: Ord, G: Ord>(pred: &[P], gold: &[G]) -> Counts {
    assert_eq!(
        pred.len(),
        gold.len(),
        "one label per item in both clusterings"
    );
    let mut pred_ids: BTreeMap<&P, usize> = BTreeMap::new();
    let mut gold_ids: BTreeMap<&G, usize> = BTreeMap::new();
    let mut cells: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for (p, g) in pred.iter().zip(gold) {
        let next = pred_ids.len();
        let c = *pred_ids.entry(p).or_insert(next);
        let next = gold_ids.len();
        let k = *gold_ids.entry(g).or_insert(next);
        *cells.entry((c, k)).or_default() += 1;
    }
    let mut pred_size = vec![0; pred_ids.len()];
    let mut gold_size = vec![0; gold_ids.len()];
    for (&(c, k), &n) in &cells {
        pred_size[c] += n;
        gold_size[k] += n;
    }
    Counts {
        n: pred.len(),
        cells: cells.into_iter().map(|((c, k), n)| (c, k, n)).collect(),
        pred_size,
        gold_size,
    }
}

/// B-cubed precision, recall and F1 of `pred` against `gold` (one label per item).
/// An empty input scores 1/1/1.
pub fn bcubed<P: Ord, G: Ord>(pred: &[P], gold: &[G]) -> Prf {
    let c = counts(pred, gold);
    if c.n == 0 {
        return Prf::new(1.0, 1.0);
    }
    let mut p = 0.0;
    let mut r = 0.0;
    for &(pc, gc, n) in &c.cells {
        let sq = (n * n) as f64;
        p += sq / c.pred_size[pc] as f64;
        r += sq / c.gold_size[gc] as f64;
    }
    Prf::new(p / c.n as f64, r / c.n as f64)
}

fn pairs(n: usize) -> u64 {
    (n as u64) * (n as u64).saturating_sub(1) / 2
}

/// Pairwise precision, recall and F1 of `pred` against `gold` (one label per item).
pub fn pairwise<P: Ord, G: Ord>(pred: &[P], gold: &[G]) -> Prf {
    let c = counts(pred, gold);
    let tp: u64 = c.cells.iter().map(|&(_, _, n)| pairs(n)).sum();
    let pred_pairs: u64 = c.pred_size.iter().map(|&n| pairs(n)).sum();
    let gold_pairs: u64 = c.gold_size.iter().map(|&n| pairs(n)).sum();
    let ratio = |a: u64, b: u64| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    Prf::new(ratio(tp, pred_pairs), ratio(tp, gold_pairs))
}

/// Labels from a clustering given as groups of item indexes (`n` items; an item in no
/// group gets a singleton label of its own).
pub fn labels(groups: &[Vec<usize>], n: usize) -> Vec<usize> {
    let mut out: Vec<usize> = (0..n).map(|i| groups.len() + i).collect();
    for (g, members) in groups.iter().enumerate() {
        for &i in members {
            out[i] = g;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// Bagga & Baldwin (1998), the figure of their B-cubed section: gold chains
    /// {1..5}, {6,7}, {8..12}; the response merges the last two. Precision 64/84 ≈ 0.762
    /// (items 6,7 score 2/7, items 8..12 score 5/7), recall 1.
    #[test]
    fn bagga_baldwin_example() {
        let gold = [1, 1, 1, 1, 1, 2, 2, 3, 3, 3, 3, 3];
        let pred = [1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2];
        let s = bcubed(&pred, &gold);
        assert!(close(s.p, 64.0 / 84.0), "{s:?}");
        assert!(close(s.r, 1.0));
        assert!(close(s.f1, 2.0 * (64.0 / 84.0) / (1.0 + 64.0 / 84.0)));
        // Pairs: gold 10 + 1 + 10 = 21, predicted 10 + 21 = 31, all gold pairs kept.
        let p = pairwise(&pred, &gold);
        assert!(close(p.p, 21.0 / 31.0), "{p:?}");
        assert!(close(p.r, 1.0));
    }

    #[test]
    fn identical_clusterings_score_one_whatever_the_labels() {
        let gold = ["a", "a", "b", "c", "c", "c"];
        let pred = [7, 7, 3, 0, 0, 0];
        assert_eq!(bcubed(&pred, &gold), Prf::new(1.0, 1.0));
        assert_eq!(pairwise(&pred, &gold), Prf::new(1.0, 1.0));
    }

    #[test]
    fn all_singletons_and_one_cluster() {
        // Gold: {0,1}, {2,3}.
        let gold = [0, 0, 1, 1];
        let single = [0, 1, 2, 3];
        let s = bcubed(&single, &gold);
        assert!(close(s.p, 1.0) && close(s.r, 0.5), "{s:?}");
        let p = pairwise(&single, &gold);
        assert!(
            close(p.p, 1.0) && close(p.r, 0.0) && close(p.f1, 0.0),
            "{p:?}"
        );
        let one = [0, 0, 0, 0];
        let s = bcubed(&one, &gold);
        assert!(close(s.p, 0.5) && close(s.r, 1.0), "{s:?}");
        // 6 predicted pairs, 2 of them gold.
        let p = pairwise(&one, &gold);
        assert!(close(p.p, 2.0 / 6.0) && close(p.r, 1.0), "{p:?}");
    }

    #[test]
    fn a_split_cluster_by_hand() {
        // Gold {0,1,2}; predicted {0,1}, {2}.
        // B-cubed P = 1; R = (2/3 + 2/3 + 1/3) / 3 = 5/9.
        let gold = [0, 0, 0];
        let pred = [0, 0, 1];
        let s = bcubed(&pred, &gold);
        assert!(close(s.p, 1.0) && close(s.r, 5.0 / 9.0), "{s:?}");
        // Pairs: gold 3, predicted 1, shared 1.
        let p = pairwise(&pred, &gold);
        assert!(close(p.p, 1.0) && close(p.r, 1.0 / 3.0), "{p:?}");
    }

    #[test]
    fn labels_from_groups() {
        let l = labels(&[vec![2, 0], vec![3]], 5);
        assert_eq!(l[0], l[2]);
        assert_ne!(l[0], l[3]);
        assert_ne!(l[1], l[4]);
        assert_ne!(l[1], l[0]);
    }
}
