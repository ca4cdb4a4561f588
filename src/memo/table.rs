//! The memo's two containers: values of one kind by key ([`Table`], read
//! through a [`Recorder`] that keeps what a build used), and one value
//! passed whole from a build to the next ([`Slot`]). They know keys and
//! values only; each stage decides what it keeps in them.

use super::KeyHasher;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// Values by key, as one build made or reused them.
pub struct Table<T>(HashMap<u64, Arc<T>>);

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table(HashMap::new())
    }
}

impl<T> Table<T> {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn get(&self, key: u64) -> Option<&Arc<T>> {
        self.0.get(&key)
    }
}

/// A build's use of the last build's [`Table`]: lookups in it, and this
/// build's values (made or reused) recorded for the next, from any thread.
/// Inactive (a one-off build), it computes no keys and records nothing.
pub struct Recorder<'a, T> {
    active: bool,
    last: &'a Table<T>,
    next: Mutex<HashMap<u64, Arc<T>>>,
    reused: AtomicUsize,
}

impl<'a, T> Recorder<'a, T> {
    pub fn new(last: &'a Table<T>, active: bool) -> Self {
        Recorder {
            active,
            last,
            next: Mutex::default(),
            reused: AtomicUsize::new(0),
        }
    }

    /// Whether keys are worth computing (results are kept).
    pub fn active(&self) -> bool {
        self.active
    }

    /// A key made by `add`, which runs only when active (a one-off build
    /// computes no keys; any key serves it).
    pub fn key(&self, add: impl FnOnce(&mut KeyHasher)) -> u64 {
        if !self.active {
            return 0;
        }
        KeyHasher::of(add)
    }

    /// The value for `key`: the last build's when it had one, else made by
    /// `make`; either way recorded for the next build.
    pub fn get_or<E>(&self, key: u64, make: impl FnOnce() -> Result<T, E>) -> Result<Arc<T>, E> {
        if !self.active {
            return Ok(Arc::new(make()?));
        }
        let value = match self.last.get(key) {
            Some(v) => {
                self.reused.fetch_add(1, Ordering::Relaxed);
                Arc::clone(v)
            }
            None => Arc::new(make()?),
        };
        self.lock().insert(key, Arc::clone(&value));
        Ok(value)
    }

    /// [`Self::get_or`] for a `make` that cannot fail.
    pub fn get_or_make(&self, key: u64, make: impl FnOnce() -> T) -> Arc<T> {
        match self.get_or(key, || Ok::<_, std::convert::Infallible>(make())) {
            Ok(value) => value,
            Err(never) => match never {},
        }
    }

    /// The last build's value for `key`, recorded as reused (when active).
    pub fn reuse(&self, key: u64) -> Option<Arc<T>> {
        if !self.active {
            return None;
        }
        let value = Arc::clone(self.last.get(key)?);
        self.lock().insert(key, Arc::clone(&value));
        self.reused.fetch_add(1, Ordering::Relaxed);
        Some(value)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Arc<T>>> {
        self.next.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// This build's values, and how many of them were the last build's.
    pub fn finish(self) -> (Table<T>, usize) {
        let next = self.next.into_inner().unwrap_or_else(|e| e.into_inner());
        let reused = self.reused.into_inner().min(next.len());
        (Table(next), reused)
    }
}

/// One value passed whole from a build to the next: taken by the build
/// that updates it, put back (or replaced) when it is done.
pub struct Slot<T>(Mutex<Option<T>>);

impl<T> Default for Slot<T> {
    fn default() -> Self {
        Slot(Mutex::new(None))
    }
}

impl<T> Slot<T> {
    pub fn new(value: Option<T>) -> Self {
        Slot(Mutex::new(value))
    }

    pub fn take(&self) -> Option<T> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).take()
    }

    pub fn put(&self, value: T) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(value);
    }

    pub fn into_inner(self) -> Option<T> {
        self.0.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

/// The key each file of a build was found or made by, by its path: what
/// the key-coverage test compares between builds (a file whose bytes
/// change must change its key). Kept only when results are and
/// self-checks are on (the tests): `serve` does not pay for it.
#[derive(Default)]
pub struct KeyLog(Option<Mutex<Vec<(String, u64)>>>);

impl KeyLog {
    pub fn new(active: bool) -> Self {
        KeyLog((active && super::self_check()).then(Mutex::default))
    }

    pub fn note(&self, path: &str, key: u64) {
        if let Some(log) = &self.0 {
            log.lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((path.to_string(), key));
        }
    }

    /// The keys by path (of a path noted twice, the last).
    pub fn finish(self) -> std::collections::BTreeMap<String, u64> {
        let log = self
            .0
            .map(|m| m.into_inner().unwrap_or_else(|e| e.into_inner()));
        log.unwrap_or_default().into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recorder_reuses_the_last_tables_values_and_keeps_only_what_it_used() {
        let empty = Table::default();
        let first = Recorder::new(&empty, true);
        let a = first.get_or_make(1, || "one".to_string());
        first.get_or_make(2, || "two".to_string());
        let (table, reused) = first.finish();
        assert_eq!((table.len(), reused), (2, 0));
        let second = Recorder::new(&table, true);
        let again = second.get_or_make(1, || unreachable!());
        assert!(Arc::ptr_eq(&a, &again));
        assert_eq!(second.reuse(3), None);
        let (next, reused) = second.finish();
        assert_eq!((next.len(), reused), (1, 1), "key 2 was not used");
    }

    #[test]
    fn an_inactive_recorder_keeps_nothing_and_makes_no_keys() {
        let table = Table::default();
        let r = Recorder::new(&table, false);
        assert_eq!(r.key(|h| h.add("anything")), 0);
        assert_eq!(*r.get_or_make(5, || 7), 7);
        assert_eq!(r.finish().0.len(), 0);
    }

    #[test]
    fn a_slot_hands_its_value_on_once() {
        let s = Slot::new(Some(4));
        assert_eq!(s.take(), Some(4));
        assert_eq!(s.take(), None);
        s.put(5);
        assert_eq!(s.into_inner(), Some(5));
    }
}
