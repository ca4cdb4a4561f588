//! Stamps: what the file system says of a source and its sidecar, so that
//! a rebuild need not read a file that did not change.

use super::sidecar_path;
use std::path::Path;

/// What the file system says of a source and its sidecar: a changed
/// stamp means a changed file. Stamps are trusted only for files last
/// changed well before they were read ([`Stamp::settled_before`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    file: FileStamp,
    sidecar: Option<FileStamp>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct FileStamp {
    len: u64,
    modified: std::time::SystemTime,
    /// When the file's contents or name last changed, as far as the
    /// system knows (the inode change time on Unix: no tool sets it back).
    changed: std::time::SystemTime,
    inode: u64,
}

impl FileStamp {
    fn of(path: &Path) -> Option<FileStamp> {
        let m = std::fs::metadata(path).ok()?;
        let modified = m.modified().ok()?;
        #[cfg(unix)]
        let (changed, inode) = {
            use std::os::unix::fs::MetadataExt;
            let ctime = std::time::UNIX_EPOCH
                + std::time::Duration::new(m.ctime().max(0) as u64, m.ctime_nsec().max(0) as u32);
            (ctime, m.ino())
        };
        #[cfg(not(unix))]
        let (changed, inode) = (modified, 0);
        Some(FileStamp {
            len: m.len(),
            modified,
            changed,
            inode,
        })
    }
}

impl Stamp {
    /// The stamp of a source file and its sidecar; `None` if the file
    /// cannot be read.
    pub fn of(path: &Path) -> Option<Stamp> {
        Some(Stamp {
            file: FileStamp::of(path)?,
            sidecar: FileStamp::of(&sidecar_path(path)),
        })
    }

    /// Whether the files were last changed more than two seconds (coarser
    /// than any file system's clock) before `t`. A file read at `t` with
    /// such a stamp and seen later with the same stamp was not changed in
    /// between: a change after `t` would have set a later time.
    pub fn settled_before(&self, t: std::time::SystemTime) -> bool {
        let margin = std::time::Duration::from_secs(2);
        let settled = |f: &FileStamp| f.changed.max(f.modified) + margin < t;
        settled(&self.file) && self.sidecar.as_ref().is_none_or(settled)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_see_every_change_and_settle() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "one").unwrap();
        let first = Stamp::of(&path).unwrap();
        assert_eq!(Stamp::of(&path), Some(first.clone()));
        // Same length, modification time set back: the change time and
        // the inode still tell.
        let back = std::fs::metadata(&path).unwrap().modified().unwrap();
        std::fs::write(dir.path().join("b.md"), "two").unwrap();
        std::fs::rename(dir.path().join("b.md"), &path).unwrap();
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(back)
            .unwrap();
        assert_ne!(Stamp::of(&path), Some(first.clone()));
        // A sidecar appearing is a change too.
        let before = Stamp::of(&path);
        std::fs::write(dir.path().join("a.meta.toml"), "title = 'A'").unwrap();
        assert_ne!(Stamp::of(&path), before);
        // Stamps of files changed just now are not trusted yet.
        let now = std::time::SystemTime::now();
        let stamp = Stamp::of(&path).unwrap();
        assert!(!stamp.settled_before(now));
        assert!(stamp.settled_before(now + std::time::Duration::from_secs(3)));
        assert_eq!(Stamp::of(&dir.path().join("missing.md")), None);
    }
}
