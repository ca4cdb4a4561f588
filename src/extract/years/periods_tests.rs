//! Tests of centuries, fiscal years and decades qualified in other
//! languages.

use super::*;

#[test]
fn a_round_hundred_before_1900_names_its_century() {
    let find = |t: &str| find_years(t, (1500, 2030));
    let h = &find("The firm was founded in the 1800s.")[0];
    assert_eq!(
        (h.year, h.end_year, h.label.as_str()),
        (1800, Some(1899), "1800s")
    );
    let h = &find("в 1700-е годы")[0];
    assert_eq!((h.year, h.end_year), (1700, Some(1799)));
    // The 1900s and the 2000s stay decades; so does any other.
    assert_eq!(find("in the 1900s")[0].end_year, Some(1909));
    assert_eq!(find("in the 2000s")[0].end_year, Some(2009));
    assert_eq!(find("in the 1850s")[0].end_year, Some(1859));
}

#[test]
fn fiscal_years_with_two_digits() {
    let find = |t: &str| find_years(t, (1949, 2030));
    let h = &find("Revenue grew in FY24, the firm said.")[0];
    assert_eq!((h.year, h.label.as_str()), (2024, "2024"));
    assert_eq!(find("the FY 99 budget")[0].year, 1999);
    assert!(find("model AFY24 and FY24b").is_empty());
}

#[test]
fn decades_qualified_in_other_languages() {
    let labels = |t: &str| -> Vec<String> {
        find_years(t, (1900, 2030))
            .into_iter()
            .map(|h| h.label)
            .collect()
    };
    assert_eq!(labels("В начале 2000-х годов стороны"), ["early-2000s"]);
    assert_eq!(labels("в конце 1990-х переговоры"), ["late-1990s"]);
    assert_eq!(labels("в середине 80-х годов"), ["mid-1980s"]);
    assert_eq!(labels("au début des années 1990, la"), ["early-1990s"]);
    assert_eq!(labels("à la fin des années 80"), ["late-1980s"]);
    assert_eq!(labels("Anfang der 1990er Jahre"), ["early-1990s"]);
    assert_eq!(labels("a finales de los años 80"), ["late-1980s"]);
    assert_eq!(labels("Уже к середине 1990-х гг. торговля"), ["mid-1990s"]);
    assert_eq!(labels("к концу 1980-х годов"), ["late-1980s"]);
    assert_eq!(
        labels("alla fine anni '70 e a metà anni Ottanta"),
        ["late-1970s", "mid-1980s"]
    );
    // Magnitudes after a number: not a year.
    assert!(labels("составили 2000 млрд кубометров").is_empty());
}
