//! The branch (chi bộ) itself: its name, parent body, place name and numbering suffix.

use serde::{Deserialize, Serialize};

use super::text;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Branch {
    /// "Chi bộ Khu phố 3".
    pub name: String,
    /// The parent body in document headers: "Đảng bộ phường An Phú".
    #[serde(default)]
    pub parent: String,
    /// The place name of the date line: "An Phú".
    #[serde(default)]
    pub place: String,
    /// "2025–2030".
    #[serde(default)]
    pub term: String,
    /// The suffix of resolution numbers: "NQ/CB".
    #[serde(default = "default_suffix")]
    pub resolution_suffix: String,
    /// The demo branch (`chibo demo`): sample data, said so on every screen until
    /// `chibo demo --clear` starts the real branch. Not written when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub demo: bool,
}

fn default_suffix() -> String {
    DEFAULT_SUFFIX.to_string()
}

pub const DEFAULT_SUFFIX: &str = "NQ/CB";

impl Branch {
    pub fn new(name: &str, parent: &str, place: &str, term: &str, suffix: &str) -> Self {
        let suffix = text::clean(suffix);
        Branch {
            name: text::clean(name),
            parent: text::clean(parent),
            place: text::clean(place),
            term: text::clean(term),
            resolution_suffix: if suffix.is_empty() {
                default_suffix()
            } else {
                suffix
            },
            demo: false,
        }
    }
}
