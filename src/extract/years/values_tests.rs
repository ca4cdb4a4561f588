use super::*;

#[test]
fn counts_of_things() {
    assert!(is_count("we take ", " random patches of size 150", 1600));
    // Words of quantity in French and Spanish.
    assert!(is_count("elle compte ", " adhérents.", 1960));
    assert!(is_count("unos ", " socios renovaron", 1995));
    assert!(!is_count("fondée en ", " par des bateliers", 1960));
    assert!(is_count("trägt rund ", " Fahrzeuge pro Stunde", 2010));
    assert!(!is_count("rund ", " Juni", 2010));
    assert!(is_count("leaving ", " images in the testing set", 1200));
    assert!(is_count("parameters and ", " experts, exhibits", 2048));
    assert!(is_count("store up to a ", " web links or 5000", 1000));
    assert!(!is_count("the ", " elections were", 2000));
    assert!(!is_count("in ", " profits rose", 2000));
    assert!(!is_count("between 2000 and ", " figures", 2050));
    assert!(!is_count("reached ", " and then", 1600));
    assert!(!is_count("signed in ", ", the treaty", 1950));
    assert!(!is_count("", " elections", 2000));
    assert!(!is_count("Since ", " prices", 2000));
    // Not round: a year before its noun.
    assert!(!is_count("the awesome ", " tourists", 1967));
    assert!(!is_count("hopes ", " sales will", 2005));
    // A word of quantity before it: a count, round or not.
    assert!(is_count("The new stadium holds ", " spectators and", 2020));
    assert!(is_count("The arena seats ", " fans on match days", 1990));
    assert!(!is_count("", " delegates", 1995));
    assert!(is_count("Some ", " delegates attended", 1995));
    assert!(is_count("About ", " households were surveyed", 2010));
    assert!(is_count("employs nearly ", " nurses", 1985));
    // Still years: no plural after it, or a lead of years.
    assert!(!is_count("Some ", " was a good year", 1995));
    assert!(!is_count("emissions fell around ", " levels", 2010));
    assert!(!is_count("Tokyo hosts ", " Olympics", 2021));
    // The plural must come before a function word.
    assert!(!is_count("will start ", " with a series of races", 2000));
}

#[test]
fn leads_of_years() {
    for b in [
        "signed in ",
        "since ",
        "(",
        "Wheels, ",
        "between 2003 and ",
        "в ",
        "the Code of ",
        "the Indian mutiny of ",
        "the class of ",
    ] {
        assert!(has_year_lead(b), "{b}");
    }
    for b in [
        "like the Wang ",
        "network of ",
        "and ",
        "instances, and ",
        "a population of ",
        "a total of ",
    ] {
        assert!(!has_year_lead(b), "{b}");
    }
}

#[test]
fn compound_measures() {
    assert!(is_compound_measure("-bit long number", 2048));
    assert!(is_compound_measure("-page report", 1000));
    assert!(!is_compound_measure("-era policies", 1991));
    assert!(!is_compound_measure("-05 season", 2000));
}

#[test]
fn dimensions_and_notices() {
    assert!(is_amount_or_number("images are 1024 \\times ", "."));
    assert!(is_amount_or_number("pad to ", " \\times 1024"));
    assert!(is_amount_or_number("size ", " × 80"));
    assert!(is_amount_or_number("resolutions of 2048 * ", " pixels"));
    assert!(is_amount_or_number("©", " William"));
    // Converters' copyright lines: TeX's sign in math, the word.
    assert!(is_amount_or_number(
        "dry years. $\\copyright$ ",
        " Elsevier"
    ));
    assert!(is_amount_or_number("Copyright © ", " by the authors"));
    assert!(is_amount_or_number("copyright ", " the authors"));
    assert!(!is_amount_or_number("in ", ", the"));
}

#[test]
fn tables_of_figures() {
    let row = "T5-Base · 0.2B · 124B · 768 · X · 2048 · 64 · 12";
    let s = row.find("2048").unwrap();
    assert!(in_table_of_figures(row, s, s + 4));
    let row = "1991 · Dissolution of the union";
    assert!(!in_table_of_figures(row, 0, 4));
    let row = "Switch-Base (float32) · -1.718 · 1160";
    let s = row.find("1160").unwrap();
    assert!(in_table_of_figures(row, s, s + 4));
    let row = "Indus Waters Treaty · 1960 · 2";
    let s = row.find("1960").unwrap();
    assert!(!in_table_of_figures(row, s, s + 4));
    let row = "Treaty · May 1991 · 12 · 40";
    let s = row.find("1991").unwrap();
    assert!(!in_table_of_figures(row, s, s + 4));
}
