use super::*;

#[test]
fn numeric_dates() {
    let d = |b: &str| numeric_date_before(b, 1999).map(|(s, l, _)| (s, l));
    assert_eq!(d("on 28.12."), Some((3, "28 December 1999".into())));
    assert_eq!(d("on 7.5."), Some((3, "7 May 1999".into())));
    assert_eq!(d("17/05/"), Some((0, "17 May 1999".into())));
    assert_eq!(d("05/17/"), Some((0, "17 May 1999".into())));
    assert_eq!(d("03/04/"), Some((0, "1999".into())));
    assert_eq!(d("v1.2."), None);
    assert_eq!(d("1.2.3."), None);
    assert_eq!(d("40.13."), None);
}

#[test]
fn decades_in_other_languages() {
    let d = |b: &str, a: &str, y: i32| foreign_decade(b, a, y);
    assert_eq!(d("в ", "-е годы", 1960), Some(3));
    assert_eq!(d("начала ", "-х гг.", 1990), Some(3));
    assert_eq!(d("в ", "-ые", 1960), Some(5));
    assert_eq!(d("in den ", "er Jahren", 1960), Some(2));
    assert_eq!(d("die ", "er-Jahre", 1970), Some(2));
    assert_eq!(d("les années ", " ont", 1960), Some(0));
    assert_eq!(d("LES ANNÉES ", " ONT", 1960), Some(0));
    assert_eq!(d("la década de ", ",", 1980), Some(0));
    assert_eq!(d("negli anni ", " il", 1970), Some(0));
    // Not a decade: a year not ending in 0, another word, a longer word.
    assert_eq!(d("les années ", " ont", 1965), None);
    assert_eq!(d("в ", "-м году", 1960), None);
    assert_eq!(d("in ", "era", 1960), None);
    assert_eq!(d("en los años ", "", 1990), Some(0));
    assert_eq!(d("los daños ", "", 1990), None);
}

#[test]
fn iso_dates() {
    assert_eq!(
        iso_after("-05-17 was", 2019),
        Some((6, "17 May 2019".into(), Precision::Day))
    );
    assert_eq!(
        iso_after("-03 data", 2019),
        Some((3, "March 2019".into(), Precision::Month))
    );
    // A short range, not a month.
    assert_eq!(iso_after("-06", 2005), None);
    assert_eq!(iso_after("-13-01", 2019), None);
}

#[test]
fn seasons_and_quarters() {
    let s = |b: &str| season_before(b, 2014);
    assert_eq!(s("in spring "), Some((3, "spring 2014".into())));
    assert_eq!(s("in the autumn of "), Some((7, "autumn 2014".into())));
    assert_eq!(s("growth in Q3 "), Some((10, "Q3 2014".into())));
    assert_eq!(s("in the third quarter of "), Some((7, "Q3 2014".into())));
    assert_eq!(s("in May "), None);
    assert_eq!(s("au printemps "), Some((3, "spring 2014".into())));
    assert_eq!(s("en la primavera de "), Some((6, "spring 2014".into())));
    assert_eq!(s("im Herbst "), Some((3, "autumn 2014".into())));
    assert_eq!(s("зимой "), Some((0, "winter 2014".into())));
    // An elided article before the season: Italian, French.
    assert_eq!(
        s("iniziati nell\u{2019}estate del "),
        Some((16, "summer 2014".into()))
    );
    assert_eq!(s("depuis l'hiver "), Some((9, "winter 2014".into())));
    assert_eq!(s("rock'n'roll "), None);
}

#[test]
fn chinese_and_japanese_dates() {
    let d = |after: &str| east_asian_after(after, 2014);
    assert_eq!(
        d("年5月21日，两国"),
        Some((12, "21 May 2014".into(), Precision::Day))
    );
    assert_eq!(
        d("年12月开始"),
        Some((8, "December 2014".into(), Precision::Month))
    );
    assert_eq!(d("年，双方"), Some((3, "2014".into(), Precision::Year)));
    assert_eq!(
        d("年１２月"),
        Some((12, "December 2014".into(), Precision::Month))
    );
    assert_eq!(d("年13月"), Some((3, "2014".into(), Precision::Year)));
    assert_eq!(d("年"), Some((3, "2014".into(), Precision::Year)));
    assert_eq!(d(" 年"), None);
}

#[test]
fn month_names_of_other_languages() {
    assert_eq!(foreign_month("aprile"), Some(3));
    assert_eq!(foreign_month("décembre"), Some(11));
    assert_eq!(foreign_month("März"), Some(2));
    assert_eq!(foreign_month("декабря"), Some(11));
    assert_eq!(foreign_month("Mars"), None, "the planet, not March");
    assert_eq!(foreign_month("mayo"), Some(4));
    assert_eq!(foreign_month("juill."), Some(6));
    assert_eq!(foreign_month("Okt."), Some(9));
    assert_eq!(foreign_month("ago."), Some(7));
    assert_eq!(
        foreign_month("ago"),
        None,
        "an English word without its point"
    );
    assert_eq!(foreign_month("março"), Some(2));
    assert_eq!(foreign_month("mei"), Some(4));
    assert_eq!(foreign_month("Mei"), None, "a name");
}

#[test]
fn halves_and_quarters_written_short() {
    let label = |t: &str| {
        let y = t.rfind(|c: char| c.is_ascii_digit()).unwrap() - 3;
        season_before(&t[..y], t[y..y + 4].parse().unwrap()).map(|(_, l)| l)
    };
    assert_eq!(label("Sales fell in H1 2024"), Some("H1 2024".into()));
    assert_eq!(label("results for 2H 2023"), Some("H2 2023".into()));
    assert_eq!(label("Growth returned in 2Q 2023"), Some("Q2 2023".into()));
    assert_eq!(label("in the first half of 2021"), Some("H1 2021".into()));
    assert_eq!(label("au premier semestre 2019"), Some("H1 2019".into()));
    assert_eq!(label("im 2. Halbjahr 2020"), Some("H2 2020".into()));
    assert_eq!(label("the other half of 2021"), None);
    assert_eq!(label("В первом полугодии 2021"), Some("H1 2021".into()));
    assert_eq!(label("Во II квартале 2022"), Some("Q2 2022".into()));
    assert_eq!(label("в третьем квартале 2020"), Some("Q3 2020".into()));
}
