//! Sources: find and read the texts under `content/`.
//!
//! 1. Walk the content folder (sorted, so output is deterministic); skip hidden
//!    files, editor temp files and sidecars.
//! 2. Read each `.md`, `.markdown` and `.txt` file as UTF-8.
//! 3. Split Markdown front matter; read the sidecar `<stem>.meta.toml` if any.
//! 4. Read `_index.md` files as section metadata.
//!
//! A file that cannot be read or parsed becomes an error diagnostic and is left
//! out; the rest of the site still builds. Only a missing content folder stops
//! the build.

pub(crate) mod frontmatter;
pub mod meta;
mod meta_values;
mod read;
mod stamp;

use crate::diagnostics::Diagnostic;
use anyhow::{Context, Result};
pub use meta::Meta;
use rayon::prelude::*;
pub use read::{decode, read_text, MAX_BYTES};
pub use stamp::Stamp;
use std::path::{Path, PathBuf};

/// How the body of a source is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Format {
    Markdown,
    PlainText,
}

/// One source text with its user-given metadata.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path as found on disk (for messages).
    pub path: PathBuf,
    /// Path relative to the content folder, with `/` separators.
    pub rel: String,
    /// Folder names from the content root to the file: its section.
    pub section: Vec<String>,
    pub format: Format,
    pub body: String,
    /// File lines before `body` (front matter), for diagnostics.
    pub body_line_offset: usize,
    pub meta: Meta,
    /// Warnings and errors about how it was read (its encoding, its
    /// metadata), reported with the document.
    pub notes: Vec<Diagnostic>,
}

/// A folder's `_index.md`: its title and introduction.
#[derive(Debug, Clone)]
pub struct SectionSource {
    pub section: Vec<String>,
    pub path: PathBuf,
    pub meta: Meta,
    pub body: String,
    pub notes: Vec<Diagnostic>,
}

#[derive(Debug, Default)]
pub struct Discovered {
    pub sources: Vec<Source>,
    /// Sources not read because the caller knew them unchanged, with what
    /// the caller said of each.
    pub unchanged: Vec<(PathBuf, u64)>,
    /// Texts found and left for the caller to read ([`read_source`]), in
    /// path order, when asked for (a large site's texts are then read one
    /// at a time as they are prepared, not all held at once).
    pub later: Vec<PathBuf>,
    pub sections: Vec<SectionSource>,
    /// Files beside the texts that are not texts (images, PDFs), in path
    /// order.
    pub assets: Vec<Asset>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Discovered {
    /// Keeps only what `keep` accepts, by each file's path relative to
    /// `content_dir` (with `/`): texts, sections' `_index.md` and files
    /// beside the texts (`ignored_content` in `config.toml`).
    pub fn retain(&mut self, content_dir: &Path, keep: &dyn Fn(&str) -> bool) {
        let ok = |p: &Path| keep(&place_of(content_dir, p).0);
        self.sources.retain(|s| keep(&s.rel));
        self.unchanged.retain(|(p, _)| ok(p));
        self.later.retain(|p| ok(p));
        self.sections.retain(|s| ok(&s.path));
        self.assets.retain(|a| keep(&a.rel));
    }
}

/// A file published as it is, at its path relative to the content folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    pub path: PathBuf,
    /// Relative to the content folder, `/`-separated.
    pub rel: String,
}

pub const SIDECAR_SUFFIX: &str = ".meta.toml";

/// Finds and reads every source under `content_dir`.
pub fn discover(content_dir: &Path) -> Result<Discovered> {
    discover_with(content_dir, &|_| None, false)
}

/// [`discover`], leaving unread the sources for which `unchanged` gives a
/// value (listed with it in [`Discovered::unchanged`]), and with `later`,
/// every other text but sections' `_index.md` (listed in
/// [`Discovered::later`]).
pub fn discover_with(
    content_dir: &Path,
    unchanged: &(dyn Fn(&Path) -> Option<u64> + Sync),
    later: bool,
) -> Result<Discovered> {
    let walked = read::walk(content_dir, &is_source_name, &is_ignored_name)
        .with_context(|| format!("cannot read content folder {}", content_dir.display()))?;
    let (mut files, skipped) = (walked.files, walked.warnings);
    files.sort();
    // Every other file beside the texts is published as it is, but for
    // sidecars and TOML files (topic maps, data).
    let mut assets: Vec<Asset> = walked
        .others
        .into_iter()
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            !name.ends_with(".toml")
        })
        .map(|path| {
            let (rel, _) = place_of(content_dir, &path);
            Asset { path, rel }
        })
        .collect();
    assets.sort_by(|a, b| a.rel.cmp(&b.rel));
    // Files are read and their front matter parsed in parallel; results
    // keep the sorted order.
    let read: Vec<std::result::Result<Read, Diagnostic>> = files
        .par_iter()
        .map(|path| {
            if let Some(said) = unchanged(path) {
                return Ok(Read::Unchanged(path.clone(), said));
            }
            if later && !path.ends_with("_index.md") {
                return Ok(Read::Later(path.clone()));
            }
            let (rel, section) = place_of(content_dir, path);
            read_one(path, rel, section)
        })
        .collect();
    let mut out = Discovered {
        diagnostics: skipped,
        assets,
        ..Discovered::default()
    };
    for r in read {
        match r {
            Ok(Read::Source(s)) => out.sources.push(s),
            Ok(Read::Section(mut s)) => {
                out.diagnostics.append(&mut s.notes);
                out.sections.push(s);
            }
            Ok(Read::Unchanged(p, said)) => out.unchanged.push((p, said)),
            Ok(Read::Later(p)) => out.later.push(p),
            Err(d) => out.diagnostics.push(d),
        }
    }
    Ok(out)
}

/// Reads the one document at `path` (under `content_dir`); `None` when it
/// is a section's `_index.md` or cannot be read (a whole discovery then
/// says why).
pub fn read_document(content_dir: &Path, path: &Path) -> Option<Source> {
    read_source(content_dir, path).ok()
}

/// Reads a text that discovery left for later ([`Discovered::later`]); the
/// error says why it cannot be read.
pub fn read_source(content_dir: &Path, path: &Path) -> Result<Source, Diagnostic> {
    let (rel, section) = place_of(content_dir, path);
    match read_one(path, rel, section)? {
        Read::Source(s) => Ok(s),
        _ => Err(Diagnostic::error(path, 0, 0, "not a text".to_string())),
    }
}

/// A file's path relative to the content folder (with `/`) and its
/// section (the folders on the way).
fn place_of(content_dir: &Path, path: &Path) -> (String, Vec<String>) {
    let rel_path = path.strip_prefix(content_dir).unwrap_or(path);
    let rel = rel_path
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    let mut section: Vec<String> = rel.split('/').map(str::to_string).collect();
    section.pop();
    (rel, section)
}

/// Files dossier reads as texts.
pub fn is_source_name(name: &str) -> bool {
    !is_ignored_name(name)
        && !name.ends_with(SIDECAR_SUFFIX)
        && SOURCE_EXTENSIONS.iter().any(|e| name.ends_with(e))
}

/// The texts' file names' endings: Markdown (also as Quarto and R
/// Markdown name it) and plain text.
pub const SOURCE_EXTENSIONS: [&str; 6] = [".md", ".markdown", ".qmd", ".Rmd", ".rmd", ".txt"];

/// Hidden files and editor leftovers (`.x.swp`, `x~`, `#x#`, vim's `4913`).
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.starts_with('#')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
}

enum Read {
    Source(Source),
    Section(SectionSource),
    Unchanged(PathBuf, u64),
    Later(PathBuf),
}

fn read_one(path: &Path, rel: String, section: Vec<String>) -> Result<Read, Diagnostic> {
    let (text, mut notes) = read_text(path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let is_txt = name.ends_with(".txt");
    let (meta, body, body_line_offset) = if is_txt {
        // Plain text carries no front matter: its first line is text.
        (Meta::default(), text.as_str(), 0)
    } else {
        let s = frontmatter::split(path, &text);
        notes.extend(s.problems);
        (s.meta, s.body, s.body_line_offset)
    };
    let meta = match read_sidecar(path, &mut notes) {
        Some(side) => meta.or(side),
        None => meta,
    };
    let body = body.to_string();
    if name == "_index.md" {
        return Ok(Read::Section(SectionSource {
            section,
            path: path.to_path_buf(),
            meta,
            body,
            notes,
        }));
    }
    let format = match meta.format.as_deref() {
        Some("text") => Format::PlainText,
        Some(_) => Format::Markdown,
        None if is_txt && looks_like_markdown(&body) => Format::Markdown,
        None if is_txt => Format::PlainText,
        None => Format::Markdown,
    };
    Ok(Read::Source(Source {
        path: path.to_path_buf(),
        rel,
        section,
        format,
        body,
        body_line_offset,
        meta,
        notes,
    }))
}

/// The sidecar of `a/b.txt` is `a/b.meta.toml`.
pub fn sidecar_path(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    path.with_file_name(format!("{stem}{SIDECAR_SUFFIX}"))
}

fn read_sidecar(path: &Path, notes: &mut Vec<Diagnostic>) -> Option<Meta> {
    let side = sidecar_path(path);
    if !side.is_file() {
        return None;
    }
    let text = match read_text(&side) {
        Ok((text, more)) => {
            notes.extend(more);
            text
        }
        Err(d) => {
            notes.push(d);
            return None;
        }
    };
    let (meta, problems) = frontmatter::parse_toml_meta(&side, &text, 0);
    notes.extend(problems);
    Some(meta)
}

/// Whether a `.txt` file is Markdown already (converted from a PDF or a
/// web page) rather than plain text that happens to hold a `#` or a `*`.
/// Confident only: PDF converters' `<sup>N</sup>` note markers or page
/// anchors, footnote definitions, or at least two kinds of Markdown
/// structure (several headings, links, emphasis, fenced code, tables,
/// images, lists). One `## ` line in a pasted article is not enough.
pub fn looks_like_markdown(body: &str) -> bool {
    if body.contains("</sup>") || body.contains("<span id=\"page-") {
        return true;
    }
    let mut headings = 0;
    let (mut notes, mut fences, mut tables, mut lists) = (false, false, false, 0);
    for l in body.lines() {
        let hashes = l.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && l[hashes..].starts_with(' ') {
            headings += 1;
        }
        notes |= l.starts_with("[^") && l.contains("]:");
        fences |= l.starts_with("```") || l.starts_with("~~~");
        tables |= l.starts_with('|') && l.contains("---");
        if l.starts_with("- ") || l.starts_with("* ") {
            lists += 1;
        }
    }
    let links = body.contains("](") && body.contains('[');
    let emphasis = body.matches("**").count() >= 2;
    let kinds = [
        headings >= 2,
        links,
        emphasis,
        fences,
        tables,
        body.contains("!["),
        lists >= 2,
    ]
    .iter()
    .filter(|&&k| k)
    .count();
    notes || kinds >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignored_names() {
        for n in [
            ".x.md",
            "a.md~",
            "#a.md#",
            ".a.md.swp",
            "4913",
            "a.meta.toml",
        ] {
            assert!(!is_source_name(n), "{n}");
        }
        for n in ["a.md", "b.markdown", "c.txt", "_index.md", "d.qmd", "e.Rmd"] {
            assert!(is_source_name(n), "{n}");
        }
    }

    #[test]
    fn markdown_detection() {
        assert!(looks_like_markdown(
            "\n\n## TITLE\n\ntext\n\n## Second\n\nSee [a](b)."
        ));
        assert!(!looks_like_markdown(
            "\n\n## TITLE\n\nA pasted article that quotes <img src=x onerror=alert(1)>."
        ));
        assert!(looks_like_markdown("Text[^1].\n\n[^1]: A note."));
        assert!(looks_like_markdown("a claim<sup>1</sup>."));
        assert!(!looks_like_markdown(
            "#hashtag and plain text\nNo headings."
        ));
        assert!(!looks_like_markdown("By A | B\n\nText."));
    }

    #[test]
    fn invalid_utf8_is_located() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bad.txt");
        std::fs::write(&p, b"line one\nab\xff\n").unwrap();
        let (text, notes) = read_text(&p).unwrap();
        assert_eq!(text, "line one\nabÿ\n");
        assert_eq!((notes[0].line, notes[0].col), (2, 3));
        assert!(notes[0].message.contains("not valid UTF-8"));
    }

    #[test]
    fn crlf_and_bom_are_normalised() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "\u{feff}a\r\nb\r\n").unwrap();
        assert_eq!(read_text(&p).unwrap().0, "a\nb\n");
        std::fs::write(&p, "a\rb\r").unwrap();
        assert_eq!(read_text(&p).unwrap().0, "a\nb\n");
    }

    #[test]
    fn discover_reads_sidecars_and_sections() {
        let dir = tempfile::tempdir().unwrap();
        let c = dir.path();
        std::fs::create_dir(c.join("notes")).unwrap();
        std::fs::write(c.join("a.txt"), "Hello.\n").unwrap();
        std::fs::write(c.join("a.meta.toml"), "title = \"A\"\n").unwrap();
        std::fs::write(c.join("notes/_index.md"), "+++\ntitle = \"Notes\"\n+++\n").unwrap();
        std::fs::write(c.join("notes/b.md"), "+++\ntitle = \n+++\n").unwrap();
        std::fs::write(c.join("notes/.b.md.swp"), "x").unwrap();
        let d = discover(c).unwrap();
        assert_eq!(
            d.sources.len(),
            2,
            "a bad front matter does not drop the text"
        );
        assert_eq!(d.sources[0].meta.title.as_deref(), Some("A"));
        assert_eq!(d.sources[0].format, Format::PlainText);
        assert_eq!(d.sections[0].section, vec!["notes"]);
        let notes = &d.sources[1].notes;
        assert_eq!(notes.len(), 1);
        assert!(notes[0].path.ends_with("notes/b.md"));
        assert_eq!(notes[0].line, 2);
    }
}
