//! Picking a member by a few letters typed without diacritics: chair, thư ký, speaker,
//! presenter, lead and helpers. Members who may not be given tasks (exempt, left) are
//! marked with their activity.

use super::form::{FieldId, FieldKind};
use super::list::{Filtered, matches_words};
use super::text_input::TextInput;
use super::{Action, App, Overlay, Status, tasks};
use crate::domain::meeting::EntryKind;
use crate::domain::member::{Activity, Member, MemberId};
use crate::domain::text::fold;

/// What the picked member is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickPurpose {
    /// A member field of the form below the picker.
    Field(FieldId),
    /// The speaker of a new speech in the console.
    Speaker,
    /// The presenter of the selected agenda item.
    Presenter,
    /// The new lead of a task (reassignment).
    Lead(crate::domain::task::TaskId),
    /// A saved vote of the console's meeting, to correct or remove.
    Vote,
    /// An item of the meeting's agenda, found by its title (the agenda list, the console).
    AgendaItem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub purpose: PickPurpose,
    pub query: TextInput,
    /// (id, full name, folded name), in roster order; guests (no id) after them.
    candidates: Vec<(Option<MemberId>, String, String)>,
    /// The activity of each candidate who may not be given tasks, same order.
    marks: Vec<Option<Activity>>,
    /// The candidates whose name holds every word typed, and the selection among them.
    pub shown: Filtered,
}

impl Picker {
    pub fn new<'a>(purpose: PickPurpose, members: impl IntoIterator<Item = &'a Member>) -> Picker {
        let mut candidates = Vec::new();
        let mut marks = Vec::new();
        for m in members {
            let name = m.full_name();
            let folded = fold(&name);
            candidates.push((Some(m.id), name, folded));
            marks.push(m.assignable().is_err().then_some(m.activity));
        }
        let shown = Filtered::all(candidates.len());
        Picker {
            purpose,
            query: TextInput::default(),
            candidates,
            marks,
            shown,
        }
    }

    /// Whether the pick is for carrying a task (lead or helper).
    pub fn is_for_task(&self) -> bool {
        matches!(
            self.purpose,
            PickPurpose::Lead(_) | PickPurpose::Field(FieldId::Lead | FieldId::Helpers)
        )
    }

    /// Each visible candidate with its mark: the activity of one who may not be given
    /// tasks.
    pub fn visible_marked(
        &self,
    ) -> impl Iterator<Item = (Option<MemberId>, &str, Option<Activity>)> {
        self.shown.indexes().iter().map(|&i| {
            (
                self.candidates[i].0,
                self.candidates[i].1.as_str(),
                self.marks.get(i).copied().flatten(),
            )
        })
    }

    /// The mark of the candidate under the selection.
    pub fn chosen_mark(&self) -> Option<Activity> {
        self.shown
            .selected()
            .and_then(|i| self.marks.get(i).copied().flatten())
    }

    /// A pick among lines of text (the meeting's votes), the last one selected.
    pub fn labels(purpose: PickPurpose, labels: Vec<String>) -> Picker {
        let mut p = Picker::new(purpose, []).with_guests(labels);
        p.shown.apply(crate::command::Action::Last);
        p
    }

    /// A pick among the titles of the meeting's agenda items, the item `at` selected.
    pub fn agenda(meeting: &crate::domain::meeting::Meeting, at: usize) -> Picker {
        let titles = meeting.agenda.iter().map(|i| i.title.clone()).collect();
        let mut p = Picker::new(PickPurpose::AgendaItem, []).with_guests(titles);
        p.shown.select_where(|i| i == at);
        p
    }

    /// Where the line under the selection stands among all of them.
    pub fn chosen_index(&self) -> Option<usize> {
        self.shown.selected()
    }

    /// Adds the meeting's guests, who may speak too.
    pub fn with_guests(mut self, guests: Vec<String>) -> Picker {
        for g in guests {
            let folded = fold(&g);
            self.candidates.push((None, g, folded));
            self.marks.push(None);
        }
        self.shown.set((0..self.candidates.len()).collect());
        self
    }

    pub fn refilter(&mut self) {
        let q = fold(self.query.value());
        let words: Vec<&str> = q.split_whitespace().collect();
        let shown = (0..self.candidates.len())
            .filter(|&i| matches_words(&self.candidates[i].2, &words))
            .collect();
        self.shown.set(shown);
    }

    pub fn visible(&self) -> impl Iterator<Item = (Option<MemberId>, &str)> {
        self.shown
            .indexes()
            .iter()
            .map(|&i| (self.candidates[i].0, self.candidates[i].1.as_str()))
    }

    pub fn visible_len(&self) -> usize {
        self.shown.len()
    }

    /// The member under the selection, with the name.
    pub fn chosen(&self) -> Option<(MemberId, String)> {
        self.shown
            .selected()
            .and_then(|i| Some((self.candidates[i].0?, self.candidates[i].1.clone())))
    }

    /// The guest under the selection.
    pub fn chosen_guest(&self) -> Option<String> {
        self.shown
            .selected()
            .filter(|&i| self.candidates[i].0.is_none())
            .map(|i| self.candidates[i].1.clone())
    }
}

impl App {
    pub(super) fn update_picker(&mut self, action: Action) {
        let Some(Overlay::Picker(p)) = self.overlays.last_mut() else {
            return;
        };
        if p.shown.apply(action) {
            return;
        }
        match action {
            Action::Cancel => {
                self.overlays.pop();
            }
            Action::Confirm => {
                let purpose = p.purpose;
                if matches!(purpose, PickPurpose::Vote | PickPurpose::AgendaItem) {
                    // letters that match nothing keep the list open, to type again
                    let Some(index) = p.chosen_index() else {
                        return;
                    };
                    self.overlays.pop();
                    match purpose {
                        PickPurpose::Vote => self.vote_picked(index),
                        _ => self.agenda_item_picked(index),
                    }
                    return;
                }
                if let Some(guest) = p.chosen_guest() {
                    self.overlays.pop();
                    self.guest_speaks(guest);
                    return;
                }
                let Some((id, name)) = p.chosen() else { return };
                // exempt members and those who left carry no task: say why, keep the picker
                if p.is_for_task()
                    && let Some(activity) = p.chosen_mark()
                {
                    self.status = Some(Status::Error(tasks::not_assignable_text(
                        self.lang, &name, activity,
                    )));
                    return;
                }
                self.overlays.pop();
                let now = self.clock.now();
                match purpose {
                    PickPurpose::Field(field) => {
                        if let Some(Overlay::Form(form)) = self.overlays.last_mut() {
                            let several = form
                                .field(field)
                                .is_some_and(|f| f.kind == FieldKind::Members);
                            form.set_member(field, Some((id, name)));
                            // a several-member field stays for the next pick
                            if !several {
                                form.next_field();
                            }
                        }
                    }
                    PickPurpose::Speaker => {
                        if let Some(c) = self.meetings.console.as_mut() {
                            let at = c.stamp(now).time();
                            c.new_entry(EntryKind::Speech(id), at);
                        }
                    }
                    PickPurpose::Presenter => self.set_presenter(id),
                    PickPurpose::Lead(task) => self.set_lead(task, id),
                    PickPurpose::Vote | PickPurpose::AgendaItem => {}
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exempt_members_are_marked() {
        let mut a = Member::new("Lê", "Văn", "An");
        a.id = MemberId(1);
        let mut b = Member::new("Hoàng", "Văn", "Nam");
        b.id = MemberId(2);
        b.activity = Activity::Exempt;
        let mut p = Picker::new(PickPurpose::Field(FieldId::Lead), [&a, &b]);
        assert!(p.is_for_task());
        let marks: Vec<_> = p.visible_marked().map(|(_, _, m)| m).collect();
        assert_eq!(marks, [None, Some(Activity::Exempt)]);
        p.shown.apply(crate::command::Action::MoveDown);
        assert_eq!(p.chosen_mark(), Some(Activity::Exempt));
        assert!(!Picker::new(PickPurpose::Speaker, [&a]).is_for_task());
    }
}
