use std::collections::BTreeSet;

use super::*;
use crate::text::{analyse, shingles};

/// Real-length news text: the demo corpus (fictional reports of one event and two others).
const TEXTS: [&str; 5] = [
    include_str!("../../../../../demo/corpus/main-01-karavan-daily.txt"),
    include_str!("../../../../../demo/corpus/main-02-tarvania-today.txt"),
    include_str!("../../../../../demo/corpus/main-04-durnak-courier.txt"),
    include_str!("../../../../../demo/corpus/other-01-sundmere-sport.txt"),
    include_str!("../../../../../demo/corpus/other-02-coastline-gazette.txt"),
];

fn shingle_set(text: &str) -> BTreeSet<u64> {
    shingles(&analyse(text).tokens, 5)
        .into_iter()
        .map(|(h, _)| h)
        .collect()
}

fn exact_jaccard(x: &BTreeSet<u64>, y: &BTreeSet<u64>) -> f64 {
    let union = x.union(y).count();
    if union == 0 {
        return 0.0;
    }
    x.intersection(y).count() as f64 / union as f64
}

/// The text with every `every`-th word replaced (a planted near-duplicate).
fn edited(text: &str, every: usize) -> String {
    text.split(' ')
        .enumerate()
        .map(|(i, w)| if i % every == every - 1 { "zzedit" } else { w })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn signatures_are_deterministic_and_order_free() {
    let set = shingle_set(TEXTS[0]);
    let a = MinHasher::default().signature(set.iter().copied());
    let b = MinHasher::default().signature(set.iter().rev().copied());
    assert_eq!(a, b);
    assert_eq!(a.len(), NUM_PERM);
    // Fixed seed: a known first value guards against an accidental change of the family,
    // which would invalidate stored signatures.
    let again = MinHasher::new(NUM_PERM, 0x7472_6961_6e67_6c65).signature(set.iter().copied());
    assert_eq!(a, again);
    assert_ne!(
        a,
        MinHasher::new(NUM_PERM, 1).signature(set.iter().copied())
    );
}

const SCHEMES: [Scheme; 2] = [Scheme::OnePermutation, Scheme::Permutations];

#[test]
fn jaccard_estimates_stay_within_four_standard_errors_of_exact_on_real_text() {
    for scheme in SCHEMES {
        estimates_within_bounds(MinHasher::with_scheme(scheme, NUM_PERM, 3));
    }
}

fn estimates_within_bounds(hasher: MinHasher) {
    let mut sets: Vec<BTreeSet<u64>> = TEXTS.iter().map(|t| shingle_set(t)).collect();
    for every in [8, 15, 30] {
        sets.push(shingle_set(&edited(TEXTS[0], every)));
        sets.push(shingle_set(&edited(TEXTS[3], every)));
    }
    let sigs: Vec<Signature> = sets
        .iter()
        .map(|s| hasher.signature(s.iter().copied()))
        .collect();
    let mut checked_high = 0;
    for i in 0..sets.len() {
        for j in i + 1..sets.len() {
            let exact = exact_jaccard(&sets[i], &sets[j]);
            let est = estimate_jaccard(&sigs[i], &sigs[j]);
            let se = (exact * (1.0 - exact) / NUM_PERM as f64).sqrt();
            assert!(
                (est - exact).abs() <= 4.0 * se + 0.02,
                "{hasher:?} pair ({i},{j}): exact {exact:.3}, estimate {est:.3}"
            );
            checked_high += usize::from(exact > 0.3);
        }
    }
    assert!(checked_high >= 6, "too few similar pairs: {checked_high}");
}

#[test]
fn banding_matches_datasketch_for_the_same_threshold() {
    // Values printed by datasketch 2.0 `_optimal_param(t, 128, 0.5, 0.5)`.
    assert_eq!(
        LshParams::for_threshold(0.3, 128),
        LshParams { bands: 37, rows: 3 }
    );
    assert_eq!(
        LshParams::for_threshold(0.5, 128),
        LshParams { bands: 25, rows: 5 }
    );
    assert_eq!(
        LshParams::for_threshold(0.8, 128),
        LshParams { bands: 9, rows: 13 }
    );
    let p = LshParams::for_threshold(0.5, 128);
    assert!(p.probability(0.2) < 0.05 && p.probability(0.8) > 0.999);
}

#[test]
fn banding_finds_planted_near_duplicates_and_not_unrelated_reports() {
    for scheme in SCHEMES {
        banding_recall(MinHasher::with_scheme(scheme, NUM_PERM, 11));
    }
}

fn banding_recall(hasher: MinHasher) {
    let params = LshParams::for_threshold(0.5, NUM_PERM);
    let mut texts: Vec<String> = TEXTS.iter().map(|t| t.to_string()).collect();
    // Near-duplicates of each text: one word in 40 replaced (Jaccard about 0.78).
    for t in TEXTS {
        texts.push(edited(t, 40));
    }
    let sets: Vec<BTreeSet<u64>> = texts.iter().map(|t| shingle_set(t)).collect();
    let sigs: Vec<Signature> = sets
        .iter()
        .map(|s| hasher.signature(s.iter().copied()))
        .collect();
    let pairs = candidate_pairs(&sigs, params, 64);
    for k in 0..TEXTS.len() {
        assert!(
            pairs.contains(&(k, k + TEXTS.len())),
            "missed {k}: {pairs:?}"
        );
    }
    for &(i, j) in &pairs {
        let exact = exact_jaccard(&sets[i], &sets[j]);
        assert!(exact > 0.2, "({i},{j}) candidate at Jaccard {exact:.3}");
    }
    // The streaming index gives the same pairs.
    let mut index = LshIndex::new(params, 64);
    let mut streamed = Vec::new();
    for (j, sig) in sigs.iter().enumerate() {
        streamed.extend(index.query(sig).into_iter().map(|i| (i as usize, j)));
        index.insert(sig);
    }
    streamed.sort_unstable();
    assert_eq!(streamed, pairs);
    windowed_index_forgets_only_past_the_window(params, &sigs, &streamed);
}

/// The windowed index: with every document inside the window it gives the pairs of the
/// plain index (`expected`, the streamed pairs above); with the near-duplicates a day after
/// their originals and a six-hour window, it gives none of them.
fn windowed_index_forgets_only_past_the_window(
    params: LshParams,
    sigs: &[Signature],
    expected: &[(usize, usize)],
) {
    let stream = |times: &dyn Fn(usize) -> i64| {
        let mut index = WindowedLshIndex::new(params, 64, 6 * 3600);
        let mut pairs = Vec::new();
        for (j, sig) in sigs.iter().enumerate() {
            index.advance(times(j));
            pairs.extend(index.query(sig).into_iter().map(|i| (i as usize, j)));
            assert_eq!(index.insert(sig, times(j)) as usize, j);
        }
        pairs.sort_unstable();
        pairs
    };
    // One document a minute: all within the window.
    assert_eq!(stream(&|j| j as i64 * 60), expected);
    // The second half (the near-duplicates) a day later.
    let half = TEXTS.len();
    let late = stream(&|j| if j < half { 0 } else { 86_400 });
    assert!(late.iter().all(|&(i, _)| i >= half), "{late:?}");
    assert!(expected.iter().any(|&(i, _)| i < half));
}

#[test]
fn empty_sets_and_short_signatures_do_not_panic() {
    let hasher = MinHasher::default();
    let empty = hasher.signature(std::iter::empty());
    assert_eq!(estimate_jaccard(&empty, &[1, 2]), 0.0);
    let params = LshParams { bands: 40, rows: 4 };
    assert_eq!(params.band_keys(&empty).len(), 40);
    assert!(candidate_pairs(&[], params, 8).is_empty());
}
