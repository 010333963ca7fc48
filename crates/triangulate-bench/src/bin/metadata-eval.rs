//! `metadata-eval [options]`: scores article metadata (title, authors, publication date)
//! against the hand-checked gold in `data/metadata-gold.json` (61 pages of the
//! article-extraction benchmark, 20 held-out pages labelled after the rules were written,
//! 5 plain-text seed files), for triangulate and, with
//! `--peer-json`, another tool's outputs on the same pages.
//!
//! Matching:
//! - title: *exact* after folding white space, quotes (‘’“”«» → ' "), dashes and case;
//!   *F1≥0.9*: word-token F1 of the two titles ≥ 0.9. Scored on pages with a gold title.
//! - date: the same calendar day (the first 10 characters of the ISO value); also within
//!   one day (a UTC timestamp against a local date). Scored on pages with a gold date;
//!   "stated, none in gold" counts pages where a date was output but the gold has none.
//! - authors: the set of names equal after folding case, dots and white space (pages with
//!   no author in the gold count: the output must be empty too); and per-author
//!   precision/recall/F1 over all names (micro).
//!
//! Options:
//!   --gold FILE        gold file (default: data/metadata-gold.json of this crate)
//!   --shared DIR       the shared data directory (default: ../shared beside the repository)
//!   --peer-json FILE   `{key: {"title", "authors": [..], "date"}}` of another tool (pages
//!                      it has no entry for count as empty output)
//!   --peer-name NAME   its name in the table (default: the file stem)
//!   --errors           list every miss of triangulate

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
struct Gold {
    pages: Vec<GoldDoc>,
    /// Pages labelled after the extractor's rules were written: not looked at while writing
    /// them.
    #[serde(default)]
    heldout: Vec<GoldDoc>,
    seeds: Vec<GoldDoc>,
}

#[derive(Deserialize, Clone)]
struct GoldDoc {
    key: String,
    input: String,
    title: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
}

/// One tool's metadata for one document.
#[derive(Default, Clone, Debug)]
struct Output {
    title: Option<String>,
    authors: Vec<String>,
    date: Option<String>,
    /// Where triangulate read each value (for `--errors`).
    sources: String,
}

#[derive(Default)]
struct Tally {
    titles: usize,
    title_exact: usize,
    title_f1: usize,
    dates: usize,
    date_same: usize,
    date_near: usize,
    date_without_gold: usize,
    docs: usize,
    author_sets: usize,
    author_tp: usize,
    author_out: usize,
    author_gold: usize,
}

fn main() -> Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut gold_path = root.join("data/metadata-gold.json");
    let mut shared = root.join("../../../shared");
    let mut peer: Option<PathBuf> = None;
    let mut peer_name: Option<String> = None;
    let mut errors = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |what: &str| args.next().with_context(|| format!("{what} needs a value"));
        match a.as_str() {
            "--gold" => gold_path = value("--gold")?.into(),
            "--shared" => shared = value("--shared")?.into(),
            "--peer-json" => peer = Some(value("--peer-json")?.into()),
            "--peer-name" => peer_name = Some(value("--peer-name")?),
            "--errors" => errors = true,
            other => anyhow::bail!("unknown argument {other:?}"),
        }
    }
    let gold: Gold = serde_json::from_str(
        &std::fs::read_to_string(&gold_path).with_context(|| format!("{}", gold_path.display()))?,
    )?;
    let mut rows: Vec<(String, &str, Tally)> = Vec::new();
    for (subset, docs, base) in [
        (
            "benchmark pages",
            &gold.pages,
            shared.join("bench/article-extraction"),
        ),
        (
            "held-out pages",
            &gold.heldout,
            shared.join("bench/article-extraction"),
        ),
        ("seed files", &gold.seeds, shared.clone()),
    ] {
        let outputs: Vec<Output> = docs
            .iter()
            .map(|d| triangulate_output(&base.join(&d.input)))
            .collect::<Result<_>>()?;
        rows.push(("triangulate".into(), subset, tally(docs, &outputs)));
        if errors {
            print_errors(subset, docs, &outputs);
        }
        if let Some(path) = &peer {
            let name = peer_name.clone().unwrap_or_else(|| {
                path.file_stem()
                    .map_or("peer".into(), |s| s.to_string_lossy().into_owned())
            });
            // A tool that gave nothing for a subset (trafilatura reads no plain text) gets
            // no row there rather than zeros.
            if let Some(peer_outputs) = read_peer(path, docs)? {
                rows.push((name, subset, tally(docs, &peer_outputs)));
            }
        }
    }
    print_table(&rows);
    Ok(())
}

fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let raw = std::fs::read(path).with_context(|| format!("{}", path.display()))?;
    if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut out)?;
        return Ok(out);
    }
    Ok(raw)
}

fn triangulate_output(path: &Path) -> Result<Output> {
    let bytes = read_bytes(path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().trim_end_matches(".gz").to_string())
        .unwrap_or_default();
    let (doc, _) = triangulate::ingest::decode(&name, &name, &bytes)
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let a = triangulate::extract::extract(&doc);
    let from = |f: &Option<triangulate::extract::Field>| {
        f.as_ref().map_or("-", |f| f.from.as_str()).to_string()
    };
    let sources = format!(
        "title from {}, authors from {}, date from {}",
        from(&a.title),
        from(&a.author),
        from(&a.published)
    );
    Ok(Output {
        sources,
        title: a.title.map(|f| f.value),
        authors: a.authors.into_iter().map(|f| f.value).collect(),
        date: a.published.map(|f| f.value),
    })
}

fn read_peer(path: &Path, docs: &[GoldDoc]) -> Result<Option<Vec<Output>>> {
    let v: BTreeMap<String, Value> = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    if !docs.iter().any(|d| v.contains_key(&d.key)) {
        return Ok(None);
    }
    Ok(Some(
        docs.iter()
            .map(|d| {
                let Some(o) = v.get(&d.key) else {
                    return Output::default();
                };
                let s = |k: &str| o.get(k).and_then(Value::as_str).map(str::to_string);
                Output {
                    title: s("title"),
                    authors: o
                        .get("authors")
                        .and_then(Value::as_array)
                        .map(|a| {
                            a.iter()
                                .filter_map(|x| x.as_str().map(str::to_string))
                                .collect()
                        })
                        .unwrap_or_default(),
                    date: s("date"),
                    sources: String::new(),
                }
            })
            .collect(),
    ))
}

/// White space folded, typographic quotes and dashes made plain, lower case.
fn norm_title(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '‘' | '’' | '‚' | '‛' | '`' | '´' => '\'',
            '“' | '”' | '„' | '«' | '»' => '"',
            '–' | '—' | '‒' => '-',
            c => c,
        })
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Multiset token F1.
fn token_f1(a: &str, b: &str) -> f64 {
    let (a, mut b) = (tokens(a), tokens(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (na, nb) = (a.len() as f64, b.len() as f64);
    let mut common = 0.0;
    for t in &a {
        if let Some(i) = b.iter().position(|x| x == t) {
            b.swap_remove(i);
            common += 1.0;
        }
    }
    if common == 0.0 {
        return 0.0;
    }
    let (p, r) = (common / na, common / nb);
    2.0 * p * r / (p + r)
}

/// "Bruce Y. Lee" = "bruce y lee".
fn norm_name(s: &str) -> String {
    s.chars()
        .map(|c| if c == '.' { ' ' } else { c })
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn day(s: &str) -> Option<jiff::civil::Date> {
    s.get(..10)?.parse().ok()
}

fn tally(docs: &[GoldDoc], outs: &[Output]) -> Tally {
    let mut t = Tally::default();
    for (g, o) in docs.iter().zip(outs) {
        t.docs += 1;
        if let Some(gt) = &g.title {
            t.titles += 1;
            let ot = o.title.as_deref().unwrap_or("");
            t.title_exact += usize::from(norm_title(gt) == norm_title(ot));
            t.title_f1 += usize::from(token_f1(gt, ot) >= 0.9);
        }
        match (&g.published, o.date.as_deref().and_then(day)) {
            (Some(gd), od) => {
                t.dates += 1;
                let gd = day(gd).expect("gold dates are ISO");
                t.date_same += usize::from(od == Some(gd));
                let near = od.is_some_and(|d| (d - gd).get_days().abs() <= 1);
                t.date_near += usize::from(near);
            }
            (None, Some(_)) => t.date_without_gold += 1,
            (None, None) => {}
        }
        let gold: std::collections::BTreeSet<String> =
            g.authors.iter().map(|a| norm_name(a)).collect();
        let out: std::collections::BTreeSet<String> =
            o.authors.iter().map(|a| norm_name(a)).collect();
        t.author_sets += usize::from(gold == out);
        t.author_tp += gold.intersection(&out).count();
        t.author_out += out.len();
        t.author_gold += gold.len();
    }
    t
}

fn pct(n: usize, d: usize) -> String {
    if d == 0 {
        "–".into()
    } else {
        format!("{:.3}", n as f64 / d as f64)
    }
}

fn print_table(rows: &[(String, &str, Tally)]) {
    println!("| tool | documents | title exact | title F1≥0.9 | date same day | date ±1 day | date stated, none in gold | author sets equal | author P | author R | author F1 |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    for (name, subset, t) in rows {
        let p = t.author_tp as f64 / t.author_out.max(1) as f64;
        let r = t.author_tp as f64 / t.author_gold.max(1) as f64;
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        println!(
            "| {name} | {subset} ({}) | {} ({}/{}) | {} | {} ({}/{}) | {} | {} | {} ({}/{}) | {:.3} | {:.3} | {:.3} |",
            t.docs,
            pct(t.title_exact, t.titles),
            t.title_exact,
            t.titles,
            pct(t.title_f1, t.titles),
            pct(t.date_same, t.dates),
            t.date_same,
            t.dates,
            pct(t.date_near, t.dates),
            t.date_without_gold,
            pct(t.author_sets, t.docs),
            t.author_sets,
            t.docs,
            p,
            r,
            f1
        );
    }
}

fn print_errors(subset: &str, docs: &[GoldDoc], outs: &[Output]) {
    println!("## triangulate misses on {subset}");
    for (g, o) in docs.iter().zip(outs) {
        let key = g.key.get(..12).unwrap_or(&g.key);
        let mut misses = Vec::new();
        if let Some(gt) = &g.title {
            if norm_title(gt) != norm_title(o.title.as_deref().unwrap_or("")) {
                misses.push(format!("title: gold {gt:?} got {:?}", o.title));
            }
        }
        let gd = g.published.as_deref().and_then(day);
        if gd != o.date.as_deref().and_then(day) {
            misses.push(format!("date: gold {:?} got {:?}", g.published, o.date));
        }
        let mut gold: Vec<String> = g.authors.iter().map(|a| norm_name(a)).collect();
        gold.sort();
        let mut out: Vec<String> = o.authors.iter().map(|a| norm_name(a)).collect();
        out.sort();
        out.dedup();
        if gold != out {
            misses.push(format!("authors: gold {:?} got {:?}", g.authors, o.authors));
        }
        if !misses.is_empty() {
            println!("{key} ({})", o.sources);
            for m in misses {
                println!("    {m}");
            }
        }
    }
    println!();
}
