//! A web page's text around an article, pasted with it (plain-text
//! rule 2, see `plaintext`): a comment section and what follows it,
//! trailing site lines, and furniture between paragraphs.

use super::credits;

/// Lines that open a site's comment section: they and all after are dropped.
const COMMENT_MARKERS: &[&str] = &[
    "leave a reply",
    "leave a comment",
    "post a comment",
    "comments are closed",
    "post navigation",
    "you must be logged in to post a comment",
    // A news page's links after the story.
    "related topics",
    "related stories",
    "more on this story",
    "top stories",
    "most read",
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
    // A page's furniture between paragraphs: an advertisement's label, a
    // link to another story.
    // After `Image caption,` comes the caption of an image the text does
    // not hold: it goes with its label.
    let mut kept = Vec::with_capacity(paras.len());
    let mut caption_next = false;
    for p in paras.drain(..) {
        if is_inline_furniture(&p) || caption_next && p.len() <= 200 {
            let l = p.to_lowercase();
            caption_next = l.starts_with("image caption") || l.starts_with("media caption");
            dropped.push(p);
        } else {
            caption_next = false;
            kept.push(p);
        }
    }
    *paras = kept;
    dropped
}

/// Lines a news page sets between paragraphs, which pasted text keeps:
/// `Advertisement`, `Story continues below advertisement`, `Read more:
/// …`, `Related: …`.
fn is_inline_furniture(para: &str) -> bool {
    const ALONE: &[&str] = &[
        "advertisement",
        "advertisements",
        "skip advertisement",
        "story continues below advertisement",
        "article continues below advertisement",
        "continue reading the main story",
        "continue reading below",
        "sponsored",
        "sponsored content",
        "anzeige",
        "publicité",
        "реклама",
        "share",
        "save",
        "published",
        "updated",
        "getty images",
    ];
    const LEADS: &[&str] = &[
        "read more:",
        "related:",
        "also read:",
        "see also:",
        "watch:",
        "listen:",
    ];
    // An image's source and caption labels (`Image source, Getty Images`,
    // `Image caption,`), as a page reader's text gives them.
    const LABELS: &[&str] = &["image source,", "image caption,", "media caption,"];
    if para.len() > 160 {
        return false;
    }
    let l = para.trim().trim_end_matches(['.', ':']).to_lowercase();
    ALONE.contains(&l.as_str())
        || LABELS
            .iter()
            .any(|label| l.starts_with(label) && l.len() < 60)
        || is_time_ago(&l)
        || LEADS
            .iter()
            .any(|lead| l.starts_with(lead) && !crate::normalize::text::ends_sentence(para))
}

/// `2 hours ago`, `35 minutes ago`: when a page was published, relative
/// to a reading that is long past.
fn is_time_ago(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    matches!(
        words.as_slice(),
        [n, unit, "ago"] if n.parse::<u32>().is_ok()
            && matches!(
                unit.trim_end_matches('s'),
                "minute" | "hour" | "day" | "week" | "min" | "hr"
            )
    )
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
    contact || TRAILING_PHRASES.iter().any(|p| l.contains(p)) || credits::is_trailing(para)
}
