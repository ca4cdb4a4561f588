//! Watching: notify with a debouncer, so that one save (write in place,
//! write-then-rename, delete-then-create, swap files) and a burst of changes
//! (a `git checkout`) each give one batch. Folders are watched, not files,
//! so replace-on-save editors are seen. Hidden and temporary files and the
//! output folder are ignored.

use super::Event;
use crate::config::Config;
use anyhow::{Context, Result};
use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{new_debouncer, DebounceEventResult, Debouncer};
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

/// Quiet time that ends a batch of events.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

pub type Watcher = Debouncer<notify_debouncer_mini::notify::RecommendedWatcher>;

/// The watcher and the folders it covers.
pub struct Watching {
    pub debouncer: Watcher,
    watched: Vec<PathBuf>,
}

impl Watching {
    /// Starts watching folders that appeared since (a `static/` or
    /// `templates/` created while serving).
    pub fn add_new_folders(&mut self, root: &Path, config: Option<&Config>) {
        for dir in folders(root, config) {
            if !self.watched.contains(&dir)
                && self
                    .debouncer
                    .watcher()
                    .watch(&dir, RecursiveMode::Recursive)
                    .is_ok()
            {
                self.watched.push(dir);
            }
        }
    }
}

/// Starts watching the site at `root`; batches go to `tx`.
pub fn start(root: &Path, config: Option<&Config>, tx: Sender<Event>) -> Result<Watching> {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let output = config.map(|c| {
        c.output_dir
            .canonicalize()
            .unwrap_or_else(|_| c.output_dir.clone())
    });
    let filter_root = root.clone();
    let mut debouncer = new_debouncer(DEBOUNCE, move |res: DebounceEventResult| match res {
        Ok(events) => {
            let mut paths: Vec<PathBuf> = events
                .into_iter()
                .map(|e| e.path)
                .filter(|p| relevant(&filter_root, output.as_deref(), p))
                .collect();
            paths.sort();
            paths.dedup();
            if !paths.is_empty() {
                let _ = tx.send(Event::Changed(paths));
            }
        }
        Err(e) => {
            let _ = tx.send(Event::WatchError(e.to_string()));
        }
    })
    .context("cannot start the file watcher")?;
    let watcher = debouncer.watcher();
    // The site root itself (config.toml), then its folders, recursively.
    watcher
        .watch(&root, RecursiveMode::NonRecursive)
        .with_context(|| format!("cannot watch {}", root.display()))?;
    let watched = folders(&root, config);
    for dir in &watched {
        watcher
            .watch(dir, RecursiveMode::Recursive)
            .with_context(|| format!("cannot watch {}", dir.display()))?;
    }
    Ok(Watching { debouncer, watched })
}

/// What each watched file or folder held when last seen, so that events
/// which change nothing (a build reading a file, an editor saving the same
/// bytes) cause no rebuild. A file is known by a hash of its bytes, a folder
/// by the names it holds.
#[derive(Default)]
pub struct Fingerprints {
    seen: HashMap<PathBuf, Option<u64>>,
}

impl Fingerprints {
    /// Records everything under `dirs` (and the files directly in `root`).
    pub fn seed(&mut self, root: &Path, dirs: &[PathBuf]) {
        self.record(root);
        if let Ok(entries) = std::fs::read_dir(root) {
            for e in entries.flatten() {
                if e.path().is_file() {
                    self.record(&e.path());
                }
            }
        }
        for d in dirs {
            self.walk(d);
        }
    }

    fn walk(&mut self, dir: &Path) {
        self.record(dir);
        if let Ok(entries) = std::fs::read_dir(dir) {
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    self.walk(&p);
                } else {
                    self.record(&p);
                }
            }
        }
    }

    fn record(&mut self, path: &Path) -> bool {
        let now = fingerprint(path);
        self.seen.insert(path.to_path_buf(), now) != Some(now)
    }

    /// The paths whose contents differ from when they were last seen.
    pub fn changed(&mut self, paths: Vec<PathBuf>) -> Vec<PathBuf> {
        paths.into_iter().filter(|p| self.record(p)).collect()
    }
}

fn fingerprint(path: &Path) -> Option<u64> {
    let mut h = DefaultHasher::new();
    if path.is_dir() {
        let mut names: Vec<String> = std::fs::read_dir(path)
            .ok()?
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .collect();
        names.sort();
        names.hash(&mut h);
    } else {
        std::fs::read(path).ok()?.hash(&mut h);
    }
    Some(h.finish())
}

/// The folders to watch for the site at `root`.
pub fn folders(root: &Path, config: Option<&Config>) -> Vec<PathBuf> {
    let mut dirs = vec![
        root.join("templates"),
        root.join("static"),
        root.join("themes"),
    ];
    match config {
        Some(c) => {
            dirs.push(c.content_dir.clone());
            if let Some(parent) = c.topic_map.parent() {
                dirs.push(parent.to_path_buf());
            }
        }
        None => dirs.push(root.join("content")),
    }
    dirs.sort();
    dirs.dedup();
    dirs.into_iter().filter(|d| d.is_dir()).collect()
}

/// Does a change at `path` concern the site?
pub fn relevant(root: &Path, output: Option<&Path>, path: &Path) -> bool {
    if output.is_some_and(|o| path.starts_with(o)) {
        return false;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    if crate::sources::is_ignored_name(&name) {
        return false;
    }
    // Inside the root, only its own files and the watched folders count;
    // hidden folders (`.git`) never do.
    let rel = path.strip_prefix(root).unwrap_or(path);
    !rel.components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_real_changes_count() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.md");
        std::fs::write(&a, "one").unwrap();
        let mut f = Fingerprints::default();
        f.seed(dir.path(), &[]);
        assert!(f.changed(vec![a.clone()]).is_empty(), "read, not changed");
        std::fs::write(&a, "one").unwrap();
        assert!(
            f.changed(vec![a.clone()]).is_empty(),
            "same bytes saved again"
        );
        std::fs::write(&a, "two").unwrap();
        assert_eq!(f.changed(vec![a.clone()]), vec![a.clone()]);
        std::fs::remove_file(&a).unwrap();
        assert_eq!(
            f.changed(vec![a.clone(), dir.path().to_path_buf()]).len(),
            2,
            "the file and its folder"
        );
    }

    #[test]
    fn editor_leftovers_and_output_are_ignored() {
        let root = Path::new("/site");
        let out = Some(Path::new("/site/public"));
        for p in [
            "/site/content/.a.md.swp",
            "/site/content/a.md~",
            "/site/content/4913",
            "/site/public/index.html",
            "/site/.git/index",
            "/site/content/#a.md#",
        ] {
            assert!(!relevant(root, out, Path::new(p)), "{p}");
        }
        for p in [
            "/site/content/a.md",
            "/site/config.toml",
            "/site/templates/base.html",
            "/site/content/topics.toml",
        ] {
            assert!(relevant(root, out, Path::new(p)), "{p}");
        }
    }
}
