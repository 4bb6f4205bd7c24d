//! PDF, made by LibreOffice from the Word document when it is installed: chibo has
//! no PDF writer of its own, so the PDF is the page Word or LibreOffice would print.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("LibreOffice is not installed")]
    NoLibreOffice,
    #[error("LibreOffice did not convert the document: {0}")]
    Failed(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Where LibreOffice's `soffice` is: `CHIBO_SOFFICE`, then the PATH, then the usual
/// install folders.
pub fn soffice() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CHIBO_SOFFICE").map(PathBuf::from) {
        return p.is_file().then_some(p);
    }
    let exe = if cfg!(windows) {
        "soffice.exe"
    } else {
        "soffice"
    };
    let on_path = std::env::var_os("PATH")
        .map(|paths| {
            std::env::split_paths(&paths)
                .map(|d| d.join(exe))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let usual = [
        "/usr/bin/soffice",
        "/usr/lib/libreoffice/program/soffice",
        "/opt/libreoffice/program/soffice",
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
    ]
    .map(PathBuf::from);
    on_path.into_iter().chain(usual).find(|p| p.is_file())
}

/// A file URL LibreOffice takes for its settings folder.
fn file_url(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    if s.starts_with('/') {
        format!("file://{s}")
    } else {
        format!("file:///{s}")
    }
}

/// Converts `bytes`, a file of kind `from` ("docx", "xlsx"), to `to` ("pdf", "csv") in
/// a temporary folder of its own, with a LibreOffice profile of its own (so an open
/// LibreOffice window neither blocks nor is disturbed).
pub fn convert(bytes: &[u8], from: &str, to: &str) -> Result<Vec<u8>, PdfError> {
    let soffice = soffice().ok_or(PdfError::NoLibreOffice)?;
    let dir = tempfile::Builder::new()
        .prefix("chibo-convert-")
        .tempdir()?;
    let input = dir.path().join(format!("document.{from}"));
    std::fs::write(&input, bytes)?;
    let out = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation={}",
            file_url(&dir.path().join("profile"))
        ))
        .args([
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            to,
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&input)
        .stdin(Stdio::null())
        .output()?;
    let output = dir
        .path()
        .join(format!("document.{}", to.split(':').next().unwrap_or(to)));
    match std::fs::read(&output) {
        Ok(b) if !b.is_empty() => Ok(b),
        _ => {
            let why = String::from_utf8_lossy(&out.stderr);
            let why = why
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("no output");
            Err(PdfError::Failed(why.trim().to_string()))
        }
    }
}

/// The PDF of a Word document.
pub fn from_docx(docx: &[u8]) -> Result<Vec<u8>, PdfError> {
    convert(docx, "docx", "pdf")
}
