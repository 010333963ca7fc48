//! Serve: a local web UI and JSON API over one analysis (`triangulate serve`).
//!
//! The HTML pages are the dossier's own ([`render::WebPages`]: the same pages and links as
//! `analyze --html`, rendered on request), plus a search box, a results page (full-text search
//! with tantivy, [`search`]) and error pages. The JSON API mirrors the data contract:
//!
//! | route | answer |
//! |---|---|
//! | `GET /`, `GET /{page}.html` | the dossier's pages: `index.html`, `story-<id>.html`, `article-<id>.html`, `compare-<story>-<n>.html` |
//! | `GET /search?q=` | the search results page |
//! | `GET /api/analysis` | the whole analysis (the `--json` output) |
//! | `GET /api/stories` | every story: id, title, documents and item counts |
//! | `GET /api/stories/{id}` | one story's dossier |
//! | `GET /api/documents` | every document: id, outlet, title, published, url, language |
//! | `GET /api/documents/{id}` | one document, with its clean text |
//! | `GET /api/search?q=&limit=` | the search hits as JSON |
//!
//! An unknown page or id is a 404, a missing or oversized query a 400: HTML pages for pages,
//! `{"error": …}` for the API. Nothing here computes analysis.

mod search;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

pub use search::SearchIndex;

use crate::dossier::Analysis;
use crate::render::{self, WebPages};

/// Longest query accepted, in bytes.
const MAX_QUERY: usize = 500;
/// Hits returned when the request does not say.
const DEFAULT_LIMIT: usize = 20;
/// Most hits one request may ask for.
const MAX_LIMIT: usize = 200;

/// What went wrong starting a server.
#[derive(thiserror::Error, Debug)]
pub enum ServeError {
    /// The search index could not be built.
    #[error("search index: {0}")]
    Search(#[from] tantivy::TantivyError),
    /// The address could not be bound, or the server failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// What every request reads: the analysis and its search index. Immutable once built.
#[derive(Clone)]
pub struct App {
    inner: Arc<Inner>,
}

struct Inner {
    analysis: Analysis,
    search: SearchIndex,
}

impl App {
    /// Builds the search index of an analysis.
    pub fn new(analysis: Analysis) -> Result<App, ServeError> {
        let search = SearchIndex::build(&analysis)?;
        Ok(App {
            inner: Arc::new(Inner { analysis, search }),
        })
    }

    /// The analysis served.
    pub fn analysis(&self) -> &Analysis {
        &self.inner.analysis
    }

    /// Every route of the web UI and the API.
    pub fn router(&self) -> Router {
        Router::new()
            .route("/", get(index))
            .route("/search", get(search_page))
            .route("/api/analysis", get(api_analysis))
            .route("/api/stories", get(api_stories))
            .route("/api/stories/{id}", get(api_story))
            .route("/api/documents", get(api_documents))
            .route("/api/documents/{id}", get(api_document))
            .route("/api/search", get(api_search))
            .route("/api/{*rest}", get(api_not_found))
            .route("/{page}", get(page))
            .fallback(not_found)
            .with_state(self.clone())
    }
}

/// Serves `app` on `addr` until the process ends, on a runtime of its own; `ready` is called
/// with the bound address (port 0 picks a free one) once connections are accepted.
pub fn run(app: App, addr: SocketAddr, ready: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_io()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        ready(listener.local_addr()?);
        axum::serve(listener, app.router()).await?;
        Ok(())
    })
}

async fn index(State(app): State<App>) -> Response {
    html_page(&app, "index.html")
}

async fn page(State(app): State<App>, name: Result<Path<String>, PathRejection>) -> Response {
    match name {
        Ok(Path(name)) => html_page(&app, &name),
        Err(_) => html_error(&app, StatusCode::BAD_REQUEST, "the address is not valid"),
    }
}

fn html_page(app: &App, name: &str) -> Response {
    match WebPages::new(app.analysis()).page(name) {
        Some(html) => html_response(StatusCode::OK, html),
        None => html_error(app, StatusCode::NOT_FOUND, "no such page in this dossier"),
    }
}

async fn not_found(State(app): State<App>) -> Response {
    html_error(&app, StatusCode::NOT_FOUND, "no such page in this dossier")
}

/// Query parameters of both search routes.
#[derive(Deserialize)]
struct SearchParams {
    q: Option<String>,
    limit: Option<String>,
}

/// A validated search request.
struct SearchRequest {
    query: String,
    limit: usize,
}

/// The query and limit, or why they are refused.
fn search_request(
    params: Result<Query<SearchParams>, QueryRejection>,
) -> Result<SearchRequest, String> {
    let Query(params) = params.map_err(|_| "the query string is not valid".to_string())?;
    let query = params.q.unwrap_or_default().trim().to_string();
    if query.is_empty() {
        return Err("give words to search for: ?q=…".into());
    }
    if query.len() > MAX_QUERY {
        return Err(format!("the query is longer than {MAX_QUERY} bytes"));
    }
    let limit = match params.limit.as_deref() {
        None | Some("") => DEFAULT_LIMIT,
        Some(l) => match l.parse::<usize>() {
            Ok(n) if (1..=MAX_LIMIT).contains(&n) => n,
            _ => return Err(format!("limit must be a number from 1 to {MAX_LIMIT}")),
        },
    };
    Ok(SearchRequest { query, limit })
}

async fn search_page(
    State(app): State<App>,
    params: Result<Query<SearchParams>, QueryRejection>,
) -> Response {
    let request = match search_request(params) {
        Ok(r) => r,
        Err(why) => return html_error(&app, StatusCode::BAD_REQUEST, &why),
    };
    match app
        .inner
        .search
        .search(app.analysis(), &request.query, request.limit)
    {
        Ok(hits) => {
            let html = WebPages::new(app.analysis()).search(&request.query, &hits);
            html_response(StatusCode::OK, html)
        }
        Err(e) => html_error(&app, StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

async fn api_search(
    State(app): State<App>,
    params: Result<Query<SearchParams>, QueryRejection>,
) -> Response {
    let request = match search_request(params) {
        Ok(r) => r,
        Err(why) => return json_error(StatusCode::BAD_REQUEST, &why),
    };
    match app
        .inner
        .search
        .search(app.analysis(), &request.query, request.limit)
    {
        Ok(hits) => Json(SearchAnswer {
            query: request.query,
            hits,
        })
        .into_response(),
        Err(e) => json_error(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

/// `GET /api/search`.
#[derive(Serialize)]
struct SearchAnswer {
    query: String,
    hits: Vec<render::SearchHit>,
}

async fn api_analysis(State(app): State<App>) -> Response {
    Json(app.analysis()).into_response()
}

/// One line of `GET /api/stories`.
#[derive(Serialize)]
struct StorySummary<'a> {
    id: &'a str,
    title: Option<&'a str>,
    documents: &'a [String],
    entities: usize,
    quotes: usize,
    claims: usize,
    reuse: usize,
    citations: usize,
}

async fn api_stories(State(app): State<App>) -> Response {
    let list: Vec<StorySummary> = app
        .analysis()
        .stories
        .iter()
        .map(|s| StorySummary {
            id: &s.id,
            title: s.title.as_deref(),
            documents: &s.documents,
            entities: s.entities.len(),
            quotes: s.quotes.len(),
            claims: s.claims.len(),
            reuse: s.reuse.len(),
            citations: s.citations.len(),
        })
        .collect();
    Json(list).into_response()
}

async fn api_story(State(app): State<App>, id: Result<Path<String>, PathRejection>) -> Response {
    let Ok(Path(id)) = id else {
        return json_error(StatusCode::BAD_REQUEST, "the address is not valid");
    };
    match app.analysis().stories.iter().find(|s| s.id == id) {
        Some(story) => Json(story).into_response(),
        None => json_error(StatusCode::NOT_FOUND, "no story with this id"),
    }
}

/// One line of `GET /api/documents`.
#[derive(Serialize)]
struct DocumentSummary<'a> {
    id: &'a str,
    outlet: Option<&'a str>,
    title: Option<&'a str>,
    published: Option<&'a str>,
    url: Option<&'a str>,
    language: Option<&'a str>,
}

async fn api_documents(State(app): State<App>) -> Response {
    let list: Vec<DocumentSummary> = app
        .analysis()
        .documents
        .iter()
        .map(|d| DocumentSummary {
            id: &d.id,
            outlet: d.outlet.as_deref(),
            title: d.title.as_deref(),
            published: d.published.as_deref(),
            url: d.url.as_deref(),
            language: d.language.as_deref(),
        })
        .collect();
    Json(list).into_response()
}

async fn api_document(State(app): State<App>, id: Result<Path<String>, PathRejection>) -> Response {
    let Ok(Path(id)) = id else {
        return json_error(StatusCode::BAD_REQUEST, "the address is not valid");
    };
    match app.analysis().documents.iter().find(|d| d.id == id) {
        Some(doc) => Json(doc).into_response(),
        None => json_error(StatusCode::NOT_FOUND, "no document with this id"),
    }
}

async fn api_not_found() -> Response {
    json_error(StatusCode::NOT_FOUND, "no such API route")
}

/// An HTML page with the dossier's policy as headers too: no script but the page's own, no
/// sniffing, no referrer.
fn html_response(status: StatusCode, html: String) -> Response {
    let mut response = (status, html).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    if let Ok(csp) = HeaderValue::from_str(&render::served_csp()) {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

fn html_error(app: &App, status: StatusCode, message: &str) -> Response {
    let html = WebPages::new(app.analysis()).error(status.as_u16(), message);
    html_response(status, html)
}

fn json_error(status: StatusCode, message: &str) -> Response {
    (status, Json(serde_json::json!({ "error": message }))).into_response()
}
