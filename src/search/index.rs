//! The merged postings of all groups and their encoded shards, kept
//! between rebuilds and patched: when only a few groups changed (by key or
//! place), their old postings are taken out of each token's list and the
//! new ones put in, and only the shards holding those tokens are encoded
//! again. Otherwise, or on a first build, everything is merged anew. Both
//! ways give the same lists (sorted by entry id), so the files are equal
//! to a clean build's; `tests/incremental.rs` checks it.

use super::encode::{encode_ids, encode_weights, shard_key, shard_key_of};
use super::{Group, Postings, Shard};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

/// A postings shard larger than this is split by three characters.
const SPLIT_BYTES: usize = 200_000;

/// A group in place: its key, its first id, the group.
pub type Placed = (u64, usize, Arc<Group>);

/// The site's postings and their encoded shards.
#[derive(Debug, Default)]
pub struct Index {
    layout: Vec<Placed>,
    /// Token → (entry id, weight), sorted by id.
    postings: HashMap<String, Postings>,
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
        let postings: HashMap<String, Postings> = borrowed
            .into_iter()
            .map(|(t, list)| (t.to_string(), list))
            .collect();
        let mut index = Index {
            layout: Vec::new(),
            postings,
            shards: BTreeMap::new(),
        };
        index.encode(None);
        index.layout = layout;
        index
    }

    /// Takes out the groups that left (or moved) and puts in the ones that
    /// came; merges anew when that is most of them.
    fn patch(mut self, layout: Vec<Placed>) -> Index {
        let Some((gone, came)) = changes(&self.layout, &layout) else {
            return Index::merge(layout);
        };
        let (gone, came): (Vec<Placed>, Vec<Placed>) = (
            gone.into_iter().cloned().collect(),
            came.into_iter().cloned().collect(),
        );
        let mut dirty = BTreeSet::new();
        for (_, start, g) in &gone {
            let (lo, hi) = (*start as u32, (*start + g.entries.len()) as u32);
            for (t, _) in &g.postings {
                if let Some(list) = self.postings.get_mut(t) {
                    let a = list.partition_point(|p| p.0 < lo);
                    let b = list.partition_point(|p| p.0 < hi);
                    list.drain(a..b);
                    if list.is_empty() {
                        self.postings.remove(t);
                    }
                }
                dirty.insert(shard_key(t));
            }
        }
        for (_, start, g) in &came {
            let lo = *start as u32;
            for (t, ids) in &g.postings {
                let list = self.postings.entry(t.clone()).or_default();
                let at = list.partition_point(|p| p.0 < lo);
                list.splice(at..at, ids.iter().map(|&(id, w)| (id + lo, w)));
                dirty.insert(shard_key(t));
            }
        }
        self.encode(Some(&dirty));
        self.layout = layout;
        self
    }

    /// Encodes the shards named in `dirty` (all when `None`), dropping
    /// those left without tokens.
    fn encode(&mut self, dirty: Option<&BTreeSet<String>>) {
        let mut by_shard: BTreeMap<String, Vec<(&str, &Postings)>> = BTreeMap::new();
        if let Some(dirty) = dirty {
            for key in dirty {
                by_shard.insert(key.clone(), Vec::new());
            }
        }
        for (term, list) in &self.postings {
            let key = shard_key(term);
            match by_shard.get_mut(&key) {
                Some(terms) => terms.push((term, list)),
                None if dirty.is_none() => {
                    by_shard.insert(key, vec![(term, list)]);
                }
                None => {}
            }
        }
        let encoded: Vec<(String, Option<Arc<Shard>>)> = by_shard
            .into_par_iter()
            .map(|(key, mut terms)| {
                if terms.is_empty() {
                    return (key, None);
                }
                terms.sort_by(|a, b| a.0.cmp(b.0));
                let shard = encode_shard(&key, &terms);
                (key, Some(Arc::new(shard)))
            })
            .collect();
        for (key, shard) in encoded {
            match shard {
                Some(s) => self.shards.insert(key, s),
                None => self.shards.remove(&key),
            };
        }
    }
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

/// Encodes one shard's terms (sorted); a large shard is split by the
/// tokens' first three characters (two-character tokens stay in the
/// two-character shard), so that a query loads less.
fn encode_shard(key: &str, terms: &[(&str, &Postings)]) -> Shard {
    let parts: Vec<(&str, String)> = terms
        .iter()
        .map(|(term, list)| {
            let json_term = serde_json::to_string(term).unwrap_or_default();
            (
                *term,
                format!(
                    "{json_term}:[\"{}\",\"{}\"]",
                    encode_ids(list),
                    encode_weights(list)
                ),
            )
        })
        .collect();
    let size: usize = parts.iter().map(|(_, e)| e.len()).sum();
    let mut groups: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (term, e) in &parts {
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
        let mut start = 0;
        groups
            .iter()
            .map(|(k, g)| {
                let p = (*k, start, Arc::clone(g));
                start += g.entries.len().div_ceil(16) * 16;
                p
            })
            .collect()
    }

    fn same(a: &Index, b: &Index) {
        let sorted = |i: &Index| {
            let mut v: Vec<(String, Postings)> = i.postings.clone().into_iter().collect();
            v.sort();
            v
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
}
