//! Polling, for where filesystem events do not arrive (network drives, some
//! containers and virtual machines): the watched folders are walked every
//! interval and each file's size and modification time are compared with
//! the last walk. Times are compared to the nanosecond, so two saves within
//! one second are both seen.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

/// What a walk records of one path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    dir: bool,
}

type Snapshot = HashMap<PathBuf, Stamp>;

/// A polling thread; it ends when `send` reports that nobody listens.
pub struct Poller {
    dirs: Arc<Mutex<Vec<PathBuf>>>,
}

impl Poller {
    /// Takes the first snapshot now (so an edit made after this returns is
    /// seen), then polls every `interval` on a thread of its own. `send`
    /// gets the changed paths and returns false to stop.
    pub fn start<F>(root: PathBuf, dirs: Vec<PathBuf>, interval: Duration, send: F) -> Poller
    where
        F: Fn(Vec<PathBuf>) -> bool + Send + 'static,
    {
        let dirs = Arc::new(Mutex::new(dirs));
        let shared = Arc::clone(&dirs);
        let mut last = snapshot(&root, &lock(&shared));
        std::thread::spawn(move || loop {
            std::thread::sleep(interval);
            let now = snapshot(&root, &lock(&shared));
            let changed = diff(&last, &now);
            last = now;
            if !changed.is_empty() && !send(changed) {
                return;
            }
        });
        Poller { dirs }
    }

    /// Also walks `dir` from the next poll on (once, however often it is
    /// added: a folder deleted and made again is still polled).
    pub fn add(&self, dir: PathBuf) {
        let mut dirs = self.dirs.lock().unwrap_or_else(|e| e.into_inner());
        if !dirs.contains(&dir) {
            dirs.push(dir);
        }
    }
}

fn lock(dirs: &Mutex<Vec<PathBuf>>) -> Vec<PathBuf> {
    dirs.lock().unwrap_or_else(|e| e.into_inner()).clone()
}

/// Every watched path with its size and time (see `watch::each_watched`).
fn snapshot(root: &Path, dirs: &[PathBuf]) -> Snapshot {
    let mut snap = Snapshot::new();
    super::watch::each_watched(root, dirs, &mut |p| record(&mut snap, p));
    snap
}

fn record(snap: &mut Snapshot, path: &Path) {
    if let Ok(m) = std::fs::metadata(path) {
        snap.insert(
            path.to_path_buf(),
            Stamp {
                len: m.len(),
                modified: m.modified().ok(),
                dir: m.is_dir(),
            },
        );
    }
}

/// Paths added, removed or changed between two walks, sorted. A folder
/// whose own time changed counts only if it came or went: its files say
/// what happened inside it.
fn diff(old: &Snapshot, new: &Snapshot) -> Vec<PathBuf> {
    let mut changed: Vec<PathBuf> = new
        .iter()
        .filter(|(p, s)| match old.get(*p) {
            None => true,
            Some(o) => !s.dir && o != *s,
        })
        .map(|(p, _)| p.clone())
        .chain(old.keys().filter(|p| !new.contains_key(*p)).cloned())
        .collect();
    changed.sort();
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sees_saves_within_one_second_additions_and_removals() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        std::fs::create_dir_all(content.join(".git")).unwrap();
        let a = content.join("a.md");
        std::fs::write(&a, "one").unwrap();
        let dirs = vec![content.clone()];
        let first = snapshot(dir.path(), &dirs);
        assert!(diff(&first, &snapshot(dir.path(), &dirs)).is_empty());
        // Same length, same second: only the nanoseconds differ.
        std::thread::sleep(Duration::from_millis(5));
        std::fs::write(&a, "two").unwrap();
        let second = snapshot(dir.path(), &dirs);
        assert_eq!(diff(&first, &second), vec![a.clone()]);
        let b = content.join("b.md");
        std::fs::write(&b, "new").unwrap();
        std::fs::remove_file(&a).unwrap();
        std::fs::write(content.join(".git/index"), "ignored").unwrap();
        let third = snapshot(dir.path(), &dirs);
        assert_eq!(diff(&second, &third), vec![a, b]);
        std::fs::write(dir.path().join("config.toml"), "title = \"x\"").unwrap();
        let fourth = snapshot(dir.path(), &dirs);
        assert_eq!(diff(&third, &fourth), vec![dir.path().join("config.toml")]);
    }
}
