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

/// `name` as one safe path segment: ASCII letters, digits, `-` and `_`
/// kept, every other run of characters one `-`, at most 80 bytes, never
/// empty, `.` or `..`. Names that become paths (topic ids) go through it,
/// so none can climb out of the output folder or name a device.
pub fn safe_segment(name: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '_' || (c == '-' && !out.is_empty()) {
            if dash && !out.is_empty() && c != '-' {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
        if out.len() >= 80 {
            break;
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        "x".to_string()
    } else {
        out
    }
}

/// `%XX` escapes decoded (bytes, then read as UTF-8 with replacement); a
/// `%` not followed by two hex digits stays as it is.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    let hex = |b: u8| (b as char).to_digit(16);
    while i < bytes.len() {
        if bytes[i] == b'%' {
            if let (Some(Some(h)), Some(Some(l))) = (
                bytes.get(i + 1).map(|&b| hex(b)),
                bytes.get(i + 2).map(|&b| hex(b)),
            ) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
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
    fn safe_segments() {
        for (name, safe) in [
            ("energy", "energy"),
            ("NATO", "NATO"),
            ("central-asia", "central-asia"),
            ("../../../victim", "victim"),
            ("/etc/passwd", "etc-passwd"),
            ("C:\\x", "C-x"),
            ("a\0b", "a-b"),
            ("..", "x"),
            ("", "x"),
            ("Пекин", "x"),
        ] {
            assert_eq!(safe_segment(name), safe, "{name:?}");
        }
        assert!(safe_segment(&"a".repeat(10_000)).len() <= 80);
    }

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
