//! The render stage's share of the memo: rendered bytes by key, each
//! document's search entries, the merged search index, and the quick keys
//! that let a page be found without making its context.

use super::KeyHasher;
use crate::render::knowledge::{Plan, PlanKeys};
use crate::search::index::Index;
use crate::search::Group;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// Rendered bytes by key. Reads come from the last build's memo; this
/// build's results are collected (from parallel renderers) into `next`.
#[derive(Default)]
pub struct RenderMemo {
    pub(crate) active: bool,
    pub(crate) entries: HashMap<u64, Arc<Vec<u8>>>,
    /// Quick keys of pages to their full keys (see
    /// [`RenderCache::by_quick`]).
    pub(crate) quick: HashMap<u64, u64>,
    /// The pagination plan and the keys made with it, by the key of its
    /// inputs.
    pub(crate) plan: Option<(PlanKeys, Arc<Plan>)>,
    /// Each document's search entries with their weighted tokens.
    pub(crate) search: HashMap<u64, Arc<Group>>,
    /// The merged search postings and their encoded shards, taken by the
    /// next build to patch.
    pub(crate) index: Mutex<Option<Index>>,
    /// Rows of long listings, taken whole by the next build.
    pub(crate) rows: Mutex<Option<super::RowStore>>,
    /// Renders reused from the last build and made anew.
    pub reused: usize,
    pub made: usize,
}

/// Looks results up in the last build's memo and records this build's.
pub struct RenderCache<'a> {
    last: &'a RenderMemo,
    next: Mutex<HashMap<u64, Arc<Vec<u8>>>>,
    next_quick: Mutex<HashMap<u64, u64>>,
    next_plan: Option<(PlanKeys, Arc<Plan>)>,
    next_search: Mutex<HashMap<u64, Arc<Group>>>,
    next_index: Mutex<Option<Index>>,
    /// The last build's rows, taken when this cache is made, with this
    /// build's added (`None` when results are not kept).
    rows: Option<Mutex<super::RowStore>>,
    reused: AtomicUsize,
}

impl<'a> RenderCache<'a> {
    pub fn new(last: &'a RenderMemo) -> Self {
        RenderCache {
            last,
            next: Mutex::default(),
            next_quick: Mutex::default(),
            next_plan: None,
            next_search: Mutex::default(),
            next_index: Mutex::default(),
            rows: last.active.then(|| {
                let store = last.rows.lock().unwrap_or_else(|e| e.into_inner()).take();
                Mutex::new(store.unwrap_or_default())
            }),
            reused: AtomicUsize::new(0),
        }
    }

    /// Whether keys are worth computing (the memo is active).
    pub fn active(&self) -> bool {
        self.last.active
    }

    /// A key made by `add`, which runs only when the memo is active (a
    /// one-off build computes no keys; any key serves it).
    pub fn key(&self, add: impl FnOnce(&mut KeyHasher)) -> u64 {
        if !self.active() {
            return 0;
        }
        KeyHasher::of(add)
    }

    /// The bytes for `key`: the last build's when it had them, else made
    /// by `make`; either way remembered for the next build.
    pub fn get_or<E>(
        &self,
        key: u64,
        make: impl FnOnce() -> Result<Vec<u8>, E>,
    ) -> Result<Arc<Vec<u8>>, E> {
        let (bytes, reused) = self.remember(&self.last.entries, &self.next, key, make)?;
        if reused {
            self.reused.fetch_add(1, Ordering::Relaxed);
        }
        Ok(bytes)
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
    pub fn by_quick(&self, quick: u64) -> Option<(u64, Arc<Vec<u8>>)> {
        if !self.active() {
            return None;
        }
        let key = *self.last.quick.get(&quick)?;
        let bytes = self.last.entries.get(&key)?;
        self.quick_is(quick, key);
        self.next
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, Arc::clone(bytes));
        self.reused.fetch_add(1, Ordering::Relaxed);
        Some((key, Arc::clone(bytes)))
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

    /// A document's search entries for `key`, as [`Self::get_or`].
    pub fn search_entries(&self, key: u64, make: impl FnOnce() -> Group) -> Arc<Group> {
        self.infallible(&self.last.search, &self.next_search, key, make)
    }

    /// The search index `make` gives, handed the last build's to patch
    /// (when results are kept and the last build made one).
    pub fn search_index(&self, make: impl FnOnce(Option<Index>) -> Index) -> Index {
        make(self.take_search_index())
    }

    /// The last build's search index, taken (when results are kept).
    pub fn take_search_index(&self) -> Option<Index> {
        if !self.active() {
            return None;
        }
        self.last
            .index
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
    }

    /// Puts a search index patched in place back into the last build's
    /// memo (which a patch keeps, see `crate::patch`).
    pub fn restore_search_index(&self, index: Index) {
        *self.last.index.lock().unwrap_or_else(|e| e.into_inner()) = Some(index);
    }

    /// Gives the rows this cache took back to the last build's memo, with
    /// the rows it changed, for a patch, which keeps that memo: pages it
    /// did not make keep their rows.
    pub fn give_back_rows(self) {
        if let Some(rows) = self.rows {
            let rows = rows.into_inner().unwrap_or_else(|e| e.into_inner());
            *self.last.rows.lock().unwrap_or_else(|e| e.into_inner()) = Some(rows);
        }
    }

    /// The row store, when results are kept.
    pub fn rows(&self) -> Option<std::sync::MutexGuard<'_, super::RowStore>> {
        let rows = self.rows.as_ref()?;
        Some(rows.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// Keeps this build's search index for the next (when results are
    /// kept).
    pub fn keep_search_index(&self, index: Index) {
        if self.active() {
            *self.next_index.lock().unwrap_or_else(|e| e.into_inner()) = Some(index);
        }
    }

    fn infallible<T>(
        &self,
        last: &HashMap<u64, Arc<T>>,
        next: &Mutex<HashMap<u64, Arc<T>>>,
        key: u64,
        make: impl FnOnce() -> T,
    ) -> Arc<T> {
        let made = self.remember(
            last,
            next,
            key,
            || Ok::<_, std::convert::Infallible>(make()),
        );
        match made {
            Ok((value, _)) => value,
            Err(never) => match never {},
        }
    }

    /// The one lookup every kind of result goes through: `last`'s value
    /// for `key`, or `make`'s, recorded in `next` (when the memo is active)
    /// and said whether it was reused.
    fn remember<T, E>(
        &self,
        last: &HashMap<u64, Arc<T>>,
        next: &Mutex<HashMap<u64, Arc<T>>>,
        key: u64,
        make: impl FnOnce() -> Result<T, E>,
    ) -> Result<(Arc<T>, bool), E> {
        if !self.active() {
            return Ok((Arc::new(make()?), false));
        }
        let (value, reused) = match last.get(&key) {
            Some(v) => (Arc::clone(v), true),
            None => (Arc::new(make()?), false),
        };
        next.lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, Arc::clone(&value));
        Ok((value, reused))
    }

    /// This build's results.
    pub fn finish(self) -> RenderMemo {
        let entries = self.next.into_inner().unwrap_or_else(|e| e.into_inner());
        let reused = self.reused.into_inner().min(entries.len());
        RenderMemo {
            active: self.last.active,
            made: entries.len() - reused,
            reused,
            entries,
            plan: self.next_plan,
            quick: self
                .next_quick
                .into_inner()
                .unwrap_or_else(|e| e.into_inner()),
            search: self
                .next_search
                .into_inner()
                .unwrap_or_else(|e| e.into_inner()),
            rows: Mutex::new(
                self.rows
                    .map(|r| r.into_inner().unwrap_or_else(|e| e.into_inner()).finish()),
            ),
            index: Mutex::new(
                self.next_index
                    .into_inner()
                    .unwrap_or_else(|e| e.into_inner()),
            ),
        }
    }
}
