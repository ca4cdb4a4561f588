//! Browser tests in Debian's headless Chromium, on the built seed site opened
//! from `file://` after being copied elsewhere (no server, no network).
//!
//! `tests/browser/offline.mjs` drives the browser with playwright-core
//! (installed by `npm ci` in `tests/browser`, as `.ci/run` does; it uses the
//! system Chromium and downloads nothing). Without Chromium or Node these
//! tests fail under CI and are skipped elsewhere.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn have(cmd: &str, arg: &str) -> bool {
    Command::new(cmd)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn ready() -> bool {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let ok = Path::new("/usr/bin/chromium").exists()
        && have("node", "--version")
        && dir.join("node_modules/playwright-core").is_dir()
        && dir.join("node_modules/ztractor").is_dir();
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install chromium, node and tests/browser's packages (see .ci/run)"
        );
        eprintln!("chromium, node or playwright-core missing; browser tests skipped");
    }
    ok
}

/// Runs a browser script of `tests/browser` with `args`; fails the test if
/// the script fails; returns what it printed (shown with the test's output).
fn node(script: &Path, args: &[&dyn AsRef<std::ffi::OsStr>]) -> String {
    let out = Command::new("node")
        .arg(script)
        .args(args.iter().map(|a| a.as_ref()))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    println!("{stdout}");
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// Builds the seed site, then moves it to another folder, as a reader would
/// copy it.
fn built_and_copied() -> (tempfile::TempDir, PathBuf) {
    let (tmp, out) = common::built_seed();
    let copied = tmp.path().join("copied elsewhere");
    std::fs::rename(&out, &copied).unwrap();
    (tmp, copied)
}

#[test]
fn search_previews_map_and_links_work_offline() {
    if !ready() {
        return;
    }
    let (_tmp, site) = built_and_copied();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/offline.mjs");
    // Samples for the tokenizer agreement check: lines of the seed texts and
    // hostile strings, with the tokens the build makes of them.
    let mut texts: Vec<String> = [
        "Russia's sanctions; policies, boxes & running",
        "Ünïcödé Москва 北京 2014-2015",
        "U.S.-led",
        "U.S. and 9/11, COVID-19 and the G20; e.g. U.S.A. 1/2/2020",
        "A.B.C.D.x Ü.Ö. élan",
        "",
        "a b c d",
        "ties classes churches closely stated",
        "Энергетика, ёлка и éléments; 天然气管道 G20峰会 नमस्ते İstanbul l'énergie",
        "日本の「エネルギー」政策 2020年",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for seed in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("content")).unwrap() {
        let text = std::fs::read_to_string(seed.unwrap().path()).unwrap_or_default();
        texts.extend(text.lines().take(40).map(str::to_string));
    }
    let samples: Vec<serde_json::Value> = texts
        .iter()
        .map(|t| serde_json::json!({"text": t, "tokens": dossier::search::tokens::tokens(t)}))
        .collect();
    let samples_file = _tmp.path().join("tokens.json");
    std::fs::write(&samples_file, serde_json::to_string(&samples).unwrap()).unwrap();
    // Postings as the build encodes them (in segments, one per block of
    // ids, each id by its group and place, weights left out when all are
    // 1), with what they hold; groups start at multiples of 16, one
    // without entries (32) sharing its start with the next.
    let blocks = [0, 1024, 2048, 4096];
    let starts = [0, 32, 32, 48, 1024, 1088, 2048, 4096, 4992];
    let lists: Vec<Vec<(u32, u32)>> = vec![
        vec![(3, 1), (40, 1), (41, 1)],
        vec![(3, 2), (1030, 1), (1100, 12), (2048, 1), (5000, 35)],
        vec![(1024, 1), (1025, 1), (4097, 1)],
        vec![(0, 1)],
    ];
    let postings: Vec<serde_json::Value> = lists
        .iter()
        .map(|list| {
            let (encoded, _) = dossier::search::encode::Encoded::new(list, &blocks, &starts, None);
            let part = encoded.part("t");
            let pair: serde_json::Value = serde_json::from_str(&format!("{{{part}}}")).unwrap();
            let ids: Vec<u32> = list.iter().map(|p| p.0).collect();
            let ws: Vec<u32> = list.iter().map(|p| p.1).collect();
            serde_json::json!({"pair": pair["t"], "ids": ids, "ws": ws, "starts": starts})
        })
        .collect();
    let postings_file = _tmp.path().join("postings.json");
    std::fs::write(&postings_file, serde_json::to_string(&postings).unwrap()).unwrap();
    let stdout = node(&script, &[&site, &samples_file, &postings_file]);
    assert!(stdout.contains(" 0 failed"));
}

#[test]
fn home_page_dom_from_file_url_lists_the_documents() {
    if !ready() {
        return;
    }
    let (_tmp, site) = built_and_copied();
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new("/usr/bin/chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("file://{}/index.html", site.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    assert_eq!(dom.matches("<li>\n    <h3><a href=").count(), 5, "{dom}");
    assert!(dom.contains("China and Russia: A Worrying Relationship"));
}

/// A site whose every text place carries a script payload (bodies,
/// headings, footnotes, front matter, sidecars, section introductions,
/// topic names and descriptions): opened from `file://`, no payload runs.
#[test]
fn payloads_in_texts_never_run_in_the_browser() {
    if !ready() {
        return;
    }
    let site = common::small_site();
    let c = site.path().join("content");
    let img = "<img src=x onerror=\"window.__ran='img'\">";
    std::fs::write(
        c.join("pasted.txt"),
        format!("Pasted {img} headline\n\n## A subhead {img}\n\nThe energy attack used {img} in 1991.\n"),
    )
    .unwrap();
    std::fs::write(
        c.join("doc.md"),
        format!("+++\ntitle = \"Doc {img}\"\nurl = \"javascript:window.__ran='fm'\"\nauthors = [\"A {img}\"]\n+++\n# Head {img}\n\n<script>window.__ran='script'</script>\n\nEnergy [click](javascript:window.__ran='link') in 2001.[^1]\n\n[^1]: See [there](JaVaScRiPt:window.__ran='note') {img}, *Journal {img}* 3 (2001): 4.\n"),
    )
    .unwrap();
    std::fs::write(c.join("side.txt"), "Side\n\nEnergy text.\n").unwrap();
    std::fs::write(
        c.join("side.meta.toml"),
        format!(
            "url = \" javascript:window.__ran='side'\"\ntitle = \"Side {}\"\n",
            img.replace('"', "\\\"")
        ),
    )
    .unwrap();
    std::fs::create_dir(c.join("sec")).unwrap();
    std::fs::write(
        c.join("sec/_index.md"),
        format!("+++\ntitle = \"S\"\n+++\nIntro {img}\n"),
    )
    .unwrap();
    std::fs::write(
        c.join("sec/x.md"),
        "---\ntitle: X\naliases: [/old/x/, older.html]\ncssclasses: [wide]\n---\nX energy text.\n",
    )
    .unwrap();
    std::fs::write(
        c.join("topics.toml"),
        format!("[topics.energy]\ntitle = \"Energy {0}\"\naliases = [\"energy\"]\ndescription = \"{0}\"\n", img.replace('"', "\\\"")),
    )
    .unwrap();
    let (_tmp, out, o) = common::build_site(site.path());
    assert!(
        out.join("index.html").is_file(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/payloads.mjs");
    let stdout = node(&script, &[&out]);
    assert!(stdout.contains(" 0 failed"), "{stdout}");
}

/// axe-core in Chromium on one page of each type of the seed site, light
/// and dark, desktop and phone width, with search results open: no
/// critical or serious violation (`tests/browser/axe.mjs`).
#[test]
fn every_page_type_passes_axe() {
    if !ready() {
        return;
    }
    let (_tmp, site) = built_and_copied();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/axe.mjs");
    let stdout = node(&script, &[&site]);
    assert!(stdout.contains("axe: 1 passed, 0 failed"), "{stdout}");
}

/// Zotero's own translators (Embedded Metadata, packaged with its runtime
/// as `ztractor`) save a document page as an item with the document's
/// title, authors and date, not the site's (`tests/browser/zotero.mjs`).
#[test]
fn zotero_saves_a_document_page_as_its_own_item() {
    if !ready() {
        return;
    }
    let (_tmp, site) = common::built_seed();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/zotero.mjs");
    let pages = [
        (
            "the-ballgame-of-russia-china-convergence-and-how-the-united-states-figures-in/index.html",
            "The Ballgame of Russia-China Convergence and How the United States Figures In",
            "Dubey",
            "2021",
        ),
        (
            "moscow-and-beijing-close-ranks-under-us-pressure/index.html",
            "Moscow and Beijing Close Ranks Under U.S. Pressure",
            "Bochkov",
            "2021",
        ),
    ];
    for (page, title, author, year) in pages {
        let stdout = node(&script, &[&site, &page, &title, &author, &year]);
        assert!(stdout.contains("zotero: 6 passed, 0 failed"), "{stdout}");
    }
}

#[test]
fn search_finds_russian_chinese_and_french_passages_offline() {
    if !ready() {
        return;
    }
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/languages");
    let (_tmp, site, out) = common::build_site(&fixture);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/languages.mjs");
    let stdout = node(&script, &[&site]);
    assert!(stdout.contains(" 0 failed"), "{stdout}");
}
