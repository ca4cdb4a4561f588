//! Pandoc grid tables into pipe tables, which the parse stage reads as
//! tables (CommonMark has no grid tables: it would print their borders as
//! text, and each row would read as a sentence).
//!
//! ```text
//! +------+-------------+
//! | Year | Event       |        | Year | Event                 |
//! +======+=============+   →    |---|---|
//! | 1991 | The union   |        | 1991 | The union dissolves |
//! |      | dissolves   |
//! +------+-------------+
//! ```
//!
//! Column edges are the `+` of the first border. A row is the `|` lines
//! between two borders; each cell's lines are joined with spaces. Rows
//! above a `+===+` border are the header; a table without one gets an
//! empty header. A table whose lines do not keep to the edges (cells
//! spanning columns) is left as it is.

/// The text with every well-formed grid table turned into a pipe table.
pub fn convert(markdown: &str) -> std::borrow::Cow<'_, str> {
    if !markdown.contains("\n+-") && !markdown.starts_with("+-") {
        return std::borrow::Cow::Borrowed(markdown);
    }
    let lines: Vec<&str> = markdown.split('\n').collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut i = 0;
    let mut changed = false;
    while i < lines.len() {
        if is_border(lines[i]) {
            let end = (i + 1..lines.len())
                .find(|&j| !(lines[j].starts_with('|') || is_border(lines[j])))
                .unwrap_or(lines.len());
            match pipe_table(&lines[i..end]) {
                Some(table) => {
                    out.extend(table);
                    changed = true;
                }
                // Kept as it is, whole: its inner borders start no table.
                None => out.extend(lines[i..end].iter().map(|l| l.to_string())),
            }
            i = end;
            continue;
        }
        out.push(lines[i].to_string());
        i += 1;
    }
    if changed {
        std::borrow::Cow::Owned(out.join("\n"))
    } else {
        std::borrow::Cow::Borrowed(markdown)
    }
}

/// `+----+:---:+` or `+====+====+`.
fn is_border(line: &str) -> bool {
    let l = line.trim_end();
    l.len() >= 3
        && l.starts_with('+')
        && l.ends_with('+')
        && l.contains(['-', '='])
        && l.chars().all(|c| matches!(c, '+' | '-' | '=' | ':'))
}

fn pipe_table(lines: &[&str]) -> Option<Vec<String>> {
    let first = lines.first()?.trim_end();
    let edges: Vec<usize> = first.match_indices('+').map(|(k, _)| k).collect();
    if edges.len() < 2 || !lines.last().is_some_and(|l| is_border(l)) {
        return None;
    }
    let mut header: Option<Vec<String>> = None;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cells: Vec<Vec<String>> = vec![Vec::new(); edges.len() - 1];
    let mut open = false;
    for line in &lines[1..] {
        let l = line.trim_end();
        if is_border(l) {
            let row: Vec<String> = cells
                .iter_mut()
                .map(|c| std::mem::take(c).join(" "))
                .collect();
            if open {
                if l.contains('=') && header.is_none() && rows.is_empty() {
                    header = Some(row);
                } else {
                    rows.push(row);
                }
            }
            open = false;
            continue;
        }
        // Every edge must fall on a `|` (or the line is a spanning row).
        let bytes = l.as_bytes();
        if edges.iter().any(|&e| bytes.get(e) != Some(&b'|')) {
            return None;
        }
        for (c, w) in edges.windows(2).enumerate() {
            let text = l.get(w[0] + 1..w[1])?.trim();
            if !text.is_empty() {
                cells[c].push(text.to_string());
            }
        }
        open = true;
    }
    if rows.is_empty() && header.is_none() {
        return None;
    }
    let width = edges.len() - 1;
    let line = |cells: &[String]| {
        let escaped: Vec<String> = cells.iter().map(|c| c.replace('|', "\\|")).collect();
        format!("| {} |", escaped.join(" | "))
    };
    let mut out = vec![line(&header.unwrap_or_else(|| vec![String::new(); width]))];
    out.push(format!("|{}", "---|".repeat(width)));
    out.extend(rows.iter().map(|r| line(r)));
    // A blank line after, so that what follows is not read as a row.
    out.push(String::new());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_tables_become_pipe_tables() {
        let md = "Before.\n\n+------+-------------+\n| Year | Event       |\n+======+=============+\n| 1991 | The union   |\n|      | dissolves   |\n+------+-------------+\n| 2001 | A treaty    |\n+------+-------------+\n\nAfter.\n";
        let out = convert(md);
        assert_eq!(
            out,
            "Before.\n\n| Year | Event |\n|---|---|\n| 1991 | The union dissolves |\n| 2001 | A treaty |\n\n\nAfter.\n"
        );
    }

    #[test]
    fn headerless_and_spanning_tables() {
        let md = "+---+---+\n| a | b |\n+---+---+\n";
        assert_eq!(convert(md), "|  |  |\n|---|---|\n| a | b |\n\n");
        // A cell spanning both columns: left as it is.
        let span = "+---+---+\n| spans |\n+---+---+\n";
        assert_eq!(convert(span), span);
        // Not a table at all.
        let text = "+- a list in a diff\n+-- another\n";
        assert_eq!(convert(text), text);
        assert_eq!(convert("| x | y |"), "| x | y |");
    }

    #[test]
    fn pipes_in_cells_are_escaped_and_text_kept() {
        let md = "+-------+\n| a|b   |\n+-------+\n";
        assert_eq!(convert(md), "|  |\n|---|\n| a\\|b |\n\n");
        let md = "+-----+-----+\n| x   | y   |\n+=====+=====+\n| 1   | 2   |\n+-----+-----+";
        assert_eq!(convert(md), "| x | y |\n|---|---|\n| 1 | 2 |\n");
    }
}
