use super::*;

#[test]
fn dates_read_naturally() {
    assert_eq!(display_date("2021-06-05"), "5 June 2021");
    assert_eq!(display_date("2021-03"), "March 2021");
    assert_eq!(display_date("2021"), "2021");
    assert_eq!(display_date("2021-13"), "2021-13");
    let tables = |l: &str| {
        crate::theme::strings::load(
            std::path::Path::new("/nonexistent"),
            "default",
            l,
            &toml::Table::new(),
        )
        .unwrap()
    };
    assert_eq!(display_date_in("2021-06-05", &tables("en")), "5 June 2021");
    assert_eq!(
        display_date_in("2021-06-05", &tables("ru")),
        "5 июня 2021 г."
    );
    assert_eq!(display_date_in("2021-06", &tables("ru")), "июнь 2021 г.");
    assert_eq!(display_date_in("2021-06-05", &tables("zh")), "2021年6月5日");
    assert_eq!(display_date_in("2021-06-05", &tables("de")), "5. Juni 2021");
    assert_eq!(display_date_in("2021-06-05", &tables("fr")), "5 juin 2021");
    assert_eq!(display_date_in("2021", &tables("fr")), "2021");
    assert_eq!(
        localize_label("21 May 2014", &tables("ru")),
        "21 мая 2014 г."
    );
    assert_eq!(localize_label("December 2019", &tables("zh")), "2019年12月");
    assert_eq!(localize_label("late-1980s", &tables("zh")), "1980年代末");
    assert_eq!(
        localize_label("early-1990s", &tables("fr")),
        "début des années 1990"
    );
    assert_eq!(
        localize_label("mid-1950s", &tables("ru")),
        "середина 1950-х"
    );
    assert_eq!(localize_label("mid-1950s", &tables("en")), "mid-1950s");
    assert_eq!(localize_label("mid-19", &tables("fr")), "mid-19");
    assert_eq!(localize_label("winter 2018", &tables("ru")), "зима 2018");
    assert_eq!(localize_label("fall 2018", &tables("fr")), "automne 2018");
    assert_eq!(localize_label("Q2 2022", &tables("zh")), "2022年第2季度");
    assert_eq!(localize_label("H1 2021", &tables("de")), "1. Halbjahr 2021");
    assert_eq!(localize_label("Q2 2022", &tables("en")), "Q2 2022");
    assert_eq!(localize_label("Z9 2022", &tables("fr")), "Z9 2022");
    assert_eq!(localize_label("1990s", &tables("de")), "1990er");
    assert_eq!(localize_label("spring 2014", &tables("ru")), "весна 2014");
    assert_eq!(localize_label("21 May 2014", &tables("en")), "21 May 2014");
    use crate::extract::years::{is_month_name, month_name};
    assert!((0..12).all(|i| is_month_name(&month_name(i), i)));
    assert!(!is_month_name("may", 4) && !is_month_name("Mayo", 4) && !is_month_name("", 4));
}

#[test]
fn names_join() {
    let n = |v: &[&str]| join_names(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    assert_eq!(n(&[]), "");
    assert_eq!(n(&["A"]), "A");
    assert_eq!(n(&["A", "B"]), "A and B");
    assert_eq!(n(&["A", "B", "C"]), "A, B and C");
}
