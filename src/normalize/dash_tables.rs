//! Pandoc's simple and multiline tables into pipe tables. Pandoc writes
//! them when it converts a Word or HTML document to Markdown (a table
//! whose cells fit on one line is simple; one whose cells wrap is
//! multiline). CommonMark reads neither: their rows would print as lines
//! of text, and the dashes under a last row would make it a heading.
//!
//! ```text
//!   ---------------------------------        | Case | Date |
//!   Case               Date                  |---|---|
//!   ------------------ --------------   →    | The Nordic Star | 17.5.2005 |
//!   The Nordic         17.5.2005             | Harbour Board v Eklund | 22.1.2011 |
//!   Star
//!
//!   Harbour Board v    22.1.2011
//!   Eklund
//!   ---------------------------------
//! ```
//!
//! - The columns are the runs of dashes of the line under the header (or,
//!   without a header, of the first line): a cell is the text from its
//!   column's start to the next column's.
//! - Simple: a header line, the dashes, one line a row, up to a blank
//!   line (or a closing line of dashes when there is no header).
//! - Multiline: opened and closed by a line of dashes alone; rows parted
//!   by blank lines, a cell's lines joined with spaces.
//! - A table whose text crosses a column's edge inside a word, and any
//!   text in a fenced or indented code block, is left as it is.

use std::borrow::Cow;

/// The text with Pandoc's simple and multiline tables made pipe tables.
pub fn convert(markdown: &str) -> Cow<'_, str> {
    if !markdown.contains("-- -") && !markdown.contains("--\n") {
        return Cow::Borrowed(markdown);
    }
    let lines: Vec<&str> = markdown.split('\n').collect();
    let mut out: Vec<Cow<str>> = Vec::with_capacity(lines.len());
    let mut fence: Option<&str> = None;
    let mut changed = false;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let t = line.trim_start();
        if let Some(f) = fence {
            if t.starts_with(f) {
                fence = None;
            }
        } else if t.starts_with("```") || t.starts_with("~~~") {
            fence = Some(&t[..3]);
        } else if i == 0 || lines[i - 1].trim().is_empty() {
            if let Some((end, table)) = table_at(&lines, i) {
                out.push(Cow::Owned(table));
                changed = true;
                i = end;
                continue;
            }
        }
        out.push(Cow::Borrowed(line));
        i += 1;
    }
    if changed {
        Cow::Owned(out.join("\n"))
    } else {
        Cow::Borrowed(markdown)
    }
}

/// How far a line is indented (more than three spaces is code).
fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The runs of dashes of a line made only of dashes and spaces, as
/// (start, end) in characters.
fn runs(line: &str) -> Option<Vec<(usize, usize)>> {
    let t = line.trim_end();
    if indent(t) > 3 || t.trim().len() < 3 || !t.chars().all(|c| c == '-' || c == ' ') {
        return None;
    }
    let mut out = Vec::new();
    let mut start = None;
    for (k, c) in t.chars().chain(std::iter::once(' ')).enumerate() {
        match (c, start) {
            ('-', None) => start = Some(k),
            (' ', Some(s)) => {
                out.push((s, k));
                start = None;
            }
            _ => {}
        }
    }
    Some(out)
}

/// Columns: at least two runs of dashes, each at least two long.
fn columns(line: &str) -> Option<Vec<(usize, usize)>> {
    runs(line).filter(|r| r.len() >= 2 && r.iter().all(|(s, e)| e - s >= 2))
}

/// A line of dashes alone (a multiline table's border).
fn border(line: &str) -> bool {
    runs(line).is_some_and(|r| r.len() == 1 && r[0].1 - r[0].0 >= 10)
}

/// The table starting at `lines[i]`: the index after it and its pipe table.
fn table_at(lines: &[&str], i: usize) -> Option<(usize, String)> {
    let blank = |k: usize| lines.get(k).is_none_or(|l| l.trim().is_empty());
    let (cols, header, body_start) = if border(lines[i]) {
        // Multiline with a header: border, header lines, columns.
        let sep = (i + 1..lines.len().min(i + 8)).find(|&k| columns(lines[k]).is_some())?;
        if (i + 1..sep).any(blank) {
            return None;
        }
        (columns(lines[sep])?, Some((i + 1, sep)), sep + 1)
    } else if let Some(cols) = columns(lines[i]) {
        // Headerless: the columns first.
        (cols, None, i + 1)
    } else if !blank(i) && indent(lines[i]) <= 3 {
        // Simple with a header line.
        (columns(lines.get(i + 1)?)?, Some((i, i + 1)), i + 2)
    } else {
        return None;
    };
    let multiline = border(lines[i]);
    // Where the body ends, and the index after the table.
    let (body_end, after) = if multiline || header.is_none() {
        let close = (body_start..lines.len()).find(|&k| {
            if multiline {
                border(lines[k])
            } else {
                columns(lines[k]).is_some() && blank(k + 1)
            }
        })?;
        (close, close + 1)
    } else {
        let end = (body_start..lines.len())
            .find(|&k| blank(k))
            .unwrap_or(lines.len());
        (end, end)
    };
    if !blank(after) || body_end <= body_start {
        return None;
    }
    let body = &lines[body_start..body_end];
    // Rows: parted by blank lines when any row is (multiline), else a line
    // each.
    let parted = multiline || body.iter().any(|l| l.trim().is_empty());
    let groups: Vec<&[&str]> = if parted {
        body.split(|l| l.trim().is_empty())
            .filter(|g| !g.is_empty())
            .collect()
    } else {
        body.chunks(1).collect()
    };
    let mut rows = Vec::with_capacity(groups.len() + 1);
    rows.push(match header {
        Some((from, to)) => cells(&lines[from..to], &cols)?,
        None => vec![String::new(); cols.len()],
    });
    for g in groups {
        rows.push(cells(g, &cols)?);
    }
    let table = super::plain_tables::pipe_table(&rows, |c| c.replace('|', "\\|"));
    Some((after, table.trim_end().to_string()))
}

/// One row's cells from its lines: each column's text from its start to
/// the next column's, its lines joined; `None` when text crosses an edge
/// inside a word.
fn cells(lines: &[&str], cols: &[(usize, usize)]) -> Option<Vec<String>> {
    let mut out = vec![String::new(); cols.len()];
    for line in lines {
        let chars: Vec<char> = line.trim_end().chars().collect();
        for (c, cell) in out.iter_mut().enumerate() {
            let from = if c == 0 { 0 } else { cols[c].0 };
            let to = cols
                .get(c + 1)
                .map_or(chars.len(), |n| n.0)
                .min(chars.len());
            if c > 0 && from < chars.len() && from > 0 {
                let (before, at) = (chars[from - 1], chars[from]);
                if !before.is_whitespace() && !at.is_whitespace() {
                    return None;
                }
            }
            if from >= to {
                continue;
            }
            let text: String = chars[from..to].iter().collect();
            let text = text.trim();
            if !text.is_empty() {
                if !cell.is_empty() {
                    cell.push(' ');
                }
                cell.push_str(text);
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::convert;

    #[test]
    fn multiline_tables_as_pandoc_writes_them_from_word() {
        let md = "Before.\n\n  ---------------------------------------------\n  Case              Court             Date\n  ----------------- ----------------- ---------\n  The Nordic Star   Supreme Court     17.5.2005\n\n  Harbour Board v   District Court    22.1.2011\n  Eklund                              \n  ---------------------------------------------\n\nAfter.\n";
        assert_eq!(
            convert(md),
            "Before.\n\n| Case | Court | Date |\n|---|---|---|\n| The Nordic Star | Supreme Court | 17.5.2005 |\n| Harbour Board v Eklund | District Court | 22.1.2011 |\n\nAfter.\n"
        );
    }

    #[test]
    fn simple_tables_with_and_without_a_header() {
        let md = "  Year   Event\n  ------ ----------------\n  1991   The union ends\n  2001   A treaty\n\nText.";
        assert_eq!(
            convert(md),
            "| Year | Event |\n|---|---|\n| 1991 | The union ends |\n| 2001 | A treaty |\n\nText."
        );
        let md = "Text.\n\n------- -------\n  12    a\n 123    b\n------- -------\n\nMore.";
        assert_eq!(
            convert(md),
            "Text.\n\n|  |  |\n|---|---|\n| 12 | a |\n| 123 | b |\n\nMore."
        );
    }

    #[test]
    fn what_is_not_such_a_table_stays() {
        for text in [
            // A setext heading, a rule, a thematic break with spaces.
            "Title\n-----\n\nText.",
            "Text.\n\n---\n\nMore.",
            "Text.\n\n- - -\n\nMore.",
            // Dashes in code.
            "```\nid   name\n---- ------\n1    a\n```\n",
            "    id   name\n    ---- ------\n    1    a\n",
            // Text crossing a column's edge inside a word.
            "Year   Event\n------ ------\n1991 Theunion\n\n",
            // A multiline table never closed.
            "------------------\nA      B\n------ ------\n1      2\n",
            // A list item under a line of dashes.
            "Text.\n\n-- --\n",
        ] {
            assert_eq!(convert(text), text, "{text}");
        }
    }

    #[test]
    fn pipes_escaped_and_wide_characters_kept() {
        let md = "Город   Год\n------- -----\nМосква  1147\na|b     2001\n\n";
        assert_eq!(
            convert(md),
            "| Город | Год |\n|---|---|\n| Москва | 1147 |\n| a\\|b | 2001 |\n\n"
        );
    }
}
