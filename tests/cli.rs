//! Integration tests that run the `dossier` binary as a user would.

mod common;

use common::{repo, seed_copy};
use std::path::Path;
use std::process::{Command, Output};

fn dossier(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .output()
        .expect("run dossier")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn build(root: &Path, out: &Path) -> Output {
    dossier(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ])
}

fn all_files(dir: &Path, prefix: &str, out: &mut Vec<(String, Vec<u8>)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = format!("{prefix}{}", e.file_name().to_string_lossy());
        if e.file_type().unwrap().is_dir() {
            all_files(&e.path(), &format!("{name}/"), out);
        } else {
            out.push((name, std::fs::read(e.path()).unwrap()));
        }
    }
}

#[test]
fn seed_site_builds_with_every_link_resolving() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(&repo(), &out);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let stdout = text(&o.stdout);
    assert!(stdout.starts_with("built 5 documents"), "{stdout}");
    assert!(stdout.contains(" ms"), "{stdout}");
    let o = dossier(&["check", "--root", repo().to_str().unwrap()]);
    assert!(o.status.success(), "{}{}", text(&o.stdout), text(&o.stderr));
    assert!(text(&o.stdout).contains("every internal link and anchor resolves"));

    let home = read(&out.join("index.html"));
    for title in [
        "The Ballgame of Russia-China Convergence and How the United States Figures In",
        "China and Russia: A Worrying Relationship",
        "Russia and China Oppose the Globe",
        "Moscow and Beijing Close Ranks Under U.S. Pressure",
        "Russia, China and the South China Sea",
    ] {
        assert!(home.contains(title), "home lists {title}");
    }
    assert!(
        !home.contains("_f13687132f4ba417/"),
        "slugs are never the hash file names"
    );
    for file in [
        "sitemap.xml",
        "robots.txt",
        "atom.xml",
        "404.html",
        "style.css",
        "print.css",
        "syntax.css",
    ] {
        assert!(out.join(file).is_file(), "{file}");
    }
    let sitemap = read(&out.join("sitemap.xml"));
    assert!(sitemap.contains("<loc>https://example.org/dossier/index.html</loc>"));
    assert!(!read(&out.join("index.html")).contains("http://localhost"));
}

#[test]
fn seed_001_footnotes_are_linked_both_ways() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    assert!(build(&repo(), &out).status.success());
    let page = read(&out.join(
        "the-ballgame-of-russia-china-convergence-and-how-the-united-states-figures-in/index.html",
    ));
    assert_eq!(page.matches("role=\"doc-noteref\"").count(), 29);
    assert_eq!(page.matches("role=\"doc-backlink\"").count(), 29);
    for n in 1..=29 {
        assert!(
            page.contains(&format!("<a href=\"#fn-{n}\" id=\"fnref-{n}\"")),
            "reference {n}"
        );
        assert!(page.contains(&format!("<li id=\"fn-{n}\">")), "note {n}");
        assert!(
            page.contains(&format!("href=\"#fnref-{n}\"")),
            "back-reference {n}"
        );
    }
    assert!(
        !page.contains("&lt;sup&gt;") && !page.contains("<sup>1</sup>"),
        "no raw markers"
    );
    assert!(!page.contains("<hr"), "no stray rules");
    assert!(page.contains("driving the two together. The relationship between Russia and China"));
    assert!(page.contains("By Himanshu Dubey and Khushi Baldota"));
    assert!(page.contains("id=\"author-note\""));
}

#[test]
fn seed_003_and_004_show_headings_and_bylines_without_boilerplate() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    assert!(build(&repo(), &out).status.success());
    let p3 = read(&out.join("china-and-russia-a-worrying-relationship/index.html"));
    assert!(p3.contains("<h1>China and Russia: A Worrying Relationship</h1>"));
    assert!(p3.contains("By Andrew Zirkle"));
    assert!(p3.contains("<span class=\"category\">China/Russia</span>"));
    assert!(!p3.contains("Leave a Reply") && !p3.contains("Akismet"));
    let p4 = read(&out.join("russia-and-china-oppose-the-globe/index.html"));
    assert!(p4.contains("<h2 id=\"common-interest-and-individual-objectives\">Common Interest and Individual Objectives</h2>"));
    assert!(p4.contains("<h2 id=\"limit-to-their-alliance\">Limit to Their Alliance</h2>"));
    let p2 = read(&out.join("moscow-and-beijing-close-ranks-under-us-pressure/index.html"));
    assert_eq!(p2.matches("<figure class=\"caption\">").count(), 2);
    assert!(p2.contains("<aside class=\"editor-note\""));
    assert!(!p2.contains("opinions@cgtn.com"));
}

#[test]
fn two_builds_are_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    assert!(build(&repo(), &a).status.success());
    assert!(build(&repo(), &b).status.success());
    let (mut fa, mut fb) = (Vec::new(), Vec::new());
    all_files(&a, "", &mut fa);
    all_files(&b, "", &mut fb);
    assert!(fa.len() > 10);
    assert_eq!(fa, fb);
}

#[test]
fn seeds_are_kept_byte_for_byte() {
    let shared = repo().join("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&shared) else {
        eprintln!("no ../shared/seeds beside the repository; comparing is skipped");
        return;
    };
    let mut n = 0;
    for e in entries {
        let e = e.unwrap();
        let ours = repo().join("content").join(e.file_name());
        assert_eq!(
            std::fs::read(e.path()).unwrap(),
            std::fs::read(&ours).unwrap(),
            "{}",
            ours.display()
        );
        n += 1;
    }
    assert_eq!(n, 5);
}

#[test]
fn bad_config_names_file_line_and_key_and_keeps_output() {
    let site = seed_copy();
    let out = site.path().join("public");
    assert!(build(site.path(), &out).status.success());
    let before = read(&out.join("index.html"));
    let config = site.path().join("config.toml");
    let good = read(&config);
    std::fs::write(&config, good.replacen("title =", "titel =", 1)).unwrap();
    let o = build(site.path(), &out);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.contains("config.toml:2:1: error: unknown key `titel`; did you mean `title`?"),
        "{err}"
    );
    assert_eq!(
        read(&out.join("index.html")),
        before,
        "previous output untouched"
    );
    std::fs::write(
        &config,
        good.replacen("language = \"en\"", "language = 5", 1),
    )
    .unwrap();
    let err = text(&build(site.path(), &out).stderr);
    assert!(err.contains("config.toml:5:12: error: invalid type: integer `5`, expected a string (key `language`)"), "{err}");
}

#[test]
fn bad_front_matter_is_reported_and_the_rest_builds() {
    let site = seed_copy();
    let out = site.path().join("public");
    std::fs::write(
        site.path().join("content/bad.md"),
        "+++\ntitle = \"Bad\"\ndate = \n+++\nBody\n",
    )
    .unwrap();
    std::fs::write(
        site.path().join("content/bad2.md"),
        "---\ntitle: [unclosed\n---\nBody\n",
    )
    .unwrap();
    std::fs::write(site.path().join("content/latin1.txt"), b"Caf\xe9 society\n").unwrap();
    let o = build(site.path(), &out);
    assert_eq!(o.status.code(), Some(1), "content errors fail the command");
    let err = text(&o.stderr);
    assert!(err.contains("content/bad.md:3:"), "{err}");
    assert!(err.contains("content/bad2.md:"), "{err}");
    assert!(
        err.contains(
            "content/latin1.txt:1:4: warning: not valid UTF-8 (byte 0xe9); read as windows-1252"
        ),
        "{err}"
    );
    assert!(
        text(&o.stdout).contains("built 8 documents"),
        "no document is dropped: {}",
        text(&o.stdout)
    );
    let latin = std::fs::read_to_string(out.join("cafe-society/index.html")).unwrap();
    assert!(latin.contains("Café society"));
    assert!(out.join("index.html").is_file());
}

/// No staging folder of a failed build is left in `dir`.
fn assert_no_staging_folder(dir: &std::path::Path) {
    let leftovers: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        !leftovers
            .iter()
            .any(|n| n.to_string_lossy().contains("staging")),
        "{leftovers:?}"
    );
}

#[test]
fn broken_template_stops_the_build_and_keeps_output() {
    let site = seed_copy();
    let out = site.path().join("public");
    assert!(build(site.path(), &out).status.success());
    let before = read(&out.join("index.html"));
    std::fs::create_dir(site.path().join("templates")).unwrap();
    std::fs::write(
        site.path().join("templates/document.html"),
        "{% extends \"base.html\" %}\n{% block content %}{{ doc.title }\n{% endblock content %}",
    )
    .unwrap();
    let o = build(site.path(), &out);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(err.contains("document.html"), "{err}");
    assert!(err.contains("2:"), "names the line: {err}");
    assert_eq!(read(&out.join("index.html")), before);
    assert_no_staging_folder(site.path());
    // A template that parses but fails while pages are being written (the
    // build writes each page as it is made): the output is still the old
    // one, and the half-written new one is gone.
    std::fs::write(
        site.path().join("templates/document.html"),
        "{% extends \"base.html\" %}\n{% block content %}{{ doc.no_such_field.deeper }}\n{% endblock content %}",
    )
    .unwrap();
    let o = build(site.path(), &out);
    assert!(!o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stderr).contains("document.html"),
        "{}",
        text(&o.stderr)
    );
    assert_eq!(read(&out.join("index.html")), before);
    assert!(out.join(".dossier-output").is_file());
    assert_no_staging_folder(site.path());
}

#[test]
fn init_makes_a_site_that_builds_and_checks() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("new");
    let o = dossier(&["init", site.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let o = dossier(&["build", "--root", site.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(text(&o.stdout).starts_with("built 2 documents"));
    let page = read(&site.join("public/a-plain-text-note/index.html"));
    assert!(page.contains("By A. Writer"));
    let o = dossier(&["check", "--root", site.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stdout));
    // The starter shows the features: topics and a timeline of its texts.
    let topic = read(&site.join("public/topics/footnotes/index.html"));
    assert!(topic.contains("Footnotes"), "a topic page");
    let timeline = read(&site.join("public/timeline/index.html"));
    assert!(
        timeline.contains("2020") && timeline.contains("March 2021"),
        "{timeline}"
    );
    assert!(site.join("README.md").is_file());
    let o = dossier(&["init", site.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "init never overwrites");
    // Nor into a folder that holds one of its files.
    let other = tmp.path().join("other");
    std::fs::create_dir_all(other.join("content")).unwrap();
    std::fs::write(other.join("content/welcome.md"), "mine").unwrap();
    let o = dossier(&["init", other.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(read(&other.join("content/welcome.md")), "mine");
    assert!(!other.join("config.toml").exists(), "nothing written");
}

#[test]
fn output_inside_sources_is_refused() {
    let site = seed_copy();
    let o = build(site.path(), &site.path().join("content/.."));
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("refusing"));
    assert!(site
        .path()
        .join("content/001_63cb8a33a0f86596.txt")
        .is_file());
}

/// `build --timings` tells a topic map's author how many candidate
/// mentions of each topic did not count, and why.
#[test]
fn timings_report_rejected_mentions_per_topic() {
    let site = tempfile::tempdir().unwrap();
    let root = site.path();
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::write(root.join("config.toml"), "title = \"t\"\n").unwrap();
    std::fs::write(
        root.join("content/topics.toml"),
        "[topics.law]\naliases = [\"court\"]\nambiguous = [\"process\"]\nexclude = [\"due process\"]\n",
    )
    .unwrap();
    std::fs::write(
        root.join("content/a.md"),
        "# A\n\nThe process of cooling. It denied due process.\n\nThe court process was slow.\n\n\
         ## References\n\nSmith, A. (2019). The court. Law Press.\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = dossier(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.path().join("public").to_str().unwrap(),
        "--timings",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    let row: Vec<&str> = err
        .lines()
        .find(|l| l.starts_with("law "))
        .unwrap_or_else(|| panic!("{err}"))
        .split_whitespace()
        .collect();
    // 2 mentions (court, process beside it); 1 ambiguous, 1 in an
    // excluded phrase, 1 in the reference list.
    assert_eq!(row, vec!["law", "2", "1", "1", "1"], "{err}");
}
