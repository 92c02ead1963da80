//! What the analyzer returns: plain data, serializable, the same for the page and the CLI
//! (`easnet check --format json` prints exactly this).

use serde::{Deserialize, Serialize};

use super::Code;
use crate::args;
use crate::i18n::Catalogue;
use crate::plan::Protocol;

/// How bad a finding is. Ordered as rules.md sorts: error, warning, info.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One finding: a rule of `docs/rules.md` that fired, with the evidence and the fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The stable code (`CAP001`).
    pub code: Code,
    pub severity: Severity,
    /// The ID or name it is about (`vsw-eas-a`, `llm-chat`, `llm-chat/orders-db`).
    pub subject: String,
    /// One sentence naming the objects and numbers involved.
    pub message: String,
    /// What to change, in the console's words.
    pub fix: String,
    /// The `aliyun` or `eascmd` command that applies the fix, filled with the plan's IDs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
    /// JSON path in the plan of the object it is about (`vpcs[0].nat_gateways[0].snat_entries`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
}

/// The capacity of one vSwitch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CapacityRow {
    pub vswitch: String,
    pub vpc: String,
    pub cidr: String,
    /// Usable IPs: all addresses minus the reserved ones (saturating at 2^64 − 1).
    pub usable: u64,
    /// Services placed here (peak + surge each) plus `other_ips`; 2^64 − 1 when the sum is
    /// more than that, which never fits (`fits` is false).
    pub needed: u64,
    /// `usable − needed`, or 0 when it does not fit.
    pub free: u64,
    /// `needed / usable` (0 for an empty vSwitch); for display only, never for decisions.
    pub utilization: f64,
    /// The CAP002 threshold in force.
    pub warning_threshold: f64,
    pub other_ips: u64,
    pub services: Vec<ServiceUse>,
    /// Whether `needed ≤ usable`.
    pub fits: bool,
    /// Whether it fits but needs more than the threshold (CAP002), decided in integers.
    #[serde(default)]
    pub warn: bool,
    /// The smallest IPv4 vSwitch prefix (/16–/29) whose usable IPs cover `needed`.
    pub smallest_prefix: Option<u8>,
    /// JSON path of the vSwitch.
    pub at: String,
}

/// One service's share of a vSwitch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceUse {
    pub service: String,
    /// Peak instances: the larger of `metadata.instance` and `autoscaler.max`.
    pub peak: u64,
    /// Extra instances during a rolling update.
    pub surge: u64,
    /// Machines per instance (`unit.size`), one IP each.
    #[serde(default = "one")]
    pub size: u64,
    /// How many vSwitches the service lists; each counts an even share of its IPs.
    #[serde(default = "one")]
    pub vswitches: u64,
    /// The IPs counted in this vSwitch: ceil((peak + surge) × size / vswitches), 2^64 − 1
    /// when that is more than a count holds.
    pub ips: u64,
}

fn one() -> u64 {
    1
}

impl ServiceUse {
    /// The service's IPs over all its vSwitches, (peak + surge) × size; `None` past 2^64 − 1.
    pub fn whole(&self) -> Option<u64> {
        let (peak, surge, size) = (self.peak, self.surge, self.size);
        crate::addr::ServiceNeed { peak, surge, size }.ips()
    }

    /// `ips` split into the part for the peak instances and the part for the surge, for
    /// drawing: the peak's own share, ceil(peak × size / vswitches), at most `ips`.
    ///
    /// # Examples
    /// ```
    /// use easnet_core::analyze::ServiceUse;
    /// let u = ServiceUse { service: "a".into(), peak: 20, surge: 1, size: 1, vswitches: 2, ips: 11 };
    /// assert_eq!(u.parts(), (10, 1));
    /// ```
    pub fn parts(&self) -> (u64, u64) {
        let peak = (u128::from(self.peak) * u128::from(self.size))
            .div_ceil(u128::from(self.vswitches.max(1)));
        let peak = u64::try_from(peak).unwrap_or(u64::MAX).min(self.ips);
        (peak, self.ips - peak)
    }

    /// How `ips` is made up, as the capacity messages say it: `22 (20 peak + 2 surge)`,
    /// `16 (8 × 2 machines: 6 peak + 2 surge)`, `11 (22 over 2 vSwitches; 20 peak + 2 surge)`.
    ///
    /// # Examples
    /// ```
    /// use easnet_core::analyze::ServiceUse;
    /// let u = ServiceUse { service: "a".into(), peak: 6, surge: 2, size: 2, vswitches: 2, ips: 8 };
    /// assert_eq!(u.breakdown(), "8 (16 over 2 vSwitches; 8 × 2 machines: 6 peak + 2 surge)");
    /// ```
    pub fn breakdown(&self) -> String {
        self.breakdown_in(Catalogue::english())
    }

    /// [`ServiceUse::breakdown`] in the language of `cat`.
    pub fn breakdown_in(&self, cat: &Catalogue) -> String {
        let instances = cat.text(
            "capacity.instances",
            args![peak = self.peak, surge = self.surge],
        );
        let units = match self.size {
            1 => instances,
            size => {
                let n = u128::from(self.peak) + u128::from(self.surge);
                cat.text(
                    "capacity.units",
                    args![n = n, size = size, instances = instances],
                )
            }
        };
        match self.vswitches {
            0 | 1 => cat.text("capacity.ips", args![ips = self.ips, units = units]),
            k => {
                let whole = match self.whole() {
                    Some(n) => n.to_string(),
                    None => cat.text("words.more_than", args![n = u64::MAX]),
                };
                cat.text(
                    "capacity.share",
                    args![ips = self.ips, whole = whole, k = k, units = units],
                )
            }
        }
    }

    /// `qwen-chat needs 22 (20 peak + 2 surge)`, in the language of `cat`.
    pub fn needs_in(&self, cat: &Catalogue) -> String {
        let breakdown = self.breakdown_in(cat);
        cat.text(
            "capacity.needs",
            args![service = self.service, breakdown = breakdown],
        )
    }
}

/// Pass or fail of one hop of a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HopStatus {
    Pass,
    Fail,
    /// Not checked: an earlier hop failed, or what it needs is not described.
    Unknown,
}

/// What a hop is, so the page can draw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HopKind {
    Service,
    #[serde(rename = "vswitch")]
    VSwitch,
    SecurityGroup,
    RouteTable,
    NatGateway,
    SnatEntry,
    Eip,
    Internet,
    Peering,
    ReturnRoute,
    Whitelist,
    Target,
}

/// One hop of a flow's path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hop {
    pub kind: HopKind,
    /// The object's ID or name (`ngw-1`, `0.0.0.0/0 → ngw-1`).
    pub label: String,
    pub status: HopStatus,
    /// The finding codes that stop this hop.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<Code>,
    /// JSON path of the object, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
}

/// Which way a flow goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FlowRoute {
    /// Out through a NAT gateway (`needs_internet`, or a public target).
    Internet,
    /// To a target inside the service's VPC or a VPC joined to it.
    Private,
    /// The target's address does not parse (CIDR001).
    Unknown,
}

impl FlowRoute {
    pub fn as_str(self) -> &'static str {
        match self {
            FlowRoute::Internet => "internet",
            FlowRoute::Private => "private",
            FlowRoute::Unknown => "unknown",
        }
    }
}

/// One flow a service needs: to the internet, or to a target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flow {
    /// `internet` for `needs_internet`, else the target's name.
    pub name: String,
    /// The destination address or CIDR (`0.0.0.0/0`, `10.0.5.10`).
    pub destination: String,
    pub protocol: Protocol,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u64>,
    pub route: FlowRoute,
    pub hops: Vec<Hop>,
    /// Whether every hop passes.
    pub ok: bool,
    /// The vSwitch the flow starts from (a service over several vSwitches has one set of
    /// flows per vSwitch); `None` when the service has no usable networking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vswitch: Option<String>,
    /// The service vSwitch's CIDR, what a private target's whitelist must cover.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_cidr: Option<String>,
    /// For the internet route: the SNAT IPs of the covering SNAT entry, what a public
    /// target's whitelist must contain.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub snat_ips: Vec<String>,
}

/// The paths of one service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServicePath {
    pub service: String,
    pub flows: Vec<Flow>,
}

impl ServicePath {
    /// Whether its flows start from several vSwitches (reports then say which is which).
    pub fn several_vswitches(&self) -> bool {
        let mut starts = self.flows.iter().filter_map(|f| f.vswitch.as_deref());
        let first = starts.next();
        starts.any(|v| Some(v) != first)
    }
}

/// Everything the analyzer says about a plan.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Report {
    /// Sorted by severity, then code, then subject; identical findings appear once.
    pub findings: Vec<Finding>,
    pub capacity: Vec<CapacityRow>,
    pub paths: Vec<ServicePath>,
}

impl Report {
    /// Whether any finding is an error (the CLI exits 1).
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// Counts of (errors, warnings, infos).
    pub fn counts(&self) -> (usize, usize, usize) {
        let n = |s| self.findings.iter().filter(|f| f.severity == s).count();
        (n(Severity::Error), n(Severity::Warning), n(Severity::Info))
    }

    /// The codes of all findings, in order (handy in tests).
    pub fn codes(&self) -> Vec<&'static str> {
        self.findings.iter().map(|f| f.code.as_str()).collect()
    }
}
