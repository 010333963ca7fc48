//! MinHash signatures and LSH banding: near-duplicate candidates without comparing every pair.
//!
//! A document is the set of its word-shingle hashes ([`crate::text::shingles`]). Its
//! signature has `num_perm` positions; two signatures agree at one position with
//! probability equal to the Jaccard similarity of the two sets. Two schemes:
//!
//! - [`Scheme::OnePermutation`] (the default): one-permutation hashing with optimal
//!   densification (Shrivastava, ICML 2017). Each shingle hash, after a 64-bit finaliser,
//!   falls in one of `num_perm` bins (its high bits) and the bin keeps its smallest low 32
//!   bits; an empty bin then copies the value of the first non-empty bin met along its own
//!   fixed pseudo-random probe sequence, the same in every document. One hash per shingle
//!   instead of `num_perm`: the signature costs about as much as reading the shingles.
//! - [`Scheme::Permutations`]: the classic `num_perm` independent functions, multiply-shift
//!   `(a·x + b) >> 32` (a odd), as datasketch computes them (with its own hash family).
//!
//! Every constant comes from a fixed-seed SplitMix64 stream: signatures are the same on every
//! run and platform, so they can be stored (a table of signatures and one of band keys) and
//! compared later.
//!
//! LSH banding cuts a signature into `bands` bands of `rows` values; two documents are
//! candidates when any band is equal in both. For Jaccard `s` the probability of becoming
//! candidates is the S-curve `1 − (1 − s^rows)^bands`, steep around `(1/bands)^(1/rows)`.
//! [`LshParams::for_threshold`] chooses `bands × rows ≤ num_perm` minimising the area of false
//! positives below the threshold plus false negatives above it (equal weights), the rule of
//! datasketch's `MinHashLSH`, so both give the same banding for the same threshold.
//! With 128 values (the same as datasketch computes): threshold 0.5 → 25 bands × 5 rows
//! (P(candidate) 0.06 at s = 0.3, 0.55 at s = 0.5, 0.99 at s = 0.7); threshold 0.3 → 37 bands
//! × 3 rows (0.04 at s = 0.1, 0.26 at s = 0.2, 0.64 at s = 0.3, 0.99 at s = 0.5).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Number of hash functions used by default.
pub const NUM_PERM: usize = 128;

/// A MinHash signature: one minimum per hash function.
pub type Signature = Vec<u32>;

/// SplitMix64: a fixed-seed stream of well-mixed 64-bit values.
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    mix(*state)
}

/// The SplitMix64 finaliser: spreads every input bit over the output (shingle hashes are
/// FNV-1a, whose low bits are weak).
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// How signatures are computed (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// One hash per element, `num_perm` bins, optimal densification.
    OnePermutation,
    /// `num_perm` independent multiply-shift hashes per element.
    Permutations,
}

/// A family of hash functions making signatures of `num_perm` values.
#[derive(Clone, Debug)]
pub struct MinHasher {
    scheme: Scheme,
    a: Vec<u64>,
    b: Vec<u64>,
    seed: u64,
}

impl MinHasher {
    /// One-permutation signatures of `num_perm` values drawn from `seed` (the same seed
    /// gives the same signatures).
    pub fn new(num_perm: usize, seed: u64) -> Self {
        MinHasher::with_scheme(Scheme::OnePermutation, num_perm, seed)
    }

    /// Signatures of the given scheme.
    pub fn with_scheme(scheme: Scheme, num_perm: usize, seed: u64) -> Self {
        let mut state = seed;
        let a = (0..num_perm).map(|_| splitmix(&mut state) | 1).collect();
        let b = (0..num_perm).map(|_| splitmix(&mut state)).collect();
        MinHasher {
            scheme,
            a,
            b,
            seed: splitmix(&mut state),
        }
    }

    /// Number of values in a signature.
    pub fn num_perm(&self) -> usize {
        self.a.len()
    }

    /// The signature of a set of 64-bit element hashes (duplicates do not matter). An empty
    /// set gives all `u32::MAX`, which agrees with nothing but another empty set.
    pub fn signature(&self, hashes: impl IntoIterator<Item = u64>) -> Signature {
        match self.scheme {
            Scheme::OnePermutation => self.one_permutation(hashes),
            Scheme::Permutations => self.permutations(hashes),
        }
    }

    fn permutations(&self, hashes: impl IntoIterator<Item = u64>) -> Signature {
        let mut sig = vec![u32::MAX; self.a.len()];
        for h in hashes {
            let x = mix(h);
            for ((s, &a), &b) in sig.iter_mut().zip(&self.a).zip(&self.b) {
                let v = (a.wrapping_mul(x).wrapping_add(b) >> 32) as u32;
                *s = (*s).min(v);
            }
        }
        sig
    }

    fn one_permutation(&self, hashes: impl IntoIterator<Item = u64>) -> Signature {
        let k = self.a.len();
        let mut sig = vec![u32::MAX; k];
        let mut filled = vec![false; k];
        let mut any = false;
        for h in hashes {
            let x = mix(h ^ self.seed);
            // High 32 bits pick the bin (multiply-shift range reduction), low 32 the value.
            let bin = (((x >> 32) * k as u64) >> 32) as usize;
            sig[bin] = sig[bin].min(x as u32);
            filled[bin] = true;
            any = true;
        }
        if any {
            self.densify(&mut sig, &filled);
        }
        sig
    }

    /// Fills each empty bin from the first non-empty bin on its probe sequence, which
    /// depends only on the bin and the attempt (so two documents probe alike).
    fn densify(&self, sig: &mut [u32], filled: &[bool]) {
        let k = sig.len() as u64;
        for i in 0..sig.len() {
            if filled[i] {
                continue;
            }
            let mut attempt = 0u64;
            loop {
                attempt += 1;
                let probe = mix(self.b[i] ^ attempt.wrapping_mul(0x9e37_79b9_7f4a_7c15));
                let j = (((probe >> 32) * k) >> 32) as usize;
                if filled[j] {
                    sig[i] = sig[j];
                    break;
                }
            }
        }
    }
}

impl Default for MinHasher {
    /// [`NUM_PERM`] one-permutation values from the project's fixed seed.
    fn default() -> Self {
        MinHasher::new(NUM_PERM, 0x7472_6961_6e67_6c65)
    }
}

/// Share of positions where two signatures agree: the estimated Jaccard similarity.
pub fn estimate_jaccard(x: &[u32], y: &[u32]) -> f64 {
    if x.is_empty() || x.len() != y.len() {
        return 0.0;
    }
    let same = x.iter().zip(y).filter(|(a, b)| a == b).count();
    same as f64 / x.len() as f64
}

/// LSH banding: `bands` bands of `rows` signature values each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LshParams {
    /// Number of bands.
    pub bands: usize,
    /// Signature values per band.
    pub rows: usize,
}

impl LshParams {
    /// The banding for a Jaccard `threshold` with `num_perm` values: least false-positive
    /// area below the threshold plus false-negative area above it.
    pub fn for_threshold(threshold: f64, num_perm: usize) -> Self {
        let t = threshold.clamp(0.0, 1.0);
        let mut best = (f64::INFINITY, LshParams { bands: 1, rows: 1 });
        for bands in 1..=num_perm.max(1) {
            for rows in 1..=num_perm / bands {
                let p = |s: f64| 1.0 - (1.0 - s.powi(rows as i32)).powi(bands as i32);
                let fp = integrate(p, 0.0, t);
                let fneg = integrate(|s| 1.0 - p(s), t, 1.0);
                let err = 0.5 * fp + 0.5 * fneg;
                if err < best.0 {
                    best = (err, LshParams { bands, rows });
                }
            }
        }
        best.1
    }

    /// Probability that two sets of Jaccard `s` become candidates (the S-curve).
    pub fn probability(&self, s: f64) -> f64 {
        1.0 - (1.0 - s.powi(self.rows as i32)).powi(self.bands as i32)
    }

    /// The key of each band of a signature (a hash of its values and the band number).
    pub fn band_keys(&self, sig: &[u32]) -> Vec<u64> {
        (0..self.bands)
            .map(|band| {
                let lo = band * self.rows;
                let values = sig.get(lo..lo + self.rows).unwrap_or(&[]);
                values.iter().fold(mix(band as u64 + 1), |h, &v| {
                    mix(h ^ u64::from(v).wrapping_mul(0x9e37_79b9_7f4a_7c15))
                })
            })
            .collect()
    }
}

/// Integral of `f` over `[a, b]` by Simpson's rule.
fn integrate(f: impl Fn(f64) -> f64, a: f64, b: f64) -> f64 {
    const STEPS: usize = 200;
    if b <= a {
        return 0.0;
    }
    let h = (b - a) / STEPS as f64;
    let inner: f64 = (1..STEPS)
        .map(|i| f(a + i as f64 * h) * if i % 2 == 1 { 4.0 } else { 2.0 })
        .sum();
    (f(a) + f(b) + inner) * h / 3.0
}

/// Candidate pairs `(i, j)`, `i < j`, of a batch of signatures: every pair equal in at least
/// one band, sorted and deduplicated. Buckets of more than `max_bucket` documents (the same
/// boilerplate in many articles) are skipped, keeping the work linear in the input.
pub fn candidate_pairs(
    signatures: &[Signature],
    params: LshParams,
    max_bucket: usize,
) -> Vec<(usize, usize)> {
    let keys: Vec<Vec<u64>> = signatures.iter().map(|s| params.band_keys(s)).collect();
    let mut pairs = Vec::new();
    let mut column: Vec<(u64, usize)> = Vec::with_capacity(signatures.len());
    for band in 0..params.bands {
        column.clear();
        column.extend(keys.iter().enumerate().map(|(d, k)| (k[band], d)));
        column.sort_unstable();
        for bucket in column.chunk_by(|x, y| x.0 == y.0) {
            if bucket.len() < 2 || bucket.len() > max_bucket {
                continue;
            }
            for (x, &(_, i)) in bucket.iter().enumerate() {
                pairs.extend(bucket[x + 1..].iter().map(|&(_, j)| (i, j)));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// A hasher that passes a band key through: keys are already mixed 64-bit hashes, so
/// SipHash's work would buy nothing.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only reached for keys other than u64 (none here): fold the bytes in.
        for &b in bytes {
            self.0 = mix(self.0 ^ u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type KeyMap = HashMap<u64, u32, BuildHasherDefault<KeyHasher>>;

/// An LSH index that grows one document at a time (a stream): query, then insert.
/// Each band maps a key to its latest document; earlier documents with the same key are
/// chained through `next`, so memory is one map entry per distinct key plus 4 bytes per
/// document and band.
#[derive(Debug)]
pub struct LshIndex {
    params: LshParams,
    heads: Vec<KeyMap>,
    next: Vec<Vec<u32>>,
    max_bucket: usize,
}

/// End of a bucket chain.
const NONE: u32 = u32::MAX;

impl LshIndex {
    /// An empty index; a query reads at most `max_bucket` documents of one bucket.
    pub fn new(params: LshParams, max_bucket: usize) -> Self {
        LshIndex {
            params,
            heads: vec![KeyMap::default(); params.bands],
            next: vec![Vec::new(); params.bands],
            max_bucket,
        }
    }

    /// Number of documents inserted.
    pub fn len(&self) -> usize {
        self.next.first().map_or(0, Vec::len)
    }

    /// Whether no document was inserted.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Documents sharing a band with `sig`, sorted, without repeats (most recent first in
    /// each bucket, up to `max_bucket` of them).
    pub fn query(&self, sig: &[u32]) -> Vec<u32> {
        let mut out = Vec::new();
        for (band, key) in self.params.band_keys(sig).into_iter().enumerate() {
            self.read_bucket(band, key, self.max_bucket, 0, &mut out);
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Pushes to `out` the documents (plus `offset`) of one band's bucket, most recent
    /// first, at most `limit` of them; returns how many.
    fn read_bucket(
        &self,
        band: usize,
        key: u64,
        limit: usize,
        offset: u32,
        out: &mut Vec<u32>,
    ) -> usize {
        let mut d = self.heads[band].get(&key).copied().unwrap_or(NONE);
        let mut seen = 0;
        while d != NONE && seen < limit {
            out.push(d + offset);
            d = self.next[band][d as usize];
            seen += 1;
        }
        seen
    }

    /// Estimated heap bytes held (see [`crate::heap`]).
    pub fn heap_bytes(&self) -> usize {
        let heads: usize = self
            .heads
            .iter()
            .map(|m| crate::heap::table_bytes(m.capacity(), std::mem::size_of::<(u64, u32)>()))
            .sum();
        heads + self.next.iter().map(crate::heap::vec_bytes).sum::<usize>()
    }

    /// Adds the next document (its id is the number of documents inserted before it).
    pub fn insert(&mut self, sig: &[u32]) -> u32 {
        let id = self.len() as u32;
        for (band, key) in self.params.band_keys(sig).into_iter().enumerate() {
            let prev = self.heads[band].insert(key, id).unwrap_or(NONE);
            self.next[band].push(prev);
        }
        id
    }
}

/// One generation of a [`WindowedLshIndex`]: the documents inserted during half a window.
#[derive(Debug)]
struct Generation {
    /// Stream id of its first document.
    first: u32,
    /// Time of its first and of its latest document.
    start: i64,
    latest: i64,
    index: LshIndex,
}

/// An [`LshIndex`] over the recent part of a stream: each document is inserted with its
/// time, and documents older than `window` are forgotten, so memory follows the window and
/// not the stream (a day of a million articles with a six-hour window keeps about a
/// third of them). Documents are kept in generations of half a window each; a generation
/// is dropped whole once its latest document is older than the window, so a query may
/// return documents up to half a window older than `window` (the caller checks times).
/// Ids are positions in the stream, as in [`LshIndex`].
#[derive(Debug)]
pub struct WindowedLshIndex {
    params: LshParams,
    max_bucket: usize,
    window: i64,
    /// Oldest first.
    generations: std::collections::VecDeque<Generation>,
    inserted: u32,
}

impl WindowedLshIndex {
    /// An empty index forgetting documents `window` (time units, e.g. seconds) after their
    /// time; a query reads at most `max_bucket` documents of one bucket, the most recent.
    pub fn new(params: LshParams, max_bucket: usize, window: i64) -> Self {
        WindowedLshIndex {
            params,
            max_bucket,
            window: window.max(1),
            generations: Default::default(),
            inserted: 0,
        }
    }

    /// Number of documents inserted (forgotten ones included).
    pub fn len(&self) -> usize {
        self.inserted as usize
    }

    /// Whether no document was inserted.
    pub fn is_empty(&self) -> bool {
        self.inserted == 0
    }

    /// Documents still held sharing a band with `sig`, sorted, without repeats (per band,
    /// the `max_bucket` most recent across generations).
    pub fn query(&self, sig: &[u32]) -> Vec<u32> {
        let mut out = Vec::new();
        for (band, key) in self.params.band_keys(sig).into_iter().enumerate() {
            let mut left = self.max_bucket;
            for g in self.generations.iter().rev() {
                left -= g.index.read_bucket(band, key, left, g.first, &mut out);
                if left == 0 {
                    break;
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Moves the index's clock to `now` (an earlier time leaves it where it is) and forgets
    /// the generations past the window. [`WindowedLshIndex::insert`] does it too; call it
    /// before a query to leave out documents that the query's time has put past the window.
    pub fn advance(&mut self, now: i64) {
        let now = self.now().map_or(now, |n| n.max(now));
        while self
            .generations
            .front()
            .is_some_and(|g| now - g.latest > self.window)
        {
            self.generations.pop_front();
        }
        if let Some(g) = self.generations.back_mut() {
            g.latest = now;
        }
    }

    /// Latest time seen.
    fn now(&self) -> Option<i64> {
        self.generations.back().map(|g| g.latest)
    }

    /// Adds the next document at `time` (times are taken as non-decreasing: an earlier
    /// one counts as the latest seen) and forgets generations past the window; returns
    /// its id.
    pub fn insert(&mut self, sig: &[u32], time: i64) -> u32 {
        self.advance(time);
        let now = self.now().unwrap_or(time);
        let half = (self.window / 2).max(1);
        if self
            .generations
            .back()
            .is_none_or(|g| now - g.start >= half)
        {
            self.generations.push_back(Generation {
                first: self.inserted,
                start: now,
                latest: now,
                index: LshIndex::new(self.params, self.max_bucket),
            });
        }
        let current = self
            .generations
            .back_mut()
            .expect("a generation was just made");
        current.index.insert(sig);
        self.inserted += 1;
        self.inserted - 1
    }

    /// Estimated heap bytes held (see [`crate::heap`]).
    pub fn heap_bytes(&self) -> usize {
        self.generations.iter().map(|g| g.index.heap_bytes()).sum()
    }
}

#[cfg(test)]
mod tests;
