//! `entities-eval [options]`: measures entity matching and mention detection.
//!
//! 1. Name pairs: every pair of `data/name-pairs.tsv` is decided twice and scored as merge
//!    precision / recall, overall, per kind and per script:
//!    - `keys`: by `triangulate::entities::keys::same_name` (the comparisons resolution uses);
//!    - `full path`: each name is written into a one-sentence article of its own (a template
//!      per kind, below), both articles go through extraction, mention detection and
//!      story-level resolution (`triangulate::entities::resolve`), and the pair counts as
//!      merged when the mentions covering the two names land in one entity. A name the
//!      detector misses cannot be merged.
//! 2. NER: the rule-based detector runs on CoNLL-2003 `test.txt` rebuilt into documents
//!    (tokens joined with spaces, no space before closing punctuation; one paragraph a
//!    sentence); mentions are mapped to tokens and scored conlleval-style (exact span and
//!    type, PER / ORG / LOC / MISC). A peer's spans (`--peer-json`) on the same text are
//!    scored by the same code.
//!
//! Options:
//!   --pairs FILE        gold pairs (default crates/triangulate-bench/data/name-pairs.tsv)
//!   --conll FILE        CoNLL file (default ../shared/bench/conll2003/test.txt)
//!   --dump-text FILE    write the rebuilt documents as JSON (`[{"id","text"}]`) for a peer
//!   --peer-json FILE    a peer's output: `{"name", "seconds", "docs": [[[start, end, label], …], …]}`
//!                       (character offsets into each document's text)
//!   --errors N          list N wrong pairs of each sort

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use serde_json::{json, Value};
use triangulate::entities::keys::same_name;
use triangulate::entities::{Form, MentionDetector, RuleDetector};
use triangulate::ingest::{Format, RawDoc};
use triangulate::model::EntityKind;
use triangulate::text::Doc;

fn main() -> Result<()> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut pairs = root.join("data/name-pairs.tsv");
    let mut conll = root.join("../../../shared/bench/conll2003/test.txt");
    let mut dump: Option<PathBuf> = None;
    let mut peers: Vec<PathBuf> = Vec::new();
    let mut errors = 0usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |w: &str| args.next().with_context(|| format!("{w} needs a value"));
        match a.as_str() {
            "--pairs" => pairs = value("--pairs")?.into(),
            "--conll" => conll = value("--conll")?.into(),
            "--dump-text" => dump = Some(value("--dump-text")?.into()),
            "--peer-json" => peers.push(value("--peer-json")?.into()),
            "--errors" => errors = value("--errors")?.parse()?,
            other => bail!("unknown argument {other}"),
        }
    }
    name_pairs(&pairs, errors, PairMode::Keys)?;
    name_pairs(&pairs, errors, PairMode::FullPath)?;
    ner(&conll, dump.as_deref(), &peers)?;
    Ok(())
}

// ---------------------------------------------------------------- name pairs

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fneg: usize,
    tn: usize,
}

impl Counts {
    fn add(&mut self, gold: bool, said: bool) {
        match (gold, said) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fneg += 1,
            (false, false) => self.tn += 1,
        }
    }
    fn prf(&self) -> (f64, f64, f64) {
        prf(self.tp, self.fp, self.fneg)
    }
}

fn prf(tp: usize, fp: usize, fneg: usize) -> (f64, f64, f64) {
    let p = if tp + fp == 0 {
        0.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let r = if tp + fneg == 0 {
        0.0
    } else {
        tp as f64 / (tp + fneg) as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

fn script(s: &str) -> &'static str {
    for c in s.chars() {
        match c {
            '\u{0600}'..='\u{06FF}' => return "arabic/persian",
            '\u{0400}'..='\u{04FF}' => return "cyrillic",
            '\u{4E00}'..='\u{9FFF}' => return "cjk",
            _ => {}
        }
    }
    "latin"
}

/// How a pair is decided.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PairMode {
    Keys,
    FullPath,
}

/// The sentence a name of each kind is written into for the full-path decision: plain
/// news prose with no other name in it.
fn template(kind: EntityKind) -> (&'static str, &'static str) {
    match kind {
        EntityKind::Person => ("", " spoke to reporters on Tuesday."),
        EntityKind::Organization => ("A statement was issued by ", " on Tuesday."),
        _ => ("Officials said the meeting was held in ", " on Tuesday."),
    }
}

/// True when `a` and `b`, each in an article of its own, resolve to one entity.
fn merged_in_a_story(a: &str, b: &str, kind: EntityKind) -> bool {
    let (before, after) = template(kind);
    let docs: Vec<Doc> = [a, b]
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let raw = RawDoc::new(
                &format!("d{i}"),
                Format::Text,
                &format!("{before}{name}{after}"),
            );
            Doc::new(triangulate::extract::extract(&raw))
        })
        .collect();
    let refs: Vec<&Doc> = docs.iter().collect();
    let entities = triangulate::entities::resolve(&refs, "p");
    // The entity holding a mention inside the name's bytes in document `i`.
    let owner = |i: usize, name: &str| {
        let text = docs[i].text();
        let start = text.find(name)?;
        let end = start + name.len();
        entities.iter().position(|e| {
            e.mentions
                .iter()
                .any(|m| m.document == docs[i].id() && m.start < end && m.end > start)
        })
    };
    matches!((owner(0, a), owner(1, b)), (Some(x), Some(y)) if x == y)
}

fn name_pairs(path: &std::path::Path, errors: usize, mode: PairMode) -> Result<()> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut groups: BTreeMap<String, Counts> = BTreeMap::new();
    let mut wrong: Vec<(bool, String)> = Vec::new();
    let mut n = 0;
    let start = Instant::now();
    for line in text.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let [a, b, same, kind, note] = f.as_slice() else {
            bail!("bad line: {line}");
        };
        let kind = match *kind {
            "person" => EntityKind::Person,
            "organization" => EntityKind::Organization,
            "place" => EntityKind::Place,
            k => bail!("unknown kind {k}"),
        };
        let gold = *same == "1";
        let said = match mode {
            PairMode::Keys => same_name(a, b, kind),
            PairMode::FullPath => merged_in_a_story(a, b, kind),
        };
        n += 1;
        let sc = match (script(a), script(b)) {
            ("latin", s) | (s, _) => s,
        };
        for g in [
            "all".to_string(),
            format!("kind {}", kind.as_str()),
            format!("script {sc}"),
        ] {
            groups.entry(g).or_default().add(gold, said);
        }
        if gold != said {
            wrong.push((gold, format!("{a} | {b} | {} | {note}", kind.as_str())));
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let how = match mode {
        PairMode::Keys => "keys",
        PairMode::FullPath => "full path: extract, detect, resolve",
    };
    println!(
        "## Name pairs, {how} ({n} pairs, {:.0} pairs/s)\n",
        n as f64 / secs
    );
    println!("| group | pairs | same | P | R | F1 | false merges | missed |");
    println!("|---|---|---|---|---|---|---|---|");
    let mut keys: Vec<&String> = groups.keys().collect();
    keys.sort_by_key(|k| (*k != "all", (*k).clone()));
    for k in keys {
        let c = groups[k];
        let (p, r, f) = c.prf();
        println!(
            "| {k} | {} | {} | {p:.3} | {r:.3} | {f:.3} | {} | {} |",
            c.tp + c.fp + c.fneg + c.tn,
            c.tp + c.fneg,
            c.fp,
            c.fneg
        );
    }
    if errors > 0 {
        for (gold, label) in [(false, "false merges"), (true, "missed")] {
            println!("\n{label}:");
            for (_, w) in wrong.iter().filter(|(g, _)| *g == gold).take(errors) {
                println!("  {w}");
            }
        }
    }
    println!();
    Ok(())
}

// ---------------------------------------------------------------- NER

/// One CoNLL document rebuilt as text, with token byte spans and gold entities.
struct ConllDoc {
    text: String,
    /// (byte start, byte end) per token, over the whole document.
    tokens: Vec<(usize, usize)>,
    /// (first token, last token, type).
    gold: Vec<(usize, usize, String)>,
}

fn no_space_before(t: &str) -> bool {
    matches!(
        t,
        "," | "." | ":" | ";" | ")" | "]" | "?" | "!" | "%" | "'s" | "'" | "n't"
    )
}

fn read_conll(path: &std::path::Path) -> Result<Vec<ConllDoc>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut docs: Vec<ConllDoc> = Vec::new();
    let mut sentence: Vec<(String, String)> = Vec::new();
    let mut cur = ConllDoc {
        text: String::new(),
        tokens: Vec::new(),
        gold: Vec::new(),
    };
    let flush_sentence = |cur: &mut ConllDoc, sentence: &mut Vec<(String, String)>| {
        if sentence.is_empty() {
            return;
        }
        if !cur.text.is_empty() {
            cur.text.push_str("\n\n");
        }
        let mut open: Option<(usize, String)> = None;
        for (i, (tok, tag)) in sentence.iter().enumerate() {
            let prev_open = i > 0 && matches!(sentence[i - 1].0.as_str(), "(" | "[");
            if i > 0 && !no_space_before(tok) && !prev_open {
                cur.text.push(' ');
            }
            let s = cur.text.len();
            cur.text.push_str(tok);
            let idx = cur.tokens.len();
            cur.tokens.push((s, cur.text.len()));
            // IOB1/IOB2 chunks.
            let (b, ty) = match tag.split_once('-') {
                Some((b, ty)) => (b, ty.to_string()),
                None => ("O", String::new()),
            };
            let continues = matches!(&open, Some((_, t)) if *t == ty) && b == "I";
            if !continues {
                if let Some((st, t)) = open.take() {
                    cur.gold.push((st, idx - 1, t));
                }
                if b != "O" {
                    open = Some((idx, ty));
                }
            }
        }
        if let Some((st, t)) = open.take() {
            cur.gold.push((st, cur.tokens.len() - 1, t));
        }
        sentence.clear();
    };
    for line in text.lines() {
        let line = line.trim_end();
        if line.starts_with("-DOCSTART-") {
            flush_sentence(&mut cur, &mut sentence);
            if !cur.tokens.is_empty() {
                docs.push(std::mem::replace(
                    &mut cur,
                    ConllDoc {
                        text: String::new(),
                        tokens: Vec::new(),
                        gold: Vec::new(),
                    },
                ));
            }
            continue;
        }
        if line.is_empty() {
            flush_sentence(&mut cur, &mut sentence);
            continue;
        }
        let f: Vec<&str> = line.split(' ').collect();
        if let (Some(tok), Some(tag)) = (f.first(), f.last()) {
            sentence.push((tok.to_string(), tag.to_string()));
        }
    }
    flush_sentence(&mut cur, &mut sentence);
    if !cur.tokens.is_empty() {
        docs.push(cur);
    }
    Ok(docs)
}

/// Tokens covered by a byte span: first and last token overlapping it.
fn span_tokens(tokens: &[(usize, usize)], s: usize, e: usize) -> Option<(usize, usize)> {
    let first = tokens.iter().position(|&(ts, te)| te > s && ts < e)?;
    let last = tokens.iter().rposition(|&(ts, te)| te > s && ts < e)?;
    Some((first, last))
}

fn our_type(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "PER",
        EntityKind::Organization => "ORG",
        EntityKind::Place => "LOC",
        _ => "MISC",
    }
}

fn spacy_type(label: &str) -> Option<&'static str> {
    match label {
        "PERSON" | "PER" => Some("PER"),
        "ORG" => Some("ORG"),
        "GPE" | "LOC" | "FAC" => Some("LOC"),
        "NORP" | "EVENT" | "WORK_OF_ART" | "LAW" | "LANGUAGE" | "PRODUCT" | "MISC" => Some("MISC"),
        _ => None,
    }
}

type Pred = Vec<Vec<(usize, usize, String)>>;

struct NerRow {
    name: String,
    per_type: BTreeMap<String, (usize, usize, usize)>,
    words_per_sec: Option<f64>,
}

fn score(name: &str, docs: &[ConllDoc], pred: &Pred, wps: Option<f64>) -> NerRow {
    let mut per_type: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for (d, p) in docs.iter().zip(pred) {
        let mut gold: Vec<_> = d.gold.clone();
        let mut p = p.clone();
        gold.sort();
        gold.dedup();
        p.sort();
        p.dedup();
        for g in &gold {
            let e = per_type.entry(g.2.clone()).or_default();
            if p.binary_search(g).is_ok() {
                e.0 += 1;
            } else {
                e.2 += 1;
            }
        }
        for x in &p {
            if gold.binary_search(x).is_err() {
                per_type.entry(x.2.clone()).or_default().1 += 1;
            }
        }
    }
    NerRow {
        name: name.to_string(),
        per_type,
        words_per_sec: wps,
    }
}

fn ner(conll: &std::path::Path, dump: Option<&std::path::Path>, peers: &[PathBuf]) -> Result<()> {
    let docs = read_conll(conll)?;
    let words: usize = docs.iter().map(|d| d.tokens.len()).sum();
    if let Some(path) = dump {
        let v: Vec<Value> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| json!({"id": i, "text": d.text}))
            .collect();
        std::fs::write(path, serde_json::to_string(&v)?)?;
    }
    // Ours: the articles are built outside the timing; the timing covers the text layer
    // (sentences, tokens) and detection.
    let articles: Vec<triangulate::extract::Article> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let raw = triangulate::ingest::RawDoc::new(
                &format!("conll-{i}"),
                triangulate::ingest::Format::Text,
                "x",
            );
            let mut a = triangulate::extract::extract(&raw);
            a.text = d.text.clone();
            a
        })
        .collect();
    let start = Instant::now();
    let mentions: Vec<Vec<triangulate::entities::Mention>> = articles
        .into_iter()
        .map(|a| RuleDetector.detect(&triangulate::text::Doc::new(a)))
        .collect();
    let secs = start.elapsed().as_secs_f64();
    let ours: Pred = docs
        .iter()
        .zip(&mentions)
        .map(|(d, ms)| {
            ms.iter()
                .filter(|m| m.form != Form::Role)
                .filter_map(|m| {
                    let (a, b) = span_tokens(&d.tokens, m.span.start, m.span.end)?;
                    Some((a, b, our_type(m.kind).to_string()))
                })
                .collect()
        })
        .collect();
    let mut rows = vec![score(
        "triangulate RuleDetector",
        &docs,
        &ours,
        Some(words as f64 / secs),
    )];
    for p in peers {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(p)?)?;
        let name = v["name"].as_str().unwrap_or("peer").to_string();
        let seconds = v["seconds"].as_f64();
        let pdocs = v["docs"].as_array().context("peer json needs docs")?;
        if pdocs.len() != docs.len() {
            bail!("peer has {} documents, CoNLL {}", pdocs.len(), docs.len());
        }
        let pred: Pred = docs
            .iter()
            .zip(pdocs)
            .map(|(d, ents)| {
                // Character offsets → byte offsets.
                let bytes: Vec<usize> = d
                    .text
                    .char_indices()
                    .map(|(b, _)| b)
                    .chain(std::iter::once(d.text.len()))
                    .collect();
                ents.as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|e| {
                        let s = *bytes.get(e[0].as_u64()? as usize)?;
                        let en = *bytes.get(e[1].as_u64()? as usize)?;
                        let ty = spacy_type(e[2].as_str()?)?;
                        let (a, b) = span_tokens(&d.tokens, s, en)?;
                        Some((a, b, ty.to_string()))
                    })
                    .collect()
            })
            .collect();
        rows.push(score(
            &name,
            &docs,
            &pred,
            seconds.map(|s| words as f64 / s),
        ));
    }
    let gold_n: usize = docs.iter().map(|d| d.gold.len()).sum();
    println!(
        "## NER on {} ({} documents, {words} words, {gold_n} gold entities; exact span and type)\n",
        conll.file_name().and_then(|s| s.to_str()).unwrap_or("?"),
        docs.len()
    );
    println!("| system | type | P | R | F1 | words/s |");
    println!("|---|---|---|---|---|---|");
    for r in &rows {
        let (mut tp, mut fp, mut fneg) = (0, 0, 0);
        for (t, &(a, b, c)) in &r.per_type {
            if !["PER", "ORG", "LOC", "MISC"].contains(&t.as_str()) {
                continue;
            }
            tp += a;
            fp += b;
            fneg += c;
        }
        let (p, rc, f) = prf(tp, fp, fneg);
        let wps = r
            .words_per_sec
            .map_or("–".to_string(), |w| format!("{w:.0}"));
        println!("| {} | all | {p:.3} | {rc:.3} | {f:.3} | {wps} |", r.name);
        for t in ["PER", "ORG", "LOC", "MISC"] {
            let &(a, b, c) = r.per_type.get(t).unwrap_or(&(0, 0, 0));
            let (p, rc, f) = prf(a, b, c);
            println!("| {} | {t} | {p:.3} | {rc:.3} | {f:.3} | |", r.name);
        }
    }
    Ok(())
}
