//! A file of the site as the render stage hands it to the write stage:
//! kept whole ([`OutputFile`]) or given to an [`Emit`]ter as it is made.

use anyhow::Result;
use std::path::Path;
use std::sync::Arc;

/// One file of the site, by its path relative to the output root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    /// Shared: a page reused from the last build is not copied.
    pub bytes: Arc<Vec<u8>>,
}

impl OutputFile {
    pub fn new(path: impl Into<String>, bytes: impl IntoBytes) -> Self {
        OutputFile {
            path: path.into(),
            bytes: bytes.into_bytes(),
        }
    }
}

/// What a file's contents can be made from.
pub trait IntoBytes {
    fn into_bytes(self) -> Arc<Vec<u8>>;
}

impl IntoBytes for Arc<Vec<u8>> {
    fn into_bytes(self) -> Arc<Vec<u8>> {
        self
    }
}

impl IntoBytes for Vec<u8> {
    fn into_bytes(self) -> Arc<Vec<u8>> {
        Arc::new(self)
    }
}

impl IntoBytes for String {
    fn into_bytes(self) -> Arc<Vec<u8>> {
        Arc::new(self.into_bytes())
    }
}

impl IntoBytes for &str {
    fn into_bytes(self) -> Arc<Vec<u8>> {
        Arc::new(self.as_bytes().to_vec())
    }
}

/// Takes finished files as they are made (from several threads).
pub trait Emit: Sync {
    fn emit(&self, file: &OutputFile) -> Result<()>;
    /// Publishes the file at `from` (beside the texts) at `path`.
    fn copy(&self, path: &str, from: &Path) -> Result<()>;
}
