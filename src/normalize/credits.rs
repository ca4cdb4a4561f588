//! How Chinese news names its writers and closes its stories, which the
//! English byline rules (`By A and B`) do not see:
//!
//! * a dateline that credits the reporters at the start of the lead
//!   (`新华社北京12月2日电（记者 刘晓明 陈静）…`, `中新网3月4日电 (记者
//!   王某)`): the names are the authors, the lead stays as written;
//! * a byline line of its own (`本报记者 张三 李四`, `记者 赵雪`, `文/王立`,
//!   `作者：陈静`);
//! * the marks that end a story and the credits after it (`（完）`,
//!   `责任编辑：刘洋`, `【纠错】`, `校对：…`), which are not text.

use crate::chars::is_cjk;

/// Words that name a role among the names: reporter, correspondent,
/// intern, photographer.
const ROLES: &[&str] = &["记者", "通讯员", "实习生", "摄影", "见习记者", "特约记者"];

/// A person's name in a credit: two to four Chinese characters (with a
/// middle dot for a transcribed name, up to ten), or Latin words.
fn is_name(n: &str) -> bool {
    let count = n.chars().count();
    if n.chars().all(|c| is_cjk(c) || c == '·') {
        return (2..=4).contains(&count) || n.contains('·') && count <= 10;
    }
    let words = n.split_whitespace().count();
    (1..=3).contains(&words)
        && n.split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase))
}

/// The names in `text`, after the role words are taken out; `None` when
/// anything else stands there.
fn names(text: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for part in text.split([' ', '\u{3000}', '、', '，', ',']) {
        let mut part = part.trim();
        while let Some(rest) = ROLES.iter().find_map(|r| part.strip_prefix(r)) {
            part = rest.trim();
        }
        if part.is_empty() {
            continue;
        }
        if !is_name(part) {
            return None;
        }
        out.push(part.to_string());
    }
    (!out.is_empty()).then_some(out)
}

/// The reporters a dateline credits at the start of the lead paragraph.
pub fn dateline_reporters(para: &str) -> Vec<String> {
    let Some(open) = para.find(['（', '(']) else {
        return Vec::new();
    };
    // The dateline is short: an agency, a place and a day.
    if para[..open].chars().count() > 30 {
        return Vec::new();
    }
    let inner = &para[open + para[open..].chars().next().map_or(1, char::len_utf8)..];
    let Some(close) = inner.find(['）', ')']) else {
        return Vec::new();
    };
    let credit = inner[..close].trim();
    if !ROLES.iter().any(|r| credit.starts_with(r)) {
        return Vec::new();
    }
    names(credit).unwrap_or_default()
}

/// A byline line of its own: `本报记者 张三 李四`, `记者 赵雪`, `文/王立`,
/// `作者：陈静`.
pub fn byline(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    if line.chars().count() > 40 {
        return None;
    }
    let rest = [
        "本报记者",
        "记者",
        "文/",
        "文／",
        "作者：",
        "作者:",
        "撰文：",
    ]
    .iter()
    .find_map(|p| line.strip_prefix(p))?;
    names(rest)
}

/// A story's end mark or a credit line after it.
pub fn is_trailing(para: &str) -> bool {
    let p = para.trim();
    if p.chars().count() > 60 {
        return false;
    }
    const ALONE: &[&str] = &["（完）", "(完)", "【完】", "（全文完）", "【纠错】"];
    const LEADS: &[&str] = &[
        "责任编辑",
        "【责任编辑",
        "（责任编辑",
        "(责任编辑",
        "编辑：",
        "编辑:",
        "校对：",
        "审核：",
        "审校：",
        "终审：",
        "监制：",
        "来源：",
        "原标题：",
        "【来源",
        "版权所有",
    ];
    ALONE.contains(&p) || LEADS.iter().any(|l| p.starts_with(l))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reporters_in_a_dateline() {
        assert_eq!(
            dateline_reporters("新华社北京12月2日电（记者 刘晓明 陈静）记者2日从国家管网集团获悉"),
            ["刘晓明", "陈静"]
        );
        assert_eq!(
            dateline_reporters("中新网哈尔滨3月4日电 (记者 王立新、孙丽 通讯员 赵雪)据了解"),
            ["王立新", "孙丽", "赵雪"]
        );
        assert_eq!(
            dateline_reporters("本报北京5月6日电（记者王某某）今天"),
            ["王某某"]
        );
        // Not a credit: a parenthesis later in a sentence, or no role.
        assert!(
            dateline_reporters("国家能源局有关负责人表示，到2025年（预计）中国天然气消费量")
                .is_empty()
        );
        assert!(dateline_reporters("新华社北京12月2日电（刘晓明）").is_empty());
        assert!(dateline_reporters("新华社北京12月2日电（记者 据国家管网集团消息称）").is_empty());
    }

    #[test]
    fn byline_lines() {
        assert_eq!(
            byline("本报记者 张三 李四"),
            Some(vec!["张三".into(), "李四".into()])
        );
        assert_eq!(byline("记者 赵雪"), Some(vec!["赵雪".into()]));
        assert_eq!(byline("文/王立"), Some(vec!["王立".into()]));
        assert_eq!(byline("作者：陈静"), Some(vec!["陈静".into()]));
        assert_eq!(byline("记者2日从国家管网集团获悉，管道全线贯通。"), None);
    }

    #[test]
    fn end_marks_and_credits() {
        for p in [
            "（完）",
            "(完)",
            "责任编辑：刘洋",
            "【责任编辑：王某】",
            "校对：李四",
            "原标题：中俄管道贯通",
        ] {
            assert!(is_trailing(p), "{p}");
        }
        for p in ["完成了焊接作业。", "编辑部认为，这条管道是标志性工程。"]
        {
            assert!(!is_trailing(p), "{p}");
        }
    }

    #[test]
    fn hostile_text_does_not_panic() {
        for t in [
            "（",
            "(",
            "（记者",
            "（记者）",
            "é（记者 é）",
            "记者",
            "文/",
            "（）",
        ] {
            let _ = dateline_reporters(t);
            let _ = byline(t);
            let _ = is_trailing(t);
        }
    }
}
