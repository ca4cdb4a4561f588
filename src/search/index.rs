//! The merged postings of all groups and their encoded shards, kept
//! between rebuilds and patched: when only a few groups changed (by key or
//! place), their old postings are taken out of each token's list and the
//! new ones put in, and only the shards holding those tokens are encoded
//! again. A group changed in place (same first id) is compared token by
//! token, so that an added paragraph dirties the shards of its own tokens
//! only. Otherwise, or on a first build, everything is merged anew. Both
//! ways give the same lists (sorted by entry id), so the files are equal
//! to a clean build's; `tests/incremental.rs` checks it.

use super::changes::{blocks, changed_tokens, changes, starts, Edit};
use super::encode::{shard_key, Encoded};
use super::{Group, Postings, Shard};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

#[path = "shard_files.rs"]
mod shard_files;
use shard_files::{encode_shard, EncodedShard, Last};

/// A postings shard larger than this is split by three characters.
const SPLIT_BYTES: usize = 200_000;

/// A group in place: its key, its first id, the group.
pub type Placed = (u64, usize, Arc<Group>);

/// A token's postings and their encoded form, with the blocks whose
/// postings changed since it was encoded (all of them when `whole`): a
/// shard encoded again re-encodes only its tokens' changed blocks.
#[derive(Debug, Default, Clone, PartialEq)]
struct Posted {
    list: Postings,
    encoded: Encoded,
    /// The token quoted as JSON, as its shard holds it.
    json_term: String,
    /// How long the token with its postings is in its shard.
    part_len: usize,
    changed: BTreeSet<u32>,
    whole: bool,
}

/// The site's postings and their encoded shards.
#[derive(Debug, Default)]
pub struct Index {
    layout: Vec<Placed>,
    /// The first id of each block of groups (see `search::layout`).
    blocks: Vec<u32>,
    /// The first id of each group, by which postings are written (see
    /// `Encoded`).
    starts: Vec<u32>,
    /// Token → (entry id, weight), sorted by id, with its encoded form;
    /// tokens in order, so that the tokens of a shard are found by their
    /// prefix.
    postings: BTreeMap<String, Posted>,
    /// Shard key → the prefixes (a token's first two characters) whose
    /// tokens it holds. May name prefixes left without tokens.
    prefixes: HashMap<String, BTreeSet<String>>,
    /// Encoded shards by shard key.
    pub shards: BTreeMap<String, Arc<Shard>>,
    /// The keys of the shards that were split by three characters when
    /// they were encoded.
    split: BTreeSet<String>,
}

impl Index {
    /// The groups in place, in order of their first ids.
    pub(super) fn layout(&self) -> &[Placed] {
        &self.layout
    }

    /// The first id of each block of groups.
    pub(super) fn blocks(&self) -> &[u32] {
        &self.blocks
    }

    /// The first id of each group.
    pub(super) fn starts(&self) -> &[u32] {
        &self.starts
    }

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
        let borrowed: HashMap<String, Postings> = layout
            .par_iter()
            .fold(
                HashMap::new,
                |mut m: HashMap<String, Postings>, (_, start, g)| {
                    for (t, list) in g.postings().iter() {
                        let ids = list.iter().map(|&(id, w)| (id + *start as u32, w));
                        match m.get_mut(t) {
                            Some(l) => l.extend(ids),
                            None => {
                                m.insert(t.to_string(), ids.collect());
                            }
                        }
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
                    whole: true,
                    ..Posted::default()
                };
                (t.to_string(), posted)
            })
            .collect();
        let mut index = Index {
            postings,
            blocks: blocks(&layout),
            starts: starts(&layout),
            ..Index::default()
        };
        let terms: Vec<String> = index.postings.keys().cloned().collect();
        for t in &terms {
            index.note_prefix(t);
        }
        let (blocks, starts) = (&index.blocks, &index.starts);
        index.postings.par_iter_mut().for_each(|(t, p)| {
            p.refresh(t, blocks, starts);
        });
        let all: BTreeSet<String> = index.prefixes.keys().cloned().collect();
        index.encode(&all, &HashSet::new());
        index.layout = layout;
        index
    }

    /// The index of a build that keeps nothing for the next, from each
    /// token's postings encoded block by block (see `search::stream`):
    /// no lists and no layout are kept, only what the shards are written
    /// from; the shards are not kept either ([`Index::place_shards`]).
    pub(super) fn streamed(encoded: BTreeMap<String, Encoded>) -> Index {
        let mut index = Index::default();
        for (t, encoded) in encoded {
            index.note_prefix(&t);
            let json_term = serde_json::to_string(&t).unwrap_or_default();
            let posted = Posted {
                part_len: encoded.part_len(&json_term),
                encoded,
                json_term,
                ..Posted::default()
            };
            index.postings.insert(t, posted);
        }
        index
    }

    /// Takes out the groups that left (or moved) and puts in the ones that
    /// came; merges anew when that is most of them.
    fn patch(mut self, layout: Vec<Placed>) -> Index {
        let old = std::mem::take(&mut self.layout);
        // Blocks that moved change every id after them.
        if blocks(&layout) != self.blocks {
            return Index::merge(layout);
        }
        let Some(changes) = changes(&old, &layout) else {
            return Index::merge(layout);
        };
        // A group edited in place: only its tokens whose postings differ
        // change. What changes, token by token: id ranges taken out,
        // postings put in (absolute). Each token's list is then remade
        // once, however many groups touched it. The groups' postings are
        // opened (a kept group is packed) while the edits borrow their
        // tokens.
        fn open(p: &Placed) -> (usize, usize, std::borrow::Cow<'_, super::GroupPostings>) {
            (p.1, p.2.slots(), p.2.postings())
        }
        let gone: Vec<_> = changes.gone.into_iter().map(open).collect();
        let edited: Vec<_> = changes
            .edited
            .into_iter()
            .map(|(a, b)| (open(a), b.2.postings()))
            .collect();
        let came: Vec<_> = changes.came.into_iter().map(open).collect();
        let moved: Vec<_> = changes.moved.iter().map(|(a, b)| (open(a), b.1)).collect();
        let mut edits: HashMap<&str, Edit> = HashMap::new();
        for (start, slots, postings) in &gone {
            let range = (*start as u32, (start + slots) as u32);
            for (t, _) in postings.iter() {
                edits.entry(t).or_default().out.push(range);
            }
        }
        for ((start, slots, old), new) in &edited {
            let range = (*start as u32, (start + slots) as u32);
            for (t, ids) in changed_tokens(old, new) {
                let edit = edits.entry(t).or_default();
                edit.out.push(range);
                edit.put(range.0, ids);
            }
        }
        for (start, _, postings) in &came {
            for (t, ids) in postings.iter() {
                edits.entry(t).or_default().put(*start as u32, ids);
            }
        }
        // Ids of groups that only moved are shifted (a token only moved
        // keeps its encoded postings).
        for ((start, slots, postings), to) in &moved {
            let by = *to as i64 - *start as i64;
            for (t, _) in postings.iter() {
                let range = (*start as u32, (start + slots) as u32, by);
                edits.entry(t).or_default().moves.push(range);
            }
        }
        // The edited tokens are taken out, edited in parallel, and put back
        // unless left without postings.
        let mut taken: Vec<(&str, Posted, Edit)> = Vec::with_capacity(edits.len());
        for (t, edit) in edits {
            let posted = match self.postings.remove(t) {
                Some(posted) => posted,
                None => {
                    self.note_prefix(t);
                    Posted {
                        whole: true,
                        ..Posted::default()
                    }
                }
            };
            taken.push((t, posted, edit));
        }
        self.starts = starts(&layout);
        let (blocks, starts) = (&self.blocks, &self.starts);
        // Whether each token's postings read differently: a group that
        // only moved leaves them as they were.
        let differs: Vec<bool> = taken
            .par_iter_mut()
            .map(|(t, posted, edit)| {
                let changed = std::mem::take(edit).apply(&mut posted.list, blocks);
                posted.changed.extend(changed);
                posted.refresh(t, blocks, starts)
            })
            .collect();
        let mut dirty = BTreeSet::new();
        let mut changed = HashSet::new();
        for ((t, posted, _), differs) in taken.into_iter().zip(differs) {
            if differs {
                dirty.insert(shard_key(t));
                changed.insert(t);
            }
            if !posted.list.is_empty() {
                self.postings.insert(t.to_string(), posted);
            }
        }
        self.encode(&dirty, &changed);
        self.layout = layout;
        self
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
    fn shard_terms(&self, key: &str) -> Vec<(&str, &Posted)> {
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
            .map(|(t, posted)| (t.as_str(), posted))
            .collect()
    }

    /// Encodes the shards named in `dirty` from their tokens' parts,
    /// dropping those left without tokens. A file of a split shard none of
    /// whose tokens is in `changed` (tokens whose postings changed, came or
    /// left) keeps its last contents, while the shard is split as it was.
    fn encode(&mut self, dirty: &BTreeSet<String>, changed: &HashSet<&str>) {
        let encoded: Vec<(&String, Option<EncodedShard>)> = dirty
            .par_iter()
            .map(|key| {
                let terms = self.shard_terms(key);
                if terms.is_empty() {
                    return (key, None);
                }
                let last = self.shards.get(key).map(|shard| Last {
                    shard,
                    split: self.split.contains(key),
                    changed,
                });
                let (shard, split) = encode_shard(key, &terms, last);
                (key, Some((Arc::new(shard), split)))
            })
            .collect();
        for (key, shard) in encoded {
            match shard {
                Some((s, split)) => {
                    self.shards.insert(key.clone(), s);
                    if split {
                        self.split.insert(key.clone());
                    } else {
                        self.split.remove(key);
                    }
                }
                None => {
                    self.shards.remove(key);
                    self.split.remove(key);
                }
            };
        }
    }
}

impl Posted {
    /// Encodes the blocks that changed (all of them when `whole`), its ids
    /// by the groups starting at `starts`; says whether it reads
    /// differently.
    fn refresh(&mut self, term: &str, blocks: &[u32], starts: &[u32]) -> bool {
        if !self.whole && self.changed.is_empty() {
            return false;
        }
        let encoded = std::mem::take(&mut self.encoded);
        let last = (!self.whole).then_some((encoded, &self.changed));
        let differs;
        (self.encoded, differs) = Encoded::new(&self.list, blocks, starts, last);
        if self.json_term.is_empty() {
            self.json_term = serde_json::to_string(term).unwrap_or_default();
        }
        self.part_len = self.encoded.part_len(&self.json_term);
        self.changed.clear();
        self.whole = false;
        differs
    }
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;
