//! The links a database or a publisher's page puts after a reference
//! (`[PubMed] [Google Scholar]`, `[CrossRef]`, `[INSPIRE]`) and preprint
//! numbers in brackets (`[arXiv:1502.01689]`, `[hep-ph/9607201]`), as a
//! reference copied from such a page or a paper's PDF carries them. The
//! links are no part of the reference and are dropped; a preprint number
//! is written out as `arXiv:…`, which the preprint rules read as the
//! address of its page.

use std::borrow::Cow;

/// The names of the links, lower-cased, spaces removed.
const LINKS: &[&str] = &[
    "inspire",
    "pubmed",
    "googlescholar",
    "scholar",
    "crossref",
    "pmcfreearticle",
    "pmc",
    "europepmc",
    "reflist",
    "cas",
    "medline",
    "ads",
    "webofscience",
    "webofscience®",
    "isi",
    "scopus",
    "abstract",
    "fulltext",
    "freefulltext",
    "pdf",
    "link",
    "links",
    "doi",
    "article",
    "greenversion",
    "publishedversion",
];

/// `text` with the bracketed links and numbers at its end put right (see
/// the module's documentation); the text itself when there are none.
pub(super) fn without_tags(text: &str) -> Cow<'_, str> {
    let mut end = text.len();
    let mut numbers: Vec<String> = Vec::new();
    loop {
        let head =
            text[..end].trim_end_matches(|c: char| c.is_whitespace() || c == '.' || c == ';');
        let Some(inner) = head.strip_suffix(']') else {
            break;
        };
        let Some(open) = inner.rfind('[') else {
            break;
        };
        let tag = &inner[open + 1..];
        let squeezed: String = tag
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        if let Some(number) = preprint_number(tag) {
            numbers.push(number);
        } else if !LINKS.contains(&squeezed.as_str()) {
            break;
        }
        end = open;
    }
    if end == text.len() {
        return Cow::Borrowed(text);
    }
    let kept = text[..end].trim_end();
    let mut out = kept.to_string();
    for n in numbers.iter().rev() {
        out.push_str(" arXiv:");
        out.push_str(n);
    }
    if text.trim_end().ends_with('.') && !out.ends_with('.') {
        out.push('.');
    }
    Cow::Owned(out)
}

/// A preprint number as a bracket holds it (spaces removed):
/// `arXiv:1502.01689`, `1502.01689v2`, `hep-ph/9607201`,
/// `math.AG/0309136`.
fn preprint_number(tag: &str) -> Option<String> {
    let id: String = tag.chars().filter(|c| !c.is_whitespace()).collect();
    let id = match id.get(..6) {
        Some(head) if head.eq_ignore_ascii_case("arxiv:") => id[6..].to_string(),
        _ => id,
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let new_style = id.split_once('.').is_some_and(|(yymm, n)| {
        let n = match n.split_once('v') {
            Some((n, version)) if digits(version) => n,
            _ => n,
        };
        yymm.len() == 4 && digits(yymm) && (4..=5).contains(&n.len()) && digits(n)
    });
    let old_style = id.split_once('/').is_some_and(|(archive, n)| {
        archive.starts_with(|c: char| c.is_ascii_lowercase())
            && archive
                .chars()
                .all(|c| c.is_ascii_alphabetic() || c == '-' || c == '.')
            && n.len() == 7
            && digits(n)
    });
    (new_style || old_style).then_some(id)
}

#[cfg(test)]
mod tests {
    use super::without_tags;

    #[test]
    fn database_links_after_a_reference_are_dropped() {
        let cases = [
            (
                "Okafor W, Lind P. Salt in the marsh. Coast Res. 2011;12:345–9. [PMC free article] [PubMed] [Google Scholar]",
                "Okafor W, Lind P. Salt in the marsh. Coast Res. 2011;12:345–9.",
            ),
            (
                "Berg A. Tides. J Mar Sci 4, 11 (2003). [CrossRef]",
                "Berg A. Tides. J Mar Sci 4, 11 (2003).",
            ),
            (
                "A. Roe and B. Lund, Soft cuts, JHEP 05 (2014) 146 [INSPIRE].",
                "A. Roe and B. Lund, Soft cuts, JHEP 05 (2014) 146.",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(without_tags(text), want, "{text}");
        }
    }

    #[test]
    fn bracketed_preprint_numbers_are_written_out() {
        assert_eq!(
            without_tags(
                "A. Roe, Jets, Phys .Lett .B 746 ( 2015) 1 [ arXiv:1502.01689][ INSPIRE]."
            ),
            "A. Roe, Jets, Phys .Lett .B 746 ( 2015) 1 arXiv:1502.01689."
        );
        assert_eq!(
            without_tags("Y. Roe and H. J. Berg, Phys. Rev. D 55, 2760 (1997)[ hep-ph/9607201]."),
            "Y. Roe and H. J. Berg, Phys. Rev. D 55, 2760 (1997) arXiv:hep-ph/9607201."
        );
    }

    #[test]
    fn other_brackets_stay() {
        for text in [
            "Roe, A. (2001). A title [in Russian]. Moscow: Nauka.",
            "Roe, A. The long road [Documentary film]. 2004.",
            "[12] Roe, A. A title. 2001.",
            "Roe, A. [2001]. A title.",
            "Roe, A. A title. 2001. [",
            "]",
        ] {
            assert_eq!(without_tags(text), text);
        }
    }
}
