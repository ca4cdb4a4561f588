//! The render stage's share of what a build keeps for the next (see
//! `memo`): rendered bytes by key, the quick keys that find a page without
//! making its context, the pagination plan, the rows of long listings, and
//! the search index's share.

use super::knowledge::{Plan, PlanKeys};
use crate::memo::{KeyHasher, KeyLog, Recorder, RowStore, Slot, Table};
use crate::output::Contents;
use crate::search::{SearchCache, SearchMemo};
use std::collections::BTreeMap;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// What one build's render leaves for the next.
#[derive(Default)]
pub struct RenderMemo {
    active: bool,
    pages: Table<Contents>,
    /// Quick keys of pages to their full keys (see
    /// [`RenderCache::by_quick`]).
    quick: HashMap<u64, u64>,
    /// The pagination plan and the keys made with it, by the key of its
    /// inputs.
    pub(super) plan: Option<(PlanKeys, Arc<Plan>)>,
    /// Rows of long listings, taken whole by the next build.
    rows: Slot<RowStore>,
    search: SearchMemo,
    /// The key of each file found or made by one, by path (kept only when
    /// results are and self-checks are on; see [`KeyLog`]).
    pub keys: BTreeMap<String, u64>,
    /// Files reused from the last build and made anew.
    pub reused: usize,
    pub made: usize,
}

impl RenderMemo {
    /// An empty memo whose builds keep their results: the first of a
    /// series. (`RenderMemo::default()` keeps nothing.)
    pub fn active() -> Self {
        RenderMemo {
            active: true,
            ..RenderMemo::default()
        }
    }
}

/// Looks results up in the last build's memo and records this build's.
pub struct RenderCache<'a> {
    last: &'a RenderMemo,
    pages: Recorder<'a, Contents>,
    next_quick: Mutex<HashMap<u64, u64>>,
    next_plan: Option<(PlanKeys, Arc<Plan>)>,
    /// The last build's rows, taken when this cache is made, with this
    /// build's added (`None` when results are not kept).
    rows: Option<Mutex<RowStore>>,
    pub search: SearchCache<'a>,
    keys: KeyLog,
}

impl<'a> RenderCache<'a> {
    pub fn new(last: &'a RenderMemo) -> Self {
        RenderCache {
            last,
            pages: Recorder::new(&last.pages, last.active),
            next_quick: Mutex::default(),
            next_plan: None,
            rows: last
                .active
                .then(|| Mutex::new(last.rows.take().unwrap_or_default())),
            search: SearchCache::new(&last.search, last.active),
            keys: KeyLog::new(last.active),
        }
    }

    /// Whether keys are worth computing (the memo is active).
    pub fn active(&self) -> bool {
        self.last.active
    }

    /// A key made by `add`, which runs only when the memo is active (a
    /// one-off build computes no keys; any key serves it).
    pub fn key(&self, add: impl FnOnce(&mut KeyHasher)) -> u64 {
        self.pages.key(add)
    }

    /// The bytes for `key`: the last build's when it had them, else made
    /// by `make`; either way remembered for the next build.
    pub fn get_or<E>(
        &self,
        key: u64,
        make: impl FnOnce() -> Result<Vec<u8>, E>,
    ) -> Result<Contents, E> {
        let kept = self.active();
        self.pages
            .get_or(key, || make().map(|bytes| Contents::kept(kept, bytes)))
            .map(|c| (*c).clone())
    }

    /// The plan for `keys` (`None` when results are not kept): the last
    /// build's when its keys are the same, else `make`'s, which is handed
    /// the last build's plan with its keys (to copy the parts whose keys
    /// are the same).
    pub fn plan(
        &mut self,
        keys: Option<PlanKeys>,
        make: impl FnOnce(Option<(PlanKeys, &Plan)>) -> Plan,
    ) -> Arc<Plan> {
        let plan = match (keys, &self.last.plan) {
            (Some(k), Some((was, plan))) if k == *was => Arc::clone(plan),
            (_, last) => Arc::new(make(last.as_ref().map(|(k, p)| (*k, &**p)))),
        };
        self.next_plan = keys.map(|k| (k, Arc::clone(&plan)));
        plan
    }

    /// The last build's page whose quick key is `quick`, with its full
    /// key; both kept for the next build. A quick key is a hash of a
    /// page's inputs made from other keys, without making the page's
    /// context: it finds the page without the cost of its full key (a
    /// hash of all of its context). The render stage checks in debug
    /// builds that a quick key covers everything the full key does.
    pub fn by_quick(&self, quick: u64) -> Option<(u64, Contents)> {
        if !self.active() {
            return None;
        }
        let key = *self.last.quick.get(&quick)?;
        let bytes = self.pages.reuse(key)?;
        self.quick_is(quick, key);
        Some((key, (*bytes).clone()))
    }

    /// Records that the file at `path` has key `key` (see [`KeyLog`]).
    pub fn note_key(&self, path: &str, key: u64) {
        self.keys.note(path, key);
    }

    /// Records that the page with quick key `quick` has full key `key`.
    pub fn quick_is(&self, quick: u64, key: u64) {
        if self.active() {
            self.next_quick
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(quick, key);
        }
    }

    /// Gives the rows this cache took back to the last build's memo, with
    /// the rows it changed, for a patch, which keeps that memo: pages it
    /// did not make keep their rows.
    pub fn give_back_rows(self) {
        if let Some(rows) = self.rows {
            self.last
                .rows
                .put(rows.into_inner().unwrap_or_else(|e| e.into_inner()));
        }
    }

    /// The row store, when results are kept.
    pub fn rows(&self) -> Option<std::sync::MutexGuard<'_, RowStore>> {
        let rows = self.rows.as_ref()?;
        Some(rows.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// This build's results.
    pub fn finish(self) -> RenderMemo {
        let (pages, reused) = self.pages.finish();
        let (search, chunks_reused, chunks_made, chunk_keys) = self.search.finish();
        let mut keys = self.keys.finish();
        keys.extend(chunk_keys.finish());
        RenderMemo {
            active: self.last.active,
            made: pages.len() - reused + chunks_made,
            reused: reused + chunks_reused,
            pages,
            plan: self.next_plan,
            quick: self
                .next_quick
                .into_inner()
                .unwrap_or_else(|e| e.into_inner()),
            rows: Slot::new(
                self.rows
                    .map(|r| r.into_inner().unwrap_or_else(|e| e.into_inner()).finish()),
            ),
            search,
            keys,
        }
    }
}
