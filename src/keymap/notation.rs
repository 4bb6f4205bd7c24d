//! Key notation: "ctrl-s", "alt-x", "shift-tab", "enter", "f2", "G", sequences "g g".
//! Equivalent spellings normalize to one `Key`, so a map cannot bind the same key twice
//! under two names.

use std::fmt;

/// One key press, normalized: shift is folded into the character for printable keys
/// ("G", not shift-g) and into `BackTab` for shift-tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: Code,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    Home,
    End,
    PageUp,
    PageDown,
    Up,
    Down,
    Left,
    Right,
    F(u8),
}

const NAMED: &[(&str, Code)] = &[
    ("enter", Code::Enter),
    ("return", Code::Enter),
    ("esc", Code::Esc),
    ("escape", Code::Esc),
    ("tab", Code::Tab),
    ("backtab", Code::BackTab),
    ("backspace", Code::Backspace),
    ("delete", Code::Delete),
    ("del", Code::Delete),
    ("insert", Code::Insert),
    ("home", Code::Home),
    ("end", Code::End),
    ("pageup", Code::PageUp),
    ("pagedown", Code::PageDown),
    ("up", Code::Up),
    ("down", Code::Down),
    ("left", Code::Left),
    ("right", Code::Right),
    ("space", Code::Char(' ')),
    ("minus", Code::Char('-')),
];

impl Key {
    pub const fn plain(code: Code) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
            shift: false,
        }
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: Code::Char(c),
            ctrl: true,
            alt: false,
            shift: false,
        }
    }

    /// A key that types a character into a text field (no ctrl or alt).
    pub fn printable(&self) -> Option<char> {
        match self.code {
            Code::Char(c) if !self.ctrl && !self.alt => Some(c),
            _ => None,
        }
    }

    /// The one spelling of a key: shift folded into a printable character and into
    /// shift-tab, ctrl-S written ctrl-s (what terminals send).
    pub fn normalized(mut self) -> Key {
        match self.code {
            Code::Char(c) => {
                let c = if self.shift && c.is_ascii_lowercase() {
                    c.to_ascii_uppercase()
                } else {
                    c
                };
                // terminals send ctrl-S as ctrl-s
                let c = if self.ctrl { c.to_ascii_lowercase() } else { c };
                self.code = Code::Char(c);
                self.shift = false;
            }
            Code::BackTab => self.shift = false,
            Code::Tab if self.shift => {
                self.code = Code::BackTab;
                self.shift = false;
            }
            _ => {}
        }
        self
    }

    /// Parses one key ("ctrl-s", "G", "f2", "-").
    pub fn parse(s: &str) -> Result<Key, String> {
        if s.is_empty() {
            return Err("empty key".into());
        }
        let mut key = Key::plain(Code::Esc);
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (prefix_len, flag) = if lower.starts_with("ctrl-") && rest.len() > 5 {
                (5, 0)
            } else if lower.starts_with("alt-") && rest.len() > 4 {
                (4, 1)
            } else if lower.starts_with("shift-") && rest.len() > 6 {
                (6, 2)
            } else {
                break;
            };
            match flag {
                0 => key.ctrl = true,
                1 => key.alt = true,
                _ => key.shift = true,
            }
            rest = &rest[prefix_len..];
        }
        let mut chars = rest.chars();
        key.code = match (chars.next(), chars.next()) {
            (Some(c), None) => Code::Char(c),
            _ => {
                let lower = rest.to_ascii_lowercase();
                if let Some((_, code)) = NAMED.iter().find(|(n, _)| *n == lower) {
                    *code
                } else if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    if (1..=12).contains(&n) {
                        Code::F(n)
                    } else {
                        return Err(format!("no such function key: {s}"));
                    }
                } else {
                    return Err(format!("unknown key name: {s}"));
                }
            }
        };
        Ok(key.normalized())
    }

    /// Parses a sequence ("g g").
    pub fn parse_seq(s: &str) -> Result<Vec<Key>, String> {
        let keys: Vec<&str> = s.split(' ').filter(|p| !p.is_empty()).collect();
        if keys.is_empty() {
            // a lone space is the space key
            if s == " " {
                return Ok(vec![Key::plain(Code::Char(' '))]);
            }
            return Err("empty key".into());
        }
        keys.into_iter().map(Key::parse).collect()
    }

    /// Keys a terminal sends as the same bytes as another key.
    pub fn terminal_twin(&self) -> Option<&'static str> {
        if !self.ctrl || self.alt {
            return None;
        }
        match self.code {
            Code::Char('i') => Some("tab"),
            Code::Char('m') => Some("enter"),
            Code::Char('h') => Some("backspace"),
            Code::Char('[') => Some("esc"),
            _ => None,
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        if self.shift {
            f.write_str("shift-")?;
        }
        match self.code {
            Code::Char(' ') => f.write_str("space"),
            Code::Char(c) => write!(f, "{c}"),
            Code::BackTab => f.write_str("shift-tab"),
            Code::F(n) => write!(f, "f{n}"),
            other => {
                let name = NAMED
                    .iter()
                    .find(|(_, c)| *c == other)
                    .map(|(n, _)| *n)
                    .unwrap_or("?");
                f.write_str(name)
            }
        }
    }
}

/// "g g", "ctrl-s".
pub fn seq_to_string(keys: &[Key]) -> String {
    keys.iter()
        .map(Key::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> String {
        Key::parse(s).unwrap().to_string()
    }

    #[test]
    fn equivalent_spellings_normalize() {
        assert_eq!(p("shift-g"), "G");
        assert_eq!(p("G"), "G");
        assert_eq!(p("Ctrl-S"), "ctrl-s");
        assert_eq!(p("ctrl-S"), "ctrl-s");
        assert_eq!(p("shift-tab"), "shift-tab");
        assert_eq!(p("backtab"), "shift-tab");
        assert_eq!(p("return"), "enter");
        assert_eq!(p("F2"), "f2");
        assert_eq!(p("alt-x"), "alt-x");
        assert_eq!(p("space"), "space");
        assert_eq!(p("-"), "-");
        assert_eq!(p("?"), "?");
    }

    #[test]
    fn bad_names_are_errors() {
        assert!(Key::parse("ctrl-").is_err());
        assert_eq!(p("ctrl--"), "ctrl--");
        assert!(Key::parse("f13").is_err());
        assert!(Key::parse("hyper-x").is_err());
        assert!(Key::parse("").is_err());
    }

    #[test]
    fn sequences() {
        let seq = Key::parse_seq("g g").unwrap();
        assert_eq!(seq_to_string(&seq), "g g");
        assert_eq!(Key::parse_seq("  ").unwrap_err(), "empty key");
    }

    #[test]
    fn terminal_twins() {
        assert_eq!(Key::parse("ctrl-i").unwrap().terminal_twin(), Some("tab"));
        assert_eq!(Key::parse("ctrl-s").unwrap().terminal_twin(), None);
    }
}
