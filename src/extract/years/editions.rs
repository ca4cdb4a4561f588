//! Years that number an edition of something named, not a time: a data
//! set or benchmark (`COCO 2017`, `PASCAL VOC 2007`, `SemEval-2016 Task
//! 5`), a shared task or a conference (`WMT 2014`, `NeurIPS 2020`). What
//! papers converted from PDF say of their experiments; a sentence that
//! holds one states nothing dated. Only the timeline asks: in a reference
//! (`Proc. ICML 2019`) the same year is when the work appeared.
//!
//! The name is an acronym (`VOC`, `ILSVRC`) or written with a capital
//! inside (`SemEval`, `ImageNet`) and stands right before the year. An
//! event of that year named after a state or a bloc stays a date (`the
//! G20 2019 summit`, `the US 2020 election`): so does any year followed
//! by a word for an event, and a year after an era or a month in capitals
//! (`AD 1066`, `MAY 2019`).

/// Names whose year is when something happened to them, not an edition.
const DATED_NAMES: &[&str] = &[
    "US",
    "USA",
    "UK",
    "EU",
    "UN",
    "USSR",
    "PRC",
    "DPRK",
    "ROK",
    "NATO",
    "ASEAN",
    // A fiscal year: `FY 2021`.
    "FY",
    "APEC",
    "BRICS",
    "SCO",
    "CSTO",
    "OSCE",
    "WTO",
    "IMF",
    "OPEC",
    "CIS",
    "G7",
    "G8",
    "G20",
    "AD",
    "BC",
    "BCE",
    "CE",
    "СССР",
    "США",
    "РФ",
    "КНР",
    "ЕС",
    "ООН",
    "НАТО",
    "ШОС",
    "БРИКС",
    "СНГ",
    "ОДКБ",
    "АСЕАН",
    "JAN",
    "FEB",
    "MAR",
    "APR",
    "MAY",
    "JUN",
    "JUNE",
    "JUL",
    "JULY",
    "AUG",
    "SEP",
    "SEPT",
    "OCT",
    "NOV",
    "DEC",
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
    // Words of a line set in capitals (`SINCE 2019`, `THE 2019 ELECTION`).
    "THE",
    "IN",
    "SINCE",
    "OF",
    "FOR",
    "AND",
    "BY",
    "FROM",
    "TO",
    "AT",
    "ON",
    "UNTIL",
    "AFTER",
    "BEFORE",
    "DURING",
    "IS",
    "WAS",
];

/// Words after the year that make it the year of an event.
const EVENTS: &[&str] = &[
    "summit",
    "summits",
    "election",
    "elections",
    "games",
    "olympics",
    "cup",
    "meeting",
    "crisis",
    "war",
    "pandemic",
    "census",
    "campaign",
    "season",
    "championship",
    "championships",
    "final",
    "finals",
    "talks",
    "session",
    "congress",
    "referendum",
    "visit",
    "floods",
    "earthquake",
    // The word for a year (`распад СССР 1991 года`).
    "year",
    "года",
    "год",
    "году",
    "jahr",
    "jahres",
    "année",
    "año",
    "anno",
];

/// Whether the four digits after `before` (and before `after`) number an
/// edition of the name before them.
pub fn is_edition(before: &str, after: &str) -> bool {
    let Some(head) = before.strip_suffix([' ', '-']) else {
        return false;
    };
    let name = head
        .rsplit(|c: char| c.is_whitespace() || "(“\"'".contains(c))
        .next()
        .unwrap_or("");
    if !names_something(name) || DATED_NAMES.contains(&name) {
        return false;
    }
    let next = after
        .trim_start_matches([' ', '-'])
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    !EVENTS.contains(&next.as_str())
}

/// An acronym (`VOC`, `WMT`, `ILSVRC`, `H1N1`: two capitals at least, no
/// lower case) or a name with a capital inside (`SemEval`, `ImageNet`).
fn names_something(word: &str) -> bool {
    if !word.chars().all(|c| c.is_alphanumeric()) {
        return false;
    }
    let capitals = word.chars().filter(|c| c.is_uppercase()).count();
    let lower = word.chars().any(char::is_lowercase);
    let acronym = capitals >= 2 && !lower;
    let inner_capital = word.starts_with(char::is_uppercase)
        && lower
        && word.chars().skip(1).any(char::is_uppercase)
        && word.chars().count() >= 4;
    acronym || inner_capital
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editions_of_data_sets_tasks_and_conferences() {
        for (before, after) in [
            ("We train on the COCO ", " split"),
            ("and evaluate on PASCAL VOC ", "."),
            ("On the WMT ", " English–German task"),
            ("ranked first in SemEval-", " Task 5"),
            ("the protocol of ILSVRC ", "."),
            ("as shown at NeurIPS ", " and extended"),
        ] {
            assert!(is_edition(before, after), "{before}|{after}");
        }
    }

    #[test]
    fn events_eras_months_and_plain_words_stay_dates() {
        for (before, after) in [
            ("at the G20 ", " summit in Osaka"),
            ("before the US ", " election"),
            ("the SCO ", " meeting in Bishkek"),
            ("после распада СССР ", " года"),
            ("соглашение АБВ ", " года о границе"),
            ("the XYZ ", " year end"),
            ("the ABC ", " elections were held"),
            ("William landed in AD ", "."),
            ("MOSCOW, MAY ", " (Wire)"),
            ("RESULTS SINCE ", "."),
            ("in ", " the treaty"),
            ("the Treaty of ", "."),
            ("Windows ", " is old"),
            ("results for FY ", " were"),
        ] {
            assert!(!is_edition(before, after), "{before}|{after}");
        }
    }
}
