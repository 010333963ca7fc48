//! `extraction-bench [DATA_DIR] [options]`: scores article-body extractors on the public
//! article-extraction benchmark (181 pages) and prints F1, precision, recall and pages/s.
//!
//! DATA_DIR defaults to `../shared/bench/article-extraction` relative to the repository
//! root. All pages are decompressed into memory first; the timing covers, per extractor,
//! decoding the page bytes and extracting the body, on one thread, after one untimed pass.
//!
//! Options:
//!   --extractor NAME     triangulate (default body path: fast, full where lol_html
//!                        rejects the page) | triangulate-fast (fast path alone) | triangulate-full
//!                        (rs-trafilatura path alone) | rs-trafilatura | dom_smoothie
//!                        (repeatable; default: every one compiled in)
//!   --peer-json FILE     outputs of another tool in the ground-truth shape (`{key: {"articleBody"}}`
//!                        or `{"output": {...}, "seconds": S}`); scored with the same metric
//!   --peer-seconds S     that tool's extraction time (overrides `seconds` in the file)
//!   --peer-name NAME     its name in the table (default: the file stem)
//!   --repeat N           time each extractor over N passes (default 1)
//!   --dump DIR           write each extractor's outputs as DIR/<name>.json
//!   --worst N            list the N pages with the lowest F1 per extractor

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use serde_json::{json, Value};
use triangulate::extract::HtmlBody;
use triangulate_bench::metric::{score_page, summarize, PageScore, Summary};

/// The allocator the `triangulate` binary ships with, so that pages/s is what users get.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Page {
    key: String,
    bytes: Vec<u8>,
    truth: String,
}

struct Row {
    name: String,
    summary: Summary,
    pages_per_sec: Option<f64>,
}

const EXTRACTORS: &[&str] = &[
    "triangulate",
    "triangulate-fast",
    "triangulate-full",
    "rs-trafilatura",
    #[cfg(feature = "dom_smoothie")]
    "dom_smoothie",
];

fn main() -> Result<()> {
    let mut data: Option<PathBuf> = None;
    let mut extractors: Vec<String> = Vec::new();
    let mut peers: Vec<(PathBuf, Option<f64>, Option<String>)> = Vec::new();
    let mut repeat = 1usize;
    let mut dump: Option<PathBuf> = None;
    let mut worst = 0usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |what: &str| args.next().with_context(|| format!("{what} needs a value"));
        match a.as_str() {
            "--extractor" => extractors.push(value("--extractor")?),
            "--peer-json" => peers.push((value("--peer-json")?.into(), None, None)),
            "--peer-seconds" => {
                let s: f64 = value("--peer-seconds")?.parse()?;
                peers
                    .last_mut()
                    .context("--peer-seconds after --peer-json")?
                    .1 = Some(s);
            }
            "--peer-name" => {
                let n = value("--peer-name")?;
                peers.last_mut().context("--peer-name after --peer-json")?.2 = Some(n);
            }
            "--repeat" => repeat = value("--repeat")?.parse()?,
            "--dump" => dump = Some(value("--dump")?.into()),
            "--worst" => worst = value("--worst")?.parse()?,
            "-h" | "--help" => {
                println!("usage: extraction-bench [DATA_DIR] [--extractor NAME]... [--peer-json FILE [--peer-seconds S] [--peer-name NAME]]... [--repeat N] [--dump DIR] [--worst N]");
                return Ok(());
            }
            s if s.starts_with("--") => bail!("unknown option {s}"),
            _ => data = Some(a.into()),
        }
    }
    if extractors.is_empty() {
        extractors = EXTRACTORS.iter().map(|s| s.to_string()).collect();
    }
    let data = data.unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench/article-extraction")
    });
    let pages = load(&data)?;
    let truth: BTreeMap<&str, &str> = pages
        .iter()
        .map(|p| (p.key.as_str(), p.truth.as_str()))
        .collect();
    println!(
        "article-extraction benchmark: {} pages from {}",
        pages.len(),
        data.display()
    );

    let mut rows = Vec::new();
    for name in &extractors {
        let (outputs, secs) = run(name, &pages, repeat)?;
        let scores = score(&truth, &outputs);
        if worst > 0 {
            print_worst(name, &scores, worst);
        }
        if let Some(dir) = &dump {
            std::fs::create_dir_all(dir)?;
            let out: BTreeMap<_, _> = outputs
                .iter()
                .map(|(k, v)| (k.clone(), json!({ "articleBody": v })))
                .collect();
            let path = dir.join(format!("{name}.json"));
            std::fs::write(
                &path,
                serde_json::to_string_pretty(&json!({ "output": out, "seconds": secs }))?,
            )?;
        }
        rows.push(Row {
            name: name.clone(),
            summary: summarize(&scores.values().copied().collect::<Vec<_>>()),
            pages_per_sec: Some(pages.len() as f64 / secs),
        });
    }

    let mut peer_rows = Vec::new();
    for (path, seconds, name) in &peers {
        let (outputs, file_secs) = read_outputs(path)?;
        let scores = score(&truth, &outputs);
        if worst > 0 {
            print_worst(&path.display().to_string(), &scores, worst);
        }
        let secs = seconds.or(file_secs);
        let name = name.clone().unwrap_or_else(|| {
            path.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        });
        peer_rows.push(Row {
            name: format!("{name} (measured)"),
            summary: summarize(&scores.values().copied().collect::<Vec<_>>()),
            pages_per_sec: secs.map(|s| pages.len() as f64 / s),
        });
    }

    let mut published = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&data)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("peer-output-") && n.ends_with(".json"))
        })
        .collect();
    entries.sort();
    for path in entries {
        let (outputs, _) = read_outputs(&path)?;
        let scores = score(&truth, &outputs);
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        published.push(Row {
            name: format!(
                "{} (published output)",
                stem.trim_start_matches("peer-output-")
            ),
            summary: summarize(&scores.values().copied().collect::<Vec<_>>()),
            pages_per_sec: None,
        });
    }

    println!();
    println!(
        "{:<36} {:>7} {:>9} {:>7} {:>9}",
        "extractor", "F1", "precision", "recall", "pages/s"
    );
    for r in rows.iter().chain(&peer_rows).chain(&published) {
        println!(
            "{:<36} {:>7.4} {:>9.4} {:>7.4} {:>9}",
            r.name,
            r.summary.f1,
            r.summary.precision,
            r.summary.recall,
            r.pages_per_sec
                .map_or_else(|| "-".to_string(), |p| format!("{p:.1}"))
        );
    }
    for peer in peer_rows.iter().filter(|p| p.pages_per_sec.is_some()) {
        println!();
        for r in &rows {
            if let (Some(a), Some(b)) = (r.pages_per_sec, peer.pages_per_sec) {
                println!("speed {} / {}: {:.1}x", r.name, peer.name, a / b);
            }
        }
    }
    Ok(())
}

fn load(dir: &Path) -> Result<Vec<Page>> {
    let gt_path = dir.join("ground-truth.json");
    let gt: BTreeMap<String, Value> = serde_json::from_slice(
        &std::fs::read(&gt_path).with_context(|| format!("reading {}", gt_path.display()))?,
    )?;
    let mut pages = Vec::with_capacity(gt.len());
    for (key, v) in gt {
        let path = dir.join("html").join(format!("{key}.html.gz"));
        let gz = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(&gz[..]).read_to_end(&mut bytes)?;
        let truth = v["articleBody"].as_str().unwrap_or("").to_string();
        pages.push(Page { key, bytes, truth });
    }
    Ok(pages)
}

/// Runs one extractor over every page; returns the outputs and the seconds of one pass.
fn run(name: &str, pages: &[Page], repeat: usize) -> Result<(BTreeMap<String, String>, f64)> {
    let extract: fn(Vec<u8>) -> String = match name {
        "triangulate" => extract_triangulate,
        "triangulate-fast" => extract_triangulate_fast,
        "triangulate-full" => extract_triangulate_full,
        "rs-trafilatura" => extract_rs_trafilatura,
        #[cfg(feature = "dom_smoothie")]
        "dom_smoothie" => extract_dom_smoothie,
        _ => bail!("unknown extractor {name} (have: {})", EXTRACTORS.join(", ")),
    };
    // One untimed pass first, which gives the outputs: lazily built tables (compiled
    // regular expressions and their caches, language models) and the allocator's first
    // heap are start-up, not per-page work, and had weighed on whichever extractor ran
    // first. The Python peer is warmed up the same way.
    let outputs: BTreeMap<String, String> = pages
        .iter()
        .map(|p| (p.key.clone(), extract(p.bytes.clone())))
        .collect();
    let repeat = repeat.max(1);
    let mut seconds = 0.0;
    for _ in 0..repeat {
        // Each page is read from bytes the extractor owns, as a file just read is (and as
        // the Python peer's are): the copy is made before the clock starts.
        let inputs: Vec<Vec<u8>> = pages.iter().map(|p| p.bytes.clone()).collect();
        let start = Instant::now();
        for bytes in inputs {
            std::hint::black_box(extract(bytes));
        }
        seconds += start.elapsed().as_secs_f64();
    }
    Ok((outputs, seconds / repeat as f64))
}

fn decode(bytes: Vec<u8>) -> Option<triangulate::ingest::RawDoc> {
    triangulate::ingest::decode("page.html", "page.html", bytes)
        .ok()
        .map(|(doc, _)| doc)
}

fn extract_triangulate(bytes: Vec<u8>) -> String {
    extract_triangulate_with(bytes, HtmlBody::Auto)
}

fn extract_triangulate_fast(bytes: Vec<u8>) -> String {
    extract_triangulate_with(bytes, HtmlBody::Fast)
}

fn extract_triangulate_full(bytes: Vec<u8>) -> String {
    extract_triangulate_with(bytes, HtmlBody::Full)
}

fn extract_triangulate_with(bytes: Vec<u8>, body: HtmlBody) -> String {
    decode(bytes)
        .map(|doc| triangulate::extract::extract_with(&doc, body).text)
        .unwrap_or_default()
}

fn extract_rs_trafilatura(bytes: Vec<u8>) -> String {
    decode(bytes)
        .and_then(|doc| rs_trafilatura::extract(&doc.input).ok())
        .map(|r| r.content_text)
        .unwrap_or_default()
}

#[cfg(feature = "dom_smoothie")]
fn extract_dom_smoothie(bytes: Vec<u8>) -> String {
    decode(bytes)
        .and_then(|doc| {
            dom_smoothie::Readability::new(doc.input.as_str(), None, None)
                .ok()?
                .parse()
                .ok()
        })
        .map(|a| a.text_content.to_string())
        .unwrap_or_default()
}

fn score(
    truth: &BTreeMap<&str, &str>,
    outputs: &BTreeMap<String, String>,
) -> BTreeMap<String, PageScore> {
    truth
        .iter()
        .map(|(k, t)| {
            let pred = outputs.get(*k).map_or("", String::as_str);
            (k.to_string(), score_page(t, pred))
        })
        .collect()
}

fn print_worst(name: &str, scores: &BTreeMap<String, PageScore>, n: usize) {
    let mut v: Vec<_> = scores
        .iter()
        .map(|(k, s)| {
            let (p, r) = (s.precision(), s.recall());
            let f = if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            };
            (f, p, r, k)
        })
        .collect();
    v.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.3.cmp(b.3)));
    println!("worst pages for {name}:");
    for (f, p, r, k) in v.into_iter().take(n) {
        println!("  F1 {f:.3} P {p:.3} R {r:.3}  {k}");
    }
}

/// Reads outputs in the ground-truth shape, or `{"output": {...}, "seconds": S}`.
fn read_outputs(path: &Path) -> Result<(BTreeMap<String, String>, Option<f64>)> {
    let v: Value = serde_json::from_slice(
        &std::fs::read(path).with_context(|| format!("reading {}", path.display()))?,
    )?;
    let seconds = v.get("seconds").and_then(Value::as_f64);
    let map = v
        .get("output")
        .unwrap_or(&v)
        .as_object()
        .context("outputs must be a JSON object")?;
    let out = map
        .iter()
        .filter_map(|(k, e)| {
            let body = e.get("articleBody")?.as_str().unwrap_or("").to_string();
            Some((k.clone(), body))
        })
        .collect();
    Ok((out, seconds))
}
