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
                        prose_dashes(part)
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

/// `---` → `—` and `--` → `–` in a run of prose, except a command-line
/// option (`--force`: `--` after a space or at the start, then a letter),
/// which keeps its hyphens.
fn prose_dashes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("--") {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let run = tail.bytes().take_while(|&b| b == b'-').count();
        let before_ok = out.is_empty() || out.ends_with(char::is_whitespace) || out.ends_with('(');
        let option =
            run == 2 && before_ok && tail[2..].starts_with(|c: char| c.is_ascii_lowercase());
        if option {
            out.push_str("--");
        } else if run == 3 {
            out.push('—');
        } else if run == 2 {
            out.push('–');
        } else {
            // Four or more hyphens are a rule or decoration: kept.
            out.push_str(&tail[..run]);
        }
        rest = &tail[run..];
    }
    out.push_str(rest);
    out
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
        // Command-line options in prose keep their hyphens.
        assert_eq!(
            dashes("build with --force (or --drafts) -- then pages 3--5"),
            "build with --force (or --drafts) – then pages 3–5"
        );
        assert_eq!(dashes("Moscow---and Beijing"), "Moscow—and Beijing");
        assert_eq!(dashes("a ---- b"), "a ---- b");
    }
}
