//! `dossier init DIR`: a new site that builds at once with the built-in theme.

use anyhow::{bail, Context, Result};
use std::path::Path;

const CONFIG: &str = r#"# dossier site configuration. Every key is optional.
title = "My dossier"
description = "Sources, topics and a timeline."
base_url = "https://example.org/"
# The interface's language (en, ru, zh, fr, de have their words built in);
# each text's own language is read from its metadata or detected.
language = "en"
# URLs transliterate other scripts; "unicode" keeps them.
# slugs = "unicode"
author = ""
theme = "default"
content_dir = "content"
output_dir = "public"
topic_map = "content/topics.toml"

# The timeline takes the years the texts mention. To keep it to a period:
# [timeline]
# start = 1945
# end = 2025

# Any word the theme shows, in the site's language (see the README):
# [translations]
# min_read = "{n} min"
"#;

const TOPICS: &str = r#"# The topic map: each topic gets a page listing every passage that
# mentions it; the first mention in each section links to that page.
[topics.footnotes]
title = "Footnotes"
aliases = ["footnote", "note"]
description = "How notes become linked references."

[topics.plain-text]
title = "Plain text"
aliases = ["plain text", "plain-text file"]
related = ["footnotes"]

[topics.example-press]
title = "Example Press"
kind = "organisation"
aliases = ["Example Press"]
"#;

const README: &str = r#"# My dossier

- `dossier build` writes the site into `public/`; open `public/index.html`.
- `dossier serve` previews it at http://127.0.0.1:1111/ and reloads on every save.
- `dossier check` verifies every internal link and anchor.

Texts go in `content/` (Markdown with front matter, or plain text with a
`<name>.meta.toml` beside it); topics in `content/topics.toml`; settings in
`config.toml`.
"#;

const WELCOME: &str = r#"+++
title = "Welcome"
authors = ["You"]
date = 2021-01-01
summary = "A first document: edit or replace it."
+++

This is a Markdown document with a footnote.[^1] Put your texts in
`content/`: Markdown (`.md`) with optional front matter, or plain text
(`.txt`) with an optional `<name>.meta.toml` beside it. In March 2021 the
first plain text note was written; the timeline lists that date, and the
topic pages list the passages that mention each topic.

## Next steps

Run `dossier build` and open `public/index.html`.

[^1]: Footnotes become linked notes at the end of the page.
"#;

const NOTE_TXT: &str = "A Plain Text Note\n\nBy A. Writer | Notes\n\nEach line of a plain text file is a paragraph.\nThe first line became the title, and the byline the author.\nExample Press published it in 2020; a footnote would cite it.\n";

const NOTE_META: &str = "# Metadata for note.txt, which cannot carry front matter.\ndate = \"2020-05\"\npublisher = \"Example Press\"\n";

/// Creates `dir` with a config, a topic map, a Markdown and a plain-text
/// document and a README. Nothing that exists is overwritten: if any of
/// those files is there already, nothing is written.
pub fn init(dir: &Path) -> Result<()> {
    let content = dir.join("content");
    let files = [
        (dir.join("config.toml"), CONFIG),
        (dir.join("README.md"), README),
        (content.join("topics.toml"), TOPICS),
        (content.join("welcome.md"), WELCOME),
        (content.join("note.txt"), NOTE_TXT),
        (content.join("note.meta.toml"), NOTE_META),
    ];
    if let Some((taken, _)) = files.iter().find(|(p, _)| p.exists()) {
        bail!(
            "{} exists already; dossier init writes nothing into a folder that has its files",
            taken.display()
        );
    }
    std::fs::create_dir_all(&content)
        .with_context(|| format!("cannot create {}", content.display()))?;
    for (path, text) in files {
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}
