use std::path::PathBuf;

use super::*;
use crate::extract::extract;
use crate::ingest::{read_paths, Format, RawDoc};
use crate::reuse::find_reuse;

fn demo_docs() -> Vec<Doc> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../demo/corpus");
    let ingested = read_paths(&[dir], &Default::default());
    assert_eq!(ingested.docs.len(), 9, "the demo corpus has nine articles");
    ingested.docs.iter().map(|r| Doc::new(extract(r))).collect()
}

fn ids(docs: &[&Doc], groups: &[Vec<usize>]) -> Vec<Vec<String>> {
    groups
        .iter()
        .map(|g| g.iter().map(|&i| docs[i].id().to_string()).collect())
        .collect()
}

#[test]
fn streaming_the_demo_corpus_gives_the_two_stories_of_the_batch_path() {
    let docs = demo_docs();
    let refs: Vec<&Doc> = docs.iter().collect();
    let reuse = find_reuse(&refs);
    let batch = super::super::group(&refs, &reuse);
    let streamed = group_streaming(&refs, &reuse, &StreamParams::default());
    assert_eq!(ids(&refs, &streamed), ids(&refs, &batch));
    assert_eq!(streamed.len(), 2, "{:?}", ids(&refs, &streamed));
    assert_eq!(streamed[0].len(), 7);
    // Without the copy links, text similarity alone keeps the two stories apart too.
    let alone = group_streaming(&refs, &[], &StreamParams::default());
    assert_eq!(ids(&refs, &alone), ids(&refs, &batch));
}

#[test]
fn a_story_closes_after_its_window() {
    let docs = demo_docs();
    let dam: Vec<&Doc> = docs.iter().filter(|d| d.id().contains("main-0")).collect();
    let day = 24 * 3600;
    let params = StreamParams {
        window_secs: 2 * day,
        ..StreamParams::default()
    };
    let mut c = StreamClusterer::new(params);
    let first = c.push(dam[0], Some(0));
    assert_eq!(c.push(dam[1], Some(3600)), first);
    // Ten days later the story is closed: the same event's report starts a new story.
    let late = c.push(dam[3], Some(10 * day));
    assert_ne!(late, first);
    assert_eq!(c.story_count(), 2);
    assert_eq!(c.assignments(), vec![first, first, late]);
}

#[test]
fn unrelated_texts_start_their_own_stories_and_empty_text_does_not_panic() {
    let text = |id: &str, t: &str| Doc::new(extract(&RawDoc::new(id, Format::Text, t)));
    let a = text(
        "a",
        "Rescue teams searched the flooded villages below the Karavan dam on Tuesday.",
    );
    let b = text(
        "b",
        "The cup final ended two goals to one after extra time in Sundmere.",
    );
    let empty = text("e", "");
    let mut c = StreamClusterer::new(StreamParams::default());
    let sa = c.push(&a, None);
    let sb = c.push(&b, None);
    let se = c.push(&empty, None);
    assert!(sa != sb && se != sa && se != sb);
}

#[test]
fn publication_times_are_read_from_iso_dates() {
    assert_eq!(parse_time("1970-01-02"), Some(86_400));
    assert_eq!(parse_time("1970-01-01T01:00:00"), Some(3_600));
    assert_eq!(parse_time("1970-01-01T01:00:00+01:00"), Some(0));
    assert_eq!(parse_time("not a date"), None);
}

/// An ababil-2022 report, read as the pipeline reads a text file.
fn ababil(name: &str, text: &str) -> Doc {
    Doc::new(extract(&RawDoc::new(name, Format::Text, text)))
}

fn ababil_text(file: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/ababil-2022")
        .join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every word that starts with a capital gets `suffix`: the same words, other names.
fn renamed(text: &str, suffix: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut in_name = false;
    for c in text.chars() {
        if in_name && !c.is_alphabetic() {
            out.push_str(suffix);
            in_name = false;
        } else if !in_name && c.is_uppercase() && !out.ends_with(char::is_alphabetic) {
            in_name = true;
        }
        out.push(c);
    }
    if in_name {
        out.push_str(suffix);
    }
    out
}

#[test]
fn the_same_words_with_other_names_are_another_event() {
    let first = ababil("000", &ababil_text("000_65067830c8bf5424.txt"));
    let other_outlet = ababil("002", &ababil_text("002_4d44926534e74c98.txt"));
    let template = ababil(
        "000-renamed",
        &renamed(&ababil_text("000_65067830c8bf5424.txt"), "qv"),
    );
    assert!(template
        .text()
        .contains("Tajikistanqv’s capital Dushanbeqv"));
    let mut c = StreamClusterer::new(StreamParams::default());
    let story = c.push(&first, Some(0));
    // Word for word the first report, but no name in common: not the same event.
    assert_ne!(c.push(&template, Some(600)), story);
    // Another outlet's own report of the event, sharing names: the same story.
    assert_eq!(c.push(&other_outlet, Some(1200)), story);
}

#[test]
fn without_names_in_common_words_alone_still_join_when_either_side_has_no_names() {
    let lower = |t: &str| t.to_lowercase();
    let first = ababil("000", &lower(&ababil_text("000_65067830c8bf5424.txt")));
    let second = ababil("002", &lower(&ababil_text("002_4d44926534e74c98.txt")));
    let mut c = StreamClusterer::new(StreamParams::default());
    let story = c.push(&first, Some(0));
    assert_eq!(c.push(&second, Some(600)), story);
}
