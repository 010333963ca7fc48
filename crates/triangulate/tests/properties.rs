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
    fn date_lines_never_panic(line in "\\PC{0,40}") {
        let _ = triangulate::text::dates::parse_date_line(&line);
    }
}
