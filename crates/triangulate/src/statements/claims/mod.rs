//! Claims: factual statements read as slot frames (who did what to what, where, when, how
//! many), aligned across articles by slot agreement and by the similarity of their concepts
//! (entity ids, event classes, content stems with near-synonyms folded), with their support,
//! the chain each supporting sentence is attributed through, the number of independent
//! sources behind them, and conflicting values.

mod disputes;

use std::collections::{BTreeMap, BTreeSet};

use super::frames::{self, Frame};
use jiff::civil::Date;

use super::timeline::{mentions_in, references, DateMention, Precision};
use super::{
    content_stems, cosine, covered, quote_interiors, AttributionStep, Citation, Claim, ClaimSlot,
    Conflict, ConflictValue, Support, UnionFind,
};
use crate::entities::{gazetteer, Entity};
use crate::model::{DocId, EntityKind, Span};
use crate::text::{dates::parse_date_line, fold, Doc, Token};

/// What a count counts, recognised by nearby word stems ("14 people were killed",
/// "the death toll stood at 14", "320 homes").
const CLASSES: &[(&str, &[&str])] = &[
    (
        "deaths",
        &["kill", "dead", "die", "death", "bodi", "fatal", "toll"],
    ),
    ("injured", &["injur", "wound", "hurt"]),
    ("missing", &["miss"]),
    ("homes", &["home", "hous", "dwell"]),
    (
        "displaced",
        &["displac", "evacu", "move", "homeless", "shelter"],
    ),
    ("arrested", &["arrest", "detain"]),
];

/// Tokens looked at on each side of a number to find what it counts.
const CLASS_WINDOW: usize = 4;

/// A counted quantity in a sentence.
#[derive(Clone, Debug)]
struct Count {
    class: &'static str,
    value: String,
    span: Span,
}

/// A sentence that may state a claim.
struct Candidate {
    doc: usize,
    sentence: Span,
    /// Index of the sentence in its document's text layer.
    sentence_index: usize,
    stems: BTreeSet<String>,
    counts: Vec<Count>,
    dates: Vec<DateMention>,
    /// Background history (see [`is_background`]): its counts are no story-wide values.
    background: bool,
    attributed: Option<String>,
    chain: Vec<AttributionStep>,
    frame: Frame,
}

impl Candidate {
    /// The first count of each class: what the sentence is mainly about.
    fn primary(&self) -> BTreeMap<&'static str, &str> {
        let mut out = BTreeMap::new();
        for c in &self.counts {
            out.entry(c.class).or_insert(c.value.as_str());
        }
        out
    }
}

/// Finds, aligns and scores the claims of a story. `entities` (from the entity stage) fill
/// the slots; an empty slice leaves only words and numbers to compare.
pub(super) fn find(
    docs: &[&Doc],
    entities: &[Entity],
    families: &[Vec<DocId>],
    citations: &[Citation],
    id_prefix: &str,
    vectors: Option<&super::SentenceVectors>,
) -> Vec<Claim> {
    let refs = references(docs);
    let mentions: Vec<Vec<(Span, usize)>> = docs
        .iter()
        .map(|d| frames::doc_mentions(d, entities))
        .collect();
    let mut candidates = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        let context = DocContext {
            doc,
            index: i,
            reference: refs[i],
            citations,
            entities,
            mentions: &mentions[i],
            speakers: super::attributions(doc, entities),
        };
        candidates.extend(doc_candidates(&context));
    }
    let embedded = vectors.map(|v| {
        let texts: Vec<&str> = candidates
            .iter()
            .map(|c| c.sentence.slice(docs[c.doc].text()))
            .collect();
        ((v.embed)(&texts), v.paraphrase)
    });
    let groups = align(&candidates, embedded.as_ref());
    let mut found = disputes::event_days(docs, &candidates, entities);
    found.extend(disputes::accusations(docs, &mentions, entities));
    found.extend(disputes::causes(docs));
    let mut disputed = disputes::by_group(&groups, &candidates, found);
    let class_values = story_counts(docs, &candidates);
    let unit_readings = readings_by_doc(&candidates);
    let story = Story {
        docs,
        entities,
        families,
        class_values: &class_values,
        unit_readings: &unit_readings,
    };
    let mut claims: Vec<(usize, (usize, usize), Claim)> = groups
        .iter()
        .enumerate()
        .map(|(g, members)| {
            let mut claim = build_claim(&story, &candidates, members);
            claim
                .2
                .conflicts
                .extend(disputed.remove(&g).unwrap_or_default());
            claim
        })
        .collect();
    claims.sort_by_key(|(n, first, _)| (std::cmp::Reverse(*n), *first));
    claims
        .into_iter()
        .enumerate()
        .map(|(k, (_, _, mut c))| {
            c.id = format!("{id_prefix}-c{}", k + 1);
            c
        })
        .collect()
}

/// What reading one document's candidates needs.
struct DocContext<'a> {
    doc: &'a Doc,
    index: usize,
    reference: Option<super::timeline::Reference>,
    citations: &'a [Citation],
    entities: &'a [Entity],
    mentions: &'a [(Span, usize)],
    speakers: Vec<super::Attribution>,
}

/// The story-wide values claims are built against.
struct Story<'a> {
    docs: &'a [&'a Doc],
    entities: &'a [Entity],
    families: &'a [Vec<DocId>],
    class_values: &'a BTreeMap<&'static str, Vec<ConflictValue>>,
    /// Per document, every number with a unit it states (`readings_by_doc`).
    unit_readings: &'a BTreeMap<usize, BTreeSet<&'a str>>,
}

/// Sentences of one document that state something checkable: numbers, absolute dates, an
/// event verb with a named participant, or a named event. Quotes and metadata lines are
/// left out (what a speaker says is a quote, not the outlet's claim).
fn doc_candidates(cx: &DocContext) -> Vec<Candidate> {
    let doc = cx.doc;
    let text = doc.text();
    let quotes = quote_interiors(text);
    let mut out = Vec::new();
    for (si, &sentence) in doc.layer.sentences.iter().enumerate() {
        let tokens = doc.layer.sentence_tokens(si);
        let body = sentence.slice(text);
        let mostly_quote = covered(sentence, &quotes) * 2 > sentence.len()
            || quotes
                .iter()
                .any(|q| q.start < sentence.start && sentence.start < q.end);
        if tokens.len() < 6
            || mostly_quote
            || parse_date_line(body).is_some()
            || body.starts_with("Published")
        {
            continue;
        }
        let numbers = numbers(text, tokens, &quotes);
        let dates: Vec<DateMention> = mentions_in(text, sentence, cx.reference, &quotes);
        let absolute_date = dates
            .iter()
            .any(|d| d.span.slice(text).chars().any(|c| c.is_ascii_digit()));
        let frame = frames::read(doc, tokens, cx.mentions, cx.entities, &numbers);
        let named_event = frame.fillers.iter().any(|f| f.role == "event");
        let event = frame.predicate.is_some() && !frame.entities.is_empty();
        // "the water came shortly before midnight on Monday": the day of a one-off
        // happening is checkable even with no number or name beside it.
        let dated_one_off = dates.iter().any(|d| d.precision == Precision::Day)
            && (0..tokens.len()).any(|k| disputes::one_off_at(tokens, k).is_some());
        if numbers.is_empty() && !absolute_date && !event && !named_event && !dated_one_off {
            continue;
        }
        let counts = counts(tokens, &numbers);
        let (attributed, chain) = attribution(cx, sentence);
        let background = is_background(tokens, &dates, cx.reference.map(|r| r.date));
        out.push(Candidate {
            doc: cx.index,
            sentence,
            sentence_index: si,
            stems: content_stems(doc, sentence),
            counts,
            background,
            dates,
            attributed,
            chain,
            frame,
        });
    }
    out
}

/// Numbers stated as quantities: not years, not clock times ("3:40"), not parts of names
/// ("Ababil 2", "F-35"), not inside quotes. Returns (value without separators, token index).
fn numbers(text: &str, tokens: &[Token], quotes: &[Span]) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        if !is_number(t) {
            continue;
        }
        let before = text.get(..t.span.start).and_then(|s| s.chars().next_back());
        let after = text.get(t.span.end..).and_then(|s| s.chars().next());
        let clock = before == Some(':') || after == Some(':');
        let in_name = k > 0
            && tokens[k - 1].capitalized
            && text
                .get(tokens[k - 1].span.end..t.span.start)
                .is_some_and(|g| g == " " || g == "-");
        // "3,248" reads 3248; "2.52" keeps its decimal point.
        let value: String = t
            .folded
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let value = value.trim_end_matches('.').to_string();
        let year = is_year(&value);
        let quoted = quotes.iter().any(|q| q.contains(t.span));
        if !(clock || in_name || year || quoted || is_age(text, tokens, k)) {
            out.push((value, k));
        }
    }
    out
}

/// "2009", "1998": four digits from 1900 to 2099 ("20.5" is no year).
fn is_year(w: &str) -> bool {
    w.len() == 4
        && (w.starts_with("19") || w.starts_with("20"))
        && w.bytes().all(|b| b.is_ascii_digit())
}

/// "Kharazov, 61, declined": a number set off by commas right after a name.
fn is_age(text: &str, tokens: &[Token], k: usize) -> bool {
    let t = &tokens[k];
    let before = text.get(..t.span.start).unwrap_or("");
    let after = text.get(t.span.end..).unwrap_or("");
    k > 0 && tokens[k - 1].capitalized && before.ends_with(", ") && after.starts_with(',')
}

/// A token written with a leading digit ("14", "3,248", "14th", "787-9").
fn is_number(t: &Token) -> bool {
    t.folded.starts_with(|c: char| c.is_ascii_digit())
}

/// The first word after the number at `k` and any number joined to it ("30-60 percent").
fn word_after_number(tokens: &[Token], k: usize) -> Option<&Token> {
    tokens[k + 1..]
        .iter()
        .find(|t| !is_number(t) && t.folded != "-")
}

/// The count class a word names ("killed" → deaths, "houses" → homes).
fn class_of(t: &Token) -> Option<&'static str> {
    // "wide body 787-9 jet": a body is no death; "17 bodies" are.
    if t.folded == "body" {
        return None;
    }
    CLASSES
        .iter()
        .find(|(_, stems)| stems.contains(&t.stem.as_str()))
        .map(|(c, _)| *c)
}

/// Classifies each number by the words after it (then before it), stopping at another
/// number.
fn counts(tokens: &[Token], numbers: &[(String, usize)]) -> Vec<Count> {
    numbers
        .iter()
        .filter(|(_, k)| !is_ordinal(&tokens[*k]) && !is_share(tokens, *k))
        .filter(|(_, k)| !counts_something_else(tokens, *k))
        .filter_map(|(value, k)| {
            let forward = tokens[k + 1..]
                .iter()
                .take(CLASS_WINDOW)
                .take_while(|t| !is_number(t))
                .find_map(class_of);
            let backward = || {
                tokens[..*k]
                    .iter()
                    .rev()
                    .take(CLASS_WINDOW)
                    .take_while(|t| !is_number(t))
                    .find_map(class_of)
            };
            let class = forward.or_else(backward)?;
            Some(Count {
                class,
                value: value.clone(),
                span: tokens[*k].span,
            })
        })
        .collect()
}

/// Words for people a count may name before what happened to them ("14 people were
/// killed", "106 protesters … have been killed").
const PEOPLE: &[&str] = &[
    "people",
    "persons",
    "person",
    "protesters",
    "demonstrators",
    "civilians",
    "soldiers",
    "troops",
    "children",
    "women",
    "men",
    "residents",
    "workers",
    "passengers",
    "migrants",
    "villagers",
    "miners",
    "fighters",
    "militants",
    "officers",
    "policemen",
    "students",
    "patients",
    "victims",
    "others",
    "other",
    "more",
    "additional",
    "further",
    "young",
    "adults",
    "families",
    "tourists",
    "pilgrims",
    "refugees",
    "inmates",
    "prisoners",
];

/// "in 21 cities have been killed", "3,248 cases … 584 deaths": the word right after the
/// number names what it counts; when that is a lower-case plural neither of a class nor for
/// people, the number counts something else and the class words near it are not its.
/// ("rose to 17 on Thursday", "the toll of 14 announced": a stop word or a verb after it
/// says nothing.)
fn counts_something_else(tokens: &[Token], k: usize) -> bool {
    word_after_number(tokens, k).is_some_and(|t| {
        !t.capitalized
            && t.folded.ends_with('s')
            && t.folded.chars().all(char::is_alphabetic)
            && !crate::text::is_stopword(&t.folded)
            && class_of(t).is_none()
            && !PEOPLE.contains(&t.folded.as_str())
    })
}

/// "14th", "2nd": a rank or a century, not a count.
fn is_ordinal(t: &Token) -> bool {
    let suffix = t
        .folded
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == ',');
    matches!(suffix, "st" | "nd" | "rd" | "th")
}

/// "90 per cent", "60%", "30-60 percent": a share, not a count of people. A number joined
/// by a dash to the next one shares its unit.
fn is_share(tokens: &[Token], k: usize) -> bool {
    let unit = word_after_number(tokens, k).map(|t| t.folded.as_str());
    tokens[k].folded.ends_with('%') || matches!(unit, Some("%" | "percent" | "per" | "pc"))
}

/// Whether a sentence tells background history, not the story's event: it dates itself a
/// century ago ("in the 14th century") or to a year before the one before publication ("in
/// 2009", "From 2010 to 2015"). Its counts stay out of the story-wide conflicts: the Black
/// Death's toll does not contradict this week's.
fn is_background(tokens: &[Token], dates: &[DateMention], reference: Option<Date>) -> bool {
    let century = tokens
        .iter()
        .any(|t| matches!(t.folded.as_str(), "century" | "centuries"));
    // "between 2010 and 2015", "26 cases between 2009 and 2018": a tally over years.
    let years: BTreeSet<&str> = tokens
        .iter()
        .map(|t| t.folded.as_str())
        .filter(|w| is_year(w))
        .collect();
    let tally_over_years = years.len() >= 2;
    let long_ago = reference.is_some_and(|r| {
        dates
            .iter()
            .any(|d| d.range.map_or(d.date, |(_, last)| last).year() < r.year() - 1)
    });
    century || tally_over_years || long_ago
}

/// The upstream source a sentence is attributed to (a citation inside it, or the article's
/// credit at the very start of its text, "VELIN (VNA) –"), and the whole chain: the
/// speaker whose words the sentence reports, then the citations in it, then the credit.
fn attribution(cx: &DocContext, sentence: Span) -> (Option<String>, Vec<AttributionStep>) {
    let doc = cx.doc;
    let text = doc.text();
    let own: Vec<&Citation> = cx
        .citations
        .iter()
        .filter(|c| c.document == doc.id())
        .collect();
    let mut chain: Vec<AttributionStep> = Vec::new();
    for a in &cx.speakers {
        let cue_here = a.cue.is_some_and(|c| sentence.contains(c));
        let Some(speaker) = a.speaker.filter(|s| sentence.contains(*s)) else {
            continue;
        };
        let cited = own
            .iter()
            .any(|c| Span::new(c.start, c.end).overlaps(speaker));
        if !cue_here
            || cited
            || names_a_place(cx, speaker)
            || chain.iter().any(|s| s.start == speaker.start)
        {
            continue;
        }
        let name = a
            .speaker_name
            .clone()
            .unwrap_or_else(|| speaker.slice(text).to_string());
        chain.push(AttributionStep {
            source: name,
            kind: "speaker".to_string(),
            start: speaker.start,
            end: speaker.end,
        });
    }
    let inside: Vec<&&Citation> = own
        .iter()
        .filter(|c| sentence.contains(Span::new(c.start, c.end)))
        .collect();
    if chain.is_empty() && !inside.is_empty() {
        chain.extend(reporting_person(cx, sentence));
    }
    for c in &inside {
        if chain.iter().any(|s| s.source == c.source) {
            continue;
        }
        chain.push(AttributionStep {
            source: c.source.clone(),
            kind: "citation".to_string(),
            start: c.start,
            end: c.end,
        });
    }
    let credit = own.iter().find(|c| c.start < 40);
    if inside.is_empty() {
        if let Some(c) = credit {
            chain.push(AttributionStep {
                source: c.source.clone(),
                kind: "credit".to_string(),
                start: c.start,
                end: c.end,
            });
        }
    }
    let upstream = inside.first().map(|c| &***c).or(credit.copied());
    (upstream.map(|c| c.source.clone()), chain)
}

/// Verbs by which a person named right before them reports what the sentence says
/// ("According to Fars News, General Bagheri described the opening as …").
const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "noted",
    "stressed",
    "described",
    "announced",
    "stated",
    "pointed",
    "confirmed",
    "claimed",
    "insisted",
    "warned",
    "argued",
    "explained",
];

/// The person a cited sentence reports, when a speech cue list missed it: a person named
/// right before a reporting verb.
fn reporting_person(cx: &DocContext, sentence: Span) -> Option<AttributionStep> {
    let text = cx.doc.text();
    cx.mentions
        .iter()
        .filter(|(s, i)| sentence.contains(*s) && cx.entities[*i].kind == EntityKind::Person)
        .find(|(s, _)| {
            let next = text
                .get(s.end..)
                .unwrap_or("")
                .split_whitespace()
                .next()
                .unwrap_or("");
            REPORTING.contains(&next.trim_end_matches([',', '.']))
        })
        .map(|(s, i)| AttributionStep {
            source: cx.entities[*i].name.clone(),
            kind: "speaker".to_string(),
            start: s.start,
            end: s.end,
        })
}

/// True when the speaker words name a place and no person or body ("in Kesh say"): a place
/// is where something was said, not who said it.
fn names_a_place(cx: &DocContext, speaker: Span) -> bool {
    let kinds: Vec<EntityKind> = cx
        .mentions
        .iter()
        .filter(|(s, _)| s.overlaps(speaker))
        .map(|(_, i)| cx.entities[*i].kind)
        .collect();
    kinds.contains(&EntityKind::Place) && !kinds.iter().any(|k| *k != EntityKind::Place)
}

/// Concept similarity (story-weighted, see [`TopicWeights`]) from which two sentences in
/// different articles state the same fact whatever their frames: close paraphrase.
const PARAPHRASE: f64 = 0.5;
/// Similarity enough with a shared number with the same unit.
const FRAME_AGREEMENT: f64 = 0.4;

/// Similarity enough for the same event class with an agreeing core argument and a shared
/// name: the frames agree on who or what and on what happened, so the rest of the two
/// sentences may differ more.
const EVENT_AGREEMENT: f64 = 0.3;

/// Distinctive shared words (or event classes) two sentences need beside their names to
/// state one fact.
const MIN_SHARED_WORDS: usize = 2;

/// A concept key that many sentences of one article repeat is that article's topic
/// ("16-inch MacBook Pro" in a review), not a fact: from this many sentences it no longer
/// counts as a distinctive shared word or number.
const TOPICAL_REPEAT: usize = 4;

/// How often each concept key recurs within the articles of a story: a story-level
/// inverse frequency. Words an article repeats in sentence after sentence (the product,
/// the car, the horsepower of a review) are what the story is about; two sentences
/// sharing them may still state different facts.
struct TopicWeights {
    /// Per concept key, the most candidate sentences of one document containing it.
    repeat: BTreeMap<String, usize>,
}

impl TopicWeights {
    fn new(candidates: &[Candidate]) -> Self {
        let mut per_doc: BTreeMap<(&str, usize), usize> = BTreeMap::new();
        for c in candidates {
            for k in c.frame.concepts.keys() {
                *per_doc.entry((k.as_str(), c.doc)).or_insert(0) += 1;
            }
        }
        let mut repeat: BTreeMap<String, usize> = BTreeMap::new();
        for ((k, _), n) in per_doc {
            let e = repeat.entry(k.to_string()).or_insert(0);
            *e = (*e).max(n);
        }
        TopicWeights { repeat }
    }

    fn repeat(&self, key: &str) -> usize {
        self.repeat.get(key).copied().unwrap_or(1)
    }

    /// Weight factor of a key: 1 for a key stated once or twice per article (a fact and
    /// its restatement), falling as 1/sqrt of further repetitions.
    fn factor(&self, key: &str) -> f64 {
        let r = self.repeat(key);
        1.0 / ((r.max(2) - 1) as f64).sqrt()
    }

    fn topical(&self, key: &str) -> bool {
        self.repeat(key) >= TOPICAL_REPEAT
    }

    /// A concept vector with every weight scaled by its key's factor.
    fn weigh(&self, concepts: &BTreeMap<String, f64>) -> BTreeMap<String, f64> {
        concepts
            .iter()
            .map(|(k, w)| (k.clone(), w * self.factor(k)))
            .collect()
    }
}

/// Links candidates that state the same thing: close paraphrases; the same event with an
/// agreeing participant; similar wording plus a shared number with its unit; the same
/// count of the same thing. Different values for one count keep two sentences apart
/// (they conflict).
fn align(candidates: &[Candidate], embedded: Option<&(Vec<Vec<f32>>, f32)>) -> Vec<Vec<usize>> {
    let mut uf = UnionFind::new(candidates.len());
    let primaries: Vec<BTreeMap<&str, &str>> = candidates.iter().map(Candidate::primary).collect();
    let topics = TopicWeights::new(candidates);
    let weighted: Vec<BTreeMap<String, f64>> = candidates
        .iter()
        .map(|c| topics.weigh(&c.frame.concepts))
        .collect();
    for i in 0..candidates.len() {
        for j in i + 1..candidates.len() {
            let (a, b) = (&candidates[i], &candidates[j]);
            let same_count = primaries[i]
                .iter()
                .any(|(class, v)| primaries[j].get(class) == Some(v));
            // Different values for the same count are two claims in conflict, not one.
            let disagree = primaries[i]
                .iter()
                .any(|(class, v)| primaries[j].get(class).is_some_and(|w| w != v));
            if disagree {
                continue;
            }
            let linked = if a.doc == b.doc {
                same_count
            } else {
                let sim = frames::similarity(&weighted[i], &weighted[j]);
                let close = embedded.is_some_and(|(v, bar)| {
                    v.get(i)
                        .zip(v.get(j))
                        .is_some_and(|(x, y)| dot(x, y) >= *bar)
                });
                let anchored = !a.frame.entities.is_disjoint(&b.frame.entities)
                    || (a.frame.predicate.is_some() && a.frame.predicate == b.frame.predicate);
                same_count || same_fact(a, b, sim, &topics) || (close && anchored)
            };
            if linked {
                uf.union(i, j);
            }
        }
    }
    uf.groups()
}

/// Cosine of two unit-length vectors.
fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Numbers of a sentence with their units ("149 horsepower" → `149`, "5 km" → `5 km`),
/// counts left out (those are compared by class).
fn number_readings(c: &Candidate) -> BTreeSet<&str> {
    let counted: BTreeSet<&str> = c.counts.iter().map(|n| n.value.as_str()).collect();
    c.frame
        .fillers
        .iter()
        .filter(|f| f.role == "number")
        .filter_map(|f| f.reading.as_deref())
        .filter(|r| !counted.contains(r.split(' ').next().unwrap_or(r)))
        .collect()
}

/// Whether two sentences of different articles state one fact. `sim` is the similarity
/// of their story-weighted concept vectors.
fn same_fact(a: &Candidate, b: &Candidate, sim: f64, topics: &TopicWeights) -> bool {
    // A number is shared only with the same unit, and only when it is not the article's
    // running topic ("16-inch" in every sentence of a laptop review).
    let (na, nb) = (number_readings(a), number_readings(b));
    let shared_number = na
        .intersection(&nb)
        .any(|r| !topics.topical(&format!("#{r}")));
    // The same event class is one fact only when a core argument (subject or object: a
    // name or a content word) agrees too, and both state it happened (or both deny it).
    // An event noun with its "of" complement ("the opening of the Ababil 2 plant") refers to
    // the event a verb states elsewhere; two event nouns state nothing between them.
    let same_event = a.frame.predicate.is_some()
        && a.frame.predicate == b.frame.predicate
        && !(a.frame.nominal && b.frame.nominal)
        && a.frame.negated == b.frame.negated
        && a.frame.core.intersection(&b.frame.core).next().is_some();
    let shared_names = a.frame.entities.intersection(&b.frame.entities).count();
    // Names alone do not make one fact: "the minister flew to Kesh" and "the minister
    // blamed the rebels" share the minister. At least two shared words or event classes
    // must back the names, and words every other sentence of an article repeats do not
    // count.
    let shared_words = a
        .frame
        .concepts
        .keys()
        .filter(|k| !k.starts_with('@') && b.frame.concepts.contains_key(*k))
        .filter(|k| !topics.topical(k))
        .count();
    // Short sentences reach a high cosine on two common words ("Today, I'm going to
    // build …"): without a shared name, a third shared word is needed.
    let needed = if shared_names == 0 {
        MIN_SHARED_WORDS + 1
    } else {
        MIN_SHARED_WORDS
    };
    // The same event with an agreeing core argument and a shared name already shares two
    // things beside the name (the event class and the argument), topical or not.
    // Two days given for one kind of event with one participant are most often two events
    // ("flew to the province on Tuesday", "visited Oltsa on Wednesday"); only wording close
    // enough to be a paraphrase joins them, and then the dates are a conflict.
    let days_differ = matches!((day_of(a), day_of(b)), (Some(x), Some(y)) if x.date != y.date);
    let event_agrees = same_event && shared_names >= 1 && sim >= EVENT_AGREEMENT && !days_differ;
    if shared_words < needed {
        return event_agrees;
    }
    event_agrees || sim >= PARAPHRASE || (sim >= FRAME_AGREEMENT && shared_number)
}

/// Every classified count in the story, by class.
fn story_counts(
    docs: &[&Doc],
    candidates: &[Candidate],
) -> BTreeMap<&'static str, Vec<ConflictValue>> {
    let mut out: BTreeMap<&'static str, Vec<ConflictValue>> = BTreeMap::new();
    for c in candidates.iter().filter(|c| !c.background) {
        let doc = docs[c.doc];
        for count in &c.counts {
            out.entry(count.class).or_default().push(ConflictValue {
                value: count.span.slice(doc.text()).to_string(),
                reading: Some(count.value.clone()),
                document: doc.id().to_string(),
                start: count.span.start,
                end: count.span.end,
            });
        }
    }
    out
}

fn build_claim(
    story: &Story,
    candidates: &[Candidate],
    members: &[usize],
) -> (usize, (usize, usize), Claim) {
    let docs = story.docs;
    let first = &candidates[members[0]];
    let support: Vec<Support> = members
        .iter()
        .map(|&k| support_of(docs, &candidates[k]))
        .collect();
    let documents: Vec<DocId> = support
        .iter()
        .map(|s| s.document.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let outlets: Vec<(String, Option<String>)> = documents
        .iter()
        .map(|id| {
            let outlet = docs
                .iter()
                .find(|d| d.id() == id)
                .and_then(|d| d.article.outlet.as_ref().map(|o| o.value.clone()));
            (id.clone(), outlet)
        })
        .collect();
    let independent = independent_sources(&support, story.families, &outlets);
    let mut conflicts = number_conflicts(candidates, members, story.class_values);
    conflicts.extend(unit_conflicts(story, candidates, members));
    conflicts.extend(date_conflict(docs, candidates, members));
    conflicts.extend(slot_conflicts(story, candidates, members, "place"));
    conflicts.extend(slot_conflicts(story, candidates, members, "subject"));
    conflicts.extend(rank_conflicts(story, candidates, members));
    let central = central_member(candidates, members);
    let c = &candidates[central];
    let claim = Claim {
        id: String::new(),
        text: c.sentence.slice(docs[c.doc].text()).to_string(),
        predicate: majority_predicate(candidates, members),
        entities: shared_entities(candidates, members, documents.len()),
        documents,
        independent_sources: independent,
        single_source: independent == 1,
        support,
        conflicts,
    };
    (members.len(), (first.doc, first.sentence.start), claim)
}

/// One supporting sentence with its chain and slots.
fn support_of(docs: &[&Doc], c: &Candidate) -> Support {
    let text = docs[c.doc].text();
    let mut slots: Vec<ClaimSlot> = c
        .frame
        .fillers
        .iter()
        .map(|f| ClaimSlot {
            role: f.role.to_string(),
            value: f.span.slice(text).to_string(),
            reading: f.reading.clone(),
            entity: f.entity.clone(),
            start: f.span.start,
            end: f.span.end,
        })
        .collect();
    slots.extend(c.dates.iter().map(|d| ClaimSlot {
        role: "date".to_string(),
        value: d.span.slice(text).to_string(),
        reading: Some(d.iso()),
        entity: None,
        start: d.span.start,
        end: d.span.end,
    }));
    slots.sort_by(|a, b| (a.start, a.end, &a.role).cmp(&(b.start, b.end, &b.role)));
    slots.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.role == b.role);
    Support {
        document: docs[c.doc].id().to_string(),
        start: c.sentence.start,
        end: c.sentence.end,
        attributed_to: c.attributed.clone(),
        chain: c.chain.clone(),
        slots,
    }
}

/// The member most similar to the others: the wording that best stands for the claim
/// (ties go to the earliest).
fn central_member(candidates: &[Candidate], members: &[usize]) -> usize {
    let score = |i: usize| -> f64 {
        members
            .iter()
            .filter(|&&j| j != i)
            .map(|&j| {
                frames::similarity(&candidates[i].frame.concepts, &candidates[j].frame.concepts)
            })
            .sum()
    };
    let mut best = members[0];
    let mut best_score = score(best);
    for &m in &members[1..] {
        let s = score(m);
        if s > best_score + 1e-9 {
            best = m;
            best_score = s;
        }
    }
    best
}

/// The event class most members read (ties: the first read).
fn majority_predicate(candidates: &[Candidate], members: &[usize]) -> Option<String> {
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (order, &m) in members.iter().enumerate() {
        if let Some(p) = candidates[m].frame.predicate {
            let e = counts.entry(p).or_insert((0, order));
            e.0 += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map(|(p, _)| p.to_string())
}

/// Entity ids named in at least half of the supporting documents.
fn shared_entities(candidates: &[Candidate], members: &[usize], documents: usize) -> Vec<String> {
    let mut by_entity: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for &m in members {
        for e in &candidates[m].frame.entities {
            by_entity.entry(e).or_default().insert(candidates[m].doc);
        }
    }
    by_entity
        .into_iter()
        .filter(|(_, d)| d.len() * 2 >= documents)
        .map(|(e, _)| e.to_string())
        .collect()
}

/// Distinct groups of supporting documents after collapsing copy families and documents
/// that attribute the claim to the same upstream source, or to another supporting
/// document's outlet ("first reported by Free Durnak Voice"). `outlets` pairs each
/// supporting document id with its outlet name.
fn independent_sources(
    support: &[Support],
    families: &[Vec<DocId>],
    outlets: &[(DocId, Option<String>)],
) -> usize {
    let docs: Vec<&str> = support
        .iter()
        .map(|s| s.document.as_str())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let index = |d: &str| docs.iter().position(|x| *x == d);
    let mut uf = UnionFind::new(docs.len());
    for family in families {
        let present: Vec<usize> = family.iter().filter_map(|d| index(d)).collect();
        for w in present.windows(2) {
            uf.union(w[0], w[1]);
        }
    }
    let mut by_source: BTreeMap<&str, usize> = BTreeMap::new();
    for s in support {
        let (Some(source), Some(i)) = (s.attributed_to.as_deref(), index(&s.document)) else {
            continue;
        };
        for (j, (id, outlet)) in outlets.iter().enumerate() {
            if j != i && names_outlet(source, id, outlet.as_deref()) {
                if let Some(k) = index(id) {
                    uf.union(i, k);
                }
            }
        }
        match by_source.get(source) {
            Some(&j) => uf.union(i, j),
            None => {
                by_source.insert(source, i);
            }
        }
    }
    uf.groups().len()
}

/// Whether a cited source is the outlet of a document: its outlet name, or its id carries
/// the name ("main-05-free-durnak-voice" for "Free Durnak Voice").
fn names_outlet(source: &str, id: &str, outlet: Option<&str>) -> bool {
    let source = fold(source);
    let slug: String = source.split_whitespace().collect::<Vec<_>>().join("-");
    outlet.is_some_and(|o| fold(o) == source) || (slug.len() >= 6 && fold(id).contains(&slug))
}

/// Different values stated in the story for a count this claim is about.
fn number_conflicts(
    candidates: &[Candidate],
    members: &[usize],
    class_values: &BTreeMap<&'static str, Vec<ConflictValue>>,
) -> Vec<Conflict> {
    let classes: BTreeSet<&str> = members
        .iter()
        .flat_map(|&k| candidates[k].primary().into_keys())
        .collect();
    classes
        .into_iter()
        .filter_map(|class| {
            let values = class_values.get(class)?;
            let distinct: BTreeSet<String> = values.iter().map(|v| digits(&v.value)).collect();
            (distinct.len() >= 2).then(|| Conflict {
                slot: format!("number of {class}"),
                values: values.clone(),
            })
        })
        .collect()
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// Stem cosine from which two sentences giving different days are taken to date the same
/// happening: below it, "won on Saturday night" and "welcomed home on Sunday morning" were
/// flagged as a conflict.
const DATE_CONFLICT_SIMILARITY: f64 = 0.6;

/// Closely worded supports in different documents that date the event to different days.
fn date_conflict(docs: &[&Doc], candidates: &[Candidate], members: &[usize]) -> Option<Conflict> {
    let mut values: Vec<ConflictValue> = Vec::new();
    let mut days: BTreeSet<String> = BTreeSet::new();
    for (x, &i) in members.iter().enumerate() {
        for &j in &members[x + 1..] {
            let (a, b) = (&candidates[i], &candidates[j]);
            if a.doc == b.doc || cosine(&a.stems, &b.stems).0 < DATE_CONFLICT_SIMILARITY {
                continue;
            }
            let (Some(da), Some(db)) = (day_of(a), day_of(b)) else {
                continue;
            };
            if da.date == db.date {
                continue;
            }
            for (c, d) in [(a, da), (b, db)] {
                if values
                    .iter()
                    .any(|v| v.document == docs[c.doc].id() && v.start == d.span.start)
                {
                    continue;
                }
                days.insert(d.iso());
                let written = d.span.slice(docs[c.doc].text()).to_string();
                values.push(ConflictValue {
                    value: written,
                    reading: Some(d.iso()),
                    document: docs[c.doc].id().to_string(),
                    start: d.span.start,
                    end: d.span.end,
                });
            }
        }
    }
    (days.len() >= 2).then(|| Conflict {
        slot: "date".to_string(),
        values,
    })
}

fn day_of(c: &Candidate) -> Option<&DateMention> {
    c.dates.iter().find(|d| d.precision == Precision::Day)
}

/// Numbers with the same unit stated with different values by different supports
/// ("200-kilometer range" against "300 km range"), unless no two of the values are told
/// apart: each article that states one of them also states the other somewhere ("the
/// 16-inch MacBook Pro replaces the 15-inch one" in both: two products, no disagreement).
fn unit_conflicts(story: &Story, candidates: &[Candidate], members: &[usize]) -> Vec<Conflict> {
    let docs = story.docs;
    let states = |d: &usize, r: &str| story.unit_readings.get(d).is_some_and(|s| s.contains(r));
    let mut by_unit: BTreeMap<String, Vec<(usize, ConflictValue)>> = BTreeMap::new();
    for &m in members {
        let c = &candidates[m];
        let text = docs[c.doc].text();
        for f in c.frame.fillers.iter().filter(|f| f.role == "number") {
            let Some((value, unit)) = f.reading.as_deref().and_then(|r| r.split_once(' ')) else {
                continue;
            };
            by_unit.entry(unit.to_string()).or_default().push((
                c.doc,
                ConflictValue {
                    value: f.span.slice(text).to_string(),
                    reading: Some(format!("{value} {unit}")),
                    document: docs[c.doc].id().to_string(),
                    start: f.span.start,
                    end: f.span.end,
                },
            ));
        }
    }
    by_unit
        .into_iter()
        .filter_map(|(unit, values)| {
            let distinct: BTreeSet<&str> = values
                .iter()
                .filter_map(|(_, v)| v.reading.as_deref())
                .collect();
            let docs_seen: BTreeSet<usize> = values.iter().map(|(d, _)| *d).collect();
            let told_apart = values.iter().any(|(d1, v1)| {
                values.iter().any(|(d2, v2)| {
                    let (Some(r1), Some(r2)) = (v1.reading.as_deref(), v2.reading.as_deref())
                    else {
                        return false;
                    };
                    r1 != r2 && !states(d1, r2) && !states(d2, r1)
                })
            });
            (distinct.len() >= 2 && docs_seen.len() >= 2 && told_apart).then(|| Conflict {
                slot: format!("number ({unit})"),
                values: values.into_iter().map(|(_, v)| v).collect(),
            })
        })
        .collect()
}

/// Per document, every number with a unit it states ("16 inch"), in any sentence.
fn readings_by_doc(candidates: &[Candidate]) -> BTreeMap<usize, BTreeSet<&str>> {
    let mut out: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    for c in candidates {
        let readings = c
            .frame
            .fillers
            .iter()
            .filter(|f| f.role == "number")
            .filter_map(|f| f.reading.as_deref())
            .filter(|r| r.contains(' '));
        out.entry(c.doc).or_default().extend(readings);
    }
    out
}

/// Supports in different documents naming different entities in one slot (`place`, or a
/// person as `subject`) that no article of the story names together: a country and its
/// capital are both named by the outlet that says "Tajikistan's capital Dushanbe", so they
/// do not conflict.
fn slot_conflicts(
    story: &Story,
    candidates: &[Candidate],
    members: &[usize],
    role: &str,
) -> Option<Conflict> {
    let docs = story.docs;
    let kind_ok = |id: &str| {
        story
            .entities
            .iter()
            .find(|e| e.id == id)
            .is_some_and(|e| match role {
                "place" => matches!(e.kind, EntityKind::Place | EntityKind::Other),
                _ => e.kind == EntityKind::Person,
            })
    };
    let documents_of = |id: &str| -> BTreeSet<&str> {
        story
            .entities
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.documents.iter().map(String::as_str).collect())
            .unwrap_or_default()
    };
    // Two names some article of the story names together may both be right (a province and
    // its country, a city and its district).
    let compatible = |x: &str, y: &str| !documents_of(x).is_disjoint(&documents_of(y));
    let mut by_doc: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    for &m in members {
        let c = &candidates[m];
        let ids: BTreeSet<&str> = c
            .frame
            .entities_in(role)
            .into_iter()
            .filter(|id| kind_ok(id))
            .collect();
        if !ids.is_empty() {
            by_doc.entry(c.doc).or_default().extend(ids);
        }
    }
    let clash = by_doc.iter().any(|(da, a)| {
        by_doc.iter().any(|(db, b)| {
            da < db
                && a.iter()
                    .all(|x| b.iter().all(|y| x != y && !compatible(x, y)))
        })
    });
    if !clash {
        return None;
    }
    let mut values = Vec::new();
    for &m in members {
        let c = &candidates[m];
        let text = docs[c.doc].text();
        for f in c.frame.fillers.iter().filter(|f| f.role == role) {
            if f.entity.as_deref().is_some_and(kind_ok) {
                values.push(ConflictValue {
                    value: f.span.slice(text).to_string(),
                    reading: f.reading.clone(),
                    document: docs[c.doc].id().to_string(),
                    start: f.span.start,
                    end: f.span.end,
                });
            }
        }
    }
    Some(Conflict {
        slot: role.to_string(),
        values,
    })
}

/// Longest look-back, in bytes, for a rank written before a name.
const RANK_REACH: usize = 40;

/// Entities of the claim whose ranks the outlets state incompatibly ("Brigadier General" /
/// "Major General"): each side is the rank and name as written in a supporting sentence.
fn rank_conflicts(story: &Story, candidates: &[Candidate], members: &[usize]) -> Vec<Conflict> {
    let docs = story.docs;
    let named: BTreeSet<&str> = members
        .iter()
        .flat_map(|&m| candidates[m].frame.entities.iter().map(String::as_str))
        .collect();
    story
        .entities
        .iter()
        .filter(|e| e.rank_conflict && named.contains(e.id.as_str()))
        .filter_map(|e| {
            let mut values = Vec::new();
            for r in &e.ranks {
                for mention in &r.mentions {
                    let Some(d) = docs.iter().position(|d| d.id() == mention.document) else {
                        continue;
                    };
                    let text = docs[d].text();
                    let Some(start) = rank_start(text, mention.start) else {
                        continue;
                    };
                    let span = Span::new(start, mention.end);
                    values.push(ConflictValue {
                        value: span.slice(text).to_string(),
                        reading: Some(r.rank.clone()),
                        document: mention.document.clone(),
                        start: span.start,
                        end: span.end,
                    });
                }
            }
            (values.len() >= 2).then(|| Conflict {
                slot: format!("rank of {}", e.name),
                values,
            })
        })
        .collect()
}

/// Where the rank written just before a name starts ("Maj. Gen. " before "Mohammad
/// Bagheri"): the shortest run of words ending at the name that reads as the same rank as
/// the whole look-back does (so "Major General", not just "General").
fn rank_start(text: &str, name_start: usize) -> Option<usize> {
    let from = name_start.saturating_sub(RANK_REACH);
    let window_start = (from..name_start).find(|&i| text.is_char_boundary(i))?;
    let window = text.get(window_start..name_start)?;
    let rank = gazetteer::rank_of(window.trim())?;
    window
        .char_indices()
        .filter(|(i, _)| *i == 0 || window[..*i].ends_with(' '))
        .map(|(i, _)| i)
        .rfind(|&i| gazetteer::rank_of(window[i..].trim()) == Some(rank))
        .map(|i| window_start + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, text: &str) -> Doc {
        crate::statements::tests::doc(id, text, None)
    }

    #[test]
    fn a_decimal_is_a_number_and_a_year_is_not() {
        let d = doc(
            "a",
            "In 2019 the fund lent 20.5 million dollars, up from 19 million.",
        );
        let tokens = d.layer.sentence_tokens(0);
        let values: Vec<String> = numbers(d.text(), tokens, &[])
            .into_iter()
            .map(|(v, _)| v)
            .collect();
        assert_eq!(values, ["20.5", "19"]);
    }

    fn story_claims(texts: &[(&str, &str)]) -> (Vec<Doc>, Vec<Claim>) {
        let docs: Vec<Doc> = texts.iter().map(|(id, t)| doc(id, t)).collect();
        let refs: Vec<&Doc> = docs.iter().collect();
        let entities = crate::entities::resolve(&refs, "s");
        let citations = super::super::citations(&refs);
        let families: Vec<Vec<DocId>> = docs.iter().map(|d| vec![d.id().to_string()]).collect();
        let claims = find(&refs, &entities, &families, &citations, "s", None);
        (docs, claims)
    }

    /// Two outlets state one opening with a different city and a different range: one
    /// claim, two conflicts, each side the words at its span.
    #[test]
    fn one_event_with_different_place_and_range_conflicts() {
        let (docs, claims) = story_claims(&[
            ("a", "Iran opened a drone factory in Dushanbe on Tuesday to build drones with a range of 200 km."),
            ("b", "Iran opened a drone factory in Khujand on Tuesday to build drones with a range of 300 km."),
        ]);
        let c = claims
            .iter()
            .find(|c| c.documents.len() == 2)
            .expect("aligned");
        let slots: BTreeSet<&str> = c.conflicts.iter().map(|k| k.slot.as_str()).collect();
        assert!(slots.contains("place"), "{:?}", c.conflicts);
        assert!(slots.contains("number (km)"), "{:?}", c.conflicts);
        for k in &c.conflicts {
            for v in &k.values {
                let d = docs.iter().find(|d| d.id() == v.document).unwrap();
                assert_eq!(&d.text()[v.start..v.end], v.value);
            }
        }
        let place = c.conflicts.iter().find(|k| k.slot == "place").unwrap();
        let values: BTreeSet<&str> = place.values.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(values, BTreeSet::from(["Dushanbe", "Khujand"]));
    }

    /// Two outlets that each name both sizes compare two products: no size conflict. One
    /// that names only its own size still disagrees.
    #[test]
    fn values_each_outlet_states_together_do_not_conflict() {
        let unit_conflict = |texts: &[(&str, &str)]| {
            let (_, claims) = story_claims(texts);
            claims
                .iter()
                .flat_map(|c| &c.conflicts)
                .any(|k| k.slot == "number (inch)")
        };
        let a = "Apple unveiled the 16-inch MacBook Pro on Wednesday in Cupertino.";
        let b = "Apple unveiled the 15-inch MacBook Pro on Wednesday in Cupertino.";
        assert!(unit_conflict(&[("a", a), ("b", b)]));
        let both = " It replaces the 15-inch model; the 16-inch one has a larger screen.";
        let (a2, b2) = (format!("{a}{both}"), format!("{b}{both}"));
        assert!(!unit_conflict(&[("a", &a2), ("b", &b2)]));
    }

    /// Outlets giving one officer ranks that cannot both be true: the rank conflict names
    /// the rank and name as each outlet writes them.
    #[test]
    fn incompatible_ranks_of_a_participant_conflict() {
        let (docs, claims) = story_claims(&[
            (
                "a",
                "Brigadier General Ahmad Vahidi opened the drone factory in Dushanbe on Tuesday.",
            ),
            (
                "b",
                "Major General Ahmad Vahidi opened the drone factory in Dushanbe on Tuesday.",
            ),
        ]);
        let c = claims
            .iter()
            .find(|c| c.documents.len() == 2)
            .expect("aligned");
        let rank = c
            .conflicts
            .iter()
            .find(|k| k.slot.starts_with("rank of"))
            .unwrap_or_else(|| panic!("{:?}", c.conflicts));
        let values: BTreeSet<(&str, Option<&str>)> = rank
            .values
            .iter()
            .map(|v| (v.value.as_str(), v.reading.as_deref()))
            .collect();
        assert!(
            values.contains(&("Brigadier General Ahmad Vahidi", Some("brigadier general"))),
            "{values:?}"
        );
        assert!(
            values.contains(&("Major General Ahmad Vahidi", Some("major general"))),
            "{values:?}"
        );
        for v in &rank.values {
            let d = docs.iter().find(|d| d.id() == v.document).unwrap();
            assert_eq!(&d.text()[v.start..v.end], v.value);
        }
    }

    /// Two outlets naming different people as doing the same thing conflict on the subject.
    #[test]
    fn different_people_doing_one_thing_conflict_on_the_subject() {
        let (_, claims) = story_claims(&[
            (
                "a",
                "Sherali Mirzo opened the drone factory in Dushanbe on Tuesday.",
            ),
            (
                "b",
                "Rustam Nazarov opened the drone factory in Dushanbe on Tuesday.",
            ),
        ]);
        let c = claims
            .iter()
            .find(|c| c.documents.len() == 2)
            .expect("aligned");
        let subject = c
            .conflicts
            .iter()
            .find(|k| k.slot == "subject")
            .expect("subject conflict");
        let names: BTreeSet<&str> = subject.values.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(names, BTreeSet::from(["Rustam Nazarov", "Sherali Mirzo"]));
    }

    /// A country and its capital named by the same outlet are not a conflict.
    #[test]
    fn a_place_the_other_outlet_also_names_is_no_conflict() {
        let (_, claims) = story_claims(&[
            (
                "a",
                "Iran opened a drone factory in Tajikistan’s capital Dushanbe on Tuesday.",
            ),
            (
                "b",
                "Iran opened a drone factory in Tajikistan on Tuesday, its first abroad.",
            ),
        ]);
        let c = claims
            .iter()
            .find(|c| c.documents.len() == 2)
            .expect("aligned");
        assert!(
            c.conflicts.iter().all(|k| k.slot != "place"),
            "{:?}",
            c.conflicts
        );
    }

    /// Sentences that only share a person are two claims.
    #[test]
    fn names_alone_do_not_align() {
        let (_, claims) = story_claims(&[
            ("a", "Interior Minister Ilyas Kharazov flew to Kesh on Tuesday afternoon to meet survivors."),
            ("b", "Interior Minister Ilyas Kharazov blamed the Durnak Liberation Front for the disaster."),
        ]);
        assert!(claims.iter().all(|c| c.documents.len() == 1), "{claims:?}");
    }
}
