//! Helpers shared by the integration tests: copies of the seed site and
//! builds of it with the `dossier` binary. Each test file uses some of them.
#![allow(dead_code)]

pub mod server;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository. Every helper passes here, so it also turns on the
/// self-checks (`memo::self_check`) for the builds of every test, in this
/// process and in the `dossier` processes it starts.
pub fn repo() -> PathBuf {
    std::env::set_var("DOSSIER_SELF_CHECK", "1");
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A writable copy of the seed site (config, content, no output).
pub fn seed_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo().join("config.toml"), dir.path().join("config.toml")).unwrap();
    copy_dir(&repo().join("content"), &dir.path().join("content"));
    dir
}

/// Builds the repository's seed site into `<tmp>/public` and returns both.
pub fn built_seed() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let status = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["build", "--quiet", "--root"])
        .arg(repo())
        .arg("--output")
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    (tmp, out)
}

/// Builds the site at `root` with the `dossier` binary into a fresh
/// temporary folder: (that folder, the output inside it, what the command
/// printed and returned).
pub fn build_site(root: &Path) -> (tempfile::TempDir, PathBuf, std::process::Output) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["build", "--quiet", "--root"])
        .arg(root)
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    (tmp, out, o)
}

/// The JSON file at `path` (an export of a build), parsed.
pub fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The timeline's export in the output `out`: its decade files, in the
/// manifest's order, read as one array.
pub fn timeline_export(out: &Path) -> Vec<serde_json::Value> {
    let manifest = json(&out.join("data/manifest.json"));
    let parts = manifest["files"]["timeline"].as_array().unwrap().clone();
    parts
        .iter()
        .flat_map(|p| {
            json(&out.join(p.as_str().unwrap()))
                .as_array()
                .unwrap()
                .clone()
        })
        .collect()
}

/// The same from a build in memory.
pub fn timeline_built(b: &dossier::Built) -> Vec<serde_json::Value> {
    let manifest: serde_json::Value = serde_json::from_str(&file(b, "data/manifest.json")).unwrap();
    let parts = manifest["files"]["timeline"].as_array().unwrap().clone();
    parts
        .iter()
        .flat_map(|p| {
            let part: serde_json::Value =
                serde_json::from_str(&file(b, p.as_str().unwrap())).unwrap();
            part.as_array().unwrap().clone()
        })
        .collect()
}

/// Appends `text` to the file at `path` (written in place).
pub fn append_to(path: &Path, text: &str) {
    let mut s = std::fs::read_to_string(path).unwrap();
    s.push_str(text);
    std::fs::write(path, s).unwrap();
}

/// Gives the seed topic map's Arctic topic one more alias.
pub fn add_arctic_alias(site: &Path, alias: &str) {
    let map = site.join("content/topics.toml");
    let t = std::fs::read_to_string(&map).unwrap();
    let edited = t.replacen(
        "aliases = [\"Arctic\"",
        &format!("aliases = [\"Arctic\", \"{alias}\""),
        1,
    );
    assert_ne!(t, edited, "the seed topic map has no Arctic aliases");
    std::fs::write(&map, edited).unwrap();
}

/// An empty site: a config and an empty content folder.
pub fn small_site() -> tempfile::TempDir {
    repo();
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(site.path().join("content")).unwrap();
    std::fs::write(site.path().join("config.toml"), "title = \"t\"\n").unwrap();
    site
}

/// Writes a Markdown text `content/<rel>` into `site`: front matter with
/// its title, then the paragraphs.
pub fn write_doc(site: &Path, rel: &str, title: &str, paragraphs: &[String]) {
    std::fs::write(
        site.join("content").join(rel),
        format!(
            "+++\ntitle = \"{title}\"\n+++\n\n{}\n",
            paragraphs.join("\n\n")
        ),
    )
    .unwrap();
}

/// Two builds made the same files, byte for byte, and gave the same
/// diagnostics.
pub fn same_files(a: &dossier::Built, b: &dossier::Built) {
    let paths = |b: &dossier::Built| b.files.iter().map(|f| f.path.clone()).collect::<Vec<_>>();
    assert_eq!(paths(a), paths(b));
    for (x, y) in a.files.iter().zip(&b.files) {
        assert!(x.bytes == y.bytes, "{} differs", x.path);
    }
    assert_eq!(a.diagnostics, b.diagnostics);
}

/// A built file's text (`Built::files`), or a panic naming it.
pub fn file(b: &dossier::Built, path: &str) -> String {
    let f = b
        .files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("no {path}"));
    String::from_utf8(f.bytes.plain().into_owned()).unwrap()
}

/// The `<main>` of the page at `slug/index.html`.
pub fn main_of(b: &dossier::Built, slug: &str) -> String {
    let html = file(b, &format!("{slug}/index.html"));
    html[html.find("<main").unwrap()..html.find("</main>").unwrap()].to_string()
}
