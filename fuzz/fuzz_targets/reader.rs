// Shared by the reader-level fuzz targets: the checks of what a reader of outside bytes
// returns, without running the analysis (so that a run takes about a millisecond, not 50).

use std::collections::HashSet;
use std::io::{Read, Write};

use triangulate::extract::{self, Article, Field, HtmlBody};
use triangulate::ingest::{self, Format, Ingested, RawDoc, ReadOptions};
use triangulate::model::Span;

/// `span` lies inside `text` and starts and ends on char boundaries.
fn assert_slice(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && text.get(span.start..span.end).is_some(),
        "{what}: span {}..{} is not a slice of a text of {} bytes",
        span.start,
        span.end,
        text.len()
    );
}

/// Bytes decoded as `page.html` (gzip, BOM, charset) and extracted with `body`; every span
/// of the article checked. Undecodable bytes are a diagnostic, not a finding.
pub fn check_html_page(bytes: &[u8], body: HtmlBody) {
    if let Ok((doc, _)) = ingest::decode("page.html", "page.html", bytes) {
        check_article(&doc, &extract::extract_with(&doc, body));
    }
}

/// Every span of an extracted article is a slice of the text it points into; the clean text
/// is its paragraphs joined by blank lines; a plain-text paragraph is its input slice byte
/// for byte; a field read from the clean text and mapped back says what its input slice says.
pub fn check_article(doc: &RawDoc, a: &Article) {
    let mut joined = String::new();
    for p in &a.paragraphs {
        assert_slice(&a.text, p.text, "paragraph text");
        assert_slice(&doc.input, p.input, "paragraph input");
        if !joined.is_empty() {
            joined.push_str("\n\n");
        }
        assert_eq!(
            p.text.start,
            joined.len(),
            "paragraph text span out of place"
        );
        joined.push_str(p.text.slice(&a.text));
        if doc.format == Format::Text {
            assert_eq!(p.text.slice(&a.text), p.input.slice(&doc.input));
        }
    }
    assert_eq!(joined, a.text, "clean text is not its paragraphs joined");
    for d in &a.dropped {
        assert_slice(&doc.input, d.input, "dropped input");
    }
    let fields = [
        &a.title,
        &a.author,
        &a.outlet,
        &a.published,
        &a.modified,
        &a.url,
        &a.dateline,
        &a.agency,
        &a.language,
    ];
    for field in fields.into_iter().flatten().chain(&a.authors) {
        check_field(doc, field);
    }
}

/// A field's input span is a slice of the input; where the value was read from the clean
/// text (dateline, credits) or found verbatim (author names), the slice is the value.
fn check_field(doc: &RawDoc, field: &Field) {
    let Some(span) = field.input else { return };
    assert_slice(&doc.input, span, &field.from);
    let verbatim = matches!(
        field.from.as_str(),
        "dateline" | "dateline credit" | "closing credit" | "headline line"
    );
    if verbatim {
        assert_eq!(span.slice(&doc.input), field.value, "{} span", field.from);
    }
}

/// What a reader returned is usable: unique non-empty ids, inputs with text in them.
pub fn check_ingested(out: &Ingested) {
    let mut ids = HashSet::new();
    for doc in &out.docs {
        assert!(!doc.id.is_empty(), "empty document id");
        assert!(
            ids.insert(doc.id.as_str()),
            "document id {:?} twice",
            doc.id
        );
        assert!(!doc.input.trim().is_empty(), "{}: blank input", doc.id);
    }
    for d in &out.diagnostics {
        assert!(!d.origin.is_empty() && !d.message.is_empty());
    }
}

/// Reads `data` as a file called `name`.
pub fn read(name: &str, data: impl Read) -> Ingested {
    read_as(name, name, data)
}

/// Reads `data` as a file called `name`, reported as coming from `origin`.
fn read_as(origin: &str, name: &str, data: impl Read) -> Ingested {
    ingest::read_named(origin, name, data, &ReadOptions::default())
}

/// Everything a reader returned, comparable (`RawDoc` is not `PartialEq`).
pub fn summary(out: &Ingested) -> Vec<String> {
    let docs = out.docs.iter().map(|d| {
        format!(
            "{} {} {:?} {} {:?} {:?}",
            d.id, d.origin, d.format, d.encoding, d.supplied, d.input
        )
    });
    let diagnostics = out.diagnostics.iter().map(|d| format!("{d:?}"));
    docs.chain(diagnostics).collect()
}

/// A reader handing out at most `step` bytes a call, as a pipe may: a streaming reader must
/// not depend on how its input is cut.
pub struct Trickle<'a> {
    pub data: &'a [u8],
    pub step: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.step).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

/// `data` as gzip: one member, or two cut at `cut` (CC-NEWS writes one member per record).
pub fn gzip(data: &[u8], cut: Option<usize>) -> Vec<u8> {
    let member = |bytes: &[u8]| {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(bytes).expect("gzip to memory");
        e.finish().expect("gzip to memory")
    };
    match cut {
        Some(at) if at < data.len() => [member(&data[..at]), member(&data[at..])].concat(),
        _ => member(data),
    }
}

/// Reads a container file (`name` is `x.jsonl` or `x.warc`) and checks that the result is
/// usable and the same however the bytes arrive: whole, a few bytes a read, gzipped (in one
/// member, or two cut at a point the last byte picks: one variant a run, to keep runs
/// fast); and that a stream named `-` is told apart by its first bytes alike.
pub fn check_container(name: &str, data: &[u8]) {
    let whole = read(name, data);
    check_ingested(&whole);
    let expected = summary(&whole);
    let step = 1 + data.first().map_or(0, |b| usize::from(b % 8));
    assert_eq!(
        summary(&read(name, Trickle { data, step })),
        expected,
        "trickled"
    );
    if data.starts_with(&[0x1f, 0x8b]) {
        return;
    }
    let cut = data.last().map(|&b| usize::from(b) * data.len() / 256);
    let gz = gzip(data, cut.filter(|&c| c > 0));
    let inflated = read_as(name, &format!("{name}.gz"), gz.as_slice());
    assert_eq!(summary(&inflated), expected, "gzipped");
    let sniffed = read("-", data);
    check_ingested(&sniffed);
    assert_eq!(
        summary(&read("-", Trickle { data, step })),
        summary(&sniffed),
        "stream trickled"
    );
}
