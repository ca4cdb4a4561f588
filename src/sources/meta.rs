//! Document metadata as a user writes it: in front matter or in a sidecar
//! `<stem>.meta.toml` beside a file that cannot carry front matter.

use serde::Deserialize;

/// Metadata keys shared by front matter and sidecars. All optional: what is
/// missing is inferred from the text by the normalise stage.
#[derive(Debug, Default, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: Option<String>,
    #[serde(default, alias = "author")]
    pub authors: Option<OneOrMany>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a bare year may be a number).
    #[serde(default, deserialize_with = "string_or_year")]
    pub date: Option<String>,
    /// Who published the text: a newspaper, a site, a journal.
    #[serde(alias = "source")]
    pub publisher: Option<String>,
    /// The section label a byline gives (`By X | China/Russia`).
    pub category: Option<String>,
    /// Where the text was published originally.
    pub url: Option<String>,
    pub slug: Option<String>,
    pub summary: Option<String>,
    /// `markdown` or `text`: how to read a `.txt` file.
    pub format: Option<String>,
    /// Sorting weight on listings; lower comes first.
    pub weight: Option<i64>,
    #[serde(default)]
    pub draft: bool,
    /// A note on where the metadata came from, shown on the page.
    pub note: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Zola-style `[taxonomies] tags = [...]`; read as tags.
    #[serde(default)]
    pub taxonomies: std::collections::BTreeMap<String, Vec<String>>,
    /// Sections only (`_index.md`): `date` (newest first, the default),
    /// `title` or `weight`.
    pub sort_by: Option<String>,
    /// Sections only: documents per listing page (0 or absent: one page).
    pub paginate_by: Option<usize>,
}

/// `author = "A"` or `authors = ["A", "B"]`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
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
            weight: self.weight.or(other.weight),
            draft: self.draft || other.draft,
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

/// Reads `date = "2021"` and `date = 2021` alike.
fn string_or_year<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Text(String),
        Year(i64),
    }
    Ok(Option::<Raw>::deserialize(d)?.map(|r| match r {
        Raw::Text(s) => s,
        Raw::Year(y) => y.to_string(),
    }))
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
