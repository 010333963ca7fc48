//! `align-eval [--split dev|train] [--models DIR]`: do sentence embeddings tell two
//! sentences of different articles about one event better than shared words do?
//!
//! Gold: ECB+ event coreference. Two annotated sentences of two documents of one topic are
//! *same* when they mention one event chain (an `ACT` chain that is not a singleton), else
//! *different*. Each ECB+ topic holds two similar events (two rehab check-ins, two
//! earthquakes), so many different pairs share words: the hard negatives claim alignment
//! meets in a real story.
//!
//! Signals, each scoring every pair: the lexical similarity quote and claim alignment use
//! (cosine of content-stem sets, `statements::lexical_similarity`); the cosine of the two
//! sentences' all-MiniLM-L6-v2 embeddings (`text::embed`); and their mean. Per signal:
//! average precision (the area under precision–recall, threshold-free) and the best F1 over
//! thresholds with its threshold, and, for the lexical signal, the F1 at the library's own
//! bar (0.5 with at least three shared stems, quotes of unknown speakers).
//!
//! The model comes from `--models DIR`, else `$TRIANGULATE_MODELS`, else `models/` at the
//! workspace root (`scripts/fetch-model.sh` puts it there).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use triangulate::statements::lexical_similarity;
use triangulate::text::embed::{cosine, model_dir, Embedder, MODEL_NAME};
use triangulate_bench::corpus::{bench_dir, ecb_key, ecb_sentences};

/// One annotated sentence: document, text, event chains.
struct Sentence {
    doc: String,
    topic: u32,
    text: String,
    events: BTreeSet<String>,
}

fn main() -> Result<()> {
    let (split, models) = options()?;
    let file = match split.as_str() {
        "dev" => "ECB_Dev_corpus.txt",
        "train" => "ECB_Train_corpus.txt",
        other => bail!("unknown split {other} (dev or train)"),
    };
    let path = bench_dir().join("ecbplus").join(file);
    let raw =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let sentences = read_sentences(&raw);
    let pairs = pairs(&sentences);
    let dir = match models {
        Some(root) => root.join(MODEL_NAME),
        None => model_dir(Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../models"
        ))),
    };
    let embedder = Embedder::load(&dir)
        .with_context(|| format!("loading the model from {}", dir.display()))?;
    let t = std::time::Instant::now();
    let texts: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
    let vectors = embedder.embed(&texts)?;
    let secs = t.elapsed().as_secs_f64();
    let positives = pairs.iter().filter(|p| p.2).count();
    println!(
        "ECB+ {split}: {} sentences, {} cross-document pairs in one topic, {positives} same event; \
         embedded in {secs:.1} s ({:.0} sentences/s)",
        sentences.len(),
        pairs.len(),
        sentences.len() as f64 / secs.max(1e-9)
    );
    let lexical: Vec<(f64, usize)> = pairs
        .iter()
        .map(|&(i, j, _)| lexical_similarity(&sentences[i].text, &sentences[j].text))
        .collect();
    let embedded: Vec<f64> = pairs
        .iter()
        .map(|&(i, j, _)| f64::from(cosine(&vectors[i], &vectors[j])))
        .collect();
    let gold: Vec<bool> = pairs.iter().map(|p| p.2).collect();
    println!(
        "| signal | average precision | best F1 | at threshold | P | R | R at P ≥ 0.8 | at threshold | R at P ≥ 0.9 | at threshold |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let lex: Vec<f64> = lexical.iter().map(|l| l.0).collect();
    let mean: Vec<f64> = lex
        .iter()
        .zip(&embedded)
        .map(|(a, b)| (a + b) / 2.0)
        .collect();
    for (name, scores) in [
        ("lexical (content-stem cosine)", &lex),
        ("embedding cosine (all-MiniLM-L6-v2)", &embedded),
        ("mean of the two", &mean),
    ] {
        let ap = average_precision(scores, &gold);
        let (f1, threshold, p, r) = best_f1(scores, &gold);
        let (r80, t80) = recall_at(scores, &gold, 0.8);
        let (r90, t90) = recall_at(scores, &gold, 0.9);
        println!(
            "| {name} | {ap:.3} | {f1:.3} | {threshold:.3} | {p:.3} | {r:.3} | {r80:.3} | {t80:.3} | {r90:.3} | {t90:.3} |"
        );
    }
    let bar: Vec<bool> = lexical.iter().map(|&(s, n)| s >= 0.5 && n >= 3).collect();
    let (p, r, f1) = prf(&bar, &gold);
    println!("\nlexical at the library's bar (cosine ≥ 0.5, ≥ 3 shared stems): P {p:.3} R {r:.3} F1 {f1:.3}");
    Ok(())
}

/// The split and the `--models` folder, if given.
fn options() -> Result<(String, Option<PathBuf>)> {
    let mut split = "dev".to_string();
    let mut models = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--split" => split = args.next().context("--split needs a value")?,
            "--models" => models = Some(args.next().context("--models needs a folder")?.into()),
            other => bail!("unknown option {other}"),
        }
    }
    Ok((split, models))
}

/// The annotated sentences of an ECB+ corpus file, in (topic, document, sentence) order.
fn read_sentences(raw: &str) -> Vec<Sentence> {
    let mut out: Vec<Sentence> = ecb_sentences(raw)
        .into_iter()
        .map(|s| Sentence {
            topic: ecb_key(&s.doc).0,
            doc: s.doc,
            text: s.text,
            events: s.events,
        })
        .collect();
    out.sort_by_key(|s| ecb_key(&s.doc));
    out
}

/// Pairs of sentences of two documents of one topic, with whether they share an event.
fn pairs(sentences: &[Sentence]) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    for i in 0..sentences.len() {
        for j in i + 1..sentences.len() {
            let (a, b) = (&sentences[i], &sentences[j]);
            if a.topic != b.topic {
                break;
            }
            if a.doc != b.doc {
                out.push((i, j, !a.events.is_disjoint(&b.events)));
            }
        }
    }
    out
}

/// Pairs in order of falling score (ties by index: deterministic).
fn ranked(scores: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    order
}

/// Average precision: mean of the precision at each true pair's rank.
fn average_precision(scores: &[f64], gold: &[bool]) -> f64 {
    let total = gold.iter().filter(|&&g| g).count().max(1) as f64;
    let mut hits = 0.0;
    let mut sum = 0.0;
    for (rank, &k) in ranked(scores).iter().enumerate() {
        if gold[k] {
            hits += 1.0;
            sum += hits / (rank + 1) as f64;
        }
    }
    sum / total
}

/// Best F1 over thresholds: (F1, threshold, precision, recall).
fn best_f1(scores: &[f64], gold: &[bool]) -> (f64, f64, f64, f64) {
    let total = gold.iter().filter(|&&g| g).count().max(1) as f64;
    let mut hits = 0.0;
    let mut best = (0.0, 1.0, 0.0, 0.0);
    for (rank, &k) in ranked(scores).iter().enumerate() {
        if gold[k] {
            hits += 1.0;
        }
        let (p, r) = (hits / (rank + 1) as f64, hits / total);
        let f1 = if hits > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        if f1 > best.0 {
            best = (f1, scores[k], p, r);
        }
    }
    best
}

/// Highest recall at a threshold whose precision is at least `precision`, with that
/// threshold ((0, 1) when none reaches it).
fn recall_at(scores: &[f64], gold: &[bool], precision: f64) -> (f64, f64) {
    let total = gold.iter().filter(|&&g| g).count().max(1) as f64;
    let mut hits = 0.0;
    let mut best = (0.0, 1.0);
    for (rank, &k) in ranked(scores).iter().enumerate() {
        if gold[k] {
            hits += 1.0;
        }
        if hits / (rank + 1) as f64 >= precision && hits / total > best.0 {
            best = (hits / total, scores[k]);
        }
    }
    best
}

/// Precision, recall and F1 of yes/no decisions.
fn prf(decided: &[bool], gold: &[bool]) -> (f64, f64, f64) {
    let tp = decided.iter().zip(gold).filter(|(d, g)| **d && **g).count() as f64;
    let said = decided.iter().filter(|&&d| d).count().max(1) as f64;
    let truth = gold.iter().filter(|&&g| g).count().max(1) as f64;
    let (p, r) = (tp / said, tp / truth);
    (p, r, if tp > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
}
