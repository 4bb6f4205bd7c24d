//! A realistic demo branch: believable Vietnamese names, dates, standings, committee and
//! status changes, the same for the same seed and day.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

use crate::domain::branch::Branch;
use crate::domain::calendar::add_months;
use crate::domain::member::{Activity, CommitteeRole, Gender, Member, Standing};
use crate::store::{Records, Store, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoOptions {
    pub members: usize,
    /// Years of branch history: how far back members left or changed status.
    pub years: u32,
    pub seed: u64,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions {
            members: 40,
            years: 5,
            seed: 1,
        }
    }
}

/// SplitMix64: small, and stable across crate versions, so a seed means the same
/// branch forever.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }

    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1).max(1) as u64) as i64
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

// Family names with rough real frequencies: Nguyễn is listed often on purpose.
const FAMILY: &[&str] = &[
    "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Phạm", "Hoàng",
    "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đoàn", "Doãn", "Trịnh", "Mai",
    "Cao", "Tạ", "Lương", "Châu", "Đinh", "Lâm", "Tô", "Ông",
];
const MIDDLE_MALE: &[&str] = &[
    "Văn", "Văn", "Đức", "Minh", "Quốc", "Hữu", "Công", "Thanh", "Đình", "Xuân", "Ngọc", "",
];
const MIDDLE_FEMALE: &[&str] = &[
    "Thị",
    "Thị",
    "Thị Thu",
    "Ngọc",
    "Thị Kim",
    "Thu",
    "Thị Ngọc",
    "Minh",
    "Thị Thanh",
];
const GIVEN_MALE: &[&str] = &[
    "Hùng", "Tuấn", "Dũng", "Nam", "Bảo", "Đức", "Khoa", "Phúc", "Long", "Anh", "Tâm", "Sơn", "Thành", "Vinh", "Lộc",
    "Tùng", "Hải", "Quang", "Trung", "Thắng", "Cường", "Hiếu", "Minh", "Việt", "Huy", "Đạt", "Ân",
];
const GIVEN_FEMALE: &[&str] = &[
    "Mai", "Hà", "Ánh", "Lan", "Bích", "Hạnh", "Thủy", "Thuỷ", "Xuân", "Yến", "Hoa", "Oanh", "Châu", "Hằng", "Hương",
    "Linh", "Trang", "Ngọc", "Thảo", "Nhung", "Loan", "Phương", "Dung", "Ơn", "Uyên",
];
const STREETS: &[&str] = &[
    "Lê Lợi",
    "Nguyễn Trãi",
    "Trần Phú",
    "Bạch Đằng",
    "Hai Bà Trưng",
    "Pasteur",
    "Lý Thường Kiệt",
    "Điện Biên Phủ",
    "Nguyễn Du",
    "Hàm Nghi",
    "Võ Thị Sáu",
    "Nguyễn Huệ",
    "Lê Duẩn",
    "Phan Đình Phùng",
    "Trương Định",
    "Đồng Khởi",
];
const WORKPLACES: &[&str] = &[
    "hưu trí",
    "hưu trí",
    "UBND phường",
    "Trường THCS An Phú",
    "Trạm y tế phường",
    "kinh doanh",
    "Công an phường",
    "Hội Cựu chiến binh",
    "Hội Phụ nữ phường",
    "Đoàn Thanh niên",
    "",
];

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d.min(28)).unwrap_or_default()
}

fn random_date(rng: &mut Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let days = (to - from).num_days().max(0);
    from + Duration::days(rng.range(0, days))
}

/// The demo members, relative to `today`.
pub fn members(opts: &DemoOptions, today: NaiveDate) -> Vec<Member> {
    let mut rng = Rng(opts.seed ^ 0xC41B_0000);
    let n = opts.members;
    let history_start = date(today.year() - opts.years.max(1) as i32, today.month(), 1);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let female = rng.chance(45);
        let (middle, given) = if female {
            (rng.pick(MIDDLE_FEMALE), rng.pick(GIVEN_FEMALE))
        } else {
            (rng.pick(MIDDLE_MALE), rng.pick(GIVEN_MALE))
        };
        let mut m = Member::new(rng.pick(FAMILY), middle, given);
        m.gender = Some(if female { Gender::Female } else { Gender::Male });
        let probationary = i >= 3 && rng.chance(8);
        let age = if probationary {
            rng.range(22, 40)
        } else {
            rng.range(28, 82)
        };
        let born = random_date(
            &mut rng,
            date(today.year() - age as i32, 1, 1),
            date(today.year() - age as i32, 12, 28),
        );
        m.birth_date = Some(born);
        if probationary {
            m.standing = Standing::Probationary;
            m.admission_date = Some(today - Duration::days(rng.range(60, 400)));
        } else {
            let earliest = add_months(born, 12 * 18);
            let latest = today - Duration::days(400);
            let admitted = random_date(&mut rng, earliest, latest.max(earliest));
            m.admission_date = Some(admitted);
            m.official_date = Some(add_months(admitted, 12));
            // unique: each member has its own block of numbers
            m.card_number = format!("{:08}", 1_000_000 + i as u64 * 37_111 + rng.below(30_000));
        }
        m.phone = format!("09{:08}", rng.below(100_000_000));
        m.residence = format!("{} {}, tổ {}", rng.range(1, 120), rng.pick(STREETS), rng.range(1, 8));
        m.workplace = rng.pick(WORKPLACES).to_string();
        if age >= 75 && rng.chance(50) {
            let when = random_date(&mut rng, history_start, today);
            m.change_activity(Activity::Exempt, when, "tuổi cao, sức yếu");
        }
        out.push(m);
    }
    // The committee: a secretary and a deputy among the official members, and with
    // nine or more official members, a third committee member.
    let officials: Vec<usize> = (0..n)
        .filter(|&i| out[i].standing == Standing::Official && out[i].activity == Activity::Active)
        .collect();
    for (k, &i) in officials
        .iter()
        .take(if officials.len() >= 9 { 3 } else { 2 })
        .enumerate()
    {
        out[i].committee_role = [CommitteeRole::Secretary, CommitteeRole::Deputy, CommitteeRole::Member][k];
    }
    // Members who left or came: each shows a dated change in the history.
    let mut movers = officials.iter().rev().copied();
    if n >= 12 {
        if let Some(i) = movers.next() {
            let when = random_date(&mut rng, history_start, today);
            out[i].change_activity(Activity::Transferred, when, "chuyển sinh hoạt về Đảng bộ xã Tân Hòa");
        }
        if let Some(i) = movers.next() {
            out[i].change_activity(
                Activity::TemporaryIn,
                random_date(&mut rng, history_start, today),
                "sinh hoạt tạm thời, đi làm việc tại địa phương",
            );
        }
    }
    if n >= 25
        && let Some(i) = movers.next()
    {
        out[i].change_activity(Activity::Deceased, random_date(&mut rng, history_start, today), "");
    }
    out
}

/// The demo branch.
pub fn branch() -> Branch {
    Branch::new(
        "Chi bộ Khu phố 3",
        "Đảng bộ phường An Phú",
        "An Phú",
        "2025–2030",
        "NQ/CB",
    )
}

/// Writes the demo branch into `store` (which the caller has checked is empty or
/// cleared).
pub fn generate(
    store: &dyn Store,
    opts: &DemoOptions,
    today: NaiveDate,
    now: NaiveDateTime,
) -> Result<usize, StoreError> {
    let mut ms = members(opts, today);
    store.save_branch(&branch())?;
    store.import_members(&mut ms, now)?;
    Ok(ms.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_branch_and_valid_records() {
        let today = date(2026, 11, 22);
        let opts = DemoOptions {
            members: 40,
            years: 5,
            seed: 7,
        };
        let a = members(&opts, today);
        assert_eq!(a, members(&opts, today));
        assert_ne!(a, members(&DemoOptions { seed: 8, ..opts }, today));
        for m in &a {
            assert_eq!(m.validate(), Ok(()), "{}", m.full_name());
        }
        assert_eq!(
            a.iter()
                .filter(|m| m.committee_role == CommitteeRole::Secretary)
                .count(),
            1
        );
        assert!(a.iter().any(|m| m.standing == Standing::Probationary));
        assert!(
            a.iter()
                .any(|m| m.activity == Activity::Transferred && !m.history.is_empty())
        );
    }
}
