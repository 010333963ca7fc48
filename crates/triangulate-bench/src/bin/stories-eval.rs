//! `stories-eval [DATA_DIR] [options]`: scores triangulate's story grouping on ECB+.
//!
//! DATA_DIR defaults to `../shared/bench/ecbplus` relative to the repository root. Each
//! document of `ECB_{Dev,Train}_corpus.txt` (one token a line: document id, sentence,
//! token number, token, chain) is rebuilt as plain text (tokens joined by spaces, one
//! paragraph per sentence), read as the pipeline reads a text file (`ingest::RawDoc`,
//! `extract::extract`, `text::Doc::new`, `reuse::find_reuse`) and grouped with
//! `stories::group` in one batch per split (ECB+ has no publication dates). The streaming
//! clusterer (`stories::stream::group_streaming`) is scored on the same documents in input
//! order (topic by topic: the easy order) and in a fixed pseudo-random order (seed 42).
//!
//! Gold: a story is (topic, subtopic) — document id `T_Necb` / `T_Necbplus` is topic T,
//! subtopic `ecb` / `ecbplus` — and, as a coarser target, the topic alone. Scores: B-cubed
//! and pairwise precision/recall/F1 (`triangulate_bench::bcubed`), beside two baselines
//! (every document alone; everything in one cluster).
//!
//! Options:
//!   --split NAME      dev | train (repeatable; default both)
//!   --threshold X     merge threshold (default: `stories::MERGE_THRESHOLD`)
//!   --name-weight X   weight of a name (default: `stories::NAME_WEIGHT`)
//!   --no-numbers      numbers are not terms
//!   --no-bigrams      adjacent names are not bigram terms
//!   --sweep A:B:STEP  also score thresholds A, A+STEP, .. B (B-cubed F1 per target)
//!   --stream-threshold X   join threshold of the streaming clusterer
//!   --show            list each predicted story with its documents' gold labels
//!   --scale N         time `stories::group` on every split's documents repeated N times
//!                     (copies get new ids, each word suffixed with the copy number so
//!                     copies share no vocabulary), without reuse

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use triangulate::extract::extract;
use triangulate::ingest::{Format, RawDoc};
use triangulate::reuse::find_reuse;
use triangulate::stories::stream::{group_streaming, StreamParams};
use triangulate::stories::{group_with, Params};
use triangulate::text::Doc;
use triangulate_bench::bcubed::{bcubed, labels, pairwise, Prf};

struct Split {
    name: &'static str,
    /// (id, text), in document order.
    docs: Vec<(String, String)>,
}

fn main() -> Result<()> {
    let mut data: Option<PathBuf> = None;
    let mut splits: Vec<String> = Vec::new();
    let mut params = Params::default();
    let mut sweep: Option<(f64, f64, f64)> = None;
    let mut show = false;
    let mut scale = 0usize;
    let mut stream = StreamParams::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |what: &str| args.next().with_context(|| format!("{what} needs a value"));
        match a.as_str() {
            "--split" => splits.push(value("--split")?),
            "--threshold" => params.threshold = value("--threshold")?.parse()?,
            "--sweep" => {
                let v = value("--sweep")?;
                let parts: Vec<f64> = v
                    .split(':')
                    .map(str::parse)
                    .collect::<Result<_, _>>()
                    .context("--sweep A:B:STEP")?;
                let [a, b, s] = parts[..] else {
                    bail!("--sweep A:B:STEP");
                };
                sweep = Some((a, b, s));
            }
            "--name-weight" => params.name_weight = value("--name-weight")?.parse()?,
            "--no-numbers" => params.numbers = false,
            "--no-bigrams" => params.name_bigrams = false,
            "--stream-threshold" => stream.threshold = value("--stream-threshold")?.parse()?,
            "--show" => show = true,
            "--scale" => scale = value("--scale")?.parse()?,
            s if s.starts_with("--") => bail!("unknown option {s}"),
            s => data = Some(s.into()),
        }
    }
    let data = data.unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench/ecbplus")
    });
    if splits.is_empty() {
        splits = vec!["dev".into(), "train".into()];
    }
    let mut loaded = Vec::new();
    for s in &splits {
        let (name, file) = match s.as_str() {
            "dev" => ("dev", "ECB_Dev_corpus.txt"),
            "train" => ("train", "ECB_Train_corpus.txt"),
            other => bail!("unknown split {other} (dev | train)"),
        };
        let path = data.join(file);
        let raw = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        loaded.push(Split {
            name,
            docs: rebuild(&raw),
        });
    }
    stream.terms = params.clone();
    println!("{params:?}\n{stream:?}");
    for split in &loaded {
        evaluate(split, &params, &stream, sweep, show);
    }
    if scale > 0 {
        time_at_scale(&loaded, &params, scale);
    }
    Ok(())
}

/// Documents of a corpus file, sorted by (topic, document number, subtopic).
fn rebuild(raw: &str) -> Vec<(String, String)> {
    triangulate_bench::corpus::ecb_documents(raw)
}

/// (topic, document number, subtopic) of `T_Necb` / `T_Necbplus`.
fn doc_key(id: &str) -> (u32, u32, String) {
    triangulate_bench::corpus::ecb_key(id)
}

fn analyse(docs: &[(String, String)]) -> Vec<Doc> {
    docs.iter()
        .map(|(id, text)| Doc::new(extract(&RawDoc::new(id, Format::Text, text))))
        .collect()
}

struct Row {
    name: String,
    clusters: usize,
    b3: Prf,
    pw: Prf,
}

fn row(name: &str, pred: &[usize], gold: &[(u32, String)]) -> Row {
    Row {
        name: name.to_string(),
        clusters: pred.iter().collect::<std::collections::BTreeSet<_>>().len(),
        b3: bcubed(pred, gold),
        pw: pairwise(pred, gold),
    }
}

fn print_table(title: &str, rows: &[Row]) {
    println!("\n{title}");
    println!("| system | clusters | B³ P | B³ R | B³ F1 | pair P | pair R | pair F1 |");
    println!("|---|---|---|---|---|---|---|---|");
    for r in rows {
        println!(
            "| {} | {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} |",
            r.name, r.clusters, r.b3.p, r.b3.r, r.b3.f1, r.pw.p, r.pw.r, r.pw.f1
        );
    }
}

fn evaluate(
    split: &Split,
    params: &Params,
    stream: &StreamParams,
    sweep: Option<(f64, f64, f64)>,
    show: bool,
) {
    let n = split.docs.len();
    let keys: Vec<(u32, u32, String)> = split.docs.iter().map(|(id, _)| doc_key(id)).collect();
    let story: Vec<(u32, String)> = keys.iter().map(|(t, _, s)| (*t, s.clone())).collect();
    let topic: Vec<(u32, String)> = keys.iter().map(|(t, _, _)| (*t, String::new())).collect();
    let n_stories = story
        .iter()
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let n_topics = topic
        .iter()
        .collect::<std::collections::BTreeSet<_>>()
        .len();

    let t0 = Instant::now();
    let docs = analyse(&split.docs);
    let refs: Vec<&Doc> = docs.iter().collect();
    let t1 = Instant::now();
    let reuse = find_reuse(&refs);
    let t2 = Instant::now();
    let groups = group_with(&refs, &reuse, params);
    let t3 = Instant::now();
    let pred = labels(&groups, n);
    let t4 = Instant::now();
    let streamed = labels(&group_streaming(&refs, &reuse, stream), n);
    let t5 = Instant::now();
    let order = shuffled(n, 42);
    let shuffled_pred = streamed_in_order(&refs, &reuse, stream, &order);
    let tokens: usize = docs.iter().map(|d| d.layer.tokens.len()).sum();
    println!(
        "\n## {} — {} documents, {} gold stories, {} topics, {} words; {} reuse pairs \
         (copy/partial {})",
        split.name,
        n,
        n_stories,
        n_topics,
        tokens,
        reuse.len(),
        reuse
            .iter()
            .filter(|p| p.kind != triangulate::reuse::ReuseKind::QuoteOnly)
            .count()
    );
    println!(
        "time: extract+text {:.2}s, reuse {:.2}s, stories::group {:.3}s, streaming {:.3}s",
        (t1 - t0).as_secs_f64(),
        (t2 - t1).as_secs_f64(),
        (t3 - t2).as_secs_f64(),
        (t5 - t4).as_secs_f64()
    );
    let singletons: Vec<usize> = (0..n).collect();
    let one = vec![0usize; n];
    for (title, gold) in [
        ("gold = (topic, subtopic)", &story),
        ("gold = topic only", &topic),
    ] {
        print_table(
            &format!("{} {title}", split.name),
            &[
                row("triangulate stories::group", &pred, gold),
                row("streaming, input order", &streamed, gold),
                row("streaming, shuffled (seed 42)", &shuffled_pred, gold),
                row("baseline: all singletons", &singletons, gold),
                row("baseline: one cluster", &one, gold),
            ],
        );
    }
    if let Some((a, b, step)) = sweep {
        println!("\n{} threshold sweep (B³ F1; pair F1)", split.name);
        println!("| threshold | clusters | story B³ F1 | story pair F1 | topic B³ F1 |");
        println!("|---|---|---|---|---|");
        let mut t = a;
        while t <= b + 1e-9 {
            let p = Params {
                threshold: t,
                ..params.clone()
            };
            let g = group_with(&refs, &reuse, &p);
            let l = labels(&g, n);
            println!(
                "| {:.3} | {} | {:.3} | {:.3} | {:.3} |",
                t,
                g.len(),
                bcubed(&l, &story).f1,
                pairwise(&l, &story).f1,
                bcubed(&l, &topic).f1
            );
            t += step;
        }
    }
    if let Some((a, b, step)) = sweep {
        println!("\n{} streaming threshold sweep, shuffled order", split.name);
        println!("| threshold | clusters | story B³ F1 | story pair F1 | topic B³ F1 |");
        println!("|---|---|---|---|---|");
        let mut t = a;
        while t <= b + 1e-9 {
            let p = StreamParams {
                threshold: t,
                ..stream.clone()
            };
            let l = streamed_in_order(&refs, &reuse, &p, &order);
            println!(
                "| {:.3} | {} | {:.3} | {:.3} | {:.3} |",
                t,
                l.iter().collect::<std::collections::BTreeSet<_>>().len(),
                bcubed(&l, &story).f1,
                pairwise(&l, &story).f1,
                bcubed(&l, &topic).f1
            );
            t += step;
        }
    }
    if show {
        println!("\n{} predicted stories", split.name);
        for (i, g) in groups.iter().enumerate() {
            let mut by: BTreeMap<String, usize> = BTreeMap::new();
            for &d in g {
                *by.entry(format!("{}{}", story[d].0, story[d].1))
                    .or_default() += 1;
            }
            let parts: Vec<String> = by.iter().map(|(k, v)| format!("{k}×{v}")).collect();
            println!("{i:4} ({:3}): {}", g.len(), parts.join(" "));
        }
    }
}

/// A fixed pseudo-random permutation of `0..n` (Fisher–Yates over SplitMix64).
fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut state = seed;
    let mut next = || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let mut v: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        v.swap(i, (next() % (i as u64 + 1)) as usize);
    }
    v
}

/// Streaming labels (by original index) when the documents arrive in `order`.
fn streamed_in_order(
    refs: &[&Doc],
    reuse: &[triangulate::reuse::ReusePair],
    params: &StreamParams,
    order: &[usize],
) -> Vec<usize> {
    let arrived: Vec<&Doc> = order.iter().map(|&i| refs[i]).collect();
    let groups: Vec<Vec<usize>> = group_streaming(&arrived, reuse, params)
        .into_iter()
        .map(|g| g.into_iter().map(|k| order[k]).collect())
        .collect();
    labels(&groups, refs.len())
}

fn time_at_scale(splits: &[Split], params: &Params, scale: usize) {
    let mut docs: Vec<(String, String)> = Vec::new();
    for copy in 0..scale {
        for split in splits {
            for (id, text) in &split.docs {
                let text = if copy == 0 {
                    text.clone()
                } else {
                    text.split(' ')
                        .map(|w| {
                            if w.chars().any(char::is_alphabetic) {
                                format!("{w}{}", suffix(copy))
                            } else {
                                w.to_string()
                            }
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                docs.push((format!("{id}#{copy}"), text));
            }
        }
    }
    let analysed = analyse(&docs);
    let refs: Vec<&Doc> = analysed.iter().collect();
    let t = Instant::now();
    let groups = group_with(&refs, &[], params);
    println!(
        "\nscale: stories::group on {} documents: {:.2}s, {} stories",
        refs.len(),
        t.elapsed().as_secs_f64(),
        groups.len()
    );
}

/// A letters-only suffix per copy (digits would be dropped as numbers by the stage).
fn suffix(copy: usize) -> String {
    let mut s = String::new();
    let mut c = copy;
    loop {
        s.push((b'a' + (c % 26) as u8) as char);
        c /= 26;
        if c == 0 {
            break;
        }
    }
    format!("x{s}")
}
