//! How an author list is spelled before it is split into names (see
//! `entry_names`): a PDF's line-break hyphens joined, and the conjunctions
//! of other languages read as commas.

/// Italian and Portuguese `e`, Spanish `y` between two names, when an
/// initial follows (`H. Roe e H.G. Lund`); `da Silva e Souza` is one
/// name.
pub(super) fn other_conjunctions(list: &str) -> String {
    let mut out = String::with_capacity(list.len());
    let mut words = list.split(' ').peekable();
    let mut first = true;
    while let Some(w) = words.next() {
        let initial_next = words.peek().is_some_and(|n| {
            n.ends_with('.') && n.starts_with(char::is_uppercase) && n.chars().count() <= 5
        });
        if !first && matches!(w, "e" | "y") && initial_next {
            out.push(',');
            continue;
        }
        if !first {
            out.push(' ');
        }
        out.push_str(w);
        first = false;
    }
    out
}

pub(super) fn join_name_hyphens(list: &str) -> String {
    if !list.contains("- ") {
        return list.to_string();
    }
    let mut out = String::with_capacity(list.len());
    let mut rest = list;
    while let Some(k) = rest.find("- ") {
        let before_letter = rest[..k]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic);
        let after = rest[k + 2..].chars().next();
        out.push_str(&rest[..k]);
        match after {
            Some(c) if before_letter && c.is_lowercase() => {}
            Some(c) if before_letter && c.is_uppercase() => out.push('-'),
            _ => out.push_str("- "),
        }
        rest = &rest[k + 2..];
    }
    out.push_str(rest);
    out
}
