//! Disputes that no single claim's slots show, read over the whole story:
//!
//! - **the day of a one-off happening**: a dam "gave way early on Tuesday" in one account,
//!   while residents "say the water came shortly before midnight on Monday" in another;
//! - **an accusation and its denial**: the government "blamed the Durnak Liberation Front";
//!   "The DLF rejected the accusation";
//! - **the cause**: investigators "point to an act of sabotage", villagers "point instead to
//!   years of neglect".
//!
//! Each dispute becomes a [`Conflict`] attached to every claim that one of its sentences
//! supports, each side with the span of the words that state it.

use std::collections::{BTreeMap, BTreeSet};

use super::super::frames::{negated_before, predicate_class, verb_use};
use super::super::timeline::{DateMention, Precision};
use super::{Candidate, REPORTING};
use crate::entities::Entity;
use crate::model::{EntityKind, Span};
use crate::statements::{Conflict, ConflictValue, UnionFind};
use crate::text::{Doc, Token};

/// Event classes that happen once to one thing: a dam or a bridge gives way once, so two
/// days given for its giving way are a dispute. Recurring classes (attacks, visits,
/// meetings, deaths) are deliberately absent: two days given for them are most often two
/// happenings.
const ONE_OFF: &[&str] = &["collapse"];

/// Forms of "give" that, before "way", say a structure failed ("the dam gave way").
const GIVE: &[&str] = &["give", "gave", "given", "gives", "giving"];

/// Words for flood water and verbs of its arrival: for the people downstream of a dam or a
/// levee, "the water came" is when it failed, and they date its failure by it.
const WATER: &[&str] = &[
    "water",
    "waters",
    "floodwater",
    "floodwaters",
    "flood",
    "wave",
];
const ARRIVAL: &[&str] = &[
    "came", "come", "arrived", "hit", "reached", "struck", "rushed", "poured", "surged",
];

/// Nouns of a happening that, before one of these, state that it happened ("the breach
/// occurred").
const HAPPENED: &[&str] = &["occurred", "happened", "took"];

/// Furthest a date may stand from the words of the happening it dates, in tokens, after
/// them ("gave way early on Tuesday") and before them ("On Tuesday, the dam collapsed").
const DATE_AFTER: usize = 12;
const DATE_BEFORE: usize = 8;

/// The one-off class of the happening stated at token `k`, if one is.
pub(super) fn one_off_at(tokens: &[Token], k: usize) -> Option<&'static str> {
    let t = &tokens[k];
    let next = tokens.get(k + 1).map(|n| n.folded.as_str());
    if GIVE.contains(&t.folded.as_str()) && next == Some("way") {
        return Some("collapse");
    }
    let article_before = k
        .checked_sub(1)
        .is_some_and(|i| matches!(tokens[i].folded.as_str(), "the" | "a"));
    if WATER.contains(&t.folded.as_str())
        && article_before
        && next.is_some_and(|n| ARRIVAL.contains(&n))
    {
        return Some("collapse");
    }
    let class = predicate_class(&t.stem).filter(|c| ONE_OFF.contains(c))?;
    let stated = verb_use(tokens, k) || next.is_some_and(|n| HAPPENED.contains(&n));
    stated.then_some(class)
}

/// Whether a reporting verb stands between tokens `from` and `to`: a date after "said"
/// dates the saying, not the happening.
fn reporting_between(tokens: &[Token], from: usize, to: usize) -> bool {
    tokens[from.min(to)..from.max(to)]
        .iter()
        .any(|t| REPORTING.contains(&t.folded.as_str()) || t.folded == "say")
}

/// The day-precision date of the sentence that dates the happening at token `k`: the
/// nearest one after it, else the nearest one before it, with no reporting verb between.
fn date_of<'a>(tokens: &[Token], k: usize, dates: &'a [DateMention]) -> Option<&'a DateMention> {
    let index_of = |d: &DateMention| tokens.iter().position(|t| t.span.start >= d.span.start);
    let days = dates.iter().filter(|d| d.precision == Precision::Day);
    let after = days
        .clone()
        .filter_map(|d| Some((index_of(d)?, d)))
        .filter(|&(i, _)| i > k && i - k <= DATE_AFTER && !reporting_between(tokens, k, i))
        .min_by_key(|&(i, _)| i);
    let before = || {
        days.filter_map(|d| Some((index_of(d)?, d)))
            .filter(|&(i, _)| i < k && k - i <= DATE_BEFORE && !reporting_between(tokens, i, k))
            .max_by_key(|&(i, _)| i)
    };
    after.or_else(before).map(|(_, d)| d)
}

/// One sentence dating a one-off happening.
struct Dated<'a> {
    candidate: usize,
    class: &'static str,
    date: &'a DateMention,
    /// Named things (places, facilities, unknown names) of the sentence: what happened to
    /// what. People and organisations are who report it, not what gave way.
    things: BTreeSet<&'a str>,
}

/// Conflicts over the day of each one-off happening of the story, keyed by the candidate
/// sentences that state one of its days.
pub(super) fn event_days(
    docs: &[&Doc],
    candidates: &[Candidate],
    entities: &[Entity],
) -> Vec<(BTreeSet<(usize, Span)>, Conflict)> {
    let thing = |id: &str| {
        entities.iter().find(|e| e.id == id).is_some_and(|e| {
            !matches!(
                e.kind,
                EntityKind::Person | EntityKind::Organization | EntityKind::Law
            )
        })
    };
    let mut dated: Vec<Dated> = Vec::new();
    for (ci, c) in candidates.iter().enumerate() {
        let tokens = docs[c.doc].layer.sentence_tokens(c.sentence_index);
        for k in 0..tokens.len() {
            let Some(class) = one_off_at(tokens, k) else {
                continue;
            };
            if let Some(date) = date_of(tokens, k, &c.dates) {
                let things = c
                    .frame
                    .entities
                    .iter()
                    .map(String::as_str)
                    .filter(|id| thing(id))
                    .collect();
                dated.push(Dated {
                    candidate: ci,
                    class,
                    date,
                    things,
                });
                break;
            }
        }
    }
    happenings(&dated)
        .into_iter()
        .filter_map(|members| day_conflict(docs, candidates, &dated, &members))
        .collect()
}

/// Groups dated sentences into happenings: one class, sharing a named thing. A sentence
/// naming no thing ("the dam gave way") joins the happening of its class when the story
/// has only one.
fn happenings(dated: &[Dated]) -> Vec<Vec<usize>> {
    let mut uf = UnionFind::new(dated.len());
    for i in 0..dated.len() {
        for j in i + 1..dated.len() {
            let (a, b) = (&dated[i], &dated[j]);
            if a.class == b.class && !a.things.is_disjoint(&b.things) {
                uf.union(i, j);
            }
        }
    }
    // Sentences naming no thing share none, so each is alone so far; they join their
    // class's happening when the story has exactly one.
    for class in ONE_OFF {
        let of_class = |m: &usize| dated[*m].class == *class;
        let (named, unnamed): (Vec<usize>, Vec<usize>) = (0..dated.len())
            .filter(of_class)
            .partition(|&m| !dated[m].things.is_empty());
        let roots: BTreeSet<usize> = named.iter().map(|&m| uf.find(m)).collect();
        if let [only] = roots.into_iter().collect::<Vec<_>>()[..] {
            for m in unnamed {
                uf.union(only, m);
            }
        }
    }
    uf.groups()
}

/// A conflict when the sentences of one happening give it different days.
fn day_conflict(
    docs: &[&Doc],
    candidates: &[Candidate],
    dated: &[Dated],
    members: &[usize],
) -> Option<(BTreeSet<(usize, Span)>, Conflict)> {
    let days: BTreeSet<String> = members.iter().map(|&m| dated[m].date.iso()).collect();
    if days.len() < 2 {
        return None;
    }
    let mut sorted = members.to_vec();
    sorted.sort_by_key(|&m| {
        let c = &candidates[dated[m].candidate];
        (c.doc, dated[m].date.span.start)
    });
    let values = sorted
        .iter()
        .map(|&m| {
            let c = &candidates[dated[m].candidate];
            let span = dated[m].date.span;
            ConflictValue {
                value: span.slice(docs[c.doc].text()).to_string(),
                reading: Some(dated[m].date.iso()),
                document: docs[c.doc].id().to_string(),
                start: span.start,
                end: span.end,
            }
        })
        .collect();
    let keys = members
        .iter()
        .map(|&m| {
            let c = &candidates[dated[m].candidate];
            (c.doc, c.sentence)
        })
        .collect();
    Some((
        keys,
        Conflict {
            slot: format!("day of the {}", dated[members[0]].class),
            values,
        },
    ))
}

/// Words standing for the accused in a denial that does not name it ("The rebels deny
/// it", "The group denies any role", "It denied").
const STAND_INS: &[&str] = &[
    "group",
    "rebels",
    "militants",
    "insurgents",
    "movement",
    "organisation",
    "organization",
    "it",
    "they",
];

/// How many sentences back a stand-in may look for the accused.
const STAND_IN_REACH: usize = 2;

/// An accusation or a denial of it, in one sentence.
struct Stance {
    doc: usize,
    /// Sentence span, to find the claims it supports.
    sentence: Span,
    /// The verb or noun stating it ("blamed", "sabotaged", "denies").
    words: Span,
    accused: usize,
    denies: bool,
}

/// Conflicts between accusations against an organisation or a person and that party's
/// denials, keyed by the sentences (document index, sentence span) stating either side.
pub(super) fn accusations(
    docs: &[&Doc],
    mentions: &[Vec<(Span, usize)>],
    entities: &[Entity],
) -> Vec<(BTreeSet<(usize, Span)>, Conflict)> {
    let mut stances: Vec<Stance> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        stances.extend(doc_stances(d, doc, &mentions[d], entities));
    }
    let accused: BTreeSet<usize> = stances.iter().map(|s| s.accused).collect();
    accused
        .into_iter()
        .filter_map(|e| {
            let sides: Vec<&Stance> = stances.iter().filter(|s| s.accused == e).collect();
            let both = sides.iter().any(|s| s.denies) && sides.iter().any(|s| !s.denies);
            both.then(|| stance_conflict(docs, &entities[e], &sides))
        })
        .collect()
}

fn stance_conflict(
    docs: &[&Doc],
    accused: &Entity,
    sides: &[&Stance],
) -> (BTreeSet<(usize, Span)>, Conflict) {
    let values = sides
        .iter()
        .map(|s| ConflictValue {
            value: s.words.slice(docs[s.doc].text()).to_string(),
            reading: Some(if s.denies { "denies" } else { "accuses" }.to_string()),
            document: docs[s.doc].id().to_string(),
            start: s.words.start,
            end: s.words.end,
        })
        .collect();
    let keys = sides.iter().map(|s| (s.doc, s.sentence)).collect();
    let conflict = Conflict {
        slot: format!("accusation against {}", accused.name),
        values,
    };
    (keys, conflict)
}

/// The accusations and denials of one document, in text order.
fn doc_stances(
    d: usize,
    doc: &Doc,
    mentions: &[(Span, usize)],
    entities: &[Entity],
) -> Vec<Stance> {
    // Countries accuse and deny as governments do ("Russia denied involvement").
    let party = |i: usize| {
        matches!(
            entities[i].kind,
            EntityKind::Organization | EntityKind::Person | EntityKind::Place
        )
    };
    let mut out: Vec<Stance> = Vec::new();
    // The party accused most recently, with the sentence that accused it.
    let mut last_accused: Option<(usize, usize)> = None;
    for (si, &sentence) in doc.layer.sentences.iter().enumerate() {
        let tokens = doc.layer.sentence_tokens(si);
        let here: Vec<(Span, usize)> = mentions
            .iter()
            .filter(|(s, i)| sentence.contains(*s) && party(*i))
            .copied()
            .collect();
        for (k, t) in tokens.iter().enumerate() {
            match predicate_class(&t.stem) {
                Some(class @ ("blame" | "attack")) if !negated_before(tokens, k) => {
                    let Some(e) = accused_after(tokens, k, class, &here) else {
                        continue;
                    };
                    out.push(stance(d, sentence, t.span, e, false));
                    last_accused = Some((e, si));
                    break;
                }
                Some("deny")
                    if verb_use(tokens, k)
                        || stands_in(tokens, k)
                        || after_name(tokens, k, &here) =>
                {
                    let named = denier(tokens, k, &here);
                    let recent = last_accused
                        .filter(|&(_, at)| si - at <= STAND_IN_REACH)
                        .filter(|_| stands_in(tokens, k))
                        .map(|(e, _)| e);
                    if let Some(e) = named.or(recent) {
                        out.push(stance(d, sentence, t.span, e, true));
                    }
                    break;
                }
                _ => {}
            }
        }
    }
    out
}

/// The party accused at token `k`: for a blame verb the first party named after it
/// ("blamed the Durnak Liberation Front", "blamed the disaster on fighters of …"); for an
/// attack, its agent after "by" ("sabotaged by insurgents of the …", "an attack by
/// terrorists of …"), never the party attacked ("an attack on Kabul").
fn accused_after(tokens: &[Token], k: usize, class: &str, here: &[(Span, usize)]) -> Option<usize> {
    let after = tokens[k].span.end;
    let by = tokens[k + 1..]
        .iter()
        .take(3)
        .find(|t| t.folded == "by")
        .map(|t| t.span.end);
    let from = match class {
        "attack" => by?,
        _ => after,
    };
    here.iter().find(|(s, _)| s.start >= from).map(|(_, e)| *e)
}

/// Whether a party's name ends right before token `k` ("The DLF rejected").
fn after_name(tokens: &[Token], k: usize, here: &[(Span, usize)]) -> bool {
    k.checked_sub(1)
        .is_some_and(|i| here.iter().any(|(s, _)| s.end == tokens[i].span.end))
}

fn stance(doc: usize, sentence: Span, words: Span, accused: usize, denies: bool) -> Stance {
    Stance {
        doc,
        sentence,
        words,
        accused,
        denies,
    }
}

/// The party named as the subject of the denial at token `k`: the name opening the
/// sentence ("The Durnak Liberation Front (DLF), which …, denied"), else the nearest name
/// before the verb.
fn denier(tokens: &[Token], k: usize, here: &[(Span, usize)]) -> Option<usize> {
    let verb = tokens[k].span;
    let opening = tokens
        .iter()
        .take(3)
        .map(|t| t.span.start)
        .collect::<Vec<_>>();
    let before: Vec<&(Span, usize)> = here.iter().filter(|(s, _)| s.end <= verb.start).collect();
    before
        .iter()
        .find(|(s, _)| opening.contains(&s.start))
        .or_else(|| before.last())
        .map(|(_, e)| *e)
}

/// Whether the denial's subject is a stand-in word right before the verb ("The rebels
/// deny", "The group denies", "It denied").
fn stands_in(tokens: &[Token], k: usize) -> bool {
    k.checked_sub(1)
        .is_some_and(|i| STAND_INS.contains(&tokens[i].folded.as_str()))
}

/// Every claim index whose support includes one of `keys` (document index, sentence).
fn claims_stating(
    groups: &[Vec<usize>],
    candidates: &[Candidate],
    keys: &BTreeSet<(usize, Span)>,
) -> BTreeSet<usize> {
    groups
        .iter()
        .enumerate()
        .filter(|(_, members)| {
            members.iter().any(|&m| {
                let c = &candidates[m];
                keys.contains(&(c.doc, c.sentence))
            })
        })
        .map(|(g, _)| g)
        .collect()
}

/// Conflicts for each claim group, in the order the disputes were found.
pub(super) fn by_group(
    groups: &[Vec<usize>],
    candidates: &[Candidate],
    disputes: Vec<(BTreeSet<(usize, Span)>, Conflict)>,
) -> BTreeMap<usize, Vec<Conflict>> {
    let mut out: BTreeMap<usize, Vec<Conflict>> = BTreeMap::new();
    for (keys, conflict) in disputes {
        for g in claims_stating(groups, candidates, &keys) {
            out.entry(g).or_default().push(conflict.clone());
        }
    }
    out
}

/// Kinds of cause a happening is put down to, with the word stems (Snowball) naming them.
const CAUSES: &[(&str, &[&str])] = &[
    (
        "sabotage or attack",
        &[
            "sabotag",
            "saboteur",
            "attack",
            "explos",
            "bomb",
            "terror",
            "terrorist",
        ],
    ),
    ("neglect", &["neglect", "neglig", "mainten", "mismanag"]),
    ("weather", &["rain", "rainfal", "storm", "downpour"]),
    ("accident or error", &["accid", "error", "mistak"]),
];

/// How far after a causal cue its cause may be named, in tokens ("point to an act of
/// sabotage", "blamed terrorist groups for the disaster").
const CAUSE_REACH: usize = 6;

/// Whether token `k` puts what follows down as a cause: "point(ed) (instead) to", "blame",
/// "caused by", "due to", "because of", "result of".
fn causal_cue(tokens: &[Token], k: usize) -> Option<usize> {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.folded.as_str());
    let t = &tokens[k];
    let next = word(k + 1);
    match t.stem.as_str() {
        "point" if next == "to" => Some(k + 2),
        "point" if next == "instead" && word(k + 2) == "to" => Some(k + 3),
        "blame" => Some(k + 1),
        "caus" if next == "by" => Some(k + 2),
        "due" if next == "to" => Some(k + 2),
        "becaus" if next == "of" => Some(k + 2),
        "result" if next == "of" => Some(k + 2),
        _ => None,
    }
}

/// The kind of cause a stem names.
fn cause_kind(stem: &str) -> Option<&'static str> {
    CAUSES
        .iter()
        .find(|(_, stems)| stems.iter().any(|s| stem.starts_with(s)))
        .map(|(kind, _)| *kind)
}

/// One cause put forward in one sentence.
struct Cause {
    doc: usize,
    sentence: Span,
    words: Span,
    kind: &'static str,
}

/// The causes one sentence puts forward: after a causal cue, and warnings said to have been
/// ignored ("repeated warnings about the state of the dam were ignored"), which put it down
/// to neglect.
fn sentence_causes(doc: usize, sentence: Span, tokens: &[Token]) -> Vec<Cause> {
    let mut out = Vec::new();
    for k in 0..tokens.len() {
        let Some(from) = causal_cue(tokens, k) else {
            continue;
        };
        if negated_before(tokens, k) {
            continue;
        }
        let named = tokens
            .iter()
            .enumerate()
            .skip(from)
            .take(CAUSE_REACH)
            .find_map(|(i, t)| Some((i, cause_kind(&t.stem)?)));
        if let Some((i, kind)) = named {
            out.push(Cause {
                doc,
                sentence,
                words: tokens[i].span,
                kind,
            });
        }
    }
    let warned = tokens.iter().any(|t| t.stem.starts_with("warn"));
    let ignored = tokens.iter().find(|t| {
        ["ignor", "unheed", "unansw"]
            .iter()
            .any(|s| t.stem.starts_with(s))
    });
    if let (true, Some(t)) = (warned, ignored) {
        out.push(Cause {
            doc,
            sentence,
            words: t.span,
            kind: "neglect",
        });
    }
    out
}

/// The story's contested cause: kinds of cause put forward by different documents, when
/// two or more kinds are, each side with the words naming it.
pub(super) fn causes(docs: &[&Doc]) -> Option<(BTreeSet<(usize, Span)>, Conflict)> {
    let mut found: Vec<Cause> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let quotes = crate::statements::quote_interiors(doc.text());
        for (si, &sentence) in doc.layer.sentences.iter().enumerate() {
            let tokens = doc.layer.sentence_tokens(si);
            found.extend(
                sentence_causes(d, sentence, tokens)
                    .into_iter()
                    .filter(|c| !quotes.iter().any(|q| q.contains(c.words))),
            );
        }
    }
    let kinds_by_doc: BTreeMap<&str, BTreeSet<usize>> =
        found.iter().fold(BTreeMap::new(), |mut m, c| {
            m.entry(c.kind).or_insert_with(BTreeSet::new).insert(c.doc);
            m
        });
    let docs_in_dispute: BTreeSet<usize> = kinds_by_doc.values().flatten().copied().collect();
    if kinds_by_doc.len() < 2 || docs_in_dispute.len() < 2 {
        return None;
    }
    let values = found
        .iter()
        .map(|c| ConflictValue {
            value: c.words.slice(docs[c.doc].text()).to_string(),
            reading: Some(c.kind.to_string()),
            document: docs[c.doc].id().to_string(),
            start: c.words.start,
            end: c.words.end,
        })
        .collect();
    let keys = found.iter().map(|c| (c.doc, c.sentence)).collect();
    Some((
        keys,
        Conflict {
            slot: "cause".to_string(),
            values,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statements::tests::doc;

    /// Token index of the first token folded to `word`.
    fn at(d: &Doc, word: &str) -> usize {
        d.layer
            .tokens
            .iter()
            .position(|t| t.folded == word)
            .unwrap()
    }

    #[test]
    fn a_structure_giving_way_and_the_water_coming_are_one_off_happenings() {
        let gave = doc(
            "a",
            "At least 14 people were killed after a section of the Koshar Dam gave way early on Tuesday.",
            None,
        );
        assert_eq!(
            one_off_at(&gave.layer.tokens, at(&gave, "gave")),
            Some("collapse")
        );
        let water = doc(
            "b",
            "Residents say the water came shortly before midnight on Monday.",
            None,
        );
        assert_eq!(
            one_off_at(&water.layer.tokens, at(&water, "water")),
            Some("collapse")
        );
        // A collapse named as a noun dates nothing: the survivors' night is on Wednesday.
        let noun = doc(
            "c",
            "Survivors of the Koshar Dam collapse spent a second night in crowded shelters on Wednesday.",
            None,
        );
        assert_eq!(one_off_at(&noun.layer.tokens, at(&noun, "collapse")), None);
        // Attacks recur: they are no one-off happening.
        let attack = doc("d", "Rebels attacked the dam on Tuesday.", None);
        assert_eq!(
            one_off_at(&attack.layer.tokens, at(&attack, "attacked")),
            None
        );
    }

    #[test]
    fn a_date_after_a_reporting_verb_dates_the_saying() {
        let text = "The dam collapsed, the ministry said on Wednesday.";
        let d = doc("a", text, Some("2025-03-13"));
        let refs = super::super::references(&[&d]);
        let dates = super::super::mentions_in(d.text(), d.layer.sentences[0], refs[0], &[]);
        assert_eq!(dates.len(), 1);
        let k = at(&d, "collapsed");
        assert!(date_of(&d.layer.tokens, k, &dates).is_none());
        let text = "The dam collapsed early on Tuesday, the ministry said.";
        let d = doc("b", text, Some("2025-03-13"));
        let dates = super::super::mentions_in(d.text(), d.layer.sentences[0], refs[0], &[]);
        let k = at(&d, "collapsed");
        let date = date_of(&d.layer.tokens, k, &dates).unwrap();
        assert_eq!(date.span.slice(d.text()), "early on Tuesday");
        assert_eq!(date.iso(), "2025-03-11");
    }

    fn story(texts: &[(&str, &str)]) -> (Vec<Doc>, Vec<crate::entities::Entity>) {
        let docs: Vec<Doc> = texts.iter().map(|(id, t)| doc(id, t, None)).collect();
        let refs: Vec<&Doc> = docs.iter().collect();
        let entities = crate::entities::resolve(&refs, "s");
        (docs, entities)
    }

    fn mentions(refs: &[&Doc], entities: &[Entity]) -> Vec<Vec<(Span, usize)>> {
        refs.iter()
            .map(|d| super::super::frames::doc_mentions(d, entities))
            .collect()
    }

    /// (document, value, reading) of each side.
    fn sides(conflict: &Conflict) -> Vec<(&str, &str, &str)> {
        conflict
            .values
            .iter()
            .map(|v| {
                let reading = v.reading.as_deref().unwrap_or("");
                (v.document.as_str(), v.value.as_str(), reading)
            })
            .collect()
    }

    #[test]
    fn a_denial_by_the_accused_or_by_a_stand_in_disputes_the_accusation() {
        let (docs, entities) = story(&[
            ("a", "The government of President Aurel Mandrik says the dam was sabotaged by insurgents of the Durnak Liberation Front, the rebel movement that has fought for autonomy in the mountainous province since 2019. The rebels deny it."),
            ("b", "Interior Minister Ilias Harazov has blamed the disaster on opposition fighters of the Durnak Liberation Front and spoken of explosives found at the spillway. The DLF rejected the accusation."),
        ]);
        let refs: Vec<&Doc> = docs.iter().collect();
        let mentions = mentions(&refs, &entities);
        let found = accusations(&refs, &mentions, &entities);
        assert_eq!(found.len(), 1);
        let (keys, conflict) = &found[0];
        assert_eq!(keys.len(), 4);
        assert_eq!(conflict.slot, "accusation against Durnak Liberation Front");
        let sides = sides(conflict);
        assert_eq!(
            sides,
            [
                ("a", "sabotaged", "accuses"),
                ("a", "deny", "denies"),
                ("b", "blamed", "accuses"),
                ("b", "rejected", "denies"),
            ]
        );
    }

    #[test]
    fn an_accusation_nobody_denies_is_no_dispute() {
        let (docs, entities) = story(&[
            ("a", "The minister said the first findings pointed to an attack by terrorists of the so-called Durnak Liberation Front."),
            ("b", "The Durnak Liberation Front said it would keep fighting in the province."),
        ]);
        let refs: Vec<&Doc> = docs.iter().collect();
        let mentions = mentions(&refs, &entities);
        assert!(accusations(&refs, &mentions, &entities).is_empty());
    }

    #[test]
    fn sabotage_against_neglect_is_a_contested_cause() {
        let (docs, _) = story(&[
            ("a", "According to VNA, preliminary findings of investigators point to an act of sabotage by armed terrorist groups active in the mountains of the province."),
            ("b", "Villagers, opposition deputies and at least one former employee of the NWPA point instead to years of neglect. None of this rules out sabotage."),
        ]);
        let refs: Vec<&Doc> = docs.iter().collect();
        let (keys, conflict) = causes(&refs).expect("a contested cause");
        assert_eq!(keys.len(), 2);
        let sides = sides(&conflict);
        assert_eq!(
            sides,
            [
                ("a", "sabotage", "sabotage or attack"),
                ("b", "neglect", "neglect")
            ]
        );
        // One kind of cause, however many outlets give it, is no dispute.
        let (docs, _) = story(&[
            ("a", "Investigators point to an act of sabotage."),
            (
                "b",
                "The authorities blame saboteurs from the Durnak Liberation Front.",
            ),
        ]);
        let refs: Vec<&Doc> = docs.iter().collect();
        assert!(causes(&refs).is_none());
    }
}
