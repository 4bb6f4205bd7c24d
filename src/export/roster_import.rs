//! Reading a roster file (CSV, XLSX or JSON) into members, and what an import would do
//! to the roster already in the data: add them, or with `--update` change the members
//! they match. Tolerant of what Vietnamese spreadsheets write — BOM, `;` separators,
//! CRLF, NFD text, either date form, Vietnamese or English headers — and strict about
//! content: one bad row and nothing is imported. Linear in the rows.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::members::{CARD_DIGITS, Column, parse_history, parse_status};
use crate::domain::calendar::{format_opt, parse_date};
use crate::domain::member::{
    CommitteeRole, Gender, Member, MemberError, MemberId, Standing, split_full_name,
};
use crate::domain::text::{clean, fold};
use crate::i18n::{Lang, Msg};

/// The longest cell accepted (the status history excepted: it is one change a line).
pub const MAX_CELL_CHARS: usize = 200;

/// A problem with one cell or row of an imported file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// 1-based line (or spreadsheet row) in the file; 0 for the file as a whole.
    pub line: u64,
    pub column: Option<&'static str>,
    pub reason: String,
}

impl RowError {
    pub fn show(&self, lang: Lang) -> String {
        let reason: &dyn std::fmt::Display = &self.reason;
        match (self.line, self.column) {
            (0, Some(col)) => Msg::RosterColumn.fill(lang, &[("col", &col), ("reason", reason)]),
            (0, None) => self.reason.clone(),
            (line, Some(col)) => Msg::RosterLineColumn
                .fill(lang, &[("line", &line), ("col", &col), ("reason", reason)]),
            (line, None) => Msg::RosterLine.fill(lang, &[("line", &line), ("reason", reason)]),
        }
    }
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.show(Lang::Vi))
    }
}

/// What a file holds, as members, and what was guessed on the way.
#[derive(Debug, Default)]
pub struct Parsed {
    pub members: Vec<Member>,
    /// The line each member came from (0 for JSON).
    pub lines: Vec<u64>,
    /// For each member, whether the file said the standing (else it follows from the
    /// official date).
    pub standing_given: Vec<bool>,
    /// For each member, the columns whose cell is filled: an update changes only these
    /// (an empty cell says nothing, it does not erase).
    pub filled: Vec<Vec<Column>>,
    pub warnings: Vec<String>,
}

/// How to read a file.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions<'a> {
    pub lang: Lang,
    /// The sheet of a workbook (default: the first).
    pub sheet: Option<&'a str>,
}

fn file_error(reason: impl Into<String>) -> Vec<RowError> {
    vec![RowError {
        line: 0,
        column: None,
        reason: reason.into(),
    }]
}

/// Reads a roster file to add to `existing`: every row must be new.
pub fn parse(bytes: &[u8], existing: &[Member]) -> Result<Parsed, Vec<RowError>> {
    let parsed = read(bytes, &ReadOptions::default())?;
    check_new(&parsed, existing, Lang::Vi)?;
    Ok(parsed)
}

/// Whether the bytes are a workbook (a zip archive, as .xlsx files are).
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Reads a roster file: XLSX, JSON (an array of members, as `export members --format
/// json` writes) or CSV. Checks each row on its own; `check_new` or `plan_update`
/// then check it against the data.
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Parsed, Vec<RowError>> {
    let lang = opts.lang;
    if bytes.is_empty() {
        return Err(file_error(Msg::RosterEmpty.get(lang)));
    }
    if is_workbook(bytes) {
        let table = super::roster_xlsx::read(bytes, opts.sheet, lang)?;
        return from_table(&table, lang);
    }
    if opts.sheet.is_some() {
        return Err(file_error(Msg::RosterSheetOnlyXlsx.get(lang)));
    }
    if let Some(order) = utf16(bytes) {
        return Err(file_error(
            Msg::RosterUtf16.fill(lang, &[("order", &order)]),
        ));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|e| file_error(Msg::RosterNotUtf8.fill(lang, &[("at", &e.valid_up_to())])))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with('[') {
        parse_json(text, lang)
    } else {
        let table = csv_table(text, lang)?;
        from_table(&table, lang)
    }
}

/// "UTF-16 LE" or "UTF-16 BE" when the bytes are UTF-16 text: a byte order mark, or
/// (without one) a NUL in every other byte of the first line.
fn utf16(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xff, 0xfe]) {
        return Some("UTF-16 LE");
    }
    if bytes.starts_with(&[0xfe, 0xff]) {
        return Some("UTF-16 BE");
    }
    let head = &bytes[..bytes.len().min(64) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.chunks(2);
    if pairs.clone().all(|p| p[1] == 0 && p[0] != 0) {
        Some("UTF-16 LE")
    } else if pairs.clone().all(|p| p[0] == 0 && p[1] != 0) {
        Some("UTF-16 BE")
    } else {
        None
    }
}

fn parse_json(text: &str, lang: Lang) -> Result<Parsed, Vec<RowError>> {
    let mut members: Vec<Member> = serde_json::from_str(text).map_err(|e| {
        vec![RowError {
            line: e.line() as u64,
            column: None,
            reason: Msg::RosterJsonInvalid.fill(lang, &[("err", &e)]),
        }]
    })?;
    let mut errors = Vec::new();
    for (i, m) in members.iter_mut().enumerate() {
        m.id = MemberId(0);
        m.family_name = clean(&m.family_name);
        m.middle_name = clean(&m.middle_name);
        m.given_name = clean(&m.given_name);
        if let Err(e) = m.validate() {
            errors.push(RowError {
                line: 0,
                column: None,
                reason: Msg::RosterJsonMember.fill(
                    lang,
                    &[("n", &(i + 1)), ("reason", &member_error(e).get(lang))],
                ),
            });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let n = members.len();
    Ok(Parsed {
        members,
        lines: vec![0; n],
        standing_given: vec![true; n],
        filled: vec![super::members::EXPORT.to_vec(); n],
        warnings: Vec::new(),
    })
}

/// A file's cells before they become members: the header row, then each row with its
/// line (a spreadsheet's row number).
#[derive(Debug, Default)]
pub struct Table {
    pub header_line: u64,
    pub header: Vec<String>,
    pub rows: Vec<(u64, Vec<String>)>,
    /// Problems found while reading cells (kept with the row checks, in line order).
    pub errors: Vec<RowError>,
}

fn separator(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    }
}

/// The lines holding a NUL byte, and the line of a quote that is never closed.
fn text_errors(text: &str, sep: u8, lang: Lang) -> Vec<RowError> {
    let mut errors = Vec::new();
    let mut line = 1u64;
    let mut nul_reported = 0u64;
    // a field opened by a quote runs to the matching quote ("" inside is one quote)
    let mut quoted_since: Option<u64> = None;
    let mut at_field_start = true;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == 0 && nul_reported != line {
            nul_reported = line;
            errors.push(RowError {
                line,
                column: None,
                reason: Msg::RosterNul.get(lang).into(),
            });
        }
        match quoted_since {
            Some(_) if b == b'"' => {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    quoted_since = None;
                }
            }
            Some(_) => {}
            None if b == b'"' && at_field_start => quoted_since = Some(line),
            None => {}
        }
        at_field_start = quoted_since.is_none() && (b == sep || b == b'\n' || b == b'\r');
        if b == b'\n' {
            line += 1;
        }
        i += 1;
    }
    if let Some(opened) = quoted_since {
        errors.push(RowError {
            line: opened,
            column: None,
            reason: Msg::RosterUnclosedQuote.get(lang).into(),
        });
    }
    errors
}

/// The CSV's cells, with each record's first line.
fn csv_table(text: &str, lang: Lang) -> Result<Table, Vec<RowError>> {
    let sep = separator(text);
    let errors = text_errors(text, sep, lang);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut table = Table::default();
    // lines counted from byte offsets (csv's own count varies with CRLF files),
    // going forward from the previous record so the whole file is read once
    let (mut counted_to, mut lines_before) = (0usize, 0u64);
    let mut line_at = |byte: u64| {
        let bytes = text.as_bytes();
        let mut end = (byte as usize).min(bytes.len());
        while end < bytes.len() && matches!(bytes[end], b'\r' | b'\n') {
            end += 1;
        }
        if end > counted_to {
            lines_before += bytes[counted_to..end]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64;
            counted_to = end;
        }
        lines_before + 1
    };
    let mut first = true;
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| line_at(p.byte())).unwrap_or(0);
                if first {
                    return Err(file_error(
                        Msg::RosterHeaderUnreadable.fill(lang, &[("err", &e)]),
                    ));
                }
                table.errors.push(RowError {
                    line,
                    column: None,
                    reason: Msg::RosterBadCsvLine.fill(lang, &[("err", &e)]),
                });
                continue;
            }
        };
        let line = record.position().map(|p| line_at(p.byte())).unwrap_or(0);
        let cells: Vec<String> = record
            .iter()
            .map(|c| super::csv::unguard(c).to_string())
            .collect();
        if first {
            first = false;
            table.header_line = line;
            table.header = cells;
        } else {
            table.rows.push((line, cells));
        }
    }
    Ok(table)
}

fn member_error(e: MemberError) -> Msg {
    match e {
        MemberError::MissingFamilyName => Msg::RosterMissingFamily,
        MemberError::MissingGivenName => Msg::RosterMissingGiven,
        MemberError::OfficialBeforeAdmission => Msg::RosterOfficialBeforeAdmission,
        MemberError::AdmissionBeforeBirth => Msg::RosterAdmissionBeforeBirth,
        MemberError::ProbationaryWithOfficialDate => Msg::RosterProbationaryOfficialDate,
    }
}

/// Members from a table of cells: the header names the columns, each row one member.
pub fn from_table(table: &Table, lang: Lang) -> Result<Parsed, Vec<RowError>> {
    let header_line = table.header_line;
    let mut index: HashMap<Column, usize> = HashMap::new();
    let mut errors = Vec::new();
    for (i, h) in table.header.iter().enumerate() {
        match Column::from_header(h) {
            Some(c) => {
                if index.insert(c, i).is_some() {
                    errors.push(RowError {
                        line: header_line,
                        column: None,
                        reason: Msg::RosterColumnTwice.fill(lang, &[("col", h)]),
                    });
                }
            }
            None if h.trim().is_empty() => {}
            None => errors.push(RowError {
                line: header_line,
                column: None,
                reason: Msg::RosterUnknownColumn.fill(lang, &[("col", &h.trim())]),
            }),
        }
    }
    let has_parts = index.contains_key(&Column::Family) && index.contains_key(&Column::Given);
    if !has_parts && !index.contains_key(&Column::FullName) {
        errors.push(RowError {
            line: header_line,
            column: None,
            reason: Msg::RosterNoNameColumns.get(lang).into(),
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut parsed = Parsed::default();
    let mut earlier = table.errors.iter().peekable();
    for (line, record) in &table.rows {
        let line = *line;
        while let Some(e) = earlier.next_if(|e| e.line <= line) {
            errors.push(e.clone());
        }
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.len() > table.header.len() {
            errors.push(RowError {
                line,
                column: None,
                reason: Msg::RosterTooManyCells
                    .fill(lang, &[("n", &record.len()), ("max", &table.header.len())]),
            });
            continue;
        }
        let mut long = false;
        for (col, &i) in &index {
            let n = record.get(i).map_or(0, |c| c.chars().count());
            if *col != Column::History && n > MAX_CELL_CHARS {
                long = true;
                errors.push(RowError {
                    line,
                    column: Some(col.header()),
                    reason: Msg::RosterCellTooLong
                        .fill(lang, &[("n", &n), ("max", &MAX_CELL_CHARS)]),
                });
            }
        }
        if long {
            continue;
        }
        let raw = |c: Column| {
            index
                .get(&c)
                .and_then(|&i| record.get(i))
                .map(String::as_str)
        };
        match parse_row(&raw, line, lang) {
            Ok((m, given, warning)) => {
                let mut filled: Vec<Column> = index
                    .iter()
                    .filter(|&(_, &i)| record.get(i).is_some_and(|c| !c.trim().is_empty()))
                    .map(|(c, _)| *c)
                    .collect();
                // a name is one thing: given in parts or whole, all three parts are set
                if [Column::FullName, Column::Family, Column::Given]
                    .iter()
                    .any(|c| filled.contains(c))
                {
                    filled.extend([Column::Family, Column::Middle, Column::Given]);
                }
                parsed.warnings.extend(warning);
                parsed.members.push(m);
                parsed.lines.push(line);
                parsed.standing_given.push(given);
                parsed.filled.push(filled);
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    errors.extend(earlier.cloned());
    if errors.is_empty() {
        Ok(parsed)
    } else {
        Err(errors)
    }
}

type Row<'a> = dyn Fn(Column) -> Option<&'a str> + 'a;

/// One row as a member; the bool says whether the standing was given.
fn parse_row(
    raw: &Row,
    line: u64,
    lang: Lang,
) -> Result<(Member, bool, Option<String>), Vec<RowError>> {
    let cell = |c: Column| raw(c).map(clean).unwrap_or_default();
    let mut errors = Vec::new();
    let err = |col: Column, reason: String| RowError {
        line,
        column: Some(col.header()),
        reason,
    };
    let mut warning = None;
    let (family, middle, given) =
        if !cell(Column::Family).is_empty() || !cell(Column::Given).is_empty() {
            (
                cell(Column::Family),
                cell(Column::Middle),
                cell(Column::Given),
            )
        } else {
            let full = cell(Column::FullName);
            match split_full_name(&full) {
                Some((f, m, g)) => {
                    warning = Some(Msg::RosterNameSplit.fill(
                        lang,
                        &[
                            ("line", &line),
                            ("full", &full),
                            ("family", &f),
                            ("middle", &m),
                            ("given", &g),
                        ],
                    ));
                    (f, m, g)
                }
                None => {
                    errors.push(err(
                        Column::FullName,
                        Msg::RosterNameUnsplittable.fill(lang, &[("full", &full)]),
                    ));
                    (String::new(), String::new(), full)
                }
            }
        };
    let mut m = Member::new(&family, &middle, &given);
    let mut date = |col: Column| -> Option<NaiveDate> {
        let v = cell(col);
        if v.is_empty() {
            return None;
        }
        let d = parse_date(&v);
        if d.is_none() {
            errors.push(err(col, Msg::RosterBadDate.fill(lang, &[("value", &v)])));
        }
        d
    };
    m.birth_date = date(Column::Birth);
    m.admission_date = date(Column::Admission);
    m.official_date = date(Column::Official);
    m.gender = match fold(&cell(Column::Gender)).as_str() {
        "" => None,
        "nam" | "male" | "m" => Some(Gender::Male),
        "nu" | "female" | "f" => Some(Gender::Female),
        other => {
            errors.push(err(
                Column::Gender,
                Msg::RosterBadGender.fill(lang, &[("value", &other)]),
            ));
            None
        }
    };
    m.committee_role = match fold(&cell(Column::Role)).as_str() {
        "" | "khong" | "none" => CommitteeRole::None,
        "bi thu" | "secretary" => CommitteeRole::Secretary,
        "pho bi thu" | "deputy" | "deputy secretary" => CommitteeRole::Deputy,
        "chi uy vien" | "uy vien" | "committee member" => CommitteeRole::Member,
        _ => {
            errors.push(err(
                Column::Role,
                Msg::RosterBadRole.fill(lang, &[("value", &cell(Column::Role))]),
            ));
            CommitteeRole::None
        }
    };
    let status = cell(Column::Status);
    let mut standing_given = false;
    match parse_status(&status) {
        Some((standing, activity)) => {
            standing_given = standing.is_some();
            m.standing = standing.unwrap_or(standing_by_date(m.official_date));
            m.activity = activity;
        }
        None => errors.push(err(
            Column::Status,
            Msg::RosterBadStatus.fill(lang, &[("value", &status)]),
        )),
    }
    m.card_number = cell(Column::Card);
    if m.card_number.len() < CARD_DIGITS
        && !m.card_number.is_empty()
        && m.card_number.bytes().all(|b| b.is_ascii_digit())
    {
        let fixed = format!("{:0>width$}", m.card_number, width = CARD_DIGITS);
        errors.push(err(
            Column::Card,
            Msg::RosterCardLostZero.fill(
                lang,
                &[
                    ("value", &m.card_number),
                    ("n", &m.card_number.len()),
                    ("digits", &CARD_DIGITS),
                    ("fixed", &fixed),
                ],
            ),
        ));
    }
    m.phone = cell(Column::Phone);
    if lost_leading_zero(&m.phone) {
        errors.push(err(
            Column::Phone,
            Msg::RosterPhoneLostZero.fill(
                lang,
                &[("value", &m.phone), ("fixed", &format!("0{}", m.phone))],
            ),
        ));
    }
    m.residence = cell(Column::Residence);
    m.notes = cell(Column::Notes);
    m.workplace = cell(Column::Workplace);
    if let Some(h) = raw(Column::History) {
        match parse_history(h) {
            Ok(history) => m.history = history,
            Err(bad) => errors.push(err(
                Column::History,
                Msg::RosterBadHistory.fill(lang, &[("value", &bad)]),
            )),
        }
        if let Some(long) = m
            .history
            .iter()
            .find(|h| h.reason.chars().count() > MAX_CELL_CHARS)
        {
            let n = long.reason.chars().count();
            errors.push(err(
                Column::History,
                Msg::RosterCellTooLong.fill(lang, &[("n", &n), ("max", &MAX_CELL_CHARS)]),
            ));
        }
    }
    if errors.is_empty()
        && let Err(e) = m.validate()
    {
        errors.push(err(validation_column(e), member_error(e).get(lang).into()));
    }
    if errors.is_empty() {
        Ok((m, standing_given, warning))
    } else {
        Err(errors)
    }
}

fn validation_column(e: MemberError) -> Column {
    match e {
        MemberError::MissingFamilyName => Column::Family,
        MemberError::MissingGivenName => Column::Given,
        MemberError::OfficialBeforeAdmission | MemberError::ProbationaryWithOfficialDate => {
            Column::Official
        }
        MemberError::AdmissionBeforeBirth => Column::Admission,
    }
}

fn standing_by_date(official: Option<NaiveDate>) -> Standing {
    if official.is_some() {
        Standing::Official
    } else {
        Standing::Probationary
    }
}

/// A Vietnamese number written as a spreadsheet number: 9 or 10 digits where the
/// first would be 0 (mobile 09x…, landline 02x…).
fn lost_leading_zero(phone: &str) -> bool {
    phone.bytes().all(|b| b.is_ascii_digit())
        && matches!(phone.len(), 9 | 10)
        && !phone.starts_with('0')
}

/// The key members are matched by without a card number.
fn name_key(m: &Member) -> Option<(String, NaiveDate)> {
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
    let (ra, rb) = (super::members::row(a), super::members::row(b));
    super::members::EXPORT
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
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        read(text.as_bytes(), &ReadOptions::default())
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn semicolons_crlf_bom_nfd_and_iso_dates() {
        let text = "\u{feff}ho;ten_dem;ten;ngay_sinh;trang_thai\r\nNguye\u{0302}\u{0303}n;Văn;Hùng;1958-03-12;chính thức\r\n";
        let p = parse(text.as_bytes(), &[]).unwrap();
        assert_eq!(p.members[0].family_name, "Nguyễn");
        assert_eq!(
            p.members[0].birth_date,
            NaiveDate::from_ymd_opt(1958, 3, 12)
        );
    }

    #[test]
    fn full_name_only_is_split_with_a_warning() {
        let p = parse(
            "ho_ten,ngay_sinh\nTôn Nữ Minh Châu,29/09/1986\n".as_bytes(),
            &[],
        )
        .unwrap();
        let m = &p.members[0];
        assert_eq!(
            (
                m.family_name.as_str(),
                m.middle_name.as_str(),
                m.given_name.as_str()
            ),
            ("Tôn", "Nữ Minh", "Châu")
        );
        assert_eq!(p.warnings.len(), 1);
    }

    #[test]
    fn every_bad_row_is_listed_with_line_and_column() {
        assert_eq!(
            errors(
                "ho,ten,ngay_sinh,gioi_tinh\nLê,Tuấn,31/02/1980,Nam\nTrần,Mai,01/01/1970,X\nPhạm,Hà,01/01/1965,Nữ\n"
            ),
            [
                "dòng 2, cột ngay_sinh: ngày \"31/02/1980\" không hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd)",
                "dòng 3, cột gioi_tinh: giới tính \"x\" không rõ (Nam/Nữ)",
            ]
        );
    }

    #[test]
    fn lines_count_quoted_line_breaks_and_crlf() {
        let text =
            "ho,ten,noi_cu_tru\r\nLê,An,\"12 Lê Lợi\r\ntổ 5\"\r\nTrần,Bình,x\r\n\r\nPhạm,,y\r\n";
        assert_eq!(errors(text), ["dòng 6, cột ten: thiếu tên"]);
    }

    #[test]
    fn a_nul_byte_an_unclosed_quote_and_a_long_cell_are_named() {
        assert_eq!(
            errors("ho,ten\nLê,An\nTrần,B\0nh\n"),
            ["dòng 3: có ký tự NUL (byte 0): tệp hỏng hoặc không phải văn bản CSV"]
        );
        assert_eq!(
            errors("ho,ten,ghi_chu\nLê,An,\"chưa đóng\nTrần,Bình,x\n"),
            ["dòng 2: dấu ngoặc kép mở ở dòng này không được đóng"]
        );
        let long = format!("ho,ten,ghi_chu\nLê,An,{}\n", "x".repeat(201));
        assert_eq!(
            errors(&long),
            ["dòng 2, cột ghi_chu: ô dài 201 ký tự, quá 200 ký tự"]
        );
        // a quote inside an unquoted cell is the cell's own
        assert!(
            read(
                "ho,ten\nLê,An \"Hai\"\n".as_bytes(),
                &ReadOptions::default()
            )
            .is_ok()
        );
    }

    #[test]
    fn utf16_is_named_as_utf16() {
        let le: Vec<u8> = "\u{feff}ho,ten\nLê,An\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "ho,ten\nLe,An\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        for (bytes, order) in [(le, "UTF-16 LE"), (be, "UTF-16 BE")] {
            let e = read(&bytes, &ReadOptions::default()).unwrap_err();
            assert!(
                e[0].reason.contains(order) && e[0].reason.contains("CSV UTF-8"),
                "{e:?}"
            );
        }
    }

    #[test]
    fn numbers_that_lost_their_leading_zeros_are_reported() {
        assert_eq!(
            errors("ho,ten,so_the,dien_thoai\nLê,An,1024587,957138566\n"),
            [
                "dòng 2, cột so_the: số thẻ \"1024587\" chỉ có 7 chữ số, số thẻ đảng viên có 8 (bảng tính đã bỏ số 0 ở đầu?) — hãy ghi 01024587",
                "dòng 2, cột dien_thoai: số điện thoại \"957138566\" mất số 0 ở đầu (bảng tính coi là số?) — hãy ghi 0957138566",
            ]
        );
        assert!(
            read(
                "ho,ten,so_the,dien_thoai\nLê,An,01024587,+84957138566\n".as_bytes(),
                &ReadOptions::default()
            )
            .is_ok()
        );
    }

    fn roster() -> Vec<Member> {
        let text = "ho,ten,ngay_sinh,so_the,dien_thoai,trang_thai\nLê,An,01/01/1960,01000001,0901000001,chính thức\nTrần,Bình,02/02/1970,,0902000002,chính thức\n";
        let mut list = parse(text.as_bytes(), &[]).unwrap().members;
        for (i, m) in list.iter_mut().enumerate() {
            m.id = MemberId(i as u64 + 1);
        }
        list
    }

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
