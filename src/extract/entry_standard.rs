//! Standards cited by their body and number, as engineering papers cite
//! them (`3GPP TS 23.501: "System architecture for the 5G System".`,
//! `ISO/IEC 23009-1:2014, Dynamic adaptive streaming over HTTP`,
//! `Recommendation ITU-T P.1203 (10/2017): "…"`, `IETF RFC 8216, HTTP
//! Live Streaming, 2017.`): the body is the author, the designation the
//! series (`3GPP TS 23.501`), the words after it the title; the year is
//! the one the designation or its date gives, if any.

use super::citations::Reference;
use super::entries::{take_label, Entry};
use super::names::Person;

/// Bodies that publish standards, as citations name them, longest first
/// where one begins another.
const BODIES: &[&str] = &[
    "ISO/IEC/IEEE",
    "ISO/IEC",
    "ISO/TS",
    "ISO",
    "IEC",
    "3GPP",
    "ITU-T",
    "ITU-R",
    "IEEE Std",
    "IETF",
    "RFC",
    "ETSI",
    "ANSI",
    "ASTM",
    "NIST SP",
    "DIN EN",
    "DIN",
    "BS EN",
    "CEN",
];

/// An entry that opens with a standard's body and number.
pub(super) fn standard_entry(marked: &str, urls: &[String]) -> Option<Entry> {
    let (label, body) = take_label(marked);
    let text = body.trim();
    let text = text.strip_prefix("Recommendation ").unwrap_or(text);
    let text = text.strip_prefix("Standard ").unwrap_or(text);
    let org = BODIES.iter().find(|b| {
        text.strip_prefix(**b)
            .is_some_and(|r| r.starts_with([' ', '\u{a0}']))
    })?;
    // The designation: the body, a document kind in capitals (`TS`, `TR`,
    // `RFC`, `EN`), then a number with its parts (`23.501`, `23009-1:2014`,
    // `P.1203`, `802.11-2016`).
    let words: Vec<&str> = text[org.len()..].split_whitespace().collect();
    let mut at = 0;
    while words
        .get(at)
        .is_some_and(|w| w.len() <= 4 && w.chars().all(|c| c.is_ascii_uppercase()))
    {
        at += 1;
    }
    let number = words.get(at)?.trim_end_matches([',', ':', ';']);
    let numbered = number.chars().any(|c| c.is_ascii_digit())
        && number
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-:/".contains(c))
        && number.chars().filter(char::is_ascii_alphabetic).count() <= 2;
    if !numbered {
        return None;
    }
    let designation = format!("{org} {}", words[..=at].join(" "))
        .trim_end_matches([',', ':', ';'])
        .to_string();
    let joined = words[at + 1..].join(" ");
    // `(10/2017)`, `(2010-04-23)`: the version's date.
    let (date, rest) = match joined.strip_prefix('(').and_then(|r| r.split_once(')')) {
        Some((date, rest)) => (Some(date), rest),
        None => (None, joined.as_str()),
    };
    let year = year_in(number).or_else(|| date.and_then(year_in));
    let title = rest
        .trim_start_matches([':', ',', ' ', '-', '\u{2013}'])
        .trim_start_matches(['"', '\u{201c}'])
        .split(['"', '\u{201d}'])
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches(['.', ',', ' ']);
    let mut title = title.split(". ").next().unwrap_or(title).trim();
    // `HTTP Semantics, June 2022`: the date after a title not quoted.
    if let Some((head, tail)) = title.rsplit_once(", ") {
        let dated = tail.split_whitespace().count() <= 3
            && tail.split_whitespace().any(|w| plausible_year(w).is_some());
        if dated {
            title = head;
        }
    }
    if title.split_whitespace().count() < 2 || !title.starts_with(char::is_alphanumeric) {
        return None;
    }
    // A year written after the title (`…, 2017.`).
    let after = &rest[rest.find(title).map_or(0, |k| k + title.len())..];
    let year = year.or_else(|| {
        after
            .split(|c: char| !c.is_ascii_digit())
            .find_map(plausible_year)
    });
    Some(Entry {
        label: label.map(str::to_string),
        reference: Reference {
            authors: vec![Person {
                family: org
                    .trim_end_matches(" Std")
                    .trim_end_matches(" SP")
                    .to_string(),
                given: String::new(),
            }],
            title: Some(title.to_string()),
            container: Some(designation),
            year,
            date: year.map(|y| y.to_string()),
            urls: urls.to_vec(),
            kind: "report",
            ..Reference::default()
        },
    })
}

/// A year inside a designation or a date: `23009-1:2014` (2014),
/// `10/2017` (2017), `2010-04-23` (2010); not `23.501` nor `802.11`.
fn year_in(text: &str) -> Option<i32> {
    text.split([':', '/', '-', ' ']).find_map(plausible_year)
}

fn plausible_year(w: &str) -> Option<i32> {
    (w.len() == 4)
        .then(|| w.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Reference {
        standard_entry(text, &[])
            .unwrap_or_else(|| panic!("not a standard: {text}"))
            .reference
    }

    #[test]
    fn standards_are_read_by_body_number_and_title() {
        let r = read("3GPP TS 24.301: \"Non-Access-Stratum (NAS) protocol for EPS; Stage 3\".");
        assert_eq!(r.authors[0].family, "3GPP");
        assert_eq!(r.container.as_deref(), Some("3GPP TS 24.301"));
        assert_eq!(
            r.title.as_deref(),
            Some("Non-Access-Stratum (NAS) protocol for EPS; Stage 3")
        );
        assert_eq!(r.year, None);
        let r = read("[4] ISO/IEC 14496-12:2015, Coding of audio-visual objects, Part 12.");
        assert_eq!(r.authors[0].family, "ISO/IEC");
        assert_eq!(
            r.title.as_deref(),
            Some("Coding of audio-visual objects, Part 12")
        );
        assert_eq!(r.year, Some(2015));
        let r = read("Recommendation ITU-T G.1035 (11/2021): \"Influencing factors on quality of experience for virtual reality services\".");
        assert_eq!(r.authors[0].family, "ITU-T");
        assert_eq!(r.year, Some(2021));
        let r = read("IETF RFC 9110, HTTP Semantics, June 2022.");
        assert_eq!(r.container.as_deref(), Some("IETF RFC 9110"));
        assert_eq!(r.title.as_deref(), Some("HTTP Semantics"));
        assert_eq!(r.year, Some(2022));
        let r = read("IEEE Std 802.15.4-2020: \"Low-Rate Wireless Networks\".");
        assert_eq!(r.authors[0].family, "IEEE");
        assert_eq!(r.year, Some(2020));
    }

    #[test]
    fn a_body_in_a_sentence_or_without_a_number_is_no_standard() {
        for text in [
            "ISO certification costs small firms dearly, 2019.",
            "3GPP TS: a vocabulary.",
            "ISO 9001",
            "IEEE Std 1003.1:",
            "ETSI Berg, A. Notes on radio. Radio Rev. 2004; 3: 1-9.",
            "ANSI",
        ] {
            assert!(standard_entry(text, &[]).is_none(), "{text}");
        }
    }

    #[test]
    fn hostile_text_does_not_panic() {
        for text in [
            "3GPP",
            "3GPP ",
            "ISO \u{e9}",
            "ISO/IEC 1\u{e9}:2014: \u{201c}",
            "RFC 1 (",
            "RFC 1 ()",
            "IETF RFC 9110, \u{e9}\u{e9}, 2022",
            "Recommendation ",
            "ITU-T P.1 (10/2017):",
        ] {
            let _ = standard_entry(text, &[]);
        }
    }
}
