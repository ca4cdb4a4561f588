//! How front matter's values are read: scalars leniently as text, lists,
//! numbers, booleans and dates (`meta` decides which key wants which),
//! language tags, and the output formats of other tools.

use serde_json::Value;

/// Whether `f` names an output format of Quarto, R Markdown or Pandoc
/// (`html`, `pdf`, `revealjs`, `html_document`, `docx+styles`), which
/// their front matter's `format` (or `output`) names.
pub(super) fn is_output_format(f: &str) -> bool {
    const OUTPUTS: &[&str] = &[
        "html",
        "html5",
        "pdf",
        "docx",
        "odt",
        "rtf",
        "epub",
        "latex",
        "beamer",
        "revealjs",
        "pptx",
        "typst",
        "gfm",
        "commonmark",
        "asciidoc",
        "jats",
        "ipynb",
        "dashboard",
        "confluence",
        "docusaurus-md",
        "hugo-md",
        "man",
    ];
    let base = f.split('+').next().unwrap_or(f);
    OUTPUTS.contains(&f)
        || OUTPUTS.contains(&base)
        || f.ends_with("_document")
        || f.ends_with("_presentation")
}

/// A BCP 47 language tag as texts write them: a 2–3 letter language,
/// then subtags of 1–8 letters or digits (`en`, `zh-Hans`, `pt-BR`).
pub fn is_language_tag(t: &str) -> bool {
    let mut parts = t.split(['-', '_']);
    let lang = parts.next().unwrap_or_default();
    (2..=3).contains(&lang.len())
        && lang.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A scalar as text (`1984` and `true` too); `None` for lists and tables.
pub(super) fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A list of scalars, or one scalar as a list of one.
pub(super) fn list(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::Array(items) => items.iter().map(text).collect(),
        Value::Null => Some(Vec::new()),
        other => text(other).map(|s| vec![s]),
    }
}

pub(super) fn int(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

pub(super) fn boolean(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" => Some(true),
            "false" | "no" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// `2021-03-05T10:00:00Z` (a TOML or YAML timestamp) → `2021-03-05`.
pub(super) fn date_part(s: &str) -> String {
    let s = s.trim();
    match s.find(['T', ' ', 't']) {
        Some(10) => s[..10].to_string(),
        _ => s.to_string(),
    }
}

/// The day a file is named by (`2024-02-19.md`, as daily notes are), for a
/// text whose metadata gives no date.
pub fn day_named(stem: &str) -> Option<String> {
    let t = stem.trim();
    (t.len() == 10 && t.as_bytes()[4] == b'-' && valid_date(t)).then(|| t.to_string())
}

/// Checks a date string: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with plausible
/// month and day numbers.
pub fn valid_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let num = |s: &str, len: usize, lo: u32, hi: u32| {
        s.len() == len
            && s.bytes().all(|b| b.is_ascii_digit())
            && s.parse::<u32>().is_ok_and(|n| (lo..=hi).contains(&n))
    };
    match parts.as_slice() {
        [y] => num(y, 4, 0, 9999),
        [y, m] => num(y, 4, 0, 9999) && num(m, 2, 1, 12),
        [y, m, d] => num(y, 4, 0, 9999) && num(m, 2, 1, 12) && num(d, 2, 1, 31),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        for ok in ["2021", "2021-03", "2021-03-31"] {
            assert!(valid_date(ok), "{ok}");
        }
        for bad in ["21", "2021-13", "2021-3-1", "2021-03-32", "March 2021", ""] {
            assert!(!valid_date(bad), "{bad}");
        }
    }
}
