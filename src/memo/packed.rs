//! Values packed while they are kept between builds: written to bytes
//! ([`Pack`]) and compressed with LZ4, then read back when a later build
//! needs them. `serve` keeps every search group of the site, though an
//! edit opens only a few; packed, they take about a third of the room.

use std::borrow::Cow;

/// A value that can be written to bytes and read back.
pub trait Pack: Sized {
    fn pack_into(&self, out: &mut Writer);
    /// `None` when the bytes are not what `pack_into` wrote.
    fn unpack_from(r: &mut Reader) -> Option<Self>;
}

/// A value as it is, or packed.
#[derive(Debug, Clone)]
pub enum Held<T> {
    Open(T),
    Packed { block: Box<[u8]>, len: usize },
}

impl<T: Pack + Clone + Default> Held<T> {
    /// `value`, packed when `pack`.
    pub fn new(value: T, pack: bool) -> Self {
        if !pack {
            return Held::Open(value);
        }
        let mut w = Writer(Vec::new());
        value.pack_into(&mut w);
        Held::Packed {
            block: lz4_flex::block::compress(&w.0).into_boxed_slice(),
            len: w.0.len(),
        }
    }

    /// The value, read back when packed.
    pub fn get(&self) -> Cow<'_, T> {
        match self {
            Held::Open(v) => Cow::Borrowed(v),
            Held::Packed { block, len } => {
                let bytes = lz4_flex::block::decompress(block, *len).unwrap_or_default();
                // Packed here by `new`: it reads back.
                Cow::Owned(T::unpack_from(&mut Reader(&bytes)).unwrap_or_default())
            }
        }
    }
}

/// Bytes being written: numbers as four bytes, texts with their length.
pub struct Writer(Vec<u8>);

impl Writer {
    pub fn u32(&mut self, n: u32) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }

    pub fn byte(&mut self, b: u8) {
        self.0.push(b);
    }

    /// A number in as few bytes as it needs, seven bits a byte (small
    /// numbers, such as the differences between sorted ids, take one).
    pub fn varint(&mut self, mut n: u32) {
        while n >= 0x80 {
            self.0.push((n as u8 & 0x7f) | 0x80);
            n >>= 7;
        }
        self.0.push(n as u8);
    }

    pub fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
}

/// Bytes being read, as [`Writer`] wrote them.
pub struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    pub fn u32(&mut self) -> Option<u32> {
        let (n, rest) = self.0.split_first_chunk::<4>()?;
        self.0 = rest;
        Some(u32::from_le_bytes(*n))
    }

    pub fn byte(&mut self) -> Option<u8> {
        let (b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(*b)
    }

    pub fn varint(&mut self) -> Option<u32> {
        let mut n: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            n |= u32::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    pub fn str(&mut self) -> Option<String> {
        let len = self.u32()? as usize;
        if len > self.0.len() {
            return None;
        }
        let (s, rest) = self.0.split_at(len);
        self.0 = rest;
        String::from_utf8(s.to_vec()).ok()
    }

    /// Whether every byte was read.
    pub fn is_done(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Default, PartialEq)]
    struct Pair(u32, String);

    impl Pack for Pair {
        fn pack_into(&self, w: &mut Writer) {
            w.u32(self.0);
            w.str(&self.1);
        }
        fn unpack_from(r: &mut Reader) -> Option<Self> {
            Some(Pair(r.u32()?, r.str()?))
        }
    }

    #[test]
    fn a_packed_value_reads_back_and_a_short_one_fails() {
        let v = Pair(7, "мост ".repeat(50));
        let held = Held::new(v.clone(), true);
        assert!(matches!(held, Held::Packed { .. }));
        assert_eq!(*held.get(), v);
        assert!(matches!(Held::new(v.clone(), false), Held::Open(_)));
        let mut short = Reader(&[1, 0, 0, 0, 9, 0, 0, 0, b'a']);
        assert_eq!(short.u32(), Some(1));
        assert_eq!(short.str(), None, "a text longer than the bytes left");
        assert_eq!(Reader(&[0xff, 0xfe]).u32(), None);
        let mut w = Writer(Vec::new());
        for n in [0, 1, 127, 128, 300, u32::MAX] {
            w.varint(n);
        }
        assert_eq!(w.0.len(), 1 + 1 + 1 + 2 + 2 + 5);
        let mut r = Reader(&w.0);
        let back: Vec<u32> = std::iter::from_fn(|| r.varint()).collect();
        assert_eq!(back, [0, 1, 127, 128, 300, u32::MAX]);
        assert_eq!(Reader(&[0x80, 0x80]).varint(), None, "cut short");
        assert_eq!(Reader(&[0xff; 6]).varint(), None, "too long");
    }
}
