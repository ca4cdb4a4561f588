//! A court decision's name, as continental and English citations give
//! it (see `note_courts`): the parties, a name in quotes or after a dash,
//! or the party after the date of a French administrative decision.

/// `CE, 3 juillet 1996, Koné, Rec. p. 255`: the French administrative
/// courts name a decision by a party, in the field after the date: words
/// without figures or abbreviations, not a reports' name.
pub(super) fn name_after_date(window: &str, date_end: usize) -> Option<&str> {
    let after = window.get(date_end..)?.strip_prefix(", ")?;
    let field = after.split(',').next()?.trim();
    let reports = [
        "Lebon", "Rec", "Recueil", "Bull", "JCP", "AJDA", "RFDA", "Dalloz",
    ];
    let words = field.split(' ').count();
    (field.starts_with(char::is_uppercase)
        && words <= 5
        && !field.contains(|c: char| c.is_ascii_digit() || c == '.' || c == '/')
        && !reports.iter().any(|r| field.starts_with(r))
        && (words > 1 || field.chars().any(char::is_lowercase)))
    .then_some(field)
}

/// The decision's name: the parties in parentheses or between commas
/// (`Visser v Bakker`, `X c/ Y`, `Alpha/Beta`), a name in quotes, or the
/// name after a dash (`— Kartenausschnitt`).
pub(super) fn name(window: &str) -> Option<&str> {
    // The last dash: a German decision's name follows its citation
    // (`Urt. v. 3.3.2005 – I ZR 1/03, GRUR 2005, 860 – Name`).
    let dash = window.rfind(['—', '–']).or_else(|| window.rfind(" --"));
    if let Some(i) = dash {
        let after = window[i..].trim_start_matches(['—', '–', '-', ' ']);
        let n = after[..after.find([',', ';', '(']).unwrap_or(after.len())].trim_end_matches('.');
        if n.starts_with(char::is_uppercase) && n.split(' ').count() <= 6 && !n.contains('/') {
            return Some(n.trim());
        }
    }
    for (open, close) in [('“', '”'), ('"', '"'), ('«', '»'), ('„', '“')] {
        if let Some(i) = window.find(open) {
            let inner = &window[i + open.len_utf8()..];
            if let Some(j) = inner.find(close) {
                let n = inner[..j].trim_matches([' ', ',']);
                if n.starts_with(char::is_uppercase) && n.split(' ').count() <= 6 {
                    return Some(n);
                }
            }
        }
    }
    fn parties(s: &str) -> Option<&str> {
        // `*Ministre c/ Société X*`: the parties in italics.
        let s = s.trim().trim_matches(['*', '_']);
        let joined = [" v ", " v. ", " vs. ", " c/ ", " c. ", " ./. ", "/"]
            .iter()
            .any(|j| s.contains(j));
        // `JAEGER/METZGER` are authors in capitals, not parties.
        let capitals = s.chars().all(|c| !c.is_lowercase());
        (joined
            && !capitals
            && s.starts_with(char::is_uppercase)
            && !s.contains(|c: char| c.is_ascii_digit())
            && s.split(' ').count() <= 12)
            .then_some(s)
    }
    // In parentheses, the parties or a name of a few words (`(Haviltex)`),
    // but not an abbreviation (`(HL)`).
    let mut at = 0;
    while let Some(i) = window[at..].find('(').map(|i| i + at) {
        let Some(j) = window[i..].find(')').map(|j| j + i) else {
            break;
        };
        let inner = window[i + 1..j].trim();
        let short_name = inner.starts_with(char::is_uppercase)
            && !inner.contains(|c: char| c.is_ascii_digit())
            && inner.split(' ').count() <= 4
            && !inner
                .chars()
                .all(|c| c.is_uppercase() || !c.is_alphabetic());
        if let Some(p) = parties(inner).or(short_name.then_some(inner)) {
            return Some(p);
        }
        at = j;
    }
    window.split([',', ';']).find_map(parties)
}
