//! Bibliographies the author brings, and the citations that use them.
//!
//! A site names its bibliography files in `config.toml`
//! (`bibliography = ["refs.bib", "zotero.json"]`): BibLaTeX or BibTeX
//! (`.bib`, as Zotero, JabRef and Mendeley export it) and CSL-JSON
//! (`.json`). Texts cite their entries as Pandoc does (`[@key]`,
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

/// The site's bibliography: its entries and the style that formats them.
pub struct Bibliography {
    /// Entries by key, in the order of the files.
    pub(crate) library: hayagriva::Library,
    /// Each entry as the citation index reads it.
    pub(crate) references: FxHashMap<String, Reference>,
    pub(crate) style: IndependentStyle,
    pub(crate) locales: Vec<Locale>,
    /// The site's language, for the reference list's heading.
    pub(crate) language: String,
    /// Whether any bibliography file was named (citations without one are
    /// reported as such).
    pub(crate) named: bool,
}

impl Bibliography {
    /// Whether the style puts citations in footnotes.
    pub fn notes(&self) -> bool {
        self.style.settings.class == StyleClass::Note
    }

    pub fn len(&self) -> usize {
        self.library.len()
    }

    pub fn is_empty(&self) -> bool {
        self.library.len() == 0
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
    let style = if files.is_empty() {
        // Nothing to format: the default, without reading a file.
        default_style()
    } else {
        load_style(root, style, &mut diags)
    };
    (assemble(library, style, language, !files.is_empty()), diags)
}

/// A bibliography from BibLaTeX text, in a built-in style (tests, fuzzing).
pub fn from_biblatex(text: &str, style: &str) -> Bibliography {
    let mut diags = Vec::new();
    let mut library = hayagriva::Library::new();
    for (_, e) in read::read_biblatex(text, Path::new("test.bib"), &mut diags) {
        library.push(&e);
    }
    let style = load_style(Path::new("."), style, &mut diags);
    assemble(library, style, "en", true)
}

/// The entries with their references for the index, and the locales when
/// a bibliography was named (without one nothing is formatted).
fn assemble(
    library: hayagriva::Library,
    style: IndependentStyle,
    language: &str,
    named: bool,
) -> Bibliography {
    let references = library
        .iter()
        .map(|e| (e.key().to_string(), reference::of(e)))
        .collect();
    Bibliography {
        library,
        references,
        style,
        locales: if named {
            hayagriva::archive::locales()
        } else {
            Vec::new()
        },
        language: language.to_string(),
        named,
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
