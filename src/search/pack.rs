//! The search index's files as they are stored: their JSON deflated
//! (zlib) and written seven bits to a character in a script that
//! registers it, `DOSSIER_SEARCH.packed7("e", 12, "…");`. `search.js`
//! reads the characters back into bytes and inflates them with the
//! browser's `DecompressionStream`.
//!
//! Seven bits a character: every value 0–127 is an ASCII character, so the
//! file reads the same in any ASCII-compatible encoding; the five that a
//! JavaScript string cannot hold as they are (NUL, line feed, carriage
//! return, `"` and `\`) are written as escapes, which the script's own
//! parser undoes. That stores a byte in about 1.2 characters, where
//! base64 takes 1.33.

/// How hard to deflate. Measured on the 10,000-page benchmark (entries
/// and postings, 300 MB of JSON, seven bits to a character): level 2
/// stores them in 133 MB, level 4 in 122 MB, level 6 in 119.5 MB for
/// about 0.3 s more of the search stage's 6.6 s.
const LEVEL: u32 = 6;

/// The script that registers `json` as part `key` (a JSON value: a
/// number or a string) of kind `kind` (`e` entries, `t` terms).
pub fn script(kind: &str, key: &str, json: &[u8]) -> Vec<u8> {
    let mut deflated = Vec::new();
    crate::zlib::deflate(LEVEL, json, &mut deflated);
    let head = format!("DOSSIER_SEARCH.packed7(\"{kind}\",{key},\"");
    let mut out = Vec::with_capacity(head.len() + deflated.len() * 5 / 4 + 8);
    out.extend_from_slice(head.as_bytes());
    seven(&deflated, &mut out);
    out.extend_from_slice(b"\");\n");
    out
}

/// `bytes` seven bits to a character, the first bit highest; the last
/// character padded with zero bits. See the module's note for the escapes.
fn seven(bytes: &[u8], out: &mut Vec<u8>) {
    let mut acc: u32 = 0;
    let mut bits = 0;
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 7 {
            bits -= 7;
            push_char(((acc >> bits) & 127) as u8, out);
        }
        acc &= (1 << bits) - 1;
    }
    if bits > 0 {
        push_char(((acc << (7 - bits)) & 127) as u8, out);
    }
}

/// One seven-bit value as a character of a JavaScript string literal.
fn push_char(v: u8, out: &mut Vec<u8>) {
    match v {
        0 => out.extend_from_slice(b"\\x00"),
        b'\n' => out.extend_from_slice(b"\\n"),
        b'\r' => out.extend_from_slice(b"\\r"),
        b'"' => out.extend_from_slice(b"\\\""),
        b'\\' => out.extend_from_slice(b"\\\\"),
        _ => out.push(v),
    }
}

/// The JSON inside a script made by [`script`].
#[cfg(test)]
pub fn unpack(script: &[u8]) -> Option<Vec<u8>> {
    use std::io::Read;
    let start = script.windows(2).rposition(|w| w == b",\"")? + 2;
    let bytes = unseven(&script[start..])?;
    let mut json = Vec::new();
    flate2::read::ZlibDecoder::new(bytes.as_slice())
        .read_to_end(&mut json)
        .ok()?;
    Some(json)
}

/// The bytes of a string literal written by [`seven`], up to its closing
/// quote, as `search.js` reads them.
#[cfg(test)]
fn unseven(text: &[u8]) -> Option<Vec<u8>> {
    let mut values = Vec::new();
    let mut i = 0;
    loop {
        let c = *text.get(i)?;
        i += 1;
        let v = match c {
            b'"' => break,
            b'\\' => {
                let e = *text.get(i)?;
                i += 1;
                match e {
                    b'n' => b'\n',
                    b'r' => b'\r',
                    b'x' if text.get(i..i + 2)? == b"00" => {
                        i += 2;
                        0
                    }
                    b'"' | b'\\' => e,
                    _ => return None,
                }
            }
            0..=127 => c,
            _ => return None,
        };
        values.push(v);
    }
    let (mut acc, mut bits, mut out) = (0u32, 0, Vec::new());
    for v in values {
        acc = (acc << 7) | u32::from(v);
        bits += 7;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seven_bits_round_trip_and_escape_what_a_string_cannot_hold() {
        let enc = |b: &[u8]| {
            let mut out = Vec::new();
            seven(b, &mut out);
            out
        };
        assert_eq!(enc(b""), b"");
        // 0x41 = 0100_0001: 0100000 then 1 padded to 1000000.
        assert_eq!(enc(b"A"), b" @");
        // Seven zero bytes are eight zero values, each escaped.
        assert_eq!(enc(&[0; 7]), b"\\x00".repeat(8));
        let mut all: Vec<u8> = (0..=255).collect();
        all.extend((0..=255u8).rev());
        for n in 0..all.len() {
            let mut text = enc(&all[..n]);
            assert!(text
                .iter()
                .all(|&c| c.is_ascii() && c != b'\n' && c != b'\r' && c != 0));
            text.push(b'"');
            assert_eq!(unseven(&text).unwrap(), &all[..n], "{n}");
        }
    }

    #[test]
    fn scripts_hold_their_json_deflated() {
        let json = "[[\"p\",3,\"#p-1\",\"Ходатайство о «мире» — 和平\"]]".repeat(50);
        let script = script("e", "12", json.as_bytes());
        let text = String::from_utf8(script.clone()).unwrap();
        assert!(
            text.starts_with("DOSSIER_SEARCH.packed7(\"e\",12,\""),
            "{text}"
        );
        assert!(text.ends_with("\");\n"));
        assert!(script.len() < json.len() / 4, "{}", script.len());
        assert_eq!(unpack(&script).unwrap(), json.as_bytes());
        let t = script_t();
        assert_eq!(unpack(&t).unwrap(), b"{\"ab\":[\"1\",\"2\"]}");
    }

    fn script_t() -> Vec<u8> {
        script("t", "\"ab\"", b"{\"ab\":[\"1\",\"2\"]}")
    }
}
