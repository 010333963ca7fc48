//! Behaviour tests with sentences from the real (ababil-2022) and demo corpora.

use super::*;
use crate::extract::{Article, Field};

/// A document with the given id, clean text and publication date.
fn doc(id: &str, text: &str, published: Option<&str>) -> Doc {
    let article: Article = serde_json::from_value(serde_json::json!({
        "id": id, "origin": id, "format": "text", "encoding": "utf-8",
        "title": null, "author": null, "outlet": null, "published": null,
        "dateline": null, "agency": null, "language": null, "text": text,
        "paragraphs": [], "dropped": []
    }))
    .expect("article json");
    let mut article = article;
    article.published = published.map(|p| Field {
        value: p.to_string(),
        from: "test".to_string(),
        input: None,
    });
    Doc::new(article)
}
