//! Author names from a byline or a metadata value: "By Mike Wuerthele and Malcolm Owen",
//! "Jill Disis, CNN Business", "Finian Cunningham. Sputnik International", "By Reuters".
//!
//! The value is cut into names at "and", "&", commas, semicolons and bars; a part naming a
//! news agency becomes the agency credit (an agency byline is not an author); parts that are
//! roles or outlets ("CNN Editor-at-large", "IGN Staff"), addresses, handles and account
//! names ("admin") are dropped; names written in capitals are title-cased; duplicates go.

use std::sync::OnceLock;

use regex::Regex;

/// News agencies whose name in a byline is a credit, not an author.
const AGENCIES: &[&str] = &[
    "Reuters",
    "Associated Press",
    "AP",
    "AFP",
    "Agence France-Presse",
    "Agence France Presse",
    "PTI",
    "Press Trust of India",
    "IANS",
    "ANI",
    "UNI",
    "IRNA",
    "ISNA",
    "Tasnim",
    "Mehr",
    "Mehr News Agency",
    "Fars",
    "Xinhua",
    "TASS",
    "RIA Novosti",
    "Interfax",
    "dpa",
    "UPI",
    "EFE",
    "ANSA",
    "Anadolu",
    "Anadolu Agency",
    "Yonhap",
    "Kyodo",
    "Bernama",
    "Antara",
    "WAM",
    "KUNA",
    "Bloomberg",
    "Bloomberg News",
    "CNA",
];

/// Words that make a byline part a role or an organisation rather than a person's name.
const ROLE_WORDS: &[&str] = &[
    "editor",
    "editors",
    "editor-at-large",
    "editorial",
    "correspondent",
    "correspondents",
    "reporter",
    "reporters",
    "writer",
    "writers",
    "staff",
    "contributor",
    "contributing",
    "columnist",
    "journalist",
    "producer",
    "analyst",
    "photographer",
    "senior",
    "chief",
    "deputy",
    "business",
    "news",
    "newsroom",
    "desk",
    "bureau",
    "international",
    "press",
    "agency",
    "media",
    "magazine",
    "online",
    "digital",
    "team",
    "service",
    "wire",
    "times",
    "daily",
    "herald",
    "tribune",
    "journal",
    "network",
    "group",
    "ltd",
    "inc",
    "llc",
    "updated",
    "published",
    "posted",
];

/// Account names that are not people.
const GENERIC: &[&str] = &[
    "admin",
    "гость",
    "administrator",
    "webmaster",
    "editor",
    "guest",
    "anonymous",
    "unknown",
    "user",
    "root",
];

/// The names and the agency credit read from one value.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Credits {
    /// Persons, cleaned, in order, without duplicates.
    pub authors: Vec<String>,
    /// A news agency named in the value.
    pub agency: Option<String>,
}

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("static regex"))
}

/// Reads a byline or an author value. `outlet` (the site's name) is not an author.
pub fn read(raw: &str, outlet: Option<&str>) -> Credits {
    static PREFIX: OnceLock<Regex> = OnceLock::new();
    static SPLIT: OnceLock<Regex> = OnceLock::new();
    static SENTENCE: OnceLock<Regex> = OnceLock::new();
    static URL: OnceLock<Regex> = OnceLock::new();
    static STAMP: OnceLock<Regex> = OnceLock::new();
    let folded = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let prefix = re(
        &PREFIX,
        r"(?i)^(?:(?:written|analysis|story|reporting|words|text|posted|compiled|edited|photos?|interview)\s+by|by|von|por|par|door|di|av|autor(?:in)?|author)\s*:?\s+",
    );
    let urls = re(&URL, r"\S*(?:https?://|www\.)\S*");
    let folded = urls.replace_all(&folded, " ");
    let body = prefix.replace(folded.trim(), "");
    // A date or a stamp after the names ends the byline: "Malcolm Owen Monday, November 18".
    let stamp = re(
        &STAMP,
        &format!(
            r"(?i)\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:{})\.?\s+\d|\d|(?:updated|published|posted|publiziert|on)\b).*$",
            crate::text::dates::MONTHS
        ),
    );
    let body = stamp.replace(&body, "");
    // "Finian Cunningham. Sputnik International": a full stop after a word (not an initial).
    let sentence = re(&SENTENCE, r"(\p{L}{2,})\.\s+");
    let body = sentence.replace_all(&body, "$1 | ");
    let split = re(
        &SPLIT,
        r"(?i)\s+(?:and|&|und|et|y|e|i|и)\s+|\s*[,;|/•·]\s*|\s+[-–—]\s+",
    );
    let mut credits = Credits::default();
    for part in split.split(&body) {
        read_part(part, outlet, &mut credits);
    }
    credits
}

fn read_part(part: &str, outlet: Option<&str>, credits: &mut Credits) {
    let part = part
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'')
        .trim();
    let (name, agency) = strip_agency(part);
    if let Some(agency) = agency {
        credits.agency.get_or_insert(agency);
    }
    if let Some(name) = person(name, outlet) {
        if !credits
            .authors
            .iter()
            .any(|a| a.to_lowercase() == name.to_lowercase())
        {
            credits.authors.push(name);
        }
    }
}

/// Splits an agency name off a part: "Reuters" → ("", Reuters); "Reuters staff" →
/// ("staff", Reuters); "JILL LAWLESSAssociated Press" → ("JILL LAWLESS", Associated Press).
fn strip_agency(part: &str) -> (&str, Option<String>) {
    for agency in AGENCIES {
        // Short all-capital agencies (AP, UNI) only as a whole part, never inside a name.
        if agency.len() <= 3 {
            if part == *agency || part == format!("({agency})") {
                return ("", Some((*agency).to_string()));
            }
            continue;
        }
        let lower = part.to_lowercase();
        let a = agency.to_lowercase();
        if lower == a || lower == format!("{a} staff") || lower == format!("{a} news") {
            return ("", Some((*agency).to_string()));
        }
        if let Some(head) = part.strip_suffix(agency) {
            if !head.is_empty() {
                return (head.trim(), Some((*agency).to_string()));
            }
        }
    }
    (part, None)
}

/// The part as a person's name, or `None` for roles, outlets, addresses, handles.
fn person(part: &str, outlet: Option<&str>) -> Option<String> {
    let part = part.trim();
    if part.is_empty() || part.contains(['@', ':', '=', '?', '(', ')']) || part.contains("www.") {
        return None;
    }
    let words: Vec<&str> = part.split_whitespace().collect();
    if words.len() > 5 || part.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let lower = part.to_lowercase();
    if GENERIC.contains(&lower.as_str())
        || words
            .iter()
            .any(|w| ROLE_WORDS.contains(&w.to_lowercase().trim_matches('.')))
    {
        return None;
    }
    if let Some(outlet) = outlet.map(squash).filter(|o| o.len() > 2) {
        let p = squash(part);
        if p == outlet || p.contains(&outlet) || outlet.contains(&p) {
            return None;
        }
    }
    // A name starts with a capital (scripts without case pass).
    let first = part.chars().next()?;
    if first.is_lowercase() || !first.is_alphabetic() {
        return None;
    }
    // One word in capitals is an account code ("KWCHCIK"); a place is a dateline
    // ("PTI, Washington").
    let capitals = part
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| !c.is_lowercase());
    if words.len() == 1 && capitals && part.chars().any(char::is_uppercase) {
        return None;
    }
    if crate::entities::gazetteer::place(&lower).is_some() {
        return None;
    }
    Some(title_case_if_capitals(part))
}

/// Letters and digits only, lower case: "Al-Bawaba" and "Al Bawaba" compare equal.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// "JANIE HAR" → "Janie Har"; mixed case is kept as written ("Bruce Y. Lee", "DeArdo").
fn title_case_if_capitals(name: &str) -> String {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.len() > 3 && letters.iter().all(|c| !c.is_lowercase());
    if !capitals {
        return name.to_string();
    }
    name.split(' ')
        .map(|w| {
            let mut out = String::new();
            let mut start = true;
            for c in w.chars() {
                if start {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
                start = matches!(c, '-' | '\'' | '’' | '.');
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(raw: &str, outlet: Option<&str>) -> Vec<String> {
        read(raw, outlet).authors
    }

    #[test]
    fn bylines_from_benchmark_pages() {
        assert_eq!(
            names("By Mike Wuerthele and Malcolm Owen", None),
            ["Mike Wuerthele", "Malcolm Owen"]
        );
        assert_eq!(
            names("Jill Disis, CNN Business", Some("CNN")),
            ["Jill Disis"]
        );
        assert_eq!(
            names(
                "Analysis by Chris Cillizza, CNN Editor-at-large",
                Some("CNN")
            ),
            ["Chris Cillizza"]
        );
        assert_eq!(
            names("Finian Cunningham. Sputnik International", None),
            ["Finian Cunningham"]
        );
        assert_eq!(names("By Eric Song, IGN Staff", Some("IGN")), ["Eric Song"]);
        assert_eq!(
            names("By Matthew Digby , Minh Do", None),
            ["Matthew Digby", "Minh Do"]
        );
        assert_eq!(names("JANIE HAR", None), ["Janie Har"]);
        assert_eq!(names("Bruce Y. Lee", None), ["Bruce Y. Lee"]);
        assert_eq!(names("Von Moritz Bachmann", None), ["Moritz Bachmann"]);
        assert_eq!(
            names(
                "By Mike Wuerthele and Malcolm Owen Monday, November 18, 2019",
                None
            ),
            ["Mike Wuerthele", "Malcolm Owen"]
        );
        assert_eq!(
            names(
                "By Matthew Digby , Minh Do on Monday, November 18th, 2019",
                None
            ),
            ["Matthew Digby", "Minh Do"]
        );
    }

    #[test]
    fn agencies_are_credits_not_authors() {
        for (raw, agency) in [
            ("By Reuters", "Reuters"),
            ("Reuters staff", "Reuters"),
            ("PTI", "PTI"),
            ("Associated Press", "Associated Press"),
        ] {
            let c = read(raw, None);
            assert!(c.authors.is_empty(), "{raw}: {:?}", c.authors);
            assert_eq!(c.agency.as_deref(), Some(agency), "{raw}");
        }
        let c = read("By DANICA KIRKA and JILL LAWLESSAssociated Press", None);
        assert_eq!(c.authors, ["Danica Kirka", "Jill Lawless"]);
        assert_eq!(c.agency.as_deref(), Some("Associated Press"));
    }

    #[test]
    fn accounts_addresses_outlets_and_duplicates_are_dropped() {
        assert!(names("admin", None).is_empty());
        assert!(names("https://www.facebook.com/TheAntiJuneCleaver", None).is_empty());
        assert!(names("@saraheneedleman", None).is_empty());
        assert!(names("Al-Bawaba", Some("Al Bawaba")).is_empty());
        assert!(names("Science X staff", None).is_empty());
        assert!(names("KWCHCIK", None).is_empty());
        let c = read("PTI, Washington", None);
        assert!(c.authors.is_empty());
        assert_eq!(c.agency.as_deref(), Some("PTI"));
        assert_eq!(names("Ana Swanson, Ana Swanson", None), ["Ana Swanson"]);
        // "By the time …" is a sentence, not a byline.
        assert!(names("By the time the rescuers arrived", None).is_empty());
    }
}
