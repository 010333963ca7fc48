//! Quotes: words inside quotation marks, their speakers, and the alignment of renderings of
//! one utterance across articles (different translations of the same remark).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use regex::Regex;

use super::{content_stems, cosine, quote_interiors, Quote, QuoteVariant, UnionFind};
use crate::entities::Entity;
use crate::model::{EntityKind, Span};
use crate::text::{fold, Doc};

/// A speaker as found in the text.
#[derive(Clone, Debug)]
struct Speaker {
    /// Name as written, titles stripped ("Mohammad Bagheri", "the minister").
    name: String,
    /// Where the name (or the pronoun's antecedent) stands in the document.
    span: Span,
    /// Entity id, when entities were supplied and one matches.
    entity: Option<String>,
    /// The words next to the quote that name the speaker ("he", "the minister", "Bagheri").
    written: Span,
}

/// One quoted passage in one document.
#[derive(Clone, Debug)]
struct Segment {
    doc: usize,
    words: Span,
    speaker: Option<Speaker>,
    /// The speech verb or phrase ("said", "according to").
    cue: Option<Span>,
    /// True when no attribution was found and the segment continues the previous one.
    continuation: bool,
}

/// One statement in one document: consecutive segments of the same speaker.
struct Statement {
    doc: usize,
    segments: Vec<Segment>,
    stems: BTreeSet<String>,
}

/// Speech verbs introducing or closing a quote.
const VERBS: &str = r"said|says|say|added|adds|adding|told|tells|telling|pointed out|points out|noted|notes|stressed|stresses|warned|warns|wrote|writes|described|describes|called|calls|declared|announced|insisted|explained|asserted|argued|replied|continued|saying|stated|urged|claimed|claims|admitted|acknowledged|recalled|cited";

/// Participles whose subject is that of an earlier finite verb ("…, adding that").
const PARTICIPLES: &[&str] = &["adding", "saying", "telling"];

fn verb_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&format!(r"\b(?:{VERBS})\b")).expect("verb regex"))
}

/// Ranks, offices and honorifics stripped from the front of a speaker's name.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "maj",
    "col",
    "lt",
    "capt",
    "sgt",
    "adm",
    "brig",
    "major",
    "general",
    "colonel",
    "lieutenant",
    "captain",
    "president",
    "minister",
    "prime",
    "chief",
    "deputy",
    "secretary",
    "chairman",
    "commander",
    "coach",
    "judge",
    "senator",
    "governor",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "sheikh",
    "ayatollah",
    "king",
    "queen",
    "prince",
    "rev",
    "major-general",
    "brigadier",
    "sir",
    "mayor",
    "director",
    "manager",
    "farmer",
    "engineer",
    "professor",
];

/// Words that make a capitalised run an organisation or a place rather than a person.
const NON_PERSON: &[&str] = &[
    "agency",
    "news",
    "ministry",
    "front",
    "authority",
    "office",
    "society",
    "university",
    "committee",
    "republic",
    "forces",
    "house",
    "act",
    "treaty",
    "organization",
    "organisation",
    "council",
    "union",
    "party",
    "dam",
    "river",
    "hospital",
    "stadium",
    "fc",
    "cup",
    "athletic",
    "herald",
    "voice",
    "daily",
    "today",
    "post",
    "ledger",
    "courier",
    "gazette",
    "times",
    "television",
    "tv",
    "radio",
    "force",
    "army",
    "navy",
    "corps",
    "guard",
    "bank",
    "company",
    "group",
    "court",
    "parliament",
    "assembly",
    "government",
    "state",
    "states",
    "nations",
    "east",
    "west",
    "north",
    "south",
    "asia",
    "strip",
    "valley",
    "province",
    "region",
    "sea",
    "lower",
    "upper",
    "central",
    "middle",
    "islamic",
    "national",
    "international",
    "security",
    "services",
    "lyceum",
    "school",
    "church",
    "city",
    "street",
    "road",
    "airport",
    "station",
    "network",
    "federation",
    "league",
];

const PRONOUNS: &[&str] = &["he", "she"];

/// Finds the quotes of a story and aligns renderings across its documents.
pub(super) fn find(docs: &[&Doc], entities: &[Entity], id_prefix: &str) -> Vec<Quote> {
    let mut statements = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        let segments = doc_segments(doc, i, entities);
        statements.extend(group_statements(doc, segments));
    }
    let groups = align(&statements);
    let mut quotes: Vec<(usize, (usize, usize), Quote)> = groups
        .into_iter()
        .map(|members| build_quote(docs, &statements, &members))
        .collect();
    quotes.sort_by_key(|(n, first, _)| (std::cmp::Reverse(*n), *first));
    quotes
        .into_iter()
        .enumerate()
        .map(|(k, (_, _, mut q))| {
            q.id = format!("{id_prefix}-q{}", k + 1);
            q
        })
        .collect()
}

/// The attributions of one document, in text order (see [`super::attributions`]).
pub(super) fn in_document(doc: &Doc, entities: &[Entity]) -> Vec<super::Attribution> {
    doc_segments(doc, 0, entities)
        .into_iter()
        .map(|s| super::Attribution {
            content: s.words,
            verbatim: true,
            cue: s.cue,
            speaker: s.speaker.as_ref().map(|p| p.written),
            resolved: s.speaker.as_ref().map(|p| p.span),
            speaker_name: s.speaker.as_ref().map(|p| p.name.clone()),
            entity: s.speaker.and_then(|p| p.entity),
            continuation: s.continuation,
        })
        .collect()
}

/// Quoted passages of one document with their speakers.
fn doc_segments(doc: &Doc, index: usize, entities: &[Entity]) -> Vec<Segment> {
    let text = doc.text();
    let regions = quote_interiors(text);
    let mut out: Vec<Segment> = Vec::new();
    for (k, region) in regions.iter().enumerate() {
        let Some(words) = trim_words(text, *region) else {
            continue;
        };
        if !is_speech(text, words) {
            continue;
        }
        let prev_end = if k > 0 { regions[k - 1].end + 1 } else { 0 };
        let next_start = regions.get(k + 1).map_or(text.len(), |r| r.start);
        let found = attribution(doc, *region, prev_end, next_start, &regions);
        let speaker = found.and_then(|s| resolve_speaker(doc, s, entities, &regions));
        let continuation = found.is_none()
            && out
                .last()
                .is_some_and(|p| same_paragraph(text, p.words.end, words.start));
        let speaker = if continuation {
            out.last().and_then(|p| p.speaker.clone())
        } else {
            speaker
        };
        out.push(Segment {
            doc: index,
            words,
            speaker,
            cue: found.and_then(|f| f.cue),
            continuation,
        });
    }
    out
}

/// The quoted words without surrounding blanks and without a trailing comma, which belongs
/// to the attribution ("…,” he said").
fn trim_words(text: &str, region: Span) -> Option<Span> {
    let inner = region.slice(text);
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim().trim_end_matches([',', ';', ':']).trim_end();
    (!trimmed.is_empty())
        .then(|| Span::new(region.start + lead, region.start + lead + trimmed.len()))
}

/// Scare quotes ("kamikaze") and quoted titles ("Iran Drone Deal Aims for …") are not
/// speech: keep passages of three words or more that are not in title case.
fn is_speech(text: &str, words: Span) -> bool {
    use unicode_segmentation::UnicodeSegmentation;
    let ws: Vec<&str> = words.slice(text).unicode_words().collect();
    if ws.len() < 3 {
        return false;
    }
    let capitalised = ws
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let ends_sentence = words.slice(text).ends_with(['.', '?', '!']);
    capitalised * 10 < ws.len() * 7 || ends_sentence
}

fn same_paragraph(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b)
        .is_some_and(|between| !between.contains("\n\n"))
}

/// A speaker phrase found next to a quote, before pronoun and entity resolution.
#[derive(Clone, Copy, Debug)]
struct Found {
    span: Span,
    cue: Option<Span>,
}

/// Looks for the attribution after the quote ("…,” he said"), then before it
/// ("Bagheri said, “…”", "said that Iran is now able “to …”").
fn attribution(
    doc: &Doc,
    region: Span,
    prev_end: usize,
    next_start: usize,
    regions: &[Span],
) -> Option<Found> {
    let text = doc.text();
    let close = region.end + text[region.end..].chars().next().map_or(0, char::len_utf8);
    let sentence_end = doc
        .layer
        .sentence_at(region.end.saturating_sub(1))
        .map_or(text.len(), |i| doc.layer.sentences[i].end);
    let post_end = sentence_end
        .max(close)
        .min(next_start)
        .min(paragraph_end(text, close));
    if hands_over(text, region, close) {
        if let Some(found) = after_quote(text, close, post_end) {
            return Some(found);
        }
    }
    let sentence_start = doc
        .layer
        .sentence_at(region.start)
        .map_or(0, |i| doc.layer.sentences[i].start);
    let pre_start = sentence_start
        .max(prev_end)
        .max(paragraph_start(text, region.start));
    let open = prev_char_start(text, region.start);
    let _ = regions;
    before_quote(text, pre_start, open)
}

/// Whether the quote hands over to an attribution after it: the quoted words end with a
/// comma, question or exclamation mark ("…,” he said"), or a comma follows the mark.
fn hands_over(text: &str, region: Span, close: usize) -> bool {
    let inner_end = region.slice(text).trim_end().chars().next_back();
    let after = text.get(close..).and_then(|t| t.chars().next());
    matches!(inner_end, Some(',' | '?' | '!')) || after == Some(',')
}

fn paragraph_end(text: &str, from: usize) -> usize {
    text.get(from..)
        .and_then(|t| t.find("\n\n"))
        .map_or(text.len(), |i| from + i)
}

fn paragraph_start(text: &str, pos: usize) -> usize {
    text.get(..pos)
        .and_then(|t| t.rfind("\n\n"))
        .map_or(0, |i| i + 2)
}

fn prev_char_start(text: &str, pos: usize) -> usize {
    text.get(..pos)
        .and_then(|t| t.char_indices().next_back())
        .map_or(pos, |(i, _)| i)
}

/// "…,” he said." / "…,” said Dr. Mirela Oskan, who …" / "…,” the group’s spokesman,
/// Soren Dalvi, said".
fn after_quote(text: &str, from: usize, to: usize) -> Option<Found> {
    let post = text.get(from..to.max(from))?;
    let lead = post.len() - post.trim_start_matches([',', ' ', '\u{a0}']).len();
    let rest = &post[lead..];
    let base = from + lead;
    let m = verb_re().find(rest)?;
    if m.start() == 0 {
        // Verb first: the speaker follows ("said Ivo Strand, who …").
        let after = &rest[m.end()..];
        let skip = after.len() - after.trim_start().len();
        let np = leading_name(after.trim_start())?;
        let s = base + m.end() + skip;
        return Some(Found {
            span: Span::new(s, s + np),
            cue: Some(Span::new(base + m.start(), base + m.end())),
        });
    }
    let subject = &rest[..m.start()];
    if subject.split_whitespace().count() > 12
        || subject.contains(['.', '!', '?']) && !has_only_abbrev_dots(subject)
    {
        return None;
    }
    subject_of(text, base, base + m.start()).map(|f| Found {
        cue: Some(Span::new(base + m.start(), base + m.end())),
        ..f
    })
}

fn has_only_abbrev_dots(s: &str) -> bool {
    s.split_whitespace()
        .filter(|w| w.ends_with('.'))
        .all(|w| TITLES.contains(&fold(w.trim_end_matches('.')).as_str()))
}

/// "Bagheri said, “…" / "the minister said the government was "determined …"".
fn before_quote(text: &str, from: usize, to: usize) -> Option<Found> {
    let pre = text.get(from..to.max(from))?;
    let verbs: Vec<regex::Match> = verb_re()
        .find_iter(pre)
        .filter(|m| !pre[..m.start()].ends_with('-'))
        .collect();
    let mut chosen = *verbs.last()?;
    if PARTICIPLES.contains(&chosen.as_str()) {
        if let Some(cited) = verbs.iter().rev().find(|m| m.as_str() == "cited") {
            let after = &pre[cited.end()..];
            let skip = after.len() - after.trim_start().len();
            let np = leading_name(after.trim_start())?;
            let s = from + cited.end() + skip;
            return Some(Found {
                span: Span::new(s, s + np),
                cue: Some(Span::new(from + cited.start(), from + cited.end())),
            });
        }
        if let Some(finite) = verbs
            .iter()
            .rev()
            .find(|m| !PARTICIPLES.contains(&m.as_str()) && m.as_str() != "cited")
        {
            chosen = *finite;
        }
    }
    subject_of(text, from, from + chosen.start()).map(|f| Found {
        cue: Some(Span::new(from + chosen.start(), from + chosen.end())),
        ..f
    })
}

/// Length of the capitalised name at the start of `s` ("Dr. Mirela Oskan, who" → 16), or of
/// a short descriptive phrase up to the first comma ("the minister's spokesman").
fn leading_name(s: &str) -> Option<usize> {
    let mut end = 0;
    for (off, w) in word_offsets(s) {
        if is_capitalised(w) {
            end = off + w.trim_end_matches([',', '.']).len();
            if w.ends_with(',') {
                break;
            }
            if w.ends_with('.') && !TITLES.contains(&fold(w.trim_end_matches('.')).as_str()) {
                break;
            }
        } else {
            break;
        }
    }
    if end > 0 {
        return Some(end);
    }
    let phrase = s.split([',', '.']).next()?.trim_end();
    let words = phrase.split_whitespace().count();
    (words > 0 && words <= 6 && starts_with_determiner(phrase)).then_some(phrase.len())
}

fn word_offsets(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn starts_with_determiner(s: &str) -> bool {
    let first = s.split_whitespace().next().map(fold).unwrap_or_default();
    matches!(
        first.as_str(),
        "the" | "a" | "an" | "its" | "his" | "her" | "their"
    )
}

/// The speaker in the text before a speech verb: the head of the last clause, skipping
/// appositions ("Havel Tursin, a 58-year-old beekeeper,"), relative clauses (", who …,"),
/// ages (", 44,") and parentheses ("(no relation to the minister)").
fn subject_of(text: &str, from: usize, to: usize) -> Option<Found> {
    let raw = text.get(from..to)?;
    let trimmed = strip_tail(raw);
    let segments = comma_segments(trimmed);
    let last = segments.len().checked_sub(1)?;
    for (k, &(s, e)) in segments.iter().enumerate().rev() {
        let seg = &trimmed[s..e];
        let head = seg.split_whitespace().next().map(fold).unwrap_or_default();
        let relative = matches!(head.as_str(), "who" | "whose" | "where" | "when");
        let after_bare_name = k > 0 && {
            let (ps, pe) = segments[k - 1];
            trailing_name(&trimmed[ps..pe]).is_some_and(|(a, _)| a == 0)
        };
        let apposition = k == last
            && k > 0
            && ((matches!(head.as_str(), "a" | "an") && after_bare_name)
                || head.starts_with(|c: char| c.is_ascii_digit()));
        if head == "which" && seg.split_whitespace().count() == 1 && k > 0 {
            // ", which said …": the antecedent ends the clause before.
            let (ps, pe) = segments[k - 1];
            return trailing_name(&trimmed[ps..pe]).map(|(a, b)| Found {
                span: Span::new(from + ps + a, from + ps + b),
                cue: None,
            });
        }
        if relative || apposition {
            continue;
        }
        return noun_phrase(seg).map(|(a, b)| Found {
            span: Span::new(from + s + a, from + s + b),
            cue: None,
        });
    }
    None
}

/// Removes a trailing comma and parenthesis from the text before a verb.
fn strip_tail(s: &str) -> &str {
    let mut t = s.trim_end().trim_end_matches(',').trim_end();
    if t.ends_with(')') {
        if let Some(open) = t.rfind('(') {
            t = t[..open].trim_end().trim_end_matches(',').trim_end();
        }
    }
    t
}

/// Byte ranges of the comma-separated parts of `s`, blanks trimmed.
fn comma_segments(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ','))) {
        if c == ',' {
            let part = &s[start..i];
            let lead = part.len() - part.trim_start().len();
            let t = part.trim();
            if !t.is_empty() {
                out.push((start + lead, start + lead + t.len()));
            }
            start = i + 1;
        }
    }
    out
}

/// The speaker inside one clause: a pronoun at its end, a capitalised name at its end, or
/// a short descriptive phrase ("a ministry spokesperson", "the minister").
fn noun_phrase(seg: &str) -> Option<(usize, usize)> {
    let words: Vec<(usize, &str)> = word_offsets(seg).collect();
    let &(last_off, last) = words.last()?;
    if PRONOUNS.contains(&fold(last).as_str()) {
        return Some((last_off, last_off + last.len()));
    }
    if let Some(found) = trailing_name(seg) {
        return Some(found);
    }
    if words.len() <= 7 {
        let from = words
            .iter()
            .position(|(_, w)| starts_with_determiner(w))
            .filter(|_| words.len() > 4)
            .unwrap_or(0);
        if words.len() - from <= 6 {
            let s = words[from].0;
            return Some((s, seg.len()));
        }
    }
    None
}

/// The capitalised run at the end of a clause ("… Tajik President Emomali Rahmon"),
/// allowing "and"/"of" inside names and a parenthesised acronym after them.
fn trailing_name(seg: &str) -> Option<(usize, usize)> {
    let words: Vec<(usize, &str)> = word_offsets(seg).collect();
    let mut end_word = words.len();
    if words
        .last()
        .is_some_and(|(_, w)| w.starts_with('(') && w.ends_with(')'))
    {
        end_word -= 1;
    }
    let mut start_word = end_word;
    while start_word > 0 {
        let w = words[start_word - 1].1;
        let connector = matches!(w, "and" | "of")
            && start_word < end_word
            && start_word >= 2
            && is_capitalised(words[start_word - 2].1);
        if is_capitalised(w) || connector {
            start_word -= 1;
        } else {
            break;
        }
    }
    // Drop leading sentence words ("The", "In", "According") from the run.
    while start_word < end_word && crate::text::is_stopword(&fold(words[start_word].1)) {
        start_word += 1;
    }
    if start_word >= end_word {
        return None;
    }
    let (s, _) = words[start_word];
    let (e_off, e_w) = words[words.len() - 1];
    let end = e_off + e_w.len();
    Some((s, end.min(seg.len())))
}

/// Resolves pronouns to the nearest person named before and names to entities; `written`
/// keeps the words next to the quote. A pronoun without antecedent stays as written.
fn resolve_speaker(
    doc: &Doc,
    found: Found,
    entities: &[Entity],
    quotes: &[Span],
) -> Option<Speaker> {
    let text = doc.text();
    let written = found.span.slice(text).trim_end_matches([',', '.']);
    let resolved = if PRONOUNS.contains(&fold(written).as_str()) {
        antecedent(doc, found.span.start, entities, quotes).or_else(|| {
            Some(Speaker {
                name: written.to_string(),
                span: found.span,
                entity: None,
                written: found.span,
            })
        })
    } else if let Some(named) = role_antecedent(doc, found.span, written, quotes) {
        let entity = entity_for(doc, named.span, &named.name, entities);
        Some(Speaker { entity, ..named })
    } else {
        let name = strip_titles(written);
        let entity = entity_for(doc, found.span, &name, entities);
        (!name.is_empty()).then(|| Speaker {
            name,
            span: found.span,
            entity,
            written: found.span,
        })
    };
    resolved.map(|s| Speaker {
        written: found.span,
        ..s
    })
}

/// "the minister", "the president": the nearest name before it carrying that title
/// ("Interior Minister Ilyas Kharazov"), within a few sentences.
fn role_antecedent(doc: &Doc, span: Span, written: &str, quotes: &[Span]) -> Option<Speaker> {
    let words: Vec<String> = written.split_whitespace().map(fold).collect();
    let [det, .., role] = words.as_slice() else {
        return None;
    };
    if det != "the" || words.len() > 3 || !TITLES.contains(&role.as_str()) {
        return None;
    }
    let text = doc.text();
    let here = doc.layer.sentence_at(span.start).unwrap_or(0);
    person_names(doc, quotes)
        .into_iter()
        .rev()
        .filter(|s| s.end <= span.start)
        .filter(|s| {
            doc.layer
                .sentence_at(s.start)
                .is_some_and(|i| i + 4 >= here)
        })
        .find(|s| s.slice(text).split_whitespace().any(|w| fold(w) == *role))
        .map(|s| Speaker {
            name: strip_titles(s.slice(text)),
            span: s,
            entity: None,
            written: s,
        })
}

/// Removes everything up to the last title word ("Maj. Gen. Mohammad Bagheri" → "Mohammad
/// Bagheri"), unless nothing would remain; a parenthesised acronym is kept.
pub(super) fn strip_titles(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let cut = words
        .iter()
        .rposition(|w| TITLES.contains(&fold(w.trim_end_matches([',', '.'])).as_str()))
        .map_or(0, |i| i + 1);
    let kept = if cut < words.len() {
        &words[cut..]
    } else {
        &words[..]
    };
    kept.join(" ")
}

/// The entity whose mention overlaps the speaker's words from their start, or whose alias
/// is the speaker's name.
fn entity_for(doc: &Doc, span: Span, name: &str, entities: &[Entity]) -> Option<String> {
    let head_end = span
        .slice(doc.text())
        .find(' ')
        .map_or(span.end, |i| span.start + i);
    let by_span = entities.iter().find(|e| {
        e.mentions
            .iter()
            .any(|m| m.document == doc.id() && m.span().overlaps(span) && m.start <= head_end)
    });
    let folded = fold(name);
    by_span
        .or_else(|| {
            entities
                .iter()
                .find(|e| e.aliases.iter().any(|a| fold(a) == folded) || fold(&e.name) == folded)
        })
        .map(|e| e.id.clone())
}

/// The person a "he"/"she" at `pos` refers to: with entities, the nearest person mention
/// before it outside quotes; without, the first person-like name of the nearest of the
/// preceding sentences that has one.
fn antecedent(doc: &Doc, pos: usize, entities: &[Entity], quotes: &[Span]) -> Option<Speaker> {
    let text = doc.text();
    let outside = |s: Span| !quotes.iter().any(|q| q.overlaps(s));
    let best = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .flat_map(|e| e.mentions.iter().map(move |m| (e, m)))
        .filter(|(_, m)| m.document == doc.id() && m.end <= pos && outside(m.span()))
        .max_by_key(|(_, m)| m.end);
    if let Some((e, m)) = best {
        return Some(Speaker {
            name: strip_titles(m.span().slice(text)),
            span: m.span(),
            entity: Some(e.id.clone()),
            written: m.span(),
        });
    }
    let people = person_names(doc, quotes);
    let here = doc.layer.sentence_at(pos).unwrap_or(0);
    for sentence in (here.saturating_sub(4)..=here).rev() {
        if let Some(span) = people
            .iter()
            .find(|s| doc.layer.sentence_at(s.start) == Some(sentence) && s.end <= pos)
        {
            return Some(Speaker {
                name: strip_titles(span.slice(text)),
                span: *span,
                entity: None,
                written: *span,
            });
        }
    }
    None
}

/// Person-like names of a document, outside quotes: capitalised runs with a title
/// ("President Rahmon"), runs of two to four words without organisation or place words
/// ("Soren Dalvi"), and single surnames of such names seen earlier ("Harazov").
fn person_names(doc: &Doc, quotes: &[Span]) -> Vec<Span> {
    let text = doc.text();
    let mut out = Vec::new();
    let mut surnames: BTreeSet<String> = BTreeSet::new();
    for run in capital_runs(doc) {
        if quotes.iter().any(|q| q.overlaps(run)) {
            continue;
        }
        let words: Vec<String> = run
            .slice(text)
            .split_whitespace()
            .map(|w| fold(w.trim_end_matches('.')))
            .collect();
        let titled = words.len() >= 2
            && words[..words.len() - 1]
                .iter()
                .any(|w| TITLES.contains(&w.as_str()));
        let org = words.iter().any(|w| NON_PERSON.contains(&w.as_str()));
        let Some(last) = words.last() else { continue };
        let plain_name = (2..=4).contains(&words.len()) && !org;
        let known_surname = words.len() == 1 && surnames.contains(last);
        if (titled && !org) || plain_name || known_surname {
            if words.len() >= 2 {
                surnames.insert(last.clone());
            }
            out.push(run);
        }
    }
    out
}

/// Runs of capitalised words (with "Dr."-style abbreviations), leading stopwords dropped
/// ("The", "In", "According").
fn capital_runs(doc: &Doc) -> Vec<Span> {
    let text = doc.text();
    let mut runs = Vec::new();
    let mut current: Option<Span> = None;
    let mut last_sentence = usize::MAX;
    for t in &doc.layer.tokens {
        let gap = current
            .map(|c| text.get(c.end..t.span.start).unwrap_or("x"))
            .unwrap_or("");
        let joins = current.is_some() && t.sentence == last_sentence && (gap == " " || gap == ". ");
        let starts = t.capitalized && !(current.is_none() && crate::text::is_stopword(&t.folded));
        match (current, t.capitalized && joins) {
            (Some(c), true) => current = Some(Span::new(c.start, t.span.end)),
            (Some(c), false) => {
                runs.push(c);
                current = starts.then_some(t.span);
            }
            (None, _) => current = starts.then_some(t.span),
        }
        last_sentence = t.sentence;
    }
    runs.extend(current);
    runs
}

/// Merges consecutive segments without their own attribution into the statement before.
fn group_statements(doc: &Doc, segments: Vec<Segment>) -> Vec<Statement> {
    let mut out: Vec<Statement> = Vec::new();
    for seg in segments {
        match out.last_mut() {
            Some(st) if seg.continuation => st.segments.push(seg),
            _ => out.push(Statement {
                doc: seg.doc,
                segments: vec![seg],
                stems: BTreeSet::new(),
            }),
        }
    }
    for st in &mut out {
        st.stems = st
            .segments
            .iter()
            .flat_map(|s| content_stems(doc, s.words))
            .collect();
    }
    out
}

/// Groups statements of different documents that render one utterance: enough shared
/// content stems, with a lower bar when the speakers match and a higher one when they
/// differ.
fn align(statements: &[Statement]) -> Vec<Vec<usize>> {
    let mut uf = UnionFind::new(statements.len());
    for i in 0..statements.len() {
        for j in i + 1..statements.len() {
            let (a, b) = (&statements[i], &statements[j]);
            if a.doc == b.doc {
                continue;
            }
            let (sim, shared) = cosine(&a.stems, &b.stems);
            let needed = match same_speaker(a, b) {
                Some(true) => 0.3,
                Some(false) => 0.7,
                None => 0.5,
            };
            let identical = same_words(a, b);
            if identical || (shared >= 3 && sim >= needed) {
                uf.union(i, j);
            }
        }
    }
    uf.groups()
}

/// Same stems in the same order of appearance: a copied quote, however short.
fn same_words(a: &Statement, b: &Statement) -> bool {
    !a.stems.is_empty() && a.stems == b.stems && a.segments.len() == b.segments.len()
}

fn speaker_of(st: &Statement) -> Option<&Speaker> {
    st.segments.iter().find_map(|s| s.speaker.as_ref())
}

/// Whether two statements have the same speaker: by entity when both have one, else by
/// the skeleton of the last word of the name (Baqeri = Bagheri, Kharazov = Harazov).
fn same_speaker(a: &Statement, b: &Statement) -> Option<bool> {
    let (sa, sb) = (speaker_of(a)?, speaker_of(b)?);
    if let (Some(ea), Some(eb)) = (&sa.entity, &sb.entity) {
        return Some(ea == eb);
    }
    let (ka, kb) = (surname_key(&sa.name), surname_key(&sb.name));
    if ka.is_empty() || kb.is_empty() {
        return None;
    }
    Some(edit_distance(&ka, &kb) <= 1)
}

/// A transliteration-tolerant key of a name's last word.
fn surname_key(name: &str) -> String {
    let last = name.split_whitespace().last().map(fold).unwrap_or_default();
    let letters: String = last.chars().filter(|c| c.is_alphabetic()).collect();
    let s = letters
        .replace("kh", "h")
        .replace("gh", "g")
        .replace('q', "g")
        .replace("ph", "f")
        .replace('y', "i")
        .replace("ou", "u")
        .replace('w', "v");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Levenshtein distance over chars.
pub(super) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Builds one quote from aligned statements; returns its variant count and first position
/// for ordering.
fn build_quote(
    docs: &[&Doc],
    statements: &[Statement],
    members: &[usize],
) -> (usize, (usize, usize), Quote) {
    let mut segments: Vec<&Segment> = members
        .iter()
        .flat_map(|&m| statements[m].segments.iter())
        .collect();
    segments.sort_by_key(|s| (s.doc, s.words.start));
    let variants: Vec<QuoteVariant> = segments
        .iter()
        .map(|s| {
            let doc = docs[s.doc];
            QuoteVariant {
                document: doc.id().to_string(),
                text: s.words.slice(doc.text()).to_string(),
                start: s.words.start,
                end: s.words.end,
                verbatim: true,
            }
        })
        .collect();
    let speakers: Vec<&Speaker> = segments.iter().filter_map(|s| s.speaker.as_ref()).collect();
    let first = segments.first().map_or((0, 0), |s| (s.doc, s.words.start));
    let quote = Quote {
        id: String::new(),
        speaker: majority(speakers.iter().filter_map(|s| s.entity.clone())),
        speaker_name: preferred_name(&speakers),
        variants,
    };
    (quote.variants.len(), first, quote)
}

/// The most frequent value; ties go to the first seen.
fn majority(values: impl Iterator<Item = String>) -> Option<String> {
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (i, v) in values.enumerate() {
        let e = counts.entry(v).or_insert((0, i));
        e.0 += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(_, (n, first))| (*n, std::cmp::Reverse(*first)))
        .map(|(v, _)| v)
}

/// The speaker name to show: a proper name over a description ("the minister"), the
/// most frequent, then the fullest.
fn preferred_name(speakers: &[&Speaker]) -> Option<String> {
    let proper: Vec<&&Speaker> = speakers
        .iter()
        .filter(|s| is_capitalised(&s.name))
        .collect();
    let pool: Vec<String> = if proper.is_empty() {
        speakers.iter().map(|s| s.name.clone()).collect()
    } else {
        proper.iter().map(|s| s.name.clone()).collect()
    };
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for n in &pool {
        *counts.entry(n.as_str()).or_default() += 1;
    }
    let score = |n: &String| {
        (
            counts.get(n.as_str()).copied().unwrap_or(0),
            n.split_whitespace().count(),
        )
    };
    let mut best: Option<&String> = None;
    for n in &pool {
        if best.is_none_or(|b| score(n) > score(b)) {
            best = Some(n);
        }
    }
    best.cloned()
}
