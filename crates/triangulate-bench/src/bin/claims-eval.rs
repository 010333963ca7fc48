//! `claims-eval [--gold FILE] [--dump] CORPUS...`: alignment precision of triangulate's
//! claims against a hand-labelled gold file.
//!
//! Each CORPUS (a directory or file, read as `triangulate analyze` reads it) is analysed on
//! its own. Every claim supported by more than one document is an alignment decision: each
//! supporting sentence is paired with the claim's central sentence (the support whose text
//! the claim shows), and each pair is looked up in the gold file by its two (document,
//! byte span) keys, so that the gold stays valid when claim ids or claim order change.
//!
//! Gold (`crates/triangulate-bench/data/claims-gold.tsv`): tab-separated, `#` comments;
//! `doc_a start_a end_a doc_b start_b end_b label note`, the two sides in sorted order,
//! label `same` (both sentences state the same fact) or `diff` (they do not), note a short
//! paraphrase of the fact. Output: per corpus, the number of multi-article claims, aligned
//! pairs, pairs judged same / different / not yet labelled, and pair precision
//! (same / labelled). `--dump` prints every unlabelled pair with both sentences, in gold
//! format, for labelling; `--show` prints every multi-document claim with its supports.
//!
//! `claims-eval --ecb dev|train` scores alignment precision *and recall* against ECB+ event
//! coreference instead (see [`triangulate_bench::claim_pairs`]): each topic analysed as one
//! story, every cross-document pair of sentences supporting one claim compared with the
//! annotated event chains.

use std::collections::BTreeMap;
use std::path::PathBuf;

use std::path::Path;

use anyhow::{bail, Context, Result};
use triangulate::dossier::{analyze, Analysis};
use triangulate::ingest::{read_paths, ReadOptions};
use triangulate::statements::SentenceVectors;
use triangulate::text::embed::{model_dir, Embedder};

/// One side of a pair: document id and sentence span.
type Side = (String, usize, usize);

/// Gold labels keyed on the sorted pair of sides.
type Gold = BTreeMap<(Side, Side), bool>;

fn main() -> Result<()> {
    let mut gold_path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/data/claims-gold.tsv"));
    let mut dump = false;
    let mut ecb: Option<String> = None;
    let mut paraphrase: Option<f32> = None;
    let mut show = false;
    let mut corpora: Vec<PathBuf> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--gold" => gold_path = args.next().context("--gold needs a file")?.into(),
            "--dump" => dump = true,
            "--ecb" => ecb = Some(args.next().context("--ecb needs dev or train")?),
            "--embeddings" => {
                let t = args
                    .next()
                    .context("--embeddings needs a cosine threshold")?;
                paraphrase = Some(t.parse().context("--embeddings threshold")?);
            }
            "--show" => show = true,
            _ if a.starts_with("--") => bail!("unknown option {a}"),
            _ => corpora.push(a.into()),
        }
    }
    if let Some(split) = ecb {
        return ecb_eval(&split, paraphrase);
    }
    if corpora.is_empty() {
        bail!("usage: claims-eval [--gold FILE] [--dump] [--show] CORPUS...");
    }
    let gold = read_gold(&gold_path)?;
    let mut total = Tally::default();
    println!("corpus\tclaims>1doc\tall_same\tpairs\tsame\tdiff\tunlabelled\tprecision");
    for corpus in &corpora {
        let ingested = read_paths(std::slice::from_ref(corpus), &ReadOptions::default());
        let analysis = analyze(&ingested.docs, ingested.diagnostics);
        if show {
            show_claims(&analysis);
        }
        let tally = score(&analysis, &gold, dump);
        println!("{}\t{}", corpus.display(), tally.row());
        total.add(&tally);
    }
    println!("total\t{}", total.row());
    Ok(())
}

/// Claim alignment precision and recall on an ECB+ split.
fn ecb_eval(split: &str, paraphrase: Option<f32>) -> Result<()> {
    let file = match split {
        "dev" => "ECB_Dev_corpus.txt",
        "train" => "ECB_Train_corpus.txt",
        other => bail!("unknown split {other} (dev or train)"),
    };
    let path = triangulate_bench::corpus::bench_dir()
        .join("ecbplus")
        .join(file);
    let raw =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let c = match paraphrase {
        None => triangulate_bench::claim_pairs::score_ecb(&raw, None),
        Some(bar) => {
            let dir = model_dir(Path::new(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../models"
            )));
            let embedder = Embedder::load(&dir)
                .with_context(|| format!("loading the model from {}", dir.display()))?;
            let embed = |s: &[&str]| {
                embedder.embed(s).unwrap_or_else(|e| {
                    eprintln!("embedding failed, no vectors for this topic: {e}");
                    Vec::new()
                })
            };
            let vectors = SentenceVectors {
                embed: &embed,
                paraphrase: bar,
            };
            triangulate_bench::claim_pairs::score_ecb(&raw, Some(&vectors))
        }
    };
    println!(
        "ECB+ {split}: {} topics, {} multi-document claims; pairs proposed {} (same event {}), \
         gold {} (between claim sentences {}), found {}",
        c.topics, c.claims, c.proposed, c.correct, c.gold, c.gold_in_claims, c.found
    );
    println!(
        "precision {:.3}  recall {:.3}  F1 {:.3}  candidate recall {:.3}",
        c.precision(),
        c.recall(),
        c.f1(),
        c.candidate_recall()
    );
    println!("story-level disputes: {}", c.disputes.len());
    for d in &c.disputes {
        println!("  {d}");
    }
    Ok(())
}

/// Counts of one corpus.
#[derive(Default)]
struct Tally {
    claims: usize,
    /// Claims whose every pair is labelled `same`.
    right: usize,
    pairs: usize,
    same: usize,
    diff: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.claims += o.claims;
        self.right += o.right;
        self.pairs += o.pairs;
        self.same += o.same;
        self.diff += o.diff;
    }

    fn row(&self) -> String {
        let labelled = self.same + self.diff;
        let precision = if labelled == 0 {
            "-".to_string()
        } else {
            format!("{:.3}", self.same as f64 / labelled as f64)
        };
        format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            self.claims,
            self.right,
            self.pairs,
            self.same,
            self.diff,
            self.pairs - labelled,
            precision
        )
    }
}

/// Reads the gold file (a missing file is an empty gold: everything is unlabelled).
fn read_gold(path: &PathBuf) -> Result<Gold> {
    let mut gold = Gold::new();
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("no gold file at {}", path.display());
        return Ok(gold);
    };
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 7 {
            bail!("{}:{}: expected 7+ fields", path.display(), n + 1);
        }
        let num = |s: &str| -> Result<usize> {
            s.parse()
                .with_context(|| format!("{}:{}", path.display(), n + 1))
        };
        let a = (f[0].to_string(), num(f[1])?, num(f[2])?);
        let b = (f[3].to_string(), num(f[4])?, num(f[5])?);
        let same = match f[6] {
            "same" => true,
            "diff" => false,
            other => bail!("{}:{}: label {other}", path.display(), n + 1),
        };
        gold.insert(ordered(a, b), same);
    }
    Ok(gold)
}

fn ordered(a: Side, b: Side) -> (Side, Side) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

/// Scores every multi-document claim of one analysis; prints unlabelled pairs if `dump`.
fn score(analysis: &Analysis, gold: &Gold, dump: bool) -> Tally {
    let texts: BTreeMap<&str, &str> = analysis
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.text.as_str()))
        .collect();
    let sentence = |s: &Side| {
        texts
            .get(s.0.as_str())
            .and_then(|t| t.get(s.1..s.2))
            .unwrap_or("")
            .replace(['\t', '\n'], " ")
    };
    let mut tally = Tally::default();
    for claim in analysis.stories.iter().flat_map(|s| &s.claims) {
        if claim.documents.len() < 2 {
            continue;
        }
        tally.claims += 1;
        let sides: Vec<Side> = claim
            .support
            .iter()
            .map(|s| (s.document.clone(), s.start, s.end))
            .collect();
        let mut all_same = true;
        let central = sides
            .iter()
            .position(|s| sentence(s) == claim.text.replace(['\t', '\n'], " "))
            .unwrap_or(0);
        for (k, side) in sides.iter().enumerate() {
            if k == central {
                continue;
            }
            tally.pairs += 1;
            let key = ordered(sides[central].clone(), side.clone());
            match gold.get(&key) {
                Some(true) => tally.same += 1,
                Some(false) => {
                    tally.diff += 1;
                    all_same = false;
                    if dump {
                        let (a, b) = (&key.0, &key.1);
                        println!(
                            "wrong\t{}\n  A: {}\n  B: {}",
                            claim.id,
                            sentence(a),
                            sentence(b)
                        );
                    }
                }
                None if dump => {
                    all_same = false;
                    let (a, b) = (&key.0, &key.1);
                    println!(
                        "?\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n  A: {}\n  B: {}",
                        claim.id,
                        a.0,
                        a.1,
                        a.2,
                        b.0,
                        b.1,
                        b.2,
                        sentence(a),
                        sentence(b)
                    );
                }
                None => all_same = false,
            }
        }
        tally.right += usize::from(all_same);
    }
    tally
}

/// Prints each multi-document claim: id, predicate, then each support's document, span,
/// predicate slot and sentence.
fn show_claims(analysis: &Analysis) {
    let texts: BTreeMap<&str, &str> = analysis
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.text.as_str()))
        .collect();
    for claim in analysis.stories.iter().flat_map(|s| &s.claims) {
        if claim.documents.len() < 2 {
            continue;
        }
        println!(
            "= {} [{}] docs={} independent={}",
            claim.id,
            claim.predicate.as_deref().unwrap_or("-"),
            claim.documents.len(),
            claim.independent_sources
        );
        for s in &claim.support {
            let text = texts.get(s.document.as_str()).copied().unwrap_or("");
            let slots: Vec<String> = s
                .slots
                .iter()
                .filter(|x| matches!(x.role.as_str(), "predicate" | "subject" | "object"))
                .map(|x| format!("{}={}", x.role, x.value))
                .collect();
            println!(
                "  {} {}-{} {{{}}} {}",
                s.document,
                s.start,
                s.end,
                slots.join("; "),
                text.get(s.start..s.end).unwrap_or("")
            );
        }
    }
}
