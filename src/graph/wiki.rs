//! Links by name, as Obsidian and other wikis write them: `[[Kyakhta
//! Treaty]]`, `[[Sources/Albazin#The sieges]]`, `![[map.png|400]]`. A name
//! is matched, without regard to case, against each text's path without
//! its extension, its file name, its title and the names its front matter
//! gives it (`aliases` that are not site paths); a file beside the texts
//! by its path or its file name. Where several match, the one in the
//! linking text's folder wins, then the shortest path.

use super::Doc;
use std::collections::HashMap;
use std::sync::Arc;

/// The texts by each name they can be linked by.
pub struct Names {
    by_name: HashMap<String, Vec<usize>>,
}

impl Names {
    pub fn new(docs: &[Arc<Doc>]) -> Names {
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, d) in docs.iter().enumerate() {
            let path = without_extension(&d.rel);
            let file = path.rsplit('/').next().unwrap_or(path);
            let names = [path, file, d.title.as_str()]
                .into_iter()
                .chain(d.aliases.iter().map(String::as_str).filter(|a| is_name(a)));
            for name in names {
                let key = key(name);
                if key.is_empty() {
                    continue;
                }
                let list = by_name.entry(key).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        Names { by_name }
    }

    /// The text a wiki link's target (`Name`, `Name#Heading`) names, seen
    /// from the text at `from_rel`, and the fragment to link to.
    pub fn resolve(
        &self,
        docs: &[Arc<Doc>],
        from_rel: &str,
        dest: &str,
    ) -> Option<(usize, Option<String>)> {
        let (name, fragment) = split_fragment(dest);
        let list = self
            .by_name
            .get(&key(&crate::paths::percent_decode(name)))?;
        let folder = |rel: &str| rel.rsplit_once('/').map_or("", |(f, _)| f).to_string();
        let here = folder(from_rel);
        let best = list.iter().copied().min_by_key(|&d| {
            let rel = &docs[d].rel;
            (folder(rel) != here, rel.matches('/').count(), rel.clone())
        })?;
        Some((best, fragment.map(crate::parse::ids::fragment_id)))
    }
}

/// A wiki link's target split at its fragment: `Note#Heading` →
/// (`Note`, `Heading`).
pub fn split_fragment(dest: &str) -> (&str, Option<&str>) {
    match dest.split_once('#') {
        Some((name, f)) => (name, Some(f).filter(|f| !f.trim().is_empty())),
        None => (dest, None),
    }
}

/// Whether an alias in front matter is a name (Obsidian's `aliases`), not
/// an earlier URL to redirect from (`/posts/old/`, `old.html`).
pub fn is_name(alias: &str) -> bool {
    let a = alias.trim();
    !a.is_empty() && !a.contains('/') && !a.ends_with(".html") && !a.ends_with(".htm")
}

/// A name as it is matched: extension off, case folded, spaces and
/// separators alike.
fn key(name: &str) -> String {
    let name = without_extension(name.trim().trim_start_matches("./").trim_start_matches('/'));
    name.split(|c: char| c.is_whitespace() || c == '_')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn without_extension(path: &str) -> &str {
    for ext in crate::sources::SOURCE_EXTENSIONS {
        if path.len() > ext.len()
            && path
                .to_ascii_lowercase()
                .ends_with(&ext.to_ascii_lowercase())
        {
            return &path[..path.len() - ext.len()];
        }
    }
    path
}

/// Files beside the texts by their lower-case file name, for links and
/// embeds that name a file without its folder (`![[map.png]]`): the
/// first path in order where two share a name.
pub fn file_names<'a>(paths: impl Iterator<Item = &'a String>) -> HashMap<String, String> {
    let mut sorted: Vec<&String> = paths.collect();
    sorted.sort();
    let mut out = HashMap::new();
    for p in sorted {
        let name = p.rsplit('/').next().unwrap_or(p).to_lowercase();
        out.entry(name).or_insert_with(|| p.clone());
    }
    out
}

/// The file a link names by its file name (`map.png`, `Map.PNG`), when
/// no file stands at its relative path.
pub fn file_by_name<'a>(names: &'a HashMap<String, String>, dest: &str) -> Option<&'a String> {
    let path = dest.split(['#', '?', '|']).next().unwrap_or("");
    let decoded = crate::paths::percent_decode(path);
    let name = decoded
        .rsplit('/')
        .next()
        .unwrap_or(&decoded)
        .trim()
        .to_lowercase();
    names.get(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_as_wikis_match_them() {
        assert_eq!(key("Kyakhta Treaty.md"), "kyakhta treaty");
        assert_eq!(key("  kyakhta_treaty "), "kyakhta treaty");
        assert_eq!(key("Sources/Albazin"), "sources/albazin");
        assert_eq!(
            split_fragment("Albazin#The sieges"),
            ("Albazin", Some("The sieges"))
        );
        assert_eq!(split_fragment("Albazin#"), ("Albazin", None));
        let shown = crate::parse::ids::wiki_shown;
        assert_eq!(
            shown("Albazin#The sieges").as_deref(),
            Some("Albazin › The sieges")
        );
        assert_eq!(shown("Note#^core").as_deref(), Some("Note"));
        assert_eq!(shown("#^core"), None);
        assert!(is_name("Treaty of 1689") && is_name("Nerchinsk"));
        assert!(!is_name("/old/x/") && !is_name("older.html") && !is_name(" "));
    }

    #[test]
    fn files_are_found_by_their_name() {
        let paths = ["b/map.png".to_string(), "a/Map.png".to_string()];
        let names = file_names(paths.iter());
        assert_eq!(
            file_by_name(&names, "map.png").map(String::as_str),
            Some("a/Map.png")
        );
        assert_eq!(
            file_by_name(&names, "x/MAP.PNG").map(String::as_str),
            Some("a/Map.png")
        );
        assert_eq!(file_by_name(&names, "nothing.png"), None);
    }
}
