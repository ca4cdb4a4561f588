//! One CSL item's fields as hayagriva's YAML model reads them: types,
//! names, dates, containers as parents, and text escaped for hayagriva's
//! strings.

use serde_json::{json, Map, Value};

/// One CSL-JSON item as hayagriva's YAML model: the item's own fields,
/// and its container (journal, newspaper, book, site) as its parent.
pub(super) fn csl_to_hayagriva(item: &Value) -> Value {
    let get = |k: &str| item.get(k).and_then(text_of);
    let csl_type = get("type").unwrap_or_default();
    let (own, parent_type) = match csl_type.as_str() {
        "article-journal" | "article-magazine" | "review" | "review-book" => {
            ("article", "periodical")
        }
        "article-newspaper" => ("article", "newspaper"),
        "paper-conference" => ("article", "proceedings"),
        "chapter" => ("chapter", "anthology"),
        "entry-encyclopedia" | "entry-dictionary" | "entry" => ("entry", "reference"),
        "book" | "classic" => ("book", "book"),
        "report" => ("report", "book"),
        "thesis" => ("thesis", "book"),
        "webpage" => ("web", "web"),
        "post-weblog" | "post" => ("post", "blog"),
        "legal_case" => ("case", "book"),
        "legislation" | "bill" | "regulation" | "treaty" => ("legislation", "book"),
        "manuscript" => ("manuscript", "book"),
        "patent" => ("patent", "book"),
        "motion_picture" | "broadcast" => ("video", "video"),
        "article" => ("article", "periodical"),
        _ => ("misc", "book"),
    };
    // Text as hayagriva's strings read it (see `csl_text`).
    let text = |k: &str| get(k).map(|t| csl_text(&t));
    let mut out = Map::new();
    out.insert("type".into(), json!(own));
    let put = |out: &mut Map<String, Value>, to: &str, v: Option<Value>| {
        if let Some(v) = v {
            out.insert(to.into(), v);
        }
    };
    // A short form beside the long one, for styles that cite it short.
    let titled = |long: Option<String>, short: Option<String>| match (long, short) {
        (Some(l), Some(s)) if s != l => Some(json!({"value": l, "short": s})),
        (l, _) => l.map(Value::from),
    };
    put(
        &mut out,
        "title",
        titled(
            text("title"),
            text("title-short").or_else(|| text("shortTitle")),
        ),
    );
    // A court or issuing body (CSL's `authority` is hayagriva's
    // organisation, which it formats as CSL's authority again).
    put(&mut out, "organization", text("authority").map(Value::from));
    put(&mut out, "author", people(item.get("author")));
    put(&mut out, "editor", people(item.get("editor")));
    put(&mut out, "date", item.get("issued").and_then(date));
    put(&mut out, "page-range", get("page").map(Value::from));
    put(&mut out, "edition", get("edition").map(Value::from));
    put(&mut out, "genre", text("genre").map(Value::from));
    put(&mut out, "note", text("note").map(Value::from));
    put(
        &mut out,
        "language",
        get("language").filter(|l| l.len() <= 12).map(Value::from),
    );
    let publisher = text("publisher").map(|name| match text("publisher-place") {
        Some(place) => json!({"name": name, "location": place}),
        None => json!(name),
    });
    if let Some(url) = get("URL") {
        let accessed = item.get("accessed").and_then(date);
        out.insert(
            "url".into(),
            match accessed {
                Some(d) => json!({"value": url, "date": d}),
                None => json!(url),
            },
        );
    }
    let mut serial = Map::new();
    for (from, to) in [("DOI", "doi"), ("ISBN", "isbn"), ("PMID", "pmid")] {
        if let Some(v) = get(from) {
            serial.insert(to.into(), json!(v));
        }
    }
    if !serial.is_empty() {
        out.insert("serial-number".into(), Value::Object(serial));
    }
    let container = text("container-title");
    if let Some(title) = container {
        let mut parent = Map::new();
        parent.insert("type".into(), json!(parent_type));
        let short = text("container-title-short").or_else(|| text("journalAbbreviation"));
        put(&mut parent, "title", titled(Some(title), short));
        put(&mut parent, "volume", get("volume").map(Value::from));
        put(&mut parent, "issue", get("issue").map(Value::from));
        put(&mut parent, "publisher", publisher);
        if own == "chapter" {
            put(&mut parent, "editor", people(item.get("editor")));
            out.remove("editor");
        }
        out.insert("parent".into(), Value::Object(parent));
    } else {
        put(&mut out, "volume", get("volume").map(Value::from));
        put(&mut out, "issue", get("issue").map(Value::from));
        put(&mut out, "publisher", publisher);
    }
    Value::Object(out)
}

/// CSL text as a hayagriva string: its control characters (`\\`, `{`, `}`,
/// `$`, which would start verbatim text or Typst math) escaped, so that
/// `The $100 Startup` keeps its dollar; CSL's case-protected text
/// (`<span class="nocase">DNA</span>`) becomes hayagriva's (`{DNA}`).
fn csl_text(s: &str) -> String {
    const OPEN: &str = "<span class=\"nocase\">";
    const CLOSE: &str = "</span>";
    fn escaped(s: &str, out: &mut String) {
        let mut skip = 0;
        for (i, c) in s.char_indices() {
            if i < skip {
                continue;
            }
            // A case name's `v.` (`Marbury v. Madison`) stays lower case
            // when a style sets the title in title case.
            if c == 'v' && s[..i].ends_with(' ') {
                let word = s[i..].split(' ').next().unwrap_or("");
                if is_versus(word) && s.len() > i + word.len() {
                    out.push('{');
                    out.push_str(word);
                    out.push('}');
                    skip = i + word.len();
                    continue;
                }
            }
            if matches!(c, '\\' | '{' | '}' | '$') {
                out.push('\\');
            }
            out.push(c);
        }
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut rest = s;
    while let Some(i) = rest.find(OPEN) {
        let inside = &rest[i + OPEN.len()..];
        let Some(j) = inside.find(CLOSE) else {
            break;
        };
        escaped(&rest[..i], &mut out);
        out.push('{');
        escaped(&inside[..j], &mut out);
        out.push('}');
        rest = &inside[j + CLOSE.len()..];
    }
    escaped(rest, &mut out);
    out
}

/// A string or number field as text.
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// CSL names (`family`, `given`, particles, `literal`) as hayagriva persons.
fn people(v: Option<&Value>) -> Option<Value> {
    let list: Vec<Value> = v?
        .as_array()?
        .iter()
        .filter_map(|p| {
            let field = |k: &str| p.get(k).and_then(text_of);
            if let Some(literal) = field("literal")
                .or_else(|| field("family").is_none().then(|| field("given")).flatten())
            {
                return Some(json!({ "name": literal }));
            }
            let mut person = Map::new();
            person.insert("name".into(), json!(field("family")?));
            if let Some(g) = field("given") {
                person.insert("given-name".into(), json!(g));
            }
            let particles: Vec<String> = ["dropping-particle", "non-dropping-particle"]
                .iter()
                .filter_map(|k| field(k))
                .collect();
            if !particles.is_empty() {
                person.insert("prefix".into(), json!(particles.join(" ")));
            }
            if let Some(s) = field("suffix") {
                person.insert("suffix".into(), json!(s));
            }
            Some(Value::Object(person))
        })
        .collect();
    (!list.is_empty()).then_some(Value::Array(list))
}

/// A CSL date (`date-parts`, else `raw` or `literal` starting with a
/// year) as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn date(v: &Value) -> Option<Value> {
    // pandoc-citeproc's YAML: a list of `{year, month, day}`; or a bare
    // year.
    if let Some(first) = v.as_array().and_then(|a| a.first()) {
        let part = |k: &str| first.get(k).and_then(text_of);
        let parts: Vec<Value> = ["year", "month", "day"]
            .iter()
            .map_while(|k| part(k).map(Value::from))
            .collect();
        return (!parts.is_empty())
            .then(|| json!({"date-parts": [parts]}))
            .and_then(|d| date(&d));
    }
    if let Some(year) = text_of(v).filter(|t| t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
    {
        return Some(json!(year));
    }
    if let Some(parts) = v
        .get("date-parts")
        .and_then(|p| p.get(0))
        .and_then(Value::as_array)
    {
        let n: Vec<i64> = parts
            .iter()
            .filter_map(|x| x.as_i64().or_else(|| x.as_str()?.trim().parse().ok()))
            .collect();
        return match n.as_slice() {
            [y, m, d, ..] if (1..=12).contains(m) && (1..=31).contains(d) => {
                Some(json!(format!("{y:04}-{m:02}-{d:02}")))
            }
            [y, m, ..] if (1..=12).contains(m) => Some(json!(format!("{y:04}-{m:02}"))),
            [y, ..] => Some(json!(format!("{y:04}"))),
            [] => None,
        };
    }
    let raw = v
        .get("raw")
        .or_else(|| v.get("literal"))
        .and_then(Value::as_str)?;
    let digits: String = raw
        .trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (digits.len() == 4).then(|| json!(digits))
}

/// The word between a case's parties: `v.`, `v`, `vs.`, `vs`.
fn is_versus(w: &str) -> bool {
    matches!(w, "v" | "v." | "vs" | "vs.")
}

/// A case name's `v.` (`Marbury v. Madison`) kept lower case when a style
/// sets the title in title case: for entries read from BibTeX, as
/// `csl_text` does for CSL items.
pub(super) fn keep_versus(entry: &mut hayagriva::Entry) {
    use hayagriva::types::{ChunkKind, ChunkedString, FormatString, StringChunk};
    let Some(title) = entry.title() else {
        return;
    };
    if !title
        .value
        .0
        .iter()
        .any(|c| c.kind == ChunkKind::Normal && c.value.split(' ').skip(1).any(is_versus))
    {
        return;
    }
    let mut chunks = Vec::new();
    for c in &title.value.0 {
        if c.kind != ChunkKind::Normal {
            chunks.push(c.clone());
            continue;
        }
        // Words with the spaces before them; a `v.` between two words
        // becomes verbatim text.
        let words: Vec<&str> = c.value.split(' ').collect();
        let mut plain = String::new();
        for (k, w) in words.iter().enumerate() {
            if k > 0 {
                plain.push(' ');
            }
            if k > 0 && k + 1 < words.len() && is_versus(w) {
                chunks.push(StringChunk::normal(std::mem::take(&mut plain)));
                chunks.push(StringChunk::verbatim(*w));
            } else {
                plain.push_str(w);
            }
        }
        chunks.push(StringChunk::normal(plain));
    }
    chunks.retain(|c| !c.value.is_empty());
    let short = title.short.clone();
    entry.set_title(FormatString {
        value: ChunkedString(chunks),
        short,
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_case_names_versus_stays_lower_case_from_bibtex() {
        let bib = super::super::from_biblatex(
            "@jurisdiction{mm, title = {Marbury v. Madison and {DNA} vs the v}, date = {1803}}",
            "chicago-notes",
        );
        let title = bib.entry("mm").and_then(|e| e.title()).unwrap();
        assert_eq!(
            title.value.to_string(),
            "Marbury v. Madison and DNA vs the v"
        );
        let verbatim: Vec<&str> = title
            .value
            .0
            .iter()
            .filter(|c| c.kind == hayagriva::types::ChunkKind::Verbatim)
            .map(|c| c.value.as_str())
            .collect();
        assert_eq!(verbatim, ["v.", "DNA", "vs"]);
    }
}
