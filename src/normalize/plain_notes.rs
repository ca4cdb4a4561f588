//! A PDF's notes in its plain text, as text extractors give them: the
//! notes of a page stand after its last line, without their numbers (set
//! in a superscript the extractor dropped), while the markers in the
//! running text are digits glued to the word or mark before them
//! (`cautious people.1 Negotiators`).
//!
//! A note paragraph cites something: it opens with a citation signal
//! (`See`, `Cf.`, `Id.`, `Ibid.`) or holds a citation's shape (`41 Yale
//! L.J. 233 (2016)`, `supra note 3`, `1042 U.N.T.S. 211`). Notes come in
//! runs after the running text of a page; a run's notes pair, in order,
//! with the markers since the last run, when their numbers agree. Markers
//! are digits glued after a lower-case letter or a closing mark that
//! continue the count (1, 2, 3 …), so that `Q3`, `F16` or a decimal are
//! not taken. A run whose count does not agree stays among the notes
//! without markers (and is reported); its markers stay as text. A
//! paragraph that opens a run in lower case goes on from the last note.

/// Notes taken out of the paragraphs.
#[derive(Debug, Default)]
pub struct Taken {
    /// Each note's label and text, in order.
    pub notes: Vec<(String, String)>,
    /// How many notes found no marker.
    pub unmarked: usize,
}

/// Where a marker's label is held in a paragraph until the Markdown is
/// written: `MARK_OPEN`, the label's digits, `MARK_CLOSE`.
pub const MARK_OPEN: char = '\u{1}';
pub const MARK_CLOSE: char = '\u{2}';

/// Takes the note paragraphs out of `paras` and puts the paired markers'
/// places in the text (see [`MARK_OPEN`]).
pub fn take(paras: &mut Vec<String>) -> Taken {
    for p in paras.iter_mut() {
        if p.contains([MARK_OPEN, MARK_CLOSE]) {
            p.retain(|c| c != MARK_OPEN && c != MARK_CLOSE);
        }
    }
    let mut is_note: Vec<bool> = paras.iter().map(|p| is_note_paragraph(p)).collect();
    // `1 The boards also bought flax …`: a note that kept its number.
    let label: Vec<Option<u32>> = paras
        .iter()
        .zip(&is_note)
        .map(|(p, &note)| if note { None } else { note_label(p) })
        .collect();
    if !is_note.contains(&true) && label.iter().all(Option::is_none) {
        return Taken::default();
    }
    // The rest of a note a page break cut opens the next page's notes.
    for i in 1..paras.len().saturating_sub(1) {
        if is_note[i + 1] && !is_note[i - 1] && paras[i].starts_with(char::is_lowercase) {
            is_note[i] = true;
        }
    }
    // Markers continuing the count, in the running text's order.
    let mut expected = 1u32;
    let mut markers: Vec<(usize, std::ops::Range<usize>, u32)> = Vec::new();
    for (i, p) in paras.iter().enumerate() {
        if is_note[i] || label[i].is_some() {
            continue;
        }
        for (range, n) in glued_numbers(p) {
            if n == expected {
                markers.push((i, range, n));
                expected += 1;
            }
        }
    }
    if markers.is_empty() {
        return Taken::default();
    }
    let mut taken = Taken::default();
    let mut gone = vec![false; paras.len()];
    let mut paired: Vec<(usize, std::ops::Range<usize>, u32)> = Vec::new();
    // Each note with the paragraph it stood in, to put them in the
    // text's order at the end.
    let mut notes: Vec<(usize, String, String)> = Vec::new();
    // Notes with their numbers pair with the marker of that number before
    // them.
    for (i, n) in label.iter().enumerate() {
        let Some(n) = *n else { continue };
        let Some(k) = markers.iter().position(|m| m.2 == n && m.0 < i) else {
            continue;
        };
        let text = paras[i].split_once(' ').map_or("", |(_, t)| t).to_string();
        notes.push((i, n.to_string(), text));
        paired.push(markers.remove(k));
        gone[i] = true;
    }
    let mut since = 0; // the first marker after the last run
    let mut last_run: Option<usize> = None; // where the last run's last note is
    let mut i = 0;
    while i < paras.len() {
        if !is_note[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < paras.len() && is_note[i] {
            i += 1;
        }
        let mut first = start;
        // A note a page break cut goes on from the last run's last note.
        if paras[start].starts_with(char::is_lowercase) {
            if let Some(last) = last_run.and_then(|k| notes.get_mut(k)) {
                last.2.push(' ');
                last.2.push_str(&paras[start]);
                first += 1;
            }
        }
        let end = markers[since..]
            .iter()
            .position(|m| m.0 >= start)
            .map_or(markers.len(), |k| since + k);
        let own = &markers[since..end];
        let run = first..i;
        if !own.is_empty() && own.len() == run.len() {
            for (m, p) in own.iter().zip(run) {
                notes.push((p, m.2.to_string(), paras[p].clone()));
            }
            paired.extend(own.iter().cloned());
        } else if !own.is_empty() || last_run.is_some() {
            for p in run {
                taken.unmarked += 1;
                notes.push((p, format!("u{}", taken.unmarked), paras[p].clone()));
            }
        } else {
            // No running text with markers before it: not a page's notes.
            continue;
        }
        last_run = notes.len().checked_sub(1);
        since = end;
        gone[start..i].iter_mut().for_each(|g| *g = true);
    }
    // The notes of either kind in the text's order.
    notes.sort_by_key(|n| n.0);
    taken.notes = notes.into_iter().map(|(_, l, t)| (l, t)).collect();
    // Markers from the end of each paragraph, so the ranges stay right.
    paired.sort_by_key(|m| (m.0, m.1.start));
    for (p, range, n) in paired.into_iter().rev() {
        paras[p].replace_range(range, &format!("{MARK_OPEN}{n}{MARK_CLOSE}"));
    }
    super::drop_marked(paras, &gone);
    taken
}

/// `1 The boards also bought flax …`: a note's own number (one to three
/// digits) before a capitalised word, in a paragraph that ends a sentence
/// or is long (not a numbered heading such as `2 Data and methods`).
fn note_label(p: &str) -> Option<u32> {
    let (n, rest) = p.split_once(' ')?;
    let sentence = super::text::ends_sentence(p) || rest.split_whitespace().count() >= 8;
    let opens = rest.starts_with(|c: char| c.is_uppercase() || matches!(c, '“' | '"' | '‘'));
    let digits = (1..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit());
    (digits && opens && sentence && rest.split_whitespace().count() >= 3)
        .then(|| n.parse().ok())
        .flatten()
}

/// Escapes a paragraph for Markdown, its held markers made note references.
pub fn escape_marked(p: &str) -> String {
    let escaped = super::text::escape_markdown(p);
    if !escaped.contains(MARK_OPEN) {
        return escaped;
    }
    let mut out = String::with_capacity(escaped.len());
    let mut rest = escaped.as_str();
    while let Some(k) = rest.find(MARK_OPEN) {
        out.push_str(&rest[..k]);
        let after = &rest[k + MARK_OPEN.len_utf8()..];
        let Some(close) = after.find(MARK_CLOSE) else {
            rest = after;
            continue;
        };
        out.push_str("[^");
        out.push_str(&after[..close]);
        out.push(']');
        rest = &after[close + MARK_CLOSE.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// The text without its held markers (a title's or a summary's, which
/// carry no note references).
pub fn unmarked(p: &str) -> String {
    if !p.contains(MARK_OPEN) {
        return p.to_string();
    }
    let mut out = String::with_capacity(p.len());
    let mut held = false;
    for c in p.chars() {
        match c {
            MARK_OPEN => held = true,
            MARK_CLOSE => held = false,
            _ if !held => out.push(c),
            _ => {}
        }
    }
    out
}

/// Appends the notes to the Markdown as note definitions.
pub fn write(markdown: &mut String, notes: &[(String, String)]) {
    for (label, text) in notes {
        markdown.push_str(&format!(
            "[^{label}]: {}\n\n",
            super::text::escape_markdown(text)
        ));
    }
}

/// Digits glued after a lower-case letter or a closing mark, before a
/// space, a closing mark, a stop or the end: `people.1 `, `instruments,2
/// `, `siècle1.`.
fn glued_numbers(p: &str) -> Vec<(std::ops::Range<usize>, u32)> {
    let mut out = Vec::new();
    let bytes = p.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let before = p[..start].chars().next_back();
        let glued = before.is_some_and(|c| {
            c.is_lowercase()
                || matches!(c, '.' | ',' | ';' | ':' | '’' | '”' | '"' | ')' | '?' | '!')
        });
        // `1.5`, `3,000`: a number, not a marker; but `in 1995.3` ends a
        // sentence with a year.
        let head = p[..start].trim_end_matches(['.', ',']);
        let year = head.len() >= 4
            && head.is_char_boundary(head.len() - 4)
            && head[head.len() - 4..].bytes().all(|b| b.is_ascii_digit())
            && !head[..head.len() - 4].ends_with(|c: char| c.is_ascii_digit())
            && p[..start].ends_with('.');
        let number_before = head.ends_with(|c: char| c.is_ascii_digit()) && !year;
        let after = p[i..].chars().next();
        // French sets the marker before the stop: `siècle1.`, `par an2,`.
        let ends = after.is_none_or(|c| {
            c.is_whitespace() || matches!(c, ')' | ']' | '—' | '–' | '.' | ',' | ';' | ':')
        });
        if glued && !number_before && ends && i - start <= 3 {
            if let Ok(n) = p[start..i].parse() {
                out.push((start..i, n));
            }
        }
    }
    out
}

/// Words a legal or scholarly note opens with.
const SIGNALS: &[&str] = &[
    "See", "See,", "Cf.", "Compare", "Accord", "Accord,", "E.g.,", "Id.", "Id.,", "Ibid.", "Ibid",
    "Ibidem", "Ibidem.", "Supra", "Infra", "Vgl.", "Voir", "Cfr.", "Siehe",
];

/// Marks of a citation inside a note.
const CITATION_MARKS: &[&str] = &[
    " supra", " infra", "U.N.T.S.", "U.S.C.", " U.S. ", " F.2d", " F.3d", " F.4th", "F. Supp.",
    "S. Ct.", "Stat.", " ed. ", " eds.", " (eds", "op. cit.", " pp. ", " art. ",
];

/// Words that open a sentence of running text rather than a citation.
const OPENERS: &[&str] = &[
    "The", "In", "This", "That", "These", "It", "We", "They", "A", "An", "On", "At", "As", "And",
    "However", "When", "While", "Although", "After", "Before", "Since", "Under", "For", "By", "If",
    "Our", "Its", "Their", "Here", "There", "Yet", "So", "Most", "Some",
];

/// A paragraph that can only be a note: it opens with a citation signal
/// (`See`, `But see`, `Cf.`, `Id.`), or it opens with a name or a title
/// before a comma and cites a work with its year (`Aaron Wolf, Conflict …,
/// 1 Water Pol'y 251 (1998).`).
fn is_note_paragraph(p: &str) -> bool {
    let mut words = p.split_whitespace();
    let first = words.next().unwrap_or("");
    let second = words.next().unwrap_or("");
    let signal = SIGNALS.contains(&first)
        || first == "But" && matches!(second, "see" | "see," | "cf." | "cf.,")
        || first == "Op." && second.starts_with("cit");
    if signal && p.split_whitespace().nth(2).is_some() {
        return true;
    }
    let count = p.split_whitespace().count();
    let cites = CITATION_MARKS.iter().any(|m| p.contains(m)) || volume_reporter_page(p);
    count <= 90 && opens_with_name(p) && cites && (year_in_brackets(p) || has_year(p))
}

/// A year anywhere: four digits, 1000–2099, alone.
fn has_year(p: &str) -> bool {
    p.split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with('1') || d.starts_with("20")))
}

/// The words before the first comma are a name or a title: one to ten,
/// each capitalised, a number or a particle, not a sentence's opener.
fn opens_with_name(p: &str) -> bool {
    let Some((head, _)) = p.split_once(',') else {
        return false;
    };
    let words: Vec<&str> = head.split_whitespace().collect();
    let particle = |w: &str| {
        matches!(
            w,
            "v." | "of" | "and" | "&" | "de" | "van" | "von" | "the" | "on" | "for" | "in"
        )
    };
    (1..=10).contains(&words.len())
        && !OPENERS.contains(&words[0])
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '(')
                || particle(w)
        })
}

/// A year in brackets: `(2016)`, `(3d ed. 2019)`, `(Boston: Beacon, 1999)`.
fn year_in_brackets(p: &str) -> bool {
    p.match_indices('(').any(|(k, _)| {
        let inner = &p[k + 1..];
        let inner = &inner[..inner.find(')').unwrap_or(inner.len())];
        inner.len() <= 60
            && inner
                .split(|c: char| !c.is_ascii_digit())
                .any(|d| d.len() == 4 && (d.starts_with('1') || d.starts_with("20")))
    })
}

/// A volume, a reporter's or journal's abbreviated name, and a page:
/// `41 YALE J. INT'L L. 233`, `3 B. & S. 826`, `1997 I.C.J. 7`.
fn volume_reporter_page(p: &str) -> bool {
    let words: Vec<&str> = p.split_whitespace().collect();
    let number = |w: &str| (1..=5).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
    (0..words.len()).any(|i| {
        number(words[i]) && {
            let name = words[i + 1..]
                .iter()
                .take(7)
                .take_while(|w| w.starts_with(|c: char| c.is_uppercase()) || **w == "&")
                .count();
            name >= 1
                && words
                    .get(i + 1 + name)
                    .is_some_and(|w| number(w.trim_end_matches([',', '.', ';'])))
        }
    })
}

#[cfg(test)]
#[path = "plain_notes_tests.rs"]
mod tests;
