//! The mouse: the wheel moves the selection of the list in front, a click on a tab opens
//! that screen, and a click on a row of the list in front selects it. Each is the same
//! action as its key (`down`, `2`, …), so nothing new can happen by mouse. It is off in
//! the meeting console unless `config.toml` says `mouse_in_console = true`, so the
//! terminal's own selection of text keeps working there, and `mouse = false` turns it
//! off everywhere.

use super::{App, Screen};
use crate::command::{Action, Section};

/// The rows one notch of the wheel moves.
pub const WHEEL_ROWS: usize = 3;

/// What `config.toml` says about the mouse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mouse {
    /// `mouse`: on everywhere but the console (default `true`).
    pub on: bool,
    /// `mouse_in_console`: on in the meeting console too (default `false`).
    pub in_console: bool,
}

impl Default for Mouse {
    fn default() -> Self {
        Mouse {
            on: true,
            in_console: false,
        }
    }
}

/// A rectangle of the terminal, in columns and rows from its top left (from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rect {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

impl Rect {
    pub fn new(x: u16, y: u16, width: u16, height: u16) -> Rect {
        Rect {
            x,
            y,
            width,
            height,
        }
    }

    /// The column just right of it.
    pub fn right(&self) -> u16 {
        self.x.saturating_add(self.width)
    }

    /// The row just under it.
    pub fn bottom(&self) -> u16 {
        self.y.saturating_add(self.height)
    }
}

/// What the mouse did that chibo answers: the terminal's other reports (a release, a
/// drag, another button) never reach the application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseKind {
    /// The left button pressed.
    Click,
    WheelUp,
    WheelDown,
}

/// A mouse report at a column and row of the terminal (from 0, top left).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MouseEvent {
    pub kind: MouseKind,
    pub column: u16,
    pub row: u16,
}

/// A list a frame draws with a selected row: where its rows are and which of them is
/// selected. The drawing code lays the lists out from the state and the terminal's
/// size (`ui::lists`), the same way for a frame and for a click.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListArea {
    /// The whole table, its heading included.
    pub area: Rect,
    /// The screen row of its first row under the heading.
    pub first_row: u16,
    /// How many rows it shows.
    pub rows: usize,
    /// Which of the rows shown is selected.
    pub selected: usize,
}

/// What is under the pointer, as the drawing code lays the frame out (`ui::target`):
/// the edge asks it, so the application itself knows nothing of the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A screen's tab on the tab row.
    Tab(Screen),
    /// The row of the tab row outside any tab.
    Tabs,
    /// Elsewhere: the list in front (drawn last), if any list is drawn.
    List(Option<ListArea>),
}

impl App {
    /// The terminal should report the mouse: on, and not in the console unless asked.
    pub fn mouse_wanted(&self) -> bool {
        self.mouse.on && (self.section() != Section::Console || self.mouse.in_console)
    }

    /// The terminal's new size (columns, rows).
    pub fn resize(&mut self, width: u16, height: u16) {
        self.terminal = (width, height);
    }

    /// Handles a mouse report over `target`; true when the screen changed.
    pub fn mouse(&mut self, ev: MouseEvent, target: Target) -> bool {
        // a dialog that ends a meeting or approves minutes is answered by keys only
        if !self.mouse_wanted() || self.deliberate() {
            return false;
        }
        match ev.kind {
            MouseKind::WheelDown => self.wheel(Action::MoveDown),
            MouseKind::WheelUp => self.wheel(Action::MoveUp),
            MouseKind::Click => self.click(ev.column, ev.row, target),
        }
    }

    fn wheel(&mut self, action: Action) -> bool {
        for _ in 0..WHEEL_ROWS {
            self.update(action);
        }
        true
    }

    fn click(&mut self, column: u16, row: u16, target: Target) -> bool {
        let list = match target {
            // the tabs switch screens only where the keys 1–6 would
            Target::Tab(screen) if self.overlays.is_empty() && self.pending.is_empty() => {
                self.update(screen_action(screen));
                return true;
            }
            Target::Tab(_) | Target::Tabs | Target::List(None) => return false,
            // only the list in front (drawn last) answers a click: a click beside a
            // dialog, or on a list behind it, does nothing
            Target::List(Some(list)) => list,
        };
        let inside = column >= list.area.x
            && column < list.area.right()
            && row >= list.first_row
            && row < list.area.bottom();
        if !inside {
            return false;
        }
        let shown = (row - list.first_row) as usize;
        if shown >= list.rows || shown == list.selected {
            return false;
        }
        let (action, n) = if shown > list.selected {
            (Action::MoveDown, shown - list.selected)
        } else {
            (Action::MoveUp, list.selected - shown)
        };
        for _ in 0..n {
            self.update(action);
        }
        true
    }
}

fn screen_action(screen: Screen) -> Action {
    match screen {
        Screen::Roster => Action::ScreenRoster,
        Screen::Meetings => Action::ScreenMeetings,
        Screen::Resolutions => Action::ScreenResolutions,
        Screen::Tasks => Action::ScreenTasks,
        Screen::Dues => Action::ScreenDues,
        Screen::Candidates => Action::ScreenCandidates,
    }
}
