//! The search index of a one-off build is made block by block in bounded
//! memory (`search::stream`); a build that keeps its results for the next
//! (`serve`) makes it whole. Both must write the same files.

mod common;

use common::{same_files, small_site};
use dossier::config::Overrides;
use dossier::Memo;

#[test]
fn the_streamed_index_is_the_whole_one_over_many_blocks() {
    let site = small_site();
    let root = site.path();
    std::fs::write(
        root.join("content/topics.toml"),
        "[topics.ice]\ntitle = \"Ice\"\naliases = [\"glacier\"]\n",
    )
    .unwrap();
    // 150 documents: three blocks of 64 groups. Document lengths vary, and
    // two are long, so that some blocks outgrow a chunk and leave chunks
    // of padding only between them.
    for n in 0..150 {
        let paragraphs = match n {
            20 | 100 => 900,
            _ => 1 + n % 9,
        };
        let body: Vec<String> = (0..paragraphs)
            .map(|p| {
                format!(
                    "In {} the glacier near station {n} moved {p} metres; \
                     surveyors noted word{} and term{}.",
                    1900 + (n + p) % 120,
                    p % 37,
                    n % 11
                )
            })
            .collect();
        common::write_doc(root, &format!("d{n:03}.md"), &format!("Station {n}"), &body);
    }
    let o = Overrides::default();
    let (whole, memo) = dossier::build_incremental(root, &o, &Memo::new()).unwrap();
    assert!(
        memo.active,
        "a build that keeps its results makes the index whole"
    );
    let streamed = dossier::build_in_memory(root, &o).unwrap();
    let chunks = streamed
        .files
        .iter()
        .filter(|f| f.path.starts_with("search/e/"))
        .count();
    assert!(chunks > 12, "{chunks} chunks");
    same_files(&whole, &streamed);
}
