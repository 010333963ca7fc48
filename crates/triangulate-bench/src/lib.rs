//! Benchmarks of triangulate on public data.
//!
//! [`metric`] is the article-extraction benchmark's scoring (4-token shingle multisets,
//! per-page normalised tp/fp/fn, means of precision and recall, F1 of the means).
//! [`bcubed`] scores a clustering against gold clusters (B-cubed and pairwise P/R/F1), for
//! the story-grouping evaluation on ECB+. [`polnear`] scores quote and speaker attribution
//! on PolNeAR.

pub mod bcubed;
pub mod metric;
pub mod polnear;
