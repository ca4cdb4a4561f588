//! Configuration: `config.toml` in two layers.
//!
//! 1. [`RawConfig`] mirrors the file exactly (serde, unknown keys rejected).
//! 2. [`Config`] is the checked, derived form every later stage receives:
//!    absolute folders, a normalised base URL, a validated timeline range.
//!
//! Command-line overrides (`--output`, `--base-url`) are applied between the
//! two layers, so validation sees the final values.

use crate::diagnostics;
use crate::extract::LinkMode;
use anyhow::{bail, Context, Result};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The file as written. Every field is optional; defaults live in [`Config`].
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    pub title: Option<String>,
    pub description: Option<String>,
    pub base_url: Option<String>,
    pub language: Option<String>,
    pub author: Option<String>,
    pub theme: Option<String>,
    pub content_dir: Option<String>,
    pub output_dir: Option<String>,
    /// Path of the topic map, relative to the site root.
    pub topic_map: Option<String>,
    /// Which mentions link to their topic page: `first-in-section` (default),
    /// `first-in-document`, `all` or `none`.
    pub topic_links: Option<String>,
    /// How URLs spell titles in other scripts: `ascii` (transliterated,
    /// the default) or `unicode` (kept).
    pub slugs: Option<String>,
    pub timeline: Option<RawTimeline>,
    pub markdown: Option<RawMarkdown>,
    /// Bibliography files (BibLaTeX or CSL-JSON), relative to the site
    /// root or absolute (a reference manager's library): one or a list.
    pub bibliography: Option<OneOrMany>,
    /// The CSL style citations are formatted in: a name (`apa`,
    /// `chicago-notes`…) or a `.csl` file relative to the site root.
    pub citation_style: Option<String>,
    /// Files and folders of the content folder that are not published
    /// (`["Templates", "Private/**", "*.excalidraw.md"]`).
    pub ignored_content: Option<Vec<String>>,
    /// Free-form values passed to templates as `config.extra`.
    pub extra: Option<toml::Table>,
    /// The theme's words in the site's language, key by key over its
    /// tables (see `theme::strings`).
    pub translations: Option<toml::Table>,
}

/// A value that may be one string or a list of them.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTimeline {
    pub start: Option<i32>,
    pub end: Option<i32>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMarkdown {
    /// Keep raw HTML written in texts (off: it is shown as text).
    pub unsafe_html: Option<bool>,
}

/// Values given on the command line; they win over the file.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub output_dir: Option<PathBuf>,
    pub base_url: Option<String>,
    /// Publish documents marked `draft = true` too (`--drafts`).
    pub drafts: bool,
}

/// The checked configuration. Caches key on its values (serialised), not
/// on its `Debug` text.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Config {
    pub root: PathBuf,
    pub title: String,
    pub description: String,
    /// Always ends in `/`.
    pub base_url: String,
    pub language: String,
    pub author: String,
    pub theme: String,
    pub content_dir: PathBuf,
    pub output_dir: PathBuf,
    pub topic_map: PathBuf,
    pub topic_links: LinkMode,
    pub slugs: crate::parse::ids::SlugStyle,
    pub timeline: (i32, i32),
    /// Whether `[timeline]` set the range; if not, the timeline shows the
    /// years its entries span.
    pub timeline_given: bool,
    /// Raw HTML in texts is kept (`[markdown] unsafe_html = true`).
    pub unsafe_html: bool,
    /// Drafts are published (`--drafts`).
    pub drafts: bool,
    pub extra: toml::Table,
    pub translations: toml::Table,
    /// Bibliography files (absolute: joined to the root, `~/` expanded).
    pub bibliography: Vec<PathBuf>,
    /// A built-in style's name or a `.csl` path relative to the root.
    pub citation_style: String,
    /// What of the content folder is not published (`ignored_content`).
    pub ignored: Ignored,
}

mod ignored;
pub use ignored::Ignored;

pub const FILE_NAME: &str = "config.toml";

/// Reads `<root>/config.toml` and checks it.
pub fn load(root: &Path, overrides: &Overrides) -> Result<Config> {
    let path = root.join(FILE_NAME);
    if !path.is_file() {
        bail!(
            "no {FILE_NAME} in {}: is this a dossier site? (`dossier init DIR` creates one)",
            root.display()
        );
    }
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let raw = parse(&path, &text)?;
    check(root, raw, overrides).with_context(|| format!("in {}", path.display()))
}

/// Parses the text of a config file; errors carry `path:line:col`.
pub fn parse(path: &Path, text: &str) -> Result<RawConfig> {
    toml::from_str(text)
        .map_err(|e| anyhow::Error::new(diagnostics::from_toml_error(path, text, 0, &e)))
}

/// Parses any TOML file; errors carry `path:line:col`.
pub fn parse_toml<T: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Result<T> {
    toml::from_str(text)
        .map_err(|e| anyhow::Error::new(diagnostics::from_toml_error(path, text, 0, &e)))
}

/// Applies defaults and overrides and validates the result.
pub fn check(root: &Path, raw: RawConfig, overrides: &Overrides) -> Result<Config> {
    let root = root.to_path_buf();
    let content_dir = root.join(raw.content_dir.as_deref().unwrap_or("content"));
    let output_dir = match &overrides.output_dir {
        Some(dir) => dir.clone(),
        None => root.join(raw.output_dir.as_deref().unwrap_or("public")),
    };
    let topic_map = root.join(raw.topic_map.as_deref().unwrap_or("content/topics.toml"));
    let timeline_given = raw
        .timeline
        .as_ref()
        .is_some_and(|t| t.start.is_some() || t.end.is_some());
    let timeline = raw.timeline.unwrap_or_default();
    // Unset, the timeline takes every year the texts mention (years before
    // 1000 or after 2100 are almost never dates in running text).
    let timeline = (timeline.start.unwrap_or(1000), timeline.end.unwrap_or(2100));
    if timeline.0 > timeline.1 {
        bail!(
            "timeline.start ({}) is after timeline.end ({})",
            timeline.0,
            timeline.1
        );
    }
    let base_url = overrides
        .base_url
        .clone()
        .or(raw.base_url)
        .unwrap_or_else(|| "http://localhost/".to_string());
    let base_url = normalise_base_url(&base_url)?;
    let topic_links = match raw.topic_links.as_deref() {
        None => LinkMode::default(),
        Some(s) => LinkMode::parse(s).with_context(|| {
            format!("topic_links `{s}` is not first-in-section, first-in-document, all or none")
        })?,
    };
    let slugs = match raw.slugs.as_deref() {
        None => crate::parse::ids::SlugStyle::default(),
        Some(s) => crate::parse::ids::SlugStyle::parse(s)
            .with_context(|| format!("slugs `{s}` is not ascii or unicode"))?,
    };
    if !crate::sources::meta::is_language_tag(raw.language.as_deref().unwrap_or("en")) {
        bail!(
            "language `{}` is not a language tag such as `en`, `ru`, `zh` or `fr-CA`",
            raw.language.unwrap_or_default()
        );
    }
    let bibliography = match raw.bibliography {
        None => Vec::new(),
        Some(OneOrMany::One(f)) => vec![f],
        Some(OneOrMany::Many(fs)) => fs,
    };
    // Relative to the site root; `~/` is the home folder.
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let bibliography = bibliography
        .iter()
        .map(|f| match (f.strip_prefix("~/"), &home) {
            (Some(rest), Some(home)) => home.join(rest),
            _ => root.join(f),
        })
        .collect();
    let citation_style = raw
        .citation_style
        .unwrap_or_else(|| crate::bibliography::DEFAULT_STYLE.to_string());
    if !crate::bibliography::is_style_name(&citation_style) && !root.join(&citation_style).is_file()
    {
        bail!(
            "citation_style `{citation_style}` is neither a style dossier knows ({}) nor a .csl file (relative to the site root)",
            crate::bibliography::STYLE_NAMES.join(", ")
        );
    }
    let ignored = Ignored::new(raw.ignored_content.as_deref().unwrap_or_default())?;
    Ok(Config {
        ignored,
        bibliography,
        citation_style,
        title: raw.title.unwrap_or_else(|| "dossier".to_string()),
        description: raw.description.unwrap_or_default(),
        base_url,
        language: raw.language.unwrap_or_else(|| "en".to_string()),
        author: raw.author.unwrap_or_default(),
        theme: raw.theme.unwrap_or_else(|| "default".to_string()),
        content_dir,
        output_dir,
        topic_map,
        topic_links,
        slugs,
        timeline,
        timeline_given,
        unsafe_html: raw.markdown.and_then(|m| m.unsafe_html).unwrap_or(false),
        drafts: overrides.drafts,
        extra: raw.extra.unwrap_or_default(),
        translations: raw.translations.unwrap_or_default(),
        root,
    })
}

/// Sitemaps and feeds need absolute URLs: require a scheme and end with `/`.
fn normalise_base_url(url: &str) -> Result<String> {
    let url = url.trim();
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        bail!("base_url must start with http:// or https:// (got `{url}`)");
    }
    Ok(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        parse(Path::new("config.toml"), text)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn unknown_key_names_line_and_suggests() {
        let e = err("title = \"x\"\ntitel = \"y\"\n");
        assert!(
            e.starts_with("config.toml:2:1: error: unknown key `titel`"),
            "{e}"
        );
        assert!(e.contains("did you mean `title`?"), "{e}");
    }

    #[test]
    fn wrong_type_names_key() {
        let e = err("title = 3\n");
        assert!(e.starts_with("config.toml:1:9: error: invalid type"), "{e}");
        assert!(e.contains("key `title`"), "{e}");
    }

    #[test]
    fn nested_unknown_key() {
        let e = err("[timeline]\nstrat = 1950\n");
        assert!(e.contains("config.toml:2:1"), "{e}");
        assert!(e.contains("did you mean `start`?"), "{e}");
    }

    #[test]
    fn defaults_and_overrides() {
        let raw = parse(Path::new("c"), "base_url = \"https://e.org/x\"").unwrap();
        let over = Overrides {
            output_dir: Some(PathBuf::from("/tmp/out")),
            base_url: None,
            drafts: false,
        };
        let c = check(Path::new("/site"), raw, &over).unwrap();
        assert_eq!(c.base_url, "https://e.org/x/");
        assert_eq!(c.output_dir, PathBuf::from("/tmp/out"));
        assert_eq!(c.content_dir, PathBuf::from("/site/content"));
        assert_eq!(c.timeline, (1000, 2100));
    }

    #[test]
    fn bad_values_are_rejected() {
        let raw = parse(Path::new("c"), "base_url = \"example.org\"").unwrap();
        assert!(check(Path::new("/s"), raw, &Overrides::default()).is_err());
        let raw = parse(Path::new("c"), "[timeline]\nstart = 2000\nend = 1990").unwrap();
        assert!(check(Path::new("/s"), raw, &Overrides::default()).is_err());
    }
}
