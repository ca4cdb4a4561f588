//! Relative paths inside a site, `/`-separated, used where links are
//! resolved: links between sources (`graph::related`) and links in the
//! output (`check`).

/// Resolves `rel` against the folder of the file `from`: `notes/a.md` +
/// `../b.md` → `b.md`. `None` when it climbs above the root.
pub fn resolve_relative(from: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_paths() {
        assert_eq!(
            resolve_relative("notes/a.md", "../b.md").as_deref(),
            Some("b.md")
        );
        assert_eq!(
            resolve_relative("a.md", "notes/./c.txt").as_deref(),
            Some("notes/c.txt")
        );
        assert_eq!(resolve_relative("a/index.html", "../../x.html"), None);
    }
}
