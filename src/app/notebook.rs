//! The members' notebook in a member's detail: the notes shown (newest first, one
//! year or all), read with the rest of the data, its keys (`Notebook::update`), and the
//! form that adds a note.

use chrono::{Datelike, NaiveDate};

use super::discipline::{discipline_form, discipline_votes};
use super::form::{Field, FieldError, FieldId, Form, FormPurpose};
use super::{Action, Ctx};
use crate::domain::discipline::{Award, RecordError};
use crate::domain::member::Member;
use crate::domain::notebook::{Note, NoteError, NoteKind, NoteSource, Outcome};
use crate::i18n::{Lang, Msg, labels};

/// The notes of the branch, read on load and after a note is saved, and the year
/// the detail shows (all years when none).
#[derive(Debug, Default)]
pub struct Notebook {
    pub notes: Vec<Note>,
    /// The members' awards, read with the notes.
    pub awards: Vec<Award>,
    /// The members' discipline records, read with the notes.
    pub discipline: Vec<crate::domain::discipline::Discipline>,
    pub year: Option<i32>,
    /// Lines of the member's detail scrolled past (page down / page up).
    pub scroll: usize,
}

impl Notebook {
    /// The notebook's keys in a member's detail, for `member` (the roster's selection):
    /// scrolling the detail, the year shown, and adding to the member's record (a note,
    /// an award, a discipline decision, the year-end check of a commitment). Moving to
    /// another member, and changing or closing the member, are the roster's.
    pub fn update(
        &mut self,
        action: Action,
        member: Option<crate::domain::member::MemberId>,
        ctx: &Ctx,
    ) -> super::Outcome {
        match action {
            Action::PageDown => self.scroll += 5,
            Action::PageUp => self.scroll = self.scroll.saturating_sub(5),
            Action::AddNote | Action::AddAward | Action::AddDiscipline => {
                let Some(m) = ctx.members.iter().find(|m| Some(m.id) == member) else {
                    return super::Outcome::Done;
                };
                let form = match action {
                    Action::AddNote => note_form(ctx.lang, m, ctx.today()),
                    Action::AddAward => award_form(ctx.lang, m, ctx.today()),
                    _ => discipline_form(ctx.lang, m, &discipline_votes(ctx.meetings), ctx.today()),
                };
                return super::Outcome::form(form);
            }
            Action::CheckCommitment => {
                return member.map_or(super::Outcome::Done, |id| self.check_form(id, ctx));
            }
            Action::FilterYear => {
                if let Some(id) = member {
                    self.cycle_year(id);
                }
            }
            _ => return super::Outcome::NotMine,
        }
        super::Outcome::Done
    }

    /// The year-end check of `member`'s next commitment or shortcoming not checked
    /// yet, of the year shown (this year when all are shown), oldest first.
    pub fn check_form(&self, member: crate::domain::member::MemberId, ctx: &Ctx) -> super::Outcome {
        let year = self.year.unwrap_or_else(|| ctx.today().year());
        let next = self
            .notes
            .iter()
            .filter(|n| {
                n.member == member
                    && n.date.year() == year
                    && n.checked_at_year_end()
                    && n.outcome.is_none()
            })
            .min_by_key(|n| (n.date, n.id));
        let Some(note) = next else {
            return super::Outcome::Message(super::Status::Info(
                Msg::NothingToCheck.fill(ctx.lang, &[("year", &year)]),
            ));
        };
        let fields = vec![
            Field::choice(
                FieldId::Rating,
                Msg::FieldOutcome,
                Outcome::ALL.iter().map(|o| labels::outcome(*o)).collect(),
                0,
            ),
            Field::date(FieldId::Date, Msg::FieldDate, Some(ctx.today())).required(),
            Field::text(FieldId::Text, Msg::FieldOutcomeNote, ""),
        ];
        let title = Msg::FormCheckNote.fill(ctx.lang, &[("text", &note.text)]);
        super::Outcome::form(Form::new(FormPurpose::CheckNote(note.id), title, fields))
    }

    /// A member's notes of the year shown, newest first.
    pub fn of(&self, member: crate::domain::member::MemberId) -> Vec<&Note> {
        let mut shown: Vec<&Note> = self
            .notes
            .iter()
            .filter(|n| n.member == member && self.year.is_none_or(|y| n.date.year() == y))
            .collect();
        shown.sort_by(|a, b| b.date.cmp(&a.date).then(b.id.cmp(&a.id)));
        shown
    }

    /// A member's awards, newest first.
    pub fn awards_of(&self, member: crate::domain::member::MemberId) -> Vec<&Award> {
        let mut shown: Vec<&Award> = self.awards.iter().filter(|a| a.member == member).collect();
        shown.sort_by(|a, b| b.date.cmp(&a.date).then(b.id.cmp(&a.id)));
        shown
    }

    /// A member's discipline records, newest first.
    pub fn discipline_of(
        &self,
        member: crate::domain::member::MemberId,
    ) -> Vec<&crate::domain::discipline::Discipline> {
        let mut shown: Vec<_> = self
            .discipline
            .iter()
            .filter(|d| d.member == member)
            .collect();
        shown.sort_by(|a, b| b.date.cmp(&a.date).then(b.id.cmp(&a.id)));
        shown
    }

    /// The next year filter: every year, then each year with notes of the member,
    /// newest first, then every year again.
    pub fn cycle_year(&mut self, member: crate::domain::member::MemberId) {
        let mut years: Vec<i32> = self
            .notes
            .iter()
            .filter(|n| n.member == member)
            .map(|n| n.date.year())
            .collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        self.year = match self.year {
            None => years.first().copied(),
            Some(y) => years.iter().copied().find(|x| *x < y),
        };
    }
}

/// The form of a new note: its kind, date (today) and text.
pub fn note_form(lang: Lang, member: &Member, today: NaiveDate) -> Form {
    sourced_note_form(
        lang,
        member,
        NoteDraft {
            date: today,
            kind: NoteKind::Strength,
            text: String::new(),
            source: NoteSource::None,
        },
    )
}

/// What a note taken from a record starts with: its date, kind and text, and the
/// record it comes from.
pub struct NoteDraft {
    pub date: NaiveDate,
    pub kind: NoteKind,
    pub text: String,
    pub source: NoteSource,
}

/// The form of a note taken from a task's result or a meeting, its source kept.
pub fn sourced_note_form(lang: Lang, member: &Member, draft: NoteDraft) -> Form {
    let kind = NoteKind::ALL
        .iter()
        .position(|k| *k == draft.kind)
        .unwrap_or(0);
    let fields = vec![
        Field::choice(
            FieldId::Kind,
            Msg::FieldNoteKind,
            NoteKind::ALL
                .iter()
                .map(|k| labels::note_kind(*k))
                .collect(),
            kind,
        ),
        Field::date(FieldId::Date, Msg::FieldDate, Some(draft.date)).required(),
        Field::text(FieldId::Text, Msg::FieldNoteText, &draft.text).required(),
    ];
    let title = Msg::FormNote.fill(lang, &[("name", &member.full_name())]);
    Form::new(FormPurpose::NewNote(member.id, draft.source), title, fields)
}

/// The note a filled form describes, checked on `today`.
pub fn note_from_form(form: &Form, member: &Member, today: NaiveDate) -> Result<Note, FieldError> {
    form.check()?;
    let kind = NoteKind::ALL
        .get(form.choice(FieldId::Kind))
        .copied()
        .unwrap_or(NoteKind::Other);
    let date = form
        .date(FieldId::Date)?
        .ok_or((FieldId::Date, Msg::ErrRequired))?;
    let mut note = Note::new(member.id, date, kind, &form.text(FieldId::Text));
    if let FormPurpose::NewNote(_, source) = form.purpose {
        note.source = source;
    }
    note.validate(today).map_err(|e| match e {
        NoteError::EmptyText => (FieldId::Text, Msg::ErrRequired),
        NoteError::InTheFuture => (FieldId::Date, Msg::ErrFuture),
        NoteError::NothingToCheck => (FieldId::Kind, Msg::ErrRequired),
    })?;
    Ok(note)
}

/// The form of a new award: its form (giấy khen, bằng khen…), the awarding level,
/// the date, the decision's number and the reason.
pub fn award_form(lang: Lang, member: &Member, today: NaiveDate) -> Form {
    let fields = vec![
        Field::text(FieldId::Kind, Msg::FieldAwardForm, "").required(),
        Field::text(FieldId::Parent, Msg::FieldAwardLevel, ""),
        Field::date(FieldId::Date, Msg::FieldDecisionDate, Some(today)).required(),
        Field::text(FieldId::Number, Msg::FieldDecisionNumber, ""),
        Field::text(FieldId::Reason, Msg::FieldReason, ""),
    ];
    let title = Msg::FormAward.fill(lang, &[("name", &member.full_name())]);
    Form::new(FormPurpose::NewAward(member.id), title, fields)
}

/// The award a filled form describes, checked on `today`.
pub fn award_from_form(
    form: &Form,
    member: &Member,
    today: NaiveDate,
) -> Result<Award, FieldError> {
    form.check()?;
    let date = form
        .date(FieldId::Date)?
        .ok_or((FieldId::Date, Msg::ErrRequired))?;
    let clean = |id| crate::domain::text::clean(form.text(id).trim());
    let award = Award {
        id: Default::default(),
        member: member.id,
        form: clean(FieldId::Kind),
        level: clean(FieldId::Parent),
        date,
        number: clean(FieldId::Number),
        reason: clean(FieldId::Reason),
    };
    award.validate(today).map_err(|e| match e {
        RecordError::InTheFuture => (FieldId::Date, Msg::ErrFuture),
        _ => (FieldId::Kind, Msg::ErrRequired),
    })?;
    Ok(award)
}

impl super::App {
    /// The note form for `member` from a record; an error when they are not on the
    /// roster.
    fn open_note(&mut self, member: crate::domain::member::MemberId, draft: NoteDraft) {
        let outcome = note_outcome(member, draft, &ctx!(self));
        self.act_on(outcome);
    }

    pub(super) fn submit_check_form(
        &mut self,
        form: &Form,
        id: crate::domain::notebook::NoteId,
    ) -> Result<Result<String, FieldError>, crate::store::StoreError> {
        use crate::store::Records;
        let now = self.clock.now();
        if let Err(e) = form.check() {
            return Ok(Err(e));
        }
        let date = match form.date(FieldId::Date) {
            Ok(Some(d)) => d,
            Ok(None) => return Ok(Err((FieldId::Date, Msg::ErrRequired))),
            Err(e) => return Ok(Err(e)),
        };
        if date > now.date() {
            return Ok(Err((FieldId::Date, Msg::ErrFuture)));
        }
        let Some(mut note) = self.notebook.notes.iter().find(|n| n.id == id).cloned() else {
            return Err(crate::store::StoreError::NotFound);
        };
        let outcome = Outcome::ALL
            .get(form.choice(FieldId::Rating))
            .copied()
            .unwrap_or(Outcome::Met);
        if note.check(date, outcome).is_err() {
            return Ok(Err((FieldId::Rating, Msg::ErrRequired)));
        }
        note.outcome_note = crate::domain::text::clean(form.text(FieldId::Text).trim());
        self.store.save_note(&mut note, now)?;
        Ok(Ok(Msg::CheckSaved.fill(
            self.lang,
            &[("outcome", &self.t(labels::outcome(outcome)))],
        )))
    }

    /// A note on a member from the meeting in the console: the speech selected (its
    /// text), or the member of the roll call's line selected.
    pub(super) fn note_from_meeting(
        &mut self,
        member: crate::domain::member::MemberId,
        text: &str,
    ) {
        let Some(c) = self.meetings.console.as_ref() else {
            return;
        };
        let draft = NoteDraft {
            date: c.meeting.date.min(self.today()),
            kind: NoteKind::Other,
            text: crate::domain::text::clean(text.trim()),
            source: NoteSource::Meeting(c.meeting.id),
        };
        self.open_note(member, draft);
    }
}

/// The form of a note drafted from something seen (a task, a meeting) on `member`.
fn note_outcome(
    member: crate::domain::member::MemberId,
    draft: NoteDraft,
    ctx: &Ctx,
) -> crate::app::Outcome {
    let Some(m) = ctx.members.iter().find(|m| m.id == member) else {
        return ctx.error(Msg::NoteNoMember);
    };
    let empty = draft.text.is_empty();
    let mut form = sourced_note_form(ctx.lang, m, draft);
    if empty {
        // what was seen is to be written: the text first
        form.focus = form
            .fields
            .iter()
            .position(|f| f.id == FieldId::Text)
            .unwrap_or(0);
    }
    crate::app::Outcome::form(form)
}

/// A note on the lead of a task done with a result (the tasks screen's selection):
/// the result as its text, a strength unless rated not met, dated when it was done.
pub(super) fn note_from_task(task: &crate::domain::task::Task, ctx: &Ctx) -> crate::app::Outcome {
    use crate::domain::task::{Rating, TaskStatus};
    let result = task.result.trim();
    let (Some(lead), TaskStatus::Done, false) = (task.lead, task.status, result.is_empty()) else {
        return ctx.error(Msg::NoteTaskNotDone);
    };
    let kind = match task.rating {
        Some(Rating::NotMet) => NoteKind::Shortcoming,
        _ => NoteKind::Strength,
    };
    let draft = NoteDraft {
        date: task.done_on.unwrap_or_else(|| ctx.today()).min(ctx.today()),
        kind,
        text: format!("{}: {}", task.title, result),
        source: NoteSource::Task(task.id),
    };
    note_outcome(lead, draft, ctx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::text_input::TextInput;
    use crate::domain::member::MemberId;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn member() -> Member {
        let mut m = Member::new("Lê", "Thị", "Hoa");
        m.id = MemberId(7);
        m
    }

    fn filled(kind: usize, date: &str, text: &str) -> Form {
        let mut f = note_form(Lang::Vi, &member(), day(2026, 5, 10));
        for field in &mut f.fields {
            match field.id {
                FieldId::Kind => field.choice = kind,
                FieldId::Date => field.input = TextInput::new(date),
                FieldId::Text => field.input = TextInput::new(text),
                _ => {}
            }
        }
        f
    }

    #[test]
    fn a_filled_form_gives_the_note_of_its_kind_and_day() {
        let n = note_from_form(
            &filled(2, "03/05/2026", " Học xong lớp lý luận "),
            &member(),
            day(2026, 5, 10),
        )
        .unwrap();
        assert_eq!(n.kind, NoteKind::Commitment);
        assert_eq!(n.date, day(2026, 5, 3));
        assert_eq!(n.text, "Học xong lớp lý luận");
        assert_eq!(n.member, MemberId(7));
    }

    #[test]
    fn bad_input_names_the_field() {
        let today = day(2026, 5, 10);
        let e = note_from_form(&filled(0, "03/05/2026", "   "), &member(), today).unwrap_err();
        assert_eq!(e, (FieldId::Text, Msg::ErrRequired));
        let e = note_from_form(&filled(0, "11/05/2026", "Tốt"), &member(), today).unwrap_err();
        assert_eq!(e, (FieldId::Date, Msg::ErrFuture));
        assert!(note_from_form(&filled(0, "31/02/2026", "Tốt"), &member(), today).is_err());
    }

    fn award(form_text: &str, date: &str) -> Form {
        let mut f = award_form(Lang::Vi, &member(), day(2026, 5, 10));
        for field in &mut f.fields {
            match field.id {
                FieldId::Kind => field.input = TextInput::new(form_text),
                FieldId::Parent => field.input = TextInput::new("Đảng ủy phường"),
                FieldId::Date => field.input = TextInput::new(date),
                FieldId::Number => field.input = TextInput::new("12-QĐ/ĐU"),
                _ => {}
            }
        }
        f
    }

    #[test]
    fn an_award_form_gives_the_award_and_refuses_bad_input() {
        let today = day(2026, 5, 10);
        let a = award_from_form(&award("Giấy khen", "01/05/2026"), &member(), today).unwrap();
        assert_eq!(
            (a.form.as_str(), a.level.as_str()),
            ("Giấy khen", "Đảng ủy phường")
        );
        assert_eq!((a.date, a.number.as_str()), (day(2026, 5, 1), "12-QĐ/ĐU"));
        let e = award_from_form(&award("  ", "01/05/2026"), &member(), today).unwrap_err();
        assert_eq!(e, (FieldId::Kind, Msg::ErrRequired));
        let e = award_from_form(&award("Giấy khen", "01/06/2026"), &member(), today).unwrap_err();
        assert_eq!(e, (FieldId::Date, Msg::ErrFuture));
    }

    #[test]
    fn notes_are_shown_newest_first_and_by_year() {
        let m = MemberId(7);
        let mut book = Notebook::default();
        for (i, d) in [day(2025, 3, 1), day(2026, 4, 1), day(2026, 1, 9)]
            .into_iter()
            .enumerate()
        {
            let mut n = Note::new(m, d, NoteKind::Strength, "x");
            n.id = crate::domain::notebook::NoteId(i as u64 + 1);
            book.notes.push(n);
        }
        book.notes.push(Note::new(
            MemberId(8),
            day(2024, 1, 1),
            NoteKind::Other,
            "y",
        ));
        let dates: Vec<_> = book.of(m).iter().map(|n| n.date).collect();
        assert_eq!(dates, [day(2026, 4, 1), day(2026, 1, 9), day(2025, 3, 1)]);
        book.cycle_year(m);
        assert_eq!(book.year, Some(2026));
        assert_eq!(book.of(m).len(), 2);
        book.cycle_year(m);
        assert_eq!(book.year, Some(2025));
        book.cycle_year(m);
        assert_eq!(book.year, None);
    }
}
