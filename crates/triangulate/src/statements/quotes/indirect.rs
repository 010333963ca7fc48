//! Reported (indirect) speech: "Bagheri pointed out that Iran has been able to …",
//! "Kharazov called the collapse “no accident”", "X told reporters that …". The clause after the
//! cue is what was said; quoted words inside it are partial quotes of that attribution.

use super::attribution::{
    coordinated_subject, counts_people, is_introductory, prev_char_start, subject_of, Found,
    PREPOSITIONS,
};
use super::lexicon::{
    is_active_cue, is_capital_cue, opens_name, verb_re, FINITE_AUXILIARIES, PARTICIPLES,
    PERSONAL_PRONOUNS, SPEAKER_AFTER,
};
use crate::model::Span;
use crate::text::{fold, Doc};

/// One reported clause: its speaker phrase, its cue and the clause.
#[derive(Clone, Copy, Debug)]
pub(super) struct Reported {
    pub(super) found: Found,
    pub(super) clause: Span,
}

/// Words after a cue that open its clause ("said *that* …"); searched within a few words
/// of the cue so that "told reporters on Friday that …" reads the clause after "that".
const COMPLEMENTISERS: &[&str] = &["that"];

/// How many words may stand between a cue and "that" (the object of "told", a time).
const MAX_OBJECT_WORDS: usize = 8;

/// Fewest words a reported clause must have to be a statement.
const MIN_CLAUSE_WORDS: usize = 3;

/// Reported clauses of a document, at most one per sentence (the first cue with a
/// subject), outside quotation marks.
pub(super) fn reported_clauses(doc: &Doc, quotes: &[Span]) -> Vec<Reported> {
    let text = doc.text();
    let mut out = Vec::new();
    for sentence in &doc.layer.sentences {
        if let Some(r) = in_sentence(text, *sentence, quotes) {
            out.push(r);
        }
    }
    out
}

fn in_sentence(text: &str, sentence: Span, quotes: &[Span]) -> Option<Reported> {
    let s = sentence.slice(text);
    for m in verb_re().find_iter(s) {
        if is_capital_cue(m.as_str()) {
            continue;
        }
        let cue = Span::new(sentence.start + m.start(), sentence.start + m.end());
        if quotes.iter().any(|q| q.overlaps(cue)) || !is_active_cue(&s[..m.start()]) {
            continue;
        }
        let cue_word = fold(m.as_str());
        if SPEAKER_AFTER.contains(&cue_word.as_str()) || PARTICIPLES.contains(&cue_word.as_str()) {
            continue;
        }
        // The subject stands after the last quote before the cue: "“…,” he said, adding …"
        // is the direct quote's attribution, not a reported clause.
        let from = quotes
            .iter()
            .filter(|q| q.end <= cue.start && q.end > sentence.start)
            .map(|q| q.end)
            .max()
            .unwrap_or(sentence.start);
        if from > sentence.start {
            return None;
        }
        // "Trump went after Bush, calling him “…”": a participle set off by a comma
        // reports the words of the sentence's subject, not of the object before it.
        let participle = cue_word.ends_with("ing") && s[..m.start()].trim_end().ends_with(',');
        let found = if participle {
            super::context::sentence_subject(text, from, cue.start)
        } else {
            coordinated_subject(text, from, cue.start).or_else(|| subject_of(text, from, cue.start))
        }
        .filter(|f| is_subject(f.span.slice(text)))?;
        // "…, a deal announced at the beginning of the week": after a clause, only a verb
        // of saying makes an indefinite phrase a speaker ("…, a spokesman said").
        let indefinite = matches!(
            text.get(found.span.start..found.span.end)
                .and_then(|w| w.split_whitespace().next())
                .map(fold)
                .as_deref(),
            Some("a" | "an")
        );
        let saying = matches!(
            cue_word.as_str(),
            "said" | "says" | "told" | "tells" | "added" | "adds" | "wrote" | "writes"
        );
        let inverted = (!indefinite || saying)
            .then(|| clause_before(text, from, found.span.start, cue.end, sentence.end))
            .flatten();
        let clause = match inverted {
            Some(before) => before,
            None => clause_after(text, &cue_word, cue.end, sentence.end)?,
        };
        let clause = before_a_straddling_quote(text, clause, quotes);
        let quoted = quotes.iter().any(|q| clause.contains(*q));
        if !quoted && !starts_with_that(text, clause) && !SAY_VERBS.contains(&cue_word.as_str()) {
            // "declared three days of mourning", "blamed the rebels": an object, not a
            // statement, unless a quote shows the words were said.
            return None;
        }
        return Some(Reported {
            found: Found {
                cue: Some(cue),
                ..found
            },
            clause,
        });
    }
    None
}

/// The clause cut before a quote handed over inside it that goes on after it ("… a
/// fundraiser, in which Adelson said: “Trump is a businessman. I am …”", where the sentence
/// ends inside the quote): that quote is speech of its own, not part of the report.
fn before_a_straddling_quote(text: &str, clause: Span, quotes: &[Span]) -> Span {
    // A quote whose last full stop ends the sentence ("… a more sustainable planet.”")
    // does not go on past the clause: only words after the clause's end do.
    let goes_on = |q: &Span| {
        text.get(clause.end..q.end)
            .is_some_and(|rest| rest.chars().any(char::is_alphanumeric))
    };
    // Only a quote handed over by a colon or comma is speech of its own ("said: “…"); one
    // running on from the clause ("and knowing that “our work …") is its partial quote.
    let handed_over = |q: &Span| {
        text[..q.start]
            .trim_end_matches(['"', '“', '‘'])
            .trim_end()
            .ends_with([':', ','])
    };
    let Some(q) = quotes
        .iter()
        .find(|q| q.start > clause.start && q.start < clause.end && goes_on(q) && handed_over(q))
    else {
        return clause;
    };
    let open = prev_char_start(text, q.start);
    let kept = text[clause.start..open.max(clause.start)].trim_end();
    Span::new(clause.start, clause.start + kept.len())
}

/// Verbs whose object is a statement even without "that" ("said the state would cover …").
const SAY_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "noted",
    "notes",
    "explained",
    "wrote",
    "writes",
    "argued",
    "argues",
    "insisted",
    "claimed",
    "claims",
    "warned",
    "announced",
    "reported",
    "acknowledged",
    "admitted",
    "replied",
    "responded",
    "tweeted",
    "predicted",
    "suggested",
    "stressed",
    "pointed out",
    "asserted",
    "declared",
    "concluded",
    "conceded",
    "recalled",
];

/// Cues whose first object is the person told ("told reporters he would …").
const TELL_VERBS: &[&str] = &["told", "tells", "telling"];

/// A subject worth naming: a name, a personal pronoun, or a determiner phrase ("the
/// ministry"), not a stray word ("and", "Several").
fn is_subject(s: &str) -> bool {
    let Some(first) = s.split_whitespace().next() else {
        return false;
    };
    let f = fold(first);
    let pronoun = PERSONAL_PRONOUNS.contains(&f.as_str());
    let determiner = matches!(
        f.as_str(),
        "the" | "a" | "an" | "its" | "his" | "her" | "their"
    );
    pronoun || determiner || opens_name(s) || counts_people(s)
}

fn starts_with_that(text: &str, clause: Span) -> bool {
    clause
        .slice(text)
        .split_whitespace()
        .next()
        .is_some_and(|w| COMPLEMENTISERS.contains(&fold(w).as_str()))
}

/// The clause after a cue: from "that" when it follows within a few words, else right
/// after the cue (and, after "told", after the person told); to the end of the sentence.
/// None when the cue opens a direct quote ("said: “…”"), is set off by a comma ("said,
/// his hands still caked …") or the clause is too short.
fn clause_after(text: &str, cue: &str, cue_end: usize, sentence_end: usize) -> Option<Span> {
    let rest = text.get(cue_end..sentence_end)?;
    let lead = rest.len() - rest.trim_start_matches([' ', ',', ':', '\u{a0}']).len();
    let body = &rest[lead..];
    if rest[..lead].contains([',', ':']) {
        return None;
    }
    let mut start = cue_end + lead;
    if TELL_VERBS.contains(&cue) {
        start += person_told(body);
    }
    for (k, (off, w)) in word_offsets(body).enumerate() {
        if k > MAX_OBJECT_WORDS || w.contains([',', '.', ';']) {
            break;
        }
        if COMPLEMENTISERS.contains(&fold(w).as_str()) {
            start = cue_end + lead + off;
            break;
        }
    }
    let clause = text.get(start..sentence_end)?.trim_end();
    let clause = &clause[..contrast_cut(clause)];
    let words = clause.split_whitespace().count();
    (words >= MIN_CLAUSE_WORDS).then(|| Span::new(start, start + clause.len()))
}

/// Openings of a clause that stands against the report ("…, while Cruz said that …").
const CONTRASTS: &[&str] = &[
    ", while ",
    ", whereas ",
    ", although ",
    ", though ",
    ", but ",
    "; ",
];

/// Most words between a contrasting clause's opening and its own cue ("while Cruz said").
const MAX_CONTRAST_SUBJECT_WORDS: usize = 6;

/// Where a reported clause ends before a contrasting clause that reports speech of its
/// own: "Rubio suggested that someone who doesn't answer questions can't be president,
/// while Cruz said that the “stakes in this election are too high”" reports Rubio's words
/// up to the comma; Cruz's words are Cruz's. The clause's length when none does.
fn contrast_cut(clause: &str) -> usize {
    // Its own subject first ("while Cruz said", "although he tweeted"), not a verb shared
    // with the report's ("but in a later interview said").
    let own_subject = |rest: &str| {
        rest.split_whitespace().next().is_some_and(|w| {
            w.starts_with(char::is_uppercase)
                || PERSONAL_PRONOUNS.contains(&fold(w).as_str())
                || matches!(
                    fold(w).as_str(),
                    "the" | "a" | "an" | "his" | "her" | "their"
                )
        })
    };
    let opens_a_report = |rest: &str| {
        own_subject(rest)
            && verb_re().find_iter(rest).any(|m| {
                rest[..m.start()].split_whitespace().count() <= MAX_CONTRAST_SUBJECT_WORDS
                    && !is_capital_cue(m.as_str())
                    && is_active_cue(&rest[..m.start()])
            })
    };
    // The comma may stand inside a closing quotation mark ("…a gun,” but he said that").
    let ends_a_quote = |at: usize| {
        let before = &clause[..at];
        let mark = before.trim_end_matches(['”', '"']);
        mark.len() < before.len() && mark.ends_with(',')
    };
    let after_a_quote = CONTRASTS
        .iter()
        .filter_map(|c| c.strip_prefix(','))
        .flat_map(|c| clause.match_indices(c))
        .filter(|&(at, _)| ends_a_quote(at))
        .map(|(at, c)| (at, at + c.len()));
    // "Cruz accuses Obama of “leading from behind” and Trump says he’s “…”", "…, and Trump
    // vowed to “…”": a clause joined by "and" after a quote or a comma, with a subject of
    // its own. Not after "that" ("notes that Coulter tweeted …, and Trump later called
    // Haley “…”" stays the report's), nor with a pronoun ("…, and he vowed to …" goes on).
    let closes_quote = |at: usize| clause[..at].ends_with(['”', '"']);
    let named_subject = |rest: &str| {
        rest.split_whitespace()
            .next()
            .is_some_and(|w| !PERSONAL_PRONOUNS.contains(&fold(w).as_str()))
    };
    let after_that = clause
        .split_whitespace()
        .next()
        .is_some_and(|w| fold(w) == "that");
    let joined = clause
        .match_indices(" and ")
        .filter(|&(at, _)| !after_that && (clause[..at].ends_with(',') || closes_quote(at)))
        .filter(|&(at, c)| named_subject(&clause[at + c.len()..]))
        .map(|(at, c)| (at, at + c.len()));
    CONTRASTS
        .iter()
        .flat_map(|c| clause.match_indices(c))
        .map(|(at, c)| (at, at + c.len()))
        .chain(after_a_quote)
        .chain(joined)
        .filter(|&(_, rest)| opens_a_report(&clause[rest..]))
        .map(|(at, _)| at)
        .min()
        .unwrap_or(clause.len())
}

/// "Iran will keep exporting drones, the chief of staff said on Tuesday, dismissing …": a
/// speaker set off by a comma after a clause, with only an adverbial (or nothing) after the
/// cue, reports the clause before it. `from..subject` is the text before the speaker.
fn clause_before(
    text: &str,
    from: usize,
    subject: usize,
    cue_end: usize,
    sentence_end: usize,
) -> Option<Span> {
    let before = text.get(from..subject)?.trim_end();
    let clause = before.strip_suffix(',')?.trim_end();
    let after = text.get(cue_end..sentence_end)?;
    let adverbial = ends_the_report(after);
    let reports_after = after
        .split_whitespace()
        .take(MAX_OBJECT_WORDS)
        .any(|w| COMPLEMENTISERS.contains(&fold(w).as_str()));
    // "TEHRAN (Reuters) - Iran will …": the dateline is no part of what was said.
    let lead =
        super::context::dateline_end(clause).unwrap_or(clause.len() - clause.trim_start().len());
    let words = clause[lead..].split_whitespace().count();
    (adverbial && !reports_after && words >= MIN_CLAUSE_WORDS && has_verb(&clause[lead..]))
        .then(|| Span::new(from + lead, from + clause.len()))
}

/// Whether the words after an inverted cue end the report: nothing, a time or place
/// ("on Tuesday", "in an interview") or a participle phrase ("…, dismissing …"); not the
/// rest of a clause that the attribution interrupts ("Lenox was a juggernaut, Mr. Clarke
/// said, until it went bankrupt").
fn ends_the_report(after: &str) -> bool {
    let rest = after.trim_start();
    let (comma, rest) = match rest.strip_prefix(',') {
        Some(r) => (true, r.trim_start()),
        None => (false, rest),
    };
    let Some(first) = rest.split_whitespace().next() else {
        return true;
    };
    let w = fold(first.trim_end_matches([',', '.', ';']));
    let participle = w.len() > 4 && w.ends_with("ing");
    rest.starts_with(['.', ';'])
        || participle
        || (!comma && (PREPOSITIONS.contains(&w.as_str()) || is_introductory(&w)))
}

/// Whether a clause holds a finite verb: an auxiliary or modal ("was", "could") or a past
/// tense ("failed"). "The latest test" or "Back in Virginia" is no statement.
fn has_verb(clause: &str) -> bool {
    clause.split_whitespace().any(|w| {
        let w = fold(w.trim_matches(|c: char| !c.is_alphanumeric()));
        FINITE_AUXILIARIES.contains(&w.as_str())
            || matches!(w.as_str(), "isn’t" | "isn't" | "won’t" | "won't")
            || (w.len() > 4 && w.ends_with("ed") && w.chars().all(char::is_alphabetic))
    })
}

/// Length of the person told at the start of `s` with its trailing blank: a capitalised
/// run ("Tarvania Today ") or one word ("reporters ").
fn person_told(s: &str) -> usize {
    let mut end = 0;
    for (k, (off, w)) in word_offsets(s).enumerate() {
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if (k > 0 && !capital) || w.contains([',', '.']) || fold(w) == "that" {
            break;
        }
        end = off + w.len();
        if !capital {
            break;
        }
    }
    let tail = &s[end..];
    end + (tail.len() - tail.trim_start().len())
}

fn word_offsets(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}
