//! Where a popup goes and its frame: shared by the overlays and by the screens that
//! open a popup of their own (the console's picker and roll call, the review, grading);
//! and the splits of an area into rows or columns every screen is laid out with.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear};

use crate::app::App;

/// A rectangle of at most `w`×`h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Clears `area` and draws a bordered popup titled `title`; returns the room inside.
pub fn popup(app: &App, frame: &mut Frame, area: Rect, title: &str) -> Rect {
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(app.theme.border())
        .title(Span::styled(format!(" {title} "), app.theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// `area` cut into rows, as `Layout::vertical(constraints).areas(area)` cuts it.
pub fn vertical<const N: usize>(area: Rect, constraints: [Constraint; N]) -> [Rect; N] {
    match sizes(area.height, &constraints) {
        Some(heights) => {
            let mut y = area.y;
            heights.map(|height| {
                let r = Rect { y, height, ..area };
                y += height;
                r
            })
        }
        None => Layout::vertical(constraints).areas(area),
    }
}

/// `area` cut into columns, as `Layout::horizontal(constraints).areas(area)` cuts it.
pub fn horizontal<const N: usize>(area: Rect, constraints: [Constraint; N]) -> [Rect; N] {
    match sizes(area.width, &constraints) {
        Some(widths) => {
            let mut x = area.x;
            widths.map(|width| {
                let r = Rect { x, width, ..area };
                x += width;
                r
            })
        }
        None => Layout::horizontal(constraints).areas(area),
    }
}

/// The sizes of the usual split, counted directly: fixed lengths and one part that
/// takes the rest, when there is room for all of them. Layout's solver (this build has
/// no layout cache) cost more per frame than drawing the frame. None for any other split.
fn sizes<const N: usize>(room: u16, constraints: &[Constraint; N]) -> Option<[u16; N]> {
    let mut out = [0u16; N];
    let mut fixed = 0u32;
    let mut rest = None;
    for (i, c) in constraints.iter().enumerate() {
        match *c {
            Constraint::Length(n) => {
                out[i] = n;
                fixed += u32::from(n);
            }
            Constraint::Min(n) if rest.is_none() => {
                rest = Some((i, n));
            }
            _ => return None,
        }
    }
    let (i, least) = rest?;
    let left = u32::from(room).checked_sub(fixed)?;
    if left < u32::from(least) {
        return None;
    }
    out[i] = left as u16;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Constraint::{Length, Min};

    #[test]
    fn the_usual_splits_are_those_of_the_layout_solver() {
        let splits: Vec<Vec<Constraint>> = vec![
            vec![Length(1), Length(1), Min(1), Length(1), Length(1)],
            vec![Length(1), Length(1), Min(1), Length(3), Length(2)],
            vec![Length(1), Min(1)],
            vec![Length(1), Length(2), Length(1), Min(1)],
            vec![Length(3), Min(1), Length(13)],
            vec![Min(3), Length(4), Length(1)],
            vec![Min(60), Length(44)],
            vec![Length(34), Min(40)],
            vec![Length(0), Min(1), Length(0)],
        ];
        for c in &splits {
            // where it does not fit the solver itself is asked (its ties fall either way)
            let least: u16 = c
                .iter()
                .map(|c| match *c {
                    Length(n) | Min(n) => n,
                    _ => 0,
                })
                .sum();
            let rooms = (least..least + 40).chain([120, 150, 200, 210]);
            for room in rooms {
                let area = Rect::new(3, 4, room, room);
                let want_v = Layout::vertical(c.clone()).split(area).to_vec();
                let want_h = Layout::horizontal(c.clone()).split(area).to_vec();
                let (got_v, got_h) = match c.len() {
                    2 => (
                        vertical(area, [c[0], c[1]]).to_vec(),
                        horizontal(area, [c[0], c[1]]).to_vec(),
                    ),
                    3 => (
                        vertical(area, [c[0], c[1], c[2]]).to_vec(),
                        horizontal(area, [c[0], c[1], c[2]]).to_vec(),
                    ),
                    4 => (
                        vertical(area, [c[0], c[1], c[2], c[3]]).to_vec(),
                        horizontal(area, [c[0], c[1], c[2], c[3]]).to_vec(),
                    ),
                    _ => (
                        vertical(area, [c[0], c[1], c[2], c[3], c[4]]).to_vec(),
                        horizontal(area, [c[0], c[1], c[2], c[3], c[4]]).to_vec(),
                    ),
                };
                assert_eq!(got_v, want_v, "{c:?} in {room}");
                assert_eq!(got_h, want_h, "{c:?} in {room}");
            }
        }
    }
}
