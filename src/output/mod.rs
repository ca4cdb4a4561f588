//! Output: write the rendered files, then swap them in as one step.
//!
//! 1. [`guard::check_target`] decides whether the output folder may be
//!    replaced at all (see there: never a site folder or the home, and only
//!    dossier's own output unless forced).
//! 2. Leftovers of a build that was killed are dealt with: a hidden staging
//!    or old folder of dossier's beside the output is removed, or put back
//!    when the output itself is missing. Others' files of those names are
//!    left alone.
//! 3. Every file is written into a fresh hidden staging folder beside the
//!    output (`.<name>.staging-<pid>`), the [`guard::MARKER`] first, in
//!    parallel. A file identical to the previous output's is hard-linked.
//! 4. Staging and output are exchanged in one atomic rename where the
//!    system offers it (Linux `renameat2`), so the output is never missing;
//!    elsewhere the old output is moved aside and the new one moved in (two
//!    renames). The old output is then deleted.
//!
//! If any write fails the staging folder is removed and the previous output
//! is left exactly as it was.

mod file;
pub(crate) mod guard;
mod staging;

pub use file::{exact_if, Contents, Emit, OutputFile};
pub use staging::Staging;

use anyhow::{Context, Result};
use guard::MARKER;
use std::path::{Path, PathBuf};

/// Replaces `out_dir` with a folder holding exactly `files` (and the
/// marker), if [`guard::check_target`] allows it: [`Staging`] in one call
/// (the build writes each file as it is made instead).
#[cfg(test)]
fn write_output(
    out_dir: &Path,
    files: &[OutputFile],
    force: bool,
    protected: &guard::Protected,
) -> Result<()> {
    let staging = Staging::begin(out_dir, force, protected)?;
    staging.write_all(files)?;
    staging.finish()
}

/// Puts `staging` in place of `out`; `out`'s old contents are deleted.
fn swap(staging: &Path, out: &Path, parent: &Path, name: &str) -> Result<()> {
    if std::fs::symlink_metadata(out).is_err() {
        return std::fs::rename(staging, out)
            .with_context(|| format!("cannot move the new site into {}", out.display()));
    }
    if exchange(staging, out) {
        // `staging` now holds the previous output.
        let _ = std::fs::remove_dir_all(staging);
        return Ok(());
    }
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    remove_ours(&old);
    std::fs::rename(out, &old).with_context(|| format!("cannot move {} aside", out.display()))?;
    if let Err(e) = std::fs::rename(staging, out) {
        // Put the previous output back before reporting.
        let _ = std::fs::rename(&old, out);
        let _ = std::fs::remove_dir_all(staging);
        return Err(e).with_context(|| format!("cannot move the new site into {}", out.display()));
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}

/// Swaps two folders atomically; false where the system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let (Ok(a), Ok(b)) = (
        CString::new(a.as_os_str().as_bytes()),
        CString::new(b.as_os_str().as_bytes()),
    ) else {
        return false;
    };
    // SAFETY: both arguments are valid NUL-terminated paths that outlive
    // the call; renameat2 reads them and touches no other memory.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    r == 0
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> bool {
    false
}

/// Cleans up after a build that was killed: dossier's hidden staging and
/// old folders beside the output are removed, except that when the output
/// itself is missing the newest complete one is put back first.
fn recover(parent: &Path, name: &str, out: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let staging = format!(".{name}.staging");
    let old = format!(".{name}.old");
    let mut ours: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.starts_with(&staging) || n.starts_with(&old)
        })
        .map(|e| e.path())
        .filter(|p| is_ours(p))
        .collect();
    ours.sort();
    if std::fs::symlink_metadata(out).is_err() {
        // An old folder is a complete previous output; prefer it.
        if let Some(i) = ours.iter().position(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(&old))
        }) {
            let back = ours.remove(i);
            let _ = std::fs::rename(back, out);
        }
    }
    for p in ours {
        let _ = std::fs::remove_dir_all(p);
    }
}

/// A folder dossier made: it has the marker, or it is empty.
fn is_ours(p: &Path) -> bool {
    let Ok(m) = std::fs::symlink_metadata(p) else {
        return false;
    };
    m.is_dir()
        && (p.join(MARKER).is_file() || std::fs::read_dir(p).is_ok_and(|mut d| d.next().is_none()))
}

fn remove_ours(p: &Path) {
    if is_ours(p) {
        let _ = std::fs::remove_dir_all(p);
    }
}

/// The last line of defence for "nothing escapes the output folder": an
/// output path is relative and made of plain names only.
fn inside(path: &str) -> Result<&Path> {
    let p = Path::new(path);
    let plain = !path.is_empty()
        && !path.contains('\0')
        && !path.contains('\\')
        && p.components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
    anyhow::ensure!(
        plain,
        "refusing to write {path:?}: it would land outside the output folder"
    );
    Ok(p)
}

fn unchanged(old: &Path, bytes: &[u8]) -> bool {
    std::fs::symlink_metadata(old).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && std::fs::read(old).is_ok_and(|b| b == bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use guard::Protected;

    fn f(path: &str, s: &str) -> OutputFile {
        OutputFile::new(path, s)
    }

    fn none() -> Protected {
        Protected::default()
    }

    #[test]
    fn replaces_output_completely() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_output(
            &out,
            &[f("a/index.html", "1"), f("stale.html", "x")],
            false,
            &none(),
        )
        .unwrap();
        write_output(&out, &[f("a/index.html", "2")], false, &none()).unwrap();
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
        write_output(
            &out,
            &[f("same.html", "x"), f("changed.html", "1")],
            false,
            &none(),
        )
        .unwrap();
        let inode = |p: &str| std::fs::metadata(out.join(p)).unwrap().ino();
        let (same, changed) = (inode("same.html"), inode("changed.html"));
        write_output(
            &out,
            &[f("same.html", "x"), f("changed.html", "2")],
            false,
            &none(),
        )
        .unwrap();
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
        write_output(&out, &[f("index.html", "old")], false, &none()).unwrap();
        // A file and a folder of the same name cannot both be written.
        let bad = [f("x", "file"), f("x/y.html", "child")];
        assert!(write_output(&out, &bad, false, &none()).is_err());
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
        let p = Protected::for_site(dir.path(), &content);
        let e = write_output(dir.path(), &[], true, &p).unwrap_err();
        assert!(e.to_string().contains("refusing"));
        assert!(content.exists());
    }

    #[test]
    fn paths_that_leave_the_output_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site/public");
        for bad in ["../x.html", "/etc/x", "a/../../x", "", "a\0b", "..\\x"] {
            assert!(
                write_output(&out, &[f(bad, "x")], false, &none()).is_err(),
                "{bad:?}"
            );
        }
        let names: Vec<_> = std::fs::read_dir(dir.path().join("site"))
            .unwrap()
            .collect();
        assert!(names.is_empty(), "nothing was written beside the output");
    }

    #[test]
    fn a_build_killed_between_renames_is_recovered() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_output(&out, &[f("index.html", "1")], false, &none()).unwrap();
        // As left by a kill -9 after the output was moved aside, with a
        // half-written staging folder beside it.
        std::fs::rename(&out, dir.path().join(".public.old-4242")).unwrap();
        std::fs::create_dir(dir.path().join(".public.staging-4243")).unwrap();
        std::fs::write(dir.path().join(".public.staging-4243").join(MARKER), "").unwrap();
        // Someone else's file of a similar name is left alone.
        std::fs::write(dir.path().join(".public.old"), "not ours").unwrap();
        write_output(&out, &[f("index.html", "2")], false, &none()).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "2"
        );
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, [".public.old", "public"]);
    }

    #[test]
    fn output_is_marked_and_a_marked_output_is_replaced_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_output(&out, &[f("a.html", "1")], false, &none()).unwrap();
        assert!(out.join(MARKER).is_file());
        write_output(&out, &[f("b.html", "1")], false, &none()).unwrap();
        assert!(out.join("b.html").is_file() && !out.join("a.html").exists());
    }
}
