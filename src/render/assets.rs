//! Files beside the texts (images, PDFs, data), published as they are at
//! their content-relative paths, among the files the site makes.

use super::OutputFile;
use crate::diagnostics::Diagnostic;
use crate::sources;
use rayon::prelude::*;

/// Reads the files beside the texts; one past the size limit or
/// unreadable is a warning and is left out.
pub fn read_assets(assets: &[sources::Asset], diags: &mut Vec<Diagnostic>) -> Vec<OutputFile> {
    let read: Vec<std::result::Result<OutputFile, Diagnostic>> = assets
        .par_iter()
        .map(|a| {
            let too_big = |len: u64| len > sources::MAX_BYTES;
            match std::fs::metadata(&a.path) {
                Ok(m) if too_big(m.len()) => Err(Diagnostic::warning(
                    &a.path,
                    0,
                    0,
                    format!(
                        "not published: {} MB, past the {} MB limit",
                        m.len() >> 20,
                        sources::MAX_BYTES >> 20
                    ),
                )),
                _ => std::fs::read(&a.path)
                    .map(|b| OutputFile::new(a.rel.clone(), b))
                    .map_err(|e| Diagnostic::warning(&a.path, 0, 0, format!("not published: {e}"))),
            }
        })
        .collect();
    read.into_iter()
        .filter_map(|r| r.map_err(|d| diags.push(d)).ok())
        .collect()
}

/// Puts the assets among the site's files (sorted by path); a generated
/// file of the same path wins, with a warning.
pub fn add_assets(
    files: &mut Vec<OutputFile>,
    assets: Vec<OutputFile>,
    diags: &mut Vec<Diagnostic>,
) {
    if assets.is_empty() {
        return;
    }
    let made: std::collections::HashSet<String> = files.iter().map(|f| f.path.clone()).collect();
    for a in assets {
        if made.contains(&a.path) {
            diags.push(Diagnostic::warning(
                std::path::Path::new(&a.path),
                0,
                0,
                "not published: the site makes a file of the same name",
            ));
        } else {
            files.push(a);
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
}
