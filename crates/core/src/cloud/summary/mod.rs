//! What an import did, as data the page can show and the CLI prints: counts, one line per
//! object imported or updated and per thing skipped, and notes to read.
//!
//! The types and their text are here; `write` writes a merge's summary from what the merge
//! logged, and `describe` puts the plan's objects in words for its lines.

mod describe;
mod said;
mod write;

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::args;
use crate::i18n::Catalogue;

use super::Operation;

pub(crate) use said::{Said, Skip};
pub(crate) use write::write;

/// The summary of one import.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ImportSummary {
    /// Each response read, in paste order.
    pub responses: Vec<ResponseRead>,
    /// Objects new to the plan (VPCs, vSwitches, route tables, security groups, NAT
    /// gateways, peerings).
    pub imported: usize,
    /// Objects already in the plan that the import changed.
    pub updated: usize,
    /// Objects already in the plan exactly as the cloud describes them.
    pub unchanged: usize,
    /// Lines of things the plan cannot hold or the import could not place.
    pub skipped: usize,
    /// One line per object imported or updated and per thing skipped, sorted by change
    /// (imported, updated, skipped), then kind, then ID.
    pub lines: Vec<SummaryLine>,
    /// Sentences to read: what `other_ips` counts, overrides kept, what to paste next.
    pub notes: Vec<String>,
}

/// One response of the paste.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseRead {
    pub operation: Operation,
    /// `response 2`, `the response`, or `FILE: response 2`, in the summary's language (the
    /// page's importer has no English words when the page is in Chinese).
    pub label: String,
    /// Items in its list (VPCs, rules, entries, …).
    pub items: usize,
}

/// One object imported, updated or skipped.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SummaryLine {
    pub change: Change,
    pub kind: Kind,
    /// The cloud's ID, or for parts without one, the parent's ID and what tells the part
    /// apart (`vtb-bp1cus 192.168.0.0/16`, `sg-bp1app sgr-bp1c`).
    pub id: String,
    /// For an import, what it holds; for an update, what changed; for a skip, why.
    pub detail: String,
}

/// What happened to an object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Imported,
    Updated,
    Skipped,
}

/// The kind of an object in a summary line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Vpc,
    VSwitch,
    RouteTable,
    Route,
    SecurityGroup,
    EgressRule,
    IngressRule,
    NatGateway,
    SnatEntry,
    Eip,
    Peering,
}

impl Change {
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Imported => "imported",
            Change::Updated => "updated",
            Change::Skipped => "skipped",
        }
    }

    /// The change in `cat`'s words (`imported`, `导入`).
    pub fn label(self, cat: &Catalogue) -> String {
        match self {
            Change::Imported => cat.text("summary.change.imported", &[]),
            Change::Updated => cat.text("summary.change.updated", &[]),
            Change::Skipped => cat.text("summary.change.skipped", &[]),
        }
    }
}

impl Kind {
    /// The kind in words (`route table`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Vpc => "VPC",
            Kind::VSwitch => "vSwitch",
            Kind::RouteTable => "route table",
            Kind::Route => "route",
            Kind::SecurityGroup => "security group",
            Kind::EgressRule => "egress rule",
            Kind::IngressRule => "ingress rules",
            Kind::NatGateway => "NAT gateway",
            Kind::SnatEntry => "SNAT entry",
            Kind::Eip => "EIP",
            Kind::Peering => "peering",
        }
    }

    /// The kind in `cat`'s words (`route table`, `路由表`).
    pub fn label(self, cat: &Catalogue) -> String {
        let key = match self {
            Kind::Vpc => "summary.kind.vpc",
            Kind::VSwitch => "summary.kind.vswitch",
            Kind::RouteTable => "summary.kind.route_table",
            Kind::Route => "summary.kind.route",
            Kind::SecurityGroup => "summary.kind.security_group",
            Kind::EgressRule => "summary.kind.egress_rule",
            Kind::IngressRule => "summary.kind.ingress_rules",
            Kind::NatGateway => "summary.kind.nat_gateway",
            Kind::SnatEntry => "summary.kind.snat_entry",
            Kind::Eip => "summary.kind.eip",
            Kind::Peering => "summary.kind.peering",
        };
        cat.text(key, &[])
    }
}

impl SummaryLine {
    /// `skipped route vtb-bp1cus 192.168.0.0/16: ECMP …`, in `cat`'s words (the detail as
    /// the import wrote it).
    ///
    /// # Examples
    /// ```
    /// use easnet_core::cloud::{import, Change};
    /// use easnet_core::i18n::Catalogue;
    /// use easnet_core::plan::Plan;
    /// let paste = r#"{"VSwitches": {"VSwitch": [{"VSwitchId": "vsw-a", "VpcId": "vpc-x", "CidrBlock": "10.0.1.0/24"}]}}"#;
    /// let got = import(paste, &Plan::empty()).unwrap();
    /// assert_eq!(got.summary.lines[0].change, Change::Skipped);
    /// assert_eq!(
    ///     got.summary.lines[0].text(Catalogue::english()),
    ///     "skipped vSwitch vsw-a: its VPC vpc-x is not in the plan: paste DescribeVpcs too"
    /// );
    /// ```
    pub fn text(&self, cat: &Catalogue) -> String {
        cat.text(
            "summary.line",
            args![
                change = self.change.label(cat),
                kind = self.kind.label(cat),
                id = self.id,
                detail = self.detail,
            ],
        )
    }
}

impl ImportSummary {
    /// The counts as a phrase in `cat`'s words: `3 imported, 1 updated, 0 unchanged, 2 skipped`.
    pub fn counts(&self, cat: &Catalogue) -> String {
        cat.text(
            "summary.counts",
            args![
                imported = self.imported,
                updated = self.updated,
                unchanged = self.unchanged,
                skipped = self.skipped,
            ],
        )
    }

    /// The summary as text for a terminal, in `cat`'s words: what was read, the counts, the
    /// lines, the notes.
    ///
    /// # Examples
    /// ```
    /// use easnet_core::cloud::import;
    /// use easnet_core::i18n::Catalogue;
    /// use easnet_core::plan::Plan;
    /// let en = Catalogue::english();
    /// let paste = r#"{"Vpcs": {"Vpc": [{"VpcId": "vpc-a", "CidrBlock": "10.0.0.0/16"}]}}"#;
    /// let text = import(paste, &Plan::empty()).unwrap().summary.text(en);
    /// assert!(text.contains("imported 1, updated 0, unchanged 0, skipped 0"));
    /// assert!(text.contains("imported VPC vpc-a: 10.0.0.0/16"));
    /// let counts = import(paste, &Plan::empty()).unwrap().summary.counts(en);
    /// assert_eq!(counts, "1 imported, 0 updated, 0 unchanged, 0 skipped");
    /// assert!(import("{}", &Plan::empty()).is_err());
    /// ```
    pub fn text(&self, cat: &Catalogue) -> String {
        let mut out = String::new();
        let read: Vec<String> = self
            .responses
            .iter()
            .map(|r| format!("{} ({})", r.operation, r.items))
            .collect();
        let responses = cat.count("summary.responses", self.responses.len() as u64, &[]);
        let _ = writeln!(
            out,
            "{}",
            cat.text(
                "summary.read",
                args![responses = responses, list = read.join(", ")]
            )
        );
        let _ = writeln!(
            out,
            "{}",
            cat.text(
                "summary.counts_line",
                args![
                    imported = self.imported,
                    updated = self.updated,
                    unchanged = self.unchanged,
                    skipped = self.skipped,
                ],
            )
        );
        for line in &self.lines {
            let _ = writeln!(out, "  {}", line.text(cat));
        }
        for note in &self.notes {
            let _ = writeln!(out, "{}", cat.text("summary.note", args![note = note]));
        }
        out
    }
}
