//! Tests of the patched search index: patching equals merging anew.

use super::*;
use crate::search::encode::shard_key_of;
use crate::search::Entry;

fn group(words: &[&str]) -> Arc<Group> {
    let indexed = words
        .iter()
        .map(|text| {
            let entry = Entry {
                kind: "p",
                title: String::new(),
                url: String::new(),
                text: text.to_string(),
                parent: None,
                lang: None,
            };
            let terms = text.split(' ').map(|t| (t.to_string(), 1)).collect();
            (entry, terms)
        })
        .collect();
    Arc::new(Group::new(indexed, true))
}

type Groups = Vec<(u64, Arc<Group>)>;
type Edit = Box<dyn Fn(&mut Groups)>;

fn placed(groups: &[(u64, Arc<Group>)]) -> Vec<Placed> {
    crate::search::layout(groups.to_vec())
}

fn same(a: &Index, b: &Index) {
    let sorted = |i: &Index| -> Vec<(String, Postings)> {
        i.postings
            .iter()
            .map(|(t, p)| (t.clone(), p.list.clone()))
            .collect()
    };
    assert_eq!(sorted(a), sorted(b));
    assert_eq!(a.shards, b.shards);
}

/// The keys of the shards of `after` encoded again since `before`.
fn changed_shards<'a>(before: &BTreeMap<String, Arc<Shard>>, after: &'a Index) -> Vec<&'a str> {
    after
        .shards
        .iter()
        .filter(|(k, s)| before.get(*k).is_none_or(|old| !Arc::ptr_eq(old, s)))
        .map(|(k, _)| k.as_str())
        .collect()
}

#[test]
fn patching_equals_merging_anew() {
    let mut groups: Groups = (0..40)
        .map(|i| {
            let text = format!("alpha beta{} gamma{}", i % 7, i % 3);
            (i, group(&[&text, "alpha delta", "zeta"]))
        })
        .collect();
    let mut index = Index::update(None, placed(&groups));
    // Edits: groups change in place (one grows within its padding, so
    // nothing moves; one is emptied), one is added at the end, and the
    // first is removed, which moves every other.
    let edits: Vec<Edit> = vec![
        Box::new(|g| g[3] = (100, group(&["omega alpha"]))),
        Box::new(|g| g[5] = (101, group(&["alpha", "beta1", "new words here"]))),
        Box::new(|g| g[7] = (102, group(&["alpha delta"]))),
        Box::new(|g| g[39] = (103, group(&[]))),
        Box::new(|g| g.push((104, group(&["tail end alpha"])))),
        // "omega" was only in group 3: it leaves the index.
        Box::new(|g| g[3] = (105, group(&["alpha"]))),
        Box::new(|g| {
            g.remove(0);
        }),
    ];
    for (n, edit) in edits.iter().enumerate() {
        edit(&mut groups);
        let layout = placed(&groups);
        // All but the last edit (which moves every group) patch.
        assert_eq!(changes(&index.layout, &layout).is_some(), n < 6, "edit {n}");
        index = Index::update(Some(index), layout);
        same(&index, &Index::update(None, placed(&groups)));
    }
    assert!(!index.postings.contains_key("omega"));
}

#[test]
fn an_added_entry_encodes_only_its_tokens_shards() {
    let text = |i: usize| format!("alpha beta{} gamma{}", i % 7, i % 3);
    let mut groups: Groups = (0..40)
        .map(|i| (i as u64, group(&[&text(i), "alpha delta", "zeta"])))
        .collect();
    let before = Index::update(None, placed(&groups));
    let shards = before.shards.clone();
    groups[5] = (100, group(&[&text(5), "alpha delta", "zeta", "omega zeta"]));
    let after = Index::update(Some(before), placed(&groups));
    same(&after, &Index::update(None, placed(&groups)));
    let changed = changed_shards(&shards, &after);
    assert_eq!(changed, ["om", "ze"]);
}

#[test]
fn a_group_outgrowing_its_padding_is_patched_within_its_block() {
    // Each group has a token of its own (`q12`: shard `q1`).
    let text = |i: usize| format!("alpha beta{} gamma{} q{i}", i % 7, i % 3);
    let mut groups: Groups = (0..2400)
        .map(|i| (i as u64, group(&[&text(i), "alpha delta", "zeta"])))
        .collect();
    // Room for the first block to grow before the next multiple of
    // BLOCK_ALIGN.
    groups[0].1 = group(&["alpha"; 40]);
    let before = Index::update(None, placed(&groups));
    let far = before.layout[1200].1;
    let many: Vec<String> = (0..20).map(|n| format!("omega word{n}")).collect();
    let many: Vec<&str> = many.iter().map(String::as_str).collect();
    groups[10] = (10_000, group(&many));
    let layout = placed(&groups);
    assert_eq!(layout[1200].1, far, "later blocks stay");
    assert!(changes(&before.layout, &layout).is_some());
    assert_eq!(blocks(&layout), before.blocks);
    let shards = before.shards.clone();
    let after = Index::update(Some(before), layout);
    same(&after, &Index::update(None, placed(&groups)));
    // The groups it moved read as they did: only the shards of the grown
    // group's tokens are encoded again.
    let changed = changed_shards(&shards, &after);
    assert_eq!(changed, ["al", "be", "de", "ga", "om", "q1", "wo", "ze"]);
}

#[test]
fn a_large_shard_is_split_by_three_characters_in_order() {
    // Tokens of one two-character prefix, more than SPLIT_BYTES of them:
    // short ones, ones with a non-ASCII third character, many long ones.
    let mut terms: Vec<String> = vec!["ab".into(), "abé".into(), "abéa".into()];
    for i in 0..4000 {
        terms.push(format!("ab{}{i:04}", (b'a' + (i % 26) as u8) as char));
    }
    terms.sort();
    let blocks = [0u32];
    // Groups of 48 slots.
    let starts: Vec<u32> = (0..10).map(|g| g * 48).collect();
    let postings: Vec<Posted> = terms
        .iter()
        .map(|t| {
            let list: Postings = (0..12).map(|i| (i * 37, 1 + i % 3)).collect();
            let mut p = Posted {
                list,
                whole: true,
                ..Posted::default()
            };
            p.refresh(t, &blocks, &starts);
            p
        })
        .collect();
    let pairs: Vec<(&str, &Posted)> = terms.iter().map(String::as_str).zip(&postings).collect();
    let (shard, split) = encode_shard("ab", &pairs, None);
    assert!(split);
    // What it must be: each token's part, grouped by the file key of its
    // first three characters (two-character tokens stay in "ab"), files in
    // key order, tokens in order within a file.
    let mut expected: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (t, p) in &pairs {
        let k = if t.chars().count() > 2 {
            shard_key_of(t, 3)
        } else {
            "ab".to_string()
        };
        expected.entry(k).or_default().push(p.encoded.part(t));
    }
    assert!(expected.len() > 20);
    let expected: Vec<(String, Vec<u8>)> = expected
        .into_iter()
        .map(|(k, parts)| {
            let json = format!("{{{}}}", parts.join(","));
            (k, json.into_bytes())
        })
        .collect();
    let got: Vec<(String, Vec<u8>)> = shard
        .iter()
        .map(|(k, b)| {
            let head = format!("DOSSIER_SEARCH.packed7(\"t\",{k:?},\"");
            assert!(b.starts_with(head.as_bytes()));
            (k.clone(), crate::search::pack::unpack(b).unwrap())
        })
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn a_split_shard_encodes_again_only_the_files_of_changed_tokens() {
    // One two-character prefix with enough tokens to split its shard.
    let words: Vec<String> = (0..12000)
        .map(|i| format!("ab{}{i:05}", (b'a' + (i % 26) as u8) as char))
        .collect();
    let mut groups: Groups = words
        .chunks(100)
        .enumerate()
        .map(|(i, w)| (i as u64, group(&[&w.join(" ")])))
        .collect();
    let before = Index::update(None, placed(&groups));
    let files_before: Vec<(String, Arc<Vec<u8>>)> = before.shards["ab"].to_vec();
    assert!(files_before.len() > 20);
    // Group 4 gains a word in "abc…" and loses none: only that file changes.
    let mut edited = words[400..500].to_vec();
    edited.push("abcnew".to_string());
    groups[4] = (1000, group(&[&edited.join(" ")]));
    let after = Index::update(Some(before), placed(&groups));
    same(&after, &Index::update(None, placed(&groups)));
    let made: Vec<&str> = after.shards["ab"]
        .iter()
        .filter(|(k, b)| {
            !files_before
                .iter()
                .any(|(ok, ob)| ok == k && Arc::ptr_eq(ob, b))
        })
        .map(|(k, _)| k.as_str())
        .collect();
    assert_eq!(made, ["abc"]);
}

#[test]
fn moved_groups_patch_beside_groups_that_left_came_or_changed() {
    let text = |i: usize| format!("alpha beta{} gamma{} q{i}", i % 7, i % 3);
    let mut groups: Groups = (0..200)
        .map(|i| (i as u64, group(&[&text(i), "alpha delta", "zeta"])))
        .collect();
    let many = |w: &'static str, n: usize| group(&vec![w; n]);
    // Room for the first block to grow before the next multiple of
    // BLOCK_ALIGN.
    groups[0].1 = many("alpha", 40);
    let mut index = Index::update(None, placed(&groups));
    let edits: Vec<Edit> = vec![
        // One grows past its padding (moving the rest of its block) while
        // another changes.
        Box::new(move |g| {
            g[120] = (1000, many("grown alpha", 20));
            g[10] = (1001, group(&["other words"]));
        }),
        // One grows again while the last group leaves (its place is taken
        // by none) and one is added at the end.
        Box::new(move |g| {
            g[122] = (1002, many("again", 40));
            g.pop();
            g.push((1003, group(&["tail q5"])));
        }),
        // One shrinks: the groups after it move back.
        Box::new(move |g| g[120] = (1004, group(&["small"]))),
    ];
    for (n, edit) in edits.iter().enumerate() {
        edit(&mut groups);
        let layout = placed(&groups);
        let c = changes(&index.layout, &layout).expect("a patch");
        assert!(!c.moved.is_empty(), "edit {n} moves groups");
        index = Index::update(Some(index), layout);
        same(&index, &Index::update(None, placed(&groups)));
    }
}
