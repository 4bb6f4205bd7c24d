//! A resolution's detail (its items, adopting, superseding, exporting it) and the
//! follow-up of every open item across resolutions. The keys on one task are the tasks
//! screen's, tried first on the task under the cursor.

use super::{Resolutions, form};
use crate::app::export::{ExportTarget, format_form};
use crate::app::tasks::task_action;
use crate::app::{Action, Ctx, Outcome};
use crate::i18n::Msg;

impl Resolutions {
    /// What the selected item's task does with `action` (`task_action`), when it is a
    /// task's key.
    fn selected_task_keys(&self, action: Action, ctx: &Ctx) -> Option<Outcome> {
        let task = self.selected_task(ctx.today())?;
        let outcome = task_action(action, task, None, ctx);
        (!matches!(outcome, Outcome::NotMine)).then_some(outcome)
    }

    /// The keys of the resolution shown in detail.
    pub fn update_detail(&mut self, action: Action, ctx: &Ctx) -> Outcome {
        use Action as A;
        let Some(res) = self.open_resolution().cloned() else {
            self.open = None;
            return Outcome::Done;
        };
        let today = ctx.today();
        if let Some(outcome) = self.selected_task_keys(action, ctx) {
            return outcome;
        }
        match action {
            A::Cancel => self.open = None,
            A::FollowUp => {
                self.open = None;
                self.followup = true;
                self.fu.select(0, 0);
            }
            _ if self.move_in(action, today) => {}
            A::Edit => return Outcome::form(form::resolution_form(Some(&res), &self.list, ctx)),
            A::AddItem => return Outcome::form(form::item_form(&res, None, ctx)),
            A::RenameItem => {
                let task = self.selected_task(today);
                return Outcome::form(form::item_form(&res, task, ctx));
            }
            A::Adopt if res.adopted_on.is_some() => return ctx.info(Msg::AlreadyAdopted),
            A::Adopt => return Outcome::form(form::adopt_form(&res, ctx)),
            A::Supersede => return Outcome::form(form::supersede_form(&res, ctx)),
            A::ExportResolution => {
                return Outcome::form(format_form(ExportTarget::Resolution(res.id), ctx));
            }
            _ => {}
        }
        Outcome::Done
    }

    /// The keys of the follow-up view.
    pub fn update_followup(&mut self, action: Action, ctx: &Ctx) -> Outcome {
        use Action as A;
        let today = ctx.today();
        if let Some(outcome) = self.selected_task_keys(action, ctx) {
            return outcome;
        }
        match action {
            A::Cancel => self.followup = false,
            _ if self.move_in(action, today) => {}
            A::Open => {
                if let Some(task) = self.selected_task(today)
                    && let Some(res) = task.resolution
                {
                    let task = task.id;
                    let item = self
                        .get(res)
                        .and_then(|r| r.items.iter().position(|x| *x == task));
                    self.followup = false;
                    self.open = Some(res);
                    let n = self.get(res).map_or(0, |r| r.items.len());
                    self.item.select(item.unwrap_or(0), n);
                }
            }
            _ => {}
        }
        Outcome::Done
    }
}
