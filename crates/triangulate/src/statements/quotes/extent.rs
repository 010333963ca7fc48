//! Which quoted passages are speech and how far their content reaches: titles of works
//! are not speech, the words a partial quote stands in end before the attribution that
//! closes them, and a quote split by its own attribution goes on after it.

use super::attribution::Found;
use crate::model::Span;

/// Closing marks after which a comma set inside the quote ends the clause.
const CLOSING_MARKS: &[char] = &['”', '"', '’', '\''];

/// Where the words before a closing attribution end, for a partial quote that hands over
/// to it ("… was “very assertive and interventionist,” said Gary Orfield", "… and was “a
/// greatly respected colleague,” the statement added"): at the comma that sets the
/// attribution (its cue or speaker, whichever comes first) off, which American style
/// writes inside the closing mark; then the clause ends after the mark. None when no comma
/// sets the attribution off.
pub(super) fn before_closing_attribution(text: &str, region: Span, found: &Found) -> Option<usize> {
    let from = found
        .cue
        .map_or(found.span.start, |c| c.start.min(found.span.start));
    let before = text.get(..from)?.trim_end();
    if let Some(clause) = before.strip_suffix(',') {
        return Some(clause.len());
    }
    let mark = before
        .chars()
        .next_back()
        .filter(|c| CLOSING_MARKS.contains(c))?;
    let mark_start = before.len() - mark.len_utf8();
    let comma_inside = text.get(..region.end)?.trim_end().ends_with(',');
    (mark_start == region.end && comma_inside).then_some(before.len())
}

/// Where the clause around a parenthetical attribution starts ("These and other sources,
/// the lawyers said, “all command the same conclusion”", "Putting the show together, Butz
/// said, allowed him to “…”"): at `start_of_clause`, when words stand before the speaker
/// (`found`) and its cue, set off by a comma, and a comma follows them.
pub(super) fn parenthetical(text: &str, found: &Found, start_of_clause: usize) -> Option<usize> {
    let cue = found.cue?;
    let first = cue.start.min(found.span.start);
    let last = cue.end.max(found.span.end);
    let lead = text.get(start_of_clause..first)?.trim_end();
    let set_off = lead.ends_with(',') && text.get(last..)?.starts_with(',');
    (set_off && lead.chars().any(char::is_alphanumeric)).then_some(start_of_clause)
}

/// Whether the quote at `region` is part of its clause rather than the whole of what
/// follows the attribution: it opens in lower case ("she said, “an implicit bargain.”") or
/// words follow it before the clause ends at `clause_end` ("“we do not know” how many …").
pub(super) fn quote_is_partial(text: &str, region: Span, clause_end: usize) -> bool {
    let lower = region
        .slice(text)
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase);
    let after = super::attribution::paragraph_end(text, region.end).min(clause_end);
    let tail = text.get(region.end..after.max(region.end)).unwrap_or("");
    lower || tail.chars().any(char::is_alphanumeric)
}

/// Most words an attribution splitting one quote may have (", the Florida senator said, ",
/// "…,” Thiel wrote in a statement to Wired explaining why he is speaking at the
/// convention, “…": on PolNeAR train 8 left such quotes apart, 24 joins them, none wrongly).
const MAX_SPLITTING_WORDS: usize = 24;

/// "“It's a difficult issue,” said the senator, “because it puts two rights in conflict.”":
/// a quote interrupted by its own attribution goes on after it. True when the rule cascade
/// gave the quote before (`before`) the same speaker words (`before_written`) as this
/// quote's attribution (`found`), and only that attribution and a comma stand between the
/// two.
pub(super) fn interrupted(
    text: &str,
    before: Span,
    before_written: Option<Span>,
    found: Option<Found>,
    region: Span,
) -> bool {
    let Some(found) = found.filter(|f| before_written == Some(f.span)) else {
        return false;
    };
    let open = super::attribution::prev_char_start(text, region.start);
    let between = Span::new(before.end, open);
    let inside =
        |s: Option<Span>| s.is_some_and(|s| s.start >= between.start && s.end <= between.end);
    inside(Some(found.span))
        && found.cue.is_none_or(|c| inside(Some(c)))
        && text.get(before.end..open).is_some_and(|t| {
            !t.contains('\n')
                && t.trim_end().ends_with(',')
                && t.split_whitespace().count() <= MAX_SPLITTING_WORDS
        })
}

/// Words after which a quoted name in title case is the title of a work or a programme
/// ("on CNN’s “New Day,”", "an interview with “Fox and Friends,”", "the reality show “The
/// Apprentice,”"), not words spoken.
const WORK_LEADS: &[&str] = &[
    "on",
    "of",
    "with",
    "in",
    "to",
    "from",
    "titled",
    "entitled",
    "called",
    "named",
    "dubbed",
    "show",
    "program",
    "programme",
    "podcast",
    "film",
    "movie",
    "documentary",
    "book",
    "album",
    "song",
    "series",
    "episode",
    "column",
    "op-ed",
    "ad",
    "video",
    "play",
    "musical",
    "novel",
];

/// Fewest words of a quoted title: a single capitalised word after "on" may be a scare
/// quote or a slogan as well as a title.
const MIN_TITLE_WORDS: usize = 2;

/// A quoted passage in title case right after a possessive ("MSNBC’s “Morning Joe,”") or a
/// word that introduces a work ([`WORK_LEADS`]): the name of a show, a book or a film, even
/// when an attribution follows it ("Sunday on Fox News’ “Sunday Morning Futures,” Rep.
/// Darrell Issa said"); or a whole quoted sentence between "the" and a noun ("the “Meth.
/// We’re on it.” campaign"), the thing's name.
pub(super) fn names_a_work(text: &str, words: Span) -> bool {
    use unicode_segmentation::UnicodeSegmentation;
    let ws: Vec<&str> = words.slice(text).unicode_words().collect();
    // "chants of “Marco! Marco!”": an exclamation or a question is said, not titled.
    let exclaimed = words
        .slice(text)
        .trim_end_matches([',', '.'])
        .ends_with(['!', '?']);
    if ws.len() < MIN_TITLE_WORDS || exclaimed {
        return false;
    }
    let open = super::attribution::prev_char_start(text, words.start);
    let before = text.get(..open).unwrap_or("").trim_end();
    let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
    // "the “Meth. We’re on it.” campaign": a whole sentence quoted between "the" and a
    // noun is the thing's name (a slogan), in title case or not.
    let sentence = words.slice(text).trim_end().ends_with('.');
    if !super::title_case(text, words) {
        return sentence && modifies_a_noun(text, words, &crate::text::fold(last));
    }
    // "CNN’s", "CNN's", "Fox News'" and "Fox News’" (a closing ’ is an apostrophe here).
    let possessive = ["’s", "'s", "s'"].iter().any(|p| last.ends_with(p)) || last.ends_with('’');
    let folded = crate::text::fold(last);
    possessive
        || WORK_LEADS.contains(&folded.as_str())
        || ADDRESSEE_LEADS.contains(&folded.as_str())
        || modifies_a_noun(text, words, &folded)
}

/// Whether the quoted `words` are a headline followed by its byline, as digests list
/// them: the closing mark with a comma on either side of it, then "by", a capitalised
/// name and a colon within [`MAX_BYLINE_WORDS`] ("“…,” by Times' Ben Sisario: …"). A
/// passive's agent ("“arbitrarily detained” by Britain") has no comma and no colon.
pub(super) fn bylined_headline(text: &str, words: Span) -> bool {
    let Some(after) = text.get(words.end..) else {
        return false;
    };
    let comma_inside = after.starts_with(',');
    let after = after.trim_start_matches(',');
    let Some(close) = after.chars().next().filter(|c| matches!(c, '”' | '"')) else {
        return false;
    };
    let rest = &after[close.len_utf8()..];
    let comma_outside = rest.starts_with(',');
    let Some(byline) = rest.trim_start_matches(',').strip_prefix(" by ") else {
        return false;
    };
    let signed = byline
        .split_whitespace()
        .take(MAX_BYLINE_WORDS)
        .any(|w| w.ends_with(':'));
    let name = byline.strip_prefix("the ").unwrap_or(byline);
    (comma_inside || comma_outside) && name.starts_with(char::is_uppercase) && signed
}

/// Most words of a byline before its colon ("by The Wall Street Journal's Jennifer Smith:").
const MAX_BYLINE_WORDS: usize = 8;

/// Verbs after which a quoted title is who was spoken to, a programme, not what was said
/// ("Fiorina told “Fox and Friends,” reminding the co-hosts …").
const ADDRESSEE_LEADS: &[&str] = &["told", "tells", "telling"];

/// "the “Fight for 15” movement", "the “Hillary for Prison” shirts": a quoted title after
/// "the" and before a lowercase noun names the thing the noun is, as a modifier; a verb
/// after it ("the “Dump Trump” crowd chanted" aside) would make the title a subject.
fn modifies_a_noun(text: &str, words: Span, before: &str) -> bool {
    if before != "the" {
        return false;
    }
    let close = super::attribution::next_char_end(text, words.end);
    let Some(next) = text.get(close..).and_then(|t| t.strip_prefix(' ')) else {
        return false;
    };
    let word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
    let folded = crate::text::fold(&word);
    let lowercase_noun = !word.is_empty()
        && word.chars().all(char::is_lowercase)
        && !crate::text::is_stopword(&folded)
        && !folded.ends_with("ed")
        && !matches!(
            folded.as_str(),
            "has" | "had" | "is" | "was" | "are" | "were" | "will" | "would" | "can" | "could"
        )
        && !super::lexicon::verb_re().is_match(&word);
    lowercase_noun
}
