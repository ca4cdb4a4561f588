//! A trained sequence labeller for reference strings: a linear-chain
//! conditional random field (the `crfs` crate) that labels each
//! whitespace-separated token of one reference as author, title,
//! container, date and so on.
//!
//! The rules in `entries` read the forms they know well (names, quoted
//! titles, years); where they disagree with each other on where a title or
//! a container ends, the labeller decides (`entries::parse_entry`). The
//! model (`reftagger.crfsuite`) is trained by `examples/refeval.rs train`
//! on public labelled reference strings; its features are written here
//! once, so training and tagging read a token the same way.

use crfs::{Attribute, Model};
use std::ops::Range;

/// The model, trained as `examples/refeval.rs` describes.
const MODEL: &[u8] = include_bytes!("reftagger.crfsuite");

/// What one token is part of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Author,
    Editor,
    Title,
    Container,
    Date,
    Volume,
    Pages,
    Publisher,
    Location,
    Identifier,
    Number,
    Other,
}

impl Label {
    pub const ALL: [Label; 12] = [
        Label::Author,
        Label::Editor,
        Label::Title,
        Label::Container,
        Label::Date,
        Label::Volume,
        Label::Pages,
        Label::Publisher,
        Label::Location,
        Label::Identifier,
        Label::Number,
        Label::Other,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Label::Author => "author",
            Label::Editor => "editor",
            Label::Title => "title",
            Label::Container => "container",
            Label::Date => "date",
            Label::Volume => "volume",
            Label::Pages => "pages",
            Label::Publisher => "publisher",
            Label::Location => "location",
            Label::Identifier => "identifier",
            Label::Number => "number",
            Label::Other => "other",
        }
    }

    /// The label for a tag of a labelled reference set (the tags that
    /// reference-parser training sets use), or `None` for a tag unknown.
    pub fn from_tag(tag: &str) -> Option<Label> {
        Some(match tag {
            "author" => Label::Author,
            "editor" | "translator" | "director" | "producer" => Label::Editor,
            "title" => Label::Title,
            "journal" | "container-title" | "collection-title" => Label::Container,
            "date" => Label::Date,
            "volume" => Label::Volume,
            "pages" => Label::Pages,
            "publisher" => Label::Publisher,
            "location" => Label::Location,
            "url" | "doi" | "isbn" | "identifier" => Label::Identifier,
            "citation-number" => Label::Number,
            "note" | "genre" | "edition" | "medium" | "source" | "dataset" | "scale" => {
                Label::Other
            }
            _ => return None,
        })
    }

    fn from_name(name: &str) -> Label {
        Label::ALL
            .into_iter()
            .find(|l| l.name() == name)
            .unwrap_or(Label::Other)
    }
}

/// The byte ranges of `text`'s whitespace-separated tokens.
pub fn tokens(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(s..at);
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// Each token's labels, as the model reads them. Empty for a text with
/// no token (or more than 400: no reference is that long).
pub fn tag(text: &str) -> Vec<(Range<usize>, Label)> {
    let spans = tokens(text);
    if spans.is_empty() || spans.len() > 400 {
        return Vec::new();
    }
    let words: Vec<&str> = spans.iter().map(|r| &text[r.clone()]).collect();
    let Ok(model) = Model::new(MODEL) else {
        return Vec::new();
    };
    let Ok(tagger) = model.tagger() else {
        return Vec::new();
    };
    let Ok(labels) = tagger.tag(&features(&words)) else {
        return Vec::new();
    };
    spans
        .into_iter()
        .zip(labels.into_iter().map(Label::from_name))
        .collect()
}

/// The text of the first run of tokens labelled `label`, without the
/// punctuation around it.
pub fn field(text: &str, tagged: &[(Range<usize>, Label)], label: Label) -> Option<String> {
    let first = tagged.iter().position(|(_, l)| *l == label)?;
    let last = tagged[first..]
        .iter()
        .take_while(|(_, l)| *l == label)
        .count()
        + first
        - 1;
    let span = &text[tagged[first].0.start..tagged[last].0.end];
    let bare = span
        .trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '(' | ')' | '?' | '!'))
        .trim_start_matches('(')
        .trim_end_matches(')');
    (!bare.is_empty()).then(|| bare.to_string())
}

/// Each token's features: the word, its shape and punctuation, its place
/// in the reference, and the same for its neighbours.
pub fn features(words: &[&str]) -> Vec<Vec<Attribute>> {
    let mut own: Vec<Own> = own_features(words);
    let n = words.len();
    (0..n)
        .map(|i| {
            let mut out: Vec<Attribute> = Vec::with_capacity(48);
            out.extend(
                std::mem::take(&mut own[i].all)
                    .into_iter()
                    .map(|f| Attribute::new(f, 1.0)),
            );
            let mut add = |s: String| out.push(Attribute::new(s, 1.0));
            for (d, name) in [(-2i32, "-2"), (-1, "-1"), (1, "+1"), (2, "+2")] {
                let j = i as i32 + d;
                if j < 0 || j >= n as i32 {
                    add(format!("{name}:edge"));
                    continue;
                }
                let o = &own[j as usize];
                add(format!("{name}w={}", o.word));
                if d.abs() == 1 {
                    add(format!("{name}sh={}", o.shape));
                    add(format!("{name}end={}", o.end));
                    add(format!("{name}w|w={}|{}", o.word, own[i].word));
                }
            }
            out
        })
        .collect()
}

struct Own {
    word: String,
    shape: String,
    end: String,
    all: Vec<String>,
}

fn own_features(words: &[&str]) -> Vec<Own> {
    let n = words.len();
    let mut quoted = false;
    let mut paren = 0i32;
    let mut segment = 0usize;
    let mut year_seen = false;
    let mut out = Vec::with_capacity(n);
    for (i, raw) in words.iter().enumerate() {
        let core: &str = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let lower: String = core.to_lowercase().chars().take(24).collect();
        let word = if core.chars().any(|c| c.is_ascii_digit()) {
            digits_as_nines(&lower)
        } else {
            lower.clone()
        };
        let shape = shape(raw);
        let last = raw.chars().last().unwrap_or(' ');
        let first = raw.chars().next().unwrap_or(' ');
        let end = if last.is_alphanumeric() {
            "w".to_string()
        } else {
            last.to_string()
        };
        let opens_quote = matches!(first, '"' | '“' | '«' | '‘' | '\'' | '„' | '`');
        if opens_quote {
            quoted = true;
        }
        paren += raw.matches(['(', '[']).count() as i32;
        let mut all = vec![
            format!("w={word}"),
            format!("sh={shape}"),
            format!("end={end}"),
            format!("beg={}", if first.is_alphanumeric() { 'w' } else { first }),
            format!("pos={}", 10 * i / n.max(1)),
            format!("seg={}", segment.min(7)),
        ];
        let chars: Vec<char> = lower.chars().collect();
        for k in 1..=3 {
            if chars.len() > k {
                all.push(format!("p{k}={}", chars[..k].iter().collect::<String>()));
                let s: String = chars[chars.len() - k..].iter().collect();
                all.push(format!("s{k}={s}"));
            }
        }
        let is_year = is_year(core);
        let mut flag = |on: bool, name: &str| {
            if on {
                all.push(name.to_string());
            }
        };
        flag(i == 0, "first");
        flag(i + 1 == n, "last");
        flag(quoted, "quoted");
        flag(paren > 0, "paren");
        flag(year_seen, "year-seen");
        flag(is_year, "year");
        flag(is_initial(core, raw), "initial");
        flag(is_range(core), "range");
        flag(
            raw.contains("http") || raw.starts_with("www.") || raw.starts_with("doi"),
            "link",
        );
        flag(
            core.chars().count() > 1 && core.chars().all(|c| !c.is_lowercase()),
            "caps",
        );
        flag(core.chars().next().is_some_and(char::is_uppercase), "cap");
        flag(core.chars().next().is_some_and(char::is_lowercase), "lower");
        let closes_quote = matches!(
            raw.trim_end_matches([',', '.', ':', ';']).chars().last(),
            Some('"' | '”' | '»' | '’' | '\'')
        );
        if closes_quote && (i > 0 || !opens_quote || raw.chars().count() > 2) {
            quoted = false;
        }
        paren -= raw.matches([')', ']']).count() as i32;
        paren = paren.max(0);
        year_seen |= is_year;
        if matches!(last, '.' | ':' | '?' | '!') && !is_initial(core, raw) || closes_quote {
            segment += 1;
        }
        out.push(Own {
            word,
            shape,
            end,
            all,
        });
    }
    out
}

/// `X`, `x`, `9` and other characters as they are, runs collapsed, at
/// most six: `Smith,` → `Xx,`; `(2010).` → `(9).`.
fn shape(raw: &str) -> String {
    let mut out = String::new();
    for c in raw.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() || c.is_alphabetic() {
            'x'
        } else if c.is_ascii_digit() {
            '9'
        } else {
            c
        };
        if !out.ends_with(k) {
            out.push(k);
        }
        if out.chars().count() >= 6 {
            break;
        }
    }
    out
}

fn digits_as_nines(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_digit() { '9' } else { c })
        .collect()
}

fn is_year(core: &str) -> bool {
    let digits = core.trim_end_matches(|c: char| c.is_ascii_lowercase());
    digits.len() == 4
        && core.len() <= 5
        && digits
            .parse::<u32>()
            .is_ok_and(|y| (1500..=2039).contains(&y))
}

/// `J.`, `J.-P.`, `JP` before a comma is not; `J.P.` is.
fn is_initial(core: &str, raw: &str) -> bool {
    let letters = core.chars().filter(|c| c.is_alphabetic()).count();
    (1..=3).contains(&letters)
        && core
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '-')
        && (raw.ends_with('.') || letters == 1)
}

fn is_range(core: &str) -> bool {
    let mut parts = core.split(['-', '–', '—']);
    let (Some(a), Some(b)) = (parts.next(), parts.next()) else {
        return false;
    };
    !a.is_empty()
        && !b.is_empty()
        && a.chars().all(|c| c.is_ascii_digit())
        && b.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_byte_ranges_of_words() {
        let t = "Smith, J.  (2010).\u{a0}Title";
        let spans = tokens(t);
        let words: Vec<&str> = spans.iter().map(|r| &t[r.clone()]).collect();
        assert_eq!(words, ["Smith,", "J.", "(2010).", "Title"]);
    }

    #[test]
    fn shapes_and_flags() {
        assert_eq!(shape("Smith,"), "Xx,");
        assert_eq!(shape("(2010)."), "(9).");
        assert!(is_year("2010a") && !is_year("20101") && !is_year("1200"));
        assert!(is_initial("J", "J.") && is_initial("J.-P", "J.-P.") && !is_initial("Jo", "Jo."));
        assert!(is_range("123-145") && !is_range("2010"));
    }

    #[test]
    fn features_are_the_same_for_the_same_words() {
        let words = ["Smith,", "J.", "(2010).", "A", "title."];
        let a = features(&words);
        let b = features(&words);
        assert_eq!(a.len(), 5);
        let names = |f: &Vec<Vec<Attribute>>| -> Vec<Vec<String>> {
            f.iter()
                .map(|v| v.iter().map(|a| a.name.clone()).collect())
                .collect()
        };
        assert_eq!(names(&a), names(&b));
        // The third token is a year in the first segment after the name.
        assert!(names(&a)[2].contains(&"year".to_string()));
        assert!(names(&a)[3].contains(&"year-seen".to_string()));
    }

    #[test]
    fn hostile_text_is_no_trouble() {
        for t in ["", " ", "\u{0}", "((((", "“", &"word ".repeat(1000)] {
            let tagged = tag(t);
            for label in Label::ALL {
                let _ = field(t, &tagged, label);
            }
        }
    }
}
