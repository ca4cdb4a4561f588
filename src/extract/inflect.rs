//! Topic aliases in Russian (any alias in Cyrillic), found in every case:
//! each word of the alias is reduced to its Snowball stem, and a word of
//! the text matches when it is that stem plus one of the case and number
//! endings of Russian nouns and adjectives (`природный газ` finds
//! `природного газа`, `Сила Сибири` finds `Силе Сибири`; `газета` is
//! another word). Capitals do not matter.
//!
//! An Aho-Corasick automaton finds the stems of the aliases' first words
//! in a lower-cased copy of the text (of the same length, so offsets hold);
//! each candidate is then read word by word.

use super::mentions::is_word_char;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rust_stemmers::{Algorithm, Stemmer};

/// The case and number endings of Russian nouns and adjectives, longest
/// first where one begins another.
const ENDINGS: &[&str] = &[
    "иями", "ами", "ями", "ией", "иям", "иях", "ого", "его", "ому", "ему", "ьей", "ьев", "ом",
    "ем", "ём", "ой", "ей", "ою", "ею", "ам", "ям", "ах", "ях", "ов", "ев", "ёв", "ий", "ый", "ая",
    "яя", "ое", "ее", "ые", "ие", "ым", "им", "ых", "их", "ую", "юю", "ия", "ии", "ию", "ье", "ья",
    "ьи", "ью", "а", "я", "о", "е", "ё", "ы", "и", "у", "ю", "й", "ь",
];

/// Whether an alias is read as Russian: it has a Cyrillic letter.
pub fn is_russian(alias: &str) -> bool {
    alias.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
}

/// One word of an alias: its stem and whether it may take an ending
/// (words of three letters or more in Cyrillic).
#[derive(Debug, Clone)]
struct Word {
    stem: String,
    inflects: bool,
}

/// The compiled Russian aliases, each with what it stands for.
pub struct Inflected<T> {
    ac: AhoCorasick,
    aliases: Vec<(Vec<Word>, T)>,
}

impl<T: Copy> Inflected<T> {
    /// Compiles `aliases`; `None` when there are none.
    pub fn new(aliases: Vec<(&str, T)>) -> Option<Self> {
        let stemmer = Stemmer::create(Algorithm::Russian);
        let aliases: Vec<(Vec<Word>, T)> = aliases
            .into_iter()
            .filter_map(|(alias, payload)| {
                let words: Vec<Word> = alias
                    .split_whitespace()
                    .map(|w| {
                        let lower = lower_same_length(w);
                        let russian = is_russian(&lower) && lower.chars().count() >= 3;
                        let stem = if russian {
                            stemmer.stem(&lower).to_string()
                        } else {
                            lower.clone()
                        };
                        // A stem that drops more than an ending (or that
                        // changes the word) is not used: the word then
                        // matches as written, with endings.
                        let stem = if lower.starts_with(&stem) && stem.chars().count() >= 2 {
                            stem
                        } else {
                            lower
                        };
                        Word {
                            stem,
                            inflects: russian,
                        }
                    })
                    .collect();
                (!words.is_empty()).then_some((words, payload))
            })
            .collect();
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(aliases.iter().map(|(w, _)| &w[0].stem))
            .ok()?;
        (!aliases.is_empty()).then_some(Inflected { ac, aliases })
    }

    /// Every match in `text` (overlapping; the caller picks among them).
    pub fn find(&self, text: &str) -> Vec<(usize, usize, T)> {
        if !is_russian(text) {
            return Vec::new();
        }
        let lower = lower_same_length(text);
        let mut out = Vec::new();
        for m in self.ac.find_overlapping_iter(&lower) {
            let (words, payload) = &self.aliases[m.pattern().as_usize()];
            let starts_word = !lower[..m.start()]
                .chars()
                .next_back()
                .is_some_and(is_word_char);
            if starts_word {
                if let Some(end) = read(&lower, m.start(), words) {
                    out.push((m.start(), end, *payload));
                }
            }
        }
        out
    }
}

/// Where the alias `words` read from `at` ends in `text`, if they are
/// there: each word its stem plus an ending (or none), words apart by
/// spaces, the last one followed by no letter.
fn read(text: &str, mut at: usize, words: &[Word]) -> Option<usize> {
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            let rest = &text[at..];
            let trimmed = rest.trim_start();
            if trimmed.len() == rest.len() {
                return None;
            }
            at += rest.len() - trimmed.len();
        }
        if !text[at..].starts_with(&w.stem) {
            return None;
        }
        at += w.stem.len();
        let ends_here = |i: usize| !text[i..].chars().next().is_some_and(is_word_char);
        let ending = if w.inflects {
            std::iter::once("")
                .chain(ENDINGS.iter().copied())
                .filter(|e| text[at..].starts_with(e) && ends_here(at + e.len()))
                .max_by_key(|e| e.len())
        } else {
            ends_here(at).then_some("")
        };
        at += ending?.len();
    }
    Some(at)
}

/// `text` lower-cased where that keeps each character's length in bytes
/// (all of Cyrillic, Latin and Greek), so that offsets into it are
/// offsets into `text`.
fn lower_same_length(text: &str) -> String {
    text.chars()
        .map(|c| {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(x), None) if x.len_utf8() == c.len_utf8() => x,
                _ => c,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(aliases: &[&str], text: &str) -> Vec<String> {
        let inf = Inflected::new(aliases.iter().map(|a| (*a, ())).collect()).unwrap();
        inf.find(text)
            .into_iter()
            .map(|(s, e, _)| text[s..e].to_string())
            .collect()
    }

    #[test]
    fn every_word_in_every_case() {
        assert_eq!(
            found(
                &["природный газ"],
                "Поставки природного газа и ПРИРОДНЫЙ ГАЗ."
            ),
            ["природного газа", "ПРИРОДНЫЙ ГАЗ"]
        );
        assert_eq!(found(&["Сила Сибири"], "по «Силе Сибири»"), ["Силе Сибири"]);
        assert_eq!(
            found(&["энергетика"], "Энергетика, энергетики, энергетикой"),
            ["Энергетика", "энергетики", "энергетикой"]
        );
    }

    #[test]
    fn other_words_on_the_same_stem_are_not_forms() {
        assert!(found(&["газ"], "Газета и газетный киоск").is_empty());
        assert!(found(&["газ"], "нефтегаз").is_empty(), "inside a word");
        assert!(found(&["энергетика"], "энергетикаx").is_empty());
    }

    #[test]
    fn mixed_scripts_and_hostile_text() {
        assert_eq!(found(&["ООН"], "в ООН и в оон"), ["ООН", "оон"]);
        assert_eq!(
            found(&["Gazprom нефть"], "Gazprom нефти"),
            ["Gazprom нефти"]
        );
        assert!(found(&["газ"], "").is_empty());
        let big = "газа ".repeat(50_000);
        assert_eq!(found(&["газ"], &big).len(), 50_000);
        assert!(found(&["газ"], "İ ǅ ﬃ газ").len() == 1);
    }
}
