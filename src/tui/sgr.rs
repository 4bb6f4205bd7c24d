//! The 8 colours of a limited terminal sent as the basic SGR codes (30–37, 40–47):
//! crossterm writes every colour as `38;5;N`, which the Linux console and older
//! terminals misread. A frame is written into memory and rewritten when it is flushed.

use std::io::{self, Write};

/// Rewrites `38;5;N` and `48;5;N` (N below 16) in the SGR sequences of `bytes` into
/// `3x` and `4x`; anything else passes as it is.
pub fn basic_sgr(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0x1b && bytes.get(i + 1) == Some(&b'[') {
            // parameters up to the final byte
            let start = i + 2;
            let mut end = start;
            while end < bytes.len() && (bytes[end].is_ascii_digit() || bytes[end] == b';') {
                end += 1;
            }
            if bytes.get(end) == Some(&b'm') {
                out.extend_from_slice(b"\x1b[");
                out.extend_from_slice(rewrite(&bytes[start..end]).as_bytes());
                out.push(b'm');
                i = end + 1;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

fn rewrite(params: &[u8]) -> String {
    let text = String::from_utf8_lossy(params);
    let p: Vec<&str> = text.split(';').collect();
    let mut out: Vec<String> = Vec::with_capacity(p.len());
    let mut i = 0;
    while i < p.len() {
        let base = match p[i] {
            "38" => Some(30),
            "48" => Some(40),
            _ => None,
        };
        if let Some(base) = base
            && p.get(i + 1) == Some(&"5")
            && let Some(n) = p.get(i + 2).and_then(|n| n.parse::<u8>().ok())
            && n < 16
        {
            out.push((base + n % 8).to_string());
            i += 3;
            continue;
        }
        out.push(p[i].to_string());
        i += 1;
    }
    out.join(";")
}

/// The terminal's output: with `basic` set, each frame's colours are rewritten into
/// the basic codes before they reach the terminal.
pub struct Output<W: Write> {
    inner: W,
    basic: bool,
    frame: Vec<u8>,
}

impl<W: Write> Output<W> {
    pub fn new(inner: W, basic: bool) -> Output<W> {
        Output {
            inner,
            basic,
            frame: Vec::new(),
        }
    }
}

impl<W: Write> Write for Output<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.basic {
            self.frame.extend_from_slice(buf);
            Ok(buf.len())
        } else {
            self.inner.write(buf)
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.basic && !self.frame.is_empty() {
            let out = basic_sgr(&self.frame);
            self.frame.clear();
            self.inner.write_all(&out)?;
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::{Backend, CrosstermBackend};
    use ratatui::buffer::Cell;
    use ratatui::style::Color;

    #[test]
    fn indexed_colours_become_basic_codes() {
        let got = basic_sgr(b"a\x1b[38;5;1mb\x1b[38;5;3;48;5;0mc\x1b[39;49md\x1b[1m");
        assert_eq!(got, b"a\x1b[31mb\x1b[33;40mc\x1b[39;49md\x1b[1m");
        // a cursor move and a 256-colour index are left alone
        let other = b"\x1b[5;10H\x1b[38;5;200m";
        assert_eq!(basic_sgr(other), other);
    }

    /// What the terminal receives when the limited theme's colours are drawn.
    fn sent(basic: bool) -> String {
        let mut out = Output::new(Vec::new(), basic);
        {
            let mut backend = CrosstermBackend::new(&mut out);
            let colours = [
                Color::Black,
                Color::Red,
                Color::Green,
                Color::Yellow,
                Color::Blue,
                Color::Magenta,
                Color::Cyan,
                Color::Gray,
            ];
            let cells: Vec<Cell> = colours
                .iter()
                .zip(colours.iter().rev())
                .map(|(fg, bg)| {
                    let mut c = Cell::new("x");
                    c.set_fg(*fg).set_bg(*bg);
                    c
                })
                .collect();
            backend
                .draw(cells.iter().enumerate().map(|(x, c)| (x as u16, 0, c)))
                .unwrap();
            Backend::flush(&mut backend).unwrap();
        }
        String::from_utf8(out.inner).unwrap()
    }

    #[test]
    fn the_limited_theme_sends_only_basic_colour_codes() {
        // crossterm alone sends indexed colours
        assert!(sent(false).contains("38;5;"));
        let basic = sent(true);
        assert!(
            !basic.contains("38;5") && !basic.contains("48;5"),
            "{basic:?}"
        );
        for code in ["31", "32", "33", "34", "35", "36", "37", "40", "47"] {
            assert!(basic.contains(code), "{code} in {basic:?}");
        }
    }
}
