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
    // The story is named by the headline that names the event, not an opinion piece's angle.
    assert_eq!(
        a.stories[0].title.as_deref(),
        Some("Iran opens drone factory in Tajikistan")
    );
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

#[test]
fn one_general_in_every_spelling_and_the_tajik_minister_apart() {
    let (a, _) = common::analyze_dir(&common::ababil_corpus());
    let s = &a.stories[0];
    let general = s
        .entities
        .iter()
        .find(|e| e.aliases.iter().any(|x| x == "Muhammad Baqeri"))
        .unwrap();
    for alias in [
        "Mohammad Bagheri",
        "Mohammad Hossein Bagheri",
        "Bagheri",
        "Baqeri",
    ] {
        assert!(
            general.aliases.iter().any(|x| x == alias),
            "{alias}: {:?}",
            general.aliases
        );
    }
    assert_eq!(general.documents.len(), 5);
    assert!(general.roles.iter().any(|r| r.contains("General")));
    // "Major General", "Major-General", "Maj. Gen." and a bare "General": one rank, agreed.
    let ranks: Vec<&str> = general.ranks.iter().map(|r| r.rank.as_str()).collect();
    assert!(ranks.contains(&"major general"), "{ranks:?}");
    assert!(!general.rank_conflict, "{ranks:?}");
    let rahmon = s
        .entities
        .iter()
        .find(|e| e.aliases.iter().any(|x| x == "Emomali Rahmon"))
        .unwrap();
    assert!(!rahmon.aliases.iter().any(|x| x.contains("Raisi")));
    let mirzo = s
        .entities
        .iter()
        .find(|e| e.aliases.iter().any(|x| x == "Sherali Mirzo"))
        .unwrap();
    assert!(mirzo.aliases.iter().any(|x| x == "Shirali Mirzo"));
    assert_ne!(mirzo.id, general.id);
    let product = s
        .entities
        .iter()
        .find(|e| e.aliases.iter().any(|x| x == "Ababil-2"))
        .unwrap();
    assert!(
        product.aliases.iter().any(|x| x == "Ababil 2")
            && product.aliases.iter().any(|x| x == "Ababil-II")
    );
}

#[test]
fn the_export_statement_is_one_quote_in_every_translation() {
    let (a, _) = common::analyze_dir(&common::ababil_corpus());
    let s = &a.stories[0];
    let export = s
        .quotes
        .iter()
        .find(|q| {
            q.variants
                .iter()
                .any(|v| v.text.contains("export military equipment"))
        })
        .unwrap();
    let docs: std::collections::BTreeSet<&str> = export
        .variants
        .iter()
        .map(|v| v.document.as_str())
        .collect();
    assert_eq!(docs.len(), 5, "{:#?}", export.variants);
    let general = s
        .entities
        .iter()
        .find(|e| e.aliases.iter().any(|x| x == "Muhammad Baqeri"))
        .unwrap();
    assert_eq!(export.speaker.as_deref(), Some(general.id.as_str()));
    // "God willing …" is a different utterance of the same speaker.
    let god_willing = s
        .quotes
        .iter()
        .find(|q| q.variants.iter().any(|v| v.text.starts_with("God willing")))
        .unwrap();
    assert_ne!(god_willing.id, export.id);
    assert_eq!(god_willing.speaker, export.speaker);
}

#[test]
fn upstream_agencies_are_cited_and_relative_dates_resolved() {
    let (a, _) = common::analyze_dir(&common::ababil_corpus());
    let s = &a.stories[0];
    let sources: std::collections::BTreeSet<&str> =
        s.citations.iter().map(|c| c.source.as_str()).collect();
    for expected in ["Fars News", "Tasnim", "IRNA", "Radio Liberty"] {
        assert!(
            sources.iter().any(|x| x.contains(expected)),
            "{expected} not cited: {sources:?}"
        );
    }
    let on_tuesday = s
        .timeline
        .iter()
        .find(|t| t.expression == "on Tuesday")
        .unwrap();
    assert_eq!(on_tuesday.date, "2022-05-17");
    assert!(s
        .timeline
        .iter()
        .any(|t| t.expression.contains("Nay 17") && t.date == "2022-05-17" && t.uncertain));
}

/// The core fact, worded five ways ("opened a factory", "a drone production plant has been
/// inaugurated", "opened a military drone-manufacturing facility", "establishing a drone
/// factory", "launched the first production line"), is one claim stated by all five
/// reports; the copy family (001 and 003) counts once.
#[test]
fn the_factory_opening_is_one_claim_in_all_five_reports() {
    let (a, _) = common::analyze_dir(&common::ababil_corpus());
    let s = &a.stories[0];
    let core = s
        .claims
        .iter()
        .find(|c| c.documents.len() == 5)
        .unwrap_or_else(|| {
            panic!(
                "no claim in all five: {:?}",
                s.claims
                    .iter()
                    .map(|c| (&c.text, &c.documents))
                    .collect::<Vec<_>>()
            )
        });
    assert_eq!(core.predicate.as_deref(), Some("open"));
    let family = s
        .copy_families
        .iter()
        .find(|f| f.len() > 1)
        .expect("a copy family");
    assert!(
        family.iter().any(|d| d.starts_with("001")) && family.iter().any(|d| d.starts_with("003"))
    );
    assert_eq!(core.independent_sources, 4);
    assert!(!core.single_source);
    // Every support fills the event slot with its own verb, at its own span.
    let text = |d: &str| &a.documents.iter().find(|x| x.id == d).unwrap().text;
    for sup in &core.support {
        let predicate = sup
            .slots
            .iter()
            .find(|x| x.role == "predicate")
            .expect("predicate slot");
        assert_eq!(
            &text(&sup.document)[predicate.start..predicate.end],
            predicate.value
        );
        assert_eq!(predicate.reading.as_deref(), Some("open"));
    }
    let verbs: std::collections::BTreeSet<String> = core
        .support
        .iter()
        .flat_map(|x| &x.slots)
        .filter(|x| x.role == "predicate")
        .map(|x| x.value.to_lowercase())
        .collect();
    for v in ["opened", "inaugurated", "launched"] {
        assert!(verbs.contains(v), "{v} not among {verbs:?}");
    }
    // The claim names the two countries and the drone model, whatever the spelling.
    let named: Vec<&str> = core
        .entities
        .iter()
        .filter_map(|id| s.entities.iter().find(|e| &e.id == id))
        .map(|e| e.name.as_str())
        .collect();
    for n in ["Iran", "Tajikistan"] {
        assert!(named.contains(&n), "{n} not in {named:?}");
    }
    assert!(named.iter().any(|n| n.starts_with("Ababil")), "{named:?}");
}

/// "X, according to Y": a claim's support carries the speaker and the relaying outlet.
#[test]
fn attribution_chains_name_speaker_then_outlet() {
    let (a, _) = common::analyze_dir(&common::ababil_corpus());
    let s = &a.stories[0];
    let chains: Vec<Vec<(&str, &str)>> = s
        .claims
        .iter()
        .flat_map(|c| &c.support)
        .map(|x| {
            x.chain
                .iter()
                .map(|k| (k.source.as_str(), k.kind.as_str()))
                .collect()
        })
        .collect();
    assert!(
        chains.iter().any(|c| c
            .iter()
            .any(|(src, kind)| src.contains("Radio Liberty") && *kind != "speaker")),
        "{chains:?}"
    );
    assert!(
        chains.iter().any(|c| c
            .first()
            .is_some_and(|(src, kind)| src.contains("Baqeri") && *kind == "speaker")),
        "{chains:?}"
    );
    assert!(
        provenance::check(&a).is_empty(),
        "{:?}",
        provenance::check(&a)
    );
}

/// Outlets name the drones' recipients and the armed groups in Afghanistan differently;
/// the framing section lists each outlet's terms with their spans.
#[test]
fn framing_lists_the_terms_outlets_use_for_one_referent() {
    let (a, _) = common::analyze_dir(&common::ababil_corpus());
    let s = &a.stories[0];
    let referent_with = |term: &str| {
        s.framing
            .referents
            .iter()
            .find(|r| r.terms.iter().any(|t| t.term == term))
            .unwrap_or_else(|| panic!("no referent with {term}: {:?}", s.framing.referents))
    };
    let recipients = referent_with("terror proxies");
    assert!(recipients
        .terms
        .iter()
        .any(|t| t.term == "allied and friendly countries"));
    let proxies = recipients
        .terms
        .iter()
        .find(|t| t.term == "terror proxies")
        .unwrap();
    assert!(proxies.documents.iter().all(|d| d.starts_with("002")));
    let armed = referent_with("takfiri terrorists");
    for term in ["Daesh militants", "Islamic State-Khorasan (IS-K) militants"] {
        assert!(
            armed.terms.iter().any(|t| t.term == term),
            "{term} not in {:?}",
            armed.terms
        );
    }
    // Terms are the words at their spans; a speaker's term is marked as quoted.
    for t in s.framing.referents.iter().flat_map(|r| &r.terms) {
        for m in &t.mentions {
            let text = &a
                .documents
                .iter()
                .find(|d| d.id == m.document)
                .unwrap()
                .text;
            assert_eq!(
                text[m.start..m.end].to_lowercase().replace('’', "'"),
                t.term.to_lowercase()
            );
        }
    }
    let daesh = armed
        .terms
        .iter()
        .find(|t| t.term == "Daesh militants")
        .unwrap();
    assert!(daesh.mentions.iter().all(|m| m.quoted));
    // Per outlet: the opinion piece (003) and the Israeli report (002) add claims of their own.
    let adds = |prefix: &str| {
        s.framing
            .coverage
            .iter()
            .find(|c| c.document.starts_with(prefix))
            .map_or(0, |c| c.adds.len())
    };
    assert!(adds("002") > 0);
}

/// Scare quotes are no utterances: the quoted word "kamikaze" (after "The airstrike
/// occurred …") and the phrase "resistance economy" (after "The inauguration … appears to
/// have key benefits") have no speech verb, and their sentences' subjects are events, not
/// speakers. The quotes that have a speaker keep it.
#[test]
fn scare_quotes_are_not_given_event_nouns_as_speakers() {
    let (a, _) = common::analyze_dir(&common::ababil_corpus());
    let quotes = &a.stories[0].quotes;
    for scare in ["kamikaze", "resistance economy"] {
        let found: Vec<_> = quotes
            .iter()
            .filter(|q| q.variants.iter().any(|v| v.text == scare))
            .collect();
        assert!(
            found.iter().all(|q| q.speaker_name.is_none()),
            "{scare:?} given a speaker: {found:#?}"
        );
    }
    for q in quotes {
        let name = q.speaker_name.as_deref().unwrap_or_default();
        assert!(
            !["The airstrike", "The inauguration"].contains(&name),
            "{q:#?}"
        );
    }
    let rahmon = quotes
        .iter()
        .find(|q| {
            q.variants
                .iter()
                .any(|v| v.text.starts_with("We are extremely concerned"))
        })
        .expect("Rahmon's quote");
    assert_eq!(rahmon.speaker_name.as_deref(), Some("Rahmon"));
    // "According to the report, Tajik President Emomali Rahmon said his country
    // “welcome[d] …”": the report is the channel, Rahmon the speaker.
    let welcomed = quotes
        .iter()
        .find(|q| q.variants.iter().any(|v| v.text.starts_with("welcome[d]")))
        .expect("the welcome[d] quote");
    assert_eq!(
        welcomed.speaker_name.as_deref(),
        Some("Emomali Rahmon"),
        "{welcomed:#?}"
    );
    let via: Vec<_> = welcomed
        .variants
        .iter()
        .filter(|v| v.text.starts_with("welcome[d]"))
        .map(|v| v.via.as_ref().map(|c| c.source.as_str()))
        .collect();
    assert_eq!(via, [Some("the report")], "{welcomed:#?}");
}

/// "The article cited Jeremy Binney, Middle East defense specialist at … Janes, as telling
/// Radio Liberty in written comments that “…”": the analyst speaks, the article relays.
/// ("written" once made "telling Radio Liberty in" the speaker.)
#[test]
fn the_analyst_the_article_cites_is_the_speaker() {
    let (a, _) = common::analyze_dir(&common::ababil_corpus());
    let quote = a.stories[0]
        .quotes
        .iter()
        .find(|q| {
            q.variants
                .iter()
                .any(|v| v.text.starts_with("there certainly seems"))
        })
        .expect("the Janes analyst's quote");
    assert_eq!(
        quote.speaker_name.as_deref(),
        Some("Jeremy Binney"),
        "{quote:#?}"
    );
    let via: Vec<_> = quote
        .variants
        .iter()
        .map(|v| v.via.as_ref().map(|c| c.source.as_str()))
        .collect();
    assert_eq!(via, [Some("The article")], "{quote:#?}");
}
