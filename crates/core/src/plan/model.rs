//! The plan JSON v1 as Rust types (`docs/plan-format.md`).
//!
//! Everything outside `service` is strict (`deny_unknown_fields`): a typo must not silently
//! disable a check. CIDRs and addresses stay strings here: a CIDR that does not parse is a
//! finding (CIDR001) of the analyzer, not a reason to refuse the whole plan.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;

/// A name that is none of an enum's spellings: what [`FromStr`] says for the plan's enums.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    /// What was being read (`"protocol"`).
    pub what: &'static str,
    /// The spellings it accepts, in the enum's `ALL` order.
    pub expected: &'static [&'static str],
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a {}: expected ", self.what)?;
        for (i, name) in self.expected.iter().enumerate() {
            let sep = match i {
                0 => "",
                _ if i + 1 == self.expected.len() => " or ",
                _ => ", ",
            };
            write!(f, "{sep}{name}")?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownName {}

/// `ALL`, `as_str` and `FromStr` for an enum the plan's JSON holds as a string, from one list
/// of its spellings (which must be serde's: a test checks they agree).
macro_rules! spelled {
    ($name:ident, $what:literal: $($variant:ident => $text:literal),+ $(,)?) => {
        impl $name {
            /// Every value, in the order the page offers them (the default first).
            pub const ALL: [Self; [$($text),+].len()] = [$(Self::$variant),+];

            /// The plan's spelling (as in its JSON).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text),+
                }
            }
        }

        impl FromStr for $name {
            type Err = UnknownName;

            /// Reads the plan's spelling, exactly (no case folding).
            fn from_str(s: &str) -> Result<Self, UnknownName> {
                match s {
                    $($text => Ok(Self::$variant),)+
                    _ => Err(UnknownName {
                        what: $what,
                        expected: &[$($text),+],
                    }),
                }
            }
        }
    };
}

/// A whole plan: the services a team deploys and the network around them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Must be 1.
    pub version: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Share of usable IPs above which CAP002 fires (default 0.8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utilization_warning: Option<f64>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub vpcs: Vec<Vpc>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub peerings: Vec<Peering>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub resource_groups: Vec<ResourceGroup>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub services: Vec<ServiceEntry>,
}

impl Plan {
    /// The default warning threshold of CAP002.
    pub const DEFAULT_UTILIZATION_WARNING: f64 = 0.8;

    /// An empty plan of the current version.
    pub fn empty() -> Self {
        Plan {
            version: 1,
            region: None,
            utilization_warning: None,
            vpcs: Vec::new(),
            peerings: Vec::new(),
            resource_groups: Vec::new(),
            services: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vpc {
    pub id: String,
    /// Primary CIDR first, then secondaries.
    #[serde(default, deserialize_with = "null_as_default")]
    pub cidrs: Vec<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub vswitches: Vec<VSwitch>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub route_tables: Vec<RouteTable>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub security_groups: Vec<SecurityGroup>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub nat_gateways: Vec<NatGateway>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VSwitch {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    pub cidr: String,
    /// Absent: the VPC's system route table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route_table: Option<String>,
    /// IPs used by things outside the plan's services (ECS, NAT, transit-router ENIs).
    /// At most 2^63 − 1, like every count of the plan (rules.md, "Settled readings").
    #[serde(
        default,
        deserialize_with = "super::int::count",
        skip_serializing_if = "is_zero"
    )]
    pub other_ips: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RouteTableKind {
    System,
    #[default]
    Custom,
}

spelled!(RouteTableKind, "route table kind": Custom => "custom", System => "system");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteTable {
    pub id: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub kind: RouteTableKind,
    #[serde(default, deserialize_with = "null_as_default")]
    pub routes: Vec<Route>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub destination: String,
    /// The cloud's NextHopType spelling, compared case-insensitively.
    pub next_hop_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_hop_id: Option<String>,
}

/// The next-hop types the checks tell apart. `next_hop_type` is compared case-insensitively;
/// any other value means "somewhere other than a NAT gateway, peering or CEN" (plan-format.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextHop {
    NatGateway,
    VpcPeer,
    /// A CEN transit router attachment.
    Attachment,
    Other,
}

impl Route {
    /// What `next_hop_type` names.
    ///
    /// # Examples
    /// ```
    /// use easnet_core::plan::{NextHop, Route};
    /// let route = |t: &str| Route { destination: "0.0.0.0/0".into(), next_hop_type: t.into(), next_hop_id: None };
    /// assert_eq!(route("natgateway").hop(), NextHop::NatGateway);
    /// assert_eq!(route("VpcPeer").hop(), NextHop::VpcPeer);
    /// assert_eq!(route("HaVip").hop(), NextHop::Other);
    /// ```
    pub fn hop(&self) -> NextHop {
        let t = self.next_hop_type.as_str();
        if t.eq_ignore_ascii_case("NatGateway") {
            NextHop::NatGateway
        } else if t.eq_ignore_ascii_case("VpcPeer") {
            NextHop::VpcPeer
        } else if t.eq_ignore_ascii_case("Attachment") {
            NextHop::Attachment
        } else {
            NextHop::Other
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SecurityGroupKind {
    #[default]
    Basic,
    Enterprise,
}

spelled!(SecurityGroupKind, "security group kind": Basic => "basic", Enterprise => "enterprise");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecurityGroup {
    pub id: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub kind: SecurityGroupKind,
    #[serde(default, deserialize_with = "null_as_default")]
    pub egress: Vec<EgressRule>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Policy {
    #[default]
    Accept,
    Drop,
}

spelled!(Policy, "policy": Accept => "accept", Drop => "drop");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    #[default]
    Tcp,
    Udp,
    Icmp,
    Gre,
    All,
}

impl Protocol {
    /// Whether flows of this protocol carry ports (tcp and udp).
    pub fn has_ports(self) -> bool {
        matches!(self, Protocol::Tcp | Protocol::Udp)
    }
}

spelled!(Protocol, "protocol": Tcp => "tcp", Udp => "udp", Icmp => "icmp", Gre => "gre", All => "all");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EgressRule {
    #[serde(default, deserialize_with = "null_as_default")]
    pub policy: Policy,
    /// 1..=100, smaller wins. Kept as a signed integer so an out-of-range value is SG002,
    /// a finding, rather than a refused plan.
    #[serde(
        default = "default_priority",
        deserialize_with = "super::int::priority"
    )]
    pub priority: i64,
    pub protocol: Protocol,
    /// `"a/b"`; absent means `-1/-1` (every port), which is only valid for icmp, gre and all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_range: Option<String>,
    pub destination: String,
}

fn default_priority() -> i64 {
    1
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NatKind {
    Internet,
    Vpc,
}

spelled!(NatKind, "NAT gateway kind": Internet => "internet", Vpc => "vpc");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NatGateway {
    pub id: String,
    pub kind: NatKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vswitch: Option<String>,
    /// The gateway's SNAT table (`SnatTableIds` of DescribeNatGateways), which
    /// `CreateSnatEntry` and `ModifySnatEntry` need: it is not the gateway's ID. Optional: a
    /// command without it says `<SnatTableId>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snat_table_id: Option<String>,
    /// Public addresses bound to this gateway.
    #[serde(default, deserialize_with = "null_as_default")]
    pub eips: Vec<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub snat_entries: Vec<SnatEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SnatEntry {
    /// A vSwitch ID (starts with `vsw-`) or a CIDR: [`SnatEntry::source_kind`].
    pub source: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub snat_ips: Vec<String>,
    /// The entry's `SnatEntryId`, which `ModifySnatEntry` needs. Optional: a command without
    /// it says `<SnatEntryId>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// What an SNAT entry's `source` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SnatSourceKind {
    /// A vSwitch ID: the entry covers that vSwitch.
    VSwitch,
    /// CIDR text, which may not parse (CIDR001): the entry covers the addresses in it.
    Cidr,
}

impl SnatEntry {
    /// Whether `source` is a vSwitch ID or a CIDR. The one place of the rule (rules.md,
    /// PLAN003): a `source` starting with `vsw-` is a vSwitch ID; "a `source` not starting with
    /// `vsw-` is a CIDR".
    ///
    /// # Examples
    /// ```
    /// use easnet_core::plan::{SnatEntry, SnatSourceKind};
    /// let entry = |s: &str| SnatEntry { source: s.into(), snat_ips: Vec::new(), id: None };
    /// assert_eq!(entry("vsw-eas-a").source_kind(), SnatSourceKind::VSwitch);
    /// assert_eq!(entry("10.0.1.0/24").source_kind(), SnatSourceKind::Cidr);
    /// assert_eq!(entry("vsw").source_kind(), SnatSourceKind::Cidr);
    /// ```
    pub fn source_kind(&self) -> SnatSourceKind {
        if self.source.starts_with("vsw-") {
            SnatSourceKind::VSwitch
        } else {
            SnatSourceKind::Cidr
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeeringKind {
    VpcPeer,
    Cen,
}

spelled!(PeeringKind, "peering kind": VpcPeer => "vpc_peer", Cen => "cen");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Peering {
    pub id: String,
    pub kind: PeeringKind,
    /// Exactly two different VPC IDs.
    #[serde(default, deserialize_with = "null_as_default")]
    pub vpcs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourceGroup {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub networking: Option<Networking>,
}

/// The three IDs of `cloud.networking` (or of a resource group's VPC configuration).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Networking {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vpc_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vswitch_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_group_id: Option<String>,
    /// The interface of the instances' default route: absent, `""` or `"eth1"` is the ENI in
    /// the user's VPC; anything else (`"eth0"`) keeps it in EAS's own network (domain-facts §9).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_route: Option<String>,
    /// CIDRs, comma-separated, whose traffic goes through the ENI when the default route does
    /// not (domain-facts §9).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination_cidrs: Option<String>,
}

/// The items of a comma-separated list as EAS reads `vswitch_id` and `destination_cidrs`:
/// spaces around an item ignored, empty items dropped (plan-format.md, "Several vSwitches").
///
/// # Examples
/// ```
/// use easnet_core::plan::list_items;
/// assert_eq!(list_items(" vsw-a, vsw-b,,").collect::<Vec<_>>(), ["vsw-a", "vsw-b"]);
/// assert_eq!(list_items(" , ").count(), 0);
/// ```
pub fn list_items(list: &str) -> impl Iterator<Item = &str> {
    list.split(',').map(str::trim).filter(|s| !s.is_empty())
}

impl Networking {
    /// The vSwitch IDs `vswitch_id` lists, in order, each once (a repeated ID counts once).
    ///
    /// # Examples
    /// ```
    /// use easnet_core::plan::Networking;
    /// let net = Networking { vswitch_id: Some("vsw-a, vsw-b,vsw-a,".into()), ..Networking::default() };
    /// assert_eq!(net.vswitch_ids(), ["vsw-a", "vsw-b"]);
    /// ```
    pub fn vswitch_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for id in list_items(self.vswitch_id.as_deref().unwrap_or_default()) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }

    /// Whether all traffic goes through the vSwitch: `default_route` absent, `""` or `"eth1"`,
    /// compared exactly (plan-format.md, "`default_route` and `destination_cidrs`").
    pub fn routes_through_vpc(&self) -> bool {
        matches!(self.default_route.as_deref(), None | Some("" | "eth1"))
    }

    /// Whether any of the three IDs is set (an empty string counts as unset).
    pub fn is_set(&self) -> bool {
        self.ids().iter().any(Option::is_some)
    }

    /// Whether all three IDs are set.
    pub fn is_complete(&self) -> bool {
        self.ids().iter().all(Option::is_some)
    }

    /// `[vpc_id, vswitch_id, security_group_id]`, with empty strings as `None`; `vswitch_id`
    /// as written (a list: [`Networking::vswitch_ids`]), `None` when it lists no item.
    pub fn ids(&self) -> [Option<&str>; 3] {
        fn set(s: &Option<String>) -> Option<&str> {
            s.as_deref().filter(|s| !s.is_empty())
        }
        let vswitch = set(&self.vswitch_id).filter(|s| list_items(s).next().is_some());
        [set(&self.vpc_id), vswitch, set(&self.security_group_id)]
    }
}

/// One service of the plan: the user's EAS service JSON, verbatim, plus what it must reach.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceEntry {
    /// The EAS service JSON, kept exactly as given (key order, unknown keys, number spelling).
    pub service: ServiceJson,
    #[serde(default, deserialize_with = "null_as_default")]
    pub needs_internet: bool,
    #[serde(default, deserialize_with = "null_as_default")]
    pub targets: Vec<Target>,
}

/// The user's EAS service JSON, kept as the exact text it was given in.
///
/// Not a `serde_json::Value`: even with `arbitrary_precision`, serde_json rewrites `1e3` as
/// `1e+3`, and the user's file must come back byte for byte outside `cloud.networking`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ServiceJson(Box<RawValue>);

impl ServiceJson {
    /// Takes JSON text as it is; fails if it is not one valid JSON value.
    ///
    /// # Examples
    /// ```
    /// use easnet_core::plan::ServiceJson;
    /// assert_eq!(ServiceJson::from_text(r#"{"a": 1e3}"#).unwrap().text(), r#"{"a": 1e3}"#);
    /// assert!(ServiceJson::from_text("{").is_err());
    /// ```
    pub fn from_text(text: &str) -> Result<Self, serde_json::Error> {
        RawValue::from_string(text.to_owned()).map(ServiceJson)
    }

    /// Compact JSON text of a value (for services built in code or by the page).
    pub fn from_value(value: &Value) -> Self {
        let text = serde_json::to_string(value).unwrap_or_else(|_| "{}".to_owned());
        Self::from_text(&text).unwrap_or_else(|_| Self::from_text("{}").expect("valid JSON"))
    }

    /// The text exactly as given.
    pub fn text(&self) -> &str {
        self.0.get()
    }

    /// The parsed value (keys in order, numbers as spelt, bar exponent signs). Fails only on
    /// JSON nested deeper than serde_json's recursion limit (128), which raw text skips.
    pub fn value(&self) -> Result<Value, serde_json::Error> {
        serde_json::from_str(self.text())
    }
}

impl PartialEq for ServiceJson {
    fn eq(&self, other: &Self) -> bool {
        self.text() == other.text()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub address: String,
    /// Required for tcp and udp (checked in `validate`); 1..=65535.
    #[serde(
        default,
        deserialize_with = "super::int::port",
        skip_serializing_if = "Option::is_none"
    )]
    pub port: Option<u64>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub protocol: Protocol,
    /// The target's own allow-list. Absent or null: unknown, not checked. `[]`: admits nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whitelist: Option<Vec<String>>,
    /// What holds the allow-list, which chooses the command that adds to it. Absent: inferred
    /// from the name or address ([`Target::inferred_kind`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<TargetKind>,
    /// The ID of the instance that holds the allow-list (`rm-…`, `pc-…`, `r-…`, `dds-…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
}

impl Target {
    /// The name shown in subjects: the target's name, else its address.
    pub fn display_name(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.address)
    }

    /// The target's `kind`, else the one its name or address shows (plan-format.md, "Targets'
    /// allow-lists"): a first label starting with `rm-` or `pgm-` is RDS, `pc-` PolarDB, `r-`
    /// Redis, `dds-` MongoDB (the prefixes of the instance IDs, which also begin the instances'
    /// host names: `rm-bp1….mysql.rds.aliyuncs.com`). `None`: unknown.
    ///
    /// # Examples
    /// ```
    /// use easnet_core::plan::{parse_plan, TargetKind};
    /// let plan = parse_plan(r#"{"version": 1, "services": [{"service": {}, "targets": [
    ///   {"name": "orders", "address": "rm-bp1abc.mysql.rds.aliyuncs.com", "port": 3306},
    ///   {"name": "pc-2ze9", "address": "10.0.5.10", "port": 3306},
    ///   {"name": "cache", "address": "10.0.5.11", "port": 6379, "kind": "other"},
    ///   {"name": "api", "address": "10.0.5.12", "port": 443}]}]}"#).unwrap();
    /// let kinds: Vec<_> = plan.services[0].targets.iter().map(|t| t.inferred_kind()).collect();
    /// assert_eq!(kinds, [Some(TargetKind::Rds), Some(TargetKind::Polardb), Some(TargetKind::Other), None]);
    /// ```
    pub fn inferred_kind(&self) -> Option<TargetKind> {
        self.kind.or_else(|| {
            (self.name.iter().chain([&self.address]))
                .find_map(|s| TargetKind::of_label(first_label(s)))
        })
    }

    /// The instance's ID: `instance_id`, else a first label of the name or address that is
    /// an instance ID of the target's kind (`rm-bp1abc` of `rm-bp1abc.mysql.rds.aliyuncs.com`).
    /// `None`: unknown.
    pub fn inferred_instance_id(&self) -> Option<&str> {
        if let Some(id) = self.instance_id.as_deref().filter(|id| !id.is_empty()) {
            return Some(id);
        }
        let kind = self.inferred_kind()?;
        // Only a label made like an ID is taken for one: `rm-bad id` is a name.
        let id_like = |l: &&str| l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        (self.name.iter().chain([&self.address]))
            .map(|s| first_label(s))
            .filter(id_like)
            .find(|l| TargetKind::of_label(l) == Some(kind))
    }
}

/// The text before the first `.` (the host name's first label).
fn first_label(s: &str) -> &str {
    s.split('.').next().unwrap_or_default()
}

/// What holds a target's allow-list: the product whose own command adds to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TargetKind {
    /// ApsaraDB RDS (MySQL, PostgreSQL, SQL Server, MariaDB).
    Rds,
    Polardb,
    /// Redis / Tair (KVStore).
    Redis,
    /// ApsaraDB for MongoDB.
    Mongodb,
    /// Something else with an allow-list (an API's): no command.
    Other,
}

spelled!(TargetKind, "target kind": Rds => "rds", Polardb => "polardb", Redis => "redis", Mongodb => "mongodb", Other => "other");

impl TargetKind {
    /// The kind an instance ID's prefix shows (plan-format.md), for a label (not a whole host
    /// name). `pgm-` is RDS for PostgreSQL; `r-` is checked last, as no other prefix starts so.
    fn of_label(label: &str) -> Option<TargetKind> {
        const PREFIXES: [(&str, TargetKind); 5] = [
            ("rm-", TargetKind::Rds),
            ("pgm-", TargetKind::Rds),
            ("pc-", TargetKind::Polardb),
            ("dds-", TargetKind::Mongodb),
            ("r-", TargetKind::Redis),
        ];
        (PREFIXES.iter())
            .find(|(p, _)| label.starts_with(p) && label.len() > p.len())
            .map(|&(_, k)| k)
    }
}

/// Optional fields may be `null`: treat it as the field's default.
fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every value's `as_str` is serde's spelling, `FromStr` reads it back, and the error
    /// lists exactly the spellings of `ALL`.
    fn agree<T>(all: &[T], as_str: fn(T) -> &'static str)
    where
        T: Copy + PartialEq + fmt::Debug + Serialize + for<'de> Deserialize<'de>,
        T: FromStr<Err = UnknownName>,
    {
        for &v in all {
            let name = as_str(v);
            assert_eq!(serde_json::to_string(&v).unwrap(), format!("\"{name}\""));
            assert_eq!(
                serde_json::from_str::<T>(&format!("\"{name}\"")).unwrap(),
                v
            );
            assert_eq!(name.parse::<T>(), Ok(v));
        }
        let err = "?".parse::<T>().unwrap_err();
        let names: Vec<&str> = all.iter().map(|&v| as_str(v)).collect();
        assert_eq!(err.expected, names);
    }

    /// Any text reads as the same value through `FromStr` and through serde, or through
    /// neither.
    fn same_reading<T>(s: &str)
    where
        T: PartialEq + fmt::Debug + for<'de> Deserialize<'de> + FromStr,
    {
        let json = serde_json::to_string(s).unwrap();
        assert_eq!(
            s.parse::<T>().ok(),
            serde_json::from_str::<T>(&json).ok(),
            "{s:?}"
        );
    }

    #[test]
    fn as_str_from_str_and_serde_agree() {
        agree(&RouteTableKind::ALL, RouteTableKind::as_str);
        agree(&SecurityGroupKind::ALL, SecurityGroupKind::as_str);
        agree(&Policy::ALL, Policy::as_str);
        agree(&Protocol::ALL, Protocol::as_str);
        agree(&NatKind::ALL, NatKind::as_str);
        agree(&PeeringKind::ALL, PeeringKind::as_str);
        agree(&TargetKind::ALL, TargetKind::as_str);
    }

    #[test]
    fn unknown_names_say_what_was_expected() {
        let err = "TCP".parse::<Protocol>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "not a protocol: expected tcp, udp, icmp, gre or all"
        );
        assert_eq!(
            "vpc-peer".parse::<PeeringKind>().unwrap_err().to_string(),
            "not a peering kind: expected vpc_peer or cen"
        );
    }

    proptest! {
        #[test]
        fn from_str_reads_what_serde_reads(
            s in prop_oneof![
                "[a-z_]{0,12}",
                prop::sample::select(vec![
                    "custom", "system", "basic", "enterprise", "accept", "drop", "tcp", "udp",
                    "icmp", "gre", "all", "internet", "vpc", "vpc_peer", "cen", "Tcp", "VPC",
                    "rds", "polardb", "redis", "mongodb", "other", "RDS",
                ]).prop_map(str::to_owned),
            ]
        ) {
            same_reading::<RouteTableKind>(&s);
            same_reading::<SecurityGroupKind>(&s);
            same_reading::<Policy>(&s);
            same_reading::<Protocol>(&s);
            same_reading::<NatKind>(&s);
            same_reading::<PeeringKind>(&s);
            same_reading::<TargetKind>(&s);
        }
    }
}
