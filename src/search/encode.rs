//! How the index is written compactly: shard keys (file-name safe token
//! prefixes), entry ids delta-encoded in base 36, weights one digit each.

/// The shard of a token: its first two characters, made file-name safe.
pub fn shard_key(token: &str) -> String {
    shard_key_of(token, 2)
}

/// The key of a token's first `n` characters. A token of Chinese or
/// Japanese characters (a pair, see `analyze`) goes to one of 256 shards
/// by its first character's code point, `_h` and two hex digits: so a
/// Chinese text's thousands of pairs do not make thousands of files.
pub fn shard_key_of(token: &str, n: usize) -> String {
    if let Some(c) = token.chars().next().filter(|&c| super::analyze::is_cjk(c)) {
        return format!("_h{:02x}", c as u32 % 256);
    }
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

/// A token's postings as a shard holds them, in one segment per block of
/// entry ids (see `search::layout`): a segment's first id is written in
/// full, the others as the difference from the one before, in base 36,
/// comma-separated; segments are separated by `;`. Weights are one base-36
/// digit per posting. Each segment is kept on its own: an edit re-encodes
/// the segments of the blocks whose postings changed and keeps the others
/// as they are, so an edit costs one block's share of a common token, not
/// all of it; the token is written out only into its shard's file.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Encoded {
    /// Per segment: its block, its ids and its weights.
    segments: Vec<Segment>,
}

#[derive(Debug, Default, Clone, PartialEq)]
struct Segment {
    block: u32,
    ids: String,
    weights: String,
    /// Whether every weight is 1.
    ones: bool,
}

impl Segment {
    /// The postings of one block: the first id in full, the others as
    /// differences, weights one digit each.
    fn new(block: u32, list: &[(u32, u32)]) -> Segment {
        let mut seg = Segment {
            block,
            ones: true,
            ids: String::with_capacity(list.len() * 4),
            weights: String::with_capacity(list.len()),
        };
        let mut before = 0;
        for (n, &(id, w)) in list.iter().enumerate() {
            if n > 0 {
                seg.ids.push(',');
            }
            crate::chars::push_base36(&mut seg.ids, (id - before) as usize);
            before = id;
            let digit = char::from_digit(w.min(35), 36).unwrap_or('z');
            seg.ones &= digit == '1';
            seg.weights.push(digit);
        }
        // Kept by `serve` for the next build: the ids in an allocation of
        // their exact size (they were given four bytes each, most take
        // two; see `output::exact_if` for why a copy, not a shrink). The
        // weights take one byte each, as given.
        if seg.ids.capacity() > seg.ids.len() {
            seg.ids = seg.ids.as_str().into();
        }
        seg
    }
}

impl Encoded {
    /// Encodes `list` (sorted by id) in the blocks starting at `blocks`
    /// (ascending, the first 0), taking from `last` the segments of the
    /// blocks not in its set of changed blocks.
    pub fn new(
        list: &[(u32, u32)],
        blocks: &[u32],
        last: Option<(Encoded, &std::collections::BTreeSet<u32>)>,
    ) -> Encoded {
        let (mut kept, changed) = match last {
            Some((last, changed)) => (last.segments, Some(changed)),
            None => (Vec::new(), None),
        };
        let mut out = Encoded::default();
        let mut i = 0;
        while i < list.len() {
            let block = blocks.partition_point(|&s| s <= list[i].0).max(1) - 1;
            let end = blocks.get(block + 1).map_or(list.len(), |&next| {
                i + list[i..].partition_point(|p| p.0 < next)
            });
            let block = block as u32;
            let reused = changed
                .filter(|changed| !changed.contains(&block))
                .and_then(|_| kept.binary_search_by_key(&block, |s| s.block).ok())
                .map(|at| std::mem::take(&mut kept[at]));
            let segment = reused.unwrap_or_else(|| Segment::new(block, &list[i..end]));
            out.segments.push(segment);
            i = end;
        }
        out
    }

    /// Adds the postings of the next block (`list`, sorted by id, every id
    /// past those already held), written into the last segment: the form
    /// of a build that is never patched, which encodes block by block and
    /// keeps no lists. It writes what [`Encoded::new`] writes for the
    /// whole list.
    pub fn append(&mut self, block: u32, list: &[(u32, u32)]) {
        let seg = Segment::new(block, list);
        match self.segments.last_mut() {
            Some(last) => {
                last.ids.push(';');
                last.ids.push_str(&seg.ids);
                last.weights.push_str(&seg.weights);
                last.ones &= seg.ones;
            }
            None => self.segments.push(seg),
        }
    }

    /// Whether every weight is 1 (most paragraph postings): the weights
    /// are then left out, which the reader takes as all ones.
    fn ones(&self) -> bool {
        self.segments.iter().all(|s| s.ones)
    }

    /// How long [`Self::write_part`] writes for `term` (quoted as JSON).
    pub fn part_len(&self, json_term: &str) -> usize {
        let ids: usize = self.segments.iter().map(|s| s.ids.len()).sum();
        let separators = self.segments.len().saturating_sub(1);
        let weights = if self.ones() {
            0
        } else {
            self.segments.iter().map(|s| s.weights.len()).sum()
        };
        json_term.len() + ids + separators + weights + 8
    }

    /// Writes the token (`json_term`, quoted as JSON) with its postings:
    /// `"term":["ids","weights"]`.
    pub fn write_part(&self, json_term: &str, out: &mut Vec<u8>) {
        out.extend_from_slice(json_term.as_bytes());
        out.extend_from_slice(b":[\"");
        for (n, s) in self.segments.iter().enumerate() {
            if n > 0 {
                out.push(b';');
            }
            out.extend_from_slice(s.ids.as_bytes());
        }
        out.extend_from_slice(b"\",\"");
        if !self.ones() {
            for s in &self.segments {
                out.extend_from_slice(s.weights.as_bytes());
            }
        }
        out.extend_from_slice(b"\"]");
    }

    /// The token `term` with its postings, as its shard holds it.
    pub fn part(&self, term: &str) -> String {
        let json_term = serde_json::to_string(term).unwrap_or_default();
        let mut out = Vec::with_capacity(self.part_len(&json_term));
        self.write_part(&json_term, &mut out);
        String::from_utf8(out).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_keys_are_file_safe() {
        assert_eq!(shard_key("arctic"), "ar");
        assert_eq!(shard_key("x"), "x");
        assert_eq!(shard_key("éa"), "_e9a");
        assert_eq!(shard_key("北京"), "_h17");
        assert_eq!(shard_key_of("天然", 3), "_h29");
        assert_eq!(shard_key("москва"), "_43c_43e");
    }

    #[test]
    fn base36_numbers() {
        use crate::chars::base36;
        assert_eq!(base36(0), "0");
        assert_eq!(base36(35), "z");
        assert_eq!(base36(36), "10");
        assert_eq!(base36(usize::MAX), "3w5e11264sgsf");
    }

    #[test]
    fn ids_are_deltas_per_block_and_plain_weights_are_left_out() {
        let list = [(3, 1), (40, 1), (41, 1), (1030, 1), (1100, 1)];
        let blocks = [0, 1024, 2048];
        let e = Encoded::new(&list, &blocks, None);
        assert_eq!(e.part("w"), "\"w\":[\"3,11,1;sm,1y\",\"\"]");
        let weighed = Encoded::new(&[(3, 1), (40, 12)], &blocks, None);
        assert_eq!(weighed.part("w"), "\"w\":[\"3,11\",\"1c\"]");
        // Unchanged blocks are copied, changed ones encoded anew.
        let changed: std::collections::BTreeSet<u32> = [1].into();
        let edited = [(3, 1), (40, 1), (41, 1), (1030, 2)];
        let patched = Encoded::new(&edited, &blocks, Some((e.clone(), &changed)));
        assert_eq!(patched, Encoded::new(&edited, &blocks, None));
        let part = patched.part("w");
        assert_eq!(part.len(), patched.part_len("\"w\""));
    }

    #[test]
    fn appending_block_by_block_writes_what_the_whole_list_writes() {
        let list = [(3, 1), (40, 2), (1030, 1), (1100, 1), (2050, 7)];
        let blocks = [0, 1024, 2048];
        let mut streamed = Encoded::default();
        streamed.append(0, &list[..2]);
        streamed.append(1, &list[2..4]);
        streamed.append(2, &list[4..]);
        let whole = Encoded::new(&list, &blocks, None);
        assert_eq!(streamed.part("w"), whole.part("w"));
        assert_eq!(streamed.part_len("\"w\""), whole.part_len("\"w\""));
        let mut ones = Encoded::default();
        ones.append(0, &[(5, 1)]);
        ones.append(1, &[(1025, 1)]);
        assert_eq!(ones.part("w"), "\"w\":[\"5;sh\",\"\"]");
    }
}
