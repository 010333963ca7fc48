//! Resolution: groups the mentions of a story into identities.
//!
//! Order matters and goes from strong to weak evidence: full person names (by sound and
//! first name), other multi-word names and gazetteer names (by key), acronyms (by their
//! written expansion, then by initials), single words (surnames in the same document, then
//! in the story, then keys), and last role phrases (by the roles seen on people).

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{DocSpan, EntityKind};
use crate::text::Doc;

use super::detect::{Form, Mention};
use super::gazetteer as gz;
use super::keys::name_key;
use super::keys::{same_other, same_person, surname_of};
use super::{Entity, RankStatement};

/// One mention with the index of its document.
struct Item<'a> {
    doc: usize,
    m: &'a Mention,
}

/// Mentions and the clusters they have been put in so far.
struct Grouping<'a> {
    items: Vec<Item<'a>>,
    cluster_of: Vec<Option<usize>>,
    clusters: Vec<Vec<usize>>,
    /// Clusters of full person names.
    persons: Vec<usize>,
    /// Name key → cluster.
    by_key: BTreeMap<String, usize>,
}

impl<'a> Grouping<'a> {
    fn join(&mut self, item: usize, cluster: usize) {
        self.cluster_of[item] = Some(cluster);
        if let Some(c) = self.clusters.get_mut(cluster) {
            c.push(item);
        }
    }

    fn new_cluster(&mut self, item: usize) -> usize {
        let c = self.clusters.len();
        self.clusters.push(Vec::new());
        self.join(item, c);
        c
    }

    fn members(&self, cluster: usize) -> impl Iterator<Item = &Item<'a>> + '_ {
        self.clusters
            .get(cluster)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.items.get(i))
    }

    /// Joins the cluster of `key`, or opens one and records the key.
    fn join_key(&mut self, item: usize, key: String) {
        match self.by_key.get(&key) {
            Some(&c) => self.join(item, c),
            None => {
                let c = self.new_cluster(item);
                self.by_key.insert(key, c);
            }
        }
    }
}

/// Groups the detected mentions (`mentions[i]` belongs to `docs[i]`) into entities.
pub(super) fn group(docs: &[&Doc], mentions: &[Vec<Mention>], id_prefix: &str) -> Vec<Entity> {
    let items: Vec<Item> = mentions
        .iter()
        .enumerate()
        .flat_map(|(doc, ms)| ms.iter().map(move |m| Item { doc, m }))
        .collect();
    let mut g = Grouping {
        cluster_of: vec![None; items.len()],
        items,
        clusters: Vec::new(),
        persons: Vec::new(),
        by_key: BTreeMap::new(),
    };
    full_person_names(&mut g);
    keyed_names(&mut g);
    acronyms(&mut g, mentions);
    single_words(&mut g);
    role_phrases(&mut g);
    entities(&g, docs, id_prefix)
}

fn is_full_person(m: &Mention) -> bool {
    m.form == Form::Name && m.kind == EntityKind::Person && m.words.len() >= 2
}

/// Full person names: one cluster per identity, a name joining a cluster only when it is
/// compatible with every spelling already in it (so chains cannot drift).
fn full_person_names(g: &mut Grouping) {
    let mut order: Vec<usize> = (0..g.items.len())
        .filter(|&i| is_full_person(g.items[i].m))
        .collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(g.items[i].m.words.len()), i));
    for i in order {
        let words = &g.items[i].m.words;
        let found = g.persons.iter().copied().find(|&c| {
            g.members(c)
                .filter(|it| is_full_person(it.m))
                .all(|it| same_person(&it.m.words, words))
        });
        match found {
            Some(c) => g.join(i, c),
            None => {
                let c = g.new_cluster(i);
                g.persons.push(c);
            }
        }
    }
}

/// Key of a name: a gazetteer place's canonical name, else its ASCII words.
fn key_of(m: &Mention) -> String {
    let joined = m.words.join(" ");
    match gz::place(&joined) {
        Some(p) => p.to_string(),
        None => name_key(&m.words),
    }
}

/// Multi-word names that are not people, and gazetteer names of any length.
fn keyed_names(g: &mut Grouping) {
    for i in 0..g.items.len() {
        let m = g.items[i].m;
        let joined = m.words.join(" ");
        let gazetteer = gz::place(&joined).is_some() || gz::is_known_org(&joined);
        if g.cluster_of[i].is_some() || m.form != Form::Name {
            continue;
        }
        if m.words.len() >= 2 || gazetteer {
            let key = key_of(m);
            if key.is_empty() {
                continue;
            }
            if !g.by_key.contains_key(&key) {
                if let Some(c) = spelling_owner(g, i) {
                    g.join(i, c);
                    continue;
                }
            }
            g.join_key(i, key);
        }
    }
}

/// The first keyed cluster with a name spelt like this one ("Kharkov" / "Kharkiv",
/// "Hizbullah" / "Hezbollah"), by [`same_other`].
fn spelling_owner(g: &Grouping, i: usize) -> Option<usize> {
    let m = g.items[i].m;
    let mut clusters: Vec<usize> = g.by_key.values().copied().collect();
    clusters.sort_unstable();
    clusters.into_iter().find(|&c| {
        g.members(c).any(|o| {
            o.m.form == Form::Name
                && o.m.kind != EntityKind::Person
                && same_other(&o.m.words, &m.words)
        })
    })
}

/// Letters of an acronym, lower case ("IS-K" → "isk").
fn letters(m: &Mention) -> String {
    m.words
        .concat()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Initials of a name, connectors skipped ("National Water and Power Authority" → "nwpa").
fn initials(m: &Mention) -> String {
    m.words
        .iter()
        .flat_map(|w| w.split('-'))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Acronyms join the name written before them in parentheses anywhere in the story, else
/// the one multi-word name whose initials they spell, else their own entity.
fn acronyms(g: &mut Grouping, mentions: &[Vec<Mention>]) {
    let mut expansion: BTreeMap<String, usize> = BTreeMap::new();
    let mut offsets = Vec::with_capacity(mentions.len());
    let mut total = 0;
    for ms in mentions {
        offsets.push(total);
        total += ms.len();
    }
    for i in 0..g.items.len() {
        let it = &g.items[i];
        let Some(e) = it.m.expands else { continue };
        let target = offsets.get(it.doc).map(|o| o + e);
        if let Some(c) = target.and_then(|t| g.cluster_of.get(t).copied().flatten()) {
            expansion.entry(letters(it.m)).or_insert(c);
        }
    }
    for i in 0..g.items.len() {
        let m = g.items[i].m;
        if g.cluster_of[i].is_some() || m.form != Form::Acronym {
            continue;
        }
        let l = letters(m);
        if let Some(&c) = expansion.get(&l) {
            g.join(i, c);
        } else if let Some(c) = unique_initials(g, &l) {
            g.join(i, c);
        } else if let Some(&c) = g.by_key.get(&key_of(m)) {
            g.join(i, c);
        } else {
            g.join_key(i, format!("acronym:{l}"));
        }
    }
}

/// The one non-person cluster whose multi-word names have these initials.
fn unique_initials(g: &Grouping, l: &str) -> Option<usize> {
    let found: BTreeSet<usize> = (0..g.items.len())
        .filter(|&i| {
            let m = g.items[i].m;
            m.form == Form::Name
                && m.kind != EntityKind::Person
                && m.words.len() >= 2
                && initials(m) == l
        })
        .filter_map(|i| g.cluster_of[i])
        .collect();
    (found.len() == 1)
        .then(|| found.into_iter().next())
        .flatten()
}

/// Single-word names: surname of a person named in full in the same document (the only
/// one, or the nearest before it), else in the story (the only one); first word of a
/// multi-word place ("Koshar" for "Koshar Dam"); else their own key.
fn single_words(g: &mut Grouping) {
    for i in 0..g.items.len() {
        let m = g.items[i].m;
        if g.cluster_of[i].is_some() || m.form != Form::Name || m.words.len() != 1 {
            continue;
        }
        match surname_owner(g, i) {
            Owner::One(c) => g.join(i, c),
            Owner::Ambiguous => {}
            Owner::None => match place_head_owner(g, i).or_else(|| tail_owner(g, i)) {
                Some(c) => g.join(i, c),
                None => {
                    let key = key_of(m);
                    // "تهران" / "Tehran", "Москва" / "Moscow": another spelling of a name
                    // already keyed, unless the key itself is known.
                    let owner = (!g.by_key.contains_key(&key))
                        .then(|| spelling_owner(g, i))
                        .flatten();
                    match owner {
                        Some(c) => g.join(i, c),
                        None => g.join_key(i, key),
                    }
                }
            },
        }
    }
}

enum Owner {
    One(usize),
    Ambiguous,
    None,
}

fn surname_owner(g: &Grouping, i: usize) -> Owner {
    let it = &g.items[i];
    let word = it.m.words.concat();
    // (cluster, start of the mention) for full names with this surname.
    let holders: Vec<(usize, usize, usize)> = g
        .persons
        .iter()
        .flat_map(|&c| g.members(c).map(move |m| (c, m)))
        .filter(|(_, m)| is_full_person(m.m))
        .filter(|(_, m)| surname_of(&word, &m.m.words))
        .map(|(c, m)| (c, m.doc, m.m.span.start))
        .collect();
    let here: BTreeSet<usize> = holders
        .iter()
        .filter(|h| h.1 == it.doc)
        .map(|h| h.0)
        .collect();
    let all: BTreeSet<usize> = holders.iter().map(|h| h.0).collect();
    match (here.len(), all.len()) {
        (1, _) => here.into_iter().next().map_or(Owner::None, Owner::One),
        (0, 1) => all.into_iter().next().map_or(Owner::None, Owner::One),
        (0, 0) => Owner::None,
        (0, _) => Owner::Ambiguous,
        _ => holders
            .iter()
            .filter(|h| h.1 == it.doc && h.2 < it.m.span.start)
            .max_by_key(|h| h.2)
            .map_or(Owner::Ambiguous, |h| Owner::One(h.0)),
    }
}

/// "Koshar" → the one place cluster named "Koshar Dam" / "Koshar River".
fn place_head_owner(g: &Grouping, i: usize) -> Option<usize> {
    let m = g.items[i].m;
    let word = m.words.first()?;
    if gz::place(word).is_some() {
        return None;
    }
    let found: BTreeSet<usize> = (0..g.items.len())
        .filter(|&k| {
            let o = g.items[k].m;
            o.kind == EntityKind::Place
                && o.words.len() == 2
                && o.words.first() == Some(word)
                && o.words.last().is_some_and(|h| gz::is_place_word(h))
        })
        .filter_map(|k| g.cluster_of[k])
        .collect();
    (found.len() == 1)
        .then(|| found.into_iter().next())
        .flatten()
}

/// "Herald" → the one "Northport Herald": a bare head word stands for the one body named
/// with it.
fn tail_owner(g: &Grouping, i: usize) -> Option<usize> {
    let word = g.items[i].m.words.first()?;
    if !(gz::is_org_word(word) || gz::is_event_word(word)) {
        return None;
    }
    let found: BTreeSet<usize> = (0..g.items.len())
        .filter(|&k| {
            let o = g.items[k].m;
            o.form == Form::Name && o.words.len() >= 2 && o.words.last() == Some(word)
        })
        .filter_map(|k| g.cluster_of[k])
        .collect();
    (found.len() == 1)
        .then(|| found.into_iter().next())
        .flatten()
}

/// Words of a role phrase that pick out the holder: heads, portfolios and nationality.
fn required_role_words(m: &Mention) -> Vec<String> {
    m.words
        .iter()
        .filter(|w| {
            !matches!(
                w.as_str(),
                "the" | "top" | "senior" | "military" | "former" | "acting"
            )
        })
        .map(|w| gz::nationality(w).to_string())
        .collect()
}

/// Role phrases join the one person whose titles include all their words.
fn role_phrases(g: &mut Grouping) {
    let role_words: Vec<(usize, BTreeSet<String>)> = g
        .persons
        .iter()
        .map(|&c| {
            let words = g
                .members(c)
                .flat_map(|it| it.m.roles.iter())
                .flat_map(|r| r.split(|ch: char| !ch.is_alphanumeric()))
                .filter(|w| !w.is_empty())
                .map(|w| gz::nationality(&crate::text::fold(w)).to_string())
                .collect();
            (c, words)
        })
        .collect();
    for i in 0..g.items.len() {
        let m = g.items[i].m;
        if g.cluster_of[i].is_some() || m.form != Form::Role {
            continue;
        }
        let need = required_role_words(m);
        let holders: Vec<usize> = role_words
            .iter()
            .filter(|(_, ws)| need.iter().all(|w| ws.contains(w)))
            .map(|(c, _)| *c)
            .collect();
        if let [c] = holders.as_slice() {
            g.join(i, *c);
        }
    }
}

/// Builds the output entities, sorted and numbered.
fn entities(g: &Grouping, docs: &[&Doc], id_prefix: &str) -> Vec<Entity> {
    let mut out: Vec<Entity> = (0..g.clusters.len())
        .filter_map(|c| entity(g, c, docs))
        .collect();
    out.sort_by(|a, b| {
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.mentions.cmp(&b.mentions))
    });
    for (n, e) in out.iter_mut().enumerate() {
        e.id = format!("{id_prefix}-e{}", n + 1);
    }
    out
}

fn entity(g: &Grouping, c: usize, docs: &[&Doc]) -> Option<Entity> {
    let members: Vec<&Item> = g.members(c).collect();
    let surface = |it: &Item| -> Option<String> {
        let d = docs.get(it.doc)?;
        d.text()
            .get(it.m.span.start..it.m.span.end)
            .map(str::to_string)
    };
    let mut mentions = Vec::new();
    let mut alias_mentions: BTreeMap<String, Vec<DocSpan>> = BTreeMap::new();
    let mut ranks: BTreeMap<&'static str, Vec<DocSpan>> = BTreeMap::new();
    let mut documents = BTreeSet::new();
    for it in &members {
        let (Some(d), Some(s)) = (docs.get(it.doc), surface(it)) else {
            continue;
        };
        let at = DocSpan::new(d.id(), it.m.span);
        for rank in it.m.roles.iter().filter_map(|r| gz::rank_of(r)) {
            ranks.entry(rank).or_default().push(at.clone());
        }
        mentions.push(at.clone());
        documents.insert(d.id().to_string());
        alias_mentions.entry(s).or_default().push(at);
    }
    mentions.sort();
    mentions.dedup();
    for list in alias_mentions.values_mut().chain(ranks.values_mut()) {
        list.sort();
        list.dedup();
    }
    let kind = kind(&members);
    let name = canonical_name(&members, kind, &surface)?;
    let rank_conflict = ranks
        .keys()
        .any(|a| ranks.keys().any(|b| gz::ranks_disagree(a, b)));
    Some(Entity {
        id: String::new(),
        name,
        kind,
        aliases: alias_mentions.keys().cloned().collect(),
        roles: roles(&members),
        documents: documents.into_iter().collect(),
        mentions,
        alias_mentions,
        ranks: ranks
            .into_iter()
            .map(|(rank, mentions)| RankStatement {
                rank: rank.to_string(),
                mentions,
            })
            .collect(),
        rank_conflict,
    })
}

/// Person if any mention is a person's name; else the most frequent well-founded kind.
fn kind(members: &[&Item]) -> EntityKind {
    let named: Vec<&Mention> = members
        .iter()
        .map(|it| it.m)
        .filter(|m| m.form != Form::Role)
        .collect();
    if named
        .iter()
        .any(|m| m.kind == EntityKind::Person && (m.certain || m.words.len() >= 2))
    {
        return EntityKind::Person;
    }
    let mut votes: BTreeMap<EntityKind, (usize, usize)> = BTreeMap::new();
    for m in &named {
        let v = votes.entry(m.kind).or_default();
        v.0 += usize::from(m.certain);
        v.1 += 1;
    }
    votes
        .into_iter()
        .max_by_key(|(k, v)| (*v, std::cmp::Reverse(*k)))
        .map_or(EntityKind::Person, |(k, _)| k)
}

/// The fullest frequent spelling: for people the one with most words, for others the most
/// frequent; acronyms and role phrases only when nothing else names it.
fn canonical_name(
    members: &[&Item],
    kind: EntityKind,
    surface: &dyn Fn(&Item) -> Option<String>,
) -> Option<String> {
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let best_form = members.iter().map(|it| it.m.form).min()?;
    for it in members.iter().filter(|it| it.m.form == best_form) {
        let Some(s) = surface(it) else { continue };
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        let e = counts.entry(s).or_insert((0, it.m.words.len()));
        e.0 += 1;
    }
    let score = |s: &str, (n, words): (usize, usize)| {
        let not_caps = s.chars().any(char::is_lowercase);
        if kind == EntityKind::Person {
            (not_caps, words, n, s.len())
        } else {
            (not_caps, n, words, s.len())
        }
    };
    counts
        .into_iter()
        .max_by(|a, b| {
            score(&a.0, a.1)
                .cmp(&score(&b.0, b.1))
                .then_with(|| b.0.cmp(&a.0))
        })
        .map(|(s, _)| s)
}

/// Roles of all mentions, one spelling per case-insensitive form.
fn roles(members: &[&Item]) -> Vec<String> {
    let mut by_fold: BTreeMap<String, String> = BTreeMap::new();
    for r in members.iter().flat_map(|it| it.m.roles.iter()) {
        let key = crate::text::fold(r).replace('.', "");
        let slot = by_fold.entry(key).or_insert_with(|| r.clone());
        if r < slot {
            *slot = r.clone();
        }
    }
    let mut out: Vec<String> = by_fold.into_values().collect();
    out.sort();
    out
}
