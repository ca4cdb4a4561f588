//! One source through normalise → parse → extract: the document model and
//! what the text says of itself, ready for the site graph. Sources are
//! prepared independently (in parallel, and reused by the memo).

use crate::bibliography::{self, Bibliography};
use crate::diagnostics::{self, Diagnostic};
use crate::{extract, graph, memo, normalize, parse, sources};

/// [`prepare`], with a failure (a bug dossier has on this text) turned into
/// an error naming the file, so that the rest of the site still builds.
pub fn prepare_guarded(
    source: sources::Source,
    key: u64,
    opts: &extract::Options,
    bib: &Bibliography,
    keyed: bool,
    unsafe_html: bool,
) -> std::result::Result<graph::PreparedEntry, Diagnostic> {
    let path = source.path.clone();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        prepare(source, key, opts, bib, keyed, unsafe_html)
    }))
    .map_err(|panic| {
        let why = diagnostics::panic_text(&*panic);
        Diagnostic::error(
            &path,
            0,
            0,
            format!("dossier failed on this text and left it out ({why}); please report this"),
        )
    })
}

/// Normalises, parses and extracts one source, and decides what it says of
/// itself; with `keyed`, also hashes its parts for the memo's keys.
pub fn prepare(
    source: sources::Source,
    key: u64,
    opts: &extract::Options,
    bib: &Bibliography,
    keyed: bool,
    unsafe_html: bool,
) -> graph::PreparedEntry {
    let Marked {
        mut normalized,
        given,
        cite_warnings,
        bib_problems,
        allow_html,
    } = markdown_of(&source, bib, unsafe_html);
    let (mut doc, warnings) = parse::parse_with(&normalized.markdown, allow_html);
    parse::lines::place_in_file(&source.body, &mut doc.link_lines, source.body_line_offset);
    let language = extract::language::decide(source.meta.language.as_deref(), &doc, opts.language);
    let extracted = extract::extract_with(&doc, opts, &given, &language);
    // A build that keeps its results keeps the Markdown for the page; a
    // one-off build reads the text again for it (see `markdown_again`).
    doc.compact(&std::mem::take(&mut normalized.markdown), allow_html, keyed);
    // The texts are parsed now; keep only the document model.
    let mut source = source;
    source.body = String::new();
    let mut diags: Vec<Diagnostic> = std::mem::take(&mut source.notes);
    diags.extend(bib_problems);
    for (line, w) in cite_warnings {
        let line = if source.format == sources::Format::Markdown {
            line + source.body_line_offset
        } else {
            0
        };
        diags.push(Diagnostic::warning(&source.path, line, 0, w));
    }
    diags.extend(
        std::mem::take(&mut normalized.warnings)
            .into_iter()
            .chain(warnings)
            .chain(extracted.notes.iter().cloned())
            .map(|w| Diagnostic::warning(&source.path, 0, 0, w)),
    );
    let described = std::sync::Arc::new(graph::describe(
        &source,
        &normalized,
        &doc,
        language,
        opts.language,
        opts.slugs,
    ));
    // What the document keeps, copied now that its node lists are freed:
    // the copies are exact in size and packed together, where the
    // originals sat between the freed trees (10,000 pages: 100 MB less).
    // The references are shared, not copied (see `graph::citations`).
    let (doc, extracted) = (doc.clone(), extracted.clone());
    let prepared = graph::Prepared {
        key,
        described,
        source,
        normalized,
        part_keys: std::sync::Arc::new(if keyed {
            memo::part_keys(&doc, &extracted)
        } else {
            memo::PartKeys::default()
        }),
        doc: std::sync::Arc::new(doc),
        extracted: std::sync::Arc::new(extracted),
    };
    std::sync::Arc::new((prepared, diags))
}

/// A source's Markdown as it is parsed, with what making it found.
struct Marked {
    normalized: normalize::Normalized,
    given: extract::Given,
    cite_warnings: Vec<(usize, String)>,
    /// Problems with the bibliography the text names itself.
    bib_problems: Vec<Diagnostic>,
    /// Whether the Markdown may hold raw HTML.
    allow_html: bool,
}

/// Normalises a source and writes out its citations of the bibliography
/// (as notes or linked text): the Markdown the document is parsed from.
fn markdown_of(source: &sources::Source, bib: &Bibliography, unsafe_html: bool) -> Marked {
    let mut normalized = normalize::normalize(source);
    let mut given = extract::Given::default();
    let mut cite_warnings = Vec::new();
    let (bib, bib_problems) = bib.for_source(source);
    if let Some(cited) = bibliography::cite(&normalized.markdown, &bib) {
        normalized.markdown = cited.markdown;
        given = cited.given;
        cite_warnings = cited.warnings;
    }
    // Plain text is escaped by normalisation, so the only HTML in its
    // Markdown is normalisation's own wrappers.
    let own_html = source.format == sources::Format::PlainText;
    Marked {
        normalized,
        given,
        cite_warnings,
        bib_problems,
        allow_html: own_html || unsafe_html,
    }
}

/// The Markdown a document was parsed from, made again from its source
/// file (for a page made after the Markdown was let go, see
/// `parse::Document::full_from`), and whether it may hold raw HTML; `None`
/// when the file cannot be read or no longer gives the text with `key`
/// (it changed since it was read).
pub fn markdown_again(
    content_dir: &std::path::Path,
    path: &std::path::Path,
    key: u64,
    bib: &Bibliography,
    unsafe_html: bool,
) -> Option<(String, bool)> {
    let source = sources::read_source(content_dir, path).ok()?;
    let marked = markdown_of(&source, bib, unsafe_html);
    let markdown = marked.normalized.markdown;
    (parse::text_key(&markdown, marked.allow_html) == key).then_some((markdown, marked.allow_html))
}
