//! Real text for the scale benchmarks, and planted near-duplicates of it.
//!
//! Pools: the 1,012 PolNeAR article texts (`polnear/data/*/text/*.txt`), the ECB+ documents
//! rebuilt from their token files (tokens joined by spaces, one paragraph per sentence) and
//! the CoNLL-2003 English documents (split at `-DOCSTART-`, rebuilt the same way).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// `../shared/bench` beside the repository.
pub fn bench_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench")
}

/// Every PolNeAR article text, in path order.
pub fn polnear_texts(bench: &Path) -> Result<Vec<String>> {
    let data = bench.join("polnear/data");
    let mut paths = Vec::new();
    for split in std::fs::read_dir(&data).with_context(|| format!("reading {}", data.display()))? {
        let dir = split?.path().join("text");
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for e in entries {
                paths.push(e?.path());
            }
        }
    }
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display())))
        .collect()
}

/// One token line of an ECB+ corpus file: document id, sentence and token numbers, the
/// token, and its coreference chain (`-` for none).
pub struct EcbToken<'a> {
    /// Document id (`T_Necb` / `T_Necbplus`).
    pub doc: &'a str,
    /// Sentence number in the document.
    pub sentence: u32,
    /// Token number in the sentence.
    pub token: u32,
    /// The token as written.
    pub text: &'a str,
    /// Its coreference chain, `-` for none.
    pub chain: &'a str,
}

/// The token lines of an ECB+ corpus file (blank and malformed lines skipped).
pub fn ecb_tokens(raw: &str) -> impl Iterator<Item = EcbToken<'_>> {
    raw.lines().filter_map(|line| {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 4 {
            return None;
        }
        Some(EcbToken {
            doc: f[0],
            sentence: f[1].parse().ok()?,
            token: f[2].parse().ok()?,
            text: f[3],
            chain: f.get(4).copied().unwrap_or("-"),
        })
    })
}

/// One ECB+ sentence: its document, its tokens joined by spaces, and the event chains
/// (`ACT…`) its tokens belong to.
pub struct EcbSentence {
    /// Document id (`T_Necb` / `T_Necbplus`).
    pub doc: String,
    /// The tokens joined by spaces.
    pub text: String,
    /// Event chains mentioned in it.
    pub events: BTreeSet<String>,
}

/// The sentences of an ECB+ corpus file, in (document id, sentence number) order.
pub fn ecb_sentences(raw: &str) -> Vec<EcbSentence> {
    // token number -> (token, chain), per (doc, sentence)
    type Tokens<'a> = BTreeMap<u32, (&'a str, &'a str)>;
    let mut by_sentence: BTreeMap<(&str, u32), Tokens> = BTreeMap::new();
    for t in ecb_tokens(raw) {
        by_sentence
            .entry((t.doc, t.sentence))
            .or_default()
            .insert(t.token, (t.text, t.chain));
    }
    by_sentence
        .into_iter()
        .map(|((doc, _), tokens)| EcbSentence {
            doc: doc.to_string(),
            text: tokens
                .values()
                .map(|(t, _)| *t)
                .collect::<Vec<_>>()
                .join(" "),
            events: tokens
                .values()
                .map(|(_, c)| *c)
                .filter(|c| c.starts_with("ACT"))
                .map(str::to_string)
                .collect(),
        })
        .collect()
}

/// ECB+ documents of one corpus file as (id, text), sorted by (topic, number, subtopic).
pub fn ecb_documents(raw: &str) -> Vec<(String, String)> {
    // doc -> sentence -> token number -> token
    let mut docs: BTreeMap<String, BTreeMap<u32, BTreeMap<u32, String>>> = BTreeMap::new();
    for t in ecb_tokens(raw) {
        docs.entry(t.doc.to_string())
            .or_default()
            .entry(t.sentence)
            .or_default()
            .insert(t.token, t.text.to_string());
    }
    let mut out: Vec<(String, String)> = docs
        .into_iter()
        .map(|(id, sentences)| {
            let text = sentences
                .values()
                .map(|toks| {
                    toks.values()
                        .map(String::as_str)
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect::<Vec<_>>()
                .join("\n\n");
            (id, text)
        })
        .collect();
    out.sort_by_key(|(id, _)| ecb_key(id));
    out
}

/// (topic, document number, subtopic) of an ECB+ id `T_Necb` / `T_Necbplus`.
pub fn ecb_key(id: &str) -> (u32, u32, String) {
    let (topic, rest) = id.split_once('_').unwrap_or((id, ""));
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let sub = rest[digits.len()..].to_string();
    (
        topic.parse().unwrap_or(u32::MAX),
        digits.parse().unwrap_or(u32::MAX),
        sub,
    )
}

/// ECB+ train and dev document texts.
pub fn ecb_texts(bench: &Path) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for file in ["ECB_Train_corpus.txt", "ECB_Dev_corpus.txt"] {
        let path = bench.join("ecbplus").join(file);
        let raw = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        out.extend(ecb_documents(&raw).into_iter().map(|(_, t)| t));
    }
    Ok(out)
}

/// CoNLL-2003 documents (train, valid, test), each sentence a paragraph.
pub fn conll_texts(bench: &Path) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for file in ["train.txt", "valid.txt", "test.txt"] {
        let path = bench.join("conll2003").join(file);
        let raw = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let mut sentences: Vec<String> = Vec::new();
        let mut words: Vec<&str> = Vec::new();
        let mut flush_doc = |sentences: &mut Vec<String>| {
            if !sentences.is_empty() {
                out.push(sentences.join("\n\n"));
                sentences.clear();
            }
        };
        for line in raw.lines() {
            let word = line.split(' ').next().unwrap_or("");
            if word == "-DOCSTART-" {
                flush_doc(&mut sentences);
            } else if word.is_empty() {
                if !words.is_empty() {
                    sentences.push(words.join(" "));
                    words.clear();
                }
            } else {
                words.push(word);
            }
        }
        if !words.is_empty() {
            sentences.push(words.join(" "));
        }
        flush_doc(&mut sentences);
    }
    Ok(out)
}

/// A small deterministic generator (SplitMix64).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The sentences of a text, as the pipeline splits them.
pub fn sentences(text: &str) -> Vec<String> {
    triangulate::text::split_sentences(text)
        .iter()
        .map(|s| s.slice(text).to_string())
        .collect()
}

/// A planted near-duplicate of a text: each word replaced with probability `substitute`
/// (by another word of the same text), then possibly one sentence dropped and two adjacent
/// sentences swapped (each with probability one half, when there are more than three).
pub fn near_duplicate(text: &str, substitute: f64, rng: &mut Rng) -> String {
    let mut sents = sentences(text);
    if sents.len() > 3 && rng.unit() < 0.5 {
        let k = rng.below(sents.len());
        sents.remove(k);
    }
    if sents.len() > 3 && rng.unit() < 0.5 {
        let k = rng.below(sents.len() - 1);
        sents.swap(k, k + 1);
    }
    let vocabulary: Vec<&str> = text.split_whitespace().collect();
    sents
        .iter()
        .map(|s| {
            s.split(' ')
                .map(|w| {
                    if rng.unit() < substitute {
                        vocabulary[rng.below(vocabulary.len())]
                    } else {
                        w
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}
