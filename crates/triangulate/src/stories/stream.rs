//! Streaming story clustering: one pass, one article at a time, bounded by a time window.
//!
//! Each arriving article gets the batch path's terms (content stems, names and name
//! bigrams, numbers: [`super::Params`]) weighted by TF-IDF with the document frequencies
//! seen so far (the article itself included), L2-normalised. A story keeps the sum of its
//! members' vectors, so `vector · sum / members` is exactly the average-link mean cosine of
//! the batch path between the article and the story. That mean is multiplied by a time decay
//! `0.5^(Δt / half_life)` (Δt: hours between the article and the story's latest member) and
//! the article joins the best story when the result reaches [`StreamParams::threshold`];
//! otherwise it starts a story. An article linked by copied text to an earlier one joins that
//! one's story outright.
//!
//! Names gate both: an article whose rare names (names found in few articles so far) are
//! mostly absent from a story's names does not join it, whatever the words share
//! ([`StreamParams::min_name_share`]). Two reports of one event name the same people and
//! places; two events told in the same words (two earthquakes, an agency's template filled
//! in twice, a text reused with other names) do not, and without the gate they merge once a
//! stream holds many of them (`scale-bench`: B³ F1 0.879 → 0.910 at 100k articles).
//!
//! Only stories sharing a term found in few articles so far are considered (an inverted
//! index of terms to stories), and of those only the 32 sharing the most such terms are
//! scored in full: the cost per article stays flat as stories accumulate. A story whose
//! latest member is older than the window is retired: it takes no more articles and, at the
//! next sweep, its term sums are freed; index entries of retired stories and of terms pruned
//! from a story are dropped once they are a quarter of the index, so memory follows the
//! window, not the stream, and sweeping costs amortised constant time per entry. Articles
//! without a time are neither decayed nor retired.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::{terms, ArticleTerms, Params};
use crate::text::Doc;

/// Settings of the streaming clusterer.
#[derive(Clone, Debug, PartialEq)]
pub struct StreamParams {
    /// Decayed mean cosine from which an article joins a story.
    pub threshold: f64,
    /// Seconds after its latest article when a story closes.
    pub window_secs: i64,
    /// Seconds over which a story's pull halves.
    pub half_life_secs: f64,
    /// Term settings shared with the batch path (its `threshold` is not used).
    pub terms: Params,
    /// Largest number of distinct terms a story keeps (its heaviest); bounds memory for
    /// stories of thousands of articles.
    pub max_story_terms: usize,
    /// Share of an article's rare names found among a story's names from which it may join
    /// the story (see [`StreamClusterer::push_terms`]).
    pub min_name_share: f64,
}

/// Decayed mean cosine from which an article joins a story, tuned on ECB+ train
/// (`stories-eval`).
pub const STREAM_THRESHOLD: f64 = 0.14;

impl Default for StreamParams {
    fn default() -> Self {
        StreamParams {
            threshold: STREAM_THRESHOLD,
            window_secs: 3 * 24 * 3600,
            half_life_secs: 24.0 * 3600.0,
            terms: Params::default(),
            max_story_terms: 2_000,
            min_name_share: MIN_NAME_SHARE,
        }
    }
}

/// Share of an article's rare names a story must hold for the article to join it, tuned on
/// `scale-bench` (stories built on one text with other names) and checked on ECB+
/// (`stories-eval`: neutral there).
pub const MIN_NAME_SHARE: f64 = 0.15;

/// A term found in more articles than this (and than 1% of those seen) does not make a
/// story a candidate on its own (as in the batch path).
const CANDIDATE_MAX_DF: u32 = 64;
/// Stories scored in full for one article (those sharing the most rare terms with it).
const SHORTLIST: usize = 32;
/// Stories read per term (the most recent): bounds the cost of a term shared by many.
const MAX_POSTINGS_SCAN: usize = 256;
/// Articles between two sweeps of retired stories.
const SWEEP_EVERY: usize = 10_000;

#[derive(Debug, Default)]
struct Story {
    /// Sum of member vectors, by term id. `f32`: half the memory of a day of stories, and
    /// a mean cosine needs no more than seven digits.
    sum: FxHashMap<u32, f32>,
    /// Terms that were names in a member (those still in `sum`).
    names: rustc_hash::FxHashSet<u32>,
    members: u32,
    /// Time of the latest member, when known.
    last: Option<i64>,
    open: bool,
}

/// The online clusterer: feed articles in time order with [`StreamClusterer::push`].
#[derive(Debug)]
pub struct StreamClusterer {
    params: StreamParams,
    /// 64-bit hash of a term ([`crate::text::stable_hash`]) → (term id, articles holding it
    /// so far). Keyed by the hash, not the string: one probe, no string to fetch, on the
    /// sequential path of a stream (two terms sharing a 64-bit hash among millions: odds
    /// of about one in 10^6).
    vocabulary: FxHashMap<u64, (u32, u32)>,
    stories: Vec<Story>,
    /// Term id → stories holding it (may name retired stories until the next sweep).
    postings: FxHashMap<u32, Vec<u32>>,
    /// Story of each article, in arrival order.
    assigned: Vec<u32>,
    /// Per story: the article that last counted it (dedups candidates) …
    stamp: Vec<u32>,
    /// … and that article's count of rare terms shared with it.
    hits: Vec<u32>,
    /// Latest time seen.
    now: Option<i64>,
    /// Entries in `postings` …
    posted: usize,
    /// … of which stale: terms pruned from their story, terms of retired stories.
    stale: usize,
}

impl StreamClusterer {
    /// An empty clusterer.
    pub fn new(params: StreamParams) -> Self {
        StreamClusterer {
            params,
            vocabulary: FxHashMap::default(),
            stories: Vec::new(),
            postings: FxHashMap::default(),
            assigned: Vec::new(),
            stamp: Vec::new(),
            hits: Vec::new(),
            now: None,
            posted: 0,
            stale: 0,
        }
    }

    /// Adds the next article (time in seconds, e.g. Unix time) and returns its story.
    pub fn push(&mut self, doc: &Doc, time: Option<i64>) -> usize {
        self.push_linked(doc, time, &[])
    }

    /// [`StreamClusterer::push`] for an article sharing copied text with earlier articles
    /// (their arrival indexes): it joins the story of the first of them still open.
    pub fn push_linked(&mut self, doc: &Doc, time: Option<i64>, linked: &[usize]) -> usize {
        let terms = article_terms(doc, &self.params);
        self.push_terms(terms, time, linked)
    }

    /// [`StreamClusterer::push_linked`] for an article whose terms were computed
    /// beforehand with [`article_terms`] (e.g. in parallel, ahead of the sequential pass).
    pub fn push_terms(&mut self, terms: Terms, time: Option<i64>, linked: &[usize]) -> usize {
        if let Some(t) = time {
            self.now = Some(self.now.map_or(t, |n| n.max(t)));
        }
        let (vector, df, names) = self.vectorise(terms);
        let rare_names: Vec<u32> = names
            .iter()
            .zip(&df)
            .filter(|&(&id, &df)| id != u32::MAX && df <= self.max_df())
            .map(|(&id, _)| id)
            .collect();
        let linked_story = linked
            .iter()
            .filter_map(|&d| self.assigned.get(d).map(|&s| s as usize))
            .find(|&s| self.is_open(s, time) && self.names_agree(s, &rare_names));
        let story = linked_story
            .or_else(|| self.best_story(&vector, &df, &rare_names, time))
            .unwrap_or_else(|| self.open_story());
        self.add(story, &vector, &names, time);
        self.assigned.push(story as u32);
        if self.assigned.len() % SWEEP_EVERY == 0 {
            self.sweep();
        }
        story
    }

    /// Story of each article pushed so far, in arrival order.
    pub fn assignments(&self) -> Vec<usize> {
        self.assigned.iter().map(|&s| s as usize).collect()
    }

    /// Estimated heap bytes held, by part: vocabulary, story sums and names, postings,
    /// per-article and per-story arrays (see [`crate::heap`]).
    pub fn heap_bytes(&self) -> [usize; 4] {
        use crate::heap::{table_bytes, vec_bytes};
        let vocabulary = table_bytes(
            self.vocabulary.capacity(),
            std::mem::size_of::<(u64, (u32, u32))>(),
        );
        let stories = self
            .stories
            .iter()
            .map(|s| {
                table_bytes(s.sum.capacity(), std::mem::size_of::<(u32, f32)>())
                    + table_bytes(s.names.capacity(), 4)
            })
            .sum();
        let postings = table_bytes(
            self.postings.capacity(),
            std::mem::size_of::<(u32, Vec<u32>)>(),
        ) + self.postings.values().map(vec_bytes).sum::<usize>();
        let arrays = vec_bytes(&self.stories)
            + vec_bytes(&self.assigned)
            + vec_bytes(&self.stamp)
            + vec_bytes(&self.hits);
        [vocabulary, stories, postings, arrays]
    }

    /// Number of stories opened so far.
    pub fn story_count(&self) -> usize {
        self.stories.len()
    }

    /// Groups of arrival indexes, each sorted, ordered by size (largest first) then first
    /// member, as [`super::group`] orders them.
    pub fn groups(&self) -> Vec<Vec<usize>> {
        let mut groups: Vec<Vec<usize>> = vec![Vec::new(); self.stories.len()];
        for (d, &s) in self.assigned.iter().enumerate() {
            groups[s as usize].push(d);
        }
        groups.retain(|g| !g.is_empty());
        groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
        groups
    }

    /// TF-IDF vector of an article with the frequencies seen so far, normalised; the
    /// document frequency of each of its terms (this article included); and, per term,
    /// whether it is a name (`u32::MAX` if not, else its id).
    fn vectorise(&mut self, terms: Terms) -> (Vec<(u32, f64)>, Vec<u32>, Vec<u32>) {
        let n = self.assigned.len() as f64 + 1.0;
        let mut dfs = Vec::with_capacity(terms.terms.len());
        let mut name_ids = Vec::with_capacity(terms.terms.len());
        let mut v: Vec<(u32, f64)> = terms
            .terms
            .into_iter()
            .map(|(key, count, name)| {
                let next = self.vocabulary.len() as u32;
                let (id, df) = self.vocabulary.entry(key).or_insert((next, 0));
                *df += 1;
                dfs.push(*df);
                name_ids.push(if name { *id } else { u32::MAX });
                let idf = ((1.0 + n) / (1.0 + f64::from(*df))).ln() + 1.0;
                (*id, (1.0 + count.ln()) * idf)
            })
            .collect();
        let norm = v.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|(_, x)| *x /= norm);
        }
        (v, dfs, name_ids)
    }

    /// Document frequency above which a term does not make a story a candidate (nor a name
    /// a sign of one event): found in more than [`CANDIDATE_MAX_DF`] articles and 1% of them.
    fn max_df(&self) -> u32 {
        CANDIDATE_MAX_DF.max((self.assigned.len() / 100) as u32)
    }

    /// Whether an article may join a story as far as names tell: one of its rare names is
    /// a name in the story, or either side has none. Two reports of one event share a
    /// name (a person, a place, an organisation); two events told with the same words,
    /// such as two earthquakes or two agency templates, do not.
    fn names_agree(&self, story: usize, rare_names: &[u32]) -> bool {
        let names = &self.stories[story].names;
        if rare_names.is_empty() || names.is_empty() {
            return true;
        }
        let shared = rare_names.iter().filter(|n| names.contains(n)).count();
        shared > 0 && shared as f64 >= self.params.min_name_share * rare_names.len() as f64
    }

    fn is_open(&self, story: usize, time: Option<i64>) -> bool {
        let s = &self.stories[story];
        s.open
            && match (s.last, time) {
                (Some(last), Some(t)) => t - last <= self.params.window_secs,
                _ => true,
            }
    }

    /// The open story with the highest decayed mean cosine, if it reaches the threshold.
    /// Stories are first counted by shared rare terms; only the [`SHORTLIST`] with the most
    /// are scored in full.
    fn best_story(
        &mut self,
        vector: &[(u32, f64)],
        df: &[u32],
        rare_names: &[u32],
        time: Option<i64>,
    ) -> Option<usize> {
        let stamp = self.assigned.len() as u32 + 1;
        let max_df = self.max_df();
        let mut touched: Vec<u32> = Vec::new();
        for (&(term, _), &df) in vector.iter().zip(df) {
            if df > max_df {
                continue;
            }
            let Some(list) = self.postings.get(&term) else {
                continue;
            };
            // Newest stories last: the most recent ones are the open ones.
            for &s in list.iter().rev().take(MAX_POSTINGS_SCAN) {
                let k = s as usize;
                if self.stamp[k] != stamp {
                    self.stamp[k] = stamp;
                    self.hits[k] = 0;
                    touched.push(s);
                }
                self.hits[k] += 1;
            }
        }
        touched.retain(|&s| self.is_open(s as usize, time));
        // Most shared rare terms first; ties to the older story: a total order, so the
        // shortlist is deterministic (and selecting it first gives the same as sorting all).
        let hits = &self.hits;
        let order = |a: &u32, b: &u32| hits[*b as usize].cmp(&hits[*a as usize]).then(a.cmp(b));
        if touched.len() > SHORTLIST {
            touched.select_nth_unstable_by(SHORTLIST, order);
            touched.truncate(SHORTLIST);
        }
        touched.sort_unstable_by(order);
        // The names gate on the shortlist only: a hash probe per rare name, too dear for
        // every story sharing a term (thousands per article at a million a day).
        touched.retain(|&s| self.names_agree(s as usize, rare_names));
        let mut best: Option<(f64, usize)> = None;
        for s in touched {
            let s = s as usize;
            let score = self.score(s, vector, time);
            let better = best.is_none_or(|(b, i)| score > b || (score == b && s < i));
            if score >= self.params.threshold && better {
                best = Some((score, s));
            }
        }
        best.map(|(_, s)| s)
    }

    fn score(&self, story: usize, vector: &[(u32, f64)], time: Option<i64>) -> f64 {
        let s = &self.stories[story];
        let dot: f64 = vector
            .iter()
            .filter_map(|(t, x)| s.sum.get(t).map(|&y| x * f64::from(y)))
            .sum();
        let mean = dot / f64::from(s.members.max(1));
        let decay = match (s.last, time) {
            (Some(last), Some(t)) if self.params.half_life_secs > 0.0 => {
                0.5f64.powf((t - last).max(0) as f64 / self.params.half_life_secs)
            }
            _ => 1.0,
        };
        mean * decay
    }

    fn open_story(&mut self) -> usize {
        self.stories.push(Story {
            open: true,
            ..Story::default()
        });
        self.stamp.push(0);
        self.hits.push(0);
        self.stories.len() - 1
    }

    fn add(&mut self, story: usize, vector: &[(u32, f64)], names: &[u32], time: Option<i64>) {
        let s = &mut self.stories[story];
        s.names.extend(names.iter().filter(|&&n| n != u32::MAX));
        for &(term, x) in vector {
            let entry = s.sum.entry(term).or_insert_with(|| {
                self.postings.entry(term).or_default().push(story as u32);
                self.posted += 1;
                0.0
            });
            *entry += x as f32;
        }
        s.members += 1;
        if let Some(t) = time {
            s.last = Some(s.last.map_or(t, |l| l.max(t)));
        }
        if s.sum.len() > self.params.max_story_terms {
            let before = s.sum.len();
            prune(&mut s.sum, self.params.max_story_terms / 2);
            let sum = &s.sum;
            s.names.retain(|n| sum.contains_key(n));
            self.stale += before - s.sum.len();
        }
    }

    /// Closes stories past the window and frees their sums; drops stale index entries once
    /// they are a quarter of the index (a full pass over the index at every sweep cost more
    /// than the clustering itself on a day of a million articles, `scale-bench`).
    fn sweep(&mut self) {
        let Some(now) = self.now else {
            return;
        };
        for s in &mut self.stories {
            if s.open && s.last.is_some_and(|l| now - l > self.params.window_secs) {
                s.open = false;
                self.stale += s.sum.len();
                s.sum = FxHashMap::default();
                s.names = Default::default();
            }
        }
        if self.stale * 4 <= self.posted {
            return;
        }
        let stories = &self.stories;
        self.postings.retain(|term, list| {
            list.retain(|&s| stories[s as usize].sum.contains_key(term));
            !list.is_empty()
        });
        self.posted = self.postings.values().map(Vec::len).sum();
        self.stale = 0;
    }
}

/// The terms of an article ready for the clusterer: per term (in term order) its 64-bit
/// hash ([`crate::text::stable_hash`]), its frequency before IDF, and whether it was a name.
/// Hashed ahead of the sequential pass, so the one thread every article goes through
/// neither hashes nor holds strings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Terms {
    terms: Vec<(u64, f64, bool)>,
}

impl Terms {
    /// Hashes an article's terms.
    pub fn new(terms: ArticleTerms) -> Self {
        let ArticleTerms { weights, names } = terms;
        Terms {
            terms: weights
                .into_iter()
                .map(|(term, weight)| {
                    let name = names.contains(&term);
                    (crate::text::stable_hash(term.as_bytes()), weight, name)
                })
                .collect(),
        }
    }
}

/// The terms of an article as the clusterer weighs them: a pure function of the article,
/// so a stream can compute them in parallel and push them in order.
pub fn article_terms(doc: &Doc, params: &StreamParams) -> Terms {
    Terms::new(terms(doc, &params.terms))
}

/// Keeps the `keep` heaviest terms of a story (ties by term id: deterministic).
fn prune(sum: &mut FxHashMap<u32, f32>, keep: usize) {
    let mut all: Vec<(u32, f32)> = sum.iter().map(|(&t, &x)| (t, x)).collect();
    all.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    all.truncate(keep);
    *sum = all.into_iter().collect();
}

/// Seconds since the Unix epoch of an ISO 8601 publication date (a date alone is its
/// midnight UTC; a civil date-time without offset is read as UTC); `None` if unreadable.
pub fn parse_time(iso: &str) -> Option<i64> {
    let s = iso.trim();
    if let Ok(ts) = s.parse::<jiff::Timestamp>() {
        return Some(ts.as_second());
    }
    if let Ok(dt) = s.parse::<jiff::civil::DateTime>() {
        return dt
            .to_zoned(jiff::tz::TimeZone::UTC)
            .ok()
            .map(|z| z.timestamp().as_second());
    }
    s.parse::<jiff::civil::Date>()
        .ok()
        .and_then(|d| d.to_zoned(jiff::tz::TimeZone::UTC).ok())
        .map(|z| z.timestamp().as_second())
}

/// Streams a batch in publication order (undated articles first, then input order on ties):
/// groups of indexes into `docs`, ordered as [`super::group`] orders them. Copy and partial
/// reuse links join articles outright, as in the batch path.
pub fn group_streaming(
    docs: &[&Doc],
    reuse: &[crate::reuse::ReusePair],
    params: &StreamParams,
) -> Vec<Vec<usize>> {
    let times: Vec<Option<i64>> = docs
        .iter()
        .map(|d| {
            d.article
                .published
                .as_ref()
                .and_then(|f| parse_time(&f.value))
        })
        .collect();
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by_key(|&i| (times[i], i));
    let index: HashMap<&str, usize> = docs.iter().enumerate().map(|(i, d)| (d.id(), i)).collect();
    let mut links: Vec<Vec<usize>> = vec![Vec::new(); docs.len()];
    for pair in reuse
        .iter()
        .filter(|p| p.kind != crate::reuse::ReuseKind::QuoteOnly)
    {
        if let (Some(&i), Some(&j)) = (
            index.get(pair.documents[0].as_str()),
            index.get(pair.documents[1].as_str()),
        ) {
            links[i].push(j);
            links[j].push(i);
        }
    }
    let mut arrival = vec![usize::MAX; docs.len()];
    let mut clusterer = StreamClusterer::new(params.clone());
    for (k, &i) in order.iter().enumerate() {
        let mut earlier: Vec<usize> = links[i]
            .iter()
            .map(|&j| arrival[j])
            .filter(|&a| a != usize::MAX)
            .collect();
        earlier.sort_unstable();
        clusterer.push_linked(docs[i], times[i], &earlier);
        arrival[i] = k;
    }
    let mut groups: Vec<Vec<usize>> = clusterer
        .groups()
        .into_iter()
        .map(|g| {
            let mut g: Vec<usize> = g.into_iter().map(|k| order[k]).collect();
            g.sort_unstable();
            g
        })
        .collect();
    groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    groups
}

#[cfg(test)]
mod tests;
