//! Recognises page clutter in a short segment of text: comment prompts, captchas, promos of
//! other articles, share/subscribe lines, licence footers, metadata lines, bylines.
//!
//! Patterns are deliberately anchored and length-limited: a real paragraph that happens to
//! start with "Read" or mention a licence is long and ends like a sentence.

use std::sync::OnceLock;

use regex::Regex;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Why a segment was left out of the clean text.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum DropReason {
    /// The headline (kept as `title`).
    Title,
    /// A metadata line (news id, publish date, tags).
    Metadata,
    /// A byline ("By X, Outlet"), kept as `author`.
    Byline,
    /// A promo of another article ("Read …", "READ MORE: …").
    Promo,
    /// A comment prompt ("* Comment:", "Leave a Comment").
    CommentPrompt,
    /// A captcha ("3 + 13 =").
    Captcha,
    /// Share, subscribe, follow, newsletter lines.
    Share,
    /// A licence or copyright footer.
    Licence,
    /// No letters or digits (stray markup such as ">").
    NoText,
    /// Navigation, menus, cookie banners, sidebars (HTML).
    Navigation,
}

/// Longest segment the line patterns are tried on; longer ones are content.
const MAX_CLUTTER_BYTES: usize = 240;

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("clutter pattern"))
}

/// Classifies a whole segment, or `None` when it is content.
pub fn classify(segment: &str) -> Option<DropReason> {
    static NO_TEXT: OnceLock<Regex> = OnceLock::new();
    static COMMENT: OnceLock<Regex> = OnceLock::new();
    static CAPTCHA: OnceLock<Regex> = OnceLock::new();
    static PROMO: OnceLock<Regex> = OnceLock::new();
    static SHARE: OnceLock<Regex> = OnceLock::new();
    static META: OnceLock<Regex> = OnceLock::new();
    let s = segment.trim();
    if re(&NO_TEXT, r"^[^\p{L}\p{N}]*$").is_match(s) {
        return Some(DropReason::NoText);
    }
    if s.len() > MAX_CLUTTER_BYTES {
        return None;
    }
    if re(&CAPTCHA, r"^\d{1,3}\s*[-+x×*/]\s*\d{1,3}\s*=\s*\??$").is_match(s) {
        return Some(DropReason::Captcha);
    }
    if re(
        &COMMENT,
        r"(?i)^\W*(leave a (comment|reply)|comments?|add (a|your) comment|post (a|your) comment|write a comment|\d+ comments?|join the (discussion|conversation)|have your say|show comments|view comments)\W*$",
    )
    .is_match(s)
    {
        return Some(DropReason::CommentPrompt);
    }
    if is_licence(s) {
        return Some(DropReason::Licence);
    }
    let ends_like_sentence = s.ends_with(['.', '”', '"']) && s.split_whitespace().count() > 12;
    if !ends_like_sentence
        && re(
            &PROMO,
            r"(?i)^(read|read more|read also|also read|related( articles?| stories| news)?|see also|recommended|must read|don'?t miss|watch|more from [^:]+)\s*[:\-–|]?\s+\S",
        )
        .is_match(s)
    {
        return Some(DropReason::Promo);
    }
    if re(
        &SHARE,
        r"(?i)^\W*(share( this)?( article| story| on \w+)?|tweet( this)?|print( this)?|e-?mail( this)?|subscribe\b.*|sign up\b.*|follow us\b.*|click here\b.*|(get|join) our newsletter.*|newsletter|advertisement|sponsored( content)?|accept (all )?cookies.*|we use cookies.*)\W*$",
    )
    .is_match(s)
    {
        return Some(DropReason::Share);
    }
    if is_breadcrumb(s) {
        return Some(DropReason::Navigation);
    }
    if is_social_row(s) {
        return Some(DropReason::Share);
    }
    if re(
        &META,
        r"(?i)^(news|story|article|post|content)\s*(id|no\.?|number|code)\s*:|^(tags?|topics?|keywords?|categor(y|ies)|section)\s*:",
    )
    .is_match(s)
    {
        return Some(DropReason::Metadata);
    }
    None
}

/// "Home » News » Durnak": short parts joined by breadcrumb separators.
fn is_breadcrumb(s: &str) -> bool {
    let parts: Vec<&str> = s.split(['»', '›', '>', '|', '/']).map(str::trim).collect();
    let wordy = |p: &&str| p.chars().any(char::is_alphabetic) && p.split_whitespace().count() <= 4;
    parts.len() >= 3 && parts.iter().all(wordy)
}

/// "Facebook   X   Telegram   WhatsApp": a row of share buttons.
fn is_social_row(s: &str) -> bool {
    const NETWORKS: &[&str] = &[
        "facebook",
        "x",
        "twitter",
        "telegram",
        "whatsapp",
        "linkedin",
        "reddit",
        "pinterest",
        "email",
        "e-mail",
        "print",
        "copy",
        "link",
        "share",
        "messenger",
        "vk",
        "viber",
        "threads",
        "bluesky",
        "mastodon",
        "flipboard",
    ];
    let words: Vec<String> = s.split_whitespace().map(str::to_lowercase).collect();
    words.len() >= 2
        && words
            .iter()
            .all(|w| NETWORKS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// True for a licence or copyright line.
pub fn is_licence(s: &str) -> bool {
    static LICENCE: OnceLock<Regex> = OnceLock::new();
    s.len() <= MAX_CLUTTER_BYTES
        && re(
            &LICENCE,
            r"(?i)(licen[cs]ed under|creative commons|all rights reserved|^\W*(©|\(c\)|copyright)\s)",
        )
        .is_match(s)
}

/// The outlet a licence line names ("All Content by Mehr News Agency is licensed …",
/// "© 2022 Karavan Daily. All rights reserved.").
pub fn outlet_in_licence(s: &str) -> Option<String> {
    static BY: OnceLock<Regex> = OnceLock::new();
    static COPY: OnceLock<Regex> = OnceLock::new();
    let by = re(
        &BY,
        r"(?i)(?:content|articles?|material|text)\s+(?:by|of|from)\s+(.+?)\s+(?:is|are)\s+licen[cs]ed",
    );
    if let Some(c) = by.captures(s) {
        return Some(c[1].trim().to_string());
    }
    let copy = re(
        &COPY,
        r"(?i)^\W*(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?([^.|,]+?)\s*(?:[.|,]|all rights|$)",
    );
    copy.captures(s)
        .map(|c| c[1].trim().to_string())
        .filter(|o| !o.is_empty() && o.len() < 80)
}

/// A byline: "By Batya Jerenberg, World Israel News" → (author, outlet).
pub fn byline(s: &str) -> Option<(String, Option<String>)> {
    static BYLINE: OnceLock<Regex> = OnceLock::new();
    let re = re(
        &BYLINE,
        r"^(?i:by)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:and\s+)?\p{Lu}[\p{L}.'’-]*){0,5})\s*(?:[,|–—-]\s*(.{2,60}?))?\s*$",
    );
    let c = re.captures(s.trim())?;
    let author = c[1].trim().to_string();
    let outlet = c.get(2).map(|m| m.as_str().trim().to_string());
    Some((author, outlet))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_clutter_lines_are_recognised() {
        assert_eq!(classify("* Comment:"), Some(DropReason::CommentPrompt));
        assert_eq!(classify("Leave a Comment"), Some(DropReason::CommentPrompt));
        assert_eq!(classify("3 + 13 ="), Some(DropReason::Captcha));
        assert_eq!(classify(">"), Some(DropReason::NoText));
        assert_eq!(
            classify("Read  Unique 'Vulcan' anti-drone cannon deployed in northern Israel"),
            Some(DropReason::Promo)
        );
        assert_eq!(classify("News ID: 102698"), Some(DropReason::Metadata));
        assert_eq!(classify("Share this article"), Some(DropReason::Share));
        assert_eq!(
            classify("Facebook   X   Telegram   WhatsApp"),
            Some(DropReason::Share)
        );
        assert_eq!(
            classify("Home  »  News  »  Durnak"),
            Some(DropReason::Navigation)
        );
    }

    #[test]
    fn real_paragraphs_are_content() {
        assert_eq!(
            classify("Iran opened a military drone-manufacturing facility in Tajikistan Tuesday."),
            None
        );
        assert_eq!(
            classify("Read the statement in full: the ministry said it would review every contract signed since 2019 and publish the results."),
            None
        );
    }

    #[test]
    fn licence_lines_name_the_outlet() {
        let s = "All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0 International License.";
        assert!(is_licence(s));
        assert_eq!(outlet_in_licence(s).as_deref(), Some("Mehr News Agency"));
        assert_eq!(
            outlet_in_licence("© 2025 Karavan Daily. All rights reserved.").as_deref(),
            Some("Karavan Daily")
        );
    }

    #[test]
    fn bylines_split_author_and_outlet() {
        assert_eq!(
            byline("By Batya Jerenberg, World Israel News"),
            Some(("Batya Jerenberg".into(), Some("World Israel News".into())))
        );
        assert_eq!(
            byline("By the time the rescuers arrived, the river had risen."),
            None
        );
    }
}
