//! Speaker-attribution scoring on PolNeAR (Newell, Margolin, Ruths, LREC 2018).
//!
//! Gold: brat standoff files (`T<n>\t<Source|Cue|Content> <start> <end>[;<start> <end>…]\t…`,
//! `E<n>\tAttribution:T… Content:T… Cue:T… [Source:T…]`); offsets are **character**
//! offsets into the article's `.txt` (checked: every span text equals the `.txt` slice).
//!
//! Prediction: the article's `.txt` goes through the library's plain-text path
//! (`ingest::decode` → `extract::extract` → `text::Doc`, `entities::resolve`,
//! `statements::attributions`); every clean-text byte span is mapped back to the input
//! through the paragraphs' input spans (each kept paragraph is the input slice byte for
//! byte, which [`predict`] verifies) and then to character offsets.
//!
//! A partial quote inside reported speech is scored with its reported clause as content
//! (`Attribution::reported`: PolNeAR annotates the clause "that the flood was “no accident”", not the
//! quoted word); several partial quotes of one clause count once. A quoted passage that
//! continues the one before without an attribution of its own (`continuation`) is a further
//! content fragment of that attribution, as in PolNeAR.
//!
//! Matching is on word tokens (maximal runs of letters, digits and `_`):
//! - `exact`: the predicted content has the same tokens as the gold content;
//! - `overlap`: the predicted content covers at least half of the gold content's tokens.
//!
//! A prediction is correct when it matches some gold attribution; a gold attribution is
//! found when some prediction matches it. Its speaker is right when the gold attribution
//! has no Source and the prediction no speaker, or:
//! - `strict`: the speaker words written next to the content (the pronoun itself for "he
//!   said") overlap the gold Source span;
//! - `resolved`: the written words or the name they were resolved to (a pronoun's
//!   antecedent, a role's holder, the speaker carried from the quote before) overlap the
//!   gold Source span.

use std::sync::OnceLock;

use anyhow::{bail, Context, Result};
use regex::Regex;
use triangulate::model::Span;

/// Character range `[start, end)`.
pub type Chars = (usize, usize);

/// One gold attribution.
#[derive(Clone, Debug)]
pub struct Gold {
    /// Content fragments.
    pub content: Vec<Chars>,
    /// Source fragments (empty when the attribution has no source).
    pub source: Vec<Chars>,
    /// Cue fragments (the speech verb or phrase; empty when none was marked).
    pub cue: Vec<Chars>,
    /// The content contains a quotation mark: a direct (possibly partial) quote.
    pub quoted: bool,
    /// The source is a personal pronoun.
    pub pronoun_source: bool,
}

impl Gold {
    /// This attribution as another annotator's prediction, for inter-annotator agreement:
    /// the same content fragments, verbatim when quoted, and as speaker (strict and resolved
    /// alike: an annotator marks no antecedent) the source fragments from the first's start
    /// to the last's end, since a prediction has one speaker span (17 of PolNeAR's ~29,600
    /// sources have two fragments); the first cue fragment as cue.
    pub fn as_pred(&self) -> Pred {
        let speaker = self
            .source
            .first()
            .zip(self.source.last())
            .map(|(a, b)| (a.0, b.1));
        Pred {
            content: self.content.clone(),
            verbatim: self.quoted,
            speaker,
            resolved: speaker,
            cue: self.cue.first().copied(),
        }
    }
}

/// One predicted attribution, in character offsets of the input.
#[derive(Clone, Debug)]
pub struct Pred {
    /// Content fragments: a quote and its continuations ("“…,” he said. “…”").
    pub content: Vec<Chars>,
    pub verbatim: bool,
    pub speaker: Option<Chars>,
    pub resolved: Option<Chars>,
    /// The speech verb or phrase, when one was found.
    pub cue: Option<Chars>,
}

impl Pred {
    /// From the first fragment's start to the last one's end.
    pub fn hull(&self) -> Chars {
        let start = self.content.first().map_or(0, |c| c.0);
        (start, self.content.last().map_or(start, |c| c.1))
    }
}

/// Parses a brat `.ann` file of PolNeAR against its text.
pub fn parse_ann(ann: &str, text: &str) -> Result<Vec<Gold>> {
    let chars: Vec<char> = text.chars().collect();
    let mut spans: std::collections::BTreeMap<&str, (&str, Vec<Chars>)> = Default::default();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut f = line.splitn(3, '\t');
        let (Some(id), Some(body)) = (f.next(), f.next()) else {
            continue; // continuation of a multi-line span text, or a note
        };
        if id.starts_with('T') {
            let (kind, offsets) = body.split_once(' ').context("T line without offsets")?;
            let frags = offsets
                .split(';')
                .map(|p| {
                    let (a, b) = p.trim().split_once(' ').context("bad fragment")?;
                    Ok((a.parse()?, b.parse()?))
                })
                .collect::<Result<Vec<Chars>>>()?;
            if frags.iter().any(|&(a, b)| a > b || b > chars.len()) {
                bail!("{id}: span outside the text");
            }
            spans.insert(id, (kind, frags));
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    let mut out = Vec::new();
    for e in events {
        let mut gold = Gold {
            content: Vec::new(),
            source: Vec::new(),
            cue: Vec::new(),
            quoted: false,
            pronoun_source: false,
        };
        for arg in e.split_whitespace() {
            let Some((role, t)) = arg.split_once(':') else {
                continue;
            };
            let Some((_, frags)) = spans.get(t) else {
                bail!("{t} not defined");
            };
            match role.trim_end_matches(|c: char| c.is_ascii_digit()) {
                "Content" => gold.content.extend(frags),
                "Source" => gold.source.extend(frags),
                "Cue" => gold.cue.extend(frags),
                _ => {}
            }
        }
        if gold.content.is_empty() {
            continue;
        }
        gold.content.sort_unstable();
        let slice = |&(a, b): &Chars| chars[a..b].iter().collect::<String>();
        gold.quoted = gold
            .content
            .iter()
            .any(|c| slice(c).contains(['"', '“', '”']));
        let src: Vec<String> = gold.source.iter().map(slice).collect();
        gold.pronoun_source = src.len() == 1 && is_pronoun(&src[0]);
        out.push(gold);
    }
    Ok(out)
}

fn is_pronoun(s: &str) -> bool {
    matches!(
        s.trim().to_lowercase().as_str(),
        "he" | "she" | "they" | "i" | "we" | "you" | "it" | "his" | "her" | "their"
    )
}

/// Runs the library on one article's text; returns its attributions in character offsets
/// of `text`, and the number of input characters kept in the clean text. With `outer`,
/// a quote relayed through a channel ("…, according to the Las Vegas Sun") is also
/// predicted as the channel's attribution (`statements::Attribution::channel`), after all
/// the others.
pub fn predict(name: &str, text: &str, outer: bool) -> Result<(Vec<Pred>, usize)> {
    let (raw, _) = triangulate::ingest::decode(name, name, text.as_bytes())
        .map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    if raw.input != text {
        bail!("{name}: decoding changed the text");
    }
    let article = triangulate::extract::extract(&raw);
    let mut kept = 0;
    for p in &article.paragraphs {
        if p.text.slice(&article.text) != p.input.slice(text) {
            bail!("{name}: paragraph {:?} is not its input slice", p.text);
        }
        kept += p.input.slice(text).chars().count();
    }
    let doc = triangulate::text::Doc::new(article);
    let entities = triangulate::entities::resolve(&[&doc], "s");
    let char_at = char_index(text);
    let map = |s: Span| in_input_chars(&doc, &char_at, s);
    let mut preds: Vec<Pred> = Vec::new();
    // The outer source of each prediction, when its sentence names one apart from the speaker.
    let mut channels: Vec<Option<(Chars, Chars)>> = Vec::new();
    for a in triangulate::statements::attributions(&doc, &entities) {
        let Some(content) = map(a.reported.unwrap_or(a.content)) else {
            continue;
        };
        // A continuation is the next fragment of the quote before it; partial quotes of
        // one reported clause are one attribution.
        let last_quote = preds.iter_mut().rev().find(|p| p.verbatim);
        match last_quote {
            Some(p) if a.continuation && a.verbatim => p.content.push(content),
            Some(p) if a.reported.is_some() && p.content == [content] => {}
            _ => {
                preds.push(Pred {
                    content: vec![content],
                    verbatim: a.verbatim,
                    speaker: a.speaker.and_then(map),
                    resolved: a.resolved.and_then(map),
                    cue: a.cue.and_then(map),
                });
                channels.push(a.channel.and_then(|c| Some((map(c.source)?, map(c.cue)?))));
            }
        }
    }
    // "“…,” O’Malley said, according to the Las Vegas Sun" holds two attributions: the
    // speaker's, and the channel's around it (PolNeAR annotates the outer one).
    if outer {
        let outer: Vec<Pred> = preds
            .iter()
            .zip(&channels)
            .filter_map(|(p, c)| {
                c.map(|(source, cue)| Pred {
                    speaker: Some(source),
                    resolved: Some(source),
                    cue: Some(cue),
                    ..p.clone()
                })
            })
            .collect();
        preds.extend(outer);
    }
    Ok((preds, kept))
}

/// A span of a document's clean text as character offsets into the input it was read from.
fn in_input_chars(
    doc: &triangulate::text::Doc,
    char_at: &impl Fn(usize) -> usize,
    s: Span,
) -> Option<Chars> {
    let p = doc.article.paragraphs.iter().find(|p| p.text.contains(s))?;
    let a = p.input.start + (s.start - p.text.start);
    let b = p.input.start + (s.end - p.text.start);
    Some((char_at(a), char_at(b)))
}

/// One quote's speaker options (`statements::speaker_choices`) in character offsets.
#[derive(Clone, Debug)]
pub struct Choice {
    /// The content as scored: the reported clause of a partial quote, else the quote.
    pub content: Chars,
    /// Each option's speaker words (`None`: no speaker) and features; the first is the
    /// rule cascade's choice.
    pub options: Vec<(Option<Chars>, Vec<String>)>,
}

/// The quoted gold attribution whose content a choice's content matches (overlap).
pub fn matched_gold<'g>(text: &str, gold: &'g [Gold], choice: &Choice) -> Option<&'g Gold> {
    let pred = Pred {
        content: vec![choice.content],
        verbatim: true,
        speaker: None,
        resolved: None,
        cue: None,
    };
    gold.iter()
        .filter(|g| g.quoted)
        .find(|g| content_matches(text, &pred, g, Match::Overlap))
}

/// Runs the library on one article and returns the speaker options of its quotes.
pub fn choices(name: &str, text: &str) -> Result<Vec<Choice>> {
    let (raw, _) = triangulate::ingest::decode(name, name, text.as_bytes())
        .map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    let doc = triangulate::text::Doc::new(triangulate::extract::extract(&raw));
    let entities = triangulate::entities::resolve(&[&doc], "s");
    let char_at = char_index(text);
    let map = |s: Span| in_input_chars(&doc, &char_at, s);
    Ok(triangulate::statements::speaker_choices(&doc, &entities)
        .into_iter()
        .filter_map(|c| {
            Some(Choice {
                content: map(c.reported.unwrap_or(c.content))?,
                options: c
                    .options
                    .into_iter()
                    .map(|(s, f)| (s.and_then(map), f))
                    .collect(),
            })
        })
        .collect())
}

/// Which options of a choice name the speaker of the quoted gold attribution its content
/// matches (overlap): those overlapping the gold Source, or "no speaker" when the gold has
/// none. `None` when no quoted gold attribution matches.
pub fn right_options(text: &str, gold: &[Gold], choice: &Choice) -> Option<Vec<bool>> {
    let g = matched_gold(text, gold, choice)?;
    Some(
        choice
            .options
            .iter()
            .map(|(s, _)| match s {
                None => g.source.is_empty(),
                Some(s) => g.source.iter().any(|&r| overlaps(*s, r)),
            })
            .collect(),
    )
}

/// Articles of one split directory: (name, text, gold), one annotation file per article
/// (the first annotator's, in name order, when several annotated it).
pub fn load_split(dir: &std::path::Path) -> Result<Vec<(String, String, Vec<Gold>)>> {
    let mut out = Vec::new();
    for (name, anns) in annotation_files(dir)? {
        let text = std::fs::read_to_string(dir.join("text").join(format!("{name}.txt")))?;
        let gold = read_ann(&anns[0], &text)?;
        out.push((name, text, gold));
    }
    Ok(out)
}

/// Articles of one split directory that two or more annotators annotated: (name, text,
/// each annotation file's annotator and attributions, in file-name order). The first is the
/// gold [`load_split`] keeps.
pub fn load_annotators(dir: &std::path::Path) -> Result<Vec<Annotations>> {
    let mut out = Vec::new();
    for (name, anns) in annotation_files(dir)? {
        if anns.len() < 2 {
            continue;
        }
        let text = std::fs::read_to_string(dir.join("text").join(format!("{name}.txt")))?;
        let by = anns
            .iter()
            .map(|ann| {
                let stem = ann.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
                let annotator = stem.rsplit_once('_').map_or("", |(_, b)| b).to_string();
                Ok((annotator, read_ann(ann, &text)?))
            })
            .collect::<Result<_>>()?;
        out.push((name, text, by));
    }
    Ok(out)
}

/// One article's annotations by several annotators: (name, text, (annotator, gold) each).
pub type Annotations = (String, String, Vec<(String, Vec<Gold>)>);

/// The `.ann` files of a split directory grouped by article (`NAME_ANNOTATOR.ann`), articles
/// and files in name order.
fn annotation_files(dir: &std::path::Path) -> Result<Vec<(String, Vec<std::path::PathBuf>)>> {
    use std::path::PathBuf;
    let mut anns: Vec<PathBuf> = std::fs::read_dir(dir.join("attributions"))
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    let mut out: Vec<(String, Vec<PathBuf>)> = Vec::new();
    for ann in anns {
        let stem = ann.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let name = stem.rsplit_once('_').map_or(stem, |(a, _)| a).to_string();
        match out.last_mut() {
            Some((n, files)) if *n == name => files.push(ann),
            _ => out.push((name, vec![ann])),
        }
    }
    Ok(out)
}

/// Parses one `.ann` file against its article's text.
fn read_ann(ann: &std::path::Path, text: &str) -> Result<Vec<Gold>> {
    parse_ann(&std::fs::read_to_string(ann)?, text).with_context(|| ann.display().to_string())
}

/// Byte offset → character offset of `text` (on char boundaries).
fn char_index(text: &str) -> impl Fn(usize) -> usize + '_ {
    let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    move |b| starts.partition_point(|&s| s < b)
}

/// Word tokens of a text, as character ranges.
pub fn tokens(text: &str) -> Vec<Chars> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(r"[\p{L}\p{N}_]+").expect("token regex"));
    let char_at = char_index(text);
    re.find_iter(text)
        .map(|m| (char_at(m.start()), char_at(m.end())))
        .collect()
}

/// Indices of the tokens inside any of `ranges`.
fn token_ids(tokens: &[Chars], ranges: &[Chars]) -> Vec<usize> {
    tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| ranges.iter().any(|r| r.0 <= t.0 && t.1 <= r.1))
        .map(|(i, _)| i)
        .collect()
}

fn overlaps(a: Chars, b: Chars) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Which gold attributions and which predictions a score counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subset {
    /// Every gold attribution; every prediction.
    All,
    /// Gold attributions whose content contains a quotation mark; verbatim predictions.
    Quoted,
}

/// How a predicted content must match a gold content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    Exact,
    Overlap,
}

/// How a speaker is judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpeakerRule {
    Strict,
    Resolved,
}

/// Counts of one (subset, match, speaker rule) cell, summed over articles.
#[derive(Clone, Copy, Debug, Default)]
pub struct Tally {
    pub pred: usize,
    pub pred_ok: usize,
    pub pred_speaker_ok: usize,
    pub gold: usize,
    pub gold_found: usize,
    pub gold_speaker_ok: usize,
}

impl Tally {
    /// Adds one article's counts.
    pub fn add(
        &mut self,
        text: &str,
        gold: &[Gold],
        preds: &[Pred],
        cell: (Subset, Match, SpeakerRule),
    ) {
        let (subset, how, rule) = cell;
        let toks = tokens(text);
        let gold: Vec<&Gold> = gold
            .iter()
            .filter(|g| subset == Subset::All || g.quoted)
            .collect();
        let preds: Vec<&Pred> = preds
            .iter()
            .filter(|p| subset == Subset::All || p.verbatim)
            .collect();
        let gold_ids: Vec<Vec<usize>> = gold.iter().map(|g| token_ids(&toks, &g.content)).collect();
        let pred_ids: Vec<Vec<usize>> =
            preds.iter().map(|p| token_ids(&toks, &p.content)).collect();
        let matches = |pi: usize, gi: usize| content_match(&pred_ids[pi], &gold_ids[gi], how);
        let speaker_ok = |pi: usize, gi: usize| speaker_matches(preds[pi], gold[gi], rule);
        self.pred += preds.len();
        self.gold += gold.len();
        for pi in 0..preds.len() {
            let hits: Vec<usize> = (0..gold.len()).filter(|&gi| matches(pi, gi)).collect();
            self.pred_ok += usize::from(!hits.is_empty());
            self.pred_speaker_ok += usize::from(hits.iter().any(|&gi| speaker_ok(pi, gi)));
        }
        for gi in 0..gold.len() {
            let hits: Vec<usize> = (0..preds.len()).filter(|&pi| matches(pi, gi)).collect();
            self.gold_found += usize::from(!hits.is_empty());
            self.gold_speaker_ok += usize::from(hits.iter().any(|&pi| speaker_ok(pi, gi)));
        }
    }

    /// Precision, recall, F1 of content spans.
    pub fn content(&self) -> (f64, f64, f64) {
        prf(self.pred_ok, self.pred, self.gold_found, self.gold)
    }

    /// Precision, recall, F1 of content spans with the right speaker.
    pub fn speaker(&self) -> (f64, f64, f64) {
        prf(
            self.pred_speaker_ok,
            self.pred,
            self.gold_speaker_ok,
            self.gold,
        )
    }

    /// Share of found gold attributions whose speaker is right.
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.gold_speaker_ok, self.gold_found)
    }
}

/// Sums counts, so per-article tallies can be pooled (or resampled, for a bootstrap).
impl std::ops::AddAssign for Tally {
    fn add_assign(&mut self, o: Tally) {
        self.pred += o.pred;
        self.pred_ok += o.pred_ok;
        self.pred_speaker_ok += o.pred_speaker_ok;
        self.gold += o.gold;
        self.gold_found += o.gold_found;
        self.gold_speaker_ok += o.gold_speaker_ok;
    }
}

/// Whether a prediction's content matches a gold attribution's (`how`), on the word tokens
/// of `text`.
pub fn content_matches(text: &str, pred: &Pred, gold: &Gold, how: Match) -> bool {
    let toks = tokens(text);
    content_match(
        &token_ids(&toks, &pred.content),
        &token_ids(&toks, &gold.content),
        how,
    )
}

fn content_match(pred: &[usize], gold: &[usize], how: Match) -> bool {
    if pred.is_empty() || gold.is_empty() {
        return false;
    }
    match how {
        Match::Exact => pred == gold,
        Match::Overlap => {
            let shared = gold
                .iter()
                .filter(|t| pred.binary_search(t).is_ok())
                .count();
            shared * 2 >= gold.len()
        }
    }
}

/// Whether a prediction names a gold attribution's speaker (`rule`); a gold attribution
/// without Source wants no speaker.
pub fn speaker_matches(p: &Pred, g: &Gold, rule: SpeakerRule) -> bool {
    if g.source.is_empty() {
        return p.speaker.is_none();
    }
    let hit = |s: Option<Chars>| s.is_some_and(|s| g.source.iter().any(|&r| overlaps(s, r)));
    hit(p.speaker) || (rule == SpeakerRule::Resolved && hit(p.resolved))
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn prf(p_ok: usize, p_all: usize, r_ok: usize, r_all: usize) -> (f64, f64, f64) {
    let (p, r) = (ratio(p_ok, p_all), ratio(r_ok, r_all));
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// Source-span scores under BBC Citron's evaluation protocol (`citron/metrics.py` of
/// github.com/bbc/citron, the script behind its published "Source Spans exact match F1
/// 82.0", measured on PARC 3.0 test, Wall Street Journal text), applied to PolNeAR:
///
/// - gold: attributions with a Source, a Cue and a Content whose cue is not inside quotation
///   marks (Citron's `parc_extractor.py` filter), each source fragment cut at its first comma
///   or opening bracket (its `trim_from_comma_onwards` and `trim_bracketed_suffix`);
/// - **exact**: a prediction is a true positive when its cue overlaps the cue of some gold
///   attribution whose source has exactly the prediction's speaker words (compared as word
///   tokens, so punctuation and spacing are ignored: Citron compares spaCy token indices);
///   otherwise a false positive. A gold attribution that no prediction so matches is a false
///   negative. P = tp / (tp + fp), R = tp / (tp + fn), as Citron computes them;
/// - **overlap**: summed over every (prediction, gold) pair of the article, the word tokens
///   shared by the two source spans; P = shared / predicted source tokens, R = shared / gold
///   source tokens.
///
/// Predictions need not name a speaker: one without is a false positive (exact) and adds no
/// tokens (overlap).
#[derive(Clone, Copy, Debug, Default)]
pub struct CitronTally {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub gold: usize,
    pub pred: usize,
    pub overlap: usize,
    pub pred_tokens: usize,
    pub gold_tokens: usize,
}

impl CitronTally {
    /// Adds one article's counts, for the attributions of `subset`.
    pub fn add(&mut self, text: &str, gold: &[Gold], preds: &[Pred], subset: Subset) {
        let toks = tokens(text);
        let in_quotes = inside_quotation_marks(text);
        let gold: Vec<(&Gold, Vec<usize>)> = gold
            .iter()
            .filter(|g| subset == Subset::All || g.quoted)
            .filter(|g| !g.source.is_empty() && !g.cue.is_empty())
            .filter(|g| {
                !g.cue
                    .iter()
                    .any(|&(a, b)| in_quotes(a) || in_quotes(b.saturating_sub(1)))
            })
            .map(|g| (g, token_ids(&toks, &citron_sources(text, &g.source))))
            .collect();
        let preds: Vec<(&Pred, Vec<usize>)> = preds
            .iter()
            .filter(|p| subset == Subset::All || p.verbatim)
            .map(|p| (p, token_ids(&toks, &Vec::from_iter(p.speaker))))
            .collect();
        let matches = |(p, ps): &(&Pred, Vec<usize>), (g, gs): &(&Gold, Vec<usize>)| {
            let cue_overlaps = p
                .cue
                .is_some_and(|c| g.cue.iter().any(|&k| c.0 <= k.1 && c.1 > k.0));
            cue_overlaps && !ps.is_empty() && ps == gs
        };
        self.gold += gold.len();
        self.pred += preds.len();
        for p in &preds {
            if gold.iter().any(|g| matches(p, g)) {
                self.tp += 1;
            } else {
                self.fp += 1;
            }
            self.pred_tokens += p.1.len();
            for g in &gold {
                self.overlap += p.1.iter().filter(|t| g.1.binary_search(t).is_ok()).count();
            }
        }
        for g in &gold {
            self.fn_ += usize::from(!preds.iter().any(|p| matches(p, g)));
            self.gold_tokens += g.1.len();
        }
    }

    /// Precision, recall, F1 of source spans, exact match (Citron's formulas).
    pub fn exact(&self) -> (f64, f64, f64) {
        prf(self.tp, self.tp + self.fp, self.tp, self.tp + self.fn_)
    }

    /// Precision, recall, F1 of source tokens, overlap metric.
    pub fn overlap(&self) -> (f64, f64, f64) {
        prf(
            self.overlap,
            self.pred_tokens,
            self.overlap,
            self.gold_tokens,
        )
    }
}

/// Gold source fragments as Citron normalises PARC's: each cut at its first comma or
/// opening bracket.
fn citron_sources(text: &str, source: &[Chars]) -> Vec<Chars> {
    let chars: Vec<char> = text.chars().collect();
    source
        .iter()
        .map(|&(a, b)| {
            let cut = chars[a..b]
                .iter()
                .position(|&c| c == ',' || c == '(')
                .map_or(b, |i| a + i);
            (a, cut)
        })
        .collect()
}

/// Whether the character at an index stands inside quotation marks (“ opens, ” closes, a
/// straight mark toggles), as Citron's `get_inside_quotation_marks_labels` marks tokens.
fn inside_quotation_marks(text: &str) -> impl Fn(usize) -> bool {
    let mut inside = false;
    let mut marks = Vec::new();
    for c in text.chars() {
        match c {
            '“' => inside = true,
            '”' => inside = false,
            '"' => inside = !inside,
            _ => {}
        }
        marks.push(inside);
    }
    move |i| marks.get(i).copied().unwrap_or(false)
}
