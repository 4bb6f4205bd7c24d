//! A store error in the words a secretary understands, in the user's language.

use super::App;
use crate::i18n::{Lang, Msg};
use crate::store::StoreError;

impl App {
    /// A store error in the user's language.
    pub fn store_error(&self, e: &StoreError) -> String {
        store_error_text(e, self.lang)
    }
}

/// A store error as a user reads it.
pub fn store_error_text(e: &StoreError, lang: Lang) -> String {
    match e {
        StoreError::InUse(dir) => Msg::ErrInUse.fill(lang, &[("dir", &dir.display())]),
        StoreError::NoData(dir) => Msg::ErrNoData.fill(lang, &[("dir", &dir.display())]),
        StoreError::NotChibos(dir) => Msg::ErrNotChibos.fill(lang, &[("dir", &dir.display())]),
        StoreError::NotRegularFile(path) => {
            Msg::ErrNotRegularFile.fill(lang, &[("path", &path.display())])
        }
        StoreError::LinkRefused(path) => {
            Msg::ErrLinkRefused.fill(lang, &[("path", &path.display())])
        }
        StoreError::NotADirectory(path) => {
            Msg::ErrNotADirectory.fill(lang, &[("path", &path.display())])
        }
        StoreError::NewerSchema { found, supported } => {
            Msg::ErrNewerSchema.fill(lang, &[("found", found), ("supported", supported)])
        }
        StoreError::DiskFull => Msg::ErrDiskFull.get(lang).to_string(),
        StoreError::ReadOnly => Msg::ErrReadOnly.get(lang).to_string(),
        StoreError::WritesStopped => Msg::ErrWritesStopped.get(lang).to_string(),
        other => Msg::ErrStorage.fill(lang, &[("err", other)]),
    }
}
