//! Numbers that are values, not years: amounts, measures and counts
//! (`$2019`, `1,999`, `1600 random patches`, `1024 × 1024`), and the
//! figures of a table of results.

/// Nouns of money and measure that follow a count, never a year.
pub const UNITS: &[&str] = &[
    "years",
    "year-old",
    "people",
    "km",
    "miles",
    "troops",
    "tons",
    "tonnes",
    "soldiers",
    "kilometres",
    "kilometers",
    "dollars",
    "times",
    "metres",
    "meters",
    "feet",
    "units",
    // Money and measures: never a year's noun (`at 1115 pence`,
    // `2048 by 1080 pixels`).
    "pence",
    "euros",
    "pounds",
    "yen",
    "yuan",
    "rupees",
    "roubles",
    "rubles",
    "pixels",
    "calories",
    "degrees",
    "hectares",
    "acres",
    "barrels",
    "megawatts",
    "kg",
    "mph",
    "rpm",
    "instructions",
    // Abbreviated magnitudes (`2000 млрд кубометров`, `2000 Mrd. Euro`);
    // the English words are left out: `In 2020 millions lost work`.
    "млрд",
    "млн",
    "тыс",
    "трлн",
    "mrd",
    "mio",
];

/// A number that is an amount, part of a larger or decimal number, a
/// percentage, one side of a dimension (`1024 × 1024`, `2048 * 1080`) or
/// a copyright notice's year (`©2022`): `$2021`, `1,949`, `2021.5`,
/// `2021%`, `1949 percent`.
pub fn is_amount_or_number(before: &str, after: &str) -> bool {
    let prev = before.trim_end_matches(' ').chars().next_back();
    let currency = prev.is_some_and(|c| matches!(c, '$' | '€' | '£' | '¥'));
    let mut b = before.chars().rev();
    let grouped = matches!((b.next(), b.next()), (Some(',' | '.'), Some(d)) if d.is_ascii_digit());
    let mut a = after.chars();
    let decimal = matches!((a.next(), a.next()), (Some(',' | '.'), Some(d)) if d.is_ascii_digit());
    let percent =
        after.starts_with('%') || after.trim_start().to_lowercase().starts_with("percent");
    currency || grouped || decimal || percent || dimension(before, after) || copyright(before)
}

fn dimension(before: &str, after: &str) -> bool {
    let b = before.trim_end();
    let a = after.trim_start();
    let times = |t: &str| t.ends_with(['×', '*']) || t.ends_with("\\times") || t.ends_with(" x");
    let opens = a.starts_with(['×', '*'])
        || a.strip_prefix("\\times").is_some()
        || a.strip_prefix("x ")
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    times(b) || opens
}

/// After a copyright sign, in any of the forms converters leave (`©`,
/// `(c)`, the word, TeX's `\copyright`, in math or not: `$\copyright$`).
fn copyright(before: &str) -> bool {
    let b = before.trim_end().trim_end_matches(['$', '{', '}', ' ']);
    b.ends_with('©')
        || b.ends_with("(c)")
        || b.ends_with("(C)")
        || crate::chars::before(b, b.len(), 9).eq_ignore_ascii_case("copyright")
}

/// Words after which a number before a plural noun is a year that
/// qualifies it (`the 2004 elections`, `in 2004 profits rose`, `its 2005
/// accounts`), not a count.
const YEAR_LEADS: &[&str] = &[
    "the",
    "this",
    "that",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "your",
    "my",
    "whose",
    "in",
    "of",
    "for",
    "since",
    "by",
    "from",
    "until",
    "till",
    "after",
    "before",
    "during",
    "between",
    "through",
    "throughout",
    "around",
    "circa",
    "at",
    "on",
    "as",
    "than",
    "late",
    "early",
    "mid",
    "spring",
    "summer",
    "autumn",
    "winter",
    "fall",
    "fiscal",
];

/// Whether a word before a number that says "year" on its own leads it:
/// a preposition of time (`in`, `since`, `by`, `until`, `during`, `circa`,
/// and their equivalents), an opening bracket or a comma; `and`, `or` and
/// `to` after another year (`2003 and 2004`). `the`, `of` or `its` say
/// less (`the Wang 1200`, `a network of 1024`).
pub fn has_year_lead(before: &str) -> bool {
    let b = before.trim_end();
    if b.ends_with(['(', '[', ',', '–', '-', '/']) || b.is_empty() {
        return true;
    }
    let mut words = b.split_whitespace().rev();
    let prev = words.next().unwrap_or("").to_lowercase();
    let prev = prev.trim_start_matches(['(', '"', '“', '\'']);
    if matches!(prev, "and" | "or" | "to" | "und" | "et" | "и") {
        return words.next().is_some_and(|w| {
            w.trim_end_matches(',')
                .bytes()
                .filter(u8::is_ascii_digit)
                .count()
                == 4
        });
    }
    if prev == "of" {
        // `the Code of 1804`, `the mutiny of 1857`, `the class of 1999`:
        // a name or an event before `of`; not `a population of 1970`.
        let noun = words.next().unwrap_or("").trim_end_matches(',');
        return noun.starts_with(char::is_uppercase) && noun.chars().count() > 1
            || EVENTS_OF.contains(&noun.to_lowercase().as_str());
    }
    TIME_LEADS.contains(&prev)
}

/// Nouns that name an event or an act by its year with `of` (`the war of
/// 1812`, `the constitution of 1936`).
const EVENTS_OF: &[&str] = &[
    "war",
    "revolution",
    "mutiny",
    "uprising",
    "rising",
    "rebellion",
    "revolt",
    "treaty",
    "crisis",
    "election",
    "elections",
    "constitution",
    "act",
    "code",
    "law",
    "decree",
    "reform",
    "reforms",
    "agreement",
    "accord",
    "pact",
    "peace",
    "convention",
    "famine",
    "earthquake",
    "flood",
    "floods",
    "census",
    "class",
    "campaign",
    "spring",
    "summer",
    "autumn",
    "winter",
    "events",
    "crash",
    "strike",
    "coup",
    "purge",
    "settlement",
    "statute",
    "ordinance",
];

/// Prepositions of time and words that name a year, in the languages
/// dossier reads.
const TIME_LEADS: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "during",
    "before",
    "after",
    "between",
    "through",
    "throughout",
    "circa",
    "c.",
    "ca.",
    "year",
    "years",
    "early",
    "late",
    "mid",
    "spring",
    "summer",
    "autumn",
    "winter",
    "fall",
    "fiscal",
    "fy",
    "season",
    "im",
    "seit",
    "bis",
    "vor",
    "nach",
    "ab",
    "en",
    "depuis",
    "avant",
    "après",
    "dès",
    "desde",
    "hasta",
    "antes",
    "dal",
    "nel",
    "fino",
    "dopo",
    "в",
    "с",
    "до",
    "после",
    "к",
    "года",
    "год",
    "anno",
    "jahr",
    "année",
    "año",
];

/// A count of things: the number follows a lower-case word that does not
/// lead a year and is followed, within three lower-case words, by a plural
/// noun (`we take 1600 random patches`, `leaving 1200 images`, `and 2048
/// experts`, `up to a 1000 web links`). `2003 and 2004 figures` keeps
/// both years.
pub fn is_count(before: &str, after: &str, n: i32) -> bool {
    let mut prev_words = before.split_whitespace().rev();
    let prev = prev_words.next().unwrap_or("");
    // Counts are round (`1200`, `1600`, `2048`); years in running text
    // mostly are not, and a year before a plural noun is read as one —
    // unless a word of quantity leads it (`some 1995 delegates`, `the
    // stadium holds 2020 spectators`).
    let quantity = COUNT_LEADS.contains(&prev.to_lowercase().as_str());
    if !is_round(n) && !quantity {
        return false;
    }
    if before.ends_with(|c: char| !c.is_whitespace())
        || prev.is_empty()
        || !quantity && !prev.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
        || YEAR_LEADS.contains(&prev)
    {
        return false;
    }
    if matches!(prev, "and" | "or" | "to")
        && prev_words.next().is_some_and(|w| {
            w.trim_end_matches(',').len() == 4
                && w.trim_end_matches(',').bytes().all(|b| b.is_ascii_digit())
        })
    {
        return false;
    }
    if !after.starts_with(' ') {
        return false;
    }
    // German capitalises its nouns: `rund 2010 Fahrzeuge`.
    if matches!(prev, "rund" | "knapp") {
        let next = after.split_whitespace().next().unwrap_or("");
        return next.chars().next().is_some_and(char::is_uppercase)
            && next.chars().all(char::is_alphabetic)
            && !super::is_month_word(next);
    }
    for w in after.split_whitespace().take(3) {
        let word = w.trim_end_matches(['.', ',', ';', ':', ')']);
        if word.is_empty()
            || !word
                .chars()
                .all(|c| c.is_alphabetic() && c.is_lowercase() || c == '-')
            || FUNCTION_WORDS.contains(&word)
        {
            return false;
        }
        if is_plural(word) {
            return true;
        }
        if word.len() < w.len() {
            return false;
        }
    }
    false
}

/// Words of quantity before a number: what follows is counted, whether or
/// not the number is round. Words that also lead years (`around 2010`,
/// `over 2019 levels`, `hosts 2020 Olympics`) are not among them.
const COUNT_LEADS: &[&str] = &[
    "some",
    "about",
    "nearly",
    "almost",
    "approximately",
    "roughly",
    "exactly",
    "precisely",
    "holds",
    "seats",
    "employs",
    "houses",
    "accommodates",
    // French, Spanish and Portuguese (whose plurals end in `s`, as
    // `is_plural` reads them): `elle compte 1960 adhérents`.
    "environ",
    "quelque",
    "compte",
    "comptait",
    "emploie",
    "réunit",
    "unos",
    "unas",
    "aproximadamente",
    "casi",
    "emplea",
    "alberga",
    "quase",
    "emprega",
    // German, before a capitalised noun (see `is_count`).
    "rund",
    "knapp",
];

/// Words that end the phrase after a number: the plural noun must come
/// before them (`start 2000 with a series` is no count of series).
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "with", "of", "to", "in", "for", "on", "and", "or", "by", "at", "that",
    "which", "as", "is", "was", "were", "has", "had", "this", "its", "from",
];

/// A round number, as counts and sizes are: a multiple of 50 or a power
/// of two (`1200`, `1600`, `1024`, `2048`).
fn is_round(n: i32) -> bool {
    n % 50 == 0 || n.count_ones() == 1
}

/// A round number joined to a noun: `2048-bit`, `1000-page`, `1500-word`.
pub fn is_compound_measure(after: &str, n: i32) -> bool {
    is_round(n)
        && after
            .strip_prefix('-')
            .is_some_and(|r| r.starts_with(|c: char| c.is_lowercase()))
}

/// An English plural: `patches`, `images`, `experts`; not `status`,
/// `analysis`, `class`.
fn is_plural(word: &str) -> bool {
    word.chars().count() >= 4
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
}

/// Inside a table of figures: the hit is a cell of its own and the row has
/// two or more other cells of figures or one measured value (`T5-Base ·
/// 0.2B · 124B · 2048 · 64`, `Switch-Base · -1.718 · 1160`). A year in a table of events (`1991 · Dissolution`) or a cell
/// with words (`May 1991`) stays.
pub fn in_table_of_figures(row: &str, start: usize, end: usize) -> bool {
    let sep = crate::parse::CELL_SEP;
    let mut offset = 0;
    let mut own = false;
    let mut figures = 0;
    let mut measures = 0;
    for cell in row.split(sep) {
        let (s, e) = (offset, offset + cell.len());
        offset = e + sep.len();
        let t = cell.trim();
        if s <= start && end <= e {
            own = t.len() == end - start;
        } else if is_figure(t) {
            figures += 1;
            measures += usize::from(is_measure(t));
        }
    }
    own && (figures >= 2 || measures >= 1)
}

/// `0.2B`, `-1.561`, `64`, `12.5%`, `425B`: a value in a table.
fn is_figure(cell: &str) -> bool {
    let digits = cell.chars().filter(char::is_ascii_digit).count();
    let letters = cell.chars().filter(|c| c.is_alphabetic()).count();
    digits > 0 && letters <= 2
}

/// A measured value rather than a small count: a decimal, a sign, a
/// percentage or a unit letter (`-1.718`, `12.5%`, `425B`, `±0.3`).
fn is_measure(cell: &str) -> bool {
    is_figure(cell)
        && (cell.contains(['.', '%', '±', '−'])
            || cell.starts_with('-')
            || cell.ends_with(|c: char| c.is_alphabetic()))
}

#[cfg(test)]
#[path = "values_tests.rs"]
mod tests;
