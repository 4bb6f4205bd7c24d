//! Keymaps: the shipped map (`keymaps/default.toml`, embedded), a user's overrides merged
//! key by key, validation, and the lookup from keys to actions.

mod file;
mod notation;
mod validate;

use std::collections::BTreeMap;
use std::fmt;

pub use notation::{Code, Key, seq_to_string};

pub use crate::domain::text::line_col;

use crate::command::{Action, Section};

/// The shipped map.
pub const DEFAULT_KEYMAP: &str = include_str!("../../keymaps/default.toml");

/// One binding, with where it was written (for messages about a user file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub keys: Vec<Key>,
    pub action: Action,
    pub origin: Option<(usize, usize)>,
}

/// A problem in a keymap file, with its line and column (1-based) when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeymapError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for KeymapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.line, self.column, self.message)
        } else {
            f.write_str(&self.message)
        }
    }
}

/// What a key (after any pending keys) means in a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    Action(Action),
    /// The keys so far begin a longer sequence: wait for the next key.
    Pending,
    Unbound,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    sections: BTreeMap<Section, Vec<Binding>>,
}

impl Keymap {
    pub fn bindings(&self, section: Section) -> &[Binding] {
        self.sections
            .get(&section)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    fn lookup_in(&self, section: Section, seq: &[Key]) -> Lookup {
        let mut pending = false;
        for b in self.bindings(section) {
            if b.keys == seq {
                return Lookup::Action(b.action);
            }
            if b.keys.len() > seq.len() && b.keys.starts_with(seq) {
                pending = true;
            }
        }
        if pending {
            Lookup::Pending
        } else {
            Lookup::Unbound
        }
    }

    /// What `pending` followed by `key` means in `section`: the section first, then
    /// `global` (for non-modal sections).
    pub fn resolve(&self, section: Section, pending: &[Key], key: Key) -> Lookup {
        match self.resolve_in(section, pending, key) {
            Lookup::Unbound if section.falls_back_to_global() => {
                self.resolve_in(Section::Global, pending, key)
            }
            other => other,
        }
    }

    /// What `pending` followed by `key` means in `section` alone.
    pub fn resolve_in(&self, section: Section, pending: &[Key], key: Key) -> Lookup {
        let mut seq = pending.to_vec();
        seq.push(key);
        self.lookup_in(section, &seq)
    }

    /// The keys bound to an action in a section (then global), in file order.
    pub fn keys_for(&self, section: Section, action: Action) -> Vec<String> {
        let mut out: Vec<String> = self.reaching(section, section, action).collect();
        if section.falls_back_to_global() && section != Section::Global {
            out.extend(self.reaching(Section::Global, section, action));
        }
        out
    }

    /// The keys of `section` bound to `action` that reach it from `from`, in file
    /// order: a key `from` binds itself no longer reaches `global`.
    fn reaching(
        &self,
        section: Section,
        from: Section,
        action: Action,
    ) -> impl Iterator<Item = String> + '_ {
        self.bindings(section)
            .iter()
            .filter(move |b| b.action == action)
            .filter(move |b| {
                section == from || !self.bindings(from).iter().any(|o| o.keys == b.keys)
            })
            .map(|b| seq_to_string(&b.keys))
    }

    /// What `section` binds, for help opened over `from`: each command once with all
    /// of its keys that reach it (in file order), the section's own commands in the
    /// order of its table, then any other it binds (a global command a user's file
    /// binds in a screen's section). A command without a key is left out.
    pub fn commands_bound(&self, section: Section, from: Section) -> Vec<(Action, Vec<String>)> {
        let mut actions: Vec<Action> = section.commands().own.iter().map(|c| c.action).collect();
        for b in self.bindings(section) {
            if !actions.contains(&b.action) {
                actions.push(b.action);
            }
        }
        actions
            .into_iter()
            .map(|a| (a, self.reaching(section, from, a).collect::<Vec<_>>()))
            .filter(|(_, keys)| !keys.is_empty())
            .collect()
    }

    /// The first key of an action, for footers.
    pub fn key_for(&self, section: Section, action: Action) -> Option<String> {
        self.keys_for(section, action).into_iter().next()
    }

    /// The whole map as TOML, for `chibo keymap show`.
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        for (section, bindings) in &self.sections {
            if bindings.is_empty() {
                continue;
            }
            out.push_str(&format!("[{}]\n", section.name()));
            for b in bindings {
                out.push_str(&format!(
                    "{:<14} = \"{}\"\n",
                    format!("\"{}\"", seq_to_string(&b.keys)),
                    action_name(b.action)
                ));
            }
            out.push('\n');
        }
        out
    }
}

/// The snake_case name of an action, as written in keymap files.
pub fn action_name(action: Action) -> String {
    let debug = format!("{action:?}");
    let mut out = String::new();
    for (i, c) in debug.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The keys of a map as Markdown tables, one per section (the README's key list): a row
/// per action, its keys joined in the order the map gives them, as the help lists them.
pub fn markdown(map: &Keymap, lang: crate::i18n::Lang) -> String {
    let mut out = String::new();
    for section in Section::ALL {
        let bindings = map.bindings(section);
        if bindings.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "**[{}]**\n\n| keys | action | |\n|---|---|---|\n",
            section.name()
        ));
        let mut rows: Vec<(Action, Vec<String>)> = Vec::new();
        for b in bindings {
            let keys = format!("`{}`", seq_to_string(&b.keys).replace('|', "\\|"));
            match rows.iter_mut().find(|(a, _)| *a == b.action) {
                Some((_, all)) => all.push(keys),
                None => rows.push((b.action, vec![keys])),
            }
        }
        for (action, keys) in rows {
            out.push_str(&format!(
                "| {} | `{}` | {} |\n",
                keys.join(", "),
                action_name(action),
                action.describe().get(lang)
            ));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Key {
        Key::parse(s).unwrap()
    }

    #[test]
    fn action_names_round_trip() {
        for a in Action::ALL {
            assert_eq!(Action::from_name(&action_name(*a)), Some(*a));
        }
    }

    #[test]
    fn lookup_section_then_global_and_sequences() {
        let map = Keymap::defaults();
        assert_eq!(
            map.resolve(Section::Roster, &[], key("n")),
            Lookup::Action(Action::New)
        );
        assert_eq!(
            map.resolve(Section::Roster, &[], key("q")),
            Lookup::Action(Action::Quit)
        );
        assert_eq!(map.resolve(Section::Roster, &[], key("g")), Lookup::Pending);
        assert_eq!(
            map.resolve(Section::Roster, &[key("g")], key("g")),
            Lookup::Action(Action::First)
        );
        assert_eq!(map.resolve(Section::Roster, &[], key("x")), Lookup::Unbound);
        // a form does not fall back to global: q is not quit there
        assert_eq!(map.resolve(Section::Form, &[], key("q")), Lookup::Unbound);
    }

    /// Help lists a command once with every key, in the order of the section's table;
    /// a key the section binds itself is not listed under `global`.
    #[test]
    fn the_key_list_gives_each_action_one_row_with_its_keys_joined() {
        let md = markdown(&Keymap::defaults(), crate::i18n::Lang::En);
        let global = &md[..md.find("**[roster]**").unwrap()];
        let help: Vec<&str> = global.lines().filter(|l| l.contains("`help`")).collect();
        assert_eq!(help, ["| `?`, `f1` | `help` | help |"]);
        assert_eq!(global.matches("`quit`").count(), 1);
    }

    #[test]
    fn commands_bound_once_in_table_order() {
        let map = Keymap::defaults();
        let console = map.commands_bound(Section::Console, Section::Console);
        let actions: Vec<Action> = console.iter().map(|(a, _)| *a).collect();
        let table: Vec<Action> = Section::Console
            .commands()
            .own
            .iter()
            .map(|c| c.action)
            .collect();
        assert_eq!(actions, table);
        let speech = console.iter().find(|(a, _)| *a == Action::Speech);
        assert_eq!(
            speech.map(|(_, k)| k.join(", ")).as_deref(),
            Some("f2, ctrl-t")
        );
        let global = map.commands_bound(Section::Global, Section::Agenda);
        assert!(
            global.iter().all(|(a, _)| *a != Action::Cancel),
            "{global:?}"
        );
        let global = map.commands_bound(Section::Global, Section::Roster);
        assert!(global.contains(&(Action::Cancel, vec!["esc".to_string()])));
    }
}
