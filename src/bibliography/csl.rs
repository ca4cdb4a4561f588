//! CSL items, from CSL-JSON and YAML files or a text's front matter, as
//! hayagriva's entries; each item's fields are mapped in `csl_fields`.

use super::csl_fields::csl_to_hayagriva;
use crate::diagnostics::Diagnostic;
use hayagriva::Entry;
use serde_json::{Map, Value};
use std::path::Path;

/// The items of a CSL-JSON file as entries, with the line each starts on.
pub(super) fn from_csl_json(
    text: &str,
    path: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(usize, Entry)> {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            diags.push(Diagnostic::error(
                path,
                e.line(),
                e.column(),
                format!("this CSL-JSON bibliography cannot be read: {e}"),
            ));
            return Vec::new();
        }
    };
    let items = match value {
        Value::Array(items) => items,
        Value::Object(mut o) => match o.remove("items") {
            Some(Value::Array(items)) => items,
            _ => vec![Value::Object(o)],
        },
        _ => Vec::new(),
    };
    from_csl_items(&items, &id_lines(text, "\"id\""), path, diags)
}

/// The entries of a YAML bibliography: CSL YAML as Pandoc reads it (a
/// `references:` list, or a bare list of items), else hayagriva's own
/// YAML model (keys to entries, as Typst reads it).
pub(super) fn from_yaml(
    text: &str,
    path: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(usize, Entry)> {
    let value: Value = match serde_yaml_ng::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let at = e.location();
            diags.push(Diagnostic::error(
                path,
                at.as_ref().map_or(0, |l| l.line()),
                at.as_ref().map_or(0, |l| l.column()),
                format!("this YAML bibliography cannot be read: {e}"),
            ));
            return Vec::new();
        }
    };
    let items = match value {
        Value::Array(items) => items,
        Value::Object(mut o) if o.get("references").is_some_and(Value::is_array) => {
            match o.remove("references") {
                Some(Value::Array(items)) => items,
                _ => Vec::new(),
            }
        }
        _ => {
            return match hayagriva::io::from_yaml_str(text) {
                Ok(lib) => {
                    let lines = yaml_key_lines(text);
                    lib.iter()
                        .map(|e| (lines.get(e.key()).copied().unwrap_or(0), e.clone()))
                        .collect()
                }
                Err(e) => {
                    diags.push(Diagnostic::error(
                        path,
                        0,
                        0,
                        format!("this YAML bibliography is neither CSL YAML (a `references:` list) nor hayagriva's YAML: {e}"),
                    ));
                    Vec::new()
                }
            };
        }
    };
    from_csl_items(&items, &id_lines(text, "id:"), path, diags)
}

/// CSL items (from JSON or YAML) as entries, each with its line (from
/// `lines`, by id; 0 when unknown).
pub(super) fn from_csl_items(
    items: &[Value],
    lines: &rustc_hash::FxHashMap<&str, usize>,
    path: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(usize, Entry)> {
    let mut out = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let Some(id) = item.get("id").and_then(|v| match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }) else {
            diags.push(Diagnostic::warning(
                path,
                0,
                0,
                format!("CSL item {} has no id; it is left out", n + 1),
            ));
            continue;
        };
        let line = lines.get(id.as_str()).copied().unwrap_or(0);
        let fields = csl_to_hayagriva(item);
        // JSON is YAML: hayagriva reads its own model from it.
        let doc = Value::Object(Map::from_iter([(id.clone(), fields)])).to_string();
        match hayagriva::io::from_yaml_str(&doc) {
            Ok(lib) => out.extend(lib.iter().map(|e| (line, e.clone()))),
            Err(e) => diags.push(Diagnostic::warning(
                path,
                line,
                0,
                format!("the CSL item `{id}` cannot be read ({e}); it is left out"),
            )),
        }
    }
    out
}

/// The line of each top-level key of a hayagriva YAML file.
fn yaml_key_lines(text: &str) -> rustc_hash::FxHashMap<&str, usize> {
    let mut out = rustc_hash::FxHashMap::default();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        if let Some((key, _)) = line.split_once(':') {
            out.entry(key.trim().trim_matches(['"', '\'']))
                .or_insert(n + 1);
        }
    }
    out
}

/// The line of each item's id in the file: `mark` is `"id"` (JSON) or
/// `id:` (YAML), and the id follows it after an optional colon and quote.
fn id_lines<'a>(text: &'a str, mark: &str) -> rustc_hash::FxHashMap<&'a str, usize> {
    let mut out = rustc_hash::FxHashMap::default();
    for (n, line) in text.lines().enumerate() {
        if let Some(k) = line.find(mark) {
            // In YAML, only a key: `id:` at the line's start or after `- `.
            let before = line[..k].trim_start().trim_start_matches('-').trim();
            if mark == "id:" && !before.is_empty() {
                continue;
            }
            let rest = line[k + mark.len()..]
                .trim_start()
                .trim_start_matches(':')
                .trim_start();
            // Up to the quote that opened it (JSON: always `"`).
            let quote = match rest.chars().next() {
                Some(q @ ('"' | '\'')) => Some(q),
                _ => None,
            };
            let id = quote.map_or(rest, |_| &rest[1..]);
            let end = match quote {
                Some(q) => id.find(q),
                None if mark == "id:" => id.find(" #"),
                None => id.find(['"', ',', '}']),
            }
            .unwrap_or(id.len());
            out.entry(id[..end].trim_end()).or_insert(n + 1);
        }
    }
    out
}
