// Shared by the fuzz targets: read bytes as a file of the given name, analyse everything
// read, and check every span of the result.

use triangulate::dossier::provenance;
use triangulate::ingest;

pub fn read_and_check(name: &str, data: &[u8]) {
    let ingested = ingest::read_named(name, name, data, &ingest::ReadOptions::default());
    let inputs = ingested
        .docs
        .iter()
        .map(|d| (d.id.clone(), d.input.clone()))
        .collect();
    let analysis = triangulate::analyze(&ingested.docs, ingested.diagnostics);
    assert_eq!(provenance::check(&analysis), Vec::<String>::new());
    assert_eq!(
        provenance::check_input_map(&analysis, &inputs),
        Vec::<String>::new()
    );
}

/// libfuzzer-sys installs a panic hook that aborts on every panic, even one the code under
/// test catches on purpose (the HTML extractor catches rs-trafilatura's panics and falls
/// back). Restoring the default hook keeps caught panics caught; an uncaught one still
/// reaches libfuzzer-sys's `catch_unwind`, which aborts: a finding.
pub fn keep_caught_panics_caught() {
    let _ = std::panic::take_hook();
}
