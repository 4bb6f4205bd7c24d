//! The roster's state: members in Vietnamese order, the search and filters, the
//! selection, and the forms that add, edit and change the status of a member.

use chrono::NaiveDate;

use super::form::{Field, FieldError, FieldId, Form, FormPurpose};
use super::list::{Filtered, matches_words};
use super::text_input::TextInput;
use crate::domain::member::{
    Activity, CommitteeRole, Gender, Member, MemberError, MemberId, Standing,
};
use crate::domain::text;
use crate::i18n::{Lang, Msg, labels};

/// Which activities the roster shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ActivityFilter {
    /// Everyone still on the roster (active, attached, exempt).
    #[default]
    OnRoster,
    Only(Activity),
    All,
}

impl ActivityFilter {
    fn next(self) -> Self {
        match self {
            ActivityFilter::OnRoster => ActivityFilter::Only(Activity::ALL[0]),
            ActivityFilter::Only(a) => match Activity::ALL.iter().position(|x| *x == a) {
                Some(i) if i + 1 < Activity::ALL.len() => {
                    ActivityFilter::Only(Activity::ALL[i + 1])
                }
                _ => ActivityFilter::All,
            },
            ActivityFilter::All => ActivityFilter::OnRoster,
        }
    }

    fn accepts(self, a: Activity) -> bool {
        match self {
            ActivityFilter::OnRoster => a.on_roster(),
            ActivityFilter::Only(x) => x == a,
            ActivityFilter::All => true,
        }
    }
}

/// Member counts of the roster line: the branch's own members (đảng số, those
/// attached elsewhere included), and those attached to it for a while apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub total: usize,
    pub official: usize,
    pub probationary: usize,
    pub exempt: usize,
    /// Sinh hoạt tạm thời nơi khác (in the total).
    pub temporary_out: usize,
    /// Sinh hoạt tạm thời đến (not in the total).
    pub temporary_in: usize,
}

#[derive(Debug, Default)]
pub struct Roster {
    /// Every member, in roster order.
    members: Vec<Member>,
    /// Folded search text per member, same order.
    folded: Vec<String>,
    /// The members that pass the search and filters, and the selection among them.
    pub list: Filtered,
    pub query: TextInput,
    pub searching: bool,
    pub standing: Option<Standing>,
    pub activity: ActivityFilter,
    pub role: Option<CommitteeRole>,
    counts: Counts,
}

impl Roster {
    /// Replaces the members (after a load or a save), keeping the selected one.
    pub fn load(&mut self, mut members: Vec<Member>) {
        let keep = self.selected_member().map(|m| m.id);
        let mut keyed: Vec<_> = members.drain(..).map(|m| (m.sort_key(), m)).collect();
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        self.members = keyed.into_iter().map(|(_, m)| m).collect();
        self.folded = self.members.iter().map(Member::search_text).collect();
        let mut c = Counts::default();
        for m in self.members.iter().filter(|m| m.activity.on_roster()) {
            match m.activity {
                Activity::TemporaryIn => {
                    c.temporary_in += 1;
                    continue;
                }
                Activity::TemporaryOut => c.temporary_out += 1,
                _ => {}
            }
            c.total += 1;
            match m.standing {
                Standing::Official => c.official += 1,
                Standing::Probationary => c.probationary += 1,
            }
            if m.activity == Activity::Exempt {
                c.exempt += 1;
            }
        }
        self.counts = c;
        self.refilter();
        if let Some(id) = keep {
            self.select_id(id);
        }
    }

    pub fn members(&self) -> &[Member] {
        &self.members
    }

    pub fn counts(&self) -> Counts {
        self.counts
    }

    /// Members shown, in order.
    pub fn visible(&self) -> impl ExactSizeIterator<Item = &Member> {
        self.list.indexes().iter().map(|&i| &self.members[i])
    }

    pub fn visible_len(&self) -> usize {
        self.list.len()
    }

    pub fn selected_member(&self) -> Option<&Member> {
        self.list.selected().map(|i| &self.members[i])
    }

    pub fn select_id(&mut self, id: MemberId) {
        let members = &self.members;
        self.list.select_where(|i| members[i].id == id);
    }

    pub fn refilter(&mut self) {
        let query = text::fold(self.query.value());
        let words: Vec<&str> = query.split_whitespace().collect();
        let shown = (0..self.members.len())
            .filter(|&i| {
                let m = &self.members[i];
                self.activity.accepts(m.activity)
                    && self.standing.is_none_or(|s| s == m.standing)
                    && self.role.is_none_or(|r| r == m.committee_role)
                    && matches_words(&self.folded[i], &words)
            })
            .collect();
        self.list.set(shown);
    }

    pub fn cycle_standing(&mut self) {
        self.standing = match self.standing {
            None => Some(Standing::Official),
            Some(Standing::Official) => Some(Standing::Probationary),
            Some(Standing::Probationary) => None,
        };
        self.refilter();
    }

    pub fn cycle_activity(&mut self) {
        self.activity = self.activity.next();
        self.refilter();
    }

    pub fn cycle_role(&mut self) {
        self.role = match self.role {
            None => Some(CommitteeRole::Secretary),
            Some(CommitteeRole::Secretary) => Some(CommitteeRole::Deputy),
            Some(CommitteeRole::Deputy) => Some(CommitteeRole::Member),
            Some(CommitteeRole::Member) => Some(CommitteeRole::None),
            Some(CommitteeRole::None) => None,
        };
        self.refilter();
    }

    /// Whether anything narrows the list.
    pub fn is_filtered(&self) -> bool {
        !self.query.is_empty()
            || self.standing.is_some()
            || self.role.is_some()
            || self.activity != ActivityFilter::OnRoster
    }

    pub fn clear_filters(&mut self) {
        self.query.clear();
        self.standing = None;
        self.role = None;
        self.activity = ActivityFilter::OnRoster;
        self.refilter();
    }
}

const GENDERS: [Option<Gender>; 3] = [None, Some(Gender::Male), Some(Gender::Female)];
const STANDINGS: [Standing; 2] = [Standing::Official, Standing::Probationary];

/// The add/edit form, filled from a member (or blank).
pub fn member_form(lang: Lang, member: Option<&Member>) -> Form {
    let blank = Member::new("", "", "");
    let m = member.unwrap_or(&blank);
    let (purpose, title) = match member {
        Some(m) => (
            FormPurpose::EditMember(m.id),
            Msg::FormEditMember.get(lang).to_string(),
        ),
        None => (
            FormPurpose::NewMember,
            Msg::FormNewMember.get(lang).to_string(),
        ),
    };
    let fields = vec![
        Field::text(FieldId::Family, Msg::FieldFamily, &m.family_name).required(),
        Field::text(FieldId::Middle, Msg::FieldMiddle, &m.middle_name),
        Field::text(FieldId::Given, Msg::FieldGiven, &m.given_name).required(),
        Field::choice(
            FieldId::Gender,
            Msg::FieldGender,
            GENDERS.iter().map(|g| labels::gender(*g)).collect(),
            GENDERS.iter().position(|g| *g == m.gender).unwrap_or(0),
        ),
        Field::date(FieldId::Birth, Msg::FieldBirth, m.birth_date),
        Field::date(FieldId::Admission, Msg::FieldAdmission, m.admission_date),
        Field::choice(
            FieldId::Standing,
            Msg::FieldStanding,
            STANDINGS.iter().map(|s| labels::standing(*s)).collect(),
            STANDINGS.iter().position(|s| *s == m.standing).unwrap_or(0),
        ),
        Field::date(FieldId::Official, Msg::FieldOfficial, m.official_date),
        Field::text(FieldId::Card, Msg::FieldCard, &m.card_number),
        Field::choice(
            FieldId::Role,
            Msg::FieldRole,
            CommitteeRole::ALL
                .iter()
                .map(|r| labels::role(*r))
                .collect(),
            CommitteeRole::ALL
                .iter()
                .position(|r| *r == m.committee_role)
                .unwrap_or(0),
        ),
        Field::text(FieldId::Phone, Msg::FieldPhone, &m.phone),
        Field::text(FieldId::Residence, Msg::FieldResidence, &m.residence),
        Field::text(FieldId::Workplace, Msg::FieldWorkplace, &m.workplace),
        Field::text(FieldId::Notes, Msg::FieldNotes, &m.notes),
    ];
    Form::new(purpose, title, fields)
}

/// The member a filled form describes, over `base` (the record being edited).
pub fn member_from_form(form: &Form, base: Option<&Member>) -> Result<Member, FieldError> {
    form.check()?;
    let mut m = base.cloned().unwrap_or_else(|| Member::new("", "", ""));
    m.family_name = form.text(FieldId::Family);
    m.middle_name = form.text(FieldId::Middle);
    m.given_name = form.text(FieldId::Given);
    m.gender = GENDERS.get(form.choice(FieldId::Gender)).copied().flatten();
    m.birth_date = form.date(FieldId::Birth)?;
    m.admission_date = form.date(FieldId::Admission)?;
    m.standing = STANDINGS
        .get(form.choice(FieldId::Standing))
        .copied()
        .unwrap_or_default();
    m.official_date = form.date(FieldId::Official)?;
    m.card_number = form.text(FieldId::Card);
    m.committee_role = CommitteeRole::ALL
        .get(form.choice(FieldId::Role))
        .copied()
        .unwrap_or_default();
    m.phone = form.text(FieldId::Phone);
    m.residence = form.text(FieldId::Residence);
    m.workplace = form.text(FieldId::Workplace);
    m.notes = form.text(FieldId::Notes);
    m.validate().map_err(|e| match e {
        MemberError::MissingFamilyName => (FieldId::Family, Msg::ErrRequired),
        MemberError::MissingGivenName => (FieldId::Given, Msg::ErrRequired),
        MemberError::OfficialBeforeAdmission => {
            (FieldId::Official, Msg::ErrOfficialBeforeAdmission)
        }
        MemberError::AdmissionBeforeBirth => (FieldId::Admission, Msg::ErrAdmissionBeforeBirth),
        MemberError::ProbationaryWithOfficialDate => {
            (FieldId::Official, Msg::ErrProbationaryOfficialDate)
        }
    })?;
    Ok(m)
}

/// The status-change form: new activity, date (today), reason.
pub fn status_form(lang: Lang, member: &Member, today: NaiveDate) -> Form {
    let current = Activity::ALL
        .iter()
        .position(|a| *a == member.activity)
        .unwrap_or(0);
    let fields = vec![
        Field::choice(
            FieldId::NewActivity,
            Msg::FieldNewActivity,
            Activity::ALL.iter().map(|a| labels::activity(*a)).collect(),
            (current + 1) % Activity::ALL.len(),
        ),
        Field::date(FieldId::Date, Msg::FieldDate, Some(today)).required(),
        Field::text(FieldId::Reason, Msg::FieldReason, ""),
    ];
    let title = Msg::FormStatus.fill(lang, &[("name", &member.full_name())]);
    Form::new(FormPurpose::Status(member.id), title, fields)
}

/// The form of the upper level's decision recognizing a probationary member as
/// official: its number and date.
pub fn recognition_form(lang: Lang, member: &Member) -> Form {
    let fields = vec![
        Field::text(FieldId::Number, Msg::FieldDecisionNumber, "").required(),
        Field::date(FieldId::Date, Msg::FieldDecisionDate, None).required(),
    ];
    let title = Msg::FormRecognition.fill(lang, &[("name", &member.full_name())]);
    Form::new(FormPurpose::Recognition(member.id), title, fields)
}

/// The change a filled status form asks for.
pub fn status_from_form(
    form: &Form,
    member: &Member,
    today: NaiveDate,
) -> Result<(Activity, NaiveDate, String), FieldError> {
    form.check()?;
    let to = Activity::ALL
        .get(form.choice(FieldId::NewActivity))
        .copied()
        .unwrap_or_default();
    if to == member.activity {
        return Err((FieldId::NewActivity, Msg::ErrSameStatus));
    }
    let date = form
        .date(FieldId::Date)?
        .ok_or((FieldId::Date, Msg::ErrRequired))?;
    if date > today {
        return Err((FieldId::Date, Msg::ErrFuture));
    }
    Ok((to, date, form.text(FieldId::Reason)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roster() -> Roster {
        let mut r = Roster::default();
        let mut ms = vec![
            Member::new("Đoàn", "Thị", "Xuân"),
            Member::new("Doãn", "Văn", "Tâm"),
            Member::new("Huỳnh", "Thị", "Thủy"),
            Member::new("Lê", "Minh", "Tuấn"),
        ];
        for (i, m) in ms.iter_mut().enumerate() {
            m.id = MemberId(i as u64 + 1);
        }
        ms[3].activity = Activity::Transferred;
        r.load(ms);
        r
    }

    #[test]
    fn search_ignores_case_and_diacritics() {
        let mut r = roster();
        r.query = TextInput::new("doan");
        r.refilter();
        let names: Vec<String> = r.visible().map(Member::full_name).collect();
        assert_eq!(names, ["Doãn Văn Tâm", "Đoàn Thị Xuân"]);
        r.query = TextInput::new("THUY");
        r.refilter();
        assert_eq!(r.visible_len(), 1);
    }

    #[test]
    fn members_who_left_are_hidden_until_asked_for() {
        let mut r = roster();
        assert_eq!(r.visible_len(), 3);
        assert_eq!(r.counts().total, 3);
        r.activity = ActivityFilter::All;
        r.refilter();
        assert_eq!(r.visible_len(), 4);
    }
}

#[cfg(test)]
mod count_tests {
    use super::*;

    #[test]
    fn attached_here_are_counted_apart_and_attached_elsewhere_in_the_total() {
        let mut r = Roster::default();
        let mut ms: Vec<Member> = (1..=4)
            .map(|i| {
                let mut m = Member::new("Lê", "", "An");
                m.id = MemberId(i);
                m
            })
            .collect();
        ms[1].activity = Activity::TemporaryIn;
        ms[2].activity = Activity::TemporaryOut;
        ms[3].activity = Activity::Exempt;
        r.load(ms);
        let c = r.counts();
        assert_eq!((c.total, c.official, c.exempt), (3, 3, 1));
        assert_eq!((c.temporary_in, c.temporary_out), (1, 1));
    }
}
