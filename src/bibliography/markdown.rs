//! Hayagriva's formatted output written as Markdown.

use hayagriva::citationberg::Display;
use hayagriva::{ElemChild, ElemChildren, ElemMeta};
use std::fmt::Write;

/// Hayagriva's output as inline Markdown: emphasis, links (each cited
/// work linked to its entry by `link`), text escaped.
pub(super) fn markdown_of(
    children: &ElemChildren,
    link: Option<&dyn Fn(usize) -> Option<String>>,
) -> String {
    let mut out = String::new();
    write_children(&children.0, link, false, &mut out);
    out
}

fn write_children(
    children: &[ElemChild],
    link: Option<&dyn Fn(usize) -> Option<String>>,
    in_link: bool,
    out: &mut String,
) {
    for child in children {
        match child {
            ElemChild::Text(t) => formatted(&t.text, &t.formatting, out),
            ElemChild::Markup(m) => out.push_str(&escape(m)),
            ElemChild::Link { text, url } => {
                if in_link {
                    formatted(&text.text, &text.formatting, out);
                } else if text.text == *url {
                    let _ = write!(out, "<{}>", url.replace(['<', '>', ' '], ""));
                } else {
                    out.push('[');
                    formatted(&text.text, &text.formatting, out);
                    let _ = write!(out, "](<{}>)", url.replace(['<', '>'], ""));
                }
            }
            ElemChild::Elem(e) => {
                let target = match (&e.meta, link) {
                    (Some(ElemMeta::Entry(i)), Some(link)) if !in_link => link(*i),
                    _ => None,
                };
                if matches!(e.display, Some(Display::Block)) && !out.is_empty() {
                    out.push(' ');
                }
                match target {
                    Some(id) => {
                        out.push('[');
                        write_children(&e.children.0, link, true, out);
                        let _ = write!(out, "](#{id})");
                    }
                    None => write_children(&e.children.0, link, in_link, out),
                }
            }
            ElemChild::Transparent { .. } => {}
        }
    }
}

/// Text with its emphasis as Markdown, the spaces around it kept outside
/// the markers.
fn formatted(text: &str, f: &hayagriva::Formatting, out: &mut String) {
    use hayagriva::citationberg::{FontStyle, FontWeight};
    let italic = f.font_style == FontStyle::Italic;
    let bold = matches!(f.font_weight, FontWeight::Bold);
    let marker = match (italic, bold) {
        (true, true) => "***",
        (true, false) => "*",
        (false, true) => "**",
        _ => "",
    };
    let core = text.trim();
    if marker.is_empty() || core.is_empty() {
        out.push_str(&escape(text));
        return;
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    let _ = write!(out, "{lead}{marker}{}{marker}{trail}", escape(core));
}

/// Markdown's punctuation escaped, so formatted text stays text.
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if "\\`*_[]<>$~|&!#".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A note's text safe at the start of a block (`1994. Title` is not a
/// list, `- x` not an item).
pub(super) fn block_start(s: &str) -> String {
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    let bytes = s.as_bytes();
    if digits > 0 && matches!(bytes.get(digits), Some(b'.' | b')')) {
        return format!("{}\\{}", &s[..digits], &s[digits..]);
    }
    if s.starts_with(['-', '+', '=']) {
        return format!("\\{s}");
    }
    s.to_string()
}
