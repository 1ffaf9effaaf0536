//! Money as the forms write it: an amount in fen (分), read from a YAML number or string with
//! at most two decimals, shown with two decimals; why a text is not an amount.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use spotcheck_core::messages::Arg;

/// An amount of money in fen (分), read from a YAML number or string with at most two decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Money(pub i64);

impl Money {
    pub fn fen(self) -> i64 {
        self.0
    }

    /// Parses `185`, `185.5`, `185.00`; refuses a third decimal, signs other than a leading
    /// minus, and anything that is not a plain decimal number.
    pub fn parse(s: &str) -> Result<Money, MoneyError> {
        let s = s.trim();
        let err = |kind| MoneyError {
            kind,
            value: s.to_string(),
        };
        let (neg, digits) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (int, frac) = match digits.split_once('.') {
            Some((i, f)) => (i, f),
            None => (digits, ""),
        };
        let valid = !int.is_empty()
            && int.bytes().all(|b| b.is_ascii_digit())
            && frac.bytes().all(|b| b.is_ascii_digit());
        if !valid {
            return Err(err(MoneyErrorKind::NotNumber));
        }
        if frac.len() > 2 {
            return Err(err(MoneyErrorKind::Decimals));
        }
        let yuan: i64 = int.parse().map_err(|_| err(MoneyErrorKind::TooLarge))?;
        let mut fen_part = frac.to_string();
        while fen_part.len() < 2 {
            fen_part.push('0');
        }
        let fen: i64 = fen_part.parse().unwrap_or(0);
        let total = yuan
            .checked_mul(100)
            .and_then(|v| v.checked_add(fen))
            .ok_or_else(|| err(MoneyErrorKind::TooLarge))?;
        Ok(Money(if neg { -total } else { total }))
    }

    pub fn checked_mul(self, n: u32) -> Option<Money> {
        self.0.checked_mul(i64::from(n)).map(Money)
    }
}

/// Why a text is not an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyErrorKind {
    NotNumber,
    Decimals,
    TooLarge,
    Infinite,
}

/// A text that is not an amount, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoneyError {
    pub kind: MoneyErrorKind,
    pub value: String,
}

/// Marks a money error in serde's error text, so that the YAML reader can tell it apart.
const MONEY_ERROR_TAG: &str = "spotcheck-money-error";

impl MoneyError {
    pub fn message(&self) -> spotcheck_core::messages::Message {
        use spotcheck_core::msg;
        match self.kind {
            MoneyErrorKind::NotNumber => msg!(MoneyNotNumber, value = &self.value),
            MoneyErrorKind::Decimals => msg!(MoneyDecimals, value = &self.value),
            MoneyErrorKind::TooLarge => msg!(MoneyTooLarge, value = &self.value),
            MoneyErrorKind::Infinite => msg!(MoneyInfinite),
        }
    }

    /// The error as serde carries it: a tag, the kind and the value.
    fn to_serde(&self) -> String {
        format!("{MONEY_ERROR_TAG}:{:?}:{}", self.kind, self.value)
    }

    /// The error back from serde's text, when it is one.
    pub(crate) fn from_serde(raw: &str) -> Option<MoneyError> {
        let rest = raw.strip_prefix(MONEY_ERROR_TAG)?.strip_prefix(':')?;
        let (kind, value) = rest.split_once(':')?;
        let kind = [
            MoneyErrorKind::NotNumber,
            MoneyErrorKind::Decimals,
            MoneyErrorKind::TooLarge,
            MoneyErrorKind::Infinite,
        ]
        .into_iter()
        .find(|k| format!("{k:?}") == kind)?;
        Some(MoneyError {
            kind,
            value: value.to_string(),
        })
    }
}

/// In Chinese.
impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message())
    }
}

impl std::error::Error for MoneyError {}

impl fmt::Display for Money {
    /// `1234.50`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Money;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an amount in yuan with at most two decimals, e.g. 185.00")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Money, E> {
                Money::parse(&v.to_string()).map_err(|e| E::custom(e.to_serde()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Money, E> {
                Money::parse(&v.to_string()).map_err(|e| E::custom(e.to_serde()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Money, E> {
                // YAML floats arrive as f64: go through the shortest decimal text, which is
                // what the clerk typed (185.5 -> "185.5").
                if !v.is_finite() {
                    let e = MoneyError {
                        kind: MoneyErrorKind::Infinite,
                        value: v.to_string(),
                    };
                    return Err(E::custom(e.to_serde()));
                }
                Money::parse(&format!("{v}")).map_err(|e| E::custom(e.to_serde()))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Money, E> {
                Money::parse(v).map_err(|e| E::custom(e.to_serde()))
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Money {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Money".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "金额（元），最多两位小数，如 185.00",
            "anyOf": [
                { "type": "number", "multipleOf": 0.01 },
                { "type": "string", "pattern": "^-?[0-9]+(\\.[0-9]{1,2})?$" }
            ]
        })
    }
}

impl From<Money> for Arg {
    fn from(m: Money) -> Arg {
        Arg::Text(m.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::Money;

    #[test]
    fn money_parses_two_decimals_and_refuses_three() {
        assert_eq!(Money::parse("185").unwrap().fen(), 18500);
        assert_eq!(Money::parse("185.5").unwrap().fen(), 18550);
        assert_eq!(Money::parse("0.05").unwrap().fen(), 5);
        assert_eq!(Money::parse("-1.20").unwrap().fen(), -120);
        assert!(Money::parse("1.005").is_err());
        assert!(Money::parse("1e3").is_err());
        assert!(Money::parse("").is_err());
        assert_eq!(Money(123450).to_string(), "1234.50");
    }
}
