// Over 500 lines: the roster screen and a member's detail, which the detail popup draws as well.
//! The roster screen: counts, reminders, search and filters, the member table, and
//! (on wide terminals) the selected member's details beside it.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::table::{Cell, Column, Row};

use crate::app::App;
use crate::app::mouse::ListArea;
use crate::app::roster::ActivityFilter;
use crate::domain::calendar::{format_date, format_opt};
use crate::domain::member::{Activity, Member, probation_reminder};
use crate::i18n::{Msg, labels};

/// Width from which the detail pane sits beside the table.
const SIDE_DETAIL_WIDTH: u16 = 120;
/// Reminder lines shown above the table at most.
const MAX_REMINDER_LINES: usize = 2;

/// The counts line, the reminders, the filters and the table.
fn layout(app: &App, area: Rect) -> [Rect; 4] {
    let n = app.reminders.len();
    let reminder_lines = if n > MAX_REMINDER_LINES {
        MAX_REMINDER_LINES + 1
    } else {
        n
    };
    super::layout::vertical(
        area,
        [
            Constraint::Length(1),
            Constraint::Length(reminder_lines as u16),
            Constraint::Length(1),
            Constraint::Min(1),
        ],
    )
}

/// Members the table shows at once (below its heading).
pub(super) fn table_rows(app: &App, area: Rect) -> usize {
    layout(app, area)[3].height.saturating_sub(1) as usize
}

/// The table and the detail pane beside it, in a wide terminal.
fn beside_detail(table: Rect) -> [Rect; 2] {
    super::layout::horizontal(table, [Constraint::Min(60), Constraint::Length(44)])
}

/// Where the members' table is, for a click: none when no member shows.
pub(super) fn list(app: &App, area: Rect) -> Option<ListArea> {
    let mut table = layout(app, area)[3];
    if area.width >= SIDE_DETAIL_WIDTH {
        table = beside_detail(table)[0];
    }
    let r = &app.roster;
    let len = r.visible_len();
    let first = r
        .list
        .cursor
        .first_shown(len, table.height.saturating_sub(1) as usize);
    super::table::window(table, len, first, r.list.cursor.selected())
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let [counts, reminders, filters, table] = layout(app, area);
    render_counts(app, frame, counts);
    render_reminders(app, frame, reminders);
    render_filters(app, frame, filters);
    if area.width >= SIDE_DETAIL_WIDTH {
        let [list, side] = beside_detail(table);
        render_table(app, frame, list);
        if let Some(m) = app.roster.selected_member() {
            let block = Block::default()
                .borders(Borders::LEFT)
                .title(app.t(Msg::DetailTitle));
            let inner = block.inner(side);
            frame.render_widget(block, side);
            frame.render_widget(
                Paragraph::new(detail_lines(app, m)).wrap(Wrap { trim: false }),
                inner,
            );
        }
    } else {
        render_table(app, frame, table);
    }
}

fn render_counts(app: &App, frame: &mut Frame, area: Rect) {
    let c = app.roster.counts();
    let counts = Msg::Counts.fill(
        app.lang,
        &[
            ("total", &c.total),
            ("official", &c.official),
            ("probationary", &c.probationary),
            ("exempt", &c.exempt),
        ],
    );
    let mut counts = counts;
    if c.temporary_out > 0 {
        counts.push_str(&Msg::CountsTemporaryOut.fill(app.lang, &[("n", &c.temporary_out)]));
    }
    if c.temporary_in > 0 {
        counts.push_str(&Msg::CountsTemporaryIn.fill(app.lang, &[("n", &c.temporary_in)]));
    }
    let mut spans = vec![Span::styled(format!(" {counts}"), app.theme.title())];
    if app.roster.is_filtered() {
        let shown = Msg::Showing.fill(
            app.lang,
            &[
                ("shown", &app.roster.visible_len()),
                ("all", &app.roster.members().len()),
            ],
        );
        spans.push(Span::styled(format!("  ({shown})"), app.theme.dim()));
    }
    let spans = super::table::fit_spans(spans, area.width as usize);
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn reminder_text(app: &App, r: &crate::domain::member::ProbationReminder) -> String {
    let name = app
        .roster
        .members()
        .iter()
        .find(|m| m.id == r.member)
        .map(Member::full_name)
        .unwrap_or_default();
    if let Some(day) = r.considered {
        return Msg::ReminderAwaitingDecision
            .fill(app.lang, &[("name", &name), ("day", &format_date(day))]);
    }
    let msg = if r.overdue {
        Msg::ReminderOverdue
    } else {
        Msg::Reminder
    };
    let text = msg.fill(
        app.lang,
        &[
            ("name", &name),
            ("ends", &format_date(r.ends)),
            ("by", &format_date(r.consider_by)),
        ],
    );
    match estimate_note(app, r) {
        Some(note) => format!("{text} {note}"),
        None => text,
    }
}

/// The note saying a deadline counts holidays from the rules alone.
fn estimate_note(app: &App, r: &crate::domain::member::ProbationReminder) -> Option<String> {
    r.estimated_year
        .map(|year| Msg::ReminderEstimate.fill(app.lang, &[("year", &year)]))
}

fn render_reminders(app: &App, frame: &mut Frame, area: Rect) {
    let mut lines: Vec<Line> = app
        .reminders
        .iter()
        .take(MAX_REMINDER_LINES)
        .map(|r| {
            let style = if r.overdue {
                app.theme.error()
            } else {
                app.theme.warn()
            };
            let text = super::table::fit(
                &format!(" ⚑ {}", reminder_text(app, r)),
                area.width as usize,
            );
            Line::styled(text, style)
        })
        .collect();
    if app.reminders.len() > MAX_REMINDER_LINES {
        let more = Msg::RemindersMore.fill(
            app.lang,
            &[("n", &(app.reminders.len() - MAX_REMINDER_LINES))],
        );
        let more = super::table::fit(&format!("   {more}"), area.width as usize);
        lines.push(Line::styled(more, app.theme.warn()));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn render_filters(app: &App, frame: &mut Frame, area: Rect) {
    let r = &app.roster;
    let mut spans = vec![
        Span::raw(" "),
        Span::styled(app.t(Msg::SearchPrompt), app.theme.dim()),
    ];
    let query_style = if r.searching {
        app.theme.focus_field()
    } else {
        app.theme.title()
    };
    spans.push(Span::styled(r.query.value().to_string(), query_style));
    let prompt_width = 1 + unicode_width::UnicodeWidthStr::width(app.t(Msg::SearchPrompt));
    if r.searching && app.overlays.is_empty() {
        let x = area.x + (prompt_width + r.query.cursor_column()) as u16;
        if x < area.right() {
            frame.set_cursor_position((x, area.y));
        }
    }
    let standing = r
        .standing
        .map(|s| app.t(labels::standing(s)))
        .unwrap_or(app.t(Msg::FilterAll));
    let activity = match r.activity {
        ActivityFilter::OnRoster => app.t(Msg::FilterOnRoster),
        ActivityFilter::All => app.t(Msg::FilterAll),
        ActivityFilter::Only(a) => app.t(labels::activity(a)),
    };
    let role = r
        .role
        .map(|x| app.t(labels::role(x)))
        .unwrap_or(app.t(Msg::FilterAll));
    spans.push(Span::styled(
        format!(
            "   {}: {}  {}: {}  {}: {}",
            app.t(Msg::FilterLabelStanding),
            standing,
            app.t(Msg::FilterLabelActivity),
            activity,
            app.t(Msg::FilterLabelRole),
            role
        ),
        app.theme.dim(),
    ));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn render_table(app: &App, frame: &mut Frame, area: Rect) {
    let r = &app.roster;
    if r.visible_len() == 0 {
        let text = if r.members().is_empty() {
            let key = app
                .keymap
                .key_for(crate::command::Section::Roster, crate::command::Action::New)
                .unwrap_or_default();
            Msg::EmptyRoster.fill(app.lang, &[("key", &key)])
        } else {
            app.t(Msg::NoMatch).to_string()
        };
        let inner = area.inner(ratatui::layout::Margin {
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
    let rows_height = area.height.saturating_sub(1) as usize;
    // Only the rows on screen are built: a long roster costs the same per frame.
    let selected = r.list.cursor.selected();
    let offset = r.list.cursor.first_shown(r.visible_len(), rows_height);
    let rows: Vec<Row> = r
        .visible()
        .enumerate()
        .skip(offset)
        .take(rows_height)
        .map(|(i, m)| {
            let role = if m.committee_role == crate::domain::member::CommitteeRole::None {
                String::new()
            } else {
                app.t(labels::role(m.committee_role)).to_string()
            };
            let row = Row::new([
                Cell::new(format!("{:>3}", i + 1)),
                Cell::new(m.full_name()),
                Cell::new(
                    m.birth_date
                        .map(|d| d.year().to_string())
                        .unwrap_or_default(),
                ),
                Cell::new(format_opt(m.admission_date)),
                Cell::new(app.t(labels::standing(m.standing))),
                Cell::new(role),
                Cell::new(app.t(labels::activity(m.activity))),
            ]);
            if m.activity.on_roster() {
                row
            } else {
                row.style(app.theme.left_roster())
            }
        })
        .collect();
    let t = |m| app.t(m);
    let columns = [
        Column::new(t(Msg::ColNo)).cap(3),
        Column::new(t(Msg::ColName)).cap(30).min(14).grow(),
        Column::new(t(Msg::ColBorn)).cap(4),
        Column::new(t(Msg::ColAdmitted)).cap(10),
        Column::new(t(Msg::ColStanding)).cap(10),
        Column::new(t(Msg::ColRole)).cap(12),
        Column::new(t(Msg::ColStatus)).cap(28).min(10),
    ];
    super::table::render(app, frame, area, &columns, rows, Some(selected - offset));
}

/// Every field of a member, their reminder and status history.
pub fn detail_lines(app: &App, m: &Member) -> Vec<Line<'static>> {
    let t = |msg| app.t(msg);
    let field = |label: Msg, value: String| {
        Line::from(vec![
            Span::styled(format!("{}: ", t(label)), app.theme.dim()),
            Span::raw(value),
        ])
    };
    let mut lines = vec![
        Line::styled(m.full_name(), app.theme.title()),
        field(Msg::FieldGender, t(labels::gender(m.gender)).to_string()),
        field(Msg::FieldBirth, format_opt(m.birth_date)),
        field(Msg::FieldAdmission, format_opt(m.admission_date)),
        field(Msg::FieldOfficial, format_opt(m.official_date)),
        field(
            Msg::FieldStanding,
            t(labels::standing(m.standing)).to_string(),
        ),
    ];
    if let Some(d) = &m.recognition_decision {
        lines.push(field(
            Msg::FieldDecision,
            Msg::DecisionLine.fill(
                app.lang,
                &[("number", &d.number), ("date", &format_date(d.date))],
            ),
        ));
    }
    lines.extend([
        field(Msg::FieldCard, m.card_number.clone()),
        field(
            Msg::FieldRole,
            t(labels::role(m.committee_role)).to_string(),
        ),
        field(
            Msg::FieldActivity,
            t(labels::activity(m.activity)).to_string(),
        ),
        field(Msg::FieldPhone, m.phone.clone()),
        field(Msg::FieldResidence, m.residence.clone()),
        field(Msg::FieldWorkplace, m.workplace.clone()),
        field(Msg::FieldNotes, m.notes.clone()),
    ]);
    if let Some(r) = probation_reminder(m, app.today(), &app.calendar) {
        lines.push(field(Msg::ProbationEnds, format_date(r.ends)));
        let style = if r.overdue {
            app.theme.error()
        } else {
            app.theme.warn()
        };
        lines.push(Line::styled(
            match estimate_note(app, &r) {
                Some(note) => format!(
                    "{}: {} {note}",
                    t(Msg::ConsiderBy),
                    format_date(r.consider_by)
                ),
                None => format!("{}: {}", t(Msg::ConsiderBy), format_date(r.consider_by)),
            },
            style,
        ));
    } else if let Some(ends) = m.probation_end() {
        lines.push(field(Msg::ProbationEnds, format_date(ends)));
    }
    // this year's record: the evidence of the annual evaluation (once loaded)
    if app.loaded {
        let today = app.today();
        let r = crate::domain::record::member_record(
            m,
            today.year(),
            app.meetings.all(),
            app.resolutions.tasks_of(m.id),
            today,
        )
        .with_unpaid_dues(app.dues.ledger(), &app.dues.rates, m, today);
        let pct = |p: Option<u32>| p.map(|p| format!(" ({p}%)")).unwrap_or_default();
        lines.push(Line::default());
        lines.push(Line::from(Msg::RecordLine.fill(
            app.lang,
            &[
                ("year", &r.year),
                ("attended", &r.attended),
                ("meetings", &r.meetings),
                ("percent", &pct(r.attendance_percent())),
                ("excused", &r.excused),
                ("absent", &r.absent),
            ],
        )));
        lines.push(Line::from(Msg::RecordTasks.fill(
            app.lang,
            &[
                ("assigned", &r.assigned),
                ("on_time", &r.on_time),
                ("percent", &pct(r.on_time_percent())),
                ("late", &r.late),
                ("not_done", &r.not_done),
                ("open", &r.open),
            ],
        )));
        lines.push(Line::from(Msg::RecordRatings.fill(
            app.lang,
            &[
                ("exceeded", &r.exceeded),
                ("met", &r.met),
                ("not_met", &r.not_met),
            ],
        )));
        if r.absent_months >= crate::domain::record::ABSENCE_FLAG_MONTHS {
            lines.push(Line::styled(
                Msg::RecordFlag.fill(app.lang, &[("n", &r.absent_months)]),
                app.theme.error(),
            ));
        }
        if r.unpaid_months >= crate::domain::dues::UNPAID_FLAG_MONTHS {
            lines.push(Line::styled(
                Msg::RecordFlagDues.fill(app.lang, &[("n", &r.unpaid_months)]),
                app.theme.error(),
            ));
        }
    }
    notebook_lines(app, m, &mut lines);
    award_lines(app, m, &mut lines);
    discipline_lines(app, m, &mut lines);
    super::candidates::member_lines(app, m, &mut lines);
    lines.push(Line::default());
    lines.push(Line::styled(
        t(Msg::HistoryTitle).to_string(),
        app.theme.title(),
    ));
    if m.history.is_empty() {
        lines.push(Line::styled(t(Msg::NoHistory).to_string(), app.theme.dim()));
    }
    for h in m.history.iter().rev() {
        let mut text = Msg::HistoryLine.fill(
            app.lang,
            &[
                ("date", &format_date(h.date)),
                ("from", &t(labels::activity(h.from))),
                ("to", &t(labels::activity(h.to))),
            ],
        );
        if !h.reason.is_empty() {
            text.push_str(&format!(" ({})", h.reason));
        }
        let style = if h.to == Activity::Active {
            app.theme.info()
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::styled(text, style));
    }
    lines
}

/// The member's notebook, newest first, of the year chosen (y) or every year.
fn notebook_lines(app: &App, m: &Member, lines: &mut Vec<Line<'static>>) {
    let t = |msg| app.t(msg);
    let year = match app.notebook.year {
        Some(y) => Msg::NotebookYear.fill(app.lang, &[("year", &y)]),
        None => t(Msg::NotebookAllYears).to_string(),
    };
    lines.push(Line::default());
    lines.push(Line::styled(
        format!("{} ({year})", t(Msg::NotebookTitle)),
        app.theme.title(),
    ));
    let notes = app.notebook.of(m.id);
    if notes.is_empty() {
        lines.push(Line::styled(
            t(Msg::NotebookEmpty).to_string(),
            app.theme.dim(),
        ));
    }
    for n in notes {
        use crate::domain::notebook::NoteSource;
        let source = match n.source {
            NoteSource::Meeting(id) => app
                .meetings
                .get(id)
                .map(|mt| Msg::NoteFromMeeting.fill(app.lang, &[("date", &format_date(mt.date))])),
            NoteSource::Task(_) | NoteSource::ResolutionItem(..) => {
                Some(t(Msg::NoteFromTask).to_string())
            }
            NoteSource::None => None,
        };
        let mut spans = vec![
            Span::styled(
                format!("{} {}: ", format_date(n.date), t(labels::note_kind(n.kind))),
                app.theme.dim(),
            ),
            Span::raw(n.text.clone()),
        ];
        if let Some(s) = source {
            spans.push(Span::styled(format!(" ({s})"), app.theme.dim()));
        }
        if let Some((date, outcome)) = n.outcome {
            let mut text = Msg::NoteOutcome.fill(
                app.lang,
                &[
                    ("outcome", &t(labels::outcome(outcome))),
                    ("date", &format_date(date)),
                ],
            );
            if !n.outcome_note.is_empty() {
                text.push_str(": ");
                text.push_str(&n.outcome_note);
            }
            spans.push(Span::styled(format!(" — {text}"), app.theme.warn()));
        }
        lines.push(Line::from(spans));
    }
}

/// The member's discipline records, newest first, with the vote that proposed each.
fn discipline_lines(app: &App, m: &Member, lines: &mut Vec<Line<'static>>) {
    lines.push(Line::default());
    lines.push(Line::styled(
        app.t(Msg::DisciplineTitle).to_string(),
        app.theme.title(),
    ));
    let records = app.notebook.discipline_of(m.id);
    if records.is_empty() {
        lines.push(Line::styled(
            app.t(Msg::DisciplineEmpty).to_string(),
            app.theme.dim(),
        ));
    }
    for r in records {
        let mut text = app.t(labels::discipline_form(r.form)).to_string();
        for part in [&r.body, &r.number, &r.reason] {
            if !part.is_empty() {
                text.push_str(" — ");
                text.push_str(part);
            }
        }
        text.push_str(" (");
        text.push_str(&Msg::DisciplineCounts.fill(app.lang, &[("year", &r.counts_for)]));
        let vote = r.vote.and_then(|(meeting, item, entry)| {
            let mt = app.meetings.get(meeting)?;
            match &mt.agenda.get(item)?.entries.get(entry)?.kind {
                crate::domain::meeting::EntryKind::Vote(v) => Some((mt.date, v.clone())),
                _ => None,
            }
        });
        if let Some((date, v)) = vote {
            text.push_str("; ");
            text.push_str(&Msg::DisciplineVote.fill(
                app.lang,
                &[
                    ("date", &format_date(date)),
                    ("for", &v.in_favour),
                    ("branch", &v.branch),
                ],
            ));
        }
        text.push(')');
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", format_date(r.date)), app.theme.warn()),
            Span::raw(text),
        ]));
    }
}

/// The member's awards, newest first.
fn award_lines(app: &App, m: &Member, lines: &mut Vec<Line<'static>>) {
    lines.push(Line::default());
    lines.push(Line::styled(
        app.t(Msg::AwardsTitle).to_string(),
        app.theme.title(),
    ));
    // the Huy hiệu Đảng to propose, this year and the next
    let this_year = app.today().year();
    for year in [this_year, this_year + 1] {
        let due = crate::domain::discipline::badges_due(
            std::slice::from_ref(m),
            &app.notebook.awards,
            year,
        );
        for b in due {
            lines.push(Line::styled(
                Msg::BadgeDue.fill(
                    app.lang,
                    &[("years", &b.years), ("date", &format_date(b.on))],
                ),
                app.theme.warn(),
            ));
        }
    }
    let awards = app.notebook.awards_of(m.id);
    if awards.is_empty() {
        lines.push(Line::styled(
            app.t(Msg::AwardsEmpty).to_string(),
            app.theme.dim(),
        ));
    }
    for a in awards {
        let mut text = a.form.clone();
        for part in [&a.level, &a.number, &a.reason] {
            if !part.is_empty() {
                text.push_str(" — ");
                text.push_str(part);
            }
        }
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", format_date(a.date)), app.theme.dim()),
            Span::raw(text),
        ]));
    }
}
