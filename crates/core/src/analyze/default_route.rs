//! NET008 and NET009: whether a flow enters the VPC at all. `cloud.networking.default_route`
//! picks the interface of the instances' default route; anything but `eth1` (or nothing)
//! keeps it in EAS's own network, and then only `destination_cidrs` go through the ENI
//! (domain-facts §9: documented for PAI's sibling products, inferred for EAS, so both are
//! warnings worded as the risk they are).

use ipnet::IpNet;

use super::findings::Findings;
use super::index::{Index, Svc};
use super::placement::Placement;
use super::Code;
use crate::addr::parse_cidr;
use crate::args;
use crate::i18n::Catalogue;
use crate::plan::{list_items, ServiceEntry};

/// A service whose default route stays in EAS's own network.
pub struct OwnRoute {
    /// `default_route` as written (`eth0`).
    default_route: String,
    /// The `destination_cidrs` entries that parse (the others are CIDR001).
    destinations: Vec<IpNet>,
    /// JSON path of the networking in force.
    at: String,
    /// Whether `destination_cidrs` is written (NET009 then points at it).
    has_destinations: bool,
}

impl OwnRoute {
    /// The default route of the networking a service uses, when it is not the VPC's.
    pub fn of(place: &Placement) -> Option<OwnRoute> {
        let net = place.networking.as_ref()?;
        if net.routes_through_vpc() {
            return None;
        }
        let destinations = list_items(net.destination_cidrs.as_deref().unwrap_or_default())
            .filter_map(|c| parse_cidr(c).ok())
            .collect();
        Some(OwnRoute {
            default_route: net.default_route.clone().unwrap_or_default(),
            destinations,
            at: place.networking_at.clone().unwrap_or_default(),
            has_destinations: net.destination_cidrs.is_some(),
        })
    }

    /// Which of the two stops a flow to `dest` (`private`: to a private target; otherwise to
    /// the internet or a public target): NET009 for a private target in none of the
    /// `destination_cidrs`, NET008 for every flow to the internet.
    pub fn code_for(&self, dest: &IpNet, private: bool) -> Option<Code> {
        if !private {
            return Some(Code::Net008);
        }
        let entered = (self.destinations.iter()).any(|d| d.trunc().contains(dest));
        (!entered).then_some(Code::Net009)
    }
}

/// NET008 for the service's internet flow and each public target, NET009 for each private
/// target outside `destination_cidrs`; judged on the networking in force whatever else is
/// wrong with it (rules.md, "Settled readings"). `private` says, for each target, whether its
/// flow is private (`None`: its address does not parse, CIDR001).
pub fn check(
    ix: &Index,
    svc: &Svc,
    entry: &ServiceEntry,
    route: &OwnRoute,
    private: &[Option<(IpNet, bool)>],
    out: &mut Findings,
) {
    let cat = out.cat();
    let value = &route.default_route;
    let at = format!("{}.default_route", route.at);
    if entry.needs_internet {
        out.add(
            Code::Net008,
            &svc.name,
            cat.text("NET008", args![service = svc.name, value = value]),
        )
        .fix(cat.text("NET008.fix", &[]))
        .at(at.clone());
    }
    for (target, flow) in entry.targets.iter().zip(private) {
        let Some((dest, private)) = *flow else {
            continue;
        };
        let name = target.display_name();
        let subject = [&svc.name, "/", name].concat();
        match route.code_for(&dest, private) {
            Some(Code::Net008) => {
                out.add(
                    Code::Net008,
                    &subject,
                    cat.text(
                        "NET008.public",
                        args![
                            service = svc.name,
                            value = value,
                            target = name,
                            address = target.address
                        ],
                    ),
                )
                .fix(cat.text("NET008.public.fix", args![target = name]))
                .at(at.clone());
            }
            Some(_) => {
                let block = entry_block(ix, &dest);
                let listed = listed(cat, &route.destinations);
                out.add(
                    Code::Net009,
                    &subject,
                    cat.text(
                        "NET009",
                        args![
                            service = svc.name,
                            value = value,
                            target = name,
                            address = target.address,
                            destinations = listed
                        ],
                    ),
                )
                .fix(cat.text("NET009.fix", args![block = block]))
                .at(match route.has_destinations {
                    true => format!("{}.destination_cidrs", route.at),
                    false => route.at.clone(),
                });
            }
            None => {}
        }
    }
}

/// What to add to `destination_cidrs` for `dest`: the CIDR of the VPC that holds it, else the
/// target's own block.
fn entry_block(ix: &Index, dest: &IpNet) -> IpNet {
    (ix.home_vpc(dest, 0))
        .and_then(|v| ix.vpc_cidr_holding(v, dest))
        .unwrap_or(*dest)
}

/// `10.0.0.0/8, 172.16.0.0/12`, or "none set".
fn listed(cat: &Catalogue, destinations: &[IpNet]) -> String {
    if destinations.is_empty() {
        return cat.text("words.none_set", &[]);
    }
    let list: Vec<String> = destinations.iter().map(IpNet::to_string).collect();
    list.join(", ")
}
