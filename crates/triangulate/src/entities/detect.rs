//! Mention detection: the [`MentionDetector`] trait and its rule-based default,
//! [`RuleDetector`], which reads capitalisation, acronyms, titles and gazetteers.

use std::collections::BTreeSet;

use crate::model::{EntityKind, Span};
use crate::text::{Doc, Token};

use super::gazetteer as gz;

/// How a mention names its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Form {
    /// A proper name ("Muhammad Baqeri", "Dushanbe").
    Name,
    /// An acronym ("IRNA", "IS-K").
    Acronym,
    /// A role phrase standing for a person ("the Tajik defense minister").
    Role,
}

/// One mention found in one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Span in the document's clean text; slicing it gives the surface string.
    pub span: Span,
    /// Folded words of the name (connectors dropped); for a role, its role words.
    pub words: Vec<String>,
    /// Kind guessed from the mention alone.
    pub kind: EntityKind,
    /// True when the kind rests on strong evidence (gazetteer, title, head word).
    pub certain: bool,
    /// Titles and ranks stripped from the name, as written.
    pub roles: Vec<String>,
    /// Name, acronym or role phrase.
    pub form: Form,
    /// For an acronym written as "Full Name (ACR)": index of the full-name mention.
    pub expands: Option<usize>,
}

/// Finds entity mentions in one document.
pub trait MentionDetector {
    /// Mentions of `doc`, in text order.
    fn detect(&self, doc: &Doc) -> Vec<Mention>;
}

/// The default detector: capitalised runs, acronyms, titles and gazetteers.
#[derive(Clone, Copy, Debug, Default)]
pub struct RuleDetector;

impl MentionDetector for RuleDetector {
    fn detect(&self, doc: &Doc) -> Vec<Mention> {
        let ctx = Context::new(doc);
        let mut out: Vec<Mention> = Vec::new();
        for s in 0..doc.layer.sentences.len() {
            let toks = doc.layer.sentence_tokens(s);
            for run in runs(&ctx, toks) {
                process_run(&ctx, toks, &run, &mut out);
            }
            lowercase_roles(&ctx, toks, &mut out);
        }
        out.sort_by_key(|m| (m.span.start, m.span.end));
        out.dedup_by_key(|m| m.span);
        link_acronyms(ctx.text, &mut out);
        out
    }
}

/// What the rules need to know about a whole document.
struct Context<'a> {
    text: &'a str,
    /// Folded words seen in lower case (common words, not names).
    lower: BTreeSet<String>,
    /// Folded words seen capitalised away from a sentence start.
    inner_caps: BTreeSet<String>,
    /// Token ranges of quoted headlines ("Iran Drone Deal Aims for …").
    headlines: Vec<Span>,
}

impl<'a> Context<'a> {
    fn new(doc: &'a Doc) -> Self {
        let text = doc.text();
        let mut lower = BTreeSet::new();
        let mut inner_caps = BTreeSet::new();
        for s in 0..doc.layer.sentences.len() {
            let toks = doc.layer.sentence_tokens(s);
            // Whether the capitalised run around token i began at a clause start.
            let mut run_at_start = false;
            for (i, t) in toks.iter().enumerate() {
                if !t.capitalized {
                    lower.insert(bare(&t.folded).to_string());
                    continue;
                }
                if i == 0 || !toks[i - 1].capitalized {
                    run_at_start = starts_clause(text, toks, i);
                }
                if !run_at_start {
                    inner_caps.insert(bare(&t.folded).to_string());
                }
            }
        }
        let headlines = crate::text::quoted_regions(text)
            .into_iter()
            .filter(|q| is_title_case(doc, *q))
            .collect();
        Context {
            text,
            lower,
            inner_caps,
            headlines,
        }
    }

    fn surface(&self, t: &Token) -> &'a str {
        strip_possessive(t.span.slice(self.text))
    }

    fn in_headline(&self, t: &Token) -> bool {
        self.headlines.iter().any(|h| h.contains(t.span))
    }
}

/// A quoted stretch written in title case: a headline, not a name.
fn is_title_case(doc: &Doc, q: Span) -> bool {
    let words: Vec<&Token> = doc
        .layer
        .tokens
        .iter()
        .filter(|t| q.contains(t.span) && !gz::is_connector(&t.folded) && t.folded.len() > 2)
        .collect();
    let caps = words.iter().filter(|t| t.capitalized).count();
    words.len() >= 4 && caps * 10 >= words.len() * 7
}

/// The folded word without a possessive ending.
fn bare(folded: &str) -> &str {
    folded.strip_suffix("'s").unwrap_or(folded)
}

fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .unwrap_or(s)
}

fn is_possessive(t: &Token) -> bool {
    t.folded.ends_with("'s")
}

/// True when token `i` opens a sentence, a quotation or a clause after a colon.
fn starts_clause(text: &str, toks: &[Token], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let gap = text
        .get(toks[i - 1].span.end..toks[i].span.start)
        .unwrap_or("");
    gap.contains(['“', '"', ':', '‘', '\n']) || gap.contains(" - ") || gap.contains("--")
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit())
}

/// Roman numerals used in model names (II … XII).
pub(crate) fn roman_value(s: &str) -> Option<u32> {
    const R: &[&str] = &[
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
    ];
    R.iter()
        .position(|r| *r == s)
        .and_then(|p| u32::try_from(p + 1).ok())
}

fn is_all_caps(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && s.chars().all(|c| !c.is_lowercase())
}

/// A run of tokens that may form one name, with the text between them.
#[derive(Debug)]
struct Run {
    /// Indices into the sentence's tokens.
    idx: Vec<usize>,
    /// Whether the number after a space was joined ("Ababil 2").
    spaced_number: bool,
}

/// Gap between two tokens that may join a name: whitespace, a hyphen, or the full stop of
/// an abbreviated title ("Maj. Gen.").
fn joinable_gap(gap: &str, prev: &Token) -> Option<GapKind> {
    if gap == "-" || gap == "‑" {
        return Some(GapKind::Hyphen);
    }
    // One space (or a space and a no-break space): wider gaps separate list items.
    let is_space = |g: &str| {
        !g.is_empty() && g.chars().count() <= 2 && g.chars().all(|c| c == ' ' || c == '\u{a0}')
    };
    if is_space(gap) {
        return Some(GapKind::Space);
    }
    let abbrev = prev.folded.len() <= 5 && gz::is_title_head(&prev.folded);
    // A middle initial: "Lyndon B. Johnson", "George H. W. Bush".
    let initial = prev.capitalized && prev.folded.chars().count() == 1;
    ((abbrev || initial) && gap.starts_with('.') && is_space(&gap[1..])).then_some(GapKind::Space)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum GapKind {
    Space,
    Hyphen,
}

/// True for a token that can be part of a name on its own merit.
fn is_name_token(ctx: &Context, toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    if !t.capitalized || gz::is_calendar(bare(&t.folded)) {
        return false;
    }
    if ctx.in_headline(t) {
        // Inside a quoted headline only gazetteer names count.
        let f = bare(&t.folded);
        return gz::place(f).is_some() || gz::is_known_org(f);
    }
    true
}

/// Splits a sentence's tokens into candidate runs.
fn runs(ctx: &Context, toks: &[Token]) -> Vec<Run> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !is_name_token(ctx, toks, i) {
            i += 1;
            continue;
        }
        let (run, next) = extend_run(ctx, toks, i);
        out.push(run);
        i = next;
    }
    out
}

/// Grows a run from token `start`; returns it and the index after it.
fn extend_run(ctx: &Context, toks: &[Token], start: usize) -> (Run, usize) {
    let mut run = Run {
        idx: vec![start],
        spaced_number: false,
    };
    let mut j = start;
    if after_lower_hyphen(ctx, toks, start) {
        // "anti-Taliban National Resistance Front": the prefixed word stands alone.
        return (run, start + 1);
    }
    while j + 1 < toks.len() && !ctx.in_headline(&toks[j]) {
        // "Prosecutor General’s Office" is one name; "Iran’s Armed Forces" is two.
        let org_next = toks
            .get(j + 1)
            .is_some_and(|n| n.capitalized && gz::is_org_word(&n.folded));
        if is_possessive(&toks[j]) && !org_next {
            break;
        }
        let gap = ctx
            .text
            .get(toks[j].span.end..toks[j + 1].span.start)
            .unwrap_or("");
        let Some(kind) = joinable_gap(gap, &toks[j]) else {
            break;
        };
        let next = &toks[j + 1];
        let numeric = is_number(&next.folded) || roman_value(&next.folded).is_some();
        if is_name_token(ctx, toks, j + 1) {
            j += 1;
        } else if kind == GapKind::Hyphen && numeric {
            // A model number ends the name: "F-35 Stealth bomber", "Ababil-2 UAVs".
            run.idx.push(j + 1);
            j += 1;
            break;
        } else if kind == GapKind::Space && is_number(&next.folded) && !run.spaced_number {
            run.spaced_number = true;
            run.idx.push(j + 1);
            j += 1;
            break;
        } else if kind == GapKind::Space && gz::is_connector(&next.folded) {
            match connector_bridge(ctx, toks, j + 1) {
                Some(k) => {
                    run.idx.extend(j + 1..k);
                    j = k;
                }
                None => break,
            }
        } else {
            break;
        }
        run.idx.push(j);
    }
    (run, j + 1)
}

/// True when token `i` is glued by a hyphen to a lower-case word before it ("anti-Taliban").
fn after_lower_hyphen(ctx: &Context, toks: &[Token], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| toks.get(p)) else {
        return false;
    };
    let gap = ctx
        .text
        .get(prev.span.end..toks[i].span.start)
        .unwrap_or("");
    gap == "-" && !prev.capitalized
}

/// From a connector at `i`, the index of the capitalised token after one or two
/// connectors ("of the Republic"), if there is one.
fn connector_bridge(ctx: &Context, toks: &[Token], i: usize) -> Option<usize> {
    let mut k = i;
    while k < toks.len() && k < i + 2 && gz::is_connector(&toks[k].folded) {
        let gap = ctx
            .text
            .get(toks[k].span.end..toks.get(k + 1)?.span.start)?;
        joinable_gap(gap, &toks[k])?;
        k += 1;
    }
    (k < toks.len() && is_name_token(ctx, toks, k) && k > i).then_some(k)
}

/// Turns one run into mentions: trims it, splits coordinated names, strips titles,
/// classifies the rest.
fn process_run(ctx: &Context, toks: &[Token], run: &Run, out: &mut Vec<Mention>) {
    let mut idx = run.idx.clone();
    trim_sentence_start(ctx, toks, &mut idx);
    trim_edges(ctx, toks, &mut idx);
    if idx.is_empty() {
        return;
    }
    for part in split_coordination(toks, &idx) {
        name_with_titles(ctx, toks, &part, run.spaced_number, out);
    }
}

/// Drops sentence-initial words unless they are known names or seen capitalised elsewhere;
/// after a dropped word the next one is judged the same way ("All Content by …").
fn trim_sentence_start(ctx: &Context, toks: &[Token], idx: &mut Vec<usize>) {
    let mut at_start = idx
        .first()
        .is_some_and(|&i| starts_clause(ctx.text, toks, i));
    while let Some(&first) = idx.first() {
        let t = &toks[first];
        let f = bare(&t.folded);
        let caps = is_all_caps(ctx.surface(t));
        if gz::is_non_name(f) && !caps {
            idx.remove(0);
            at_start = true;
            continue;
        }
        if !at_start {
            return;
        }
        let known = gz::place(f).is_some()
            || gz::is_known_org(f)
            || gz::is_title_head(f)
            || gz::is_demonym(f)
            || ctx.inner_caps.contains(f);
        let before_of = idx
            .get(1)
            .is_some_and(|&i| toks[i].folded == "of" && !gz::is_org_word(f));
        let common = ctx.lower.contains(f) || f.ends_with("ing") || f.ends_with("ly") || before_of;
        if known || caps || (idx.len() > 1 && !common) {
            return;
        }
        idx.remove(0);
    }
}

/// Removes connectors (and a capitalised "The") from both ends.
fn trim_edges(ctx: &Context, toks: &[Token], idx: &mut Vec<usize>) {
    let droppable = |i: usize, at_start: bool| {
        let t = &toks[i];
        let f = t.folded.as_str();
        (gz::is_connector(f) && (!t.capitalized || matches!(f, "the" | "of" | "and" | "for")))
            || (at_start
                && gz::is_non_name(f)
                && !ctx.inner_caps.contains(f)
                && !is_all_caps(ctx.surface(t)))
    };
    while idx.first().is_some_and(|&i| droppable(i, true)) {
        idx.remove(0);
    }
    while idx.last().is_some_and(|&i| droppable(i, false)) {
        idx.pop();
    }
}

/// Splits "Iran and Tajikistan" in two, but keeps "National Water and Power Authority".
fn split_coordination(toks: &[Token], idx: &[usize]) -> Vec<Vec<usize>> {
    let head = idx.last().map(|&i| bare(&toks[i].folded)).unwrap_or("");
    let named_body = gz::is_org_word(head)
        || gz::is_law_word(head)
        || gz::is_event_word(head)
        || gz::is_place_word(head);
    // "Interior Ministry and the Prosecutor General’s Office": two bodies.
    let body_before_and = idx
        .windows(2)
        .any(|w| toks[w[1]].folded == "and" && gz::is_org_word(bare(&toks[w[0]].folded)));
    if named_body && !body_before_and {
        return vec![idx.to_vec()];
    }
    idx.split(|&i| toks[i].folded == "and")
        .filter(|p| !p.is_empty())
        .map(<[usize]>::to_vec)
        .collect()
}

/// Strips leading titles into roles, emits role complements as their own mentions, and
/// classifies the remaining name.
fn name_with_titles(
    ctx: &Context,
    toks: &[Token],
    idx: &[usize],
    spaced_number: bool,
    out: &mut Vec<Mention>,
) {
    let (roles, rest, complements) = strip_titles(ctx, toks, idx);
    for c in complements {
        classify(ctx, toks, &c, false, Vec::new(), out);
    }
    if rest.is_empty() {
        if !roles.is_empty() {
            role_only(ctx, toks, idx, out);
        }
        return;
    }
    let mut roles: Vec<String> = roles;
    let lower = lowercase_prefix_role(ctx, toks, idx[0]);
    let lower_role = lower.is_some();
    if let Some(r) = lower {
        roles.insert(0, r);
    }
    if let Some(r) = roles.first_mut().filter(|_| !lower_role) {
        if let Some(owner) = possessive_place_before(ctx, toks, idx[0]) {
            // "Iran’s Armed Forces Chief of Staff …": the country belongs to the title.
            *r = format!("{owner} {r}");
        }
    }
    let rest = strip_leading_demonyms(toks, &rest);
    classify(ctx, toks, &rest, spaced_number, roles, out);
}

/// "Iran’s" right before token `first`, as written.
fn possessive_place_before<'a>(ctx: &Context<'a>, toks: &[Token], first: usize) -> Option<&'a str> {
    let prev = toks.get(first.checked_sub(1)?)?;
    let gap = ctx.text.get(prev.span.end..toks[first].span.start)?;
    let place = gz::place(bare(&prev.folded)).is_some();
    (is_possessive(prev) && place && gap.trim().is_empty()).then(|| prev.span.slice(ctx.text))
}

/// "Iranian UAVs", "Shiite Iran", "Afghan Taliban": a leading demonym qualifies the name
/// and is not part of it, unless the name is a body ("Tajik Air Force").
fn strip_leading_demonyms(toks: &[Token], idx: &[usize]) -> Vec<usize> {
    let head = idx.last().map_or("", |&i| bare(&toks[i].folded));
    let body = gz::is_org_word(head) || gz::is_law_word(head) || gz::is_event_word(head);
    let words: Vec<&str> = idx.iter().map(|&i| bare(&toks[i].folded)).collect();
    if body || gz::place(&words.join(" ")).is_some() {
        return idx.to_vec();
    }
    let n = words
        .iter()
        .take_while(|w| gz::is_demonym(w) && gz::place(w).is_none())
        .count();
    // Only before a known name: "Islamic State-Khorasan" keeps its first word.
    let rest = words.get(n..).map(|r| r.join(" ")).unwrap_or_default();
    let known = gz::place(&rest).is_some()
        || gz::is_known_org(&rest)
        || gz::is_common_acronym(rest.trim_end_matches('s'));
    if n < idx.len() && known {
        idx[n..].to_vec()
    } else {
        idx.to_vec()
    }
}

/// Splits a run into title groups, complements ("of Tajikistan") and the name after them.
fn strip_titles(
    ctx: &Context,
    toks: &[Token],
    idx: &[usize],
) -> (Vec<String>, Vec<usize>, Vec<Vec<usize>>) {
    let mut roles = Vec::new();
    let mut complements = Vec::new();
    let mut pos = 0;
    if idx
        .last()
        .is_some_and(|&i| gz::is_org_word(bare(&toks[i].folded)))
    {
        // "Prosecutor General’s Office", "Defense Ministry": a body, not a titled person.
        return (roles, idx.to_vec(), complements);
    }
    while pos < idx.len() {
        let Some(end) = title_group_end(toks, idx, pos) else {
            break;
        };
        let mut group_end = end;
        if let Some((c, after)) = complement(toks, idx, end) {
            complements.push(c);
            group_end = after;
        }
        roles.push(role_text(ctx, toks, idx[pos], idx[group_end - 1]));
        pos = group_end;
    }
    if roles.is_empty() {
        return (roles, idx.to_vec(), complements);
    }
    (roles, idx[pos..].to_vec(), complements)
}

/// End (exclusive, in `idx` positions) of a title group starting at `pos`: modifiers and
/// demonyms followed by a title head or a multi-word title.
fn title_group_end(toks: &[Token], idx: &[usize], pos: usize) -> Option<usize> {
    let word = |p: usize| idx.get(p).map(|&i| bare(&toks[i].folded));
    let mut p = pos;
    while word(p)
        .is_some_and(|w| (gz::is_title_modifier(w) || gz::is_demonym(w)) && !gz::is_title_head(w))
    {
        p += 1;
    }
    let mut found = false;
    loop {
        if let Some(len) = multi_title_at(toks, idx, p) {
            p += len;
        } else if word(p).is_some_and(|w| gz::is_title_head(w) && w != "staff") {
            p += 1;
        } else {
            break;
        }
        found = true;
        // "Minister General X": a second title starts a new group.
        if word(p).is_some_and(|w| gz::is_title_head(w) || gz::is_title_modifier(w)) {
            break;
        }
    }
    found.then_some(p)
}

fn multi_title_at(toks: &[Token], idx: &[usize], p: usize) -> Option<usize> {
    gz::multi_titles()
        .iter()
        .filter(|m| {
            m.iter()
                .enumerate()
                .all(|(k, w)| idx.get(p + k).is_some_and(|&i| bare(&toks[i].folded) == *w))
        })
        .map(|m| m.len())
        .max()
}

/// "of (the) X …" after a title, up to a known place or an organisation head word,
/// repeated for chains ("of the State Security Committee of the Republic of Tajikistan").
fn complement(toks: &[Token], idx: &[usize], start: usize) -> Option<(Vec<usize>, usize)> {
    let mut p = start;
    let mut last_end = None;
    while idx.get(p).is_some_and(|&i| toks[i].folded == "of") {
        let mut q = p + 1;
        while idx.get(q).is_some_and(|&i| toks[i].folded == "the") {
            q += 1;
        }
        let body_start = q;
        let mut end = None;
        while let Some(&i) = idx.get(q) {
            let w = bare(&toks[i].folded);
            q += 1;
            let span_words: Vec<&str> = idx[body_start..q]
                .iter()
                .map(|&k| bare(&toks[k].folded))
                .collect();
            if gz::place(&span_words.join(" ")).is_some() || gz::is_org_word(w) {
                end = Some(q);
                break;
            }
        }
        let Some(e) = end else { break };
        last_end = Some(e);
        p = e;
    }
    let e = last_end?;
    let mut body: Vec<usize> = idx[start + 1..e].to_vec();
    while body.first().is_some_and(|&i| toks[i].folded == "the") {
        body.remove(0);
    }
    Some((body, e))
}

/// Text of a title, with the full stop of a trailing abbreviation ("Maj. Gen.").
fn role_text(ctx: &Context, toks: &[Token], first: usize, last: usize) -> String {
    let mut end = toks[last].span.end;
    if ctx.text[end..].starts_with('.') && toks[last].folded.len() <= 4 {
        end += 1;
    }
    normalise_space(&ctx.text[toks[first].span.start..end])
}

fn normalise_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Role words written in lower case just before a name ("Tajik defense minister").
fn lowercase_prefix_role(ctx: &Context, toks: &[Token], first: usize) -> Option<String> {
    let mut k = first;
    let mut has_head = false;
    while k > 0 {
        let t = &toks[k - 1];
        let gap = ctx.text.get(t.span.end..toks[k].span.start).unwrap_or("");
        let w = bare(&t.folded);
        let ok_word = if k == first {
            gz::is_title_head(w) && !t.capitalized
        } else {
            gz::is_title_head(w) || gz::is_title_modifier(w) || gz::is_demonym(w) || w == "of"
        };
        if !ok_word || !gap.chars().all(char::is_whitespace) || is_possessive(t) {
            break;
        }
        has_head |= gz::is_title_head(w);
        k -= 1;
    }
    while k < first && toks[k].folded == "of" {
        k += 1;
    }
    (has_head && k < first).then(|| {
        let end = toks[first - 1].span.end;
        normalise_space(&ctx.text[toks[k].span.start..end])
    })
}

/// A capitalised run made only of titles ("the Tajik Defense Minister").
fn role_only(ctx: &Context, toks: &[Token], idx: &[usize], out: &mut Vec<Mention>) {
    let (Some(&first), Some(&last)) = (idx.first(), idx.last()) else {
        return;
    };
    // "X, Chairman of …": an apposition adds a role to the person just named.
    if let Some(prev) = out.last_mut() {
        let gap = ctx.text.get(prev.span.end..toks[first].span.start);
        if prev.kind == EntityKind::Person && gap.is_some_and(|g| g.trim() == ",") {
            prev.roles.push(role_text(ctx, toks, first, last));
            return;
        }
    }
    let start = determiner_before(ctx, toks, first);
    let Some(start) = start else { return };
    out.push(Mention {
        span: Span::new(start, toks[last].span.end),
        words: idx
            .iter()
            .map(|&i| bare(&toks[i].folded).to_string())
            .collect(),
        kind: EntityKind::Person,
        certain: false,
        roles: vec![role_text(ctx, toks, first, last)],
        form: Form::Role,
        expands: None,
    });
}

/// Start of "the" right before token `first`, when there is one.
fn determiner_before(ctx: &Context, toks: &[Token], first: usize) -> Option<usize> {
    let prev = toks.get(first.checked_sub(1)?)?;
    let gap = ctx.text.get(prev.span.end..toks[first].span.start)?;
    (prev.folded == "the" && gap.chars().all(char::is_whitespace)).then_some(prev.span.start)
}

/// Lower-case role phrases standing for a person: "the interior minister", "the
/// Tajik defense minister".
fn lowercase_roles(ctx: &Context, toks: &[Token], out: &mut Vec<Mention>) {
    for (i, t) in toks.iter().enumerate() {
        let w = bare(&t.folded);
        if t.capitalized || !is_role_mention_head(w) {
            continue;
        }
        let next_is_name = toks
            .get(i + 1)
            .is_some_and(|n| n.capitalized && ctx.text[t.span.end..n.span.start].trim().is_empty());
        // "the commander and staff of …", "the minister of …" name no one in particular.
        let generic = toks
            .get(i + 1)
            .is_some_and(|n| matches!(n.folded.as_str(), "of" | "and" | "or"));
        if next_is_name || generic {
            continue;
        }
        let mut k = i;
        while k > 0 {
            let p = bare(&toks[k - 1].folded);
            let gap = &ctx.text[toks[k - 1].span.end..toks[k].span.start];
            let part = gz::is_title_modifier(p) || gz::is_demonym(p) || p == "top";
            if !part || !gap.chars().all(char::is_whitespace) || is_possessive(&toks[k - 1]) {
                break;
            }
            k -= 1;
        }
        let Some(start) = determiner_before(ctx, toks, k) else {
            continue;
        };
        out.push(Mention {
            span: Span::new(start, ctx.surface_end(t)),
            words: toks[k..=i]
                .iter()
                .map(|t| bare(&t.folded).to_string())
                .collect(),
            kind: EntityKind::Person,
            certain: false,
            roles: Vec::new(),
            form: Form::Role,
            expands: None,
        });
    }
}

impl Context<'_> {
    /// End of a token without its possessive ending.
    fn surface_end(&self, t: &Token) -> usize {
        t.span.start + self.surface(t).len()
    }
}

/// Heads of role phrases that refer to one person.
fn is_role_mention_head(w: &str) -> bool {
    matches!(
        w,
        "minister"
            | "president"
            | "general"
            | "chairman"
            | "commander"
            | "premier"
            | "governor"
            | "mayor"
            | "ambassador"
            | "engineer"
            | "spokesman"
            | "spokeswoman"
    )
}

/// Classifies a name (titles already stripped) and pushes its mention.
fn classify(
    ctx: &Context,
    toks: &[Token],
    idx: &[usize],
    spaced_number: bool,
    roles: Vec<String>,
    out: &mut Vec<Mention>,
) {
    let mut idx = idx.to_vec();
    let mut product = has_hyphen_number(ctx, toks, &idx);
    if spaced_number && idx.len() >= 2 {
        let base = idx
            .len()
            .checked_sub(2)
            .map_or("", |p| bare(&toks[idx[p]].folded));
        let short = idx.last().is_some_and(|&i| toks[i].folded.len() <= 2);
        let dated = idx
            .last()
            .and_then(|&i| toks.get(i + 1))
            .is_some_and(|n| gz::is_calendar(&n.folded));
        let plausible = short && !dated && !looks_like_month(base) && !gz::is_org_word(base);
        if product_context(toks, &idx) || plausible {
            product = true;
        } else {
            idx.pop();
        }
    }
    let (Some(&first), Some(&last)) = (idx.first(), idx.last()) else {
        return;
    };
    let words: Vec<String> = idx
        .iter()
        .map(|&i| bare(&toks[i].folded).to_string())
        .collect();
    if skip_name(ctx, toks, &idx, &words, &roles) {
        return;
    }
    let surface = &ctx.text[toks[first].span.start..ctx.surface_end(&toks[last])];
    let acronym = roles.is_empty()
        && !product
        && !is_dateline(ctx, toks, &idx)
        && is_acronym(ctx, surface, &words);
    let (kind, certain) = if product {
        (EntityKind::Product, true)
    } else {
        kind_of(ctx, toks, &idx, &words, &roles, acronym)
    };
    out.push(Mention {
        span: Span::new(toks[first].span.start, ctx.surface_end(&toks[last])),
        words: words
            .into_iter()
            .filter(|w| !matches!(w.as_str(), "of" | "the" | "and" | "for" | "on"))
            .collect(),
        kind,
        certain,
        roles,
        form: if acronym { Form::Acronym } else { Form::Name },
        expands: None,
    });
}

/// Names that are not entities: demonyms, kicker labels ("WATCH:"), date typos ("Nay 17").
fn skip_name(
    ctx: &Context,
    toks: &[Token],
    idx: &[usize],
    words: &[String],
    roles: &[String],
) -> bool {
    let Some(head) = words.last() else {
        return true;
    };
    let joined = words.join(" ");
    let compass = |w: &String| matches!(w.as_str(), "east" | "west" | "north" | "south");
    if words.iter().all(compass) || gz::is_common_acronym(joined.trim_end_matches('s')) {
        return true;
    }
    if gz::is_demonym(head) && gz::place(&joined).is_none() && roles.is_empty() {
        return true;
    }
    let last = idx.last().map(|&i| &toks[i]);
    let after = last.and_then(|t| ctx.text.get(t.span.end..)).unwrap_or("");
    if words.len() == 1 && is_all_caps(ctx.text_of(toks, idx)) && after.starts_with(':') {
        return true;
    }
    let next_is_day = idx
        .last()
        .and_then(|&i| toks.get(i + 1))
        .is_some_and(|n| n.folded.len() <= 2 && is_number(&n.folded));
    words.len() == 1 && next_is_day && looks_like_month(head)
}

impl Context<'_> {
    fn text_of(&self, toks: &[Token], idx: &[usize]) -> &str {
        match (idx.first(), idx.last()) {
            (Some(&a), Some(&b)) => self
                .text
                .get(toks[a].span.start..toks[b].span.end)
                .unwrap_or(""),
            _ => "",
        }
    }
}

/// Within one edit of a month name ("Nay", "Mach").
fn looks_like_month(w: &str) -> bool {
    [
        "january", "february", "march", "april", "may", "june", "july", "august",
    ]
    .iter()
    .chain(["september", "october", "november", "december"].iter())
    .any(|m| super::keys::edit_distance(w, m) <= 1)
}

fn has_hyphen_number(ctx: &Context, toks: &[Token], idx: &[usize]) -> bool {
    idx.windows(2).any(|w| {
        let gap = ctx.text.get(toks[w[0]].span.end..toks[w[1]].span.start);
        let f = &toks[w[1]].folded;
        let numeric = f.bytes().all(|b| b.is_ascii_digit()) || roman_value(f).is_some();
        gap.is_some_and(|g| g == "-" || g == "‑") && numeric
    })
}

/// A product noun within a few words after "Name 2" ("Ababil 2, an all-Iranian UAV").
fn product_context(toks: &[Token], idx: &[usize]) -> bool {
    let Some(&last) = idx.last() else {
        return false;
    };
    toks.iter()
        .skip(last + 1)
        .take(5)
        .any(|t| gz::is_product_noun(bare(&t.folded)))
}

fn is_acronym(ctx: &Context, surface: &str, words: &[String]) -> bool {
    let letters: String = surface.chars().filter(|c| c.is_alphabetic()).collect();
    let n = letters.chars().count();
    let joined = words.join("");
    is_all_caps(surface)
        && (2..=6).contains(&n)
        && !gz::is_common_acronym(&joined)
        && !gz::is_common_acronym(joined.trim_end_matches('s'))
        && (gz::place(&words.join(" ")).is_none())
        && !(n > 3 && ctx.lower.contains(&joined))
}

/// Kind from gazetteers, titles and head words.
fn kind_of(
    ctx: &Context,
    toks: &[Token],
    idx: &[usize],
    words: &[String],
    roles: &[String],
    acronym: bool,
) -> (EntityKind, bool) {
    let joined = words.join(" ");
    if gz::place(&joined).is_some() {
        return (EntityKind::Place, true);
    }
    if gz::is_known_org(&joined) {
        return (EntityKind::Organization, true);
    }
    if !roles.is_empty() {
        return (EntityKind::Person, true);
    }
    if is_dateline(ctx, toks, idx) {
        return (EntityKind::Place, true);
    }
    let head_pos = words.iter().position(|w| w == "of").unwrap_or(words.len());
    let head = head_pos
        .checked_sub(1)
        .and_then(|p| words.get(p))
        .map_or("", String::as_str);
    let first = words.first().map_or("", String::as_str);
    if gz::is_org_word(head) || matches!(first, "radio" | "bank" | "university") {
        return (EntityKind::Organization, true);
    }
    let next = idx.last().and_then(|&i| toks.get(i + 1));
    let place_after = next.is_some_and(|n| !n.capitalized && gz::is_place_word(&n.folded));
    if gz::is_place_word(head) || gz::is_place_prefix(first) || place_after {
        return (EntityKind::Place, true);
    }
    if gz::is_law_word(head) {
        return (EntityKind::Law, true);
    }
    if gz::is_event_word(head) {
        return (EntityKind::Event, true);
    }
    if acronym {
        return (EntityKind::Organization, false);
    }
    let has_place = words.iter().any(|w| gz::place(w).is_some());
    if (2..=4).contains(&words.len()) && !has_place && !words.iter().any(|w| w.contains('.')) {
        return (EntityKind::Person, false);
    }
    (EntityKind::Other, false)
}

/// An all-caps name opening a paragraph before a dash or comma: a dateline place
/// ("VELIN --", "KESH, Tarvania --").
fn is_dateline(ctx: &Context, toks: &[Token], idx: &[usize]) -> bool {
    let (Some(&a), Some(&b)) = (idx.first(), idx.last()) else {
        return false;
    };
    let start = toks[a].span.start;
    let para_start = start == 0 || ctx.text[..start].ends_with('\n');
    let after = ctx.text[toks[b].span.end..].trim_start();
    para_start
        && is_all_caps(ctx.text_of(toks, idx))
        && (after.starts_with(['-', '–', '—', ',']) || after.starts_with('('))
}

/// Marks acronyms written right after their expansion: "Full Name (ACR)".
fn link_acronyms(text: &str, out: &mut [Mention]) {
    for k in 1..out.len() {
        if out[k].form != Form::Acronym {
            continue;
        }
        let (prev, cur) = (&out[k - 1], &out[k]);
        let gap = text.get(prev.span.end..cur.span.start).unwrap_or("");
        if gap.trim() != "(" || prev.form != Form::Name || prev.words.len() < 2 {
            continue;
        }
        let acr = text.get(cur.span.start..cur.span.end).unwrap_or("");
        let first_acr = acr.chars().next().map(|c| c.to_lowercase().to_string());
        let first_name = prev.words.first().and_then(|w| w.chars().next());
        if first_acr.is_some_and(|a| first_name.is_some_and(|n| a.starts_with(n))) {
            out[k].expands = Some(k - 1);
        }
    }
}
