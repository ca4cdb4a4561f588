//! The served site: the memo and files of the last good build, rebuilt
//! (patched when the change allows it) on each batch of changes, and the
//! pages told what changed.

use super::http::Snapshot;
use super::Clients;
use crate::output::Contents;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::Instant;

/// The served site and the pages listening to it.
pub(super) struct Live {
    pub(super) root: PathBuf,
    /// The builds, the last good one's results kept for the next.
    pub(super) session: crate::session::Session,
    /// The config of the last good build: what to watch.
    pub(super) config: Option<crate::config::Config>,
    pub(super) timings: bool,
    pub(super) state: Arc<RwLock<Snapshot>>,
    pub(super) clients: Clients,
}

impl Live {
    /// Builds in memory; on success swaps the snapshot and tells the pages
    /// what changed, on failure keeps the last good site and shows the error.
    pub(super) fn rebuild(&mut self, cause: Option<String>, changed: Option<&[PathBuf]>) {
        let start = Instant::now();
        let (made, how) = self.session.rebuild(changed);
        if let crate::session::How::Recovered(why) = &how {
            eprintln!("dossier failed while rebuilding ({why}); building the whole site again");
        }
        if let crate::session::How::Rebuilt(why) = &how {
            if self.timings && !why.is_empty() {
                println!("not patched: {why}");
            }
        }
        let how = how.describe();
        match made {
            Ok(built) => {
                self.config = Some(built.config.clone());
                if self.timings {
                    for lap in &built.timings {
                        println!("{}", crate::timings::line(lap));
                    }
                }
                for d in &built.diagnostics {
                    eprintln!("{d}");
                }
                let errors: Vec<String> = built
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == crate::diagnostics::Severity::Error)
                    .map(ToString::to_string)
                    .collect();
                let (event, changed) = {
                    let mut snap = self.state.write().unwrap_or_else(|e| e.into_inner());
                    let changed = swap_files(&mut snap.files, built.files, built.patched);
                    let only_css =
                        !changed.is_empty() && changed.iter().all(|p| p.ends_with(".css"));
                    let count = changed.len();
                    snap.version += u64::from(count > 0);
                    snap.builds += 1;
                    snap.patched = how == "patched";
                    snap.error = (!errors.is_empty()).then(|| errors.join("\n"));
                    let event = match (&snap.error, count, only_css) {
                        (Some(e), _, _) => Some(("error".to_string(), e.clone())),
                        (None, 0, _) => Some(("ok".to_string(), String::new())),
                        (None, _, true) => Some(("css".to_string(), snap.version.to_string())),
                        (None, _, false) => Some(("reload".to_string(), snap.version.to_string())),
                    };
                    (event, count)
                };
                if let Some(cause) = cause {
                    let st = self.session.stats();
                    println!(
                        "{cause} changed: {how} in {} ms, {changed} files differ \
                         (documents: {} read, {} parsed, {} reused; pages and files: {} made, {} reused)",
                        start.elapsed().as_millis(),
                        st.sources_read,
                        st.documents_made,
                        st.documents_reused,
                        st.renders_made,
                        st.renders_reused,
                    );
                }
                if let Some((name, data)) = event {
                    self.broadcast(&name, &data);
                }
            }
            Err(e) => {
                // The session keeps the last good build's results; its
                // next build looks at every file.
                let message = format!("{e:#}");
                eprintln!("build failed (still serving the last good site):\n{message}");
                {
                    let mut snap = self.state.write().unwrap_or_else(|e| e.into_inner());
                    snap.error = Some(message.clone());
                    snap.builds += 1;
                }
                self.broadcast("error", &message);
            }
        }
    }

    fn broadcast(&self, event: &str, data: &str) {
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        clients.retain(|c| c.send((event.to_string(), data.to_string())).is_ok());
    }
}

/// Puts a build's `files` in place of the served `served`, and says which
/// paths differ. A patch names the files it made or removed (`patched`):
/// only those are looked at; the others are the last build's.
fn swap_files(
    served: &mut HashMap<String, Contents>,
    files: Vec<crate::output::OutputFile>,
    patched: Option<Vec<String>>,
) -> Vec<String> {
    let differs = |old: Option<&Contents>, new: Option<&Contents>| match (old, new) {
        (Some(a), Some(b)) => !Contents::same(a, b) && a != b,
        (None, None) => false,
        _ => true,
    };
    if let Some(paths) = patched {
        let mut changed = Vec::new();
        for path in paths {
            let new = files
                .binary_search_by(|f| f.path.as_str().cmp(&path))
                .ok()
                .map(|at| &files[at].bytes);
            if differs(served.get(&path), new) {
                match new {
                    Some(bytes) => served.insert(path.clone(), bytes.clone()),
                    None => served.remove(&path),
                };
                changed.push(path);
            }
        }
        // The list is the last build's with a few files replaced: freeing
        // it is not worth waiting for.
        std::thread::spawn(move || drop(files));
        return changed;
    }
    let files: HashMap<String, Contents> = files.into_iter().map(|f| (f.path, f.bytes)).collect();
    let mut changed: Vec<String> = files
        .iter()
        .filter(|(p, b)| differs(served.get(*p), Some(b)))
        .map(|(p, _)| p.clone())
        .collect();
    changed.extend(served.keys().filter(|p| !files.contains_key(*p)).cloned());
    *served = files;
    changed
}
