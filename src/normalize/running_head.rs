//! A paper's running head as converters leave it (APA style): `Running
//! head: PORT CONGESTION AFTER 2020 1` at the top of the first page, then
//! `PORT CONGESTION AFTER 2020 2`, `… 3` on every page. It is page
//! furniture: never the title, a paragraph or a timeline sentence.
//!
//! The label names the head, so one labelled line is evidence enough
//! (a paper of two pages shows it twice); every paragraph that is the
//! head, with or without its page number, is removed, and a head a page
//! break glued into a paragraph (`… 300 vessels PORT CONGESTION AFTER 2020
//! 3 (Lloyd's List, 2021)`) is cut out of it. Running heads without the
//! label are found by their recurrence (see `artefacts`).

/// How many paragraphs from the top the label is looked for in.
const WINDOW: usize = 8;

/// The head a `Running head:` line among the first paragraphs names.
fn declared<'a>(paragraphs: impl Iterator<Item = &'a str>) -> Option<String> {
    paragraphs.take(WINDOW).find_map(labelled)
}

/// `Running head: SHORT TITLE 1` → `SHORT TITLE`.
fn labelled(paragraph: &str) -> Option<String> {
    let t = paragraph.trim();
    let label = t.get(..13)?;
    if !label.eq_ignore_ascii_case("running head:") {
        return None;
    }
    let head = without_page_number(&t[13..]);
    let words = head.split_whitespace().count();
    (1..=12).contains(&words).then(|| collapse(head))
}

/// `SHORT TITLE 12` → `SHORT TITLE`.
fn without_page_number(text: &str) -> &str {
    let t = text.trim();
    let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && digits <= 4 && t[..t.len() - digits].ends_with(char::is_whitespace) {
        t[..t.len() - digits].trim_end()
    } else {
        t
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `paragraph` is the running head `head`, labelled or not, with
/// or without its page number.
fn is_head(paragraph: &str, head: &str) -> bool {
    labelled(paragraph).is_some_and(|h| h == head)
        || collapse(without_page_number(paragraph)).eq_ignore_ascii_case(head)
}

/// `paragraph` with every `HEAD N` a page break glued into it cut out,
/// where the head is written as declared and a page number follows.
fn unglued(paragraph: &str, head: &str) -> Option<String> {
    if !paragraph.contains(head) {
        return None;
    }
    let mut out = String::with_capacity(paragraph.len());
    let mut rest = paragraph;
    let mut cut = false;
    while let Some(at) = rest.find(head) {
        let after = &rest[at + head.len()..];
        let spaced = after.trim_start();
        let digits = spaced.len()
            - spaced
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .len();
        let number = spaced.len() < after.len()
            && (1..=4).contains(&digits)
            && spaced[digits..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace);
        let starts_word = rest[..at]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
        if number && starts_word {
            out.push_str(rest[..at].trim_end());
            let tail = spaced[digits..].trim_start();
            if !out.is_empty() && !tail.is_empty() {
                out.push(' ');
            }
            rest = tail;
            cut = true;
        } else {
            out.push_str(&rest[..at + head.len()]);
            rest = after;
        }
    }
    out.push_str(rest);
    cut.then_some(out)
}

/// Removes the running head from `items` (paragraphs, read and written
/// through `text`): whole paragraphs go (returned, as removed text), and
/// heads glued into a paragraph are cut out of it.
pub(super) fn remove<T>(items: &mut Vec<T>, text: fn(&mut T) -> &mut String) -> Vec<String> {
    let head = declared(items.iter_mut().map(|i| &**text(i)))
        .filter(|h| h.chars().filter(|c| c.is_alphabetic()).count() >= 4);
    let Some(head) = head else {
        return Vec::new();
    };
    let mut dropped = Vec::new();
    items.retain_mut(|item| {
        let t = text(item);
        if is_head(t, &head) {
            dropped.push(std::mem::take(t));
            return false;
        }
        if let Some(cut) = unglued(t, &head) {
            *t = cut;
        }
        !t.trim().is_empty()
    });
    dropped
}

/// What the build says of the heads it removed.
pub(super) fn warning(count: usize, example: &str) -> String {
    let s = if count == 1 { "" } else { "s" };
    format!(
        "{count} running head{s} removed (such as `{}`)",
        crate::chars::after(&collapse(example), 0, 60)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removed(paragraphs: &[&str]) -> (Vec<String>, Vec<String>) {
        let mut items: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
        let dropped = remove(&mut items, |s| s);
        (items, dropped)
    }

    #[test]
    fn a_labelled_head_goes_on_every_page() {
        let (kept, dropped) = removed(&[
            "Running head: HARBOUR WAITING TIMES 1",
            "Harbour Waiting Times and Freight Rates",
            "Lena Ostrova",
            "HARBOUR WAITING TIMES                              2",
            "Abstract",
            "Waiting times rose in 2021 at HARBOUR WAITING TIMES 3 twelve ports.",
            "HARBOUR WAITING TIMES 4 Method",
            "Harbour waiting times fell in 2022 at 11 ports.",
        ]);
        assert_eq!(
            kept,
            [
                "Harbour Waiting Times and Freight Rates",
                "Lena Ostrova",
                "Abstract",
                "Waiting times rose in 2021 at twelve ports.",
                "Method",
                "Harbour waiting times fell in 2022 at 11 ports.",
            ]
        );
        assert_eq!(dropped.len(), 2);
    }

    #[test]
    fn without_the_label_nothing_goes() {
        let paragraphs = [
            "HARBOUR WAITING TIMES 2",
            "The running head: a line at the top of a page.",
            "Running head",
        ];
        let (kept, dropped) = removed(&paragraphs);
        assert_eq!(kept, paragraphs);
        assert!(dropped.is_empty());
    }

    #[test]
    fn hostile() {
        for t in [
            "Running head:",
            "running head: 1",
            "RUNNING HEAD: X Y 99999",
            "Running head: ü",
        ] {
            let (kept, _) = removed(&[t, "X Y 3 text", "ü 4"]);
            assert!(kept.len() <= 3);
        }
        assert_eq!(
            labelled("RUNNING HEAD: Short Title"),
            Some("Short Title".into())
        );
        assert_eq!(unglued("A HEAD ONE 12x b", "HEAD ONE"), None);
        assert_eq!(unglued("AHEAD ONE 12 b", "HEAD ONE"), None);
    }
}
