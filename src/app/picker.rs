//! Picking a member by a few letters typed without diacritics: chair, thư ký, speaker,
//! presenter.

use super::form::FieldId;
use super::text_input::TextInput;
use crate::domain::member::{Member, MemberId};
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
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub purpose: PickPurpose,
    pub query: TextInput,
    /// (id, full name, folded name), in roster order; guests (no id) after them.
    candidates: Vec<(Option<MemberId>, String, String)>,
    visible: Vec<usize>,
    pub selected: usize,
}

impl Picker {
    pub fn new<'a>(purpose: PickPurpose, members: impl IntoIterator<Item = &'a Member>) -> Picker {
        let candidates: Vec<_> = members
            .into_iter()
            .map(|m| {
                let name = m.full_name();
                let folded = fold(&name);
                (Some(m.id), name, folded)
            })
            .collect();
        let visible = (0..candidates.len()).collect();
        Picker {
            purpose,
            query: TextInput::default(),
            candidates,
            visible,
            selected: 0,
        }
    }

    /// Adds the meeting's guests, who may speak too.
    pub fn with_guests(mut self, guests: Vec<String>) -> Picker {
        for g in guests {
            let folded = fold(&g);
            self.candidates.push((None, g, folded));
        }
        self.visible = (0..self.candidates.len()).collect();
        self
    }

    pub fn refilter(&mut self) {
        let q = fold(self.query.value());
        let words: Vec<&str> = q.split_whitespace().collect();
        self.visible = (0..self.candidates.len())
            .filter(|&i| words.iter().all(|w| self.candidates[i].2.contains(w)))
            .collect();
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
    }

    pub fn visible(&self) -> impl Iterator<Item = (Option<MemberId>, &str)> {
        self.visible
            .iter()
            .map(|&i| (self.candidates[i].0, self.candidates[i].1.as_str()))
    }

    pub fn visible_len(&self) -> usize {
        self.visible.len()
    }

    pub fn move_by(&mut self, delta: isize) {
        if !self.visible.is_empty() {
            self.selected = self.selected.saturating_add_signed(delta).min(self.visible.len() - 1);
        }
    }

    /// The member under the selection, with the name.
    pub fn chosen(&self) -> Option<(MemberId, String)> {
        self.visible
            .get(self.selected)
            .and_then(|&i| Some((self.candidates[i].0?, self.candidates[i].1.clone())))
    }

    /// The guest under the selection.
    pub fn chosen_guest(&self) -> Option<String> {
        self.visible
            .get(self.selected)
            .filter(|&&i| self.candidates[i].0.is_none())
            .map(|&i| self.candidates[i].1.clone())
    }
}
