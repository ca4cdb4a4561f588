//! Front matter: a `+++` TOML or `---` YAML block at the very top of a
//! Markdown file.

use super::meta::Meta;
use crate::diagnostics::{self, Diagnostic};
use serde_json::{Map, Value};
use std::path::Path;

/// A file split into its metadata and its body.
#[derive(Debug, Default)]
pub struct Split<'a> {
    pub meta: Meta,
    pub body: &'a str,
    /// Lines before the body (front matter and fences), to report body
    /// positions as file lines.
    pub body_line_offset: usize,
    /// Problems with the front matter. None of them drops the document:
    /// a block that does not parse is reported and its keys ignored.
    pub problems: Vec<Diagnostic>,
}

/// Splits `text` into front matter and body.
pub fn split<'a>(path: &Path, text: &'a str) -> Split<'a> {
    let fence = if text.starts_with("+++") {
        "+++"
    } else if text.starts_with("---") {
        "---"
    } else {
        return Split {
            body: text,
            ..Split::default()
        };
    };
    let first_line_end = text.find('\n').unwrap_or(text.len());
    if text[..first_line_end].trim_end() != fence {
        // `---text` or `+++ x` is body text, not a fence.
        return Split {
            body: text,
            ..Split::default()
        };
    }
    let inner_start = (first_line_end + 1).min(text.len());
    let mut offset = inner_start;
    for line in text[inner_start..].split_inclusive('\n') {
        // YAML's end-of-document mark closes it too, as Pandoc reads it.
        let dots = fence == "---" && line.trim_end() == "...";
        if line.trim_end() == fence || dots {
            let inner = &text[inner_start..offset];
            let parsed = parse_map(path, fence, inner);
            // A `...` line in a text that opens with a rule is text.
            if dots && parsed.is_err() {
                offset += line.len();
                continue;
            }
            let body_start = offset + line.len();
            let body = &text[body_start..];
            let body_line_offset = text[..body_start].matches('\n').count();
            let (meta, problems) = match parsed {
                Ok(map) => read_map(path, inner, 1, map),
                Err(d) => (Meta::default(), vec![d]),
            };
            return Split {
                meta,
                body,
                body_line_offset,
                problems,
            };
        }
        offset += line.len();
    }
    // A `---` rule at the top with no closing fence is body text.
    Split {
        body: text,
        problems: if fence == "+++" {
            vec![Diagnostic::error(
                path,
                1,
                1,
                "front matter opened with `+++` is never closed; the file is read as text",
            )]
        } else {
            Vec::new()
        },
        ..Split::default()
    }
}

/// The front matter as a map, TOML or YAML.
fn parse_map(path: &Path, fence: &str, inner: &str) -> Result<Map<String, Value>, Diagnostic> {
    if fence == "+++" {
        let table: toml::Table =
            toml::from_str(inner).map_err(|e| diagnostics::from_toml_error(path, inner, 1, &e))?;
        return Ok(toml_map(table));
    }
    if inner.trim().is_empty() {
        return Ok(Map::new());
    }
    let value: serde_yaml_ng::Value = serde_yaml_ng::from_str(inner).map_err(|e| {
        let (line, col) = e.location().map_or((0, 0), |l| (l.line() + 1, l.column()));
        let msg = e.to_string();
        // serde_yaml appends " at line N column M"; we print our own.
        let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
        Diagnostic::error(
            path,
            line,
            col,
            format!("front matter: {msg}; its keys are ignored"),
        )
    })?;
    match yaml_value(value) {
        Value::Object(m) => Ok(m),
        Value::Null => Ok(Map::new()),
        _ => Err(Diagnostic::error(
            path,
            2,
            1,
            "front matter is not a list of `key: value` lines; it is ignored",
        )),
    }
}

/// Parses TOML metadata (a sidecar). `line_offset` counts the file lines
/// before `text`. TOML dates (`date = 2021-03-01`) are read as text.
pub fn parse_toml_meta(path: &Path, text: &str, line_offset: usize) -> (Meta, Vec<Diagnostic>) {
    match toml::from_str::<toml::Table>(text) {
        Ok(table) => read_map(path, text, line_offset, toml_map(table)),
        Err(e) => (
            Meta::default(),
            vec![diagnostics::from_toml_error(path, text, line_offset, &e)],
        ),
    }
}

fn read_map(
    path: &Path,
    text: &str,
    line_offset: usize,
    map: Map<String, Value>,
) -> (Meta, Vec<Diagnostic>) {
    let (meta, problems) = super::meta::from_map(map);
    let diags = problems
        .into_iter()
        .map(|(key, msg, severity)| {
            let line = key_line(text, &key).map_or(line_offset, |l| line_offset + l);
            let mut d = Diagnostic::error(path, line, 1, msg);
            d.severity = severity;
            d
        })
        .collect();
    (meta, diags)
}

/// The 1-based line of `text` where `key` is set (`key =` or `key:`).
fn key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            let rest = l
                .strip_prefix(key)
                .or_else(|| l.strip_prefix(&format!("\"{key}\"")));
            rest.is_some_and(|r| r.trim_start().starts_with(['=', ':']))
        })
        .map(|i| i + 1)
}

fn toml_map(table: toml::Table) -> Map<String, Value> {
    table.into_iter().map(|(k, v)| (k, toml_value(v))).collect()
}

fn toml_value(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_value).collect()),
        toml::Value::Table(t) => Value::Object(toml_map(t)),
    }
}

fn yaml_value(v: serde_yaml_ng::Value) -> Value {
    use serde_yaml_ng::Value as Y;
    match v {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => n
            .as_i64()
            .map(Value::from)
            .or_else(|| n.as_f64().map(Value::from))
            .unwrap_or(Value::Null),
        Y::String(s) => Value::String(s),
        Y::Sequence(items) => Value::Array(items.into_iter().map(yaml_value).collect()),
        Y::Mapping(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| {
                    let key = match yaml_value(k) {
                        Value::String(s) => s,
                        other => other.to_string(),
                    };
                    (key, yaml_value(v))
                })
                .collect(),
        ),
        Y::Tagged(t) => yaml_value(t.value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Split<'_> {
        let s = split(Path::new("a.md"), text);
        assert!(s.problems.is_empty(), "{:?}", s.problems);
        s
    }

    #[test]
    fn no_front_matter() {
        let s = ok("# Hi\n\ntext");
        assert_eq!(s.body, "# Hi\n\ntext");
        assert_eq!(s.meta, Meta::default());
    }

    #[test]
    fn toml_front_matter() {
        let s = ok("+++\ntitle = \"T\"\ndate = 2021-03-05\nauthors = [\"A\", \"B\"]\n+++\nbody\n");
        assert_eq!(s.meta.title.as_deref(), Some("T"));
        assert_eq!(s.meta.date.as_deref(), Some("2021-03-05"));
        assert_eq!(s.meta.authors.unwrap().to_vec(), vec!["A", "B"]);
        assert_eq!(s.body, "body\n");
        assert_eq!(s.body_line_offset, 5);
    }

    #[test]
    fn yaml_front_matter() {
        let s = ok("---\ntitle: T\nauthor: A\ndate: 2020-01-02\n---\nbody");
        assert_eq!(s.meta.title.as_deref(), Some("T"));
        assert_eq!(s.meta.authors.unwrap().to_vec(), vec!["A"]);
        assert_eq!(s.meta.date.as_deref(), Some("2020-01-02"));
    }

    #[test]
    fn years_may_be_numbers() {
        assert_eq!(
            ok("+++\ndate = 1999\n+++\n").meta.date.as_deref(),
            Some("1999")
        );
        assert_eq!(
            ok("---\ndate: 1999\n---\n").meta.date.as_deref(),
            Some("1999")
        );
    }

    #[test]
    fn horizontal_rule_like_openings_are_body() {
        let s = ok("---text\nmore");
        assert_eq!(s.body, "---text\nmore");
    }

    #[test]
    fn unclosed_is_an_error_and_the_text_is_kept() {
        let s = split(Path::new("a.md"), "+++\ntitle = 1\n");
        assert!(s.problems[0].message.contains("never closed"));
        assert_eq!(s.body, "+++\ntitle = 1\n");
    }

    #[test]
    fn toml_problems_point_at_file_lines() {
        let s = split(
            Path::new("a.md"),
            "+++\ntitle = \"x\"\ntitel = \"y\"\n+++\nbody",
        );
        let e = &s.problems[0];
        assert_eq!((e.line, e.col), (3, 1));
        assert!(e.message.contains("did you mean `title`"), "{}", e.message);
        assert_eq!(s.meta.title.as_deref(), Some("x"));
        assert_eq!(s.body, "body");
        let s = split(Path::new("a.md"), "+++\ntitle = [\n+++\n");
        assert!(s.problems[0].line >= 2, "{}", s.problems[0]);
    }

    #[test]
    fn yaml_closed_by_its_end_of_document_mark() {
        let s = ok("---\ntitle: Factum\nlinestretch: 2\n...\n\n# Attribution\n");
        assert_eq!(s.meta.title.as_deref(), Some("Factum"));
        assert_eq!(s.body, "\n# Attribution\n");
        assert_eq!(s.body_line_offset, 4);
        // Only in YAML: TOML's fence needs its own mark.
        let s = split(Path::new("a.md"), "+++\ntitle = \"T\"\n...\n+++\nbody");
        assert_eq!(s.body, "body");
        assert!(!s.problems.is_empty());
        // A rule, prose, an elided line: no front matter.
        let text = "---\n\nThe minister said the talks were over.\n...\nNothing followed.\n";
        let s = split(Path::new("a.md"), text);
        assert_eq!(s.body, text);
        assert!(s.problems.is_empty(), "{:?}", s.problems);
    }

    #[test]
    fn quarto_output_formats_are_kept_not_errors() {
        for fm in [
            "format: html",
            "format: docx+styles",
            "format:\n  html:\n    toc: true",
            "format: html_document",
        ] {
            let text = format!("---\ntitle: T\n{fm}\n---\nbody");
            let s = ok(&text);
            assert!(
                s.meta.format.is_none() && s.meta.extra.contains_key("format"),
                "{fm}"
            );
        }
        let s = split(Path::new("a.md"), "---\nformat: pdf-sups\n---\nbody");
        assert!(
            s.problems[0].message.contains("pdf-lines"),
            "{:?}",
            s.problems
        );
        assert_eq!(
            ok("---\nformat: pdf-lines\n---\n").meta.format.as_deref(),
            Some("pdf-lines")
        );
    }

    #[test]
    fn yaml_problems_point_at_file_lines() {
        let s = split(Path::new("a.md"), "---\ntitle: T\ntitel: x\n---\n");
        let e = &s.problems[0];
        assert!(e.message.contains("unknown key"), "{}", e.message);
        assert_eq!(e.line, 3, "{e}");
        let s = split(Path::new("a.md"), "---\ntitle: T\nsort_by: titel\n---\n");
        let e = &s.problems[0];
        assert_eq!(e.line, 3, "{e}");
        assert!(e.message.contains("`date`, `title` or `weight`"), "{e}");
    }

    #[test]
    fn keys_from_other_tools_are_kept_not_fatal() {
        let s = ok("---\ntitle: 1984\naliases: [old/page.html, /older/]\ncssclasses: wide\npublish: true\nbibliography: refs.bib\ntags: solo\ndescription: D\nupdated: 2021-02-03T10:00:00Z\n---\nbody");
        assert_eq!(s.meta.title.as_deref(), Some("1984"));
        assert_eq!(s.meta.aliases, ["old/page.html", "/older/"]);
        assert_eq!(s.meta.tags, ["solo"]);
        assert_eq!(s.meta.summary.as_deref(), Some("D"));
        assert_eq!(s.meta.updated.as_deref(), Some("2021-02-03"));
        for k in ["cssclasses", "publish", "bibliography"] {
            assert!(s.meta.extra.contains_key(k), "{k}");
        }
        let s = ok("+++\ndate = 2021-03-05T10:00:00Z\n[extra]\nx = 1\n+++\n");
        assert_eq!(s.meta.date.as_deref(), Some("2021-03-05"));
        assert_eq!(s.meta.extra["x"], 1);
    }

    #[test]
    fn bad_values_are_errors_and_ignored() {
        let s = split(
            Path::new("a.md"),
            "+++\ndate = \"March 2021\"\nurl = \"javascript:alert(1)\"\ntitle = \"T\"\n+++\n",
        );
        assert_eq!(s.problems.len(), 2, "{:?}", s.problems);
        assert_eq!(s.problems[0].line, 2);
        assert_eq!(s.meta.date, None);
        assert_eq!(s.meta.url, None);
        assert_eq!(s.meta.title.as_deref(), Some("T"));
    }

    #[test]
    fn hostile_front_matter_never_panics() {
        for t in [
            "---\n- a\n- b\n---\n",
            "---\n? [a]\n: b\n---\n",
            "+++\n+++",
            "---\n---",
            "---\n&a [*a]\n---\n",
            "---\ntitle: !!binary aGk=\n---\n",
        ] {
            let _ = split(Path::new("a.md"), t);
        }
    }
}
