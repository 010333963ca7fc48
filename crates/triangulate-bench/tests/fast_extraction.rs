//! Regression floor for the fast HTML body path on real pages of the article-extraction
//! benchmark (read from `../shared`; skipped when absent): every 15th page by key, its body
//! scored against the hand-checked one with the benchmark's metric, and every paragraph's
//! input span checked against the page source.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;

use serde_json::Value;
use triangulate::extract::{extract_with, Article, HtmlBody};
use triangulate_bench::metric::{score_page, summarize};

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench/article-extraction")
}

/// The benchmark's ground truth by page key; empty when the data is absent.
fn ground_truth() -> BTreeMap<String, Value> {
    let Ok(gt) = std::fs::read(data_dir().join("ground-truth.json")) else {
        return BTreeMap::new();
    };
    serde_json::from_slice(&gt).expect("ground truth")
}

/// (input, true body) of one page.
fn page(key: &str, v: &Value) -> (String, String) {
    let gz = std::fs::read(data_dir().join("html").join(format!("{key}.html.gz"))).expect("page");
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_end(&mut bytes)
        .expect("gzip");
    let (doc, _) = triangulate::ingest::decode("page.html", "page.html", &bytes).expect("decode");
    let truth = v["articleBody"].as_str().unwrap_or("").to_string();
    (doc.input, truth)
}

/// (input, true body) of every 15th page, in key order.
fn sample() -> Vec<(String, String)> {
    ground_truth()
        .iter()
        .step_by(15)
        .map(|(key, v)| page(key, v))
        .collect()
}

fn extract(input: &str, body: HtmlBody) -> Article {
    let doc = triangulate::ingest::RawDoc::new("p", triangulate::ingest::Format::Html, input);
    extract_with(&doc, body)
}

/// The ASCII words of a text, character references and tags left out.
fn ascii_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_tag = false;
    let mut word = String::new();
    let mut entity = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            '&' => entity = true,
            ';' if entity => entity = false,
            c if c.is_ascii_alphanumeric() => {
                if !entity {
                    word.push(c)
                }
            }
            _ => {
                entity &= c == '#';
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
            }
        }
        if in_tag && !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

#[test]
fn fast_and_default_bodies_score_above_the_floor_on_real_pages() {
    let pages = sample();
    if pages.is_empty() {
        return;
    }
    let (mut fast, mut auto) = (Vec::new(), Vec::new());
    for (input, truth) in &pages {
        fast.push(score_page(truth, &extract(input, HtmlBody::Fast).text));
        auto.push(score_page(truth, &extract(input, HtmlBody::Auto).text));
    }
    let (fast, auto) = (summarize(&fast), summarize(&auto));
    println!("fast {fast:?}\nauto {auto:?}");
    assert!(fast.f1 >= 0.97, "fast path F1 {}", fast.f1);
    assert!(auto.f1 >= 0.96, "default path F1 {}", auto.f1);
}

#[test]
fn fast_path_paragraph_spans_hold_their_text_in_the_source() {
    let pages = sample();
    let (mut checked, mut exact) = (0, 0);
    for (input, _) in &pages {
        let a = extract(input, HtmlBody::Fast);
        for p in &a.paragraphs {
            let source = input
                .get(p.input.start..p.input.end)
                .expect("span on the input");
            let text = p.text.slice(&a.text);
            checked += 1;
            // The same ASCII words in the same order: the span holds the paragraph and
            // only inline markup besides.
            if ascii_words(source) == ascii_words(text) {
                exact += 1;
            }
        }
    }
    if checked > 0 {
        println!("{exact} of {checked} paragraph spans hold exactly their words");
        assert!(exact * 100 >= checked * 97, "{exact} of {checked}");
    }
}

/// Pages (by key prefix) whose first fast container holds under 60 % of the page's prose.
/// The default path keeps the fast body on each: the first container for its layout (after
/// the headline, missing little, not followed at once by more prose), or the second choice,
/// the container under the headline (`fast::choose_by_headline`), or, where neither is
/// placed so, the first container all the same.
const LOW_SHARE: &[&str] = &[
    // washingtonexaminer.com: the article after the headline, long reader comments after it.
    "e4c6a3b48240",
    // sputniknews.com: the column, then related stories of more prose than it.
    "1f765c487806",
    // telegraph.co.uk: the article cut in two by an embedded player; the first container
    // holds the first part, the second choice both.
    "88c328b68b03",
    // indiapost.com: the <h1> is the site's name and the first container another story;
    // the second choice is the story under the post heading.
    "5f9c5ed5d64d",
    // macrumors.com: the first container is the forum comments; the second choice the
    // article between the headline and them.
    "232a43fb15ab",
    // autoindustriya.com: the second choice is the first container again (refused for
    // the prose right after it, teasers in its `#sidebar` column): that container is kept.
    "aadb38e527d5",
    // bigbrandsystem.com: the first container is the comments; every block is named
    // "elementor-widget", the article's too: the second choice does not take that name
    // for furniture on the elements holding the article's first paragraph.
    "c582d3b77257",
];

#[test]
fn a_low_share_first_container_still_gives_the_article() {
    let gt = ground_truth();
    if gt.is_empty() {
        return;
    }
    for prefix in LOW_SHARE {
        let (key, v) = gt
            .iter()
            .find(|(k, _)| k.starts_with(prefix))
            .expect("page in the benchmark");
        let (input, truth) = page(key, v);
        let fast = extract(&input, HtmlBody::Fast).text;
        let auto = extract(&input, HtmlBody::Auto).text;
        assert_eq!(fast, auto, "{prefix}: the default body is the fast one");
        let f1 = summarize(&[score_page(&truth, &auto)]).f1;
        assert!(f1 >= 0.94, "{prefix}: default body F1 {f1}");
    }
}
