//! The demo branch's meetings: one regular meeting a month with its roll call, minutes,
//! vote and conclusion, made one at a time (`Meetings`), so that a large branch's
//! years of roll calls are written as they are made, never held together.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime};

use super::{DemoOptions, Rng, date};
use crate::domain::meeting::{Entry, EntryKind, Meeting, MeetingKind, Presence, Templates};
use crate::domain::member::{CommitteeRole, Member, MemberId};
use crate::domain::vote::{Vote, VoteMethod, VoteRule, electorate};

const EXCUSES: &[&str] = &[
    "ốm",
    "đi công tác",
    "việc gia đình",
    "đi khám bệnh",
    "trực cơ quan",
];
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
const PLACE: &str = "Nhà văn hóa Khu phố 3";

/// Regular meetings, one a month for `years` up to this month, with roll call,
/// minutes, a vote and the chair's conclusion; quarterly ones also hold the thematic
/// session. A meeting still ahead this month is only planned.
pub fn meetings(
    opts: &DemoOptions,
    members: &[Member],
    today: NaiveDate,
    templates: &Templates,
) -> Vec<Meeting> {
    Meetings::new(opts, members, today, templates).collect()
}

/// The demo's meetings (`meetings`) in date order, the year-end review last, each made
/// when asked for: the same meetings, one at a time.
pub struct Meetings<'a> {
    rng: Rng,
    members: &'a [Member],
    today: NaiveDate,
    templates: &'a Templates,
    chair: Option<MemberId>,
    secretary: Option<MemberId>,
    /// Months before this one of the meetings still to make, the next one first.
    back: std::iter::Rev<std::ops::Range<u32>>,
    /// The year-end review is still to make.
    review: bool,
}

impl<'a> Meetings<'a> {
    pub fn new(
        opts: &DemoOptions,
        members: &'a [Member],
        today: NaiveDate,
        templates: &'a Templates,
    ) -> Meetings<'a> {
        let chair = members
            .iter()
            .find(|m| m.committee_role == CommitteeRole::Secretary)
            .map(|m| m.id);
        let secretary = members
            .iter()
            .find(|m| m.committee_role == CommitteeRole::Deputy)
            .map(|m| m.id)
            .or(chair);
        Meetings {
            rng: Rng(opts.seed ^ 0x4D45_4554),
            members,
            today,
            templates,
            chair,
            secretary,
            back: (0..opts.years.max(1) * 12).rev(),
            review: true,
        }
    }

    /// The regular meeting of the month `back` months before this one.
    fn regular(&mut self, back: u32) -> Meeting {
        let (members, today) = (self.members, self.today);
        let (chair, secretary) = (self.chair, self.secretary);
        let rng = &mut self.rng;
        let first = date(today.year(), today.month(), 1);
        let month = first
            .checked_sub_months(chrono::Months::new(back))
            .unwrap_or(first);
        let day = date(month.year(), month.month(), 5);
        let start = NaiveTime::from_hms_opt(19, 30, 0).unwrap_or_default();
        let mut m = Meeting::new(MeetingKind::Regular, day, start);
        m.with_thematic = month.month().is_multiple_of(3);
        m.place = PLACE.into();
        m.chair = chair;
        m.secretary = secretary;
        m.agenda = self.templates.agenda(MeetingKind::Regular);
        if day >= today {
            return m;
        }
        let started = day.and_time(start) + Duration::minutes(rng.range(0, 5));
        m.started_at = Some(started);
        let present = members.iter().filter(|x| {
            crate::domain::meeting::expected(x) && x.history.iter().all(|h| h.date <= day)
        });
        for x in present {
            let roll = rng.below(100);
            let presence = match roll {
                0..=84 => Presence::Present,
                85..=87 => Presence::Late((started + Duration::minutes(rng.range(5, 25))).time()),
                88..=95 => Presence::Excused(rng.pick(EXCUSES).to_string()),
                _ => Presence::Absent,
            };
            // the chair and the secretary run the meeting: they are there
            let presence = if Some(x.id) == chair || Some(x.id) == secretary {
                Presence::Present
            } else {
                presence
            };
            m.attendance.insert(x.id, presence);
        }
        // in id order, as the roll call is kept
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
                    let speaker =
                        here[rng.below(here.len().max(1) as u64) as usize % here.len().max(1)];
                    item.entries.push(Entry {
                        at,
                        kind: EntryKind::Speech(speaker),
                        text: rng.pick(SPEECHES).to_string(),
                    });
                }
            }
            if i + 1 == n_items {
                let e = electorate(members, |id| here.binary_search(&id).is_ok());
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
                    text: "Chi bộ thống nhất thông qua nghị quyết; giao chi ủy tổ chức thực hiện."
                        .into(),
                });
            }
            let spent = item.planned_minutes as i64 + rng.range(-2, 3);
            item.spent_secs = (spent.max(1) * 60) as u64;
            clock += Duration::minutes(spent.max(1));
        }
        m.ended_at = Some(clock);
        m.approved_at = Some(clock);
        m.freeze_roster(members);
        m
    }

    /// The year-end review (kiểm điểm cuối năm) planned for December, to grade the year.
    fn review(&self) -> Meeting {
        let mut review = Meeting::new(
            MeetingKind::YearEnd,
            date(self.today.year(), 12, 19),
            NaiveTime::from_hms_opt(8, 0, 0).unwrap_or_default(),
        );
        review.place = PLACE.into();
        review.chair = self.chair;
        review.secretary = self.secretary;
        review.agenda = self.templates.agenda(MeetingKind::YearEnd);
        review
    }
}

impl Iterator for Meetings<'_> {
    type Item = Meeting;

    fn next(&mut self) -> Option<Meeting> {
        if let Some(back) = self.back.next() {
            return Some(self.regular(back));
        }
        if std::mem::take(&mut self.review) {
            return Some(self.review());
        }
        None
    }
}
