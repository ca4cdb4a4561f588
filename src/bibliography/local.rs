//! A text's own bibliography, named in its front matter as Pandoc reads
//! it: `bibliography: refs.bib` (or a list of files), each relative to the
//! text's folder or else to the site's, and entries written in the front
//! matter itself under `references:` (CSL YAML, as Pandoc writes them).
//! The text's entries are looked up before the site's.
//!
//! - Each file is read once a build however many texts name it (a book's
//!   chapters all name one `refs.bib`); its problems travel with every
//!   text that names it, and the build reports each problem once.
//! - A file must be a bibliography by its name (`.bib`, `.json`, `.yaml`…)
//!   and inside the site's folder: a text brought from elsewhere cannot
//!   make the build read other files. Anything else is a warning on the
//!   text, which still builds.
//! - Pandoc's `csl:` is not per text here: the site's `citation_style`
//!   formats every citation, and a text that names one is told so.

use super::{csl, read, Bibliography, Layer};
use crate::diagnostics::Diagnostic;
use crate::memo::KeyHasher;
use crate::sources::Source;
use rustc_hash::FxHashMap;
use serde_json::Value;
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

/// A file's entries and the problems reading it.
type Read = (Arc<Layer>, Vec<Diagnostic>);

/// Texts' own bibliography files, each read when a text first needs it.
#[derive(Default)]
pub(crate) struct Files {
    read: Mutex<FxHashMap<PathBuf, Arc<OnceLock<Read>>>>,
    /// Each file's contents hashed, for texts' keys.
    hashes: Mutex<FxHashMap<PathBuf, u64>>,
}

impl Files {
    fn hash(&self, path: &Path) -> u64 {
        let known = self
            .hashes
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(path)
            .copied();
        known.unwrap_or_else(|| {
            let bytes = std::fs::read(path).unwrap_or_default();
            let hash = KeyHasher::of(|h| h.add(&bytes));
            let mut map = self.hashes.lock().unwrap_or_else(|p| p.into_inner());
            *map.entry(path.to_path_buf()).or_insert(hash)
        })
    }

    fn get(&self, path: &Path) -> Read {
        let slot = {
            let mut map = self.read.lock().unwrap_or_else(|p| p.into_inner());
            Arc::clone(map.entry(path.to_path_buf()).or_default())
        };
        // Outside the lock: another text needing another file reads it
        // meanwhile; one needing this file waits for this reading.
        let (layer, diags) = slot.get_or_init(|| {
            let mut diags = Vec::new();
            let mut library = hayagriva::Library::new();
            let entries = read::read_entries(path, &mut diags);
            read::add(&mut library, entries, path, &mut diags);
            (Arc::new(Layer::new(library)), diags)
        });
        (Arc::clone(layer), diags.clone())
    }
}

impl Bibliography {
    /// The files `source` names, and a key of what they hold (0 when it
    /// names none): part of the text's key, so that an edited bibliography
    /// makes the texts that name it again.
    pub fn source_files(&self, source: &Source) -> (Vec<PathBuf>, u64) {
        let (files, _) = named_files(source, &self.root);
        let key = self.files_key(&files);
        (files, key)
    }

    /// A key of what `files` hold now (0 for none); each file is read for
    /// it once a build.
    pub fn files_key(&self, files: &[PathBuf]) -> u64 {
        if files.is_empty() {
            return 0;
        }
        KeyHasher::of(|h| {
            for f in files {
                h.add(f);
                h.add(self.files.hash(f));
            }
        })
    }

    /// The bibliography `source`'s citations are formatted from: this one,
    /// with the text's own entries first when its front matter names any,
    /// and the problems met reading them.
    pub fn for_source(&self, source: &Source) -> (Cow<'_, Bibliography>, Vec<Diagnostic>) {
        let extra = &source.meta.extra;
        let (files, mut diags) = named_files(source, &self.root);
        if extra.contains_key("csl") || extra.contains_key("citation-style") {
            diags.push(Diagnostic::warning(
                &source.path,
                0,
                0,
                "the front matter's `csl` is not used: every text's citations are formatted in the site's style (citation_style in config.toml)",
            ));
        }
        let inline = extra.get("references");
        if files.is_empty() && inline.is_none() {
            return (Cow::Borrowed(self), diags);
        }
        // The front matter's entries first, then the files' in order.
        let mut local = Vec::with_capacity(files.len() + 1);
        if let Some(value) = inline {
            local.push(Arc::new(inline_entries(value, &source.path, &mut diags)));
        }
        for f in &files {
            let (layer, problems) = self.files.get(f);
            diags.extend(problems);
            local.push(layer);
        }
        let mut own = self.clone();
        own.local = local;
        own.named = true;
        (Cow::Owned(own), diags)
    }
}

/// The entries written in a text's front matter (`references:`).
fn inline_entries(value: &Value, path: &Path, diags: &mut Vec<Diagnostic>) -> Layer {
    let mut library = hayagriva::Library::new();
    match value {
        Value::Array(items) => {
            let entries = csl::from_csl_items(items, &FxHashMap::default(), path, diags);
            read::add(&mut library, entries, path, diags);
        }
        _ => diags.push(Diagnostic::warning(
            path,
            0,
            0,
            "the front matter's `references` must be a list of CSL items (`- id: key`); it is not used",
        )),
    }
    Layer::new(library)
}

/// The bibliography files `source`'s front matter names, found (relative
/// to the text's folder, else to the site's folder `root`) and allowed,
/// with a warning for each name that is not.
fn named_files(source: &Source, root: &Path) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let names: Vec<&str> = match source.meta.extra.get("bibliography") {
        None => Vec::new(),
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(list)) if list.iter().all(Value::is_string) => {
            list.iter().filter_map(Value::as_str).collect()
        }
        Some(_) => {
            diags.push(Diagnostic::warning(
                &source.path,
                0,
                0,
                "the front matter's `bibliography` must be a file name or a list of them; it is not used",
            ));
            Vec::new()
        }
    };
    let mut files = Vec::with_capacity(names.len());
    for name in names {
        match resolve(name.trim(), &source.path, root) {
            Ok(path) if !files.contains(&path) => files.push(path),
            Ok(_) => {}
            Err(why) => diags.push(Diagnostic::warning(
                &source.path,
                0,
                0,
                format!("the bibliography `{name}` in the front matter {why}; it is not used"),
            )),
        }
    }
    (files, diags)
}

/// The file `name` stands for, as a text at `text` names it; `Err` says
/// why it is not read.
fn resolve(name: &str, text: &Path, root: &Path) -> Result<PathBuf, String> {
    let named = Path::new(name);
    if name.is_empty() || !read::is_bibliography_name(named) {
        return Err(format!("is not a bibliography file ({})", NAMES));
    }
    let beside = text.parent().unwrap_or(root).join(named);
    let found = [beside.clone(), root.join(named)]
        .into_iter()
        .find(|p| p.is_file())
        .ok_or_else(|| format!("is not a file (looked for {})", beside.display()))?;
    let inside = match (found.canonicalize(), root.canonicalize()) {
        (Ok(f), Ok(r)) => f.starts_with(r).then_some(f),
        _ => None,
    };
    inside.ok_or_else(|| "is outside the site's folder".to_string())
}

const NAMES: &str = ".bib, .json or .yaml";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{Format, Meta};

    fn source(dir: &Path, extra: Value) -> Source {
        let mut meta = Meta::default();
        if let Value::Object(map) = extra {
            meta.extra = map;
        }
        Source {
            path: dir.join("essays/one.md"),
            rel: "essays/one.md".into(),
            section: vec!["essays".into()],
            format: Format::Markdown,
            body: String::new(),
            body_line_offset: 0,
            meta,
            notes: Vec::new(),
        }
    }

    #[test]
    fn names_resolve_beside_the_text_then_at_the_root_and_stay_inside() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path().join("site");
        std::fs::create_dir_all(root.join("essays")).unwrap();
        std::fs::write(root.join("essays/near.bib"), "").unwrap();
        std::fs::write(root.join("library.json"), "[]").unwrap();
        std::fs::write(site.path().join("secret.bib"), "").unwrap();
        std::fs::write(root.join("notes.txt"), "").unwrap();
        let s = source(
            &root,
            serde_json::json!({"bibliography": [
                "near.bib", "library.json", "../../secret.bib", "notes.txt", "gone.bib", "near.bib"
            ]}),
        );
        let (files, diags) = named_files(&s, &root);
        let canon = |p: PathBuf| p.canonicalize().unwrap();
        assert_eq!(files.len(), 2, "{files:?}");
        assert_eq!(canon(files[0].clone()), canon(root.join("essays/near.bib")));
        assert_eq!(canon(files[1].clone()), canon(root.join("library.json")));
        let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(
            messages[0].contains("outside the site's folder"),
            "{messages:?}"
        );
        assert!(
            messages[1].contains("is not a bibliography file"),
            "{messages:?}"
        );
        assert!(messages[2].contains("is not a file"), "{messages:?}");
        let s = source(&root, serde_json::json!({"bibliography": {"a": 1}}));
        assert!(named_files(&s, &root).1[0]
            .message
            .contains("a list of them"));
    }

    #[test]
    fn a_texts_entries_come_before_the_sites_and_files_are_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("essays")).unwrap();
        std::fs::write(
            root.join("essays/own.yaml"),
            "references:\n- id: shared\n  type: book\n  title: Own Title\n  issued:\n    date-parts: [[2001]]\n- id: broken\n",
        )
        .unwrap();
        let site = super::super::from_biblatex(
            "@book{shared, title = {Site Title}, year = {1999}}\n@book{only, title = {Only}, year = {1990}}",
            "apa",
        );
        let site = Bibliography {
            root: root.to_path_buf(),
            ..site
        };
        let s = source(
            root,
            serde_json::json!({
                "bibliography": "own.yaml",
                "references": [{"id": "inline", "type": "book", "title": "Inline"}],
            }),
        );
        let (bib, diags) = site.for_source(&s);
        assert!(diags.is_empty(), "{diags:?}");
        let title = |k: &str| bib.reference(k).and_then(|r| r.title.clone());
        assert_eq!(title("shared").as_deref(), Some("Own Title"));
        assert_eq!(title("only").as_deref(), Some("Only"));
        assert_eq!(title("inline").as_deref(), Some("Inline"));
        assert!(bib.entry("broken").is_some());
        // The site's own copy is untouched, and the file is read once.
        assert_eq!(
            site.reference("shared")
                .and_then(|r| r.title.clone())
                .as_deref(),
            Some("Site Title")
        );
        let (again, _) = site.for_source(&s);
        assert!(Arc::ptr_eq(&bib.local[1], &again.local[1]));
        // The key follows the file's contents.
        let (files, key) = site.source_files(&s);
        assert_eq!(files.len(), 1);
        assert_ne!(key, 0);
        std::fs::write(root.join("essays/own.yaml"), "references: []\n").unwrap();
        assert_eq!(site.files_key(&files), key, "hashed once a build");
        let next = super::super::from_biblatex("", "apa");
        let next = Bibliography {
            root: root.to_path_buf(),
            ..next
        };
        assert_ne!(next.files_key(&files), key);
        // A text that names nothing uses the site's as it is.
        let plain = source(root, serde_json::json!({}));
        assert!(matches!(site.for_source(&plain).0, Cow::Borrowed(_)));
        assert_eq!(site.source_files(&plain), (Vec::new(), 0));
    }
}
