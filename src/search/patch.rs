//! The search index patched for documents edited in place (see
//! `crate::patch`): their groups are made again and put where they were,
//! the postings of their changed tokens are edited (`Index::update`), and
//! only the entry chunks and postings shards they touch are written again.

use super::entries::doc_group;
use super::index::{Index, Placed};
use super::SearchCache;
use super::{chunk_file, file_keys, layout, meta_file, shard_file, slots, Group, Urls, CHUNK};
use crate::graph::Site;
use crate::output::OutputFile;
use std::collections::BTreeSet;
use std::sync::Arc;

/// The files documents `docs` (edited in place) change in the last build's
/// search index, which it patches: files made again and files gone.
/// `None`, with the index untouched, when there is no index to patch or
/// an edited group would move a block of groups (the whole index is then
/// built).
pub fn patch(
    site: &Site,
    urls: &Urls,
    cache: &SearchCache,
    docs: &[usize],
) -> Option<(Vec<OutputFile>, Vec<String>)> {
    let index = cache.take_index()?;
    let old = index.layout();
    // The documents' groups (two each), then the topics' and the works'.
    if old.len() != 2 * site.docs.len() + 2 {
        cache.restore_index(index);
        return None;
    }
    let mut groups: Vec<(u64, Arc<Group>)> =
        old.iter().map(|(k, _, g)| (*k, Arc::clone(g))).collect();
    for &i in docs {
        let [text, dated] = doc_group(site, urls, cache, i);
        groups[2 * i] = text;
        groups[2 * i + 1] = dated;
    }
    let new = layout(groups);
    if super::changes::blocks(&new) != index.blocks() {
        cache.restore_index(index);
        return None;
    }
    let touched = touched_chunks(old, &new);
    let old_chunks = slots(old).div_ceil(CHUNK);
    let old_shards = index.shards.clone();
    let index = Index::update(Some(index), new);
    let layout = index.layout();
    let new_chunks = slots(layout).div_ceil(CHUNK);
    let mut files: Vec<OutputFile> = touched
        .into_iter()
        .chain(old_chunks..new_chunks)
        .filter(|&k| k < new_chunks)
        .collect::<BTreeSet<usize>>()
        .into_iter()
        .map(|k| chunk_file(layout, k, slots(layout), cache))
        .collect();
    let mut removed: Vec<String> = (new_chunks..old_chunks)
        .map(|k| format!("search/e/{k}.js"))
        .collect();
    for (key, shard) in &index.shards {
        let old = old_shards.get(key);
        if old.is_some_and(|o| Arc::ptr_eq(o, shard)) {
            continue;
        }
        // A split shard encoded again keeps the files whose tokens did not
        // change.
        let kept = |(k, bytes): &&(String, Arc<Vec<u8>>)| {
            old.is_some_and(|o| o.iter().any(|(ok, ob)| ok == k && Arc::ptr_eq(ob, bytes)))
        };
        files.extend(shard.iter().filter(|f| !kept(f)).map(shard_file));
    }
    for (key, shard) in &old_shards {
        let now = index.shards.get(key);
        for (file, _) in shard.iter() {
            if !now.is_some_and(|s| s.iter().any(|(k, _)| k == file)) {
                removed.push(format!("search/t/{file}.js"));
            }
        }
    }
    let count: usize = layout.iter().map(|(_, _, g)| g.count()).sum();
    let meta = meta_file(
        count,
        index.starts(),
        &file_keys(&index),
        index.terms(),
        urls,
    );
    files.push(meta);
    cache.restore_index(index);
    Some((files, removed))
}

/// The entry chunks that hold a group that changed or moved between two
/// layouts of the same groups.
fn touched_chunks(old: &[Placed], new: &[Placed]) -> BTreeSet<usize> {
    let mut touched = BTreeSet::new();
    for (a, b) in old.iter().zip(new) {
        if a.0 == b.0 && a.1 == b.1 {
            continue;
        }
        for (start, len) in [(a.1, a.2.slots()), (b.1, b.2.slots())] {
            if len > 0 {
                touched.extend(start / CHUNK..=(start + len - 1) / CHUNK);
            }
        }
    }
    touched
}
