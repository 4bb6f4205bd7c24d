//! Terminal input read as bytes and parsed here, so that no sequence can hold the
//! keyboard: an unfinished escape sequence (`ESC [ ?` …) is dropped after a short
//! silence and the keys after it work; a bracketed paste is text and only text.
//!
//! crossterm's own parser waits for the final byte of a sequence however long it takes,
//! so one stray `ESC [ ?` swallowed every key until a `c` or `u` happened to be typed.
//! Its events become the application's own keys and mouse reports here, at the edge.
//!
//! Over 500 lines with its tests (the parser is under 470): each sequence it reads is
//! pinned by a case below.

use std::time::Duration;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::keymap::{Code, Key};

/// How long the rest of an escape sequence may take to come. Terminals send a whole
/// sequence in one write; this only has to outlast a slow connection's gap.
pub const SEQUENCE_TIMEOUT: Duration = Duration::from_millis(80);
/// A paste whose end marker never comes ends after this much silence.
pub const PASTE_TIMEOUT: Duration = Duration::from_secs(1);

const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// Bytes in, events out.
#[derive(Debug, Default)]
pub struct Parser {
    buf: Vec<u8>,
    /// Inside a bracketed paste: its bytes so far.
    paste: Option<Vec<u8>>,
    /// Part of the paste was handed on already (after a silence inside it).
    paste_flushed: bool,
}

enum Step {
    /// An event, and how many bytes it took.
    Event(Event, usize),
    /// Bytes that mean nothing to chibo (a terminal report, an unknown sequence).
    Skip(usize),
    /// The start of a paste, its marker's length.
    PasteStart(usize),
    /// The sequence is not complete yet.
    Incomplete,
}

impl Parser {
    /// Parses `bytes` after what came before; pushes every complete event to `out`.
    pub fn feed(&mut self, bytes: &[u8], out: &mut Vec<Event>) {
        self.buf.extend_from_slice(bytes);
        self.parse(out, false);
    }

    /// How long to wait for more bytes before `idle` should be called; `None` when
    /// nothing is waiting to be completed.
    pub fn wait(&self) -> Option<Duration> {
        match &self.paste {
            Some(p) if !p.is_empty() || !self.buf.is_empty() => Some(SEQUENCE_TIMEOUT),
            Some(_) => Some(PASTE_TIMEOUT),
            None if self.buf.is_empty() => None,
            None => Some(SEQUENCE_TIMEOUT),
        }
    }

    /// Nothing came for the time `wait` said: a lone ESC is the Esc key, an unfinished
    /// sequence is dropped, a paste's text so far is handed on (its end may still come;
    /// after a longer silence the paste is over).
    pub fn idle(&mut self, out: &mut Vec<Event>) {
        if let Some(p) = self.paste.as_mut() {
            if p.is_empty() && self.buf.is_empty() {
                self.paste = None;
                self.paste_flushed = false;
                return;
            }
            // what looked like the start of the end marker was text after all
            p.append(&mut self.buf);
            let text = take_text(p, false);
            if !text.is_empty() {
                out.push(Event::Paste(text));
            }
            self.paste_flushed = true;
            return;
        }
        self.parse(out, true);
    }

    fn parse(&mut self, out: &mut Vec<Event>, idle: bool) {
        let mut i = 0;
        loop {
            if let Some(p) = self.paste.as_mut() {
                let rest = &self.buf[i..];
                match find(rest, PASTE_END) {
                    Some(pos) => {
                        p.extend_from_slice(&rest[..pos]);
                        let text = take_text(p, true);
                        if !text.is_empty() || !self.paste_flushed {
                            out.push(Event::Paste(text));
                        }
                        self.paste = None;
                        self.paste_flushed = false;
                        i += pos + PASTE_END.len();
                        continue;
                    }
                    None => {
                        // keep a possible beginning of the end marker for the next bytes
                        let keep = partial_suffix(rest, PASTE_END);
                        p.extend_from_slice(&rest[..rest.len() - keep]);
                        i = self.buf.len() - keep;
                        break;
                    }
                }
            }
            if i >= self.buf.len() {
                break;
            }
            match step(&self.buf[i..], idle) {
                Step::Event(ev, n) => {
                    out.push(ev);
                    i += n;
                }
                Step::Skip(n) => i += n,
                Step::PasteStart(n) => {
                    self.paste = Some(Vec::new());
                    self.paste_flushed = false;
                    i += n;
                }
                Step::Incomplete if idle => {
                    // an unfinished sequence after a silence: dropped whole; what
                    // follows it is read afresh
                    i += incomplete_len(&self.buf[i..]);
                }
                Step::Incomplete => break,
            }
        }
        self.buf.drain(..i);
    }
}

/// The valid UTF-8 text of `bytes` (all of it, or up to a letter cut in two), removed
/// from `bytes`.
fn take_text(bytes: &mut Vec<u8>, all: bool) -> String {
    let cut = match std::str::from_utf8(bytes) {
        Ok(_) => bytes.len(),
        Err(e) if e.error_len().is_none() && !all => e.valid_up_to(),
        Err(_) => bytes.len(),
    };
    let text = String::from_utf8_lossy(&bytes[..cut]).into_owned();
    bytes.drain(..cut);
    text
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// How many bytes at the end of `hay` begin `marker`.
fn partial_suffix(hay: &[u8], marker: &[u8]) -> usize {
    (1..marker.len())
        .rev()
        .find(|&n| hay.len() >= n && hay[hay.len() - n..] == marker[..n])
        .unwrap_or(0)
}

/// The length of the unfinished sequence at the start of `buf` (at least one byte).
fn incomplete_len(buf: &[u8]) -> usize {
    if buf.first() != Some(&0x1b) {
        // a letter cut in two: one byte
        return 1;
    }
    // ESC, its introducer, and the parameter bytes that came
    let mut n = 1;
    if matches!(buf.get(1), Some(b'[' | b'O')) {
        n = 2;
        while buf.get(n).is_some_and(|b| (0x20..=0x3f).contains(b)) {
            n += 1;
        }
    }
    n
}

fn key(code: KeyCode, mods: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, mods))
}

fn plain(code: KeyCode) -> Event {
    key(code, KeyModifiers::NONE)
}

fn step(buf: &[u8], idle: bool) -> Step {
    match buf[0] {
        0x1b => escape(buf, idle),
        b'\r' => Step::Event(plain(KeyCode::Enter), 1),
        b'\t' => Step::Event(plain(KeyCode::Tab), 1),
        0x7f => Step::Event(plain(KeyCode::Backspace), 1),
        0 => Step::Event(key(KeyCode::Char(' '), KeyModifiers::CONTROL), 1),
        c @ 0x01..=0x1a => Step::Event(
            key(KeyCode::Char((c - 1 + b'a') as char), KeyModifiers::CONTROL),
            1,
        ),
        c @ 0x1c..=0x1f => Step::Event(
            key(
                KeyCode::Char((c - 0x1c + b'4') as char),
                KeyModifiers::CONTROL,
            ),
            1,
        ),
        _ => utf8(buf),
    }
}

fn utf8(buf: &[u8]) -> Step {
    let len = match buf[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Step::Skip(1),
    };
    if buf.len() < len {
        // the rest of the letter may still come, unless what came already is wrong
        return if buf[1..].iter().all(|b| (0x80..=0xbf).contains(b)) {
            Step::Incomplete
        } else {
            Step::Skip(1)
        };
    }
    match std::str::from_utf8(&buf[..len])
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) => {
            let mods = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            Step::Event(key(KeyCode::Char(c), mods), len)
        }
        None => Step::Skip(1),
    }
}

fn escape(buf: &[u8], idle: bool) -> Step {
    let Some(&second) = buf.get(1) else {
        // a lone ESC is the Esc key once nothing follows it for a moment
        return if idle {
            Step::Event(plain(KeyCode::Esc), 1)
        } else {
            Step::Incomplete
        };
    };
    match second {
        b'[' => csi(buf),
        b'O' => match buf.get(2) {
            None => Step::Incomplete,
            Some(&c) => match ss3(c) {
                Some(code) => Step::Event(plain(code), 3),
                None => Step::Skip(3),
            },
        },
        0x1b => Step::Event(plain(KeyCode::Esc), 1),
        _ => match step(&buf[1..], idle) {
            Step::Event(Event::Key(mut k), n) => {
                k.modifiers |= KeyModifiers::ALT;
                Step::Event(Event::Key(k), n + 1)
            }
            Step::Event(ev, n) => Step::Event(ev, n + 1),
            Step::Skip(n) => Step::Skip(n + 1),
            other => other,
        },
    }
}

/// The application's own mouse report for one of crossterm's: the left button pressed
/// and the wheel; nothing for the rest.
pub(super) fn mouse(ev: MouseEvent) -> Option<crate::app::mouse::MouseEvent> {
    use crate::app::mouse::MouseKind;
    let kind = match ev.kind {
        MouseEventKind::Down(MouseButton::Left) => MouseKind::Click,
        MouseEventKind::ScrollUp => MouseKind::WheelUp,
        MouseEventKind::ScrollDown => MouseKind::WheelDown,
        _ => return None,
    };
    Some(crate::app::mouse::MouseEvent {
        kind,
        column: ev.column,
        row: ev.row,
    })
}

/// Our key for one of crossterm's; `None` for releases and keys chibo does not use.
pub(super) fn key_of(ev: &KeyEvent) -> Option<Key> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    let code = match ev.code {
        KeyCode::Char(c) => Code::Char(c),
        KeyCode::Enter => Code::Enter,
        KeyCode::Esc => Code::Esc,
        KeyCode::Tab => Code::Tab,
        KeyCode::BackTab => Code::BackTab,
        KeyCode::Backspace => Code::Backspace,
        KeyCode::Delete => Code::Delete,
        KeyCode::Insert => Code::Insert,
        KeyCode::Home => Code::Home,
        KeyCode::End => Code::End,
        KeyCode::PageUp => Code::PageUp,
        KeyCode::PageDown => Code::PageDown,
        KeyCode::Up => Code::Up,
        KeyCode::Down => Code::Down,
        KeyCode::Left => Code::Left,
        KeyCode::Right => Code::Right,
        KeyCode::F(n) => Code::F(n),
        _ => return None,
    };
    let m = ev.modifiers;
    Some(
        Key {
            code,
            ctrl: m.contains(KeyModifiers::CONTROL),
            alt: m.contains(KeyModifiers::ALT),
            shift: m.contains(KeyModifiers::SHIFT),
        }
        .normalized(),
    )
}

/// A mouse report in the SGR form, `ESC [ < button ; column ; row M` (pressed) or `m`
/// (released), columns and rows counted from 1. Only what chibo uses comes through:
/// the left button pressed and the wheel; anything else is dropped.
fn sgr_mouse(params: &str, last: u8) -> Option<MouseEvent> {
    let mut nums = params.split(';').map(|p| p.parse::<u16>().ok());
    let (button, column, row) = (nums.next()??, nums.next()??, nums.next()??);
    if nums.next().is_some() || column == 0 || row == 0 {
        return None;
    }
    let mut modifiers = KeyModifiers::NONE;
    if button & 4 != 0 {
        modifiers |= KeyModifiers::SHIFT;
    }
    if button & 8 != 0 {
        modifiers |= KeyModifiers::ALT;
    }
    if button & 16 != 0 {
        modifiers |= KeyModifiers::CONTROL;
    }
    let kind = match (button & !(4 | 8 | 16), last) {
        (0, b'M') => MouseEventKind::Down(MouseButton::Left),
        (64, b'M') => MouseEventKind::ScrollUp,
        (65, b'M') => MouseEventKind::ScrollDown,
        _ => return None,
    };
    Some(MouseEvent {
        kind,
        column: column - 1,
        row: row - 1,
        modifiers,
    })
}

fn ss3(c: u8) -> Option<KeyCode> {
    Some(match c {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(1 + c - b'P'),
        _ => return None,
    })
}

/// `ESC [` parameters, intermediates, a final byte.
fn csi(buf: &[u8]) -> Step {
    // the Linux console's F1–F5: ESC [ [ A … E
    if buf.get(2) == Some(&b'[') {
        return match buf.get(3) {
            None => Step::Incomplete,
            Some(&c @ b'A'..=b'E') => Step::Event(plain(KeyCode::F(1 + c - b'A')), 4),
            Some(_) => Step::Skip(4),
        };
    }
    let mut n = 2;
    loop {
        let Some(&b) = buf.get(n) else {
            return Step::Incomplete;
        };
        match b {
            0x20..=0x3f => n += 1,
            0x40..=0x7e => break,
            // not part of a sequence: what came so far is dropped, this byte is read
            // as itself
            _ => return Step::Skip(n),
        }
    }
    let len = n + 1;
    if buf[..len] == *PASTE_START {
        return Step::PasteStart(len);
    }
    let params = std::str::from_utf8(&buf[2..n]).unwrap_or("");
    if let Some(mouse) = params.strip_prefix('<') {
        return match sgr_mouse(mouse, buf[n]) {
            Some(ev) => Step::Event(Event::Mouse(ev), len),
            None => Step::Skip(len),
        };
    }
    let mut nums = params
        .split(';')
        .map(|p| p.split(':').next().unwrap_or("").parse::<u32>().ok());
    let first = nums.next().flatten();
    let mods = modifiers(nums.next().flatten().unwrap_or(1));
    let code = match buf[n] {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'Z' => return Step::Event(key(KeyCode::BackTab, KeyModifiers::SHIFT), len),
        b'P' if !params.starts_with('?') => KeyCode::F(1),
        b'Q' if !params.starts_with('?') => KeyCode::F(2),
        b'R' if first.is_none_or(|f| f == 1) && params.contains(';') => KeyCode::F(3),
        b'S' if !params.starts_with('?') => KeyCode::F(4),
        b'~' => match first {
            Some(1 | 7) => KeyCode::Home,
            Some(2) => KeyCode::Insert,
            Some(3) => KeyCode::Delete,
            Some(4 | 8) => KeyCode::End,
            Some(5) => KeyCode::PageUp,
            Some(6) => KeyCode::PageDown,
            Some(f @ 11..=15) => KeyCode::F((f - 10) as u8),
            Some(f @ 17..=21) => KeyCode::F((f - 11) as u8),
            Some(f @ 23..=24) => KeyCode::F((f - 12) as u8),
            // a paste's end without its start, and the rest: nothing
            _ => return Step::Skip(len),
        },
        _ => return Step::Skip(len),
    };
    if params.starts_with(['?', '<', '>', '=']) {
        return Step::Skip(len);
    }
    Step::Event(key(code, mods), len)
}

/// xterm's modifier parameter: 1 + shift(1) + alt(2) + ctrl(4).
fn modifiers(p: u32) -> KeyModifiers {
    let m = p.saturating_sub(1);
    let mut mods = KeyModifiers::NONE;
    if m & 1 != 0 {
        mods |= KeyModifiers::SHIFT;
    }
    if m & 2 != 0 {
        mods |= KeyModifiers::ALT;
    }
    if m & 4 != 0 {
        mods |= KeyModifiers::CONTROL;
    }
    mods
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(chunks: &[&[u8]]) -> Vec<Event> {
        let mut p = Parser::default();
        let mut out = Vec::new();
        for c in chunks {
            if c.is_empty() {
                p.idle(&mut out);
            } else {
                p.feed(c, &mut out);
            }
        }
        out
    }

    fn keys(events: &[Event]) -> String {
        events
            .iter()
            .map(|e| match e {
                Event::Key(k) => {
                    let key = key_of(k).map(|k| k.to_string()).unwrap_or_default();
                    format!("<{key}>")
                }
                Event::Paste(t) => format!("[paste {t}]"),
                _ => "?".into(),
            })
            .collect()
    }

    /// A terminal's key events become the keys the keymap spells: shift folded into
    /// the letter and into shift-tab, ctrl-S as ctrl-s, releases and unknown keys dropped.
    #[test]
    fn terminal_keys_become_ours() {
        use crossterm::event::KeyEventState;
        let ev = |code, mods| KeyEvent::new(code, mods);
        let cases = [
            (ev(KeyCode::Char('G'), KeyModifiers::SHIFT), "G"),
            (ev(KeyCode::Char('s'), KeyModifiers::CONTROL), "ctrl-s"),
            (
                ev(
                    KeyCode::Char('S'),
                    KeyModifiers::CONTROL | KeyModifiers::SHIFT,
                ),
                "ctrl-s",
            ),
            (ev(KeyCode::BackTab, KeyModifiers::SHIFT), "shift-tab"),
            (ev(KeyCode::Tab, KeyModifiers::SHIFT), "shift-tab"),
            (ev(KeyCode::F(5), KeyModifiers::NONE), "f5"),
            (ev(KeyCode::Enter, KeyModifiers::NONE), "enter"),
            (ev(KeyCode::Char('ư'), KeyModifiers::NONE), "ư"),
            (ev(KeyCode::Char('?'), KeyModifiers::SHIFT), "?"),
            (ev(KeyCode::Char('x'), KeyModifiers::ALT), "alt-x"),
            (ev(KeyCode::Up, KeyModifiers::CONTROL), "ctrl-up"),
        ];
        for (event, spelled) in cases {
            assert_eq!(key_of(&event), Key::parse(spelled).ok(), "{spelled}");
        }
        let release = KeyEvent {
            kind: KeyEventKind::Release,
            state: KeyEventState::NONE,
            ..ev(KeyCode::Char('q'), KeyModifiers::NONE)
        };
        assert_eq!(key_of(&release), None);
        assert_eq!(key_of(&ev(KeyCode::CapsLock, KeyModifiers::NONE)), None);
    }

    #[test]
    fn a_click_and_the_wheel_are_read_and_other_mouse_reports_dropped() {
        // left press at column 12, row 3 (counted from 1), its release, wheel down and
        // up, a right click and a drag: only the press and the wheel come through
        let out = parse(&[
            b"\x1b[<0;12;3M\x1b[<0;12;3m\x1b[<65;5;9M\x1b[<64;5;9M\x1b[<2;1;1M\x1b[<32;4;4Mj",
        ]);
        let kinds: Vec<_> = out
            .iter()
            .map(|e| match e {
                Event::Mouse(m) => format!("{:?}@{},{}", m.kind, m.column, m.row),
                other => keys(std::slice::from_ref(other)),
            })
            .collect();
        assert_eq!(
            kinds,
            ["Down(Left)@11,2", "ScrollDown@4,8", "ScrollUp@4,8", "<j>"]
        );
        // what the application receives of them: the press and the wheel, where they were
        let ours: Vec<_> = out
            .iter()
            .filter_map(|e| match e {
                Event::Mouse(m) => super::mouse(*m),
                _ => None,
            })
            .map(|m| (m.kind, m.column, m.row))
            .collect();
        use crate::app::mouse::MouseKind as K;
        assert_eq!(
            ours,
            [(K::Click, 11, 2), (K::WheelDown, 4, 8), (K::WheelUp, 4, 8)]
        );
        let release = MouseEvent {
            kind: MouseEventKind::Up(MouseButton::Left),
            column: 1,
            row: 1,
            modifiers: KeyModifiers::NONE,
        };
        assert_eq!(super::mouse(release), None);
        // a report cut between two reads is one event
        let out = parse(&[b"\x1b[<0;1", b"2;3M"]);
        assert!(matches!(&out[..], [Event::Mouse(m)] if m.column == 11));
        // nonsense numbers are dropped, and the key after them works
        assert_eq!(
            keys(&parse(&[b"\x1b[<0;0;0M\x1b[<0;1;1;5M\x1b[<99999999;1;1Mk"])),
            "<k>"
        );
    }

    #[test]
    fn letters_controls_and_vietnamese() {
        let out = parse(&["aĐ\r\x05\x7f\t".as_bytes()]);
        assert_eq!(keys(&out), "<a><Đ><enter><ctrl-e><backspace><tab>");
    }

    #[test]
    fn a_letter_cut_between_two_reads_is_one_letter() {
        let bytes = "ế".as_bytes();
        let out = parse(&[&bytes[..1], &bytes[1..]]);
        assert_eq!(keys(&out), "<ế>");
    }

    #[test]
    fn cursor_and_function_keys() {
        let out = parse(&[b"\x1b[A\x1b[1;5B\x1bOP\x1b[15~\x1b[3~\x1b[5~\x1b[Z\x1b[H\x1b[4~"]);
        assert_eq!(
            keys(&out),
            "<up><ctrl-down><f1><f5><delete><pageup><shift-tab><home><end>"
        );
        assert_eq!(keys(&parse(&[b"\x1b[[B"])), "<f2>");
        assert_eq!(keys(&parse(&[b"\x1bx"])), "<alt-x>");
    }

    #[test]
    fn a_lone_escape_is_the_esc_key() {
        assert_eq!(keys(&parse(&[b"\x1b", b""])), "<esc>");
        assert_eq!(keys(&parse(&[b"\x1b\x1b", b""])), "<esc><esc>");
        assert_eq!(keys(&parse(&[b"\x1b", b"", b"j"])), "<esc><j>");
    }

    #[test]
    fn an_unfinished_sequence_is_dropped_after_a_silence_and_what_follows_works() {
        let mut p = Parser::default();
        let mut out = Vec::new();
        p.feed(b"\x1b[?", &mut out);
        assert!(out.is_empty());
        assert_eq!(p.wait(), Some(SEQUENCE_TIMEOUT));
        p.idle(&mut out);
        assert!(out.is_empty());
        assert_eq!(p.wait(), None);
        p.feed("xin chào\x03".as_bytes(), &mut out);
        assert_eq!(keys(&out), "<x><i><n><space><c><h><à><o><ctrl-c>");
    }

    #[test]
    fn a_control_key_inside_a_sequence_ends_it_and_counts() {
        // ESC [ then ctrl-c: the sequence is broken, ctrl-c still quits
        assert_eq!(keys(&parse(&[b"\x1b[1\x03"])), "<ctrl-c>");
    }

    #[test]
    fn terminal_reports_are_not_keys() {
        assert_eq!(keys(&parse(&[b"\x1b[?1;2c\x1b[I\x1b[12;5Rz"])), "<z>");
    }

    #[test]
    fn a_paste_is_text_whatever_it_holds() {
        let out = parse(&[b"\x1b[200~ab\x1b[2J\x05\rc\x1b[201~d"]);
        assert_eq!(
            out,
            vec![
                Event::Paste("ab\x1b[2J\x05\rc".into()),
                Event::Key(KeyEvent::new(KeyCode::Char('d'), KeyModifiers::NONE))
            ]
        );
    }

    #[test]
    fn a_paste_split_anywhere_is_one_paste() {
        let all = "\x1b[200~một hai\x1b[201~".as_bytes();
        for cut in 1..all.len() {
            let out = parse(&[&all[..cut], &all[cut..]]);
            assert_eq!(out, vec![Event::Paste("một hai".into())], "cut at {cut}");
        }
    }

    #[test]
    fn a_silence_inside_a_paste_hands_on_its_text_and_the_rest_stays_text() {
        let out = parse(&[b"\x1b[200~abc", b"", b"\x05def\x1b[201~\x05"]);
        assert_eq!(keys(&out), "[paste abc][paste \u{5}def]<ctrl-e>");
    }

    #[test]
    fn a_paste_without_its_end_ends_after_a_long_silence() {
        let mut p = Parser::default();
        let mut out = Vec::new();
        p.feed(b"\x1b[200~", &mut out);
        assert_eq!(p.wait(), Some(PASTE_TIMEOUT));
        p.idle(&mut out);
        p.feed(b"a", &mut out);
        assert_eq!(keys(&out), "<a>");
    }
}
