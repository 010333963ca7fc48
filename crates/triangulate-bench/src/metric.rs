//! The scoring of the public article-extraction benchmark
//! (scrapinghub/article-extraction-benchmark, `evaluate.py`):
//!
//! - tokens: every maximal run of word characters (Python's `\w`: letters, digits and `_`),
//!   case kept;
//! - per page: multisets of 4-token shingles of the true and the predicted body (a text of
//!   fewer than 4 tokens is one shingle of all its tokens); tp = Σ min(counts),
//!   fp = predicted surplus, fn = true surplus; then tp, fp, fn are divided by their sum;
//! - precision of a page: 1 when fp = fn = 0, 0 when tp = fp = 0, else tp/(tp+fp); recall
//!   likewise with fn; P and R are means over pages, F1 = 2PR/(P+R) of the means.

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;

/// Shingle length.
pub const NGRAM: usize = 4;

/// Normalised counts of one page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageScore {
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
}

impl PageScore {
    /// Precision as the benchmark defines it.
    pub fn precision(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fp == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fp)
        }
    }

    /// Recall as the benchmark defines it.
    pub fn recall(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fn_ == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fn_)
        }
    }
}

/// The mean scores over a set of pages.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub pages: usize,
}

fn tokens(text: &str) -> Vec<&str> {
    static RE: OnceLock<Regex> = OnceLock::new();
    // Python's `\w` with re.UNICODE: str.isalnum() or '_' (no combining marks).
    let re = RE.get_or_init(|| Regex::new(r"[\p{L}\p{N}_]+").expect("token regex"));
    re.find_iter(text).map(|m| m.as_str()).collect()
}

fn shingles(text: &str) -> HashMap<String, usize> {
    let toks = tokens(text);
    let mut out = HashMap::new();
    let n = toks.len().saturating_sub(NGRAM - 1).max(1);
    for i in 0..n {
        let end = (i + NGRAM).min(toks.len());
        let Some(window) = toks.get(i..end) else {
            continue;
        };
        let s = window.join(" ");
        if !s.is_empty() {
            *out.entry(s).or_insert(0) += 1;
        }
    }
    out
}

/// Scores one predicted body against the true body.
pub fn score_page(truth: &str, prediction: &str) -> PageScore {
    let t = shingles(truth);
    let p = shingles(prediction);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (k, &tc) in &t {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += tc.min(pc);
        fn_ += tc.saturating_sub(pc);
    }
    for (k, &pc) in &p {
        let tc = t.get(k).copied().unwrap_or(0);
        fp += pc.saturating_sub(tc);
    }
    let sum = (tp + fp + fn_) as f64;
    if sum > 0.0 {
        PageScore {
            tp: tp as f64 / sum,
            fp: fp as f64 / sum,
            fn_: fn_ as f64 / sum,
        }
    } else {
        PageScore {
            tp: 0.0,
            fp: 0.0,
            fn_: 0.0,
        }
    }
}

/// Means of precision and recall over pages, and the F1 of the means.
pub fn summarize(pages: &[PageScore]) -> Summary {
    let n = pages.len().max(1) as f64;
    let precision = pages.iter().map(PageScore::precision).sum::<f64>() / n;
    let recall = pages.iter().map(PageScore::recall).sum::<f64>() / n;
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Summary {
        precision,
        recall,
        f1,
        pages: pages.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUTH: &str = "The dam above the town gave way on Tuesday, officials said, and water \
                         reached the lower streets within an hour.";

    #[test]
    fn identical_prediction_scores_one() {
        let s = score_page(TRUTH, TRUTH);
        assert_eq!((s.precision(), s.recall()), (1.0, 1.0));
        assert_eq!(summarize(&[s]).f1, 1.0);
    }

    #[test]
    fn white_space_and_punctuation_do_not_count() {
        let s = score_page(TRUTH, &TRUTH.replace(", ", " \n ").replace('.', ""));
        assert_eq!((s.precision(), s.recall()), (1.0, 1.0));
    }

    #[test]
    fn empty_prediction_scores_zero_recall() {
        let s = score_page(TRUTH, "");
        assert_eq!(s.recall(), 0.0);
        assert_eq!(s.precision(), 0.0);
        let sum = summarize(&[s]);
        assert_eq!((sum.recall, sum.f1), (0.0, 0.0));
    }

    #[test]
    fn surplus_lowers_precision_only() {
        let pred = format!("{TRUTH} Share this article on social media now please");
        let s = score_page(TRUTH, &pred);
        assert_eq!(s.recall(), 1.0);
        assert!(s.precision() < 1.0 && s.precision() > 0.5, "{s:?}");
    }

    #[test]
    fn short_texts_are_one_shingle() {
        assert_eq!(shingles("two words").len(), 1);
        let s = score_page("two words", "two words");
        assert_eq!(s.recall(), 1.0);
        assert_eq!(tokens("l'été_2 naïve"), vec!["l", "été_2", "naïve"]);
    }
}
