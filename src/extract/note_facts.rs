//! What a note in a note style puts after the title (see `note_forms`):
//!
//! - a chapter's book or a commentary: `in *Book*, ed. X (…)`, `in Alan
//!   Gray (ed), *Essays* (…)`, `in: Dreier/Schulze (ed.), *UrhG*, …`;
//! - a Bluebook journal: `81 Yale L.J. 1402, 1410 (2008)`;
//! - an OSCOLA journal: `(2003) 119 LQR 301, 305`;
//! - a Chicago journal: `*Journal* 22, no. 3 (2009): 301–29`;
//! - publication facts in parentheses: `(Cambridge: Harwell, 1987)`,
//!   `(4th edn, Merton Press 2010)`, `(3d ed. 2015)`, `(March 2016)`;
//! - or fields joined by commas (continental and news styles): `*Revue*,
//!   2011, n° 4, p. 55-71`, `Giuffrè, Milan, 2012`, `*Herald*, April 4,
//!   2010`.

use super::citations::{clean, Reference};
use super::fields::iso_of;
use super::note_cases::{is_number, reporter_cite, volume_reporter};
use super::note_forms::{first_date, strip_in, year_word, Facts, Set};
use super::years::{find_years, Precision, YearHit};

/// Reads what follows the title into `r`.
pub(super) fn publication(rest: &str, set: Set, r: &mut Reference) -> Facts {
    let mut facts = Facts::default();
    let mut t = rest.trim();
    if let Some(after) = strip_in(t) {
        let (container, after) = book_of(after);
        r.container = container;
        facts.kind = Some("chapter");
        t = after;
    }
    // A journal by volume, year and page: Bluebook (`81 Yale L.J. 1402,
    // 1410 (2008)`), OSCOLA (`(2003) 119 LQR 301`), German and European
    // (`2004 GRUR Int. 118`).
    let cited = reporter_cite(t)
        .map(|(volume, journal, page, year)| (year, Some(volume), journal, page))
        .or_else(|| oscola(t))
        .or_else(|| year_journal(t));
    if let Some((year, volume, journal, page)) = cited {
        r.year = Some(year);
        r.volume = volume.map(str::to_string);
        r.container = Some(journal.to_string());
        r.pages = Some(page.to_string());
        facts.reporter = true;
        facts.kind = Some("article-journal");
        return facts;
    }
    // `N.Y. Times (Dec. 20, 2019)`, `Economist (Mar. 2021)`: the Bluebook's
    // newspaper or magazine, its name and its date.
    if r.container.is_none() {
        if let Some((name, hit)) = periodical(t) {
            r.container = Some(name);
            r.year = Some(hit.year);
            r.date = Some(iso_of(&hit));
            facts.kind = Some(super::fields::periodical_kind(r));
            return facts;
        }
    }
    // The container of an article: emphasised, or plain up to its volume.
    if set == Set::Quoted && r.container.is_none() {
        if let Some(inner) = t.strip_prefix('*') {
            if let Some(end) = inner.find('*') {
                r.container = Some(clean(&inner[..end]));
                t = inner[end + 1..].trim_start_matches([',', ' ']);
            }
        } else if t.starts_with(char::is_uppercase) {
            let end = t
                .find(|c: char| c == ',' || c == '(' || c.is_ascii_digit())
                .unwrap_or(t.len());
            let name = clean(&t[..end]);
            if !name.is_empty() && first_date(&name).is_none() {
                r.container = Some(name);
                t = t[end..].trim_start_matches([',', ' ']);
            }
        }
    }
    // `22, no. 3 (2009): 301–29`: volume and issue before the date.
    // `vol. 52, n° 3, 2006, p. 201-225` (French and others).
    let numbers: String = t.chars().take_while(|c| *c != '(').collect();
    let mut parts = numbers.split(',').map(str::trim);
    let volume = |v: &str| {
        let v = ["vol. ", "Vol. ", "vol ", "Bd. ", "t. "]
            .iter()
            .find_map(|m| v.strip_prefix(m))
            .unwrap_or(v);
        is_number(v).then(|| v.to_string())
    };
    if let Some(v) = parts.next().and_then(volume) {
        r.volume = Some(v);
        let issue = |p: &str| {
            ["no. ", "n° ", "nº ", "Heft "]
                .iter()
                .find_map(|m| p.strip_prefix(m))
                .map(|n| n.trim().to_string())
        };
        if let Some(n) = parts.clone().next().and_then(issue) {
            r.issue = Some(n);
        }
        // The pages after `p.` or `pp.`, where no parenthesis gives them.
        if let Some(pages) =
            parts.find_map(|p| p.strip_prefix("pp. ").or_else(|| p.strip_prefix("p. ")))
        {
            let pages: String = pages
                .chars()
                .take_while(|c| c.is_ascii_digit() || "–-".contains(*c))
                .collect();
            if !pages.is_empty() {
                r.pages = Some(pages);
            }
        }
    }
    if let Some(open) = t.find('(') {
        let close = t[open..].find(')').map_or(t.len(), |c| c + open);
        in_parentheses(&t[open + 1..close], r);
        let after = t.get(close + 1..).unwrap_or("");
        let pages = after.trim_start_matches([':', ',', ' ']);
        let pages: String = pages
            .chars()
            .take_while(|c| c.is_ascii_digit() || "–-".contains(*c))
            .collect();
        if !pages.is_empty() {
            r.pages = Some(pages);
        }
    }
    if r.year.is_none() {
        if let Some((year, date)) = first_date(t) {
            r.year = Some(year);
            r.date = Some(date);
        }
    }
    // `Deventer: Kluwer 1993`, `The Hague: Asser Press, 2006`: a place and
    // a publisher in comma fields.
    if r.publisher.is_none() {
        r.publisher = t.split(", ").find_map(place_publisher);
    }
    // A book's publisher in comma fields: the first field of words.
    // The continental order puts the place first (`Paris, Presses
    // universitaires de France, 1998`): a known place (`Paris, Gallimard`)
    // or a place of one word, then a publisher of several, no figures in
    // it.
    if set == Set::Emphasis && r.publisher.is_none() && facts.kind.is_none() {
        let mut fields = t.split(',').map(str::trim);
        let first = fields.next().unwrap_or("");
        let second = fields.next().unwrap_or("");
        let named = |f: &str| {
            f.starts_with(char::is_uppercase)
                && first_date(f).is_none()
                && !f.contains(|c: char| c.is_ascii_digit())
        };
        let place_first = named(first)
            && named(second)
            && (super::places::is_publishing_place(first)
                || !first.contains(' ') && second.split(' ').count() >= 2);
        let publisher = if place_first { second } else { first };
        if publisher.starts_with(char::is_uppercase) && first_date(publisher).is_none() {
            r.publisher = Some(clean(publisher.trim_end_matches(['.', ':'])));
        }
    }
    facts
}

/// The book a chapter is in: the first title set apart after `in`, else
/// the words up to `, ed.`, a parenthesis or a comma.
fn book_of(t: &str) -> (Option<String>, &str) {
    // Up to the publication facts' parenthesis (not an editor's `(ed)`).
    let facts = t
        .match_indices(" (")
        .map(|(k, _)| k)
        .find(|&k| {
            let inner = t[k + 2..].split(')').next().unwrap_or("");
            !matches!(
                inner,
                "ed" | "ed." | "eds" | "eds." | "Hrsg." | "dir." | "coord."
            )
        })
        .unwrap_or(t.len());
    let window = &t[..facts.min(200)];
    if let Some(open) = window.find('*') {
        if let Some(len) = t[open + 1..].find('*') {
            let name = clean(&t[open + 1..open + 1 + len]);
            return (
                Some(name),
                t[open + len + 2..].trim_start_matches([',', ' ']),
            );
        }
    }
    let end = crate::chars::first_of(t, &[", ed.", ", eds.", ", edited", " (", ", "])
        .map_or(t.len(), |(k, _)| k);
    let name = clean(&t[..end]);
    ((!name.is_empty()).then_some(name), &t[end..])
}

/// `Title, in: Zeitschrift für Wirtschaftsgeschichte 45 (2003), S.
/// 101–130`: what was read as a book with a number after its name is a
/// journal with its volume, the year in parentheses after it (the German
/// form); its pages follow `S.` or `p.`.
pub(super) fn journal_in(r: &mut Reference, text: &str) {
    let Some((name, volume)) = r.container.as_deref().and_then(|c| c.rsplit_once(' ')) else {
        return;
    };
    let numbered =
        !volume.is_empty() && volume.len() <= 4 && volume.bytes().all(|b| b.is_ascii_digit());
    let Some(year) = r.year else {
        return;
    };
    let after = format!("{name} {volume} ({year})");
    if r.kind != "chapter" || !numbered {
        return;
    }
    let Some(at) = text.find(&after) else {
        return;
    };
    let rest = text[at + after.len()..].trim_start_matches([',', ' ']);
    if r.pages.is_none() {
        let pages = rest
            .strip_prefix("S. ")
            .or_else(|| rest.strip_prefix("p. "))
            .map(|p| {
                p.split([',', ';', ' '])
                    .next()
                    .unwrap_or("")
                    .trim_end_matches('.')
            });
        r.pages = pages.filter(|p| !p.is_empty()).map(str::to_string);
    }
    r.volume = Some(volume.to_string());
    r.container = Some(name.to_string());
    r.kind = "article-journal";
}

/// `(2003) 119 LQR 301, 305` or `[2004] CLJ 12`.
fn oscola(t: &str) -> Option<(i32, Option<&str>, &str, &str)> {
    let inner = t.strip_prefix(['(', '['])?;
    let close = inner.find([')', ']'])?;
    let year = (close == 4).then(|| year_word(&inner[..4])).flatten()?;
    let (volume, journal, page) = volume_reporter(inner[close + 1..].trim_start())?;
    Some((year, volume, journal, page))
}

/// `Deventer: Kluwer 1993`: the publisher after a place of one to three
/// capitalised words, without the year.
fn place_publisher(field: &str) -> Option<String> {
    let (place, publisher) = field.split_once(": ")?;
    let place_words = place.split(' ').count();
    let publisher = publisher.trim().trim_end_matches('.');
    let publisher = match publisher.rsplit_once(' ') {
        Some((p, y)) if year_word(y).is_some() => p,
        _ => publisher,
    };
    let capitalised = |s: &str| s.starts_with(char::is_uppercase);
    (place_words <= 3
        && capitalised(place)
        && capitalised(publisher)
        && !publisher.contains(|c: char| c.is_ascii_digit())
        && publisher.split(' ').count() <= 6)
        .then(|| clean(publisher))
}

/// German and European journal citations: `2004 GRUR Int. 118, 120`
/// (year, journal, page), `GRUR Int. 2004, 118` (journal, year, page),
/// `3 (2012) JIPITEC 50` (volume, year, journal, page).
fn year_journal(t: &str) -> Option<(i32, Option<&str>, &str, &str)> {
    let (first, rest) = t.split_once(' ')?;
    if first.len() == 4 {
        if let Some(year) = year_word(first) {
            let (journal, page) = super::note_cases::reporter_page(rest)?;
            return Some((year, None, journal, page));
        }
    }
    if is_number(first) && first.len() <= 3 {
        if let Some((year, volume, journal, page)) = oscola(rest) {
            return (volume.is_none()).then_some((year, Some(first), journal, page));
        }
    }
    let (journal, year) = super::note_cases::reporter_page(t)?;
    let year = year_word(year).filter(|_| year.len() == 4)?;
    let after = &t[t.find(journal)? + journal.len()..];
    let after = after.trim_start().strip_prefix(&year.to_string())?;
    let page = after.strip_prefix(", ")?.split([',', ' ', '.']).next()?;
    (is_number(page) && journal.chars().filter(|c| c.is_uppercase()).count() >= 2)
        .then_some((year, None, journal, page))
}

/// A periodical's name and its date with a month in parentheses, first
/// in `t`: `N.Y. Times (Dec. 20, 2019)`, `Wall St. J. (Mar. 2, 2021, 6:00
/// AM)`. Not a publisher (`Harbour Press (2019)` has no month).
fn periodical(t: &str) -> Option<(String, YearHit)> {
    let open = t.find(" (")?;
    let name = &t[..open];
    let words: Vec<&str> = name.split(' ').collect();
    let named = (1..=6).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c == '&')
                || matches!(*w, "of" | "the" | "and" | "on")
        })
        && !name.contains(',');
    if !named {
        return None;
    }
    let close = open + t[open..].find(')')?;
    let hit = find_years(&t[open + 2..close], (1400, 2100))
        .into_iter()
        .next()?;
    matches!(hit.precision, Precision::Day | Precision::Month)
        .then(|| (clean(name.trim_end_matches(',')), hit))
}

/// `Cambridge: Harwell University Press, 1987`, `4th edn, Merton Press
/// 2010`, `3d ed. 2015`, `March 2016`: the last date, and the publisher
/// in what stands before it.
fn in_parentheses(inner: &str, r: &mut Reference) {
    let Some(hit) = find_years(inner, (1400, 2100)).pop() else {
        return;
    };
    r.year = Some(hit.year);
    if let Some(date) = super::fields::finer_date(&hit) {
        r.date = Some(date);
    }
    let before = inner[..hit.start].trim_end_matches([',', ' ']);
    let facts = before.split_once(": ").map_or(before, |(_, p)| p);
    let publisher = facts.rsplit(", ").next().unwrap_or("").trim();
    if publisher.starts_with(char::is_uppercase) && first_date(publisher).is_none() {
        r.publisher = Some(clean(publisher));
    }
}
