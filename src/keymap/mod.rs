//! Keymaps: the shipped map (`keymaps/default.toml`, embedded), a user's overrides merged
//! key by key, validation, and the lookup from keys to actions.

mod notation;

use std::collections::BTreeMap;
use std::fmt;

use indexmap::IndexMap;

pub use notation::{Code, Key, seq_to_string};

pub use crate::domain::text::line_col;

use crate::command::{Action, Section, commands};

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

/// One parsed entry: keys → action, or `None` for "none" (unbind).
type Entry = (Vec<Key>, Option<Action>, (usize, usize));

/// The entries of a file, by section, in file order.
type Parsed = BTreeMap<Section, Vec<Entry>>;

/// A keymap file's entries, without those that cannot be read (an unknown section, key
/// name or action, a value that is not a string, a key bound twice), and the problems of
/// those left out; `Err` when the text is not TOML at all.
fn parse_file(text: &str) -> Result<(Parsed, Vec<KeymapError>), Vec<KeymapError>> {
    // file order is kept: the first key written for an action is the one hints show
    let raw: IndexMap<String, IndexMap<String, toml::Spanned<toml::Value>>> =
        match toml::from_str(text) {
            Ok(raw) => raw,
            Err(e) => {
                let (line, column) = e.span().map(|s| line_col(text, s.start)).unwrap_or((0, 0));
                return Err(vec![KeymapError {
                    line,
                    column,
                    message: e.message().trim().to_string(),
                }]);
            }
        };
    let mut errors = Vec::new();
    let mut out = BTreeMap::new();
    for (name, entries) in raw {
        let Some(section) = Section::from_name(&name) else {
            let offset = text.find(&format!("[{name}]")).unwrap_or(0);
            let (line, column) = line_col(text, offset);
            errors.push(KeymapError {
                line,
                column,
                message: format!("unknown section [{name}]"),
            });
            continue;
        };
        let mut list: Vec<Entry> = Vec::new();
        for (keyname, value) in entries {
            let at = line_col(text, value.span().start);
            let keys = match Key::parse_seq(&keyname) {
                Ok(keys) => keys,
                Err(msg) => {
                    errors.push(KeymapError {
                        line: at.0,
                        column: 1,
                        message: format!("\"{keyname}\": {msg}"),
                    });
                    continue;
                }
            };
            let Some(action_name) = value.get_ref().as_str() else {
                errors.push(KeymapError {
                    line: at.0,
                    column: at.1,
                    message: format!(
                        "invalid type: {} `{}`, expected a string",
                        value.get_ref().type_str(),
                        value.get_ref()
                    ),
                });
                continue;
            };
            let action = if action_name == "none" {
                None
            } else {
                match Action::from_name(action_name) {
                    Some(a) => Some(a),
                    None => {
                        errors.push(KeymapError {
                            line: at.0,
                            column: at.1,
                            message: format!("unknown action \"{action_name}\""),
                        });
                        continue;
                    }
                }
            };
            if let Some(prev) = list.iter().find(|(k, _, _)| *k == keys) {
                errors.push(KeymapError {
                    line: at.0,
                    column: 1,
                    message: format!(
                        "\"{}\" is bound twice in [{name}] (also line {})",
                        seq_to_string(&keys),
                        prev.2.0
                    ),
                });
                continue;
            }
            list.push((keys, action, at));
        }
        out.insert(section, list);
    }
    Ok((out, errors))
}

impl Keymap {
    /// The shipped keymap. It is validated by a test, so it always loads.
    pub fn defaults() -> Keymap {
        let mut map = Keymap::default();
        if let Ok((parsed, _)) = parse_file(DEFAULT_KEYMAP) {
            map.merge(parsed, false);
        }
        map
    }

    fn merge(&mut self, parsed: Parsed, keep_origin: bool) {
        for (section, entries) in parsed {
            for entry in entries {
                self.apply(section, entry, keep_origin);
            }
        }
    }

    /// One entry over the map: its keys leave whatever they meant in `section`, and
    /// mean the entry's action (nothing, for "none").
    fn apply(&mut self, section: Section, (keys, action, origin): Entry, keep_origin: bool) {
        let list = self.sections.entry(section).or_default();
        list.retain(|b| b.keys != keys);
        if let Some(action) = action {
            list.push(Binding {
                keys,
                action,
                origin: keep_origin.then_some(origin),
            });
        }
    }

    /// Parses a keymap file on its own (the shipped one, or `chibo keymap check FILE`)
    /// and validates it as the whole map.
    pub fn from_file(text: &str) -> Result<Keymap, Vec<KeymapError>> {
        let (parsed, mut problems) = parse_file(text)?;
        let mut map = Keymap::default();
        map.merge(parsed, true);
        problems.extend(map.validate());
        if problems.is_empty() {
            Ok(map)
        } else {
            Err(problems)
        }
    }

    /// The defaults with a user's file merged over them, and the file's problems. An
    /// entry that is wrong is skipped and the rest of the file applies: one that cannot
    /// be read, one that would make a key impossible to type (a prefix of another, a
    /// printable key in a text field, a key terminals cannot tell apart), and one that
    /// would leave an action that must keep a key without one. Only a file that is not
    /// TOML at all leaves the defaults alone.
    pub fn with_user(text: &str) -> (Keymap, Vec<KeymapError>) {
        let (map, errors, _) = Keymap::user_file(text);
        (map, errors)
    }

    /// As `with_user`, and whether the file applied (`false`: the defaults alone, each
    /// error the whole file's).
    pub fn user_file(text: &str) -> (Keymap, Vec<KeymapError>, bool) {
        let defaults = Keymap::defaults();
        let (parsed, mut errors) = match parse_file(text) {
            Ok(p) => p,
            Err(errors) => return (defaults, errors, false),
        };
        let entries: Vec<(Section, Entry)> = parsed
            .into_iter()
            .flat_map(|(section, list)| list.into_iter().map(move |e| (section, e)))
            .collect();
        // the whole file at once, as almost every file is right
        let mut merged = defaults.clone();
        for (section, entry) in &entries {
            merged.apply(*section, entry.clone(), true);
        }
        if merged.validate().is_empty() {
            return (merged, errors, true);
        }
        // entry by entry: each one that makes the map wrong is refused, with why
        let mut refused: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        let map = loop {
            let mut map = defaults.clone();
            for (i, (section, entry)) in entries.iter().enumerate() {
                if refused.contains_key(&i) {
                    continue;
                }
                let before = map.sections.get(section).cloned();
                map.apply(*section, entry.clone(), true);
                let problems = map.entry_problems(*section, &entry.0);
                if !problems.is_empty() {
                    match before {
                        Some(list) => map.sections.insert(*section, list),
                        None => map.sections.remove(section),
                    };
                    refused.insert(i, problems);
                }
            }
            // an action left without a key: the entries that took its keys away go
            let mut culprits = Vec::new();
            for (section, action) in map.missing_required() {
                let lost: Vec<(Section, &[Key])> = [section, Section::Global]
                    .into_iter()
                    .filter(|s| *s == section || section.falls_back_to_global())
                    .flat_map(|s| {
                        defaults
                            .bindings(s)
                            .iter()
                            .filter(|b| b.action == action)
                            .map(move |b| (s, b.keys.as_slice()))
                    })
                    .collect();
                for (i, (s, entry)) in entries.iter().enumerate() {
                    let took = lost.iter().any(|(ls, keys)| {
                        *keys == entry.0.as_slice() && (s == ls || *s == section)
                    });
                    if took && !refused.contains_key(&i) {
                        culprits.push((
                            i,
                            format!(
                                "[{}] the action \"{}\" would have no key left",
                                section.name(),
                                action_name(action)
                            ),
                        ));
                    }
                }
            }
            if culprits.is_empty() {
                break map;
            }
            for (i, message) in culprits {
                refused.entry(i).or_default().push(message);
            }
        };
        // what is still wrong (never expected): the defaults alone
        let left = map.validate();
        for (i, messages) in refused {
            let (line, column) = entries[i].1.2;
            for message in messages {
                errors.push(KeymapError {
                    line,
                    column,
                    message,
                });
            }
        }
        errors.sort_by_key(|e| (e.line, e.column));
        if left.is_empty() {
            (map, errors, true)
        } else {
            errors.extend(left);
            (defaults, errors, false)
        }
    }

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
        let mut sections = vec![section];
        if section.falls_back_to_global() && section != Section::Global {
            sections.push(Section::Global);
        }
        let mut out = Vec::new();
        for s in sections {
            for b in self.bindings(s) {
                // a key the section rebinds no longer reaches global
                let shadowed = s == Section::Global
                    && section != Section::Global
                    && self.bindings(section).iter().any(|o| o.keys == b.keys);
                if b.action == action && !shadowed {
                    out.push(seq_to_string(&b.keys));
                }
            }
        }
        out
    }

    /// The first key of an action, for footers.
    pub fn key_for(&self, section: Section, action: Action) -> Option<String> {
        self.keys_for(section, action).into_iter().next()
    }

    /// Every problem of the map as a whole.
    pub fn validate(&self) -> Vec<KeymapError> {
        let mut errors = self.binding_problems(&Section::ALL);
        for (section, action) in self.missing_required() {
            errors.push(KeymapError {
                line: 0,
                column: 0,
                message: format!(
                    "[{}] the action \"{}\" has no key left",
                    section.name(),
                    action_name(action)
                ),
            });
        }
        errors
    }

    /// The actions that must keep a key and have none, by section.
    fn missing_required(&self) -> Vec<(Section, Action)> {
        Section::ALL
            .into_iter()
            .flat_map(|s| commands(s).needing_a_key().map(move |a| (s, a)))
            .filter(|(s, a)| self.keys_for(*s, *a).is_empty())
            .collect()
    }

    /// What makes the binding of `keys` in `section` impossible to type, in the words
    /// of `binding_problems`: the problems it brings to a map that had none (so a file
    /// is checked entry by entry in a time that grows with its length, not its cube).
    fn entry_problems(&self, section: Section, keys: &[Key]) -> Vec<String> {
        let mut out = Vec::new();
        let name = section.name();
        let seq = seq_to_string(keys);
        let bound = self.bindings(section).iter().any(|b| b.keys == keys);
        if bound {
            if let Some(twin) = keys.iter().find_map(|k| k.terminal_twin()) {
                out.push(format!(
                    "[{name}] \"{seq}\": terminals send this key as {twin}, so they cannot be told apart"
                ));
            }
            if section.is_text_entry() && keys[0].printable().is_some() {
                out.push(format!(
                    "[{name}] \"{seq}\": a printable key is typed into the field here and cannot be a command"
                ));
            }
        }
        let clash = |sec: Section, short: &[Key], long: &[Key]| {
            format!(
                "[{}] \"{}\" is the start of \"{}\", which could never be typed",
                sec.name(),
                seq_to_string(short),
                seq_to_string(long)
            )
        };
        // the sections that see this binding: its own, and those falling back to global
        let seen_by: Vec<Section> = if section == Section::Global {
            Section::ALL
                .into_iter()
                .filter(|s| *s == Section::Global || s.falls_back_to_global())
                .collect()
        } else {
            vec![section]
        };
        for s in seen_by {
            let own = self.bindings(s);
            if bound && s == section {
                // the new keys begin a longer binding the section sees
                let mut pool: Vec<&Binding> = own.iter().collect();
                if s.falls_back_to_global() && s != Section::Global {
                    pool.extend(self.bindings(Section::Global));
                }
                for b in pool {
                    if b.keys.len() > keys.len() && b.keys.starts_with(keys) {
                        out.push(clash(s, keys, &b.keys));
                    }
                }
            }
            if bound {
                // a binding of the section begins the new keys
                for a in own {
                    if keys.len() > a.keys.len() && keys.starts_with(&a.keys) {
                        out.push(clash(s, &a.keys, keys));
                    }
                }
            }
        }
        out
    }

    /// The bindings of `sections` that could never be typed as written.
    fn binding_problems(&self, sections: &[Section]) -> Vec<KeymapError> {
        let mut errors = Vec::new();
        let at = |b: &Binding| b.origin.unwrap_or((0, 0));
        for (section, bindings) in self.sections.iter().filter(|(s, _)| sections.contains(s)) {
            for b in bindings {
                let (line, column) = at(b);
                let keys = seq_to_string(&b.keys);
                if let Some(twin) = b.keys.iter().find_map(|k| k.terminal_twin()) {
                    errors.push(KeymapError {
                        line,
                        column,
                        message: format!(
                            "[{}] \"{keys}\": terminals send this key as {twin}, so they cannot be told apart",
                            section.name()
                        ),
                    });
                }
                if section.is_text_entry() && b.keys[0].printable().is_some() {
                    errors.push(KeymapError {
                        line,
                        column,
                        message: format!(
                            "[{}] \"{keys}\": a printable key is typed into the field here and cannot be a command",
                            section.name()
                        ),
                    });
                }
            }
            // prefix clashes within the section and against global
            let mut pool: Vec<&Binding> = bindings.iter().collect();
            if section.falls_back_to_global() && *section != Section::Global {
                pool.extend(self.bindings(Section::Global));
            }
            for a in bindings {
                for b in &pool {
                    if b.keys.len() > a.keys.len() && b.keys.starts_with(&a.keys) {
                        let (line, column) = at(a);
                        errors.push(KeymapError {
                            line,
                            column,
                            message: format!(
                                "[{}] \"{}\" is the start of \"{}\", which could never be typed",
                                section.name(),
                                seq_to_string(&a.keys),
                                seq_to_string(&b.keys)
                            ),
                        });
                    }
                }
            }
        }
        errors
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

/// The keys of a map as Markdown tables, one per section (the README's key list).
pub fn markdown(map: &Keymap, lang: crate::i18n::Lang) -> String {
    let mut out = String::new();
    for section in Section::ALL {
        let bindings = map.bindings(section);
        if bindings.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "**[{}]**\n\n| key | action | |\n|---|---|---|\n",
            section.name()
        ));
        for b in bindings {
            let keys = seq_to_string(&b.keys).replace('|', "\\|");
            out.push_str(&format!(
                "| `{keys}` | `{}` | {} |\n",
                action_name(b.action),
                b.action.describe().get(lang)
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
    fn shipped_map_is_valid() {
        if let Err(e) = Keymap::from_file(DEFAULT_KEYMAP) {
            panic!("{e:?}");
        }
        assert!(Keymap::defaults().validate().is_empty());
        assert!(!Keymap::defaults().bindings(Section::Roster).is_empty());
    }

    /// The shipped map gives keys to the commands of each section's table, and to
    /// nothing else; whatever must keep a key has one.
    #[test]
    fn shipped_map_and_commands_tables_agree() {
        let map = Keymap::defaults();
        for section in Section::ALL {
            let commands = commands(section);
            for b in map.bindings(section) {
                assert!(
                    commands.offers(b.action),
                    "[{}] \"{}\" = \"{}\" is not in the section's commands",
                    section.name(),
                    seq_to_string(&b.keys),
                    action_name(b.action)
                );
            }
            for action in commands.needing_a_key() {
                assert!(
                    !map.keys_for(section, action).is_empty(),
                    "[{}] \"{}\" needs a key and has none",
                    section.name(),
                    action_name(action)
                );
            }
        }
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

    #[test]
    fn user_file_overrides_key_by_key_and_unbinds() {
        let (map, errors) =
            Keymap::with_user("[roster]\nn = \"none\"\ninsert = \"new\"\n[global]\nx = \"quit\"\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(map.resolve(Section::Roster, &[], key("n")), Lookup::Unbound);
        assert_eq!(
            map.resolve(Section::Roster, &[], key("insert")),
            Lookup::Action(Action::New)
        );
        assert_eq!(
            map.resolve(Section::Roster, &[], key("x")),
            Lookup::Action(Action::Quit)
        );
        // the rest of the defaults stays
        assert_eq!(
            map.resolve(Section::Roster, &[], key("q")),
            Lookup::Action(Action::Quit)
        );
        assert_eq!(map.keys_for(Section::Roster, Action::New), vec!["insert"]);
    }

    /// The check of one entry finds a problem exactly when the check of the whole map
    /// does, for keys of every kind in every section.
    #[test]
    fn one_entry_is_checked_as_the_whole_map_would_be() {
        let defaults = Keymap::defaults();
        for section in Section::ALL {
            for keys in [
                "g", "g x", "x", "ctrl-i", "q", "j j", "k", "f1", "ctrl-y", "esc",
            ] {
                let keys = Key::parse_seq(keys).unwrap();
                let mut map = defaults.clone();
                map.apply(section, (keys.clone(), Some(Action::New), (1, 1)), true);
                let one = map.entry_problems(section, &keys);
                let whole: Vec<String> = map
                    .binding_problems(&Section::ALL)
                    .into_iter()
                    .map(|e| e.message)
                    .collect();
                let (mut one_sorted, mut whole_sorted) = (one.clone(), whole.clone());
                one_sorted.sort();
                whole_sorted.sort();
                assert_eq!(one_sorted, whole_sorted, "[{}] {keys:?}", section.name());
            }
        }
    }

    #[test]
    fn a_wrong_entry_is_skipped_with_line_and_column_and_the_rest_applies() {
        let (map, errors) = Keymap::with_user("[roster]\nz = \"fly\"\ninsert = \"new\"\n");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].to_string(), "2:5: unknown action \"fly\"");
        assert_eq!(map.resolve(Section::Roster, &[], key("z")), Lookup::Unbound);
        assert_eq!(
            map.resolve(Section::Roster, &[], key("insert")),
            Lookup::Action(Action::New)
        );
    }
}
