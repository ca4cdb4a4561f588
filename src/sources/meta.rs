//! Document metadata as a user writes it: in front matter or in a sidecar
//! `<stem>.meta.toml` beside a file that cannot carry front matter.
//!
//! Front matter comes from many tools (Zola, Hugo, Obsidian, Pandoc), so
//! reading it never drops a document:
//!
//! - known keys are read leniently (`title: 1984` is the title "1984",
//!   `tags: a` is one tag) and a value that cannot be read is an error with
//!   the key's line and the valid values, the key then ignored;
//! - unknown keys (`cssclasses`, `publish`, `bibliography`…) are kept in
//!   [`Meta::extra`] for templates; one that looks like a typo of a known
//!   key gets a warning that names it.

use super::meta_values::{boolean, date_part, int, is_output_format, list, text};
pub use super::meta_values::{day_named, is_language_tag, valid_date};
use crate::diagnostics::edit_distance;
use serde_json::{Map, Value};

/// The `format` values that name how a converter wrote footnotes
/// (`normalize::notes::Style::parse` reads them); `text` is the other.
pub const NOTE_FORMATS: [&str; 7] = [
    "markdown",
    "pdf-anchors",
    "pdf-sup",
    "pdf-tex",
    "pdf-lines",
    "pdf-circled",
    "pdf-plain",
];

/// Metadata keys shared by front matter and sidecars. All optional: what is
/// missing is inferred from the text by the normalise stage.
#[derive(Debug, Default, Clone, PartialEq, serde::Serialize)]
pub struct Meta {
    pub title: Option<String>,
    pub authors: Option<OneOrMany>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: Option<String>,
    /// When the text was last revised (same forms as `date`).
    pub updated: Option<String>,
    /// Who published the text: a newspaper, a site, a journal.
    pub publisher: Option<String>,
    /// The section label a byline gives (`By X | China/Russia`).
    pub category: Option<String>,
    /// Where the text was published originally (`http`, `https` only).
    pub url: Option<String>,
    pub slug: Option<String>,
    /// `summary`, or else `description`.
    pub summary: Option<String>,
    /// `markdown` or `text`: how to read a `.txt` file; or, for Markdown
    /// from a PDF converter, the style of its notes (`pdf-anchors`,
    /// `pdf-sup`, `pdf-tex`, `pdf-lines`, `pdf-plain`; see
    /// `normalize::notes`).
    pub format: Option<String>,
    /// The text's language, a BCP 47 tag (`language` or Pandoc's `lang`):
    /// `ru`, `zh-Hans`, `fr-CA`.
    pub language: Option<String>,
    /// Sorting weight on listings; lower comes first.
    pub weight: Option<i64>,
    pub draft: bool,
    /// A note on where the metadata came from, shown on the page.
    pub note: Option<String>,
    pub tags: Vec<String>,
    /// Zola-style `[taxonomies] tags = [...]`; read as tags.
    pub taxonomies: std::collections::BTreeMap<String, Vec<String>>,
    /// Earlier URLs of the page, each given a page that redirects here.
    pub aliases: Vec<String>,
    /// A template of the theme to render this page with.
    pub template: Option<String>,
    /// Sections only (`_index.md`): `date` (newest first, the default),
    /// `title` or `weight`.
    pub sort_by: Option<String>,
    /// Sections only: documents per listing page (0 or absent: one page).
    pub paginate_by: Option<usize>,
    /// `[extra]` and every key dossier does not know, for templates.
    pub extra: Map<String, Value>,
}

/// `author = "A"` or `authors = ["A", "B"]`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// A problem with one key: the key (to find its line) and the message.
pub type Problem = (String, String, crate::diagnostics::Severity);

/// Every key front matter and sidecars may hold.
pub const KEYS: &[&str] = &[
    "title",
    "authors",
    "author",
    "date",
    "updated",
    "publisher",
    "source",
    "category",
    "url",
    "slug",
    "summary",
    "description",
    "format",
    "language",
    "lang",
    "weight",
    "draft",
    "note",
    "tags",
    "taxonomies",
    "aliases",
    "template",
    "sort_by",
    "paginate_by",
    "extra",
];

/// Reads metadata from a key-value map, whatever format it came from.
pub fn from_map(map: Map<String, Value>) -> (Meta, Vec<Problem>) {
    use crate::diagnostics::Severity::{Error, Warning};
    let mut m = Meta::default();
    let mut problems: Vec<Problem> = Vec::new();
    let mut warnings: Vec<Problem> = Vec::new();
    let mut bad = |key: &str, msg: String| problems.push((key.to_string(), msg, Error));
    let mut description = None;
    for (key, value) in map {
        let k = key.as_str();
        match k {
            "title" => m.title = text(&value).or_else(|| bad_none(&mut bad, k, "a text")),
            "author" | "authors" => {
                m.authors = match list(&value) {
                    Some(v) if matches!(value, Value::Array(_)) => Some(OneOrMany::Many(v)),
                    Some(mut v) if v.len() == 1 => v.pop().map(OneOrMany::One),
                    _ => bad_none(&mut bad, k, "a name or a list of names"),
                }
            }
            "date" | "updated" => {
                let d = text(&value).map(|s| date_part(&s));
                let d = match d {
                    Some(d) if valid_date(&d) => Some(d),
                    _ => bad_none(&mut bad, k, "a date written YYYY, YYYY-MM or YYYY-MM-DD"),
                };
                if k == "date" {
                    m.date = d;
                } else {
                    m.updated = d;
                }
            }
            "publisher" | "source" => m.publisher = text(&value),
            "category" => m.category = text(&value),
            "url" => {
                m.url = match text(&value) {
                    Some(u) if crate::paths::is_safe_url(&u) => Some(u),
                    _ => bad_none(&mut bad, k, "an http or https address"),
                }
            }
            "slug" => m.slug = text(&value).or_else(|| bad_none(&mut bad, k, "a text")),
            "summary" => m.summary = text(&value),
            "description" => description = text(&value),
            "format" => {
                m.format = match text(&value).as_deref() {
                    Some(f) if f == "text" || NOTE_FORMATS.contains(&f) => {
                        Some(f.to_string())
                    }
                    // Quarto's and R Markdown's output formats (`format:
                    // html`, or a map of them): not dossier's, kept.
                    Some(f) if is_output_format(f) => {
                        m.extra.insert(k.to_string(), value.clone());
                        None
                    }
                    None if value.is_object() || value.is_array() => {
                        m.extra.insert(k.to_string(), value.clone());
                        None
                    }
                    _ => bad_none(
                        &mut bad,
                        k,
                        "`markdown`, `text`, or a converter's note style: `pdf-anchors`, `pdf-sup`, `pdf-tex`, `pdf-lines`, `pdf-circled`, `pdf-plain`",
                    ),
                }
            }
            "language" | "lang" => {
                m.language = match text(&value) {
                    Some(t) if is_language_tag(t.trim()) => Some(t.trim().to_string()),
                    _ => bad_none(
                        &mut bad,
                        k,
                        "a language tag such as `en`, `ru`, `zh` or `fr-CA`",
                    ),
                }
            }
            "weight" => m.weight = int(&value).or_else(|| bad_none(&mut bad, k, "a whole number")),
            "draft" => {
                m.draft = boolean(&value).unwrap_or_else(|| {
                    bad(k, "`draft` must be true or false".into());
                    false
                })
            }
            "note" => m.note = text(&value),
            "tags" => m.tags = list(&value).unwrap_or_default(),
            "taxonomies" => {
                if let Value::Object(t) = &value {
                    for (name, v) in t {
                        m.taxonomies
                            .insert(name.clone(), list(v).unwrap_or_default());
                    }
                }
            }
            "aliases" => m.aliases = list(&value).unwrap_or_default(),
            "template" => m.template = text(&value),
            "sort_by" => {
                m.sort_by = match text(&value).as_deref() {
                    Some(s @ ("date" | "title" | "weight")) => Some(s.to_string()),
                    _ => bad_none(&mut bad, k, "`date`, `title` or `weight`"),
                }
            }
            "paginate_by" => {
                m.paginate_by = int(&value)
                    .and_then(|n| usize::try_from(n).ok())
                    .or_else(|| bad_none(&mut bad, k, "a whole number, 0 or more"))
            }
            "extra" => match value {
                Value::Object(t) => m.extra.extend(t),
                other => {
                    m.extra.insert(key, other);
                }
            },
            _ => {
                // One edit from a known key (`titel`, `autor`): a typo.
                let near = (4..40)
                    .contains(&k.len())
                    .then(|| KEYS.iter().find(|c| edit_distance(k, c) == 1))
                    .flatten();
                if let Some(near) = near {
                    warnings.push((
                        key.clone(),
                        format!("unknown key `{key}` (kept for templates as `extra`); did you mean `{near}`?"),
                        Warning,
                    ));
                }
                m.extra.insert(key, value);
            }
        }
    }
    if m.summary.is_none() {
        m.summary = description;
    }
    problems.append(&mut warnings);
    (m, problems)
}

fn bad_none<T>(bad: &mut impl FnMut(&str, String), key: &str, valid: &str) -> Option<T> {
    bad(key, format!("`{key}` must be {valid}; it is ignored"));
    None
}

impl OneOrMany {
    pub fn to_vec(&self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s.clone()],
            OneOrMany::Many(v) => v.clone(),
        }
    }
}

impl Meta {
    /// Fills every field `self` lacks from `other` (front matter beats sidecar).
    pub fn or(self, other: Meta) -> Meta {
        Meta {
            title: self.title.or(other.title),
            authors: self.authors.or(other.authors),
            date: self.date.or(other.date),
            publisher: self.publisher.or(other.publisher),
            category: self.category.or(other.category),
            url: self.url.or(other.url),
            slug: self.slug.or(other.slug),
            summary: self.summary.or(other.summary),
            format: self.format.or(other.format),
            language: self.language.or(other.language),
            weight: self.weight.or(other.weight),
            draft: self.draft || other.draft,
            updated: self.updated.or(other.updated),
            aliases: if self.aliases.is_empty() {
                other.aliases
            } else {
                self.aliases
            },
            template: self.template.or(other.template),
            extra: {
                let mut e = other.extra;
                e.extend(self.extra);
                e
            },
            note: self.note.or(other.note),
            tags: if self.tags.is_empty() {
                other.tags
            } else {
                self.tags
            },
            taxonomies: if self.taxonomies.is_empty() {
                other.taxonomies
            } else {
                self.taxonomies
            },
            sort_by: self.sort_by.or(other.sort_by),
            paginate_by: self.paginate_by.or(other.paginate_by),
        }
    }
}

impl Meta {
    /// `tags` and every `[taxonomies]` list, in order, without repeats.
    pub fn all_tags(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for t in self.tags.iter().chain(self.taxonomies.values().flatten()) {
            if !out.contains(t) {
                out.push(t.clone());
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_wins_over_sidecar() {
        let fm = Meta {
            title: Some("A".into()),
            ..Meta::default()
        };
        let side = Meta {
            title: Some("B".into()),
            publisher: Some("P".into()),
            ..Meta::default()
        };
        let m = fm.or(side);
        assert_eq!(m.title.as_deref(), Some("A"));
        assert_eq!(m.publisher.as_deref(), Some("P"));
    }
}
