//! Colours, styles and symbols, few and readable on a Linux console's 16 colours.
//!
//! Nothing is shown by colour alone: the selection is reversed video (and bold), so it
//! stays visible with `NO_COLOR` or on a monochrome terminal. A limited terminal
//! (`TERM` linux, vt100, vt220, dumb) or `--ascii` gets the ASCII theme: borders and
//! symbols the Linux console font holds, and at most the 8 basic colours.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

pub use crate::look::{Colours, Theme};

/// The styles and symbols of a [`Theme`]: the drawing code's side of it.
impl Theme {
    /// `c`, or nothing when colours are off; a bright colour becomes its basic one on
    /// an 8-colour terminal.
    fn c(self, c: Color) -> Option<Color> {
        match self.colours {
            Colours::Full => Some(c),
            Colours::None => None,
            Colours::Basic => Some(match c {
                Color::DarkGray => Color::Black,
                Color::White => Color::Gray,
                Color::LightRed => Color::Red,
                Color::LightGreen => Color::Green,
                Color::LightYellow => Color::Yellow,
                Color::LightBlue => Color::Blue,
                Color::LightMagenta => Color::Magenta,
                Color::LightCyan => Color::Cyan,
                other => other,
            }),
        }
    }

    fn style(self, fg: Option<Color>, bg: Option<Color>) -> Style {
        let mut s = Style::new();
        if let Some(fg) = fg.and_then(|c| self.c(c)) {
            s = s.fg(fg);
        }
        if let Some(bg) = bg.and_then(|c| self.c(c)) {
            s = s.bg(bg);
        }
        s
    }

    pub fn header(&self) -> Style {
        let s = self
            .style(Some(Color::White), Some(Color::Blue))
            .add_modifier(Modifier::BOLD);
        if self.colours == Colours::None {
            s.add_modifier(Modifier::REVERSED)
        } else {
            s
        }
    }
    pub fn tab_active(&self) -> Style {
        // reversed: black on yellow, and still marked without colours
        self.style(Some(Color::Yellow), Some(Color::Black))
            .add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    pub fn tab(&self) -> Style {
        self.style(Some(Color::White), Some(Color::DarkGray))
    }
    /// The selected row of a list: reversed video, so colours are not needed to see it.
    pub fn selected(&self) -> Style {
        let s = self
            .style(Some(Color::Cyan), Some(Color::Black))
            .add_modifier(Modifier::REVERSED);
        if self.colours == Colours::None {
            s.add_modifier(Modifier::BOLD)
        } else {
            s
        }
    }
    pub fn dim(&self) -> Style {
        // an 8-colour terminal has no grey: its text is left as it is
        match self.colours {
            Colours::Full => Style::new().fg(Color::DarkGray),
            _ => Style::new(),
        }
    }
    pub fn key(&self) -> Style {
        self.style(Some(Color::Yellow), None)
            .add_modifier(Modifier::BOLD)
    }
    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn warn(&self) -> Style {
        self.style(Some(Color::Yellow), None)
    }
    pub fn error(&self) -> Style {
        self.style(Some(Color::Red), None)
            .add_modifier(Modifier::BOLD)
    }
    pub fn info(&self) -> Style {
        self.style(Some(Color::Green), None)
    }
    pub fn left_roster(&self) -> Style {
        self.dim().add_modifier(Modifier::ITALIC)
    }
    /// The field being typed into: reversed, like the selection.
    pub fn focus_field(&self) -> Style {
        self.style(Some(Color::DarkGray), Some(Color::White))
            .add_modifier(Modifier::REVERSED)
    }

    /// The border of a dialog.
    pub fn border(&self) -> border::Set<'static> {
        if self.ascii {
            ASCII_BORDER
        } else {
            border::ROUNDED
        }
    }
}

/// The ASCII stand-in of a drawn symbol the Linux console font does not hold (box
/// drawing, blocks, arrows, marks); `None` for what it shows as it is.
pub fn ascii_for(symbol: &str) -> Option<char> {
    let mut chars = symbol.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    Some(match c {
        '─' | '━' | '┄' | '┈' | '╌' | '═' => '-',
        '│' | '┃' | '┆' | '┊' | '╎' | '║' => '|',
        '\u{2500}'..='\u{257f}' => '+',
        '█' | '▓' | '▒' => '#',
        '░' => '.',
        '⚑' | '⚠' => '!',
        '✓' | '✔' => 'x',
        '▶' | '▸' | '►' | '›' | '»' | '→' => '>',
        '◀' | '◂' | '‹' | '«' | '←' => '<',
        '…' => '~',
        '·' | '•' | '—' | '–' => '-',
        '“' | '”' => '"',
        '‘' | '’' => '\'',
        _ => return None,
    })
}

const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_decides_the_theme() {
        let t = |nc, term, a| Theme::for_terminal(nc, term, a);
        assert_eq!(t(false, Some("xterm-256color"), false), Theme::default());
        assert_eq!(
            t(true, Some("xterm-256color"), false).colours,
            Colours::None
        );
        assert!(!t(true, Some("xterm-256color"), false).ascii);
        assert_eq!(
            t(false, Some("linux"), false),
            Theme {
                colours: Colours::Basic,
                ascii: true
            }
        );
        assert_eq!(
            t(false, Some("vt100"), false),
            Theme {
                colours: Colours::None,
                ascii: true
            }
        );
        assert_eq!(t(false, Some("dumb"), false).colours, Colours::None);
        assert_eq!(
            t(false, Some("xterm"), true),
            Theme {
                colours: Colours::Basic,
                ascii: true
            }
        );
    }

    #[test]
    fn selection_is_reversed_whatever_the_colours() {
        for colours in [Colours::Full, Colours::Basic, Colours::None] {
            let th = Theme {
                colours,
                ascii: false,
            };
            assert!(th.selected().add_modifier.contains(Modifier::REVERSED));
            assert!(th.focus_field().add_modifier.contains(Modifier::REVERSED));
        }
        let none = Theme {
            colours: Colours::None,
            ascii: false,
        };
        assert_eq!(none.selected().fg, None);
        assert_eq!(none.selected().bg, None);
    }
}
