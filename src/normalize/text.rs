//! Small text helpers shared by the normalisation rules.

/// Words that title case leaves in lower case unless they come first or last.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
    "or", "over", "the", "to", "up", "via", "vs", "with",
];

pub fn is_small_word(word: &str) -> bool {
    SMALL_WORDS.contains(&word.to_lowercase().as_str())
}

/// Title-cases an ALL-CAPS line: `THE BALLGAME OF RUSSIA-CHINA` becomes
/// `The Ballgame of Russia-China`. Lines with lower-case letters are returned
/// as they are: their author chose the casing.
pub fn title_case(line: &str) -> String {
    if line.chars().any(char::is_lowercase) {
        return line.to_string();
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i != 0 && i != last && is_small_word(&lower) {
                lower
            } else {
                lower
                    .split('-')
                    .map(capitalise)
                    .collect::<Vec<_>>()
                    .join("-")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Does the text end like a sentence (terminal punctuation, possibly followed
/// by closing quotes or brackets)?
pub fn ends_sentence(text: &str) -> bool {
    // A note's marker held in the text (see `plain_notes`) comes after.
    let text = text.trim_end();
    let text = match text.strip_suffix('\u{2}') {
        Some(held) => held.rfind('\u{1}').map_or(text, |k| &held[..k]),
        None => text,
    };
    // So does a Markdown note reference (`south.[^3]`).
    let mut text = text;
    while let Some(k) = text.strip_suffix(']').and_then(|t| t.rfind("[^")) {
        text = &text[..k];
    }
    let t = text.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\'' | '”' | '’' | ')' | ']' | '*' | '_' | '」' | '』' | '）' | '》'
            )
    });
    // Chinese and Japanese close sentences with full-width marks.
    t.ends_with(['.', '!', '?', ':', ';', '…', '。', '！', '？', '：', '；'])
}

/// Splits a list of names: `A, B and C` or `A & B`.
pub fn split_names(names: &str) -> Vec<String> {
    names
        .split(',')
        .flat_map(|part| part.split(" and "))
        .flat_map(|part| part.split(" & "))
        .map(|n| n.trim().trim_start_matches("and ").trim())
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

/// Escapes plain text so that CommonMark reads it literally: every character
/// with inline meaning is backslash-escaped, and line starts that would open a
/// block (lists, headings, quotes, rules) are neutralised.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let line = line.trim_start();
        // An ordered-list opener such as `1.` or `2)` at a line start.
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        for (j, c) in line.char_indices() {
            let at_start = j == 0;
            let list_dot = digits > 0 && j == digits && matches!(c, '.' | ')');
            let special = matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '#' | '|' | '~' | '!'
            );
            // `:` opens a definition (Pandoc's definition lists).
            let opener = at_start && matches!(c, '-' | '+' | '=' | ':');
            if special || opener || list_dot {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// A line of `split_inclusive('\n')` as its text and its ending (`\n`,
/// `\r\n` or nothing), so that a rewrite keeps the line's ending.
pub(super) fn split_end(line: &str) -> (&str, &str) {
    match line.strip_suffix('\n') {
        Some(b) => {
            let body = b.strip_suffix('\r').unwrap_or(b);
            (body, &line[body.len()..])
        }
        None => (line, ""),
    }
}

/// A line that opens a fenced code block: its fence character and length.
pub(super) fn opens_fence(line: &str) -> Option<(char, usize)> {
    let t = line.trim_start();
    if line.len() - t.len() > 3 {
        return None;
    }
    let c = t.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let n = t.chars().take_while(|&x| x == c).count();
    (n >= 3).then_some((c, n))
}

/// Whether `line` closes the fence that [`opens_fence`] found.
pub(super) fn closes_fence(line: &str, (c, n): (char, usize)) -> bool {
    let t = line.trim();
    t.chars().take_while(|&x| x == c).count() >= n && t.chars().all(|x| x == c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_of_all_caps_heading() {
        assert_eq!(
            title_case(
                "THE BALLGAME OF RUSSIA-CHINA CONVERGENCE AND HOW THE UNITED STATES FIGURES IN"
            ),
            "The Ballgame of Russia-China Convergence and How the United States Figures In"
        );
        assert_eq!(title_case("Mixed Case stays"), "Mixed Case stays");
        assert_eq!(title_case(""), "");
        assert_eq!(title_case("ÉTÉ À PARIS"), "Été À Paris");
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("He left."));
        assert!(ends_sentence("“as quoted.”"));
        assert!(ends_sentence("Really?)"));
        assert!(!ends_sentence("driving the two together. The"));
        assert!(!ends_sentence(""));
        // A note reference after the stop.
        assert!(ends_sentence("from the south.[^3]"));
        assert!(ends_sentence("as quoted.”[^2][^3]"));
        assert!(!ends_sentence("the grain[^3]"));
    }

    #[test]
    fn names() {
        assert_eq!(split_names("Andrew Zirkle"), vec!["Andrew Zirkle"]);
        assert_eq!(
            split_names("Himanshu Dubey and Khushi Baldota"),
            vec!["Himanshu Dubey", "Khushi Baldota"]
        );
        assert_eq!(split_names("A, B, and C"), vec!["A", "B", "C"]);
    }

    #[test]
    fn escaping_keeps_text_literal() {
        assert_eq!(
            escape_markdown("a *b* [c](d) <e> & #f"),
            r"a \*b\* \[c\](d) \<e\> \& \#f"
        );
        assert_eq!(escape_markdown("1. not a list"), r"1\. not a list");
        assert_eq!(escape_markdown("- not a list"), r"\- not a list");
        // A pasted line opening with `: ` is no definition.
        assert_eq!(escape_markdown(": quoted line"), r"\: quoted line");
        assert_eq!(escape_markdown("    not code"), "not code");
        assert_eq!(
            escape_markdown("$147 billion in 2021."),
            "$147 billion in 2021."
        );
    }
}

/// `_Die Eisenbahnen im Baltikum_ .`, `**Table 1** ,`: a converter that
/// joins a PDF's spans with spaces leaves one between the emphasis and
/// the full stop or comma after it; that space goes.
pub(super) fn tight_after_emphasis(block: &str) -> std::borrow::Cow<'_, str> {
    if !block.contains("_ ") && !block.contains("* ") {
        return std::borrow::Cow::Borrowed(block);
    }
    let bytes = block.as_bytes();
    let mut out = String::with_capacity(block.len());
    let mut last = 0;
    for (i, _) in block.match_indices(' ') {
        let closes =
            i >= 2 && matches!(bytes[i - 1], b'_' | b'*') && !bytes[i - 2].is_ascii_whitespace();
        let stop = matches!(bytes.get(i + 1), Some(b'.' | b','))
            && bytes.get(i + 2).is_none_or(|b| b.is_ascii_whitespace());
        if closes && stop {
            out.push_str(&block[last..i]);
            last = i + 1;
        }
    }
    if last == 0 {
        return std::borrow::Cow::Borrowed(block);
    }
    out.push_str(&block[last..]);
    std::borrow::Cow::Owned(out)
}

/// An ATX heading set wholly in bold (`## **1 Introduction**`, or
/// `## **1** **Introduction**`, as PDF converters write a bold line) without
/// the bold: a heading is bold already, and the markup would stay in its
/// anchor text and table of contents. A heading only partly bold keeps it.
pub(super) fn heading_unbolded(block: &str) -> std::borrow::Cow<'_, str> {
    let hashes = block.len() - block.trim_start_matches('#').len();
    let (head, rest) = block.split_at(hashes);
    let content = rest.trim();
    // Pandoc's attributes after the text stay: `## **X** {#x}`.
    let (content, attrs) = match content.rfind(" {") {
        Some(i) if content.ends_with('}') => (content[..i].trim_end(), &content[i..]),
        _ => (content, ""),
    };
    let whole = |mark: &str| {
        let parts: Vec<&str> = content.split(mark).collect();
        // "", bold, between, bold, …, "": an odd count, every part between
        // two bold runs only spaces.
        let bold = parts.len() >= 3
            && parts.len() % 2 == 1
            && parts[0].is_empty()
            && parts[parts.len() - 1].is_empty()
            && parts.iter().enumerate().all(|(i, p)| {
                if i % 2 == 1 {
                    !p.trim().is_empty()
                } else {
                    p.trim().is_empty()
                }
            });
        bold.then(|| parts.concat())
    };
    if hashes == 0 || hashes > 6 || !rest.starts_with(' ') || content.contains('\n') {
        return std::borrow::Cow::Borrowed(block);
    }
    match whole("**").or_else(|| whole("__")) {
        Some(text) => std::borrow::Cow::Owned(format!("{head} {}{attrs}", text.trim())),
        None => std::borrow::Cow::Borrowed(block),
    }
}

#[cfg(test)]
mod heading_tests {
    use super::heading_unbolded as unbold;

    #[test]
    fn a_wholly_bold_heading_loses_its_bold() {
        assert_eq!(unbold("## **1 Introduction**"), "## 1 Introduction");
        assert_eq!(unbold("### **1.1** **Sources**"), "### 1.1 Sources");
        assert_eq!(unbold("# __Title__ {#t .x}"), "# Title {#t .x}");
        for kept in [
            "## **Bold** and plain",
            "## Plain **and bold**",
            "## *Italic title*",
            "## **",
            "## ****",
            "####### **Seven**",
            "#**NoSpace**",
            "plain **text**",
            "## **a** b **c**",
            "## **A**\n**B** is a paragraph",
        ] {
            assert_eq!(unbold(kept), kept);
        }
    }
}

#[cfg(test)]
mod emphasis_tests {
    use super::tight_after_emphasis as tight;

    #[test]
    fn the_space_a_converter_left_before_a_stop_goes() {
        assert_eq!(
            tight("(1962). _Die Eisenbahnen_ . Riga"),
            "(1962). _Die Eisenbahnen_. Riga"
        );
        assert_eq!(
            tight("_Istoricheskie zapiski_ , 96, 112"),
            "_Istoricheskie zapiski_, 96, 112"
        );
        assert_eq!(tight("**Table 1** ."), "**Table 1**.");
        // Not a list's bullet, a rule, an ellipsis or a number.
        for t in [
            "* . item",
            "a _ ,",
            "_x_ .5 points",
            "_x_ ... more",
            "plain text .",
        ] {
            assert_eq!(tight(t), t);
        }
    }
}
