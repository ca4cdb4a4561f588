//! The words a theme shows (headings, labels, "min read"), by language.
//!
//! A table is a flat TOML file of `key = "text"`; `{n}` and other names in
//! braces are filled in by templates with the `fill` filter
//! (`{{ tr.min_read | fill(n=doc.reading_minutes) }}`). Templates read the
//! site language's table as `tr`. Lowest layer first, each overriding the
//! one before key by key:
//!
//! 1. the built-in English table (`themes/default/i18n/en.toml`), so that a
//!    key missing from another table still reads;
//! 2. the built-in table of the site's language (Russian, Chinese, French,
//!    German);
//! 3. `<site>/themes/<theme>/i18n/en.toml`, then `<lang>.toml` there (a
//!    theme's own keys and languages);
//! 4. `[translations]` in `config.toml`.

use anyhow::{anyhow, Context, Result};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Key → text, for one language.
pub type Strings = BTreeMap<String, String>;

/// The built-in tables, by language.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("en", include_str!("../../themes/default/i18n/en.toml")),
    ("ru", include_str!("../../themes/default/i18n/ru.toml")),
    ("zh", include_str!("../../themes/default/i18n/zh.toml")),
    ("fr", include_str!("../../themes/default/i18n/fr.toml")),
    ("de", include_str!("../../themes/default/i18n/de.toml")),
];

/// The strings of `language` for a site rooted at `root` with theme
/// `theme`, with the site's own `translations` over them.
pub fn load(
    root: &Path,
    theme: &str,
    language: &str,
    translations: &toml::Table,
) -> Result<Strings> {
    let lang = crate::extract::language::primary(language);
    let mut out = Strings::new();
    for (l, text) in BUILT_IN {
        if *l == "en" || *l == lang {
            merge(
                &mut out,
                parse(text).with_context(|| format!("built-in table {l}.toml"))?,
            );
        }
    }
    let dir = root.join("themes").join(theme).join("i18n");
    let mut own = vec!["en".to_string()];
    if lang != "en" {
        own.push(lang);
    }
    for l in own {
        let path = dir.join(format!("{l}.toml"));
        if path.is_file() {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            let table: toml::Table = crate::config::parse_toml(&path, &text)?;
            merge(
                &mut out,
                strings_of(table).with_context(|| path.display().to_string())?,
            );
        }
    }
    merge(
        &mut out,
        strings_of(translations.clone()).context("in [translations] of config.toml")?,
    );
    Ok(out)
}

fn parse(text: &str) -> Result<Strings> {
    strings_of(toml::from_str(text)?)
}

fn strings_of(table: toml::Table) -> Result<Strings> {
    table
        .into_iter()
        .map(|(k, v)| match v {
            toml::Value::String(s) => Ok((k, s)),
            other => Err(anyhow!("`{k}` must be a text, not {}", other.type_str())),
        })
        .collect()
}

/// The strings `search.js` shows (keys `js_*`, without the prefix), as
/// JSON, when any differs from the built-in English; empty otherwise (the
/// script has the English ones).
pub fn for_script(strings: &Strings) -> String {
    let Ok(en) = parse(BUILT_IN[0].1) else {
        return String::new();
    };
    let mine: BTreeMap<&str, &str> = strings
        .iter()
        .filter_map(|(k, v)| Some((k.strip_prefix("js_")?, v.as_str())))
        .collect();
    if mine
        .iter()
        .all(|(k, v)| en.get(&format!("js_{k}")).is_some_and(|e| e == v))
    {
        return String::new();
    }
    serde_json::to_string(&mine).unwrap_or_default()
}

/// The text of `key`, or the key itself when no table has it.
pub fn get<'s>(strings: &'s Strings, key: &'s str) -> &'s str {
    strings.get(key).map_or(key, String::as_str)
}

fn merge(into: &mut Strings, from: Strings) {
    into.extend(from);
}

/// The `fill` filter: `{name}` in the text replaced by the argument
/// `name` (a number or a text); braces with no argument stay.
pub fn fill(value: &tera::Value, args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
    let Some(text) = value.as_str() else {
        return Err(tera::Error::msg("fill: the value must be a text"));
    };
    let mut out = text.to_string();
    for (name, arg) in args {
        let with = match arg {
            tera::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        out = out.replace(&format!("{{{name}}}"), &with);
    }
    Ok(tera::Value::String(out))
}

/// Per template: the `tr` keys its text names (`tr.min_read`), with those
/// of the templates it includes, transitively.
pub fn uses(
    templates: &BTreeMap<String, String>,
) -> BTreeMap<String, std::collections::BTreeSet<String>> {
    use std::collections::BTreeSet;
    let direct = |text: &str| -> (BTreeSet<String>, Vec<String>) {
        let keys = text
            .match_indices("tr.")
            .filter(|(i, _)| {
                !text[..*i].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '.')
            })
            .map(|(i, _)| {
                text[i + 3..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect::<String>()
            })
            .collect();
        let includes = text
            .split("include \"")
            .skip(1)
            .filter_map(|s| s.split_once('"').map(|(name, _)| name.to_string()))
            .collect();
        (keys, includes)
    };
    let parsed: BTreeMap<&String, (BTreeSet<String>, Vec<String>)> =
        templates.iter().map(|(n, t)| (n, direct(t))).collect();
    let mut out = BTreeMap::new();
    for name in templates.keys() {
        let mut keys = BTreeSet::new();
        let mut todo = vec![name.clone()];
        let mut seen = BTreeSet::new();
        while let Some(n) = todo.pop() {
            if !seen.insert(n.clone()) {
                continue;
            }
            if let Some((k, inc)) = parsed.get(&n) {
                keys.extend(k.iter().cloned());
                todo.extend(inc.iter().cloned());
            }
        }
        out.insert(name.clone(), keys);
    }
    out
}

/// Checks that every built-in table has exactly the English keys, with the
/// same names in braces.
#[cfg(test)]
fn check_built_in() -> Result<()> {
    let en = parse(BUILT_IN[0].1)?;
    for (l, text) in &BUILT_IN[1..] {
        let t = parse(text)?;
        for k in en.keys() {
            let Some(v) = t.get(k) else {
                anyhow::bail!("{l}.toml lacks `{k}`");
            };
            if holes(v) != holes(&en[k]) {
                anyhow::bail!(
                    "{l}.toml: `{k}` fills {:?}, English {:?}",
                    holes(v),
                    holes(&en[k])
                );
            }
        }
        if let Some(k) = t.keys().find(|k| !en.contains_key(*k)) {
            anyhow::bail!("{l}.toml has `{k}`, which English lacks");
        }
    }
    Ok(())
}

/// The names in braces of a text, sorted.
#[cfg(test)]
fn holes(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name))
        .collect();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_tables_are_complete() {
        check_built_in().unwrap();
    }

    #[test]
    fn uses_follow_includes() {
        let mut t = BTreeMap::new();
        t.insert(
            "row.html".to_string(),
            "{{ tr.a }} {% include \"inner.html\" %}".to_string(),
        );
        t.insert(
            "inner.html".to_string(),
            "{{ tr.b_c | fill(n=1) }} {{ xtr.no }}".to_string(),
        );
        let u = uses(&t);
        assert_eq!(u["row.html"].iter().collect::<Vec<_>>(), ["a", "b_c"]);
        assert_eq!(u["inner.html"].iter().collect::<Vec<_>>(), ["b_c"]);
    }

    #[test]
    fn fill_replaces_named_holes() {
        let mut args = HashMap::new();
        args.insert("n".to_string(), tera::Value::from(5));
        args.insert("section".to_string(), tera::Value::from("Notes"));
        let v = fill(
            &tera::Value::from("All {n} documents in {section} {x}"),
            &args,
        )
        .unwrap();
        assert_eq!(v, tera::Value::from("All 5 documents in Notes {x}"));
    }

    #[test]
    fn layers_override_key_by_key() {
        let dir = tempfile::tempdir().unwrap();
        let mut tr = toml::Table::new();
        tr.insert("min_read".into(), toml::Value::from("{n} минут"));
        let s = load(dir.path(), "default", "ru-RU", &tr).unwrap();
        assert_eq!(s["min_read"], "{n} минут");
        assert_eq!(s["contents"], "Содержание");
        let en = load(dir.path(), "default", "xx", &toml::Table::new()).unwrap();
        assert_eq!(en["contents"], "Contents");
        tr.insert("bad".into(), toml::Value::from(3));
        assert!(load(dir.path(), "default", "en", &tr).is_err());
    }
}
