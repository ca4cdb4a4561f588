//! Every page a proper web page: its own title and description, a
//! canonical URL and OpenGraph, and on document pages the Highwire Press
//! tags that Google Scholar and Zotero read, and schema.org JSON-LD.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

fn pages(out: &Path) -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    let mut stack = vec![out.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "html") {
                let rel = p.strip_prefix(out).unwrap().to_string_lossy().into_owned();
                found.insert(rel, std::fs::read_to_string(&p).unwrap());
            }
        }
    }
    found
}

fn between<'a>(html: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = html.find(open)? + open.len();
    Some(&html[start..start + html[start..].find(close)?])
}

fn metas<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<meta name=\"{name}\" content=\"");
    html.match_indices(&open)
        .filter_map(|(i, _)| between(&html[i..], &open, "\""))
        .collect()
}

#[test]
fn every_page_has_its_own_title_description_and_canonical_url() {
    let (_tmp, out) = common::built_seed();
    let pages = pages(&out);
    assert_eq!(pages.len(), 61);
    let mut titles: BTreeMap<&str, &str> = BTreeMap::new();
    for (path, html) in &pages {
        let title =
            between(html, "<title>", "</title>").unwrap_or_else(|| panic!("{path}: no title"));
        if let Some(other) = titles.insert(title, path) {
            panic!("{path} and {other} share the title {title:?}");
        }
        assert!(
            html.contains("<meta name=\"description\" content=\""),
            "{path}"
        );
        let canonical = between(html, "<link rel=\"canonical\" href=\"", "\"").unwrap();
        let expected = format!(
            "https://example.org/dossier/{}",
            path.strip_suffix("index.html").unwrap_or(path)
        );
        if path != "404.html" {
            assert_eq!(canonical, expected, "{path}");
        }
        assert!(html.contains("<meta property=\"og:title\""), "{path}");
    }
    let doc = &pages["china-and-russia-a-worrying-relationship/index.html"];
    assert_eq!(
        between(doc, "<title>", "</title>"),
        Some("China and Russia: A Worrying Relationship · Russia and China: A Dossier")
    );
}

#[test]
fn document_pages_carry_scholarly_metadata() {
    let (_tmp, out) = common::built_seed();
    let pages = pages(&out);
    let paper = &pages["the-ballgame-of-russia-china-convergence-and-how-the-united-states-figures-in/index.html"];
    assert_eq!(
        metas(paper, "citation_title"),
        ["The Ballgame of Russia-China Convergence and How the United States Figures In"]
    );
    assert!(!metas(paper, "citation_author").is_empty(), "authors");
    let docs: Vec<&String> = pages
        .iter()
        .filter(|(_, h)| h.contains("citation_title"))
        .map(|(_, h)| h)
        .collect();
    assert_eq!(docs.len(), 5, "one per document page");
    for html in docs {
        for date in metas(html, "citation_publication_date") {
            assert!(
                date.len() >= 4
                    && date[..4].bytes().all(|b| b.is_ascii_digit())
                    && !date.contains('-'),
                "{date}"
            );
        }
        let ld = between(html, "<script type=\"application/ld+json\">", "</script>").unwrap();
        let v: serde_json::Value = serde_json::from_str(ld).unwrap();
        assert_eq!(v["@context"], "https://schema.org");
        assert!(v["@type"].as_str().unwrap().ends_with("Article"), "{v}");
        assert!(v["headline"].is_string());
    }
    assert!(
        between(paper, "<script type=\"application/ld+json\">", "</script>")
            .unwrap()
            .contains("ScholarlyArticle")
    );
}

#[test]
fn json_ld_cannot_close_its_script() {
    let site = common::small_site();
    std::fs::write(
        site.path().join("content/a.md"),
        "+++\ntitle = \"</script><script>alert(1)</script>\"\nauthors = [\"A & B\"]\n+++\nText.\n",
    )
    .unwrap();
    let (_tmp, out, o) = common::build_site(site.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = pages(&out)
        .into_values()
        .find(|h| h.contains("application/ld+json"))
        .unwrap();
    let ld = between(&html, "<script type=\"application/ld+json\">", "</script>").unwrap();
    let v: serde_json::Value = serde_json::from_str(ld).unwrap();
    assert_eq!(v["headline"], "</script><script>alert(1)</script>");
}

/// The Atom feed read by a real Atom parser: valid with the `init`
/// default of an empty author, every entry with an author (its own or
/// the feed's), an id, a date; the sitemap says when documents changed.
#[test]
fn feeds_are_valid_with_any_config() {
    let site = common::small_site();
    std::fs::write(
        site.path().join("config.toml"),
        "title = \"Notes & <Sources>\"\nauthor = \"\"\nbase_url = \"https://example.org/sub/\"\n",
    )
    .unwrap();
    let c = site.path().join("content");
    std::fs::write(
        c.join("a.md"),
        "+++\ntitle = \"A & B\"\ndate = 2021-03-05\nupdated = \"2022-01\"\n+++\nText.\n",
    )
    .unwrap();
    std::fs::write(c.join("b.txt"), "Undated note\n\nBy Jane Roe\n\nText.\n").unwrap();
    std::fs::write(
        c.join("d.md"),
        "+++\ntitle = \"Draft\"\ndraft = true\n+++\nSecret.\n",
    )
    .unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let build = |extra: &[&str]| {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["build", "--quiet", "--root"])
            .arg(site.path())
            .arg("--output")
            .arg(&out)
            .args(extra)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    build(&[]);
    let text = std::fs::read_to_string(out.join("atom.xml")).unwrap();
    let feed: atom_syndication::Feed = text.parse().unwrap_or_else(|e| panic!("{e}: {text}"));
    assert_eq!(feed.title().as_str(), "Notes & <Sources>");
    assert!(!feed.authors().is_empty(), "the feed has an author: {text}");
    assert_eq!(feed.entries().len(), 2, "drafts stay out");
    for e in feed.entries() {
        assert!(!e.id().is_empty() && e.links().len() == 1);
        assert!(e.links()[0].href().starts_with("https://example.org/sub/"));
    }
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(
        sitemap.contains("a-b/</loc>")
            || sitemap.contains("a-b/index.html</loc><lastmod>2022-01</lastmod>"),
        "{sitemap}"
    );
    assert!(sitemap.contains("<lastmod>2022-01</lastmod>"), "{sitemap}");
    assert!(!sitemap.contains("draft"), "{sitemap}");
    // Drafts when asked for.
    build(&["--drafts"]);
    assert!(out.join("draft/index.html").is_file());
}

/// Images and files beside the texts are published and reached from the
/// pages, whose URLs differ from the sources' places; a link to a missing
/// file is a warning naming the document.
#[test]
fn files_beside_the_texts_are_published_and_linked() {
    let site = common::small_site();
    let c = site.path().join("content");
    std::fs::create_dir_all(c.join("Essays/img")).unwrap();
    // A PNG's signature and header chunk: 640 × 480 pixels.
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x02\x80\0\0\x01\xe0\x08\x06\0\0\0";
    std::fs::write(c.join("Essays/img/plot one.png"), png).unwrap();
    std::fs::write(c.join("Essays/paper.pdf"), b"%PDF-1.4 fake").unwrap();
    std::fs::write(c.join("Essays/a.pdf"), b"%PDF-1.4 the text as printed").unwrap();
    std::fs::write(c.join("_page_3_Figure_1.jpeg"), b"\xff\xd8\xff fake").unwrap();
    std::fs::write(
        c.join("Essays/a.md"),
        "+++\ntitle = \"On Plots\"\n+++\nSee ![A plot](img/plot%20one.png \"Plot\") and [the paper](paper.pdf#page=2), and [gone](img/missing.png).\n",
    )
    .unwrap();
    std::fs::write(
        c.join("conv.md"),
        "# Converted\n\n![](_page_3_Figure_1.jpeg)\n",
    )
    .unwrap();
    let (_tmp, out, o) = common::build_site(site.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("a.md:4:1: warning: links to `img/missing.png`"),
        "{err}"
    );
    assert!(out.join("Essays/img/plot one.png").is_file());
    assert!(out.join("Essays/paper.pdf").is_file());
    assert!(out.join("_page_3_Figure_1.jpeg").is_file());
    let page = std::fs::read_to_string(out.join("essays/on-plots/index.html")).unwrap();
    assert!(
        page.contains(
            "<img src=\"../../Essays/img/plot%20one.png\" alt=\"A plot\" title=\"Plot\" width=\"640\" height=\"480\" loading=\"lazy\""
        ),
        "{page}"
    );
    assert!(
        page.contains("href=\"../../Essays/paper.pdf#page=2\""),
        "{page}"
    );
    // A PDF of the text beside it is what Google Scholar and Zotero save.
    assert!(
        page.contains("<meta name=\"citation_pdf_url\" content=\"http://localhost/Essays/a.pdf\">"),
        "{page}"
    );
    let conv = std::fs::read_to_string(out.join("converted/index.html")).unwrap();
    assert!(conv.contains("src=\"../_page_3_Figure_1.jpeg\""), "{conv}");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["check", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&o.stdout);
    // `check` reports the link where the text wrote it: file and line.
    assert!(
        said.contains("Essays/a.md:4: img/missing.png (")
            && said.contains("on essays/on-plots/index.html)")
            && said.contains("1 problems"),
        "{said}"
    );
}

/// A topic page ranks the documents that mention the topic (most mentions
/// first, then the latest), quotes each one's best passages and links the
/// document's list of the rest, and splits into pages of 50 documents.
#[test]
fn topic_pages_rank_documents_and_quote_their_best_passages() {
    let site = common::small_site();
    let c = site.path().join("content");
    std::fs::write(
        c.join("topics.toml"),
        "[topics.ice]\ntitle = \"Ice\"\naliases = [\"ice\"]\n",
    )
    .unwrap();
    let doc = |name: &str, date: &str, paragraphs: &[&str]| {
        let body: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
        std::fs::write(
            c.join(format!("{name}.md")),
            format!(
                "+++\ntitle = \"{name}\"\ndate = \"{date}\"\n+++\n\n{}\n",
                body.join("\n\n")
            ),
        )
        .unwrap();
    };
    doc("few", "2020", &["Some ice here."]);
    doc("older", "2001", &["Ice, ice, ice and ice."]);
    doc(
        "newer",
        "2019",
        &["One ice.", "Ice and ice again.", "Plain.", "Last ice."],
    );
    for n in 0..60 {
        doc(&format!("filler-{n:02}"), "1990", &["A single ice."]);
    }
    let (_tmp, out, o) = common::build_site(site.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let page = std::fs::read_to_string(out.join("topics/ice/index.html")).unwrap();
    let at = |s: &str| page.find(s).unwrap_or_else(|| panic!("{s} missing"));
    // Both have 4 mentions: the later first; then those with one.
    assert!(at(">newer</a>") < at(">older</a>"), "{page}");
    assert!(at(">older</a>") < at("filler-"), "{page}");
    assert!(page.contains("4 mentions · 2019"), "{page}");
    // `newer`: its two best passages quoted (¶ 2 has two mentions), the
    // rest counted, with a link to the list of them all on its page.
    assert!(
        page.contains("<a href=\"../../newer/index.html#t-ice\">1 more passage in this text</a>"),
        "{page}"
    );
    let newer = std::fs::read_to_string(out.join("newer/index.html")).unwrap();
    assert!(
        newer.contains("<li id=\"t-ice\">")
            && newer.contains("<span class=\"paras\">¶ <a href=\"#p-1\">1</a>, <a href=\"#p-2\">2</a>, <a href=\"#p-4\">4</a></span>"),
        "{newer}"
    );
    // 63 documents: a second page.
    assert!(out.join("topics/ice/page/2/index.html").is_file());
    assert_eq!(page.matches("<section class=\"passages\"").count(), 50);
}

/// A letter with more works than a page holds is cut into pieces, each
/// page of the index stays under the limit, every letter is linked from
/// every page, and each work's links point to the page that holds it.
#[test]
fn a_long_letter_of_the_citation_index_goes_on_over_pages() {
    let site = common::small_site();
    let mut notes = Vec::new();
    for n in 0..700 {
        notes.push(format!(
            "[^b{n}]: Baranov, A. {}. *Harbour Ledgers, Volume {n}*. Odessa: Quay Press.",
            1900 + n % 100
        ));
    }
    for n in 0..10 {
        notes.push(format!(
            "[^c{n}]: Cortez, M. {}. *Salt Roads, Part {n}*. Lisbon: Tide Books.",
            1950 + n
        ));
    }
    let marks: String = (0..700)
        .map(|n| format!(" Text[^b{n}]."))
        .chain((0..10).map(|n| format!(" More[^c{n}].")))
        .collect();
    common::write_doc(
        site.path(),
        "ledgers.md",
        "Ledgers",
        &[marks, notes.join("\n")],
    );
    let (_tmp, out, o) = common::build_site(site.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let read = |p: &str| std::fs::read_to_string(out.join(p)).unwrap();
    let first = read("citations/index.html");
    let second = read("citations/page/2/index.html");
    assert_eq!(first.matches("<li id=\"baranov-").count(), 600);
    assert!(first.contains("<h2 id=\"g-b\">B</h2>"), "{first}");
    assert!(
        second.contains("<h2 id=\"g-b-2\">B <span class=\"continued\">(continued)</span></h2>"),
        "{second}"
    );
    assert_eq!(second.matches("<li id=\"baranov-").count(), 100);
    assert_eq!(second.matches("<li id=\"cortez-").count(), 10);
    assert!(!out.join("citations/page/3").exists());
    for page in [&first, &second] {
        assert!(
            page.contains("<li><a href=\"../citations/index.html#g-b\">B</a></li>")
                || page.contains("<li><a href=\"../../../citations/index.html#g-b\">B</a></li>"),
            "{page}"
        );
        assert!(
            page.contains("citations/page/2/index.html#g-c\">C</a>"),
            "{page}"
        );
    }
    // The document's notes link to the page that holds each work.
    let doc = read("ledgers/index.html");
    let links: Vec<&str> = doc
        .match_indices("citations/")
        .map(|(at, _)| &doc[at..at + doc[at..].find('"').unwrap()])
        .filter(|l| l.contains("#baranov-") || l.contains("#cortez-"))
        .collect();
    assert!(links.len() >= 710, "{}", links.len());
    for l in links {
        let (page, id) = l.split_once('#').unwrap();
        let held = read(page);
        assert!(held.contains(&format!("<li id=\"{id}\"")), "{l}");
    }
}
