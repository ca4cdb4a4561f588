//! What changed between two layouts of the search index, group by group
//! and token by token, for `index` to patch the postings with.

use super::index::Placed;
use super::{GroupPostings, Postings};
use std::collections::BTreeSet;

/// The tokens whose postings differ between two versions of a group at
/// the same place, each with its new postings (empty when it left).
pub(super) fn changed_tokens<'a>(
    old: &'a GroupPostings,
    new: &'a GroupPostings,
) -> Vec<(&'a str, &'a [(u32, u32)])> {
    let mut out = Vec::new();
    let (mut a, mut b) = (old.iter().peekable(), new.iter().peekable());
    loop {
        match (a.peek(), b.peek()) {
            (None, None) => break,
            (Some((t, _)), None) => {
                out.push((&**t, &[][..]));
                a.next();
            }
            (None, Some((t, ids))) => {
                out.push((&**t, &ids[..]));
                b.next();
            }
            (Some((ta, la)), Some((tb, lb))) => match ta.cmp(tb) {
                std::cmp::Ordering::Less => {
                    out.push((&**ta, &[][..]));
                    a.next();
                }
                std::cmp::Ordering::Greater => {
                    out.push((&**tb, &lb[..]));
                    b.next();
                }
                std::cmp::Ordering::Equal => {
                    if la != lb {
                        out.push((&**tb, &lb[..]));
                    }
                    a.next();
                    b.next();
                }
            },
        }
    }
    out
}

/// What changed between two layouts, place by place (postings are
/// written by a group's place, so every group after one added or taken
/// out changes).
pub(super) struct Changes<'a> {
    /// Groups that left, or moved.
    pub gone: Vec<&'a Placed>,
    /// A group edited in place: the same place and first id, another key.
    pub edited: Vec<(&'a Placed, &'a Placed)>,
    /// Groups that came, or moved.
    pub came: Vec<&'a Placed>,
    /// A group that only moved (the same group at the same place, another
    /// first id): its postings read as they did, and its ids are shifted
    /// ([`shift`]) after those of the groups that left are taken out and
    /// before those of the groups that came are put in.
    pub moved: Vec<(&'a Placed, &'a Placed)>,
}

/// The [`Changes`] from `old` to `new`; `None` when they are so many that
/// merging anew is cheaper.
pub(super) fn changes<'a>(old: &'a [Placed], new: &'a [Placed]) -> Option<Changes<'a>> {
    let mut out = Changes {
        gone: Vec::new(),
        edited: Vec::new(),
        came: Vec::new(),
        moved: Vec::new(),
    };
    for (a, b) in old.iter().zip(new) {
        if a.1 != b.1 && a.0 == b.0 {
            out.moved.push((a, b));
        } else if a.1 != b.1 {
            out.gone.push(a);
            out.came.push(b);
        } else if a.0 != b.0 {
            out.edited.push((a, b));
        }
    }
    out.gone.extend(old.iter().skip(new.len()));
    out.came.extend(new.iter().skip(old.len()));
    let n = out.gone.len() + out.came.len() + 2 * out.edited.len() + out.moved.len();
    (n <= 8.max(new.len() / 10)).then_some(out)
}

/// The first id of each group of `layout`, by its place.
pub(super) fn starts(layout: &[Placed]) -> Vec<u32> {
    layout.iter().map(|p| p.1 as u32).collect()
}

/// The changes to one token's postings.
#[derive(Default)]
pub(super) struct Edit {
    /// Id ranges taken out.
    pub out: Vec<(u32, u32)>,
    /// Postings put in, with absolute ids.
    pub put: Postings,
    /// Id ranges of groups that only moved, each with how far (see
    /// [`shift`]): shifted after the ranges `out` are taken out and before
    /// `put` is put in (each of those is disjoint; a moved range may
    /// overlap either). A move changes no block: postings are written by
    /// group and place.
    pub moves: Vec<(u32, u32, i64)>,
}

impl Edit {
    pub fn put(&mut self, start: u32, ids: &[(u32, u32)]) {
        self.put.extend(ids.iter().map(|&(id, w)| (id + start, w)));
    }

    /// Makes the edit on `list`, giving the blocks (by their first ids,
    /// `blocks`) it changed. Only the window of ids the edit touches is
    /// walked; the rest of the list stays where it is.
    pub fn apply(mut self, list: &mut Postings, blocks: &[u32]) -> BTreeSet<u32> {
        if !self.moves.is_empty() {
            let moves = std::mem::take(&mut self.moves);
            let put = std::mem::take(&mut self.put);
            let mut changed = self.apply(list, blocks);
            shift(list, &moves);
            let put = Edit {
                put,
                ..Edit::default()
            };
            changed.extend(put.apply(list, blocks));
            return changed;
        }
        let block_of = |id: u32| (blocks.partition_point(|&s| s <= id).max(1) - 1) as u32;
        self.out.sort_unstable();
        self.put.sort_unstable();
        let mut changed: BTreeSet<u32> = self.out.iter().map(|r| block_of(r.0)).collect();
        changed.extend(self.put.iter().map(|p| block_of(p.0)));
        let lo = self
            .out
            .iter()
            .map(|r| r.0)
            .chain(self.put.iter().map(|p| p.0))
            .min();
        let hi = self
            .out
            .iter()
            .map(|r| r.1)
            .chain(self.put.iter().map(|p| p.0 + 1))
            .max();
        let (Some(lo), Some(hi)) = (lo, hi) else {
            return changed;
        };
        let (a, b) = (
            list.partition_point(|p| p.0 < lo),
            list.partition_point(|p| p.0 < hi),
        );
        let taken_out = |id: u32| {
            let at = self.out.partition_point(|r| r.0 <= id);
            at > 0 && id < self.out[at - 1].1
        };
        let mut window = Vec::with_capacity(b - a + self.put.len());
        let mut put = self.put.iter().copied().peekable();
        for &p in list[a..b].iter().filter(|p| !taken_out(p.0)) {
            while let Some(q) = put.next_if(|q| q.0 < p.0) {
                window.push(q);
            }
            window.push(p);
        }
        window.extend(put);
        list.splice(a..b, window);
        changed
    }
}

/// The first id of each block of `layout` (see `search::layout`).
pub(super) fn blocks(layout: &[Placed]) -> Vec<u32> {
    let mut starts: Vec<u32> = layout
        .iter()
        .step_by(super::BLOCK)
        .map(|p| p.1 as u32)
        .collect();
    if starts.first() != Some(&0) {
        starts.insert(0, 0);
    }
    starts
}

/// Shifts the ids of `list` in each range `(from, to)` by its amount, for
/// groups that moved: in order, unless shifted ids pass others.
pub(super) fn shift(list: &mut Postings, moves: &[(u32, u32, i64)]) {
    // The postings each range holds are found before any is shifted (a
    // range's new ids may be another's old ones).
    let windows: Vec<(usize, usize, i64)> = moves
        .iter()
        .map(|&(from, to, by)| {
            let a = list.partition_point(|p| p.0 < from);
            (a, a + list[a..].partition_point(|p| p.0 < to), by)
        })
        .collect();
    for (a, b, by) in windows {
        for p in &mut list[a..b] {
            p.0 = (i64::from(p.0) + by) as u32;
        }
    }
    if !list.is_sorted_by_key(|p| p.0) {
        list.sort_unstable_by_key(|p| p.0);
    }
}

#[cfg(test)]
mod tests {
    use super::shift;

    #[test]
    fn groups_moved_one_into_another_s_old_place_shift_once() {
        // Two groups of 16 slots each move 16 later: the first into the
        // second's old place.
        let mut list = vec![(3, 1), (100, 1), (120, 2), (130, 1), (200, 1)];
        shift(&mut list, &[(100, 116, 16), (116, 132, 16)]);
        assert_eq!(list, [(3, 1), (116, 1), (136, 2), (146, 1), (200, 1)]);
        // Moves that pass each other leave the list sorted.
        let mut list = vec![(10, 1), (20, 1)];
        shift(&mut list, &[(10, 16, 20)]);
        assert_eq!(list, [(20, 1), (30, 1)]);
    }
}
