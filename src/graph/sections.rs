//! The section tree: a section per folder (and per `_index.md`), with its
//! title, introduction, URL, listing order and pagination.

use super::{Section, SortBy};
use crate::parse::ids::slugify;
use crate::sources::SectionSource;
use std::collections::BTreeMap;

pub(super) fn section_tree(
    prepared: &[super::PreparedEntry],
    sources: Vec<SectionSource>,
) -> Vec<Section> {
    let mut paths: BTreeMap<Vec<String>, Option<SectionSource>> = BTreeMap::new();
    paths.insert(Vec::new(), None);
    for p in prepared.iter().map(|entry| &entry.0) {
        for depth in 0..=p.source.section.len() {
            paths
                .entry(p.source.section[..depth].to_vec())
                .or_insert(None);
        }
    }
    for s in sources {
        for depth in 0..s.section.len() {
            paths.entry(s.section[..depth].to_vec()).or_insert(None);
        }
        let key = s.section.clone();
        paths.insert(key, Some(s));
    }
    let mut sections: Vec<Section> = paths
        .into_iter()
        .map(|(path, src)| {
            let url = if path.is_empty() {
                "index.html".to_string()
            } else {
                format!(
                    "{}/index.html",
                    path.iter()
                        .map(|p| slug_or(p))
                        .collect::<Vec<_>>()
                        .join("/")
                )
            };
            let fallback = path.last().map_or_else(String::new, |p| humanise(p));
            let (meta, intro) = match src {
                Some(s) => (s.meta, s.body),
                None => (Default::default(), String::new()),
            };
            let sort_by = match meta.sort_by.as_deref() {
                Some("title") => SortBy::Title,
                Some("weight") => SortBy::Weight,
                _ => SortBy::Date,
            };
            Section {
                path,
                title: meta.title.unwrap_or(fallback),
                url,
                intro,
                docs: Vec::new(),
                children: Vec::new(),
                sort_by,
                paginate_by: meta.paginate_by.unwrap_or(0),
            }
        })
        .collect();
    for i in 1..sections.len() {
        let parent_path = &sections[i].path[..sections[i].path.len() - 1];
        if let Some(parent) = sections.iter().position(|s| s.path == parent_path) {
            sections[parent].children.push(i);
        }
    }
    sections
}

fn slug_or(name: &str) -> String {
    let s = slugify(name);
    if s.is_empty() {
        "section".to_string()
    } else {
        s
    }
}

/// `cold-war_notes` → `Cold war notes`.
fn humanise(name: &str) -> String {
    let s = name.replace(['-', '_'], " ");
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}
