//! Bibliographies the author brings, and the citations that use them.
//!
//! A site names its bibliography files in `config.toml`
//! (`bibliography = ["refs.bib", "zotero.json"]`), and a text can name its
//! own in front matter as Pandoc reads them (`bibliography: refs.bib`, or
//! a list; entries written in it under `references:`; see [`local`]):
//! BibLaTeX or BibTeX (`.bib`, as Zotero, JabRef and Mendeley export it),
//! CSL-JSON (`.json`) and CSL YAML (`.yaml`). Texts cite their entries as Pandoc does (`[@key]`,
//! `[see @key, p. 12; @other]`, `[-@key]`, `@key says`; see [`syntax`]),
//! and a CSL style (`citation_style`: a name such as `apa` or a `.csl`
//! file) formats them through hayagriva's CSL engine ([`cite`]):
//!
//! - a note style (Chicago notes) turns each citation into a footnote;
//! - an author–date or numeric style writes the citation in the text,
//!   linked to a reference list appended to the document.
//!
//! Either way the citations then pass through the pipeline as the notes
//! and reference lists of any text do, except that their references are
//! the bibliography's entries, not what the parser reads from the
//! formatted text ([`crate::extract::Given`]): so they reach the citation
//! index exact, and merge with the same work cited elsewhere.
//!
//! Bad input never stops the build: an entry that cannot be read, a
//! missing file or an unknown key is a warning with its file and line.

mod cite;
mod csl;
mod csl_fields;
mod local;
mod locators;
mod markdown;
mod read;
mod reference;
mod syntax;

pub use cite::cite;

use crate::diagnostics::Diagnostic;
use crate::extract::citations::Reference;
use hayagriva::archive::ArchivedStyle;
use hayagriva::citationberg::{IndependentStyle, Locale, Style, StyleClass};
use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// The bibliography a text's citations are formatted from: the site's
/// entries (and, for a text that names its own, those first; see
/// [`Bibliography::for_source`]) and the style that formats them. Cloning
/// one copies a few pointers.
#[derive(Clone)]
pub struct Bibliography {
    site: Arc<Layer>,
    /// The text's own entries (its files', then its front matter's), looked
    /// up before the site's.
    local: Vec<Arc<Layer>>,
    pub(crate) style: Arc<IndependentStyle>,
    /// Read when first needed (only texts with citations need them).
    locales: Arc<OnceLock<Vec<Locale>>>,
    /// The site's language, for the reference list's heading.
    pub(crate) language: String,
    /// The site's folder, inside which texts' own bibliographies must be.
    root: PathBuf,
    /// Whether a bibliography is named, the site's or (for a text's own
    /// copy) the text's: citations without one are reported as such.
    pub(crate) named: bool,
    /// Texts' own bibliography files, each read once a build.
    files: Arc<local::Files>,
}

/// Entries by key, each with its reference for the citation index.
#[derive(Default)]
pub(crate) struct Layer {
    library: hayagriva::Library,
    references: FxHashMap<String, Reference>,
}

impl Layer {
    fn new(library: hayagriva::Library) -> Layer {
        let references = library
            .iter()
            .map(|e| (e.key().to_string(), reference::of(e)))
            .collect();
        Layer {
            library,
            references,
        }
    }
}

impl Bibliography {
    /// Whether the style puts citations in footnotes.
    pub fn notes(&self) -> bool {
        self.style.settings.class == StyleClass::Note
    }

    /// The site's entries.
    pub fn len(&self) -> usize {
        self.site.library.len()
    }

    pub fn is_empty(&self) -> bool {
        self.site.library.len() == 0
    }

    fn layers(&self) -> impl Iterator<Item = &Layer> {
        self.local
            .iter()
            .map(|l| &**l)
            .chain(std::iter::once(&*self.site))
    }

    /// The entry with `key`, the text's own before the site's.
    pub(crate) fn entry(&self, key: &str) -> Option<&hayagriva::Entry> {
        self.layers().find_map(|l| l.library.get(key))
    }

    /// The entry with `key` as the citation index reads it.
    pub(crate) fn reference(&self, key: &str) -> Option<&Reference> {
        self.layers().find_map(|l| l.references.get(key))
    }

    pub(crate) fn locales(&self) -> &[Locale] {
        self.locales.get_or_init(hayagriva::archive::locales)
    }
}

/// The styles known by name (any of hayagriva's archive also works, and a
/// path to a `.csl` file).
pub const STYLE_NAMES: &[&str] = &[
    "chicago-author-date",
    "chicago-notes",
    "apa",
    "mla",
    "ieee",
    "harvard",
    "vancouver",
];

/// The style Pandoc uses when none is named.
pub const DEFAULT_STYLE: &str = "chicago-author-date";

/// Whether `style` names a built-in style (else it must be a `.csl` path).
pub fn is_style_name(style: &str) -> bool {
    archived(style).is_some()
}

fn archived(style: &str) -> Option<ArchivedStyle> {
    let name = match style {
        "harvard" => "harvard-cite-them-right",
        "vancouver" => "elsevier-vancouver",
        s => s,
    };
    ArchivedStyle::by_name(name)
}

/// Reads the bibliography files and the style (a name, or a `.csl` path
/// relative to `root`).
/// Problems are diagnostics; a style that cannot be read falls back to the
/// default with an error.
pub fn load(
    root: &Path,
    files: &[PathBuf],
    style: &str,
    language: &str,
) -> (Bibliography, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut library = hayagriva::Library::new();
    for path in files {
        read::read_file(path, &mut library, &mut diags);
    }
    // Loaded even without files: a text may name its own bibliography.
    let style = load_style(root, style, &mut diags);
    let site = assemble(library, style, language, root, !files.is_empty());
    (site, diags)
}

/// A bibliography from BibLaTeX text, in a built-in style (tests, fuzzing).
pub fn from_biblatex(text: &str, style: &str) -> Bibliography {
    let mut diags = Vec::new();
    let mut library = hayagriva::Library::new();
    for (_, e) in read::read_biblatex(text, Path::new("test.bib"), &mut diags) {
        library.push(&e);
    }
    let style = load_style(Path::new("."), style, &mut diags);
    assemble(library, style, "en", Path::new("."), true)
}

/// The site's bibliography: its entries with their references for the
/// index.
fn assemble(
    library: hayagriva::Library,
    style: IndependentStyle,
    language: &str,
    root: &Path,
    named: bool,
) -> Bibliography {
    Bibliography {
        site: Arc::new(Layer::new(library)),
        local: Vec::new(),
        style: Arc::new(style),
        locales: Arc::new(OnceLock::new()),
        language: language.to_string(),
        root: root.to_path_buf(),
        named,
        files: Arc::default(),
    }
}

fn default_style() -> IndependentStyle {
    match archived(DEFAULT_STYLE).map(ArchivedStyle::get) {
        Some(Style::Independent(s)) => s,
        _ => unreachable!("the default style is an independent style in the archive"),
    }
}

fn load_style(root: &Path, style: &str, diags: &mut Vec<Diagnostic>) -> IndependentStyle {
    if let Some(found) = archived(style) {
        if let Style::Independent(s) = found.get() {
            return s;
        }
    }
    let path: PathBuf = root.join(style);
    let read = std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|xml| Style::from_xml(&xml).map_err(|e| e.to_string()));
    match read {
        Ok(Style::Independent(s)) => s,
        Ok(Style::Dependent(d)) => {
            // A dependent style names its parent by URL: use it when the
            // archive has it.
            let parent = ArchivedStyle::by_id(&d.parent_link.href).map(ArchivedStyle::get);
            if let Some(Style::Independent(s)) = parent {
                return s;
            }
            diags.push(Diagnostic::error(
                &path,
                0,
                0,
                format!(
                    "this CSL style depends on {}, which dossier does not have; using {DEFAULT_STYLE}",
                    d.parent_link.href
                ),
            ));
            default_style()
        }
        Err(why) => {
            diags.push(Diagnostic::error(
                &path,
                0,
                0,
                format!(
                    "citation_style `{style}` is neither a style dossier knows ({}) nor a CSL file it can read ({why}); using {DEFAULT_STYLE}",
                    STYLE_NAMES.join(", ")
                ),
            ));
            default_style()
        }
    }
}

#[cfg(test)]
mod tests;
