//! Framing, first step: how outlets name the same referent ("terror proxies" / "allied and
//! friendly countries"; "takfiri terrorists" / "IS-K militants"), and which of the story's
//! claims each outlet adds or leaves out.
//!
//! Terms are noun phrases whose head is an actor label from a general lexicon (militants,
//! rebels, proxies, allies, regime, …) or whose modifiers evaluate ("terrorist groups",
//! "friendly countries"), plus whatever fills the recipient slot of a transfer ("export
//! military equipment to …"). Terms co-refer when they are attached to the same entity
//! ("insurgents of the Durnak Liberation Front", "IS-K militants"), share a family and a
//! location ("… in Afghanistan"), fill the same slot (recipients of a transfer), or, in a
//! document naming an entity whose terms share their family, stand after it.

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::frames;
use super::{quote_interiors, Claim};
use crate::entities::Entity;
use crate::model::{DocId, EntityKind, Span, UnionFind};
use crate::text::{Doc, Token};

/// One way an outlet names a referent, with every place it does.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct FramingTerm {
    /// The term, lower-cased, determiners and a leading possessor dropped ("terror proxies").
    pub term: String,
    /// Documents using it, sorted.
    pub documents: Vec<DocId>,
    /// Each use: the words as written are the text at the span.
    pub mentions: Vec<TermMention>,
}

/// One use of a term.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct TermMention {
    /// Document id.
    pub document: DocId,
    /// Start of the words in the document's text.
    pub start: usize,
    /// End of the words.
    pub end: usize,
    /// True when the words stand inside quotation marks: a speaker's term, relayed.
    pub quoted: bool,
}

/// A referent that outlets name differently.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct Referent {
    /// Id, unique in the analysis (`<story>-r<n>`).
    pub id: String,
    /// What it is: the entity's name, or how its terms were grouped ("recipients of a
    /// transfer", "armed actors in Afghanistan").
    pub label: String,
    /// Entity id, when the terms are attached to one of the story's entities.
    pub entity: Option<String>,
    /// Why the terms are taken to co-refer: `entity` (attached to it), `location` (same
    /// kind of label in the same place), `slot` (recipients of a transfer) or `context` (a
    /// label in a document naming the entity, or in a sentence stating the same claim as
    /// one that does), joined with `+` when several hold.
    pub basis: String,
    /// The terms, most used first.
    pub terms: Vec<FramingTerm>,
}

/// What one outlet adds to or leaves out of the story's claims.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct OutletCoverage {
    /// Document id.
    pub document: DocId,
    /// Outlet name, when stated.
    pub outlet: Option<String>,
    /// Claims (ids) only this document and its copies state.
    pub adds: Vec<String>,
    /// Claims (ids) that at least two independent sources state and this document does not.
    pub omits: Vec<String>,
}

/// The framing section of a story.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq, Default)]
pub struct Framing {
    /// Referents named with at least two different terms.
    pub referents: Vec<Referent>,
    /// Per member document, claims added and omitted.
    pub coverage: Vec<OutletCoverage>,
}

/// Label families: terms in one family can name one referent.
const FAMILIES: &[(&str, &[&str])] = &[
    (
        "armed",
        &[
            "terrorist",
            "takfiri",
            "milit",
            "militia",
            "rebel",
            "insurg",
            "fighter",
            "saboteur",
            "separatist",
            "extremist",
            "jihadist",
            "islamist",
            "gunmen",
            "gunman",
            "bandit",
            "mercenari",
            "guerrilla",
            "insurrectionist",
            "radic",
        ],
    ),
    (
        "partner",
        &["proxi", "alli", "partner", "friend", "client", "satellit"],
    ),
    (
        "power",
        &["regim", "junta", "occupi", "invad", "dictatorship"],
    ),
];

/// Heads that are labels in themselves.
const ACTOR_HEADS: &[&str] = &[
    "terrorist",
    "milit",
    "militia",
    "rebel",
    "insurg",
    "fighter",
    "saboteur",
    "separatist",
    "extremist",
    "jihadist",
    "islamist",
    "gunmen",
    "gunman",
    "bandit",
    "mercenari",
    "guerrilla",
    "insurrectionist",
    "radic",
    "proxi",
    "alli",
    "partner",
    "regim",
    "junta",
    "occupi",
    "invad",
];

/// Heads that are labels only with an evaluative modifier ("terrorist groups", "friendly
/// countries").
const GROUP_HEADS: &[&str] = &[
    "group", "organ", "organis", "organiz", "movement", "countri", "nation", "state", "network",
    "cell", "faction", "outfit", "militia",
];

/// Modifiers that evaluate.
const EVALUATIVE: &[&str] = &[
    "terrorist",
    "terror",
    "takfiri",
    "extremist",
    "radic",
    "arm",
    "separatist",
    "rebel",
    "insurg",
    "jihadist",
    "islamist",
    "alli",
    "friend",
    "hostil",
    "rogu",
    "enemi",
    "opposit",
    "milit",
    "crimin",
    "brother",
    "puppet",
];

/// Words before a head that are part of its phrase (not evaluative by themselves).
const MAX_MODIFIERS: usize = 3;

/// One term occurrence before grouping.
struct Occurrence {
    doc: usize,
    /// The words of the term.
    span: Span,
    key: String,
    family: Option<&'static str>,
    /// Entity it is attached to ("of the DLF", "IS-K militants", apposition).
    entity: Option<usize>,
    /// Place entity it is located in.
    location: Option<usize>,
    /// Fills the recipient slot of a transfer.
    recipient: bool,
    /// Carries a name of its own ("Huthi rebels"): not an anaphor for another name.
    named: bool,
    /// Entities named in its sentence.
    context: BTreeSet<usize>,
    quoted: bool,
}

/// Finds the framing of a story.
pub(super) fn find(
    docs: &[&Doc],
    entities: &[Entity],
    claims: &[Claim],
    families: &[Vec<DocId>],
    id_prefix: &str,
) -> Framing {
    let mut occurrences = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        occurrences.extend(doc_terms(doc, d, entities));
    }
    let groups = group(&occurrences, docs, entities, claims);
    let mut referents: Vec<Referent> = groups
        .iter()
        .filter_map(|g| referent(docs, entities, &occurrences, g))
        .collect();
    referents.sort_by(|a, b| {
        let uses = |r: &Referent| r.terms.iter().map(|t| t.mentions.len()).sum::<usize>();
        (std::cmp::Reverse(uses(a)), &a.label).cmp(&(std::cmp::Reverse(uses(b)), &b.label))
    });
    for (k, r) in referents.iter_mut().enumerate() {
        r.id = format!("{id_prefix}-r{}", k + 1);
    }
    Framing {
        referents,
        coverage: coverage(docs, claims, families),
    }
}

/// The family of a stem, if it is a label.
fn family_of(stem: &str) -> Option<&'static str> {
    FAMILIES
        .iter()
        .find(|(_, stems)| stems.contains(&stem))
        .map(|(f, _)| *f)
}

/// Terms of one document.
fn doc_terms(doc: &Doc, d: usize, entities: &[Entity]) -> Vec<Occurrence> {
    let text = doc.text();
    let quotes = quote_interiors(text);
    let mentions = frames::doc_mentions(doc, entities);
    let mut out: Vec<Occurrence> = Vec::new();
    for (si, &sentence) in doc.layer.sentences.iter().enumerate() {
        let tokens = doc.layer.sentence_tokens(si);
        let here: Vec<(Span, usize)> = mentions
            .iter()
            .filter(|(s, _)| sentence.contains(*s))
            .copied()
            .collect();
        let context: BTreeSet<usize> = here.iter().map(|(_, i)| *i).collect();
        let mut found: Vec<(Span, usize, bool)> = Vec::new();
        for (h, t) in tokens.iter().enumerate() {
            if here.iter().any(|(s, _)| s.contains(t.span)) {
                continue;
            }
            if let Some(term) = labelled_phrase(text, tokens, h, &here) {
                found.push((term, h, false));
            }
        }
        for (span, h) in recipients(text, tokens) {
            found.push((span, h, true));
        }
        // Longer phrases first; a term inside one already taken is the same use.
        found.sort_by_key(|(s, _, r)| (std::cmp::Reverse(s.len()), s.start, !*r));
        let first_new = out.len();
        for (span, h, recipient) in found {
            if let Some(prev) = out[first_new..].iter_mut().find(|o| o.span.contains(span)) {
                prev.recipient |= recipient;
                continue;
            }
            let attached = attached_entity(text, span, &here, tokens, h);
            let key = term_key(text, span, &here);
            if key.is_empty() {
                continue;
            }
            let family = tokens
                .iter()
                .filter(|t| span.contains(t.span))
                .find_map(|t| family_of(&t.stem));
            let location = location_after(tokens, h, &here, entities);
            out.push(Occurrence {
                doc: d,
                span,
                key,
                family,
                entity: attached,
                location,
                recipient,
                named: tokens.iter().enumerate().any(|(k, t)| {
                    span.contains(t.span) && t.capitalized && !sentence_initial(text, tokens, k)
                }),
                context: context.clone(),
                quoted: quotes.iter().any(|q| q.contains(span)),
            });
        }
    }
    out
}

/// The labelled noun phrase headed by token `h`, if it is one: an actor label ("rebels"),
/// or a group word with an evaluative modifier ("armed terrorist groups").
fn labelled_phrase(text: &str, tokens: &[Token], h: usize, here: &[(Span, usize)]) -> Option<Span> {
    let head = &tokens[h];
    if head.capitalized && h > 0 && !sentence_initial(text, tokens, h) {
        return None;
    }
    // A label in the singular before a noun or a name modifies it ("terrorist camps",
    // "the extremist Taliban government"); a plural ("terrorists spread across …") is a head.
    if !head.folded.ends_with('s') {
        if let Some(next) = tokens.get(h + 1) {
            let joined = text
                .get(head.span.end..next.span.start)
                .is_some_and(|g| g.chars().all(|c| c == ' ' || c == '-'));
            if joined && (next.capitalized || is_plain_noun(next)) {
                return None;
            }
        }
    }
    // Participles are not heads ("allied").
    if head.folded.ends_with("ed") {
        return None;
    }
    let actor = ACTOR_HEADS.contains(&head.stem.as_str());
    let group = GROUP_HEADS.contains(&head.stem.as_str());
    if !actor && !group {
        return None;
    }
    let start = modifiers_start(text, tokens, h, here);
    let evaluative = tokens[start..h]
        .iter()
        .any(|t| EVALUATIVE.contains(&t.stem.as_str()) || t.folded == "so-called");
    if !actor && !evaluative {
        return None;
    }
    let mut from = tokens[start].span.start;
    // "Islamic State-Khorasan (IS-K) militants": take in the expansion before an acronym.
    if let Some((s, _)) = here.iter().find(|(s, _)| s.start == from) {
        let before = text.get(..s.start).unwrap_or("");
        if before.ends_with('(') {
            if let Some((full, _)) = here
                .iter()
                .find(|(f, _)| f.end + 2 == s.start && text.get(f.end..s.start) == Some(" ("))
            {
                from = full.start;
            }
        }
    }
    // "the regime's": the possessive ending is not part of the label.
    let written = text.get(head.span.start..head.span.end).unwrap_or("");
    let end = ["'s", "’s"]
        .iter()
        .find(|p| written.ends_with(**p))
        .map_or(head.span.end, |p| head.span.end - p.len());
    Some(Span::new(from, end))
}

/// A possessor ("Iran's", "its"): what follows belongs to it, it is not a modifier.
fn is_possessive(text: &str, t: &Token) -> bool {
    t.folded.ends_with("'s")
        || text
            .get(t.span.end..)
            .is_some_and(|r| r.starts_with("’s") || r.starts_with("'s"))
}

/// True for a token that the sentence starts with.
fn sentence_initial(text: &str, tokens: &[Token], h: usize) -> bool {
    h == 0
        || text
            .get(tokens[h - 1].span.end..tokens[h].span.start)
            .is_some_and(|g| g.contains(['.', '“', '"']))
}

/// A lower-case word that is likely a noun a label could modify (not a verb or adverb).
fn is_plain_noun(t: &Token) -> bool {
    !t.folded.ends_with("ed")
        && !t.folded.ends_with("ly")
        && !crate::text::is_stopword(&t.folded)
        && t.folded.chars().all(|c| c.is_alphabetic())
        && frames::predicate_class(&t.stem).is_none()
        && !matches!(
            t.folded.as_str(),
            "said" | "says" | "say" | "are" | "were" | "was" | "is" | "have" | "has" | "had"
        )
        && t.folded.len() > 2
}

/// Where the modifiers before head `h` start: up to [`MAX_MODIFIERS`] words joined by
/// spaces or hyphens ("and" between adjectives kept), no determiners, numbers or
/// possessors; an entity name before the head is taken in whole ("Daesh militants").
fn modifiers_start(text: &str, tokens: &[Token], h: usize, here: &[(Span, usize)]) -> usize {
    let mut start = h;
    let mut taken = 0;
    while start > 0 && taken < MAX_MODIFIERS {
        let prev = &tokens[start - 1];
        let gap = text
            .get(prev.span.end..tokens[start].span.start)
            .unwrap_or(",");
        let gap_ok = gap.chars().all(|c| c == ' ' || c == '-') || gap == ") ";
        if !gap_ok || is_possessive(text, prev) {
            break;
        }
        if let Some((s, _)) = here.iter().find(|(s, _)| s.contains(prev.span)) {
            let k = tokens
                .iter()
                .position(|t| t.span.start >= s.start)
                .unwrap_or(start - 1);
            start = k.min(start - 1);
            break;
        }
        let word = prev.folded.as_str();
        // An undetected name right before the head is part of the term ("Huthi rebels").
        if prev.capitalized && taken == 0 && !sentence_initial(text, tokens, start - 1) {
            start -= 1;
            break;
        }
        let verb_form = (word.ends_with("ed") || word.ends_with("ing"))
            && !EVALUATIVE.contains(&prev.stem.as_str());
        let modifier = word == "and" && taken > 0
            || (!crate::text::is_stopword(word)
                && word.chars().all(|c| c.is_alphabetic() || c == '-')
                && !prev.capitalized
                && !verb_form
                && frames::predicate_class(&prev.stem).is_none());
        if !modifier {
            break;
        }
        start -= 1;
        taken += 1;
    }
    // Never start on "and".
    while start < h && tokens[start].folded == "and" {
        start += 1;
    }
    start
}

/// Recipients of a transfer: the phrase after "to" following a transfer verb ("export
/// military equipment to allied and friendly countries", "sent to Iran's terror proxies"),
/// or the object of "provided … with". Returns (span, head token index).
fn recipients(text: &str, tokens: &[Token]) -> Vec<(Span, usize)> {
    let mut out = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        if frames::predicate_class(&t.stem) != Some("transfer") {
            continue;
        }
        let with_object = tokens[k + 1..]
            .iter()
            .take(10)
            .position(|x| x.folded == "with")
            .map(|w| k + 1 + w);
        let to = tokens[k + 1..]
            .iter()
            .take(5)
            .position(|x| x.folded == "to")
            .map(|w| k + 1 + w);
        let (from, limit) = match (to, with_object) {
            (Some(to), _) => (to + 1, tokens.len()),
            (None, Some(w)) if t.stem == "provid" => (k + 1, w),
            _ => continue,
        };
        // Only a label or a group word names a recipient worth comparing ("terror
        // proxies", "friendly countries"), not "much of the province".
        if let Some((span, head)) = phrase_from(text, tokens, from, limit) {
            let stem = tokens[head].stem.as_str();
            if ACTOR_HEADS.contains(&stem) || GROUP_HEADS.contains(&stem) {
                out.push((span, head));
            }
        }
    }
    out
}

/// A noun phrase from token `from`: words joined by spaces (and "and"), up to a
/// preposition, a verb-like word, punctuation or `limit`; determiners and a possessor
/// dropped in front. Returns (span, last token index).
fn phrase_from(text: &str, tokens: &[Token], from: usize, limit: usize) -> Option<(Span, usize)> {
    let mut words: Vec<usize> = Vec::new();
    for k in from..limit.min(tokens.len()).min(from + 6) {
        let t = &tokens[k];
        if let Some(&last) = words.last() {
            let gap = text.get(tokens[last].span.end..t.span.start).unwrap_or(",");
            if !gap.chars().all(|c| c == ' ' || c == '-') {
                break;
            }
        }
        let stop = matches!(
            t.folded.as_str(),
            "in" | "to"
                | "for"
                | "with"
                | "by"
                | "from"
                | "on"
                | "at"
                | "that"
                | "which"
                | "who"
                | "as"
                | "help"
                | "order"
                | "over"
                | "across"
        );
        let loose_and = t.folded == "and"
            && tokens.get(k + 1).is_none_or(|n| {
                crate::text::is_stopword(&n.folded)
                    || n.folded.ends_with("ly")
                    || n.folded == "also"
            });
        if stop || loose_and || (t.folded.ends_with("ing") && !words.is_empty()) {
            break;
        }
        words.push(k);
    }
    let skip = words
        .iter()
        .take_while(|&&k| {
            let t = &tokens[k];
            matches!(
                t.folded.as_str(),
                "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our"
            ) || is_possessive(text, t)
        })
        .count();
    let words = &words[skip..];
    if words.last().is_some_and(|&k| tokens[k].folded == "and") {
        return None;
    }
    let (&first, &last) = (words.first()?, words.last()?);
    if tokens[last].capitalized {
        // A name ("to Tajikistan") is an entity, not a label.
        return None;
    }
    Some((
        Span::new(tokens[first].span.start, tokens[last].span.end),
        last,
    ))
}

/// The entity a term stands for: one named inside it ("IS-K militants"), after it with
/// "of"/"from" ("insurgents of the Durnak Liberation Front"), or in apposition before it
/// ("the Durnak Liberation Front, a rebel group").
fn attached_entity(
    text: &str,
    span: Span,
    here: &[(Span, usize)],
    tokens: &[Token],
    h: usize,
) -> Option<usize> {
    // A name inside the term is what it stands for ("IS-K militants"), unless it is part
    // of a compound modifier ("Iran-backed groups").
    if let Some((s, i)) = here.iter().find(|(s, _)| span.contains(*s)) {
        let compound = text.get(s.end..).is_some_and(|r| r.starts_with('-'));
        return (!compound).then_some(*i);
    }
    let after = text.get(span.end..)?;
    let lead = [
        "of the so-called ",
        "from the so-called ",
        "of the ",
        "from the ",
        "of ",
        "from ",
    ]
    .iter()
    .find(|p| after.starts_with(&format!(" {p}")))
    .map(|p| p.len() + 1);
    if let Some(n) = lead {
        if let Some((_, i)) = here.iter().find(|(s, _)| s.start == span.end + n) {
            return Some(*i);
        }
    }
    let before = text.get(..span.start)?;
    let trimmed = ["a ", "an ", "the "]
        .iter()
        .find_map(|d| before.strip_suffix(d))
        .unwrap_or(before);
    let apposition = trimmed.strip_suffix(", ")?;
    let _ = (tokens, h);
    here.iter()
        .find(|(s, _)| s.end == apposition.len())
        .map(|(_, i)| *i)
}

/// The first place entity named after a term in its sentence ("… in Afghanistan", "…
/// across its southern border with Afghanistan").
fn location_after(
    tokens: &[Token],
    h: usize,
    here: &[(Span, usize)],
    entities: &[Entity],
) -> Option<usize> {
    let head_end = tokens.get(h)?.span.end;
    here.iter()
        .filter(|(s, _)| s.start > head_end)
        .find(|(_, i)| entities[*i].kind == EntityKind::Place)
        .map(|(_, i)| *i)
}

/// The comparison form of a term: its words as written, whitespace collapsed, lower-cased
/// outside entity names ("IS-K militants", "terror proxies").
fn term_key(text: &str, span: Span, here: &[(Span, usize)]) -> String {
    let mut out = String::new();
    for (i, c) in text.get(span.start..span.end).unwrap_or("").char_indices() {
        let at = span.start + i;
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else if here.iter().any(|(s, _)| s.start <= at && at < s.end) {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out.replace('’', "'")
}

/// Groups term occurrences into referents.
fn group(
    occ: &[Occurrence],
    docs: &[&Doc],
    entities: &[Entity],
    claims: &[Claim],
) -> Vec<Vec<usize>> {
    let mut uf = UnionFind::new(occ.len());
    // Terms of one family in sentences supporting one claim fill the same slot of the same
    // fact ("sabotage by armed terrorist groups" / "an attack by terrorists of the DLF").
    let claim_of = |o: &Occurrence| -> Vec<&str> {
        claims
            .iter()
            .filter(|c| {
                c.support.iter().any(|s| {
                    s.document == docs[o.doc].id() && s.start <= o.span.start && o.span.end <= s.end
                })
            })
            .map(|c| c.id.as_str())
            .collect()
    };
    let in_claims: Vec<Vec<&str>> = occ.iter().map(claim_of).collect();
    for i in 0..occ.len() {
        for j in i + 1..occ.len() {
            let (a, b) = (&occ[i], &occ[j]);
            let same_entity = a.entity.is_some() && a.entity == b.entity;
            let same_claim = a.doc != b.doc
                && a.family.is_some()
                && a.family == b.family
                && !a.named
                && !b.named
                && in_claims[i].iter().any(|c| in_claims[j].contains(c));
            let same_place = a.family.is_some()
                && a.family == b.family
                && a.location.is_some()
                && a.location == b.location;
            // Recipients of transfers in one story: the same slot, unless their sentences
            // name different participants.
            let same_slot = a.recipient
                && b.recipient
                && (a.context.is_empty()
                    || b.context.is_empty()
                    || !a.context.is_disjoint(&b.context));
            if same_entity || same_place || same_slot || same_claim {
                uf.union(i, j);
            }
        }
    }
    // An unattached term joins the entity, named nearest to it in its document, whose terms
    // share its family ("the rebels" after "insurgents of the DLF"; a lead's "separatist
    // rebels" before the group is named).
    for i in 0..occ.len() {
        let a = &occ[i];
        if a.entity.is_some() || a.family.is_none() || a.recipient || a.named {
            continue;
        }
        let target = occ
            .iter()
            .enumerate()
            .filter(|(_, b)| b.entity.is_some() && b.family == a.family)
            .filter_map(|(j, b)| {
                let e = b.entity?;
                let distance = nearest(docs[a.doc], &entities[e], a.span)?;
                Some((std::cmp::Reverse(distance), j))
            })
            .max();
        if let Some((_, j)) = target {
            uf.union(i, j);
        }
    }
    uf.groups()
}

/// Distance in bytes from `span` to the nearest mention of `entity` in `doc`; a mention
/// after the term counts double, since a label more often refers back than forward.
fn nearest(doc: &Doc, entity: &Entity, span: Span) -> Option<usize> {
    entity
        .mentions
        .iter()
        .filter(|m| m.document == doc.id())
        .map(|m| {
            if m.end <= span.start {
                span.start - m.end
            } else {
                2 * m.start.saturating_sub(span.end)
            }
        })
        .min()
}

/// A referent from a group, if its terms differ.
fn referent(
    docs: &[&Doc],
    entities: &[Entity],
    occ: &[Occurrence],
    members: &[usize],
) -> Option<Referent> {
    let mut terms: BTreeMap<&str, Vec<&Occurrence>> = BTreeMap::new();
    for &m in members {
        terms.entry(occ[m].key.as_str()).or_default().push(&occ[m]);
    }
    if terms.len() < 2 {
        return None;
    }
    let mut by_entity: BTreeMap<usize, usize> = BTreeMap::new();
    for &m in members {
        if let Some(e) = occ[m].entity {
            *by_entity.entry(e).or_insert(0) += 1;
        }
    }
    let entity = by_entity
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(e, _)| *e);
    let mut basis: BTreeSet<&str> = BTreeSet::new();
    for &m in members {
        let o = &occ[m];
        basis.insert(match (o.entity, o.recipient, o.location) {
            (Some(_), _, _) => "entity",
            (None, true, _) => "slot",
            (None, false, Some(_)) => "location",
            (None, false, None) => "context",
        });
    }
    let label = match entity {
        Some(e) => entities[e].name.clone(),
        None if members.iter().any(|&m| occ[m].recipient) => "recipients of a transfer".to_string(),
        None => match members.iter().find_map(|&m| occ[m].location) {
            Some(l) => format!("actors in {}", entities[l].name),
            None => "unnamed actors".to_string(),
        },
    };
    let mut terms: Vec<FramingTerm> = terms
        .into_iter()
        .map(|(key, uses)| FramingTerm {
            term: key.to_string(),
            documents: uses
                .iter()
                .map(|o| docs[o.doc].id().to_string())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect(),
            mentions: uses
                .iter()
                .map(|o| TermMention {
                    document: docs[o.doc].id().to_string(),
                    start: o.span.start,
                    end: o.span.end,
                    quoted: o.quoted,
                })
                .collect(),
        })
        .collect();
    terms.sort_by(|a, b| {
        (std::cmp::Reverse(a.mentions.len()), &a.term)
            .cmp(&(std::cmp::Reverse(b.mentions.len()), &b.term))
    });
    Some(Referent {
        id: String::new(),
        label,
        entity: entity.map(|e| entities[e].id.clone()),
        basis: basis.into_iter().collect::<Vec<_>>().join("+"),
        terms,
    })
}

/// Per document: claims only it (and its copies) state, and claims two or more independent
/// sources state that it does not.
fn coverage(docs: &[&Doc], claims: &[Claim], families: &[Vec<DocId>]) -> Vec<OutletCoverage> {
    docs.iter()
        .map(|d| {
            let id = d.id();
            let family: BTreeSet<&str> = families
                .iter()
                .find(|f| f.iter().any(|x| x == id))
                .map_or_else(
                    || BTreeSet::from([id]),
                    |f| f.iter().map(String::as_str).collect(),
                );
            let adds = claims
                .iter()
                .filter(|c| c.documents.iter().any(|x| x == id))
                .filter(|c| c.documents.iter().all(|x| family.contains(x.as_str())))
                .map(|c| c.id.clone())
                .collect();
            let omits = claims
                .iter()
                .filter(|c| c.independent_sources >= 2 && !c.documents.iter().any(|x| x == id))
                .map(|c| c.id.clone())
                .collect();
            OutletCoverage {
                document: id.to_string(),
                outlet: d.article.outlet.as_ref().map(|o| o.value.clone()),
                adds,
                omits,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, text: &str) -> Doc {
        crate::statements::tests::doc(id, text, None)
    }

    fn terms(text: &str) -> Vec<String> {
        let d = doc("a", text);
        let entities = crate::entities::resolve(&[&d], "s");
        doc_terms(&d, 0, &entities)
            .into_iter()
            .map(|o| o.key)
            .collect()
    }

    #[test]
    fn labels_take_their_modifiers_and_not_their_verbs() {
        assert_eq!(
            terms("Tarvania's government has blamed separatist rebels for the collapse."),
            ["separatist rebels"]
        );
    }
}
