//! Benchmarks of triangulate on public data.
//!
//! [`metric`] is the article-extraction benchmark's scoring (4-token shingle multisets,
//! per-page normalised tp/fp/fn, means of precision and recall, F1 of the means).
//! [`bcubed`] scores a clustering against gold clusters (B-cubed and pairwise P/R/F1), for
//! the story-grouping evaluation on ECB+. [`corpus`] reads the real text pools (PolNeAR,
//! ECB+, CoNLL-2003) that the MinHash and scale benchmarks build their streams from.
//! [`polnear`] scores quote and speaker attribution on PolNeAR. [`claim_pairs`] scores claim
//! alignment against ECB+ event coreference. [`bootstrap`] puts confidence intervals on such
//! figures by resampling articles.

pub mod bcubed;
pub mod bootstrap;
pub mod claim_pairs;
pub mod corpus;
pub mod metric;
pub mod polnear;
