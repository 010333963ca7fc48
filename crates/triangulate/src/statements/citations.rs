//! Citations: the upstream sources an article attributes its content to ("according to
//! Fars News", "VNA reported", "told Reuters", "(VNA) –", "posted on Radio Liberty's
//! website"), with names normalised across forms.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;

use super::Citation;
use crate::model::Span;
use crate::text::{fold, Doc};

/// A capitalised name, optionally with "of"/"and"/"for" inside and an acronym after it.
const NAME: &str = r"(?:\p{Lu}[\p{L}\p{N}&-]*)(?:\s+(?:(?:of|and|for|al|de)\s+)?\p{Lu}[\p{L}\p{N}&-]*)*(?:\s+\(\p{Lu}{2,8}\))?";

/// Well-known wire agencies and broadcasters, cited by bare name ("told Reuters").
const AGENCIES: &[&str] = &[
    "reuters",
    "ap",
    "afp",
    "associated press",
    "agence france-presse",
    "bloomberg",
    "xinhua",
    "tass",
    "ria novosti",
    "interfax",
    "irna",
    "isna",
    "tasnim",
    "fars",
    "mehr",
    "anadolu",
    "dpa",
    "ansa",
    "efe",
    "kyodo",
    "yonhap",
    "bbc",
    "cnn",
    "al jazeera",
    "upi",
    "pti",
];

/// Words that mark a name as a news outlet.
const NEWSY: &[&str] = &[
    "agency",
    "news",
    "press",
    "radio",
    "tv",
    "television",
    "herald",
    "times",
    "post",
    "gazette",
    "daily",
    "journal",
    "tribune",
    "wire",
    "network",
    "broadcasting",
    "voice",
    "ledger",
    "courier",
    "telegraph",
    "guardian",
    "chronicle",
    "observer",
    "review",
    "magazine",
    "channel",
];

/// Words before a name that mark it as an outlet ("TV station Al Mayadeen").
const OUTLET_NOUNS: &[&str] = &[
    "station",
    "channel",
    "newspaper",
    "agency",
    "outlet",
    "website",
    "broadcaster",
    "daily",
    "site",
    "weekly",
    "magazine",
];

/// How a pattern's name must look to count.
#[derive(Clone, Copy, PartialEq)]
enum Need {
    /// Any capitalised name ("according to Tasnim").
    Any,
    /// A news outlet, an agency, or an acronym ("VNA said").
    Outlet,
    /// An outlet of more than one word, a known agency, or an acronym ("told Reuters").
    StrongOutlet,
}

struct Pattern {
    re: Regex,
    need: Need,
}

fn patterns() -> &'static [Pattern] {
    static P: OnceLock<Vec<Pattern>> = OnceLock::new();
    P.get_or_init(|| {
        let p = |re: String, need| Pattern {
            re: Regex::new(&re).expect("citation regex"),
            need,
        };
        vec![
            p(
                format!(r"\b[Aa]ccording to\s+(?:the\s+)?(?:(?:official|state-run|state|semi-official)\s+)?(?P<name>{NAME})"),
                Need::Any,
            ),
            p(
                format!(r"\b(?:posted|published|appeared|carried)\s+(?:on|in|by)\s+(?:the\s+)?(?P<name>{NAME})(?:’s|'s)?(?:\s+(?:website|site))?"),
                Need::Any,
            ),
            p(
                format!(r"\breported by\s+(?:the\s+)?(?:[a-z-]+\s+){{0,3}}(?P<name>{NAME})"),
                Need::Any,
            ),
            p(format!(r"(?P<name>{NAME})\s+(?:reported|reports)\b"), Need::Any),
            p(format!(r"(?P<name>{NAME})\s+(?:said|says|quoted|cited)\b"), Need::Outlet),
            p(
                format!(r"\b(?:told|telling)\s+(?:the\s+)?(?P<name>{NAME})"),
                Need::StrongOutlet,
            ),
            p(
                // "Janes, the defence intelligence company, said in written comments".
                format!(r"(?P<name>{NAME})(?:,\s+which|,\s+(?:the|a|an)\s+[\p{{Ll}}\s-]{{1,60}},)?,?\s+(?:said|warned|announced)\s+in\s+(?:a|an|its|written)\s+(?:[a-z]+\s+)?(?:statement|comments|reply|release)\b"),
                Need::Any,
            ),
            p(
                // "DUSHANBE (AP) —", "DUSHANBE, Tajikistan (AP) —".
                r"(?m)^\p{Lu}[\p{Lu} .,'’-]{1,40}?(?:,\s*[\p{L} .]{2,30}?)?\s*(?P<credit>\((?P<name>\p{Lu}[\p{L}]{1,9})\)\s*[-–—]+)".to_string(),
                Need::Any,
            ),
            p(
                r"(?m)(?P<credit>[-–—]\s*(?P<name>Reuters|AP|AFP))\s*$".to_string(),
                Need::Any,
            ),
        ]
    })
}

/// Finds the citations of every document, with source names normalised across the story.
pub(super) fn find(docs: &[&Doc]) -> Vec<Citation> {
    let mut raw: Vec<(usize, String, Span)> = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        raw.extend(doc_citations(doc).into_iter().map(|(n, s)| (i, n, s)));
    }
    let names = Normaliser::new(raw.iter().map(|(_, n, _)| n.as_str()));
    raw.sort_by_key(|(i, _, s)| (*i, s.start, std::cmp::Reverse(s.end)));
    let mut out: Vec<Citation> = Vec::new();
    for (i, name, span) in raw {
        let document = docs[i].id().to_string();
        let overlapping = out
            .last()
            .is_some_and(|c| c.document == document && c.end > span.start);
        if overlapping {
            continue;
        }
        out.push(Citation {
            document,
            source: names.display(&name),
            start: span.start,
            end: span.end,
        });
    }
    out
}

/// Raw (name, attribution span) pairs of one document.
fn doc_citations(doc: &Doc) -> Vec<(String, Span)> {
    let text = doc.text();
    let mut out = Vec::new();
    for p in patterns() {
        for c in p.re.captures_iter(text) {
            let (Some(whole), Some(name)) = (c.get(0), c.name("name")) else {
                continue;
            };
            let span = c.name("credit").unwrap_or(whole);
            let cleaned = clean_name(name.as_str());
            if cleaned.is_empty()
                || !acceptable(text, name.start(), &cleaned, p.need)
                || is_self(doc, &cleaned)
            {
                continue;
            }
            out.push((cleaned, Span::new(span.start(), span.end())));
        }
    }
    out
}

/// Drops leading sentence words ("The", "As") and a trailing full stop.
fn clean_name(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let skip = words
        .iter()
        .take_while(|w| crate::text::is_stopword(&fold(w)))
        .count();
    words[skip..].join(" ").trim_end_matches('.').to_string()
}

fn acceptable(text: &str, at: usize, name: &str, need: Need) -> bool {
    let folded = fold(name);
    let words: Vec<&str> = folded.split_whitespace().collect();
    if words
        .iter()
        .any(|w| crate::text::dates::is_calendar_word(w))
    {
        return false;
    }
    let acronym = is_acronym(name);
    let agency = AGENCIES.contains(&folded.as_str());
    let newsy = words.iter().any(|w| NEWSY.contains(w));
    let introduced = text
        .get(..at)
        .and_then(|t| t.split_whitespace().next_back())
        .is_some_and(|w| OUTLET_NOUNS.contains(&fold(w).as_str()));
    match need {
        Need::Any => true,
        Need::Outlet | Need::StrongOutlet => {
            acronym || agency || introduced || (newsy && words.len() > 1)
        }
    }
}

/// The article naming its own outlet ("contacted by the Herald") is no citation.
fn is_self(doc: &Doc, name: &str) -> bool {
    doc.article.outlet.as_ref().is_some_and(|o| {
        let (outlet, name) = (fold(&o.value), fold(name));
        outlet == name || outlet.ends_with(&format!(" {name}"))
    })
}

fn is_acronym(name: &str) -> bool {
    let n = name.chars().count();
    (2..=8).contains(&n) && name.chars().all(|c| c.is_uppercase())
}

/// Maps every written form of a source to one display name: "Fars News" and "Fars News
/// Agency" to the longer; an acronym and its expansion to "Name (ACR)".
struct Normaliser {
    /// Key → display name.
    display: BTreeMap<String, String>,
    /// Acronym → key of its expansion.
    acronyms: BTreeMap<String, String>,
}

impl Normaliser {
    fn new<'a>(names: impl Iterator<Item = &'a str> + Clone) -> Self {
        let mut acronyms = BTreeMap::new();
        for n in names.clone() {
            if let Some((full, acr)) = split_acronym(n) {
                acronyms.insert(acr.to_string(), base_key(full));
            } else if n.split_whitespace().count() >= 2 {
                acronyms.entry(initials(n)).or_insert_with(|| base_key(n));
            }
        }
        let mut me = Normaliser {
            display: BTreeMap::new(),
            acronyms,
        };
        for n in names {
            let key = me.key(n);
            let better = me.display.get(&key).is_none_or(|cur| rank(n) > rank(cur));
            if better {
                me.display.insert(key, n.to_string());
            }
        }
        me
    }

    fn key(&self, name: &str) -> String {
        if let Some((full, _)) = split_acronym(name) {
            return base_key(full);
        }
        if is_acronym(name) {
            if let Some(k) = self.acronyms.get(name) {
                return k.clone();
            }
        }
        base_key(name)
    }

    fn display(&self, name: &str) -> String {
        self.display
            .get(&self.key(name))
            .cloned()
            .unwrap_or_else(|| name.to_string())
    }
}

/// A form with an acronym beats one without; then the longer form wins.
fn rank(name: &str) -> (bool, usize) {
    (split_acronym(name).is_some(), name.len())
}

fn split_acronym(name: &str) -> Option<(&str, &str)> {
    let open = name.rfind(" (")?;
    let acr = name.get(open + 2..)?.strip_suffix(')')?;
    is_acronym(acr).then(|| (&name[..open], acr))
}

/// Initials of the significant words ("Islamic Republic News Agency" → "IRNA").
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| !matches!(*w, "of" | "and" | "for" | "the"))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// A comparison key: folded words without generic outlet words ("Fars News Agency" →
/// "fars").
fn base_key(name: &str) -> String {
    let folded = fold(name);
    let words: Vec<&str> = folded
        .split_whitespace()
        .filter(|w| !matches!(*w, "the" | "news" | "agency" | "official" | "website"))
        .collect();
    if words.is_empty() {
        folded
    } else {
        words.join(" ")
    }
}
