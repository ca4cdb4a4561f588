//! Rule 2 of `pdfmd`: the title of a Markdown text (a heading before any
//! text, a plain first line that reads as a headline, or a title over a
//! names line on a paper's title page) and the names line under it.

use super::pdfmd::{Block, Kind};
use super::text::{ends_sentence, split_names, title_case};
use super::Inferred;

/// Rule 2.
pub(super) fn take_title(blocks: &mut Vec<Block>, inferred: &mut Inferred, given: Option<&str>) {
    let Some(first) = blocks.first() else { return };
    // A plain first line that reads as a headline (as converters leave a
    // title they did not mark as a heading), when the metadata has none.
    let line = first.text.trim();
    let plain = first.kind == Kind::Other
        && !line.contains('\n')
        && !line.starts_with(['-', '*', '+', '>', '|', '<', '!', '[', '`', '#', '\\'])
        && !line.starts_with(|c: char| c.is_ascii_digit());
    if plain && given.is_none() && blocks.len() > 1 {
        // The body may start after a names line: the first long block.
        let body = blocks[1..]
            .iter()
            .take(3)
            .find(|b| b.text.split_whitespace().count() > 12)
            .unwrap_or(&blocks[1]);
        // Or a names line and a paper's front: `title_page`.
        let texts: Vec<&str> = blocks.iter().take(8).map(|b| b.text.trim()).collect();
        let over_names = super::title_page::title_over_names(&texts).is_some();
        if super::lines::is_headline(line, body.text.trim()) || over_names {
            inferred.title = Some(line.to_string());
            blocks.remove(0);
            take_names_line(blocks, inferred);
            return;
        }
    }
    let hashes = first.text.bytes().take_while(|&b| b == b'#').count();
    if first.kind != Kind::Heading || hashes > 2 || first.text.contains('\n') {
        return;
    }
    let raw = without_attributes(first.text[hashes..].trim())
        .trim_end_matches('#')
        .trim()
        .trim_matches(|c| c == '*' || c == '_')
        .trim();
    // A numbered heading (`4.1 The framework`) opens a section; a heading
    // other than the title the metadata gives is part of the text.
    let numbered = raw.split_whitespace().next().is_some_and(|w| {
        w.trim_end_matches('.')
            .split('.')
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    });
    let other = given.is_some_and(|t| !t.trim().eq_ignore_ascii_case(raw));
    if numbered || other {
        return;
    }
    inferred.title = Some(title_case(raw));
    blocks.remove(0);
    // `*A and B\**`: the names line under the title, with its note marker.
    let Some(next) = blocks.first() else { return };
    let t = next.text.trim();
    let is_names = t.starts_with('*') && t.ends_with('*') && !t.contains('\n');
    let inner = t.trim_matches('*').trim_end_matches('\\').trim();
    let has_marker = t.contains("\\*");
    if is_names && has_marker && inner.split_whitespace().count() <= 16 && !ends_sentence(inner) {
        inferred.authors = split_names(inner);
        blocks.remove(0);
    } else {
        take_names_line(blocks, inferred);
    }
}

/// A heading without its attribute block (`China {#chap.china .unnumbered}`,
/// as Pandoc writes them): an id, classes and `key=value` pairs in braces
/// at the end of the line.
fn without_attributes(heading: &str) -> &str {
    let Some(inner) = heading.strip_suffix('}') else {
        return heading;
    };
    let Some(open) = inner.rfind('{') else {
        return heading;
    };
    let attrs = &inner[open + 1..];
    let is_attribute = |w: &str| {
        (w.len() > 1 && w.starts_with(['#', '.'])) || (w.contains('=') && !w.starts_with('='))
    };
    if attrs.split_whitespace().all(is_attribute) && !attrs.trim().is_empty() {
        inner[..open].trim_end()
    } else {
        heading
    }
}

/// `N. Orlova` or `A. Kuznetsova and P. Lind` under a plain title line:
/// the authors.
fn take_names_line(blocks: &mut Vec<Block>, inferred: &mut Inferred) {
    let Some(next) = blocks.first() else { return };
    // Affiliation marks (`Ostby¹`, `Lind*`) are not part of the names.
    let t: String = next
        .text
        .trim()
        .chars()
        .filter(|c| !"¹²³⁴⁵⁶⁷⁸⁹⁰*†‡".contains(*c))
        .collect();
    let t = t.as_str();
    let words: Vec<&str> = t.split_whitespace().collect();
    let names = next.kind == Kind::Other
        && !t.contains('\n')
        && (1..=12).contains(&words.len())
        && !ends_sentence(t)
        && !t.chars().any(|c| c.is_ascii_digit())
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(*w, "and" | "&" | "," | "und" | "et" | "и")
        })
        && (!t.is_ascii() || super::paper::names_list(t).is_some());
    // Two capitalised words alone (`Read More`) are not evidence enough:
    // marks, an initial, or several names joined.
    let marked = t.len() < next.text.trim().len();
    let evidence = marked
        || words.iter().any(|w| w.len() == 2 && w.ends_with('.'))
        || [" and ", " & ", ",", " und ", " и "]
            .iter()
            .any(|j| t.contains(j));
    if names && evidence {
        inferred.authors = split_names(t);
        blocks.remove(0);
    }
}
