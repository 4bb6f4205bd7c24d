//! The table every list is drawn with: column widths from the content (each column gets
//! what its widest cell needs, up to a cap; the column that grows takes what is left),
//! text cut with `…` where it does not fit, and the selected row reversed behind a `›`.
//!
//! A screen describes its columns and gives the rows it shows:
//!
//! ```ignore
//! let columns = [Column::new("Số").cap(4), Column::new("Họ và tên").grow()];
//! let rows = members.map(|m| Row::new([Cell::new(m.no), Cell::new(m.name)]));
//! table::render(app, frame, area, &columns, rows.collect(), selected);
//! ```

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{HighlightSpacing, Table, TableState};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::app::App;
use crate::app::mouse::ListArea;

/// Columns between two cells.
const SPACING: u16 = 1;
/// The selection marker before the selected row, and the room kept for it.
pub const MARKER: &str = "› ";

/// One column: its heading, how wide it may get, whether it takes the room left.
#[derive(Debug, Clone)]
pub struct Column {
    pub header: String,
    /// The widest it gets from its content (the growing column may get more).
    pub cap: u16,
    /// The narrowest it is cut to when the table does not fit.
    pub min: u16,
    pub grow: bool,
}

impl Column {
    pub fn new(header: impl Into<String>) -> Column {
        Column {
            header: header.into(),
            cap: 40,
            min: 4,
            grow: false,
        }
    }

    pub fn cap(mut self, cap: u16) -> Column {
        self.cap = cap;
        self
    }

    pub fn min(mut self, min: u16) -> Column {
        self.min = min;
        self
    }

    /// This column takes the width left once every other has what it needs.
    pub fn grow(mut self) -> Column {
        self.grow = true;
        self
    }
}

/// A cell's text and style.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub text: String,
    pub style: Style,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            style: Style::new(),
        }
    }

    pub fn styled(text: impl Into<String>, style: Style) -> Cell {
        Cell {
            text: text.into(),
            style,
        }
    }
}

/// A row of cells, styled as a whole (a member who left, a group heading).
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub cells: Vec<Cell>,
    pub style: Style,
}

impl Row {
    pub fn new(cells: impl IntoIterator<Item = Cell>) -> Row {
        Row {
            cells: cells.into_iter().collect(),
            style: Style::new(),
        }
    }

    pub fn style(mut self, style: Style) -> Row {
        self.style = style;
        self
    }
}

/// `text` in at most `width` columns: cut with `…` when longer.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    cut(text, width)
}

/// A line of `spans` in at most `width` columns: the span that does not fit is cut with
/// `…` in its own style, and the spans after it dropped.
pub fn fit_spans(spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    if spans.iter().map(Span::width).sum::<usize>() <= width {
        return spans;
    }
    let mut out = Vec::with_capacity(spans.len());
    let mut used = 0;
    for s in spans {
        let w = s.width();
        // a span fits whole when the ellipsis still has a column after it
        if used + w < width {
            used += w;
            out.push(s);
            continue;
        }
        let text = cut(&s.content, width - used);
        out.push(Span::styled(text, s.style));
        break;
    }
    out
}

/// `text` cut to end with `…` within `width` columns.
fn cut(text: &str, width: usize) -> String {
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    // a cut after a space reads as a finished word: the ellipsis goes after the word
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('…');
    out
}

/// The width of each column in `available` columns (spacing and marker taken off).
pub fn widths(columns: &[Column], rows: &[Row], available: u16) -> Vec<u16> {
    let n = columns.len();
    let gaps = SPACING * n.saturating_sub(1) as u16;
    let room = available.saturating_sub(gaps) as usize;
    let need: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            rows.iter()
                .filter_map(|r| r.cells.get(i))
                .map(|cell| cell.text.width())
                .chain([c.header.width()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut w: Vec<usize> = columns
        .iter()
        .zip(&need)
        .map(|(c, &need)| need.min(c.cap as usize))
        .collect();
    let total: usize = w.iter().sum();
    if total > room {
        // the widest column gives a column back first, none below its least
        let mut excess = total - room;
        while excess > 0 {
            let widest = (0..n)
                .filter(|&i| w[i] > columns[i].min as usize)
                .max_by_key(|&i| (w[i], columns[i].grow));
            match widest {
                Some(i) => {
                    w[i] -= 1;
                    excess -= 1;
                }
                None => break,
            }
        }
    } else {
        // room left: capped columns get what they need, the growing one last and the rest
        let mut spare = room - total;
        for i in (0..n).filter(|&i| !columns[i].grow) {
            let more = need[i].saturating_sub(w[i]).min(spare);
            w[i] += more;
            spare -= more;
        }
        if let Some(g) = columns.iter().position(|c| c.grow) {
            w[g] += spare;
        }
    }
    w.into_iter().map(|x| x as u16).collect()
}

/// Draws `rows` under the headings of `columns` in `area`; `selected` (an index into
/// `rows`) is reversed behind the marker.
pub fn render(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    columns: &[Column],
    rows: Vec<Row>,
    selected: Option<usize>,
) {
    render_with(app, frame, area, columns, rows, selected, true);
}

/// Like [`render`]; `header` false draws no heading row.
pub fn render_with(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    columns: &[Column],
    rows: Vec<Row>,
    selected: Option<usize>,
    header: bool,
) {
    let marker = MARKER.width() as u16;
    let w = widths(columns, &rows, area.width.saturating_sub(marker));
    if draw_directly(app, frame, area, columns, &rows, selected, header, &w) {
        return;
    }
    let to_row = |cells: Vec<Cell>, style: Style| {
        ratatui::widgets::Row::new(cells.into_iter().zip(&w).map(|(cell, &width)| {
            ratatui::widgets::Cell::from(Span::styled(fit(&cell.text, width as usize), cell.style))
        }))
        .style(style)
    };
    let body: Vec<_> = rows.into_iter().map(|r| to_row(r.cells, r.style)).collect();
    let mut table = Table::new(body, w.iter().map(|&x| Constraint::Length(x)))
        .column_spacing(SPACING)
        .row_highlight_style(app.theme.selected())
        .highlight_symbol(MARKER)
        .highlight_spacing(HighlightSpacing::Always);
    if header {
        let heads = columns
            .iter()
            .map(|c| Cell::new(c.header.clone()))
            .collect();
        table = table.header(to_row(heads, app.theme.title()));
    }
    let mut state = TableState::default().with_selected(selected);
    frame.render_stateful_widget(table, area, &mut state);
}

/// Draws the table cell by cell as ratatui's `Table` draws it, when every column has
/// the width asked for and every row fits without scrolling (the lists hand over only
/// the rows on screen): `Table` lays its columns and rows out with three runs of the
/// layout solver per frame, which cost more than the rest of a keystroke. False when
/// the table does not fit so (then `Table` draws it).
#[allow(clippy::too_many_arguments)]
fn draw_directly(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    columns: &[Column],
    rows: &[Row],
    selected: Option<usize>,
    header: bool,
    widths: &[u16],
) -> bool {
    use ratatui::text::Line;
    use ratatui::widgets::Widget;
    let marker = MARKER.width() as u16;
    let gaps = SPACING as usize * widths.len().saturating_sub(1);
    let needed = marker as usize + widths.iter().map(|&w| w as usize).sum::<usize>() + gaps;
    let head = u16::from(header);
    let fits = area.height.saturating_sub(head) as usize;
    if area.is_empty()
        || needed > area.width as usize
        || rows.len() > fits
        || selected.is_some_and(|s| s >= rows.len())
    {
        return false;
    }
    // where each column starts, the selection column first
    let mut xs = Vec::with_capacity(widths.len());
    let mut x = area.x + marker;
    for &w in widths {
        xs.push(x);
        x += w + SPACING;
    }
    let buf = frame.buffer_mut();
    let draw_cells = |buf: &mut ratatui::buffer::Buffer, y: u16, cells: &[Cell]| {
        for ((cell, &w), &x) in cells.iter().zip(widths).zip(&xs) {
            let span = Span::styled(fit(&cell.text, w as usize), cell.style);
            Line::from(span).render(Rect::new(x, y, w, 1), buf);
        }
    };
    if header {
        let row = Rect { height: 1, ..area };
        buf.set_style(row, app.theme.title());
        let heads: Vec<Cell> = columns
            .iter()
            .map(|c| Cell::new(c.header.as_str()))
            .collect();
        draw_cells(buf, area.y, &heads);
    }
    let mut chosen = None;
    for (i, r) in rows.iter().enumerate() {
        let y = area.y + head + i as u16;
        let row = Rect {
            y,
            height: 1,
            ..area
        };
        buf.set_style(row, r.style);
        if selected == Some(i) {
            let selection = Rect {
                width: marker,
                ..row
            };
            buf.set_style(selection, r.style);
            Line::from(MARKER).render(selection, buf);
            chosen = Some(row);
        }
        draw_cells(buf, y, &r.cells);
    }
    if let Some(row) = chosen {
        buf.set_style(row, app.theme.selected());
    }
    true
}

/// Where a table drawn by [`render_with`] in `area` puts `shown` rows with `selected`
/// (an index into them) reversed: what a click on one of its rows selects. None when
/// it shows no selection. The table scrolls itself, as ratatui's does, when the
/// selection is below what fits.
pub fn placement(
    area: Rect,
    header: bool,
    shown: usize,
    selected: Option<usize>,
) -> Option<ListArea> {
    let mut sel = selected?;
    let first_row = area.y + u16::from(header);
    let fits = area.height.saturating_sub(u16::from(header)) as usize;
    let mut offset = 0;
    // a table in no room draws nothing and keeps the selection as given
    if area.width > 0 && area.height > 0 {
        if shown == 0 {
            return None;
        }
        sel = sel.min(shown - 1);
        offset = (sel + 1).saturating_sub(fits);
    }
    Some(ListArea {
        area: crate::app::mouse::Rect::new(area.x, area.y, area.width, area.height),
        first_row,
        rows: shown.saturating_sub(offset).min(fits),
        selected: sel.saturating_sub(offset),
    })
}

/// Where the rows `first..` of a list of `len` go in a table of `area` under its
/// heading, `selected` (an index into the whole list) reversed: the placement of a
/// list drawn from its cursor.
pub fn window(area: Rect, len: usize, first: usize, selected: usize) -> Option<ListArea> {
    if len == 0 {
        return None;
    }
    let fits = area.height.saturating_sub(1) as usize;
    let shown = len.saturating_sub(first).min(fits);
    placement(area, true, shown, Some(selected.saturating_sub(first)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Row {
        Row::new(cells.iter().map(|c| Cell::new(*c)))
    }

    #[test]
    fn a_cut_is_marked_with_an_ellipsis() {
        assert_eq!(fit("Nguyễn Thị Thu Hà", 20), "Nguyễn Thị Thu Hà");
        assert_eq!(fit("Nguyễn Thị Thu Hà", 16), "Nguyễn Thị Thu…");
        assert_eq!(fit("Sinh hoạt tạm thời nơi khác", 17), "Sinh hoạt tạm th…");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit("abcd", 1), "…");
    }

    #[test]
    fn a_line_of_spans_is_cut_with_an_ellipsis_in_the_style_of_the_span_cut() {
        let dim = Style::new().fg(ratatui::style::Color::Gray);
        let spans = || vec![Span::raw("Tổng số 40"), Span::styled("  (12/40)", dim)];
        let text = |spans: &[Span]| spans.iter().map(|s| s.content.as_ref()).collect::<String>();
        assert_eq!(text(&fit_spans(spans(), 40)), "Tổng số 40  (12/40)");
        assert_eq!(text(&fit_spans(spans(), 19)), "Tổng số 40  (12/40)");
        let cut = fit_spans(spans(), 15);
        assert_eq!(text(&cut), "Tổng số 40  (1…");
        assert_eq!(cut[1].style, dim);
        // the first span exactly filling the room leaves none for the rest: it is cut
        assert_eq!(text(&fit_spans(spans(), 10)), "Tổng số 4…");
    }

    #[test]
    fn each_column_gets_what_it_needs_and_the_growing_one_the_rest() {
        let cols = [
            Column::new("No").cap(3),
            Column::new("Name").grow(),
            Column::new("Status").cap(30),
        ];
        let rows = [row(&["1", "Lê Văn An", "Sinh hoạt tạm thời nơi khác"])];
        // wide: the status whole, the name column takes what is left
        assert_eq!(widths(&cols, &rows, 80), [2, 49, 27]);
        // narrow: the widest gives back first
        assert_eq!(widths(&cols, &rows, 30), [2, 9, 17]);
        assert_eq!(widths(&cols, &rows, 20), [2, 8, 8]);
    }

    #[test]
    fn a_cap_holds_until_there_is_room() {
        let cols = [Column::new("Title").cap(10), Column::new("Name").grow()];
        let rows = [row(&["A title of twenty-two", "An"])];
        // the capped column gets all it needs before the growing one grows
        assert_eq!(widths(&cols, &rows, 40), [21, 18]);
        // short of room: the cap first, then the widest gives back
        assert_eq!(widths(&cols, &rows, 12), [7, 4]);
    }
}
