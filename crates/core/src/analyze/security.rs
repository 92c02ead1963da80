//! Security groups: SG002 (malformed rules), SG003 (shadowed accepts) and the egress verdict
//! for a flow (plan-format.md, "Security group egress").

use ipnet::IpNet;
use rustc_hash::FxHashMap as HashMap;

use super::findings::Findings;
use super::index::{Index, Pos};
use crate::addr::{contains_net, parse_cidr_lenient};
use crate::plan::{EgressRule, Policy, Protocol, SecurityGroup, SecurityGroupKind};

/// The ports a rule covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ports {
    /// `-1/-1`: every port (icmp, gre, all).
    Every,
    Range(u16, u16),
}

impl Ports {
    fn contains(self, other: Ports) -> bool {
        match (self, other) {
            (Ports::Every, _) => true,
            (Ports::Range(..), Ports::Every) => false,
            (Ports::Range(a, b), Ports::Range(c, d)) => a <= c && d <= b,
        }
    }
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

/// What is wrong with a rule, if anything (domain-facts §5: priority 1–100, PortRange 1–65535
/// "a/b" for TCP/UDP and -1/-1 for ICMP/GRE/ALL, a destination CIDR).
fn parse_rule(index: usize, rule: &EgressRule) -> Result<Rule, String> {
    if !(1..=100).contains(&rule.priority) {
        return Err(format!("priority {} is outside 1-100", rule.priority));
    }
    let range = rule.port_range.as_deref().unwrap_or("-1/-1");
    let ports = match range.split_once('/') {
        Some(("-1", "-1")) => Ports::Every,
        Some((a, b)) => match (a.parse::<u16>(), b.parse::<u16>()) {
            (Ok(a), Ok(b)) if a >= 1 && a <= b => Ports::Range(a, b),
            _ => {
                return Err(format!(
                    "port_range \"{range}\" is not \"start/end\" with 1 <= start <= end <= 65535"
                ))
            }
        },
        None => return Err(format!("port_range \"{range}\" is not \"start/end\"")),
    };
    match (rule.protocol.has_ports(), ports) {
        (true, Ports::Every) => {
            let got = match &rule.port_range {
                Some(r) => format!("not {r}"),
                None => "and has none".to_owned(),
            };
            return Err(format!(
                "{} needs a port_range such as 443/443 or 1/65535 (-1/-1 is for icmp, gre and all), {got}",
                rule.protocol.as_str()
            ));
        }
        (false, Ports::Range(..)) => {
            return Err(format!(
                "{} takes port_range -1/-1, not \"{range}\"",
                rule.protocol.as_str()
            ))
        }
        _ => {}
    }
    let dest = parse_cidr_lenient(&rule.destination)
        .map(|n| n.trunc())
        .map_err(|_| {
            format!(
                "destination \"{}\" is not a CIDR such as 0.0.0.0/0",
                rule.destination
            )
        })?;
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

/// A flow out of the service: destination, protocol, port.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FlowSpec {
    pub dest: IpNet,
    pub protocol: Protocol,
    pub port: Option<u16>,
    /// The `needs_internet` flow: only rules to 0.0.0.0/0 match it.
    pub internet: bool,
}

fn matches(rule: &Rule, flow: &FlowSpec) -> bool {
    // Protocol and ports first: they are cheap and rule out most rules of a group.
    let protocol = rule.protocol == Protocol::All || rule.protocol == flow.protocol;
    let port = match (rule.ports, flow.port) {
        (Ports::Every, _) => true,
        (Ports::Range(a, b), Some(p)) => a <= p && p <= b,
        (Ports::Range(..), None) => false,
    };
    protocol
        && port
        && if flow.internet {
            rule.dest.prefix_len() == 0 && rule.dest.addr().is_ipv4()
        } else {
            contains_net(&rule.dest, &flow.dest)
        }
}

/// The egress verdict: the deciding rule (`None`: the group's default) and whether it accepts.
/// Among matching rules the smallest priority wins; on a tie drop wins. No match: a basic
/// group accepts, an enterprise group drops (domain-facts §5).
pub fn verdict(group: &SecurityGroup, rules: &[Rule], flow: &FlowSpec) -> (Option<Rule>, bool) {
    let deciding = (rules.iter().copied())
        .filter(|r| matches(r, flow))
        .min_by_key(|r| (r.priority, r.policy != Policy::Drop, r.index));
    match deciding {
        Some(rule) => (Some(rule), rule.policy == Policy::Accept),
        None => (None, group.kind == SecurityGroupKind::Basic),
    }
}

/// Verdicts already reached, by security group and flow: services sharing a group send the
/// same flows (the internet on 443, a shared database), so each is judged once per analysis.
#[derive(Default)]
pub struct Verdicts(HashMap<(Pos, FlowSpec), (Option<Rule>, bool)>);

impl Verdicts {
    /// [`verdict`] of group `pos`, remembered.
    pub fn of(&mut self, ix: &Index, pos: Pos, flow: &FlowSpec) -> (Option<Rule>, bool) {
        *(self.0.entry((pos, *flow))).or_insert_with(|| {
            let group = &ix.plan.vpcs[pos.0].security_groups[pos.1];
            verdict(group, &ix.sg_rules[pos.0][pos.1], flow)
        })
    }
}

/// Describes a rule for messages: `egress[2] (drop tcp 443/443 to 0.0.0.0/0, priority 1)`.
pub fn describe(group: &SecurityGroup, index: usize) -> String {
    let r = &group.egress[index];
    let policy = r.policy.as_str();
    format!(
        "egress[{index}] ({policy} {} {} to {}, priority {})",
        r.protocol.as_str(),
        r.port_range.as_deref().unwrap_or("-1/-1"),
        r.destination,
        r.priority
    )
}

/// SG002 and SG003 for every security group.
pub fn check_groups(ix: &Index, out: &mut Findings) {
    for (v, vpc) in ix.plan.vpcs.iter().enumerate() {
        for (g, group) in vpc.security_groups.iter().enumerate() {
            // The index kept the rules that read; only the others are parsed again, for
            // what is wrong with them.
            let mut read = ix.sg_rules[v][g].iter().map(|r| r.index).peekable();
            for (i, rule) in group.egress.iter().enumerate() {
                if read.next_if_eq(&i).is_some() {
                    continue;
                }
                if let Err(problem) = parse_rule(i, rule) {
                    out.add("SG002", &group.id, format!("{} egress[{i}]: {problem}", group.id))
                        .fix(format!("Correct egress rule {i} of {}: priority 1-100, ports \"start/end\" for tcp/udp and -1/-1 otherwise, a destination CIDR.", group.id))
                        .at(format!("vpcs[{v}].security_groups[{g}].egress[{i}]"));
                }
            }
            let rules = &ix.sg_rules[v][g];
            for accept in rules.iter().filter(|r| r.policy == Policy::Accept) {
                let shadow = rules.iter().find(|d| {
                    d.policy == Policy::Drop
                        && d.priority <= accept.priority
                        && contains_net(&d.dest, &accept.dest)
                        && (d.protocol == Protocol::All || d.protocol == accept.protocol)
                        && d.ports.contains(accept.ports)
                });
                if let Some(drop) = shadow {
                    out.add("SG003", &group.id, format!("{} {} never applies: {} matches everything it matches and wins", group.id, describe(group, accept.index), describe(group, drop.index)))
                        .fix(if drop.priority > 1 {
                            format!("Give the accept rule a priority number smaller than {} (drop wins a tie), or narrow the drop rule.", drop.priority)
                        } else {
                            "The drop rule has priority 1, which no accept rule can beat: narrow the drop rule or delete it.".to_owned()
                        })
                        .at(format!("vpcs[{v}].security_groups[{g}].egress[{}]", accept.index));
                }
            }
        }
    }
}
