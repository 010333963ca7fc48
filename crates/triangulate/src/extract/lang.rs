//! The language of an article: the one the page declares (`<html lang>`, `Content-Language`,
//! `og:locale`, JSON-LD `inLanguage`), checked against the body with whatlang; the detected
//! one when nothing is declared or when a reliable detection contradicts the declaration
//! (templates often declare "en" whatever the article's language). A declared English page
//! whose text reads as English by its function words is not sent to whatlang.

use super::{head, Field};

/// Where the declared language was read, and the raw value ("en-US", "pt_BR").
pub type Declared = Option<(String, String)>;

/// The ISO 639-3 code of a language tag: "en-US" → "eng", "pt_BR" → "por", "deu" → "deu".
pub fn code_of_tag(tag: &str) -> Option<String> {
    let primary = tag
        .trim()
        .split(['-', '_', ',', ';', ' '])
        .next()?
        .to_ascii_lowercase();
    let lang = match primary.len() {
        2 => isolang::Language::from_639_1(&primary),
        3 => isolang::Language::from_639_3(&primary),
        _ => None,
    }?;
    Some(lang.to_639_3().to_string())
}

/// Bytes of prose read for detection: a paragraph tells the language as surely as the
/// whole article. whatlang costs about 600 instructions a byte (its trigram table is
/// hashed with SipHash): at 2048 bytes detection was 1.3 M instructions a page, an eighth
/// of the fast HTML path. On the 181 benchmark pages, 512 bytes give the same language as
/// 2048 on every page (the `reliable` flag differs on 2, 256 bytes on 4).
const LANGUAGE_SAMPLE: usize = 512;

/// The body's language as whatlang detects it on its first [`LANGUAGE_SAMPLE`] bytes:
/// (ISO 639-3 code, reliable).
fn detect(text: &str) -> Option<(String, bool)> {
    let info = whatlang::detect(head(text, LANGUAGE_SAMPLE))?;
    Some((info.lang().code().to_string(), info.is_reliable()))
}

/// Enough running text to contradict a declaration: 15 lower-case words. A table of names
/// and numbers ("1 | Kyle Busch | 5040") is detected as any language.
fn is_prose<'a>(lines: impl Iterator<Item = &'a str>) -> bool {
    lines.flat_map(lowercase_words).take(15).count() >= 15
}

/// The words of a line written in lower case: running text, where names and numbers are not.
fn lowercase_words(line: &str) -> impl Iterator<Item = &str> {
    line.split_whitespace()
        .filter(|w| w.chars().all(char::is_lowercase))
}

/// A line of running text: four lower-case words or more.
fn is_prose_line(line: &str) -> bool {
    lowercase_words(line).take(4).count() >= 4
}

/// Close relatives that a short or list-like body cannot tell apart: the declaration wins.
fn related(a: &str, b: &str) -> bool {
    const FAMILIES: &[&[&str]] = &[
        &["por", "spa", "glg", "cat"],
        &["ind", "msa"],
        &["rus", "ukr", "bel"],
        &["srp", "hrv", "bos"],
        &["dan", "nob", "nno", "swe"],
        &["ces", "slk"],
        &["fas", "pes", "prs"],
    ];
    FAMILIES.iter().any(|f| f.contains(&a) && f.contains(&b))
}

/// What detection reads of `lines`: the lines of running text ([`is_prose_line`]) joined,
/// or `fallback` when there are none. Detection takes only the first [`LANGUAGE_SAMPLE`]
/// bytes, so the lines stop there. Names and numbers in a table ("1 | Kyle Busch | 5040")
/// pull detection toward any language.
fn prose_sample<'a>(
    lines: impl Iterator<Item = &'a str>,
    fallback: impl FnOnce() -> String,
) -> String {
    let mut sample = String::new();
    for line in lines.filter(|l| is_prose_line(l)) {
        if !sample.is_empty() {
            sample.push('\n');
        }
        sample.push_str(line);
        if sample.len() >= LANGUAGE_SAMPLE {
            return sample;
        }
    }
    if sample.is_empty() {
        fallback()
    } else {
        sample
    }
}

/// The commonest words of English running text, none of them a common word of another
/// language written in the Latin script ("a", "en", "die" are left out).
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "the", "and", "of", "to", "is", "that", "for", "with", "was", "it", "by", "from", "his", "he",
    "she", "said", "are", "were", "has", "have", "its", "their", "this", "be", "will", "but",
    "they", "which", "who", "been", "had", "after",
];

/// The sample reads as English by its commonest words: a fifth of its words or more, and a
/// dozen at least, are [`ENGLISH_FUNCTION_WORDS`] (about a third of English prose is;
/// prose in another language has next to none). On a page that declares English and reads
/// so, whatlang is not asked to contradict it: a call costs about 0.65 M instructions
/// whatever the length (it scores every language of the script), a fifteenth of the fast
/// HTML path, and most pages are such pages.
fn reads_as_english(sample: &str) -> bool {
    let (words, function) = english_function_words(sample);
    function >= 12 && function * 5 >= words
}

/// The words of `text` and how many of them are [`ENGLISH_FUNCTION_WORDS`].
pub(crate) fn english_function_words(text: &str) -> (usize, usize) {
    let (mut words, mut function) = (0usize, 0usize);
    for word in text.split_whitespace() {
        words += 1;
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        if ENGLISH_FUNCTION_WORDS
            .iter()
            .any(|f| word.eq_ignore_ascii_case(f))
        {
            function += 1;
        }
    }
    (words, function)
}

/// The language field of an article with this headline and body (the headline is text in
/// the article's language too, and decides short or list-like bodies): declared when
/// present and not contradicted, else detected.
pub fn choose(declared: Declared, title: &str, body: &str) -> Option<Field> {
    // The text read is the headline's lines, then the body's; the body is not copied.
    let lines = || title.lines().chain(body.lines());
    let declared = declared.and_then(|(from, raw)| Some((code_of_tag(&raw)?, from)));
    let sample = prose_sample(lines(), || {
        let head = format!("{title}\n");
        let room = LANGUAGE_SAMPLE.saturating_sub(head.len());
        head + self::head(body, room)
    });
    let english = declared.as_ref().is_some_and(|(code, _)| code == "eng");
    let detected = if english && reads_as_english(head(&sample, LANGUAGE_SAMPLE)) {
        None
    } else {
        detect(&sample)
    };
    match (declared, detected) {
        (Some((code, from)), Some((found, true)))
            if found != code && is_prose(lines()) && !related(&code, &found) =>
        {
            Some(Field::new(
                found,
                format!("detected (whatlang; {from} says {code})"),
                None,
            ))
        }
        (Some((code, from)), _) => Some(Field::new(code, from, None)),
        (None, Some((found, reliable))) if reliable || title.len() + 1 + body.len() >= 200 => {
            Some(Field::new(found, "detected (whatlang)", None))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PT: &str = "Nesta página você terá sempre a classificação atualizada da NASCAR até a última corrida! Coloque nos seus favoritos e venha sempre conferir a classificação dos pilotos.";
    const EN: &str = "The Jupiter moon Europa's elusive and enigmatic water-vapor plumes do indeed seem to be real. NASA's Hubble Space Telescope has spotted indirect evidence of them.";

    #[test]
    fn tags_map_to_iso_639_3() {
        assert_eq!(code_of_tag("en-US").as_deref(), Some("eng"));
        assert_eq!(code_of_tag("pt_BR").as_deref(), Some("por"));
        assert_eq!(code_of_tag("de").as_deref(), Some("deu"));
        assert_eq!(code_of_tag("rus").as_deref(), Some("rus"));
        assert_eq!(code_of_tag("x-klingon"), None);
        assert_eq!(code_of_tag(""), None);
    }

    #[test]
    fn declared_wins_unless_reliably_contradicted() {
        let f = choose(Some(("<html lang>".into(), "pt-BR".into())), "", PT).unwrap();
        assert_eq!((f.value.as_str(), f.from.as_str()), ("por", "<html lang>"));
        let f = choose(Some(("<html lang>".into(), "en-US".into())), "", PT).unwrap();
        assert_eq!(f.value, "por");
        assert!(f.from.starts_with("detected"), "{}", f.from);
        let f = choose(None, "", EN).unwrap();
        assert_eq!(
            (f.value.as_str(), f.from.as_str()),
            ("eng", "detected (whatlang)")
        );
        assert!(choose(None, "", "").is_none());
    }

    #[test]
    fn english_is_confirmed_by_its_function_words_and_nothing_else_is() {
        assert!(reads_as_english(&EN.repeat(3)));
        assert!(!reads_as_english(&PT.repeat(3)));
        let de = "Die Bundesregierung hat am Dienstag in Berlin neue Regeln für den Ausbau der \
                  Windkraft beschlossen. Was das für die Länder bedeutet, ist noch offen, \
                  sagte ein Sprecher in der Hauptstadt. ";
        assert!(!reads_as_english(&de.repeat(3)));
        // A short English line is too little evidence: whatlang decides.
        assert!(!reads_as_english("The results of the vote."));
        // The shortcut changes nothing: an English page declared English stays English,
        // and Portuguese prose on a page declared English is still detected.
        let f = choose(Some(("<html lang>".into(), "en".into())), "", &EN.repeat(3)).unwrap();
        assert_eq!((f.value.as_str(), f.from.as_str()), ("eng", "<html lang>"));
        let f = choose(Some(("<html lang>".into(), "en".into())), "", &PT.repeat(3)).unwrap();
        assert_eq!(f.value, "por");
    }

    #[test]
    fn a_close_relative_never_overrides_the_declaration() {
        // Portuguese prose on a page declared Spanish: whatlang cannot be trusted to tell
        // close relatives apart on a page's worth of text, so the declaration stands.
        let f = choose(Some(("<html lang>".into(), "es".into())), "", PT).unwrap();
        assert_eq!((f.value.as_str(), f.from.as_str()), ("spa", "<html lang>"));
        assert!(related("por", "spa") && related("rus", "ukr"));
        assert!(!related("por", "eng") && !related("fas", "ara"));
    }

    #[test]
    fn detection_reads_only_a_sample_of_long_bodies() {
        // A long English body followed by a Portuguese tail: the sample is the English head.
        let body = format!("{}\n{}", EN.repeat(20), PT.repeat(20));
        assert!(body.len() > LANGUAGE_SAMPLE);
        assert_eq!(detect(&body).unwrap().0, "eng");
        // A multi-byte character at the cut does not panic.
        let cyrillic = "Москва — столица России, крупнейший город страны. ".repeat(60);
        assert_eq!(detect(&cyrillic).unwrap().0, "rus");
    }
}
