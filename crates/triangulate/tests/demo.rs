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

#[test]
fn snapshot_entities() {
    let (a, _) = common::analyze_dir(&common::demo_corpus());
    let stories: Vec<_> = a
        .stories
        .iter()
        .map(|s| {
            let entities: Vec<_> = s
                .entities
                .iter()
                .map(|e| {
                    json!({"name": e.name, "kind": e.kind, "aliases": e.aliases, "roles": e.roles,
                           "documents": e.documents.len(), "mentions": e.mentions.len()})
                })
                .collect();
            json!({"story": s.id, "entities": entities})
        })
        .collect();
    insta::assert_json_snapshot!("entities", stories);
}

#[test]
fn snapshot_statements() {
    let (a, _) = common::analyze_dir(&common::demo_corpus());
    let stories: Vec<_> = a
        .stories
        .iter()
        .map(|s| {
            json!({
                "story": s.id,
                "quotes": s.quotes.iter().map(|q| json!({
                    "speaker": q.speaker_name,
                    "variants": q.variants.iter().map(|v| match &v.via {
                        Some(via) => format!("{}: {} (via {})", v.document, v.text, via.source),
                        None => format!("{}: {}", v.document, v.text),
                    }).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
                "citations": s.citations.iter().map(|c| format!("{}: {}", c.document, c.source)).collect::<Vec<_>>(),
                "claims": s.claims.iter().map(|c| json!({
                    "text": c.text, "documents": c.documents, "predicate": c.predicate,
                    "chains": c.support.iter().filter(|x| !x.chain.is_empty()).map(|x| format!("{}: {}", x.document,
                        x.chain.iter().map(|k| format!("{} ({})", k.source, k.kind)).collect::<Vec<_>>().join(" > "))).collect::<Vec<_>>(),
                    "independent_sources": c.independent_sources,
                    "conflicts": c.conflicts.iter().map(|k| json!({
                        "slot": k.slot,
                        "values": k.values.iter().map(|v| format!("{}: {}", v.document, v.value)).collect::<Vec<_>>(),
                    })).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
                "timeline": s.timeline.iter().map(|t| format!("{} [{}..{}] {}{}: {}", t.date, t.from, t.to, t.expression,
                    if t.uncertain { " (uncertain)" } else { "" }, t.documents.join(", "))).collect::<Vec<_>>(),
                "framing": s.framing.referents.iter().map(|r| json!({
                    "label": r.label, "basis": r.basis,
                    "terms": r.terms.iter().map(|t| format!("{}: {}", t.term, t.documents.join(", "))).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
                "coverage": s.framing.coverage.iter().map(|c| format!("{}: adds {} omits {}", c.document, c.adds.join(" "), c.omits.join(" "))).collect::<Vec<_>>(),
            })
        })
        .collect();
    insta::assert_json_snapshot!("statements", stories);
}

#[test]
fn the_ground_truth_a_reader_checks_first() {
    let (a, _) = common::analyze_dir(&common::demo_corpus());
    let s = &a.stories[0];
    // The minister, in every spelling, is one person; the engineer who shares his surname
    // is another.
    let minister = s
        .entities
        .iter()
        .find(|e| e.aliases.iter().any(|x| x == "Ilias Harazov"))
        .unwrap();
    for alias in [
        "Ilyas Sadreddin Kharazov",
        "Iliyas Kharazov",
        "Ilyas Kharazov",
    ] {
        assert!(
            minister.aliases.iter().any(|x| x == alias),
            "{alias} not merged: {:?}",
            minister.aliases
        );
    }
    assert!(!minister.aliases.iter().any(|x| x.starts_with("Petar")));
    assert!(s
        .entities
        .iter()
        .any(|e| e.name.starts_with("Petar") && e.id != minister.id));
    // One statement in three translations is one quote with three renderings.
    let translated = s
        .quotes
        .iter()
        .find(|q| {
            q.variants
                .iter()
                .any(|v| v.text.starts_with("The flood was no accident"))
        })
        .unwrap();
    assert_eq!(translated.variants.len(), 3);
    assert_eq!(translated.speaker.as_deref(), Some(minister.id.as_str()));
    // The death toll: 14 against 17, each side with its spans.
    let toll = s
        .claims
        .iter()
        .flat_map(|c| &c.conflicts)
        .find(|k| k.slot == "number of deaths")
        .unwrap();
    let values: std::collections::BTreeSet<&str> =
        toll.values.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(values.into_iter().collect::<Vec<_>>(), ["14", "17"]);
    // Homes destroyed: 320 (main-01, copied by main-02) against 230 (main-04), each value
    // the text at its span.
    let homes = s
        .claims
        .iter()
        .flat_map(|c| &c.conflicts)
        .find(|k| k.slot == "number of homes")
        .unwrap();
    let sides: std::collections::BTreeSet<(&str, &str)> = homes
        .values
        .iter()
        .map(|v| (v.document.as_str(), v.value.as_str()))
        .collect();
    assert!(sides.contains(&("main-01-karavan-daily", "320")));
    assert!(sides.contains(&("main-04-durnak-courier", "230")));
    for k in [toll, homes] {
        for v in &k.values {
            let d = a.documents.iter().find(|d| d.id == v.document).unwrap();
            assert_eq!(&d.text[v.start..v.end], v.value);
        }
    }
    // The day of the collapse: the residents' Monday night (main-05) against the
    // ministry's early Tuesday, which main-05 also reports.
    let day = s
        .claims
        .iter()
        .flat_map(|c| &c.conflicts)
        .find(|k| k.slot == "day of the collapse")
        .expect("collapse day conflict");
    let sides: std::collections::BTreeSet<(&str, &str, &str)> = day
        .values
        .iter()
        .map(|v| {
            let doc = v.document.as_str();
            (&doc[..7], v.value.as_str(), v.reading.as_deref().unwrap())
        })
        .collect();
    for side in [
        ("main-05", "shortly before midnight on Monday", "2025-03-10"),
        ("main-05", "on Tuesday", "2025-03-11"),
        ("main-01", "early on Tuesday", "2025-03-11"),
        ("main-04", "in the early hours of Tuesday", "2025-03-11"),
        ("main-07", "on Tuesday", "2025-03-11"),
    ] {
        assert!(sides.contains(&side), "{side:?} not in {sides:?}");
    }
    // The sabotage charge against the DLF, and its denials.
    let charge = s
        .claims
        .iter()
        .flat_map(|c| &c.conflicts)
        .find(|k| k.slot == "accusation against Durnak Liberation Front")
        .expect("accusation conflict");
    let denials: std::collections::BTreeSet<(&str, &str)> = charge
        .values
        .iter()
        .filter(|v| v.reading.as_deref() == Some("denies"))
        .map(|v| (&v.document[..7], v.value.as_str()))
        .collect();
    assert_eq!(
        denials.into_iter().collect::<Vec<_>>(),
        [
            ("main-03", "denied"),
            ("main-05", "rejected"),
            ("main-06", "deny"),
            ("main-07", "denies")
        ]
    );
    let accusers: std::collections::BTreeSet<&str> = charge
        .values
        .iter()
        .filter(|v| v.reading.as_deref() == Some("accuses"))
        .map(|v| &v.document[..7])
        .collect();
    for doc in ["main-01", "main-02", "main-05", "main-06", "main-07"] {
        assert!(accusers.contains(doc), "{doc} not in {accusers:?}");
    }
    for k in [day, charge] {
        for v in &k.values {
            let d = a.documents.iter().find(|d| d.id == v.document).unwrap();
            assert_eq!(&d.text[v.start..v.end], v.value);
        }
    }
    // The 320 figure rests on one source: main-02 copies main-01.
    let three_twenty = s
        .claims
        .iter()
        .find(|c| c.text.contains("320 homes"))
        .unwrap();
    assert!(three_twenty.single_source);
    // The framing lists each outlet's name for the armed group, attached to its entity.
    let dlf = s
        .framing
        .referents
        .iter()
        .find(|r| r.label == "Durnak Liberation Front")
        .unwrap();
    for term in [
        "insurgents",
        "opposition fighters",
        "saboteurs",
        "separatist rebels",
    ] {
        assert!(
            dlf.terms.iter().any(|t| t.term == term),
            "{term}: {:?}",
            dlf.terms
        );
    }
    // The typo'd date is read, and flagged.
    assert!(s
        .timeline
        .iter()
        .any(|t| t.expression == "Mach 12" && t.date == "2025-03-12" && t.uncertain));
}

#[test]
fn one_kind_of_event_on_two_days_is_two_claims() {
    // main-01 and main-02 have the minister fly to the province on Tuesday; main-04 and
    // main-07 have him visit Oltsa on Wednesday (12 March): one person, one event class
    // ("flew", "visited"), two events, so two claims. Reading "who flew" as the minister's
    // act once merged them; the two days keep them apart.
    let (a, _) = common::analyze_dir(&common::demo_corpus());
    let s = &a.stories[0];
    let claim_of = |words: &str| {
        s.claims
            .iter()
            .find(|c| c.text.contains(words))
            .unwrap_or_else(|| panic!("no claim reads {words:?}"))
    };
    let flew = claim_of("who flew to the province on Tuesday afternoon");
    let visited = claim_of("Minister Harazov visited Oltsa on Wednesday");
    assert_ne!(flew.id, visited.id);
    // main-04 has him arrive in Kesh on Tuesday afternoon too: that is the first event.
    let from = |c: &triangulate::statements::Claim, outlet: &str| {
        c.documents.iter().any(|d| d.starts_with(outlet))
    };
    assert!(
        ["main-01", "main-02", "main-04"]
            .iter()
            .all(|o| from(flew, o))
            && !from(flew, "main-07"),
        "{:?}",
        flew.documents
    );
    assert!(
        from(visited, "main-04") && from(visited, "main-07"),
        "{:?}",
        visited.documents
    );
}

#[test]
fn snapshot_text() {
    let ingested = triangulate::ingest::read_paths(&[common::demo_corpus()], &Default::default());
    let docs: Vec<_> = ingested
        .docs
        .iter()
        .map(|raw| {
            let doc = triangulate::text::Doc::new(triangulate::extract::extract(raw));
            let sentences: Vec<&str> = doc.layer.sentences.iter().take(4).map(|s| s.slice(doc.text())).collect();
            let tokens: Vec<String> = doc.layer.tokens.iter().take(12).map(|t| format!("{}/{}", t.folded, t.stem)).collect();
            json!({"id": doc.id(), "sentences": doc.layer.sentences.len(), "tokens": doc.layer.tokens.len(),
                   "first_sentences": sentences, "first_tokens": tokens})
        })
        .collect();
    insta::assert_json_snapshot!("text", docs);
}

#[test]
fn a_possessive_names_who_the_speaker_belongs_to_not_the_speaker() {
    // Text in the demo's style: the minister's spokesman speaks, not the minister; a
    // name after the possessive is the speaker's.
    use triangulate::ingest::{Format, RawDoc};
    let text = "Interior Minister Ilyas Kharazov visited Kesh on Wednesday.\n\n\
                The minister's spokesman said that rescue teams would keep working through \
                the night.\n\nDurnak's governor Bogdan Irvesh said that schools would stay \
                closed.";
    let a = triangulate::dossier::analyze(&[RawDoc::new("a", Format::Text, text)], vec![]);
    let s = &a.stories[0];
    let speaker_of = |words: &str| {
        let q = s
            .quotes
            .iter()
            .find(|q| q.variants.iter().any(|v| v.text.contains(words)))
            .unwrap_or_else(|| panic!("no quote with {words:?}: {:#?}", s.quotes));
        let entity = q.speaker.as_ref().and_then(|id| {
            s.entities
                .iter()
                .find(|e| &e.id == id)
                .map(|e| e.name.clone())
        });
        (q.speaker_name.clone(), entity)
    };
    let (name, entity) = speaker_of("rescue teams");
    assert_eq!(name.as_deref(), Some("The minister's spokesman"));
    assert_eq!(entity, None);
    let (_, entity) = speaker_of("schools would stay closed");
    assert_eq!(entity.as_deref(), Some("Bogdan Irvesh"));
}
