//! Security groups: SG002 (malformed rules), SG003 (shadowed accepts) and the egress verdict
//! for a flow (plan-format.md, "Security group egress").

use ipnet::IpNet;
use rustc_hash::FxHashMap as HashMap;

use super::findings::Findings;
use super::index::{Index, Pos};
use super::rule::{parse_rule, Problem, Rule};
use super::rule_index::{shadowed, RuleIndex};
use super::Code;
use crate::args;
use crate::i18n::Catalogue;
use crate::plan::{EgressRule, Policy, Protocol, SecurityGroup, SecurityGroupKind};

/// A flow out of the service: destination, protocol, port.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FlowSpec {
    pub dest: IpNet,
    pub protocol: Protocol,
    pub port: Option<u16>,
    /// The `needs_internet` flow: only rules to 0.0.0.0/0 match it.
    pub internet: bool,
}

/// The egress verdict: the deciding rule (`None`: the group's default) and whether it accepts.
/// Among matching rules the smallest priority wins; on a tie drop wins. No match: a basic
/// group accepts, an enterprise group drops (domain-facts §5).
fn verdict(
    group: &SecurityGroup,
    rules: &[Rule],
    index: &RuleIndex,
    flow: &FlowSpec,
) -> (Option<Rule>, bool) {
    // The internet flow's destination is 0.0.0.0/0, which only rules to 0.0.0.0/0 contain.
    match index.deciding(&flow.dest, flow.protocol, flow.port) {
        Some(pos) => (Some(rules[pos]), rules[pos].policy == Policy::Accept),
        None => (None, group.kind == SecurityGroupKind::Basic),
    }
}

/// Verdicts already reached, by security group and flow: services sharing a group send the
/// same flows (the internet on 443, a shared database), so each is judged once per analysis.
/// A group's rules are indexed the first time a flow asks about them.
#[derive(Default)]
pub struct Verdicts {
    reached: HashMap<(Pos, FlowSpec), (Option<Rule>, bool)>,
    indexes: HashMap<Pos, RuleIndex>,
}

impl Verdicts {
    /// [`verdict`] of group `pos`, remembered.
    pub fn of(&mut self, ix: &Index, pos: Pos, flow: &FlowSpec) -> (Option<Rule>, bool) {
        let indexes = &mut self.indexes;
        *(self.reached.entry((pos, *flow))).or_insert_with(|| {
            let group = &ix.plan.vpcs[pos.0].security_groups[pos.1];
            let rules = &ix.sg_rules[pos.0][pos.1];
            let index = indexes.entry(pos).or_insert_with(|| RuleIndex::new(rules));
            verdict(group, rules, index, flow)
        })
    }
}

/// Describes a rule for messages: `egress[2] (drop tcp 443/443 to 0.0.0.0/0, priority 1)`.
pub fn describe(cat: &Catalogue, group: &SecurityGroup, index: usize) -> String {
    let r = &group.egress[index];
    let policy = cat.text(
        match r.policy {
            Policy::Accept => "words.policy.accept",
            Policy::Drop => "words.policy.drop",
        },
        &[],
    );
    cat.text(
        "words.egress_rule",
        args![
            index = index,
            policy = policy,
            protocol = r.protocol.as_str(),
            ports = r.port_range.as_deref().unwrap_or("-1/-1"),
            destination = r.destination,
            priority = r.priority
        ],
    )
}

/// SG002's message: what is wrong with egress rule `index` of `group`.
fn malformed(cat: &Catalogue, group: &str, index: usize, rule: &EgressRule, p: &Problem) -> String {
    let range = rule.port_range.as_deref().unwrap_or("-1/-1");
    let protocol = rule.protocol.as_str();
    match p {
        Problem::Priority => cat.text(
            "SG002.priority",
            args![group = group, index = index, priority = rule.priority],
        ),
        Problem::PortRange => cat.text(
            "SG002.port_range",
            args![group = group, index = index, range = range],
        ),
        Problem::PortRangeShape => cat.text(
            "SG002.port_range_shape",
            args![group = group, index = index, range = range],
        ),
        Problem::NeedsPorts(Some(range)) => cat.text(
            "SG002.needs_ports",
            args![
                group = group,
                index = index,
                protocol = protocol,
                range = range
            ],
        ),
        Problem::NeedsPorts(None) => cat.text(
            "SG002.needs_ports.none",
            args![group = group, index = index, protocol = protocol],
        ),
        Problem::NoPorts => cat.text(
            "SG002.no_ports",
            args![
                group = group,
                index = index,
                protocol = protocol,
                range = range
            ],
        ),
        Problem::Destination => cat.text(
            "SG002.destination",
            args![group = group, index = index, destination = rule.destination],
        ),
    }
}

/// SG002 and SG003 for every security group.
pub fn check_groups(ix: &Index, out: &mut Findings) {
    let cat = out.cat();
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
                    let message = malformed(cat, &group.id, i, rule, &problem);
                    out.add(Code::Sg002, &group.id, message)
                        .fix(cat.text("SG002.fix", args![index = i, group = group.id]))
                        .at(format!("vpcs[{v}].security_groups[{g}].egress[{i}]"));
                }
            }
            // SG003: one finding per shadowed accept rule, naming the drop rule with the
            // smallest priority number among those that shadow it (the number the accept rule
            // must get below), found without comparing every pair of rules.
            let rules = &ix.sg_rules[v][g];
            for (a, d) in shadowed(rules) {
                let (accept, drop) = (rules[a], rules[d]);
                let message = cat.text(
                    "SG003",
                    args![
                        group = group.id,
                        accept = describe(cat, group, accept.index),
                        drop = describe(cat, group, drop.index)
                    ],
                );
                out.add(Code::Sg003, &group.id, message)
                    .fix(if drop.priority > 1 {
                        cat.text("SG003.fix", args![priority = drop.priority])
                    } else {
                        cat.text("SG003.fix.priority_one", &[])
                    })
                    .at(format!(
                        "vpcs[{v}].security_groups[{g}].egress[{}]",
                        accept.index
                    ));
            }
        }
    }
}
