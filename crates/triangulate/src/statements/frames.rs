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
    ("visit", &["visit", "arriv", "flew", "tour"]),
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
    ("second", &["second"]),
    ("inch", &["inch"]),
    ("hp", &["horsepow", "hp"]),
    ("mph", &["mph"]),
    ("million", &["million"]),
    ("billion", &["billion"]),
];

/// Auxiliaries that, right before a past participle, make it passive.
const PASSIVE_AUX: &[&str] = &["was", "were", "been", "is", "are", "be", "being"];

/// A form of "be" or "have": an auxiliary before a participle, never a subject word.
fn is_auxiliary(folded: &str) -> bool {
    PASSIVE_AUX.contains(&folded) || matches!(folded, "has" | "have" | "had")
}

/// Words that end a noun phrase read after a verb.
const NP_STOP: &[&str] = &[
    "could", "would", "will", "can", "may", "might", "must", "should", "is", "are", "was", "were",
    "has", "have", "had", "be", "been", "in", "at", "on", "for", "with", "by", "to", "from", "as",
    "and", "or", "but", "that", "which", "who", "while", "after", "before", "during", "since",
    "into", "amid", "amidst", "near", "over", "under", "across", "between", "than", "when",
    "where", "because", "about", "like", "against", "through", "without", "toward", "towards",
    "via", "per", "despite", "past",
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
    /// True when the predicate is negated ("has not visited"): it states that the event
    /// did not happen.
    pub negated: bool,
    pub fillers: Vec<Filler>,
    /// Entity ids named in the sentence (demonyms read as their country's entity).
    pub entities: BTreeSet<String>,
    /// Concept keys with weights, what alignment compares.
    pub concepts: BTreeMap<String, f64>,
    /// Concept keys of the core arguments (subject and object words, and their entity
    /// ids): two statements of one event agree on at least one of them.
    pub core: BTreeSet<String>,
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
            // A noun of the event comes after a determiner or "of" ("the opening", "an act
            // of sabotage"); "military supplies" or "expertise provided by" are no event.
            .filter(|&k| {
                k.checked_sub(1)
                    .is_some_and(|i| NOUN_MARKERS.contains(&tokens[i].folded.as_str()))
            })
            .find_map(class_at)
    });
    let Some((p, class)) = found else {
        return;
    };
    frame.predicate = Some(class);
    frame.nominal = verbal.is_none();
    frame.negated = negated_before(tokens, p);
    frame.concepts.insert(format!("^{class}"), PREDICATE_WEIGHT);
    frame.fillers.push(Filler {
        role: "predicate",
        span: tokens[p].span,
        reading: Some(class.to_string()),
        entity: None,
    });
    // "was supplying" is progressive, not passive: a passive needs a participle.
    let passive = !tokens[p].folded.ends_with("ing")
        && tokens[..p]
            .iter()
            .rev()
            .take(2)
            .any(|t| PASSIVE_AUX.contains(&t.folded.as_str()));
    let entity_at = |span: Span| {
        here.iter()
            .find(|(s, _)| s.overlaps(span))
            .map(|(_, i)| entities[*i].id.clone())
    };
    // An event noun has no subject or object: the words before "the inauguration" or
    // "in attacks" are a preposition phrase or another clause, not its doer.
    // Its object is the complement after "of" ("the opening of the Ababil 2 plant").
    let (before, after) = if frame.nominal {
        let of = tokens.get(p + 1).is_some_and(|t| t.folded == "of");
        (
            None,
            of.then(|| phrase_after(text, tokens, p + 1)).flatten(),
        )
    } else {
        (
            phrase_before(text, tokens, p, here, passive),
            phrase_after(text, tokens, p),
        )
    };
    for span in before.iter().chain(&after) {
        frame.core.extend(core_keys(tokens, *span, here, entities));
    }
    if class == "open" && launches_an_attack(tokens, p, before, after) {
        relabel_predicate(frame, "attack");
    }
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

/// "Launched" an attack, a strike or a missile is an attack, not an opening: the verb's
/// subject or object (or, with neither, the next three words) names one.
fn launches_an_attack(
    tokens: &[Token],
    p: usize,
    before: Option<Span>,
    after: Option<Span>,
) -> bool {
    if !tokens[p].stem.starts_with("launch") {
        return false;
    }
    let attack_word = |t: &Token| {
        predicate_class(&t.stem) == Some("attack")
            || ["offens", "missil", "rocket", "invas", "assault"].contains(&t.stem.as_str())
    };
    let in_phrase = |span: Option<Span>| {
        span.is_some_and(|s| tokens.iter().any(|t| s.contains(t.span) && attack_word(t)))
    };
    in_phrase(before)
        || in_phrase(after)
        || (before.is_none()
            && after.is_none()
            && tokens.iter().skip(p + 1).take(3).any(attack_word))
}

/// Gives the frame's predicate another class, in its concepts and its filler too.
fn relabel_predicate(frame: &mut Frame, class: &'static str) {
    if let Some(old) = frame.predicate.replace(class) {
        frame.concepts.remove(&format!("^{old}"));
    }
    frame.concepts.insert(format!("^{class}"), PREDICATE_WEIGHT);
    if let Some(f) = frame
        .fillers
        .iter_mut()
        .rev()
        .find(|f| f.role == "predicate")
    {
        f.reading = Some(class.to_string());
    }
}

/// "not", "never", "no" or an "-n't" in the three words before token `k`: the event there is
/// denied ("has not visited").
pub(super) fn negated_before(tokens: &[Token], k: usize) -> bool {
    tokens[..k].iter().rev().take(3).any(|t| {
        matches!(t.folded.as_str(), "not" | "never" | "no")
            || t.folded.ends_with("n't")
            || t.folded.ends_with("n’t")
    })
}

/// Concept keys of the words of a slot span (content words, folded as in the concept
/// vector) and the ids of the entities named in it.
fn core_keys(
    tokens: &[Token],
    span: Span,
    here: &[(Span, usize)],
    entities: &[Entity],
) -> Vec<String> {
    let words = tokens
        .iter()
        .filter(|t| span.contains(t.span))
        .filter(|t| !crate::text::is_stopword(&t.folded))
        .filter(|t| t.folded.chars().any(char::is_alphabetic))
        .map(|t| concept(&t.stem));
    let names = here
        .iter()
        .filter(|(s, _)| s.overlaps(span))
        .map(|(_, i)| format!("@{}", entities[*i].id));
    words.chain(names).collect()
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
pub(super) fn verb_use(tokens: &[Token], k: usize) -> bool {
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
    if w.ends_with("ing") && modifies_noun(text_gap(tokens, k), prev) {
        return false;
    }
    if w.ends_with("ed") && reduced_relative(tokens, k) {
        return false;
    }
    if w.ends_with("ed") || w.ends_with("ing") || IRREGULAR.contains(&w) {
        return !adjectival;
    }
    if w.ends_with('s') && !w.ends_with("ss") {
        return prev.is_some_and(|p| {
            p.capitalized || PRONOUNS.contains(&prev_word) || prev_word.ends_with("ly")
        });
    }
    VERB_MARKERS.contains(&prev_word)
}

/// Whether the gap before token `k` is a hyphen: "drone-manufacturing" is a compound
/// modifier, not a verb. Tokens carry no text, so the gap is told from the spans: a
/// one-byte gap between adjacent words inside a compound is the hyphen.
fn text_gap(tokens: &[Token], k: usize) -> Gap {
    let Some(prev) = k.checked_sub(1).map(|i| &tokens[i]) else {
        return Gap::None;
    };
    if prev.span.end == tokens[k].span.start {
        Gap::Joined
    } else if tokens[k].span.start - prev.span.end == 1 {
        Gap::Space
    } else {
        Gap::Other
    }
}

/// What separates a word from the one before it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// No word before.
    None,
    /// One byte (a space or a hyphen; the caller cannot tell, and both join a modifier).
    Space,
    /// Nothing: the words touch.
    Joined,
    /// Punctuation or more space: a clause break.
    Other,
}

/// Auxiliaries and adverb-like words after which an "-ing" form is a verb ("is opening",
/// "were killing", "also traveling").
const ING_VERB_AFTER: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "am", "also", "not", "by", "after", "before",
    "while", "without", "of",
];

/// An "-ing" form right after a common noun modifies it ("supplies traveling in Syria",
/// "drone-manufacturing facility"): it states no event. After a comma it opens a
/// participle clause ("…, killing 14 people"), after an auxiliary it is a verb.
fn modifies_noun(gap: Gap, prev: Option<&Token>) -> bool {
    let Some(prev) = prev else {
        return false;
    };
    let w = prev.folded.as_str();
    let noun_like = prev.folded.chars().all(char::is_alphabetic)
        && !prev.capitalized
        && !w.ends_with("ly")
        && !ING_VERB_AFTER.contains(&w)
        && !crate::text::is_stopword(w);
    noun_like && matches!(gap, Gap::Space | Gap::Joined)
}

/// "expertise provided by the specialists": a past participle after a noun, with no
/// auxiliary before it and "by" after it, is a reduced relative clause describing the
/// noun, not the sentence's verb.
fn reduced_relative(tokens: &[Token], k: usize) -> bool {
    let by_after = tokens.get(k + 1).is_some_and(|t| t.folded == "by");
    let aux_before = tokens[..k]
        .iter()
        .rev()
        .take(2)
        .any(|t| is_auxiliary(&t.folded));
    let after_noun = k
        .checked_sub(1)
        .is_some_and(|i| !tokens[i].capitalized && !crate::text::is_stopword(&tokens[i].folded));
    by_after && !aux_before && after_noun
}

/// Words that cannot begin a subject: prepositions (the phrase is an adverbial, "Speaking
/// at the …", "in attacks"), and conjunctions (the subject of a coordinated verb is
/// elided: "… and can be used in").
const NOT_SUBJECT_START: &[&str] = &[
    "in", "at", "on", "for", "with", "by", "to", "from", "of", "after", "before", "during",
    "since", "into", "amid", "near", "over", "under", "across", "between", "than", "when", "where",
    "because", "while", "as", "and", "or", "but", "nor", "so", "then",
];

/// Whether a phrase read before a verb cannot be its subject: it begins with a preposition
/// or conjunction, or with an "-ing" form (a participle clause, "Speaking at the
/// ceremony, …"), or a preposition ends it ("set up with").
fn not_a_subject(words: &[&Token]) -> bool {
    let Some(first) = words.first() else {
        return true;
    };
    let last = words.last().map_or("", |t| t.folded.as_str());
    NOT_SUBJECT_START.contains(&first.folded.as_str())
        || (first.folded.ends_with("ing") && first.folded.len() > 5)
        || NOT_SUBJECT_START.contains(&last)
}

/// Marks that end a clause before a verb.
const CLAUSE_MARKS: &[&str] = &[
    ",", ";", "(", ":", " – ", " — ", " -- ", " - ", "“", "\"", "–", "—",
];

/// Longest subject phrase, in words.
const SUBJECT_MAX: usize = 6;

/// Sentence adverbs set off by commas ("The Taliban, meanwhile, has rejected"): a clause of
/// nothing else is no subject, which then lies before it.
const SENTENCE_ADVERBS: &[&str] = &[
    "meanwhile",
    "however",
    "also",
    "though",
    "reportedly",
    "therefore",
    "instead",
    "still",
    "nonetheless",
    "allegedly",
    "too",
    "furthermore",
    "moreover",
    "indeed",
    "then",
    "now",
];

/// Words after which an embedded clause begins: complementisers and common reporting verbs.
const EMBEDDING: &[&str] = &[
    "that",
    "if",
    "whether",
    "said",
    "says",
    "say",
    "told",
    "tells",
    "explained",
    "added",
    "noted",
    "believes",
    "believe",
    "thinks",
    "think",
    "argued",
    "wrote",
    "reported",
];

/// Relative pronouns: a clause they begin describes the noun before the comma.
const RELATIVES: &[&str] = &["which", "who", "that"];

/// Words that end a noun phrase read backwards from a comma: prepositions, conjunctions,
/// auxiliaries and negation ("did not comment on the alleged attack, which …").
fn ends_phrase_backwards(folded: &str) -> bool {
    NOT_SUBJECT_START.contains(&folded) || is_auxiliary(folded) || VERB_MARKERS.contains(&folded)
}

/// Words that begin a verb group: auxiliaries, modals, "to", negation, and "which" or
/// "who" ("officials who"; "that" is too often a determiner).
fn is_verb_group(folded: &str) -> bool {
    is_auxiliary(folded) || VERB_MARKERS.contains(&folded) || matches!(folded, "which" | "who")
}

/// The last clause mark in `before`: its start and the end of its text.
fn last_mark(before: &str) -> Option<(usize, usize)> {
    CLAUSE_MARKS
        .iter()
        .filter_map(|m| before.rfind(m).map(|i| (i, i + m.len())))
        .max_by_key(|(_, end)| *end)
}

/// The subject before the verb (for a passive, its object). In the active, the nearest name
/// in the verb's clause, else the words from the clause start; in the passive, the words
/// before the auxiliary first ("A drone production plant has been inaugurated"). A clause of
/// auxiliaries or sentence adverbs alone sends the search to the clause before it; a clause
/// begun by a relative pronoun with no name of its own (or in the passive) to the noun
/// before that pronoun ("benefits for Iran, which has long sought to establish"). Phrases
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
    let in_range = |t: &Token, from: usize, to: usize| t.span.start >= from && t.span.end <= to;
    let mut clause_end = verb.start;
    let mut clause_start = last_mark(before).map_or(sentence_start, |(_, e)| sentence_start + e);
    // "The Ababil 2, an all-Iranian UAV production plant, was inaugurated": nothing but an
    // auxiliary (or an adverb) between the last comma and the verb, so the subject is the
    // phrase before that comma.
    for _ in 0..3 {
        let filler_only = tokens[..p]
            .iter()
            .filter(|t| in_range(t, clause_start, clause_end))
            .all(|t| is_auxiliary(&t.folded) || SENTENCE_ADVERBS.contains(&t.folded.as_str()));
        if !filler_only || clause_start == sentence_start {
            break;
        }
        let head = text.get(sentence_start..clause_start).unwrap_or("");
        let Some((mark, _)) = last_mark(head) else {
            break;
        };
        clause_end = sentence_start + mark;
        clause_start = last_mark(&head[..mark]).map_or(sentence_start, |(_, e)| sentence_start + e);
    }
    let relative = tokens[..p]
        .iter()
        .find(|t| in_range(t, clause_start, clause_end))
        .is_some_and(|t| RELATIVES.contains(&t.folded.as_str()));
    if relative
        && clause_start > sentence_start
        && (passive || last_name_in(here, clause_start, clause_end).is_none())
    {
        return antecedent(text, tokens, p, here, sentence_start, clause_start, passive);
    }
    let name = last_name_in(here, clause_start, clause_end);
    // The subject ends where the verb group begins: at an auxiliary, a modal, "to" or a
    // relative pronoun ("five companies can now vie to build", "officials who").
    let words: Vec<&Token> = tokens[..p]
        .iter()
        .filter(|t| in_range(t, clause_start, clause_end))
        .skip_while(|t| SENTENCE_ADVERBS.contains(&t.folded.as_str()))
        .take_while(|t| !is_verb_group(&t.folded))
        .filter(|t| !SENTENCE_ADVERBS.contains(&t.folded.as_str()))
        .collect();
    // An embedded clause's subject starts after its "that" or reporting verb ("Li explained
    // that plague cases", "the governor said he").
    let embedded = words
        .iter()
        .rposition(|t| EMBEDDING.contains(&t.folded.as_str()))
        .map_or(0, |i| i + 1);
    let words = &words[embedded..];
    let words = &words[words.len().saturating_sub(SUBJECT_MAX)..];
    let phrase = content_phrase(words)
        .filter(|w| !not_a_subject(w))
        .and_then(words_span);
    subject_or_object(passive, phrase, name)
}

/// The last name mentioned within `from..to`.
fn last_name_in(here: &[(Span, usize)], from: usize, to: usize) -> Option<Span> {
    here.iter()
        .rev()
        .find(|(s, _)| s.end <= to && s.start >= from)
        .map(|(s, _)| *s)
}

/// What stands before the verb: in the active, a name first (its doer); in the passive,
/// the phrase first (what was acted on, "A drone production plant has been inaugurated").
fn subject_or_object(passive: bool, phrase: Option<Span>, name: Option<Span>) -> Option<Span> {
    if passive {
        phrase.or(name)
    } else {
        name.or(phrase)
    }
}

/// From the first word's start to the last word's end.
fn words_span(words: &[&Token]) -> Option<Span> {
    Some(Span::new(words.first()?.span.start, words.last()?.span.end))
}

/// The noun phrase a relative clause starting at `relative_start` describes: the words right
/// before its comma, back to a preposition, auxiliary or clause mark ("on the alleged
/// attack, which" → "alleged attack"); in the active, a name among them first.
fn antecedent(
    text: &str,
    tokens: &[Token],
    p: usize,
    here: &[(Span, usize)],
    sentence_start: usize,
    relative_start: usize,
    passive: bool,
) -> Option<Span> {
    let head = text.get(sentence_start..relative_start)?;
    let (mark, _) = last_mark(head)?;
    let end = sentence_start + mark;
    let start = last_mark(&head[..mark]).map_or(sentence_start, |(_, e)| sentence_start + e);
    let mut words: Vec<&Token> = tokens[..p]
        .iter()
        .filter(|t| t.span.start >= start && t.span.end <= end)
        .rev()
        .take_while(|t| !ends_phrase_backwards(&t.folded))
        .take(SUBJECT_MAX)
        .collect();
    words.reverse();
    let name = last_name_in(here, words.first()?.span.start, end);
    subject_or_object(passive, content_phrase(&words).and_then(words_span), name)
}

/// The words from the first one that is not a determiner, when one of them is a content
/// word (not a stop word or a calendar word).
fn content_phrase<'a, 't>(words: &'a [&'t Token]) -> Option<&'a [&'t Token]> {
    let first = words
        .iter()
        .position(|t| !DETERMINERS.contains(&t.folded.as_str()))?;
    let words = &words[first..];
    words
        .iter()
        .any(|t| {
            !crate::text::is_stopword(&t.folded) && !crate::text::dates::is_calendar_word(&t.folded)
        })
        .then_some(words)
}

/// The noun phrase after the verb: words up to a preposition, a conjunction or
/// punctuation, determiners dropped, at most [`NP_MAX`] words.
fn phrase_after(text: &str, tokens: &[Token], p: usize) -> Option<Span> {
    // The particle of a phrasal verb is no object: "set up factories", "shut down plants".
    let particle = tokens
        .get(p + 1)
        .is_some_and(|t| matches!(t.folded.as_str(), "up" | "down" | "out" | "off"));
    let p = if particle { p + 1 } else { p };
    let mut words: Vec<&Token> = Vec::new();
    for (i, t) in tokens.iter().enumerate().skip(p + 1).take(NP_MAX + 1) {
        if NP_STOP.contains(&t.folded.as_str()) {
            break;
        }
        // "defeated Gael Monfils 7-5, 6-2": a score or a range after the phrase is no part
        // of it ("Ababil 2", one number, is a name).
        if !words.is_empty() && starts_a_number_pair(text, &tokens[i..]) {
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
    // "arrives here", "pay more": an adverb alone is no object.
    if let [only] = words {
        if matches!(
            only.folded.as_str(),
            "here" | "there" | "somewhere" | "anywhere" | "everywhere" | "more" | "less" | "again"
        ) {
            return None;
        }
    }
    words_span(words)
}

/// The tokens open with two numbers joined by a hyphen or a dash ("7-5", "30–40").
fn starts_a_number_pair(text: &str, tokens: &[Token]) -> bool {
    let number = |t: &Token| t.folded.bytes().all(|b| b.is_ascii_digit());
    match tokens {
        [a, b, ..] => {
            number(a)
                && number(b)
                && matches!(text.get(a.span.end..b.span.start), Some("-" | "–" | "—"))
        }
        _ => false,
    }
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
        crate::statements::tests::doc("d", text, None)
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

    /// The subject read in the first sentence of `text`, if any.
    fn subject(text: &str) -> Option<String> {
        slots(text)
            .into_iter()
            .find(|(r, _)| *r == "subject")
            .map(|(_, w)| w)
    }

    /// The predicate word read in the first sentence of `text`, if any.
    fn predicate(text: &str) -> Option<String> {
        slots(text)
            .into_iter()
            .find(|(r, _)| *r == "predicate")
            .map(|(_, w)| w)
    }

    // Sentences below are from the ababil-2022 corpus.

    #[test]
    fn a_participle_clause_is_no_subject() {
        let s = "Speaking at the inauguration ceremony, Major General Bagheri pointed out that \
                 Iran has been able to achieve a significant growth in all military and defense \
                 dimensions, especially drones.";
        assert_eq!(subject(s), None, "{:?}", slots(s));
        // "inauguration" after "the" is a noun: it names the event, it has no doer.
        assert_eq!(predicate(s).as_deref(), Some("inauguration"));
    }

    #[test]
    fn adverbs_and_relative_clauses_lead_back_to_the_noun_they_follow() {
        // A sentence adverb between commas is no subject.
        let s = "The Taliban, meanwhile, has rejected claims by Tajik President Emomali Rahmon \
                 that Afghanistan is home to terrorist camps.";
        assert_eq!(subject(s).as_deref(), Some("Taliban"), "{:?}", slots(s));
        // "which has long sought to establish": the relative stands for the noun before it.
        let s = "The inauguration reportedly appears to have key benefits for Iran, which has \
                 long sought to establish factories abroad to buttress its economy.";
        assert_eq!(subject(s).as_deref(), Some("Iran"), "{:?}", slots(s));
        // In the passive, the noun before "which" is what was acted on, and the reporting
        // words between are no part of it.
        let s = "Jerusalem did not comment on the alleged attack, which Lebanese TV station Al \
                 Mayadeen said was launched from Kurdish-controlled territory in Iraq.";
        let got = slots(s);
        assert!(
            got.contains(&("object", "alleged attack".into())),
            "{got:?}"
        );
        // Launching an attack is an attack, not an opening.
        let d = doc(s);
        let entities = crate::entities::resolve(&[&d], "s");
        let frame = read(
            &d,
            d.layer.sentence_tokens(0),
            &doc_mentions(&d, &entities),
            &entities,
            &[],
        );
        assert_eq!(frame.predicate, Some("attack"));
        // A relative clause with a name of its own keeps it; "was supplying" is progressive.
        let s = "Washington issued sanctions over exports of UAVs, which Washington said the IRGC \
                 was supplying to Iran-backed groups in Lebanon.";
        let got = slots(s);
        assert!(got.contains(&("subject", "IRGC".into())), "{got:?}");
        assert!(
            !got.iter()
                .any(|(r, w)| *r == "object" && w.contains("IRGC")),
            "{got:?}"
        );
    }

    #[test]
    fn a_subject_ends_where_the_verb_group_begins() {
        // From the extraction benchmark's pages.
        let s = "The five companies can now vie to deliver robotic payloads to the lunar \
                 surface for NASA.";
        assert_eq!(
            subject(s).as_deref(),
            Some("five companies"),
            "{:?}",
            slots(s)
        );
        let s = "The agency said Monday that its researchers examined how hibernation would \
                 affect the design of a crewed mission to Mars.";
        assert_eq!(subject(s).as_deref(), Some("researchers"), "{:?}", slots(s));
        // The particle of a phrasal verb is no object.
        let s = "When Chinese officials give the order to shut down factories and limit \
                 traffic, it gets done.";
        let got = slots(s);
        assert!(got.contains(&("object", "factories".into())), "{got:?}");
    }

    #[test]
    fn a_score_after_the_object_is_not_part_of_it() {
        let s = "Yoshihito Nishioka defeated Gael Monfils 7-5, 6-2 on Sunday.";
        let got = slots(s);
        assert!(got.contains(&("object", "Gael Monfils".into())), "{got:?}");
        let s = "Iran unveiled the Ababil 2 drone in Dushanbe.";
        let got = slots(s);
        assert!(
            got.contains(&("object", "Ababil 2 drone".into())),
            "{got:?}"
        );
    }

    #[test]
    fn a_coordinated_verb_has_no_subject_of_its_own() {
        let s = "The plant will make Ababil-2 UAVs, which have a range of 200 kilometers, and \
                 can be used in attacks or for surveillance purposes.";
        let got = slots(s);
        assert!(
            !got.iter()
                .any(|(r, w)| *r == "subject" && w.starts_with("and")),
            "{got:?}"
        );
    }

    #[test]
    fn a_modifying_participle_is_no_predicate() {
        // "drone-manufacturing" modifies "facilities": no event is stated by it.
        let s = "It has also tried to set up drone-manufacturing facilities for Hezbollah in \
                 Syria and Lebanon.";
        let got = slots(s);
        assert!(!got.iter().any(|(r, _)| *r == "subject"), "{got:?}");
        // "traveling" describes the supplies, and travelling is no visit anyway.
        let s = "Israel regularly hits convoys of military supplies traveling in Syria that \
                 were sourced from Iran.";
        assert_eq!(predicate(s), None, "{:?}", slots(s));
        assert_eq!(predicate_class("travel"), None);
        // After an auxiliary, or opening a clause after a comma, "-ing" is still a verb.
        // (from the demo corpus, main-07-lantern-post)
        let s = "KESH, Tarvania -- Months before the Koshar Dam gave way on Tuesday, killing at \
                 least 14 people in northern Tarvania, the engineer who had looked after it for \
                 almost two decades warned his superiors that its spillway wall was \
                 deteriorating, according to documents reviewed by the Lantern Post.";
        assert_eq!(predicate(s).as_deref(), Some("killing"), "{:?}", slots(s));
    }

    #[test]
    fn a_reduced_relative_is_no_predicate() {
        let s = "The plant was set up with expertise provided by the specialists of the Iranian \
                 ministry of defense.";
        let got = slots(s);
        assert!(!got.contains(&("predicate", "provided".into())), "{got:?}");
        assert_eq!(subject(s), None, "{got:?}");
    }

    #[test]
    fn event_nouns_after_a_determiner_are_not_the_predicate() {
        let s = "Before the opening ceremony, Baqeri and Mirzo also held a meeting to discuss \
                 plans to cooperate in the fight against terrorism, drug trafficking, and \
                 organized crime.";
        let got = slots(s);
        assert_eq!(predicate(s).as_deref(), Some("discuss"), "{got:?}");
        assert_eq!(subject(s).as_deref(), Some("Mirzo"), "{got:?}");
    }

    #[test]
    fn a_negated_event_is_marked() {
        // (from the demo corpus, main-05-free-durnak-voice)
        let d = doc("Harazov has not visited the dam itself.");
        let entities = crate::entities::resolve(&[&d], "s");
        let mentions = doc_mentions(&d, &entities);
        let frame = read(&d, d.layer.sentence_tokens(0), &mentions, &entities, &[]);
        assert_eq!(frame.predicate, Some("visit"));
        assert!(frame.negated);
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
