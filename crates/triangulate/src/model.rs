//! Core value types shared by every pipeline stage.
//!
//! Offsets are always **byte** offsets. A [`Span`] on an article points into that
//! article's clean `text`; a [`Span`] marked as an *input* span points into the decoded
//! input the article was extracted from.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Identifier of a document: the file stem, or the id supplied by the input record.
pub type DocId = String;

/// A half-open byte range `[start, end)`.
#[derive(
    Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// Builds a span; `start` must not exceed `end`.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers in `text` (empty if out of range).
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Moves the span by `offset` bytes.
    pub fn shifted(&self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }
}

/// A span inside one document's clean text.
#[derive(
    Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,
)]
pub struct DocSpan {
    /// Document id.
    pub document: DocId,
    /// First byte in the document's clean `text`.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl DocSpan {
    /// Builds a document span.
    pub fn new(document: &str, span: Span) -> Self {
        DocSpan {
            document: document.to_string(),
            start: span.start,
            end: span.end,
        }
    }

    /// The byte range as a [`Span`].
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// The kind of a named entity.
#[derive(
    Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,
)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A human being.
    Person,
    /// A company, agency, government body, armed group, outlet.
    Organization,
    /// A country, city, region or other location.
    Place,
    /// A manufactured thing: weapon system, vehicle, software.
    Product,
    /// A named event.
    Event,
    /// A named law, act, treaty or resolution.
    Law,
    /// A name whose kind could not be told.
    Other,
}

impl EntityKind {
    /// Lower-case name as it appears in the data contract.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Product => "product",
            EntityKind::Event => "event",
            EntityKind::Law => "law",
            EntityKind::Other => "other",
        }
    }
}

/// Minimal union-find over indices, for single-link grouping.
pub(crate) struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    /// `n` singleton sets.
    pub(crate) fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    /// Representative of `i`'s set.
    pub(crate) fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Merges the sets of `a` and `b`; the smaller index stays representative, so the
    /// result does not depend on the order of unions.
    pub(crate) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (lo, hi) = (ra.min(rb), ra.max(rb));
        self.parent[hi] = lo;
    }

    /// Sets as sorted member lists, ordered by their first member.
    pub(crate) fn groups(&mut self) -> Vec<Vec<usize>> {
        let n = self.parent.len();
        let mut by_root: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for i in 0..n {
            let r = self.find(i);
            by_root.entry(r).or_default().push(i);
        }
        let mut groups: Vec<Vec<usize>> = by_root.into_values().collect();
        groups.sort_by_key(|g| g[0]);
        groups
    }
}
