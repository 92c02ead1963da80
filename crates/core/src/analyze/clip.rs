//! Strings as the report repeats them. A finding or a hop names the objects it is about, and
//! one object can be named by thousands of them (the VPC of every overlapping vSwitch, the
//! region of every command): an ID of a megabyte would make the report grow with the product
//! of the two, not with the plan (rules.md, "Settled readings": findings grow with the plan).
//! So the analyzer reads a plan whose strings longer than [`SHOWN`] characters are cut, with
//! their length and a hash of the whole so that two different long strings stay different.
//!
//! No string of a real plan is that long: the cloud's IDs are at most 30 characters or so
//! (domain-facts §2, ID prefixes), CIDRs at most 43. A cut ID no longer looks like its kind
//! (NET002), and a cut CIDR does not parse (CIDR001), which is what they were.

use std::hash::Hasher;

use rustc_hash::FxHasher;

use crate::plan::Plan;

/// The longest string the report repeats as it is, in bytes.
pub const SHOWN: usize = 256;

/// `s` cut to [`SHOWN`] bytes (at a character boundary), followed by what was cut:
/// `vsw-aaaa…(1048576 characters, #9f86d081884c7d65)`. `None` when it is short enough.
pub fn clip(s: &str) -> Option<String> {
    if s.len() <= SHOWN {
        return None;
    }
    let cut = (0..=SHOWN)
        .rev()
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(0);
    let mut hash = FxHasher::default();
    hash.write(s.as_bytes());
    Some(format!(
        "{}…({} characters, #{:016x})",
        &s[..cut],
        s.chars().count(),
        hash.finish()
    ))
}

/// Cuts `s` in place when it is too long.
pub fn clip_in_place(s: &mut String) {
    if let Some(short) = clip(s) {
        *s = short;
    }
}

/// Cuts each item of a comma-separated list (`vswitch_id`, `destination_cidrs`) that is too
/// long, keeping the others whole: a list of many short IDs is not one long ID.
pub fn clip_list_in_place(s: &mut String) {
    if s.len() <= SHOWN {
        return;
    }
    if s.split(',').all(|item| item.len() <= SHOWN) {
        return;
    }
    let items: Vec<String> = (s.split(','))
        .map(|item| clip(item).unwrap_or_else(|| item.to_owned()))
        .collect();
    *s = items.join(",");
}

/// Every string of the plan's own fields (not the service JSON, whose strings the index reads
/// and cuts itself), visited by `$f`; `$($m)?` is `mut` to visit them mutably.
macro_rules! each_string {
    ($plan:expr, $f:expr $(, $m:tt)?) => {{
        let plan = $plan;
        let f = $f;
        if let Some(s) = & $($m)? plan.region { f(s) }
        for vpc in & $($m)? plan.vpcs {
            f(& $($m)? vpc.id);
            for s in & $($m)? vpc.cidrs { f(s) }
            for vsw in & $($m)? vpc.vswitches {
                f(& $($m)? vsw.id);
                f(& $($m)? vsw.cidr);
                if let Some(s) = & $($m)? vsw.zone { f(s) }
                if let Some(s) = & $($m)? vsw.route_table { f(s) }
            }
            for table in & $($m)? vpc.route_tables {
                f(& $($m)? table.id);
                for route in & $($m)? table.routes {
                    f(& $($m)? route.destination);
                    f(& $($m)? route.next_hop_type);
                    if let Some(s) = & $($m)? route.next_hop_id { f(s) }
                }
            }
            for group in & $($m)? vpc.security_groups {
                f(& $($m)? group.id);
                for rule in & $($m)? group.egress {
                    f(& $($m)? rule.destination);
                    if let Some(s) = & $($m)? rule.port_range { f(s) }
                }
            }
            for nat in & $($m)? vpc.nat_gateways {
                f(& $($m)? nat.id);
                if let Some(s) = & $($m)? nat.vswitch { f(s) }
                for s in & $($m)? nat.eips { f(s) }
                for entry in & $($m)? nat.snat_entries {
                    f(& $($m)? entry.source);
                    for s in & $($m)? entry.snat_ips { f(s) }
                }
            }
        }
        for peering in & $($m)? plan.peerings {
            f(& $($m)? peering.id);
            for s in & $($m)? peering.vpcs { f(s) }
        }
        for group in & $($m)? plan.resource_groups {
            f(& $($m)? group.id);
            if let Some(net) = & $($m)? group.networking {
                for s in [& $($m)? net.vpc_id, & $($m)? net.security_group_id, & $($m)? net.default_route]
                    .into_iter()
                    .flatten()
                {
                    f(s)
                }
            }
        }
        for entry in & $($m)? plan.services {
            for target in & $($m)? entry.targets {
                if let Some(s) = & $($m)? target.name { f(s) }
                f(& $($m)? target.address);
                for s in (& $($m)? target.whitelist).into_iter().flatten() { f(s) }
            }
        }
    }};
}

/// The plan with its long strings cut, or `None` when none is long (every real plan: it is
/// then read as it is, with no copy).
pub fn long_strings_cut(plan: &Plan) -> Option<Plan> {
    let mut long = false;
    each_string!(plan, &mut |s: &String| long |= s.len() > SHOWN);
    let lists = |net: &crate::plan::Networking| {
        [&net.vswitch_id, &net.destination_cidrs]
            .into_iter()
            .flatten()
            .any(|s| s.split(',').any(|item| item.len() > SHOWN))
    };
    long |= (plan.resource_groups.iter()).any(|g| g.networking.as_ref().is_some_and(lists));
    if !long {
        return None;
    }
    let mut cut = plan.clone();
    each_string!(&mut cut, &mut |s: &mut String| clip_in_place(s), mut);
    for net in cut
        .resource_groups
        .iter_mut()
        .filter_map(|g| g.networking.as_mut())
    {
        for list in [&mut net.vswitch_id, &mut net.destination_cidrs]
            .into_iter()
            .flatten()
        {
            clip_list_in_place(list);
        }
    }
    Some(cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_strings_are_cut_and_stay_apart() {
        assert_eq!(clip("vsw-a"), None);
        assert_eq!(clip(&"x".repeat(SHOWN)), None);
        let a = clip(&"é".repeat(1000)).unwrap();
        assert!(a.starts_with(&"é".repeat(SHOWN / 2)), "{a}");
        assert!(a.contains("…(1000 characters, #"), "{a}");
        let b = clip(&format!("{}x", "é".repeat(999))).unwrap();
        assert_ne!(a, b);
        assert_eq!(clip(&"é".repeat(1000)).unwrap(), a);
    }

    #[test]
    fn a_plan_without_long_strings_is_not_copied() {
        let plan =
            crate::plan::parse_plan(crate::samples::examples::default_example().json).unwrap();
        assert!(long_strings_cut(&plan).is_none());
        let mut long = plan.clone();
        long.region = Some("r".repeat(100_000));
        long.vpcs[0].id = "vpc-".repeat(1000);
        let cut = long_strings_cut(&long).unwrap();
        assert!(cut.region.as_ref().unwrap().len() < 400);
        assert!(cut.vpcs[0].id.len() < 400);
        assert_eq!(cut.vpcs[0].vswitches, long.vpcs[0].vswitches);
    }
}
