//! The kinds of meeting (thường kỳ, chuyên đề, chi ủy, bất thường, kiểm điểm cuối năm)
//! and the least each should last.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// Thường kỳ (monthly).
    #[default]
    Regular,
    /// Chuyên đề.
    Thematic,
    /// Họp chi ủy.
    Committee,
    /// Bất thường.
    Extraordinary,
    /// Kiểm điểm cuối năm.
    YearEnd,
}

impl MeetingKind {
    pub const ALL: [MeetingKind; 5] = [
        MeetingKind::Regular,
        MeetingKind::Thematic,
        MeetingKind::Committee,
        MeetingKind::Extraordinary,
        MeetingKind::YearEnd,
    ];

    pub fn key(self) -> &'static str {
        match self {
            MeetingKind::Regular => "regular",
            MeetingKind::Thematic => "thematic",
            MeetingKind::Committee => "committee",
            MeetingKind::Extraordinary => "extraordinary",
            MeetingKind::YearEnd => "year_end",
        }
    }

    /// The kind in the title of the minutes: "THƯỜNG KỲ".
    pub fn title_word(self) -> &'static str {
        match self {
            MeetingKind::Regular => "THƯỜNG KỲ",
            MeetingKind::Thematic => "CHUYÊN ĐỀ",
            MeetingKind::Committee => "CHI ỦY",
            MeetingKind::Extraordinary => "BẤT THƯỜNG",
            MeetingKind::YearEnd => "KIỂM ĐIỂM CUỐI NĂM",
        }
    }
}

/// The least a meeting should last, in minutes.
pub fn minimum_minutes(kind: MeetingKind, with_thematic: bool) -> u32 {
    match (kind, with_thematic) {
        (MeetingKind::Regular, true) => 120,
        (MeetingKind::Regular, false) => 90,
        _ => 0,
    }
}
