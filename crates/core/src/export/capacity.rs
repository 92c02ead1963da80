//! Offline vSwitch capacity maths for one CIDR: the CLI's `easnet capacity`.

use serde::Serialize;

use super::ExportError;
use crate::views::whatif::{answer, Question};

/// What a vSwitch CIDR offers against what a service needs. Serializes to exactly the keys
/// `cidr`, `usable`, `reserved`, `needed`, `free`, `fits`, `smallest_prefix`; the split of
/// `needed` is kept for text output only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Capacity {
    pub cidr: String,
    pub usable: u64,
    /// The addresses the cloud keeps for itself.
    pub reserved: Vec<String>,
    /// Peak instances + surge + other IPs.
    pub needed: u64,
    /// `usable − needed`, or 0 when it does not fit.
    pub free: u64,
    pub fits: bool,
    /// The smallest IPv4 vSwitch (/16–/29) that holds `needed`; `None` for IPv6, or when
    /// even a /16 is too small.
    pub smallest_prefix: Option<u8>,
    #[serde(skip)]
    pub peak: u64,
    #[serde(skip)]
    pub surge: u64,
    #[serde(skip)]
    pub other_ips: u64,
}

/// The capacity of `cidr` for `instances` (peak with `max_instances`, the autoscaler's max),
/// a rolling update's `max_surge` (`"2"` or `"20%"`; absent: 2% of peak, at least 1), and
/// `other_ips` used by other things in the vSwitch.
///
/// # Examples
/// ```
/// use easnet_core::export::capacity;
///
/// let c = capacity("10.0.1.0/27", 4, Some(12), Some("20%"), 2).unwrap();
/// assert_eq!((c.usable, c.needed, c.free, c.fits), (28, 17, 11, true));
/// assert_eq!(c.reserved, ["10.0.1.0", "10.0.1.29", "10.0.1.30", "10.0.1.31"]);
/// assert_eq!(c.smallest_prefix, Some(27));
///
/// assert_eq!(
///     capacity("10.0.1.5/24", 1, None, None, 0).unwrap_err().to_string(),
///     "invalid CIDR \"10.0.1.5/24\": host bits are set; the network is 10.0.1.0/24"
/// );
/// assert!(capacity("10.0.1.0/24", 1, None, Some("120%"), 0).is_err());
/// ```
pub fn capacity(
    cidr: &str,
    instances: u64,
    max_instances: Option<u64>,
    max_surge: Option<&str>,
    other_ips: u64,
) -> Result<Capacity, ExportError> {
    // One computation for the page's calculator and the CLI: `whatif::answer`.
    let question = Question {
        cidr: cidr.to_owned(),
        instances: Some(instances),
        max_instances,
        max_surge: max_surge.unwrap_or_default().to_owned(),
        other_ips,
    };
    let a = answer(&question, None).map_err(|e| ExportError::Invalid {
        what: if e.field == "cidr" {
            "CIDR"
        } else {
            "max surge"
        },
        value: if e.field == "cidr" {
            cidr
        } else {
            max_surge.unwrap_or_default()
        }
        .to_owned(),
        why: e.message,
    })?;
    Ok(Capacity {
        cidr: a.cidr,
        usable: a.usable,
        reserved: a.reserved,
        needed: a.needed,
        free: a.free,
        fits: a.fits,
        smallest_prefix: a.smallest_prefix,
        peak: a.peak,
        surge: a.surge,
        other_ips: a.other_ips,
    })
}
