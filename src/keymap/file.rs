//! Reading keymap files: the shipped map, and a user's file merged over it key by key,
//! each entry that cannot be read or would make the map wrong refused with its line and
//! column while the rest applies.

use std::collections::BTreeMap;

use indexmap::IndexMap;

use super::{
    Binding, DEFAULT_KEYMAP, Key, Keymap, KeymapError, action_name, line_col, seq_to_string,
};
use crate::command::{Action, Section};

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
    // the line and column of every entry, from where each line starts: counting the
    // lines before each entry again made the shipped map's parse a fifth of start-up
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let position = |offset: usize| {
        let offset = offset.min(text.len());
        let line = starts.partition_point(|&s| s <= offset);
        let start = starts[line - 1];
        let column = text.get(start..offset).map_or(0, |t| t.chars().count());
        (line, column + 1)
    };
    for (name, entries) in raw {
        let Some(section) = Section::from_name(&name) else {
            let offset = text.find(&format!("[{name}]")).unwrap_or(0);
            let (line, column) = position(offset);
            errors.push(KeymapError {
                line,
                column,
                message: format!("unknown section [{name}]"),
            });
            continue;
        };
        let mut list: Vec<Entry> = Vec::new();
        for (keyname, value) in entries {
            let at = position(value.span().start);
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
            if let Some(a) = action.filter(|a| !section.answers(*a)) {
                errors.push(KeymapError {
                    line: at.0,
                    column: at.1,
                    message: format!(
                        "[{name}] \"{}\" does nothing here: the section has no command \"{}\"",
                        seq_to_string(&keys),
                        super::action_name(a)
                    ),
                });
                continue;
            }
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
    pub(super) fn apply(
        &mut self,
        section: Section,
        (keys, action, origin): Entry,
        keep_origin: bool,
    ) {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keymap::Lookup;

    fn key(s: &str) -> Key {
        Key::parse(s).unwrap()
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

    /// A key bound to a command its section does not have would do nothing when
    /// pressed: the entry is refused, saying so, and the rest applies.
    #[test]
    fn a_command_the_section_does_not_have_is_refused() {
        let (map, errors) = Keymap::with_user("[roster]\nz = \"approve\"\ninsert = \"new\"\n");
        assert_eq!(
            map.resolve(Section::Roster, &[], key("insert")),
            Lookup::Action(Action::New)
        );
        assert_eq!(map.resolve(Section::Roster, &[], key("z")), Lookup::Unbound);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(
            errors[0].to_string(),
            "2:5: [roster] \"z\" does nothing here: the section has no command \"approve\""
        );
        // a global command in a section that falls back to the global keys is fine
        let (map, errors) = Keymap::with_user("[roster]\nx = \"quit\"\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            map.resolve(Section::Roster, &[], key("x")),
            Lookup::Action(Action::Quit)
        );
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
