//! The look chosen for this terminal: how many colours it may show and whether it gets
//! ASCII borders. Plain data, decided once from the environment and the settings; the
//! drawing code (`ui::theme`) turns it into styles and symbols.

/// How many colours the screens may use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Colours {
    /// The 16 colours of a Linux console's palette.
    #[default]
    Full,
    /// The 8 basic colours (no bright ones).
    Basic,
    /// None at all: reverse video, bold and underline only.
    None,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Theme {
    pub colours: Colours,
    /// ASCII borders and symbols.
    pub ascii: bool,
}

impl Theme {
    /// The theme for a terminal: `no_color` is `NO_COLOR` set and not empty, `term` is
    /// `TERM`, `ascii` is `--ascii` or `ascii = true` in `config.toml`.
    pub fn for_terminal(no_color: bool, term: Option<&str>, ascii: bool) -> Theme {
        let term = term.unwrap_or("").to_ascii_lowercase();
        let mono = matches!(term.as_str(), "vt100" | "vt102" | "vt220" | "dumb")
            || term.starts_with("vt100");
        let limited = mono || term == "linux" || term.starts_with("linux-");
        let colours = if no_color || mono {
            Colours::None
        } else if limited || ascii {
            Colours::Basic
        } else {
            Colours::Full
        };
        Theme {
            colours,
            ascii: ascii || limited,
        }
    }

    /// The theme from this process's environment.
    pub fn from_env(ascii: bool) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let term = std::env::var("TERM").ok();
        Theme::for_terminal(no_color, term.as_deref(), ascii)
    }
}
