//! chibo: the secretary's console for a party branch — roster, meetings, minutes,
//! resolutions and tasks, offline, keyboard only, in Vietnamese.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::panic))]

pub mod app;
pub mod cli;
pub mod command;
pub mod config;
pub mod demo;
pub mod domain;
pub mod editor;
pub mod export;
pub mod i18n;
pub mod keymap;
pub mod look;
pub mod settings;
pub mod store;
pub mod tui;
pub mod ui;
