//! The roll call of the meeting: who is present, late (and when they came), excused
//! (and why) or absent, marked member by member or all at once, found by name; the
//! dues of the meeting's month taken at the same time.

use super::super::form::{Field, FieldError, FieldId, Form, FormPurpose};
use super::super::{App, Overlay};
use crate::domain::meeting::{Presence, attendance_report, expected};
use crate::domain::member::{Activity, Member, MemberId};
use crate::i18n::Msg;

/// Members who may be marked in the roll call: expected ones, then exempt ones apart.
pub fn roll_call_members(members: &[Member]) -> (Vec<&Member>, Vec<&Member>) {
    let expected: Vec<&Member> = members.iter().filter(|m| expected(m)).collect();
    let exempt: Vec<&Member> = members
        .iter()
        .filter(|m| m.activity == Activity::Exempt)
        .collect();
    (expected, exempt)
}

impl App {
    pub(super) fn mark(&mut self, id: MemberId, presence: Presence) {
        if let Some(c) = self.meetings.console.as_mut() {
            c.meeting.attendance.insert(id, presence);
            c.unsaved = true;
        }
        let _ = self.save_now(); // a failure is on the message line
    }

    /// The roll call's rows: expected members, then exempt ones.
    pub fn roll_call_rows(&self) -> Vec<&Member> {
        let (mut rows, exempt) = roll_call_members(self.roster.members());
        rows.extend(exempt);
        rows
    }

    pub(in crate::app) fn update_rollcall(&mut self, action: crate::command::Action) {
        use crate::command::Action as A;
        let Some(Overlay::RollCall { selected, find }) = self.overlays.last() else {
            return;
        };
        let selected = *selected;
        if find.is_some() {
            // Enter keeps the member found, Esc gives the search up; both go back to marking
            if matches!(action, A::Confirm | A::Cancel)
                && let Some(Overlay::RollCall { find, .. }) = self.overlays.last_mut()
            {
                *find = None;
            }
            return;
        }
        let rows: Vec<MemberId> = self.roll_call_rows().iter().map(|m| m.id).collect();
        let n = rows.len();
        let now = self.clock.now();
        let mut next = selected;
        match action {
            A::Cancel => {
                self.overlays.pop();
                return;
            }
            A::MoveUp => next = selected.saturating_sub(1),
            A::MoveDown => next = (selected + 1).min(n.saturating_sub(1)),
            A::First => next = 0,
            A::Last => next = n.saturating_sub(1),
            A::PageUp => next = selected.saturating_sub(10),
            A::PageDown => next = (selected + 10).min(n.saturating_sub(1)),
            A::Search => {
                if let Some(Overlay::RollCall { find, .. }) = self.overlays.last_mut() {
                    *find = Some(String::new());
                }
                return;
            }
            A::AddNote if n > 0 => {
                self.note_from_meeting(rows[selected], "");
                return;
            }
            // dues are collected at the opening: the meeting's month, paid at what is due
            A::MarkPaid if n > 0 => {
                let month = self.meetings.console.as_ref().map(|c| c.meeting.date);
                if let Some(date) = month {
                    let month = crate::domain::dues::Month::of(date);
                    self.mark_dues_paid(rows[selected], month);
                }
            }
            A::MarkPresent | A::MarkAbsent if n > 0 => {
                let presence = match action {
                    A::MarkPresent => Presence::Present,
                    _ => Presence::Absent,
                };
                self.mark(rows[selected], presence);
                next = (selected + 1).min(n - 1);
            }
            A::MarkLate if n > 0 => {
                // the time they came: now, or the one already written, to correct
                let id = rows[selected];
                let at = match self
                    .meetings
                    .console
                    .as_mut()
                    .map(|c| (c.meeting.attendance.get(&id).cloned(), c.stamp(now)))
                {
                    Some((Some(Presence::Late(t)), _)) => t,
                    Some((_, at)) => at.time(),
                    None => now.time(),
                };
                let fields = vec![Field::time(FieldId::Time, Msg::FieldArrived, at).required()];
                let title = Msg::FormLate.fill(self.lang, &[("name", &self.member_name(id))]);
                self.overlays.push(Overlay::Form(Box::new(Form::new(
                    FormPurpose::Late(id),
                    title,
                    fields,
                ))));
                if let Some(Overlay::RollCall { selected, .. }) =
                    self.overlays.iter_mut().rev().nth(1)
                {
                    *selected = (*selected + 1).min(n - 1);
                }
                return;
            }
            A::MarkExcused if n > 0 => {
                let id = rows[selected];
                let current = match self
                    .meetings
                    .console
                    .as_ref()
                    .and_then(|c| c.meeting.attendance.get(&id))
                {
                    Some(Presence::Excused(r)) => r.clone(),
                    _ => String::new(),
                };
                let fields = vec![Field::text(FieldId::Reason, Msg::FieldReason, &current)];
                let title = Msg::FormExcuse.fill(self.lang, &[("name", &self.member_name(id))]);
                self.overlays.push(Overlay::Form(Box::new(Form::new(
                    FormPurpose::Excuse(id),
                    title,
                    fields,
                ))));
                if let Some(Overlay::RollCall { selected, .. }) =
                    self.overlays.iter_mut().rev().nth(1)
                {
                    *selected = (*selected + 1).min(n - 1);
                }
                return;
            }
            A::MarkAllPresent => {
                let (expected, _) = roll_call_members(self.roster.members());
                let unmarked: Vec<MemberId> = match &self.meetings.console {
                    Some(c) => expected
                        .iter()
                        .map(|m| m.id)
                        .filter(|id| !c.meeting.attendance.contains_key(id))
                        .collect(),
                    None => Vec::new(),
                };
                for id in unmarked {
                    self.mark(id, Presence::Present);
                }
            }
            _ => {}
        }
        if let Some(Overlay::RollCall { selected, .. }) = self.overlays.last_mut() {
            *selected = next;
        }
    }

    /// Moves the roll call to the first member whose name holds every word typed,
    /// diacritics or not.
    pub(in crate::app) fn find_in_roll_call(&mut self) {
        let Some(Overlay::RollCall { find: Some(q), .. }) = self.overlays.last() else {
            return;
        };
        let q = crate::domain::text::fold(q);
        let words: Vec<&str> = q.split_whitespace().collect();
        let found = self.roll_call_rows().iter().position(|m| {
            let name = crate::domain::text::fold(&m.full_name());
            words.iter().all(|w| name.contains(w))
        });
        if let (Some(i), Some(Overlay::RollCall { selected, .. })) =
            (found, self.overlays.last_mut())
        {
            *selected = i;
        }
    }

    /// The live attendance counts of the console line.
    pub fn console_attendance(&self) -> Option<crate::domain::meeting::AttendanceReport> {
        self.meetings
            .console
            .as_ref()
            .map(|c| attendance_report(&c.meeting, self.roster.members()))
    }

    /// The time a late member came, or why one is excused, from its form.
    pub(super) fn submit_roll_call_form(&mut self, form: &Form) -> Result<String, FieldError> {
        match form.purpose {
            FormPurpose::Late(id) => {
                let t = form.time(FieldId::Time)?;
                self.mark(id, Presence::Late(t));
            }
            FormPurpose::Excuse(id) => {
                let reason = form.text(FieldId::Reason);
                self.mark(id, Presence::Excused(reason));
            }
            _ => {}
        }
        Ok(String::new())
    }
}
