//! Where in the author's file a link was written, for messages: the parse
//! stage knows the line in the Markdown it read, which normalisation may
//! have shortened (a converter's title block or page-break notes taken
//! out), so the line is then looked up in the file's own text.

/// Line numbers of byte offsets in a text; the line starts are found on
/// first use (most texts have no links to place).
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        LineIndex {
            text,
            starts: Vec::new(),
        }
    }

    /// The 1-based line of byte `offset`.
    pub fn line(&mut self, offset: usize) -> usize {
        if self.starts.is_empty() {
            self.starts.push(0);
            let newlines = self.text.match_indices('\n').map(|(i, _)| i + 1);
            self.starts.extend(newlines);
        }
        self.starts.partition_point(|&s| s <= offset)
    }

    /// The byte offset where 1-based line `line` starts (the text's end
    /// past its last line).
    pub fn start(&mut self, line: usize) -> usize {
        self.line(0);
        self.starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }
}

/// Moves each link's line (`links`, in the order they were written, each
/// at its line of the normalised Markdown) to the line of the file where
/// it was written: the first occurrence of its target in the file's body
/// (`body`) at or after that line (normalisation only removes lines) and
/// after the link before it, else the line as it was; counted from the
/// file's first line (`offset` lines of front matter precede the body).
/// One pass over the body.
pub fn place_in_file(body: &str, links: &mut [(String, usize)], offset: usize) {
    let mut lines = LineIndex::new(body);
    let mut cursor = 0;
    for (dest, line) in links.iter_mut() {
        let from = cursor.max(lines.start(*line));
        let found = if dest.is_empty() {
            None
        } else {
            body.get(from..).and_then(|rest| rest.find(dest.as_str()))
        };
        if let Some(at) = found {
            cursor = from + at;
            *line = lines.line(cursor);
        }
        *line += offset;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_offsets() {
        let mut l = LineIndex::new("a\nbc\n\nd");
        assert_eq!([0, 1, 2, 4, 5, 6].map(|o| l.line(o)), [1, 1, 2, 2, 3, 4]);
        assert_eq!(LineIndex::new("").line(0), 1);
    }

    #[test]
    fn links_are_placed_in_the_file_after_lines_were_removed() {
        // The converter's title block (two lines) was taken out: the link
        // read at line 2 was written at line 4; a mention of the same name
        // in plain text before it is not taken.
        let body = "img/a.png is below\nTITLE\nby X\n![](img/a.png) [b](b.md)\n\n[c](c.md)\n";
        let mut links = vec![
            ("img/a.png".to_string(), 2),
            ("b.md".into(), 2),
            ("c.md".into(), 4),
        ];
        place_in_file(body, &mut links, 3);
        assert_eq!(links.iter().map(|l| l.1).collect::<Vec<_>>(), [7, 7, 9]);
        // Not found as written (escaped in the file): the parse's line.
        let mut links = vec![("b_c.md".to_string(), 2), (String::new(), 3)];
        place_in_file("x\n[a](b\\_c.md)\n", &mut links, 0);
        assert_eq!(links.iter().map(|l| l.1).collect::<Vec<_>>(), [2, 3]);
    }
}
