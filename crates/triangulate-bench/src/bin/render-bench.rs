//! `render-bench [PATH]... [--repeat N]`: times each renderer on one analysis.
//!
//! PATH defaults to `../shared/bench/article-extraction/html` (181 real news pages) relative to
//! the repository root. The inputs are read and analysed once, untimed; then each renderer
//! (JSON, Markdown, HTML, CSV, GraphML) renders the same analysis N times (default 5) on one
//! thread, and the mean time and output size are printed. Rendering is presentation only, so
//! it should stay a small fraction of the analysis time, which is printed for scale.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use triangulate::{ingest, render, Analysis};

fn main() -> Result<()> {
    let mut paths = Vec::new();
    let mut repeat = 5usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--repeat" => repeat = args.next().context("--repeat N")?.parse()?,
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    if paths.is_empty() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
        paths.push(root.join("../shared/bench/article-extraction/html"));
    }
    let ingested = ingest::read_paths(&paths, &Default::default());
    if ingested.docs.is_empty() {
        bail!("no articles in {paths:?}");
    }
    let start = Instant::now();
    let analysis = triangulate::analyze(&ingested.docs, ingested.diagnostics);
    let analyse_ms = start.elapsed().as_secs_f64() * 1e3;
    println!(
        "{} articles, {} stories; analysis {analyse_ms:.0} ms (once)\n",
        analysis.documents.len(),
        analysis.stories.len()
    );
    println!("| output | files | bytes | ms per render (mean of {repeat}) |\n|---|---:|---:|---:|");
    type Renderer = fn(&Analysis) -> Vec<(String, String)>;
    let renderers: [(&str, Renderer); 5] = [
        ("JSON", |a| vec![(String::new(), render::to_json(a))]),
        ("Markdown", |a| {
            vec![(String::new(), render::to_markdown(a))]
        }),
        ("HTML", render::to_html),
        ("CSV", render::to_csv),
        ("GraphML", |a| vec![(String::new(), render::to_graphml(a))]),
    ];
    for (name, f) in renderers {
        let start = Instant::now();
        let mut files = Vec::new();
        for _ in 0..repeat.max(1) {
            files = std::hint::black_box(f(&analysis));
        }
        let ms = start.elapsed().as_secs_f64() * 1e3 / repeat.max(1) as f64;
        let bytes: usize = files.iter().map(|(_, c)| c.len()).sum();
        println!("| {name} | {} | {bytes} | {ms:.1} |", files.len());
    }
    Ok(())
}
