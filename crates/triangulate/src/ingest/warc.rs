//! WARC files (ISO 28500), as Common Crawl's CC-NEWS writes them: gzip members of one record
//! each (the caller has already inflated the stream), `response` records carrying an HTTP
//! response. The HTML of each `text/html` response becomes a document with the record's
//! target URI and date; every other record is counted and reported once.
//!
//! The reader is our own, about a hundred lines: the `warc` crate (0.4) computes
//! `Content-Length + 4` unchecked — a panic on a hostile length — and reads bodies line by
//! line. Here every length is bounded and a truncated record is an error naming the record,
//! after which the records already read are kept.

use std::collections::BTreeMap;
use std::io::{BufRead, Read};

use super::{decode_document, Ingested, Severity, Supplied, MAX_INPUT_BYTES};

/// Largest header block of one record.
const MAX_HEADER_BYTES: u64 = 64 * 1024;

/// One record's named headers (names lower-cased) and its block.
struct Record {
    headers: Vec<(String, String)>,
    block: Vec<u8>,
}

impl Record {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Why reading stopped or a record was passed over.
enum Problem {
    /// The stream cannot be read further.
    Fatal(String),
    /// This record is unusable; the next can still be read.
    Skip(String),
}

/// Reads every record of an (inflated) WARC stream.
pub(super) fn read(origin: &str, stem: &str, mut reader: impl BufRead, out: &mut Ingested) {
    let mut passed_over: BTreeMap<String, usize> = BTreeMap::new();
    let mut number = 0usize;
    loop {
        number += 1;
        let where_ = format!("{origin}#record{number}");
        match next_record(&mut reader) {
            Ok(None) => break,
            Ok(Some(record)) => match to_document(&where_, &record) {
                Ok(mut doc) => {
                    doc.id = format!("{stem}-{number}");
                    out.docs.push(doc);
                }
                Err(kind) => *passed_over.entry(kind).or_default() += 1,
            },
            Err(Problem::Skip(msg)) => {
                out.report(&where_, Severity::Error, format!("skipped: {msg}"))
            }
            Err(Problem::Fatal(msg)) => {
                out.report(
                    &where_,
                    Severity::Error,
                    format!("{msg}; the records before it were read"),
                );
                break;
            }
        }
    }
    if !passed_over.is_empty() {
        let counts: Vec<String> = passed_over
            .iter()
            .map(|(k, n)| format!("{n} {k}"))
            .collect();
        out.report(
            origin,
            Severity::Info,
            format!(
                "records passed over (not HTML responses): {}",
                counts.join(", ")
            ),
        );
    }
}

/// Reads one record; `Ok(None)` at the end of the stream.
fn next_record(reader: &mut impl BufRead) -> Result<Option<Record>, Problem> {
    let mut version = String::new();
    // Records are separated by blank lines; skip them.
    loop {
        version.clear();
        let n = reader
            .take(MAX_HEADER_BYTES)
            .read_line(&mut version)
            .map_err(|e| Problem::Fatal(format!("cannot read: {e}")))?;
        if n == 0 {
            return Ok(None);
        }
        if !version.trim().is_empty() {
            break;
        }
    }
    if !version.starts_with("WARC/") {
        return Err(Problem::Fatal(format!(
            "not a WARC record: starts with {:?}",
            version.trim().chars().take(40).collect::<String>()
        )));
    }
    let headers = read_headers(reader)?;
    let length: u64 = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.trim().parse().ok())
        .ok_or_else(|| Problem::Fatal("missing or invalid Content-Length".into()))?;
    if length > MAX_INPUT_BYTES {
        let skipped = std::io::copy(&mut Read::take(&mut *reader, length), &mut std::io::sink())
            .map_err(|e| Problem::Fatal(format!("cannot read: {e}")))?;
        return if skipped < length {
            Err(Problem::Fatal(
                "truncated record (stream ends inside the block)".into(),
            ))
        } else {
            Err(Problem::Skip(format!(
                "block of {length} bytes is larger than {MAX_INPUT_BYTES}"
            )))
        };
    }
    let mut block = Vec::with_capacity(length.min(1 << 20) as usize);
    reader
        .take(length)
        .read_to_end(&mut block)
        .map_err(|e| Problem::Fatal(format!("cannot read (truncated gzip?): {e}")))?;
    if (block.len() as u64) < length {
        return Err(Problem::Fatal(format!(
            "truncated record: Content-Length {length}, only {} bytes",
            block.len()
        )));
    }
    Ok(Some(Record { headers, block }))
}

/// Reads `Name: value` lines up to the blank line ending the header block.
fn read_headers(reader: &mut impl BufRead) -> Result<Vec<(String, String)>, Problem> {
    let mut headers = Vec::new();
    let mut budget = MAX_HEADER_BYTES;
    loop {
        let mut line = String::new();
        let n = reader
            .take(budget)
            .read_line(&mut line)
            .map_err(|e| Problem::Fatal(format!("cannot read header: {e}")))?;
        if n == 0 {
            return Err(Problem::Fatal(
                "truncated record (stream ends in the header)".into(),
            ));
        }
        budget = budget.saturating_sub(n as u64);
        if budget == 0 {
            return Err(Problem::Fatal("header block too large".into()));
        }
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            return Ok(headers);
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
}

/// The document in a record, or the kind of record passed over.
fn to_document(origin: &str, record: &Record) -> Result<super::RawDoc, String> {
    let kind = record
        .header("warc-type")
        .unwrap_or("untyped")
        .to_ascii_lowercase();
    if kind != "response" {
        return Err(format!("{kind} records"));
    }
    let (http, payload) = split_http(&record.block).ok_or("responses without HTTP headers")?;
    let content_type = http_header(http, "content-type").unwrap_or_default();
    let lower = content_type.to_ascii_lowercase();
    if !(lower.contains("text/html") || lower.contains("application/xhtml")) {
        return Err("non-HTML responses".into());
    }
    let payload =
        inflate_if_encoded(http, payload).ok_or("responses with undecodable Content-Encoding")?;
    let charset = lower
        .split(';')
        .find_map(|p| p.trim().strip_prefix("charset="))
        .map(|c| c.trim_matches(['"', '\'']).to_string());
    let (mut doc, _) = decode_document(origin, "record.html", payload.into(), charset.as_deref())
        .map_err(|e| format!("responses skipped ({e})"))?;
    doc.supplied = Supplied {
        url: record
            .header("warc-target-uri")
            .map(|u| u.trim_matches(['<', '>']).to_string()),
        fetched: record.header("warc-date").map(str::to_string),
        ..Supplied::default()
    };
    Ok(doc)
}

/// Splits an HTTP response into its header block and payload.
fn split_http(block: &[u8]) -> Option<(&str, &[u8])> {
    if !block.starts_with(b"HTTP/") {
        return None;
    }
    let end = block.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&block[..end]).ok()?;
    Some((head, &block[end + 4..]))
}

fn http_header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    head.lines().skip(1).find_map(|l| {
        let (n, v) = l.split_once(':')?;
        n.trim().eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

/// The payload, inflated when the response says `Content-Encoding: gzip`.
fn inflate_if_encoded(head: &str, payload: &[u8]) -> Option<Vec<u8>> {
    match http_header(head, "content-encoding").map(str::to_ascii_lowercase) {
        Some(e) if e.contains("gzip") => {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(payload)
                .take(MAX_INPUT_BYTES)
                .read_to_end(&mut out)
                .ok()?;
            Some(out)
        }
        Some(e) if e != "identity" && !e.is_empty() => None,
        _ => Some(payload.to_vec()),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A WARC record with the given type, headers and block.
    pub(crate) fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2022-05-17T19:00:00Z\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    pub(crate) fn response(content_type: &str, body: &[u8]) -> Vec<u8> {
        let mut b = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n").into_bytes();
        b.extend_from_slice(body);
        b
    }

    fn read_bytes(bytes: &[u8]) -> Ingested {
        let mut out = Ingested::default();
        read("c.warc", "c", bytes, &mut out);
        out
    }

    #[test]
    fn html_responses_become_documents_and_the_rest_is_counted() {
        let page = "<html><body><article><p>Iran on Tuesday opened a drone factory in Dushanbe, officials said on the day.</p></article></body></html>";
        let mut warc = record("warcinfo", "", b"software: test\r\n");
        warc.extend(record(
            "request",
            "https://a.example/x",
            b"GET /x HTTP/1.1\r\n\r\n",
        ));
        warc.extend(record(
            "response",
            "https://a.example/x",
            &response("text/html; charset=utf-8", page.as_bytes()),
        ));
        warc.extend(record(
            "response",
            "https://a.example/i.png",
            &response("image/png", b"\x89PNG"),
        ));
        let out = read_bytes(&warc);
        assert_eq!(out.docs.len(), 1);
        assert_eq!(out.docs[0].id, "c-3");
        assert_eq!(
            out.docs[0].supplied.url.as_deref(),
            Some("https://a.example/x")
        );
        assert_eq!(
            out.docs[0].supplied.fetched.as_deref(),
            Some("2022-05-17T19:00:00Z")
        );
        assert_eq!(out.diagnostics.len(), 1);
        assert_eq!(
            out.diagnostics[0].message,
            "records passed over (not HTML responses): 1 non-HTML responses, 1 request records, 1 warcinfo records"
        );
    }

    #[test]
    fn the_http_charset_decodes_legacy_pages() {
        let body =
            b"<html><body><p>\xc7\xe1\xd3\xe1\xc7\xe3 \xda\xe1\xed\xdf\xe3</p></body></html>";
        let warc = record(
            "response",
            "https://a.example/ar",
            &response("text/html; charset=windows-1256", body),
        );
        let out = read_bytes(&warc);
        assert!(
            out.docs[0].input.contains("السلام عليكم"),
            "{}",
            out.docs[0].input
        );
        assert_eq!(out.docs[0].encoding, "windows-1256");
    }

    #[test]
    fn truncated_and_hostile_records_are_errors_not_panics() {
        let good = record(
            "response",
            "https://a.example/x",
            &response("text/html", b"<p>Text of a page.</p>"),
        );
        let mut truncated = good.clone();
        truncated.extend_from_slice(&good[..good.len() - 20]);
        let out = read_bytes(&truncated);
        assert_eq!(out.docs.len(), 1);
        assert!(out
            .diagnostics
            .iter()
            .any(|d| d.origin == "c.warc#record2" && d.message.contains("truncated")));
        let hostile =
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 18446744073709551615\r\n\r\nxx";
        let out = read_bytes(hostile);
        assert!(out.docs.is_empty() && !out.diagnostics.is_empty());
        let out = read_bytes(b"not a warc at all\n");
        assert!(out.diagnostics[0].message.contains("not a WARC record"));
    }
}
