//! Identifiers: 统一社会信用代码 (GB 32100-2015), phone numbers, postcodes, document numbers.
//! Each check of one value is a function of its own, for the rules, `spotcheck credit-code`,
//! `new-case`, `import` and the tests.

use spotcheck_core::messages::Message;
use spotcheck_core::msg;

/// What is wrong with a document number (发文字号): the year must stand in 〔〕 (U+3014,
/// U+3015), as in 晋市市监〔2023〕3号; `None` when it is right.
pub fn document_no_problem(no: &str) -> Option<Message> {
    let no = no.trim();
    // A year in other brackets: [2023], 【2023】, (2023), （2023）, ［2023］, 〖2023〗.
    const OPEN: &[char] = &['[', '【', '(', '（', '［', '〖', '{', '｛'];
    const CLOSE: &[char] = &[']', '】', ')', '）', '］', '〗', '}', '｝'];
    let chars: Vec<char> = no.chars().collect();
    for i in 0..chars.len() {
        if OPEN.contains(&chars[i])
            && chars.len() > i + 5
            && chars[i + 1..i + 5].iter().all(char::is_ascii_digit)
            && CLOSE.contains(&chars[i + 5])
        {
            let mut fixed = chars.clone();
            fixed[i] = '〔';
            fixed[i + 5] = '〕';
            let fixed: String = fixed.into_iter().collect();
            return Some(msg!(DocumentNoBrackets, value = no, fixed = fixed));
        }
    }
    let form = no.split_once('〔').and_then(|(code, rest)| {
        let (year, tail) = rest.split_once('〕')?;
        let number = tail.strip_suffix('号')?;
        (!code.is_empty()
            && year.len() == 4
            && year.bytes().all(|b| b.is_ascii_digit())
            && !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit()))
        .then_some(())
    });
    form.is_none().then(|| msg!(DocumentNoForm, value = no))
}

const CREDIT_CHARS: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS: [usize; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// The check character (GB 32100-2015) that follows the first 17 characters of a
/// 统一社会信用代码; `None` unless `head` is 17 characters of the code's alphabet.
pub fn credit_check_char(head: &str) -> Option<char> {
    let mut sum = 0;
    for (ch, weight) in head.chars().zip(CREDIT_WEIGHTS) {
        sum += CREDIT_CHARS.find(ch)? * weight;
    }
    (head.chars().count() == 17).then(|| CREDIT_CHARS.as_bytes()[(31 - sum % 31) % 31] as char)
}

/// What is wrong with a 统一社会信用代码 (GB 32100-2015); `None` when it is valid.
pub fn credit_code_problem(code: &str) -> Option<Message> {
    // Typed with a Chinese input method on: name the full-width characters and give the
    // half-width code, and what is still wrong with it.
    if crate::width::has_full_width(code) {
        let chars = crate::width::full_width_chars(code);
        let fixed = crate::width::to_half_width(code).trim().to_string();
        return Some(match credit_code_problem(&fixed) {
            None => msg!(CreditFullWidth, chars = chars, fixed = fixed),
            Some(p) => msg!(
                CreditFullWidthThen,
                chars = chars,
                fixed = fixed,
                problem = p
            ),
        });
    }
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != 18 {
        return Some(msg!(CreditLength, len = chars.len()));
    }
    let mut sum = 0;
    for (i, &ch) in chars.iter().enumerate() {
        let Some(value) = CREDIT_CHARS.find(ch) else {
            return Some(if ch.is_ascii_lowercase() {
                msg!(CreditLowercase, pos = i + 1, ch = ch)
            } else {
                msg!(CreditChar, pos = i + 1, ch = ch)
            });
        };
        if i < 17 {
            sum += value * CREDIT_WEIGHTS[i];
        }
    }
    let expected = (31 - sum % 31) % 31;
    let expected = CREDIT_CHARS.as_bytes()[expected] as char;
    if chars[17] != expected {
        return Some(msg!(CreditCheck, expected = expected, found = chars[17]));
    }
    None
}

fn all_digits(s: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// A landline `0356-6213478` (area code of 3–4 digits starting with 0, number of 7–8 digits,
/// optional `-extension`) or an 11-digit mobile number starting with 1.
pub fn valid_phone(s: &str) -> bool {
    if all_digits(s, 11, 11) && s.starts_with('1') {
        return true;
    }
    let parts: Vec<&str> = s.split('-').collect();
    match parts.as_slice() {
        [area, number] | [area, number, _] => {
            let ext_ok = parts.get(2).is_none_or(|e| all_digits(e, 1, 6));
            area.starts_with('0') && all_digits(area, 3, 4) && all_digits(number, 7, 8) && ext_ok
        }
        _ => false,
    }
}

/// Six digits.
pub fn valid_postcode(s: &str) -> bool {
    all_digits(s, 6, 6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_codes_follow_gb_32100() {
        assert_eq!(credit_code_problem("91140502318450271X"), None);
        assert_eq!(credit_code_problem("911405254012738516"), None);
        let problem = |code: &str| credit_code_problem(code).unwrap().to_string();
        assert!(problem("91140502318450271Y").contains("校验位应为 X"));
        assert!(problem("9114050231845027").contains("18 位"));
        assert!(problem("9114050231845027IX").contains("第 17 位"));
        assert!(problem("91140502318450271x").contains("大写"));
        // A check value of 31 is written 0.
        let mut zero = None;
        for c in CREDIT_CHARS.chars() {
            let code = format!("9114050231845027{c}");
            let head: usize = code
                .chars()
                .zip(CREDIT_WEIGHTS)
                .map(|(ch, w)| CREDIT_CHARS.find(ch).unwrap() * w)
                .sum();
            if head.is_multiple_of(31) {
                zero = Some(format!("{code}0"));
                break;
            }
        }
        assert_eq!(credit_code_problem(&zero.unwrap()), None);
    }

    #[test]
    fn phones_and_postcodes() {
        for ok in [
            "0356-6213478",
            "010-12345678",
            "0356-6213478-12",
            "13903561742",
        ] {
            assert!(valid_phone(ok), "{ok}");
        }
        for bad in [
            "6213478",
            "0356 6213478",
            "356-6213478",
            "1390356174",
            "23903561742",
            "0356-621347",
            "0356-6213478-",
            "",
        ] {
            assert!(!valid_phone(bad), "{bad}");
        }
        assert!(valid_postcode("048000"));
        assert!(
            !valid_postcode("48000") && !valid_postcode("04800a") && !valid_postcode("0480001")
        );
    }
}
