//! Code highlighting with syntect, into CSS classes (no inline styles).
//!
//! The syntax set is loaded from syntect's embedded dump on first use only, so
//! sites without code pay nothing. It lives in the [`Highlighter`] value that
//! the render stage owns, not in a process-wide static.

use std::collections::HashMap;
use std::sync::{OnceLock, RwLock};
use syntect::highlighting::ThemeSet;
use syntect::html::{css_for_theme_with_class_style, ClassStyle};
use syntect::parsing::{BasicScopeStackOp, ParseState, Scope, ScopeStack, SyntaxSet};
use syntect::util::LinesWithEndings;

const PREFIX: &str = "hl-";
const STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: PREFIX };
pub use crate::theme::SYNTAX_CSS;
/// The themes of [`stylesheet`]: light, and dark.
const THEMES: [&str; 2] = ["InspiredGitHub", "base16-ocean.dark"];

/// A scope's classes as written: `None` when the stylesheet selects none
/// of them (the scope gets no span).
type Classes = Option<Box<str>>;

pub struct Highlighter {
    syntaxes: OnceLock<SyntaxSet>,
    /// Whether a scope's classes are cut to those the built-in stylesheet
    /// selects (`punctuation.section.group.begin.rust` is written as no
    /// span at all, `storage.type.rust` as `hl-storage hl-type`), which
    /// draws the same and halves the markup. Not when a theme brings its
    /// own `syntax.css`, which may select any class.
    prune: bool,
    /// The built-in stylesheet's selectors, each the atoms one element must
    /// carry (`.hl-storage.hl-type` is `["storage", "type"]`).
    selected: OnceLock<Vec<Vec<String>>>,
    classes: RwLock<HashMap<Scope, Classes>>,
}

impl Default for Highlighter {
    fn default() -> Self {
        Highlighter::new(true)
    }
}

impl Highlighter {
    /// `prune`: see [`Highlighter::prune`]; false when the theme has its
    /// own `syntax.css`.
    pub fn new(prune: bool) -> Self {
        Highlighter {
            syntaxes: OnceLock::new(),
            prune,
            selected: OnceLock::new(),
            classes: RwLock::new(HashMap::new()),
        }
    }

    /// For a site with `theme`: classes pruned unless the theme or the site
    /// brings its own `syntax.css`.
    pub fn for_theme(theme: &crate::theme::Theme) -> Self {
        Highlighter::new(!theme.static_files.contains_key(SYNTAX_CSS))
    }

    /// `<pre><code>` with one span per token; unknown languages are escaped
    /// plain text.
    pub fn highlight(&self, lang: Option<&str>, code: &str) -> String {
        let lang_attr = lang
            .map(|l| format!(" data-lang=\"{}\"", escape(l)))
            .unwrap_or_default();
        let inner = lang
            .and_then(|l| self.highlight_known(l, code))
            .unwrap_or_else(|| escape(code));
        format!("<pre class=\"code\"{lang_attr}><code>{inner}</code></pre>\n")
    }

    /// As syntect's `ClassedHTMLGenerator` writes it, with each scope's
    /// classes from [`Highlighter::classes`] and no span for a scope
    /// without any, nor for one that holds no text.
    fn highlight_known(&self, lang: &str, code: &str) -> Option<String> {
        let ss = self.syntaxes.get_or_init(SyntaxSet::load_defaults_newlines);
        let syntax = ss.find_syntax_by_token(lang)?;
        let mut state = ParseState::new(syntax);
        let mut stack = ScopeStack::new();
        let mut html = String::with_capacity(code.len() * 2);
        // For each scope on the stack, whether it opened a span.
        let mut spans: Vec<bool> = Vec::new();
        // Where the last span opened, while it holds no text yet.
        let mut empty: Option<usize> = None;
        for line in LinesWithEndings::from(code) {
            let ops = state.parse_line(line, ss).ok()?;
            let mut at = 0;
            for (i, op) in &ops {
                if *i > at {
                    empty = None;
                    html.push_str(&escape(&line[at..*i]));
                    at = *i;
                }
                stack
                    .apply_with_hook(op, |basic, _| match basic {
                        BasicScopeStackOp::Push(scope) => match self.classes(scope) {
                            Some(classes) => {
                                empty = Some(html.len());
                                html.push_str("<span class=\"");
                                html.push_str(&classes);
                                html.push_str("\">");
                                spans.push(true);
                            }
                            None => spans.push(false),
                        },
                        BasicScopeStackOp::Pop => {
                            if spans.pop() == Some(true) {
                                match empty.take() {
                                    Some(start) => html.truncate(start),
                                    None => html.push_str("</span>"),
                                }
                            }
                        }
                    })
                    .ok()?;
            }
            html.push_str(&escape(&line[at..]));
        }
        for open in spans {
            if open {
                html.push_str("</span>");
            }
        }
        Some(html)
    }

    /// The classes `scope` is written with (see [`Highlighter::prune`]).
    fn classes(&self, scope: Scope) -> Classes {
        if let Some(known) = self
            .classes
            .read()
            .ok()
            .and_then(|m| m.get(&scope).cloned())
        {
            return known;
        }
        let name = scope.build_string();
        let atoms: Vec<&str> = name.split('.').collect();
        let mut keep = vec![!self.prune; atoms.len()];
        if self.prune {
            for sel in self.selected.get_or_init(selected_atoms) {
                if sel.iter().all(|a| atoms.contains(&a.as_str())) {
                    for (k, atom) in atoms.iter().enumerate() {
                        keep[k] |= sel.iter().any(|a| a == atom);
                    }
                }
            }
        }
        let classes: Vec<String> = atoms
            .iter()
            .zip(&keep)
            .filter(|(_, &k)| k)
            .map(|(a, _)| format!("{PREFIX}{a}"))
            .collect();
        let classes: Classes = (!classes.is_empty()).then(|| classes.join(" ").into());
        if let Ok(mut m) = self.classes.write() {
            m.insert(scope, classes.clone());
        }
        classes
    }
}

/// Every scope of every selector of the built-in themes, as atoms: what
/// `css_for_theme_with_class_style` writes a compound class selector for.
fn selected_atoms() -> Vec<Vec<String>> {
    let themes = ThemeSet::load_defaults();
    let mut out: Vec<Vec<String>> = THEMES
        .iter()
        .filter_map(|name| themes.themes.get(*name))
        .flat_map(|t| &t.scopes)
        .flat_map(|item| &item.scope.selectors)
        .flat_map(|sel| std::iter::once(&sel.path).chain(&sel.excludes))
        .flat_map(|stack| stack.as_slice())
        .map(|scope| {
            scope
                .build_string()
                .split('.')
                .map(str::to_string)
                .collect()
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The stylesheet for highlighted code: a light theme, and a dark one under
/// `prefers-color-scheme: dark`.
pub fn stylesheet() -> String {
    let themes = ThemeSet::load_defaults();
    let css = |name: &str| {
        themes
            .themes
            .get(name)
            .and_then(|t| css_for_theme_with_class_style(t, STYLE).ok())
            .unwrap_or_default()
    };
    format!(
        "/* Generated by dossier from syntect's themes. */\n{}\n@media (prefers-color-scheme: dark) {{\n{}\n}}\n",
        css(THEMES[0]),
        css(THEMES[1])
    )
}

pub use crate::chars::escape_html as escape;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(
            escape("a<b>&\"c\" 'd' — é"),
            "a&lt;b&gt;&amp;&quot;c&quot; &#39;d&#39; — é"
        );
        assert_eq!(escape(""), "");
        assert_eq!(escape("plain"), "plain");
    }

    #[test]
    fn known_language_gets_classes() {
        let h = Highlighter::default();
        let html = h.highlight(Some("rust"), "fn main() {}\n");
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(!html.contains("style="));
        assert!(html.contains("data-lang=\"rust\""));
    }

    #[test]
    fn pruned_classes_are_those_the_stylesheet_selects_and_the_text_is_the_same() {
        let code = "fn main() {\n    let s = \"a<b\"; // note\n    println!(\"{}\", s.len());\n}\n";
        let full = Highlighter::new(false).highlight(Some("rust"), code);
        let pruned = Highlighter::new(true).highlight(Some("rust"), code);
        // The same text once the tags are taken out.
        let text = |html: &str| {
            let mut out = String::new();
            let mut tag = false;
            for c in html.chars() {
                match c {
                    '<' => tag = true,
                    '>' => tag = false,
                    _ if !tag => out.push(c),
                    _ => {}
                }
            }
            out
        };
        assert_eq!(text(&full), text(&pruned));
        assert!(full.contains("hl-rust"), "{full}");
        assert!(!pruned.contains("hl-rust"), "{pruned}");
        assert!(
            pruned.len() < full.len() * 3 / 4,
            "{} vs {}",
            pruned.len(),
            full.len()
        );
        // Every class written is one a selector of the stylesheet names,
        // and the spans still balance.
        let css = stylesheet();
        for part in pruned.split("<span class=\"").skip(1) {
            for class in part[..part.find('"').unwrap()].split(' ') {
                assert!(css.contains(&format!(".{class}")), "{class}");
            }
        }
        assert!(pruned.contains("hl-comment"), "{pruned}");
        assert!(pruned.contains("hl-string"), "{pruned}");
        assert_eq!(
            pruned.matches("<span").count(),
            pruned.matches("</span>").count()
        );
        assert_eq!(
            full.matches("<span").count(),
            full.matches("</span>").count()
        );
    }

    #[test]
    fn unknown_language_is_escaped() {
        let h = Highlighter::default();
        let html = h.highlight(Some("nope\"x"), "<b>&</b>");
        assert!(html.contains("&lt;b&gt;&amp;&lt;/b&gt;"));
        assert!(html.contains("data-lang=\"nope&quot;x\""));
    }

    #[test]
    fn stylesheet_has_both_schemes() {
        let css = stylesheet();
        assert!(css.contains(".hl-"));
        assert!(css.contains("prefers-color-scheme: dark"));
    }
}
