//! `dossier serve` over real HTTP on a free port, editing a temporary copy of
//! the seed site the ways editors save files.
#![cfg(feature = "serve")]

mod common;

use common::server::{body, builds, get, rebuilds_after, start, start_with, status};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const DOC: &str = "content/004_b84bfd1c39564207.txt";
const PAGE: &str = "/russia-and-china-oppose-the-globe/";

fn append(site: &Path, rel: &str, text: &str) -> String {
    let mut s = std::fs::read_to_string(site.join(rel)).unwrap();
    s.push_str(text);
    s
}

#[test]
fn serves_pages_types_404_and_nothing_outside_the_site() {
    let s = start();
    let (code, home) = get(s.port, "/");
    assert_eq!(code, 200);
    assert!(String::from_utf8_lossy(&home).contains("__dossier/live.js"));
    assert_eq!(get(s.port, "/topics/arctic").0, 200, "folder without slash");
    assert_eq!(get(s.port, "/nope.html").0, 404);
    assert!(body(s.port, "/nope.html").contains("Page not found"));
    for bad in [
        "/../config.toml",
        "/%2e%2e/config.toml",
        "/%2E%2E/%2e%2e/etc/passwd",
        "/..%2fconfig.toml",
        "//etc/passwd",
    ] {
        let (code, b) = get(s.port, bad);
        let text = String::from_utf8_lossy(&b);
        assert!(code == 400 || code == 404, "{bad}: {code}");
        assert!(
            !text.contains("base_url") && !text.contains("root:"),
            "{bad} leaked a file"
        );
    }
}

#[test]
fn every_editor_save_pattern_gives_one_rebuild() {
    let s = start();
    let site = s.site.path();
    let doc = site.join(DOC);
    // Write in place.
    let before = builds(s.port);
    std::fs::write(&doc, append(site, DOC, "\nIn place.\n")).unwrap();
    assert_eq!(rebuilds_after(s.port, before), 1);
    assert!(body(s.port, PAGE).contains("In place."));
    // Write a temporary file, then rename it over the original.
    let before = builds(s.port);
    let tmp = site.join("content/.004.txt.tmp");
    std::fs::write(&tmp, append(site, DOC, "\nRenamed over.\n")).unwrap();
    std::fs::rename(&tmp, &doc).unwrap();
    assert_eq!(rebuilds_after(s.port, before), 1);
    assert!(body(s.port, PAGE).contains("Renamed over."));
    // Delete, then create.
    let before = builds(s.port);
    let text = append(site, DOC, "\nRecreated.\n");
    std::fs::remove_file(&doc).unwrap();
    std::fs::write(&doc, text).unwrap();
    assert_eq!(rebuilds_after(s.port, before), 1);
    assert!(body(s.port, PAGE).contains("Recreated."));
    // Vim: swap file, the 4913 probe, a backup, then the write.
    let before = builds(s.port);
    let swp = site.join("content/.004_b84bfd1c39564207.txt.swp");
    std::fs::write(&swp, "swap").unwrap();
    std::fs::write(site.join("content/4913"), "").unwrap();
    std::fs::remove_file(site.join("content/4913")).unwrap();
    std::fs::copy(&doc, site.join("content/004_b84bfd1c39564207.txt~")).unwrap();
    std::fs::write(&doc, append(site, DOC, "\nVim saved.\n")).unwrap();
    std::fs::remove_file(site.join("content/004_b84bfd1c39564207.txt~")).unwrap();
    std::fs::remove_file(&swp).unwrap();
    assert_eq!(rebuilds_after(s.port, before), 1);
    assert!(body(s.port, PAGE).contains("Vim saved."));
    // Saving the same bytes again changes nothing and builds nothing.
    let before = builds(s.port);
    std::fs::write(&doc, std::fs::read(&doc).unwrap()).unwrap();
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(builds(s.port), before);
}

#[test]
fn edits_to_texts_are_patched_and_others_built_whole() {
    let s = start();
    let site = s.site.path();
    let patched = |port| status(port)["patched"].as_bool().unwrap();
    // The first rebuild looks at every file (changes made before the
    // watcher started were not seen); the next edits are patched.
    for (n, text) in ["\nFirst remark.\n", "\nSecond remark.\n"]
        .iter()
        .enumerate()
    {
        let before = builds(s.port);
        std::fs::write(site.join(DOC), append(site, DOC, text)).unwrap();
        assert_eq!(rebuilds_after(s.port, before), 1);
        assert_eq!(patched(s.port), n == 1);
        assert!(body(s.port, PAGE).contains(text.trim()));
    }
    // An alias in the topic map is built whole.
    let before = builds(s.port);
    common::add_arctic_alias(site, "High North");
    assert_eq!(rebuilds_after(s.port, before), 1);
    assert!(!patched(s.port));
}

#[test]
fn polling_sees_edits_and_new_files() {
    let s = start_with(&["--poll"]);
    let site = s.site.path();
    let before = builds(s.port);
    std::fs::write(site.join(DOC), append(site, DOC, "\nPolled.\n")).unwrap();
    assert_eq!(rebuilds_after(s.port, before), 1);
    assert!(body(s.port, PAGE).contains("Polled."));
    let before = builds(s.port);
    std::fs::write(
        site.join("content/polled.md"),
        "+++\ntitle = \"Polled page\"\n+++\n\nNew.\n",
    )
    .unwrap();
    assert_eq!(rebuilds_after(s.port, before), 1);
    assert!(body(s.port, "/polled-page/").contains("Polled page"));
}

#[test]
fn a_burst_of_changes_gives_one_rebuild() {
    let s = start();
    let before = builds(s.port);
    for i in 0..100 {
        std::fs::write(
            s.site.path().join(format!("content/burst-{i:03}.md")),
            format!("+++\ntitle = \"Burst {i}\"\n+++\n\nText {i}.\n"),
        )
        .unwrap();
    }
    assert_eq!(rebuilds_after(s.port, before), 1);
    assert_eq!(get(s.port, "/burst-99/index.html").0, 200);
}

#[test]
fn a_broken_edit_keeps_the_last_good_site_and_recovers() {
    let s = start();
    let config = s.site.path().join("config.toml");
    let good = std::fs::read_to_string(&config).unwrap();
    let before = builds(s.port);
    std::fs::write(&config, good.replacen("title =", "titel =", 1)).unwrap();
    rebuilds_after(s.port, before);
    let st = status(s.port);
    assert!(
        st["error"].as_str().unwrap().contains("config.toml:2:1"),
        "{st}"
    );
    assert_eq!(
        get(s.port, PAGE).0,
        200,
        "the last good site is still served"
    );
    let before = builds(s.port);
    std::fs::write(&config, &good).unwrap();
    rebuilds_after(s.port, before);
    assert!(status(s.port)["error"].is_null());
}

/// Strips the live-reload script the server adds to HTML.
fn without_live_script(body: &[u8], path: &str) -> Vec<u8> {
    if !path.ends_with(".html") {
        return body.to_vec();
    }
    let text = String::from_utf8_lossy(body);
    match (
        text.find("<script src=\""),
        text.rfind("__dossier/events\"></script>"),
    ) {
        (Some(_), Some(end)) => {
            let start = text[..end].rfind("<script").unwrap();
            format!(
                "{}{}",
                &text[..start],
                &text[end + "__dossier/events\"></script>".len()..]
            )
            .into_bytes()
        }
        _ => body.to_vec(),
    }
}

/// A seeded sequence of edits; after each, every served file equals a clean
/// build of the same sources, byte for byte.
#[test]
fn random_edits_serve_exactly_what_a_clean_build_makes() {
    let s = start();
    let site: PathBuf = s.site.path().to_path_buf();
    // This seed makes every kind of edit below happen at least once.
    let mut seed: u64 = 0x5eed_d073;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for step in 0..14 {
        let before = builds(s.port);
        let docs: Vec<PathBuf> = std::fs::read_dir(site.join("content"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
            .collect();
        let mut docs = docs;
        docs.sort();
        let pick = docs[(next() % docs.len() as u64) as usize].clone();
        match next() % 8 {
            0 => std::fs::write(
                site.join(format!("content/added-{step}.md")),
                format!("+++\ntitle = \"Added {step}\"\n+++\n\nThe Arctic in 1999, step {step}.\n"),
            )
            .unwrap(),
            1 => {
                common::append_to(
                    &pick,
                    &format!("\n\nChanged at step {step}: NATO and the Arctic in 2004.\n"),
                );
            }
            2 => {
                let to = pick.with_file_name(format!("renamed-{step}.md"));
                std::fs::rename(&pick, &to).unwrap();
                let side = pick.with_extension("meta.toml");
                if side.exists() {
                    std::fs::remove_file(side).unwrap();
                }
            }
            3 if docs.len() > 3 => std::fs::remove_file(&pick).unwrap(),
            // A sidecar's title: other pages list the document by it.
            4 => std::fs::write(
                pick.with_extension("meta.toml"),
                format!("title = \"Retitled at step {step}\"\n"),
            )
            .unwrap(),
            // A template override: every document page changes.
            5 => {
                std::fs::create_dir_all(site.join("templates")).unwrap();
                std::fs::write(
                    site.join("templates/document.html"),
                    format!(
                        "{{% extends \"default/document.html\" %}}\n{{% block title %}}Step {step}: {{{{ super() }}}}{{% endblock %}}\n"
                    ),
                )
                .unwrap();
            }
            // A cited work: the citation index and its exports change.
            6 => std::fs::write(
                site.join(format!("content/cited-{}.md", step % 2)),
                format!(
                    "+++\ntitle = \"Cited {step}\"\n+++\n\nA claim.[^1]\n\n[^1]: Smith, John. \"A Study of Step {step}.\" *Journal of Tests*, 2001.\n"
                ),
            )
            .unwrap(),
            _ => {
                common::add_arctic_alias(&site, &format!("polar region {step}"));
            }
        }
        rebuilds_after(s.port, before);
        // The server builds with its own address as the base URL.
        let served = dossier::config::Overrides {
            base_url: Some(format!("http://127.0.0.1:{}/", s.port)),
            ..Default::default()
        };
        let clean = dossier::build_in_memory(&site, &served).unwrap();
        assert_eq!(
            status(s.port)["files"].as_u64().unwrap() as usize,
            clean.files.len(),
            "step {step}"
        );
        for f in &clean.files {
            let (code, served) = get(s.port, &format!("/{}", f.path));
            assert_eq!(code, 200, "step {step}: {}", f.path);
            assert!(
                without_live_script(&served, &f.path) == *f.bytes.plain(),
                "step {step}: {} differs from a clean build",
                f.path
            );
        }
    }
}

/// The live-reload script in Debian's headless Chromium
/// (`tests/browser/serve.mjs`; see `tests/browser.rs` for the set-up).
#[test]
fn a_page_in_the_browser_reloads_and_shows_errors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let ready = Path::new("/usr/bin/chromium").exists()
        && dir.join("node_modules/playwright-core").is_dir();
    if !ready {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install chromium and tests/browser's packages"
        );
        eprintln!("chromium or playwright-core missing; skipped");
        return;
    }
    let s = start();
    // The theme's stylesheet, for the test to extend through static/.
    let orig = s.site.path().parent().unwrap().join("style.css.orig");
    std::fs::write(&orig, get(s.port, "/style.css").1).unwrap();
    let out = Command::new("node")
        .arg(dir.join("serve.mjs"))
        .arg(format!("http://127.0.0.1:{}/", s.port))
        .arg(s.site.path())
        .output()
        .unwrap();
    let _ = std::fs::remove_file(orig);
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
