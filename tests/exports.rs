//! The seed site's exports: parsed, checked against the texts, and (when
//! pandoc is installed, as `.ci/run` does) read by a real CSL consumer.

mod common;

use common::json;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

#[test]
fn csl_json_lists_each_work_once_with_ibid_and_duplicates_merged() {
    let (_tmp, out) = common::built_seed();
    let items = json(&out.join("data/citations.json"));
    let items = items.as_array().unwrap();
    // 29 footnotes: one Ibid (20 → 19) and two repeats (26 = 4, 16 = 11).
    assert_eq!(items.len(), 26);
    let cited: usize = items
        .iter()
        .map(|i| i["custom"]["cited-in"].as_array().unwrap().len())
        .sum();
    assert_eq!(cited, 29, "every footnote lands on one work");
    let ong = items
        .iter()
        .find(|i| i["DOI"] == "10.1080/10163270903087329")
        .unwrap();
    assert_eq!(ong["type"], "article-journal");
    assert_eq!(ong["author"][0]["family"], "Ong");
    assert_eq!(ong["container-title"], "Korean Journal Of Defense Analysis");
    assert_eq!(ong["issued"]["date-parts"][0][0], 2009);
    assert_eq!(ong["page"], "315-328");
    let convergence = items
        .iter()
        .find(|i| i["URL"] == "https://www.foreignaffairs.com/articles/china/2021-05-03/china-and-russias-dangerous-convergence")
        .unwrap();
    let notes: Vec<i64> = convergence["custom"]["cited-in"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["footnote"].as_i64().unwrap())
        .collect();
    assert_eq!(notes, vec![4, 26]);
    let bolt = items
        .iter()
        .find(|i| i["author"][0]["family"] == "Bolt")
        .unwrap();
    assert_eq!(
        bolt["custom"]["cited-in"].as_array().unwrap().len(),
        2,
        "Ibid resolves to Bolt"
    );
    for item in items {
        for c in item["custom"]["cited-in"].as_array().unwrap() {
            let note = c["note"].as_str().unwrap();
            assert!(note.starts_with("fn-"), "{c}");
            assert_anchor(&out, c["doc"].as_str().unwrap(), note);
        }
    }
}

/// The page of export path `doc` exists, is listed in `documents.json`,
/// and has an element with id `anchor`.
#[test]
fn each_cited_person_is_spelled_one_way() {
    let (_tmp, out) = common::built_seed();
    let items = json(&out.join("data/citations.json"));
    let mut names: Vec<(String, String)> = items
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i["author"].as_array().cloned().unwrap_or_default())
        .map(|a| {
            let part = |k: &str| a[k].as_str().unwrap_or("").to_string();
            (part("family"), part("given"))
        })
        .collect();
    names.sort();
    names.dedup();
    let family = |f: &str| names.iter().filter(|(x, _)| x == f).count();
    // `Taylor, Andrea Kendall` in note 21 is the same person.
    assert_eq!(family("Kendall-Taylor"), 1, "{names:?}");
    assert_eq!(family("Taylor"), 0, "{names:?}");
    // A Chinese name inverted by the note's style is put back in order,
    // and an initial written before the family name is dropped.
    assert!(
        names.contains(&("Xia".into(), "Yishan".into())),
        "{names:?}"
    );
    assert!(
        names.contains(&("Unnikrishnan".into(), "Nandan".into())),
        "{names:?}"
    );
}

fn assert_anchor(out: &Path, doc: &str, anchor: &str) {
    let documents = json(&out.join("data/documents.json"));
    let listed = documents
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["doc"] == doc)
        .unwrap_or_else(|| panic!("{doc} is not in documents.json"));
    assert_eq!(
        listed["url"].as_str().unwrap(),
        format!("https://example.org/dossier/{doc}index.html")
    );
    let page = std::fs::read_to_string(out.join(doc).join("index.html")).unwrap();
    assert!(
        page.contains(&format!("id=\"{anchor}\"")),
        "{doc} has no #{anchor}"
    );
}

#[test]
fn manifest_names_the_format_version_and_every_export() {
    let (_tmp, out) = common::built_seed();
    let manifest = json(&out.join("data/manifest.json"));
    assert_eq!(manifest["version"], 4);
    assert_eq!(manifest["generator"], "dossier");
    assert_eq!(manifest["base_url"], "https://example.org/dossier/");
    let documents = json(&out.join("data/documents.json"));
    assert_eq!(manifest["documents"], documents.as_array().unwrap().len());
    let files = manifest["files"].as_object().unwrap();
    // The timeline is a file per decade, in time order, each holding its
    // decade's entries only.
    let parts = files["timeline"].as_array().unwrap();
    let decades: Vec<i64> = parts
        .iter()
        .map(|p| {
            let p = p.as_str().unwrap();
            let name = p.strip_prefix("data/timeline/").unwrap();
            name.strip_suffix("s.json").unwrap().parse().unwrap()
        })
        .collect();
    // The seeds date nothing in the 1970s: no file for it.
    assert_eq!(decades, [1940, 1950, 1960, 1980, 1990, 2000, 2010, 2020]);
    for (p, d) in parts.iter().zip(&decades) {
        let part = json(&out.join(p.as_str().unwrap()));
        let years: Vec<i64> = part
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["year"].as_i64().unwrap())
            .collect();
        assert!(
            !years.is_empty() && years.iter().all(|y| y.div_euclid(10) * 10 == *d),
            "{p}"
        );
    }
    assert!(!out.join("data/timeline.json").exists());
    for name in ["documents", "topics", "citations", "bibtex", "ris"] {
        let path = files[name].as_str().unwrap();
        assert!(out.join(path).is_file(), "{name}: {path}");
    }
    for d in documents.as_array().unwrap() {
        let doc = d["doc"].as_str().unwrap();
        assert!(out.join(doc).join("index.html").is_file(), "{doc}");
        assert!(d["title"].as_str().is_some_and(|t| !t.is_empty()));
        let source = d["source"].as_str().unwrap();
        assert!(source.ends_with(".txt") || source.ends_with(".md"), "{d}");
    }
}

#[test]
fn cited_in_links_land_on_their_footnotes() {
    let (_tmp, out) = common::built_seed();
    let index = std::fs::read_to_string(out.join("citations/index.html")).unwrap();
    let page = std::fs::read_to_string(out.join(
        "the-ballgame-of-russia-china-convergence-and-how-the-united-states-figures-in/index.html",
    ))
    .unwrap();
    for n in 1..=29 {
        let link = format!("../the-ballgame-of-russia-china-convergence-and-how-the-united-states-figures-in/index.html#fn-{n}\"");
        assert!(index.contains(&link), "note {n} is cited from the index");
    }
    assert_eq!(
        page.matches("class=\"cite\" href=\"../citations/index.html#")
            .count(),
        29
    );
}

#[test]
fn bibtex_has_an_entry_per_work() {
    let (_tmp, out) = common::built_seed();
    let bib = std::fs::read_to_string(out.join("data/citations.bib")).unwrap();
    assert_eq!(bib.matches("\n@").count(), 26);
    assert!(bib.contains("@article{ong-2009-chinas-strategic-convergence,"));
    assert!(bib.contains("  doi = {10.1080/10163270903087329},"));
    // Every brace is the entries' own: braces in the text are commands.
    assert_eq!(bib.matches('{').count(), bib.matches('}').count());
    assert!(
        bib.contains("pages = {315--328}") || bib.contains("--"),
        "{bib}"
    );
    let ris = std::fs::read_to_string(out.join("data/citations.ris")).unwrap();
    assert_eq!(ris.matches("TY  - ").count(), 26);
    assert_eq!(ris.matches("ER  - ").count(), 26);
}

/// A tool the CI installs (see `.ci/run`); outside CI its absence skips.
fn have(program: &str, args: &[&str]) -> bool {
    let ok = Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok || std::env::var_os("CI").is_none(),
        "CI must install {program} {args:?} (see .ci/run)"
    );
    ok
}

#[test]
fn bibtex_and_ris_are_read_by_their_consumers() {
    if !have("python3", &["-c", "import pybtex, rispy"]) {
        eprintln!("pybtex or rispy not installed; skipped");
        return;
    }
    let (_tmp, out) = common::built_seed();
    let script = r#"
import sys, pybtex.database, rispy
bib = pybtex.database.parse_file(sys.argv[1], bib_format="bibtex")
with open(sys.argv[2], encoding="utf-8") as f:
    ris = rispy.load(f)
print(len(bib.entries), len(ris))
for key, e in bib.entries.items():
    assert e.fields.get("title") or e.type == "misc", key
    assert "url" not in e.fields or chr(92) not in e.fields["url"], e.fields["url"]
for r in ris:
    assert r.get("id") and r.get("type_of_reference"), r
"#;
    let o = Command::new("python3")
        .args(["-c", script])
        .arg(out.join("data/citations.bib"))
        .arg(out.join("data/citations.ris"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "26 26");
    // Cases, treaties, resolutions and Chinese notes: every work read.
    let (_forms_tmp, forms, built) =
        common::build_site(&common::repo().join("tests/fixtures/reference-forms"));
    assert!(built.status.success());
    let works = json(&forms.join("data/citations.json"))
        .as_array()
        .unwrap()
        .len();
    let o = Command::new("python3")
        .args(["-c", script])
        .arg(forms.join("data/citations.bib"))
        .arg(forms.join("data/citations.ris"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        format!("{works} {works}")
    );
    let ris = std::fs::read_to_string(forms.join("data/citations.ris")).unwrap();
    assert!(
        ris.contains("TY  - CASE\r\n") && ris.contains("TY  - STAT\r\n"),
        "{ris}"
    );
}

#[test]
fn timeline_and_topics_exports() {
    let (_tmp, out) = common::built_seed();
    let entries = common::timeline_export(&out);
    assert!(entries.len() >= 25);
    let years: Vec<i64> = entries
        .iter()
        .map(|e| e["year"].as_i64().unwrap())
        .collect();
    assert!(years.windows(2).all(|w| w[0] <= w[1]), "in order");
    assert_eq!(years.first(), Some(&1949));
    assert_eq!(years.last(), Some(&2021));
    assert!(years.iter().all(|y| (1949..=2021).contains(y)));
    let cold_war = entries.iter().find(|e| e["label"] == "1947–1991").unwrap();
    assert_eq!(
        (cold_war["end_year"].as_i64(), cold_war["clipped"].as_bool()),
        (Some(1991), Some(true))
    );
    // `clipped` is written only when true.
    assert!(entries.iter().all(|e| e["clipped"] != false));
    for e in &entries {
        let paragraph = e["paragraph"].as_str().unwrap();
        assert_anchor(&out, e["doc"].as_str().unwrap(), paragraph);
    }
    let topics = json(&out.join("data/topics.json"));
    let arctic = topics
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "arctic")
        .unwrap();
    // Passages are grouped by document: each names its paragraphs.
    let passages = arctic["passages"].as_array().unwrap();
    let count: usize = passages
        .iter()
        .map(|p| p["paragraphs"].as_array().unwrap().len())
        .sum();
    assert_eq!(count, 2);
    for p in passages {
        for id in p["paragraphs"].as_array().unwrap() {
            assert_anchor(&out, p["doc"].as_str().unwrap(), id.as_str().unwrap());
        }
    }
    assert!(arctic["mentions"].as_i64().unwrap() >= 5);
}

#[test]
fn pandoc_citeproc_reads_the_csl_json() {
    if Command::new("pandoc").arg("--version").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install pandoc (see .ci/run)"
        );
        eprintln!("pandoc not installed; skipped");
        return;
    }
    let (tmp, out) = common::built_seed();
    let doc = tmp.path().join("all.md");
    std::fs::write(&doc, "---\nnocite: \"@*\"\n---\n").unwrap();
    let o = Command::new("pandoc")
        .arg(&doc)
        .arg("--citeproc")
        .arg(format!(
            "--bibliography={}",
            out.join("data/citations.json").display()
        ))
        .args(["-t", "plain", "--wrap=none"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        String::from_utf8_lossy(&o.stderr).is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(text.contains("Ong, Russell. 2009."), "{text}");
    assert!(
        text.contains("Korean Journal Of Defense Analysis 21 (3): 315–28"),
        "{text}"
    );
    let bib = tmp.path().join("all.bib");
    std::fs::copy(out.join("data/citations.bib"), &bib).unwrap();
    let o = Command::new("pandoc")
        .arg(&doc)
        .arg("--citeproc")
        .arg(format!("--bibliography={}", bib.display()))
        .args(["-t", "plain", "--wrap=none"])
        .output()
        .unwrap();
    assert!(
        o.status.success() && String::from_utf8_lossy(&o.stdout).contains("Ong, Russell"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// The CSL 1.0.2 item types and the variables dossier may write (a subset
/// of the schema's), with `custom`, the schema's place for extensions.
const CSL_TYPES: &[&str] = &[
    "article",
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "bill",
    "book",
    "chapter",
    "document",
    "hearing",
    "legal_case",
    "legislation",
    "manuscript",
    "paper-conference",
    "report",
    "treaty",
    "webpage",
];
const CSL_KEYS: &[&str] = &[
    "id",
    "type",
    "title",
    "author",
    "container-title",
    "collection-title",
    "publisher",
    "authority",
    "volume",
    "issue",
    "page",
    "issued",
    "URL",
    "DOI",
    "custom",
];

#[test]
fn csl_json_keeps_to_the_schema() {
    // The seed site, and papers whose reference lists hold preprints and
    // organisations.
    let site = tempfile::tempdir().unwrap();
    common::copy_dir(
        &common::repo().join("tests/fixtures/converters"),
        site.path(),
    );
    let (fixture_tmp, fixture_out, o) = common::build_site(site.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // Notes in many forms: cases, treaties, resolutions, Chinese notes.
    let (forms_tmp, forms_out, o) =
        common::build_site(&common::repo().join("tests/fixtures/reference-forms"));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for (tmp, out) in [
        common::built_seed(),
        (fixture_tmp, fixture_out),
        (forms_tmp, forms_out),
    ] {
        let items = json(&out.join("data/citations.json"));
        for item in items.as_array().unwrap() {
            let obj = item.as_object().unwrap();
            for key in obj.keys() {
                assert!(CSL_KEYS.contains(&key.as_str()), "{key} in {item}");
            }
            assert!(
                CSL_TYPES.contains(&item["type"].as_str().unwrap()),
                "{item}"
            );
            for a in item["author"].as_array().into_iter().flatten() {
                let names: Vec<&String> = a.as_object().unwrap().keys().collect();
                assert!(names == ["family", "given"] || names == ["literal"], "{a}");
            }
            if let Some(d) = item.get("issued") {
                let parts = d["date-parts"][0].as_array().unwrap();
                assert!(
                    (1..=3).contains(&parts.len()) && parts.iter().all(Value::is_u64),
                    "{d}"
                );
            }
        }
        drop(tmp);
    }
}

#[test]
fn csl_types_keep_containers_where_reference_managers_keep_them() {
    let (_tmp, out) = common::built_seed();
    let items = json(&out.join("data/citations.json"));
    for item in items.as_array().unwrap() {
        let t = item["type"].as_str().unwrap();
        if t == "document" {
            assert!(item.get("container-title").is_none(), "{item}");
        }
        if t == "report" {
            assert!(item.get("container-title").is_none(), "{item}");
        }
    }
}
