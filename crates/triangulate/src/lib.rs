//! # triangulate
//!
//! Cross-source news analysis. A corpus of articles goes through the pipeline
//!
//! ```text
//! ingest → extract → text → reuse → stories → entities → statements → dossier → render
//! ```
//!
//! and comes out as one [`dossier::Story`] per event: sources and copy lineage, citations,
//! entities merged across spellings, quotes with speakers, claims with independent-source
//! counts and conflicts, and a timeline. Every item carries the document id and byte span
//! of the text it came from.
//!
//! ```
//! let raw = triangulate::ingest::decode("a.txt", "a.txt", b"TEHRAN -- Iran on Tuesday opened a drone factory in Dushanbe, officials said.").unwrap().0;
//! let analysis = triangulate::dossier::analyze(&[raw], Vec::new());
//! assert_eq!(analysis.stories.len(), 1);
//! ```

pub mod dossier;
pub mod entities;
pub mod extract;
pub mod heap;
pub mod ingest;
pub mod model;
pub mod render;
pub mod reuse;
pub mod serve;
pub mod statements;
pub mod store;
pub mod stories;
pub mod text;

pub use dossier::{analyze, Analysis};
