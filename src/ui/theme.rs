//! Colours and styles, few and readable on a Linux console's 16 colours.

use ratatui::style::{Color, Modifier, Style};

pub fn header() -> Style {
    Style::new()
        .fg(Color::White)
        .bg(Color::Blue)
        .add_modifier(Modifier::BOLD)
}
pub fn tab_active() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD)
}
pub fn tab() -> Style {
    Style::new().fg(Color::White).bg(Color::DarkGray)
}
pub fn selected() -> Style {
    Style::new().fg(Color::Black).bg(Color::Cyan)
}
pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}
pub fn key() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}
pub fn title() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}
pub fn warn() -> Style {
    Style::new().fg(Color::Yellow)
}
pub fn error() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}
pub fn info() -> Style {
    Style::new().fg(Color::Green)
}
pub fn left_roster() -> Style {
    Style::new().fg(Color::DarkGray).add_modifier(Modifier::ITALIC)
}
pub fn focus_field() -> Style {
    Style::new().bg(Color::DarkGray).fg(Color::White)
}
