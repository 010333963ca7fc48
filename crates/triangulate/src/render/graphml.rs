//! The lineage and citation graph as GraphML (Gephi, yEd, networkx, igraph).
//!
//! Nodes: every article (`a:<id>`) and every cited upstream source (`c:<name>`). Edges: reuse
//! pairs, directed from the earlier article to the later when publication dates tell, else
//! undirected; citations, directed from the cited source to the article citing it (the way
//! information flows, like copying).

use std::collections::BTreeMap;
use std::fmt::Write;

use super::csv::kind_name;
use crate::dossier::Analysis;

/// Typed attribute keys: `(id, for, name, type)`.
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("n_type", "node", "type", "string"),
    ("n_label", "node", "label", "string"),
    ("n_outlet", "node", "outlet", "string"),
    ("n_published", "node", "published", "string"),
    ("n_title", "node", "title", "string"),
    ("n_url", "node", "url", "string"),
    ("n_story", "node", "story", "string"),
    ("e_type", "edge", "type", "string"),
    ("e_kind", "edge", "kind", "string"),
    ("e_direction", "edge", "direction", "string"),
    ("e_weight", "edge", "weight", "double"),
    ("e_shared_words", "edge", "shared_words", "int"),
    ("e_story", "edge", "story", "string"),
];

/// The whole analysis as one directed GraphML graph (undirected edges marked so).
pub fn to_graphml(analysis: &Analysis) -> String {
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
    for (id, domain, name, ty) in KEYS {
        let _ = writeln!(
            x,
            "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    x.push_str("  <graph id=\"triangulate\" edgedefault=\"directed\">\n");
    article_nodes(&mut x, analysis);
    source_nodes(&mut x, analysis);
    reuse_edges(&mut x, analysis);
    citation_edges(&mut x, analysis);
    x.push_str("  </graph>\n</graphml>\n");
    x
}

fn story_of(analysis: &Analysis) -> BTreeMap<&str, &str> {
    analysis
        .stories
        .iter()
        .flat_map(|s| s.documents.iter().map(|d| (d.as_str(), s.id.as_str())))
        .collect()
}

fn article_nodes(x: &mut String, analysis: &Analysis) {
    let stories = story_of(analysis);
    for d in &analysis.documents {
        let label = d.outlet.as_deref().unwrap_or(&d.id);
        let mut data = vec![("n_type", "article"), ("n_label", label)];
        let optional = [
            ("n_outlet", &d.outlet),
            ("n_published", &d.published),
            ("n_title", &d.title),
            ("n_url", &d.url),
        ];
        data.extend(
            optional
                .iter()
                .filter_map(|(k, v)| Some((*k, v.as_deref()?))),
        );
        if let Some(story) = stories.get(d.id.as_str()) {
            data.push(("n_story", story));
        }
        node(x, &format!("a:{}", d.id), &data);
    }
}

/// Cited sources, one node per name (names are already normalised across each story).
fn source_nodes(x: &mut String, analysis: &Analysis) {
    let names: std::collections::BTreeSet<&str> = analysis
        .stories
        .iter()
        .flat_map(|s| s.citations.iter().map(|c| c.source.as_str()))
        .collect();
    for name in names {
        node(
            x,
            &format!("c:{name}"),
            &[("n_type", "cited-source"), ("n_label", name)],
        );
    }
}

fn reuse_edges(x: &mut String, analysis: &Analysis) {
    for s in &analysis.stories {
        for (n, p) in s.reuse.iter().enumerate() {
            let [a, b] = &p.documents;
            let (from, to) = if p.source.as_deref() == Some(b.as_str()) {
                (b, a)
            } else {
                (a, b)
            };
            let weight = p.shared_words.to_string();
            let words = p.shared_words.to_string();
            let data = [
                ("e_type", "reuse"),
                ("e_kind", kind_name(p.kind)),
                ("e_direction", p.direction.as_str()),
                ("e_weight", weight.as_str()),
                ("e_shared_words", words.as_str()),
                ("e_story", s.id.as_str()),
            ];
            let id = format!("{}-r{}", s.id, n + 1);
            edge(
                x,
                &id,
                &format!("a:{from}"),
                &format!("a:{to}"),
                p.source.is_some(),
                &data,
            );
        }
    }
}

/// One edge per (source, citing article), weighted by how often the article cites it.
fn citation_edges(x: &mut String, analysis: &Analysis) {
    for s in &analysis.stories {
        let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for c in &s.citations {
            *counts
                .entry((c.source.as_str(), c.document.as_str()))
                .or_default() += 1;
        }
        for (n, ((source, doc), count)) in counts.into_iter().enumerate() {
            let weight = count.to_string();
            let data = [
                ("e_type", "citation"),
                ("e_weight", weight.as_str()),
                ("e_story", s.id.as_str()),
            ];
            let id = format!("{}-c{}", s.id, n + 1);
            edge(
                x,
                &id,
                &format!("c:{source}"),
                &format!("a:{doc}"),
                true,
                &data,
            );
        }
    }
}

fn node(x: &mut String, id: &str, data: &[(&str, &str)]) {
    let _ = writeln!(x, "    <node id=\"{}\">", esc(id));
    write_data(x, data);
    x.push_str("    </node>\n");
}

fn edge(x: &mut String, id: &str, from: &str, to: &str, directed: bool, data: &[(&str, &str)]) {
    let _ = writeln!(
        x,
        "    <edge id=\"{}\" source=\"{}\" target=\"{}\" directed=\"{directed}\">",
        esc(id),
        esc(from),
        esc(to)
    );
    write_data(x, data);
    x.push_str("    </edge>\n");
}

fn write_data(x: &mut String, data: &[(&str, &str)]) {
    for (key, value) in data {
        let _ = writeln!(x, "      <data key=\"{key}\">{}</data>", esc(value));
    }
}

/// XML-escapes text and attribute values, and drops the characters XML 1.0 cannot carry at
/// all (C0 controls but tab and line breaks, U+FFFE, U+FFFF): hostile text must not make the
/// file unreadable.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn markup_and_illegal_characters_are_neutralised() {
        assert_eq!(
            esc("\"><svg onload=x>&\u{1}'"),
            "&quot;&gt;&lt;svg onload=x&gt;&amp;&apos;"
        );
    }
}
