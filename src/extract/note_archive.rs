//! Documents cited from an archive, as historians write them (Chicago's
//! manuscript collections): what the document is, its date, then the
//! archive and where in it the document lies.
//!
//! - `Telegram, Mao Zedong to N. S. Khrushchev, 5 January 1957, AVPRF, f.
//!   0100, op. 50, d. 3, l. 12–14.`
//! - `P. F. Yudin, "Notes of a Conversation with Mao Zedong," 31 March
//!   1958, RGANI, f. 5, op. 49, d. 128, ll. 1–22.`
//! - `Memorandum of Conversation, April 7, 1956, Wilson Center Digital
//!   Archive, https://…`
//! - `Minute by the Permanent Under-Secretary, 3 May 1961, TNA, FO
//!   371/158412.`
//!
//! The archive is kept as the work's publisher; the document's kind is a
//! manuscript. A document printed in a collection (`…, in *Foreign
//! Relations of the United States, 1958–1960*, vol. 19`) is read here too:
//! its container is the collection.

use super::citations::{clean, Reference};
use super::years::{find_years, Precision};

/// Archives by the short names historians cite them by.
const ARCHIVES: &[&str] = &[
    "AVPRF", "AVP RF", "RGANI", "RGASPI", "GARF", "APRF", "RGAE", "RGVA", "TsAMO", "TsKhSD",
    "PRC FMA", "CFMA", "FMA", "TNA", "PRO", "NARA", "NA", "BArch", "PA AA", "SAPMO", "AMAE",
    "CADN", "LAC",
];

/// Words that name an archive in full: `Wilson Center Digital Archive`,
/// `Archives nationales`, `Bundesarchiv`, `Архив внешней политики`.
const ARCHIVE_WORDS: &[&str] = &[
    "Archive",
    "Archives",
    "Archiv",
    "Bundesarchiv",
    "Архив",
    "архив",
];

/// An archival document at the start of `t`, or one printed in a
/// collection of documents, or `None`.
pub(super) fn read(t: &str) -> Option<Reference> {
    in_collection(t).or_else(|| in_archive(t))
}

/// A document printed in a collection (`Special National Intelligence
/// Estimate 13-2-60, "The Sino-Soviet Relationship," August 9, 1960, in
/// *Foreign Relations of the United States, 1958–1960*, vol. 19, *China*
/// (Washington, DC: GPO, 1996), doc. 351`): its title, its own date, and
/// the collection as its container.
fn in_collection(t: &str) -> Option<Reference> {
    let window = &t[..crate::chars::floor(t, 500)];
    let at = window.find(", in *")?;
    let head = &window[..at];
    let open = head.find(['"', '“'])?;
    // After the quote mark, whichever width it has (`“` is three bytes).
    let mark = head[open..].chars().next()?.len_utf8();
    let quoted = &head[open + mark..];
    let close = quoted.find(['"', '”'])?;
    let title = quoted[..close].trim_end_matches([',', ' ']);
    let date = find_years(&quoted[close..], (1500, 2100))
        .into_iter()
        .find(|h| matches!(h.precision, Precision::Day | Precision::Month))?;
    let book = &window[at + ", in *".len()..];
    let container = &book[..book.find('*')?];
    let after = &book[container.len() + 1..];
    let volume = after
        .trim_start_matches([',', ' '])
        .strip_prefix("vol. ")
        .and_then(|v| v.split([',', ' ']).next())
        .filter(|v| !v.is_empty());
    if title.split_whitespace().count() < 2 || container.is_empty() {
        return None;
    }
    // `P. F. Yudin, "Notes …," 31 March 1958, in *…*`: its author.
    let authors = super::note_names::given_first(&head[..open])
        .map(|(a, _)| a)
        .unwrap_or_default();
    Some(Reference {
        authors,
        title: Some(clean(title)),
        container: Some(clean(container)),
        volume: volume.map(str::to_string),
        year: Some(date.year),
        date: super::fields::finer_date(&date),
        kind: "chapter",
        ..Reference::default()
    })
}

/// A document in an archive, by its signature.
fn in_archive(t: &str) -> Option<Reference> {
    let window = super::note_forms::first_citation(t, 400);
    // Dates are sought only where an archive may be named: most notes
    // name none.
    let words = || window.split([' ', ',', '.', ';']);
    let may_name = ARCHIVE_WORDS.iter().any(|a| window.contains(a))
        || words().any(|w| ARCHIVES.contains(&w))
        || ARCHIVES
            .iter()
            .any(|a| a.contains(' ') && window.contains(a));
    if !may_name {
        return None;
    }
    // The document's date: a day or a month, before the archive.
    let date = find_years(window, (1500, 2100))
        .into_iter()
        .find(|h| matches!(h.precision, Precision::Day | Precision::Month))?;
    // A comma after the date, not a full stop (`… to September 11, 2001.
    // Archives of Pediatrics …, 157`: a title's date, then a journal).
    let after = window[date.end..].strip_prefix(", ")?;
    let archive = after.split(", ").next()?.trim_end_matches('.');
    let volume_next = after[archive.len()..]
        .trim_start_matches([',', ' '])
        .starts_with(|c: char| c.is_ascii_digit());
    let signature = after[archive.len()..].trim_start_matches([',', ' ', '.']);
    let signed = ["f. ", "fond ", "ф. ", "op. ", "FO ", "RG ", "PREM ", "CAB "]
        .iter()
        .any(|s| signature.starts_with(s));
    let named = ARCHIVES.contains(&archive)
        || archive
            .split_whitespace()
            .any(|w| ARCHIVE_WORDS.iter().any(|a| w.starts_with(a)));
    if !(named || signed)
        || volume_next
        || archive.is_empty()
        || archive.split_whitespace().count() > 8
    {
        return None;
    }
    let head = window[..date.start].trim_end_matches([',', ' ']);
    // A title set in italics is published: a book's, a periodical's.
    if head.contains(['*', '_']) {
        return None;
    }
    // `P. F. Yudin, "Notes of a Conversation …,"`: an author and a title
    // in quotes; else the description is the title.
    let quote = head.find(['"', '“']);
    let (authors, title) = match quote {
        Some(q) => {
            let authors = super::note_names::given_first(&head[..q])
                .map(|(a, _)| a)
                .unwrap_or_default();
            let title = head[q..].trim_matches(|c: char| "\"“”, ".contains(c));
            (authors, title)
        }
        None => (Vec::new(), head),
    };
    let title = title.trim_end_matches(',');
    if title.split_whitespace().count() < 2 || !title.starts_with(char::is_uppercase) {
        return None;
    }
    Some(Reference {
        authors,
        title: Some(clean(title)),
        publisher: Some(clean(archive)),
        year: Some(date.year),
        date: super::fields::finer_date(&date),
        kind: "manuscript",
        ..Reference::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_in_archives() {
        let r = read("Telegram, Zhou Enlai to A. A. Gromyko, 9 March 1958, AVPRF, f. 0100, op. 51, d. 4, l. 7.").unwrap();
        assert_eq!(
            r.title.as_deref(),
            Some("Telegram, Zhou Enlai to A. A. Gromyko")
        );
        assert_eq!(
            (r.kind, r.publisher.as_deref()),
            ("manuscript", Some("AVPRF"))
        );
        assert_eq!(r.date.as_deref(), Some("1958-03-09"));
        let r = read("S. V. Chervonenko, \"Record of a Talk with Deng Xiaoping,\" 12 June 1960, RGANI, f. 5, op. 49, d. 235, ll. 3–9.").unwrap();
        assert_eq!(r.authors[0].family, "Chervonenko");
        assert_eq!(
            r.title.as_deref(),
            Some("Record of a Talk with Deng Xiaoping")
        );
        let r = read("Memorandum of Conversation, Liu Xiao and Gromyko, May 2, 1959, Wilson Center Digital Archive, https://example.org/doc/1.").unwrap();
        assert_eq!(
            r.publisher.as_deref(),
            Some("Wilson Center Digital Archive")
        );
        assert_eq!(r.year, Some(1959));
        let r = read(
            "Minute by the Head of the Far Eastern Department, 3 May 1961, TNA, FO 371/158412.",
        )
        .unwrap();
        assert_eq!(r.publisher.as_deref(), Some("TNA"));
    }

    #[test]
    fn documents_printed_in_collections() {
        let r = read("Memorandum from the Director, \"Soviet Aims in the Far East,\" May 3, 1957, in *Foreign Relations of the United States, 1955–1957*, vol. 3, *China* (Washington, DC: GPO, 1986), doc. 40.").unwrap();
        assert_eq!(r.title.as_deref(), Some("Soviet Aims in the Far East"));
        assert_eq!(
            r.container.as_deref(),
            Some("Foreign Relations of the United States, 1955–1957")
        );
        assert_eq!(
            (r.volume.as_deref(), r.date.as_deref()),
            (Some("3"), Some("1957-05-03"))
        );
        assert!(r.authors.is_empty(), "{r:?}");
        let r = read("P. F. Lund, “Notes of a Talk,” 31 March 1958, in *Documents on the Alliance*, vol. 2 (Moscow: Nauka, 1998), 44.").unwrap();
        assert_eq!(r.authors[0].family, "Lund");
    }

    #[test]
    fn books_and_articles_are_not_archival_documents() {
        for note in [
            "Lorenz Lund, *The Split* (Princeton: Harbour Press, 2008), 114.",
            "Anna Berg, \"Files,\" *Archives of Natural History* 12, no. 1 (March 1985): 3.",
            "Anna Berg, \"Letters,\" *Pacific Affairs*, March 3, 1985, Archive Books.",
            "Lund, A. (2003). Young adults after September 11, 2001. Archives of Pediatrics, 157, 572-578.",
            "Lund, A. Young adults after September 11, 2001, Archives of Pediatrics, 157, 572-578.",
        ] {
            assert!(read(note).is_none(), "{note}");
        }
    }
}
