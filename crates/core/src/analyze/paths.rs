//! Every flow of every service: the internet path, private targets, the security group's
//! verdict (SG001) and the targets' whitelists (WL001, WL002), as findings and as hops.

use std::net::Ipv4Addr;

use ipnet::{IpNet, Ipv4Net};

use super::default_route::{self, OwnRoute};
use super::findings::{list_at, Findings};
use super::flow::{Origin, TableState, Trace};
use super::hops::Hops;
use super::index::{Index, Svc};
use super::placement::Placement;
use super::security::{describe, FlowSpec, Verdicts};
use super::{commands, internet, private, Code, Flow, FlowRoute, HopKind, ServicePath};
use crate::addr::{covers_union, parse_addr, parse_cidr, parse_cidr_lenient};
use crate::args;
use crate::plan::{Protocol, Target};

/// RFC 1918: a target there is private even when no VPC of the plan holds it (plan-format.md).
fn is_rfc1918(net: &IpNet) -> bool {
    let IpNet::V4(n) = net else { return false };
    [(10, 8), (172, 16), (192, 168)]
        .iter()
        .zip([8u8, 12, 16])
        .any(|(&(a, b), len)| {
            let block = Ipv4Net::new(Ipv4Addr::new(a, if a == 10 { 0 } else { b }, 0, 0), len)
                .expect("valid prefix");
            block.contains(n)
        })
}

pub fn trace_services(
    ix: &Index,
    placements: &[Placement],
    out: &mut Findings,
) -> Vec<ServicePath> {
    let mut verdicts = Verdicts::default();
    (ix.services.iter().zip(placements))
        .map(|(svc, place)| {
            let entry = &ix.plan.services[svc.index];
            let dests: Vec<Option<IpNet>> = (entry.targets.iter())
                .map(|t| parse_cidr(&t.address).ok())
                .collect();
            let kinds: Vec<Option<(IpNet, bool)>> = (dests.iter())
                .map(|d| d.map(|d| (d, is_private(ix, &d))))
                .collect();
            let own_route = OwnRoute::of(place);
            if let Some(route) = &own_route {
                default_route::check(ix, svc, entry, route, &kinds, out);
            }
            // One set of flows per vSwitch the paths can start from (plan-format.md, "Several
            // vSwitches"); none traceable: one set that says why.
            let origins: Vec<Origin> = (place.vswitches.iter())
                .filter(|p| p.traceable)
                .filter_map(|p| origin(ix, place, p.pos))
                .collect();
            let mut flows = Vec::new();
            if origins.is_empty() {
                let from = From {
                    ix,
                    svc,
                    place,
                    origin: None,
                    own_route: own_route.as_ref(),
                };
                service_flows(&from, &dests, &kinds, &mut flows, &mut verdicts, out);
            }
            for o in &origins {
                let since = out.len();
                let needs_routes = entry.needs_internet
                    || dests
                        .iter()
                        .flatten()
                        .any(|dest| needs_route(ix, o.v, dest));
                if matches!(o.table, TableState::Unknown) && needs_routes {
                    let (cat, vpc) = (out.cat(), &ix.plan.vpcs[o.v].id);
                    out.add(
                        Code::Net006,
                        &o.vsw.id,
                        cat.text("NET006.route_table", args![vswitch = o.vsw.id, vpc = vpc]),
                    )
                    .fix(cat.text("NET006.route_table.fix", args![vpc = vpc]))
                    .at(o.vsw_at.clone());
                }
                let from = From {
                    ix,
                    svc,
                    place,
                    origin: Some(o),
                    own_route: own_route.as_ref(),
                };
                service_flows(&from, &dests, &kinds, &mut flows, &mut verdicts, out);
                // rules.md: a service with several vSwitches is one subject, and each finding
                // names the vSwitch it is about.
                if place.several() {
                    out.name_source(since, &o.vsw.id);
                }
            }
            ServicePath {
                service: svc.name.clone(),
                flows,
            }
        })
        .collect()
}

/// The flows of one service from one origin: the internet (`needs_internet`), then each target.
fn service_flows(
    from: &From,
    dests: &[Option<IpNet>],
    kinds: &[Option<(IpNet, bool)>],
    flows: &mut Vec<Flow>,
    verdicts: &mut Verdicts,
    out: &mut Findings,
) {
    let (ix, svc) = (from.ix, from.svc);
    let entry = &ix.plan.services[svc.index];
    let vswitch = from.origin.map(|o| o.vsw.id.clone());
    if entry.needs_internet {
        let dest = IpNet::V4(Ipv4Net::default());
        let spec = FlowSpec {
            dest,
            protocol: Protocol::Tcp,
            port: Some(443),
            internet: true,
        };
        let to = To {
            name: "internet",
            subject: &svc.name,
            spec,
            target: None,
            private: false,
        };
        flows.push(flow(from, to, verdicts, out));
    }
    for (t, target) in entry.targets.iter().enumerate() {
        let subject = [&svc.name, "/", target.display_name()].concat();
        let (Some(dest), Some((_, private))) = (dests[t], kinds[t]) else {
            // CIDR001 names the address; nothing else can be judged.
            let mut hops = Hops::default();
            hops.fail(
                HopKind::Target,
                target.address.clone(),
                &[Code::Cidr001],
                Some(format!("services[{}].targets[{t}].address", svc.index)),
            );
            flows.push(Flow {
                name: target.display_name().to_owned(),
                destination: target.address.clone(),
                protocol: target.protocol,
                port: target.port,
                route: FlowRoute::Unknown,
                ok: false,
                hops: hops.list,
                vswitch: vswitch.clone(),
                source_cidr: None,
                snat_ips: Vec::new(),
            });
            continue;
        };
        let spec = FlowSpec {
            dest,
            protocol: target.protocol,
            port: target.port.and_then(|p| u16::try_from(p).ok()),
            internet: false,
        };
        let to = To {
            name: target.display_name(),
            subject: &subject,
            spec,
            target: Some((t, target)),
            private,
        };
        flows.push(flow(from, to, verdicts, out));
    }
}

/// Whether a target at `dest` is reached privately: inside a VPC of the plan, or in RFC 1918
/// space (plan-format.md); otherwise it is public, through the internet path.
fn is_private(ix: &Index, dest: &IpNet) -> bool {
    ix.in_some_vpc(dest) || is_rfc1918(dest)
}

/// Where every flow of one service starts.
struct From<'a, 'p> {
    ix: &'a Index<'p>,
    svc: &'a Svc,
    place: &'a Placement,
    /// `None` when the service's networking is missing, partial or undescribed.
    origin: Option<&'a Origin<'p>>,
    /// The service's default route, when it stays in EAS's own network (NET008, NET009).
    own_route: Option<&'a OwnRoute>,
}

/// Where one flow goes: its name in the report, its findings' subject, what it carries, and
/// its target (none for the `needs_internet` flow).
struct To<'a> {
    name: &'a str,
    subject: &'a str,
    spec: FlowSpec,
    target: Option<(usize, &'a Target)>,
    /// Whether it goes to a private target (else the internet or a public target).
    private: bool,
}

/// Whether a flow to `dest` looks up a route: a public target (the internet path) or one in
/// another VPC of the plan. A target in the service's own VPC needs no route check (local
/// route, plan-format.md) and one in no VPC cannot be checked (PRIV004): for those an unknown
/// route table skips nothing, so no NET006. (An address that does not parse is CIDR001 and
/// never gets here.)
fn needs_route(ix: &Index, v: usize, dest: &IpNet) -> bool {
    match ix.home_vpc(dest, v) {
        None => !is_rfc1918(dest),
        Some(home) => home != v,
    }
}

fn origin<'p>(ix: &Index<'p>, place: &Placement, (v, i): (usize, usize)) -> Option<Origin<'p>> {
    let vsw = &ix.plan.vpcs[v].vswitches[i];
    let table = match ix.route_table_of((v, i)) {
        Some(((_, t), table)) => TableState::Known(t, table),
        None if vsw.route_table.is_some() => TableState::Missing,
        None => TableState::Unknown,
    };
    let sg = place
        .security_group
        .map(|(gv, g)| ((gv, g), &ix.plan.vpcs[gv].security_groups[g]));
    Some(Origin {
        v,
        vsw,
        vsw_label: format!("{} {}", vsw.id, vsw.cidr),
        vsw_at: format!("vpcs[{v}].vswitches[{i}]"),
        sg_at: sg.map_or_else(String::new, |((gv, g), _)| {
            format!("vpcs[{gv}].security_groups[{g}]")
        }),
        vsw_net: ix.vsw_cidr((v, i)),
        vsw_net_text: ix.vsw_cidr((v, i)).map(|n| n.to_string()),
        table,
        sg,
    })
}

/// One flow as hops: the service, its vSwitch, the security group's verdict, then the
/// private or internet path, the target's whitelist and the target.
fn flow(from: &From, to: To, verdicts: &mut Verdicts, out: &mut Findings) -> Flow {
    let (ix, svc) = (from.ix, from.svc);
    let spec = &to.spec;
    let mut hops = Hops::default();
    hops.pass(
        HopKind::Service,
        svc.name.clone(),
        Some(svc.at().to_owned()),
    );
    let private = to.private;
    let route = if private {
        FlowRoute::Private
    } else {
        FlowRoute::Internet
    };
    let Some(o) = from.origin else {
        // Networking missing, partial, inconsistent or undescribed: the placement findings
        // say why; no path finding is added (rules.md).
        hops.unknown(
            HopKind::VSwitch,
            out.cat().text("hop.no_networking", &[]),
            &[],
            from.place.networking_at.clone(),
        );
        return finish(&to, route, hops, None, None, Vec::new());
    };
    // NET008/NET009 (reported once per service by `default_route::check`): the flow does
    // not enter the VPC; it is still traced as if it did, so the rest is judged too.
    let own_route = from.own_route.and_then(|r| r.code_for(&spec.dest, private));
    match own_route {
        Some(code) => hops.independent(
            HopKind::VSwitch,
            o.vsw_label.clone(),
            Some(false),
            &[code],
            Some(o.vsw_at.clone()),
        ),
        None => hops.pass(
            HopKind::VSwitch,
            o.vsw_label.clone(),
            Some(o.vsw_at.clone()),
        ),
    }
    let mut t = Trace::new(ix, o, to.subject, hops, out);
    security_verdict(&mut t, spec, verdicts);
    let mut snat_ips = Vec::new();
    if private {
        let target_at = to.target.map_or_else(String::new, |(i, _)| {
            format!("services[{}].targets[{i}]", svc.index)
        });
        private::trace(&mut t, &spec.dest, &target_at);
    } else {
        snat_ips = internet::trace(&mut t, &spec.dest);
        t.hops.fill(&[
            HopKind::RouteTable,
            HopKind::NatGateway,
            HopKind::SnatEntry,
            HopKind::Eip,
        ]);
    }
    if let Some((i, target)) = to.target {
        whitelist(&mut t, svc, (i, target), private, &snat_ips);
        t.pass(
            HopKind::Target,
            [target.display_name(), " ", &target.address].concat(),
            Some(format!("services[{}].targets[{i}]", svc.index)),
        );
    } else {
        let label = t.out.cat().text("hop.internet", &[]);
        t.pass(HopKind::Internet, label, None);
    }
    let hops = t.hops;
    let vswitch = Some(o.vsw.id.clone());
    finish(&to, route, hops, vswitch, o.vsw_net_text.clone(), snat_ips)
}

fn finish(
    to: &To,
    route: FlowRoute,
    hops: Hops,
    vswitch: Option<String>,
    source_cidr: Option<String>,
    snat_ips: Vec<String>,
) -> Flow {
    Flow {
        name: to.name.to_owned(),
        destination: match to.target {
            Some((_, t)) => t.address.clone(),
            None if to.spec.internet => "0.0.0.0/0".to_owned(),
            None => to.spec.dest.to_string(),
        },
        protocol: to.spec.protocol,
        port: to.target.map_or(Some(443), |(_, t)| t.port),
        route,
        ok: hops.ok(),
        hops: hops.list,
        vswitch,
        source_cidr,
        snat_ips,
    }
}

/// SG001: the security group's egress verdict, judged on its own for every flow
/// (EAS-NET: "All outbound traffic from EAS services is subject to security group rules").
fn security_verdict(t: &mut Trace, spec: &FlowSpec, verdicts: &mut Verdicts) {
    let (ix, o, subject, cat) = (t.ix, t.o, t.subject, t.out.cat());
    let Some(((gv, g), group)) = o.sg else {
        let label = cat.text("hop.security_group_unknown", &[]);
        t.hops
            .independent(HopKind::SecurityGroup, label, None, &[Code::Net006], None);
        return;
    };
    let at = o.sg_at.clone();
    let (rule, accepted) = verdicts.of(ix, (gv, g), spec);
    if accepted {
        t.hops.independent(
            HopKind::SecurityGroup,
            group.id.clone(),
            Some(true),
            &[],
            Some(at),
        );
        return;
    }
    // Judged on its own: the hop fails without stopping the path.
    t.hops.independent(
        HopKind::SecurityGroup,
        group.id.clone(),
        Some(false),
        &[Code::Sg001],
        Some(at.clone()),
    );
    let because = match rule {
        Some(rule) => describe(cat, group, rule.index),
        None => cat.text("SG001.enterprise_default", &[]),
    };
    let ports = match spec.port {
        Some(p) if spec.protocol.has_ports() => format!("{p}/{p}"),
        _ => "-1/-1".to_owned(),
    };
    let dest = spec.dest.to_string();
    let proto = spec.protocol.as_str();
    let flow = match spec.port.filter(|_| spec.protocol.has_ports()) {
        _ if spec.internet => cat.text("SG001.flow.internet", &[]),
        Some(port) => cat.text(
            "SG001.flow.port",
            args![protocol = proto, port = port, dest = dest],
        ),
        None => cat.text("SG001.flow", args![protocol = proto, dest = dest]),
    };
    let found = t.out.add(
        Code::Sg001,
        subject,
        cat.text(
            "SG001",
            args![
                group = group.id,
                subject = subject,
                flow = flow,
                because = because
            ],
        ),
    );
    // Drop wins a tie, so the accept rule must have a smaller number than the drop rule; a
    // drop rule at priority 1 cannot be beaten and must be narrowed or removed instead.
    let found = match rule.map(|r| r.priority) {
        Some(1) => found.fix(cat.text(
            "SG001.fix.priority_one",
            args![
                because = because,
                protocol = proto,
                ports = ports,
                dest = dest
            ],
        )),
        // An accept rule one step before the drop rule, or at 1 in an enterprise group,
        // which drops what no rule accepts.
        Some(p) => {
            let args = args![
                group = group.id,
                protocol = proto,
                ports = ports,
                dest = dest,
                priority = p - 1,
                drop = p
            ];
            let command =
                commands::authorize_egress(ix.region(), &group.id, proto, &ports, &dest, p - 1);
            found.fix(cat.text("SG001.fix", args)).command(command)
        }
        None => {
            let args = args![
                group = group.id,
                protocol = proto,
                ports = ports,
                dest = dest
            ];
            let command =
                commands::authorize_egress(ix.region(), &group.id, proto, &ports, &dest, 1);
            found
                .fix(cat.text("SG001.fix.enterprise", args))
                .command(command)
        }
    };
    found.at(list_at(&at, "egress", !group.egress.is_empty()));
}

/// WL001 (private: the whole vSwitch CIDR, since instances get new IPs on restart — EAS-NET)
/// and WL002 (public: every SNAT IP — EAS-OLD "Configure a whitelist"). An absent whitelist
/// is unknown and not checked. Entries that do not parse are WL003, and the rest of the list
/// is judged without them (rules.md, "Settled readings": unparsable parts are skipped, the
/// rest is judged).
fn whitelist(
    tr: &mut Trace,
    svc: &Svc,
    (t, target): (usize, &Target),
    private: bool,
    snat_ips: &[String],
) {
    let (o, cat) = (tr.o, tr.out.cat());
    let Some(list) = &target.whitelist else {
        return;
    };
    let at = format!("services[{}].targets[{t}].whitelist", svc.index);
    let entries: Vec<IpNet> = list
        .iter()
        .filter_map(|e| parse_cidr_lenient(e).ok())
        .collect();
    let shown = Shown(list);
    let name = target.display_name();
    // An empty whitelist is said in words of its own ("is empty").
    let empty = list.is_empty();
    // What the whitelist must admit, and the finding when it does not.
    let (code, needed, message, fix) = if private {
        let (Some(src), Some(src_text)) = (o.vsw_net, &o.vsw_net_text) else {
            return;
        };
        if covers_union(&entries, &src) {
            return tr.pass(
                HopKind::Whitelist,
                cat.text("hop.whitelist_covers", args![cidr = src_text]),
                Some(at),
            );
        }
        let message = cat.text(
            if empty { "WL001.empty" } else { "WL001" },
            args![
                target = name,
                whitelist = shown,
                vswitch = o.vsw.id,
                cidr = src
            ],
        );
        (
            Code::Wl001,
            src.to_string(),
            message,
            cat.text("WL001.fix", args![cidr = src, target = name]),
        )
    } else {
        if snat_ips.is_empty() {
            return;
        }
        let missing: Vec<&str> = (snat_ips.iter())
            .filter(|ip| {
                parse_addr(ip).is_ok_and(|a| !entries.iter().any(|e| e.trunc().contains(&a)))
            })
            .map(String::as_str)
            .collect();
        if missing.is_empty() {
            let label = cat.text("hop.whitelist_has_snat_ips", &[]);
            return tr.pass(HopKind::Whitelist, label, Some(at));
        }
        let missing = missing.join(&cat.text("words.list_separator", &[]));
        let message = cat.text(
            if empty { "WL002.empty" } else { "WL002" },
            args![
                target = name,
                whitelist = shown,
                missing = missing,
                service = svc.name
            ],
        );
        (
            Code::Wl002,
            missing.clone(),
            message,
            cat.text("WL002.fix", args![missing = missing, target = name]),
        )
    };
    let hop = (
        HopKind::Whitelist,
        cat.text("hop.whitelist_misses", args![needed = needed]),
        Some(at.clone()),
    );
    tr.stop(code, hop, message).fix(fix).at(at);
}

/// A whitelist as messages show it: `[a, b]` (an empty one has messages of its own). Written
/// out only when a message needs it.
struct Shown<'a>(&'a [String]);

impl std::fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "[{}]", self.0.join(", "))
    }
}
