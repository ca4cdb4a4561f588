//! Pandoc's Markdown extensions, written as what the parser reads; every
//! line keeps its number (for messages):
//!
//! * a title block (`% Title`, `% A; B`, `% Date` as the first lines): the
//!   document's title, authors and date, out of the body;
//! * fenced divs (`::: {.epigraph}` … `:::`): their fences go, their
//!   contents stay as the blocks they are (Pandoc's `::: {#refs}`, where a
//!   bibliography's list goes, is left to `bibliography`);
//! * bracketed spans (`[Small caps]{.smallcaps}`) and the attributes after
//!   a link or image (`[x](u){.class}`, `![m](m.png){width=50%}`): the text
//!   stays, the attributes go (`.underline` and `.mark` keep their mark);
//! * line blocks (`| A line of verse`): lines with hard breaks;
//! * example lists (`(@)`, `(@good)`): numbered on through the document,
//!   and `(@good)` in the text becomes that number.
//!
//! Superscripts and subscripts (`H~2~O`, `2^10^`) are read by the parser.
//! Fenced code is left as it is.

use super::text::{closes_fence, opens_fence, split_end};
use super::Inferred;
use std::borrow::Cow;
use std::collections::HashMap;

/// `markdown` with the syntax above rewritten, and what its title block
/// states; borrowed when it has none of it.
pub fn convert(markdown: &str) -> (Cow<'_, str>, Inferred) {
    let mut inferred = Inferred::default();
    let has = |m: &str| markdown.contains(m);
    let marks = [":::", "]{", "){", "\n| ", "(@", "^", "~"];
    if !(markdown.starts_with('%') || markdown.starts_with("| ") || marks.iter().any(|m| has(m))) {
        return (Cow::Borrowed(markdown), inferred);
    }
    let lines: Vec<&str> = markdown.split_inclusive('\n').collect();
    let mut out = String::with_capacity(markdown.len() + 32);
    let block_end = title_block(&lines, &mut inferred);
    for _ in 0..block_end {
        out.push('\n');
    }
    let examples = example_numbers(&lines[block_end..]);
    let mut fence: Option<(char, usize)> = None;
    let mut example = 0usize;
    let mut i = block_end;
    while i < lines.len() {
        let line = lines[i];
        let (body, end) = split_end(line);
        if let Some(f) = fence {
            out.push_str(line);
            if closes_fence(body, f) {
                fence = None;
            }
            i += 1;
            continue;
        }
        if let Some(f) = opens_fence(body) {
            fence = Some(f);
            out.push_str(line);
            i += 1;
            continue;
        }
        if is_div_fence(body) {
            out.push_str(end);
            i += 1;
            continue;
        }
        // A line block: its run of `| ` lines, unless it is a table.
        if body.starts_with("| ") || body == "|" {
            let run = lines[i..]
                .iter()
                .take_while(|l| {
                    let b = split_end(l).0;
                    b.starts_with("| ") || b == "|"
                })
                .count();
            let rows: Vec<&str> = lines[i..i + run].iter().map(|l| split_end(l).0).collect();
            if is_line_block(&rows) {
                for (k, row) in rows.iter().enumerate() {
                    let text = row
                        .strip_prefix('|')
                        .unwrap_or(row)
                        .strip_prefix(' ')
                        .unwrap_or("");
                    out.push_str(&inline(text, &examples));
                    if k + 1 < rows.len() {
                        out.push('\\');
                    }
                    out.push_str(split_end(lines[i + k]).1);
                }
                i += run;
                continue;
            }
        }
        let body = match example_item(body) {
            Some((indent, rest)) => {
                example += 1;
                format!("{indent}{example}. {rest}")
            }
            None => body.to_string(),
        };
        out.push_str(&inline(&body, &examples));
        out.push_str(end);
        i += 1;
    }
    (Cow::Owned(out), inferred)
}

/// Reads a title block at the start (`% Title`, `% Authors`, `% Date`;
/// a line starting with a space goes on the one before) and returns how
/// many lines it takes.
fn title_block(lines: &[&str], inferred: &mut Inferred) -> usize {
    let mut fields: Vec<String> = Vec::new();
    let mut n = 0;
    for line in lines {
        let (body, _) = split_end(line);
        if let Some(rest) = body.strip_prefix('%') {
            if fields.len() == 3 {
                break;
            }
            fields.push(rest.trim().to_string());
        } else if body.starts_with([' ', '\t']) && !fields.is_empty() && !body.trim().is_empty() {
            let last = fields.last_mut().expect("a field");
            last.push(' ');
            last.push_str(body.trim());
        } else {
            break;
        }
        n += 1;
    }
    if fields.is_empty() {
        return 0;
    }
    inferred.title = fields.first().filter(|t| !t.is_empty()).cloned();
    if let Some(authors) = fields.get(1) {
        inferred.authors = authors
            .split(';')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_string)
            .collect();
    }
    inferred.date = fields.get(2).and_then(|d| super::lines::date_of_line(d));
    n
}

/// `::: {.class}`, `::: warning`, `:::::`: a fenced div's opening or
/// closing fence (not the `refs` div, where a bibliography's list goes).
fn is_div_fence(line: &str) -> bool {
    let t = line.trim();
    let colons = t.chars().take_while(|&c| c == ':').count();
    if colons < 3 || t.contains("#refs") {
        return false;
    }
    let rest = t[colons..].trim().trim_end_matches(':').trim();
    rest.is_empty()
        || (rest.starts_with('{') && rest.ends_with('}'))
        || rest
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// Whether a run of `| ` lines is a line block, not a pipe table: no
/// delimiter row and no cell separators inside.
fn is_line_block(rows: &[&str]) -> bool {
    !rows.iter().any(|r| {
        let inner = &r[1..];
        inner.contains('|')
            || r.trim_start_matches('|').trim().starts_with(":--")
            || r.trim_start_matches('|').trim().starts_with("---")
    })
}

/// `(@)` or `(@label)` opening a line: the indentation and the rest.
fn example_item(line: &str) -> Option<(&str, &str)> {
    let t = line.trim_start();
    let indent = &line[..line.len() - t.len()];
    let rest = t.strip_prefix("(@")?;
    let close = rest.find(')')?;
    let label = &rest[..close];
    if !label
        .chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    {
        return None;
    }
    let after = &rest[close + 1..];
    after
        .starts_with([' ', '\t'])
        .then(|| (indent, after.trim_start()))
}

/// Each example label's number, in order through the document.
fn example_numbers(lines: &[&str]) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    let mut n = 0;
    for line in lines {
        let body = split_end(line).0;
        if example_item(body).is_some() {
            n += 1;
            let t = body.trim_start();
            let label = &t[2..t.find(')').unwrap_or(2)];
            if !label.is_empty() {
                out.entry(label.to_string()).or_insert(n);
            }
        }
    }
    out
}

/// Spans and attributes in one line, and references to examples.
fn inline(line: &str, examples: &HashMap<String, usize>) -> String {
    let mut line = Cow::Borrowed(line);
    if line.contains("(@") && !examples.is_empty() {
        let mut s = line.to_string();
        for (label, n) in examples {
            s = s.replace(&format!("(@{label})"), &format!("({n})"));
        }
        line = Cow::Owned(s);
    }
    if line.contains('^') || line.contains('~') {
        line = Cow::Owned(scripts(&line));
    }
    if !line.contains("]{") && !line.contains("){") {
        return line.into_owned();
    }
    attributes(&line)
}

/// `2^10^` → `2<sup>10</sup>`, `H~2~O` → `H<sub>2</sub>O`, inside words
/// as Pandoc reads them: no space inside, a single mark each side (so
/// `~~struck~~`, `^[a note]` and `[^1]` stay), outside code spans.
fn scripts(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 16);
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut k = 0;
    let mut in_code = false;
    while k < chars.len() {
        let (at, c) = chars[k];
        if c == '`' {
            in_code = !in_code;
        }
        let mark = matches!(c, '^' | '~') && !in_code;
        let prev = k.checked_sub(1).map(|j| chars[j].1);
        if mark && prev != Some(c) && prev != Some('[') {
            let close = chars[k + 1..]
                .iter()
                .position(|&(_, x)| x == c || x.is_whitespace() || "[]`".contains(x))
                .map(|p| k + 1 + p)
                .filter(|&e| e > k + 1 && chars[e].1 == c);
            let single = close.is_some_and(|e| chars.get(e + 1).map(|x| x.1) != Some(c));
            if let (Some(e), true) = (close, single) {
                let tag = if c == '^' { "sup" } else { "sub" };
                out.push_str(&format!(
                    "<{tag}>{}</{tag}>",
                    &line[chars[k + 1].0..chars[e].0]
                ));
                k = e + 1;
                continue;
            }
        }
        out.push_str(&line[at..at + c.len_utf8()]);
        k += 1;
    }
    out
}

/// `[text]{.smallcaps}` → `text`; `[x](u){.c}` → `[x](u)`.
fn attributes(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    loop {
        let next = [rest.find("]{"), rest.find("){")]
            .into_iter()
            .flatten()
            .min();
        let Some(at) = next else { break };
        let attrs_start = at + 1;
        let Some(len) = rest[attrs_start..].find('}') else {
            break;
        };
        let attrs = &rest[attrs_start + 1..attrs_start + len];
        let is_attrs = attrs.trim_start().starts_with(['.', '#'])
            || attrs.contains('=')
            || attrs.trim() == "-";
        if !is_attrs {
            out.push_str(&rest[..attrs_start + 1]);
            rest = &rest[attrs_start + 1..];
            continue;
        }
        let after = &rest[attrs_start + len + 1..];
        if rest[at..].starts_with(')') {
            out.push_str(&rest[..=at]);
        } else {
            // A span: its text, without its brackets.
            let open = matching_open(&rest[..at]);
            let Some(open) = open else {
                out.push_str(&rest[..=at]);
                rest = after;
                continue;
            };
            out.push_str(&rest[..open]);
            let text = &rest[open + 1..at];
            let class = |c: &str| attrs.split_whitespace().any(|a| a == c);
            if class(".underline") {
                out.push_str(&format!("<u>{text}</u>"));
            } else if class(".mark") {
                out.push_str(&format!("<mark>{text}</mark>"));
            } else {
                out.push_str(text);
            }
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Where the `[` that the `]` at the end of `text` closes stands.
fn matching_open(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices().rev() {
        match c {
            ']' => depth += 1,
            '[' if depth == 0 => return Some(i),
            '[' => depth -= 1,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
#[path = "pandoc_tests.rs"]
mod tests;
