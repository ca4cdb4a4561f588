//! Plain-text rules, applied in this order:
//!
//! 1. **Paragraphs.** Blocks are separated by blank lines. In a hard-wrapped
//!    file a block's lines are joined, parted where a short line ends a
//!    paragraph; otherwise every line is a paragraph of its own, as in text
//!    pasted from the web. A PDF's contents and page marks go (see `wrap`).
//! 2. **Trailing boilerplate.** From a comment-section marker (`Leave a
//!    Reply`) near the end, everything is dropped; then trailing lines such as
//!    `This site uses Akismet …` or a parenthesised "contact us at" line;
//!    and anywhere, a page's furniture between paragraphs (`Advertisement`,
//!    `Read more: …`).
//! 3. **Title.** A short first line that does not end like a sentence,
//!    followed by body text, becomes the document title, whatever its case;
//!    on a paper's title page, a title over a line of names (see
//!    `title_page`: the names are the authors, the affiliations and an
//!    APA author note leave the body). Before this, a paper's running head
//!    is removed (see `running_head`) and, in a PDF's text, a paragraph a
//!    page break cut is joined again.
//! 4. **Byline and date line.** `By A and B | Section` near the top becomes
//!    authors and category (a role after the names, `By A, Staff writer`,
//!    is the category); a date line there (`Updated 14 November 2022`) is
//!    the document's date, not body text.
//! 5. **Captions.** A line ending in a photo credit (` /VCG`) becomes a figure
//!    caption, not body text.
//! 6. **Editor's note.** A paragraph opening with `Editor's note:` is marked
//!    as a note; the author it introduces is inferred.
//! 7. **Headings.** A short line inside the text becomes a `##` heading
//!    only with evidence (see `lines::is_heading`): mostly words, in title case,
//!    capitals or numbered, followed by a longer sentence, and not one of a
//!    run of short lines.
//!
//! Every other paragraph is escaped so that Markdown reads it literally.

use super::boilerplate::strip_boilerplate;
use super::credits;
use super::lines::{
    caption_parts, date_of_line, is_date_line, is_heading, is_headline, parse_byline, photo_credit,
};
use super::text::{ends_sentence, escape_markdown};
use super::{Inferred, Normalized};

/// What one paragraph of plain text turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(String),
    Heading(String),
    Caption {
        text: String,
        credit: Option<String>,
    },
    EditorNote(String),
    /// Rows of cells, the first the head (see `plain_tables`).
    Table(Vec<Vec<String>>),
}

/// Applies all rules to a plain-text body.
pub fn normalize(body: &str) -> Normalized {
    let super::wrap::Paragraphs {
        mut paras,
        dropped: furniture,
        pages,
    } = super::wrap::read(body);
    let heads = super::running_head::remove(&mut paras, |p| p);
    let mut warnings = Vec::new();
    if let Some(head) = heads.first() {
        warnings.push(super::running_head::warning(heads.len(), head));
    }
    let mut dropped = super::boilerplate::strip_navigation(&mut paras);
    dropped.extend(strip_boilerplate(&mut paras));
    dropped.extend(heads.iter().cloned());
    dropped.extend(furniture);
    let mut inferred = Inferred::default();
    let mut start = 0;
    // A paper's title page: title, names, affiliations, author note.
    let gone = super::title_page::plain_front(&paras, &mut inferred);
    let title_page = gone.contains(&true);
    super::drop_marked(&mut paras, &gone);
    // A PDF's notes, at the foot of each page.
    let notes = super::plain_notes::take(&mut paras);
    if notes.unmarked > 0 {
        warnings.push(super::notes::unmarked_warning(notes.unmarked));
    }
    // A PDF's pages (form feeds, running heads, page marks, notes): a
    // paragraph a page break cut in two is one again.
    if pages || !heads.is_empty() || !notes.notes.is_empty() || body.contains('\x0c') {
        rejoin_pages(&mut paras);
    }
    // A paper's abstract, under its label: the summary, as for Markdown.
    if title_page {
        if let Some(text) = abstract_after_label(&paras) {
            inferred.summary = Some(escape_markdown(&super::plain_notes::unmarked(text)));
            inferred.stated.push("stated_summary");
        }
    }
    // The headline, before body text, or before a caption line and then
    // body text.
    let direct = paras.len() > 1 && is_headline(&paras[0], &paras[1]);
    let headline = !title_page
        && (direct
            || paras.len() > 2 && !ends_sentence(&paras[1]) && is_headline(&paras[0], &paras[2]));
    if headline {
        inferred.title = Some(super::plain_notes::unmarked(&paras[0]));
        start = 1;
        // A standfirst under the headline, before the byline or the date
        // line (`Unions reject offer; lines divert ships`): the summary.
        let dek = !direct
            && photo_credit(&paras[1]).is_none()
            && (parse_byline(&paras[2]).is_some()
                || credits::byline(&paras[2]).is_some()
                || is_date_line(&paras[2]));
        if dek {
            inferred.summary = Some(escape_markdown(&super::plain_notes::unmarked(&paras[1])));
            start = 2;
        }
    }
    // The byline and the page's date line, in either order: `By A and B |
    // Section`, `Updated 14 November 2022`.
    for _ in 0..2 {
        let Some(p) = paras.get(start) else { break };
        if let Some((authors, category)) = parse_byline(p).filter(|_| inferred.authors.is_empty()) {
            inferred.authors = authors;
            inferred.category = category;
        } else if let Some(authors) = credits::byline(p).filter(|_| inferred.authors.is_empty()) {
            inferred.authors = authors;
        } else if let Some(date) = Some(p)
            .filter(|p| is_date_line(p))
            .and_then(|p| date_of_line(p))
        {
            inferred.date.get_or_insert(date);
        } else {
            break;
        }
        start += 1;
    }
    // `新华社北京12月2日电（记者 刘晓明 陈静）…`: the lead credits them.
    if inferred.authors.is_empty() {
        if let Some(lead) = paras.get(start) {
            inferred.authors = credits::dateline_reporters(lead);
        }
    }
    let blocks = classify(&paras[start..]);
    if inferred.authors.is_empty() {
        inferred.authors = blocks.iter().find_map(note_author).into_iter().collect();
    }
    let mut markdown = to_markdown(&blocks);
    super::plain_notes::write(&mut markdown, &notes.notes);
    Normalized {
        markdown,
        inferred,
        dropped,
        warnings,
    }
}

/// The paragraph after an abstract's label (`Abstract`, `Résumé`,
/// `Resumen`, `Zusammenfassung`, `Riassunto`, `Аннотация`) among the
/// first paragraphs, when it is running text.
fn abstract_after_label(paras: &[String]) -> Option<&str> {
    const LABELS: &[&str] = &[
        "abstract",
        "résumé",
        "resumen",
        "zusammenfassung",
        "riassunto",
        "аннотация",
    ];
    let at = paras.iter().take(6).position(|p| {
        let bare = p.trim().trim_end_matches([':', '.']).to_lowercase();
        LABELS.contains(&bare.as_str())
    })?;
    let text = paras.get(at + 1)?;
    (text.split_whitespace().count() > 10).then_some(text.as_str())
}

/// Joins a paragraph that does not end a sentence with the next when it
/// opens in lower case: the halves of one a page break cut.
fn rejoin_pages(paras: &mut Vec<String>) {
    let mut out: Vec<String> = Vec::with_capacity(paras.len());
    for p in std::mem::take(paras) {
        if let Some(prev) = out.last_mut() {
            let open = !ends_sentence(prev) && prev.split_whitespace().count() >= 6;
            if open && p.starts_with(char::is_lowercase) {
                prev.push(' ');
                prev.push_str(&p);
                continue;
            }
        }
        out.push(p);
    }
    *paras = out;
}

/// Rule 1: splits the body into paragraphs, trimmed (see `wrap`).
#[cfg(test)]
pub fn paragraphs(body: &str) -> Vec<String> {
    super::wrap::read(body).paras
}

fn editor_note_text(para: &str) -> Option<&str> {
    const LABELS: &[&str] = &[
        "Editor's note",
        "Editor’s note",
        "Editor's Note",
        "Editor’s Note",
        "EDITOR'S NOTE",
    ];
    LABELS
        .iter()
        .find_map(|l| para.strip_prefix(l))
        .map(|rest| rest.trim_start_matches([':', ' ', '-', '–', '—']))
}

/// Rules 5–7 on the body paragraphs.
pub fn classify(paras: &[String]) -> Vec<Block> {
    let mut blocks = Vec::with_capacity(paras.len());
    let mut tables = super::plain_tables::find(paras).into_iter().peekable();
    for (i, p) in paras.iter().enumerate() {
        if let Some(t) = tables.peek() {
            if i == t.start {
                blocks.push(Block::Table(t.rows.clone()));
            }
            if (t.start..t.end).contains(&i) {
                if i + 1 == t.end {
                    tables.next();
                }
                continue;
            }
        }
        let has_next = i + 1 < paras.len();
        let block = if let Some((text, credit)) = caption_parts(p) {
            Block::Caption {
                text: text.to_string(),
                credit: Some(credit.to_string()),
            }
        } else if let Some(note) = editor_note_text(p) {
            Block::EditorNote(note.to_string())
        } else if has_next
            && is_heading(
                p,
                i.checked_sub(1).map(|j| paras[j].as_str()),
                &paras[i + 1],
            )
        {
            Block::Heading(p.clone())
        } else {
            Block::Paragraph(p.clone())
        };
        blocks.push(block);
    }
    blocks
}

/// `Editor's note: Danil Bochkov is an expert …` → `Danil Bochkov`.
fn note_author(block: &Block) -> Option<String> {
    let Block::EditorNote(text) = block else {
        return None;
    };
    let words: Vec<&str> = text.split_whitespace().take(6).collect();
    let n = words
        .iter()
        .take_while(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    let verb = words.get(n).copied();
    ((2..=4).contains(&n) && matches!(verb, Some("is" | "was" | "writes")))
        .then(|| words[..n].join(" "))
}

/// Writes the blocks as Markdown; captions and notes become HTML wrappers
/// around an ordinary paragraph, so they still get ids and links.
pub fn to_markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Paragraph(p) => out.push_str(&super::plain_notes::escape_marked(p)),
            Block::Heading(h) => {
                out.push_str("## ");
                out.push_str(&super::plain_notes::escape_marked(h));
            }
            Block::Caption { text, credit } => {
                out.push_str("<figure class=\"caption\">\n<figcaption>\n\n");
                out.push_str(&super::plain_notes::escape_marked(text));
                if let Some(c) = credit {
                    out.push_str(&format!(
                        " <span class=\"credit\">{}</span>",
                        super::plain_notes::escape_marked(c)
                    ));
                }
                out.push_str("\n\n</figcaption>\n</figure>");
            }
            Block::Table(rows) => out.push_str(super::plain_tables::markdown(rows).trim_end()),
            Block::EditorNote(n) => {
                out.push_str("<aside class=\"editor-note\" role=\"note\">\n\n**Editor's note:** ");
                out.push_str(&super::plain_notes::escape_marked(n));
                out.push_str("\n\n</aside>");
            }
        }
        out.push_str("\n\n");
    }
    out
}
