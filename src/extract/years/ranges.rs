//! Ranges: a year and the year that ends its span, after a dash or a
//! slash (`2006-2007`, `(1947- 91)`, `2003/04`, `2005-6`) or in words of
//! the text's language (`between 1991 and 2010`, `entre 2004 et 2006`,
//! `von 1981 bis 1989`, `с 2004 по 2006`).

use super::{clip, Precision, YearHit, CONTEXT};

/// A range starting at the year `s..e`.
pub(super) fn range_after(
    text: &str,
    s: usize,
    e: usize,
    year: i32,
    bounds: (i32, i32),
) -> Option<YearHit> {
    let after = &text[e..];
    let dash = after.trim_start_matches(' ');
    // `--` and `---` are Pandoc's en and em dashes; Chinese doubles its
    // dash (`——`).
    let dash = dash
        .strip_prefix("---")
        .or_else(|| dash.strip_prefix("--"))
        .map_or(dash, |rest| &dash[dash.len() - rest.len() - 1..]);
    let dash = dash
        .strip_prefix('—')
        .filter(|r| r.starts_with('—'))
        .unwrap_or(dash);
    // Chinese spans: `1992～1997年`, `1992至1997年`.
    let dashes = ['-', '–', '—', '/', '～', '~', '－', '至', '到'];
    let (second, consumed) = if let Some(rest) = dash.strip_prefix(dashes) {
        let rest_trim = rest.trim_start_matches(' ');
        let digits = rest_trim.bytes().take_while(u8::is_ascii_digit).count();
        (
            rest_trim.get(..digits)?,
            after.len() - rest_trim.len() + digits,
        )
    } else {
        let before_word = crate::chars::before(text, s, CONTEXT)
            .trim_end()
            .rsplit(' ')
            .next()
            .unwrap_or("")
            .to_lowercase();
        let joiners: &[&str] = match before_word.as_str() {
            "between" => &[" and "],
            "from" => &[" to "],
            // French, Spanish, Portuguese, Italian, German, Russian.
            "entre" => &[" et ", " y ", " e "],
            "de" => &[" à ", " a "],
            "desde" => &[" hasta ", " a "],
            "tra" | "fra" => &[" e "],
            "dal" => &[" al "],
            "zwischen" => &[" und "],
            "von" => &[" bis "],
            "между" => &[" и "],
            "с" => &[" по "],
            _ => return None,
        };
        let (joiner, rest) = joiners
            .iter()
            .find_map(|j| Some((*j, after.strip_prefix(j)?)))?;
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        (rest.get(..digits)?, joiner.len() + digits)
    };
    // `1992—1997年`: the span's `年` is part of it.
    let end_pos = e + consumed;
    let end_pos = end_pos + super::chinese::span_close(&text[end_pos..])?;
    let end_year: i32 = match second.len() {
        4 => second.parse().ok()?,
        // `2005-6`
        1 => {
            let y = year / 10 * 10 + second.parse::<i32>().ok()?;
            if y <= year {
                y + 10
            } else {
                y
            }
        }
        2 => {
            let century = year / 100 * 100;
            let y = century + second.parse::<i32>().ok()?;
            if y <= year {
                y + 100
            } else {
                y
            }
        }
        _ => return None,
    };
    if end_year <= year || end_year - year > 100 {
        return None;
    }
    clip(
        s,
        end_pos,
        year,
        Some(end_year),
        Precision::Range,
        format!("{year}–{end_year}"),
        bounds,
    )
}
