//! Claims: sentences stating counts or dates, aligned across articles, with their support,
//! the number of independent sources behind them, and conflicting values.

use std::collections::{BTreeMap, BTreeSet};

use super::timeline::{mentions_in, references, DateMention, Precision};
use super::{
    content_stems, cosine, covered, quote_interiors, Citation, Claim, Conflict, ConflictValue,
    Support, UnionFind,
};
use crate::model::{DocId, Span};
use crate::text::{dates::parse_date_line, fold, Doc, Token};

/// What a count counts, recognised by nearby word stems ("14 people were killed",
/// "the death toll stood at 14", "320 homes").
const CLASSES: &[(&str, &[&str])] = &[
    (
        "deaths",
        &["kill", "dead", "die", "death", "bodi", "fatal", "toll"],
    ),
    ("injured", &["injur", "wound", "hurt"]),
    ("missing", &["miss"]),
    ("homes", &["home", "hous", "dwell"]),
    (
        "displaced",
        &["displac", "evacu", "move", "homeless", "shelter"],
    ),
    ("arrested", &["arrest", "detain"]),
];

/// Tokens looked at on each side of a number to find what it counts.
const CLASS_WINDOW: usize = 4;

/// A counted quantity in a sentence.
#[derive(Clone, Debug)]
struct Count {
    class: &'static str,
    value: String,
    span: Span,
}

/// A sentence that may state a claim.
struct Candidate {
    doc: usize,
    sentence: Span,
    stems: BTreeSet<String>,
    numbers: BTreeSet<String>,
    counts: Vec<Count>,
    dates: Vec<DateMention>,
    attributed: Option<String>,
}

impl Candidate {
    /// Numbers not classified as counts (those are compared by class).
    fn uncounted(&self) -> BTreeSet<&str> {
        let counted: BTreeSet<&str> = self.counts.iter().map(|c| c.value.as_str()).collect();
        self.numbers
            .iter()
            .map(String::as_str)
            .filter(|n| !counted.contains(n))
            .collect()
    }

    /// The first count of each class: what the sentence is mainly about.
    fn primary(&self) -> BTreeMap<&'static str, &str> {
        let mut out = BTreeMap::new();
        for c in &self.counts {
            out.entry(c.class).or_insert(c.value.as_str());
        }
        out
    }
}

/// Finds, aligns and scores the claims of a story.
pub(super) fn find(
    docs: &[&Doc],
    families: &[Vec<DocId>],
    citations: &[Citation],
    id_prefix: &str,
) -> Vec<Claim> {
    let refs = references(docs);
    let mut candidates = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        candidates.extend(doc_candidates(doc, i, refs[i], citations));
    }
    let groups = align(&candidates);
    let class_values = story_counts(docs, &candidates);
    let mut claims: Vec<(usize, (usize, usize), Claim)> = groups
        .iter()
        .map(|g| build_claim(docs, &candidates, g, families, &class_values))
        .collect();
    claims.sort_by_key(|(n, first, _)| (std::cmp::Reverse(*n), *first));
    claims
        .into_iter()
        .enumerate()
        .map(|(k, (_, _, mut c))| {
            c.id = format!("{id_prefix}-c{}", k + 1);
            c
        })
        .collect()
}

/// Sentences of one document carrying numbers or absolute dates, quotes and metadata lines
/// left out.
fn doc_candidates(
    doc: &Doc,
    index: usize,
    reference: Option<super::timeline::Reference>,
    citations: &[Citation],
) -> Vec<Candidate> {
    let text = doc.text();
    let quotes = quote_interiors(text);
    let mut out = Vec::new();
    for (si, &sentence) in doc.layer.sentences.iter().enumerate() {
        let tokens = doc.layer.sentence_tokens(si);
        let body = sentence.slice(text);
        let mostly_quote = covered(sentence, &quotes) * 2 > sentence.len()
            || quotes
                .iter()
                .any(|q| q.start < sentence.start && sentence.start < q.end);
        if tokens.len() < 6
            || mostly_quote
            || parse_date_line(body).is_some()
            || body.starts_with("Published")
        {
            continue;
        }
        let numbers = numbers(text, tokens, &quotes);
        let dates: Vec<DateMention> = mentions_in(text, sentence, reference, &quotes);
        let absolute_date = dates
            .iter()
            .any(|d| d.span.slice(text).chars().any(|c| c.is_ascii_digit()));
        if numbers.is_empty() && !absolute_date {
            continue;
        }
        let counts = counts(tokens, &numbers);
        out.push(Candidate {
            doc: index,
            sentence,
            stems: content_stems(doc, sentence),
            numbers: numbers.iter().map(|(v, _)| v.clone()).collect(),
            counts,
            dates,
            attributed: attribution(doc, sentence, citations),
        });
    }
    out
}

/// Numbers stated as quantities: not years, not clock times ("3:40"), not parts of names
/// ("Ababil 2", "F-35"), not inside quotes. Returns (value without separators, token index).
fn numbers(text: &str, tokens: &[Token], quotes: &[Span]) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        if !t.folded.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let before = text.get(..t.span.start).and_then(|s| s.chars().next_back());
        let after = text.get(t.span.end..).and_then(|s| s.chars().next());
        let clock = before == Some(':') || after == Some(':');
        let in_name = k > 0
            && tokens[k - 1].capitalized
            && text
                .get(tokens[k - 1].span.end..t.span.start)
                .is_some_and(|g| g == " " || g == "-");
        let value: String = t.folded.chars().filter(char::is_ascii_digit).collect();
        let year = value.len() == 4 && (value.starts_with("19") || value.starts_with("20"));
        let quoted = quotes.iter().any(|q| q.contains(t.span));
        if !(clock || in_name || year || quoted || is_age(text, tokens, k)) {
            out.push((value, k));
        }
    }
    out
}

/// "Kharazov, 61, declined": a number set off by commas right after a name.
fn is_age(text: &str, tokens: &[Token], k: usize) -> bool {
    let t = &tokens[k];
    let before = text.get(..t.span.start).unwrap_or("");
    let after = text.get(t.span.end..).unwrap_or("");
    k > 0 && tokens[k - 1].capitalized && before.ends_with(", ") && after.starts_with(',')
}

/// Classifies each number by the words after it (then before it), stopping at another
/// number.
fn counts(tokens: &[Token], numbers: &[(String, usize)]) -> Vec<Count> {
    let is_number = |t: &Token| t.folded.starts_with(|c: char| c.is_ascii_digit());
    let class_of = |t: &Token| {
        CLASSES
            .iter()
            .find(|(_, stems)| stems.contains(&t.stem.as_str()))
            .map(|(c, _)| *c)
    };
    numbers
        .iter()
        .filter_map(|(value, k)| {
            let forward = tokens[k + 1..]
                .iter()
                .take(CLASS_WINDOW)
                .take_while(|t| !is_number(t))
                .find_map(class_of);
            let backward = || {
                tokens[..*k]
                    .iter()
                    .rev()
                    .take(CLASS_WINDOW)
                    .take_while(|t| !is_number(t))
                    .find_map(class_of)
            };
            let class = forward.or_else(backward)?;
            Some(Count {
                class,
                value: value.clone(),
                span: tokens[*k].span,
            })
        })
        .collect()
}

/// The source a sentence is attributed to: a citation inside it, or the article's credit
/// at the very start of its text ("VELIN (VNA) –").
fn attribution(doc: &Doc, sentence: Span, citations: &[Citation]) -> Option<String> {
    let own: Vec<&Citation> = citations
        .iter()
        .filter(|c| c.document == doc.id())
        .collect();
    own.iter()
        .find(|c| sentence.contains(Span::new(c.start, c.end)))
        .or_else(|| own.iter().find(|c| c.start < 40))
        .map(|c| c.source.clone())
}

/// Links candidates that state the same thing: similar wording, similar wording plus a
/// shared number, or the same count of the same thing.
fn align(candidates: &[Candidate]) -> Vec<Vec<usize>> {
    let mut uf = UnionFind::new(candidates.len());
    let primaries: Vec<BTreeMap<&str, &str>> = candidates.iter().map(Candidate::primary).collect();
    for i in 0..candidates.len() {
        for j in i + 1..candidates.len() {
            let (a, b) = (&candidates[i], &candidates[j]);
            let same_count = primaries[i]
                .iter()
                .any(|(class, v)| primaries[j].get(class) == Some(v));
            // Different values for the same count are two claims in conflict, not one.
            let disagree = primaries[i]
                .iter()
                .any(|(class, v)| primaries[j].get(class).is_some_and(|w| w != v));
            if disagree {
                continue;
            }
            let linked = if a.doc == b.doc {
                same_count
            } else {
                let (sim, _) = cosine(&a.stems, &b.stems);
                let shared_number = a.uncounted().intersection(&b.uncounted()).next().is_some();
                same_count || sim >= 0.5 || (sim >= 0.25 && shared_number)
            };
            if linked {
                uf.union(i, j);
            }
        }
    }
    uf.groups()
}

/// Every classified count in the story, by class.
fn story_counts(
    docs: &[&Doc],
    candidates: &[Candidate],
) -> BTreeMap<&'static str, Vec<ConflictValue>> {
    let mut out: BTreeMap<&'static str, Vec<ConflictValue>> = BTreeMap::new();
    for c in candidates {
        let doc = docs[c.doc];
        for count in &c.counts {
            out.entry(count.class).or_default().push(ConflictValue {
                value: count.span.slice(doc.text()).to_string(),
                reading: Some(count.value.clone()),
                document: doc.id().to_string(),
                start: count.span.start,
                end: count.span.end,
            });
        }
    }
    out
}

fn build_claim(
    docs: &[&Doc],
    candidates: &[Candidate],
    members: &[usize],
    families: &[Vec<DocId>],
    class_values: &BTreeMap<&'static str, Vec<ConflictValue>>,
) -> (usize, (usize, usize), Claim) {
    let first = &candidates[members[0]];
    let support: Vec<Support> = members
        .iter()
        .map(|&k| {
            let c = &candidates[k];
            Support {
                document: docs[c.doc].id().to_string(),
                start: c.sentence.start,
                end: c.sentence.end,
                attributed_to: c.attributed.clone(),
            }
        })
        .collect();
    let documents: Vec<DocId> = support
        .iter()
        .map(|s| s.document.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let outlets: Vec<(String, Option<String>)> = documents
        .iter()
        .map(|id| {
            let outlet = docs
                .iter()
                .find(|d| d.id() == id)
                .and_then(|d| d.article.outlet.as_ref().map(|o| o.value.clone()));
            (id.clone(), outlet)
        })
        .collect();
    let independent = independent_sources(&support, families, &outlets);
    let mut conflicts = number_conflicts(candidates, members, class_values);
    conflicts.extend(date_conflict(docs, candidates, members));
    let claim = Claim {
        id: String::new(),
        text: first.sentence.slice(docs[first.doc].text()).to_string(),
        documents,
        independent_sources: independent,
        single_source: independent == 1,
        support,
        conflicts,
    };
    (members.len(), (first.doc, first.sentence.start), claim)
}

/// Distinct groups of supporting documents after collapsing copy families and documents
/// that attribute the claim to the same upstream source, or to another supporting
/// document's outlet ("first reported by Free Durnak Voice"). `outlets` pairs each
/// supporting document id with its outlet name.
fn independent_sources(
    support: &[Support],
    families: &[Vec<DocId>],
    outlets: &[(DocId, Option<String>)],
) -> usize {
    let docs: Vec<&str> = support
        .iter()
        .map(|s| s.document.as_str())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let index = |d: &str| docs.iter().position(|x| *x == d);
    let mut uf = UnionFind::new(docs.len());
    for family in families {
        let present: Vec<usize> = family.iter().filter_map(|d| index(d)).collect();
        for w in present.windows(2) {
            uf.union(w[0], w[1]);
        }
    }
    let mut by_source: BTreeMap<&str, usize> = BTreeMap::new();
    for s in support {
        let (Some(source), Some(i)) = (s.attributed_to.as_deref(), index(&s.document)) else {
            continue;
        };
        for (j, (id, outlet)) in outlets.iter().enumerate() {
            if j != i && names_outlet(source, id, outlet.as_deref()) {
                if let Some(k) = index(id) {
                    uf.union(i, k);
                }
            }
        }
        match by_source.get(source) {
            Some(&j) => uf.union(i, j),
            None => {
                by_source.insert(source, i);
            }
        }
    }
    uf.groups().len()
}

/// Whether a cited source is the outlet of a document: its outlet name, or its id carries
/// the name ("main-05-free-durnak-voice" for "Free Durnak Voice").
fn names_outlet(source: &str, id: &str, outlet: Option<&str>) -> bool {
    let source = fold(source);
    let slug: String = source.split_whitespace().collect::<Vec<_>>().join("-");
    outlet.is_some_and(|o| fold(o) == source) || (slug.len() >= 6 && fold(id).contains(&slug))
}

/// Different values stated in the story for a count this claim is about.
fn number_conflicts(
    candidates: &[Candidate],
    members: &[usize],
    class_values: &BTreeMap<&'static str, Vec<ConflictValue>>,
) -> Vec<Conflict> {
    let classes: BTreeSet<&str> = members
        .iter()
        .flat_map(|&k| candidates[k].primary().into_keys())
        .collect();
    classes
        .into_iter()
        .filter_map(|class| {
            let values = class_values.get(class)?;
            let distinct: BTreeSet<String> = values.iter().map(|v| digits(&v.value)).collect();
            (distinct.len() >= 2).then(|| Conflict {
                slot: format!("number of {class}"),
                values: values.clone(),
            })
        })
        .collect()
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// Stem cosine from which two sentences giving different days are taken to date the same
/// happening: below it, "won on Saturday night" and "welcomed home on Sunday morning" were
/// flagged as a conflict.
const DATE_CONFLICT_SIMILARITY: f64 = 0.6;

/// Closely worded supports in different documents that date the event to different days.
fn date_conflict(docs: &[&Doc], candidates: &[Candidate], members: &[usize]) -> Option<Conflict> {
    let mut values: Vec<ConflictValue> = Vec::new();
    let mut days: BTreeSet<String> = BTreeSet::new();
    for (x, &i) in members.iter().enumerate() {
        for &j in &members[x + 1..] {
            let (a, b) = (&candidates[i], &candidates[j]);
            if a.doc == b.doc || cosine(&a.stems, &b.stems).0 < DATE_CONFLICT_SIMILARITY {
                continue;
            }
            let (Some(da), Some(db)) = (day_of(a), day_of(b)) else {
                continue;
            };
            if da.date == db.date {
                continue;
            }
            for (c, d) in [(a, da), (b, db)] {
                if values
                    .iter()
                    .any(|v| v.document == docs[c.doc].id() && v.start == d.span.start)
                {
                    continue;
                }
                days.insert(d.iso());
                let written = d.span.slice(docs[c.doc].text()).to_string();
                values.push(ConflictValue {
                    value: written,
                    reading: Some(d.iso()),
                    document: docs[c.doc].id().to_string(),
                    start: d.span.start,
                    end: d.span.end,
                });
            }
        }
    }
    (days.len() >= 2).then(|| Conflict {
        slot: "date".to_string(),
        values,
    })
}

fn day_of(c: &Candidate) -> Option<&DateMention> {
    c.dates.iter().find(|d| d.precision == Precision::Day)
}
