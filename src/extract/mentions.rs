//! Mentions: every alias of every topic in a text, found in one pass.
//!
//! Two Aho-Corasick automata (one ASCII-case-insensitive, one exact for
//! case-sensitive aliases such as `SCO`), both leftmost-longest. Each alias is
//! also searched in its plural forms (`+s`, `+es`); possessives (`Russia's`)
//! need nothing extra because `'` ends a word. Candidates must sit on word
//! boundaries; where two overlap, the earlier one wins, then the longer
//! (`South China Sea` over `China`).

use crate::topics::TopicMap;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// One mention: byte offsets into the searched text, and the topic index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub topic: usize,
}

/// The compiled matcher for a topic map; built once per build.
pub struct Matcher {
    insensitive: Option<(AhoCorasick, Vec<usize>)>,
    sensitive: Option<(AhoCorasick, Vec<usize>)>,
}

impl Matcher {
    pub fn new(map: &TopicMap) -> Matcher {
        let mut ins: Vec<(String, usize)> = Vec::new();
        let mut sens: Vec<(String, usize)> = Vec::new();
        for (t, topic) in map.topics.iter().enumerate() {
            for alias in &topic.aliases {
                let list = if alias.case_sensitive {
                    &mut sens
                } else {
                    &mut ins
                };
                for form in forms(&alias.text) {
                    let key = if alias.case_sensitive {
                        form.clone()
                    } else {
                        form.to_lowercase()
                    };
                    if !list.iter().any(|(p, _)| {
                        if alias.case_sensitive {
                            *p == key
                        } else {
                            p.to_lowercase() == key
                        }
                    }) {
                        list.push((form, t));
                    }
                }
            }
        }
        Matcher {
            insensitive: build(ins, true),
            sensitive: build(sens, false),
        }
    }

    /// Every mention in `text`, in order, non-overlapping.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        for (ac, topics) in [&self.insensitive, &self.sensitive].into_iter().flatten() {
            for m in ac.find_iter(text) {
                if on_word_boundaries(text, m.start(), m.end()) {
                    hits.push(Hit {
                        start: m.start(),
                        end: m.end(),
                        topic: topics[m.pattern().as_usize()],
                    });
                }
            }
        }
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
        for h in hits {
            if out.last().is_none_or(|last| h.start >= last.end) {
                out.push(h);
            }
        }
        out
    }
}

/// An alias and its plural forms.
fn forms(alias: &str) -> Vec<String> {
    let mut out = vec![alias.to_string()];
    let last = alias.chars().last().unwrap_or(' ');
    if last.is_alphabetic() && !alias.ends_with('s') {
        out.push(format!("{alias}s"));
        out.push(format!("{alias}es"));
    }
    out
}

fn build(patterns: Vec<(String, usize)>, insensitive: bool) -> Option<(AhoCorasick, Vec<usize>)> {
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

fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

fn is_word_char(c: char) -> bool {
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
    fn hostile_text() {
        assert!(found("").is_empty());
        assert!(found("Москва и Пекин, 北京").is_empty());
        let big = "China ".repeat(100_000);
        assert_eq!(matcher().0.find(&big).len(), 100_000);
        assert_eq!(found("“China”"), pairs(&[("China", "china")]));
    }
}
