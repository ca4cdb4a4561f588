//! The citation index for reference managers: `data/citations.bib`
//! (BibLaTeX, which biber, pandoc, Typst's hayagriva and JabRef read, and
//! which BibTeX parsers accept) and `data/citations.ris` (RIS, which
//! Zotero, EndNote and Mendeley import). Keys are the works' ids, as in
//! the CSL-JSON.
//!
//! BibLaTeX: entry types by what the work is (`@article`, with
//! `entrysubtype = {newspaper}` for newspapers, `@inproceedings`,
//! `@incollection`, `@book`, `@report` with its `institution`, `@online`,
//! else `@misc`); full dates (`date = {2021-03-05}`); acronyms and words
//! with inner capitals braced so that styles that lower-case titles keep
//! them (`{U.S.}`, `{NATO}`, `{McDonald}`); an organisation's name braced
//! whole; page ranges with `--`; the characters TeX reads specially
//! escaped, braces as `\textbraceleft{}` so that every field's braces
//! balance; URLs and DOIs as they are (they are read verbatim).

use crate::extract::citations::Reference;
use crate::extract::names::Person;
use crate::graph::Site;

/// `data/citations.bib`.
pub fn biblatex(site: &Site) -> String {
    let mut out = String::from("% Citation index exported by dossier (BibLaTeX).\n");
    for w in &site.citations.works {
        entry(&w.id, &w.reference, &mut out);
    }
    out
}

fn entry(id: &str, r: &Reference, out: &mut String) {
    let (kind, subtype) = bib_type(r);
    out.push_str(&format!("\n@{kind}{{{id},\n"));
    let mut field = |k: &str, v: &str| out.push_str(&format!("  {k} = {{{v}}},\n"));
    if let Some(s) = subtype {
        field("entrysubtype", s);
    }
    if !r.authors.is_empty() {
        let names: Vec<String> = r.authors.iter().map(bib_name).collect();
        field("author", &names.join(" and "));
    }
    if let Some(t) = &r.title {
        field("title", &protect(&escape(t)));
    }
    // A report's container, with no publisher, is its institution.
    let series = kind != "report" || r.publisher.is_some();
    // A report's or thesis's publisher is its institution.
    let institution = kind == "report" || kind == "thesis";
    if let Some(c) = r.container.as_ref().filter(|_| series) {
        let key = match kind {
            "article" => "journaltitle",
            "inproceedings" | "incollection" => "booktitle",
            "online" => "organization",
            "report" => "series",
            _ => "howpublished",
        };
        field(key, &protect(&escape(c)));
    }
    if let Some(p) = r.publisher.as_ref().or(if kind == "report" {
        r.container.as_ref()
    } else {
        None
    }) {
        field(
            if institution {
                "institution"
            } else {
                "publisher"
            },
            &escape(p),
        );
    }
    if kind == "report" {
        field("type", "Report");
    }
    if kind == "thesis" {
        field("type", "Thesis");
    }
    for (k, v) in [("volume", &r.volume), ("number", &r.issue)] {
        if let Some(v) = v {
            field(k, &escape(v));
        }
    }
    if let Some(p) = &r.pages {
        field(
            "pages",
            &escape(&p.replace(['–', '—'], "-").replace('-', "--")),
        );
    }
    if let Some(d) = r.date.clone().or_else(|| r.year.map(|y| y.to_string())) {
        field("date", &d);
    }
    if let Some(d) = &r.doi {
        field("doi", &verbatim(d));
    }
    if let Some(u) = r.urls.first() {
        field("url", &verbatim(u));
    }
    out.push_str("}\n");
}

/// The BibLaTeX type of a work, and its subtype.
fn bib_type(r: &Reference) -> (&'static str, Option<&'static str>) {
    // Every type below but `@misc` needs a title: a journal's line with
    // no title (`Bioresource Reviews 99 (2008) 4919–4928`) is `@misc`.
    if r.title.is_none() {
        return ("misc", None);
    }
    match r.kind {
        "article-journal" => ("article", None),
        "article-newspaper" if r.container.is_some() => ("article", Some("newspaper")),
        "article-magazine" if r.container.is_some() => ("article", Some("magazine")),
        "paper-conference" if r.container.is_some() => ("inproceedings", None),
        "chapter" if r.container.is_some() => ("incollection", None),
        "book" => ("book", None),
        "report" => ("report", None),
        "thesis" => ("thesis", None),
        "patent" => ("patent", None),
        "dataset" => ("dataset", None),
        "software" => ("software", None),
        _ if !r.urls.is_empty() => ("online", None),
        _ => ("misc", None),
    }
}

/// `Family, Given`; an organisation's name braced whole.
fn bib_name(p: &Person) -> String {
    if p.given.is_empty() {
        format!("{{{}}}", escape(&p.family))
    } else {
        escape(&p.sort_name())
    }
}

/// The characters TeX reads specially, escaped; braces as commands, so
/// that the field's own braces balance.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            _ => out.push(c),
        }
    }
    out
}

/// A URL or DOI: read verbatim, so only its braces (which would end the
/// field) are percent-encoded.
fn verbatim(s: &str) -> String {
    s.replace('{', "%7B").replace('}', "%7D")
}

/// Braces words that a lower-casing style must leave alone: acronyms
/// (`U.S.`, `NATO`) and words with capitals inside (`McDonald`, `iPhone`).
fn protect(escaped: &str) -> String {
    escaped
        .split(' ')
        .map(|w| {
            let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
            let inner_capital = letters.iter().skip(1).any(|c| c.is_uppercase());
            if inner_capital && !w.contains('{') {
                format!("{{{w}}}")
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `data/citations.ris`.
pub fn ris(site: &Site) -> String {
    let mut out = String::new();
    for w in &site.citations.works {
        ris_entry(&w.id, &w.reference, &mut out);
    }
    out
}

fn ris_entry(id: &str, r: &Reference, out: &mut String) {
    let mut tag = |t: &str, v: &str| {
        let v = v.replace(['\r', '\n'], " ");
        out.push_str(&format!("{t}  - {v}\r\n"));
    };
    let ty = match r.kind {
        "article-journal" => "JOUR",
        "article-newspaper" => "NEWS",
        "article-magazine" => "MGZN",
        "paper-conference" => "CPAPER",
        "chapter" => "CHAP",
        "book" => "BOOK",
        "report" => "RPRT",
        "thesis" => "THES",
        "webpage" => "ELEC",
        "standard" => "STAND",
        "patent" => "PAT",
        "dataset" => "DATA",
        "software" => "COMP",
        "legal_case" => "CASE",
        "legislation" => "STAT",
        "hearing" => "HEAR",
        "bill" => "BILL",
        "manuscript" => "MANSCPT",
        _ => "GEN",
    };
    tag("TY", ty);
    tag("ID", id);
    for p in &r.authors {
        tag("AU", &p.sort_name());
    }
    if let Some(t) = &r.title {
        tag("TI", t);
    }
    if let Some(c) = &r.container {
        tag(if ty == "JOUR" { "JO" } else { "T2" }, c);
    }
    if let Some(p) = &r.publisher {
        tag("PB", p);
    }
    if let Some(v) = &r.volume {
        tag("VL", v);
    }
    if let Some(i) = &r.issue {
        tag("IS", i);
    }
    if let Some(p) = &r.pages {
        match p.split_once(['-', '–']) {
            Some((a, b)) => {
                tag("SP", a.trim());
                tag("EP", b.trim_start_matches(['-', '–']).trim());
            }
            None => tag("SP", p),
        }
    }
    if let Some(y) = r.year {
        tag("PY", &y.to_string());
    }
    if let Some(d) = &r.date {
        // `YYYY/MM/DD/`, the parts there are.
        let parts: Vec<&str> = d.split('-').collect();
        let mut da = parts.join("/");
        if parts.len() < 3 {
            da.push('/');
        }
        tag("DA", &da);
    }
    if let Some(d) = &r.doi {
        tag("DO", d);
    }
    for u in &r.urls {
        tag("UR", u);
    }
    out.push_str("ER  - \r\n\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn work(kind: &'static str) -> Reference {
        Reference {
            authors: vec![
                Person {
                    family: "Ong".into(),
                    given: "Russell".into(),
                },
                Person {
                    family: "Central Register of Lines".into(),
                    given: String::new(),
                },
            ],
            title: Some("U.S. and NATO {draft} 50% of R&D".into()),
            container: Some("The Daily Ledger".into()),
            pages: Some("315–28".into()),
            year: Some(2021),
            date: Some("2021-03-05".into()),
            urls: vec!["https://example.org/a_b?x=1%2C2".into()],
            kind,
            ..Reference::default()
        }
    }

    #[test]
    fn biblatex_entries_balance_protect_and_keep_urls() {
        let mut out = String::new();
        entry("ong-2021", &work("article-newspaper"), &mut out);
        assert!(
            out.starts_with("\n@article{ong-2021,\n  entrysubtype = {newspaper},"),
            "{out}"
        );
        assert!(
            out.contains("author = {Ong, Russell and {Central Register of Lines}}"),
            "{out}"
        );
        assert!(out.contains("title = {{U.S.} and {NATO} \\textbraceleft{}draft\\textbraceright{} 50\\% of {R\\&D}}"), "{out}");
        assert!(out.contains("journaltitle = {The Daily Ledger}"), "{out}");
        assert!(out.contains("pages = {315--28}"), "{out}");
        assert!(out.contains("date = {2021-03-05}"), "{out}");
        assert!(
            out.contains("url = {https://example.org/a_b?x=1%2C2}"),
            "{out}"
        );
        // Every entry's braces balance.
        let depth = out.chars().try_fold(0i32, |d, c| {
            let d = d + (c == '{') as i32 - (c == '}') as i32;
            (d >= 0).then_some(d)
        });
        assert_eq!(depth, Some(0), "{out}");
        let mut out = String::new();
        entry("r", &work("webpage"), &mut out);
        assert!(out.starts_with("\n@online{r,"), "{out}");
        let mut out = String::new();
        let mut report = work("report");
        report.container = None;
        report.publisher = Some("Register Office".into());
        entry("r", &report, &mut out);
        assert!(out.contains("institution = {Register Office}"), "{out}");
    }

    #[test]
    fn ris_records() {
        let mut out = String::new();
        ris_entry("ong-2021", &work("article-journal"), &mut out);
        assert!(
            out.starts_with("TY  - JOUR\r\nID  - ong-2021\r\nAU  - Ong, Russell\r\n"),
            "{out}"
        );
        assert!(out.contains("JO  - The Daily Ledger\r\n"), "{out}");
        assert!(out.contains("SP  - 315\r\nEP  - 28\r\n"), "{out}");
        assert!(out.contains("DA  - 2021/03/05\r\n"), "{out}");
        assert!(out.ends_with("ER  - \r\n\r\n"), "{out}");
    }
}
