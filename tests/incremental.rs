//! Incremental builds through the library: a rebuild with the last build's
//! memo reuses what did not change, makes what did, and gives the same files
//! as a clean build.

mod common;

use common::{same_files, small_site};
use dossier::config::Overrides;
use dossier::Memo;

/// The paths `keep` selects whose bytes differ in `after` or are new there.
fn changed(
    before: &dossier::Built,
    after: &dossier::Built,
    keep: impl Fn(&str) -> bool,
) -> Vec<String> {
    let old: std::collections::HashMap<&str, &dossier::Contents> = before
        .files
        .iter()
        .filter(|f| keep(&f.path))
        .map(|f| (f.path.as_str(), &f.bytes))
        .collect();
    after
        .files
        .iter()
        .filter(|f| keep(&f.path) && old.get(f.path.as_str()) != Some(&&f.bytes))
        .map(|f| f.path.clone())
        .collect()
}

#[test]
fn a_rebuild_reuses_what_did_not_change_and_equals_a_clean_build() {
    let site = common::seed_copy();
    let root = site.path();
    let o = Overrides::default();
    let (first, memo) = dossier::build_incremental(root, &o, &Memo::new()).unwrap();
    let docs = first.documents;
    assert_eq!(memo.stats.documents_made, docs);
    assert_eq!(memo.stats.renders_reused, 0);
    // Kept pages are held packed, and read back as a clean build makes them.
    let packed = |b: &dossier::Built| {
        let pages = b.files.iter().filter(|f| f.path.ends_with(".html"));
        pages
            .filter(|f| matches!(f.bytes, dossier::Contents::Packed(_)))
            .count()
    };
    assert!(packed(&first) > docs, "{} packed pages", packed(&first));
    assert_eq!(packed(&dossier::build_in_memory(root, &o).unwrap()), 0);
    same_files(&first, &dossier::build_in_memory(root, &o).unwrap());

    // Nothing changed: everything is reused.
    let (again, memo) = dossier::build_incremental(root, &o, &memo).unwrap();
    assert_eq!(memo.stats.documents_reused, docs);
    assert_eq!(memo.stats.documents_made, 0);
    assert_eq!(memo.stats.renders_made, 0);
    same_files(&first, &again);

    // One document changed: it alone is prepared again; its page and the
    // pages that show it are rendered again, not every page.
    let doc = root.join("content/004_b84bfd1c39564207.txt");
    common::append_to(&doc, "\nA plain closing remark.\n");
    let (edited, memo) = dossier::build_incremental(root, &o, &memo).unwrap();
    assert_eq!(memo.stats.documents_made, 1);
    assert_eq!(memo.stats.documents_reused, docs - 1);
    assert!(memo.stats.renders_made >= 1);
    assert!(
        memo.stats.renders_made * 10 < memo.stats.renders_reused,
        "{:?}",
        memo.stats
    );
    same_files(&edited, &dossier::build_in_memory(root, &o).unwrap());

    // The topic map changed: every document is extracted again.
    common::add_arctic_alias(root, "High North");
    let (remapped, memo) = dossier::build_incremental(root, &o, &memo).unwrap();
    assert_eq!(memo.stats.documents_made, docs);
    same_files(&remapped, &dossier::build_in_memory(root, &o).unwrap());
}

#[test]
fn a_one_off_build_keeps_nothing() {
    let site = common::seed_copy();
    let (_, memo) =
        dossier::build_incremental(site.path(), &Overrides::default(), &Memo::default()).unwrap();
    assert!(!memo.active);
    assert!(memo.prepared.is_empty());
}

#[test]
fn an_added_paragraph_leaves_the_other_search_chunks_as_they_were() {
    let site = small_site();
    let root = site.path();
    for d in 0..30 {
        let paras: Vec<String> = (0..20)
            .map(|p| {
                format!(
                    "Paragraph {p} of document {d} about harbours and lighthouses in {}.",
                    1950 + p
                )
            })
            .collect();
        common::write_doc(
            root,
            &format!("doc-{d:02}.md"),
            &format!("Document {d}"),
            &paras,
        );
    }
    let o = Overrides::default();
    let (before, memo) = dossier::build_incremental(root, &o, &Memo::new()).unwrap();
    let doc = root.join("content/doc-00.md");
    common::append_to(&doc, "\nOne more paragraph about harbours.\n");
    let (after, _) = dossier::build_incremental(root, &o, &memo).unwrap();
    let is_chunk = |p: &str| p.starts_with("search/e/");
    let count = |b: &dossier::Built| b.files.iter().filter(|f| is_chunk(&f.path)).count();
    assert!(count(&before) >= 3, "{} chunks", count(&before));
    assert_eq!(count(&before), count(&after));
    assert_eq!(changed(&before, &after, is_chunk), vec!["search/e/0.js"]);
    // Only the shards of the new paragraph's words change (the document's
    // timeline entries take the last slots of its group and do not move).
    let shards = changed(&before, &after, |p| p.starts_with("search/t/"));
    assert!(!shards.is_empty() && shards.len() <= 4, "{shards:?}");
    same_files(&after, &dossier::build_in_memory(root, &o).unwrap());
}

#[test]
fn a_dated_paragraph_added_at_the_end_changes_only_the_shards_of_its_words() {
    let site = small_site();
    let root = site.path();
    // Words shared by every paragraph, one shard each, and a year in each
    // paragraph: if the new timeline entry moved the document's other
    // entries, the shards of all their words would change.
    let words = [
        "harbours",
        "lighthouses",
        "quays",
        "ropewalks",
        "jetties",
        "dunes",
    ];
    for d in 0..3 {
        let paras: Vec<String> = (0..12)
            .map(|p| {
                format!(
                    "In {} the {} and {} were mapped.",
                    1900 + p,
                    words[p % 6],
                    words[(p + 1) % 6]
                )
            })
            .collect();
        common::write_doc(
            root,
            &format!("doc-{d}.md"),
            &format!("Document {d}"),
            &paras,
        );
    }
    let o = Overrides::default();
    let (before, memo) = dossier::build_incremental(root, &o, &Memo::new()).unwrap();
    common::append_to(
        &root.join("content/doc-0.md"),
        "
In 1975 a new breakwater was built.
",
    );
    let (after, _) = dossier::build_incremental(root, &o, &memo).unwrap();
    let mut shards = changed(&before, &after, |p| p.starts_with("search/t/"));
    shards.sort();
    assert_eq!(
        shards,
        [
            "search/t/19.js",
            "search/t/br.js",
            "search/t/bu.js",
            "search/t/ne.js"
        ]
    );
    same_files(&after, &dossier::build_in_memory(root, &o).unwrap());
}

#[test]
fn settled_sources_are_not_read_again() {
    let site = common::seed_copy();
    let root = site.path();
    let o = Overrides::default();
    // Files changed within two seconds of a build are read again by the
    // next (their times cannot yet tell a later change apart).
    std::thread::sleep(std::time::Duration::from_millis(2100));
    let (first, memo) = dossier::build_incremental(root, &o, &Memo::new()).unwrap();
    assert_eq!(memo.stats.sources_read, first.documents);
    let (_, memo) = dossier::build_incremental(root, &o, &memo).unwrap();
    assert_eq!(memo.stats.sources_read, 0);
    assert_eq!(memo.stats.documents_reused, first.documents);
    // An edit is seen, even one that keeps the length and sets the
    // modification time back.
    let doc = root.join("content/004_b84bfd1c39564207.txt");
    let when = std::fs::metadata(&doc).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&doc).unwrap();
    let swapped = text.replacen("Russia", "RUSSIA", 1);
    assert_ne!(text, swapped);
    std::fs::write(&doc, &swapped).unwrap();
    let f = std::fs::File::options().write(true).open(&doc).unwrap();
    f.set_modified(when).unwrap();
    drop(f);
    let (edited, memo) = dossier::build_incremental(root, &o, &memo).unwrap();
    assert_eq!(memo.stats.sources_read, 1);
    assert_eq!(memo.stats.documents_made, 1);
    same_files(&edited, &dossier::build_in_memory(root, &o).unwrap());
    // A change to a settled document's sidecar is seen too.
    let side = root.join("content/003_3ff5e5d48cf0c671.meta.toml");
    common::append_to(&side, "title = \"A title from the sidecar\"\n");
    let (sidecar, memo) = dossier::build_incremental(root, &o, &memo).unwrap();
    // Read: that document, and the one edited just before (not settled).
    assert_eq!(memo.stats.sources_read, 2);
    same_files(&sidecar, &dossier::build_in_memory(root, &o).unwrap());
    assert!(sidecar
        .files
        .iter()
        .any(|f| String::from_utf8_lossy(&f.bytes.plain()).contains("A title from the sidecar")));
}

#[test]
fn a_date_added_to_one_document_leaves_the_other_documents_pages_alone() {
    let site = common::seed_copy();
    let root = site.path();
    let o = Overrides::default();
    let before = dossier::build_in_memory(root, &o).unwrap();
    let doc = root.join("content/004_b84bfd1c39564207.txt");
    common::append_to(
        &doc,
        "\nIn 1950 a treaty was signed, and in 1979 another.\n",
    );
    let after = dossier::build_in_memory(root, &o).unwrap();
    // Timeline entries are anchored by what and where they are, not by
    // their place in the timeline: links to them from the other documents
    // stay as they were.
    let changed = changed(&before, &after, |p| p.ends_with(".html"));
    let documents: Vec<&String> = changed
        .iter()
        .filter(|p| {
            ![
                "timeline/",
                "topics/",
                "citations/",
                "documents/",
                "graph/",
                "search/",
            ]
            .iter()
            .any(|k| p.starts_with(k))
                && p.as_str() != "index.html"
        })
        .collect();
    assert_eq!(documents.len(), 1, "{documents:?}");
    assert!(changed.iter().any(|p| p.starts_with("timeline/")));
}

#[test]
fn timeline_anchors_are_unique_and_name_their_year() {
    let site = common::seed_copy();
    let built = dossier::build_in_memory(site.path(), &Overrides::default()).unwrap();
    let mut anchors = Vec::new();
    for f in built
        .files
        .iter()
        .filter(|f| f.path.starts_with("timeline/"))
    {
        let html = String::from_utf8_lossy(&f.bytes.plain()).into_owned();
        // Entries are the list items with an id (`y1991-…`) on these pages.
        for part in html.split("<li id=\"").skip(1) {
            let id = &part[..part.find('"').unwrap()];
            anchors.push(id.to_string());
        }
    }
    assert!(anchors.len() >= 20, "{} entries", anchors.len());
    for a in &anchors {
        let (year, hash) = a[1..].split_once('-').unwrap();
        assert!(a.starts_with('y') && year.parse::<i32>().is_ok(), "{a}");
        assert_eq!(hash.len(), 6, "{a}");
    }
    let unique: std::collections::HashSet<&String> = anchors.iter().collect();
    assert_eq!(unique.len(), anchors.len());
}

/// Edits that change what other pages quote of a document but none of its
/// mentions, dates or citations: a word after a mention in its sentence, a
/// word in a dated sentence, a footnote's wording, a paragraph added
/// before the quoted ones (which moves their ids), documents added to a
/// sub-section (counted on the home page). Each rebuild equals a
/// clean build; in debug builds the quick keys of the pages found without
/// their context are checked against their full keys (see `render`).
#[test]
fn edits_to_quoted_text_reach_every_page_that_quotes_it() {
    let site = small_site();
    let root = site.path();
    std::fs::write(
        root.join("content/topics.toml"),
        "[topics.arctic]\ntitle = \"The Arctic\"\naliases = [\"Arctic\"]\n",
    )
    .unwrap();
    let doc = root.join("content/north.md");
    let text = "+++\ntitle = \"North\"\n+++\n\nThe Arctic route opened to ships.\n\nIn 1987 the talks began in a cold hall.\n\nA claim was made.[^1]\n\n[^1]: Ann Lee, \"Ice and Law,\" Polar Review 4, no. 2 (2001): 10-20.\n";
    std::fs::write(&doc, text).unwrap();
    std::fs::write(
        root.join("content/south.md"),
        "+++\ntitle = \"South\"\n+++\n\nThe Arctic is far from here.\n\nSee [north](north.md).\n",
    )
    .unwrap();
    let o = Overrides::default();
    let (_, mut memo) = dossier::build_incremental(root, &o, &Memo::new()).unwrap();
    // Each edit, and a page that must show it.
    let edits = [
        (
            "opened to ships",
            "closed to ships",
            "topics/arctic/index.html",
            "closed to ships",
        ),
        (
            "in a cold hall",
            "in a warm hall",
            "timeline/index.html",
            "warm hall",
        ),
        (
            "Ice and Law",
            "Ice and Order",
            "citations/index.html",
            "Ice and Order",
        ),
        (
            "+++\n\nThe Arctic",
            "+++\n\nA first word.\n\nThe Arctic",
            "topics/arctic/index.html",
            "¶ 2",
        ),
    ];
    for (from, to, page, shown) in edits {
        let now = std::fs::read_to_string(&doc).unwrap();
        assert!(now.contains(from), "{from}");
        std::fs::write(&doc, now.replace(from, to)).unwrap();
        let (edited, next) = dossier::build_incremental(root, &o, &memo).unwrap();
        memo = next;
        same_files(&edited, &dossier::build_in_memory(root, &o).unwrap());
        let file = edited.files.iter().find(|f| f.path == page).unwrap();
        assert!(
            String::from_utf8_lossy(&file.bytes.plain()).contains(shown),
            "{page} does not show {shown:?}"
        );
    }
    // A document added to a sub-section: the home page lists its count and
    // first documents.
    std::fs::create_dir_all(root.join("content/notes")).unwrap();
    std::fs::write(
        root.join("content/notes/_index.md"),
        "+++\ntitle = \"Notes\"\n+++\n",
    )
    .unwrap();
    for name in ["east", "west"] {
        let text = format!("+++\ntitle = \"{name}\"\n+++\n\nA note.\n");
        std::fs::write(root.join(format!("content/notes/{name}.md")), text).unwrap();
        let (edited, next) = dossier::build_incremental(root, &o, &memo).unwrap();
        memo = next;
        same_files(&edited, &dossier::build_in_memory(root, &o).unwrap());
    }
}

/// The overview of the timeline (the count and the density strip) is on
/// its first page only, so a date added to one year leaves the pages of the
/// other years as they were.
#[test]
fn a_date_added_leaves_the_other_timeline_pages_alone() {
    let site = small_site();
    let root = site.path();
    // Two years of 700 entries each: more than one page holds.
    for (name, year) in [("early", 1950), ("late", 1990)] {
        let text: String = (0..700)
            .map(|n| format!("In {year} the port moved {n} crates.\n\n"))
            .collect();
        std::fs::write(root.join(format!("content/{name}.md")), text).unwrap();
    }
    let o = Overrides::default();
    let (before, memo) = dossier::build_incremental(root, &o, &Memo::new()).unwrap();
    let pages = |b: &dossier::Built| {
        b.files
            .iter()
            .filter(|f| f.path.starts_with("timeline/"))
            .count()
    };
    assert!(pages(&before) >= 2, "{}", pages(&before));
    common::append_to(
        &root.join("content/early.md"),
        "\nIn 1950 one more crate came.\n",
    );
    let (after, memo) = dossier::build_incremental(root, &o, &memo).unwrap();
    same_files(&after, &dossier::build_in_memory(root, &o).unwrap());
    // Each decade holds more than a page: a page per year.
    let timeline = changed(&before, &after, |p| p.starts_with("timeline/"));
    assert_eq!(
        timeline,
        ["timeline/1950/index.html", "timeline/index.html"]
    );

    // A year in a decade not yet on the timeline: a page of its own, and
    // no other document's page changes (their entries keep their pages).
    std::fs::write(root.join("content/third.md"), "In 1995 one crate left.\n").unwrap();
    let (before, memo) = dossier::build_incremental(root, &o, &memo).unwrap();
    common::append_to(
        &root.join("content/early.md"),
        "\nIn 1931 the first crate came.\n",
    );
    let (after, memo) = dossier::build_incremental(root, &o, &memo).unwrap();
    same_files(&after, &dossier::build_in_memory(root, &o).unwrap());
    let pages = changed(&before, &after, |p| {
        p.ends_with("index.html") && !p.starts_with("timeline/") && !p.starts_with("search/")
    });
    assert_eq!(
        pages,
        [
            "documents/index.html",
            "in-1950-the-port-moved-0-crates/index.html"
        ]
    );
    let timeline = changed(&before, &after, |p| p.starts_with("timeline/"));
    assert!(
        timeline.iter().any(|p| p == "timeline/1930s/index.html"),
        "{timeline:?}"
    );
    // A year added to a decade the timeline has: its page and the
    // overview, no other.
    common::append_to(
        &root.join("content/third.md"),
        "\nIn 1935 two crates left.\n",
    );
    let (again, memo) = dossier::build_incremental(root, &o, &memo).unwrap();
    same_files(&again, &dossier::build_in_memory(root, &o).unwrap());
    // Made again: the document's page, the two timeline pages, the
    // document list and the exports; not the other years' pages (three).
    assert_eq!(memo.stats.renders_made, 7, "{:?}", memo.stats);
    let timeline = changed(&after, &again, |p| p.starts_with("timeline/"));
    assert_eq!(
        timeline,
        ["timeline/1930s/index.html", "timeline/index.html"]
    );
}

/// A document kept from the last build takes the URL its section now gives
/// it: when the one that held its slug goes, it moves into the slug.
#[test]
fn a_kept_document_moves_into_a_freed_slug() {
    let site = small_site();
    let root = site.path();
    for name in ["a", "b"] {
        let text = format!("+++\ntitle = \"Same\"\n+++\n\nText of {name}.\n");
        std::fs::write(root.join(format!("content/{name}.md")), text).unwrap();
    }
    let o = Overrides::default();
    let (before, memo) = dossier::build_incremental(root, &o, &Memo::new()).unwrap();
    let has = |b: &dossier::Built, path: &str| b.files.iter().any(|f| f.path == path);
    assert!(has(&before, "same/index.html") && has(&before, "same-2/index.html"));
    std::fs::remove_file(root.join("content/a.md")).unwrap();
    let (after, memo) = dossier::build_incremental(root, &o, &memo).unwrap();
    assert_eq!(memo.stats.documents_reused, 1);
    same_files(&after, &dossier::build_in_memory(root, &o).unwrap());
    assert!(has(&after, "same/index.html") && !has(&after, "same-2/index.html"));
}

#[test]
fn topic_mentions_added_update_related_documents_as_a_clean_build_makes_them() {
    let site = common::seed_copy();
    let root = site.path();
    let o = Overrides::default();
    let (_, mut memo) = dossier::build_incremental(root, &o, &Memo::new()).unwrap();
    // Mentions added to one document, then more: the counts of shared
    // topics change, and with them who is related to whom. (Debug builds
    // also compare the updated related documents with ones made anew.)
    for text in [
        "\nThe Arctic and the Northern Sea Route matter to Japan and India.\n",
        "\nPutin and Xi Jinping spoke of the Arctic, of Japan, of India, of oil and of gas.\n",
    ] {
        common::append_to(&root.join("content/002_794c0a4fc5707acb.txt"), text);
        let (built, next) = dossier::build_incremental(root, &o, &memo).unwrap();
        same_files(&built, &dossier::build_in_memory(root, &o).unwrap());
        memo = next;
    }
}

#[test]
fn related_documents_follow_count_changes_beyond_each_topics_first_forty() {
    // Sixty documents mention two topics, most of them both, with
    // different counts:
    // each topic's forty most-mentioning documents are its candidates, so
    // a count that changes outside them reaches no other document's
    // related list, and one that enters them does. Debug builds compare
    // every update of the related documents with ones made anew.
    let site = small_site();
    let root = site.path();
    std::fs::write(
        root.join("content/topics.toml"),
        "[topics.ice]\ntitle = \"Ice\"\naliases = [\"glacier\"]\n\n\
         [topics.salt]\ntitle = \"Salt\"\naliases = [\"brine\"]\n\n\
         [topics.wind]\ntitle = \"Wind\"\naliases = [\"gale\"]\n",
    )
    .unwrap();
    for n in 0..60 {
        // Not every document mentions each topic (a topic that all of them
        // mention relates none).
        let glaciers = if n % 6 == 0 {
            String::from("Nothing cold.")
        } else {
            "A glacier. ".repeat(1 + n % 7)
        };
        let brine = if n % 4 == 0 {
            String::from("Nothing salty.")
        } else {
            "Some brine. ".repeat(1 + n % 5)
        };
        // Wind: every document but one, once each.
        let gale = if n == 55 { "Calm." } else { "A gale." };
        std::fs::write(
            root.join(format!("content/d{n:02}.md")),
            format!("+++\ntitle = \"Doc {n:02}\"\n+++\n\n{glaciers}\n\n{brine}\n\n{gale}\n"),
        )
        .unwrap();
    }
    let o = Overrides::default();
    let (_, mut memo) = dossier::build_incremental(root, &o, &Memo::new()).unwrap();
    for (doc, text) in [
        // A low count one higher: still outside the first forty.
        ("d07.md", "\nOne more glacier.\n"),
        // Into the first forty.
        ("d07.md", &"\nA glacier again.".repeat(8)),
        // Topics the document did not mention (their document frequency
        // changes): ice, and wind, which then every document mentions
        // (it stops relating any), from outside its first forty.
        ("d06.md", "\nA glacier, at last. And a glacier.\n"),
        ("d55.md", "\nA gale.\n"),
    ] {
        common::append_to(&root.join("content").join(doc), text);
        let (built, next) = dossier::build_incremental(root, &o, &memo).unwrap();
        same_files(&built, &dossier::build_in_memory(root, &o).unwrap());
        memo = next;
    }
    // Out of the first forty again.
    let d07 = root.join("content/d07.md");
    let text = std::fs::read_to_string(&d07).unwrap();
    std::fs::write(&d07, text.replace("\nA glacier again.", "")).unwrap();
    let (built, _) = dossier::build_incremental(root, &o, &memo).unwrap();
    same_files(&built, &dossier::build_in_memory(root, &o).unwrap());
}

#[test]
fn a_timeline_with_a_clash_of_anchors_is_updated_as_built() {
    // The same dated sentence twice in one paragraph: the two entries are
    // the same by what and where they are, and their anchors clash
    // (`-2`). Edits to that document and to another keep the timeline as
    // a build makes it (debug builds compare each update with a build).
    let site = small_site();
    let root = site.path();
    let twice = "+++\ntitle = \"Twice\"\n+++\n\nIn 1977 it rained. In 1977 it rained.\n";
    std::fs::write(root.join("content/twice.md"), twice).unwrap();
    std::fs::write(
        root.join("content/other.md"),
        "+++\ntitle = \"Other\"\n+++\n\nIn 1977 the talks began.\n",
    )
    .unwrap();
    let o = Overrides::default();
    let (first, mut memo) = dossier::build_incremental(root, &o, &Memo::new()).unwrap();
    let timeline = |b: &dossier::Built| {
        let f = b.files.iter().find(|f| f.path == "timeline/index.html");
        String::from_utf8_lossy(&f.unwrap().bytes.plain()).into_owned()
    };
    assert!(timeline(&first).contains("-2\""), "the anchors clash");
    for (doc, text) in [
        ("twice.md", "\nIn 1980 it snowed.\n"),
        ("other.md", "\nIn 1981 they ended.\n"),
        ("twice.md", "\nIn 1977 it rained.\n"),
    ] {
        common::append_to(&root.join("content").join(doc), text);
        let (built, next) = dossier::build_incremental(root, &o, &memo).unwrap();
        same_files(&built, &dossier::build_in_memory(root, &o).unwrap());
        memo = next;
    }
}

#[test]
fn an_edited_bibliography_reaches_every_citing_text_as_a_clean_build_makes_it() {
    let site = tempfile::tempdir().unwrap();
    let root = site.path();
    common::copy_dir(&common::repo().join("tests/fixtures/bibliography"), root);
    std::fs::remove_dir_all(root.join("expected")).ok();
    let o = Overrides::default();
    let (first, memo) = dossier::build_incremental(root, &o, &Memo::new()).unwrap();
    // An entry's title corrected in the reference manager's export.
    let bib = root.join("library.bib");
    let text = std::fs::read_to_string(&bib).unwrap();
    std::fs::write(
        &bib,
        text.replace("Dams as Diplomacy", "Dams as Statecraft"),
    )
    .unwrap();
    let (edited, memo) = dossier::build_incremental(root, &o, &memo).unwrap();
    assert_eq!(memo.stats.documents_made, first.documents);
    let page = edited
        .files
        .iter()
        .find(|f| f.path == "allocation-on-shared-rivers/index.html")
        .unwrap();
    assert!(String::from_utf8_lossy(&page.bytes.plain()).contains("Dams as Statecraft"));
    same_files(&edited, &dossier::build_in_memory(root, &o).unwrap());
    // Another style: every citation is written again.
    let config = root.join("config.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, text.replace("\"apa\"", "\"ieee\"")).unwrap();
    let (restyled, _) = dossier::build_incremental(root, &o, &memo).unwrap();
    same_files(&restyled, &dossier::build_in_memory(root, &o).unwrap());
}

/// Edits that change where wiki links lead, each rebuilt from the last
/// build's memo: the result is what a clean build makes.
#[test]
fn wiki_links_follow_edits_as_a_clean_build_makes_them() {
    let site = tempfile::tempdir().unwrap();
    let root = site.path();
    common::copy_dir(&common::repo().join("tests/fixtures/obsidian-vault"), root);
    std::fs::remove_dir_all(root.join("expected")).ok();
    let o = Overrides::default();
    let (_, mut memo) = dossier::build_incremental(root, &o, &Memo::new()).unwrap();
    let split = root.join("content/Sino-Soviet Split.md");
    let zhenbao = root.join("content/Zhenbao Island.md");
    let edits: Vec<Box<dyn Fn()>> = vec![
        // A note that a dangling link names appears.
        Box::new(|| {
            std::fs::write(
                root.join("content/Secret Speech.md"),
                "Delivered on 25 February 1956.\n",
            )
            .unwrap()
        }),
        // An alias another note links by is renamed.
        Box::new(|| {
            let t = std::fs::read_to_string(&split).unwrap();
            std::fs::write(&split, t.replace("The Split", "The Rupture")).unwrap();
        }),
        // A heading a link names is renamed, and a link added in a note.
        Box::new(|| {
            let t = std::fs::read_to_string(&zhenbao).unwrap();
            let t = t.replace("## Afterwards", "## After the clashes");
            std::fs::write(&zhenbao, format!("{t}\nSee also [[Secret Speech]].\n")).unwrap();
        }),
        // The note the dangling link named goes again.
        Box::new(|| std::fs::remove_file(root.join("content/Secret Speech.md")).unwrap()),
    ];
    for edit in edits {
        edit();
        let (built, next) = dossier::build_incremental(root, &o, &memo).unwrap();
        same_files(&built, &dossier::build_in_memory(root, &o).unwrap());
        memo = next;
    }
}
