//! Article text is hostile input. Pages and records carrying `<script>`, event-handler
//! attributes, `javascript:` URLs, broken markup, `</textarea>` and `"><svg onload=…>` in
//! titles, authors, ids and quotes are analysed end to end; the generated HTML is parsed back
//! and must contain nothing executable, while still showing the hostile text as text.

use std::collections::BTreeSet;

use scraper::{Html, Selector};
use triangulate::{ingest, render, Analysis};

const BODY: &str = "Officials in Velin said on Tuesday that the Koshar Dam had been breached overnight, flooding three villages in Durnak province and forcing thousands of residents to flee their homes.\n\nThe interior minister told reporters: \"</textarea><script>alert('quote')</script> We will rebuild the dam before winter, and the people of Durnak will have their homes back.\" He gave no figure for the cost.\n\nAccording to the Velin News Agency, at least 14 people died and 21 are missing; \"><svg onload=alert('svg')> rescuers in boats searched the flooded valley through the night.\n\nEngineers said the reservoir had been filled to a record level after weeks of heavy rain, and that the spillway gate had been stuck for months <img src=x onerror=alert('img')> before the collapse.\n";

fn hostile_page() -> String {
    let paragraphs: String = BODY
        .split("\n\n")
        .map(|p| format!("<p onclick=\"alert('p')\">{}</p>\n", html_escape(p.trim())))
        .collect();
    format!(
        "<html><head><title>\"&gt;&lt;svg onload=alert('title')&gt; Dam breached</title>\n\
         <meta name=\"author\" content=\"&quot;&gt;&lt;img src=x onerror=alert('author')&gt;\">\n\
         <link rel=\"canonical\" href=\"javascript:alert('canonical')\">\n\
         <script>alert('head')</script></head>\n\
         <body onload=\"alert('body')\"><article><h1>\"&gt;&lt;svg onload=alert('h1')&gt;</h1>\n\
         {paragraphs}<p>Broken <b>markup <i>unclosed <a href=\"javascript:alert('link')\">link</a>\n\
         <iframe src=\"javascript:alert('iframe')\"></iframe></article></body></html>"
    )
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn hostile_jsonl() -> String {
    serde_json::json!({
        "id": "\"><img src=x onerror=alert('id')>",
        "url": "javascript:alert('url')",
        "outlet": "<script>alert('outlet')</script>",
        "author": "\" onmouseover=\"alert('author')",
        "title": "</title><script>alert('title')</script>",
        "published": "2025-03-12",
        "text": BODY,
    })
    .to_string()
        + "\n"
}

fn analyse_hostile() -> Analysis {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("page.html"), hostile_page()).unwrap();
    std::fs::write(dir.path().join("pasted.txt"), BODY).unwrap();
    std::fs::write(dir.path().join("feed.jsonl"), hostile_jsonl()).unwrap();
    let paths = [dir.path().to_path_buf()];
    let ingested = ingest::read_paths(&paths, &Default::default());
    assert_eq!(ingested.docs.len(), 3, "{:?}", ingested.diagnostics);
    triangulate::analyze(&ingested.docs, ingested.diagnostics)
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// URL-bearing attributes whose value could run code.
const URL_ATTRIBUTES: &[&str] = &["href", "src", "action", "formaction", "xlink:href", "data"];

fn assert_inert(name: &str, html: &str) {
    let page = Html::parse_document(html);
    let scripts: Vec<_> = page.select(&sel("script")).collect();
    assert_eq!(scripts.len(), 1, "{name}: {} scripts", scripts.len());
    assert!(scripts[0].value().attrs().next().is_none(), "{name}");
    assert!(!scripts[0].inner_html().contains("alert"), "{name}");
    for tag in [
        "iframe", "object", "embed", "img", "base", "form", "textarea", "frame",
    ] {
        assert_eq!(page.select(&sel(tag)).count(), 0, "{name}: <{tag}>");
    }
    assert_eq!(page.select(&sel("style")).count(), 1, "{name}");
    assert_eq!(
        page.select(&sel("svg")).count(),
        page.select(&sel("svg.lineage")).count(),
        "{name}"
    );
    for meta in page.select(&sel("meta[http-equiv]")) {
        assert_eq!(
            meta.value().attr("http-equiv"),
            Some("Content-Security-Policy"),
            "{name}"
        );
    }
    for el in page.select(&sel("*")) {
        for (attr, value) in el.value().attrs() {
            assert!(
                !attr.to_ascii_lowercase().starts_with("on"),
                "{name}: {attr}={value:?}"
            );
            if URL_ATTRIBUTES.contains(&attr) {
                let v = value.trim().to_ascii_lowercase();
                for scheme in ["javascript:", "data:", "vbscript:"] {
                    assert!(!v.starts_with(scheme), "{name}: {attr}={value:?}");
                }
            }
        }
    }
}

#[test]
fn no_page_of_the_html_dossier_can_run_injected_code() {
    let a = analyse_hostile();
    let files = render::to_html(&a);
    assert!(
        files.len() >= 5,
        "{:?}",
        files.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for (name, html) in &files {
        assert_inert(name, html);
    }
}

#[test]
fn the_hostile_text_is_shown_as_text_not_dropped() {
    let a = analyse_hostile();
    let text: String = render::to_html(&a)
        .iter()
        .map(|(_, html)| {
            Html::parse_document(html)
                .root_element()
                .text()
                .collect::<String>()
        })
        .collect();
    for shown in [
        "<script>alert('quote')</script>",
        "\"><svg onload=alert('svg')>",
        "<img src=x onerror=alert('img')>",
        "<script>alert('outlet')</script>",
        "javascript:alert('url')",
    ] {
        assert!(text.contains(shown), "{shown} not shown");
    }
}

#[test]
fn hostile_ids_become_plain_file_names_and_urls_are_not_links() {
    let a = analyse_hostile();
    let names: BTreeSet<String> = render::to_html(&a).into_iter().map(|f| f.0).collect();
    for name in &names {
        assert!(
            name.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)),
            "{name}"
        );
    }
    assert!(names.iter().any(|n| n.starts_with("doc-")), "{names:?}");
}

#[test]
fn graphml_and_csv_stay_well_formed() {
    let a = analyse_hostile();
    let xml = render::to_graphml(&a);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed GraphML");
    let labels: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("key") == Some("n_outlet"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        labels.contains(&"<script>alert('outlet')</script>"),
        "{labels:?}"
    );
    for (name, content) in render::to_csv(&a) {
        let mut reader = csv::Reader::from_reader(content.as_bytes());
        let width = reader.headers().unwrap().len();
        for record in reader.records() {
            assert_eq!(record.unwrap().len(), width, "{name}");
        }
    }
}

fn markup_soup() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let pieces = prop::collection::vec(
        prop_oneof![
            "[A-Za-z]{1,10}",
            Just(" ".to_string()),
            Just("\n\n".to_string()),
            Just(". ".to_string()),
            Just("“".to_string()),
            Just("\"".to_string()),
            Just("'".to_string()),
            Just("<script>alert(1)</script>".to_string()),
            Just("\"><svg onload=alert(1)>".to_string()),
            Just("<img src=x onerror=alert(1)>".to_string()),
            Just("javascript:alert(1)".to_string()),
            Just("</textarea>".to_string()),
            Just("&amp;&lt;".to_string()),
            Just("Minister Ilyas Kharazov said ".to_string()),
            "[0-9]{1,3}",
            "\\PC{1,3}",
        ],
        0..60,
    );
    pieces.prop_map(|v| v.concat())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(40))]

    /// Any text, in two articles that share it: every output renders without panicking, the
    /// HTML stays inert and shows each text exactly, the GraphML stays well-formed.
    #[test]
    fn any_text_renders_inert_and_exact(text in markup_soup()) {
        let docs: Vec<_> = ["a.txt", "b.txt"]
            .iter()
            .filter_map(|name| ingest::decode(name, name, text.as_bytes()).ok())
            .map(|(doc, _)| doc)
            .collect();
        let mut docs = docs;
        ingest::assign_unique_ids(&mut docs);
        let a = triangulate::analyze(&docs, Vec::new());
        let pages = render::to_html(&a);
        for (name, html) in &pages {
            assert_inert(name, html);
        }
        let mut shown = std::collections::BTreeMap::new();
        for (_, html) in &pages {
            let page = Html::parse_document(html);
            for article in page.select(&sel("article.text[data-document]")) {
                let id = article.value().attr("data-document").unwrap().to_string();
                shown.insert(id, article.text().collect::<String>());
            }
        }
        proptest::prop_assert_eq!(shown.len(), a.documents.len());
        for d in &a.documents {
            proptest::prop_assert_eq!(&shown[&d.id], &d.text);
        }
        roxmltree::Document::parse(&render::to_graphml(&a)).unwrap();
        let _ = (render::to_csv(&a), render::to_markdown(&a));
    }
}

#[test]
fn ids_differing_only_in_case_get_distinct_files() {
    let mut docs: Vec<_> = ["Report.txt", "report.txt", "x.txt", "y.txt"]
        .iter()
        .map(|name| ingest::decode(name, name, BODY.as_bytes()).unwrap().0)
        .collect();
    // Two case variants, and two documents with the same id (a malformed analysis).
    for (doc, id) in docs.iter_mut().zip(["Report", "report", "same", "same"]) {
        doc.id = id.to_string();
    }
    let a = triangulate::analyze(&docs, Vec::new());
    let names: BTreeSet<String> = render::to_html(&a)
        .into_iter()
        .map(|f| f.0.to_ascii_lowercase())
        .collect();
    let ids: Vec<&str> = a.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(names.len(), render::to_html(&a).len(), "{ids:?} {names:?}");
    assert!(
        names.contains("article-report.html") && names.contains("doc-2.html"),
        "{names:?}"
    );
}
