//! Author lists at the start of a reference: `Ong, Russell.`,
//! `Kendall-Taylor, Andrea, and David Shullman.`, `Arundha Chenoy.`,
//! `Depetris, Daniel R.` — and the key that makes `Taylor, Andrea Kendall`
//! the same person as `Kendall-Taylor, Andrea`.

/// A person's name split as CSL wants it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Person {
    pub family: String,
    pub given: String,
}

impl Person {
    /// The same for every spelling that uses the same name parts:
    /// lower-cased parts split on spaces, hyphens and full stops, sorted,
    /// initials left out (they are written inconsistently).
    pub fn key(&self) -> String {
        let cut = |c: char| c.is_whitespace() || c == '-' || c == '.';
        let mut parts: Vec<String> = self
            .family
            .split(cut)
            .chain(self.given.split(cut))
            .filter(|p| p.chars().count() > 1)
            .map(str::to_lowercase)
            .collect();
        parts.sort();
        parts.dedup();
        parts.join(" ")
    }

    /// `Family, Given`.
    pub fn sort_name(&self) -> String {
        if self.given.is_empty() {
            self.family.clone()
        } else {
            format!("{}, {}", self.family, self.given)
        }
    }

    /// `Given Family`.
    pub fn display(&self) -> String {
        if self.given.is_empty() {
            self.family.clone()
        } else {
            format!("{} {}", self.given, self.family)
        }
    }
}

/// The family names as a sentence or a short label names the authors:
/// `Doe`, `Doe and Roe`, `Doe et al.` (empty for none).
pub fn short_names(people: &[Person]) -> String {
    match people {
        [] => String::new(),
        [a] => a.family.clone(),
        [a, b] => format!("{} and {}", a.family, b.family),
        [a, ..] => format!("{} et al.", a.family),
    }
}

/// Particles that may stand in lower case inside a name.
const PARTICLES: &[&str] = &[
    "de", "da", "van", "von", "der", "den", "bin", "al", "el", "la", "le", "du", "di",
];

/// Parses an author list at the start of `text`. Returns the authors and the
/// byte offset where the rest (the title) starts, or `None` when the text
/// does not start with names.
pub fn parse_authors(text: &str) -> Option<(Vec<Person>, usize)> {
    let mut c = Cursor { text, at: 0 };
    let mut people = Vec::new();
    // First author: `Family, Given` or `Given Family`.
    let first_words = c.name_words()?;
    if c.eat(",") && c.peek_word().is_none_or(|w| w != "and") {
        // A family name of four capitalised words is a headline's
        // (`Port Strike Delays Grain, Coal Shipments.`).
        let capitalised = first_words
            .iter()
            .filter(|w| w.starts_with(char::is_uppercase))
            .count();
        if capitalised > 3 {
            return None;
        }
        let given = c.name_words()?;
        people.push(Person {
            family: first_words.join(" "),
            given: given.join(" "),
        });
    } else {
        people.push(direct(&first_words)?);
    }
    loop {
        let save = c.at;
        let _ = c.eat(",");
        if c.eat_word("and") || c.eat("&") || (c.at > save && c.peek_is_name()) {
            let words = c.name_words()?;
            people.push(direct(&words)?);
        } else {
            c.at = save;
            break;
        }
    }
    // The list ends with a full stop (possibly the one of a final initial).
    let ends_on_initial = text[..c.at].ends_with('.');
    if !ends_on_initial && !c.eat(".") {
        return None;
    }
    let rest = text[c.at..].len() - text[c.at..].trim_start().len();
    Some((people, c.at + rest))
}

fn direct(words: &[String]) -> Option<Person> {
    if words.len() < 2 {
        return None;
    }
    let (given, family) = words.split_at(words.len() - 1);
    if family[0].ends_with('.') {
        return None;
    }
    // `Korea Copyright Commission`: an organisation, one name.
    let organisation = words
        .iter()
        .any(|w| super::fields::ORGANISATION_WORDS.contains(&w.to_lowercase().as_str()));
    if organisation {
        return Some(Person {
            family: words.join(" "),
            given: String::new(),
        });
    }
    // Three given names in full (`Port Strike Delays Grain`) are a
    // headline's words, not a person's.
    let full_given = given
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase) && !w.ends_with('.') && w.chars().count() > 2)
        .count();
    if full_given > 2 {
        return None;
    }
    Some(Person {
        family: family[0].clone(),
        given: given.join(" "),
    })
}

struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl Cursor<'_> {
    fn skip_ws(&mut self) {
        let rest = &self.text[self.at..];
        self.at += rest.len() - rest.trim_start().len();
    }

    fn eat(&mut self, s: &str) -> bool {
        self.skip_ws();
        if self.text[self.at..].starts_with(s) {
            self.at += s.len();
            true
        } else {
            false
        }
    }

    fn peek_word(&self) -> Option<&str> {
        let rest = self.text[self.at..].trim_start();
        rest.split(|c: char| c.is_whitespace() || c == ',' || c == '.')
            .next()
            .filter(|w| !w.is_empty())
    }

    fn eat_word(&mut self, w: &str) -> bool {
        if self.peek_word() == Some(w) {
            self.skip_ws();
            self.at += w.len();
            true
        } else {
            false
        }
    }

    fn peek_is_name(&self) -> bool {
        self.peek_word().is_some_and(is_name_word)
    }

    /// One to four name words; an initial (`R.`) ends the run and keeps its
    /// full stop.
    fn name_words(&mut self) -> Option<Vec<String>> {
        let mut words = Vec::new();
        loop {
            self.skip_ws();
            let rest = &self.text[self.at..];
            let len = rest
                .find(|c: char| c.is_whitespace() || c == ',' || c == '.')
                .unwrap_or(rest.len());
            let word = &rest[..len];
            if word.is_empty()
                || !(is_name_word(word) || (!words.is_empty() && PARTICLES.contains(&word)))
            {
                break;
            }
            if PARTICLES.contains(&word)
                && !rest[len..]
                    .trim_start()
                    .starts_with(|c: char| c.is_uppercase())
            {
                break;
            }
            let initial = word.chars().count() == 1 && rest[len..].starts_with('.');
            self.at += len;
            if initial {
                self.at += 1;
                words.push(format!("{word}."));
                break;
            }
            words.push(word.to_string());
            if words.len() > 4 {
                return None;
            }
        }
        (!words.is_empty()).then_some(words)
    }
}

/// A capitalised word of letters, hyphens and apostrophes (`Kendall-Taylor`,
/// `O'Brien`), or a single capital (`N`).
fn is_name_word(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase())
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
        && !w.ends_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Option<Vec<String>> {
        parse_authors(text).map(|(p, _)| p.iter().map(Person::sort_name).collect())
    }

    #[test]
    fn seed_author_lists() {
        assert_eq!(
            names("Ong, Russell. \"China's\""),
            Some(vec!["Ong, Russell".into()])
        );
        assert_eq!(
            names("Kendall-Taylor, Andrea, and David Shullman. \"China\""),
            Some(vec![
                "Kendall-Taylor, Andrea".into(),
                "Shullman, David".into()
            ])
        );
        assert_eq!(
            names("Arundha Chenoy. Bypassing the Dollar"),
            Some(vec!["Chenoy, Arundha".into()])
        );
        assert_eq!(
            names("N Unnikrishnan, Nandan and Uma Purshothaman. Trends"),
            Some(vec![
                "N Unnikrishnan, Nandan".into(),
                "Purshothaman, Uma".into()
            ])
        );
        assert_eq!(
            names("Depetris, Daniel R. Biden- Putin summit"),
            Some(vec!["Depetris, Daniel R.".into()])
        );
        let (_, rest) = parse_authors("Depetris, Daniel R. Biden- Putin summit").unwrap();
        assert_eq!(
            &"Depetris, Daniel R. Biden- Putin summit"[rest..],
            "Biden- Putin summit"
        );
    }

    #[test]
    fn titles_are_not_names() {
        for t in [
            "EU Accuses Russia, Chia of COVID Disinformation. DW News.",
            "Xi Jinping, Putin send congratulatory letters for the opening.",
            "China and Russia to build a lunar space station. 10 March 2021.",
            "\"Putin Says Russia-China Relations At Highest-Ever Level\".",
            "Ibid.",
            "",
        ] {
            assert_eq!(names(t), None, "{t}");
        }
    }

    #[test]
    fn same_person_in_two_spellings() {
        let a = Person {
            family: "Kendall-Taylor".into(),
            given: "Andrea".into(),
        };
        let b = Person {
            family: "Taylor".into(),
            given: "Andrea Kendall".into(),
        };
        assert_eq!(a.key(), b.key());
        let c = Person {
            family: "Depetris".into(),
            given: "Daniel R.".into(),
        };
        let d = Person {
            family: "Depetris".into(),
            given: "Daniel".into(),
        };
        assert_eq!(c.key(), d.key());
        assert_ne!(a.key(), c.key());
    }

    #[test]
    fn non_latin_names() {
        assert_eq!(
            names("Ёлкин, Пётр. Заголовок"),
            Some(vec!["Ёлкин, Пётр".into()])
        );
        assert_eq!(
            names("Müller-Lüdenscheidt, Jürgen, and Zoë Ó Briain. T"),
            Some(vec![
                "Müller-Lüdenscheidt, Jürgen".into(),
                "Briain, Zoë Ó".into()
            ])
        );
    }
}
