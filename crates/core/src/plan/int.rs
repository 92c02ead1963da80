//! Integers as the plan writes them. A JSON number is kept as written (serde_json's
//! `arbitrary_precision`), so a number too large for its field is reported as written, "out of
//! range", never as the float serde would otherwise fall back to (`1.8446744073709552e+19`):
//! rules.md, "Settled readings", Ranges PLAN001 checks.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer};
use serde_json::{Number, Value};

use super::error::{as_is, expected};
use crate::i18n::Said;

/// Why a JSON number is not an integer of a range: the number as written.
enum Unfit {
    OutOfRange(String),
    NotAnInteger(String),
}

/// An integer from `lo` to `hi` read from a JSON value; else why not, `what` (a key of the
/// reader's words, `plan_error.an_integer`) saying what was expected.
pub(crate) fn read_int(v: &Value, lo: i64, hi: i64, what: &'static str) -> Result<i64, Said> {
    let Value::Number(n) = v else {
        return Err(expected(Said::new(what), v));
    };
    read_number(n, lo, hi).map_err(|unfit| match unfit {
        Unfit::OutOfRange(got) => Said::new("plan_error.out_of_range")
            .with_said("what", Said::new(what))
            .with("lo", lo)
            .with("hi", hi)
            .with("got", got),
        Unfit::NotAnInteger(got) => Said::new("plan_error.expected")
            .with_said("what", Said::new(what))
            .with_said("got", as_is(got)),
    })
}

fn read_number(n: &Number, lo: i64, hi: i64) -> Result<i64, Unfit> {
    match n.as_i64() {
        Some(i) if (lo..=hi).contains(&i) => Ok(i),
        Some(i) => Err(Unfit::OutOfRange(i.to_string())),
        None => {
            // Past i64 either way: an integer still, if it is spelled as one (digits, maybe a
            // minus); `1.5` and `1e3` are not integers at all.
            let text = n.to_string();
            let digits = text.strip_prefix('-').unwrap_or(&text);
            if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                Err(Unfit::OutOfRange(text))
            } else {
                Err(Unfit::NotAnInteger(text))
            }
        }
    }
}

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
    // serde carries text: the reader's English forms, which `parse::humanize_json` reads back
    // into the catalogue's sentences.
    n.map(|n| {
        read_number(&n, lo, hi).map_err(|unfit| match unfit {
            Unfit::OutOfRange(got) => D::Error::custom(format!(
                "out of range: expected {what} from {lo} to {hi}, got {got}"
            )),
            Unfit::NotAnInteger(got) => D::Error::custom(format!("expected {what}, got {got}")),
        })
    })
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
        read_int(
            &serde_json::from_str(text).unwrap(),
            lo,
            hi,
            "plan_error.a_non_negative_integer",
        )
        .map_err(|said| said.text(crate::i18n::Catalogue::english()))
    }

    #[test]
    fn numbers_as_written() {
        assert_eq!(read("42", 0, 100), Ok(42));
        assert_eq!(read("-3", -5, 5), Ok(-3));
        let max = i64::MAX;
        let cases = [
            ("18446744073709551616", "out of range: expected a non-negative integer from 0 to 9223372036854775807, got 18446744073709551616"),
            ("9223372036854775808", "out of range: expected a non-negative integer from 0 to 9223372036854775807, got 9223372036854775808"),
            ("-1", "out of range: expected a non-negative integer from 0 to 9223372036854775807, got -1"),
            ("-99999999999999999999", "out of range: expected a non-negative integer from 0 to 9223372036854775807, got -99999999999999999999"),
            ("1.5", "expected a non-negative integer, got 1.5"),
            ("\"4\"", "expected a non-negative integer, got \"4\""),
            ("[]", "expected a non-negative integer, got a list"),
        ];
        for (text, want) in cases {
            assert_eq!(read(text, 0, max), Err(want.to_owned()), "{text}");
        }
    }
}
