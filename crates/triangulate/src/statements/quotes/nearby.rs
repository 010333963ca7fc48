//! Extra speaker options for the learned chooser (`chooser.rs`): phrases the rule cascade
//! never proposes but PolNeAR often marks as the Source, read on train quotes none of
//! whose options was right. They only widen the option set; the cascade's choice is
//! unchanged, and the chooser's weights decide when they speak.
//!
//! - the subject nearest before the last speech cue ahead of the quote, a relative
//!   pronoun included ("Beck, who has in the past described Trump as “…”", "T-shirts
//!   appeared … that said “…”", "he began by saying, “…”");
//! - the nearest subject pronoun before the quote in its sentence ("That’s why he wanted
//!   to “go an extra step”");
//! - the relative pronoun whose clause holds the quote ("Trump, who has postured himself
//!   as the “law and order candidate,”").

use super::attribution::{
    is_capitalised, is_name_word, is_preposition, opens_own_subject, starts_with_determiner,
    word_offsets, Found,
};
use super::lexicon::{is_capital_cue, is_cue_word, verb_re, NAME_PARTICLES, PERSONAL_PRONOUNS};
use crate::model::Span;
use crate::text::fold;

/// Words that stand as the subject of a clause: personal and relative pronouns.
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "who", "which", "that", "it"];

/// Pronouns looked for as the nearest subject of the quote's sentence (no "that" nor
/// "it": too often a conjunction or a dummy subject there).
const NEAREST_PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "who", "which"];

/// Most words looked back from a cue for its subject.
const MAX_SUBJECT_WORDS: usize = 6;

/// Most words looked back from the quote for a pronoun.
const MAX_PRONOUN_WORDS: usize = 15;

/// Most capitalised words taken as one name.
const MAX_NAME_WORDS: usize = 6;

/// The subject nearest before the last speech cue in `text[from..open]`: a pronoun
/// (relative ones included) or a capitalised name, at most a few words before the cue.
pub(super) fn cue_subject(text: &str, from: usize, open: usize) -> Option<Found> {
    let pre = text.get(from..open)?;
    let words: Vec<(usize, &str)> = word_offsets(pre).collect();
    let is_cue = |w: &str| is_cue_word(&fold(w.trim_matches(|c: char| !c.is_alphanumeric())));
    let k = (0..words.len()).rev().find(|&k| is_cue(words[k].1))?;
    let (cue_at, cue_word) = words[k];
    let cue_word = cue_word.trim_end_matches(|c: char| !c.is_alphanumeric());
    let cue = Span::new(from + cue_at, from + cue_at + cue_word.len());
    let span = subject_before(&words[..k], from)?;
    Some(Found {
        span,
        cue: Some(cue),
        after: false,
    })
}

/// The nearest subject pronoun before the quote in `text[from..open]`.
pub(super) fn nearest_pronoun(text: &str, from: usize, open: usize) -> Option<Found> {
    let pre = text.get(from..open)?;
    let words: Vec<(usize, &str)> = word_offsets(pre).collect();
    let first = words.len().saturating_sub(MAX_PRONOUN_WORDS);
    (first..words.len()).rev().find_map(|k| {
        let (at, w) = words[k];
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        let object = k > 0 && is_preposition(words[k - 1].1);
        (NEAREST_PRONOUNS.contains(&fold(bare).as_str()) && !object).then(|| Found {
            span: word_span(from + at, w, bare),
            cue: None,
            after: false,
        })
    })
}

/// The relative pronoun whose clause holds the quote: "who", or "which" before a speech
/// verb ("which notes"), with no comma,
/// colon, semicolon or dash between it and the opening mark, and no subject of its own
/// after it ("Trump, who has postured himself as the “law and order candidate,”";
/// "Clinton who is looking to bring “people together”"; not "who Beck called").
pub(super) fn open_relative(text: &str, from: usize, open: usize) -> Option<Found> {
    let pre = text.get(from..open)?;
    let words: Vec<(usize, &str)> = word_offsets(pre).collect();
    let k = (0..words.len())
        .rev()
        .find(|&k| matches!(fold(words[k].1).as_str(), "who" | "which"))?;
    let (at, w) = words[k];
    let rest = &pre[at + w.len()..];
    let broken = rest.contains([',', ';', ':', '—', '–', '(', ')']) || rest.contains(" - ");
    let next = words.get(k + 1).map(|&(_, w)| w);
    let own_subject = opens_own_subject(&pre[at..]);
    // "which" stands for a thing: only a speech verb makes it a source ("which reads").
    let things_speak = fold(w) == "who" || next.is_some_and(|n| is_cue_word(&fold(n)));
    (!broken && next.is_some() && !own_subject && things_speak).then(|| Found {
        span: Span::new(from + at, from + at + w.len()),
        cue: None,
        after: false,
    })
}

/// Conjunctions that open a clause of its own inside the quote's sentence ("Mirzo praised
/// the plan, although *he* warned that it was “…”").
const CLAUSE_CONJUNCTIONS: &[&str] = &[
    "although", "though", "but", "while", "whereas", "yet", "and",
];

/// Subordinators whose clause has a subject of its own ("Perez is winning applause as *he*
/// keeps talking about the “…”", "That’s why *he* wanted to “…”"), when the quote stands
/// in that clause and no speech verb before it makes the clause part of what was said
/// ("X is telling reporters that he … because he will have “…”": X's words).
const SUBORDINATING: &[&str] = &[
    "as", "because", "since", "why", "when", "after", "before", "if", "until", "whether",
];

/// The subject of the clause the quote stands in, when that clause is not the sentence's
/// first: a personal pronoun right after a conjunction ("…, although she made it clear that
/// she has “…”", "… and he has long used that fact to …“…”"). Returns where the clause
/// opens (the conjunction) and the subject. A verb must follow the
/// subject: a lowercase word that is no conjunction ("she and her aides" is a subject
/// still being listed).
pub(super) fn own_clause_subject(text: &str, from: usize, open: usize) -> Option<(usize, Found)> {
    let pre = text.get(from..open)?;
    let words: Vec<(usize, &str)> = word_offsets(pre).collect();
    let verb_follows = |k: usize| {
        words.get(k).is_some_and(|&(_, w)| {
            let f = fold(w);
            w.starts_with(char::is_lowercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '’' || c == '\'')
                && !matches!(f.as_str(), "and" | "or" | "nor" | "who" | "that")
                && !PERSONAL_PRONOUNS.contains(&f.as_str())
        })
    };
    (0..words.len()).rev().find_map(|k| {
        let (at, w) = words[k];
        let f = fold(w);
        // Any speech verb before it, active or not ("is telling reporters that …").
        let reported = || {
            verb_re()
                .find_iter(&pre[..at])
                .any(|m| !is_capital_cue(m.as_str()))
        };
        // The quote must stand in the subordinate clause itself: no comma between
        // ("after they came out, saying …“…”" is the sentence subject's).
        let subordinate =
            SUBORDINATING.contains(&f.as_str()) && !pre[at..].contains(',') && !reported();
        if !CLAUSE_CONJUNCTIONS.contains(&f.as_str()) && !subordinate {
            return None;
        }
        let &(p_at, p) = words.get(k + 1)?;
        if !PERSONAL_PRONOUNS.contains(&fold(p).as_str()) || !verb_follows(k + 2) {
            return None;
        }
        let span = Span::new(from + p_at, from + p_at + p.len());
        Some((
            from + at,
            Found {
                span,
                cue: None,
                after: false,
            },
        ))
    })
}

/// Nouns naming a survey that reports what its respondents said.
const SURVEY_NOUNS: &[&str] = &["poll", "survey", "study", "report"];

/// The word opening a survey's name, taken as its cue.
const SURVEY_CUE: &str = "In";

/// Most words of a survey's name after "In" ("a September Washington Post-ABC News poll").
const MAX_SURVEY_WORDS: usize = 10;

/// "In a national CNN/ORC poll released Monday, 31% of Republicans said they were “…”":
/// the survey named by the phrase opening the sentence (`text[from..open]`) is the channel
/// its respondents' words came through; "In" is its cue.
pub(super) fn survey(text: &str, from: usize, open: usize) -> Option<Found> {
    let pre = text.get(from..open)?;
    let lead = pre.len() - pre.trim_start().len();
    let rest = pre[lead..].strip_prefix(SURVEY_CUE)?.strip_prefix(' ')?;
    let phrase = &rest[..rest.find(',')?];
    let words: Vec<String> = phrase.split_whitespace().map(fold).collect();
    let determined = words
        .first()
        .is_some_and(|w| matches!(w.as_str(), "a" | "an" | "the"));
    let names_a_survey = words.iter().any(|w| SURVEY_NOUNS.contains(&w.as_str()));
    if !determined || !names_a_survey || words.len() > MAX_SURVEY_WORDS {
        return None;
    }
    let cue_at = from + lead;
    let at = cue_at + SURVEY_CUE.len() + 1;
    Some(Found {
        span: Span::new(at, at + phrase.len()),
        cue: Some(Span::new(cue_at, cue_at + SURVEY_CUE.len())),
        after: false,
    })
}

/// Most words taken as the source after "according to".
const MAX_SOURCE_WORDS: usize = 12;

/// The source named by "according to" in `text[from..to]`, outside the quote's interior
/// `quote`: "According to GMA News, Salceda said the “…”" and "“…,” O’Malley said at a
/// press conference, according to the Las Vegas Sun." (PolNeAR marks the outer source).
/// The source runs to the next comma, full stop or quotation mark.
pub(super) fn according_to(text: &str, from: usize, to: usize, quote: Span) -> Option<Found> {
    let window = text.get(from..to)?;
    let lower = window.to_lowercase();
    // Lower-casing keeps the byte length of ASCII; other text is not searched.
    if lower.len() != window.len() {
        return None;
    }
    lower.match_indices("according to ").find_map(|(i, m)| {
        let cue = Span::new(from + i, from + i + m.trim_end().len());
        let start = from + i + m.len();
        if quote.contains(cue) || (cue.start < quote.end && quote.start < cue.end) {
            return None;
        }
        let rest = text.get(start..to)?;
        let end = rest
            .find([',', '.', ';', ':', '“', '”', '"', '(', '\n'])
            .unwrap_or(rest.len());
        let phrase = rest[..end].trim_end();
        let words = phrase.split_whitespace().count();
        let span = Span::new(start, start + phrase.len());
        (words > 0 && words <= MAX_SOURCE_WORDS && !quote.overlaps(span)).then_some(Found {
            span,
            cue: Some(cue),
            after: cue.start >= quote.end,
        })
    })
}

/// Looking back from the end of `words`: the nearest pronoun, or the nearest run of
/// capitalised words (a name), within [`MAX_SUBJECT_WORDS`].
fn subject_before(words: &[(usize, &str)], base: usize) -> Option<Span> {
    let first = words.len().saturating_sub(MAX_SUBJECT_WORDS);
    for j in (first..words.len()).rev() {
        let (at, w) = words[j];
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        if bare.is_empty() {
            continue;
        }
        // "to which 21 percent said": a relative pronoun after a preposition is its object.
        let object = j > 0 && is_preposition(words[j - 1].1);
        if SUBJECT_PRONOUNS.contains(&fold(bare).as_str()) && !object {
            return Some(word_span(base + at, w, bare));
        }
        // "The water authority said": a capitalised article opens a common noun phrase.
        if is_capitalised(bare) && !starts_with_determiner(bare) && !w.ends_with(['.', ':', ';']) {
            let end = word_span(base + at, w, bare).end;
            let mut start = word_span(base + at, w, bare).start;
            let mut i = j;
            while i > 0 && j - i + 1 < MAX_NAME_WORDS {
                let (pat, pw) = words[i - 1];
                let pbare = pw.trim_matches(|c: char| !c.is_alphanumeric());
                // "Bill de Blasio": a name particle between two capitalised words.
                let particle =
                    i >= 2 && NAME_PARTICLES.contains(&pw) && is_capitalised(words[i - 2].1);
                if pbare.is_empty()
                    || !(is_name_word(pw) || particle)
                    || pw.ends_with([',', ';', ':'])
                {
                    break;
                }
                start = word_span(base + pat, pw, pbare).start;
                i -= 1;
            }
            return Some(Span::new(start, end));
        }
    }
    None
}

/// The span of `bare` (a word trimmed of punctuation) inside the word `w` at `at`.
fn word_span(at: usize, w: &str, bare: &str) -> Span {
    let lead = bare.as_ptr() as usize - w.as_ptr() as usize;
    Span::new(at + lead, at + lead + bare.len())
}

/// The outlet a sentence closes on as the reporter of what it says: its last comma part
/// after the quote is "CNN reported", "The Washington Post reported in 1991" or "reports
/// USA Today". `text[from..to]` is the rest of the quote's sentence after the quote.
pub(super) fn reported_by(text: &str, from: usize, to: usize) -> Option<Found> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r"^(?:(?P<before>(?:[Tt]he )?\p{Lu}[\p{L}\p{N}’'.&-]*(?: \p{Lu}[\p{L}\p{N}’'.&-]*){0,5}) (?:first |also )?(?P<verb>report(?:ed|s))(?P<tail>(?: [\p{L}\p{N}]+){0,3})|(?P<cue>report(?:ed|s)) (?P<after>(?:the )?\p{Lu}[\p{L}\p{N}’'.&-]*(?: \p{Lu}[\p{L}\p{N}’'.&-]*){0,5}))$",
        )
        .expect("valid pattern")
    });
    let tail = text.get(from..to)?;
    let body = tail.trim_end().trim_end_matches(['.', '!', '?']);
    let part_at = from + body.rfind(", ")? + 2;
    let caps = re.captures(text.get(part_at..from + body.len())?)?;
    let source = caps.name("before").or_else(|| caps.name("after"))?;
    let cue = caps.name("verb").or_else(|| caps.name("cue"))?;
    let at = |m: regex::Match| Span::new(part_at + m.start(), part_at + m.end());
    Some(Found {
        span: at(source),
        cue: Some(at(cue)),
        after: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn before<'a>(text: &'a str, marker: &str) -> (&'a str, usize) {
        (text, text.find(marker).expect("marker"))
    }

    fn slice(text: &str, f: Option<Found>) -> Option<&str> {
        f.map(|f| f.span.slice(text))
    }

    // PolNeAR-style sentences (news wording of the 2016 campaign), as in the train quotes
    // whose Source no rule proposed.
    #[test]
    fn relative_pronoun_before_the_cue_is_the_subject() {
        let (t, open) = before(
            "Beck, who has in the past described Trump as “a pathological narcissistic sociopath”",
            "“",
        );
        let f = cue_subject(t, 0, open);
        assert_eq!(slice(t, f), Some("who"));
        assert_eq!(f.and_then(|f| f.cue).map(|c| c.slice(t)), Some("described"));
    }

    #[test]
    fn relative_pronoun_whose_clause_holds_the_quote() {
        let (t, open) = before(
            "Trump, who has postured himself as the “law and order candidate,” has taken a hard line.",
            "“",
        );
        assert_eq!(slice(t, open_relative(t, 0, open)), Some("who"));
        // A comma closes the clause: its pronoun does not hold the quote.
        let (t, open) = before(
            "Ervin, who spoke first, said they “need to collaborate.”",
            "“",
        );
        assert_eq!(slice(t, open_relative(t, 0, open)), None);
        // "who Beck called": the clause has a subject of its own.
        let (t, open) = before("Bagheri, who Beck called “a friend”", "“");
        assert_eq!(slice(t, open_relative(t, 0, open)), None);
    }

    #[test]
    fn pronoun_before_a_participle_cue() {
        let (t, open) = before(
            "Last week he used stronger language, saying the group “must be destroyed.”",
            "“",
        );
        assert_eq!(slice(t, cue_subject(t, 0, open)), Some("he"));
    }

    #[test]
    fn a_name_before_the_cue_is_taken_whole() {
        let (t, open) = before(
            "Interior Minister Ilias Harazov warned, “We will rebuild.”",
            "“",
        );
        assert_eq!(
            slice(t, cue_subject(t, 0, open)),
            Some("Interior Minister Ilias Harazov")
        );
    }

    // Sentences of the demo corpus (demo/corpus): the generators propose nothing wrong
    // where the rules already find the speaker.
    #[test]
    fn demo_corpus_common_noun_subject_is_not_an_article() {
        // main-06-meridian-ledger.html
        let (t, open) = before(
            "The water authority said in a written reply that it \"does not comment on internal correspondence while an investigation is under way\".",
            "\"",
        );
        assert!(cue_subject(t, 0, open).is_none());
        assert!(nearest_pronoun(t, 0, open).is_none());
    }

    #[test]
    fn demo_corpus_pronoun_before_the_cue() {
        // other-02-coastline-gazette.txt: the second quote follows "she said".
        let t = "Coach Ottilie Marsk, who took over a team fighting relegation two years ago, \
                 was doused in water by her players during the post-match press conference. \
                 \"This club has suffered a lot of bad days,\" she said. \"Today belongs to \
                 the people of this town.\"";
        let open = t.find("\"Today").expect("second quote");
        let from = t.find("\" she").expect("first quote end") + 1;
        let f = cue_subject(t, from, open);
        assert_eq!(slice(t, f), Some("she"));
        assert_eq!(f.and_then(|f| f.cue).map(|c| c.slice(t)), Some("said"));
        assert_eq!(slice(t, nearest_pronoun(t, from, open)), Some("she"));
    }

    // ababil-2022 wording (mehr-001: "According to Fars News, General Bagheri described
    // …") with a quote in the reported clause, and PolNeAR's trailing form.
    #[test]
    fn according_to_names_the_outer_source_before_or_after_the_quote() {
        let t = "According to Fars News, General Bagheri described the plant as “a turning point”.";
        let q = t.find("a turning").expect("quote");
        let quote = Span::new(q, t.find("”").expect("close"));
        let f = according_to(t, 0, t.len(), quote);
        assert_eq!(slice(t, f), Some("Fars News"));
        assert_eq!(
            f.and_then(|f| f.cue).map(|c| c.slice(t)),
            Some("According to")
        );
        let t = "“We will rebuild,” Mirzo said at a press conference, according to state media.";
        let quote = Span::new("“".len(), t.find("”").expect("close"));
        assert_eq!(
            slice(t, according_to(t, 0, t.len(), quote)),
            Some("state media")
        );
    }

    #[test]
    fn according_to_inside_the_quote_is_no_source() {
        let t = "Mirzo said: “All went according to plan, and the line opened.”";
        let quote = Span::new(t.find("All").expect("quote"), t.find("”").expect("close"));
        assert!(according_to(t, 0, t.len(), quote).is_none());
    }

    #[test]
    fn no_cue_no_subject() {
        let (t, open) = before("The plant opened on Tuesday with “great fanfare”.", "“");
        assert!(cue_subject(t, 0, open).is_none());
    }

    #[test]
    fn nearest_pronoun_skips_the_introduction() {
        let (t, open) = before(
            "That’s why he wanted to “go an extra step” to understand them.",
            "“",
        );
        assert_eq!(slice(t, nearest_pronoun(t, 0, open)), Some("he"));
    }
}
