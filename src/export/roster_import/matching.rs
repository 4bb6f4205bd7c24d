//! A plain import checked against the data: every row must be new — no card number
//! twice, no member already there (by card number, or by full name and birth date).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::error::RowError;
use super::{Column, Parsed};
use crate::domain::calendar::format_opt;
use crate::domain::member::Member;
use crate::i18n::{Lang, Msg};

/// The key members are matched by without a card number.
pub(super) fn name_key(m: &Member) -> Option<(String, NaiveDate)> {
    Some((m.full_name(), m.birth_date?))
}

/// For a plain import: no two rows with one card number, no row already in the data.
/// One message a row, however many ways it is already there.
pub fn check_new(parsed: &Parsed, existing: &[Member], lang: Lang) -> Result<(), Vec<RowError>> {
    let new = &parsed.members;
    let line = |i: usize| parsed.lines.get(i).copied().unwrap_or(0);
    let mut errors = Vec::new();
    let existing_cards: HashMap<&str, ()> = existing
        .iter()
        .filter(|m| !m.card_number.is_empty())
        .map(|m| (m.card_number.as_str(), ()))
        .collect();
    let existing_names: HashMap<(String, NaiveDate), ()> = existing
        .iter()
        .filter_map(name_key)
        .map(|k| (k, ()))
        .collect();
    let mut cards: HashMap<&str, usize> = HashMap::new();
    for (i, m) in new.iter().enumerate() {
        if !m.card_number.is_empty() {
            if existing_cards.contains_key(m.card_number.as_str()) {
                errors.push(RowError {
                    line: line(i),
                    column: Some(Column::Card.header()),
                    reason: Msg::RosterCardInData
                        .fill(lang, &[("card", &m.card_number), ("name", &m.full_name())]),
                });
                continue;
            }
            if let Some(&j) = cards.get(m.card_number.as_str()) {
                errors.push(RowError {
                    line: line(i),
                    column: Some(Column::Card.header()),
                    reason: Msg::RosterCardTwice.fill(
                        lang,
                        &[
                            ("card", &m.card_number),
                            ("name", &new[j].full_name()),
                            ("line", &line(j)),
                        ],
                    ),
                });
                continue;
            }
            cards.insert(&m.card_number, i);
        }
        if name_key(m).is_some_and(|k| existing_names.contains_key(&k)) {
            errors.push(RowError {
                line: line(i),
                column: None,
                reason: Msg::RosterMemberInData.fill(
                    lang,
                    &[
                        ("name", &m.full_name()),
                        ("birth", &format_opt(m.birth_date)),
                    ],
                ),
            });
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::roster;
    use super::super::{ReadOptions, read};
    use super::*;

    #[test]
    fn a_plain_import_over_the_same_rows_gives_one_error_a_row() {
        let existing = roster();
        let text = "ho,ten,ngay_sinh,so_the\nLê,An,01/01/1960,01000001\nTrần,Bình,02/02/1970,\n";
        let p = read(text.as_bytes(), &ReadOptions::default()).unwrap();
        let shown: Vec<String> = check_new(&p, &existing, Lang::Vi)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            shown,
            [
                "dòng 2, cột so_the: số thẻ 01000001 của Lê An đã có trong dữ liệu — dùng --update để cập nhật",
                "dòng 3: Trần Bình (02/02/1970) đã có trong dữ liệu — dùng --update để cập nhật",
            ]
        );
    }
}
