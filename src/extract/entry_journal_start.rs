//! Where a title ends and a journal's name begins, when the labeller or
//! the rules put the bound a word off: the first word of an abbreviated
//! journal read as the title's last (`… in advanced detectors Class.
//! Quantum Grav. 18 L95`), as a one-word title (`C. Roe, Phys. Rev. B, 73`)
//! or as a name (`Eur. J. Phys. 32`); or the title's last words, before a
//! comma, read as the journal's first (`… in Perturbative QCD, Phys. Rev.
//! D 91`).

use super::citations::Reference;

/// Abbreviated words that open journal names (ISO 4 forms, and no
/// English word): one of them, with its full stop, right before the rest
/// of an abbreviated journal name belongs to it.
const HEADS: &[&str] = &[
    "Acad",
    "Adv",
    "Agric",
    "Am",
    "Anal",
    "Ann",
    "Annu",
    "Appl",
    "Arch",
    "Astron",
    "Astrophys",
    "Atmos",
    "Aust",
    "Biochem",
    "Biol",
    "Br",
    "Brit",
    "Bull",
    "Can",
    "Cardiol",
    "Chem",
    "Chin",
    "Class",
    "Clin",
    "Commun",
    "Comput",
    "Curr",
    "Ecol",
    "Econ",
    "Educ",
    "Electron",
    "Endocrinol",
    "Environ",
    "Eur",
    "Europhys",
    "Evol",
    "Exp",
    "Fiz",
    "Funct",
    "Genet",
    "Geol",
    "Geom",
    "Geophys",
    "Immunol",
    "Ind",
    "Inorg",
    "Int",
    "Isr",
    "J",
    "Jpn",
    "Mater",
    "Math",
    "Mech",
    "Med",
    "Microbiol",
    "Mod",
    "Mol",
    "Mon",
    "Nat",
    "Natl",
    "Neurosci",
    "Nucl",
    "Numer",
    "Oncol",
    "Opt",
    "Org",
    "Pharmacol",
    "Philos",
    "Phys",
    "Physiol",
    "Proc",
    "Prog",
    "Psychol",
    "Q",
    "Rev",
    "Sci",
    "Sov",
    "Stat",
    "Theor",
    "Trans",
    "Z",
    "Zh",
];

/// Whether `stem` (a word before its full stop) opens abbreviated journal
/// names.
pub(super) fn opens_journal(stem: &str) -> bool {
    HEADS.contains(&stem)
}

/// Gives the journal back the words the title, or the names, took from
/// it; or the title the words the journal took.
pub(super) fn give_back(r: &mut Reference, text: &str) {
    let _ = title_tail(r, text)
        || one_word_title(r, text)
        || head_word(r, text)
        || title_words(r, text);
}

/// Words that join the words of a journal's name (`J. Phys. A: Math.
/// and Gen.`, `Ann. de l'Inst.`).
const JOINING: &[&str] = &[
    "and", "of", "the", "for", "on", "de", "des", "du", "der", "für", "la", "le", "di", "&",
];

/// `Lund P 2009 Thermal noise in mirror coatings Phys. Rev. D 80`: the
/// title's last words read as the journal's first, before its first
/// abbreviated word. Taken back when one of them is a word no journal's
/// name holds before its abbreviated words: lower case, and not a joining
/// word (`in Proc. …` and `New J. Phys.` keep theirs).
fn title_words(r: &mut Reference, text: &str) -> bool {
    let (Some(title), Some(container)) = (&r.title, &r.container) else {
        return false;
    };
    let words: Vec<&str> = container.split(' ').collect();
    let Some(at) = words
        .iter()
        .position(|w| w.strip_suffix('.').is_some_and(|s| HEADS.contains(&s)))
    else {
        return false;
    };
    let lead = &words[..at];
    let stray = lead.iter().enumerate().any(|(n, w)| {
        w.starts_with(char::is_lowercase) && !JOINING.contains(w) && !(n == 0 && *w == "in")
    });
    if !stray {
        return false;
    }
    // The title runs on in the text up to the journal's first abbreviated
    // word (an `in` the reading dropped comes back with the rest).
    let journal = words[at..].join(" ");
    let Some(start) = text.find(title.as_str()) else {
        return false;
    };
    let Some(end) = text[start..].find(&format!(" {journal}")) else {
        return false;
    };
    let title = text[start..start + end].trim().to_string();
    if title.contains(['.', ',', ';']) {
        return false;
    }
    r.title = Some(title);
    r.container = Some(journal);
    true
}

/// `Safety in Perturbative QCD, Phys. Rev. D 91`: the title's last words,
/// before the comma, read as the journal's first, go back to the title.
fn title_tail(r: &mut Reference, text: &str) -> bool {
    let (Some(title), Some(container)) = (&r.title, &r.container) else {
        return false;
    };
    let Some((tail, journal)) = container.split_once(", ") else {
        return false;
    };
    let abbreviated = journal.starts_with(char::is_uppercase)
        && journal.split_whitespace().any(|w| w.ends_with('.'))
        && !journal.contains(", ");
    let joined = text.contains(&format!("{title} {tail}, {journal}"));
    if !(abbreviated && joined && !tail.contains('.') && tail.split_whitespace().count() <= 4) {
        return false;
    }
    let title = format!("{title} {tail}");
    let journal = journal.to_string();
    if r.publisher.as_deref() == Some(title.as_str()) {
        r.publisher = None;
    }
    r.title = Some(title);
    r.container = Some(journal);
    true
}

/// `C. Roe, Phys. Rev. B, 73, 193306`: no title at all; the one
/// abbreviated word read as one opens the journal's name.
fn one_word_title(r: &mut Reference, text: &str) -> bool {
    let (Some(word), Some(container)) = (&r.title, &r.container) else {
        return false;
    };
    let joined = [" ", ""]
        .iter()
        .any(|gap| text.contains(&format!("{word}.{gap}{container}")));
    if !((one_abbreviated_word(word) || HEADS.contains(&word.as_str())) && joined) {
        return false;
    }
    r.container = Some(format!("{word}. {container}"));
    r.title = None;
    true
}

/// `… detectors Class. Quantum Grav. 18`, `Eur. J. Phys. 32`: a word of
/// [`HEADS`] right before an abbreviated journal's name, taken by the
/// title, by the names or by nothing, goes back to the journal.
fn head_word(r: &mut Reference, text: &str) -> bool {
    let Some(container) = &r.container else {
        return false;
    };
    // The journal's name is abbreviated (a full stop after one of its
    // words).
    if !(container.contains('.') || text.contains(&format!("{container}."))) {
        return false;
    }
    // The word right before the journal's name, with its full stop.
    let Some(at) = text.find(container.as_str()) else {
        return false;
    };
    let before = text[..at].trim_end();
    let Some(word) = before.strip_suffix('.') else {
        return false;
    };
    let word = word.rsplit([' ', '.', ',', '(']).next().unwrap_or("");
    if !HEADS.contains(&word) {
        return false;
    }
    let taken_by_title = r.title.as_deref().and_then(|t| {
        let head = t.strip_suffix(word)?;
        (head.ends_with([' ', ',']) && head.split_whitespace().count() >= 2)
            .then(|| head.trim_end_matches([',', ' ', ':']).to_string())
    });
    let taken_by_names = r
        .authors
        .last()
        .is_some_and(|p| p.family == word && p.given.is_empty());
    match (taken_by_title, r.title.is_none()) {
        (Some(title), _) => r.title = Some(title),
        (None, true) if taken_by_names => {
            r.authors.pop();
        }
        // A title with no trace of the word, and no names took it: the
        // word stood alone before the journal (`Patz, 1982, Am. J.
        // Opthalmol.`).
        (None, true) if !r.authors.iter().any(|p| p.family == word) => {}
        _ => return false,
    }
    r.container = Some(format!("{word}. {container}"));
    true
}

/// `Phys`, `Nucl`: an abbreviation's word of two letters or more, alone.
fn one_abbreviated_word(t: &str) -> bool {
    t.chars().count() >= 2
        && !t.contains('.')
        && super::entry_forms::is_abbreviation(&format!("{t}."))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titled(title: &str, container: &str) -> Reference {
        Reference {
            title: Some(title.into()),
            container: Some(container.into()),
            ..Reference::default()
        }
    }

    fn read(title: &str, container: &str, text: &str) -> (String, String) {
        let mut r = titled(title, container);
        give_back(&mut r, text);
        (r.title.unwrap(), r.container.unwrap())
    }

    #[test]
    fn the_journal_gets_its_first_word_back() {
        assert_eq!(
            read(
                "Tidal noise in long baseline detectors Class",
                "Quantum Grav",
                "Roe P and Lund K 2003 Tidal noise in long baseline detectors Class. Quantum Grav. 20 L11"
            ),
            ("Tidal noise in long baseline detectors".into(), "Class. Quantum Grav".into())
        );
        assert_eq!(
            read(
                "A cold source for slow neutrons, Nucl",
                "Instrum. Methods Phys. Res. A",
                "K. Ota, A cold source for slow neutrons, Nucl. Instrum. Methods Phys. Res. A 512 (2004) 40."
            ),
            ("A cold source for slow neutrons".into(), "Nucl. Instrum. Methods Phys. Res. A".into())
        );
    }

    #[test]
    fn the_journal_gets_its_first_word_back_from_names() {
        let mut r = Reference {
            authors: vec![crate::extract::names::Person {
                family: "Eur".into(),
                given: String::new(),
            }],
            container: Some("J. Phys".into()),
            ..Reference::default()
        };
        give_back(&mut r, "Eur. J. Phys. 32 (2011) 1007–1018");
        assert!(r.authors.is_empty());
        assert_eq!(r.container.as_deref(), Some("Eur. J. Phys"));
        // A title that does not end in the word keeps it: the word was
        // somewhere else.
        let mut r = titled("Winters", "J. Phys");
        give_back(&mut r, "K. Ota, Winters, Am. J. Phys. 32 (2011) 10");
        assert_eq!(r.container.as_deref(), Some("J. Phys"));
    }

    #[test]
    fn a_one_word_title_before_the_journal_opens_its_name() {
        let mut r = titled("Phys", "Rev. B");
        give_back(
            &mut r,
            "A. Lund, C Roe, and I Ota, Phys. Rev. B, 73, 193306 (2006).",
        );
        assert_eq!(
            (r.title, r.container.as_deref()),
            (None, Some("Phys. Rev. B"))
        );
        let mut r = titled("Astrophys", "J. Lett");
        give_back(
            &mut r,
            "Alexander, T., & Hopman, C. 2003, Astrophys. J. Lett., 590, L29",
        );
        assert_eq!(
            (r.title, r.container.as_deref()),
            (None, Some("Astrophys. J. Lett"))
        );
        // A one-word title set apart from the journal stands.
        let mut r = titled("Tides", "Rev. B");
        give_back(&mut r, "A. Lund, Tides, Rev. B, 73 (2006).");
        assert_eq!(r.title.as_deref(), Some("Tides"));
    }

    #[test]
    fn the_titles_last_words_before_a_comma_go_back_to_it() {
        let mut r = Reference {
            publisher: Some("Safety in Perturbative QCD".into()),
            ..titled("Safety in Perturbative", "QCD, Phys. Rev. D")
        };
        give_back(
            &mut r,
            "K. Ota, Safety in Perturbative QCD, Phys. Rev. D 91 (2015) 111501.",
        );
        assert_eq!(r.title.as_deref(), Some("Safety in Perturbative QCD"));
        assert_eq!(r.container.as_deref(), Some("Phys. Rev. D"));
        assert_eq!(r.publisher, None);
        // A journal's own comma stays (`Chaos, Solitons and Fractals`).
        let mut r = titled("Rings", "Chaos, Solitons and Fractals");
        give_back(
            &mut r,
            "K. Ota, Rings, Chaos, Solitons and Fractals 19 (2004) 527.",
        );
        assert_eq!(r.container.as_deref(), Some("Chaos, Solitons and Fractals"));
    }

    #[test]
    fn the_titles_last_words_read_as_the_journals_go_back_to_it() {
        let text = "Lund P and Berg K 2009 Thermal noise in mirror coatings Phys. Rev. D 80 102003";
        assert_eq!(
            read("Thermal noise", "mirror coatings Phys. Rev. D", text),
            (
                "Thermal noise in mirror coatings".into(),
                "Phys. Rev. D".into()
            )
        );
        // A proceedings volume, and a journal whose name opens with a
        // full word, keep their words.
        let text = "K. Ota, Tides, in Proc. Int. Conf. Oceans 3 (1999) 12.";
        assert_eq!(
            read("Tides", "in Proc. Int. Conf. Oceans", text),
            ("Tides".into(), "in Proc. Int. Conf. Oceans".into())
        );
        let text = "Ota K 2011 Tides New J. Phys. 13 013025";
        assert_eq!(
            read("Tides", "New J. Phys", text),
            ("Tides".into(), "New J. Phys".into())
        );
    }

    #[test]
    fn titles_that_end_in_other_words_stand() {
        // A place name is no journal's abbreviation.
        let text = "K. Ota, Winters in Paris. Phys. Rev. 12 (1999) 3.";
        assert_eq!(
            read("Winters in Paris", "Phys. Rev", text),
            ("Winters in Paris".into(), "Phys. Rev".into())
        );
        // A full journal name (no full stop in it) keeps its own bounds.
        let text = "K. Ota, Notes on the Class. Nature 12 (1999) 3.";
        assert_eq!(
            read("Notes on the Class", "Nature", text),
            ("Notes on the Class".into(), "Nature".into())
        );
        // The word and the journal apart in the text.
        let text = "K. Ota, Trade with Am. Interests, Phys. Rev. 12 (1999) 3.";
        assert_eq!(
            read("Trade with Am", "Phys. Rev", text),
            ("Trade with Am".into(), "Phys. Rev".into())
        );
    }
}
