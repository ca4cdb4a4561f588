//! The search index of a build that keeps nothing for the next, made in
//! bounded memory: the groups of one block (see `search::layout`) at a
//! time, in parallel; their entry chunks written out; their postings
//! encoded as the block's segment of each token ([`Encoded::append`]);
//! then the groups let go. What stays until the end is each token's
//! encoded postings, about the size of the postings files before they are
//! deflated; each shard file is written as it is made, and not kept. The
//! files are the same as [`super::build`]'s with a memo
//! (`tests/search_index.rs` compares the two).

use super::encode::Encoded;
use super::entries::{doc_group, site_groups};
use super::index::{Index, Placed};
use super::{chunk_files, meta_file, shard_file, Layout, SearchCache, Urls};
use super::{BLOCK, CHUNK};
use crate::graph::Site;
use crate::output::OutputFile;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// Makes the index files block by block, each handed to `place` as soon as
/// it is made; returns what `place` returned: shards, chunks, metadata.
pub(super) fn build<P: Send>(
    site: &Site,
    urls: &Urls,
    cache: &SearchCache,
    place: &(dyn Fn(OutputFile) -> anyhow::Result<P> + Sync),
) -> anyhow::Result<Vec<P>> {
    // Each document's two groups, then the topics' and the works'; those
    // are made first (they are few) and placed when their turn comes.
    let docs = 2 * site.docs.len();
    let [topics, works] = site_groups(site, urls, cache);
    let mut after = [Some(topics.1), Some(works.1)];
    let total_groups = docs + after.len();
    let mut encoded: BTreeMap<String, Encoded> = BTreeMap::new();
    let mut chunks: Vec<P> = Vec::new();
    let mut at = Layout::default();
    // Every group's first id so far: the postings are written by them.
    let mut starts: Vec<u32> = Vec::with_capacity(total_groups);
    let mut count = 0usize;
    for (block, first) in (0..total_groups).step_by(BLOCK).enumerate() {
        let last = (first + BLOCK).min(total_groups);
        // A block holds whole documents (`BLOCK` is even).
        let mut made: Vec<Arc<_>> = (first / 2..last.min(docs).div_ceil(2))
            .into_par_iter()
            .flat_map_iter(|i| doc_group(site, urls, cache, i).map(|g| g.1))
            .collect();
        made.extend((first.max(docs)..last).filter_map(|n| after[n - docs].take()));
        count += made.iter().map(|g| g.count()).sum::<usize>();
        let placed: Vec<Placed> = made
            .into_iter()
            .map(|g| (0, at.place(g.slots()), g))
            .collect();
        starts.extend(placed.iter().map(|p| p.1 as u32));
        // A block holds whole chunks (`BLOCK` is a multiple of `CHUNK`).
        let files: Vec<P> = placed
            .par_chunks(CHUNK)
            .enumerate()
            .flat_map_iter(|(j, groups)| chunk_files(groups, first / CHUNK + j, cache))
            .map(place)
            .collect::<anyhow::Result<_>>()?;
        chunks.extend(files);
        // The block's postings, token by token in id order, encoded as
        // the block's segment of each token.
        let mut lists: HashMap<&str, Vec<(u32, u32)>> = HashMap::new();
        let opened: Vec<_> = placed.iter().map(|p| (p.1, p.2.postings())).collect();
        for (start, postings) in &opened {
            for (t, list) in postings.iter() {
                let ids = list.iter().map(|&(id, w)| (id + *start as u32, w));
                lists.entry(t).or_default().extend(ids);
            }
        }
        for (t, list) in lists {
            match encoded.get_mut(t) {
                Some(e) => e.append(block as u32, &list, &starts),
                None => {
                    let mut e = Encoded::default();
                    e.append(block as u32, &list, &starts);
                    encoded.insert(t.to_string(), e);
                }
            }
        }
    }
    let index = Index::streamed(encoded);
    let shards = index.place_shards(&|s| place(shard_file(s)))?;
    let keys: Vec<&str> = shards.iter().map(|(k, _)| k.as_str()).collect();
    let meta = meta_file(count, &starts, &keys, index.terms(), urls);
    let mut files: Vec<P> = Vec::with_capacity(shards.len() + chunks.len() + 1);
    let meta = place(meta)?;
    files.extend(shards.into_iter().map(|(_, p)| p));
    files.extend(chunks);
    files.push(meta);
    Ok(files)
}
