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
use crate::args;
use crate::i18n::Catalogue;
use crate::plan::{Plan, Target, TargetKind};
use crate::text::command::{Command, Value};
use crate::text::shell::comment;

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
    /// The product's own command that appends `to_add` (`aliyun rds ModifySecurityIps …
    /// --ModifyMode Append`, or PolarDB's, Redis's, MongoDB's), when the target's kind is one
    /// of those and something is missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
    /// Why `required` is empty, when it is: the path the source comes from is unknown (in the
    /// catalogue's language).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// For every target of `service` that has a `whitelist`, the entries to add to it: the vSwitch
/// CIDR for a private target unless the entries already cover it, the SNAT IPs not yet in it
/// for a public one. Targets whose whitelist is unknown (absent) are skipped. A note is in
/// `cat`'s words.
///
/// # Examples
/// ```
/// use easnet_core::analyze::{Flow, FlowRoute, Report, ServicePath};
/// use easnet_core::export::whitelist_entries;
/// use easnet_core::i18n::Catalogue;
/// use easnet_core::plan::{parse_plan, Protocol};
///
/// let plan = parse_plan(r#"{"version": 1, "services": [{
///   "service": {"metadata": {"name": "s"}},
///   "targets": [{"name": "rm-bp1orders", "address": "10.0.5.10", "port": 3306, "whitelist": ["10.0.1.7"]}]}]}"#).unwrap();
/// let flow = Flow {
///     name: "rm-bp1orders".into(), destination: "10.0.5.10".into(), protocol: Protocol::Tcp,
///     port: Some(3306), route: FlowRoute::Private, hops: vec![], ok: true, vswitch: None,
///     source_cidr: Some("10.0.1.0/24".into()), snat_ips: vec![],
/// };
/// let report = Report { paths: vec![ServicePath { service: "s".into(), flows: vec![flow] }], ..Report::default() };
/// let en = Catalogue::english();
/// let advice = whitelist_entries(&plan, &report, "s", en).unwrap();
/// assert_eq!(advice[0].to_add, ["10.0.1.0/24"]);
/// assert_eq!(
///     advice[0].command.as_deref(),
///     Some("aliyun rds ModifySecurityIps --DBInstanceId rm-bp1orders --SecurityIps 10.0.1.0/24 --ModifyMode Append")
/// );
///
/// assert!(whitelist_entries(&plan, &report, "nope", en).is_err());
/// ```
pub fn whitelist_entries(
    plan: &Plan,
    report: &Report,
    service: &str,
    cat: &Catalogue,
) -> Result<Vec<WhitelistAdvice>, ExportError> {
    let (_, entry) = find_service(plan, service)?;
    let flows: &[Flow] = (report.paths.iter())
        .find(|p| p.service == service)
        .map_or(&[], |p| &p.flows);
    Ok((entry.targets.iter())
        .filter_map(|t| Some((t, t.whitelist.as_ref()?)))
        .map(|(target, whitelist)| {
            // One flow per vSwitch the service starts from (plan-format.md, "Several
            // vSwitches"): the whitelist must admit what each of them sends.
            let name = target.display_name();
            let mut mine: Vec<&Flow> = (flows.iter())
                .filter(|f| f.name == name && f.destination == target.address)
                .collect();
            if mine.is_empty() {
                mine.extend(flows.iter().filter(|f| f.name == name));
            }
            advise(target, whitelist, &mine, cat)
        })
        .collect())
}

fn advise(
    target: &Target,
    whitelist: &[String],
    flows: &[&Flow],
    cat: &Catalogue,
) -> WhitelistAdvice {
    let entries: Vec<IpNet> = (whitelist.iter())
        .filter_map(|e| parse_cidr_lenient(e).ok())
        .map(|n| n.trunc())
        .collect();
    let mut advice = WhitelistAdvice {
        target: target.display_name().to_owned(),
        address: target.address.clone(),
        route: flows
            .first()
            .map_or_else(String::new, |f| f.route.as_str().to_owned()),
        required: Vec::new(),
        to_add: Vec::new(),
        command: None,
        note: None,
    };
    let Some(first) = flows.first() else {
        advice.note = Some(cat.text("export.whitelist.note.no_path", &[]));
        return advice;
    };
    // What each flow's source is, once each, in the order of the flows.
    let mut required = |items: &mut dyn Iterator<Item = &String>| {
        for item in items {
            if !advice.required.contains(item) {
                advice.required.push(item.clone());
            }
        }
    };
    match first.route {
        FlowRoute::Private => {
            required(&mut flows.iter().filter_map(|f| f.source_cidr.as_ref()));
            advice.to_add = (advice.required.iter())
                .filter(|cidr| match parse_cidr_lenient(cidr) {
                    Ok(net) => !covers_union(&entries, &net.trunc()),
                    Err(_) => true,
                })
                .cloned()
                .collect();
            if advice.required.is_empty() {
                advice.note = Some(cat.text("export.whitelist.note.no_cidr", &[]));
            }
        }
        FlowRoute::Internet => {
            required(&mut flows.iter().flat_map(|f| &f.snat_ips));
            advice.to_add = (advice.required.iter())
                .filter(|ip| match parse_cidr_lenient(ip) {
                    Ok(ip) => !entries.iter().any(|e| contains_net(e, &ip)),
                    Err(_) => true,
                })
                .cloned()
                .collect();
            if advice.required.is_empty() {
                advice.note = Some(cat.text("export.whitelist.note.no_snat_ip", &[]));
            }
        }
        FlowRoute::Unknown => {
            advice.note = Some(cat.text("export.whitelist.note.bad_address", &[]));
        }
    }
    if !advice.to_add.is_empty() {
        advice.command = whitelist_command(target, &advice.to_add).map(String::from);
    }
    advice
}

/// The product's own command that appends `to_add` to the target's allow-list, by the
/// target's kind ([`Target::inferred_kind`]): each API with `ModifyMode Append`, so the
/// entries already there stay (`Cover`, the default, would replace them), and the product's
/// own ID parameter (domain-facts §7).
/// The instance ID is `<InstanceId>` when the plan does not know it; a target of kind
/// `other`, or of no known kind, has no command.
fn whitelist_command(target: &Target, to_add: &[String]) -> Option<Command> {
    let (product, api, id) = match target.inferred_kind()? {
        TargetKind::Rds => ("rds", "ModifySecurityIps", "DBInstanceId"),
        TargetKind::Polardb => ("polardb", "ModifyDBClusterAccessWhitelist", "DBClusterId"),
        TargetKind::Redis => ("r-kvstore", "ModifySecurityIps", "InstanceId"),
        TargetKind::Mongodb => ("dds", "ModifySecurityIps", "DBInstanceId"),
        TargetKind::Other => return None,
    };
    Some(
        Command::aliyun(product, api)
            .arg(
                id,
                Value::data_or(target.inferred_instance_id(), "InstanceId"),
            )
            .arg("SecurityIps", Value::list(to_add, "SecurityIps"))
            .arg("ModifyMode", Value::shell("Append")),
    )
}

/// The advice as a shell script, the CLI's `export --what whitelist`: per target a `#` line
/// (what to add, or why nothing), then the command when there is one, so that the whole text
/// can be pasted into a shell as it is. The comments are in `cat`'s words.
///
/// # Examples
/// ```
/// use easnet_core::export::{whitelist_text, WhitelistAdvice};
/// use easnet_core::i18n::Catalogue;
/// let advice = WhitelistAdvice {
///     target: "db\n$(touch pwned)".into(), address: "10.0.5.10".into(), route: "private".into(),
///     required: vec!["10.0.1.0/24".into()], to_add: vec!["10.0.1.0/24".into()],
///     command: Some("aliyun rds ModifySecurityIps …".into()), note: None,
/// };
/// assert_eq!(
///     whitelist_text(&[advice], Catalogue::english()),
///     "# db\\n$(touch pwned) (10.0.5.10): add 10.0.1.0/24\naliyun rds ModifySecurityIps …\n"
/// );
/// ```
pub fn whitelist_text(advice: &[WhitelistAdvice], cat: &Catalogue) -> String {
    let mut out = String::new();
    for a in advice {
        let (target, address) = (&a.target, &a.address);
        let line = if let Some(note) = &a.note {
            cat.text(
                "export.whitelist.line.note",
                args![target = target, address = address, note = note],
            )
        } else if a.to_add.is_empty() {
            cat.text(
                "export.whitelist.line.admits",
                args![
                    target = target,
                    address = address,
                    entries = a.required.join(", ")
                ],
            )
        } else {
            cat.text(
                "export.whitelist.line.add",
                args![
                    target = target,
                    address = address,
                    entries = a.to_add.join(", ")
                ],
            )
        };
        out.push_str(&comment(&line));
        out.push('\n');
        if let Some(command) = a.command.as_ref().filter(|_| a.note.is_none()) {
            out.push_str(command);
            out.push('\n');
        }
    }
    out
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
            kind: None,
            instance_id: None,
        }
    }

    fn command(t: &Target) -> Option<String> {
        whitelist_command(t, &["10.0.1.0/24".into(), "47.0.0.1".into()]).map(String::from)
    }

    #[test]
    fn each_kind_has_its_products_command() {
        let tail = "--SecurityIps 10.0.1.0/24,47.0.0.1 --ModifyMode Append";
        let table = [
            (
                Some("rm-bp1abc"),
                "10.0.5.10",
                "rds ModifySecurityIps --DBInstanceId rm-bp1abc",
            ),
            (
                Some("pgm-2ze9x"),
                "10.0.5.10",
                "rds ModifySecurityIps --DBInstanceId pgm-2ze9x",
            ),
            (
                None,
                "rm-bp1abc.mysql.rds.aliyuncs.com",
                "rds ModifySecurityIps --DBInstanceId rm-bp1abc",
            ),
            (
                Some("pc-2ze1"),
                "10.0.5.10",
                "polardb ModifyDBClusterAccessWhitelist --DBClusterId pc-2ze1",
            ),
            (
                None,
                "r-bp1c.redis.rds.aliyuncs.com",
                "r-kvstore ModifySecurityIps --InstanceId r-bp1c",
            ),
            (
                Some("dds-bp1m"),
                "10.0.5.10",
                "dds ModifySecurityIps --DBInstanceId dds-bp1m",
            ),
            // A name with a space is no ID: the kind is known, the ID is not.
            (
                Some("rm-bad id"),
                "10.0.5.10",
                "rds ModifySecurityIps --DBInstanceId <InstanceId>",
            ),
        ];
        for (name, address, want) in table {
            assert_eq!(
                command(&target(name, address)),
                Some(format!("aliyun {want} {tail}")),
                "{name:?} {address}"
            );
        }
        // No prefix, no kind: no command (a name's words do not say what the target is).
        for name in ["orders-rds", "redis-cache", "rm-", "upgrade-api"] {
            assert_eq!(command(&target(Some(name), "10.0.5.10")), None, "{name}");
        }
    }

    #[test]
    fn kind_and_instance_id_win_over_the_name() {
        let mut t = target(Some("rm-bp1abc"), "10.0.5.10");
        t.kind = Some(TargetKind::Redis);
        // The name is an RDS ID, not a Redis one: not taken for the instance.
        assert_eq!(
            command(&t).unwrap(),
            "aliyun r-kvstore ModifySecurityIps --InstanceId <InstanceId> \
             --SecurityIps 10.0.1.0/24,47.0.0.1 --ModifyMode Append"
        );
        t.instance_id = Some("r-$(id)".into());
        assert!(command(&t).unwrap().contains("--InstanceId 'r-$(id)' "));
        t.kind = Some(TargetKind::Other);
        assert_eq!(command(&t), None);
        // A hostile SNAT IP stays one quoted word.
        let t = target(Some("rm-a"), "10.0.5.10");
        let cmd = whitelist_command(&t, &["47.0.0.1$(touch pwned)".into()]).unwrap();
        assert!(
            cmd.to_string()
                .contains("--SecurityIps '47.0.0.1$(touch pwned)' --ModifyMode"),
            "{cmd}"
        );
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
            vswitch: None,
            source_cidr: source.map(str::to_owned),
            snat_ips: snat.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn coverage() {
        let en = Catalogue::english();
        let t = target(Some("redis"), "10.0.5.10");
        let wl = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let private = flow(FlowRoute::Private, Some("10.0.1.0/24"), &[]);
        // Covered by a wider entry with host bits, or by two halves: nothing to add.
        assert!(advise(&t, &wl(&["10.0.1.9/16"]), &[&private], en)
            .to_add
            .is_empty());
        assert!(
            advise(&t, &wl(&["10.0.1.0/25", "10.0.1.128/25"]), &[&private], en)
                .to_add
                .is_empty()
        );
        // One IP of it, or junk: the CIDR is to be added.
        assert_eq!(
            advise(&t, &wl(&["10.0.1.7", "junk"]), &[&private], en).to_add,
            ["10.0.1.0/24"]
        );
        let public = flow(FlowRoute::Internet, None, &["47.96.1.10", "47.96.1.11"]);
        let a = advise(&t, &wl(&["47.96.1.10/32"]), &[&public], en);
        assert_eq!(
            (a.required.len(), a.to_add.clone()),
            (2, vec!["47.96.1.11".to_owned()])
        );
        assert_eq!(a.command, None);
        let none = advise(&t, &wl(&[]), &[&flow(FlowRoute::Internet, None, &[])], en);
        assert!(none.note.unwrap().contains("SNAT"));
        assert!(advise(&t, &wl(&[]), &[], en).note.is_some());
    }
}
