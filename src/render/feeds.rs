//! Machine-facing files: `sitemap.xml`, `robots.txt` and the Atom feed. They
//! are the only outputs with absolute URLs (from `base_url`), as their
//! readers require.

use crate::config::Config;
use crate::graph::Site;
use std::fmt::Write;

/// The sitemap of `pages`; a document's page says when it last changed
/// (`updated`, else `date`, as W3C dates: `2021`, `2021-03`, `2021-03-05`).
pub fn sitemap(config: &Config, site: &Site, pages: &[&str]) -> String {
    let changed: std::collections::HashMap<&str, &str> = site
        .docs
        .iter()
        .filter_map(|d| Some((d.url.as_str(), d.updated.as_deref().or(d.date.as_deref())?)))
        .collect();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for page in pages {
        let lastmod = changed
            .get(page)
            .map(|d| format!("<lastmod>{}</lastmod>", xml(d)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  <url><loc>{}</loc>{lastmod}</url>",
            xml(&absolute(config, page))
        );
    }
    out.push_str("</urlset>\n");
    out
}

pub fn robots(config: &Config) -> String {
    format!(
        "User-agent: *\nAllow: /\nSitemap: {}\n",
        absolute(config, "sitemap.xml")
    )
}

/// The Atom feed of the newest documents. Undated documents come last and
/// take the newest date of the feed, so the file never depends on the clock.
pub fn atom(config: &Config, site: &Site, limit: usize) -> String {
    let mut docs: Vec<&crate::graph::Doc> = site.docs.iter().map(|d| &**d).collect();
    docs.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.url.cmp(&b.url)));
    docs.truncate(limit);
    let newest = docs
        .iter()
        .filter_map(|d| d.date.as_deref())
        .max()
        .unwrap_or("1970-01-01");
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    let _ = writeln!(out, "  <title>{}</title>", xml(&config.title));
    let _ = writeln!(
        out,
        "  <link href=\"{}\" rel=\"self\"/>",
        xml(&absolute(config, "atom.xml"))
    );
    let _ = writeln!(out, "  <link href=\"{}\"/>", xml(&config.base_url));
    let _ = writeln!(out, "  <id>{}</id>", xml(&config.base_url));
    let _ = writeln!(out, "  <updated>{}</updated>", rfc3339(newest));
    // Atom needs an author for every entry: the feed's stands in for
    // entries that name none (the site's title when the config has none).
    let feed_author = if config.author.is_empty() {
        &config.title
    } else {
        &config.author
    };
    let _ = writeln!(out, "  <author><name>{}</name></author>", xml(feed_author));
    for d in docs {
        let url = absolute(config, &d.url);
        out.push_str("  <entry>\n");
        let _ = writeln!(out, "    <title>{}</title>", xml(&d.title));
        let _ = writeln!(out, "    <link href=\"{}\"/>", xml(&url));
        let _ = writeln!(out, "    <id>{}</id>", xml(&url));
        let _ = writeln!(
            out,
            "    <updated>{}</updated>",
            rfc3339(d.date.as_deref().unwrap_or(newest))
        );
        for a in &d.authors {
            let _ = writeln!(out, "    <author><name>{}</name></author>", xml(a));
        }
        if !d.summary.is_empty() {
            let _ = writeln!(out, "    <summary>{}</summary>", xml(&d.summary));
        }
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

fn absolute(config: &Config, path: &str) -> String {
    format!("{}{}", config.base_url, path)
}

/// `2021`, `2021-03` or `2021-03-05` as an RFC 3339 timestamp.
fn rfc3339(date: &str) -> String {
    let mut parts = date.split('-');
    let y = parts.next().unwrap_or("1970");
    let m = parts.next().unwrap_or("01");
    let d = parts.next().unwrap_or("01");
    format!("{y}-{m}-{d}T00:00:00Z")
}

pub fn xml(s: &str) -> String {
    super::highlight::escape(s)
}

/// The path of the base URL (`https://example.org/dossier/` →
/// `/dossier/`), where the site's root is on its host.
pub fn base_path(base_url: &str) -> String {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    match rest.find('/') {
        Some(i) => rest[i..].to_string(),
        None => "/".to_string(),
    }
}

/// The redirect page at `from` leading to the site path `to`.
pub fn redirect(from: &str, to: &str, title: &str) -> String {
    let up = "../".repeat(from.matches('/').count());
    let href = format!("{up}{to}");
    let href = super::highlight::escape(&href);
    let title = super::highlight::escape(title);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url={href}\">\n<link rel=\"canonical\" href=\"{href}\">\n</head>\n<body>\n<p>This page has moved to <a href=\"{href}\">{title}</a>.</p>\n</body>\n</html>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps() {
        assert_eq!(rfc3339("2021"), "2021-01-01T00:00:00Z");
        assert_eq!(rfc3339("2021-03"), "2021-03-01T00:00:00Z");
        assert_eq!(rfc3339("2021-03-05"), "2021-03-05T00:00:00Z");
    }

    #[test]
    fn redirect_pages_lead_back_by_relative_urls() {
        let p = redirect(
            "posts/old/index.html",
            "new-doc/index.html",
            "A \"title\" <b>",
        );
        assert!(p.contains("url=../../new-doc/index.html\""), "{p}");
        assert!(p.contains("A &quot;title&quot; &lt;b&gt;"), "{p}");
    }
}
