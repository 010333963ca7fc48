//! The web UI and JSON API in process (no network): every route on the demo corpus, search,
//! bad requests and hostile article text.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use tower::ServiceExt;
use triangulate::serve::App;
use triangulate::{ingest, render, Analysis};

fn demo() -> Analysis {
    common::analyze_dir(&common::demo_corpus()).0
}

struct Answer {
    status: StatusCode,
    content_type: String,
    csp: Option<String>,
    body: String,
}

impl Answer {
    fn json(&self) -> serde_json::Value {
        assert!(
            self.content_type.starts_with("application/json"),
            "{}",
            self.content_type
        );
        serde_json::from_str(&self.body).expect("JSON body")
    }

    fn is_html(&self) -> bool {
        self.content_type == "text/html; charset=utf-8" && self.body.starts_with("<!DOCTYPE html>")
    }
}

/// One GET through the router, as a connection would send it.
async fn get(router: &Router, uri: &str) -> Answer {
    let request = Request::get(uri).body(Body::empty()).unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    let headers = response.headers().clone();
    let header_str = |name| {
        headers
            .get(name)
            .map(|v: &axum::http::HeaderValue| v.to_str().unwrap().to_string())
    };
    let status = response.status();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        content_type: header_str(header::CONTENT_TYPE).unwrap_or_default(),
        csp: header_str(header::CONTENT_SECURITY_POLICY),
        body: String::from_utf8(body.to_vec()).unwrap(),
    }
}

/// The served page with the search box taken out and the file dossier's policy put back.
fn as_file_page(served: &str) -> String {
    let start = served.find("<form class=\"search\"").expect("search box");
    let end = served[start..].find("</form>").unwrap() + start + "</form>".len();
    let page = format!("{}{}", &served[..start], &served[end..]);
    page.replace("form-action &#39;self&#39;", "form-action &#39;none&#39;")
}

#[tokio::test]
async fn every_page_of_the_file_dossier_is_served_the_same_with_a_search_box() {
    let a = demo();
    let router = App::new(a.clone()).unwrap().router();
    let files = render::to_html(&a);
    let pairs: usize = a.stories.iter().map(|s| s.reuse.len()).sum();
    assert_eq!(files.len(), 1 + a.stories.len() + pairs + a.documents.len());
    for (name, html) in &files {
        let page = get(&router, &format!("/{name}")).await;
        assert_eq!(page.status, StatusCode::OK, "{name}");
        assert!(page.is_html(), "{name}");
        assert_eq!(&as_file_page(&page.body), html, "{name}");
        assert_eq!(page.csp.as_deref(), Some(render::served_csp().as_str()));
    }
    let root = get(&router, "/").await;
    assert_eq!(root.body, get(&router, "/index.html").await.body);
    for story in &a.stories {
        assert!(root
            .body
            .contains(&format!("href=\"story-{}.html\"", story.id)));
    }
}

#[tokio::test]
async fn article_pages_mark_the_spans_of_the_story() {
    let a = demo();
    let router = App::new(a.clone()).unwrap().router();
    let claim = a.stories[0]
        .claims
        .iter()
        .find(|c| !c.support.is_empty())
        .unwrap();
    let support = &claim.support[0];
    let page = get(&router, &format!("/article-{}.html", support.document)).await;
    assert_eq!(page.status, StatusCode::OK);
    let anchor = format!("<mark id=\"span-{}-{}\"", support.start, support.end);
    assert!(page.body.contains(&anchor), "{anchor}");
    let story = get(&router, &format!("/story-{}.html", a.stories[0].id)).await;
    let link = format!(
        "article-{}.html#span-{}-{}",
        support.document, support.start, support.end
    );
    assert!(story.body.contains(&link), "{link}");
}

#[tokio::test]
async fn search_finds_articles_and_links_them_to_articles_and_stories() {
    let a = demo();
    let router = App::new(a.clone()).unwrap().router();
    let page = get(&router, "/search?q=Koshar+dam").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.is_html());
    // Every article of the dam story mentions the dam; the cup final does not.
    let dam = &a.stories[0];
    for id in &dam.documents {
        assert!(
            page.body.contains(&format!("href=\"article-{id}.html\"")),
            "{id}"
        );
    }
    assert!(!page.body.contains("article-other-01-sundmere-sport.html"));
    assert!(page
        .body
        .contains(&format!("href=\"story-{}.html\"", dam.id)));
    assert!(page.body.contains("<b>Koshar</b>") || page.body.contains("<b>Dam</b>"));

    let api = get(&router, "/api/search?q=Koshar+dam&limit=3").await;
    assert_eq!(api.status, StatusCode::OK);
    let hits = api.json()["hits"].as_array().unwrap().clone();
    assert_eq!(hits.len(), 3);
    for hit in &hits {
        let fragment = hit["fragment"].as_str().unwrap();
        for range in hit["highlights"].as_array().unwrap() {
            let (s, e) = (
                range[0].as_u64().unwrap() as usize,
                range[1].as_u64().unwrap() as usize,
            );
            let word = fragment[s..e].to_lowercase();
            assert!(
                word.starts_with("koshar") || word.starts_with("dam"),
                "{word}"
            );
        }
        assert_eq!(hit["stories"][0], dam.id.as_str());
    }
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");

    let none = get(&router, "/search?q=zyxxyq").await;
    assert_eq!(none.status, StatusCode::OK);
    assert!(none.body.contains("No article matches."));
    // A query with syntax errors is read leniently, not refused.
    assert_eq!(
        get(&router, "/search?q=%22dam+AND+(").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn bad_requests_get_400_and_unknown_pages_404_never_a_panic() {
    let router = App::new(demo()).unwrap().router();
    for uri in [
        "/search",
        "/search?q=",
        "/search?q=+++",
        "/search?q=dam&limit=0",
        "/search?q=dam&limit=lots",
        &format!("/search?q={}", "a".repeat(501)),
    ] {
        let page = get(&router, uri).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(page.is_html(), "{uri}");
    }
    for uri in [
        "/nope.html",
        "/story-s999.html",
        "/article-..%2F..%2Fetc%2Fpasswd.html",
        "/a/b/c",
        "/%3Cscript%3E",
    ] {
        let page = get(&router, uri).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(page.is_html(), "{uri}");
        assert!(!page.body.contains("<script>alert"), "{uri}");
    }
    // Percent-encoding that is not UTF-8 cannot name a page.
    assert_eq!(
        get(&router, "/%FF%FE").await.status,
        StatusCode::BAD_REQUEST
    );
    for uri in [
        "/api/stories/s999",
        "/api/documents/nope",
        "/api/nothing",
        "/api/stories/s1/x",
    ] {
        let answer = get(&router, uri).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(answer.json()["error"].is_string(), "{uri}");
    }
    let answer = get(&router, "/api/search?q=").await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(answer.json()["error"].is_string());
}

#[tokio::test]
async fn the_api_mirrors_the_data_contract() {
    let a = demo();
    let router = App::new(a.clone()).unwrap().router();
    let whole: Analysis = serde_json::from_str(&get(&router, "/api/analysis").await.body).unwrap();
    assert_eq!(whole, a);

    let stories = get(&router, "/api/stories").await.json();
    let stories = stories.as_array().unwrap();
    assert_eq!(stories.len(), a.stories.len());
    for (row, story) in stories.iter().zip(&a.stories) {
        assert_eq!(row["id"], story.id.as_str());
        assert_eq!(row["claims"], story.claims.len());
        assert_eq!(
            row["documents"].as_array().unwrap().len(),
            story.documents.len()
        );
        let one = get(&router, &format!("/api/stories/{}", story.id)).await;
        let back: triangulate::dossier::Story = serde_json::from_str(&one.body).unwrap();
        assert_eq!(&back, story);
    }

    let docs = get(&router, "/api/documents").await.json();
    assert_eq!(docs.as_array().unwrap().len(), a.documents.len());
    for d in &a.documents {
        let one = get(&router, &format!("/api/documents/{}", d.id)).await;
        assert_eq!(one.status, StatusCode::OK);
        let back: triangulate::dossier::Document = serde_json::from_str(&one.body).unwrap();
        assert_eq!(&back, d);
    }
}

#[tokio::test]
async fn hostile_article_text_is_escaped_in_search_results() {
    let text = "<script>alert('x')</script> The Koshar dam <img src=x onerror=alert(1)> \
                failed on Tuesday, officials said in Kesh.\n\n\"><svg onload=alert(2)> The \
                dam operator said repairs would take months.\n";
    let raw = ingest::decode("evil\"><script>.txt", "evil.txt", text.as_bytes())
        .unwrap()
        .0;
    let a = triangulate::analyze(&[raw], Vec::new());
    let router = App::new(a).unwrap().router();
    for uri in [
        "/search?q=dam",
        "/search?q=%3Cscript%3Ealert",
        "/index.html",
    ] {
        let page = get(&router, uri).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}");
        for bad in ["<script>alert", "<img src", "<svg onload", "\"><script"] {
            assert!(!page.body.contains(bad), "{uri}: {bad}");
        }
        // The only script element is the page's own, allowed by hash.
        assert_eq!(page.body.matches("<script").count(), 1, "{uri}");
    }
    let page = get(&router, "/search?q=%3Cb%3Edam").await;
    let h1 = page
        .body
        .split("<h1>")
        .nth(1)
        .unwrap()
        .split("</h1>")
        .next()
        .unwrap();
    assert!(!h1.contains("<b>"), "{h1}");
    assert!(
        h1.contains("&#60;b&#62;dam") || h1.contains("&lt;b&gt;dam"),
        "{h1}"
    );
}
