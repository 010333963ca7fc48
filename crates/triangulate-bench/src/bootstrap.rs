//! Bootstrap confidence intervals over articles: resample the articles of a split with
//! replacement, pool their counts, recompute the statistic; the spread of the resampled
//! statistic estimates how much the figure would move on another sample of such articles.
//!
//! Deterministic: the resamples come from SplitMix64 ([`Rng`]) with a fixed seed, so a rerun
//! prints the same interval (no dependency on `rand` for a dozen lines).

use std::ops::AddAssign;

pub use crate::corpus::Rng;

/// A number in `[0, n)` from `rng`, by multiply-and-shift (Lemire): its bias, under
/// n / 2^64, is nothing for a few thousand articles. `n` must be positive. Not
/// [`Rng::below`]: its modulo draw makes the synthetic corpora whose figures the README
/// records, so it stays as it is, and the recorded intervals come from this one.
pub fn fair_below(rng: &mut Rng, n: usize) -> usize {
    ((u128::from(rng.next_u64()) * n as u128) >> 64) as usize
}

/// Puts `items` in a random order (Fisher–Yates, with [`fair_below`]).
pub fn shuffle<T>(rng: &mut Rng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        items.swap(i, fair_below(rng, i + 1));
    }
}

/// The statistic `stat` of `n` resamples of `items`: each draws `items.len()` items with
/// replacement and sums them (counts pool, so a ratio is recomputed, not averaged).
pub fn resample<T: Copy + Default + AddAssign>(
    items: &[T],
    n: usize,
    seed: u64,
    stat: impl Fn(&T) -> f64,
) -> Vec<f64> {
    if items.is_empty() {
        return Vec::new();
    }
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| {
            let mut sum = T::default();
            for _ in 0..items.len() {
                sum += items[fair_below(&mut rng, items.len())];
            }
            stat(&sum)
        })
        .collect()
}

/// Percentile interval and standard error of resampled values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    /// The 2.5th percentile.
    pub low: f64,
    /// The 97.5th percentile.
    pub high: f64,
    /// Standard deviation of the resampled values: the bootstrap standard error.
    pub se: f64,
}

/// The 95 % percentile interval and the standard error of `values` (at least one).
pub fn interval(values: &[f64]) -> Interval {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len() as f64;
    let mean = sorted.iter().sum::<f64>() / n;
    let var = sorted.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0).max(1.0);
    Interval {
        low: percentile(&sorted, 0.025),
        high: percentile(&sorted, 0.975),
        se: var.sqrt(),
    }
}

/// The `q` quantile of sorted values, interpolating between the two nearest (numpy's
/// default, so the figures can be checked there).
pub fn percentile(sorted: &[f64], q: f64) -> f64 {
    let at = q * (sorted.len() - 1) as f64;
    let (lo, hi) = (at.floor() as usize, at.ceil() as usize);
    sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_resamples_and_indices_in_range() {
        let items: Vec<f64> = (0..50).map(f64::from).collect();
        let a = resample(&items, 20, 7, |s| *s);
        assert_eq!(a, resample(&items, 20, 7, |s| *s));
        assert_ne!(a, resample(&items, 20, 8, |s| *s));
        let mut rng = Rng::new(1);
        assert!((0..10_000).all(|_| fair_below(&mut rng, 3) < 3));
    }

    #[test]
    fn resampled_sums_centre_on_the_total() {
        // 100 items of 0 or 1, total 50: resampled totals average near 50, spread sqrt(25).
        let items: Vec<f64> = (0..100).map(|i| f64::from(i % 2)).collect();
        let sums = resample(&items, 2000, 42, |s| *s);
        let mean = sums.iter().sum::<f64>() / sums.len() as f64;
        assert!((mean - 50.0).abs() < 0.5, "{mean}");
        let ci = interval(&sums);
        assert!((ci.se - 5.0).abs() < 0.5, "{ci:?}");
        assert!(ci.low < 50.0 && 50.0 < ci.high, "{ci:?}");
    }

    #[test]
    fn percentile_interpolates_like_numpy() {
        let v: Vec<f64> = (0..=10).map(f64::from).collect();
        assert_eq!(percentile(&v, 0.5), 5.0);
        assert!((percentile(&v, 0.025) - 0.25).abs() < 1e-12);
        assert!((percentile(&v, 0.975) - 9.75).abs() < 1e-12);
        let flat = interval(&[3.0; 5]);
        assert_eq!((flat.low, flat.high, flat.se), (3.0, 3.0, 0.0));
    }
}
