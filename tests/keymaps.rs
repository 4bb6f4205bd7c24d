//! Every shipped keymap is valid; a broken entry of a user's file gives an exact error
//! and is skipped while the rest applies; the README's key list is the shipped map.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

use chibo::command::{Action, Section};
use chibo::i18n::Lang;
use chibo::keymap::{Key, Keymap, Lookup, markdown};

#[test]
fn every_file_in_keymaps_loads_and_validates() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/keymaps");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).unwrap();
            if let Err(errors) = Keymap::from_file(&text) {
                panic!("{}: {errors:?}", path.display());
            }
            n += 1;
        }
    }
    assert!(n >= 1);
}

/// Each broken entry is reported with its line and column and skipped; the rest of the
/// user's file applies (`x` opens the new-member form on the roster in every case).
#[test]
fn a_broken_entry_is_skipped_with_its_place_and_the_rest_of_the_file_applies() {
    let cases: &[(&str, &[&str])] = &[
        (
            "[roster]\nz = \"fly\"\nx = \"new\"\n",
            &["2:5: unknown action \"fly\""],
        ),
        (
            "[rooster]\nz = \"new\"\n[roster]\nx = \"new\"\n",
            &["1:1: unknown section [rooster]"],
        ),
        (
            "[roster]\n\"hyper-z\" = \"new\"\nx = \"new\"\n",
            &["2:1: \"hyper-z\": unknown key name: hyper-z"],
        ),
        (
            "[roster]\nz = 3\nx = \"new\"\n",
            &["2:5: invalid type: integer `3`, expected a string"],
        ),
        (
            "[form]\nx = \"save\"\n[roster]\nx = \"new\"\n",
            &[
                "2:5: [form] \"x\": a printable key is typed into the field here and cannot be a command",
            ],
        ),
        (
            "[roster]\nctrl-i = \"new\"\nx = \"new\"\n",
            &[
                "2:10: [roster] \"ctrl-i\": terminals send this key as tab, so they cannot be told apart",
            ],
        ),
        (
            "[roster]\ng = \"new\"\nx = \"new\"\n",
            &["2:5: [roster] \"g\" is the start of \"g g\", which could never be typed"],
        ),
        (
            "[global]\nq = \"none\"\nctrl-c = \"none\"\n[roster]\nx = \"new\"\n",
            &[
                "2:5: [global] the action \"quit\" would have no key left",
                "3:10: [global] the action \"quit\" would have no key left",
            ],
        ),
        (
            // unbinding `n` is fine while `insert` takes its place
            "[roster]\nn = \"none\"\ng = \"open\"\ninsert = \"new\"\nx = \"new\"\n",
            &["3:5: [roster] \"g\" is the start of \"g g\", which could never be typed"],
        ),
    ];
    let key = |k: &str| Key::parse(k).unwrap();
    for (text, expected) in cases {
        let (map, errors) = Keymap::with_user(text);
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(&shown, expected, "for {text:?}");
        assert_eq!(
            map.resolve(Section::Roster, &[], key("x")),
            Lookup::Action(Action::New),
            "the rest applies for {text:?}"
        );
        assert!(map.validate().is_empty(), "for {text:?}");
        // the defaults stand where the skipped entry would have changed them
        assert_eq!(
            map.resolve(Section::Roster, &[], key("g")),
            Lookup::Pending,
            "for {text:?}"
        );
        assert_eq!(
            map.resolve(Section::Global, &[], key("q")),
            Lookup::Action(Action::Quit),
            "for {text:?}"
        );
    }
    let (map, _) = Keymap::with_user(cases[8].0);
    assert_eq!(map.resolve(Section::Roster, &[], key("n")), Lookup::Unbound);
    assert_eq!(
        map.resolve(Section::Roster, &[], key("insert")),
        Lookup::Action(Action::New)
    );
}

/// A file that is not TOML at all cannot be read entry by entry: the defaults stand.
#[test]
fn a_file_that_is_not_toml_leaves_the_defaults() {
    for (text, expected) in [
        (
            "[roster\nx = \"new\"\n",
            "1:8: unclosed table, expected `]`",
        ),
        (
            "[roster]\nz = \"new\"\nZ = \"edit\"\nz = \"open\"\n",
            "4:1: duplicate key",
        ),
    ] {
        let (map, errors) = Keymap::with_user(text);
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(shown, [expected], "for {text:?}");
        assert_eq!(map, Keymap::defaults(), "for {text:?}");
    }
}

#[test]
fn readme_lists_the_default_keys() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let start = readme
        .find("<!-- keys:start -->\n")
        .expect("README has the keys block")
        + "<!-- keys:start -->\n".len();
    let end = readme
        .find("<!-- keys:end -->")
        .expect("README closes the keys block");
    let expected = markdown(&Keymap::defaults(), Lang::Vi);
    // After changing keymaps/default.toml: CHIBO_UPDATE_README=1 cargo test --test keymaps
    if std::env::var_os("CHIBO_UPDATE_README").is_some() {
        std::fs::write(
            path,
            format!("{}{expected}{}", &readme[..start], &readme[end..]),
        )
        .unwrap();
        return;
    }
    assert!(
        readme[start..end] == expected,
        "README.md's key list differs from keymaps/default.toml: run CHIBO_UPDATE_README=1 cargo test --test keymaps"
    );
}
