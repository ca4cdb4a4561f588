//! Papers as PDF converters give them (`tests/fixtures/converters`, three
//! texts written in three converters' styles): notes moved out of the
//! text and linked, cut paragraphs whole again, converter artefacts gone,
//! reference lists turned into works of the citation index, in-text
//! citations linked to their entries, and the paper's own metadata read.

mod common;

use common::{file, main_of as page};
use dossier::config::Overrides;
use serde_json::Value;
use std::path::Path;

fn built() -> dossier::Built {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/converters");
    dossier::build_in_memory(&root, &Overrides::default()).unwrap()
}

#[test]
fn notes_leave_the_text_and_link_to_their_markers() {
    let b = built();
    let grid = page(&b, "reserve-sharing-between-neighbouring-power-grids");
    // Two numbered notes, each referenced once; the corresponding-author
    // note is the author note.
    assert_eq!(grid.matches("role=\"doc-noteref\"").count(), 2, "{grid}");
    assert!(grid.contains("id=\"author-note\""));
    // The sentence the page end cut is whole, with no running head in it.
    assert!(
        grid.contains("which leaves eleven of the twelve pairs"),
        "{grid}"
    );
    assert!(!grid.contains("Conference on Grid Operation"), "{grid}");
    assert!(
        !grid.contains("page-"),
        "converter anchors stay off the page"
    );
    let river = page(&b, "water-allocation-rules-in-transboundary-river-treaties");
    assert!(
        river.contains("Yet most treaties still name fixed volumes"),
        "{river}"
    );
    assert!(!river.contains("$^{"), "{river}");
    let port = page(&b, "dwell-times-in-inland-container-ports");
    assert!(!port.contains("MISSING_PAGE"), "{port}");
    assert!(!port.contains("Footnote 1:"), "{port}");
    assert!(
        port.contains("sea terminals<sup><a href=\"#fn-1\""),
        "{port}"
    );
}

#[test]
fn reference_lists_become_works_and_citations_link_to_them() {
    let b = built();
    let works: Value = serde_json::from_str(&file(&b, "data/citations.json")).unwrap();
    let works = works.as_array().unwrap();
    assert_eq!(works.len(), 11);
    let by_title = |t: &str| {
        works
            .iter()
            .find(|w| w["title"] == t)
            .unwrap_or_else(|| panic!("no work {t}"))
    };
    let keller = by_title("Pooling Reserves Across Borders");
    assert_eq!(keller["author"][0]["family"], "Keller");
    assert_eq!(keller["issued"]["date-parts"][0][0], 2010);
    assert_eq!(keller["container-title"], "Journal of Grid Operation");
    assert_eq!(keller["custom"]["cited-in"][0]["label"], "4");
    assert_eq!(keller["custom"]["cited-in"][0]["in-text"], 1);
    let wolf = by_title("The transboundary freshwater dispute database project");
    assert_eq!(wolf["custom"]["cited-in"][0]["in-text"], 2);
    // Every in-text citation is a link to its entry on the page, with the
    // entry as its preview.
    let river = page(&b, "water-allocation-rules-in-transboundary-river-treaties");
    assert_eq!(river.matches("class=\"cite-ref\"").count(), 4, "{river}");
    assert!(river.contains(">Dinar et al., 2015</a>"), "{river}");
    let grid = page(&b, "reserve-sharing-between-neighbouring-power-grids");
    assert!(
        grid.contains("data-preview=\"[3] Marit Halvorsen"),
        "{grid}"
    );
}

#[test]
fn the_paper_says_who_wrote_it() {
    let b = built();
    let docs: Value = serde_json::from_str(&file(&b, "data/documents.json")).unwrap();
    let authors = |source: &str| -> Vec<String> {
        let d = docs
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["source"] == source)
            .unwrap();
        d["authors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        authors("anchors-grid-sharing.md"),
        ["Ilse Varga", "Tomas Lindqvist"]
    );
    assert_eq!(
        authors("tex-river-treaties.md"),
        ["Rosa Menéndez", "Karim Haddad"]
    );
    assert_eq!(
        authors("lines-port-logistics.md"),
        ["Maria Okonjo", "Felix Brandt"]
    );
    let river = page(&b, "water-allocation-rules-in-transboundary-river-treaties");
    assert!(!river.contains("University of Valencia</p>"), "{river}");
}

/// The hard cases written in three layout converters' styles (Docling,
/// PyMuPDF's Markdown writer, MinerU): what the converter left that is
/// not text is gone, notes are notes, a table in HTML is a table.
#[test]
fn layout_converters_notes_tables_and_marks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hard_cases");
    let b = dossier::build_in_memory(&root, &Overrides::default()).unwrap();
    let docling = page(
        &b,
        "grain-markets-on-the-middle-volga-1881-1913-a-new-price-series",
    );
    assert!(!docling.contains("image --"), "{docling}");
    assert!(!docling.contains("GLYPH"), "{docling}");
    assert_eq!(
        docling.matches("role=\"doc-noteref\"").count(),
        2,
        "{docling}"
    );
    // The paragraph the table cut is one, before the table.
    assert!(
        docling.contains("is our main series; wheat behaves the same way"),
        "{docling}"
    );
    let pymupdf = page(&b, "harbour-dues-and-the-baltic-grain-trade-1850-1914");
    assert_eq!(
        pymupdf.matches("role=\"doc-noteref\"").count(),
        3,
        "{pymupdf}"
    );
    assert!(pymupdf.contains("Baltikum</em>."), "{pymupdf}");
    let mineru = page(&b, "winter-ferry-services-in-the-gulf-of-bothnia-1898-1939");
    assert!(mineru.contains("<table>"), "{mineru}");
    assert!(
        !mineru.contains("&lt;table") && !mineru.contains("&lt;html"),
        "{mineru}"
    );
    assert!(mineru.contains("<td>1,340</td>"), "{mineru}");
}
