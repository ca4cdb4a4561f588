//! The labeller's scorer: a trained crfsuite model read once into plain
//! tables (each attribute's state weights, the label-to-label weights) and
//! Viterbi decoding over them. The `crfs` crate trains the model and reads
//! its file; tagging through its own tagger looked every attribute up in
//! the file's hash database and allocated one string per feature, which
//! came to a sixth of a build's time on a site with many footnotes.
//!
//! The scores are the same sums in the same order as `crfs`'s tagger, and
//! ties go to the first label as there, so the labels are the same.

use rustc_hash::FxHashMap;

/// A model's weights, ready to score a sequence.
pub struct Crf {
    /// Attribute name → its range in `state`.
    attrs: FxHashMap<Box<str>, (u32, u32)>,
    /// (label, weight) of every state feature, grouped by attribute.
    state: Vec<(u8, f64)>,
    /// `trans[i * labels + j]`: the weight of label `i` followed by `j`.
    trans: Vec<f64>,
    /// The labels' names, by their number in the model.
    pub labels: Vec<String>,
}

const CHUNK: usize = 12;
const FEATURE: usize = 20;

fn u32_at(buf: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(buf.get(at..at + 4)?.try_into().ok()?))
}

fn f64_at(buf: &[u8], at: usize) -> Option<f64> {
    Some(f64::from_le_bytes(buf.get(at..at + 8)?.try_into().ok()?))
}

impl Crf {
    /// Reads a crfsuite model file; `None` if it is not one.
    pub fn read(bytes: &[u8]) -> Option<Crf> {
        let model = crfs::Model::new(bytes).ok()?;
        let num_labels = model.num_labels() as usize;
        let num_attrs = model.num_attrs() as usize;
        if num_labels == 0 || num_labels > u8::MAX as usize {
            return None;
        }
        let labels = (0..num_labels as u32)
            .map(|i| model.to_label(i).map(str::to_string))
            .collect::<Option<Vec<_>>>()?;
        // The file header: magic, size, type, version, then the counts and
        // the chunks' offsets, each a little-endian u32.
        let num_features = u32_at(bytes, 16)? as usize;
        let off_features = u32_at(bytes, 28)? as usize;
        let mut trans = vec![0.0; num_labels * num_labels];
        let mut per_attr: Vec<Vec<(u8, f64)>> = vec![Vec::new(); num_attrs];
        for f in 0..num_features {
            let at = off_features + CHUNK + FEATURE * f;
            let kind = u32_at(bytes, at)?;
            let source = u32_at(bytes, at + 4)? as usize;
            let target = u32_at(bytes, at + 8)? as usize;
            let weight = f64_at(bytes, at + 12)?;
            if target >= num_labels {
                return None;
            }
            match kind {
                0 => per_attr.get_mut(source)?.push((target as u8, weight)),
                1 if source < num_labels => trans[source * num_labels + target] = weight,
                _ => return None,
            }
        }
        let mut attrs = FxHashMap::default();
        attrs.reserve(num_attrs);
        let mut state = Vec::with_capacity(per_attr.iter().map(Vec::len).sum());
        for (id, features) in per_attr.into_iter().enumerate() {
            let name = model.to_attr(id as u32)?;
            let start = state.len() as u32;
            state.extend(features);
            attrs.insert(name.into(), (start, state.len() as u32 - start));
        }
        Some(Crf {
            attrs,
            state,
            trans,
            labels,
        })
    }

    /// Adds the weights of attribute `name` (if the model knows it) to one
    /// token's scores.
    pub fn add(&self, name: &str, scores: &mut [f64]) {
        if let Some(&(start, len)) = self.attrs.get(name) {
            for &(label, weight) in &self.state[start as usize..(start + len) as usize] {
                scores[label as usize] += weight;
            }
        }
    }

    /// The best label sequence (label numbers) for `state`: the tokens'
    /// scores, `labels.len()` per token, one token after another.
    pub fn viterbi(&self, state: &[f64]) -> Vec<usize> {
        let l = self.labels.len();
        let n = state.len() / l;
        if n == 0 {
            return Vec::new();
        }
        let mut alpha = state[..l].to_vec();
        alpha.resize(n * l, 0.0);
        let mut back = vec![0usize; n * l];
        for t in 1..n {
            for j in 0..l {
                let mut best = f64::MIN;
                let mut from = 0;
                for i in 0..l {
                    let score = alpha[l * (t - 1) + i] + self.trans[i * l + j];
                    if best < score {
                        best = score;
                        from = i;
                    }
                }
                back[l * t + j] = from;
                alpha[l * t + j] = best + state[l * t + j];
            }
        }
        let mut labels = vec![0usize; n];
        let mut best = f64::MIN;
        for (i, &score) in alpha[l * (n - 1)..].iter().enumerate() {
            if best < score {
                best = score;
                labels[n - 1] = i;
            }
        }
        for t in (1..n).rev() {
            labels[t - 1] = back[l * t + labels[t]];
        }
        labels
    }
}
