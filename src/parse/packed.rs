//! Text kept deflated: a site holds every document's Markdown from the
//! parse to its page (see `Document::compact`), and prose deflates to a
//! third of its size at the fastest level.

use flate2::read::ZlibDecoder;
use std::io::Read;
use std::sync::Arc;

/// A text, deflated (zlib, level 1), shared.
#[derive(Clone, PartialEq, Eq)]
pub struct Packed(Arc<[u8]>);

impl Packed {
    pub fn new(text: &str) -> Packed {
        let mut out = Vec::new();
        crate::zlib::deflate(1, text.as_bytes(), &mut out);
        Packed(out.into())
    }

    /// The text again. What [`Packed::new`] deflated inflates; a text that
    /// would not (it cannot happen) comes back empty rather than stopping
    /// the build.
    pub fn text(&self) -> String {
        let mut out = String::new();
        if ZlibDecoder::new(&self.0[..])
            .read_to_string(&mut out)
            .is_err()
        {
            out.clear();
        }
        out
    }

    /// Bytes held.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Debug for Packed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Packed({} bytes)", self.0.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_come_back_whole_and_smaller() {
        let prose = "The committee met in Vladivostok in 2014; the treaty \
                     of 2001 was named again. Москва и Пекин. 北京。\n\n"
            .repeat(200);
        let p = Packed::new(&prose);
        assert_eq!(p.text(), prose);
        assert!(p.len() * 3 < prose.len(), "{} bytes", p.len());
        assert_eq!(Packed::new("").text(), "");
        assert_eq!(p.clone(), p);
    }
}
