//! What each target's own allow-list must gain so the service gets in.
//!
//! What a target sees as the source is the analyzer's answer, not recomputed here: a private
//! target sees the service's vSwitch CIDR ([`Flow::source_cidr`]; the whole CIDR, because
//! instances get new IPs on restart), a public one the SNAT IPs of the covering SNAT entry
//! ([`Flow::snat_ips`]). This module only compares that with the whitelist and writes the
//! command.

use ipnet::IpNet;
use serde::{Deserialize, Serialize};

use super::lookup::find_service;
use super::ExportError;
use crate::addr::{contains_net, covers_union, parse_cidr_lenient};
use crate::analyze::{Flow, FlowRoute, Report};
use crate::plan::{Plan, Target};

/// What one target's whitelist needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WhitelistAdvice {
    /// The target's name (its address when it has none).
    pub target: String,
    pub address: String,
    /// `private` (the target sees the vSwitch CIDR) or `internet` (it sees the SNAT IPs).
    pub route: String,
    /// Everything the whitelist must admit.
    pub required: Vec<String>,
    /// The part of `required` it does not admit yet: the entries to add.
    pub to_add: Vec<String>,
    /// `aliyun rds ModifySecurityIps … --ModifyMode Append` with `to_add`, when the target
    /// looks like an RDS instance and something is missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
    /// Why `required` is empty, when it is: the path the source comes from is unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// For every target of `service` that has a `whitelist`, the entries to add to it: the vSwitch
/// CIDR for a private target unless the entries already cover it, the SNAT IPs not yet in it
/// for a public one. Targets whose whitelist is unknown (absent) are skipped.
///
/// # Examples
/// ```
/// use easnet_core::analyze::{Flow, FlowRoute, Report, ServicePath};
/// use easnet_core::export::whitelist_entries;
/// use easnet_core::plan::{parse_plan, Protocol};
///
/// let plan = parse_plan(r#"{"version": 1, "services": [{
///   "service": {"metadata": {"name": "s"}},
///   "targets": [{"name": "rm-bp1orders", "address": "10.0.5.10", "port": 3306, "whitelist": ["10.0.1.7"]}]}]}"#).unwrap();
/// let flow = Flow {
///     name: "rm-bp1orders".into(), destination: "10.0.5.10".into(), protocol: Protocol::Tcp,
///     port: Some(3306), route: FlowRoute::Private, hops: vec![], ok: true,
///     source_cidr: Some("10.0.1.0/24".into()), snat_ips: vec![],
/// };
/// let report = Report { paths: vec![ServicePath { service: "s".into(), flows: vec![flow] }], ..Report::default() };
/// let advice = whitelist_entries(&plan, &report, "s").unwrap();
/// assert_eq!(advice[0].to_add, ["10.0.1.0/24"]);
/// assert_eq!(
///     advice[0].command.as_deref(),
///     Some("aliyun rds ModifySecurityIps --DBInstanceId rm-bp1orders --SecurityIps \"10.0.1.0/24\" --ModifyMode Append")
/// );
///
/// assert!(whitelist_entries(&plan, &report, "nope").is_err());
/// ```
pub fn whitelist_entries(
    plan: &Plan,
    report: &Report,
    service: &str,
) -> Result<Vec<WhitelistAdvice>, ExportError> {
    let (_, entry) = find_service(plan, service)?;
    let flows: &[Flow] = (report.paths.iter())
        .find(|p| p.service == service)
        .map_or(&[], |p| &p.flows);
    Ok((entry.targets.iter())
        .filter_map(|t| Some((t, t.whitelist.as_ref()?)))
        .map(|(target, whitelist)| {
            let flow = flows
                .iter()
                .find(|f| f.name == target.display_name() && f.destination == target.address)
                .or_else(|| flows.iter().find(|f| f.name == target.display_name()));
            advise(target, whitelist, flow)
        })
        .collect())
}

fn advise(target: &Target, whitelist: &[String], flow: Option<&Flow>) -> WhitelistAdvice {
    let entries: Vec<IpNet> = (whitelist.iter())
        .filter_map(|e| parse_cidr_lenient(e).ok())
        .map(|n| n.trunc())
        .collect();
    let mut advice = WhitelistAdvice {
        target: target.display_name().to_owned(),
        address: target.address.clone(),
        route: flow.map_or_else(String::new, |f| f.route.as_str().to_owned()),
        required: Vec::new(),
        to_add: Vec::new(),
        command: None,
        note: None,
    };
    let Some(flow) = flow else {
        advice.note = Some("no path to this target was analysed, so its source is unknown".into());
        return advice;
    };
    if flow.route == FlowRoute::Private {
        advice.required.extend(flow.source_cidr.clone());
        advice.to_add = (advice.required.iter())
            .filter(|cidr| match parse_cidr_lenient(cidr) {
                Ok(net) => !covers_union(&entries, &net.trunc()),
                Err(_) => true,
            })
            .cloned()
            .collect();
        if advice.required.is_empty() {
            advice.note = Some("the service's vSwitch CIDR is unknown".into());
        }
    } else {
        advice.required = flow.snat_ips.clone();
        advice.to_add = (flow.snat_ips.iter())
            .filter(|ip| match parse_cidr_lenient(ip) {
                Ok(ip) => !entries.iter().any(|e| contains_net(e, &ip)),
                Err(_) => true,
            })
            .cloned()
            .collect();
        if advice.required.is_empty() {
            advice.note = Some(
                "no SNAT IP reaches this target: fix the internet path first (see the INET findings)"
                    .into(),
            );
        }
    }
    if !advice.to_add.is_empty() {
        advice.command = rds_instance_id(target).map(|id| {
            format!(
                "aliyun rds ModifySecurityIps --DBInstanceId {id} --SecurityIps \"{}\" --ModifyMode Append",
                advice.to_add.join(",")
            )
        });
    }
    advice
}

/// The RDS instance ID of a target, by a documented heuristic:
/// - a name (or a host name address) whose first label starts with `rm-` (RDS for MySQL and
///   SQL Server) or `pgm-` (RDS for PostgreSQL) is the DBInstanceId itself;
/// - a name with a word `rds`, `mysql`, `postgres`, `postgresql`, `pg`, `mariadb` or
///   `sqlserver` is an RDS instance whose ID the plan does not know: `<DBInstanceId>`;
/// - anything else is not taken for RDS (Redis, PolarDB and self-hosted databases have other
///   whitelist commands), and gets the entries without a command.
fn rds_instance_id(target: &Target) -> Option<String> {
    let is_id = |s: &str| {
        let label = s.split('.').next().unwrap_or_default();
        let ok = (label.starts_with("rm-") || label.starts_with("pgm-"))
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-');
        ok.then(|| label.to_owned())
    };
    if let Some(id) = target
        .name
        .as_deref()
        .and_then(is_id)
        .or_else(|| is_id(&target.address))
    {
        return Some(id);
    }
    const WORDS: [&str; 7] = [
        "rds",
        "mysql",
        "postgres",
        "postgresql",
        "pg",
        "mariadb",
        "sqlserver",
    ];
    let name = target.name.as_deref()?.to_ascii_lowercase();
    name.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| WORDS.contains(&w))
        .then(|| "<DBInstanceId>".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Protocol;

    fn target(name: Option<&str>, address: &str) -> Target {
        Target {
            name: name.map(str::to_owned),
            address: address.into(),
            port: Some(3306),
            protocol: Protocol::Tcp,
            whitelist: Some(vec![]),
        }
    }

    #[test]
    fn rds_heuristic() {
        let table = [
            (Some("rm-bp1abc"), "10.0.5.10", Some("rm-bp1abc")),
            (Some("pgm-2ze9x"), "10.0.5.10", Some("pgm-2ze9x")),
            (None, "rm-bp1abc.mysql.rds.aliyuncs.com", Some("rm-bp1abc")),
            (Some("orders-rds"), "10.0.5.10", Some("<DBInstanceId>")),
            (Some("orders_MySQL"), "10.0.5.10", Some("<DBInstanceId>")),
            (Some("pg-main"), "10.0.5.10", Some("<DBInstanceId>")),
            (Some("upgrade-api"), "10.0.5.10", None),
            (Some("redis-cache"), "10.0.5.10", None),
            (None, "10.0.5.10", None),
            (Some("rm-bad id"), "10.0.5.10", None),
        ];
        for (name, address, want) in table {
            assert_eq!(
                rds_instance_id(&target(name, address)).as_deref(),
                want,
                "{name:?}"
            );
        }
    }

    fn flow(route: FlowRoute, source: Option<&str>, snat: &[&str]) -> Flow {
        Flow {
            name: "t".into(),
            destination: "x".into(),
            protocol: crate::plan::Protocol::Tcp,
            port: Some(1),
            route,
            hops: vec![],
            ok: true,
            source_cidr: source.map(str::to_owned),
            snat_ips: snat.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn coverage() {
        let t = target(Some("redis"), "10.0.5.10");
        let wl = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let private = flow(FlowRoute::Private, Some("10.0.1.0/24"), &[]);
        // Covered by a wider entry with host bits, or by two halves: nothing to add.
        assert!(advise(&t, &wl(&["10.0.1.9/16"]), Some(&private))
            .to_add
            .is_empty());
        assert!(
            advise(&t, &wl(&["10.0.1.0/25", "10.0.1.128/25"]), Some(&private))
                .to_add
                .is_empty()
        );
        // One IP of it, or junk: the CIDR is to be added.
        assert_eq!(
            advise(&t, &wl(&["10.0.1.7", "junk"]), Some(&private)).to_add,
            ["10.0.1.0/24"]
        );
        let public = flow(FlowRoute::Internet, None, &["47.96.1.10", "47.96.1.11"]);
        let a = advise(&t, &wl(&["47.96.1.10/32"]), Some(&public));
        assert_eq!(
            (a.required.len(), a.to_add.clone()),
            (2, vec!["47.96.1.11".to_owned()])
        );
        assert_eq!(a.command, None);
        let none = advise(&t, &wl(&[]), Some(&flow(FlowRoute::Internet, None, &[])));
        assert!(none.note.unwrap().contains("SNAT"));
        assert!(advise(&t, &wl(&[]), None).note.is_some());
    }
}
