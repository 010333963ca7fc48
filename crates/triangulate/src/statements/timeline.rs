//! Timeline: absolute and relative date expressions, resolved against the publication date,
//! grouped across documents by date and by what they date.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use regex::Regex;

use super::{content_stems, cosine, quote_interiors, TimelineEntry};
use crate::model::{DocSpan, Span};
use crate::text::dates::{civil, iso_date, month_number, parse_date_line, MONTHS};
use crate::text::Doc;

/// How finely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Precision {
    Year,
    Month,
    Day,
}

impl Precision {
    fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }
}

/// A date expression read in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct DateMention {
    /// The expression's span.
    pub span: Span,
    /// The date it names (first day of the month or year for coarser precisions).
    pub date: Date,
    pub precision: Precision,
    /// Read from a misspelling, or against a borrowed reference date.
    pub uncertain: bool,
    /// First and last day the expression can mean; set by [`mentions_in`] from the
    /// precision and the qualifier ("mid-", "late in", "earlier this").
    pub range: Option<(Date, Date)>,
}

impl DateMention {
    /// ISO form at its precision: `2022-05-17`, `2022-05` or `2022`.
    pub fn iso(&self) -> String {
        match self.precision {
            Precision::Day => self.date.to_string(),
            Precision::Month => format!("{:04}-{:02}", self.date.year(), self.date.month()),
            Precision::Year => format!("{:04}", self.date.year()),
        }
    }
}

/// The date relative expressions are read against, and whether it is the article's own.
#[derive(Clone, Copy, Debug)]
pub(super) struct Reference {
    pub date: Date,
    pub borrowed: bool,
}

/// The reference date of each document: its publication date, or else the earliest
/// publication date in the story (marked borrowed).
pub(super) fn references(docs: &[&Doc]) -> Vec<Option<Reference>> {
    let own: Vec<Option<Date>> = docs
        .iter()
        .map(|d| {
            d.article
                .published
                .as_ref()
                .and_then(|p| iso_date(&p.value))
        })
        .collect();
    let earliest = own.iter().flatten().min().copied();
    own.iter()
        .map(|d| match (d, earliest) {
            (Some(date), _) => Some(Reference {
                date: *date,
                borrowed: false,
            }),
            (None, Some(date)) => Some(Reference {
                date,
                borrowed: true,
            }),
            (None, None) => None,
        })
        .collect()
}

const WEEKDAYS: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

/// Common words one edit away from a month name that must not be read as one.
const NOT_MONTHS: &[&str] = &[
    "day", "way", "say", "pay", "bay", "ray", "hay", "man", "mat", "jane", "mary", "marc",
];

struct Patterns {
    dmy: Regex,
    mdy: Regex,
    month_year: Regex,
    month_last_year: Regex,
    month_day: Regex,
    day_month: Regex,
    month_alone: Regex,
    year: Regex,
    relative: Regex,
    weekday: Regex,
    typo: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let re = |s: String| Regex::new(&s).expect("date regex");
        Patterns {
            dmy: re(format!(r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})\.?,?\s+(\d{{4}})\b")),
            mdy: re(format!(r"\b({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")),
            month_year: re(format!(r"\b({MONTHS})\s+(?:of\s+)?(\d{{4}})\b")),
            month_last_year: re(format!(r"\b({MONTHS})\s+(last|this|next)\s+year\b")),
            month_day: re(format!(r"\b({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b")),
            day_month: re(format!(r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})\b")),
            month_alone: re(format!(
                r"(?i:\b(?:(?:early|late|mid|in|since|by|until|from|through|during|of|before|after)\s+(?:in\s+)?|mid-))({MONTHS})\b"
            )),
            year: re(r"(?i:\b(?:(?:in|since|by|until|of|from|during|before|after|early|late|mid)\s+|mid-))(1[89]\d\d|20\d\d)\b".to_string()),
            relative: re(r"(?i)\b(?:(earlier|later)\s+)?(last|this|next)\s+(year|month)\b|\byesterday\b".to_string()),
            weekday: re(format!(
                r"(?i:\b(?:(?:early\s+on|late\s+on|on|since|by|until|from|last|this|next|(?:in\s+)?the\s+early\s+hours\s+of|(?:shortly\s+)?(?:before|after)\s+midnight\s+on)\s+)?)\b({WEEKDAYS})(?:’s|'s)?(?:\s+(?:morning|afternoon|evening|night))?\b"
            )),
            typo: re(r"\b(\p{Lu}[a-z]{2,8})\s+(\d{1,2})\b".to_string()),
        }
    })
}

/// Date expressions in `range` of a document (outside quotation marks), resolved against
/// `reference`; relative ones are skipped without a reference.
pub(super) fn mentions_in(
    text: &str,
    range: Span,
    reference: Option<Reference>,
    quotes: &[Span],
) -> Vec<DateMention> {
    let Some(slice) = text.get(range.start..range.end) else {
        return Vec::new();
    };
    let mut found: Vec<DateMention> = Vec::new();
    let mut push = |m: Option<DateMention>| {
        let Some(mut m) = m else { return };
        m.span = m.span.shifted(range.start);
        let expression = text.get(m.span.start..m.span.end).unwrap_or("");
        m.range = date_range(&m, expression, reference.map(|r| r.date));
        let inside_quote = quotes.iter().any(|q| q.contains(m.span));
        let taken = found.iter().any(|f| f.span.overlaps(m.span));
        if !inside_quote && !taken {
            found.push(m);
        }
    };
    let p = patterns();
    let ref_date = reference.map(|r| r.date);
    let borrowed = reference.is_some_and(|r| r.borrowed);
    for c in p.dmy.captures_iter(slice) {
        push(absolute(&c, 3, 2, Some(1)));
    }
    for c in p.mdy.captures_iter(slice) {
        push(absolute(&c, 3, 1, Some(2)));
    }
    for c in p.month_year.captures_iter(slice) {
        push(absolute(&c, 2, 1, None));
    }
    for c in p.month_last_year.captures_iter(slice) {
        push(month_of_relative_year(&c, ref_date, borrowed));
    }
    for c in p.month_day.captures_iter(slice) {
        push(day_without_year(&c, 1, 2, ref_date, borrowed, false));
    }
    for c in p.day_month.captures_iter(slice) {
        push(day_without_year(&c, 2, 1, ref_date, borrowed, false));
    }
    for c in p.month_alone.captures_iter(slice) {
        push(month_without_year(&c, ref_date, borrowed));
    }
    for c in p.year.captures_iter(slice) {
        push(year_alone(&c));
    }
    for c in p.relative.captures_iter(slice) {
        push(relative(&c, ref_date, borrowed));
    }
    for c in p.weekday.captures_iter(slice) {
        push(weekday(&c, ref_date, borrowed));
    }
    for c in p.typo.captures_iter(slice) {
        push(misspelt_month(&c, ref_date));
    }
    found.sort_by_key(|m| m.span.start);
    found
}

/// Which part of a month or year a qualifier picks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Whole,
    Early,
    Mid,
    Late,
    /// "earlier this year": from the start of the period to the day before the reference.
    Before,
    /// "later this month": from the day after the reference to the end of the period.
    After,
}

/// The qualifier of a date expression, from its first word.
fn part_of(expression: &str) -> Part {
    let lower = expression.to_lowercase();
    if lower.starts_with("earlier") {
        Part::Before
    } else if lower.starts_with("later") {
        Part::After
    } else if lower.starts_with("early") && !lower.starts_with("early on") {
        Part::Early
    } else if lower.starts_with("mid") {
        Part::Mid
    } else if lower.starts_with("late") && !lower.starts_with("late on") {
        Part::Late
    } else {
        Part::Whole
    }
}

/// The first and last day a mention can mean: its day; its month or year, narrowed to the
/// first, middle or last third ("early", "mid-", "late") or cut at the reference date
/// ("earlier this year").
fn date_range(m: &DateMention, expression: &str, reference: Option<Date>) -> Option<(Date, Date)> {
    let (start, end) = match m.precision {
        Precision::Day => return Some((m.date, m.date)),
        Precision::Month => {
            let first = m.date.first_of_month();
            (first, first.last_of_month())
        }
        Precision::Year => (m.date.first_of_year(), m.date.last_of_year()),
    };
    // Thirds of a month are days 1–10, 11–20 and 21–end; of a year, January–April,
    // May–August and September–December.
    let thirds = |k: i8| -> Option<(Date, Date)> {
        match m.precision {
            Precision::Month => {
                let a = civil(start.year(), start.month(), 1 + 10 * k)?;
                let b = if k == 2 {
                    end
                } else {
                    civil(start.year(), start.month(), 10 + 10 * k)?
                };
                Some((a, b))
            }
            _ => {
                let a = civil(start.year(), 1 + 4 * k, 1)?;
                let b = civil(start.year(), 4 + 4 * k, 1)?.last_of_month();
                Some((a, b))
            }
        }
    };
    match part_of(expression) {
        Part::Whole => Some((start, end)),
        Part::Early => thirds(0),
        Part::Mid => thirds(1),
        Part::Late => thirds(2),
        Part::Before => {
            let last = reference?.checked_sub(1.day()).ok()?;
            Some((start, last.max(start).min(end)))
        }
        Part::After => {
            let first = reference?.checked_add(1.day()).ok()?;
            Some((first.min(end).max(start), end))
        }
    }
}

fn whole(c: &regex::Captures) -> Span {
    c.get(0)
        .map_or(Span::new(0, 0), |m| Span::new(m.start(), m.end()))
}

fn absolute(c: &regex::Captures, y: usize, m: usize, d: Option<usize>) -> Option<DateMention> {
    let year: i16 = c.get(y)?.as_str().parse().ok()?;
    let month = month_number(c.get(m)?.as_str())?;
    let (day, precision) = match d {
        Some(d) => (c.get(d)?.as_str().parse().ok()?, Precision::Day),
        None => (1, Precision::Month),
    };
    Some(DateMention {
        span: whole(c),
        date: civil(year, month, day)?,
        precision,
        uncertain: false,
        range: None,
    })
}

/// The year a month without a year falls in: the reference year, or the year before when
/// the month lies more than a month after the reference ("in October" read in March).
fn year_for_month(month: i8, reference: Date) -> i16 {
    if month > reference.month() + 1 {
        reference.year() - 1
    } else {
        reference.year()
    }
}

fn month_of_relative_year(
    c: &regex::Captures,
    reference: Option<Date>,
    borrowed: bool,
) -> Option<DateMention> {
    let reference = reference?;
    let month = month_number(c.get(1)?.as_str())?;
    let shift = match c.get(2)?.as_str() {
        "last" => -1,
        "next" => 1,
        _ => 0,
    };
    Some(DateMention {
        span: whole(c),
        date: civil(reference.year() + shift, month, 1)?,
        precision: Precision::Month,
        uncertain: borrowed,
        range: None,
    })
}

fn day_without_year(
    c: &regex::Captures,
    m: usize,
    d: usize,
    reference: Option<Date>,
    borrowed: bool,
    typo: bool,
) -> Option<DateMention> {
    let reference = reference?;
    let month = month_number(c.get(m)?.as_str())?;
    let day: i8 = c.get(d)?.as_str().parse().ok()?;
    Some(DateMention {
        span: whole(c),
        date: civil(year_for_month(month, reference), month, day)?,
        precision: Precision::Day,
        uncertain: borrowed || typo,
        range: None,
    })
}

fn month_without_year(
    c: &regex::Captures,
    reference: Option<Date>,
    borrowed: bool,
) -> Option<DateMention> {
    let reference = reference?;
    let month = month_number(c.get(1)?.as_str())?;
    Some(DateMention {
        span: whole(c),
        date: civil(year_for_month(month, reference), month, 1)?,
        precision: Precision::Month,
        uncertain: borrowed,
        range: None,
    })
}

fn year_alone(c: &regex::Captures) -> Option<DateMention> {
    let year: i16 = c.get(1)?.as_str().parse().ok()?;
    Some(DateMention {
        span: whole(c),
        date: civil(year, 1, 1)?,
        precision: Precision::Year,
        uncertain: false,
        range: None,
    })
}

/// "last year", "earlier this month", "yesterday".
fn relative(c: &regex::Captures, reference: Option<Date>, borrowed: bool) -> Option<DateMention> {
    let reference = reference?;
    let span = whole(c);
    let Some(unit) = c.get(3) else {
        // "yesterday"
        return Some(DateMention {
            span,
            date: reference.checked_sub(1.day()).ok()?,
            precision: Precision::Day,
            uncertain: borrowed,
            range: None,
        });
    };
    let shift: i16 = match c.get(2)?.as_str().to_lowercase().as_str() {
        "last" => -1,
        "next" => 1,
        _ => 0,
    };
    let (date, precision) = if unit.as_str().eq_ignore_ascii_case("year") {
        (civil(reference.year() + shift, 1, 1)?, Precision::Year)
    } else {
        let first = civil(reference.year(), reference.month(), 1)?;
        let date = first.checked_add(i64::from(shift).months()).ok()?;
        (date, Precision::Month)
    };
    Some(DateMention {
        span,
        date,
        precision,
        uncertain: borrowed,
        range: None,
    })
}

/// "on Tuesday": the most recent such day on or before the reference ("next Tuesday": the
/// first after it).
fn weekday(c: &regex::Captures, reference: Option<Date>, borrowed: bool) -> Option<DateMention> {
    let reference = reference?;
    let name = c.get(1)?.as_str();
    let target = weekday_of(name)?;
    let m = c.get(0)?;
    let next = m.as_str().to_lowercase().starts_with("next");
    let back = (reference.weekday().to_monday_zero_offset() - target.to_monday_zero_offset())
        .rem_euclid(7);
    // A borrowed reference (the story's earliest date) may precede the article: read the
    // weekday as the nearest one rather than the last one before it.
    let date = if next || (borrowed && back > 3) {
        reference.checked_add(i64::from(7 - back).days()).ok()?
    } else {
        reference.checked_sub(i64::from(back).days()).ok()?
    };
    Some(DateMention {
        span: whole(c),
        date,
        precision: Precision::Day,
        uncertain: borrowed,
        range: None,
    })
}

fn weekday_of(name: &str) -> Option<Weekday> {
    Some(match name.to_lowercase().as_str() {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

/// "Nay 17", "Mach 12": a capitalised word one edit from a month name, followed by a day
/// number, read as that month and marked uncertain.
fn misspelt_month(c: &regex::Captures, reference: Option<Date>) -> Option<DateMention> {
    let word = c.get(1)?.as_str();
    let lower = word.to_lowercase();
    if month_number(word).is_some() || NOT_MONTHS.contains(&lower.as_str()) {
        return None;
    }
    let candidates: Vec<usize> = crate::text::dates::MONTH_NAMES
        .iter()
        .enumerate()
        .filter(|(_, m)| super::quotes::edit_distance(&lower, m) == 1)
        .map(|(i, _)| i)
        .collect();
    let [only] = candidates.as_slice() else {
        return None;
    };
    let month = i8::try_from(only + 1).ok()?;
    let day: i8 = c.get(2)?.as_str().parse().ok()?;
    let reference = reference?;
    Some(DateMention {
        span: whole(c),
        date: civil(year_for_month(month, reference), month, day)?,
        precision: Precision::Day,
        uncertain: true,
        range: None,
    })
}

/// Metadata lines ("Published 16 March 2025, 00:15 | Updated …") are not events.
fn is_metadata(sentence: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^(?:published|updated|posted|publish date|last updated|date)\b")
            .expect("metadata regex")
    });
    re.is_match(sentence) || parse_date_line(sentence).is_some()
}

/// One dated sentence before grouping.
struct Dated {
    doc: usize,
    sentence: Span,
    mention: DateMention,
    stems: BTreeSet<String>,
}

/// Builds the story's timeline.
pub(super) fn find(docs: &[&Doc]) -> Vec<TimelineEntry> {
    let refs = references(docs);
    let mut dated = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        let text = doc.text();
        let quotes = quote_interiors(text);
        for &sentence in &doc.layer.sentences {
            if is_metadata(sentence.slice(text)) {
                continue;
            }
            for mention in mentions_in(text, sentence, refs[i], &quotes) {
                dated.push(Dated {
                    doc: i,
                    sentence,
                    stems: content_stems(doc, sentence),
                    mention,
                });
            }
        }
    }
    let groups = group(&dated);
    let mut entries: Vec<(String, usize, TimelineEntry)> = groups
        .into_iter()
        .map(|g| entry(docs, &dated, &g))
        .collect();
    entries.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    entries.into_iter().map(|(_, _, e)| e).collect()
}

/// Groups mentions of the same date whose sentences say similar things.
fn group(dated: &[Dated]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, d) in dated.iter().enumerate() {
        let home = groups.iter_mut().find(|g| {
            let first = &dated[g[0]];
            first.mention.iso() == d.mention.iso()
                && g.iter()
                    .all(|&k| dated[k].doc != d.doc || dated[k].sentence != d.sentence)
                && cosine(&first.stems, &d.stems).0 >= 0.3
        });
        match home {
            Some(g) => g.push(i),
            None => groups.push(vec![i]),
        }
    }
    groups
}

fn entry(docs: &[&Doc], dated: &[Dated], members: &[usize]) -> (String, usize, TimelineEntry) {
    let first = &dated[members[0]];
    let text = docs[first.doc].text();
    let documents: Vec<String> = members
        .iter()
        .map(|&k| docs[dated[k].doc].id().to_string())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let date = first.mention.iso();
    let e = TimelineEntry {
        date: date.clone(),
        precision: first.mention.precision.as_str().to_string(),
        from: first
            .mention
            .range
            .map_or_else(|| date.clone(), |(a, _)| a.to_string()),
        to: first
            .mention
            .range
            .map_or_else(|| date.clone(), |(_, b)| b.to_string()),
        uncertain: members.iter().all(|&k| dated[k].mention.uncertain),
        expression: first.mention.span.slice(text).to_string(),
        text: first.sentence.slice(text).to_string(),
        documents,
        mentions: members
            .iter()
            .map(|&k| DocSpan::new(docs[dated[k].doc].id(), dated[k].mention.span))
            .collect(),
    };
    (date, members[0], e)
}
