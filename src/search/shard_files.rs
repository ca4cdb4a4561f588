//! A shard's files, encoded from its tokens' parts (see `index`): split
//! by three characters when large, and, when encoded again, keeping the
//! files none of whose tokens changed; and a streamed index's shards,
//! made and handed on one by one.

use super::super::encode::{shard_key, shard_key_of};
use super::super::{Shard, ShardFile};
use super::{Posted, SPLIT_BYTES};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

/// A shard encoded: its files, and whether it was split.
pub(super) type EncodedShard = (Arc<Shard>, bool);

/// A shard as it was last encoded, with the tokens changed since.
pub(super) struct Last<'a> {
    pub(super) shard: &'a Shard,
    pub(super) split: bool,
    pub(super) changed: &'a HashSet<&'a str>,
}

/// Writes one shard's encoded terms (sorted); a large shard is split by
/// the tokens' first three characters (two-character tokens stay in the
/// two-character shard), so that a query loads less. Returns its files and
/// whether it was split. A file of `last` is kept as it is when the shard
/// is split as it was and none of the file's tokens changed.
pub(super) fn encode_shard(
    key: &str,
    terms: &[(&str, &Posted)],
    last: Option<Last>,
) -> (Shard, bool) {
    let size: usize = terms.iter().map(|(_, p)| p.part_len).sum();
    let split = size > SPLIT_BYTES;
    let file_key = |term: &str| {
        if split && term.chars().nth(2).is_some() {
            shard_key_of(term, 3)
        } else {
            key.to_string()
        }
    };
    // Tokens with the same first three characters are next to each other:
    // a file key is made once per run of them.
    let mut runs: Vec<(String, Vec<&Posted>)> = Vec::new();
    let mut last_prefix: Option<&str> = None;
    for &(term, posted) in terms {
        if split && term.chars().nth(2).is_some() {
            let end = term.char_indices().nth(3).map_or(term.len(), |(i, _)| i);
            let prefix = &term[..end];
            if last_prefix != Some(prefix) {
                runs.push((file_key(term), Vec::new()));
                last_prefix = Some(prefix);
            }
        } else {
            runs.push((key.to_string(), Vec::new()));
            last_prefix = None;
        }
        if let Some((_, run)) = runs.last_mut() {
            run.push(posted);
        }
    }
    let mut groups: BTreeMap<String, Vec<&Posted>> = BTreeMap::new();
    for (k, run) in runs {
        groups.entry(k).or_default().extend(run);
    }
    // The files that may be kept: those of a shard split as it is now,
    // with none of their tokens changed.
    let keep: HashMap<&str, &Arc<Vec<u8>>> = match &last {
        Some(last) if last.split == split => {
            let touched: HashSet<String> = last
                .changed
                .iter()
                .filter(|t| shard_key(t) == key)
                .map(|t| file_key(t))
                .collect();
            last.shard
                .iter()
                .filter(|(k, _)| !touched.contains(k))
                .map(|(k, bytes)| (k.as_str(), bytes))
                .collect()
        }
        _ => HashMap::new(),
    };
    let files = groups
        .into_iter()
        .map(|(k, postings)| {
            if let Some(bytes) = keep.get(k.as_str()) {
                return (k, Arc::clone(bytes));
            }
            let len: usize = postings.iter().map(|p| p.part_len + 1).sum();
            let mut json = Vec::with_capacity(len + 2);
            json.push(b'{');
            for (n, p) in postings.iter().enumerate() {
                if n > 0 {
                    json.push(b',');
                }
                p.encoded.write_part(&p.json_term, &mut json);
            }
            json.push(b'}');
            let file = super::super::pack::script("t", &format!("{k:?}"), &json);
            (k, Arc::new(file))
        })
        .collect();
    (files, split)
}

impl super::Index {
    /// Encodes every shard of a streamed index and hands each of its
    /// files to `place` as soon as it is made, keeping none: returns each
    /// file's key with what `place` returned, in the order of the keys.
    pub(in crate::search) fn place_shards<P: Send>(
        &self,
        place: &(dyn Fn(&ShardFile) -> anyhow::Result<P> + Sync),
    ) -> anyhow::Result<Vec<(String, P)>> {
        let keys: BTreeSet<&String> = self.prefixes.keys().collect();
        let placed: Vec<Vec<(String, P)>> = keys
            .into_par_iter()
            .map(|key| {
                let terms = self.shard_terms(key);
                if terms.is_empty() {
                    return Ok(Vec::new());
                }
                encode_shard(key, &terms, None)
                    .0
                    .iter()
                    .map(|file| Ok((file.0.clone(), place(file)?)))
                    .collect()
            })
            .collect::<anyhow::Result<_>>()?;
        Ok(placed.into_iter().flatten().collect())
    }
}
