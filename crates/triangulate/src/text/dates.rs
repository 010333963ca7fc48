//! Reading dates stated in text: metadata lines ("Publish Date : 17 May 2022 - 22:08",
//! "May 18, 2022 - 21:18", "2022-05-17T22:08:00+04:30") and month names.

use std::sync::OnceLock;

use regex::Regex;

/// English month names and abbreviations → month number.
pub fn month_number(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.').to_lowercase();
    let n = match w.as_str() {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(n)
}

/// Full English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Full English weekday names, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// True for a month or weekday name or a month's abbreviation (folded, lower case).
pub fn is_calendar_word(folded: &str) -> bool {
    month_number(folded).is_some() || WEEKDAY_NAMES.contains(&folded)
}

/// Regex alternation of month names, longest first.
pub const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

fn line_patterns() -> &'static [Regex; 4] {
    static RE: OnceLock<[Regex; 4]> = OnceLock::new();
    RE.get_or_init(|| {
        let time = r"(?:\s*(?:[-–,|@]|at)?\s*(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap]\.?m\.?)?(?:\s*\(?(GMT|UTC|Z)\)?)?)?";
        let prefix = r"(?i)^(?:(?:publish(?:ed)?|posted|updated|last updated|date|created)(?:\s+(?:date|on|at))?\s*:?\s*)?(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*)?";
        [
            Regex::new(&format!(
                r"{prefix}(\d{{4}})-(\d{{2}})-(\d{{2}})(?:[T ](\d{{2}}):(\d{{2}})(?::(\d{{2}}))?(?:\.\d+)?(Z|[+-]\d{{2}}:?\d{{2}})?)?\s*$"
            ))
            .expect("iso date"),
            Regex::new(&format!(
                r"{prefix}(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})\.?,?\s+(\d{{4}}){time}\s*$"
            ))
            .expect("dmy date"),
            Regex::new(&format!(
                r"{prefix}({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}}){time}\s*$"
            ))
            .expect("mdy date"),
            Regex::new(&format!(
                r"{prefix}(\d{{1,2}})[./](\d{{1,2}})[./](\d{{4}}){time}\s*$"
            ))
            .expect("numeric date"),
        ]
    })
}

/// Reads a line that is only a date (optionally labelled "Publish Date :", with a time),
/// returning ISO 8601: `2022-05-17`, `2022-05-17T22:08:00`, or with an offset when stated.
pub fn parse_date_line(line: &str) -> Option<String> {
    // "Published 16 March 2025, 00:15 | Updated 16 March 2025, 08:40": the first is the date.
    let s = line.split(" | ").next().unwrap_or(line).trim();
    if s.len() > 80 {
        return None;
    }
    let [iso, dmy, mdy, numeric] = line_patterns();
    if let Some(c) = iso.captures(s) {
        let date = civil(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
        let Some(h) = c.get(4) else {
            return Some(date.to_string());
        };
        let (hour, min): (i8, i8) = (h.as_str().parse().ok()?, c[5].parse().ok()?);
        let sec: i8 = c.get(6).map_or(Some(0), |m| m.as_str().parse().ok())?;
        let dt = date.to_datetime(jiff::civil::Time::new(hour, min, sec, 0).ok()?);
        let offset = c
            .get(7)
            .and_then(|m| normalise_offset(m.as_str()))
            .unwrap_or_default();
        return Some(format!("{}{}", dt.strftime("%Y-%m-%dT%H:%M:%S"), offset));
    }
    let (day, month, year, rest) = if let Some(c) = dmy.captures(s) {
        (
            c[1].to_string(),
            c[2].to_string(),
            c[3].to_string(),
            time_of(&c, 4),
        )
    } else if let Some(c) = mdy.captures(s) {
        (
            c[2].to_string(),
            c[1].to_string(),
            c[3].to_string(),
            time_of(&c, 4),
        )
    } else if let Some(c) = numeric.captures(s) {
        return numeric_date(&c);
    } else {
        return None;
    };
    let date = civil(year.parse().ok()?, month_number(&month)?, day.parse().ok()?)?;
    match rest {
        None => Some(date.to_string()),
        Some((hour, min, utc)) => {
            let dt = date.to_datetime(jiff::civil::Time::new(hour, min, 0, 0).ok()?);
            let zone = if utc { "Z" } else { "" };
            Some(format!("{}{zone}", dt.strftime("%Y-%m-%dT%H:%M:%S")))
        }
    }
}

/// "13/03/2025", "13.03.2025, 11:02": day first, as most of the world writes it, unless the
/// first number cannot be a month day pair that way (then month first, US style).
fn numeric_date(c: &regex::Captures) -> Option<String> {
    let (x, y): (i8, i8) = (c[1].parse().ok()?, c[2].parse().ok()?);
    let (day, month) = if y <= 12 { (x, y) } else { (y, x) };
    let date = civil(c[3].parse().ok()?, month, day)?;
    match time_of(c, 4) {
        None => Some(date.to_string()),
        Some((hour, min, utc)) => {
            let dt = date.to_datetime(jiff::civil::Time::new(hour, min, 0, 0).ok()?);
            let zone = if utc { "Z" } else { "" };
            Some(format!("{}{zone}", dt.strftime("%Y-%m-%dT%H:%M:%S")))
        }
    }
}

fn time_of(c: &regex::Captures, first: usize) -> Option<(i8, i8, bool)> {
    let mut hour: i8 = c.get(first)?.as_str().parse().ok()?;
    let min: i8 = c.get(first + 1)?.as_str().parse().ok()?;
    if let Some(ampm) = c.get(first + 2) {
        let pm = ampm.as_str().to_lowercase().starts_with('p');
        hour = match (pm, hour) {
            (true, h) if h < 12 => h + 12,
            (false, 12) => 0,
            (_, h) => h,
        };
    }
    Some((hour, min, c.get(first + 3).is_some()))
}

/// "+0530" or "+05:30" as "+05:30"; `None` unless it holds four ASCII digits (the pattern's
/// `\d` also takes other scripts' digits, which a fuzzed page showed: "+٠٥٣٠" had panicked).
fn normalise_offset(s: &str) -> Option<String> {
    if s == "Z" {
        return Some("Z".into());
    }
    let sign = s.get(..1)?;
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    (digits.len() == 4).then(|| format!("{sign}{}:{}", &digits[..2], &digits[2..]))
}

/// A valid calendar date, or `None` ("31 February").
pub fn civil(year: i16, month: i8, day: i8) -> Option<jiff::civil::Date> {
    jiff::civil::Date::new(year, month, day).ok()
}

/// Reads the date part of an ISO 8601 string as written by [`parse_date_line`].
pub fn iso_date(s: &str) -> Option<jiff::civil::Date> {
    let head = s.get(..10)?;
    head.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_offset_in_other_digits_is_left_out_not_a_panic() {
        assert_eq!(
            parse_date_line("2022-05-17T10:00+0530").as_deref(),
            Some("2022-05-17T10:00:00+05:30")
        );
        assert_eq!(
            parse_date_line("2022-05-17T10:00+\u{661}\u{662}:\u{663}\u{664}").as_deref(),
            Some("2022-05-17T10:00:00")
        );
    }

    #[test]
    fn metadata_lines_from_real_pages() {
        assert_eq!(
            parse_date_line("Publish Date : 17 May 2022 - 22:08").as_deref(),
            Some("2022-05-17T22:08:00")
        );
        assert_eq!(
            parse_date_line("May 18, 2022 - 21:18").as_deref(),
            Some("2022-05-18T21:18:00")
        );
        assert_eq!(
            parse_date_line("2022-05-17T22:08:00+0430").as_deref(),
            Some("2022-05-17T22:08:00+04:30")
        );
        assert_eq!(
            parse_date_line("Tuesday, March 4, 2025").as_deref(),
            Some("2025-03-04")
        );
        assert_eq!(
            parse_date_line("Posted on 4th March 2025 at 9:15 pm").as_deref(),
            Some("2025-03-04T21:15:00")
        );
    }

    #[test]
    fn sentences_and_impossible_dates_are_not_date_lines() {
        assert_eq!(
            parse_date_line("Iran opened a factory on May 17, 2022."),
            None
        );
        assert_eq!(parse_date_line("31 February 2022"), None);
        assert_eq!(parse_date_line("News ID: 102698"), None);
    }
}
