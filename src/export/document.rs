//! The one document model every biên bản, resolution and report is built from, and
//! its Markdown and plain-text renderings (the Word rendering is in `docx.rs`), so the
//! three forms of a document never disagree.

use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

use crate::domain::branch::Branch;
use crate::domain::calendar::{format_date, long_date};
use crate::i18n::{Lang, Msg};

/// The language of the documents the branch files and sends: party documents are
/// written in Vietnamese whatever the interface language; their words are in the
/// i18n table like every other string.
pub const DOC_LANG: Lang = Lang::Vi;

/// A word of the documents.
pub fn word(msg: Msg) -> &'static str {
    msg.get(DOC_LANG)
}

/// A sentence of the documents with its `{blanks}` filled in one pass, so text the
/// secretary typed that looks like a blank stays as typed.
pub fn says(msg: Msg, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let mut rest = word(msg);
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let arg = after.find('}').and_then(|close| {
            let key = &after[..close];
            args.iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| (close, v))
        });
        match arg {
            Some((close, value)) => {
                let _ = write!(out, "{value}");
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A document: blocks from top to bottom.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    pub blocks: Vec<Block>,
    /// Printed sideways (a wide table).
    pub landscape: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The two-column heading of a party document.
    Header(PartyHeader),
    /// The title, bold and centred; the second line (a resolution's subject) under it.
    Title {
        main: String,
        sub: Option<String>,
    },
    /// A section heading ("I. TÌNH HÌNH ĐẢNG VIÊN DỰ HỌP").
    Heading(String),
    Paragraph(Paragraph),
    /// Short lines read as a list, each with an optional detail line under it.
    List(Vec<ListItem>),
    Table(Table),
    /// The signatures, one column each (two on party documents).
    Signatures(Vec<SignatureColumn>),
}

/// Left: the upper body over the issuing body (bold) over `*`, and a resolution's
/// number; right: "ĐẢNG CỘNG SẢN VIỆT NAM" (bold, underlined) over the italic
/// place-and-date line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyHeader {
    pub upper: String,
    pub issuer: String,
    pub number: Option<String>,
    pub date_line: String,
}

/// "ĐẢNG CỘNG SẢN VIỆT NAM", over the place and date.
pub fn party() -> &'static str {
    word(Msg::DocParty)
}

impl PartyHeader {
    /// The header of a document the branch issues on `date` ("ngày …… tháng ……" when
    /// it has none yet).
    pub fn of(
        branch: Option<&Branch>,
        date: Option<NaiveDate>,
        number: Option<String>,
    ) -> PartyHeader {
        let place = branch
            .map(|b| b.place.as_str())
            .filter(|p| !p.is_empty())
            .unwrap_or(word(Msg::DocNoPlace));
        let date = date
            .map(long_date)
            .unwrap_or_else(|| word(Msg::DocNoDate).into());
        PartyHeader {
            upper: branch.map(|b| b.parent.to_uppercase()).unwrap_or_default(),
            issuer: branch.map(|b| b.name.to_uppercase()).unwrap_or_default(),
            number,
            date_line: says(Msg::DocPlaceDate, &[("place", &place), ("date", &date)]),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    Left,
    Center,
    Right,
    /// Body text: justified on paper, as typed in text.
    #[default]
    Justify,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Paragraph {
    pub spans: Vec<Span>,
    pub align: Align,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListItem {
    pub text: Paragraph,
    pub detail: Option<String>,
}

/// A cell's value: dates stay dates so a spreadsheet can sort and filter them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Int(i64),
    /// An amount in đồng: printed with dots ("85.000"), a number in a workbook.
    Amount(i64),
    Date(NaiveDate),
    Empty,
}

impl Value {
    pub fn text(s: impl Into<String>) -> Value {
        Value::Text(s.into())
    }

    pub fn date(d: Option<NaiveDate>) -> Value {
        d.map(Value::Date).unwrap_or(Value::Empty)
    }

    /// As printed: dates dd/mm/yyyy.
    pub fn shown(&self) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Int(n) => n.to_string(),
            Value::Amount(n) => crate::domain::dues::format_amount(*n),
            Value::Date(d) => format_date(*d),
            Value::Empty => String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// The table of a report: `columns` headed in `lang`, the cells of a row for each of
/// `items`.
pub fn table<T>(
    lang: Lang,
    columns: &[Msg],
    items: impl IntoIterator<Item = T>,
    row: impl FnMut(T) -> Vec<Value>,
) -> Table {
    Table {
        header: columns.iter().map(|m| m.get(lang).to_string()).collect(),
        rows: items.into_iter().map(row).collect(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureColumn {
    /// "THƯ KÝ" or "T/M CHI BỘ" / "BÍ THƯ", the hint under it, room to sign, the name.
    Signer {
        titles: Vec<String>,
        hint: Option<String>,
        name: String,
    },
    /// "Nơi nhận:" and where the document goes.
    Recipients {
        label: String,
        lines: Vec<String>,
    },
    Blank,
}

impl SignatureColumn {
    /// A signer: the titles in capitals, the hint under them, room to sign, the name.
    pub fn signer(titles: &[Msg], hint: Option<Msg>, name: String) -> SignatureColumn {
        SignatureColumn::Signer {
            titles: titles.iter().map(|t| word(*t).to_string()).collect(),
            hint: hint.map(|h| word(h).to_string()),
            name,
        }
    }
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            ..Span::default()
        }
    }

    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            bold: true,
            ..Span::plain(text)
        }
    }

    pub fn italic(text: impl Into<String>) -> Span {
        Span {
            italic: true,
            ..Span::plain(text)
        }
    }
}

impl Paragraph {
    pub fn plain(text: impl Into<String>) -> Paragraph {
        Paragraph {
            spans: vec![Span::plain(text)],
            align: Align::Justify,
        }
    }

    pub fn bold(text: impl Into<String>) -> Paragraph {
        Paragraph {
            spans: vec![Span::bold(text)],
            align: Align::Justify,
        }
    }

    pub fn of(spans: Vec<Span>) -> Paragraph {
        Paragraph {
            spans,
            align: Align::Justify,
        }
    }

    pub fn align(mut self, align: Align) -> Paragraph {
        self.align = align;
        self
    }

    /// The words without marks.
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

impl Block {
    /// A list of plain lines, none with a detail.
    pub fn lines(lines: impl IntoIterator<Item = String>) -> Block {
        Block::List(
            lines
                .into_iter()
                .map(|text| ListItem {
                    text: Paragraph::plain(text),
                    detail: None,
                })
                .collect(),
        )
    }
}

impl Document {
    pub fn new() -> Document {
        Document::default()
    }

    pub fn push(&mut self, b: Block) {
        self.blocks.push(b);
    }

    pub fn para(&mut self, text: impl Into<String>) {
        self.push(Block::Paragraph(Paragraph::plain(text)));
    }

    pub fn paragraph(&mut self, p: Paragraph) {
        self.push(Block::Paragraph(p));
    }

    pub fn heading(&mut self, text: impl Into<String>) {
        self.push(Block::Heading(text.into()));
    }

    /// A document the branch issues, begun the same way for the minutes and the
    /// resolutions: the two-column party header and the title (with a second line).
    pub fn issued(
        branch: Option<&Branch>,
        date: Option<NaiveDate>,
        number: Option<String>,
        title: String,
        sub: Option<String>,
    ) -> Document {
        let mut doc = Document::new();
        doc.push(Block::Header(PartyHeader::of(branch, date, number)));
        doc.push(Block::Title { main: title, sub });
        doc
    }

    /// The signatures of minutes: the meeting's secretary left, its chair right, each
    /// over "(ký, ghi rõ họ tên)".
    pub fn sign_minutes(&mut self, secretary: String, chair: String) {
        let hint = Some(Msg::DocSignHint);
        self.push(Block::Signatures(vec![
            SignatureColumn::signer(&[Msg::DocSecretary], hint, secretary),
            SignatureColumn::signer(&[Msg::DocChair], hint, chair),
        ]));
    }

    /// The signatures of a resolution: where it goes left, the branch's secretary
    /// signing for the branch right.
    pub fn sign_for_branch(&mut self, secretary: String) {
        self.push(Block::Signatures(vec![
            SignatureColumn::Recipients {
                label: word(Msg::DocRecipients).into(),
                lines: [Msg::DocToUpper, Msg::DocToMembers, Msg::DocToFile]
                    .map(|m| word(m).to_string())
                    .to_vec(),
            },
            SignatureColumn::signer(
                &[Msg::DocForBranch, Msg::DocBranchSecretary],
                None,
                secretary,
            ),
        ]));
    }

    pub fn to_markdown(&self) -> String {
        render(self, Form::Markdown)
    }

    pub fn to_text(&self) -> String {
        render(self, Form::Text)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Markdown,
    Text,
}

/// The width a plain-text document is laid out in.
const PAGE: usize = 78;

fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

fn centred(t: &str) -> String {
    format!("{}{t}", " ".repeat(PAGE.saturating_sub(width(t)) / 2))
}

fn spans_md(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| {
            let mut t = s.text.clone();
            if s.italic {
                t = format!("*{t}*");
            }
            if s.bold {
                t = format!("**{t}**");
            }
            t
        })
        .collect()
}

fn paragraph(p: &Paragraph, form: Form) -> String {
    match form {
        Form::Markdown => spans_md(&p.spans),
        Form::Text if p.align == Align::Center => centred(&p.text()),
        Form::Text => p.text(),
    }
}

fn render(doc: &Document, form: Form) -> String {
    let mut out = String::new();
    let mut after_rows = false;
    for b in &doc.blocks {
        // a block of table rows ends in a single newline: keep a blank line after it
        if after_rows {
            out.push('\n');
        }
        after_rows = false;
        match b {
            Block::Header(h) => out.push_str(&header(h, form)),
            Block::Title { main, sub } => match form {
                Form::Markdown => {
                    out.push_str(&format!("## {main}\n\n"));
                    if let Some(s) = sub {
                        out.push_str(&format!("**{s}**\n\n"));
                    }
                }
                Form::Text => {
                    out.push_str(&format!("{}\n\n", centred(main)));
                    if let Some(s) = sub {
                        out.push_str(&format!("{}\n\n", centred(s)));
                    }
                }
            },
            Block::Heading(t) => match form {
                Form::Markdown => out.push_str(&format!("### {t}\n\n")),
                Form::Text => out.push_str(&format!("{t}\n\n")),
            },
            Block::Paragraph(p) => {
                out.push_str(&paragraph(p, form));
                out.push_str("\n\n");
            }
            Block::List(items) => {
                for i in items {
                    out.push_str(&format!("- {}\n", paragraph(&i.text, form)));
                    if let Some(d) = &i.detail {
                        out.push_str(&format!("    {d}\n"));
                    }
                }
                out.push('\n');
            }
            Block::Table(t) => {
                out.push_str(&rendered_table(t, form));
                out.push('\n');
            }
            Block::Signatures(cols) => {
                out.push_str(&signatures(cols, form));
                after_rows = true;
            }
        }
    }
    out
}

fn header(h: &PartyHeader, form: Form) -> String {
    match form {
        Form::Markdown => {
            let number = h
                .number
                .as_deref()
                .map(|n| format!("<br>{n}"))
                .unwrap_or_default();
            format!(
                "| {}<br>**{}**<br>\\*{number} | **{}**<br><br>*{}* |\n|:---:|:---:|\n\n",
                h.upper,
                h.issuer,
                party(),
                h.date_line
            )
        }
        Form::Text => {
            let star = format!("{}*", " ".repeat(width(&h.issuer) / 2));
            let mut left = vec![h.upper.clone(), h.issuer.clone(), star];
            left.extend(h.number.clone());
            let right = [party().to_string(), String::new(), h.date_line.clone()];
            let mut out = String::new();
            for i in 0..left.len().max(right.len()) {
                let l = left.get(i).map(String::as_str).unwrap_or("");
                let r = right.get(i).map(String::as_str).unwrap_or("");
                let pad = 38usize.saturating_sub(width(l));
                out.push_str(format!("{l}{}{r}", " ".repeat(pad)).trim_end());
                out.push('\n');
            }
            out.push('\n');
            out
        }
    }
}

fn rendered_table(t: &Table, form: Form) -> String {
    let rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| r.iter().map(Value::shown).collect())
        .collect();
    // numbers line up on the right
    let numeric: Vec<bool> = (0..t.header.len())
        .map(|i| {
            let mut cells = t.rows.iter().filter_map(|r| r.get(i)).peekable();
            cells.peek().is_some()
                && cells.all(|v| matches!(v, Value::Int(_) | Value::Amount(_) | Value::Empty))
        })
        .collect();
    let mut out = String::new();
    match form {
        Form::Markdown => {
            out.push_str(&format!("| {} |\n", t.header.join(" | ")));
            out.push_str(&format!("|{}\n", "---|".repeat(t.header.len())));
            for r in &rows {
                out.push_str(&format!("| {} |\n", r.join(" | ")));
            }
        }
        Form::Text => {
            let mut widths: Vec<usize> = t.header.iter().map(|h| width(h)).collect();
            for r in &rows {
                for (i, c) in r.iter().enumerate() {
                    if let Some(w) = widths.get_mut(i) {
                        *w = (*w).max(width(c));
                    }
                }
            }
            let line = |cells: &[String]| {
                let mut s = String::new();
                for (i, c) in cells.iter().enumerate() {
                    let pad =
                        " ".repeat(widths.get(i).copied().unwrap_or(0).saturating_sub(width(c)));
                    if numeric.get(i).copied().unwrap_or(false) {
                        s.push_str(&format!("{pad}{c}  "));
                    } else {
                        s.push_str(&format!("{c}{pad}  "));
                    }
                }
                format!("{}\n", s.trim_end())
            };
            out.push_str(&line(&t.header));
            let total = widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1);
            out.push_str(&format!("{}\n", "-".repeat(total)));
            for r in &rows {
                out.push_str(&line(r));
            }
        }
    }
    out
}

fn signatures(cols: &[SignatureColumn], form: Form) -> String {
    let titles = |c: &SignatureColumn| match c {
        SignatureColumn::Signer { titles, .. } => titles.clone(),
        _ => Vec::new(),
    };
    let hint = |c: &SignatureColumn| match c {
        SignatureColumn::Signer { hint, .. } => hint.clone(),
        _ => None,
    };
    let has_hint = cols.iter().any(|c| hint(c).is_some());
    let mut out = String::new();
    match form {
        Form::Markdown => {
            let row = |cells: Vec<String>| {
                let mut s = String::from("|");
                for c in cells {
                    if c.is_empty() {
                        s.push_str(" |");
                    } else {
                        s.push_str(&format!(" {c} |"));
                    }
                }
                s.push('\n');
                s
            };
            out.push_str(&row(cols.iter().map(|c| titles(c).join("<br>")).collect()));
            out.push_str(&format!("|{}\n", ":---:|".repeat(cols.len())));
            if has_hint {
                out.push_str(&row(cols
                    .iter()
                    .map(|c| hint(c).map(|h| format!("*{h}*")).unwrap_or_default())
                    .collect()));
            }
            out.push_str(&row(cols
                .iter()
                .map(|c| match c {
                    SignatureColumn::Signer { name, .. } => format!("<br><br>**{name}**"),
                    SignatureColumn::Recipients { label, lines } => {
                        let mut s = format!("*{label}*");
                        for l in lines {
                            s.push_str(&format!("<br>{l}"));
                        }
                        s
                    }
                    SignatureColumn::Blank => String::new(),
                })
                .collect()));
        }
        Form::Text => {
            let col = |left: &str, right: &str| {
                let w = width(left);
                let lpad = 20usize.saturating_sub(w / 2);
                let gap = 40usize.saturating_sub(lpad + w);
                let rpad = 20usize.saturating_sub(width(right) / 2);
                let line = format!(
                    "{}{left}{}{}{right}",
                    " ".repeat(lpad),
                    " ".repeat(gap),
                    " ".repeat(rpad)
                );
                format!("{}\n", line.trim_end())
            };
            let left = cols.first();
            let right = cols.get(1);
            let get = |c: Option<&SignatureColumn>,
                       f: &dyn Fn(&SignatureColumn) -> Vec<String>,
                       i: usize| {
                c.map(f).and_then(|v| v.get(i).cloned()).unwrap_or_default()
            };
            let rows = cols.iter().map(|c| titles(c).len()).max().unwrap_or(0);
            for i in 0..rows {
                out.push_str(&col(&get(left, &titles, i), &get(right, &titles, i)));
            }
            if has_hint {
                let h = |c: Option<&SignatureColumn>| c.and_then(hint).unwrap_or_default();
                out.push_str(&col(&h(left), &h(right)));
            }
            out.push_str("\n\n");
            let name = |c: Option<&SignatureColumn>| match c {
                Some(SignatureColumn::Signer { name, .. }) => name.clone(),
                _ => String::new(),
            };
            out.push_str(&col(&name(left), &name(right)));
            for c in cols {
                if let SignatureColumn::Recipients { label, lines } = c {
                    out.push_str(&format!("\n{label}\n"));
                    for l in lines {
                        out.push_str(&format!("{l}\n"));
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_that_looks_like_a_blank_stays_as_typed() {
        let line = says(
            Msg::DocVoteResult,
            &[
                ("word", &"{for} {pct}"),
                ("for", &16),
                ("of", &25),
                ("pct", &64),
            ],
        );
        assert_eq!(line, "{for} {pct} (16/25, 64%)");
        assert_eq!(party(), "ĐẢNG CỘNG SẢN VIỆT NAM");
    }

    fn sample() -> Document {
        let mut d = Document::new();
        d.push(Block::Header(PartyHeader {
            upper: "ĐẢNG BỘ PHƯỜNG AN PHÚ".into(),
            issuer: "CHI BỘ KHU PHỐ 3".into(),
            number: None,
            date_line: "An Phú, ngày 05 tháng 12 năm 2026".into(),
        }));
        d.push(Block::Title {
            main: "BIÊN BẢN".into(),
            sub: None,
        });
        d.paragraph(Paragraph::of(vec![
            Span::italic("Đồng chí A:"),
            Span::plain(" ý kiến."),
        ]));
        d.push(Block::Table(Table {
            header: vec!["Họ và tên".into(), "Hạn".into()],
            rows: vec![vec![
                Value::text("Nguyễn Văn Hùng"),
                Value::Date(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()),
            ]],
        }));
        d
    }

    #[test]
    fn markdown_marks_what_paper_shows_in_bold_and_italic() {
        let md = sample().to_markdown();
        assert!(md.starts_with(
            "| ĐẢNG BỘ PHƯỜNG AN PHÚ<br>**CHI BỘ KHU PHỐ 3**<br>\\* | **ĐẢNG CỘNG SẢN VIỆT NAM**"
        ));
        assert!(
            md.contains("## BIÊN BẢN\n\n*Đồng chí A:* ý kiến.\n\n"),
            "{md}"
        );
        assert!(md.contains("| Nguyễn Văn Hùng | 31/12/2026 |\n"), "{md}");
    }

    #[test]
    fn text_lines_up_the_header_and_table_columns_by_display_width() {
        let txt = sample().to_text();
        let lines: Vec<&str> = txt.lines().collect();
        assert_eq!(
            lines[0],
            "ĐẢNG BỘ PHƯỜNG AN PHÚ                 ĐẢNG CỘNG SẢN VIỆT NAM"
        );
        assert_eq!(
            lines[2],
            "        *                             An Phú, ngày 05 tháng 12 năm 2026"
        );
        assert!(txt.contains("Họ và tên        Hạn\n"), "{txt}");
        assert!(txt.contains("Nguyễn Văn Hùng  31/12/2026\n"), "{txt}");
    }
}
