//! Reviewing last month's resolution inside the next meeting: its items in an overlay
//! above the console, each followed up with the task keys, dated on the meeting's day.

use crate::app::tasks::task_action;
use crate::app::{Action, App, Overlay};
use crate::domain::resolution::Resolution;
use crate::domain::task::Task;
use crate::i18n::Msg;

impl App {
    /// The items reviewed in the console: last month's resolution's items.
    pub fn review_items(&self) -> Option<(&Resolution, Vec<&Task>)> {
        let c = self.meetings.console.as_ref()?;
        let r = self.resolutions.previous_for(&c.meeting)?;
        Some((r, self.resolutions.items(r)))
    }

    pub(in crate::app) fn update_review(&mut self, action: Action) {
        use Action as A;
        let Some(Overlay::Review { selected }) = self.overlays.last() else {
            return;
        };
        let selected = *selected;
        let meeting = self.meetings.console.as_ref().map(|c| c.meeting.id);
        let tasks: Vec<Task> = self
            .review_items()
            .map(|(_, ts)| ts.into_iter().cloned().collect())
            .unwrap_or_default();
        let n = tasks.len();
        let next = match action {
            A::Cancel => {
                self.overlays.pop();
                return;
            }
            A::MoveUp => selected.saturating_sub(1),
            A::MoveDown => (selected + 1).min(n.saturating_sub(1)),
            _ => {
                if let Some(t) = tasks.get(selected) {
                    let outcome = task_action(action, t, meeting, &ctx!(self));
                    self.act_on(outcome);
                }
                return;
            }
        };
        if let Some(Overlay::Review { selected }) = self.overlays.last_mut() {
            *selected = next;
        }
    }

    pub(in crate::app) fn open_review(&mut self) {
        if self.review_items().is_none() {
            self.error(Msg::NoPreviousResolution);
            return;
        }
        self.overlays.push(Overlay::Review { selected: 0 });
    }
}
