//! Check: the guarantees that make a site readable offline.
//!
//! 1. Every internal link and `#anchor` resolves to a file of the site (the
//!    `file://` rule: links end in a file, never in a folder, and never start
//!    with `/`).
//! 2. No absolute links to the site's own pages (they break on a copy).
//! 3. No external resources: no script, stylesheet, image, frame or font from
//!    another host, in HTML or CSS. Links to other sites are fine.

mod locate;

pub use locate::{locate, PageSource};

use crate::output::OutputFile;
use std::collections::{HashMap, HashSet};

/// One broken link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    pub page: String,
    pub link: String,
    pub reason: String,
    /// The file and line where a text wrote it (see [`locate`]).
    pub source: Option<(std::path::PathBuf, usize)>,
}

impl std::fmt::Display for Broken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.source {
            Some((path, line)) => write!(
                f,
                "{}:{line}: {} ({}; on {})",
                path.display(),
                self.link,
                self.reason,
                self.page
            ),
            None => write!(f, "{}: {} ({})", self.page, self.link, self.reason),
        }
    }
}

/// Checks every `href` and `src` in the HTML files of `files`.
pub fn check_links(files: &[OutputFile]) -> Vec<Broken> {
    let paths: HashSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let html: Vec<(&str, String)> = files
        .iter()
        .filter(|f| f.path.ends_with(".html"))
        .map(|f| {
            (
                f.path.as_str(),
                String::from_utf8_lossy(&f.bytes.plain()).into_owned(),
            )
        })
        .collect();
    let ids: HashMap<&str, HashSet<String>> = html
        .iter()
        .map(|(p, text)| (*p, attribute_values(text, "id").into_iter().collect()))
        .collect();
    let mut broken = Vec::new();
    for (page, text) in &html {
        // `<base href>` (the 404 page's, for hosts) is not a link.
        let links = tagged_values(text, "href")
            .into_iter()
            .chain(tagged_values(text, "src"))
            .filter(|(tag, _)| tag != "base")
            .map(|(_, v)| v);
        for link in links {
            if let Some(reason) = check_one(page, &link, &paths, &ids) {
                broken.push(Broken {
                    page: page.to_string(),
                    link,
                    reason,
                    source: None,
                });
            }
        }
    }
    broken
}

fn check_one(
    page: &str,
    link: &str,
    paths: &HashSet<&str>,
    ids: &HashMap<&str, HashSet<String>>,
) -> Option<String> {
    if is_external(link) {
        return None;
    }
    if link.starts_with('/') {
        return Some("absolute path: breaks from file:// and under a sub-folder".into());
    }
    let (path, anchor) = match link.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (link, None),
    };
    let path = path.split('?').next().unwrap_or_default();
    let target = if path.is_empty() {
        page.to_string()
    } else {
        match resolve(page, path) {
            Some(t) => t,
            None => return Some("climbs above the site root".into()),
        }
    };
    if !paths.contains(target.as_str()) {
        let hint = if path.ends_with('/') || !target.contains('.') {
            "does not end in a file"
        } else {
            "no such file"
        };
        return Some(format!("{hint}: {target}"));
    }
    // Only pages have ids; a fragment of another file (`paper.pdf#page=2`)
    // is the viewer's to read.
    match anchor {
        Some(a) if !a.is_empty() && ids.contains_key(target.as_str()) => {
            let a = crate::paths::percent_decode(a);
            let found = ids.get(target.as_str()).is_some_and(|set| set.contains(&a));
            (!found).then(|| format!("no id `{a}` in {target}"))
        }
        _ => None,
    }
}

fn is_external(link: &str) -> bool {
    let scheme = link.split(':').next().unwrap_or_default();
    link.contains(':')
        && !scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
}

/// Resolves `rel` against the folder of `page`, keeping a trailing `/` (a
/// link to a folder, which the `file://` rule rejects); `None` if it climbs
/// above the root.
fn resolve(page: &str, rel: &str) -> Option<String> {
    let mut out = crate::paths::resolve_relative(page, rel)?;
    if rel.ends_with('/') {
        out.push('/');
    }
    Some(crate::paths::percent_decode(&out))
}

/// Checks the offline guarantees 2 and 3; `base_url` is the site's own.
pub fn check_offline(files: &[OutputFile], base_url: &str) -> Vec<Broken> {
    let own = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    let mut broken = Vec::new();
    for f in files {
        let bytes = f.bytes.plain();
        let text = String::from_utf8_lossy(&bytes);
        if f.path.ends_with(".html") {
            // The canonical URL names the page on its host on purpose; a
            // reader offline never follows it.
            let text = without_canonical(&text);
            for (tag, value) in tagged_values(&text, "href")
                .into_iter()
                .chain(tagged_values(&text, "src"))
            {
                let bare = value
                    .split_once("://")
                    .map_or(value.as_str(), |(_, rest)| rest);
                let external = value.starts_with("http://")
                    || value.starts_with("https://")
                    || value.starts_with("//");
                let reason = if external && !own.is_empty() && bare.starts_with(own) {
                    Some("absolute link to this site's own page: breaks on a copy and from file://")
                } else if external && LOADING_TAGS.contains(&tag.as_str()) {
                    Some("loads a resource from another host: the page would need the network")
                } else {
                    None
                };
                if let Some(reason) = reason {
                    broken.push(Broken {
                        page: f.path.clone(),
                        link: value,
                        reason: reason.to_string(),
                        source: None,
                    });
                }
            }
        } else if f.path.ends_with(".css") {
            let lower = text.to_lowercase();
            for pattern in [
                "url(http",
                "url(\"http",
                "url('http",
                "url(//",
                "@import \"http",
                "@import url",
            ] {
                if lower.contains(pattern) {
                    broken.push(Broken {
                        page: f.path.clone(),
                        link: pattern.to_string(),
                        reason: "stylesheet loads a resource from another host".into(),
                        source: None,
                    });
                }
            }
        }
    }
    broken
}

/// `html` without its `<link rel="canonical" …>` elements.
fn without_canonical(html: &str) -> std::borrow::Cow<'_, str> {
    const OPEN: &str = "<link rel=\"canonical\"";
    if !html.contains(OPEN) {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(OPEN) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        rest = rest.find('>').map_or("", |e| &rest[e + 1..]);
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Elements whose `src` or `href` the browser loads with the page.
const LOADING_TAGS: &[&str] = &[
    "script", "link", "img", "iframe", "source", "video", "audio", "embed", "object", "track",
    "image", "use",
];

/// (tag name, value) of every `name="…"` attribute, entities decoded.
pub fn tagged_values(html: &str, name: &str) -> Vec<(String, String)> {
    let needle = format!(" {name}=\"");
    let mut out = Vec::new();
    let mut tag = String::new();
    let mut in_tag = false;
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' => {
                in_tag = true;
                let rest = &html[i + 1..];
                let end = rest
                    .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                    .unwrap_or(rest.len());
                tag = rest[..end].to_ascii_lowercase();
            }
            b'>' => in_tag = false,
            b' ' if in_tag && html[i..].starts_with(&needle) => {
                let start = i + needle.len();
                if let Some(len) = html[start..].find('"') {
                    out.push((
                        tag.clone(),
                        crate::chars::unescape_html(&html[start..start + len]),
                    ));
                    i = start + len;
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// Values of `name="…"` attributes inside tags (dossier writes attributes
/// with double quotes), with character references decoded.
pub fn attribute_values(html: &str, name: &str) -> Vec<String> {
    tagged_values(html, name)
        .into_iter()
        .map(|(_, value)| value)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> Vec<OutputFile> {
        files.iter().map(|(p, s)| OutputFile::new(*p, *s)).collect()
    }

    #[test]
    fn good_links_pass() {
        let files = site(&[
            (
                "index.html",
                r##"<a href="a/index.html#p-1">x</a> <a href="https://e.org/">e</a> <a href="#top" id="top">t</a> <link href="style.css">"##,
            ),
            (
                "a/index.html",
                r#"<p id="p-1"><a href="../index.html">home</a></p>"#,
            ),
            ("style.css", ""),
        ]);
        assert_eq!(check_links(&files), vec![]);
    }

    #[test]
    fn broken_links_are_reported() {
        let files = site(&[(
            "a/index.html",
            r##"<a href="../b/">x</a><a href="/index.html">y</a><a href="#nope">z</a><a href="../../x.html">w</a><img src="missing.png">"##,
        )]);
        let reasons: Vec<String> = check_links(&files).into_iter().map(|b| b.reason).collect();
        assert_eq!(reasons.len(), 5, "{reasons:?}");
        assert!(reasons[0].starts_with("does not end in a file"));
        assert!(reasons[1].starts_with("absolute path"));
        assert!(reasons[2].starts_with("no id `nope`"));
    }

    #[test]
    fn percent_decoding_never_cuts_a_character() {
        assert_eq!(crate::paths::percent_decode("#%€x"), "#%€x");
        assert_eq!(crate::paths::percent_decode("a%2Fb%"), "a/b%");
        assert_eq!(crate::paths::percent_decode("%e2%82%ac%4"), "€%4");
    }

    #[test]
    fn entities_in_attributes_are_decoded() {
        assert_eq!(
            crate::chars::unescape_html("..&#x2F;a&amp;b&#47;&bogus;&"),
            "../a&b/&bogus;&"
        );
        let files = site(&[
            ("a/i.html", r#"<a href="..&#x2F;b.html">x</a>"#),
            ("b.html", ""),
        ]);
        assert!(check_links(&files).is_empty());
    }

    #[test]
    fn offline_guarantees() {
        let files = site(&[
            (
                "a.html",
                r#"<a href="https://example.org/site/x.html">own</a><a href="https://other.org/">ok</a><script src="https://cdn.example/x.js"></script><link rel="stylesheet" href="https://fonts.example/css"><img src="http://img.example/a.png">"#,
            ),
            (
                "s.css",
                "body { background: url(https://img.example/bg.png) }",
            ),
            ("ok.css", "body { background: url(bg.png) }"),
        ]);
        let problems = check_offline(&files, "https://example.org/site/");
        let pages: Vec<(&str, &str)> = problems
            .iter()
            .map(|b| (b.page.as_str(), b.link.as_str()))
            .collect();
        assert_eq!(
            pages,
            vec![
                ("a.html", "https://example.org/site/x.html"),
                ("a.html", "https://fonts.example/css"),
                ("a.html", "https://cdn.example/x.js"),
                ("a.html", "http://img.example/a.png"),
                ("s.css", "url(http"),
            ]
        );
    }

    #[test]
    fn text_outside_tags_is_ignored() {
        let files = site(&[("i.html", r#"<p>Write href="x.html" in text</p>"#)]);
        assert!(check_links(&files).is_empty());
    }
}
