//! Topic map: themes, people, places and organisations with their aliases,
//! read from a TOML file (`content/topics.toml` by default).
//!
//! 1. Deserialise the raw tables (unknown keys rejected, spans kept).
//! 2. Validate: kinds, empty aliases, aliases claimed by two topics, unknown
//!    ids in `related`. Every problem is an error naming the file, line and
//!    column; the map is still used without the offending entries (an alias
//!    claimed twice stays with the first topic, by id), so the rest of the
//!    site builds and the command exits non-zero. A map that is not valid
//!    TOML, or has unknown keys, stops the build like a config error.
//!
//! A missing file is an empty map: a site without topics still builds.

use crate::diagnostics::{closest, line_col, Diagnostic};
use anyhow::{Context, Result};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMap {
    #[serde(default)]
    topics: BTreeMap<String, RawTopic>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    title: Option<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    /// Aliases matched with their exact case (acronyms such as `SCO`, `EU`).
    #[serde(default)]
    case_sensitive: Vec<Spanned<String>>,
    /// Aliases that are also ordinary words (`process`): a mention counts
    /// only in a paragraph that also names the topic by another alias.
    #[serde(default)]
    ambiguous: Vec<Spanned<String>>,
    /// Phrases in which no alias counts (`due process`).
    #[serde(default)]
    exclude: Vec<String>,
    kind: Option<Spanned<String>>,
    description: Option<String>,
    #[serde(default)]
    related: Vec<Spanned<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Theme,
    Person,
    Place,
    Organisation,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Theme, Kind::Person, Kind::Place, Kind::Organisation];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Theme => "theme",
            Kind::Person => "person",
            Kind::Place => "place",
            Kind::Organisation => "organisation",
        }
    }

    /// The key of the kind's plural title in the theme's strings.
    pub fn title_key(self) -> &'static str {
        match self {
            Kind::Theme => "kind_themes",
            Kind::Person => "kind_people",
            Kind::Place => "kind_places",
            Kind::Organisation => "kind_organisations",
        }
    }

    fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "theme" => Kind::Theme,
            "person" => Kind::Person,
            "place" => Kind::Place,
            "organisation" | "organization" => Kind::Organisation,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    pub text: String,
    pub case_sensitive: bool,
    /// Counts only beside an unambiguous alias of its topic (see
    /// `extract::mentions`).
    pub ambiguous: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Topic {
    pub id: String,
    pub title: String,
    pub kind: Kind,
    /// Markdown.
    pub description: String,
    pub aliases: Vec<Alias>,
    /// Phrases in which none of its aliases (or another topic's) counts.
    pub exclude: Vec<String>,
    /// Indexes into [`TopicMap::topics`].
    pub related: Vec<usize>,
}

/// The checked map; topics sorted by id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TopicMap {
    pub topics: Vec<Topic>,
}

impl TopicMap {
    pub fn is_empty(&self) -> bool {
        self.topics.is_empty()
    }
}

/// Reads and checks the topic map at `path`; a missing file is an empty map.
pub fn load(path: &Path) -> Result<(TopicMap, Vec<Diagnostic>)> {
    if !path.exists() {
        return Ok((TopicMap::default(), Vec::new()));
    }
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    parse(path, &text).map_err(anyhow::Error::new)
}

/// Where each `[topics.<id>]` table starts in the text, for messages.
fn header_spans(text: &str) -> HashMap<String, std::ops::Range<usize>> {
    let mut out = HashMap::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if let Some(inner) = t.strip_prefix("[topics.").and_then(|t| t.strip_suffix(']')) {
            let id = inner.trim().trim_matches('"').to_string();
            out.entry(id).or_insert(at..at + line.len());
        }
        at += line.len();
    }
    out
}

/// Parses and validates a topic map: the usable map and every problem found.
pub fn parse(path: &Path, text: &str) -> Result<(TopicMap, Vec<Diagnostic>), Diagnostic> {
    let raw: RawMap =
        toml::from_str(text).map_err(|e| crate::diagnostics::from_toml_error(path, text, 0, &e))?;
    let mut problems = Vec::new();
    let at = |span: std::ops::Range<usize>, msg: String| {
        let (line, col) = line_col(text, span.start);
        Diagnostic::error(path, line, col, msg)
    };
    let ids: Vec<&str> = raw.topics.keys().map(String::as_str).collect();
    let mut owner: HashMap<String, &str> = HashMap::new();
    let mut topics = Vec::with_capacity(raw.topics.len());
    // Ids that are safe already keep their names; others avoid them.
    let mut taken: std::collections::HashSet<String> = ids
        .iter()
        .filter(|id| crate::paths::safe_segment(id) == **id)
        .map(|id| id.to_string())
        .collect();
    let raw_spans = header_spans(text);
    for (id, t) in &raw.topics {
        let kind = match &t.kind {
            None => Kind::Theme,
            Some(k) => Kind::parse(k.get_ref()).unwrap_or_else(|| {
                problems.push(at(
                    k.span(),
                    format!(
                        "topic `{id}`: kind `{}` is not theme, person, place or organisation",
                        k.get_ref()
                    ),
                ));
                Kind::Theme
            }),
        };
        let mut aliases = Vec::new();
        let all = t
            .aliases
            .iter()
            .map(|a| (a, false, false))
            .chain(t.case_sensitive.iter().map(|a| (a, true, false)))
            .chain(t.ambiguous.iter().map(|a| (a, false, true)));
        for (a, case_sensitive, ambiguous) in all {
            let alias = a.get_ref().trim();
            if alias.is_empty() {
                problems.push(at(a.span(), format!("topic `{id}` has an empty alias")));
                continue;
            }
            let key = if case_sensitive {
                alias.to_string()
            } else {
                alias.to_lowercase()
            };
            match owner.get(&key) {
                Some(other) if *other != id.as_str() => problems.push(at(
                    a.span(),
                    format!("alias `{alias}` of topic `{id}` is also an alias of topic `{other}`"),
                )),
                Some(_) => {}
                None => {
                    owner.insert(key, id);
                    aliases.push(Alias {
                        text: alias.to_string(),
                        case_sensitive,
                        ambiguous,
                    });
                }
            }
        }
        if aliases.iter().all(|a| a.ambiguous)
            && t.aliases.is_empty()
            && t.case_sensitive.is_empty()
        {
            // A topic without aliases is found by its title.
            if let Some(title) = &t.title {
                aliases.push(Alias {
                    text: title.clone(),
                    case_sensitive: false,
                    ambiguous: false,
                });
            }
        }
        let mut related = Vec::new();
        for r in &t.related {
            match ids.iter().position(|x| x == r.get_ref()) {
                Some(i) => related.push(i),
                None => {
                    let hint = closest(r.get_ref(), &ids)
                        .map(|c| format!("; did you mean `{c}`?"))
                        .unwrap_or_default();
                    problems.push(at(
                        r.span(),
                        format!(
                            "topic `{id}` is related to unknown topic `{}`{hint}",
                            r.get_ref()
                        ),
                    ));
                }
            }
        }
        // The id names the topic's folder: it must stay one plain segment.
        let mut safe = crate::paths::safe_segment(id);
        if &safe != id && taken.contains(&safe) {
            safe = (2..)
                .map(|n| format!("{safe}-{n}"))
                .find(|s| !taken.contains(s))
                .unwrap_or_default();
        }
        if &safe != id {
            let span = raw_spans.get(id.as_str()).cloned().unwrap_or(0..0);
            problems.push(at(
                span,
                format!("topic id `{id}` cannot be a folder name; its page is topics/{safe}/"),
            ));
        }
        taken.insert(safe.clone());
        topics.push(Topic {
            id: safe,
            title: t.title.clone().unwrap_or_else(|| id.replace('-', " ")),
            kind,
            description: t.description.clone().unwrap_or_default(),
            aliases,
            exclude: t
                .exclude
                .iter()
                .map(|e| e.trim().to_string())
                .filter(|e| !e.is_empty())
                .collect(),
            related,
        });
    }
    problems.sort();
    Ok((TopicMap { topics }, problems))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        match parse(Path::new("topics.toml"), text) {
            Ok((_, diags)) => diags.iter().map(ToString::to_string).collect(),
            Err(d) => vec![d.to_string()],
        }
    }

    #[test]
    fn reads_topics_sorted_with_defaults() {
        let m = parse(
            Path::new("t"),
            "[topics.sco]\ncase_sensitive = [\"SCO\"]\naliases = [\"Shanghai Cooperation Organisation\"]\nkind = \"organisation\"\n\n[topics.energy]\ntitle = \"Energy\"\naliases = [\"energy\"]\nrelated = [\"sco\"]\n",
        )
        .unwrap()
        .0;
        assert_eq!(m.topics[0].id, "energy");
        assert_eq!(m.topics[0].kind, Kind::Theme);
        assert_eq!(m.topics[0].related, vec![1]);
        assert_eq!(m.topics[1].kind, Kind::Organisation);
        assert!(m.topics[1]
            .aliases
            .iter()
            .any(|a| a.text == "SCO" && a.case_sensitive));
    }

    #[test]
    fn problems_name_line_and_column() {
        let e = errors("[topics.a]\naliases = [\"x\", \"\"]\n\n[topics.b]\naliases = [\"X\"]\nrelated = [\"aa\", \"zzz\"]\nkind = \"thing\"\n");
        assert!(
            e.iter()
                .any(|m| m.starts_with("topics.toml:2:17: error: topic `a` has an empty alias")),
            "{e:#?}"
        );
        assert!(e.iter().any(|m| m.contains("topics.toml:5:12") && m.contains("also an alias of topic `a`")), "{e:#?}");
        assert!(
            e.iter()
                .any(|m| m.contains("6:12") && m.contains("unknown topic `aa`; did you mean `a`?")),
            "{e:#?}"
        );
        assert!(
            e.iter().any(|m| m.contains("unknown topic `zzz`")),
            "{e:#?}"
        );
        assert!(
            e.iter()
                .any(|m| m.contains("7:8") && m.contains("kind `thing`")),
            "{e:#?}"
        );
    }

    #[test]
    fn case_sensitive_aliases_do_not_clash_with_words() {
        let m = parse(
            Path::new("t"),
            "[topics.us]\ncase_sensitive = [\"US\"]\n[topics.we]\naliases = [\"us\"]\n",
        );
        assert!(m.unwrap().1.is_empty());
    }

    #[test]
    fn a_map_with_problems_is_still_used() {
        let (map, diags) = parse(
            Path::new("t"),
            "[topics.a]\naliases = [\"vault\"]\n[topics.b]\naliases = [\"Vault\", \"safe\"]\nrelated = [\"c\"]\n",
        )
        .unwrap();
        assert_eq!(diags.len(), 2);
        assert_eq!(map.topics.len(), 2);
        assert_eq!(
            map.topics[0].aliases[0].text, "vault",
            "the first topic keeps the alias"
        );
        let b: Vec<&str> = map.topics[1]
            .aliases
            .iter()
            .map(|a| a.text.as_str())
            .collect();
        assert_eq!(b, vec!["safe"]);
        assert!(map.topics[1].related.is_empty());
    }

    #[test]
    fn unknown_keys_are_errors() {
        let e = errors("[topics.a]\nalias = [\"x\"]\n");
        assert!(e[0].contains("did you mean `aliases`?"), "{e:?}");
    }

    #[test]
    fn missing_file_is_an_empty_map() {
        assert!(load(Path::new("/nonexistent/topics.toml"))
            .unwrap()
            .0
            .is_empty());
    }

    #[test]
    fn ids_that_would_leave_the_topics_folder_are_made_safe() {
        let (m, d) = parse(
            Path::new("topics.toml"),
            "[topics.\"../../../victim\"]\naliases = [\"v\"]\n\n[topics.victim]\naliases = [\"w\"]\n\n[topics.\"/etc\"]\naliases = [\"e\"]\n",
        )
        .unwrap();
        let ids: Vec<&str> = m.topics.iter().map(|t| t.id.as_str()).collect();
        assert!(ids.iter().all(|i| !i.contains(['/', '.'])), "{ids:?}");
        assert_eq!(ids.len(), 3);
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 3, "{ids:?}");
        assert!(ids.contains(&"victim"), "a safe id keeps its name: {ids:?}");
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0].line, 1, "{}", d[0]);
    }
}
