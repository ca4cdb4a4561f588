//! An edited work cited by its editors: the mark that says so after the
//! names (`A. Lund (ed.), Title`, `Lund C, editor. Title`, `Lund, K. and
//! Berg, P. (eds.) 2004. Title`, `Lund (Hrsg.): Title`) is taken out, so
//! that the names read as the entry's people, as the other styles' forms
//! (`Lund, A. (Ed.). (1971).`, `Lund, Adam, ed.`) already do.

use super::entry_names::names_in;
use std::borrow::Cow;

/// The marks, as styles and languages write them.
const MARKS: &[&str] = &[
    " (ed.)",
    " (eds.)",
    " (Ed.)",
    " (Eds.)",
    " (edd.)",
    " (ed)",
    " (Ed)",
    " (Eds)",
    " (eds)",
    " (editor)",
    " (editors)",
    " (Editor)",
    " (Editors)",
    " (dir.)",
    " (dirs.)",
    " (Hrsg.)",
    " (Hg.)",
    " (red.)",
    ", editor",
    ", editors",
    ", eds.",
    ", ed.",
];

/// How far into an entry its names may reach.
const NAMES_REACH: usize = 300;

/// `text` without the editors' mark after its opening names; as it is
/// where no names come before such a mark.
pub(super) fn without_editor_mark(text: &str) -> Cow<'_, str> {
    // A mark beyond the names' reach leaves the text as it is.
    let window = &text[..crate::chars::floor(text, NAMES_REACH + 16)];
    let Some((k, mark)) = crate::chars::first_of(window, MARKS).map(|(k, m)| (k, MARKS[m])) else {
        return text.into();
    };
    let head = &text[..k];
    // Names only: no title, year or quotation before the mark.
    if k > NAMES_REACH
        || head.contains(|c: char| c.is_ascii_digit() || "\"“«(*".contains(c))
        // People's or an organisation's names (`World Health
        // Organization (ed.)`).
        || names_in(head).is_none_or(|people| people.is_empty())
    {
        return text.into();
    }
    let rest = &text[k + mark.len()..];
    // `Lund, A. (Ed.). (1971)`: one full stop between the names and what
    // follows, not two.
    let rest = if head.ends_with('.') {
        rest.strip_prefix('.').unwrap_or(rest)
    } else {
        rest
    };
    format!("{head}{rest}").into()
}

#[cfg(test)]
mod tests {
    use super::without_editor_mark as strip;

    #[test]
    fn the_mark_after_the_names_is_taken_out() {
        for (text, want) in [
            (
                "K. Ostrom (ed.), The Harbour Towns, Bergen 1995.",
                "K. Ostrom, The Harbour Towns, Bergen 1995.",
            ),
            (
                "Lindqvist C, editor. Tidal Flats. Leiden: Brill, 1994.",
                "Lindqvist C. Tidal Flats. Leiden: Brill, 1994.",
            ),
            (
                "A. Berg and J.-P. Roux (editors). Salt Roads. Brill, 1997.",
                "A. Berg and J.-P. Roux. Salt Roads. Brill, 1997.",
            ),
            (
                "Berg, K. and Lund, P. (eds.) 2004. Harbour Towns. Oslo: Fjord.",
                "Berg, K. and Lund, P. 2004. Harbour Towns. Oslo: Fjord.",
            ),
            (
                "Basu, Kaveri and Mira Sen (Ed) 1996: Salt Roads, Delhi.",
                "Basu, Kaveri and Mira Sen 1996: Salt Roads, Delhi.",
            ),
            (
                "Lund, A. (Ed.). (1971). Salt roads. Oxford: Clarendon.",
                "Lund, A. (1971). Salt roads. Oxford: Clarendon.",
            ),
        ] {
            assert_eq!(strip(text), want, "{text}");
        }
    }

    #[test]
    fn a_mark_after_a_title_or_a_year_stays() {
        for text in [
            "Okafor, N. (2011). Salt marsh. In R. Haddad & T. Brun (Eds.), Handbook of coasts.",
            "Lund, A. 1999. Tides, ed. 2. Oslo.",
            "“Harbour notes,” ed. K. Berg, Oslo 1990.",
            "Lund, A. 1999. Tides (ed.), Oslo.",
        ] {
            assert_eq!(strip(text), text, "{text}");
        }
    }
}
