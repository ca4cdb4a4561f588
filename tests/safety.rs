//! The safety promises, tried as a user would with the `dossier` binary:
//! no folder wiped, nothing written outside the output, no script from a
//! text run, no file from outside the content published, no crash or hang
//! on hostile input, and a build killed half-way recovered.

mod common;

use common::{seed_copy, small_site};
use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

fn dossier(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run dossier");
    // No input may hang the build: give up (and fail) after a minute.
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("dossier {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn build(root: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ];
    args.extend(extra);
    dossier(&args)
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Every file under `dir`, relative, sorted.
fn tree(dir: &Path) -> Vec<String> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if e.file_type().unwrap().is_dir() {
                walk(&p, base, out);
            } else {
                out.push(p.strip_prefix(base).unwrap().to_string_lossy().into_owned());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Every page's HTML. (The search index and exports hold titles as data;
/// search.js escapes them, which the browser test checks.)
fn all_html(out: &Path) -> String {
    tree(out)
        .iter()
        .filter(|p| p.ends_with(".html"))
        .map(|p| std::fs::read_to_string(out.join(p)).unwrap())
        .collect()
}

#[test]
fn a_folder_dossier_did_not_write_is_never_replaced_without_force() {
    let site = seed_copy();
    let docs = site.path().join("Documents");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("thesis.docx"), "years of work").unwrap();
    std::fs::write(docs.join("notes.txt"), "notes").unwrap();
    let o = build(site.path(), &docs, &[]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.contains("Documents") && err.contains("2 files") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(tree(&docs), ["notes.txt", "thesis.docx"], "nothing touched");
    // Asked for, it is replaced; then it is dossier's and needs no flag.
    let o = build(site.path(), &docs, &["--force"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(!docs.join("thesis.docx").exists() && docs.join("index.html").is_file());
    let o = build(site.path(), &docs, &[]);
    assert!(o.status.success(), "{}", text(&o.stderr));
}

#[test]
fn site_folders_are_never_the_output_even_with_force() {
    let site = seed_copy();
    let root = site.path().to_path_buf();
    // Only folders this test made are handed to the binary; the file-system
    // root and the home fall under the same rule, which `output::guard`'s
    // unit tests check without running a build.
    for out in [root.clone(), root.join("content"), root.join("content/sub")] {
        let o = build(&root, &out, &["--force"]);
        assert_eq!(
            o.status.code(),
            Some(2),
            "{}: {}",
            out.display(),
            text(&o.stderr)
        );
        assert!(text(&o.stderr).contains("refusing"), "{}", text(&o.stderr));
    }
    // The same rules hold for output_dir in config.toml.
    let cfg = root.join("config.toml");
    let c = std::fs::read_to_string(&cfg).unwrap();
    std::fs::write(&cfg, format!("output_dir = \"content\"\n{c}")).unwrap();
    let o = dossier(&["build", "--root", root.to_str().unwrap(), "--force"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    assert!(root.join("content/topics.toml").is_file());
}

#[test]
fn leftovers_of_a_killed_build_do_not_stop_the_next() {
    let site = seed_copy();
    let out = site.path().join("public");
    // A stray file and a half-written staging folder beside the output.
    std::fs::write(site.path().join(".public.old"), "someone's file").unwrap();
    std::fs::create_dir(site.path().join(".public.staging-1")).unwrap();
    std::fs::write(site.path().join(".public.staging-1/.dossier-output"), "").unwrap();
    for _ in 0..2 {
        let o = build(site.path(), &out, &[]);
        assert!(o.status.success(), "{}", text(&o.stderr));
    }
    let mut beside: Vec<String> = std::fs::read_dir(site.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    beside.sort();
    assert_eq!(beside, [".public.old"], "only the stranger's file is left");
}

#[test]
fn names_that_become_paths_cannot_leave_the_output() {
    let site = small_site();
    let base = site.path();
    std::fs::write(
        base.join("content/topics.toml"),
        format!(
            "[topics.\"../../../victim\"]\naliases = [\"victim\"]\n\n[topics.\"/abs\"]\naliases = [\"abs\"]\n\n[topics.\"C:\\\\win\"]\naliases = [\"win\"]\n\n[topics.\"nul\\u0000byte\"]\naliases = [\"nul\"]\n\n[topics.\"{}\"]\naliases = [\"long\"]\n",
            "x".repeat(5_000)
        ),
    )
    .unwrap();
    std::fs::write(
        base.join("content/a.md"),
        format!(
            "---\ntitle: A victim\nslug: ../../../../slug-victim\naliases: [\"../../../../alias-victim/\", \"/old/a/\", \"C:\\\\x\", \"a\\0b\", \"{}\"]\n---\nThe victim, abs, win, nul and long text.\n",
            "y".repeat(5_000)
        ),
    )
    .unwrap();
    std::fs::write(base.join("content/b.txt"), "B\n\nThe victim.\n").unwrap();
    std::fs::write(
        base.join("content/b.meta.toml"),
        "slug = \"/../../sidecar-victim\"\n",
    )
    .unwrap();
    let out = base.join("deep/er/public");
    let o = build(base, &out, &[]);
    assert!(
        o.status.code() == Some(0) || o.status.code() == Some(1),
        "{}",
        text(&o.stderr)
    );
    let outside: Vec<String> = tree(base)
        .into_iter()
        .filter(|p| {
            !p.starts_with("deep/er/public/") && !p.starts_with("content/") && p != "config.toml"
        })
        .collect();
    assert!(
        outside.is_empty(),
        "written outside the output: {outside:?}"
    );
    let inside = tree(&out);
    assert!(
        inside.iter().any(|p| p.starts_with("topics/victim/")),
        "{inside:?}"
    );
    let redirect = std::fs::read_to_string(out.join("old/a/index.html")).unwrap();
    assert!(
        redirect.contains("url=../../a-victim/index.html")
            || redirect.contains("url=../../slug-victim/index.html"),
        "{redirect}"
    );
    assert!(
        text(&o.stderr).contains("no redirect is made"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn texts_are_shown_not_run() {
    let site = small_site();
    let c = site.path().join("content");
    // A pasted article with one heading line quoting markup.
    std::fs::write(
        c.join("pasted.txt"),
        "Pasted headline\n\n## A subhead\n\nThe attack used <img src=x onerror=alert(1)> in a comment.\n",
    )
    .unwrap();
    std::fs::write(
        c.join("doc.md"),
        "+++\ntitle = \"Doc <script>alert(1)</script>\"\nurl = \"javascript:alert(2)\"\n+++\n# Head <img src=x onerror=alert(3)>\n\n<div onmouseover=\"alert(4)\">block</div>\n\n[click](javascript:alert(5)) and [ok](https://example.org).[^1]\n\n[^1]: See [there](JaVaScRiPt:alert(6)) <svg onload=alert(7)>.\n",
    )
    .unwrap();
    std::fs::write(c.join("side.txt"), "Side\n\nText.\n").unwrap();
    std::fs::write(c.join("side.meta.toml"), "url = \" javascript:alert(8)\"\n").unwrap();
    std::fs::create_dir(c.join("sec")).unwrap();
    std::fs::write(
        c.join("sec/_index.md"),
        "+++\ntitle = \"S\"\n+++\nIntro <img src=x onerror=alert(9)>\n",
    )
    .unwrap();
    std::fs::write(c.join("sec/x.md"), "X text.\n").unwrap();
    std::fs::write(
        c.join("topics.toml"),
        "[topics.t]\ntitle = \"T <img src=x onerror=alert(10)>\"\naliases = [\"text\"]\ndescription = \"<img src=x onerror=alert(11)>\"\n",
    )
    .unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(site.path(), &out, &[]);
    assert!(o.status.code() != Some(101), "{}", text(&o.stderr));
    let all = all_html(&out).to_ascii_lowercase();
    for bad in [
        "<img src=x",
        "<script>alert",
        "<svg onload",
        "<div onmouseover",
        "href=\"javascript",
        "href=\" javascript",
        "onerror=alert(1)>",
    ] {
        assert!(!all.contains(bad), "{bad} reached a page");
    }
    let pasted = std::fs::read_to_string(out.join("pasted-headline/index.html")).unwrap();
    assert!(
        pasted.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "shown as text"
    );
    assert!(!text(&o.stderr).is_empty(), "the bad URLs are reported");
}

#[test]
fn hostile_text_builds_with_warnings_not_crashes() {
    let site = seed_copy();
    let c = site.path().join("content");
    let thin = "The energy deal was obtained\u{2009}—\u{2009}e.g.,\u{a0}p.\u{202f}4 and Art.\u{3000}5\u{a0}1991 — in Beijing.";
    std::fs::write(c.join("thin.md"), format!("{thin}\n\n[x](#%€x)\n")).unwrap();
    std::fs::write(
        c.join("latin1.txt"),
        b"Caf\xe9 soci\xe9t\xe9\n\nThe na\xefve energy policy of 1991.\n",
    )
    .unwrap();
    std::fs::write(
        c.join("obsidian.md"),
        "---\ntitle: Obsidian note\naliases: [old-note]\ncssclasses: [wide]\npublish: true\nbibliography: refs.bib\ntags: energy\n---\nA note on energy.\n",
    )
    .unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(site.path(), &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("built 8 documents"),
        "{}",
        text(&o.stdout)
    );
    assert!(
        text(&o.stderr).contains("latin1.txt:1:4: warning"),
        "{}",
        text(&o.stderr)
    );
    let redirect = std::fs::read_to_string(out.join("old-note/index.html")).unwrap();
    assert!(
        redirect.contains("url=../obsidian-note/index.html"),
        "{redirect}"
    );
    let o = dossier(&["check", "--root", site.path().to_str().unwrap()]);
    assert!(
        o.status.code() != Some(101),
        "check panicked: {}",
        text(&o.stderr)
    );
}

#[test]
fn files_from_outside_the_content_are_not_published() {
    let site = seed_copy();
    let c = site.path().join("content");
    let secret = site.path().join("secret.txt");
    std::fs::write(&secret, "root:x:0:0:TOP SECRET\n").unwrap();
    std::os::unix::fs::symlink(&secret, c.join("passwd.txt")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", c.join("zero.txt")).unwrap();
    let fifo = std::ffi::CString::new(c.join("x.txt").to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo reads nothing else.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(site.path(), &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(
        err.contains("passwd.txt") && err.contains("outside the content folder"),
        "{err}"
    );
    assert!(!all_html(&out).contains("TOP SECRET"));
    let o = dossier(&["check", "--root", site.path().to_str().unwrap()]);
    assert!(o.status.code().is_some(), "check ends");
}

/// A paragraph of many dated sentences with topic mentions and
/// abbreviations, a run of dots, and a long line of years: ten times the
/// input takes about ten times as long (a quadratic pass would take a
/// hundred), and the output grows in step.
#[test]
fn pathological_paragraphs_stay_linear() {
    let run = |n: usize| {
        let site = small_site();
        let c = site.path().join("content");
        std::fs::write(
            c.join("topics.toml"),
            "[topics.energy]\naliases = [\"energy\"]\n",
        )
        .unwrap();
        let mut src = String::from("Title line\n\n");
        for i in 0..n {
            src.push_str(&format!(
                "In {} the energy deal,\u{2009}e.g. p.\u{a0}{i}, was signed ",
                1950 + i % 70
            ));
        }
        src.push_str("\n\n");
        src.push_str(&"a.".repeat(n * 10));
        src.push_str("\n\n");
        src.push_str(&"1991 ".repeat(n * 2));
        std::fs::write(c.join("big.txt"), src).unwrap();
        let out = site.path().join("public");
        let start = std::time::Instant::now();
        let o = build(site.path(), &out, &["--quiet"]);
        assert!(o.status.success(), "{}", text(&o.stderr));
        if n > 1_000 {
            assert!(
                text(&o.stderr).contains("the timeline takes the first"),
                "{}",
                text(&o.stderr)
            );
        }
        let bytes: u64 = tree(&out)
            .iter()
            .map(|p| std::fs::metadata(out.join(p)).unwrap().len())
            .sum();
        (start.elapsed().as_secs_f64(), bytes)
    };
    let (t1, b1) = run(500);
    let (t2, b2) = run(5_000);
    assert!(
        t2 / t1.max(0.05) < 30.0,
        "{t1:.2} s, then {t2:.2} s for ten times the text"
    );
    assert!((b2 as f64) / (b1 as f64) < 15.0, "{b1} bytes, then {b2}");
}
