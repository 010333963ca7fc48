//! The SQLite store: an analysis written and read back is equal to it, on the demo corpus and
//! the real ababil corpus; rewriting replaces; bad files are errors, never panics.

mod common;

use triangulate::store::{Store, StoreError};
use triangulate::Analysis;

fn demo() -> Analysis {
    common::analyze_dir(&common::demo_corpus()).0
}

#[test]
fn an_analysis_written_to_a_file_reads_back_equal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("analysis.db");
    for a in [demo(), common::analyze_dir(&common::ababil_corpus()).0] {
        Store::open(&path).unwrap().write(&a).unwrap();
        // A fresh connection: nothing comes from memory.
        let back = Store::open(&path).unwrap().read().unwrap();
        assert_eq!(back, a);
        assert_eq!(
            triangulate::render::to_json(&back),
            triangulate::render::to_json(&a)
        );
    }
}

#[test]
fn rewriting_replaces_and_single_items_read_by_id() {
    let mut store = Store::in_memory().unwrap();
    let a = demo();
    let mut smaller = a.clone();
    smaller.stories.truncate(1);
    smaller.documents.truncate(2);
    store.write(&a).unwrap();
    store.write(&smaller).unwrap();
    assert_eq!(store.read().unwrap(), smaller);
    assert_eq!(store.story("s1").unwrap().as_ref(), smaller.stories.first());
    assert_eq!(store.story("s2").unwrap(), None);
    let id = &smaller.documents[1].id;
    assert_eq!(
        store.document(id).unwrap().as_ref(),
        Some(&smaller.documents[1])
    );
    assert_eq!(store.document("no-such-id").unwrap(), None);
}

#[test]
fn an_empty_or_foreign_file_is_an_error() {
    assert!(matches!(
        Store::in_memory().unwrap().read(),
        Err(StoreError::Empty)
    ));
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(
        &text,
        "this is not a database, just text long enough to look like one ".repeat(20),
    )
    .unwrap();
    let err = Store::open(&text).and_then(|s| s.read()).err().unwrap();
    assert!(matches!(err, StoreError::Sqlite(_)), "{err}");
}

#[test]
fn a_file_written_with_another_contract_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    Store::open(&path).unwrap().write(&demo()).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE meta SET value = '0.0.1' WHERE key = 'schema_version'",
        [],
    )
    .unwrap();
    drop(conn);
    let err = Store::open(&path).unwrap().read().unwrap_err();
    assert!(matches!(err, StoreError::Version { .. }), "{err}");
    assert!(err.to_string().contains("0.0.1"), "{err}");
}
