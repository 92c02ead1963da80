//! One flow being traced: where it starts ([`Origin`]), the state it carries from hop to hop
//! ([`Trace`]), and the one way a path stops with a finding ([`Trace::stop`]). Shared by
//! `paths` (which starts and finishes each flow) and the two ways a flow can go, `internet`
//! and `private`.

use ipnet::IpNet;

use super::findings::{Draft, Findings};
use super::hops::Hops;
use super::index::{Index, Pos};
use super::{Code, HopKind};
use crate::plan::{RouteTable, SecurityGroup, VSwitch};

/// The service vSwitch's route table, as far as the plan tells.
pub enum TableState<'p> {
    Known(usize, &'p RouteTable),
    /// `route_table` names a table the VPC does not have (PLAN003).
    Missing,
    /// No `route_table` and no system table described (NET006).
    Unknown,
}

/// The service side of every flow: its vSwitch, route table and security group.
pub struct Origin<'p> {
    pub v: usize,
    pub vsw: &'p VSwitch,
    /// The vSwitch hop's label and JSON path, formatted once for all the service's flows.
    pub vsw_label: String,
    pub vsw_at: String,
    pub vsw_net: Option<IpNet>,
    /// `vsw_net` written out once (formatting an address is slow, and every flow shows it).
    pub vsw_net_text: Option<String>,
    pub table: TableState<'p>,
    pub sg: Option<(Pos, &'p SecurityGroup)>,
    /// The security group's JSON path, formatted once.
    pub sg_at: String,
}

/// A flow under way: what it reads (the index, its origin), who its findings are about, and
/// what it has found so far (its hops and the analysis's findings).
pub struct Trace<'a, 'p> {
    pub ix: &'a Index<'p>,
    pub o: &'a Origin<'p>,
    /// The findings' subject: the service, or `service/target`.
    pub subject: &'a str,
    pub hops: Hops,
    pub out: &'a mut Findings,
}

impl<'a, 'p> Trace<'a, 'p> {
    pub fn new(
        ix: &'a Index<'p>,
        o: &'a Origin<'p>,
        subject: &'a str,
        hops: Hops,
        out: &'a mut Findings,
    ) -> Self {
        Trace {
            ix,
            o,
            subject,
            hops,
            out,
        }
    }

    /// The path stops at this hop because of `code`, and the finding that says so: the hop
    /// and its finding are recorded together, so they never disagree. The finding is returned
    /// to be completed (fix, command, `at`).
    pub fn stop(
        &mut self,
        code: Code,
        (kind, label, at): (HopKind, String, Option<String>),
        message: String,
    ) -> Draft<'_> {
        self.hops.fail(kind, label, &[code], at);
        self.out.add(code, self.subject, message)
    }

    /// The path stops at this hop because of a finding reported on its own, about the object
    /// itself (PLAN003 for a dangling reference, CIDR001 for text that does not parse), or of
    /// none: no finding for this flow on top of it (rules.md, "How checks combine").
    pub fn halt(&mut self, (kind, label, at): (HopKind, String, Option<String>), codes: &[Code]) {
        self.hops.fail(kind, label, codes, at);
    }

    /// The path cannot be judged past this hop: what it needs is not described (NET006) or
    /// does not parse.
    pub fn unknown(
        &mut self,
        (kind, label, at): (HopKind, String, Option<String>),
        codes: &[Code],
    ) {
        self.hops.unknown(kind, label, codes, at);
    }

    /// A hop that passes.
    pub fn pass(&mut self, kind: HopKind, label: impl Into<String>, at: Option<String>) {
        self.hops.pass(kind, label, at);
    }

    /// The route table hop when the plan does not say which table the vSwitch uses: PLAN003
    /// (its `route_table` names nothing) or NET006 (none described). `None` for a known
    /// table: its position and the table.
    pub fn known_table(&mut self) -> Option<(usize, &'p RouteTable)> {
        match &self.o.table {
            TableState::Known(t, table) => Some((*t, *table)),
            TableState::Missing => {
                let label = self.o.vsw.route_table.clone().unwrap_or_default();
                self.halt((HopKind::RouteTable, label, None), &[Code::Plan003]);
                None
            }
            TableState::Unknown => {
                let label = self.out.cat().text("hop.system_route_table_unknown", &[]);
                self.unknown((HopKind::RouteTable, label, None), &[Code::Net006]);
                None
            }
        }
    }
}
