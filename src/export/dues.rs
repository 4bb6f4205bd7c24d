// Over 500 lines: one report in two forms, the month's and the year's, with their tables.
//! `chibo report dues`: a month's ledger — each member's expected, collected and
//! arrears, the months still owed, the totals, the share the branch keeps and the share
//! sent up with the date sent — or a year's, month by month with each member's year.
//! The collection sheet to print is in `dues_sheet`.

use chrono::NaiveDate;
use serde::Serialize;

use super::document::{Block, Document as Page, ListItem, Paragraph, Table, Value, table};
use super::report::{Document, Head, csv_header, year_as_of};
use crate::domain::branch::Branch;
use crate::domain::calendar::format_date;
use crate::domain::dues::{
    Basis, Ledger, Month, MonthLedger, Rates, UNPAID_FLAG_MONTHS, format_amount,
};
use crate::domain::member::Member;
use crate::i18n::{Lang, Msg};

/// "lương 8.500.000", "mức chung", "miễn (ốm dài ngày)": a basis as the screen and the
/// reports write it.
pub fn basis_text(lang: Lang, b: &Basis) -> String {
    match b {
        Basis::Salary(a) => format!("{} {}", Msg::BasisSalary.get(lang), format_amount(*a)),
        Basis::Pension(a) => format!("{} {}", Msg::BasisPension.get(lang), format_amount(*a)),
        Basis::Other => Msg::BasisOther.get(lang).to_string(),
        Basis::Fixed(a) => format!("{} {}", Msg::BasisFixed.get(lang), format_amount(*a)),
        Basis::Exempt(r) => format!("{} ({r})", Msg::BasisExempt.get(lang)),
    }
}

/// Whether and when the upper level's share of a month was sent: "đã nộp ngày
/// 05/12/2026" when all of it, else the amount with the date, or "chưa nộp lên".
pub fn sent_text(lang: Lang, sent_amount: i64, sent_on: Option<NaiveDate>, upper: i64) -> String {
    match sent_on {
        Some(date) if sent_amount == upper => {
            Msg::DuesSentAllOn.fill(lang, &[("date", &format_date(date))])
        }
        Some(date) => Msg::DuesSentOn.fill(
            lang,
            &[
                ("amount", &format_amount(sent_amount)),
                ("date", &format_date(date)),
            ],
        ),
        None => Msg::DuesNotSent.get(lang).to_string(),
    }
}

/// "Phải thu … · đã thu … · còn thiếu … (đồng)": the totals, on the screen and in the
/// report alike.
pub fn totals_text(lang: Lang, expected: i64, collected: i64, arrears: i64) -> String {
    Msg::DuesTotals.fill(
        lang,
        &[
            ("expected", &format_amount(expected)),
            ("collected", &format_amount(collected)),
            ("arrears", &format_amount(arrears)),
        ],
    )
}

/// "Chi bộ giữ … (30%) · cấp trên … · {sent}": the two shares and what was sent.
pub fn shares_text(lang: Lang, (branch, percent, upper): (i64, f64, i64), sent: &str) -> String {
    let shares = Msg::DuesShares.fill(
        lang,
        &[
            ("branch", &format_amount(branch)),
            ("percent", &percent),
            ("upper", &format_amount(upper)),
        ],
    );
    format!("{shares} · {sent}")
}

/// The months owed as the screen lists them: "09,10" within the year shown, "12/2025"
/// for another year.
pub fn months_text(months: &[Month], year: i32) -> String {
    months
        .iter()
        .map(|m| {
            if m.year == year {
                format!("{:02}", m.month)
            } else {
                m.label()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// One member of the report: the period's sums.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemberRow {
    pub member_id: u64,
    pub member: String,
    /// salary, pension, other, fixed or exempt: the basis in force in the period's last
    /// month.
    pub basis: &'static str,
    /// The salary, the pension or the fixed amount the basis names (null otherwise).
    pub basis_amount: Option<i64>,
    pub expected: i64,
    pub collected: i64,
    /// `expected − collected` over the period (negative when more was paid).
    pub arrears: i64,
    /// Every month up to the period's last still not paid in full, oldest first (the
    /// ledger's arrears, as the dues screen shows them), and what is left of them.
    pub owed_months: Vec<Month>,
    pub owed: i64,
    /// The year form: months of the year ended by today with less paid than expected
    /// (the striking-off consideration counts 3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unpaid_months: Option<u32>,
    #[serde(skip)]
    pub basis_shown: Basis,
}

/// One month's totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthRow {
    pub month: Month,
    pub expected: i64,
    pub collected: i64,
    pub arrears: i64,
    /// What the branch keeps of what was collected, and the upper level's share.
    pub branch_share: i64,
    pub upper_share: i64,
    /// What was sent up for the month, and the day of the last sending (or null).
    pub sent_amount: i64,
    pub sent_on: Option<NaiveDate>,
}

impl MonthRow {
    fn of(l: &MonthLedger) -> MonthRow {
        MonthRow {
            month: l.month,
            expected: l.expected,
            collected: l.collected,
            arrears: l.arrears,
            branch_share: l.branch_share,
            upper_share: l.upper_share,
            sent_amount: l.sent_amount,
            sent_on: l.sent_on,
        }
    }
}

/// The period's totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Totals {
    pub expected: i64,
    pub collected: i64,
    pub arrears: i64,
    pub branch_share: i64,
    pub upper_share: i64,
    pub sent_amount: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DuesReport {
    /// "dues".
    pub report: &'static str,
    pub as_of: NaiveDate,
    /// `yyyy-mm` for a month's report, null for a year's.
    pub month: Option<Month>,
    pub year: i32,
    /// The ledger's first month (null: no entry yet); nothing is owed before it.
    pub opens: Option<Month>,
    pub branch_keeps_percent: f64,
    pub members: Vec<MemberRow>,
    /// The month, or the months of the year up to the one of `as_of`.
    pub months: Vec<MonthRow>,
    pub totals: Totals,
    /// The language of the headings (not part of the JSON).
    #[serde(skip)]
    pub lang: Lang,
}

/// The basis as the JSON names it, with its amount.
fn basis_fields(b: &Basis) -> (&'static str, Option<i64>) {
    match b {
        Basis::Salary(a) => ("salary", Some(*a)),
        Basis::Pension(a) => ("pension", Some(*a)),
        Basis::Other => ("other", None),
        Basis::Fixed(a) => ("fixed", Some(*a)),
        Basis::Exempt(_) => ("exempt", None),
    }
}

/// The day a month's report is computed for: today, or the last day of a month gone by.
fn month_as_of(month: Month, today: NaiveDate) -> NaiveDate {
    if month < Month::of(today) {
        month.last_day()
    } else {
        today
    }
}

fn report(
    ledger: &Ledger,
    rates: &Rates,
    members: &[Member],
    months: Vec<Month>,
) -> (Vec<MemberRow>, Vec<MonthRow>, Totals) {
    let ledgers: Vec<MonthLedger> = months
        .iter()
        .map(|m| ledger.month(rates, members, *m))
        .collect();
    let last = months.last().copied();
    let mut rows = Vec::new();
    for m in members {
        let lines: Vec<_> = ledgers
            .iter()
            .flat_map(|l| l.rows.iter().filter(|r| r.member == m.id))
            .collect();
        let Some(last) = last.filter(|_| !lines.is_empty()) else {
            continue;
        };
        let owed = ledger.owed(rates, m, last);
        let basis = ledger.basis(m.id, last);
        let (kind, amount) = basis_fields(&basis);
        rows.push(MemberRow {
            member_id: m.id.0,
            member: m.full_name(),
            basis: kind,
            basis_amount: amount,
            expected: lines.iter().map(|r| r.expected).sum(),
            collected: lines.iter().map(|r| r.collected).sum(),
            arrears: lines.iter().map(|r| r.arrears).sum(),
            owed_months: owed.iter().map(|(m, _)| *m).collect(),
            owed: owed.iter().map(|(_, a)| a).sum(),
            unpaid_months: None,
            basis_shown: basis,
        });
    }
    let month_rows: Vec<MonthRow> = ledgers.iter().map(MonthRow::of).collect();
    let sum = |f: fn(&MonthRow) -> i64| month_rows.iter().map(f).sum();
    let totals = Totals {
        expected: sum(|m| m.expected),
        collected: sum(|m| m.collected),
        arrears: sum(|m| m.arrears),
        branch_share: sum(|m| m.branch_share),
        upper_share: sum(|m| m.upper_share),
        sent_amount: sum(|m| m.sent_amount),
    };
    (rows, month_rows, totals)
}

/// The ledger of `month` for `members` (roster order), as of `today`.
pub fn month(
    ledger: &Ledger,
    rates: &Rates,
    members: &[Member],
    month: Month,
    today: NaiveDate,
) -> DuesReport {
    let (members, months, totals) = report(ledger, rates, members, vec![month]);
    DuesReport {
        report: "dues",
        as_of: month_as_of(month, today),
        month: Some(month),
        year: month.year,
        opens: ledger.opens(),
        branch_keeps_percent: rates.branch_keeps_percent,
        members,
        months,
        totals,
        lang: Lang::default(),
    }
}

/// The ledger of `year` month by month — a year under way up to this month — with each
/// member's year.
pub fn year(
    ledger: &Ledger,
    rates: &Rates,
    members: &[Member],
    year: i32,
    today: NaiveDate,
) -> DuesReport {
    let as_of = year_as_of(year, today);
    // a year to come has no month yet
    let through = Month::of(as_of).min(Month::of(today));
    let months: Vec<Month> = Month::of_year(year).filter(|m| *m <= through).collect();
    let (mut rows, months, totals) = report(ledger, rates, members, months);
    for r in &mut rows {
        if let Some(m) = members.iter().find(|m| m.id.0 == r.member_id) {
            r.unpaid_months = Some(ledger.unpaid_months_as_of(rates, m, year, today));
        }
    }
    DuesReport {
        report: "dues",
        as_of,
        month: None,
        year,
        opens: ledger.opens(),
        branch_keeps_percent: rates.branch_keeps_percent,
        members: rows,
        months,
        totals,
        lang: Lang::default(),
    }
}

const MONTH_CSV: [[&str; 7]; 2] = [
    [
        "ho_ten",
        "muc_dong",
        "phai_nop",
        "da_nop",
        "con_thieu",
        "con_no",
        "thang_no",
    ],
    [
        "member",
        "basis",
        "expected",
        "collected",
        "arrears",
        "owed",
        "owed_months",
    ],
];

const YEAR_CSV: [[&str; 8]; 2] = [
    [
        "thang",
        "phai_thu",
        "da_thu",
        "con_thieu",
        "chi_bo_giu",
        "cap_tren",
        "da_nop_len",
        "ngay_nop_len",
    ],
    [
        "month",
        "expected",
        "collected",
        "arrears",
        "branch_share",
        "upper_share",
        "sent_amount",
        "sent_on",
    ],
];

impl DuesReport {
    fn members_table(&self) -> Table {
        let lang = self.lang;
        let year_form = self.month.is_none();
        let mut header = vec![Msg::RptColMember];
        if !year_form {
            header.push(Msg::ColBasisDues);
        }
        header.extend([
            Msg::ColDuesDue,
            Msg::ColPaid,
            Msg::RptColArrears,
            Msg::ColOwed,
            Msg::ColOwedMonths,
        ]);
        if year_form {
            header.push(Msg::RptColUnpaidMonths);
        }
        table(lang, &header, &self.members, |r| {
            let mut row = vec![Value::text(r.member.clone())];
            if !year_form {
                row.push(Value::text(basis_text(lang, &r.basis_shown)));
            }
            row.extend([
                Value::Amount(r.expected),
                Value::Amount(r.collected),
                Value::Amount(r.arrears),
                Value::Amount(r.owed),
                Value::text(months_text(&r.owed_months, self.year)),
            ]);
            if let Some(n) = r.unpaid_months {
                row.push(Value::Int(i64::from(n)));
            }
            row
        })
    }

    fn months_table(&self) -> Table {
        table(
            self.lang,
            &[
                Msg::RptColMonth,
                Msg::RptColExpected,
                Msg::RptColCollected,
                Msg::RptColArrears,
                Msg::RptColBranchShare,
                Msg::RptColUpperShare,
                Msg::RptColSent,
                Msg::RptColSentOn,
            ],
            &self.months,
            |m| {
                vec![
                    Value::text(m.month.label()),
                    Value::Amount(m.expected),
                    Value::Amount(m.collected),
                    Value::Amount(m.arrears),
                    Value::Amount(m.branch_share),
                    Value::Amount(m.upper_share),
                    Value::Amount(m.sent_amount),
                    Value::date(m.sent_on),
                ]
            },
        )
    }

    /// The totals and the shares, in two lines as on the dues screen.
    fn summary(&self) -> [String; 2] {
        let lang = self.lang;
        let t = &self.totals;
        let sent = match (self.month, self.months.first()) {
            (Some(_), Some(m)) => sent_text(lang, m.sent_amount, m.sent_on, m.upper_share),
            _ => Msg::RptDuesSentTotal.fill(lang, &[("amount", &format_amount(t.sent_amount))]),
        };
        [
            totals_text(lang, t.expected, t.collected, t.arrears),
            shares_text(
                lang,
                (t.branch_share, self.branch_keeps_percent, t.upper_share),
                &sent,
            ),
        ]
    }

    /// Why there is nothing to count, when the period is before the ledger opens.
    fn not_open(&self) -> Option<String> {
        let first = self.months.first()?.month;
        match self.opens {
            None => Some(Msg::DuesNotOpen.get(self.lang).to_string()),
            Some(o) if first < o => {
                Some(Msg::DuesBeforeOpen.fill(self.lang, &[("month", &o.label())]))
            }
            _ => None,
        }
    }
}

impl Document for DuesReport {
    fn csv(&self) -> (&'static [&'static str], Vec<Vec<String>>) {
        if self.month.is_some() {
            let header = csv_header(&MONTH_CSV, self.lang);
            let rows = self
                .members
                .iter()
                .map(|r| {
                    vec![
                        r.member.clone(),
                        basis_text(self.lang, &r.basis_shown),
                        r.expected.to_string(),
                        r.collected.to_string(),
                        r.arrears.to_string(),
                        r.owed.to_string(),
                        r.owed_months
                            .iter()
                            .map(Month::to_string)
                            .collect::<Vec<_>>()
                            .join(" "),
                    ]
                })
                .collect();
            (header, rows)
        } else {
            let header = csv_header(&YEAR_CSV, self.lang);
            let rows = self
                .months
                .iter()
                .map(|m| {
                    vec![
                        m.month.to_string(),
                        m.expected.to_string(),
                        m.collected.to_string(),
                        m.arrears.to_string(),
                        m.branch_share.to_string(),
                        m.upper_share.to_string(),
                        m.sent_amount.to_string(),
                        m.sent_on.map(format_date).unwrap_or_default(),
                    ]
                })
                .collect();
            (header, rows)
        }
    }

    fn head(&self) -> Head {
        let title = match self.month {
            Some(m) => Msg::RptDuesMonthTitle.fill(self.lang, &[("month", &m.label())]),
            None => Msg::RptDuesYearTitle.fill(self.lang, &[("year", &self.year)]),
        };
        Head::dated(self.lang, self.as_of, title, Msg::RptSheetDues)
    }

    fn page(&self, branch: Option<&Branch>) -> Page {
        let lang = self.lang;
        let mut page = self.opening(branch);
        // seven columns of names and amounts: the page turns sideways
        page.landscape = true;
        let [totals, shares] = self.summary();
        page.para(totals);
        page.para(shares);
        if let Some(why) = self.not_open() {
            page.para(why);
        }
        if self.month.is_none() {
            page.heading(Msg::RptDuesByMonth.get(lang));
            page.push(Block::Table(self.months_table()));
        }
        if !self.members.is_empty() {
            if self.month.is_none() {
                page.heading(Msg::RptDuesByMember.get(lang));
            }
            page.push(Block::Table(self.members_table()));
        } else if self.not_open().is_none() {
            // before the ledger opens the note above says why
            page.para(match self.month {
                Some(_) => Msg::DuesNone.get(lang),
                None => Msg::RptDuesNoneInYear.get(lang),
            });
        }
        let flagged: Vec<ListItem> = self
            .members
            .iter()
            .filter(|r| r.unpaid_months.is_some_and(|n| n >= UNPAID_FLAG_MONTHS))
            .map(|r| ListItem {
                text: Paragraph::plain(Msg::RptFlaggedDues.fill(
                    lang,
                    &[
                        ("member", &r.member),
                        ("n", &r.unpaid_months.unwrap_or_default()),
                    ],
                )),
                detail: None,
            })
            .collect();
        if !flagged.is_empty() {
            page.heading(Msg::RptToConsider.get(lang));
            page.push(Block::List(flagged));
        }
        page
    }

    fn table(&self) -> Table {
        if self.month.is_some() {
            self.members_table()
        } else {
            self.months_table()
        }
    }

    /// A year's workbook has two sheets: by month, and by member.
    fn to_xlsx(&self, branch: Option<&Branch>) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
        let head = self.head();
        let title = head.workbook_title(branch);
        let mut sheets = Vec::new();
        if self.month.is_none() {
            sheets.push(super::report::sheet_of(
                Msg::RptSheetDuesMonths.get(self.lang),
                &title,
                self.months_table(),
            ));
            sheets.push(super::report::sheet_of(
                Msg::RptSheetDuesMembers.get(self.lang),
                &title,
                self.members_table(),
            ));
        } else {
            sheets.push(super::report::sheet_of(
                head.sheet(),
                &title,
                self.members_table(),
            ));
        }
        super::sheet::workbook(&sheets)
    }
}
