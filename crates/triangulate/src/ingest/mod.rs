//! Ingest: paths and bytes → [`RawDoc`]s, with a [`Diagnostic`] for every file skipped.
//!
//! [`decode`] is pure (bytes in, document or error out); [`read_paths`] is the I/O edge that
//! walks files and directories. A bad file never stops the others: it becomes a diagnostic
//! naming the file and the problem.

use std::io::Read;
use std::path::{Path, PathBuf};

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

/// Decodes one input's bytes into a document.
///
/// Returns the document and, when the bytes were not UTF-8, a warning to report.
pub fn decode(
    origin: &str,
    name_hint: &str,
    bytes: &[u8],
) -> Result<(RawDoc, Option<String>), IngestError> {
    let (bytes, name_hint) = maybe_gunzip(bytes, name_hint)?;
    check_not_binary(&bytes)?;
    let (input, encoding, warning) = decode_text(&bytes);
    if input.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    let format = detect_format(&name_hint, &input);
    let doc = RawDoc {
        id: String::new(),
        origin: origin.to_string(),
        format,
        input,
        encoding,
    };
    Ok((doc, warning))
}

fn maybe_gunzip<'a>(
    bytes: &'a [u8],
    name_hint: &str,
) -> Result<(std::borrow::Cow<'a, [u8]>, String), IngestError> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok((bytes.into(), name_hint.to_string()));
    }
    let mut out = Vec::new();
    let reader = flate2::read::MultiGzDecoder::new(bytes);
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

fn decode_text(bytes: &[u8]) -> (String, &'static str, Option<String>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), "UTF-8", None),
        Err(e) => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
            let (text, _, _) = encoding.decode(bytes);
            let warning = format!(
                "not valid UTF-8 (first bad byte at offset {}); decoded as {} by detection",
                e.valid_up_to(),
                encoding.name()
            );
            (text.into_owned(), encoding.name(), Some(warning))
        }
    }
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

/// Reads files and directories (recursively). Never fails as a whole: every problem becomes
/// a diagnostic and the other inputs are still read.
pub fn read_paths(paths: &[PathBuf]) -> Ingested {
    let mut out = Ingested::default();
    for path in paths {
        read_path(path, true, &mut out);
    }
    assign_unique_ids(&mut out.docs);
    out
}

fn read_path(path: &Path, explicit: bool, out: &mut Ingested) {
    let origin = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            out.diagnostics.push(Diagnostic::new(
                &origin,
                Severity::Error,
                format!("cannot read: {e}"),
            ));
            return;
        }
    };
    if meta.is_dir() {
        read_dir(path, out);
    } else if explicit || has_article_extension(path) {
        read_file(path, out);
    } else {
        out.diagnostics.push(Diagnostic::new(
            &origin,
            Severity::Info,
            "passed over: not a supported article file type (.txt, .md, .html, .htm, .xhtml, optionally .gz)",
        ));
    }
}

fn read_dir(dir: &Path, out: &mut Ingested) {
    let origin = dir.display().to_string();
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            out.diagnostics.push(Diagnostic::new(
                &origin,
                Severity::Error,
                format!("cannot list: {e}"),
            ));
            return;
        }
    };
    entries.sort();
    let before = out.docs.len();
    for entry in entries {
        let hidden = entry
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if !hidden {
            read_path(&entry, false, out);
        }
    }
    if out.docs.len() == before
        && !out
            .diagnostics
            .iter()
            .any(|d| d.origin.starts_with(&origin))
    {
        out.diagnostics.push(Diagnostic::new(
            &origin,
            Severity::Error,
            "no articles found in this directory",
        ));
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
        .any(|ext| name.ends_with(&format!(".{ext}")))
}

fn read_file(path: &Path, out: &mut Ingested) {
    let origin = path.display().to_string();
    let bytes = match read_capped(path) {
        Ok(b) => b,
        Err(e) => {
            out.diagnostics
                .push(Diagnostic::new(&origin, Severity::Error, e.to_string()));
            return;
        }
    };
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    match decode(&origin, name, &bytes) {
        Ok((mut doc, warning)) => {
            if let Some(w) = warning {
                out.diagnostics
                    .push(Diagnostic::new(&origin, Severity::Warning, w));
            }
            doc.id = stem_of(path);
            out.docs.push(doc);
        }
        Err(e) => out.diagnostics.push(Diagnostic::new(
            &origin,
            Severity::Error,
            format!("skipped: {e}"),
        )),
    }
}

fn read_capped(path: &Path) -> Result<Vec<u8>, IngestError> {
    let file = std::fs::File::open(path).map_err(|e| IngestError::Io(e.to_string()))?;
    let mut bytes = Vec::new();
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| IngestError::Io(e.to_string()))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(IngestError::Io(format!(
            "larger than {MAX_INPUT_BYTES} bytes"
        )));
    }
    Ok(bytes)
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

/// Makes ids unique by suffixing `~2`, `~3`, … to repeats, in input order.
pub fn assign_unique_ids(docs: &mut [RawDoc]) {
    let mut seen = std::collections::HashMap::<String, usize>::new();
    for doc in docs.iter_mut() {
        if doc.id.is_empty() {
            doc.id = "document".to_string();
        }
        let count = seen.entry(doc.id.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            doc.id = format!("{}~{}", doc.id, count);
        }
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
        };
        let mut docs = vec![mk("a"), mk("a"), mk("b")];
        assign_unique_ids(&mut docs);
        let ids: Vec<_> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "a~2", "b"]);
    }
}
