//! The keys under which the citation index merges references into works
//! (precision first: a DOI, an address, or the same authors, title and
//! year), and the normalised forms they are made of.

use super::citations::Reference;
use super::names::Person;

/// The keys under which the citation index merges references into works:
/// the DOI, each URL (normalised) and authors with title and year. Two
/// references that share a key are one work.
pub fn match_keys(r: &Reference) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(doi) = &r.doi {
        out.push(format!("doi:{}", doi.to_lowercase()));
    }
    for u in &r.urls {
        out.push(format!("url:{}", normalise_url(u)));
    }
    // A law named without its year (`Copyright Act, Art. 95`) may be any
    // country's: it is one work with another only by its address. A
    // constitution names its country (`U.S. Const.`): by its name.
    if r.kind == "legislation" && r.year.is_none() {
        if let Some(t) = r.title.as_deref().filter(|t| t.ends_with(" Const.")) {
            out.push(format!("const:{}", letters(t)));
        }
        return out;
    }
    let names: Vec<String> = r.authors.iter().map(Person::key).collect();
    let title = letters(r.title.as_deref().unwrap_or(""));
    let year = r.year.unwrap_or(0);
    if names.is_empty() && r.year.is_none() {
        // A title alone names many works (two courts' `R v Bird`): where
        // it is published, and where in it, must agree too.
        let field = |f: &Option<String>| letters(f.as_deref().unwrap_or(""));
        out.push(format!(
            "t:{title}|{}|{}|{}|{}|{}",
            field(&r.container),
            field(&r.publisher),
            field(&r.volume),
            field(&r.issue),
            field(&r.pages)
        ));
        return out;
    }
    out.push(format!("aty:{}|{title}|{year}", names.join(";")));
    // `中苏关系史纲：1917—1991年…` is also cited as `中苏关系史纲`: the
    // same authors and year with the main title are the same work.
    if let Some(main) = main_title(r.title.as_deref().unwrap_or("")) {
        if !names.is_empty() && r.year.is_some() {
            out.push(format!("aty:{}|{}|{year}", names.join(";"), letters(main)));
        }
    }
    out
}

/// A title's main part, before its subtitle (`Title: Subtitle`,
/// `书名：副标题`), when it is long enough to name a work alone and the
/// subtitle is not one of its volumes or parts.
fn main_title(title: &str) -> Option<&str> {
    let (main, sub) = title.split_once(": ").or_else(|| title.split_once('：'))?;
    let (main, sub) = (main.trim(), sub.trim());
    let part = [
        "vol",
        "volume",
        "part",
        "book",
        "band",
        "tome",
        "том",
        "часть",
    ]
    .iter()
    .any(|w| sub.to_lowercase().starts_with(w))
        || sub.starts_with(['第', '上', '下']);
    let long = if main.contains(crate::chars::is_cjk) {
        main.chars().count() >= 4
    } else {
        main.split_whitespace().count() >= 2
    };
    (long && !part && !sub.is_empty()).then_some(main)
}

/// A URL without scheme, `www.`, case or trailing slash.
pub fn normalise_url(u: &str) -> String {
    let u = u.trim().to_lowercase();
    let u = u
        .split_once("://")
        .map_or(u.as_str(), |(_, rest)| rest)
        .to_string();
    let u = u.strip_prefix("www.").unwrap_or(&u);
    u.trim_end_matches('/').to_string()
}

/// The letters and digits of `s`, lower-cased.
pub fn letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn law(title: &str) -> Reference {
        Reference {
            title: Some(title.to_string()),
            kind: "legislation",
            ..Reference::default()
        }
    }

    #[test]
    fn laws_without_a_year_merge_only_when_they_name_their_country() {
        // `U.S. Const. art. I` and `U.S. Const. amend. XIV`: one work.
        assert_eq!(
            match_keys(&law("U.S. Const.")),
            match_keys(&law("U.S. Const."))
        );
        assert!(!match_keys(&law("U.S. Const.")).is_empty());
        // `Copyright Act` may be any country's: no key of its own.
        assert!(match_keys(&law("Copyright Act")).is_empty());
    }

    #[test]
    fn a_title_without_authors_or_year_merges_only_where_published_alike() {
        let case = |title: &str, report: &str| Reference {
            title: Some(title.to_string()),
            publisher: Some(report.to_string()),
            kind: "legal_case",
            ..Reference::default()
        };
        let same = |a: &Reference, b: &Reference| {
            let kb = match_keys(b);
            match_keys(a).iter().any(|k| kb.contains(k))
        };
        assert!(!same(
            &case("R v Bird", "2009 SCC 60"),
            &case("R v Bird", "2009 ABCA 45")
        ));
        assert!(same(
            &case("R v Bird", "2009 SCC 60"),
            &case("R. v. Bird", "2009 SCC 60")
        ));
        // With a year, authors and title decide as before.
        let dated = |publisher: &str| Reference {
            title: Some("Harbour Dues".into()),
            year: Some(1901),
            publisher: Some(publisher.into()),
            ..Reference::default()
        };
        assert!(same(&dated("Board"), &dated("Port Board")));
    }
}
