//! How values are written on the paper: dates as `2023年3月2日`, money in figures and in
//! Chinese capitals (大写).

use chrono::NaiveDate;

use spotcheck_input::money::Money;

pub use spotcheck_core::messages::date_cn;

/// `A、B`: names joined as in Chinese prose.
pub(crate) fn join_cn<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| s.as_ref())
        .collect::<Vec<_>>()
        .join("、")
}

/// Like [`date_cn`] for an optional date; empty when absent.
pub(crate) fn opt_date_cn(d: Option<NaiveDate>) -> String {
    d.map(date_cn).unwrap_or_default()
}

const DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS: [&str; 4] = ["", "拾", "佰", "仟"];
const BIG_UNITS: [&str; 4] = ["", "万", "亿", "万亿"];

/// The amount in Chinese financial capitals, as written on receipts: 壹佰捌拾伍元整,
/// 壹仟零伍元伍角, 零元整, 叁角伍分.
pub fn money_upper(m: Money) -> String {
    let fen_total = m.fen();
    let neg = fen_total < 0;
    let fen_total = fen_total.unsigned_abs();
    let yuan = fen_total / 100;
    let jiao = (fen_total / 10) % 10;
    let fen = fen_total % 10;

    let mut out = String::new();
    if neg {
        out.push('负');
    }
    if yuan > 0 {
        out.push_str(&integer_upper(yuan));
        out.push('元');
    }
    if jiao == 0 && fen == 0 {
        if yuan == 0 {
            out.push_str("零元");
        }
        out.push('整');
        return out;
    }
    if jiao > 0 {
        out.push(DIGITS[jiao as usize]);
        out.push('角');
    } else if yuan > 0 {
        out.push('零');
    }
    if fen > 0 {
        out.push(DIGITS[fen as usize]);
        out.push('分');
    } else {
        out.push('整');
    }
    out
}

/// A positive integer in capitals, with the zeros read as a cashier reads them
/// (1005 → 壹仟零伍, 100000 → 壹拾万, 10010000 → 壹仟零壹万).
fn integer_upper(n: u64) -> String {
    // Groups of four digits, most significant first.
    let mut groups = Vec::new();
    let mut rest = n;
    while rest > 0 {
        groups.push((rest % 10_000) as usize);
        rest /= 10_000;
    }
    let mut out = String::new();
    let mut pending_zero = false;
    for (gi, &g) in groups.iter().enumerate().rev() {
        if g == 0 {
            pending_zero = !out.is_empty();
            continue;
        }
        if !out.is_empty() && g < 1000 {
            pending_zero = true;
        }
        let digits = [g / 1000, (g / 100) % 10, (g / 10) % 10, g % 10];
        let mut started = false;
        for (i, &d) in digits.iter().enumerate() {
            if d == 0 {
                if started {
                    pending_zero = true;
                }
                continue;
            }
            if pending_zero && (started || !out.is_empty()) {
                out.push('零');
            }
            pending_zero = false;
            started = true;
            out.push(DIGITS[d]);
            out.push_str(SMALL_UNITS[3 - i]);
        }
        out.push_str(BIG_UNITS[gi.min(BIG_UNITS.len() - 1)]);
        // Zeros at the end of a group are not read; the next group reads its own leading zeros.
        pending_zero = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn up(s: &str) -> String {
        money_upper(Money::parse(s).unwrap())
    }

    #[test]
    fn capitals_read_like_a_receipt() {
        assert_eq!(up("185"), "壹佰捌拾伍元整");
        assert_eq!(up("370.00"), "叁佰柒拾元整");
        assert_eq!(up("1005.50"), "壹仟零伍元伍角整");
        assert_eq!(up("1005.05"), "壹仟零伍元零伍分");
        assert_eq!(up("0"), "零元整");
        assert_eq!(up("0.35"), "叁角伍分");
        assert_eq!(up("10"), "壹拾元整");
        assert_eq!(up("100000"), "壹拾万元整");
        assert_eq!(up("10010000"), "壹仟零壹万元整");
        assert_eq!(up("120000"), "壹拾贰万元整");
        assert_eq!(up("1200.4"), "壹仟贰佰元肆角整");
        assert_eq!(up("100200"), "壹拾万零贰佰元整");
        assert_eq!(up("101000"), "壹拾万壹仟元整");
        assert_eq!(up("100000000"), "壹亿元整");
    }

    #[test]
    fn dates_are_written_the_chinese_way() {
        let d = NaiveDate::from_ymd_opt(2023, 3, 2).unwrap();
        assert_eq!(date_cn(d), "2023年3月2日");
    }
}
