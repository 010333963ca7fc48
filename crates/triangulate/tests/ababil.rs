//! Acceptance on real coverage: five reports of one event (Iran's drone factory in
//! Tajikistan, May 2022), pasted from web pages with their clutter. The assertions are the
//! properties a user checks, not answers written for these files.

mod common;

use triangulate::dossier::provenance;
use triangulate::reuse::ReuseKind;

#[test]
fn the_five_reports_form_one_story() {
    let (a, _) = common::analyze_dir(&common::ababil_corpus());
    assert_eq!(a.documents.len(), 5);
    assert_eq!(
        a.stories.len(),
        1,
        "stories: {:?}",
        a.stories.iter().map(|s| &s.documents).collect::<Vec<_>>()
    );
    assert_eq!(a.stories[0].documents.len(), 5);
}

#[test]
fn page_clutter_is_not_in_the_clean_text_and_is_kept_with_a_reason() {
    let (a, _) = common::analyze_dir(&common::ababil_corpus());
    let clutter = [
        "Comment:",
        "Leave a Comment",
        "3 + 13 =",
        "Read  Unique",
        "Read  WATCH",
        "licensed under a Creative Commons",
        "News ID:",
        "Publish Date",
    ];
    for d in &a.documents {
        for c in clutter {
            assert!(!d.text.contains(c), "{} still contains {c:?}", d.id);
        }
        assert!(
            !d.text.trim_end().ends_with('>'),
            "{} ends with stray markup",
            d.id
        );
    }
    let dropped: usize = a.documents.iter().map(|d| d.dropped.len()).sum();
    assert!(dropped >= 10, "only {dropped} segments dropped");
}

#[test]
fn real_paragraphs_are_kept_whole() {
    let (a, _) = common::analyze_dir(&common::ababil_corpus());
    for d in &a.documents {
        assert!(
            d.paragraphs.len() >= 5,
            "{} has {} paragraphs",
            d.id,
            d.paragraphs.len()
        );
        for p in &d.paragraphs {
            let text = p.text.slice(&d.text);
            assert!(!text.contains("\n\n"));
        }
    }
    // The file pasted as one line, paragraphs joined by spaces, comes out as paragraphs.
    let one_line = a
        .documents
        .iter()
        .find(|d| d.id.starts_with("001"))
        .unwrap();
    assert!(one_line.paragraphs.len() >= 5);
    assert_eq!(one_line.outlet.as_deref(), Some("Mehr News Agency"));
}

#[test]
fn metadata_stated_in_the_text_is_read() {
    let (a, _) = common::analyze_dir(&common::ababil_corpus());
    let by_prefix = |p: &str| a.documents.iter().find(|d| d.id.starts_with(p)).unwrap();
    assert_eq!(
        by_prefix("000").published.as_deref(),
        Some("2022-05-17T22:08:00")
    );
    assert_eq!(by_prefix("000").dateline.as_deref(), Some("TEHRAN"));
    assert_eq!(by_prefix("002").author.as_deref(), Some("Batya Jerenberg"));
    assert_eq!(
        by_prefix("002").outlet.as_deref(),
        Some("World Israel News")
    );
    assert_eq!(
        by_prefix("002").title.as_deref(),
        Some("Iran opens drone factory in Tajikistan")
    );
    assert_eq!(
        by_prefix("003").published.as_deref(),
        Some("2022-05-18T21:18:00")
    );
}

#[test]
fn the_copied_paragraphs_are_found_with_spans_in_both() {
    let (a, _) = common::analyze_dir(&common::ababil_corpus());
    let story = &a.stories[0];
    let copies: Vec<_> = story
        .reuse
        .iter()
        .filter(|p| p.kind == ReuseKind::Copy)
        .collect();
    assert_eq!(copies.len(), 1, "{:#?}", story.reuse);
    let pair = copies[0];
    assert!(
        pair.shared_words >= 120,
        "{} shared words",
        pair.shared_words
    );
    let doc = |id: &str| a.documents.iter().find(|d| d.id == id).unwrap();
    let (da, db) = (doc(&pair.documents[0]), doc(&pair.documents[1]));
    for p in &pair.passages {
        let (ta, tb) = (&da.text[p.a[0]..p.a[1]], &db.text[p.b[0]..p.b[1]]);
        let words = |s: &str| s.split_whitespace().count();
        assert!(words(ta) >= 12 && words(tb) >= 12);
    }
    // Two outlets quoting the same speaker are not copying.
    assert!(story
        .reuse
        .iter()
        .filter(|p| p.kind != ReuseKind::Copy)
        .all(|p| p.kind == ReuseKind::QuoteOnly || p.shared_words < 40));
}

#[test]
fn every_span_is_valid_and_maps_back_to_the_input() {
    let (a, inputs) = common::analyze_dir(&common::ababil_corpus());
    assert_eq!(provenance::check(&a), Vec::<String>::new());
    assert_eq!(
        provenance::check_input_map(&a, &inputs),
        Vec::<String>::new()
    );
}
