//! The roster screen: members in Vietnamese order, the search and filters, the
//! selection, a member's detail, and deleting a member; its forms are in `form`.

mod form;

pub use form::{member_form, member_from_form, recognition_form, status_form, status_from_form};

use super::list::{Filtered, matches_words};
use super::text_input::TextInput;
use super::{Action, App, Confirm, Ctx, Outcome, Overlay, Status, export};
use crate::domain::member::{Activity, CommitteeRole, Member, MemberId, Standing};
use crate::domain::text;
use crate::i18n::Msg;
use crate::store::{Records, StoreError};

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

impl Counts {
    fn of(members: &[Member]) -> Counts {
        let mut c = Counts::default();
        for m in members.iter().filter(|m| m.activity.on_roster()) {
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
        c
    }
}

/// A member's place in Vietnamese order: given name, family name, middle name.
type SortKey = (Vec<u8>, Vec<u8>, Vec<u8>);

#[derive(Debug, Default)]
pub struct Roster {
    /// Every member, in roster order.
    members: Vec<Member>,
    /// Each member's place in that order (Vietnamese sort key, then id), same order:
    /// a member saved is put back in its place without sorting the others again.
    keys: Vec<(SortKey, MemberId)>,
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
    /// Replaces the members (after a load), keeping the selected one.
    pub fn load(&mut self, members: Vec<Member>) {
        let keep = self.selected_member().map(|m| m.id);
        // namesakes in id order, the order the store hands them in
        let mut keyed: Vec<_> = members
            .into_iter()
            .map(|m| ((m.sort_key(), m.id), m))
            .collect();
        keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        (self.keys, self.members) = keyed.into_iter().unzip();
        self.folded = self.members.iter().map(Member::search_text).collect();
        self.shown_again(keep);
    }

    /// Takes in members just saved (`Some`) or deleted (`None`), each put in its place
    /// in roster order, the selection kept: only their own keys are computed, and the
    /// order is the one `load` would give.
    pub fn put(&mut self, changed: Vec<(MemberId, Option<Member>)>) {
        let keep = self.selected_member().map(|m| m.id);
        for (id, member) in changed {
            if let Some(i) = self.members.iter().position(|m| m.id == id) {
                self.members.remove(i);
                self.keys.remove(i);
                self.folded.remove(i);
            }
            if let Some(m) = member {
                let key = (m.sort_key(), m.id);
                let at = self.keys.partition_point(|k| *k < key);
                self.keys.insert(at, key);
                self.folded.insert(at, m.search_text());
                self.members.insert(at, m);
            }
        }
        self.shown_again(keep);
    }

    /// After the members changed: the counts, the rows shown, the selection.
    fn shown_again(&mut self, keep: Option<MemberId>) {
        self.counts = Counts::of(&self.members);
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

impl Roster {
    /// The roster screen's keys (and the search field's, while searching).
    pub fn update(&mut self, action: Action, ctx: &Ctx) -> Outcome {
        if self.list.apply(action) {
            return Outcome::Done;
        }
        match action {
            Action::Search => self.searching = true,
            Action::Confirm if self.searching => self.searching = false,
            Action::Cancel if self.searching => {
                self.searching = false;
                self.query.clear();
                self.refilter();
            }
            Action::Cancel => self.clear_filters(),
            Action::FilterStanding => self.cycle_standing(),
            Action::FilterActivity => self.cycle_activity(),
            Action::FilterRole => self.cycle_role(),
            Action::ExportMembers => {
                self.searching = false;
                return Outcome::form(export::format_form(export::ExportTarget::Roster, ctx));
            }
            Action::New => {
                self.searching = false;
                return Outcome::form(member_form(ctx.lang, None));
            }
            Action::Open | Action::Edit | Action::ChangeStatus | Action::Delete => {
                self.searching = false;
                let Some(m) = self.selected_member() else {
                    return Outcome::Done;
                };
                return Outcome::Open(match action {
                    Action::Open => Overlay::Detail,
                    Action::Edit => Overlay::Form(Box::new(member_form(ctx.lang, Some(m)))),
                    Action::ChangeStatus => {
                        Overlay::Form(Box::new(status_form(ctx.lang, m, ctx.today())))
                    }
                    _ => Overlay::Confirm(Confirm::DeleteMember(m.id, m.full_name())),
                });
            }
            _ => return Outcome::NotMine,
        }
        Outcome::Done
    }
}

impl App {
    /// The keys of a member's detail, above the roster, that its notebook does not take
    /// (`Notebook::update`): moving to the next member, and what can be done to the
    /// member shown.
    pub(super) fn update_detail(&mut self, action: Action) {
        match action {
            Action::Cancel => {
                self.overlays.pop();
            }
            Action::MoveUp | Action::MoveDown => {
                self.roster.list.apply(action);
                self.notebook.scroll = 0;
            }
            Action::Edit | Action::ChangeStatus | Action::Delete => {
                let outcome = self.route(|a| &mut a.roster, |r, ctx| r.update(action, ctx));
                self.act_on(outcome);
            }
            Action::RecognitionDecision => {
                let Some(m) = self.roster.selected_member() else {
                    return;
                };
                if m.standing != crate::domain::member::Standing::Probationary {
                    let name = m.full_name();
                    self.status = Some(Status::Error(
                        Msg::NotProbationary.fill(self.lang, &[("name", &name)]),
                    ));
                    return;
                }
                let form = recognition_form(self.lang, m);
                self.open(Overlay::Form(Box::new(form)));
            }
            _ => {}
        }
    }

    pub(super) fn delete_member(&mut self, id: MemberId, name: &str) {
        let now = self.clock.now();
        match self.store.delete_member(id, now) {
            Ok(()) => {
                self.overlays.retain(|o| *o != Overlay::Detail);
                self.status = Some(Status::Info(
                    Msg::Deleted.fill(self.lang, &[("name", &name)]),
                ));
            }
            Err(StoreError::Referenced(n)) => {
                self.status = Some(Status::Error(
                    Msg::DeleteRefused.fill(self.lang, &[("name", &name), ("n", &n)]),
                ));
            }
            Err(e) => self.status = Some(Status::Error(self.store_error(&e))),
        }
        if let Err(e) = self.reload() {
            self.status = Some(Status::Error(self.store_error(&e)));
        }
    }
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
    fn a_member_saved_takes_the_place_a_load_would_give() {
        let mut r = roster();
        r.list.select_where(|i| i == 1);
        let selected = r.selected_member().map(|m| m.id);
        let mut renamed = r.members()[0].clone();
        renamed.given_name = "An".into();
        let mut added = Member::new("Doãn", "Văn", "Tâm");
        added.id = MemberId(9);
        let gone = r.members()[2].id;
        let mut all: Vec<Member> = r.members().to_vec();
        r.put(vec![
            (renamed.id, Some(renamed.clone())),
            (added.id, Some(added.clone())),
            (gone, None),
        ]);
        all.retain(|m| m.id != renamed.id && m.id != gone);
        all.extend([renamed, added]);
        all.sort_by_key(|m| m.id);
        let mut loaded = Roster::default();
        loaded.load(all);
        let ids = |r: &Roster| r.members().iter().map(|m| m.id).collect::<Vec<_>>();
        assert_eq!(ids(&r), ids(&loaded));
        assert_eq!(r.folded, loaded.folded);
        assert_eq!(r.counts(), loaded.counts());
        assert_eq!(r.list.indexes(), loaded.list.indexes());
        assert_eq!(
            r.selected_member().map(|m| m.id),
            selected,
            "the selection kept"
        );
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
