//! What goes into the search index: each document's entries (the
//! document, its paragraphs, its timeline entries), the topics' and the
//! cited works', each with its weighted tokens, in groups reused between
//! rebuilds.

use super::analyze::Analyzer;
use super::SearchCache;
use super::{Entry, Group, Urls, PAD, PASSAGE_TEXT, SNIPPET};
use crate::graph::Site;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// Token counts of an entry, weighed by [`each_weighed`].
fn weigh(
    words: &Analyzer,
    kind: &str,
    title: &str,
    text: &str,
    title_weight: u32,
) -> Vec<(String, u32)> {
    // A token is allocated once per entry, not once per occurrence.
    let mut counts: FxHashMap<String, u32> = FxHashMap::default();
    each_weighed(
        words,
        kind,
        title,
        text,
        title_weight,
        |t, w| match counts.get_mut(t) {
            Some(c) => *c += w,
            None => {
                counts.insert(t.to_string(), w);
            }
        },
    );
    // In token order: the postings built from it must not depend on the
    // hash's order.
    let mut terms: Vec<(String, u32)> = counts.into_iter().collect();
    terms.sort_unstable();
    terms
}

/// Calls `f(token, weight)` for each token of an entry: a title token
/// weighs `title_weight`, a text token 1, each times the kind's boost.
///
/// The kind of entry weighs in (topics first, then documents, cited
/// works, passages and timeline entries) here at build time, so that the
/// browser ranks on postings alone and loads only the entries it shows.
fn each_weighed(
    words: &Analyzer,
    kind: &str,
    title: &str,
    text: &str,
    title_weight: u32,
    mut f: impl FnMut(&str, u32),
) {
    let boost = match kind {
        "t" => 3,
        "d" => 2,
        _ => 1,
    };
    words.each_token(title, |t| f(t, title_weight * boost));
    words.each_token(text, |t| f(t, boost));
}

/// Collects the entries and their weighted tokens, in groups, each with
/// its key: documents in parallel, each reused from the last build when
/// nothing it is made from changed (its source, title, URL, summary,
/// authors and timeline entries); then the topics and the cited works, one
/// group each, reused while their keys are unchanged.
pub fn entries(site: &Site, urls: &Urls, cache: &SearchCache) -> Vec<(u64, Arc<Group>)> {
    let mut out: Vec<(u64, Arc<Group>)> = site
        .docs
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, _)| doc_group(site, urls, cache, i))
        .collect();
    out.extend(site_groups(site, urls, cache));
    out
}

/// The groups after the documents': the topics', then the cited works'.
pub(super) fn site_groups(site: &Site, urls: &Urls, cache: &SearchCache) -> [(u64, Arc<Group>); 2] {
    // Topics are few: what is tokenised (title, text, title weight) is
    // gathered and hashed.
    let mut topics: Vec<(Entry, String, String, u32)> = Vec::new();
    for (i, t) in site.topic_map.topics.iter().enumerate() {
        let aliases: Vec<&str> = t.aliases.iter().map(|a| a.text.as_str()).collect();
        let text = if t.description.is_empty() {
            aliases.join(", ")
        } else {
            crate::parse::markdown_text(&t.description)
        };
        // Its names are shown too: a topic found by one of them shows why.
        let shown = if t.description.is_empty() || aliases.is_empty() {
            text.clone()
        } else {
            format!("{text} Also: {}.", aliases.join(", "))
        };
        let indexed = format!("{text} {}", aliases.join(" "));
        let e = entry("t", t.title.clone(), (urls.topic)(i), &shown, PASSAGE_TEXT);
        topics.push((e, t.title.clone(), indexed, 8));
    }
    let key = cache.key(|k| {
        for (e, title, text, weight) in &topics {
            k.add((e.kind, &e.title, &e.url, &e.text, title, text, weight));
        }
    });
    let topics = (
        key,
        cache
            .groups
            .get_or_make(key, || weighed(urls.language, topics)),
    );
    let key = cache.key(|k| k.add(("works", urls.works_key)));
    let works = cache.groups.get_or_make(key, || {
        weighed(
            urls.language,
            (0..site.citations.works.len())
                .into_par_iter()
                .map(|i| {
                    let r = &site.citations.works[i].reference;
                    let mut text: Vec<String> = r.authors.iter().map(|p| p.display()).collect();
                    text.extend(r.container.clone());
                    text.extend(r.year.map(|y| y.to_string()));
                    let title = (urls.work_label)(i);
                    let text = text.join(", ");
                    let e = entry("w", title.clone(), (urls.work)(i), &text, SNIPPET);
                    (e, title, text, 2)
                })
                .collect(),
        )
    });
    [topics, (key, works)]
}

/// Document `i`'s two groups with their keys, each reused when nothing it
/// is made from changed: its text's (its entry and paragraphs: its source,
/// title, URL, summary and authors) and its timeline entries' (what they
/// show, and the span of the text's group, which their parent is counted
/// back over). Two groups, so that neither moves the other's entries: a
/// paragraph added (the text's group outgrowing its padding) moves no
/// timeline entry, and a dated sentence added moves no paragraph.
pub(super) fn doc_group(
    site: &Site,
    urls: &Urls,
    cache: &SearchCache,
    i: usize,
) -> [(u64, Arc<Group>); 2] {
    let d = &site.docs[i];
    let key = cache.key(|k| {
        k.add((
            site.keys[i].source,
            &d.title,
            &d.url,
            &d.summary,
            &d.authors,
        ));
    });
    let text = cache
        .groups
        .get_or_make(key, || text_entries(d, cache.active()));
    let span = text.slots();
    let dated_key = cache.key(|k| {
        k.add(("dated", span, &d.language));
        for &e in &site.timeline.by_doc[i] {
            k.add(urls.entry_keys[e]);
        }
    });
    let dated = cache.groups.get_or_make(dated_key, || {
        dated_entries(site, i, d, span, cache.active())
    });
    [(key, text), (dated_key, dated)]
}

/// A document's entry and one per paragraph, in order, in a multiple of
/// `PAD` slots (the last ones empty). A paragraph's `parent` is the offset
/// of its document's entry in the group (0), made absolute when the chunks
/// are written: so a document's entries do not depend on where it falls in
/// the index.
fn text_entries(d: &crate::graph::Doc, kept: bool) -> Group {
    let mut about = d.summary.clone();
    if !d.authors.is_empty() {
        about = format!("{} — {about}", d.authors.join(", "));
    }
    let words = Analyzer::new(&d.language);
    let span = (1 + d.body.paragraphs.len()).div_ceil(PAD) * PAD;
    let mut group = Gathered::new(&words, span);
    let mut own = entry("d", d.title.clone(), d.url.clone(), &about, PASSAGE_TEXT);
    own.lang = d.foreign.then(|| d.language.clone());
    group.add(0, own, &d.title, &about, 5);
    for (n, p) in d.body.paragraphs.iter().enumerate() {
        // The whole paragraph is indexed and kept (up to a bound), for the
        // snippet around the match.
        let mut e = entry(
            "p",
            String::new(),
            format!("#{}", p.id),
            &p.text,
            PASSAGE_TEXT,
        );
        e.parent = Some(0);
        group.add(1 + n, e, "", &p.text, 0);
    }
    group.finish(kept)
}

/// A document's timeline entries, in the text's order, in a multiple of
/// `PAD` slots (none when it has none). Their group comes right after the
/// text's (`span` slots, see `search::layout`): their parent, the
/// document's entry, is `span` slots before the group's first. The URL is
/// the anchor (see `Urls::years`); the title is the label, to which
/// `search.js` adds the document's title.
fn dated_entries(site: &Site, i: usize, d: &crate::graph::Doc, span: usize, kept: bool) -> Group {
    let words = Analyzer::new(&d.language);
    let mut dated: Vec<&crate::graph::timeline::Entry> = site.timeline.by_doc[i]
        .iter()
        .map(|&e| &site.timeline.entries[e])
        .collect();
    dated.sort_by_key(|e| e.dated);
    let mut group = Gathered::new(&words, dated.len().div_ceil(PAD) * PAD);
    for (n, e) in dated.iter().enumerate() {
        let (label, sentence) = (e.label(&site.docs), e.sentence(&site.docs));
        let mut en = entry(
            "y",
            label.to_string(),
            format!("#{}", e.anchor),
            sentence,
            PASSAGE_TEXT,
        );
        en.parent = Some(-(span as i64));
        group.add(n, en, label, sentence, 1);
    }
    group.finish(kept)
}

/// A group of entries, each tokenised from a title and text with a title
/// weight. Never packed: the site-wide groups are few, and the works'
/// is opened for its postings and for each chunk file it is written into.
fn weighed(language: &str, items: Vec<(Entry, String, String, u32)>) -> Group {
    Group::new(
        items
            .into_par_iter()
            .map_init(
                || Analyzer::new(language),
                |words, (e, title, text, weight)| {
                    let terms = weigh(words, e.kind, &title, &text, weight);
                    (e, terms)
                },
            )
            .collect(),
        false,
    )
}

/// A group made entry by entry: each token's postings gathered in one map
/// as the entries come (in id order), weighed by [`each_weighed`].
/// One map per document instead of one per paragraph, and a token's text
/// allocated once per document.
struct Gathered<'a> {
    words: &'a Analyzer,
    entries: Vec<Option<Entry>>,
    postings: FxHashMap<String, Vec<(u32, u32)>>,
}

impl<'a> Gathered<'a> {
    /// A group of `span` slots, all empty.
    fn new(words: &'a Analyzer, span: usize) -> Self {
        Gathered {
            words,
            entries: vec![None; span],
            postings: FxHashMap::default(),
        }
    }

    /// Puts `entry` in slot `id`, after every slot filled so far.
    fn add(&mut self, slot: usize, entry: Entry, title: &str, text: &str, title_weight: u32) {
        let id = slot as u32;
        let postings = &mut self.postings;
        each_weighed(
            self.words,
            entry.kind,
            title,
            text,
            title_weight,
            |t, w| match postings.get_mut(t) {
                Some(list) => match list.last_mut() {
                    Some(last) if last.0 == id => last.1 += w,
                    _ => list.push((id, w)),
                },
                None => {
                    postings.insert(t.to_string(), vec![(id, w)]);
                }
            },
        );
        self.entries[slot] = Some(entry);
    }

    fn finish(self, kept: bool) -> Group {
        let postings = super::GroupPostings::new(self.postings);
        Group::from_parts(self.entries, postings, kept)
    }
}

fn entry(kind: &'static str, title: String, url: String, text: &str, len: usize) -> Entry {
    Entry {
        kind,
        title,
        url,
        text: cut(text, len),
        parent: None,
        lang: None,
    }
}

fn cut(text: &str, len: usize) -> String {
    if text.chars().count() <= len {
        return text.to_string();
    }
    let end = text.char_indices().nth(len).map_or(text.len(), |(i, _)| i);
    let end = text[..end].rfind(' ').unwrap_or(end);
    format!("{}…", &text[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_are_cut_at_words() {
        let t = "word ".repeat(100);
        let c = cut(&t, SNIPPET);
        assert!(c.ends_with('…') && c.chars().count() <= SNIPPET + 1);
        assert_eq!(cut("short", SNIPPET), "short");
    }
}
