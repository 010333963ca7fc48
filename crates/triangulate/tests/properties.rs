//! Property tests for everything that reads outside text: no input panics, and every span
//! an extractor reports is valid for any input.

use proptest::prelude::*;
use triangulate::dossier::provenance;
use triangulate::ingest;

fn arbitrary_text() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            "[A-Za-z]{1,12}",
            Just(" ".to_string()),
            Just("  ".to_string()),
            Just("\u{a0} ".to_string()),
            Just("\n".to_string()),
            Just("\n\n".to_string()),
            Just(". ".to_string()),
            Just("“".to_string()),
            Just("”".to_string()),
            Just("\"".to_string()),
            Just("«".to_string()),
            Just("TEHRAN -- ".to_string()),
            Just("By Anna Korvel, Herald\n".to_string()),
            Just("Read  More news\n".to_string()),
            Just("17 May 2022 - 22:08\n".to_string()),
            Just("Maj. Gen. ".to_string()),
            Just("<p>".to_string()),
            Just("</p>".to_string()),
            Just("&amp;".to_string()),
            "[0-9]{1,4}",
            Just(",".to_string()),
            Just(", ".to_string()),
            Just(" said ".to_string()),
            Just(" said that ".to_string()),
            "\\PC{1,3}",
        ],
        0..80,
    );
    pieces.prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text_is_analysed_with_valid_spans(text in arbitrary_text()) {
        if let Ok((mut doc, _)) = ingest::decode("p.txt", "p.txt", text.as_bytes()) {
            doc.id = "p".into();
            let inputs = [("p".to_string(), doc.input.clone())].into_iter().collect();
            let a = triangulate::analyze(&[doc], Vec::new());
            prop_assert_eq!(provenance::check(&a), Vec::<String>::new());
            prop_assert_eq!(provenance::check_input_map(&a, &inputs), Vec::<String>::new());
        }
    }

    #[test]
    fn any_html_is_analysed_with_valid_spans(body in arbitrary_text()) {
        let page = format!("<html><head><title>t</title></head><body><article><p>{body}</p><p>{body}</p></article></body></html>");
        let (mut doc, _) = ingest::decode("p.html", "p.html", page.as_bytes()).unwrap();
        doc.id = "p".into();
        let a = triangulate::analyze(&[doc], Vec::new());
        prop_assert_eq!(provenance::check(&a), Vec::<String>::new());
    }

    #[test]
    fn any_bytes_are_read_or_rejected_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = ingest::decode("b", "b.txt", &bytes);
    }

    #[test]
    fn any_texts_stream_into_a_partition_and_align_with_valid_spans(
        texts in prop::collection::vec(arbitrary_text(), 1..6),
        times in prop::collection::vec(prop::option::of(0i64..400_000), 6),
    ) {
        use triangulate::reuse::{align_pair, minhash::MinHasher, signature};
        use triangulate::stories::stream::{StreamClusterer, StreamParams};
        let docs: Vec<triangulate::text::Doc> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let raw = ingest::RawDoc::new(&format!("d{i}"), ingest::Format::Text, t);
                triangulate::text::Doc::new(triangulate::extract::extract(&raw))
            })
            .collect();
        let mut c = StreamClusterer::new(StreamParams::default());
        for (i, d) in docs.iter().enumerate() {
            let story = c.push(d, times[i]);
            prop_assert!(story < c.story_count());
            prop_assert_eq!(signature(&MinHasher::default(), d).len(), 128);
        }
        let mut all: Vec<usize> = c.groups().concat();
        all.sort_unstable();
        prop_assert_eq!(all, (0..docs.len()).collect::<Vec<_>>());
        for w in docs.windows(2) {
            for p in align_pair(&w[0], &w[1]).map(|r| r.passages).unwrap_or_default() {
                prop_assert!(p.a[0] < p.a[1] && w[0].text().get(p.a[0]..p.a[1]).is_some());
                prop_assert!(p.b[0] < p.b[1] && w[1].text().get(p.b[0]..p.b[1]).is_some());
            }
        }
    }

    #[test]
    fn date_lines_never_panic(line in "\\PC{0,40}") {
        let _ = triangulate::text::dates::parse_date_line(&line);
    }
}
