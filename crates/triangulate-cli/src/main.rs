//! `triangulate`: the command-line edge over the `triangulate` library.
//!
//! Exit codes: 0 success; 1 a fatal error (nothing readable, an output that cannot be
//! written); 2 bad usage; 3 with `--strict`, some inputs were skipped.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use triangulate::ingest::{self, Severity};
use triangulate::{dossier, render};

mod demo;
mod progress;
mod serve;

/// mimalloc instead of the system allocator: the HTML pass allocates and frees thousands
/// of small buffers a page (lol_html's tokens and handlers, text runs), and glibc's malloc
/// and free were a tenth of its instructions (`extraction-bench`, which uses it too).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Cross-source news analysis: stories, copy lineage, entities, quotes and claims, every
/// item traced to the text it came from.
#[derive(Parser)]
#[command(name = "triangulate", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where to write each output; with none, the JSON goes to standard output.
#[derive(clap::Args, Default)]
pub struct Outputs {
    /// Write the JSON data contract here; `-` for standard output.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Write the Markdown dossier here.
    #[arg(long, value_name = "FILE")]
    pub md: Option<PathBuf>,
    /// Write the HTML dossier (index.html, story, article and comparison pages) into DIR.
    #[arg(long, value_name = "DIR")]
    pub html: Option<PathBuf>,
    /// Write entities.csv, quotes.csv, claims.csv and reuse.csv into DIR.
    #[arg(long, value_name = "DIR")]
    pub csv: Option<PathBuf>,
    /// Write the lineage and citation graph as GraphML here.
    #[arg(long, value_name = "FILE")]
    pub graph: Option<PathBuf>,
    /// Store the analysis in this SQLite file (replacing the one in it), for `serve --db`.
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
}

impl Outputs {
    fn none(&self) -> bool {
        self.json.is_none()
            && self.md.is_none()
            && self.html.is_none()
            && self.csv.is_none()
            && self.graph.is_none()
            && self.db.is_none()
    }

    fn json_to_stdout(&self) -> bool {
        self.none() || self.json.as_deref().is_some_and(|p| p.as_os_str() == "-")
    }
}

#[derive(Subcommand)]
enum Command {
    /// Analyse files and directories of articles: plain text, HTML, JSON Lines, WARC
    /// (.gz read transparently); `-` reads standard input.
    Analyze {
        /// Files or directories (read recursively); `-` for standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// JSON Lines field mapping override, NAME=KEY (e.g. `--field text=body`); repeatable.
        #[arg(long = "field", value_name = "NAME=KEY")]
        fields: Vec<String>,
        #[command(flatten)]
        outputs: Outputs,
        /// Exit with code 3 when any input was skipped.
        #[arg(long)]
        strict: bool,
        /// Print nothing but errors.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Run the pipeline on the bundled fictional demo corpus and write its dossier.
    Demo {
        /// Directory to write the corpus and the dossier files into.
        #[arg(long, value_name = "DIR", default_value = "triangulate-demo")]
        out: PathBuf,
    },
    /// Print the JSON Schema of the data contract.
    Schema,
    /// Serve the dossier as a local web UI and JSON API: from a store written by
    /// `analyze --db`, or analysing the given paths at start.
    Serve(serve::ServeArgs),
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Analyze {
            paths,
            fields,
            outputs,
            strict,
            quiet,
        } => {
            let mut options = ingest::ReadOptions::default();
            for spec in &fields {
                options.fields.set(spec).map_err(anyhow::Error::msg)?;
            }
            let progress = progress::Progress::start(quiet);
            progress.stage("reading inputs");
            let ingested = read_inputs(&paths, &options);
            analyze(ingested, &outputs, strict, quiet, &progress)
        }
        Command::Demo { out } => demo::run(&out),
        Command::Schema => {
            print!("{}", dossier::json_schema());
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve(args) => serve::run(args),
    }
}

/// Reads the paths, and standard input where a path is `-`.
pub(crate) fn read_inputs(paths: &[PathBuf], options: &ingest::ReadOptions) -> ingest::Ingested {
    let (stdin, files): (Vec<&PathBuf>, Vec<&PathBuf>) =
        paths.iter().partition(|p| p.as_os_str() == "-");
    let files: Vec<PathBuf> = files.into_iter().cloned().collect();
    let mut ingested = ingest::read_paths(&files, options);
    if !stdin.is_empty() {
        let from_stdin = ingest::read_stream("<stdin>", std::io::stdin().lock(), options);
        ingested.docs.extend(from_stdin.docs);
        ingested.diagnostics.extend(from_stdin.diagnostics);
        ingest::assign_unique_ids(&mut ingested.docs);
    }
    ingested
}

fn analyze(
    ingested: ingest::Ingested,
    outputs: &Outputs,
    strict: bool,
    quiet: bool,
    progress: &progress::Progress,
) -> Result<ExitCode> {
    for d in &ingested.diagnostics {
        if !quiet || d.severity == Severity::Error {
            progress.println(&format!(
                "{}: {}: {}",
                severity_word(d.severity),
                d.origin,
                d.message
            ));
        }
    }
    if ingested.docs.is_empty() {
        progress.finish();
        bail!("no readable articles in the given paths");
    }
    let skipped = ingested
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error);
    progress.stage(&format!("analysing {} articles", ingested.docs.len()));
    let analysis = dossier::analyze(&ingested.docs, ingested.diagnostics);
    progress.stage("writing outputs");
    let written = write_outputs(&analysis, outputs);
    progress.finish();
    written?;
    if !outputs.none() && !quiet {
        eprintln!("{}", summary(&analysis));
    }
    Ok(if strict && skipped {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes every requested output; the JSON to standard output when asked (or when nothing
/// else is), so that it can be piped while messages go to standard error.
fn write_outputs(analysis: &dossier::Analysis, outputs: &Outputs) -> Result<()> {
    if let Some(path) = outputs.json.as_deref().filter(|p| p.as_os_str() != "-") {
        write(path, &render::to_json(analysis))?;
    }
    if let Some(path) = &outputs.md {
        write(path, &render::to_markdown(analysis))?;
    }
    if let Some(dir) = &outputs.html {
        write_files(dir, &render::to_html(analysis))?;
    }
    if let Some(dir) = &outputs.csv {
        write_files(dir, &render::to_csv(analysis))?;
    }
    if let Some(path) = &outputs.graph {
        write(path, &render::to_graphml(analysis))?;
    }
    if let Some(path) = &outputs.db {
        serve::write_store(path, analysis)?;
    }
    if outputs.json_to_stdout() {
        let mut out = std::io::stdout().lock();
        out.write_all(render::to_json(analysis).as_bytes())
            .and_then(|()| out.flush())
            .context("cannot write to standard output")?;
    }
    Ok(())
}

fn write_files(dir: &Path, files: &render::Files) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for (name, content) in files {
        write(&dir.join(name), content)?;
    }
    Ok(())
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Info => "note",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

fn write(path: &Path, content: &str) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    std::fs::write(path, content).with_context(|| format!("cannot write {}", path.display()))
}

/// One line per story and the totals a newcomer looks for first.
fn summary(a: &dossier::Analysis) -> String {
    let count = |f: fn(&dossier::Story) -> usize| a.stories.iter().map(f).sum::<usize>();
    let copies = count(|s| {
        s.reuse
            .iter()
            .filter(|p| p.kind != triangulate::reuse::ReuseKind::QuoteOnly)
            .count()
    });
    let mut out = format!(
        "{} stories, {} articles, {} entities, {} quotes, {} claims, {} copy pairs",
        a.stories.len(),
        a.documents.len(),
        count(|s| s.entities.len()),
        count(|s| s.quotes.len()),
        count(|s| s.claims.len()),
        copies
    );
    for s in &a.stories {
        out.push_str(&format!(
            "\n  {}: {} articles — {}",
            s.id,
            s.documents.len(),
            s.title.as_deref().unwrap_or("(untitled)")
        ));
    }
    out
}
