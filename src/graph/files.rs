//! Files beside the texts (images, PDFs, data): published at their path
//! relative to the content folder, and reached from documents' links and
//! images, which are rewritten from the page's place (a page lives at
//! `section/slug/index.html`, not where its source is). A relative link
//! that reaches neither a text nor such a file is a warning naming the
//! document.

use super::Doc;
use crate::diagnostics::Diagnostic;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// An image's width and height in pixels.
pub type Size = (u32, u32);

/// The files beside the texts, by content-relative path, with each image's
/// size (read from its header: PNG, JPEG, GIF, WebP, SVG with sizes and
/// more).
pub type Assets = HashMap<String, Option<Size>>;

/// The content-relative path a document's relative link reaches, without
/// its fragment or query, percent-escapes decoded; `None` when it climbs
/// out of the content folder.
pub fn target(doc_rel: &str, dest: &str) -> Option<String> {
    let path = dest.split(['#', '?']).next().unwrap_or("");
    if path.is_empty() {
        return None;
    }
    crate::paths::resolve_relative(doc_rel, &crate::paths::percent_decode(path))
}

/// The href from the page at `from` (an output path) to the output path
/// `to`, each segment percent-encoded where a URL needs it.
pub fn href(from: &str, to: &str) -> String {
    let up = from.matches('/').count();
    let mut out = "../".repeat(up);
    let encoded: Vec<String> = to.split('/').map(encode_segment).collect();
    out.push_str(&encoded.join("/"));
    out
}

/// Warnings for relative links that reach nothing (no text, no file),
/// each at the line of the file where the link is.
pub fn missing(
    docs: &[Arc<Doc>],
    assets: &Assets,
    asset_names: &HashMap<String, String>,
    diags: &mut Vec<Diagnostic>,
) {
    let texts: HashSet<&str> = docs.iter().map(|d| d.rel.as_str()).collect();
    let names = super::wiki::Names::new(docs);
    // Every folder on the way to a text or a file: a link may name one.
    let folders: HashSet<&str> = texts
        .iter()
        .copied()
        .chain(assets.keys().map(String::as_str))
        .flat_map(|p| p.match_indices('/').map(move |(i, _)| &p[..i]))
        .collect();
    for d in docs {
        for dest in &d.extracted.links_out {
            let Some(t) = target(&d.rel, dest) else {
                continue;
            };
            let t = t.trim_end_matches('/');
            let found = t.is_empty()
                || texts.contains(t)
                || assets.contains_key(t)
                || folders.contains(t)
                || names.resolve(docs, &d.rel, dest).is_some()
                || super::wiki::file_by_name(asset_names, dest).is_some();
            if !found {
                let line = d.body.link_lines.iter().find(|(x, _)| x == dest);
                diags.push(Diagnostic::warning(
                    &d.path,
                    line.map_or(0, |l| l.1),
                    0,
                    format!(
                        "links to `{dest}`, but the content folder has no `{t}`, and no text or file is named so"
                    ),
                ));
            }
        }
    }
}

fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_files_resolve_from_the_source_and_lead_from_the_page() {
        assert_eq!(
            target("essays/a.md", "img/plot.png#x").as_deref(),
            Some("essays/img/plot.png")
        );
        assert_eq!(
            target("essays/a.md", "../data/My%20Table.csv").as_deref(),
            Some("data/My Table.csv")
        );
        assert_eq!(target("a.md", "../../etc/passwd"), None);
        assert_eq!(
            href("essays/a-title/index.html", "essays/img/plot.png"),
            "../../essays/img/plot.png"
        );
        assert_eq!(
            href("index.html", "Cold War/x y.pdf"),
            "Cold%20War/x%20y.pdf"
        );
        assert_eq!(href("a/index.html", "a/%.png"), "../a/%25.png");
    }
}
