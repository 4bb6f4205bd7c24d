//! The agenda templates of each kind of meeting: `agenda.toml`, the shipped file with the
//! user's kinds in place of the shipped ones.

use serde::Deserialize;

use super::{AgendaItem, DEFAULT_TEMPLATES, MeetingKind};
use crate::domain::text;

/// A template of the agenda for a kind of meeting (data the branch can edit).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Template {
    pub kind: String,
    pub items: Vec<TemplateItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct TemplateItem {
    pub title: String,
    #[serde(default)]
    pub minutes: u32,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Templates {
    #[serde(default)]
    template: Vec<Template>,
}

/// A template's kind that is none of chibo's, told with its place as TOML tells its own
/// errors ("TOML parse error at line L, column C", then what is wrong).
fn unknown_kind(text: &str, index: usize, kind: &str) -> String {
    #[derive(Deserialize)]
    struct Kinds {
        template: Vec<Kind>,
    }
    #[derive(Deserialize)]
    struct Kind {
        kind: toml::Spanned<String>,
    }
    let what = format!("unknown kind of meeting \"{kind}\"");
    let place = toml::from_str::<Kinds>(text)
        .ok()
        .and_then(|k| k.template.into_iter().nth(index))
        .map(|k| text::line_col(text, k.kind.span().start));
    match place {
        Some((line, column)) => format!("TOML parse error at line {line}, column {column}\n{what}"),
        None => what,
    }
}

impl Templates {
    /// The shipped templates (tested to parse).
    pub fn shipped() -> Templates {
        toml::from_str(DEFAULT_TEMPLATES).unwrap_or_default()
    }

    /// The shipped templates with a user's file replacing the kinds it names.
    pub fn with_user(text: &str) -> Result<Templates, String> {
        let user: Templates = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut all = Templates::shipped();
        for (i, t) in user.template.into_iter().enumerate() {
            if !MeetingKind::ALL.iter().any(|k| k.key() == t.kind) {
                return Err(unknown_kind(text, i, &t.kind));
            }
            all.template.retain(|x| x.kind != t.kind);
            all.template.push(t);
        }
        Ok(all)
    }

    /// The agenda of a new meeting of `kind`.
    pub fn agenda(&self, kind: MeetingKind) -> Vec<AgendaItem> {
        self.template
            .iter()
            .find(|t| t.kind == kind.key())
            .map(|t| {
                t.items
                    .iter()
                    .map(|i| AgendaItem::new(&i.title, i.minutes))
                    .collect()
            })
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_templates_cover_every_kind_and_the_regular_order() {
        let t = Templates::shipped();
        for k in MeetingKind::ALL {
            assert!(!t.agenda(k).is_empty(), "{k:?}");
        }
        let regular = t.agenda(MeetingKind::Regular);
        assert_eq!(regular.len(), 8);
        assert!(
            regular[2]
                .title
                .starts_with("Đánh giá kết quả thực hiện nghị quyết tháng trước")
        );
        assert_eq!(regular.iter().map(|i| i.planned_minutes).sum::<u32>(), 100);
    }

    #[test]
    fn a_user_template_replaces_its_kind() {
        let t = Templates::with_user(
            "[[template]]\nkind = \"committee\"\nitems = [{ title = \"Một mục\", minutes = 5 }]\n",
        )
        .unwrap();
        assert_eq!(t.agenda(MeetingKind::Committee).len(), 1);
        assert_eq!(t.agenda(MeetingKind::Regular).len(), 8);
        assert!(Templates::with_user("[[template]]\nkind = \"party\"\nitems = []\n").is_err());
    }
}
