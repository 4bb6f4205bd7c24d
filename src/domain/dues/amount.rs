//! Amounts in đồng as a Vietnamese reads and writes them: "85.000".

/// An amount in đồng as written in Vietnamese: "85.000".
pub fn format_amount(amount: i64) -> String {
    let digits = amount.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    if amount < 0 {
        out.insert(0, '-');
    }
    out
}

/// An amount typed in đồng: digits, grouped by dots, commas or spaces ("85.000"), with
/// an optional "đ" after; a sign when `signed`.
pub fn parse_amount(text: &str, signed: bool) -> Option<i64> {
    let t = text.trim().trim_end_matches(['đ', 'd']).trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(rest) if signed => (true, rest),
        _ => (false, t.strip_prefix('+').filter(|_| signed).unwrap_or(t)),
    };
    let digits: String = t
        .chars()
        .filter(|c| !matches!(c, '.' | ',' | ' '))
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) || digits.len() > 15 {
        return None;
    }
    let n: i64 = digits.parse().ok()?;
    Some(if neg { -n } else { n })
}

#[cfg(test)]
mod tests {
    use super::super::Month;
    use super::super::testing::mo;
    use super::*;

    #[test]
    fn amounts_are_written_and_read_with_dots() {
        assert_eq!(format_amount(85_000), "85.000");
        assert_eq!(format_amount(1_234_567), "1.234.567");
        assert_eq!(format_amount(500), "500");
        assert_eq!(format_amount(-30_000), "-30.000");
        assert_eq!(parse_amount("85.000", false), Some(85_000));
        assert_eq!(parse_amount(" 85,000 đ", false), Some(85_000));
        assert_eq!(parse_amount("-30.000", true), Some(-30_000));
        for bad in ["", "-5", "abc", "5k", "1.2e5"] {
            assert_eq!(parse_amount(bad, false), None, "{bad}");
        }
        assert_eq!(Month::parse_loose("12/2026"), Some(mo(2026, 12)));
        assert_eq!(Month::parse_loose("3/2026"), Some(mo(2026, 3)));
        assert_eq!(Month::parse_loose("2026-03"), Some(mo(2026, 3)));
        assert_eq!(Month::parse_loose("13/2026"), None);
        assert_eq!(mo(2026, 1).prev(), mo(2025, 12));
        assert_eq!(mo(2026, 3).label(), "03/2026");
    }
}
