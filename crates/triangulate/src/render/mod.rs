//! Render: an [`Analysis`] as JSON (the data contract), a Markdown dossier, a self-contained
//! HTML dossier, CSV tables and a GraphML graph.
//!
//! Every renderer is a pure function of the analysis (the documents' clean texts are in it):
//! it presents what the pipeline found and never computes analysis of its own. Writing files is
//! the binary's job; multi-file outputs come back as [`Files`].

mod csv;
mod graphml;
mod html;
mod markdown;

pub use csv::to_csv;
pub use graphml::to_graphml;
pub use html::{served_csp, to_html, SearchHit, WebPages};
pub use markdown::to_markdown;

use crate::dossier::Analysis;

/// Files of a multi-file output: `(file name, content)`, in a fixed order. Names are plain
/// file names (no directories), safe on every platform.
pub type Files = Vec<(String, String)>;

/// The data contract as pretty-printed JSON, with a final newline.
pub fn to_json(analysis: &Analysis) -> String {
    serde_json::to_string_pretty(analysis).expect("analysis serialises") + "\n"
}

/// At most `max` characters, cut at a character boundary with an ellipsis.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}
