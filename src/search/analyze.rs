//! Words of a text in its language, as the search index holds them. The
//! browser (`themes/default/static/search.js`, `words`, `fold`, `cjk`)
//! cuts a query the same way: change both together; `tests/browser`
//! checks that they agree.
//!
//! 1. Lower-case; join initialisms and slashed numbers (see `tokens`).
//! 2. Words are runs of letters, digits and combining marks (Unicode's
//!    classes, so that scripts with vowel signs keep their words whole).
//!    A run of Chinese or Japanese characters, written without spaces, is
//!    cut into overlapping pairs (`天然气` → `天然`, `然气`): a query's
//!    pairs then find the passages holding the query.
//! 3. Single ASCII characters and the language's stop words are dropped
//!    (`stop_words`).
//! 4. The word is stemmed by its language's rules: English by the light
//!    stemmer of `tokens` (mirrored in the browser); languages Snowball
//!    covers (Russian, French, German, Spanish, Italian, Portuguese and
//!    more) by the `rust-stemmers` Snowball stemmers. A query in the
//!    browser is not stemmed by those: it matches the longest indexed stem
//!    that begins it (`энергетика` finds `энергетик`).
//! 5. Accents are folded (`éléments` → `element`, `ё` → `е`) after
//!    stemming, so that a query typed without them finds the text.

use super::{stop_words, tokens};
use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;

/// How the words of one language are indexed.
pub struct Analyzer {
    language: String,
    /// The language's stop words (a hash: every word of a site is asked).
    stop: rustc_hash::FxHashSet<&'static str>,
    snowball: Option<Stemmer>,
}

impl Analyzer {
    /// The analyzer of a language tag (`ru`, `fr-CA`); a language without
    /// rules is folded and cut only.
    pub fn new(tag: &str) -> Analyzer {
        let language = crate::extract::language::primary(tag);
        let algorithm = match language.as_str() {
            "ru" => Some(Algorithm::Russian),
            "fr" => Some(Algorithm::French),
            "de" => Some(Algorithm::German),
            "es" => Some(Algorithm::Spanish),
            "it" => Some(Algorithm::Italian),
            "pt" => Some(Algorithm::Portuguese),
            "nl" => Some(Algorithm::Dutch),
            "sv" => Some(Algorithm::Swedish),
            "da" => Some(Algorithm::Danish),
            "nb" | "no" | "nn" => Some(Algorithm::Norwegian),
            "fi" => Some(Algorithm::Finnish),
            "hu" => Some(Algorithm::Hungarian),
            "ro" => Some(Algorithm::Romanian),
            "tr" => Some(Algorithm::Turkish),
            "el" => Some(Algorithm::Greek),
            "ar" => Some(Algorithm::Arabic),
            _ => None,
        };
        Analyzer {
            stop: stop_words::of(&language).iter().copied().collect(),
            snowball: algorithm.map(Stemmer::create),
            language,
        }
    }

    /// The English analyzer (the light stemmer).
    pub fn english() -> Analyzer {
        Analyzer::new("en")
    }

    /// The stemmed, folded, filtered tokens of `text`, in order.
    pub fn tokens(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.each_token(text, |t| out.push(t.to_string()));
        out
    }

    /// Calls `f` with each of [`Analyzer::tokens`], lent from one buffer
    /// (the index reads every word of a site: most are not kept).
    pub fn each_token(&self, text: &str, mut f: impl FnMut(&str)) {
        let mut buf = String::new();
        each_word(text, |word| {
            if word.starts_with(is_cjk) {
                pairs(word, &mut f);
            } else if !self.stop.contains(word) {
                self.stem(word, &mut buf);
                f(&buf);
            }
        });
    }

    fn stem(&self, word: &str, out: &mut String) {
        if self.language == "en" {
            if word.is_ascii() {
                tokens::stem_into(word, out);
            } else {
                tokens::stem_into(&fold(word), out);
            }
            return;
        }
        out.clear();
        match &self.snowball {
            Some(s) => out.push_str(&fold(&s.stem(word))),
            None => out.push_str(&fold(word)),
        }
    }
}

/// Calls `f` with each word of `text`, lower-cased, initialisms and
/// slashed numbers joined, runs of Chinese or Japanese characters apart
/// from the letters around them; single ASCII characters left out.
pub fn each_word(text: &str, mut f: impl FnMut(&str)) {
    let lower = text.to_lowercase();
    let joined = tokens::join(&lower);
    // Most characters are ASCII: asked first, cheaply.
    let is_word = |c: char| {
        if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
        }
    };
    for word in joined.split(|c: char| !is_word(c)) {
        if word.is_ascii() {
            emit(word, &mut f);
            continue;
        }
        let mut start = 0;
        let mut last_cjk = None;
        for (i, c) in word.char_indices() {
            let cjk = is_cjk(c);
            if last_cjk.is_some_and(|l| l != cjk) {
                emit(&word[start..i], &mut f);
                start = i;
            }
            last_cjk = Some(cjk);
        }
        emit(&word[start..], &mut f);
    }
}

fn emit(word: &str, f: &mut impl FnMut(&str)) {
    if !(word.is_empty() || (word.len() == 1 && word.is_ascii())) {
        f(word);
    }
}

/// Overlapping pairs of a run of Chinese or Japanese characters (the
/// character alone when the run is one long).
fn pairs(run: &str, f: &mut impl FnMut(&str)) {
    let starts: Vec<usize> = run.char_indices().map(|(i, _)| i).collect();
    if starts.len() == 1 {
        f(run);
        return;
    }
    for w in starts.windows(3) {
        f(&run[w[0]..w[2]]);
    }
    if let [.., a, _] = starts[..] {
        f(&run[a..]);
    }
}

/// Accents off: the Combining Diacritical Marks (U+0300–U+036F) of the
/// canonical decomposition dropped, the rest recomposed (`é` → `e`,
/// `й` → `и`; Devanagari's vowel signs stay).
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_string();
    }
    word.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .nfc()
        .collect()
}

pub use crate::chars::is_cjk;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_runs_become_pairs_apart_from_latin_letters() {
        let en = Analyzer::english();
        assert_eq!(en.tokens("天然气"), ["天然", "然气"]);
        assert_eq!(en.tokens("G20峰会 京"), ["g20", "峰会", "京"]);
        assert_eq!(en.tokens("中俄「天然气」"), ["中俄", "天然", "然气"]);
    }

    #[test]
    fn accents_fold_after_stemming() {
        let fr = Analyzer::new("fr-FR");
        assert_eq!(fr.tokens("Les éléments"), ["element"]);
        assert_eq!(fr.tokens("les elements"), ["element"]);
        let ru = Analyzer::new("ru");
        assert_eq!(
            ru.tokens("Энергетика и энергетики"),
            ["энергетик", "энергетик"]
        );
        assert_eq!(ru.tokens("ёлка"), ["елка"]);
        // English folds before its stemmer, which reads ASCII only.
        assert_eq!(
            Analyzer::english().tokens("Cafés in Pékin"),
            ["cafe", "pekin"]
        );
    }

    #[test]
    fn stop_words_go_by_the_texts_language() {
        assert_eq!(
            Analyzer::new("de").tokens("der Vertrag und die Verträge"),
            ["vertrag", "vertrag"]
        );
        assert_eq!(Analyzer::new("ru").tokens("и в на"), Vec::<String>::new());
        // A language without rules is cut and folded only.
        assert_eq!(
            Analyzer::new("pl").tokens("Stosunki polsko-chińskie"),
            ["stosunki", "polsko", "chinskie"]
        );
    }

    #[test]
    fn words_keep_their_combining_marks() {
        let mut seen = Vec::new();
        each_word("नमस्ते दुनिया", |w| {
            seen.push(w.to_string())
        });
        assert_eq!(seen, ["नमस्ते", "दुनिया"]);
        assert_eq!(fold("नमस्ते"), "नमस्ते", "vowel signs are not accents");
    }

    #[test]
    fn cjk_ranges() {
        for c in ['中', '々', 'の', 'カ', '𠀀'] {
            assert!(is_cjk(c), "{c}");
        }
        for c in ['a', 'я', '한', '。', '１'] {
            assert!(!is_cjk(c), "{c}");
        }
    }
}
