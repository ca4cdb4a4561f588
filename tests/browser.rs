//! Headless Chromium on the built seed site, opened from `file://` as a
//! reader would. Chromium comes from Debian (`apt-get install chromium`, done
//! by `.ci/run`); without it these tests fail under CI and are skipped
//! elsewhere.

use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

/// Runs headless Chromium with the flags this machine needs and returns the
/// DOM after load (`--dump-dom`), or writes a screenshot.
fn headless(browser: &Path, extra: &[&str], url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(url)
        .output()
        .expect("run chromium");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn built_seed_site() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("copied-elsewhere");
    let root = env!("CARGO_MANIFEST_DIR");
    let status = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args([
            "build",
            "--quiet",
            "--root",
            root,
            "--output",
            out.to_str().unwrap(),
        ])
        .status()
        .unwrap();
    assert!(status.success());
    (tmp, out)
}

fn browser_or_skip() -> Option<PathBuf> {
    let found = chromium();
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install chromium (see .ci/run)"
        );
        eprintln!("chromium not installed; browser tests skipped");
    }
    found
}

#[test]
fn home_page_from_file_url_lists_the_documents() {
    let Some(browser) = browser_or_skip() else {
        return;
    };
    let (_tmp, out) = built_seed_site();
    let url = format!("file://{}/index.html", out.display());
    let dom = headless(&browser, &["--dump-dom"], &url);
    assert_eq!(dom.matches("<li>\n    <h3><a href=").count(), 5, "{dom}");
    assert!(dom.contains("China and Russia: A Worrying Relationship"));
    assert!(dom.contains("href=\"the-ballgame-of-russia-china-convergence-and-how-the-united-states-figures-in/index.html\""));
}

#[test]
fn document_page_renders_with_its_stylesheet_and_footnotes() {
    let Some(browser) = browser_or_skip() else {
        return;
    };
    let (_tmp, out) = built_seed_site();
    let page = out.join(
        "the-ballgame-of-russia-china-convergence-and-how-the-united-states-figures-in/index.html",
    );
    // A script run by the browser reports what it computed after layout: the
    // stylesheet loaded from a relative file URL, and footnotes resolve.
    let probe = r#"<script>
window.addEventListener('load', () => {
  const refs = [...document.querySelectorAll('a[role=doc-noteref]')];
  const resolved = refs.filter(a => document.getElementById(a.hash.slice(1))).length;
  const back = [...document.querySelectorAll('a[role=doc-backlink]')].filter(a => document.getElementById(a.hash.slice(1))).length;
  const font = getComputedStyle(document.body).fontFamily;
  document.title = `refs=${refs.length} resolved=${resolved} back=${back} styled=${font.includes('Georgia')}`;
});
</script>"#;
    let html = std::fs::read_to_string(&page)
        .unwrap()
        .replace("</body>", &format!("{probe}</body>"));
    let probe_page = page.with_file_name("probe.html");
    std::fs::write(&probe_page, html).unwrap();
    let dom = headless(
        &browser,
        &["--dump-dom", "--virtual-time-budget=2000"],
        &format!("file://{}", probe_page.display()),
    );
    assert!(
        dom.contains("<title>refs=29 resolved=29 back=29 styled=true</title>"),
        "{}",
        &dom[..dom.len().min(2000)]
    );
}
