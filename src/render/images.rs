//! Links and images of a text, retargeted: a link to another document's
//! source (`x.md`) leads to its page, and one to a file beside the text to
//! where it is published, from the page's place. Images are written here
//! rather than by the Markdown writer: `alt` from the Markdown's text,
//! `width` and `height` when the file declares them (so the page does not
//! move as images arrive), loaded lazily.

use crate::chars::escape_html as escape;
use crate::graph::files::Size;
use crate::parse::Node;
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use std::borrow::Cow;
use std::collections::HashMap;

/// Where a link or image written as some target leads instead, and the
/// pixel size of an image there.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Target {
    pub href: String,
    pub size: Option<Size>,
}

/// Link targets as written → where they lead.
pub type Targets = HashMap<String, Target>;

/// `nodes` with links retargeted and each image made one `<img>` element.
pub fn retarget<'a>(nodes: &'a [Node], targets: &Targets) -> Cow<'a, [Node]> {
    let touched = |n: &Node| match n {
        Node::Md(Event::Start(Tag::Image { .. })) => true,
        Node::Md(Event::Start(Tag::Link {
            dest_url,
            link_type,
            ..
        })) => targets.contains_key(dest_url.as_ref()) || is_wiki(link_type),
        _ => false,
    };
    if !nodes.iter().any(touched) {
        return Cow::Borrowed(nodes);
    }
    let mut out = Vec::with_capacity(nodes.len());
    // Inside a wiki link that names no text: its words are shown unlinked.
    let mut missing = false;
    let mut i = 0;
    while i < nodes.len() {
        match &nodes[i] {
            Node::Md(Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            })) if is_wiki(link_type)
                && !dest_url.starts_with('#')
                && !targets.contains_key(dest_url.as_ref()) =>
            {
                missing = true;
                out.push(raw(format!(
                    "<span class=\"wikilink-missing\" title=\"{}\">",
                    escape(&format!("No text is named “{dest_url}”"))
                )));
            }
            Node::Md(Event::End(TagEnd::Link)) if missing => {
                missing = false;
                out.push(raw("</span>".to_string()));
            }
            Node::Md(Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                ..
            })) if is_wiki(link_type) => {
                let (shown, end) = alt_text(nodes, i + 1);
                out.push(raw(embed(
                    dest_url,
                    title,
                    &shown,
                    targets.get(dest_url.as_ref()),
                )));
                i = end + 1;
                continue;
            }
            Node::Md(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            })) if targets.contains_key(dest_url.as_ref()) => {
                out.push(Node::Md(Event::Start(Tag::Link {
                    link_type: *link_type,
                    dest_url: CowStr::from(targets[dest_url.as_ref()].href.clone()),
                    title: title.clone(),
                    id: id.clone(),
                })));
            }
            Node::Md(Event::Start(Tag::Image {
                dest_url, title, ..
            })) => {
                let (alt, end) = alt_text(nodes, i + 1);
                let target = targets.get(dest_url.as_ref());
                let src = target.map_or(dest_url.as_ref(), |t| t.href.as_str());
                let size = target.and_then(|t| t.size);
                out.push(Node::Md(Event::InlineHtml(CowStr::from(img(
                    src, &alt, title, size,
                )))));
                i = end + 1;
                continue;
            }
            other => out.push(other.clone()),
        }
        i += 1;
    }
    Cow::Owned(out)
}

/// The plain text of an image's description, from `start` (after its
/// start event), and the index of its end event.
fn alt_text(nodes: &[Node], start: usize) -> (String, usize) {
    let mut alt = String::new();
    let mut depth = 0usize;
    for (k, n) in nodes.iter().enumerate().skip(start) {
        match n {
            Node::Md(Event::Start(_)) => depth += 1,
            Node::Md(Event::End(TagEnd::Image)) if depth == 0 => return (alt, k),
            Node::Md(Event::End(_)) => depth = depth.saturating_sub(1),
            Node::Md(Event::Text(t) | Event::Code(t)) => alt.push_str(t),
            Node::Md(Event::SoftBreak | Event::HardBreak) => alt.push(' '),
            _ => {}
        }
    }
    (alt, nodes.len())
}

fn is_wiki(link_type: &pulldown_cmark::LinkType) -> bool {
    matches!(link_type, pulldown_cmark::LinkType::WikiLink { .. })
}

fn raw(html: String) -> Node {
    Node::Md(Event::InlineHtml(CowStr::from(html)))
}

/// A wiki embed (`![[map.png|400]]`, `![[Kyakhta Treaty#Terms]]`): an
/// image, sized by the number after `|` (`400`, `400x300`), or a link to
/// the text it names (the text is not copied into the page).
fn embed(dest: &str, title: &str, shown: &str, target: Option<&Target>) -> String {
    let path = dest.split('#').next().unwrap_or(dest);
    let file = path.rsplit('/').next().unwrap_or(path);
    let extension = file.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    let image = extension.as_deref().is_some_and(|e| {
        matches!(
            e,
            "png" | "jpg" | "jpeg" | "gif" | "webp" | "svg" | "avif" | "bmp"
        )
    });
    if image {
        let src = target.map_or(dest, |t| t.href.as_str());
        let own = target.and_then(|t| t.size);
        return match wanted_size(shown, own) {
            Some(size) => img(src, file, title, Some(size)),
            None if shown.trim() == dest || shown.trim().is_empty() => img(src, file, title, own),
            None => img(src, shown, title, own),
        };
    }
    let words = escape(&crate::parse::ids::wiki_shown(shown).unwrap_or_default());
    match target {
        Some(t) => {
            let mut href = String::new();
            let _ = pulldown_cmark_escape::escape_href(&mut href, &t.href);
            format!("<a class=\"embed\" href=\"{href}\">{words}</a>")
        }
        None => format!(
            "<span class=\"wikilink-missing\" title=\"{}\">{words}</span>",
            escape(&format!("No text is named “{dest}”"))
        ),
    }
}

/// `400` → 400 wide (high in proportion when the file's size is known),
/// `400x300` → both; anything else is no size.
fn wanted_size(text: &str, own: Option<Size>) -> Option<Size> {
    let t = text.trim();
    let number = |s: &str| s.parse::<u32>().ok().filter(|&n| (1..=10_000).contains(&n));
    if let Some((w, h)) = t.split_once('x') {
        return Some((number(w)?, number(h)?));
    }
    let w = number(t)?;
    let h = match own {
        Some((ow, oh)) if ow > 0 => ((u64::from(w) * u64::from(oh)) / u64::from(ow)).max(1) as u32,
        _ => return Some((w, 0)),
    };
    Some((w, h))
}

fn img(src: &str, alt: &str, title: &str, size: Option<Size>) -> String {
    let mut out = String::from("<img src=\"");
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_href(&mut out, src);
    out.push_str("\" alt=\"");
    let _ = pulldown_cmark_escape::escape_html(&mut out, alt.trim());
    out.push('"');
    if !title.is_empty() {
        out.push_str(" title=\"");
        let _ = pulldown_cmark_escape::escape_html(&mut out, title);
        out.push('"');
    }
    match size {
        Some((w, 0)) => out.push_str(&format!(" width=\"{w}\"")),
        Some((w, h)) => out.push_str(&format!(" width=\"{w}\" height=\"{h}\"")),
        None => {}
    }
    out.push_str(" loading=\"lazy\" decoding=\"async\">");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;
    use crate::render::highlight::Highlighter;
    use crate::render::html::document_html_with;

    fn render(md: &str, targets: &Targets) -> String {
        document_html_with(
            &parse(md).0,
            &Highlighter::default(),
            &[],
            &Default::default(),
            targets,
        )
    }

    /// Wiki links and embeds that name nothing, or name it oddly, render
    /// without a panic; one to no text keeps its words.
    #[test]
    fn odd_wiki_links_render() {
        for md in [
            "![[é.png|é]] ![[|]] [[#]] [[^]] [[ ]] ![[x.PNG|0]] ![[y.svg|9x]] ![[n#^]]",
            "> [!é] ü\n> [!]\n",
            "[[a|b|c]] [[a#b#c]] ![[a#b|c]] [[[x]]] [[x]](#y)",
        ] {
            let _ = render(md, &Targets::new());
        }
        let html = render("See [[Nowhere|the note]].", &Targets::new());
        assert!(html.contains("<span class=\"wikilink-missing\""), "{html}");
        assert!(html.contains(">the note</span>"), "{html}");
    }

    #[test]
    fn images_get_their_place_size_alt_and_lazy_loading() {
        let mut targets = Targets::new();
        targets.insert(
            "img/plot.png".into(),
            Target {
                href: "../../essays/img/plot.png".into(),
                size: Some((640, 480)),
            },
        );
        let html = render(
            "A plot: ![Exports, *1990–2020* & `t`](img/plot.png \"Fig. 1\")",
            &targets,
        );
        assert!(
            html.contains(
                "<img src=\"../../essays/img/plot.png\" alt=\"Exports, 1990–2020 &amp; t\" title=\"Fig. 1\" width=\"640\" height=\"480\" loading=\"lazy\" decoding=\"async\">"
            ),
            "{html}"
        );
        // An image elsewhere keeps its address and has no size.
        let html = render(
            "![A \"map\"](<https://example.org/a b.png>)",
            &Targets::new(),
        );
        assert!(
            html.contains(
                "<img src=\"https://example.org/a%20b.png\" alt=\"A “map”\" loading=\"lazy\""
            ),
            "{html}"
        );
    }

    #[test]
    fn links_are_retargeted_and_unbalanced_input_is_safe() {
        let mut targets = Targets::new();
        let target = Target {
            href: "../other/index.html".into(),
            size: None,
        };
        targets.insert("other.md".into(), target);
        let html = render("See [the other](other.md) and [x](y.md).", &targets);
        assert!(
            html.contains("href=\"../other/index.html\"") && html.contains("href=\"y.md\""),
            "{html}"
        );
        // An image start with no end (a truncated event list) ends the text.
        let nodes = vec![Node::Md(Event::Start(Tag::Image {
            link_type: pulldown_cmark::LinkType::Inline,
            dest_url: "a.png".into(),
            title: "".into(),
            id: "".into(),
        }))];
        assert_eq!(retarget(&nodes, &Targets::new()).len(), 1);
    }
}
