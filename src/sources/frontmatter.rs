//! Front matter: a `+++` TOML or `---` YAML block at the very top of a
//! Markdown file.

use super::meta::Meta;
use crate::diagnostics::{self, Diagnostic};
use std::path::Path;

/// A file split into its metadata and its body.
#[derive(Debug, Default)]
pub struct Split<'a> {
    pub meta: Meta,
    pub body: &'a str,
    /// Lines before the body (front matter and fences), to report body
    /// positions as file lines.
    pub body_line_offset: usize,
}

/// Splits `text` into front matter and body. A block that is opened but never
/// closed, or that does not parse, is an error naming the file and line.
pub fn split<'a>(path: &Path, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    let fence = if text.starts_with("+++") {
        "+++"
    } else if text.starts_with("---") {
        "---"
    } else {
        return Ok(Split {
            body: text,
            ..Split::default()
        });
    };
    let first_line_end = text.find('\n').unwrap_or(text.len());
    if text[..first_line_end].trim_end() != fence {
        // `---text` or `+++ x` is body text, not a fence.
        return Ok(Split {
            body: text,
            ..Split::default()
        });
    }
    let inner_start = (first_line_end + 1).min(text.len());
    let mut offset = inner_start;
    for line in text[inner_start..].split_inclusive('\n') {
        if line.trim_end() == fence {
            let inner = &text[inner_start..offset];
            let body_start = offset + line.len();
            let body = &text[body_start..];
            let body_line_offset = text[..body_start].matches('\n').count();
            let meta = parse_meta(path, fence, inner)?;
            return Ok(Split {
                meta,
                body,
                body_line_offset,
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(
        path,
        1,
        1,
        format!("front matter opened with `{fence}` is never closed"),
    ))
}

fn parse_meta(path: &Path, fence: &str, inner: &str) -> Result<Meta, Diagnostic> {
    if fence == "+++" {
        parse_toml_meta(path, inner, 1)
    } else {
        if inner.trim().is_empty() {
            return Ok(Meta::default());
        }
        serde_yaml_ng::from_str(inner).map_err(|e| {
            let (line, col) = e.location().map_or((0, 0), |l| (l.line() + 1, l.column()));
            let msg = e.to_string();
            // serde_yaml appends " at line N column M"; we print our own.
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
            Diagnostic::error(path, line, col, format!("front matter: {msg}"))
        })
    }
}

/// Parses TOML metadata (front matter or a sidecar). `line_offset` counts the
/// file lines before `text`. TOML dates (`date = 2021-03-01`) are accepted and
/// read as strings.
pub fn parse_toml_meta(path: &Path, text: &str, line_offset: usize) -> Result<Meta, Diagnostic> {
    let mut table: toml::Table = toml::from_str(text)
        .map_err(|e| diagnostics::from_toml_error(path, text, line_offset, &e))?;
    if let Some(toml::Value::Datetime(d)) = table.get("date") {
        let s = d.to_string();
        table.insert("date".into(), toml::Value::String(s));
    }
    // Deserialising from the table loses spans; re-run on the text for errors.
    Meta::deserialize_from(table).map_err(|e| {
        let located: Result<Meta, _> = toml::from_str(text);
        match located {
            Err(located) => diagnostics::from_toml_error(path, text, line_offset, &located),
            Ok(_) => Diagnostic::error(path, line_offset + 1, 1, e.to_string()),
        }
    })
}

impl Meta {
    fn deserialize_from(table: toml::Table) -> Result<Meta, toml::de::Error> {
        serde::Deserialize::deserialize(toml::Value::Table(table)).map_err(|e: toml::de::Error| e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Split<'_> {
        split(Path::new("a.md"), text).unwrap()
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
    fn unclosed_is_an_error() {
        let e = split(Path::new("a.md"), "+++\ntitle = 1\n").unwrap_err();
        assert!(e.message.contains("never closed"));
    }

    #[test]
    fn toml_errors_point_at_file_lines() {
        let e = split(
            Path::new("a.md"),
            "+++\ntitle = \"x\"\ntitel = \"y\"\n+++\n",
        )
        .unwrap_err();
        assert_eq!((e.line, e.col), (3, 1));
        assert!(e.message.contains("did you mean `title`"), "{}", e.message);
        let e = split(Path::new("a.md"), "+++\ntitle = [\n+++\n").unwrap_err();
        assert!(e.line >= 2, "{e}");
    }

    #[test]
    fn yaml_errors_point_at_file_lines() {
        let e = split(Path::new("a.md"), "---\ntitle: T\ntitel: x\n---\n").unwrap_err();
        assert!(e.message.contains("unknown field"), "{}", e.message);
        assert_eq!(e.line, 3, "{e}");
    }
}
