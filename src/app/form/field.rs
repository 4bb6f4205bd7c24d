//! A form's fields: which one (by meaning), its kind (text, date, time, number, a
//! choice, a member, lines), how it is made, and a choice that follows another field.

use chrono::{NaiveDate, NaiveTime};

use crate::app::text_input::TextInput;
use crate::domain::member::MemberId;
use crate::domain::vote::{VoteRule, VoteSubject};
use crate::i18n::Msg;

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

    pub(super) fn cycle(&mut self, forward: bool) {
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
