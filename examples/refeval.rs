//! Measures the reference parsers on a labelled set of reference strings:
//! an XML file of `<sequence>`s whose children label each part of one
//! reference (`<author>`, `<title>`, `<journal>` or `<container-title>`,
//! `<date>`, …), as reference-parser training sets are written.
//!
//! ```sh
//! cargo run --release --example refeval -- labelled.xml [--show 20] [--field title]
//! ```
//!
//! `refeval tag "TEXT"` prints each token of one reference with its label;
//! `refeval parse "TEXT"` its reading as an entry and as a note;
//! `refeval train` trains the labeller (see `train`);
//! `refeval time FILE` reads each line of FILE as a note and as an entry,
//! and prints the time taken and a digest of the readings (the same digest
//! before and after a change that should only make it faster; with
//! `REFEVAL_PRINT=1` each entry's reading too, to compare two builds').
//!
//! `--show N` prints the first N references with a wrong field (read as
//! entries; as notes with `--note`); with
//! `--field F` (author, title, container, year) only those wrong in F,
//! each with the labelled and the parsed value.
//!
//! Each sequence's parts are joined into one string and read as a
//! reference-list entry (`extract::parse_entry`) and as a note
//! (`extract::citations::parse_reference`). A field counts where the
//! labels give it: the first author is right when the parsed first family
//! name stands among the first three words of the labelled authors (one
//! of several words, as consecutive words among the first four); a
//! title or container when its letters and digits equal the labelled
//! ones (or one holds the other and they differ by at most a tenth); the
//! year when it is the labelled date's year.

use dossier::extract::citations::{letters, parse_reference, Parsed, Reference};
use dossier::extract::reftagger::{self, Label};
use unicode_normalization::UnicodeNormalization;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "train") {
        return train(&args[1..]);
    }
    // `refeval tag "TEXT"`: each token with its label.
    if let (Some("tag"), Some(text)) = (args.first().map(String::as_str), args.get(1)) {
        for (r, label) in reftagger::tag(text) {
            println!("{:>10}  {}", label.name(), &text[r]);
        }
        return;
    }
    // `refeval parse "TEXT"`: the reading as an entry and as a note.
    if let (Some("parse"), Some(text)) = (args.first().map(String::as_str), args.get(1)) {
        let entry = dossier::extract::parse_list_entry(text, Vec::new(), None);
        println!("entry: {:?}", entry.map(|e| e.reference));
        println!("note:  {:?}", parse_reference(text, Vec::new()));
        return;
    }
    if let (Some("time"), Some(file)) = (args.first().map(String::as_str), args.get(1)) {
        return time(file);
    }
    let Some(path) = args.first() else {
        eprintln!("usage: refeval labelled.xml [--show N]");
        std::process::exit(2);
    };
    let show: usize = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|k| args.get(k + 1)?.parse().ok())
        .unwrap_or(0);
    let field = args
        .iter()
        .position(|a| a == "--field")
        .and_then(|k| args.get(k + 1).cloned());
    // `--note`: `--show` prints the notes' failures instead of the entries'.
    let notes = args.iter().any(|a| a == "--note");
    let xml = std::fs::read_to_string(path).expect("readable file");
    let mut entry = Tally::default();
    let mut note = Tally::default();
    let mut model = Tally::default();
    let mut shown = 0;
    let mut before = None;
    for seq in xml.split("<sequence>").skip(1) {
        let seq = seq.split("</sequence>").next().unwrap_or("");
        let parts = children(seq);
        let text: Vec<&str> = parts.iter().map(|(_, v)| v.as_str()).collect();
        let text = text.join(" ");
        let label = |tags: &[&str]| {
            parts
                .iter()
                .find(|(t, _)| tags.contains(&t.as_str()))
                .map(|(_, v)| v.clone())
        };
        let gold = Gold {
            // A rule of dashes for the authors above names nobody here.
            author: label(&["author"]).filter(|a| a.chars().any(char::is_alphabetic)),
            title: label(&["title"]),
            container: label(&["journal", "container-title"]).map(|c| {
                c.trim_start_matches("In ")
                    .trim_start_matches("in ")
                    .to_string()
            }),
            year: label(&["date"]).and_then(|d| year_of(&d)),
        };
        // As in a reference list: an entry opening with a rule of dashes
        // takes the authors of the one before.
        let as_entry = dossier::extract::parse_list_entry(&text, Vec::new(), before.take())
            .map(|e| e.reference);
        before = as_entry
            .as_ref()
            .map(|r| r.authors.clone())
            .filter(|a| !a.is_empty());
        let wrong_entry = entry.add(&gold, as_entry.as_ref());
        let as_note = match parse_reference(&text, Vec::new()) {
            Parsed::Reference(r) => Some(*r),
            _ => None,
        };
        let wrong_note = note.add(&gold, as_note.as_ref());
        let (wrong, as_entry) = if notes {
            (wrong_note, as_note)
        } else {
            (wrong_entry, as_entry)
        };
        let tagged = reftagger::tag(&text);
        let by_model = (!tagged.is_empty()).then(|| Reference {
            title: reftagger::field(&text, &tagged, Label::Title),
            container: reftagger::field(&text, &tagged, Label::Container),
            ..as_entry.clone().unwrap_or_default()
        });
        model.add(&gold, by_model.as_ref());
        if shown < show {
            match field.as_deref() {
                None if !wrong.is_empty() => {
                    shown += 1;
                    println!("{text}\n  wrong: {wrong:?}\n  parsed: {as_entry:?}\n");
                }
                Some(f) if wrong.contains(&f) => {
                    shown += 1;
                    let (want, got) = gold.pair(f, as_entry.as_ref());
                    println!("{text}\n  labelled: {want:?}\n  parsed:   {got:?}\n");
                }
                _ => {}
            }
        }
    }
    println!("{path}");
    entry.print("as a reference-list entry");
    note.print("as a note");
    model.print("entry, title and container as the model labels them");
}

/// `refeval train OUT.crfsuite FILE.xml... [--exclude HELD.xml...]`:
/// trains the reference labeller on the labelled files, leaving out any
/// reference that also stands in a held-out file, and writes its model.
fn train(args: &[String]) {
    let Some(out) = args.first() else {
        eprintln!("usage: refeval train OUT.crfsuite FILE.xml... [--exclude HELD.xml...]");
        std::process::exit(2);
    };
    let split = args
        .iter()
        .position(|a| a == "--exclude")
        .unwrap_or(args.len());
    let held: std::collections::HashSet<String> = args[split..]
        .iter()
        .skip(1)
        .flat_map(|p| sequences(p))
        .map(|parts| joined(&parts))
        .collect();
    // L1 and L2 weights and iterations; the model in the repository was
    // trained with these defaults.
    let knob = |name: &str, default: f64| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let mut trainer = crfs::Trainer::lbfgs()
        .with_c1(knob("REFEVAL_C1", 0.5))
        .and_then(|t| t.with_c2(knob("REFEVAL_C2", 0.01)))
        .and_then(|t| t.with_max_iterations(knob("REFEVAL_ITER", 150.0) as usize))
        .expect("valid parameters");
    trainer.verbose(true);
    let (mut kept, mut left) = (0, 0);
    for path in &args[1..split] {
        for parts in sequences(path) {
            if held.contains(&joined(&parts)) {
                left += 1;
                continue;
            }
            let mut words = Vec::new();
            let mut labels = Vec::new();
            for (tag, value) in &parts {
                let label = Label::from_tag(tag).unwrap_or(Label::Other);
                for r in reftagger::tokens(value) {
                    words.push(&value[r]);
                    labels.push(label.name());
                }
            }
            if words.is_empty() {
                continue;
            }
            trainer
                .append(&reftagger::features(&words), &labels)
                .expect("one label per token");
            kept += 1;
        }
    }
    println!("training on {kept} references ({left} left out: also in a held-out file)");
    trainer
        .train(std::path::Path::new(out))
        .expect("model written");
}

fn sequences(path: &str) -> Vec<Vec<(String, String)>> {
    let xml = std::fs::read_to_string(path).expect("readable file");
    xml.split("<sequence>")
        .skip(1)
        .map(|seq| children(seq.split("</sequence>").next().unwrap_or("")))
        .collect()
}

fn joined(parts: &[(String, String)]) -> String {
    let words: Vec<&str> = parts
        .iter()
        .flat_map(|(_, v)| v.split_whitespace())
        .collect();
    words.join(" ")
}

struct Gold {
    author: Option<String>,
    title: Option<String>,
    container: Option<String>,
    year: Option<i32>,
}

impl Gold {
    /// The labelled and the parsed value of one field, to show.
    fn pair(&self, field: &str, got: Option<&Reference>) -> (Option<String>, Option<String>) {
        match field {
            "author" => (
                self.author.clone(),
                got.and_then(|r| r.authors.first())
                    .map(|p| p.family.clone()),
            ),
            "title" => (self.title.clone(), got.and_then(|r| r.title.clone())),
            "container" => (
                self.container.clone(),
                got.and_then(|r| r.container.clone()),
            ),
            "year" => (
                self.year.map(|y| y.to_string()),
                got.and_then(|r| r.year).map(|y| y.to_string()),
            ),
            _ => (None, None),
        }
    }
}

#[derive(Default)]
struct Tally {
    total: usize,
    recognised: usize,
    /// (right, labelled) per field.
    author: (usize, usize),
    title: (usize, usize),
    container: (usize, usize),
    year: (usize, usize),
}

impl Tally {
    /// Counts one reference; returns the fields it got wrong.
    fn add(&mut self, gold: &Gold, got: Option<&Reference>) -> Vec<&'static str> {
        self.total += 1;
        let mut wrong = Vec::new();
        if got.is_some() {
            self.recognised += 1;
        } else {
            wrong.push("recognised");
        }
        let mut count =
            |field: &mut (usize, usize), name: &'static str, labelled: bool, right: bool| {
                if labelled {
                    field.1 += 1;
                    if right {
                        field.0 += 1;
                    } else {
                        wrong.push(name);
                    }
                }
            };
        count(
            &mut self.author,
            "author",
            gold.author.is_some(),
            match (&gold.author, got.and_then(|r| r.authors.first())) {
                (Some(a), Some(p)) => {
                    // A family name of several words (`de Villiers`, `Wong
                    // Fillmore`) is right when its words are consecutive
                    // among the first four.
                    let words = first_words(a, 4);
                    let family = letters(&p.family);
                    (1..=3).any(|n| {
                        let windows = if n == 1 { 3 } else { 4 };
                        words.windows(n).take(windows).any(|w| w.concat() == family)
                    })
                }
                _ => false,
            },
        );
        count(
            &mut self.title,
            "title",
            gold.title.is_some(),
            same(gold.title.as_deref(), got.and_then(|r| r.title.as_deref())),
        );
        count(
            &mut self.container,
            "container",
            gold.container.is_some(),
            same(
                gold.container.as_deref(),
                got.and_then(|r| r.container.as_deref()),
            ),
        );
        count(
            &mut self.year,
            "year",
            gold.year.is_some(),
            gold.year.is_some() && gold.year == got.and_then(|r| r.year),
        );
        wrong
    }

    fn print(&self, how: &str) {
        let pct = |(a, b): (usize, usize)| {
            format!("{a}/{b} ({:.1} %)", 100.0 * a as f64 / b.max(1) as f64)
        };
        println!("  {how}:");
        println!("    recognised {}", pct((self.recognised, self.total)));
        println!("    first author {}", pct(self.author));
        println!("    title {}", pct(self.title));
        println!("    container {}", pct(self.container));
        println!("    year {}", pct(self.year));
    }
}

fn same(gold: Option<&str>, got: Option<&str>) -> bool {
    let (Some(g), Some(o)) = (gold, got) else {
        return false;
    };
    let (g, o) = (letters(g), letters(o));
    if g.is_empty() || o.is_empty() {
        return false;
    }
    g == o || ((g.contains(&o) || o.contains(&g)) && g.len().abs_diff(o.len()) * 10 <= g.len())
}

fn first_words(s: &str, n: usize) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .take(n)
        .map(letters)
        .collect()
}

fn year_of(date: &str) -> Option<i32> {
    let bytes = date.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|k| {
        let w = &date.get(k..k + 4)?;
        let before = k.checked_sub(1).map(|b| bytes[b]);
        let after = bytes.get(k + 4);
        (w.bytes().all(|b| b.is_ascii_digit())
            && !before.is_some_and(|b| b.is_ascii_digit())
            && !after.is_some_and(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1500..=2100).contains(y))
    })
}

/// The labelled children of one sequence, in order, unescaped.
fn children(seq: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = seq;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else { break };
        let tag = after[..close].trim().to_string();
        if tag.starts_with('/') {
            rest = &after[close + 1..];
            continue;
        }
        let body = &after[close + 1..];
        let end_tag = format!("</{tag}>");
        let Some(end) = body.find(&end_tag) else {
            break;
        };
        let value = body[..end]
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&");
        // Composed, as `parse_entry` reads names and words.
        out.push((tag, value.trim().nfc().collect()));
        rest = &body[end + end_tag.len()..];
    }
    out
}

/// `refeval time FILE`: every line read as a note and as an entry; the
/// time each reading took and a digest of what it read.
fn time(file: &str) {
    use std::hash::{Hash, Hasher};
    let text = std::fs::read_to_string(file).expect("a readable file");
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut digest = std::collections::hash_map::DefaultHasher::new();
    let start = std::time::Instant::now();
    for line in &lines {
        format!("{:?}", parse_reference(line, Vec::new())).hash(&mut digest);
    }
    let notes = start.elapsed();
    let start = std::time::Instant::now();
    for line in &lines {
        let entry = dossier::extract::parse_list_entry(line, Vec::new(), None);
        let reading = format!("{:?}", entry.map(|e| e.reference));
        if std::env::var_os("REFEVAL_PRINT").is_some() {
            println!("{reading}");
        }
        reading.hash(&mut digest);
    }
    let entries = start.elapsed();
    println!(
        "{} lines: notes {:.0} ms, entries {:.0} ms, digest {:016x}",
        lines.len(),
        notes.as_secs_f64() * 1e3,
        entries.as_secs_f64() * 1e3,
        digest.finish()
    );
}
