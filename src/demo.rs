//! A realistic demo branch: believable Vietnamese names, dates, standings, committee and
//! status changes, the same for the same seed and day.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};

use crate::domain::branch::Branch;
use crate::domain::calendar::add_months;
use crate::domain::meeting::{Entry, EntryKind, Meeting, MeetingKind, Presence, Templates};
use crate::domain::member::{Activity, CommitteeRole, Gender, Member, MemberId, Standing};
use crate::domain::vote::{Vote, VoteMethod, VoteRule, electorate};
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
    "Cao", "Tạ", "Lương", "Châu", "Đinh", "Lâm", "Tô", "Hà",
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
        let (middles, givens) = if female {
            (MIDDLE_FEMALE, GIVEN_FEMALE)
        } else {
            (MIDDLE_MALE, GIVEN_MALE)
        };
        let middle = rng.pick(middles);
        let mut given = rng.pick(givens);
        // no "Thị Ngọc Ngọc"
        while middle.split(' ').any(|w| w == given) {
            given = rng.pick(givens);
        }
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

const EXCUSES: &[&str] = &["ốm", "đi công tác", "việc gia đình", "đi khám bệnh", "trực cơ quan"];
const NOTES: &[&str] = &[
    "Đồng chí chủ trì tuyên bố lý do, giới thiệu khách mời; chi bộ thống nhất cử thư ký và thông qua chương trình.",
    "Truyền đạt văn bản của Đảng ủy phường về công tác tháng; tình hình an ninh trật tự trên địa bàn ổn định.",
    "Các đồng chí phụ trách tổ dân phố báo cáo kết quả thực hiện nhiệm vụ được phân công trong tháng.",
    "Học tập chuyên đề về phong cách quần chúng, dân chủ, nêu gương của Chủ tịch Hồ Chí Minh.",
    "Triển khai nhiệm vụ tháng tới: vận động nhân dân giữ gìn vệ sinh môi trường, chăm lo gia đình chính sách.",
    "Các đồng chí thảo luận sôi nổi, thống nhất với dự thảo nghị quyết.",
    "Chi bộ rà soát quần chúng ưu tú, phân công đảng viên giúp đỡ.",
    "Đồng chí chủ trì tổng hợp ý kiến, kết luận các nội dung chính.",
];
const SPEECHES: &[&str] = &[
    "Đề nghị chi bộ quan tâm hơn đến việc thu gom rác thải ở hẻm 12.",
    "Tổ 3 đã hoàn thành việc vận động đóng góp quỹ vì người nghèo.",
    "Đề nghị bổ sung nội dung kiểm tra hộ kinh doanh về phòng cháy chữa cháy.",
    "Thống nhất với báo cáo; cần đôn đốc đảng viên đóng đảng phí đúng hạn.",
    "Đề nghị phân công thêm đảng viên trẻ tham gia sinh hoạt tổ dân phố.",
];

/// Regular meetings, one a month for `years` up to this month, with roll call,
/// minutes, a vote and the chair's conclusion; quarterly ones also hold the thematic
/// session. A meeting still ahead this month is only planned.
pub fn meetings(opts: &DemoOptions, members: &[Member], today: NaiveDate, templates: &Templates) -> Vec<Meeting> {
    let mut rng = Rng(opts.seed ^ 0x4D45_4554);
    let chair = members
        .iter()
        .find(|m| m.committee_role == CommitteeRole::Secretary)
        .map(|m| m.id);
    let secretary = members
        .iter()
        .find(|m| m.committee_role == CommitteeRole::Deputy)
        .map(|m| m.id)
        .or(chair);
    let mut out = Vec::new();
    let months = opts.years.max(1) * 12;
    for back in (0..months).rev() {
        let first = date(today.year(), today.month(), 1);
        let month = first.checked_sub_months(chrono::Months::new(back)).unwrap_or(first);
        let day = date(month.year(), month.month(), 5);
        let start = NaiveTime::from_hms_opt(19, 30, 0).unwrap_or_default();
        let mut m = Meeting::new(MeetingKind::Regular, day, start);
        m.with_thematic = month.month().is_multiple_of(3);
        m.place = "Nhà văn hóa Khu phố 3".into();
        m.chair = chair;
        m.secretary = secretary;
        m.agenda = templates.agenda(MeetingKind::Regular);
        if day >= today {
            out.push(m);
            continue;
        }
        let started = day.and_time(start) + Duration::minutes(rng.range(0, 5));
        m.started_at = Some(started);
        let present: Vec<&Member> = members
            .iter()
            .filter(|x| crate::domain::meeting::expected(x) && x.history.iter().all(|h| h.date <= day))
            .collect();
        for x in &present {
            let roll = rng.below(100);
            let presence = match roll {
                0..=84 => Presence::Present,
                85..=87 => Presence::Late((started + Duration::minutes(rng.range(5, 25))).time()),
                88..=95 => Presence::Excused(rng.pick(EXCUSES).to_string()),
                _ => Presence::Absent,
            };
            m.attendance.insert(x.id, presence);
        }
        let here: Vec<MemberId> = m
            .attendance
            .iter()
            .filter(|(_, p)| p.is_present())
            .map(|(id, _)| *id)
            .collect();
        let mut clock = started;
        let n_items = m.agenda.len();
        for (i, item) in m.agenda.iter_mut().enumerate() {
            let at = clock.time();
            item.entries.push(Entry {
                at,
                kind: EntryKind::Note,
                text: NOTES[i % NOTES.len()].to_string(),
            });
            if i == 5 {
                for _ in 0..rng.range(1, 3) {
                    let speaker = here[rng.below(here.len().max(1) as u64) as usize % here.len().max(1)];
                    item.entries.push(Entry {
                        at,
                        kind: EntryKind::Speech(speaker),
                        text: rng.pick(SPEECHES).to_string(),
                    });
                }
            }
            if i + 1 == n_items {
                let e = electorate(members, |id| here.contains(&id));
                let mut v = Vote::new(
                    &format!("Thông qua nghị quyết tháng {}", month.format("%m/%Y")),
                    VoteMethod::ShowOfHands,
                    VoteRule::SimpleMajority,
                    &e,
                    0,
                );
                if rng.chance(20) && v.in_favour > 1 {
                    v.in_favour -= 1;
                    v.other = 1;
                }
                item.entries.push(Entry {
                    at,
                    kind: EntryKind::Vote(v),
                    text: String::new(),
                });
                item.entries.push(Entry {
                    at,
                    kind: EntryKind::Conclusion,
                    text: "Chi bộ thống nhất thông qua nghị quyết; giao chi ủy tổ chức thực hiện.".into(),
                });
            }
            let spent = item.planned_minutes as i64 + rng.range(-2, 3);
            item.spent_secs = (spent.max(1) * 60) as u64;
            clock += Duration::minutes(spent.max(1));
        }
        m.ended_at = Some(clock);
        m.approved_at = Some(clock);
        m.freeze_roster(members);
        out.push(m);
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
    for mut m in meetings(opts, &ms, today, &Templates::shipped()) {
        store.save_meeting(&mut m, now, None)?;
    }
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
