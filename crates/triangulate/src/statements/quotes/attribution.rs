//! Finding the speaker phrase and the speech verb next to a quoted passage: after it
//! ("…,” he said"), before it ("Bagheri said, “…”"), and the subject of the verb.

use super::context;
use super::lexicon::*;
use crate::model::Span;
use crate::text::{fold, is_stopword, Doc};

/// A speaker phrase found next to a quote, before pronoun and entity resolution.
#[derive(Clone, Copy, Debug)]
pub(super) struct Found {
    pub(super) span: Span,
    pub(super) cue: Option<Span>,
    /// Found after the quote ("…,” she said"): the quote hands over to its attribution.
    pub(super) after: bool,
}

/// Looks for the attribution after the quote ("…,” he said"), then before it
/// ("Bagheri said, “…”", "said that Iran is now able “to …”").
///
/// Every phrase a rule proposes on the way, chosen or not, is added to `seen` with its rule
/// (candidates for the learned chooser, `chooser.rs`).
pub(super) fn attribution(
    doc: &Doc,
    region: Span,
    prev_end: usize,
    next_start: usize,
    seen: &mut Vec<(Rule, Found)>,
) -> Option<Found> {
    let text = doc.text();
    let close = next_char_end(text, region.end);
    // The attribution may stand in the sentence after the closing mark when the quote
    // ends with "?" or "!" ("“…?” Kharazov asked."), which the splitter ends there.
    let next_word = text
        .get(close..)
        .and_then(|t| t.find(|c: char| !c.is_whitespace()))
        .map_or(close, |i| close + i);
    // Two sentences after the mark: the splitter may also end one at an abbreviation it
    // does not know ("Rep. Mark J. Tolliver (D-Ohio) said").
    let sentence_end = [region.end.saturating_sub(1), next_word]
        .iter()
        .filter_map(|&p| doc.layer.sentence_at(p))
        .max()
        .map_or(text.len(), |i| {
            let next = doc.layer.sentences.get(i + 1).filter(|_| {
                text.get(next_word..doc.layer.sentences[i].end)
                    .is_some_and(|t| t.split_whitespace().count() <= 3)
            });
            next.unwrap_or(&doc.layer.sentences[i]).end
        });
    let post_end = sentence_end
        .max(close)
        .min(next_start)
        .min(paragraph_end(text, close));
    let mut chosen: Option<Found> = None;
    let sentence_start = doc
        .layer
        .sentence_at(region.start)
        .map_or(0, |i| doc.layer.sentences[i].start);
    let ends_a_sentence = text
        .get(..region.end)
        .is_some_and(|t| t.trim_end().ends_with(['.', '!', '?']));
    // "…,” but he said that the footage …": the verb opens a report of its own; "…,” Trump
    // said: “…”": a colon hands the cue on to the next quote.
    let reports_anew = |f: &Found| {
        let after = f.cue.and_then(|c| text.get(c.end..post_end)).unwrap_or("");
        let next = after.trim_start();
        let opens_quote = next
            .strip_prefix(':')
            .is_some_and(|t| t.trim_start().starts_with(['“', '"', '‘']));
        // "that" right after the cue, or after its short object when the quote ended its
        // sentence ("…!” She replied to him that"), not "that day".
        let clause = after
            .split(['.', ',', ';', ':', '!', '?'])
            .next()
            .unwrap_or("");
        let words: Vec<String> = clause
            .split_whitespace()
            .take(MAX_TOLD_WORDS + 2)
            .map(fold)
            .collect();
        let that = words.iter().position(|w| w == "that").filter(|&k| {
            (k == 0 || k <= MAX_TOLD_WORDS && ends_a_sentence)
                && words
                    .get(k + 1)
                    .is_none_or(|w| !TIME_NOUNS.contains(&w.as_str()))
        });
        opens_quote || that.is_some()
    };
    if hands_over(text, region, close) {
        let main_clause_follows =
            in_open_subordinate_clause(text.get(sentence_start..region.start).unwrap_or(""));
        let known_cue = |f: &Found| f.cue.is_some_and(|c| is_cue_word(&fold(c.slice(text))));
        if let Some(found) = after_quote(text, close, post_end)
            .filter(|f| !reports_anew(f) && !opens_with_participle(text, f))
            .filter(|f| !main_clause_follows || known_cue(f))
        {
            let found = Found {
                after: true,
                ..found
            };
            seen.push((Rule::After, found));
            chosen = Some(found);
        }
    }
    if let Some(found) = comma_left_out(text, region, close, post_end).filter(|f| !reports_anew(f))
    {
        seen.push((Rule::CommaLeftOut, found));
        chosen = chosen.or(Some(found));
    }
    let pre_start = sentence_start
        .max(prev_end)
        .max(paragraph_start(text, region.start));
    let open = prev_char_start(text, region.start);
    // A speech verb wins over a possessive noun: in "Mirzo called Bagheri’s visit “the start
    // of a new era”" Mirzo speaks.
    // "questioned Bagheri’s claim that Iran can “…”": the quote is the claim's.
    let possessive = context::possessive_cue(text, pre_start, open);
    let claim_clause = possessive.is_some_and(|p| {
        p.cue.is_some_and(|c| {
            text.get(c.end..open)
                .and_then(|t| t.split_whitespace().next())
                .is_some_and(|w| fold(w) == "that")
        })
    });
    // "Reuters quoted the minister as saying “…”": the minister speaks, whatever other
    // verb the sentence holds ("… as telling Radio Liberty in written comments that").
    let verb = match quoted_as_saying(text, pre_start, open) {
        Some(q) => {
            seen.push((Rule::QuotedAs, q.speaker));
            Some(q.speaker)
        }
        None => before_quote(text, pre_start, open).inspect(|&f| seen.push((Rule::Verb, f))),
    };
    seen.extend(possessive.map(|f| (Rule::Possessive, f)));
    seen.extend(
        context::possessive_pronoun(text, pre_start, open).map(|f| (Rule::PossessivePronoun, f)),
    );
    let verb_after_noun = verb.is_some_and(|v| {
        possessive.is_some_and(|p| v.cue.zip(p.cue).is_some_and(|(vc, pc)| vc.start > pc.end))
    });
    let before = if claim_clause && !verb_after_noun {
        possessive
    } else {
        verb.or(possessive)
    };
    // "…, which he declared “a total disaster”": the relative clause's own subject speaks,
    // unless a cue nearer the quote names another speaker.
    let relative = relative_clause_speaker(text, pre_start, open);
    seen.extend(relative.map(|f| (Rule::Relative, f)));
    let before = match (before, relative) {
        (Some(b), Some(r)) if b.span.start < r.span.start => Some(r),
        (None, r) => r,
        (b, _) => b,
    };
    let closing = context::closing_attribution(doc, close);
    let colon_line = context::colon_line(doc, region);
    let colon = context::colon_speaker(text, pre_start, open);
    seen.extend(closing.map(|f| (Rule::Closing, f)));
    seen.extend(colon_line.map(|f| (Rule::ColonLine, f)));
    seen.extend(colon.map(|f| (Rule::Colon, f)));
    let signature = context::signature_line(doc, region);
    seen.extend(signature.map(|f| (Rule::Signature, f)));
    chosen
        .or(before)
        .or(closing)
        .or(colon_line)
        .or(colon)
        .or(signature)
}

/// The rule that proposed a speaker phrase: a feature of the learned chooser.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Rule {
    /// After the quote ("…,” he said").
    After,
    /// After the quote, its comma left out ("…” he said").
    CommaLeftOut,
    /// A speech verb before the quote ("Bagheri said, “…”").
    Verb,
    /// A possessive noun before the quote ("Bagheri’s claim that …").
    Possessive,
    /// A possessive pronoun before the quote ("her remark that …"): an option only.
    PossessivePronoun,
    /// The subject of a relative clause before the quote ("which he called “…”").
    Relative,
    /// ", she said." closing the sentence.
    Closing,
    /// A colon line before a quoted paragraph.
    ColonLine,
    /// A name or subject before a colon ("From the report: “…”").
    Colon,
    /// A dashed name signing a quoted paragraph ("“…” ¶ - Sanders.").
    Signature,
    /// The speaker of the reported clause the quote stands in.
    Clause,
    /// The subject of the quote's sentence.
    Subject,
    /// The speaker of the reporting sentence before ("…, Schiff said. “…”").
    PreviousSentence,
    /// A transcript label ("“PENCE: …”").
    Transcript,
    /// The speaker of the quote before, in the same or the previous paragraph.
    PreviousQuote,
    /// The subject nearest before the last speech cue ahead of the quote, a relative
    /// pronoun included (`nearby.rs`).
    CueSubject,
    /// The nearest subject pronoun before the quote in its sentence (`nearby.rs`).
    NearestPronoun,
    /// The relative pronoun whose clause holds the quote (`nearby.rs`).
    OpenRelative,
    /// The source after "according to" in the quote's sentence (`nearby.rs`).
    AccordingTo,
    /// The person a source quoted ("Reuters quoted the minister as saying “…”").
    QuotedAs,
}

impl Rule {
    /// Short name, as written in the weights file.
    pub(super) fn name(self) -> &'static str {
        match self {
            Rule::After => "after",
            Rule::CommaLeftOut => "comma_left_out",
            Rule::Verb => "verb",
            Rule::Possessive => "possessive",
            Rule::PossessivePronoun => "possessive_pronoun",
            Rule::Relative => "relative",
            Rule::Closing => "closing",
            Rule::ColonLine => "colon_line",
            Rule::Colon => "colon",
            Rule::Signature => "signature",
            Rule::Clause => "clause",
            Rule::Subject => "subject",
            Rule::PreviousSentence => "previous_sentence",
            Rule::Transcript => "transcript",
            Rule::PreviousQuote => "previous_quote",
            Rule::CueSubject => "cue_subject",
            Rule::NearestPronoun => "nearest_pronoun",
            Rule::OpenRelative => "open_relative",
            Rule::AccordingTo => "according_to",
            Rule::QuotedAs => "quoted_as",
        }
    }
}

/// Words opening a clause with a subject of its own before a quote ("which he declared",
/// "whom she described as", "as he puts it").
const RELATIVES: &[&str] = &["which", "who", "whom", "as"];

/// Words that may stand between such a clause's verb and the quote ("described *as*",
/// "puts *it*", "noted *was*").
const CLAUSE_LINKS: &[&str] = &[
    "as", "it", "the", "a", "an", "him", "her", "them", "this", "was", "is", "were", "are",
];

/// Most words looked back from the quote for a relative clause.
const MAX_RELATIVE_WORDS: usize = 8;

/// "Marco Rubio, who he dubbed “the little senator”" / "which he declared “a total
/// disaster”" / "as he puts it, “…”": a relative or comparative clause right before the
/// quote whose subject is a pronoun or a name and whose verb is in a tense; its subject
/// (not the sentence's) is the speaker, the verb the cue.
pub(super) fn relative_clause_speaker(text: &str, from: usize, open: usize) -> Option<Found> {
    let pre = text.get(from..open)?;
    let words: Vec<(usize, &str)> = word_offsets(pre).collect();
    let n = words.len();
    let k = (n.saturating_sub(MAX_RELATIVE_WORDS)..n)
        .rev()
        .find(|&k| RELATIVES.contains(&fold(words[k].1).as_str()))?;
    let subject_start = k + 1;
    let mut j = subject_start;
    let first = fold(words.get(j)?.1);
    if PERSONAL_PRONOUNS.contains(&first.as_str()) {
        j += 1;
    } else {
        while j < n && j - subject_start < 4 && is_capitalised(words[j].1) {
            if words[j].1.ends_with([',', '.']) && !has_only_abbrev_dots(words[j].1) {
                return None;
            }
            j += 1;
        }
    }
    if j == subject_start {
        return None;
    }
    let subject_end = j;
    while j < n && {
        let f = fold(words[j].1);
        f.ends_with("ly") || AUXILIARIES.contains(&f.as_str())
    } {
        j += 1;
    }
    let (verb_off, verb) = *words.get(j)?;
    let bare = verb.trim_end_matches([',', ':']);
    let folded = fold(bare);
    let tensed = verb_re().is_match(bare)
        || (folded.len() > 3 && (folded.ends_with("ed") || folded.ends_with('s')));
    if is_capitalised(bare) || !tensed || crate::text::is_stopword(&folded) {
        return None;
    }
    let tail = &words[j + 1..];
    let linked = tail.len() <= 3
        && tail
            .iter()
            .all(|(_, w)| CLAUSE_LINKS.contains(&fold(w.trim_end_matches([',', ':'])).as_str()));
    if !linked {
        return None;
    }
    let (last_off, last) = words[subject_end - 1];
    let last = last.trim_end_matches(',');
    Some(Found {
        span: Span::new(from + words[subject_start].0, from + last_off + last.len()),
        cue: Some(Span::new(from + verb_off, from + verb_off + bare.len())),
        after: false,
    })
}

/// Whether the speaker at `span` is the subject of a relative clause ("which *he*
/// declared", "whom *she* called").
pub(super) fn opens_relative_clause(text: &str, span: Span) -> bool {
    text.get(..span.start)
        .and_then(|t| t.split_whitespace().next_back())
        .is_some_and(|w| matches!(fold(w).as_str(), "which" | "who" | "whom"))
}

/// "“The Iowa caucus is a battle of niches” Grubbs said.": an attribution right after the
/// closing mark, its comma left out, with a speech verb that ends the sentence.
fn comma_left_out(text: &str, region: Span, close: usize, to: usize) -> Option<Found> {
    // A quote ending its own sentence ("“….” He added, …") hands over to nothing, unless
    // the next sentence is only its speaker and a speech verb ("“….” Trump said.").
    let full_stop = region
        .slice(text)
        .trim_end()
        .ends_with(['.', '?', '!', '…']);
    let gap = text.get(close..)?;
    if !gap.starts_with(' ') || gap.trim_start().starts_with(|c: char| !c.is_alphabetic()) {
        return None;
    }
    // "the “Pose” actor said": a quote after a determiner names the noun that follows it.
    let determined = text
        .get(..prev_char_start(text, region.start))?
        .split_whitespace()
        .next_back()
        .is_some_and(|w| {
            matches!(
                fold(w).as_str(),
                "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "my" | "your"
            )
        });
    if determined {
        return None;
    }
    let found = after_quote(text, close, to)?;
    let cue = found.cue?;
    let adjacent = text
        .get(close..found.span.start.min(cue.start))?
        .trim()
        .is_empty();
    let spoken = verb_re().is_match(cue.slice(text));
    // "…anonymity" said Nick Merrill, a Clinton campaign spokesman.": a comma may follow
    // the attribution of a quote that does not end its sentence; after "….” He said, “…”"
    // the attribution belongs to the quote after it.
    let tail = text.get(found.span.end.max(cue.end)..to)?.trim_start();
    // "…too” Sweeny said after an event in Edison.": an adverbial may close it too.
    let subject_first = found.span.start < cue.start;
    let ends = tail.starts_with(['.', ':'])
        || (!full_stop && (tail.starts_with(',') || (subject_first && is_adverbial_tail(tail))));
    let bare = !full_stop
        || text
            .get(close..found.span.end.max(cue.end))
            .is_some_and(|t| t.split_whitespace().count() <= MAX_BARE_ATTRIBUTION_WORDS);
    (adjacent && spoken && ends && bare).then_some(Found {
        after: true,
        ..found
    })
}

/// Whether the words after an attribution's cue are only an adverbial ("after an event in
/// Edison", "in a video message to the convention"): they open with a preposition and the
/// verb does not go on to a report of its own ("… said in a speech that …").
pub(super) fn is_adverbial_tail(tail: &str) -> bool {
    tail.split_whitespace()
        .next()
        .is_some_and(|w| PREPOSITIONS.contains(&fold(w).as_str()))
        && !tail.split_whitespace().any(|w| fold(w) == "that")
}

/// Most words of an attribution standing as a sentence of its own after a quote ("Donald
/// Trump said.").
const MAX_BARE_ATTRIBUTION_WORDS: usize = 4;

/// Whether the quote hands over to an attribution after it: the quoted words end with a
/// comma, question or exclamation mark ("…,” he said"), or a comma follows the mark.
pub(super) fn hands_over(text: &str, region: Span, close: usize) -> bool {
    // A quote inside the quote may close first ("…those 5,000 people,’”").
    let inner_end = region
        .slice(text)
        .trim_end()
        .trim_end_matches(['’', '\''])
        .chars()
        .next_back();
    let after = text.get(close..).and_then(|t| t.chars().next());
    matches!(inner_end, Some(',' | '?' | '!')) || after == Some(',') || dash_follows(text, close)
}

/// A dash after the closing mark introduces the speaker ("…” ― Soren Dalvi").
fn dash_follows(text: &str, close: usize) -> bool {
    text.get(close..)
        .map(str::trim_start)
        .is_some_and(|t| t.starts_with(['―', '—', '–']))
}

pub(super) fn paragraph_end(text: &str, from: usize) -> usize {
    text.get(from..)
        .and_then(|t| t.find("\n\n"))
        .map_or(text.len(), |i| from + i)
}

pub(super) fn paragraph_start(text: &str, pos: usize) -> usize {
    text.get(..pos)
        .and_then(|t| t.rfind("\n\n"))
        .map_or(0, |i| i + 2)
}

pub(super) fn prev_char_start(text: &str, pos: usize) -> usize {
    text.get(..pos)
        .and_then(|t| t.char_indices().next_back())
        .map_or(pos, |(i, _)| i)
}

/// Where the character at `pos` ends (a quote's closing mark: "”" is three bytes); `pos`
/// at the end of the text.
pub(super) fn next_char_end(text: &str, pos: usize) -> usize {
    pos + text
        .get(pos..)
        .and_then(|t| t.chars().next())
        .map_or(0, char::len_utf8)
}

/// Most words between a cue after a quote and the "that" opening its own report ("replied
/// to him that").
const MAX_TOLD_WORDS: usize = 2;

/// Nouns after which "that" is a determiner ("that day"), not a complementiser.
const TIME_NOUNS: &[&str] = &[
    "day", "night", "morning", "evening", "week", "month", "year", "hour", "time",
];

/// Most words of an adverbial set off between a quote and a joined clause ("for instance").
const MAX_ADVERBIAL_WORDS: usize = 3;

/// "…,” he said." / "…,” said Dr. Mirela Oskan, who …" / "…,” the group’s spokesman,
/// Soren Dalvi, said".
pub(super) fn after_quote(text: &str, from: usize, to: usize) -> Option<Found> {
    let post = text.get(from..to.max(from))?;
    let lead = post.len() - post.trim_start_matches([',', ' ', '\u{a0}']).len();
    let rest = &post[lead..];
    let base = from + lead;
    // "…,” when Clinton blasted him": a subordinate clause after the quote tells what
    // happened then, not who spoke ("…,” as he put it" still attributes).
    let first = rest.split_whitespace().next().map(fold).unwrap_or_default();
    // "…,” for instance, and Trump vowed to": a clause of its own joined by "and".
    let joined = |s: &str| s.starts_with("and ") || s.starts_with("but ");
    // An adverbial is lowercase words without a cue ("for instance"), not a speaker and
    // verb ("“Quiet,” Kharazov snapped, and stormed off").
    let adverbial = |head: &str| {
        let first = head.split_whitespace().next().unwrap_or("");
        head.split_whitespace().count() <= MAX_ADVERBIAL_WORDS
            && first.starts_with(char::is_lowercase)
            && !PERSONAL_PRONOUNS.contains(&fold(first).as_str())
            && !verb_re().is_match(head)
    };
    if joined(rest)
        || rest
            .split_once(", ")
            .is_some_and(|(head, tail)| adverbial(head) && joined(tail))
    {
        return None;
    }
    if matches!(
        first.as_str(),
        "when"
            | "while"
            | "after"
            | "before"
            | "because"
            | "if"
            | "since"
            | "although"
            | "though"
            | "until"
            | "whereas"
            | "unless"
    ) {
        return None;
    }
    if let Some(found) = dashed_name(rest, base).or_else(|| name_and_verb(rest, base)) {
        return Some(found);
    }
    let cues: Vec<regex::Match> = verb_re()
        .find_iter(rest)
        .filter(|m| is_active_cue(&rest[..m.start()]) && !is_capital_cue(m.as_str()))
        .collect();
    // "…,” the official, who asked not to be named, said": a cue inside a relative clause
    // that a comma closes before a later cue is the clause's, not the quote's.
    let in_closed_relative = |k: usize| {
        let m = &cues[k];
        let opened = rest[..m.start()]
            .rsplit(',')
            .next()
            .and_then(|part| part.split_whitespace().next())
            .is_some_and(|w| matches!(fold(w).as_str(), "who" | "which"));
        opened
            && cues
                .get(k + 1)
                .is_some_and(|next| rest[m.end()..next.start()].contains(','))
    };
    let m = (0..cues.len())
        .find(|&k| !in_closed_relative(k))
        .map(|k| cues[k]);
    // "Serafinowicz, who’s starred in “…,” posted the clip": after a quote inside an
    // apposition or relative clause, a verb other than "said" and its like is the main
    // verb of the subject set off before the quote, not a verb put before its speaker.
    let main_verb =
        |verb: &str| !INVERTED.contains(&fold(verb).as_str()) && inside_an_apposition(text, from);
    let Some(m) = m.filter(|m| m.start() == 0) else {
        let first_verb = word_offsets(rest).next().map(|(_, w)| w).unwrap_or("");
        if let Some(found) = inverted_unknown_verb(rest, base).filter(|_| !main_verb(first_verb)) {
            return Some(found);
        }
        return m
            .and_then(|m| subject_before_cue(text, rest, base, &m))
            .or_else(|| apposed_name_and_verb(rest, base));
    };
    if main_verb(m.as_str()) {
        return None;
    }
    // Verb first: the speaker follows ("said Ivo Strand, who …").
    named_after_verb(rest, base, m.start(), m.end())
}

/// Whether the sentence holding the text before `pos` opens with a name set off by a
/// comma ("Washington, star of television’s “Scandal,”", "Serafinowicz, who’s starred in
/// “…”"): the name still waits for its verb.
fn inside_an_apposition(text: &str, pos: usize) -> bool {
    // Back to the quote's opening mark: the sentence is the one it opens in.
    let closed = text.get(..pos).unwrap_or("").trim_end_matches([',', ' ']);
    let inner = closed.strip_suffix(['”', '"', '’', '\'']).unwrap_or(closed);
    let before = inner.rfind(['“', '"']).map_or(inner, |open| &inner[..open]);
    let start = [". ", "? ", "! ", "\n"]
        .iter()
        .filter_map(|b| before.rfind(b).map(|i| i + b.len()))
        .max()
        .unwrap_or(0);
    let sentence = before[start..].trim_start();
    let Some((head, _)) = sentence.split_once(',') else {
        return false;
    };
    let words: Vec<&str> = head.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= MAX_SUBJECT_WORDS
        && words
            .iter()
            .all(|w| is_capitalised(w) || is_dotted_title(w))
}

/// A title abbreviation inside a name ("Sen.", "Gov.").
fn is_dotted_title(w: &str) -> bool {
    w.ends_with('.') && is_abbreviation(w)
}

/// The subject before a speech verb found after a quote ("…,” the group’s spokesman,
/// Soren Dalvi, said").
fn subject_before_cue(text: &str, rest: &str, base: usize, m: &regex::Match) -> Option<Found> {
    let subject = &rest[..m.start()];
    if subject.contains(['.', '!', '?']) && !has_only_abbrev_dots(subject) {
        return None;
    }
    // A long subject is a sentence of its own, unless its first comma part holds the
    // speaker's name and the rest are appositions ("…,” Sherali Mirzo, the Tajik defence
    // minister, one of …, said"; "…,” Texas delegate Bill Eastland, wearing …, said").
    let long = subject.split_whitespace().count() > MAX_SUBJECT_WORDS;
    subject_of(text, base, base + m.start())
        .filter(|f| !long || !subject[..f.span.start - base].contains(','))
        .or_else(|| whole_description(subject, base))
        .or_else(|| name_before_apposition(subject, base))
        .or_else(|| lone_capitalised_word(subject, base))
        .map(|f| Found {
            cue: Some(Span::new(base + m.start(), base + m.end())),
            ..f
        })
}

/// "…,” May said" (Theresa May), "…,” From said": one capitalised word alone between the
/// quote and its verb names the speaker, though it is also a common word.
fn lone_capitalised_word(subject: &str, base: usize) -> Option<Found> {
    let word = subject.trim();
    let lead = subject.len() - subject.trim_start().len();
    (!word.is_empty() && is_capitalised(word) && word.chars().all(char::is_alphabetic)).then(|| {
        Found {
            span: Span::new(base + lead, base + lead + word.len()),
            cue: None,
            after: false,
        }
    })
}

/// "…,” Anne Richards, assistant secretary of state for population, refugees, and
/// migration, said": a capitalised name set off by a comma opens the words before the cue;
/// when no parse of the whole holds (a list inside the apposition), the name speaks.
fn name_before_apposition(subject: &str, base: usize) -> Option<Found> {
    let first = subject.split_whitespace().next()?;
    let pronoun = matches!(
        fold(first).as_str(),
        "it" | "they" | "we" | "he" | "she" | "i"
    );
    if !is_capitalised(first) || starts_with_determiner(first) || pronoun {
        return None;
    }
    let lead = subject.len() - subject.trim_start().len();
    let name = leading_name(&subject[lead..])?;
    subject[lead + name..].starts_with(',').then(|| Found {
        span: Span::new(base + lead, base + lead + name),
        cue: None,
        after: false,
    })
}

/// "…,” the independent Vermont senator and Democratic presidential candidate said": a
/// determiner phrase without commas filling the words between a quote and its cue is the
/// speaker, however many words it has (up to [`MAX_SUBJECT_WORDS`]).
fn whole_description(subject: &str, base: usize) -> Option<Found> {
    let phrase = strip_auxiliaries(subject);
    let words = phrase.split_whitespace().count();
    let plain = !phrase.contains([',', ';', ':', '(', '“', '"']);
    (plain && words <= MAX_SUBJECT_WORDS && starts_with_determiner(phrase)).then(|| {
        let lead = phrase.len() - phrase.trim_start().len();
        Found {
            span: Span::new(base + lead, base + phrase.len()),
            cue: None,
            after: false,
        }
    })
}

/// Most words between a quote and its speech verb ("…,” the group’s spokesman, Soren
/// Dalvi, said"), appositions of a leading name aside.
const MAX_SUBJECT_WORDS: usize = 12;

/// "― Soren Dalvi": a dash, then a name.
fn dashed_name(rest: &str, base: usize) -> Option<Found> {
    let body = rest.strip_prefix(['―', '—', '–'])?;
    let skip = rest.len() - body.len() + (body.len() - body.trim_start().len());
    let np = leading_name(body.trim_start()).filter(|_| is_capitalised(body.trim_start()))?;
    Some(Found {
        span: Span::new(base + skip, base + skip + np),
        cue: None,
        after: false,
    })
}

/// "…?” Kharazov demanded." / "…,” the judge exclaimed, “…" / "…,” Mirzo barked as he
/// left": a name, a pronoun or a short determiner phrase, then a past-tense verb (or a
/// present one that ends the clause), whatever the verb (the cue list cannot hold them all).
fn name_and_verb(rest: &str, base: usize) -> Option<Found> {
    let words: Vec<(usize, &str)> = word_offsets(rest).take(7).collect();
    fn bare(w: &str) -> &str {
        w.trim_end_matches(['.', ',', '!', '?'])
    }
    let ends_clause = |w: &str| w.ends_with(['.', ',', '!', '?']) && !has_only_abbrev_dots(w);
    // "…,” they conclude.": after a plural or first-person pronoun the verb has no ending.
    let plural_pronoun = words
        .first()
        .is_some_and(|(_, w)| matches!(fold(w).as_str(), "they" | "we" | "i"));
    // "…,” she yells while moving": right after "he" or "she", a word ending in -s is
    // the verb, whatever follows it.
    let singular_pronoun = words
        .first()
        .is_some_and(|(_, w)| matches!(fold(w).as_str(), "he" | "she"));
    let verb_at = (1..words.len()).find(|&k| {
        let (w, v) = (words[k].1, bare(words[k].1));
        !is_capitalised(v)
            && !crate::text::is_stopword(&fold(v))
            && (v.ends_with("ed")
                || v.ends_with('s') && (ends_clause(w) || k == 1 && singular_pronoun)
                || k == 1 && plural_pronoun && ends_clause(w))
    })?;
    let subject = &words[..verb_at];
    if subject.iter().any(|(_, w)| ends_clause(w)) {
        return None;
    }
    let first = fold(subject[0].1);
    // "…,” it said": an organisation or document, with a speech verb only.
    let it = first == "it" && verb_re().is_match(bare(words[verb_at].1));
    let pronoun =
        subject.len() == 1 && (matches!(first.as_str(), "he" | "she" | "i" | "we" | "they") || it);
    let named = subject.len() <= 5 && subject.iter().all(|(_, w)| is_capitalised(w));
    // "the senator", "the independent Vermont senator": a determiner, then words that are
    // no small words, the last (the head noun) in lower case.
    let described = subject.len() <= 5
        && matches!(first.as_str(), "the" | "a" | "an")
        && subject[1..]
            .iter()
            .all(|(_, w)| !crate::text::is_stopword(&fold(w)))
        && subject.last().is_some_and(|(_, w)| !is_capitalised(w));
    if !(pronoun || named || described) {
        return None;
    }
    let (s, last) = (subject[0].0, subject[verb_at - 1]);
    let verb = bare(words[verb_at].1);
    Some(Found {
        span: Span::new(base + s, base + last.0 + last.1.len()),
        cue: Some(Span::new(
            base + words[verb_at].0,
            base + words[verb_at].0 + verb.len(),
        )),
        after: false,
    })
}

/// "…,” Howard Dean, the former governor of Vermont, proclaimed to a cheering crowd": a
/// name, one or more appositions set off by commas, then a past-tense verb that no cue
/// list holds (or a known cue capitalised by mistake), opening the next comma part. The verb must open a part of its own: inside
/// an apposition ("a retired general") an "-ed" word describes.
fn apposed_name_and_verb(rest: &str, base: usize) -> Option<Found> {
    let first = rest.split_whitespace().next()?;
    if !is_capitalised(first) || starts_with_determiner(first) {
        return None;
    }
    let name = leading_name(rest)?;
    let after = rest.get(name..)?.strip_prefix(", ")?;
    let mut offset = name + 2;
    let mut words = 0;
    for (k, part) in after.split(", ").enumerate() {
        let verb = part.split_whitespace().next()?;
        let folded = fold(verb.trim_end_matches(['.', ',']));
        let past = folded.len() > 3
            && folded.ends_with("ed")
            && folded.chars().all(char::is_alphabetic)
            && !crate::text::is_stopword(&folded);
        // "Murphy, the head of Right to Rise USA, Tweeted on Friday": a capital on a
        // known cue is a typing slip, not a name.
        let verb_shape = !is_capitalised(verb) || verb_re().is_match(verb);
        if k > 0 && past && verb_shape {
            return Some(Found {
                span: Span::new(base, base + name),
                cue: Some(Span::new(base + offset, base + offset + folded.len())),
                after: false,
            });
        }
        words += part.split_whitespace().count();
        let ends_sentence = part.contains(['.', '!', '?']) && !has_only_abbrev_dots(part);
        if words > MAX_SUBJECT_WORDS || ends_sentence {
            return None;
        }
        offset += part.len() + 2;
    }
    None
}

/// Whether every full stop in `s` ends an abbreviation rather than a sentence: a title
/// ("Sen."), an initial ("Elijah E. Cummings"), a party tag ("(D-Md.)") or an acronym
/// with dots ("U.S.").
pub(super) fn has_only_abbrev_dots(s: &str) -> bool {
    s.split_whitespace()
        .filter(|w| w.ends_with('.'))
        .all(is_abbreviation)
}

fn is_abbreviation(w: &str) -> bool {
    let bare = w.trim_end_matches('.');
    let initial = bare.chars().count() == 1 && is_capitalised(bare);
    let party_tag = bare.starts_with('(') || bare.ends_with(')');
    let acronym = bare.contains('.') && bare.chars().all(|c| c == '.' || c.is_uppercase());
    TITLES.contains(&fold(bare).as_str())
        || initial
        || party_tag
        || acronym
        || matches!(bare, "Jr" | "Sr")
}

/// "Bagheri said, “…" / "the minister said the government was "determined …"" / "Said
/// Ellis: “…”" / "…, saying, “…”" (the subject of the sentence).
pub(super) fn before_quote(text: &str, from: usize, to: usize) -> Option<Found> {
    let pre = text.get(from..to.max(from))?;
    let opening = |m: &regex::Match| pre[..m.start()].trim().is_empty();
    let verbs: Vec<regex::Match> = verb_re()
        .find_iter(pre)
        .filter(|m| is_active_cue(&pre[..m.start()]))
        .filter(|m| !names_a_noun(&pre[..m.start()], m.as_str()))
        .filter(|m| !is_capital_cue(m.as_str()) || opening(m))
        .collect();
    let finite: Vec<&regex::Match> = verbs
        .iter()
        .filter(|m| !is_participle(m.as_str()) && !is_infinitive(&pre[..m.start()]))
        .collect();
    if let Some(found) = absolute_with_speaker(pre, from) {
        return Some(found);
    }
    let last = *verbs.last()?;
    let word = fold(last.as_str());
    let cue_span = |m: &regex::Match| Some(Span::new(from + m.start(), from + m.end()));
    if SPEAKER_AFTER.contains(&word.as_str()) || opening(&last) && INVERTED.contains(&word.as_str())
    {
        // "According to Fars News, …", and the inverted "Said Ellis: “…”".
        return speaker_after_cue(text, from, &last);
    }
    if let Some(cited) = verbs.iter().rev().find(|m| fold(m.as_str()) == "cited") {
        if is_participle(last.as_str()) {
            let after = &pre[cited.end()..];
            let skip = after.len() - after.trim_start().len();
            let np = leading_name(after.trim_start())?;
            let s = from + cited.end() + skip;
            return Some(Found {
                span: Span::new(s, s + np),
                after: false,
                cue: cue_span(cited),
            });
        }
    }
    if last.as_str().ends_with("ing") {
        if let Some(f) = depicted_speaker(text, from, from + last.start()) {
            return Some(Found {
                cue: cue_span(&last),
                ..f
            });
        }
    }
    let chosen = if is_participle(last.as_str()) || is_infinitive(&pre[..last.start()]) {
        match finite.last() {
            Some(m) => **m,
            // "Trump attacked the plan, saying, “…”": the subject of the sentence.
            None => {
                return context::sentence_subject(text, from, from + last.start()).map(|f| Found {
                    cue: cue_span(&last),
                    ..f
                })
            }
        }
    } else {
        last
    };
    let found = coordinated_subject(text, from, from + chosen.start())
        .or_else(|| subject_of(text, from, from + chosen.start()))?;
    let found = namer_of_what(text, from, found, chosen.as_str()).unwrap_or(found);
    Some(Found {
        cue: cue_span(&chosen),
        ..found
    })
}

/// "When Trump … said he would “protect our citizens,” the crowd applauded": a quote
/// inside the subordinate clause that opens its sentence (no comma yet closes it) is
/// followed by the main clause, whose verb attributes nothing unless it is a speech cue.
/// `before` is the sentence up to the quote.
fn in_open_subordinate_clause(before: &str) -> bool {
    context::opens_subordinate_clause(before) && !before.contains([',', ';', ':'])
}

/// Most words of the phrase between "with" and its participle.
const MAX_WITH_WORDS: usize = 8;

/// "…, with Lewandowski taking to Twitter to call Fields “totally delusional”", "…, with
/// many marchers chanting “We are Orlando”": in an absolute "with" clause the phrase before
/// the participle speaks, when the participle or a verb after it is a speech verb.
/// `pre` is the text from `from` to the quote.
fn absolute_with_speaker(pre: &str, from: usize) -> Option<Found> {
    let words: Vec<(usize, &str)> = word_offsets(pre).collect();
    let with = words.iter().rposition(|&(at, w)| {
        fold(w) == "with" && (pre[..at].trim_end().ends_with(',') || pre[..at].trim().is_empty())
    })?;
    let phrase = &words[with + 1..];
    let verb = phrase
        .iter()
        .take(MAX_WITH_WORDS + 1)
        .position(|&(_, w)| is_participle_word(w))?;
    let (np, chain) = phrase.split_at(verb);
    // "with Mirzo reportedly yelling": an adverb before the participle is not the phrase's.
    let adverbs = np
        .iter()
        .rev()
        .take_while(|&&(_, w)| w.starts_with(char::is_lowercase) && fold(w).ends_with("ly"))
        .count();
    let np = &np[..np.len() - adverbs];
    let last = np.last()?.1;
    let clean = |w: &str| !w.contains(|c: char| ",;:()“”\"".contains(c));
    if !np.iter().all(|&(_, w)| clean(w)) || is_stopword(&fold(last)) && !is_object_pronoun(last) {
        return None;
    }
    // The participle's own clause runs on to the quote (a comma may hand over to it):
    // "With many farmers chanting slogans, the mayor said “…”" is the mayor's.
    let closed = chain
        .iter()
        .position(|&(_, w)| w.ends_with([',', ':', ';']))
        .is_some_and(|k| k + 1 < chain.len());
    let speech = chain.iter().enumerate().any(|(k, &(_, w))| {
        let after_to = k > 0 && fold(chain[k - 1].1) == "to";
        (is_participle_word(w) || after_to) && names_speech(w)
    });
    if closed || !speech {
        return None;
    }
    let start = np[0].0;
    Some(Found {
        span: Span::new(from + start, from + np.last()?.0 + last.len()),
        cue: Some(Span::new(
            from + chain[0].0,
            from + chain[0].0 + chain[0].1.len(),
        )),
        after: false,
    })
}

/// Whether a speaker phrase opens with a participle ("pointing to bottles of …"): a
/// participle phrase is no speaker.
fn opens_with_participle(text: &str, found: &Found) -> bool {
    let phrase = found.span.slice(text);
    is_participle_word(phrase.split_whitespace().next().unwrap_or(""))
}

/// A lowercase "-ing" word standing as a verb ("taking", "tweeting").
fn is_participle_word(w: &str) -> bool {
    let f = fold(w.trim_end_matches([',', ':', ';']));
    w.starts_with(|c: char| c.is_lowercase())
        && f.len() > 5
        && f.ends_with("ing")
        && !matches!(
            f.as_str(),
            "during" | "nothing" | "something" | "everything" | "morning" | "evening"
        )
}

/// "him", "her", "them": an object pronoun may head a "with" clause ("with him saying").
fn is_object_pronoun(w: &str) -> bool {
    matches!(fold(w).as_str(), "him" | "her" | "them")
}

/// A verb form whose own form, past tense or third person is a cue ("tweeting" for
/// "tweeted", "call" for "called"); the caller makes sure the word stands as a verb.
fn names_speech(w: &str) -> bool {
    let f = fold(w.trim_matches(|c: char| !c.is_alphanumeric()));
    let stem = f.strip_suffix("ing").unwrap_or(&f);
    [
        f.clone(),
        format!("{f}ed"),
        format!("{f}d"),
        format!("{stem}ed"),
        format!("{stem}s"),
    ]
    .iter()
    .any(|c| is_cue_word(c))
}

/// Cues that name a thing ("what he calls “the Washington cartel”").
const NAMING_VERBS: &[&str] = &["calls", "called", "describes", "described"];

/// "Cruz has railed against what he calls the “Washington cartel”": a pronoun naming a
/// thing in a "what" clause stands for the subject of the sentence, and that subject
/// speaks when it is a name, or the same pronoun ("It’s denouncing what it calls “…”").
/// A common noun ("The group seeks … what it calls “…”") leaves the pronoun.
fn namer_of_what(text: &str, from: usize, found: Found, verb: &str) -> Option<Found> {
    let pronoun = fold(found.span.slice(text));
    if !matches!(pronoun.as_str(), "he" | "she" | "it")
        || !NAMING_VERBS.contains(&fold(verb).as_str())
    {
        return None;
    }
    let before = text.get(from..found.span.start)?.trim_end();
    let what = before.rsplit(char::is_whitespace).next()?;
    if fold(what) != "what" {
        return None;
    }
    let what_start = from + before.len() - what.len();
    let Some(subject) = context::sentence_subject(text, from, what_start) else {
        return contracted_opening_pronoun(text, from, &pronoun);
    };
    let words: Vec<&str> = subject.span.slice(text).split_whitespace().collect();
    let same_pronoun = words.len() == 1 && strip_contraction(words[0]) == pronoun;
    let named = words.iter().skip(1).any(|w| is_name_word(w))
        || words.len() == 1 && is_name_word(words[0]) && !is_stopword(&fold(words[0]));
    (same_pronoun || named).then_some(subject)
}

/// "It’s denouncing what it calls “…”": the sentence opens with the same pronoun,
/// contracted with "is" or "has" (which the subject finder does not take for a subject).
fn contracted_opening_pronoun(text: &str, from: usize, pronoun: &str) -> Option<Found> {
    let rest = text.get(from..)?;
    let lead = rest.len() - rest.trim_start().len();
    let first = rest[lead..].split_whitespace().next()?;
    let bare = first.find(['’', '\''])?;
    (strip_contraction(first) == pronoun).then(|| Found {
        span: Span::new(from + lead, from + lead + bare),
        cue: None,
        after: false,
    })
}

/// A word without a contracted "’s" ("It’s" → "it").
fn strip_contraction(w: &str) -> String {
    let f = fold(w);
    // `fold` has made the apostrophe straight.
    f.strip_suffix("'s").unwrap_or(&f).to_string()
}

/// A report relayed by a quoting source: "Reuters quoted the minister as saying that
/// “…”", "The article cited Jeremy Binney, an analyst at Janes, as telling Radio Liberty
/// in written comments that “…”". The person quoted speaks; the source quoting them is
/// the channel.
#[derive(Clone, Copy, Debug)]
pub(super) struct QuotedAs {
    /// The person quoted, the cue their participle ("saying").
    pub(super) speaker: Found,
    /// The source quoting them, the cue "quoted" or "cited".
    pub(super) channel: Option<Found>,
}

/// Most words of the person quoted ("the defence minister", "Jeremy Binney").
const MAX_QUOTED_WORDS: usize = 8;

/// Words before a speech verb that make it no verb of its own: "in written comments".
const CUE_AS_MODIFIER: &[&str] = &["in", "a", "an", "the", "his", "her", "their", "its"];

/// The last "quoted|cited X as saying" in `text[from..to]` (the quote's sentence before
/// its opening mark), when no speech verb of its own follows it: its speaker is X (the
/// part before an apposition's comma) and its channel the subject of "quoted".
pub(super) fn quoted_as_saying(text: &str, from: usize, to: usize) -> Option<QuotedAs> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r"\b(?P<verb>[Qq]uot(?:ed|es|ing)|[Cc]it(?:ed|es|ing))\s+(?P<who>[^“”\x22.;:]{1,200}?)\s+as\s+(?P<cue>saying|telling|writing|stating|warning|adding|arguing|describing|calling|having\s+said|having\s+told)\b",
        )
        .expect("valid pattern")
    });
    let pre = text.get(from..to.max(from))?;
    let caps = re.captures_iter(pre).last()?;
    let (verb, who, cue) = (caps.name("verb")?, caps.name("who")?, caps.name("cue")?);
    // "…, as saying so. Trump told reporters: “…”": a later cue of its own speaks.
    let own_cue_after = verb_re().find_iter(&pre[cue.end()..]).any(|m| {
        let before = &pre[..cue.end() + m.start()];
        let prev = before.split_whitespace().next_back().map(fold);
        !is_participle(m.as_str()) && !prev.is_some_and(|w| CUE_AS_MODIFIER.contains(&w.as_str()))
    });
    if own_cue_after {
        return None;
    }
    let name = who.as_str().split(',').next().unwrap_or("").trim_end();
    let words = name.split_whitespace().count();
    if words == 0 || words > MAX_QUOTED_WORDS {
        return None;
    }
    let at = |m: &regex::Match| Span::new(from + m.start(), from + m.end());
    let speaker = Found {
        span: Span::new(from + who.start(), from + who.start() + name.len()),
        cue: Some(at(&cue)),
        after: false,
    };
    let channel = subject_of(text, from, from + verb.start()).map(|f| Found {
        cue: Some(at(&verb)),
        ..f
    });
    Some(QuotedAs { speaker, channel })
}

/// "The ad uses footage of Hillary Clinton asking, “…”", "with Trump reportedly yelling":
/// a participle cue right after a name (or "him", "her", "them") that follows "of",
/// "with" or a verb of seeing or showing speaks for that name, not for the sentence's
/// subject ("Trump attacked Bush, calling him …" keeps its comma and its subject).
fn depicted_speaker(text: &str, from: usize, cue: usize) -> Option<Found> {
    let pre = strip_auxiliaries(text.get(from..cue)?);
    let words: Vec<(usize, &str)> = word_offsets(pre).collect();
    let &(last_at, last) = words.last()?;
    if last.ends_with([',', ':', ';', '.', ')', '”', '"']) {
        return None;
    }
    let (start, end) = if is_object_pronoun(last) {
        (last_at, last_at + last.len())
    } else {
        let (a, b) = trailing_name(pre)?;
        (b == pre.len()).then_some((a, b))?
    };
    let before = words.iter().rev().find(|(off, _)| *off < start)?.1;
    let depicts = matches!(
        fold(before).as_str(),
        "of" | "with"
            | "show"
            | "shows"
            | "showed"
            | "showing"
            | "hear"
            | "heard"
            | "see"
            | "saw"
            | "seen"
            | "watch"
            | "watched"
            | "features"
            | "featured"
            | "featuring"
    );
    depicts.then(|| Found {
        span: Span::new(from + start, from + end),
        cue: None,
        after: false,
    })
}

/// Conjunctions joining a cue to the verb before it ("… and called", "…, but admitted").
const VERB_CONJUNCTIONS: &[&str] = &["and", "but"];

/// "Carson took the stage at the Grand Hotel in Baltimore and called …": a cue right after
/// "and" or "but" (adverbs aside) shares the subject of the verb before it, so the speaker
/// opens that clause rather than ending the words before the cue (which would give
/// "Baltimore"; "She was defending the group against attacks from Donald Trump, but
/// admitted …" is hers). The clause is the last comma part before the conjunction, or else
/// the whole sentence.
pub(super) fn coordinated_subject(text: &str, from: usize, cue: usize) -> Option<Found> {
    let pre = text.get(from..cue)?;
    let mut words = word_offsets(pre).collect::<Vec<_>>();
    let is_conjunction = |w: &str| VERB_CONJUNCTIONS.contains(&fold(w).as_str());
    while words
        .last()
        .is_some_and(|(_, w)| !is_conjunction(w) && AUXILIARIES.contains(&fold(w).as_str()))
    {
        words.pop();
    }
    let &(and_at, last) = words.last()?;
    if !is_conjunction(last) {
        return None;
    }
    let head = strip_tail(&pre[..and_at]);
    let last_part = comma_segments(head).last().copied();
    // "…, according to their attorneys, and said": the source set off before the "and"
    // stays the cue's (the parenthetical attribution, see `extent::parenthetical`).
    if last_part.is_some_and(|(s, e)| fold(&head[s..e]).starts_with("according to")) {
        return None;
    }
    let clause_start = last_part.map_or(0, |(s, _)| s);
    // "When Trump later referred to … and said": the subject after the subordinator.
    let after_subordinator = || {
        let (at, w) = word_offsets(&head[clause_start..]).next()?;
        SUBORDINATORS.contains(&fold(w).as_str()).then_some(())?;
        let start = from + clause_start + at + w.len();
        context::sentence_subject(text, start, from + and_at)
    };
    // ", pointing to bottles of Coca-Cola and telling viewers": a participle phrase is no
    // subject; the sentence's subject holds both participles.
    let participle = |f: &Found| opens_with_participle(text, f);
    subordinate_subject(text, from + clause_start, from + and_at)
        .or_else(after_subordinator)
        .or_else(|| context::sentence_subject(text, from + clause_start, from + and_at))
        .filter(|f| !participle(f))
        .or_else(|| context::sentence_subject(text, from, from + and_at))
        .filter(|f| !participle(f))
}

/// "… started the rant when he brought up the bombing and later said": the personal
/// pronoun opening the last subordinate clause in `text[from..to]`, whose verb the
/// coordinated cue shares.
fn subordinate_subject(text: &str, from: usize, to: usize) -> Option<Found> {
    let words: Vec<(usize, &str)> = word_offsets(text.get(from..to)?).collect();
    let k = (0..words.len().saturating_sub(1))
        .rev()
        .find(|&k| SUBORDINATORS.contains(&fold(words[k].1).as_str()))?;
    let (at, pronoun) = words[k + 1];
    PERSONAL_PRONOUNS
        .contains(&fold(pronoun).as_str())
        .then(|| Found {
            span: Span::new(from + at, from + at + pronoun.len()),
            cue: None,
            after: false,
        })
}

/// "posted a Twitter comment", "gave an NBC interview": after "a" or "an" and a name or
/// two, a cue word without a verb ending (no "-s", "-ed", irregular past) is a noun, whose
/// subject is nobody's: "Twitter" does not speak. ("a Republican says" keeps its verb.)
fn names_a_noun(before: &str, cue: &str) -> bool {
    let folded = fold(cue);
    let verb_form = folded.ends_with('s')
        || folded.ends_with("ed")
        || matches!(
            folded.as_str(),
            "said" | "told" | "wrote" | "found" | "thought" | "written" | "read" | "put it"
        )
        || folded.contains(' ');
    if verb_form {
        return false;
    }
    let mut words = before.split_whitespace().rev();
    let mut names = 0;
    for w in words.by_ref() {
        if is_capitalised(w) && !w.ends_with([',', '.', ':', ';']) && names < 2 {
            names += 1;
            continue;
        }
        return names > 0 && matches!(fold(w).as_str(), "a" | "an");
    }
    false
}

/// The speaker named right after a cue in `text[from..]` ("According to Fars News, …").
fn speaker_after_cue(text: &str, from: usize, cue: &regex::Match) -> Option<Found> {
    let after = text.get(from + cue.end()..)?;
    let skip = after.len() - after.trim_start().len();
    // "According to conservative talk radio host Rush Limbaugh, …": a description may
    // come before the name.
    let np = described_name(after.trim_start())?;
    let s = from + cue.end() + skip;
    Some(Found {
        span: Span::new(s, s + np),
        after: false,
        cue: Some(Span::new(from + cue.start(), from + cue.end())),
    })
}

/// Most words of a descriptive speaker after its verb ("said one diplomat familiar with
/// the talks in Dushanbe, who …").
const MAX_PHRASE_WORDS: usize = 8;

/// Length of the capitalised name at the start of `s` ("Dr. Mirela Oskan, who" → 16), or of
/// a short descriptive phrase up to the first comma ("the minister's spokesman").
pub(super) fn leading_name(s: &str) -> Option<usize> {
    let mut end = 0;
    for (off, w) in word_offsets(s) {
        if is_name_word(w) {
            end = off + w.trim_end_matches([',', '.', ':']).len();
            if w.ends_with([',', ':']) {
                break;
            }
            // "Jason C. Ervin": an initial does not end the name.
            let bare = w.trim_end_matches('.');
            let initial = bare.chars().count() == 1 && is_capitalised(bare);
            if w.ends_with('.') && !initial && !TITLES.contains(&fold(bare).as_str()) {
                break;
            }
        } else {
            break;
        }
    }
    if end > 0 {
        return Some(end);
    }
    let phrase = s.split([',', '.']).next()?.trim_end();
    let words = phrase.split_whitespace().count();
    (words > 0 && words <= MAX_PHRASE_WORDS && starts_with_determiner(phrase))
        .then_some(phrase.len())
}

/// A long descriptive phrase without its relative clause ("a prominent Republican National
/// Committee member who supports Trump" → "a prominent … member"): the words up to the
/// relative pronoun name the speaker; a short phrase is kept whole.
/// Only after a noun: in "an instance in which …" the phrase is no speaker.
fn before_relative(phrase: &str) -> Option<usize> {
    let words: Vec<(usize, &str)> = word_offsets(phrase).collect();
    // "a German user from Hanover going by the handle …": a participle opens a clause too.
    let k = words.iter().enumerate().position(|(k, (_, w))| {
        let f = fold(w);
        matches!(f.as_str(), "who" | "that" | "which" | "whose" | "whom")
            || (k >= 2 && f.len() > 4 && f.ends_with("ing") && !is_capitalised(w))
    })?;
    let head = words.get(k.checked_sub(1)?)?.1;
    let noun = k >= 2 && !crate::text::is_stopword(&fold(head));
    (noun && k <= MAX_PHRASE_WORDS && starts_with_determiner(phrase))
        .then(|| phrase[..words[k].0].trim_end().len())
}

/// Most words of a determiner phrase after an inverted cue ([`long_description`]).
const MAX_LONG_DESCRIPTION_WORDS: usize = 14;

/// "said one well-connected Democrat familiar with the Clinton campaign's organization,
/// who …": after a verb that opens the words after a quote, a determiner phrase up to the
/// comma or full stop names the speaker however long it is, unless a verb in it makes it
/// the reported clause ("said the deal would be signed next week").
fn long_description(s: &str) -> Option<usize> {
    let phrase = s.split([',', '.']).next()?.trim_end();
    let words: Vec<String> = phrase.split_whitespace().map(fold).collect();
    let verbless = words.iter().all(|w| !AUXILIARIES.contains(&w.as_str()));
    (verbless && words.len() <= MAX_LONG_DESCRIPTION_WORDS && starts_with_determiner(phrase))
        .then_some(phrase.len())
}

/// Most lowercase words describing a name that follows them ("former South Carolina Gov.
/// Jim Hodges", "conservative activist Bob Klaus").
const MAX_DESCRIPTION_WORDS: usize = 5;

/// Like [`leading_name`], but a short lowercase description may come before the name
/// ("said conservative activist Bob Klaus"); the speaker is description and name.
pub(super) fn described_name(s: &str) -> Option<usize> {
    if let Some(n) = leading_name(s) {
        return Some(n);
    }
    if let Some(n) = s.split([',', '.']).next().and_then(before_relative) {
        return Some(n);
    }
    if let Some(n) = long_description(s) {
        return Some(n);
    }
    for (k, (off, w)) in word_offsets(s).enumerate() {
        if k > MAX_DESCRIPTION_WORDS {
            return None;
        }
        // A title with its full stop opens the name ("said former Sen. Evan Bayh").
        if is_capitalised(w) {
            // "said late Tuesday": a day, not a name.
            let day = is_introductory(&fold(w.trim_end_matches([',', '.'])));
            let name = leading_name(&s[off..]).filter(|_| !day)?;
            return Some(off + name);
        }
        if w.ends_with([',', '.', ':', ';']) {
            return None;
        }
        // "secretary of state", "master of ceremonies": "of" and "for" inside the
        // description; any other small word ("said in a statement") ends it.
        let inner = k > 0 && matches!(fold(w).as_str(), "of" | "for");
        if crate::text::is_stopword(&fold(w)) && !inner {
            return None;
        }
    }
    None
}

/// The speaker named right after a speech verb at `[verb_start, verb_end)` of `rest` (which
/// starts at `base` in the text): "said Ivo Strand, who …", "beamed the minister".
fn named_after_verb(rest: &str, base: usize, verb_start: usize, verb_end: usize) -> Option<Found> {
    let after = &rest[verb_end..];
    let skip = after.len() - after.trim_start().len();
    let np = described_name(after.trim_start())?;
    let s = base + verb_end + skip;
    Some(Found {
        span: Span::new(s, s + np),
        after: false,
        cue: Some(Span::new(base + verb_start, base + verb_end)),
    })
}

/// "…!” beamed Donald Hartley" / "…,” declares Stephanie Acs": a verb that the cue list
/// does not hold (a lowercase word in the past or present tense) opening the words after
/// a quote that hands over, followed by the speaker's name or description.
fn inverted_unknown_verb(rest: &str, base: usize) -> Option<Found> {
    let (_, verb) = word_offsets(rest).next()?;
    let folded = fold(verb);
    let tensed = folded.len() > 3
        && (folded.ends_with("ed") || folded.ends_with('s'))
        && !folded.ends_with("'s")
        && !folded.ends_with("ss");
    if is_capitalised(verb) || !tensed || crate::text::is_stopword(&folded) {
        return None;
    }
    if !verb.chars().all(char::is_alphabetic) {
        return None;
    }
    named_after_verb(rest, base, 0, verb.len())
}

pub(super) fn word_offsets(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

pub(super) fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A word of a name: capitalised, or a quoted nickname's capitalised word ("Marcia “Cia”
/// Price"; a nickname is no quote region, see `statements::quote_interiors`).
pub(super) fn is_name_word(w: &str) -> bool {
    is_capitalised(w.trim_start_matches(['"', '“', '‘']))
}

/// A phrase that counts people ("most", "Both", "About four in 10", "63 percent", "At
/// least half of voters", "those surveyed"): polls and crowds say things too.
pub(super) fn counts_people(s: &str) -> bool {
    let words: Vec<String> = s.split_whitespace().take(3).map(fold).collect();
    let is_number = |w: &String| {
        w.starts_with(|c: char| c.is_ascii_digit())
            || matches!(
                w.as_str(),
                "two"
                    | "three"
                    | "four"
                    | "five"
                    | "six"
                    | "seven"
                    | "eight"
                    | "nine"
                    | "ten"
                    | "half"
            )
    };
    let Some(first) = words.first() else {
        return false;
    };
    // "About four in 10", "More than half", "At least 20".
    let approximate = match first.as_str() {
        "about" | "nearly" | "almost" | "roughly" | "some" => words.get(1).is_some_and(is_number),
        "more" | "fewer" | "less" => words.get(1).is_some_and(|w| w == "than"),
        "at" => words.get(1).is_some_and(|w| w == "least"),
        _ => false,
    };
    approximate
        || is_number(first)
        || matches!(
            first.as_str(),
            "most" | "many" | "both" | "all" | "few" | "those" | "each"
        )
}

pub(super) fn starts_with_determiner(s: &str) -> bool {
    let first = s.split_whitespace().next().map(fold).unwrap_or_default();
    matches!(
        first.as_str(),
        "the"
            | "a"
            | "an"
            | "its"
            | "his"
            | "her"
            | "their"
            | "one"
            | "another"
            | "some"
            | "several"
            | "two"
            | "three"
            | "this"
            | "these"
            | "our"
            | "my"
    )
}

/// Words between a subject and its cue that belong to neither ("has", "also", "not").
const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "also",
    "and",
    "but",
    "not",
    "never",
    "later",
    "previously",
    "earlier",
    "reportedly",
    "again",
    "then",
    "repeatedly",
    "already",
    "would",
    "will",
    "could",
    "may",
    "might",
    "did",
    "does",
    "do",
    "publicly",
    "recently",
    "once",
    "first",
    "privately",
    "has also",
    "had also",
    "still",
    "even",
    "often",
    "always",
    "sometimes",
    "usually",
    "frequently",
    "just",
    "openly",
    "now",
    // Read on the benchmark pages ("Steenburgen has only found", "Mr. Trump has since
    // said", "Lamrani further described", "The researchers don’t yet know").
    "only",
    "since",
    "further",
    "yet",
    "initially",
    "allegedly",
    "don’t",
    "don't",
    "didn’t",
    "didn't",
];

/// The text before a cue without trailing auxiliaries and adverbs.
pub(super) fn strip_auxiliaries(s: &str) -> &str {
    let mut t = s.trim_end();
    while let Some((head, last)) = t.rsplit_once(' ') {
        // A capitalised "Will" after a lowercase word is a name ("which Will claims").
        let name = is_capitalised(last)
            && head
                .split_whitespace()
                .next_back()
                .is_some_and(|w| w.starts_with(char::is_lowercase));
        if name || !AUXILIARIES.contains(&fold(last).as_str()) {
            break;
        }
        t = head.trim_end();
    }
    t
}

/// Words of a time between a subject and its verb ("Sen. Tim Kaine on Tuesday said", "the
/// White House on Thursday night said", "Trump later told").
const TIME_WORDS: &[&str] = &[
    "today",
    "yesterday",
    "tonight",
    "earlier",
    "later",
    "morning",
    "afternoon",
    "evening",
    "night",
];

/// The text before a cue without a time standing between the subject and the cue; only a
/// weekday or a [`TIME_WORDS`] word, with "on", "last" or "this" before it, is a time.
pub(super) fn strip_time(s: &str) -> &str {
    let is_time = |w: &str| {
        let f = fold(w);
        TIME_WORDS.contains(&f.as_str()) || crate::text::dates::WEEKDAY_NAMES.contains(&f.as_str())
    };
    let mut t = s.trim_end();
    let mut stripped = false;
    while let Some((head, last)) = t.rsplit_once(' ') {
        if !is_time(last) {
            break;
        }
        t = head.trim_end();
        stripped = true;
    }
    if !stripped {
        return s;
    }
    if let Some((head, last)) = t.rsplit_once(' ') {
        if matches!(fold(last).as_str(), "on" | "last" | "this") {
            t = head.trim_end();
        }
    }
    // Something must be left to speak, and a comma before the time keeps it ("Today,").
    if t.split_whitespace().next().is_none() || t.ends_with(',') {
        return s;
    }
    t
}

/// The speaker in the text before a speech verb: the head of the last clause, skipping
/// appositions ("Havel Tursin, a 58-year-old beekeeper,"), relative clauses (", who …,"),
/// ages (", 44,") and parentheses ("(no relation to the minister)").
pub(super) fn subject_of(text: &str, from: usize, to: usize) -> Option<Found> {
    let raw = strip_time(strip_auxiliaries(text.get(from..to)?));
    let trimmed = strip_tail(raw);
    // "Petrilli, who thinks …, called": a comma closes the relative clause before the verb.
    let closed = raw.trim_end().ends_with(',');
    let segments = comma_segments(trimmed);
    let last = segments.len().checked_sub(1)?;
    if let Some(who) = open_who_clause(trimmed, &segments).filter(|_| !closed) {
        return Some(Found {
            span: Span::new(from + who, from + who + 3),
            after: false,
            cue: None,
        });
    }
    if let Some((s, e)) = apposed_name(trimmed, &segments) {
        return Some(Found {
            span: Span::new(from + s, from + e),
            after: false,
            cue: None,
        });
    }
    for (k, &(s, e)) in segments.iter().enumerate().rev() {
        let seg = &trimmed[s..e];
        let head = seg.split_whitespace().next().map(fold).unwrap_or_default();
        // ", at a later briefing," / ", in a statement,": adverbials between subject and verb.
        let adverbial = k > 0 && PREPOSITIONS.contains(&head.as_str());
        // ", hoping to surge in New Hampshire,": a participle phrase between subject and
        // verb, whose names are no speakers.
        // ", and obtained by AP,": a passive participle with its agent, likewise.
        let participle = k > 0 && (opens_participle_phrase(seg) || is_agent_phrase(seg));
        // ", who's thinking about running,": "who" with "is" or "has" folded in.
        let relative = matches!(
            head.as_str(),
            "who" | "whose" | "where" | "when" | "who's" | "who’s"
        ) || adverbial
            || participle;
        let after_bare_name = k > 0 && {
            let (ps, pe) = segments[k - 1];
            trailing_name(&trimmed[ps..pe]).is_some_and(|(a, _)| a == 0)
        };
        let after_name = k > 0 && {
            let (ps, pe) = segments[k - 1];
            trailing_name(&trimmed[ps..pe]).is_some_and(|(_, b)| b == pe - ps)
        };
        // "a March 2019 study by the Centre for Economic Policy Research, a London-based
        // think tank,": a noun phrase ending in a name (not "In Bereth, a farmer said").
        let after_phrase_name = after_name && {
            let (ps, _) = segments[k - 1];
            let opener = trimmed[ps..].split_whitespace().next().map(fold);
            opener.is_some_and(|w| !PREPOSITIONS.contains(&w.as_str()) && !is_introductory(&w))
        };
        // ", a 58-year-old beekeeper," / ", 44,": after a name only ("However, 63 percent
        // said" and "In Virginia, 85% of Democrats said" keep the count).
        let apposition = k == last
            && (matches!(head.as_str(), "a" | "an")
                || head.starts_with(|c: char| c.is_ascii_digit()))
            && (after_bare_name || after_phrase_name);
        if head == "which" && seg.split_whitespace().count() == 1 && k > 0 {
            // ", which notes, “…”": still open at the verb, "which" is its subject (resolved
            // to the name before it, see `speaker::resolve_speaker`).
            if k == last && !closed {
                return Some(Found {
                    span: Span::new(from + s, from + e),
                    after: false,
                    cue: None,
                });
            }
            // ", which said …": the antecedent ends the clause before.
            let (ps, pe) = segments[k - 1];
            return trailing_name(&trimmed[ps..pe]).map(|(a, b)| Found {
                span: Span::new(from + ps + a, from + ps + b),
                after: false,
                cue: None,
            });
        }
        // ", which an FBI investigation said was": the relative clause's own subject
        // (not ", which represents New York City educators, said": a verb follows there).
        if matches!(head.as_str(), "which" | "whom") && k == last && opens_own_subject(seg) {
            let rest = seg[head.len()..].trim_start();
            let at = s + (seg.len() - rest.len());
            // A capital after "which" is a name's even on a stopword ("which Will claims").
            let name = || leading_name(rest).map(|n| (0, n));
            if let Some((a, b)) = noun_phrase(rest)
                .or_else(name)
                .filter(|&(a, b)| a == 0 && b == rest.len())
            {
                return Some(Found {
                    span: Span::new(from + at + a, from + at + b),
                    after: false,
                    cue: None,
                });
            }
        }
        // ", to which 21 percent said": the subject after a preposition and its relative.
        if k == last && is_preposition(&head) {
            let mut words = word_offsets(seg);
            let relative_after = words
                .nth(1)
                .filter(|(_, w)| matches!(fold(w).as_str(), "which" | "whom"));
            if let Some((off, w)) = relative_after {
                let rest = seg[off + w.len()..].trim_start();
                let at = s + (seg.len() - rest.len());
                let whole = noun_phrase(rest).filter(|&(a, b)| a == 0 && b == rest.len());
                if let Some((a, b)) = whole {
                    return Some(Found {
                        span: Span::new(from + at + a, from + at + b),
                        after: false,
                        cue: None,
                    });
                }
            }
        }
        // "who Beck on Wednesday called": Beck speaks of the one before the comma.
        if head == "who" && k == last {
            let rest = seg[3..].trim_start();
            if is_capitalised(rest) {
                let at = s + (seg.len() - rest.len());
                if let Some(n) = leading_name(rest) {
                    return Some(Found {
                        span: Span::new(from + at, from + at + n),
                        after: false,
                        cue: None,
                    });
                }
            }
        }
        // "…, where Senate Minority Leader Harry M. Reid told", "in October, when he told":
        // the subject of the subordinate clause that holds the cue.
        // "…” and 14 percent said": a conjunction opening the words after a quote opens the
        // second clause likewise (not "…, emergencies, and civil protection, said").
        let conjunction = matches!(head.as_str(), "and" | "but" | "or" | "yet");
        if k == last && (SUBORDINATORS.contains(&head.as_str()) || (conjunction && k == 0)) {
            let rest = seg[head.len()..].trim_start();
            let at = s + (seg.len() - rest.len());
            let whole = noun_phrase(rest).filter(|&(a, b)| {
                a == 0 && b == rest.len() && rest.split_whitespace().count() <= MAX_CLAUSE_SUBJECT
            });
            if let Some((a, b)) = whole {
                return Some(Found {
                    span: Span::new(from + at + a, from + at + b),
                    after: false,
                    cue: None,
                });
            }
        }
        if relative || apposition {
            continue;
        }
        return noun_phrase(seg).map(|(a, b)| Found {
            span: Span::new(from + s + a, from + s + b),
            after: false,
            cue: None,
        });
    }
    None
}

/// Whether a comma part opens with a present participle in lower case ("hoping to …",
/// "speaking at …") and goes on: a phrase about the subject, not the subject.
fn opens_participle_phrase(seg: &str) -> bool {
    let mut words = seg.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let folded = fold(first);
    // "according to the ministry" names a source.
    folded.len() > 5
        && folded.ends_with("ing")
        && folded != "according"
        && !is_capitalised(first)
        && folded.chars().all(char::is_alphabetic)
        && words.next().is_some()
}

/// "obtained by AP", "and first reported by the Times": a past participle with "by" and
/// its agent, describing the noun before it.
fn is_agent_phrase(seg: &str) -> bool {
    let words: Vec<String> = seg.split_whitespace().take(4).map(fold).collect();
    let start = usize::from(words.first().is_some_and(|w| w == "and"));
    let participle = words.get(start).is_some_and(|w| {
        w.len() > 3
            && (w.ends_with("ed") || w.ends_with("en"))
            && w.chars().all(char::is_alphabetic)
    });
    participle && words.get(start + 1).is_some_and(|w| w == "by")
}

/// Where "who" opens the last comma part when the verb stands in that relative clause:
/// in "Beck, who has in the past described" and ", who in 2010 said" the relative pronoun
/// is the verb's subject (resolved to the name before it, see `speaker::resolve_speaker`).
/// Not in "who Beck called", where "who" is the object and Beck speaks, nor in "So, who
/// was the best? - Pew notes", where no noun stands before "who".
fn open_who_clause(s: &str, segments: &[(usize, usize)]) -> Option<usize> {
    let [.., (pa, pb), (a, b)] = *segments else {
        return None;
    };
    let seg = &s[a..b];
    let head = seg.split_whitespace().next().map(fold)?;
    let antecedent = s[pa..pb].split_whitespace().next_back().map(fold);
    let after_noun =
        antecedent.is_some_and(|w| !crate::text::is_stopword(&w) && !is_introductory(&w));
    (head == "who" && after_noun && !opens_own_subject(seg)).then_some(a)
}

/// "Scott Harlan, the state’s attorney general, one of the officials suing, said": a name
/// opening the subject, followed only by appositions (parts starting with a lowercase
/// word other than a pronoun or conjunction) and relative clauses, is the speaker.
fn apposed_name(s: &str, segments: &[(usize, usize)]) -> Option<(usize, usize)> {
    let (&(s0, e0), rest) = segments.split_first()?;
    if rest.is_empty() {
        return None;
    }
    let first = &s[s0..e0];
    // "Democratic nominee Hillary Clinton, at a later briefing, said": the name ending
    // the first part.
    let (a, b) = trailing_name(first)?;
    let words: Vec<&str> = first[a..b].split_whitespace().collect();
    // "In Bereth, farmer Anzor Velik, 44, said": a place after a preposition is no speaker.
    let plain_prefix = first[..a]
        .split_whitespace()
        .all(|w| !crate::text::is_stopword(&fold(w)));
    let whole_name = b == first.len() && plain_prefix;
    let single_ok = words.len() > 1 || {
        let w = fold(words.first()?);
        !w.ends_with("ly") && !crate::text::is_stopword(&w) && !is_introductory(&w)
    };
    let apposition = |&(a, b): &(usize, usize)| {
        let seg = &s[a..b];
        let head = seg.split_whitespace().next().map(fold).unwrap_or_default();
        let lower = seg.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit());
        lower
            && !matches!(
                head.as_str(),
                "he" | "she" | "they" | "it" | "we" | "i" | "and" | "or" | "but"
            )
    };
    // "Clinton, during a town hall in Columbus, Ohio, said": a state or country after a
    // place that ends an apposition continues it.
    let place = |k: usize| {
        let (a, b) = rest[k];
        let seg = &s[a..b];
        let words = seg.split_whitespace().count();
        let after_place = k > 0 && {
            let (pa, pb) = rest[k - 1];
            apposition(&rest[k - 1])
                && s[pa..pb]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(is_capitalised)
        };
        after_place && words <= 2 && seg.split_whitespace().all(is_capitalised)
    };
    let appositions = (0..rest.len()).all(|k| apposition(&rest[k]) || place(k));
    // "Mukasey, the former attorney general, criticized the use, which an FBI
    // investigation said was “…”": a last part opening a relative clause with a subject of
    // its own ends the name's sentence; its subject speaks.
    let own_subject = rest
        .last()
        .is_some_and(|&(a, b)| opens_own_subject(&s[a..b]));
    (whole_name && single_ok && appositions && !own_subject).then_some((s0 + a, e0))
}

/// Whether a comma part is a relative clause with a subject of its own: "which" or
/// "whom" then a determiner, a name or a personal pronoun ("which an FBI investigation",
/// "whom Trump"), not a verb ("which represents …").
pub(super) fn opens_own_subject(seg: &str) -> bool {
    let mut words = seg.split_whitespace();
    let relative = words
        .next()
        .is_some_and(|w| matches!(fold(w).as_str(), "which" | "whom" | "who"));
    relative
        && words.next().is_some_and(|w| {
            is_capitalised(w)
                || starts_with_determiner(w)
                || PERSONAL_PRONOUNS.contains(&fold(w).as_str())
        })
}

/// A preposition that takes a noun phrase as object ("through the streets").
pub(super) fn is_preposition(w: &str) -> bool {
    matches!(
        fold(w).as_str(),
        "through"
            | "of"
            | "in"
            | "at"
            | "on"
            | "for"
            | "with"
            | "from"
            | "by"
            | "to"
            | "about"
            | "over"
            | "under"
            | "near"
            | "across"
            | "into"
            | "outside"
            | "inside"
            | "around"
    )
}

/// Words opening a subordinate clause whose own subject may hold the cue ("where Reid
/// told reporters", "when he told Clinton").
const SUBORDINATORS: &[&str] = &[
    "where", "when", "while", "as", "because", "since", "although", "though", "if", "until",
    "once", "whereas",
];

/// Most words of the subject of such a clause.
const MAX_CLAUSE_SUBJECT: usize = 6;

/// Prepositions opening an adverbial part of a subject ("Clinton, at a later briefing,").
pub(super) const PREPOSITIONS: &[&str] = &[
    "at", "in", "on", "during", "after", "before", "with", "from", "for", "by", "speaking", "via",
    "through", "under", "over", "later", "earlier", "then",
];

/// Whether a folded word opens a sentence without naming anyone: [`INTRODUCTORY`] or a
/// weekday name ("Tuesday, he said").
pub(super) fn is_introductory(w: &str) -> bool {
    INTRODUCTORY.contains(&w) || crate::text::dates::WEEKDAY_NAMES.contains(&w)
}

/// Capitalised words that open a sentence without naming anyone ("Yesterday, he said"),
/// besides the weekday names ([`is_introductory`]).
const INTRODUCTORY: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "later",
    "afterwards",
    "meanwhile",
    "however",
    "still",
    "instead",
    "separately",
    "then",
    "now",
    "also",
    "overall",
    "finally",
    "first",
    "second",
];

/// Removes a trailing comma and parenthesis from the text before a verb.
pub(super) fn strip_tail(s: &str) -> &str {
    let mut t = s.trim_end().trim_end_matches(',').trim_end();
    if t.ends_with(')') {
        if let Some(open) = t.rfind('(') {
            t = t[..open].trim_end().trim_end_matches(',').trim_end();
        }
    }
    t
}

/// Byte ranges of the comma-separated parts of `s`, blanks trimmed.
pub(super) fn comma_segments(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ','))) {
        // A dash set off by spaces closes a parenthetical as a comma does ("When Clinton
        // noted that … ― as was true … ― Trump boasted").
        let dash = matches!(c, '—' | '–' | '―')
            && s[..i].ends_with(' ')
            && s[i + c.len_utf8()..].starts_with(' ');
        // "3,248 cases": a comma between digits separates thousands.
        let thousands = c == ','
            && s[..i].ends_with(|d: char| d.is_ascii_digit())
            && s.get(i + 1..)
                .is_some_and(|t| t.starts_with(|d: char| d.is_ascii_digit()));
        // "…; one lawmaker called Trump": a semicolon ends a clause.
        if (c == ',' && !thousands) || c == ';' || dash {
            let part = &s[start..i];
            let lead = part.len() - part.trim_start().len();
            let t = part.trim();
            if !t.is_empty() {
                out.push((start + lead, start + lead + t.len()));
            }
            start = i + c.len_utf8();
        }
    }
    out
}

/// The speaker inside one clause: a pronoun at its end, a capitalised name at its end, or
/// a short descriptive phrase ("a ministry spokesperson", "the minister").
pub(super) fn noun_phrase(seg: &str) -> Option<(usize, usize)> {
    let words: Vec<(usize, &str)> = word_offsets(seg).collect();
    let &(last_off, last) = words.last()?;
    if PRONOUNS.contains(&fold(last).as_str())
        || matches!(fold(last).as_str(), "i" | "we" | "they" | "it")
    {
        return Some((last_off, last_off + last.len()));
    }
    if let Some(found) = trailing_name(seg) {
        return Some(modified_head(seg, &words, found).unwrap_or(found));
    }
    let head = fold(words.first()?.1.trim_end_matches(','));
    let introductory = is_introductory(&head) || head == "following";
    let counts = counts_people(&seg[words.first()?.0..]);
    if introductory || crate::text::is_stopword(&head) && !starts_with_determiner(&head) && !counts
    {
        // "but", "with Democratic leaders …": no subject.
        return None;
    }
    if words.len() <= 7 {
        // "Meanwhile the ministry spokesman": the determiner opens the subject; in
        // "Protesters marching through the streets" it opens a preposition's object.
        let from = words
            .iter()
            .position(|(_, w)| starts_with_determiner(w))
            .filter(|&k| k == 0 || !is_preposition(words[k - 1].1))
            .filter(|_| words.len() > 4)
            .unwrap_or(0);
        if words.len() - from <= 6 {
            let s = words[from].0;
            return Some((s, seg.len()));
        }
    }
    None
}

/// "Doctors at the regional hospital in Kesh": a name after a preposition only modifies
/// the head; the speaker is the whole phrase, when it is short and opens with a noun.
fn modified_head(
    seg: &str,
    words: &[(usize, &str)],
    name: (usize, usize),
) -> Option<(usize, usize)> {
    let before = words.iter().rev().find(|(off, _)| *off < name.0)?.1;
    let preposition = matches!(
        fold(before).as_str(),
        "in" | "at" | "from" | "near" | "of" | "for" | "with" | "on"
    );
    let first = words.first()?.1;
    let opens_noun = !crate::text::is_stopword(&fold(first)) || starts_with_determiner(first);
    (preposition && opens_noun && words.len() <= 8).then_some((0, seg.len()))
}

/// The capitalised run at the end of a clause ("… Tajik President Emomali Rahmon"),
/// allowing "and"/"of" inside names and a parenthesised acronym after them.
pub(super) fn trailing_name(seg: &str) -> Option<(usize, usize)> {
    let words: Vec<(usize, &str)> = word_offsets(seg).collect();
    let mut end_word = words.len();
    if words
        .last()
        .is_some_and(|(_, w)| w.starts_with('(') && w.ends_with(')'))
    {
        end_word -= 1;
    }
    let mut start_word = end_word;
    while start_word > 0 {
        let w = words[start_word - 1].1;
        // "Commission on Presidential Debates", "Center for American Progress".
        // "Bill de Blasio", "Ludwig van Beethoven": a lowercase particle inside a name.
        let connector = (matches!(w, "and" | "of" | "on" | "for") || NAME_PARTICLES.contains(&w))
            && start_word < end_word
            && start_word >= 2
            && is_capitalised(words[start_word - 2].1);
        if is_name_word(w) || connector {
            start_word -= 1;
        } else {
            break;
        }
    }
    // Drop leading sentence words ("The", "In", "According") from a run that opens the
    // clause, but not the "New" of "New Jersey Gov. Chris Christie". After a lowercase word
    // the capital is the name's own ("which Will claims").
    let opens_clause = start_word == 0;
    while opens_clause
        && start_word < end_word
        && crate::text::is_stopword(&fold(words[start_word].1))
        && !opens_name(&seg[words[start_word].0..])
    {
        start_word += 1;
    }
    if start_word >= end_word
        || end_word - start_word == 1
            && is_introductory(&fold(words[start_word].1.trim_end_matches(',')))
    {
        return None;
    }
    let (s, _) = words[start_word];
    let (e_off, e_w) = words[words.len() - 1];
    let end = e_off + e_w.len();
    Some((s, end.min(seg.len())))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// After a preposition, "which" is an object: the subject after it speaks, as does
    /// the subject after "and" opening the words after a quote.
    #[test]
    fn a_subject_after_to_which_or_and_speaks() {
        let speaker = |s: &str| subject_of(s, 0, s.len()).map(|f| f.span.slice(s).to_string());
        let text = "The poll asked Democrats how likely Clinton was to defeat Trump in the general election, to which 21 percent ";
        assert_eq!(speaker(text).as_deref(), Some("21 percent"));
        assert_eq!(speaker(" and 14 percent ").as_deref(), Some("14 percent"));
    }

    /// A relative clause with a subject of its own ends the sentence's subject: its
    /// subject speaks; one whose verb follows "which" is about the name before it.
    #[test]
    fn a_relative_clause_with_its_own_subject_names_the_speaker() {
        let speaker = |s: &str| subject_of(s, 0, s.len()).map(|f| f.span.slice(s).to_string());
        let text = "Mukasey, the Republican attorney general under former President George \
                    W. Bush, criticized Clinton’s email use, which an FBI investigation ";
        assert_eq!(speaker(text).as_deref(), Some("an FBI investigation"));
        let text = "Michael Mulgrew, president of the United Federation of Teachers, which \
                    represents New York City educators, ";
        assert_eq!(speaker(text).as_deref(), Some("Michael Mulgrew"));
    }

    /// A participle phrase between the subject and its cue does not hold the speaker,
    /// while "according to …" still names one.
    #[test]
    fn a_participle_phrase_before_the_cue_is_no_speaker() {
        let speaker = |s: &str| subject_of(s, 0, s.len()).map(|f| f.span.slice(s).to_string());
        let text = "New Tajik envoy Ali Kharazov, hoping to win friends in New Delhi, ";
        assert_eq!(speaker(text).as_deref(), Some("Ali Kharazov"));
        let text = "Ali Kharazov, who's thinking about running for governor in Durnak, ";
        assert_eq!(speaker(text).as_deref(), Some("Ali Kharazov"));
        let text = "A legal opinion drafted for the water authority, and obtained by Asia-Plus, ";
        assert!(
            speaker(text).is_none_or(|s| !s.contains("Asia-Plus")),
            "{:?}",
            speaker(text)
        );
        let text = "The villagers stayed, according to the Durnak Water Authority, ";
        assert_eq!(speaker(text).as_deref(), Some("Durnak Water Authority"));
    }

    /// Adverbs and auxiliaries between a subject and its verb stay out of the speaker
    /// phrase, as read on the benchmark pages.
    #[test]
    fn adverbs_before_the_verb_are_no_part_of_the_speaker() {
        let speaker = |s: &str| subject_of(s, 0, s.len()).map(|f| f.span.slice(s).to_string());
        for (text, who) in [
            ("Steenburgen has only ", "Steenburgen"),
            ("Mr. Trump has since ", "Mr. Trump"),
            ("Lamrani further ", "Lamrani"),
            ("His doctor initially ", "His doctor"),
            ("The researchers don’t yet ", "The researchers"),
        ] {
            assert_eq!(speaker(text).as_deref(), Some(who), "{text:?}");
        }
    }

    /// "X quoted Y as saying": Y speaks, X relays; an apposition after Y is left out, and
    /// a speech verb of its own after the construction ends it.
    #[test]
    fn the_person_quoted_speaks_and_the_quoting_source_relays() {
        let read = |s: &str| {
            quoted_as_saying(s, 0, s.len()).map(|q| {
                let cue = q.speaker.cue.map(|c| c.slice(s).to_string());
                let channel = q.channel.map(|c| c.span.slice(s).to_string());
                (q.speaker.span.slice(s).to_string(), cue, channel)
            })
        };
        let text = "The article cited Jeremy Binney, Middle East defense specialist at the \
                    global intelligence company Janes, as telling Radio Liberty in written \
                    comments that ";
        let expected = ("Jeremy Binney".to_string(), Some("telling".to_string()));
        let (who, cue, channel) = read(text).expect("construction");
        assert_eq!((who, cue), expected);
        assert_eq!(channel.as_deref(), Some("The article"));
        let text = "Tasnim quoted the defence minister as saying the plant will ";
        let (who, _, channel) = read(text).expect("construction");
        assert_eq!(who, "the defence minister");
        assert_eq!(channel.as_deref(), Some("Tasnim"));
        let text = "Tasnim quoted the minister as saying so, but Mirzo told reporters: ";
        assert!(read(text).is_none(), "{:?}", read(text));
        let text = "The minister quoted from the report: ";
        assert!(read(text).is_none());
    }
}
