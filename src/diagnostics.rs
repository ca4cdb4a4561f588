//! Diagnostics: problems found in user input, reported as `path:line:col`.
//!
//! Two kinds of trouble exist in dossier. Hard errors (bad config, a broken
//! template, an unwritable output folder) stop the build and travel as
//! `anyhow::Error`. Content problems (a bad front matter block, invalid UTF-8 in
//! one file, a dangling footnote) are collected as [`Diagnostic`]s so that the
//! rest of the site still builds; they are printed together at the end.

use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a diagnostic is. Errors make `dossier build` exit non-zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one file, with a 1-based line and column (0 when unknown).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    pub fn error(path: &Path, line: usize, col: usize, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, path, line, col, message)
    }

    pub fn warning(path: &Path, line: usize, col: usize, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, path, line, col, message)
    }

    fn new(
        severity: Severity,
        path: &Path,
        line: usize,
        col: usize,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            path: path.to_path_buf(),
            line,
            col,
            severity,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}", self.path.display())?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.col.max(1))?;
        }
        write!(f, ": {kind}: {}", self.message)
    }
}

impl std::error::Error for Diagnostic {}

/// What a caught panic said, for a message to the user.
pub fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_string())
}

/// Converts a byte offset into a 1-based (line, column) pair; the column counts
/// characters, not bytes, so that editors land on the right spot.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = text[line_start..offset].chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Turns a TOML deserialisation error into a diagnostic located in `path`.
///
/// `line_offset` is the number of lines that precede `text` in the file (front
/// matter starts after its `+++` fence). Unknown keys get a "did you mean"
/// suggestion from the list of expected keys that the TOML error carries, and
/// type errors name the key they are about.
pub fn from_toml_error(
    path: &Path,
    text: &str,
    line_offset: usize,
    err: &toml::de::Error,
) -> Diagnostic {
    let (line, col) = err.span().map_or((0, 0), |s| line_col(text, s.start));
    let mut message = err.message().trim().to_string();
    if let Some(hint) = unknown_key_hint(&message) {
        message = hint;
    } else if let Some(span) = err.span() {
        if let Some(key) = key_on_line(text, span.start) {
            message = format!("{message} (key `{key}`)");
        }
    }
    let line = if line == 0 { 0 } else { line + line_offset };
    Diagnostic::error(path, line, col, message)
}

/// Rewrites serde's "unknown field `x`, expected one of `a`, `b`" into a shorter
/// message with the closest known key.
fn unknown_key_hint(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (key, expected) = rest.split_once('`')?;
    let known: Vec<&str> = expected
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| !s.is_empty())
        .collect();
    let mut out = format!("unknown key `{key}`");
    match closest(key, &known) {
        Some(best) => out.push_str(&format!("; did you mean `{best}`?")),
        None if !known.is_empty() => out.push_str(&format!("; known keys: {}", known.join(", "))),
        None => {}
    }
    Some(out)
}

/// The key assigned on the line that contains `offset`, if that line reads
/// `key = value`.
fn key_on_line(text: &str, offset: usize) -> Option<String> {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next()?;
    let (key, _) = line.split_once('=')?;
    let key = key.trim().trim_matches('"');
    (!key.is_empty()).then(|| key.to_string())
}

/// The candidate closest to `word` by edit distance, if it is close enough to
/// be a plausible typo (two edits, or a third of the word's length).
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(2);
    candidates
        .iter()
        .map(|c| (edit_distance(word, c), *c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

/// Edit distance over characters where swapping two neighbours counts as one
/// edit (optimal string alignment), since `titel` is one typo from `title`.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let text = "ab\nçd\nef";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // 'd' follows a two-byte character: column 2, not 3.
        assert_eq!(line_col(text, 5), (2, 2));
        assert_eq!(line_col(text, 999), (3, 3));
    }

    #[test]
    fn suggestions_pick_close_keys_only() {
        assert_eq!(closest("titel", &["title", "theme"]), Some("title"));
        assert_eq!(
            closest("base_ur", &["base_url", "author"]),
            Some("base_url")
        );
        assert_eq!(closest("zzzzzz", &["title", "theme"]), None);
    }

    #[test]
    fn unknown_key_message_is_rewritten() {
        let m = unknown_key_hint("unknown field `titel`, expected one of `title`, `theme`");
        assert_eq!(m.unwrap(), "unknown key `titel`; did you mean `title`?");
    }

    #[test]
    fn display_has_path_line_col() {
        let d = Diagnostic::error(Path::new("a/b.md"), 3, 7, "bad");
        assert_eq!(d.to_string(), "a/b.md:3:7: error: bad");
        let d = Diagnostic::warning(Path::new("x"), 0, 0, "w");
        assert_eq!(d.to_string(), "x: warning: w");
    }
}
