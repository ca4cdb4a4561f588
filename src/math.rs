//! TeX math (`$…$`, `$$…$$`, as Pandoc and PDF converters write it) as
//! MathML, made at build time by the `pulldown-latex` crate: browsers lay
//! MathML out themselves, so formulas need no script and read from
//! `file://`. An expression the crate cannot read stays as its source, in
//! `<code class="math-source">`, and the parse stage warns of it
//! ([`problem`]).

use pulldown_latex::config::DisplayMode;
use pulldown_latex::{push_mathml, Event, Parser, ParserError, RenderConfig, Storage};

/// The longest expression rendered: longer ones are left as source (a
/// converter's runaway `$` can swallow pages).
const MAX: usize = 4_000;

/// `tex` as MathML (`display`: a block formula), or as escaped source
/// when it does not parse.
pub fn mathml(tex: &str, display: bool) -> String {
    let (body, tag) = split_tag(tex);
    let storage = Storage::new();
    if let Ok(events) = parse(&body, &storage) {
        let config = RenderConfig {
            display_mode: if display {
                DisplayMode::Block
            } else {
                DisplayMode::Inline
            },
            // The crate writes the annotation unescaped.
            annotation: None,
            ..RenderConfig::default()
        };
        let mut out = String::with_capacity(tex.len() * 8);
        let rendered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let events = events.into_iter().map(Ok::<_, ParserError>);
            push_mathml(&mut out, events, config).is_ok()
        }));
        if matches!(rendered, Ok(true)) {
            if let Some(mut safe) = sanitize(&out) {
                if let Some(tag) = tag {
                    safe.push_str("<span class=\"math-tag\">");
                    let _ = pulldown_cmark_escape::escape_html(&mut safe, &tag);
                    safe.push_str("</span>");
                }
                return safe;
            }
        }
    }
    let dollars = if display { "$$" } else { "$" };
    let mut out = format!("<code class=\"math-source\">{dollars}");
    // Writing to a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, tex);
    out.push_str(dollars);
    out.push_str("</code>");
    out
}

/// MathML elements the renderer writes; any other tag means the output
/// is not what it should be, and the source is shown instead.
const ELEMENTS: &[&str] = &[
    "annotation",
    "math",
    "menclose",
    "merror",
    "mfrac",
    "mi",
    "mmultiscripts",
    "mn",
    "mo",
    "mover",
    "mpadded",
    "mphantom",
    "mprescripts",
    "mroot",
    "mrow",
    "ms",
    "mspace",
    "msqrt",
    "mstyle",
    "msub",
    "msubsup",
    "msup",
    "mtable",
    "mtd",
    "mtext",
    "mtr",
    "munder",
    "munderover",
    "none",
    "semantics",
];

/// The renderer's output made safe to put in a page: a `<`, `>` or `&` of
/// the formula's text (which the renderer writes as is, `<mo><</mo>`)
/// escaped; `None` when a tag is not a MathML element or an attribute
/// could act (`on…`, `href`, `src`, `style` with `url(`).
fn sanitize(mathml: &str) -> Option<String> {
    let mut out = String::with_capacity(mathml.len() + 16);
    let mut rest = mathml;
    while let Some(i) = rest.find(['<', '>', '&']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let is_tag = tail.starts_with('<')
            && tail[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/');
        if is_tag {
            let end = tail.find('>')?;
            let tag = &tail[1..end];
            let name = tag
                .trim_start_matches('/')
                .split([' ', '/'])
                .next()
                .unwrap_or_default();
            let lower = tag.to_ascii_lowercase();
            if !ELEMENTS.contains(&name)
                || lower.contains(" on")
                || lower.contains("href")
                || lower.contains("src")
                || lower.contains("url(")
                || tag.contains('<')
            {
                return None;
            }
            out.push_str(&tail[..=end]);
            rest = &tail[end + 1..];
        } else {
            let entity = tail.starts_with('&')
                && tail[1..].find(';').is_some_and(|j| {
                    j > 0
                        && j < 10
                        && tail[1..=j]
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '#')
                });
            match tail.as_bytes()[0] {
                b'<' => out.push_str("&lt;"),
                b'>' => out.push_str("&gt;"),
                _ if entity => out.push('&'),
                _ => out.push_str("&amp;"),
            }
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    Some(out)
}

/// Why `tex` cannot be rendered, if it cannot.
pub fn problem(tex: &str) -> Option<String> {
    parse(&split_tag(tex).0, &Storage::new()).err()
}

/// An equation's number, which the renderer does not know: `\tag{3}`
/// (shown `(3)`), `\tag*{A}` (shown `A`); `\notag` and `\nonumber` go.
/// Returns the formula without them and the number as shown.
fn split_tag(tex: &str) -> (std::borrow::Cow<'_, str>, Option<String>) {
    if !tex.contains(r"\tag") && !tex.contains(r"\no") {
        return (std::borrow::Cow::Borrowed(tex), None);
    }
    let mut body = tex.replace(r"\notag", "").replace(r"\nonumber", "");
    let mut tag = None;
    for (cmd, parens) in [(r"\tag*{", false), (r"\tag{", true)] {
        if let Some(at) = body.find(cmd) {
            let inner = &body[at + cmd.len()..];
            if let Some(close) = inner.find('}') {
                let label = inner[..close].trim().to_string();
                tag = Some(if parens { format!("({label})") } else { label });
                body.replace_range(at..at + cmd.len() + close + 1, "");
            }
        }
    }
    (std::borrow::Cow::Owned(body), tag)
}

/// The events of `tex`, or why it cannot be rendered: too long, a
/// `\char` the crate would panic on, a parse error (its first line: the
/// rest draws the expression), or a panic of the crate.
fn parse<'s>(tex: &'s str, storage: &'s Storage) -> Result<Vec<Event<'s>>, String> {
    if tex.len() > MAX {
        return Err(format!("longer than {MAX} bytes"));
    }
    // The crate panics on `\char` before a letter beyond ASCII.
    let mut rest = tex;
    while let Some(i) = rest.find("\\char") {
        rest = &rest[i + 5..];
        if !rest.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '"' | '\'' | '`')) {
            return Err("`\\char` must be followed by a character code".to_string());
        }
    }
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        Parser::new(tex, storage)
            .collect::<Result<Vec<Event>, ParserError>>()
            .map_err(|e| {
                e.to_string()
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_string()
            })
    }))
    .unwrap_or_else(|_| Err("the math renderer failed on it".to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equation_numbers_are_shown_beside_the_formula() {
        assert_eq!(problem(r"y = \sum_i p_i(x) E_i(x). \tag{2}"), None);
        let html = mathml(r"y = x \tag{2}", true);
        assert!(
            html.ends_with("</math><span class=\"math-tag\">(2)</span>"),
            "{html}"
        );
        assert!(!mathml(r"a = b \notag", true).contains("notag"));
    }

    #[test]
    fn formulas_become_mathml() {
        let m = mathml(r"\frac{a}{b} + x^2", false);
        assert!(m.starts_with("<math"), "{m}");
        assert!(m.contains("<mfrac>") && m.contains("<msup>"), "{m}");
        assert!(!m.contains("annotation"), "{m}");
        let block = mathml(r"\sum_{i=1}^n i", true);
        assert!(block.contains("display=\"block\""), "{block}");
    }

    #[test]
    fn what_does_not_parse_stays_as_escaped_source() {
        for bad in [r"\frac{a", r"\notacommand{x}", "}{"] {
            assert!(problem(bad).is_some(), "{bad}");
            let m = mathml(bad, false);
            assert!(m.starts_with("<code class=\"math-source\">$"), "{m}");
        }
        // The formula's own `<` and `>` are escaped; nothing in it acts.
        let lt = mathml("a<b>c", false);
        assert!(
            lt.contains("<mo>&lt;</mo>") && lt.contains("<mo>&gt;</mo>"),
            "{lt}"
        );
        for hostile in [
            "x</annotation><script>alert(1)</script>",
            r"	ext{<img src=x onerror=alert(1)>}",
            r"	ext{</math><script>x</script>}",
            "a & b",
        ] {
            let m = mathml(hostile, false);
            assert!(!m.contains("<script") && !m.contains("<img"), "{m}");
        }
        assert!(problem(&"x+".repeat(3_000)).is_some());
        assert!(problem("x").is_none());
        for crash in [r"\charé", r"\char", r"a\char天"] {
            assert!(problem(crash).is_some(), "{crash}");
            assert!(mathml(crash, true).starts_with("<code"), "{crash}");
        }
    }
}
