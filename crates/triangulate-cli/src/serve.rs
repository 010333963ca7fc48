//! `triangulate serve` and `analyze --db`: the command-line edge over the library's
//! `store` and `serve` modules.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use triangulate::ingest::{self, Severity};
use triangulate::serve::App;
use triangulate::store::Store;
use triangulate::{dossier, Analysis};

/// Arguments of `triangulate serve`.
#[derive(clap::Args)]
pub struct ServeArgs {
    /// Files or directories to analyse at start (kept in memory); `-` for standard input.
    #[arg(conflicts_with = "db", required_unless_present = "db")]
    paths: Vec<PathBuf>,
    /// Serve the analysis stored in this SQLite file by `analyze --db FILE`.
    #[arg(long, value_name = "FILE")]
    db: Option<PathBuf>,
    /// Address to listen on: loopback unless told otherwise (port 0 picks a free port).
    #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// JSON Lines field mapping override, NAME=KEY; repeatable.
    #[arg(long = "field", value_name = "NAME=KEY")]
    fields: Vec<String>,
    /// Print nothing but errors and the address.
    #[arg(long, short)]
    quiet: bool,
}

/// Loads or computes the analysis, then serves it until the process is stopped.
pub fn run(args: ServeArgs) -> Result<ExitCode> {
    let analysis = match &args.db {
        Some(db) => read_store(db)?,
        None => analyse_paths(&args)?,
    };
    let summary = format!(
        "{} stories, {} articles",
        analysis.stories.len(),
        analysis.documents.len()
    );
    let app = App::new(analysis).context("cannot build the search index")?;
    triangulate::serve::run(app, args.addr, |bound| {
        eprintln!("serving {summary} at http://{bound}/ (Ctrl-C stops)");
    })
    .with_context(|| format!("cannot serve on {}", args.addr))?;
    Ok(ExitCode::SUCCESS)
}

/// Writes the analysis into a store file (`analyze --db`).
pub fn write_store(path: &Path, analysis: &Analysis) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    Store::open(path)
        .and_then(|mut store| store.write(analysis))
        .with_context(|| format!("cannot write {}", path.display()))
}

fn read_store(path: &Path) -> Result<Analysis> {
    // Opening a path that does not exist would create an empty database: refuse instead.
    if !path.is_file() {
        bail!("{}: no such file", path.display());
    }
    Store::open(path)
        .and_then(|store| store.read())
        .with_context(|| format!("cannot read {}", path.display()))
}

fn analyse_paths(args: &ServeArgs) -> Result<Analysis> {
    let mut options = ingest::ReadOptions::default();
    for spec in &args.fields {
        options.fields.set(spec).map_err(anyhow::Error::msg)?;
    }
    let ingested = crate::read_inputs(&args.paths, &options);
    for d in &ingested.diagnostics {
        if !args.quiet || d.severity == Severity::Error {
            eprintln!("{}: {}", d.origin, d.message);
        }
    }
    if ingested.docs.is_empty() {
        bail!("no readable articles in the given paths");
    }
    if !args.quiet {
        eprintln!("analysing {} articles", ingested.docs.len());
    }
    Ok(dossier::analyze(&ingested.docs, ingested.diagnostics))
}
