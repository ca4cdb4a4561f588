//! Rule 1 of reference-list entries (see `entries`): the label an entry
//! is cited by (`[12]`, `12.`, `(3)`, a bare `33` before a capital, a
//! converter's `{[28]}`), and the author–year label some lists print
//! before the entry (`Berg et al. (2012) Anna Berg, …`).

/// Rule 1: (label, the rest).
pub(super) fn take_label(text: &str) -> (Option<&str>, &str) {
    let t = text.trim_start();
    // `{[28]} Y. Zhang`: a label a converter made a link.
    if let Some((inner, rest)) = t.strip_prefix('{').and_then(|r| r.split_once('}')) {
        if let (Some(label), "") = take_label(inner) {
            return (Some(label), rest.trim_start());
        }
    }
    let bracket = t
        .strip_prefix('[')
        .and_then(|r| r.split_once(']'))
        .or_else(|| t.strip_prefix('(').and_then(|r| r.split_once(')')));
    if let Some((label, rest)) = bracket {
        if (1..=12).contains(&label.len()) && label.chars().all(|c| c.is_alphanumeric() || c == '+')
        {
            return (Some(label), rest.trim_start());
        }
    }
    if let Some((n, rest)) = t.split_once(['.', ')']) {
        if (1..=4).contains(&n.len())
            && n.bytes().all(|b| b.is_ascii_digit())
            && rest.starts_with(' ')
        {
            return (Some(n), rest.trim_start());
        }
    }
    // `26- Vellin J-F, …`: a number and a dash before a capital (three
    // digits at most: `2007 - Report` is a year).
    if let Some((n, rest)) = t.split_once(['-', '\u{2013}']) {
        let (n, after) = (n.trim_end(), rest.trim_start());
        if (1..=3).contains(&n.len())
            && n.bytes().all(|b| b.is_ascii_digit())
            && rest.starts_with(' ')
            && after.starts_with(char::is_uppercase)
        {
            return (Some(n), after);
        }
    }
    // `33 Bergk, V., …` (Nature): a bare number before a capital.
    if let Some((n, rest)) = t.split_once(' ') {
        if (1..=3).contains(&n.len())
            && n.bytes().all(|b| b.is_ascii_digit())
            && rest.starts_with(char::is_uppercase)
        {
            return (Some(n), rest.trim_start());
        }
    }
    (None, t)
}

/// `Berg et al. (2012) Anna Berg, …` → `Anna Berg, …`.
pub(super) fn skip_citation_label(text: &str) -> &str {
    let Some(open) = text.find(" (") else {
        return text;
    };
    if open > 60 {
        return text;
    }
    let after = &text[open + 2..];
    let Some(close) = after.find(") ") else {
        return text;
    };
    let year = &after[..close];
    let is_year = year
        .get(..4)
        .is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit()))
        && year[4..].chars().all(|c| c.is_ascii_lowercase());
    let first = text.split_whitespace().next().unwrap_or("");
    let rest = &after[close + 2..];
    // The label names the entry's first author again.
    let repeats = rest
        .split([',', '.'])
        .next()
        .is_some_and(|a| a.contains(first));
    if is_year && repeats && first.starts_with(char::is_uppercase) {
        rest
    } else {
        text
    }
}
