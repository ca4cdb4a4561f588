//! A footnote's or entry's nodes as the text the reference parsers read
//! (see `citations`): emphasis as `*`, link text in braces, the links'
//! web addresses gathered apart.

use crate::parse::Node;
use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

/// The footnote body as text with light markup the parser reads: `*italic*`,
/// `{link text}`; link targets and autolinks go to the URL list.
pub fn marked_text(body: &[Node]) -> (String, Vec<String>) {
    marked_text_in(body, false)
}

/// [`marked_text`], keeping in the text the addresses written as links
/// (`<https://…>`) when `addresses` is set: each part of a note that cites
/// several works then knows its own.
pub(super) fn marked_text_in(body: &[Node], addresses: bool) -> (String, Vec<String>) {
    let mut text = String::new();
    let mut urls = Vec::new();
    let mut autolink = false;
    for n in body {
        let Node::Md(e) = n else { continue };
        match e {
            Event::Start(Tag::Emphasis) | Event::End(TagEnd::Emphasis) => text.push('*'),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                // Only addresses on the web name a source: a link to a place
                // on the page (`#p-12`) or to a file beside the text does not.
                let web = dest_url.starts_with("http://") || dest_url.starts_with("https://");
                if web && !urls.iter().any(|u| u == dest_url.as_ref()) {
                    urls.push(dest_url.to_string());
                }
                autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
                if !autolink {
                    text.push('{');
                }
            }
            Event::End(TagEnd::Link) => {
                if !autolink {
                    text.push('}');
                }
                autolink = false;
            }
            Event::Text(t) | Event::Code(t) if !autolink || addresses => text.push_str(t),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => text.push(' '),
            _ => {}
        }
    }
    (text.split_whitespace().collect::<Vec<_>>().join(" "), urls)
}
