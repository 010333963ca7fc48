//! Attributions found beyond the words right next to a quote: an attribution that ends the
//! sentence after a mid-sentence quote ("“…” to drive up the price, she said."), a speaker
//! line ending in a colon before a quoted paragraph ("Bagheri continued:"), a possessive
//! noun cue ("Bagheri’s claim that …“…”") and, for a quote inside a clause whose verb is no
//! speech cue ("Bagheri hailed the plant as “a turning point …”"), the subject
//! that opens the sentence.

use super::attribution::{
    after_quote, before_quote, has_only_abbrev_dots, is_capitalised, leading_name, paragraph_start,
    starts_with_determiner, word_offsets, Found,
};
use super::lexicon::{FINITE_AUXILIARIES, PERSONAL_PRONOUNS, POSSESSIVE_PRONOUNS};
use crate::model::Span;
use crate::text::{fold, is_stopword, Doc};

/// Most words the closing attribution of a sentence may have (", the senator said.").
const MAX_CLOSING_WORDS: usize = 8;

/// ", she said." ending the sentence that holds a quote which does not itself hand over
/// ("“We can export military equipment” to allied and friendly countries, he said."): a
/// short comma-separated part after the quote that is an attribution and ends the sentence
/// or hands on to a participle (", he said, referring to …").
pub(super) fn closing_attribution(doc: &Doc, close: usize) -> Option<Found> {
    let text = doc.text();
    let sentence = doc.layer.sentence_at(close.saturating_sub(1))?;
    let end = doc.layer.sentences[sentence].end;
    let tail = text.get(close..end)?;
    let commas: Vec<usize> = tail.match_indices(", ").map(|(i, _)| close + i).collect();
    for (n, &comma) in commas.iter().enumerate() {
        let from = comma + 2;
        let part_end = commas.get(n + 1).copied().unwrap_or(end);
        let part = text.get(from..part_end)?.trim_end();
        let words = part.split_whitespace().count();
        let last = commas.get(n + 1).is_none();
        let hands_on = text
            .get(part_end..end)
            .and_then(|t| t.trim_start_matches([',', ' ']).split_whitespace().next())
            .is_some_and(|w| fold(w).ends_with("ing"));
        // ", said RoseAnn DeMoro, executive director of …": a verb-first part names its
        // speaker even when appositions follow.
        let verb_first = super::lexicon::verb_re()
            .find(part)
            .is_some_and(|m| m.start() == 0 && !is_capitalised(m.as_str()));
        // ", she said in a video message to the convention.": an adverbial after the cue
        // does not count ("…, published Scholars with a blank cover" is no attribution).
        let said_then_adverbial = super::lexicon::verb_re().find(part).is_some_and(|m| {
            (1..MAX_CLOSING_WORDS).contains(&part[..m.start()].split_whitespace().count())
                && super::attribution::is_adverbial_tail(&part[m.end()..])
        });
        if words == 0
            || (words > MAX_CLOSING_WORDS && !said_then_adverbial)
            || !(last || hands_on || verb_first)
            || opens_subordinate_clause(part)
        {
            continue;
        }
        let Some(found) = after_quote(text, from, part_end)
            .filter(|f| names_someone(f.span.slice(text)))
            .filter(|f| !tells_someone(text, f))
        else {
            continue;
        };
        // The attribution must end its part: "…, he said." and not "…, he said he would".
        let cue_end = found
            .cue
            .map_or(found.span.end, |c| c.end.max(found.span.end));
        // "…, she said in a video message to the convention." ends with an adverbial (its
        // subject before the verb: not "…, published Scholars with a blank cover").
        let subject_first = found.cue.is_some_and(|c| found.span.start < c.start);
        if text.get(cue_end..part_end).is_some_and(|r| {
            r.split_whitespace().count() <= 3
                || (subject_first && super::attribution::is_adverbial_tail(r))
        }) {
            return Some(found);
        }
    }
    None
}

/// Conjunctions opening a subordinate clause after an attribution ("“Quiet,” he
/// demanded, as Mirzo continued to interject."): such a clause has a subject of its own,
/// which did not say the quote.
const SUBORDINATORS: &[&str] = &[
    "as", "while", "when", "whereas", "because", "since", "after", "before", "until", "if",
    "although", "though", "where",
];

/// Whether a comma part opens with a subordinating conjunction ([`SUBORDINATORS`]).
pub(super) fn opens_subordinate_clause(part: &str) -> bool {
    part.split_whitespace()
        .next()
        .is_some_and(|w| SUBORDINATORS.contains(&fold(w).as_str()))
}

/// "…, told The Herald.": the one told follows the verb, not the speaker.
fn tells_someone(text: &str, f: &Found) -> bool {
    f.cue.is_some_and(|c| {
        c.start < f.span.start && matches!(fold(c.slice(text)).as_str(), "told" | "tells")
    })
}

/// The clause a partial quote stands in, which PolNeAR-style annotation takes as the
/// content ("dismissed Estonia as being in the “suburbs of …”"): for a speaker before the
/// quote, from after the cue (or the subject's verb) to the end of the clause, when words
/// stand between them; for a closing attribution, from the start of the sentence to the
/// comma before it. None for a quote that is the whole content ("said: “…”").
pub(super) fn partial_clause(doc: &Doc, found: &Found, region: Span) -> Option<Span> {
    let text = doc.text();
    let open = super::attribution::prev_char_start(text, region.start);
    let sentence = doc.layer.sentences[doc.layer.sentence_at(region.start)?];
    let start_of_clause = sentence.start.max(paragraph_start(text, region.start));
    if found.span.end <= start_of_clause {
        // A speaker carried from the sentence before: the quote is the whole content.
        return None;
    }
    if found.span.start >= region.end {
        let end = super::extent::before_closing_attribution(text, region, found)?;
        let outside = text
            .get(region.end..end)?
            .chars()
            .any(char::is_alphanumeric)
            || text
                .get(start_of_clause..open)?
                .chars()
                .any(char::is_alphanumeric);
        return outside.then(|| Span::new(start_of_clause, end));
    }
    let anchor = match found.cue {
        Some(c) if c.end <= open => c.end,
        Some(_) => return None,
        None => verb_end(text, found.span.end, open)?,
    };
    let between = text.get(anchor..open)?;
    let end = clause_end(text, region.end, sentence.end);
    // "Particularly in poorer districts, he said, “we do not know” how many jobs …": an
    // attribution set off by commas inside the clause leaves the clause around it.
    let around = super::extent::parenthetical(text, found, start_of_clause);
    if !between.chars().any(char::is_alphanumeric) {
        let partial = super::extent::quote_is_partial(text, region, end);
        return around
            .filter(|_| partial)
            .map(|start| Span::new(start, end));
    }
    let lead = between.len() - between.trim_start_matches([' ', ',', ':']).len();
    let start = around.unwrap_or(anchor + lead);
    (start < end).then(|| Span::new(start, end))
}

/// The end of the word that follows a subject as its verb, past adverbs and auxiliaries
/// ("cynically dismissed", "is promising").
fn verb_end(text: &str, from: usize, to: usize) -> Option<usize> {
    let rest = text.get(from..to)?;
    word_offsets(rest)
        .find(|(_, w)| {
            let f = fold(w);
            !(f.ends_with("ly") || is_auxiliary_or_adverb(&f))
        })
        .map(|(off, w)| from + off + w.len())
}

/// Where the clause holding a quote that closes at `close` ends: a dash or semicolon after
/// the quote, else the end of the sentence (blanks trimmed).
fn clause_end(text: &str, close: usize, sentence_end: usize) -> usize {
    let tail = text.get(close..sentence_end).unwrap_or("");
    let cut = [" — ", " ― ", " -- ", "; "]
        .iter()
        .filter_map(|m| tail.find(m))
        .min()
        .unwrap_or(tail.len());
    close + tail[..cut].trim_end().len()
}

/// A speaker phrase that is a name, a personal pronoun or a determiner phrase, not a
/// stray word ("and called for …").
fn names_someone(s: &str) -> bool {
    let Some(first) = s.split_whitespace().next() else {
        return false;
    };
    let f = fold(first);
    PERSONAL_PRONOUNS.contains(&f.as_str())
        || starts_with_determiner(s)
        || (is_capitalised(first) && !is_stopword(&f))
}

/// Where the sentence holding `pos` starts, or its paragraph if that starts later (the
/// splitter may run a sentence over a paragraph break); None when no sentence holds `pos`.
pub(super) fn sentence_start_in_paragraph(doc: &Doc, pos: usize) -> Option<usize> {
    let sentence = doc.layer.sentences[doc.layer.sentence_at(pos)?];
    Some(sentence.start.max(paragraph_start(doc.text(), pos)))
}

/// Words opening a sentence before a fronted "asked" ("When asked whether …").
const BEFORE_ASKED: &[&str] = &["when", "if", "after", "being"];

/// "Asked whether Clinton “has the integrity …,” 75 percent said yes", "Blumenthal was
/// asked, “If you had known …?”": the quote is a question put to someone, whose words
/// are the asker's, not those of the one asked (PolNeAR marks no source for them).
/// Returns the asker, named only after "by" ("Asked by Thrush if Clinton “gets” race"),
/// when the quote is such a question; None when it is not.
pub(super) fn question_put(doc: &Doc, region: Span) -> Option<Option<Found>> {
    let text = doc.text();
    let from = sentence_start_in_paragraph(doc, region.start)?;
    let open = super::attribution::prev_char_start(text, region.start);
    let pre = text.get(from..open)?.trim_end();
    // "Blumenthal was asked, “…”": handed straight over after the passive.
    if let Some(head) = pre.strip_suffix([',', ':']) {
        let mut last = head.split_whitespace().rev().map(fold);
        let asked = last.next().is_some_and(|w| w == "asked");
        let passive = last
            .next()
            .is_some_and(|w| matches!(w.as_str(), "was" | "were" | "is" | "are" | "being"));
        if asked && passive {
            return Some(None);
        }
    }
    // "Asked if Sanders is “…”": a fronted participle still open at the quote.
    let mut words = word_offsets(pre).skip_while(|(_, w)| BEFORE_ASKED.contains(&fold(w).as_str()));
    let (at, first) = words.next()?;
    if fold(first) != "asked" || pre.contains([',', ';', ':', '“', '"']) {
        return None;
    }
    let agent = words
        .next()
        .filter(|(_, w)| *w == "by")
        .and_then(|(by, w)| {
            let rest = &pre[by + w.len()..];
            let lead = rest.len() - rest.trim_start().len();
            let start = from + by + w.len() + lead;
            leading_name(rest.trim_start()).map(|n| Found {
                span: Span::new(start, start + n),
                cue: Some(Span::new(from + at, from + at + first.len())),
                after: false,
            })
        });
    Some(agent)
}

/// For a quote that opens its sentence, the speaker of the sentence before it when that
/// sentence reports speech with a cue ("The administration may be reluctant to act, Schiff
/// said. “The other factor …”"), or is a short sentence of a subject and its verb
/// ("Iowa State University's Dianne Bystrom agreed. “Mainstream Republicans …”"). The
/// sentence may end the paragraph before, when the quote opens its own ("Reid said the
/// party should brace for … ¶ “Never, ever underestimate Trump.”").
pub(super) fn previous_sentence_speaker(doc: &Doc, region: Span) -> Option<Found> {
    let text = doc.text();
    let here = doc.layer.sentence_at(region.start)?;
    let sentence = doc.layer.sentences[here];
    let open = super::attribution::prev_char_start(text, region.start);
    let para = paragraph_start(text, region.start);
    let lead = text.get(sentence.start.max(para)..open)?;
    if lead.chars().any(char::is_alphanumeric) || here == 0 {
        return None;
    }
    let prev = doc.layer.sentences[here - 1];
    let prev_para = paragraph_start(text, prev.start.min(para.saturating_sub(2)));
    // Across paragraphs only for a quote that is its whole paragraph: one followed by
    // other words may be attributed there in a way not read here.
    let whole_paragraph = open == para
        && text
            .get(region.end..super::attribution::paragraph_end(text, region.end))
            .is_some_and(|t| !t.chars().any(char::is_alphanumeric));
    if prev.start < para && !(whole_paragraph && prev.start >= prev_para) {
        return None;
    }
    // A sentence holding a quote hands its speaker on through the quote itself.
    let quoted = text
        .get(prev.start..prev.end)?
        .contains(['“', '”', '"', '«', '»']);
    if quoted {
        return None;
    }
    let end = text.get(..prev.end)?.trim_end().trim_end_matches('.').len();
    before_quote(text, prev.start, end)
        .filter(|f| f.cue.is_some())
        .or_else(|| short_report(text, prev.start, end))
        .or_else(|| named_subject(text, prev.start, end))
}

/// "Mirzo touted his record as the plant's first director. “We built it …”": the subject
/// of the sentence before a quote that opens the next, when it is a name or a personal
/// pronoun and a past-tense verb follows it.
fn named_subject(text: &str, from: usize, end: usize) -> Option<Found> {
    let found = sentence_subject_with(text, from, end, true)?;
    let phrase = found.span.slice(text);
    let first = phrase.split_whitespace().next()?;
    let pronoun = matches!(fold(first).as_str(), "he" | "she" | "they");
    let named = is_capitalised(first) && !starts_with_determiner(phrase);
    // "The Christian leader further related …": a description whose head names a speaker.
    let described = starts_with_determiner(phrase)
        && phrase
            .split_whitespace()
            .next_back()
            .is_some_and(|w| super::lexicon::AGENT_NOUNS.contains(&fold(w).as_str()));
    // An adverb may stand before the verb ("further related", "later recalled").
    let verb = text
        .get(found.span.end..end)?
        .split_whitespace()
        .find(|w| {
            let f = fold(w);
            !(f.ends_with("ly") || matches!(f.as_str(), "further" | "also" | "later"))
        })?;
    let folded = fold(verb);
    let past = folded.len() > 3 && folded.ends_with("ed") && !is_capitalised(verb);
    ((pronoun || named || described) && past).then_some(found)
}

/// Most words of a sentence that only says who speaks next ("Dianne Bystrom agreed").
const MAX_SHORT_REPORT_WORDS: usize = 8;

/// "Iowa State University's Dianne Bystrom agreed.": a short sentence of a subject and a
/// past-tense verb (any verb: the cue list cannot hold them all), with at most a few words
/// after the verb ("responded first").
fn short_report(text: &str, from: usize, end: usize) -> Option<Found> {
    let sentence = text.get(from..end)?;
    if sentence.split_whitespace().count() > MAX_SHORT_REPORT_WORDS {
        return None;
    }
    let found = sentence_subject_with(text, from, end, true)?;
    let rest = text.get(found.span.end..end)?;
    let lead = rest.len() - rest.trim_start().len();
    let mut words = rest.split_whitespace();
    let verb = words.next()?.trim_end_matches([',', '.']);
    let folded = fold(verb);
    let past = folded.len() > 3 && folded.ends_with("ed") && !is_capitalised(verb);
    let start = found.span.end + lead;
    (past && words.count() <= 3).then_some(Found {
        cue: Some(Span::new(start, start + verb.len())),
        ..found
    })
}

/// Separators before a source's name in a digest line ("IOWA POLLS NOT NECESSARILY WRONG
/// - Mark Blumenthal and Jon Cohen: “…”").
const DASHES: &[&str] = &[" - ", " – ", " — ", " ― ", " -- "];

/// A quote opened right after a colon: the name alone before the colon, after a dash or
/// "From" ("- Carl Bialik: “…”", "From the report: “…”"), or the subject of the clause
/// that the colon ends, whatever its verb ("the Christie supporter retorted: “…”", "The
/// letter continues: “…”").
pub(super) fn colon_speaker(text: &str, from: usize, open: usize) -> Option<Found> {
    let head = text.get(from..open)?.trim_end().strip_suffix(':')?;
    let colon = from + head.len();
    let cut = DASHES
        .iter()
        .filter_map(|d| head.rfind(d).map(|i| i + d.len()))
        .max()
        .unwrap_or(0);
    let part = &head[cut..];
    let lead = part.len() - part.trim_start().len();
    let mut start = from + cut + lead;
    let mut name = part.trim();
    for prefix in ["More from ", "From ", "more from ", "from "] {
        if let Some(rest) = name.strip_prefix(prefix) {
            start += prefix.len();
            name = rest;
        }
    }
    let words = name.split_whitespace().count();
    let bare_name = (1..=6).contains(&words)
        && super::attribution::trailing_name(name).is_some_and(|(a, _)| a == 0)
        && !is_stopword(&fold(name.split_whitespace().next().unwrap_or("")));
    let described = (2..=4).contains(&words) && starts_with_determiner(name);
    if bare_name || described {
        return Some(Found {
            span: Span::new(start, start + name.len()),
            cue: None,
            after: false,
        });
    }
    let found = sentence_subject_with(text, from, colon, true)?;
    // The subject's clause must end at the colon: "X retorted:", not "X met Y, who said:".
    let verb_words = text.get(found.span.end..colon)?.split_whitespace().count();
    (verb_words <= 3).then_some(found)
}

/// "He said:" / "Fars News reports:" closing the paragraph before a paragraph that
/// opens with a quote.
pub(super) fn colon_line(doc: &Doc, region: Span) -> Option<Found> {
    let text = doc.text();
    let para = paragraph_start(text, region.start);
    let before = text.get(para..region.start)?;
    if before.chars().any(|c| c.is_alphanumeric()) || para < 2 {
        return None;
    }
    let prev = text.get(..para)?.trim_end();
    let colon = prev.strip_suffix(':')?;
    let line_start = paragraph_start(text, colon.len());
    let sentence_start = doc
        .layer
        .sentence_at(colon.len().saturating_sub(1))
        .map_or(line_start, |i| doc.layer.sentences[i].start)
        .max(line_start);
    before_quote(text, sentence_start, colon.len() + 1)
        .or_else(|| line_is_speaker(text, sentence_start, colon.len()))
        .or_else(|| sentence_subject(text, sentence_start, colon.len() + 1))
}

/// Most words of the name on a signature line ("- Bernie Sanders.").
const MAX_SIGNATURE_WORDS: usize = 6;

/// A quote that is its whole paragraph, signed by the next one: "“…” ¶ - Sanders." /
/// "-President Obama, tweeting after Clinton's speech." (fact checks and notebooks list
/// quotes this way). The name runs from the dash to the first comma or full stop.
pub(super) fn signature_line(doc: &Doc, region: Span) -> Option<Found> {
    let text = doc.text();
    let para = paragraph_start(text, region.start);
    let opens = text
        .get(para..region.start)
        .is_some_and(|t| !t.chars().any(char::is_alphanumeric));
    let end = super::attribution::paragraph_end(text, region.end);
    let closes = text
        .get(region.end..end)
        .is_some_and(|t| !t.chars().any(char::is_alphanumeric));
    if !(opens && closes) {
        return None;
    }
    let next = end + text.get(end..)?.len() - text.get(end..)?.trim_start().len();
    let line = text.get(next..super::attribution::paragraph_end(text, next))?;
    let rest = line.strip_prefix(['-', '—', '–'])?;
    let lead = rest.len() - rest.trim_start().len();
    let name_start = next + (line.len() - rest.len()) + lead;
    let name = text.get(name_start..name_start + rest.len() - lead)?;
    let name = &name[..name.find([',', '(']).unwrap_or(name.len())];
    let name = name.trim_end().trim_end_matches('.');
    let words = name.split_whitespace().count();
    let capitalised = name.split_whitespace().next().is_some_and(is_capitalised);
    (words > 0 && words <= MAX_SIGNATURE_WORDS && capitalised).then(|| Found {
        span: Span::new(name_start, name_start + name.len()),
        cue: None,
        after: true,
    })
}

/// A line that is only a speaker: "BAGHERI:", "a friend commented:" handled by
/// [`before_quote`]; here a bare name ("Bagheri continued" has its cue, "MIRZO" none).
fn line_is_speaker(text: &str, from: usize, to: usize) -> Option<Found> {
    let line = text.get(from..to)?.trim();
    let words = line.split_whitespace().count();
    if words == 0 || words > 4 || !line.split_whitespace().all(is_capitalised) {
        return None;
    }
    let lead = text.get(from..to)?.len() - text.get(from..to)?.trim_start().len();
    Some(Found {
        span: Span::new(from + lead, from + lead + line.len()),
        cue: None,
        after: false,
    })
}

/// Nouns that report speech when a possessive names their speaker ("Bagheri’s claim that").
const NOUN_CUES: &[&str] = &[
    "claim",
    "claims",
    "statement",
    "statements",
    "assertion",
    "remark",
    "remarks",
    "comment",
    "comments",
    "words",
    "tweet",
    "tweets",
    "promise",
    "pledge",
    "warning",
    "prediction",
    "argument",
    "suggestion",
    "description",
    "insistence",
    "contention",
    "charge",
    "accusation",
    "message",
    "missive",
    "letter",
    "speech",
    "answer",
    "response",
    "reply",
    "emphasis",
    "vow",
    "slogan",
    "call",
    "declaration",
    "announcement",
];

/// "General Mohammad Bagheri’s claim that …": the last possessive name before the quote whose noun (at
/// most two words later) is a speech noun, as the speaker with the noun as cue.
pub(super) fn possessive_cue(text: &str, from: usize, to: usize) -> Option<Found> {
    possessive_owner(text, from, to, false)
}

/// "over her remark that “…”": the last possessive pronoun before the quote owning a
/// speech noun. Only an option for the chooser: on PolNeAR the pronoun is the Source as
/// often as the sentence's subject is ("Trump doubled down on his comment that …").
pub(super) fn possessive_pronoun(text: &str, from: usize, to: usize) -> Option<Found> {
    possessive_owner(text, from, to, true)
}

/// The owner of a speech noun before the quote: a possessive name, or with `pronoun` a
/// possessive pronoun.
fn possessive_owner(text: &str, from: usize, to: usize, pronoun: bool) -> Option<Found> {
    let pre = text.get(from..to)?;
    let words: Vec<(usize, &str)> = word_offsets(pre).collect();
    for (k, &(off, w)) in words.iter().enumerate().rev() {
        let folded = fold(w);
        let owns = if pronoun {
            POSSESSIVE_PRONOUNS.contains(&folded.as_str())
        } else {
            let owner = folded
                .strip_suffix("'s")
                .or_else(|| folded.strip_suffix("s'"));
            owner.is_some_and(|o| !o.is_empty() && is_capitalised(w))
        };
        if !owns {
            continue;
        }
        let noun = words[k + 1..]
            .iter()
            .take(3)
            .find(|(_, n)| NOUN_CUES.contains(&fold(n.trim_end_matches([',', '.', ':'])).as_str()));
        let Some(&(noun_off, noun_word)) = noun else {
            continue;
        };
        // "Bagheri’s statement about … is “false”": the noun is the subject of another
        // clause, whose judgement the quote is.
        let that = pre[noun_off..]
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| fold(w) == "that");
        let clause_verb = !that
            && pre[noun_off..].split_whitespace().any(|w| {
                matches!(
                    fold(w).as_str(),
                    "is" | "are" | "was" | "were" | "has" | "have" | "had" | "will" | "would"
                )
            });
        if clause_verb {
            return None;
        }
        // The whole capitalised run ending in the possessive ("Mohammad Bagheri’s").
        let mut first = k;
        while !pronoun
            && first > 0
            && is_capitalised(words[first - 1].1)
            && !words[first - 1].1.ends_with(',')
        {
            first -= 1;
        }
        while first < k && is_stopword(&fold(words[first].1)) {
            first += 1;
        }
        let start = from + words[first].0;
        let noun_word = noun_word.trim_end_matches([',', '.', ':']);
        return Some(Found {
            span: Span::new(start, from + off + w.len()),
            cue: Some(Span::new(
                from + noun_off,
                from + noun_off + noun_word.len(),
            )),
            after: false,
        });
    }
    None
}

/// Words that open a sentence before its subject and end at the first comma ("In July,",
/// "At Monday’s debate,", "Following the meeting,").
const INTRODUCERS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "when",
    "while",
    "as",
    "following",
    "since",
    "for",
    "with",
    "by",
    "from",
    "under",
    "despite",
    "although",
    "though",
    "if",
    "unlike",
    "like",
    "last",
    "this",
    "earlier",
    "later",
    "speaking",
    "asked",
    "meanwhile",
    "however",
    "instead",
    "still",
    "yesterday",
    "today",
];

/// Further words that open an introductory phrase ("Even as …,", "Amid …,"), used for
/// quotes that are speech (see [`sentence_subject_with`]).
const WIDE_INTRODUCERS: &[&str] = &[
    "nevertheless",
    "nonetheless",
    "outside",
    "here",
    "moreover",
    "likewise",
    "furthermore",
    "similarly",
    "additionally",
    "first",
    "second",
    "finally",
    "ever",
    "even",
    "amid",
    "among",
    "given",
    "somewhere",
    "upon",
    "throughout",
    "within",
    "across",
    "through",
    "without",
    "against",
    "because",
    "ahead",
    "until",
    "having",
    "once",
];

/// Conjunctions and adverbs dropped from the start of a sentence ("But Mirzo said").
const LEADING_CONNECTIVES: &[&str] = &["and", "but", "so", "yet", "now", "then", "also", "still"];

/// Most words an introductory phrase may have before its comma.
const MAX_INTRO_WORDS: usize = 20;

/// Most words of a descriptive subject ("The United Nations Security Council").
const MAX_SUBJECT_WORDS: usize = 7;

/// The subject opening the sentence `text[from..to]` that ends where a quote opens: a
/// personal pronoun, a capitalised name (with a possessive head: "Tehran’s state media") or
/// a short determiner phrase ("The Republican nominee"), followed by a lowercase word.
pub(super) fn sentence_subject(text: &str, from: usize, to: usize) -> Option<Found> {
    sentence_subject_with(text, from, to, true)
}

/// [`sentence_subject`], skipping only the plainest introductions ("In July,") unless
/// `wide`: a short quote without speech verb ("the “confidential” level") is no speech
/// unless the sentence opens with its subject, while for speech the subject after any
/// introduction speaks ("Hours later, Trump returned the compliment, telling Reuters, “…”").
pub(super) fn sentence_subject_with(
    text: &str,
    from: usize,
    to: usize,
    wide: bool,
) -> Option<Found> {
    let pre = text.get(from..to)?.trim_end();
    if pre.trim_end_matches(':').contains([':', ';']) {
        // A colon inside the sentence hands over to another clause.
        return None;
    }
    if !wide && opens_with_wide_introduction(pre) {
        // Without speech only a plain introduction is skipped; but a participle, adverb or
        // time phrase ("Horrified at the prospect …,", "Somewhere in there,") is no
        // subject either: when a subject follows it, that subject holds the quote.
        if let Some(found) = sentence_subject_with(text, from, to, true) {
            return Some(found);
        }
    }
    let mut start = skip_introduction(text, from, to, wide)?;
    let pre = text.get(start..to)?;
    let lead = pre.len() - pre.trim_start().len();
    start += lead;
    let rest = &pre[lead..];
    let np = subject_phrase(rest)?;
    let after = rest[np..].trim_start();
    let next = after.split_whitespace().next()?;
    if is_capitalised(next) || next.starts_with(['“', '"', '‘']) || rest[..np].ends_with(',') {
        return None;
    }
    if is_passive(after) {
        // "The plan was described as “…”": the subject is what was spoken of.
        return None;
    }
    Some(Found {
        span: Span::new(start, start + np),
        cue: None,
        after: false,
    })
}

/// "was described as", "is being criticized as": a form of "be" and a participle.
fn is_passive(s: &str) -> bool {
    let words: Vec<String> = s.split_whitespace().take(4).map(fold).collect();
    let Some(be) = words
        .iter()
        .position(|w| matches!(w.as_str(), "is" | "was" | "are" | "were" | "been" | "being"))
    else {
        return false;
    };
    words[be + 1..]
        .iter()
        .find(|w| !matches!(w.as_str(), "being" | "been" | "also" | "widely" | "often"))
        .is_some_and(|w| w.ends_with("ed") || w.ends_with("en"))
}

/// Where the subject may start: after a leading connective, and after an introductory
/// phrase that ends at a comma.
fn skip_introduction(text: &str, from: usize, to: usize, wide: bool) -> Option<usize> {
    let pre = text.get(from..to)?;
    if let Some(after) = dateline_end(pre) {
        return skip_introduction(text, from + after, to, wide);
    }
    let mut words = word_offsets(pre).peekable();
    let &(off, first) = words.peek()?;
    let folded = fold(first.trim_end_matches(','));
    if LEADING_CONNECTIVES.contains(&folded.as_str()) {
        return skip_introduction(text, from + off + first.len(), to, wide);
    }
    let second = word_offsets(pre).nth(1).map(|(_, w)| w);
    if !wide {
        if !INTRODUCERS.contains(&folded.as_str()) {
            return Some(from);
        }
        let (off, w) = word_offsets(pre)
            .take(MAX_INTRO_WORDS)
            .find(|(_, w)| w.ends_with(','))?;
        return Some(past_a_state(text, from + off + w.len(), w, to));
    }
    let third = word_offsets(pre).nth(2).map(|(_, w)| w);
    if !opens_introduction(first, second) && !counts_time(first, second, third) {
        return Some(from);
    }
    // The comma may stand inside a closing quotation mark ("…’s “Sunday Morning
    // Futures,” Rep. Darrell Issa said").
    let (off, w) = word_offsets(pre)
        .take(MAX_INTRO_WORDS)
        .find(|(_, w)| w.trim_end_matches(['”', '"', '’']).ends_with(','))?;
    // Introductions may follow one another ("Even as …, however, she …").
    skip_introduction(
        text,
        past_a_state(text, from + off + w.len(), w, to),
        to,
        wide,
    )
}

/// Most words of a state or country set off after a place ("in Salem, New Hampshire,").
const MAX_STATE_WORDS: usize = 3;

/// After an introduction ending in a capitalised place (`last`, its comma included),
/// where the state or country set off after it ends ("Speaking in Salem, New Hampshire,
/// Trump said": the subject is Trump, not "New Hampshire"); `at` when none is.
fn past_a_state(text: &str, at: usize, last: &str, to: usize) -> usize {
    let place = last.trim_end_matches(',');
    if !is_capitalised(place) || is_day_or_month(&fold(place)) {
        return at;
    }
    let Some(rest) = text.get(at..to) else {
        return at;
    };
    let mut end = None;
    for (k, (off, w)) in word_offsets(rest).enumerate() {
        if k >= MAX_STATE_WORDS || !is_capitalised(w) {
            break;
        }
        if w.ends_with(',') {
            end = Some(at + off + w.len());
            break;
        }
    }
    end.filter(|&e| text.get(e..to).is_some_and(opens_with_a_name_and_its_verb))
        .unwrap_or(at)
}

/// "Trump went …", "Republican frontrunner Donald Trump said": capitalised words, none
/// ending a list part, then a lowercase word that is no conjunction (not "Bagheri and
/// Harazov met", "Mirzo, the minister,", "Mirzo, who …").
fn opens_with_a_name_and_its_verb(s: &str) -> bool {
    let mut words = s.split_whitespace().peekable();
    if !words.peek().is_some_and(|w| is_capitalised(w)) {
        return false;
    }
    for w in words {
        if !is_capitalised(w) {
            return !matches!(fold(w).as_str(), "and" | "or" | "nor");
        }
        if w.ends_with(',') {
            return false;
        }
    }
    false
}

/// Whether `pre` opens with an introduction that only the wide test of
/// [`skip_introduction`] skips (a participle, an adverb, a day, a span of time).
fn opens_with_wide_introduction(pre: &str) -> bool {
    let mut words = pre
        .split_whitespace()
        .skip_while(|w| LEADING_CONNECTIVES.contains(&fold(w.trim_end_matches(',')).as_str()));
    let Some(first) = words.next() else {
        return false;
    };
    let folded = fold(first.trim_end_matches(','));
    let (second, third) = (words.next(), words.next());
    !INTRODUCERS.contains(&folded.as_str())
        && (opens_introduction(first, second) || counts_time(first, second, third))
}

/// "A few days later,", "The few weeks before,": a vague count before a unit of time.
fn counts_time(first: &str, second: Option<&str>, third: Option<&str>) -> bool {
    let folded = [Some(first), second, third].map(|w| w.map(|w| fold(w.trim_end_matches(','))));
    let [Some(a), Some(b), Some(c)] = folded else {
        return false;
    };
    let vague = matches!(b.as_str(), "few" | "couple");
    let unit = TIME_UNITS.contains(&c.trim_end_matches('s'));
    matches!(a.as_str(), "a" | "the") && vague && unit
}

/// Whether a sentence opening with `first` (then `second`) starts with an introductory
/// phrase rather than its subject: an [`INTRODUCERS`] word, a day or month ("Sunday on Fox
/// News, …"), a span of time ("Hours later,", "Two weeks after …,") or a participle
/// ("Conceding that …,", "Horrified at …,").
fn opens_introduction(first: &str, second: Option<&str>) -> bool {
    let folded = fold(first.trim_end_matches(','));
    let next = second
        .map(|w| fold(w.trim_end_matches(',')))
        .unwrap_or_default();
    if INTRODUCERS.contains(&folded.as_str())
        || WIDE_INTRODUCERS.contains(&folded.as_str())
        || is_day_or_month(&folded)
    {
        return true;
    }
    let time_unit = |w: &str| TIME_UNITS.contains(&w.trim_end_matches('s'));
    let counted =
        folded.chars().all(|c| c.is_ascii_digit()) || COUNT_WORDS.contains(&folded.as_str());
    if time_unit(&folded) || (counted && time_unit(&next)) {
        return true;
    }
    // "Shortly after …,", "Typically, he …": an adverb.
    if folded.len() > 4 && folded.ends_with("ly") && second.is_some_and(|w| !is_capitalised(w)) {
        return true;
    }
    // A participle opens a phrase only when a lowercase word follows ("Conceding that",
    // not the name "Fielding said"); past participles take a preposition ("Based on").
    let lower_next = second.is_some_and(|w| !is_capitalised(w)) && !first.ends_with(',');
    let ing = folded.len() > 5 && folded.ends_with("ing") && lower_next;
    let ed = folded.len() > 4
        && folded.ends_with("ed")
        && lower_next
        && PARTICIPLE_OBJECTS.contains(&next.as_str());
    ing || ed
}

/// A weekday or full month name ("may" aside: it is also a verb and a name).
fn is_day_or_month(folded: &str) -> bool {
    use crate::text::dates::{MONTH_NAMES, WEEKDAY_NAMES};
    folded != "may" && (WEEKDAY_NAMES.contains(&folded) || MONTH_NAMES.contains(&folded))
}

/// Words after which a past participle opens an introductory phrase ("Based on",
/// "Reached by", "Horrified at").
const PARTICIPLE_OBJECTS: &[&str] = &[
    "on", "by", "at", "in", "with", "from", "to", "that", "about", "for", "as", "after", "up",
    "out", "over", "into", "against",
];

/// Words that count a span of time opening a sentence ("A day later", "Thirteen years
/// earlier, she …", "Dozens of times, …"): a number word is never the subject there.
const COUNT_WORDS: &[&str] = &[
    "a",
    "an",
    "two",
    "three",
    "four",
    "five",
    "several",
    "few",
    "moments",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "dozens",
    "hundreds",
    "many",
];

/// Nouns of time that open a sentence before its subject ("Hours later, Trump …").
const TIME_UNITS: &[&str] = &[
    "second", "minute", "hour", "day", "week", "month", "year", "moment", "decade",
];

/// "WASHINGTON (AP) — " / "DECATUR, Ill. -- ": where a dateline opening `s` ends.
pub(super) fn dateline_end(s: &str) -> Option<usize> {
    let dash = [" — ", " -- ", " – ", " ― ", " - "]
        .iter()
        .filter_map(|d| s.find(d).map(|i| (i, d.len())))
        .min()?;
    let head = &s[..dash.0];
    let first = head.split_whitespace().next()?;
    let caps = first.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && first.chars().all(|c| !c.is_lowercase());
    // "Washington (AFP) – ": a place, then the agency in capitals.
    let agency = head
        .trim_end()
        .strip_suffix(')')
        .and_then(|h| h.rsplit_once('('))
        .is_some_and(|(_, a)| a.len() >= 2 && a.chars().all(|c| c.is_uppercase() || c == '-'));
    ((caps || agency) && head.split_whitespace().count() <= 5).then_some(dash.0 + dash.1)
}

/// Length of the subject at the start of `s` (see [`sentence_subject`]).
fn subject_phrase(s: &str) -> Option<usize> {
    let first = s.split_whitespace().next()?;
    let folded = fold(first);
    if PERSONAL_PRONOUNS.contains(&folded.as_str()) {
        return Some(first.len());
    }
    if starts_with_determiner(s) || first.ends_with("'s") || fold(first).ends_with("'s") {
        return descriptive_phrase(s);
    }
    if !is_capitalised(first) {
        // "former Arkansas Gov. Mike Huckabee agreed": a short description, then the name.
        return (!is_stopword(&folded))
            .then(|| super::attribution::described_name(s))
            .flatten()
            .filter(|&n| is_capitalised(s[..n].split_whitespace().next_back().unwrap_or("")));
    }
    if is_stopword(&folded) {
        return None;
    }
    let name = leading_name(s)?;
    let name_text = &s[..name];
    let last = name_text.split_whitespace().next_back().map(fold)?;
    if last.ends_with("'s") {
        // "Tehran’s state media is calling …": the possessor's noun heads the subject.
        return descriptive_phrase(s);
    }
    let more = described_continuation(&s[..name], &s[name..])
        .or_else(|| plural_head(&s[..name], &s[name..]))
        .unwrap_or(0);
    Some(name + more)
}

/// "Federal prosecutors alleged", "Clinton aides said", "Federal labor organizations have
/// long campaigned": one capitalised word before a plural noun (after at most one more
/// lowercase word) that a past tense, "said" or an auxiliary follows describes that noun,
/// which heads the subject ("Federal" alone was taken for the speaker); the length of
/// " labor organizations".
fn plural_head(run: &str, rest: &str) -> Option<usize> {
    if run.split_whitespace().count() != 1 || !rest.starts_with(' ') {
        return None;
    }
    let lowercase = |w: &str| w.chars().all(|c| c.is_lowercase()) && !is_stopword(w);
    let plural = |w: &str| w.len() > 3 && lowercase(w) && w.ends_with('s') && !w.ends_with("ss");
    let words: Vec<(usize, &str)> = word_offsets(rest).take(3).collect();
    let head = (0..words.len().min(2)).find(|&k| plural(words[k].1))?;
    if head == 1 && !lowercase(words[0].1) {
        return None;
    }
    let verb = fold(words.get(head + 1)?.1);
    let finite =
        verb.ends_with("ed") || verb == "said" || FINITE_AUXILIARIES.contains(&verb.as_str());
    let (off, noun) = words[head];
    finite.then_some(off + noun.len())
}

/// "Former Republican presidential candidate Jeb Bush broke down …": a capitalised run
/// that only describes ("Former …", or ending in an adjective such as "Republican",
/// "Democratic", "Presidential") goes on with lowercase words to the name it describes;
/// the length of that continuation in `rest` (the text after the run).
fn described_continuation(run: &str, rest: &str) -> Option<usize> {
    let first = fold(run.split_whitespace().next()?);
    let last = fold(run.split_whitespace().next_back()?);
    let adjective = ["an", "ic", "al", "ish", "ese"]
        .iter()
        .any(|end| last.len() > 4 && last.ends_with(end));
    if !(first == "former" || adjective) || !rest.starts_with(' ') {
        return None;
    }
    let lead = rest.len() - rest.trim_start().len();
    let tail = &rest[lead..];
    for (k, (off, w)) in word_offsets(tail).enumerate() {
        if is_capitalised(w) {
            let day = is_day_or_month(&fold(w.trim_end_matches([',', '.'])));
            let name = super::attribution::leading_name(&tail[off..]).filter(|_| k > 0 && !day)?;
            return Some(lead + off + name);
        }
        let folded = fold(w);
        let inner = k > 0 && matches!(folded.as_str(), "of" | "for" | "and");
        let verb = folded.ends_with("ed")
            || folded.ends_with("ing")
            || (folded.ends_with('s') && !folded.ends_with("ss"))
            || is_verb_like(&folded)
            || (folded.len() < 4 && !inner);
        if k >= MAX_DESCRIPTION_WORDS
            || w.ends_with([',', '.', ':', ';'])
            || verb
            || (is_stopword(&folded) && !inner)
            || !folded.chars().all(|c| c.is_alphabetic() || c == '-')
        {
            return None;
        }
    }
    None
}

/// Most lowercase words between a describing run and its name ("presidential candidate").
const MAX_DESCRIPTION_WORDS: usize = 4;

/// A determiner or possessive phrase up to its verb: words until an auxiliary, a stopword,
/// a past-tense form or a comma.
fn descriptive_phrase(s: &str) -> Option<usize> {
    let mut end = 0;
    let words: Vec<(usize, &str)> = word_offsets(s).collect();
    let texts: Vec<&str> = words.iter().map(|p| p.1).collect();
    for (k, &(off, w)) in words.iter().enumerate() {
        let bare = w.trim_end_matches([',', '.']);
        let folded = fold(bare);
        if k >= 2 && present_verb_after_noun(texts[k - 1], w, &texts[k + 1..]) {
            break;
        }
        // "The two lawmakers": a number goes on with the phrase (an article after the
        // first word opens an object: "The ad targets a “…”").
        let number = (COUNT_WORDS.contains(&folded.as_str())
            && !matches!(folded.as_str(), "a" | "an"))
            || bare.starts_with(|c: char| c.is_ascii_digit());
        // "Another holdout — the United Mine Workers —": a dash ends the phrase.
        let dash = matches!(bare, "—" | "–" | "―" | "-" | "--");
        let stop = k > 0
            && (dash
                || !is_capitalised(bare)
                    && !number
                    && (is_stopword(&folded) || folded.ends_with("ed") || is_verb_like(&folded)));
        if stop || k >= MAX_SUBJECT_WORDS {
            break;
        }
        end = off + bare.len();
        if w.ends_with(',') || (w.ends_with('.') && !has_only_abbrev_dots(w)) {
            break;
        }
    }
    // "the more the people shrug": an article cut from its noun names no one (a phrase
    // of more words is never a bare article).
    let lone_article = matches!(fold(&s[..end]).as_str(), "the" | "a" | "an");
    (end > 0 && !lone_article).then_some(end)
}

/// "The Sanders campaign projects that …", "The email appears to …": a lowercase word in
/// "-s" after a noun (capitalised, or a lowercase word that is no stopword or number) and
/// before "that", "to", a quotation mark or the end of the words read (an article may
/// stand between: "The ad targets a “…”") is the subject's verb, not part of it.
fn present_verb_after_noun(noun: &str, word: &str, after: &[&str]) -> bool {
    let folded = fold(word);
    let verb_form = word.starts_with(char::is_lowercase)
        && folded.len() > 3
        && folded.ends_with('s')
        && !folded.ends_with("ss")
        && !folded.ends_with("'s");
    // Any noun: "The ad targets a “…”" (not a number: "the two sides").
    let folded_noun = fold(noun);
    let noun_before = is_capitalised(noun)
        || (folded_noun.chars().all(char::is_alphabetic)
            && folded_noun.len() > 1
            && !is_stopword(&folded_noun)
            && !COUNT_WORDS.contains(&folded_noun.as_str()));
    let after = match after {
        [article, rest @ ..] if matches!(fold(article).as_str(), "a" | "an" | "the") => rest,
        _ => after,
    };
    // Nothing after the word: the words read end at the quote ("the FBI lists “…”").
    let complement = after
        .first()
        .is_none_or(|n| matches!(fold(n).as_str(), "that" | "to") || n.starts_with(['“', '"']));
    verb_form && noun_before && complement
}

/// Finite verbs common after a subject that carry no past-tense ending.
fn is_verb_like(folded: &str) -> bool {
    matches!(
        folded,
        "says"
            | "said"
            | "told"
            | "tells"
            | "wrote"
            | "writes"
            | "took"
            | "made"
            | "gave"
            | "went"
            | "came"
            | "sent"
            | "spoke"
            | "won"
            | "ran"
    ) || is_auxiliary_or_adverb(folded)
}

/// Auxiliaries and adverbs that stand between a subject and its verb ("is promising",
/// "also said"): a verb's place, but not the verb itself.
fn is_auxiliary_or_adverb(folded: &str) -> bool {
    matches!(
        folded,
        "has"
            | "had"
            | "is"
            | "was"
            | "are"
            | "were"
            | "will"
            | "would"
            | "can"
            | "could"
            | "also"
            | "again"
            | "then"
            | "now"
            | "once"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject(s: &str) -> Option<&str> {
        sentence_subject(s, 0, s.len()).map(|f| f.span.slice(s))
    }

    #[test]
    fn a_state_set_off_after_a_place_in_the_introduction_is_no_subject() {
        let text = "Speaking at a rally in Khujand, Sughd Region, Mirzo went after Bagheri, ";
        assert_eq!(subject(text), Some("Mirzo"));
        let text = "In Khujand, Tajikistan, Defence Minister Sherali Mirzo warned that ";
        assert_eq!(subject(text), Some("Defence Minister Sherali Mirzo"));
        // A list of names, an apposition or a day is no state after a place.
        let text = "In Dushanbe, Mirzo, Bagheri and Harazov signed the deal, ";
        assert_eq!(subject(text), Some("Mirzo"));
        let text = "In Dushanbe, Mirzo, the defence minister, said ";
        assert_ne!(subject(text), Some("the defence minister"));
        let text = "On Tuesday, Mirzo, who opened the line, said ";
        assert_ne!(subject(text), Some("who"));
    }

    #[test]
    fn a_word_describing_a_plural_noun_is_no_subject_alone() {
        let subject =
            |s: &str| sentence_subject(s, 0, s.len()).map(|f| f.span.slice(s).to_string());
        let text = "Federal prosecutors alleged that the guards ";
        assert_eq!(subject(text).as_deref(), Some("Federal prosecutors"));
        let text = "Clinton aides said the plan was ";
        assert_eq!(subject(text).as_deref(), Some("Clinton aides"));
        let text = "Trump says the plan was ";
        assert_eq!(subject(text).as_deref(), Some("Trump"));
    }

    #[test]
    fn sentence_subjects() {
        assert_eq!(
            subject("In a speech on Tuesday, Baqeri described the plant as "),
            Some("Baqeri")
        );
        assert_eq!(
            subject("The Tajik defence minister also called the drones "),
            Some("The Tajik defence minister")
        );
        assert_eq!(
            subject("Tehran’s state media is calling the factory "),
            Some("Tehran’s state media")
        );
        assert_eq!(subject("He dismissed the report as "), Some("He"));
        assert_eq!(
            subject("DUSHANBE (IRNA) — General Bagheri opened the plant, saying "),
            Some("General Bagheri")
        );
        assert_eq!(subject("The plant was described as "), None);
        assert_eq!(subject("the plant "), None);
        // An article cut from its noun is no subject; a number goes on with the phrase.
        assert_eq!(subject("The more the people shrug and think, "), None);
        assert_eq!(
            subject("The two lawmakers wrote in their letter "),
            Some("The two lawmakers")
        );
        // A plural noun heads the subject after a capitalised modifier; "this" is none.
        assert_eq!(
            subject("Sanders supporters are crying "),
            Some("Sanders supporters")
        );
        assert_eq!(
            subject("Remember when this was about making "),
            Some("Remember")
        );
        assert_eq!(
            subject("Another holdout — the United Mine Workers — is unlikely to "),
            Some("Another holdout")
        );
    }

    #[test]
    fn possessive_speech_nouns() {
        let s = "Analysts doubted General Bagheri’s claim that Iran can now ";
        let f = possessive_cue(s, 0, s.len()).expect("possessive");
        assert_eq!(f.span.slice(s), "General Bagheri’s");
        assert_eq!(f.cue.map(|c| c.slice(s)), Some("claim"));
        let s = "Analysts visited Bagheri’s factory near ";
        assert!(possessive_cue(s, 0, s.len()).is_none());
    }

    /// A possessive pronoun owning a speech noun is an option of its own, never the
    /// possessive name rule's.
    #[test]
    fn possessive_pronouns_own_speech_nouns() {
        let s = "Albright, a Clinton supporter, fanned controversy over her remark that ";
        let f = possessive_pronoun(s, 0, s.len()).expect("pronoun");
        assert_eq!(f.span.slice(s), "her");
        assert_eq!(f.cue.map(|c| c.slice(s)), Some("remark"));
        assert!(possessive_cue(s, 0, s.len()).is_none());
        let s = "Karimova visited her factory near ";
        assert!(possessive_pronoun(s, 0, s.len()).is_none());
    }
}
