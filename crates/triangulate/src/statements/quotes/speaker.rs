//! Resolving a speaker phrase: pronouns to the nearest person named before, role
//! descriptions ("the minister") to the name holding the role, names to entities.

use std::collections::BTreeSet;

use super::attribution::Found;
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
    // "Bagheri’s claim": the possessor speaks.
    let written = written
        .strip_suffix("’s")
        .or_else(|| written.strip_suffix("'s"))
        .unwrap_or(written);
    let folded = fold(written);
    let resolved = if matches!(folded.as_str(), "who" | "which" | "it") {
        relative_antecedent(doc, found.span, &folded, entities, quotes).or_else(|| {
            Some(Speaker {
                name: written.to_string(),
                span: found.span,
                entity: None,
                written: found.span,
            })
        })
    } else if PRONOUNS.contains(&folded.as_str()) || matches!(folded.as_str(), "his" | "her") {
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
        let name = strip_titles(written);
        let entity = entity_for(doc, found.span, &name, entities);
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

/// Where the words a possessive qualifies begin ("The minister's spokesman" → at
/// "spokesman"), when a possessive stands inside the phrase.
fn possessed_at(written: &str) -> Option<usize> {
    ["’s ", "'s "]
        .iter()
        .filter_map(|m| written.rfind(m).map(|i| i + m.len()))
        .max()
        .filter(|&at| at < written.len())
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
            let (a, b) = super::attribution::trailing_name(text.get(from..before.len())?)?;
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
/// Bagheri"), unless nothing would remain or the title goes on with "of" ("Secretary of
/// State Mike Pompeo" stays whole: where its complement ends is not written, and "of State
/// Mike Pompeo" named no one); a parenthesised acronym is kept.
pub(crate) fn strip_titles(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let cut = words
        .iter()
        .rposition(|w| TITLES.contains(&fold(w.trim_end_matches([',', '.'])).as_str()))
        .map_or(0, |i| i + 1);
    let title_goes_on = words.get(cut).is_some_and(|w| *w == "of");
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
    if matches!(first.as_str(), "he" | "she" | "they" | "i" | "we") {
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
    let name = phrase.starts_with(char::is_uppercase) && !crate::text::is_stopword(first);
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

    /// Titles before a name go; a title that goes on with "of" keeps the whole phrase, its
    /// complement's end not being written.
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
    }
}
