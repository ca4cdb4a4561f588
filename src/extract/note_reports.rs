//! What identifies a court decision besides its court (see
//! `note_courts`): its docket number and the report that printed it.

use super::note_forms::{word_spans, year_word};

/// A docket number: `I ZR 4/04`, `C-99/12`, `2009Gahap1234`, `4A_12/2010`.
pub(super) fn docket(window: &str) -> Option<&str> {
    let words: Vec<(usize, &str)> = word_spans(window).collect();
    for (k, &(i, w)) in words.iter().enumerate() {
        // `n° 08-19.293`, `n. 5891`, `Az. 7 O 12/09`: a number after its mark.
        if DOCKET_MARKS.contains(&w) {
            if let Some(&(j, v)) = words.get(k + 1) {
                let v = v.trim_end_matches([',', '.', ';', ')']);
                if v.starts_with(|c: char| c.is_ascii_digit()) {
                    return Some(window[i..j + v.len()].trim());
                }
            }
        }
        let bare = w.trim_end_matches([',', '.', ';', ')']);
        let slashed = bare.contains('/')
            && bare.split('/').all(|p| !p.is_empty())
            && bare
                .split('/')
                .next_back()?
                .bytes()
                .all(|b| b.is_ascii_digit())
            && bare
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_alphanumeric());
        let korean = korean_docket(bare);
        if !(slashed || korean) || bare.contains("//") || bare.matches('/').count() > 2 {
            continue;
        }
        // A dotted date or a journal's `2006/12` is no docket.
        if bare
            .split('/')
            .all(|p| p.len() == 4 && year_word(p).is_some())
        {
            continue;
        }
        // Register letters and numbers before the number (`I ZR`, `II SA`,
        // `16 O`): short capitals, Roman numerals or a chamber's number.
        let mut start = i;
        for &(j, v) in words[..k].iter().rev().take(3) {
            let short = v.len() <= 4
                && (v.chars().all(|c| c.is_ascii_uppercase())
                    || v.bytes().all(|b| b.is_ascii_digit()));
            if !short || slashed && korean {
                break;
            }
            start = j;
        }
        return Some(window[start..i + bare.len()].trim());
    }
    None
}

/// Korean and Japanese court numbers: `2009Gahap1234`, `95Da29130`.
fn korean_docket(w: &str) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &w[digits..];
    let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let tail = &rest[letters..];
    (2..=4).contains(&digits)
        && (1..=5).contains(&letters)
        && rest.starts_with(|c: char| c.is_ascii_uppercase())
        && tail.len() >= 2
        && tail.bytes().all(|b| b.is_ascii_digit())
}

/// A report of the decision: `2007 GRUR 50` (year, journal, page) or `NJ
/// 2000, 12`, `Gaz. Pal. 2011, p. 12`, `JCP G 2004, II, 10011` (journal,
/// year, page): the journal, its page and the year.
/// `date` is where the decision's date stands: its year is no report's.
pub(super) fn reporter(
    window: &str,
    date: std::ops::Range<usize>,
) -> Option<(&str, Option<&str>, Option<i32>)> {
    let words: Vec<(usize, &str)> = word_spans(window).collect();
    for (k, &(i, w)) in words.iter().enumerate() {
        let Some(year) = year_word(w).filter(|_| w.trim_end_matches(',').len() == 4) else {
            continue;
        };
        if date.contains(&i) {
            continue;
        }
        // Journal first: up to three abbreviation words before the year.
        let mut start = None;
        for &(j, v) in words[..k].iter().rev().take(3) {
            if !is_journal(v.trim_end_matches(',')) || (v.ends_with(',') && start.is_some()) {
                break;
            }
            start = Some(j);
        }
        if let Some(start) = start {
            let journal = window[start..i].trim().trim_end_matches(',');
            let page = words[k + 1..]
                .iter()
                .map(|(_, p)| p.trim_end_matches([',', '.', ';']))
                .take(3)
                .find(|p| is_page(p));
            return Some((journal, page, Some(year)));
        }
        // Year first: `2007 GRUR 50`.
        if let (Some(&(_, j)), Some(&(_, p))) = (words.get(k + 1), words.get(k + 2)) {
            let page = p.trim_end_matches([',', '.', ';']);
            if is_journal(j) && !j.ends_with(',') && is_page(page) {
                return Some((j, Some(page), Some(year)));
            }
        }
    }
    None
}

/// A journal's abbreviation: capitals (`GRUR`, `NJ`, `JCP`, `CR`), or
/// capitalised words cut with a full stop (`Gaz.`, `Pal.`, `Rev.`).
fn is_journal(w: &str) -> bool {
    let w = w.trim_start_matches('(');
    let caps = w.len() >= 2
        && w.len() <= 6
        && w.chars().all(|c| c.is_uppercase() || c == '-')
        && !super::note_courts::is_court(w);
    let cut = w.ends_with('.')
        && w.len() <= 6
        && w.starts_with(char::is_uppercase)
        && w[..w.len() - 1].chars().all(char::is_alphabetic);
    (caps || cut || w == "G") && !matches!(w, "No." | "Nr." | "Art." | "Ref." | "Az." | "Vol.")
}

fn is_page(p: &str) -> bool {
    !p.is_empty() && p.len() <= 6 && p.bytes().all(|b| b.is_ascii_digit())
}

/// Marks before a docket number.
const DOCKET_MARKS: &[&str] = &["n°", "n.", "nº", "no.", "No.", "Nr.", "nr.", "Az.", "Rs."];
