use super::*;

fn note(text: &str) -> Reference {
    read(text).unwrap_or_else(|| panic!("not read: {text}"))
}

fn families(r: &Reference) -> Vec<&str> {
    r.authors.iter().map(|p| p.family.as_str()).collect()
}

#[test]
fn books() {
    let r = note("王缉思：《大国关系》，北京：中信出版社，2015年，第23页。");
    assert_eq!(families(&r), ["王缉思"]);
    assert_eq!(r.title.as_deref(), Some("大国关系"));
    assert_eq!(r.publisher.as_deref(), Some("中信出版社"));
    assert_eq!((r.year, r.kind), (Some(2015), "book"));
    assert_eq!(r.pages, None);
    let r = note("[美]塞缪尔·亨廷顿：《文明的冲突》，周琪等译，北京：新华出版社，2010年，第45页。");
    assert_eq!(families(&r), ["塞缪尔·亨廷顿"]);
    assert_eq!(r.publisher.as_deref(), Some("新华出版社"));
    let r = note("沈志华主编：《中苏关系史纲》，北京：新华出版社，2007年版。");
    assert_eq!(families(&r), ["沈志华"]);
    assert_eq!(r.year, Some(2007));
    let r = note("刘晓明、陈静：《边境贸易》，上海：上海人民出版社，2011年。");
    assert_eq!(families(&r), ["刘晓明", "陈静"]);
}

#[test]
fn articles_and_newspapers() {
    let r = note("李丹慧：《中苏边界谈判》，《中共党史研究》2002年第3期，第12—20页。");
    assert_eq!(r.container.as_deref(), Some("中共党史研究"));
    assert_eq!((r.year, r.issue.as_deref()), (Some(2002), Some("3")));
    assert_eq!((r.kind, r.pages), ("article-journal", None));
    let r = note("习近平：《携手共创中俄关系新时代》，《人民日报》2019年6月6日，第2版。");
    assert_eq!(r.container.as_deref(), Some("人民日报"));
    assert_eq!(r.date.as_deref(), Some("2019-06-06"));
    assert_eq!(r.kind, "article-newspaper");
    let r = note("王明，〈論文標題〉，《歷史研究》，第3卷第2期（2004年），頁10-20。");
    assert_eq!(families(&r), ["王明"]);
    assert_eq!(r.title.as_deref(), Some("論文標題"));
    assert_eq!(r.container.as_deref(), Some("歷史研究"));
    assert_eq!(
        (r.volume.as_deref(), r.issue.as_deref()),
        (Some("3"), Some("2"))
    );
    assert_eq!(r.year, Some(2004));
}

#[test]
fn chapters() {
    let r = note("赵六：《边疆治理的历史经验》，载王五主编：《中国边疆研究文集》，北京：社会科学文献出版社，2016年，第12页。");
    assert_eq!(r.title.as_deref(), Some("边疆治理的历史经验"));
    assert_eq!(r.container.as_deref(), Some("中国边疆研究文集"));
    assert_eq!(r.publisher.as_deref(), Some("社会科学文献出版社"));
    assert_eq!((r.kind, r.year), ("chapter", Some(2016)));
    // `载` before a journal's issue: an article.
    let r = note("许文华：《数字平台责任的边界》，载《政法论坛》2019年第4期。");
    assert_eq!(r.container.as_deref(), Some("政法论坛"));
    assert_eq!((r.kind, r.issue.as_deref()), ("article-journal", Some("4")));
}

#[test]
fn not_references() {
    for text in [
        // A remark that names a book.
        "关于这一问题，可参考《尼布楚条约》的有关条款。",
        "《尼布楚条约》",
        "这是作者的观点。",
        "",
        "《》",
    ] {
        assert!(read(text).is_none(), "{text}");
    }
}

#[test]
fn hostile_text_does_not_panic() {
    for text in [
        "《",
        "》《",
        "王：《",
        "王：《a》，《",
        "王：《a》，载",
        "王：《a》，载《",
        "王：《a》，2015年",
        "王：《a》，年",
        "王：《a》，1年",
        "王：《a》，20155年13月40日",
        "王：《a》，2015年12月",
        "王：《a》，第",
        "[美：《a》",
        "〈a",
        "é：《é》，é：é，2015年",
    ] {
        let _ = read(text);
    }
}
