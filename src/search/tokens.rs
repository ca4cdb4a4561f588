//! Tokens for the search index. The same rules run in the browser
//! (`themes/default/static/search.js`, `tokens` and `stem`): change both
//! together; `tests/browser` checks that they agree.
//!
//! 1. Lower-case; tokens are runs of letters and digits (`Russia's` gives
//!    `russia` and `s`; single ASCII characters are dropped).
//!    Before that, dotted initialisms become one word (`U.S.` → `us`,
//!    `U.S.A.` → `usa`) and numbers joined by `/` one number (`9/11` →
//!    `911`), so that they can be found.
//! 2. Common English function words are dropped.
//! 3. A light stemmer folds plurals and common suffixes: `sanctions` →
//!    `sanction`, `policies` → `policy`, `boxes` → `box`, `running` → `run`,
//!    `stated` → `stat`, `closely` → `close`.

/// Words too common to index or search, in byte order (looked up by
/// binary search).
pub const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "between", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had",
    "has", "have", "he", "her", "his", "how", "if", "in", "into", "is", "it", "its", "more",
    "most", "no", "not", "of", "on", "or", "other", "our", "over", "she", "so", "some", "such",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "to", "under", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
    "why", "will", "with", "would", "you", "your",
];

/// The tokens of an English `text`, in order: see `analyze`.
pub fn tokens(text: &str) -> Vec<String> {
    super::analyze::Analyzer::english().tokens(text)
}

/// `lower` with initialisms and slashed numbers joined (see
/// `join_marks`), borrowed when there are none.
pub fn join(lower: &str) -> std::borrow::Cow<'_, str> {
    if may_join(lower) {
        std::borrow::Cow::Owned(join_marks(lower))
    } else {
        std::borrow::Cow::Borrowed(lower)
    }
}

/// Whether [`join_marks`] may change `text`: it has a slash between
/// digits, or two full stops at most five bytes apart with no space
/// between (`u.s.`, `с.ш.а.`). Most passages have neither.
fn may_join(text: &str) -> bool {
    let b = text.as_bytes();
    let mut last_stop: Option<usize> = None;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'/' if i > 0
                && b[i - 1].is_ascii_digit()
                && b.get(i + 1).is_some_and(u8::is_ascii_digit) =>
            {
                return true
            }
            b'.' => {
                if last_stop.is_some_and(|j| i - j <= 5) {
                    return true;
                }
                last_stop = Some(i);
            }
            c if c.is_ascii_whitespace() => last_stop = None,
            _ => {}
        }
    }
    false
}

/// `u.s.` → `us `, `9/11` → `911`: see the module documentation. The same
/// two rules, as regular expressions, are in `search.js`.
fn join_marks(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let word_start = i == 0 || !chars[i - 1].is_alphanumeric();
        // Letters each followed by a full stop, at least two.
        let mut j = i;
        while j + 1 < chars.len() && chars[j].is_alphabetic() && chars[j + 1] == '.' {
            j += 2;
        }
        if word_start && j - i >= 4 && !chars.get(j).is_some_and(|c| c.is_alphanumeric()) {
            out.extend(chars[i..j].iter().step_by(2));
            out.push(' ');
            i = j;
            continue;
        }
        // A slash between digits joins them.
        if chars[i] == '/'
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit())
        {
            i += 1;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// The light stemmer; see the module documentation. Only ASCII words of
/// more than three letters change, so it can work on bytes.
pub fn stem(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    stem_into(word, &mut out);
    out
}

/// [`stem`], written into `out` (cleared first): the index stems every
/// word of a site, and a buffer used again allocates nothing.
pub fn stem_into(word: &str, out: &mut String) {
    out.clear();
    let n = word.len();
    if n <= 3 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        out.push_str(word);
        return;
    }
    let ends = |s: &str| word.ends_with(s);
    let cut = |k: usize| &word[..n - k];
    if ends("ies") && n > 4 {
        out.push_str(cut(3));
        out.push('y');
    } else if ends("sses")
        || (ends("es")
            && n > 4
            && ["ses", "xes", "zes", "ches", "shes"]
                .iter()
                .any(|s| ends(s)))
    {
        out.push_str(cut(2));
    } else if ends("s") && !ends("ss") && !ends("us") && !ends("is") {
        out.push_str(cut(1));
    } else if ends("ing") && n > 5 {
        undouble(cut(3), out);
    } else if ends("ed") && n > 4 {
        undouble(cut(2), out);
    } else if ends("ly") && n > 5 {
        out.push_str(cut(2));
    } else {
        out.push_str(word);
    }
}

/// `runn` → `run`, but `fall` stays (ASCII only, as `stem` guarantees).
fn undouble(s: &str, out: &mut String) {
    let b = s.as_bytes();
    let n = b.len();
    if n >= 3 && b[n - 1] == b[n - 2] && !b"aeioulsz".contains(&b[n - 1]) {
        out.push_str(&s[..n - 1]);
    } else {
        out.push_str(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initialisms_and_slashed_numbers_are_one_token() {
        assert_eq!(tokens("U.S. sanctions"), ["us", "sanction"]);
        assert_eq!(
            tokens("the U.S.A., 9/11 and COVID-19, G20"),
            ["usa", "911", "covid", "19", "g20"]
        );
        assert!(
            tokens("A.B.C.D.x").is_empty(),
            "a run followed by a letter is not an initialism"
        );
        assert_eq!(tokens("e.g. U.S.-led, 1/2"), ["eg", "us", "led", "12"]);
    }

    #[test]
    fn tokens_drop_stop_words_and_stem() {
        assert_eq!(
            tokens("The Arctic and Russia's sanctions"),
            vec!["arctic", "russia", "sanction"]
        );
        assert_eq!(
            tokens("U.S. policies, 2014: boxes!"),
            vec!["us", "policy", "2014", "box"]
        );
        assert_eq!(tokens("Москва и Пекин"), vec!["москва", "и", "пекин"]);
        assert!(tokens("").is_empty());
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn the_quick_test_for_joins_misses_none() {
        for t in ["u.s.", "x u.s.a. y", "9/11", "с.ш.а.", "e.g.", "a.b."] {
            assert!(may_join(t), "{t}");
            assert_ne!(join_marks(t), t, "{t}");
        }
        for t in ["plain text. another sentence.", "a / b", "1. 2. 3.", ""] {
            assert!(!may_join(t) || join_marks(t) == t, "{t}");
        }
        assert!(!may_join("plain text. another sentence."));
    }

    #[test]
    fn stemmer() {
        for (a, b) in [
            ("sanctions", "sanction"),
            ("policies", "policy"),
            ("classes", "class"),
            ("churches", "church"),
            ("running", "run"),
            ("falling", "fall"),
            ("stated", "stat"),
            ("closely", "close"),
            ("gas", "gas"),
            ("russia", "russia"),
            ("analysis", "analysis"),
            ("status", "status"),
            ("ties", "tie"),
        ] {
            assert_eq!(stem(a), b, "{a}");
        }
    }
}
