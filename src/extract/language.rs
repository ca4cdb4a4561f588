//! A document's language: what its metadata says (`language`, `lang`),
//! else what its running text reads as (the `whatlang` detector, trusted
//! only when it calls its guess reliable), else the site's `language`.
//!
//! Languages are BCP 47 tags (`en`, `ru`, `zh`, `pt-BR`); detected ones use
//! the two-letter ISO 639-1 code where there is one. The rest of dossier asks
//! [`primary`] for rules by language (stemming, stop words, months,
//! interface strings) and [`is_rtl`] for layout.

use crate::parse::Document;

/// How much running text the detector reads: enough for a sure guess,
/// little enough to cost nothing on long texts.
const SAMPLE: usize = 1_000;

/// The language of `doc`: `given` (from its metadata), else detected from
/// its text, else `site`.
pub fn decide(given: Option<&str>, doc: &Document, site: &str) -> String {
    if let Some(g) = given {
        return g.to_string();
    }
    detect_against(&sample(doc), site).map_or_else(|| site.to_string(), str::to_string)
}

/// The language `text` is written in, for a site in language `site`, when
/// the detector can tell (some 20 letters at least): a guess of another
/// language in the site's own script must be one the detector calls
/// reliable (short English texts are otherwise taken for Latin or
/// Esperanto); a text in another script is surely not in the site's
/// language, and the detector's best guess beats the site's.
pub fn detect_against(text: &str, site: &str) -> Option<&'static str> {
    let info = guess(text)?;
    let lang = iso_639_1(info.lang().code());
    let same_script = script_of(site).is_some_and(|s| s == info.script());
    if lang == primary(site) || !same_script {
        return Some(lang);
    }
    info.is_reliable().then_some(lang)
}

/// The script a language is usually written in, for the languages whose
/// script says most about them.
fn script_of(tag: &str) -> Option<whatlang::Script> {
    use whatlang::Script::*;
    Some(match primary(tag).as_str() {
        "ru" | "uk" | "be" | "bg" | "sr" | "mk" | "kk" | "ky" | "mn" => Cyrillic,
        "zh" => Mandarin,
        "ja" => Hiragana,
        "ko" => Hangul,
        "ar" | "fa" | "ur" => Arabic,
        "he" | "yi" => Hebrew,
        "el" => Greek,
        "hi" | "mr" | "ne" => Devanagari,
        _ => Latin,
    })
}

/// The first paragraphs of the document, up to [`SAMPLE`] bytes.
fn sample(doc: &Document) -> String {
    let mut text = String::new();
    for p in &doc.paragraphs {
        if text.len() >= SAMPLE {
            break;
        }
        text.push_str(&p.text);
        text.push('\n');
    }
    text
}

/// The detector's guess, when there is text enough to guess from.
fn guess(text: &str) -> Option<whatlang::Info> {
    if text.chars().filter(|c| c.is_alphabetic()).count() < 20 {
        return None;
    }
    whatlang::detect(text)
}

/// ISO 639-3 → 639-1 for the languages the detector knows, sorted.
const PAIRS: &[(&str, &str)] = &[
    ("afr", "af"),
    ("aka", "ak"),
    ("amh", "am"),
    ("ara", "ar"),
    ("aze", "az"),
    ("bel", "be"),
    ("ben", "bn"),
    ("bul", "bg"),
    ("cat", "ca"),
    ("ces", "cs"),
    ("cmn", "zh"),
    ("cym", "cy"),
    ("dan", "da"),
    ("deu", "de"),
    ("ell", "el"),
    ("eng", "en"),
    ("epo", "eo"),
    ("est", "et"),
    ("fin", "fi"),
    ("fra", "fr"),
    ("guj", "gu"),
    ("heb", "he"),
    ("hin", "hi"),
    ("hrv", "hr"),
    ("hun", "hu"),
    ("hye", "hy"),
    ("ind", "id"),
    ("ita", "it"),
    ("jav", "jv"),
    ("jpn", "ja"),
    ("kan", "kn"),
    ("kat", "ka"),
    ("khm", "km"),
    ("kor", "ko"),
    ("lat", "la"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("mal", "ml"),
    ("mar", "mr"),
    ("mkd", "mk"),
    ("mya", "my"),
    ("nep", "ne"),
    ("nld", "nl"),
    ("nob", "nb"),
    ("ori", "or"),
    ("pan", "pa"),
    ("pes", "fa"),
    ("pol", "pl"),
    ("por", "pt"),
    ("ron", "ro"),
    ("rus", "ru"),
    ("sin", "si"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("sna", "sn"),
    ("spa", "es"),
    ("srp", "sr"),
    ("swe", "sv"),
    ("tam", "ta"),
    ("tel", "te"),
    ("tgl", "tl"),
    ("tha", "th"),
    ("tuk", "tk"),
    ("tur", "tr"),
    ("ukr", "uk"),
    ("urd", "ur"),
    ("uzb", "uz"),
    ("vie", "vi"),
    ("yid", "yi"),
    ("zul", "zu"),
];

/// The two-letter code of a three-letter one, where ISO 639-1 has one;
/// otherwise the three-letter code (also a valid BCP 47 tag).
fn iso_639_1(code: &'static str) -> &'static str {
    PAIRS
        .binary_search_by(|(three, _)| three.cmp(&code))
        .map_or(code, |i| PAIRS[i].1)
}

/// The language subtag of a tag, lower-case: `zh-Hans` → `zh`, `EN_us` → `en`.
pub fn primary(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// Whether a language is written right to left.
pub fn is_rtl(tag: &str) -> bool {
    matches!(
        primary(tag).as_str(),
        "ar" | "he" | "fa" | "ur" | "yi" | "ps" | "sd" | "ug" | "dv" | "ckb"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_languages_of_a_mixed_collection() {
        for (text, lang) in [
            ("Москва и Пекин подписали соглашение о поставках газа по новому трубопроводу, который пройдёт через Монголию.", "ru"),
            ("中俄两国领导人在北京举行会谈，双方就能源合作和天然气管道项目达成了新的协议。", "zh"),
            ("Les deux pays ont signé un accord sur la livraison de gaz naturel et sur la coopération énergétique pour les prochaines années.", "fr"),
            ("The two governments signed an agreement on natural gas deliveries and on energy cooperation for the coming decade.", "en"),
            ("Die beiden Regierungen unterzeichneten ein Abkommen über Erdgaslieferungen und über die Zusammenarbeit im Energiebereich.", "de"),
        ] {
            // On a site in a script none of them is written in, the
            // detector's guess stands.
            assert_eq!(detect_against(text, "ja"), Some(lang), "{text}");
        }
    }

    #[test]
    fn unsure_guesses_fall_back() {
        assert_eq!(detect_against("", "ja"), None);
        assert_eq!(detect_against("OK", "ja"), None);
        assert_eq!(
            detect_against("Le sommet de Pékin", "en"),
            None,
            "too short to be sure"
        );
    }

    #[test]
    fn another_language_in_the_sites_script_needs_a_sure_guess() {
        for short in [
            "A glacier. A glacier. Some brine. A gale.",
            "Nothing salty. Calm.",
        ] {
            assert_eq!(detect_against(short, "en"), None, "{short}");
        }
        let ru = "Москва и Пекин подписали соглашение о поставках газа. Новый трубопровод пройдёт через Монголию.";
        assert_eq!(detect_against(ru, "en"), Some("ru"));
        let fr = "Les deux pays ont signé un accord sur la livraison de gaz naturel et sur la coopération énergétique pour les prochaines années.";
        assert_eq!(detect_against(fr, "en"), Some("fr"));
        let en = "The two governments signed an agreement on natural gas deliveries and on energy cooperation for the coming decade.";
        assert_eq!(detect_against(en, "fr"), Some("en"));
    }

    #[test]
    fn codes_and_directions() {
        assert!(PAIRS.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(iso_639_1("rus"), "ru");
        assert_eq!(iso_639_1("cmn"), "zh");
        assert_eq!(iso_639_1("xyz"), "xyz");
        assert_eq!(primary("zh-Hans"), "zh");
        assert_eq!(primary("EN_us"), "en");
        assert!(is_rtl("ar") && is_rtl("he-IL") && !is_rtl("ru"));
    }
}
