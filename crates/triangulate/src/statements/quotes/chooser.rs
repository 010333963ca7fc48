//! Learned choice of a quote's speaker among the phrases the rules propose.
//!
//! The rules of `attribution.rs` and `context.rs` form a cascade: the first that fires names
//! the speaker. Here every rule's phrase for a quote is an option (plus "no speaker"), each
//! described by sparse binary features (which rules proposed it, whether the cascade chose
//! it, its side of and distance from the quote, whether it has a speech verb, its length,
//! whether it is capitalised, a pronoun, or can speak); a linear model scores the options
//! and the best one speaks. The weights (`speaker_weights.tsv`, "feature<TAB>weight"
//! lines) are learned on PolNeAR train as the mean of 15 averaged perceptrons, each reading
//! the quotes in its own seeded order (`cargo run --release -p triangulate-bench --bin
//! speaker-train`); without weights, or when the scores tie, the cascade's choice stands.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::attribution::{Found, Rule};
use super::lexicon::PRONOUNS;
use super::speaker::speaker_like;
use crate::entities::Entity;
use crate::model::Span;
use crate::text::{fold, Doc};

/// The learned weights, shipped with the library.
const WEIGHTS: &str = include_str!("speaker_weights.tsv");

/// One option for a quote's speaker: a phrase (or none) and the rules proposing it.
#[derive(Clone, Debug)]
pub(super) struct Candidate {
    pub(super) found: Option<Found>,
    pub(super) rules: Vec<Rule>,
    /// The rule cascade's choice.
    pub(super) cascade: bool,
}

/// Merges the rules' phrases into options, one per distinct span, the cascade's choice
/// first and "no speaker" last.
pub(super) fn candidates(proposed: &[(Rule, Found)], cascade: Option<Found>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let cascade_option = Candidate {
        found: cascade,
        rules: Vec::new(),
        cascade: true,
    };
    out.push(cascade_option);
    for &(rule, found) in proposed {
        match out
            .iter_mut()
            .find(|c| c.found.is_some_and(|f| f.span == found.span))
        {
            Some(c) => {
                if !c.rules.contains(&rule) {
                    c.rules.push(rule);
                }
            }
            None => out.push(Candidate {
                found: Some(found),
                rules: vec![rule],
                cascade: false,
            }),
        }
    }
    if cascade.is_some() {
        out.push(Candidate {
            found: None,
            rules: Vec::new(),
            cascade: false,
        });
    }
    out
}

/// Longest distance bucket (log2 of the bytes between phrase and quote).
const MAX_DISTANCE_BUCKET: u32 = 10;

/// Most words told apart in the length feature.
const MAX_WORDS_FEATURE: usize = 6;

/// What the cascade's choice looks like ("none", "like": a phrase that can speak,
/// "unlike"): options of the rules that only widen the option set (`nearby.rs`) are
/// weighed against it.
pub(super) fn rival(doc: &Doc, options: &[Candidate], entities: &[Entity]) -> &'static str {
    match options.first().and_then(|c| c.found) {
        None => "none",
        Some(f) if speaker_like(doc, f.span, entities) => "like",
        Some(_) => "unlike",
    }
}

/// Single words that stand for a speaker named elsewhere: a relative pronoun ("who")
/// or a personal one other than "he" and "she" (those are `pronoun`).
const STAND_INS: &[&str] = &["who", "which", "that", "they", "it", "i", "we"];

/// The features of one option for the quote at `region`; `rival` describes the cascade's
/// choice (see [`rival`]).
pub(super) fn features(
    doc: &Doc,
    region: Span,
    option: &Candidate,
    entities: &[Entity],
    rival: &str,
) -> Vec<String> {
    let text = doc.text();
    let mut out = Vec::new();
    let cascade = if option.cascade { "cascade" } else { "other" };
    out.push(cascade.to_string());
    let Some(found) = option.found else {
        out.push(format!("none&{cascade}"));
        return out;
    };
    out.push("some".to_string());
    for rule in &option.rules {
        out.push(format!("rule:{}", rule.name()));
        out.push(format!("rule:{}&{cascade}", rule.name()));
        if matches!(rule, Rule::CueSubject | Rule::NearestPronoun) {
            out.push(format!("rule:{}&rival:{rival}", rule.name()));
        }
    }
    out.push(format!("nrules:{}", option.rules.len().min(3)));
    let span = found.span;
    let after = span.start >= region.end;
    let side = if after { "after" } else { "before" };
    let gap = if after {
        span.start - region.end
    } else {
        region.start.saturating_sub(span.end)
    };
    let bucket = (gap + 1).ilog2().min(MAX_DISTANCE_BUCKET);
    out.push(format!("side:{side}"));
    out.push(format!("dist:{side}:{bucket}"));
    out.push(format!("cue:{}", found.cue.is_some()));
    // No word features (first or last word, the verb): on PolNeAR they fit train and lose
    // on held-out quotes (two-fold cross-validation on train, and dev).
    let words: Vec<&str> = span.slice(text).split_whitespace().collect();
    out.push(format!("words:{}", words.len().min(MAX_WORDS_FEATURE)));
    let trim = |w: &str| fold(w.trim_matches(|c: char| !c.is_alphanumeric()));
    if let Some(first) = words.first() {
        let capital = first.chars().next().is_some_and(char::is_uppercase);
        out.push(format!("capital:{capital}"));
        let pronoun = words.len() == 1 && PRONOUNS.contains(&trim(first).as_str());
        out.push(format!("pronoun:{pronoun}"));
        let stand_in = words.len() == 1 && STAND_INS.contains(&trim(first).as_str());
        out.push(format!("stand_in:{stand_in}"));
    }
    out.push(format!(
        "speaker_like:{}",
        speaker_like(doc, span, entities)
    ));
    out
}

/// The weights as a map from feature to weight (empty when none are shipped).
fn weights() -> &'static BTreeMap<String, f64> {
    static MAP: OnceLock<BTreeMap<String, f64>> = OnceLock::new();
    MAP.get_or_init(|| parse_weights(WEIGHTS))
}

/// Parses "feature<TAB>weight" lines; other lines (comments, malformed) are skipped.
pub(crate) fn parse_weights(text: &str) -> BTreeMap<String, f64> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (feature, weight) = l.split_once('\t')?;
            Some((feature.to_string(), weight.trim().parse().ok()?))
        })
        .collect()
}

/// The score of one option's features.
pub(crate) fn score(weights: &BTreeMap<String, f64>, features: &[String]) -> f64 {
    features.iter().filter_map(|f| weights.get(f)).sum()
}

/// Index of the best-scoring option under the shipped weights; the first (the cascade's
/// choice) wins ties.
pub(super) fn choose(options: &[Vec<String>]) -> usize {
    best(weights(), options)
}

/// Index of the best-scoring option under `weights`; the first wins ties.
pub(crate) fn best(weights: &BTreeMap<String, f64>, options: &[Vec<String>]) -> usize {
    let mut best = (0, f64::NEG_INFINITY);
    for (i, f) in options.iter().enumerate() {
        let s = score(weights, f);
        if s > best.1 {
            best = (i, s);
        }
    }
    best.0
}
