//! Sentence embeddings on real renderings: three translations of one statement (the demo
//! corpus's Q1) and five of the Ababil general's remark lie closer to each other than to
//! other statements of the same speaker.
//!
//! Needs the model (`scripts/fetch-model.sh`, which `.ci/run` calls). Outside CI a missing
//! model skips the test with a message; under CI (`CI=true`) it fails.
#![cfg(feature = "embeddings")]

use std::path::Path;

use triangulate::text::embed::{cosine, model_dir, Embedder};

fn embedder() -> Option<Embedder> {
    let dir = model_dir(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../models"
    )));
    if !dir.join("model.safetensors").is_file() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "no model at {} under CI: .ci/run must run scripts/fetch-model.sh",
            dir.display()
        );
        eprintln!(
            "skipped: no model at {} (run scripts/fetch-model.sh)",
            dir.display()
        );
        return None;
    }
    Some(Embedder::load(&dir).expect("the fetched model loads"))
}

/// Demo Q1 in main-01, main-03 and main-04 (demo/README.md, section 6).
const Q1: [&str; 3] = [
    "This water did not come by chance. We will find those who opened the way for it, and they will answer to the people of Durnak.",
    "The flood was no accident. Whoever made way for this water will be found, and they will answer before the people of Durnak,",
    "This disaster did not happen by itself. We will identify those who let the water through, and they will be held to account before the people of Durnak,",
];

/// Other statements of the same minister and of others in the demo story.
const OTHERS: [&str; 3] = [
    "Every family that has lost its home will have a roof over its head within ten days,",
    "determined to rebuild every home",
    "We have the names of seventeen people. Their families have identified them. I do not know where the ministry gets its number,",
];

/// The general's remark in four of the Ababil reports (../shared/corpus/ababil-2022).
const ABABIL: [&str; 3] = [
    "Today, we are in a position where we can export military equipment to allied and friendly countries in addition to meeting domestic needs in order to strengthen security and sustainable peace",
    "We are in a position that apart from meeting our domestic need, we can export military equipment to allied and friendly countries",
    "Today, we have reached a position that apart from fulfilling the domestic needs, we can export military equipment to allied and friendly countries",
];

#[test]
fn renderings_of_one_statement_are_nearer_than_other_statements() {
    let Some(model) = embedder() else {
        return;
    };
    let all: Vec<&str> = Q1.iter().chain(&OTHERS).chain(&ABABIL).copied().collect();
    let v = model.embed(&all).unwrap();
    assert!(v.iter().all(|x| x.len() == 384));
    for x in &v {
        let norm: f32 = x.iter().map(|a| a * a).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4, "not unit length: {norm}");
    }
    let (q1, others, ababil) = (&v[0..3], &v[3..6], &v[6..9]);
    for group in [q1, ababil] {
        let within = pairs(group)
            .map(|(a, b)| cosine(a, b))
            .fold(f32::INFINITY, f32::min);
        let across = group
            .iter()
            .flat_map(|a| others.iter().map(move |b| cosine(a, b)))
            .fold(f32::NEG_INFINITY, f32::max);
        assert!(
            within > across,
            "least similar rendering {within:.3} vs most similar other statement {across:.3}"
        );
    }
}

#[test]
fn embeddings_do_not_depend_on_the_batch_around_them() {
    let Some(model) = embedder() else {
        return;
    };
    let alone = model.embed(&[Q1[0]]).unwrap();
    let again = model.embed(&[Q1[0]]).unwrap();
    assert_eq!(alone, again, "same input, same output");
    let mixed = model.embed(&[OTHERS[1], Q1[0], ABABIL[0]]).unwrap();
    let drift = cosine(&alone[0], &mixed[1]);
    assert!(drift > 0.9999, "padding changed the vector: cosine {drift}");
    assert!(model.embed(&[]).unwrap().is_empty());
    assert_eq!(model.embed(&[""]).unwrap()[0].len(), 384);
}

#[test]
fn a_wrong_or_missing_model_is_a_clear_error() {
    let dir = std::env::temp_dir().join("triangulate-embed-test-missing");
    let err = Embedder::load(&dir).unwrap_err().to_string();
    assert!(err.contains("model.safetensors"), "{err}");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("model.safetensors"), b"not a model").unwrap();
    let err = Embedder::load(&dir).unwrap_err().to_string();
    assert!(err.contains("sha256"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

fn pairs<T>(items: &[T]) -> impl Iterator<Item = (&T, &T)> {
    items
        .iter()
        .enumerate()
        .flat_map(move |(i, a)| items[i + 1..].iter().map(move |b| (a, b)))
}
