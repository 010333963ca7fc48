//! CSV tables for spreadsheets and dataframes: entities, quotes (one row per rendering),
//! claims, reuse pairs. Spans are `document@start..end`, several joined with `; `.

use super::Files;
use crate::dossier::{Analysis, Story};

/// The four tables, `entities.csv`, `quotes.csv`, `claims.csv`, `reuse.csv`.
pub fn to_csv(analysis: &Analysis) -> Files {
    vec![
        ("entities.csv".to_string(), entities(analysis)),
        ("quotes.csv".to_string(), quotes(analysis)),
        ("claims.csv".to_string(), claims(analysis)),
        ("reuse.csv".to_string(), reuse(analysis)),
    ]
}

/// Writes a header and rows; every text cell goes through [`cell`].
fn table<R>(header: &[&str], rows: R) -> String
where
    R: IntoIterator<Item = Vec<String>>,
{
    let mut w = ::csv::Writer::from_writer(Vec::new());
    // Writing to a Vec cannot fail; a row of the wrong width is a bug caught by the tests.
    w.write_record(header).expect("csv header");
    for row in rows {
        w.write_record(row.iter().map(|c| cell(c)))
            .expect("csv row");
    }
    let bytes = w.into_inner().expect("csv flush");
    String::from_utf8(bytes).expect("csv of UTF-8 strings is UTF-8")
}

/// Article text is hostile: a cell starting with `=`, `+`, `-`, `@`, tab or carriage return is
/// run as a formula by spreadsheet programs, so it gets a leading apostrophe (the OWASP
/// advice). Numbers are ours and start with a digit, so they are untouched.
fn cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

fn span(doc: &str, start: usize, end: usize) -> String {
    format!("{doc}@{start}..{end}")
}

fn rows_per_story<'a, F>(analysis: &'a Analysis, f: F) -> impl Iterator<Item = Vec<String>> + 'a
where
    F: Fn(&'a Story) -> Vec<Vec<String>> + 'a,
{
    analysis.stories.iter().flat_map(f)
}

fn entities(analysis: &Analysis) -> String {
    let header = [
        "story",
        "entity",
        "name",
        "kind",
        "aliases",
        "roles",
        "ranks",
        "rank_conflict",
        "documents",
        "mentions",
        "spans",
    ];
    table(
        &header,
        rows_per_story(analysis, |s| {
            s.entities
                .iter()
                .map(|e| {
                    let spans: Vec<String> = e
                        .mentions
                        .iter()
                        .map(|m| span(&m.document, m.start, m.end))
                        .collect();
                    let ranks: Vec<&str> = e.ranks.iter().map(|r| r.rank.as_str()).collect();
                    vec![
                        s.id.clone(),
                        e.id.clone(),
                        e.name.clone(),
                        e.kind.as_str().to_string(),
                        e.aliases.join("; "),
                        e.roles.join("; "),
                        ranks.join("; "),
                        e.rank_conflict.to_string(),
                        e.documents.len().to_string(),
                        e.mentions.len().to_string(),
                        spans.join("; "),
                    ]
                })
                .collect()
        }),
    )
}

fn quotes(analysis: &Analysis) -> String {
    let header = [
        "story",
        "quote",
        "speaker_entity",
        "speaker_name",
        "document",
        "start",
        "end",
        "verbatim",
        "text",
        "via",
    ];
    table(
        &header,
        rows_per_story(analysis, |s| {
            s.quotes
                .iter()
                .flat_map(|q| {
                    q.variants.iter().map(move |v| {
                        vec![
                            s.id.clone(),
                            q.id.clone(),
                            q.speaker.clone().unwrap_or_default(),
                            q.speaker_name.clone().unwrap_or_default(),
                            v.document.clone(),
                            v.start.to_string(),
                            v.end.to_string(),
                            v.verbatim.to_string(),
                            v.text.clone(),
                            v.via.as_ref().map(|c| c.source.clone()).unwrap_or_default(),
                        ]
                    })
                })
                .collect()
        }),
    )
}

fn claims(analysis: &Analysis) -> String {
    let header = [
        "story",
        "claim",
        "text",
        "predicate",
        "entities",
        "documents",
        "independent_sources",
        "single_source",
        "support",
        "attribution",
        "conflicts",
    ];
    table(
        &header,
        rows_per_story(analysis, |s| {
            s.claims
                .iter()
                .map(|c| {
                    let support: Vec<String> = c
                        .support
                        .iter()
                        .map(|x| span(&x.document, x.start, x.end))
                        .collect();
                    vec![
                        s.id.clone(),
                        c.id.clone(),
                        c.text.clone(),
                        c.predicate.clone().unwrap_or_default(),
                        c.entities.join(" "),
                        c.documents.len().to_string(),
                        c.independent_sources.to_string(),
                        c.single_source.to_string(),
                        support.join("; "),
                        attribution(c),
                        conflicts(c),
                    ]
                })
                .collect()
        }),
    )
}

/// Each support's chain, `doc@start..end: Bagheri > Fars News` (speaker first), supports
/// without one left out, joined with `; `.
fn attribution(c: &crate::statements::Claim) -> String {
    c.support
        .iter()
        .filter(|s| !s.chain.is_empty())
        .map(|s| {
            let steps: Vec<&str> = s.chain.iter().map(|x| x.source.as_str()).collect();
            format!(
                "{}: {}",
                span(&s.document, s.start, s.end),
                steps.join(" > ")
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// `slot: "14" doc@1..3 | "17" doc@5..7`, conflicts joined with `; `.
fn conflicts(c: &crate::statements::Claim) -> String {
    c.conflicts
        .iter()
        .map(|k| {
            let values: Vec<String> = k
                .values
                .iter()
                .map(|v| format!("\"{}\" {}", v.value, span(&v.document, v.start, v.end)))
                .collect();
            format!("{}: {}", k.slot, values.join(" | "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn reuse(analysis: &Analysis) -> String {
    let header = [
        "story",
        "document_a",
        "document_b",
        "kind",
        "source",
        "direction",
        "shared_words",
        "passages",
        "spans",
    ];
    table(
        &header,
        rows_per_story(analysis, |s| {
            s.reuse
                .iter()
                .map(|p| {
                    let [a, b] = &p.documents;
                    let spans: Vec<String> = p
                        .passages
                        .iter()
                        .map(|x| {
                            format!("{} = {}", span(a, x.a[0], x.a[1]), span(b, x.b[0], x.b[1]))
                        })
                        .collect();
                    vec![
                        s.id.clone(),
                        a.clone(),
                        b.clone(),
                        kind_name(p.kind).to_string(),
                        p.source.clone().unwrap_or_default(),
                        p.direction.clone(),
                        p.shared_words.to_string(),
                        p.passages.len().to_string(),
                        spans.join("; "),
                    ]
                })
                .collect()
        }),
    )
}

/// The kind as the JSON contract spells it.
pub(super) fn kind_name(kind: crate::reuse::ReuseKind) -> &'static str {
    match kind {
        crate::reuse::ReuseKind::Copy => "copy",
        crate::reuse::ReuseKind::Partial => "partial",
        crate::reuse::ReuseKind::QuoteOnly => "quote-only",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_defused_and_quotes_doubled() {
        let t = table(&["a", "b"], [vec!["=HYPERLINK(\"x\")".into(), "12".into()]]);
        assert_eq!(t, "a,b\n\"'=HYPERLINK(\"\"x\"\")\",12\n");
        assert_eq!(cell("-5 dead"), "'-5 dead");
        assert_eq!(cell("5 dead"), "5 dead");
    }
}
