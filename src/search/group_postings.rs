//! A group's postings in three flat arrays: the tokens' text, where each
//! token ends, and every posting. A site's groups hold millions of
//! (group, token) pairs, most with one or two postings; kept as a boxed
//! string and a boxed list each, they took about 64 bytes a pair in
//! allocations alone (`serve` keeps every group for its patches).

/// Token → (entry offset, weight), tokens in order, each token's postings
/// in id order.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct GroupPostings {
    /// The tokens, one after the other.
    text: Box<str>,
    /// Per token: the end of its text in `text` and of its postings in
    /// `lists`.
    ends: Box<[(u32, u32)]>,
    lists: Box<[(u32, u32)]>,
}

impl GroupPostings {
    /// From each token's postings (any order of tokens).
    pub fn new(map: impl IntoIterator<Item = (String, Vec<(u32, u32)>)>) -> Self {
        let mut tokens: Vec<(String, Vec<(u32, u32)>)> = map.into_iter().collect();
        tokens.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut text = String::with_capacity(tokens.iter().map(|(t, _)| t.len()).sum());
        let mut lists = Vec::with_capacity(tokens.iter().map(|(_, l)| l.len()).sum());
        let mut ends = Vec::with_capacity(tokens.len());
        for (t, list) in tokens {
            text.push_str(&t);
            lists.extend(list);
            ends.push((offset(text.len()), offset(lists.len())));
        }
        GroupPostings {
            text: text.into_boxed_str(),
            ends: ends.into_boxed_slice(),
            lists: lists.into_boxed_slice(),
        }
    }

    /// Each token with its postings, in token order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[(u32, u32)])> + '_ {
        let (mut text_at, mut list_at) = (0usize, 0usize);
        self.ends.iter().map(move |&(t, l)| {
            let (t, l) = (t as usize, l as usize);
            let item = (&self.text[text_at..t], &self.lists[list_at..l]);
            (text_at, list_at) = (t, l);
            item
        })
    }

    /// How many tokens.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

impl<'a> IntoIterator for &'a GroupPostings {
    type Item = (&'a str, &'a [(u32, u32)]);
    type IntoIter = Box<dyn Iterator<Item = Self::Item> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

/// Tokens, ends and postings as they are held, the numbers as varints:
/// ends as differences from the one before; each token's ids too, from
/// its first (ids and ends both rise), so most take one byte.
impl crate::memo::Pack for GroupPostings {
    fn pack_into(&self, w: &mut crate::memo::Writer) {
        w.str(&self.text);
        w.varint(offset(self.ends.len()));
        let mut before = (0, 0);
        for &(t, l) in self.ends.iter() {
            w.varint(t.wrapping_sub(before.0));
            w.varint(l.wrapping_sub(before.1));
            before = (t, l);
        }
        for (_, list) in self.iter() {
            let mut id = 0;
            for &(i, weight) in list {
                w.varint(i.wrapping_sub(id));
                w.varint(weight);
                id = i;
            }
        }
    }

    fn unpack_from(r: &mut crate::memo::Reader) -> Option<Self> {
        let text = r.str()?.into_boxed_str();
        let len = r.varint()? as usize;
        let mut ends = Vec::with_capacity(len.min(1 << 20));
        let mut before = (0u32, 0u32);
        for _ in 0..len {
            before = (
                before.0.wrapping_add(r.varint()?),
                before.1.wrapping_add(r.varint()?),
            );
            ends.push(before);
        }
        let total = ends.last().map_or(0, |e| e.1 as usize);
        let mut lists = Vec::with_capacity(total.min(1 << 24));
        let mut from = 0;
        for &(_, l) in &ends {
            let mut id = 0u32;
            for _ in from..l as usize {
                id = id.wrapping_add(r.varint()?);
                lists.push((id, r.varint()?));
            }
            from = from.max(l as usize);
        }
        let (ends, lists) = (ends.into_boxed_slice(), lists.into_boxed_slice());
        // Every end within what it ends in: `iter` slices by them.
        let mut before = (0, 0);
        let fits = ends.iter().all(|&(t, l)| {
            let ok = before.0 <= t && before.1 <= l && text.is_char_boundary(t as usize);
            before = (t, l);
            ok && (l as usize) <= lists.len()
        });
        (fits && r.is_done()).then_some(GroupPostings { text, ends, lists })
    }
}

/// A length within one group's postings (a group is one document's: far
/// below 4 GiB of tokens or postings).
fn offset(n: usize) -> u32 {
    u32::try_from(n).expect("a search group's postings fit in u32 offsets")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_come_back_in_order_with_their_postings() {
        let p = GroupPostings::new(vec![
            ("river".to_string(), vec![(2, 1), (5, 3)]),
            ("arctic".to_string(), vec![(0, 2)]),
            ("мост".to_string(), vec![(1, 1)]),
            ("b".to_string(), vec![]),
        ]);
        let got: Vec<(&str, &[(u32, u32)])> = p.iter().collect();
        assert_eq!(
            got,
            vec![
                ("arctic", &[(0, 2)][..]),
                ("b", &[][..]),
                ("river", &[(2, 1), (5, 3)][..]),
                ("мост", &[(1, 1)][..]),
            ]
        );
        assert_eq!(p.len(), 4);
        assert_eq!((&p).into_iter().count(), 4);
        assert!(GroupPostings::default().is_empty());
        assert_eq!(GroupPostings::default().iter().count(), 0);
    }
}
