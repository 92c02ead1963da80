//! Text for the few fractional numbers easnet shows: thresholds, percentages, drawing
//! coordinates, megabytes.
//!
//! Written without std's float formatting (`{}` and `{:.1}` on an `f64`): that code and its
//! tables of powers of ten are about 5 KB of the page's gzip for a handful of numbers. The
//! shortest form comes from serde_json's float writer, which the page has anyway for JSON.

/// The shortest text that reads back as `x`, like `{}` on an `f64` for the numbers easnet
/// shows (`0.8`, `1`, `12.5`); very large or small ones are written with an exponent (`1e-7`).
/// Not a number and infinity, which a plan cannot hold, are written as `NaN` and `inf`.
///
/// # Examples
/// ```
/// use easnet_core::text::decimal::shortest;
/// assert_eq!(shortest(0.8), "0.8");
/// assert_eq!(shortest(2.0), "2");
/// assert_eq!(shortest(-0.25), "-0.25");
/// ```
pub fn shortest(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_owned();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    // A finite f64 always serializes.
    let text = serde_json::to_string(&x).unwrap_or_default();
    match text.strip_suffix(".0") {
        Some(whole) => whole.to_owned(),
        None => text,
    }
}

/// `x` with exactly `places` decimals (at most 6), rounded half away from zero. This is `{:.1}`
/// on an `f64` except where `x · 10^places`, worked out in `f64`, lands on a half: std rounds
/// the exact binary value, to even on a true tie (`0.15`, stored as 0.1499…, is `0.1` there
/// and `0.2` here; `80.25` is `80.2` there and `80.3` here). Not a number reads `NaN`; a value
/// beyond ±9.2e18 / 10^places is clamped there.
///
/// # Examples
/// ```
/// use easnet_core::text::decimal::fixed;
/// assert_eq!(fixed(80.2, 1), "80.2");
/// assert_eq!(fixed(80.0, 1), "80.0");
/// assert_eq!(fixed(86.4, 0), "86");
/// assert_eq!(fixed(0.05, 1), "0.1");
/// assert_eq!(fixed(-0.04, 1), "0.0");
/// ```
pub fn fixed(x: f64, places: u32) -> String {
    if x.is_nan() {
        return "NaN".to_owned();
    }
    let places = places.min(6);
    let scale = 10u64.pow(places);
    // `as` saturates at the ends of i64.
    let scaled = (x * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, part) = (scaled.unsigned_abs() / scale, scaled.unsigned_abs() % scale);
    if places == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{part:0width$}", width = places as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The shortest text reads back as the same number and is as long as what `{}` writes
        /// (with 16 or 17 digits the two may end in different digits that both read back).
        #[test]
        fn shortest_reads_back(x in -1e15f64..1e15) {
            prop_assume!(x == 0.0 || x.abs() >= 1e-4);
            let text = shortest(x);
            prop_assert_eq!(text.parse::<f64>().unwrap(), x);
            prop_assert_eq!(text.len(), format!("{x}").len());
        }

        /// A number as a person writes it (`0.85`, `-12.5`) comes out as `{}` writes it.
        #[test]
        fn shortest_is_what_display_writes(n in -10_000_000i64..10_000_000, k in 0i32..5) {
            let x = n as f64 / 10f64.powi(k);
            prop_assert_eq!(shortest(x), format!("{x}"));
        }

        /// Away from halves (see `fixed`), `fixed` is `{:.p}`.
        #[test]
        fn fixed_is_what_format_writes(x in -1e9f64..1e9, places in 0u32..4) {
            let scaled = x * 10f64.powi(places as i32);
            prop_assume!((scaled - scaled.trunc()).abs() != 0.5);
            let std = format!("{x:.p$}", p = places as usize);
            // std writes a negative number that rounds to zero as "-0.0".
            let std = if std.trim_start_matches('-').chars().all(|c| c == '0' || c == '.') {
                std.trim_start_matches('-').to_owned()
            } else {
                std
            };
            prop_assert_eq!(fixed(x, places), std);
        }
    }

    #[test]
    fn ties_round_away_from_zero() {
        assert_eq!(fixed(80.25, 1), "80.3");
        assert_eq!(fixed(0.5, 0), "1");
        assert_eq!(fixed(-2.5, 0), "-3");
        // 0.15 is stored as 0.1499…, but 0.15 × 10 is 1.5 in f64.
        assert_eq!(fixed(0.15, 1), "0.2");
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        assert_eq!(fixed(f64::NAN, 1), "NaN");
        assert_eq!(fixed(f64::INFINITY, 0), i64::MAX.to_string());
        assert_eq!(fixed(1.0, 40), "1.000000");
        assert_eq!(shortest(f64::NAN), "NaN");
        assert_eq!(shortest(f64::NEG_INFINITY), "-inf");
        assert_eq!(shortest(1e-7), "1e-7");
    }
}
