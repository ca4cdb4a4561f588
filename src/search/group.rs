//! A group of search entries with its postings, and how a group kept
//! between builds is packed (see `memo::Held`): a build opens only the
//! groups it makes chunk files or postings from anew.

use super::{GroupPostings, Indexed, Postings};
use crate::memo::{Held, Pack, Reader, Writer};
use serde::Serialize;
use std::borrow::Cow;

/// A run of consecutive entries (one document's, or the topics', works' and
/// timeline entries') with their postings, ids counted from the run's
/// first entry. A document's group is reused between rebuilds; the
/// site-wide merge then touches each (document, token) pair once instead
/// of each (entry, token) pair.
#[derive(Debug, Default)]
pub struct Group {
    /// How many slots it spans (entries and empty slots).
    slots: usize,
    /// How many of them hold an entry.
    count: usize,
    /// Its slots: an entry, or `None` for an empty slot (a document's
    /// group keeps room between its paragraphs and its timeline entries,
    /// see `entries::doc_entries`).
    entries: Held<Slots>,
    /// Token → (entry offset, weight), by token.
    postings: Held<GroupPostings>,
}

/// A group's slots.
pub type Slots = Vec<Option<Entry>>;

impl Default for Held<Slots> {
    fn default() -> Self {
        Held::Open(Vec::new())
    }
}

impl Default for Held<GroupPostings> {
    fn default() -> Self {
        Held::Open(GroupPostings::default())
    }
}

impl Group {
    /// A group of `entries` with their `postings`, packed when `kept`
    /// for later builds.
    pub fn from_parts(entries: Slots, postings: GroupPostings, kept: bool) -> Group {
        Group {
            slots: entries.len(),
            count: entries.iter().filter(|e| e.is_some()).count(),
            entries: Held::new(entries, kept),
            postings: Held::new(postings, kept),
        }
    }

    /// A group of `indexed` entries, one after the other.
    pub fn new(indexed: Vec<Indexed>, kept: bool) -> Group {
        let mut postings: rustc_hash::FxHashMap<String, Postings> = Default::default();
        let mut entries = Vec::with_capacity(indexed.len());
        for (id, (entry, terms)) in indexed.into_iter().enumerate() {
            entries.push(Some(entry));
            for (t, w) in terms {
                postings.entry(t).or_default().push((id as u32, w));
            }
        }
        // Each token's postings are in id order already.
        Group::from_parts(entries, GroupPostings::new(postings), kept)
    }

    /// How many slots it spans.
    pub fn slots(&self) -> usize {
        self.slots
    }

    /// How many entries it holds (its empty slots not counted).
    pub fn count(&self) -> usize {
        self.count
    }

    /// Its slots, unpacked when packed.
    pub fn entries(&self) -> Cow<'_, Slots> {
        self.entries.get()
    }

    /// Its postings, unpacked when packed.
    pub fn postings(&self) -> Cow<'_, GroupPostings> {
        self.postings.get()
    }
}

/// One search result candidate.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Entry {
    /// `d` document, `p` paragraph, `t` topic, `w` cited work, `y` timeline.
    pub kind: &'static str,
    pub title: String,
    /// Root-relative URL with its anchor.
    pub url: String,
    pub text: String,
    /// For a paragraph or a timeline entry: where its document's entry is,
    /// counted from its group's first slot (before it when negative), whose
    /// title (after the entry's own `title`, a timeline label, when it has
    /// one) and URL it shares (`url` then holds only the `#anchor`; a
    /// timeline anchor is on the timeline's page of its year).
    pub parent: Option<i64>,
    /// A document's entry: its language, when not the site's (its
    /// paragraphs and timeline entries share it).
    pub lang: Option<String>,
}

/// The kinds of entries, by their number when packed.
const KINDS: [&str; 5] = ["d", "p", "t", "w", "y"];

impl Pack for Slots {
    fn pack_into(&self, w: &mut Writer) {
        w.u32(self.len() as u32);
        for slot in self {
            let Some(e) = slot else {
                w.byte(0);
                continue;
            };
            let kind = KINDS.iter().position(|k| *k == e.kind).unwrap_or(1);
            w.byte(kind as u8 + 1);
            w.str(&e.title);
            w.str(&e.url);
            w.str(&e.text);
            // 0 for none, else the offset zigzagged, plus one.
            w.u32(e.parent.map_or(0, |p| ((p << 1) ^ (p >> 63)) as u32 + 1));
            match &e.lang {
                Some(l) => {
                    w.byte(1);
                    w.str(l);
                }
                None => w.byte(0),
            }
        }
    }

    fn unpack_from(r: &mut Reader) -> Option<Self> {
        let len = r.u32()? as usize;
        let mut slots = Vec::with_capacity(len.min(1 << 16));
        for _ in 0..len {
            let kind = match r.byte()? {
                0 => {
                    slots.push(None);
                    continue;
                }
                k => *KINDS.get(usize::from(k) - 1)?,
            };
            let (title, url, text) = (r.str()?, r.str()?, r.str()?);
            let parent = r
                .u32()?
                .checked_sub(1)
                .map(|z| i64::from(z >> 1) ^ -i64::from(z & 1));
            let lang = match r.byte()? {
                0 => None,
                _ => Some(r.str()?),
            };
            slots.push(Some(Entry {
                kind,
                title,
                url,
                text,
                parent,
                lang,
            }));
        }
        r.is_done().then_some(slots)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_packed_group_opens_as_it_was_made() {
        let entry = |kind, text: &str, parent, lang: Option<&str>| Entry {
            kind,
            title: format!("Title of {text}"),
            url: format!("a/#{text}"),
            text: text.repeat(20),
            parent,
            lang: lang.map(str::to_string),
        };
        let entries = vec![
            Some(entry("d", "own", None, Some("ru"))),
            Some(entry("p", "мост", Some(0), None)),
            None,
            Some(entry("y", "1954", Some(0), None)),
            Some(entry("y", "1955", Some(-32), None)),
        ];
        let postings = GroupPostings::new(vec![
            ("river".to_string(), vec![(1, 1), (3, 2)]),
            ("мост".to_string(), vec![(1, 4)]),
        ]);
        let open = Group::from_parts(entries.clone(), postings.clone(), false);
        let packed = Group::from_parts(entries.clone(), postings.clone(), true);
        assert!(matches!(packed.entries, Held::Packed { .. }));
        for g in [&open, &packed] {
            assert_eq!((g.slots(), g.count()), (5, 4));
            assert_eq!(*g.entries(), entries);
            assert_eq!(*g.postings(), postings);
        }
    }
}
