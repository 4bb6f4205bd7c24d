//! Every shipped keymap is valid; broken user files give exact errors; the README's
//! key list is the shipped map.

use chibo::i18n::Lang;
use chibo::keymap::{Keymap, markdown};

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

#[test]
fn broken_user_files_report_line_column_and_reason() {
    let cases: &[(&str, &[&str])] = &[
        ("[roster]\nz = \"fly\"\n", &["2:5: unknown action \"fly\""]),
        (
            "[rooster]\nz = \"new\"\n",
            &["1:1: unknown section [rooster]"],
        ),
        (
            "[roster]\n\"hyper-z\" = \"new\"\n",
            &["2:1: \"hyper-z\": unknown key name: hyper-z"],
        ),
        (
            "[roster]\nz = 3\n",
            &["2:5: invalid type: integer `3`, expected a string"],
        ),
        ("[roster\n", &["1:8: unclosed table, expected `]`"]),
        (
            "[form]\nx = \"save\"\n",
            &[
                "2:5: [form] \"x\": a printable key is typed into the field here and cannot be a command",
            ],
        ),
        (
            "[roster]\nctrl-i = \"new\"\n",
            &[
                "2:10: [roster] \"ctrl-i\": terminals send this key as tab, so they cannot be told apart",
            ],
        ),
        (
            "[roster]\ng = \"new\"\n",
            &["2:5: [roster] \"g\" is the start of \"g g\", which could never be typed"],
        ),
        (
            "[global]\nq = \"none\"\nctrl-c = \"none\"\n",
            &["[global] the action \"quit\" has no key left"],
        ),
        (
            "[roster]\nz = \"new\"\nZ = \"edit\"\nz = \"open\"\n",
            &["4:1: duplicate key"],
        ),
    ];
    for (text, expected) in cases {
        let (map, errors) = Keymap::with_user(text);
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(&shown, expected, "for {text:?}");
        assert_eq!(
            map,
            Keymap::defaults(),
            "falls back to the defaults for {text:?}"
        );
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
