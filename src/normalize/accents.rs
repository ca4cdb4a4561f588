//! Accents as PDF text extraction leaves them: a spacing accent before the
//! letter it belongs to (`Mart´ın`, `Gon¸calo`, `Herv´e J´egou`), as TeX
//! typesets them. Each pair becomes the accented letter (`Martín`,
//! `Gonçalo`, `Hervé Jégou`); one set apart inside a name (`Jim ´ enez`)
//! joins both halves (`Jiménez`). An accent standing alone (a prime, one
//! between ordinary words) is left as it is.

use unicode_normalization::UnicodeNormalization;

/// The combining mark for a spacing accent.
fn combining(c: char) -> Option<char> {
    Some(match c {
        '\u{b4}' => '\u{301}',  // ´ acute
        '\u{a8}' => '\u{308}',  // ¨ diaeresis
        '\u{b8}' => '\u{327}',  // ¸ cedilla
        '\u{2dc}' => '\u{303}', // ˜ tilde
        '\u{2c6}' => '\u{302}', // ˆ circumflex
        '\u{2c7}' => '\u{30c}', // ˇ caron
        '\u{2d8}' => '\u{306}', // ˘ breve
        '\u{2da}' => '\u{30a}', // ˚ ring
        '\u{2d9}' => '\u{307}', // ˙ dot
        '\u{2dd}' => '\u{30b}', // ˝ double acute
        _ => return None,
    })
}

/// The letters an accent is found on in the languages written in Latin
/// script (a `´` before `p` is a quotation mark, not an accent).
fn takes(mark: char, letter: char) -> bool {
    let l = letter.to_ascii_lowercase();
    let set = match mark {
        '\u{301}' => "aeiouyıcnszlrgwkm",
        '\u{308}' => "aeiouyı",
        '\u{327}' => "cstgkln",
        '\u{303}' => "aonieu",
        '\u{302}' => "aeiouıcgshjwy",
        '\u{30c}' => "csznrdtelgk",
        '\u{306}' => "aguio",
        '\u{30a}' => "au",
        '\u{307}' => "zegci",
        '\u{30b}' => "ou",
        _ => "",
    };
    set.contains(l)
}

/// Joins spacing accents to the letters they precede.
pub fn join(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| combining(c).is_some()) {
        return std::borrow::Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let prev_ok = i == 0 || chars[i - 1].is_alphabetic() || chars[i - 1].is_whitespace();
        // `Jim ´ enez`: an accent set apart between the halves of a word.
        if let (Some(mark), Some(' '), Some(' ')) =
            (combining(c), i.checked_sub(1).map(|k| chars[k]), next)
        {
            let before = i.checked_sub(2).map(|k| chars[k]);
            let after = chars.get(i + 2).copied();
            if let (Some(b), Some(a)) = (before, after) {
                // The word before starts a name (`Jim`, `Torre-Jim`).
                let word_start = out.trim_end().rsplit([' ', '\n']).next().unwrap_or("");
                let name = word_start.starts_with(char::is_uppercase);
                if b.is_lowercase() && a.is_lowercase() && name && takes(mark, a) {
                    out.pop();
                    let base = if a == 'ı' { 'i' } else { a };
                    out.extend([base, mark].iter().collect::<String>().nfc());
                    i += 3;
                    continue;
                }
            }
        }
        match (combining(c), next) {
            (Some(mark), Some(n)) if n.is_alphabetic() && prev_ok && takes(mark, n) => {
                // A dotless i under an accent is an i.
                let base = if n == 'ı' { 'i' } else { n };
                let pair: String = [base, mark].iter().collect();
                out.extend(pair.nfc());
                i += 2;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::join;

    #[test]
    fn spacing_accents_join_their_letters() {
        assert_eq!(join("Mart´ın Abadi"), "Martín Abadi");
        assert_eq!(join("Gon¸calo M Correia"), "Gonçalo M Correia");
        assert_eq!(join("Herv´e J´egou"), "Hervé Jégou");
        assert_eq!(join("M¨uller and ˇSkoda"), "Müller and Škoda");
        assert_eq!(
            join("B. Torre-Jim ´ enez and R. Basc ´ on"),
            "B. Torre-Jiménez and R. Bascón"
        );
        // Alone or after a digit, an accent stays.
        assert_eq!(join("5´ and ´ alone"), "5´ and ´ alone");
        assert_eq!(join("plain"), "plain");
        // A quotation mark typeset as an accent is not one.
        assert_eq!(join("Towards´perspective"), "Towards´perspective");
    }
}
