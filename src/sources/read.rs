//! Reading files safely: only regular files inside the content folder, of
//! bounded size, decoded whatever their encoding.
//!
//! - The walk follows no symbolic link out of the content folder, and none
//!   to a folder (no loops, no second copy of a tree); FIFOs, sockets and
//!   devices are skipped. Each skipped file is a warning naming it.
//! - A file larger than [`MAX_BYTES`] is an error, not a memory exhaustion.
//! - Text is UTF-8, or UTF-16 with a byte-order mark, or, when it is not
//!   valid UTF-8, a legacy encoding detected from its bytes (Windows-1252,
//!   KOI8-R, GBK, Shift_JIS…). The document is then read with a warning
//!   naming the encoding, never dropped. Line ends become `\n`.

use crate::diagnostics::Diagnostic;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest text dossier reads: far past any real article or book.
pub const MAX_BYTES: u64 = 64 << 20;

/// Reads a file as text: (text, warnings about how it was read).
pub fn read_text(path: &Path) -> Result<(String, Vec<Diagnostic>), Diagnostic> {
    let err = |msg: String| Diagnostic::error(path, 0, 0, msg);
    let meta = std::fs::metadata(path).map_err(|e| err(format!("cannot read file: {e}")))?;
    if !meta.is_file() {
        return Err(err(
            "not a regular file (a folder, FIFO, socket or device); skipped".into(),
        ));
    }
    if meta.len() > MAX_BYTES {
        return Err(err(format!(
            "the file is {} MB; dossier reads texts of up to {} MB",
            meta.len() >> 20,
            MAX_BYTES >> 20
        )));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    open(path)
        .and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| err(format!("cannot read file: {e}")))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(err(format!(
            "the file grew past {} MB while being read; skipped",
            MAX_BYTES >> 20
        )));
    }
    let (text, note) = decode(&bytes);
    let notes = note
        .map(|(line, col, msg)| Diagnostic::warning(path, line, col, msg))
        .into_iter()
        .collect();
    Ok((line_ends(text), notes))
}

/// Opens for reading without blocking on a FIFO swapped in after the check.
fn open(path: &Path) -> std::io::Result<std::fs::File> {
    let mut o = std::fs::OpenOptions::new();
    o.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NONBLOCK);
    }
    o.open(path)
}

/// Decodes bytes; the note says where UTF-8 failed and how it was read.
pub fn decode(bytes: &[u8]) -> (String, Option<(usize, usize, String)>) {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        let note = (enc != encoding_rs::UTF_8)
            .then(|| (0, 0, format!("read as {} (byte-order mark)", enc.name())));
        return (text.into_owned(), note);
    }
    match std::str::from_utf8(bytes) {
        Ok(t) => (t.to_string(), None),
        Err(e) => {
            let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let (line, col) = crate::diagnostics::line_col(good, good.len());
            let mut det = chardetng::EncodingDetector::new();
            det.feed(bytes, true);
            let enc = det.guess(None, false);
            let (text, _) = enc.decode_without_bom_handling(bytes);
            let msg = format!(
                "not valid UTF-8 (byte 0x{:02x}); read as {}: save the file as UTF-8 if that is wrong",
                bytes[e.valid_up_to()],
                enc.name()
            );
            (text.into_owned(), Some((line, col, msg)))
        }
    }
}

/// `\r\n` and lone `\r` become `\n`.
fn line_ends(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// What a walk found: the wanted files, the other files (assets, such as
/// images beside the texts), and a warning for every entry skipped for
/// safety. Sorted later by the caller.
#[derive(Debug, Default)]
pub struct Walked {
    pub files: Vec<PathBuf>,
    pub others: Vec<PathBuf>,
    pub warnings: Vec<Diagnostic>,
}

/// Collects the paths under `root`: those whose names pass `wanted`, and
/// the other regular files whose names `ignored` does not reject.
pub fn walk(
    root: &Path,
    wanted: &dyn Fn(&str) -> bool,
    ignored: &dyn Fn(&str) -> bool,
) -> std::io::Result<Walked> {
    let canonical_root = root.canonicalize()?;
    let mut files = Vec::new();
    let mut others = Vec::new();
    let mut warnings = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    let mut first = true;
    while let Some(dir) = stack.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if first => return Err(e),
            Err(e) => {
                warnings.push(Diagnostic::warning(
                    &dir,
                    0,
                    0,
                    format!("cannot read folder: {e}; skipped"),
                ));
                continue;
            }
        };
        first = false;
        for entry in entries {
            let entry = entry?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if ignored(&name) {
                continue;
            }
            let path = entry.path();
            let kind = entry.file_type()?;
            let skip = |why: String| Diagnostic::warning(&path, 0, 0, why);
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() {
                if wanted(&name) {
                    files.push(path);
                } else {
                    others.push(path);
                }
            } else if kind.is_symlink() {
                match path.canonicalize() {
                    Err(_) => warnings.push(skip("a symbolic link to nothing; skipped".into())),
                    Ok(t) if !t.starts_with(&canonical_root) => warnings.push(skip(format!(
                        "a symbolic link to {}, outside the content folder; not read",
                        t.display()
                    ))),
                    Ok(t) if t.is_dir() => {
                        warnings.push(skip("a symbolic link to a folder; not followed".into()))
                    }
                    Ok(t) if t.is_file() => {
                        if wanted(&name) {
                            files.push(path);
                        } else {
                            others.push(path);
                        }
                    }
                    Ok(_) => warnings.push(skip(
                        "a symbolic link to a FIFO, socket or device; skipped".into(),
                    )),
                }
            } else if wanted(&name) {
                warnings.push(skip(
                    "not a regular file (a FIFO, socket or device); skipped".into(),
                ));
            }
        }
    }
    Ok(Walked {
        files,
        others,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_encodings_are_detected_and_named() {
        // "Café crème à Noël" in Windows-1252.
        let latin = b"Caf\xe9 cr\xe8me \xe0 No\xebl, d\xe9j\xe0 vu.\n";
        let (t, note) = decode(latin);
        assert_eq!(t, "Café crème à Noël, déjà vu.\n");
        let (line, col, msg) = note.unwrap();
        assert_eq!((line, col), (1, 4));
        assert!(msg.contains("windows-1252"), "{msg}");
        // Russian in Windows-1251: "Москва и Пекин подписали договор".
        let (enc_bytes, _, _) =
            encoding_rs::WINDOWS_1251.encode("Москва и Пекин подписали договор о дружбе.");
        let (t, note) = decode(&enc_bytes);
        assert_eq!(t, "Москва и Пекин подписали договор о дружбе.");
        assert!(note.unwrap().2.contains("windows-1251"));
    }

    #[test]
    fn utf16_with_a_byte_order_mark() {
        let mut b = vec![0xff, 0xfe];
        for u in "Пекин, 1949".encode_utf16() {
            b.extend(u.to_le_bytes());
        }
        let (t, note) = decode(&b);
        assert_eq!(t, "Пекин, 1949");
        assert!(note.unwrap().2.contains("UTF-16LE"));
        assert_eq!(decode("\u{feff}a".as_bytes()), ("a".to_string(), None));
    }

    #[test]
    fn special_files_and_outside_links_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let c = dir.path().join("content");
        std::fs::create_dir(&c).unwrap();
        std::fs::write(dir.path().join("secret.txt"), "outside").unwrap();
        std::fs::write(c.join("a.txt"), "inside").unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), c.join("leak.txt")).unwrap();
        std::os::unix::fs::symlink("/dev/zero", c.join("zero.txt")).unwrap();
        std::os::unix::fs::symlink(c.join("a.txt"), c.join("alias.txt")).unwrap();
        std::os::unix::fs::symlink(&c, c.join("loop")).unwrap();
        let fifo = std::ffi::CString::new(c.join("pipe.txt").to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path; mkfifo touches nothing else.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
        let w = walk(&c, &|n| n.ends_with(".txt"), &|_| false).unwrap();
        let (mut files, warnings) = (w.files, w.warnings);
        files.sort();
        assert_eq!(files, [c.join("a.txt"), c.join("alias.txt")]);
        assert_eq!(warnings.len(), 4, "{warnings:?}");
        assert!(read_text(&c.join("pipe.txt")).is_err());
        assert!(read_text(Path::new("/dev/zero")).is_err());
    }
}
