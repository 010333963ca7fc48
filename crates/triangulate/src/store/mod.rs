//! Store: an [`Analysis`] kept in a SQLite file, so that `triangulate serve --db FILE` (or any
//! SQLite client) can read it back without analysing the corpus again.
//!
//! One file holds one analysis; writing replaces the previous one in a single transaction.
//! Each document, story and diagnostic is a row holding its data-contract JSON (`record`),
//! beside plain columns that SQL can filter on (ids, outlets, titles, dates, story
//! membership). The JSON is the contract's own serialisation, so reading a file back gives an
//! analysis equal to the one written, and fields the contract gains later need no migration.
//! The file records the contract version it was written with; reading a file written with
//! another version is an error naming both, never a silently different analysis.

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::de::DeserializeOwned;

use crate::dossier::{Analysis, Document, Story, SCHEMA_VERSION};
use crate::ingest::Diagnostic;

/// Version of the table layout below; bumped when it changes.
const LAYOUT_VERSION: &str = "1";

/// The tables. `position` keeps input order (documents) and rank order (stories).
const TABLES: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    position INTEGER PRIMARY KEY, id TEXT NOT NULL, outlet TEXT, title TEXT,
    published TEXT, url TEXT, language TEXT, record TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS documents_id ON documents(id);
CREATE TABLE IF NOT EXISTS stories (
    position INTEGER PRIMARY KEY, id TEXT NOT NULL, title TEXT, record TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS stories_id ON stories(id);
CREATE TABLE IF NOT EXISTS story_documents (
    story TEXT NOT NULL, document TEXT NOT NULL, PRIMARY KEY (story, document));
CREATE TABLE IF NOT EXISTS diagnostics (position INTEGER PRIMARY KEY, record TEXT NOT NULL);
";

/// What can go wrong reading or writing a store.
#[derive(thiserror::Error, Debug)]
pub enum StoreError {
    /// SQLite failed (cannot open, not a database, disk full, …).
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored record is not valid data-contract JSON.
    #[error("stored record is not valid: {0}")]
    Record(#[from] serde_json::Error),
    /// The file holds no analysis (never written, or not a triangulate store).
    #[error("the database holds no analysis: write one with `triangulate analyze ... --db FILE`")]
    Empty,
    /// The file was written with another version of the data contract or table layout.
    #[error("the database was written with {found}, this program reads {expected}: analyse the corpus again")]
    Version {
        /// What the file says.
        found: String,
        /// What this program writes.
        expected: String,
    },
}

/// An open store file.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the store at `path`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::init(Connection::open(path)?)
    }

    /// A store in memory (tests, and a server analysing paths at start).
    pub fn in_memory() -> Result<Store, StoreError> {
        Store::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<Store, StoreError> {
        conn.execute_batch(TABLES)?;
        Ok(Store { conn })
    }

    /// Replaces the stored analysis with `analysis`, in one transaction: a reader sees the
    /// old analysis or the new one, never a mixture.
    pub fn write(&mut self, analysis: &Analysis) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute_batch(
            "DELETE FROM meta; DELETE FROM documents; DELETE FROM stories;
             DELETE FROM story_documents; DELETE FROM diagnostics;",
        )?;
        write_meta(&tx, analysis)?;
        write_documents(&tx, &analysis.documents)?;
        write_stories(&tx, &analysis.stories)?;
        for (n, d) in analysis.diagnostics.iter().enumerate() {
            tx.execute(
                "INSERT INTO diagnostics (position, record) VALUES (?1, ?2)",
                params![n as i64, serde_json::to_string(d)?],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The stored analysis, equal to the one written.
    pub fn read(&self) -> Result<Analysis, StoreError> {
        self.check_versions()?;
        Ok(Analysis {
            schema_version: self.meta("schema_version")?.ok_or(StoreError::Empty)?,
            generator: self.meta("generator")?.unwrap_or_default(),
            documents: self.records("SELECT record FROM documents ORDER BY position")?,
            stories: self.records("SELECT record FROM stories ORDER BY position")?,
            diagnostics: self
                .records::<Diagnostic>("SELECT record FROM diagnostics ORDER BY position")?,
        })
    }

    /// One story by id, read without loading the rest.
    pub fn story(&self, id: &str) -> Result<Option<Story>, StoreError> {
        self.check_versions()?;
        self.record_by_id(
            "SELECT record FROM stories WHERE id = ?1 ORDER BY position",
            id,
        )
    }

    /// One document by id (the first with it), read without loading the rest.
    pub fn document(&self, id: &str) -> Result<Option<Document>, StoreError> {
        self.check_versions()?;
        self.record_by_id(
            "SELECT record FROM documents WHERE id = ?1 ORDER BY position",
            id,
        )
    }

    /// Fails unless the file was written with this program's contract and layout.
    fn check_versions(&self) -> Result<(), StoreError> {
        let layout = self.meta("layout_version")?.ok_or(StoreError::Empty)?;
        let schema = self.meta("schema_version")?.ok_or(StoreError::Empty)?;
        if layout != LAYOUT_VERSION || schema != SCHEMA_VERSION {
            return Err(StoreError::Version {
                found: format!("data contract {schema}, layout {layout}"),
                expected: format!("data contract {SCHEMA_VERSION}, layout {LAYOUT_VERSION}"),
            });
        }
        Ok(())
    }

    fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    fn records<T: DeserializeOwned>(&self, sql: &str) -> Result<Vec<T>, StoreError> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.map(|json| Ok(serde_json::from_str(&json?)?)).collect()
    }

    fn record_by_id<T: DeserializeOwned>(
        &self,
        sql: &str,
        id: &str,
    ) -> Result<Option<T>, StoreError> {
        let json: Option<String> = self.conn.query_row(sql, [id], |r| r.get(0)).optional()?;
        Ok(json.map(|j| serde_json::from_str(&j)).transpose()?)
    }
}

fn write_meta(tx: &Transaction, analysis: &Analysis) -> Result<(), StoreError> {
    for (key, value) in [
        ("layout_version", LAYOUT_VERSION),
        ("schema_version", analysis.schema_version.as_str()),
        ("generator", analysis.generator.as_str()),
    ] {
        tx.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)",
            params![key, value],
        )?;
    }
    Ok(())
}

fn write_documents(tx: &Transaction, documents: &[Document]) -> Result<(), StoreError> {
    let mut stmt = tx.prepare(
        "INSERT INTO documents (position, id, outlet, title, published, url, language, record)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (n, d) in documents.iter().enumerate() {
        stmt.execute(params![
            n as i64,
            d.id,
            d.outlet,
            d.title,
            d.published,
            d.url,
            d.language,
            serde_json::to_string(d)?
        ])?;
    }
    Ok(())
}

fn write_stories(tx: &Transaction, stories: &[Story]) -> Result<(), StoreError> {
    let mut story =
        tx.prepare("INSERT INTO stories (position, id, title, record) VALUES (?1, ?2, ?3, ?4)")?;
    let mut member =
        tx.prepare("INSERT OR IGNORE INTO story_documents (story, document) VALUES (?1, ?2)")?;
    for (n, s) in stories.iter().enumerate() {
        story.execute(params![n as i64, s.id, s.title, serde_json::to_string(s)?])?;
        for d in &s.documents {
            member.execute(params![s.id, d])?;
        }
    }
    Ok(())
}
