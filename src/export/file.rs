//! Files the application asks for (a document exported from a screen), written by the
//! edge — the terminal loop — exactly as the command line writes its `--out`: under a
//! folder only the owner may read, atomically (a full disk leaves no half file), never
//! over anything but a regular file.

use std::path::PathBuf;

use super::pdf::PdfError;
use crate::store::StoreError;

/// A file to write: `name` under `dir`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileWrite {
    pub dir: PathBuf,
    pub name: String,
    pub content: Content,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    Bytes(Vec<u8>),
    /// A Word document to be made into a PDF by LibreOffice first.
    PdfOf(Vec<u8>),
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Pdf(#[from] PdfError),
}

/// Writes the file; returns its path.
pub fn write(w: &FileWrite) -> Result<PathBuf, WriteError> {
    let path = w.dir.join(&w.name);
    let made;
    let bytes = match &w.content {
        Content::Bytes(b) => b.as_slice(),
        Content::PdfOf(docx) => {
            made = super::pdf::from_docx(docx)?;
            made.as_slice()
        }
    };
    crate::store::ensure_private_dir(&w.dir)?;
    crate::store::write_file_safely(&path, bytes)?;
    Ok(path)
}
