//! The lineage drawing: a layered layout, one column per publication day (undated last), cited
//! upstream sources in a column of their own on the left; reuse and citation edges between.
//! Only coordinates and labels are computed here; the template writes the SVG (and escapes).

use std::collections::BTreeMap;

use crate::dossier::{Document, Story};
use crate::reuse::ReuseKind;

const COL: i64 = 210;
const ROW: i64 = 56;
const BOX_W: i64 = 170;
const BOX_H: i64 = 34;
const MARGIN: i64 = 20;
const HEAD: i64 = 30;

/// A box in the drawing.
pub struct Node {
    /// Left edge.
    pub x: i64,
    /// Top edge.
    pub y: i64,
    /// Box width and height.
    pub w: i64,
    /// Box height.
    pub h: i64,
    /// Shortened label.
    pub label: String,
    /// Full label, shown on hover.
    pub full: String,
    /// Page the box links to, if any.
    pub href: Option<String>,
    /// `article` or `cited`.
    pub class: &'static str,
}

/// A line in the drawing.
pub struct Edge {
    /// SVG path data.
    pub d: String,
    /// `copy`, `partial`, `quote-only` or `citation`.
    pub class: &'static str,
    /// Whether it carries an arrow head (the direction is known).
    pub arrow: bool,
    /// Hover text.
    pub title: String,
}

/// A column heading.
pub struct Heading {
    /// Centre of the column.
    pub x: i64,
    /// The heading text.
    pub text: String,
}

/// The whole drawing.
pub struct Drawing {
    /// Canvas width.
    pub width: i64,
    /// Canvas height.
    pub height: i64,
    /// Column headings.
    pub headings: Vec<Heading>,
    /// Boxes.
    pub nodes: Vec<Node>,
    /// Lines.
    pub edges: Vec<Edge>,
}

/// Lays out one story's articles by day and its cited sources on the left.
pub fn draw(
    story: &Story,
    docs: &BTreeMap<&str, &Document>,
    href: &dyn Fn(&str) -> String,
) -> Drawing {
    let cited: Vec<&str> = {
        let set: std::collections::BTreeSet<&str> =
            story.citations.iter().map(|c| c.source.as_str()).collect();
        set.into_iter().collect()
    };
    let columns = day_columns(story, docs);
    let offset = i64::from(!cited.is_empty());
    let mut nodes = Vec::new();
    let mut at: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    let mut headings = Vec::new();
    if !cited.is_empty() {
        headings.push(Heading {
            x: MARGIN + BOX_W / 2,
            text: "cited sources".into(),
        });
        for (row, name) in cited.iter().enumerate() {
            let (x, y) = (MARGIN, HEAD + MARGIN + row as i64 * ROW);
            at.insert(format!("c:{name}"), (x, y));
            nodes.push(node(x, y, name, None, "cited"));
        }
    }
    for (col, (day, ids)) in columns.iter().enumerate() {
        let x = MARGIN + (col as i64 + offset) * COL;
        headings.push(Heading {
            x: x + BOX_W / 2,
            text: day.clone(),
        });
        for (row, id) in ids.iter().enumerate() {
            let y = HEAD + MARGIN + row as i64 * ROW;
            at.insert(format!("a:{id}"), (x, y));
            let label = docs
                .get(id.as_str())
                .and_then(|d| d.outlet.as_deref())
                .unwrap_or(id);
            nodes.push(node(x, y, label, Some(href(id)), "article"));
        }
    }
    let edges = edges(story, &at);
    let rows = columns
        .iter()
        .map(|(_, v)| v.len())
        .chain([cited.len()])
        .max()
        .unwrap_or(0);
    Drawing {
        width: 2 * MARGIN + (columns.len() as i64 + offset - 1).max(0) * COL + BOX_W,
        height: HEAD + 2 * MARGIN + rows as i64 * ROW,
        headings,
        nodes,
        edges,
    }
}

/// Members grouped by publication day (the first ten characters of the ISO date), in date
/// order; undated members last.
fn day_columns(story: &Story, docs: &BTreeMap<&str, &Document>) -> Vec<(String, Vec<String>)> {
    let mut days: BTreeMap<(bool, String), Vec<String>> = BTreeMap::new();
    for id in &story.documents {
        let day = docs
            .get(id.as_str())
            .and_then(|d| d.published.as_deref())
            .map(|p| p.chars().take(10).collect::<String>());
        let key = match day {
            Some(d) => (false, d),
            None => (true, "undated".to_string()),
        };
        days.entry(key).or_default().push(id.clone());
    }
    days.into_iter().map(|((_, d), ids)| (d, ids)).collect()
}

fn node(x: i64, y: i64, label: &str, href: Option<String>, class: &'static str) -> Node {
    Node {
        x,
        y,
        w: BOX_W,
        h: BOX_H,
        label: super::super::shorten(label, 22),
        full: label.to_string(),
        href,
        class,
    }
}

fn edges(story: &Story, at: &BTreeMap<String, (i64, i64)>) -> Vec<Edge> {
    let mut out = Vec::new();
    for p in &story.reuse {
        let [a, b] = &p.documents;
        let (from, to) = if p.source.as_deref() == Some(b.as_str()) {
            (b, a)
        } else {
            (a, b)
        };
        let (Some(&f), Some(&t)) = (at.get(&format!("a:{from}")), at.get(&format!("a:{to}")))
        else {
            continue;
        };
        let class = match p.kind {
            ReuseKind::Copy => "copy",
            ReuseKind::Partial => "partial",
            ReuseKind::QuoteOnly => "quote-only",
        };
        let title = format!("{from} → {to}: {class}, {} shared words", p.shared_words);
        out.push(Edge {
            d: path(f, t),
            class,
            arrow: p.source.is_some(),
            title,
        });
    }
    let mut seen = std::collections::BTreeSet::new();
    for c in &story.citations {
        if !seen.insert((c.source.as_str(), c.document.as_str())) {
            continue;
        }
        let (Some(&f), Some(&t)) = (
            at.get(&format!("c:{}", c.source)),
            at.get(&format!("a:{}", c.document)),
        ) else {
            continue;
        };
        let title = format!("{} cites {}", c.document, c.source);
        out.push(Edge {
            d: path(f, t),
            class: "citation",
            arrow: true,
            title,
        });
    }
    out
}

/// From the right side of one box to the left side of the other; boxes in the same column
/// are joined by an arc on their right.
fn path((fx, fy): (i64, i64), (tx, ty): (i64, i64)) -> String {
    let (fcy, tcy) = (fy + BOX_H / 2, ty + BOX_H / 2);
    if fx == tx {
        let bulge = fx + BOX_W + 30 + (fcy - tcy).abs() / 4;
        return format!(
            "M{} {fcy} C{bulge} {fcy} {bulge} {tcy} {} {tcy}",
            fx + BOX_W,
            tx + BOX_W
        );
    }
    let (sx, ex) = if fx < tx {
        (fx + BOX_W, tx)
    } else {
        (fx, tx + BOX_W)
    };
    let mid = (sx + ex) / 2;
    format!("M{sx} {fcy} C{mid} {fcy} {mid} {tcy} {ex} {tcy}")
}
