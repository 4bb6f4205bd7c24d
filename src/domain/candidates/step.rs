//! The steps on the way to membership, each with its name in `candidates.toml`.

use serde::{Deserialize, Serialize};

/// A step on the way to membership.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Học lớp bồi dưỡng nhận thức về Đảng (its certificate).
    Class,
    /// Đơn xin vào Đảng.
    Application,
    /// Lý lịch của người xin vào Đảng.
    Background,
    /// Thẩm tra lý lịch.
    Verification,
    /// Giới thiệu: two official members, or the youth union / trade union.
    Introduction,
    /// Nhận xét của đoàn thể và của chi ủy nơi cư trú.
    Comments,
    /// The branch's vote (2/3 of the official members), taken in a meeting.
    Vote,
    /// The upper level's decision (number, date).
    Decision,
    /// Lễ kết nạp: the candidate becomes a probationary member.
    Ceremony,
}

impl Step {
    pub const ALL: [Step; 9] = [
        Step::Class,
        Step::Application,
        Step::Background,
        Step::Verification,
        Step::Introduction,
        Step::Comments,
        Step::Vote,
        Step::Decision,
        Step::Ceremony,
    ];

    /// Its name in `candidates.toml`.
    pub fn key(self) -> &'static str {
        match self {
            Step::Class => "class",
            Step::Application => "application",
            Step::Background => "background",
            Step::Verification => "verification",
            Step::Introduction => "introduction",
            Step::Comments => "comments",
            Step::Vote => "vote",
            Step::Decision => "decision",
            Step::Ceremony => "ceremony",
        }
    }

    pub fn from_key(key: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.key() == key)
    }
}
