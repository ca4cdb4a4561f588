//! A bibliography the author brings (`tests/fixtures/bibliography`: a
//! BibLaTeX and a CSL-JSON export, texts citing them as Pandoc does):
//! citations formatted by the CSL style and linked to their entries, the
//! works exact in the citation index and merged with the same work cited
//! by hand, problems reported with file and line, and the `.bib` export
//! read back as a bibliography giving the same works.

mod common;

use common::{file, main_of};
use dossier::config::Overrides;
use serde_json::Value;
use std::path::Path;

fn fixture() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bibliography")
}

fn works(b: &dossier::Built) -> Vec<Value> {
    file(b, "data/citations.json")
        .lines()
        .filter_map(|l| serde_json::from_str(l.trim_end_matches(',')).ok())
        .collect()
}

fn work<'a>(works: &'a [Value], title_start: &str) -> &'a Value {
    works
        .iter()
        .find(|w| {
            w["title"]
                .as_str()
                .is_some_and(|t| t.starts_with(title_start))
        })
        .unwrap_or_else(|| panic!("no work {title_start}: {works:#?}"))
}

#[test]
fn author_date_citations_link_to_a_reference_list() {
    let b = dossier::build_in_memory(&fixture(), &Overrides::default()).unwrap();
    let page = main_of(&b, "allocation-on-shared-rivers");
    // Each work of a group is its own link, previewed.
    for text in [
        ">Harrow, 1998, pp. 12–19</a>",
        ">Okafor et al., 2011, p. 4</a>",
        ">United Nations Environment Programme, 2016</a>",
        ">Ibe &amp; Marsh (2021, p. 215)</a>",
    ] {
        assert!(page.contains(text), "{text} in {page}");
    }
    assert!(page.contains("(see <a class=\"cite-ref\""), "{page}");
    assert!(
        page.contains("A later study (<a class=\"cite-ref\""),
        "{page}"
    );
    // The list under its heading, one entry per cited work.
    assert!(page.contains(">References</h2>"), "{page}");
    assert_eq!(page.matches("In the citation index").count(), 7, "{page}");
    // An unknown key is shown as written and reported with its line.
    assert!(page.contains("[@missing_2030]"));
    let said = |needle: &str| {
        b.diagnostics
            .iter()
            .find(|d| d.message.contains(needle))
            .unwrap_or_else(|| panic!("no diagnostic about {needle}: {:?}", b.diagnostics))
    };
    let missing = said("missing_2030");
    assert!(missing.path.ends_with("allocation.md"));
    assert_eq!(missing.line, 14);
    // The broken entry costs only itself, reported at its line.
    let broken = said("broken_entry_2020");
    assert!(broken.path.ends_with("library.bib"));
    assert_eq!(broken.line, 43);
    // Years in citations date works: not on the timeline.
    let timeline = serde_json::to_string(&common::timeline_built(&b)).unwrap();
    assert!(timeline.contains("1960") && timeline.contains("2014"));
    for year in ["1998", "2011", "2016", "2021"] {
        assert!(
            !timeline.contains(&format!("\"{year}")),
            "{year} on the timeline"
        );
    }
}

#[test]
fn works_come_from_the_bibliography_exactly() {
    let b = dossier::build_in_memory(&fixture(), &Overrides::default()).unwrap();
    let works = works(&b);
    assert_eq!(works.len(), 6, "{works:#?}");
    let okafor = work(&works, "Basin Commissions");
    assert_eq!(okafor["author"][1]["family"], "de la Cruz");
    assert_eq!(okafor["container-title"], "Water Resources Research");
    assert_eq!(
        okafor["issued"]["date-parts"][0],
        serde_json::json!([2011, 9, 14])
    );
    assert_eq!(
        (okafor["volume"].as_str(), okafor["issue"].as_str()),
        (Some("47"), Some("9"))
    );
    // The same article, cited by hand in the other text, is one work.
    let places = okafor["custom"]["cited-in"].as_array().unwrap();
    assert_eq!(places.len(), 2, "{places:?}");
    assert!(places
        .iter()
        .any(|p| p["doc"] == "a-delta-after-the-storm/"));
    let chapter = work(&works, "Dams as Diplomacy");
    assert_eq!(chapter["type"], "chapter");
    assert_eq!(
        chapter["container-title"],
        "The Handbook of Transboundary Water"
    );
    let thesis = work(&works, "Delta Governance");
    assert_eq!(thesis["author"][0]["family"], "van Rijn");
    assert_eq!(thesis["type"], "thesis");
    let news = work(&works, "Mekong nations");
    assert_eq!(news["type"], "article-newspaper");
    assert_eq!(news["container-title"], "The Straits Courier");
    // A citation inside a note counts for that note.
    let harrow = work(&works, "Upstream, Downstream");
    assert!(harrow["custom"]["cited-in"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["note"] == "fn-1"));
}

#[test]
fn a_note_style_makes_footnotes() {
    let tmp = tempfile::tempdir().unwrap();
    common::copy_dir(&fixture(), tmp.path());
    let config = tmp.path().join("config.toml");
    let text = std::fs::read_to_string(&config).unwrap().replace(
        "citation_style = \"apa\"",
        "citation_style = \"chicago-notes\"",
    );
    std::fs::write(&config, text).unwrap();
    let b = dossier::build_in_memory(tmp.path(), &Overrides::default()).unwrap();
    let page = main_of(&b, "allocation-on-shared-rivers");
    assert!(!page.contains(">References</h2>"), "{page}");
    // Six citations in the text become notes after the user's own one.
    assert!(page.matches("role=\"doc-noteref\"").count() >= 6, "{page}");
    assert!(
        page.contains("Ellen Harrow, <em>Upstream, Downstream"),
        "{page}"
    );
    // The narrative citation names its authors in the sentence.
    assert!(page.contains("Ibe and Marsh<sup"), "{page}");
    let works = works(&b);
    assert_eq!(works.len(), 6);
    let okafor = work(&works, "Basin Commissions");
    assert!(okafor["custom"]["cited-in"][0]["note"]
        .as_str()
        .unwrap()
        .starts_with("fn-cite-"));
}

#[test]
fn the_bib_export_reads_back_as_the_same_works() {
    let first = dossier::build_in_memory(&fixture(), &Overrides::default()).unwrap();
    let exported = file(&first, "data/citations.bib");
    let before = works(&first);
    // A site whose bibliography is the export, citing every work by its id.
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("content")).unwrap();
    std::fs::write(tmp.path().join("refs.bib"), exported).unwrap();
    std::fs::write(
        tmp.path().join("config.toml"),
        "title = \"Round trip\"\nbibliography = \"refs.bib\"\n",
    )
    .unwrap();
    let ids: Vec<String> = before
        .iter()
        .map(|w| format!("@{}", w["id"].as_str().unwrap()))
        .collect();
    std::fs::write(
        tmp.path().join("content/all.md"),
        format!("Everything [{}].\n", ids.join("; ")),
    )
    .unwrap();
    let second = dossier::build_in_memory(tmp.path(), &Overrides::default()).unwrap();
    assert!(
        !second
            .diagnostics
            .iter()
            .any(|d| d.message.contains("bibliography")),
        "{:?}",
        second.diagnostics
    );
    let after = works(&second);
    assert_eq!(after.len(), before.len());
    for (a, b) in before.iter().zip(&after) {
        for field in [
            "title",
            "author",
            "issued",
            "container-title",
            "DOI",
            "URL",
            "volume",
            "issue",
            "page",
            "type",
        ] {
            assert_eq!(a[field], b[field], "{field} of {}", a["id"]);
        }
    }
}

/// A book's chapters, each naming its bibliography in front matter as
/// Pandoc reads it (closed by `---` or by YAML's `...`): one shared `.bib`
/// at the site's top, a CSL YAML file beside a chapter, entries written
/// in the front matter itself.
fn chapters_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("content/book")).unwrap();
    std::fs::write(
        root.join("config.toml"),
        "title = \"A book\"\nbase_url = \"https://example.org/\"\ncitation_style = \"apa\"\n",
    )
    .unwrap();
    std::fs::write(
        root.join("refs.bib"),
        "@book{marsh2004,\n  author = {Marsh, Ellen},\n  title = {Salt and Silt},\n  publisher = {Harbour Press},\n  year = {2004}\n}\n@article{ibe2011,\n  author = {Ibe, Chidi},\n  title = {Dredging the Delta},\n  journal = {Coastal Review},\n  volume = {9},\n  pages = {10--31},\n  year = {2011}\n}\n",
    )
    .unwrap();
    std::fs::write(
        root.join("content/book/sources.yaml"),
        "references:\n- id: port1887\n  type: report\n  title: Annual Report of the Port Board\n  author:\n  - literal: Port Board\n  issued:\n    date-parts:\n    - - 1887\n",
    )
    .unwrap();
    std::fs::write(
        root.join("content/book/one.md"),
        "---\ntitle: Silt\nbibliography: [../../refs.bib, sources.yaml]\n...\n\nThe channel silted up by 1890 [@marsh2004, p. 12; @port1887].\n\nDredging began again later [@ibe2011].\n",
    )
    .unwrap();
    std::fs::write(
        root.join("content/book/two.md"),
        "---\ntitle: Tides\nbibliography: refs.bib\nreferences:\n- id: tide1920\n  type: book\n  title: Tide Tables\n  author:\n  - family: Stone\n    given: Ada\n  issued:\n    date-parts: [[1920]]\n---\n\nAs @marsh2004 shows, the tides were charted in 1921 [@tide1920].\n\nAn unknown work [@nobody2000].\n",
    )
    .unwrap();
    std::fs::write(
        root.join("content/book/three.md"),
        "---\ntitle: Elsewhere\nbibliography: /etc/hostname.bib\n---\n\nNo bibliography here [@marsh2004].\n",
    )
    .unwrap();
    dir
}

#[test]
fn texts_name_their_own_bibliographies_in_front_matter() {
    let site = chapters_site();
    let b = dossier::build_in_memory(site.path(), &Overrides::default()).unwrap();
    let one = main_of(&b, "book/silt");
    for text in [
        ">Marsh, 2004, p. 12</a>",
        ">Port Board, 1887</a>",
        ">Ibe, 2011</a>",
    ] {
        assert!(one.contains(text), "{text} in {one}");
    }
    assert!(one.contains(">References</h2>"), "{one}");
    let two = main_of(&b, "book/tides");
    assert!(two.contains(">Marsh (2004)</a>"), "{two}");
    assert!(two.contains(">Stone, 1920</a>"), "{two}");
    // Outside the site's folder: not read, the citation as written.
    let three = main_of(&b, "book/elsewhere");
    assert!(three.contains("[@marsh2004]"), "{three}");
    let told = |needle: &str| {
        b.diagnostics
            .iter()
            .filter(|d| d.message.contains(needle))
            .map(|d| d.path.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        told("no entry `nobody2000`").len(),
        1,
        "{:?}",
        b.diagnostics
    );
    let outside = told("/etc/hostname.bib");
    assert!(
        outside.len() == 1 && outside[0].ends_with("three.md"),
        "{outside:?}"
    );
    // The works reach the citation index, cited by both chapters once.
    let all = works(&b);
    let marsh = work(&all, "Salt and Silt");
    assert_eq!(
        marsh["custom"]["cited-in"].as_array().map(Vec::len),
        Some(2),
        "{marsh}"
    );
    work(&all, "Annual Report of the Port Board");
    work(&all, "Tide Tables");
}

#[test]
fn an_edited_bibliography_remakes_the_texts_that_name_it() {
    let site = chapters_site();
    let root = site.path();
    let o = Overrides::default();
    let (first, memo) = dossier::build_incremental(root, &o, &dossier::Memo::new()).unwrap();
    assert!(main_of(&first, "book/silt").contains(">Marsh, 2004, p. 12</a>"));
    // Only the bibliography changes: the year of one entry.
    let bib = std::fs::read_to_string(root.join("refs.bib")).unwrap();
    std::fs::write(
        root.join("refs.bib"),
        bib.replace("year = {2004}", "year = {2005}"),
    )
    .unwrap();
    let (second, memo) = dossier::build_incremental(root, &o, &memo).unwrap();
    assert!(main_of(&second, "book/silt").contains(">Marsh, 2005, p. 12</a>"));
    assert!(main_of(&second, "book/tides").contains(">Marsh (2005)</a>"));
    // The text that names no readable file was not made again.
    assert_eq!(memo.stats.documents_made, 2, "{:?}", memo.stats);
    let clean = dossier::build_in_memory(root, &o).unwrap();
    common::same_files(&second, &clean);
}
