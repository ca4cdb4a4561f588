//! Notes that refer back instead of citing in full, resolved to the
//! reference they mean, and what stands before a citation but is not part
//! of it.
//!
//! 1. **Signals** before a citation are dropped: `See`, `See also`, `See
//!    generally`, `Cf.`, `E.g.,`, `Compare`, `But see`, `Accord`, `Contra`,
//!    `Vgl.`, `Voir`, `См.` (in any emphasis).
//! 2. **Ibid.** in any emphasis and language (`Ibid.`, `*Ibidem*`, `Id.`,
//!    `Id. at 12`, `Ebd.`, `Там же`, `同上`): the previous reference of the
//!    document, with the new locator.
//! 3. **supra note 5** (`Smith, supra note 5, at 12`): the reference of
//!    note 5.
//! 4. **A case's short form** (`Altai, 982 F.2d at 709`): the case cited
//!    earlier in the same volume of the same reporter.
//! 5. **op. cit.** and **loc. cit.** (`Smith, op. cit., p. 4`), and their
//!    French and German forms (`art. cité`, `ouvr. cité`, `a.a.O.`): the
//!    latest reference whose first author has that family name.
//! 6. **Short forms** (`Hobsbawm, *Age of Extremes*, 12.`): a reference with
//!    an author and a title but no year, container or publisher is the
//!    earlier full reference of the same first author whose title begins
//!    with that title.
//!
//! A back-reference that finds nothing is a remark, never a new work.

pub use super::short_titles::{is_full_form, short, shortens};

/// What a note's text says, once its signal is dropped.
#[derive(Debug, PartialEq)]
pub enum Back {
    /// Not a back-reference: the text to parse as a reference.
    Full,
    /// `Ibid.`/`Id.`, with what follows (`at 12`, `p. 4`).
    Previous,
    /// `supra note N`.
    Note(usize),
    /// `op. cit.`/`loc. cit.` after this family name.
    Author(String),
    /// A case's short form, `Altai, 982 F.2d at 709`: the case cited
    /// earlier with this volume and reporter.
    Case(String, String),
}

/// Drops a leading signal (rule 1): the text to read.
pub fn without_signal(text: &str) -> &str {
    let t = text.trim_start();
    if let Some(rest) = after_emphasised_signal(t) {
        return rest;
    }
    let plain = t.trim_start_matches(['*', '_']);
    // An emphasised signal (`*See also*`) closes its emphasis after it.
    let emphasis = t.len() - plain.len();
    const SIGNALS: &[&str] = &[
        "See generally",
        "See also",
        "Also see",
        "See, e.g.,",
        "See e.g.",
        "See",
        "But see",
        "Cf.",
        "Compare",
        "E.g.,",
        "E.g.",
        "Accord",
        "Contra",
        "Vgl.",
        "Voir",
        "См.",
        "См. также",
    ];
    // Chinese signals, written with no space before the citation:
    // `参见王缉思：《…》`, `转引自沈志华：…`.
    const CHINESE: &[&str] = &[
        "参见",
        "详见",
        "参阅",
        "参看",
        "转引自",
        "引自",
        "又见",
        "另见",
        "亦见",
        "见",
    ];
    if let Some(rest) = CHINESE.iter().find_map(|s| plain.strip_prefix(s)) {
        let rest = rest.trim_start_matches(['：', ':', ' ']);
        // `见` also opens words (`见解`): a citation follows only when a
        // name ends with `：《` soon after, or a title mark opens at once.
        let cites = rest.starts_with(['《', '〈', '[', '〔', '（'])
            || rest
                .find('：')
                .is_some_and(|k| rest[..k].chars().count() <= 12 && rest[k..].starts_with("：《"));
        if cites {
            return rest;
        }
    }
    for s in SIGNALS {
        // `See also` opens a note; `see also` follows a `;` in one.
        let head = plain.get(..s.len()).filter(|h| h.eq_ignore_ascii_case(s));
        if let Some(rest) = head.map(|h| &plain[h.len()..]) {
            // `See <https://…>`: the signal alone (the address is kept apart).
            if rest.trim_matches(['.', ',', ':', ' ', '*', '_']).is_empty() {
                return "";
            }
            // A whole word: `See` not `Seeds`.
            if rest.starts_with([' ', ',', ':', '*', '_']) {
                // `*See You in Court*`: an emphasised title, no signal.
                if emphasis > 0 && !rest.trim_start_matches([',', ':']).starts_with(['*', '_']) {
                    continue;
                }
                // `*See,* Name`: the signal's comma inside its emphasis.
                let rest = if emphasis > 0 {
                    rest.trim_start_matches([',', ':'])
                } else {
                    rest
                };
                let rest = rest
                    .get(emphasis.min(rest.len())..)
                    .filter(|_| {
                        emphasis > 0 && rest[..emphasis].chars().all(|c| c == '*' || c == '_')
                    })
                    .unwrap_or(rest);
                let rest = without_adverbs(rest.trim_start_matches([',', ':', ' ']));
                // `See art. 405 of the Civil Code`: a provision in lower case.
                let provision = ["art. ", "arts. ", "arts ", "§"]
                    .iter()
                    .any(|p| rest.starts_with(p));
                if provision
                    || rest.starts_with(|c: char| {
                        c.is_uppercase() || c.is_ascii_digit() || c == '"' || c == '“' || c == '*'
                    })
                {
                    return rest;
                }
            }
        }
    }
    t
}

/// The citation after a signal emphasised whole, as the Bluebook sets
/// signals (`*See, e.g.*, Name`, `_But see_ Name`, `*See generally* Name`):
/// `None` unless the emphasis holds only a signal's words.
fn after_emphasised_signal(t: &str) -> Option<&str> {
    let mark = t.chars().next().filter(|c| *c == '*' || *c == '_')?;
    let inner_from = t.len() - t.trim_start_matches(mark).len();
    let inner_len = t[inner_from..].find(mark)?;
    let inner = &t[inner_from..inner_from + inner_len];
    if inner.len() > 40 {
        return None;
    }
    const WORDS: &[&str] = &[
        "see",
        "also",
        "generally",
        "e.g.",
        "cf.",
        "compare",
        "but",
        "accord",
        "contra",
        "vgl.",
        "voir",
        "aussi",
        "см.",
        "также",
        "inter",
        "alia",
        "similarly",
    ];
    const LEADS: &[&str] = &[
        "see", "cf.", "compare", "accord", "contra", "e.g.", "vgl.", "voir", "см.",
    ];
    let words: Vec<String> = inner
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', ':']).to_lowercase())
        .collect();
    let signal = words
        .first()
        .is_some_and(|w| LEADS.contains(&w.as_str()) || w == "but")
        && words.iter().all(|w| WORDS.contains(&w.as_str()));
    if !signal {
        return None;
    }
    let rest = t[inner_from + inner_len..]
        .trim_start_matches(mark)
        .trim_start_matches([',', ':', ' ']);
    rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“*_".contains(c))
        .then_some(rest)
}

/// `text` without the words a signal may carry before its citation:
/// `See, inter alia, J.A. VIEIRA, …`, `See also similarly M. ROCHA, …`.
fn without_adverbs(mut text: &str) -> &str {
    const ADVERBS: &[&str] = &[
        "inter alia",
        "e.g.",
        "generally",
        "similarly",
        "also",
        "for example",
        "for instance",
        "in particular",
        "especially",
    ];
    'strip: loop {
        for a in ADVERBS {
            let head = text.get(..a.len()).filter(|h| h.eq_ignore_ascii_case(a));
            let rest = head.map(|h| &text[h.len()..]);
            if let Some(rest) = rest.filter(|r| r.starts_with([',', ' ', ':'])) {
                text = rest.trim_start_matches([',', ':', ' ']);
                continue 'strip;
            }
        }
        return text;
    }
}

/// The name before a `supra note N` or `(n N)`: `Okonjo` in `Okonjo,
/// *supra* note 7, at 460`, `Pipeline Sanctions` in `*Pipeline
/// Sanctions*, supra note 5`; `None` when nothing stands before it.
pub fn supra_name(text: &str) -> Option<&str> {
    let lower = text.to_lowercase();
    let at = ["supra", "(n "]
        .iter()
        .filter_map(|m| lower.find(m))
        .min()?;
    // Byte offsets agree: lower-casing keeps these names' lengths, and
    // where it does not the name is left out.
    let name = text.get(..at)?.trim_matches(|c: char| "*_, ".contains(c));
    (!name.is_empty() && name.len() <= 80).then_some(name)
}

/// Rules 2–5: whether `text` (signal dropped) refers back.
pub fn back(text: &str) -> Back {
    let plain = text.trim_start_matches(['*', '_', ' ']);
    let lower = plain.to_lowercase();
    let previous = ["ibid", "ibidem", "ebd.", "ebenda", "там же", "同上"]
        .iter()
        .any(|p| lower.starts_with(p))
        || plain.starts_with("Id.")
        // After a semicolon the Bluebook writes it in lower case: `…;
        // *id.* at 290`.
        || plain.starts_with("id.")
        || plain.starts_with("Id ")
        || plain.starts_with("Id,")
        || plain == "Id";
    if previous {
        return Back::Previous;
    }
    if let Some((volume, reporter)) = case_short(plain) {
        return Back::Case(volume, reporter);
    }
    // `*supra* note 5`: the Bluebook sets `supra` in italics.
    let flat = lower.replace(['*', '_'], "");
    if let Some(at) = flat.find("supra note") {
        let n: String = flat[at + 10..]
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if let Ok(n) = n.parse() {
            return Back::Note(n);
        }
    }
    // OSCOLA: `Weller (n 7) 130`, `ibid` aside.
    if let Some(at) = flat.find("(n ") {
        let n: String = flat[at + 3..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let closed = flat[at + 3 + n.len()..].starts_with(')');
        if let (Ok(n), true) = (n.parse(), closed) {
            return Back::Note(n);
        }
    }
    // `op. cit.`, `loc. cit.`; French `art. cité`, `ouvr. cité`; German
    // `a.a.O.` (`am angegebenen Ort`).
    const CITED: &[&str] = &[
        "op. cit",
        "op.cit",
        "loc. cit",
        "loc.cit",
        "art. cit",
        "art.cit",
        "ouvr. cit",
        "a.a.o.",
        "a. a. o.",
        "aao,",
        "aao ",
    ];
    for cit in CITED {
        let word_start = |at: &usize| {
            lower[..*at]
                .chars()
                .next_back()
                .is_none_or(|c| matches!(c, ' ' | ',' | '*' | '_'))
        };
        if let Some(at) = lower.find(cit).filter(word_start) {
            // `Carbonnier, *op. cit.*`: the name before the comma and marks.
            // Lower-casing may change a letter's length: then no name.
            let Some(before) = plain.get(..at) else {
                continue;
            };
            let before = before.trim_end_matches([',', '*', '_', ' ']);
            let family = before
                .rsplit(' ')
                .next()
                .unwrap_or("")
                .trim_matches(['*', '_']);
            if family.starts_with(char::is_uppercase) {
                return Back::Author(family.to_string());
            }
        }
    }
    Back::Full
}

/// `Computer Assocs., 982 F.2d at 709-10`: (volume, reporter).
fn case_short(text: &str) -> Option<(String, String)> {
    let (name, cite) = text.split_once(", ")?;
    if name.len() > 80 || !name.starts_with(char::is_uppercase) {
        return None;
    }
    let (volume, rest) = cite.split_once(' ')?;
    let (reporter, _) = rest.split_once(" at ")?;
    let fits = super::note_cases::is_volume(volume)
        && super::note_cases::parallel(reporter)
        && reporter.starts_with(char::is_uppercase)
        && reporter.len() <= 24;
    fits.then(|| (volume.to_string(), reporter.to_string()))
}

/// The text a note's reference is read from: without a signal (`See`,
/// `*Cf.*`) before the citation and the name it gives the work for later
/// notes, the empty fields autolinks left, the links a database put after
/// it (`entry_tags`), and the quotes and punctuation a PDF converter
/// spaced wrongly.
pub(super) fn reference_text(text: &str) -> String {
    super::entry_titles::repaired(&tidy(&without_hereinafter(without_signal(text))))
}

/// `text` without the bracketed name it gives its work for later notes:
/// `…, 2005 (hereinafter “VIEIRA 2005”), pp. 215ff.` → `…, 2005, pp.
/// 215ff.` (`references` reads the name before the note is parsed).
pub(super) fn without_hereinafter(text: &str) -> std::borrow::Cow<'_, str> {
    let Some(k) = text.find("hereinafter") else {
        return text.into();
    };
    let open = text[..k].trim_end().chars().next_back();
    let close = match open {
        Some('(') => ')',
        Some('[') => ']',
        _ => return text.into(),
    };
    let start = text[..k].trim_end().len() - 1;
    let Some(end) = text[k..].find(close).map(|e| k + e + 1) else {
        return text.into();
    };
    format!("{}{}", text[..start].trim_end(), &text[end..]).into()
}

/// Drops the empty fields left where autolinks were: `2021, .` → `2021.`
fn tidy(text: &str) -> String {
    let mut t = text.trim().to_string();
    for (from, to) in [
        (", .", "."),
        (" ,", ","),
        (" .", "."),
        (",,", ","),
        ("..", "."),
    ] {
        while t.contains(from) {
            t = t.replace(from, to);
        }
    }
    t.trim_end_matches(',').trim().to_string()
}

#[cfg(test)]
#[path = "short_forms_tests.rs"]
mod tests;
