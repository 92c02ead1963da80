//! Plans built to hurt: what anyone can put in a share link (a plan of thousands of identical
//! vSwitches compresses into a few kilobytes), each aimed at a cost that could grow with the
//! square of the plan. Deterministic: the same size gives the same text. The robustness test
//! (`tests/hostile.rs`) analyses each within a memory and output bound proportional to its
//! size; `examples/hostile.rs` times them (BENCHMARKS.md).

/// One hostile plan: its name, what it aims at, and its JSON text.
#[derive(Debug, Clone)]
pub struct Hostile {
    pub name: &'static str,
    pub aim: &'static str,
    pub text: String,
}

/// A hostile plan's name, its aim, and the function that writes it at size `n`.
type Recipe = (&'static str, &'static str, fn(usize) -> String);

/// The hostile plans.
const PLANS: &[Recipe] = &[
    (
        "identical-vswitches",
        "CIDR006: n vSwitches of one CIDR overlap in n(n-1)/2 pairs",
        identical_vswitches,
    ),
    (
        "identical-vpc-cidrs",
        "CIDR007 and CIDR008: two peered VPCs of n identical CIDRs each",
        identical_vpc_cidrs,
    ),
    (
        "many-rules",
        "SG003 and the egress verdict: a security group of 10n rules, n targets",
        many_rules,
    ),
    (
        "one-snat-entry",
        "every flow through one SNAT entry of n IPs, on a gateway of n EIPs",
        one_snat_entry,
    ),
    (
        "deep-service",
        "a service JSON nested 10n deep",
        deep_service,
    ),
    (
        "max-integers",
        "n services of 2^63 - 1 instances in one vSwitch, and counts past 2^63 - 1",
        max_integers,
    ),
    (
        "long-strings",
        "a VPC, a security group, names and a region of 100n characters, named by every finding",
        long_strings,
    ),
];

/// The names of the hostile plans, in order.
pub fn names() -> impl Iterator<Item = &'static str> {
    PLANS.iter().map(|(name, _, _)| *name)
}

/// Every hostile plan at size `n` (thousands of objects where the aim is a count; the text
/// grows linearly with `n`).
///
/// # Examples
/// ```
/// let plans = easnet_core::samples::hostile::hostile_plans(10);
/// assert!(plans.iter().any(|p| p.name == "identical-vswitches"));
/// for plan in &plans {
///     assert!(plan.text.starts_with('{'), "{}", plan.name);
/// }
/// ```
pub fn hostile_plans(n: usize) -> Vec<Hostile> {
    names().filter_map(|name| hostile_plan(name, n)).collect()
}

/// The plan of [`hostile_plans`] named `name`, at size `n`, written alone.
pub fn hostile_plan(name: &str, n: usize) -> Option<Hostile> {
    let &(name, aim, write) = PLANS.iter().find(|(known, _, _)| *known == name)?;
    Some(Hostile {
        name,
        aim,
        text: write(n),
    })
}

/// `[a, b, c]` from the items.
fn list(items: impl Iterator<Item = String>) -> String {
    format!("[{}]", items.collect::<Vec<_>>().join(","))
}

/// A service on `vsw` (and `sg`) of VPC `vpc`, with `extra` JSON members after `"service"`.
fn service(name: &str, vpc: &str, vsw: &str, sg: &str, metadata: &str, extra: &str) -> String {
    format!(
        r#"{{"service":{{"metadata":{{"name":"{name}"{metadata}}},"cloud":{{"networking":{{"vpc_id":"{vpc}","vswitch_id":"{vsw}","security_group_id":"{sg}"}}}}}}{extra}}}"#
    )
}

/// A VPC `vpc-a` of 10.0.0.0/8 with `n` vSwitches of the same CIDR, all in use by services.
fn identical_vswitches(n: usize) -> String {
    let vswitches = list((0..n).map(|i| format!(r#"{{"id":"vsw-{i}","cidr":"10.0.0.0/24"}}"#)));
    let services = list((0..n.min(100)).map(|i| {
        service(
            &format!("svc-{i}"),
            "vpc-a",
            &format!("vsw-{i}"),
            "sg-a",
            r#","instance":2"#,
            r#","needs_internet":true"#,
        )
    }));
    format!(
        r#"{{"version":1,"region":"cn-hangzhou","vpcs":[{{"id":"vpc-a","cidrs":["10.0.0.0/8"],"vswitches":{vswitches},"security_groups":[{{"id":"sg-a","egress":[]}}]}}],"services":{services}}}"#
    )
}

/// Two VPCs of `n` copies of one CIDR each, peered: every CIDR of one overlaps every CIDR of
/// the other, and its own copies.
fn identical_vpc_cidrs(n: usize) -> String {
    let cidrs = list((0..n).map(|_| r#""10.0.0.0/16""#.to_owned()));
    format!(
        r#"{{"version":1,"vpcs":[{{"id":"vpc-a","cidrs":{cidrs},"vswitches":[{{"id":"vsw-a","cidr":"10.0.1.0/24"}}]}},{{"id":"vpc-b","cidrs":{cidrs},"vswitches":[{{"id":"vsw-b","cidr":"10.0.2.0/24"}}]}}],"peerings":[{{"id":"pcc-ab","kind":"vpc_peer","vpcs":["vpc-a","vpc-b"]}}]}}"#
    )
}

/// A security group of `10 n` rules, accepts shadowed by drops of every shape, and a service
/// with `n` targets of different ports, each asking the group for a verdict.
fn many_rules(n: usize) -> String {
    let rules = list((0..10 * n).map(|i| {
        let policy = if i % 2 == 0 { "accept" } else { "drop" };
        let port = 1 + i % 60_000;
        let (range, dest) = match i % 5 {
            0 => (format!("{port}/{port}"), "0.0.0.0/0".to_owned()),
            1 => ("1/65535".to_owned(), "10.0.0.0/8".to_owned()),
            2 => (format!("{port}/{}", port + 10), format!("10.{}.0.0/16", i % 256)),
            3 => (format!("{}/{}", port / 2 + 1, port), "10.1.0.0/16".to_owned()),
            _ => (format!("{port}/{port}"), format!("10.1.{}.0/24", i % 256)),
        };
        format!(
            r#"{{"policy":"{policy}","priority":{},"protocol":"tcp","port_range":"{range}","destination":"{dest}"}}"#,
            1 + i % 100
        )
    }));
    let targets = list((0..n).map(|i| {
        format!(
            r#"{{"address":"10.1.{}.{}","port":{},"protocol":"tcp"}}"#,
            i / 250 % 256,
            1 + i % 250,
            1 + i % 60_000
        )
    }));
    let svc = service(
        "svc",
        "vpc-a",
        "vsw-a",
        "sg-a",
        "",
        &format!(r#","needs_internet":true,"targets":{targets}"#),
    );
    format!(
        r#"{{"version":1,"vpcs":[{{"id":"vpc-a","cidrs":["10.0.0.0/16"],"vswitches":[{{"id":"vsw-a","cidr":"10.0.1.0/24"}}],"security_groups":[{{"id":"sg-a","kind":"enterprise","egress":{rules}}}]}},{{"id":"vpc-b","cidrs":["10.1.0.0/16"]}}],"services":[{svc}]}}"#
    )
}

/// `n` services leaving through one SNAT entry of `n` IPs (half of them not EIPs of the
/// gateway, which has `n` EIPs), each with a public target whitelisting one IP.
fn one_snat_entry(n: usize) -> String {
    let ip = |i: usize| format!("47.{}.{}.{}", 96 + i / 65_536 % 100, i / 256 % 256, i % 256);
    let eips = list((0..n).map(|i| format!(r#""{}""#, ip(2 * i))));
    let snat_ips = list((0..n).map(|i| format!(r#""{}""#, ip(i))));
    let services = list((0..n).map(|i| {
        let target = format!(r#","needs_internet":true,"targets":[{{"address":"203.0.113.5","port":443,"whitelist":["{}"]}}]"#, ip(0));
        service(&format!("svc-{i}"), "vpc-a", "vsw-a", "sg-a", "", &target)
    }));
    format!(
        r#"{{"version":1,"region":"cn-hangzhou","vpcs":[{{"id":"vpc-a","cidrs":["10.0.0.0/8"],"vswitches":[{{"id":"vsw-a","cidr":"10.0.0.0/16"}}],"route_tables":[{{"id":"vtb-a","kind":"system","routes":[{{"destination":"0.0.0.0/0","next_hop_type":"NatGateway","next_hop_id":"ngw-a"}}]}}],"security_groups":[{{"id":"sg-a","egress":[]}}],"nat_gateways":[{{"id":"ngw-a","kind":"internet","eips":{eips},"snat_entries":[{{"source":"vsw-a","snat_ips":{snat_ips}}},{{"source":"10.0.0.0/8","snat_ips":{snat_ips}}}]}}]}}],"services":{services}}}"#
    )
}

/// One service whose JSON holds a list nested `10 n` deep, past what any reader takes.
fn deep_service(n: usize) -> String {
    let depth = 10 * n;
    format!(
        r#"{{"version":1,"services":[{{"service":{{"metadata":{{"name":"deep"}},"x":{}{}}}}}]}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    )
}

/// `n` services of 2^63 - 1 instances (autoscaler max and surge too) in one IPv6 vSwitch, and
/// integers past what their fields hold in a second plan's worth of services.
fn max_integers(n: usize) -> String {
    const MAX: i64 = i64::MAX;
    let services = list((0..n).map(|i| {
        let metadata = match i % 4 {
            0 => format!(r#","instance":{MAX},"rolling_strategy":{{"max_surge":{MAX}}}"#),
            1 => format!(r#","instance":{MAX},"rolling_strategy":{{"max_surge":"100%","max_unavailable":{MAX}}}"#),
            2 => format!(r#","instance":-{MAX},"rolling_strategy":{{"max_surge":1{MAX}}}"#),
            _ => r#","instance":0,"rolling_strategy":{"max_surge":99999999999999999999999999999999}"#.to_owned(),
        };
        let svc = service(&format!("svc-{i}"), "vpc-a", "vsw-v6", "sg-a", &metadata, r#","needs_internet":false"#);
        // The autoscaler sits beside metadata in the service JSON.
        svc.replacen(r#"{"service":{"metadata""#, &format!(r#"{{"service":{{"autoscaler":{{"min":-{MAX},"max":{MAX}}},"metadata""#), 1)
    }));
    let vswitches = list((0..n).map(|i| {
        format!(
            r#"{{"id":"vsw-{i}","cidr":"2408:4000:1000:{:x}::/64","other_ips":{MAX}}}"#,
            i % 65_536
        )
    }));
    format!(
        r#"{{"version":1,"utilization_warning":1,"vpcs":[{{"id":"vpc-a","cidrs":["2408:4000::/32"],"vswitches":[{{"id":"vsw-v6","cidr":"2408:4000:ffff::/48","other_ips":{MAX}}}],"security_groups":[{{"id":"sg-a","egress":[{{"policy":"drop","priority":{MAX},"protocol":"all","destination":"::/0"}}]}}]}},{{"id":"vpc-b","cidrs":["2409:8000::/32"],"vswitches":{vswitches}}}],"services":{services}}}"#
    )
}

/// A region, a VPC ID, a security group ID and a few service names of `100 n` characters, and
/// `n` vSwitches of one CIDR in that VPC: every CIDR006 names the VPC, every command the
/// region, every flow the group.
fn long_strings(n: usize) -> String {
    let long = |c: char| c.to_string().repeat(100 * n);
    let (vpc, sg) = (format!("vpc-{}", long('v')), format!("sg-{}", long('g')));
    let vswitches = list((0..n).map(|i| format!(r#"{{"id":"vsw-{i}","cidr":"10.0.0.0/24"}}"#)));
    let services = list((0..10).map(|i| {
        let name = format!("svc-{i}-{}", long('n'));
        let targets = list((0..n).map(|t| {
            format!(
                r#"{{"address":"8.8.{}.{}","port":53,"protocol":"udp","whitelist":[]}}"#,
                t / 256 % 256,
                t % 256
            )
        }));
        service(
            &name,
            &vpc,
            &format!("vsw-{i}"),
            &sg,
            "",
            &format!(r#","needs_internet":true,"targets":{targets}"#),
        )
    }));
    format!(
        r#"{{"version":1,"region":"{}","vpcs":[{{"id":"{vpc}","cidrs":["10.0.0.0/8"],"vswitches":{vswitches},"security_groups":[{{"id":"{sg}","kind":"enterprise","egress":[]}}]}}],"services":{services}}}"#,
        long('r')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_plan_is_json_and_grows_linearly() {
        for (small, large) in hostile_plans(10).iter().zip(hostile_plans(40)) {
            let value: Result<serde_json::Value, _> = serde_json::from_str(&small.text);
            // The deep service is JSON past serde_json's nesting limit: that is its point.
            if small.name != "deep-service" {
                assert!(value.is_ok(), "{}: {value:?}", small.name);
            }
            let ratio = large.text.len() as f64 / small.text.len() as f64;
            assert!((2.0..=4.5).contains(&ratio), "{}: {ratio}", small.name);
        }
    }
}
