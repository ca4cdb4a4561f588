//! Stable, unique, URL-safe ids and slugs.

use std::collections::{HashMap, HashSet};

/// How slugs are spelled (`slugs` in `config.toml`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub enum SlugStyle {
    /// Every script transliterated to ASCII (`Москва` → `moskva`,
    /// `天然气` → `tian-ran-qi`, `Été` → `ete`): the default.
    #[default]
    Ascii,
    /// Letters of every script kept, lower-cased (`москва`, `天然气`).
    Unicode,
}

impl SlugStyle {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "ascii" | "transliterate" => Some(Self::Ascii),
            "unicode" => Some(Self::Unicode),
            _ => None,
        }
    }
}

/// The id a link's fragment names on its target's page, as a wiki writes
/// it: a heading's text as the heading's id is made (`The sieges of 1685`
/// → `the-sieges-of-1685`; of `Heading#Subheading`, the last); a block id
/// (`^core-clause`) as the anchor kept for it, its caret escaped for the
/// URL (`%5Ecore-clause`).
pub fn fragment_id(fragment: &str) -> String {
    let f = fragment.trim();
    if let Some(block) = f.strip_prefix('^') {
        return format!("%5E{block}");
    }
    slugify(f.rsplit('#').next().unwrap_or(f))
}

/// A wiki link's target as a reader sees it: `Albazin#The sieges` →
/// `Albazin › The sieges`, a block id left out (`Note#^core` → `Note`);
/// `None` when nothing is left to show.
pub fn wiki_shown(target: &str) -> Option<String> {
    let parts: Vec<&str> = target
        .split('#')
        .map(str::trim)
        .filter(|s| !s.is_empty() && !s.starts_with('^'))
        .collect();
    (!parts.is_empty()).then(|| parts.join(" › "))
}

/// An ASCII slug: see [`slugify_as`].
pub fn slugify(text: &str) -> String {
    slugify_as(text, SlugStyle::Ascii)
}

/// Lower-case letters and digits joined by single dashes, at most 80 bytes,
/// cut at a word boundary. [`SlugStyle::Ascii`] transliterates every script
/// first (the `deunicode` tables); [`SlugStyle::Unicode`] keeps letters of
/// every script. Apostrophes and dots join rather than split words
/// (`Russia's` → `russias`, `U.S.` → `us`). The result may be empty (a
/// text of punctuation only): callers fall back to another name.
pub fn slugify_as(text: &str, style: SlugStyle) -> String {
    let ascii;
    let text = match style {
        SlugStyle::Ascii if !text.is_ascii() => {
            ascii = deunicode::deunicode_with_tofu(text, " ");
            ascii.as_str()
        }
        _ => text,
    };
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else if !matches!(c, '\'' | '’' | '.') {
            dash = true;
        }
    }
    out.truncate(floor_at_dash(&out, 80));
    out
}

/// Cuts long slugs at a word boundary (or a character boundary when one
/// word is longer than `max`).
fn floor_at_dash(s: &str, max: usize) -> usize {
    if s.len() <= max {
        return s.len();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].rfind('-').unwrap_or(end)
}

/// Hands out ids unique within one page: a repeated base gets `-2`, `-3`.
/// The next suffix of each base is remembered, so a base repeated k times
/// costs O(k), not O(k²).
#[derive(Debug, Default)]
pub struct IdSet {
    used: HashSet<String>,
    next: HashMap<String, usize>,
}

impl IdSet {
    pub fn unique(&mut self, base: &str) -> String {
        let base = if base.is_empty() { "section" } else { base };
        let mut id = base.to_string();
        let mut n = self.next.get(base).copied().unwrap_or(1);
        while self.used.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.next.insert(base.to_string(), n);
        self.used.insert(id.clone());
        id
    }

    pub fn reserve(&mut self, id: &str) {
        self.used.insert(id.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(
            slugify("China and Russia: A Worrying Relationship"),
            "china-and-russia-a-worrying-relationship"
        );
        assert_eq!(
            slugify("  Russia’s “Pivot” — 2014!  "),
            "russias-pivot-2014"
        );
        assert_eq!(slugify("Été à Paris"), "ete-a-paris");
        assert_eq!(slugify("Россия"), "rossiia");
        assert_eq!(slugify("天然气 管道"), "tian-ran-qi-guan-dao");
        assert_eq!(slugify("Ελλάδα"), "ellada");
        assert_eq!(slugify("—!?"), "");
        assert_eq!(
            slugify("***Cultural Collaborations***"),
            "cultural-collaborations"
        );
        let long = slugify(&"word ".repeat(40));
        assert!(long.len() <= 80 && !long.ends_with('-'));
    }

    #[test]
    fn unicode_slugs_keep_every_script_and_cut_on_characters() {
        let u = |t| slugify_as(t, SlugStyle::Unicode);
        assert_eq!(u("Россия и Китай: 2014"), "россия-и-китай-2014");
        assert_eq!(u("天然气管道"), "天然气管道");
        assert_eq!(u("Été à Paris"), "été-à-paris");
        let long = u(&"газопровод".repeat(10));
        assert!(long.len() <= 80 && !long.is_empty());
        let long = slugify_as(&"газ ".repeat(40), SlugStyle::Unicode);
        assert!(long.len() <= 80 && !long.ends_with('-'));
    }

    #[test]
    fn ids_are_unique() {
        let mut ids = IdSet::default();
        assert_eq!(ids.unique("a"), "a");
        assert_eq!(ids.unique("a"), "a-2");
        assert_eq!(ids.unique(""), "section");
        ids.reserve("b");
        assert_eq!(ids.unique("b"), "b-2");
        assert_eq!(ids.unique("a"), "a-3");
        ids.reserve("c-2");
        assert_eq!(ids.unique("c"), "c");
        assert_eq!(ids.unique("c"), "c-3");
        let mut many = IdSet::default();
        for _ in 0..50_000 {
            many.unique("same");
        }
        assert_eq!(many.unique("same"), "same-50001");
    }
}
