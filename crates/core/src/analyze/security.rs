//! Security groups: SG002 (malformed rules), SG003 (shadowed accepts) and the egress verdict
//! for a flow (plan-format.md, "Security group egress").

use ipnet::IpNet;
use rustc_hash::FxHashMap as HashMap;

use super::findings::Findings;
use super::index::{Index, Pos};
use super::rule::{parse_rule, Rule};
use super::rule_index::{shadowed, RuleIndex};
use super::Code;
use crate::plan::{Policy, Protocol, SecurityGroup, SecurityGroupKind};

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
                    out.add(Code::Sg002, &group.id, format!("{} egress[{i}]: {problem}", group.id))
                        .fix(format!("Correct egress rule {i} of {}: priority 1-100, ports \"start/end\" for tcp/udp and -1/-1 otherwise, a destination CIDR.", group.id))
                        .at(format!("vpcs[{v}].security_groups[{g}].egress[{i}]"));
                }
            }
            // SG003: one finding per shadowed accept rule, naming the drop rule with the
            // smallest priority number among those that shadow it (the number the accept rule
            // must get below), found without comparing every pair of rules.
            let rules = &ix.sg_rules[v][g];
            for (a, d) in shadowed(rules) {
                let (accept, drop) = (rules[a], rules[d]);
                out.add(Code::Sg003, &group.id, format!("{} {} never applies: {} matches everything it matches and wins", group.id, describe(group, accept.index), describe(group, drop.index)))
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
