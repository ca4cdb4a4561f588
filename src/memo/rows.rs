//! Rows of long listings (timeline entries, the list of all documents),
//! kept across builds. Pages are remade often while most of their rows stay
//! the same, so rows are not carried by the pages that hold them: the store
//! passes from build to build whole, each page's rows are recorded by its
//! URL, and rows leave the store when their page is remade without them or
//! is gone. So the store holds the rows of the current pages and nothing
//! else, and a page reused as it was costs nothing here.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Rendered rows by key, and the keys of each page's rows.
#[derive(Default)]
pub struct RowStore {
    rows: HashMap<u64, Arc<Vec<u8>>>,
    by_page: HashMap<String, Vec<u64>>,
    /// Pages this build made or kept; the others are dropped at the end.
    seen: HashSet<String>,
}

impl RowStore {
    /// The stored row of each key (`None` where there is none).
    pub fn lookup(&self, keys: &[u64]) -> Vec<Option<Arc<Vec<u8>>>> {
        keys.iter().map(|k| self.rows.get(k).cloned()).collect()
    }

    /// Records that page `url` now holds `rows`: the rows it held before
    /// and no longer does leave the store.
    pub fn set_page(&mut self, url: &str, rows: Vec<(u64, Arc<Vec<u8>>)>) {
        let keys: Vec<u64> = rows.iter().map(|(k, _)| *k).collect();
        for (k, row) in rows {
            self.rows.entry(k).or_insert(row);
        }
        if let Some(old) = self.by_page.insert(url.to_string(), keys) {
            let now: HashSet<u64> = self.by_page[url].iter().copied().collect();
            for k in old.into_iter().filter(|k| !now.contains(k)) {
                self.rows.remove(&k);
            }
        }
        self.seen.insert(url.to_string());
    }

    /// Puts rows of page `url` in place of others (a patch, see
    /// `crate::patch`): for each (old key, new key, row), the old row
    /// leaves and the new one takes its place. Changes nothing and says
    /// `false` unless the page holds every old key.
    pub fn replace_rows(&mut self, url: &str, replaced: Vec<(u64, u64, Arc<Vec<u8>>)>) -> bool {
        let Some(keys) = self.by_page.get_mut(url) else {
            return false;
        };
        let places: Option<Vec<usize>> = replaced
            .iter()
            .map(|(old, _, _)| keys.iter().position(|k| k == old))
            .collect();
        let Some(places) = places else {
            return false;
        };
        for (at, (old, new, row)) in places.into_iter().zip(replaced) {
            keys[at] = new;
            self.rows.remove(&old);
            self.rows.insert(new, row);
        }
        true
    }

    /// Records that page `url` was reused with the rows it had.
    pub fn keep_page(&mut self, url: &str) {
        self.seen.insert(url.to_string());
    }

    /// Drops the rows of the pages this build neither made nor kept, for
    /// the next build.
    pub fn finish(mut self) -> RowStore {
        let gone: Vec<String> = self
            .by_page
            .keys()
            .filter(|url| !self.seen.contains(*url))
            .cloned()
            .collect();
        for url in gone {
            for k in self.by_page.remove(&url).unwrap_or_default() {
                self.rows.remove(&k);
            }
        }
        self.seen.clear();
        self
    }

    /// How many rows are stored.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.rows.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(s: &str) -> Arc<Vec<u8>> {
        Arc::new(s.as_bytes().to_vec())
    }

    #[test]
    fn rows_live_as_long_as_a_page_holds_them() {
        let mut store = RowStore::default();
        store.set_page("a", vec![(1, row("one")), (2, row("two"))]);
        store.set_page("b", vec![(3, row("three"))]);
        let mut store = store.finish();
        assert_eq!(store.len(), 3);
        // Page a remade without row 1; page b kept as it was.
        store.set_page("a", vec![(2, row("two")), (4, row("four"))]);
        store.keep_page("b");
        let mut store = store.finish();
        assert_eq!(
            store
                .lookup(&[1, 2, 3, 4])
                .iter()
                .filter(|r| r.is_some())
                .count(),
            3
        );
        // Page b is gone: its rows go with it.
        store.keep_page("a");
        let store = store.finish();
        assert_eq!(
            store
                .lookup(&[2, 3, 4])
                .iter()
                .map(Option::is_some)
                .collect::<Vec<_>>(),
            [true, false, true]
        );
    }
}
