//! Gazetteers written from public facts: countries and their demonyms, capitals and major
//! cities, regions, titles and ranks, and the head words that give a name its kind.
//!
//! Every list holds folded (lower-case, accent-free) forms; look-ups go through the
//! functions below so callers never depend on the list layout.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// Countries with their demonyms (adjectives and singular nouns for people).
const COUNTRIES: &[(&str, &[&str])] = &[
    ("afghanistan", &["afghan"]),
    ("albania", &["albanian"]),
    ("algeria", &["algerian"]),
    ("argentina", &["argentine", "argentinian"]),
    ("armenia", &["armenian"]),
    ("australia", &["australian"]),
    ("austria", &["austrian"]),
    ("azerbaijan", &["azerbaijani", "azeri"]),
    ("bahrain", &["bahraini"]),
    ("bangladesh", &["bangladeshi"]),
    ("belarus", &["belarusian"]),
    ("belgium", &["belgian"]),
    ("bosnia", &["bosnian"]),
    ("brazil", &["brazilian"]),
    ("bulgaria", &["bulgarian"]),
    ("canada", &["canadian"]),
    ("chile", &["chilean"]),
    ("china", &["chinese"]),
    ("colombia", &["colombian"]),
    ("croatia", &["croatian"]),
    ("cuba", &["cuban"]),
    ("cyprus", &["cypriot"]),
    ("czech republic", &["czech"]),
    ("denmark", &["danish"]),
    ("egypt", &["egyptian"]),
    ("eritrea", &["eritrean"]),
    ("estonia", &["estonian"]),
    ("ethiopia", &["ethiopian"]),
    ("finland", &["finnish"]),
    ("france", &["french"]),
    ("georgia", &["georgian"]),
    ("germany", &["german"]),
    ("greece", &["greek"]),
    ("hungary", &["hungarian"]),
    ("india", &["indian"]),
    ("indonesia", &["indonesian"]),
    ("iran", &["iranian", "persian"]),
    ("iraq", &["iraqi"]),
    ("ireland", &["irish"]),
    ("israel", &["israeli"]),
    ("italy", &["italian"]),
    ("japan", &["japanese"]),
    ("jordan", &["jordanian"]),
    ("kazakhstan", &["kazakh"]),
    ("kenya", &["kenyan"]),
    ("kuwait", &["kuwaiti"]),
    ("kyrgyzstan", &["kyrgyz"]),
    ("latvia", &["latvian"]),
    ("lebanon", &["lebanese"]),
    ("libya", &["libyan"]),
    ("lithuania", &["lithuanian"]),
    ("malaysia", &["malaysian"]),
    ("mexico", &["mexican"]),
    ("moldova", &["moldovan"]),
    ("mongolia", &["mongolian"]),
    ("morocco", &["moroccan"]),
    ("netherlands", &["dutch"]),
    ("nigeria", &["nigerian"]),
    ("north korea", &["north korean"]),
    ("norway", &["norwegian"]),
    ("oman", &["omani"]),
    ("pakistan", &["pakistani"]),
    ("palestine", &["palestinian"]),
    ("philippines", &["filipino", "philippine"]),
    ("poland", &["polish"]),
    ("portugal", &["portuguese"]),
    ("qatar", &["qatari"]),
    ("romania", &["romanian"]),
    ("russia", &["russian"]),
    ("saudi arabia", &["saudi"]),
    ("serbia", &["serbian"]),
    ("somalia", &["somali"]),
    ("south africa", &["south african"]),
    ("south korea", &["south korean", "korean"]),
    ("spain", &["spanish"]),
    ("sudan", &["sudanese"]),
    ("sweden", &["swedish"]),
    ("switzerland", &["swiss"]),
    ("syria", &["syrian"]),
    ("taiwan", &["taiwanese"]),
    ("tajikistan", &["tajik"]),
    ("thailand", &["thai"]),
    ("tunisia", &["tunisian"]),
    ("turkey", &["turkish"]),
    ("turkmenistan", &["turkmen"]),
    ("ukraine", &["ukrainian"]),
    ("united arab emirates", &["emirati"]),
    ("united kingdom", &["british"]),
    ("united states", &["american"]),
    ("uzbekistan", &["uzbek"]),
    ("venezuela", &["venezuelan"]),
    ("vietnam", &["vietnamese"]),
    ("yemen", &["yemeni"]),
];

/// Other spellings of countries, mapped to the names in [`COUNTRIES`].
const COUNTRY_ALIASES: &[(&str, &str)] = &[
    ("u.s", "united states"),
    ("u.s.a", "united states"),
    ("usa", "united states"),
    ("us", "united states"),
    ("america", "united states"),
    ("united states of america", "united states"),
    ("u.k", "united kingdom"),
    ("uk", "united kingdom"),
    ("britain", "united kingdom"),
    ("great britain", "united kingdom"),
    ("uae", "united arab emirates"),
    ("turkiye", "turkey"),
    ("holland", "netherlands"),
    ("republic of tajikistan", "tajikistan"),
    ("islamic republic of iran", "iran"),
    ("russian federation", "russia"),
    ("islamic republic", "iran"),
];

/// Exonyms, older names and other spellings of places (public facts), mapped to one
/// canonical name; both are known places.
const PLACE_ALIASES: &[(&str, &str)] = &[
    ("kiev", "kyiv"),
    ("kharkov", "kharkiv"),
    ("odessa", "odesa"),
    ("lvov", "lviv"),
    ("lwow", "lviv"),
    ("lugansk", "luhansk"),
    ("nikolaev", "mykolaiv"),
    ("nikolayev", "mykolaiv"),
    ("zaporozhye", "zaporizhzhia"),
    ("zaporizhia", "zaporizhzhia"),
    ("chernobyl", "chornobyl"),
    ("artemovsk", "bakhmut"),
    ("peking", "beijing"),
    ("canton", "guangzhou"),
    ("bombay", "mumbai"),
    ("calcutta", "kolkata"),
    ("madras", "chennai"),
    ("rangoon", "yangon"),
    ("burma", "myanmar"),
    ("teheran", "tehran"),
    ("alma-ata", "almaty"),
    ("ashkhabad", "ashgabat"),
    ("frunze", "bishkek"),
    ("kirghizia", "kyrgyzstan"),
    ("kyrgyz republic", "kyrgyzstan"),
    ("byelorussia", "belarus"),
    ("czechia", "czech republic"),
    ("cote d'ivoire", "ivory coast"),
    ("sebastopol", "sevastopol"),
    ("moskva", "moscow"),
    ("makkah", "mecca"),
    ("madinah", "medina"),
];

/// Capitals, major cities and regions.
const PLACES: &[&str] = &[
    "abu dhabi",
    "addis ababa",
    "africa",
    "aleppo",
    "amman",
    "ankara",
    "asia",
    "athens",
    "baghdad",
    "baku",
    "balkans",
    "bandar abbas",
    "bangkok",
    "basra",
    "beijing",
    "beirut",
    "berlin",
    "bishkek",
    "brussels",
    "budapest",
    "cairo",
    "caucasus",
    "central asia",
    "damascus",
    "delhi",
    "doha",
    "dubai",
    "dushanbe",
    "east asia",
    "europe",
    "gaza",
    "gaza strip",
    "geneva",
    "golan heights",
    "herat",
    "hong kong",
    "isfahan",
    "islamabad",
    "istanbul",
    "jerusalem",
    "jeddah",
    "kabul",
    "kandahar",
    "karachi",
    "kashmir",
    "khorasan",
    "kyiv",
    "lahore",
    "latin america",
    "london",
    "madrid",
    "mashhad",
    "mecca",
    "middle east",
    "minsk",
    "moscow",
    "mumbai",
    "muscat",
    "nairobi",
    "new delhi",
    "new york",
    "north africa",
    "paris",
    "persian gulf",
    "pyongyang",
    "riyadh",
    "rome",
    "sanaa",
    "scandinavia",
    "seoul",
    "shanghai",
    "south asia",
    "soviet union",
    "tashkent",
    "tabriz",
    "tbilisi",
    "tehran",
    "tel aviv",
    "tokyo",
    "washington",
    "west asia",
    "west bank",
    "western europe",
    "yerevan",
];

/// First-level subdivisions of federal countries (US states, Canadian provinces, Australian
/// states) and the largest US cities: US news names them as often as countries, and a run
/// like "West Virginia" was taken for a person, which a later "he" then referred to.
/// ("georgia", "washington" and "new york" stand in the lists above; "virginia" is left
/// out, a given name too: "Virginia Giuffre" became no person.)
const SUBDIVISIONS: &[&str] = &[
    "alabama",
    "alaska",
    "arizona",
    "arkansas",
    "california",
    "colorado",
    "connecticut",
    "delaware",
    "florida",
    "hawaii",
    "idaho",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maine",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "mississippi",
    "missouri",
    "montana",
    "nebraska",
    "nevada",
    "new hampshire",
    "new jersey",
    "new mexico",
    "north carolina",
    "north dakota",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "rhode island",
    "south carolina",
    "south dakota",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "west virginia",
    "wisconsin",
    "wyoming",
    "district of columbia",
    "puerto rico",
    "alberta",
    "british columbia",
    "manitoba",
    "new brunswick",
    "newfoundland",
    "nova scotia",
    "ontario",
    "quebec",
    "saskatchewan",
    "new south wales",
    "queensland",
    "tasmania",
    "western australia",
    "los angeles",
    "chicago",
    "houston",
    "philadelphia",
    "san antonio",
    "san diego",
    "dallas",
    "san francisco",
    "seattle",
    "boston",
    "detroit",
    "atlanta",
    "miami",
    "las vegas",
    "new orleans",
    "baltimore",
    "denver",
];

/// Adjectives of regions, religions and peoples that are not entities on their own.
const OTHER_DEMONYMS: &[&str] = &[
    "african",
    "alawite",
    "arab",
    "arabic",
    "asian",
    "baluch",
    "christian",
    "eastern",
    "english",
    "european",
    "hazara",
    "houthi",
    "huthi",
    "islamic",
    "jewish",
    "kurdish",
    "latin",
    "moslem",
    "muslim",
    "pashtun",
    "shia",
    "shiite",
    "soviet",
    "sunni",
    "western",
    "zionist",
];

/// Organisations too well known to need a head word.
const KNOWN_ORGS: &[&str] = &[
    "african union",
    "al jazeera",
    "al qaeda",
    "al shabaab",
    "al-qaeda",
    "al-shabaab",
    "aljazeera",
    "ansar allah",
    "ansarullah",
    "arab league",
    "bbc",
    "boko haram",
    "bundestag",
    "cia",
    "cnn",
    "daesh",
    "duma",
    "eu",
    "european commission",
    "european parliament",
    "european union",
    "fbi",
    "fsb",
    "general assembly",
    "gru",
    "hamas",
    "hayat tahrir al-sham",
    "hezbollah",
    "hizbollah",
    "houthis",
    "idf",
    "interpol",
    "irgc",
    "irna",
    "isil",
    "isis",
    "islamic state",
    "isna",
    "kgb",
    "knesset",
    "kremlin",
    "majlis",
    "mi6",
    "mossad",
    "nato",
    "opec",
    "pentagon",
    "red crescent",
    "red cross",
    "reuters",
    "ria novosti",
    "security council",
    "taliban",
    "tasnim",
    "tass",
    "un",
    "unesco",
    "unicef",
    "united nations",
    "wagner group",
    "white house",
    "who",
    "world bank",
    "xinhua",
];

/// Words that are (part of) a title or rank placed before a name.
const TITLE_HEADS: &[&str] = &[
    "adm",
    "admiral",
    "ambassador",
    "amir",
    "ayatollah",
    "brig",
    "brigadier",
    "capt",
    "captain",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "col",
    "colonel",
    "commander",
    "commissioner",
    "coach",
    "cpt",
    "deputy",
    "director",
    "dr",
    "emir",
    "envoy",
    "gen",
    "general",
    "governor",
    "hojatoleslam",
    "imam",
    "judge",
    "king",
    "lieutenant",
    "lt",
    "maj",
    "major",
    "manager",
    "mayor",
    "minister",
    "mr",
    "mrs",
    "ms",
    "mullah",
    "pm",
    "pope",
    "premier",
    "president",
    "prince",
    "princess",
    "prof",
    "professor",
    "prosecutor",
    "queen",
    "rep",
    "sayed",
    "sayyed",
    "sayyid",
    "sen",
    "senator",
    "secretary",
    "sergeant",
    "seyed",
    "seyyed",
    "sgt",
    "sheikh",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "staff",
    "striker",
    "substitute",
    "sultan",
];

/// Words that qualify a title ("Defense Minister", "Prime Minister", "top commander").
const TITLE_MODIFIERS: &[&str] = &[
    "acting",
    "armed",
    "assistant",
    "culture",
    "defence",
    "defense",
    "economy",
    "education",
    "energy",
    "finance",
    "foreign",
    "former",
    "forces",
    "health",
    "home",
    "interior",
    "intelligence",
    "justice",
    "military",
    "prime",
    "regional",
    "senior",
    "supreme",
    "top",
    "trade",
    "vice",
];

/// Title phrases of several words, matched before single words.
const MULTI_TITLES: &[&[&str]] = &[
    &["chief", "of", "staff"],
    &["secretary", "of", "state"],
    &["chief", "of", "general", "staff"],
    &["major", "general"],
    &["maj", "gen"],
    &["lieutenant", "general"],
    &["lt", "gen"],
    &["brigadier", "general"],
    &["brig", "gen"],
    &["colonel", "general"],
    &["lieutenant", "colonel"],
    &["vice", "admiral"],
    &["rear", "admiral"],
    &["secretary", "general"],
    &["attorney", "general"],
    &["prosecutor", "general"],
    &["prime", "minister"],
    &["vice", "president"],
];

/// Heads that make a name an organisation.
const ORG_WORDS: &[&str] = &[
    "academy",
    "agency",
    "airlines",
    "alliance",
    "army",
    "assembly",
    "association",
    "athletic",
    "authority",
    "bank",
    "board",
    "brigade",
    "brigades",
    "bureau",
    "cabinet",
    "center",
    "centre",
    "club",
    "coalition",
    "college",
    "command",
    "commission",
    "committee",
    "company",
    "corp",
    "corporation",
    "corps",
    "council",
    "court",
    "courier",
    "daily",
    "department",
    "directorate",
    "fc",
    "federation",
    "force",
    "forces",
    "foundation",
    "front",
    "fund",
    "gazette",
    "government",
    "group",
    "guard",
    "guards",
    "herald",
    "hospital",
    "house",
    "inc",
    "institute",
    "journal",
    "league",
    "lyceum",
    "school",
    "ledger",
    "liberty",
    "ltd",
    "ministry",
    "movement",
    "navy",
    "network",
    "news",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "police",
    "post",
    "press",
    "radio",
    "regime",
    "senate",
    "service",
    "services",
    "society",
    "sport",
    "team",
    "television",
    "times",
    "today",
    "tribune",
    "tv",
    "union",
    "united",
    "university",
    "voice",
];

/// Heads that make a name a place.
const PLACE_WORDS: &[&str] = &[
    "airport",
    "avenue",
    "basin",
    "bay",
    "canal",
    "city",
    "coast",
    "county",
    "dam",
    "desert",
    "district",
    "gulf",
    "heights",
    "island",
    "islands",
    "lake",
    "mountain",
    "mountains",
    "ocean",
    "peninsula",
    "plain",
    "port",
    "province",
    "region",
    "republic",
    "river",
    "road",
    "sea",
    "square",
    "stadium",
    "arena",
    "strait",
    "street",
    "strip",
    "valley",
];

/// Heads that make a name a law.
const LAW_WORDS: &[&str] = &[
    "accord",
    "accords",
    "act",
    "agreement",
    "bill",
    "charter",
    "constitution",
    "convention",
    "law",
    "protocol",
    "resolution",
    "treaty",
];

/// Heads that make a name an event.
const EVENT_WORDS: &[&str] = &[
    "championship",
    "conference",
    "crisis",
    "cup",
    "election",
    "elections",
    "expo",
    "festival",
    "final",
    "forum",
    "games",
    "olympics",
    "revolution",
    "summit",
    "war",
];

/// Nouns after a name-and-number that mark it as a product ("Ababil 2 drones").
const PRODUCT_NOUNS: &[&str] = &[
    "aircraft",
    "bomber",
    "drone",
    "drones",
    "fighter",
    "helicopter",
    "jet",
    "jets",
    "missile",
    "missiles",
    "model",
    "rifle",
    "rocket",
    "rockets",
    "system",
    "tank",
    "tanks",
    "uav",
    "uavs",
    "vehicle",
];

/// Acronyms that name things, not entities.
const COMMON_ACRONYMS: &[&str] = &[
    "ai", "am", "ceo", "cet", "cfo", "covid", "dna", "gdp", "gmt", "hq", "id", "ii", "iii", "iv",
    "km", "mp", "ok", "pm", "rss", "sms", "tv", "uav", "uavs", "utc", "vip",
];

/// Capitalised words that open sentences or headlines without naming anything.
const NON_NAMES: &[&str] = &[
    "according",
    "after",
    "also",
    "although",
    "amid",
    "another",
    "as",
    "at",
    "before",
    "both",
    "but",
    "during",
    "earlier",
    "even",
    "every",
    "for",
    "from",
    "given",
    "god",
    "however",
    "if",
    "in",
    "it",
    "its",
    "late",
    "later",
    "leave",
    "meanwhile",
    "more",
    "most",
    "on",
    "one",
    "read",
    "related",
    "share",
    "since",
    "some",
    "still",
    "the",
    "then",
    "there",
    "these",
    "this",
    "those",
    "though",
    "today",
    "tomorrow",
    "under",
    "unlike",
    "until",
    "what",
    "when",
    "while",
    "with",
    "yesterday",
    "yet",
];

/// Words that may join the parts of one name ("Ministry of Health", "bin Salman").
const CONNECTORS: &[&str] = &[
    "al", "and", "bin", "da", "de", "del", "der", "di", "du", "el", "for", "ibn", "la", "le", "of",
    "the", "van", "von",
];

struct Tables {
    place: BTreeMap<&'static str, &'static str>,
    demonym: BTreeMap<&'static str, &'static str>,
    sets: BTreeMap<&'static str, BTreeSet<&'static str>>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut place = BTreeMap::new();
        let mut demonym = BTreeMap::new();
        for (country, dems) in COUNTRIES {
            place.insert(*country, *country);
            for d in *dems {
                demonym.insert(*d, *country);
            }
        }
        for (alias, country) in COUNTRY_ALIASES {
            place.insert(*alias, *country);
        }
        for p in PLACES.iter().chain(SUBDIVISIONS) {
            place.insert(*p, *p);
        }
        for (alias, canonical) in PLACE_ALIASES {
            place.insert(*canonical, *canonical);
            place.insert(*alias, *canonical);
        }
        for d in OTHER_DEMONYMS {
            demonym.insert(*d, "");
        }
        let lists: [(&str, &[&str]); 11] = [
            ("org", KNOWN_ORGS),
            ("title", TITLE_HEADS),
            ("modifier", TITLE_MODIFIERS),
            ("org_word", ORG_WORDS),
            ("place_word", PLACE_WORDS),
            ("law_word", LAW_WORDS),
            ("event_word", EVENT_WORDS),
            ("product_noun", PRODUCT_NOUNS),
            ("acronym", COMMON_ACRONYMS),
            ("non_name", NON_NAMES),
            ("connector", CONNECTORS),
        ];
        let sets = lists
            .iter()
            .map(|(k, l)| (*k, l.iter().copied().collect()))
            .collect();
        Tables {
            place,
            demonym,
            sets,
        }
    })
}

fn in_set(set: &str, folded: &str) -> bool {
    tables().sets.get(set).is_some_and(|s| s.contains(folded))
}

/// Canonical folded name of a known place ("u.s" → "united states"), if `folded` is one.
pub fn place(folded: &str) -> Option<&'static str> {
    tables().place.get(folded).copied()
}

/// True for a demonym or people/region adjective ("tajik", "iranian", "asian").
pub fn is_demonym(folded: &str) -> bool {
    let f = folded.trim_end_matches("'s");
    tables().demonym.contains_key(f) || tables().demonym.contains_key(f.trim_end_matches('s'))
}

/// The country of a demonym or of a possessive country name ("iranian", "iran's" →
/// "iran"), else the word itself: role words compare through it.
pub fn nationality(folded: &str) -> &str {
    let f = folded.trim_end_matches("'s");
    match tables().demonym.get(f) {
        Some(c) if !c.is_empty() => c,
        _ => f,
    }
}

/// True for a well-known organisation name.
pub fn is_known_org(folded: &str) -> bool {
    in_set("org", folded)
}

/// Military and police ranks, canonical spelling first, then the abbreviations and
/// spellings outlets use for it (folded, without dots; hyphens as spaces).
const RANKS: &[(&str, &[&str])] = &[
    ("general", &["general", "gen"]),
    ("major general", &["major general", "maj gen", "mg"]),
    (
        "lieutenant general",
        &["lieutenant general", "lt gen", "ltg"],
    ),
    (
        "brigadier general",
        &["brigadier general", "brig gen", "brigadier"],
    ),
    ("colonel general", &["colonel general", "col gen"]),
    ("colonel", &["colonel", "col"]),
    ("lieutenant colonel", &["lieutenant colonel", "lt col"]),
    ("major", &["major", "maj"]),
    ("captain", &["captain", "capt"]),
    ("lieutenant", &["lieutenant", "lt"]),
    ("sergeant", &["sergeant", "sgt"]),
    ("admiral", &["admiral", "adm"]),
    ("vice admiral", &["vice admiral", "vice adm"]),
    ("rear admiral", &["rear admiral", "rear adm"]),
    ("field marshal", &["field marshal", "marshal"]),
];

/// The canonical military rank a role ends with ("Iran's Maj. Gen." → "major general"),
/// or `None` for civilian titles ("Defense Minister", "Secretary General").
pub fn rank_of(role: &str) -> Option<&'static str> {
    let folded = crate::text::fold(role)
        .replace(['.', ','], "")
        .replace('-', " ");
    let words: Vec<&str> = folded.split_whitespace().collect();
    // Civilian titles built on "general".
    if words.len() >= 2
        && matches!(
            words[words.len() - 2],
            "secretary" | "attorney" | "prosecutor" | "surgeon"
        )
    {
        return None;
    }
    // The longest spelling that the role ends with, so "Major General" is not "General".
    let mut best: Option<(&'static str, usize)> = None;
    for (rank, spellings) in RANKS {
        for spelling in *spellings {
            let n = spelling.split(' ').count();
            let tail = words.len().checked_sub(n).map(|k| words[k..].join(" "));
            if tail.as_deref() == Some(*spelling) && best.is_none_or(|(_, m)| n > m) {
                best = Some((rank, n));
            }
        }
    }
    best.map(|(rank, _)| rank)
}

/// Two ranks that cannot both be true of one person: different ranks, unless one is the
/// bare head of the other ("General" for a "Major General", "Admiral" for a "Rear Admiral").
pub fn ranks_disagree(a: &str, b: &str) -> bool {
    let head = |r: &str| r.rsplit(' ').next().unwrap_or(r).to_string();
    a != b && !(a == head(b) || b == head(a))
}

/// True for a word that is, or is part of, a title or rank.
pub fn is_title_head(folded: &str) -> bool {
    in_set("title", folded)
}

/// True for a word that qualifies a title ("defense", "prime").
pub fn is_title_modifier(folded: &str) -> bool {
    in_set("modifier", folded)
}

/// Multi-word titles, longest first.
pub fn multi_titles() -> &'static [&'static [&'static str]] {
    MULTI_TITLES
}

/// True for an organisation head word.
pub fn is_org_word(folded: &str) -> bool {
    in_set("org_word", folded)
}

/// True for a place head word.
pub fn is_place_word(folded: &str) -> bool {
    in_set("place_word", folded)
}

/// True for a first word that makes a name a place ("Lower Tamsk", "Port Ilvara").
pub fn is_place_prefix(folded: &str) -> bool {
    matches!(
        folded,
        "lower"
            | "upper"
            | "port"
            | "fort"
            | "mount"
            | "lake"
            | "saint"
            | "st"
            | "san"
            | "santa"
            | "cape"
            | "new"
    )
}

/// True for a law head word.
pub fn is_law_word(folded: &str) -> bool {
    in_set("law_word", folded)
}

/// True for an event head word.
pub fn is_event_word(folded: &str) -> bool {
    in_set("event_word", folded)
}

/// True for a noun that marks a product ("drones").
pub fn is_product_noun(folded: &str) -> bool {
    in_set("product_noun", folded)
}

/// True for an acronym that is a common noun ("UAV", "GDP").
pub fn is_common_acronym(folded: &str) -> bool {
    in_set("acronym", folded)
}

/// True for a capitalised word that does not start a name ("The", "During").
pub fn is_non_name(folded: &str) -> bool {
    // "New" is a stop word but starts "New York", "New Delhi", "New Mexico".
    in_set("non_name", folded) || (crate::text::is_stopword(folded) && !is_place_prefix(folded))
}

/// True for a month or weekday name.
pub fn is_calendar(folded: &str) -> bool {
    crate::text::dates::is_calendar_word(folded)
}

/// True for a word that may join parts of a name.
pub fn is_connector(folded: &str) -> bool {
    in_set("connector", folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_places_demonyms_and_heads() {
        assert_eq!(place("u.s"), Some("united states"));
        assert_eq!(place("dushanbe"), Some("dushanbe"));
        assert!(is_demonym("tajik") && is_demonym("iranian") && is_demonym("asian"));
        assert!(is_org_word("agency") && is_law_word("act") && is_title_head("general"));
    }

    #[test]
    fn ranks_are_read_from_the_roles_outlets_write() {
        assert_eq!(rank_of("Maj. Gen."), Some("major general"));
        assert_eq!(rank_of("Major-General"), Some("major general"));
        assert_eq!(rank_of("General"), Some("general"));
        assert_eq!(rank_of("Colonel General"), Some("colonel general"));
        assert_eq!(rank_of("Brig. Gen."), Some("brigadier general"));
        assert_eq!(rank_of("Tajik Defense Minister"), None);
        assert_eq!(rank_of("UN Secretary General"), None);
        assert!(!ranks_disagree("general", "major general"));
        assert!(!ranks_disagree("major general", "major general"));
        assert!(ranks_disagree("brigadier general", "major general"));
        assert!(!ranks_disagree("colonel", "lieutenant colonel"));
        assert!(ranks_disagree("major", "major general"));
        assert!(!is_demonym("tajikistan"));
    }
}
