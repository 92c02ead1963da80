//! A security group's egress rule as the checks read it: parsed once (by `index`), judged by
//! `security` (SG002, SG003, the egress verdict).

use ipnet::IpNet;

use crate::addr::parse_cidr_lenient;
use crate::plan::{EgressRule, Policy, Protocol, SecurityGroup};

/// The ports a rule covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ports {
    /// `-1/-1`: every port (icmp, gre, all).
    Every,
    Range(u16, u16),
}

/// A well-formed egress rule.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub index: usize,
    pub policy: Policy,
    pub priority: i64,
    pub protocol: Protocol,
    pub ports: Ports,
    pub dest: IpNet,
}

/// What is wrong with a malformed rule (SG002), in no language yet: `security` writes it out
/// in the words of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The priority is outside 1-100.
    Priority,
    /// `a/b` that is not 1 <= a <= b <= 65535.
    PortRange,
    /// Not `a/b` at all.
    PortRangeShape,
    /// TCP/UDP with -1/-1, or with no port range (`None`).
    NeedsPorts(Option<String>),
    /// ICMP/GRE/ALL with a port range other than -1/-1.
    NoPorts,
    /// A destination that is not a CIDR.
    Destination,
}

/// What is wrong with a rule, if anything (domain-facts §5: priority 1–100, PortRange 1–65535
/// "a/b" for TCP/UDP and -1/-1 for ICMP/GRE/ALL, a destination CIDR).
pub fn parse_rule(index: usize, rule: &EgressRule) -> Result<Rule, Problem> {
    if !(1..=100).contains(&rule.priority) {
        return Err(Problem::Priority);
    }
    let range = rule.port_range.as_deref().unwrap_or("-1/-1");
    let ports = match range.split_once('/') {
        Some(("-1", "-1")) => Ports::Every,
        Some((a, b)) => match (a.parse::<u16>(), b.parse::<u16>()) {
            (Ok(a), Ok(b)) if a >= 1 && a <= b => Ports::Range(a, b),
            _ => return Err(Problem::PortRange),
        },
        None => return Err(Problem::PortRangeShape),
    };
    match (rule.protocol.has_ports(), ports) {
        (true, Ports::Every) => return Err(Problem::NeedsPorts(rule.port_range.clone())),
        (false, Ports::Range(..)) => return Err(Problem::NoPorts),
        _ => {}
    }
    let dest = parse_cidr_lenient(&rule.destination)
        .map(|n| n.trunc())
        .map_err(|_| Problem::Destination)?;
    Ok(Rule {
        index,
        policy: rule.policy,
        priority: rule.priority,
        protocol: rule.protocol,
        ports,
        dest,
    })
}

/// The well-formed rules of a group (SG001 ignores the malformed ones: they are SG002).
pub fn parse_rules(group: &SecurityGroup) -> Vec<Rule> {
    (group.egress.iter().enumerate())
        .filter_map(|(i, r)| parse_rule(i, r).ok())
        .collect()
}
