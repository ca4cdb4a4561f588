//! Theme: Tera templates and static files in layers.
//!
//! Lowest layer first, each overriding the one before file by file:
//!
//! 1. the built-in theme (`themes/default`, embedded in the binary);
//! 2. `<site>/themes/<theme>/` when that folder exists;
//! 3. `<site>/templates/` and `<site>/static/`.
//!
//! Every built-in template is also registered as `default/<name>`, so a site
//! template can `{% extends "default/document.html" %}` and override a single
//! block instead of copying the whole file. Templates are parsed once per
//! build.

mod limits;
pub(crate) mod strings;

use anyhow::{anyhow, Context, Result};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use tera::Tera;

macro_rules! embed {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/templates/", $name)))),*]
    };
}

/// The built-in templates, as shipped in `themes/default/templates`.
pub const TEMPLATES: &[(&str, &str)] = embed!(
    "base.html",
    "index.html",
    "document.html",
    "section.html",
    "404.html",
    "topics.html",
    "topic.html",
    "timeline.html",
    "citations.html",
    "search.html",
    "documents.html",
    "graph.html",
    "partials/head.html",
    "partials/header.html",
    "partials/footer.html",
    "partials/doc_meta.html",
    "partials/doc_list.html",
    "partials/paginator.html",
    "partials/document_row.html",
    "partials/timeline_entry.html",
);

/// The built-in static files, copied to the output root.
pub const STATIC: &[(&str, &str)] = &[
    (
        "style.css",
        include_str!("../../themes/default/static/style.css"),
    ),
    (
        "print.css",
        include_str!("../../themes/default/static/print.css"),
    ),
    (
        "search.js",
        include_str!("../../themes/default/static/search.js"),
    ),
    ("map.js", include_str!("../../themes/default/static/map.js")),
];

pub struct Theme {
    /// Shared: a rebuild whose templates did not change reuses the parsed
    /// templates of the last build.
    pub tera: Arc<Tera>,
    /// Output path → bytes, site files over theme files.
    pub static_files: BTreeMap<String, Vec<u8>>,
    /// A hash of every template's name and text and of the strings:
    /// rendered pages are reused between rebuilds only while it is
    /// unchanged (see `memo`).
    pub templates_key: u64,
    /// The words templates show, in the site's language (`tr`).
    pub strings: strings::Strings,
    /// Per template: the keys of `tr` it reads, its includes' too. A
    /// template rendered thousands of times a build (a timeline entry, a
    /// document row) is given only those.
    pub uses: BTreeMap<String, std::collections::BTreeSet<String>>,
}

impl Theme {
    /// The strings template `name` (and what it includes) reads.
    pub fn strings_for(&self, name: &str) -> strings::Strings {
        let keys = self.uses.get(name);
        self.strings
            .iter()
            .filter(|(k, _)| keys.is_some_and(|u| u.contains(*k)))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }
}

/// Parsed templates and the key of their texts, kept between rebuilds.
pub type Compiled = (u64, Arc<Tera>);

/// The code highlighting stylesheet's path: made by the render stage for
/// the built-in colours unless a theme or the site has its own.
pub const SYNTAX_CSS: &str = "syntax.css";

/// Loads the layered theme for a site rooted at `root`. When `last` holds
/// templates parsed from the same texts, they are reused, not parsed again.
pub fn load(root: &Path, config: &crate::config::Config, last: Option<&Compiled>) -> Result<Theme> {
    let theme = config.theme.as_str();
    let strings = strings::load(root, theme, &config.language, &config.translations)?;
    let mut templates: BTreeMap<String, String> = BTreeMap::new();
    // Where each template name came from, for error messages.
    let mut origins: BTreeMap<String, String> = BTreeMap::new();
    let mut static_files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for (name, text) in TEMPLATES {
        templates.insert(format!("default/{name}"), text.to_string());
        templates.insert(name.to_string(), text.to_string());
    }
    for (name, text) in STATIC {
        static_files.insert(name.to_string(), text.as_bytes().to_vec());
    }
    let theme_dir = root.join("themes").join(theme);
    if theme_dir.is_dir() {
        read_layer(&theme_dir.join("templates"), "", &mut |rel, bytes| {
            templates.insert(format!("{theme}/{rel}"), text_of(&theme_dir, rel, &bytes)?);
            templates.insert(rel.to_string(), text_of(&theme_dir, rel, &bytes)?);
            let origin = theme_dir.join("templates").join(rel).display().to_string();
            origins.insert(format!("{theme}/{rel}"), origin.clone());
            origins.insert(rel.to_string(), origin);
            Ok(())
        })?;
        read_layer(&theme_dir.join("static"), "", &mut |rel, bytes| {
            static_files.insert(rel.to_string(), bytes);
            Ok(())
        })?;
    } else if theme != "default" {
        return Err(anyhow!(
            "theme `{theme}` not found: no folder {}",
            theme_dir.display()
        ));
    }
    let site_templates = root.join("templates");
    read_layer(&site_templates, "", &mut |rel, bytes| {
        templates.insert(rel.to_string(), text_of(&site_templates, rel, &bytes)?);
        origins.insert(
            rel.to_string(),
            site_templates.join(rel).display().to_string(),
        );
        Ok(())
    })?;
    read_layer(&root.join("static"), "", &mut |rel, bytes| {
        static_files.insert(rel.to_string(), bytes);
        Ok(())
    })?;
    let mut key = crate::memo::KeyHasher::default();
    key.add(&templates);
    key.add(&strings);
    // Whether code is highlighted for the built-in stylesheet (see
    // `render::highlight::Highlighter::prune`).
    key.add(static_files.contains_key(SYNTAX_CSS));
    let templates_key = key.finish();
    let tera = match last {
        Some((k, tera)) if *k == templates_key => Arc::clone(tera),
        _ => Arc::new(compile(&templates, &origins)?),
    };
    Ok(Theme {
        tera,
        static_files,
        templates_key,
        strings,
        uses: strings::uses(&templates),
    })
}

fn compile(
    templates: &BTreeMap<String, String>,
    origins: &BTreeMap<String, String>,
) -> Result<Tera> {
    limits::check_cycles(templates)?;
    let mut tera = Tera::default();
    limits::bound(&mut tera);
    tera.autoescape_on(vec![".html", ".xml"]);
    // Tera's default escaper also escapes `/`, which is valid but makes every
    // relative URL unreadable in the output.
    tera.set_escape_fn(escape_html);
    tera.register_filter("fill", strings::fill);
    tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| {
            let msg = error_chain(&e);
            // Tera names the template; say which file that is.
            let file = msg.split('\'').nth(1).map(|name| {
                origins
                    .get(name)
                    .cloned()
                    .unwrap_or_else(|| format!("built-in theme, {name}"))
            });
            match file {
                Some(f) => anyhow!("{f}: {msg}"),
                None => anyhow!("{msg}"),
            }
        })
        .context("cannot load templates")?;
    Ok(tera)
}

fn text_of(dir: &Path, rel: &str, bytes: &[u8]) -> Result<String> {
    String::from_utf8(bytes.to_vec())
        .map_err(|_| anyhow!("{}: template is not valid UTF-8", dir.join(rel).display()))
}

/// Calls `f(relative path, bytes)` for every file under `dir`, sorted; a
/// missing folder is an empty layer.
fn read_layer(
    dir: &Path,
    prefix: &str,
    f: &mut dyn FnMut(&str, Vec<u8>) -> Result<()>,
) -> Result<()> {
    if !dir.is_dir() {
        return Ok(());
    }
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .collect::<std::io::Result<_>>()
        .with_context(|| format!("cannot read {}", dir.display()))?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().to_string();
        if crate::sources::is_ignored_name(&name) {
            continue;
        }
        let rel = format!("{prefix}{name}");
        let path = entry.path();
        if path.is_dir() {
            read_layer(&path, &format!("{rel}/"), f)?;
        } else {
            let bytes =
                std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
            f(&rel, bytes)?;
        }
    }
    Ok(())
}

fn escape_html(s: &str) -> String {
    crate::chars::escape_html(s)
}

/// Tera hides the useful part of an error (line, column, missing variable) in
/// its source chain; this joins the chain into one message.
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut src = e.source();
    while let Some(s) = src {
        parts.push(s.to_string());
        src = s.source();
    }
    parts.join(": ")
}
