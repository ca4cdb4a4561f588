//! Long listings rendered row by row: each row is rendered on its own
//! with a row template and reused while its key is unchanged, and the rows
//! go into their page as one fragment (see `PageContext::fragment`), past
//! JSON and the template engine. An edit that adds one timeline entry then
//! renders one row and joins the others, instead of rendering the 4,000
//! entries of its year's page again.

use super::timeline::{entry_view, ENTRY_TEMPLATE};
use super::Renderer;
use anyhow::Result;
use rayon::prelude::*;
use std::sync::Arc;

const FRAGMENT_OPEN: &str = "\u{E000}dossier-fragment-";
const FRAGMENT_CLOSE: char = '\u{E001}';

/// `page` with each fragment marker replaced by its fragment.
pub(super) fn splice(page: String, fragments: &[Vec<u8>]) -> Vec<u8> {
    if fragments.is_empty() {
        return page.into_bytes();
    }
    let size = page.len() + fragments.iter().map(Vec::len).sum::<usize>();
    let mut out = Vec::with_capacity(size);
    let mut rest = page.as_str();
    while let Some(at) = rest.find(FRAGMENT_OPEN) {
        out.extend_from_slice(&rest.as_bytes()[..at]);
        let after = &rest[at + FRAGMENT_OPEN.len()..];
        let found = after.find(FRAGMENT_CLOSE).and_then(|end| {
            let n: usize = after[..end].parse().ok()?;
            Some((fragments.get(n)?, end))
        });
        match found {
            Some((html, end)) => {
                out.extend_from_slice(html);
                rest = &after[end + FRAGMENT_CLOSE.len_utf8()..];
            }
            None => {
                out.extend_from_slice(FRAGMENT_OPEN.as_bytes());
                rest = after;
            }
        }
    }
    out.extend_from_slice(rest.as_bytes());
    out
}

/// The marker of fragment `n`.
pub(super) fn marker(n: usize) -> String {
    format!("{FRAGMENT_OPEN}{n}{FRAGMENT_CLOSE}")
}

/// Rows with their keys, as a page records them (see `memo::RowStore`).
pub(super) type Rows = Vec<(u64, Arc<Vec<u8>>)>;

impl Renderer<'_> {
    /// The rows `keys` name: stored ones from the row store, the others
    /// made (in parallel) by `make` from the row's place. Self-checks make
    /// the stored ones too and check that they are the same.
    pub(super) fn rows(
        &self,
        keys: Vec<u64>,
        make: impl Fn(usize) -> Result<Vec<u8>> + Sync,
    ) -> Result<Rows> {
        let found = match self.cache.rows() {
            Some(store) => store.lookup(&keys),
            None => vec![None; keys.len()],
        };
        let kept = self.cache.rows().is_some();
        keys.into_par_iter()
            .zip(found)
            .enumerate()
            .map(|(i, (key, found))| {
                let row = match found {
                    Some(row) => {
                        // A row key made of other keys must cover what the
                        // row is made from: self-checks (all tests) check.
                        if crate::memo::self_check() {
                            assert!(
                                make(i)?[..] == row[..],
                                "a stored row (key {key:016x}) differs from the row made anew"
                            );
                        }
                        row
                    }
                    None => Arc::new(crate::output::exact_if(kept, make(i)?)),
                };
                Ok((key, row))
            })
            .collect()
    }

    /// [`Self::rows`] rendered with `template` and the context `ctx` makes
    /// for the row's place. `page` names the page for errors.
    pub(super) fn template_rows(
        &self,
        template: &str,
        keys: Vec<u64>,
        page: &str,
        ctx: impl Fn(usize) -> tera::Context + Sync,
    ) -> Result<Rows> {
        self.rows(keys, |i| {
            self.render_template(template, &ctx(i), page)
                .map(String::into_bytes)
        })
    }

    /// A JSON export made of `rows` (its items), which it records.
    pub(super) fn json_array(&self, path: &str, rows: Rows) -> Vec<u8> {
        let bytes = super::exports::array(rows.iter().map(|(_, r)| r.as_slice()));
        self.record_rows(path, Some(rows));
        bytes
    }

    /// Records the rows of page `url` when it was made in this build, or
    /// that it kept its rows when it was reused.
    pub(super) fn record_rows(&self, url: &str, made: Option<Rows>) {
        if let Some(mut store) = self.cache.rows() {
            match made {
                Some(rows) => store.set_page(url, rows),
                None => store.keep_page(url),
            }
        }
    }

    /// The timeline entries `entries` as rows of a page at `root`, for the
    /// timeline `range`.
    pub(super) fn timeline_rows(
        &self,
        entries: &[usize],
        root: &str,
        range: (i32, i32),
    ) -> Result<Rows> {
        let plan = &self.plan;
        let keys: Vec<u64> = entries
            .iter()
            .map(|&e| {
                self.cache.key(|k| {
                    k.add((ENTRY_TEMPLATE, self.theme.templates_key, root, range));
                    k.add((plan.timeline.entry_keys[e], plan.timeline.entry_page_url(e)));
                })
            })
            .collect();
        let entry_strings = self.theme.strings_for(ENTRY_TEMPLATE);
        self.template_rows(ENTRY_TEMPLATE, keys, "the timeline", |i| {
            let mut ctx = tera::Context::new();
            ctx.insert(
                "e",
                &entry_view(self.site, plan, entries[i], &self.theme.strings),
            );
            ctx.insert("root", root);
            ctx.insert("tr", &entry_strings);
            ctx.insert(
                "timeline",
                &serde_json::json!({"start": range.0, "end": range.1}),
            );
            ctx
        })
    }
}

/// Rows one after the other.
pub(super) fn join(rows: &[(u64, Arc<Vec<u8>>)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(rows.iter().map(|(_, r)| r.len()).sum());
    for (_, row) in rows {
        out.extend_from_slice(row);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_replace_their_markers_and_nothing_else() {
        let page = format!("<a>{}</a><b>{}{}</b>", marker(1), marker(0), marker(1));
        let fragments = vec![b"zero".to_vec(), b"one".to_vec()];
        assert_eq!(splice(page, &fragments), b"<a>one</a><b>zeroone</b>");
        // A marker that names no fragment, or is cut short, is left as it is.
        let odd = format!("x{}y", marker(7));
        assert_eq!(splice(odd.clone(), &fragments), odd.as_bytes());
        let cut = format!("x{FRAGMENT_OPEN}12");
        assert_eq!(splice(cut.clone(), &fragments), cut.as_bytes());
        assert_eq!(splice("plain".into(), &[]), b"plain");
    }
}
