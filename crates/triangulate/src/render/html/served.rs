//! The HTML dossier served page by page (the web UI of `triangulate serve`): the same pages as
//! [`to_html`](super::to_html), under the same names and with the same links, rendered on
//! request; plus a search box on every page, a search results page and error pages.

use std::collections::BTreeMap;

use askama::Template;
use serde::Serialize;

use super::pages::{Chrome, Link};
use super::{compare_file, render, story_file, Site};
use crate::dossier::Analysis;

/// One article found by a full-text search, as the results page and the JSON API show it.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct SearchHit {
    /// Position of the document in [`Analysis::documents`].
    #[serde(skip)]
    pub position: usize,
    /// Document id.
    pub document: String,
    /// Headline, when stated.
    pub title: Option<String>,
    /// Outlet, when stated.
    pub outlet: Option<String>,
    /// Publication date, when stated.
    pub published: Option<String>,
    /// Ids of the stories the document is in.
    pub stories: Vec<String>,
    /// Relevance score (higher is better).
    pub score: f32,
    /// An excerpt of the clean text around the matches.
    pub fragment: String,
    /// Byte ranges of the matched words in `fragment`.
    pub highlights: Vec<[usize; 2]>,
}

/// Which page a served file name is.
#[derive(Clone, Copy)]
enum PageRef {
    Index,
    Story(usize),
    Compare(usize, usize),
    Article(usize),
}

/// The dossier's pages by file name, rendered one at a time.
pub struct WebPages<'a> {
    site: Site<'a>,
    pages: BTreeMap<String, PageRef>,
}

impl<'a> WebPages<'a> {
    /// The pages of one analysis.
    pub fn new(analysis: &'a Analysis) -> Self {
        let mut site = Site::new(analysis);
        site.chrome.search = true;
        site.chrome.csp = csp();
        let mut pages = BTreeMap::new();
        pages.insert("index.html".to_string(), PageRef::Index);
        for (s, story) in analysis.stories.iter().enumerate() {
            pages.entry(story_file(story)).or_insert(PageRef::Story(s));
            for n in 0..story.reuse.len() {
                pages
                    .entry(compare_file(story, n))
                    .or_insert(PageRef::Compare(s, n));
            }
        }
        for (d, name) in site.names.iter().enumerate() {
            pages.entry(name.clone()).or_insert(PageRef::Article(d));
        }
        WebPages { site, pages }
    }

    /// The page with this file name (`index.html`, `story-s1.html`, …), if there is one.
    pub fn page(&self, name: &str) -> Option<String> {
        let a = self.site.analysis;
        Some(match *self.pages.get(name)? {
            PageRef::Index => self.site.index(),
            PageRef::Story(s) => self.site.story(&a.stories[s]),
            PageRef::Compare(s, n) => {
                let story = &a.stories[s];
                self.site.compare(story, n, &story.reuse[n])
            }
            PageRef::Article(d) => self.site.article(&a.documents[d]),
        })
    }

    /// The results page of a search.
    pub fn search(&self, query: &str, hits: &[SearchHit]) -> String {
        let rows = hits.iter().map(|h| self.hit_row(h)).collect();
        render(SearchPage {
            chrome: &self.site.chrome,
            query: query.to_string(),
            hits: rows,
        })
    }

    /// An error page (unknown page, bad request) with its HTTP status.
    pub fn error(&self, status: u16, message: &str) -> String {
        render(ErrorPage {
            chrome: &self.site.chrome,
            status,
            message: message.to_string(),
        })
    }

    fn hit_row(&self, hit: &SearchHit) -> HitRow {
        let link = self.site.names.get(hit.position).map_or_else(
            || self.site.doc_link(&hit.document),
            |name| Link {
                label: hit.document.clone(),
                href: name.clone(),
            },
        );
        let stories = hit
            .stories
            .iter()
            .filter_map(|id| self.site.analysis.stories.iter().find(|s| &s.id == id))
            .map(|s| Link {
                label: format!("{}: {}", s.id, s.title.as_deref().unwrap_or("(untitled)")),
                href: story_file(s),
            })
            .collect();
        HitRow {
            link,
            title: hit.title.clone().unwrap_or_else(|| hit.document.clone()),
            meta: [&hit.outlet, &hit.published]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(" · "),
            stories,
            pieces: pieces(&hit.fragment, &hit.highlights),
        }
    }
}

/// The served pages' policy: the file dossier's, but the search form may submit to the server.
pub fn csp() -> String {
    super::csp().replace("form-action 'none'", "form-action 'self'")
}

/// The fragment cut into plain and matched pieces (the template escapes each); a range that is
/// out of order or not on character boundaries is ignored.
fn pieces(fragment: &str, highlights: &[[usize; 2]]) -> Vec<(bool, String)> {
    let mut out = Vec::new();
    let mut at = 0;
    for &[start, end] in highlights {
        let (Some(before), Some(hit)) = (fragment.get(at..start), fragment.get(start..end)) else {
            continue;
        };
        out.push((false, before.to_string()));
        out.push((true, hit.to_string()));
        at = end;
    }
    out.push((false, fragment.get(at..).unwrap_or_default().to_string()));
    out.retain(|(_, s)| !s.is_empty());
    out
}

/// One result as the page prints it.
struct HitRow {
    link: Link,
    title: String,
    /// Outlet and publication date, those stated.
    meta: String,
    stories: Vec<Link>,
    /// The fragment: `(matched, text)` pieces.
    pieces: Vec<(bool, String)>,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage<'a> {
    chrome: &'a Chrome,
    query: String,
    hits: Vec<HitRow>,
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    chrome: &'a Chrome,
    status: u16,
    message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragment_pieces_keep_every_byte_and_skip_bad_ranges() {
        let p = pieces("Dam breaks in Kessler", &[[0, 3], [14, 21]]);
        assert_eq!(
            p,
            [
                (true, "Dam".to_string()),
                (false, " breaks in ".to_string()),
                (true, "Kessler".to_string())
            ]
        );
        let p = pieces("né là", &[[1, 2], [4, 2], [0, 99]]);
        assert_eq!(p, [(false, "né là".to_string())]);
    }
}
