//! The provenance invariant, checked: every span in an [`Analysis`] lies inside its
//! document's text on character boundaries, and where the item states the text it covers
//! (an alias, a quote, a conflicting value), the span covers exactly that text.

use std::collections::HashMap;

use super::{Analysis, Document};
use crate::model::Span;

/// Returns one message per violated span; empty when the analysis is sound.
pub fn check(analysis: &Analysis) -> Vec<String> {
    let docs: HashMap<&str, &Document> = analysis
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d))
        .collect();
    let mut errors = Vec::new();
    let mut errors_outside: Vec<String> = Vec::new();
    let mut check_span = |what: &str, doc: &str, span: Span, expect: Option<&str>| {
        let Some(d) = docs.get(doc) else {
            errors.push(format!("{what}: unknown document {doc:?}"));
            return;
        };
        match d.text.get(span.start..span.end) {
            None => errors.push(format!(
                "{what}: {doc}@{}..{} is outside the text ({} bytes) or not on a character boundary",
                span.start,
                span.end,
                d.text.len()
            )),
            Some(covered) => {
                if let Some(expected) = expect.filter(|e| *e != covered) {
                    errors.push(format!(
                        "{what}: {doc}@{}..{} covers {covered:?}, not {expected:?}",
                        span.start, span.end
                    ));
                }
            }
        }
    };
    for d in &analysis.documents {
        for p in &d.paragraphs {
            check_span("paragraph", &d.id, p.text, None);
        }
    }
    for story in &analysis.stories {
        for e in &story.entities {
            for m in &e.mentions {
                let covered = docs
                    .get(m.document.as_str())
                    .and_then(|d| d.text.get(m.start..m.end));
                let is_alias = covered.is_some_and(|c| e.aliases.iter().any(|a| a == c));
                let expect = if is_alias {
                    None
                } else {
                    Some(e.aliases.join(" | "))
                };
                check_span(
                    &format!("entity {}", e.id),
                    &m.document,
                    m.span(),
                    expect.as_deref(),
                );
            }
            for (alias, spans) in &e.alias_mentions {
                for m in spans {
                    let what = format!("entity {} alias", e.id);
                    check_span(&what, &m.document, m.span(), Some(alias));
                }
            }
            // A rank is stated in one of the entity's own mentions.
            for m in e.ranks.iter().flat_map(|r| &r.mentions) {
                let alias = e
                    .alias_mentions
                    .iter()
                    .find(|(_, spans)| spans.contains(m))
                    .map_or("<one of the entity's mentions>", |(a, _)| a.as_str());
                let what = format!("entity {} rank", e.id);
                check_span(&what, &m.document, m.span(), Some(alias));
            }
        }
        for q in &story.quotes {
            for v in &q.variants {
                let span = Span::new(v.start, v.end);
                check_span(&format!("quote {}", q.id), &v.document, span, Some(&v.text));
                if let Some(via) = &v.via {
                    let what = format!("quote {} channel", q.id);
                    let span = Span::new(via.start, via.end);
                    check_span(&what, &v.document, span, Some(&via.source));
                }
            }
        }
        for pair in &story.reuse {
            for p in &pair.passages {
                check_span(
                    "reuse passage a",
                    &pair.documents[0],
                    Span::new(p.a[0], p.a[1]),
                    None,
                );
                check_span(
                    "reuse passage b",
                    &pair.documents[1],
                    Span::new(p.b[0], p.b[1]),
                    None,
                );
            }
        }
        for c in &story.citations {
            check_span("citation", &c.document, Span::new(c.start, c.end), None);
        }
        for c in &story.claims {
            for s in &c.support {
                let what = format!("claim {}", c.id);
                let sentence = Span::new(s.start, s.end);
                check_span(&what, &s.document, sentence, None);
                // Slots and attribution steps: exact words, inside their sentence, except
                // the article's credit, which may stand anywhere in it.
                for slot in &s.slots {
                    let span = Span::new(slot.start, slot.end);
                    let what = format!("claim {} slot {}", c.id, slot.role);
                    check_span(&what, &s.document, span, Some(&slot.value));
                    if !sentence.contains(span) {
                        errors_outside.push(format!("{what}: outside its sentence"));
                    }
                }
                for step in &s.chain {
                    let span = Span::new(step.start, step.end);
                    let what = format!("claim {} attribution {}", c.id, step.kind);
                    check_span(&what, &s.document, span, None);
                    if step.kind != "credit" && !sentence.contains(span) {
                        errors_outside.push(format!("{what}: outside its sentence"));
                    }
                }
            }
            for conflict in &c.conflicts {
                for v in &conflict.values {
                    let span = Span::new(v.start, v.end);
                    check_span(
                        &format!("conflict in {}", c.id),
                        &v.document,
                        span,
                        Some(&v.value),
                    );
                }
            }
        }
        for r in &story.framing.referents {
            for t in &r.terms {
                for m in &t.mentions {
                    let span = Span::new(m.start, m.end);
                    let covered = docs
                        .get(m.document.as_str())
                        .and_then(|d| d.text.get(m.start..m.end));
                    // The term is the written words, lower-cased outside names.
                    let agrees = covered.is_some_and(|c| same_term(c, &t.term));
                    let expect = (!agrees).then_some(t.term.as_str());
                    check_span(&format!("framing {}", r.id), &m.document, span, expect);
                }
            }
        }
        for t in &story.timeline {
            // `expression` is the first mention as written; other articles may word the
            // same date differently ("Tuesday", "on Tuesday").
            for (i, m) in t.mentions.iter().enumerate() {
                let expect = (i == 0).then_some(t.expression.as_str());
                check_span("timeline", &m.document, m.span(), expect);
            }
        }
    }
    errors.extend(errors_outside);
    errors
}

/// Whether written words and a framing term agree: equal ignoring case, runs of
/// whitespace and the form of the apostrophe.
fn same_term(written: &str, term: &str) -> bool {
    let norm = |s: &str| -> String {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
            .replace('’', "'")
    };
    norm(written) == norm(term)
}

/// Checks that every paragraph of a plain-text document is, byte for byte, the input slice
/// it claims to come from. `inputs` maps document ids to their decoded input.
pub fn check_input_map(analysis: &Analysis, inputs: &HashMap<String, String>) -> Vec<String> {
    let mut errors = Vec::new();
    for d in &analysis.documents {
        let Some(input) = inputs.get(&d.id) else {
            errors.push(format!("no input for document {}", d.id));
            continue;
        };
        for p in &d.paragraphs {
            let in_text = p.text.slice(&d.text);
            match input.get(p.input.start..p.input.end) {
                None => errors.push(format!(
                    "{}: paragraph input span {}..{} outside the input",
                    d.id, p.input.start, p.input.end
                )),
                Some(src) if d.format == crate::ingest::Format::Text && src != in_text => errors
                    .push(format!(
                        "{}: paragraph {:?} is not its input slice {:?}",
                        d.id, in_text, src
                    )),
                Some(_) => {}
            }
        }
        for x in &d.dropped {
            if input.get(x.input.start..x.input.end).is_none() {
                errors.push(format!(
                    "{}: dropped span {}..{} outside the input",
                    d.id, x.input.start, x.input.end
                ));
            }
        }
    }
    errors
}
