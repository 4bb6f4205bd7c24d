//! The dues collection sheet of a month, to print (`chibo report dues --month M
//! --sheet`): each member who pays to the branch that month with the amount proposed
//! and the months it pays for, and an empty column to sign.

use chrono::NaiveDate;
use serde::Serialize;

use super::document::{Block, Document as Page, SignatureColumn, Table, Value, table};
use super::dues::{basis_text, months_text};
use super::report::{Document, Head, csv_header};
use crate::domain::branch::Branch;
use crate::domain::dues::{Basis, Ledger, Month, Rates, format_amount, pays_here};
use crate::domain::member::Member;
use crate::i18n::{Lang, Msg};

/// One line of the collection sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SheetRow {
    pub member_id: u64,
    pub member: String,
    #[serde(skip)]
    pub basis: Basis,
    /// What the member is asked to pay: every month still owed up to the sheet's, or the
    /// month's amount while the ledger has no entry.
    pub proposed: i64,
    /// The months it pays for, oldest first.
    pub months: Vec<Month>,
    /// What was paid for the sheet's month already.
    pub paid: i64,
}

/// The collection sheet of a month: each member who pays to the branch that month with
/// the amount proposed, and a column left empty for the signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CollectionSheet {
    /// "dues_sheet".
    pub report: &'static str,
    pub as_of: NaiveDate,
    pub month: Month,
    pub members: Vec<SheetRow>,
    pub proposed: i64,
    #[serde(skip)]
    pub lang: Lang,
}

/// The collection sheet for `month`, as of `today`.
pub fn sheet(
    ledger: &Ledger,
    rates: &Rates,
    members: &[Member],
    month: Month,
    today: NaiveDate,
) -> CollectionSheet {
    let rows: Vec<SheetRow> = members
        .iter()
        .filter(|m| pays_here(m, month))
        .map(|m| {
            let owed = if ledger.opens().is_some() {
                ledger.owed(rates, m, month)
            } else {
                let due = ledger.due(rates, m, month);
                if due > 0 {
                    vec![(month, due)]
                } else {
                    Vec::new()
                }
            };
            SheetRow {
                member_id: m.id.0,
                member: m.full_name(),
                basis: ledger.basis(m.id, month),
                proposed: owed.iter().map(|(_, a)| a).sum(),
                months: owed.iter().map(|(m, _)| *m).collect(),
                paid: ledger.collected(m.id, month),
            }
        })
        .collect();
    CollectionSheet {
        report: "dues_sheet",
        as_of: today,
        month,
        proposed: rows.iter().map(|r| r.proposed).sum(),
        members: rows,
        lang: Lang::default(),
    }
}

/// The width of the signature column, in letters.
const SIGN_ROOM: usize = 18;

const SHEET_CSV: [[&str; 5]; 2] = [
    ["stt", "ho_ten", "muc_dong", "so_tien", "thang"],
    ["no", "member", "basis", "proposed", "months"],
];

impl Document for CollectionSheet {
    fn csv(&self) -> (&'static [&'static str], Vec<Vec<String>>) {
        let rows = self
            .members
            .iter()
            .enumerate()
            .map(|(i, r)| {
                vec![
                    (i + 1).to_string(),
                    r.member.clone(),
                    basis_text(self.lang, &r.basis),
                    r.proposed.to_string(),
                    r.months
                        .iter()
                        .map(Month::to_string)
                        .collect::<Vec<_>>()
                        .join(" "),
                ]
            })
            .collect();
        (csv_header(&SHEET_CSV, self.lang), rows)
    }

    fn head(&self) -> Head {
        Head {
            lang: self.lang,
            as_of: self.as_of,
            // a sheet to collect on: the day it was printed is not its title's
            title: Msg::RptDuesSheetTitle.fill(self.lang, &[("month", &self.month.label())]),
            sheet: Msg::RptSheetDues,
        }
    }

    fn page(&self, branch: Option<&Branch>) -> Page {
        let lang = self.lang;
        let mut page = self.opening(branch);
        page.push(Block::Table(self.table()));
        page.para(Msg::RptDuesSheetTotal.fill(
            lang,
            &[
                ("amount", &format_amount(self.proposed)),
                ("n", &self.members.len()),
            ],
        ));
        page.push(Block::Signatures(vec![
            SignatureColumn::Blank,
            SignatureColumn::Signer {
                titles: vec![Msg::RptDuesCollector.get(lang).to_string()],
                hint: Some(Msg::DocSignHint.get(lang).to_string()),
                name: String::new(),
            },
        ]));
        page
    }

    fn table(&self) -> Table {
        table(
            self.lang,
            &[
                Msg::RptColNo,
                Msg::RptColMember,
                Msg::RptColProposed,
                Msg::RptColForMonths,
                Msg::RptColSignature,
            ],
            self.members.iter().enumerate(),
            |(i, r)| {
                vec![
                    Value::Int(i as i64 + 1),
                    Value::text(r.member.clone()),
                    if r.months.is_empty() {
                        Value::Empty
                    } else {
                        Value::Amount(r.proposed)
                    },
                    Value::text(match (r.months.is_empty(), r.paid > 0) {
                        (false, _) => months_text(&r.months, self.month.year),
                        (true, true) => Msg::RptDuesPaidUp.get(self.lang).to_string(),
                        (true, false) => Msg::RptDuesNothingDue.get(self.lang).to_string(),
                    }),
                    // room to sign, as wide as a name
                    Value::text(" ".repeat(SIGN_ROOM)),
                ]
            },
        )
    }
}
