//! Files beside the texts (images, PDFs, data), published as they are at
//! their content-relative paths, among the files the site makes. Kept in
//! memory when the render keeps its files; copied straight into the output
//! when it emits them (`build`), so a site's PDFs never pass through memory.

use super::{Out, OutputFile};
use crate::diagnostics::Diagnostic;
use crate::graph::files::Size;
use crate::sources::{self, Asset};
use anyhow::Result;
use rayon::prelude::*;
use std::collections::HashSet;

/// The pixel size of each image among `assets` (read from its header).
pub fn sizes(assets: &[Asset]) -> Vec<Option<Size>> {
    assets
        .par_iter()
        .map(|a| {
            let s = imagesize::size(&a.path).ok()?;
            let (w, h) = (u32::try_from(s.width).ok()?, u32::try_from(s.height).ok()?);
            (w > 0 && h > 0).then_some((w, h))
        })
        .collect()
}

/// Publishes `assets` into `out`: one past the size limit, unreadable, or
/// of the same path as a file the site makes (which wins) is a warning and
/// is left out.
pub fn publish(out: &mut Out, assets: &[Asset], diags: &mut Vec<Diagnostic>) -> Result<()> {
    if assets.is_empty() {
        return Ok(());
    }
    let made: HashSet<String> = out.paths().map(str::to_string).collect();
    let results: Vec<std::result::Result<super::Placed, Diagnostic>> = assets
        .par_iter()
        .map(|a| {
            let skip = |why: String| Err(Diagnostic::warning(&a.path, 0, 0, why));
            if made.contains(&a.rel) {
                return skip("not published: the site makes a file of the same name".into());
            }
            match std::fs::metadata(&a.path) {
                Ok(m) if m.len() > sources::MAX_BYTES => skip(format!(
                    "not published: {} MB, past the {} MB limit",
                    m.len() >> 20,
                    sources::MAX_BYTES >> 20
                )),
                Err(e) => skip(format!("not published: {e}")),
                Ok(_) => out
                    .copy_or_read(&a.rel, &a.path)
                    .or_else(|e| skip(format!("not published: {e:#}"))),
            }
        })
        .collect();
    let mut placed = Vec::new();
    for r in results {
        match r {
            Ok(p) => placed.push(p),
            Err(d) => diags.push(d),
        }
    }
    out.record(placed);
    out.files.sort_by(|a, b| a.path.cmp(&b.path));
    out.emitted.sort_unstable();
    Ok(())
}

/// An asset's bytes as a file of the site (for a render that keeps them).
pub fn read(rel: &str, path: &std::path::Path) -> std::io::Result<OutputFile> {
    std::fs::read(path).map(|b| OutputFile::new(rel, b))
}
