//! Pandoc's dashes in Markdown prose: `---` → `—`, `--` → `–` (rule 6 of
//! `pdfmd`).

/// Rule 6: `---` → `—` and `--` → `–` on the lines of a block that hold
/// text, outside inline code.
pub fn dashes(block: &str) -> std::borrow::Cow<'_, str> {
    if !block.contains("--") {
        return std::borrow::Cow::Borrowed(block);
    }
    let lines: Vec<String> = block
        .split('\n')
        .map(|line| {
            let t = line.trim_start();
            let text = t.chars().any(char::is_alphanumeric)
                && !t.starts_with('|')
                && !t.starts_with('+')
                && !line.contains("<!--")
                && !line.contains("-->");
            if !text || !line.contains("--") {
                return line.to_string();
            }
            // Outside `code` spans: the even parts of a split on backticks.
            line.split('`')
                .enumerate()
                .map(|(k, part)| {
                    if k % 2 == 0 {
                        part.replace("---", "—").replace("--", "–")
                    } else {
                        part.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("`")
        })
        .collect();
    std::borrow::Cow::Owned(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::dashes;

    #[test]
    fn pandoc_dashes_in_text_only() {
        assert_eq!(
            dashes("set up --- in 2006 --- and 2009--2010"),
            "set up — in 2006 — and 2009–2010"
        );
        assert_eq!(dashes("---"), "---");
        assert_eq!(dashes("|---|---|"), "|---|---|");
        assert_eq!(dashes("<!-- note -->"), "<!-- note -->");
        assert_eq!(dashes("run `a --b` then --- go"), "run `a --b` then — go");
    }
}
