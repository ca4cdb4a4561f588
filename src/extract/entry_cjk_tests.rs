use super::*;

/// (authors, title, container, year)
type Read = (Vec<String>, String, Option<String>, Option<i32>);

fn fields(text: &str) -> Option<Read> {
    read(text).map(|r| {
        (
            r.authors.iter().map(|p| p.family.clone()).collect(),
            r.title.unwrap_or_default(),
            r.container,
            r.year,
        )
    })
}

#[test]
fn korean_entries_with_quoted_titles() {
    let text = "한서윤, 문재혁, '도시 하천 복원의 사회적 효과 분석,' 환경정책연구, 제 12 권, 제 3 호, pp. 45-71, 2018.";
    assert_eq!(
        fields(text),
        Some((
            vec!["한서윤".into(), "문재혁".into()],
            "도시 하천 복원의 사회적 효과 분석".into(),
            Some("환경정책연구".into()),
            Some(2018)
        ))
    );
    let r = read(text).unwrap();
    assert_eq!(
        (r.volume.as_deref(), r.issue.as_deref(), r.pages.as_deref()),
        (Some("12"), Some("3"), Some("45-71"))
    );
}

#[test]
fn chinese_entries_with_the_year_after_the_names() {
    assert_eq!(
        fields("周文濤. 陳曉梅( 2015). 嶺南庭院的水景設計. 園林學報. 31 卷 4 期.: 221-230."),
        Some((
            vec!["周文濤".into(), "陳曉梅".into()],
            "嶺南庭院的水景設計".into(),
            Some("園林學報".into()),
            Some(2015)
        ))
    );
    assert_eq!(
        fields("楊立新, '跨境數據流動的法律規制', 比較法研究, 總第 180 期, 2021."),
        Some((
            vec!["楊立新".into()],
            "跨境數據流動的法律規制".into(),
            Some("比較法研究".into()),
            Some(2021)
        ))
    );
}

#[test]
fn japanese_entries_with_spaced_names_and_the_year_first() {
    assert_eq!(
        fields("森本 健一 , 高橋 里美 (2011). 地域図書館の利用動向. 情報管理. 54( 2), 88-97."),
        Some((
            vec!["森本 健一".into(), "高橋 里美".into()],
            "地域図書館の利用動向".into(),
            Some("情報管理".into()),
            Some(2011)
        ))
    );
    assert_eq!(
        fields("石川和夫, 1999, 縄文時代の漁労具の研究, 考古学雑誌 84."),
        Some((
            vec!["石川和夫".into()],
            "縄文時代の漁労具の研究".into(),
            Some("考古学雑誌".into()),
            Some(1999)
        ))
    );
    let r = read("石川和夫, 1999, 縄文時代の漁労具の研究, 考古学雑誌 84.").unwrap();
    assert_eq!(r.volume.as_deref(), Some("84"));
}

#[test]
fn names_ended_by_a_space_and_titles_with_commas() {
    assert_eq!(
        fields("윤지호, 배수아 '지역 축제 방문객의 만족도 연구,' 관광학연구, 제 31 권, 2007."),
        Some((
            vec!["윤지호".into(), "배수아".into()],
            "지역 축제 방문객의 만족도 연구".into(),
            Some("관광학연구".into()),
            Some(2007)
        ))
    );
    assert_eq!(
        fields("노은비 2013b. '청소년 여가 활동과 학업 성취,' 교육학연구 (41: 2), pp. 12-30."),
        Some((
            vec!["노은비".into()],
            "청소년 여가 활동과 학업 성취".into(),
            Some("교육학연구".into()),
            Some(2013)
        ))
    );
    assert_eq!(
        fields("장하람 (2016). 지역 신문, 공동체, 그리고 참여: 세 도시의 비교. 언론과 사회, 24( 1), 5-40."),
        Some((
            vec!["장하람".into()],
            "지역 신문, 공동체, 그리고 참여: 세 도시의 비교".into(),
            Some("언론과 사회".into()),
            Some(2016)
        ))
    );
}

#[test]
fn text_that_is_no_such_reference_is_left() {
    for text in [
        "中俄关系在2019年进入新时代。",
        "Wang Li, Title of a work, Journal 3, 2010.",
        "한서윤, 문재혁",
    ] {
        assert_eq!(fields(text), None, "{text}");
    }
}

#[test]
fn a_chinese_legal_note() {
    assert_eq!(
        fields("许文华：《数字平台责任的边界》，载《政法论坛》2019年第4期。"),
        Some((
            vec!["许文华".into()],
            "数字平台责任的边界".into(),
            Some("政法论坛".into()),
            Some(2019)
        ))
    );
}
