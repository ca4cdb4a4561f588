//! Footnotes as PDF converters write them, moved out of the running text.
//!
//! A converter puts a page's notes where the page ended, as paragraphs,
//! often in the middle of a sentence that continues on the next page. Four
//! styles are read (each a [`Style`]; a document may be told its own with
//! `format = …`, see [`Style::parse`]):
//!
//! * **anchors**: a note paragraph opens with an empty anchor and a
//!   superscript label, `<span id="page-7-2"></span><sup>4.</sup> We use…`;
//!   its markers are links to that anchor, `model.[4](#page-7-2)`.
//! * **sup**: `<sup>4</sup> We use…` anywhere in the text (not only after a
//!   rule, which `pdfmd` handles), markers `<sup>4</sup>`.
//! * **tex**: `$^{4}$ We use…`, markers `$^{4}$` (superscripts written as
//!   TeX).
//! * **lines**: `Footnote 4: We use…`, or a one-item numbered list
//!   `4. We use…` placed where a page ended; markers are the label's digits
//!   glued to the word or bracket before them (`model4,`, `[24]4`). With
//!   none of these found, the same style reads the notes of layout-model
//!   converters (a bare number set apart, `ports. 1 The`, and a paragraph
//!   that opens with it), in `spaced_notes`.
//! * **circled**: `① 李丹慧：《…》，2002年。`, as Chinese and Japanese
//!   journals number their notes page by page; markers are the same
//!   circled digits (or `$\textcircled{1}$`) where a clause ends
//!   (`冲突①。`). A circled digit before words is an enumeration (`包括
//!   ①经济因素`), and a note paragraph must cite something (a title mark,
//!   a year, a page), so that a list numbered so stays a list.
//!
//! A note is paired with the nearest marker of its label before it that no
//! other note took (then the nearest after it, within three blocks), so
//! notes numbered again on every page pair with their own markers. A note
//! of the `lines` list form, or of the `tex` and `sup` forms, whose marker
//! cannot be found stays in the text (it may be a list or an affiliation);
//! a note paragraph that can only be a note (an anchor, `Footnote N:`) is
//! kept among the notes without a marker and reported.
//!
//! The blocks the notes leave are marked for removal; `pdfmd` removes them
//! and rejoins the paragraphs they cut.

use super::circled::{self, circled_marker};
use super::markers::{find_markers, is_label, tex_marker, Marker};
use super::pdfmd::{Block, Kind};

/// A converter's way of writing notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Anchors,
    Sup,
    Tex,
    Lines,
    Circled,
}

impl Style {
    pub const ALL: [Style; 5] = [
        Style::Anchors,
        Style::Sup,
        Style::Tex,
        Style::Lines,
        Style::Circled,
    ];

    /// The styles a `format` value asks for: `markdown` (every style),
    /// `pdf-anchors`, `pdf-sup`, `pdf-tex`, `pdf-lines`, `pdf-circled`, or
    /// `pdf-plain` (no note rule).
    pub fn parse(format: &str) -> Option<&'static [Style]> {
        Some(match format {
            "markdown" => &Style::ALL,
            "pdf-anchors" => &[Style::Anchors],
            "pdf-sup" => &[Style::Sup],
            "pdf-tex" => &[Style::Tex],
            "pdf-lines" => &[Style::Lines],
            "pdf-circled" => &[Style::Circled],
            "pdf-plain" => &[],
            _ => return None,
        })
    }
}

/// A note paragraph found in the text.
struct Note {
    block: usize,
    style: Style,
    label: String,
    /// Anchors the note paragraph opened with (anchors style).
    anchors: Vec<String>,
    text: String,
    /// Only a note can look like this: kept as a note even without a marker.
    certain: bool,
}

/// What the pass found: note definitions (label, Markdown text), the
/// blocks to remove, and warnings.
#[derive(Default)]
pub(super) struct Taken {
    pub defs: Vec<(String, String)>,
    pub remove: Vec<bool>,
    pub warnings: Vec<String>,
    /// Notes of a symbol (`∗`, `†`) whose mark is gone with the names
    /// line: notes on the authors.
    pub author_notes: Vec<String>,
}

/// Finds the notes of `styles` in `blocks`, replaces their markers with
/// `[^label]` and returns their definitions; `used` are labels already
/// taken by other rules.
pub(super) fn take(blocks: &mut [Block], styles: &[Style], used: &[String]) -> Taken {
    let mut taken = Taken {
        remove: vec![false; blocks.len()],
        ..Taken::default()
    };
    if styles.is_empty() {
        return taken;
    }
    let notes: Vec<Note> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == Kind::Other || b.kind == Kind::Definition)
        .flat_map(|(i, b)| match circled::lines(&b.text) {
            Some(lines) => lines
                .into_iter()
                .map(|(label, text)| Note {
                    block: i,
                    style: Style::Circled,
                    label,
                    anchors: Vec::new(),
                    text,
                    certain: true,
                })
                .collect(),
            None => note_at(i, &b.text).into_iter().collect::<Vec<_>>(),
        })
        .filter(|n| styles.contains(&n.style))
        .collect();
    if notes.is_empty() {
        return taken;
    }
    let anchors: Vec<&str> = notes
        .iter()
        .flat_map(|n| n.anchors.iter().map(String::as_str))
        .collect();
    let is_note = |i: usize| notes.iter().any(|n| n.block == i);
    let mut markers: Vec<Marker> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        if matches!(b.kind, Kind::Other | Kind::Heading) && !is_note(i) {
            find_markers(i, &b.text, styles, &anchors, &mut markers);
        }
    }
    let mut labels: Vec<String> = used.to_vec();
    let mut unmarked = 0;
    // Each marker's replacement, by marker index.
    let mut replace: Vec<Option<String>> = (0..markers.len()).map(|_| None).collect();
    for note in &notes {
        let found = pair(note, &mut markers, blocks);
        let symbol = !note.label.starts_with(|c: char| c.is_ascii_digit());
        if found.is_empty() && symbol && note.style != Style::Lines {
            taken.author_notes.push(note.text.clone());
            taken.remove[note.block] = true;
            continue;
        }
        if found.is_empty() && !note.certain {
            continue;
        }
        let label = unique_label(&note.label, &labels);
        labels.push(label.clone());
        for m in &found {
            replace[*m] = Some(format!("[^{label}]"));
        }
        if found.is_empty() {
            unmarked += 1;
        }
        // The note keeps its anchors, so any other link to them still lands.
        let mut text = String::new();
        for a in &note.anchors {
            text.push_str(&format!("<span id=\"{a}\"></span>"));
        }
        text.push_str(&note.text);
        taken.defs.push((label, text));
        taken.remove[note.block] = true;
    }
    // Markers of several labels (`<sup>1, 2</sup>`) become several
    // references; apply the replacements from the end of each block.
    let mut order: Vec<usize> = (0..markers.len()).collect();
    order.sort_by_key(|&m| (markers[m].block, std::cmp::Reverse(markers[m].range.start)));
    let mut groups: std::collections::HashMap<(usize, usize), String> = Default::default();
    for &m in &order {
        if let Some(r) = &replace[m] {
            let key = (markers[m].block, markers[m].range.start);
            groups.entry(key).or_default().insert_str(0, r);
        }
    }
    for &m in &order {
        let key = (markers[m].block, markers[m].range.start);
        if let Some(r) = groups.remove(&key) {
            let mk = &markers[m];
            let text = &mut blocks[mk.block].text;
            // A marker written apart from its word (` $^{1}$ ,`) joins it.
            let mut start = mk.range.start;
            if mk.style == Style::Tex {
                while start > 0 && text.as_bytes()[start - 1] == b' ' {
                    start -= 1;
                }
            }
            let mut end = mk.range.end;
            if mk.style == Style::Tex && text[end..].starts_with(" ") {
                let after = text[end..].trim_start();
                if after.starts_with([',', '.', ';', ':', ')']) {
                    end = text.len() - after.len();
                }
            }
            text.replace_range(start..end, &r);
        }
    }
    if unmarked > 0 {
        taken.warnings.push(unmarked_warning(unmarked));
    }
    taken
}

/// The warning for notes that found no marker in the text (converted
/// Markdown's and plain text's alike).
pub(super) fn unmarked_warning(unmarked: usize) -> String {
    format!(
        "{unmarked} note{} no marker in the text; listed with the notes",
        if unmarked == 1 { " has" } else { "s have" }
    )
}

/// The markers the note pairs with (indices into `markers`), marked taken.
fn pair(note: &Note, markers: &mut [Marker], blocks: &[Block]) -> Vec<usize> {
    if note.style == Style::Anchors {
        let found: Vec<usize> = (0..markers.len())
            .filter(|&m| {
                markers[m]
                    .anchor
                    .as_ref()
                    .is_some_and(|a| note.anchors.contains(a))
            })
            .collect();
        for &m in &found {
            markers[m].taken = true;
        }
        return found;
    }
    let fits = |m: &Marker| {
        !m.taken && m.anchor.is_none() && m.style == note.style && m.labels.contains(&note.label)
    };
    // The nearest before, then the nearest after within three blocks.
    let before = (0..markers.len())
        .rev()
        .find(|&m| markers[m].block < note.block && fits(&markers[m]));
    let after = || {
        (0..markers.len()).find(|&m| {
            markers[m].block > note.block && markers[m].block <= note.block + 3 && fits(&markers[m])
        })
    };
    let Some(m) = before.or_else(after) else {
        return Vec::new();
    };
    if note.style == Style::Lines {
        // A glued digit is a marker only when it is the one candidate of
        // its paragraph.
        let block = markers[m].block;
        let rivals = markers
            .iter()
            .filter(|x| x.block == block && x.style == Style::Lines && !x.taken)
            .count();
        if rivals != 1 || blocks[block].kind != Kind::Other {
            return Vec::new();
        }
    }
    markers[m].taken = true;
    vec![m]
}

/// `label`, or `label-2`, `label-3`… when a note of that label exists.
fn unique_label(label: &str, used: &[String]) -> String {
    let base: String = label
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { 's' })
        .collect();
    let base = if base.is_empty() {
        "n".to_string()
    } else {
        base
    };
    if !used.contains(&base) {
        return base;
    }
    (2..)
        .map(|k| format!("{base}-{k}"))
        .find(|l| !used.contains(l))
        .unwrap_or(base)
}

/// A note paragraph at block `i`, in any style.
fn note_at(i: usize, text: &str) -> Option<Note> {
    let t = text.trim();
    let one_line = |s: &str| s.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    let mut anchors = Vec::new();
    let mut rest = t;
    while let Some((id, after)) = empty_anchor(rest) {
        anchors.push(id.to_string());
        rest = after.trim_start();
    }
    if let Some((label, body)) = sup_label(rest) {
        let style = if anchors.is_empty() {
            Style::Sup
        } else {
            Style::Anchors
        };
        return Some(Note {
            block: i,
            style,
            label: label.to_string(),
            certain: style == Style::Anchors,
            anchors,
            text: one_line(body),
        });
    }
    if !anchors.is_empty() {
        return None;
    }
    if let Some((label, body)) = tex_label(t) {
        return Some(Note {
            block: i,
            style: Style::Tex,
            label,
            anchors,
            text: one_line(body),
            certain: false,
        });
    }
    if let Some((label, len)) = circled_marker(t) {
        let body = t[len..].trim();
        return circled::cites_something(body).then(|| Note {
            block: i,
            style: Style::Circled,
            label,
            anchors,
            text: one_line(body),
            certain: false,
        });
    }
    if let Some(body) = t.strip_prefix("Footnote ") {
        let (label, body) = body.split_once(':')?;
        if label.is_empty() || label.len() > 3 || !label.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        return Some(Note {
            block: i,
            style: Style::Lines,
            label: label.to_string(),
            anchors,
            text: one_line(body.trim()),
            certain: true,
        });
    }
    // `4. text`: one numbered item alone.
    let (label, body) = t.split_once(". ")?;
    let single = !t.lines().skip(1).any(|l| {
        let l = l.trim_start();
        l.split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    });
    (single && !label.is_empty() && label.len() <= 3 && label.bytes().all(|b| b.is_ascii_digit()))
        .then(|| Note {
            block: i,
            style: Style::Lines,
            label: label.trim_start_matches('0').to_string(),
            anchors,
            text: one_line(body),
            certain: false,
        })
}

/// `<span id="x"></span>` (or `<a id="x"></a>`) at the start: (`x`, rest).
pub(super) fn empty_anchor(t: &str) -> Option<(&str, &str)> {
    for (open, close) in [("<span id=\"", "\"></span>"), ("<a id=\"", "\"></a>")] {
        if let Some(rest) = t.strip_prefix(open) {
            let (id, rest) = rest.split_once(close)?;
            let ok = !id.is_empty()
                && id.len() <= 64
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b));
            return ok.then_some((id, rest));
        }
    }
    None
}

/// `<sup>4</sup>`, `<sup>4.</sup>` or `<sup>∗</sup>` then text.
fn sup_label(t: &str) -> Option<(&str, &str)> {
    let rest = t.strip_prefix("<sup>")?;
    let (label, body) = rest.split_once("</sup>")?;
    let label = label.trim().trim_end_matches('.');
    (is_label(label) && !body.trim().is_empty()).then(|| (label, body.trim()))
}

/// `$^{4}$ text` or `${ }^{4}$ text` → (`4`, `text`).
fn tex_label(t: &str) -> Option<(String, &str)> {
    let (labels, len) = tex_marker(t)?;
    let [label] = labels.as_slice() else {
        return None;
    };
    let body = t[len..].trim();
    (!body.is_empty()).then(|| (label.clone(), body))
}

#[cfg(test)]
#[path = "notes_tests.rs"]
mod tests;
