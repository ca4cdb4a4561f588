//! `dossier init DIR`: a new site that builds at once with the built-in theme.

use anyhow::{bail, Context, Result};
use std::path::Path;

const CONFIG: &str = r#"# dossier site configuration. Every key is optional.
title = "My dossier"
description = "Sources, topics and a timeline."
base_url = "https://example.org/"
language = "en"
author = ""
theme = "default"
content_dir = "content"
output_dir = "public"

[timeline]
start = 1949
end = 2021
"#;

const WELCOME: &str = r#"+++
title = "Welcome"
authors = ["You"]
date = 2021-01-01
summary = "A first document: edit or replace it."
+++

This is a Markdown document with a footnote.[^1] Put your texts in
`content/`: Markdown (`.md`) with optional front matter, or plain text
(`.txt`) with an optional `<name>.meta.toml` beside it.

## Next steps

Run `dossier build` and open `public/index.html`.

[^1]: Footnotes become linked notes at the end of the page.
"#;

const NOTE_TXT: &str = "A Plain Text Note\n\nBy A. Writer | Notes\n\nEach line of a plain text file is a paragraph.\nThe first line became the title, and the byline the author.\n";

const NOTE_META: &str = "# Metadata for note.txt, which cannot carry front matter.\ndate = \"2020-05\"\npublisher = \"Example Press\"\n";

/// Creates `dir` with a config, a Markdown and a plain-text document.
pub fn init(dir: &Path) -> Result<()> {
    if dir.join("config.toml").exists() {
        bail!(
            "{} already holds a config.toml; not overwriting it",
            dir.display()
        );
    }
    let content = dir.join("content");
    std::fs::create_dir_all(&content)
        .with_context(|| format!("cannot create {}", content.display()))?;
    for (path, text) in [
        (dir.join("config.toml"), CONFIG),
        (content.join("welcome.md"), WELCOME),
        (content.join("note.txt"), NOTE_TXT),
        (content.join("note.meta.toml"), NOTE_META),
    ] {
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}
