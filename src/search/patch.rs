//! The search index patched for documents edited in place (see
//! `crate::patch`): their groups are made again and put where they were,
//! the postings of their changed tokens are edited (`Index::update`), and
//! only the entry chunks and postings shards they touch are written again.

use super::entries::doc_group;
use super::index::{Index, Placed};
use super::SearchCache;
use super::{chunk_files, chunk_parts, chunk_path, index_meta, layout, shard_file};
use super::{Group, Urls, CHUNK};
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
    // The parts of each chunk of the old layout, for the files left over.
    let old_parts: Vec<usize> = old.chunks(CHUNK).map(chunk_parts).collect();
    let old_shards = index.shards.clone();
    let index = Index::update(Some(index), new);
    let layout = index.layout();
    let chunks: Vec<&[Placed]> = layout.chunks(CHUNK).collect();
    let mut files: Vec<OutputFile> = Vec::new();
    let mut removed: Vec<String> = Vec::new();
    for k in touched {
        let made = match chunks.get(k) {
            Some(groups) => {
                files.extend(chunk_files(groups, k, cache));
                chunk_parts(groups)
            }
            None => 0,
        };
        let was = old_parts.get(k).copied().unwrap_or(0);
        removed.extend((made..was).map(|j| chunk_path(k, j)));
    }
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
    files.push(index_meta(&index, urls));
    cache.restore_index(index);
    Some((files, removed))
}

/// The entry chunks that hold a group that changed between two layouts
/// (by its place; a group that only moved changes no chunk).
fn touched_chunks(old: &[Placed], new: &[Placed]) -> BTreeSet<usize> {
    (0..old.len().max(new.len()))
        .filter(|&i| old.get(i).map(|p| p.0) != new.get(i).map(|p| p.0))
        .map(|i| i / CHUNK)
        .collect()
}
