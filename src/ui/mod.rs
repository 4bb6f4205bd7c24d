//! Rendering: a pure function of `&App` into a ratatui `Frame`. Header with the branch
//! and date, the screen, the message line, and a footer of keys from the effective map.

mod candidates;
mod dues;
mod grading;
mod hints;
mod layout;
mod meetings;
mod minutes;
mod overlay;
mod picker;
mod resolutions;
mod roll_call;
pub mod roster;
pub mod table;
mod tasks;
pub mod theme;

pub use theme::Theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::list::ListRows;
use crate::app::{App, Screen, Status};
use crate::command::{Action, Rest, Section};
use crate::domain::calendar::format_date;
use crate::i18n::Msg;
use hints::hints;

/// Below this size the layout cannot hold a roster line.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// The screen row of the tabs (under the header).
pub const TABS_ROW: u16 = 1;

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        render_too_small(app, frame, area);
        return;
    }
    let status_line = status_line(app);
    let footer_lines = footer_rows(app, area.width);
    let [header, tabs, body, status, footer] =
        split(app, &status_line, footer_lines.len() as u16, area);
    render_header(app, frame, header, tabs);
    // the welcome choice stands alone: there is no branch to show behind it yet
    let welcome = app.overlays.first() == Some(&crate::app::Overlay::Welcome);
    match app.screen {
        _ if welcome => {}
        Screen::Roster => roster::render(app, frame, body),
        Screen::Meetings => meetings::render(app, frame, body),
        Screen::Resolutions => resolutions::render(app, frame, body),
        Screen::Tasks => tasks::render(app, frame, body),
        Screen::Dues => dues::render(app, frame, body),
        Screen::Candidates => candidates::render(app, frame, body),
    }
    frame.render_widget(
        Paragraph::new(status_line).wrap(Wrap { trim: false }),
        status,
    );
    render_footer(frame, footer, footer_lines);
    for o in &app.overlays {
        overlay::render(app, o, frame, body);
    }
    if app.theme.ascii {
        let buf = frame.buffer_mut();
        for cell in &mut buf.content {
            if let Some(c) = theme::ascii_for(cell.symbol()) {
                cell.set_char(c);
            }
        }
    }
}

/// Header, tabs, the screen, the message line and the footer.
fn areas(app: &App, status_line: &Line, area: Rect) -> [Rect; 5] {
    split(
        app,
        status_line,
        footer_rows(app, area.width).len() as u16,
        area,
    )
}

/// [`areas`] with the footer's rows already counted.
fn split(app: &App, status_line: &Line, footer_rows: u16, area: Rect) -> [Rect; 5] {
    // a warning wraps onto up to three rows; any other message takes one
    let status_rows = if app.status.is_none() && app.pending.is_empty() {
        (status_line.width() as u16)
            .div_ceil(area.width.max(1))
            .clamp(1, 3)
    } else {
        1
    };
    layout::vertical(
        area,
        [
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(status_rows),
            Constraint::Length(footer_rows),
        ],
    )
}

/// How many rows each list shows in a terminal of `width`×`height`, from the same
/// layout the screens are drawn with.
pub fn list_rows(app: &App, width: u16, height: u16) -> ListRows {
    let area = Rect::new(0, 0, width, height);
    let [_, _, body, _, _] = areas(app, &status_line(app), area);
    ListRows {
        roster: roster::table_rows(app, body),
        meetings: meetings::list_rows(body),
        agenda: meetings::agenda_rows(app, body),
        resolutions: resolutions::list_rows(body),
        items: resolutions::item_rows(app, body),
        followup: resolutions::followup_rows(body),
        tasks: tasks::rows(app, body),
        picker: picker::picker_rows(body),
        dues: dues::rows(body),
        candidates: candidates::rows(app, body),
    }
}

/// The lists a frame at the terminal's size draws with a selection, in the order they
/// are drawn (the last one is in front), from the same layout as the frame: what a
/// click on a row selects.
pub fn lists(app: &App) -> Vec<crate::app::mouse::ListArea> {
    let (width, height) = app.terminal;
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return Vec::new();
    }
    let status_line = status_line(app);
    let [_, _, body, _, _] = areas(app, &status_line, Rect::new(0, 0, width, height));
    let mut out = Vec::new();
    let welcome = app.overlays.first() == Some(&crate::app::Overlay::Welcome);
    let screen = match app.screen {
        _ if welcome => None,
        Screen::Roster => roster::list(app, body),
        Screen::Meetings => meetings::list(app, body),
        Screen::Resolutions => resolutions::list(app, body),
        Screen::Tasks => tasks::list(app, body),
        Screen::Dues => dues::list(app, body),
        Screen::Candidates => candidates::list(app, body),
    };
    out.extend(screen);
    out.extend(
        app.overlays
            .iter()
            .filter_map(|o| overlay_list(app, o, body)),
    );
    out
}

/// The list a popup draws with a selection, if it draws one.
fn overlay_list(
    app: &App,
    overlay: &crate::app::Overlay,
    body: Rect,
) -> Option<crate::app::mouse::ListArea> {
    match overlay {
        crate::app::Overlay::Review { selected } => resolutions::review_list(app, *selected, body),
        crate::app::Overlay::Grading(s) => grading::list(s, body),
        crate::app::Overlay::Picker(p) => picker::list(p, body),
        _ => None,
    }
}

/// The list of what is in front: the top popup's, or none when it draws no list (a
/// click beside or on a popup never reaches the screen behind it); else the screen's.
fn front_list(app: &App) -> Option<crate::app::mouse::ListArea> {
    let Some(top) = app.overlays.last() else {
        return lists(app).last().copied();
    };
    let (width, height) = app.terminal;
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return None;
    }
    let [_, _, body, _, _] = areas(app, &status_line(app), Rect::new(0, 0, width, height));
    overlay_list(app, top, body)
}

fn render_too_small(app: &App, frame: &mut Frame, area: Rect) {
    let need = Msg::TooSmallNeed.fill(app.lang, &[("w", &MIN_WIDTH), ("h", &MIN_HEIGHT)]);
    let text = vec![Line::from(app.t(Msg::TooSmall)), Line::from(need)];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

fn render_header(app: &App, frame: &mut Frame, header: Rect, tabs: Rect) {
    let branch = match &app.branch {
        Some(b) if b.demo => Msg::DemoTitle.fill(app.lang, &[("name", &b.name)]),
        Some(b) => b.name.clone(),
        None => app.t(Msg::NoBranch).to_string(),
    };
    let date = format_date(app.today());
    let left = format!(" {} · {}", app.t(Msg::AppName), branch);
    let pad = (header.width as usize)
        .saturating_sub(unicode_width::UnicodeWidthStr::width(left.as_str()) + date.len() + 1);
    let line = Line::from(vec![
        Span::raw(left),
        Span::raw(" ".repeat(pad)),
        Span::raw(date),
        Span::raw(" "),
    ]);
    frame.render_widget(Paragraph::new(line).style(app.theme.header()), header);

    let mut spans = Vec::new();
    for (s, label) in tab_labels(app) {
        let style = if s == app.screen {
            app.theme.tab_active()
        } else {
            app.theme.tab()
        };
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), tabs);
}

/// Each screen's tab as drawn, in order; one space between two tabs.
fn tab_labels(app: &App) -> impl Iterator<Item = (Screen, String)> + '_ {
    Screen::ALL
        .iter()
        .enumerate()
        .map(|(i, s)| (*s, format!(" {} {} ", i + 1, app.t(s.title()))))
}

/// What a click at (`column`, `row`) is on, for [`App::mouse`]: a tab, or the list in
/// front as this frame lays it out.
pub fn target(app: &App, column: u16, row: u16) -> crate::app::mouse::Target {
    use crate::app::mouse::Target;
    if row == TABS_ROW {
        return tab_at(app, column).map_or(Target::Tabs, Target::Tab);
    }
    Target::List(front_list(app))
}

/// The screen whose tab is drawn at `column` of the tabs row.
pub fn tab_at(app: &App, column: u16) -> Option<Screen> {
    let mut x = 0usize;
    for (s, label) in tab_labels(app) {
        let w = unicode_width::UnicodeWidthStr::width(label.as_str());
        if (x..x + w).contains(&(column as usize)) {
            return Some(s);
        }
        x += w + 1;
    }
    None
}

/// The message line: what the last key did, else keys typed of a sequence, else the
/// first warning that waits to be dismissed.
fn status_line(app: &App) -> Line<'static> {
    match &app.status {
        Some(Status::Info(s)) => Line::styled(format!(" {s}"), app.theme.info()),
        Some(Status::Error(s)) => Line::styled(format!(" {s}"), app.theme.error()),
        None if !app.pending.is_empty() => Line::styled(
            format!(" {} …", crate::keymap::seq_to_string(&app.pending)),
            app.theme.key(),
        ),
        None => match app.warnings.first() {
            Some(w) => {
                let mut text = format!(" {w}");
                if app.warnings.len() > 1 {
                    text.push(' ');
                    text.push_str(
                        &Msg::WarningMore.fill(app.lang, &[("n", &(app.warnings.len() - 1))]),
                    );
                }
                let mut spans = vec![Span::styled(text, app.theme.error())];
                if let Some(key) = app.keymap.key_for(Section::Global, Action::DismissWarning) {
                    let hint = Msg::WarningDismiss.fill(app.lang, &[("key", &key)]);
                    spans.push(Span::styled(format!("  {hint}"), app.theme.key()));
                }
                Line::from(spans)
            }
            None => Line::default(),
        },
    }
}

/// The footer of what has the keys, from the section's commands: the most used first,
/// then (for most sections) every other command the section binds, then help. Hints
/// drop them from the end when the line is full, and keep help.
pub fn footer(app: &App, section: Section) -> Vec<Action> {
    if let Some(only) = app.still_possible(section) {
        let mut out = only.to_vec();
        if !out.contains(&Action::Help) {
            out.push(Action::Help);
        }
        return out;
    }
    let commands = section.commands();
    let all_tasks = section == Section::Tasks && app.tasks.view == crate::app::tasks::TaskView::All;
    let footer = commands.footer(all_tasks);
    let mut out = footer.first.to_vec();
    let Rest::Others { except } = footer.rest else {
        return out;
    };
    let bindings = app.keymap.bindings(section);
    for c in commands.own {
        let a = c.action;
        let bound = bindings.iter().any(|b| b.action == a);
        if bound && !out.contains(&a) && !a.is_movement() && !except.contains(&a) {
            out.push(a);
        }
    }
    if !out.contains(&Action::Help) {
        out.push(Action::Help);
    }
    out
}

fn render_footer(frame: &mut Frame, area: Rect, rows: Vec<Vec<Span<'static>>>) {
    let lines: Vec<Line> = rows
        .into_iter()
        .map(|row| {
            let mut spans = vec![Span::raw(" ")];
            spans.extend(row);
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// The footer's rows in a terminal `width` columns wide: one, or two for a member's
/// detail whose keys do not fit on one (its first row the most used, the second the
/// rest and help).
fn footer_rows(app: &App, width: u16) -> Vec<Vec<Span<'static>>> {
    let section = app.section();
    let actions = footer(app, section);
    let room = width.saturating_sub(1);
    let width_of = |a: &[Action]| -> usize {
        hints(app, section, a, u16::MAX)
            .iter()
            .map(|s| s.width())
            .sum()
    };
    if section != Section::Detail || width_of(&actions) <= room as usize {
        return vec![hints(app, section, &actions, room)];
    }
    let mut used = 0;
    let mut split = 0;
    for a in actions.iter().filter(|a| **a != Action::Help) {
        let w = width_of(&[*a]);
        if used + w > room as usize {
            break;
        }
        used += w;
        split += 1;
    }
    let first: Vec<Action> = actions
        .iter()
        .filter(|a| **a != Action::Help)
        .take(split)
        .copied()
        .collect();
    let rest: Vec<Action> = actions
        .iter()
        .filter(|a| !first.contains(a))
        .copied()
        .collect();
    vec![
        hints(app, section, &first, room),
        hints(app, section, &rest, room),
    ]
}
