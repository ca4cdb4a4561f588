//! The front of a Chinese paper as converters leave it: the authors'
//! names on a line of their own (`李明　王芳`, `李明1，王芳2`), the
//! affiliation under them in parentheses (`（北京大学 历史学系，北京
//! 100871）`), and the abstract after `摘要：` or `【摘要】`.

use crate::chars::is_cjk;

/// The names of a line that holds only Chinese personal names: two to
/// four characters each, parted by spaces, `，` or `、`, with affiliation
/// numbers or marks after them.
pub(super) fn names(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    if line.chars().count() > 60 || !line.contains(is_cjk) {
        return None;
    }
    let mut out = Vec::new();
    for part in line.split([' ', '\u{3000}', '，', '、', ',']) {
        let name: String = part
            .chars()
            .filter(|c| !c.is_ascii_digit() && !"*∗†‡¹²³⁴⁵⁶⁷⁸⁹⁰".contains(*c))
            .collect();
        if name.is_empty() {
            continue;
        }
        let count = name.chars().count();
        if !(2..=4).contains(&count) || !name.chars().all(is_cjk) {
            return None;
        }
        out.push(name);
    }
    (!out.is_empty() && out.len() <= 8).then_some(out)
}

/// Words of an affiliation: university, college, institute, academy,
/// department, centre, laboratory.
const PLACES: &[&str] = &[
    "大学",
    "学院",
    "研究所",
    "研究院",
    "研究中心",
    "科学院",
    "实验室",
    "大學",
    "研究所",
    "中心",
];

/// An affiliation line: in parentheses or not, naming an institution, or
/// ending with a six-digit postal code.
pub(super) fn is_affiliation(line: &str) -> bool {
    let t = line
        .trim()
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    if t.chars().count() > 80 || !t.contains(is_cjk) {
        return false;
    }
    let postal = t
        .split(|c: char| !c.is_ascii_digit())
        .any(|run| run.len() == 6);
    postal || PLACES.iter().any(|p| t.contains(p))
}

/// The abstract's text after its label: `摘要：…`, `摘 要：…`,
/// `【摘要】…`, `**摘要**：…`.
pub(super) fn abstract_after_label(text: &str) -> Option<&str> {
    let t = text.trim().trim_start_matches(['*', '_']);
    let rest = ["【摘要】", "[摘要]", "摘要", "摘 要", "内容提要", "提要"]
        .iter()
        .find_map(|l| t.strip_prefix(l))?;
    let rest = rest.trim_start_matches(['*', '_', '：', ':', ' ', '\u{3000}']);
    (rest.chars().count() >= 10).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lines() {
        assert_eq!(names("李明"), Some(vec!["李明".into()]));
        assert_eq!(
            names("李明　王芳"),
            Some(vec!["李明".into(), "王芳".into()])
        );
        assert_eq!(
            names("李明1，王芳2*"),
            Some(vec!["李明".into(), "王芳".into()])
        );
        assert_eq!(
            names("欧阳明华、张三"),
            Some(vec!["欧阳明华".into(), "张三".into()])
        );
        for line in [
            "中苏边界谈判的档案考察",
            "Li Ming",
            "关键词：中苏关系",
            "李明是作者。",
        ] {
            assert_eq!(names(line), None, "{line}");
        }
    }

    #[test]
    fn affiliations_and_abstracts() {
        assert!(is_affiliation("（北京大学 历史学系，北京 100871）"));
        assert!(is_affiliation("中国社会科学院近代史研究所"));
        assert!(!is_affiliation("1969年10月，谈判在北京恢复。"));
        assert_eq!(
            abstract_after_label("摘要：本文利用新近解密的档案，考察了谈判的过程。"),
            Some("本文利用新近解密的档案，考察了谈判的过程。")
        );
        assert_eq!(
            abstract_after_label("【摘要】本文利用新近解密的档案，考察了谈判的过程。"),
            Some("本文利用新近解密的档案，考察了谈判的过程。")
        );
        assert_eq!(abstract_after_label("摘要"), None);
    }
}
