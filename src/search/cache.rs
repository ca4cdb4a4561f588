//! The search index's share of what a build keeps for the next (see
//! `memo`): each group of entries by the key of what it was made from, the
//! entry chunks by the keys of the groups they hold, and the merged index,
//! which the next build takes and updates in place.

use super::index::Index;
use super::Group;
use crate::memo::{KeyHasher, KeyLog, Recorder, Slot, Table};

/// What one build's search index leaves for the next.
#[derive(Default)]
pub struct SearchMemo {
    groups: Table<Group>,
    chunks: Table<Vec<u8>>,
    index: Slot<Index>,
}

/// A build's use of the last build's [`SearchMemo`].
pub struct SearchCache<'a> {
    pub(super) groups: Recorder<'a, Group>,
    pub(super) chunks: Recorder<'a, Vec<u8>>,
    last_index: &'a Slot<Index>,
    next_index: Slot<Index>,
    pub(super) keys: KeyLog,
}

impl<'a> SearchCache<'a> {
    pub fn new(last: &'a SearchMemo, active: bool) -> Self {
        SearchCache {
            groups: Recorder::new(&last.groups, active),
            chunks: Recorder::new(&last.chunks, active),
            last_index: &last.index,
            next_index: Slot::default(),
            keys: KeyLog::new(active),
        }
    }

    pub(super) fn active(&self) -> bool {
        self.groups.active()
    }

    pub(super) fn key(&self, add: impl FnOnce(&mut KeyHasher)) -> u64 {
        self.groups.key(add)
    }

    /// The last build's index, taken (when results are kept).
    pub(super) fn take_index(&self) -> Option<Index> {
        self.active().then(|| self.last_index.take()).flatten()
    }

    /// Puts an index patched in place back into the last build's memo
    /// (which a patch keeps, see `session`).
    pub(super) fn restore_index(&self, index: Index) {
        self.last_index.put(index);
    }

    /// Keeps this build's index for the next (when results are kept).
    pub(super) fn keep_index(&self, index: Index) {
        if self.active() {
            self.next_index.put(index);
        }
    }

    /// This build's share, how many chunks were reused and made, and the
    /// chunks' keys by path.
    pub fn finish(self) -> (SearchMemo, usize, usize, KeyLog) {
        let (groups, _) = self.groups.finish();
        let (chunks, reused) = self.chunks.finish();
        let made = chunks.len() - reused;
        let memo = SearchMemo {
            groups,
            chunks,
            index: Slot::new(self.next_index.into_inner()),
        };
        (memo, reused, made, self.keys)
    }
}
