//! Laws cited in notes (rule 4 of `note_forms`): `Copyright Act, Art.
//! 95`, `17 U.S.C. § 107`, `Directive 2001/29/EC of the European
//! Parliament …`.

use super::citations::{clean, Reference};
use super::note_cases::is_number;
use super::note_forms::{word_spans, year_word};
use super::years::find_years;

/// Rule 4: `Copyright Act, Art. 95`, `Spanish Civil Code, Arts. 1254
/// ss.`, `World Copyright Treaty of 1996 found at …`: a law's name (with
/// a word that says it is one), then a provision or nothing.
pub(super) fn legislation(t: &str) -> Option<Reference> {
    if let Some(r) = european_act(t)
        .or_else(|| provision_first(t))
        .or_else(|| code_cite(t))
        .or_else(|| numbered_act(t))
    {
        return Some(r);
    }
    // The first sentence (`U.S.` and `No.` do not end it).
    let t = &t[..super::sentences::sentence_at(t, 0, "en").end];
    // The law's name, without the provision cited (`§ 107`, `Chapter 22`).
    let end = crate::chars::first_of(
        t,
        &[
            ", ",
            " found at",
            " may be found",
            " available at",
            " (",
            " §",
            " Chapter ",
            " Art. ",
            " Article ",
            " Section ",
        ],
    )
    .map_or(t.len(), |(k, _)| k);
    // A full stop ends the name unless it closes an abbreviation (`U.S.C.`).
    let name = t[..end].trim_end();
    let dotted = |n: &str| {
        n.rsplit(' ')
            .next()
            .is_some_and(|w| w.matches('.').count() > 1)
    };
    let name = if dotted(name) {
        name
    } else {
        name.trim_end_matches('.')
    };
    let after = t[end..].trim_start_matches([',', ' ']);
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
    // A title's number may come first (`17 U.S.C. § 107`).
    let opens = name.starts_with(char::is_uppercase)
        || words.len() > 1 && is_number(words[0]) && words[1].starts_with(char::is_uppercase);
    if !(lawful && provision && words.len() <= 14 && opens) {
        return None;
    }
    let year = words.iter().find_map(|w| {
        let lead: String = w.chars().take_while(char::is_ascii_digit).collect();
        year_word(&lead)
    });
    let mut title = clean(name);
    if dotted(name) {
        title.push('.');
    }
    Some(Reference {
        title: Some(title),
        year,
        kind: "legislation",
        ..Reference::default()
    })
}

/// `Directive 2001/29/EC of the European Parliament and of the Council of
/// 22 May 2001 on …`, `Regulation (EU) No 1215/2012 …`: the act's full
/// name up to its publication (`, OJ L 167`) or its address.
fn european_act(t: &str) -> Option<Reference> {
    let kind = ["Directive ", "Regulation ", "Decision "]
        .iter()
        .find(|k| t.starts_with(*k))?;
    let mut rest = t[kind.len()..].trim_start();
    for skip in ["(EC)", "(EU)", "(EEC)", "(Euratom)", "No.", "No", "Nr."] {
        rest = rest.strip_prefix(skip).unwrap_or(rest).trim_start();
    }
    let number = rest.split([' ', ',']).next()?;
    let parts: Vec<&str> = number.split('/').collect();
    let numeric = parts.len() >= 2 && parts[..2].iter().all(|p| is_number(p));
    if !numeric {
        return None;
    }
    let end = crate::chars::first_of(
        t,
        &[
            ", OJ",
            " OJ ",
            ", O.J.",
            ", available",
            " available at",
            ", [",
            " <",
            ", http",
        ],
    )
    .map_or(t.len(), |(k, _)| k)
    .min(super::sentences::sentence_at(t, 0, "en").end);
    let name = &t[..crate::chars::floor(t, end.min(400))];
    let year = super::note_forms::first_date(name)
        .map(|(y, _)| y)
        .or_else(|| parts.iter().find_map(|p| year_word(p)));
    let date = find_years(name, (1900, 2100))
        .into_iter()
        .find(|h| h.label.split_whitespace().count() == 3)
        .map(|h| super::fields::iso_of(&h));
    Some(Reference {
        title: Some(clean(name)),
        year,
        date,
        kind: "legislation",
        ..Reference::default()
    })
}

/// `Article 12 of the Copyright Act`, `Art. 6:227a, para 1 Dutch Civil
/// Code`, `Articles L. 132-1 and seq. of the Consumer Code`: the provision
/// first, then the law, which is the work cited.
fn provision_first(t: &str) -> Option<Reference> {
    let first = t.split(' ').next()?;
    let opens = [
        "Article", "Articles", "Art.", "Arts.", "art.", "arts.", "arts", "Section", "Sections",
        "§", "§§", "Rule", "Rules",
    ];
    if !opens.contains(&first) {
        return None;
    }
    let sentence = &t[..super::sentences::sentence_at(t, 0, "en").end];
    let mut words = word_spans(sentence).skip(1).peekable();
    // The provision's numbers and marks.
    while let Some(&(_, w)) = words.peek() {
        let bare = w.trim_end_matches([',', ';']);
        let mark = bare.contains(|c: char| c.is_ascii_digit())
            || matches!(
                bare,
                "para"
                    | "para."
                    | "paras"
                    | "paragraph"
                    | "§"
                    | "and"
                    | "to"
                    | "seq."
                    | "et"
                    | "ff."
                    | "f."
                    | "sub"
                    | "lit."
                    | "in"
                    | "fine"
                    | "No."
                    | "no."
                    | "pt."
            )
            || bare.len() == 2 && bare.ends_with('.') && bare.starts_with(char::is_uppercase);
        if !mark {
            break;
        }
        words.next();
    }
    for small in ["of", "the", "du", "de", "la", "des", "der"] {
        if words.peek().is_some_and(|&(_, w)| w == small) {
            words.next();
        }
    }
    let mut name: Vec<&str> = Vec::new();
    for (_, w) in words {
        let bare = w.trim_end_matches(['.', ',', ';', ':']);
        let small = matches!(bare, "of" | "on" | "the" | "for" | "and");
        if !(bare.starts_with(char::is_uppercase) || small && !name.is_empty()) || name.len() >= 10
        {
            break;
        }
        name.push(bare);
        if bare.len() < w.len() {
            break;
        }
    }
    while name
        .last()
        .is_some_and(|w| w.starts_with(char::is_lowercase))
    {
        name.pop();
    }
    if !name.iter().any(|w| LAW_WORDS.contains(w)) {
        return None;
    }
    Some(Reference {
        title: Some(name.join(" ")),
        year: name.iter().find_map(|w| year_word(w)),
        kind: "legislation",
        ..Reference::default()
    })
}

/// A French act by its kind, number and date: `Décret n° 2002-312 du 28
/// février 2002 portant publication de …`, `Loi n° 2016-1691 du 9
/// décembre 2016`. The title is the act up to its date.
fn numbered_act(t: &str) -> Option<Reference> {
    const KINDS: &[&str] = &["Loi", "Décret", "Ordonnance", "Arrêté", "Circulaire"];
    let (kind, rest) = t.split_once(' ')?;
    if !KINDS.contains(&kind) {
        return None;
    }
    let number = ["n° ", "n°", "no ", "nº "]
        .iter()
        .find_map(|m| rest.strip_prefix(m))?;
    let digits = number.split(' ').next()?;
    if !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let after = number[digits.len()..].strip_prefix(" du ")?;
    let window = &after[..crate::chars::floor(after, 40)];
    let date = find_years(window, (1700, 2100))
        .into_iter()
        .next()
        .filter(|h| h.start == 0)?;
    let end = t.len() - after.len() + date.end;
    Some(Reference {
        title: Some(clean(&t[..end])),
        year: Some(date.year),
        date: super::fields::finer_date(&date),
        kind: "legislation",
        ..Reference::default()
    })
}

/// The codes and registers United States law is cited from.
const CODES: &[&str] = &["U.S.C.", "U.S.C.A.", "C.F.R.", "Fed. Reg.", "Stat."];

/// A law by its place in a code or register, with its name before or not:
/// `42 U.S.C. § 1983 (2018)`, `87 Fed. Reg. 12,226 (Mar. 4, 2022)`,
/// `Export Administration Regulations, 15 C.F.R. § 744.21 (2019)`, `Export
/// Control Reform Act of 2018, Pub. L. No. 115-232, 132 Stat. 2208`.
pub(super) fn code_cite(t: &str) -> Option<Reference> {
    let window = super::note_forms::first_citation(t, 300);
    let at = word_spans(window).find_map(|(i, w)| {
        let rest = window[i + w.len()..].trim_start();
        // `132 Stat. 2208`, not `12 Stat. Sci. 45` (a journal).
        let coded = CODES.iter().any(|c| {
            rest.strip_prefix(c).is_some_and(|after| {
                after
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit() || c == '§')
            })
        });
        (is_number(w) && coded).then_some(i)
    })?;
    let before = window[..at].trim_end().trim_end_matches(',');
    let name = before.split(", ").next().unwrap_or("").trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let named = !name.is_empty()
        && words.len() <= 14
        && words.iter().any(|w| {
            LAW_WORDS.contains(w) || matches!(*w, "Regulations" | "Rules" | "Laws" | "Order")
        })
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || matches!(*w, "of" | "on" | "the" | "for" | "and" | "to")
        });
    if !name.is_empty() && !named {
        return None;
    }
    let cite = &window[at..];
    let open = cite.find(" (").unwrap_or(cite.len());
    let parenthesis = cite[open..]
        .strip_prefix(" (")
        .and_then(|p| p.split_once(')'))
        .map_or("", |(inner, _)| inner);
    let date = find_years(parenthesis, (1700, 2100))
        .into_iter()
        .next_back();
    let year = words.iter().find_map(|w| year_word(w));
    let mut r = Reference {
        title: Some(if named {
            clean(name)
        } else {
            clean(cite[..open].trim_end_matches(['.', ',', ';']))
        }),
        year: year.or(date.as_ref().map(|h| h.year)),
        kind: "legislation",
        ..Reference::default()
    };
    if let Some(h) = date.filter(|_| year.is_none()) {
        r.date = super::fields::finer_date(&h);
    }
    Some(r)
}

pub(super) const LAW_WORDS: &[&str] = &[
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
