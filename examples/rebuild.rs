//! Times incremental rebuilds without the server: builds ROOT once, then N
//! times appends a paragraph to its first document and rebuilds, printing
//! each stage's time. Odd edits add a plain sentence; even ones a sentence
//! with a year and words of the benchmark corpus's topic map (so the
//! timeline, topic pages and related documents change too). The document
//! is restored afterwards.
//!
//!     cargo run --release --example rebuild -- ROOT [N] [plain|topic|year|reword]
//!
//! With `plain`, `topic` or `year`, every edit adds that kind of sentence
//! (`topic`: topic words, no year); with `reword`, every edit puts a word
//! before the last paragraph without a date, or takes it away. Each rebuild
//! goes through a `dossier::Session`, as in `dossier serve`: a patch when the
//! edit allows it, else a whole build reusing what did not change.

use dossier::config::Overrides;

// As the dossier binary does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use dossier::session::How;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn first_document(dir: &Path) -> Option<PathBuf> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in &entries {
        let name = p.file_name()?.to_string_lossy().to_string();
        if p.is_file()
            && !name.starts_with('_')
            && (name.ends_with(".md") || name.ends_with(".txt"))
        {
            return Some(p.clone());
        }
    }
    entries
        .iter()
        .filter(|p| p.is_dir())
        .find_map(|p| first_document(p))
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = PathBuf::from(args.first().map_or(".", String::as_str));
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(3);
    let only = args.get(2).map(String::as_str);
    let file =
        first_document(&root.join("content")).ok_or_else(|| anyhow::anyhow!("no document"))?;
    let original = std::fs::read(&file)?;
    let start = Instant::now();
    let mut session = dossier::Session::new(&root, &Overrides::default());
    let first = session.rebuild(None).0?;
    println!(
        "first build: {:.0} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    // A pause before each edit, to attach a profiler (milliseconds).
    let pause: u64 = std::env::var("DOSSIER_REBUILD_PAUSE")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    // With DOSSIER_REBUILD_CHANGED set, each rebuild lists where the files
    // it made again are (a file made again may read as it did).
    let list_changed = std::env::var_os("DOSSIER_REBUILD_CHANGED").is_some();
    let files = |built: &dossier::Built| -> HashMap<String, dossier::Contents> {
        built
            .files
            .iter()
            .map(|f| (f.path.clone(), f.bytes.clone()))
            .collect()
    };
    let mut before = if list_changed {
        files(&first)
    } else {
        HashMap::new()
    };
    for i in 1..=n {
        std::thread::sleep(std::time::Duration::from_millis(pause));
        let mut text = std::fs::read_to_string(&file)?;
        let kind = only.unwrap_or(if i % 2 == 1 { "plain" } else { "year" });
        if kind == "reword" {
            // A word put before (or taken from) the last paragraph without
            // digits (no date): its text changes in place.
            let paragraphs: Vec<&str> = text.split("\n\n").collect();
            let at = paragraphs
                .iter()
                .rposition(|p| !p.contains(|c: char| c.is_ascii_digit()) && !p.starts_with('#'))
                .unwrap_or(0);
            let mut paragraphs: Vec<String> = paragraphs.into_iter().map(String::from).collect();
            let p = &mut paragraphs[at];
            *p = match p.strip_prefix("Indeed, ") {
                Some(rest) => rest.to_string(),
                None => format!("Indeed, {p}"),
            };
            text = paragraphs.join("\n\n");
        } else if kind == "plain" {
            text.push_str(&format!("\nEdited paragraph {i} about the archive.\n"));
        } else if kind == "topic" {
            text.push_str(&format!(
                "\nEdited paragraph {i}: the guild sent an envoy.\n"
            ));
        } else {
            text.push_str(&format!(
                "\nIn {} the guild sent an envoy with the treaty.\n",
                1950 + i
            ));
        }
        std::fs::write(&file, text)?;
        let start = Instant::now();
        let (built, how) = session.rebuild(Some(std::slice::from_ref(&file)));
        let built = built?;
        let total = start.elapsed();
        let how = match how {
            How::Rebuilt(why) => format!("built whole: {why}"),
            how => how.describe(),
        };
        println!(
            "rebuild {i}: {:.1} ms ({} files; {how})",
            total.as_secs_f64() * 1000.0,
            built.files.len()
        );
        if list_changed {
            // The files made again, counted by their first two folders.
            let mut made: std::collections::BTreeMap<String, usize> = Default::default();
            for f in &built.files {
                let same = before
                    .get(&f.path)
                    .is_some_and(|b| dossier::Contents::same(b, &f.bytes));
                if !same {
                    let folder: Vec<&str> = f.path.split('/').take(2).collect();
                    *made.entry(folder.join("/")).or_default() += 1;
                }
            }
            println!("  made again: {made:?}");
            before = files(&built);
        }
        let st = session.stats();
        println!(
            "  sources read {}, documents made {}, pages made {} (reused {})",
            st.sources_read, st.documents_made, st.renders_made, st.renders_reused
        );
        for lap in &built.timings {
            println!("  {}", dossier::timings::line(lap));
        }
    }
    std::fs::write(&file, original)?;
    Ok(())
}
