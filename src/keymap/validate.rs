//! Validation of a whole map: keys terminals cannot tell apart, printable keys where
//! letters type, prefixes that hide a longer sequence, and commands left without a key.

use super::{Binding, Key, Keymap, KeymapError, action_name, seq_to_string};
use crate::command::{Action, Section, commands};

impl Keymap {
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
    pub(super) fn missing_required(&self) -> Vec<(Section, Action)> {
        Section::ALL
            .into_iter()
            .flat_map(|s| commands(s).needing_a_key().map(move |a| (s, a)))
            .filter(|(s, a)| self.keys_for(*s, *a).is_empty())
            .collect()
    }

    /// What makes the binding of `keys` in `section` impossible to type, in the words
    /// of `binding_problems`: the problems it brings to a map that had none (so a file
    /// is checked entry by entry in a time that grows with its length, not its cube).
    pub(super) fn entry_problems(&self, section: Section, keys: &[Key]) -> Vec<String> {
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
    pub(super) fn binding_problems(&self, sections: &[Section]) -> Vec<KeymapError> {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keymap::DEFAULT_KEYMAP;

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

    /// The check of one entry finds a problem exactly when the check of the whole map
    /// does, for keys of every kind in every section.
    /// A footer shows only what the section answers, each with a key of the shipped map.
    #[test]
    fn every_footer_action_is_offered_and_has_a_key() {
        let map = Keymap::defaults();
        for section in Section::ALL {
            let table = commands(section);
            let footers = [Some(table.footer), table.other_view];
            for action in footers.iter().flatten().flat_map(|f| f.first) {
                assert!(
                    section.answers(*action),
                    "[{}] the footer shows \"{}\", which the section does not answer",
                    section.name(),
                    action_name(*action)
                );
                assert!(
                    !map.keys_for(section, *action).is_empty(),
                    "[{}] the footer shows \"{}\", which has no key",
                    section.name(),
                    action_name(*action)
                );
            }
        }
    }

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
}
