//! A form overlay: labelled fields (text, date, choice), one focused, with an inline
//! message under the field that needs fixing. What a form does on save is decided by
//! its `FormPurpose`, in the module of the screen that opened it.
//! Over 500 lines: every field kind and its parsing is one model that all forms share.

mod submit;

use chrono::{NaiveDate, NaiveTime};

use super::text_input::TextInput;
use crate::domain::calendar::parse_date;
use crate::domain::meeting::MeetingId;
use crate::domain::member::MemberId;
use crate::domain::task::{ResolutionId, TaskId};
use crate::domain::vote::{VoteRule, VoteSubject};
use crate::i18n::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormPurpose {
    NewMember,
    EditMember(MemberId),
    Status(MemberId),
    /// The upper level's decision recognizing a probationary member as official.
    Recognition(MemberId),
    /// A note in a member's notebook, and the record it comes from.
    NewNote(MemberId, crate::domain::notebook::NoteSource),
    /// An award of a member.
    NewAward(MemberId),
    /// The year-end check of a commitment or a shortcoming.
    CheckNote(crate::domain::notebook::NoteId),
    /// A discipline decision on a member.
    NewDiscipline(MemberId),
    Branch,
    NewMeeting,
    EditMeeting(MeetingId),
    /// An agenda item of the open meeting: a new one, or the one at this index.
    AgendaItem(Option<usize>),
    /// A vote in the console.
    Vote,
    /// A saved vote corrected before approval: its item and entry.
    EditVote(usize, usize),
    /// The branch's vote on the minutes of this meeting, before approval.
    ApprovalVote(MeetingId),
    /// The reason of an excused absence in the roll call.
    Excuse(MemberId),
    /// The time a late member arrived (now, or corrected).
    Late(MemberId),
    Amend(MeetingId),
    NewResolution,
    EditResolution(ResolutionId),
    /// An item of a resolution: a new one, or this task.
    ResolutionItem(ResolutionId, Option<TaskId>),
    /// Follow-up of a task; at a meeting when reviewed in its console.
    Progress(TaskId, Option<MeetingId>),
    Done(TaskId, Option<MeetingId>),
    CarryOver(TaskId, Option<MeetingId>),
    CancelTask(TaskId, Option<MeetingId>),
    Supersede(ResolutionId),
    /// Adopting a draft resolution: the date and the vote that adopted it.
    Adopt(ResolutionId),
    /// A task given directly (not from a resolution).
    NewTask,
    /// One task for the members chosen in the tasks screen (each their own, or shared).
    BulkTask,
    /// The format of a document exported from a screen.
    Export(super::export::ExportTarget),
    /// A member's dues paid, for one month or several.
    Payment(MemberId),
    /// What a member's dues are reckoned from, from a month on.
    DuesBasis(MemberId),
    /// A correction of what was collected from a member for a month.
    DuesCorrection(MemberId),
    /// The upper level's share of a month sent.
    DuesSent(crate::domain::dues::Month),
    /// A step of a line of the year-end meeting's grading sheet.
    Grade(MeetingId, super::grading::Step, crate::domain::review::Whom),
    /// A candidate for membership added.
    NewCandidate,
    /// The next step of a candidate: its date and proof.
    CandidateStep(
        crate::domain::candidates::CandidateId,
        crate::domain::candidates::Step,
    ),
    /// The member helping a candidate (an ordinary task).
    CandidateHelper(crate::domain::candidates::CandidateId),
    /// A candidate closed with a reason.
    CloseCandidate(crate::domain::candidates::CandidateId),
}

/// Which field: forms look values up by meaning, not position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldId {
    Family,
    Middle,
    Given,
    Gender,
    Birth,
    Admission,
    Standing,
    Official,
    Card,
    Role,
    Phone,
    Residence,
    Workplace,
    Notes,
    NewActivity,
    Date,
    Reason,
    BranchName,
    Parent,
    Place,
    Term,
    Suffix,
    Kind,
    WithThematic,
    Time,
    /// When a meeting ended.
    EndTime,
    /// Whether a saved vote is kept or removed.
    Remove,
    Chair,
    Secretary,
    Guests,
    Title,
    Minutes,
    Subject,
    Method,
    Rule,
    InFavour,
    Against,
    Other,
    Text,
    Number,
    Basis,
    Results,
    AdoptedOn,
    Lead,
    Helpers,
    Category,
    Area,
    Details,
    Mode,
    Rating,
    Link,
    Due,
    Percent,
    Reporter,
    Result,
    /// The member who asked for an amendment.
    Author,
    /// Who asked for an amendment, typed (not on the roster).
    AuthorName,
    /// A file's format (the export key).
    Format,
    /// An amount in đồng.
    Amount,
    /// A month (MM/YYYY).
    Month,
    /// How many months.
    Months,
    /// A grade at the year-end review.
    Grade,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    Date,
    /// hh:mm.
    Time,
    /// A whole number.
    Number,
    Choice(Vec<Msg>),
    /// A choice among the branch's own words (task categories).
    Options(Vec<String>),
    /// A member picked from the roster (enter or space opens the picker).
    Member,
    /// Several members: each pick adds one, backspace takes the last away.
    Members,
    /// Text of several lines: enter breaks the line, ctrl-s saves the form.
    Lines,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub id: FieldId,
    pub label: Msg,
    pub kind: FieldKind,
    pub input: TextInput,
    pub choice: usize,
    pub required: bool,
    pub member: Option<MemberId>,
    /// The picked member's name, shown in the field.
    pub member_name: String,
    /// The picked members of a several-member field.
    pub members: Vec<(MemberId, String)>,
    /// A choice preselected from what is typed in another field.
    pub follows: Option<(FieldId, Preselect)>,
}

/// How a choice is preselected from another field's text: whenever what that text
/// names changes, the choice becomes the one it needs; the person can still choose
/// otherwise afterwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preselect {
    /// A vote's rule from its subject ([`VoteSubject::from_text`]): at least 2/3 of the
    /// branch for admission, official recognition, striking off and expulsion, more
    /// than 1/2 of it for other discipline, a simple majority otherwise.
    VoteRule,
}

impl Preselect {
    /// The option (an index into the choice's options) that `text` calls for.
    pub fn choice(self, text: &str) -> usize {
        match self {
            Preselect::VoteRule => {
                let rule = VoteSubject::from_text(text).rule();
                VoteRule::ALL.iter().position(|r| *r == rule).unwrap_or(0)
            }
        }
    }
}

impl Field {
    pub fn text(id: FieldId, label: Msg, value: &str) -> Field {
        Field {
            id,
            label,
            kind: FieldKind::Text,
            input: TextInput::new(value),
            choice: 0,
            required: false,
            member: None,
            member_name: String::new(),
            members: Vec::new(),
            follows: None,
        }
    }

    pub fn date(id: FieldId, label: Msg, value: Option<NaiveDate>) -> Field {
        let value = value
            .map(crate::domain::calendar::format_date)
            .unwrap_or_default();
        Field {
            kind: FieldKind::Date,
            ..Field::text(id, label, &value)
        }
    }

    pub fn choice(id: FieldId, label: Msg, options: Vec<Msg>, selected: usize) -> Field {
        Field {
            kind: FieldKind::Choice(options),
            choice: selected,
            ..Field::text(id, label, "")
        }
    }

    pub fn time(id: FieldId, label: Msg, value: NaiveTime) -> Field {
        Field {
            kind: FieldKind::Time,
            ..Field::text(id, label, &value.format("%H:%M").to_string())
        }
    }

    /// A field of several lines.
    pub fn lines(id: FieldId, label: Msg, value: &str) -> Field {
        let mut f = Field {
            kind: FieldKind::Lines,
            ..Field::text(id, label, "")
        };
        f.input.multiline = true;
        f.input.insert_str(value);
        f
    }

    pub fn number(id: FieldId, label: Msg, value: u32) -> Field {
        Field {
            kind: FieldKind::Number,
            ..Field::text(id, label, &value.to_string())
        }
    }

    pub fn member(id: FieldId, label: Msg, member: Option<(MemberId, String)>) -> Field {
        let (member, member_name) = match member {
            Some((m, n)) => (Some(m), n),
            None => (None, String::new()),
        };
        Field {
            kind: FieldKind::Member,
            member,
            member_name,
            ..Field::text(id, label, "")
        }
    }

    pub fn members(id: FieldId, label: Msg, members: Vec<(MemberId, String)>) -> Field {
        Field {
            kind: FieldKind::Members,
            members,
            ..Field::text(id, label, "")
        }
    }

    /// A field filled by the member picker.
    pub fn is_member(&self) -> bool {
        matches!(self.kind, FieldKind::Member | FieldKind::Members)
    }

    /// Makes a choice follow the text of `field` ([`Preselect`]).
    pub fn follows(mut self, field: FieldId, how: Preselect) -> Field {
        self.follows = Some((field, how));
        self
    }

    pub fn required(mut self) -> Field {
        self.required = true;
        self
    }

    pub fn is_choice(&self) -> bool {
        matches!(self.kind, FieldKind::Choice(_) | FieldKind::Options(_))
    }

    pub fn options(id: FieldId, label: Msg, options: Vec<String>, selected: usize) -> Field {
        Field {
            kind: FieldKind::Options(options),
            choice: selected,
            ..Field::text(id, label, "")
        }
    }

    fn cycle(&mut self, forward: bool) {
        let n = match &self.kind {
            FieldKind::Choice(options) => options.len(),
            FieldKind::Options(options) => options.len(),
            _ => 0,
        };
        if n > 0 {
            self.choice = if forward {
                (self.choice + 1) % n
            } else {
                (self.choice + n - 1) % n
            };
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub purpose: FormPurpose,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// The field to fix and what is wrong with it.
    pub error: Option<(usize, Msg)>,
    /// A line under the fields that follows what is typed (a vote's result).
    pub note: Option<String>,
    /// The focused field was just entered: typing a digit into a number replaces it.
    pub fresh: bool,
}

/// Why a form cannot be saved: which field, and the message to show under it.
pub type FieldError = (FieldId, Msg);

impl Form {
    pub fn new(purpose: FormPurpose, title: String, fields: Vec<Field>) -> Form {
        Form {
            purpose,
            title,
            fields,
            focus: 0,
            error: None,
            note: None,
            fresh: true,
        }
    }

    fn index(&self, id: FieldId) -> usize {
        self.fields.iter().position(|f| f.id == id).unwrap_or(0)
    }

    pub fn field(&self, id: FieldId) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    /// The cleaned text of a field.
    pub fn text(&self, id: FieldId) -> String {
        self.field(id)
            .map(|f| match f.kind {
                // each line cleaned, the breaks kept, none at the ends
                FieldKind::Lines => f
                    .input
                    .value()
                    .split('\n')
                    .map(crate::domain::text::clean)
                    .collect::<Vec<_>>()
                    .join("\n")
                    .trim_matches('\n')
                    .to_string(),
                _ => crate::domain::text::clean(f.input.value()),
            })
            .unwrap_or_default()
    }

    /// The chosen word of an options field.
    pub fn option(&self, id: FieldId) -> String {
        match self.field(id).map(|f| (&f.kind, f.choice)) {
            Some((FieldKind::Options(o), i)) => o.get(i).cloned().unwrap_or_default(),
            _ => String::new(),
        }
    }

    pub fn choice(&self, id: FieldId) -> usize {
        self.field(id).map(|f| f.choice).unwrap_or(0)
    }

    pub fn member(&self, id: FieldId) -> Option<MemberId> {
        self.field(id).and_then(|f| f.member)
    }

    pub fn members_of(&self, id: FieldId) -> Vec<MemberId> {
        self.field(id)
            .map(|f| f.members.iter().map(|m| m.0).collect())
            .unwrap_or_default()
    }

    /// Sets a member field (after the picker).
    pub fn set_member(&mut self, id: FieldId, member: Option<(MemberId, String)>) {
        if let Some(f) = self.fields.iter_mut().find(|f| f.id == id) {
            if f.kind == FieldKind::Members {
                if let Some(m) = member
                    && !f.members.iter().any(|x| x.0 == m.0)
                {
                    f.members.push(m);
                }
                return;
            }
            (f.member, f.member_name) = match member {
                Some((m, n)) => (Some(m), n),
                None => (None, String::new()),
            };
        }
    }

    pub fn time(&self, id: FieldId) -> Result<NaiveTime, FieldError> {
        let text = self.text(id).replace(['h', 'g', '.'], ":");
        NaiveTime::parse_from_str(&text, "%H:%M").map_err(|_| (id, Msg::ErrTime))
    }

    pub fn number(&self, id: FieldId) -> Result<u32, FieldError> {
        let text = self.text(id);
        if text.is_empty() {
            return Ok(0);
        }
        text.parse().map_err(|_| (id, Msg::ErrNumber))
    }

    pub fn focused_field(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    /// A date field's value: empty is `None`, anything unparsable an error.
    pub fn date(&self, id: FieldId) -> Result<Option<NaiveDate>, FieldError> {
        let text = self.text(id);
        if text.is_empty() {
            return Ok(None);
        }
        parse_date(&text).map(Some).ok_or((id, Msg::ErrDate))
    }

    /// Checks required fields and date formats, top to bottom.
    pub fn check(&self) -> Result<(), FieldError> {
        for f in &self.fields {
            let empty = match f.kind {
                FieldKind::Choice(_) | FieldKind::Options(_) => false,
                FieldKind::Member => f.member.is_none(),
                FieldKind::Members => f.members.is_empty(),
                _ => self.text(f.id).is_empty(),
            };
            if f.required && empty {
                return Err((f.id, Msg::ErrRequired));
            }
            match f.kind {
                FieldKind::Date => {
                    self.date(f.id)?;
                }
                FieldKind::Time => {
                    self.time(f.id)?;
                }
                FieldKind::Number => {
                    self.number(f.id)?;
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Shows an error under its field and moves the focus there.
    pub fn show_error(&mut self, (id, msg): FieldError) {
        let i = self.index(id);
        self.focus = i;
        self.error = Some((i, msg));
    }

    pub fn next_field(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len().max(1);
        self.fresh = true;
    }

    pub fn prev_field(&mut self) {
        let n = self.fields.len().max(1);
        self.focus = (self.focus + n - 1) % n;
        self.fresh = true;
    }

    pub fn on_last_field(&self) -> bool {
        self.focus + 1 >= self.fields.len()
    }

    fn focused(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.focus)
    }

    /// The focused field's text, before an edit that may change what it names.
    fn before_edit(&self) -> Option<(FieldId, String)> {
        self.focused_field()
            .filter(|f| !f.is_choice() && !f.is_member())
            .map(|f| (f.id, f.input.value().to_string()))
    }

    /// After an edit of a text field: the choices that follow it are preselected anew
    /// when what the text names changed (typing on within the same subject leaves a
    /// choice the person made alone).
    fn after_edit(&mut self, before: Option<(FieldId, String)>) {
        let Some((id, old)) = before else {
            return;
        };
        let new = self.text(id);
        for f in &mut self.fields {
            if let Some((source, how)) = f.follows
                && source == id
                && how.choice(&old) != how.choice(&new)
            {
                f.choice = how.choice(&new);
            }
        }
    }

    /// A printable character typed into the focused field.
    pub fn type_char(&mut self, c: char) {
        let before = self.before_edit();
        self.type_char_only(c);
        self.after_edit(before);
    }

    fn type_char_only(&mut self, c: char) {
        let fresh = std::mem::replace(&mut self.fresh, false);
        if let Some(f) = self.focused() {
            match f.kind {
                FieldKind::Choice(_) | FieldKind::Options(_) => {
                    if c == ' ' {
                        f.cycle(true);
                    }
                }
                // a member is picked, not typed (the app opens the picker)
                FieldKind::Member | FieldKind::Members => {}
                FieldKind::Number if !c.is_ascii_digit() => {}
                FieldKind::Number if fresh => {
                    f.input.clear();
                    f.input.insert(c);
                }
                _ => f.input.insert(c),
            }
        }
        self.clear_error_on_focus();
    }

    pub fn paste(&mut self, s: &str) {
        let before = self.before_edit();
        if let Some(f) = self.focused()
            && !f.is_choice()
            && !f.is_member()
        {
            f.input.insert_str(s);
        }
        self.clear_error_on_focus();
        self.after_edit(before);
    }

    /// An editing key that is not a command (backspace, arrows, home, end, delete).
    pub fn edit_key(&mut self, key: crate::keymap::Key) -> bool {
        let before = self.before_edit();
        let handled = self.edit_key_only(key);
        self.after_edit(before);
        handled
    }

    fn edit_key_only(&mut self, key: crate::keymap::Key) -> bool {
        use crate::keymap::Code;
        let Some(f) = self.focused() else {
            return false;
        };
        if f.kind == FieldKind::Members && key.code == Code::Backspace {
            f.members.pop();
            return true;
        }
        if f.is_member() {
            return false;
        }
        let handled = match (key.code, key.ctrl, f.is_choice()) {
            (Code::Left, _, true) => {
                f.cycle(false);
                true
            }
            (Code::Right, _, true) => {
                f.cycle(true);
                true
            }
            (Code::Backspace, _, false) => {
                f.input.backspace();
                true
            }
            (Code::Char('w'), true, false) => {
                f.input.delete_word();
                true
            }
            (Code::Delete, _, false) => {
                f.input.delete();
                true
            }
            (Code::Left, _, false) => {
                f.input.left();
                true
            }
            (Code::Right, _, false) => {
                f.input.right();
                true
            }
            (Code::Home, _, false) => {
                f.input.home();
                true
            }
            (Code::End, _, false) => {
                f.input.end();
                true
            }
            _ => false,
        };
        if handled {
            self.fresh = false;
            self.clear_error_on_focus();
        }
        handled
    }

    fn clear_error_on_focus(&mut self) {
        if self.error.is_some_and(|(i, _)| i == self.focus) {
            self.error = None;
        }
    }
}

/// The branch's own form (first run, and later from settings).
pub fn branch_form(
    lang: crate::i18n::Lang,
    branch: Option<&crate::domain::branch::Branch>,
) -> Form {
    use crate::domain::branch::DEFAULT_SUFFIX;
    let get =
        |f: fn(&crate::domain::branch::Branch) -> &str| branch.map(f).unwrap_or("").to_string();
    let suffix = branch
        .map(|b| b.resolution_suffix.as_str())
        .unwrap_or(DEFAULT_SUFFIX);
    let fields = vec![
        Field::text(FieldId::BranchName, Msg::FieldBranchName, &get(|b| &b.name)).required(),
        Field::text(FieldId::Parent, Msg::FieldParent, &get(|b| &b.parent)),
        Field::text(FieldId::Place, Msg::FieldPlace, &get(|b| &b.place)),
        Field::text(FieldId::Term, Msg::FieldTerm, &get(|b| &b.term)),
        Field::text(FieldId::Suffix, Msg::FieldSuffix, suffix).required(),
    ];
    Form::new(
        FormPurpose::Branch,
        Msg::FormBranch.get(lang).to_string(),
        fields,
    )
}

pub fn branch_from_form(form: &Form) -> Result<crate::domain::branch::Branch, FieldError> {
    form.check()?;
    Ok(crate::domain::branch::Branch::new(
        &form.text(FieldId::BranchName),
        &form.text(FieldId::Parent),
        &form.text(FieldId::Place),
        &form.text(FieldId::Term),
        &form.text(FieldId::Suffix),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vote_rule_follows_what_the_subject_names_and_keeps_a_choice_made_alone() {
        let rules = VoteRule::ALL.iter().map(|_| Msg::FieldRule).collect();
        let mut form = Form::new(
            FormPurpose::Vote,
            String::new(),
            vec![
                Field::text(FieldId::Subject, Msg::FieldSubject, ""),
                Field::choice(FieldId::Rule, Msg::FieldRule, rules, 0)
                    .follows(FieldId::Subject, Preselect::VoteRule),
            ],
        );
        let rule = |f: &Form| VoteRule::ALL[f.choice(FieldId::Rule)];
        for c in "Xóa tên đảng viên".chars() {
            form.type_char(c);
        }
        assert_eq!(rule(&form), VoteRule::TwoThirdsOfBranch);
        form.paste(" Trần Văn B");
        assert_eq!(rule(&form), VoteRule::TwoThirdsOfBranch);
        // chosen otherwise, then typed on within the same subject: the choice stays
        form.fields[1].choice = 0;
        form.type_char('.');
        assert_eq!(rule(&form), VoteRule::SimpleMajority);
        for _ in 0.."Xóa tên đảng viên Trần Văn B.".chars().count() {
            form.edit_key(crate::keymap::Key::parse("backspace").unwrap());
        }
        for c in "Cảnh cáo đ/c C".chars() {
            form.type_char(c);
        }
        assert_eq!(rule(&form), VoteRule::MajorityOfBranch);
    }
}
