//! JSON Lines: one article per line, as scrapers and news-please write them.
//!
//! The default field mapping reads the common names (and news-please's `maintext`,
//! `date_publish`, `source_domain`, `authors`); `--field NAME=KEY` overrides one. A line that
//! is not a JSON object, or has neither text nor HTML, is reported with its line number and
//! skipped; the other lines are read.

use std::io::{BufRead, Read};

use super::{decode_document, Ingested, RawDoc, Severity, Supplied, MAX_INPUT_BYTES};

/// Which JSON keys hold which article field. Each field takes the first key present with a
/// non-empty value; a key may be a dotted path into nested objects (`meta.title`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldMap {
    /// Document id.
    pub id: Vec<String>,
    /// Page URL.
    pub url: Vec<String>,
    /// Headline.
    pub title: Vec<String>,
    /// Plain text body (preferred when both text and HTML are present).
    pub text: Vec<String>,
    /// HTML page.
    pub html: Vec<String>,
    /// Publication date.
    pub published: Vec<String>,
    /// Outlet or site.
    pub outlet: Vec<String>,
    /// Author(s); an array is joined with ", ".
    pub author: Vec<String>,
}

impl Default for FieldMap {
    fn default() -> Self {
        let keys = |ks: &[&str]| ks.iter().map(|k| k.to_string()).collect();
        FieldMap {
            id: keys(&["id", "_id", "doc_id", "uuid"]),
            url: keys(&["url", "link", "source_url"]),
            title: keys(&["title", "headline", "title_page"]),
            text: keys(&["text", "maintext", "body", "content", "article"]),
            html: keys(&["html", "raw_html", "content_html"]),
            published: keys(&[
                "published",
                "date_publish",
                "published_at",
                "datePublished",
                "pubDate",
                "date",
            ]),
            outlet: keys(&[
                "outlet",
                "source",
                "site_name",
                "publisher",
                "source_domain",
            ]),
            author: keys(&["author", "authors", "byline"]),
        }
    }
}

impl FieldMap {
    /// Applies an override `NAME=KEY` (e.g. `text=body`): field NAME is read from KEY only.
    pub fn set(&mut self, spec: &str) -> Result<(), String> {
        let (name, key) = spec
            .split_once('=')
            .ok_or_else(|| format!("--field {spec:?}: expected NAME=KEY, e.g. text=body"))?;
        let slot = match name.trim() {
            "id" => &mut self.id,
            "url" => &mut self.url,
            "title" => &mut self.title,
            "text" => &mut self.text,
            "html" => &mut self.html,
            "published" => &mut self.published,
            "outlet" => &mut self.outlet,
            "author" => &mut self.author,
            other => {
                return Err(format!(
                    "--field {spec:?}: unknown field {other:?} (id, url, title, text, html, published, outlet, author)"
                ))
            }
        };
        *slot = vec![key.trim().to_string()];
        Ok(())
    }
}

/// Reads every line of a JSON Lines stream.
pub(super) fn read(
    origin: &str,
    stem: &str,
    mut reader: impl BufRead,
    fields: &FieldMap,
    out: &mut Ingested,
) {
    let mut line = Vec::new();
    let mut number = 0usize;
    loop {
        line.clear();
        number += 1;
        match Read::take(&mut reader, MAX_INPUT_BYTES + 1).read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                out.report(
                    origin,
                    Severity::Error,
                    format!("line {number}: cannot read further: {e}"),
                );
                break;
            }
        }
        if line.len() as u64 > MAX_INPUT_BYTES {
            out.report(
                origin,
                Severity::Error,
                format!("line {number}: skipped: longer than {MAX_INPUT_BYTES} bytes"),
            );
            skip_rest_of_line(&mut reader);
            continue;
        }
        let where_ = format!("{origin}:{number}");
        match record(&where_, &line, fields) {
            Ok(None) => {}
            Ok(Some((mut doc, warning))) => {
                if let Some(w) = warning {
                    out.report(&where_, Severity::Warning, w);
                }
                if doc.id.is_empty() {
                    doc.id = format!("{stem}-{number}");
                }
                out.docs.push(doc);
            }
            Err(problem) => out.report(&where_, Severity::Error, format!("skipped: {problem}")),
        }
    }
}

fn skip_rest_of_line(reader: &mut impl BufRead) {
    let mut sink = Vec::new();
    loop {
        sink.clear();
        match Read::take(&mut *reader, 1 << 20).read_until(b'\n', &mut sink) {
            Ok(0) | Err(_) => return,
            Ok(_) if sink.ends_with(b"\n") => return,
            Ok(_) => {}
        }
    }
}

/// One line: `Ok(None)` for a blank line, a document, or the problem.
fn record(
    origin: &str,
    line: &[u8],
    fields: &FieldMap,
) -> Result<Option<(RawDoc, Option<String>)>, String> {
    if line.trim_ascii().is_empty() {
        return Ok(None);
    }
    let value: serde_json::Value =
        serde_json::from_slice(line).map_err(|e| format!("invalid JSON: {e}"))?;
    if !value.is_object() {
        return Err("not a JSON object".into());
    }
    let get = |keys: &[String]| keys.iter().find_map(|k| string_at(&value, k));
    let (body, name) = match (get(&fields.text), get(&fields.html)) {
        (Some(text), _) => (text, "record.txt"),
        (None, Some(html)) => (html, "record.html"),
        (None, None) => {
            return Err(format!(
                "no text or html field (looked for {})",
                fields
                    .text
                    .iter()
                    .chain(&fields.html)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        }
    };
    let (mut doc, warning) =
        decode_document(origin, name, body.as_bytes().into(), None).map_err(|e| e.to_string())?;
    doc.id = get(&fields.id).unwrap_or_default();
    doc.supplied = Supplied {
        url: get(&fields.url),
        title: get(&fields.title),
        published: get(&fields.published),
        outlet: get(&fields.outlet),
        author: get(&fields.author),
        fetched: None,
    };
    Ok(Some((doc, warning)))
}

/// The non-empty string at a dotted path; numbers are written out, arrays of strings joined.
fn string_at(value: &serde_json::Value, path: &str) -> Option<String> {
    let mut v = value;
    for part in path.split('.') {
        v = v.get(part)?;
    }
    let s = match v {
        serde_json::Value::String(s) => s.trim().to_string(),
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::Array(items) => items
            .iter()
            .filter_map(|i| i.as_str().map(str::trim))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(s: &str, fields: &FieldMap) -> Ingested {
        let mut out = Ingested::default();
        read("c.jsonl", "c", s.as_bytes(), fields, &mut out);
        out
    }

    #[test]
    fn news_please_records_are_read_with_their_metadata() {
        let line = r#"{"authors": ["Anna Korvel", "Ivo Strand"], "date_publish": "2025-03-12 09:12:00", "maintext": "VELIN -- The dam gave way on Tuesday, officials said, and water reached the lower streets.", "source_domain": "karavan.example", "title": "Dam fails", "url": "https://karavan.example/dam"}"#;
        let out = read_str(line, &FieldMap::default());
        assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
        let doc = &out.docs[0];
        assert_eq!(doc.id, "c-1");
        assert_eq!(
            doc.supplied.author.as_deref(),
            Some("Anna Korvel, Ivo Strand")
        );
        assert_eq!(doc.supplied.outlet.as_deref(), Some("karavan.example"));
        assert_eq!(
            doc.supplied.published.as_deref(),
            Some("2025-03-12 09:12:00")
        );
        assert!(doc.input.starts_with("VELIN --"));
    }

    #[test]
    fn bad_lines_are_reported_by_number_and_the_rest_read() {
        let input = "{\"id\": \"a\", \"text\": \"First article text.\"}\nnot json\n\n[1,2]\n{\"id\": \"b\"}\n{\"id\": \"c\", \"html\": \"<p>Second.</p>\"}\n";
        let out = read_str(input, &FieldMap::default());
        let ids: Vec<_> = out.docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        let msgs: Vec<_> = out
            .diagnostics
            .iter()
            .map(|d| format!("{}: {}", d.origin, d.message))
            .collect();
        assert_eq!(msgs.len(), 3, "{msgs:?}");
        assert!(msgs[0].starts_with("c.jsonl:2: skipped: invalid JSON"));
        assert!(msgs[1].starts_with("c.jsonl:4: skipped: not a JSON object"));
        assert!(msgs[2].starts_with("c.jsonl:5: skipped: no text or html field"));
    }

    #[test]
    fn field_overrides_read_other_keys() {
        let mut fields = FieldMap::default();
        fields.set("text=story.body").unwrap();
        let out = read_str(
            r#"{"story": {"body": "Nested text of the article."}, "text": "ignored"}"#,
            &fields,
        );
        assert_eq!(out.docs[0].input, "Nested text of the article.");
        assert!(fields.set("colour=x").is_err());
        assert!(fields.set("text").is_err());
    }
}
