//! The build: the stages run in order over one site, from `config.toml`
//! to files. A build may be given the results of the one before
//! ([`Memo`]); it then reuses each result whose inputs are unchanged
//! (through the `memo` containers each stage keeps its results in) and
//! hands back its own. `session` builds on this: patch, else build whole.

mod kept;

pub use kept::{Kept, Memo};

use crate::timings::{Laps, Timings};
use crate::{
    bibliography, check, config, diagnostics, extract, graph, memo, output, prepare, render,
    sources, theme, topics,
};
use anyhow::Result;
use diagnostics::Diagnostic;
use rayon::prelude::*;
use std::path::Path;
use std::time::Instant;

/// A site rendered in memory.
pub struct Built {
    pub config: config::Config,
    pub files: Vec<output::OutputFile>,
    /// The paths of the files already written (`build` writes each as it
    /// is made); `files` holds the rest.
    pub emitted: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
    /// Time per pipeline stage, in order.
    pub timings: Timings,
    pub documents: usize,
    /// For a patch (see `session`): the paths of the files it made again
    /// or removed; every other file is the last build's.
    pub patched: Option<Vec<String>>,
    /// Each document page's source file and the links its text wrote, for
    /// `check`'s reports.
    pub sources: Vec<check::PageSource>,
    /// Per topic (id): the mentions that counted and the candidates that
    /// did not, by reason; `build --timings` prints it for the map author.
    pub topic_report: Vec<(String, usize, extract::Rejected)>,
}

impl Built {
    pub fn pages(&self) -> usize {
        self.files
            .iter()
            .map(|f| f.path.as_str())
            .chain(self.emitted.iter().map(String::as_str))
            .filter(|p| p.ends_with(".html"))
            .count()
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == diagnostics::Severity::Error)
    }
}

/// Runs every stage but the write; hard errors (config, templates) stop it,
/// content problems are returned as diagnostics.
pub fn build_in_memory(root: &Path, overrides: &config::Overrides) -> Result<Built> {
    build_incremental(root, overrides, &Memo::default()).map(|(built, _)| built)
}

/// [`build_in_memory`], reusing what the build that made `last` computed
/// where its inputs are unchanged (see `memo`). Returns this build's memo
/// for the next.
pub fn build_incremental(
    root: &Path,
    overrides: &config::Overrides,
    last: &Memo,
) -> Result<(Built, Memo)> {
    run_pipeline(root, overrides, last, None)
}

/// The pipeline; with `emit`, each file goes to it as soon as it is made
/// and only its path is kept ([`Built::emitted`]).
fn run_pipeline(
    root: &Path,
    overrides: &config::Overrides,
    last: &Memo,
    emit: Option<&dyn output::Emit>,
) -> Result<(Built, Memo)> {
    let mut laps = Laps::new();
    let config = config::load(root, overrides)?;
    let theme = theme::load(root, &config, last.templates.as_ref())?;
    let (topic_map, topic_problems) = topics::load(&config.topic_map)?;
    let matcher = extract::mentions::Matcher::new(&topic_map);
    let extract_opts = extract::Options {
        matcher: &matcher,
        links: config.topic_links,
        years: config.timeline,
        language: &config.language,
        slugs: config.slugs,
    };
    let (bibliography, bib_problems) = bibliography::load(
        &config.root,
        &config.bibliography,
        &config.citation_style,
        &config.language,
    );
    let bibliography = std::sync::Arc::new(bibliography);
    laps.lap("config, theme, topics");
    // What every document's extraction depends on besides its own source
    // (only needed when results are kept).
    let context = if last.active {
        memo::KeyHasher::of(|h| {
            h.add_json(&config);
            h.add(std::fs::read(&config.topic_map).unwrap_or_default());
            // The bibliography and the style format citations in texts (the
            // style's name is in the config above; a .csl file's text here).
            for f in &config.bibliography {
                h.add(std::fs::read(f).unwrap_or_default());
            }
            if !bibliography::is_style_name(&config.citation_style) {
                h.add(std::fs::read(config.root.join(&config.citation_style)).unwrap_or_default());
            }
        })
    } else {
        0
    };
    // Sources the last build read and that have not changed since are not
    // read again.
    let read_at = std::time::SystemTime::now();
    // Texts whose own bibliography files changed are read again.
    let bib_changed: std::collections::HashSet<&Path> = last
        .doc_bibliographies
        .iter()
        .filter(|(_, (files, key))| bibliography.files_key(files) != *key)
        .map(|(path, _)| path.as_path())
        .collect();
    // Texts are read as they are prepared (in parallel), so that a large
    // site's texts are not all held at once.
    let mut found = sources::discover_with(
        &config.content_dir,
        &|path| {
            last.unchanged_source(path, context)
                .filter(|_| !bib_changed.contains(path))
        },
        true,
    )?;
    found.retain(&config.content_dir, &|rel| !config.ignored.covers(rel));
    let sources_read = found.sources.len() + found.later.len();
    let mut diags = found.diagnostics;
    diags.extend(topic_problems);
    diags.extend(bib_problems);
    laps.lap("sources");
    // Each document with its key, its stamp and whether it was reused.
    type Entry = (u64, Option<sources::Stamp>, graph::PreparedEntry, bool);
    let mut prepared: Vec<Entry> = found
        .unchanged
        .into_par_iter()
        .filter_map(|(path, key)| {
            let stamp = last.sources.get(&path).map(|(s, _)| s.clone());
            Some((
                key,
                stamp,
                std::sync::Arc::clone(last.prepared.get(&key)?),
                true,
            ))
        })
        .collect();
    let unsafe_html = config.unsafe_html;
    let content_dir = &config.content_dir;
    let made: Vec<std::result::Result<Entry, Diagnostic>> = found
        .sources
        .into_par_iter()
        .map(Ok)
        .chain(
            found
                .later
                .into_par_iter()
                .map(|path| sources::read_source(content_dir, &path)),
        )
        .map(|source| {
            let source = source?;
            let stamp = if last.active {
                sources::Stamp::of(&source.path)
            } else {
                None
            };
            let key = if last.active {
                memo::source_key(&source, context ^ bibliography.source_files(&source).1)
            } else {
                0
            };
            if let Some(hit) = last.prepared.get(&key) {
                return Ok((key, stamp, std::sync::Arc::clone(hit), true));
            }
            let entry = prepare::prepare_guarded(
                source,
                key,
                &extract_opts,
                &bibliography,
                last.active,
                unsafe_html,
            )?;
            Ok((key, stamp, entry, false))
        })
        .collect();
    let mut failed: Vec<Diagnostic> = Vec::new();
    for m in made {
        match m {
            Ok(entry) => prepared.push(entry),
            Err(d) => failed.push(d),
        }
    }
    // A document that cannot be read or prepared now keeps its last good
    // version while serving, rather than vanishing from the site.
    failed.extend(
        diags
            .extract_if(.., |d| {
                d.severity == diagnostics::Severity::Error && last.sources.contains_key(&d.path)
            })
            .collect::<Vec<_>>(),
    );
    for mut d in failed {
        let kept = last
            .sources
            .get(&d.path)
            .and_then(|(stamp, key)| Some((*key, stamp.clone(), last.prepared.get(key)?)));
        match kept {
            Some((key, stamp, entry)) if !prepared.iter().any(|e| e.2 .0.source.path == d.path) => {
                d.message.push_str("; its last good version is shown");
                prepared.push((key, Some(stamp), std::sync::Arc::clone(entry), true));
            }
            _ => {}
        }
        diags.push(d);
    }
    // In the order the files were found (sorted by path).
    // Two runs, each already sorted (the unchanged sources, then those
    // read): a stable sort merges them in one pass.
    prepared.sort_by(|a, b| a.2 .0.source.path.cmp(&b.2 .0.source.path));
    let mut docs = Vec::with_capacity(prepared.len());
    for (_, _, entry, _) in &prepared {
        docs.push(std::sync::Arc::clone(entry));
        diags.extend(entry.1.iter().cloned());
    }
    let reused = prepared.iter().filter(|e| e.3).count();
    let doc_bibliographies = if last.active {
        prepared
            .iter()
            .map(|e| (&e.2 .0.source, bibliography.source_files(&e.2 .0.source)))
            .filter(|(_, (files, _))| !files.is_empty())
            .map(|(source, named)| (source.path.clone(), named))
            .collect()
    } else {
        Default::default()
    };
    let mut next = Memo {
        active: last.active,
        stats: memo::Stats {
            sources_read,
            documents_reused: reused,
            documents_made: prepared.len() - reused,
            ..memo::Stats::default()
        },
        sources: if last.active {
            prepared
                .iter()
                .filter_map(|(k, stamp, e, _)| {
                    Some((e.0.source.path.clone(), (stamp.clone()?, *k)))
                })
                .collect()
        } else {
            Default::default()
        },
        read_at: Some(read_at),
        context,
        prepared: if last.active {
            prepared.into_iter().map(|(k, _, e, _)| (k, e)).collect()
        } else {
            Default::default()
        },
        render: render::RenderMemo::default(),
        indexes: graph::Indexes::default(),
        templates: last
            .active
            .then(|| (theme.templates_key, std::sync::Arc::clone(&theme.tera))),
        kept: None,
        changed: None,
        doc_bibliographies,
    };
    laps.lap("normalise, parse, extract");
    // Drafts are kept in the memo (they are read and prepared) but reach
    // the site only when asked for.
    if !config.drafts {
        docs.retain(|d: &graph::PreparedEntry| !d.0.source.meta.draft);
    }
    let mut graph_laps = Laps::new();
    let sizes = render::assets::sizes(&found.assets);
    let (site, graph_diags, indexes) = graph::build_graph(
        docs,
        found.sections,
        found
            .assets
            .iter()
            .map(|a| a.rel.clone())
            .zip(sizes)
            .collect(),
        topic_map,
        &last.indexes,
        &mut graph_laps,
    );
    next.indexes = indexes;
    diags.extend(graph_diags);
    laps.lap("site graph");
    laps.list.extend(graph_laps.list);
    // A one-off build kept no document's Markdown: a page reads its text
    // again. One that changed since it was read is reported.
    let changed = std::sync::Mutex::new(Vec::new());
    let reread = |path: &Path, key: u64| {
        let again = prepare::markdown_again(content_dir, path, key, &bibliography, unsafe_html);
        if again.is_none() {
            changed
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(path.to_path_buf());
        }
        again
    };
    let reread: Option<&crate::parse::Reread> = (!next.active).then_some(&reread);
    let (mut out, parts, render_memo) =
        render::render(&config, &site, &theme, &last.render, emit, reread)?;
    for path in changed.into_inner().unwrap_or_else(|e| e.into_inner()) {
        diags.push(Diagnostic::error(
            &path,
            0,
            0,
            "this text changed or went away while the site was being built, so its page \
             says so instead of showing it; build again"
                .to_string(),
        ));
    }
    render::assets::publish(&mut out, &found.assets, &mut diags)?;
    next.stats.renders_reused = render_memo.reused;
    next.stats.renders_made = render_memo.made;
    next.render = render_memo;
    laps.lap("render");
    laps.list.extend(parts);
    let documents = site.docs.len();
    // A bibliography's problems travel with every text that names it:
    // reported once.
    diags.sort();
    diags.dedup();
    let topic_report = topic_report(&site);
    let built = Built {
        config,
        files: out.files,
        emitted: out.emitted,
        diagnostics: diags,
        timings: laps.list,
        documents,
        patched: None,
        sources: page_sources(&site),
        topic_report,
    };
    if next.active {
        // What the next build may patch (see `session`).
        next.kept = Some(Box::new(Kept {
            config: built.config.clone(),
            overrides: overrides.clone(),
            theme,
            matcher,
            bibliography,
            site,
            files: built.files.clone(),
            diagnostics: built.diagnostics.clone(),
        }));
    } else {
        // The graph holds many small values; freeing them is not worth
        // waiting for.
        std::thread::spawn(move || drop(site));
    }
    Ok((built, next))
}

fn protected(c: &config::Config) -> output::guard::Protected {
    output::guard::Protected::for_site(&c.root, &c.content_dir)
}

/// The files beside the texts, read to be published as they are; one that
/// cannot be read is a warning.
/// Each document page's source and the links its text wrote.
/// See [`Built::topic_report`].
pub fn topic_report(site: &graph::Site) -> Vec<(String, usize, extract::Rejected)> {
    let topics = &site.topic_map.topics;
    (0..topics.len())
        .map(|t| {
            let rejected = site.topics.rejected.get(t).copied().unwrap_or_default();
            (topics[t].id.clone(), site.topics.mentions[t], rejected)
        })
        .collect()
}

pub fn page_sources(site: &graph::Site) -> Vec<check::PageSource> {
    site.docs
        .iter()
        .map(|d| check::PageSource {
            page: d.url.clone(),
            path: d.path.clone(),
            links: d.body.link_lines.clone(),
        })
        .collect()
}

/// Builds the site and writes it to the output folder, which is replaced
/// only when `output::guard::check_target` allows it (`force` lets a
/// folder dossier did not write be replaced; site folders never are).
pub fn build(root: &Path, overrides: &config::Overrides, force: bool) -> Result<Built> {
    // Refuse a forbidden output before spending the build's time.
    let c = config::load(root, overrides)?;
    let staging = output::Staging::begin(&c.output_dir, force, &protected(&c))?;
    let (mut built, _) = run_pipeline(root, overrides, &Memo::default(), Some(&staging))?;
    let start = Instant::now();
    staging.write_all(&built.files)?;
    staging.finish()?;
    built.timings.push(crate::timings::Lap {
        stage: "write",
        time: start.elapsed(),
        resident: crate::timings::resident(),
    });
    Ok(built)
}
