//! Shared helpers for the integration tests: where the corpora are, and running the
//! pipeline over a directory as the CLI does.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::PathBuf;

use triangulate::ingest;
use triangulate::Analysis;

/// The repository root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The bundled fictional demo corpus.
pub fn demo_corpus() -> PathBuf {
    repo_root().join("demo/corpus")
}

/// The real five-article corpus in `../shared` beside the checkout. Fails loudly when it is
/// missing: these tests must not pass by finding nothing.
pub fn ababil_corpus() -> PathBuf {
    let dir = repo_root().join("../shared/corpus/ababil-2022");
    assert!(
        dir.is_dir(),
        "{} is missing: clone the repository with ../shared beside it",
        dir.display()
    );
    dir
}

/// Reads and analyses a directory; returns the analysis and each document's decoded input.
pub fn analyze_dir(dir: &PathBuf) -> (Analysis, HashMap<String, String>) {
    let ingested = ingest::read_paths(std::slice::from_ref(dir), &Default::default());
    let inputs = ingested
        .docs
        .iter()
        .map(|d| (d.id.clone(), d.input.clone()))
        .collect();
    let analysis = triangulate::analyze(&ingested.docs, ingested.diagnostics);
    (analysis, inputs)
}
