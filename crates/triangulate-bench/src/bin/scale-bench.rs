//! `scale-bench --n N [--threads T] [--name-share X] [--show]`: a day of N articles through
//! stories + lineage.
//!
//! The stream is generated from real text (`triangulate_bench::corpus`: every PolNeAR
//! article, ECB+ document and CoNLL-2003 document that reads as a report — six sentences
//! of prose or more, no sports tables or two-line briefs — split into sentences, in a fixed
//! random order, so a short stream draws on all three corpora as a long one does):
//! - N / 20 stories; story `s` is built on real document `s mod P` (P documents in the
//!   pool); its capitalised words get a suffix proper to the story, so two stories never
//!   share a name: two stories on one document (from P × 20 articles on) are two events
//!   told in the same words with other names, and two ECB+ reports of one real event
//!   become two events.
//! - Each article of a story is, with probability 1/4 (when the story has an earlier
//!   article), a planted copy of a random earlier one (`corpus::near_duplicate`, words
//!   substituted at 0–5%, maybe a sentence dropped or two swapped); otherwise a rewrite:
//!   each sentence of the base kept with probability 0.6, with a quarter of its words
//!   dropped at random (two rewrites share names and vocabulary but few verbatim 5-grams,
//!   as two outlets' own reports do), plus two sentences of another random pool document.
//! - Times: a story starts uniformly over the day (86,400 s); its articles follow at
//!   exponential offsets (mean two hours). The stream is sorted by time; each article
//!   carries its time as its publication date and one of 500 outlet names.
//!
//! Per chunk of 4,096 articles in time order, measured: (1, parallel) plain-text extraction
//! (`extract::extract`), the text layer (`text::Doc::new`: sentences, tokens, folding,
//! stems), the compact reuse view (`reuse::ReuseDoc`: word hashes, spans, quoted regions)
//! with its MinHash signature (`reuse::view_signature`) and the story terms
//! (`stories::stream::article_terms`); the full `Doc` is dropped there; (2, in order) an LSH
//! query of each article against the earlier ones of the last six to nine hours
//! (`reuse::minhash::WindowedLshIndex`: generations of three hours, dropped whole), then
//! its insertion; (3, parallel) exact
//! alignment (`reuse::align_views`) of each candidate pair whose earlier article is still in
//! the lineage window (six hours: its `ReuseDoc` is kept that long, so nothing is analysed
//! twice); (4, in order, on its own thread) the streaming story clusterer
//! (`stories::stream`), copy/partial links joining stories. Step 4 of chunk k overlaps
//! steps 1–3 of chunk k + 1 (one chunk queued at most), as a streaming service would run
//! them. Not measured: entities, quotes, claims, dossiers. Text generation runs inside
//! step 1 and is included in the time.
//!
//! `--name-share` sets the clusterer's `min_name_share` (0: any shared rare name is
//! enough); `--show` prints the largest found stories with their planted make-up, and the
//! first articles of two planted stories the clusterer split.
//!
//! Reported: articles/s, the time of each step, peak resident memory (`VmHWM`) and an
//! estimate of the heap by part (LSH index, lineage window, clusterer), stories
//! found vs planted with B³ precision/recall/F1 against the planted ones, pairs of articles
//! put in one story though planted in two (on one base document or two), reuse pairs, and
//! lineage recall: planted copies whose pair with their
//! original was found, and among those the share whose source is the original.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use triangulate::extract::{extract, Field};
use triangulate::ingest::{Format, RawDoc};
use triangulate::reuse::minhash::{MinHasher, Signature, WindowedLshIndex};
use triangulate::reuse::{align_views, lsh_params, view_signature, ReuseDoc, ReuseKind, ReusePair};
use triangulate::stories::stream::{article_terms, StreamClusterer, StreamParams, Terms};
use triangulate::text::Doc;
use triangulate_bench::corpus::{self, Rng};

const DAY: i64 = 86_400;
const STORY_SIZE: usize = 20;
const COPY_SHARE: f64 = 0.25;
const LINEAGE_WINDOW: i64 = 6 * 3600;
const CHUNK: usize = 4_096;
const LSH_MAX_BUCKET: usize = 64;

/// One planned article: its time, story, and (for a copy) the article it copies.
#[derive(Clone, Copy, Debug)]
struct Plan {
    time: i64,
    story: u32,
    /// Seed of its text.
    seed: u64,
    /// Index (in the stream) of the article it copies.
    copy_of: Option<u32>,
}

fn main() -> Result<()> {
    let (n, threads, show, name_share) = options()?;
    if threads > 0 {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global()?;
    }
    let pool = load_pool()?;
    let t0 = Instant::now();
    let plans = plan(n);
    let params = StreamParams {
        min_name_share: name_share,
        ..StreamParams::default()
    };
    let stats = run(&plans, &pool, &params, show);
    let secs = t0.elapsed().as_secs_f64();
    report(n, &plans, &stats, secs);
    Ok(())
}

fn options() -> Result<(usize, usize, bool, f64)> {
    let (mut n, mut threads, mut show) = (10_000usize, 0usize, false);
    let mut name_share = triangulate::stories::stream::MIN_NAME_SHARE;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |what: &str| args.next().with_context(|| format!("{what} needs a value"));
        match a.as_str() {
            "--n" => n = value("--n")?.parse()?,
            "--threads" => threads = value("--threads")?.parse()?,
            "--show" => show = true,
            "--name-share" => name_share = value("--name-share")?.parse()?,
            other => bail!("unknown option {other}"),
        }
    }
    Ok((n, threads, show, name_share))
}

/// The sentences of every real document of the pool.
fn load_pool() -> Result<Vec<Vec<String>>> {
    let bench = corpus::bench_dir();
    let mut texts = corpus::polnear_texts(&bench)?;
    texts.extend(corpus::ecb_texts(&bench)?);
    texts.extend(corpus::conll_texts(&bench)?);
    let mut pool: Vec<Vec<String>> = texts
        .iter()
        .map(|t| corpus::sentences(t))
        .filter(|s| is_report(s))
        .collect();
    // In a fixed random order: the stories of a short stream draw on all three corpora as
    // those of a long one do (in file order, 10k articles would use PolNeAR alone).
    let mut rng = Rng::new(7);
    for i in (1..pool.len()).rev() {
        pool.swap(i, rng.below(i + 1));
    }
    Ok(pool)
}

/// Fewest prose sentences of a pool document.
const MIN_PROSE_SENTENCES: usize = 6;

/// Whether a document reads as a news report: at least [`MIN_PROSE_SENTENCES`] sentences of
/// eight words or more, mostly not numbers. CoNLL-2003 holds sports tables and two-line
/// briefs; a rewrite of those keeps one or two rows or lines, and two rewrites can share
/// nothing a reader (or a clusterer) would know them by.
fn is_report(sentences: &[String]) -> bool {
    let prose = sentences
        .iter()
        .filter(|s| {
            let words: Vec<&str> = s.split_whitespace().collect();
            let numbers = words
                .iter()
                .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
                .count();
            words.len() >= 8 && numbers * 5 < words.len()
        })
        .count();
    prose >= MIN_PROSE_SENTENCES
}

/// Plans the stream: stories, times, planted copies (see the module documentation).
fn plan(n: usize) -> Vec<Plan> {
    let mut rng = Rng::new(2026);
    let stories = n.div_ceil(STORY_SIZE).max(1);
    let starts: Vec<i64> = (0..stories)
        .map(|_| rng.below(DAY as usize) as i64)
        .collect();
    let mut plans: Vec<Plan> = (0..n)
        .map(|i| {
            let story = rng.below(stories);
            let offset = (-(1.0 - rng.unit()).ln() * 7200.0) as i64;
            Plan {
                time: (starts[story] + offset).min(DAY - 1),
                story: story as u32,
                seed: rng.next_u64() ^ i as u64,
                copy_of: None,
            }
        })
        .collect();
    plans.sort_by_key(|p| (p.time, p.story, p.seed));
    let mut by_story: HashMap<u32, Vec<u32>> = HashMap::new();
    for (i, p) in plans.iter_mut().enumerate() {
        let earlier = by_story.entry(p.story).or_default();
        if !earlier.is_empty() && rng.unit() < COPY_SHARE {
            p.copy_of = Some(earlier[rng.below(earlier.len())]);
        }
        earlier.push(i as u32);
    }
    plans
}

/// The text of article `i` (a copy regenerates its original first).
fn text_of(i: usize, plans: &[Plan], pool: &[Vec<String>]) -> String {
    let p = plans[i];
    let mut rng = Rng::new(p.seed);
    if let Some(src) = p.copy_of {
        let original = text_of(src as usize, plans, pool);
        return corpus::near_duplicate(&original, 0.05 * rng.unit(), &mut rng);
    }
    let story = p.story as usize;
    let base = &pool[story % pool.len()];
    let mut sentences: Vec<String> = Vec::new();
    for s in base {
        if rng.unit() < 0.6 {
            let kept: Vec<&str> = s.split(' ').filter(|_| rng.unit() >= 0.25).collect();
            sentences.push(story_names(&kept.join(" "), story));
        }
    }
    let other = &pool[rng.below(pool.len())];
    for _ in 0..2 {
        sentences.push(other[rng.below(other.len())].clone());
    }
    sentences.join("\n\n")
}

/// Capitalised words suffixed with a tag proper to the story: two stories never share a
/// name, even when built on one base document or on two documents of one real event (ECB+
/// holds several reports of each of its events).
fn story_names(sentence: &str, story: usize) -> String {
    let mut tag = String::from("x");
    let mut r = story + 1;
    while r > 0 {
        tag.push((b'a' + (r % 26) as u8) as char);
        r /= 26;
    }
    sentence
        .split(' ')
        .map(|w| {
            if w.chars().next().is_some_and(char::is_uppercase) {
                format!("{w}{tag}")
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn iso(time: i64) -> String {
    // The day is 2026-01-01 UTC.
    jiff::Timestamp::from_second(1_767_225_600 + time)
        .map(|t| t.to_string())
        .unwrap_or_default()
}

/// An analysed article with its publication time and outlet.
fn analyse(i: usize, text: &str, plan: &Plan) -> Doc {
    let mut article = extract(&RawDoc::new(&format!("a{i}"), Format::Text, text));
    article.published = Some(Field {
        value: iso(plan.time),
        from: "scale-bench".into(),
        input: None,
    });
    article.outlet = Some(Field {
        value: format!("outlet-{}", plan.seed % 500),
        from: "scale-bench".into(),
        input: None,
    });
    Doc::new(article)
}

#[derive(Default)]
struct Stats {
    parallel_s: f64,
    lsh_s: f64,
    align_s: f64,
    /// Busy seconds of the clustering thread.
    cluster_s: f64,
    /// B³ precision, recall, F1 of the stories found against the planted ones.
    b_cubed: [f64; 3],
    /// Pairs of articles put in one story though planted in two: on one base document of
    /// the pool (same common vocabulary, other names), and on two.
    wrong_pairs: [u64; 2],
    /// CPU seconds of the clustering thread.
    cluster_cpu_s: f64,
    /// Seconds the other steps waited for the clustering thread to take a chunk.
    wait_s: f64,
    candidates: usize,
    outside_window: usize,
    pairs: usize,
    copy_links: usize,
    /// Copy and partial links between articles of two planted stories.
    cross_links: [usize; 2],
    /// Planted copies whose pair with their original was found; of those, with the
    /// original named as source.
    copies_found: usize,
    copies_sourced: usize,
    stories: usize,
    words: usize,
    /// Thread-seconds in the parallel step: generation, extract+text, signature, terms.
    core_s: [f64; 4],
    /// Estimated heap bytes at the largest lineage window: the LSH index, the window's
    /// reuse views.
    lineage_bytes: [usize; 2],
    /// Estimated heap bytes of the clusterer at the end: vocabulary, story sums and names,
    /// postings, arrays.
    cluster_bytes: [usize; 4],
}

/// One article for the clusterer: its terms, time, and the earlier articles it copies.
type ClusterInput = (Terms, i64, Vec<usize>);

/// The streaming clusterer on its own thread, fed chunk by chunk in stream order (one chunk
/// queued at most): it works on chunk k while the other steps analyse chunk k + 1.
/// Returns the story of each article, its busy seconds and its CPU seconds.
fn cluster_stage(
    params: StreamParams,
    chunks: std::sync::mpsc::Receiver<Vec<ClusterInput>>,
) -> (Vec<usize>, f64, f64, [usize; 4]) {
    let mut clusterer = StreamClusterer::new(params);
    let mut busy = 0.0;
    let cpu0 = thread_cpu_seconds();
    for chunk in chunks {
        let t = Instant::now();
        for (terms, time, links) in chunk {
            clusterer.push_terms(terms, Some(time), &links);
        }
        busy += t.elapsed().as_secs_f64();
    }
    let cpu = thread_cpu_seconds() - cpu0;
    (clusterer.assignments(), busy, cpu, clusterer.heap_bytes())
}

fn run(plans: &[Plan], pool: &[Vec<String>], params: &StreamParams, show: bool) -> Stats {
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    let stage_params = params.clone();
    let clustering = std::thread::spawn(move || cluster_stage(stage_params, rx));
    let mut stats = lineage(plans, pool, params, &tx);
    drop(tx);
    let (assigned, busy, cpu, bytes) = clustering.join().expect("the clustering thread panicked");
    stats.cluster_bytes = bytes;
    stats.stories = assigned
        .iter()
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let planted: Vec<usize> = plans.iter().map(|p| p.story as usize).collect();
    stats.b_cubed = b_cubed(&assigned, &planted);
    if show {
        show_largest(&assigned, &planted);
        show_fragments(plans, pool, &assigned, &planted);
    }
    stats.wrong_pairs = wrong_pairs(&assigned, &planted, pool.len());
    stats.cluster_s = busy;
    stats.cluster_cpu_s = cpu;
    stats
}

/// Prints the first articles of the first two planted stories (of six originals or more)
/// split over at least half as many found stories as they have originals: what the
/// clusterer could not join.
fn show_fragments(plans: &[Plan], pool: &[Vec<String>], assigned: &[usize], planted: &[usize]) {
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, p) in plans.iter().enumerate() {
        if p.copy_of.is_none() {
            members.entry(planted[i]).or_default().push(i);
        }
    }
    let mut stories: Vec<&usize> = members.keys().collect();
    stories.sort_unstable();
    let split = stories.into_iter().filter(|s| {
        let m = &members[s];
        let found: std::collections::BTreeSet<usize> = m.iter().map(|&i| assigned[i]).collect();
        m.len() >= 6 && found.len() * 2 >= m.len()
    });
    for story in split.take(2) {
        for &i in members[story].iter().take(3) {
            let text: String = text_of(i, plans, pool).chars().take(700).collect();
            eprintln!(
                "--- article {i} (planted story {story}, found {}):\n{text}",
                assigned[i]
            );
        }
    }
}

/// Every step but clustering, chunk by chunk; each chunk's clusterer input goes to `tx`.
fn lineage(
    plans: &[Plan],
    pool: &[Vec<String>],
    params: &StreamParams,
    tx: &std::sync::mpsc::SyncSender<Vec<ClusterInput>>,
) -> Stats {
    let hasher = MinHasher::default();
    let mut index = WindowedLshIndex::new(lsh_params(), LSH_MAX_BUCKET, LINEAGE_WINDOW);
    // What alignment reads of the articles of the lineage window: (stream index, view), in
    // stream order.
    let mut window: VecDeque<(usize, ReuseDoc)> = VecDeque::new();
    // Estimated heap bytes of `window`, kept as views come and go.
    let mut window_bytes = 0usize;
    let mut stats = Stats::default();
    // Thread-nanoseconds of the parallel step: generation, extract+text, signature, terms.
    let core_ns: [AtomicU64; 4] = Default::default();
    for start in (0..plans.len()).step_by(CHUNK) {
        let end = (start + CHUNK).min(plans.len());
        let t = Instant::now();
        let batch: Vec<(ReuseDoc, Signature, Terms)> = (start..end)
            .into_par_iter()
            .map(|i| {
                let t0 = Instant::now();
                let text = text_of(i, plans, pool);
                let t1 = Instant::now();
                let doc = analyse(i, &text, &plans[i]);
                let t2 = Instant::now();
                let view = ReuseDoc::new(&doc);
                let sig = view_signature(&hasher, &view);
                let t3 = Instant::now();
                let terms = article_terms(&doc, params);
                let t4 = Instant::now();
                for (counter, d) in [
                    (&core_ns[0], t1 - t0),
                    (&core_ns[1], t2 - t1),
                    (&core_ns[2], t3 - t2),
                    (&core_ns[3], t4 - t3),
                ] {
                    counter.fetch_add(d.as_nanos() as u64, Ordering::Relaxed);
                }
                (view, sig, terms)
            })
            .collect();
        stats.parallel_s += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for (k, (view, sig, _)) in batch.iter().enumerate() {
            stats.words += view.len();
            let i = start + k;
            index.advance(plans[i].time);
            pairs.extend(index.query(sig).into_iter().map(|j| (j as usize, i)));
            index.insert(sig, plans[i].time);
        }
        stats.lsh_s += t.elapsed().as_secs_f64();
        stats.candidates += pairs.len();
        let t = Instant::now();
        let aligned: Vec<Option<(usize, usize, ReusePair)>> = pairs
            .par_iter()
            .map(|&(j, i)| {
                let view = &batch[i - start].0;
                let pair = if j >= start {
                    align_views(&batch[j - start].0, view)
                } else {
                    let pos = window.binary_search_by_key(&j, |(k, _)| *k).ok()?;
                    align_views(&window[pos].1, view)
                };
                pair.map(|p| (j, i, p))
            })
            .collect();
        stats.align_s += t.elapsed().as_secs_f64();
        let mut links: Vec<Vec<usize>> = vec![Vec::new(); end - start];
        for (j, i, pair) in aligned.into_iter().flatten() {
            stats.pairs += 1;
            if plans[i].copy_of == Some(j as u32) {
                stats.copies_found += 1;
                if pair.source.as_deref() == Some(format!("a{j}").as_str()) {
                    stats.copies_sourced += 1;
                }
            }
            if pair.kind != ReuseKind::QuoteOnly {
                stats.copy_links += 1;
                if plans[i].story != plans[j].story {
                    stats.cross_links[usize::from(pair.kind == ReuseKind::Partial)] += 1;
                }
                links[i - start].push(j);
            }
        }
        stats.outside_window += pairs
            .iter()
            .filter(|&&(j, _)| j < start && window.binary_search_by_key(&j, |(k, _)| *k).is_err())
            .count();
        let mut inputs: Vec<ClusterInput> = Vec::with_capacity(end - start);
        for ((k, (view, _, terms)), linked) in batch.into_iter().enumerate().zip(links) {
            let i = start + k;
            inputs.push((terms, plans[i].time, linked));
            window_bytes += view.heap_bytes();
            window.push_back((i, view));
        }
        if window_bytes > stats.lineage_bytes[1] {
            stats.lineage_bytes = [index.heap_bytes(), window_bytes];
        }
        let t = Instant::now();
        tx.send(inputs).expect("the clustering thread stopped");
        stats.wait_s += t.elapsed().as_secs_f64();
        let now = plans[end - 1].time;
        while window
            .front()
            .is_some_and(|(j, _)| now - plans[*j].time > LINEAGE_WINDOW)
        {
            if let Some((_, view)) = window.pop_front() {
                window_bytes -= view.heap_bytes();
            }
        }
    }
    stats.core_s = core_ns.map(|c| c.load(Ordering::Relaxed) as f64 / 1e9);
    stats
}

/// B³ precision, recall and F1 of a clustering against gold labels (one label per item):
/// per item, the share of its cluster in its gold group and of its gold group in its cluster.
fn b_cubed(found: &[usize], gold: &[usize]) -> [f64; 3] {
    // Ordered: the float sums below come out the same on every run.
    let mut both: std::collections::BTreeMap<(usize, usize), usize> = Default::default();
    let mut in_found: HashMap<usize, usize> = HashMap::new();
    let mut in_gold: HashMap<usize, usize> = HashMap::new();
    for (&f, &g) in found.iter().zip(gold) {
        *both.entry((f, g)).or_default() += 1;
        *in_found.entry(f).or_default() += 1;
        *in_gold.entry(g).or_default() += 1;
    }
    let n = found.len().min(gold.len()).max(1) as f64;
    let (mut p, mut r) = (0.0, 0.0);
    for (&(f, g), &k) in &both {
        // Each of the k items shares k items with its cluster and its gold group.
        let k = k as f64;
        p += k * k / in_found[&f] as f64;
        r += k * k / in_gold[&g] as f64;
    }
    let (p, r) = (p / n, r / n);
    [p, r, 2.0 * p * r / (p + r).max(1e-12)]
}

/// Per found story, its articles per planted story.
fn composition(found: &[usize], planted: &[usize]) -> HashMap<usize, HashMap<usize, u64>> {
    let mut by_found: HashMap<usize, HashMap<usize, u64>> = HashMap::new();
    for (&f, &g) in found.iter().zip(planted) {
        *by_found.entry(f).or_default().entry(g).or_default() += 1;
    }
    by_found
}

/// Prints the eight largest found stories with the planted stories in them, and how many
/// found stories there are of each size.
fn show_largest(found: &[usize], planted: &[usize]) {
    let by_found = composition(found, planted);
    let mut sizes: Vec<(u64, usize, usize)> = by_found
        .iter()
        .map(|(&f, m)| (m.values().sum::<u64>(), m.len(), f))
        .collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    for (n, k, f) in sizes.iter().take(8) {
        let mut parts: Vec<(u64, usize)> = by_found[f].iter().map(|(&g, &c)| (c, g)).collect();
        parts.sort_unstable_by(|a, b| b.cmp(a));
        eprintln!("cluster {f}: {n} articles from {k} planted stories: {parts:?}");
    }
    let mut hist = std::collections::BTreeMap::new();
    for (n, _, _) in &sizes {
        *hist.entry(n.next_power_of_two()).or_insert(0) += 1;
    }
    eprintln!("found cluster sizes (up to a power of two): {hist:?}");
}

/// Pairs of articles found in one story but planted in two, split by whether the two
/// planted stories are built on one base document of the pool (`story mod pool`) or not.
fn wrong_pairs(found: &[usize], planted: &[usize], pool: usize) -> [u64; 2] {
    let by_found = composition(found, planted);
    let mut wrong = [0u64; 2];
    for members in by_found.values() {
        let counts: Vec<(usize, u64)> = members.iter().map(|(&g, &k)| (g, k)).collect();
        for (a, &(ga, ka)) in counts.iter().enumerate() {
            for &(gb, kb) in &counts[a + 1..] {
                let other_base = usize::from(ga % pool.max(1) != gb % pool.max(1));
                wrong[other_base] += ka * kb;
            }
        }
    }
    wrong
}

/// CPU seconds (user + system) of this process so far: `/proc/self/stat` fields 14 and 15,
/// in USER_HZ ticks (100 a second in the Linux ABI).
fn cpu_seconds() -> Option<f64> {
    cpu_seconds_of("/proc/self/stat")
}

/// CPU seconds of the calling thread so far (`/proc/thread-self/stat`).
fn thread_cpu_seconds() -> f64 {
    cpu_seconds_of("/proc/thread-self/stat").unwrap_or(f64::NAN)
}

fn cpu_seconds_of(path: &str) -> Option<f64> {
    let stat = std::fs::read_to_string(path).ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// Peak resident memory of this process in MiB (`VmHWM` in /proc/self/status).
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn report(n: usize, plans: &[Plan], s: &Stats, secs: f64) {
    let copies = plans.iter().filter(|p| p.copy_of.is_some()).count();
    let planted_stories = {
        let mut v: Vec<u32> = plans.iter().map(|p| p.story).collect();
        v.sort_unstable();
        v.dedup();
        v.len()
    };
    println!(
        "| articles | words | threads | seconds | articles/s | CPU s | peak RSS MiB | parallel step s | LSH s | align s | stories s (own thread) | waited for stories s |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
    println!(
        "| {n} | {} | {} | {secs:.1} | {:.0} | {:.1} | {:.0} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} |",
        s.words,
        rayon::current_num_threads(),
        n as f64 / secs,
        cpu_seconds().unwrap_or(f64::NAN),
        peak_rss_mib().unwrap_or(f64::NAN),
        s.parallel_s,
        s.lsh_s,
        s.align_s,
        s.cluster_s,
        s.wait_s
    );
    let [gen, text, sig, terms] = s.core_s;
    // The story + lineage path: signatures, terms, LSH, alignment, clustering. Its parallel
    // parts are counted as their wall share of the parallel step.
    let parallel_core = gen + text + sig + terms;
    let share = |x: f64| s.parallel_s * x / parallel_core.max(1e-9);
    let path = share(sig) + share(terms) + s.lsh_s + s.align_s + s.cluster_s;
    println!(
        "\nthread-seconds in the parallel step (wall time inside each task: inflated when the \
         machine is oversubscribed): text generation {gen:.1}, extract+text {text:.1}, \
         signature {sig:.1}, story terms {terms:.1}"
    );
    println!(
        "stories + lineage path (signature, terms, LSH, alignment, clustering; wall, \
         parallel parts by their share): {path:.1}s = {:.0} articles/s; extract+text (wall \
         share): {:.1}s; generation: {:.1}s",
        n as f64 / path.max(1e-9),
        share(text),
        share(gen)
    );
    println!(
        "clustering thread: {:.1} CPU s busy {:.1} s",
        s.cluster_cpu_s, s.cluster_s
    );
    let mib = |b: usize| b as f64 / (1024.0 * 1024.0);
    let [lsh, window] = s.lineage_bytes;
    let [vocabulary, sums, postings, arrays] = s.cluster_bytes;
    println!(
        "estimated heap MiB: LSH index {:.0} and lineage window {:.0} (at the largest window); \
         clusterer at the end: vocabulary {:.0}, story sums and names {:.0}, postings {:.0}, \
         arrays {:.0}",
        mib(lsh),
        mib(window),
        mib(vocabulary),
        mib(sums),
        mib(postings),
        mib(arrays)
    );
    println!(
        "\nstories: {} found, {planted_stories} planted (B³ P {:.3} R {:.3} F1 {:.3}); LSH candidates {} ({} outside the \
         {}-hour lineage window); reuse pairs {} (copy/partial links {}; across planted stories: {} copy, {} partial)",
        s.stories,
        s.b_cubed[0],
        s.b_cubed[1],
        s.b_cubed[2],
        s.candidates,
        s.outside_window,
        LINEAGE_WINDOW / 3600,
        s.pairs,
        s.copy_links,
        s.cross_links[0],
        s.cross_links[1]
    );
    println!(
        "article pairs in one story but planted in two: {} on one base document, {} on two",
        s.wrong_pairs[0], s.wrong_pairs[1]
    );
    println!(
        "lineage: planted copies {copies}, found {} ({:.3}); source = the original in {} ({:.3} of found)",
        s.copies_found,
        s.copies_found as f64 / copies.max(1) as f64,
        s.copies_sourced,
        s.copies_sourced as f64 / s.copies_found.max(1) as f64
    );
}
