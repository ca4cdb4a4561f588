//! The citation index's people: one spelling per person, and two people
//! who share a family name kept apart by their initials.

mod common;

#[test]
fn people_with_one_family_name_and_other_initials_stay_apart() {
    let site = common::small_site();
    let notes = [
        "Abernathy, V. (1990). Quiet Harbours of the North. Journal of Coastal Studies, 4(2), 11–30.",
        "Abernathy, C. (1991). Ledgers and Their Keepers. Archive Review, 7(1), 5–19.",
        "Abernathy, C. (1994). Ledgers Revisited. Archive Review, 10(3), 40–52.",
        "Okafor, W. and Abernathy, V. (1996). Tides in the Record. Journal of Coastal Studies, 9(1), 1–9.",
    ];
    let mut text = String::from("Four works are cited here[^1][^2][^3][^4].\n\n");
    for (i, n) in notes.iter().enumerate() {
        text.push_str(&format!("[^{}]: {n}\n", i + 1));
    }
    common::write_doc(site.path(), "a.md", "Notes", &[text]);
    let (_tmp, out, o) = common::build_site(site.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let items = common::json(&out.join("data/citations.json"));
    let first_author = |title: &str| {
        let item = items
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["title"] == title)
            .unwrap_or_else(|| panic!("no work {title}: {items}"));
        item["author"][0]["given"].as_str().unwrap().to_string()
    };
    assert_eq!(first_author("Quiet Harbours of the North"), "V.");
    assert_eq!(first_author("Ledgers and Their Keepers"), "C.");
    assert_eq!(first_author("Ledgers Revisited"), "C.");
    // The cited authors page lists the two Abernathys apart.
    let authors = std::fs::read_to_string(out.join("citations/authors/index.html")).unwrap();
    assert!(authors.contains("Abernathy, V."), "{authors}");
    assert!(authors.contains("Abernathy, C."), "{authors}");
}
