//! The merged postings of all groups and their encoded shards, kept
//! between rebuilds and patched: when only a few groups changed (by key or
//! place), their old postings are taken out of each token's list and the
//! new ones put in, and only the shards holding those tokens are encoded
//! again. A group changed in place (same first id) is compared token by
//! token, so that an added paragraph dirties the shards of its own tokens
//! only. Otherwise, or on a first build, everything is merged anew. Both
//! ways give the same lists (sorted by entry id), so the files are equal
//! to a clean build's; `tests/incremental.rs` checks it.

use super::encode::{shard_key, shard_key_of};
use super::{Group, Postings, Shard};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

/// A postings shard larger than this is split by three characters.
const SPLIT_BYTES: usize = 200_000;

/// A group in place: its key, its first id, the group.
pub type Placed = (u64, usize, Arc<Group>);

/// A token's postings and their encoded form (empty until encoded, and
/// again when the postings change): a shard encoded again re-encodes only
/// its tokens that changed.
#[derive(Debug, Default, Clone, PartialEq)]
struct Posted {
    list: Postings,
    part: String,
}

/// The site's postings and their encoded shards.
#[derive(Debug, Default)]
pub struct Index {
    layout: Vec<Placed>,
    /// Token → (entry id, weight), sorted by id, with its encoded form;
    /// tokens in order, so that the tokens of a shard are found by their
    /// prefix.
    postings: BTreeMap<String, Posted>,
    /// Shard key → the prefixes (a token's first two characters) whose
    /// tokens it holds. May name prefixes left without tokens.
    prefixes: HashMap<String, BTreeSet<String>>,
    /// Encoded shards by shard key.
    pub shards: BTreeMap<String, Arc<Shard>>,
}

impl Index {
    /// How many distinct tokens the index holds.
    pub fn terms(&self) -> usize {
        self.postings.len()
    }

    /// The index of `layout`, patched from `last` when that is cheaper.
    pub fn update(last: Option<Index>, layout: Vec<Placed>) -> Index {
        match last {
            Some(last) => last.patch(layout),
            None => Index::merge(layout),
        }
    }

    /// Merges every group's postings anew and encodes every shard.
    fn merge(layout: Vec<Placed>) -> Index {
        // Each worker merges a contiguous run of groups; runs are merged in
        // order, so every list stays sorted by entry id.
        let borrowed: HashMap<&str, Postings> = layout
            .par_iter()
            .fold(
                HashMap::new,
                |mut m: HashMap<&str, Postings>, (_, start, g)| {
                    for (t, list) in &g.postings {
                        let ids = list.iter().map(|&(id, w)| (id + *start as u32, w));
                        m.entry(t.as_str()).or_default().extend(ids);
                    }
                    m
                },
            )
            .reduce(HashMap::new, |mut left, right| {
                for (t, mut list) in right {
                    left.entry(t).or_default().append(&mut list);
                }
                left
            });
        let postings: BTreeMap<String, Posted> = borrowed
            .into_iter()
            .map(|(t, list)| {
                let posted = Posted {
                    list,
                    part: String::new(),
                };
                (t.to_string(), posted)
            })
            .collect();
        let mut index = Index {
            postings,
            ..Index::default()
        };
        let terms: Vec<String> = index.postings.keys().cloned().collect();
        for t in &terms {
            index.note_prefix(t);
        }
        let all: BTreeSet<String> = index.prefixes.keys().cloned().collect();
        index.encode(&all);
        index.layout = layout;
        index
    }

    /// Takes out the groups that left (or moved) and puts in the ones that
    /// came; merges anew when that is most of them.
    fn patch(mut self, layout: Vec<Placed>) -> Index {
        let old = std::mem::take(&mut self.layout);
        let Some((gone, came)) = changes(&old, &layout) else {
            return Index::merge(layout);
        };
        // A group that came where one left is the same document edited:
        // only its tokens whose postings differ change.
        let came_at: HashMap<usize, &Placed> = came.iter().map(|p| (p.1, *p)).collect();
        let (edited, gone): (Vec<&Placed>, Vec<&Placed>) =
            gone.into_iter().partition(|p| came_at.contains_key(&p.1));
        let mut dirty = BTreeSet::new();
        for (_, start, g) in gone {
            let range = (*start as u32, (*start + g.entries.len()) as u32);
            for (t, _) in &g.postings {
                self.replace(t, range, &[], &mut dirty);
            }
        }
        let mut replaced = HashSet::new();
        for (_, start, old) in edited {
            let new = &came_at[start].2;
            let range = (*start as u32, (*start + old.entries.len()) as u32);
            for (t, ids) in changed_tokens(old, new) {
                self.replace(t, range, ids, &mut dirty);
            }
            replaced.insert(*start);
        }
        for (_, start, g) in came.iter().filter(|p| !replaced.contains(&p.1)) {
            let range = (*start as u32, *start as u32);
            for (t, ids) in &g.postings {
                self.replace(t, range, ids, &mut dirty);
            }
        }
        self.encode(&dirty);
        self.layout = layout;
        self
    }

    /// Replaces the ids of token `t` in `lo..hi` with `ids` (relative to
    /// `lo`), noting its shard as dirty.
    fn replace(
        &mut self,
        t: &str,
        (lo, hi): (u32, u32),
        ids: &[(u32, u32)],
        dirty: &mut BTreeSet<String>,
    ) {
        let posted = match self.postings.get_mut(t) {
            Some(posted) => posted,
            None if ids.is_empty() => return,
            None => {
                self.note_prefix(t);
                self.postings.entry(t.to_string()).or_default()
            }
        };
        let list = &mut posted.list;
        let a = list.partition_point(|p| p.0 < lo);
        let b = list.partition_point(|p| p.0 < hi);
        list.splice(a..b, ids.iter().map(|&(id, w)| (id + lo, w)));
        posted.part.clear();
        if list.is_empty() {
            self.postings.remove(t);
        }
        dirty.insert(shard_key(t));
    }

    /// Records which shard holds the tokens with `t`'s prefix.
    fn note_prefix(&mut self, t: &str) {
        let prefix: String = t.chars().take(2).collect();
        let key = shard_key(&prefix);
        if !self.prefixes.get(&key).is_some_and(|p| p.contains(&prefix)) {
            self.prefixes.entry(key).or_default().insert(prefix);
        }
    }

    /// The tokens of shard `key`, in order.
    fn shard_terms(&self, key: &str) -> Vec<(&str, &str)> {
        let mut terms = Vec::new();
        for prefix in self.prefixes.get(key).into_iter().flatten() {
            if prefix.chars().count() < 2 {
                // A one-character token is the only one of its prefix.
                terms.extend(self.postings.get_key_value(prefix.as_str()));
            } else {
                terms.extend(
                    self.postings
                        .range::<str, _>((
                            std::ops::Bound::Included(prefix.as_str()),
                            std::ops::Bound::Unbounded,
                        ))
                        .take_while(|(t, _)| t.starts_with(prefix.as_str())),
                );
            }
        }
        terms.sort_unstable_by(|a, b| a.0.cmp(b.0));
        terms
            .into_iter()
            .map(|(t, posted)| (t.as_str(), posted.part.as_str()))
            .collect()
    }

    /// Encodes the shards named in `dirty`, dropping those left without
    /// tokens.
    fn encode(&mut self, dirty: &BTreeSet<String>) {
        // Tokens whose postings changed (or are new) are encoded first.
        self.postings
            .par_iter_mut()
            .filter(|(_, posted)| posted.part.is_empty())
            .for_each(|(term, posted)| posted.part = encode_term(term, &posted.list));
        let encoded: Vec<(&String, Option<Arc<Shard>>)> = dirty
            .par_iter()
            .map(|key| {
                let terms = self.shard_terms(key);
                let shard = (!terms.is_empty()).then(|| Arc::new(encode_shard(key, &terms)));
                (key, shard)
            })
            .collect();
        for (key, shard) in encoded {
            match shard {
                Some(s) => self.shards.insert(key.clone(), s),
                None => self.shards.remove(key),
            };
        }
    }
}

/// The tokens whose postings differ between two versions of a group at
/// the same place, each with its new postings (empty when it left).
fn changed_tokens<'a>(old: &'a Group, new: &'a Group) -> Vec<(&'a str, &'a [(u32, u32)])> {
    let mut out = Vec::new();
    let (mut a, mut b) = (
        old.postings.iter().peekable(),
        new.postings.iter().peekable(),
    );
    loop {
        match (a.peek(), b.peek()) {
            (None, None) => break,
            (Some((t, _)), None) => {
                out.push((t.as_str(), &[][..]));
                a.next();
            }
            (None, Some((t, ids))) => {
                out.push((t.as_str(), &ids[..]));
                b.next();
            }
            (Some((ta, la)), Some((tb, lb))) => match ta.cmp(tb) {
                std::cmp::Ordering::Less => {
                    out.push((ta.as_str(), &[][..]));
                    a.next();
                }
                std::cmp::Ordering::Greater => {
                    out.push((tb.as_str(), &lb[..]));
                    b.next();
                }
                std::cmp::Ordering::Equal => {
                    if la != lb {
                        out.push((tb.as_str(), &lb[..]));
                    }
                    a.next();
                    b.next();
                }
            },
        }
    }
    out
}

/// The groups that left `old` (or moved in it) and those that came into
/// `new`; `None` when they are so many that merging anew is cheaper.
fn changes<'a>(old: &'a [Placed], new: &'a [Placed]) -> Option<(Vec<&'a Placed>, Vec<&'a Placed>)> {
    let placed =
        |l: &[Placed]| -> HashSet<(u64, usize)> { l.iter().map(|(k, s, _)| (*k, *s)).collect() };
    let (was, is) = (placed(old), placed(new));
    let gone: Vec<&Placed> = old
        .iter()
        .filter(|(k, s, _)| !is.contains(&(*k, *s)))
        .collect();
    let came: Vec<&Placed> = new
        .iter()
        .filter(|(k, s, _)| !was.contains(&(*k, *s)))
        .collect();
    (gone.len() + came.len() <= 8.max(new.len() / 10)).then_some((gone, came))
}

/// A token with its postings, as a shard holds it: `"term":["ids","weights"]`.
fn encode_term(term: &str, list: &Postings) -> String {
    use super::encode::{encode_ids, encode_weights};
    let json_term = serde_json::to_string(term).unwrap_or_default();
    format!(
        "{json_term}:[\"{}\",\"{}\"]",
        encode_ids(list),
        encode_weights(list)
    )
}

/// Joins one shard's encoded terms (sorted); a large shard is split by the
/// tokens' first three characters (two-character tokens stay in the
/// two-character shard), so that a query loads less.
fn encode_shard(key: &str, parts: &[(&str, &str)]) -> Shard {
    let size: usize = parts.iter().map(|(_, e)| e.len()).sum();
    let mut groups: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for &(term, e) in parts {
        let k = if size > SPLIT_BYTES && term.chars().count() > 2 {
            shard_key_of(term, 3)
        } else {
            key.to_string()
        };
        groups.entry(k).or_default().push(e);
    }
    groups
        .into_iter()
        .map(|(k, es)| {
            let file = format!("DOSSIER_SEARCH.terms({k:?},{{{}}});\n", es.join(","));
            (k, Arc::new(file.into_bytes()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Entry;

    fn group(words: &[&str]) -> Arc<Group> {
        let indexed = words
            .iter()
            .map(|text| {
                let entry = Entry {
                    kind: "p",
                    title: String::new(),
                    url: String::new(),
                    text: text.to_string(),
                    parent: None,
                };
                let terms = text.split(' ').map(|t| (t.to_string(), 1)).collect();
                (entry, terms)
            })
            .collect();
        Arc::new(Group::new(indexed))
    }

    type Groups = Vec<(u64, Arc<Group>)>;
    type Edit = Box<dyn Fn(&mut Groups)>;

    fn placed(groups: &[(u64, Arc<Group>)]) -> Vec<Placed> {
        crate::search::layout(groups.to_vec())
    }

    fn same(a: &Index, b: &Index) {
        let sorted = |i: &Index| -> Vec<(String, Postings)> {
            i.postings
                .iter()
                .map(|(t, p)| (t.clone(), p.list.clone()))
                .collect()
        };
        assert_eq!(sorted(a), sorted(b));
        assert_eq!(a.shards, b.shards);
    }

    #[test]
    fn patching_equals_merging_anew() {
        let mut groups: Groups = (0..40)
            .map(|i| {
                let text = format!("alpha beta{} gamma{}", i % 7, i % 3);
                (i, group(&[&text, "alpha delta", "zeta"]))
            })
            .collect();
        let mut index = Index::update(None, placed(&groups));
        // Edits: groups change in place (one grows within its padding, so
        // nothing moves; one is emptied), one is added at the end, and the
        // first is removed, which moves every other.
        let edits: Vec<Edit> = vec![
            Box::new(|g| g[3] = (100, group(&["omega alpha"]))),
            Box::new(|g| g[5] = (101, group(&["alpha", "beta1", "new words here"]))),
            Box::new(|g| g[7] = (102, group(&["alpha delta"]))),
            Box::new(|g| g[39] = (103, group(&[]))),
            Box::new(|g| g.push((104, group(&["tail end alpha"])))),
            // "omega" was only in group 3: it leaves the index.
            Box::new(|g| g[3] = (105, group(&["alpha"]))),
            Box::new(|g| {
                g.remove(0);
            }),
        ];
        for (n, edit) in edits.iter().enumerate() {
            edit(&mut groups);
            let layout = placed(&groups);
            // All but the last edit (which moves every group) patch.
            assert_eq!(changes(&index.layout, &layout).is_some(), n < 6, "edit {n}");
            index = Index::update(Some(index), layout);
            same(&index, &Index::update(None, placed(&groups)));
        }
        assert!(!index.postings.contains_key("omega"));
    }

    #[test]
    fn an_added_entry_encodes_only_its_tokens_shards() {
        let text = |i: usize| format!("alpha beta{} gamma{}", i % 7, i % 3);
        let mut groups: Groups = (0..40)
            .map(|i| (i as u64, group(&[&text(i), "alpha delta", "zeta"])))
            .collect();
        let before = Index::update(None, placed(&groups));
        let shards = before.shards.clone();
        groups[5] = (100, group(&[&text(5), "alpha delta", "zeta", "omega zeta"]));
        let after = Index::update(Some(before), placed(&groups));
        same(&after, &Index::update(None, placed(&groups)));
        let changed: Vec<&str> = after
            .shards
            .iter()
            .filter(|(k, s)| shards.get(*k).is_none_or(|old| !Arc::ptr_eq(old, s)))
            .map(|(k, _)| k.as_str())
            .collect();
        assert_eq!(changed, ["om", "ze"]);
    }
}
