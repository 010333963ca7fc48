//! A corpus of hostile and broken files: each problem is reported with its file (and line or
//! record), everything else is processed, nothing is silently dropped.

mod common;

use std::io::Write;

use triangulate::ingest::{self, ReadOptions, Severity};

const ARTICLE: &str = "DUSHANBE (Reuters) - Iran opened a drone factory in Tajikistan on Tuesday, the defence ministry said, in a ceremony attended by the chief of staff.\n\nThe plant will build Ababil-2 drones, which have a range of 200 kilometres, officials said on the day.\n";

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn warc_record(uri: &str, html: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{html}");
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    )
    .into_bytes()
}

#[test]
fn every_broken_file_is_named_and_the_good_ones_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name);
    std::fs::write(p("good.txt"), ARTICLE).unwrap();
    let gz = gzip(ARTICLE.as_bytes());
    std::fs::write(p("good.txt.gz"), &gz).unwrap();
    std::fs::write(p("truncated.txt.gz"), &gz[..gz.len() / 2]).unwrap();
    std::fs::write(
        p("random.html"),
        (0..4000u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let page = format!(
        "<html><body><article><p>{}</p></article></body></html>",
        ARTICLE.replace("\n\n", "</p><p>")
    );
    let mut warc = gzip(&warc_record("https://a.example/1", &page));
    let second = gzip(&warc_record("https://a.example/2", &page));
    warc.extend_from_slice(&second[..second.len() - 30]);
    std::fs::write(p("crawl.warc.gz"), warc).unwrap();
    let jsonl = format!(
        "{}\n{{broken\n\"a string\"\n{{\"id\": \"no-body\"}}\n",
        serde_json::json!({"id": "j1", "text": ARTICLE})
    );
    std::fs::write(p("feed.jsonl"), jsonl).unwrap();
    std::fs::write(
        p("nav-only.html"),
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
    )
    .unwrap();

    let out = ingest::read_paths(&[dir.path().to_path_buf()], &ReadOptions::default());
    let ids: Vec<&str> = out.docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["crawl-1", "j1", "good", "good~2", "nav-only"]);
    let errors: Vec<String> = out
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{} | {}", d.origin.rsplit('/').next().unwrap(), d.message))
        .collect();
    let expect = [
        ("crawl.warc.gz#record2", "truncated"),
        ("feed.jsonl:2", "invalid JSON"),
        ("feed.jsonl:3", "not a JSON object"),
        ("feed.jsonl:4", "no text or html field"),
        ("random.html", "binary data"),
        ("truncated.txt.gz", "broken gzip"),
    ];
    assert_eq!(errors.len(), expect.len(), "{errors:#?}");
    for ((origin, problem), got) in expect.iter().zip(&errors) {
        assert!(
            got.starts_with(origin) && got.contains(problem),
            "expected {origin}: {problem}, got {got}"
        );
    }
    // A page with no article is read, comes out with an empty body, and is said to be empty.
    let analysis = triangulate::analyze(&out.docs, out.diagnostics);
    let nav = analysis
        .documents
        .iter()
        .find(|d| d.id == "nav-only")
        .unwrap();
    assert!(nav.text.is_empty());
    assert!(analysis
        .diagnostics
        .iter()
        .any(|d| d.origin.ends_with("nav-only.html")
            && d.severity == Severity::Warning
            && d.message.starts_with("no article text found")));
}

#[test]
fn legacy_encodings_come_out_as_utf8() {
    let cases: [(&str, &[u8], &str); 3] = [
        (
            "koi8.html",
            b"<html><head><meta charset=\"koi8-r\"></head><body><p>\xf0\xd2\xc5\xda\xc9\xc4\xc5\xce\xd4 \xf4\xc1\xc4\xd6\xc9\xcb\xc9\xd3\xd4\xc1\xce\xc1</p></body></html>",
            "Президент Таджикистана",
        ),
        (
            "arabic.html",
            b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\"></head><body><p>\xc7\xe1\xd3\xe1\xc7\xe3 \xda\xe1\xed\xdf\xe3</p></body></html>",
            "السلام عليكم",
        ),
        (
            "latin1.txt",
            b"Les habitants de Montr\xe9al ont manifest\xe9 mardi devant la mairie, a d\xe9clar\xe9 la police municipale.",
            "Montréal ont manifesté",
        ),
    ];
    for (name, bytes, expected) in cases {
        let (doc, warning) = ingest::decode(name, name, bytes).unwrap();
        assert!(doc.input.contains(expected), "{name}: {}", doc.input);
        // Declared charsets are trusted silently; detection is reported.
        assert_eq!(warning.is_some(), name.ends_with(".txt"), "{name}");
    }
}

#[test]
fn a_page_over_the_size_limit_is_refused_by_name_and_a_large_one_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let paragraph =
        "<p>The committee met again on Thursday to discuss the budget for the coming year.</p>\n";
    let large = paragraph.repeat(50 * 1024 * 1024 / paragraph.len());
    std::fs::write(
        dir.path().join("large.html"),
        format!("<html><body>{large}</body></html>"),
    )
    .unwrap();
    let huge = paragraph.repeat(70 * 1024 * 1024 / paragraph.len());
    std::fs::write(dir.path().join("huge.html"), huge).unwrap();
    let out = ingest::read_paths(&[dir.path().to_path_buf()], &ReadOptions::default());
    assert_eq!(out.docs.len(), 1);
    assert!(out.docs[0].input.len() > 50_000_000);
    assert_eq!(out.diagnostics.len(), 1);
    assert!(
        out.diagnostics[0].origin.ends_with("huge.html")
            && out.diagnostics[0].message.contains("larger than")
    );
}

/// A reader handing out at most `step` bytes a call, as a pipe may.
struct Trickle<'a> {
    data: &'a [u8],
    step: usize,
}

impl std::io::Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.step).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

/// Standard input was told apart (gzip or not, WARC, JSON Lines or one document) by
/// whatever its first read returned, so a WARC stream arriving a few bytes at a time was
/// read as one plain-text document. The `jsonl_read` and `warc_read` fuzz targets check
/// that a stream reads the same however it is cut.
#[test]
fn a_stream_arriving_a_few_bytes_at_a_time_is_told_apart_by_its_content() {
    let page = format!(
        "<html><body><article><p>{}</p></article></body></html>",
        ARTICLE.replace("\n\n", "</p><p>")
    );
    let warc = warc_record("https://a.example/1", &page);
    let jsonl = format!("{}\n", serde_json::json!({"id": "j1", "text": ARTICLE}));
    for (bytes, id) in [
        (warc.clone(), "--1"),
        (gzip(&warc), "--1"),
        (jsonl.clone().into_bytes(), "j1"),
        (gzip(jsonl.as_bytes()), "j1"),
    ] {
        for step in [1, 3, 1 << 20] {
            let reader = Trickle { data: &bytes, step };
            let out = ingest::read_stream("<stdin>", reader, &ReadOptions::default());
            let ids: Vec<&str> = out.docs.iter().map(|d| d.id.as_str()).collect();
            assert_eq!(ids, [id], "step {step}: {:?}", out.diagnostics);
        }
    }
}

/// Ids given in a feed could collide with the `~2` suffix given to a repeated id, and two
/// documents shared one id (the fuzz targets check that ids are unique).
#[test]
fn ids_stay_unique_when_a_feed_names_a_suffixed_id() {
    let lines: Vec<String> = ["a", "a", "a~2"]
        .iter()
        .map(|id| serde_json::json!({"id": id, "text": ARTICLE}).to_string())
        .collect();
    let out = ingest::read_named(
        "feed.jsonl",
        "feed.jsonl",
        lines.join("\n").as_bytes(),
        &ReadOptions::default(),
    );
    let ids: Vec<&str> = out.docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "a~2", "a~2~2"]);
}

/// A truncated gzip stream on standard input keeps the records before the break: the error
/// met while sniffing the first bytes is reported where the JSON Lines reader meets it.
#[test]
fn a_truncated_gzip_stream_keeps_the_records_before_the_break() {
    let first = serde_json::json!({"id": "j1", "text": ARTICLE}).to_string();
    let second = serde_json::json!({"id": "j2", "text": ARTICLE.repeat(4)}).to_string();
    // One gzip member a record, the second cut in half.
    let mut gz = gzip(format!("{first}\n").as_bytes());
    let rest = gzip(format!("{second}\n").as_bytes());
    gz.extend_from_slice(&rest[..rest.len() / 2]);
    let out = ingest::read_stream("<stdin>", gz.as_slice(), &ReadOptions::default());
    let ids: Vec<&str> = out.docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["j1"], "{:?}", out.diagnostics);
    assert!(
        out.diagnostics.iter().any(|d| d.origin == "<stdin>"
            && d.severity == Severity::Error
            && d.message.starts_with("line 2: cannot read further")),
        "{:?}",
        out.diagnostics
    );
}
