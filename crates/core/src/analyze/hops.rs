//! Building a flow's hops: each hop passes, fails with codes, or is unknown once an earlier
//! hop failed.

use super::{Code, Hop, HopKind, HopStatus};

/// The hops of one flow under construction.
pub struct Hops {
    pub list: Vec<Hop>,
    /// Set once a hop fails: later hops are `Unknown`.
    stopped: bool,
}

impl Default for Hops {
    fn default() -> Self {
        // Room for the longest chain (service, vSwitch, security group, route table, NAT
        // gateway, SNAT entry, EIP, whitelist, target): one allocation per flow.
        Hops {
            list: Vec::with_capacity(9),
            stopped: false,
        }
    }
}

impl Hops {
    fn push(
        &mut self,
        kind: HopKind,
        label: impl Into<String>,
        status: HopStatus,
        codes: &[Code],
        at: Option<String>,
    ) {
        self.list.push(Hop {
            kind,
            label: label.into(),
            status,
            codes: codes.to_vec(),
            at,
        });
    }

    /// A hop on the path: passes unless an earlier one failed.
    pub fn pass(&mut self, kind: HopKind, label: impl Into<String>, at: Option<String>) {
        let status = if self.stopped {
            HopStatus::Unknown
        } else {
            HopStatus::Pass
        };
        self.push(kind, label, status, &[], at);
    }

    /// A hop that fails (with the codes that stop it, possibly none when another finding
    /// already explains it); later hops are unknown.
    pub fn fail(
        &mut self,
        kind: HopKind,
        label: impl Into<String>,
        codes: &[Code],
        at: Option<String>,
    ) {
        let status = if self.stopped {
            HopStatus::Unknown
        } else {
            HopStatus::Fail
        };
        self.push(kind, label, status, codes, at);
        self.stopped = true;
    }

    /// A hop that cannot be judged (not described); later hops are unknown too.
    pub fn unknown(
        &mut self,
        kind: HopKind,
        label: impl Into<String>,
        codes: &[Code],
        at: Option<String>,
    ) {
        self.push(kind, label, HopStatus::Unknown, codes, at);
        self.stopped = true;
    }

    /// A hop judged on its own whatever the others say (the security group's verdict).
    pub fn independent(
        &mut self,
        kind: HopKind,
        label: impl Into<String>,
        ok: Option<bool>,
        codes: &[Code],
        at: Option<String>,
    ) {
        let status = match ok {
            Some(true) => HopStatus::Pass,
            Some(false) => HopStatus::Fail,
            None => HopStatus::Unknown,
        };
        self.push(kind, label, status, codes, at);
    }

    /// Appends the hops of `kinds` the path did not get to, as unknown, so every flow of a
    /// route shows the same chain.
    pub fn fill(&mut self, kinds: &[HopKind]) {
        for &kind in kinds {
            if !self.list.iter().any(|h| h.kind == kind) {
                self.push(kind, "", HopStatus::Unknown, &[], None);
            }
        }
    }

    pub fn ok(&self) -> bool {
        self.list.iter().all(|h| h.status == HopStatus::Pass)
    }
}
