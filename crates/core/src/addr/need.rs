//! How many IPs a service takes in its vSwitch, and how full that makes the vSwitch.
//!
//! Integers only: a rolling update's surge of `"N%"` is ceil(N × peak / 100), computed as
//! `(N * peak + 99) / 100`, because floating point gets 7% of 100 wrong (8). Products are
//! taken in `u128` so that no peak, however large, overflows.

use std::error::Error;
use std::fmt;

use serde_json::Value;

/// The extra instances a rolling update starts before it stops old ones (`max_surge`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Surge {
    /// A number of instances (`"max_surge": 2`).
    Count(u64),
    /// A share of the peak instances, rounded up (`"max_surge": "20%"`); 0 to 100.
    Percent(u8),
}

/// Why a `max_surge` (or `max_unavailable`) value was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SurgeError {
    /// A number that is negative or not an integer (`-1`, `1.5`, `1.0`, `1e3`).
    NotCount,
    /// A string that is not an integer percentage from 0 to 100 (`"20"`, `"101%"`, `" 5%"`).
    NotPercent,
    /// Neither a number nor a string (`null`, `true`, a list, an object).
    WrongType,
    /// An integer above 2^63 − 1, the largest count a plan holds (rules.md, "Settled
    /// readings": such a `max_surge` is CAP003, not a count).
    OutOfRange,
}

impl fmt::Display for SurgeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SurgeError::NotCount => "expected a non-negative integer count of instances",
            SurgeError::NotPercent => "expected a percentage such as \"20%\" from 0% to 100%",
            SurgeError::WrongType => {
                "expected a non-negative integer or a percentage such as \"20%\""
            }
            SurgeError::OutOfRange => {
                "out of range: expected a count of instances from 0 to 9223372036854775807"
            }
        })
    }
}

impl Error for SurgeError {}

/// Reads a `max_surge` (or `max_unavailable`) value: a non-negative JSON integer, or a string
/// `"N%"` with an integer N from 0 to 100 and nothing else around it.
///
/// `null` is an error here ([`SurgeError::WrongType`]): the plan treats `null` as absent, so
/// callers map it to `None` before calling. An integer above 2^63 − 1 is
/// [`SurgeError::OutOfRange`]; `1.0` and `1e3` are spelled as non-integers and are refused.
///
/// # Examples
///
/// ```
/// use easnet_core::addr::{parse_surge, Surge, SurgeError};
/// use serde_json::json;
///
/// assert_eq!(parse_surge(&json!(2)), Ok(Surge::Count(2)));
/// assert_eq!(parse_surge(&json!("20%")), Ok(Surge::Percent(20)));
/// assert_eq!(parse_surge(&json!("100%")), Ok(Surge::Percent(100)));
///
/// assert_eq!(parse_surge(&json!(-1)), Err(SurgeError::NotCount));
/// assert_eq!(parse_surge(&json!(1.5)), Err(SurgeError::NotCount));
/// assert_eq!(parse_surge(&json!("20")), Err(SurgeError::NotPercent));
/// assert_eq!(parse_surge(&json!("101%")), Err(SurgeError::NotPercent));
/// assert_eq!(parse_surge(&json!(null)), Err(SurgeError::WrongType));
/// assert_eq!(parse_surge(&json!(9223372036854775807u64)), Ok(Surge::Count(9223372036854775807)));
/// assert_eq!(parse_surge(&json!(9223372036854775808u64)), Err(SurgeError::OutOfRange));
/// ```
pub fn parse_surge(v: &Value) -> Result<Surge, SurgeError> {
    match v {
        Value::Number(n) => match n.as_u64() {
            Some(count) if i64::try_from(count).is_ok() => Ok(Surge::Count(count)),
            Some(_) => Err(SurgeError::OutOfRange),
            // With `arbitrary_precision` the number keeps its spelling: all digits means an
            // integer past u64, out of range too.
            None if is_digits(&n.to_string()) => Err(SurgeError::OutOfRange),
            None => Err(SurgeError::NotCount),
        },
        Value::String(s) => parse_percent(s).map(Surge::Percent),
        _ => Err(SurgeError::WrongType),
    }
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `"N%"`: ASCII digits only (no sign, space or point), then `%`, with N ≤ 100.
fn parse_percent(s: &str) -> Result<u8, SurgeError> {
    let digits = s.strip_suffix('%').ok_or(SurgeError::NotPercent)?;
    if !is_digits(digits) {
        return Err(SurgeError::NotPercent);
    }
    // Leading zeros (`"007%"`) are still an integer; a long string overflows u8 and is > 100.
    match digits.parse::<u8>() {
        Ok(n) if n <= 100 => Ok(n),
        _ => Err(SurgeError::NotPercent),
    }
}

/// The IPs a rolling update adds on top of the peak: `Count(n)` is n; `Percent(n)` is
/// ceil(n × peak / 100); no `max_surge` at all is max(1, ceil(2% of peak)).
///
/// # Examples
///
/// ```
/// use easnet_core::addr::{surge_ips, Surge};
///
/// assert_eq!(surge_ips(Some(Surge::Count(3)), 12), 3);
/// assert_eq!(surge_ips(Some(Surge::Percent(20)), 12), 3); // 2.4 rounds up
/// assert_eq!(surge_ips(Some(Surge::Percent(7)), 100), 7); // exact, not 8
/// assert_eq!(surge_ips(Some(Surge::Percent(0)), 12), 0);
/// assert_eq!(surge_ips(None, 12), 1); // the default is at least one
/// assert_eq!(surge_ips(None, 1000), 20);
/// assert_eq!(surge_ips(Some(Surge::Percent(100)), u64::MAX), u64::MAX); // no overflow
/// ```
pub fn surge_ips(surge: Option<Surge>, peak: u64) -> u64 {
    match surge {
        Some(Surge::Count(n)) => n,
        Some(Surge::Percent(n)) => ceil_percent(u64::from(n), peak),
        None => ceil_percent(2, peak).max(1),
    }
}

/// ceil(percent × peak / 100) in integers; saturates only if `percent` exceeds 100.
fn ceil_percent(percent: u64, peak: u64) -> u64 {
    // The spec's `(N * peak + 99) / 100`; u64 × u64 fits in u128 with room to round up.
    let ceil = (u128::from(percent) * u128::from(peak)).div_ceil(100);
    u64::try_from(ceil).unwrap_or(u64::MAX)
}

/// Peak instances: the larger of `metadata.instance` (default 1) and `autoscaler.max`.
///
/// # Examples
///
/// ```
/// use easnet_core::addr::peak_instances;
///
/// assert_eq!(peak_instances(Some(4), Some(12)), 12);
/// assert_eq!(peak_instances(Some(4), None), 4);
/// assert_eq!(peak_instances(None, None), 1);
/// // An explicit 0 instances with no autoscaler needs none.
/// assert_eq!(peak_instances(Some(0), None), 0);
/// ```
pub fn peak_instances(instance: Option<u64>, autoscaler_max: Option<u64>) -> u64 {
    instance.unwrap_or(1).max(autoscaler_max.unwrap_or(0))
}

/// The IPs one service takes in its vSwitches at the worst moment of a rolling update.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ServiceNeed {
    /// Peak instances (see [`peak_instances`]).
    pub peak: u64,
    /// Extra instances during a rolling update (see [`surge_ips`]).
    pub surge: u64,
    /// Machines per instance: `unit.size` of a distributed service, 1 otherwise. Each machine
    /// runs as its own pod with its own ENI (domain-facts §9, inferred: the conservative
    /// reading, since an undercount fails the deployment).
    pub size: u64,
}

impl Default for ServiceNeed {
    fn default() -> Self {
        ServiceNeed {
            peak: 0,
            surge: 0,
            size: 1,
        }
    }
}

impl ServiceNeed {
    /// The need of a service from its `metadata.instance`, `autoscaler.max` and `max_surge`.
    ///
    /// # Examples
    ///
    /// ```
    /// use easnet_core::addr::{ServiceNeed, Surge};
    ///
    /// let need = ServiceNeed::compute(Some(4), Some(12), Some(Surge::Percent(20)));
    /// assert_eq!(need, ServiceNeed { peak: 12, surge: 3, size: 1 });
    /// assert_eq!(need.total(), 15);
    ///
    /// // Nothing given: one instance, one surge IP.
    /// assert_eq!(ServiceNeed::compute(None, None, None).total(), 2);
    /// ```
    pub fn compute(
        instance: Option<u64>,
        autoscaler_max: Option<u64>,
        surge: Option<Surge>,
    ) -> ServiceNeed {
        let peak = peak_instances(instance, autoscaler_max);
        ServiceNeed {
            peak,
            surge: surge_ips(surge, peak),
            size: 1,
        }
    }

    /// The same need for instances of `size` machines each (`unit.size`).
    pub fn units(self, size: u64) -> ServiceNeed {
        ServiceNeed { size, ..self }
    }

    /// The IPs of the whole service, (peak + surge) × size; `None` when that is more than a
    /// count holds (rules.md, "Settled readings": counts never wrap).
    ///
    /// # Examples
    ///
    /// ```
    /// use easnet_core::addr::ServiceNeed;
    ///
    /// let need = ServiceNeed { peak: 6, surge: 2, size: 2 };
    /// assert_eq!(need.ips(), Some(16));
    /// assert_eq!(ServiceNeed { peak: u64::MAX, surge: 0, size: 2 }.ips(), None);
    /// ```
    pub fn ips(&self) -> Option<u64> {
        u64::try_from(self.ips_wide()?).ok()
    }

    /// One vSwitch's even share of the service's IPs when it lists `vswitches` of them:
    /// ceil(ips / k) (plan-format.md, "Several vSwitches"); `None` when even the share is
    /// more than a count holds. `vswitches` of 0 counts as 1.
    ///
    /// # Examples
    ///
    /// ```
    /// use easnet_core::addr::ServiceNeed;
    ///
    /// let need = ServiceNeed { peak: 20, surge: 1, size: 1 };
    /// assert_eq!(need.share(1), Some(21));
    /// assert_eq!(need.share(2), Some(11)); // ceil(21 / 2)
    /// assert_eq!(need.share(3), Some(7));
    /// // Past a count as a whole, but not as a share.
    /// let huge = ServiceNeed { peak: u64::MAX, surge: 1, size: 1 };
    /// assert_eq!((huge.ips(), huge.share(2)), (None, Some(1 << 63)));
    /// ```
    pub fn share(&self, vswitches: u64) -> Option<u64> {
        let share = self.ips_wide()?.div_ceil(u128::from(vswitches.max(1)));
        u64::try_from(share).ok()
    }

    /// (peak + surge) × size in 128 bits: `None` only past that, which a plan cannot reach.
    fn ips_wide(&self) -> Option<u128> {
        (u128::from(self.peak) + u128::from(self.surge)).checked_mul(u128::from(self.size))
    }

    /// Peak plus surge, saturating at `u64::MAX`.
    ///
    /// # Examples
    ///
    /// ```
    /// use easnet_core::addr::ServiceNeed;
    ///
    /// assert_eq!(ServiceNeed { peak: 12, surge: 3, size: 1 }.total(), 15);
    /// assert_eq!(ServiceNeed { peak: u64::MAX, surge: 1, size: 1 }.total(), u64::MAX);
    /// ```
    pub fn total(&self) -> u64 {
        self.peak.saturating_add(self.surge)
    }
}

/// The IPs several needs take together, summed without wrapping and without saturating into a
/// fit: `None` when the sum is more than a count holds (2^64 − 1), which fits in no vSwitch
/// (rules.md, "Settled readings": counts never wrap).
///
/// # Examples
///
/// ```
/// use easnet_core::addr::total_needed;
///
/// assert_eq!(total_needed([12, 3, 2]), Some(17));
/// assert_eq!(total_needed([]), Some(0));
/// assert_eq!(total_needed([u64::MAX, 0]), Some(u64::MAX));
/// // Three services of 2^63 − 1 instances: more than any vSwitch, not a saturated "fit".
/// let big = (1u64 << 63) - 1;
/// assert_eq!(total_needed([big, big, big]), None);
/// ```
pub fn total_needed(parts: impl IntoIterator<Item = u64>) -> Option<u64> {
    parts.into_iter().try_fold(0u64, u64::checked_add)
}

/// Usable IPs of an IPv4 vSwitch of prefix `p`; `p` is in 16..=29 here, so this cannot underflow.
fn ipv4_usable(p: u8) -> u64 {
    (1u64 << (32 - u32::from(p))) - 4
}

/// The smallest vSwitch that fits `needed` IPs: the longest prefix in /16–/29 (the range a
/// vSwitch may have) whose usable IPs, 2^(32 − p) − 4, are at least `needed`.
///
/// # Examples
///
/// ```
/// use easnet_core::addr::smallest_ipv4_prefix;
///
/// assert_eq!(smallest_ipv4_prefix(0), Some(29));
/// assert_eq!(smallest_ipv4_prefix(4), Some(29));
/// assert_eq!(smallest_ipv4_prefix(5), Some(28));
/// assert_eq!(smallest_ipv4_prefix(252), Some(24));
/// assert_eq!(smallest_ipv4_prefix(253), Some(23));
/// assert_eq!(smallest_ipv4_prefix(65_532), Some(16));
/// assert_eq!(smallest_ipv4_prefix(65_533), None); // more than a /16 holds
/// ```
pub fn smallest_ipv4_prefix(needed: u64) -> Option<u8> {
    (16..=29).rev().find(|&p| ipv4_usable(p) >= needed)
}

/// The smallest vSwitch (prefix /16–/29) where `needed` IPs fit and stay at or under
/// `threshold` of the usable IPs (CAP002's test, [`exceeds_threshold`]); a threshold of 1 or
/// more asks only that they fit. Also returns that prefix's usable IPs.
///
/// # Examples
///
/// ```
/// use easnet_core::addr::smallest_ipv4_prefix_under;
///
/// assert_eq!(smallest_ipv4_prefix_under(24, 1.0), Some((27, 28)));
/// assert_eq!(smallest_ipv4_prefix_under(24, 0.8), Some((26, 60))); // 24 > 0.8 × 28
/// assert_eq!(smallest_ipv4_prefix_under(70_000, 0.8), None);
/// ```
pub fn smallest_ipv4_prefix_under(needed: u64, threshold: f64) -> Option<(u8, u64)> {
    (16..=29u8)
        .rev()
        .map(|p| (p, ipv4_usable(p)))
        .find(|&(_, usable)| {
            needed <= usable && (threshold >= 1.0 || !exceeds_threshold(needed, usable, threshold))
        })
}

/// `needed` as thousandths of `usable`, rounded down (`Some(800)` is 80.0%); `None` when the
/// vSwitch has no usable IP. Saturates at `u64::MAX`.
///
/// # Examples
///
/// ```
/// use easnet_core::addr::utilisation_permille;
///
/// assert_eq!(utilisation_permille(15, 252), Some(59)); // 5.95% shows as 5.9%
/// assert_eq!(utilisation_permille(4, 4), Some(1000));
/// assert_eq!(utilisation_permille(9, 4), Some(2250));
/// assert_eq!(utilisation_permille(0, 0), None);
/// ```
pub fn utilisation_permille(needed: u64, usable: u64) -> Option<u64> {
    if usable == 0 {
        return None;
    }
    let permille = u128::from(needed) * 1000 / u128::from(usable);
    Some(u64::try_from(permille).unwrap_or(u64::MAX))
}

/// Parts per million, the precision at which [`exceeds_threshold`] reads its threshold.
const PPM: u128 = 1_000_000;

/// Whether `needed` is strictly more than `threshold` × `usable` (CAP002).
///
/// The threshold is read to six decimal places, `round(threshold × 10^6)`, and the comparison
/// is `needed × 10^6 > that × usable` in exact integers. So the 0.8 a plan writes means
/// exactly 4/5, and 0.8 × 5 is 4, not 4.000000000000000222 or 3.9999999999999996 as a float
/// product might be. A negative or NaN threshold counts as 0; a huge one is never exceeded.
///
/// # Examples
///
/// ```
/// use easnet_core::addr::exceeds_threshold;
///
/// // 0.8 × 28 = 22.4
/// assert!(exceeds_threshold(23, 28, 0.8));
/// assert!(!exceeds_threshold(22, 28, 0.8));
/// // 0.8 × 5 = 4 exactly: 4 is not more than 4.
/// assert!(!exceeds_threshold(4, 5, 0.8));
/// assert!(exceeds_threshold(5, 5, 0.8));
/// // 0.29 × 100 is 28.999999999999996 in floating point, but 29 is not more than 29.
/// assert!(!exceeds_threshold(29, 100, 0.29));
/// ```
pub fn exceeds_threshold(needed: u64, usable: u64, threshold: f64) -> bool {
    // `as` from float saturates: NaN and negatives become 0, +inf and huge values u128::MAX.
    let threshold_ppm = (threshold * 1e6).round() as u128;
    match threshold_ppm.checked_mul(u128::from(usable)) {
        Some(limit) => u128::from(needed) * PPM > limit,
        // The limit is beyond u128, so beyond anything `needed` (< 2^64) can reach.
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn from_text(text: &str) -> Value {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn surge_values() {
        // (JSON text, result)
        let table: [(&str, Result<Surge, SurgeError>); 30] = [
            ("0", Ok(Surge::Count(0))),
            ("3", Ok(Surge::Count(3))),
            ("9223372036854775807", Ok(Surge::Count(i64::MAX as u64))),
            ("9223372036854775808", Err(SurgeError::OutOfRange)),
            ("18446744073709551615", Err(SurgeError::OutOfRange)),
            ("18446744073709551616", Err(SurgeError::OutOfRange)),
            (
                "123456789012345678901234567890",
                Err(SurgeError::OutOfRange),
            ),
            ("\"0%\"", Ok(Surge::Percent(0))),
            ("\"20%\"", Ok(Surge::Percent(20))),
            ("\"100%\"", Ok(Surge::Percent(100))),
            ("\"007%\"", Ok(Surge::Percent(7))),
            ("-1", Err(SurgeError::NotCount)),
            ("-0", Err(SurgeError::NotCount)),
            ("1.0", Err(SurgeError::NotCount)),
            ("1.5", Err(SurgeError::NotCount)),
            ("1e3", Err(SurgeError::NotCount)),
            ("\"20\"", Err(SurgeError::NotPercent)),
            ("\"-1%\"", Err(SurgeError::NotPercent)),
            ("\"+5%\"", Err(SurgeError::NotPercent)),
            ("\"101%\"", Err(SurgeError::NotPercent)),
            ("\"256%\"", Err(SurgeError::NotPercent)),
            ("\"99999999999999999999%\"", Err(SurgeError::NotPercent)),
            ("\"1.5%\"", Err(SurgeError::NotPercent)),
            ("\" 5%\"", Err(SurgeError::NotPercent)),
            ("\"5% \"", Err(SurgeError::NotPercent)),
            ("\"5 %\"", Err(SurgeError::NotPercent)),
            ("\"%\"", Err(SurgeError::NotPercent)),
            ("\"5%%\"", Err(SurgeError::NotPercent)),
            ("null", Err(SurgeError::WrongType)),
            ("true", Err(SurgeError::WrongType)),
        ];
        for (text, want) in table {
            assert_eq!(parse_surge(&from_text(text)), want, "{text}");
        }
        assert_eq!(parse_surge(&json!([1])), Err(SurgeError::WrongType));
        assert_eq!(parse_surge(&json!({"n": 1})), Err(SurgeError::WrongType));
    }

    #[test]
    fn surge_arithmetic() {
        // (surge, peak, IPs)
        let table = [
            (Some(Surge::Count(0)), 10, 0),
            (Some(Surge::Count(u64::MAX)), 10, u64::MAX),
            (Some(Surge::Percent(7)), 100, 7),
            (Some(Surge::Percent(1)), 1, 1),
            (Some(Surge::Percent(1)), 100, 1),
            (Some(Surge::Percent(1)), 101, 2),
            (Some(Surge::Percent(20)), 12, 3),
            (Some(Surge::Percent(25)), 4, 1),
            (Some(Surge::Percent(100)), 7, 7),
            (Some(Surge::Percent(50)), 0, 0),
            (Some(Surge::Percent(100)), u64::MAX, u64::MAX),
            (Some(Surge::Percent(50)), u64::MAX, u64::MAX / 2 + 1),
            // Not reachable through `parse_surge`, but must not wrap: saturates.
            (Some(Surge::Percent(255)), u64::MAX, u64::MAX),
            (None, 0, 1),
            (None, 1, 1),
            (None, 50, 1),
            (None, 51, 2),
            (None, 100, 2),
            (None, 101, 3),
            (None, u64::MAX, u64::MAX / 50 + 1),
        ];
        for (surge, peak, want) in table {
            assert_eq!(surge_ips(surge, peak), want, "{surge:?} of {peak}");
        }
    }

    #[test]
    fn peaks_and_needs() {
        let table = [
            (None, None, 1),
            (Some(0), None, 0),
            (Some(0), Some(3), 3),
            (None, Some(0), 1),
            (Some(4), Some(2), 4),
            (Some(u64::MAX), Some(1), u64::MAX),
        ];
        for (instance, max, want) in table {
            assert_eq!(peak_instances(instance, max), want, "{instance:?} {max:?}");
        }
        let need = ServiceNeed::compute(Some(u64::MAX), None, None);
        assert_eq!(need.total(), u64::MAX);
    }

    #[test]
    fn prefixes() {
        let table = [
            (0, Some(29)),
            (4, Some(29)),
            (5, Some(28)),
            (12, Some(28)),
            (13, Some(27)),
            (60, Some(26)),
            (252, Some(24)),
            (253, Some(23)),
            (65_532, Some(16)),
            (65_533, None),
            (u64::MAX, None),
        ];
        for (needed, want) in table {
            assert_eq!(smallest_ipv4_prefix(needed), want, "{needed}");
        }
    }

    #[test]
    fn permille() {
        let table = [
            (0, 252, Some(0)),
            (202, 252, Some(801)),
            (1, 3, Some(333)),
            (2, 3, Some(666)),
            (u64::MAX, 1, Some(u64::MAX)),
            (1, 0, None),
        ];
        for (needed, usable, want) in table {
            assert_eq!(
                utilisation_permille(needed, usable),
                want,
                "{needed}/{usable}"
            );
        }
    }

    #[test]
    fn thresholds() {
        // (needed, usable, threshold, exceeds)
        let table = [
            (23, 28, 0.8, true),
            (22, 28, 0.8, false),
            (4, 5, 0.8, false),
            (5, 5, 0.8, true),
            (201, 252, 0.8, false), // 201.6
            (202, 252, 0.8, true),
            (29, 100, 0.29, false),
            (30, 100, 0.29, true),
            (3, 10, 0.3, false),
            (7, 10, 0.7, false),
            (0, 4, 0.0, false),
            (1, 4, 0.0, true),
            (4, 4, 1.0, false),
            (5, 4, 1.0, true),
            (0, 0, 0.8, false),
            (1, 0, 0.8, true),
            (1, 4, -0.5, true),
            (1, 4, f64::NAN, true),
            (u64::MAX, u64::MAX, 0.8, true),
            (u64::MAX, u64::MAX, 1.0, false),
            (u64::MAX, 1, f64::INFINITY, false),
            (u64::MAX, u64::MAX, 1e30, false),
            (u64::MAX, 1, 1e30, false),
        ];
        for (needed, usable, threshold, want) in table {
            assert_eq!(
                exceeds_threshold(needed, usable, threshold),
                want,
                "{needed} > {threshold} × {usable}"
            );
        }
    }
}
