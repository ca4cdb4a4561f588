//! Decisions cited by a court's own series of precedents, as the Nordic
//! supreme courts number theirs, and by their European Case Law
//! Identifier (ECLI):
//!
//! - `KKO 2005:64`, `KKO:1999:115`, `KHO 2010:12` (Finland)
//! - `NJA 1999 s. 123`, `HFD 2015 ref. 12`, `RH 2003:45` (Sweden)
//! - `Rt. 2005 s. 64`, `Rt-2005-64`, `HR-2016-2554-A` (Norway)
//! - `UfR 2005.64 H` (Denmark)
//! - `ECLI:EU:C:2014:317`, or after the case's name: `Case C-131/12
//!   Google Spain [2014] ECLI:EU:C:2014:317`
//!
//! A series citation names one decision, so it is the title; before an
//! ECLI, the case's name is (else the ECLI). The series or the ECLI's
//! court is the authority (`publisher`), and the year is the decision's.

use super::citations::{clean, Reference};

/// Series of precedents, as cited.
const SERIES: &[&str] = &[
    "KKO", "KHO", "NJA", "HFD", "RÅ", "RH", "Rt.", "Rt", "HR", "UfR",
];

/// A decision cited by its series or its ECLI at the start of `t`.
pub(super) fn precedent(t: &str) -> Option<Reference> {
    series(t).or_else(|| ecli(t))
}

fn decision(title: &str, court: &str, year: i32) -> Reference {
    Reference {
        title: Some(clean(title)),
        publisher: Some(court.to_string()),
        year: Some(year),
        date: Some(format!("{year:04}")),
        kind: "legal_case",
        ..Reference::default()
    }
}

/// A year of a decision: four digits, 1800–2100.
fn year(s: &str) -> Option<i32> {
    let y: i32 = s
        .get(..4)
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?
        .parse()
        .ok()?;
    (1800..=2100).contains(&y).then_some(y)
}

/// `KKO 2005:64` and its kin at the start of `t`.
fn series(t: &str) -> Option<Reference> {
    let name = SERIES.iter().find(|s| t.starts_with(**s))?;
    let rest = &t[name.len()..];
    let rest = rest.strip_prefix([':', ' ', '-']).unwrap_or(rest);
    let y = year(rest)?;
    let after = &rest[4..];
    // The decision's number after the year: `:64`, ` s. 123`, ` ref. 12`,
    // `.64`, `-64`.
    let sep = [":", " s. ", " s ", " ref. ", ".", "-", " nr "]
        .iter()
        .find(|s| after.starts_with(**s))?;
    let digits = after[sep.len()..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    if digits == 0 {
        return None;
    }
    let mut end = (t.len() - rest.len()) + 4 + sep.len() + digits;
    // Norway's `HR-2016-2554-A`, Denmark's `UfR 2005.64 H`.
    for tail in ["-A", "-U", "-P", " H", " Ø", " V"] {
        if t[end..].starts_with(tail) && !t[end + tail.len()..].starts_with(char::is_alphanumeric) {
            end += tail.len();
            break;
        }
    }
    // Not the start of a longer word or number (`KKO 2005:64a` is not
    // cited so; `HR 2005` alone is a court and a year).
    if t[end..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some(decision(&t[..end], name.trim_end_matches('.'), y))
}

/// A decision by its ECLI, in the first citation of `t`.
fn ecli(t: &str) -> Option<Reference> {
    let first = &t[..t.find("; ").unwrap_or(t.len())];
    let at = first.find("ECLI:")?;
    let id: &str = first[at..]
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ')' | ']'))
        .next()?
        .trim_end_matches('.');
    // ECLI:country:court:year:number.
    let parts: Vec<&str> = id.split(':').collect();
    let [_, country, court, y, number] = parts.as_slice() else {
        return None;
    };
    let code = |s: &str, n: usize| {
        (1..=n).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.')
    };
    if country.len() != 2 || !code(court, 7) || y.len() != 4 || !code(number, 25) {
        return None;
    }
    let y = year(y)?;
    // The case's name before it, without its year in brackets.
    let name = first[..at]
        .trim_end()
        .trim_end_matches([',', '(', ' '])
        .trim_end();
    let name = name
        .strip_suffix(&format!("[{y}]"))
        .unwrap_or(name)
        .trim_end_matches([',', ' ']);
    let title = if name.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
        name
    } else {
        id
    };
    Some(decision(title, &format!("{country}:{court}"), y))
}

#[cfg(test)]
mod tests {
    use super::precedent;

    fn read(t: &str) -> (String, String, i32) {
        let r = precedent(t).unwrap_or_else(|| panic!("no decision in {t}"));
        (r.title.unwrap(), r.publisher.unwrap(), r.year.unwrap())
    }

    #[test]
    fn nordic_series() {
        for (t, title, court, year) in [
            ("KKO 2005:64.", "KKO 2005:64", "KKO", 2005),
            ("KKO:1999:115, para 11", "KKO:1999:115", "KKO", 1999),
            ("KHO 2010:12", "KHO 2010:12", "KHO", 2010),
            ("NJA 1999 s. 123.", "NJA 1999 s. 123", "NJA", 1999),
            ("HFD 2015 ref. 12", "HFD 2015 ref. 12", "HFD", 2015),
            ("Rt. 2005 s. 64", "Rt. 2005 s. 64", "Rt", 2005),
            ("Rt-2005-64", "Rt-2005-64", "Rt", 2005),
            ("HR-2016-2554-A, avsnitt 40", "HR-2016-2554-A", "HR", 2016),
            ("UfR 2005.64 H.", "UfR 2005.64 H", "UfR", 2005),
        ] {
            assert_eq!(read(t), (title.into(), court.into(), year), "{t}");
        }
        for not in [
            "KKO 2005",
            "HR 12 July 2013",
            "NJA 1999 s.",
            "Rt 2005:64abc",
            "RHINE 2005:4",
            "KKO 1500:3",
        ] {
            assert!(precedent(not).is_none(), "{not}");
        }
    }

    #[test]
    fn decisions_by_their_ecli() {
        assert_eq!(
            read("Case C-131/12 Google Spain [2014] ECLI:EU:C:2014:317, para 45."),
            ("Case C-131/12 Google Spain".into(), "EU:C".into(), 2014)
        );
        assert_eq!(
            read("ECLI:NL:HR:2009:BH2162."),
            ("ECLI:NL:HR:2009:BH2162".into(), "NL:HR".into(), 2009)
        );
        assert!(precedent("ECLI:EU:C:14:317").is_none());
        assert!(precedent("see the ECLI: page").is_none());
        // Only in the first citation of a note.
        assert!(precedent("Holm (n 1) 52; C-1/20 X, ECLI:EU:C:2021:1").is_none());
    }
}
