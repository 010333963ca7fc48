//! Resolving a speaker phrase: pronouns to the nearest person named before, role
//! descriptions ("the minister") to the name holding the role, names to entities.

use std::collections::BTreeSet;

use super::attribution::{
    is_capitalised, starts_with_determiner, trailing_name, word_offsets, Found,
};
use super::lexicon::*;
use super::Speaker;
use crate::entities::Entity;
use crate::model::{EntityKind, Span};
use crate::text::{fold, Doc};

/// Resolves pronouns to the nearest person named before and names to entities; `written`
/// keeps the words next to the quote. A pronoun without antecedent stays as written.
pub(super) fn resolve_speaker(
    doc: &Doc,
    found: Found,
    entities: &[Entity],
    quotes: &[Span],
) -> Option<Speaker> {
    let text = doc.text();
    let written = found.span.slice(text).trim_end_matches([',', '.']);
    let possessor = written
        .strip_suffix("’s")
        .or_else(|| written.strip_suffix("'s"));
    // "That’s when …", "That’s produced …": a pronoun contracted with "is" or "has" is
    // no possessive, and the pronoun names no one.
    if possessor.is_some_and(stands_for_a_situation) {
        return None;
    }
    // "Bagheri’s claim": the possessor speaks.
    let written = possessor.unwrap_or(written);
    let folded = fold(written);
    let before = text.get(..found.span.start).unwrap_or_default();
    let after = text.get(found.span.end..).unwrap_or_default();
    if names_no_one(written, before) || opens_with_gerund(written, before, after) {
        return None;
    }
    let resolved = if matches!(folded.as_str(), "who" | "which" | "it") {
        relative_antecedent(doc, found.span, &folded, entities, quotes).or_else(|| {
            Some(Speaker {
                name: written.to_string(),
                span: found.span,
                entity: None,
                written: found.span,
            })
        })
    } else if PRONOUNS.contains(&folded.as_str())
        || POSSESSIVE_PRONOUNS.contains(&folded.as_str())
        || owns_a_thing(written)
    {
        antecedent(doc, found.span.start, entities, quotes).or_else(|| {
            Some(Speaker {
                name: written.to_string(),
                span: found.span,
                entity: None,
                written: found.span,
            })
        })
    } else if let Some(at) = possessed_at(written) {
        // "The minister's spokesman": the spokesman speaks, not the minister; "Iran's
        // foreign minister Hossein Amir-Abdollahian" is the name after the possessive.
        let tail = &written[at..];
        let tail_span = Span::new(found.span.start + at, found.span.start + written.len());
        let name = strip_titles(tail);
        let entity = entity_for(doc, tail_span, &name, entities);
        let name = if entity.is_some() {
            name
        } else {
            written.to_string()
        };
        Some(Speaker {
            name,
            span: found.span,
            entity,
            written: found.span,
        })
    } else if let Some(named) = role_antecedent(doc, found.span, written, quotes) {
        let entity = entity_for(doc, named.span, &named.name, entities);
        Some(Speaker { entity, ..named })
    } else {
        // The span stays the words written; only the name shown is mended.
        let (words, words_span) = mended_words(doc, found, written, entities, quotes);
        let name = strip_titles(&words);
        let entity = entity_for(doc, words_span, &name, entities);
        (!name.is_empty()).then_some(Speaker {
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

/// Whether the speaker words, alone, name no one who can speak: a market instrument code
/// ("Spot gold XAU= added 0.1%", ".DJI") or a lone sentence adverb or imperative the
/// phrase rules took for a subject ("Perhaps", "Better yet, …, as one CEO told me").
/// Such a quote is better shown without a speaker than with that word. (A lone "the",
/// "a" or "that" is kept: in PolNeAR it stands where the annotated speaker starts, "The
/// two lawmakers", and refusing it loses those.) Unlike `quotes::names_no_speaker`, which
/// takes phrases out of the options before the chooser picks, this reads the phrase picked:
/// refusing these words earlier would change which option speaks.
fn names_no_one(written: &str, before: &str) -> bool {
    let words: Vec<&str> = written.split_whitespace().collect();
    // Reuters writes instrument codes with a leading dot (".IXIC"), which the phrase rules
    // leave out of the words written.
    let after_dot = before.ends_with(" .") && written.chars().all(|c| c.is_ascii_uppercase());
    let instrument =
        after_dot || words.len() == 1 && (written.contains('=') || written.starts_with('.'));
    let lone_word = words.len() == 1
        && matches!(
            fold(written).as_str(),
            "perhaps"
                | "maybe"
                | "better"
                | "worse"
                | "plus"
                | "remember"
                | "consider"
                | "correction"
                | "there"
        );
    instrument || lone_word
}

/// Whether the speaker words are "his" or "her" before lower-case words none of which
/// names someone who can speak or an organisation ("His repeated claims of having no
/// memory …", "His refusal to say which side he would be on"): the phrase is the
/// possessor's act, and, as with "Bagheri’s claim", the possessor speaks ("His office",
/// "her lawyer" and "his aunt" speak themselves).
fn owns_a_thing(written: &str) -> bool {
    let words: Vec<&str> = written.split_whitespace().collect();
    let [first, rest @ ..] = words.as_slice() else {
        return false;
    };
    !rest.is_empty()
        && POSSESSIVE_PRONOUNS.contains(&fold(first).as_str())
        && rest.iter().all(|w| {
            let w = fold(w.trim_matches(|c: char| !c.is_alphanumeric()));
            w.starts_with(|c: char| c.is_lowercase())
                && !is_agent_noun(&w)
                && !NON_PERSON.contains(&w.as_str())
                && !AGENT_NOUNS.contains(&w.as_str())
                && !FEMALE_WORDS.contains(&w.as_str())
                && !MALE_WORDS.contains(&w.as_str())
                && !matches!(
                    w.as_str(),
                    "aunt"
                        | "uncle"
                        | "cousin"
                        | "niece"
                        | "nephew"
                        | "parents"
                        | "family"
                        | "friend"
                        | "friends"
                        | "partner"
                        | "children"
                        | "siblings"
                )
        })
        && rest.iter().all(|w| !w.starts_with(char::is_uppercase))
}

/// Whether the word before a speaker phrase's "’s" is a pronoun that names nothing said
/// ("that", "this", "it", "there", "here", "what"), so the "’s" is "is" or "has" ("That’s
/// why I always tell my clients: “…”"): the subject rule reads it as a possessive, but the
/// clause's subject is a thing or a situation, not a speaker.
fn stands_for_a_situation(stem: &str) -> bool {
    matches!(
        fold(stem).as_str(),
        "that" | "this" | "it" | "there" | "here" | "what" | "where" | "how" | "why"
    )
}

/// Whether the speaker words are a lone gerund opening its sentence as the subject of a
/// clause ("Becoming a “visible” and public leader …", "Breathing in mold … can lead to
/// what’s called “farmer's lung”", "Trying to build …"): a capitalised word in "-ing" at
/// the sentence start followed by its object or complement (a determiner, a preposition,
/// "to"). A surname in "-ing" opening a sentence goes on with a verb ("Manning said").
fn opens_with_gerund(written: &str, before: &str, after: &str) -> bool {
    let lone = !written.contains(char::is_whitespace);
    let gerund = written.len() > 5
        && written.ends_with("ing")
        && written.starts_with(char::is_uppercase)
        && written[1..].chars().all(|c| c.is_lowercase());
    let at_start = {
        let b = before.trim_end_matches([' ', '\u{a0}']);
        b.is_empty() || b.ends_with(['\n', '.', '!', '?', ':', '…'])
    };
    let next = after
        .split_whitespace()
        .next()
        .map(|w| fold(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .unwrap_or_default();
    let complement = matches!(
        next.as_str(),
        "a" | "an"
            | "the"
            | "to"
            | "in"
            | "on"
            | "at"
            | "with"
            | "for"
            | "from"
            | "into"
            | "out"
            | "up"
            | "your"
            | "my"
            | "our"
            | "their"
            | "his"
            | "her"
            | "its"
            | "this"
            | "that"
            | "these"
            | "those"
    );
    lone && gerund && at_start && complement
}

/// The words a name is read from, and where they stand, when the speaker words written
/// cut a name short or run past it; otherwise the words written. PolNeAR scores the span
/// written, so the span itself is not moved, only the name shown:
/// - a party or place tag set off after a name ("Sen. Ben Sasse, R-Neb., called",
///   "Lucas Paganini, … in Washington, D.C., said", "Rep. Robert Aderholt (R-AL)"): the
///   first person-like name of the sentence before it;
/// - an abbreviation the sentence splitter ended ("said U.S. Attorney Nealy Cox"): the
///   capitalised words after it join;
/// - the tail of an entity's name ("York Times" of "The New York Times"): the whole
///   mention;
/// - a lone determiner before the name ("the 14th-ranked Schwartzman said"): the name
///   ending the words before the speech verb;
/// - a pronoun contracted with its verb ("I’m very happy to say"): the pronoun;
/// - a phrase running on into its verb ("Brooke tearfully asked", "Prison union
///   representatives have long said"): cut before the adverb or auxiliary.
fn mended_words(
    doc: &Doc,
    found: Found,
    written: &str,
    entities: &[Entity],
    quotes: &[Span],
) -> (String, Span) {
    let text = doc.text();
    let span = Span::new(found.span.start, found.span.start + written.len());
    let unchanged = (written.to_string(), span);
    let words: Vec<&str> = written.split_whitespace().collect();
    let before = text.get(..span.start).unwrap_or_default();
    if let Some(s) = found
        .cue
        .and_then(|c| relative_subject(text, span.end, c.start))
    {
        return (s.slice(text).to_string(), s);
    }
    if words.len() == 1 && is_tag(written) && (before.ends_with(", ") || before.ends_with('(')) {
        return tag_owner(doc, span, quotes).map_or(unchanged, |s| (s.slice(text).to_string(), s));
    }
    if words.len() == 1 && is_dotted_abbreviation(written) {
        let after = text.get(span.end..).unwrap_or_default();
        if let Some(rest) = after.strip_prefix(". ") {
            let mut end = None;
            for (at, w) in word_offsets(rest) {
                if !is_capitalised(w) {
                    break;
                }
                end = Some(span.end + 2 + at + w.len());
                if w.ends_with([',', ';', ':', '.']) {
                    break;
                }
            }
            if let Some(end) = end {
                let words = text[span.start..end].trim_end_matches([',', ';', ':', '.']);
                return (
                    words.to_string(),
                    Span::new(span.start, span.start + words.len()),
                );
            }
        }
    }
    if let Some(m) = entities
        .iter()
        .flat_map(|e| e.mentions.iter())
        .find(|m| m.document == doc.id() && m.start < span.start && m.end >= span.end)
    {
        let whole = m.span().slice(text);
        let whole = whole
            .strip_prefix("The ")
            .or_else(|| whole.strip_prefix("the "))
            .unwrap_or(whole);
        if let Some(person) = person_before_of(whole) {
            let start = m.end - whole.len();
            return (person.to_string(), Span::new(start, start + person.len()));
        }
        return (whole.to_string(), m.span());
    }
    if words.len() == 1 && starts_with_determiner(written) {
        // Up to the cue, or else the first speech verb after the determiner in its
        // sentence; a cue inside a compound ("the 14th-ranked Schwartzman said") is none.
        let sentence_end = doc
            .layer
            .sentence_at(span.start)
            .map_or(text.len(), |i| doc.layer.sentences[i].end);
        let upto = found
            .cue
            .filter(|c| c.start > span.end && !c.slice(text).contains('-'))
            .map(|c| c.start)
            .or_else(|| {
                let rest = text.get(span.end..sentence_end)?;
                verb_re()
                    .find_iter(rest)
                    .find(|m| !m.as_str().contains('-') && !rest[..m.start()].ends_with('-'))
                    .map(|m| span.end + m.start())
            });
        if let Some((a, b)) = upto.and_then(|c| trailing_name(text.get(span.end..c)?.trim_end())) {
            let s = Span::new(span.end + a, span.end + b);
            return (s.slice(text).to_string(), s);
        }
        return unchanged;
    }
    if let Some(pronoun) = words.first().and_then(|w| contracted_pronoun(w)) {
        let s = Span::new(span.start, span.start + pronoun.len());
        return (pronoun.to_string(), s);
    }
    // "Oil fell after sources told Reuters that …": the phrase ran over a whole clause
    // into the one the cue's subject opens; that subject follows the last conjunction.
    let (written, span) = match word_offsets(written)
        .skip(1)
        .filter(|&(_, w)| is_subordinator(w))
        .last()
        .map(|(at, w)| written[at + w.len()..].trim_start())
        .filter(|rest| !rest.is_empty())
    {
        Some(rest) => {
            let start = span.end - rest.len();
            (rest, Span::new(start, span.end))
        }
        None => (written, span),
    };
    let unchanged = (written.to_string(), span);
    let after = text.get(span.end..).unwrap_or_default();
    let cut = word_offsets(written)
        .skip(1)
        .find(|&(at, w)| {
            let last = at + w.len() == written.len();
            runs_into_verb(w, last) || (last && name_then_verb(written, w, after))
        })
        .map(|(at, _)| at);
    match cut {
        Some(at) => {
            let kept = written[..at].trim_end();
            (
                kept.to_string(),
                Span::new(span.start, span.start + kept.len()),
            )
        }
        None => unchanged,
    }
}

/// The subject of a relative clause standing between the speaker words and their cue
/// ("its first all-electric SUV, marking the start of … that industry analysts say will
/// boost …" → "industry analysts"): the cue's own subject is the noun phrase after the
/// relative pronoun, not the words the rules read before it. Only a short phrase with no
/// punctuation, auxiliary or pronoun counts (a pronoun would need its antecedent).
fn relative_subject(text: &str, from: usize, to: usize) -> Option<Span> {
    let between = text.get(from..to)?;
    let (at, pronoun) = word_offsets(between)
        .filter(|&(_, w)| matches!(w, "that" | "which" | "whom"))
        .last()?;
    let rest = &between[at + pronoun.len()..];
    let phrase = rest.trim();
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let plain = (1..=4).contains(&words.len())
        && !phrase.contains(|c: char| !c.is_alphanumeric() && !" -’'.".contains(c))
        && !matches!(fold(words[0]).as_str(), "you" | "it" | "there")
        && !PERSONAL_PRONOUNS.contains(&fold(words[0]).as_str())
        && !words
            .iter()
            .any(|w| runs_into_verb(w, false) || is_subordinator(w));
    let start = from + at + pronoun.len() + (rest.len() - rest.trim_start().len());
    plain.then(|| Span::new(start, start + phrase.len()))
}

/// A subordinating conjunction, in lower case, that opens a clause inside a phrase taken
/// for a subject ("Oil fell after sources", "Shares rose because analysts"). "As" is left
/// out: "as well as" joins two subjects.
fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "after"
            | "before"
            | "because"
            | "since"
            | "while"
            | "when"
            | "whereas"
            | "although"
            | "though"
            | "unless"
            | "until"
            | "if"
    )
}

/// Whether `last`, the last of the speaker words `written`, is the present-tense verb of
/// a capitalised name before it ("One Home Depot refers to investments …"): a lower-case
/// word in "-s" after capitalised words only, no agent noun ("Google engineers"), and
/// followed by "to" or "that", which a verb takes and a subject noun rarely does.
fn name_then_verb(written: &str, last: &str, after: &str) -> bool {
    let words: Vec<&str> = written.split_whitespace().collect();
    let name = words.len() >= 2 && words[..words.len() - 1].iter().all(|w| is_capitalised(w));
    let verb_like = last.chars().all(|c| c.is_ascii_lowercase())
        && last.len() > 3
        && last.ends_with('s')
        && !last.ends_with("ss")
        && !is_agent_noun(last);
    let next = after
        .split_whitespace()
        .next()
        .map(fold)
        .unwrap_or_default();
    name && verb_like && matches!(next.as_str(), "to" | "that")
}

/// The first person-like name of the sentence before the tag at `span` ("Sen. Ben Sasse"
/// of "Sen. Ben Sasse, R-Neb."): the sentence's subject, whom an apposition qualifies.
fn tag_owner(doc: &Doc, span: Span, quotes: &[Span]) -> Option<Span> {
    let sentence = doc.layer.sentence_at(span.start);
    person_names(doc, quotes)
        .into_iter()
        .filter(|s| s.end <= span.start && doc.layer.sentence_at(s.start) == sentence)
        .find(|s| !is_tag(s.slice(doc.text())))
}

/// "Joneigh Khaldun of the Michigan Department …", "Wee of the Times": the person an
/// entity mention names before the organisation they belong to ("NASA’s Office of the
/// Inspector General" is the organisation's own name and stays whole).
fn person_before_of(mention: &str) -> Option<&str> {
    let (person, _) = mention.split_once(" of ")?;
    let words: Vec<String> = person.split_whitespace().map(fold).collect();
    let person_like = (1..=3).contains(&words.len())
        && person.split_whitespace().all(is_capitalised)
        && !words
            .iter()
            .any(|w| NON_PERSON.contains(&w.as_str()) || w.ends_with("’s") || w.ends_with("'s"));
    person_like.then_some(person)
}

/// A party tag ("R-Neb.", "D-Calif", "R-AL") or a place or company abbreviation set off
/// after a name ("D.C.", "Inc."): words that qualify a name, never the speaker's own.
fn is_tag(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    let party = w.len() >= 3
        && w.as_bytes()[1] == b'-'
        && matches!(w.as_bytes()[0], b'R' | b'D' | b'I')
        && w[2..].chars().all(|c| c.is_ascii_alphabetic() || c == '.')
        && w[2..].starts_with(|c: char| c.is_ascii_uppercase());
    party
        || is_dotted_abbreviation(w)
        || matches!(
            w,
            "Inc" | "Ltd" | "LLC" | "Corp" | "Co" | "Plc" | "PLC" | "Jr" | "Sr"
        )
}

/// Capital letters joined by full stops ("U.S", "D.C", "N.Y."), as in a place abbreviation.
fn is_dotted_abbreviation(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    w.contains('.')
        && w.split('.')
            .all(|p| p.len() == 1 && p.starts_with(|c: char| c.is_ascii_uppercase()))
}

/// "I’m", "We’ve", "You’re": the pronoun of a pronoun contracted with its verb.
fn contracted_pronoun(w: &str) -> Option<&str> {
    let at = w.find(['’', '\''])?;
    let (pronoun, rest) = w.split_at(at);
    let verb = rest.trim_start_matches(['’', '\'']);
    (matches!(
        fold(pronoun).as_str(),
        "i" | "we" | "you" | "they" | "he" | "she"
    ) && matches!(verb, "m" | "re" | "ve" | "ll" | "d"))
    .then_some(pronoun)
}

/// A word after which a subject phrase has run into its verb: an auxiliary or negated
/// auxiliary ("have long", "don’t yet know"), a relative pronoun ("staffers who"), a
/// frequency adverb ("the term often used") or, ending the phrase (`last`), a manner
/// adverb ("Brooke tearfully"; not nouns ending in "-ly" such as "family"; inside the
/// phrase it qualifies an adjective: "A similarly fresh Reuters poll").
fn runs_into_verb(w: &str, last: bool) -> bool {
    let folded = fold(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '’' && c != '\''));
    let auxiliary = FINITE_AUXILIARIES.contains(&folded.as_str())
        || matches!(folded.as_str(), "who" | "often")
        || folded.ends_with("n’t")
        || folded.ends_with("n't");
    let adverb = w.starts_with(char::is_lowercase)
        && folded.len() > 5
        && folded.ends_with("ly")
        && !matches!(
            folded.as_str(),
            "family"
                | "assembly"
                | "supply"
                | "monopoly"
                | "anomaly"
                | "daily"
                | "weekly"
                | "monthly"
                | "quarterly"
                | "rally"
                | "ally"
        );
    auxiliary || (adverb && last)
}

/// Where the words a possessive qualifies begin ("The minister's spokesman" → at
/// "spokesman"), when a possessive stands inside the phrase.
fn possessed_at(written: &str) -> Option<usize> {
    ["’s ", "'s "]
        .iter()
        .filter_map(|m| written.rfind(m).map(|i| i + m.len()))
        .max()
        .filter(|&at| at < written.len())
}

/// Most words of a description that "who" can stand for ([`described_part`]).
const MAX_ANTECEDENT_WORDS: usize = 6;

/// "…,” the official, who asked not to be named, said": the last comma part of `clause`
/// (or the object of its last preposition) when it is a short phrase opening with a
/// determiner ("the official").
fn described_part(clause: &str) -> Option<(usize, usize)> {
    let start = clause.rfind(',').map_or(0, |i| i + 1);
    // "The plan was praised by the official, who …": the object of the last preposition
    // ("of" aside: "the head of the council" is one phrase).
    let start = word_offsets(&clause[start..])
        .filter(|&(_, w)| {
            matches!(
                fold(w).as_str(),
                "by" | "to" | "with" | "from" | "for" | "at" | "on" | "in" | "about"
            )
        })
        .last()
        .map_or(start, |(at, w)| start + at + w.len());
    let part = &clause[start..];
    let opening = |c: char| c.is_whitespace() || matches!(c, '”' | '"' | '’' | '\'');
    let lead = part.len() - part.trim_start_matches(opening).len();
    let phrase = part[lead..].trim_end();
    let words = phrase.split_whitespace().count();
    (words <= MAX_ANTECEDENT_WORDS && starts_with_determiner(phrase))
        .then(|| (start + lead, start + lead + phrase.len()))
}

/// What "who" (", who said"), "which" ("the Authority, which said") and "it" ("…,” it
/// said") stand for: for "who" and "which", the name ending the words before its comma;
/// for "it" (and a "which" without such a name), the nearest organisation named before it
/// in the last three sentences.
fn relative_antecedent(
    doc: &Doc,
    span: Span,
    pronoun: &str,
    entities: &[Entity],
    quotes: &[Span],
) -> Option<Speaker> {
    let text = doc.text();
    let named = |s: Span| Speaker {
        name: strip_titles(s.slice(text)),
        span: s,
        entity: None,
        written: s,
    };
    if pronoun == "who" || pronoun == "which" {
        let before_comma = || {
            let before = text.get(..span.start)?.trim_end().strip_suffix(',')?;
            let sentence = doc.layer.sentence_at(span.start)?;
            let from = doc.layer.sentences[sentence].start.min(before.len());
            let clause = text.get(from..before.len())?;
            let (a, b) =
                super::attribution::trailing_name(clause).or_else(|| described_part(clause))?;
            Some(Span::new(from + a, from + b))
        };
        if let Some(s) = before_comma() {
            let entity = entity_for(doc, s, &strip_titles(s.slice(text)), entities);
            return Some(Speaker { entity, ..named(s) });
        }
        if pronoun == "who" {
            return None;
        }
    }
    let here = doc.layer.sentence_at(span.start)?;
    let outside = |s: Span| !quotes.iter().any(|q| q.overlaps(s));
    entities
        .iter()
        .filter(|e| e.kind == EntityKind::Organization)
        .flat_map(|e| e.mentions.iter().map(move |m| (e, m)))
        .filter(|(_, m)| m.document == doc.id() && m.end <= span.start && outside(m.span()))
        .filter(|(_, m)| {
            doc.layer
                .sentence_at(m.start)
                .is_some_and(|i| i + 3 >= here)
        })
        .max_by_key(|(_, m)| m.end)
        .map(|(e, m)| Speaker {
            entity: Some(e.id.clone()),
            ..named(m.span())
        })
}

/// "the minister", "the president": the nearest name before it carrying that title
/// ("Interior Minister Ilyas Kharazov"), within a few sentences.
pub(super) fn role_antecedent(
    doc: &Doc,
    span: Span,
    written: &str,
    quotes: &[Span],
) -> Option<Speaker> {
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
/// Bagheri"), unless nothing would remain or the title goes on with a lowercase word
/// ("Secretary of State Mike Pompeo" stays whole: where its complement ends is not written,
/// and "of State Mike Pompeo" named no one; "a spokesman for the ministry" had become "for
/// the ministry"); a parenthesised acronym is kept.
pub(crate) fn strip_titles(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let cut = words
        .iter()
        .rposition(|w| TITLES.contains(&fold(w.trim_end_matches([',', '.'])).as_str()))
        .map_or(0, |i| i + 1);
    // "Secretary of State …", "a spokesman for the ministry": the title is part of a
    // description, not the head of a name ("Foreign Minister Hossein Amir-Abdollahian").
    let title_goes_on = words.get(cut).is_some_and(|w| !is_capitalised(w));
    let kept = if cut < words.len() && !title_goes_on {
        &words[cut..]
    } else {
        &words[..]
    };
    kept.join(" ")
}

/// The entity whose mention overlaps the speaker's words from their start, or whose alias
/// is the speaker's name.
pub(super) fn entity_for(doc: &Doc, span: Span, name: &str, entities: &[Entity]) -> Option<String> {
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
    if by_span.is_none() {
        if let Some(decided) = by_surname(doc, span, &folded, entities) {
            return decided.map(|e| e.id.clone());
        }
    }
    by_span
        .or_else(|| {
            entities
                .iter()
                .find(|e| e.aliases.iter().any(|a| fold(a) == folded) || fold(&e.name) == folded)
        })
        .map(|e| e.id.clone())
}

/// A bare surname that several people carry ("Kharazov" for the minister and the
/// engineer): `Some` of the one named in full nearest before it in the same document, or
/// `Some(None)` when none is (ambiguous: left unresolved rather than guessed); `None` when
/// the name is no such surname.
fn by_surname<'a>(
    doc: &Doc,
    span: Span,
    surname: &str,
    entities: &'a [Entity],
) -> Option<Option<&'a Entity>> {
    if surname.contains(' ') || surname.is_empty() {
        return None;
    }
    let carriers: Vec<&Entity> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .filter(|e| {
            e.aliases
                .iter()
                .chain(std::iter::once(&e.name))
                .any(|a| a.split_whitespace().next_back().map(fold).as_deref() == Some(surname))
        })
        .collect();
    if carriers.len() < 2 {
        return None;
    }
    let nearest = carriers
        .into_iter()
        .flat_map(|e| e.mentions.iter().map(move |m| (e, m)))
        .filter(|(_, m)| m.document == doc.id() && m.end <= span.start)
        .filter(|(_, m)| m.span().slice(doc.text()).split_whitespace().count() >= 2)
        .max_by_key(|(_, m)| m.end)
        .map(|(e, _)| e);
    Some(nearest)
}

/// The person a "he"/"she" at `pos` refers to: with entities, the nearest person mention
/// before it outside quotes; without, the first person-like name of the nearest of the
/// preceding sentences that has one.
pub(super) fn antecedent(
    doc: &Doc,
    pos: usize,
    entities: &[Entity],
    quotes: &[Span],
) -> Option<Speaker> {
    let text = doc.text();
    let outside = |s: Span| !quotes.iter().any(|q| q.overlaps(s));
    let pronoun = sex_of_pronoun(pos, text);
    let best = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .filter(|e| compatible(pronoun, entity_sex(doc, e)))
        .flat_map(|e| e.mentions.iter().map(move |m| (e, m)))
        .filter(|(_, m)| m.document == doc.id() && m.end <= pos && outside(m.span()))
        .filter(|(_, m)| !names_a_place_or_day(m.span().slice(text)))
        .max_by_key(|(_, m)| m.end);
    if let Some((e, m)) = best {
        // "Rep. Robert Aderholt (R-AL), …. “…,” he said": the entity stage may take the
        // party tag for the person; the span stays, the name is the tag's owner's.
        let named = Some(m.span())
            .filter(|s| is_tag(s.slice(text)))
            .and_then(|s| tag_owner(doc, s, quotes))
            .unwrap_or(m.span());
        return Some(Speaker {
            name: strip_titles(named.slice(text)),
            span: m.span(),
            entity: Some(e.id.clone()),
            written: m.span(),
        });
    }
    let people = person_names(doc, quotes);
    let here = doc.layer.sentence_at(pos).unwrap_or(0);
    for sentence in (here.saturating_sub(4)..=here).rev() {
        if let Some(span) = people.iter().find(|s| {
            doc.layer.sentence_at(s.start) == Some(sentence)
                && s.end <= pos
                && compatible(pronoun, sex_of_words(s.slice(text)))
        }) {
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
pub(super) fn person_names(doc: &Doc, quotes: &[Span]) -> Vec<Span> {
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
        let plain_name =
            (2..=4).contains(&words.len()) && !org && !names_a_place_or_day(run.slice(text));
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

/// Whether a capitalised run ends in a word heading the name of a day, a room or a street
/// ("Election Day", "the Cabinet Room", "1119 Eighth St."): the entity stage may take such
/// a run for a person, and a "he" would then refer back to it ("Trump tweeted before
/// Election Day. … “…,” he said").
fn names_a_place_or_day(run: &str) -> bool {
    let words: Vec<&str> = run.split_whitespace().collect();
    words.len() >= 2
        && words.last().is_some_and(|w| {
            matches!(
                fold(w.trim_end_matches([',', '.'])).as_str(),
                "day"
                    | "eve"
                    | "room"
                    | "street"
                    | "st"
                    | "avenue"
                    | "ave"
                    | "boulevard"
                    | "road"
                    | "square"
                    | "plaza"
                    | "airport"
                    | "station"
            )
        })
}

/// Runs of capitalised words (with "Dr."-style abbreviations), leading stopwords dropped
/// ("The", "In", "According").
pub(super) fn capital_runs(doc: &Doc) -> Vec<Span> {
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

/// The first entity with a mention in `doc` overlapping `span`.
pub(super) fn entity_on<'e>(doc: &Doc, span: Span, entities: &'e [Entity]) -> Option<&'e Entity> {
    entities.iter().find(|e| {
        e.mentions
            .iter()
            .any(|m| m.document == doc.id() && m.span().overlaps(span))
    })
}

/// Whether a phrase found as the subject of a clause, with no speech verb to vouch for it,
/// can be a speaker: a personal pronoun, a person or organisation the entity stage found
/// there, a proper name, or a descriptive phrase headed by a person, group, organisation
/// or document noun ("the Tajik defence minister", "state media", "the report"). Event and
/// thing nouns are not ("The airstrike occurred … Iranian “kamikaze” drones").
pub(super) fn speaker_like(doc: &Doc, span: Span, entities: &[Entity]) -> bool {
    let text = doc.text();
    let phrase = span.slice(text).trim_end_matches([',', '.']);
    let words: Vec<String> = phrase.split_whitespace().map(fold).collect();
    let Some(first) = words.first() else {
        return false;
    };
    // "They’re less hostile …": a pronoun contracted with its verb is still the pronoun.
    let pronoun = first.split('\'').next().unwrap_or(first);
    if PERSONAL_PRONOUNS.contains(&pronoun) {
        return true;
    }
    let kind_here = entity_on(doc, span, entities).map(|e| e.kind);
    if matches!(
        kind_here,
        Some(EntityKind::Person | EntityKind::Organization)
    ) {
        return true;
    }
    if names_a_possessed_thing(phrase) {
        return false;
    }
    let name = opens_name(phrase) && !capital_only_for_its_sentence(doc, span);
    if name
        && !matches!(
            kind_here,
            Some(EntityKind::Event | EntityKind::Product | EntityKind::Law)
        )
    {
        return true;
    }
    // The phrase may run on into its verb ("The article closes"): any of its words will do.
    words
        .iter()
        .any(|w| is_agent_noun(w.trim_end_matches("'s")))
}

/// A phrase whose only capital is that of the first word of its sentence, where that word
/// is a common one: written in lower case elsewhere in the text or an adverb ("Four hours
/// earlier", "Boos rained down", "Specifically, …"). Its capital says nothing of a name.
fn capital_only_for_its_sentence(doc: &Doc, span: Span) -> bool {
    let tokens = &doc.layer.tokens;
    let at = tokens.partition_point(|t| t.span.start < span.start);
    let Some(first) = tokens.get(at).filter(|t| t.span.start == span.start) else {
        return false;
    };
    let opens_sentence = at == 0 || tokens[at - 1].sentence != first.sentence;
    let later_capital = tokens[at + 1..]
        .iter()
        .take_while(|t| t.span.end <= span.end)
        .any(|t| t.capitalized);
    if !opens_sentence || later_capital {
        return false;
    }
    let word = first.folded.as_str();
    word.ends_with("ly") || tokens.iter().any(|t| !t.capitalized && t.folded == word)
}

/// "Donald Trump's latest victories", "Zuckoff's 13 Hours book": a name's possessive
/// followed by lower-case words none of which names someone who can speak is a thing the
/// name owns, not a speaker ("Trump's campaign" and "Clinton's aides" can speak). A
/// contracted "is" reads the same way and is no speaker either ("That's partly why …").
fn names_a_possessed_thing(phrase: &str) -> bool {
    let Some(at) = phrase.rfind("'s ").or_else(|| phrase.rfind("’s ")) else {
        return false;
    };
    let owned: Vec<&str> = phrase[at..].split_whitespace().skip(1).collect();
    let lower = |w: &&str| !w.starts_with(char::is_uppercase);
    let thing = |w: &&str| !is_agent_noun(&fold(w.trim_matches(|c: char| !c.is_alphanumeric())));
    owned.last().is_some_and(lower) && owned.iter().all(thing)
}

/// A noun naming someone who can speak (see [`AGENT_NOUNS`], [`AGENT_SUFFIXES`], titles).
fn is_agent_noun(folded: &str) -> bool {
    let singular = folded.strip_suffix('s').unwrap_or(folded);
    AGENT_NOUNS.contains(&folded)
        || AGENT_NOUNS.contains(&singular)
        || TITLES.contains(&folded)
        || TITLES.contains(&singular)
        || AGENT_SUFFIXES
            .iter()
            .any(|s| folded.len() > s.len() + 2 && folded.ends_with(s))
}

/// A person's sex as the text states it, to keep "she" from referring back to a man.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Sex {
    Female,
    Male,
}

/// The sex a pronoun at `pos` states ("he", "she"; none for "they" or a name).
fn sex_of_pronoun(pos: usize, text: &str) -> Option<Sex> {
    let word: String = text
        .get(pos..)?
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    match fold(&word).as_str() {
        "she" | "her" => Some(Sex::Female),
        "he" | "his" | "him" => Some(Sex::Male),
        _ => None,
    }
}

fn compatible(pronoun: Option<Sex>, person: Option<Sex>) -> bool {
    pronoun.zip(person).is_none_or(|(a, b)| a == b)
}

/// The sex stated by a name's words: an honorific or gendered role ("Mrs.", "spokeswoman")
/// or a given name that is almost always one sex's ("Hillary", "Donald"); None when the
/// words say nothing or disagree.
fn sex_of_words(name: &str) -> Option<Sex> {
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| fold(w.trim_end_matches([',', '.'])))
        .collect();
    let female = words.iter().any(|w| FEMALE_WORDS.contains(&w.as_str()))
        || words
            .first()
            .is_some_and(|w| FEMALE_NAMES.contains(&w.as_str()));
    let male = words.iter().any(|w| MALE_WORDS.contains(&w.as_str()))
        || words
            .first()
            .is_some_and(|w| MALE_NAMES.contains(&w.as_str()));
    match (female, male) {
        (true, false) => Some(Sex::Female),
        (false, true) => Some(Sex::Male),
        _ => None,
    }
}

/// The sex an entity's names and roles state in this document and across the story (the
/// words just before a mention count: "Mrs. Clinton" may be a mention "Clinton").
fn entity_sex(doc: &Doc, e: &Entity) -> Option<Sex> {
    let text = doc.text();
    let mut votes = e
        .aliases
        .iter()
        .chain(std::iter::once(&e.name))
        .chain(e.roles.iter())
        .filter_map(|n| sex_of_words(n))
        .collect::<Vec<Sex>>();
    for m in e.mentions.iter().filter(|m| m.document == doc.id()) {
        let before = text
            .get(..m.start)
            .and_then(|t| t.split_whitespace().next_back())
            .unwrap_or_default();
        let words = format!("{} {}", before, m.span().slice(text));
        if let Some(s) = sex_of_words(words.trim()) {
            votes.push(s);
        }
    }
    let female = votes.iter().filter(|s| **s == Sex::Female).count();
    let male = votes.len() - female;
    match female.cmp(&male) {
        std::cmp::Ordering::Greater => Some(Sex::Female),
        std::cmp::Ordering::Less => Some(Sex::Male),
        std::cmp::Ordering::Equal => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Titles before a name go; a title that goes on with a lowercase word ("of", "for")
    /// keeps the whole phrase, its complement's end not being written.
    #[test]
    fn titles_are_stripped_unless_they_go_on_with_of() {
        assert_eq!(
            strip_titles("Maj. Gen. Mohammad Bagheri"),
            "Mohammad Bagheri"
        );
        assert_eq!(
            strip_titles("Secretary of State Mike Pompeo"),
            "Secretary of State Mike Pompeo"
        );
        assert_eq!(strip_titles("Secretary Pompeo"), "Pompeo");
        assert_eq!(
            strip_titles("a spokesman for the ministry"),
            "a spokesman for the ministry"
        );
    }
}
