//! The finding codes of `docs/rules.md` as a type: each code carries its severity, its one-line
//! title and its group, so that a code typed wrong does not compile and a code's facts live in
//! one place (the lint is the type, as clippy's `declare_clippy_lint!` or ruff's `codes.rs`).
//! `tests/rules_doc.rs` checks this table against the tables of `docs/rules.md`, both ways.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Severity;

/// The sections of `docs/rules.md`, each a table of codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    PlanAndIds,
    AddressSpace,
    Capacity,
    InternetEgress,
    Targets,
}

impl Group {
    pub const ALL: [Group; 5] = [
        Group::PlanAndIds,
        Group::AddressSpace,
        Group::Capacity,
        Group::InternetEgress,
        Group::Targets,
    ];

    /// The section heading in `docs/rules.md` (up to any parenthesis).
    pub fn title(self) -> &'static str {
        match self {
            Group::PlanAndIds => "Plan and IDs",
            Group::AddressSpace => "Address space",
            Group::Capacity => "Capacity",
            Group::InternetEgress => "Internet egress",
            Group::Targets => "Private and public targets",
        }
    }
}

/// Declares [`Code`]: one line per code, `Variant = "TEXT", severity, group, "title"`.
macro_rules! codes {
    ($($variant:ident = $text:literal, $severity:ident, $group:ident, $title:literal;)+) => {
        /// A finding code of `docs/rules.md`. Serialized as its text (`"CAP001"`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code {
            $($variant,)+
        }

        impl Code {
            /// Every code, in the order of `docs/rules.md`.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)+];

            /// The stable text of the code (`"CAP001"`).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $text,)+
                }
            }

            /// The severity every finding of this code has.
            pub const fn severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)+
                }
            }

            /// What the code is about, in one line (SARIF's rule short description).
            pub const fn title(self) -> &'static str {
                match self {
                    $(Code::$variant => $title,)+
                }
            }

            /// The section of `docs/rules.md` the code is listed in.
            pub const fn group(self) -> Group {
                match self {
                    $(Code::$variant => Group::$group,)+
                }
            }
        }
    };
}

codes! {
    Plan001 = "PLAN001", Error, PlanAndIds, "The plan cannot be read";
    Plan002 = "PLAN002", Error, PlanAndIds, "Two objects share an ID";
    Plan003 = "PLAN003", Error, PlanAndIds, "A reference names nothing";
    Net001 = "NET001", Error, PlanAndIds, "Networking sets only some of its three IDs";
    Net002 = "NET002", Warning, PlanAndIds, "An ID does not look like its kind";
    Net003 = "NET003", Error, PlanAndIds, "The vSwitch is not in the service's VPC";
    Net004 = "NET004", Error, PlanAndIds, "The security group is not in the service's VPC";
    Net005 = "NET005", Info, PlanAndIds, "Service networking overrides the resource group's";
    Net006 = "NET006", Warning, PlanAndIds, "An object the checks need is not described";
    Net007 = "NET007", Error, PlanAndIds, "A service that needs the network has no VPC";
    Net008 = "NET008", Warning, PlanAndIds, "The default route keeps internet traffic out of the VPC";
    Net009 = "NET009", Warning, PlanAndIds, "A private target is outside destination_cidrs";
    Cidr001 = "CIDR001", Error, AddressSpace, "A CIDR or address does not parse or has host bits set";
    Cidr002 = "CIDR002", Error, AddressSpace, "A VPC CIDR prefix is outside /8-/28";
    Cidr003 = "CIDR003", Error, AddressSpace, "A CIDR lies in a reserved range";
    Cidr004 = "CIDR004", Error, AddressSpace, "A vSwitch prefix is outside /16-/29";
    Cidr005 = "CIDR005", Error, AddressSpace, "A vSwitch CIDR is outside its VPC";
    Cidr006 = "CIDR006", Error, AddressSpace, "Two vSwitches of one VPC overlap";
    Cidr007 = "CIDR007", Error, AddressSpace, "Too many or overlapping VPC CIDRs";
    Cidr008 = "CIDR008", Error, AddressSpace, "Peered VPCs overlap";
    Cap001 = "CAP001", Error, Capacity, "A vSwitch has too few IPs";
    Cap002 = "CAP002", Warning, Capacity, "A vSwitch is nearly full";
    Cap003 = "CAP003", Error, Capacity, "A bad max_surge or max_unavailable";
    Cap004 = "CAP004", Error, Capacity, "A bad autoscaler or instance count";
    Cap005 = "CAP005", Warning, Capacity, "One vSwitch of several cannot take the whole service";
    Inet001 = "INET001", Error, InternetEgress, "No internet NAT gateway in the VPC";
    Inet002 = "INET002", Error, InternetEgress, "No route to the destination";
    Inet003 = "INET003", Error, InternetEgress, "The route does not lead to an internet NAT gateway";
    Inet004 = "INET004", Error, InternetEgress, "No SNAT entry covers the vSwitch";
    Inet005 = "INET005", Error, InternetEgress, "The SNAT entry has no usable EIP";
    Inet006 = "INET006", Info, InternetEgress, "Several SNAT entries cover the vSwitch";
    Sg001 = "SG001", Error, Targets, "The security group denies the flow";
    Sg002 = "SG002", Error, Targets, "A malformed security group rule";
    Sg003 = "SG003", Warning, Targets, "An accept rule is shadowed by a drop rule";
    Route001 = "ROUTE001", Error, Targets, "A malformed route";
    Priv001 = "PRIV001", Error, Targets, "No peering or CEN to the target's VPC";
    Priv002 = "PRIV002", Error, Targets, "No route to the peered target";
    Priv003 = "PRIV003", Error, Targets, "No return route from the target";
    Priv004 = "PRIV004", Warning, Targets, "A private target is in no described VPC";
    Wl001 = "WL001", Warning, Targets, "The whitelist does not cover the vSwitch CIDR";
    Wl002 = "WL002", Warning, Targets, "The whitelist lacks an SNAT IP";
    Wl003 = "WL003", Error, Targets, "A malformed whitelist";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Findings sort by the code's text (rules.md, "Ordering"), not by its place in the table.
impl Ord for Code {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// A text that is not a code of `docs/rules.md`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCode(pub String);

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown finding code {:?}", self.0)
    }
}

impl std::error::Error for UnknownCode {}

impl FromStr for Code {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Code, UnknownCode> {
        (Code::ALL.iter().copied())
            .find(|c| c.as_str() == s)
            .ok_or_else(|| UnknownCode(s.to_owned()))
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Code, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips_and_is_unique() {
        for &code in Code::ALL {
            assert_eq!(code.as_str().parse::<Code>(), Ok(code));
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{code}\""));
            assert_eq!(serde_json::from_str::<Code>(&json).unwrap(), code);
        }
        assert!("CAP999".parse::<Code>().is_err());
        assert!(serde_json::from_str::<Code>("\"cap001\"").is_err());
    }

    #[test]
    fn orders_by_text() {
        // CIDR before CAP in the table, but C-A sorts before C-I.
        assert!(Code::Cap001 < Code::Cidr001);
        assert!(Code::Net007 < Code::Plan001);
    }
}
