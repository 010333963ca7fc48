//! `minhash-bench [options]`: near-duplicate candidates, ours vs Python datasketch, one run.
//!
//! Texts: every PolNeAR article, ECB+ document and CoNLL-2003 document (real news text,
//! `triangulate_bench::corpus`), each followed, with probability one half, by one or two
//! planted near-duplicates (`corpus::near_duplicate`: words substituted at a rate drawn from
//! 0–12%, a sentence dropped, two swapped), all repeated `--repeat` times with the words of
//! each repetition suffixed so repetitions share no shingle. Shingling on both sides:
//! lowercased `\w+` tokens, word 5-grams. Both sides use `--num-perm` hash functions and LSH
//! at `--threshold` (the same bands × rows), insert every document, then query every
//! document; the time covers shingling, signatures, insertion and queries, on one thread
//! (ours: the median of three runs; datasketch: one run).
//!
//! Truth: every pair whose exact shingle Jaccard is at least the threshold, computed with an
//! exact inverted index over all shingles. Recall: share of true pairs among a side's
//! candidates; precision: share of candidates that are true.
//!
//! Options:
//!   --python PATH      Python with datasketch (default /tmp/dsvenv/bin/python)
//!   --num-perm N       hash functions (default 128)
//!   --threshold X      Jaccard threshold (default 0.5)
//!   --repeat N         repetitions of the pool (default 1)
//!   --no-peer          only our side

use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use serde::Deserialize;
use triangulate::reuse::minhash::{LshIndex, LshParams, MinHasher, Scheme};
use triangulate_bench::corpus::{self, Rng};

const SHINGLE: usize = 5;

struct Options {
    python: String,
    num_perm: usize,
    threshold: f64,
    repeat: usize,
    peer: bool,
}

#[derive(Deserialize)]
struct Peer {
    bands: usize,
    rows: usize,
    signature_s: f64,
    insert_s: f64,
    query_s: f64,
    pairs: Vec<(usize, usize)>,
}

fn main() -> Result<()> {
    let opts = options()?;
    let texts = build_texts(opts.repeat)?;
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    println!(
        "{} documents, {} words; {}-word shingles, num_perm {}, threshold {}",
        texts.len(),
        words,
        SHINGLE,
        opts.num_perm,
        opts.threshold
    );
    let t = Instant::now();
    let truth = true_pairs(&texts, opts.threshold);
    println!(
        "truth: {} pairs with exact Jaccard >= {} ({:.1}s, exact inverted index)",
        truth.len(),
        opts.threshold,
        t.elapsed().as_secs_f64()
    );
    println!("\n| system | bands × rows | seconds | docs/s | candidates | recall | precision |");
    println!("|---|---|---|---|---|---|---|");
    let (perm, perm_s, params) = median_run(&texts, &opts, Scheme::Permutations);
    let perm_rate = texts.len() as f64 / perm_s;
    print_row(
        "triangulate, 128 permutations (1 thread)",
        params,
        perm_s,
        perm_rate,
        &perm,
        &truth,
    );
    let (ours, ours_s, params) = median_run(&texts, &opts, Scheme::OnePermutation);
    let ours_rate = texts.len() as f64 / ours_s;
    print_row(
        "triangulate, one permutation + densification (1 thread)",
        params,
        ours_s,
        ours_rate,
        &ours,
        &truth,
    );
    if opts.peer {
        let peer = run_peer(&texts, &opts)?;
        let peer_s = peer.signature_s + peer.insert_s + peer.query_s;
        let peer_rate = texts.len() as f64 / peer_s;
        let pairs: BTreeSet<(usize, usize)> = peer.pairs.iter().copied().collect();
        let p = LshParams {
            bands: peer.bands,
            rows: peer.rows,
        };
        print_row(
            "datasketch MinHash + MinHashLSH",
            p,
            peer_s,
            peer_rate,
            &pairs,
            &truth,
        );
        println!(
            "\ndatasketch: signatures {:.2}s, insert {:.2}s, query {:.2}s; throughput ratio \
             {:.1}× (one permutation), {:.1}× (permutations)",
            peer.signature_s,
            peer.insert_s,
            peer.query_s,
            ours_rate / peer_rate,
            perm_rate / peer_rate
        );
    }
    Ok(())
}

fn options() -> Result<Options> {
    let mut o = Options {
        python: "/tmp/dsvenv/bin/python".into(),
        num_perm: 128,
        threshold: 0.5,
        repeat: 1,
        peer: true,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |what: &str| args.next().with_context(|| format!("{what} needs a value"));
        match a.as_str() {
            "--python" => o.python = value("--python")?,
            "--num-perm" => o.num_perm = value("--num-perm")?.parse()?,
            "--threshold" => o.threshold = value("--threshold")?.parse()?,
            "--repeat" => o.repeat = value("--repeat")?.parse()?,
            "--no-peer" => o.peer = false,
            other => bail!("unknown option {other}"),
        }
    }
    Ok(o)
}

/// The real pools with planted near-duplicates, repeated (see the module documentation).
fn build_texts(repeat: usize) -> Result<Vec<String>> {
    let bench = corpus::bench_dir();
    let mut pool = corpus::polnear_texts(&bench)?;
    pool.extend(corpus::ecb_texts(&bench)?);
    pool.extend(corpus::conll_texts(&bench)?);
    let mut rng = Rng::new(7);
    let mut texts = Vec::new();
    for copy in 0..repeat.max(1) {
        for base in &pool {
            let base = if copy == 0 {
                base.clone()
            } else {
                suffixed(base, copy)
            };
            let variants = match rng.below(4) {
                0 | 1 => 0,
                2 => 1,
                _ => 2,
            };
            texts.push(base.clone());
            for _ in 0..variants {
                let rate = 0.12 * rng.unit();
                texts.push(corpus::near_duplicate(&base, rate, &mut rng));
            }
        }
    }
    Ok(texts)
}

/// Every word of a repetition gets a letters-only suffix, so repetitions share no shingle.
fn suffixed(text: &str, copy: usize) -> String {
    let tag: String = format!("{copy}")
        .chars()
        .map(|d| (b'a' + d as u8 - b'0') as char)
        .collect();
    text.split(' ')
        .map(|w| format!("{w}q{tag}"))
        .collect::<Vec<_>>()
        .join(" ")
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// Hashes of the lowercased `\w+` word 5-grams of a text, in text order (repeats kept: a
/// signature ignores them). A word is a run of alphanumeric characters or `_` (Python's
/// `\w`), hashed (FNV-1a of its lowercased UTF-8) while it is scanned.
fn shingle_hashes(text: &str) -> Vec<u64> {
    let mut words: Vec<u64> = Vec::with_capacity(text.len() / 5);
    let (mut h, mut in_word) = (FNV_OFFSET, false);
    let mut buf = [0u8; 4];
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            h = (h ^ u64::from(c.to_ascii_lowercase() as u8)).wrapping_mul(FNV_PRIME);
            in_word = true;
        } else if !c.is_ascii() && c.is_alphanumeric() {
            for l in c.to_lowercase() {
                for &b in l.encode_utf8(&mut buf).as_bytes() {
                    h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
                }
            }
            in_word = true;
        } else if in_word {
            words.push(h);
            (h, in_word) = (FNV_OFFSET, false);
        }
    }
    if in_word {
        words.push(h);
    }
    words
        .windows(SHINGLE)
        .map(|w| {
            w.iter()
                .fold(FNV_OFFSET, |h, &t| (h ^ t).wrapping_mul(FNV_PRIME))
        })
        .collect()
}

/// Pairs with exact Jaccard at least `threshold`, by counting shared shingles over an
/// inverted index (no posting cap: exact).
fn true_pairs(texts: &[String], threshold: f64) -> BTreeSet<(usize, usize)> {
    let sets: Vec<Vec<u64>> = texts
        .iter()
        .map(|t| {
            let mut s = shingle_hashes(t);
            s.sort_unstable();
            s.dedup();
            s
        })
        .collect();
    let mut postings: HashMap<u64, Vec<u32>> = HashMap::new();
    for (d, s) in sets.iter().enumerate() {
        for &h in s {
            postings.entry(h).or_default().push(d as u32);
        }
    }
    let mut shared: HashMap<(u32, u32), u32> = HashMap::new();
    for list in postings.values().filter(|l| l.len() > 1) {
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                *shared.entry((i, j)).or_default() += 1;
            }
        }
    }
    shared
        .into_iter()
        .filter(|&((i, j), n)| {
            let union = sets[i as usize].len() + sets[j as usize].len() - n as usize;
            n as f64 >= threshold * union as f64
        })
        .map(|((i, j), _)| (i as usize, j as usize))
        .collect()
}

/// [`run_ours`] three times (the machine is shared): the run of median time.
fn median_run(
    texts: &[String],
    opts: &Options,
    scheme: Scheme,
) -> (BTreeSet<(usize, usize)>, f64, LshParams) {
    let mut runs: Vec<_> = (0..3).map(|_| run_ours(texts, opts, scheme)).collect();
    runs.sort_by(|a, b| a.1.total_cmp(&b.1));
    runs.swap_remove(1)
}

/// Our side: shingles, signatures, LSH insert of all, then a query of each.
fn run_ours(
    texts: &[String],
    opts: &Options,
    scheme: Scheme,
) -> (BTreeSet<(usize, usize)>, f64, LshParams) {
    let t = Instant::now();
    let hasher = MinHasher::with_scheme(scheme, opts.num_perm, 0x7472_6961_6e67_6c65);
    let params = LshParams::for_threshold(opts.threshold, opts.num_perm);
    let shingled: Vec<Vec<u64>> = texts.iter().map(|t| shingle_hashes(t)).collect();
    let t_sh = t.elapsed().as_secs_f64();
    let sigs: Vec<Vec<u32>> = shingled
        .into_iter()
        .map(|sh| hasher.signature(sh))
        .collect();
    let t_sig = t.elapsed().as_secs_f64();
    let mut index = LshIndex::new(params, usize::MAX);
    for s in &sigs {
        index.insert(s);
    }
    let mut pairs = BTreeSet::new();
    for (i, s) in sigs.iter().enumerate() {
        for j in index.query(s) {
            let j = j as usize;
            if j != i {
                pairs.insert((i.min(j), i.max(j)));
            }
        }
    }
    eprintln!(
        "{scheme:?}: shingles {t_sh:.3}s, signatures {:.3}s, index+query {:.3}s",
        t_sig - t_sh,
        t.elapsed().as_secs_f64() - t_sig
    );
    (pairs, t.elapsed().as_secs_f64(), params)
}

fn run_peer(texts: &[String], opts: &Options) -> Result<Peer> {
    let dir = std::env::temp_dir().join(format!("minhash-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let input = dir.join("texts.jsonl");
    let output = dir.join("peer.json");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&input)?);
    for t in texts {
        writeln!(f, "{}", serde_json::to_string(t)?)?;
    }
    f.flush()?;
    drop(f);
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("peer/datasketch_bench.py");
    let status = Command::new(&opts.python)
        .arg(&script)
        .arg(&input)
        .arg(opts.num_perm.to_string())
        .arg(opts.threshold.to_string())
        .arg(SHINGLE.to_string())
        .arg(&output)
        .status()
        .with_context(|| format!("running {}", opts.python))?;
    if !status.success() {
        bail!("datasketch_bench.py failed: {status}");
    }
    let peer: Peer = serde_json::from_str(&std::fs::read_to_string(&output)?)?;
    std::fs::remove_dir_all(&dir).ok();
    Ok(peer)
}

fn print_row(
    name: &str,
    p: LshParams,
    secs: f64,
    rate: f64,
    pairs: &BTreeSet<(usize, usize)>,
    truth: &BTreeSet<(usize, usize)>,
) {
    let hit = pairs.intersection(truth).count();
    let recall = hit as f64 / truth.len().max(1) as f64;
    let precision = hit as f64 / pairs.len().max(1) as f64;
    println!(
        "| {name} | {} × {} | {secs:.2} | {rate:.0} | {} | {recall:.3} | {precision:.3} |",
        p.bands,
        p.rows,
        pairs.len()
    );
}
