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
/// entry ids (see `search::layout`), segments separated by `;`. An id is
/// written by its group (the group's place in the layout) and its place in
/// the group, never as the number itself: `g.l` opens a group (`g` more
/// than the group before, or the group itself at a segment's start; `l`
/// the place), and a bare number is the next place in the same group, as
/// the difference from the one before; all in base 36, comma-separated.
/// The browser adds the group's first id from `meta.js`. So a group that
/// grows and moves the groups after it changes no other group's postings
/// (only `meta.js` and the entry chunks). Weights are one base-36 digit
/// per posting. Each segment is kept on its own: an edit re-encodes the
/// segments of the blocks whose postings changed and keeps the others as
/// they are, so an edit costs one block's share of a common token, not all
/// of it; the token is written out only into its shard's file.
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
    /// The postings of one block, each id by its group (of those starting
    /// at `starts`, ascending) and its place in it, weights one digit each.
    fn new(block: u32, list: &[(u32, u32)], starts: &[u32]) -> Segment {
        let mut seg = Segment {
            block,
            ones: true,
            ids: String::with_capacity(list.len() * 4),
            weights: String::with_capacity(list.len()),
        };
        // The group before (none at the start) and the place before.
        let mut group: Option<usize> = None;
        let mut before = 0;
        for (n, &(id, w)) in list.iter().enumerate() {
            if n > 0 {
                seg.ids.push(',');
            }
            let from = group.unwrap_or(0);
            // Ids ascend: the group is at or after the one before. A group
            // without entries shares its first id with the next; the last
            // group starting at or before the id holds it.
            let g = from + starts[from..].partition_point(|&s| s <= id).max(1) - 1;
            let place = id - starts.get(g).copied().unwrap_or(0);
            if group == Some(g) {
                crate::chars::push_base36(&mut seg.ids, (place - before) as usize);
            } else {
                crate::chars::push_base36(&mut seg.ids, g - from);
                seg.ids.push('.');
                crate::chars::push_base36(&mut seg.ids, place as usize);
                group = Some(g);
            }
            before = place;
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
    /// (ascending, the first 0), its ids by the groups starting at
    /// `starts`, taking from `last` the segments of the blocks not in its
    /// set of changed blocks. Says whether what it writes differs from
    /// `last`'s (always, without `last`): a group that only moved does not
    /// change it.
    pub fn new(
        list: &[(u32, u32)],
        blocks: &[u32],
        starts: &[u32],
        last: Option<(Encoded, &std::collections::BTreeSet<u32>)>,
    ) -> (Encoded, bool) {
        let (mut kept, changed) = match last {
            Some((last, changed)) => (last.segments, Some(changed)),
            None => (Vec::new(), None),
        };
        // Blocks encoded before: every block now either reuses its old
        // segment, is compared with it, or is new; as many, then the same.
        let was = kept.len();
        let mut differs = changed.is_none();
        let mut out = Encoded::default();
        let mut i = 0;
        while i < list.len() {
            let block = blocks.partition_point(|&s| s <= list[i].0).max(1) - 1;
            let end = blocks.get(block + 1).map_or(list.len(), |&next| {
                i + list[i..].partition_point(|p| p.0 < next)
            });
            let block = block as u32;
            let old = kept.binary_search_by_key(&block, |s| s.block).ok();
            let segment = match (changed, old) {
                (Some(changed), Some(at)) if !changed.contains(&block) => {
                    std::mem::take(&mut kept[at])
                }
                _ => {
                    let segment = Segment::new(block, &list[i..end], starts);
                    differs |= old.is_none_or(|at| kept[at] != segment);
                    segment
                }
            };
            out.segments.push(segment);
            i = end;
        }
        differs |= was != out.segments.len();
        (out, differs)
    }

    /// Adds the postings of the next block (`list`, sorted by id, every id
    /// past those already held; `starts`, the first ids of the groups so
    /// far), written into the last segment: the form
    /// of a build that is never patched, which encodes block by block and
    /// keeps no lists. It writes what [`Encoded::new`] writes for the
    /// whole list.
    pub fn append(&mut self, block: u32, list: &[(u32, u32)], starts: &[u32]) {
        let seg = Segment::new(block, list, starts);
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
    fn ids_are_written_by_group_and_place_and_plain_weights_are_left_out() {
        let list = [(3, 1), (40, 1), (41, 1), (1030, 1), (1100, 1)];
        let blocks = [0, 1024, 2048];
        // Four groups; the ids are in groups 0, 1, 1, 2 and 3.
        let starts = [0, 32, 1024, 1088];
        let (e, _) = Encoded::new(&list, &blocks, &starts, None);
        assert_eq!(e.part("w"), "\"w\":[\"0.3,1.8,1;2.6,1.c\",\"\"]");
        let (weighed, _) = Encoded::new(&[(3, 1), (40, 12)], &blocks, &starts, None);
        assert_eq!(weighed.part("w"), "\"w\":[\"0.3,1.8\",\"1c\"]");
        // Unchanged blocks are copied, changed ones encoded anew.
        let changed: std::collections::BTreeSet<u32> = [1].into();
        let edited = [(3, 1), (40, 1), (41, 1), (1030, 2)];
        let (patched, differs) =
            Encoded::new(&edited, &blocks, &starts, Some((e.clone(), &changed)));
        assert!(differs);
        assert_eq!(patched, Encoded::new(&edited, &blocks, &starts, None).0);
        let part = patched.part("w");
        assert_eq!(part.len(), patched.part_len("\"w\""));
    }

    #[test]
    fn groups_that_only_moved_write_the_same_postings() {
        let blocks = [0, 1024];
        let (e, _) = Encoded::new(&[(3, 1), (40, 1), (1030, 1)], &blocks, &[0, 32, 1024], None);
        // The first group grew by 16 slots: the second starts 16 later.
        let moved = [(3, 1), (56, 1), (1030, 1)];
        let changed: std::collections::BTreeSet<u32> = [0].into();
        let (again, differs) =
            Encoded::new(&moved, &blocks, &[0, 48, 1024], Some((e.clone(), &changed)));
        assert!(!differs);
        assert_eq!(again.part("w"), e.part("w"));
        // A posting gone, or a new block, is a change.
        let (fewer, differs) = Encoded::new(
            &moved[..2],
            &blocks,
            &[0, 48, 1024],
            Some((e.clone(), &[1].into())),
        );
        assert!(differs);
        assert_eq!(fewer.part("w"), "\"w\":[\"0.3,1.8\",\"\"]");
        // A group without entries shares its first id with the next one,
        // which holds the id.
        let (empty_first, _) = Encoded::new(&[(32, 1)], &blocks, &[0, 32, 32, 64], None);
        assert_eq!(empty_first.part("w"), "\"w\":[\"2.0\",\"\"]");
    }

    #[test]
    fn appending_block_by_block_writes_what_the_whole_list_writes() {
        let list = [(3, 1), (40, 2), (1030, 1), (1100, 1), (2050, 7)];
        let blocks = [0, 1024, 2048];
        let starts = [0, 16, 1024, 2048];
        let mut streamed = Encoded::default();
        streamed.append(0, &list[..2], &starts[..2]);
        streamed.append(1, &list[2..4], &starts[..3]);
        streamed.append(2, &list[4..], &starts);
        let (whole, _) = Encoded::new(&list, &blocks, &starts, None);
        assert_eq!(streamed.part("w"), whole.part("w"));
        assert_eq!(streamed.part_len("\"w\""), whole.part_len("\"w\""));
        let mut ones = Encoded::default();
        ones.append(0, &[(5, 1)], &starts);
        ones.append(1, &[(1025, 1)], &starts);
        assert_eq!(ones.part("w"), "\"w\":[\"0.5;2.1\",\"\"]");
    }
}
