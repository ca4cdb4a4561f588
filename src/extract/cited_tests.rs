//! Tests of `cited`: parenthetical, narrative, court and report citations.

use super::*;

/// Whether the first `year` in `text` is cited.
fn cited(text: &str, year: &str, refs: bool) -> bool {
    let start = text.find(year).unwrap();
    is_cited(text, start, start + 4, refs)
}

#[test]
fn parenthetical_citations() {
    for (t, y) in [
        ("as shown before (Raffel et al., 2019).", "2019"),
        ("as shown before (Okafor 2011; Harrow, 1998, p. 4).", "1998"),
        ("as shown before (Okafor 2011; Harrow, 1998, p. 4).", "2011"),
        ("see (Marsh & Ibe, 2021a) for more.", "2021"),
        ("a debate (see Lindqvist and Oduya 2017: 201–219).", "2017"),
        ("the model [Vaswani et al., 2017] is used.", "2017"),
        ("(Smith 2001, 2005)", "2005"),
        ("(OECD, 2020)", "2020"),
        ("(Воронцов, 2003, с. 45)", "2003"),
        ("(van der Berg, 2015)", "2015"),
    ] {
        assert!(cited(t, y, false), "{t}");
    }
}

#[test]
fn narrative_citations() {
    assert!(cited("Raffel et al. (2019) show that", "2019", false));
    assert!(cited("Harrow (1998) argues that", "1998", true));
    // Without a reference list, a name and a year in parentheses may
    // be an event: `the Treaty of Moscow (1970)`.
    assert!(!cited("the Treaty of Moscow (1970) held", "1970", false));
    // With a page, a name and a year are a citation even so.
    assert!(cited(
        "Laut Prof. Dr. Weber (2015, S. 44) begann",
        "2015",
        false
    ));
    assert!(cited("as Harrow (1998, p. 12) argues", "1998", false));
    assert!(cited(
        "As noted by Thakur et al. (2021, Table 2), zero",
        "2021",
        false
    ));
    assert!(cited("as in (Okafor 2011, Fig. 3b)", "2011", false));
    assert!(cited("Lind (2009, Appendix A.2) lists", "2009", true));
    assert!(!cited(
        "the Treaty (1970, Table Mountain) was",
        "1970",
        true
    ));
    assert!(!cited(
        "the Treaty of Moscow (1970, 44 states) held",
        "1970",
        false
    ));
    // A case's year after its report.
    assert!(cited(
        "Harlow v. Dent, 535 F.3d at 1381 (2008), and",
        "2008",
        false
    ));
    assert!(cited("Roe v. Lane, 410 U.S. 113 (1973).", "1973", false));
    assert!(!cited("the Act of 1973 (1973) held", "1973", false));
    // A code's edition after a section.
    assert!(cited("See 42 U.S.C. § 1983 (2018) for", "2018", false));
    assert!(cited("29 C.F.R. §§ 1604.11–.12 (2019).", "2019", false));
    assert!(!cited("the rule in § 12 (as of 2019) was", "2019", false));
}

#[test]
fn decisions_after_a_court_are_cited() {
    let at = |text: &str, date: &str| {
        let start = text.find(date).unwrap();
        is_cited(text, start, start + date.len(), false)
    };
    assert!(at(
        "(Cass. soc., 21 sept. 2017, n° 16-18.898)",
        "21 sept. 2017"
    ));
    assert!(at("Voir aussi CE, 5 juill. 2010, req.", "5 juill. 2010"));
    assert!(at("; CJUE, 13 mai 2015, aff. C-392/13.", "13 mai 2015"));
    assert!(at("(Cass. civ. 1re, 12 mars 2019)", "12 mars 2019"));
    assert!(at("BGH, Urt. v. 12.3.2019 – VI ZR 1/18", "12.3.2019"));
    assert!(at("CA Paris, 3 mai 2012, n° 10/1234", "3 mai 2012"));
    // In a sentence, a decision's date is a dated statement.
    assert!(!at("Dans un arrêt du 12 mars 2019, elle a", "12 mars 2019"));
    assert!(!at("the CA said, in 2012, that", "2012"));
    assert!(!at("the CA said, 2012 was", "2012"));
}

#[test]
fn report_volumes_and_statute_titles_are_cited() {
    assert!(cited(
        "In Donoghue v Stevenson [1932] AC 562 (HL) the",
        "1932",
        false
    ));
    assert!(cited(
        "followed R v Brown [1994] 1 AC 212 in",
        "1994",
        false
    ));
    assert!(cited(
        "Google Spain [2014] ECLI:EU:C:2014:317",
        "2014",
        false
    ));
    assert!(cited("as in Smith [2003] All ER 41", "2003", false));
    assert!(cited(
        "s. 3 of the Human Rights Act 1998 requires",
        "1998",
        false
    ));
    assert!(cited(
        "the Data Protection Regulations 2018 apply",
        "2018",
        false
    ));
    // A bracketed year in prose, an act of a year: dates.
    assert!(!cited("the vote [2019] was close", "2019", false));
    assert!(!cited("the Act 2001 was", "2001", false));
    assert!(!cited("an act of 1998 was", "1998", false));
}

#[test]
fn dates_in_parentheses_stay() {
    for t in [
        "the border treaty (signed in 2001) held",
        "after the crisis (June 2011) prices fell",
        "the talks (1991–1993) failed",
        "the summit (Beijing, 12 May 2014) ended",
        "growth (3% in 2019) slowed",
        "In 2019, Putin visited.",
        "(the treaty of 2001)",
    ] {
        let y = ["2001", "2011", "1991", "2014", "2019"]
            .into_iter()
            .find(|y| t.contains(y))
            .unwrap();
        assert!(!cited(t, y, true), "{t}");
    }
}

#[test]
fn chinese_citations() {
    for (t, y, refs) in [
        (
            "该协定解决了东段约98%的边界问题（王缉思，2015）。",
            "2015",
            false,
        ),
        ("奠定了基础（Lukin, 2018; 李静杰, 2019）。", "2019", false),
        ("奠定了基础（Lukin, 2018；李静杰，2019）。", "2018", false),
        ("如前所述（李静杰等，2019：23）。", "2019", false),
        ("如前所述（王缉思、李静杰，2015，第12页）。", "2015", false),
        ("正如王缉思（2015）所指出的，", "2015", true),
        ("正如王缉思（2015：45）所指出的，", "2015", false),
        ("田中一郎（2004）によれば", "2004", true),
    ] {
        assert!(cited(t, y, refs), "{t}");
    }
}

#[test]
fn chinese_dates_in_parentheses_stay() {
    // A year with `年` is an event, whatever stands before it.
    let t = "沙俄通过《瑷珲条约》（1858年）割占了领土。";
    let start = t.find("1858").unwrap();
    assert!(!is_cited(t, start, start + "1858年".len(), true));
    let t = "工厂（王家庄，1958年）";
    let start = t.find("1958").unwrap();
    assert!(!is_cited(t, start, start + "1958年".len(), true));
    for (t, refs) in [
        ("该厂（始建于1958）", true),
        ("人数（截至2015）", true),
        // A bare year after a name with no reference list and no page.
        ("正如王缉思（2015）所指出的，", false),
        // After a closing mark, not a name.
        ("《北京条约》（1860）", true),
    ] {
        let y = t.find(|c: char| c.is_ascii_digit()).unwrap();
        assert!(!is_cited(t, y, y + 4, refs), "{t}");
    }
}
