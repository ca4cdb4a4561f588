use super::*;

fn read(text: &str) -> Reference {
    gbt_entry(text, &[])
        .unwrap_or_else(|| panic!("not read: {text}"))
        .reference
}

fn families(r: &Reference) -> Vec<&str> {
    r.authors.iter().map(|p| p.family.as_str()).collect()
}

#[test]
fn journal_articles() {
    let r = read("[2] 李静杰. 中俄关系七十年[J]. 俄罗斯东欧中亚研究, 2019(5): 1-18.");
    assert_eq!(families(&r), ["李静杰"]);
    assert_eq!(r.title.as_deref(), Some("中俄关系七十年"));
    assert_eq!(r.container.as_deref(), Some("俄罗斯东欧中亚研究"));
    assert_eq!((r.year, r.issue.as_deref()), (Some(2019), Some("5")));
    assert_eq!((r.volume, r.pages.as_deref()), (None, Some("1-18")));
    assert_eq!(r.kind, "article-journal");
    let r = read("刘丽娜, 陈明. 中俄边界谈判的历史经验[J]. 世界历史, 2010, 33(2): 56-70.");
    assert_eq!(families(&r), ["刘丽娜", "陈明"]);
    assert_eq!(r.volume.as_deref(), Some("33"));
    assert_eq!(r.issue.as_deref(), Some("2"));
    assert_eq!(r.pages.as_deref(), Some("56-70"));
    // Full-width punctuation throughout.
    let r = read("张华，李明，等．能源合作的新阶段[J]．国际问题研究，2021，12（3）：45－60．");
    assert_eq!(families(&r), ["张华", "李明"]);
    assert_eq!(r.container.as_deref(), Some("国际问题研究"));
    assert_eq!(
        (r.volume.as_deref(), r.issue.as_deref()),
        (Some("12"), Some("3"))
    );
    assert_eq!(r.pages.as_deref(), Some("45-60"));
    // Western authors, family name in capitals, initials without stops.
    let r = read("[7] GABUEV A, UMAROV T. Russia and China in Central Asia[J]. Survival, 2020, 62(4): 95-118. DOI: 10.1080/00396338.2020.1792144.");
    assert_eq!(families(&r), ["Gabuev", "Umarov"]);
    assert_eq!(r.authors[0].given, "A.");
    assert_eq!(r.title.as_deref(), Some("Russia and China in Central Asia"));
    assert_eq!(r.container.as_deref(), Some("Survival"));
    assert_eq!(r.doi.as_deref(), Some("10.1080/00396338.2020.1792144"));
    // A year in the periodical's name is part of it.
    let r = read("Kim Y. Convolutional networks[J]. Proceedings of the 2014 Conference on Methods (EMNLP), 2014: 1746–1751.");
    assert_eq!(
        r.container.as_deref(),
        Some("Proceedings of the 2014 Conference on Methods (EMNLP)")
    );
    assert_eq!(
        (r.year, r.pages.as_deref()),
        (Some(2014), Some("1746-1751"))
    );
}

#[test]
fn books_theses_and_reports() {
    let r = read("王缉思. 大国关系：中美分道扬镳，还是殊途同归[M]. 北京: 中信出版社, 2015: 23-45.");
    assert_eq!(families(&r), ["王缉思"]);
    assert_eq!(
        r.title.as_deref(),
        Some("大国关系：中美分道扬镳，还是殊途同归")
    );
    assert_eq!(r.publisher.as_deref(), Some("中信出版社"));
    assert_eq!((r.year, r.kind), (Some(2015), "book"));
    assert_eq!(r.pages.as_deref(), Some("23-45"));
    let r =
        read("LUKIN A. China and Russia: the new rapprochement[M]. Cambridge: Polity Press, 2018.");
    assert_eq!(
        (families(&r), r.authors[0].given.as_str()),
        (vec!["Lukin"], "A.")
    );
    assert_eq!(
        r.title.as_deref(),
        Some("China and Russia: the new rapprochement")
    );
    assert_eq!(r.publisher.as_deref(), Some("Polity Press"));
    let r = read(
        "[美]塞缪尔·亨廷顿. 文明的冲突与世界秩序的重建[M]. 周琪, 等译. 北京: 新华出版社, 2010.",
    );
    assert_eq!(families(&r), ["塞缪尔·亨廷顿"]);
    assert_eq!(r.publisher.as_deref(), Some("新华出版社"));
    assert_eq!(r.year, Some(2010));
    let r = read("孙七. 基于深度学习的图像识别研究[D]. 北京: 北京大学, 2022.");
    assert_eq!(
        (r.kind, r.publisher.as_deref()),
        ("thesis", Some("北京大学"))
    );
    let r = read("Yaoyao Sun: Motivation to play esports[D]. University of South Carolina. 2017.");
    assert_eq!(families(&r), ["Sun"]);
    assert_eq!(r.title.as_deref(), Some("Motivation to play esports"));
    let r = read("世界银行. 中国经济简报[R]. 华盛顿: 世界银行, 2019.");
    assert_eq!((r.kind, families(&r)), ("report", vec!["世界银行"]));
}

#[test]
fn parts_of_larger_works() {
    let r = read("SMITH J K, JONES M, et al. Deep learning for text[C]//Proceedings of ACL. Stroudsburg: ACL, 2018: 100-110.");
    assert_eq!(families(&r), ["Smith", "Jones"]);
    assert_eq!(r.authors[0].given, "J. K.");
    assert_eq!(r.title.as_deref(), Some("Deep learning for text"));
    assert_eq!(r.container.as_deref(), Some("Proceedings of ACL"));
    assert_eq!((r.kind, r.year), ("paper-conference", Some(2018)));
    assert_eq!(r.pages.as_deref(), Some("100-110"));
    let r = read("赵六. 边疆治理的历史经验[M]//王五, 主编. 中国边疆研究文集. 北京: 社会科学文献出版社, 2016: 12-30.");
    assert_eq!(r.container.as_deref(), Some("中国边疆研究文集"));
    assert_eq!(
        (r.kind, r.publisher.as_deref()),
        ("chapter", Some("社会科学文献出版社"))
    );
}

#[test]
fn newspapers_web_pages_and_standards() {
    let r = read("张三. 中俄贸易再创新高[N]. 人民日报, 2019-06-06(3).");
    assert_eq!(r.container.as_deref(), Some("人民日报"));
    assert_eq!(r.date.as_deref(), Some("2019-06-06"));
    assert_eq!(
        (r.pages.as_deref(), r.kind),
        (Some("3"), "article-newspaper")
    );
    let r = read("国家统计局. 2020年国民经济和社会发展统计公报[EB/OL]. (2021-02-28)[2023-06-20]. http://www.stats.gov.cn/tjsj/zxfb/202102/t20210227.html.");
    assert_eq!(families(&r), ["国家统计局"]);
    assert_eq!(r.title.as_deref(), Some("2020年国民经济和社会发展统计公报"));
    assert_eq!(
        (r.year, r.date.as_deref()),
        (Some(2021), Some("2021-02-28"))
    );
    assert_eq!(
        r.urls,
        ["http://www.stats.gov.cn/tjsj/zxfb/202102/t20210227.html"]
    );
    assert_eq!(r.kind, "webpage");
    // Only the access date: no year.
    let r = read("扬之水. 两宋茶诗与茶事[EB/OL]. [2007-09-13]. http://www.example.org/a.html.");
    assert_eq!(r.year, None);
    let r = read("全国信息与文献标准化技术委员会. 信息与文献 参考文献著录规则: GB/T 7714—2015[S]. 北京: 中国标准出版社, 2015.");
    assert_eq!((r.kind, r.year), ("standard", Some(2015)));
}

#[test]
fn references_without_a_code_are_left_to_the_others() {
    for text in [
        "Smith, J. (2018). Deep learning. Journal, 3(2), 1-10.",
        "王缉思：《大国关系》，北京：中信出版社，2015年，第23页。",
        "[M] alone",
        "See the note [J] for more.",
        "Title [Q]. Journal, 2019.",
    ] {
        assert!(gbt_entry(text, &[]).is_none(), "{text}");
    }
}

#[test]
fn hostile_text_does_not_panic() {
    for text in [
        "[J]",
        "a[J]",
        "a[J].",
        "a[J]//",
        "a[J]. ,2019(",
        "a[J]. x, 2019-",
        "a[J]. x, 2019-0",
        "a[N]. x, 2019-06-",
        "a[EB/OL]. (2021-02-",
        "a[EB/OL]. [2021",
        "a[M]. :",
        "é. é[M]. é: é, 2015: é",
        "[美. 亨[M]",
        "（美）[M]",
        "a[J/XX]. b",
        "a[EB/OL",
    ] {
        let _ = gbt_entry(text, &[]);
    }
}
