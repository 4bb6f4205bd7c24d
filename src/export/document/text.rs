//! A document as Markdown and as plain text laid out for a 78-column page: the party
//! header and the tables lined up by display width.

use unicode_width::UnicodeWidthStr;

use super::{
    Align, Block, Document, Paragraph, PartyHeader, SignatureColumn, Span, Table, Value, party,
};

impl Document {
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
    use chrono::NaiveDate;

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
