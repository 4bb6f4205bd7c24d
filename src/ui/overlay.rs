//! Popups: the welcome choice, help generated from the keymap, member details, forms
//! with inline errors, and confirmations.
//! Over 500 lines by a few: every popup's drawing side by side, each a short function.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::hints::hints;
use super::layout::{centered, popup};
use crate::app::form::{FieldKind, Form};
use crate::app::{App, Confirm, Overlay};
use crate::command::{Action, Section};
use crate::i18n::Msg;

pub fn render(app: &App, overlay: &Overlay, frame: &mut Frame, area: Rect) {
    match overlay {
        Overlay::Welcome => welcome(app, frame, area),
        Overlay::Help { section, scroll } => help(app, *section, *scroll, frame, area),
        Overlay::Detail => detail(app, frame, area),
        Overlay::Form(form) => render_form(app, form, frame, area),
        Overlay::Confirm(c) => confirm(app, c, frame, area),
        Overlay::Picker(p) => super::picker::picker(app, p, frame, area),
        Overlay::RollCall { selected, find } => {
            super::roll_call::roll_call(app, *selected, find.as_deref(), frame, area);
        }
        Overlay::Review { selected } => super::resolutions::review(app, *selected, frame, area),
        Overlay::Preview { lines, scroll } => preview(app, lines, *scroll, frame, area),
        Overlay::Grading(s) => super::grading::render(app, s, frame, area),
    }
}

fn welcome(app: &App, frame: &mut Frame, area: Rect) {
    let rect = centered(area, 64, 8);
    let inner = popup(app, frame, rect, app.t(Msg::WelcomeTitle));
    let dir = app.data_dir.display().to_string();
    let key = |a| app.keymap.key_for(Section::Welcome, a).unwrap_or_default();
    let lines = vec![
        Line::from(Msg::WelcomeBody.fill(app.lang, &[("dir", &dir)])),
        Line::default(),
        Line::from(vec![
            Span::styled(
                format!("  {}  ", key(Action::CreateBranch)),
                app.theme.key(),
            ),
            Span::raw(app.t(Msg::WelcomeCreate)),
        ]),
        Line::from(vec![
            Span::styled(format!("  {}  ", key(Action::LoadDemo)), app.theme.key()),
            Span::raw(app.t(Msg::WelcomeDemo)),
        ]),
        Line::from(format!("     {}", app.t(Msg::WelcomeDemoClear))),
        Line::from(vec![
            Span::styled(format!("  {}  ", key(Action::Quit)), app.theme.key()),
            Span::raw(app.t(Msg::WelcomeQuit)),
        ]),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

fn help(app: &App, section: Section, scroll: usize, frame: &mut Frame, area: Rect) {
    let screen = app.t(app.screen.title());
    let rect = centered(area, 70, area.height);
    let inner = popup(
        app,
        frame,
        rect,
        &Msg::HelpTitle.fill(app.lang, &[("screen", &screen)]),
    );
    let mut lines = Vec::new();
    let list = |title: Msg, s: Section, lines: &mut Vec<Line>| {
        // approved minutes: only what can still be done
        let only = app.still_possible(s);
        let commands: Vec<(Action, Vec<String>)> = app
            .keymap
            .commands_bound(s, section)
            .into_iter()
            .filter(|(a, _)| only.is_none_or(|o| o.contains(a)))
            .collect();
        if commands.is_empty() {
            return;
        }
        lines.push(Line::styled(app.t(title).to_string(), app.theme.title()));
        let column = key_column(&commands, inner.width as usize);
        for (action, keys) in &commands {
            let rows = key_rows(keys, column - KEY_GAP);
            for (i, row) in rows.iter().enumerate() {
                let pad = column.saturating_sub(row.width()).max(KEY_GAP);
                let mut spans = vec![Span::styled(
                    format!("  {row}{}", " ".repeat(pad)),
                    app.theme.key(),
                )];
                if i == 0 {
                    spans.push(Span::raw(app.t(action.describe()).to_string()));
                }
                lines.push(Line::from(spans));
            }
        }
        lines.push(Line::default());
    };
    list(Msg::HelpThisScreen, section, &mut lines);
    if section.falls_back_to_global() && section != Section::Global {
        list(Msg::HelpGlobal, Section::Global, &mut lines);
    }
    let close = app
        .keymap
        .key_for(Section::Help, Action::Cancel)
        .unwrap_or_default();
    lines.push(Line::styled(
        Msg::HelpClose.fill(app.lang, &[("key", &close)]),
        app.theme.dim(),
    ));
    let scroll = scroll.min(lines.len().saturating_sub(inner.height as usize)) as u16;
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}

/// What separates a help row's keys from its description, at the least.
const KEY_GAP: usize = 2;
/// The narrowest key column of the help (keys and gap).
const KEY_COLUMN: usize = 12;
/// What the help puts between two keys of one command.
const KEY_JOIN: &str = ", ";

/// The width of a help list's key column (keys and gap) in a popup `room` columns
/// wide: every command's keys on one row where they fit, the column no wider than half
/// the room (the keys of a command wider than that wrap).
fn key_column(commands: &[(Action, Vec<String>)], room: usize) -> usize {
    let widest = commands
        .iter()
        .map(|(_, keys)| keys.join(KEY_JOIN).width())
        .max()
        .unwrap_or(0);
    let most = (room / 2).max(KEY_COLUMN);
    (widest + KEY_GAP).clamp(KEY_COLUMN, most)
}

/// A command's keys joined, in rows no wider than `width` where a key allows (a key
/// wider than that has a row of its own); each row but the last ends with the joiner's
/// comma.
fn key_rows(keys: &[String], width: usize) -> Vec<String> {
    let mut rows = Vec::new();
    let mut row = String::new();
    for key in keys {
        if row.is_empty() {
            row.push_str(key);
        } else if row.width() + KEY_JOIN.width() + key.width() <= width {
            row.push_str(KEY_JOIN);
            row.push_str(key);
        } else {
            row.push_str(KEY_JOIN.trim_end());
            rows.push(std::mem::take(&mut row));
            row.push_str(key);
        }
    }
    if !row.is_empty() {
        rows.push(row);
    }
    rows
}

/// The biên bản read back: every line, wrapped, scrolled; the scroll stops at the end.
fn preview(app: &App, lines: &[String], scroll: usize, frame: &mut Frame, area: Rect) {
    let rect = centered(area, 84, area.height);
    let close = app
        .keymap
        .key_for(Section::Help, Action::Cancel)
        .unwrap_or_default();
    let inner = popup(
        app,
        frame,
        rect,
        &Msg::PreviewTitle.fill(app.lang, &[("key", &close)]),
    );
    let text: Vec<Line> = lines.iter().map(|l| Line::from(l.as_str())).collect();
    let para = Paragraph::new(text).wrap(Wrap { trim: false });
    let rows = para.line_count(inner.width);
    let scroll = scroll.min(rows.saturating_sub(inner.height as usize)) as u16;
    frame.render_widget(para.scroll((scroll, 0)), inner);
}

fn detail(app: &App, frame: &mut Frame, area: Rect) {
    let Some(m) = app.roster.selected_member() else {
        return;
    };
    let rect = centered(area, 72, area.height);
    let inner = popup(app, frame, rect, app.t(Msg::DetailTitle));
    let para = Paragraph::new(super::roster::detail_lines(app, m)).wrap(Wrap { trim: false });
    let rows = para.line_count(inner.width);
    let scroll = app
        .notebook
        .scroll
        .min(rows.saturating_sub(inner.height as usize)) as u16;
    frame.render_widget(para.scroll((scroll, 0)), inner);
}

const LABEL_WIDTH: usize = 26;
/// Rows a field of several lines shows (the caret's line always among them).
const LINES_SHOWN: usize = 4;

/// A field of several lines, under its label; returns the next free row.
#[allow(clippy::too_many_arguments)]
fn render_lines(
    app: &App,
    frame: &mut Frame,
    f: &crate::app::form::Field,
    focused: bool,
    label: String,
    inner: Rect,
    y: u16,
    value_width: usize,
) -> u16 {
    use unicode_segmentation::UnicodeSegmentation;
    let value = f.input.value();
    let before: String = value.graphemes(true).take(f.input.cursor()).collect();
    let caret_row = before.matches('\n').count();
    let caret_col = before.rsplit('\n').next().map_or(0, UnicodeWidthStr::width);
    let lines: Vec<&str> = value.split('\n').collect();
    let first = (caret_row + 1).saturating_sub(LINES_SHOWN);
    let style = if focused {
        app.theme.focus_field()
    } else {
        ratatui::style::Style::new()
    };
    let mut y = y;
    for row in 0..LINES_SHOWN {
        if y >= inner.bottom() {
            break;
        }
        let text = lines.get(first + row).copied().unwrap_or("");
        let (shown, col) = scrolled(
            text,
            if first + row == caret_row {
                caret_col
            } else {
                0
            },
            value_width,
        );
        let head = if row == 0 {
            label.clone()
        } else {
            " ".repeat(LABEL_WIDTH + 1)
        };
        let line = Line::from(vec![
            Span::styled(
                head,
                if focused {
                    app.theme.title()
                } else {
                    app.theme.dim()
                },
            ),
            Span::styled(format!("{shown:<value_width$}"), style),
        ]);
        let rect = Rect {
            x: inner.x,
            y,
            width: inner.width,
            height: 1,
        };
        frame.render_widget(Paragraph::new(line), rect);
        if focused
            && first + row == caret_row
            && let Some(col) = col
        {
            let x = inner.x + (LABEL_WIDTH + 1 + col) as u16;
            if x < inner.right() {
                frame.set_cursor_position((x, y));
            }
        }
        y += 1;
    }
    y
}

fn render_form(app: &App, form: &Form, frame: &mut Frame, area: Rect) {
    // the note (a vote's result) wraps: it is never cut off
    let width = 72.min(area.width);
    let note = form.note.as_ref().map(|n| {
        Paragraph::new(Line::styled(format!(" {n}"), app.theme.info())).wrap(Wrap { trim: false })
    });
    let note_rows = note
        .as_ref()
        .map_or(0, |p| p.line_count(width.saturating_sub(2)));
    let error_rows = usize::from(form.error.is_some()) + note_rows;
    let extra = form
        .fields
        .iter()
        .filter(|f| f.kind == FieldKind::Lines)
        .count()
        * (LINES_SHOWN - 1);
    let wanted = (form.fields.len() + extra + error_rows + 4) as u16;
    let rect = centered(area, width, wanted);
    let inner = popup(app, frame, rect, &form.title);
    // rows for fields: the inner height less the blank line, the note and the hint line
    let rows = (inner.height as usize).saturating_sub(2 + note_rows).max(1);
    let first =
        (form.focus + 1).saturating_sub(rows.saturating_sub(usize::from(form.error.is_some())));
    let mut y = inner.y;
    let value_width = (inner.width as usize).saturating_sub(LABEL_WIDTH + 1);
    for (i, f) in form.fields.iter().enumerate().skip(first) {
        if y >= inner.y + rows as u16 {
            break;
        }
        let focused = i == form.focus;
        let label = format!("{}{}", app.t(f.label), if f.required { " *" } else { "" });
        let label = format!("{label:>LABEL_WIDTH$} ");
        if f.kind == FieldKind::Lines {
            y = render_lines(app, frame, f, focused, label, inner, y, value_width);
            continue;
        }
        let (value, caret) = match &f.kind {
            FieldKind::Choice(options) => {
                let v = options.get(f.choice).map(|m| app.t(*m)).unwrap_or("");
                (format!("‹ {v} ›"), None)
            }
            FieldKind::Options(options) => (
                format!(
                    "‹ {} ›",
                    options.get(f.choice).map(String::as_str).unwrap_or("")
                ),
                None,
            ),
            FieldKind::Member if f.member.is_some() => (format!("» {}", f.member_name), None),
            FieldKind::Member => (format!("» {}", app.t(Msg::NotSet)), None),
            FieldKind::Members if f.members.is_empty() => {
                (format!("» {}", app.t(Msg::NotSet)), None)
            }
            FieldKind::Members => (
                format!(
                    "» {}",
                    f.members
                        .iter()
                        .map(|m| m.1.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                None,
            ),
            _ => scrolled(f.input.value(), f.input.cursor_column(), value_width),
        };
        let style = if focused {
            app.theme.focus_field()
        } else {
            ratatui::style::Style::new()
        };
        let line = Line::from(vec![
            Span::styled(
                label,
                if focused {
                    app.theme.title()
                } else {
                    app.theme.dim()
                },
            ),
            Span::styled(format!("{value:<value_width$}"), style),
        ]);
        frame.render_widget(
            Paragraph::new(line),
            Rect {
                x: inner.x,
                y,
                width: inner.width,
                height: 1,
            },
        );
        if focused && let Some(col) = caret {
            let x = inner.x + (LABEL_WIDTH + 1 + col) as u16;
            if x < inner.right() {
                frame.set_cursor_position((x, y));
            }
        }
        y += 1;
        if let Some((ei, msg)) = form.error
            && ei == i
            && y < inner.bottom()
        {
            // under the value when it fits, otherwise as far left as it needs
            let msg = app.t(msg);
            let indent = (LABEL_WIDTH + 1).min((inner.width as usize).saturating_sub(msg.width()));
            let text = format!("{:indent$}{msg}", "");
            frame.render_widget(
                Paragraph::new(Line::styled(text, app.theme.error())),
                Rect {
                    x: inner.x,
                    y,
                    width: inner.width,
                    height: 1,
                },
            );
            y += 1;
        }
    }
    if let Some(note) = note {
        let h = note_rows as u16;
        let y = inner.bottom().saturating_sub(1 + h);
        frame.render_widget(
            note,
            Rect {
                x: inner.x,
                y,
                width: inner.width,
                height: h,
            },
        );
    }
    let mut hint = vec![Span::raw(" ")];
    if form.fields.get(form.focus).is_some_and(|f| f.is_choice()) {
        hint.push(Span::styled(
            format!("{}  ", app.t(Msg::ChoiceHint)),
            app.theme.dim(),
        ));
    }
    if form.fields.get(form.focus).is_some_and(|f| f.is_member()) {
        hint.push(Span::styled(
            format!("{}  ", app.t(Msg::PickHint)),
            app.theme.dim(),
        ));
    }
    let room = inner
        .width
        .saturating_sub(hint.iter().map(|s| s.width() as u16).sum());
    hint.extend(hints(
        app,
        Section::Form,
        &[Action::NextField, Action::Save, Action::Cancel],
        room,
    ));
    let hint_y = inner.bottom().saturating_sub(1);
    frame.render_widget(
        Paragraph::new(Line::from(hint)),
        Rect {
            x: inner.x,
            y: hint_y,
            width: inner.width,
            height: 1,
        },
    );
}

/// The part of a field's text that fits `width` columns with the caret visible, and the
/// caret's column within it.
fn scrolled(value: &str, caret: usize, width: usize) -> (String, Option<usize>) {
    if width == 0 {
        return (String::new(), None);
    }
    if value.width() < width {
        return (value.to_string(), Some(caret));
    }
    let skip = (caret + 1).saturating_sub(width);
    let mut out = String::new();
    let mut col = 0;
    for c in value.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if col >= skip && col + w <= skip + width {
            out.push(c);
        }
        col += w;
    }
    (out, Some(caret - skip))
}

fn confirm(app: &App, c: &Confirm, frame: &mut Frame, area: Rect) {
    let (title, body) = match c {
        Confirm::DeleteMember(_, name) => (
            Msg::ConfirmDeleteTitle,
            Msg::ConfirmDelete.fill(app.lang, &[("name", name)]),
        ),
        Confirm::EndMeeting => {
            let mut body = app.t(Msg::ConfirmEnd).to_string();
            let missing = app.missing_now();
            if !missing.is_empty() {
                body.push('\n');
                body.push_str(app.t(Msg::ConfirmEndMissing));
                for m in missing {
                    body.push_str("\n • ");
                    body.push_str(&super::minutes::missing_text(app, &m));
                }
            }
            (Msg::ConfirmEndTitle, body)
        }
        Confirm::Approve(..) => (
            Msg::ConfirmApproveTitle,
            app.t(Msg::ConfirmApprove).to_string(),
        ),
        Confirm::OpenTasks(_, name, lead, help) => (
            Msg::ConfirmOpenTasksTitle,
            match (lead, help) {
                (_, 0) => Msg::ConfirmOpenTasks.fill(app.lang, &[("name", name), ("n", lead)]),
                (0, _) => Msg::ConfirmHelperTasks.fill(app.lang, &[("name", name), ("help", help)]),
                _ => Msg::ConfirmLeadAndHelperTasks
                    .fill(app.lang, &[("name", name), ("n", lead), ("help", help)]),
            },
        ),
        Confirm::QuitMeeting => (
            Msg::ConfirmQuitMeetingTitle,
            app.t(Msg::ConfirmQuitMeeting).to_string(),
        ),
        Confirm::RemoveVote(_, _, subject) => (
            Msg::ConfirmRemoveVoteTitle,
            Msg::ConfirmRemoveVote.fill(app.lang, &[("subject", subject)]),
        ),
        Confirm::Ceremony(c) => {
            let date = c
                .taken(crate::domain::candidates::Step::Ceremony)
                .map(|d| crate::domain::calendar::format_date(d.date))
                .unwrap_or_default();
            (
                Msg::ConfirmCeremonyTitle,
                Msg::ConfirmCeremony.fill(app.lang, &[("name", &c.full_name()), ("date", &date)]),
            )
        }
        Confirm::Expulsion(r, _) => {
            let name = app
                .roster
                .members()
                .iter()
                .find(|m| m.id == r.member)
                .map(|m| m.full_name())
                .unwrap_or_default();
            let date = crate::domain::calendar::format_date(r.date);
            (
                Msg::ConfirmExpulsionTitle,
                Msg::ConfirmExpulsion.fill(app.lang, &[("name", &name), ("date", &date)]),
            )
        }
        Confirm::QuitUnsaved(why) => (
            Msg::ConfirmQuitUnsavedTitle,
            Msg::ConfirmQuitUnsaved.fill(app.lang, &[("err", why)]),
        ),
    };
    let rows = body.lines().count() as u16 * 2 + 5;
    let rect = centered(area, 64, rows.max(8));
    let inner = popup(app, frame, rect, app.t(title));
    let yes = app
        .keymap
        .key_for(Section::Confirm, Action::Confirm)
        .unwrap_or_default();
    let no = app
        .keymap
        .key_for(Section::Confirm, Action::Cancel)
        .unwrap_or_default();
    let mut lines: Vec<Line> = body.lines().map(|l| Line::from(l.to_string())).collect();
    lines.push(Line::default());
    // with things missing the choice is to go back to them or end anyway
    let hint = if *c == Confirm::EndMeeting && !app.missing_now().is_empty() {
        Msg::ConfirmEndAnyway
    } else {
        Msg::ConfirmHint
    };
    lines.push(Line::styled(
        hint.fill(app.lang, &[("yes", &yes), ("no", &no)]),
        app.theme.key(),
    ));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(list: &[&str]) -> Vec<String> {
        list.iter().map(|k| k.to_string()).collect()
    }

    #[test]
    fn keys_of_a_command_join_and_wrap_at_the_column() {
        assert_eq!(key_rows(&keys(&["f2", "ctrl-t"]), 10), ["f2, ctrl-t"]);
        assert_eq!(
            key_rows(&keys(&["ctrl-down", "alt-down", "ctrl-j"]), 12),
            ["ctrl-down,", "alt-down,", "ctrl-j"]
        );
        // a key wider than the column keeps a row of its own
        assert_eq!(
            key_rows(&keys(&["a", "g g g g g g"]), 5),
            ["a,", "g g g g g g"]
        );
    }

    #[test]
    fn the_key_column_widens_for_its_widest_keys_up_to_half_the_room() {
        let narrow = [(Action::New, keys(&["n"]))];
        assert_eq!(key_column(&narrow, 68), KEY_COLUMN);
        let wide = [(Action::NextEntry, keys(&["ctrl-down", "alt-down"]))];
        assert_eq!(key_column(&wide, 68), "ctrl-down, alt-down".len() + KEY_GAP);
        let wider = [(Action::NextEntry, keys(&["ctrl-down"; 6]))];
        assert_eq!(key_column(&wider, 68), 34);
    }
}
