//! The merged postings of all groups and their encoded shards, kept
//! between rebuilds and patched: when only a few groups changed (by key or
//! place), their old postings are taken out of each token's list and the
//! new ones put in, and only the shards holding those tokens are encoded
//! again. A group changed in place (same first id) is compared token by
//! token, so that an added paragraph dirties the shards of its own tokens
//! only. Otherwise, or on a first build, everything is merged anew. Both
//! ways give the same lists (sorted by entry id), so the files are equal
//! to a clean build's; `tests/incremental.rs` checks it.

use super::encode::{shard_key, shard_key_of, Encoded};
use super::{Group, Postings, Shard};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

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
    /// The token with its encoded postings, as its shard holds it.
    part: String,
    changed: BTreeSet<u32>,
    whole: bool,
}

/// The site's postings and their encoded shards.
#[derive(Debug, Default)]
pub struct Index {
    layout: Vec<Placed>,
    /// The first id of each block of groups (see `search::layout`).
    blocks: Vec<u32>,
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
                    whole: true,
                    ..Posted::default()
                };
                (t.to_string(), posted)
            })
            .collect();
        let mut index = Index {
            postings,
            blocks: blocks(&layout),
            ..Index::default()
        };
        let terms: Vec<String> = index.postings.keys().cloned().collect();
        for t in &terms {
            index.note_prefix(t);
        }
        let blocks = &index.blocks;
        index
            .postings
            .par_iter_mut()
            .for_each(|(t, p)| p.refresh(t, blocks));
        let all: BTreeSet<String> = index.prefixes.keys().cloned().collect();
        index.encode(&all);
        index.layout = layout;
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
        let Some((gone, came)) = changes(&old, &layout) else {
            return Index::merge(layout);
        };
        // A group that came where one left is the same document edited:
        // only its tokens whose postings differ change.
        let came_at: HashMap<usize, &Placed> = came.iter().map(|p| (p.1, *p)).collect();
        let (edited, gone): (Vec<&Placed>, Vec<&Placed>) =
            gone.into_iter().partition(|p| came_at.contains_key(&p.1));
        // What changes, token by token: id ranges taken out, postings put
        // in (absolute). Each token's list is then remade once, however
        // many groups touched it.
        let mut edits: HashMap<&str, Edit> = HashMap::new();
        for (_, start, g) in gone {
            let range = (*start as u32, (*start + g.entries.len()) as u32);
            for (t, _) in &g.postings {
                edits.entry(t).or_default().out.push(range);
            }
        }
        let mut replaced = HashSet::new();
        for (_, start, old) in edited {
            let new = &came_at[start].2;
            let range = (*start as u32, (*start + old.entries.len()) as u32);
            for (t, ids) in changed_tokens(old, new) {
                let edit = edits.entry(t).or_default();
                edit.out.push(range);
                edit.put(range.0, ids);
            }
            replaced.insert(*start);
        }
        for (_, start, g) in came.iter().filter(|p| !replaced.contains(&p.1)) {
            for (t, ids) in &g.postings {
                edits.entry(t).or_default().put(*start as u32, ids);
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
        let blocks = &self.blocks;
        taken.par_iter_mut().for_each(|(t, posted, edit)| {
            let changed = std::mem::take(edit).apply(&mut posted.list, blocks);
            posted.changed.extend(changed);
            posted.refresh(t, blocks);
        });
        let mut dirty = BTreeSet::new();
        for (t, posted, _) in taken {
            dirty.insert(shard_key(t));
            if !posted.list.is_empty() {
                self.postings.insert(t.to_string(), posted);
            }
        }
        self.encode(&dirty);
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
    /// dropping those left without tokens.
    fn encode(&mut self, dirty: &BTreeSet<String>) {
        let encoded: Vec<(&String, Option<Arc<Shard>>)> = dirty
            .par_iter()
            .map(|key| {
                let terms = self.shard_terms(key);
                let parts: Vec<(&str, &str)> =
                    terms.iter().map(|(t, p)| (*t, p.part.as_str())).collect();
                let shard = (!parts.is_empty()).then(|| Arc::new(encode_shard(key, &parts)));
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

impl Posted {
    /// Encodes the blocks that changed (all of them when `whole`).
    fn refresh(&mut self, term: &str, blocks: &[u32]) {
        if !self.whole && self.changed.is_empty() {
            return;
        }
        let last = (!self.whole).then_some((&self.encoded, &self.changed));
        self.encoded = Encoded::new(&self.list, blocks, last);
        self.part = self.encoded.part(term);
        self.changed.clear();
        self.whole = false;
    }
}

/// The changes to one token's postings.
#[derive(Default)]
struct Edit {
    /// Id ranges taken out.
    out: Vec<(u32, u32)>,
    /// Postings put in, with absolute ids.
    put: Postings,
}

impl Edit {
    fn put(&mut self, start: u32, ids: &[(u32, u32)]) {
        self.put.extend(ids.iter().map(|&(id, w)| (id + start, w)));
    }

    /// Makes the edit on `list`, giving the blocks (by their first ids,
    /// `blocks`) it changed. Only the window of ids the edit touches is
    /// walked; the rest of the list stays where it is.
    fn apply(mut self, list: &mut Postings, blocks: &[u32]) -> BTreeSet<u32> {
        let block_of = |id: u32| (blocks.partition_point(|&s| s <= id).max(1) - 1) as u32;
        self.out.sort_unstable();
        self.put.sort_unstable();
        let mut changed: BTreeSet<u32> = self.out.iter().map(|r| block_of(r.0)).collect();
        changed.extend(self.put.iter().map(|p| block_of(p.0)));
        let lo = self
            .out
            .iter()
            .map(|r| r.0)
            .chain(self.put.iter().map(|p| p.0))
            .min();
        let hi = self
            .out
            .iter()
            .map(|r| r.1)
            .chain(self.put.iter().map(|p| p.0 + 1))
            .max();
        let (Some(lo), Some(hi)) = (lo, hi) else {
            return changed;
        };
        let (a, b) = (
            list.partition_point(|p| p.0 < lo),
            list.partition_point(|p| p.0 < hi),
        );
        let taken_out = |id: u32| {
            let at = self.out.partition_point(|r| r.0 <= id);
            at > 0 && id < self.out[at - 1].1
        };
        let mut window = Vec::with_capacity(b - a + self.put.len());
        let mut put = self.put.iter().copied().peekable();
        for &p in list[a..b].iter().filter(|p| !taken_out(p.0)) {
            while let Some(q) = put.next_if(|q| q.0 < p.0) {
                window.push(q);
            }
            window.push(p);
        }
        window.extend(put);
        list.splice(a..b, window);
        changed
    }
}

/// The first id of each block of `layout` (see `search::layout`).
fn blocks(layout: &[Placed]) -> Vec<u32> {
    let mut starts: Vec<u32> = layout
        .iter()
        .step_by(super::BLOCK)
        .map(|p| p.1 as u32)
        .collect();
    if starts.first() != Some(&0) {
        starts.insert(0, 0);
    }
    starts
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

    #[test]
    fn a_group_outgrowing_its_padding_is_patched_within_its_block() {
        let text = |i: usize| format!("alpha beta{} gamma{}", i % 7, i % 3);
        let mut groups: Groups = (0..1200)
            .map(|i| (i as u64, group(&[&text(i), "alpha delta", "zeta"])))
            .collect();
        // Room for the first block to grow before the next multiple of
        // BLOCK_ALIGN.
        groups[0].1 = group(&["alpha"; 40]);
        let before = Index::update(None, placed(&groups));
        let far = before.layout[600].1;
        let many: Vec<String> = (0..20).map(|n| format!("omega word{n}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        groups[10] = (1000, group(&many));
        let layout = placed(&groups);
        assert_eq!(layout[600].1, far, "later blocks stay");
        assert!(changes(&before.layout, &layout).is_some());
        assert_eq!(blocks(&layout), before.blocks);
        let after = Index::update(Some(before), layout);
        same(&after, &Index::update(None, placed(&groups)));
    }
}
