//! The live meeting console: the current agenda item, its entries (notes, speeches,
//! votes, conclusions) and the editor the thư ký types into while people speak. Typing
//! is saved at most a second after it happens; nothing asks to be saved.

use chrono::{NaiveDateTime, NaiveTime};
use unicode_normalization::char::is_combining_mark;

use super::form::{Field, FieldError, FieldId, Form, FormPurpose};
use super::picker::{PickPurpose, Picker};
use super::{App, Confirm, Overlay, Status};
use crate::domain::meeting::{
    Entry, EntryKind, Meeting, MeetingStatus, Presence, attendance_report, expected,
};
use crate::domain::member::{Activity, Member, MemberId};
use crate::domain::text::nfc;
use crate::domain::vote::{Vote, VoteMethod, VoteRule, electorate};
use crate::editor::Editor;
use crate::i18n::{Msg, labels};
use crate::keymap::{Code, Key};
use crate::store::{Records, StoreError};

pub struct Console {
    /// The working copy, written to the store by autosave.
    pub meeting: Meeting,
    pub item: usize,
    /// The entry of the item being typed into.
    pub entry: usize,
    pub editor: Editor,
    /// Typing not yet in the store.
    pub unsaved: bool,
    /// When the current item's time was last counted, for its elapsed time.
    pub item_since: NaiveDateTime,
    /// The latest moment written into the minutes: a system clock set back during the
    /// meeting never dates an entry before the one above it, nor the end before the start.
    pub latest: NaiveDateTime,
}

impl std::fmt::Debug for Console {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Console")
            .field("meeting", &self.meeting.id)
            .field("item", &self.item)
            .field("entry", &self.entry)
            .field("unsaved", &self.unsaved)
            .finish()
    }
}

impl Console {
    /// Opens the console where it was left (item, entry, caret).
    pub fn new(meeting: Meeting, now: NaiveDateTime) -> Console {
        let (item, entry, row, col) = meeting.position;
        let latest = meeting.started_at.map_or(now, |s| s.max(now));
        // a meeting in progress went on while chibo was closed; an ended one did not
        let item_since = meeting
            .item_since
            .filter(|t| *t <= now && meeting.ended_at.is_none())
            .unwrap_or(now);
        let mut c = Console {
            meeting,
            item,
            entry,
            editor: Editor::default(),
            unsaved: false,
            item_since,
            latest,
        };
        c.item = c.item.min(c.meeting.agenda.len().saturating_sub(1));
        c.ensure_entry(now.time());
        c.entry = entry.min(c.entries_len().saturating_sub(1));
        if !c.is_text_entry(c.entry) {
            c.entry = c.last_text_entry();
        }
        c.load_editor((row, col));
        c
    }

    fn entries_len(&self) -> usize {
        self.meeting
            .agenda
            .get(self.item)
            .map(|i| i.entries.len())
            .unwrap_or(0)
    }

    fn is_text_entry(&self, i: usize) -> bool {
        self.meeting
            .agenda
            .get(self.item)
            .and_then(|it| it.entries.get(i))
            .is_some_and(|e| !matches!(e.kind, EntryKind::Vote(_)))
    }

    fn last_text_entry(&self) -> usize {
        (0..self.entries_len())
            .rev()
            .find(|&i| self.is_text_entry(i))
            .unwrap_or(0)
    }

    /// Every item offers somewhere to type: a note if it has no text entry.
    fn ensure_entry(&mut self, at: NaiveTime) {
        let has_text = (0..self.entries_len()).any(|i| self.is_text_entry(i));
        if let Some(item) = self.meeting.agenda.get_mut(self.item)
            && !has_text
        {
            item.entries.push(Entry {
                at,
                kind: EntryKind::Note,
                text: String::new(),
            });
            self.entry = item.entries.len() - 1;
        }
    }

    fn load_editor(&mut self, cursor: (usize, usize)) {
        let text = self.active().map(|e| e.text.clone()).unwrap_or_default();
        self.editor.set_text(&text, cursor);
    }

    pub fn active(&self) -> Option<&Entry> {
        self.meeting
            .agenda
            .get(self.item)
            .and_then(|i| i.entries.get(self.entry))
    }

    /// Copies the editor's text into the active entry (before saving or switching).
    pub fn sync_editor(&mut self) {
        let text = self.editor.text();
        let (row, col) = self.editor.cursor();
        if let Some(e) = self
            .meeting
            .agenda
            .get_mut(self.item)
            .and_then(|i| i.entries.get_mut(self.entry))
            && !matches!(e.kind, EntryKind::Vote(_))
        {
            e.text = text;
        }
        self.meeting.position = (self.item, self.entry, row, col);
    }

    /// Drops the active entry when it is an empty note (a place to type never used).
    fn drop_empty_active(&mut self) {
        if let Some(item) = self.meeting.agenda.get_mut(self.item)
            && item
                .entries
                .get(self.entry)
                .is_some_and(|e| e.kind == EntryKind::Note && e.text.trim().is_empty())
            && item.entries.len() > 1
        {
            item.entries.remove(self.entry);
            self.entry = self.entry.saturating_sub(1);
        }
    }

    /// Seconds spent on the current item, this visit included.
    pub fn item_elapsed(&self, now: NaiveDateTime) -> i64 {
        let before = self
            .meeting
            .agenda
            .get(self.item)
            .map(|i| i.spent_secs as i64)
            .unwrap_or(0);
        before + (now - self.item_since).num_seconds().max(0)
    }

    /// The time to write on an entry made now: never before the latest one.
    pub fn stamp(&mut self, now: NaiveDateTime) -> NaiveDateTime {
        self.latest = self.latest.max(now);
        self.latest
    }

    fn account_time(&mut self, now: NaiveDateTime) {
        let spent = (now - self.item_since).num_seconds().max(0) as u64;
        if let Some(item) = self.meeting.agenda.get_mut(self.item) {
            item.spent_secs += spent;
        }
        self.item_since = now;
        self.meeting.item_since = Some(now);
    }

    /// Moves to another agenda item, keeping what was typed.
    pub fn go_item(&mut self, index: usize, now: NaiveDateTime) {
        if index >= self.meeting.agenda.len() || index == self.item {
            return;
        }
        self.sync_editor();
        self.drop_empty_active();
        self.account_time(now);
        self.item = index;
        self.entry = self.last_text_entry();
        self.ensure_entry(now.time());
        let end = self.active().map(|e| end_of(&e.text)).unwrap_or((0, 0));
        self.load_editor(end);
        self.meeting.position = (self.item, self.entry, end.0, end.1);
        self.unsaved = true;
    }

    /// Starts a new entry (speech, conclusion, note) and types into it.
    pub fn new_entry(&mut self, kind: EntryKind, at: NaiveTime) {
        self.sync_editor();
        self.drop_empty_active();
        if let Some(item) = self.meeting.agenda.get_mut(self.item) {
            item.entries.push(Entry {
                at,
                kind,
                text: String::new(),
            });
            self.entry = item.entries.len() - 1;
        }
        self.load_editor((0, 0));
        self.unsaved = true;
    }

    /// Records a vote; typing goes on in a new note after it.
    pub fn add_vote(&mut self, vote: Vote, at: NaiveTime) {
        self.sync_editor();
        self.drop_empty_active();
        if let Some(item) = self.meeting.agenda.get_mut(self.item) {
            item.entries.push(Entry {
                at,
                kind: EntryKind::Vote(vote),
                text: String::new(),
            });
        }
        self.new_entry(EntryKind::Note, at);
    }

    /// Corrects a saved vote (its item and entry), or removes it with `None`.
    pub fn replace_vote(&mut self, item: usize, entry: usize, vote: Option<Vote>) {
        self.sync_editor();
        let Some(it) = self.meeting.agenda.get_mut(item) else {
            return;
        };
        if !it
            .entries
            .get(entry)
            .is_some_and(|e| matches!(e.kind, EntryKind::Vote(_)))
        {
            return;
        }
        match vote {
            Some(v) => it.entries[entry].kind = EntryKind::Vote(v),
            None => {
                it.entries.remove(entry);
                if item == self.item && self.entry > entry {
                    self.entry -= 1;
                }
            }
        }
        self.unsaved = true;
    }

    /// Moves the editor to the previous or next text entry of the item.
    pub fn move_entry(&mut self, forward: bool) {
        let n = self.entries_len();
        let mut i = self.entry;
        loop {
            let next = if forward { i + 1 } else { i.wrapping_sub(1) };
            if next >= n {
                return;
            }
            i = next;
            if self.is_text_entry(i) {
                break;
            }
        }
        self.sync_editor();
        let removed = {
            let before = self.entries_len();
            self.drop_empty_active();
            before != self.entries_len()
        };
        self.entry = if removed && i > self.entry { i - 1 } else { i };
        let end = self.active().map(|e| end_of(&e.text)).unwrap_or((0, 0));
        self.load_editor(end);
        self.unsaved = true;
    }

    /// A typed character. A combining mark (an IME that sends decomposed letters)
    /// is composed with the letter before it, so the text stays NFC.
    pub fn type_char(&mut self, c: char) {
        if c == '\n' || c == '\r' {
            self.editor.insert_newline();
        } else if !c.is_control() {
            self.editor.insert_char(c);
            if is_combining_mark(c) {
                self.compose_line();
            }
        }
        self.unsaved = true;
    }

    /// Pasted text, normalized to NFC, control characters dropped.
    pub fn paste(&mut self, text: &str) {
        // terminals paste line breaks as CR
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let clean: String = nfc(&text)
            .chars()
            .filter(|c| *c == '\n' || !c.is_control())
            .collect();
        self.editor.insert_str(clean);
        self.compose_line();
        self.unsaved = true;
    }

    fn compose_line(&mut self) {
        let (row, col) = self.editor.cursor();
        let line = &self.editor.lines()[row];
        if line.chars().all(|c| !is_combining_mark(c)) {
            return;
        }
        let before: String = line.chars().take(col).collect();
        let new_col = nfc(&before).chars().count();
        let mut lines: Vec<String> = self.editor.lines().to_vec();
        lines[row] = nfc(&lines[row]);
        let text = lines.join("\n");
        self.editor.set_text(&text, (row, new_col));
    }

    /// An editing key (backspace, arrows, enter …) for the editor.
    pub fn edit_key(&mut self, key: Key) -> bool {
        let editing = match key.code {
            Code::Backspace | Code::Delete | Code::Enter => true,
            Code::Left
            | Code::Right
            | Code::Up
            | Code::Down
            | Code::Home
            | Code::End
            | Code::PageUp
            | Code::PageDown => true,
            Code::Char('w' | 'u' | 'y') if key.ctrl => true,
            _ => false,
        };
        if !editing {
            return false;
        }
        if self.editor.key(key) {
            self.unsaved = true;
        }
        true
    }

    /// Copies the typing and the item's time so far into the meeting, to be saved:
    /// a reopen after a crash finds both.
    pub fn remember_position(&mut self, now: NaiveDateTime) {
        self.sync_editor();
        self.account_time(now);
    }
}

/// Where `x` is among `all` (the first when not given).
fn position<T: PartialEq>(all: &[T], x: Option<T>) -> usize {
    x.and_then(|x| all.iter().position(|a| *a == x))
        .unwrap_or(0)
}

/// A count of the vote form: empty until typed (or the saved count), and required.
pub(super) fn count(id: FieldId, label: Msg, saved: Option<u32>) -> Field {
    Field {
        kind: super::form::FieldKind::Number,
        ..Field::text(id, label, &saved.map(|n| n.to_string()).unwrap_or_default())
    }
    .required()
}

fn end_of(text: &str) -> (usize, usize) {
    let lines: Vec<&str> = text.split('\n').collect();
    let row = lines.len().saturating_sub(1);
    (row, lines.last().map(|l| l.chars().count()).unwrap_or(0))
}

/// Every vote of a meeting's minutes, in their order: item, entry, the vote, its time.
pub fn meeting_votes(m: &Meeting) -> Vec<(usize, usize, Vote, NaiveTime)> {
    m.agenda
        .iter()
        .enumerate()
        .flat_map(|(i, item)| {
            item.entries
                .iter()
                .enumerate()
                .filter_map(move |(j, e)| match &e.kind {
                    EntryKind::Vote(v) => Some((i, j, v.clone(), e.at)),
                    _ => None,
                })
        })
        .collect()
}

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
    /// Opens the console on a meeting (starting it if it was only planned).
    pub(super) fn open_console(&mut self, mut meeting: Meeting) {
        if meeting.is_locked() {
            self.error(Msg::MinutesLocked);
            return;
        }
        if meeting.agenda.is_empty() {
            self.error(Msg::NoAgenda);
            return;
        }
        let now = self.clock.now();
        if let Some(c) = &self.meetings.console
            && c.meeting.id == meeting.id
        {
            return;
        }
        // typing the store would not take stays in the console that holds it
        if self.save_now().is_err() {
            return;
        }
        if meeting.status() == MeetingStatus::Planned {
            // the meeting began at the time it was called for, unless corrected in its
            // details; opening the console late does not move it
            meeting.hold(now);
            meeting.freeze_roster(self.roster.members());
            if let Err(e) = self.store.save_meeting(&mut meeting, now, Some("start")) {
                self.status = Some(Status::Error(self.store_error(&e)));
                return;
            }
        }
        self.meetings.open = Some(meeting.id);
        self.meetings.console = Some(Console::new(meeting, now));
        self.screen = super::Screen::Meetings;
    }

    /// Whether the top dialog settles something typing must not settle: ending the
    /// meeting or approving the minutes. Its confirm key is never a printable one, and
    /// the terminal lets no key answer it right after a paste or its opening.
    pub fn deliberate(&self) -> bool {
        matches!(
            self.overlays.last(),
            Some(Overlay::Confirm(
                Confirm::EndMeeting | Confirm::Approve(..) | Confirm::RemoveVote(..)
            ))
        )
    }

    /// A vote on a probationary member's official recognition does its work: passed,
    /// it records that the branch has considered the member it names (the roster's
    /// reminder then awaits the upper level's decision); corrected to a failure or
    /// removed, that record goes. Returns what was recorded, for the message line.
    fn recognition_effect(
        &mut self,
        subject: &str,
        passed: bool,
    ) -> Result<Option<String>, StoreError> {
        use crate::domain::member::Standing;
        use crate::domain::vote::VoteSubject;
        if VoteSubject::from_text(subject) != VoteSubject::OfficialRecognition {
            return Ok(None);
        }
        let Some(day) = self.meetings.console.as_ref().map(|c| c.meeting.date) else {
            return Ok(None);
        };
        let said = crate::domain::text::fold(subject);
        let Some(mut member) = self
            .roster
            .members()
            .iter()
            .filter(|m| m.standing == Standing::Probationary)
            .find(|m| said.contains(&crate::domain::text::fold(&m.full_name())))
            .cloned()
        else {
            return Ok(None);
        };
        let voted = passed.then_some(day);
        if member.recognition_voted == voted || (!passed && member.recognition_voted != Some(day)) {
            return Ok(None);
        }
        member.recognition_voted = voted;
        self.store
            .save_member(&mut member, self.clock.now(), "recognition")?;
        Ok(Some(
            Msg::RecognitionVoted.fill(self.lang, &[("name", &member.full_name())]),
        ))
    }

    /// The form of the branch's vote on a meeting's minutes: counts empty, required.
    pub(super) fn approval_form(&self, id: crate::domain::meeting::MeetingId) -> Form {
        let fields = vec![
            count(FieldId::InFavour, Msg::FieldInFavour, None),
            count(FieldId::Against, Msg::FieldAgainst, None),
            count(FieldId::Other, Msg::FieldOther, None),
        ];
        let mut form = Form::new(
            FormPurpose::ApprovalVote(id),
            self.t(Msg::FormApprovalVote).to_string(),
            fields,
        );
        form.note = self.vote_preview(&form);
        form
    }

    /// Closes a deliberate dialog that keys carried by a paste opened.
    pub fn refuse_deliberate(&mut self) {
        if self.deliberate() {
            self.overlays.pop();
            self.error(Msg::IgnoredAfterPaste);
        }
    }

    /// ctrl-c in the console: asks first, since a meeting is being minuted.
    pub(super) fn quit_from_console(&mut self) -> bool {
        if self.meetings.console.is_none()
            || matches!(self.overlays.last(), Some(Overlay::Confirm(_)))
        {
            return false;
        }
        self.overlays.push(Overlay::Confirm(Confirm::QuitMeeting));
        true
    }

    /// Whether typing waits to be written.
    pub fn needs_save(&self) -> bool {
        self.meetings.console.as_ref().is_some_and(|c| c.unsaved)
    }

    /// Writes the console's typing to the store now. On failure the typing stays in
    /// the console, the message line says why, and the error is returned.
    pub fn save_now(&mut self) -> Result<(), StoreError> {
        let Some(c) = self.meetings.console.as_mut() else {
            return Ok(());
        };
        if !c.unsaved {
            return Ok(());
        }
        c.remember_position(self.clock.now());
        self.save_console(None)
    }

    /// Writes the console's meeting, with an audit line for `action`; keeps it marked
    /// unsaved and says why on the message line when the store refuses it.
    fn save_console(&mut self, action: Option<&str>) -> Result<(), StoreError> {
        let now = self.clock.now();
        let Some(c) = self.meetings.console.as_mut() else {
            return Ok(());
        };
        match self.store.save_meeting(&mut c.meeting, now, action) {
            Ok(()) => {
                c.unsaved = false;
                // the message of an earlier failed save is no longer true
                if self.save_failed {
                    self.status = Some(Status::Info(self.t(Msg::SavedAgain).to_string()));
                }
                self.save_failed = false;
                Ok(())
            }
            Err(e) => {
                c.unsaved = true;
                let msg = self.typing_not_saved(&e);
                self.status = Some(Status::Error(msg));
                self.save_failed = true;
                Err(e)
            }
        }
    }

    /// Why the typing is not saved, on one line of an 80-column terminal.
    fn typing_not_saved(&self, e: &StoreError) -> String {
        match e {
            StoreError::DiskFull => self.t(Msg::TypingDiskFull).to_string(),
            StoreError::ReadOnly => self.t(Msg::TypingReadOnly).to_string(),
            StoreError::WritesStopped => self.t(Msg::TypingWritesStopped).to_string(),
            other => Msg::SaveFailed.fill(self.lang, &[("err", &self.store_error(other))]),
        }
    }

    /// The minutes as typed so far, in Markdown, while the console holds typing the
    /// store would not take: what is left to save them by when chibo must close.
    pub fn unsaved_minutes(&self) -> Option<(String, String)> {
        let c = self.meetings.console.as_ref().filter(|c| c.unsaved)?;
        let meeting = &c.meeting;
        // the review of last month's items is saved apart from the typing; the rescue
        // copy is about what was typed
        let text = crate::export::minutes::render(
            meeting,
            self.roster.members(),
            self.branch.as_ref(),
            &[],
            crate::export::minutes::Format::Markdown,
        );
        let name = format!(
            "bien-ban-chua-luu-{}-{}.md",
            meeting.date.format("%Y-%m"),
            self.clock.now().format("%Y%m%d-%H%M%S")
        );
        Some((name, text))
    }

    /// Whether something on screen moves with time (the meeting clock).
    pub fn wants_tick(&self) -> bool {
        self.screen == super::Screen::Meetings && self.meetings.console.is_some()
    }

    /// Leaves the console; the meeting stays in progress.
    fn leave_console(&mut self) {
        let now = self.clock.now();
        if let Some(c) = self.meetings.console.as_mut() {
            c.sync_editor();
            c.drop_empty_active();
            c.account_time(now);
            c.unsaved = true;
        }
        // typing the store would not take keeps the console open
        if self.save_now().is_err() {
            return;
        }
        self.meetings.console = None;
        if let Err(e) = self.reload_meetings() {
            self.status = Some(Status::Error(self.store_error(&e)));
        }
    }

    /// Who is present (for speakers and votes): marked present, or everyone expected
    /// before the roll call.
    fn present_members(&self) -> Vec<&Member> {
        match &self.meetings.console {
            Some(c) => self.present_at(&c.meeting),
            None => Vec::new(),
        }
    }

    fn present_at(&self, meeting: &Meeting) -> Vec<&Member> {
        let att = &meeting.attendance;
        let members = self.roster.members();
        if att.values().any(Presence::is_present) {
            members
                .iter()
                .filter(|m| att.get(&m.id).is_some_and(Presence::is_present))
                .collect()
        } else {
            members.iter().filter(|m| expected(m)).collect()
        }
    }

    fn electorate_now(&self) -> (crate::domain::vote::Electorate, u32) {
        match &self.meetings.console {
            Some(c) => self.electorate_at(&c.meeting),
            None => Default::default(),
        }
    }

    /// Who may vote on what the form is about: the console's meeting, or the meeting
    /// whose minutes are put to the vote.
    fn form_electorate(&self, form: &Form) -> (crate::domain::vote::Electorate, u32) {
        match form.purpose {
            FormPurpose::ApprovalVote(id) | FormPurpose::Grade(id, ..) => {
                match self.meetings.get(id) {
                    Some(m) => self.electorate_at(m),
                    None => Default::default(),
                }
            }
            _ => self.electorate_now(),
        }
    }

    pub(super) fn electorate_at(
        &self,
        meeting: &Meeting,
    ) -> (crate::domain::vote::Electorate, u32) {
        let present: Vec<MemberId> = self.present_at(meeting).iter().map(|m| m.id).collect();
        let e = electorate(self.roster.members(), |id| present.contains(&id));
        let temporary = self
            .roster
            .members()
            .iter()
            .filter(|m| m.activity == Activity::TemporaryIn && present.contains(&m.id))
            .count() as u32;
        (e, temporary)
    }

    pub(super) fn update_console(&mut self, action: super::Action) {
        use super::Action as A;
        let now = self.clock.now();
        let Some(c) = self.meetings.console.as_mut() else {
            return;
        };
        let at = c.stamp(now).time();
        match action {
            A::NextItem => c.go_item(c.item + 1, now),
            A::PrevItem if c.item > 0 => c.go_item(c.item - 1, now),
            A::PrevEntry => c.move_entry(false),
            A::NextEntry => c.move_entry(true),
            A::Conclusion => c.new_entry(EntryKind::Conclusion, at),
            A::Note => c.new_entry(EntryKind::Note, at),
            A::Speech => {
                let guests = c.meeting.guest_list();
                let picker =
                    Picker::new(PickPurpose::Speaker, self.present_members()).with_guests(guests);
                self.overlays.push(Overlay::Picker(Box::new(picker)));
            }
            A::Vote => {
                let form = self.vote_form(None);
                self.overlays.push(Overlay::Form(Box::new(form)));
            }
            A::PreviewMinutes => {
                c.sync_editor();
                let meeting = c.meeting.clone();
                self.preview_minutes(&meeting);
            }
            A::CorrectVote => {
                // any vote of the meeting, to correct or remove until approval: the only
                // one straight away, otherwise picked from a list (the latest selected)
                let votes = meeting_votes(&c.meeting);
                match votes.as_slice() {
                    [] => self.error(Msg::NoVoteHere),
                    [(item, entry, vote, _)] => {
                        let form = self.vote_form(Some((*item, *entry, vote)));
                        self.overlays.push(Overlay::Form(Box::new(form)));
                    }
                    _ => {
                        let labels = votes
                            .iter()
                            .map(|(item, _, v, at)| self.vote_label(*item, v, *at))
                            .collect();
                        let picker = Picker::labels(PickPurpose::Vote, labels);
                        self.overlays.push(Overlay::Picker(Box::new(picker)));
                    }
                }
            }
            A::Search => {
                let picker = Picker::agenda(&c.meeting, c.item);
                self.overlays.push(Overlay::Picker(Box::new(picker)));
            }
            A::RollCall => self.overlays.push(Overlay::RollCall {
                selected: 0,
                find: None,
            }),
            A::EndMeeting => self.overlays.push(Overlay::Confirm(Confirm::EndMeeting)),
            A::Review => self.open_review(),
            A::DraftResolution => {
                let id = c.meeting.id;
                self.draft_resolution(id);
            }
            A::Grading => {
                let id = c.meeting.id;
                self.open_grading(id);
            }
            A::AddNote => {
                c.sync_editor();
                let entry = c
                    .meeting
                    .agenda
                    .get(c.item)
                    .and_then(|i| i.entries.get(c.entry));
                match entry {
                    Some(Entry {
                        kind: EntryKind::Speech(member),
                        text,
                        ..
                    }) => {
                        let (member, text) = (*member, text.clone());
                        self.note_from_meeting(member, &text);
                    }
                    _ => self.error(Msg::NoteNotASpeech),
                }
                return;
            }
            A::Cancel => self.leave_console(),
            _ => return,
        }
        if matches!(action, A::NextItem | A::PrevItem) {
            let _ = self.save_now(); // a failure is on the message line
        }
    }

    /// The item found in the agenda: selected in the meeting's agenda list, or, in the
    /// console, the item the minutes go on with (its time counted as for ctrl-n).
    pub(super) fn agenda_item_picked(&mut self, index: usize) {
        let now = self.clock.now();
        if let Some(c) = self.meetings.console.as_mut() {
            if index != c.item {
                c.go_item(index, now);
                let _ = self.save_now(); // a failure is on the message line
            }
            return;
        }
        let n = self.meetings.open_meeting().map_or(0, |m| m.agenda.len());
        self.meetings.item.select(index, n);
    }

    /// A vote as the list of votes to correct shows it: "Mục 7 · 20:41 · Công nhận …
    /// — 16/25: không thông qua".
    fn vote_label(&self, item: usize, v: &Vote, at: NaiveTime) -> String {
        let result = self.t(if v.passed() {
            Msg::Passed
        } else {
            Msg::NotPassed
        });
        let line = |subject: &str| {
            Msg::VotePickLine.fill(
                self.lang,
                &[
                    ("item", &(item + 1)),
                    ("time", &at.format("%H:%M")),
                    ("subject", &subject),
                    ("for", &v.in_favour),
                    ("of", &v.denominator()),
                    ("result", &result),
                ],
            )
        };
        // the whole line fits the list at 80 columns: a long subject is shortened
        const ROOM: usize = 73;
        let full = line(&v.subject);
        let over = unicode_width::UnicodeWidthStr::width(full.as_str()).saturating_sub(ROOM);
        if over == 0 {
            return full;
        }
        let keep = v.subject.chars().count().saturating_sub(over + 1);
        line(&format!(
            "{}…",
            v.subject.chars().take(keep).collect::<String>()
        ))
    }

    /// The vote picked from the list of the meeting's votes: its form, to correct or
    /// remove it.
    pub(super) fn vote_picked(&mut self, index: usize) {
        let Some(c) = self.meetings.console.as_ref() else {
            return;
        };
        if let Some((item, entry, vote, _)) = meeting_votes(&c.meeting).into_iter().nth(index) {
            let form = self.vote_form(Some((item, entry, &vote)));
            self.overlays.push(Overlay::Form(Box::new(form)));
        }
    }

    /// Removes a saved vote from the minutes, once the removal is confirmed.
    pub(super) fn remove_vote(&mut self, item: usize, entry: usize) {
        let subject = match self
            .meetings
            .console
            .as_ref()
            .and_then(|c| c.meeting.agenda.get(item))
            .and_then(|i| i.entries.get(entry))
            .map(|e| &e.kind)
        {
            Some(EntryKind::Vote(v)) => v.subject.clone(),
            _ => return,
        };
        if let Some(c) = self.meetings.console.as_mut() {
            c.replace_vote(item, entry, None);
        }
        if self.save_now().is_err() {
            return; // the message line says why
        }
        let mut message = self.t(Msg::VoteRemoved).to_string();
        match self.recognition_effect(&subject, false) {
            Ok(Some(done)) => message = format!("{message} {done}"),
            Ok(None) => {}
            Err(e) => {
                self.status = Some(Status::Error(self.store_error(&e)));
                return;
            }
        }
        if let Err(e) = self.load_roster() {
            self.status = Some(Status::Error(self.store_error(&e)));
            return;
        }
        self.status = Some(Status::Info(message));
    }

    /// A guest named in the meeting's details takes the floor.
    pub(super) fn guest_speaks(&mut self, guest: String) {
        let now = self.clock.now();
        if let Some(c) = self.meetings.console.as_mut() {
            let at = c.stamp(now).time();
            c.new_entry(EntryKind::GuestSpeech(guest), at);
        }
    }

    /// A new vote's form, or a saved one's (its item and entry) to correct or remove.
    fn vote_form(&self, saved: Option<(usize, usize, &Vote)>) -> Form {
        let methods = VoteMethod::ALL
            .iter()
            .map(|m| labels::vote_method(*m))
            .collect();
        let rules = VoteRule::ALL
            .iter()
            .map(|r| labels::vote_rule(*r))
            .collect();
        let v = saved.map(|s| s.2);
        let mut fields = vec![
            Field::text(
                FieldId::Subject,
                Msg::FieldSubject,
                v.map_or("", |v| v.subject.as_str()),
            )
            .required(),
            Field::choice(
                FieldId::Method,
                Msg::FieldMethod,
                methods,
                position(&VoteMethod::ALL, v.map(|v| v.method)),
            ),
            // preselected from the subject as it is typed (2/3 for admission…)
            Field::choice(
                FieldId::Rule,
                Msg::FieldRule,
                rules,
                position(&VoteRule::ALL, v.map(|v| v.rule)),
            )
            .follows(FieldId::Subject, super::form::Preselect::VoteRule),
            // counted, never assumed: a pre-filled "all in favour" invites a wrong
            // unanimous result
            count(
                FieldId::InFavour,
                Msg::FieldInFavour,
                v.map(|v| v.in_favour),
            ),
            count(FieldId::Against, Msg::FieldAgainst, v.map(|v| v.against)),
            count(FieldId::Other, Msg::FieldOther, v.map(|v| v.other)),
        ];
        let (purpose, title) = match saved {
            Some((item, entry, _)) => {
                fields.push(Field::choice(
                    FieldId::Remove,
                    Msg::FieldVoteKeep,
                    vec![Msg::VoteKeep, Msg::VoteRemove],
                    0,
                ));
                (FormPurpose::EditVote(item, entry), Msg::FormCorrectVote)
            }
            None => (FormPurpose::Vote, Msg::FormVote),
        };
        let mut form = Form::new(purpose, self.t(title).to_string(), fields);
        form.note = self.vote_preview(&form);
        form
    }

    /// The vote a filled form describes, with its counts checked.
    pub(super) fn vote_from_form(&self, form: &Form) -> Result<Vote, FieldError> {
        form.check()?;
        let (e, temporary) = self.form_electorate(form);
        let method = VoteMethod::ALL
            .get(form.choice(FieldId::Method))
            .copied()
            .unwrap_or_default();
        let rule = VoteRule::ALL
            .get(form.choice(FieldId::Rule))
            .copied()
            .unwrap_or_default();
        let mut vote = Vote::new(&form.text(FieldId::Subject), method, rule, &e, temporary);
        vote.in_favour = form.number(FieldId::InFavour)?;
        vote.against = form.number(FieldId::Against)?;
        vote.other = form.number(FieldId::Other)?;
        match vote.check() {
            Ok(()) => Ok(vote),
            Err(crate::domain::vote::VoteError::TooManyVotes { .. }) => {
                Err((FieldId::InFavour, Msg::ErrTooManyVotes))
            }
            Err(crate::domain::vote::VoteError::NoVotes) => {
                Err((FieldId::InFavour, Msg::ErrNoVotes))
            }
            Err(crate::domain::vote::VoteError::WrongRule { required }) => {
                Err((FieldId::Rule, labels::vote_rule_required(required)))
            }
        }
    }

    /// The line under the vote form: who may vote and the result by the rule.
    pub(super) fn vote_preview(&self, form: &Form) -> Option<String> {
        let (e, temporary) = self.form_electorate(form);
        let rule = VoteRule::ALL
            .get(form.choice(FieldId::Rule))
            .copied()
            .unwrap_or_default();
        let mut vote = Vote::new("", VoteMethod::default(), rule, &e, temporary);
        let counted = [FieldId::InFavour, FieldId::Against, FieldId::Other];
        if counted.iter().any(|id| form.text(*id).is_empty()) {
            return Some(Msg::VoteEligible.fill(
                self.lang,
                &[("eligible", &vote.eligible), ("branch", &vote.branch)],
            ));
        }
        vote.in_favour = form.number(FieldId::InFavour).ok()?;
        vote.against = form.number(FieldId::Against).ok()?;
        vote.other = form.number(FieldId::Other).ok()?;
        let result = if vote.passed() {
            Msg::Passed
        } else {
            Msg::NotPassed
        };
        Some(Msg::VotePreview.fill(
            self.lang,
            &[
                ("eligible", &vote.eligible),
                ("branch", &vote.branch),
                ("result", &self.t(result)),
                ("for", &vote.in_favour),
                ("of", &vote.denominator()),
            ],
        ))
    }

    pub(super) fn submit_console_form(
        &mut self,
        form: &Form,
    ) -> Result<Result<String, FieldError>, StoreError> {
        let now = self.clock.now();
        match form.purpose {
            FormPurpose::Vote => {
                let vote = match self.vote_from_form(form) {
                    Ok(v) => v,
                    Err(e) => return Ok(Err(e)),
                };
                let passed = vote.passed();
                let subject = vote.subject.clone();
                if let Some(c) = self.meetings.console.as_mut() {
                    let at = c.stamp(now).time();
                    c.add_vote(vote, at);
                }
                let _ = self.save_now(); // a failure is on the message line
                let mut message = self
                    .t(if passed { Msg::Passed } else { Msg::NotPassed })
                    .to_string();
                if let Some(done) = self.recognition_effect(&subject, passed)? {
                    message = format!("{message}. {done}");
                }
                Ok(Ok(message))
            }
            FormPurpose::EditVote(item, entry) => {
                if form.choice(FieldId::Remove) == 1 {
                    // removing a vote from the minutes is asked once more, in a dialog
                    // typing cannot answer
                    let subject = form.text(FieldId::Subject);
                    self.overlays
                        .push(Overlay::Confirm(Confirm::RemoveVote(item, entry, subject)));
                    return Ok(Ok(String::new()));
                }
                let vote = match self.vote_from_form(form) {
                    Ok(v) => v,
                    Err(e) => return Ok(Err(e)),
                };
                let mut message = self
                    .t(if vote.passed() {
                        Msg::Passed
                    } else {
                        Msg::NotPassed
                    })
                    .to_string();
                let (subject, passed) = (vote.subject.clone(), vote.passed());
                if let Some(c) = self.meetings.console.as_mut() {
                    c.replace_vote(item, entry, Some(vote));
                }
                let _ = self.save_now(); // a failure is on the message line
                if let Some(done) = self.recognition_effect(&subject, passed)?
                    && passed
                {
                    message = format!("{message}. {done}");
                }
                Ok(Ok(message))
            }
            FormPurpose::ApprovalVote(id) => {
                let mut vote = match self.vote_from_form(form) {
                    Ok(v) => v,
                    Err(e) => return Ok(Err(e)),
                };
                if !vote.passed() {
                    return Ok(Err((FieldId::InFavour, Msg::ErrApprovalNotPassed)));
                }
                vote.subject = self.t(Msg::ApprovalVoteSubject).to_string();
                self.overlays
                    .push(Overlay::Confirm(Confirm::Approve(id, Box::new(vote))));
                Ok(Ok(String::new()))
            }
            FormPurpose::Late(id) => match form.time(FieldId::Time) {
                Ok(t) => {
                    self.mark(id, Presence::Late(t));
                    Ok(Ok(String::new()))
                }
                Err(e) => Ok(Err(e)),
            },
            FormPurpose::Excuse(id) => {
                let reason = form.text(FieldId::Reason);
                self.mark(id, Presence::Excused(reason));
                Ok(Ok(String::new()))
            }
            _ => Ok(Ok(String::new())),
        }
    }

    fn mark(&mut self, id: MemberId, presence: Presence) {
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

    pub(super) fn update_rollcall(&mut self, action: super::Action) {
        use super::Action as A;
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
                let title = Msg::FormLate.fill(self.lang, &[("name", &self.member_name_of(id))]);
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
                let title = Msg::FormExcuse.fill(self.lang, &[("name", &self.member_name_of(id))]);
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
    pub(super) fn find_in_roll_call(&mut self) {
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

    fn member_name_of(&self, id: MemberId) -> String {
        self.roster
            .members()
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.full_name())
            .unwrap_or_default()
    }

    /// What the minutes lack, for the end-of-meeting confirmation.
    pub fn missing_now(&self) -> Vec<crate::domain::meeting::Missing> {
        let Some(c) = &self.meetings.console else {
            return Vec::new();
        };
        let (expected, _) = roll_call_members(self.roster.members());
        let mut missing = c.meeting.missing(&expected, self.clock.now());
        if c.meeting.kind == crate::domain::meeting::MeetingKind::YearEnd {
            let undecided = self.undecided_grades(&c.meeting);
            if undecided > 0 {
                missing.push(crate::domain::meeting::Missing::Undecided(undecided));
            }
        }
        missing
    }

    pub(super) fn end_meeting(&mut self) {
        let now = self.clock.now();
        let Some(c) = self.meetings.console.as_mut() else {
            return;
        };
        c.sync_editor();
        c.drop_empty_active();
        c.account_time(now);
        let was_ended = c.meeting.ended_at.is_some();
        let end = c.stamp(now);
        if !was_ended {
            c.meeting.ended_at = Some(end);
            c.meeting.freeze_roster(self.roster.members());
        }
        let id = c.meeting.id;
        if self.save_console(Some("end")).is_err() {
            // the meeting goes on in the console, with everything typed, until the
            // store takes it
            if !was_ended && let Some(c) = self.meetings.console.as_mut() {
                c.meeting.ended_at = None;
            }
            return;
        }
        self.meetings.console = None;
        match self.reload_meetings() {
            Ok(()) => {
                self.meetings.open = Some(id);
                let time = end.format("%H:%M").to_string();
                self.status = Some(Status::Info(Msg::Ended.fill(self.lang, &[("time", &time)])));
            }
            Err(e) => self.status = Some(Status::Error(self.store_error(&e))),
        }
    }

    /// The live attendance counts of the console line.
    pub fn console_attendance(&self) -> Option<crate::domain::meeting::AttendanceReport> {
        self.meetings
            .console
            .as_ref()
            .map(|c| attendance_report(&c.meeting, self.roster.members()))
    }
}
