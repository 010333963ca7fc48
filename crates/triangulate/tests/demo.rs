//! The bundled fictional demo corpus (`demo/README.md` lists its ground truth): seven
//! outlets covering a dam collapse, and two covering an unrelated cup final.

mod common;

use serde_json::json;
use triangulate::dossier::provenance;
use triangulate::render;
use triangulate::reuse::ReuseKind;

#[test]
fn unrelated_events_come_out_as_separate_stories() {
    let (a, _) = common::analyze_dir(&common::demo_corpus());
    let groups: Vec<Vec<&str>> = a
        .stories
        .iter()
        .map(|s| s.documents.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(groups.len(), 2, "{groups:?}");
    assert!(groups[0].iter().all(|d| d.starts_with("main-")) && groups[0].len() == 7);
    assert!(groups[1].iter().all(|d| d.starts_with("other-")) && groups[1].len() == 2);
}

#[test]
fn the_reprint_is_found_and_dated() {
    let (a, _) = common::analyze_dir(&common::demo_corpus());
    let copies: Vec<_> = a.stories[0]
        .reuse
        .iter()
        .filter(|p| p.kind == ReuseKind::Copy)
        .collect();
    assert_eq!(copies.len(), 1, "{:#?}", a.stories[0].reuse);
    assert_eq!(
        copies[0].documents,
        ["main-01-karavan-daily", "main-02-tarvania-today"]
    );
    assert_eq!(copies[0].source.as_deref(), Some("main-01-karavan-daily"));
    assert!(a.stories[0].copy_families.contains(&vec![
        "main-01-karavan-daily".to_string(),
        "main-02-tarvania-today".to_string()
    ]));
}

#[test]
fn html_page_furniture_is_not_in_the_clean_text() {
    let (a, _) = common::analyze_dir(&common::demo_corpus());
    for d in a.documents.iter().filter(|d| d.origin.ends_with(".html")) {
        for furniture in [
            "cookies",
            "Most read",
            "All rights reserved",
            "Privacy policy",
        ] {
            assert!(
                !d.text.contains(furniture),
                "{}: {furniture:?} in text",
                d.id
            );
        }
        assert!(
            d.paragraphs.len() >= 6,
            "{}: {} paragraphs",
            d.id,
            d.paragraphs.len()
        );
        assert!(d.outlet.is_some() && d.published.is_some() && d.author.is_some());
    }
}

#[test]
fn every_span_is_valid_and_maps_back_to_the_input() {
    let (a, inputs) = common::analyze_dir(&common::demo_corpus());
    assert_eq!(provenance::check(&a), Vec::<String>::new());
    assert_eq!(
        provenance::check_input_map(&a, &inputs),
        Vec::<String>::new()
    );
}

#[test]
fn the_same_input_gives_byte_identical_output() {
    let (a, _) = common::analyze_dir(&common::demo_corpus());
    let (b, _) = common::analyze_dir(&common::demo_corpus());
    assert_eq!(render::to_json(&a), render::to_json(&b));
    assert_eq!(render::to_markdown(&a), render::to_markdown(&b));
}

// Snapshots, one per stage: what each stage makes of the demo corpus.

#[test]
fn snapshot_extract() {
    let (a, _) = common::analyze_dir(&common::demo_corpus());
    let docs: Vec<_> = a
        .documents
        .iter()
        .map(|d| {
            json!({
                "id": d.id, "outlet": d.outlet, "author": d.author, "title": d.title,
                "published": d.published, "dateline": d.dateline, "agency": d.agency,
                "language": d.language, "paragraphs": d.paragraphs.len(),
                "first_paragraph": d.paragraphs.first().map(|p| p.text.slice(&d.text)),
                "dropped": d.dropped.iter().map(|x| format!("{:?}: {}", x.reason, x.text)).collect::<Vec<_>>(),
            })
        })
        .collect();
    insta::assert_json_snapshot!("extract", docs);
}

#[test]
fn snapshot_reuse_and_stories() {
    let (a, _) = common::analyze_dir(&common::demo_corpus());
    let text = |id: &str, r: [usize; 2]| {
        a.documents
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.text[r[0]..r[1]].to_string())
    };
    let stories: Vec<_> = a
        .stories
        .iter()
        .map(|s| {
            json!({
                "id": s.id, "title": s.title, "documents": s.documents, "copy_families": s.copy_families,
                "reuse": s.reuse.iter().map(|p| json!({
                    "documents": p.documents, "kind": p.kind, "source": p.source,
                    "shared_words": p.shared_words,
                    "passages": p.passages.iter().map(|x| json!({
                        "a": text(&p.documents[0], x.a), "similarity": x.similarity
                    })).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    insta::assert_json_snapshot!("reuse_and_stories", stories);
}
