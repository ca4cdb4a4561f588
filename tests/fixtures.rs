//! Golden tests: each folder under `tests/fixtures/` is a small site built with
//! the library; its `expected/` folder holds the list of output files and the
//! `<main>` region of every HTML page (so theme chrome changes do not churn
//! every golden file).
//!
//! After an intended change, regenerate with
//! `DOSSIER_BLESS=1 cargo test --test fixtures` and review the diff.

use dossier::config::Overrides;
use std::path::{Path, PathBuf};

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("config.toml").is_file())
        .collect();
    cases.sort();
    cases
}

/// The `<main>` element of a page, or the whole text for other files.
fn main_region(html: &str) -> &str {
    match (html.find("<main"), html.find("</main>")) {
        (Some(a), Some(b)) => &html[a..b + "</main>".len()],
        _ => html,
    }
}

fn golden_files(case: &Path) -> Vec<(String, String)> {
    let built = dossier::build_in_memory(case, &Overrides::default())
        .unwrap_or_else(|e| panic!("{}: {e:#}", case.display()));
    let mut broken = dossier::check::check_links(&built.files);
    broken.extend(dossier::check::check_offline(
        &built.files,
        &built.config.base_url,
    ));
    assert!(
        broken.is_empty(),
        "{}: broken links {broken:#?}",
        case.display()
    );
    let mut out = vec![(
        "files.txt".to_string(),
        built
            .files
            .iter()
            .map(|f| format!("{}\n", f.path))
            .collect::<String>(),
    )];
    let diags: String = built
        .diagnostics
        .iter()
        .map(|d| {
            let rel = d.path.strip_prefix(case).unwrap_or(&d.path);
            let mut d = d.clone();
            d.path = rel.to_path_buf();
            format!("{d}\n")
        })
        .collect();
    out.push(("diagnostics.txt".to_string(), diags));
    for f in &built.files {
        if f.path.ends_with(".html") {
            let text = String::from_utf8(f.bytes.plain().into_owned()).unwrap();
            out.push((
                format!("{}.main.html", f.path),
                format!("{}\n", main_region(&text)),
            ));
        } else if f.path.ends_with(".xml") || f.path.ends_with(".txt") {
            out.push((
                f.path.clone(),
                String::from_utf8(f.bytes.plain().into_owned()).unwrap(),
            ));
        }
    }
    out
}

#[test]
fn fixture_sites_match_golden_output() {
    let bless = std::env::var_os("DOSSIER_BLESS").is_some();
    let mut failures = Vec::new();
    for case in fixtures() {
        let expected_dir = case.join("expected");
        for (name, actual) in golden_files(&case) {
            let path = expected_dir.join(&name);
            if bless {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, &actual).unwrap();
                continue;
            }
            match std::fs::read_to_string(&path) {
                Ok(expected) if expected == actual => {}
                Ok(expected) => failures.push(format!(
                    "{} differs:\n--- expected\n{expected}\n--- actual\n{actual}",
                    path.display()
                )),
                Err(_) => failures.push(format!(
                    "{} is missing (run with DOSSIER_BLESS=1)",
                    path.display()
                )),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn there_are_fixtures() {
    assert!(fixtures().len() >= 4);
}
