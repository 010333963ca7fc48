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
    /// A reporting credit ("Reporting by …; Editing by …", "… contributed to this report").
    Credit,
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
    if is_moderation_notice(s) {
        return Some(DropReason::CommentPrompt);
    }
    if is_subscription_pitch(s) || is_follow_line(s) {
        return Some(DropReason::Share);
    }
    if is_reporting_credit(s) {
        return Some(DropReason::Credit);
    }
    if is_date_line(s) {
        return Some(DropReason::Metadata);
    }
    if is_social_row(s) {
        return Some(DropReason::Share);
    }
    if re(
        &META,
        r"(?i)^(news|story|article|post|content)\s*(id|no\.?|number|code)\s*:|^(tags?|topics?|keywords?|categor(y|ies)|section|タグ|标签|標籤|теги|метки)\s*[:：]|^(tags?|topics?|keywords?|categories)$",
    )
    .is_match(s)
    {
        return Some(DropReason::Metadata);
    }
    None
}

/// A note on comment moderation ("Comments that … will not be approved by the moderator"),
/// in the languages news sites most often use.
fn is_moderation_notice(s: &str) -> bool {
    static MODERATION: OnceLock<Regex> = OnceLock::new();
    // Every word for "comment" the pattern knows holds "ment" (no letter of it has a
    // non-ASCII case fold): most segments are spared the pattern.
    if !contains_ascii_ci(s, b"ment") {
        return false;
    }
    re(
        &MODERATION,
        r"(?i)\b(comments?|comentários?|comentarios?|commentaires?|kommentare?|commenti)\b.*\b(not|não|no|nicht|pas|won't)\b.*\b(approv\w*|aprovad\w*|aprobad\w*|publi\w*|freigeschaltet|accept\w*)\b|^(all )?comments? (are|will be) (moderated|reviewed)",
    )
    .is_match(s)
}

/// A pitch for a newsletter, a print subscription or a membership: "Get the day's top
/// headlines delivered to your inbox …", "Subscribe to NJ.com's newsletters.", "Like this
/// story? Share it with a friend!".
fn is_subscription_pitch(s: &str) -> bool {
    static PITCH: OnceLock<Regex> = OnceLock::new();
    re(
        &PITCH,
        r"(?i)(deliver(ed)?\b.*\b(to|through|in) your (inbox|letterbox|mailbox|door)|\bsubscrib(e|ing)\b.*\bnewsletters?\b|news(letter)? meet your inbox|\bshare (it|this( story| article)?) with (a|your) friends?|if you (enjoyed|liked) this article)",
    )
    .is_match(s)
}

/// "Follow him on Twitter @tariqjmalik.", "Email Tariq Malik at tmalik@space.com or follow
/// him …", "Have a tip? … may be reached at …": an author's contact line.
fn is_follow_line(s: &str) -> bool {
    static FOLLOW: OnceLock<Regex> = OnceLock::new();
    re(
        &FOLLOW,
        r"(?i)(\bfollow (him|her|them|us|me|@\w+)\b.*\b(twitter|facebook|instagram|threads|bluesky|linkedin|tiktok)\b|\bmay be reached at\b|^e-?mail \p{L}[^@]{0,40} at \S+@\S+)",
    )
    .is_match(s)
}

/// "Reporting by Rodrigo Campos; Editing by Nick Zieminski", "(Reporting by …)",
/// "Associated Press writers … contributed to this report."
fn is_reporting_credit(s: &str) -> bool {
    static BY: OnceLock<Regex> = OnceLock::new();
    static CONTRIBUTED: OnceLock<Regex> = OnceLock::new();
    static LEAD: OnceLock<Regex> = OnceLock::new();
    // Both forms need one of these words (no letter in them has a non-ASCII case fold): the
    // check spares most segments both patterns (it was half of classify's cost on the
    // extraction bench).
    if !contains_ascii_ci(s, b" by") && !contains_ascii_ci(s, b"contributed") {
        return false;
    }
    if re(
        &BY,
        r"(?i)^\W*(additional )?(reporting|writing|editing) by\b",
    )
    .is_match(s)
    {
        return true;
    }
    // "… contributed to this report" starting at most 200 characters into the line, after
    // leading non-word characters. One pattern with a bounded `.{0,200}` said the same but
    // cost a sixth of plain-text extraction (scale-bench profile); the leftmost match is the
    // one with the shortest prefix, so checking it alone is exact.
    let Some(m) = re(
        &CONTRIBUTED,
        r"(?i)\bcontributed (reporting )?to this (report|story|article)\W*$",
    )
    .find(s) else {
        return false;
    };
    let lead = re(&LEAD, r"^\W*").find(s).map_or(0, |l| l.end());
    let prefix = s.get(lead.min(m.start())..m.start()).unwrap_or("");
    !prefix.contains('\n') && prefix.chars().count() <= 200
}

/// `needle` (ASCII) occurs in `s`, ASCII case ignored. Candidates are found by `memchr2`
/// on the needle's first letter in either case (not a space, which every line is full
/// of), not by comparing a window at every byte.
pub(super) fn contains_ascii_ci(s: &str, needle: &[u8]) -> bool {
    let hay = s.as_bytes();
    let Some(k) = needle.iter().position(u8::is_ascii_alphabetic) else {
        return hay
            .windows(needle.len().max(1))
            .any(|w| w.eq_ignore_ascii_case(needle));
    };
    let (lower, upper) = (
        needle[k].to_ascii_lowercase(),
        needle[k].to_ascii_uppercase(),
    );
    memchr::memchr2_iter(lower, upper, hay).any(|at| {
        at.checked_sub(k)
            .and_then(|start| hay.get(start..start + needle.len()))
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    })
}

/// A line that is only a date and time ("segunda-feira, 22 de janeiro de 2018 às 0:13",
/// "2018-08-16", "Updated: 19 November 2019, 09:01 AM"), possibly after a place or desk
/// name and a bar, or with the name of who posted it ("2019-11-20 17:27:46 Marcus De
/// Guzman", "Posted by Ann Lee on May 5, 2019": up to four capitalised words, no other).
fn is_date_line(s: &str) -> bool {
    static FILLER: OnceLock<Regex> = OnceLock::new();
    static CALENDAR: OnceLock<Regex> = OnceLock::new();
    let tail = s.rsplit('|').next().unwrap_or(s);
    // A date line needs an ASCII digit (below): most segments have none.
    if !tail.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let filler = re(
        &FILLER,
        r"(?i)^(\d{1,4}([:./-]\d{1,4}){0,2}(st|nd|rd|th|h)?|am|pm|a\.m|p\.m|utc|gmt|[a-z]{2,4}t|updated|published|first|posted|last|on|at|às|as|de|del|à|le|um|el|the|of)$",
    );
    let calendar = re(
        &CALENDAR,
        r"(?i)^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?|mon(day)?|tue(s|sday)?|wed(nesday)?|thu(rs|rsday)?|fri(day)?|sat(urday)?|sun(day)?|janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|enero|febrero|marzo|mayo|junio|julio|septiembre|octubre|noviembre|diciembre|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|(segunda|terça|quarta|quinta|sexta)(-feira)?|sábado|domingo|lunes|martes|miércoles|jueves|viernes|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4})$",
    );
    // At most twelve tokens: reading a thirteenth settles it (most lines are sentences).
    let tokens: Vec<&str> = tail
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '(' | ')'))
        .map(|t| t.trim_matches(|c: char| matches!(c, '.' | '·' | '–' | '-')))
        .filter(|t| !t.is_empty())
        .take(13)
        .collect();
    // A bare number or clock time is a table cell or a live-blog heading, not a dateline.
    let digits = tokens.iter().any(|t| t.chars().any(|c| c.is_ascii_digit()));
    if tokens.len() > 12 || !digits || !tokens.iter().any(|t| calendar.is_match(t)) {
        return false;
    }
    let dated = |t: &&str| calendar.is_match(t) || filler.is_match(t) || *t == "by";
    // From the first word that is not a date word to the last: "Marcus De Guzman" holds
    // a "de".
    let Some(first) = tokens.iter().position(|t| !dated(t)) else {
        return true;
    };
    let last = tokens.iter().rposition(|t| !dated(t)).unwrap_or(first);
    is_poster_name(tail, &tokens[first..=last])
}

/// The words of a date line that are neither date nor filler name who posted it: at most
/// four capitalised words written together ("Marcus De Guzman"; "Budweiser Stage, Toronto"
/// in a tour list is a place, its words set apart by commas).
fn is_poster_name(line: &str, words: &[&str]) -> bool {
    words.len() <= 4 && words.iter().all(|w| is_name_word(w)) && line.contains(&words.join(" "))
}

/// A word of a personal name: a capital, then lower-case letters ("Guzman", "De", "O'Neil").
fn is_name_word(t: &str) -> bool {
    let mut chars = t.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_lowercase() || c == '\'' || c == '’')
}

/// "Home » News » Durnak": short parts joined by breadcrumb separators.
fn is_breadcrumb(s: &str) -> bool {
    // Three parts need two separators: most segments have fewer.
    if s.matches(['»', '›', '>', '|', '/']).nth(1).is_none() {
        return false;
    }
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
    // Word by word, stopping at the first that is not a network (most lines: the first).
    let network = |w: &str| {
        let lower = w.to_lowercase();
        NETWORKS.contains(&lower.trim_matches(|c: char| !c.is_alphanumeric()))
    };
    s.split_whitespace().all(network) && s.split_whitespace().nth(1).is_some()
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
    fn ascii_case_blind_search_matches_the_window_scan() {
        let lines = [
            "Reporting BY Anna; editing by Ben",
            "Standby",
            " by",
            "by the river",
            "CONTRIBUTED to this report",
            "contribute",
            "",
        ];
        for line in lines {
            for needle in [&b" by"[..], b"contributed", b"ment", b"by"] {
                let scan = line
                    .as_bytes()
                    .windows(needle.len())
                    .any(|w| w.eq_ignore_ascii_case(needle));
                assert_eq!(contains_ascii_ci(line, needle), scan, "{line:?} {needle:?}");
            }
        }
    }

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

    /// Lines from the article-extraction benchmark's pages that its true bodies leave out.
    #[test]
    fn real_web_furniture_is_recognised() {
        for (line, reason) in [
            ("ATENÇÃO: Comentários com textos ininteligíveis ou que faltem com respeito ao usuário não serão aprovados pelo moderador.", DropReason::CommentPrompt),
            ("segunda-feira, 22 de janeiro de 2018 às 0:13", DropReason::Metadata),
            ("2018-08-16", DropReason::Metadata),
            ("2019-11-20 17:27:46 Marcus De Guzman", DropReason::Metadata),
            ("Marcus De Guzman 2019-11-20 17:27:46", DropReason::Metadata),
            ("Posted by Ann Lee on May 5, 2019", DropReason::Metadata),
            ("New Delhi, News Nation Bureau | Updated: 19 November 2019, 09:01 AM", DropReason::Metadata),
            ("Tags", DropReason::Metadata),
            ("タグ: ソフトウェア", DropReason::Metadata),
            ("Get the latest updates right in your inbox. Subscribe to NJ.com’s newsletters.", DropReason::Share),
            ("Get Motor Cycle Monthly delivered through your letterbox every month. 12 issues for £11.99. Click here for more information.", DropReason::Share),
            ("Like this story? Share it with a friend!", DropReason::Share),
            ("Email Tariq Malik at tmalik@space.com or follow him @tariqjmalik. Follow us on Twitter @Spacedotcom and on Facebook.", DropReason::Share),
            ("Have a tip? Amy Kuperinsky may be reached at akuperinsky@njadvancemedia.com. Follow her on Twitter @AmyKup or on Facebook.", DropReason::Share),
            ("Reporting by Rodrigo Campos; additional reporting by Stephanie Kelly; Editing by Nick Zieminski", DropReason::Credit),
            ("( Reporting by Greg Roumeliotis, Joshua Franklin, editing by Martin Howell. )", DropReason::Credit),
            ("Associated Press writers Alan Fram, Zeke Miller and Jill Colvin contributed to this report.", DropReason::Credit),
        ] {
            assert_eq!(classify(line), Some(reason), "{line}");
        }
    }

    /// Sentences of news prose that share words with the furniture patterns.
    #[test]
    fn a_contribution_credit_starts_within_200_characters_of_its_line() {
        let credit = |lead: &str| format!("{lead}Alan Fram contributed to this report.");
        // The single pattern the check replaces, as an oracle.
        let oracle = Regex::new(r"(?i)^\W*((additional )?(reporting|writing|editing) by\b|.{0,200}\bcontributed (reporting )?to this (report|story|article)\W*$)").unwrap();
        for lead in ["", "\n\n", "writers ", "-- ", "Earlier line.\nNext: ", "x "] {
            for n in [1, 23, 26, 95, 100] {
                let line = credit(&lead.repeat(n));
                assert_eq!(is_reporting_credit(&line), oracle.is_match(&line), "{line}");
            }
        }
        assert!(is_reporting_credit(&credit(&"writers ".repeat(23))));
        assert!(is_reporting_credit(&credit(&format!(
            "-- {}",
            "x ".repeat(95)
        ))));
        assert!(!is_reporting_credit(&credit(&"writers ".repeat(26))));
        assert!(!is_reporting_credit(&credit("Earlier line.\nNext line: ")));
        assert!(is_reporting_credit(&credit("\n\n")));
    }

    #[test]
    fn news_sentences_near_the_patterns_are_content() {
        for line in [
            "The moderator said comments from the audience would be approved in advance.",
            "On Tuesday, 17 May 2022, the factory opened.",
            "Police said the suspect would follow him on foot to the station.",
            "The report was delivered to the minister on Monday.",
            "17 people died on 3 May.",
            "Ann Lee died on May 5, 2019.",
            "On 3 May Iran said",
            "July 19 -- Budweiser Stage, Toronto, ON",
            "02-751-1500",
            "4:14 p.m.",
            "1 | Kyle Busch | 5040 | 5 | 1 | 17 | 27",
        ] {
            assert_eq!(classify(line), None, "{line}");
        }
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
