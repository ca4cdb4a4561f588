use super::super::find_years;

const RANGE: (i32, i32) = (1800, 2030);

/// Each hit's label, precision and the text it covers.
fn hits(text: &str) -> Vec<(String, &'static str, &str)> {
    find_years(text, RANGE)
        .into_iter()
        .map(|h| (h.label, h.precision.name(), &text[h.start..h.end]))
        .collect()
}

fn labels(text: &str) -> Vec<String> {
    find_years(text, RANGE)
        .into_iter()
        .map(|h| h.label)
        .collect()
}

#[test]
fn spans_with_words_and_dashes() {
    assert_eq!(
        hits("本文回顾了1964年至2008年中俄边界谈判的历程。"),
        vec![("1964–2008".into(), "range", "1964年至2008年")]
    );
    assert_eq!(labels("从1991年到1995年，双方"), vec!["1991–1995"]);
    // Both ends written as years: a long span too.
    assert_eq!(labels("1850年至1990年"), vec!["1850–1990"]);
    assert_eq!(
        hits("据统计，1992—1997年间双方完成了勘界工作。"),
        vec![("1992–1997".into(), "range", "1992—1997年")]
    );
    assert_eq!(labels("1992——1997年"), vec!["1992–1997"]);
    assert_eq!(labels("1992～1997年"), vec!["1992–1997"]);
    assert_eq!(labels("1992至1997年"), vec!["1992–1997"]);
    assert_eq!(labels("1992-1997年"), vec!["1992–1997"]);
    assert_eq!(labels("1992年—1997年"), vec!["1992–1997"]);
    // A bare end year at a clause's end.
    assert_eq!(labels("自1992年至1997，"), vec!["1992–1997"]);
}

#[test]
fn not_spans() {
    // `至今`: to the present, not a span's end year.
    assert_eq!(labels("2019年至今，"), vec!["2019"]);
    // Months on both sides stay two dates.
    assert_eq!(
        labels("2014年5月至2019年12月"),
        vec!["May 2014", "December 2019"]
    );
    // Backwards.
    assert_eq!(labels("1997年至1992年"), vec!["1997", "1992"]);
    // The end followed by a decade's mark is that decade.
    assert_eq!(labels("1970年至1980年代"), vec!["1970", "1980s"]);
}

#[test]
fn decades_with_and_without_a_century() {
    assert_eq!(
        hits("上世纪90年代，两国就开始讨论能源合作问题。"),
        vec![("1990s".into(), "decade", "上世纪90年代")]
    );
    assert_eq!(
        hits("20世纪50年代，苏联曾援建"),
        vec![("1950s".into(), "decade", "20世纪50年代")]
    );
    assert_eq!(labels("19世纪80年代"), vec!["1880s"]);
    assert_eq!(labels("在80年代，"), vec!["1980s"]);
    assert_eq!(
        hits("1990年代以来"),
        vec![("1990s".into(), "decade", "1990年代")]
    );
    assert_eq!(labels("本世纪20年代"), vec!["2020s"]);
}

#[test]
fn decade_qualifiers_follow_the_decade() {
    assert_eq!(
        hits("90年代初，"),
        vec![("early-1990s".into(), "decade", "90年代初")]
    );
    assert_eq!(labels("80年代中期"), vec!["mid-1980s"]);
    assert_eq!(labels("上世纪70年代末"), vec!["late-1970s"]);
    assert_eq!(labels("1960年代后期"), vec!["late-1960s"]);
}

#[test]
fn not_decades() {
    // `10年代` is too ambiguous; a year not ending in 0 is no decade.
    assert!(labels("10年代").is_empty());
    assert_eq!(labels("1995年代"), vec!["1995"]);
    // Two digits after a letter or inside a number.
    assert!(labels("A90年代").is_empty());
    // Ages and durations: `90年` alone is ninety years.
    assert!(labels("已有90年历史").is_empty());
}

#[test]
fn years_in_chinese_numerals() {
    assert_eq!(
        hits("一九四九年十月一日，中华人民共和国成立。"),
        vec![("1 October 1949".into(), "day", "一九四九年十月一日")]
    );
    assert_eq!(
        hits("二〇一九年十二月"),
        vec![("December 2019".into(), "month", "二〇一九年十二月")]
    );
    assert_eq!(labels("二零零八年"), vec!["2008"]);
    assert_eq!(labels("一九九一年十二月二十五日"), vec!["25 December 1991"]);
    assert_eq!(labels("一九五〇年二月十四日签订"), vec!["14 February 1950"]);
}

#[test]
fn decades_in_chinese_numerals() {
    assert_eq!(
        hits("上世纪八十年代末，"),
        vec![("late-1980s".into(), "decade", "上世纪八十年代末")]
    );
    assert_eq!(labels("二十世纪五十年代"), vec!["1950s"]);
    assert_eq!(labels("十九世纪六十年代"), vec!["1860s"]);
    assert_eq!(labels("九十年代"), vec!["1990s"]);
}

#[test]
fn numerals_that_are_not_years() {
    // Durations and counts: `二十年`, `三四年`, `十年`.
    assert!(labels("经过二十年的谈判").is_empty());
    assert!(labels("三四年后").is_empty());
    assert!(labels("十年代").is_empty());
    // Out of range.
    assert!(labels("一二三四年").is_empty());
}

#[test]
fn digit_and_numeral_hits_stay_in_text_order() {
    assert_eq!(
        labels("一九四九年建国，1991年5月16日签署，九十年代"),
        vec!["1949", "16 May 1991", "1990s"]
    );
}

#[test]
fn hostile_chinese_text_does_not_panic() {
    for t in [
        "年",
        "年代",
        "十年代",
        "1992——",
        "1992——1997",
        "——1997年",
        "一九四九年十",
        "一九四九年十月",
        "一九四九年三十二月四十日",
        "世纪90年代",
        "99世纪90年代",
        "〇〇〇〇年",
        "年至2008年",
        "1964年至",
        "1964年至20",
        "1964年至２００８年",
    ] {
        let _ = find_years(t, RANGE);
        let _ = find_years(&t.repeat(3), RANGE);
    }
}
