//! Matching keys: transliteration-aware phonetic codes per word and name comparison.

use std::sync::OnceLock;

use rphonetic::DoubleMetaphone;

use super::detect::roman_value;

fn metaphone() -> &'static DoubleMetaphone {
    static DM: OnceLock<DoubleMetaphone> = OnceLock::new();
    DM.get_or_init(|| DoubleMetaphone::new(Some(8)))
}

/// ASCII form of a folded word, letters and digits only.
pub fn ascii(word: &str) -> String {
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
}

impl WordKey {
    /// Key of a folded word.
    pub fn new(word: &str) -> Self {
        let plain = romanised(word);
        let r = metaphone().double_metaphone(&plain);
        WordKey {
            primary: r.primary(),
            alternate: r.alternate(),
            plain,
        }
    }

    /// True when the two words may be spellings of one name.
    pub fn matches(&self, other: &WordKey) -> bool {
        if self.plain == other.plain {
            return true;
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

/// True when two person names (folded words, titles stripped, at least two words each)
/// may name the same person: same surname by sound, same first name or initial, middle
/// names optional.
pub fn same_person(a: &[String], b: &[String]) -> bool {
    let (Some(af), Some(al), Some(bf), Some(bl)) = (a.first(), a.last(), b.first(), b.last())
    else {
        return false;
    };
    if a.len() < 2 || b.len() < 2 {
        return false;
    }
    let (af, al, bf, bl) = (
        WordKey::new(af),
        WordKey::new(al),
        WordKey::new(bf),
        WordKey::new(bl),
    );
    al.matches(&bl) && (af.matches(&bf) || af.initial_of(&bf))
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
    fn product_keys_read_roman_numerals() {
        assert_eq!(name_key(&w("ababil-ii")), "ababil 2");
        assert_eq!(name_key(&w("ababil 2")), "ababil 2");
    }
}
