//! Limits on what templates may do, so that a template edit in `serve`
//! cannot take the server down:
//!
//! - no cycles among macros (a macro that calls itself, directly or
//!   through others), includes and extends: each would recurse until the
//!   stack overflows, which aborts the process. A cycle is an error naming
//!   the template and the chain, found before anything is rendered.
//! - `range` makes at most [`MAX_RANGE`] numbers (Tera's own allocates
//!   whatever it is asked for: `range(end=100000000)` is 3 GB).

use anyhow::{bail, Result};
use std::collections::{BTreeMap, HashMap};
use tera::{Tera, Value};

/// The most numbers `range` makes.
pub const MAX_RANGE: usize = 100_000;

/// Installs the bounded `range`.
pub fn bound(tera: &mut Tera) {
    tera.register_function("range", range);
}

fn range(args: &HashMap<String, Value>) -> tera::Result<Value> {
    let num = |k: &str, default: Option<u64>| -> tera::Result<u64> {
        match args.get(k) {
            Some(v) => v.as_u64().ok_or_else(|| {
                tera::Error::msg(format!("`range`: {k} must be a whole number, 0 or more"))
            }),
            None => default.ok_or_else(|| tera::Error::msg(format!("`range` needs `{k}`"))),
        }
    };
    let (start, end, step) = (
        num("start", Some(0))?,
        num("end", None)?,
        num("step_by", Some(1))?,
    );
    if step == 0 {
        return Err(tera::Error::msg("`range`: step_by must not be 0"));
    }
    let count = end.saturating_sub(start).div_ceil(step);
    if count > MAX_RANGE as u64 {
        return Err(tera::Error::msg(format!(
            "`range` would make {count} numbers; templates may make at most {MAX_RANGE}"
        )));
    }
    Ok(Value::Array(
        (start..end)
            .step_by(step as usize)
            .map(Value::from)
            .collect(),
    ))
}

/// A node of the call graph: a template, or a macro of a template.
type Node = (String, Option<String>);

/// Fails when macros, includes or extends form a cycle.
pub fn check_cycles(templates: &BTreeMap<String, String>) -> Result<()> {
    let mut edges: BTreeMap<Node, Vec<Node>> = BTreeMap::new();
    for (name, text) in templates {
        let mut aliases: HashMap<String, String> = HashMap::new();
        aliases.insert("self".into(), name.clone());
        for tag in tags(text) {
            let words: Vec<&str> = tag.split_whitespace().collect();
            if let ["import", file, "as", alias] = words.as_slice() {
                aliases.insert(alias.to_string(), unquote(file));
            }
        }
        let mut current: Option<String> = None;
        for tag in tags(text) {
            let words: Vec<&str> = tag.split_whitespace().collect();
            let here: Node = (name.clone(), current.clone());
            match words.as_slice() {
                ["macro", rest @ ..] => {
                    let head = rest.join(" ");
                    current = head.split('(').next().map(|n| n.trim().to_string());
                }
                ["endmacro", ..] => current = None,
                ["include", file, ..] | ["extends", file, ..] => {
                    edges.entry(here).or_default().push((unquote(file), None));
                }
                _ => {}
            }
        }
        // Macro calls, in the macro (or template part) they appear in.
        let mut current: Option<String> = None;
        let mut rest = text.as_str();
        while let Some(i) = rest.find("{%").into_iter().chain(rest.find("::")).min() {
            if rest[i..].starts_with("{%") {
                let tag = rest[i + 2..].split("%}").next().unwrap_or("");
                let words: Vec<&str> = tag.trim_matches('-').split_whitespace().collect();
                match words.as_slice() {
                    ["macro", name_and_args @ ..] => {
                        current = name_and_args
                            .join(" ")
                            .split('(')
                            .next()
                            .map(|n| n.trim().to_string());
                    }
                    ["endmacro", ..] => current = None,
                    _ => {}
                }
                rest = &rest[i + 2..];
                continue;
            }
            let ns: String = rest[..i]
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
                .chars()
                .rev()
                .collect();
            let callee: String = rest[i + 2..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if let Some(file) = aliases.get(&ns) {
                if !callee.is_empty() {
                    edges
                        .entry((name.clone(), current.clone()))
                        .or_default()
                        .push((file.clone(), Some(callee)));
                }
            }
            rest = &rest[i + 2..];
        }
    }
    // Depth-first search; a node met again on the path closes a cycle.
    let mut done: BTreeMap<Node, bool> = BTreeMap::new();
    for start in edges.keys() {
        let mut path: Vec<Node> = Vec::new();
        if let Some(cycle) = visit(start, &edges, &mut done, &mut path) {
            let chain: Vec<String> = cycle.iter().map(show).collect();
            bail!(
                "template `{}`: {} leads back to itself ({}); a cycle would recurse until the server stops, so dossier does not render it",
                cycle[0].0,
                show(&cycle[0]),
                chain.join(" → ")
            );
        }
    }
    Ok(())
}

fn visit(
    node: &Node,
    edges: &BTreeMap<Node, Vec<Node>>,
    done: &mut BTreeMap<Node, bool>,
    path: &mut Vec<Node>,
) -> Option<Vec<Node>> {
    match done.get(node) {
        Some(true) => return None,
        Some(false) => {
            let at = path.iter().position(|n| n == node).unwrap_or(0);
            let mut cycle = path[at..].to_vec();
            cycle.push(node.clone());
            return Some(cycle);
        }
        None => {}
    }
    done.insert(node.clone(), false);
    path.push(node.clone());
    for next in edges.get(node).into_iter().flatten() {
        if let Some(c) = visit(next, edges, done, path) {
            return Some(c);
        }
    }
    path.pop();
    done.insert(node.clone(), true);
    None
}

fn show(n: &Node) -> String {
    match &n.1 {
        Some(m) => format!("macro `{m}` of `{}`", n.0),
        None => format!("`{}`", n.0),
    }
}

/// The insides of every `{% … %}` tag, without `-` trims.
fn tags(text: &str) -> impl Iterator<Item = &str> {
    text.split("{%")
        .skip(1)
        .filter_map(|t| t.split("%}").next())
        .map(|t| t.trim_matches('-').trim())
}

fn unquote(s: &str) -> String {
    s.trim_matches(['"', '\'', '`']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(items: &[(&str, &str)]) -> BTreeMap<String, String> {
        items
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn cycles_are_found() {
        let direct = set(&[(
            "m.html",
            "{% macro walk(n) %}{{ self::walk(n=n) }}{% endmacro %}",
        )]);
        assert!(check_cycles(&direct)
            .unwrap_err()
            .to_string()
            .contains("macro `walk`"));
        let mutual = set(&[
            (
                "a.html",
                "{% import \"b.html\" as b %}{% macro x() %}{{ b::y() }}{% endmacro %}",
            ),
            (
                "b.html",
                "{% import \"a.html\" as a %}{% macro y() %}{{ a::x() }}{% endmacro %}",
            ),
        ]);
        assert!(check_cycles(&mutual).is_err());
        let include = set(&[
            ("a.html", "{% include \"b.html\" %}"),
            ("b.html", "{%- include 'a.html' -%}"),
        ]);
        assert!(check_cycles(&include).is_err());
    }

    #[test]
    fn ordinary_templates_pass() {
        let ok = set(&[
            ("base.html", "{% include \"head.html\" %}{% block body %}{% endblock %}"),
            ("head.html", "<title>{{ title }}</title>"),
            ("page.html", "{% extends \"base.html\" %}{% import \"m.html\" as m %}{% block body %}{{ m::a() }}{% endblock %}"),
            ("m.html", "{% macro a() %}{{ self::b() }}{% endmacro %}{% macro b() %}b{% endmacro %}"),
        ]);
        check_cycles(&ok).unwrap();
    }

    #[test]
    fn range_is_bounded() {
        let mut tera = Tera::default();
        bound(&mut tera);
        tera.add_raw_template("ok", "{% for i in range(end=3) %}{{ i }}{% endfor %}")
            .unwrap();
        tera.add_raw_template(
            "big",
            "{% for i in range(end=100000000) %}{{ i }}{% endfor %}",
        )
        .unwrap();
        let ctx = tera::Context::new();
        assert_eq!(tera.render("ok", &ctx).unwrap(), "012");
        let e = tera.render("big", &ctx).unwrap_err();
        assert!(format!("{e:?}").contains("at most"), "{e:?}");
    }
}
