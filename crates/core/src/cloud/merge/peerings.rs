//! Peerings: by ID, the cloud's two VPCs over the plan's (a peering of the plan may be of
//! another kind until the cloud says it is a VPC peer connection).

use crate::cloud::facts::Facts;
use crate::cloud::summary::Kind;
use crate::plan::{Peering, PeeringKind};

use super::Merge;

impl Merge<'_> {
    pub(super) fn peerings(&mut self, facts: &Facts) {
        for (id, p) in &facts.peerings {
            self.touch(Kind::Peering, id);
            let vpcs = p.vpcs.to_vec();
            match self.plan.peerings.iter_mut().find(|q| &q.id == id) {
                Some(q) => {
                    q.kind = PeeringKind::VpcPeer;
                    q.vpcs = vpcs;
                }
                None => self.plan.peerings.push(Peering {
                    id: id.clone(),
                    kind: PeeringKind::VpcPeer,
                    vpcs,
                }),
            }
        }
    }
}
