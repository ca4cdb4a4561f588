//! How the index is written compactly: shard keys (file-name safe token
//! prefixes), entry ids delta-encoded in base 36, weights one digit each.

/// The shard of a token: its first two characters, made file-name safe.
pub fn shard_key(token: &str) -> String {
    shard_key_of(token, 2)
}

/// The key of a token's first `n` characters.
pub fn shard_key_of(token: &str, n: usize) -> String {
    token
        .chars()
        .take(n)
        .map(|c| {
            if c.is_ascii_lowercase() || c.is_ascii_digit() {
                c.to_string()
            } else {
                format!("_{:x}", c as u32)
            }
        })
        .collect()
}

pub fn base36(n: usize) -> String {
    let mut out = String::new();
    push_base36(&mut out, n);
    out
}

/// Appends `n` in base 36 (digits, then lower-case letters).
fn push_base36(out: &mut String, mut n: usize) {
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
    out.extend(buf[i..].iter().map(|&b| b as char));
}

/// Entry ids, delta-encoded in base 36, comma-separated.
pub fn encode_ids(list: &[(u32, u32)]) -> String {
    let mut out = String::with_capacity(list.len() * 3);
    let mut last = 0;
    for (i, &(id, _)) in list.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_base36(&mut out, (id - last) as usize);
        last = id;
    }
    out
}

/// One base-36 digit per posting; empty when every weight is 1 (most
/// paragraph postings), which the reader takes as all ones.
pub fn encode_weights(list: &[(u32, u32)]) -> String {
    if list.iter().all(|&(_, w)| w == 1) {
        return String::new();
    }
    list.iter()
        .map(|&(_, w)| char::from_digit(w.min(35), 36).unwrap_or('z'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_keys_are_file_safe() {
        assert_eq!(shard_key("arctic"), "ar");
        assert_eq!(shard_key("x"), "x");
        assert_eq!(shard_key("éa"), "_e9a");
        assert_eq!(shard_key("北京"), "_5317_4eac");
    }

    #[test]
    fn base36_numbers() {
        assert_eq!(base36(0), "0");
        assert_eq!(base36(35), "z");
        assert_eq!(base36(36), "10");
        assert_eq!(base36(usize::MAX), "3w5e11264sgsf");
    }

    #[test]
    fn ids_are_deltas_and_plain_weights_are_left_out() {
        assert_eq!(encode_ids(&[(3, 1), (40, 1), (41, 2)]), "3,11,1");
        assert_eq!(encode_weights(&[(3, 1), (40, 1)]), "");
        assert_eq!(encode_weights(&[(3, 1), (40, 12)]), "1c");
    }
}
