//! The committed JSON Schema must say what the code writes.

mod common;

#[test]
fn committed_schema_matches_the_types() {
    let path = common::repo_root().join("schema/analysis.schema.json");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == triangulate::dossier::json_schema(),
        "{} is stale: regenerate it with `cargo run --bin triangulate -- schema > schema/analysis.schema.json`",
        path.display()
    );
}

#[test]
fn output_carries_the_schema_version() {
    let (a, _) = common::analyze_dir(&common::demo_corpus());
    let v: serde_json::Value = serde_json::from_str(&triangulate::render::to_json(&a)).unwrap();
    assert_eq!(v["schema_version"], triangulate::dossier::SCHEMA_VERSION);
    for key in ["documents", "stories", "diagnostics"] {
        assert!(v[key].is_array(), "{key} missing");
    }
    for key in [
        "id",
        "documents",
        "entities",
        "quotes",
        "reuse",
        "citations",
        "claims",
        "timeline",
    ] {
        assert!(!v["stories"][0][key].is_null(), "story.{key} missing");
    }
}
