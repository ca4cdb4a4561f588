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

/// Whether a URL may become a link: `http`, `https`, `mailto`, or no
/// scheme at all (relative). Read as a browser reads it: ASCII white space
/// and control characters around or inside the scheme are ignored, so
/// ` java\tscript:` is `javascript:` and refused.
pub fn is_safe_url(url: &str) -> bool {
    let bare: String = url
        .chars()
        .filter(|c| !(c.is_ascii_whitespace() || c.is_ascii_control()))
        .take(64)
        .collect();
    let Some(colon) = bare.find(':') else {
        return true;
    };
    let scheme = &bare[..colon];
    // A colon after a path, query or fragment start is not a scheme's.
    if scheme.contains(['/', '?', '#']) {
        return true;
    }
    matches!(
        scheme.to_ascii_lowercase().as_str(),
        "http" | "https" | "mailto"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_safe_schemes_are_links() {
        for ok in [
            "https://example.org/a",
            "HTTP://x",
            "mailto:a@b.c",
            "other.md",
            "../a/b.html#x",
            "#p-1",
            "?q=a:b",
            "a/b:c",
            "",
        ] {
            assert!(is_safe_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "\u{1}javascript:x",
            "data:text/html,<script>",
            "vbscript:x",
            "file:///etc/passwd",
        ] {
            assert!(!is_safe_url(bad), "{bad:?}");
        }
    }

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
