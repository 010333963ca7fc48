//! Article metadata on real pages of the public article-extraction benchmark (in `../shared`)
//! and on the five plain-text seed reports: each value, and the source it was read from.

mod common;

use std::io::Read;

use triangulate::extract::{extract, Article, Field};
use triangulate::ingest;

/// Reads and extracts one benchmark page by the start of its key.
fn page(prefix: &str) -> Article {
    let dir = common::repo_root().join("../shared/bench/article-extraction/html");
    assert!(dir.is_dir(), "{} is missing", dir.display());
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("benchmark directory")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix))
        .collect();
    names.sort();
    let name = names.first().expect("page present");
    let gz = std::fs::read(dir.join(name)).expect("page bytes");
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_end(&mut bytes)
        .expect("gzip");
    let (doc, _) = ingest::decode(name, "page.html", &bytes).expect("decodes");
    extract(&doc)
}

fn value(f: &Option<Field>) -> Option<&str> {
    f.as_ref().map(|f| f.value.as_str())
}

fn from(f: &Option<Field>) -> Option<&str> {
    f.as_ref().map(|f| f.from.as_str())
}

fn authors(a: &Article) -> Vec<&str> {
    a.authors.iter().map(|f| f.value.as_str()).collect()
}

#[test]
fn two_author_byline_is_read_from_the_page_when_json_ld_names_the_outlet() {
    // appleinsider.com: JSON-LD says author "AppleInsider" (the outlet); the page shows
    // "By Mike Wuerthele and Malcolm Owen".
    let a = page("65bf3048b500");
    assert_eq!(authors(&a), ["Mike Wuerthele", "Malcolm Owen"]);
    assert_eq!(from(&a.author), Some("visible byline"));
    assert_eq!(value(&a.author), Some("Mike Wuerthele, Malcolm Owen"));
    // The offset stated in JSON-LD is kept.
    assert_eq!(value(&a.published), Some("2019-11-18T19:05:00-05:00"));
    assert_eq!(from(&a.published), Some("json-ld datePublished"));
    assert_eq!(value(&a.language), Some("eng"));
}

#[test]
fn an_agency_byline_is_the_agency_credit_not_an_author() {
    // nbcnews.com, "By Reuters": JSON-LD author is a Person named "Reuters".
    let a = page("5a822960e9a2");
    assert!(a.authors.is_empty(), "{:?}", authors(&a));
    assert_eq!(value(&a.agency), Some("Reuters"));
    assert_eq!(
        value(&a.title),
        Some("House Hitler was born in will become a police station, Austria says")
    );
    assert_eq!(from(&a.title), Some("<h1>"));
}

#[test]
fn a_broken_json_ld_block_still_gives_its_date_and_author() {
    // inexhibit.com: the JSON-LD has an unescaped quote in its description; the visible date
    // is a later modification.
    let a = page("94fbcc267720");
    assert_eq!(value(&a.published), Some("2018-04-18"));
    assert_eq!(from(&a.published), Some("json-ld datePublished"));
    assert_eq!(authors(&a), ["Federica Lusiardi"]);
    assert_eq!(
        value(&a.title),
        Some("Milan Design Week 2018 | Michael Anastassiades’ light installation for FLOS")
    );
}

#[test]
fn a_byline_split_over_links_and_a_date_beside_it_are_read_from_the_text() {
    // politifact.com: "By" <a>Matthew Digby</a> "," <a>Minh Do</a> "on Monday, November
    // 18th, 2019 at 11:08 a.m."; no metadata states either. A source list above the
    // headline dates a claim "October 13th, 2019": not the publication date.
    let a = page("9e8c9f082a8d");
    assert_eq!(authors(&a), ["Matthew Digby", "Minh Do"]);
    assert_eq!(value(&a.published), Some("2019-11-18"));
    assert_eq!(from(&a.published), Some("visible date"));
}

#[test]
fn the_site_name_in_an_h1_is_not_the_headline_and_declared_language_is_checked() {
    // kabarislamia.com: the only <h1> is the blog's name.
    let a = page("7837c9d66c81");
    assert_eq!(
        value(&a.title),
        Some("Sejarah Pecahnya Islam jadi Sunni dan Syi’ah")
    );
    assert_eq!(value(&a.language), Some("ind"));
    // autoracing.com.br, Portuguese; wday.ru, Russian.
    assert_eq!(value(&page("11ea381ad92b").language), Some("por"));
    assert_eq!(value(&page("3c6d3381ef52").language), Some("rus"));
}

#[test]
fn seed_reports_have_language_bylines_and_dates_with_input_spans() {
    let (analysis, inputs) = common::analyze_dir(&common::ababil_corpus());
    for d in &analysis.documents {
        let lang = d.metadata.language.as_ref().expect("language");
        assert_eq!(lang.value, "eng", "{}", d.id);
        assert_eq!(lang.from, "detected (whatlang)");
    }
    let wi = analysis
        .documents
        .iter()
        .find(|d| d.id.starts_with("002"))
        .expect("World Israel News report");
    assert_eq!(wi.authors, ["Batya Jerenberg"]);
    let author = &wi.metadata.authors[0];
    let span = author.input.expect("author span");
    assert_eq!(span.slice(&inputs[&wi.id]), "Batya Jerenberg");
    let tt = analysis
        .documents
        .iter()
        .find(|d| d.id.starts_with("000"))
        .expect("Tehran Times report");
    assert_eq!(tt.published.as_deref(), Some("2022-05-17T22:08:00"));
    assert!(tt.authors.is_empty());
}

#[test]
fn metadata_of_real_pages_snapshot() {
    let keys = [
        "042bb7b5fedab", // wsj.com: JSON-LD person array
        "06e5123e4ef7c", // venturebeat.com: Reuters byline
        "16c30add7e963", // vox.com
        "3ce1c8fdf6ad2", // catchitkansas.com: account code as meta author
        "4219d096902da", // Yoast graph, @id author
        "c90731f051d03", // deccanherald.com: "PTI, Washington"
        "d605bdef2cde7", // cnn.com: "Jill Disis, CNN Business"
        "e7994d5500875", // hosted.ap.org: capitals, agency suffix
    ];
    let rows: Vec<serde_json::Value> = keys
        .iter()
        .map(|k| {
            let a = page(k);
            let field = |f: &Option<Field>| {
                f.as_ref()
                    .map(|f| serde_json::json!({"value": f.value, "from": f.from}))
            };
            serde_json::json!({
                "page": k,
                "title": field(&a.title),
                "authors": a.authors.iter().map(|f| serde_json::json!({"value": f.value, "from": f.from})).collect::<Vec<_>>(),
                "published": field(&a.published),
                "modified": field(&a.modified),
                "outlet": field(&a.outlet),
                "url": field(&a.url),
                "agency": field(&a.agency),
                "language": field(&a.language),
            })
        })
        .collect();
    insta::assert_json_snapshot!("metadata_of_real_pages", rows);
}
