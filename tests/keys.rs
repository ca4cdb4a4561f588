//! Key coverage: every file a build finds or makes by a key must get a new
//! key whenever its bytes change, or an incremental build would serve the
//! old file. Each input a site has (every key of `config.toml`, of front
//! matter and sidecars, of a topic in the topic map; a text's paragraphs,
//! dates, mentions, notes, citations and links; templates, sections and
//! the bibliography) is changed alone, and the site is built again at the
//! same path: a file whose bytes differ from the first build's must have a
//! different key. The lists of keys come from the readers themselves
//! (serde's list of the fields it accepts, `sources::meta::KEYS`), so a new
//! input without a case here fails this test.

mod common;

use dossier::config::Overrides;
use dossier::Memo;
use std::collections::BTreeMap;
use std::path::Path;

struct Snapshot {
    keys: BTreeMap<String, u64>,
    files: BTreeMap<String, dossier::Contents>,
}

/// A build from nothing that keeps its results (so that keys are made).
fn snapshot(root: &Path) -> Snapshot {
    let (built, memo) =
        dossier::build_incremental(root, &Overrides::default(), &Memo::new()).unwrap();
    let errors: Vec<String> = built
        .diagnostics
        .iter()
        .filter(|d| d.severity == dossier::diagnostics::Severity::Error)
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    Snapshot {
        keys: memo.render.keys.clone(),
        files: built
            .files
            .iter()
            .map(|f| (f.path.clone(), f.bytes.clone()))
            .collect(),
    }
}

/// The files whose bytes differ; panics on one whose key did not change.
fn check(what: &str, before: &Snapshot, after: &Snapshot) -> Vec<String> {
    let mut changed = Vec::new();
    for (path, bytes) in &after.files {
        if before.files.get(path) == Some(bytes) {
            continue;
        }
        changed.push(path.clone());
        if let (Some(a), Some(b)) = (before.keys.get(path), after.keys.get(path)) {
            assert_ne!(a, b, "{what}: {path} changed but its key did not");
        }
    }
    changed.extend(
        before
            .files
            .keys()
            .filter(|p| !after.files.contains_key(*p))
            .cloned(),
    );
    changed
}

const DOC: &str = "content/001_63cb8a33a0f86596";
const NOTES: &str = "content/notes/field-notes.md";

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap()
}

fn edit_toml(root: &Path, rel: &str, edit: impl FnOnce(&mut toml::Table)) {
    let mut table: toml::Table = toml::from_str(&read(root, rel)).unwrap();
    edit(&mut table);
    write(root, rel, &toml::to_string(&table).unwrap());
}

fn set_config(root: &Path, key: &str, value: toml::Value) {
    edit_toml(root, "config.toml", |t| {
        t.insert(key.to_string(), value);
    });
}

fn default_template(name: &str) -> String {
    std::fs::read_to_string(common::repo().join("themes/default/templates").join(name)).unwrap()
}

/// The seed site with what the seeds lack: a section with its own page, a
/// text with a Cyrillic title, raw HTML, a note and a Pandoc citation of
/// a bibliography; template overrides that show `extra`.
fn base_site(root: &Path) {
    std::fs::copy(common::repo().join("config.toml"), root.join("config.toml")).unwrap();
    common::copy_dir(&common::repo().join("content"), &root.join("content"));
    set_config(root, "bibliography", "refs.bib".into());
    write(
        root,
        "refs.bib",
        "@book{lo2008,\n  author = {Lo, Bobo},\n  title = {Axis of Convenience},\n  \
         publisher = {Brookings Institution Press},\n  year = {2008}\n}\n",
    );
    write(
        root,
        "content/notes/_index.md",
        "+++\ntitle = \"Field notes\"\n+++\n\nNotes taken along the border.\n",
    );
    write(
        root,
        NOTES,
        "+++\ntitle = \"Заметки с границы\"\ndate = 2019-06-01\n+++\n\n\
         The Arctic route was discussed again.\n\n\
         In 1996 the border agreement was <span class=\"raw\">signed</span> in Shanghai.\n\n\
         A partnership of convenience [@lo2008, p. 12].\n\n\
         A claim was made.[^1] See [the sea](../000_f13687132f4ba417.txt).\n\n\
         [^1]: Ann Lee, \"Ice and Law,\" Polar Review 4, no. 2 (2001): 10-20.\n",
    );
    write(
        root,
        "content/notes/second.md",
        "+++\ntitle = \"Second note\"\ndate = 2018-01-01\ntemplate = \"special.html\"\n+++\n\nA short note on energy.\n\n\
         ```rust\nfn main() { let s = \"gas\"; }\n```\n",
    );
    let footer = default_template("partials/footer.html");
    write(
        root,
        "templates/partials/footer.html",
        &format!(
            "{footer}\n<p class=\"motto\">{{{{ site.extra.motto | default(value=\"\") }}}}</p>\n"
        ),
    );
    // Front matter's `extra` is for templates; this one shows it.
    write(
        root,
        "templates/document.html",
        &default_template("document.html").replace(
            "</article>",
            "<p class=\"extra\">{{ doc.extra.motto | default(value=\"\") }}</p></article>",
        ),
    );
    write(
        root,
        "templates/special.html",
        &default_template("document.html").replace("</article>", "<p>special</p></article>"),
    );
}

/// The fields a reader accepts, as its error on an unknown one lists them
/// (serde's "expected one of `a`, `b`", which dossier words as "known
/// keys: a, b").
fn accepted_fields(error: &str) -> Vec<String> {
    let list = ["known keys: ", "expected one of "]
        .iter()
        .find_map(|m| error.split(m).nth(1))
        .unwrap_or_else(|| panic!("no list of fields in: {error}"));
    let list = list.lines().next().unwrap_or_default();
    list.split(", ")
        .map(|f| f.trim().trim_matches('`').to_string())
        .filter(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .collect()
}

type Change = Box<dyn Fn(&Path)>;

/// A change to each key of `config.toml`.
fn config_changes() -> BTreeMap<String, Change> {
    let mut c: BTreeMap<String, Change> = BTreeMap::new();
    let mut text = |key: &str, value: &'static str| {
        let key = key.to_string();
        c.insert(
            key.clone(),
            Box::new(move |r: &Path| set_config(r, &key, value.into())),
        );
    };
    text("title", "Another Title");
    text("description", "Another description of the site.");
    text("base_url", "https://example.net/other/");
    text("language", "fr");
    text("author", "Somebody Else");
    text("topic_links", "all");
    text("slugs", "unicode");
    text("citation_style", "apa");
    // Nothing the pages show: a build writes elsewhere.
    text("output_dir", "elsewhere");
    c.insert(
        "theme".into(),
        Box::new(|r| {
            let header = default_template("partials/header.html");
            write(
                r,
                "themes/plain/templates/partials/header.html",
                &format!("{header}<p>plain</p>"),
            );
            set_config(r, "theme", "plain".into());
        }),
    );
    c.insert(
        "content_dir".into(),
        Box::new(|r| {
            common::copy_dir(&r.join("content"), &r.join("texts"));
            std::fs::remove_file(r.join("texts/notes/second.md")).unwrap();
            set_config(r, "content_dir", "texts".into());
        }),
    );
    c.insert(
        "topic_map".into(),
        Box::new(|r| {
            let map = read(r, "content/topics.toml").replace("[topics.arctic]", "[topics.polar]");
            write(r, "other-topics.toml", &map);
            set_config(r, "topic_map", "other-topics.toml".into());
        }),
    );
    c.insert(
        "ignored_content".into(),
        Box::new(|r| {
            set_config(
                r,
                "ignored_content",
                toml::Value::Array(vec![toml::Value::String("notes".into())]),
            )
        }),
    );
    c.insert(
        "timeline".into(),
        Box::new(|r| {
            edit_toml(r, "config.toml", |t| {
                t.insert(
                    "timeline".into(),
                    toml::toml! { start = 1960
                    end = 2000 }
                    .into(),
                );
            })
        }),
    );
    c.insert(
        "markdown".into(),
        Box::new(|r| {
            edit_toml(r, "config.toml", |t| {
                t.insert("markdown".into(), toml::toml! { unsafe_html = true }.into());
            })
        }),
    );
    c.insert(
        "bibliography".into(),
        Box::new(|r| {
            let bib = read(r, "refs.bib").replace("Axis of Convenience", "Axis of Choice");
            write(r, "other.bib", &bib);
            set_config(r, "bibliography", "other.bib".into());
        }),
    );
    c.insert(
        "extra".into(),
        Box::new(|r| {
            edit_toml(r, "config.toml", |t| {
                t.insert("extra".into(), toml::toml! { motto = "Per aspera" }.into());
            })
        }),
    );
    c.insert(
        "translations".into(),
        Box::new(|r| {
            edit_toml(r, "config.toml", |t| {
                let strings = toml::toml! { skip_to_content = "Jump to the text" };
                t.insert("translations".into(), strings.into());
            })
        }),
    );
    c
}

/// A value for each key of front matter and sidecars.
fn meta_value(key: &str) -> toml::Value {
    let v: toml::Table = toml::from_str(match key {
        "title" => "v = \"A New Title\"",
        "authors" => "v = [\"Ann Lee\", \"Bo Chen\"]",
        "author" => "v = \"Bo Chen\"",
        "date" => "v = 1999-05-01",
        "updated" => "v = 2020-01-02",
        "publisher" | "source" => "v = \"Some Press\"",
        "category" => "v = \"analysis\"",
        "url" => "v = \"https://example.com/original\"",
        "slug" => "v = \"a-new-slug\"",
        "summary" | "description" => "v = \"A summary written by hand.\"",
        "format" => "v = \"text\"",
        "language" | "lang" => "v = \"fr\"",
        "weight" => "v = 5",
        "draft" => "v = true",
        "note" => "v = \"An editor's note.\"",
        "tags" => "v = [\"alpha\"]",
        "taxonomies" => "v = { tags = [\"beta\"] }",
        "aliases" => "v = [\"old/place.html\"]",
        "template" => "v = \"special.html\"",
        "sort_by" => "v = \"title\"",
        "paginate_by" => "v = 1",
        "extra" => "v = { motto = \"x\" }",
        other => panic!("front matter key `{other}` has no case in tests/keys.rs"),
    })
    .unwrap();
    v["v"].clone()
}

/// A change to each key of front matter: on a sidecar, or on a section's
/// `_index.md` for the keys of sections.
fn meta_changes() -> BTreeMap<String, Change> {
    let mut c: BTreeMap<String, Change> = BTreeMap::new();
    for key in dossier::sources::meta::KEYS {
        let value = meta_value(key);
        let change: Change = if matches!(*key, "sort_by" | "paginate_by") {
            Box::new(move |r| {
                let text = read(r, "content/notes/_index.md");
                let front = format!("{key} = {value}\n");
                write(
                    r,
                    "content/notes/_index.md",
                    &text.replacen("+++\n", &format!("+++\n{front}"), 1),
                );
            })
        } else {
            Box::new(move |r| {
                edit_toml(r, &format!("{DOC}.meta.toml"), |t| {
                    t.insert(key.to_string(), value.clone());
                })
            })
        };
        c.insert(key.to_string(), change);
    }
    c
}

/// A change to each field of a topic.
fn topic_value(field: &str) -> &'static str {
    match field {
        "title" => "title = \"The High North\"",
        "aliases" => "aliases = [\"Arctic\", \"border\"]",
        "case_sensitive" => "case_sensitive = [\"Shanghai\"]",
        "ambiguous" => "ambiguous = [\"route\"]",
        "exclude" => "exclude = [\"Arctic route\"]",
        "kind" => "kind = \"place\"",
        "description" => "description = \"Ice, routes and claims.\"",
        "related" => "related = [\"energy\"]",
        other => panic!("topic field `{other}` has no case in tests/keys.rs"),
    }
}

/// Edits of texts, templates and the bibliography.
fn other_changes() -> BTreeMap<String, Change> {
    let mut c: BTreeMap<String, Change> = BTreeMap::new();
    let mut replace = |name: &str, rel: &'static str, from: &'static str, to: &'static str| {
        c.insert(
            name.to_string(),
            Box::new(move |r: &Path| {
                let text = read(r, rel);
                assert!(text.contains(from), "{rel}: {from}");
                write(r, rel, &text.replacen(from, to, 1));
            }),
        );
    };
    replace(
        "text: a plain word",
        NOTES,
        "discussed again",
        "discussed once more",
    );
    replace("text: a year", NOTES, "In 1996", "In 1997");
    replace(
        "text: a topic mention",
        NOTES,
        "The Arctic route",
        "The energy route",
    );
    replace("text: a note", NOTES, "Polar Review 4", "Polar Review 5");
    replace("text: a citation's locator", NOTES, "p. 12", "p. 14");
    replace(
        "text: a link",
        NOTES,
        "000_f13687132f4ba417.txt",
        "002_794c0a4fc5707acb.txt",
    );
    replace(
        "text: a heading",
        NOTES,
        "A claim was made.",
        "## Claims\n\nA claim was made.",
    );
    replace(
        "section: its text",
        "content/notes/_index.md",
        "along the border",
        "along the river",
    );
    replace(
        "section: its title",
        "content/notes/_index.md",
        "Field notes",
        "Border notes",
    );
    replace(
        "bibliography: an entry",
        "refs.bib",
        "Axis of Convenience",
        "Axis of Choice",
    );
    replace(
        "template: a partial",
        "templates/partials/footer.html",
        "<p class=\"motto\">",
        "<p class=\"motto\">~",
    );
    replace(
        "template: a page's",
        "templates/special.html",
        "<p>special</p>",
        "<p>very special</p>",
    );
    // Code is highlighted with every class once the site has its own
    // stylesheet for it.
    c.insert(
        "static: the site's own syntax.css".into(),
        Box::new(|r| write(r, "static/syntax.css", ".hl-rust { color: teal }\n")),
    );
    c.insert(
        "static: a new file".into(),
        Box::new(|r| write(r, "static/extra.css", "p { margin: 0 }\n")),
    );
    c.insert(
        "text: a new document".into(),
        Box::new(|r| {
            write(
                r,
                "content/notes/third.md",
                "+++\ntitle = \"Third\"\n+++\n\nIn 2001 the Arctic froze.\n",
            )
        }),
    );
    c
}

#[test]
fn every_file_whose_bytes_change_gets_a_new_key() {
    let base = tempfile::tempdir().unwrap();
    base_site(base.path());
    let work = tempfile::tempdir().unwrap();
    let root = work.path().join("site");
    let fresh = || {
        let _ = std::fs::remove_dir_all(&root);
        common::copy_dir(base.path(), &root);
    };
    fresh();
    let before = snapshot(&root);
    // Keys cover the pages: every HTML page but the error page has one.
    let pages: Vec<&String> = before
        .files
        .keys()
        .filter(|p| p.ends_with(".html"))
        .collect();
    let keyed = pages
        .iter()
        .filter(|p| before.keys.contains_key(**p))
        .count();
    assert!(
        keyed + 1 >= pages.len(),
        "{keyed} of {} pages keyed",
        pages.len()
    );

    // The readers' own lists of what they accept.
    let config_error = dossier::config::parse(Path::new("config.toml"), "no_such_key = 1")
        .err()
        .map(|e| format!("{e:#}"))
        .unwrap();
    let config_fields = accepted_fields(&config_error);
    let topic_map = root.join("probe-topics.toml");
    std::fs::write(&topic_map, "[topics.t]\nno_such_field = 1\n").unwrap();
    let topic_error = format!("{:#}", dossier::topics::load(&topic_map).err().unwrap());
    let topic_fields = accepted_fields(&topic_error);
    std::fs::remove_file(&topic_map).unwrap();
    assert!(config_fields.len() >= 15, "{config_fields:?}");
    assert!(topic_fields.len() >= 6, "{topic_fields:?}");

    let config = config_changes();
    let mut cases: Vec<(String, Change)> = Vec::new();
    for field in &config_fields {
        assert!(
            config.contains_key(field),
            "config key `{field}` has no case in tests/keys.rs"
        );
    }
    cases.extend(config.into_iter().map(|(k, f)| (format!("config: {k}"), f)));
    cases.extend(
        meta_changes()
            .into_iter()
            .map(|(k, f)| (format!("front matter: {k}"), f)),
    );
    for field in topic_fields {
        let line = topic_value(&field);
        cases.push((
            format!("topic: {field}"),
            Box::new(move |r: &Path| {
                let map = read(r, "content/topics.toml");
                let map = if map.contains(&format!("\n{field} = ")) && field != "aliases" {
                    // Replace the arctic topic's own line, else add one.
                    let at = map.find("[topics.arctic]").unwrap();
                    let (head, tail) = map.split_at(at);
                    let mut lines: Vec<String> = tail.lines().map(String::from).collect();
                    let end = lines
                        .iter()
                        .skip(1)
                        .position(|l| l.starts_with('['))
                        .map_or(lines.len(), |p| p + 1);
                    match lines[..end]
                        .iter()
                        .position(|l| l.starts_with(&format!("{field} = ")))
                    {
                        Some(i) => lines[i] = line.to_string(),
                        None => lines.insert(1, line.to_string()),
                    }
                    format!("{head}{}\n", lines.join("\n"))
                } else if field == "aliases" {
                    map.replacen(
                        "aliases = [\"Arctic\"",
                        "aliases = [\"Arctic\", \"border\"",
                        1,
                    )
                } else {
                    map.replacen(
                        "[topics.arctic]\n",
                        &format!("[topics.arctic]\n{line}\n"),
                        1,
                    )
                };
                write(r, "content/topics.toml", &map);
            }),
        ));
    }
    cases.extend(other_changes());

    // Inputs that no page shows (the output folder's name).
    let unseen = ["config: output_dir"];
    let mut report = Vec::new();
    for (what, change) in &cases {
        fresh();
        change(&root);
        let after = snapshot(&root);
        let changed = check(what, &before, &after);
        if unseen.contains(&what.as_str()) {
            assert!(changed.is_empty(), "{what}: {changed:?}");
        } else {
            assert!(!changed.is_empty(), "{what} changed no file: not an input?");
        }
        report.push(format!("{what}: {} files", changed.len()));
    }
    assert!(cases.len() >= 60, "{} cases", cases.len());
    eprintln!("{}", report.join("\n"));
}

#[test]
fn a_plain_edit_changes_the_keys_of_the_pages_that_show_it_only() {
    let base = tempfile::tempdir().unwrap();
    base_site(base.path());
    let before = snapshot(base.path());
    let text = read(base.path(), NOTES).replacen("discussed again", "discussed once more", 1);
    write(base.path(), NOTES, &text);
    let after = snapshot(base.path());
    let rekeyed: Vec<&String> = after
        .keys
        .iter()
        .filter(|(p, k)| before.keys.get(*p).is_some_and(|b| b != *k))
        .map(|(p, _)| p)
        .collect();
    // The first paragraph changed: its page, the listings that show its
    // summary (its section, all documents, the home page), the topic page
    // that quotes the paragraph and the search chunk holding its text; no
    // other document's page, no timeline or citation page.
    assert_eq!(
        rekeyed,
        [
            "documents/index.html",
            "index.html",
            "notes/index.html",
            "notes/zametki-s-granitsy/index.html",
            "search/e/0.js",
            "topics/arctic/index.html",
        ]
    );
}
