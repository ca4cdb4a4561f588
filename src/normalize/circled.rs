//! Notes numbered with circled digits, as Chinese and Japanese journals
//! number them page by page (`① 李丹慧：《…》，2002年。`; their markers,
//! `冲突①。` or `$\textcircled{1}$`, are found by `markers`): the digits
//! and their TeX forms, a page's notes set one per line in one block, and
//! whether a note's text cites something (a list numbered so does not).

/// The number of a circled digit: `①`–`⑳`, `㉑`–`㉟`.
pub(super) fn circled_value(c: char) -> Option<u32> {
    match c {
        '\u{2460}'..='\u{2473}' => Some(c as u32 - 0x2460 + 1),
        '\u{3251}'..='\u{325f}' => Some(c as u32 - 0x3251 + 21),
        _ => None,
    }
}

/// A circled digit at the start of `t` (`①`, `$\textcircled{1}$`,
/// `$^{①}$`): its label and length.
pub(super) fn circled_marker(t: &str) -> Option<(String, usize)> {
    if let Some(n) = t.chars().next().and_then(circled_value) {
        return Some((n.to_string(), t.chars().next()?.len_utf8()));
    }
    let rest = t.strip_prefix('$')?.trim_start_matches(' ');
    let rest = rest.strip_prefix("^{").unwrap_or(rest);
    let (label, inner_len) = if let Some(r) = rest.strip_prefix("\\textcircled{") {
        let close = r.find('}')?;
        let digits = &r[..close];
        let n: u32 = digits
            .trim()
            .parse()
            .ok()
            .filter(|n| (1..=50).contains(n))?;
        (n.to_string(), "\\textcircled{".len() + close + 1)
    } else {
        let c = rest.chars().next()?;
        (circled_value(c)?.to_string(), c.len_utf8())
    };
    let after = rest[inner_len..].trim_start_matches(['}', ' ']);
    let after = after.strip_prefix('$')?;
    Some((label, t.len() - after.len()))
}

/// A page's circled notes set one per line in one block (`① …\n② …`):
/// each note's label and text. `None` unless every line opens with a
/// circled digit (a line that does not continues the one before) and
/// each cites something.
pub(super) fn lines(text: &str) -> Option<Vec<(String, String)>> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() < 2 || circled_marker(lines[0]).is_none() {
        return None;
    }
    let mut notes: Vec<(String, String)> = Vec::new();
    for line in lines {
        match circled_marker(line) {
            Some((label, len)) => notes.push((label, line[len..].trim().to_string())),
            None => {
                let (_, last) = notes.last_mut()?;
                // Chinese and Japanese lines join with no space.
                let wide = |c: char| c >= '\u{2e80}';
                if !last.ends_with(wide) && !line.starts_with(wide) {
                    last.push(' ');
                }
                last.push_str(line);
            }
        }
    }
    (notes.len() >= 2 && notes.iter().all(|(_, t)| cites_something(t))).then_some(notes)
}

/// Whether a circled note's text cites something: a title mark, a year,
/// a page, an address; a list item numbered so (`①加强合作`) does not.
pub(super) fn cites_something(body: &str) -> bool {
    let year = body
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit) && matches!(w[0], b'1' | b'2'));
    !body.is_empty()
        && !body.starts_with(|c: char| circled_value(c).is_some())
        && (year
            || body.contains(['《', '〈', '『', '「'])
            || body.contains("页")
            || body.contains("http")
            || body.contains("p."))
}
