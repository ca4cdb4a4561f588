//! A series of builds of one site, each reusing what the last computed:
//! the incremental layer's one entry point, for `serve`, the tests and the
//! examples.
//!
//! The contract: [`Session::rebuild`] returns the site a clean build of
//! the files as they are now would give, file for file and diagnostic for
//! diagnostic, whatever was edited since the last build (the tests make a
//! clean build beside every rebuild and compare them, see
//! `tests/incremental.rs`, `tests/patch.rs`, `tests/serve.rs`). How it gets
//! there is its own affair: a patch when the change allows it (see
//! [`patch`]), else a whole build given the last build's results (see
//! `build::Memo` and `memo`), trusting a watcher's list of changes when it
//! has one. A failed build keeps the last good results; a panic (a bug on
//! some input, or a failed self-check) is caught and answered with a whole
//! build from nothing.

pub mod patch;

use crate::build::{build_incremental, Built, Memo};
use crate::config::Overrides;
use anyhow::Result;
use std::path::{Path, PathBuf};

/// How a rebuild made the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum How {
    /// Patched: only the files named in [`Built::patched`] were made.
    Patched,
    /// Built whole, reusing the last build's results where their inputs
    /// are unchanged; `String` says why a patch was declined (empty when
    /// none was tried).
    Rebuilt(String),
    /// A rebuild panicked (the message); the site was built whole from
    /// nothing.
    Recovered(String),
}

impl How {
    pub fn describe(&self) -> String {
        match self {
            How::Patched => "patched".to_string(),
            How::Rebuilt(_) => "rebuilt".to_string(),
            How::Recovered(_) => "rebuilt whole after an internal error".to_string(),
        }
    }
}

/// One site's builds, the last one's results kept for the next.
pub struct Session {
    root: PathBuf,
    overrides: Overrides,
    memo: Memo,
    /// Whether the next rebuild must look at every file (changes may have
    /// been missed), not only at those it is told of.
    whole: bool,
}

impl Session {
    /// A session with no build yet: the first rebuild builds whole.
    pub fn new(root: &Path, overrides: &Overrides) -> Self {
        Session {
            root: root.to_path_buf(),
            overrides: overrides.clone(),
            memo: Memo::new(),
            whole: true,
        }
    }

    /// The next rebuild looks at every file (a watcher may have missed
    /// changes).
    pub fn look_at_everything(&mut self) {
        self.whole = true;
    }

    /// What the last good build reused and made.
    pub fn stats(&self) -> crate::memo::Stats {
        self.memo.stats
    }

    /// Builds the site again. `changed`: the files changed since the last
    /// build, when a watcher saw every change (absolute paths); `None`
    /// looks at every file.
    pub fn rebuild(&mut self, changed: Option<&[PathBuf]>) -> (Result<Built>, How) {
        let last = std::mem::take(&mut self.memo);
        let changed = changed.filter(|_| !self.whole);
        let attempt = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            make(&self.root, &self.overrides, last, changed)
        }));
        let (made, last, how) = match attempt {
            Ok(made) => made,
            Err(panic) => {
                let why = crate::diagnostics::panic_text(&*panic);
                let fresh = Memo::new();
                let again = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    build_incremental(&self.root, &self.overrides, &fresh)
                }));
                let made = again.unwrap_or_else(|p| {
                    Err(anyhow::anyhow!(
                        "dossier failed while building ({}); please report this",
                        crate::diagnostics::panic_text(&*p)
                    ))
                });
                (made, Memo::new(), How::Recovered(why))
            }
        };
        match made {
            Ok((built, memo)) => {
                self.memo = memo;
                self.whole = false;
                // The last build's results are let go on another thread:
                // freeing them took tens of milliseconds of an edit's
                // time at 10,000 pages.
                let _ = std::thread::Builder::new()
                    .name("dossier-drop".into())
                    .spawn(move || drop(last));
                (Ok(built), how)
            }
            Err(e) => {
                // The last good build's results stay useful once the
                // error is fixed; the next build looks at every file.
                self.memo = last;
                self.whole = true;
                (Err(e), how)
            }
        }
    }
}

/// A patch when `changed` allows it, else a whole build with `last`
/// (trusting the list when given). Returns the result, the memo to keep
/// if the build failed, and how the site was made.
fn make(
    root: &Path,
    overrides: &Overrides,
    mut last: Memo,
    changed: Option<&[PathBuf]>,
) -> (Result<(Built, Memo)>, Memo, How) {
    match changed {
        Some(paths) => match patch::patch(last, paths) {
            patch::Outcome::Patched(made) => (Ok(*made), Memo::default(), How::Patched),
            patch::Outcome::Declined(memo, why) => {
                let mut last = *memo;
                last.trust_changes(paths);
                let made = build_incremental(root, overrides, &last);
                (made, last, How::Rebuilt(why.to_string()))
            }
        },
        None => {
            last.changed = None;
            let made = build_incremental(root, overrides, &last);
            (made, last, How::Rebuilt(String::new()))
        }
    }
}
