//! Court decisions cited the continental way, and the way courts outside
//! the common-law reporters are cited in English: the court first, then
//! the date, the docket number or a reporter, and sometimes the parties or
//! the decision's name.
//!
//! - `TGI Paris, 3 mai 2011, Société X c/ Y, Gaz. Pal. 2011, p. 12`
//! - `BGH, 12.10.2006, I ZR 4/04, 2007 GRUR 50 — Kartenausschnitt`
//! - `HR 4 June 1999, NJ 2000, 12 (Visser v Bakker)`
//! - `Seoul District Court 2009Gahap1234 decided March 3, 2010`
//! - `ECJ 9 May 2013, C-99/12, Alpha/Beta`
//! - `Judgment of 4 May 2011, case file III CZP 8/11`
//!
//! The decision's title is its name when the citation gives one (the
//! parties, a name in quotes or after a dash), else the court with the
//! docket number, the date or the reporter: what tells two decisions
//! apart. The court is kept as the decision's authority (`publisher`).

use super::citations::{clean, Reference};
use super::note_court_names as names;
use super::note_forms::{word_spans, year_word};
use super::note_reports::{docket, reporter};
use super::years::find_years;
use crate::chars;

/// A court decision at the start of `t`, or `None`.
pub(super) fn decision(t: &str) -> Option<Reference> {
    let (court, rest) = court(t)?;
    let window = &rest[..chars::floor(rest, 260)];
    // The citation ends where prose or another citation starts.
    let window = &window[..citation_end(window)];
    // A note's next citation starts after `; `, or with another court
    // after a comma or `and`.
    let next_court = word_spans(window).skip(1).find_map(|(i, _)| {
        let before = window[..i].trim_end();
        let joined = before.ends_with(',') || before.ends_with(" and");
        (joined && court_and_date(&window[i..])).then_some(i)
    });
    let window = &window[..window.find("; ").unwrap_or(window.len())];
    let window = &window[..next_court.unwrap_or(window.len()).min(window.len())];
    let window = window.trim_end_matches([',', ' ']).trim_end_matches(" and");
    let date = find_years(window, (1400, 2100))
        .into_iter()
        .find(|h| h.label.split_whitespace().count() == 3 && h.end_year.is_none());
    let docket = docket(window);
    let cite = reporter(window, date.as_ref().map_or(0..0, |h| h.start..h.end));
    let named = names::name(window).or_else(|| names::name_after_date(window, date.as_ref()?.end));
    let prefix_only = court.is_empty();
    let evidence = date.is_some() as u8 + docket.is_some() as u8 + cite.is_some() as u8;
    if evidence == 0 && !(named.is_some() && window.split(' ').any(|w| year_word(w).is_some())) {
        return None;
    }
    if prefix_only && evidence < 2 && named.is_none() {
        return None;
    }
    let mut r = Reference {
        kind: "legal_case",
        ..Reference::default()
    };
    if let Some(h) = &date {
        r.year = Some(h.year);
        r.date = Some(super::fields::iso_of(h));
    }
    if let Some((container, pages, _)) = &cite {
        r.container = Some(container.to_string());
        r.pages = pages.map(str::to_string);
    }
    // Without a full date, the first year: the decision's, before the
    // report's (`12 maart 2004, NJ 2005, 33`).
    if r.year.is_none() {
        r.year = window.split(' ').find_map(year_word);
    }
    let court_name = court.trim_end_matches([',', ':', ' ']);
    let title = match (named, docket, &date, &cite) {
        (Some(n), ..) => n.to_string(),
        (None, Some(d), ..) if !court_name.is_empty() => format!("{court_name} {d}"),
        (None, Some(d), ..) => {
            let kind = t[..t.len() - rest.len()].trim();
            let kind = kind.split(' ').next().unwrap_or(kind);
            format!("{kind} {d}")
        }
        (None, None, Some(h), _) => format!("{court_name}, {}", h.label),
        (None, None, None, Some((c, p, y))) => match (y, p) {
            (Some(y), Some(p)) => format!("{court_name}, {y} {c} {p}"),
            _ => format!("{court_name}, {c}"),
        },
        _ => return None,
    };
    r.title = Some(clean(title.trim()));
    if !court_name.is_empty() {
        r.publisher = Some(court_name.to_string());
    }
    Some(r)
}

/// Whether `t` opens with a court's abbreviation and then a date or a
/// year (`HR 12 July 2013`, `LG Köln, 2012 CR 18`), not a docket's letters
/// (`KG ZA 10-477`): where the next decision of a list starts. (It does
/// not read the decision: that would read the rest of the list again for
/// every court in it.)
fn court_and_date(t: &str) -> bool {
    let first = t.split([' ', ',']).next().unwrap_or("");
    if !COURTS.contains(&first) {
        return false;
    }
    let Some((_, rest)) = court(t) else {
        return false;
    };
    let head = &rest[..chars::floor(rest, 24)];
    let dated = find_years(head, (1400, 2100))
        .first()
        .is_some_and(|h| h.start <= 3 && h.label.split_whitespace().count() == 3);
    let year = rest
        .split([' ', ','])
        .next()
        .is_some_and(|w| w.len() == 4 && year_word(w).is_some());
    dated || year
}

/// Whether `t` opens with a court's abbreviation and reads as a decision
/// (where one decision in a list of them starts).
pub(super) fn opens_decision(t: &str) -> bool {
    let first = t.split([' ', ',']).next().unwrap_or("");
    COURTS.contains(&first) && decision(t).is_some()
}

/// Where the citation that opens `window` ends: at the end of a sentence
/// followed by a sentence of prose.
fn citation_end(window: &str) -> usize {
    let mut end = 0;
    loop {
        let next = end + window[end..].len() - window[end..].trim_start().len();
        if next >= window.len() {
            return window.len();
        }
        // Prose opens with a capitalised word (`See`, `The`); a numeral
        // (`sez. I`) or a figure continues the citation.
        let word = window[next..].split([' ', ',']).next().unwrap_or("");
        let mut letters = word.chars();
        let prose = letters.next().is_some_and(char::is_uppercase)
            && word.chars().count() >= 3
            && letters.all(char::is_lowercase);
        let continues = end == 0 || !prose;
        if !continues {
            return end;
        }
        let s = super::sentences::sentence_at(window, next, "en");
        if s.end <= end {
            return window.len();
        }
        end = s.end;
    }
}

/// The court that opens `t` and what follows it. A court named only by
/// the decision's kind (`Judgment of …`, `Case …`) gives an empty name.
fn court(t: &str) -> Option<(&str, &str)> {
    for p in KIND_WORDS {
        if let Some(rest) = t.strip_prefix(p) {
            if rest.starts_with(' ') {
                return Some(("", rest.trim_start()));
            }
        }
    }
    let mut words = word_spans(t);
    let (at, first) = words.next()?;
    let bare = first.trim_end_matches([',', ':']);
    let abbreviation = COURTS.contains(&bare);
    let mut end = at + first.len();
    let mut named = abbreviation || is_court_word(bare);
    let mut closed = first.ends_with(',');
    let limit = if abbreviation { 4 } else { 8 };
    for (n, (i, w)) in words.enumerate() {
        if closed || n >= limit || w.starts_with(|c: char| c.is_ascii_digit()) && !ordinal(w) {
            break;
        }
        let bare = w.trim_end_matches([',', ':']);
        let month = chars::MONTHS.contains(&bare.to_lowercase().as_str());
        let place = bare.starts_with(|c: char| c.is_uppercase() || c == '\'' || c == '\\')
            || (abbreviation && is_chamber(bare))
            || (!abbreviation
                && matches!(
                    bare,
                    "of" | "the"
                        | "for"
                        | "de"
                        | "du"
                        | "des"
                        | "di"
                        | "del"
                        | "la"
                        | "van"
                        | "für"
                ));
        if month || !place || bare.contains('/') {
            break;
        }
        end = i + w.len();
        named |= is_court_word(bare);
        closed = w.ends_with(',');
    }
    let name = t[..end].trim_end_matches([',', ':']);
    let last_small = name.rsplit(' ').next().is_some_and(|w| {
        matches!(
            w,
            "of" | "the" | "for" | "de" | "du" | "des" | "di" | "del" | "la" | "van" | "für"
        )
    });
    if !named || last_small || !t.starts_with(char::is_uppercase) {
        return None;
    }
    let mut rest = t[end..].trim_start_matches([',', ':', ' ']);
    // A court's abbreviation after its name: `(FAC)`.
    if let Some(r) = rest.strip_prefix('(') {
        let close = r.find(')')?;
        let inner = r[..close].trim_matches(['“', '”', '"']);
        if inner.len() <= 8 && inner.chars().all(|c| c.is_uppercase()) {
            rest = r[close + 1..].trim_start_matches([',', ' ']);
        }
    }
    Some((name.trim_start_matches("The ").trim(), rest))
}

/// `Court`, `Tribunal`, `Landgericht`, `Gerechtshof`: a word that makes a
/// phrase a court's name.
fn is_court_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    COURT_WORDS.contains(&lower.as_str())
        || lower.ends_with("gericht")
        || lower.ends_with("gerichtshof")
}

/// A chamber or formation after a court's abbreviation: `civ.`, `1re`,
/// `Ass.plén.`.
fn is_chamber(w: &str) -> bool {
    w.ends_with('.') || ordinal(w)
}

/// `1re`, `2e`, `3rd`, `4th`, `1st` (and with a comma after it).
fn ordinal(w: &str) -> bool {
    let w = w.trim_end_matches(',');
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits)
        && matches!(
            &w[digits..],
            "re" | "e" | "er" | "ère" | "st" | "nd" | "rd" | "th" | "ème"
        )
}

/// Words that open a decision named by its kind.
const KIND_WORDS: &[&str] = &[
    "Judgment of",
    "Judgement of",
    "Decision of",
    "Decisions of",
    "Order of",
    "Ruling of",
    "Case",
    "Urteil vom",
    "Beschluss vom",
    "Arrêt du",
    "Jugement du",
    "Sentencia de",
    "Sentenza",
    "Wyrok",
    "Postanowienie",
];

/// Court names that end in one of these words or are one of them.
const COURT_WORDS: &[&str] = &[
    "court",
    "tribunal",
    "cour",
    "tribunale",
    "corte",
    "audiencia",
    "juzgado",
    "sąd",
    "rechtbank",
    "gerechtshof",
    "hof",
    "conseil",
    "cassazione",
    "cassation",
];

/// Whether `w` is a court's abbreviation.
pub(super) fn is_court(w: &str) -> bool {
    COURTS.contains(&w)
}

/// Courts' abbreviations, as citations open with them.
const COURTS: &[&str] = &[
    // Germany, Austria, Switzerland.
    "BGH",
    "BGHZ",
    "BVerfG",
    "BVerwG",
    "BAG",
    "BFH",
    "BSG",
    "OLG",
    "LG",
    "AG",
    "KG",
    "OGH",
    "OVG",
    "VG",
    "BGer",
    "BGE",
    "HG",
    "OG",
    // France, Belgium.
    "Cass.",
    "Cass",
    "TGI",
    "TJ",
    "CA",
    "CE",
    "T.",
    "Trib.",
    "Cons.", // The Netherlands.
    "HR",
    "Hof",
    "Rb.",
    "Rb",
    "Ktr.",
    "Vzngr.",
    "Pres.", // The European courts.
    "ECJ",
    "CJEU",
    "CJUE",
    "CJCE",
    "EuGH",
    "ECtHR",
    "EGMR",
    "CFI",
    "GC",
    // Spain, Italy, Portugal, Finland, Poland.
    "STS",
    "SAP",
    "TS",
    "TC",
    "AP",
    "Cass.civ.",
    "STJ",
    "KKO",
    "KHO",
    "SN",
    "NSA",
    "WSA",
    "SA",
];

#[cfg(test)]
#[path = "note_courts_tests.rs"]
mod tests;
