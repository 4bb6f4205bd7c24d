//! Documents and files chibo writes and reads: the roster as CSV, XLSX and JSON, the
//! minutes, resolutions and reports.

pub mod csv;
pub mod members;
pub mod minutes;
pub mod report;
pub mod resolution;
pub mod roster_import;
pub mod roster_xlsx;
pub mod sheet;
