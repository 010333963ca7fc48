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
    assert_eq!(provenance::check_input_map(&analysis, &inputs), Vec::<String>::new());
}
