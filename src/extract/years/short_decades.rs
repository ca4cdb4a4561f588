//! Decades written with two digits, as news and essays write them:
//! English `the '90s`, `mid-’80s`; French `les années 60`, Spanish `los
//! años 80`, Portuguese `anos 70`, Italian `gli anni '60`; German `die
//! 80er Jahre`, `90er-Jahren`; Russian `в 90-е годы`, `90-х`. Each needs
//! its mark (the apostrophe, the word for years before it, `er` with
//! `Jahre`, a Russian ending), so that `in the 90s` (temperatures), `60
//! años` (an age) and `ein 60er` stay numbers. The century is the
//! twentieth: `the '20s` are the 1920s; `'00s` and `'10s` are too
//! ambiguous to date.

use super::forms::{word_before, RU_DECADE_ENDINGS};
use super::YearHit;

/// The hit of a two-digit decade at `s..e` of `text` within `range`,
/// with its qualifier (`the mid-'80s`, labelled as `mid-1980s`).
pub fn hit(text: &str, s: usize, e: usize, range: (i32, i32)) -> Option<YearHit> {
    let (start, end, year) = two_digit_decade(text, s, e)?;
    super::decade(&text[..start], 0, start, end, year, range)
}

/// The decade two digits at `s..e` of `text` name, with the span of the
/// whole expression: (start, end, first year).
pub fn two_digit_decade(text: &str, s: usize, e: usize) -> Option<(usize, usize, i32)> {
    let digits: i32 = text.get(s..e)?.parse().ok()?;
    if e - s != 2 || digits % 10 != 0 || digits < 20 {
        return None;
    }
    let year = 1900 + digits;
    let before = &text[..s];
    let after = &text[e..];
    let ended = |rest: &str| !rest.starts_with(|c: char| c.is_alphanumeric());
    // `'90s`, `’90s`, `‘90s`.
    if let Some(mark) = ['\'', '\u{2019}', '\u{2018}']
        .into_iter()
        .find(|m| before.ends_with(*m))
    {
        let start = s - mark.len_utf8();
        let letter_before = before[..start].ends_with(|c: char| c.is_alphanumeric());
        if after.strip_prefix('s').is_some_and(ended) && !letter_before {
            return Some((start, e + 1, year));
        }
        // `gli anni '60`, `les années '80`.
        if ended(after) && lead_word(&before[..start]).is_some() {
            return Some((start, e, year));
        }
        return None;
    }
    if before.ends_with(|c: char| c.is_alphanumeric() || c == '.' || c == ',') {
        return None;
    }
    // `80er Jahre`, `80er-Jahren`.
    if let Some(rest) = after.strip_prefix("er") {
        let rest = rest.strip_prefix(['-', ' ']).unwrap_or("");
        if rest.starts_with("Jahre") {
            let end = after.len() - rest.len() + "Jahre".len();
            let end = end + usize::from(after[end..].starts_with('n'));
            return Some((s, e + end, year));
        }
        return None;
    }
    // `90-е годы`, `90-х годов`, `в 90-е.`
    if let Some(suf) = RU_DECADE_ENDINGS
        .iter()
        .find(|suf| after.starts_with(**suf) && ended(&after[suf.len()..]))
    {
        let rest = after[suf.len()..].trim_start();
        let years_word = ["год", "гг."].iter().any(|w| rest.starts_with(w));
        let clause_ends = rest.is_empty() || rest.starts_with([',', '.', ';', ':', ')', '!', '?']);
        return (years_word || clause_ends).then_some((s, e + suf.len(), year));
    }
    // `les années 60`, `los años 80`, `anos 70`, `anni 60`; not `60.5`
    // nor `60 %`.
    let number_goes_on = after.starts_with(['.', ','])
        && after[1..].starts_with(|c: char| c.is_ascii_digit())
        || after.trim_start().starts_with('%');
    if ended(after) && !number_goes_on {
        lead_word(before)?;
        return Some((s, e, year));
    }
    None
}

/// The start of a word for "years" that makes a decade of the number
/// after it (`années `, `años `, `anos `, `anni `), if `before` ends so.
fn lead_word(before: &str) -> Option<usize> {
    let (start, _) = word_before(
        before.strip_suffix(' ')?,
        &["années", "años", "anos", "anni"],
    )?;
    Some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The decade found in `text` at its first two-digit run, and the
    /// words it covers.
    fn found(text: &str) -> Option<(&str, i32)> {
        let s = text.find(|c: char| c.is_ascii_digit())?;
        let (start, end, year) = two_digit_decade(text, s, s + 2)?;
        Some((&text[start..end], year))
    }

    #[test]
    fn decades_with_their_marks() {
        assert_eq!(
            found("Back in the '90s, rents were low."),
            Some(("'90s", 1990))
        );
        assert_eq!(
            found("by the mid-\u{2019}80s it had closed"),
            Some(("\u{2019}80s", 1980))
        );
        assert_eq!(found("the Roaring '20s"), Some(("'20s", 1920)));
        assert_eq!(found("dans les années 60, la ville"), Some(("60", 1960)));
        assert_eq!(found("durante los años 80."), Some(("80", 1980)));
        // In capitals too, as the four-digit forms are (`LES ANNÉES 1960`).
        assert_eq!(found("DANS LES ANNÉES 60"), Some(("60", 1960)));
        assert_eq!(found("nos anos 70 e 80"), Some(("70", 1970)));
        assert_eq!(found("negli anni '60 la fabbrica"), Some(("'60", 1960)));
        assert_eq!(found("in den 80er Jahren"), Some(("80er Jahren", 1980)));
        assert_eq!(found("die 90er-Jahre"), Some(("90er-Jahre", 1990)));
        assert_eq!(found("в 90-е годы завод"), Some(("90-е", 1990)));
        assert_eq!(found("в конце 80-х."), Some(("80-х", 1980)));
    }

    #[test]
    fn numbers_without_a_decade_mark_stay_numbers() {
        for text in [
            "temperatures in the 90s all week",
            "a man in his 80s",
            "tenía 60 años",
            "ein 60er Trikot",
            "заняла 90-е место",
            "the '00s and '10s",
            "Boeing's 70s",
            "les années 65",
            "années 60%",
            "in 1990 and 50 more",
        ] {
            assert_eq!(found(text), None, "{text}");
        }
    }

    #[test]
    fn hostile_text_does_not_panic() {
        for text in [
            "\u{2019}90",
            "'90\u{e9}",
            "\u{e9}90er",
            "90-\u{435}",
            "ann\u{e9}es 60\u{e9}",
            "90",
            "'",
            "9",
            "\u{441}90-\u{445}",
            "años\u{a0}60",
            "80er-",
            "80er Jahr",
        ] {
            for (s, _) in text.char_indices() {
                for e in s..=text.len() {
                    let _ = two_digit_decade(text, s, e);
                }
            }
            let _ = crate::extract::years::find_years(text, (1900, 2000));
        }
    }
}
