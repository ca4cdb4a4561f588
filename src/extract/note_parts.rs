//! Where one note cites several works: `…; see also …`, `…. See also:
//! …`, `Compare A, with B`, decisions listed one after another.

/// A note's text cut at `; ` outside brackets and quotes.
pub(super) fn split_works(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut quoted, mut from) = (0i32, false, 0);
    // `Compare A, with B`: the Bluebook's two sides, each a work.
    let compared = ["ompare ", "ompare* ", "ompare_ "]
        .iter()
        .any(|w| text.contains(w));
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' | '（' | '《' => depth += 1,
            ')' | ']' | '）' | '》' => depth -= 1,
            '"' => quoted = !quoted,
            '“' => quoted = true,
            '”' => quoted = false,
            ';' if depth <= 0 && !quoted && text[i + 1..].starts_with(' ') => {
                parts.push(text[from..i].trim());
                from = i + 1;
            }
            // Chinese writes no space after its semicolon.
            '；' if depth <= 0 && !quoted => {
                parts.push(text[from..i].trim());
                from = i + c.len_utf8();
            }
            // `… UsedSoft/Oracle. See also: …`: a sentence that opens with
            // a signal cites another work.
            '.' if depth <= 0 && !quoted && signal_follows(&text[i + 1..]) => {
                parts.push(text[from..=i].trim());
                from = i + 1;
            }
            // `Rb. Almelo 11 July 2012, KG ZA 12-117, and HR 12 July 2013, …`:
            // decisions listed one after another.
            ',' | 'd' if depth <= 0 && !quoted => {
                let rest = text[i + 1..].trim_start();
                let with = ["with ", "*with* ", "_with_ "]
                    .iter()
                    .find_map(|w| rest.strip_prefix(w));
                if let Some(after) = with.filter(|_| c == ',' && compared && i > from) {
                    parts.push(text[from..i].trim());
                    from = text.len() - after.len();
                    continue;
                }
                let joined = c == ',' || text[..=i].ends_with(" and");
                if joined && i > from && super::note_courts::opens_decision(rest) {
                    let end = if c == ',' { i } else { i - 3 };
                    parts.push(text[from..end].trim());
                    from = text.len() - rest.len();
                }
            }
            _ => {}
        }
    }
    parts.push(text[from..].trim());
    parts.retain(|p| !p.is_empty());
    // `…; available at <https://…>`: a part in lower case that is no
    // signal continues the one before (its addresses are that work's).
    let mut joined: Vec<&str> = Vec::new();
    for p in parts {
        let continues = p.starts_with(char::is_lowercase)
            && ![
                "see", "cf.", "compare", "but ", "e.g.", "contra", "accord", "also", "vgl.",
            ]
            .iter()
            .any(|s| p.starts_with(s));
        match joined.last_mut() {
            Some(last) if continues => {
                let start = last.as_ptr() as usize - text.as_ptr() as usize;
                let end = p.as_ptr() as usize - text.as_ptr() as usize + p.len();
                *last = &text[start..end];
            }
            _ => joined.push(p),
        }
    }
    joined
}

/// Whether `rest` is a space and a signal that opens a citation.
fn signal_follows(rest: &str) -> bool {
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    [
        "See ",
        "See:",
        "See, ",
        "Also see ",
        "Cf. ",
        "Cf.:",
        "But see ",
        "Compare ",
        "Contra ",
        "Vgl. ",
        "Voir ",
    ]
    .iter()
    .any(|s| rest.starts_with(s))
}
