//! Quarto and R Markdown texts (`.qmd`, `.Rmd`): read as the Markdown
//! they are, their code chunks highlighted in their language, their own
//! front-matter keys and cross-references neither errors nor citations.

mod common;

use common::main_of;
use dossier::config::Overrides;

#[test]
fn quarto_and_r_markdown_texts_are_read_as_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::write(
        root.join("config.toml"),
        "title = \"t\"\nbase_url = \"https://example.org/\"\n",
    )
    .unwrap();
    std::fs::write(
        root.join("content/prices.qmd"),
        "---\ntitle: Rye prices\nformat:\n  html:\n    toc: true\n---\n\nPrices rose after 1891, as @fig-prices shows ([@sec-data]).\n\n```{r}\n#| label: fig-prices\nplot(prices$year, prices$rye)\n```\n\n## Data {#sec-data}\n\nThe ledgers of 1885 survive.\n",
    )
    .unwrap();
    std::fs::write(
        root.join("content/notes.Rmd"),
        "---\ntitle: Ledger notes\noutput: html_document\nformat: pdf\n---\n\n```{python, echo=FALSE}\nimport csv\n```\n\nThe board met in 1902.\n",
    )
    .unwrap();
    let b = dossier::build_in_memory(root, &Overrides::default()).unwrap();
    assert_eq!(b.documents, 2);
    assert!(b.diagnostics.is_empty(), "{:?}", b.diagnostics);
    let prices = main_of(&b, "rye-prices");
    assert!(prices.contains("data-lang=\"r\""), "{prices}");
    assert!(!prices.contains("label: fig-prices"), "{prices}");
    assert!(prices.contains("[@sec-data]"), "{prices}");
    let notes = main_of(&b, "ledger-notes");
    assert!(notes.contains("data-lang=\"python\""), "{notes}");
    let timeline = common::timeline_built(&b);
    let years: Vec<&str> = timeline
        .iter()
        .filter_map(|e| e["label"].as_str())
        .collect();
    assert!(
        years.contains(&"1891") && years.contains(&"1902"),
        "{years:?}"
    );
}
