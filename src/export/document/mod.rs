//! The one document model every biên bản, resolution and report is built from, so the
//! three forms of a document never disagree: Markdown and plain text (`text.rs`) and
//! Word (`docx.rs`, PDF through LibreOffice).

mod text;

use chrono::NaiveDate;

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
}
