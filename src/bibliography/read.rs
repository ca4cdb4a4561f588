//! Reading bibliography files into hayagriva entries.
//!
//! - **BibLaTeX / BibTeX** (`.bib`, `.bibtex`, `.biblatex`): the whole
//!   file through the `biblatex` crate; when it does not parse (one
//!   unbalanced brace, a repeated key), entry by entry, so that one bad
//!   entry costs only itself. Each failure is a warning with its line.
//! - **CSL-JSON** (`.json`, as Zotero's "Better CSL JSON" or pandoc
//!   write it): an array of items (or `{"items": […]}`), each converted to
//!   hayagriva's model (see `reference`).
//! - **YAML** (`.yaml`, `.yml`): CSL YAML as Pandoc reads it (a
//!   `references:` list, as `pandoc refs.bib -s -t markdown` writes it,
//!   or a bare list), else hayagriva's own YAML (Typst's).
//!
//! A key already read (from an earlier file or entry) keeps its first
//! entry, with a warning.

use crate::diagnostics::Diagnostic;
use hayagriva::{Entry, Library};
use std::path::Path;

pub(super) fn read_file(path: &Path, library: &mut Library, diags: &mut Vec<Diagnostic>) {
    add(library, read_entries(path, diags), path, diags);
}

/// The entries of one bibliography file, each with its line.
pub(super) fn read_entries(path: &Path, diags: &mut Vec<Diagnostic>) -> Vec<(usize, Entry)> {
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => {
            diags.push(Diagnostic::error(
                path,
                0,
                0,
                format!("cannot read this bibliography ({e}); its citations will be reported as unknown"),
            ));
            return Vec::new();
        }
    };
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "json" => super::csl::from_csl_json(&text, path, diags),
        "yaml" | "yml" => super::csl::from_yaml(&text, path, diags),
        "bib" | "bibtex" | "biblatex" => read_biblatex(&text, path, diags),
        _ => {
            diags.push(Diagnostic::error(path, 0, 0, NOT_A_BIBLIOGRAPHY));
            Vec::new()
        }
    }
}

/// What a bibliography file can be.
pub(super) const NOT_A_BIBLIOGRAPHY: &str =
    "a bibliography must be BibLaTeX/BibTeX (.bib), CSL-JSON (.json) or CSL YAML (.yaml)";

/// Whether `path` names a kind of bibliography file dossier reads.
pub(super) fn is_bibliography_name(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["json", "yaml", "yml", "bib", "bibtex", "biblatex"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

/// `entries` added to `library`; a key already there keeps its first
/// entry, with a warning.
pub(super) fn add(
    library: &mut Library,
    entries: Vec<(usize, Entry)>,
    path: &Path,
    diags: &mut Vec<Diagnostic>,
) {
    for (line, entry) in entries {
        if library.get(entry.key()).is_some() {
            diags.push(Diagnostic::warning(
                path,
                line,
                0,
                format!(
                    "the key `{}` is already in the bibliography; the first entry is used",
                    entry.key()
                ),
            ));
            continue;
        }
        library.push(&entry);
    }
}

/// The entries of a BibLaTeX file with the line each starts on.
pub(super) fn read_biblatex(
    text: &str,
    path: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(usize, Entry)> {
    let quoted = tex_quotes(text);
    let text = quoted.as_ref();
    if let Ok(bib) = biblatex::Bibliography::parse(text) {
        return convert(&bib, text, &|l| l, path, diags);
    }
    // Entry by entry: each chunk from a line starting with `@` to the
    // next, with the file's `@string` abbreviations before it.
    let chunks = chunks(text);
    let strings: String = chunks
        .iter()
        .filter(|(_, c)| c.trim_start().to_ascii_lowercase().starts_with("@string"))
        .map(|(_, c)| *c)
        .collect();
    let mut out = Vec::new();
    for (start, chunk) in chunks {
        let lower = chunk.trim_start().to_ascii_lowercase();
        if lower.starts_with("@string")
            || lower.starts_with("@comment")
            || lower.starts_with("@preamble")
        {
            continue;
        }
        let source = format!("{strings}{chunk}");
        match biblatex::Bibliography::parse(&source) {
            Ok(bib) => {
                // Lines of `source` back to lines of the file.
                let before = strings.matches('\n').count();
                let first = line_of(text, start);
                let map = move |l: usize| (l + first).saturating_sub(before + 1).max(first);
                out.extend(convert(&bib, &source, &map, path, diags));
            }
            Err(e) => {
                let key = chunk
                    .split_once(['{', '('])
                    .and_then(|(_, rest)| rest.split(',').next())
                    .map(str::trim)
                    .filter(|k| !k.is_empty() && !k.contains(char::is_whitespace));
                let what = key.map_or(String::new(), |k| format!(" `{k}`"));
                diags.push(Diagnostic::warning(
                    path,
                    line_of(text, start),
                    0,
                    format!(
                        "the bibliography entry{what} cannot be read ({}); it is left out",
                        e.kind
                    ),
                ));
            }
        }
    }
    out
}

fn convert(
    bib: &biblatex::Bibliography,
    text: &str,
    map_line: &dyn Fn(usize) -> usize,
    path: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(usize, Entry)> {
    let lines = key_lines(text);
    let mut out = Vec::new();
    for e in bib.iter() {
        let line = lines.get(e.key.as_str()).map_or(0, |&l| map_line(l));
        match Entry::try_from(e) {
            Ok(entry) => {
                use biblatex::ChunksExt;
                let subtype = e.get("entrysubtype").map(|c| c.format_verbatim());
                let mut entry = match subtype.as_deref().map(str::trim) {
                    Some("newspaper") => in_newspaper(entry),
                    _ => collection_as_book(entry),
                };
                super::csl_fields::keep_versus(&mut entry);
                out.push((line, entry))
            }
            Err(err) => diags.push(Diagnostic::warning(
                path,
                map_line(line_of(text, err.span.start)).max(line),
                0,
                format!(
                    "the entry `{}` has a field that cannot be read ({}); it is left out",
                    e.key, err.kind
                ),
            )),
        }
    }
    out
}

/// The line each entry's key stands on (`@article{key,`), in one pass.
fn key_lines(text: &str) -> rustc_hash::FxHashMap<&str, usize> {
    let mut out = rustc_hash::FxHashMap::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_start();
        if !line.starts_with('@') {
            continue;
        }
        if let Some(open) = line.find(['{', '(']) {
            let rest = &line[open + 1..];
            let key = rest.split(',').next().unwrap_or("").trim();
            if !key.is_empty() {
                out.entry(key).or_insert(n + 1);
            }
        }
    }
    out
}

/// The file cut before every line that starts with `@`, with each piece's
/// byte offset.
fn chunks(text: &str) -> Vec<(usize, &str)> {
    let mut starts: Vec<usize> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with('@') {
            starts.push(at);
        }
        at += line.len();
    }
    let mut out = Vec::new();
    for (i, &s) in starts.iter().enumerate() {
        let e = starts.get(i + 1).copied().unwrap_or(text.len());
        out.push((s, &text[s..e]));
    }
    out
}

/// The 1-based line of byte `at`.
pub(super) fn line_of(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text.as_bytes()[..at]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// TeX's quotation marks as the characters they print: ``` `` ``` and
/// `''` as `“` and `”`, a lone `` ` `` as `‘` and the `'` that closes it on
/// its line as `’` (`` `Other' `` → `‘Other’`); a grave accent's command
/// (`` \`e ``) is left to the reader. Lines stay where they are.
fn tex_quotes(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('`') && !text.contains("''") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut prev = '\0';
    // A `` ` `` opened on this line: the next `'` closes it.
    let mut open = false;
    while let Some(c) = chars.next() {
        let command = prev == '\\';
        match c {
            '`' if !command => {
                if chars.peek() == Some(&'`') {
                    chars.next();
                    out.push('“');
                } else {
                    out.push('‘');
                    open = true;
                }
            }
            '\'' if !command && chars.peek() == Some(&'\'') => {
                chars.next();
                out.push('”');
            }
            '\'' if !command && open => {
                out.push('’');
                open = false;
            }
            '\n' => {
                out.push(c);
                open = false;
            }
            _ => out.push(c),
        }
        prev = c;
    }
    std::borrow::Cow::Owned(out)
}

/// A chapter of an edited book (`@incollection`): hayagriva files the
/// book as an anthology, which CSL reads as an archival collection and
/// styles then name twice (`In *Book*, edited by …, *Book*.`); the book
/// is a book.
fn collection_as_book(mut entry: Entry) -> Entry {
    use hayagriva::types::EntryType;
    let Some(parent) = entry.parents().first() else {
        return entry;
    };
    if *parent.entry_type() != EntryType::Anthology || *entry.entry_type() != EntryType::Anthos {
        return entry;
    }
    let mut book = Entry::new(parent.key(), EntryType::Book);
    if let Some(v) = parent.title() {
        book.set_title(v.clone());
    }
    if let Some(v) = parent.authors() {
        book.set_authors(v.to_vec());
    }
    if let Some(v) = parent.editors() {
        book.set_editors(v.to_vec());
    }
    if let Some(v) = parent.affiliated() {
        book.set_affiliated(v.to_vec());
    }
    if let Some(v) = parent.date() {
        book.set_date(*v);
    }
    if let Some(v) = parent.publisher() {
        book.set_publisher(v.clone());
    }
    if let Some(v) = parent.location() {
        book.set_location(v.clone());
    }
    if let Some(v) = parent.organization() {
        book.set_organization(v.clone());
    }
    if let Some(v) = parent.volume() {
        book.set_volume(v.clone());
    }
    if let Some(v) = parent.volume_total() {
        book.set_volume_total(v.clone());
    }
    if let Some(v) = parent.edition() {
        book.set_edition(v.clone());
    }
    if let Some(v) = parent.page_total() {
        book.set_page_total(v.clone());
    }
    if let Some(v) = parent.note() {
        book.set_note(v.clone());
    }
    book.set_parents(parent.parents().to_vec());
    let mut parents = entry.parents().to_vec();
    parents[0] = book;
    entry.set_parents(parents);
    entry
}

/// An article whose BibLaTeX `entrysubtype` says newspaper: its journal
/// becomes a newspaper (hayagriva reads every `@article`'s as a periodical).
fn in_newspaper(mut entry: Entry) -> Entry {
    use hayagriva::types::EntryType;
    let Some(parent) = entry.parents().first() else {
        return entry;
    };
    if *parent.entry_type() != EntryType::Periodical {
        return entry;
    }
    let mut paper = Entry::new(parent.key(), EntryType::Newspaper);
    if let Some(t) = parent.title() {
        paper.set_title(t.clone());
    }
    if let Some(v) = parent.volume() {
        paper.set_volume(v.clone());
    }
    if let Some(v) = parent.issue() {
        paper.set_issue(v.clone());
    }
    if let Some(p) = parent.publisher() {
        paper.set_publisher(p.clone());
    }
    let mut parents = entry.parents().to_vec();
    parents[0] = paper;
    entry.set_parents(parents);
    entry
}
