//! Plain-text rules, applied in this order:
//!
//! 1. **Paragraphs.** Blocks are separated by blank lines. In a hard-wrapped
//!    file (most lines 30–100 characters) a block's lines are joined into one
//!    paragraph; otherwise every line is a paragraph of its own, as in text
//!    pasted from the web.
//! 2. **Trailing boilerplate.** From a comment-section marker (`Leave a
//!    Reply`) near the end, everything is dropped; then trailing lines such as
//!    `This site uses Akismet …` or a parenthesised "contact us at" line.
//! 3. **Title.** A short first line that does not end like a sentence,
//!    followed by body text, becomes the document title, whatever its case.
//! 4. **Byline.** `By A and B | Section` near the top becomes authors and
//!    category.
//! 5. **Captions.** A line ending in a photo credit (` /VCG`) becomes a figure
//!    caption, not body text.
//! 6. **Editor's note.** A paragraph opening with `Editor's note:` is marked
//!    as a note; the author it introduces is inferred.
//! 7. **Headings.** A short line inside the text becomes a `##` heading
//!    only with evidence (see `is_heading`): mostly words, in title case,
//!    capitals or numbered, followed by a longer sentence, and not one of a
//!    run of short lines.
//!
//! Every other paragraph is escaped so that Markdown reads it literally.

use super::text::{ends_sentence, escape_markdown, is_small_word, split_names};
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
}

/// Applies all rules to a plain-text body.
pub fn normalize(body: &str) -> Normalized {
    let mut paras = paragraphs(body);
    let dropped = strip_boilerplate(&mut paras);
    let mut inferred = Inferred::default();
    let mut start = 0;
    if paras.len() > 1 && is_headline(&paras[0], &paras[1]) {
        inferred.title = Some(paras[0].clone());
        start = 1;
    }
    if let Some((authors, category)) = paras.get(start).and_then(|p| parse_byline(p)) {
        inferred.authors = authors;
        inferred.category = category;
        start += 1;
    }
    let blocks = classify(&paras[start..]);
    if inferred.authors.is_empty() {
        inferred.authors = blocks.iter().find_map(note_author).into_iter().collect();
    }
    Normalized {
        markdown: to_markdown(&blocks),
        inferred,
        dropped,
        warnings: Vec::new(),
    }
}

/// Rule 1: splits the body into paragraphs, trimmed.
pub fn paragraphs(body: &str) -> Vec<String> {
    let groups: Vec<Vec<&str>> = body
        .split('\n')
        .map(str::trim)
        .collect::<Vec<_>>()
        .split(|l| l.is_empty())
        .filter(|g| !g.is_empty())
        .map(<[&str]>::to_vec)
        .collect();
    if is_hard_wrapped(&groups) {
        groups.iter().map(|g| g.join(" ")).collect()
    } else {
        groups.into_iter().flatten().map(str::to_string).collect()
    }
}

/// A file is hard-wrapped when at least three lines continue onto a next line,
/// four in five of them are 30–100 characters long, and most of them stop
/// mid-sentence (pasted web text has one whole paragraph per line instead).
fn is_hard_wrapped(groups: &[Vec<&str>]) -> bool {
    let inner: Vec<&str> = groups
        .iter()
        .flat_map(|g| g[..g.len() - 1].iter().copied())
        .collect();
    let sized = inner
        .iter()
        .filter(|l| (30..=100).contains(&l.chars().count()))
        .count();
    let mid_sentence = inner.iter().filter(|l| !ends_sentence(l)).count();
    inner.len() >= 3 && sized * 5 >= inner.len() * 4 && mid_sentence * 2 > inner.len()
}

/// Lines that open a site's comment section: they and all after are dropped.
const COMMENT_MARKERS: &[&str] = &[
    "leave a reply",
    "leave a comment",
    "post a comment",
    "comments are closed",
    "post navigation",
    "you must be logged in to post a comment",
];

/// Phrases that mark a trailing line as site furniture, not article text.
const TRAILING_PHRASES: &[&str] = &[
    "akismet",
    "your email address will not be published",
    "share this:",
    "like this:",
    "related posts",
    "subscribe to our newsletter",
    "all rights reserved",
    "follow us on",
    "if you want to contribute",
];

/// Rule 2: removes trailing boilerplate and returns what was removed.
pub fn strip_boilerplate(paras: &mut Vec<String>) -> Vec<String> {
    let mut dropped = Vec::new();
    // Only the last third of a text can open a comment section: a marker
    // earlier than that is more likely a quotation.
    let from = paras.len() * 2 / 3;
    let marker = paras.iter().enumerate().skip(from).find(|(_, p)| {
        if p.len() > BOILERPLATE_MAX_CHARS {
            return false;
        }
        let l = p.to_lowercase();
        COMMENT_MARKERS.iter().any(|m| l == *m) || is_comment_count(&l)
    });
    if let Some((i, _)) = marker {
        dropped.extend(paras.drain(i..));
    }
    while let Some(last) = paras.last() {
        if !is_trailing_boilerplate(last) {
            break;
        }
        dropped.insert(0, paras.pop().unwrap_or_default());
    }
    dropped
}

fn is_comment_count(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let n = words.next().is_some_and(|w| w.parse::<u32>().is_ok());
    let w = words.next().is_some_and(|w| {
        matches!(
            w,
            "comment" | "comments" | "response" | "responses" | "replies"
        )
    });
    n && w && words.next().is_none()
}

/// Boilerplate is short: a long paragraph is article text even when it
/// contains one of the phrases.
const BOILERPLATE_MAX_CHARS: usize = 300;

fn is_trailing_boilerplate(para: &str) -> bool {
    if para.len() > BOILERPLATE_MAX_CHARS {
        return false;
    }
    let l = para.to_lowercase();
    let contact = l.starts_with('(') && l.contains("contact") && l.contains('@');
    contact || TRAILING_PHRASES.iter().any(|p| l.contains(p))
}

/// A title: short, no final full stop or comma, mostly capitalised words.
/// Rule 3: the first line is the headline when it is short, does not end
/// like a sentence, is mostly words, and text follows it. Its case does
/// not matter: news headlines are mostly in sentence case
/// (`Russia and China sign a new gas deal`).
pub fn is_headline(line: &str, next: &str) -> bool {
    let words = line.split_whitespace().count();
    if words == 0 || words > 20 || line.chars().count() > 160 {
        return false;
    }
    if line.ends_with(['.', ',', ';', ':']) || photo_credit(line).is_some() {
        return false;
    }
    if parse_byline(line).is_some() || !mostly_words(line) || is_date_line(line) {
        return false;
    }
    // Body text follows: a longer line, a sentence, or a byline.
    next.split_whitespace().count() > words || ends_sentence(next) || parse_byline(next).is_some()
}

/// Rule 7: a line inside the text is a heading only with evidence: short,
/// mostly words (never a number such as `1,375` or a score line such as
/// `Arsenal 2 Chelsea 1`), no list of names, in title case, capitals or
/// numbered, and between running text: a longer sentence follows it and it
/// does not continue a run of short lines (a list of results or names).
pub fn is_heading(line: &str, prev: Option<&str>, next: &str) -> bool {
    let words = line.split_whitespace().count();
    if words == 0 || words > 10 || line.chars().count() > 100 {
        return false;
    }
    if line.ends_with(['.', ',', ';', ':']) || line.matches(',').count() > 1 || exclaims(line) {
        return false;
    }
    // The text after a heading opens like a sentence; a lower-case word or
    // a stop there continues a line that was cut in two.
    if !next
        .trim_start()
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“'‘«„(".contains(c))
    {
        return false;
    }
    let numbers = line
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .count();
    let numbered = line
        .split_whitespace()
        .next()
        .is_some_and(is_section_number);
    if !mostly_words(line) || numbers > usize::from(numbered) {
        return false;
    }
    let capitals = line.chars().any(char::is_alphabetic) && !line.chars().any(char::is_lowercase);
    let body = |p: &str| ends_sentence(p) && p.split_whitespace().count() >= (2 * words).max(8);
    // Not the last of a run of short lines of words (a list of names).
    let listed = |p: &str| {
        p.split_whitespace().count() <= 12
            && !ends_sentence(p)
            && !p.chars().any(|c| c.is_ascii_digit())
    };
    if !body(next) || prev.is_some_and(listed) {
        return false;
    }
    // A sentence-case subhead (`Storage and the next harvest`) inside the
    // text, with no figures in it.
    let sentence_case =
        words <= 8 && numbers == 0 && prev.is_some() && line.starts_with(char::is_uppercase);
    numbered || capitals || is_title_like(line) || sentence_case
}

/// An exclamation, a doubled mark or a trailing ellipsis (`Rainbow!`,
/// `Really??`, `Give us a break...`), or two sentences in one line
/// (`Veritas? It's the same party`): a reader's remark, not a heading.
fn exclaims(line: &str) -> bool {
    let line = line.trim_end();
    line.ends_with(['!', '…'])
        || line.ends_with("...")
        || line.contains("??")
        || line.contains("?!")
        || line.match_indices(['?', '!']).any(|(i, _)| {
            line[i + 1..].starts_with(' ')
                && line[i + 1..].trim_start().starts_with(char::is_uppercase)
        })
}

/// `1.`, `2.3`, `IV.`: a section number.
fn is_section_number(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    !w.is_empty()
        && (w.chars().all(|c| c.is_ascii_digit() || c == '.')
            || w.chars().all(|c| "IVXLC".contains(c)))
}

/// Letters make up most of a line (not `1,375`, `2:1`, `Q3 2019`).
fn mostly_words(line: &str) -> bool {
    let chars: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
    let letters = chars.iter().filter(|c| c.is_alphabetic()).count();
    letters * 10 >= chars.len() * 6
        && line
            .split_whitespace()
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
}

/// A line that is only a date or a date and time (`March 3, 2021`,
/// `03.03.2021 14:05`, `Updated: 2 May 2019`): not a headline.
fn is_date_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() <= 6
        && words.iter().any(|w| {
            let d: String = w.chars().filter(char::is_ascii_digit).collect();
            d.len() >= 4
        })
        && words.iter().all(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            w.is_empty()
                || w.chars().all(|c| c.is_ascii_digit() || ".:/-".contains(c))
                || crate::chars::MONTHS
                    .iter()
                    .any(|m| m.starts_with(&w) && w.len() >= 3)
                || ["updated", "published", "am", "pm", "gmt", "utc"].contains(&w.as_str())
        })
}

/// A line whose significant words are mostly capitalised.
pub fn is_title_like(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 14 || line.chars().count() > 100 {
        return false;
    }
    if line.ends_with(['.', ',', ';', ':']) || photo_credit(line).is_some() {
        return false;
    }
    if !line.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“'‘".contains(c))
    {
        return false;
    }
    let significant: Vec<&&str> = words.iter().filter(|w| !is_small_word(w)).collect();
    let capitalised = significant
        .iter()
        .filter(|w| {
            w.trim_start_matches(|c: char| !c.is_alphanumeric())
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    !significant.is_empty() && capitalised * 5 >= significant.len() * 3
}

/// Rule 4: `By Andrew Zirkle | China/Russia` → (authors, category).
pub fn parse_byline(line: &str) -> Option<(Vec<String>, Option<String>)> {
    let rest = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("by "))
        .or_else(|| line.strip_prefix("BY "))?;
    if line.split_whitespace().count() > 16 || ends_sentence(line) && !line.contains('|') {
        return None;
    }
    let (names, category) = match rest.split_once('|') {
        Some((n, c)) => (n, Some(c.trim().to_string()).filter(|c| !c.is_empty())),
        None => (rest, None),
    };
    let authors = split_names(names);
    let plausible = authors.iter().all(|a| {
        a.split_whitespace().count() <= 5
            && a.split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()) || is_small_word(w))
    });
    (!authors.is_empty() && plausible).then_some((authors, category))
}

/// Rule 5: the credit of a photo caption (`… Far East. /VCG` → `VCG`).
pub fn photo_credit(line: &str) -> Option<&str> {
    let (_, credit) = line.rsplit_once(" /")?;
    let credit = credit.trim();
    let ok = (2..=24).contains(&credit.len())
        && credit.starts_with(|c: char| c.is_uppercase())
        && credit
            .chars()
            .all(|c| c.is_alphanumeric() || " .&-".contains(c));
    ok.then_some(credit)
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
    for (i, p) in paras.iter().enumerate() {
        let has_next = i + 1 < paras.len();
        let block = if let Some(credit) = photo_credit(p) {
            let text = p[..p.len() - credit.len()]
                .trim_end()
                .trim_end_matches('/')
                .trim_end();
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
            Block::Paragraph(p) => out.push_str(&escape_markdown(p)),
            Block::Heading(h) => {
                out.push_str("## ");
                out.push_str(&escape_markdown(h));
            }
            Block::Caption { text, credit } => {
                out.push_str("<figure class=\"caption\">\n<figcaption>\n\n");
                out.push_str(&escape_markdown(text));
                if let Some(c) = credit {
                    out.push_str(&format!(
                        " <span class=\"credit\">{}</span>",
                        escape_markdown(c)
                    ));
                }
                out.push_str("\n\n</figcaption>\n</figure>");
            }
            Block::EditorNote(n) => {
                out.push_str("<aside class=\"editor-note\" role=\"note\">\n\n**Editor's note:** ");
                out.push_str(&escape_markdown(n));
                out.push_str("\n\n</aside>");
            }
        }
        out.push_str("\n\n");
    }
    out
}
