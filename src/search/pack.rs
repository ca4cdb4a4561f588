//! The search index's files as they are stored: their JSON deflated
//! (zlib) and written as base64 in a script that registers it,
//! `DOSSIER_SEARCH.packed("e", 12, "eJz…");`. `search.js` inflates it with
//! the browser's `DecompressionStream`. On the benchmark corpus this
//! stores the entries and postings in 40 % of their JSON's bytes (base64
//! included).

/// How hard to deflate. Measured on the 10,000-page benchmark (entries
/// and postings, 300 MB of JSON): level 1 stores 45 %, level 2 40 %,
/// levels 3–4 39 % at 15 % more time than level 2.
const LEVEL: u32 = 2;

/// The script that registers `json` as part `key` (a JSON value: a
/// number or a string) of kind `kind` (`e` entries, `t` terms).
pub fn script(kind: &str, key: &str, json: &[u8]) -> Vec<u8> {
    let mut deflated = Vec::new();
    crate::zlib::deflate(LEVEL, json, &mut deflated);
    let head = format!("DOSSIER_SEARCH.packed(\"{kind}\",{key},\"");
    let mut out = Vec::with_capacity(head.len() + deflated.len() * 4 / 3 + 8);
    out.extend_from_slice(head.as_bytes());
    base64(&deflated, &mut out);
    out.extend_from_slice(b"\");\n");
    out
}

/// Standard base64 with padding, as `atob` reads it.
fn base64(bytes: &[u8], out: &mut Vec<u8>) {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]);
            } else {
                out.push(b'=');
            }
        }
    }
}

/// The JSON inside a script made by [`script`].
#[cfg(test)]
pub fn unpack(script: &[u8]) -> Option<Vec<u8>> {
    use std::io::Read;
    let text = std::str::from_utf8(script).ok()?;
    let start = text.rfind(",\"")? + 2;
    let end = start + text[start..].find('"')?;
    let bytes = unbase64(&text[start..end])?;
    let mut json = Vec::new();
    flate2::read::ZlibDecoder::new(bytes.as_slice())
        .read_to_end(&mut json)
        .ok()?;
    Some(json)
}

#[cfg(test)]
fn unbase64(s: &str) -> Option<Vec<u8>> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let s = s.trim_end_matches('=').as_bytes();
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    for chunk in s.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= value(c)? << (18 - 6 * i);
        }
        for i in 0..chunk.len().saturating_sub(1) {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        let enc = |b: &[u8]| {
            let mut out = Vec::new();
            base64(b, &mut out);
            String::from_utf8(out).unwrap()
        };
        assert_eq!(enc(b""), "");
        assert_eq!(enc(b"f"), "Zg==");
        assert_eq!(enc(b"fo"), "Zm8=");
        assert_eq!(enc(b"foo"), "Zm9v");
        assert_eq!(enc(b"foobar"), "Zm9vYmFy");
        assert_eq!(enc(&[0xfb, 0xff, 0xfe]), "+//+");
        for n in 0..40u8 {
            let bytes: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37)).collect();
            assert_eq!(unbase64(&enc(&bytes)).unwrap(), bytes);
        }
    }

    #[test]
    fn scripts_hold_their_json_deflated() {
        let json = "[[\"p\",3,\"#p-1\",\"Ходатайство о «мире» — 和平\"]]".repeat(50);
        let script = script("e", "12", json.as_bytes());
        let text = String::from_utf8(script.clone()).unwrap();
        assert!(
            text.starts_with("DOSSIER_SEARCH.packed(\"e\",12,\""),
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
