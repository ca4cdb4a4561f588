//! Where a broken link was written: a link on a document's page that the
//! author wrote is reported at its file and line (the page's links as
//! written, and their lines, come with the build); one the theme or
//! dossier made is reported on its page.

use super::Broken;
use std::collections::HashMap;
use std::path::PathBuf;

/// A document page's source: its file, and each link target as written
/// with the line where it first appears.
#[derive(Debug, Clone, Default)]
pub struct PageSource {
    /// The page's output path.
    pub page: String,
    pub path: PathBuf,
    pub links: Vec<(String, usize)>,
}

/// Gives each broken link on a document page that its text wrote the
/// file and line it was written at. Targets are compared with their
/// percent-escapes decoded (the page writes `a%20b.png` for `a b.png`).
pub fn locate(broken: &mut [Broken], sources: &[PageSource]) {
    let by_page: HashMap<&str, &PageSource> =
        sources.iter().map(|s| (s.page.as_str(), s)).collect();
    for b in broken {
        let Some(source) = by_page.get(b.page.as_str()) else {
            continue;
        };
        let link = crate::paths::percent_decode(&b.link);
        let written = source
            .links
            .iter()
            .find(|(dest, _)| *dest == b.link || crate::paths::percent_decode(dest) == link);
        if let Some((_, line)) = written {
            b.source = Some((source.path.clone(), *line));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_links_are_placed_where_they_were_written() {
        let sources = [PageSource {
            page: "essays/a/index.html".into(),
            path: "content/essays/a.md".into(),
            links: vec![("img/a b.png".into(), 7), ("#gone".into(), 9)],
        }];
        let broken = |page: &str, link: &str| Broken {
            page: page.into(),
            link: link.into(),
            reason: "no file".into(),
            source: None,
        };
        let mut found = vec![
            broken("essays/a/index.html", "img/a%20b.png"),
            broken("essays/a/index.html", "#gone"),
            broken("essays/a/index.html", "../../static/x.css"),
            broken("index.html", "img/a%20b.png"),
        ];
        locate(&mut found, &sources);
        let at: Vec<Option<usize>> = found
            .iter()
            .map(|b| b.source.as_ref().map(|s| s.1))
            .collect();
        assert_eq!(at, [Some(7), Some(9), None, None]);
        assert_eq!(
            found[0].to_string(),
            "content/essays/a.md:7: img/a%20b.png (no file; on essays/a/index.html)"
        );
        assert_eq!(
            found[2].to_string(),
            "essays/a/index.html: ../../static/x.css (no file)"
        );
    }
}
