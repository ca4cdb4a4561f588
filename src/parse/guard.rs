//! What an author's Markdown may put on a page.
//!
//! Texts are data, not code: by default raw HTML in a text is shown as
//! text (`<img onerror=…>` is printed, not run), and links or images whose
//! URL has a scheme other than `http`, `https` or `mailto` keep their text
//! but lose the link. Two kinds of raw HTML stay, because they cannot run
//! anything: a few inline tags written without attributes (`<sup>`,
//! `<sub>`, `<br>`, `<b>`, `<i>`, `<em>`, `<strong>`, `<small>`, `<u>`)
//! and the empty anchors PDF converters leave (`<span id="page-3-1"></span>`,
//! `<a id="x"></a>`), which the walk removes after noting the block they
//! stand in, so that links to them lead to that block.
//!
//! An HTML comment (`<!-- image -->`, the mark a PDF converter leaves
//! where a picture stood) is dropped, as a browser would not show it.
//!
//! A site that trusts its texts opts in with `[markdown] unsafe_html =
//! true` in `config.toml`; the URL rule holds even then.

use crate::paths::is_safe_url;
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

const PLAIN_TAGS: &[&str] = &[
    "sup", "sub", "br", "b", "i", "em", "strong", "small", "u", "s", "mark",
];

/// Applies the rules above to a parsed event stream.
pub fn guard(events: Vec<Event<'static>>, allow_html: bool) -> Vec<Event<'static>> {
    let mut out = Vec::with_capacity(events.len());
    // For each open link or image: whether its start was dropped.
    let mut dropped: Vec<bool> = Vec::new();
    // An HTML block's events, held until its end tells whether it is a
    // comment and nothing else.
    let mut block: Option<Vec<Event<'static>>> = None;
    for e in events {
        if !allow_html {
            if let Some(held) = block.as_mut() {
                let end = matches!(e, Event::End(TagEnd::HtmlBlock));
                held.push(e);
                if end {
                    let held = block.take().unwrap_or_default();
                    if !is_comment_block(&held) {
                        out.extend(held.into_iter().map(|e| match e {
                            Event::Html(h) => Event::Text(h),
                            e => e,
                        }));
                    }
                }
                continue;
            }
            if matches!(e, Event::Start(Tag::HtmlBlock)) {
                block = Some(vec![e]);
                continue;
            }
        }
        match e {
            Event::Start(Tag::Link { ref dest_url, .. })
            | Event::Start(Tag::Image { ref dest_url, .. }) => {
                let bad = !is_safe_url(dest_url);
                dropped.push(bad);
                if !bad {
                    out.push(e);
                }
            }
            Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => {
                if !dropped.pop().unwrap_or(false) {
                    out.push(e);
                }
            }
            Event::Html(h) if !allow_html => out.push(Event::Text(h)),
            Event::InlineHtml(h) if !allow_html => match inline(&h) {
                Inline::Keep => out.push(Event::InlineHtml(h)),
                Inline::Drop => {}
                Inline::Text => out.push(Event::Text(h)),
            },
            e => out.push(e),
        }
    }
    // A block the events ended inside (they never do from the parser).
    out.extend(block.into_iter().flatten());
    out
}

/// Whether an HTML block's events hold one comment and nothing else.
fn is_comment_block(events: &[Event]) -> bool {
    let mut text = String::new();
    for e in events {
        if let Event::Html(h) = e {
            text.push_str(h);
        }
    }
    is_comment(&text)
}

/// `<!-- … -->`, alone.
fn is_comment(html: &str) -> bool {
    let t = html.trim();
    t.strip_prefix("<!--")
        .and_then(|t| t.strip_suffix("-->"))
        .is_some_and(|inner| !inner.contains("-->"))
}

enum Inline {
    Keep,
    Drop,
    Text,
}

fn inline(html: &CowStr) -> Inline {
    let t = html.trim();
    if is_comment(t) {
        return Inline::Drop;
    }
    let Some(inner) = t.strip_prefix('<').and_then(|t| t.strip_suffix('>')) else {
        return Inline::Text;
    };
    let inner = inner.trim_end_matches('/').trim();
    let name = inner
        .strip_prefix('/')
        .unwrap_or(inner)
        .to_ascii_lowercase();
    if PLAIN_TAGS.contains(&name.as_str()) {
        return Inline::Keep;
    }
    if name == "/span" || name == "span" || name == "a" || name == "/a" {
        return Inline::Drop;
    }
    // `<span id="page-3-1">`, `<a id="x" name="x">`: anchors with ids only.
    let mut words = inner.split_whitespace();
    let tag = words.next().unwrap_or("").to_ascii_lowercase();
    let anchor = matches!(tag.as_str(), "span" | "a")
        && words.all(|w| {
            let (k, v) = w.split_once('=').unwrap_or((w, ""));
            matches!(k.to_ascii_lowercase().as_str(), "id" | "name")
                && v.len() >= 2
                && v.starts_with(['"', '\''])
                && v.ends_with(['"', '\''])
                && !v[1..v.len() - 1].contains(['"', '\'', '<', '>'])
        });
    if anchor {
        // Kept for the walk, which records where it stands and drops it.
        Inline::Keep
    } else {
        Inline::Text
    }
}

/// The id of an empty anchor's opening tag (`<span id="page-3-1">`,
/// `<a id="x">`, `<a name="x">`), as converters write them.
pub fn anchor_id(html: &str) -> Option<&str> {
    let inner = html.trim().strip_prefix('<')?.strip_suffix('>')?.trim();
    let (tag, attrs) = inner.split_once(char::is_whitespace)?;
    if !matches!(tag.to_ascii_lowercase().as_str(), "span" | "a") {
        return None;
    }
    let attrs = attrs.trim();
    let (key, value) = attrs.split_once('=')?;
    if !matches!(key.trim().to_ascii_lowercase().as_str(), "id" | "name") {
        return None;
    }
    let v = value.trim();
    let v = v
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))?;
    (!v.is_empty() && !v.contains(['"', '\'', '<', '>', ' '])).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{html, Parser};

    fn render(md: &str, allow: bool) -> String {
        let events: Vec<Event<'static>> = Parser::new_ext(md, crate::parse::options())
            .map(Event::into_static)
            .collect();
        let mut out = String::new();
        html::push_html(&mut out, guard(events, allow).into_iter());
        out
    }

    #[test]
    fn raw_html_is_text_by_default() {
        for md in [
            "An <img src=x onerror=alert(1)> inline.",
            "<script>alert(1)</script>",
            "<div onclick=\"x()\">block</div>",
            "## Head <img src=x onerror=alert(1)>",
            "Note.[^1]\n\n[^1]: <svg onload=alert(1)>",
            "<span id=\"a\" onmouseover=\"x()\">t</span>",
        ] {
            let html = render(md, false);
            assert!(
                !html.contains("<img") && !html.contains("<script") && !html.contains("<svg"),
                "{md}: {html}"
            );
            assert!(
                !html.contains("<div onclick") && !html.contains("<span"),
                "{md}: {html}"
            );
        }
        assert!(render("<script>x</script>", true).contains("<script>"));
    }

    #[test]
    fn comments_are_not_shown() {
        for md in [
            "Text.\n\n<!-- image -->\n\nMore text.",
            "Text <!-- a remark --> more text.",
            "Text.\n\n<!--\nA remark\nover lines\n-->\n\nMore text.",
        ] {
            let html = render(md, false);
            assert!(
                !html.contains("&lt;!--") && !html.contains("<!--"),
                "{md}: {html}"
            );
            assert!(
                html.contains("More text") || html.contains("more text"),
                "{md}: {html}"
            );
        }
        // A comment with more after it is shown as text, as other HTML is.
        let html = render("<!-- x --> <div onclick=\"y()\">z</div>", false);
        assert!(html.contains("&lt;div onclick"), "{html}");
    }

    #[test]
    fn harmless_inline_tags_and_converter_anchors() {
        let html = render(
            "E = mc<sup>2</sup><br/>x <span id=\"page-3-1\"></span>end",
            false,
        );
        // The anchor's opening tag is left for the walk, which removes it;
        // its closing tag goes here.
        assert!(
            html.contains("mc<sup>2</sup><br/>x <span id=\"page-3-1\">end"),
            "{html}"
        );
        assert_eq!(anchor_id("<span id=\"page-3-1\">"), Some("page-3-1"));
        assert_eq!(anchor_id("<a name='x'>"), Some("x"));
        assert_eq!(anchor_id("<span id=\"a b\">"), None);
        assert_eq!(anchor_id("<span class=\"x\">"), None);
        let html = render("<sup onclick=x>2</sup>", false);
        assert!(html.contains("&lt;sup onclick=x&gt;"), "{html}");
    }

    #[test]
    fn unsafe_link_schemes_lose_the_link_but_keep_the_text() {
        for md in [
            "[click](javascript:alert(1))",
            "[click](JAVASCRIPT:alert(1))",
            "[click](&#106;avascript:alert(1))",
            "![click](javascript:alert(1))",
            "<javascript:alert(1)>",
            "[click][r]\n\n[r]: data:text/html;base64,xx",
        ] {
            for allow in [false, true] {
                let html = render(md, allow);
                assert!(
                    !html.contains("href=") && !html.contains("src="),
                    "{md}: {html}"
                );
            }
        }
        assert!(render("[ok](https://example.org)", false).contains("href=\"https://example.org\""));
    }
}
