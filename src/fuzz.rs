//! Entry points for fuzzing: each takes arbitrary bytes and runs one part
//! of the pipeline on them as a user's file would reach it. Nothing here
//! may panic, hang or grow without bound, whatever the bytes.
//!
//! Used by the coverage-guided targets in `fuzz/` (libFuzzer) and by the
//! bounded pass `tests/fuzz.rs` that CI runs on every change.

use crate::sources::{Format, Source};
use std::path::Path;

/// The fuzz targets, by name.
pub const TARGETS: &[&str] = &[
    "source",
    "site",
    "frontmatter",
    "sidecar",
    "topics",
    "config",
    "check",
];

/// A small topic map like a user's, so that mention and passage code runs.
const TOPICS: &str = r#"
[topics.energy]
title = "Energy"
aliases = ["energy", "natural gas", "Power of Siberia", "oil"]
case_sensitive = ["LNG"]
[topics.arctic]
aliases = ["Arctic", "Northern Sea Route"]
kind = "place"
[topics.putin]
aliases = ["Vladimir Putin", "Putin", "Путин"]
kind = "person"
[topics.beijing]
aliases = ["Beijing", "北京", "Pékin"]
kind = "place"
"#;

/// Runs `target` on `data`.
pub fn run(target: &str, data: &[u8]) {
    match target {
        "source" => source(data),
        "site" => site(data),
        "frontmatter" => {
            let (text, _) = crate::sources::decode(data);
            let _ = crate::sources::frontmatter::split(Path::new("f.md"), &text);
        }
        "sidecar" => {
            let (text, _) = crate::sources::decode(data);
            let _ =
                crate::sources::frontmatter::parse_toml_meta(Path::new("f.meta.toml"), &text, 0);
        }
        "topics" => {
            let (text, _) = crate::sources::decode(data);
            if let Ok((map, _)) = crate::topics::parse(Path::new("topics.toml"), &text) {
                let _ = crate::extract::mentions::Matcher::new(&map);
            }
        }
        "config" => {
            let (text, _) = crate::sources::decode(data);
            if let Ok(raw) = crate::config::parse(Path::new("config.toml"), &text) {
                let _ =
                    crate::config::check(Path::new("/nonexistent-site"), raw, &Default::default());
            }
        }
        "check" => {
            let (text, _) = crate::sources::decode(data);
            let files = [
                crate::output::OutputFile::new("a/index.html", text.clone()),
                crate::output::OutputFile::new("style.css", text),
            ];
            let _ = crate::check::check_links(&files);
            let _ = crate::check::check_offline(&files, "https://example.org/");
        }
        other => panic!("unknown fuzz target {other}"),
    }
}

/// A source file through normalise, parse, extract, describe, the
/// document's HTML, excerpts and search tokens. The first byte picks how it is read.
fn source(data: &[u8]) {
    let Some((&how, bytes)) = data.split_first() else {
        return;
    };
    let (text, _) = crate::sources::decode(bytes);
    let (map, _) = crate::topics::parse(Path::new("topics.toml"), TOPICS).expect("fixed map");
    let matcher = crate::extract::mentions::Matcher::new(&map);
    let opts = crate::extract::Options {
        matcher: &matcher,
        links: match how % 4 {
            0 => crate::extract::LinkMode::FirstInSection,
            1 => crate::extract::LinkMode::FirstInDocument,
            2 => crate::extract::LinkMode::All,
            _ => crate::extract::LinkMode::None,
        },
        years: (1900, 2030),
        language: "en",
        slugs: if how & 0x40 != 0 {
            crate::parse::ids::SlugStyle::Unicode
        } else {
            crate::parse::ids::SlugStyle::Ascii
        },
    };
    let (format, name, meta, body) = match how % 3 {
        0 => (Format::PlainText, "a.txt", Default::default(), text),
        1 => {
            let s = crate::sources::frontmatter::split(Path::new("a.md"), &text);
            (Format::Markdown, "a.md", s.meta, s.body.to_string())
        }
        _ => (
            if crate::sources::looks_like_markdown(&text) {
                Format::Markdown
            } else {
                Format::PlainText
            },
            "a.txt",
            Default::default(),
            text,
        ),
    };
    let source = Source {
        path: name.into(),
        rel: name.to_string(),
        section: Vec::new(),
        format,
        body,
        body_line_offset: 0,
        meta,
        notes: Vec::new(),
    };
    let bib = fuzz_bibliography(how & 0x20 != 0);
    let entry = crate::prepare::prepare(source, 0, &opts, bib, true, how & 0x80 != 0);
    let prepared = &entry.0;
    let doc = &prepared.doc;
    let _ = crate::render::html::document_html(
        doc,
        &crate::render::highlight::Highlighter::default(),
        &[],
        &Default::default(),
    );
    for p in &doc.paragraphs {
        let _ = crate::search::tokens::tokens(&p.text);
    }
    for p in &prepared.extracted.passages {
        if let Some(par) = doc.paragraphs.get(p.paragraph()) {
            let _ = crate::render::excerpt::excerpt(&par.text, &p.byte_spans(), "en");
        }
    }
    for d in &prepared.extracted.dates {
        let text = &doc.paragraphs[d.paragraph].text;
        assert!(
            text.get(d.sentence.clone()).is_some(),
            "a dated sentence is a slice"
        );
        assert!(d.sentence.len() <= crate::extract::sentences::MAX_SENTENCE + 64);
    }
}

/// A whole site of up to four texts (split at NUL bytes; each text's first
/// byte picks `.md` or `.txt`) built in memory, its links checked: the
/// graph, the indexes, every page and the search index on hostile text.
fn site(data: &[u8]) {
    let dir = std::env::temp_dir().join(format!("dossier-fuzz-{}", std::process::id()));
    let content = dir.join("content");
    let _ = std::fs::remove_dir_all(&dir);
    if std::fs::create_dir_all(&content).is_err() {
        return;
    }
    let _ = std::fs::write(
        dir.join("config.toml"),
        "title = \"fuzz\"\n[timeline]\nstart = 1900\nend = 2030\n",
    );
    let _ = std::fs::write(content.join("topics.toml"), TOPICS);
    for (i, part) in data
        .split(|&b| b == 0)
        .filter(|p| !p.is_empty())
        .take(4)
        .enumerate()
    {
        let (&how, text) = part.split_first().unwrap_or((&0, &[]));
        let name = if how % 2 == 0 {
            format!("t{i}.txt")
        } else {
            format!("m{i}.md")
        };
        let _ = std::fs::write(content.join(name), text);
    }
    if let Ok(built) = crate::build_in_memory(&dir, &Default::default()) {
        let _ = crate::check::check_links(&built.files);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A small bibliography (keys `doe2019`, `roe`, `a:b`), in a note style or
/// an author–date one, made once.
fn fuzz_bibliography(notes: bool) -> &'static crate::bibliography::Bibliography {
    use std::sync::OnceLock;
    static NOTES: OnceLock<crate::bibliography::Bibliography> = OnceLock::new();
    static AUTHOR_DATE: OnceLock<crate::bibliography::Bibliography> = OnceLock::new();
    const BIB: &str = "@article{doe2019, author = {Doe, Jane and Roe, R.}, title = {A {Study}}, journal = {J}, year = {2019}, pages = {1--9}}\n@book{roe, author = {Roe, Richard}, title = {Book}, publisher = {P}, year = {2001}}\n@online{a:b, title = {Site}, url = {https://example.org/x_y}, date = {2020-02-03}}\n";
    if notes {
        NOTES.get_or_init(|| crate::bibliography::from_biblatex(BIB, "chicago-notes"))
    } else {
        AUTHOR_DATE.get_or_init(|| crate::bibliography::from_biblatex(BIB, "apa"))
    }
}
