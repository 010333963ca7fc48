//! Claim alignment precision and recall against ECB+ event coreference.
//!
//! Each ECB+ topic (two similar events: two rehab check-ins, two earthquakes) is analysed
//! as one story (entities, citations, claims; no copy families), so the claims stage meets the
//! hard negatives a real story holds. Every cross-document pair of sentences that support
//! one claim is a *proposed* pair. Gold: two sentences of two documents of one topic are
//! *same* when they mention one annotated event chain (`ACT…`). Precision counts proposed
//! pairs between sentences that both carry an event annotation (an unannotated sentence's
//! events are unknown); recall is over every gold pair, and, as *candidate recall*, over
//! gold pairs whose two sentences both support some claim (the alignment's own recall, with
//! the choice of claim sentences left out).

use std::collections::{BTreeMap, BTreeSet};

use triangulate::extract::extract;
use triangulate::ingest::{Format, RawDoc};
use triangulate::statements::{self, Claim, SentenceVectors};
use triangulate::text::Doc;

use crate::corpus::{ecb_key, ecb_sentences, EcbSentence as Sentence};

/// Counts of one evaluation.
#[derive(Default, Debug, Clone)]
pub struct PairCounts {
    /// Story-level disputes found (day of a one-off happening, accusation and denial,
    /// cause), one line each: topic, slot and the sides with their documents. ECB+ topics
    /// hold two similar events, so a dispute here is worth reading: it may be two events.
    pub disputes: Vec<String>,
    /// Topics analysed.
    pub topics: usize,
    /// Claims supported by two or more documents.
    pub claims: usize,
    /// Proposed cross-document pairs between annotated sentences.
    pub proposed: usize,
    /// Of those, pairs sharing an event chain.
    pub correct: usize,
    /// Gold same-event pairs.
    pub gold: usize,
    /// Gold pairs whose two sentences both support some claim.
    pub gold_in_claims: usize,
    /// Gold pairs found in one claim.
    pub found: usize,
}

impl PairCounts {
    /// correct / proposed.
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.proposed)
    }
    /// found / gold.
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }
    /// found / gold pairs between claim sentences.
    pub fn candidate_recall(&self) -> f64 {
        ratio(self.found, self.gold_in_claims)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores claim alignment on one ECB+ corpus file's text, with sentence vectors as one
/// more alignment signal when `vectors` is given.
pub fn score_ecb(raw: &str, vectors: Option<&SentenceVectors>) -> PairCounts {
    let mut by_topic: BTreeMap<u32, BTreeMap<String, Vec<Sentence>>> = BTreeMap::new();
    for (doc, sentences) in read_documents(raw) {
        by_topic
            .entry(ecb_key(&doc).0)
            .or_default()
            .insert(doc, sentences);
    }
    let mut counts = PairCounts::default();
    for (topic, docs) in &by_topic {
        score_topic(*topic, docs, vectors, &mut counts);
    }
    counts
}

/// Sentences of each document, in order.
fn read_documents(raw: &str) -> BTreeMap<String, Vec<Sentence>> {
    let mut out: BTreeMap<String, Vec<Sentence>> = BTreeMap::new();
    for s in ecb_sentences(raw) {
        out.entry(s.doc.clone()).or_default().push(s);
    }
    out
}

/// The story-level disputes of a topic's claims, each once.
fn disputes(topic: u32, claims: &[Claim]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let story_level = ["day of the", "accusation against", "cause"];
    for k in claims.iter().flat_map(|c| &c.conflicts) {
        if !story_level.iter().any(|p| k.slot.starts_with(p)) {
            continue;
        }
        let sides: Vec<String> = k
            .values
            .iter()
            .map(|v| {
                let reading = v.reading.as_deref().unwrap_or("");
                format!("{} {:?}={reading}", v.document, v.value)
            })
            .collect();
        let line = format!("topic {topic}: {}: {}", k.slot, sides.join("; "));
        if !out.contains(&line) {
            out.push(line);
        }
    }
    out
}

/// The claims of one topic read as a story.
fn topic_claims(members: &[&Doc], vectors: Option<&SentenceVectors>) -> Vec<Claim> {
    let entities = triangulate::entities::resolve(members, "t");
    let citations = statements::citations(members);
    let families: Vec<Vec<String>> = members.iter().map(|d| vec![d.id().to_string()]).collect();
    match vectors {
        Some(v) => {
            statements::claims_with_vectors(members, &entities, &families, &citations, "t", v)
        }
        None => statements::claims(members, &entities, &families, &citations, "t"),
    }
}

/// Analyses one topic as a story and adds its pairs to `counts`.
fn score_topic(
    topic: u32,
    docs: &BTreeMap<String, Vec<Sentence>>,
    vectors: Option<&SentenceVectors>,
    counts: &mut PairCounts,
) {
    let built: Vec<Doc> = docs
        .iter()
        .map(|(id, sentences)| {
            let text = sentences
                .iter()
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join("\n\n");
            Doc::new(extract(&RawDoc::new(id, Format::Text, &text)))
        })
        .collect();
    let members: Vec<&Doc> = built.iter().collect();
    let claims = topic_claims(&members, vectors);
    counts.disputes.extend(disputes(topic, &claims));
    // Every sentence, with where it stands in its document's clean text.
    let mut located: Vec<(&Sentence, usize, usize)> = Vec::new();
    for (doc, sentences) in docs {
        let Some(d) = built.iter().find(|d| d.id() == doc) else {
            continue;
        };
        let text = d.text();
        let mut from = 0;
        for s in sentences {
            if let Some(at) = text.get(from..).and_then(|t| t.find(&s.text)) {
                let start = from + at;
                located.push((s, start, start + s.text.len()));
                from = start + s.text.len();
            }
        }
    }
    let sentence_of = |doc: &str, start: usize, end: usize| {
        located
            .iter()
            .position(|(s, a, b)| s.doc == doc && start < *b && *a < end)
    };
    let mut in_claims: BTreeSet<usize> = BTreeSet::new();
    let mut proposed: BTreeSet<(usize, usize)> = BTreeSet::new();
    for claim in &claims {
        let members: BTreeSet<usize> = claim
            .support
            .iter()
            .filter_map(|s| sentence_of(&s.document, s.start, s.end))
            .collect();
        in_claims.extend(&members);
        if claim.documents.len() >= 2 {
            counts.claims += 1;
        }
        for &a in &members {
            for &b in members.range(a + 1..) {
                if located[a].0.doc != located[b].0.doc {
                    proposed.insert((a, b));
                }
            }
        }
    }
    let annotated = |i: usize| !located[i].0.events.is_empty();
    let same = |a: usize, b: usize| !located[a].0.events.is_disjoint(&located[b].0.events);
    for &(a, b) in &proposed {
        if annotated(a) && annotated(b) {
            counts.proposed += 1;
            counts.correct += usize::from(same(a, b));
        }
    }
    for a in 0..located.len() {
        for b in a + 1..located.len() {
            if located[a].0.doc == located[b].0.doc || !same(a, b) {
                continue;
            }
            counts.gold += 1;
            if in_claims.contains(&a) && in_claims.contains(&b) {
                counts.gold_in_claims += 1;
            }
            counts.found += usize::from(proposed.contains(&(a, b)));
        }
    }
    counts.topics += 1;
}
