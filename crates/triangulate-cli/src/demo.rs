//! `triangulate demo`: the bundled fictional corpus (see `demo/README.md`), written out and
//! analysed like any other input.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

/// The demo corpus, compiled into the binary so the demo runs from any directory.
const CORPUS: &[(&str, &str)] = &[
    (
        "main-01-karavan-daily.txt",
        include_str!("../../../demo/corpus/main-01-karavan-daily.txt"),
    ),
    (
        "main-02-tarvania-today.txt",
        include_str!("../../../demo/corpus/main-02-tarvania-today.txt"),
    ),
    (
        "main-03-northport-herald.html",
        include_str!("../../../demo/corpus/main-03-northport-herald.html"),
    ),
    (
        "main-04-durnak-courier.txt",
        include_str!("../../../demo/corpus/main-04-durnak-courier.txt"),
    ),
    (
        "main-05-free-durnak-voice.txt",
        include_str!("../../../demo/corpus/main-05-free-durnak-voice.txt"),
    ),
    (
        "main-06-meridian-ledger.html",
        include_str!("../../../demo/corpus/main-06-meridian-ledger.html"),
    ),
    (
        "main-07-lantern-post.txt",
        include_str!("../../../demo/corpus/main-07-lantern-post.txt"),
    ),
    (
        "other-01-sundmere-sport.txt",
        include_str!("../../../demo/corpus/other-01-sundmere-sport.txt"),
    ),
    (
        "other-02-coastline-gazette.txt",
        include_str!("../../../demo/corpus/other-02-coastline-gazette.txt"),
    ),
];

/// Writes the corpus to `<out>/corpus`, analyses it, writes `<out>/dossier.json`,
/// `<out>/dossier.md` and the HTML dossier in `<out>/html`, and prints a summary.
pub fn run(out: &Path) -> Result<ExitCode> {
    let corpus = out.join("corpus");
    std::fs::create_dir_all(&corpus)
        .with_context(|| format!("cannot create {}", corpus.display()))?;
    for (name, text) in CORPUS {
        let path = corpus.join(name);
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    let outputs = crate::Outputs {
        json: Some(out.join("dossier.json")),
        md: Some(out.join("dossier.md")),
        html: Some(out.join("html")),
        ..Default::default()
    };
    let ingested = triangulate::ingest::read_paths(
        std::slice::from_ref(&corpus),
        &triangulate::ingest::ReadOptions::default(),
    );
    let progress = crate::progress::Progress::start(true);
    let code = crate::analyze(ingested, &outputs, false, true, &progress)?;
    let json = out.join("dossier.json");
    let analysis: triangulate::Analysis = serde_json::from_str(
        &std::fs::read_to_string(&json)
            .with_context(|| format!("cannot read {}", json.display()))?,
    )?;
    println!("{}", crate::summary(&analysis));
    println!(
        "\ncorpus:   {}\nJSON:     {}\nMarkdown: {}\nHTML:     {}",
        corpus.display(),
        json.display(),
        out.join("dossier.md").display(),
        out.join("html").join("index.html").display()
    );
    Ok(code)
}
