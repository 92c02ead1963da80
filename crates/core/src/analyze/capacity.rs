//! Capacity: CAP003 and CAP004 per service, CAP001 and CAP002 per vSwitch, and the capacity
//! report. One ENI, so one private IP, per instance (domain-facts §1, EAS-NET); extra
//! instances during a rolling update per `max_surge` (EAS-ROLL); integer maths only.

use ipnet::IpNet;

use super::commands;
use super::findings::Findings;
use super::index::{Index, Svc};
use super::placement::Placement;
use super::Code;
use super::{CapacityRow, ServiceUse};
use crate::addr::{
    exceeds_threshold, first_free_block, parse_surge, smallest_ipv4_prefix,
    smallest_ipv4_prefix_under, total_needed, usable_ips, ServiceNeed, SurgeError,
};
use crate::args;
use crate::i18n::Catalogue;
use crate::plan::Plan;
use crate::text::decimal;

/// IPs a service needs, after CAP003 and CAP004 (a bad `max_surge` falls back to the default
/// surge; a negative count counts as 0).
fn service_need(svc: &Svc, out: &mut Findings) -> ServiceNeed {
    let cat = out.cat();
    let rolling_at = |key: &str| {
        format!(
            "{}.{}.{key}",
            svc.at(),
            svc.read.rolling_path.unwrap_or("metadata.rolling_strategy")
        )
    };
    let mut surge = None;
    for (key, value) in [
        ("max_surge", &svc.read.max_surge),
        ("max_unavailable", &svc.read.max_unavailable),
    ] {
        let Some(value) = value else { continue };
        match parse_surge(value) {
            Ok(s) if key == "max_surge" => surge = Some(s),
            Ok(_) => {}
            Err(e) => {
                let why = cat.text(surge_error_key(e), &[]);
                out.add(
                    Code::Cap003,
                    &svc.name,
                    cat.text(
                        "CAP003",
                        args![service = svc.name, key = key, value = value, why = why],
                    ),
                )
                .fix(cat.text("CAP003.fix", args![key = key]))
                .at(rolling_at(key));
            }
        }
    }
    let auto = format!("{}.{}", svc.at(), svc.read.autoscaler_path);
    if let Some(min) = svc.read.autoscaler_min.filter(|&m| m < 1) {
        out.add(
            Code::Cap004,
            &svc.name,
            cat.text("CAP004.min", args![service = svc.name, min = min]),
        )
        .fix(cat.text("CAP004.min.fix", &[]))
        .at(format!("{auto}.min"));
    }
    if let (Some(min), Some(max)) = (svc.read.autoscaler_min, svc.read.autoscaler_max) {
        if max < min {
            out.add(
                Code::Cap004,
                &svc.name,
                cat.text(
                    "CAP004.max",
                    args![service = svc.name, max = max, min = min],
                ),
            )
            .fix(cat.text("CAP004.max.fix", &[]))
            .at(format!("{auto}.max"));
        }
    }
    if let Some(n) = svc.read.instance.filter(|&n| n < 0) {
        out.add(
            Code::Cap004,
            &svc.name,
            cat.text("CAP004.instance", args![service = svc.name, n = n]),
        )
        .fix(cat.text("CAP004.instance.fix", &[]))
        .at(format!("{}.metadata.instance", svc.at()));
    }
    let count = |n: Option<i64>| n.map(|n| u64::try_from(n).unwrap_or(0));
    ServiceNeed::compute(
        count(svc.read.instance),
        count(svc.read.autoscaler_max),
        surge,
    )
    .units(svc.read.unit_size.unwrap_or(1))
}

/// Counts summed by [`total_needed`] (never wrapping); `None` when a part or the sum is past
/// what a count holds.
fn sum_counts(parts: impl Iterator<Item = Option<u64>>) -> Option<u64> {
    total_needed(parts.collect::<Option<Vec<u64>>>()?)
}

/// The catalogue key of why a `max_surge` was refused.
fn surge_error_key(e: SurgeError) -> &'static str {
    match e {
        SurgeError::NotCount => "CAP003.not_count",
        SurgeError::NotPercent => "CAP003.not_percent",
        SurgeError::OutOfRange => "CAP003.out_of_range",
        _ => "CAP003.wrong_type",
    }
}

/// The threshold of CAP002.
pub fn threshold(plan: &Plan) -> f64 {
    plan.utilization_warning
        .unwrap_or(Plan::DEFAULT_UTILIZATION_WARNING)
}

/// CAP001 to CAP004 and a capacity row per vSwitch with a readable CIDR, in plan order.
pub fn check_capacity(
    ix: &Index,
    placements: &[Placement],
    out: &mut Findings,
) -> Vec<CapacityRow> {
    let cat = out.cat();
    let needs: Vec<ServiceNeed> = ix.services.iter().map(|s| service_need(s, out)).collect();
    let limit = threshold(ix.plan);
    // The services of each vSwitch, in plan order (one pass, not one per vSwitch).
    let mut by_vswitch: rustc_hash::FxHashMap<(usize, usize), Vec<usize>> = Default::default();
    for (s, p) in placements.iter().enumerate() {
        for placed in &p.vswitches {
            by_vswitch.entry(placed.pos).or_default().push(s);
        }
    }
    let mut rows = Vec::new();
    for (v, vpc) in ix.plan.vpcs.iter().enumerate() {
        for (i, vsw) in vpc.vswitches.iter().enumerate() {
            let Some(net) = ix.vsw_cidrs[v][i] else {
                continue;
            };
            // A duplicate vSwitch ID (PLAN002) resolves to the first: only it holds services.
            // A service over k vSwitches counts ceil(need / k) in each (plan-format.md,
            // "Several vSwitches, the details").
            let placed = by_vswitch.get(&(v, i)).map_or(&[][..], Vec::as_slice);
            let shares: Vec<Option<u64>> = (placed.iter())
                .map(|&s| needs[s].share(placements[s].listed as u64))
                .collect();
            let services: Vec<ServiceUse> = (placed.iter().zip(&shares))
                .map(|(&s, share)| ServiceUse {
                    service: ix.services[s].name.clone(),
                    peak: needs[s].peak,
                    surge: needs[s].surge,
                    size: needs[s].size,
                    vswitches: placements[s].listed.max(1) as u64,
                    ips: share.unwrap_or(u64::MAX),
                })
                .collect();
            let usable = usable_ips(&net);
            // Summed without wrapping or saturating into a fit: a sum past what a count holds
            // does not fit (rules.md, "Settled readings": counts never wrap).
            let total = sum_counts(shares.iter().copied().chain([Some(vsw.other_ips)]));
            let needed = total.unwrap_or(u64::MAX);
            let fits = total.is_some_and(|n| n <= usable);
            let at = format!("vpcs[{v}].vswitches[{i}]");
            let row = CapacityRow {
                vswitch: vsw.id.clone(),
                vpc: vpc.id.clone(),
                cidr: net.to_string(),
                usable,
                needed,
                free: usable.saturating_sub(needed),
                utilization: if usable == 0 {
                    0.0
                } else {
                    needed as f64 / usable as f64
                },
                warning_threshold: limit,
                other_ips: vsw.other_ips,
                fits,
                warn: fits && exceeds_threshold(needed, usable, limit),
                smallest_prefix: smallest_ipv4_prefix(needed).filter(|_| net.addr().is_ipv4()),
                services,
                at: at.clone(),
            };
            let split = split_text(cat, &row);
            if !fits {
                let fix = resize_fix(cat, ix, v, &row, net, 1.0);
                let sum = match total {
                    Some(n) => cat.text("CAP001.sum", args![n = n, usable = usable]),
                    None => cat.text("words.more_than", args![n = u64::MAX]),
                };
                let f = out
                    .add(
                        Code::Cap001,
                        &vsw.id,
                        cat.text(
                            "CAP001",
                            args![
                                vswitch = vsw.id,
                                cidr = net,
                                usable = usable,
                                split = split,
                                sum = sum
                            ],
                        ),
                    )
                    .fix(fix.0)
                    .at(at);
                if let Some(cmd) = fix.1 {
                    f.command(cmd);
                }
            } else if row.warn {
                let fix = resize_fix(cat, ix, v, &row, net, limit);
                let over = share_over(needed, usable, limit);
                let f = out
                    .add(
                        Code::Cap002,
                        &vsw.id,
                        cat.text(
                            "CAP002",
                            args![
                                vswitch = vsw.id,
                                cidr = net,
                                usable = usable,
                                split = split,
                                needed = needed,
                                over = over
                            ],
                        ),
                    )
                    .fix(fix.0)
                    .at(at);
                if let Some(cmd) = fix.1 {
                    f.command(cmd);
                }
            }
            zone_stock(ix, (v, i), &row, placed, &shares, placements, &needs, out);
            rows.push(row);
        }
    }
    rows
}

/// CAP005: a service over several vSwitches whose whole need does not fit in what this one
/// has free after `other_ips` and the other services' shares. How EAS spreads instances over
/// zones is not documented, and all of them land in one zone when the others lack stock
/// (domain-facts §9): a warning, worded as the risk it is.
#[allow(clippy::too_many_arguments)]
fn zone_stock(
    ix: &Index,
    (v, i): (usize, usize),
    row: &CapacityRow,
    placed: &[usize],
    shares: &[Option<u64>],
    placements: &[Placement],
    needs: &[ServiceNeed],
    out: &mut Findings,
) {
    let vsw = &ix.plan.vpcs[v].vswitches[i];
    for (k, &s) in placed.iter().enumerate() {
        let listed = placements[s].listed;
        if listed < 2 {
            continue;
        }
        let others = (shares.iter().enumerate())
            .filter(|&(j, _)| j != k)
            .map(|(_, n)| *n)
            .chain([Some(vsw.other_ips)]);
        let others = sum_counts(others);
        let free = others.map_or(0, |n| row.usable.saturating_sub(n));
        let whole = needs[s].ips();
        if whole.is_some_and(|n| n <= free) {
            continue;
        }
        let cat = out.cat();
        let name = &ix.services[s].name;
        let whole = match whole {
            Some(n) => n.to_string(),
            None => cat.text("words.more_than", args![n = u64::MAX]),
        };
        let zone = (vsw.zone.as_deref())
            .map(|z| cat.text("CAP005.zone", args![zone = z]))
            .unwrap_or_default();
        out.add(
            Code::Cap005,
            name,
            cat.text(
                "CAP005",
                args![
                    service = name,
                    whole = whole,
                    listed = listed,
                    vswitch = vsw.id,
                    zone = zone,
                    free = free
                ],
            ),
        )
        .fix(cat.text(
            "CAP005.fix",
            args![vswitch = vsw.id, whole = whole, service = name],
        ))
        .at(row.at.clone());
    }
}

/// `86% > 80%`, with as many decimals as it takes for the two not to read as equal
/// (`80.2% > 80.0%`, `80.002% > 80.000%`; at most six). Display only: whether CAP002 fires is
/// decided in integers by `exceeds_threshold`. The share is worked out in integers (exact,
/// half up).
fn share_over(needed: u64, usable: u64, limit: f64) -> String {
    let limit = limit * 100.0;
    let mut places = 0;
    loop {
        let (share, limit) = (
            share_text(needed, usable, places),
            decimal::fixed(limit, places),
        );
        if share != limit || places == 6 {
            return format!("{share}% > {limit}%");
        }
        places += 1;
    }
}

/// `needed / usable` as a percentage with `places` decimals.
fn share_text(needed: u64, usable: u64, places: u32) -> String {
    let scale = 10u128.pow(places);
    let usable = u128::from(usable.max(1));
    let n = (u128::from(needed) * 100 * scale + usable / 2) / usable;
    match places {
        0 => n.to_string(),
        p => format!("{}.{:0width$}", n / scale, n % scale, width = p as usize),
    }
}

/// `qwen-chat needs 22 (20 peak + 2 surge) and other_ips 2`.
fn split_text(cat: &Catalogue, row: &CapacityRow) -> String {
    let mut parts: Vec<String> = (row.services.iter()).map(|s| s.needs_in(cat)).collect();
    if row.other_ips > 0 || parts.is_empty() {
        parts.push(cat.text("CAP001.other_ips", args![n = row.other_ips]));
    }
    match parts.len() {
        1 => parts.remove(0),
        _ => {
            let last = parts.pop().unwrap_or_default();
            let list = parts.join(&cat.text("words.list_separator", &[]));
            cat.text("words.and", args![list = list, last = last])
        }
    }
}

/// The fix for a full vSwitch: a vSwitch CIDR cannot change after creation (domain-facts §2),
/// so create a big enough one in a free block of the VPC and move the services there.
fn resize_fix(
    cat: &Catalogue,
    ix: &Index,
    v: usize,
    row: &CapacityRow,
    net: IpNet,
    limit: f64,
) -> (String, Option<String>) {
    let vpc = &ix.plan.vpcs[v];
    let goal = if limit >= 1.0 {
        cat.text("CAP001.goal.fits", &[])
    } else {
        cat.text("CAP001.goal.under", &[])
    };
    if !net.addr().is_ipv4() {
        return (
            cat.text(
                "CAP001.fix.ipv6",
                args![vpc = vpc.id, vswitch = row.vswitch],
            ),
            None,
        );
    }
    let Some((prefix, usable)) = smallest_ipv4_prefix_under(row.needed, limit) else {
        return (
            cat.text("CAP001.fix.split", args![vswitch = row.vswitch]),
            None,
        );
    };
    let space: Vec<IpNet> = ix.vpc_cidrs[v].iter().flatten().copied().collect();
    let used: Vec<IpNet> = ix.vsw_cidrs[v].iter().flatten().copied().collect();
    let names: Vec<&str> = row.services.iter().map(|s| s.service.as_str()).collect();
    let moving = if names.is_empty() {
        cat.text("CAP001.its_workloads", &[])
    } else {
        names.join(&cat.text("words.list_separator", &[]))
    };
    match first_free_block(&space, &used, prefix) {
        Some(block) => {
            let zone =
                (vpc.vswitches.iter().find(|s| s.id == row.vswitch)).and_then(|s| s.zone.clone());
            (
                cat.text(
                    "CAP001.fix.create",
                    args![
                        prefix = prefix,
                        usable = usable,
                        goal = goal,
                        block = block,
                        vpc = vpc.id,
                        vswitch = row.vswitch,
                        moving = moving
                    ],
                ),
                Some(
                    commands::create_vswitch(ix.region(), &vpc.id, zone.as_deref(), &block)
                        .to_string(),
                ),
            )
        }
        None => (
            cat.text(
                "CAP001.fix.no_room",
                args![
                    vpc = vpc.id,
                    prefix = prefix,
                    usable = usable,
                    moving = moving
                ],
            ),
            None,
        ),
    }
}
