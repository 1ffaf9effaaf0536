//! Full-width characters (全角), as a Chinese input method types them: the full-width forms of
//! ASCII (U+FF01–U+FF5E: `２`, `Ａ`, `：`, `－` …) and the ideographic space U+3000.
//!
//! In Chinese prose they belong (`（`, `，`, `：`), but in a date, a number, a code, a phone
//! number or after a field name they make the value unreadable. The reader and the checks use
//! these helpers to name the characters and give the half-width (半角) correction.

/// Whether `c` is a full-width form of an ASCII character, or the ideographic space.
pub(crate) fn is_full_width(c: char) -> bool {
    matches!(c, '\u{FF01}'..='\u{FF5E}' | '\u{3000}')
}

/// The half-width character of a full-width one; any other character unchanged.
pub(crate) fn half_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        _ => c,
    }
}

/// `s` with every full-width character made half-width.
pub fn to_half_width(s: &str) -> String {
    s.chars().map(half_width).collect()
}

/// Whether `s` holds any full-width character.
pub(crate) fn has_full_width(s: &str) -> bool {
    s.chars().any(is_full_width)
}

/// At most this many characters are named in a message; `…` stands for the rest.
const NAMED: usize = 6;

/// The distinct full-width characters of `s`, in order of appearance, each written for a
/// message: `“２”`; the ideographic space, which cannot be seen, as `U+3000`. Beyond six, `…`
/// stands for the others.
pub(crate) fn full_width_chars(s: &str) -> Vec<String> {
    let mut seen: Vec<char> = Vec::new();
    for c in s.chars().filter(|&c| is_full_width(c)) {
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    let more = seen.len() > NAMED;
    let mut named: Vec<String> = seen
        .into_iter()
        .take(NAMED)
        .map(|c| {
            if c == '\u{3000}' {
                "U+3000".to_string()
            } else {
                format!("“{c}”")
            }
        })
        .collect();
    if more {
        named.push("…".to_string());
    }
    named
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_forms_become_ascii() {
        assert_eq!(to_half_width("２０２３-０４-０４"), "2023-04-04");
        assert_eq!(
            to_half_width("９１１４０５０２３１８４５０２７１Ｘ"),
            "91140502318450271X"
        );
        assert_eq!(to_half_width("０３５６－６２１３４７８"), "0356-6213478");
        assert_eq!(to_half_width("place："), "place:");
        assert_eq!(to_half_width("ａ\u{3000}ｚ～！"), "a z~!");
        // The ends of the block, and what lies outside it, stay as they are.
        assert_eq!(half_width('\u{FF01}'), '!');
        assert_eq!(half_width('\u{FF5E}'), '~');
        assert_eq!(half_width('\u{FF5F}'), '\u{FF5F}');
        assert_eq!(half_width('\u{FF00}'), '\u{FF00}');
        assert_eq!(to_half_width("受检单位、（）"), "受检单位、()");
        assert!(!has_full_width("受检单位成品库 2023-04-04"));
        assert!(has_full_width("2023-04-04\u{3000}"));
    }

    #[test]
    fn the_characters_are_named_once_each() {
        assert_eq!(
            full_width_chars("２０２３-０４"),
            vec!["“２”", "“０”", "“３”", "“４”"]
        );
        assert_eq!(full_width_chars("a\u{3000}b\u{3000}"), vec!["U+3000"]);
        assert!(full_width_chars("abc").is_empty());
        assert_eq!(
            full_width_chars("０３５６－６２１３４７８"),
            vec!["“０”", "“３”", "“５”", "“６”", "“－”", "“２”", "…"]
        );
    }
}
