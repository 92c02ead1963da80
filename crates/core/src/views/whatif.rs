//! The what-if capacity calculator behind the page's calculator and `easnet capacity`: a CIDR
//! and a service's numbers in, usable / needed / fits / the smallest prefix / a free block out;
//! with a second vSwitch CIDR, what each of the two counts (plan-format.md, "Several
//! vSwitches": an even share, ceil(need / 2), and CAP005's question, whether one of them could
//! take the whole need alone).

use std::net::IpAddr;

use ipnet::IpNet;
use serde::Serialize;
use serde_json::Value;

use crate::addr::{
    first_free_block, overlaps, parse_cidr, parse_surge, reserved_addresses, smallest_ipv4_prefix,
    total_needed, usable_ips, CidrError, ServiceNeed, Surge, SurgeError,
};
use crate::args;
use crate::i18n::Catalogue;
use crate::plan::Vpc;

/// The question: a vSwitch CIDR and what would run in it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Question {
    pub cidr: String,
    pub instances: Option<u64>,
    pub max_instances: Option<u64>,
    /// `max_surge` as typed: `2` or `"20%"`; empty means the default surge.
    pub max_surge: String,
    /// IPs taken by other things (ECS, NAT gateway, …) in `cidr`, the first vSwitch.
    pub other_ips: u64,
    /// `unit.size`: machines per instance, each with its own IP (domain-facts §9); `None` is
    /// 1, and 0 is an input error (field `unit_size`).
    pub unit_size: Option<u64>,
    /// A second vSwitch the service lists (another zone); empty (or blank) means none.
    pub second_cidr: String,
    /// IPs taken by other things in `second_cidr`; read only when there is a second CIDR.
    /// Each vSwitch has its own other IPs, as the analyzer counts them (`other_ips` of each
    /// vSwitch): `other_ips` stays in the first, this one in the second.
    pub second_other_ips: u64,
}

/// The answer, with the JSON keys of `easnet capacity --format json` (and more).
///
/// The keys from `cidr` to `free_block` answer for the whole service in `cidr`, as if it were
/// the service's only vSwitch: a second CIDR never changes them. `split` adds what each of two
/// vSwitches counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    pub cidr: String,
    pub usable: u64,
    pub reserved: Vec<String>,
    /// (peak + surge) × `unit_size` + `other_ips`; `u64::MAX` past a count (then it fits
    /// nowhere).
    pub needed: u64,
    /// Peak instances (not machines: see `unit_size`).
    pub peak: u64,
    /// Extra instances during a rolling update.
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
    /// Machines per instance (`unit.size`; 1 when not given).
    pub unit_size: u64,
    /// Peak + surge: the instances at the worst moment of a rolling update, each of
    /// `unit_size` machines (saturating at `u64::MAX`).
    pub units: u64,
    /// With a second CIDR: the service spread over the two vSwitches.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub split: Option<Split>,
}

/// A service listing two vSwitches: each counts an even share of its IPs, and either may have
/// to take them all (CAP005: instances land in one zone when the other lacks stock).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Split {
    /// The service's IPs, (peak + surge) × unit size, without other IPs; `u64::MAX` past a
    /// count (then no vSwitch takes them alone).
    pub service_ips: u64,
    /// The first vSwitch (`cidr`), then the second (`second_cidr`).
    pub vswitches: [VSwitchShare; 2],
}

/// One vSwitch of a [`Split`]: what it counts, and whether that fits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VSwitchShare {
    pub cidr: String,
    pub usable: u64,
    /// Its share of the service, ceil(service IPs / 2): what its capacity row counts.
    pub share: u64,
    /// IPs other things take in this vSwitch.
    pub other_ips: u64,
    /// `share` + `other_ips` (`u64::MAX` past a count).
    pub needed: u64,
    /// `usable − needed`, or 0 when it does not fit.
    pub free: u64,
    /// Whether its share and its other IPs fit.
    pub fits: bool,
    /// Whether it could take the service's whole need, plus its other IPs, by itself
    /// (CAP005's test, which warns when it could not).
    pub fits_alone: bool,
}

impl Split {
    /// One sentence per vSwitch that could not take the whole need alone: CAP005's warning,
    /// worded as the analyzer words it, for the page and the CLI alike, in `cat`'s words. What
    /// a vSwitch has free for the service is its usable IPs minus its other IPs.
    ///
    /// # Examples
    /// ```
    /// use easnet_core::i18n::Catalogue;
    /// use easnet_core::views::whatif::{answer, Question};
    /// let q = Question { cidr: "10.0.1.0/27".into(), second_cidr: "10.0.2.0/28".into(),
    ///                    instances: Some(14), max_surge: "2".into(), second_other_ips: 1,
    ///                    ..Default::default() };
    /// let split = answer(&q, None).unwrap().split.unwrap();
    /// assert_eq!(split.warnings(Catalogue::english()), [
    ///     "10.0.2.0/28 has 11 IPs free for the service, which needs 16 over its 2 vSwitches: \
    ///      if only that zone has stock, not every instance can start",
    /// ]);
    /// ```
    pub fn warnings(&self, cat: &Catalogue) -> Vec<String> {
        self.vswitches
            .iter()
            .filter(|v| !v.fits_alone)
            .map(|v| {
                cat.count(
                    "whatif.zone_stock",
                    self.vswitches.len() as u64,
                    args![
                        cidr = v.cidr,
                        free = v.usable.saturating_sub(v.other_ips),
                        ips = self.service_ips,
                    ],
                )
            })
            .collect()
    }
}

/// A question that cannot be answered: which input, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub field: &'static str,
    pub message: String,
}

/// Reads `max_surge` as typed in a form or on a command line: `2`, `20%`, or empty.
pub fn parse_surge_text(text: &str) -> Result<Option<Surge>, InputError> {
    parse_surge_in(text, Catalogue::english())
}

/// [`parse_surge_text`], its error in `cat`'s words.
fn parse_surge_in(text: &str, cat: &Catalogue) -> Result<Option<Surge>, InputError> {
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
        message: surge_error(e, cat),
    })
}

/// A CIDR that does not read, in `cat`'s words.
fn cidr_error(e: CidrError, cat: &Catalogue) -> String {
    match e {
        CidrError::Syntax => cat.text("whatif.error.cidr_syntax", &[]),
        CidrError::AddrSyntax => cat.text("whatif.error.addr_syntax", &[]),
        CidrError::HostBitsSet { network } => {
            cat.text("whatif.error.host_bits", args![network = network])
        }
    }
}

/// A `max_surge` that does not read, in `cat`'s words.
fn surge_error(e: SurgeError, cat: &Catalogue) -> String {
    match e {
        SurgeError::NotCount => cat.text("whatif.error.surge_not_count", &[]),
        SurgeError::NotPercent => cat.text("whatif.error.surge_not_percent", &[]),
        SurgeError::WrongType => cat.text("whatif.error.surge_wrong_type", &[]),
        SurgeError::OutOfRange => cat.text("whatif.error.surge_out_of_range", &[]),
    }
}

/// Answers a question; `vpc` (optional) is where to look for a free block.
///
/// # Examples
/// ```
/// use easnet_core::views::whatif::{answer, Question};
/// let q = Question { cidr: "192.168.20.0/27".into(), instances: Some(6), max_instances: Some(20),
///                    max_surge: "2".into(), other_ips: 2, ..Default::default() };
/// let a = answer(&q, None).unwrap();
/// assert_eq!((a.usable, a.needed, a.fits, a.smallest_prefix), (28, 24, true, Some(27)));
/// let bad = Question { cidr: "10.0.1/24".into(), ..q.clone() };
/// assert_eq!(answer(&bad, None).unwrap_err().field, "cidr");
///
/// // Units of 2 machines, over two vSwitches: 22 instances × 2 = 44 IPs, 22 in each.
/// let two = Question { unit_size: Some(2), second_cidr: "192.168.21.0/27".into(), ..q.clone() };
/// let a = answer(&two, None).unwrap();
/// assert_eq!((a.needed, a.fits), (46, false)); // all of it in the first: 44 + 2 other
/// let [first, second] = &a.split.as_ref().unwrap().vswitches;
/// assert_eq!((first.share, first.needed, first.fits, first.fits_alone), (22, 24, true, false));
/// assert_eq!((second.share, second.needed, second.fits, second.fits_alone), (22, 22, true, false));
///
/// // The two vSwitches of one VPC cannot overlap.
/// let overlapping = Question { second_cidr: "192.168.20.16/28".into(), ..q };
/// assert_eq!(answer(&overlapping, None).unwrap_err().field, "second_cidr");
/// ```
pub fn answer(q: &Question, vpc: Option<&Vpc>) -> Result<Answer, InputError> {
    answer_in(q, vpc, Catalogue::english())
}

/// [`answer`], with why an input is refused in `cat`'s words.
///
/// # Examples
/// ```
/// use easnet_core::i18n::{Catalogue, Lang};
/// use easnet_core::views::whatif::{answer_in, Question};
/// let q = Question { cidr: "10.0.1.5/24".into(), ..Default::default() };
/// let en = answer_in(&q, None, Catalogue::english()).unwrap_err();
/// assert_eq!(en.message, "host bits are set; the network is 10.0.1.0/24");
/// # #[cfg(feature = "embed-zh")] {
/// let zh = answer_in(&q, None, Catalogue::embedded(Lang::Zh).unwrap()).unwrap_err();
/// assert_eq!((zh.field, zh.message.contains("10.0.1.0/24")), ("cidr", true));
/// assert_ne!(zh.message, en.message);
/// # }
/// ```
pub fn answer_in(q: &Question, vpc: Option<&Vpc>, cat: &Catalogue) -> Result<Answer, InputError> {
    let net: IpNet = parse_cidr(q.cidr.trim()).map_err(|e| InputError {
        field: "cidr",
        message: cidr_error(e, cat),
    })?;
    let surge = parse_surge_in(&q.max_surge, cat)?;
    let unit_size = match q.unit_size {
        Some(0) => {
            return Err(InputError {
                field: "unit_size",
                message: cat.text("whatif.error.unit_size", &[]),
            })
        }
        size => size.unwrap_or(1),
    };
    let second = second_net(q, &net, cat)?;
    let need = ServiceNeed::compute(Some(q.instances.unwrap_or(1)), q.max_instances, surge)
        .units(unit_size);
    // Never wraps into a fit (rules.md, "Settled readings"): past 2^64 − 1 it fits nowhere.
    let service_ips = need.ips();
    let total = service_ips.and_then(|ips| total_needed([ips, q.other_ips]));
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
    let split = second.map(|second| {
        let share = need.share(2);
        let count = |net: &IpNet, other_ips: u64| vswitch_share(net, share, service_ips, other_ips);
        Split {
            service_ips: service_ips.unwrap_or(u64::MAX),
            vswitches: [count(&net, q.other_ips), count(&second, q.second_other_ips)],
        }
    });
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
        unit_size,
        units: need.total(),
        split,
    })
}

/// The second CIDR, if any: it must parse and must not overlap the first (two vSwitches of
/// one VPC never do).
fn second_net(q: &Question, first: &IpNet, cat: &Catalogue) -> Result<Option<IpNet>, InputError> {
    let text = q.second_cidr.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let net = parse_cidr(text).map_err(|e| InputError {
        field: "second_cidr",
        message: cidr_error(e, cat),
    })?;
    if overlaps(&net, first) {
        return Err(InputError {
            field: "second_cidr",
            message: cat.text("whatif.error.overlap", args![second = net, first = first]),
        });
    }
    Ok(Some(net))
}

/// What one of two vSwitches counts: `share` (`None` past a count) and its own `other_ips`,
/// and whether it could take all `service_ips` alone.
fn vswitch_share(
    net: &IpNet,
    share: Option<u64>,
    service_ips: Option<u64>,
    other_ips: u64,
) -> VSwitchShare {
    let usable = usable_ips(net);
    let needed = share.and_then(|s| total_needed([s, other_ips]));
    let alone = service_ips.and_then(|ips| total_needed([ips, other_ips]));
    VSwitchShare {
        cidr: net.to_string(),
        usable,
        share: share.unwrap_or(u64::MAX),
        other_ips,
        needed: needed.unwrap_or(u64::MAX),
        free: needed.map_or(0, |n| usable.saturating_sub(n)),
        fits: needed.is_some_and(|n| n <= usable),
        fits_alone: alone.is_some_and(|n| n <= usable),
    }
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
            ..Question::default()
        }
    }

    /// The same question over two vSwitches.
    fn two(cidr: &str, second: &str, instances: u64, surge: &str) -> Question {
        Question {
            second_cidr: second.into(),
            ..q(cidr, instances, None, surge)
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

    #[test]
    fn unit_size_multiplies_every_instance() {
        // 6 peak + 2 surge = 8 instances of 2 machines: 16 IPs, and 2 other.
        let mut question = q("10.0.0.0/27", 6, None, "2");
        question.unit_size = Some(2);
        question.other_ips = 2;
        let a = answer(&question, None).unwrap();
        assert_eq!(
            (a.peak, a.surge, a.units, a.unit_size, a.needed, a.free),
            (6, 2, 8, 2, 18, 10)
        );
        // The surge is counted in instances before the size: 20% of 10 is 2, × 3 = 36.
        let mut question = q("10.0.0.0/26", 10, None, "20%");
        question.unit_size = Some(3);
        let a = answer(&question, None).unwrap();
        assert_eq!((a.needed, a.fits, a.smallest_prefix), (36, true, Some(26)));
        // Absent is 1; 1 is the same.
        let plain = answer(&q("10.0.0.0/27", 6, None, "2"), None).unwrap();
        assert_eq!((plain.unit_size, plain.needed), (1, 8));
        let mut one = q("10.0.0.0/27", 6, None, "2");
        one.unit_size = Some(1);
        assert_eq!(answer(&one, None).unwrap(), plain);
    }

    #[test]
    fn a_need_past_a_count_fits_nowhere() {
        let mut question = two("10.0.0.0/16", "10.1.0.0/16", u64::MAX, "0");
        question.unit_size = Some(2);
        let a = answer(&question, None).unwrap();
        assert_eq!(
            (a.needed, a.fits, a.free, a.smallest_prefix),
            (u64::MAX, false, 0, None)
        );
        let split = a.split.unwrap();
        assert_eq!(split.service_ips, u64::MAX);
        // The share, 2^64 − 1, is still a count, but no vSwitch holds it.
        for v in &split.vswitches {
            assert_eq!(
                (v.share, v.fits, v.fits_alone, v.free),
                (u64::MAX, false, false, 0)
            );
        }
        // Past a count even as a share: saturated, never wrapped into a fit.
        let mut question = two("fd00::/64", "fd01::/64", u64::MAX, "0");
        question.unit_size = Some(u64::MAX);
        let v = &answer(&question, None).unwrap().split.unwrap().vswitches[0];
        assert_eq!((v.share, v.needed, v.fits), (u64::MAX, u64::MAX, false));
        // Other IPs on top of a share that is a count: still no wrap.
        let mut question = two("fd00::/64", "fd01::/64", u64::MAX, "0");
        question.other_ips = u64::MAX;
        let v = &answer(&question, None).unwrap().split.unwrap().vswitches[0];
        assert_eq!((v.needed, v.fits), (u64::MAX, false));
    }

    #[test]
    fn two_vswitches_count_an_even_share_each() {
        // 20 peak + 1 surge over two: ceil(21 / 2) = 11 each.
        let mut question = two("10.0.1.0/27", "10.0.2.0/28", 20, "1");
        question.other_ips = 3;
        question.second_other_ips = 1;
        let a = answer(&question, None).unwrap();
        // The keys of one vSwitch are untouched: the whole service in the first.
        assert_eq!((a.needed, a.fits, a.free), (24, true, 4));
        let split = a.split.unwrap();
        assert_eq!(split.service_ips, 21);
        assert_eq!(
            split.vswitches,
            [
                VSwitchShare {
                    cidr: "10.0.1.0/27".into(),
                    usable: 28,
                    share: 11,
                    other_ips: 3,
                    needed: 14,
                    free: 14,
                    fits: true,
                    fits_alone: true,
                },
                VSwitchShare {
                    cidr: "10.0.2.0/28".into(),
                    usable: 12,
                    share: 11,
                    other_ips: 1,
                    needed: 12,
                    free: 0,
                    fits: true,
                    fits_alone: false,
                },
            ]
        );
        assert_eq!(
            split.warnings(Catalogue::english()),
            [
                "10.0.2.0/28 has 11 IPs free for the service, which needs 21 over its 2 \
                 vSwitches: if only that zone has stock, not every instance can start"
            ]
        );
        // A share that does not fit either.
        let a = answer(&two("10.0.1.0/28", "10.0.2.0/29", 20, "1"), None).unwrap();
        let [first, second] = a.split.unwrap().vswitches;
        assert_eq!((first.fits, first.fits_alone), (true, false));
        assert_eq!((second.needed, second.free, second.fits), (11, 0, false));
    }

    #[test]
    fn the_second_vswitch_is_optional_and_changes_no_other_key() {
        let one = answer(&q("10.0.1.0/27", 4, Some(12), "20%"), None).unwrap();
        assert_eq!(one.split, None);
        // Blank is none, and the second's other IPs are read only with it.
        let mut blank = two("10.0.1.0/27", "  ", 4, "20%");
        blank.max_instances = Some(12);
        blank.second_other_ips = 5;
        assert_eq!(answer(&blank, None).unwrap(), one);
        let mut both = two("10.0.1.0/27", " 10.0.2.0/27 ", 4, "20%");
        both.max_instances = Some(12);
        let a = answer(&both, None).unwrap();
        assert_eq!(a.split.as_ref().unwrap().vswitches[1].cidr, "10.0.2.0/27");
        assert_eq!(Answer { split: None, ..a }, one);
        // Serialized: `split` only when there is one.
        let json = serde_json::to_value(&one).unwrap();
        assert!(json.get("split").is_none() && json["unit_size"] == 1);
    }

    #[test]
    fn the_second_cidr_must_parse_and_not_overlap() {
        let err = answer(&two("10.0.1.0/24", "10.0.2.5/24", 1, ""), None).unwrap_err();
        assert_eq!(
            (err.field, err.message.as_str()),
            (
                "second_cidr",
                "host bits are set; the network is 10.0.2.0/24"
            )
        );
        assert_eq!(
            answer(&two("10.0.1.0/24", "vsw-b", 1, ""), None)
                .unwrap_err()
                .field,
            "second_cidr"
        );
        for (first, second) in [
            ("10.0.1.0/24", "10.0.1.0/24"),
            ("10.0.1.0/24", "10.0.1.128/25"),
            ("10.0.1.128/25", "10.0.0.0/16"),
        ] {
            let err = answer(&two(first, second, 1, ""), None).unwrap_err();
            assert_eq!(
                (err.field, err.message),
                (
                    "second_cidr",
                    format!("{second} overlaps {first}: two vSwitches of one VPC cannot overlap")
                ),
                "{first} {second}"
            );
        }
        // Side by side is fine.
        assert!(answer(&two("10.0.1.0/25", "10.0.1.128/25", 1, ""), None).is_ok());
        // The first CIDR is read first.
        assert_eq!(
            answer(&two("nope", "10.0.1.0/24", 1, ""), None)
                .unwrap_err()
                .field,
            "cidr"
        );
    }

    #[test]
    fn a_unit_size_of_zero_is_refused() {
        let mut question = q("10.0.0.0/24", 1, None, "");
        question.unit_size = Some(0);
        let err = answer(&question, None).unwrap_err();
        assert_eq!(
            (err.field, err.message.as_str()),
            (
                "unit_size",
                "expected an integer of 1 or more (machines per instance)"
            )
        );
    }
}
