//! Moving between a form's fields and editing the focused one: typing, pasting, the
//! editing keys, a picked member; a choice that follows an edited text is preselected
//! anew, and the error under the field being fixed goes away.

use super::{Field, FieldId, FieldKind, Form};
use crate::domain::member::MemberId;

impl Form {
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

#[cfg(test)]
mod tests {
    use super::super::{Field, FieldId, Form, FormPurpose, Preselect};
    use crate::domain::vote::VoteRule;
    use crate::i18n::Msg;

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
