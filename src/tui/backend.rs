//! crossterm's backend with a faster way of writing a frame: each cell's text goes
//! straight into the output, and a cursor move, a colour or an attribute is sent only
//! where it changes, as crossterm's own `draw` does, but without formatting every cell
//! as a command (that formatting was half of the first frame's drawing). The bytes sent
//! are the same as crossterm's. Everything but `draw` is crossterm's.

use std::io::{self, Write};

use crossterm::queue;
use crossterm::style::{
    Attribute, Color as CColor, Colors, SetAttribute, SetBackgroundColor, SetColors,
    SetForegroundColor, SetUnderlineColor,
};
use ratatui::backend::{Backend, ClearType, CrosstermBackend, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

pub struct FastBackend<W: Write> {
    inner: CrosstermBackend<W>,
}

impl<W: Write> FastBackend<W> {
    pub fn new(writer: W) -> Self {
        FastBackend {
            inner: CrosstermBackend::new(writer),
        }
    }
}

/// `ESC [ row ; column H`, both counted from 1, as crossterm's `MoveTo` writes it.
fn move_to(out: &mut impl Write, x: u16, y: u16) -> io::Result<()> {
    let mut buf = [0u8; 16];
    let mut n = 0;
    buf[n..n + 2].copy_from_slice(b"\x1b[");
    n += 2;
    n += decimal(&mut buf[n..], u32::from(y) + 1);
    buf[n] = b';';
    n += 1;
    n += decimal(&mut buf[n..], u32::from(x) + 1);
    buf[n] = b'H';
    n += 1;
    out.write_all(&buf[..n])
}

/// Writes `v` in decimal at the start of `out` (room for 5 digits); how many bytes.
fn decimal(out: &mut [u8], mut v: u32) -> usize {
    let mut digits = [0u8; 5];
    let mut len = 0;
    loop {
        digits[len] = b'0' + (v % 10) as u8;
        len += 1;
        v /= 10;
        if v == 0 || len == digits.len() {
            break;
        }
    }
    for i in 0..len {
        out[i] = digits[len - 1 - i];
    }
    len
}

/// The attributes that take `from` to `to`, in crossterm's order (ratatui's
/// `ModifierDiff`): what is removed first, then what is added.
fn modifiers(out: &mut impl Write, from: Modifier, to: Modifier) -> io::Result<()> {
    let removed = from - to;
    if removed.contains(Modifier::REVERSED) {
        queue!(out, SetAttribute(Attribute::NoReverse))?;
    }
    // bold and dim are both reset by the normal intensity, and what stays is set again
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        queue!(out, SetAttribute(Attribute::NormalIntensity))?;
        if to.contains(Modifier::DIM) {
            queue!(out, SetAttribute(Attribute::Dim))?;
        }
        if to.contains(Modifier::BOLD) {
            queue!(out, SetAttribute(Attribute::Bold))?;
        }
    }
    for (m, off) in [
        (Modifier::ITALIC, Attribute::NoItalic),
        (Modifier::UNDERLINED, Attribute::NoUnderline),
        (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
        (Modifier::HIDDEN, Attribute::NoHidden),
    ] {
        if removed.contains(m) {
            queue!(out, SetAttribute(off))?;
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        queue!(out, SetAttribute(Attribute::NoBlink))?;
    }
    let added = to - from;
    if added.contains(Modifier::REVERSED) {
        queue!(out, SetAttribute(Attribute::Reverse))?;
    }
    if added.contains(Modifier::BOLD) && !reset_intensity {
        queue!(out, SetAttribute(Attribute::Bold))?;
    }
    for (m, on) in [
        (Modifier::ITALIC, Attribute::Italic),
        (Modifier::UNDERLINED, Attribute::Underlined),
    ] {
        if added.contains(m) {
            queue!(out, SetAttribute(on))?;
        }
    }
    if added.contains(Modifier::DIM) && !reset_intensity {
        queue!(out, SetAttribute(Attribute::Dim))?;
    }
    for (m, on) in [
        (Modifier::CROSSED_OUT, Attribute::CrossedOut),
        (Modifier::HIDDEN, Attribute::Hidden),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink),
    ] {
        if added.contains(m) {
            queue!(out, SetAttribute(on))?;
        }
    }
    Ok(())
}

impl<W: Write> Backend for FastBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let out = &mut self.inner;
        let mut fg = Color::Reset;
        let mut bg = Color::Reset;
        let mut underline = Color::Reset;
        let mut modifier = Modifier::empty();
        let mut last: Option<(u16, u16)> = None;
        for (x, y, cell) in content {
            if !matches!(last, Some((lx, ly)) if x == lx + 1 && y == ly) {
                move_to(out, x, y)?;
            }
            last = Some((x, y));
            if cell.modifier != modifier {
                modifiers(out, modifier, cell.modifier)?;
                modifier = cell.modifier;
            }
            if cell.fg != fg || cell.bg != bg {
                queue!(
                    out,
                    SetColors(Colors::new(
                        cell.fg.into_crossterm(),
                        cell.bg.into_crossterm()
                    ))
                )?;
                fg = cell.fg;
                bg = cell.bg;
            }
            if cell.underline_color != underline {
                let colour = cell.underline_color.into_crossterm();
                queue!(out, SetUnderlineColor(colour))?;
                underline = cell.underline_color;
            }
            out.write_all(cell.symbol().as_bytes())?;
        }
        queue!(
            out,
            SetForegroundColor(CColor::Reset),
            SetBackgroundColor(CColor::Reset),
            SetUnderlineColor(CColor::Reset),
            SetAttribute(Attribute::Reset),
        )
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;
    use ratatui::text::Line;
    use ratatui::widgets::Paragraph;
    use ratatui::{Terminal, TerminalOptions, Viewport};

    /// What `draw` sends for `cells`, by our backend and by crossterm's.
    fn both(cells: &[(u16, u16, Cell)]) -> (String, String) {
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        FastBackend::new(&mut ours)
            .draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))
            .unwrap();
        CrosstermBackend::new(&mut theirs)
            .draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))
            .unwrap();
        (
            String::from_utf8(ours).unwrap(),
            String::from_utf8(theirs).unwrap(),
        )
    }

    #[test]
    fn cells_are_sent_as_crossterm_sends_them() {
        let styles = [
            Style::new(),
            Style::new().fg(Color::Indexed(15)).bg(Color::Indexed(4)),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            Style::new()
                .add_modifier(Modifier::DIM)
                .fg(Color::Rgb(1, 2, 3)),
            Style::new().add_modifier(Modifier::REVERSED | Modifier::ITALIC),
            Style::new()
                .add_modifier(Modifier::BOLD | Modifier::CROSSED_OUT | Modifier::SLOW_BLINK)
                .underline_color(Color::Red),
            Style::new().add_modifier(Modifier::HIDDEN),
            Style::new(),
        ];
        let words = ["Chi", " bộ", " họp", "—", "漢字", "x", "y", "🙂"];
        let mut cells = Vec::new();
        let mut x = 0;
        for (i, (style, word)) in styles.iter().zip(words).enumerate() {
            for ch in word.chars() {
                let mut cell = Cell::default();
                cell.set_char(ch).set_style(*style);
                // one word on another row, after a gap: the cursor must move
                let at = if i == 5 { (x + 3, 7) } else { (x, 2) };
                cells.push((at.0, at.1, cell));
                x += 1;
            }
        }
        let (ours, theirs) = both(&cells);
        assert_eq!(ours, theirs);
        assert!(ours.starts_with("\x1b[3;1HChi"), "{ours:?}");
        assert!(ours.contains("\x1b[8;"), "{ours:?}");
    }

    #[test]
    fn a_frame_is_the_same_bytes() {
        let draw = |f: &mut ratatui::Frame| {
            f.render_widget(
                Paragraph::new(vec![
                    Line::styled("Danh sách đảng viên", Style::new().bold()),
                    Line::styled("Nguyễn Văn Ánh  1978", Style::new().fg(Color::Yellow)),
                ]),
                f.area(),
            );
        };
        let viewport = || TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 30, 3)),
        };
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        Terminal::with_options(FastBackend::new(&mut ours), viewport())
            .unwrap()
            .draw(draw)
            .unwrap();
        Terminal::with_options(CrosstermBackend::new(&mut theirs), viewport())
            .unwrap()
            .draw(draw)
            .unwrap();
        assert!(String::from_utf8_lossy(&ours).contains("Nguyễn"));
        assert_eq!(ours, theirs);
    }

    #[test]
    fn positions_are_written_in_decimal() {
        let mut out = Vec::new();
        move_to(&mut out, 0, 0).unwrap();
        move_to(&mut out, 119, 39).unwrap();
        move_to(&mut out, u16::MAX - 1, 9).unwrap();
        assert_eq!(out, b"\x1b[1;1H\x1b[40;120H\x1b[10;65535H");
    }
}
