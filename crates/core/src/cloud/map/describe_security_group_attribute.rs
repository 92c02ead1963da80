//! `ecs DescribeSecurityGroupAttribute` → one group's egress rules. `Policy` `Accept`/`Drop`,
//! `IpProtocol` `TCP`/`ALL` in any case; `Priority` a number or a string; the destination is
//! the first non-empty of `DestCidrIp` and `Ipv6DestCidrIp`. A rule towards a security group
//! or a prefix list, with a port list, or for ICMPv6 is skipped; so are ingress rules, which
//! the plan does not check.

use serde_json::Value;

use crate::cloud::facts::{push_new, Facts};
use crate::cloud::read::{int, is, list, text};
use crate::cloud::summary::{Kind, Said};
use crate::plan::{EgressRule, Policy, Protocol};

pub(super) fn map(v: &Value, facts: &mut Facts) -> usize {
    let items = list(v, "Permissions", "Permission");
    // Rules without a group were refused by `read_paste`; a group with no rules has this.
    let Some(group) = text(v, "SecurityGroupId") else {
        return items.len();
    };
    facts.see_region(text(v, "RegionId"));
    let mut egress = Vec::new();
    let mut ingress = 0usize;
    for (i, p) in items.iter().enumerate() {
        let rule_id = text(p, "SecurityGroupRuleId").unwrap_or_else(|| format!("rule {}", i + 1));
        let name = format!("{group} {rule_id}");
        match text(p, "Direction")
            .map(|d| d.to_ascii_lowercase())
            .as_deref()
        {
            Some("egress") => match egress_rule(p) {
                // Repeats are dropped when the rules join the group's, below.
                Ok(rule) => egress.push(rule),
                Err(why) => facts.skip(Kind::EgressRule, name, why),
            },
            Some("ingress") => ingress += 1,
            Some(other) => facts.skip(
                Kind::EgressRule,
                name,
                Said::new("summary.skip.rule_direction").with("direction", other),
            ),
            None => facts.skip(
                Kind::EgressRule,
                name,
                Said::new("summary.skip.rule_no_direction"),
            ),
        }
    }
    if ingress > 0 {
        facts.skip(
            Kind::IngressRule,
            &group,
            Said::new("summary.skip.ingress").counted(ingress),
        );
    }
    if is(v, "InnerAccessPolicy", "Drop") {
        facts.skip(
            Kind::SecurityGroup,
            &group,
            Said::new("summary.skip.inner_drop"),
        );
    }
    let rules = facts.rules.entry(group).or_default();
    rules.vpc = text(v, "VpcId").or(rules.vpc.take());
    for rule in egress {
        push_new(&mut rules.egress, rule);
    }
    items.len()
}

/// One egress permission as a plan rule, or why it cannot be one.
fn egress_rule(p: &Value) -> Result<EgressRule, Said> {
    let policy = match text(p, "Policy").map(|s| s.to_ascii_lowercase()).as_deref() {
        None | Some("accept") => Policy::Accept,
        Some("drop") => Policy::Drop,
        Some(other) => return Err(Said::new("summary.skip.rule_policy").with("policy", other)),
    };
    let priority = match int(p, "Priority") {
        None => 1,
        Some(Ok(n)) => n,
        Some(Err(shown)) => {
            return Err(Said::new("summary.skip.rule_priority").with("priority", shown))
        }
    };
    let protocol = match text(p, "IpProtocol")
        .map(|s| s.to_ascii_lowercase())
        .as_deref()
    {
        Some("tcp") => Protocol::Tcp,
        Some("udp") => Protocol::Udp,
        Some("icmp") => Protocol::Icmp,
        Some("gre") => Protocol::Gre,
        Some("all") => Protocol::All,
        Some("icmpv6") => return Err(Said::new("summary.skip.rule_icmpv6")),
        Some(other) => return Err(Said::new("summary.skip.rule_protocol").with("protocol", other)),
        None => return Err(Said::new("summary.skip.rule_no_protocol")),
    };
    if let Some(list) = text(p, "PortRangeListId") {
        return Err(Said::new("summary.skip.rule_port_list").with("list", list));
    }
    let destination = if let Some(d) = text(p, "DestCidrIp").or_else(|| text(p, "Ipv6DestCidrIp")) {
        d
    } else if let Some(g) = text(p, "DestGroupId") {
        return Err(Said::new("summary.skip.rule_to_group").with("group", g));
    } else if let Some(pl) = text(p, "DestPrefixListId") {
        return Err(Said::new("summary.skip.rule_to_prefix_list").with("list", pl));
    } else {
        return Err(Said::new("summary.skip.rule_no_destination"));
    };
    Ok(EgressRule {
        policy,
        priority,
        protocol,
        port_range: text(p, "PortRange"),
        destination,
    })
}
