//! Decades spelled out in words, as Romance-language and German news
//! write them: Italian `gli anni Cinquanta`, Spanish `los años sesenta`,
//! Portuguese `os anos setenta`, French `les années soixante-dix`, German
//! `die sechziger Jahre`, `in den Achtzigerjahren`. Each needs its word
//! for years (`anni`, `años`, `anos`, `années`, `Jahre`), so that a count
//! (`cinquanta anni`, `sechzig Jahre`) stays a count. The century is the
//! twentieth, as with two digits (see `short_decades`).

use super::YearHit;

/// The words for "years" before a spelled decade.
const LEADS: &[&str] = &["anni", "años", "anos", "années", "annees"];

/// Spelled decades after a lead word, by their tens.
const TENS: &[(&str, i32)] = &[
    // Italian
    ("venti", 20),
    ("trenta", 30),
    ("quaranta", 40),
    ("cinquanta", 50),
    ("sessanta", 60),
    ("settanta", 70),
    ("ottanta", 80),
    ("novanta", 90),
    // Spanish
    ("veinte", 20),
    ("treinta", 30),
    ("cuarenta", 40),
    ("cincuenta", 50),
    ("sesenta", 60),
    ("setenta", 70),
    ("ochenta", 80),
    ("noventa", 90),
    // Portuguese (besides the Spanish and Italian forms above)
    ("vinte", 20),
    ("trinta", 30),
    ("quarenta", 40),
    ("sessenta", 60),
    ("oitenta", 80),
    // French
    ("vingt", 20),
    ("trente", 30),
    ("quarante", 40),
    ("cinquante", 50),
    ("soixante", 60),
    ("soixante-dix", 70),
    ("quatre-vingt", 80),
    ("quatre-vingts", 80),
    ("quatre-vingt-dix", 90),
];

/// German decades, before `Jahre` or joined to it (`Achtzigerjahre`).
const GERMAN: &[(&str, i32)] = &[
    ("zwanziger", 20),
    ("dreißiger", 30),
    ("vierziger", 40),
    ("fünfziger", 50),
    ("sechziger", 60),
    ("siebziger", 70),
    ("achtziger", 80),
    ("neunziger", 90),
];

/// Every spelled decade in `text` within `range`, in text order.
pub fn hits(text: &str, range: (i32, i32)) -> Vec<YearHit> {
    // Most paragraphs hold none of the words: a few substring
    // searches, then nothing.
    let romance = ["nni", "ños", "nos", "nées", "nees"]
        .iter()
        .any(|w| text.contains(w));
    if !romance && !text.contains("iger") {
        return Vec::new();
    }
    let words = words(text);
    let mut out = Vec::new();
    for (k, &(s, e)) in words.iter().enumerate() {
        let word = text[s..e].to_lowercase();
        // The text a qualifier is looked for in ends before the decade's
        // word, its word for years included (`fine degli anni `).
        let found = if LEADS.contains(&word.as_str()) {
            words.get(k + 1).and_then(|&(s2, e2)| {
                let tens = tens(&text[s2..e2], TENS)?;
                Some((s, e2, s2, tens))
            })
        } else {
            german(text, &words, k).map(|(s, e, tens)| (s, e, s, tens))
        };
        if let Some((start, end, lead_end, tens)) = found {
            let before = &text[..lead_end];
            if let Some(hit) = super::decade(before, 0, start, end, 1900 + tens, range) {
                out.push(hit);
            }
        }
    }
    out
}

/// `sechziger Jahre`, `Sechzigerjahren`: the span and the tens.
fn german(text: &str, words: &[(usize, usize)], k: usize) -> Option<(usize, usize, i32)> {
    let (s, e) = words[k];
    let word = text[s..e].to_lowercase();
    let (stem, joined) = match word.find("erjahre") {
        Some(at) => (&word[..at + 2], true),
        None => (word.as_str(), false),
    };
    let tens = tens(stem, GERMAN)?;
    if joined {
        return Some((s, e, tens));
    }
    let &(s2, e2) = words.get(k + 1)?;
    text[s2..e2].starts_with("Jahre").then_some((s, e2, tens))
}

fn tens(word: &str, table: &[(&str, i32)]) -> Option<i32> {
    let lower = word.to_lowercase();
    table.iter().find(|(w, _)| *w == lower).map(|&(_, t)| t)
}

/// The byte spans of `text`'s words: letters, with inner hyphens.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inner = c == '-' && start.is_some();
        if c.is_alphabetic() || inner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out.into_iter()
        .map(|(s, e)| (s, s + text[s..e].trim_end_matches('-').len()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Vec<(String, &str)> {
        hits(text, (1800, 2030))
            .into_iter()
            .map(|h| (h.label, &text[h.start..h.end]))
            .collect()
    }

    #[test]
    fn decades_in_words() {
        assert_eq!(
            labels("ampliata negli anni Cinquanta e poi negli anni ottanta."),
            [
                ("1950s".to_string(), "anni Cinquanta"),
                ("1980s".to_string(), "anni ottanta")
            ]
        );
        assert_eq!(
            labels("desde los años sesenta; les années soixante-dix; os anos oitenta"),
            [
                ("1960s".to_string(), "años sesenta"),
                ("1970s".to_string(), "années soixante-dix"),
                ("1980s".to_string(), "anos oitenta")
            ]
        );
        // A qualifier before the word for years.
        assert_eq!(
            labels("alla fine degli anni Cinquanta, a mediados de los años sesenta"),
            [
                ("late-1950s".to_string(), "fine degli anni Cinquanta"),
                ("mid-1960s".to_string(), "mediados de los años sesenta")
            ]
        );
        assert_eq!(
            labels("die sechziger Jahre und in den Achtzigerjahren"),
            [
                ("1960s".to_string(), "sechziger Jahre"),
                ("1980s".to_string(), "Achtzigerjahren")
            ]
        );
    }

    #[test]
    fn counts_stay_counts() {
        for t in [
            "cinquanta anni fa",
            "sechzig Jahre alt",
            "tenía sesenta años",
            "les années",
            "anni",
            "Fünfziger",
            "-anni- -",
        ] {
            assert!(labels(t).is_empty(), "{t}");
        }
    }
}
