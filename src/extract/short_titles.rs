//! Rule 6 of `short_forms`: a short form (`Hobsbawm, *Age of Extremes*,
//! 12.`, `Davies and Wheatcroft, *Years of Hunger*, 120.`) and the full
//! reference it abbreviates.

use super::citations::{letters, Reference};

/// Rule 6, read from the text: `Hartley, *The Long Frontier*, 99.` or
/// `Hartley, "River Law," 7.` → (family, title).
pub fn short(text: &str) -> Option<(&str, &str)> {
    let (family, rest) = text.trim().split_once(", ")?;
    // Two or three authors by family name (`Davies and Wheatcroft`), or
    // the first and `et al.`
    let bare = family
        .strip_suffix(" et al.")
        .or_else(|| family.strip_suffix(" et al"))
        .unwrap_or(family);
    let words = bare.split_whitespace().count();
    let family_ok =
        (1..=3).contains(&words) || words <= 7 && (bare.contains(" and ") || bare.contains(" & "));
    let family_ok =
        family_ok && family.starts_with(char::is_uppercase) && !bare.contains(['.', '"', '“', '*']);
    if !family_ok {
        return None;
    }
    let rest = rest.trim_start();
    for (open, close) in [("*", "*"), ("\"", "\""), ("“", "”"), ("_", "_")] {
        if let Some(inner) = rest.strip_prefix(open) {
            let end = inner.find(close)?;
            let title = inner[..end].trim_end_matches([',', '.']);
            return (!title.is_empty()).then_some((family, title));
        }
    }
    None
}

/// Whether `full` is the reference a short form (family, title) means.
pub fn is_full_form(family: &str, title: &str, full: &Reference) -> bool {
    let (Some(a), Some(ft)) = (full.authors.first(), &full.title) else {
        return false;
    };
    // `Davies and Wheatcroft`: the first name is the first author's, the
    // second the second's.
    let names: Vec<&str> = family
        .trim_end_matches(" et al.")
        .trim_end_matches(" et al")
        .split(" and ")
        .flat_map(|n| n.split(" & "))
        .map(str::trim)
        .collect();
    let second_ok = match names.get(1) {
        Some(n) => full
            .authors
            .get(1)
            .is_some_and(|b| b.family.eq_ignore_ascii_case(n)),
        None => true,
    };
    a.family.eq_ignore_ascii_case(names[0]) && second_ok && title_shortens(title, ft)
}

/// Whether a short title stands for `full`: its start, with or without
/// the article Chicago drops (`Sino-Soviet Split` for `The Sino-Soviet
/// Split: Cold War …`).
fn title_shortens(short: &str, full: &str) -> bool {
    let t = letters(short);
    let bare = ["The ", "A ", "An "]
        .iter()
        .find_map(|a| full.strip_prefix(a))
        .map(letters);
    t.len() >= 4 && (letters(full).starts_with(&t) || bare.is_some_and(|b| b.starts_with(&t)))
}

/// Rule 6: whether `r` is a short form of `full`.
pub fn shortens(r: &Reference, full: &Reference) -> bool {
    let short =
        r.year.is_none() && r.container.is_none() && r.publisher.is_none() && r.urls.is_empty();
    if !short || std::ptr::eq(r, full) {
        return false;
    }
    let (Some(a), Some(b)) = (r.authors.first(), full.authors.first()) else {
        return false;
    };
    let (Some(t), Some(ft)) = (&r.title, &full.title) else {
        return false;
    };
    // Every earlier reference of the document is asked: the titles'
    // letters only when the first authors agree.
    if !a.family.eq_ignore_ascii_case(&b.family) {
        return false;
    }
    title_shortens(t, ft)
}
