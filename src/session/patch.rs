//! Patches: the short way through the pipeline for the most common edit
//! while serving, a change to the text of documents that leaves what other
//! pages show of them as it was.
//!
//! `serve` knows which files changed (from the watcher). When they are all
//! known documents, each is read and prepared again, and compared with the
//! last build's (`graph::same_face`): the same metadata, title, summary,
//! slug, topic passages, dates, citations, notes and links. If every one
//! passes, the last build's site graph and files are patched: the
//! documents' bodies are replaced in the graph, and only the files that
//! can change are made again (see `render::patch`). Nothing visits every
//! document, so the time does not grow with the site. Anything else (a
//! new, removed or renamed file, a sidecar, a section, the topic map, the
//! config, templates, or an edit that changes what other pages show) is
//! declined, and the memo goes back to the caller for a whole build.
//!
//! A patch gives the files a whole build would: self-checks (all tests)
//! make a clean build after every patch and compare every file.

use crate::build::{Built, Memo};
use crate::graph::PreparedEntry;
use crate::output::OutputFile;
use crate::timings::Laps;
use crate::{extract, graph, memo, render, sources};
use std::path::PathBuf;
use std::sync::Arc;

/// A patch made, or declined with the reason and the memo given back.
pub enum Outcome {
    Patched(Box<(Built, Memo)>),
    Declined(Box<Memo>, &'static str),
}

/// Patches the build that made `last` for the files `changed` (absolute
/// paths, as the watcher gives them), when they are all documents edited
/// in place (see the module's introduction).
pub fn patch(mut last: Memo, changed: &[PathBuf]) -> Outcome {
    match try_patch(&mut last, changed) {
        Ok(built) => Outcome::Patched(Box::new((built, last))),
        Err(why) => Outcome::Declined(Box::new(last), why),
    }
}

/// A document to patch: its place in the site, its last and new prepared
/// forms, its path as the build knows it, and its stamp.
type Edit = (usize, PreparedEntry, PreparedEntry, PathBuf, sources::Stamp);

fn try_patch(memo: &mut Memo, changed: &[PathBuf]) -> Result<Built, &'static str> {
    let mut laps = Laps::new();
    if !memo.active {
        return Err("results are not kept");
    }
    if memo.changed.is_some() {
        return Err("other changes are waiting for a whole build");
    }
    let kept = memo
        .kept
        .as_deref_mut()
        .ok_or("there is no earlier build")?;
    let content = kept.config.content_dir.clone();
    let opts = extract::Options {
        matcher: &kept.matcher,
        links: kept.config.topic_links,
        years: kept.config.timeline,
        language: &kept.config.language,
        slugs: kept.config.slugs,
    };
    let mut edits: Vec<Edit> = Vec::new();
    for path in changed {
        let path = kept
            .content_path(path)
            .ok_or("a file outside the content folder changed")?;
        let name = path.file_name().map(|n| n.to_string_lossy().to_string());
        if !name.is_some_and(|n| sources::is_source_name(&n) && n != "_index.md") {
            return Err("a file that is not a document changed");
        }
        let (_, old_key) = *memo.sources.get(&path).ok_or("a document was added")?;
        let source = sources::read_document(&content, &path).ok_or("a document cannot be read")?;
        let (files, files_key) = kept.bibliography.source_files(&source);
        let named_before = memo.doc_bibliographies.get(&path).map(|n| &n.0);
        if named_before.map_or(!files.is_empty(), |f| *f != files) {
            return Err("a document names other bibliography files");
        }
        let key = memo::source_key(&source, memo.context ^ files_key);
        if key == old_key {
            continue;
        }
        let stamp = sources::Stamp::of(&path).ok_or("a document cannot be read")?;
        let old = Arc::clone(memo.prepared.get(&old_key).ok_or("a document is unknown")?);
        let new = crate::prepare::prepare_guarded(
            source,
            key,
            &opts,
            &kept.bibliography,
            true,
            kept.config.unsafe_html,
        )
        .map_err(|_| "a document failed")?;
        if !graph::same_face(&old.0, &new.0) {
            return Err("an edit changes what other pages show");
        }
        let place = kept
            .site
            .docs
            .binary_search_by(|d| d.path.as_path().cmp(&path))
            .map_err(|_| "a draft changed")?;
        edits.push((place, old, new, path, stamp));
    }
    laps.lap("read, normalise, parse, extract");
    // The edited documents go into the graph; the last ones are kept to
    // go back to if rendering gives up.
    let mut previous = Vec::with_capacity(edits.len());
    for (i, _, new, _, _) in &edits {
        let (doc, keys) = graph::with_body(&kept.site.docs[*i], &new.0);
        let doc = std::mem::replace(&mut kept.site.docs[*i], Arc::new(doc));
        let keys = std::mem::replace(&mut kept.site.keys[*i], keys);
        previous.push((*i, doc, keys));
    }
    let docs: Vec<render::patch::Edited> = edits
        .iter()
        .map(|(doc, old, new, _, _)| render::patch::Edited {
            doc: *doc,
            old_key: old.0.key,
            topics: graph::changed_topics(&old.0, &new.0),
        })
        .collect();
    laps.lap("graph");
    let mut parts = Laps::new();
    let made = render::patch::patch(
        &kept.config,
        &kept.site,
        &kept.theme,
        &memo.render,
        &docs,
        &kept.files,
        &mut parts,
    );
    let patched = match made {
        Ok(Some(patched)) => patched,
        _ => {
            for (i, doc, keys) in previous {
                kept.site.docs[i] = doc;
                kept.site.keys[i] = keys;
            }
            return Err("the last build's files cannot be patched");
        }
    };
    laps.lap("render");
    laps.list.extend(parts.list);
    let made = patched.files.len();
    let paths: Vec<String> = patched
        .files
        .iter()
        .map(|f| f.path.clone())
        .chain(patched.removed.iter().cloned())
        .collect();
    replace_files(&mut kept.files, patched);
    for (_, old, new, path, stamp) in &edits {
        kept.diagnostics.retain(|d| !old.1.contains(d));
        kept.diagnostics.extend(new.1.iter().cloned());
        memo.prepared.remove(&old.0.key);
        memo.prepared.insert(new.0.key, Arc::clone(new));
        memo.sources
            .insert(path.clone(), (stamp.clone(), new.0.key));
    }
    kept.diagnostics.sort();
    memo.stats = memo::Stats {
        sources_read: changed.len(),
        documents_made: edits.len(),
        documents_reused: memo.prepared.len() - edits.len(),
        renders_made: made,
        renders_reused: 0,
    };
    let files = kept.files.clone();
    laps.lap("files");
    let built = Built {
        config: kept.config.clone(),
        files,
        emitted: Vec::new(),
        diagnostics: kept.diagnostics.clone(),
        timings: laps.list,
        documents: kept.site.docs.len(),
        patched: Some(paths),
        sources: crate::build::page_sources(&kept.site),
        topic_report: crate::build::topic_report(&kept.site),
    };
    if crate::memo::self_check() {
        let sources: Vec<(PathBuf, u64)> =
            edits.iter().map(|e| (e.3.clone(), e.2 .0.key)).collect();
        verify(&built, &kept.overrides, memo.context, &sources);
    }
    Ok(built)
}

/// `files` (sorted by path) with the files of `patched` put in and its
/// removed files taken out.
fn replace_files(files: &mut Vec<OutputFile>, patched: render::patch::Patched) {
    for f in patched.files {
        match files.binary_search_by(|g| g.path.cmp(&f.path)) {
            Ok(at) => files[at] = f,
            Err(at) => files.insert(at, f),
        }
    }
    for path in patched.removed {
        if let Ok(at) = files.binary_search_by(|g| g.path.cmp(&path)) {
            files.remove(at);
        }
    }
}

/// Self-checks: a patched build must equal a clean build of the same
/// sources, file for file. Skipped when a patched source changed again
/// since it was read (the clean build would see other texts).
fn verify(
    built: &Built,
    overrides: &crate::config::Overrides,
    context: u64,
    read: &[(PathBuf, u64)],
) {
    let clean = match crate::build::build_in_memory(&built.config.root, overrides) {
        Ok(clean) => clean,
        Err(_) => return,
    };
    let content = &built.config.content_dir;
    let same_sources = read.iter().all(|(path, key)| {
        sources::read_document(content, path).is_some_and(|s| memo::source_key(&s, context) == *key)
    });
    if !same_sources {
        return;
    }
    let paths = |b: &Built| -> Vec<String> { b.files.iter().map(|f| f.path.clone()).collect() };
    assert_eq!(
        paths(built),
        paths(&clean),
        "a patch made other files than a clean build"
    );
    for (a, b) in built.files.iter().zip(&clean.files) {
        assert!(
            a.bytes == b.bytes,
            "a patch made {} other than a clean build does",
            a.path
        );
    }
    assert_eq!(
        built.diagnostics, clean.diagnostics,
        "a patch gave other diagnostics"
    );
}
