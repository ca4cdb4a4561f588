//! The citation listings beside the index, made once per build: works by
//! year, by container and by cited author, as groups of works; a group
//! longer than a page cut into pieces.

use super::citations::Group;
use crate::graph::citations::Work;
use crate::graph::Site;

/// `groups` with each group of more than `limit` works cut into pieces
/// (anchors `g-2020-2`, …), so that no page of a listing grows with the
/// corpus.
pub fn cut_groups(groups: Vec<Group>, limit: usize) -> Vec<Group> {
    let limit = limit.max(1);
    let mut out = Vec::with_capacity(groups.len());
    for g in groups {
        if g.works.len() <= limit {
            out.push(g);
            continue;
        }
        for (i, works) in g.works.chunks(limit).enumerate() {
            out.push(Group {
                title: g.title.clone(),
                anchor: if i == 0 {
                    g.anchor.clone()
                } else {
                    format!("{}-{}", g.anchor, i + 1)
                },
                continued: i > 0,
                works: works.to_vec(),
            });
        }
    }
    out
}

/// Works by year of publication, newest first.
pub fn by_year(site: &Site) -> Vec<Group> {
    let mut groups = group(site, |w| {
        Some(
            w.reference
                .year
                .map_or_else(|| "Undated".to_string(), |y| y.to_string()),
        )
    });
    groups.sort_by(|a, b| b.title.cmp(&a.title));
    groups
}

pub fn by_container(site: &Site) -> Vec<Group> {
    let mut groups = group(site, |w| {
        w.reference
            .container
            .clone()
            .or_else(|| w.reference.publisher.clone())
    });
    groups.sort_by_key(|g| g.title.to_lowercase());
    groups
}

/// Cited authors, each with their works.
pub fn by_cited_author(site: &Site) -> Vec<Group> {
    let mut ids = crate::parse::ids::IdSet::default();
    site.citations
        .authors
        .iter()
        .map(|a| Group {
            title: a.person.sort_name(),
            anchor: ids.unique(&format!(
                "a-{}",
                crate::parse::ids::slugify(&a.person.sort_name())
            )),
            continued: false,
            works: a.works.clone(),
        })
        .collect()
}

/// Groups works (in index order) by a label; works without one are left out.
fn group(site: &Site, label: impl Fn(&Work) -> Option<String>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut ids = crate::parse::ids::IdSet::default();
    for (w, work) in site.citations.works.iter().enumerate() {
        let Some(title) = label(work) else { continue };
        match index.get(&title) {
            Some(&g) => groups[g].works.push(w),
            None => {
                index.insert(title.clone(), groups.len());
                groups.push(Group {
                    anchor: ids.unique(&format!("g-{}", crate::parse::ids::slugify(&title))),
                    continued: false,
                    title,
                    works: vec![w],
                });
            }
        }
    }
    groups
}
