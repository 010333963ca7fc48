//! Ingest: paths and bytes → [`RawDoc`]s, with a [`Diagnostic`] for every file skipped.
//!
//! [`decode`] is pure (bytes in, document or error out); [`read_paths`] is the I/O edge that
//! walks files and directories. A bad file never stops the others: it becomes a diagnostic
//! naming the file and the problem.

mod jsonl;
mod warc;

use std::borrow::Cow;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

pub use jsonl::FieldMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::DocId;

/// How the input bytes are to be read.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text, typically pasted from a web page.
    Text,
    /// An HTML page.
    Html,
}

/// One input document before extraction.
#[derive(Clone, Debug)]
pub struct RawDoc {
    /// Document id (file stem, made unique).
    pub id: DocId,
    /// Where it came from: a path, as given.
    pub origin: String,
    /// Text or HTML.
    pub format: Format,
    /// The decoded input. Input spans index into this string.
    pub input: String,
    /// Name of the encoding the bytes were decoded from.
    pub encoding: &'static str,
    /// Metadata supplied with the input (JSON Lines fields, WARC headers), not read from it.
    pub supplied: Supplied,
}

impl RawDoc {
    /// A UTF-8 document given in memory, with nothing supplied beside it.
    pub fn new(id: &str, format: Format, input: &str) -> Self {
        RawDoc {
            id: id.to_string(),
            origin: id.to_string(),
            format,
            input: input.to_string(),
            encoding: "UTF-8",
            supplied: Supplied::default(),
        }
    }
}

/// Metadata that came with a document rather than from its text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Supplied {
    /// The page's URL.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date as supplied (any format `text::dates` reads).
    pub published: Option<String>,
    /// Outlet or site name.
    pub outlet: Option<String>,
    /// Author(s).
    pub author: Option<String>,
    /// When the page was fetched (a WARC record's date), ISO 8601.
    pub fetched: Option<String>,
}

/// How serious a diagnostic is.
#[derive(
    Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational: something was passed over on purpose (an unsupported file type).
    Info,
    /// The file was processed, but not as given (re-encoded, say).
    Warning,
    /// The file was skipped.
    Error,
}

/// A message about one input file.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file (or directory) concerned.
    pub origin: String,
    /// Info, warning or error (= skipped).
    pub severity: Severity,
    /// What is wrong, in words.
    pub message: String,
}

impl Diagnostic {
    fn new(origin: &str, severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            origin: origin.to_string(),
            severity,
            message: message.into(),
        }
    }
}

/// Why one input could not be read as a document.
#[derive(thiserror::Error, Debug, Clone, PartialEq, Eq)]
pub enum IngestError {
    /// Zero bytes, or only white space.
    #[error("file is empty")]
    Empty,
    /// NUL bytes or too many control characters: not text.
    #[error("binary data, not text ({0})")]
    Binary(String),
    /// A gzip stream that could not be inflated.
    #[error("broken gzip data: {0}")]
    Gzip(String),
    /// The file could not be read.
    #[error("cannot read: {0}")]
    Io(String),
}

/// File endings read when walking a directory (a trailing `.gz` is also accepted).
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md", "html", "htm", "xhtml"];

/// Largest input accepted, after decompression.
const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Decodes one input's bytes into a document. Bytes given by value (a `Vec<u8>`) that are
/// UTF-8 become the document's text without a copy.
///
/// Returns the document and, when the bytes were not UTF-8, a warning to report.
pub fn decode<'a>(
    origin: &str,
    name_hint: &str,
    bytes: impl Into<Cow<'a, [u8]>>,
) -> Result<(RawDoc, Option<String>), IngestError> {
    let (bytes, name_hint) = maybe_gunzip(bytes.into(), name_hint)?;
    decode_document(origin, &name_hint, bytes, None)
}

/// Decodes uncompressed bytes of one document; `declared` is a charset stated outside the
/// bytes (an HTTP `Content-Type` header).
pub(crate) fn decode_document(
    origin: &str,
    name_hint: &str,
    bytes: Cow<'_, [u8]>,
    declared: Option<&str>,
) -> Result<(RawDoc, Option<String>), IngestError> {
    check_not_binary(&bytes)?;
    let (input, encoding, warning) = decode_text(bytes, declared);
    if input.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    let format = detect_format(name_hint, &input);
    let doc = RawDoc {
        id: String::new(),
        origin: origin.to_string(),
        format,
        input,
        encoding,
        supplied: Supplied::default(),
    };
    Ok((doc, warning))
}

fn maybe_gunzip<'a>(
    bytes: Cow<'a, [u8]>,
    name_hint: &str,
) -> Result<(Cow<'a, [u8]>, String), IngestError> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok((bytes, name_hint.to_string()));
    }
    let mut out = Vec::new();
    let reader = flate2::read::MultiGzDecoder::new(&bytes[..]);
    reader
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| IngestError::Gzip(e.to_string()))?;
    if out.len() as u64 > MAX_INPUT_BYTES {
        return Err(IngestError::Gzip(format!(
            "inflates to more than {MAX_INPUT_BYTES} bytes"
        )));
    }
    let hint = name_hint
        .strip_suffix(".gz")
        .unwrap_or(name_hint)
        .to_string();
    Ok((out.into(), hint))
}

fn check_not_binary(bytes: &[u8]) -> Result<(), IngestError> {
    let head = &bytes[..bytes.len().min(8192)];
    if let Some(pos) = head.iter().position(|&b| b == 0) {
        // UTF-16 text has NULs too; it is not a supported input, and saying so is clearer.
        return Err(IngestError::Binary(format!("NUL byte at offset {pos}")));
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if !head.is_empty() && controls * 20 > head.len() {
        return Err(IngestError::Binary(format!(
            "{controls} control bytes in the first {} bytes",
            head.len()
        )));
    }
    Ok(())
}

/// Decodes text: UTF-8 when the bytes are UTF-8; else the charset declared outside the bytes
/// or in an HTML `<meta>`; else the encoding `chardetng` detects, with a warning.
fn decode_text(
    bytes: Cow<'_, [u8]>,
    declared: Option<&str>,
) -> (String, &'static str, Option<String>) {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let utf8 = match bytes {
        // Owned bytes without a byte-order mark become the text in place.
        Cow::Owned(owned) if !owned.starts_with(BOM) => {
            String::from_utf8(owned).map_err(|e| Cow::Owned(e.into_bytes()))
        }
        bytes => {
            let text =
                std::str::from_utf8(bytes.strip_prefix(BOM).unwrap_or(&bytes)).map(str::to_string);
            text.map_err(|_| bytes)
        }
    };
    let bytes = match utf8 {
        Ok(text) => return (text, "UTF-8", None),
        Err(bytes) => bytes,
    };
    let bytes = bytes.strip_prefix(BOM).unwrap_or(&bytes);
    match declared_encoding(bytes, declared) {
        Some(encoding) => {
            let (text, _, _) = encoding.decode(bytes);
            (text.into_owned(), encoding.name(), None)
        }
        None => {
            let valid_up_to = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), str::len);
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
            let (text, _, _) = encoding.decode(bytes);
            let warning = format!(
                "not valid UTF-8 (first bad byte at offset {valid_up_to}); decoded as {} by detection",
                encoding.name()
            );
            (text.into_owned(), encoding.name(), Some(warning))
        }
    }
}

/// The encoding stated for the bytes: `declared` (an HTTP header's charset), else a
/// `<meta charset>` or `<meta http-equiv content="…charset=…">` in the first 4 KiB.
/// UTF-8 and UTF-16 claims are ignored: the bytes are already known not to be UTF-8.
fn declared_encoding(
    bytes: &[u8],
    declared: Option<&str>,
) -> Option<&'static encoding_rs::Encoding> {
    static META: std::sync::OnceLock<regex::bytes::Regex> = std::sync::OnceLock::new();
    let meta = META.get_or_init(|| {
        regex::bytes::Regex::new(
            r#"(?i)<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{2,40})"#,
        )
        .expect("meta charset pattern")
    });
    let from_meta = || {
        let head = &bytes[..bytes.len().min(4096)];
        meta.captures(head)
            .and_then(|c| c.get(1))
            .and_then(|m| encoding_rs::Encoding::for_label(m.as_bytes()))
    };
    declared
        .and_then(|label| encoding_rs::Encoding::for_label(label.trim().as_bytes()))
        .or_else(from_meta)
        .filter(|e| {
            *e != encoding_rs::UTF_8 && *e != encoding_rs::UTF_16LE && *e != encoding_rs::UTF_16BE
        })
}

fn detect_format(name_hint: &str, input: &str) -> Format {
    let lower = name_hint.to_ascii_lowercase();
    if [".html", ".htm", ".xhtml"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        return Format::Html;
    }
    let head: String = input
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body") {
        Format::Html
    } else {
        Format::Text
    }
}

/// Result of reading a set of paths.
#[derive(Debug, Default)]
pub struct Ingested {
    /// Documents read, in a deterministic order (sorted paths), with unique ids.
    pub docs: Vec<RawDoc>,
    /// One entry per file skipped or read with a caveat.
    pub diagnostics: Vec<Diagnostic>,
}

impl Ingested {
    fn report(&mut self, origin: &str, severity: Severity, message: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::new(origin, severity, message));
    }
}

/// How inputs are to be read.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// Field names of JSON Lines records.
    pub fields: FieldMap,
}

/// Reads files and directories (recursively). Never fails as a whole: every problem becomes
/// a diagnostic and the other inputs are still read.
pub fn read_paths(paths: &[PathBuf], options: &ReadOptions) -> Ingested {
    let mut out = Ingested::default();
    for path in paths {
        read_path(path, true, options, &mut out);
    }
    assign_unique_ids(&mut out.docs);
    out
}

/// Reads one stream (standard input): a document, JSON Lines or WARC, gzip or not,
/// told apart by its first bytes.
pub fn read_stream(origin: &str, reader: impl Read, options: &ReadOptions) -> Ingested {
    read_named(origin, "-", reader, options)
}

/// Reads one stream as a file called `name` would be read: the name's ending (`.jsonl`,
/// `.warc.gz`, `.html`, …) says what it holds; with no known ending, its first bytes do.
pub fn read_named(origin: &str, name: &str, reader: impl Read, options: &ReadOptions) -> Ingested {
    let mut out = Ingested::default();
    let stem = stem_of(Path::new(name));
    read_source(origin, name, &stem, Box::new(reader), options, &mut out);
    assign_unique_ids(&mut out.docs);
    out
}

fn read_path(path: &Path, explicit: bool, options: &ReadOptions, out: &mut Ingested) {
    let origin = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return out.report(&origin, Severity::Error, format!("cannot read: {e}")),
    };
    if meta.is_dir() {
        read_dir(path, options, out);
    } else if explicit || has_article_extension(path) {
        match std::fs::File::open(path) {
            Ok(file) => {
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                read_source(&origin, name, &stem_of(path), Box::new(file), options, out);
            }
            Err(e) => out.report(&origin, Severity::Error, format!("cannot read: {e}")),
        }
    } else {
        out.report(
            &origin,
            Severity::Info,
            "passed over: not a supported article file type (.txt, .md, .html, .htm, .xhtml, .jsonl, .ndjson, .warc, optionally .gz)",
        );
    }
}

fn read_dir(dir: &Path, options: &ReadOptions, out: &mut Ingested) {
    let origin = dir.display().to_string();
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => return out.report(&origin, Severity::Error, format!("cannot list: {e}")),
    };
    entries.sort();
    let before = (out.docs.len(), out.diagnostics.len());
    for entry in entries {
        let hidden = entry
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if !hidden {
            read_path(&entry, false, options, out);
        }
    }
    if (out.docs.len(), out.diagnostics.len()) == before {
        out.report(
            &origin,
            Severity::Error,
            "no articles found in this directory",
        );
    }
}

fn has_article_extension(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    ARTICLE_EXTENSIONS
        .iter()
        .chain(CONTAINER_EXTENSIONS)
        .any(|ext| name.ends_with(&format!(".{ext}")))
}

/// What one file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Container {
    /// One document.
    Single,
    /// One JSON object per line.
    JsonLines,
    /// WARC records.
    Warc,
}

/// File endings of multi-document files.
const CONTAINER_EXTENSIONS: &[&str] = &["jsonl", "ndjson", "warc"];

fn container_by_name(name: &str) -> Option<Container> {
    let lower = name.to_ascii_lowercase();
    let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        Some(Container::JsonLines)
    } else if lower.ends_with(".warc") {
        Some(Container::Warc)
    } else if ARTICLE_EXTENSIONS
        .iter()
        .any(|e| lower.ends_with(&format!(".{e}")))
    {
        Some(Container::Single)
    } else {
        None
    }
}

fn container_by_content(head: &[u8]) -> Container {
    let trimmed = head.trim_ascii_start();
    if trimmed.starts_with(b"WARC/") {
        Container::Warc
    } else if trimmed.starts_with(b"{") {
        Container::JsonLines
    } else {
        Container::Single
    }
}

/// Reads one source of bytes, decompressing gzip and choosing how to read it by name or,
/// failing that, by its first bytes.
fn read_source(
    origin: &str,
    name: &str,
    stem: &str,
    raw: Box<dyn Read + '_>,
    options: &ReadOptions,
    out: &mut Ingested,
) {
    let (magic, raw) = peek(raw, 2);
    let gzipped = magic.starts_with(&[0x1f, 0x8b]);
    let inflated: Box<dyn Read + '_> = if gzipped {
        Box::new(flate2::bufread::MultiGzDecoder::new(
            BufReader::with_capacity(1 << 16, raw),
        ))
    } else {
        raw
    };
    let (container, reader) = match container_by_name(name) {
        Some(c) => (c, inflated),
        None => {
            let (head, reader) = peek(inflated, SNIFF_BYTES);
            (container_by_content(&head), reader)
        }
    };
    let reader = BufReader::with_capacity(1 << 16, reader);
    let name = name.strip_suffix(".gz").unwrap_or(name);
    match container {
        Container::Single => read_single(origin, name, stem, reader, gzipped, out),
        Container::JsonLines => jsonl::read(origin, stem, reader, &options.fields, out),
        Container::Warc => warc::read(origin, stem, reader, out),
    }
}

/// How many first bytes (after inflating) tell what a stream without a known name holds.
const SNIFF_BYTES: u64 = 1 << 16;

/// The first `n` bytes of `reader` (fewer only at its end or at a read error), and a reader
/// of the whole stream again. Sniffing looks at bytes read on purpose, not at whatever the
/// first read returned: a pipe or a gzip decoder may hand out any few bytes at a time. A
/// read error comes again after the bytes read before it, where the reader of the file
/// reports it with its line or record.
fn peek<'a>(mut reader: Box<dyn Read + 'a>, n: u64) -> (Vec<u8>, Box<dyn Read + 'a>) {
    let mut head = Vec::new();
    let rest: Box<dyn Read + 'a> = match (&mut reader).take(n).read_to_end(&mut head) {
        Ok(_) => reader,
        Err(e) => Box::new(FailOnce(Some(e))),
    };
    let again = std::io::Cursor::new(head.clone()).chain(rest);
    (head, Box::new(again))
}

/// A reader whose first read fails with the error it holds; it ends there.
struct FailOnce(Option<std::io::Error>);

impl Read for FailOnce {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        self.0.take().map_or(Ok(0), Err)
    }
}

fn read_single(
    origin: &str,
    name: &str,
    stem: &str,
    reader: impl Read,
    gzipped: bool,
    out: &mut Ingested,
) {
    let mut bytes = Vec::new();
    if let Err(e) = reader.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes) {
        let problem = if gzipped {
            IngestError::Gzip(e.to_string())
        } else {
            IngestError::Io(e.to_string())
        };
        return out.report(origin, Severity::Error, format!("skipped: {problem}"));
    }
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return out.report(
            origin,
            Severity::Error,
            format!("skipped: larger than {MAX_INPUT_BYTES} bytes"),
        );
    }
    match decode_document(origin, name, Cow::Owned(bytes), None) {
        Ok((mut doc, warning)) => {
            if let Some(w) = warning {
                out.report(origin, Severity::Warning, w);
            }
            doc.id = stem.to_string();
            out.docs.push(doc);
        }
        Err(e) => out.report(origin, Severity::Error, format!("skipped: {e}")),
    }
}

/// The document id of a path: its file name without the article extensions.
pub fn stem_of(path: &Path) -> String {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("document");
    let name = name.strip_suffix(".gz").unwrap_or(name);
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => name.to_string(),
    }
}

/// Makes ids unique by suffixing `~2`, `~3`, … to repeats, in input order. A suffixed id
/// is never one already taken: ids come from outside (JSON Lines `id` fields), so a feed
/// may hold `a`, `a` and `a~2`, and the third becomes `a~2~2`.
pub fn assign_unique_ids(docs: &mut [RawDoc]) {
    let mut taken = std::collections::HashSet::<String>::new();
    // The last suffix handed out per id, so that a million repeats of one id (a feed
    // without ids) cost a million steps, not a million squared.
    let mut last = std::collections::HashMap::<String, usize>::new();
    for doc in docs.iter_mut() {
        if doc.id.is_empty() {
            doc.id = "document".to_string();
        }
        if taken.contains(&doc.id) {
            let n = last.entry(doc.id.clone()).or_insert(1);
            doc.id = loop {
                *n += 1;
                let candidate = format!("{}~{n}", doc.id);
                if !taken.contains(&candidate) {
                    break candidate;
                }
            };
        }
        taken.insert(doc.id.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_blank_inputs_are_errors() {
        assert_eq!(decode("a", "a.txt", b"").unwrap_err(), IngestError::Empty);
        assert_eq!(
            decode("a", "a.txt", b" \n\t\n").unwrap_err(),
            IngestError::Empty
        );
    }

    #[test]
    fn binary_input_is_named_as_such() {
        let err = decode("a", "a.txt", b"PK\x03\x04\x00\x00junk").unwrap_err();
        assert!(matches!(err, IngestError::Binary(m) if m.contains("offset 4")));
    }

    #[test]
    fn latin1_input_is_decoded_with_a_warning() {
        let bytes =
            b"Caf\xe9 owners in Montr\xe9al said the r\xe9forme was na\xefve and hurt trade.";
        let (doc, warning) = decode("a", "a.txt", bytes).unwrap();
        assert!(doc.input.contains("Café") && doc.input.contains("Montréal"));
        assert!(warning.unwrap().contains("offset 3"));
    }

    #[test]
    fn gzip_is_read_transparently_and_broken_gzip_is_an_error() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"<html><body><p>Hello there.</p></body></html>")
            .unwrap();
        let gz = enc.finish().unwrap();
        let (doc, _) = decode("a", "a.html.gz", &gz).unwrap();
        assert_eq!(doc.format, Format::Html);
        assert!(matches!(
            decode("a", "a.txt.gz", &gz[..gz.len() / 2]),
            Err(IngestError::Gzip(_))
        ));
    }

    #[test]
    fn html_is_sniffed_without_an_extension() {
        let (doc, _) = decode("a", "a", b"<!DOCTYPE html><html><p>x</p></html>").unwrap();
        assert_eq!(doc.format, Format::Html);
    }

    #[test]
    fn repeated_stems_get_unique_ids() {
        let mk = |id: &str| RawDoc {
            id: id.into(),
            origin: id.into(),
            format: Format::Text,
            input: "x".into(),
            encoding: "UTF-8",
            supplied: Supplied::default(),
        };
        let mut docs = vec![mk("a"), mk("a"), mk("b")];
        assign_unique_ids(&mut docs);
        let ids: Vec<_> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "a~2", "b"]);
        let mut docs = vec![mk("a"), mk("a"), mk("a~2"), mk("a")];
        assign_unique_ids(&mut docs);
        let ids: Vec<_> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "a~2", "a~2~2", "a~3"]);
    }
}
