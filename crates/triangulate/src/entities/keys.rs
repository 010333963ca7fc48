//! Matching keys: transliteration-aware phonetic codes per word and name comparison.

use std::sync::OnceLock;

use rphonetic::DoubleMetaphone;

use crate::model::EntityKind;

use super::detect::roman_value;
use super::gazetteer as gz;

fn metaphone() -> &'static DoubleMetaphone {
    static DM: OnceLock<DoubleMetaphone> = OnceLock::new();
    DM.get_or_init(|| DoubleMetaphone::new(Some(8)))
}

/// ASCII form of a folded word, letters and digits only. An Arabic-script article
/// ("ال") joined to a longer word is dropped, as "al-" is in Latin spellings.
pub fn ascii(word: &str) -> String {
    let word = match word.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 3 => rest,
        _ => word,
    };
    any_ascii::any_ascii(word)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Romanisation variants collapsed before phonetic coding: kh/h, q/k, gh/g, ph/f, w/v,
/// ou/u, y/i, doubled letters.
fn romanised(word: &str) -> String {
    let mut s = ascii(word);
    for (from, to) in [
        ("dzh", "j"),
        ("zh", "j"),
        ("x", "ks"),
        ("kh", "h"),
        ("gh", "g"),
        ("q", "k"),
        ("ph", "f"),
        ("w", "v"),
        ("ou", "u"),
        ("oo", "u"),
        ("ee", "i"),
        ("y", "i"),
        ("dh", "d"),
    ] {
        s = s.replace(from, to);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Phonetic codes of one word (primary and alternate Double Metaphone of its romanised
/// form).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct WordKey {
    /// Romanised spelling.
    pub plain: String,
    /// Primary code.
    pub primary: String,
    /// Alternate code.
    pub alternate: String,
    /// Consonant skeleton when the word was written in a non-Latin script, whose
    /// transliteration loses short vowels ("باقری" → "bqry").
    pub skeleton: Option<String>,
}

/// True for a letter outside the Latin script (Arabic, Persian, Cyrillic, CJK, …).
fn non_latin(c: char) -> bool {
    c.is_alphabetic() && !c.is_ascii() && !('\u{00C0}'..='\u{024F}').contains(&c)
}

/// Consonant skeleton of a romanised word: its consonants other than the semi-vowels, and
/// h only as first letter (scripts without short vowels write or drop these freely, and
/// an initial ayin or alef vanishes in transliteration), with k/g/q/c and d/z/dh merged
/// and doubled letters collapsed ("mohammad" → "md", "محمد" → "mhmd" → "md").
pub fn skeleton(word: &str) -> String {
    let r = romanised(word);
    let mut out = String::new();
    for (i, c) in r.chars().enumerate() {
        let c = match c {
            'g' | 'q' | 'c' => 'k',
            'z' => 'd',
            c => c,
        };
        if matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'v' | 'w') || (i > 0 && c == 'h') {
            continue;
        }
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

impl WordKey {
    /// Key of a folded word.
    pub fn new(word: &str) -> Self {
        let plain = romanised(word);
        let r = metaphone().double_metaphone(&plain);
        WordKey {
            primary: r.primary(),
            alternate: r.alternate(),
            skeleton: word.chars().any(non_latin).then(|| skeleton(word)),
            plain,
        }
    }

    /// True when the two words may be spellings of one name.
    pub fn matches(&self, other: &WordKey) -> bool {
        if self.plain == other.plain {
            return true;
        }
        // A non-Latin spelling meets a Latin one on the consonant skeleton; two Latin
        // spellings may too when they are also close ("Rowhani" / "Rouhani").
        let a = self
            .skeleton
            .clone()
            .unwrap_or_else(|| skeleton(&self.plain));
        let b = other
            .skeleton
            .clone()
            .unwrap_or_else(|| skeleton(&other.plain));
        if !a.is_empty() && a == b {
            if self.skeleton.is_some() || other.skeleton.is_some() {
                return true;
            }
            let long = self.plain.len().min(other.plain.len()) >= 6;
            if long && a.len() >= 2 && edit_distance(&self.plain, &other.plain) <= 2 {
                return true;
            }
        }
        let codes_meet = [&self.primary, &self.alternate]
            .iter()
            .any(|c| !c.is_empty() && (**c == other.primary || **c == other.alternate));
        // Codes drop vowels: require the spellings to be close too, so that short
        // consonant skeletons ("RS") do not join unrelated names.
        codes_meet && edit_distance(&self.plain, &other.plain) <= 2.max(self.plain.len() / 3)
    }

    /// True when one word is an initial of the other ("J" and "Jeremy").
    pub fn initial_of(&self, other: &WordKey) -> bool {
        let short = |a: &WordKey, b: &WordKey| a.plain.len() == 1 && b.plain.starts_with(&a.plain);
        short(self, other) || short(other, self)
    }
}

/// Articles joined to Arabic names ("al-Assad", "el-Sisi", "ash-Sharaa").
const ARTICLES: &[&str] = &["al", "el", "as", "ash", "ad", "az", "an", "ar", "ul", "ud"];

/// Generational suffixes that tell a son from his father.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// Words of a person's name as compared: hyphenated words split ("Kim Jong-un"), Arabic
/// articles and name connectors dropped ("al-Assad" → "assad", "bin").
fn person_parts(words: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for w in words {
        let parts: Vec<&str> = w.split('-').filter(|p| !p.is_empty()).collect();
        for (i, p) in parts.iter().enumerate() {
            let p = p.trim_end_matches('.');
            let article = ARTICLES.contains(&p) && i + 1 < parts.len();
            if article || p.is_empty() || matches!(p, "bin" | "ibn" | "bint" | "بن") {
                continue;
            }
            // A kunya is one name with the word after it ("Abu Bakr", "Abu Omar").
            if let Some(prev) = out.last_mut().filter(|w: &&mut String| w.as_str() == "abu") {
                prev.push_str(p);
                continue;
            }
            out.push(p.to_string());
        }
    }
    out
}

/// True when two person names (folded words, titles stripped, at least two words each)
/// may name the same person: same surname by sound, same first name or initial, middle
/// names optional; a generational suffix ("Jr.") on one side only keeps them apart.
pub fn same_person(a: &[String], b: &[String]) -> bool {
    let mut a = person_parts(a);
    let mut b = person_parts(b);
    let sa = a.last().is_some_and(|w| SUFFIXES.contains(&w.as_str()));
    let sb = b.last().is_some_and(|w| SUFFIXES.contains(&w.as_str()));
    if sa {
        a.pop();
    }
    if sb {
        b.pop();
    }
    if sa != sb && a.len() >= 2 && b.len() >= 2 {
        return false;
    }
    let (Some(af), Some(bf)) = (a.first(), b.first()) else {
        return false;
    };
    if a.len() < 2 || b.len() < 2 {
        return false;
    }
    let (kf, lf) = (WordKey::new(af), WordKey::new(bf));
    if !surnames_meet(&a, &b) {
        return false;
    }
    if kf.matches(&lf) || kf.initial_of(&lf) {
        return middles_agree(&a, &b);
    }
    // A common first name left out ("Javad Zarif" / "Mohammad Javad Zarif").
    let omitted = |long: &[String], short: &[String]| {
        long.len() >= 3
            && long.len() > short.len()
            && OMITTED_FIRST
                .iter()
                .any(|f| romanised(f) == WordKey::new(&long[0]).plain)
            && WordKey::new(&long[1]).matches(&WordKey::new(&short[0]))
    };
    omitted(&a, &b) || omitted(&b, &a)
}

/// First names often left out in front of the name a person is known by.
const OMITTED_FIRST: &[&str] = &[
    "mohammad", "muhammad", "mohammed", "mohamed", "muhamad", "ali",
];

/// Middle names written on both sides must agree word by word (or as initials):
/// "George W. Bush" is not "George H. W. Bush". One side without middle names agrees.
fn middles_agree(a: &[String], b: &[String]) -> bool {
    let (ma, mb) = (&a[1..a.len() - 1], &b[1..b.len() - 1]);
    if ma.is_empty() || mb.is_empty() {
        return true;
    }
    ma.len() == mb.len()
        && ma.iter().zip(mb).all(|(x, y)| {
            let (x, y) = (WordKey::new(x), WordKey::new(y));
            x.matches(&y) || x.initial_of(&y)
        })
}

/// Last words match, or one last word is the other's last two written as one
/// ("Amirabdollahian" / "Amir-Abdollahian", "Jinping" / "Jin-ping").
fn surnames_meet(a: &[String], b: &[String]) -> bool {
    let last = |w: &[String]| w.last().map(|l| WordKey::new(l));
    let last_two = |w: &[String]| (w.len() >= 3).then(|| WordKey::new(&w[w.len() - 2..].concat()));
    let (Some(al), Some(bl)) = (last(a), last(b)) else {
        return false;
    };
    al.matches(&bl)
        || last_two(a).is_some_and(|k| k.matches(&bl))
        || last_two(b).is_some_and(|k| k.matches(&al))
}

/// True when a single word may be the surname of a full person name (as resolution
/// attaches surname-only mentions).
pub fn surname_of(word: &str, full: &[String]) -> bool {
    let parts = person_parts(full);
    let key = WordKey::new(word);
    parts
        .iter()
        .rev()
        .find(|w| !SUFFIXES.contains(&w.as_str()))
        .is_some_and(|l| WordKey::new(l).matches(&key))
}

/// Stricter word match for names of places and bodies, which have no first name to
/// confirm the surname: one edit, or two in a long word, besides equal sound codes.
pub fn word_matches_strict(a: &WordKey, b: &WordKey) -> bool {
    if a.plain == b.plain {
        return true;
    }
    if a.skeleton.is_some() || b.skeleton.is_some() {
        return a.matches(b);
    }
    let codes_meet = [&a.primary, &a.alternate]
        .iter()
        .any(|c| !c.is_empty() && (**c == b.primary || **c == b.alternate));
    let d = edit_distance(&a.plain, &b.plain);
    codes_meet && (d <= 1 || (d <= 2 && a.plain.len().min(b.plain.len()) >= 7))
}

/// True when two non-person names (folded words) may name the same place or body: same
/// gazetteer place, same key, or word by word the same by sound.
pub fn same_other(a: &[String], b: &[String]) -> bool {
    let (ja, jb) = (a.join(" "), b.join(" "));
    if let (Some(pa), Some(pb)) = (gz::place(&ja), gz::place(&jb)) {
        return pa == pb;
    }
    let (ka, kb) = (name_key(a), name_key(b));
    if !ka.is_empty() && ka == kb {
        return true;
    }
    let wa: Vec<&str> = ka.split(' ').filter(|w| !ARTICLES.contains(w)).collect();
    let wb: Vec<&str> = kb.split(' ').filter(|w| !ARTICLES.contains(w)).collect();
    if wa.concat() == wb.concat() && !wa.is_empty() {
        return true;
    }
    if same_words(&wa, &wb) {
        return true;
    }
    // Written in another script ("تهران", "Москва"): the romanised key has lost what the
    // script tells, so the words are compared as written.
    let scripted = |w: &[String]| w.iter().any(|w| w.chars().any(non_latin));
    if scripted(a) || scripted(b) {
        let (oa, ob): (Vec<&str>, Vec<&str>) = (
            a.iter().map(String::as_str).collect(),
            b.iter().map(String::as_str).collect(),
        );
        if same_words(&oa, &ob) {
            return true;
        }
    }
    // "Tasnim News Agency" / "Tasnim", "Wagner Group" / "Wagner": the same body named with
    // and without its generic head words, unless the bare name is a place ("Fars").
    let (ca, cb) = (without_generic_heads(&wa), without_generic_heads(&wb));
    let bare_place = |c: &[&str]| gz::place(&c.join(" ")).is_some();
    (ca.len() < wa.len() || cb.len() < wb.len())
        && !bare_place(&ca)
        && !bare_place(&cb)
        && same_words(&ca, &cb)
}

/// Word by word the same by sound.
fn same_words(wa: &[&str], wb: &[&str]) -> bool {
    wa.len() == wb.len()
        && !wa.is_empty()
        && wa
            .iter()
            .zip(wb)
            .all(|(x, y)| word_matches_strict(&WordKey::new(x), &WordKey::new(y)))
}

/// Head words any organisation may add or drop.
const GENERIC_HEADS: &[&str] = &[
    "agency",
    "news",
    "group",
    "company",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "network",
];

/// The words before any trailing generic head words.
fn without_generic_heads<'a>(words: &[&'a str]) -> Vec<&'a str> {
    let keep = words.len()
        - words
            .iter()
            .rev()
            .take_while(|w| GENERIC_HEADS.contains(w))
            .count();
    words[..keep].to_vec()
}

/// Honorifics read as titles in front of a name, beyond the gazetteer's title heads (which
/// hold Sayyed, Seyyed, Mullah, Mrs, Ms, Prof).
const HONORIFICS: &[&str] = &["hajj", "haji"];

fn is_title_word(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    !w.is_empty()
        && w.split('-')
            .all(|p| gz::is_title_head(p) || gz::is_title_modifier(p) || HONORIFICS.contains(&p))
}

/// Folded words of a name written alone, as the detector gives them: titles and ranks
/// in front dropped for people ("Maj. Gen.", "Secretary of State"), connectors dropped,
/// a name in Chinese characters split into surname and given name.
pub fn name_words(surface: &str, kind: EntityKind) -> Vec<String> {
    let folded = crate::text::fold(surface);
    let mut words: Vec<String> = Vec::new();
    for w in folded.split(|c: char| c.is_whitespace() || c == '/') {
        let w = w.trim_matches(|c: char| matches!(c, ',' | '(' | ')' | '"'));
        let w = w.strip_suffix("'s").unwrap_or(w);
        let w = w.trim_end_matches('.');
        if w.is_empty() {
            continue;
        }
        let cjk =
            w.chars().count() >= 2 && w.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
        if cjk {
            let mut cs = w.chars();
            if let Some(first) = cs.next() {
                words.push(ascii(&first.to_string()));
                words.push(ascii(cs.as_str()));
            }
        } else {
            words.push(w.to_string());
        }
    }
    if kind == EntityKind::Person && words.len() >= 2 {
        if let Some(t) = words[..words.len() - 1]
            .iter()
            .rposition(|w| is_title_word(w))
        {
            words.drain(..=t);
            if words.first().is_some_and(|w| w == "of") && words.len() >= 3 {
                words.drain(..2);
            }
        }
    }
    let kept: Vec<String> = words
        .iter()
        .filter(|w| !gz::is_connector(w))
        .cloned()
        .collect();
    if kept.is_empty() {
        words
    } else {
        kept
    }
}

/// True when a name written alone is an acronym ("IRGC", "U.N.", "IS-K", "ТАСС").
pub fn is_acronym(surface: &str) -> bool {
    let s = surface.trim();
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    !s.contains(char::is_whitespace)
        && letters.len() >= 2
        && letters.len() <= 8
        && letters.iter().all(|c| c.is_uppercase())
}

/// Initials of a name's words, hyphenated parts counted ("Islamic State-Khorasan" → "isk").
pub fn initials(words: &[String]) -> String {
    words
        .iter()
        .flat_map(|w| w.split(['-', '/']))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Letters and digits of an acronym, lower case ("IS-K" → "isk").
pub fn acronym_letters(surface: &str) -> String {
    ascii(&crate::text::fold(surface))
}

/// True when the two names, each written alone, would be one entity for resolution:
/// people by [`same_person`] (or a surname alone against a full name), acronyms by their
/// letters or the initials of the other name, other names by [`same_other`].
pub fn same_name(a: &str, b: &str, kind: EntityKind) -> bool {
    let (wa, wb) = (name_words(a, kind), name_words(b, kind));
    let (aa, ab) = (is_acronym(a), is_acronym(b));
    if aa || ab {
        let (ja, jb) = (wa.join(" "), wb.join(" "));
        if let (Some(pa), Some(pb)) = (gz::place(&ja), gz::place(&jb)) {
            return pa == pb;
        }
        let (la, lb) = (acronym_letters(a), acronym_letters(b));
        return match (aa, ab) {
            (true, true) => la == lb,
            (true, false) => wb.len() >= 2 && initials(&wb) == la,
            _ => wa.len() >= 2 && initials(&wa) == lb,
        };
    }
    if kind != EntityKind::Person {
        return same_other(&wa, &wb);
    }
    match (wa.len(), wb.len()) {
        (0, _) | (_, 0) => false,
        (1, 1) => WordKey::new(&wa[0]).matches(&WordKey::new(&wb[0])),
        (1, _) => surname_of(&wa[0], &wb),
        (_, 1) => surname_of(&wb[0], &wa),
        _ => same_person(&wa, &wb),
    }
}

/// Key of a non-person name: ASCII words, roman numerals as digits, connectors dropped.
pub fn name_key(words: &[String]) -> String {
    words
        .iter()
        .flat_map(|w| w.split(['-', '.']))
        .filter(|w| !w.is_empty())
        .map(|w| match roman_value(w) {
            Some(n) if w.len() > 1 || w == "v" || w == "x" => n.to_string(),
            _ => ascii(w),
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn transliterations_match() {
        assert!(same_person(&w("muhammad baqeri"), &w("mohammad bagheri")));
        assert!(same_person(
            &w("mohammad hossein bagheri"),
            &w("muhammad baqeri")
        ));
        assert!(same_person(&w("ilyas kharazov"), &w("ilias harazov")));
        assert!(same_person(&w("sherali mirzo"), &w("shirali mirzo")));
    }

    #[test]
    fn different_people_stay_apart() {
        assert!(!same_person(&w("petar kharazov"), &w("ilyas kharazov")));
        assert!(!same_person(&w("ali bagheri kani"), &w("mohammad bagheri")));
        assert!(!same_person(&w("emomali rahmon"), &w("ebrahim raisi")));
    }

    #[test]
    fn scripts_meet_their_transliterations() {
        use crate::model::EntityKind::{Person, Place};
        assert!(same_name("محمد باقری", "Mohammad Bagheri", Person));
        assert!(same_name("Мохаммад Багери", "Muhammad Baqeri", Person));
        assert!(same_name(
            "Maj. Gen. Bagheri",
            "Mohammad Hossein Bagheri",
            Person
        ));
        assert!(!same_name("علی باقری کنی", "Mohammad Bagheri", Person));
        assert!(!same_name("Эмомали Рахмон", "Ebrahim Raisi", Person));
        assert!(!same_name("Donald Trump", "Donald Trump Jr.", Person));
        assert!(!same_name("George W. Bush", "George H. W. Bush", Person));
        assert!(same_name("Kiev", "Kyiv", Place));
        assert!(!same_name("Niger", "Nigeria", Place));
    }

    #[test]
    fn product_keys_read_roman_numerals() {
        assert_eq!(name_key(&w("ababil-ii")), "ababil 2");
        assert_eq!(name_key(&w("ababil 2")), "ababil 2");
    }
}
