//! International law in notes, as the Bluebook and OSCOLA cite it:
//! treaties and the United Nations' documents. (International courts'
//! cases are `note_cases`' with the other reporters.)
//!
//! - `Convention on …, May 21, 1997, 2999 U.N.T.S. 77.` (Bluebook: name,
//!   parties for a bilateral treaty, date of signature, treaty series)
//! - `Convention on … (adopted 21 May 1997, entered into force 17 August
//!   2014) 2999 UNTS 77` (OSCOLA: the dates in parentheses)
//! - `G.A. Res. 51/229, U.N. Doc. A/RES/51/229 (July 8, 1997).`, `UNSC Res
//!   2334 (23 December 2016) UN Doc S/RES/2334`: resolutions, by their
//!   body and number
//! - `Int'l Law Comm'n, Rep. on the Work of Its Fifty-Fifth Session, U.N.
//!   Doc. A/58/10, at 112 (2003).`: a report, by its author, title and
//!   document symbol

use super::citations::{clean, Reference};
use super::note_cases::is_volume;
use super::note_forms::word_spans;
use super::years::{find_years, Precision, YearHit};

/// Words that name an agreement between states.
const TREATY_WORDS: &[&str] = &[
    "Convention",
    "Treaty",
    "Agreement",
    "Protocol",
    "Charter",
    "Covenant",
    "Accord",
    "Accords",
    "Pact",
    "Statute",
];

/// The same words in the other languages the texts come in; names in
/// these languages keep their later words in lower case (`Traité de bon
/// voisinage`).
const FOREIGN_TREATY_WORDS: &[&str] = &[
    "Traité",
    "Accord",
    "Protocole",
    "Charte",
    "Pacte",
    "Vertrag",
    "Abkommen",
    "Übereinkommen",
    "Tratado",
    "Convenio",
    "Acuerdo",
    "Trattato",
    "Договор",
    "Соглашение",
    "Конвенция",
    "Протокол",
    "条约",
    "协定",
];

/// Where a treaty's name ends and its signature begins, in a note that
/// writes it in words: `…, signé à Moscou le 16 juillet 2001`, `…, done
/// at Moscow on 16 July 2001`.
const SIGNED: &[&str] = &[
    ", signé ",
    ", signée ",
    ", fait à ",
    ", signed at ",
    ", signed in ",
    ", done at ",
    ", unterzeichnet ",
    ", firmado ",
    ", подписан",
];

/// Treaty series and the collections that print treaties.
const SERIES: &[&str] = &[
    "U.N.T.S.",
    "UNTS",
    "L.N.T.S.",
    "LNTS",
    "T.I.A.S.",
    "U.S.T.",
    "Stat.",
    "I.L.M.",
    "ILM",
    "E.T.S.",
    "ETS",
    "C.E.T.S.",
    "CETS",
    "U.K.T.S.",
    "UKTS",
    "A.T.S.",
    "ATS",
    "Can. T.S.",
    "C.T.S.",
    "CTS",
    "O.J.",
    "OJ",
];

/// OSCOLA's words before a treaty's dates in parentheses.
const DATE_MARKS: &[&str] = &[
    "adopted",
    "signed",
    "opened for signature",
    "concluded",
    "done",
    "entered into force",
];

/// A treaty at the start of `t`, or `None`.
pub(super) fn treaty(t: &str) -> Option<Reference> {
    let window = &t[..crate::chars::floor(t, 400)];
    // OSCOLA: `Name (adopted …, entered into force …) 2999 UNTS 77`.
    let oscola = window.find(" (").filter(|&open| {
        let inner = &window[open + 2..];
        DATE_MARKS.iter().any(|m| inner.starts_with(m))
    });
    // `Соглашение … от 16 мая 1991 г.`: Russian dates a treaty by `от`.
    let dated_by = window
        .find(" от ")
        .filter(|&k| window[k + " от ".len()..].starts_with(|c: char| c.is_ascii_digit()))
        .map(|k| (k, k + " от ".len()));
    let signed = crate::chars::first_of(window, SIGNED)
        .map(|(k, _)| (k, k + 2))
        .into_iter()
        .chain(dated_by)
        .min();
    let (name, rest) = match (oscola, signed) {
        (Some(open), _) => (&window[..open], &window[open + 1..]),
        (None, Some((at, from))) => (&window[..at], &window[from..]),
        (None, None) => {
            let comma = window.find(", ")?;
            (&window[..comma], &window[comma + 2..])
        }
    };
    if !treaty_name(name) {
        return None;
    }
    // The date of signature: the first full date, which the Bluebook puts
    // right after the name or the parties (`China-Russ., July 16, 2001`).
    let date = first_full_date(rest)?;
    let lead = &rest[..date.start];
    let close_to_name = oscola.is_some()
        || signed.is_some() && lead.len() <= 60
        || lead
            .split(", ")
            .filter(|s| !s.trim().is_empty())
            .all(|s| parties(s) || place(s) || DATE_MARKS.iter().any(|m| s.trim().starts_with(m)));
    // OSCOLA's series follows the parenthesis of dates.
    let after_date = match oscola {
        Some(_) => rest.find(')').map_or("", |k| &rest[k + 1..]),
        None => &rest[date.end..],
    };
    let cite = series_cite(after_date);
    if !close_to_name {
        return None;
    }
    let mut r = Reference {
        title: Some(clean(name)),
        year: Some(date.year),
        date: Some(super::fields::iso_of(&date)),
        kind: "treaty",
        ..Reference::default()
    };
    if let Some((volume, series, page)) = cite {
        r.volume = Some(volume.to_string());
        r.container = Some(series.to_string());
        r.pages = Some(page.to_string());
    }
    Some(r)
}

/// A treaty's name: capitalised words (and the small ones between) with a
/// word that names an agreement, not a sentence.
fn treaty_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    // `Traité de bon voisinage, d'amitié et de coopération …`.
    if FOREIGN_TREATY_WORDS.contains(&words.first().copied().unwrap_or("")) {
        return (2..=40).contains(&words.len()) && !name.contains(". ");
    }
    let small = |w: &str| {
        matches!(
            w,
            "of" | "on"
                | "the"
                | "for"
                | "and"
                | "between"
                | "in"
                | "to"
                | "concerning"
                | "relating"
                | "against"
                | "with"
                | "at"
                | "by"
                | "a"
                | "an"
        )
    };
    // A memorandum of understanding is one; of a conversation, not.
    let agreement = words
        .iter()
        .any(|w| TREATY_WORDS.contains(&w.trim_end_matches([',', '.'])))
        || name.starts_with("Memorandum of Understanding");
    (2..=30).contains(&words.len())
        && name.starts_with(char::is_uppercase)
        && agreement
        && words.iter().all(|w| {
            small(w) || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '(')
        })
}

/// `China-Russ.`, `U.S.-U.S.S.R.`, `Fr.–Ger.`: the parties to a bilateral
/// treaty, abbreviated and joined by a hyphen.
fn parties(s: &str) -> bool {
    let s = s.trim();
    s.contains(['-', '–'])
        && !s.contains(' ')
        && s.split(['-', '–'])
            .all(|p| p.starts_with(char::is_uppercase) && p.len() <= 12)
}

/// `Moscow`, `New York`: where a treaty was signed, before its date.
fn place(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic))
}

/// The first date with a day, month and year in `text`.
fn first_full_date(text: &str) -> Option<YearHit> {
    find_years(text, (1400, 2100))
        .into_iter()
        .find(|h| h.precision == Precision::Day && h.end_year.is_none())
}

/// `2999 U.N.T.S. 77`: volume, series and page, in the first words of
/// `text` after the date.
fn series_cite(text: &str) -> Option<(&str, &str, &str)> {
    let text = text.trim_start_matches([',', ')', ' ']);
    let (volume, rest) = text.split_once(' ')?;
    if !is_volume(volume) {
        return None;
    }
    let series = SERIES.iter().find(|s| {
        rest.strip_prefix(*s)
            .is_some_and(|after| after.starts_with(' '))
    })?;
    let page = rest[series.len()..]
        .trim_start()
        .split([' ', ',', '.', ';'])
        .next()
        .filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))?;
    Some((volume, series, page))
}

/// A resolution or a report of the United Nations at the start of `t`,
/// or `None`.
pub(super) fn un_document(t: &str) -> Option<Reference> {
    let window = super::note_forms::first_citation(t, 400);
    let symbol = doc_symbol(window);
    if let Some(title) = resolution(window) {
        let date = first_full_date(window);
        let year = date
            .as_ref()
            .map(|h| h.year)
            .or_else(|| last_year(window))?;
        return Some(Reference {
            title: Some(title),
            container: symbol.map(|(_, s)| s),
            year: Some(year),
            date: date.map(|h| super::fields::iso_of(&h)),
            kind: "legislation",
            ..Reference::default()
        });
    }
    // A report: `Author, Title, U.N. Doc. SYMBOL, at 12 (2003)`.
    let (at, symbol) = symbol?;
    let before = window[..at].trim_end().trim_end_matches(',');
    let (author, title) = match before.split_once(", ") {
        Some((a, title)) if organisation(a) => (Some(a), title),
        _ => (None, before),
    };
    if title.split_whitespace().count() < 2 || !title.starts_with(char::is_uppercase) {
        return None;
    }
    let after = &window[at..];
    let date = first_full_date(after);
    Some(Reference {
        authors: author
            .map(|a| {
                vec![super::names::Person {
                    family: clean(a),
                    given: String::new(),
                }]
            })
            .unwrap_or_default(),
        title: Some(clean(title)),
        container: Some(symbol),
        year: date.as_ref().map(|h| h.year).or_else(|| last_year(after)),
        date: date.map(|h| super::fields::iso_of(&h)),
        kind: "report",
        ..Reference::default()
    })
}

/// `G.A. Res. 51/229`, `S.C. Res. 242`, `UNGA Res 51/229`, `Human Rights
/// Council Res. 7/23`: a body's resolution and its number, at the start.
fn resolution(window: &str) -> Option<String> {
    let words: Vec<(usize, &str)> = word_spans(window).take(8).collect();
    let k = words
        .iter()
        .position(|(_, w)| matches!(*w, "Res." | "Res" | "Resolution"))?;
    let (i, number) = *words.get(k + 1)?;
    let number = number.trim_end_matches([',', '.', ';']);
    // The body that resolved: `Res.` alone is also a journal's
    // (`Acc. Chem. Res. 10, 265`).
    const BODIES: &[&str] = &[
        "G.A.",
        "S.C.",
        "E.S.C.",
        "H.R.C.",
        "UNGA",
        "UNSC",
        "ECOSOC",
        "HRC",
        "General Assembly",
        "Security Council",
        "Economic and Social Council",
        "Human Rights Council",
        "U.N.G.A.",
        "U.N.S.C.",
    ];
    let body = window[..words.get(k).map_or(0, |(i, _)| *i)].trim_end();
    let body_ok = BODIES.contains(&body);
    if !body_ok || !number.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(window[..i + number.len()].to_string())
}

/// `U.N. Doc. A/58/10`, `UN Doc A/RES/51/229`: where the mark starts and
/// the symbol with its mark.
fn doc_symbol(window: &str) -> Option<(usize, String)> {
    const MARKS: [&str; 4] = ["U.N. Doc. ", "UN Doc ", "UN Doc. ", "U.N. Doc "];
    let at = crate::chars::first_of(window, &MARKS).map(|(k, m)| (k, MARKS[m].len()))?;
    let rest = &window[at.0 + at.1..];
    let symbol = rest
        .split([' ', ',', ';', '('])
        .next()?
        .trim_end_matches('.');
    (symbol.contains('/') && symbol.starts_with(char::is_uppercase))
        .then(|| (at.0, format!("{}{symbol}", &window[at.0..at.0 + at.1])))
}

/// `Int'l Law Comm'n`, `U.N. Secretary-General`, `Human Rights Council`:
/// an organ as an author, not a title's first part.
fn organisation(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    const ORGANS: &[&str] = &[
        "Comm'n",
        "Comm’n",
        "Commission",
        "Council",
        "Assembly",
        "Secretary-General",
        "Secretariat",
        "Committee",
        "Comm.",
        "Court",
        "Office",
        "Org.",
        "Organization",
        "Programme",
        "Rapporteur",
        "Conference",
        "Bank",
        "Fund",
        "Agency",
    ];
    (1..=8).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || *w == "on" || *w == "of")
        && words.iter().any(|w| ORGANS.contains(w))
}

/// The last year in parentheses: `(2003)`.
fn last_year(text: &str) -> Option<i32> {
    find_years(text, (1900, 2100))
        .into_iter()
        .filter(|h| text[..h.start].ends_with('(') || text[..h.start].ends_with(", "))
        .map(|h| h.year)
        .next_back()
}

#[cfg(test)]
#[path = "note_intl_tests.rs"]
mod tests;
