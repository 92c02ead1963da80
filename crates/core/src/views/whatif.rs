//! The what-if capacity calculator behind the page's calculator and `easnet capacity`: a CIDR
//! and a service's numbers in, usable / needed / fits / the smallest prefix / a free block out.

use std::net::IpAddr;

use ipnet::IpNet;
use serde::Serialize;
use serde_json::Value;

use crate::addr::{
    first_free_block, parse_cidr, parse_surge, reserved_addresses, smallest_ipv4_prefix,
    total_needed, usable_ips, ServiceNeed, Surge,
};
use crate::plan::Vpc;

/// The question: a vSwitch CIDR and what would run in it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Question {
    pub cidr: String,
    pub instances: Option<u64>,
    pub max_instances: Option<u64>,
    /// `max_surge` as typed: `2` or `"20%"`; empty means the default surge.
    pub max_surge: String,
    pub other_ips: u64,
}

/// The answer, with the JSON keys of `easnet capacity --format json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    pub cidr: String,
    pub usable: u64,
    pub reserved: Vec<String>,
    pub needed: u64,
    pub peak: u64,
    pub surge: u64,
    pub other_ips: u64,
    pub free: u64,
    pub fits: bool,
    /// The smallest IPv4 vSwitch prefix (16–29) that fits `needed`; `None` for IPv6 or when
    /// even a /16 is too small.
    pub smallest_prefix: Option<u8>,
    /// Where a vSwitch of `smallest_prefix` fits first in the chosen VPC.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub free_block: Option<String>,
}

/// A question that cannot be answered: which input, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub field: &'static str,
    pub message: String,
}

/// Reads `max_surge` as typed in a form or on a command line: `2`, `20%`, or empty.
pub fn parse_surge_text(text: &str) -> Result<Option<Surge>, InputError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let value = if text.ends_with('%') {
        Value::String(text.to_owned())
    } else {
        serde_json::from_str::<Value>(text).unwrap_or(Value::String(text.to_owned()))
    };
    parse_surge(&value).map(Some).map_err(|e| InputError {
        field: "max_surge",
        message: e.to_string(),
    })
}

/// Answers a question; `vpc` (optional) is where to look for a free block.
///
/// # Examples
/// ```
/// use easnet_core::views::whatif::{answer, Question};
/// let q = Question { cidr: "192.168.20.0/27".into(), instances: Some(6), max_instances: Some(20),
///                    max_surge: "2".into(), other_ips: 2 };
/// let a = answer(&q, None).unwrap();
/// assert_eq!((a.usable, a.needed, a.fits, a.smallest_prefix), (28, 24, true, Some(27)));
/// let bad = Question { cidr: "10.0.1/24".into(), ..q };
/// assert_eq!(answer(&bad, None).unwrap_err().field, "cidr");
/// ```
pub fn answer(q: &Question, vpc: Option<&Vpc>) -> Result<Answer, InputError> {
    let net: IpNet = parse_cidr(q.cidr.trim()).map_err(|e| InputError {
        field: "cidr",
        message: e.to_string(),
    })?;
    let surge = parse_surge_text(&q.max_surge)?;
    let need = ServiceNeed::compute(Some(q.instances.unwrap_or(1)), q.max_instances, surge);
    // Never wraps into a fit (rules.md, "Settled readings"): past 2^64 − 1 it fits nowhere.
    let total = total_needed([need.peak, need.surge, q.other_ips]);
    let needed = total.unwrap_or(u64::MAX);
    let usable = usable_ips(&net);
    let smallest = smallest_ipv4_prefix(needed).filter(|_| net.addr().is_ipv4());
    let free_block = match (vpc, smallest) {
        (Some(vpc), Some(prefix)) => {
            let space: Vec<IpNet> = vpc
                .cidrs
                .iter()
                .filter_map(|c| parse_cidr(c).ok())
                .collect();
            let used: Vec<IpNet> = vpc
                .vswitches
                .iter()
                .filter_map(|s| parse_cidr(&s.cidr).ok())
                .collect();
            first_free_block(&space, &used, prefix).map(|b| b.to_string())
        }
        _ => None,
    };
    Ok(Answer {
        cidr: net.to_string(),
        usable,
        reserved: reserved_addresses(&net)
            .iter()
            .map(IpAddr::to_string)
            .collect(),
        needed,
        peak: need.peak,
        surge: need.surge,
        other_ips: q.other_ips,
        free: usable.saturating_sub(needed),
        fits: total.is_some_and(|n| n <= usable),
        smallest_prefix: smallest,
        free_block,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(cidr: &str, instances: u64, max: Option<u64>, surge: &str) -> Question {
        Question {
            cidr: cidr.into(),
            instances: Some(instances),
            max_instances: max,
            max_surge: surge.into(),
            other_ips: 0,
        }
    }

    #[test]
    fn answers() {
        let a = answer(&q("10.0.0.0/29", 1, None, ""), None).unwrap();
        assert_eq!(
            (a.usable, a.needed, a.fits, a.smallest_prefix),
            (4, 2, true, Some(29))
        );
        assert_eq!(a.reserved, ["10.0.0.0", "10.0.0.5", "10.0.0.6", "10.0.0.7"]);
        let a = answer(&q("10.0.0.0/24", 100, Some(300), "10%"), None).unwrap();
        assert_eq!(
            (a.peak, a.surge, a.needed, a.fits, a.smallest_prefix),
            (300, 30, 330, false, Some(23))
        );
        let a = answer(&q("10.0.0.0/16", 70000, None, "0"), None).unwrap();
        assert_eq!(a.smallest_prefix, None);
        let a = answer(&q("fd00::/64", 3, None, ""), None).unwrap();
        assert_eq!((a.usable, a.smallest_prefix), (u64::MAX - 9, None));
    }

    #[test]
    fn finds_a_free_block_in_the_vpc() {
        let plan =
            crate::plan::parse_plan(crate::samples::examples::default_example().json).unwrap();
        let a = answer(&q("192.168.20.0/27", 6, Some(20), "2"), Some(&plan.vpcs[0])).unwrap();
        assert_eq!(a.free_block.as_deref(), Some("192.168.0.32/27"));
    }

    #[test]
    fn bad_inputs_name_their_field() {
        assert_eq!(
            answer(&q("10.0.0.5/24", 1, None, ""), None)
                .unwrap_err()
                .field,
            "cidr"
        );
        assert_eq!(
            answer(&q("10.0.0.0/24", 1, None, "101%"), None)
                .unwrap_err()
                .field,
            "max_surge"
        );
        assert_eq!(
            answer(&q("10.0.0.0/24", 1, None, "x"), None)
                .unwrap_err()
                .field,
            "max_surge"
        );
        assert!(parse_surge_text(" 3 ").unwrap() == Some(Surge::Count(3)));
    }
}
