//! Quotes: words inside quotation marks, their speakers, and the alignment of renderings of
//! one utterance across articles (different translations of the same remark).

mod align;
mod attribution;
mod chooser;
mod context;
mod extent;
mod indirect;
mod lexicon;
mod nearby;
mod speaker;

use std::collections::BTreeSet;

use super::{quote_interiors, Quote};
use crate::entities::Entity;
use crate::model::Span;
use crate::text::Doc;
pub(super) use align::edit_distance;
use align::{align, build_quote, group_statements};
use attribution::{attribution, Found, Rule};
pub(super) use chooser::{best as best_option, parse_weights};
use speaker::{resolve_speaker, speaker_like};

/// A speaker as found in the text.
#[derive(Clone, Debug)]
pub(super) struct Speaker {
    /// Name as written, titles stripped ("Mohammad Bagheri", "the minister").
    pub(super) name: String,
    /// Where the name (or the pronoun's antecedent) stands in the document.
    pub(super) span: Span,
    /// Entity id, when entities were supplied and one matches.
    pub(super) entity: Option<String>,
    /// The words next to the quote that name the speaker ("he", "the minister", "Bagheri").
    pub(super) written: Span,
}

/// One quoted passage in one document.
#[derive(Clone, Debug)]
pub(super) struct Segment {
    pub(super) doc: usize,
    pub(super) words: Span,
    pub(super) speaker: Option<Speaker>,
    /// The speech verb or phrase ("said", "according to").
    pub(super) cue: Option<Span>,
    /// True when no attribution was found and the segment continues the previous one.
    pub(super) continuation: bool,
    /// False for reported speech: `words` is the reported clause, not quoted words.
    pub(super) verbatim: bool,
    /// The reported clause a partial quote stands in ("said that Iran is now able “to …”").
    pub(super) reported: Option<Span>,
    /// The speaker words of the rule cascade's choice, before the chooser re-ranks: the
    /// next quote's previous-quote option reads them, so that no option set, and so no
    /// training run of the chooser, depends on the weights shipped.
    pub(super) cascade_written: Option<Span>,
    /// The outer source the quoted words came through, named in their sentence apart from
    /// the speaker ("“…,” O’Malley said, according to the Las Vegas Sun").
    pub(super) channel: Option<super::Channel>,
}

/// One statement in one document: consecutive segments of the same speaker.
pub(super) struct Statement {
    pub(super) doc: usize,
    pub(super) segments: Vec<Segment>,
    pub(super) stems: BTreeSet<String>,
}

/// Finds the quotes of a story and aligns renderings across its documents.
pub(super) fn find(docs: &[&Doc], entities: &[Entity], id_prefix: &str) -> Vec<Quote> {
    let mut statements = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        let segments = doc_segments(doc, i, entities, &mut Vec::new());
        statements.extend(group_statements(doc, segments));
    }
    let groups = align(&statements);
    let mut quotes: Vec<(usize, (usize, usize), Quote)> = groups
        .into_iter()
        .map(|members| build_quote(docs, &statements, &members))
        .collect();
    quotes.sort_by_key(|(n, first, _)| (std::cmp::Reverse(*n), *first));
    quotes
        .into_iter()
        .enumerate()
        .map(|(k, (_, _, mut q))| {
            q.id = format!("{id_prefix}-q{}", k + 1);
            q
        })
        .collect()
}

/// The attributions of one document, in text order (see [`super::attributions`]).
pub(super) fn in_document(doc: &Doc, entities: &[Entity]) -> Vec<super::Attribution> {
    let mut segments = doc_segments(doc, 0, entities, &mut Vec::new());
    segments.sort_by_key(|s| (s.words.start, s.words.end));
    segments
        .into_iter()
        .map(|s| super::Attribution {
            content: s.words,
            verbatim: s.verbatim,
            reported: s.reported,
            cue: s.cue,
            speaker: s.speaker.as_ref().map(|p| p.written),
            resolved: s.speaker.as_ref().map(|p| p.span),
            speaker_name: s.speaker.as_ref().map(|p| p.name.clone()),
            entity: s.speaker.and_then(|p| p.entity),
            continuation: s.continuation,
            channel: s.channel,
        })
        .collect()
}

/// The speaker options of each quote of one document (see [`super::speaker_choices`]).
pub(super) fn speaker_choices(doc: &Doc, entities: &[Entity]) -> Vec<super::SpeakerChoice> {
    let mut choices = Vec::new();
    doc_segments(doc, 0, entities, &mut choices);
    choices
}

/// Quoted passages of one document with their speakers; each quote's speaker options are
/// added to `choices`.
fn doc_segments(
    doc: &Doc,
    index: usize,
    entities: &[Entity],
    choices: &mut Vec<super::SpeakerChoice>,
) -> Vec<Segment> {
    let text = doc.text();
    let regions = quote_interiors(text);
    let reported = indirect::reported_clauses(doc, &regions);
    let mut out: Vec<Segment> = Vec::new();
    for (k, region) in regions.iter().enumerate() {
        let Some(words) = trim_words(text, *region) else {
            continue;
        };
        // After the closing mark of the quote before ("”" is three bytes, not one).
        let prev_end = k
            .checked_sub(1)
            .map_or(0, |p| attribution::next_char_end(text, regions[p].end));
        // A quoted name inside the attribution ("…,” Texas delegate Bill Eastland, wearing
        // “Ted Cruz” campaign pins, said") does not end the words after the quote.
        let next_start = regions[k + 1..]
            .iter()
            .find(|r| !names_inside_a_sentence(text, **r))
            .map_or(text.len(), |r| r.start);
        let label = transcript_speaker(text, words);
        // The label is no part of what was said.
        let words = label.map_or(words, |l| {
            let said = text.get(l.span.end + 1..words.end).unwrap_or("");
            let lead = said.len() - said.trim_start().len();
            Span::new(l.span.end + 1 + lead, words.end)
        });
        let mut proposed: Vec<(Rule, Found)> = Vec::new();
        proposed.extend(label.map(|l| (Rule::Transcript, l)));
        let ruled = attribution(doc, *region, prev_end, next_start, &mut proposed);
        let found = label.or(ruled);
        // The attribution's cue when it hands straight over to the quote ("replied, “…”").
        let handing_cue = ruled
            .and_then(|f| f.cue)
            .filter(|&c| introduces(text, c, *region));
        // A quote its own cue hands over to ("…, and when pressed, the mother of three
        // replied, “…”") is no partial quote of a report around it ("She said …").
        let clause = reported
            .iter()
            .find(|r| r.clause.contains(*region))
            .filter(|r| handing_cue.is_none_or(|c| Some(c) == r.found.cue));
        // Without a speech verb, a quoted word or short phrase ("kamikaze") is the
        // subject's words only when the subject can speak: "The airstrike" cannot.
        let subject = || {
            subject_of_sentence(doc, *region, &regions, is_speech(text, words))
                .filter(|f| is_speech(text, words) || speaker_like(doc, f.span, entities))
        };
        // A short passage is speech when it hands over to a speaker ("“I would,” Dalvi
        // said"), stands in reported speech ("called the collapse “no accident”") or in a
        // clause with a speaker ("Kharazov dismissed the report as “rumours”"); a title
        // ("“Face the Nation”") or a passage without a speaker is not.
        // A title named as a work ("told “Fox and Friends,”", "on CBS's “Face the
        // Nation”") is no speech either, though two of its three words are capitalised.
        let work = extent::names_a_work(text, words);
        // "“High-end gallery opening across from Whitney Museum,” by DNAinfo's Danielle
        // Tcholakian:": a headline with its byline, in a digest, is nobody's speech.
        if extent::bylined_headline(text, words) {
            continue;
        }
        // "Priebus said, “Probably.”": a cue handing over to the quote makes even one word
        // speech; a longer title stays a title ("entitled, “Why Electing Hillary …”").
        // (A transcript label, which wins over the attribution, has no cue.)
        let handed_over = (words.slice(text).split_whitespace().count() <= 2
            || !title_case(text, words))
            && label.is_none()
            && handing_cue.is_some();
        let handed = (found.is_some_and(|f| f.after) || clause.is_some() || handed_over) && !work;
        // "then asked, “Really?”": a capitalised word asked or exclaimed is no title.
        let exclaimed = words.slice(text).trim_end().ends_with(['?', '!']);
        let in_clause = || {
            (!title_case(text, words) || exclaimed)
                && (found.is_some_and(|f| f.cue.is_some()) || subject().is_some())
        };
        if !((is_speech(text, words) && !work) || handed || in_clause()) {
            continue;
        }
        // Inside a reported clause, the clause's speaker wins over a cue within it:
        // "Mirzo said that Bagheri called the plant “a turning point”" is Mirzo's report.
        // A relative clause with its own subject ("…, whom he described as “…”") is not
        // a report within the report: its subject speaks.
        // A cue that introduces the quote itself ("When Clinton noted that …, Trump
        // boasted, “That makes me smart.”") is not within the report: its subject speaks.
        let nested = found.is_some_and(|f| {
            !f.after
                && !attribution::opens_relative_clause(text, f.span)
                && !f.cue.is_some_and(|c| introduces(text, c, *region))
                && clause.is_some_and(|r| f.cue.is_some_and(|c| r.clause.contains(c)))
        });
        let found = if nested {
            clause.map(|r| r.found)
        } else {
            found
        };
        let found = found.or(clause.map(|r| r.found)).or_else(subject);
        // A question put to someone is not theirs: only an asker named after "by" speaks.
        let question = context::question_put(doc, *region);
        let found = match question {
            Some(asker) => asker,
            None => found,
        };
        let continuation = question.is_none()
            && out.last().is_some_and(|p| {
                let follows = same_paragraph(text, p.words.end, words.start)
                    || (opens_paragraph(text, region.start)
                        && next_paragraph(text, p.words.end, words.start));
                (found.is_none() && follows)
                    || (p.verbatim
                        && extent::interrupted(text, p.words, p.cascade_written, found, *region))
            });
        // A quote standing as a sentence of its own, with no attribution and no quote before
        // it in the paragraph, continues the speech reported in the sentence before it
        // ("…, Schiff said. “The other factor …”").
        let found = match found {
            None if !continuation && question.is_none() => {
                context::previous_sentence_speaker(doc, *region)
            }
            f => f,
        };
        // The partial quote's clause follows the cascade's attribution, whoever speaks.
        let reported = clause
            .map(|r| r.clause)
            .or_else(|| found.and_then(|f| context::partial_clause(doc, &f, *region)));
        // A transcript label, the owner of a quoted claim ("questioned Bagheri’s claim
        // that …") and the subject of a relative clause ("who he called “…”") name who
        // said the words by construction: not re-ranked (on PolNeAR train the chooser
        // got no relative clause right that the cascade missed: 8 of 11 either way).
        let fixed = label.is_some()
            || question.is_some()
            || proposed.iter().any(|&(rule, f)| {
                matches!(rule, Rule::Possessive | Rule::Relative | Rule::QuotedAs)
                    && found.is_some_and(|c| c.span == f.span)
            });
        let cascade_written = if continuation {
            out.last().and_then(|p| p.cascade_written)
        } else {
            found
                .map(|f| f.span)
                .filter(|&s| fixed || !names_no_speaker(doc, s, entities))
        };
        let window = sentence_window(doc, *region, prev_end);
        let found = if continuation {
            found
        } else if fixed {
            found.filter(|f| label.is_some() || !names_no_speaker(doc, f.span, entities))
        } else {
            // Every rule's phrase is an option; the learned chooser picks one.
            proposed.extend(clause.map(|r| (Rule::Clause, r.found)));
            proposed.extend(subject().map(|f| (Rule::Subject, f)));
            proposed.extend(
                context::previous_sentence_speaker(doc, *region)
                    .map(|f| (Rule::PreviousSentence, f)),
            );
            proposed.extend(previous_quote_speaker(text, &out, words));
            proposed.extend(nearby_options(doc, *region, window));
            // "Sunday on Fox News …, Rep. Darrell Issa said": a day or a month never speaks,
            // nor does "Amid …", "It’s" or "confidently".
            proposed.retain(|(_, f)| !names_no_speaker(doc, f.span, entities));
            let cascade = found.filter(|f| !names_no_speaker(doc, f.span, entities));
            // "Clinton endorsed the deal, although she said it has “…”": a subject of the
            // sentence's first clause yields to the subject of the quote's own clause.
            // Not inside a reported clause: in "Mirzo said the line is ready, but he
            // knows that “…”" the coordinated clause is still part of Mirzo's report.
            let own = own_clause(doc, *region, window).filter(|_| clause.is_none());
            for (rule, f) in proposed.iter_mut() {
                if !matches!(
                    rule,
                    Rule::Possessive | Rule::Relative | Rule::AccordingTo | Rule::QuotedAs
                ) {
                    *f = in_own_clause(own, *f);
                }
            }
            let cascade = cascade.map(|f| in_own_clause(own, f));
            let options = chooser::candidates(&proposed, cascade);
            let rival = chooser::rival(doc, &options, entities);
            let features: Vec<Vec<String>> = options
                .iter()
                .map(|o| chooser::features(doc, *region, o, entities, rival))
                .collect();
            let chosen = keep_the_speaker_over_the_channel(&options, chooser::choose(&features));
            choices.push(super::SpeakerChoice {
                content: words,
                reported,
                options: options
                    .iter()
                    .map(|o| o.found.map(|f| f.span))
                    .zip(features)
                    .collect(),
                chosen,
            });
            options[chosen].found
        };
        let channel = (!continuation)
            .then(|| quote_channel(doc, *region, window, found))
            .flatten();
        let speaker = found.and_then(|s| resolve_speaker(doc, s, entities, &regions));
        let speaker = if continuation {
            out.last().and_then(|p| p.speaker.clone())
        } else {
            speaker
        };
        out.push(Segment {
            doc: index,
            words,
            speaker,
            cue: found.and_then(|f| f.cue),
            continuation,
            verbatim: true,
            reported,
            cascade_written,
            channel,
        });
    }
    // Reported clauses without quoted words are paraphrases; they come after the quotes so
    // that a quote's continuation still follows the quote.
    for r in reported {
        if out.iter().any(|s| s.reported == Some(r.clause)) {
            continue;
        }
        out.push(Segment {
            doc: index,
            words: r.clause,
            speaker: Some(r.found)
                .filter(|f| !names_no_speaker(doc, f.span, entities))
                .and_then(|f| resolve_speaker(doc, f, entities, &regions)),
            cue: r.found.cue,
            continuation: false,
            verbatim: false,
            reported: None,
            cascade_written: Some(r.found.span),
            channel: None,
        });
    }
    // The speaker rules read English: on an article in another language ("Gli …",
    // "Receba …" were taken for speakers) its quotes keep no speaker rather than a wrong one.
    if !reads_english(doc) {
        for s in &mut out {
            (s.speaker, s.cue, s.channel) = (None, None, None);
        }
    }
    out
}

/// Whether the cue at `cue` hands straight over to the quote at `region`, with only a comma
/// or colon between ("boasted, “…”").
fn introduces(text: &str, cue: Span, region: Span) -> bool {
    cue.end <= region.start
        && text
            .get(cue.end..region.start)
            .is_some_and(|gap| matches!(gap.trim_end_matches(['“', '"', '‘']).trim(), "," | ":"))
}

/// Whether the article is in English: so named by the extraction stage, or in no
/// language it named, or written with English function words for an eighth of its words
/// at least (detection on a few short lines can be wrong: three English sentences were
/// read as Afrikaans; prose in another language has next to none of these words).
fn reads_english(doc: &Doc) -> bool {
    let named = doc.article.language.as_ref();
    named.is_none_or(|l| matches!(l.value.as_str(), "eng" | "en")) || {
        let (words, function) = crate::extract::lang::english_function_words(doc.text());
        function * 8 >= words
    }
}

/// Month names that open a phrase taken for a speaker ("March's …"); April, May, June and
/// August are left out, being first names too. Day names are `text::dates::WEEKDAY_NAMES`.
const MONTH_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "july",
    "september",
    "october",
    "november",
    "december",
];

/// Whether the phrase at `span` cannot name a speaker: it opens with a day or month name
/// ("Sunday on Fox News"), with a preposition ("Amid what the Times called", "Across
/// Asia"), or is "It’s", a lone adverb in -ly ("confidently") or a lone speech word no
/// entity stands on, in lower case or opening its sentence ("Adding, “…”", "Calls for
/// …"; "…,” Read said" is Pfizer's Ian Read), or a lone introductory word ("However").
/// Words a sentence opens with, taken for its subject. (Words refused only once chosen,
/// without changing the choice, are `speaker::names_no_one`'s.)
fn names_no_speaker(doc: &Doc, span: Span, entities: &[Entity]) -> bool {
    let text = doc.text();
    let phrase = span.slice(text);
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let first = words.first().map_or(String::new(), |w| {
        crate::text::fold(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '’' && c != '\''))
    });
    let lone = words.len() == 1;
    let cue_word = || {
        lexicon::verb_re()
            .find(phrase)
            .is_some_and(|m| m.as_str() == phrase)
    };
    // A capital opening the sentence says nothing; elsewhere it makes a name.
    let capitalised = phrase.starts_with(char::is_uppercase);
    let opens_sentence = || {
        doc.layer
            .sentence_at(span.start)
            .is_some_and(|i| doc.layer.sentences[i].start == span.start)
    };
    names_a_date(text, span)
        || (attribution::is_preposition(&first) && !attribution::counts_people(phrase))
        || matches!(
            first.as_str(),
            "after" | "before" | "during" | "amid" | "among" | "despite" | "it’s" | "it's"
        )
        || (lone && first.ends_with("ly") && phrase.starts_with(char::is_lowercase))
        // "However, 63 percent said …": a word opening the sentence before its subject.
        || (lone && attribution::is_introductory(&first))
        || (lone
            && cue_word()
            && speaker::entity_on(doc, span, entities).is_none()
            && (opens_sentence() || !capitalised))
}

/// Whether the phrase at `span` opens with a day or month name.
fn names_a_date(text: &str, span: Span) -> bool {
    span.slice(text)
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .map(crate::text::fold)
        .is_some_and(|w| {
            crate::text::dates::WEEKDAY_NAMES.contains(&w.as_str())
                || MONTH_WORDS.contains(&w.as_str())
        })
}

/// The quote's sentence as the rules around the quote read it: `from` its start (after
/// the quote before, within the paragraph) to the opening mark (`open`), and on to its
/// `end` (at least the quote's end, within the paragraph).
#[derive(Clone, Copy)]
struct Window {
    from: usize,
    open: usize,
    end: usize,
}

/// Where the quote's own clause opens and its subject ([`nearby::own_clause_subject`]).
/// The third value is where the sentence opens: phrases before it are not moved.
fn own_clause(doc: &Doc, region: Span, window: Window) -> Option<(usize, Found, usize)> {
    let text = doc.text();
    // Phrases of the sentence before the quote before may give way too ("X said both are
    // “…,” but he gave …: “…”").
    let sentence = context::sentence_start_in_paragraph(doc, region.start)
        .unwrap_or_else(|| attribution::paragraph_start(text, region.start));
    nearby::own_clause_subject(text, window.from, window.open).map(|(at, f)| (at, f, sentence))
}

/// A speaker phrase of the quote's sentence that ends before the quote's own clause opens
/// gives way to that clause's subject (the cue, when it stands inside the clause, stays).
fn in_own_clause(own: Option<(usize, Found, usize)>, f: Found) -> Found {
    match own {
        Some((at, subject, from)) if !f.after && f.span.start >= from && f.span.end <= at => {
            Found {
                cue: f.cue.filter(|c| c.start > at),
                ..subject
            }
        }
        _ => f,
    }
}

/// The options of `nearby.rs` for the quote at `region`, looked for in its sentence
/// before the opening mark ("according to" anywhere in it).
fn nearby_options(doc: &Doc, region: Span, window: Window) -> Vec<(Rule, Found)> {
    let text = doc.text();
    let Window { from, open, end } = window;
    let mut out = Vec::new();
    out.extend(nearby::cue_subject(text, from, open).map(|f| (Rule::CueSubject, f)));
    out.extend(nearby::nearest_pronoun(text, from, open).map(|f| (Rule::NearestPronoun, f)));
    out.extend(nearby::open_relative(text, from, open).map(|f| (Rule::OpenRelative, f)));
    // "According to" may stand anywhere in the quote's sentence, before or after it.
    out.extend(nearby::according_to(text, from, end, region).map(|f| (Rule::AccordingTo, f)));
    out
}

/// The [`Window`] of the quote at `region`; `prev_end` is where the quote before ends.
fn sentence_window(doc: &Doc, region: Span, prev_end: usize) -> Window {
    let text = doc.text();
    let mut from = context::sentence_start_in_paragraph(doc, region.start)
        .unwrap_or_else(|| attribution::paragraph_start(text, region.start))
        .max(prev_end)
        .min(region.start);
    // The quote before ends inside its closing mark's bytes.
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let sentence_end = doc
        .layer
        .sentence_at(attribution::prev_char_start(text, region.end))
        .map_or(text.len(), |i| doc.layer.sentences[i].end)
        .min(attribution::paragraph_end(text, region.end));
    Window {
        from,
        open: attribution::prev_char_start(text, region.start),
        end: sentence_end.max(region.end),
    }
}

/// The channel of the quote at `region`: the source its sentence names after "according
/// to", the outlet it closes on as reporting it ("…, CNN reported."), or the survey it
/// opens with ("In a CNN/ORC poll, 31% said …"), when that is not who speaks (`speaker`).
/// "“…,” O’Malley said at a press conference, according to the Las Vegas Sun": O’Malley
/// speaks, the Sun relays. The dossier names the speaker; the channel is the attribution
/// around it (PolNeAR annotates that outer one).
fn quote_channel(
    doc: &Doc,
    region: Span,
    window: Window,
    speaker: Option<Found>,
) -> Option<super::Channel> {
    let Window {
        from,
        open,
        end: sentence_end,
    } = window;
    let text = doc.text();
    let after_quote = (region.end + 1..=sentence_end)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(sentence_end);
    let found = nearby::according_to(text, from, sentence_end, region)
        .or_else(|| nearby::reported_by(text, after_quote, sentence_end))
        .or_else(|| attribution::quoted_as_saying(text, from, open).and_then(|q| q.channel))
        .or_else(|| nearby::survey(text, from, open))?;
    let apart = !speaker.is_some_and(|f| f.span.overlaps(found.span));
    apart.then_some(super::Channel {
        source: found.span,
        cue: found.cue?,
    })
}

/// "According to the report, Rahmon said his country “welcome[d] …”": the source after
/// "according to" is the channel the words came through (the claim's attribution chain
/// keeps it), not their speaker, when the cascade found a speaker with a speech cue of
/// their own. PolNeAR often marks the outer source; the dossier names who spoke.
fn keep_the_speaker_over_the_channel(options: &[chooser::Candidate], chosen: usize) -> usize {
    if !options[chosen].rules.contains(&Rule::AccordingTo) || options[chosen].cascade {
        return chosen;
    }
    options
        .iter()
        .position(|o| o.cascade && o.found.is_some_and(|f| f.cue.is_some()))
        .unwrap_or(chosen)
}

/// The words naming the speaker the cascade gave the quote before, when it stands in the
/// same paragraph or the one before ("he added" two sentences later may still be that
/// speaker's).
fn previous_quote_speaker(text: &str, out: &[Segment], words: Span) -> Option<(Rule, Found)> {
    let before = out.iter().rev().find(|s| s.verbatim)?;
    let near = same_paragraph(text, before.words.end, words.start)
        || next_paragraph(text, before.words.end, words.start);
    let written = before.cascade_written.filter(|_| near)?;
    Some((
        Rule::PreviousQuote,
        Found {
            span: written,
            cue: None,
            after: false,
        },
    ))
}

/// For a quote inside a clause with no speech cue, the subject that opens its sentence
/// ("Bagheri hailed the plant as “a turning point …”"), when no quote stands in it.
fn subject_of_sentence(
    doc: &Doc,
    region: Span,
    regions: &[Span],
    speech: bool,
) -> Option<attribution::Found> {
    let text = doc.text();
    let from = context::sentence_start_in_paragraph(doc, region.start)?;
    let open = attribution::prev_char_start(text, region.start);
    context::sentence_subject_with(text, from, open, speech)
        .filter(|f| !regions.iter().any(|q| q.overlaps(f.span)))
}

/// Longest speaker label of a transcript line ("SEN. TIM KAINE:").
const MAX_LABEL_BYTES: usize = 30;

/// "“PENCE: Well, look, …”": a quoted transcript line opens with its speaker's name in
/// capitals and a colon; that name speaks, whatever the sentence around the quote says.
fn transcript_speaker(text: &str, words: Span) -> Option<attribution::Found> {
    let inner = words.slice(text);
    let colon = inner.get(..MAX_LABEL_BYTES.min(inner.len()))?.find(':')?;
    let label = &inner[..colon];
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let shaped = label
        .chars()
        .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-' | '’'));
    let followed = inner[colon + 1..].starts_with(' ');
    (letters >= 3 && shaped && followed).then(|| attribution::Found {
        span: Span::new(words.start, words.start + colon),
        cue: None,
        after: false,
    })
}

/// The quoted words without surrounding blanks and without a trailing comma, which belongs
/// to the attribution ("…,” he said").
fn trim_words(text: &str, region: Span) -> Option<Span> {
    let inner = region.slice(text);
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim().trim_end_matches([',', ';', ':']).trim_end();
    (!trimmed.is_empty())
        .then(|| Span::new(region.start + lead, region.start + lead + trimmed.len()))
}

/// Scare quotes ("kamikaze") and quoted titles ("Iran Drone Deal Aims for …") are not
/// speech: keep passages of three words or more that are not in title case.
fn is_speech(text: &str, words: Span) -> bool {
    use unicode_segmentation::UnicodeSegmentation;
    let ws: Vec<&str> = words.slice(text).unicode_words().collect();
    if ws.len() < 3 {
        return false;
    }
    let capitalised = ws
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let said = words.slice(text).trim_end();
    // "Thelma and Louise", "The Nightly Show with Larry Wilmore.": every word but the small
    // ones capitalised is a title, whatever closes it, unless it is exclaimed or asked
    // ("USA! USA!") or shouted in capitals ("THIS IS NOT OK.").
    let shouted = !said.chars().any(char::is_lowercase);
    if title_case(text, words) && !shouted && !said.ends_with(['?', '!']) {
        return false;
    }
    let ends_sentence = said.ends_with(['.', '?', '!']);
    capitalised * 10 < ws.len() * 7 || ends_sentence
}

/// A short quoted name set in running text: at most three title-case words, lowercase text
/// going on after its closing mark ("wearing “Ted Cruz” campaign pins").
fn names_inside_a_sentence(text: &str, region: Span) -> bool {
    let inner = region.slice(text);
    let short = inner.split_whitespace().count() <= 3 && !inner.ends_with(['.', ',', '!', '?']);
    let close = attribution::next_char_end(text, region.end);
    let goes_on = text[close..]
        .strip_prefix(' ')
        .is_some_and(|t| t.starts_with(char::is_lowercase));
    short && goes_on && title_case(text, region)
}

/// Every word capitalised: a title ("Face the Nation", "War On Drugs").
fn title_case(text: &str, words: Span) -> bool {
    use unicode_segmentation::UnicodeSegmentation;
    let ws: Vec<&str> = words.slice(text).unicode_words().collect();
    let small = |w: &str| {
        matches!(
            w,
            "the"
                | "of"
                | "and"
                | "in"
                | "on"
                | "a"
                | "an"
                | "to"
                | "for"
                | "or"
                | "at"
                | "by"
                | "with"
                | "from"
                | "as"
                | "is"
        )
    };
    ws.iter()
        .all(|w| small(w) || w.chars().next().is_some_and(|c| !c.is_lowercase()))
}

/// Whether the quotation mark before `start` is the first character of its paragraph.
fn opens_paragraph(text: &str, start: usize) -> bool {
    let open = attribution::prev_char_start(text, start);
    attribution::paragraph_start(text, open) == open
}

/// Whether `b` lies in the paragraph right after the one holding `a`.
fn next_paragraph(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b)
        .is_some_and(|between| between.matches("\n\n").count() == 1)
}

fn same_paragraph(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b)
        .is_some_and(|between| !between.contains("\n\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Opening words taken for a sentence's subject that cannot name anyone (as the
    /// chooser picked them on PolNeAR train: "Amid", "Across Asia", "It’s become",
    /// "Adding", "confidently") are no speaker; a name that is also a verb ("…,” Read
    /// said", Pfizer's Ian Read) and a plain subject are.
    #[test]
    fn opening_words_that_name_no_one_are_no_speaker() {
        let text = "Amid what the Courier called a “turning point,” Across Asia, officials \
                    were startled. It’s become a fixture. Adding, “Now we can.” Her view, \
                    confidently stated, was that “it works.” “We assessed it,” Read said. \
                    Mirzo said “yes.”";
        let d = crate::statements::tests::doc("t", text, None);
        let no_speaker = |phrase: &str| {
            let at = text.find(phrase).expect("phrase");
            names_no_speaker(&d, Span::new(at, at + phrase.len()), &[])
        };
        for junk in [
            "Amid",
            "Across Asia",
            "It’s become",
            "Adding",
            "confidently",
        ] {
            assert!(no_speaker(junk), "{junk:?} taken for a speaker");
        }
        for name in ["Read", "Mirzo", "officials", "Her view"] {
            assert!(!no_speaker(name), "{name:?} refused");
        }
    }
}
