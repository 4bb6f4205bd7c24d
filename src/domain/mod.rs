//! Pure types and rules of the branch's work, with no I/O.

pub mod branch;
pub mod branch_grade;
pub mod calendar;
pub mod candidates;
pub mod discipline;
pub mod dues;
pub mod evaluation;
pub mod lunar;
pub mod meeting;
pub mod member;
pub mod month;
pub mod notebook;
pub mod quality;
pub mod record;
pub mod resolution;
pub mod review;
pub mod task;
pub mod text;
pub mod vote;
