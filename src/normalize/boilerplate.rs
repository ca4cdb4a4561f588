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
    "related",
    "related coverage",
    "related articles",
    "related content",
    "related news",
    "read next",
    "more stories",
    "more from this section",
    "recommended",
    "recommended for you",
    "you may also like",
    "you might also like",
    "latest news",
    "trending",
    "trending now",
    "most popular",
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
    "sign up for our newsletter",
    "sign up to our newsletter",
    "sign up for the newsletter",
    "newsletter sign-up",
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

/// A page's links before its article, as a reader's copy keeps them:
/// skip links (`Skip to main content`), and a run of three or more short
/// lines of one or two words at the very top (`World`, `Business`). They
/// end at the first line of four words or more.
pub fn strip_navigation(paras: &mut Vec<String>) -> Vec<String> {
    const SKIP: &[&str] = &[
        "skip to main content",
        "skip to content",
        "skip to navigation",
        "skip to main navigation",
        "jump to content",
        "skip navigation",
    ];
    let short = |p: &str| {
        let words = p.split_whitespace().count();
        (1..=2).contains(&words)
            && !crate::normalize::text::ends_sentence(p)
            && !p.chars().any(|c| c.is_ascii_digit())
    };
    let top = paras
        .iter()
        .position(|p| {
            p.split_whitespace().count() >= 4 && !SKIP.contains(&p.to_lowercase().as_str())
        })
        .unwrap_or(0);
    let skip_link = paras[..top]
        .iter()
        .any(|p| SKIP.contains(&p.trim().to_lowercase().as_str()));
    let menu = top >= 3 && paras[..top].iter().all(|p| short(p));
    if !(skip_link
        && paras[..top]
            .iter()
            .all(|p| short(p) || SKIP.contains(&p.trim().to_lowercase().as_str()))
        || menu)
    {
        return Vec::new();
    }
    paras.drain(..top).collect()
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
        // A page's share buttons, one per line.
        "share this article",
        "share this story",
        "share on facebook",
        "share on twitter",
        "share via email",
        "facebook",
        "twitter",
        "x",
        "email",
        "e-mail",
        "whatsapp",
        "linkedin",
        "reddit",
        "pinterest",
        "telegram",
        "print",
        "copy link",
        "comments",
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
