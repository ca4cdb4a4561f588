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
    let mut normalized = normalize::normalize(&source);
    // Citations of the bibliography written out as notes or linked text.
    let mut cite_warnings = Vec::new();
    let mut given = extract::Given::default();
    if let Some(cited) = bibliography::cite(&normalized.markdown, bib) {
        normalized.markdown = cited.markdown;
        given = cited.given;
        cite_warnings = cited.warnings;
    }
    // Plain text is escaped by normalisation, so the only HTML in its
    // Markdown is normalisation's own wrappers.
    let own_html = source.format == sources::Format::PlainText;
    let (mut doc, warnings) = parse::parse_with(&normalized.markdown, own_html || unsafe_html);
    parse::lines::place_in_file(&source.body, &mut doc.link_lines, source.body_line_offset);
    let language = extract::language::decide(source.meta.language.as_deref(), &doc, opts.language);
    let extracted = extract::extract_with(&doc, opts, &given, &language);
    doc.compact(
        &std::mem::take(&mut normalized.markdown),
        own_html || unsafe_html,
    );
    // The texts are parsed now; keep only the document model.
    let mut source = source;
    source.body = String::new();
    let mut diags: Vec<Diagnostic> = std::mem::take(&mut source.notes);
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
