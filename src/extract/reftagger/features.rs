//! What the labeller knows of each token: the word, its shape and
//! punctuation, its place in the reference, and the same for its
//! neighbours. Written once ([`each`]) for both training and tagging.

/// `pos=` runs 0–9 (tenths of the reference), `seg=` 0–7.
const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

/// Calls `emit(token, feature)` for every feature of every token, token
/// by token, always in the same order. The feature text is lent from one
/// buffer, so tagging allocates nothing per feature.
pub fn each(words: &[&str], emit: impl FnMut(usize, &str)) {
    let own = own_features(words);
    let n = words.len();
    let mut out = Sink {
        buf: String::with_capacity(64),
        emit,
    };
    for (i, o) in own.iter().enumerate() {
        out.put(i, &["w=", &o.word]);
        out.put(i, &["sh=", &o.shape]);
        out.put(i, &["end=", &o.end]);
        out.put(i, &["beg=", o.beg.encode_utf8(&mut [0; 4])]);
        out.put(i, &["pos=", DIGITS[10 * i / n.max(1)]]);
        out.put(i, &["seg=", DIGITS[o.segment.min(7)]]);
        // Prefixes and suffixes of 1–3 characters, when the word is
        // longer; cut at character boundaries without collecting them.
        let count = o.lower.chars().count();
        for k in 1..=3.min(count.saturating_sub(1)) {
            let head = o
                .lower
                .char_indices()
                .nth(k)
                .map_or(o.lower.len(), |(b, _)| b);
            let tail = o.lower.char_indices().nth(count - k).map_or(0, |(b, _)| b);
            out.affix(i, 'p', k, &o.lower[..head]);
            out.affix(i, 's', k, &o.lower[tail..]);
        }
        for (bit, name) in FLAGS.iter().enumerate() {
            if o.flags & (1 << bit) != 0 {
                (out.emit)(i, name);
            }
        }
        for (d, name) in [(-2i32, "-2"), (-1, "-1"), (1, "+1"), (2, "+2")] {
            let j = i as i32 + d;
            if j < 0 || j >= n as i32 {
                out.put(i, &[name, ":edge"]);
                continue;
            }
            let other = &own[j as usize];
            out.put(i, &[name, "w=", &other.word]);
            if d.abs() == 1 {
                out.put(i, &[name, "sh=", &other.shape]);
                out.put(i, &[name, "end=", &other.end]);
                out.put(i, &[name, "w|w=", &other.word, "|", &o.word]);
            }
        }
    }
}

/// Where [`each`] writes a feature before it lends it out.
struct Sink<F: FnMut(usize, &str)> {
    buf: String,
    emit: F,
}

impl<F: FnMut(usize, &str)> Sink<F> {
    /// The feature made of `parts`, one after the other.
    fn put(&mut self, i: usize, parts: &[&str]) {
        self.buf.clear();
        for p in parts {
            self.buf.push_str(p);
        }
        (self.emit)(i, &self.buf);
    }

    /// `p2=ab`: a prefix (or with `s`, a suffix) of `k` characters.
    fn affix(&mut self, i: usize, side: char, k: usize, part: &str) {
        self.buf.clear();
        self.buf.push(side);
        self.buf.push_str(DIGITS[k]);
        self.buf.push('=');
        self.buf.push_str(part);
        (self.emit)(i, &self.buf);
    }
}

/// Each token's features as `crfs` training takes them.
pub fn features(words: &[&str]) -> Vec<Vec<crfs::Attribute>> {
    let mut out: Vec<Vec<crfs::Attribute>> = vec![Vec::with_capacity(48); words.len()];
    each(words, |i, f| out[i].push(crfs::Attribute::new(f, 1.0)));
    out
}

/// The flags a token may carry, in the order they are given.
const FLAGS: [&str; 12] = [
    "first",
    "last",
    "quoted",
    "paren",
    "year-seen",
    "year",
    "initial",
    "range",
    "link",
    "caps",
    "cap",
    "lower",
];

struct Own {
    /// Lower case, at most 24 characters, digits as nines.
    word: String,
    /// Lower case, at most 24 characters (for prefixes and suffixes).
    lower: String,
    shape: String,
    /// The last character, or `w` for a letter or digit.
    end: String,
    /// The first character, or `w` for a letter or digit.
    beg: char,
    segment: usize,
    flags: u16,
}

fn own_features(words: &[&str]) -> Vec<Own> {
    let n = words.len();
    let mut quoted = false;
    let mut paren = 0i32;
    let mut segment = 0usize;
    let mut year_seen = false;
    let mut out = Vec::with_capacity(n);
    for (i, raw) in words.iter().enumerate() {
        let core: &str = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let mut lower = core.to_lowercase();
        if let Some((cut, _)) = lower.char_indices().nth(24) {
            lower.truncate(cut);
        }
        let word = if core.chars().any(|c| c.is_ascii_digit()) {
            digits_as_nines(&lower)
        } else {
            lower.clone()
        };
        let last = raw.chars().last().unwrap_or(' ');
        let first = raw.chars().next().unwrap_or(' ');
        let end = if last.is_alphanumeric() {
            "w".to_string()
        } else {
            last.to_string()
        };
        let opens_quote = matches!(first, '"' | '“' | '«' | '‘' | '\'' | '„' | '`');
        if opens_quote {
            quoted = true;
        }
        paren += raw.matches(['(', '[']).count() as i32;
        let is_year = is_year(core);
        let initial = is_initial(core, raw);
        let flags = [
            i == 0,
            i + 1 == n,
            quoted,
            paren > 0,
            year_seen,
            is_year,
            initial,
            is_range(core),
            raw.contains("http") || raw.starts_with("www.") || raw.starts_with("doi"),
            core.chars().count() > 1 && core.chars().all(|c| !c.is_lowercase()),
            core.chars().next().is_some_and(char::is_uppercase),
            core.chars().next().is_some_and(char::is_lowercase),
        ]
        .iter()
        .enumerate()
        .fold(0u16, |acc, (bit, on)| acc | (u16::from(*on) << bit));
        let closes_quote = matches!(
            raw.trim_end_matches([',', '.', ':', ';']).chars().last(),
            Some('"' | '”' | '»' | '’' | '\'')
        );
        out.push(Own {
            word,
            lower,
            shape: shape(raw),
            end,
            beg: if first.is_alphanumeric() { 'w' } else { first },
            segment,
            flags,
        });
        if closes_quote && (i > 0 || !opens_quote || raw.chars().count() > 2) {
            quoted = false;
        }
        paren -= raw.matches([')', ']']).count() as i32;
        paren = paren.max(0);
        year_seen |= is_year;
        if matches!(last, '.' | ':' | '?' | '!') && !initial || closes_quote {
            segment += 1;
        }
    }
    out
}

/// `X`, `x`, `9` and other characters as they are, runs collapsed, at
/// most six: `Smith,` → `Xx,`; `(2010).` → `(9).`.
fn shape(raw: &str) -> String {
    let mut out = String::new();
    for c in raw.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() || c.is_alphabetic() {
            'x'
        } else if c.is_ascii_digit() {
            '9'
        } else {
            c
        };
        if !out.ends_with(k) {
            out.push(k);
        }
        if out.chars().count() >= 6 {
            break;
        }
    }
    out
}

fn digits_as_nines(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_digit() { '9' } else { c })
        .collect()
}

fn is_year(core: &str) -> bool {
    let digits = core.trim_end_matches(|c: char| c.is_ascii_lowercase());
    digits.len() == 4
        && core.len() <= 5
        && digits
            .parse::<u32>()
            .is_ok_and(|y| (1500..=2039).contains(&y))
}

/// `J.`, `J.-P.`, `JP` before a comma is not; `J.P.` is.
fn is_initial(core: &str, raw: &str) -> bool {
    let letters = core.chars().filter(|c| c.is_alphabetic()).count();
    (1..=3).contains(&letters)
        && core
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '-')
        && (raw.ends_with('.') || letters == 1)
}

fn is_range(core: &str) -> bool {
    let mut parts = core.split(['-', '–', '—']);
    let (Some(a), Some(b)) = (parts.next(), parts.next()) else {
        return false;
    };
    !a.is_empty()
        && !b.is_empty()
        && a.chars().all(|c| c.is_ascii_digit())
        && b.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_flags() {
        assert_eq!(shape("Smith,"), "Xx,");
        assert_eq!(shape("(2010)."), "(9).");
        assert!(is_year("2010a") && !is_year("20101") && !is_year("1200"));
        assert!(is_initial("J", "J.") && is_initial("J.-P", "J.-P.") && !is_initial("Jo", "Jo."));
        assert!(is_range("123-145") && !is_range("2010"));
    }

    fn names(words: &[&str]) -> Vec<Vec<String>> {
        features(words)
            .iter()
            .map(|v| v.iter().map(|a| a.name.clone()).collect())
            .collect()
    }

    #[test]
    fn features_are_the_same_for_the_same_words() {
        let words = ["Smith,", "J.", "(2010).", "A", "title."];
        let a = names(&words);
        assert_eq!(a, names(&words));
        assert_eq!(a.len(), 5);
        // The third token is a year in the first segment after the name.
        assert!(a[2].contains(&"year".to_string()));
        assert!(a[3].contains(&"year-seen".to_string()));
    }

    #[test]
    fn a_token_reads_as_the_model_was_trained_to_read_it() {
        // The features the model was trained on, for one token in the
        // middle of a reference: a change here needs a new model. (`J.`
        // is an initial, so no segment has ended yet; a year has no
        // lower-case letter, so it reads as capitals.)
        let words = ["Smith,", "J.", "(2010).", "“A", "title.”"];
        let third = &names(&words)[2];
        let expected = [
            "w=9999",
            "sh=(9).",
            "end=.",
            "beg=(",
            "pos=4",
            "seg=0",
            "p1=2",
            "s1=0",
            "p2=20",
            "s2=10",
            "p3=201",
            "s3=010",
            "paren",
            "year",
            "caps",
            "-2w=smith",
            "-1w=j",
            "-1sh=X.",
            "-1end=.",
            "-1w|w=j|9999",
            "+1w=a",
            "+1sh=“X",
            "+1end=w",
            "+1w|w=a|9999",
            "+2w=title",
        ];
        assert_eq!(third, &expected.map(String::from));
    }
}
