//! A file of the site as the render stage hands it to the write stage:
//! kept whole ([`OutputFile`]) or given to an [`Emit`]ter as it is made.

use anyhow::Result;
use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

/// One file of the site, by its path relative to the output root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Contents,
}

impl OutputFile {
    pub fn new(path: impl Into<String>, bytes: impl IntoContents) -> Self {
        OutputFile {
            path: path.into(),
            bytes: bytes.into_contents(),
        }
    }
}

/// A file's contents in memory, shared (a page reused from the last build
/// is not copied): plain, or packed with LZ4 when it is kept between
/// builds. `serve` holds every file of the site; the packed pages take
/// about a third of the room (2.7 times less at 10,000 pages) and unpack
/// at about 2 GB/s when served.
#[derive(Clone)]
pub enum Contents {
    Plain(Arc<Vec<u8>>),
    Packed(Arc<Packed>),
}

/// Bytes packed as one LZ4 block, with their length.
pub struct Packed {
    block: Box<[u8]>,
    len: usize,
}

impl Contents {
    /// `bytes` as they will be held: packed when `kept` and packing saves
    /// at least an eighth, else plain ([`exact_if`] when `kept`).
    pub fn kept(kept: bool, bytes: Vec<u8>) -> Contents {
        if kept {
            let block = lz4_flex::block::compress(&bytes);
            if block.len() < bytes.len() - bytes.len() / 8 {
                return Contents::Packed(Arc::new(Packed {
                    block: block.into_boxed_slice(),
                    len: bytes.len(),
                }));
            }
        }
        Contents::Plain(Arc::new(exact_if(kept, bytes)))
    }

    /// The bytes, unpacked when packed.
    pub fn plain(&self) -> Cow<'_, [u8]> {
        match self {
            Contents::Plain(b) => Cow::Borrowed(b.as_slice()),
            Contents::Packed(p) => Cow::Owned(p.unpack()),
        }
    }

    /// The bytes, shared when plain.
    pub fn shared(&self) -> Arc<Vec<u8>> {
        match self {
            Contents::Plain(b) => Arc::clone(b),
            Contents::Packed(p) => Arc::new(p.unpack()),
        }
    }

    /// Their length, unpacked.
    pub fn len(&self) -> usize {
        match self {
            Contents::Plain(b) => b.len(),
            Contents::Packed(p) => p.len,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many bytes they take in memory.
    pub fn held(&self) -> usize {
        match self {
            Contents::Plain(b) => b.len(),
            Contents::Packed(p) => p.block.len(),
        }
    }

    /// Whether both are the same shared bytes (not merely equal ones).
    pub fn same(a: &Contents, b: &Contents) -> bool {
        match (a, b) {
            (Contents::Plain(x), Contents::Plain(y)) => Arc::ptr_eq(x, y),
            (Contents::Packed(x), Contents::Packed(y)) => Arc::ptr_eq(x, y),
            _ => false,
        }
    }
}

/// `bytes` in an allocation of exactly their size when `kept`: a page or
/// row kept for the next build (and served) would otherwise keep the spare
/// capacity it was written with (a template's output grows by doubling,
/// and shrinking in place does not give memory back). At 10,000 pages
/// `serve` held about 500 MB of it in document pages alone.
pub fn exact_if(kept: bool, bytes: Vec<u8>) -> Vec<u8> {
    if kept && bytes.capacity() > bytes.len() {
        bytes.as_slice().to_vec()
    } else {
        bytes
    }
}

impl Packed {
    fn unpack(&self) -> Vec<u8> {
        // The block was packed here from `len` bytes: it unpacks.
        lz4_flex::block::decompress(&self.block, self.len).unwrap_or_default()
    }
}

/// Equal when the bytes are: packing is deterministic, so two packed
/// files are compared as they are held.
impl PartialEq for Contents {
    fn eq(&self, other: &Contents) -> bool {
        match (self, other) {
            (Contents::Plain(x), Contents::Plain(y)) => x == y,
            (Contents::Packed(x), Contents::Packed(y)) => x.len == y.len && x.block == y.block,
            _ => self.len() == other.len() && self.plain() == other.plain(),
        }
    }
}

impl Eq for Contents {}

impl std::fmt::Debug for Contents {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Contents({} bytes)", self.len())
    }
}

/// What a file's contents can be made from.
pub trait IntoContents {
    fn into_contents(self) -> Contents;
}

impl IntoContents for Contents {
    fn into_contents(self) -> Contents {
        self
    }
}

impl IntoContents for Arc<Vec<u8>> {
    fn into_contents(self) -> Contents {
        Contents::Plain(self)
    }
}

impl IntoContents for Vec<u8> {
    fn into_contents(self) -> Contents {
        Contents::Plain(Arc::new(self))
    }
}

impl IntoContents for String {
    fn into_contents(self) -> Contents {
        self.into_bytes().into_contents()
    }
}

impl IntoContents for &str {
    fn into_contents(self) -> Contents {
        self.as_bytes().to_vec().into_contents()
    }
}

/// Takes finished files as they are made (from several threads).
pub trait Emit: Sync {
    fn emit(&self, file: &OutputFile) -> Result<()>;
    /// Publishes the file at `from` (beside the texts) at `path`.
    fn copy(&self, path: &str, from: &Path) -> Result<()>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_contents_are_packed_when_it_pays_and_read_back_the_same() {
        let page = "<p>the same paragraph again</p>\n".repeat(200).into_bytes();
        let kept = Contents::kept(true, page.clone());
        assert!(matches!(kept, Contents::Packed(_)));
        assert!(kept.held() < page.len() / 4);
        assert_eq!((kept.len(), &*kept.plain()), (page.len(), page.as_slice()));
        assert_eq!(
            kept,
            Contents::kept(false, page.clone()),
            "packed equals plain"
        );
        assert_ne!(kept, Contents::kept(true, b"other".repeat(300)));
        // Bytes without repeats (an xorshift sequence): LZ4 gains nothing.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let noise: Vec<u8> = (0..4096)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 32) as u8
            })
            .collect();
        assert!(
            matches!(Contents::kept(true, noise), Contents::Plain(_)),
            "no gain, kept plain"
        );
        assert!(matches!(
            Contents::kept(true, Vec::new()),
            Contents::Plain(_)
        ));
    }
}
