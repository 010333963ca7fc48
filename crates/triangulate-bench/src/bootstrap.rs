//! Bootstrap confidence intervals over articles: resample the articles of a split with
//! replacement, pool their counts, recompute the statistic; the spread of the resampled
//! statistic estimates how much the figure would move on another sample of such articles.
//!
//! Deterministic: the resamples come from [`SplitMix64`] with a fixed seed, so a rerun
//! prints the same interval (no dependency on `rand` for a dozen lines).

use std::ops::AddAssign;

/// SplitMix64 (Steele, Lea, Flood 2014), the generator `java.util.SplittableRandom` and
/// the seeding of xoshiro use: enough for resampling indices, same stream on every machine.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator whose stream is fixed by `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `[0, n)`, by multiply-and-shift (Lemire): its bias, under n / 2^64, is
    /// nothing for a few thousand articles. `n` must be positive.
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Puts `items` in a random order (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
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
    let mut rng = SplitMix64::new(seed);
    (0..n)
        .map(|_| {
            let mut sum = T::default();
            for _ in 0..items.len() {
                sum += items[rng.below(items.len())];
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
        let mut rng = SplitMix64::new(1);
        assert!((0..10_000).all(|_| rng.below(3) < 3));
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
