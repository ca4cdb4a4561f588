//! The exports under `data/`, made on the render stage's `Renderer`:
//! the citation exports whole, the JSON arrays item by item (see
//! `exports` for their contents and `rows` for the items kept).

use super::out::{Out, Placed};
use super::{exports, OutputFile, Renderer};
use crate::config::Config;
use anyhow::Result;
use rayon::prelude::*;
use std::ops::Range;

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
            ("data/documents.json", true),
        ]
        .into_iter()
        .filter(|(_, wanted)| *wanted)
        .map(|(path, _)| path)
        .collect();
        // The timeline's export, the largest, is a file per decade, made
        // one after another (each one's items in parallel, and held until
        // it is written); an edit remakes only the decades it touches.
        let parts = exports::timeline_parts(site);
        let mut files = Vec::new();
        for (path, entries) in &parts {
            files.push(self.export(config, out, path, entries.clone())?);
        }
        let others: Vec<Result<Placed>> = paths
            .par_iter()
            .map(|path| self.export(config, out, path, 0..0))
            .collect();
        for made in others {
            files.push(made?);
        }
        // Small, and read from counts only: made on every build.
        files.push(out.place(OutputFile::new(
            "data/manifest.json",
            exports::manifest(config, site, &parts),
        ))?);
        Ok(files)
    }

    /// One export, found by its quick key or made, and placed.
    /// `entries` are the timeline entries of a timeline part.
    fn export(
        &self,
        config: &Config,
        out: &Out,
        path: &str,
        entries: Range<usize>,
    ) -> Result<Placed> {
        let site = self.site;
        let plan = &self.plan;
        let timeline = path.starts_with(exports::TIMELINE_DIR);
        let base = match path {
            "data/topics.json" => self.knowledge_keys.topics,
            _ if timeline => self.knowledge_keys.timeline,
            "data/documents.json" => self
                .cache
                .key(|k| k.add(exports::documents_key(config, site))),
            _ => self.knowledge_keys.citations,
        };
        let quick = self.cache.key(|k| k.add((base, path)));
        let items = timeline || path == "data/topics.json";
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
                _ if timeline => entries
                    .clone()
                    .into_par_iter()
                    .map(|e| {
                        self.cache
                            .key(|k| k.add(exports::timeline_item_key(config, plan, e)))
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let key = self.cache.key(|k| {
                if items {
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
                    let first = entries.start;
                    let rows =
                        self.rows(item_keys, |e| Ok(exports::timeline_item(site, first + e)))?;
                    Ok(self.json_array(path, rows))
                }
            })
        })?;
        if items {
            self.record_rows(path, None);
        }
        out.place(OutputFile::new(path, bytes))
    }
}
