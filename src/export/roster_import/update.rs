//! What `import members --update` would do: each row matched to a member (by card
//! number, or by full name and birth date), the file's filled cells laid over what is
//! stored, and the fields that change; rows matching nobody are added.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::columns::standing_by_date;
use super::error::{RowError, member_error, validation_column};
use super::matching::name_key;
use super::{Column, Parsed};
use crate::domain::calendar::format_opt;
use crate::domain::member::Member;
use crate::i18n::{Lang, Msg};

/// One field an update changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub column: Column,
    pub old: String,
    pub new: String,
}

/// A member an update changes: as stored, as it will be, and the fields that differ.
#[derive(Debug, Clone)]
pub struct Change {
    pub line: u64,
    pub before: Member,
    pub after: Member,
    pub fields: Vec<FieldChange>,
}

/// What `import members --update` does.
#[derive(Debug, Default)]
pub struct Plan {
    /// Rows that match no member, with their lines.
    pub added: Vec<(u64, Member)>,
    pub changed: Vec<Change>,
    pub unchanged: usize,
}

/// Matches each row to a member — by card number, or without one by full name and
/// birth date — and works out what would change; rows matching nobody are added.
/// Only the file's filled cells are compared, so a file of names and phones changes
/// phones, and an empty cell never erases what is stored.
pub fn plan_update(
    parsed: &Parsed,
    existing: &[Member],
    today: NaiveDate,
    lang: Lang,
) -> Result<Plan, Vec<RowError>> {
    let mut by_card: HashMap<&str, usize> = HashMap::new();
    let mut by_name: HashMap<(String, NaiveDate), Vec<usize>> = HashMap::new();
    for (i, m) in existing.iter().enumerate() {
        if !m.card_number.is_empty() {
            by_card.insert(&m.card_number, i);
        }
        if let Some(k) = name_key(m) {
            by_name.entry(k).or_default().push(i);
        }
    }
    let mut plan = Plan::default();
    let mut errors = Vec::new();
    // existing member → the line that updates it; a new card number → its line
    let mut taken: HashMap<usize, u64> = HashMap::new();
    let mut new_cards: HashMap<&str, (u64, String)> = HashMap::new();
    for (row, m) in parsed.members.iter().enumerate() {
        let line = parsed.lines.get(row).copied().unwrap_or(0);
        let error = |column: Option<Column>, reason: String| RowError {
            line,
            column: column.map(Column::header),
            reason,
        };
        let birth = format_opt(m.birth_date);
        let filled = parsed
            .filled
            .get(row)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let has = |c: Column| filled.contains(&c);
        let found = match by_card.get(m.card_number.as_str()) {
            Some(&i) if !m.card_number.is_empty() => {
                // the card says one member, the name and birth date another
                let named = name_key(m)
                    .and_then(|k| by_name.get(&k))
                    .filter(|l| !l.contains(&i));
                if let Some(&j) = named.and_then(|l| l.first()) {
                    errors.push(error(
                        Some(Column::Card),
                        Msg::RosterCardOtherMember.fill(
                            lang,
                            &[
                                ("card", &m.card_number),
                                ("owner", &existing[i].full_name()),
                                ("name", &existing[j].full_name()),
                                ("birth", &birth),
                            ],
                        ),
                    ));
                    continue;
                }
                Some(i)
            }
            _ => match name_key(m).and_then(|k| by_name.get(&k)) {
                Some(list) if list.len() > 1 => {
                    errors.push(error(
                        None,
                        Msg::RosterAmbiguous.fill(
                            lang,
                            &[
                                ("name", &m.full_name()),
                                ("birth", &birth),
                                ("n", &list.len()),
                            ],
                        ),
                    ));
                    continue;
                }
                Some(list) => {
                    let i = list[0];
                    let stored = &existing[i].card_number;
                    if has(Column::Card) && !m.card_number.is_empty() && !stored.is_empty() {
                        errors.push(error(
                            Some(Column::Card),
                            Msg::RosterCardConflict.fill(
                                lang,
                                &[
                                    ("name", &m.full_name()),
                                    ("birth", &birth),
                                    ("card", stored),
                                    ("other", &m.card_number),
                                ],
                            ),
                        ));
                        continue;
                    }
                    Some(i)
                }
                None => None,
            },
        };
        let Some(i) = found else {
            if !m.card_number.is_empty() {
                if let Some((other, name)) = new_cards.get(m.card_number.as_str()) {
                    errors.push(error(
                        Some(Column::Card),
                        Msg::RosterCardTwice.fill(
                            lang,
                            &[("card", &m.card_number), ("name", name), ("line", other)],
                        ),
                    ));
                    continue;
                }
                new_cards.insert(&m.card_number, (line, m.full_name()));
            }
            plan.added.push((line, m.clone()));
            continue;
        };
        if let Some(other) = taken.insert(i, line) {
            errors.push(error(
                None,
                Msg::RosterSameMemberTwice.fill(
                    lang,
                    &[("name", &existing[i].full_name()), ("line", &other)],
                ),
            ));
            continue;
        }
        let before = &existing[i];
        let after = merge(
            before,
            m,
            parsed.standing_given.get(row).copied().unwrap_or(false),
            &has,
            today,
            lang,
        );
        if let Err(e) = after.validate() {
            errors.push(error(
                Some(validation_column(e)),
                member_error(e).get(lang).into(),
            ));
            continue;
        }
        let fields = differences(before, &after);
        if fields.is_empty() {
            plan.unchanged += 1;
        } else {
            plan.changed.push(Change {
                line,
                before: before.clone(),
                after,
                fields,
            });
        }
    }
    // a card number the update gives must not be another member's
    for c in &plan.changed {
        if let Some(&j) = by_card.get(c.after.card_number.as_str())
            && existing[j].id != c.after.id
            && !c.after.card_number.is_empty()
        {
            errors.push(RowError {
                line: c.line,
                column: Some(Column::Card.header()),
                reason: Msg::RosterCardInData.fill(
                    lang,
                    &[
                        ("card", &c.after.card_number),
                        ("name", &existing[j].full_name()),
                    ],
                ),
            });
        }
    }
    errors.sort_by_key(|e| e.line);
    if errors.is_empty() {
        Ok(plan)
    } else {
        Err(errors)
    }
}

/// The stored member with the file's columns laid over it.
fn merge(
    before: &Member,
    file: &Member,
    standing_given: bool,
    has: &dyn Fn(Column) -> bool,
    today: NaiveDate,
    lang: Lang,
) -> Member {
    let mut m = before.clone();
    if has(Column::Family) {
        m.family_name = file.family_name.clone();
    }
    if has(Column::Middle) {
        m.middle_name = file.middle_name.clone();
    }
    if has(Column::Given) {
        m.given_name = file.given_name.clone();
    }
    if has(Column::Gender) {
        m.gender = file.gender;
    }
    if has(Column::Birth) {
        m.birth_date = file.birth_date;
    }
    if has(Column::Admission) {
        m.admission_date = file.admission_date;
    }
    if has(Column::Official) {
        m.official_date = file.official_date;
    }
    if has(Column::Card) {
        m.card_number = file.card_number.clone();
    }
    if has(Column::Role) {
        m.committee_role = file.committee_role;
    }
    if has(Column::Phone) {
        m.phone = file.phone.clone();
    }
    if has(Column::Residence) {
        m.residence = file.residence.clone();
    }
    if has(Column::Notes) {
        m.notes = file.notes.clone();
    }
    if has(Column::Workplace) {
        m.workplace = file.workplace.clone();
    }
    if has(Column::History) {
        m.history = file.history.clone();
    }
    if has(Column::Status) {
        // an activity word alone leaves the standing as it is, unless the file gives the
        // official date it follows from
        if standing_given {
            m.standing = file.standing;
        } else if has(Column::Official) {
            m.standing = standing_by_date(m.official_date);
        }
        // leaving or coming back is a dated change, as on the status form
        if file.activity != m.activity {
            let recorded = m.history.last().is_some_and(|h| h.to == file.activity);
            if recorded {
                m.activity = file.activity;
            } else {
                m.change_activity(file.activity, today, Msg::RosterHistoryReason.get(lang));
            }
        }
    }
    m
}

fn differences(a: &Member, b: &Member) -> Vec<FieldChange> {
    let (ra, rb) = (
        crate::export::members::row(a),
        crate::export::members::row(b),
    );
    crate::export::members::EXPORT
        .iter()
        .zip(ra.iter().zip(rb.iter()))
        .filter(|(_, (x, y))| x != y)
        .map(|(c, (x, y))| FieldChange {
            column: *c,
            old: x.text(),
            new: y.text(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::roster;
    use super::super::{ReadOptions, read};
    use super::*;

    #[test]
    fn an_update_matches_by_card_or_name_and_birth_and_changes_only_its_columns() {
        let existing = roster();
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let text = "ho,ten,ngay_sinh,so_the,dien_thoai,trang_thai\n\
                    Lê,An,01/01/1960,01000001,0911111111,chính thức\n\
                    Trần,Bình,02/02/1970,,0902000002,từ trần\n\
                    Phạm,Cúc,03/03/1980,,,dự bị\n";
        let p = read(text.as_bytes(), &ReadOptions::default()).unwrap();
        let plan = plan_update(&p, &existing, today, Lang::Vi).unwrap();
        assert_eq!(plan.added.len(), 1);
        assert_eq!(plan.added[0].1.full_name(), "Phạm Cúc");
        assert_eq!(plan.unchanged, 0);
        let fields: Vec<Vec<(&str, String, String)>> = plan
            .changed
            .iter()
            .map(|c| {
                c.fields
                    .iter()
                    .map(|f| (f.column.header(), f.old.clone(), f.new.clone()))
                    .collect()
            })
            .collect();
        assert_eq!(
            fields,
            [
                vec![("dien_thoai", "0901000001".into(), "0911111111".into())],
                vec![
                    (
                        "trang_thai",
                        "chính thức".into(),
                        "từ trần (chính thức)".into()
                    ),
                    (
                        "qua_trinh_trang_thai",
                        String::new(),
                        "22/11/2026: đang sinh hoạt → từ trần; cập nhật từ tệp".into()
                    ),
                ],
            ]
        );
        // only the phone column: nothing else is touched
        let p = read(
            "so_the,ho,ten,dien_thoai\n01000001,Lê,An,0901000001\n".as_bytes(),
            &ReadOptions::default(),
        )
        .unwrap();
        let plan = plan_update(&p, &existing, today, Lang::Vi).unwrap();
        assert_eq!(
            (plan.added.len(), plan.changed.len(), plan.unchanged),
            (0, 0, 1)
        );
    }

    #[test]
    fn an_update_refuses_two_rows_for_one_member() {
        let existing = roster();
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let text = "ho,ten,so_the\nLê,An,01000001\nLê,Ân,01000001\n";
        let p = read(text.as_bytes(), &ReadOptions::default()).unwrap();
        let e = plan_update(&p, &existing, today, Lang::Vi).unwrap_err();
        assert_eq!(e[0].to_string(), "dòng 3: Lê An đã được cập nhật ở dòng 2");
    }
}
