//! Documents and files chibo writes and reads: the roster as CSV and JSON.

pub mod members;
pub mod minutes;
pub mod report;
pub mod resolution;
