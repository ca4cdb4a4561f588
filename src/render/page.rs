//! A page's context and its way through the render cache: the context
//! kept as JSON text so that its key is known before the template runs,
//! fragments spliced in afterwards, and quick keys that find a page without
//! making its context (see `memo`).

use super::{root_prefix, rows, Renderer};
use crate::output::Contents;
use crate::theme::error_chain;
use anyhow::{anyhow, Result};
use std::sync::Arc;
use tera::Context;

/// What [`Renderer::page_with`] does with a page's quick key.
#[derive(Clone, Copy)]
pub(super) enum Quick {
    /// The page has none.
    None,
    /// The page is made: its quick key is recorded with its full key.
    Record(u64),
    /// The page was found by its quick key (first), and had the full key
    /// (second): only check that its full key is that one.
    Check(u64, u64),
}

/// A page's template context, kept serialised so that its key (a hash of
/// all of it) is known before the template runs: a page whose key the last
/// build saw is not rendered again. When results are kept (`keyed`), each
/// value is held as JSON text (cheap to make and to hash; parsed only for a
/// page that is rendered), else as a JSON value, ready for the template.
pub(crate) struct PageContext {
    keyed: bool,
    values: std::collections::BTreeMap<String, Slot>,
    /// HTML put in after the template runs, in place of the markers the
    /// context holds (see [`PageContext::fragment`]).
    fragments: Vec<Vec<u8>>,
}

enum Slot {
    Value(serde_json::Value),
    Text(Vec<u8>),
}

impl PageContext {
    fn new(keyed: bool) -> Self {
        PageContext {
            keyed,
            values: std::collections::BTreeMap::new(),
            fragments: Vec::new(),
        }
    }

    pub(crate) fn insert<T: serde::Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        // Views are plain structs and strings: they always serialise.
        let slot = if self.keyed {
            Slot::Text(serde_json::to_vec(value).unwrap_or_else(|_| b"null".to_vec()))
        } else {
            Slot::Value(serde_json::to_value(value).unwrap_or(serde_json::Value::Null))
        };
        self.values.insert(key.to_string(), slot);
    }

    /// A marker to put in the context in place of `html`, which replaces
    /// it in the rendered page: long HTML made elsewhere (rows rendered one
    /// by one and reused) then goes neither through JSON nor through the
    /// template engine. Only for contexts completed when a page is made
    /// (`Renderer::page_with`), whose key covers what `html` is made from.
    pub(crate) fn fragment(&mut self, html: Vec<u8>) -> String {
        self.fragments.push(html);
        rows::marker(self.fragments.len() - 1)
    }

    fn add_to(&self, key: &mut crate::memo::KeyHasher) {
        for (name, slot) in &self.values {
            key.add(name);
            match slot {
                Slot::Text(text) => key.add(text),
                Slot::Value(value) => key.add_json(value),
            }
        }
    }

    fn into_context(self) -> std::result::Result<(Context, Vec<Vec<u8>>), tera::Error> {
        let mut map = serde_json::Map::new();
        for (name, slot) in self.values {
            let value = match slot {
                Slot::Value(v) => v,
                Slot::Text(text) => serde_json::from_slice(&text).map_err(|e| {
                    tera::Error::msg(format!("context value `{name}` is not JSON: {e}"))
                })?,
            };
            map.insert(name, value);
        }
        Ok((
            Context::from_value(serde_json::Value::Object(map))?,
            self.fragments,
        ))
    }
}

impl Renderer<'_> {
    /// The context every page shares: the site, the way back to the root, the
    /// navigation.
    /// The context every page has: the site, the way back to its root,
    /// its URL (and canonical URL), the navigation, its own title (`None`
    /// for the home page: the site's title alone) and its description.
    pub(super) fn context(
        &self,
        url: &str,
        title: Option<&str>,
        description: Option<&str>,
    ) -> PageContext {
        let mut ctx = PageContext::new(self.cache.active());
        ctx.insert("site", &self.site_view);
        ctx.insert("tr", &self.theme.strings);
        ctx.insert("js_strings", &self.js_strings);
        ctx.insert("root", &root_prefix(url));
        ctx.insert("page_url", url);
        ctx.insert(
            "canonical_url",
            &format!(
                "{}{}",
                self.config.base_url,
                url.strip_suffix("index.html").unwrap_or(url)
            ),
        );
        ctx.insert("nav", &self.nav);
        ctx.insert("page_title", &title);
        let description = description
            .map(|d| super::views::plain_summary(d, super::views::DESCRIPTION))
            .filter(|d| !d.is_empty())
            .unwrap_or_else(|| self.site_view.description.to_string());
        ctx.insert("description", &description);
        ctx
    }

    /// Renders `template` with `ctx`, or reuses the last build's bytes for
    /// the same templates, template name and context.
    pub(super) fn page(&self, template: &str, ctx: PageContext, url: &str) -> Result<Contents> {
        self.page_with(template, ctx, url, 0, Quick::None, |_| Ok(()))
    }

    /// A page found by its quick key when the last build made it (see
    /// [`crate::memo::RenderCache::by_quick`]), else made by `page`, which is handed how
    /// to use the quick key. Self-checks make the full key of every page
    /// found by a quick key and check that it is the one the quick key
    /// found: a quick key that misses an input fails the tests.
    pub(super) fn quick_page(
        &self,
        quick: u64,
        page: impl Fn(Quick) -> Result<Contents>,
    ) -> Result<Contents> {
        match self.cache.by_quick(quick) {
            Some((key, bytes)) => {
                if crate::memo::self_check() {
                    page(Quick::Check(quick, key))?;
                }
                Ok(bytes)
            }
            None => page(Quick::Record(quick)),
        }
    }

    /// [`Self::page`] for a page whose costly part is made only when it is
    /// rendered: the key covers `ctx` and `inputs` (a hash of everything
    /// `finish` adds to the context), and `finish` completes the context
    /// when the page is not reused.
    pub(super) fn page_with(
        &self,
        template: &str,
        ctx: PageContext,
        url: &str,
        inputs: u64,
        quick: Quick,
        finish: impl FnOnce(&mut PageContext) -> Result<()>,
    ) -> Result<Contents> {
        let key = self.cache.key(|key| {
            key.add(self.theme.templates_key);
            key.add(template);
            key.add(inputs);
            ctx.add_to(key);
        });
        self.keyed(key, quick, url, || {
            // What `finish` adds is not hashed: it goes in as values.
            let mut ctx = ctx;
            ctx.keyed = false;
            finish(&mut ctx)?;
            let (ctx, fragments) = ctx
                .into_context()
                .map_err(|e| anyhow!("cannot render {url}: {e}"))?;
            self.render_template(template, &ctx, url)
                .map(|page| rows::splice(page, &fragments))
        })
    }

    /// `template` rendered with `ctx`; an error names `what` is rendered
    /// (a page's URL) and the template.
    pub(super) fn render_template(
        &self,
        template: &str,
        ctx: &Context,
        what: &str,
    ) -> Result<String> {
        self.theme.tera.render(template, ctx).map_err(|e| {
            anyhow!(
                "cannot render {what} with template {template}: {}",
                error_chain(&e)
            )
        })
    }

    /// The bytes for `key`, reused or made (see [`crate::memo::RenderCache::get_or`]),
    /// with `quick` recorded or checked (see [`Self::quick_page`]).
    pub(super) fn keyed(
        &self,
        key: u64,
        quick: Quick,
        path: &str,
        make: impl FnOnce() -> Result<Vec<u8>>,
    ) -> Result<Contents> {
        self.cache.note_key(path, key);
        match quick {
            Quick::None => {}
            Quick::Record(q) => self.cache.quick_is(q, key),
            Quick::Check(q, found) => {
                assert_eq!(
                    key, found,
                    "{path}: its quick key {q:016x} found a file with other inputs"
                );
                return Ok(Contents::Plain(Arc::default()));
            }
        }
        self.cache.get_or(key, make)
    }
}
