//! The title of a reference-list entry (see `entries`): quoted or
//! emphasised text, else the leading phrase up to a sentence end, with a
//! subtitle in sentence case that follows a full stop; in comma-separated
//! entries, up to the comma before the next field; the place and publisher
//! in parentheses after it taken off.

/// Rule 5: (title, rest).
pub(super) fn split_title(text: &str) -> (String, &str) {
    let t = text.trim_start();
    // German quotes close with the mark English opens with: `„Title“`.
    for (open, close) in [('"', '"'), ('“', '”'), ('«', '»'), ('„', '“'), ('*', '*')] {
        if let Some(inner) = t.strip_prefix(open) {
            // A German quotation that closes without a stop before or a
            // field's end after (`„Ne verbum…“ Kommunikation…`) quotes
            // only the title's first words.
            let ends_field = |end: usize| {
                let before = inner[..end].chars().next_back();
                let after = inner[end + close.len_utf8()..].chars().next();
                before.is_some_and(|b| ".?!,".contains(b))
                    || after.is_none_or(|a| ".,;:".contains(a))
            };
            if let Some(end) = inner.find(close).filter(|&e| open != '„' || ends_field(e)) {
                let rest = &inner[end + close.len_utf8()..];
                let rest =
                    rest.trim_start_matches(|c: char| c == '.' || c == ',' || c.is_whitespace());
                return (
                    inner[..end].trim().trim_end_matches([',', '.']).to_string(),
                    rest,
                );
            }
        }
    }
    let mut depth = 0i32;
    for (i, c) in t.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            '.' | '?' | '!' if depth <= 0 => {
                let next = t[i + 1..].chars().next();
                if next.is_none_or(char::is_whitespace) {
                    let keep = if c == '.' { i } else { i + 1 };
                    let rest = t[i + 1..].trim_start();
                    // A subtitle in sentence case after the title's full
                    // stop belongs to it (see `subtitle`).
                    if let Some(len) = subtitle(rest) {
                        let title = format!("{}{} {}", &t[..i], c, &rest[..len]);
                        let title = title.trim_end_matches('.').to_string();
                        let after = rest[len..].trim_start_matches(['.', ' ']);
                        return (title, after);
                    }
                    return (t[..keep].to_string(), rest);
                }
            }
            _ => {}
        }
    }
    (t.to_string(), "")
}

/// The length of a subtitle at the start of `rest` (what follows a
/// title's full stop): a sentence of six words or more in sentence case
/// (most words after its first in lower case, as a journal's or a
/// publisher's name is not), with no digit, not opening as a container,
/// an edition or a translator's line does, and followed by more fields.
fn subtitle(rest: &str) -> Option<usize> {
    let end = rest.find(". ")?;
    let sentence = &rest[..end];
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let first = words.first()?;
    const OPENINGS: &[&str] = &[
        "In",
        "In:",
        "Journal",
        "Proceedings",
        "Bulletin",
        "Review",
        "Annals",
        "Transactions",
        "Revista",
        "Revue",
        "Zeitschrift",
        "Translated",
        "Edited",
        "Ed",
        "Eds",
        "Trans",
        "Reprinted",
        "Revised",
        "Retrieved",
        "Available",
        "Accessed",
        "Paper",
        "PhD",
        "Doctoral",
        "Master",
        "Unpublished",
        "Vol",
        "Volume",
        "Report",
        "Working",
        "Technical",
    ];
    let lower = words[1..]
        .iter()
        .filter(|w| w.starts_with(char::is_lowercase))
        .count();
    let sentence_case = words.len() >= 6
        && first.starts_with(char::is_uppercase)
        && lower * 3 >= (words.len() - 1) * 2
        && !sentence.contains(|c: char| c.is_ascii_digit() || matches!(c, ':' | '(' | '"' | '“'))
        && !OPENINGS.contains(&first.trim_end_matches(['.', ',']))
        // A journal or a series named in sentence case.
        && !words.iter().any(|w| {
            let w = w.to_lowercase();
            ["journal", "series", "annales", "annals", "society", "proceedings", "editio"]
                .iter()
                .any(|k| w.starts_with(k))
        });
    let more = rest[end + 2..].trim();
    (sentence_case && !more.is_empty()).then_some(end)
}

/// In an entry whose fields a comma separates (`Bube, R. H., Photovoltaic
/// Materials, Imperial College Press, 1998`): the title up to the first
/// comma before a capital or a number, unless it is quoted or ends in a
/// full stop first.
pub fn comma_title(text: &str) -> (String, &str) {
    let (title, rest) = split_title(text);
    if text.trim_start().starts_with(['"', '“', '«', '*']) {
        return (title, rest);
    }
    let mut from = 0;
    while let Some(k) = title[from..].find(", ") {
        let at = from + k;
        let next = title[at + 2..].chars().next();
        if next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
            let start = text.len() - text.trim_start().len();
            return (title[..at].to_string(), text[start + at + 2..].trim_start());
        }
        from = at + 2;
    }
    (title, rest)
}

/// `The Practice of Autonomy (Cambridge: Cambridge University Press)`:
/// the title without its parenthesised place and publisher, and the
/// publisher.
pub fn publication_facts(title: &str) -> (String, Option<String>) {
    let t = title.trim_end();
    if let Some(inner) = t.strip_suffix(')') {
        if let Some(open) = inner.rfind('(') {
            let facts = &inner[open + 1..];
            if let Some((place, publisher)) = facts.split_once(": ") {
                let publisher = publisher.split(", ").next().unwrap_or(publisher).trim();
                if open > 0
                    && place.split_whitespace().count() <= 4
                    && !publisher.is_empty()
                    && place.starts_with(char::is_uppercase)
                {
                    return (
                        inner[..open].trim_end().to_string(),
                        Some(publisher.to_string()),
                    );
                }
            }
        }
    }
    (title.to_string(), None)
}

/// A title in straight quotes with the spaces around them moved, as PDF
/// converters leave them (`Lund," A Theory of Rings ,"Phys. Rev.` →
/// `Lund, "A Theory of Rings," Phys. Rev.`): the opening quote after a
/// space, the closing one after the title's last character and before a
/// space. Text with other than two straight quotes is left.
pub(super) fn repair_quotes(text: &str) -> std::borrow::Cow<'_, str> {
    let quotes: Vec<usize> = text.match_indices('"').map(|(i, _)| i).collect();
    let [open, close] = quotes[..] else {
        return text.into();
    };
    let before = text[..open].trim_end();
    let title = text[open + 1..close].trim();
    let after = text[close + 1..].trim_start();
    let moved = text[open + 1..].starts_with(' ')
        || text[..close].ends_with(' ')
        || after.starts_with(char::is_alphanumeric) && !text[close + 1..].starts_with(' ');
    if !moved || title.is_empty() {
        return text.into();
    }
    // `fields ,"` : the comma closes the title, inside the quotes.
    let title = title.trim_end_matches([' ', ',']);
    let comma = text[open + 1..close].trim_end().ends_with(',');
    let gap = if before.is_empty() { "" } else { " " };
    let mark = if comma { "," } else { "" };
    let space = if after.is_empty() || after.starts_with([',', '.', ';']) {
        ""
    } else {
        " "
    };
    format!("{before}{gap}\"{title}{mark}\"{space}{after}").into()
}

/// A reference's text as it was meant, before any reading of it: without
/// the links a database put after it (`entry_tags`), with its punctuation
/// ([`repair_spacing`]) and its quotes ([`repair_quotes`]) where a PDF
/// converter moved them. Entries and notes are both read from it.
pub(super) fn repaired(text: &str) -> String {
    let untagged = super::entry_tags::without_tags(text);
    let spaced = repair_spacing(&untagged);
    repair_quotes(&spaced).into_owned()
}

/// Punctuation a PDF converter spaced wrongly, put back: no space before
/// `,` `.` `;` `:` after a word, a space after a comma before a word
/// (`Phys . ,vol . 34 ,pp . 645` → `Phys., vol. 34, pp. 645`), and
/// between a month and its year (`Nov1982`), and none inside the ends of
/// a parenthesis (`( 1998)`).
pub(super) fn repair_spacing(text: &str) -> std::borrow::Cow<'_, str> {
    // `A.Li, …`: initials glued to a name (see `entry_initials`).
    match super::entry_initials::spaced_initials(text) {
        std::borrow::Cow::Owned(t) => std::borrow::Cow::Owned(spacing_repaired(&t).into_owned()),
        std::borrow::Cow::Borrowed(t) => spacing_repaired(t),
    }
}

fn spacing_repaired(text: &str) -> std::borrow::Cow<'_, str> {
    let text = match month_glued(text) {
        std::borrow::Cow::Owned(t) => std::borrow::Cow::Owned(spacing(&t).into_owned()),
        std::borrow::Cow::Borrowed(t) => spacing(t),
    };
    match parentheses(&text) {
        Some(tight) => tight.into(),
        None => text,
    }
}

/// `( 1998)`, `(1998 )` → `(1998)`: no space inside a parenthesis's ends;
/// `None` when there is none to take out.
pub(super) fn parentheses(text: &str) -> Option<String> {
    if !text.contains("( ") && !text.contains(" )") {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' && out.ends_with('(') {
            continue;
        }
        // `114( 2015 )`: a number glued to the parenthesis is parted from
        // it (`114 (2015)`), as the space moved inside had parted them.
        if c == '(' && chars.peek() == Some(&' ') && out.ends_with(|p: char| p.is_ascii_digit()) {
            out.push(' ');
        }
        if c == ' ' {
            // Spaces before a closing parenthesis go with it.
            let mut run = 1;
            while chars.peek() == Some(&' ') {
                chars.next();
                run += 1;
            }
            if chars.peek() != Some(&')') {
                out.extend(std::iter::repeat_n(' ', run));
            }
            continue;
        }
        out.push(c);
    }
    Some(out)
}

/// `Nov1982` → `Nov 1982`, `Sept2012.` → `Sept 2012.`
fn month_glued(text: &str) -> std::borrow::Cow<'_, str> {
    let glued = |w: &str| {
        let letters = w.find(|c: char| c.is_ascii_digit())?;
        let (name, digits) = w.split_at(letters);
        let year = digits.trim_end_matches(['.', ',', ';', ')']);
        let name_lower = name.to_ascii_lowercase();
        let month = name.len() >= 3
            && name.starts_with(|c: char| c.is_ascii_uppercase())
            && crate::chars::MONTHS
                .iter()
                .any(|m| m.starts_with(&name_lower));
        let is_year = year.len() == 4 && (year.starts_with("19") || year.starts_with("20"));
        (month && is_year && year.bytes().all(|b| b.is_ascii_digit())).then_some(letters)
    };
    if !text.split(' ').any(|w| glued(w).is_some()) {
        return text.into();
    }
    let words: Vec<String> = text
        .split(' ')
        .map(|w| match glued(w) {
            Some(k) => format!("{} {}", &w[..k], &w[k..]),
            None => w.to_string(),
        })
        .collect();
    words.join(" ").into()
}

fn spacing(text: &str) -> std::borrow::Cow<'_, str> {
    let spaced = |c: char| matches!(c, ',' | '.' | ';' | ':');
    let needs = text.as_bytes().windows(3).any(|w| {
        w[0].is_ascii_alphanumeric() && w[1] == b' ' && spaced(w[2] as char)
            || w[0] == b',' && w[1].is_ascii_alphabetic()
    });
    if !needs {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    // A full stop the converter had moved to the next word (`S .Orito`).
    let mut moved = false;
    while let Some(c) = chars.next() {
        if c == ' ' {
            let next = chars.peek().copied().unwrap_or(' ');
            let word_before = out.ends_with(|p: char| p.is_alphanumeric() || p == ')')
                || next == ',' && out.ends_with('.');
            // `. . .` stays.
            if word_before && spaced(next) && !out.ends_with(". .") {
                moved = next == '.';
                continue;
            }
        }
        out.push(c);
        let next_letter = chars.peek().is_some_and(|n| n.is_alphabetic());
        // `S .Orito` → `S. Orito`, `Phys .Rev` → `Phys. Rev`; `et .al` →
        // `et al`.
        if c == '.' && moved && next_letter {
            if out.ends_with(" et.") {
                out.pop();
            }
            out.push(' ');
        }
        if c == '.' {
            moved = false;
        }
        if c == ',' && next_letter {
            out.push(' ');
        }
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::{repair_quotes, repair_spacing};

    #[test]
    fn quotes_a_converter_moved_are_put_back() {
        assert_eq!(
            repair_quotes("K. Lund and P. Ortiz,\" A Theory of Rings ,\"Phys. Rev. 12, 3 (1999)."),
            "K. Lund and P. Ortiz, \"A Theory of Rings,\" Phys. Rev. 12, 3 (1999)."
        );
        // Well placed quotes, or more than two, are left as they are.
        for text in [
            "K. Lund, \"A Theory of Rings,\" Phys. Rev. 12, 3 (1999).",
            "K. Lund, \"On \"rings\" ,\"Phys. Rev. 12 (1999).",
            "\"",
        ] {
            assert_eq!(repair_quotes(text), text);
        }
    }

    #[test]
    fn punctuation_a_converter_spaced_is_put_back() {
        assert_eq!(
            repair_spacing("Rev .Mod .Phys . ,vol . 34 ,pp . 645 -655 ."),
            "Rev. Mod. Phys., vol. 34, pp. 645 -655."
        );
        // A full stop moved onto the next word goes back, with its space.
        assert_eq!(
            repair_spacing("K .Lund et .al . Phys .Rev.Lett. 66 ( 1991) 1951 ."),
            "K. Lund et al. Phys. Rev.Lett. 66 (1991) 1951."
        );
        for text in [
            "A. Lund, Rings. Oslo, 1999.",
            "Counts of 1,375 and 2,000 . . . more",
            "é ,ü",
        ] {
            let _ = repair_spacing(text);
        }
        assert_eq!(
            repair_spacing("A. Lund, Rings. Oslo, 1999."),
            "A. Lund, Rings. Oslo, 1999."
        );
        assert_eq!(
            repair_spacing("vol. 86, p. 115112, Sep2012."),
            "vol. 86, p. 115112, Sep 2012."
        );
        // Only a month's name or its start, before a year.
        assert_eq!(
            repair_spacing("Mayo1999 May1999 Oct12345 Nov12"),
            "Mayo1999 May 1999 Oct12345 Nov12"
        );
        assert_eq!(
            repair_spacing("Phys.Rev .D 57 ( 1998) 1878 ,JHEP 1403 , 118 ( 2014 )."),
            "Phys.Rev. D 57 (1998) 1878, JHEP 1403, 118 (2014)."
        );
        assert_eq!(repair_spacing("a  b (c) d"), "a  b (c) d");
        assert_eq!(
            repair_spacing("Phys. Rev. Lett. 114( 2015 ) 072302"),
            "Phys. Rev. Lett. 114 (2015) 072302"
        );
    }
}
