//! Tables in plain text, as a PDF's text gives them: one row to a line,
//! a label and then figures parted by spaces (`Riga 19.0 8.7 12.2`).
//! Three or more such rows with the same number of figures are a table,
//! with the line before them as its head when it has one word for each
//! column (`Market 1926 1930 1934`, `Port Rye Wheat Oats`). A table is
//! written as a Markdown table, so its rows are not sentences: a year in
//! its head is no date on the timeline.

/// A table found among the paragraphs: where it starts and ends (the
/// head included) and its cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub start: usize,
    pub end: usize,
    pub rows: Vec<Vec<String>>,
}

/// The tables among `paras`, in order.
pub fn find(paras: &[String]) -> Vec<Table> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < paras.len() {
        let Some(k) = figures(&paras[i]) else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while end < paras.len() && figures(&paras[end]) == Some(k) {
            end += 1;
        }
        if end - i < 3 {
            i = end;
            continue;
        }
        let head = i
            .checked_sub(1)
            .filter(|&h| out.last().is_none_or(|t: &Table| t.end <= h))
            .filter(|&h| is_head(&paras[h], k));
        let start = head.unwrap_or(i);
        let rows = (start..end).map(|r| cells(&paras[r], k)).collect();
        out.push(Table { start, end, rows });
        i = end;
    }
    out
}

/// How many figures end a row: at least two, after at most five words
/// of label, in at most twelve words, with no sentence's end.
fn figures(p: &str) -> Option<usize> {
    let words: Vec<&str> = p.split_whitespace().collect();
    if words.len() > 12 || p.ends_with(['.', '!', '?', ':', ';']) {
        return None;
    }
    let k = words.iter().rev().take_while(|w| is_figure(w)).count();
    (k >= 2 && words.len() - k <= 5).then_some(k)
}

/// `18.4`, `1,234`, `-3`, `12%`, `1926`, `n/a`, `–`.
fn is_figure(w: &str) -> bool {
    let t = w.trim_start_matches(['-', '−', '+', '(', '$', '€', '£']);
    let t = t.trim_end_matches(['%', ')', '*']);
    matches!(w, "–" | "—" | "-" | "n/a" | "NA" | "..")
        || !t.is_empty()
            && t.starts_with(|c: char| c.is_ascii_digit())
            && t.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// A head for a table of `k` figures: a short line of `k` + 1 or `k`
/// words, without a sentence's end.
fn is_head(p: &str, k: usize) -> bool {
    let n = p.split_whitespace().count();
    (n == k + 1 || n == k) && !super::text::ends_sentence(p) && p.chars().count() <= 80
}

/// A row's cells: its label (empty when it has none) and its `k` figures.
fn cells(p: &str, k: usize) -> Vec<String> {
    let words: Vec<&str> = p.split_whitespace().collect();
    let split = words.len().saturating_sub(k);
    let mut row = vec![words[..split].join(" ")];
    row.extend(words[split..].iter().map(|w| w.to_string()));
    row
}

/// The table as Markdown, its first row the head; each cell escaped, `|`
/// too, so a cell cannot end early.
pub fn markdown(rows: &[Vec<String>]) -> String {
    pipe_table(rows, super::text::escape_markdown)
}

/// Rows as a pipe table, the first the head, every row as wide as the
/// widest; `cell` writes a cell's text as Markdown.
pub(super) fn pipe_table(rows: &[Vec<String>], cell: impl Fn(&str) -> String) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = String::new();
    for (r, row) in rows.iter().enumerate() {
        out.push('|');
        for c in 0..cols {
            out.push(' ');
            out.push_str(&cell(row.get(c).map_or("", String::as_str)));
            out.push_str(" |");
        }
        out.push('\n');
        if r == 0 {
            out.push('|');
            out.push_str(&"---|".repeat(cols));
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn rows_of_figures_under_a_head() {
        let p = paras(&[
            "Table 1: Rye prices, gold francs per 100 kg",
            "Market 1926 1930 1934",
            "Tallinn 18.4 9.1 11.7",
            "Riga 19.0 8.7 12.2",
            "Kaunas 17.2 8.1 10.9",
            "The series end in June 1940.",
        ]);
        let t = find(&p);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].start, t[0].end), (1, 5));
        assert_eq!(t[0].rows[0], ["Market", "1926", "1930", "1934"]);
        assert_eq!(t[0].rows[2], ["Riga", "19.0", "8.7", "12.2"]);
        let md = markdown(&t[0].rows);
        assert!(md.starts_with("| Market | 1926 | 1930 | 1934 |\n|---|---|---|---|\n"));
        assert_eq!(markdown(&[vec!["a|b".into()]]), "| a\\|b |\n|---|\n");
    }

    #[test]
    fn a_head_of_words_and_rows_with_longer_labels() {
        let p = paras(&[
            "Port Rye Wheat",
            "Port of Tallinn 4 5",
            "Riga 3 2",
            "Liepāja 1,200 –",
        ]);
        let t = find(&p);
        assert_eq!(t[0].rows[1], ["Port of Tallinn", "4", "5"]);
        assert_eq!(t[0].rows[3], ["Liepāja", "1,200", "–"]);
    }

    #[test]
    fn sentences_and_short_runs_are_no_tables() {
        assert!(find(&paras(&["Riga 19.0 8.7", "Kaunas 17.2 8.1"])).is_empty());
        assert!(find(&paras(&[
            "Prices fell from 18.4 to 9.1.",
            "They rose again to 11.7 and 12.2.",
            "Then 10.9 and 11.",
        ]))
        .is_empty());
        // Scores in a league table have other numbers of figures.
        assert!(find(&paras(&[
            "Harbour Rovers 2 1",
            "Quarry Town 0",
            "Castle Vale 3 3 1"
        ]))
        .is_empty());
    }
}
