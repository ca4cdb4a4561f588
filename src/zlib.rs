//! Deflating many small texts (kept Markdown, search index files) with one
//! compressor per thread: a new zlib stream allocates and zeroes its
//! window and hash tables (a few hundred kilobytes), which for texts of a
//! few kilobytes cost more than deflating them did.

use flate2::{Compress, Compression, FlushCompress, Status};
use std::cell::RefCell;

thread_local! {
    /// This thread's compressor and its level.
    static COMPRESSOR: RefCell<Option<(u32, Compress)>> = const { RefCell::new(None) };
}

/// `input` deflated as a zlib stream at `level` (0–9), appended to `out`.
/// The bytes are those a new `flate2::write::ZlibEncoder` at that level
/// writes.
pub fn deflate(level: u32, input: &[u8], out: &mut Vec<u8>) {
    COMPRESSOR.with(|cell| {
        let mut slot = cell.borrow_mut();
        let z = match &mut *slot {
            Some((l, z)) if *l == level => z,
            other => {
                &mut other
                    .insert((level, Compress::new(Compression::new(level), true)))
                    .1
            }
        };
        z.reset();
        out.reserve(input.len() / 3 + 64);
        // As `flate2::write::ZlibEncoder` does: the input, then the end of
        // the stream; each step again while the output was full.
        let mut flush = FlushCompress::None;
        loop {
            let (was_in, was_out) = (z.total_in(), z.total_out());
            let status = z.compress_vec(&input[was_in as usize..], out, flush);
            match status {
                Ok(Status::StreamEnd) => break,
                Ok(_) => {
                    if z.total_in() as usize == input.len() {
                        flush = FlushCompress::Finish;
                    }
                    let stuck = z.total_in() == was_in && z.total_out() == was_out;
                    if out.len() == out.capacity() || stuck {
                        out.reserve(out.capacity().max(64));
                    }
                }
                // A stream to a Vec cannot fail; if it did, the output is
                // left as far as it got, and the stream is made anew.
                Err(_) => {
                    *slot = None;
                    break;
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};

    fn reference(level: u32, input: &[u8]) -> Vec<u8> {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), Compression::new(level));
        z.write_all(input).unwrap();
        z.finish().unwrap()
    }

    #[test]
    fn the_same_bytes_as_a_new_stream_every_time() {
        let prose = "Москва и Пекин, 1949–2021; the treaty of 2001. 北京。 ".repeat(3000);
        let inputs: [&[u8]; 5] = [
            b"",
            b"a",
            prose.as_bytes(),
            &prose.as_bytes()[..999],
            b"end",
        ];
        for level in [1, 2, 1] {
            for input in inputs {
                let mut out = b"kept".to_vec();
                deflate(level, input, &mut out);
                assert_eq!(&out[..4], b"kept");
                assert_eq!(out[4..], reference(level, input)[..], "level {level}");
                let mut back = Vec::new();
                flate2::read::ZlibDecoder::new(&out[4..])
                    .read_to_end(&mut back)
                    .unwrap();
                assert_eq!(back, input);
            }
        }
    }
}
