//! Watching: notify reports file events, and the serve loop batches them
//! (see `serve::run`), so that one save (write in place, write-then-rename,
//! delete-then-create, swap files) and a burst of changes (a `git checkout`)
//! each give one rebuild. Folders are watched, not files, so replace-on-save
//! editors are seen. Reads are not changes: the build and the fingerprints
//! below read every file, and counting those reads would make each rebuild
//! trigger the next. Hidden and temporary files and the output folder are
//! ignored. Where native events do not work (network drives, some
//! containers), a polling watcher takes over.

use super::poll::Poller;
use super::Event;
use crate::config::Config;
use anyhow::{Context, Result};
use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

/// How often the polling watcher looks at the files.
pub const POLL_INTERVAL: Duration = Duration::from_millis(500);

/// The watcher and the folders it covers.
pub struct Watching {
    backend: Backend,
    /// Each watched folder with the inode it had: a folder deleted and made
    /// again (a checkout, a restore) is a new inode, watched again.
    watched: Vec<(PathBuf, u64)>,
}

fn inode(dir: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(dir).map_or(0, |m| m.ino())
}

enum Backend {
    Native(Box<dyn Watcher + Send>),
    Poll(Poller),
}

impl Watching {
    /// Starts watching folders that appeared since (a `static/` or
    /// `templates/` created while serving) and watches again those deleted
    /// and made anew (whose old watch died with them). True when it did:
    /// files written into them before the watch began were not seen.
    pub fn add_new_folders(&mut self, root: &Path, config: Option<&Config>) -> bool {
        // A folder gone is forgotten now: made again, it may get the same
        // inode number back, and its old watch died with it.
        let backend = &mut self.backend;
        self.watched.retain(|(dir, _)| {
            let there = dir.is_dir();
            if !there {
                if let Backend::Native(w) = backend {
                    let _ = w.unwatch(dir);
                }
            }
            there
        });
        let mut added = false;
        for dir in folders(root, config) {
            let ino = inode(&dir);
            let known = self.watched.iter().position(|(d, _)| *d == dir);
            if let Some(i) = known {
                if self.watched[i].1 == ino {
                    continue;
                }
                self.watched.remove(i);
                if let Backend::Native(w) = &mut self.backend {
                    let _ = w.unwatch(&dir);
                }
            }
            match &mut self.backend {
                Backend::Native(w) => {
                    if w.watch(&dir, RecursiveMode::Recursive).is_err() {
                        continue;
                    }
                }
                Backend::Poll(p) => p.add(dir.clone()),
            }
            self.watched.push((dir, ino));
            added = true;
        }
        added
    }

    /// Whether changes are found by polling.
    pub fn polling(&self) -> bool {
        matches!(self.backend, Backend::Poll(_))
    }
}

/// Starts watching the site at `root`; changed paths go to `tx` as they
/// happen (the serve loop batches them). With `poll`, or when native events
/// cannot be had, the files are polled.
pub fn start(
    root: &Path,
    config: Option<&Config>,
    tx: Sender<Event>,
    poll: bool,
) -> Result<Watching> {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let root_for_filter = root.clone();
    let output = config.map(|c| {
        c.output_dir
            .canonicalize()
            .unwrap_or_else(|_| c.output_dir.clone())
    });
    let relevant_paths = move |paths: Vec<PathBuf>| -> Vec<PathBuf> {
        paths
            .into_iter()
            .filter(|p| relevant(&root_for_filter, output.as_deref(), p))
            .collect()
    };
    let dirs = folders(&root, config);
    if !poll {
        let (tx, relevant_paths) = (tx.clone(), relevant_paths.clone());
        let handler = move |res: notify::Result<notify::Event>| match res {
            Ok(event) if event.need_rescan() => {
                let _ = tx.send(Event::WatchError(
                    "file events were missed; every file is looked at again".into(),
                ));
            }
            Ok(event) if is_change(&event.kind) => {
                let saved = completes_a_save(&event.kind);
                let paths = relevant_paths(event.paths);
                if !paths.is_empty() {
                    let _ = tx.send(Event::Changed(paths, saved));
                }
            }
            Ok(_) => {}
            Err(e) => {
                let _ = tx.send(Event::WatchError(e.to_string()));
            }
        };
        let native = RecommendedWatcher::new(handler, notify::Config::default())
            .map_err(anyhow::Error::from)
            .and_then(|w| watch_all(Box::new(w), &root, &dirs));
        match native {
            Ok(watcher) => {
                return Ok(Watching {
                    backend: Backend::Native(watcher),
                    watched: dirs.iter().map(|d| (d.clone(), inode(d))).collect(),
                })
            }
            Err(e) => eprintln!("file events unavailable ({e:#}); polling for changes instead"),
        }
    }
    let poller = Poller::start(root, dirs.clone(), POLL_INTERVAL, move |paths| {
        let paths = relevant_paths(paths);
        // Polling sees files as they are: each change is complete.
        paths.is_empty() || tx.send(Event::Changed(paths, true)).is_ok()
    });
    Ok(Watching {
        watched: dirs.iter().map(|d| (d.clone(), inode(d))).collect(),
        backend: Backend::Poll(poller),
    })
}

/// The site root itself (`config.toml`), then its folders, recursively.
fn watch_all(
    mut watcher: Box<dyn Watcher + Send>,
    root: &Path,
    dirs: &[PathBuf],
) -> Result<Box<dyn Watcher + Send>> {
    watcher
        .watch(root, RecursiveMode::NonRecursive)
        .with_context(|| format!("cannot watch {}", root.display()))?;
    for dir in dirs {
        watcher
            .watch(dir, RecursiveMode::Recursive)
            .with_context(|| format!("cannot watch {}", dir.display()))?;
    }
    Ok(watcher)
}

/// Does an event of this kind change anything? Opening, reading and closing
/// a file unchanged do not.
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// Does an event of this kind leave a file complete: written and closed,
/// or renamed into place? (A file created, truncated or being written may
/// be half-saved.)
fn completes_a_save(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Access(AccessKind::Close(AccessMode::Write))
            | EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both))
    )
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
        each_watched(root, dirs, &mut |p| {
            self.record(p);
        });
    }

    /// Records what `path` holds now; true if that differs from before. A
    /// file that came and went unseen (`sed -i`'s temporary) is no change.
    fn record(&mut self, path: &Path) -> bool {
        let now = fingerprint(path);
        match self.seen.insert(path.to_path_buf(), now) {
            None => now.is_some(),
            Some(before) => before != now,
        }
    }

    /// Whether `path` is a file seen before (not one being created).
    pub fn knows_file(&self, path: &Path) -> bool {
        matches!(self.seen.get(path), Some(Some(_))) && !path.is_dir()
    }

    /// The paths whose contents differ from when they were last seen.
    pub fn changed(&mut self, paths: Vec<PathBuf>) -> Vec<PathBuf> {
        paths.into_iter().filter(|p| self.record(p)).collect()
    }
}

fn fingerprint(path: &Path) -> Option<u64> {
    let mut h = DefaultHasher::new();
    if path.is_dir() {
        // Editors' swap and backup files come and go during a save.
        let mut names: Vec<String> = std::fs::read_dir(path)
            .ok()?
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .filter(|n| !crate::sources::is_ignored_name(n))
            .collect();
        names.sort();
        names.hash(&mut h);
    } else {
        std::fs::read(path).ok()?.hash(&mut h);
    }
    Some(h.finish())
}

/// Visits every watched path: the files directly in `root`, then each of
/// `dirs` and everything under it, folders included; hidden folders
/// (`.git`) are not entered.
pub fn each_watched(root: &Path, dirs: &[PathBuf], visit: &mut dyn FnMut(&Path)) {
    if let Ok(entries) = std::fs::read_dir(root) {
        for e in entries.flatten() {
            if e.file_type().is_ok_and(|t| t.is_file()) {
                visit(&e.path());
            }
        }
    }
    for d in dirs {
        walk_tree(d, visit);
    }
}

fn walk_tree(dir: &Path, visit: &mut dyn FnMut(&Path)) {
    visit(dir);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        if e.file_type().is_ok_and(|t| t.is_dir()) {
            if !e.file_name().to_string_lossy().starts_with('.') {
                walk_tree(&path, visit);
            }
        } else {
            visit(&path);
        }
    }
}

/// The folders to watch for the site at `root`, canonical.
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
    // Canonical, as the paths in file events are.
    let mut dirs: Vec<PathBuf> = dirs
        .into_iter()
        .filter(|d| d.is_dir())
        .map(|d| d.canonicalize().unwrap_or(d))
        .collect();
    dirs.sort();
    dirs.dedup();
    dirs
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
        let gone = dir.path().join("sedX1y2z3");
        assert!(f.changed(vec![gone]).is_empty(), "came and went unseen");
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
