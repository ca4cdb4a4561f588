//! Stable, unique, URL-safe ids and slugs.

use std::collections::{HashMap, HashSet};

/// Lower-case ASCII letters and digits joined by single dashes. Accented Latin
/// letters lose their accents; other scripts are dropped (callers fall back to
/// another name when the result is empty).
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars().flat_map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else if !matches!(c, '\'' | '’' | '.') {
            // Apostrophes and dots join rather than split words:
            // `Russia's` → `russias`, `U.S.` → `us`.
            dash = true;
        }
    }
    out.truncate(floor_at_dash(&out, 80));
    out
}

/// Cuts long slugs at a word boundary.
fn floor_at_dash(s: &str, max: usize) -> usize {
    if s.len() <= max {
        return s.len();
    }
    s[..max].rfind('-').unwrap_or(max)
}

fn fold_accent(c: char) -> Vec<char> {
    let s = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => "A",
        'ç' | 'č' | 'ć' => "c",
        'Ç' | 'Č' | 'Ć' => "C",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' => "e",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ě' => "E",
        'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => "I",
        'ñ' | 'ń' => "n",
        'Ñ' | 'Ń' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => "O",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' => "U",
        'ý' | 'ÿ' => "y",
        'š' | 'ś' => "s",
        'Š' | 'Ś' => "S",
        'ž' | 'ź' | 'ż' => "z",
        'Ž' | 'Ź' | 'Ż' => "Z",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        _ => return vec![c],
    };
    s.chars().collect()
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
        assert_eq!(slugify("Россия"), "");
        assert_eq!(
            slugify("***Cultural Collaborations***"),
            "cultural-collaborations"
        );
        let long = slugify(&"word ".repeat(40));
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
