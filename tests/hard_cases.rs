//! The hard-case corpus in `tests/hard_cases/`: texts written in the style
//! of real sources (papers converted from PDF, wire news, legal text),
//! each with the timeline, title and headings it must give in
//! `expected.toml`.

mod common;

use serde_json::Value;

#[derive(serde::Deserialize)]
struct Expected {
    doc: Vec<Doc>,
}

#[derive(serde::Deserialize)]
struct Doc {
    source: String,
    timeline: Vec<(String, String)>,
    cited_years: usize,
    title: Option<String>,
    authors: Option<Vec<String>>,
    headings: Option<Vec<String>>,
}

#[test]
fn hard_cases_give_their_expected_timelines() {
    let root = common::repo().join("tests/hard_cases");
    let site = tempfile::tempdir().unwrap();
    common::copy_dir(&root, site.path());
    let (_tmp, out, o) = common::build_site(site.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let expected: Expected =
        toml::from_str(&std::fs::read_to_string(root.join("expected.toml")).unwrap()).unwrap();
    let read = |p: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(out.join(p)).unwrap()).unwrap()
    };
    let documents = read("data/documents.json");
    let timeline = Value::Array(common::timeline_export(&out));
    for want in &expected.doc {
        let doc = documents
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["source"] == want.source.as_str())
            .unwrap_or_else(|| panic!("{} was not built", want.source));
        let path = doc["doc"].as_str().unwrap();
        let got: Vec<(String, String)> = timeline
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["doc"] == path)
            .map(|e| {
                (
                    e["label"].as_str().unwrap().to_string(),
                    e["text"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let matches = got.len() == want.timeline.len()
            && got
                .iter()
                .zip(&want.timeline)
                .all(|(g, w)| g.0 == w.0 && spaced(&g.1).starts_with(&spaced(&w.1)));
        assert!(
            matches,
            "{}: timeline\n got: {got:#?}\nwant: {:#?}",
            want.source, want.timeline
        );
        if let Some(title) = &want.title {
            assert_eq!(
                doc["title"].as_str(),
                Some(title.as_str()),
                "{}",
                want.source
            );
        }
        if let Some(authors) = &want.authors {
            let got: Vec<&str> = doc["authors"]
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            assert_eq!(&got, authors, "{}: authors", want.source);
        }
        let page = std::fs::read_to_string(out.join(path).join("index.html")).unwrap();
        if let Some(headings) = &want.headings {
            // `<div class="doc-body" lang="zh">` for a text in another
            // language than the site's.
            let body = page.split("<div class=\"doc-body\"").nth(1).unwrap();
            let body = body.split_once('>').map_or(body, |(_, b)| b);
            let body = body.split("<section class=\"").next().unwrap();
            let got: Vec<&str> = body
                .split("<h")
                .skip(1)
                .filter(|h| h.starts_with(['1', '2', '3', '4']))
                .filter_map(|h| h.split('>').nth(1))
                .map(|h| h.split('<').next().unwrap_or(""))
                .collect();
            assert_eq!(&got, headings, "{}: headings", want.source);
        }
        let note = match want.cited_years {
            1 => "1 year cited in references".to_string(),
            n => format!("{n} years cited in references"),
        };
        assert!(
            want.cited_years == 0 || page.contains(&note),
            "{}: no “{note}”",
            want.source
        );
    }
}

/// Text with every kind of white space (no-break, thin, em) read as one
/// plain space, so that expected sentences can be written plainly.
fn spaced(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
