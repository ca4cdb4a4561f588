//! The exports under `data/`, made on the render stage's `Renderer`:
//! the citation exports whole, the JSON arrays item by item (see
//! `exports` for their contents and `rows` for the items kept).

use super::out::{Out, Placed};
use super::{exports, OutputFile, Renderer};
use crate::config::Config;
use anyhow::Result;
use rayon::prelude::*;

impl Renderer<'_> {
    /// The exports, each found by its quick key or made, and placed (for a
    /// build, written) as soon as it is made: a large site's exports are
    /// not all held at once.
    pub(super) fn exports(&self, config: &Config, out: &Out) -> Result<Vec<Placed>> {
        let site = self.site;
        let paths: Vec<&str> = [
            ("data/citations.json", !site.citations.works.is_empty()),
            ("data/citations.bib", !site.citations.works.is_empty()),
            ("data/citations.ris", !site.citations.works.is_empty()),
            ("data/topics.json", !site.topic_map.is_empty()),
            ("data/timeline.json", true),
            ("data/documents.json", true),
        ]
        .into_iter()
        .filter(|(_, wanted)| *wanted)
        .map(|(path, _)| path)
        .collect();
        // The timeline's export, the largest (its items and the whole
        // array are held until it is written), is made alone, its items
        // in parallel; the others side by side.
        let alone = paths.iter().position(|p| *p == "data/timeline.json");
        let mut placed: Vec<Option<Placed>> = paths.iter().map(|_| None).collect();
        if let Some(i) = alone {
            placed[i] = Some(self.export(config, out, paths[i])?);
        }
        let others: Vec<(usize, Result<Placed>)> = paths
            .par_iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != alone)
            .map(|(i, path)| (i, self.export(config, out, path)))
            .collect();
        for (i, made) in others {
            placed[i] = Some(made?);
        }
        let mut files: Vec<Placed> = placed.into_iter().flatten().collect();
        // Small, and read from counts only: made on every build.
        files.push(out.place(OutputFile::new(
            "data/manifest.json",
            exports::manifest(config, site),
        ))?);
        Ok(files)
    }

    /// One export, found by its quick key or made, and placed.
    fn export(&self, config: &Config, out: &Out, path: &str) -> Result<Placed> {
        let site = self.site;
        let plan = &self.plan;
        let base = match path {
            "data/topics.json" => self.knowledge_keys.topics,
            "data/timeline.json" => self.knowledge_keys.timeline,
            "data/documents.json" => self
                .cache
                .key(|k| k.add(exports::documents_key(config, site))),
            _ => self.knowledge_keys.citations,
        };
        let quick = self.cache.key(|k| k.add((base, path)));
        let items = |path: &str| path == "data/topics.json" || path == "data/timeline.json";
        let bytes = self.quick_page(quick, |quick| {
            // The JSON arrays are made item by item, each item kept in
            // the row store (an added date serialises one entry); their
            // key is made of their items' keys.
            let item_keys: Vec<u64> = match path {
                "data/topics.json" => (0..site.topic_map.topics.len())
                    .map(|t| {
                        self.cache
                            .key(|k| k.add(exports::topic_item_key(config, site, plan, t)))
                    })
                    .collect(),
                "data/timeline.json" => (0..site.timeline.entries.len())
                    .into_par_iter()
                    .map(|e| {
                        self.cache
                            .key(|k| k.add(exports::timeline_item_key(config, plan, e)))
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let key = self.cache.key(|k| {
                if items(path) {
                    k.add((path, &item_keys));
                } else if path == "data/documents.json" {
                    k.add(base);
                } else {
                    k.add(exports::citations_key(path, config, site, plan));
                }
            });
            self.keyed(key, quick, path, || match path {
                "data/citations.json" => Ok(exports::csl_json(site).into_bytes()),
                "data/documents.json" => Ok(exports::documents(config, site)),
                "data/citations.bib" => Ok(super::bib::biblatex(site).into_bytes()),
                "data/citations.ris" => Ok(super::bib::ris(site).into_bytes()),
                "data/topics.json" => {
                    let rows =
                        self.rows(item_keys, |t| Ok(exports::topic_item(config, site, t)))?;
                    Ok(self.json_array(path, rows))
                }
                _ => {
                    let rows = self.rows(item_keys, |e| Ok(exports::timeline_item(site, e)))?;
                    Ok(self.json_array(path, rows))
                }
            })
        })?;
        if items(path) {
            self.record_rows(path, None);
        }
        out.place(OutputFile::new(path, bytes))
    }
}
