//! Glyphs a PDF converter could not map to a character, written by name:
//! `GLYPH<tildelow>`, `GLYPH<bullet>`, `GLYPH<c=3,font=/AAAAAB+Wingdings>`,
//! or with the brackets as entities, `GLYPH&lt;tildelow&gt;` (Docling's
//! Markdown).
//! A name that stands for a character becomes it (`GLYPH<endash>` → `–`,
//! `GLYPH<fi>` → `fi`); any other is taken out, with the space before it,
//! so that no reader sees the converter's notation.

use std::borrow::Cow;

const MARK: &str = "GLYPH";

/// The text with each named glyph written as its character, or taken out.
/// The name is in angle brackets, written as they are (`GLYPH<g115>`) or
/// as entities (`GLYPH&lt;tildelow&gt;`, as Docling's Markdown has it).
pub fn named(text: &str) -> Cow<'_, str> {
    if !text.contains(MARK) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(MARK) {
        let after = &rest[at + MARK.len()..];
        let brackets = [("<", ">"), ("&lt;", "&gt;")]
            .into_iter()
            .find(|(open, _)| after.starts_with(open));
        // The name ends at its closing bracket, within one line and a few
        // dozen bytes.
        let found = brackets.and_then(|(open, close)| {
            let inner = &after[open.len()..];
            let k = inner
                .find(close)
                .filter(|&k| k <= 80 && !inner[..k].contains('\n'))?;
            Some((&inner[..k], &inner[k + close.len()..]))
        });
        let Some((name, tail)) = found else {
            out.push_str(&rest[..at + MARK.len()]);
            rest = after;
            continue;
        };
        match character(name) {
            Some(c) => {
                out.push_str(&rest[..at]);
                out.push_str(c);
            }
            None => out.push_str(rest[..at].trim_end_matches(' ')),
        }
        rest = tail;
        if out.is_empty() || out.ends_with(['\n', ' ']) {
            rest = rest.trim_start_matches(' ');
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character (or ligature's letters) a glyph's name stands for.
fn character(name: &str) -> Option<&'static str> {
    Some(match name {
        "tildelow" | "asciitilde" | "similar" => "~",
        "bullet" | "uni2022" => "•",
        "endash" => "–",
        "emdash" => "—",
        "quotedblleft" => "“",
        "quotedblright" => "”",
        "quoteleft" => "‘",
        "quoteright" => "’",
        "fi" => "fi",
        "fl" => "fl",
        "ff" => "ff",
        "ffi" => "ffi",
        "ffl" => "ffl",
        "periodcentered" => "·",
        "degree" => "°",
        "plusminus" => "±",
        "multiply" => "×",
        "minus" => "−",
        "lessequal" => "≤",
        "greaterequal" => "≥",
        "section" => "§",
        "paragraph" => "¶",
        "dagger" => "†",
        "daggerdbl" => "‡",
        "arrowright" => "→",
        "arrowleft" => "←",
        "ellipsis" => "…",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::named;

    #[test]
    fn glyph_names_become_characters_or_go() {
        for (text, want) in [
            ("gains GLYPH<tildelow> 10% in mAP", "gains ~ 10% in mAP"),
            ("pages 12GLYPH<endash>19", "pages 12–19"),
            ("GLYPH<bullet> first item", "• first item"),
            ("the GLYPH<fi>rst", "the first"),
            ("see GLYPH<c=3,font=/AAAAAB+Wingdings> here", "see here"),
            ("GLYPH<c=1,font=/X> Item", "Item"),
            ("no glyphs at all", "no glyphs at all"),
            ("a GLYPH<unclosed\nline", "a GLYPH<unclosed\nline"),
            ("GLYPH<", "GLYPH<"),
            // Docling writes the brackets as entities.
            ("gains GLYPH&lt;tildelow&gt; 10%", "gains ~ 10%"),
            ("GLYPH&lt;g115&gt;GLYPH&lt;g3&gt; Cover", "Cover"),
            ("GLYPH&lt;unclosed", "GLYPH&lt;unclosed"),
            ("a GLYPH sign", "a GLYPH sign"),
        ] {
            assert_eq!(named(text), want, "{text}");
        }
    }
}
