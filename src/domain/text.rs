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
    let visible: String = s
        .chars()
        .filter(|c| c.is_whitespace() || !c.is_control())
        .collect();
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

/// Folds text for search: lower case, no diacritics, đ (and Ð typed for it) → d.
/// "Đoàn" and "Doãn" both fold to "doan"; "Thủy" and "Thuỷ" to "thuy".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            // Ð (U+00D0, Icelandic eth) is typed for Đ on some keyboards
            'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
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

/// The five tone marks, as combining characters: huyền, sắc, ngã, hỏi, nặng.
const TONES: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];

fn is_vowel(c: char) -> bool {
    matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// One placement of the tone mark per syllable, for collation: the old and new
/// placements ("Hòa"/"Hoà", "Thủy"/"Thuỷ", "Thúy"/"Thuý") become the same text, with the
/// tone on the syllable's last vowel; `Ð` typed for `Đ` becomes `Đ`.
pub fn normalize_tone_placement(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut word: Vec<char> = Vec::new();
    let flush = |word: &mut Vec<char>, out: &mut String| {
        let tone = word.iter().copied().find(|c| TONES.contains(c));
        match (tone, word.iter().rposition(|c| is_vowel(*c))) {
            (Some(tone), Some(last)) => {
                // the last vowel and its own marks (breve, circumflex, horn), then the tone
                let end = word[last + 1..]
                    .iter()
                    .position(|c| !is_combining_mark(*c))
                    .map_or(word.len(), |p| last + 1 + p);
                let mut moved: Vec<char> = word
                    .iter()
                    .copied()
                    .filter(|c| !TONES.contains(c))
                    .collect();
                let removed_before = word[..end].iter().filter(|c| TONES.contains(c)).count();
                moved.insert(end - removed_before, tone);
                out.extend(moved);
            }
            _ => out.extend(word.iter()),
        }
        word.clear();
    };
    for c in s.nfd() {
        let c = match c {
            'Ð' => 'Đ',
            'ð' => 'đ',
            c => c,
        };
        if c.is_alphabetic() || is_combining_mark(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    nfc(&out)
}

/// Compares two strings in Vietnamese order (a < ă < â, d < đ, tones secondary, the
/// placement of the tone mark ignored).
pub fn compare(a: &str, b: &str) -> Ordering {
    collator().compare(&normalize_tone_placement(a), &normalize_tone_placement(b))
}

/// A byte key whose plain order is Vietnamese order: computed once per record so that
/// sorting a long roster compares bytes, not strings.
pub fn sort_key(s: &str) -> Vec<u8> {
    let mut key = Vec::with_capacity(s.len() * 2 + 8);
    let Ok(()) = collator().write_sort_key_to(&normalize_tone_placement(s), &mut key);
    key
}

/// The 1-based line and column (in characters) of a byte offset into a file's text.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rfind('\n')
        .map(|i| before[i + 1..].chars().count())
        .unwrap_or(before.chars().count())
        + 1;
    (line, column)
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
    fn tone_placement_does_not_change_the_order() {
        assert_eq!(
            normalize_tone_placement("Thủy"),
            normalize_tone_placement("Thuỷ")
        );
        assert_eq!(
            normalize_tone_placement("Hòa"),
            normalize_tone_placement("Hoà")
        );
        assert_eq!(
            normalize_tone_placement("Thúy"),
            normalize_tone_placement("Thuý")
        );
        assert_eq!(
            normalize_tone_placement("Khỏe"),
            normalize_tone_placement("Khoẻ")
        );
        // letters keep their own marks; words without a tone are unchanged
        assert_eq!(normalize_tone_placement("Nguyễn Thị Ước"), "Nguyễn Thị Ước");
        assert_eq!(normalize_tone_placement("Hương Giang"), "Hương Giang");
        assert_eq!(compare("Thủy", "Thuỷ"), Ordering::Equal);
        let mut words = vec![
            "Thụy", "Thuý", "Thúy", "Thũy", "Thuỷ", "Thủy", "Thùy", "Thuy",
        ];
        words.sort_by(|a, b| compare(a, b));
        // the stable sort keeps each equal pair in its input order
        assert_eq!(
            words,
            vec![
                "Thuy", "Thùy", "Thuỷ", "Thủy", "Thũy", "Thuý", "Thúy", "Thụy"
            ]
        );
        assert_eq!(compare("Hòa", "Hoà"), Ordering::Equal);
        assert_eq!(compare("Hoà", "Hoá"), Ordering::Less);
    }

    #[test]
    fn eth_folds_and_sorts_like_dj() {
        assert_eq!(fold("ÐOÀN"), "doan");
        assert_eq!(fold("Ðức"), "duc");
        assert_eq!(compare("Ðức", "Đức"), Ordering::Equal);
        assert_eq!(compare("Ðức", "Dũng"), Ordering::Greater);
    }

    #[test]
    fn sort_keys_agree_with_compare() {
        let words = [
            "Đoàn", "Doãn", "Dương", "Zô", "Thủy", "Thuỷ", "Thuý", "Hà", "Hạ",
        ];
        for a in words {
            for b in words {
                assert_eq!(sort_key(a).cmp(&sort_key(b)), compare(a, b), "{a} vs {b}");
            }
        }
    }
}
