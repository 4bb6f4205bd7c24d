//! The live minutes console: meeting clock and attendance, the current agenda item
//! and its time box, the item's entries, and the editor with the caret where the IME
//! draws; what the minutes lack, said when the meeting ends.

use chrono::NaiveDateTime;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::app::App;
use crate::app::minutes::Console;
use crate::domain::meeting::{EntryKind, Missing};
use crate::i18n::Msg;

/// Width from which the agenda stands beside the minutes.
const SIDE_AGENDA_WIDTH: u16 = 110;

fn hms(secs: i64) -> String {
    let s = secs.max(0);
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    }
}

fn member_name(app: &App, id: crate::domain::member::MemberId) -> String {
    app.roster
        .members()
        .iter()
        .find(|m| m.id == id)
        .map(|m| m.full_name())
        .unwrap_or_default()
}

fn entry_label(app: &App, kind: &EntryKind) -> String {
    match kind {
        EntryKind::Note => app.t(Msg::EntryNote).to_string(),
        EntryKind::Speech(id) => {
            Msg::EntrySpeech.fill(app.lang, &[("name", &member_name(app, *id))])
        }
        EntryKind::GuestSpeech(guest) => Msg::EntryGuestSpeech.fill(app.lang, &[("name", guest)]),
        EntryKind::Conclusion => app.t(Msg::EntryConclusion).to_string(),
        EntryKind::Vote(v) => {
            use crate::domain::vote::VoteRule;
            let result = app.t(if v.passed() {
                Msg::Passed
            } else {
                Msg::NotPassed
            });
            // the denominator the rule divides by, as the biên bản says it
            let rule = app.t(match v.rule {
                VoteRule::SimpleMajority => Msg::RuleLineSimple,
                VoteRule::TwoThirdsOfBranch => Msg::RuleLineTwoThirds,
                VoteRule::MajorityOfBranch => Msg::RuleLineMajorityOfBranch,
            });
            Msg::EntryVote.fill(
                app.lang,
                &[
                    ("subject", &v.subject),
                    ("for", &v.in_favour),
                    ("of", &v.denominator()),
                    ("rule", &rule),
                    ("against", &v.against),
                    ("other", &v.other),
                    ("result", &result),
                ],
            )
        }
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let Some(c) = &app.meetings.console else {
        return;
    };
    let now = app_now(app);
    let [top, item_line, body] = super::layout::vertical(
        area,
        [
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(3),
        ],
    );
    // meeting line: title, clock, attendance
    let clock = c
        .meeting
        .started_at
        .map(|s| hms((now - s).num_seconds()))
        .unwrap_or_default();
    let r = app.console_attendance().unwrap_or_default();
    // an exempt member who attends is welcome, not one of the expected: never "28/27"
    let exempt_here = r
        .present
        .iter()
        .filter(|id| {
            app.roster
                .members()
                .iter()
                .any(|m| m.id == **id && m.activity == crate::domain::member::Activity::Exempt)
        })
        .count();
    let kind = app.t(crate::i18n::labels::meeting_kind(c.meeting.kind));
    let mut chars = kind.chars();
    let kind: String = chars
        .next()
        .map(|f| f.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    let title = format!("{kind} {}", c.meeting.month_label());
    let mut line = Msg::ConsoleLine.fill(
        app.lang,
        &[
            ("title", &title),
            ("clock", &clock),
            ("present", &(r.present.len() - exempt_here)),
            ("total", &r.expected()),
            ("absent", &(r.excused.len() + r.absent.len())),
        ],
    );
    if r.unmarked > 0 {
        line.push_str(&Msg::ConsoleUnmarked.fill(app.lang, &[("n", &r.unmarked)]));
    }
    frame.render_widget(
        Paragraph::new(Line::styled(format!(" {line}"), app.theme.header())),
        top,
    );

    // item line with its time box
    let item = c.meeting.agenda.get(c.item);
    let spent = c.item_elapsed(now);
    let planned = item.map(|i| i.planned_minutes as i64 * 60).unwrap_or(0);
    let time_box = Msg::ItemClock.fill(
        app.lang,
        &[("spent", &hms(spent)), ("planned", &hms(planned))],
    );
    let label = Msg::ItemLine.fill(
        app.lang,
        &[
            ("n", &(c.item + 1)),
            ("of", &c.meeting.agenda.len()),
            ("title", &item.map(|i| i.title.as_str()).unwrap_or("")),
        ],
    );
    let box_style = if planned > 0 && spent > planned {
        app.theme.error()
    } else {
        app.theme.dim()
    };
    let width = item_line.width as usize;
    let box_w = time_box.chars().count() + 3;
    let label: String = truncate(&label, width.saturating_sub(box_w + 2));
    let pad =
        width.saturating_sub(unicode_width::UnicodeWidthStr::width(label.as_str()) + box_w + 1);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!(" {label}"), app.theme.title()),
            Span::raw(" ".repeat(pad)),
            Span::styled(format!("{time_box} "), box_style),
        ])),
        item_line,
    );

    let main = if area.width >= SIDE_AGENDA_WIDTH {
        let [side, main] =
            super::layout::horizontal(body, [Constraint::Length(34), Constraint::Min(40)]);
        render_agenda_side(app, c, frame, side);
        main
    } else {
        body
    };
    render_entries(app, c, frame, main);
}

/// At most `width` columns of `s`, with "…" where it was cut.
pub(super) fn truncate(s: &str, width: usize) -> String {
    if unicode_width::UnicodeWidthStr::width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for ch in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        w += cw;
        out.push(ch);
    }
    out.push('…');
    out
}

fn app_now(app: &App) -> NaiveDateTime {
    app.now()
}

fn render_agenda_side(app: &App, c: &Console, frame: &mut Frame, area: Rect) {
    let lines: Vec<Line> = c
        .meeting
        .agenda
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let text = truncate(
                &format!("{}. {}", i + 1, item.title),
                area.width.saturating_sub(2) as usize,
            );
            if i == c.item {
                Line::styled(text, app.theme.selected())
            } else {
                Line::from(text)
            }
        })
        .collect();
    let block = Block::default().borders(Borders::RIGHT);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(lines), inner);
}

fn render_entries(app: &App, c: &Console, frame: &mut Frame, area: Rect) {
    let Some(item) = c.meeting.agenda.get(c.item) else {
        return;
    };
    // what was recorded before, above the editor; the latest lines stay in view
    let mut history: Vec<Line> = Vec::new();
    // the item that reviews last month's resolution shows its items and their status
    let reviewing = crate::domain::meeting::reviews_resolution(&item.title);
    if reviewing && let Some((res, tasks)) = app.review_items() {
        let key = app
            .keymap
            .key_for(
                crate::command::Section::Console,
                crate::command::Action::Review,
            )
            .unwrap_or_default();
        history.push(Line::styled(
            Msg::ReviewInConsole.fill(app.lang, &[("number", &res.number), ("key", &key)]),
            app.theme.title(),
        ));
        let today = app.today();
        for (i, t) in tasks.iter().enumerate() {
            let lead = t.lead.map(|id| member_name(app, id)).unwrap_or_default();
            let status = app.t(crate::i18n::labels::shown(t.shown(today)));
            let style = if t.is_overdue(today) {
                app.theme.error()
            } else {
                app.theme.dim()
            };
            history.push(Line::styled(
                format!("  {}. {} — {lead} — {status}", i + 1, t.title),
                style,
            ));
        }
    }
    for (i, e) in item.entries.iter().enumerate() {
        if i == c.entry {
            history.push(Line::styled(
                format!("▶ {} …", entry_label(app, &e.kind)),
                app.theme.dim(),
            ));
            continue;
        }
        let is_vote = matches!(e.kind, EntryKind::Vote(_));
        let label = format!(
            "{} {}{}",
            e.at.format("%H:%M"),
            entry_label(app, &e.kind),
            if is_vote { "" } else { ": " }
        );
        let style = if is_vote {
            app.theme.info()
        } else {
            app.theme.dim()
        };
        let mut spans = vec![Span::styled(label, style)];
        if !matches!(e.kind, EntryKind::Vote(_)) {
            spans.push(Span::raw(e.text.replace('\n', " ")));
        }
        history.push(Line::from(spans));
    }
    let history_rows = (area.height / 3).max(1);
    let [hist, label, editor] = super::layout::vertical(
        area,
        [
            Constraint::Length(history_rows),
            Constraint::Length(1),
            Constraint::Min(1),
        ],
    );
    let para = Paragraph::new(history.clone()).wrap(Wrap { trim: false });
    let total = para.line_count(hist.width) as u16;
    let scroll = total.saturating_sub(hist.height);
    frame.render_widget(para.scroll((scroll, 0)), hist);

    let active = c
        .active()
        .map(|e| format!(" {} — {} ", e.at.format("%H:%M"), entry_label(app, &e.kind)))
        .unwrap_or_default();
    let rule = "─".repeat(label.width as usize);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(active.clone(), app.theme.title()),
            Span::styled(rule, app.theme.dim()),
        ])),
        label,
    );
    frame.render_widget(&c.editor, editor);
    // the terminal's own cursor at the caret, so an IME draws its composition there
    if app.overlays.is_empty() {
        let (row, col) = c.editor.caret_on_screen();
        let (row, col) = (row as u16, col as u16);
        if row < editor.height && col < editor.width {
            frame.set_cursor_position((editor.x + col, editor.y + row));
        }
    }
}

/// One missing thing, as the end-of-meeting confirmation lists it.
pub fn missing_text(app: &App, m: &Missing) -> String {
    match m {
        Missing::Chair => app.t(Msg::MissingChair).to_string(),
        Missing::Secretary => app.t(Msg::MissingSecretary).to_string(),
        Missing::RollCall(n) => Msg::MissingRollCall.fill(app.lang, &[("n", n)]),
        Missing::VoteCount(s) => Msg::MissingVote.fill(app.lang, &[("subject", s)]),
        Missing::EmptyItem(title) => Msg::MissingItem.fill(app.lang, &[("title", title)]),
        Missing::Conclusion => app.t(Msg::MissingConclusion).to_string(),
        Missing::TooShort { minutes, minimum } => {
            Msg::MissingShort.fill(app.lang, &[("minutes", minutes), ("minimum", minimum)])
        }
        Missing::Undecided(n) => {
            let key = app
                .keymap
                .key_for(
                    crate::command::Section::Console,
                    crate::command::Action::Grading,
                )
                .unwrap_or_default();
            Msg::MissingGrades.fill(app.lang, &[("n", n), ("key", &key)])
        }
    }
}
