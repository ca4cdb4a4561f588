//! A collection in four languages (`tests/fixtures/languages`): readable
//! URLs, each text marked with its language, the timeline and the topic
//! pages gathering all four, and the interface in the site's language.

mod common;

use common::file as page;
use dossier::config::Overrides;
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/languages")
}

/// A copy of the fixture in a temporary folder, with `extra` appended to
/// its config.
fn copy_with_config(extra: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    std::fs::create_dir_all(root.join("content")).unwrap();
    for e in std::fs::read_dir(fixture().join("content")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, root.join("content").join(p.file_name().unwrap())).unwrap();
    }
    let config = std::fs::read_to_string(fixture().join("config.toml")).unwrap();
    std::fs::write(root.join("config.toml"), format!("{config}\n{extra}\n")).unwrap();
    tmp
}

const RU: &str = "gazoprovod-sila-sibiri-i-energetika-dalnego-vostoka/index.html";
const ZH: &str = "zhong-e-tian-ran-qi-he-zuo-de-xin-jie-duan/index.html";
const FR: &str = "les-elements-dune-cooperation-energetique/index.html";
const EN: &str = "a-long-road-to-a-gas-contract/index.html";

#[test]
fn every_text_has_a_readable_url_and_its_language() {
    let built = dossier::build_in_memory(&fixture(), &Overrides::default()).unwrap();
    for (path, lang) in [
        (RU, Some("ru")),
        (ZH, Some("zh")),
        (FR, Some("fr")),
        (EN, None),
    ] {
        let html = page(&built, path);
        match lang {
            Some(l) => assert!(
                html.contains(&format!("<div class=\"doc-body\" lang=\"{l}\">")),
                "{path}"
            ),
            None => assert!(html.contains("<div class=\"doc-body\">"), "{path}"),
        }
        assert!(
            html.contains("<html lang=\"en\""),
            "{path}: the interface is the site's"
        );
    }
}

#[test]
fn the_timeline_and_topics_gather_all_four_languages() {
    let built = dossier::build_in_memory(&fixture(), &Overrides::default()).unwrap();
    let entries = common::timeline_built(&built);
    for doc in [RU, ZH, FR, EN] {
        let doc = doc.trim_end_matches("index.html");
        let of = |label: &str| {
            entries
                .iter()
                .any(|e| e["doc"] == doc && e["label"] == label && e["precision"] != "year")
        };
        assert!(of("21 May 2014"), "{doc}: the signing day");
        assert!(of("December 2019"), "{doc}: the first deliveries");
    }
    let zh_sentence = entries
        .iter()
        .find(|e| e["doc"] == ZH.trim_end_matches("index.html") && e["label"] == "21 May 2014")
        .unwrap()["text"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        zh_sentence.ends_with('。') && zh_sentence.starts_with("2014年"),
        "{zh_sentence}"
    );
    for topic in ["energy", "gas", "pipeline"] {
        let html = page(&built, &format!("topics/{topic}/index.html"));
        for doc in [RU, ZH, FR, EN] {
            assert!(html.contains(doc), "topic {topic} lists {doc}");
        }
        for lang in ["ru", "zh", "fr"] {
            assert!(
                html.contains(&format!("aria-labelledby=\"d-1\" lang=\"{lang}\""))
                    || html.contains(&format!("\" lang=\"{lang}\">")),
                "topic {topic}: the {lang} passages are marked"
            );
        }
    }
}

#[test]
fn a_russian_site_speaks_russian() {
    let site =
        copy_with_config("language = \"ru\"\n[translations]\nall_documents = \"Все тексты\"");
    // TOML rejects a key set twice: the English line goes.
    let config = std::fs::read_to_string(site.path().join("config.toml")).unwrap();
    std::fs::write(
        site.path().join("config.toml"),
        config.replacen("language = \"en\"\n", "", 1),
    )
    .unwrap();
    let built = dossier::build_in_memory(site.path(), &Overrides::default()).unwrap();
    let ru = page(&built, RU);
    assert!(ru.contains("<html lang=\"ru\""));
    assert!(ru.contains("мин. чтения"), "reading time in Russian");
    assert!(
        ru.contains("<div class=\"doc-body\">"),
        "its own language is the site's"
    );
    assert!(
        ru.contains("Хронология") && ru.contains("Все тексты"),
        "navigation, and the site's own word"
    );
    let en = page(&built, EN);
    assert!(en.contains("<div class=\"doc-body\" lang=\"en\">"));
    assert!(en.contains("22 мая 2014 г."), "dates in Russian");
    assert!(
        en.contains("data-strings=\""),
        "search.js gets the Russian words"
    );
    let timeline = page(&built, "timeline/index.html");
    assert!(timeline.contains("Хронология") && timeline.contains("21 мая 2014 г."));
    assert!(timeline.contains("2010-е"), "decades in Russian");
}

#[test]
fn unicode_slugs_keep_the_script() {
    let site = copy_with_config("slugs = \"unicode\"");
    let built = dossier::build_in_memory(site.path(), &Overrides::default()).unwrap();
    let paths: Vec<&str> = built.files.iter().map(|f| f.path.as_str()).collect();
    for want in [
        // Cut at a word within 80 bytes.
        "газопровод-сила-сибири-и-энергетика/index.html",
        "中俄天然气合作的新阶段/index.html",
        "les-éléments-dune-coopération-énergétique/index.html",
    ] {
        assert!(paths.contains(&want), "{want} in {paths:?}");
    }
    let broken = dossier::check::check_links(&built.files);
    assert!(broken.is_empty(), "{broken:?}");
}

#[test]
fn a_right_to_left_site_is_laid_out_so() {
    let site = copy_with_config("");
    let config = std::fs::read_to_string(site.path().join("config.toml")).unwrap();
    std::fs::write(
        site.path().join("config.toml"),
        config.replacen("language = \"en\"", "language = \"ar\"", 1),
    )
    .unwrap();
    let built = dossier::build_in_memory(site.path(), &Overrides::default()).unwrap();
    let home = page(&built, "index.html");
    assert!(
        home.contains("<html lang=\"ar\" dir=\"rtl\">"),
        "{}",
        &home[..200]
    );
    // A language without a table of its own reads the English words.
    assert!(home.contains(">Documents<") || home.contains("All documents"));
    // Its English text is marked, and laid out left to right.
    assert!(page(&built, EN).contains("<div class=\"doc-body\" lang=\"en\" dir=\"ltr\">"));
}
