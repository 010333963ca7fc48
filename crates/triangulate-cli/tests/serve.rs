//! `triangulate serve` as a person meets it: a real server process on loopback, fetched over
//! TCP, and driven in headless Chromium (click a claim's span link, see the span highlighted).
//!
//! The browser test needs Debian's `chromium` at /usr/bin/chromium (`.ci/run` installs it). When
//! it is missing the test says so and passes, except under CI (env `CI` set), where it fails.
//! It saves a screenshot of a story page in the target dir; with `UPDATE_SCREENSHOTS=1` it
//! writes `docs/dossier.png`, the picture in the README.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// How long a server may take to analyse the demo corpus and listen (debug build, busy machine).
const START_TIMEOUT: Duration = Duration::from_secs(120);
/// How long one HTTP exchange may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
const CHROMIUM: &str = "/usr/bin/chromium";

fn triangulate(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_triangulate"))
        .args(args)
        .output()
        .expect("run triangulate")
}

/// Writes the demo corpus (and its file dossier) into `dir`.
fn demo(dir: &Path) {
    let out = triangulate(&["demo", "--out", dir.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A running `triangulate serve`, killed when dropped (also when a test fails).
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    /// Starts `triangulate serve --addr 127.0.0.1:0 ARGS` and waits for the address it prints.
    fn start(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_triangulate"))
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start triangulate serve");
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut server = Server {
            child,
            addr: "127.0.0.1:0".parse().unwrap(),
        };
        let deadline = std::time::Instant::now() + START_TIMEOUT;
        let mut seen = Vec::new();
        while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
            let Ok(line) = rx.recv_timeout(left) else {
                break;
            };
            if let Some(url) = line.split("at http://").nth(1) {
                server.addr = url.split('/').next().unwrap().parse().unwrap();
                return server;
            }
            seen.push(line);
        }
        panic!("serve printed no address within {START_TIMEOUT:?}: {seen:?}");
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// One GET over loopback: status code and body.
    fn get(&self, path: &str) -> (u16, String) {
        let mut stream = TcpStream::connect_timeout(&self.addr, REQUEST_TIMEOUT).expect("connect");
        stream.set_read_timeout(Some(REQUEST_TIMEOUT)).unwrap();
        stream.set_write_timeout(Some(REQUEST_TIMEOUT)).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        )
        .unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).expect("read response");
        let response = String::from_utf8_lossy(&response);
        let (head, body) = response.split_once("\r\n\r\n").expect("HTTP response");
        let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap();
        (status, body.to_string())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn analyze_db_then_serve_db_answers_over_loopback() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    let db = dir.path().join("demo.db");
    let corpus = dir.path().join("corpus");
    let out = triangulate(&[
        "analyze",
        "--quiet",
        corpus.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stdout.is_empty(),
        "with --db only, nothing goes to standard output"
    );

    let server = Server::start(&["--db", db.to_str().unwrap()]);
    assert!(server.addr.ip().is_loopback());
    let (status, index) = server.get("/");
    assert_eq!(status, 200);
    assert!(index.contains("Koshar Dam"), "{index}");
    assert!(index.contains("<form class=\"search\""));
    let (status, story) = server.get("/story-s1.html");
    assert_eq!(status, 200);
    assert!(story.contains("id=\"claims\""));
    let (status, hits) = server.get("/api/search?q=Kharazov");
    assert_eq!(status, 200);
    assert!(
        hits.contains("\"document\":\"main-01-karavan-daily\""),
        "{hits}"
    );
    assert_eq!(server.get("/no-such-page.html").0, 404);
    assert_eq!(server.get("/search?q=").0, 400);
}

#[test]
fn serve_refuses_a_missing_db_and_a_bad_address() {
    let out = triangulate(&["serve", "--db", "/nonexistent/triangulate.db"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file"));
    let out = triangulate(&["serve", "--addr", "localhost", "x.txt"]);
    assert_eq!(out.status.code(), Some(2), "a bad address is a usage error");
    let out = triangulate(&["serve"]);
    assert_eq!(out.status.code(), Some(2), "paths or --db are required");
}

/// What the article page shows at its `:target` after following a link.
#[derive(Debug)]
struct Target {
    path: String,
    hash: String,
    id: String,
    tag: String,
    classes: String,
    background: String,
    /// The text of every piece of the span (a span crossing another is split), joined.
    text: String,
}

const READ_TARGET: &str = r#"(() => {
  const t = document.querySelector(":target");
  if (!t) { return JSON.stringify(null); }
  const key = t.getAttribute("data-span");
  const pieces = Array.from(document.querySelectorAll("mark[data-span]"))
    .filter(m => m.getAttribute("data-span") === key);
  return JSON.stringify({
    path: location.pathname, hash: location.hash, id: t.id, tag: t.tagName,
    classes: t.className, background: getComputedStyle(t).backgroundColor,
    text: pieces.map(m => m.textContent).join("")
  });
})()"#;

#[test]
fn in_chromium_a_claims_span_link_opens_the_article_with_the_span_highlighted() {
    if !Path::new(CHROMIUM).exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{CHROMIUM} is missing under CI: .ci/run must install Debian's chromium"
        );
        eprintln!(
            "SKIPPED: {CHROMIUM} is missing (apt-get install chromium); browser test not run"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    let analysis: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("dossier.json")).unwrap())
            .unwrap();
    let server = Server::start(&["--quiet", dir.path().join("corpus").to_str().unwrap()]);

    let profile = dir.path().join("chromium-profile");
    let browser = launch(&profile);
    let tab = browser.new_tab().expect("tab");
    tab.set_default_timeout(REQUEST_TIMEOUT);
    tab.navigate_to(&server.url("/")).unwrap();
    tab.wait_until_navigated().unwrap();
    tab.wait_for_element("#stories a[href='story-s1.html']")
        .unwrap()
        .click()
        .unwrap();
    wait_for_url(&tab, "/story-s1.html");
    save_screenshot(&tab);

    let link = tab.wait_for_element("#claims .claim a.span").unwrap();
    let href = link.get_attribute_value("href").unwrap().expect("href");
    let (page, anchor) = href.split_once('#').expect("a span link");
    link.click().unwrap();
    wait_for_url(&tab, &format!("/{href}"));
    tab.wait_for_element("mark.hit").unwrap();

    let json = tab.evaluate(READ_TARGET, false).unwrap().value.unwrap();
    let t: serde_json::Value = serde_json::from_str(json.as_str().unwrap()).unwrap();
    let target = Target {
        path: t["path"].as_str().unwrap().into(),
        hash: t["hash"].as_str().unwrap().into(),
        id: t["id"].as_str().unwrap().into(),
        tag: t["tag"].as_str().unwrap().into(),
        classes: t["classes"].as_str().unwrap().into(),
        background: t["background"].as_str().unwrap().into(),
        text: t["text"].as_str().unwrap().into(),
    };
    assert_eq!(target.path, format!("/{page}"), "{target:?}");
    assert_eq!(target.hash, format!("#{anchor}"), "{target:?}");
    assert_eq!(target.id, anchor, "{target:?}");
    assert_eq!(target.tag, "MARK", "{target:?}");
    assert!(target.classes.split(' ').any(|c| c == "hit"), "{target:?}");
    assert!(
        target.classes.split(' ').any(|c| c == "claim"),
        "{target:?}"
    );
    assert_eq!(target.background, "rgb(255, 224, 102)", "{target:?}");
    // The highlighted words are exactly the bytes of the span in the article's clean text.
    let (start, end) = anchor
        .strip_prefix("span-")
        .and_then(|s| s.split_once('-'))
        .map(|(s, e)| (s.parse::<usize>().unwrap(), e.parse::<usize>().unwrap()))
        .unwrap();
    let doc = page
        .trim_start_matches("article-")
        .trim_end_matches(".html");
    let text = analysis["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == doc)
        .and_then(|d| d["text"].as_str())
        .unwrap();
    assert_eq!(target.text, text[start..end], "{target:?}");
}

/// Waits until a click's navigation has landed on a URL ending so, and the page has loaded.
fn wait_for_url(tab: &headless_chrome::Tab, suffix: &str) {
    let deadline = std::time::Instant::now() + REQUEST_TIMEOUT;
    while !tab.get_url().ends_with(suffix) {
        assert!(
            std::time::Instant::now() < deadline,
            "still at {} instead of …{suffix}",
            tab.get_url()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    tab.wait_until_navigated().unwrap();
}

fn launch(profile: &Path) -> headless_chrome::Browser {
    let args: Vec<&OsStr> = [
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
    .iter()
    .map(OsStr::new)
    .collect();
    let options = headless_chrome::LaunchOptions::default_builder()
        .path(Some(PathBuf::from(CHROMIUM)))
        .headless(true)
        .sandbox(false)
        .user_data_dir(Some(profile.to_path_buf()))
        .window_size(Some((1280, 1500)))
        .idle_browser_timeout(Duration::from_secs(180))
        .args(args)
        .build()
        .unwrap();
    headless_chrome::Browser::new(options).expect("launch chromium")
}

/// The story page as a person sees it: into the target dir, and into docs/ when asked.
fn save_screenshot(tab: &headless_chrome::Tab) {
    use headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption;
    let png = tab
        .capture_screenshot(CaptureScreenshotFormatOption::Png, None, None, true)
        .unwrap();
    assert!(png.starts_with(b"\x89PNG"), "a PNG");
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dossier-story.png");
    std::fs::write(&shot, &png).unwrap();
    eprintln!("screenshot: {}", shot.display());
    if std::env::var("UPDATE_SCREENSHOTS").as_deref() == Ok("1") {
        let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/dossier.png");
        std::fs::write(&docs, &png).unwrap();
        eprintln!("updated {}", docs.display());
    }
}
