//! The offline search index, built at build time and split so that a query
//! loads only what it needs; read by `search.js` from `file://` as well as
//! over HTTP (every part is a script that registers itself, since browsers
//! do not let `file://` pages fetch files).
//!
//! 1. Entries: documents, paragraphs, topics, cited works and timeline
//!    entries, each with a kind, a title, a URL and its text (bounded by
//!    `PASSAGE_TEXT`), from which `search.js` cuts the snippet around the
//!    matched words.
//! 2. Postings: for every token ([`tokens`]), the entries that hold it and a
//!    weight (title words count more), delta-encoded in base 36.
//! 3. Shards: postings by the token's first two characters
//!    (`search/t/<key>.js`); entries in chunks of 512 (`search/e/<n>.js`);
//!    `search/meta.js` lists what exists.

pub(crate) mod analyze;
mod cache;
mod changes;
pub mod encode;
mod entries;
mod group;
mod group_postings;
pub(crate) mod index;
mod pack;
mod patch;
mod stop_words;
mod stream;
pub mod tokens;

pub use cache::{SearchCache, SearchMemo};
pub use entries::entries;
pub use group::{Entry, Group};
pub use group_postings::GroupPostings;
pub use patch::patch;

use crate::graph::Site;
use crate::output::OutputFile;
use rayon::prelude::*;
use std::sync::Arc;

/// Groups per chunk file of entries (eight documents'). A chunk holds
/// each group's entries by their places in it, with no ids: a group that
/// grows changes its own chunk, not those of the groups it moves.
pub const CHUNK: usize = 16;
/// Each document's entries start at a multiple of this, so that an edit
/// which adds or removes a paragraph seldom moves the ids of the entries
/// after it (and the files holding them stay as they were).
pub(crate) const PAD: usize = 16;
/// Groups per block: each block starts at a multiple of [`BLOCK_ALIGN`]
/// (see [`layout`]). Even, so that a document's two groups (see
/// `entries::doc_group`) are in one block, one right after the other.
pub(crate) const BLOCK: usize = 128;
const BLOCK_ALIGN: usize = 2048;
/// Characters of text kept for a cited work's snippet.
pub(crate) const SNIPPET: usize = 150;
/// Characters of a paragraph's or a timeline sentence's text kept, so that
/// `search.js` can show the words around a match anywhere in it (few
/// paragraphs are longer).
pub(crate) const PASSAGE_TEXT: usize = 4000;

/// Weighted tokens.
pub type Terms = Vec<(String, u32)>;
/// An entry with its weighted tokens.
pub type Indexed = (Entry, Terms);

/// One postings shard, encoded: (file key, file contents) for each file it
/// is written to (a large shard is split by three characters). The
/// contents are shared with the output, so a reused shard is not copied.
pub type Shard = Vec<ShardFile>;
/// One file of a shard: its key and its contents.
pub type ShardFile = (String, Arc<Vec<u8>>);

/// Postings of a token: (entry id, weight).
type Postings = Vec<(u32, u32)>;

/// Where the entry with an index lives.
pub type Link<'a> = dyn Fn(usize) -> String + Sync + 'a;

/// Links to where each entry lives; supplied by the render stage, which
/// knows the pagination of the knowledge pages.
pub struct Urls<'a> {
    pub topic: &'a Link<'a>,
    pub work: &'a Link<'a>,
    pub work_label: &'a Link<'a>,
    /// A hash of everything the works' entries are made from, when results
    /// are kept (see `memo`).
    pub works_key: u64,
    /// Per timeline entry, when results are kept: a hash of what it shows,
    /// its anchor included (`Plan::entry_keys`).
    pub entry_keys: &'a [u64],
    /// The timeline page of each year that has entries. A timeline entry's
    /// URL is its anchor alone (`#y1987-…`), which `search.js` completes
    /// with its year's page from `meta.js`: so the entries do not change
    /// when the timeline's pages are cut differently, and each stays in its
    /// document's group.
    pub years: &'a [(i32, String)],
    /// The site's language: topics and cited works are indexed in it.
    pub language: &'a str,
    /// The languages of the site and its texts (primary subtags, sorted).
    pub languages: &'a [String],
}

/// Each group's first id, from which its postings and a paragraph's parent
/// count. Groups start at multiples of `PAD`, and every `BLOCK`th group
/// at a multiple of `BLOCK_ALIGN`; the slots between are empty. So a
/// group that outgrows its padding moves only the groups after it in its
/// block, unless the block outgrows its own.
pub fn layout(groups: Vec<(u64, Arc<Group>)>) -> Vec<index::Placed> {
    let mut at = Layout::default();
    groups
        .into_iter()
        .map(|(key, g)| (key, at.place(g.slots()), g))
        .collect()
}

/// Places groups one after another as [`layout`] does, for a caller that
/// has them one at a time (`stream`).
#[derive(Default)]
struct Layout {
    /// Groups placed so far.
    groups: usize,
    /// Where the next group would start in its block.
    next: usize,
}

impl Layout {
    /// The first id of the next group, `len` entries long.
    fn place(&mut self, len: usize) -> usize {
        if self.groups.is_multiple_of(BLOCK) {
            self.next = self.next_block();
        }
        let start = self.next;
        self.groups += 1;
        self.next += len.div_ceil(PAD) * PAD;
        start
    }

    /// The first id of the next block.
    fn next_block(&self) -> usize {
        self.next.div_ceil(BLOCK_ALIGN) * BLOCK_ALIGN
    }
}

/// Makes the index files (postings shards, entry chunks and metadata),
/// each handed to `place` as soon as it is made (the render writes it out,
/// or keeps it); returns what `place` returned: shards, chunks, metadata.
/// A build that keeps nothing for the next makes them block by block in
/// bounded memory (`stream`); one that keeps its groups and merged
/// postings for the next (`serve`) makes them whole, or patches them.
pub fn build<P: Send>(
    site: &Site,
    urls: &Urls,
    cache: &SearchCache,
    place: &(dyn Fn(OutputFile) -> anyhow::Result<P> + Sync),
) -> anyhow::Result<Vec<P>> {
    if !cache.active() {
        return stream::build(site, urls, cache, place);
    }
    let layout = layout(entries(site, urls, cache));
    let chunks: Vec<P> = layout
        .par_chunks(CHUNK)
        .enumerate()
        .flat_map_iter(|(k, groups)| chunk_files(groups, k, cache))
        .map(place)
        .collect::<anyhow::Result<_>>()?;
    let index = index::Index::update(cache.take_index(), layout);
    let mut files: Vec<P> = index
        .shards
        .values()
        .flat_map(|s| s.iter())
        .map(|s| place(shard_file(s)))
        .collect::<anyhow::Result<_>>()?;
    files.extend(chunks);
    files.push(place(index_meta(&index, urls))?);
    cache.keep_index(index);
    Ok(files)
}

/// Rows per part of a chunk: a group with more (a long document, the
/// cited works) has the rest in further parts, `k-1`, `k-2`.
pub const ROWS: usize = 512;

/// How many parts chunk `groups` has (one at least).
fn chunk_parts(groups: &[index::Placed]) -> usize {
    groups
        .iter()
        .map(|(_, _, g)| g.slots().div_ceil(ROWS))
        .max()
        .unwrap_or(0)
        .max(1)
}

/// The path of part `j` of chunk `k`.
fn chunk_path(k: usize, j: usize) -> String {
    match j {
        0 => format!("search/e/{k}.js"),
        _ => format!("search/e/{k}-{j}.js"),
    }
}

/// Chunk `k` of the entries, holding `groups` (the layout's groups from
/// `k * CHUNK`, up to `CHUNK` of them), in its parts: part `j` holds each
/// group's rows `j * ROWS ..` by their places (an empty slot is null, and
/// none after a group's last entry). Each part is reused while those
/// groups are the same.
fn chunk_files(groups: &[index::Placed], k: usize, cache: &SearchCache) -> Vec<OutputFile> {
    let mut opened: Option<Vec<std::borrow::Cow<group::Slots>>> = None;
    (0..chunk_parts(groups))
        .map(|j| {
            let path = chunk_path(k, j);
            // A group's key covers its entries; a further part holds only
            // the groups that reach into it.
            let hash = cache.key(|h| {
                h.add((&path, groups.len()));
                for (n, (key, _, g)) in groups.iter().enumerate() {
                    if j == 0 || g.slots() > j * ROWS {
                        h.add((n, key));
                    }
                }
            });
            cache.keys.note(&path, hash);
            let bytes = cache
                .chunks
                .get_or(hash, || {
                    let opened = opened.get_or_insert_with(|| {
                        groups.iter().map(|(_, _, g)| g.entries()).collect()
                    });
                    let key = match j {
                        0 => k.to_string(),
                        _ => format!("\"{k}-{j}\""),
                    };
                    Ok::<_, std::convert::Infallible>(part_script(opened, j, &key))
                })
                .unwrap_or_else(|e| match e {});
            OutputFile::new(path, bytes)
        })
        .collect()
}

/// Part `j` of a chunk of the groups' slots, as its script registers it
/// under `key`.
fn part_script(groups: &[std::borrow::Cow<group::Slots>], j: usize, key: &str) -> Vec<u8> {
    // A paragraph's row names its document's entry instead of repeating
    // the title: [kind, title or where the parent is, url or anchor,
    // text]. The parent is counted from the first slot of the row's group
    // (before it when negative).
    #[derive(serde::Serialize)]
    #[serde(untagged)]
    enum Row<'a> {
        Child(&'a str, i64, &'a str, &'a str),
        // A timeline entry: its label goes before the document's title.
        Labelled(&'a str, i64, &'a str, &'a str, &'a str),
        Own(&'a str, &'a str, &'a str, &'a str),
        // A document in another language than the site's.
        OwnLang(&'a str, &'a str, &'a str, &'a str, &'a str),
    }
    fn row(e: &Entry) -> Row<'_> {
        match e.parent {
            Some(p) if e.title.is_empty() => Row::Child(e.kind, p, &e.url, &e.text),
            Some(p) => Row::Labelled(e.kind, p, &e.url, &e.text, &e.title),
            None => match &e.lang {
                Some(l) => Row::OwnLang(e.kind, &e.title, &e.url, &e.text, l),
                None => Row::Own(e.kind, &e.title, &e.url, &e.text),
            },
        }
    }
    let rows: Vec<Vec<Option<Row>>> = groups
        .iter()
        .map(|slots| {
            let used = slots.iter().rposition(Option::is_some).map_or(0, |l| l + 1);
            let from = (j * ROWS).min(used);
            slots[from..used.min(from + ROWS)]
                .iter()
                .map(|s| s.as_ref().map(row))
                .collect()
        })
        .collect();
    let mut json = Vec::new();
    // Writing JSON of strings and numbers into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut json, &rows);
    pack::script("e", key, &json)
}

/// The file of one encoded postings shard (or part of one).
fn shard_file((key, bytes): &(String, Arc<Vec<u8>>)) -> OutputFile {
    OutputFile::new(format!("search/t/{key}.js"), Arc::clone(bytes))
}

/// Each group's first id as `meta.js` lists them: the differences from
/// the one before, in multiples of [`PAD`] (every group starts at one), in
/// base 36, comma-separated.
fn group_starts(starts: &[u32]) -> String {
    let mut out = String::with_capacity(starts.len() * 2);
    let mut before = 0;
    for (n, &s) in starts.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        crate::chars::push_base36(&mut out, (s - before) as usize / PAD);
        before = s;
    }
    out
}

/// `search/meta.js` for a kept index (see [`meta_file`]).
fn index_meta(index: &index::Index, urls: &Urls) -> OutputFile {
    let count: usize = index.layout().iter().map(|(_, _, g)| g.count()).sum();
    meta_file(
        count,
        index.starts(),
        &file_keys(index),
        index.terms(),
        urls,
    )
}

/// The keys of an index's shard files, in order.
fn file_keys(index: &index::Index) -> Vec<&str> {
    index
        .shards
        .values()
        .flat_map(|s| s.iter())
        .map(|(k, _)| k.as_str())
        .collect()
}

/// `search/meta.js`: how many entries (`count`), the chunk size, each
/// group's first id (`starts`, which postings are written by), the shard
/// files (`keys`), how many tokens, and the timeline page of each year.
fn meta_file(count: usize, starts: &[u32], keys: &[&str], terms: usize, urls: &Urls) -> OutputFile {
    let years: serde_json::Map<String, serde_json::Value> = urls
        .years
        .iter()
        .map(|(y, page)| (y.to_string(), serde_json::Value::from(page.as_str())))
        .collect();
    // The browser drops the stop words of every language on the site (it
    // has the English ones); with a language stemmed by Snowball, it
    // matches a query word to the longest indexed stem that begins it.
    let mut stop: Vec<&str> = urls
        .languages
        .iter()
        .filter(|l| *l != "en")
        .flat_map(|l| stop_words::of(l).iter().copied())
        .collect();
    stop.sort_unstable();
    stop.dedup();
    let stems = urls.languages.iter().any(|l| l != "en");
    let meta = serde_json::json!({
        "entries": count,
        "stop": stop,
        "stems": stems,
        "chunk": CHUNK,
        "rows": ROWS,
        "groups": group_starts(starts),
        "shards": keys,
        "terms": terms,
        "timeline": years,
    });
    OutputFile::new("search/meta.js", format!("DOSSIER_SEARCH.meta({meta});\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(entries: usize) -> Arc<Group> {
        let entry = Entry {
            kind: "p",
            title: String::new(),
            url: String::new(),
            text: String::new(),
            parent: None,
            lang: None,
        };
        Arc::new(Group::new(vec![(entry, Vec::new()); entries], false))
    }

    #[test]
    fn a_group_outgrowing_its_padding_moves_only_its_block() {
        // The first block's groups fill 63 × 16 + 48 slots: it has room
        // to grow before the next multiple of BLOCK_ALIGN.
        let mut groups: Vec<(u64, Arc<Group>)> = (0..200).map(|k| (k, group(3))).collect();
        groups[0].1 = group(3 * PAD);
        let starts = |groups: &[(u64, Arc<Group>)]| -> Vec<usize> {
            layout(groups.to_vec()).iter().map(|p| p.1).collect()
        };
        let before = starts(&groups);
        assert_eq!(before[1], 3 * PAD);
        assert_eq!(before[BLOCK] % BLOCK_ALIGN, 0);
        groups[10].1 = group(PAD + 1);
        let after = starts(&groups);
        assert_eq!(before[..=10], after[..=10]);
        assert!(before[11..BLOCK]
            .iter()
            .zip(&after[11..BLOCK])
            .all(|(b, a)| a > b));
        assert_eq!(before[BLOCK..], after[BLOCK..]);
    }
}
