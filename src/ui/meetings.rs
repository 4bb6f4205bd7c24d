//! The meetings screen: the list of meetings, and one meeting's plan and agenda.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::table::{Cell, Column, Row};

use crate::app::App;
use crate::app::mouse::ListArea;
use crate::command::{Action, Section};
use crate::domain::calendar::format_date;
use crate::domain::meeting::Meeting;
use crate::i18n::{Msg, labels};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    if app.meetings.console.is_some() {
        super::minutes::render(app, frame, area);
    } else if let Some(m) = app.meetings.open_meeting() {
        render_agenda(app, m, frame, area);
    } else {
        render_list(app, frame, area);
    }
}

/// Where the list in front is, for a click: the agenda of the meeting open, or the
/// meetings (none in the console, which draws no list).
pub(super) fn list(app: &App, area: Rect) -> Option<ListArea> {
    if app.meetings.console.is_some() {
        return None;
    }
    if let Some(m) = app.meetings.open_meeting() {
        let table = agenda_layout(area, info_lines(&extra_line(app, m), m))[1];
        let cursor = app.meetings.item;
        let len = m.agenda.len();
        let shown = table.height.saturating_sub(1) as usize;
        let selected = cursor.selected().min(len.saturating_sub(1));
        return super::table::window(table, len, cursor.first_shown(len, shown), selected);
    }
    let table = list_layout(area)[1];
    let ms = &app.meetings;
    let len = ms.visible_len();
    let first = ms
        .shown
        .cursor
        .first_shown(len, table.height.saturating_sub(1) as usize);
    super::table::window(table, len, first, ms.shown.cursor.selected())
}

/// The filters line above the table of meetings.
fn list_layout(area: Rect) -> [Rect; 2] {
    super::layout::vertical(area, [Constraint::Length(1), Constraint::Min(1)])
}

/// Meetings the list shows at once (below its heading).
pub(super) fn list_rows(area: Rect) -> usize {
    list_layout(area)[1].height.saturating_sub(1) as usize
}

/// The meeting's details, its agenda and the total line.
/// The details take 4 lines: title, date and place, chair, and the guests and
/// amendments; a held meeting's quality takes the last one, or a fifth beside them.
fn agenda_layout(area: Rect, info_lines: u16) -> [Rect; 3] {
    super::layout::vertical(
        area,
        [
            Constraint::Length(info_lines),
            Constraint::Min(1),
            Constraint::Length(1),
        ],
    )
}

/// Agenda items shown at once (below the heading).
pub(super) fn agenda_rows(app: &App, area: Rect) -> usize {
    let lines = app
        .meetings
        .open_meeting()
        .map_or(4, |m| info_lines(&extra_line(app, m), m));
    agenda_layout(area, lines)[1].height.saturating_sub(1) as usize
}

fn render_list(app: &App, frame: &mut Frame, area: Rect) {
    let ms = &app.meetings;
    let [filters, table] = list_layout(area);
    let year = ms
        .year
        .map(|y| y.to_string())
        .unwrap_or_else(|| app.t(Msg::FilterAll).to_string());
    let kind = ms
        .kind
        .map(|k| app.t(labels::meeting_kind(k)))
        .unwrap_or(app.t(Msg::FilterAll));
    let line = Msg::MeetingFilters.fill(app.lang, &[("year", &year), ("kind", &kind)]);
    let mut spans = vec![Span::styled(format!(" {line}"), app.theme.dim())];
    // a quarter that ended without a thematic meeting (DOMAIN.md §The year)
    if let Some((year, quarter)) =
        crate::domain::quality::last_quarter_without_thematic(ms.all(), app.today())
    {
        let quarter = ["I", "II", "III", "IV"][(quarter as usize).clamp(1, 4) - 1];
        let warning =
            Msg::NoThematicInQuarter.fill(app.lang, &[("quarter", &quarter), ("year", &year)]);
        spans.push(Span::styled(format!("   ⚠ {warning}"), app.theme.warn()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), filters);
    if ms.visible_len() == 0 {
        let key = app
            .keymap
            .key_for(Section::Meetings, Action::New)
            .unwrap_or_default();
        let text = Msg::NoMeetings.fill(app.lang, &[("key", &key)]);
        let inner = table.inner(ratatui::layout::Margin {
            horizontal: 1,
            vertical: 1,
        });
        frame.render_widget(
            Paragraph::new(text)
                .style(app.theme.dim())
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let rows_height = table.height.saturating_sub(1) as usize;
    let selected = ms.shown.cursor.selected();
    let offset = ms.shown.cursor.first_shown(ms.visible_len(), rows_height);
    let rows: Vec<Row> = ms
        .visible()
        .skip(offset)
        .take(rows_height)
        .map(|m| {
            let mut kind = app.t(labels::meeting_kind(m.kind)).to_string();
            if m.with_thematic {
                kind.push_str(" + ");
                kind.push_str(app.t(Msg::KindThematic));
            }
            Row::new([
                Cell::new(m.month_label()),
                Cell::new(kind),
                Cell::new(format_date(m.date)),
                Cell::new(m.start.format("%H:%M").to_string()),
                Cell::new(app.t(labels::meeting_status(m.status()))),
                Cell::new(m.place.clone()),
            ])
        })
        .collect();
    let t = |m| app.t(m);
    let columns = [
        Column::new(t(Msg::ColMonth)).cap(7),
        Column::new(t(Msg::ColKind)).cap(24).min(10),
        Column::new(t(Msg::ColDate)).cap(10),
        Column::new(t(Msg::ColTime)).cap(5),
        Column::new(t(Msg::ColMeetingStatus)).cap(14).min(8),
        Column::new(t(Msg::ColPlace)).cap(30).min(8).grow(),
    ];
    super::table::render(app, frame, table, &columns, rows, Some(selected - offset));
}

fn name(app: &App, id: Option<crate::domain::member::MemberId>) -> String {
    id.and_then(|id| app.roster.members().iter().find(|m| m.id == id))
        .map(|m| m.full_name())
        .unwrap_or_else(|| app.t(Msg::NotSet).to_string())
}

pub fn meeting_title(app: &App, m: &Meeting) -> String {
    let mut kind = app.t(labels::meeting_kind(m.kind)).to_string();
    if m.with_thematic {
        kind.push_str(" + ");
        kind.push_str(app.t(Msg::KindThematic));
    }
    Msg::MeetingTitle.fill(app.lang, &[("kind", &kind), ("month", &m.month_label())])
}

/// The details' fourth line: the guests, the amendments, the grading sheet.
fn extra_line(app: &App, m: &Meeting) -> String {
    let mut extra = Vec::new();
    if !m.guests.is_empty() {
        extra.push(Msg::GuestsLine.fill(app.lang, &[("guests", &m.guests)]));
    }
    if !m.amendments.is_empty() {
        extra.push(Msg::AmendmentsLine.fill(app.lang, &[("n", &m.amendments.len())]));
    }
    if m.kind == crate::domain::meeting::MeetingKind::YearEnd {
        let decided = m.review.as_ref().map_or(0, |r| {
            r.members.values().filter(|s| s.decision.is_some()).count()
        });
        let key = app
            .keymap
            .key_for(
                crate::command::Section::Agenda,
                crate::command::Action::Grading,
            )
            .unwrap_or_default();
        extra.push(Msg::GradingAgendaLine.fill(app.lang, &[("key", &key), ("n", &decided)]));
    }
    extra.join(" · ")
}

/// How many lines the details take.
fn info_lines(extra: &str, m: &Meeting) -> u16 {
    if m.ended_at.is_some() && !extra.is_empty() {
        5
    } else {
        4
    }
}

/// The facts of a held meeting the branch can act on: attendance, who spoke, the
/// length against its minimum, the items that name who leads them, the quarter's
/// thematic meeting; what falls short is drawn as a warning.
fn quality_line(app: &App, m: &Meeting, width: u16) -> Line<'static> {
    use crate::domain::quality::{meeting_quality, quarter};
    // only the items of the resolution adopted at this meeting are read
    let resolutions = app.resolutions.all();
    let tasks: Vec<_> = resolutions
        .iter()
        .filter(|r| r.meeting == Some(m.id))
        .flat_map(|r| r.items.iter().filter_map(|id| app.resolutions.task(*id)))
        .cloned()
        .collect();
    let q = meeting_quality(
        m,
        app.meetings.all(),
        app.roster.members(),
        resolutions,
        &tasks,
    );
    // (what it says, whether it falls short): what falls short comes first, so it is
    // seen at 80 columns too
    let mut parts: Vec<(String, bool)> = vec![(
        Msg::QualityAttended.fill(
            app.lang,
            &[
                ("present", &q.present),
                ("expected", &q.expected),
                ("pct", &q.attendance_percent().unwrap_or(0)),
            ],
        ),
        false,
    )];
    parts.push((
        Msg::QualitySpoke.fill(app.lang, &[("n", &q.speakers.len())]),
        q.speakers.is_empty(),
    ));
    if let Some(minutes) = q.minutes {
        parts.push((
            Msg::QualityLength.fill(app.lang, &[("minutes", &minutes), ("minimum", &q.minimum)]),
            q.long_enough() == Some(false),
        ));
    }
    if q.items > 0 {
        parts.push((
            Msg::QualityItems.fill(app.lang, &[("lead", &q.items_with_lead), ("n", &q.items)]),
            !q.concrete(),
        ));
    }
    if !q.thematic_in_quarter {
        parts.push((
            Msg::QualityNoThematic.fill(app.lang, &[("quarter", &quarter(q.date))]),
            true,
        ));
    }
    parts.sort_by_key(|(_, short)| !short);
    let short = parts.iter().any(|(_, short)| *short);
    let parts: Vec<String> = parts.into_iter().map(|(text, _)| text).collect();
    let style = if short {
        app.theme.warn()
    } else {
        app.theme.dim()
    };
    let text = format!("{}: {}", app.t(Msg::QualityHeading), parts.join(" · "));
    Line::styled(
        format!(
            " {}",
            super::table::fit(&text, width.saturating_sub(1) as usize)
        ),
        style,
    )
}

fn render_agenda(app: &App, m: &Meeting, frame: &mut Frame, area: Rect) {
    let extra = extra_line(app, m);
    let [info, table, total] = agenda_layout(area, info_lines(&extra, m));
    let status = app.t(labels::meeting_status(m.status()));
    let place = if m.place.is_empty() {
        app.t(Msg::NotSet).to_string()
    } else {
        m.place.clone()
    };
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!(" {}", meeting_title(app, m)), app.theme.title()),
            Span::styled(format!("  [{status}]"), app.theme.warn()),
        ]),
        Line::from(format!(
            " {}",
            Msg::MeetingInfo.fill(
                app.lang,
                &[
                    ("date", &format_date(m.date)),
                    ("time", &m.start.format("%H:%M")),
                    ("place", &place)
                ]
            )
        )),
        Line::from(format!(
            " {}",
            Msg::ChairLine.fill(
                app.lang,
                &[
                    ("chair", &name(app, m.chair)),
                    ("secretary", &name(app, m.secretary))
                ]
            )
        )),
    ];
    if !extra.is_empty() || m.ended_at.is_none() {
        lines.push(Line::styled(format!(" {extra}"), app.theme.dim()));
    }
    if m.ended_at.is_some() {
        lines.push(quality_line(app, m, info.width));
    }
    frame.render_widget(Paragraph::new(lines), info);

    let cursor = app.meetings.item;
    let shown = table.height.saturating_sub(1) as usize;
    let selected = cursor.selected().min(m.agenda.len().saturating_sub(1));
    let first = cursor.first_shown(m.agenda.len(), shown);
    let rows: Vec<Row> = m
        .agenda
        .iter()
        .enumerate()
        .skip(first)
        .take(shown)
        .map(|(i, item)| {
            let presenter = item
                .presenter
                .and_then(|id| app.roster.members().iter().find(|x| x.id == id))
                .map(|x| x.full_name())
                .unwrap_or_default();
            Row::new([
                Cell::new(format!("{:>3}", i + 1)),
                Cell::new(item.title.clone()),
                Cell::new(presenter),
                Cell::new(format!("{:>4}", item.planned_minutes)),
            ])
        })
        .collect();
    let t = |m| app.t(m);
    let columns = [
        Column::new(t(Msg::ColNo)).cap(3),
        Column::new(t(Msg::ColItem)).cap(60).min(20).grow(),
        Column::new(t(Msg::ColPresenter)).cap(20).min(10),
        Column::new(t(Msg::ColMinutes)).cap(4),
    ];
    super::table::render(
        app,
        frame,
        table,
        &columns,
        rows,
        (!m.agenda.is_empty()).then(|| selected - first),
    );

    let planned = m.planned_minutes();
    let minimum = m.minimum_minutes();
    let (msg, style) = if planned < minimum {
        (Msg::AgendaTotalShort, app.theme.warn())
    } else {
        (Msg::AgendaTotal, app.theme.dim())
    };
    let text = msg.fill(app.lang, &[("total", &planned), ("minimum", &minimum)]);
    frame.render_widget(
        Paragraph::new(Line::styled(format!(" {text}"), style)),
        total,
    );
}
