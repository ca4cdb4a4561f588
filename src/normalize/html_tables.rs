//! Tables a converter wrote as HTML inside its Markdown (MinerU writes
//! each as `<html><body><table><tr><td>…</td></tr></table></body></html>`
//! on one line), made pipe tables: the site shows HTML from a text only as
//! text, and a pipe table is read, searched and quoted as the text's own.
//!
//! Only plain tables are rewritten: rows of `<td>`/`<th>` cells, with a
//! `colspan` given as that many cells (a `rowspan` leaves the rows below
//! as they are written). A cell's markup goes and its entities are read;
//! a `|` in it is escaped. The first row is the table's head. A table
//! inside a table, or one that is not closed, stays as it is.

use std::borrow::Cow;

/// The text with each HTML table written as a pipe table, set apart by
/// blank lines.
pub fn convert(text: &str) -> Cow<'_, str> {
    if !contains_ignore_case(text, "<table") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut changed = false;
    while let Some(open) = find_ignore_case(rest, "<table") {
        let Some(close) = find_ignore_case(&rest[open..], "</table>").map(|k| open + k) else {
            break;
        };
        let inner = &rest[open..close];
        let rows = (!contains_ignore_case(&inner[6..], "<table"))
            .then(|| rows(inner))
            .flatten();
        let Some(rows) = rows else {
            out.push_str(&rest[..close + 8]);
            rest = &rest[close + 8..];
            continue;
        };
        // The wrappers around the table on its line go with it.
        let before = strip_wrappers_end(&rest[..open]);
        let after = strip_wrappers_start(&rest[close + 8..]);
        out.push_str(before);
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
        }
        // Cells are Markdown already (`cell_text` escaped their pipes).
        out.push_str(&super::plain_tables::pipe_table(&rows, str::to_string));
        out.push('\n');
        rest = after.trim_start_matches('\n');
        changed = true;
    }
    if !changed {
        return Cow::Borrowed(text);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The rows of a table's markup, each a list of cell texts; `None` when
/// it has none.
fn rows(table: &str) -> Option<Vec<Vec<String>>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut rest = table;
    while let Some(tr) = find_ignore_case(rest, "<tr") {
        rest = &rest[tr + 3..];
        let end = find_ignore_case(rest, "<tr").unwrap_or(rest.len());
        let row = &rest[..end];
        let mut cells = Vec::new();
        let mut r = row;
        while let Some(k) = next_cell(r) {
            let tag_end = r[k..].find('>').map(|e| k + e + 1)?;
            let tag = &r[k..tag_end];
            let body_end = next_cell(&r[tag_end..])
                .map_or(r.len(), |e| tag_end + e)
                .min(find_ignore_case(&r[tag_end..], "</t").map_or(r.len(), |e| tag_end + e));
            let text = cell_text(&r[tag_end..body_end]);
            let span = colspan(tag).clamp(1, 50);
            cells.push(text);
            cells.extend(std::iter::repeat_n(String::new(), span - 1));
            r = &r[body_end..];
        }
        if !cells.is_empty() {
            rows.push(cells);
        }
        rest = &rest[end..];
    }
    (!rows.is_empty()).then_some(rows)
}

/// Where the next `<td` or `<th` opens in `t`.
fn next_cell(t: &str) -> Option<usize> {
    let td = find_ignore_case(t, "<td");
    let th = find_ignore_case(t, "<th")
        // Not `<thead>`.
        .filter(|&k| !t[k..].to_ascii_lowercase().starts_with("<thead"));
    match (td, th) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn colspan(tag: &str) -> usize {
    let lower = tag.to_ascii_lowercase();
    let Some(k) = lower.find("colspan=") else {
        return 1;
    };
    let value = lower[k + 8..].trim_start_matches(['"', '\'']);
    let digits: String = value.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().unwrap_or(1)
}

/// A cell's text: tags out (a `<br>` a space), entities read, white space
/// collapsed, `|` escaped.
fn cell_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(k) = rest.find('<') {
        text.push_str(&rest[..k]);
        match rest[k..].find('>') {
            Some(e) => {
                text.push(' ');
                rest = &rest[k + e + 1..];
            }
            None => {
                rest = "";
            }
        }
    }
    text.push_str(rest);
    let text = crate::chars::unescape_html(&text);
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

/// `text` without the `<html><body>` (and the like) that open a table's
/// line at its end.
fn strip_wrappers_end(text: &str) -> &str {
    let mut t = text;
    loop {
        let trimmed = t.trim_end_matches([' ', '\t']);
        let lower = trimmed.to_ascii_lowercase();
        match ["<html>", "<body>", "<div>", "<center>"]
            .iter()
            .find(|w| lower.ends_with(*w))
        {
            Some(w) => t = &trimmed[..trimmed.len() - w.len()],
            None => return t,
        }
    }
}

/// `text` without the `</body></html>` that close a table's line.
fn strip_wrappers_start(text: &str) -> &str {
    let mut t = text;
    loop {
        let trimmed = t.trim_start_matches([' ', '\t']);
        let lower = trimmed
            .get(..10.min(trimmed.len()))
            .unwrap_or("")
            .to_ascii_lowercase();
        match ["</html>", "</body>", "</div>", "</center>"]
            .iter()
            .find(|w| lower.starts_with(*w))
        {
            Some(w) => t = &trimmed[w.len()..],
            None => return t,
        }
    }
}

/// Where `needle` (a tag, opening with `<`) first stands in `hay`, in any
/// case; every Markdown text is searched, so only at its `<`s.
fn find_ignore_case(hay: &str, needle: &str) -> Option<usize> {
    let (bytes, n) = (hay.as_bytes(), needle.as_bytes());
    memchr::memchr_iter(b'<', bytes).find(|&k| {
        bytes
            .get(k..k + n.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(n))
    })
}

fn contains_ignore_case(hay: &str, needle: &str) -> bool {
    find_ignore_case(hay, needle).is_some()
}

#[cfg(test)]
mod tests {
    use super::convert;

    #[test]
    fn a_converter_s_html_table_is_a_pipe_table() {
        let md = "Table 1: Dues per last.\n\n<html><body><table><tr><td>Port</td><td>1860</td><td>1883</td></tr><tr><td>Riga</td><td>4.2</td><td>2.1</td></tr><tr><td>Libau &amp; Windau</td><td colspan=\"2\">3.0</td></tr></table></body></html>\n\nThe reform followed.";
        assert_eq!(
            convert(md),
            "Table 1: Dues per last.\n\n| Port | 1860 | 1883 |\n|---|---|---|\n| Riga | 4.2 | 2.1 |\n| Libau & Windau | 3.0 |  |\n\nThe reform followed."
        );
    }

    #[test]
    fn heads_markup_and_pipes_in_cells() {
        let md = "<table>\n<thead><tr><th>Name</th><th>Note</th></tr></thead>\n<tbody><tr><td><b>A|B</b></td><td>x<br/>y</td></tr></tbody>\n</table>";
        assert_eq!(
            convert(md),
            "| Name | Note |\n|---|---|\n| A\\|B | x y |\n\n"
        );
    }

    #[test]
    fn other_html_and_broken_tables_stay() {
        for md in [
            "No table here <b>at all</b>.",
            "<table><tr><td>never closed",
            "<table><tr><td><table><tr><td>1</td></tr></table></td></tr></table>",
            "<table></table>",
        ] {
            assert_eq!(convert(md), md);
        }
    }
}
