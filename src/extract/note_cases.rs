//! Cases and laws cited in notes (rules 1 and 4 of `note_forms`):
//! `Name v. Name, 412 F.3d 118, 124 (2d Cir. 2005)`, `Name v Name [1998]
//! AC 412`, `Copyright Act, Art. 95`.

use super::citations::{clean, Reference};
use super::note_forms::{word_spans, year_word};

/// Rule 1.
pub(super) fn case(t: &str) -> Option<Reference> {
    let vs = t.find(" v. ").or_else(|| t.find(" v "))?;
    if vs == 0 || vs > 160 || !t.starts_with(char::is_uppercase) {
        return None;
    }
    // Bluebook: the name ends at the comma before `VOLUME REPORTER PAGE`.
    let mut search = vs;
    while let Some(k) = t[search..].find(", ").map(|k| k + search) {
        if let Some((volume, reporter, page, year)) = reporter_cite(&t[k + 2..]) {
            return Some(case_reference(&t[..k], reporter, Some(volume), page, year));
        }
        search = k + 2;
        if search > 220 {
            break;
        }
    }
    // OSCOLA: `Name v Name [1998] AC 412`, `Name v Name (1998) 12 ILR
    // 34`: the first bracket after the names that holds only a year.
    let mut from = vs;
    while let Some(b) = t[from..].find([' ']).map(|k| k + from) {
        from = b + 1;
        if from > 220 {
            break;
        }
        let Some(inner) = t[from..].strip_prefix(['[', '(']) else {
            continue;
        };
        let Some(close) = inner.find([']', ')']) else {
            break;
        };
        let Some(year) = (close == 4).then(|| year_word(&inner[..4])).flatten() else {
            continue;
        };
        let (volume, reporter, page) = volume_reporter(inner[close + 1..].trim_start())?;
        return Some(case_reference(&t[..b], reporter, volume, page, year));
    }
    None
}

fn case_reference(
    name: &str,
    reporter: &str,
    volume: Option<&str>,
    page: &str,
    year: i32,
) -> Reference {
    Reference {
        title: Some(clean(name.trim_matches(['*', ' ']))),
        container: Some(reporter.trim().to_string()),
        volume: volume.map(str::to_string),
        pages: Some(page.to_string()),
        year: Some(year),
        kind: "legal_case",
        ..Reference::default()
    }
}

/// `412 F.3d 118, 124 (2d Cir. 2005)`: volume, reporter, first page and
/// the year in the parentheses that close the citation.
/// Cases and Bluebook journal articles alike.
pub(super) fn reporter_cite(t: &str) -> Option<(&str, &str, &str, i32)> {
    let (volume, rest) = t.split_once(' ')?;
    if !is_volume(volume) {
        return None;
    }
    let (reporter, page) = reporter_page(rest)?;
    let after = &rest[rest.find(page)? + page.len()..];
    let open = after.find('(')?;
    // Only pin cites, page ranges and parallel citations (`, 111 S. Ct.
    // 1282`) stand between the page and the year.
    if !parallel(&after[..open]) {
        return None;
    }
    let close = after[open..].find(')')? + open;
    let year = after[open + 1..close]
        .split_whitespace()
        .filter_map(year_word)
        .next_back()?;
    Some((volume, reporter, page, year))
}

/// `12 ILR 34`, `AC 412`: an optional volume, a reporter or journal, and
/// the page it starts on (what follows the year in OSCOLA).
pub(super) fn volume_reporter(t: &str) -> Option<(Option<&str>, &str, &str)> {
    let (volume, rest) = match t.split_once(' ') {
        Some((v, rest)) if is_number(v) => (Some(v), rest),
        _ => (None, t),
    };
    let (reporter, page) = reporter_page(rest)?;
    Some((volume, reporter, page))
}

/// A reporter's or a journal's volume: one to four figures.
pub(super) fn is_volume(s: &str) -> bool {
    !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())
}

/// A volume or an issue number: one to five figures.
pub(super) fn is_number(s: &str) -> bool {
    !s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit())
}

/// Pin cites and parallel citations: figures, and reporters' words
/// (capitalised or ordinals).
pub(super) fn parallel(t: &str) -> bool {
    t.split([' ', ',']).all(|w| {
        w.is_empty()
            || w.chars().all(|c| c.is_ascii_digit() || "–-".contains(c))
            || w.starts_with(char::is_uppercase)
            || matches!(w, "2d" | "3d" | "4th")
    })
}

/// `F. Supp. 2d 901`: a reporter or journal abbreviation (capitalised
/// words, ordinals like `2d`, `&`), then the page it starts on.
pub(super) fn reporter_page(t: &str) -> Option<(&str, &str)> {
    let mut end = 0;
    for (i, w) in word_spans(t) {
        let bare = w.trim_end_matches([',', '.', ';']);
        if end > 0 && bare.bytes().all(|b| b.is_ascii_digit()) && !bare.is_empty() {
            let reporter = t[..end].trim();
            return (!reporter.is_empty()).then_some((reporter, bare));
        }
        let word = w.starts_with(char::is_uppercase)
            || w == "&"
            || matches!(w, "2d" | "3d" | "4th" | "of" | "L." | "Rev." | "J.")
            || (w.starts_with(char::is_lowercase) && w.ends_with('.'));
        if !word || w.ends_with(',') || i > 60 {
            return None;
        }
        end = i + w.len();
    }
    None
}

/// Rule 4: `Copyright Act, Art. 95`, `Spanish Civil Code, Arts. 1254
/// ss.`, `World Copyright Treaty of 1996 found at …`: a law's name (with
/// a word that says it is one), then a provision or nothing.
pub(super) fn legislation(t: &str) -> Option<Reference> {
    let end = [
        ", ",
        " found at",
        " may be found",
        " available at",
        " (",
        ".",
    ]
    .iter()
    .filter_map(|p| t.find(p))
    .min()
    .unwrap_or(t.len());
    let (name, after) = (&t[..end], t[end..].trim_start_matches([',', ' ']));
    let words: Vec<&str> = name.split(' ').collect();
    // A law's name: capitalised words and figures, joined by small words
    // (`Treaty of 1996`), not a sentence (`Code for the model is …`).
    let lawful = words
        .iter()
        .any(|w| LAW_WORDS.contains(&w.trim_end_matches(',')))
        && words.iter().all(|w| {
            !w.starts_with(char::is_lowercase)
                || matches!(
                    *w,
                    "of" | "on" | "the" | "for" | "and" | "in" | "de" | "du" | "des"
                )
        });
    let provision = after.is_empty()
        || after.starts_with(['§', '('])
        || [
            "Art.",
            "Arts.",
            "Article",
            "art.",
            "arts.",
            "Section",
            "Sections",
            "s ",
            "ss ",
            "s.",
            "ss.",
            "para",
            "Chapter",
            "Public Law",
            "found at",
            "may be found",
            "available at",
            "No.",
            "Title",
        ]
        .iter()
        .any(|p| after.starts_with(p));
    if !(lawful && provision && words.len() <= 14 && name.starts_with(char::is_uppercase)) {
        return None;
    }
    let year = words.iter().find_map(|w| {
        let lead: String = w.chars().take_while(char::is_ascii_digit).collect();
        year_word(&lead)
    });
    Some(Reference {
        title: Some(clean(name)),
        year,
        kind: "legislation",
        ..Reference::default()
    })
}

const LAW_WORDS: &[&str] = &[
    "Act",
    "Charter",
    "Code",
    "Constitution",
    "Convention",
    "Decree",
    "Directive",
    "Gesetz",
    "Law",
    "Ordinance",
    "Protocol",
    "Regulation",
    "Statute",
    "Treaty",
    "U.S.C.",
];
