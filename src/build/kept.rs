//! What a build leaves for the next: each stage's results by key (see
//! `memo` for the containers), and the build's own inputs and outputs for
//! a patch (see `session`).

use crate::diagnostics::Diagnostic;
use crate::output::OutputFile;
use crate::{extract, graph, memo};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

/// The results of one build, for the next. `Memo::default()` is inactive:
/// a one-off build neither computes keys nor keeps results.
#[derive(Default)]
pub struct Memo {
    /// Whether builds given this memo compute keys and keep their results.
    pub active: bool,
    pub prepared: HashMap<u64, graph::PreparedEntry>,
    /// Each source read or reused, by path: its stamp and key.
    pub sources: HashMap<std::path::PathBuf, (crate::sources::Stamp, u64)>,
    /// When the sources were read, and the extraction context's hash then.
    pub read_at: Option<std::time::SystemTime>,
    pub context: u64,
    pub render: crate::render::RenderMemo,
    /// The site-wide indexes, by the keys of their inputs.
    pub indexes: graph::Indexes,
    /// The parsed templates, by the key of their texts.
    pub templates: Option<crate::theme::Compiled>,
    /// How much of this build was reused.
    pub stats: memo::Stats,
    /// The build's own results (its site graph, files and diagnostics),
    /// for a patch (see `session`).
    pub kept: Option<Box<Kept>>,
    /// The sources (and sidecars) a watcher saw change since this memo's
    /// build, when it saw every change ([`Memo::trust_changes`]): the
    /// other sources are known unchanged without looking at them.
    pub changed: Option<std::collections::HashSet<std::path::PathBuf>>,
    /// The texts that name their own bibliography files (by path): those
    /// files and the key of what they held (see
    /// `Bibliography::source_files`).
    pub doc_bibliographies: HashMap<PathBuf, (Vec<PathBuf>, u64)>,
}

impl Memo {
    /// An empty, active memo: the first build of a series.
    pub fn new() -> Self {
        Memo {
            active: true,
            render: crate::render::RenderMemo::active(),
            indexes: graph::Indexes::keyed(),
            ..Memo::default()
        }
    }

    /// The key of the source at `path` when the last build read it and it
    /// has not changed since (by its [`Stamp`](crate::sources::Stamp)), in
    /// the same extraction `context`.
    pub fn unchanged_source(&self, path: &std::path::Path, context: u64) -> Option<u64> {
        let (stamp, key) = self.sources.get(path)?;
        let read_at = self.read_at?;
        let known = self.active && context == self.context && self.prepared.contains_key(key);
        let same = match &self.changed {
            Some(changed) => {
                !changed.contains(path) && !changed.contains(&crate::sources::sidecar_path(path))
            }
            None => {
                stamp.settled_before(read_at)
                    && crate::sources::Stamp::of(path).as_ref() == Some(stamp)
            }
        };
        (known && same).then_some(*key)
    }

    /// Tells the next build which files changed since this memo's build,
    /// as a watcher saw them (absolute paths, canonical or not): it then
    /// reads those sources again and trusts the others unchanged, without
    /// looking at each. Only for a watcher that missed nothing.
    pub fn trust_changes(&mut self, changed: &[std::path::PathBuf]) {
        let Some(kept) = &self.kept else {
            return;
        };
        self.changed = Some(
            changed
                .iter()
                .filter_map(|p| kept.content_path(p))
                .collect(),
        );
    }
}

/// What a build keeps of its own results for a patch: its inputs (config,
/// theme, topic matcher) and outputs (site graph, files, diagnostics).
pub struct Kept {
    pub config: crate::config::Config,
    pub overrides: crate::config::Overrides,
    pub theme: crate::theme::Theme,
    pub matcher: extract::mentions::Matcher,
    pub bibliography: Arc<crate::bibliography::Bibliography>,
    pub site: graph::Site,
    /// Sorted by path.
    pub files: Vec<OutputFile>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Kept {
    /// `path` (canonical or not) as the build knows it: under the content
    /// folder as configured. `None` outside the content folder.
    pub fn content_path(&self, path: &std::path::Path) -> Option<PathBuf> {
        let content = &self.config.content_dir;
        let rel = match path.strip_prefix(content) {
            Ok(rel) => rel.to_path_buf(),
            Err(_) => path
                .strip_prefix(content.canonicalize().ok()?)
                .ok()?
                .to_path_buf(),
        };
        Some(content.join(rel))
    }
}
