//! Where a title ends and an abbreviated journal's name begins, when
//! nothing but the journal's own full stops parts them (`… in advanced
//! detectors Class. Quantum Grav. 18 L95`, `… anti-spring blades Nucl.
//! Instrum. Methods Phys. Res. A 540`): the first word of the journal
//! reads as the title's last, and the journal is left without it.

use super::citations::Reference;

/// Words that open abbreviated journal names (ISO 4 forms): a title that
/// ends in one of them, with its full stop, right before the rest of an
/// abbreviated journal name, has taken the journal's first word.
const HEADS: &[&str] = &[
    "Acta",
    "Adv",
    "Am",
    "Ann",
    "Annu",
    "Appl",
    "Arch",
    "Astron",
    "Astrophys",
    "Aust",
    "Biochem",
    "Biol",
    "Br",
    "Brit",
    "Bull",
    "Can",
    "Chem",
    "Chin",
    "Class",
    "Clin",
    "Commun",
    "Comput",
    "Curr",
    "Eur",
    "Europhys",
    "Exp",
    "Fiz",
    "Geophys",
    "Ind",
    "Inorg",
    "Int",
    "Isr",
    "J",
    "Jpn",
    "Mater",
    "Math",
    "Med",
    "Mod",
    "Mol",
    "Mon",
    "Nat",
    "Natl",
    "Nucl",
    "Opt",
    "Org",
    "Philos",
    "Phys",
    "Proc",
    "Prog",
    "Rev",
    "Sci",
    "Sov",
    "Theor",
    "Trans",
    "Z",
    "Zh",
];

/// Gives the journal back the first word the title took from it.
pub(super) fn give_back(r: &mut Reference, text: &str) {
    let (Some(title), Some(container)) = (&r.title, &r.container) else {
        return;
    };
    let Some((head, last)) = title.rsplit_once(' ') else {
        return;
    };
    let word = last.trim_end_matches('.');
    if !HEADS.contains(&word) || head.split_whitespace().count() < 2 {
        return;
    }
    // The journal's name is abbreviated (a full stop after one of its
    // words), and the word stood right before it, with its full stop.
    let abbreviated = container.contains('.') || text.contains(&format!("{container}."));
    let joined = [" ", ""]
        .iter()
        .any(|gap| text.contains(&format!("{word}.{gap}{container}")));
    if !(abbreviated && joined) {
        return;
    }
    let title = head.trim_end_matches([',', ' ', ':']).to_string();
    r.container = Some(format!("{word}. {container}"));
    r.title = Some(title);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(title: &str, container: &str, text: &str) -> (String, String) {
        let mut r = Reference {
            title: Some(title.into()),
            container: Some(container.into()),
            ..Reference::default()
        };
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
