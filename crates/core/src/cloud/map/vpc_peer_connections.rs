//! `vpcpeer ListVpcPeerConnections` (a flat `VpcPeerConnects[]`) and
//! `GetVpcPeerConnectionAttribute` (one connection at the top level) → peerings of kind
//! `vpc_peer` joining `Vpc.VpcId` and `AcceptingVpc.VpcId`. A VPC of a peering the plan does
//! not hold (often the accepter, in another region or account) comes in with its CIDRs
//! (`Ipv4Cidrs`, `Ipv6Cidrs`), so addresses in it count as private. A connection that is not
//! `Activated` (or `Updating`) carries no traffic: skipped.

use serde_json::Value;

use crate::cloud::facts::{push_new, Facts, PeerVpcFact, PeeringFact};
use crate::cloud::read::{field, flat, flat_texts, text};
use crate::cloud::summary::{Kind, Said};

pub(super) fn map_list(v: &Value, facts: &mut Facts) -> usize {
    let items = flat(v, "VpcPeerConnects");
    for p in &items {
        map_one(p, facts);
    }
    items.len()
}

pub(super) fn map_one(p: &Value, facts: &mut Facts) -> usize {
    let Some(id) = text(p, "InstanceId") else {
        facts.skip(Kind::Peering, "?", Said::new("summary.skip.peering_no_id"));
        return 1;
    };
    if let Some(status) = text(p, "Status") {
        let active = ["Activated", "Updating"]
            .iter()
            .any(|s| s.eq_ignore_ascii_case(&status));
        if !active {
            facts.skip(
                Kind::Peering,
                id,
                Said::new("summary.skip.peering_inactive").with("status", &status),
            );
            return 1;
        }
    }
    let (requester, accepter) = (field(p, "Vpc"), field(p, "AcceptingVpc"));
    let ids = (
        requester.and_then(|v| text(v, "VpcId")),
        accepter.and_then(|v| text(v, "VpcId")),
    );
    let (Some(a), Some(b)) = ids else {
        facts.skip(Kind::Peering, id, Said::new("summary.skip.peering_one_vpc"));
        return 1;
    };
    if a == b {
        facts.skip(
            Kind::Peering,
            id,
            Said::new("summary.skip.peering_same_vpc").with("vpc", &a),
        );
        return 1;
    }
    facts.see_region(text(p, "RegionId"));
    for (vpc, side) in [(&a, requester), (&b, accepter)] {
        let mut cidrs = Vec::new();
        for c in side
            .map(|s| [flat_texts(s, "Ipv4Cidrs"), flat_texts(s, "Ipv6Cidrs")].concat())
            .unwrap_or_default()
        {
            push_new(&mut cidrs, c);
        }
        facts.peer_vpcs.entry(vpc.clone()).or_insert(PeerVpcFact {
            cidrs,
            peering: id.clone(),
        });
    }
    facts.peerings.insert(id, PeeringFact { vpcs: [a, b] });
    1
}
