//! Extract: what each document says, found per document and in parallel.
//!
//! 1. `mentions`: topic aliases in paragraph text, never inside code, links,
//!    headings or footnote markers; which of them become links.
//! 2. `years`: years, ranges, decades and dates in paragraph text, each
//!    with its sentence (`sentences`).
//! 3. [`citations`]: footnotes parsed into references (`names` for the
//!    authors); `Ibid.` resolved to the previous reference.
//! 4. Relative link targets, for backlinks and link rewriting.
//!
//! Extraction does no I/O and never fails.

pub mod citations;
mod cited;
mod entries;
mod entry_cjk;
mod entry_collab;
mod entry_editors;
mod entry_forms;
mod entry_gbt;
mod entry_initials;
mod entry_iop;
mod entry_journal;
mod entry_journal_names;
mod entry_journal_start;
mod entry_labels;
mod entry_list_spelling;
pub use entries::{parse_entry, Entry};
pub use references::parse_list_entry;
mod doubtful;
mod entry_names;
mod entry_numbers;
mod entry_preprint;
mod entry_standard;
mod entry_tagged;
mod entry_tags;
mod entry_titles;
mod entry_years;
mod fields;
mod found;
mod inflect;
pub(crate) mod intext;
pub(crate) mod language;
mod marked;
pub(crate) mod mentions;
pub(crate) mod name_forms;
pub(crate) mod names;
mod note_archive;
mod note_cases;
mod note_chinese;
mod note_court_names;
mod note_courts;
mod note_entries;
mod note_facts;
mod note_forms;
mod note_gost;
mod note_intl;
mod note_laws;
mod note_names;
mod note_parts;
mod note_precedents;
mod note_public;
mod note_reports;
mod places;
mod references;
pub mod reftagger;
pub(crate) mod sentences;
mod short_forms;
mod short_titles;
mod work_keys;
mod work_kind;
pub(crate) mod years;

use crate::parse::{Document, Node};
use mentions::Matcher;
use pulldown_cmark::{Event, Tag};
use std::ops::Range;
use years::YearHit;

/// Which mentions become links to their topic page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub enum LinkMode {
    /// The first mention of each topic after each heading.
    #[default]
    FirstInSection,
    FirstInDocument,
    All,
    None,
}

impl LinkMode {
    pub fn parse(s: &str) -> Option<LinkMode> {
        Some(match s {
            "first-in-section" => LinkMode::FirstInSection,
            "first-in-document" => LinkMode::FirstInDocument,
            "all" => LinkMode::All,
            "none" => LinkMode::None,
            _ => return None,
        })
    }
}

/// What extraction needs from the rest of the build.
pub struct Options<'a> {
    pub matcher: &'a Matcher,
    pub links: LinkMode,
    pub years: (i32, i32),
    /// The site's language, for documents that neither state nor show one.
    pub language: &'a str,
    /// How the site spells slugs.
    pub slugs: crate::parse::ids::SlugStyle,
}

/// A topic mention: byte offsets into a paragraph's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub topic: usize,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// A mention that becomes a link: byte offsets into the text of body node
/// `node`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicLink {
    pub node: usize,
    pub start: usize,
    pub end: usize,
    pub topic: usize,
}

/// A time expression in a paragraph, with the sentence around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    pub paragraph: usize,
    pub hit: YearHit,
    pub sentence: Range<usize>,
}

/// A footnote or a reference-list entry read as a reference, with `Ibid.`
/// already resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Cited {
    /// Where the document gives the reference.
    pub at: Place,
    /// The label an entry is cited by (`12`), see [`entries::Entry`].
    pub label: Option<String>,
    /// How often the text cites the entry (see `intext`).
    pub in_text: usize,
    /// Shared with the citation index's work (see `graph::citations`),
    /// which copies it only where it adds to it.
    pub reference: std::sync::Arc<citations::Reference>,
    /// The footnote said `Ibid.` (and cites the reference before it).
    pub ibid: bool,
}

impl Cited {
    /// A reference given at `at` (not through `Ibid.`).
    pub fn new(at: Place, label: Option<String>, reference: citations::Reference) -> Cited {
        Cited {
            at,
            label,
            in_text: 0,
            reference: std::sync::Arc::new(reference),
            ibid: false,
        }
    }
}

/// Where a document gives a reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    /// Index into the document's footnotes.
    Note(usize),
    /// Index into the document's paragraphs: an entry of its reference list.
    Entry(usize),
}

/// The mentions of one topic in one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicPassage {
    pub paragraph: u32,
    pub topic: u32,
    /// Byte spans of the mentions in the paragraph's text. (A site holds
    /// one passage per paragraph and topic of every text: 150 a text on
    /// the benchmark corpus, so their size counts.)
    pub spans: Box<[(u32, u32)]>,
}

impl TopicPassage {
    pub fn paragraph(&self) -> usize {
        self.paragraph as usize
    }

    pub fn topic(&self) -> usize {
        self.topic as usize
    }

    /// [`TopicPassage::spans`] as byte offsets.
    pub fn byte_spans(&self) -> Vec<(usize, usize)> {
        self.spans
            .iter()
            .map(|&(s, e)| (s as usize, e as usize))
            .collect()
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    /// The topic mentions, grouped by paragraph, then topic (what the
    /// topic index gathers from every document).
    pub passages: Vec<TopicPassage>,
    /// (topic, mentions), most mentioned first.
    pub topic_counts: Vec<(usize, usize)>,
    pub links: Vec<TopicLink>,
    pub dates: Vec<Dated>,
    pub citations: Vec<Cited>,
    /// In-text citations linked to reference-list entries.
    pub cite_links: Vec<intext::CiteLink>,
    /// Relative link targets in the body (other documents, perhaps).
    pub links_out: Vec<String>,
    /// Limits that cut what was extracted, for the author.
    pub notes: Vec<String>,
    /// Years left off the timeline because they date a cited work (in a
    /// reference list or an author–year citation).
    pub cited_years: usize,
    /// Per topic, the candidate mentions that did not count, by reason:
    /// for the map author's report (see [`Rejected`]).
    pub rejected: Vec<(usize, Rejected)>,
}

/// Why candidate mentions of a topic did not count, and how many.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rejected {
    /// By an ambiguous alias with no other alias of the topic beside it.
    pub ambiguous: usize,
    /// Inside one of the topic's `exclude` phrases.
    pub excluded: usize,
    /// In a reference list or bibliography.
    pub in_references: usize,
}

/// The most dates taken from one paragraph: prose never comes near it; a
/// table or list pasted as one paragraph would flood the timeline.
pub const MAX_DATES_PER_PARAGRAPH: usize = 1_000;

/// References known before the text is read: a bibliography's entries
/// that the text cites (see `bibliography`). They replace what the parser
/// would read from the formatted notes and entries.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Given {
    /// Footnotes by label, with the references each cites.
    pub notes: Vec<(String, Vec<citations::Reference>)>,
    /// Reference-list entries by the anchor they hold, with their
    /// reference.
    pub entries: Vec<(String, citations::Reference)>,
    /// The citations written in the text, as its paragraphs read them
    /// (`(Doe et al., 2019, p. 12)`): their years date works, so they
    /// stay off the timeline.
    pub in_text: Vec<String>,
}

/// Whether the year at `start..end` of `text` stands inside one of the
/// given in-text citations.
fn in_given(text: &str, start: usize, end: usize, given: &Given) -> bool {
    given.in_text.iter().any(|g| {
        text.match_indices(g.as_str())
            .any(|(k, _)| k <= start && end <= k + g.len())
    })
}

/// Extracts mentions and dates from one document.
pub fn extract(doc: &Document, opts: &Options) -> Extracted {
    extract_with(doc, opts, &Given::default(), opts.language)
}

/// [`extract`], with the references of some notes and entries given.
pub fn extract_with(doc: &Document, opts: &Options, given: &Given, language: &str) -> Extracted {
    let mut out = Extracted::default();
    let mentions = found::find_mentions(doc, opts, &mut out);
    found::group_mentions(mentions, &mut out);
    out.citations = references::read_citations(doc);
    out.citations.extend(references::read_entries(doc));
    references::apply_given(doc, given, &mut out.citations);
    out.cite_links = intext::link(doc, &mut out.citations, &mut out.notes);
    // The text's links and its notes' (`[^1]: See [[Kyakhta Treaty]].`).
    out.links_out = doc
        .body
        .iter()
        .chain(doc.footnotes.iter().flat_map(|f| f.body.iter()))
        .filter_map(|n| match n {
            Node::Md(Event::Start(Tag::Link { dest_url, .. }))
            | Node::Md(Event::Start(Tag::Image { dest_url, .. }))
                if is_relative(dest_url) =>
            {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .collect();
    let has_references = doc.paragraphs.iter().any(|p| p.reference);
    for (i, p) in doc.paragraphs.iter().enumerate() {
        let mut hits = years::find_years(&p.text, opts.years);
        // A reference list's years and an author–year citation's are
        // when works appeared: counted, not put on the timeline.
        let before = hits.len();
        if p.reference {
            hits.clear();
        } else {
            hits.retain(|h| {
                !cited::is_cited(&p.text, h.start, h.end, has_references)
                    && !in_given(&p.text, h.start, h.end, given)
            });
            if p.kind == crate::parse::Block::Row {
                hits.retain(|h| !years::in_table_of_figures(&p.text, h.start, h.end));
            }
        }
        out.cited_years += before - hits.len();
        // `the COCO 2017 split`: a year that numbers an edition.
        hits.retain(|h| !years::is_edition(&p.text[..h.start], &p.text[h.end..]));
        if hits.len() > MAX_DATES_PER_PARAGRAPH {
            out.notes.push(format!(
                "paragraph {} holds {} dates; the timeline takes the first {MAX_DATES_PER_PARAGRAPH}",
                i + 1,
                hits.len()
            ));
            hits.truncate(MAX_DATES_PER_PARAGRAPH);
        }
        // One pass over the paragraph, however many dates it holds.
        let all = if hits.is_empty() {
            Vec::new()
        } else {
            sentences::sentences(&p.text, language)
        };
        for hit in hits {
            let k = all.partition_point(|r| r.end <= hit.start);
            let sentence = match all.get(k) {
                Some(r) if r.start <= hit.start => r.clone(),
                _ => sentences::sentence_at(&p.text, hit.start, language),
            };
            let sentence = sentences::around(&p.text, sentence, hit.start..hit.end);
            // `on 16 June 2015 (BGH, Urt. v. 16.6.2015 …)`: one date said
            // twice in one sentence is one entry.
            let again = out
                .dates
                .iter()
                .rev()
                .take_while(|d| d.paragraph == i)
                .any(|d| d.sentence == sentence && d.hit.label == hit.label);
            if again {
                continue;
            }
            out.dates.push(Dated {
                paragraph: i,
                hit,
                sentence,
            });
        }
    }
    doubtful::drop_doubtful(&mut out.dates, doc);
    out.shrink();
    out
}

impl Extracted {
    /// Gives back what the lists grew beyond their lengths: a site holds
    /// every document's extraction until its pages are written.
    fn shrink(&mut self) {
        self.passages.shrink_to_fit();
        self.links.shrink_to_fit();
        self.dates.shrink_to_fit();
        self.citations.shrink_to_fit();
        self.cite_links.shrink_to_fit();
        self.links_out.shrink_to_fit();
    }
}

/// A link to a file of the site rather than to another host or an anchor.
fn is_relative(url: &str) -> bool {
    !(url.is_empty()
        || url.starts_with('#')
        || url.starts_with('/')
        || url.contains("://")
        || url.starts_with("mailto:"))
}

#[cfg(test)]
mod tests;
