//! Documents and files chibo writes and reads: one document model rendered as
//! Markdown, plain text and Word (PDF through LibreOffice), the roster and the reports
//! as Excel workbooks, the roster as CSV and JSON.

pub mod badges;
pub mod candidates;
pub mod csv;
pub mod document;
pub mod docx;
pub mod dues;
pub mod dues_sheet;
pub mod evaluation;
pub mod file;
pub mod grading;
pub mod members;
pub mod minutes;
pub mod pdf;
pub mod quality;
pub mod report;
pub mod resolution;
pub mod roster_import;
pub mod roster_xlsx;
pub mod sheet;
