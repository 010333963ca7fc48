//! Benchmarks of triangulate on public data.
//!
//! [`metric`] is the article-extraction benchmark's scoring (4-token shingle multisets,
//! per-page normalised tp/fp/fn, means of precision and recall, F1 of the means).

pub mod metric;
