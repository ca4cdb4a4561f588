//! Which folders a build may replace.
//!
//! `dossier build` replaces its output folder as a whole, so before anything
//! is written the target is checked:
//!
//! - **Never**, whatever the flags: the file-system root, the user's home,
//!   the site root, the content, templates, static and themes folders, any
//!   folder that contains one of these, or any folder inside one of the
//!   site's source folders (content, templates, static, themes).
//! - **Without `--force`**, only a folder that is absent, empty, or marked as
//!   dossier's own output by the [`MARKER`] file every build writes. Anything
//!   else is refused with a message naming the folder and how many files
//!   would be lost.
//!
//! Paths are compared both as written (made absolute, `..` resolved) and
//! with symbolic links resolved, so neither spelling gets around a rule.

use anyhow::{bail, Result};
use std::path::{Component, Path, PathBuf};

/// The file at the top of every output folder that marks it as dossier's.
pub const MARKER: &str = ".dossier-output";

/// The marker's text: it says what the folder is to whoever opens it.
pub const MARKER_TEXT: &str = "This folder is the output of `dossier build`.\n\
It is replaced as a whole by every build: keep nothing else here.\n";

/// The site's folders, which a build must never replace or write into.
#[derive(Debug, Clone, Default)]
pub struct Protected {
    /// Never replaced, nor any folder containing them.
    pub roots: Vec<PathBuf>,
    /// Never replaced, nor written into, nor any folder containing them.
    pub sources: Vec<PathBuf>,
}

impl Protected {
    /// The folders of the site at `root` with the given content folder, plus
    /// the user's home and the file-system root.
    pub fn for_site(root: &Path, content: &Path) -> Protected {
        let mut roots = vec![root.to_path_buf(), PathBuf::from("/")];
        if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
            roots.push(PathBuf::from(home));
        }
        let sources = vec![
            content.to_path_buf(),
            root.join("templates"),
            root.join("static"),
            root.join("themes"),
        ];
        Protected { roots, sources }
    }
}

/// Checks that a build may replace `out` (see the module notes).
pub fn check_target(out: &Path, force: bool, protected: &Protected) -> Result<()> {
    let spellings = spellings(out)?;
    for p in &protected.roots {
        for q in spellings_or_empty(p) {
            if spellings.iter().any(|o| q.starts_with(o)) {
                bail!(
                    "refusing to write the site into {}: it would replace {}, which dossier never does (choose another --output)",
                    out.display(),
                    p.display()
                );
            }
        }
    }
    for p in &protected.sources {
        for q in spellings_or_empty(p) {
            if spellings
                .iter()
                .any(|o| q.starts_with(o) || o.starts_with(&q))
            {
                bail!(
                    "refusing to write the site into {}: it is or holds the source folder {} (choose an output folder outside it)",
                    out.display(),
                    p.display()
                );
            }
        }
    }
    let meta = match std::fs::symlink_metadata(out) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => bail!("cannot look at the output folder {}: {e}", out.display()),
    };
    if !meta.is_dir() {
        bail!(
            "refusing to write the site into {}: it is a {}, not a folder (remove it or choose another --output)",
            out.display(),
            if meta.is_symlink() { "symbolic link" } else { "file" }
        );
    }
    if out.join(MARKER).is_file() || force {
        return Ok(());
    }
    let (files, more) = count_files(out, 100_000);
    if files == 0 && !more {
        return Ok(());
    }
    bail!(
        "refusing to replace {}: it holds {}{} file{} that dossier did not write (it has no {MARKER} marker), and a build replaces the whole folder. Choose another --output, or pass --force to replace it and lose them",
        out.display(),
        if more { "more than " } else { "" },
        files,
        if files == 1 && !more { "" } else { "s" }
    )
}

/// `p` made absolute with `..` resolved, and `p` with its symbolic links
/// resolved (as far as it exists).
fn spellings(p: &Path) -> Result<Vec<PathBuf>> {
    let lexical = absolute(p)?;
    let resolved = resolve(&lexical);
    Ok(if resolved == lexical {
        vec![lexical]
    } else {
        vec![lexical, resolved]
    })
}

fn spellings_or_empty(p: &Path) -> Vec<PathBuf> {
    spellings(p).unwrap_or_default()
}

/// The path with its deepest existing ancestor canonicalised and the rest
/// appended as written.
fn resolve(p: &Path) -> PathBuf {
    let mut rest = Vec::new();
    let mut cur = p.to_path_buf();
    loop {
        if let Ok(c) = cur.canonicalize() {
            let mut out = c;
            for part in rest.iter().rev() {
                out.push(part);
            }
            return out;
        }
        match (cur.file_name().map(|n| n.to_os_string()), cur.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                cur = parent.to_path_buf();
            }
            _ => return p.to_path_buf(),
        }
    }
}

/// `p` made absolute against the current folder, `.` and `..` resolved
/// lexically (so `site/../site/public` compares equal to `site/public`).
pub fn absolute(p: &Path) -> Result<PathBuf> {
    let p = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()?.join(p)
    };
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    Ok(out)
}

/// Files (not folders) under `dir`, counting at most `limit`; the flag says
/// the count stopped there.
fn count_files(dir: &Path, limit: usize) -> (usize, bool) {
    let mut n = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            n += 1;
            continue;
        };
        for e in entries.flatten() {
            match e.file_type() {
                Ok(t) if t.is_dir() => stack.push(e.path()),
                _ => n += 1,
            }
            if n >= limit {
                return (n, true);
            }
        }
    }
    (n, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(dir: &Path) -> Protected {
        Protected {
            roots: vec![dir.join("site"), PathBuf::from("/")],
            sources: vec![dir.join("site/content"), dir.join("site/static")],
        }
    }

    #[test]
    fn absent_empty_and_marked_folders_may_be_replaced() {
        let tmp = tempfile::tempdir().unwrap();
        let p = site(tmp.path());
        assert!(check_target(&tmp.path().join("absent"), false, &p).is_ok());
        let empty = tmp.path().join("empty");
        std::fs::create_dir(&empty).unwrap();
        assert!(check_target(&empty, false, &p).is_ok());
        let marked = tmp.path().join("marked");
        std::fs::create_dir(&marked).unwrap();
        std::fs::write(marked.join(MARKER), MARKER_TEXT).unwrap();
        std::fs::write(marked.join("index.html"), "x").unwrap();
        assert!(check_target(&marked, false, &p).is_ok());
    }

    #[test]
    fn a_folder_of_other_files_needs_force_and_the_message_counts_them() {
        let tmp = tempfile::tempdir().unwrap();
        let docs = tmp.path().join("Documents");
        std::fs::create_dir_all(docs.join("sub")).unwrap();
        std::fs::write(docs.join("thesis.docx"), "x").unwrap();
        std::fs::write(docs.join("sub/notes.txt"), "y").unwrap();
        let e = check_target(&docs, false, &site(tmp.path())).unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains("Documents"), "{msg}");
        assert!(msg.contains("2 files"), "{msg}");
        assert!(msg.contains("--force"), "{msg}");
        assert!(check_target(&docs, true, &site(tmp.path())).is_ok());
    }

    #[test]
    fn site_folders_and_their_ancestors_are_refused_even_with_force() {
        let tmp = tempfile::tempdir().unwrap();
        let p = site(tmp.path());
        std::fs::create_dir_all(tmp.path().join("site/content/essays")).unwrap();
        for bad in [
            tmp.path().to_path_buf(),
            tmp.path().join("site"),
            tmp.path().join("site/content"),
            tmp.path().join("site/content/essays"),
            tmp.path().join("site/content/new-folder"),
            tmp.path().join("site/static/out"),
            tmp.path().join("site/content/../content"),
            PathBuf::from("/"),
        ] {
            let e = check_target(&bad, true, &p);
            assert!(e.is_err(), "{} must be refused", bad.display());
        }
        assert!(check_target(&tmp.path().join("site/public"), true, &p).is_ok());
    }

    #[test]
    fn a_symbolic_link_spelling_does_not_get_around_the_rules() {
        let tmp = tempfile::tempdir().unwrap();
        let p = site(tmp.path());
        std::fs::create_dir_all(tmp.path().join("site/content")).unwrap();
        std::os::unix::fs::symlink(tmp.path().join("site"), tmp.path().join("alias")).unwrap();
        assert!(check_target(&tmp.path().join("alias/content"), true, &p).is_err());
        assert!(check_target(&tmp.path().join("alias"), true, &p).is_err());
    }

    #[test]
    fn a_file_is_never_replaced() {
        let tmp = tempfile::tempdir().unwrap();
        let f = tmp.path().join("public");
        std::fs::write(&f, "mine").unwrap();
        assert!(check_target(&f, true, &site(tmp.path())).is_err());
    }
}
