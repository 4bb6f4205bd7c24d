// Over 500 lines: a whole branch's believable years, every kind of record; a tenth is tests.
//! A realistic demo branch: believable Vietnamese names, dates, standings, committee and
//! status changes, the same for the same seed and day.

mod candidates;
mod meetings;

pub use meetings::{Meetings, meetings};

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

use crate::domain::branch::Branch;
use crate::domain::calendar::add_months;
use crate::domain::dues::{Basis, DatedEntry, Entry as DuesEntry, Ledger, Month, Rates, pays_here};
use crate::domain::meeting::{Meeting, MeetingId, Templates};
use crate::domain::member::{Activity, CommitteeRole, Gender, Member, MemberId, Standing};
use crate::domain::resolution::{Resolution, ResolutionId, ResolutionKind, format_number};
use crate::domain::task::{Rating, Task, TaskNote, end_of_month, end_of_next_month};
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
    "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm",
    "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
    "Đoàn", "Doãn", "Trịnh", "Mai", "Cao", "Tạ", "Lương", "Châu", "Đinh", "Lâm", "Tô", "Hà",
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
    "Hùng", "Tuấn", "Dũng", "Nam", "Bảo", "Đức", "Khoa", "Phúc", "Long", "Anh", "Tâm", "Sơn",
    "Thành", "Vinh", "Lộc", "Tùng", "Hải", "Quang", "Trung", "Thắng", "Cường", "Hiếu", "Minh",
    "Việt", "Huy", "Đạt", "Ân",
];
const GIVEN_FEMALE: &[&str] = &[
    "Mai", "Hà", "Ánh", "Lan", "Bích", "Hạnh", "Thủy", "Thuỷ", "Xuân", "Yến", "Hoa", "Oanh",
    "Châu", "Hằng", "Hương", "Linh", "Trang", "Ngọc", "Thảo", "Nhung", "Loan", "Phương", "Dung",
    "Ơn", "Uyên",
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
        m.residence = format!(
            "{} {}, tổ {}",
            rng.range(1, 120),
            rng.pick(STREETS),
            rng.range(1, 8)
        );
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
        out[i].committee_role = [
            CommitteeRole::Secretary,
            CommitteeRole::Deputy,
            CommitteeRole::Member,
        ][k];
    }
    // Members who left or came: each shows a dated change in the history.
    let mut movers = officials.iter().rev().copied();
    if n >= 12 {
        if let Some(i) = movers.next() {
            let when = random_date(&mut rng, history_start, today);
            out[i].change_activity(
                Activity::Transferred,
                when,
                "chuyển sinh hoạt về Đảng bộ xã Tân Hòa",
            );
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
        out[i].change_activity(
            Activity::Deceased,
            random_date(&mut rng, history_start, today),
            "",
        );
    }
    out
}

const RESOLUTION_ITEMS: &[&str] = &[
    "Vận động nhân dân giữ gìn vệ sinh môi trường, thu gom rác đúng giờ",
    "Thăm hỏi, tặng quà gia đình chính sách nhân dịp lễ",
    "Vận động đóng góp quỹ vì người nghèo",
    "Phối hợp tổ dân phố kiểm tra phòng cháy chữa cháy hộ kinh doanh",
    "Giúp đỡ quần chúng ưu tú hoàn thiện hồ sơ đề nghị kết nạp",
    "Sửa chữa đèn chiếu sáng hẻm 12",
    "Tổ chức sinh hoạt chuyên đề cho đảng viên trẻ",
    "Nắm tình hình tư tưởng nhân dân, báo cáo chi ủy",
    "Đôn đốc đảng viên đóng đảng phí đúng hạn",
    "Vận động thanh niên tham gia nghĩa vụ quân sự",
];

/// A meeting held (ended), as the resolution adopted at it names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Held {
    pub id: MeetingId,
    pub date: NaiveDate,
}

impl Held {
    /// `m`, if it was held.
    pub fn of(m: &Meeting) -> Option<Held> {
        m.ended_at.map(|_| Held {
            id: m.id,
            date: m.date,
        })
    }
}

/// A resolution adopted at each meeting held (`held`, in date order), with items assigned to
/// active members and a realistic follow-up: mostly done on time, some late, some
/// carried over or cancelled, the latest still being carried out.
pub fn resolutions(
    opts: &DemoOptions,
    members: &[Member],
    held: &[Held],
    today: NaiveDate,
) -> Vec<(Resolution, Vec<Task>)> {
    let mut rng = Rng(opts.seed ^ 0x4E51);
    let active: Vec<MemberId> = members
        .iter()
        .filter(|m| crate::domain::meeting::expected(m))
        .map(|m| m.id)
        .collect();
    let mut out: Vec<(Resolution, Vec<Task>)> = Vec::new();
    for (k, m) in held.iter().enumerate() {
        let year = m.date.year();
        let seq = out.iter().filter(|(r, _)| r.year == year).count() as u32 + 1;
        let res = Resolution {
            id: ResolutionId(0),
            kind: ResolutionKind::Monthly,
            year,
            seq,
            number: format_number(seq, "NQ/CB"),
            title: format!("Nghị quyết chi bộ tháng {}", m.date.format("%m/%Y")),
            adopted_on: Some(m.date),
            meeting: Some(m.id),
            adopted_by: None,
            basis: format!(
                "kết quả sinh hoạt chi bộ thường kỳ ngày {}",
                crate::domain::calendar::format_date(m.date)
            ),
            results:
                "Chi bộ hoàn thành các nhiệm vụ chính của tháng; một số việc chuyển sang tháng sau."
                    .into(),
            items: Vec::new(),
            superseded_by: None,
            supersedes: None,
            adopted: None,
        };
        let due = end_of_next_month(m.date);
        let next_meeting = held.get(k + 1);
        let mut tasks = Vec::new();
        for _ in 0..rng.range(3, 5) {
            let mut t = Task::new(rng.pick(RESOLUTION_ITEMS), due);
            t.created = Some(m.date);
            if !active.is_empty() {
                t.lead = Some(active[rng.below(active.len() as u64) as usize]);
            }
            // what happened by the next meeting (reviewed there), or by today
            let review_day = next_meeting.map(|n| n.date).unwrap_or(today);
            let mut note = TaskNote::new(review_day.min(today), "");
            note.meeting = next_meeting.map(|n| n.id);
            if next_meeting.is_some() && review_day <= today {
                match rng.below(100) {
                    0..=69 => {
                        let done = (m.date + Duration::days(rng.range(5, 50))).min(today);
                        let mut n = note.clone();
                        n.date = done.min(review_day);
                        t.complete(n, "Đã thực hiện xong, kết quả tốt");
                    }
                    70..=84 => {
                        note.text = "chưa xong, chuyển sang tháng sau".into();
                        let due = crate::domain::task::proposed_carry_due(t.due, note.date);
                        // the proposed date is always after the current one
                        let _ = t.carry_over(note, due);
                    }
                    85..=89 => {
                        note.text = "không còn phù hợp".into();
                        t.cancel(note);
                    }
                    _ => {
                        note.text = "đang triển khai".into();
                        note.percent = Some(rng.range(20, 80) as u8);
                        t.progress(note);
                    }
                }
            } else if rng.chance(50) {
                let mut n = TaskNote::new(today, "đang triển khai");
                n.percent = Some(rng.range(10, 70) as u8);
                t.progress(n);
            }
            // what was carried on was finished later, but for the last two months
            if t.status.is_open() && t.due + Duration::days(60) < today {
                let when = t.due - Duration::days(rng.range(0, 10));
                t.complete(
                    TaskNote::new(when.max(m.date), "hoàn thành sau khi chuyển kỳ"),
                    "Đã hoàn thành",
                );
            }
            tasks.push(t);
        }
        out.push((res, tasks));
    }
    out
}

const DIRECT_TASKS: &[(&str, &str)] = &[
    (
        "Phụ trách địa bàn tổ dân phố, nắm tình hình các hộ",
        "Phụ trách địa bàn, hộ gia đình",
    ),
    (
        "Theo dõi, giúp đỡ đảng viên dự bị",
        "Giúp đỡ đảng viên dự bị, quần chúng",
    ),
    (
        "Tham gia sinh hoạt tổ dân phố, phản ánh ý kiến nhân dân",
        "Dân vận",
    ),
    ("Phối hợp tổ an ninh tuần tra đêm", "An ninh trật tự"),
    ("Bồi dưỡng quần chúng ưu tú", "Phát triển đảng viên"),
    ("Chuẩn bị nội dung sinh hoạt chuyên đề", "Chuyên đề"),
];

/// Tasks given directly to members: this year's done ones (on time, late, rated) and
/// current ones, leaving a few members unassigned and a few tasks overdue.
pub fn direct_tasks(opts: &DemoOptions, members: &[Member], today: NaiveDate) -> Vec<Task> {
    let mut all = Vec::new();
    let _ = direct_tasks_in_chunks(opts, members, today, usize::MAX, &mut |chunk| {
        all.append(chunk);
        Ok(())
    });
    all
}

/// `direct_tasks`, handed to `f` about `chunk` at a time as they are made (the stress
/// branch's 76,000 tasks held 70 MB made all at once): the same tasks in the same order.
fn direct_tasks_in_chunks(
    opts: &DemoOptions,
    members: &[Member],
    today: NaiveDate,
    chunk: usize,
    f: &mut dyn FnMut(&mut Vec<Task>) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let mut rng = Rng(opts.seed ^ 0x5441_534B);
    let mut out = Vec::new();
    let expected: Vec<&Member> = members
        .iter()
        .filter(|m| crate::domain::meeting::expected(m))
        .collect();
    for (i, m) in expected.iter().enumerate() {
        // every quarter of the branch's history: done, mostly on time and rated
        for back in (1..=opts.years.max(1) * 4).map(|q| q * 3) {
            let due = end_of_month(
                today
                    .checked_sub_months(chrono::Months::new(back))
                    .unwrap_or(today),
            );
            let (title, category) = DIRECT_TASKS[rng.below(DIRECT_TASKS.len() as u64) as usize];
            let mut t = Task::new(title, due);
            t.category = category.into();
            t.lead = Some(m.id);
            t.area = format!("tổ {}", rng.range(1, 8));
            let done = if rng.chance(80) {
                due - Duration::days(rng.range(0, 15))
            } else {
                due + Duration::days(rng.range(1, 20))
            };
            t.complete(
                TaskNote::new(done.min(today), "báo cáo tại sinh hoạt chi bộ"),
                "Hoàn thành",
            );
            t.rating = Some(match rng.below(10) {
                0 => Rating::Exceeded,
                9 => Rating::NotMet,
                _ => Rating::Met,
            });
            out.push(t);
        }
        // every few members: no current assignment, for the secretary to see
        if i % 9 == 4 {
            continue;
        }
        let (title, category) = DIRECT_TASKS[rng.below(DIRECT_TASKS.len() as u64) as usize];
        let late = rng.chance(10);
        let due = if late {
            today - Duration::days(rng.range(3, 25))
        } else {
            end_of_month(today)
        };
        let mut t = Task::new(title, due);
        t.category = category.into();
        t.lead = Some(m.id);
        t.area = format!("tổ {}, {} hộ", rng.range(1, 8), rng.range(10, 40));
        out.push(t);
        if out.len() >= chunk {
            f(&mut out)?;
            out.clear();
        }
    }
    if !out.is_empty() {
        f(&mut out)?;
    }
    Ok(())
}

/// The demo branch.
/// A year of dues up to this month: each member's basis (retirees the pension, those
/// at a public body a salary, the others the flat amount), paid at each month's
/// meeting, with a few arrears — one member three months behind and more, one who
/// paid two late months together, one who paid a quarter ahead — and the upper
/// level's share sent in the middle of each month.
pub fn dues(
    opts: &DemoOptions,
    members: &[Member],
    today: NaiveDate,
) -> Vec<(NaiveDate, DuesEntry)> {
    let mut rng = Rng(opts.seed ^ 0x4455_4553);
    let rates = Rates::shipped();
    let this = Month::of(today);
    let mut first = this;
    for _ in 0..11 {
        first = first.prev();
    }
    let payers: Vec<&Member> = members
        .iter()
        .filter(|m| (0..12).any(|k| pays_here(m, add(first, k))))
        .collect();
    let mut out: Vec<(NaiveDate, DuesEntry)> = Vec::new();
    let opening = date(first.year, first.month, 5);
    for m in &payers {
        let basis = if m.workplace == "hưu trí" {
            Basis::Pension(rng.range(35, 95) * 100_000)
        } else if m.workplace.starts_with("UBND")
            || m.workplace.starts_with("Trường")
            || m.workplace.starts_with("Trạm")
            || m.workplace.starts_with("Công an")
        {
            Basis::Salary(rng.range(60, 160) * 100_000)
        } else {
            Basis::Other
        };
        out.push((
            opening,
            DuesEntry::Basis {
                member: m.id,
                from: first,
                basis,
            },
        ));
    }
    // who falls behind: the last payers, so that the committee pays on time
    let n = payers.len();
    let behind = n.checked_sub(1);
    let late_pair = n.checked_sub(2);
    let ahead = n.checked_sub(3);
    let mut ledger = Ledger::default();
    let mut id = 0;
    let mut put = |ledger: &mut Ledger, out: &mut Vec<(NaiveDate, DuesEntry)>, d, e: DuesEntry| {
        id += 1;
        if ledger
            .record(DatedEntry {
                id,
                date: d,
                entry: e.clone(),
            })
            .is_ok()
        {
            out.push((d, e));
        }
    };
    let bases = std::mem::take(&mut out);
    for (d, e) in bases {
        put(&mut ledger, &mut out, d, e);
    }
    for k in 0..12 {
        let month = add(first, k);
        let meeting = date(month.year, month.month, 5);
        if meeting >= today {
            break;
        }
        for (i, m) in payers.iter().enumerate() {
            let due = ledger.due(&rates, m, month);
            if due <= 0 {
                continue;
            }
            let months = if Some(i) == behind && k >= 7 {
                // stopped paying five months ago
                continue;
            } else if Some(i) == late_pair && (k == 3 || k == 4) {
                continue;
            } else if Some(i) == late_pair && k == 5 {
                ledger.owed(&rates, m, month)
            } else if Some(i) == ahead && k % 3 == 0 {
                ledger
                    .allocate(&rates, m, month, 3, due * 3)
                    .unwrap_or_default()
            } else if Some(i) == ahead {
                continue;
            } else {
                vec![(month, due)]
            };
            if months.is_empty() {
                continue;
            }
            let entry = DuesEntry::Payment {
                member: m.id,
                months,
            };
            put(&mut ledger, &mut out, meeting, entry);
        }
        let sent_on = date(month.year, month.month, 15);
        if sent_on < today {
            let ml = ledger.month(&rates, members, month);
            let entry = DuesEntry::Sent {
                month,
                amount: ml.upper_share,
            };
            put(&mut ledger, &mut out, sent_on, entry);
        }
    }
    out
}

fn add(month: Month, k: u32) -> Month {
    (0..k).fold(month, |m, _| m.next())
}

pub fn branch() -> Branch {
    Branch::new(
        "Chi bộ Khu phố 3",
        "Đảng bộ phường An Phú",
        "An Phú",
        "2025–2030",
        "NQ/CB",
    )
}

/// Dues entries written to the demo's database in one write, and direct tasks made
/// and saved together (each with its audit line): a typical branch's fit in one.
const DUES_CHUNK: usize = 2_000;
const TASKS_CHUNK: usize = 2_000;

/// Writes the demo branch into `store` (which the caller has checked is empty or
/// cleared).
pub fn generate(
    store: &dyn Store,
    opts: &DemoOptions,
    today: NaiveDate,
    now: NaiveDateTime,
) -> Result<usize, StoreError> {
    let mut ms = members(opts, today);
    store.save_branch(&Branch {
        demo: true,
        ..branch()
    })?;
    store.import_members(&mut ms, now)?;
    // made and saved one at a time (the stress branch's 121 roll calls of 2,000 members
    // held 15 MB made together); the admission vote of a candidate is held in one of
    // them, and what the resolutions name of them is kept
    let mut candidates = candidates::Candidates::new(&ms, today);
    let templates = Templates::shipped();
    let mut held = Vec::new();
    for mut m in Meetings::new(opts, &ms, today, &templates) {
        let vote = candidates.hold_vote(&mut m);
        store.save_meeting(&mut m, now, None)?;
        if vote {
            candidates.voted_in(m.id);
        }
        held.extend(Held::of(&m));
    }
    let mut candidates = candidates.with_tasks(&ms);
    for (mut r, mut tasks) in resolutions(opts, &ms, &held, today) {
        store.save_resolution(&mut r, &mut tasks, now, "demo")?;
    }
    direct_tasks_in_chunks(opts, &ms, today, TASKS_CHUNK, &mut |chunk| {
        store.save_new_tasks(chunk, now, "demo")
    })?;
    // a few thousand entries to a write: the stress branch's year of dues (23,000
    // entries) in one transaction held 140 MB; the demo is all or nothing as a whole
    let mut entries = dues(opts, &ms, today).into_iter().peekable();
    while entries.peek().is_some() {
        let chunk: Vec<_> = entries.by_ref().take(DUES_CHUNK).collect();
        if let Err(e) = store.add_dues_entries(chunk, now, "demo")? {
            return Err(StoreError::Io(e.to_string()));
        }
    }
    let (mut notes, mut awards) = notebook(&ms, today);
    for n in &mut notes {
        store.save_note(n, now)?;
    }
    for a in &mut awards {
        store.save_award(a, now)?;
    }
    if let Some(mut d) = discipline(&ms, today) {
        store.save_discipline(&mut d, now)?;
    }
    for (c, task) in &mut candidates {
        store.save_candidate(c, task.as_mut(), now)?;
    }
    // every task was saved with its entries of the task indexes: they are complete, and
    // the first open does not build them again (at stress, in the open application's
    // memory: 90 MB against 42)
    let mut built = crate::store::Batch::default();
    for tree in [crate::store::Tree::OpenTasks, crate::store::Tree::TaskDates] {
        built.put(tree, crate::store::KEY_INDEX_BUILT, Vec::new());
    }
    store.apply(built)?;
    store.flush()?;
    Ok(ms.len())
}

/// One reprimand of the year, decided by the branch, on an official member on the
/// roster after those the notebook names.
pub fn discipline(
    ms: &[Member],
    today: NaiveDate,
) -> Option<crate::domain::discipline::Discipline> {
    use crate::domain::discipline::{Discipline, DisciplineForm};
    let m = ms
        .iter()
        .filter(|m| m.activity.on_roster())
        .filter(|m| m.standing == crate::domain::member::Standing::Official)
        .nth(5)?;
    let mut d = Discipline::new(
        m.id,
        DisciplineForm::Reprimand,
        date(today.year(), 10, 15).min(today),
    );
    d.body = "Chi bộ Khu phố 3".to_string();
    d.number = "03-QĐ/CB".to_string();
    d.reason = "Không hoàn thành nhiệm vụ được giao, không báo cáo chi bộ".to_string();
    Some(d)
}

/// A few notes of the year in the members' notebook and a few awards of the years
/// before, on the first members on the roster.
pub fn notebook(
    ms: &[Member],
    today: NaiveDate,
) -> (
    Vec<crate::domain::notebook::Note>,
    Vec<crate::domain::discipline::Award>,
) {
    use crate::domain::notebook::{Note, NoteKind};
    let on: Vec<&Member> = ms
        .iter()
        .filter(|m| m.activity.on_roster())
        .take(4)
        .collect();
    let year = today.year();
    let day = |m: u32, d: u32| date(year, m, d).min(today);
    let texts = [
        (
            NoteKind::Strength,
            "Nhiệt tình vận động bà con làm đường hẻm",
        ),
        (
            NoteKind::Commitment,
            "Hoàn thành lớp bồi dưỡng lý luận chính trị trong năm",
        ),
        (
            NoteKind::Shortcoming,
            "Hai lần đến muộn buổi sinh hoạt chi bộ",
        ),
        (NoteKind::Other, "Tham gia tổ hòa giải ở cơ sở"),
    ];
    let mut notes = Vec::new();
    for (i, m) in on.iter().enumerate() {
        let (kind, text) = texts[i % texts.len()];
        notes.push(Note::new(m.id, day(3 + i as u32, 12), kind, text));
        notes.push(Note::new(
            m.id,
            day(1, 20),
            NoteKind::Commitment,
            "Gương mẫu thực hiện nếp sống văn minh ở khu dân cư",
        ));
    }
    let awards = on
        .iter()
        .take(2)
        .enumerate()
        .map(|(i, m)| crate::domain::discipline::Award {
            id: Default::default(),
            member: m.id,
            form: if i == 0 { "Giấy khen" } else { "Bằng khen" }.to_string(),
            level: if i == 0 {
                "Đảng ủy phường"
            } else {
                "Quận ủy"
            }
            .to_string(),
            date: date(year - 1, 12, 28).min(today),
            number: format!("{}-QĐ/ĐU", 40 + i),
            reason: "Hoàn thành xuất sắc nhiệm vụ năm".to_string(),
        })
        .collect();
    (notes, awards)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meeting::Presence;

    /// Written in chunks (dues, direct tasks) at a size past one chunk, the demo's task
    /// indexes are complete: built again from every task they are the same.
    #[test]
    fn the_demo_in_chunks_writes_whole_task_indexes() {
        use crate::store::{Batch, MemoryStore, Tree};
        let store = MemoryStore::new();
        store.check_schema().unwrap();
        let opts = DemoOptions {
            members: 200,
            years: 5,
            seed: 3,
        };
        let today = date(2026, 11, 22);
        generate(&store, &opts, today, today.and_hms_opt(9, 0, 0).unwrap()).unwrap();
        let indexes = || [Tree::OpenTasks, Tree::TaskDates].map(|t| store.scan(t).unwrap());
        let written = indexes();
        assert!(store.tasks().unwrap().len() > TASKS_CHUNK);
        assert!(store.dues_ledger().unwrap().entries().len() > DUES_CHUNK);
        let mut unmark = Batch::default();
        for tree in [Tree::OpenTasks, Tree::TaskDates] {
            unmark.remove(tree, crate::store::KEY_INDEX_BUILT);
        }
        store.apply(unmark).unwrap();
        store.ensure_open_index().unwrap();
        assert!(indexes() == written, "the same index entries");
        crate::store::verify(&store).unwrap();
    }

    #[test]
    fn a_year_of_dues_with_a_few_arrears_and_the_shares_sent() {
        let today = date(2026, 11, 22);
        let opts = DemoOptions::default();
        let mut ms = members(&opts, today);
        for (i, m) in ms.iter_mut().enumerate() {
            m.id = MemberId(i as u64 + 1);
        }
        let mut ledger = Ledger::default();
        for (i, (d, e)) in dues(&opts, &ms, today).into_iter().enumerate() {
            let entry = DatedEntry {
                id: i as u64,
                date: d,
                entry: e,
            };
            ledger.record(entry).unwrap();
        }
        let rates = Rates::shipped();
        assert_eq!(ledger.opens(), Month::new(2025, 12));
        let oct = ledger.month(&rates, &ms, Month::new(2026, 10).unwrap());
        assert!(
            oct.arrears > 0 && oct.collected > 10 * oct.arrears,
            "{oct:?}"
        );
        assert_eq!(oct.sent_amount, oct.upper_share);
        // one member is four months behind: the striking-off consideration
        let behind: Vec<u32> = ms
            .iter()
            .map(|m| ledger.unpaid_months_as_of(&rates, m, 2026, today))
            .filter(|n| *n > 0)
            .collect();
        assert_eq!(behind, [4]);
    }

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

    #[test]
    fn no_meeting_lists_its_chair_or_secretary_as_absent() {
        let today = date(2026, 11, 22);
        for seed in 1..=12 {
            let opts = DemoOptions {
                members: 30,
                years: 2,
                seed,
            };
            let mut ms = members(&opts, today);
            for (i, m) in ms.iter_mut().enumerate() {
                m.id = MemberId(i as u64 + 1);
            }
            let held: Vec<Meeting> = meetings(&opts, &ms, today, &Templates::shipped())
                .into_iter()
                .filter(|m| m.started_at.is_some())
                .collect();
            assert!(!held.is_empty());
            for m in &held {
                for (role, id) in [("chair", m.chair), ("secretary", m.secretary)] {
                    let id = id.expect("every demo meeting has a chair and a secretary");
                    assert_eq!(
                        m.attendance.get(&id),
                        Some(&Presence::Present),
                        "seed {seed}, meeting of {}: the {role}",
                        m.date
                    );
                }
            }
        }
    }
}
