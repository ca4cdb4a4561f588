//! Cases cited in notes (rule 1 of `note_forms`): `Name v. Name, 412
//! F.3d 118, 124 (2d Cir. 2005)`, `Name v Name [1998] AC 412`, `Pulp
//! Mills on the River Uruguay (Arg. v. Uru.), Judgment, 2010 I.C.J. 14`;
//! and the reporters they are printed in. Laws are `note_laws`'.

use super::citations::{clean, Reference};
use super::note_forms::{word_spans, year_word};

/// Rule 1.
pub(super) fn case(t: &str) -> Option<Reference> {
    // OSCOLA sets the parties in italics: `*Name v Name* [2017] UKSC 5`.
    let t = t.trim_start_matches(['*', '_']);
    // An international court's case may name no parties (`Gabčíkovo-
    // Nagymaros Project (Hung./Slovk.), Judgment, 1997 I.C.J. 7`): the
    // kind of decision stands where `v.` would.
    let vs = t
        .find(" v. ")
        .or_else(|| t.find(" v "))
        .or_else(|| decision_kind(t))?;
    if vs == 0 || vs > 160 || !t.starts_with(char::is_uppercase) {
        return None;
    }
    // Bluebook: the name ends at the comma before `VOLUME REPORTER PAGE`.
    let mut search = vs;
    while let Some(k) = t[search..].find(", ").map(|k| k + search) {
        if let Some((volume, reporter, page, year)) = reporter_cite(&t[k + 2..]) {
            // `Name v. Name, No. 19-cv-1234, 2020 WL 123456`: the docket
            // is no part of the name.
            let name = t[..k].split(", No. ").next().unwrap_or(&t[..k]);
            let name = without_decision_kind(name);
            return Some(case_reference(name, reporter, Some(volume), page, year));
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
        let name = without_decision_kind(&t[..b]);
        return Some(case_reference(name, reporter, volume, page, year));
    }
    None
}

/// The decisions an international court or tribunal gives, as the
/// Bluebook writes them after the case's name.
const DECISION_KINDS: &[&str] = &[
    "Judgment",
    "Advisory Opinion",
    "Order",
    "Provisional Measures",
    "Preliminary Objections",
    "Preliminary Objection",
    "Merits",
    "Award",
    "Separate Opinion",
    "Dissenting Opinion",
];

/// Where `, Judgment,` (or another kind of decision) follows a case's
/// name in the first 220 bytes of `t`.
fn decision_kind(t: &str) -> Option<usize> {
    // Each kind's first `, Kind` counts, as with `find`; one pass over
    // the commas, remembering the kinds whose first one did not do.
    let mut spent = 0u16;
    for (at, _) in t.match_indices(", ") {
        if at >= 220 {
            return None;
        }
        let rest = &t[at + 2..];
        for (n, k) in DECISION_KINDS.iter().enumerate() {
            if spent & (1 << n) != 0 || !rest.starts_with(k) {
                continue;
            }
            if rest[k.len()..].starts_with([',', ' ']) {
                return Some(at);
            }
            spent |= 1 << n;
        }
    }
    None
}

/// `Pulp Mills on the River Uruguay (Arg. v. Uru.), Judgment` → the
/// case's name alone.
/// The same after OSCOLA's italic name, in parentheses: `*Temple of Preah
/// Vihear (Cambodia v Thailand)* (Merits)`.
fn without_decision_kind(name: &str) -> &str {
    let name = name.trim_end();
    match name.rsplit_once(", ").or_else(|| name.rsplit_once(" (")) {
        Some((head, kind))
            if DECISION_KINDS
                .iter()
                .any(|k| kind.trim_end_matches(')').starts_with(k)) =>
        {
            head
        }
        _ => name,
    }
}

fn case_reference(
    name: &str,
    reporter: &str,
    volume: Option<&str>,
    page: &str,
    year: i32,
) -> Reference {
    Reference {
        title: Some(clean(&name.replace(['*', '_'], ""))),
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
    let open = after.find('(');
    // Only pin cites, page ranges and parallel citations (`, 111 S. Ct.
    // 1282`) stand between the page and the year.
    let before = &after[..open.unwrap_or(after.len())];
    if !parallel(before.trim_end_matches(['.', ';', ' '])) {
        return None;
    }
    let in_parentheses = open.and_then(|open| {
        let close = after[open..].find(')')? + open;
        after[open + 1..close]
            .split_whitespace()
            .filter_map(year_word)
            .next_back()
    });
    // A reporter numbered by year gives none in the parentheses (`2010
    // I.C.J. 14 (Apr. 20)`, `2004 Wis. L. Rev. 1021`): the volume is it.
    let year = in_parentheses.or_else(|| year_word(volume).filter(|_| volume.len() == 4))?;
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
            || matches!(w, "2d" | "3d" | "4th" | "¶" | "¶¶" | "para." | "paras." | "at")
            // A database's star page: `2020 WL 123456, at *3`.
            || w.strip_prefix('*').is_some_and(|p| p.starts_with(|c: char| c.is_ascii_digit()))
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
