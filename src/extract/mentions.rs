//! Mentions: every alias of every topic in a text, found in one pass.
//!
//! Two Aho-Corasick automata (one ASCII-case-insensitive, one exact for
//! case-sensitive aliases such as `SCO`), both leftmost-longest. Each alias is
//! also searched in its other forms ([`forms`]): plurals (`+s`, `+es`);
//! letters beyond ASCII in each case (`Énergie`, `ÉNERGIE`). An alias in
//! Cyrillic is read as Russian, every word in every case (`inflect`:
//! `природный газ` finds `природного газа`). Possessives
//! (`Russia's`) need nothing extra because `'` ends a word. Candidates must
//! sit on word boundaries, except next to Chinese or Japanese characters,
//! which are written without spaces (`中俄天然气合作` holds `天然气`); where
//! two overlap, the earlier one wins, then the longer
//! (`South China Sea` over `China`). A topic's `exclude` phrases are
//! searched too and hide the aliases inside them (`due process`); an
//! `ambiguous` alias counts only in a paragraph that names its topic by
//! another alias ([`keep_supported`]).

use crate::topics::TopicMap;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rustc_hash::FxHashSet as HashSet;

use super::inflect::{is_russian, Inflected};

/// One mention: byte offsets into the searched text, and the topic index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub topic: usize,
    /// By an ambiguous alias: it counts only in a paragraph that names the
    /// topic by another alias too (see [`keep_supported`]).
    pub ambiguous: bool,
    /// One of the topic's `exclude` phrases, found so that it can be
    /// counted: never a mention.
    pub excluded: bool,
}

/// What a pattern of the automata stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pattern {
    Alias {
        topic: usize,
        ambiguous: bool,
    },
    /// An excluded phrase (`due process`) of a topic: found to hide the
    /// aliases in it.
    Excluded {
        topic: usize,
    },
}

/// The compiled matcher for a topic map; built once per build.
pub struct Matcher {
    insensitive: Option<(AhoCorasick, Vec<Pattern>)>,
    sensitive: Option<(AhoCorasick, Vec<Pattern>)>,
    russian: Option<Inflected<Pattern>>,
}

impl Matcher {
    pub fn new(map: &TopicMap) -> Matcher {
        let mut ins: Vec<(String, Pattern)> = Vec::new();
        let mut sens: Vec<(String, Pattern)> = Vec::new();
        // Patterns already listed (ASCII lower-cased when case does not
        // matter): the first alias to claim a form keeps it.
        let mut seen_ins: HashSet<String> = HashSet::default();
        let mut seen_sens: HashSet<String> = HashSet::default();
        let mut russian: Vec<(&str, Pattern)> = Vec::new();
        for (t, topic) in map.topics.iter().enumerate() {
            for phrase in &topic.exclude {
                if is_russian(phrase) {
                    russian.push((phrase, Pattern::Excluded { topic: t }));
                    continue;
                }
                for form in cases(phrase) {
                    if seen_ins.insert(form.to_ascii_lowercase()) {
                        ins.push((form, Pattern::Excluded { topic: t }));
                    }
                }
            }
        }
        for (t, topic) in map.topics.iter().enumerate() {
            let pattern = |a: &crate::topics::Alias| Pattern::Alias {
                topic: t,
                ambiguous: a.ambiguous,
            };
            for alias in &topic.aliases {
                if !alias.case_sensitive && is_russian(&alias.text) {
                    russian.push((&alias.text, pattern(alias)));
                    continue;
                }
                let list = if alias.case_sensitive {
                    &mut sens
                } else {
                    &mut ins
                };
                let seen = if alias.case_sensitive {
                    &mut seen_sens
                } else {
                    &mut seen_ins
                };
                let mut all = forms(&alias.text);
                if !alias.case_sensitive {
                    all = all.iter().flat_map(|f| cases(f)).collect();
                }
                for form in all {
                    // ASCII letters match in any case already.
                    let key = if alias.case_sensitive {
                        form.clone()
                    } else {
                        form.to_ascii_lowercase()
                    };
                    if seen.insert(key) {
                        list.push((form, pattern(alias)));
                    }
                }
            }
        }
        Matcher {
            insensitive: build(ins, true),
            sensitive: build(sens, false),
            russian: Inflected::new(russian),
        }
    }

    /// Every mention in `text`, in order, non-overlapping, and the excluded
    /// phrases (`Hit::excluded`) among them.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut hits: Vec<(usize, usize, Pattern)> = Vec::new();
        for (ac, patterns) in [&self.insensitive, &self.sensitive].into_iter().flatten() {
            for m in ac.find_iter(text) {
                if on_word_boundaries(text, m.start(), m.end()) {
                    hits.push((m.start(), m.end(), patterns[m.pattern().as_usize()]));
                }
            }
        }
        if let Some(russian) = &self.russian {
            hits.extend(russian.find(text));
        }
        hits.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
        let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
        let mut taken_to = 0;
        for (start, end, pattern) in hits {
            if start < taken_to {
                continue;
            }
            // An excluded phrase takes its place and hides what is in it.
            taken_to = end;
            out.push(match pattern {
                Pattern::Alias { topic, ambiguous } => Hit {
                    start,
                    end,
                    topic,
                    ambiguous,
                    excluded: false,
                },
                Pattern::Excluded { topic } => Hit {
                    start,
                    end,
                    topic,
                    ambiguous: false,
                    excluded: true,
                },
            });
        }
        out
    }
}

/// Which of a paragraph's hits count: all but those by an ambiguous alias
/// of a topic the paragraph names by no other alias.
pub fn keep_supported(hits: &[Hit]) -> Vec<bool> {
    hits.iter()
        .map(|h| {
            !h.excluded
                && (!h.ambiguous
                    || hits
                        .iter()
                        .any(|o| o.topic == h.topic && !o.ambiguous && !o.excluded))
        })
        .collect()
}

/// An alias and its other forms: a Chinese or Japanese one as written;
/// otherwise plurals. (Russian aliases are read by `inflect`.)
fn forms(alias: &str) -> Vec<String> {
    let mut out = vec![alias.to_string()];
    let last = alias.chars().last().unwrap_or(' ');
    if crate::chars::is_cjk(last) {
        return out;
    }
    if last.is_alphabetic() && !alias.ends_with('s') {
        out.push(format!("{alias}s"));
        out.push(format!("{alias}es"));
    }
    out
}

/// A form as written, and, when it has letters beyond ASCII (which the
/// automaton matches in their case only), lower-case, with a capital
/// first letter, and in capitals.
fn cases(form: &str) -> Vec<String> {
    let mut out = vec![form.to_string()];
    if form.is_ascii() {
        return out;
    }
    let lower = form.to_lowercase();
    let mut chars = lower.chars();
    let capital: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    for f in [lower, capital, form.to_uppercase()] {
        if !out.contains(&f) {
            out.push(f);
        }
    }
    out
}

fn build(
    patterns: Vec<(String, Pattern)>,
    insensitive: bool,
) -> Option<(AhoCorasick, Vec<Pattern>)> {
    if patterns.is_empty() {
        return None;
    }
    let ac = AhoCorasickBuilder::new()
        .ascii_case_insensitive(insensitive)
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns.iter().map(|(p, _)| p))
        .ok()?;
    Some((ac, patterns.into_iter().map(|(_, t)| t).collect()))
}

/// Whether a match sits between words: no letter or digit just before or
/// after it, unless the match or its neighbour there is a Chinese or
/// Japanese character (those are written without spaces).
fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    use crate::chars::is_cjk;
    let (first, last) = (
        text[start..end].chars().next(),
        text[..end].chars().next_back(),
    );
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let joins = |outside: Option<char>, inside: Option<char>| {
        outside.is_some_and(|o| is_word_char(o) && !is_cjk(o) && !inside.is_some_and(is_cjk))
    };
    !joins(before, first) && !joins(after, last)
}

pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::topics;
    use std::path::Path;

    fn matcher() -> (Matcher, TopicMap) {
        let map = topics::parse(
            Path::new("t"),
            r#"
[topics.china]
aliases = ["China", "Beijing"]
[topics.scs]
aliases = ["South China Sea"]
case_sensitive = ["SCS"]
[topics.sanctions]
aliases = ["sanction"]
[topics.sco]
case_sensitive = ["SCO"]
[topics.xi]
aliases = ["Xi Jinping"]
case_sensitive = ["Xi"]
[topics.energy]
aliases = ["gas", "natural gas", "Power of Siberia"]
[topics.russia]
aliases = ["Russia"]
"#,
        )
        .unwrap()
        .0;
        (Matcher::new(&map), map)
    }

    fn found(text: &str) -> Vec<(String, String)> {
        let (m, map) = matcher();
        m.find(text)
            .into_iter()
            .map(|h| {
                (
                    text[h.start..h.end].to_string(),
                    map.topics[h.topic].id.clone(),
                )
            })
            .collect()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn longest_match_first() {
        assert_eq!(
            found("in the South China Sea, China"),
            pairs(&[("South China Sea", "scs"), ("China", "china")])
        );
        assert_eq!(
            found("natural gas and gas"),
            pairs(&[("natural gas", "energy"), ("gas", "energy")])
        );
    }

    #[test]
    fn plurals_possessives_and_case() {
        assert_eq!(
            found("new sanctions on Russia's banks"),
            pairs(&[("sanctions", "sanctions"), ("Russia", "russia")])
        );
        assert_eq!(
            found("CHINA and china"),
            pairs(&[("CHINA", "china"), ("china", "china")])
        );
        assert_eq!(
            found("the SCO, not the sco; SCS"),
            pairs(&[("SCO", "sco"), ("SCS", "scs")])
        );
    }

    #[test]
    fn word_boundaries() {
        assert!(found("Chinatown, Russian, gasoline, Xiamen, Vegas").is_empty());
        assert_eq!(found("Sino-Russia ties"), pairs(&[("Russia", "russia")]));
        assert_eq!(
            found("Xi met Xi Jinping"),
            pairs(&[("Xi", "xi"), ("Xi Jinping", "xi")])
        );
    }

    #[test]
    fn ambiguous_aliases_need_support_and_excluded_phrases_hide_aliases() {
        let map = topics::parse(
            Path::new("t"),
            "[topics.law]\naliases = [\"court\"]\nambiguous = [\"process\"]\nexclude = [\"due process\"]\n",
        )
        .unwrap()
        .0;
        let m = Matcher::new(&map);
        let kept = |t: &str| -> Vec<String> {
            let hits = m.find(t);
            let keep = keep_supported(&hits);
            hits.iter()
                .zip(keep)
                .filter(|(_, k)| *k)
                .map(|(h, _)| t[h.start..h.end].to_string())
                .collect()
        };
        assert!(kept("The process of cooling a metal.").is_empty());
        assert_eq!(
            kept("The court's process was slow."),
            vec!["court", "process"]
        );
        assert!(kept("It denied due process.").is_empty());
        assert_eq!(kept("Due process, said the court."), vec!["court"]);
    }

    #[test]
    fn hostile_text() {
        assert!(found("").is_empty());
        assert!(found("Москва и Пекин, 北京").is_empty());
        let big = "China ".repeat(100_000);
        assert_eq!(matcher().0.find(&big).len(), 100_000);
        assert_eq!(found("“China”"), pairs(&[("China", "china")]));
    }

    #[test]
    fn aliases_in_other_languages() {
        let map = topics::parse(
            Path::new("t"),
            r#"
[topics.energy]
aliases = ["energy", "энергетика", "能源", "énergie"]
[topics.gas]
aliases = ["natural gas", "природный газ", "天然气", "Сила Сибири"]
"#,
        )
        .unwrap()
        .0;
        let m = Matcher::new(&map);
        let ids = |text: &str| -> Vec<(String, String)> {
            m.find(text)
                .into_iter()
                .map(|h| {
                    (
                        text[h.start..h.end].to_string(),
                        map.topics[h.topic].id.clone(),
                    )
                })
                .collect()
        };
        // Russian case endings, any capitals; another word on the same
        // stem is not a form.
        assert_eq!(
            ids("Энергетика и развитие энергетики; ЭНЕРГЕТИКОЙ. Газета."),
            pairs(&[
                ("Энергетика", "energy"),
                ("энергетики", "energy"),
                ("ЭНЕРГЕТИКОЙ", "energy")
            ])
        );
        assert_eq!(
            ids("поставки природного газа по «Силе Сибири»"),
            pairs(&[("природного газа", "gas"), ("Силе Сибири", "gas")])
        );
        // Chinese has no spaces between words.
        assert_eq!(
            ids("中俄天然气合作与能源安全"),
            pairs(&[("天然气", "gas"), ("能源", "energy")])
        );
        // Accented letters in any case; plurals as for English.
        assert_eq!(
            ids("Énergie et énergies; ÉNERGIE"),
            pairs(&[
                ("Énergie", "energy"),
                ("énergies", "energy"),
                ("ÉNERGIE", "energy")
            ])
        );
        assert!(
            ids("энергетикаx").is_empty(),
            "a Latin letter after a Cyrillic word joins it"
        );
    }
}
