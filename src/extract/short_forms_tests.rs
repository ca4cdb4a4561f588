//! Tests of `short_forms`.

use super::*;

#[test]
fn signals_are_dropped() {
    assert_eq!(
        without_signal("See Ong, Russell. \"A Title.\""),
        "Ong, Russell. \"A Title.\""
    );
    assert_eq!(
        without_signal("*See also* Hobsbawm, Eric."),
        "Hobsbawm, Eric."
    );
    assert_eq!(
        without_signal("Cf. *The Long Peace*, 3."),
        "*The Long Peace*, 3."
    );
    assert_eq!(
        without_signal("Seeds of the crisis."),
        "Seeds of the crisis."
    );
    assert_eq!(without_signal("See the appendix."), "See the appendix.");
    assert_eq!(
        without_signal("*See,* Orr v. Lane, 12 F.3d 4 (1st Cir. 1999)."),
        "Orr v. Lane, 12 F.3d 4 (1st Cir. 1999)."
    );
    // Bluebook signals, emphasised whole with what they carry.
    for (note, want) in [
        (
            "*See, e.g.*, Stephen C. Lowry, The Law of Rivers 406–09 (3d ed. 2019).",
            "Stephen C. Lowry",
        ),
        (
            "_But see_ Orr v. Lane, 12 F.3d 4 (1st Cir. 1999).",
            "Orr v. Lane",
        ),
        (
            "*See generally* Owen Marsh, *Rivers*, 22 J. Env't L. 475 (2010).",
            "Owen Marsh",
        ),
        ("*Cf.* *Rivers and Rights*, 3.", "*Rivers and Rights*"),
        ("*See also, e.g.*, 2999 U.N.T.S. 77.", "2999 U.N.T.S."),
    ] {
        assert!(
            without_signal(note).starts_with(want),
            "{note}: {}",
            without_signal(note)
        );
    }
    // An emphasised title that opens with a signal's word is kept.
    assert_eq!(
        without_signal("*See You in Court* (Harbour Press, 2001)."),
        "*See You in Court* (Harbour Press, 2001)."
    );
    // A note of a signal and a link: the link is kept apart.
    assert_eq!(without_signal("See ."), "");
}

#[test]
fn back_references() {
    for t in [
        "Ibid.",
        "*Ibid.*, p. 4",
        "*Ibidem*",
        "Id. at 12",
        "Id.",
        "Там же. С. 5.",
        "同上",
    ] {
        assert_eq!(back(t), Back::Previous, "{t}");
    }
    assert_eq!(back("Smith, supra note 5, at 12."), Back::Note(5));
    assert_eq!(back("Smith, *supra* note 5, at 12."), Back::Note(5));
    assert_eq!(back("Weller (n 7) 130."), Back::Note(7));
    assert_eq!(back("*Weller* (n 12)."), Back::Note(12));
    assert_eq!(back("Weller (n 7a)."), Back::Full);
    assert_eq!(back("Smith, _supra_ notes 5, 7."), Back::Full);
    assert_eq!(
        back("Hobsbawm, op. cit., p. 40."),
        Back::Author("Hobsbawm".into())
    );
    assert_eq!(
        back("Carbonnier, *op. cit.*, p. 215."),
        Back::Author("Carbonnier".into())
    );
    for (text, family) in [
        ("M. Leroy, art. cité, p. 210.", "Leroy"),
        ("Leroy, *ouvr. cité*, p. 12.", "Leroy"),
        ("Müller, a.a.O., S. 60.", "Müller"),
        ("Müller, aaO, S. 61.", "Müller"),
    ] {
        assert_eq!(back(text), Back::Author(family.into()), "{text}");
    }
    // Letters inside a word are no abbreviation.
    assert_eq!(back("Naao, Ports, 2001."), Back::Full);
    assert_eq!(back("Idris, Amal. A Title. 2019."), Back::Full);
    assert_eq!(back("Identity politics, a remark."), Back::Full);
}

#[test]
fn notes_that_refer_back_take_the_reference_they_mean() {
    let md = "A[^1] B[^2] C[^3] D[^4] E[^5] F[^6] G[^7]\n\n\
[^1]: See Hartley, Zora. *The Long Frontier*. Northern Press, 2004.\n\
[^2]: *Id.* at 12.\n\
[^3]: Okafor, Nia. \"River Law.\" *Journal of Waters* 3, no. 2 (2011): 1-20.\n\
[^4]: Hartley, supra note 1, at 40.\n\
[^5]: Okafor, op. cit., p. 7.\n\
[^6]: Hartley, *The Long Frontier*, 99.\n\
[^7]: Ibid.\n";
    let (doc, _) = crate::parse::parse(md);
    let cited = super::super::references::read_citations(&doc);
    let title = |i: usize| cited[i].reference.title.clone().unwrap_or_default();
    assert_eq!(cited.len(), 7, "{cited:#?}");
    assert_eq!(title(0), "The Long Frontier");
    assert_eq!(cited[0].reference.authors[0].family, "Hartley");
    for (i, want) in [
        (1, "The Long Frontier"),
        (3, "The Long Frontier"),
        (4, "River Law"),
        (5, "The Long Frontier"),
        (6, "The Long Frontier"),
    ] {
        assert_eq!(title(i), want, "note {}", i + 1);
        assert!(cited[i].ibid, "note {}", i + 1);
    }
    // One work each: the back-references share the full one's keys.
    let keys = |i: usize| super::super::citations::match_keys(&cited[i].reference);
    assert_eq!(keys(5), keys(0));
}

#[test]
fn ibid_after_a_note_that_cites_nothing_stands_for_nothing() {
    let md = "A[^1] B[^2] C[^3] D[^4]\n\n\
[^1]: Hartley, Zora. *The Long Frontier*. Northern Press, 2004.\n\
[^2]: The commission's minutes of that year are lost.\n\
[^3]: *Id.* at 12.\n\
[^4]: Ibid., 14.\n";
    let (doc, _) = crate::parse::parse(md);
    let cited = super::super::references::read_citations(&doc);
    // Note 3 does not fall back on note 1's book, two notes up; note 4
    // follows a note that resolved to nothing, so it too stands for nothing.
    assert_eq!(cited.len(), 1, "{cited:#?}");
    assert!(matches!(cited[0].at, super::super::Place::Note(0)));
}

#[test]
fn a_supra_takes_the_work_of_its_note_that_it_names() {
    assert_eq!(
        supra_name("Okonjo, *supra* note 7, at 460."),
        Some("Okonjo")
    );
    assert_eq!(
        supra_name("*Pipeline Sanctions*, supra note 5."),
        Some("Pipeline Sanctions")
    );
    assert_eq!(supra_name("Weller (n 7) 130."), Some("Weller"));
    assert_eq!(supra_name("Supra note 3."), None);
    let md = "A[^1] B[^2] C[^3] D[^4]\n\n\
[^1]: Compare Mara Lind, *Sanctions as Statecraft*, 133 Harv. L. Rev. 1102 (2020), with Peter Oko, *Trade Limits*, 88 U. Chi. L. Rev. 455 (2021).\n\
[^2]: Lind, *supra* note 1, at 1115.\n\
[^3]: Oko, *supra* note 1, at 460.\n\
[^4]: Quist, *supra* note 1, at 3.\n";
    let (doc, _) = crate::parse::parse(md);
    let cited = super::super::references::read_citations(&doc);
    assert_eq!(
        titles_in(&cited, 1),
        ["Sanctions as Statecraft"],
        "{cited:#?}"
    );
    assert_eq!(titles_in(&cited, 2), ["Trade Limits"], "{cited:#?}");
    // A name the note does not cite: no work, rather than the wrong one.
    assert!(titles_in(&cited, 3).is_empty(), "{cited:#?}");
}

#[test]
fn a_short_title_may_leave_out_the_article() {
    let md = "A[^1] B[^2]\n\n\
[^1]: Lorenz Lund, *The Sino-Soviet Split: Cold War in the Communist World* (Princeton: Harbour Press, 2008), 114.\n\
[^2]: Lund, *Sino-Soviet Split*, 120.\n";
    let (doc, _) = crate::parse::parse(md);
    let cited = super::super::references::read_citations(&doc);
    assert_eq!(cited.len(), 2, "{cited:#?}");
    assert!(cited[1].ibid, "{cited:#?}");
    assert_eq!(cited[1].reference.title, cited[0].reference.title);
}

#[test]
fn bluebook_notes_as_law_reviews_write_them() {
    // A case whose first party is a company; `*compare* A, *with* B`;
    // `*id.*` in lower case after a semicolon meaning the part before it,
    // not the note before.
    let md = "A[^1] B[^2] C[^3]\n\n\
[^1]: Harbour Docks LLC v. Marsh, 141 S. Ct. 2190, 2204 (2021).\n\
[^2]: *Id.* at 2206; *compare* Lind v. Okafor, 867 F.3d 1108, 1113 (9th Cir. 2017), *with* Berg v. Quay Commc'ns, Inc., 836 F.3d 925, 930 (8th Cir. 2016).\n\
[^3]: Tidal Records Act, 15 U.S.C. § 1681 (2018); *id.* § 1681b.\n";
    let (doc, _) = crate::parse::parse(md);
    let cited = super::super::references::read_citations(&doc);
    assert_eq!(
        titles_in(&cited, 0),
        ["Harbour Docks LLC v. Marsh"],
        "{cited:#?}"
    );
    assert_eq!(
        titles_in(&cited, 1),
        [
            "Harbour Docks LLC v. Marsh",
            "Lind v. Okafor",
            "Berg v. Quay Commc’ns, Inc"
        ],
        "{cited:#?}"
    );
    assert_eq!(
        titles_in(&cited, 2),
        ["Tidal Records Act", "Tidal Records Act"],
        "{cited:#?}"
    );
}

#[test]
fn a_short_form_may_name_two_authors_or_the_first_and_others() {
    let md = "A[^1] B[^2] C[^3] D[^4] E[^5]\n\n\
[^1]: Rolf Lind and Stefan Okafor, *The Years of Rain: Farming on the Delta, 1931–1933* (Leeds: Quay Press, 2004), 112.\n\
[^2]: Mara Berg, Ivo Tan, and Ada Roe, *River Ports* (Hull: Dock Press, 1999), 3.\n\
[^3]: Lind and Okafor, *Years of Rain*, 120.\n\
[^4]: Berg et al., *River Ports*, 9.\n\
[^5]: Lind and Berg, *Years of Rain*, 121.\n";
    let (doc, _) = crate::parse::parse(md);
    let cited = super::super::references::read_citations(&doc);
    let of = |note: usize| {
        cited
            .iter()
            .find(|c| matches!(c.at, super::super::Place::Note(k) if k == note))
    };
    let first = of(0).unwrap();
    let third = of(2).unwrap();
    assert!(third.ibid, "{cited:#?}");
    assert_eq!(third.reference.title, first.reference.title);
    let fourth = of(3).unwrap();
    assert!(fourth.ibid, "{cited:#?}");
    assert_eq!(fourth.reference.title, of(1).unwrap().reference.title);
    // The second name is not the full form's second author: no link.
    assert!(of(4).is_none_or(|c| !c.ibid), "{cited:#?}");
}

#[test]
fn letters_that_lower_case_longer_do_not_break_op_cit() {
    // `İ` lower-cases to two characters: offsets in the lower-cased text
    // are not the text's.
    for text in ["İİİİ, op. cit., p. 4.", "Kİ, a.a.O., S. 60.", "İ aao, S. 2"] {
        // No panic, and a name found is one the text holds.
        match back(text) {
            Back::Author(name) => assert!(text.contains(&name), "{text}: {name}"),
            other => assert_eq!(other, Back::Full, "{text}"),
        }
    }
}

/// The titles of what note `note` (counted from 0) cites.
fn titles_in(cited: &[super::super::Cited], note: usize) -> Vec<String> {
    cited
        .iter()
        .filter(|c| matches!(c.at, super::super::Place::Note(k) if k == note))
        .map(|c| c.reference.title.clone().unwrap_or_default())
        .collect()
}
