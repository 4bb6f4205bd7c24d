//! The Word rendering of a document in the form of party documents (HD 36-HD/VPTW):
//! A4, Times New Roman 14 pt, the two-column header and signature tables without
//! borders, page numbers at the top from the second page.

use docx_rs::{
    AlignmentType, Docx, Header, LineSpacing, PageMargin, PageNum, PageOrientationType,
    Paragraph as WParagraph, Run, RunFonts, SpecialIndentType, Table as WTable, TableBorders,
    TableCell, TableCellMargins, TableLayoutType, TableRow, WidthType,
};

use super::document::{
    Align, Block, Document, Paragraph, PartyHeader, SignatureColumn, Span, Table, Value,
};

/// A4 in twentieths of a point.
const A4: (u32, u32) = (11906, 16838);
/// One millimetre in twentieths of a point.
const MM: f64 = 56.7;
const TOP_MM: f64 = 20.0;
const BOTTOM_MM: f64 = 20.0;
const LEFT_MM: f64 = 30.0;
const RIGHT_MM: f64 = 15.0;
/// Body size in half-points (14 pt).
const BODY: usize = 28;
/// The font of party documents.
pub const FONT: &str = "Times New Roman";

fn twips(mm: f64) -> i32 {
    (mm * MM).round() as i32
}

/// The width the text may take on a page `page` wide, in twentieths of a point.
fn text_width(page: u32) -> usize {
    (page as i32 - twips(LEFT_MM) - twips(RIGHT_MM)) as usize
}

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

fn run(s: &Span) -> Run {
    let mut r = Run::new().add_text(&s.text);
    if s.bold {
        r = r.bold();
    }
    if s.italic {
        r = r.italic();
    }
    if s.underline {
        r = r.underline("single");
    }
    r
}

fn alignment(a: Align) -> AlignmentType {
    match a {
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
        Align::Justify => AlignmentType::Both,
    }
}

fn spaced(p: WParagraph, before: u32, after: u32) -> WParagraph {
    p.line_spacing(LineSpacing::new().before(before).after(after))
}

/// A centred line in a header or signature cell.
fn line(text: &str, bold: bool, italic: bool, underline: bool) -> WParagraph {
    let s = Span {
        text: text.to_string(),
        bold,
        italic,
        underline,
    };
    spaced(
        WParagraph::new()
            .add_run(run(&s))
            .align(AlignmentType::Center),
        0,
        0,
    )
}

fn body(p: &Paragraph) -> WParagraph {
    let mut w = WParagraph::new().align(alignment(p.align));
    for s in &p.spans {
        w = w.add_run(run(s));
    }
    if p.align == Align::Justify {
        w = w.indent(
            None,
            Some(SpecialIndentType::FirstLine(twips(10.0))),
            None,
            None,
        );
    }
    spaced(w, 0, 120)
}

fn borderless(widths: &[usize], cells: Vec<TableCell>) -> WTable {
    let total = widths.iter().sum();
    let cells = cells
        .into_iter()
        .zip(widths)
        .map(|(c, w)| c.width(*w, WidthType::Dxa))
        .collect();
    WTable::new(vec![TableRow::new(cells)])
        .set_grid(widths.to_vec())
        .width(total, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .set_borders(TableBorders::with_empty())
}

fn header(h: &PartyHeader, width: usize) -> WTable {
    let mut left = TableCell::new()
        .add_paragraph(line(&h.upper, false, false, false))
        .add_paragraph(line(&h.issuer, true, false, false))
        .add_paragraph(line("*", false, false, false));
    if let Some(n) = &h.number {
        left = left.add_paragraph(line(n, false, false, false));
    }
    let right = TableCell::new()
        .add_paragraph(line(super::document::party(), true, false, true))
        .add_paragraph(line("", false, false, false))
        .add_paragraph(line(&h.date_line, false, true, false));
    let left_w = twips(75.0) as usize;
    borderless(&[left_w, width - left_w], vec![left, right])
}

fn signatures(cols: &[SignatureColumn], width: usize) -> WTable {
    let cells: Vec<TableCell> = cols
        .iter()
        .map(|c| match c {
            SignatureColumn::Signer { titles, hint, name } => {
                let mut cell = TableCell::new();
                for t in titles {
                    cell = cell.add_paragraph(line(t, true, false, false));
                }
                if let Some(h) = hint {
                    cell = cell.add_paragraph(line(h, false, true, false));
                }
                // room to sign
                for _ in 0..4 {
                    cell = cell.add_paragraph(line("", false, false, false));
                }
                cell.add_paragraph(line(name, true, false, false))
            }
            SignatureColumn::Recipients { label, lines } => {
                let mut cell = TableCell::new().add_paragraph(spaced(
                    WParagraph::new().add_run(Run::new().add_text(label).bold().italic().size(24)),
                    0,
                    0,
                ));
                for l in lines {
                    cell = cell.add_paragraph(spaced(
                        WParagraph::new().add_run(Run::new().add_text(l).size(22)),
                        0,
                        0,
                    ));
                }
                cell
            }
            SignatureColumn::Blank => TableCell::new().add_paragraph(WParagraph::new()),
        })
        .collect();
    let n = cells.len().max(1);
    let widths = vec![width / n; n];
    borderless(&widths, cells)
}

fn table(t: &Table, width: usize) -> WTable {
    // wide tables in a smaller size, so a year's record fits across the page
    let size = match t.header.len() {
        0..=6 => 26,
        7..=8 => 22,
        _ => 20,
    };
    let widths = column_widths(t, t.header.len().max(1), size, width);
    let cell = |text: &str, bold: bool, align: AlignmentType, width: usize| {
        let mut r = Run::new().add_text(text).size(size);
        if bold {
            r = r.bold();
        }
        TableCell::new()
            .add_paragraph(spaced(WParagraph::new().add_run(r).align(align), 0, 0))
            .width(width, WidthType::Dxa)
    };
    let mut rows = vec![TableRow::new(
        t.header
            .iter()
            .zip(&widths)
            .map(|(h, w)| cell(h, true, AlignmentType::Center, *w))
            .collect(),
    )];
    for r in &t.rows {
        rows.push(TableRow::new(
            r.iter()
                .zip(&widths)
                .map(|(v, w)| {
                    let align = match v {
                        Value::Text(_) => AlignmentType::Left,
                        // amounts line up on their last digit
                        Value::Amount(_) => AlignmentType::Right,
                        _ => AlignmentType::Center,
                    };
                    cell(&v.shown(), false, align, *w)
                })
                .collect(),
        ));
    }
    WTable::new(rows)
        .width(widths.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(
            TableCellMargins::new()
                .margin_left(PADDING, WidthType::Dxa)
                .margin_right(PADDING, WidthType::Dxa),
        )
        .set_grid(widths)
}

/// Cell padding, left and right, of data tables.
const PADDING: usize = 57;

/// Columns as wide as their longest value or header word (headers wrap), at `size`
/// half-points; the text columns take what the page has left, or all shrink together.
fn column_widths(t: &Table, n: usize, size: usize, page: usize) -> Vec<usize> {
    // an average letter of Times is about half its size wide; bold a little more
    let letter = size * 6;
    let word = |h: &str| {
        h.split_whitespace()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0)
    };
    let mut chars: Vec<usize> = t.header.iter().map(|h| word(h).max(2) + 1).collect();
    for r in &t.rows {
        for (i, v) in r.iter().enumerate() {
            if let Some(c) = chars.get_mut(i) {
                *c = (*c).max(v.shown().chars().count().min(40) + 1);
            }
        }
    }
    chars.resize(n, 3);
    let mut widths: Vec<usize> = chars.iter().map(|c| c * letter + 2 * PADDING).collect();
    let sum: usize = widths.iter().sum::<usize>().max(1);
    if sum > page {
        widths = widths.iter().map(|w| w * page / sum).collect();
    } else {
        // the room left goes to the columns of text
        let text: Vec<usize> = (0..n)
            .filter(|i| {
                t.rows
                    .iter()
                    .any(|r| matches!(r.get(*i), Some(Value::Text(_))))
            })
            .collect();
        let spare = (page - sum) / text.len().max(1);
        for i in text {
            widths[i] += spare;
        }
        if t.rows.is_empty() {
            widths = vec![page / n; n];
        }
    }
    widths
}

/// The document as the bytes of a .docx file.
pub fn render(doc: &Document) -> Vec<u8> {
    let page_number = WParagraph::new()
        .add_page_num(PageNum::new())
        .align(AlignmentType::Center);
    let (w, h) = if doc.landscape { (A4.1, A4.0) } else { A4 };
    let width = text_width(w);
    let mut d = Docx::new()
        .page_size(w, h)
        .page_margin(
            PageMargin::new()
                .top(twips(TOP_MM))
                .bottom(twips(BOTTOM_MM))
                .left(twips(LEFT_MM))
                .right(twips(RIGHT_MM))
                .header(twips(10.0))
                .footer(twips(10.0)),
        )
        .default_fonts(fonts())
        .default_size(BODY)
        .page_orient(if doc.landscape {
            PageOrientationType::Landscape
        } else {
            PageOrientationType::Portrait
        })
        .header(Header::new().add_paragraph(page_number))
        // no number on the first page
        .first_header(Header::new().add_paragraph(WParagraph::new()));
    for b in &doc.blocks {
        match b {
            Block::Header(h) => d = d.add_table(header(h, width)),
            Block::Title { main, sub } => {
                d = d.add_paragraph(spaced(
                    WParagraph::new()
                        .add_run(Run::new().add_text(main).bold())
                        .align(AlignmentType::Center),
                    360,
                    if sub.is_some() { 0 } else { 240 },
                ));
                if let Some(s) = sub {
                    d = d.add_paragraph(spaced(
                        WParagraph::new()
                            .add_run(Run::new().add_text(s).bold())
                            .align(AlignmentType::Center),
                        0,
                        240,
                    ));
                }
            }
            Block::Heading(t) => {
                d = d.add_paragraph(spaced(
                    WParagraph::new()
                        .add_run(Run::new().add_text(t).bold())
                        .align(AlignmentType::Left)
                        .keep_next(true),
                    120,
                    120,
                ));
            }
            Block::Paragraph(p) => d = d.add_paragraph(body(p)),
            Block::List(items) => {
                for i in items {
                    let mut p = WParagraph::new().add_run(Run::new().add_text("- "));
                    for s in &i.text.spans {
                        p = p.add_run(run(s));
                    }
                    d = d.add_paragraph(spaced(p.align(AlignmentType::Both), 0, 60));
                    if let Some(detail) = &i.detail {
                        d = d.add_paragraph(spaced(
                            WParagraph::new()
                                .add_run(Run::new().add_text(detail).italic())
                                .indent(Some(twips(10.0)), None, None, None),
                            0,
                            60,
                        ));
                    }
                }
            }
            Block::Table(t) => d = d.add_table(table(t, width)),
            Block::Signatures(cols) => d = d.add_table(signatures(cols, width)),
        }
        // Word joins two tables that touch: a paragraph after each keeps them apart
        if matches!(b, Block::Header(_) | Block::Table(_) | Block::Signatures(_)) {
            d = d.add_paragraph(spaced(WParagraph::new(), 0, 0));
        }
    }
    let mut buf = std::io::Cursor::new(Vec::new());
    // writing into memory cannot fail for want of room
    let _ = d.build().pack(&mut buf);
    buf.into_inner()
}
