//! A note written as a reference-list entry is (author–date, Vancouver,
//! family names first with the year last): when the entry parser
//! (`entries`) reads it better than the note rules, and how well.

use super::citations::{letters, Reference};

/// Whether the entry parser's reading `e` of a note holds more than the
/// note rules' `n` of `text`: the same first author and more of them, a
/// title that `n` took from a name or from before the entry's title, or a
/// year `n` missed; or the first name the other way round.
pub(super) fn entry_reads_more(text: &str, n: &Reference, e: &Reference) -> bool {
    let (Some(first), Some(other)) = (n.authors.first(), e.authors.first()) else {
        return n.authors.is_empty() && n.title.is_none();
    };
    let same_first = letters(&first.family) == letters(&other.family);
    let title_is_a_name = n.title.as_deref().is_some_and(|t| {
        let t = letters(t);
        e.authors
            .iter()
            .any(|p| letters(&p.family) == t || letters(&p.display()) == t)
    });
    // `Beals, C. S., Dence, M.R. …, Evidence for …`: the note rules' title,
    // one word that could be a name, ends before the entry's begins.
    let title_in_names = match (n.title.as_deref(), e.title.as_deref()) {
        (Some(nt), Some(et)) if one_name_word(nt) && nt != et => {
            match (text.find(nt), text.find(et)) {
                (Some(a), Some(b)) => a + nt.len() <= b,
                _ => false,
            }
        }
        _ => false,
    };
    // The year, which the note rules miss where it comes last.
    let dated = n.year.is_none() && e.year.is_some();
    // `Hafenpolitik nach 1945, in: Zeitschrift …`: the note rules' title
    // cut at a number, and no container, where the entry has both whole.
    let title_cut = match (n.title.as_deref(), e.title.as_deref()) {
        (Some(nt), Some(et)) => {
            // More words, not a page (`*Title* 3`); and no title the note
            // set apart, whose bounds are sure.
            let more = et.get(nt.len()..).unwrap_or("");
            let words = more
                .split_whitespace()
                .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
                || more.trim().bytes().all(|b| b.is_ascii_digit()) && more.trim().len() == 4;
            let set_apart = ["*", "_", "\"", "“"]
                .iter()
                .any(|q| text.contains(&format!("{q}{nt}")));
            et.len() > nt.len()
                && words
                && !set_apart
                && et.starts_with(nt)
                && n.container.is_none()
                && e.container.is_some()
                && (n.year.is_none() || n.year == e.year)
        }
        _ => false,
    };
    // `Halvorsen TK, …` read the other way round: initials for a family
    // name.
    // Not a Chinese name the note rules read family name first (`Yang
    // Kuisong`), which the entry parser reads the other way.
    let swapped = letters(&first.family) == letters(&other.given)
        && letters(&first.given) == letters(&other.family)
        && !super::name_forms::chinese_family_first(&first.family, &first.given);
    // `Lund M, Ortiz WD, Berg DE.` read as one inverted name (`Lund M`,
    // given `Ortiz WD`): the entry parser reads Vancouver's names.
    let vancouver = letters(&first.family) == letters(&format!("{}{}", other.family, other.given))
        && !other.given.is_empty()
        && other.given.chars().all(|c| c.is_ascii_uppercase());
    // `STEPHEN MCCAFFREY, THE LAW OF …`: a title in capitals is no name.
    let more_names = e.authors.len() > n.authors.len()
        && !e.authors.iter().any(|p| {
            let function = |w: &str| matches!(w, "THE" | "OF" | "AND" | "IN" | "ON" | "FOR" | "TO");
            function(&p.family) || p.given.split_whitespace().any(function)
        });
    swapped
        || vancouver
        || same_first && (more_names || title_is_a_name || title_in_names || dated || title_cut)
}

/// The journal the entry parser found where the note rules found the same
/// title and none (`E. Lund, Rings in Twistor Space, Commun. Math. Phys.
/// 252 (2004), 189-258`: the note rules read no container without quotes
/// or emphasis): its name and numbers fill what `n` lacks.
pub(super) fn journal_from_entry(n: &mut Reference, e: &Reference) {
    let same_title = match (&n.title, &e.title) {
        (Some(a), Some(b)) => letters(a) == letters(b),
        _ => false,
    };
    if !same_title || n.container.is_some() || e.kind != "article-journal" {
        return;
    }
    let Some(container) = &e.container else {
        return;
    };
    n.container = Some(container.clone());
    n.volume = n.volume.take().or_else(|| e.volume.clone());
    n.issue = n.issue.take().or_else(|| e.issue.clone());
    n.pages = n.pages.take().or_else(|| e.pages.clone());
    n.year = n.year.or(e.year);
    n.kind = e.kind;
}

/// Whether the authors of `e` read as a list of names, not a title's
/// words before a comma (`EU Accuses Russia, China of …`): each a short
/// family name with initials or a short given name.
pub(super) fn names_a_list(e: &Reference) -> bool {
    let initials = |given: &str| {
        let parts: Vec<&str> = given
            .split(|c: char| c.is_whitespace() || c == '.' || c == '-')
            .filter(|p| !p.is_empty())
            .collect();
        !parts.is_empty()
            && parts
                .iter()
                .all(|p| p.chars().count() <= 3 && p.chars().all(char::is_uppercase))
    };
    // A family name of one or two capitalised words (particles aside) and
    // a given name of two words at most, or initials.
    let a_name = |p: &super::names::Person| {
        let capitalised = p
            .family
            .split_whitespace()
            .filter(|w| w.starts_with(char::is_uppercase))
            .count();
        (1..=2).contains(&capitalised)
            && (initials(&p.given) || (1..=2).contains(&p.given.split_whitespace().count()))
    };
    // `WIPO Copyright Treaty, …`, `Explanatory Memorandum, …`: an
    // instrument's or a document's name.
    let law = |p: &super::names::Person| {
        p.family
            .split_whitespace()
            .chain(p.given.split_whitespace())
            .any(|w| super::note_laws::LAW_WORDS.contains(&w) || DOCUMENT_WORDS.contains(&w))
    };
    !e.authors.is_empty() && e.authors.iter().all(|p| a_name(p) && !law(p))
}

/// A note read as a reference-list entry, when the entry parser finds
/// names at its start, a title, and a year or a container.
pub(super) fn entry_reading(text: &str, urls: Vec<String>) -> Option<Reference> {
    let e = super::entries::parse_entry(without_remark(text), urls)?;
    let r = e.reference;
    let first = r.authors.first()?;
    let opening: String = text.chars().take(80).collect();
    let named_first = !first.family.is_empty() && opening.contains(first.family.as_str());
    // A title, or a journal and a year (an article cited without its
    // title, `A. Lund, Phys. Rev. B 73, 193306 (2006)`).
    let cited = r.title.is_some() && (r.year.is_some() || r.container.is_some())
        || r.container.is_some() && r.year.is_some();
    (named_first && cited).then_some(r)
}

/// Whether a note opens as an author–date entry does: names, then the
/// year in parentheses before a full stop (`Berg, A., and Moser, K.
/// (2012). Title`, `Berg, A. (2012, May 3).`); not a year that ends a
/// Bluebook citation of a journal's volume and page (`…, 1 Water Pol'y
/// 251, 255 (1998).`).
pub(super) fn author_date_form(text: &str) -> bool {
    let Some(open) = text.find(" (") else {
        return false;
    };
    let names = &text[..open];
    let after = &text[open + 2..];
    let Some(close) = after.find(')') else {
        return false;
    };
    let year = &after[..close];
    names.contains(',')
        && names.len() <= 300
        && !names.contains(['"', '“', '*', '{'])
        && year.len() >= 4
        && year.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && after[close + 1..].starts_with('.')
        && (after[close + 2..]
            .chars()
            .filter(|c| c.is_alphabetic())
            .nth(2)
            .is_some()
            || !names
                .match_indices(", ")
                .any(|(k, _)| super::note_cases::reporter_cite(&text[k + 2..]).is_some()))
}

/// A note without the remark after its reference (`… 282–490. Compare
/// the earlier draft.`): a last sentence of three words or more in
/// sentence case, with no figures, after the sentence that holds the
/// title.
pub(super) fn without_remark(text: &str) -> &str {
    let body = text.trim_end().trim_end_matches('.');
    let Some(cut) = body.rfind(". ") else {
        return text;
    };
    let (head, tail) = (&text[..=cut], &body[cut + 2..]);
    let words: Vec<&str> = tail.split_whitespace().collect();
    let remark = words.len() >= 3
        && words[0].starts_with(char::is_uppercase)
        && words[1..]
            .iter()
            .all(|w| w.starts_with(char::is_lowercase) || *w == "I")
        && !tail.contains(|c: char| c.is_ascii_digit() || ":*\"“”(".contains(c));
    let titled = head
        .split_once(").")
        .is_some_and(|(_, t)| t.chars().filter(|c| c.is_alphabetic()).count() >= 3);
    if remark && titled {
        head
    } else {
        text
    }
}

/// The rest of an entry that starts with a rule of dashes standing for
/// the previous entry's authors (`———.`, `–––––,`, `----.`, `— .`).
pub(super) fn repeated_authors(text: &str) -> Option<&str> {
    let t = text.trim_start();
    let dashes = t
        .chars()
        .take_while(|c| matches!(c, '—' | '–' | '-' | '_' | '―'))
        .count();
    let at: usize = t.chars().take(dashes).map(char::len_utf8).sum();
    // One long dash counts when a full stop or comma ends it (`— .`,
    // `―,`): a rule set as one character.
    let one_long =
        dashes == 1 && t.starts_with(['—', '―']) && t[at..].trim_start().starts_with(['.', ',']);
    if dashes < 2 && !one_long {
        return None;
    }
    let rest = t[at..].trim_start_matches(['.', ',', ' ']);
    (!rest.is_empty()).then_some(rest)
}

/// The reference after a rule of dashes, without its authors, as the
/// entry parser reads it behind a stand-in name, when it finds a title
/// and no other name (`———. O Primo Basílio. In …` is a title).
pub(super) fn after_rule(rest: &str, urls: Vec<String>) -> Option<Reference> {
    let read = |text: &str| {
        let mut r =
            super::entries::parse_entry(&format!("Anon, A. {text}"), urls.clone())?.reference;
        let alone = r.authors.len() == 1;
        r.authors.clear();
        (alone && r.title.is_some()).then_some(r)
    };
    read(rest).or_else(|| {
        // No names can follow the rule: its first sentence is the title
        // (`———. Man and His Symbols. New York: …`).
        let end = rest.find(". ").filter(|&k| {
            let last = rest[..k].rsplit(' ').next().unwrap_or("");
            last.chars().count() > 1 && !rest.starts_with(['"', '“', '*'])
        })?;
        read(&format!("“{}.” {}", &rest[..end], &rest[end + 2..]))
    })
}

/// One capitalised word of letters (`Dence`), as a name is.
fn one_name_word(t: &str) -> bool {
    t.starts_with(char::is_uppercase) && t.chars().all(char::is_alphabetic)
}

/// Words that name a kind of document, never a person.
const DOCUMENT_WORDS: &[&str] = &[
    "Memorandum",
    "Report",
    "Proceedings",
    "Minutes",
    "Records",
    "Hearings",
    "Gazette",
    "Bulletin",
];

#[cfg(test)]
#[path = "note_entries_tests.rs"]
mod tests;
