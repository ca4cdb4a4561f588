//! A new output being written: files go into a hidden staging folder
//! beside the output as soon as they are made (so a build holds no more of
//! its output in memory than the pages in flight), then the folder is
//! swapped in by [`Staging::finish`]. Dropped unfinished (an error on the
//! way), the staging folder is removed and the output is untouched.

use super::{guard, inside, recover, remove_ours, swap, unchanged};
use super::{Emit, OutputFile};
use anyhow::{Context, Result};
use guard::{Protected, MARKER, MARKER_TEXT};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub struct Staging {
    dir: PathBuf,
    out: PathBuf,
    parent: PathBuf,
    name: String,
    /// The output being replaced, whose unchanged files are hard-linked.
    previous: Option<PathBuf>,
    /// Folders made so far, and files written so far (a later file of the
    /// same path replaces the earlier).
    folders: Mutex<HashSet<PathBuf>>,
    written: Mutex<HashSet<String>>,
    finished: bool,
}

impl Staging {
    /// Checks that `out_dir` may be replaced ([`guard::check_target`]),
    /// deals with a killed build's leftovers, and makes the staging folder
    /// with the marker in it.
    pub fn begin(out_dir: &Path, force: bool, protected: &Protected) -> Result<Staging> {
        guard::check_target(out_dir, force, protected)?;
        let out = guard::absolute(out_dir)?;
        let parent = out
            .parent()
            .context("output folder has no parent")?
            .to_path_buf();
        let name = out
            .file_name()
            .context("output folder has no name")?
            .to_string_lossy()
            .into_owned();
        std::fs::create_dir_all(&parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
        recover(&parent, &name, &out);
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        remove_ours(&dir);
        std::fs::create_dir(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let staging = Staging {
            previous: out.is_dir().then(|| out.clone()),
            dir,
            out,
            parent,
            name,
            folders: Mutex::new(HashSet::new()),
            written: Mutex::new(HashSet::new()),
            finished: false,
        };
        let marker = staging.dir.join(MARKER);
        std::fs::write(&marker, MARKER_TEXT)
            .with_context(|| format!("cannot write {}", marker.display()))?;
        Ok(staging)
    }

    /// Where `path` goes, its folder made; a file written there before is
    /// removed first (it may be a hard link into the previous output,
    /// which must not change).
    fn place(&self, path: &str) -> Result<PathBuf> {
        let to = self.dir.join(inside(path)?);
        if let Some(folder) = to.parent() {
            let mut made = self.folders.lock().unwrap_or_else(|e| e.into_inner());
            if !made.contains(folder) {
                std::fs::create_dir_all(folder)
                    .with_context(|| format!("cannot create {}", folder.display()))?;
                made.insert(folder.to_path_buf());
            }
        }
        let again = !self
            .written
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string());
        if again {
            let _ = std::fs::remove_file(&to);
        }
        Ok(to)
    }

    /// Writes `files` (in parallel); an error says the output is as it was.
    pub fn write_all(&self, files: &[OutputFile]) -> Result<()> {
        use rayon::prelude::*;
        files
            .par_iter()
            .try_for_each(|f| self.emit(f))
            .map_err(|e| e.context(format!("the previous {} is unchanged", self.out.display())))
    }

    /// Swaps the staging folder in for the output.
    pub fn finish(mut self) -> Result<()> {
        self.finished = true;
        swap(&self.dir, &self.out, &self.parent, &self.name)
    }
}

impl Emit for Staging {
    /// Writes `file`; one whose bytes equal the previous output's file is
    /// hard-linked from there instead (no new inode, no data written).
    fn emit(&self, file: &OutputFile) -> Result<()> {
        let to = self.place(&file.path)?;
        if let Some(prev) = &self.previous {
            let old = prev.join(&file.path);
            let bytes = file.bytes.plain();
            if unchanged(&old, &bytes) && std::fs::hard_link(&old, &to).is_ok() {
                return Ok(());
            }
        }
        std::fs::write(&to, file.bytes.plain())
            .with_context(|| format!("cannot write {}", to.display()))
    }

    /// Copies the file at `from` (a file beside the texts) to `path`.
    fn copy(&self, path: &str, from: &Path) -> Result<()> {
        let to = self.place(path)?;
        std::fs::copy(from, &to)
            .map(|_| ())
            .with_context(|| format!("cannot copy {} to {}", from.display(), to.display()))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.finished {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}
