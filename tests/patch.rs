//! Patches (`dossier::session::patch`): edits to documents' texts that change
//! nothing other pages show are patched into the last build, and give the
//! files a clean build gives; every other change is declined, with the
//! memo given back whole for a whole build.

mod common;

use common::{same_files, small_site};
use dossier::config::Overrides;
use dossier::session::patch::{patch, Outcome};
use dossier::Memo;
use std::path::{Path, PathBuf};

const DOC: &str = "content/004_b84bfd1c39564207.txt";

fn first_build(root: &Path) -> Memo {
    dossier::build_incremental(root, &Overrides::default(), &Memo::new())
        .unwrap()
        .1
}

fn clean(root: &Path) -> dossier::Built {
    dossier::build_in_memory(root, &Overrides::default()).unwrap()
}

/// The path as the watcher gives it: canonical.
fn watched(root: &Path, rel: &str) -> Vec<PathBuf> {
    vec![root.join(rel).canonicalize().unwrap()]
}

fn patched(memo: Memo, changed: &[PathBuf]) -> (dossier::Built, Memo) {
    match patch(memo, changed) {
        Outcome::Patched(made) => *made,
        Outcome::Declined(_, why) => panic!("declined: {why}"),
    }
}

/// Replaces the first `from` in the text at `doc` with `to`.
fn replace_in(doc: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(doc).unwrap();
    let edited = text.replacen(from, to, 1);
    assert_ne!(text, edited, "{from} is in {}", doc.display());
    std::fs::write(doc, edited).unwrap();
}

fn declined(memo: Memo, changed: &[PathBuf]) -> (Memo, &'static str) {
    match patch(memo, changed) {
        Outcome::Patched(_) => panic!("patched"),
        Outcome::Declined(memo, why) => (*memo, why),
    }
}

#[test]
fn plain_edits_are_patched_and_equal_clean_builds() {
    let site = common::seed_copy();
    let root = site.path();
    let memo = first_build(root);
    let docs = clean(root).documents;

    common::append_to(
        &root.join(DOC),
        "\nA plain closing remark about the archive.\n",
    );
    let (built, memo) = patched(memo, &watched(root, DOC));
    same_files(&built, &clean(root));
    assert_eq!(memo.stats.documents_made, 1);
    assert_eq!(memo.stats.documents_reused, docs - 1);
    // It names what it made: the page, listings, search files; not the
    // other documents' pages or the knowledge pages.
    let made = built.patched.clone().unwrap();
    assert!(made
        .iter()
        .any(|p| p == "russia-and-china-oppose-the-globe/index.html"));
    assert!(made.iter().any(|p| p == "documents/index.html"));
    assert!(made.iter().any(|p| p.starts_with("search/t/")));
    assert!(!made
        .iter()
        .any(|p| p.starts_with("timeline/") || p.starts_with("topics/")));
    assert!(made.len() < 20, "{made:?}");

    // A patch on a patch, then a whole build from the patched memo.
    common::append_to(&root.join(DOC), "\nAnother plain remark.\n");
    let (built, memo) = patched(memo, &watched(root, DOC));
    same_files(&built, &clean(root));
    common::append_to(&root.join(DOC), "\nIn 1977 a remark with a year.\n");
    let (memo, _) = declined(memo, &watched(root, DOC));
    let (built, _) = dossier::build_incremental(root, &Overrides::default(), &memo).unwrap();
    same_files(&built, &clean(root));
}

#[test]
fn an_edit_inside_passages_is_patched_and_their_topic_pages_follow() {
    let site = common::seed_copy();
    let root = site.path();
    let memo = first_build(root);
    // A word added before a mention: the paragraph still mentions the same
    // topics as often, but its text and the mentions' places change.
    replace_in(
        &root.join(DOC),
        "gained political support",
        "gained strong political support",
    );
    let (built, _) = patched(memo, &watched(root, DOC));
    same_files(&built, &clean(root));
    let made = built.patched.unwrap();
    let topic_pages: Vec<&String> = made.iter().filter(|p| p.starts_with("topics/")).collect();
    assert!(!topic_pages.is_empty(), "{made:?}");
    // Only the pages of the topics that paragraph mentions.
    assert!(topic_pages.len() < 6, "{topic_pages:?}");
}

#[test]
fn an_edit_before_a_dated_sentence_in_its_paragraph_is_patched() {
    let site = common::seed_copy();
    let root = site.path();
    let memo = first_build(root);
    // The paragraph's next sentence is dated (`… in 2021.`): the edit moves
    // it within the paragraph, but the timeline shows the same sentence.
    replace_in(
        &root.join(DOC),
        "lends its backing",
        "lends its full backing",
    );
    let (built, _) = patched(memo, &watched(root, DOC));
    same_files(&built, &clean(root));
    let made = built.patched.unwrap();
    assert!(!made.iter().any(|p| p.starts_with("timeline/")), "{made:?}");
}

#[test]
fn a_patch_that_moves_search_ids_in_its_block_equals_a_clean_build() {
    let site = common::seed_copy();
    let root = site.path();
    let memo = first_build(root);
    // Forty paragraphs outgrow the document's padding in the search
    // index: the groups after it in its block move.
    let first = "content/000_f13687132f4ba417.txt";
    let more: String = (0..40)
        .map(|i| format!("\nParagraph number {i} of the archive notes.\n"))
        .collect();
    common::append_to(&root.join(first), &more);
    let (built, memo) = patched(memo, &watched(root, first));
    same_files(&built, &clean(root));
    // And back: the paragraphs removed.
    let text = std::fs::read_to_string(root.join(first)).unwrap();
    std::fs::write(root.join(first), text.replace(&more, "")).unwrap();
    let (built, _) = patched(memo, &watched(root, first));
    same_files(&built, &clean(root));
}

/// What is changed, the file changed, and the change.
type Case = (&'static str, &'static str, fn(&Path));

#[test]
fn changes_other_pages_show_are_declined_and_the_memo_still_builds() {
    let site = common::seed_copy();
    let root = site.path();
    let mut memo = first_build(root);
    const SIDECAR: &str = "content/004_b84bfd1c39564207.meta.toml";
    let cases: [Case; 3] = [
        ("a date", DOC, |r| {
            common::append_to(&r.join(DOC), "\nIn 1977 the talks resumed.\n")
        }),
        ("a topic mention", DOC, |r| {
            common::append_to(&r.join(DOC), "\nRussia and China met again.\n")
        }),
        ("a title in the sidecar", SIDECAR, |r| {
            let text = std::fs::read_to_string(r.join(SIDECAR)).unwrap();
            std::fs::write(r.join(SIDECAR), format!("title = \"Retitled\"\n{text}")).unwrap();
        }),
    ];
    for (what, path, edit) in cases {
        edit(root);
        let (back, why) = declined(memo, &watched(root, path));
        assert!(!why.is_empty(), "{what}");
        let (built, next) = dossier::build_incremental(root, &Overrides::default(), &back).unwrap();
        same_files(&built, &clean(root));
        memo = next;
    }
    // A new document, and a file outside the content folder.
    std::fs::write(
        root.join("content/new.md"),
        "+++\ntitle = \"New\"\n+++\n\nText.\n",
    )
    .unwrap();
    let (memo, why) = declined(memo, &watched(root, "content/new.md"));
    assert_eq!(why, "a document was added");
    let (memo, _) = declined(memo, &watched(root, "config.toml"));
    // Nothing is patched from a memo that keeps nothing.
    let (_, why) = declined(Memo::default(), &watched(root, DOC));
    assert_eq!(why, "results are not kept");
    drop(memo);
}

#[test]
fn a_whole_build_trusts_the_watchers_list_of_changes() {
    let site = common::seed_copy();
    let root = site.path();
    let memo = first_build(root);
    // A date: declined, then built whole. The seeds were copied just now,
    // so by their stamps alone every one would be read again; told what
    // changed, the build reads that one.
    common::append_to(&root.join(DOC), "\nIn 1977 the talks resumed.\n");
    let (mut memo, _) = declined(memo, &watched(root, DOC));
    memo.trust_changes(&watched(root, DOC));
    let (built, memo) = dossier::build_incremental(root, &Overrides::default(), &memo).unwrap();
    assert_eq!(memo.stats.sources_read, 1);
    same_files(&built, &clean(root));
    // A sidecar named: its document is read again.
    let side = "content/004_b84bfd1c39564207.meta.toml";
    let text = std::fs::read_to_string(root.join(side)).unwrap();
    std::fs::write(root.join(side), format!("title = \"Retitled\"\n{text}")).unwrap();
    let mut memo = memo;
    memo.trust_changes(&watched(root, side));
    let (built, memo) = dossier::build_incremental(root, &Overrides::default(), &memo).unwrap();
    assert_eq!(memo.stats.sources_read, 1);
    same_files(&built, &clean(root));
    // The memo a build hands on trusts nothing until told.
    assert!(memo.changed.is_none());
}

#[test]
fn a_patch_remakes_the_listing_page_of_its_document_in_a_paginated_section() {
    let site = small_site();
    let root = site.path();
    std::fs::create_dir_all(root.join("content/notes")).unwrap();
    std::fs::write(
        root.join("content/notes/_index.md"),
        "+++\ntitle = \"Notes\"\nsort_by = \"title\"\npaginate_by = 2\n+++\n",
    )
    .unwrap();
    for n in 1..=5 {
        std::fs::write(
            root.join(format!("content/notes/n{n}.md")),
            format!("+++\ntitle = \"Note {n}\"\n+++\n\nThe text of note {n}.\n"),
        )
        .unwrap();
    }
    let memo = first_build(root);
    // Note 4 is on the second page of three; its word count changes.
    let rel = "content/notes/n4.md";
    common::append_to(&root.join(rel), "\nA few more words for the fourth note.\n");
    let (built, _) = patched(memo, &watched(root, rel));
    same_files(&built, &clean(root));
    let made = built.patched.unwrap();
    assert!(
        made.iter().any(|p| p == "notes/page/2/index.html"),
        "{made:?}"
    );
    assert!(
        !made.iter().any(|p| p == "notes/page/3/index.html"),
        "{made:?}"
    );
}

#[test]
fn two_documents_edited_at_once_are_patched_together() {
    let site = common::seed_copy();
    let root = site.path();
    let memo = first_build(root);
    let other = "content/000_f13687132f4ba417.txt";
    common::append_to(&root.join(DOC), "\nA remark on the first of two files.\n");
    common::append_to(
        &root.join(other),
        "\nA remark on the second of two files.\n",
    );
    let mut changed = watched(root, DOC);
    changed.extend(watched(root, other));
    let (built, memo) = patched(memo, &changed);
    assert_eq!(memo.stats.documents_made, 2);
    same_files(&built, &clean(root));
}
