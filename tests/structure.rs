//! The crate's shape, as ARCHITECTURE.md draws it: the top-level modules
//! import one another without a cycle, and `memo` (the containers the
//! stages keep their results in) imports no stage that keeps results.
//! Read from the sources: every `crate::module` path, `use crate::{…}`
//! groups included, comments left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The top-level module a file of `src/` belongs to.
fn module_of(rel: &Path) -> Option<String> {
    let first = rel
        .components()
        .next()?
        .as_os_str()
        .to_string_lossy()
        .to_string();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_string();
    (!matches!(name.as_str(), "lib" | "main")).then_some(name)
}

/// The modules `text` names after `crate::`.
fn imports(text: &str) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `crate::{a, b::c, d::{e, f}}`: the first name of each item.
            let mut depth = 0;
            let mut item_start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && !c.is_whitespace() => {
                        found.insert(ident(&group[i..]));
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            found.insert(ident(rest));
        }
    }
    found.retain(|m| !m.is_empty() && m.chars().next().is_some_and(|c| c.is_ascii_lowercase()));
    found
}

fn walk(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let Some(module) = module_of(file.strip_prefix(&src).unwrap()) else {
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        let edges = graph.entry(module.clone()).or_default();
        edges.extend(imports(&text).into_iter().filter(|m| *m != module));
    }
    let known: BTreeSet<String> = graph.keys().cloned().collect();
    for edges in graph.values_mut() {
        edges.retain(|m| known.contains(m));
    }
    graph
}

/// A cycle through `start`, if there is one.
fn cycle_from(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    let mut path = vec![start.to_string()];
    let mut seen = BTreeSet::new();
    fn go(
        graph: &BTreeMap<String, BTreeSet<String>>,
        start: &str,
        path: &mut Vec<String>,
        seen: &mut BTreeSet<String>,
    ) -> bool {
        let last = path.last().unwrap().clone();
        for next in &graph[&last] {
            if next == start {
                path.push(next.clone());
                return true;
            }
            if seen.insert(next.clone()) {
                path.push(next.clone());
                if go(graph, start, path, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    go(graph, start, &mut path, &mut seen).then_some(path)
}

#[test]
fn the_reader_sees_every_kind_of_import() {
    let text = "use crate::a::B;\nuse crate::{b, c::D, d::{e, f}};\n// crate::ignored\nlet x = crate::g::h();";
    let found: Vec<String> = imports(text).into_iter().collect();
    assert_eq!(found, ["a", "b", "c", "d", "g"]);
}

#[test]
fn top_level_modules_form_no_cycle() {
    let graph = module_graph();
    assert!(graph.len() >= 20, "{:?}", graph.keys());
    for module in graph.keys() {
        if let Some(cycle) = cycle_from(&graph, module) {
            panic!(
                "modules import one another in a cycle: {}",
                cycle.join(" → ")
            );
        }
    }
}

#[test]
fn the_memo_knows_keys_and_values_not_stages() {
    let graph = module_graph();
    let memo = &graph["memo"];
    for stage in [
        "graph", "render", "search", "theme", "build", "session", "prepare",
    ] {
        assert!(!memo.contains(stage), "memo imports {stage}: {memo:?}");
    }
    // The stages below the build know nothing of sessions or the driver.
    for (module, edges) in &graph {
        if !matches!(module.as_str(), "session" | "serve" | "build" | "fuzz") {
            assert!(
                !edges.contains("session") && !edges.contains("build"),
                "{module} imports the driver: {edges:?}"
            );
        }
    }
}
