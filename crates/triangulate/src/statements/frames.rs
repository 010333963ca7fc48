//! Claim frames: the slots of one sentence (predicate, subject, object, places, numbers
//! with units, dates, named entities) and the concepts two sentences are compared on.
//!
//! Without a parser, slots are read from word order around an event verb taken from a
//! general lexicon of news-event predicates: the nearest name (or noun phrase) before the
//! verb is its subject (its object in the passive), the noun phrase after it its object,
//! names after "in"/"at" its places. Concepts are what alignment compares: entity ids,
//! the predicate class, content stems with near-synonyms folded to one key, and numbers
//! with their units.

use std::collections::{BTreeMap, BTreeSet};

use crate::entities::{gazetteer, Entity};
use crate::model::{EntityKind, Span};
use crate::text::{fold, Doc, Token};

/// Event predicates by class (Snowball stems). One class holds verbs that report the same
/// kind of happening, so "opened", "inaugurated", "launched" and "unveiled" a facility
/// align.
const PREDICATES: &[(&str, &[&str])] = &[
    (
        "open",
        &[
            "open",
            "inaugur",
            "launch",
            "unveil",
            "establish",
            "commiss",
        ],
    ),
    ("build", &["build", "built", "construct", "erect"]),
    ("produce", &["produc", "manufactur", "assembl"]),
    ("kill", &["kill", "die", "slain", "murder"]),
    ("injure", &["injur", "wound", "hurt"]),
    (
        "destroy",
        &["destroy", "damag", "flatten", "demolish", "raze"],
    ),
    (
        "attack",
        &[
            "attack", "strike", "struck", "bomb", "shell", "raid", "ambush", "sabotag",
        ],
    ),
    ("collapse", &["collaps", "breach", "burst"]),
    ("arrest", &["arrest", "detain", "captur", "seiz"]),
    ("meet", &["meet", "met", "talk", "discuss", "host"]),
    ("sign", &["sign", "agre", "ratifi"]),
    ("visit", &["visit", "arriv", "flew", "travel", "tour"]),
    (
        "transfer",
        &[
            "export", "suppli", "sent", "send", "ship", "deliv", "provid", "sell", "sold",
            "transfer",
        ],
    ),
    ("win", &["won", "win", "beat", "defeat"]),
    ("blame", &["blame", "accus", "charg"]),
    ("deny", &["deni", "reject", "dismiss"]),
    ("sanction", &["sanction"]),
    ("evacuate", &["evacu", "displac", "flee", "fled", "move"]),
    ("elect", &["elect", "appoint"]),
    ("resign", &["resign", "quit"]),
    ("pass", &["pass", "approv", "adopt", "enact"]),
    ("close", &["close", "shut", "suspend"]),
    ("rescue", &["rescu", "save", "search"]),
    ("investigate", &["investig", "probe", "examin"]),
];

/// Near-synonym nouns folded to one concept key (Snowball stems), so that "a drone
/// factory", "a UAV production plant" and "a drone-manufacturing facility" share words.
const NOUN_CLASSES: &[(&str, &[&str])] = &[
    ("~facility", &["factori", "plant", "facil", "mill"]),
    ("~drone", &["drone", "uav", "unman"]),
    ("~home", &["home", "hous", "dwell"]),
    ("~people", &["peopl", "person", "resid", "civilian"]),
    ("~dead", &["dead", "death", "bodi", "fatal", "toll"]),
    ("~capital", &["capit"]),
    ("~ceremony", &["ceremoni", "event"]),
    ("~soldier", &["soldier", "troop"]),
    ("~weapon", &["weapon", "munit"]),
    ("~missile", &["missil", "rocket"]),
];

/// Units a number may carry ("200-kilometer range", "5 km", "12 percent").
const UNITS: &[(&str, &[&str])] = &[
    (
        "km",
        &["km", "kilomet", "kilometr", "kilometer", "kilometre"],
    ),
    ("m", &["meter", "metr", "metre", "m"]),
    ("mile", &["mile"]),
    ("percent", &["percent", "per", "%"]),
    ("ton", &["ton", "tonn"]),
    ("dollar", &["dollar", "usd"]),
    ("euro", &["euro"]),
    ("year", &["year"]),
    ("day", &["day"]),
    ("hour", &["hour"]),
];

/// Auxiliaries that, right before a past participle, make it passive.
const PASSIVE_AUX: &[&str] = &["was", "were", "been", "is", "are", "be", "being"];

/// Words that end a noun phrase read after a verb.
const NP_STOP: &[&str] = &[
    "could", "would", "will", "can", "may", "might", "must", "should", "is", "are", "was", "were",
    "has", "have", "had", "be", "been", "in", "at", "on", "for", "with", "by", "to", "from", "as",
    "and", "or", "but", "that", "which", "who", "while", "after", "before", "during", "since",
    "into", "amid", "amidst", "near", "over", "under", "across", "between", "than", "when",
    "where", "because",
];

/// Determiners dropped from the front of a slot phrase.
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "its", "their", "his", "her", "this", "that",
];

/// Longest noun phrase read after a verb, in words.
const NP_MAX: usize = 7;

/// The predicate class of a stem, if it is an event verb.
pub(super) fn predicate_class(stem: &str) -> Option<&'static str> {
    PREDICATES
        .iter()
        .find(|(_, stems)| stems.contains(&stem))
        .map(|(c, _)| *c)
}

/// A stem with near-synonyms folded to one concept key.
pub(super) fn concept(stem: &str) -> String {
    if let Some(class) = predicate_class(stem) {
        return format!("^{class}");
    }
    NOUN_CLASSES
        .iter()
        .find(|(_, stems)| stems.contains(&stem))
        .map_or_else(|| stem.to_string(), |(c, _)| (*c).to_string())
}

/// The unit of a number from the word after it, if any.
fn unit_of(stem: &str) -> Option<&'static str> {
    UNITS
        .iter()
        .find(|(_, stems)| stems.contains(&stem))
        .map(|(u, _)| *u)
}

/// One slot filled in one sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Filler {
    /// `subject`, `predicate`, `object`, `agent`, `place`, `number`, `event`, `entity`.
    pub role: &'static str,
    /// Where the words are in the document's text.
    pub span: Span,
    /// What the words were read as: an entity id, a predicate class, a number with unit.
    pub reading: Option<String>,
    /// Entity id of the filler, when it is (or contains) an entity mention.
    pub entity: Option<String>,
}

/// The slots of one sentence.
#[derive(Clone, Debug, Default)]
pub(super) struct Frame {
    pub predicate: Option<&'static str>,
    /// True when the predicate was read from an event noun ("the opening of"), the
    /// sentence having no event verb: it names the event without stating it happened.
    pub nominal: bool,
    pub fillers: Vec<Filler>,
    /// Entity ids named in the sentence (demonyms read as their country's entity).
    pub entities: BTreeSet<String>,
    /// Concept keys with weights, what alignment compares.
    pub concepts: BTreeMap<String, f64>,
}

impl Frame {
    /// Entity ids filling `role`.
    pub fn entities_in(&self, role: &str) -> BTreeSet<&str> {
        self.fillers
            .iter()
            .filter(|f| f.role == role)
            .filter_map(|f| f.entity.as_deref())
            .collect()
    }
}

/// Entity mentions of one document, as (span, entity index), in text order.
pub(super) fn doc_mentions(doc: &Doc, entities: &[Entity]) -> Vec<(Span, usize)> {
    let mut out: Vec<(Span, usize)> = entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| {
            e.mentions
                .iter()
                .filter(|m| m.document == doc.id())
                .map(move |m| (m.span(), i))
        })
        .collect();
    out.sort_by_key(|(s, i)| (s.start, s.end, *i));
    out
}

/// Weight of an entity in the concept vector: names carry the claim.
const ENTITY_WEIGHT: f64 = 2.0;
/// Weight of the predicate class.
const PREDICATE_WEIGHT: f64 = 2.0;
/// Weight of a number with its unit or class.
const NUMBER_WEIGHT: f64 = 2.0;

/// Reads the frame of the sentence `tokens` (a slice of the document's tokens).
pub(super) fn read(
    doc: &Doc,
    tokens: &[Token],
    mentions: &[(Span, usize)],
    entities: &[Entity],
    numbers: &[(String, usize)],
) -> Frame {
    let text = doc.text();
    let Some(range) = tokens
        .first()
        .zip(tokens.last())
        .map(|(a, b)| Span::new(a.span.start, b.span.end))
    else {
        return Frame::default();
    };
    let here: Vec<(Span, usize)> = mentions
        .iter()
        .filter(|(s, _)| range.contains(*s))
        .copied()
        .collect();
    let mut frame = Frame::default();
    let in_mention = |t: &Token| here.iter().any(|(s, _)| s.contains(t.span));
    for (s, i) in &here {
        let e = &entities[*i];
        frame.entities.insert(e.id.clone());
        let role = if e.kind == EntityKind::Event || e.kind == EntityKind::Law {
            "event"
        } else {
            "entity"
        };
        frame.fillers.push(Filler {
            role,
            span: *s,
            reading: Some(e.name.clone()),
            entity: Some(e.id.clone()),
        });
    }
    for t in tokens {
        if in_mention(t) {
            continue;
        }
        if gazetteer::is_demonym(&t.folded) {
            let country = gazetteer::nationality(&t.folded);
            if let Some(e) = entities.iter().find(|e| fold(&e.name) == country) {
                frame.entities.insert(e.id.clone());
                continue;
            }
        }
        if crate::text::is_stopword(&t.folded) || t.folded.chars().all(|c| !c.is_alphabetic()) {
            continue;
        }
        *frame.concepts.entry(concept(&t.stem)).or_insert(0.0) = 1.0;
    }
    for id in &frame.entities {
        frame.concepts.insert(format!("@{id}"), ENTITY_WEIGHT);
    }
    read_predicate(text, tokens, &here, entities, &mut frame);
    for (value, k) in numbers {
        let unit = tokens.get(k + 1).and_then(|t| unit_of(&t.stem));
        let reading = match unit {
            Some(u) => format!("{value} {u}"),
            None => value.clone(),
        };
        frame.concepts.insert(format!("#{reading}"), NUMBER_WEIGHT);
        frame.fillers.push(Filler {
            role: "number",
            span: tokens[*k].span,
            reading: Some(reading),
            entity: None,
        });
    }
    frame
}

/// Finds the first event verb used as a verb (not after a determiner: "the opening of")
/// and reads subject, object, agent and places around it.
fn read_predicate(
    text: &str,
    tokens: &[Token],
    here: &[(Span, usize)],
    entities: &[Entity],
    frame: &mut Frame,
) {
    let class_at = |k: usize| predicate_class(&tokens[k].stem).map(|c| (k, c));
    // A verb first; else an event noun ("an act of sabotage", "the opening of"), which
    // still says what happened.
    let verbal = (0..tokens.len())
        .filter(|&k| verb_use(tokens, k))
        .find_map(class_at);
    // Agent nouns ("investigators", "rescuers") name people, not the event.
    let agent_noun = |k: usize| {
        ["or", "ors", "er", "ers"]
            .iter()
            .any(|e| tokens[k].folded.ends_with(e))
    };
    let found = verbal.or_else(|| {
        (0..tokens.len())
            .filter(|&k| !tokens[k].capitalized && !agent_noun(k))
            .find_map(class_at)
    });
    let Some((p, class)) = found else {
        return;
    };
    frame.predicate = Some(class);
    frame.nominal = verbal.is_none();
    frame.concepts.insert(format!("^{class}"), PREDICATE_WEIGHT);
    frame.fillers.push(Filler {
        role: "predicate",
        span: tokens[p].span,
        reading: Some(class.to_string()),
        entity: None,
    });
    let passive = tokens[..p]
        .iter()
        .rev()
        .take(2)
        .any(|t| PASSIVE_AUX.contains(&t.folded.as_str()));
    let entity_at = |span: Span| {
        here.iter()
            .find(|(s, _)| s.overlaps(span))
            .map(|(_, i)| entities[*i].id.clone())
    };
    let before = phrase_before(text, tokens, p, here, passive);
    let after = phrase_after(text, tokens, p);
    let (subject_role, object_role) = if passive {
        ("object", "subject")
    } else {
        ("subject", "object")
    };
    if let Some(span) = before {
        frame.fillers.push(Filler {
            role: subject_role,
            span,
            reading: None,
            entity: entity_at(span),
        });
    }
    if let Some(span) = after {
        if !passive {
            frame.fillers.push(Filler {
                role: object_role,
                span,
                reading: None,
                entity: entity_at(span),
            });
        }
    }
    for (k, t) in tokens.iter().enumerate().skip(p + 1) {
        let role = match t.folded.as_str() {
            "in" | "at" | "near" => "place",
            "by" if passive => "agent",
            _ => continue,
        };
        let Some(next) = tokens.get(k + 1) else {
            continue;
        };
        let Some((span, i)) = here.iter().find(|(s, _)| s.start >= next.span.start) else {
            continue;
        };
        // The name must follow the preposition closely ("in Tajikistan's capital Dushanbe").
        if span.start > next.span.start + 24 {
            continue;
        }
        let e = &entities[*i];
        // After "in"/"at", a name of unknown kind is most often a place ("in Khujand").
        if role == "place" && !matches!(e.kind, EntityKind::Place | EntityKind::Other) {
            continue;
        }
        frame.fillers.push(Filler {
            role,
            span: *span,
            reading: Some(e.name.clone()),
            entity: Some(e.id.clone()),
        });
    }
}

/// Words before which an event word is a noun ("the opening of", "its attacks").
const NOUN_MARKERS: &[&str] = &[
    "the", "a", "an", "its", "their", "of", "his", "her", "our", "this", "these", "those",
];

/// Words after which a bare verb form is a verb ("to visit", "will meet").
const VERB_MARKERS: &[&str] = &[
    "to", "will", "would", "can", "could", "may", "might", "must", "should", "did", "do", "does",
    "not", "also",
];

/// Pronouns a verb in "-s" follows ("it supplies").
const PRONOUNS: &[&str] = &["he", "she", "it", "who", "which", "that", "they", "we", "i"];

/// Irregular past forms of event verbs: always verbs.
const IRREGULAR: &[&str] = &[
    "met", "built", "sent", "won", "sold", "struck", "flew", "fled", "beat", "shot", "held",
];

/// Whether the event word at `k` is used as a verb. Without a tagger: a past form or
/// participle is a verb unless a determiner precedes it or an adverb after a determiner
/// makes it an adjective ("the newly manufactured drones"); a form in "-s" is a verb after
/// a name, a pronoun or an adverb ("Israel regularly hits"), a noun otherwise ("in
/// attacks", "military supplies"); a bare form is a verb after "to" or a modal.
fn verb_use(tokens: &[Token], k: usize) -> bool {
    let t = &tokens[k];
    let w = t.folded.as_str();
    let prev = k.checked_sub(1).map(|i| &tokens[i]);
    let prev_word = prev.map_or("", |p| p.folded.as_str());
    if t.capitalized || NOUN_MARKERS.contains(&prev_word) {
        return false;
    }
    let adjectival = prev_word.ends_with("ly")
        && k >= 2
        && NOUN_MARKERS.contains(&tokens[k - 2].folded.as_str());
    if w.ends_with("ed") || w.ends_with("ing") || IRREGULAR.contains(&w) {
        return !adjectival;
    }
    if w.ends_with('s') {
        return prev.is_some_and(|p| {
            p.capitalized || PRONOUNS.contains(&prev_word) || prev_word.ends_with("ly")
        });
    }
    VERB_MARKERS.contains(&prev_word)
}

/// Marks that end a clause before a verb.
const CLAUSE_MARKS: &[&str] = &[
    ",", ";", "(", ":", " – ", " — ", " -- ", " - ", "“", "\"", "–", "—",
];

/// Longest subject phrase, in words.
const SUBJECT_MAX: usize = 6;

/// The subject before the verb (for a passive, its object). In the active, the nearest name
/// in the verb's clause, else the words from the clause start; in the passive, the words
/// before the auxiliary first ("A drone production plant has been inaugurated"). Phrases
/// without a content word ("to") are no subject.
fn phrase_before(
    text: &str,
    tokens: &[Token],
    p: usize,
    here: &[(Span, usize)],
    passive: bool,
) -> Option<Span> {
    let verb = tokens[p].span;
    let sentence_start = tokens[0].span.start;
    let before = text.get(sentence_start..verb.start)?;
    let clause_start = CLAUSE_MARKS
        .iter()
        .filter_map(|m| before.rfind(m).map(|i| i + m.len()))
        .max()
        .map_or(sentence_start, |i| sentence_start + i);
    let name = here
        .iter()
        .rev()
        .find(|(s, _)| s.end <= verb.start && s.start >= clause_start)
        .map(|(s, _)| *s);
    let words: Vec<&Token> = tokens[..p]
        .iter()
        .filter(|t| t.span.start >= clause_start)
        .filter(|t| !PASSIVE_AUX.contains(&t.folded.as_str()))
        .filter(|t| !matches!(t.folded.as_str(), "has" | "have" | "had"))
        .filter(|t| !VERB_MARKERS.contains(&t.folded.as_str()))
        .collect();
    let words = &words[words.len().saturating_sub(SUBJECT_MAX)..];
    let first = words
        .iter()
        .position(|t| !DETERMINERS.contains(&t.folded.as_str()));
    let phrase = first
        .map(|f| &words[f..])
        .filter(|w| {
            w.iter().any(|t| {
                !crate::text::is_stopword(&t.folded)
                    && !crate::text::dates::is_calendar_word(&t.folded)
            })
        })
        .and_then(|w| Some(Span::new(w.first()?.span.start, w.last()?.span.end)));
    if passive {
        phrase.or(name)
    } else {
        name.or(phrase)
    }
}

/// The noun phrase after the verb: words up to a preposition, a conjunction or
/// punctuation, determiners dropped, at most [`NP_MAX`] words.
fn phrase_after(text: &str, tokens: &[Token], p: usize) -> Option<Span> {
    let mut words: Vec<&Token> = Vec::new();
    for t in tokens.iter().skip(p + 1).take(NP_MAX + 1) {
        if NP_STOP.contains(&t.folded.as_str()) {
            break;
        }
        if let Some(prev) = words.last().map(|w| w.span).or(Some(tokens[p].span)) {
            let gap = text.get(prev.end..t.span.start).unwrap_or(",");
            if gap.chars().any(|c| !c.is_whitespace() && c != '-') {
                break;
            }
        }
        words.push(t);
    }
    let first = words
        .iter()
        .position(|t| !DETERMINERS.contains(&t.folded.as_str()))?;
    let words = &words[first..];
    Some(Span::new(words.first()?.span.start, words.last()?.span.end))
}

/// Weighted cosine of two concept vectors.
pub(super) fn similarity(a: &BTreeMap<String, f64>, b: &BTreeMap<String, f64>) -> f64 {
    let dot: f64 = a
        .iter()
        .filter_map(|(k, wa)| b.get(k).map(|wb| wa * wb))
        .sum();
    let norm = |m: &BTreeMap<String, f64>| m.values().map(|w| w * w).sum::<f64>().sqrt();
    let (na, nb) = (norm(a), norm(b));
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_verbs_share_a_class_and_nouns_fold_to_concepts() {
        for s in ["open", "inaugur", "launch", "unveil", "establish"] {
            assert_eq!(predicate_class(s), Some("open"), "{s}");
        }
        assert_eq!(predicate_class("said"), None);
        assert_eq!(concept("factori"), concept("plant"));
        assert_eq!(concept("uav"), concept("drone"));
        assert_ne!(concept("factori"), concept("drone"));
    }

    fn doc(text: &str) -> Doc {
        let article: crate::extract::Article = serde_json::from_value(serde_json::json!({
            "id": "d", "origin": "d", "format": "text", "encoding": "utf-8",
            "title": null, "author": null, "outlet": null, "published": null,
            "dateline": null, "agency": null, "language": null, "text": text,
            "paragraphs": [], "dropped": []
        }))
        .expect("article json");
        Doc::new(article)
    }

    /// (role, words) of the slots read in the first sentence of `text`.
    fn slots(text: &str) -> Vec<(&'static str, String)> {
        let d = doc(text);
        let entities = crate::entities::resolve(&[&d], "s");
        let mentions = doc_mentions(&d, &entities);
        let frame = read(&d, d.layer.sentence_tokens(0), &mentions, &entities, &[]);
        frame
            .fillers
            .iter()
            .filter(|f| f.role != "entity")
            .map(|f| (f.role, f.span.slice(d.text()).to_string()))
            .collect()
    }

    #[test]
    fn active_and_passive_sentences_fill_subject_and_object() {
        let active =
            slots("Iran opened a military drone-manufacturing facility in Tajikistan Tuesday.");
        assert!(active.contains(&("subject", "Iran".into())), "{active:?}");
        assert!(active.contains(&("predicate", "opened".into())));
        assert!(active.contains(&("object", "military drone-manufacturing facility".into())));
        assert!(active.contains(&("place", "Tajikistan".into())));
        // In the passive, what stands before the verb is what was acted on.
        let passive = slots(
            "TEHRAN – A drone production plant has been inaugurated in Tajikistan’s capital.",
        );
        assert!(
            passive.contains(&("object", "drone production plant".into())),
            "{passive:?}"
        );
        assert!(passive.contains(&("predicate", "inaugurated".into())));
    }

    #[test]
    fn event_nouns_stand_in_only_when_no_event_verb_is_there() {
        // "supplies" after an adjective is a noun, not the event.
        let s = slots("Israel regularly hits convoys of military supplies traveling in Syria.");
        assert!(!s.contains(&("predicate", "supplies".into())), "{s:?}");
        // No event verb: the first event noun says what happened.
        let s = slots("The inauguration of the plant came amid a visit to promote relations.");
        assert!(s.contains(&("predicate", "inauguration".into())), "{s:?}");
        let s = slots("The plant was inaugurated after the opening of the road.");
        assert!(s.contains(&("predicate", "inaugurated".into())), "{s:?}");
    }

    #[test]
    fn similarity_is_a_cosine() {
        let m = |xs: &[(&str, f64)]| -> BTreeMap<String, f64> {
            xs.iter().map(|(k, w)| (k.to_string(), *w)).collect()
        };
        let a = m(&[("x", 1.0), ("y", 1.0)]);
        assert!((similarity(&a, &a) - 1.0).abs() < 1e-9);
        assert_eq!(similarity(&a, &m(&[("z", 1.0)])), 0.0);
        assert_eq!(similarity(&a, &BTreeMap::new()), 0.0);
    }
}
