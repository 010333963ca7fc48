//! The binary end to end: bad input is reported by file and skipped, good input still
//! processed; exit codes are the documented ones; the demo runs.

use std::path::Path;
use std::process::{Command, Output};

fn triangulate(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_triangulate"))
        .args(args)
        .output()
        .expect("run triangulate")
}

fn good_article() -> &'static str {
    "TEHRAN -- Iran on Tuesday opened a factory in Tajikistan's capital Dushanbe for manufacturing its Ababil-II drones, the defence ministry said in a statement.\n\nThe plant was inaugurated in a ceremony attended by the chief of staff of the armed forces and the Tajik defence minister.\n"
}

fn corpus_with_bad_files(dir: &Path) {
    std::fs::write(dir.join("good.txt"), good_article()).unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(
        dir.join("binary.txt"),
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00garbage",
    )
    .unwrap();
    std::fs::write(dir.join("latin1.txt"), b"Le caf\xe9 de la r\xe9publique a rouvert ses portes mardi, a d\xe9clar\xe9 le maire de la ville.\n").unwrap();
    std::fs::create_dir(dir.join("nothing-here")).unwrap();
}

#[test]
fn bad_files_are_named_and_skipped_and_the_rest_is_processed() {
    let dir = tempfile::tempdir().unwrap();
    corpus_with_bad_files(dir.path());
    let json = dir.path().join("out.json");
    let out = triangulate(&[
        "analyze",
        dir.path().to_str().unwrap(),
        "--json",
        json.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("empty.txt: skipped: file is empty"),
        "{stderr}"
    );
    assert!(
        stderr.contains("binary.txt: skipped: binary data"),
        "{stderr}"
    );
    assert!(stderr.contains("latin1.txt: not valid UTF-8"), "{stderr}");
    assert!(
        stderr.contains("nothing-here: no articles found"),
        "{stderr}"
    );
    let analysis: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let ids: Vec<&str> = analysis["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["good", "latin1"]);
    assert!(analysis["documents"][1]["text"]
        .as_str()
        .unwrap()
        .contains("café"));
    assert_eq!(analysis["diagnostics"].as_array().unwrap().len(), 4);
}

#[test]
fn strict_turns_skipped_files_into_exit_code_3() {
    let dir = tempfile::tempdir().unwrap();
    corpus_with_bad_files(dir.path());
    let json = dir.path().join("out.json");
    let out = triangulate(&[
        "analyze",
        "--strict",
        dir.path().to_str().unwrap(),
        "--json",
        json.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        json.exists(),
        "the good files are still analysed and written"
    );
}

#[test]
fn nothing_readable_is_exit_code_1_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let out = triangulate(&["analyze", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no articles found") && stderr.contains("no readable articles"),
        "{stderr}"
    );
    let missing = triangulate(&["analyze", "/nonexistent/path.txt"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/nonexistent/path.txt: cannot read"));
}

#[test]
fn bad_usage_is_exit_code_2() {
    assert_eq!(triangulate(&["analyze"]).status.code(), Some(2));
    assert_eq!(triangulate(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn without_output_files_the_json_goes_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), good_article()).unwrap();
    let out = triangulate(&["analyze", dir.path().join("good.txt").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documents"][0]["dateline"], "TEHRAN");
}

#[test]
fn the_demo_writes_its_dossier_and_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let out = triangulate(&["demo", "--out", dir.path().to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.starts_with("2 stories, 9 articles"), "{stdout}");
    let md = std::fs::read_to_string(dir.path().join("dossier.md")).unwrap();
    assert!(md.contains("## Story s1") && md.contains("### Copy lineage"));
    assert!(dir.path().join("dossier.json").exists());
    let index = std::fs::read_to_string(dir.path().join("html/index.html")).unwrap();
    assert!(index.contains("href=\"story-s1.html\""), "{index}");
    assert!(dir.path().join("html/compare-s1-1.html").exists());
}

#[test]
fn json_to_stdout_beside_html_csv_and_graph_files_with_messages_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    corpus_with_bad_files(dir.path());
    let out_dir = tempfile::tempdir().unwrap();
    let (html, csv, graph) = (
        out_dir.path().join("html"),
        out_dir.path().join("csv"),
        out_dir.path().join("graph.graphml"),
    );
    let out = triangulate(&[
        "analyze",
        dir.path().to_str().unwrap(),
        "--json",
        "-",
        "--html",
        html.to_str().unwrap(),
        "--csv",
        csv.to_str().unwrap(),
        "--graph",
        graph.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    // Standard output is the JSON and nothing else; warnings and the summary are on stderr.
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documents"].as_array().unwrap().len(), 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("empty.txt: skipped") && stderr.contains("stories"),
        "{stderr}"
    );
    assert!(html.join("index.html").exists() && html.join("article-good.html").exists());
    for table in ["entities.csv", "quotes.csv", "claims.csv", "reuse.csv"] {
        assert!(csv.join(table).exists(), "{table}");
    }
    assert!(std::fs::read_to_string(&graph)
        .unwrap()
        .contains("<graphml"));
}

#[test]
fn quiet_runs_print_only_errors_and_no_progress() {
    let dir = tempfile::tempdir().unwrap();
    corpus_with_bad_files(dir.path());
    let md = dir.path().join("out.md");
    let out = triangulate(&[
        "analyze",
        dir.path().to_str().unwrap(),
        "--md",
        md.to_str().unwrap(),
        "--quiet",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.lines().all(|l| l.starts_with("error: ")), "{stderr}");
}

#[test]
fn an_output_directory_that_cannot_be_created_is_exit_code_1() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), good_article()).unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "").unwrap();
    let out = triangulate(&[
        "analyze",
        dir.path().join("good.txt").to_str().unwrap(),
        "--html",
        blocker.join("html").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot create"));
}

#[test]
fn json_lines_from_stdin_are_read_line_by_line() {
    use std::io::Write;
    let jsonl = format!(
        "{}\nnot json\n{}\n",
        serde_json::json!({"id": "a1", "title": "Factory opens", "url": "https://x.example/a1", "date_publish": "2022-05-17 22:08:00", "maintext": good_article()}),
        serde_json::json!({"id": "a2", "text": good_article().replace("Tuesday", "Wednesday")}),
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_triangulate"))
        .args(["analyze", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(jsonl.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("<stdin>:2: skipped: invalid JSON"),
        "{stderr}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["id"], "a1");
    assert_eq!(docs[0]["url"], "https://x.example/a1");
    assert_eq!(docs[0]["published"], "2022-05-17T22:08:00");
    assert_eq!(docs[0]["metadata"]["published"]["from"], "supplied");
}

#[test]
fn gzipped_warc_files_are_read_and_truncation_is_reported() {
    use std::io::Write;
    let page = format!(
        "<html><head><title>Factory</title></head><body><article><p>{}</p></article></body></html>",
        good_article()
    );
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}");
    let record = |uri: &str| {
        format!("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2022-05-18T10:00:00Z\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n", http.len())
    };
    let gz = |s: &str| {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(s.as_bytes()).unwrap();
        e.finish().unwrap()
    };
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = gz(&record("https://x.example/1"));
    bytes.extend(gz(&record("https://x.example/2")));
    let half = gz(&record("https://x.example/3"));
    bytes.extend(&half[..half.len() / 2]);
    std::fs::write(dir.path().join("crawl.warc.gz"), bytes).unwrap();
    let out = triangulate(&["analyze", dir.path().to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("crawl.warc.gz#record3"), "{stderr}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let urls: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["url"].as_str().unwrap())
        .collect();
    assert_eq!(urls, ["https://x.example/1", "https://x.example/2"]);
}
