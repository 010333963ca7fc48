//! Aligning renderings of one utterance across articles and building the quotes.

use std::collections::{BTreeMap, BTreeSet};

use super::attribution::is_capitalised;
use super::{Segment, Speaker, Statement};
use crate::statements::{content_stems, cosine, Quote, QuoteChannel, QuoteVariant, UnionFind};
use crate::text::{fold, Doc};

/// Merges consecutive segments without their own attribution into the statement before.
pub(super) fn group_statements(doc: &Doc, segments: Vec<Segment>) -> Vec<Statement> {
    let mut out: Vec<Statement> = Vec::new();
    for seg in segments {
        match out.last_mut() {
            Some(st) if seg.continuation => st.segments.push(seg),
            _ => out.push(Statement {
                doc: seg.doc,
                segments: vec![seg],
                stems: BTreeSet::new(),
            }),
        }
    }
    for st in &mut out {
        st.stems = st
            .segments
            .iter()
            .flat_map(|s| content_stems(doc, s.words))
            .collect();
    }
    out
}

/// Groups statements of different documents that render one utterance: enough shared
/// content stems, with a lower bar when the speakers match and a higher one when they
/// differ.
pub(super) fn align(statements: &[Statement]) -> Vec<Vec<usize>> {
    let mut uf = UnionFind::new(statements.len());
    for i in 0..statements.len() {
        for j in i + 1..statements.len() {
            let (a, b) = (&statements[i], &statements[j]);
            // A paraphrase is never merged with a quote: what is shown verbatim stays so.
            if a.doc == b.doc || a.segments[0].verbatim != b.segments[0].verbatim {
                continue;
            }
            let (sim, shared) = cosine(&a.stems, &b.stems);
            let needed = match same_speaker(a, b) {
                Some(true) => 0.3,
                Some(false) => 0.7,
                None => 0.5,
            };
            let identical = same_words(a, b);
            if identical || (shared >= 3 && sim >= needed) {
                uf.union(i, j);
            }
        }
    }
    uf.groups()
}

/// Same stems in the same order of appearance: a copied quote, however short.
pub(super) fn same_words(a: &Statement, b: &Statement) -> bool {
    !a.stems.is_empty() && a.stems == b.stems && a.segments.len() == b.segments.len()
}

pub(super) fn speaker_of(st: &Statement) -> Option<&Speaker> {
    st.segments.iter().find_map(|s| s.speaker.as_ref())
}

/// Whether two statements have the same speaker: by entity when both have one, else by
/// the skeleton of the last word of the name (Baqeri = Bagheri, Kharazov = Harazov).
pub(super) fn same_speaker(a: &Statement, b: &Statement) -> Option<bool> {
    let (sa, sb) = (speaker_of(a)?, speaker_of(b)?);
    if let (Some(ea), Some(eb)) = (&sa.entity, &sb.entity) {
        return Some(ea == eb);
    }
    let (ka, kb) = (surname_key(&sa.name), surname_key(&sb.name));
    if ka.is_empty() || kb.is_empty() {
        return None;
    }
    Some(edit_distance(&ka, &kb) <= 1)
}

/// A transliteration-tolerant key of a name's last word.
pub(super) fn surname_key(name: &str) -> String {
    let last = name.split_whitespace().last().map(fold).unwrap_or_default();
    let letters: String = last.chars().filter(|c| c.is_alphabetic()).collect();
    let s = letters
        .replace("kh", "h")
        .replace("gh", "g")
        .replace('q', "g")
        .replace("ph", "f")
        .replace('y', "i")
        .replace("ou", "u")
        .replace('w', "v");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Levenshtein distance over chars.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Builds one quote from aligned statements; returns its variant count and first position
/// for ordering.
pub(super) fn build_quote(
    docs: &[&Doc],
    statements: &[Statement],
    members: &[usize],
) -> (usize, (usize, usize), Quote) {
    let mut segments: Vec<&Segment> = members
        .iter()
        .flat_map(|&m| statements[m].segments.iter())
        .collect();
    segments.sort_by_key(|s| (s.doc, s.words.start));
    let variants: Vec<QuoteVariant> = segments
        .iter()
        .map(|s| {
            let doc = docs[s.doc];
            QuoteVariant {
                document: doc.id().to_string(),
                text: s.words.slice(doc.text()).to_string(),
                start: s.words.start,
                end: s.words.end,
                verbatim: s.verbatim,
                via: s.channel.map(|c| QuoteChannel {
                    source: c.source.slice(doc.text()).to_string(),
                    start: c.source.start,
                    end: c.source.end,
                }),
            }
        })
        .collect();
    let speakers: Vec<&Speaker> = segments.iter().filter_map(|s| s.speaker.as_ref()).collect();
    let first = segments.first().map_or((0, 0), |s| (s.doc, s.words.start));
    let quote = Quote {
        id: String::new(),
        speaker: majority(speakers.iter().filter_map(|s| s.entity.clone())),
        speaker_name: preferred_name(&speakers),
        variants,
    };
    (quote.variants.len(), first, quote)
}

/// The most frequent value; ties go to the first seen.
pub(super) fn majority(values: impl Iterator<Item = String>) -> Option<String> {
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (i, v) in values.enumerate() {
        let e = counts.entry(v).or_insert((0, i));
        e.0 += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(_, (n, first))| (*n, std::cmp::Reverse(*first)))
        .map(|(v, _)| v)
}

/// The speaker name to show: a proper name over a description ("the minister"), the
/// most frequent, then the fullest.
pub(super) fn preferred_name(speakers: &[&Speaker]) -> Option<String> {
    let proper: Vec<&&Speaker> = speakers
        .iter()
        .filter(|s| is_capitalised(&s.name))
        .collect();
    let pool: Vec<String> = if proper.is_empty() {
        speakers.iter().map(|s| s.name.clone()).collect()
    } else {
        proper.iter().map(|s| s.name.clone()).collect()
    };
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for n in &pool {
        *counts.entry(n.as_str()).or_default() += 1;
    }
    let score = |n: &String| {
        (
            counts.get(n.as_str()).copied().unwrap_or(0),
            n.split_whitespace().count(),
        )
    };
    let mut best: Option<&String> = None;
    for n in &pool {
        if best.is_none_or(|b| score(n) > score(b)) {
            best = Some(n);
        }
    }
    best.cloned()
}
