//! Where a render's finished files go: kept in memory and returned (for
//! `serve`, `check` and the tests), or handed at once to an [`Emit`]ter
//! (`build` writes each into its staging folder as it is made), with only
//! their paths kept. Either way the render is the same.

use super::{Emit, OutputFile};
use anyhow::Result;
use std::path::Path;

/// A render's files: those kept, and the paths of those emitted.
pub struct Out<'a> {
    emit: Option<&'a dyn Emit>,
    pub files: Vec<OutputFile>,
    pub emitted: Vec<String>,
}

/// One file, emitted (its path) or kept.
pub enum Placed {
    Emitted(String),
    Kept(OutputFile),
}

impl<'a> Out<'a> {
    pub fn new(emit: Option<&'a dyn Emit>) -> Self {
        Out {
            emit,
            files: Vec::new(),
            emitted: Vec::new(),
        }
    }

    /// Emits `file` now if there is an emitter; callable from any thread.
    pub fn place(&self, file: OutputFile) -> Result<Placed> {
        match self.emit {
            Some(e) => {
                e.emit(&file)?;
                Ok(Placed::Emitted(file.path))
            }
            None => Ok(Placed::Kept(file)),
        }
    }

    /// Records files placed elsewhere (by [`Self::place`]).
    pub fn record(&mut self, placed: Vec<Placed>) {
        for p in placed {
            match p {
                Placed::Emitted(path) => self.emitted.push(path),
                Placed::Kept(f) => self.files.push(f),
            }
        }
    }

    pub fn add(&mut self, file: OutputFile) -> Result<()> {
        let placed = self.place(file)?;
        self.record(vec![placed]);
        Ok(())
    }

    pub fn extend(&mut self, files: Vec<OutputFile>) -> Result<()> {
        for f in files {
            self.add(f)?;
        }
        Ok(())
    }

    /// Publishes the file at `from` at `path`: copied by the emitter, or
    /// read to be kept; callable from any thread.
    pub fn copy_or_read(&self, path: &str, from: &Path) -> Result<Placed> {
        match self.emit {
            Some(e) => {
                e.copy(path, from)?;
                Ok(Placed::Emitted(path.to_string()))
            }
            None => Ok(Placed::Kept(super::assets::read(path, from)?)),
        }
    }

    /// Every path, kept or emitted.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files
            .iter()
            .map(|f| f.path.as_str())
            .chain(self.emitted.iter().map(String::as_str))
    }
}
