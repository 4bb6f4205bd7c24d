//! One list behaviour for every list of the application: the selection, the first row
//! shown and the page a page key moves, kept in the state. The renderer reads them and
//! changes nothing; the terminal's size reaches them through [`ListRows`] on each frame.

use super::{Action, App, Overlay, Screen, tasks};

/// Rows a page key moves while the size of the list on screen is not known yet.
const DEFAULT_PAGE: usize = 10;

/// The selection in a list, the first row shown, and the rows the list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    selected: usize,
    offset: usize,
    /// Rows of the list on screen; 0 until the terminal's size is known.
    page: usize,
}

impl Cursor {
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The rows a page key moves.
    pub fn page(&self) -> usize {
        if self.page == 0 {
            DEFAULT_PAGE
        } else {
            self.page
        }
    }

    /// Moves the selection for a movement key (up, down, page up and down, first and
    /// last) in a list of `len` rows; false for any other action.
    pub fn apply(&mut self, action: Action, len: usize) -> bool {
        let last = len.saturating_sub(1);
        let page = self.page() as isize;
        let target = match action {
            Action::MoveUp => self.selected.saturating_sub(1),
            Action::MoveDown => (self.selected + 1).min(last),
            Action::PageUp => self.selected.saturating_add_signed(-page),
            Action::PageDown => self.selected.saturating_add_signed(page).min(last),
            Action::First => 0,
            Action::Last => last,
            _ => return false,
        };
        self.select(target, len);
        true
    }

    /// Selects row `i` (kept inside the list) and scrolls it into view.
    pub fn select(&mut self, i: usize, len: usize) {
        self.selected = i.min(len.saturating_sub(1));
        self.offset = self.first_shown(len, self.page);
    }

    /// After the rows changed (a filter, a reload): the selection stays inside them.
    pub fn clamp(&mut self, len: usize) {
        self.select(self.selected, len);
    }

    /// The list shows `rows` rows now (the terminal was resized, or the screen changed).
    pub fn set_page(&mut self, rows: usize, len: usize) {
        self.page = rows;
        self.select(self.selected, len);
    }

    /// The first of `len` rows to show in `rows` lines so that the selection is in view,
    /// scrolling as little as possible from where the list was.
    pub fn first_shown(&self, len: usize, rows: usize) -> usize {
        let mut first = self.offset;
        if self.selected < first {
            first = self.selected;
        } else if rows > 0 && self.selected >= first + rows {
            first = self.selected + 1 - rows;
        }
        first.min(len.saturating_sub(rows.max(1)))
    }
}

/// Rows of a source list that pass a filter (their indexes, in order) and the cursor
/// over them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filtered {
    shown: Vec<usize>,
    pub cursor: Cursor,
}

impl Filtered {
    /// Everything of a source of `n` rows.
    pub fn all(n: usize) -> Filtered {
        Filtered {
            shown: (0..n).collect(),
            cursor: Cursor::default(),
        }
    }

    /// The rows that pass now; the selection stays inside them.
    pub fn set(&mut self, shown: Vec<usize>) {
        self.shown = shown;
        self.cursor.clamp(self.shown.len());
    }

    pub fn indexes(&self) -> &[usize] {
        &self.shown
    }

    pub fn len(&self) -> usize {
        self.shown.len()
    }

    pub fn is_empty(&self) -> bool {
        self.shown.is_empty()
    }

    /// The source index of the selected row.
    pub fn selected(&self) -> Option<usize> {
        self.shown.get(self.cursor.selected()).copied()
    }

    /// Selects the first shown row whose source index satisfies `f`.
    pub fn select_where(&mut self, f: impl Fn(usize) -> bool) -> bool {
        match self.shown.iter().position(|&i| f(i)) {
            Some(pos) => {
                self.cursor.select(pos, self.shown.len());
                true
            }
            None => false,
        }
    }

    /// A movement key; false for any other action.
    pub fn apply(&mut self, action: Action) -> bool {
        self.cursor.apply(action, self.shown.len())
    }

    pub fn set_page(&mut self, rows: usize) {
        self.cursor.set_page(rows, self.shown.len());
    }
}

/// Whether every word of a (folded) query is in a (folded) text.
pub fn matches_words(text: &str, words: &[&str]) -> bool {
    words.iter().all(|w| text.contains(w))
}

/// How many rows each list shows at the terminal's present size (computed by the
/// renderer's layout, given to the state before a frame is drawn).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListRows {
    pub roster: usize,
    pub meetings: usize,
    pub agenda: usize,
    pub resolutions: usize,
    pub items: usize,
    pub followup: usize,
    pub tasks: usize,
    pub picker: usize,
    pub dues: usize,
    pub candidates: usize,
}

impl App {
    /// The lists learn how many rows they show at the terminal's size (before each
    /// frame): how far a page key moves, and the first row that keeps the selection in
    /// view.
    pub fn set_list_rows(&mut self, rows: ListRows) {
        // the rows the frame will draw, computed here so that drawing only reads them
        match self.screen {
            Screen::Tasks => self.refresh_tasks(),
            Screen::Dues => self.refresh_dues(),
            _ => {}
        }
        self.roster.list.set_page(rows.roster);
        self.meetings.shown.set_page(rows.meetings);
        let agenda = self.meetings.open_meeting().map_or(0, |m| m.agenda.len());
        self.meetings.item.set_page(rows.agenda, agenda);
        self.resolutions.shown.set_page(rows.resolutions);
        let items = self
            .resolutions
            .open_resolution()
            .map_or(0, |r| r.items.len());
        self.resolutions.item.set_page(rows.items, items);
        if self.screen == Screen::Resolutions && self.resolutions.followup {
            let n = self.resolutions.followup(self.today()).len();
            self.resolutions.fu.set_page(rows.followup, n);
        }
        if self.screen == Screen::Tasks {
            let n = match self.tasks.view {
                tasks::TaskView::ByMember => self.task_loads().len(),
                tasks::TaskView::All => self.task_row_ids().len(),
            };
            self.tasks.cursor.set_page(rows.tasks, n);
        }
        if self.screen == Screen::Candidates {
            let n = self.candidates.all().len();
            self.candidates.cursor.set_page(rows.candidates, n);
        }
        if self.screen == Screen::Dues {
            let n = self.dues_view().rows.len();
            self.dues.cursor.set_page(rows.dues, n);
        }
        if let Some(Overlay::Picker(p)) = self.overlays.last_mut() {
            p.shown.set_page(rows.picker);
        }
    }
}

/// A filter's next choice: from all (`None`) the first, then each in turn, then all
/// again (after the last, or when the current one is no longer offered).
pub fn next_choice<T: Copy + PartialEq>(current: Option<T>, choices: &[T]) -> Option<T> {
    match current {
        None => choices.first().copied(),
        Some(c) => choices
            .iter()
            .position(|x| *x == c)
            .and_then(|i| choices.get(i + 1))
            .copied(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_movement_key_stays_inside_the_list() {
        let mut c = Cursor::default();
        c.set_page(5, 12);
        assert!(c.apply(Action::Last, 12));
        assert_eq!((c.selected(), c.first_shown(12, 5)), (11, 7));
        c.apply(Action::PageUp, 12);
        assert_eq!(c.selected(), 6);
        c.apply(Action::PageUp, 12);
        c.apply(Action::PageUp, 12);
        assert_eq!((c.selected(), c.first_shown(12, 5)), (0, 0));
        c.apply(Action::PageDown, 12);
        c.apply(Action::MoveDown, 12);
        assert_eq!((c.selected(), c.first_shown(12, 5)), (6, 2));
        c.apply(Action::MoveUp, 12);
        c.apply(Action::MoveUp, 12);
        // scrolled as little as possible: the view does not move while the row shows
        assert_eq!((c.selected(), c.first_shown(12, 5)), (4, 2));
        c.apply(Action::First, 12);
        assert_eq!(c.selected(), 0);
        assert!(!c.apply(Action::Open, 12));
        // an empty list selects its (absent) first row
        c.apply(Action::Last, 0);
        assert_eq!(c.selected(), 0);
    }

    #[test]
    fn a_narrower_filter_keeps_the_selection_inside() {
        let mut f = Filtered::all(10);
        f.apply(Action::Last);
        assert_eq!(f.selected(), Some(9));
        f.set(vec![1, 3, 5]);
        assert_eq!(f.selected(), Some(5));
        assert!(f.select_where(|i| i == 3));
        assert_eq!(f.selected(), Some(3));
        f.set(Vec::new());
        assert_eq!(f.selected(), None);
    }

    #[test]
    fn a_resize_brings_the_selection_into_view() {
        let mut c = Cursor::default();
        c.set_page(20, 30);
        c.select(18, 30);
        assert_eq!(c.first_shown(30, 20), 0);
        c.set_page(5, 30);
        assert_eq!(c.first_shown(30, 5), 14);
    }
}
