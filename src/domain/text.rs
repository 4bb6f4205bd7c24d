//! Text rules of the branch's data: NFC storage, diacritic-free search, Vietnamese order.

use std::cmp::Ordering;
use std::sync::OnceLock;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Normalizes text to NFC, the one form stored and compared.
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// Normalizes and trims a field typed or imported by the user, folding inner runs of
/// whitespace to one space and dropping control characters (a pasted escape sequence
/// must never reach the data or the screen).
pub fn clean(s: &str) -> String {
    let visible: String = s.chars().filter(|c| c.is_whitespace() || !c.is_control()).collect();
    let mut out = String::with_capacity(s.len());
    for word in visible.split(char::is_whitespace) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    nfc(&out)
}

/// Folds text for search: lower case, no diacritics, đ → d.
/// "Đoàn" and "Doãn" both fold to "doan"; "Thủy" and "Thuỷ" to "thuy".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Whether every word of `query` (already folded or not) occurs in `haystack_folded`.
pub fn matches(haystack_folded: &str, query: &str) -> bool {
    let q = fold(query);
    q.split_whitespace().all(|w| haystack_folded.contains(w))
}

fn collator() -> &'static CollatorBorrowed<'static> {
    static COLLATOR: OnceLock<CollatorBorrowed<'static>> = OnceLock::new();
    COLLATOR.get_or_init(|| {
        let locale = icu_locale_core::locale!("vi");
        // The compiled data always has the Vietnamese tailoring; failing here means a
        // broken build, not bad input, so the fall back is the root collation.
        Collator::try_new(locale.into(), CollatorOptions::default())
            .or_else(|_| Collator::try_new(Default::default(), CollatorOptions::default()))
            .expect("root collation data is compiled in")
    })
}

/// Compares two strings in Vietnamese order (a < ă < â, d < đ, tones secondary).
pub fn compare(a: &str, b: &str) -> Ordering {
    collator().compare(a, b)
}

/// A byte key whose plain order is Vietnamese order: computed once per record so that
/// sorting a long roster compares bytes, not strings.
pub fn sort_key(s: &str) -> Vec<u8> {
    let mut key = Vec::with_capacity(s.len() * 2 + 8);
    let Ok(()) = collator().write_sort_key_to(s, &mut key);
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_diacritics_and_case() {
        assert_eq!(fold("Đoàn"), "doan");
        assert_eq!(fold("Doãn"), "doan");
        assert_eq!(fold("Thủy"), "thuy");
        assert_eq!(fold("Thuỷ"), "thuy");
        assert_eq!(fold("NGUYỄN Thị Ánh"), "nguyen thi anh");
    }

    #[test]
    fn nfd_input_becomes_nfc() {
        let nfd = "Nguye\u{0302}\u{0303}n";
        assert_eq!(nfc(nfd), "Nguyễn");
        assert_eq!(clean("  Trần \t Thị\u{1b}[31m  Mai "), "Trần Thị[31m Mai");
    }

    #[test]
    fn vietnamese_letter_order() {
        let mut words = vec![
            "Đức", "Dũng", "Anh", "Ân", "Ăn", "Zen", "Ơn", "Ô", "Oanh", "Ưng", "Uyên",
        ];
        words.sort_by(|a, b| compare(a, b));
        assert_eq!(
            words,
            vec![
                "Anh", "Ăn", "Ân", "Dũng", "Đức", "Oanh", "Ô", "Ơn", "Uyên", "Ưng", "Zen"
            ]
        );
    }

    #[test]
    fn tones_are_secondary_in_their_order() {
        // ngang < huyền < hỏi < ngã < sắc < nặng
        let mut words = vec!["mạ", "má", "mã", "mả", "mà", "ma"];
        words.sort_by(|a, b| compare(a, b));
        assert_eq!(words, vec!["ma", "mà", "mả", "mã", "má", "mạ"]);
        // a tone never outweighs a letter
        assert_eq!(compare("mạ", "mb"), Ordering::Less);
    }

    #[test]
    fn sort_keys_agree_with_compare() {
        let words = ["Đoàn", "Doãn", "Dương", "Zô", "Thủy", "Thuỷ", "Thuý", "Hà", "Hạ"];
        for a in words {
            for b in words {
                assert_eq!(sort_key(a).cmp(&sort_key(b)), compare(a, b), "{a} vs {b}");
            }
        }
    }
}
