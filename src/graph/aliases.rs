//! Redirect pages for a document's earlier URLs (`aliases` in its front
//! matter, as Zola and Hugo sites carry them).
//!
//! An alias is a site path: `/posts/old/` or `old/page.html`. It becomes
//! the file `posts/old/index.html` (or `old/page.html`) holding a redirect
//! to the document by a relative URL, so it works from `file://` as on a
//! host. Every segment must be a plain URL name (letters, digits, `-`,
//! `_`, `.`, `~`, not `.` or `..`); an alias that is not, or that would
//! replace a page of the site or land under its own folders, is skipped
//! with a warning. A base URL's path is not part of an alias.

use super::{Doc, RESERVED};
use crate::diagnostics::Diagnostic;
use std::collections::HashSet;
use std::sync::Arc;

/// A redirect page: its output path and the document it leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirect {
    pub path: String,
    pub doc: usize,
}

/// The redirects of every document, in document order; `taken` holds the
/// output paths of the site's pages.
pub fn redirects(
    docs: &[Arc<Doc>],
    taken: &HashSet<String>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Redirect> {
    let mut out = Vec::new();
    let mut used: HashSet<String> = HashSet::new();
    for (i, d) in docs.iter().enumerate() {
        for alias in &d.aliases {
            let skip = |why: &str| {
                Diagnostic::warning(
                    &d.path,
                    0,
                    0,
                    format!("alias `{alias}` {why}; no redirect is made"),
                )
            };
            let Some(path) = output_path(alias) else {
                // A name with spaces (Obsidian's `aliases`) is a name to
                // link by (see `wiki`), not a URL.
                if !super::wiki::is_name(alias) {
                    diags.push(skip("is not a plain site path"));
                }
                continue;
            };
            let root = path.split('/').next().unwrap_or("");
            if RESERVED.contains(&root)
                || taken.contains(&path)
                || path.contains("/page/")
                || root == "page"
            {
                diags.push(skip("would replace a page of the site"));
                continue;
            }
            if !used.insert(path.clone()) {
                diags.push(skip("is given twice"));
                continue;
            }
            out.push(Redirect { path, doc: i });
        }
    }
    out
}

/// The file an alias is published as, when it is a plain site path.
fn output_path(alias: &str) -> Option<String> {
    let alias = alias.trim();
    if alias.len() > 512 || alias.contains("://") || alias.starts_with("//") {
        return None;
    }
    let alias = alias.split(['?', '#']).next().unwrap_or("");
    let segments: Vec<&str> = alias.split('/').filter(|s| !s.is_empty()).collect();
    let plain = |s: &str| {
        s != "."
            && s != ".."
            && s.len() <= 120
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.~".contains(&b))
    };
    if segments.is_empty() || !segments.iter().all(|s| plain(s)) {
        return None;
    }
    let last = segments[segments.len() - 1];
    let file = last.ends_with(".html") || last.ends_with(".htm");
    let mut path = segments.join("/");
    if !file {
        path.push_str("/index.html");
    }
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_become_plain_output_paths() {
        assert_eq!(
            output_path("/posts/old/").as_deref(),
            Some("posts/old/index.html")
        );
        assert_eq!(
            output_path("old/page.html").as_deref(),
            Some("old/page.html")
        );
        assert_eq!(output_path("/x?y#z").as_deref(), Some("x/index.html"));
        for bad in [
            "../../etc/x",
            "/",
            "",
            "a/../b",
            "https://e.org/a",
            "//host/a",
            "C:\\x",
            "a\0b",
            "a b",
            "/./x",
        ] {
            assert_eq!(output_path(bad), None, "{bad:?}");
        }
    }
}
