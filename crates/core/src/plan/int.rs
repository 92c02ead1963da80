//! Integers as the plan writes them. A JSON number is kept as written (serde_json's
//! `arbitrary_precision`), so a number too large for its field is reported as written, "out of
//! range", never as the float serde would otherwise fall back to (`1.8446744073709552e+19`):
//! rules.md, "Settled readings", Ranges PLAN001 checks.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer};
use serde_json::{Number, Value};

use super::service::describe;

/// Reads `v` as an integer from `lo` to `hi`; the error is the message of a PLAN001 (what was
/// expected and what was there). `what` names the field's kind: "a non-negative integer".
pub(crate) fn read_int(v: &Value, lo: i64, hi: i64, what: &str) -> Result<i64, String> {
    match v {
        Value::Number(n) => read_number(n, lo, hi, what),
        _ => Err(format!("expected {what}, got {}", describe(v))),
    }
}

/// [`read_int`] of a number.
fn read_number(n: &Number, lo: i64, hi: i64, what: &str) -> Result<i64, String> {
    let out_of_range =
        |text: &str| format!("out of range: expected {what} from {lo} to {hi}, got {text}");
    match n.as_i64() {
        Some(i) if (lo..=hi).contains(&i) => Ok(i),
        Some(i) => Err(out_of_range(&i.to_string())),
        None => {
            // Past i64 either way: an integer still, if it is spelled as one (digits, maybe a
            // minus); `1.5` and `1e3` are not integers at all.
            let text = n.to_string();
            let digits = text.strip_prefix('-').unwrap_or(&text);
            if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                Err(out_of_range(&text))
            } else {
                Err(format!("expected {what}, got {text}"))
            }
        }
    }
}

/// An integer field of the plan from `lo` to `hi`, `None` when `null`. Read as a number as
/// written (not through a whole `Value`, which would bring a second copy of its reader into
/// the page); anything else is serde's type error, in the field's words.
fn field<'de, D: Deserializer<'de>>(
    d: D,
    lo: i64,
    hi: i64,
    what: &str,
) -> Result<Option<i64>, D::Error> {
    let n = Option::<Number>::deserialize(d).map_err(|e| {
        // serde's "invalid type: string \"3\", expected a JSON number", without its position
        // (the path and the position are added again on the way out).
        let text = e.to_string();
        let text = text.split(" at line ").next().unwrap_or(&text);
        D::Error::custom(text.replace("a JSON number", what))
    })?;
    n.map(|n| read_number(&n, lo, hi, what).map_err(D::Error::custom))
        .transpose()
}

/// A count (`other_ips`): 0 to 2^63 − 1; `null` is 0.
pub(crate) fn count<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    let n = field(d, 0, i64::MAX, "a non-negative integer")?;
    Ok(n.unwrap_or(0).unsigned_abs())
}

/// A target's port, checked for 1–65535 by `validate` when its protocol has ports: here any
/// integer that is not negative and fits a count; `null` is absent.
pub(crate) fn port<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    let n = field(d, 0, i64::MAX, "a non-negative integer")?;
    Ok(n.map(i64::unsigned_abs))
}

/// A security-group rule's priority: any integer (one outside 1–100 is SG002, a finding);
/// `null` is 1.
pub(crate) fn priority<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    Ok(field(d, i64::MIN, i64::MAX, "an integer")?.unwrap_or(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, lo: i64, hi: i64) -> Result<i64, String> {
        read_int(&serde_json::from_str(text).unwrap(), lo, hi, "a count")
    }

    #[test]
    fn numbers_as_written() {
        assert_eq!(read("42", 0, 100), Ok(42));
        assert_eq!(read("-3", -5, 5), Ok(-3));
        let max = i64::MAX;
        let cases = [
            ("18446744073709551616", "out of range: expected a count from 0 to 9223372036854775807, got 18446744073709551616"),
            ("9223372036854775808", "out of range: expected a count from 0 to 9223372036854775807, got 9223372036854775808"),
            ("-1", "out of range: expected a count from 0 to 9223372036854775807, got -1"),
            ("-99999999999999999999", "out of range: expected a count from 0 to 9223372036854775807, got -99999999999999999999"),
            ("1.5", "expected a count, got 1.5"),
            ("\"4\"", "expected a count, got \"4\""),
            ("[]", "expected a count, got a list"),
        ];
        for (text, want) in cases {
            assert_eq!(read(text, 0, max), Err(want.to_owned()), "{text}");
        }
    }
}
