//! The presentation outputs on the demo corpus: CSV and GraphML snapshots, GraphML read back as
//! XML, the HTML dossier's structure (every span link lands on a marked span holding exactly
//! those bytes), and determinism of every output.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use scraper::{Html, Selector};
use triangulate::render;
use triangulate::Analysis;

fn demo() -> Analysis {
    common::analyze_dir(&common::demo_corpus()).0
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn pages(a: &Analysis) -> BTreeMap<String, Html> {
    render::to_html(a)
        .into_iter()
        .map(|(name, html)| (name, Html::parse_document(&html)))
        .collect()
}

#[test]
fn snapshot_csv() {
    for (name, content) in render::to_csv(&demo()) {
        insta::assert_snapshot!(format!("csv_{name}"), content);
    }
}

#[test]
fn csv_tables_read_back_with_one_row_per_item() {
    let a = demo();
    let files: BTreeMap<String, String> = render::to_csv(&a).into_iter().collect();
    let rows = |name: &str| {
        let mut r = csv::Reader::from_reader(files[name].as_bytes());
        r.records().map(|r| r.unwrap()).collect::<Vec<_>>()
    };
    let count =
        |f: fn(&triangulate::dossier::Story) -> usize| -> usize { a.stories.iter().map(f).sum() };
    assert_eq!(rows("entities.csv").len(), count(|s| s.entities.len()));
    assert_eq!(rows("claims.csv").len(), count(|s| s.claims.len()));
    assert_eq!(rows("reuse.csv").len(), count(|s| s.reuse.len()));
    let variants = count(|s| s.quotes.iter().map(|q| q.variants.len()).sum::<usize>());
    let quotes = rows("quotes.csv");
    assert_eq!(quotes.len(), variants);
    // Each quote row's text is exactly the bytes at its span.
    let docs: BTreeMap<&str, &str> = a
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.text.as_str()))
        .collect();
    for r in &quotes {
        let (start, end): (usize, usize) = (r[5].parse().unwrap(), r[6].parse().unwrap());
        assert_eq!(docs[&r[4]].get(start..end), Some(&r[8]), "{r:?}");
    }
}

#[test]
fn snapshot_graphml() {
    insta::assert_snapshot!("graphml", render::to_graphml(&demo()));
}

#[test]
fn graphml_is_valid_xml_with_the_lineage_and_citations() {
    let a = demo();
    let xml = render::to_graphml(&a);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed GraphML");
    let data = |n: roxmltree::Node, key: &str| {
        n.children()
            .find(|c| c.has_tag_name("data") && c.attribute("key") == Some(key))
            .and_then(|c| c.text())
            .map(str::to_string)
    };
    let nodes: BTreeMap<&str, roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("node"))
        .map(|n| (n.attribute("id").unwrap(), n))
        .collect();
    let articles = nodes
        .values()
        .filter(|n| data(**n, "n_type").as_deref() == Some("article"));
    assert_eq!(articles.count(), a.documents.len());
    let edges: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("edge"))
        .collect();
    for e in &edges {
        for end in ["source", "target"] {
            assert!(nodes.contains_key(e.attribute(end).unwrap()), "{e:?}");
        }
    }
    // The reprint: an edge from the original to the copy, directed, kind copy.
    let copy: Vec<_> = edges
        .iter()
        .filter(|e| data(**e, "e_kind").as_deref() == Some("copy"))
        .collect();
    assert_eq!(copy.len(), 1);
    assert_eq!(copy[0].attribute("source"), Some("a:main-01-karavan-daily"));
    assert_eq!(
        copy[0].attribute("target"),
        Some("a:main-02-tarvania-today")
    );
    assert_eq!(copy[0].attribute("directed"), Some("true"));
    // The agency most reports cite is a node with citation edges to its citing articles.
    let vna: BTreeSet<&str> = edges
        .iter()
        .filter(|e| e.attribute("source") == Some("c:Velin News Agency (VNA)"))
        .map(|e| e.attribute("target").unwrap())
        .collect();
    assert!(vna.contains("a:main-03-northport-herald"), "{vna:?}");
    assert!(vna.contains("a:main-04-durnak-courier"), "{vna:?}");
}

#[test]
fn index_lists_every_story_and_every_link_and_anchor_resolves() {
    let a = demo();
    let pages = pages(&a);
    let index = &pages["index.html"];
    let rows: Vec<_> = index.select(&sel("tr[data-story-id]")).collect();
    assert_eq!(rows.len(), a.stories.len());
    let articles = index.select(&sel("#articles tbody tr")).count();
    assert_eq!(articles, a.documents.len());
    let anchors = check_links(&pages);
    assert!(anchors > 500, "only {anchors} anchored links");
}

/// Checks that every local link names a page of the dossier and, with a fragment, an element
/// of that page; returns how many fragments were checked.
fn check_links(pages: &BTreeMap<String, Html>) -> usize {
    let mut anchors = 0;
    for (name, page) in pages {
        for link in page.select(&sel("a[href]")) {
            let href = link.value().attr("href").unwrap();
            if href.starts_with("http") {
                continue;
            }
            let (file, anchor) = href.split_once('#').unwrap_or((href, ""));
            let target = if file.is_empty() {
                page
            } else {
                pages
                    .get(file)
                    .unwrap_or_else(|| panic!("{name}: broken link {href}"))
            };
            if !anchor.is_empty() {
                let by_id = Selector::parse(&format!("[id=\"{anchor}\"]")).unwrap();
                assert!(
                    target.select(&by_id).next().is_some(),
                    "{name}: no #{anchor} for {href}"
                );
                anchors += 1;
            }
        }
    }
    anchors
}

#[test]
fn the_real_ababil_dossier_links_resolve_and_shows_rank_disagreement_data() {
    let (a, _) = common::analyze_dir(&common::ababil_corpus());
    let pages = pages(&a);
    assert!(check_links(&pages) > 200);
    let story = &pages["story-s1.html"];
    // The Iranian chief of staff is called "Major General" and "General" across the reports.
    let ranks: String = story
        .select(&sel("tr[data-entity-id] .ranks"))
        .flat_map(|r| r.text())
        .collect();
    assert!(ranks.contains("major general"), "{ranks}");
    let quotes = story.select(&sel("div.quote figure.variant")).count();
    let variants: usize = a.stories[0].quotes.iter().map(|q| q.variants.len()).sum();
    assert_eq!(quotes, variants);
}

#[test]
fn every_span_link_lands_on_a_mark_holding_those_bytes() {
    let a = demo();
    let pages = pages(&a);
    let texts: BTreeMap<String, &str> = a
        .documents
        .iter()
        .map(|d| (format!("article-{}.html", d.id), d.text.as_str()))
        .collect();
    let mut checked = 0;
    for story in &a.stories {
        let page = &pages[&format!("story-{}.html", story.id)];
        for link in page.select(&sel("a.span")) {
            let href = link.value().attr("href").unwrap();
            let (file, anchor) = href.split_once('#').unwrap();
            let target = &pages[file];
            let mark = target
                .select(&sel(&format!("mark#{anchor}")))
                .next()
                .unwrap_or_else(|| panic!("{href}: no mark"));
            let key = mark.value().attr("data-span").unwrap();
            let (start, end) = key.split_once('-').unwrap();
            let expected = &texts[file][start.parse().unwrap()..end.parse().unwrap()];
            // A span split around a crossing span is every piece with its key, in order.
            let pieces: String = target
                .select(&sel(&format!("mark[data-span=\"{key}\"]")))
                .map(|m| direct_text(&m))
                .collect();
            assert_eq!(pieces, expected, "{href}");
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} span links");
}

/// The text of a mark and everything nested in it.
fn direct_text(m: &scraper::ElementRef) -> String {
    m.text().collect()
}

#[test]
fn article_pages_show_the_clean_text_exactly() {
    let a = demo();
    let pages = pages(&a);
    for d in &a.documents {
        let page = &pages[&format!("article-{}.html", d.id)];
        let text: String = page
            .select(&sel("article.text"))
            .next()
            .unwrap()
            .text()
            .collect();
        assert_eq!(text, d.text, "{}", d.id);
        assert!(page.select(&sel("mark.entity")).count() > 3, "{}", d.id);
        let found = page
            .select(&sel("table.found tr[data-kind=entity]"))
            .count();
        assert!(found > 3, "{}: {found} entities listed", d.id);
    }
}

#[test]
fn story_page_has_every_item_with_a_stable_id() {
    let a = demo();
    let pages = pages(&a);
    let s = &a.stories[0];
    let page = &pages["story-s1.html"];
    let ids = |attr: &str| -> Vec<String> {
        page.select(&sel(&format!("[{attr}]")))
            .map(|e| e.value().attr(attr).unwrap().to_string())
            .collect()
    };
    let claims: Vec<String> = s.claims.iter().map(|c| c.id.clone()).collect();
    assert_eq!(ids("data-claim-id"), claims);
    let quotes: Vec<String> = s.quotes.iter().map(|q| q.id.clone()).collect();
    assert_eq!(ids("data-quote-id"), quotes);
    let entities: Vec<String> = s.entities.iter().map(|e| e.id.clone()).collect();
    assert_eq!(ids("data-entity-id"), entities);
    // Quote variants side by side: the three translations of the minister's words.
    let widest = page
        .select(&sel("div.quote"))
        .map(|q| q.select(&sel("figure.variant")).count())
        .max();
    assert_eq!(widest, Some(3));
    // A disputed claim shows its conflicting values; the lineage is drawn.
    assert!(
        page.select(&sel("div.claim.disputed .conflict-row"))
            .count()
            >= 1
    );
    assert!(page.select(&sel("svg.lineage path.edge.copy")).count() == 1);
    assert!(page.select(&sel("svg.lineage g.node.article")).count() == s.documents.len());
    assert!(page.select(&sel("#framing")).count() == 1);
    // The framing table: one row group per referent, each term's spans linking to marks on
    // the article pages; the coverage table lists every member.
    let referents: Vec<String> = s.framing.referents.iter().map(|r| r.id.clone()).collect();
    assert!(!referents.is_empty());
    assert_eq!(ids("data-referent-id"), referents);
    let term_rows = page.select(&sel("#framing table.grid")).next().unwrap();
    let terms: usize = s.framing.referents.iter().map(|r| r.terms.len()).sum();
    assert_eq!(term_rows.select(&sel("tbody tr")).count(), terms);
    let coverage = page.select(&sel("#framing table.grid")).nth(1).unwrap();
    assert_eq!(coverage.select(&sel("tbody tr")).count(), s.documents.len());
    let t = &s.framing.referents[0].terms[0];
    let m = &t.mentions[0];
    let anchor = format!("span-{}-{}", m.start, m.end);
    let article = &pages[&format!("article-{}.html", m.document)];
    assert!(
        article.select(&sel(&format!("mark#{anchor}"))).count() == 1,
        "{anchor}"
    );
    // A claim shows its attribution chain where it has one.
    assert!(page.select(&sel("div.claim .chain")).count() >= 1);
}

#[test]
fn compare_page_marks_reused_passages_on_both_sides() {
    let a = demo();
    let pages = pages(&a);
    let pair = &a.stories[0].reuse[0];
    let page = &pages["compare-s1-1.html"];
    let columns: Vec<_> = page.select(&sel("section.column")).collect();
    assert_eq!(columns.len(), 2);
    for (side, other) in [("a", "b"), ("b", "a")] {
        for k in 0..pair.passages.len() {
            let mark = page
                .select(&sel(&format!("mark#{side}-p{k}")))
                .next()
                .unwrap();
            assert_eq!(
                mark.value().attr("data-peer"),
                Some(&*format!("{other}-p{k}"))
            );
        }
    }
    let doc = |id: &str| a.documents.iter().find(|d| d.id == id).unwrap();
    let p = &pair.passages[0];
    let left: String = page
        .select(&sel("section[data-side=a] mark[data-span=p0]"))
        .flat_map(|m| m.text().map(str::to_string).collect::<Vec<_>>())
        .collect();
    assert_eq!(left, doc(&pair.documents[0]).text[p.a[0]..p.a[1]]);
}

#[test]
fn every_output_is_byte_identical_across_runs() {
    let (a, b) = (demo(), demo());
    assert_eq!(render::to_html(&a), render::to_html(&b));
    assert_eq!(render::to_csv(&a), render::to_csv(&b));
    assert_eq!(render::to_graphml(&a), render::to_graphml(&b));
    assert_eq!(render::to_markdown(&a), render::to_markdown(&b));
}

#[test]
fn markdown_lineage_says_who_copied_whom() {
    let md = render::to_markdown(&demo());
    assert!(
        md.contains("- `main-02-tarvania-today` copied from `main-01-karavan-daily`"),
        "{md}"
    );
    assert!(
        md.contains("- one source for counting: `main-01-karavan-daily`, `main-02-tarvania-today`")
    );
    assert!(md.contains("- **Velin News Agency (VNA)** cited by `main-03-northport-herald`"));
}

#[test]
fn the_csp_allows_exactly_the_inline_script_of_each_page() {
    use base64::Engine;
    use sha2::Digest;
    for (name, html) in render::to_html(&demo()) {
        let page = Html::parse_document(&html);
        let script: String = page.select(&sel("script")).next().unwrap().text().collect();
        let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(&script));
        let csp = page
            .select(&sel("meta[http-equiv=Content-Security-Policy]"))
            .next()
            .unwrap()
            .value()
            .attr("content")
            .unwrap()
            .to_string();
        assert!(
            csp.contains(&format!("script-src 'sha256-{hash}'")),
            "{name}: {csp}"
        );
        assert!(csp.contains("default-src 'none'"), "{name}");
    }
}
