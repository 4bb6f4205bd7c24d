//! The export key on the screens (`w`): it asks for the format — for a document
//! Markdown, text, Word, and PDF where LibreOffice is installed; for the roster CSV,
//! Excel and JSON — preselecting the last one chosen, which the data keeps across
//! restarts (in `meta`, as `export_format` and `export_format_roster`). The file's
//! content is made here; the file is written by the edge ([`crate::tui::carry_out`])
//! with the command line's rules.

use super::form::{Field, FieldError, FieldId, Form, FormPurpose};
use super::{App, Ctx, Effect, Status};
use crate::domain::meeting::MeetingId;
use crate::domain::task::ResolutionId;
use crate::export::document::Document;
use crate::export::file::{Content, FileWrite, WriteError};
use crate::i18n::Msg;
use crate::store::{Records, StoreError};

/// What the export key was pressed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportTarget {
    Minutes(MeetingId),
    Resolution(ResolutionId),
    /// The roster, in roster order (the roster screen).
    Roster,
}

impl ExportTarget {
    /// Where the last format chosen for it is kept.
    fn preference(self) -> &'static str {
        match self {
            ExportTarget::Roster => "export_format_roster",
            _ => "export_format",
        }
    }
}

/// The formats, as the command line's `--format` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocFormat {
    Markdown,
    Text,
    Docx,
    Pdf,
    Csv,
    Xlsx,
    Json,
}

impl DocFormat {
    /// A document's formats (PDF where LibreOffice is installed).
    pub const DOCUMENT: [DocFormat; 4] = [
        DocFormat::Markdown,
        DocFormat::Text,
        DocFormat::Docx,
        DocFormat::Pdf,
    ];
    /// The roster's, as `export members` offers them.
    pub const ROSTER: [DocFormat; 3] = [DocFormat::Csv, DocFormat::Xlsx, DocFormat::Json];

    /// The `--format` name, which is also the file's extension.
    pub fn name(self) -> &'static str {
        match self {
            DocFormat::Markdown => "md",
            DocFormat::Text => "txt",
            DocFormat::Docx => "docx",
            DocFormat::Pdf => "pdf",
            DocFormat::Csv => "csv",
            DocFormat::Xlsx => "xlsx",
            DocFormat::Json => "json",
        }
    }

    pub fn label(self) -> Msg {
        match self {
            DocFormat::Markdown => Msg::FormatMarkdown,
            DocFormat::Text => Msg::FormatText,
            DocFormat::Docx => Msg::FormatDocx,
            DocFormat::Pdf => Msg::FormatPdf,
            DocFormat::Csv => Msg::FormatCsv,
            DocFormat::Xlsx => Msg::FormatXlsx,
            DocFormat::Json => Msg::FormatJson,
        }
    }

    fn content(self, doc: &Document) -> Content {
        match self {
            DocFormat::Markdown => Content::Bytes(doc.to_markdown().into_bytes()),
            DocFormat::Text => Content::Bytes(doc.to_text().into_bytes()),
            DocFormat::Docx => Content::Bytes(crate::export::docx::render(doc)),
            DocFormat::Pdf => Content::PdfOf(crate::export::docx::render(doc)),
            // not a document's format
            DocFormat::Csv | DocFormat::Xlsx | DocFormat::Json => {
                Content::Bytes(doc.to_markdown().into_bytes())
            }
        }
    }
}

/// A file name with its extension for `format` in place of `.md`.
fn with_extension(name: &str, format: DocFormat) -> String {
    let stem = name.strip_suffix(".md").unwrap_or(name);
    format!("{stem}.{}", format.name())
}

/// The formats offered: PDF only where LibreOffice was found.
fn offered_formats(target: ExportTarget, pdf: bool) -> Vec<DocFormat> {
    match target {
        ExportTarget::Roster => DocFormat::ROSTER.to_vec(),
        _ => DocFormat::DOCUMENT
            .into_iter()
            .filter(|f| *f != DocFormat::Pdf || pdf)
            .collect(),
    }
}

/// The form that asks for the format, the last one chosen preselected.
pub fn format_form(target: ExportTarget, ctx: &Ctx) -> Form {
    let offered = offered_formats(target, ctx.pdf);
    let last = ctx.store.preference(target.preference()).ok().flatten();
    let selected = offered
        .iter()
        .position(|f| Some(f.name()) == last.as_deref())
        .unwrap_or(0);
    let field = Field::choice(
        FieldId::Format,
        Msg::FieldFormat,
        offered.iter().map(|f| f.label()).collect(),
        selected,
    );
    Form::new(
        FormPurpose::Export(target),
        ctx.t(Msg::FormExport).to_string(),
        vec![field],
    )
}

impl App {
    /// The format chosen: remembered, the document built and handed to the edge.
    pub(super) fn submit_export_form(
        &mut self,
        form: &Form,
    ) -> Result<Result<String, FieldError>, StoreError> {
        let FormPurpose::Export(target) = form.purpose else {
            return Ok(Ok(String::new()));
        };
        let offered = offered_formats(target, self.pdf);
        let Some(format) = offered.get(form.choice(FieldId::Format)).copied() else {
            return Ok(Ok(String::new()));
        };
        self.store
            .save_preference(target.preference(), format.name())?;
        if target == ExportTarget::Roster {
            return Ok(self.export_roster(format));
        }
        let (doc, name, done) = match target {
            ExportTarget::Minutes(id) => {
                let meeting = self.full_meeting(id)?;
                let (tasks, resolutions) = (self.store.tasks()?, self.store.resolutions()?);
                let reviewed = crate::export::minutes::reviewed_at(&meeting, &tasks, &resolutions);
                let doc = crate::export::minutes::document(
                    &meeting,
                    self.roster.members(),
                    self.branch.as_ref(),
                    &reviewed,
                );
                (
                    doc,
                    super::meetings::minutes_file_name(&meeting),
                    Msg::Exported,
                )
            }
            ExportTarget::Resolution(id) => {
                let Some(r) = self.resolutions.get(id).cloned() else {
                    return Ok(Ok(String::new()));
                };
                let items: Vec<_> = self.resolutions.items(&r).into_iter().cloned().collect();
                let doc = crate::export::resolution::document(
                    &r,
                    &items,
                    self.roster.members(),
                    self.branch.as_ref(),
                );
                let name = format!(
                    "nghi-quyet-{}-{}.md",
                    r.year,
                    r.number.replace(['/', '\\', ' '], "-")
                );
                (doc, name, Msg::ExportedResolution)
            }
            ExportTarget::Roster => return Ok(Ok(String::new())),
        };
        self.effects.push(Effect::Write(
            FileWrite {
                dir: self.data_dir.join("exports"),
                name: with_extension(&name, format),
                content: format.content(&doc),
            },
            done,
        ));
        Ok(Ok(if format == DocFormat::Pdf {
            self.t(Msg::MakingPdf).to_string()
        } else {
            String::new()
        }))
    }

    /// The roster in roster order, as `export members` writes it.
    fn export_roster(&mut self, format: DocFormat) -> Result<String, FieldError> {
        let mut list = self.roster.members().to_vec();
        list.sort_by_cached_key(|m| m.sort_key());
        let today = self.today();
        let bytes = match format {
            DocFormat::Xlsx => {
                let branch = self.branch.as_ref().map(|b| b.name.as_str()).unwrap_or("");
                match crate::export::roster_xlsx::write(&list, branch, today, self.lang) {
                    Ok(b) => b,
                    Err(e) => {
                        self.status = Some(Status::Error(e.clone()));
                        return Ok(String::new());
                    }
                }
            }
            DocFormat::Json => crate::export::members::to_json(&list).into_bytes(),
            _ => crate::export::members::to_csv_in(&list, self.lang).into_bytes(),
        };
        self.effects.push(Effect::Write(
            FileWrite {
                dir: self.data_dir.join("exports"),
                name: format!("dang-vien-{}.{}", today.format("%Y-%m-%d"), format.name()),
                content: Content::Bytes(bytes),
            },
            Msg::ExportedRoster,
        ));
        Ok(String::new())
    }

    /// What writing a file came to, on the message line.
    pub fn written(&mut self, done: Msg, result: Result<std::path::PathBuf, WriteError>) {
        self.status = Some(match result {
            Ok(path) => Status::Info(done.fill(self.lang, &[("path", &path.display())])),
            Err(WriteError::Store(e)) => {
                Status::Error(Msg::SaveFailed.fill(self.lang, &[("err", &self.store_error(&e))]))
            }
            Err(WriteError::Pdf(crate::export::pdf::PdfError::NoLibreOffice)) => {
                Status::Error(self.t(Msg::CliNoLibreOffice).to_string())
            }
            Err(WriteError::Pdf(e)) => Status::Error(Msg::CliNoPdf.fill(self.lang, &[("err", &e)])),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_takes_the_extension_of_its_format() {
        assert_eq!(
            with_extension("bien-ban-2026-11-thuong-ky.md", DocFormat::Docx),
            "bien-ban-2026-11-thuong-ky.docx"
        );
        assert_eq!(
            with_extension("nghi-quyet-2026-12-NQ-CB.md", DocFormat::Pdf),
            "nghi-quyet-2026-12-NQ-CB.pdf"
        );
    }
}
