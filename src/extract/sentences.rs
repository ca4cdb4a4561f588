//! Sentence boundaries, for timeline entries and passage excerpts.
//!
//! A boundary needs two readings to agree:
//!
//! - the `sentencex` segmenter's, for the text's language: its
//!   abbreviation lists (`z. B.`, `т. е.`, `sig.`), ordinals before a
//!   month (`am 3. Oktober`), quotes and numbers;
//! - the rules below, which add what citing text needs: a full stop after
//!   a citation or legal abbreviation (`et al.`, `n.`, `pp.`, `Art.`, `v.`,
//!   `F. Supp.`), an initial or a dotted word (`U.S.`) does not end a
//!   sentence, nor does one inside an open parenthesis; a sentence ends at
//!   `.`, `!` or `?` (and any closing quotes or brackets) followed by white
//!   space and anything but a lower-case letter.
//!
//! Each reading alone splits where the other rightly does not (`M. Dupont`
//! for the segmenter, `3. Oktober` for the rules), so only the places both
//! call a boundary are. CJK full stops end a sentence without the space,
//! on the rules' word alone (the segmenter has no rules for Chinese).

use crate::chars;
use std::ops::Range;

/// How far back a full stop's word is looked for: longer "words" are not
/// abbreviations, and the bound keeps a paragraph of dots linear.
const WORD_WINDOW: usize = 48;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "vs", "etc", "e.g", "i.e", "no", "vol", "pp", "p", "ed",
    "eds", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "gen", "col", "lt", "sen", "rep", "gov", "pres", "inc", "ltd", "co", "corp", "jr", "sr", "art",
    "arts", "al", "n", "nn", "fig", "figs", "ch", "chap", "sec", "para", "cf", "op", "cit",
    "approx", "dept", "univ", "gaz", "repr", "trans", "cl", "reg", "vols",
    // Scholarly and legal citation.
    "ibid", "id", "loc", "ff", "ca", "c", "v", "nos", "paras", "ss", "subs", "sch", "cir", "ct",
    "supp", "app", "stat", "fed", "rev", "crim", "civ", "admin", "const", "amend", "dist", "ord",
    "cal", "mass", "wash", "penn", "yale", "harv", "colum", "ann", "hist", "pol", "sci", "soc",
    "stud", "int", "intl", "nat", "natl", "rel", "res", "sess", "doc",
    // Points and letters of a provision (`Article 2 pt. 5`, `Art. 6 lit. a`,
    // Polish `art. 5 ust. 2 pkt 3`, German `Rn.`, `Ziff.`).
    "pt", "pts", "lit", "subpara", "subsec", "ust", "pkt", "poz", "rn", "ziff", "aufl",
    // French, German, Spanish, Italian.
    "mme", "mlle", "mm", "éd", "coll", "bzw", "vgl", "nr", "abs", "hrsg", "ders", "dies", "sra",
    "dña", "pág", "págs", "sig", "sigg", "cap", "ecc",
    // Months abbreviated in French, German and Spanish citations (not
    // `ago`, an English word that ends sentences).
    "janv", "févr", "fév", "avr", "juil", "juill", "déc", "okt", "dez", "ene", "abr", "dic",
    // Russian: г. (year), гг., т. (volume), с. (page), см., ср., им., ул., д.
    "г", "гг", "т", "тт", "с", "сс", "см", "ср", "им", "ул", "д", "вып", "изд", "ред", "пер",
];

/// Abbreviations of legal citation (Bluebook, OSCOLA) that are also
/// English words, or stand at a sentence's end in lower case: they hold a
/// sentence together only when capitalised, as a citation writes them
/// (`Pub. L. No. 104-208`, `Cong. Rec.`, `Envtl. L. Rev.`, `Bankr.`).
const CAPITALISED: &[&str] = &[
    "Pub", "Cong", "Rec", "Envtl", "Mgmt", "Transp", "Bankr", "Legis", "Jud", "Mun", "Cty", "Bd",
    "Educ", "Prop", "Fin", "Tech", "Sys", "Serv", "Ins", "Indus", "Prac", "Proc", "Comp", "Util",
    "Chron", "Priv", "Contr", "Comm", "Cnty", "Super", "Tax", "Lab", "Reps", "Ref", "Mod", "Mfrs",
    "Def", "Hous", "Agric", "Commc", "Elec", "Equip", "Hosp", "Inv", "Sav", "Ret", "Sch",
];

/// Contracted words of legal citation, written with an apostrophe
/// (`Dep't`, `Ass'n`, `Comm'n`, `Gov't`, `Nat'l`), lower case.
const CONTRACTED: &[&str] = &[
    "dep't", "ass'n", "comm'n", "gov't", "nat'l", "int'l", "att'y", "sec'y", "env't", "eng'g",
    "mf'g", "cont'l", "prof'l", "emp't", "comm'r", "admin'r", "dist'g", "gen'l",
];

/// How far back an open parenthesis keeps a full stop from ending the
/// sentence (`(Lepikhin et al. 2018; see also p. 4)`): longer asides are
/// sentences of their own.
const PAREN_WINDOW: usize = 300;

/// Byte ranges of the sentences of `text`, written in language `lang` (a
/// BCP 47 tag), trimmed, in order.
pub fn sentences(text: &str, lang: &str) -> Vec<Range<usize>> {
    let agreed = segmenter_starts(text, lang);
    let mut out = Vec::new();
    let mut start = 0;
    for (pos, c) in text.char_indices() {
        if pos < start {
            continue;
        }
        if let Some((end, next)) = boundary(text, start, pos, c) {
            // The segmenter reads every `г.` as an abbreviation; after a
            // year, before a capital, the rules' word is enough.
            let year_end = c == '.' && year_abbreviation_ends(text, start, pos);
            if is_cjk_stop(c)
                || year_end
                || agreed.binary_search(&next).is_ok()
                || next == text.len()
            {
                push_trimmed(text, start..end, &mut out);
                start = next;
            }
        }
    }
    if start < text.len() {
        push_trimmed(text, start..text.len(), &mut out);
    }
    out
}

/// Where the segmenter starts a sentence in `text` (byte offsets of each
/// sentence's first character that is not white space), sorted.
fn segmenter_starts(text: &str, lang: &str) -> Vec<usize> {
    let base = text.as_ptr() as usize;
    let code = super::language::primary(lang);
    sentencex::segment(&code, text)
        .into_iter()
        .filter_map(|s| {
            let t = s.trim_start();
            let at = (t.as_ptr() as usize).checked_sub(base)?;
            (!t.is_empty() && at + t.len() <= text.len()).then_some(at)
        })
        .collect()
}

fn is_cjk_stop(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

/// If the character `c` at `pos` ends a sentence that began at `start`:
/// the sentence's end and where the next one begins.
fn boundary(text: &str, start: usize, pos: usize, c: char) -> Option<(usize, usize)> {
    if !matches!(c, '.' | '!' | '?' | '。' | '！' | '？')
        || (c == '.'
            && is_abbreviation(&text[start..pos])
            && !year_abbreviation_ends(text, start, pos))
        || (c == '.' && is_ordinal_day(&text[start..pos], &text[pos + 1..]))
        || (c == '.' && is_ordinal_after_article(&text[start..pos]))
        || in_parentheses(&text[start..pos])
    {
        return None;
    }
    let after = &text[pos + c.len_utf8()..];
    let closers = after.len()
        - after
            .trim_start_matches(['"', '\'', '”', '’', ')', ']'])
            .len();
    let end = pos + c.len_utf8() + closers;
    let rest = &text[end..];
    if rest.is_empty() {
        return Some((end, text.len()));
    }
    let trimmed = rest.trim_start();
    let ws = trimmed.len() < rest.len();
    // Anything but a lower-case letter may open a sentence: capitals,
    // digits, quotes, and scripts without case.
    let next_starts = trimmed.chars().next().is_none_or(|n| !n.is_lowercase());
    let cjk_stop = matches!(c, '。' | '！' | '？');
    ((ws || cjk_stop) && next_starts).then(|| (end, text.len() - trimmed.len()))
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

/// Is the word before a full stop an abbreviation?
fn is_abbreviation(before: &str) -> bool {
    let near = chars::before(before, before.len(), WORD_WINDOW);
    let word = &near[chars::after_last(near, |c| c.is_whitespace() || c == '(')..];
    let bare = word.trim_start_matches(['"', '“', '\'']);
    if bare.is_empty() {
        return false;
    }
    // `U.S` (before its last dot) or a lone initial `A`; a number with a
    // point (`A$4.67`, `3.5`) is no abbreviation.
    let initial = bare.chars().count() == 1 && bare.chars().all(char::is_uppercase);
    let dotted = bare.contains('.') && bare.chars().all(|c| c.is_alphabetic() || c == '.');
    let lower = bare.to_lowercase();
    initial
        || dotted
        || ABBREVIATIONS.contains(&lower.as_str())
        || CAPITALISED.contains(&bare)
        || (lower.contains(['\'', '’']) && CONTRACTED.contains(&lower.replace('’', "'").as_str()))
}

/// Words that open a Russian sentence but never stand capitalised inside
/// one: pronouns, prepositions, conjunctions, sentence adverbs.
#[rustfmt::skip]
const RU_OPENERS: &[&str] = &[
    "он", "она", "оно", "они", "его", "её", "ее", "их", "им", "ему", "ей", "это", "этот", "эта",
    "эти", "этого", "этой", "тот", "та", "те", "так", "там", "тогда", "затем", "потом", "позже",
    "позднее", "впоследствии", "однако", "но", "и", "а", "в", "во", "на", "с", "со", "к", "по",
    "о", "об", "для", "при", "после", "до", "через", "между", "из", "от", "у", "за", "под",
    "также", "кроме", "несмотря", "хотя", "когда", "если", "как", "что", "все", "всё", "мы", "я",
    "сегодня", "сейчас", "теперь", "впервые", "уже", "ещё", "еще", "поэтому", "причём", "причем",
    "вместе", "лишь", "только", "ранее", "прежде", "сначала", "наконец", "всего", "более", "около",
    "почти", "свыше", "среди", "согласно", "тем", "этим", "таким",
];

/// Whether the full stop at `pos` (in a sentence from `start`) ends `г.` or
/// `гг.` after a year, years or a decade (`2001 г.`, `2011–2012 гг.`,
/// `1990-х гг.`: `год`, `годы`) and a word that only opens a sentence
/// follows (`… 2001 г. Его подписали`). Before a name the sentence may
/// go on (`в 2001 г. Москвой и Пекином`), and `г.` before a name that
/// follows no number is `город`.
fn year_abbreviation_ends(text: &str, start: usize, pos: usize) -> bool {
    if !is_year_abbreviation(&text[start..pos]) {
        return false;
    }
    let next = text[pos + 1..].trim_start();
    let word_len = next
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(next.len());
    let (word, after) = next.split_at(word_len);
    word.chars().next().is_some_and(char::is_uppercase)
        && !after.starts_with('.')
        && RU_OPENERS.contains(&word.to_lowercase().as_str())
}

/// `г.` or `гг.` after a year, years or a decade.
fn is_year_abbreviation(before: &str) -> bool {
    let Some(rest) = before
        .strip_suffix("гг")
        .or_else(|| before.strip_suffix('г'))
    else {
        return false;
    };
    let Some(number) = rest.strip_suffix(|c: char| c.is_whitespace()) else {
        return false;
    };
    let number = number.trim_end_matches(|c: char| c.is_whitespace());
    // A decade's ending (`1990-х`, `1960-е`) after its year.
    let number = super::years::RU_DECADE_ENDINGS
        .iter()
        .find_map(|e| number.strip_suffix(e))
        .unwrap_or(number);
    let digits = number.len() - number.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    digits == 4
}

/// `am 7. Juni`, `3. října`: a day written as an ordinal before a month's
/// name, as German and other languages write dates.
fn is_ordinal_day(before: &str, after: &str) -> bool {
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let month = after
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    (1..=2).contains(&digits)
        && !before[..before.len() - digits].ends_with(|c: char| c.is_alphanumeric() || c == '.')
        && super::years::is_month_word(month)
}

/// German articles and prepositions joined to one, before which a number
/// with a point is an ordinal (`im 2. Quartal`, `des 19. Jahrhunderts`).
const ORDINAL_LEADS: &[&str] = &[
    "der", "die", "das", "dem", "den", "des", "im", "am", "zum", "zur", "vom", "beim", "ins",
    "seinem", "seiner", "ihrem", "ihrer",
];

/// `im 2. Quartal`, `das 20. Jahrhundert`: one to three digits after a
/// German article (any case), read as an ordinal, not a sentence's end.
/// After anything else (`Abs. 2. Die …`) the point may end a sentence.
fn is_ordinal_after_article(before: &str) -> bool {
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=3).contains(&digits) {
        return false;
    }
    let Some(rest) = before[..before.len() - digits].strip_suffix(' ') else {
        return false;
    };
    let word = rest.rsplit(char::is_whitespace).next().unwrap_or("");
    ORDINAL_LEADS.contains(&word.to_lowercase().as_str())
}

/// Whether a parenthesis opened in the last [`PAREN_WINDOW`] bytes of
/// `sentence` is still open.
fn in_parentheses(sentence: &str) -> bool {
    let near = chars::before(sentence, sentence.len(), PAREN_WINDOW);
    let mut depth = 0i32;
    for c in near.chars().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth == 0 => return true,
            '(' => depth -= 1,
            _ => {}
        }
    }
    false
}

/// How much text on each side of an offset [`sentence_at`] reads: more
/// than any sentence it returns whole (see [`MAX_SENTENCE`]), so that a
/// long paragraph costs the same as a short one.
const AT_WINDOW: usize = 2_000;

/// The sentence of `text` (in language `lang`) that holds byte `offset`
/// (or, for an offset between sentences, the one before it), read from
/// the text around the offset only.
pub fn sentence_at(text: &str, offset: usize, lang: &str) -> Range<usize> {
    let offset = chars::floor(text, offset.min(text.len()));
    let mut lo = chars::ceil(text, offset.saturating_sub(AT_WINDOW));
    if lo > 0 {
        // Start after a space: a cut word would read as a sentence start.
        if let Some(i) = text[lo..offset].find(char::is_whitespace) {
            lo += i;
        }
    }
    let hi = chars::floor(text, (offset + AT_WINDOW).min(text.len()));
    let all = sentences(&text[lo..hi], lang);
    let at = offset - lo;
    let k = all.partition_point(|r| r.start <= at);
    let r = match k {
        0 => all.first(),
        k => all.get(k - 1),
    };
    r.map_or(offset..offset, |r| lo + r.start..lo + r.end)
}

/// A sentence longer than this (a list run together, a table pasted as
/// one paragraph) is cut to a window around what it is quoted for.
pub const MAX_SENTENCE: usize = 600;

/// `sentence`, or when it is longer than [`MAX_SENTENCE`] bytes, the part
/// of it around `hit` cut at spaces: what a timeline entry shows, so that
/// entries never hold a whole long paragraph each.
pub fn around(text: &str, sentence: Range<usize>, hit: Range<usize>) -> Range<usize> {
    if sentence.len() <= MAX_SENTENCE {
        return sentence;
    }
    let half = (MAX_SENTENCE.saturating_sub(hit.len())) / 2;
    let lo = chars::ceil(text, hit.start.saturating_sub(half).max(sentence.start));
    let hi = chars::floor(text, (hit.end + half).min(sentence.end));
    // Start after a space and end before one, unless there is none.
    let start = match text[lo..hit.start].find(char::is_whitespace) {
        Some(i) if lo > sentence.start => chars::ceil(text, lo + i + 1),
        _ => lo,
    };
    let end = match text[hit.end..hi].rfind(char::is_whitespace) {
        Some(i) if hi < sentence.end => hit.end + i,
        _ => hi,
    };
    trim(text, start.min(hit.start)..end.max(hit.end))
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let mut out = Vec::new();
    push_trimmed(text, r.clone(), &mut out);
    out.pop().unwrap_or(r.start..r.start)
}

#[cfg(test)]
#[path = "sentences_tests.rs"]
mod tests;
