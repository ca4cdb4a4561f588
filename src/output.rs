//! Output: write the rendered files atomically.
//!
//! 1. Write every file into a staging folder beside the output
//!    (`.<name>.staging`), in parallel.
//! 2. Move the old output aside (`.<name>.old`), move the staging folder into
//!    place, then delete the old output.
//!
//! If any write fails the staging folder is removed and the previous output
//! is left exactly as it was. The output folder may not be the site root, the
//! content folder or one of their ancestors: dossier never deletes sources.

use crate::render::OutputFile;
use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Replaces `out_dir` with a folder holding exactly `files`.
pub fn write_output(out_dir: &Path, files: &[OutputFile], protected: &[&Path]) -> Result<()> {
    let out_dir = absolute(out_dir)?;
    for p in protected {
        let p = absolute(p)?;
        if p.starts_with(&out_dir) {
            bail!(
                "refusing to write the site into {}: it would replace {}",
                out_dir.display(),
                p.display()
            );
        }
    }
    let parent = out_dir.parent().context("output folder has no parent")?;
    let name = out_dir
        .file_name()
        .context("output folder has no name")?
        .to_string_lossy();
    std::fs::create_dir_all(parent)
        .with_context(|| format!("cannot create {}", parent.display()))?;
    let staging = parent.join(format!(".{name}.staging"));
    let old = parent.join(format!(".{name}.old"));
    remove_if_exists(&staging)?;
    let previous = out_dir.is_dir().then_some(out_dir.as_path());
    if let Err(e) = write_all(&staging, files, previous) {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e.context(format!("the previous {} is unchanged", out_dir.display())));
    }
    remove_if_exists(&old)?;
    if out_dir.exists() {
        std::fs::rename(&out_dir, &old)
            .with_context(|| format!("cannot move {} aside", out_dir.display()))?;
    }
    if let Err(e) = std::fs::rename(&staging, &out_dir) {
        // Put the previous output back before reporting.
        let _ = std::fs::rename(&old, &out_dir);
        return Err(e)
            .with_context(|| format!("cannot move the new site into {}", out_dir.display()));
    }
    remove_if_exists(&old)
}

/// Writes every file under `dir`. A file whose bytes equal the same file in
/// the `previous` output is hard-linked from there instead: no new inode, no
/// data written, which makes rebuilds of a large site much cheaper.
fn write_all(dir: &Path, files: &[OutputFile], previous: Option<&Path>) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut dirs: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| Path::new(&f.path).parent().map(|p| dir.join(p)))
        .collect();
    dirs.sort();
    dirs.dedup();
    for d in &dirs {
        std::fs::create_dir_all(d).with_context(|| format!("cannot create {}", d.display()))?;
    }
    files.par_iter().try_for_each(|f| {
        let path = dir.join(&f.path);
        if let Some(prev) = previous {
            if unchanged(&prev.join(&f.path), &f.bytes)
                && std::fs::hard_link(prev.join(&f.path), &path).is_ok()
            {
                return Ok(());
            }
        }
        std::fs::write(&path, f.bytes.as_slice())
            .with_context(|| format!("cannot write {}", path.display()))
    })
}

fn unchanged(old: &Path, bytes: &[u8]) -> bool {
    std::fs::metadata(old).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && std::fs::read(old).is_ok_and(|b| b == bytes)
}

fn remove_if_exists(path: &Path) -> Result<()> {
    match std::fs::remove_dir_all(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e).with_context(|| format!("cannot remove {}", path.display())),
    }
}

fn absolute(p: &Path) -> Result<PathBuf> {
    let p = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()?.join(p)
    };
    // Resolve `..` lexically so that `site/../site/public` compares correctly.
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(path: &str, s: &str) -> OutputFile {
        OutputFile::new(path, s)
    }

    #[test]
    fn replaces_output_completely() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_output(&out, &[f("a/index.html", "1"), f("stale.html", "x")], &[]).unwrap();
        write_output(&out, &[f("a/index.html", "2")], &[]).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            "2"
        );
        assert!(!out.join("stale.html").exists());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no staging or old folder is left");
    }

    #[test]
    fn unchanged_files_are_linked_not_rewritten() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_output(&out, &[f("same.html", "x"), f("changed.html", "1")], &[]).unwrap();
        let inode = |p: &str| std::fs::metadata(out.join(p)).unwrap().ino();
        let (same, changed) = (inode("same.html"), inode("changed.html"));
        write_output(&out, &[f("same.html", "x"), f("changed.html", "2")], &[]).unwrap();
        assert_eq!(inode("same.html"), same);
        assert_ne!(inode("changed.html"), changed);
        assert_eq!(
            std::fs::read_to_string(out.join("changed.html")).unwrap(),
            "2"
        );
        assert_eq!(
            std::fs::metadata(out.join("same.html")).unwrap().nlink(),
            1,
            "the old output is gone"
        );
    }

    #[test]
    fn failed_write_keeps_previous_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_output(&out, &[f("index.html", "old")], &[]).unwrap();
        // A file and a folder of the same name cannot both be written.
        let bad = [f("x", "file"), f("x/y.html", "child")];
        assert!(write_output(&out, &bad, &[]).is_err());
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "old"
        );
        assert!(!dir.path().join(".public.staging").exists());
    }

    #[test]
    fn refuses_to_replace_sources() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        std::fs::create_dir(&content).unwrap();
        let e = write_output(dir.path(), &[], &[&content]).unwrap_err();
        assert!(e.to_string().contains("refusing"));
        assert!(content.exists());
    }
}
