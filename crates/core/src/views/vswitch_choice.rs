//! Choosing a service's vSwitches: the vSwitches of its VPC with their zones and room, which of
//! them `vswitch_id` lists, what the choice means for zones, and the list text after a
//! click. EAS reads `vswitch_id` as a comma-separated list, and several vSwitches of
//! different zones let instances start wherever a zone has stock (domain-facts §9: "must
//! include at least 2 VSwitches across different zones").

use crate::addr::{parse_cidr, usable_ips};
use crate::plan::{list_items, Vpc};

/// One vSwitch the service could use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VSwitchOption {
    pub id: String,
    pub cidr: String,
    pub zone: Option<String>,
    /// Usable IPs minus `other_ips` (0 when the CIDR does not parse).
    pub room: u64,
    /// Whether `vswitch_id` lists it.
    pub chosen: bool,
}

/// What the chosen vSwitches mean for zones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZoneNote {
    /// One vSwitch, and the VPC has vSwitches in other zones: instances cannot start
    /// elsewhere when its zone runs out of stock.
    OneZone { zone: String },
    /// Several vSwitches, all in one zone: they do not help when that zone lacks stock.
    SameZone { zone: String },
    /// Several vSwitches over these zones (sorted).
    Zones(Vec<String>),
}

/// The vSwitches of the VPC `vpc_id` (of every VPC when it is not set or not described), in
/// plan order, marked when `vswitch_id` lists them.
///
/// # Examples
/// ```
/// use easnet_core::views::vswitch_choice::options;
/// let plan = easnet_core::plan::parse_plan(r#"{"version": 1, "vpcs": [{"id": "vpc-a", "cidrs": ["10.0.0.0/16"],
///   "vswitches": [{"id": "vsw-h", "zone": "cn-hangzhou-h", "cidr": "10.0.1.0/24", "other_ips": 2},
///                 {"id": "vsw-i", "zone": "cn-hangzhou-i", "cidr": "10.0.2.0/28"}]}]}"#).unwrap();
/// let o = options(&plan.vpcs, Some("vpc-a"), Some("vsw-i"));
/// assert_eq!((o[0].room, o[0].chosen, o[1].room, o[1].chosen), (250, false, 12, true));
/// ```
pub fn options(vpcs: &[Vpc], vpc_id: Option<&str>, vswitch_id: Option<&str>) -> Vec<VSwitchOption> {
    let listed: Vec<&str> = list_items(vswitch_id.unwrap_or_default()).collect();
    let described = vpc_id.is_some_and(|id| vpcs.iter().any(|v| v.id == id));
    (vpcs.iter())
        .filter(|v| !described || vpc_id == Some(v.id.as_str()))
        .flat_map(|v| &v.vswitches)
        .map(|s| VSwitchOption {
            id: s.id.clone(),
            cidr: s.cidr.clone(),
            zone: s.zone.clone(),
            room: parse_cidr(&s.cidr).map_or(0, |n| usable_ips(&n).saturating_sub(s.other_ips)),
            chosen: listed.contains(&s.id.as_str()),
        })
        .collect()
}

/// The `vswitch_id` text once `id` is added (`on`) or removed: the other items kept in their
/// order, a new one last, joined by `,` as the EAS examples write it. `None` when nothing is
/// left (the key is then removed).
///
/// # Examples
/// ```
/// use easnet_core::views::vswitch_choice::toggle;
/// assert_eq!(toggle(Some("vsw-a"), "vsw-b", true).as_deref(), Some("vsw-a,vsw-b"));
/// assert_eq!(toggle(Some("vsw-a, vsw-b"), "vsw-a", false).as_deref(), Some("vsw-b"));
/// assert_eq!(toggle(Some("vsw-a"), "vsw-a", false), None);
/// assert_eq!(toggle(None, "vsw-a", true).as_deref(), Some("vsw-a"));
/// ```
pub fn toggle(vswitch_id: Option<&str>, id: &str, on: bool) -> Option<String> {
    let mut items: Vec<&str> = list_items(vswitch_id.unwrap_or_default())
        .filter(|item| *item != id)
        .collect();
    if on {
        items.push(id);
    }
    (!items.is_empty()).then(|| items.join(","))
}

/// The IDs `vswitch_id` lists that none of `options` is (not described in the VPC), each
/// once, in the list's order: the picker still shows them (NET006 says why).
///
/// # Examples
/// ```
/// use easnet_core::views::vswitch_choice::{options, undescribed};
/// let plan = easnet_core::plan::parse_plan(r#"{"version": 1, "vpcs": [{"id": "vpc-a", "cidrs": ["10.0.0.0/16"],
///   "vswitches": [{"id": "vsw-h", "zone": "h", "cidr": "10.0.1.0/24"}]}]}"#).unwrap();
/// let list = Some("vsw-h, vsw-x,vsw-x");
/// assert_eq!(undescribed(&options(&plan.vpcs, None, list), list), ["vsw-x"]);
/// ```
pub fn undescribed<'a>(options: &[VSwitchOption], vswitch_id: Option<&'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for id in list_items(vswitch_id.unwrap_or_default()) {
        if !out.contains(&id) && !options.iter().any(|o| o.id == id) {
            out.push(id);
        }
    }
    out
}

/// What the choice means for zones; `None` with no vSwitch chosen, or one in a VPC with a
/// single zone (nothing better to pick), or when the zones are not described.
pub fn zone_note(options: &[VSwitchOption]) -> Option<ZoneNote> {
    let chosen: Vec<&VSwitchOption> = options.iter().filter(|o| o.chosen).collect();
    let mut zones: Vec<String> = Vec::new();
    for zone in chosen.iter().filter_map(|o| o.zone.clone()) {
        if !zones.contains(&zone) {
            zones.push(zone);
        }
    }
    zones.sort();
    match (chosen.len(), zones.len()) {
        (0, _) | (_, 0) => None,
        (1, _) => {
            let zone = zones.remove(0);
            let elsewhere = (options.iter()).any(|o| o.zone.as_ref().is_some_and(|z| *z != zone));
            elsewhere.then_some(ZoneNote::OneZone { zone })
        }
        (_, 1) => Some(ZoneNote::SameZone {
            zone: zones.remove(0),
        }),
        _ => Some(ZoneNote::Zones(zones)),
    }
}

/// A choice over two zones: the roomiest vSwitch of each of the two zones whose roomiest
/// vSwitch is largest (so that either could hold the most). `None` when the VPC has fewer
/// than two zones.
///
/// # Examples
/// ```
/// use easnet_core::views::vswitch_choice::{options, two_zones};
/// let plan = easnet_core::plan::parse_plan(r#"{"version": 1, "vpcs": [{"id": "vpc-a", "cidrs": ["10.0.0.0/16"],
///   "vswitches": [{"id": "vsw-h1", "zone": "h", "cidr": "10.0.1.0/28"}, {"id": "vsw-h2", "zone": "h", "cidr": "10.0.2.0/24"},
///                 {"id": "vsw-i", "zone": "i", "cidr": "10.0.3.0/26"}, {"id": "vsw-j", "zone": "j", "cidr": "10.0.4.0/29"}]}]}"#).unwrap();
/// assert_eq!(two_zones(&options(&plan.vpcs, None, None)), Some("vsw-h2,vsw-i".to_owned()));
/// ```
pub fn two_zones(options: &[VSwitchOption]) -> Option<String> {
    // The roomiest vSwitch of each zone, first met wins a tie.
    let mut best: Vec<&VSwitchOption> = Vec::new();
    for o in options.iter().filter(|o| o.zone.is_some()) {
        match best.iter_mut().find(|b| b.zone == o.zone) {
            Some(b) if o.room > b.room => *b = o,
            Some(_) => {}
            None => best.push(o),
        }
    }
    if best.len() < 2 {
        return None;
    }
    // Stable: among equal rooms, the zone met first comes first.
    best.sort_by_key(|b| std::cmp::Reverse(b.room));
    Some(format!("{},{}", best[0].id, best[1].id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn option(id: &str, zone: &str, chosen: bool) -> VSwitchOption {
        VSwitchOption {
            id: id.into(),
            cidr: String::new(),
            zone: Some(zone.into()).filter(|z: &String| !z.is_empty()),
            room: 10,
            chosen,
        }
    }

    #[test]
    fn zone_notes() {
        let one = [option("a", "h", true), option("b", "i", false)];
        assert_eq!(
            zone_note(&one),
            Some(ZoneNote::OneZone { zone: "h".into() })
        );
        let alone = [option("a", "h", true), option("b", "h", false)];
        assert_eq!(zone_note(&alone), None);
        let same = [option("a", "h", true), option("b", "h", true)];
        assert_eq!(
            zone_note(&same),
            Some(ZoneNote::SameZone { zone: "h".into() })
        );
        let two = [option("a", "h", true), option("b", "i", true)];
        assert_eq!(
            zone_note(&two),
            Some(ZoneNote::Zones(vec!["h".into(), "i".into()]))
        );
        let unknown = [option("a", "", true), option("b", "", true)];
        assert_eq!(zone_note(&unknown), None);
        assert_eq!(zone_note(&[]), None);
    }

    #[test]
    fn two_zones_needs_two_zones() {
        assert_eq!(
            two_zones(&[option("a", "h", false), option("b", "h", false)]),
            None
        );
        assert_eq!(
            two_zones(&[option("a", "h", false), option("b", "i", false)]).as_deref(),
            Some("a,b")
        );
    }
}
