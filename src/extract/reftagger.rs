//! A trained sequence labeller for reference strings: a linear-chain
//! conditional random field (the `crfs` crate) that labels each
//! whitespace-separated token of one reference as author, title,
//! container, date and so on.
//!
//! The rules in `entries` read the forms they know well (names, quoted
//! titles, years); where they disagree with each other on where a title or
//! a container ends, the labeller decides (`entries::parse_entry`). The
//! model (`reftagger.crfsuite`) is trained by `examples/refeval.rs train`
//! on public labelled reference strings; its features are written once
//! (`features`), so training and tagging read a token the same way, and
//! its weights are scored by `crf`.

mod crf;
mod features;

pub use features::features;

use std::ops::Range;
use std::sync::LazyLock;

/// The model, trained as `examples/refeval.rs` describes.
const MODEL: &[u8] = include_bytes!("reftagger.crfsuite");

/// The model's weights, read from `MODEL` once (a few milliseconds), with
/// its labels by their number in the model.
static CRF: LazyLock<Option<(crf::Crf, Vec<Label>)>> = LazyLock::new(|| {
    let crf = crf::Crf::read(MODEL)?;
    let labels = crf
        .labels
        .iter()
        .map(|name| Label::from_name(name))
        .collect();
    Some((crf, labels))
});

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
    let Some((crf, labels)) = CRF.as_ref() else {
        return Vec::new();
    };
    let l = labels.len();
    let mut state = vec![0.0; l * words.len()];
    features::each(&words, |i, f| crf.add(f, &mut state[l * i..l * (i + 1)]));
    spans
        .into_iter()
        .zip(crf.viterbi(&state).into_iter().map(|k| labels[k]))
        .collect()
}

/// The text of the first run of tokens labelled `label`, without the
/// punctuation around it.
pub fn field(text: &str, tagged: &[(Range<usize>, Label)], label: Label) -> Option<String> {
    runs(text, tagged, label).next()
}

/// The text of every run of tokens labelled `label`, in order, each
/// without the punctuation around it.
pub fn runs<'a>(
    text: &'a str,
    tagged: &'a [(Range<usize>, Label)],
    label: Label,
) -> impl Iterator<Item = String> + 'a {
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let first = at + tagged.get(at..)?.iter().position(|(_, l)| *l == label)?;
        let last = tagged[first..]
            .iter()
            .take_while(|(_, l)| *l == label)
            .count()
            + first
            - 1;
        at = last + 1;
        let span = &text[tagged[first].0.start..tagged[last].0.end];
        let bare = span
            .trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '(' | ')' | '?' | '!'))
            .trim_start_matches('(')
            .trim_end_matches(')');
        if !bare.is_empty() {
            return Some(bare.to_string());
        }
    })
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
    fn hostile_text_is_no_trouble() {
        for t in ["", " ", "\u{0}", "((((", "“", &"word ".repeat(1000)] {
            let tagged = tag(t);
            for label in Label::ALL {
                let _ = field(t, &tagged, label);
            }
        }
    }
}
