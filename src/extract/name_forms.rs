//! Names as references misspell them, put right where the evidence is
//! clear:
//!
//! - a stray initial glued before the family name (`N Unnikrishnan,
//!   Nandan`: the given name's own initial, written twice) is dropped;
//! - a Chinese name inverted by a Western style (`Yishan, Xia`: a common
//!   Chinese family name written as the given name, a two-syllable pinyin
//!   given name written as the family name) is put back in order
//!   (`Xia, Yishan`); a name whose two parts could both be family names
//!   (`Wen, Li`) is left as written.
//!
//! And `same_person`: two spellings of one person that differ by where a
//! compound family name was cut (`Kendall-Taylor, Andrea` and `Taylor,
//! Andrea Kendall`): the same [`Person::key`], then
//! [`same_family_parts`], and initials that agree ([`initials_agree`]: the
//! key leaves them out).

use super::names::Person;

/// `p` with the clear misspellings put right.
pub fn tidy(p: &Person) -> Person {
    let mut out = p.clone();
    // `N Unnikrishnan` + `Nandan`.
    if let Some((first, rest)) = out.family.split_once(' ') {
        let mut chars = first.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if c.is_uppercase()
                && out.given.starts_with(c)
                && rest.chars().next().is_some_and(char::is_uppercase)
                && !rest.contains(' ')
            {
                out.family = rest.to_string();
            }
        }
    }
    if is_inverted_chinese(&out) {
        std::mem::swap(&mut out.family, &mut out.given);
    }
    out
}

/// Whether `first second` is a Chinese name written family name first
/// (`Chen Weiming`, `Chen Jian`): a common family name, then a pinyin
/// given name of one or two syllables that is not one.
pub(super) fn chinese_family_first(first: &str, second: &str) -> bool {
    let (family, given) = (first.to_lowercase(), second.to_lowercase());
    SURNAMES.binary_search(&family.as_str()).is_ok()
        && SURNAMES.binary_search(&given.as_str()).is_err()
        && matches!(syllables(&given), Some(1 | 2))
}

fn is_inverted_chinese(p: &Person) -> bool {
    let family = p.family.to_lowercase();
    let given = p.given.to_lowercase();
    !given.contains([' ', '.', '-'])
        && !family.contains([' ', '.', '-'])
        && SURNAMES.binary_search(&given.as_str()).is_ok()
        && SURNAMES.binary_search(&family.as_str()).is_err()
        && syllables(&family) == Some(2)
}

/// Whether `a` and `b` are one person written with the compound family
/// name cut in two places: the same name parts, and one family name is a
/// part of the other's (`Taylor` of `Kendall-Taylor`), and initials that
/// agree (the key leaves them out). The citation index groups names by
/// their key first and then asks [`same_family_parts`] and
/// [`initials_agree`] (`graph::citations::unify_spellings`), which is
/// this test in two steps.
#[cfg(test)]
pub fn same_person(a: &Person, b: &Person) -> bool {
    let key = a.key();
    !key.is_empty()
        && key == b.key()
        && same_family_parts(&family_parts(&a.family), &family_parts(&b.family))
        && initials_agree(&initials(&a.given), &initials(&b.given))
}

/// The initials of a given name, upper-cased: `JA` for `John A.` and for
/// `J.-A.`.
pub fn initials(given: &str) -> String {
    given
        .split(|c: char| c.is_whitespace() || c == '-' || c == '.')
        .filter_map(|part| part.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Whether two given names' [`initials`] may be one person's: one's begin
/// the other's (`J.`, `John`, `John A.`), or one has none.
pub fn initials_agree(ia: &str, ib: &str) -> bool {
    ia.starts_with(ib) || ib.starts_with(ia)
}

/// A family name's parts, lower-cased (`Kendall-Taylor`: `kendall`,
/// `taylor`), for [`same_family_parts`].
pub fn family_parts(family: &str) -> Vec<String> {
    family
        .split(['-', ' '])
        .filter(|s| !s.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// For two names of the same [`Person::key`] (not empty), by their
/// [`family_parts`]: whether their family names are the same, or one holds
/// every part of the other.
pub fn same_family_parts(pa: &[String], pb: &[String]) -> bool {
    pa == pb
        || (pa.len() > 1 && pb.iter().all(|w| pa.contains(w)))
        || (pb.len() > 1 && pa.iter().all(|w| pb.contains(w)))
}

/// Common Chinese family names in pinyin, sorted.
const SURNAMES: &[&str] = &[
    "bai", "cai", "cao", "chang", "chen", "cheng", "cui", "dai", "deng", "ding", "dong", "du",
    "duan", "fan", "fang", "feng", "fu", "gao", "ge", "gong", "gu", "guo", "han", "hao", "he",
    "hou", "hu", "huang", "jia", "jiang", "jin", "kong", "lei", "li", "liang", "liao", "lin",
    "liu", "long", "lu", "luo", "lv", "ma", "mao", "meng", "pan", "peng", "qian", "qin", "qiu",
    "ren", "shao", "shen", "shi", "song", "su", "sun", "tan", "tang", "tao", "tian", "wan", "wang",
    "wei", "wen", "wu", "xia", "xiao", "xie", "xiong", "xu", "xue", "yan", "yang", "yao", "ye",
    "yin", "yu", "yuan", "zeng", "zhang", "zhao", "zheng", "zhong", "zhou", "zhu", "zou",
];

const INITIALS: &[&str] = &[
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
    "z", "c", "s", "y", "w",
];

const FINALS: &[&str] = &[
    "iang", "iong", "uang", "ang", "eng", "ing", "ong", "iao", "ian", "uai", "uan", "ai", "ei",
    "ui", "ao", "ou", "iu", "ie", "ue", "er", "an", "en", "in", "un", "ia", "ua", "uo", "a", "o",
    "e", "i", "u", "v",
];

/// How many pinyin syllables `w` splits into (`yishan` → 2), or `None`.
fn syllables(w: &str) -> Option<usize> {
    if w.is_empty() {
        return Some(0);
    }
    if w.len() > 24 {
        return None;
    }
    let starts = INITIALS
        .iter()
        .filter(|i| w.starts_with(**i))
        .map(|i| i.len());
    for i in starts.chain([0]) {
        for f in FINALS {
            if w[i..].starts_with(f) {
                if let Some(n) = syllables(&w[i + f.len()..]) {
                    return Some(n + 1);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(family: &str, given: &str) -> Person {
        Person {
            family: family.into(),
            given: given.into(),
        }
    }

    #[test]
    fn surnames_are_sorted() {
        assert!(SURNAMES.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn chinese_names_written_family_name_first() {
        // Given names of two syllables and of one.
        for (a, b) in [("Yang", "Kuisong"), ("Chen", "Jian"), ("Shen", "Zhihua")] {
            assert!(chinese_family_first(a, b), "{a} {b}");
        }
        // Western order, or two family names: not read the other way.
        for (a, b) in [
            ("Jian", "Chen"),
            ("Li", "Wang"),
            ("Mary", "Chen"),
            ("Chen", "Mary"),
        ] {
            assert!(!chinese_family_first(a, b), "{a} {b}");
        }
    }

    #[test]
    fn clear_misspellings_are_put_right() {
        assert_eq!(
            tidy(&p("N Unnikrishnan", "Nandan")),
            p("Unnikrishnan", "Nandan")
        );
        assert_eq!(tidy(&p("Yishan", "Xia")), p("Xia", "Yishan"));
        assert_eq!(tidy(&p("Xiaoping", "Deng")), p("Deng", "Xiaoping"));
    }

    #[test]
    fn names_that_may_be_right_are_left_alone() {
        for (f, g) in [
            ("Wen", "Li"),         // both are family names
            ("Xia", "Yishan"),     // already in order
            ("Smith", "Li"),       // not pinyin
            ("Van Dyke", "Vera"),  // a particle, not an initial
            ("A Rahman", "Tunku"), // the initial is not the given name's
            ("Lin", "Chen"),       // one syllable: could be either
            ("Kendall-Taylor", "Andrea"),
        ] {
            assert_eq!(tidy(&p(f, g)), p(f, g), "{f}, {g}");
        }
    }

    #[test]
    fn compound_family_names_cut_differently() {
        assert!(same_person(
            &p("Kendall-Taylor", "Andrea"),
            &p("Taylor", "Andrea Kendall")
        ));
        assert!(same_person(
            &p("Taylor", "Andrea Kendall"),
            &p("Kendall Taylor", "Andrea")
        ));
        // The same parts in another order are not one person.
        assert!(!same_person(&p("Li", "Wen"), &p("Wen", "Li")));
        assert!(!same_person(&p("Smith", "John"), &p("Smith", "Jane")));
        // Initials are not in the key, but two people's differ.
        assert!(!same_person(&p("Abernathy", "V."), &p("Abernathy", "C.")));
        assert!(same_person(&p("Ng", "J."), &p("Ng", "J. A.")));
        assert!(same_person(&p("Ng", ""), &p("Ng", "J.")));
        assert_eq!(initials("J.-A."), "JA");
    }
}
