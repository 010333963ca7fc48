//! The Markdown dossier: one section per story.

use std::collections::HashMap;
use std::fmt::Write;

use super::shorten;
use crate::dossier::{Analysis, Document, Story};
use crate::reuse::ReuseKind;

/// A Markdown dossier: one section per story.
pub fn to_markdown(analysis: &Analysis) -> String {
    let docs: HashMap<&str, &Document> = analysis
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d))
        .collect();
    let mut md = String::new();
    let _ = writeln!(md, "# triangulate dossier\n");
    let _ = writeln!(
        md,
        "{} documents, {} stories. Spans are `document@start..end`: byte offsets into that document's clean text.\n",
        analysis.documents.len(),
        analysis.stories.len()
    );
    for story in &analysis.stories {
        story_section(&mut md, story, &docs);
    }
    if !analysis.diagnostics.is_empty() {
        let _ = writeln!(md, "## Inputs skipped or read with caveats\n");
        for d in &analysis.diagnostics {
            let _ = writeln!(md, "- {:?}: `{}`: {}", d.severity, d.origin, d.message);
        }
    }
    md
}

fn story_section(md: &mut String, story: &Story, docs: &HashMap<&str, &Document>) {
    let title = story.title.as_deref().unwrap_or("(untitled story)");
    let _ = writeln!(md, "## Story {}: {}\n", story.id, escape(title));
    sources(md, story, docs);
    lineage(md, story, docs);
    citations(md, story);
    entities(md, story);
    quotes(md, story);
    claims(md, story);
    framing(md, story, docs);
    timeline(md, story);
}

fn sources(md: &mut String, story: &Story, docs: &HashMap<&str, &Document>) {
    let _ = writeln!(md, "### Sources ({})\n", story.documents.len());
    let _ = writeln!(
        md,
        "| document | outlet | published | title |\n|---|---|---|---|"
    );
    for id in &story.documents {
        let d = docs[id.as_str()];
        let _ = writeln!(
            md,
            "| `{}` | {} | {} | {} |",
            id,
            cell(d.outlet.as_deref()),
            cell(d.published.as_deref()),
            cell(d.title.as_deref())
        );
    }
    let _ = writeln!(md);
}

fn lineage(md: &mut String, story: &Story, docs: &HashMap<&str, &Document>) {
    if story.reuse.is_empty() {
        return;
    }
    let _ = writeln!(md, "### Copy lineage\n");
    who_copied_whom(md, story, docs);
    for pair in &story.reuse {
        let [a, b] = &pair.documents;
        let direction = match &pair.source {
            Some(src) => format!("source `{src}` (earlier publication)"),
            None => "direction unknown".to_string(),
        };
        let _ = writeln!(
            md,
            "- `{a}` ↔ `{b}`: **{:?}**, {} shared words in {} passages; {direction}",
            pair.kind,
            pair.shared_words,
            pair.passages.len()
        );
        for p in &pair.passages {
            let text = docs[a.as_str()].text.get(p.a[0]..p.a[1]).unwrap_or("");
            let _ = writeln!(
                md,
                "  - `{a}@{}..{}` = `{b}@{}..{}` (similarity {:.2}): “{}”",
                p.a[0],
                p.a[1],
                p.b[0],
                p.b[1],
                p.similarity,
                escape(&shorten(text, 160))
            );
        }
    }
    let _ = writeln!(md);
}

/// The summary a reader wants before the passages: one line per copying relation, with
/// outlets, and the families that count as one source.
fn who_copied_whom(md: &mut String, story: &Story, docs: &HashMap<&str, &Document>) {
    let name = |id: &str| match docs.get(id).and_then(|d| d.outlet.as_deref()) {
        Some(outlet) => format!("`{id}` ({})", escape(outlet)),
        None => format!("`{id}`"),
    };
    for pair in story
        .reuse
        .iter()
        .filter(|p| p.kind != ReuseKind::QuoteOnly)
    {
        let [a, b] = &pair.documents;
        let verb = if pair.kind == ReuseKind::Copy {
            "copied"
        } else {
            "took passages"
        };
        let line = match pair.source.as_deref() {
            Some(src) => {
                let copy = if src == a { b } else { a };
                format!("{} {verb} from {}", name(copy), name(src))
            }
            None => format!("{} and {}: {verb}, direction unknown", name(a), name(b)),
        };
        let _ = writeln!(md, "- {line}");
    }
    for family in story.copy_families.iter().filter(|f| f.len() > 1) {
        let members: Vec<String> = family.iter().map(|d| format!("`{d}`")).collect();
        let _ = writeln!(md, "- one source for counting: {}", members.join(", "));
    }
    let _ = writeln!(md, "\nShared passages:\n");
}

fn citations(md: &mut String, story: &Story) {
    if story.citations.is_empty() {
        return;
    }
    let _ = writeln!(md, "### Citations\n");
    let mut by_source: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for c in &story.citations {
        let citing = by_source.entry(c.source.as_str()).or_default();
        if !citing.contains(&c.document.as_str()) {
            citing.push(&c.document);
        }
    }
    for (source, citing) in &by_source {
        let citing: Vec<String> = citing.iter().map(|d| format!("`{d}`")).collect();
        let _ = writeln!(
            md,
            "- **{}** cited by {}",
            escape(source),
            citing.join(", ")
        );
    }
    let _ = writeln!(md);
    for c in &story.citations {
        let _ = writeln!(
            md,
            "- `{}@{}..{}` cites **{}**",
            c.document,
            c.start,
            c.end,
            escape(&c.source)
        );
    }
    let _ = writeln!(md);
}

fn entities(md: &mut String, story: &Story) {
    if story.entities.is_empty() {
        return;
    }
    let _ = writeln!(md, "### Entities\n");
    let _ = writeln!(
        md,
        "| entity | kind | aliases | roles | documents | mentions |\n|---|---|---|---|---|---|"
    );
    for e in &story.entities {
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} |",
            escape(&e.name),
            e.kind.as_str(),
            escape(&e.aliases.join("; ")),
            escape(&roles_and_ranks(e)),
            e.documents.len(),
            e.mentions.len()
        );
    }
    let _ = writeln!(md);
}

/// Roles, then the ranks outlets state (flagged when they disagree).
fn roles_and_ranks(e: &crate::entities::Entity) -> String {
    let mut parts = e.roles.clone();
    parts.extend(e.ranks.iter().map(|r| format!("rank: {}", r.rank)));
    let mut out = parts.join("; ");
    if e.rank_conflict {
        out.push_str(" (ranks disagree)");
    }
    out
}

fn quotes(md: &mut String, story: &Story) {
    if story.quotes.is_empty() {
        return;
    }
    let _ = writeln!(md, "### Quotes\n");
    let entity_name = |id: &str| {
        story
            .entities
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.name.as_str())
    };
    for q in &story.quotes {
        // The resolved identity first; the words the article used when they differ.
        let written = q.speaker_name.as_deref();
        let speaker = match (q.speaker.as_deref().and_then(entity_name), written) {
            (Some(name), Some(w)) if name != w => format!("{name} (“{w}”)"),
            (Some(name), _) => name.to_string(),
            (None, Some(w)) => w.to_string(),
            (None, None) => "unattributed".to_string(),
        };
        let _ = writeln!(
            md,
            "- **{}** ({})",
            escape(&speaker),
            counted(q.variants.len(), "rendering", "renderings")
        );
        for v in &q.variants {
            // A paraphrase is never shown in quotation marks.
            let words = escape(&shorten(&v.text, 240));
            let (mark, shown) = if v.verbatim {
                ("verbatim", format!("“{words}”"))
            } else {
                ("paraphrase", words)
            };
            let mark = match &v.via {
                Some(via) => format!(
                    "{mark}, via {} `@{}..{}`",
                    escape(&via.source),
                    via.start,
                    via.end
                ),
                None => mark.to_string(),
            };
            let _ = writeln!(
                md,
                "  - `{}@{}..{}` ({mark}): {shown}",
                v.document, v.start, v.end
            );
        }
    }
    let _ = writeln!(md);
}

/// "1 article", "2 articles".
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn claims(md: &mut String, story: &Story) {
    if story.claims.is_empty() {
        return;
    }
    let _ = writeln!(md, "### Claims\n");
    // A story-level dispute (the day of the collapse, a contested cause) is attached to
    // every claim it concerns; its sides are printed once, at the first.
    let mut shown: Vec<(&crate::statements::Conflict, &str)> = Vec::new();
    for c in &story.claims {
        let flag = if c.single_source {
            ", single source"
        } else {
            ""
        };
        let predicate = c
            .predicate
            .as_ref()
            .map(|p| format!(" [{p}]"))
            .unwrap_or_default();
        let _ = writeln!(
            md,
            "- **{}**{predicate} {} — {}, {} independent{flag}",
            c.id,
            escape(&shorten(&c.text, 240)),
            counted(c.documents.len(), "article", "articles"),
            c.independent_sources
        );
        for s in &c.support {
            let _ = writeln!(
                md,
                "  - `{}@{}..{}`{}{}",
                s.document,
                s.start,
                s.end,
                chain(s),
                slots(s)
            );
        }
        for conflict in &c.conflicts {
            if let Some((_, first)) = shown.iter().find(|(k, _)| *k == conflict) {
                let _ = writeln!(md, "  - **conflict** on {}: as in {first}", conflict.slot);
                continue;
            }
            shown.push((conflict, &c.id));
            let _ = writeln!(
                md,
                "  - **conflict** on {}: {}",
                conflict.slot,
                conflict_sides(conflict)
            );
        }
    }
    let _ = writeln!(md);
}

/// " — Bagheri, according to Fars News": the chain of attribution, speaker first.
fn chain(s: &crate::statements::Support) -> String {
    if s.chain.is_empty() {
        return String::new();
    }
    let mut parts: Vec<String> = Vec::new();
    for (i, step) in s.chain.iter().enumerate() {
        let name = escape(&step.source);
        parts.push(match (i, step.kind.as_str()) {
            (0, "speaker") => name,
            (0, _) => format!("according to {name}"),
            (_, "speaker") => format!("quoting {name}"),
            _ => format!("according to {name}"),
        });
    }
    format!(" — {}", parts.join(", "))
}

/// " (subject “Iran”, predicate “opened” = open, place “Dushanbe”)": the slots that carry
/// the claim (other names and numbers are in the JSON).
fn slots(s: &crate::statements::Support) -> String {
    let shown: Vec<String> = s
        .slots
        .iter()
        .filter(|x| {
            matches!(
                x.role.as_str(),
                "subject" | "predicate" | "object" | "place" | "date" | "number"
            )
        })
        .map(|x| {
            let reading = x
                .reading
                .as_ref()
                .filter(|r| **r != x.value)
                .map(|r| format!(" = {}", escape(r)))
                .unwrap_or_default();
            format!("{} “{}”{reading}", x.role, escape(&shorten(&x.value, 60)))
        })
        .collect();
    if shown.is_empty() {
        String::new()
    } else {
        format!(" ({})", shown.join(", "))
    }
}

/// Terms per referent, and per outlet the claims it adds and omits.
fn framing(md: &mut String, story: &Story, docs: &HashMap<&str, &Document>) {
    let f = &story.framing;
    let adds_or_omits = f
        .coverage
        .iter()
        .any(|c| !c.adds.is_empty() || !c.omits.is_empty());
    if f.referents.is_empty() && !adds_or_omits {
        return;
    }
    let _ = writeln!(
        md,
        "### Framing
"
    );
    for r in &f.referents {
        let entity = r
            .entity
            .as_ref()
            .map(|e| format!(" (`{e}`)"))
            .unwrap_or_default();
        let _ = writeln!(
            md,
            "- **{}**{entity}, grouped by {}:",
            escape(&r.label),
            r.basis
        );
        for t in &r.terms {
            let uses: Vec<String> = t
                .mentions
                .iter()
                .map(|m| {
                    let quoted = if m.quoted { " quoted" } else { "" };
                    format!("`{}@{}..{}`{quoted}", m.document, m.start, m.end)
                })
                .collect();
            let outlets: Vec<String> = t.documents.iter().map(|d| outlet_name(d, docs)).collect();
            let _ = writeln!(
                md,
                "  - “{}” — {}: {}",
                escape(&t.term),
                outlets.join(", "),
                uses.join(", ")
            );
        }
    }
    if adds_or_omits {
        if !f.referents.is_empty() {
            let _ = writeln!(md);
        }
        let _ = writeln!(
            md,
            "| document | outlet | adds | omits |\n|---|---|---|---|"
        );
        for c in &f.coverage {
            let list = |ids: &[String]| {
                if ids.is_empty() {
                    "—".to_string()
                } else {
                    ids.join(", ")
                }
            };
            let _ = writeln!(
                md,
                "| `{}` | {} | {} | {} |",
                c.document,
                cell(c.outlet.as_deref()),
                list(&c.adds),
                list(&c.omits)
            );
        }
    }
    let _ = writeln!(md);
}

/// A document's outlet, or its id when the outlet is not stated.
fn outlet_name(id: &str, docs: &HashMap<&str, &Document>) -> String {
    docs.get(id)
        .and_then(|d| d.outlet.as_deref())
        .map_or_else(|| format!("`{id}`"), escape)
}

/// "“14” (a@1..3, b@4..6) vs “17” (c@7..9)": each distinct value once, with every place it
/// is stated.
fn conflict_sides(conflict: &crate::statements::Conflict) -> String {
    let mut sides: Vec<(String, Vec<String>)> = Vec::new();
    for v in &conflict.values {
        let key = v.reading.clone().unwrap_or_else(|| v.value.clone());
        let place = format!("`{}@{}..{}`", v.document, v.start, v.end);
        match sides.iter_mut().find(|(k, _)| *k == key) {
            Some((_, places)) => places.push(place),
            None => sides.push((key, vec![place])),
        }
    }
    sides
        .iter()
        .map(|(value, places)| format!("“{}” ({})", escape(value), places.join(", ")))
        .collect::<Vec<_>>()
        .join(" vs ")
}

fn timeline(md: &mut String, story: &Story) {
    if story.timeline.is_empty() {
        return;
    }
    let _ = writeln!(md, "### Timeline\n");
    for t in &story.timeline {
        let uncertain = if t.uncertain { " (uncertain)" } else { "" };
        let range = if t.from == t.to {
            String::new()
        } else {
            format!(" ({}…{})", t.from, t.to)
        };
        let spans: Vec<String> = t
            .mentions
            .iter()
            .map(|m| format!("`{}@{}..{}`", m.document, m.start, m.end))
            .collect();
        let _ = writeln!(
            md,
            "- **{}**{range}{uncertain} “{}”: {} — {}",
            t.date,
            escape(&t.expression),
            escape(&shorten(&t.text, 200)),
            spans.join(", ")
        );
    }
    let _ = writeln!(md);
}

fn cell(v: Option<&str>) -> String {
    v.map_or_else(|| "—".to_string(), escape)
}

/// Escapes Markdown table and emphasis characters and folds line breaks.
fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('*', "\\*")
        .replace('_', "\\_")
        .replace('`', "\\`")
        .replace('<', "&lt;")
        .replace(['\n', '\r'], " ")
}
