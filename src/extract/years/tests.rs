use super::*;

const RANGE: (i32, i32) = (1949, 2021);

fn labels(text: &str) -> Vec<(String, &'static str)> {
    find_years(text, RANGE)
        .into_iter()
        .map(|h| (h.label, h.precision.name()))
        .collect()
}

fn one(text: &str) -> YearHit {
    let mut v = find_years(text, RANGE);
    assert_eq!(v.len(), 1, "{text}: {v:?}");
    v.remove(0)
}

#[test]
fn plain_years_from_the_seeds() {
    let t = "After the Chinese Communist Revolution in 1949, there developed a close relationship";
    let h = one(t);
    assert_eq!(
        (h.year, h.precision, &t[h.start..h.end]),
        (1949, Precision::Year, "1949")
    );
    assert_eq!(
        labels("as exemplified by their border clash of 1969."),
        vec![("1969".into(), "year")]
    );
    assert_eq!(
        labels("Russia's 2014 annexation of Crimea"),
        vec![("2014".into(), "year")]
    );
}

#[test]
fn ranges_are_found_and_clipped() {
    let h = one("during the period of the Cold War (1947- 91), where");
    assert_eq!(
        (h.year, h.end_year, h.clipped, h.label.as_str()),
        (1949, Some(1991), true, "1947–1991")
    );
    let h = one("between 1991 and 2010 trade grew");
    assert_eq!((h.year, h.end_year, h.clipped), (1991, Some(2010), false));
    assert_eq!(
        labels("in 2006-2007 and 2016- 2020"),
        vec![("2006–2007".into(), "range"), ("2016–2020".into(), "range")]
    );
    assert_eq!(
        labels("from 2019 to 2030"),
        vec![("2019–2030".into(), "range")]
    );
    assert!(find_years("from 2019 to 2030", RANGE)[0].clipped);
    assert!(labels("from 1900 to 1940").is_empty(), "wholly outside");
}

#[test]
fn ranges_in_words_of_other_languages() {
    for t in [
        "rénovés entre 2004 et 2006, puis",
        "de 2004 à 2006 les quais",
        "entre 2004 y 2006 el puerto",
        "desde 2004 hasta 2006 el puerto",
        "dal 2004 al 2006 il porto",
        "zwischen 2004 und 2006 wurde",
        "von 2004 bis 2006 wurde",
        "с 2004 по 2006 год",
        "между 2004 и 2006 годами",
    ] {
        assert_eq!(labels(t), vec![("2004–2006".into(), "range")], "{t}");
    }
    // The word must open the span, the joiner must be its own.
    assert_eq!(labels("l'accord de 2004 à Paris").len(), 1);
    assert_eq!(labels("entre 2004 und 2006").len(), 2);
}

#[test]
fn decades() {
    let t = "more aligned now than at any point since in the mid-1950s and";
    let h = one(t);
    assert_eq!(
        (h.year, h.end_year, h.label.as_str(), &t[h.start..h.end]),
        (1950, Some(1959), "mid-1950s", "mid-1950s")
    );
    assert_eq!(
        labels("severed its ties with them in the 1960s and"),
        vec![("1960s".into(), "decade")]
    );
    assert_eq!(
        labels("in the early 1990s, late 2000s"),
        vec![
            ("early-1990s".into(), "decade"),
            ("late-2000s".into(), "decade")
        ]
    );
    assert_eq!(
        labels("protests in the 1960's and early 1990’s"),
        vec![("1960s".into(), "decade"), ("early-1990s".into(), "decade")]
    );
    // A possessive after a month or alone is a date.
    assert_eq!(
        labels("March 2020's lockdown emptied the ground"),
        vec![("March 2020".into(), "month")]
    );
    assert_eq!(
        labels("cuts in 2020's budget were"),
        vec![("2020".into(), "year")]
    );
    // Two digits with a decade's mark (see `short_decades`).
    let t = "through the mid-\u{2019}80s and the '90s";
    let h = &find_years(t, RANGE)[0];
    assert_eq!(
        (h.label.as_str(), &t[h.start..h.end], h.end_year),
        ("mid-1980s", "mid-\u{2019}80s", Some(1989))
    );
    assert_eq!(
        labels("the mid-\u{2019}80s and the '90s, in her 70s"),
        vec![("mid-1980s".into(), "decade"), ("1990s".into(), "decade")]
    );
    // Outside the range: the '20s are not 2020s.
    assert_eq!(labels("the Roaring '20s"), vec![]);
}

#[test]
fn dates() {
    let t = "In February 2012, Russian President Dmitry Medvedev signed a decree";
    let h = one(t);
    assert_eq!(
        (h.label.as_str(), h.precision, &t[h.start..h.end]),
        ("February 2012", Precision::Month, "February 2012")
    );
    let t = "The Wire. 25th May 2020. <https://thewire.in/trade/dollar-currency-trade>.";
    let h = one(t);
    assert_eq!(
        (h.label.as_str(), h.precision, &t[h.start..h.end]),
        ("25 May 2020", Precision::Day, "25th May 2020")
    );
    assert_eq!(
        labels("sent on 26 August 2020."),
        vec![("26 August 2020".into(), "day")]
    );
    assert_eq!(
        labels("near Tal Baydar, northeast Syria, October 12, 2019. /VCG"),
        vec![("12 October 2019".into(), "day")]
    );
    assert_eq!(
        labels("on the 31st of July 1989, by the 2nd of May, 1990, the 16th of May 1990, and 12 of June 1991"),
        vec![
            ("31 July 1989".into(), "day"),
            ("2 May 1990".into(), "day"),
            ("16 May 1990".into(), "day"),
            ("June 1991".into(), "month")
        ]
    );
    assert_eq!(
        labels("In September 1999 the"),
        vec![("September 1999".into(), "month")]
    );
}

#[test]
fn no_false_years() {
    for t in [
        "which is expected to grow by 36 percent to $147 billion in 2021.",
        "vol 21, no. 3, 2009, pp. 315-328.",
        "Beijing has inked a 25-year comprehensive agreement",
        "<https://www.foreignaffairs.com/articles/china/2021-05-03/china-and-russias-dangerous-convergence>",
        "doi:10.1080/10163270903087329",
        "write to opinions2021@cgtn.com",
        "a force of 1950 troops and 2,000 tanks, 1,999 ships, 2019.5 units",
        "COVID- 19 pandemic",
        "in 2030 China will",
        "code A1999 or 1999B",
        "it was 2001% higher",
        "see map-1689.png, report_1999.pdf and scan-2004.JPG.",
    ] {
        let found: Vec<_> = find_years(t, RANGE).into_iter().filter(|h| h.year != 2021 && h.year != 2009).collect();
        assert!(found.is_empty(), "{t}: {found:?}");
    }
    // A file's extension, not a missing space, makes a name.
    assert_eq!(
        labels("founded in 1998.It grew"),
        vec![("1998".into(), "year")]
    );
    assert_eq!(
        labels("$147 billion in 2021."),
        vec![("2021".into(), "year")]
    );
}

#[test]
fn configurable_range() {
    assert!(find_years("in 1905 and 1948", RANGE).is_empty());
    assert_eq!(find_years("in 1905", (1900, 1910)).len(), 1);
}

#[test]
fn hostile() {
    for t in [
        "",
        "2",
        "19491949",
        "1949-",
        "1949–",
        "between 1991 and",
        "-1949-",
        "£1949",
        "1949s",
        "mid-",
        "May",
        "31st 2020",
        "١٩٤٩",
    ] {
        let _ = find_years(t, RANGE);
    }
    let big = "In 1999, and 2000-01. ".repeat(20_000);
    assert_eq!(find_years(&big, RANGE).len(), 40_000);
}

#[test]
fn wide_spaces_next_to_years_do_not_panic() {
    for space in ["\u{00a0}", "\u{2009}", "\u{202f}", "\u{3000}"] {
        let t = format!("In{space}1991{space}and{space}May{space}2005,{space}the{space}mid-1950s{space}1991{space}–{space}2010 www.x{space}2001.");
        let hits = find_years(&t, (1900, 2100));
        assert!(hits.iter().any(|h| h.year == 1991), "{t:?}: {hits:?}");
        for h in hits {
            assert!(t.is_char_boundary(h.start) && t.is_char_boundary(h.end));
        }
    }
}

/// Work per number is bounded: a paragraph ten times as long with ten
/// times the years takes about ten times as long.
#[test]
fn many_years_in_one_paragraph_stay_linear() {
    let time = |n: usize| {
        let t = "在1991年 between 1991 and 2001 percent 1999 doi 2000 ".repeat(n);
        let start = std::time::Instant::now();
        let hits = find_years(&t, (1900, 2100));
        assert!(hits.len() >= n);
        start.elapsed().as_secs_f64()
    };
    let small = time(2_000).max(1e-4);
    let large = time(20_000);
    assert!(large / small < 40.0, "{small} s, then {large} s");
}

#[test]
fn dates_in_the_forms_real_texts_use() {
    let l = |t: &str| labels(t);
    let one_label = |t: &str| {
        let v = l(t);
        assert_eq!(v.len(), 1, "{t}: {v:?}");
        v[0].clone()
    };
    assert_eq!(
        one_label("signed on 28.12.1999 in Moscow"),
        ("28 December 1999".into(), "day")
    );
    assert_eq!(
        one_label("from 17.5.2005, the rule applied."),
        ("17 May 2005".into(), "day")
    );
    assert_eq!(
        one_label("released 2019-05-17 by the office"),
        ("17 May 2019".into(), "day")
    );
    assert_eq!(
        one_label("the 2005-6 season"),
        ("2005–2006".into(), "range")
    );
    assert_eq!(
        one_label("in 2003/2004 prices rose"),
        ("2003–2004".into(), "range")
    );
    assert_eq!(
        one_label("borrowing for 2003/4 is lower"),
        ("2003–2004".into(), "range")
    );
    assert_eq!(
        one_label("the 1998/99 season"),
        ("1998–1999".into(), "range")
    );
    assert_eq!(
        one_label("after the crisis (June 2011) prices fell"),
        ("June 2011".into(), "month")
    );
    assert_eq!(
        one_label("il 22 aprile 1951 la città"),
        ("22 April 1951".into(), "day")
    );
    assert_eq!(
        one_label("подписан 28 декабря 1999 г. в Москве"),
        ("28 December 1999".into(), "day")
    );
    assert_eq!(
        one_label("le 3 mars 2011, à Paris"),
        ("3 March 2011".into(), "day")
    );
    assert_eq!(
        one_label("le 12\u{a0}mai\u{a0}2014 la ligne"),
        ("12 May 2014".into(), "day")
    );
    assert_eq!(
        one_label("au printemps\u{202f}1952."),
        ("spring 1952".into(), "season")
    );
    assert_eq!(
        one_label("in the spring of 2014 talks resumed"),
        ("spring 2014".into(), "season")
    );
    assert_eq!(
        one_label("revenue in Q3 2019 fell"),
        ("Q3 2019".into(), "season")
    );
    for (t, q) in [
        ("in the second quarter of 2019 sales", "Q2 2019"),
        ("Im 2. Quartal 2019 stieg", "Q2 2019"),
        ("au 3e trimestre 2019, les", "Q3 2019"),
        ("en el cuarto trimestre de 2019 las", "Q4 2019"),
    ] {
        assert_eq!(one_label(t), (q.into(), "season"), "{t}");
    }
    for t in [
        "Journal 35(8):1915–1929.",
        "decision KKO:1999:115 of the court",
        "Acme Shipping (1986) Ltd. filed",
        "at 2010 GMT on Tuesday",
        "computers running Windows 2000 were",
        "see pp. 1950–1960 of the report",
        "the Mars 2020 mission",
        "the shares closed at 1965 pence",
        "screens of 1960 pixels across",
        "shown from 1955 to 2015 GMT on Wednesday",
        "in breach of UN resolution 1991 on the",
        "Directive 2001/29/EC on copyright",
        "Articles 1959 and 1960 of the Civil Code",
    ] {
        assert!(l(t).is_empty() || t.contains("Mars"), "{t}: {:?}", l(t));
    }
    assert_eq!(l("the Mars 2020 mission"), vec![("2020".into(), "year")]);
}

#[test]
fn where_in_the_year_a_date_falls() {
    let within = |t: &str| one(t).within_year();
    assert_eq!(within("It was signed on 1 June 2012."), (6, 1));
    assert_eq!(within("It was signed in May 2012."), (5, 0));
    assert_eq!(within("It was signed on 2012-03-17."), (3, 17));
    assert_eq!(within("It was signed in spring 2014."), (3, 0));
    assert_eq!(within("It was signed in Q3 2019."), (7, 0));
    assert_eq!(within("It was signed in 2019."), (0, 0));
    assert_eq!(within("It ran from 1991 to 1995."), (0, 0));
}

#[test]
fn spans_inside_one_year_keep_both_ends() {
    for (text, label, precision) in [
        (
            "Fieldwork took place in June–August 2009.",
            "June–August 2009",
            "month",
        ),
        (
            "It ran from January to March 2015.",
            "January–March 2015",
            "month",
        ),
        (
            "It ran between March and May 2012.",
            "March–May 2012",
            "month",
        ),
        ("It ran March – May 2016.", "March–May 2016", "month"),
        (
            "The drought lasted from 12 to 19 July 2010.",
            "12–19 July 2010",
            "day",
        ),
        (
            "The drought lasted 12–19 July 2010.",
            "12–19 July 2010",
            "day",
        ),
        (
            "Prices rose from 3 May to 7 June 2011.",
            "3 May – 7 June 2011",
            "day",
        ),
    ] {
        assert_eq!(labels(text), [(label.to_string(), precision)], "{text}");
    }
    // Two months or days named, not a span; an end before its start.
    assert_eq!(
        labels("Votes were held in March and May 2012."),
        [("May 2012".to_string(), "month")]
    );
    assert_eq!(
        labels("Votes were held on 4 and 18 March 2018."),
        [("18 March 2018".to_string(), "day")]
    );
    assert_eq!(
        labels("It ran from May to March 2015."),
        [("March 2015".to_string(), "month")]
    );
    assert_eq!(
        labels("In Proc. ASPLOS, pp. 12-24, October 1994."),
        [("October 1994".to_string(), "month")],
        "pages before a date"
    );
    let h = one("The drought lasted from 12 to 19 July 2010.");
    assert_eq!(h.within_year(), (7, 12));
    assert_eq!(
        one("Prices rose from 3 May to 7 June 2011.").within_year(),
        (5, 3)
    );
}

#[test]
fn dates_and_spans_as_other_languages_write_them() {
    for (text, label) in [
        (
            "Der Vertrag wurde am 7. Juni 2011 unterzeichnet.",
            "7 June 2011",
        ),
        (
            "Die Konferenz fand vom 3. bis 7. Juni 2012 statt.",
            "3–7 June 2012",
        ),
        (
            "La conférence eut lieu du 3 au 7 juin 2014.",
            "3–7 June 2014",
        ),
        ("Конференция прошла с 3 по 7 июня 2016 г.", "3–7 June 2016"),
        ("El acuerdo se firmó el 7 de junio de 2017.", "7 June 2017"),
        (
            "Depuis le 1er janvier 2017, la règle change.",
            "1 January 2017",
        ),
        ("Voir CE, 5 juill. 2010, req. n° 330734.", "5 July 2010"),
        ("El 1º de mayo de 2018 entró en vigor.", "1 May 2018"),
        (
            "La conferencia se celebró del 3 al 7 de junio de 2017.",
            "3–7 June 2017",
        ),
        (
            "O acordo foi assinado em 12 de março de 2019.",
            "12 March 2019",
        ),
        ("Het verdrag werd op 3 mei 2016 getekend.", "3 May 2016"),
    ] {
        assert_eq!(labels(text), [(label.to_string(), "day")], "{text}");
    }
}

#[test]
fn fiscal_years() {
    assert_eq!(
        labels("strong results for FY2019 and again in FY 2021."),
        vec![("2019".into(), "year"), ("2021".into(), "year")]
    );
    // Letters glued to the number are still an identifier.
    assert!(labels("the XFY2019 part and model AB2019").is_empty());
}
