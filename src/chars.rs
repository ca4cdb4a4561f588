//! Byte offsets into user text that always fall on character boundaries.
//!
//! Every stage that cuts text by byte offset goes through these, so a
//! multi-byte character (a no-break or thin space, a CJK character) next to
//! a cut can never split it. They are also how scanners bound the context
//! they look at: a window of a fixed number of bytes around a position
//! keeps per-match work constant, so a scan stays linear in its input.
//! With them, the small text helpers every stage shares (HTML escaping,
//! base-36 ids, month names), so that no stage reaches into a later one.

/// Chinese characters (the CJK Unified Ideographs and their extensions
/// and compatibility forms), kana, and the iteration mark: scripts
/// written without spaces between words. The same ranges are in
/// `search.js`; search cuts runs of them into pairs, topic aliases in
/// them match with no word boundary.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3005}' | '\u{3040}'..='\u{30ff}' | '\u{31f0}'..='\u{31ff}' | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff66}'..='\u{ff9d}'
        | '\u{20000}'..='\u{2fa1f}')
}

/// The largest character boundary at or before `i` (clamped to the text).
pub fn floor(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest character boundary at or after `i` (clamped to the text).
pub fn ceil(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// At most `bytes` bytes of `text` before `i`, cut on a boundary.
pub fn before(text: &str, i: usize, bytes: usize) -> &str {
    let i = floor(text, i);
    &text[ceil(text, i.saturating_sub(bytes))..i]
}

/// At most `bytes` bytes of `text` from `i` on, cut on a boundary.
pub fn after(text: &str, i: usize, bytes: usize) -> &str {
    let i = ceil(text, i);
    &text[i..floor(text, i.saturating_add(bytes))]
}

/// The offset just past the last character of `s` matching `pred`, or 0:
/// where a word starts after a separator of any width.
pub fn after_last(s: &str, pred: impl Fn(char) -> bool) -> usize {
    s.char_indices()
        .rev()
        .find(|&(_, c)| pred(c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Month names, lower case (English), lower case.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// `n` in base 36 (digits, then lower-case letters): short ids.
pub fn base36(n: usize) -> String {
    let mut out = String::new();
    push_base36(&mut out, n);
    out
}

/// Appends `n` in base 36 (digits, then lower-case letters).
pub fn push_base36(out: &mut String, mut n: usize) {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut buf = [0u8; 16];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = DIGITS[n % 36];
        n /= 36;
        if n == 0 {
            break;
        }
    }
    // The digits are ASCII.
    out.push_str(std::str::from_utf8(&buf[i..]).unwrap_or("0"));
}

/// Where the first of `patterns` stands in `text`: the leftmost match,
/// and of those starting at one place the one listed first, as `(byte
/// offset, index in patterns)`. The same as taking each pattern's first
/// `find` and the least, in one pass over the text (rules that look for
/// any of a list of marks run on every note and paragraph). Patterns are
/// not empty.
pub fn first_of(text: &str, patterns: &[&str]) -> Option<(usize, usize)> {
    let mut starts = [false; 256];
    for p in patterns {
        starts[usize::from(*p.as_bytes().first()?)] = true;
    }
    let bytes = text.as_bytes();
    bytes.iter().enumerate().find_map(|(i, b)| {
        if !starts[usize::from(*b)] {
            return None;
        }
        let rest = &bytes[i..];
        patterns
            .iter()
            .position(|p| rest.starts_with(p.as_bytes()))
            .map(|k| (i, k))
    })
}

/// `s` with its character references read: `&amp; &lt; &gt; &quot;
/// &apos; &nbsp; &ndash; &mdash;` and numeric ones (`&#47;`, `&#x2013;`);
/// any other `&` stays as it is.
pub fn unescape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| match &tail[1..e] {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            "ndash" => Some('–'),
            "mdash" => Some('—'),
            n if n.starts_with("#x") || n.starts_with("#X") => u32::from_str_radix(&n[2..], 16)
                .ok()
                .and_then(char::from_u32),
            n if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        });
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &tail[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `s` with `&`, `<`, `>`, `"` and `'` written as entities: safe in HTML text and attributes.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 16);
    let mut from = 0;
    // Runs without a special character are copied whole (all five are
    // ASCII, so byte offsets fall on character boundaries).
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[from..i]);
        out.push_str(entity);
        from = i + 1;
    }
    out.push_str(&s[from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_snap_to_boundaries() {
        let t = "a\u{2009}e.g.\u{3000}年";
        for i in 0..=t.len() + 2 {
            assert!(t.is_char_boundary(floor(t, i)));
            assert!(t.is_char_boundary(ceil(t, i)));
            let _ = before(t, i, 2);
            let _ = after(t, i, 2);
        }
        assert_eq!(after_last("x\u{00a0}e.g", char::is_whitespace), 3);
        assert_eq!(&"x\u{00a0}e.g"[3..], "e.g");
        assert_eq!(after_last("word", char::is_whitespace), 0);
    }

    #[test]
    fn first_of_is_the_least_first_find() {
        let naive = |t: &str, ps: &[&str]| {
            ps.iter()
                .enumerate()
                .filter_map(|(k, p)| t.find(p).map(|i| (i, k)))
                .min_by_key(|(i, _)| *i)
        };
        let lists: [&[&str]; 3] = [
            &[", editor", ", editors", " (ed.)", ", ed."],
            &["U.N. Doc. ", "UN Doc ", "©", "Copyright"],
            &["г.", "年", "(c)", "(C)"],
        ];
        let texts = [
            "",
            "Lund, A., editors, Title (ed.)",
            "Berg, K. (ed.), Salt, ed. 2",
            "© 2021 Copyright, U.N. Doc. A/5 UN Doc B",
            "Иванов, 1991 г. 二〇二一年 (C) (c)",
            "no marks at all",
        ];
        for ps in lists {
            for t in texts {
                assert_eq!(first_of(t, ps), naive(t, ps), "{t:?} {ps:?}");
            }
        }
    }
}
