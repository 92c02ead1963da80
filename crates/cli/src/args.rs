//! The command line, as clap types. Every subcommand has `--help`; `-` reads standard input
//! wherever a file is taken.

use clap::{Parser, Subcommand, ValueEnum};
use easnet_core::i18n::Lang;

/// Check PAI-EAS network plans and do vSwitch capacity maths from the terminal.
///
/// Exit status: 0 when there is nothing wrong, 1 when `check` finds errors, 2 when a file
/// cannot be read, is not a valid plan or describe output, or the command line is wrong.
#[derive(Debug, Parser)]
#[command(name = "easnet", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// The language of easnet's words: en or zh (Chinese, in the console's terms). Default:
    /// the locale, the first of LC_ALL, LC_MESSAGES and LANG that is set (zh_CN.UTF-8 is
    /// Chinese, anything else English). IDs, codes, JSON keys, CIDRs and commands stay as they
    /// are.
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
}

/// `--lang`'s values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    Zh,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::En => Lang::En,
            LangArg::Zh => Lang::Zh,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a plan against every rule: findings, capacity, paths.
    ///
    /// Exits 0 when there is no error finding, 1 when there is one, 2 when the plan cannot be
    /// read (the message names the JSON path).
    Check {
        /// The plan file (JSON, version 1), or - for standard input.
        plan: String,
        /// text for people, json for scripts (the analyzer's report), sarif for code scanning.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
    },
    /// vSwitch capacity maths for one CIDR: usable, reserved, needed, free, smallest prefix.
    ///
    /// needed = (peak instances (the larger of --instances and --max-instances) + the rolling
    /// update's surge (--max-surge; default 2% of peak, at least 1)) × --unit-size + --other-ips.
    ///
    /// With --second-cidr the service lists two vSwitches (two zones): each counts an even
    /// share, ceil(need / 2), and a warning says which of them could not take the whole need
    /// alone (all instances start in one zone when the other lacks stock). needed, free, fits
    /// and smallest prefix still answer for the whole need in CIDR alone; the text adds a line
    /// per vSwitch, the JSON a "split".
    // Negative numbers reach the value parser, which says what is wrong with them.
    #[command(allow_negative_numbers = true)]
    Capacity {
        /// The vSwitch CIDR, such as 10.0.1.0/24.
        cidr: String,
        /// Instances of the service (metadata.instance).
        #[arg(long, value_name = "N", default_value_t = 1)]
        instances: u64,
        /// The autoscaler's maximum (autoscaler.max).
        #[arg(long, value_name = "N")]
        max_instances: Option<u64>,
        /// Extra instances during a rolling update: a count (2) or a share of peak (20%).
        #[arg(long, value_name = "N|N%")]
        max_surge: Option<String>,
        /// IPs taken in the vSwitch by other things (ECS, NAT gateway, transit-router ENIs).
        #[arg(long, value_name = "N", default_value_t = 0)]
        other_ips: u64,
        /// Machines per instance (unit.size of a distributed service), each with its own IP.
        #[arg(long, value_name = "N", default_value_t = 1)]
        unit_size: u64,
        /// A second vSwitch the service lists, in another zone, such as 10.0.2.0/24.
        #[arg(long, value_name = "CIDR")]
        second_cidr: Option<String>,
        /// IPs taken in the second vSwitch by other things (--other-ips counts the first's).
        #[arg(long, value_name = "N", default_value_t = 0, requires = "second_cidr")]
        second_other_ips: u64,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print a service JSON with cloud.networking set, every other byte as it was.
    Networking {
        /// The EAS service JSON file, or - for standard input.
        service: String,
        #[arg(long, value_name = "ID")]
        vpc_id: String,
        #[arg(long, value_name = "ID")]
        vswitch_id: String,
        #[arg(long, value_name = "ID")]
        security_group_id: String,
    },
    /// Print what to paste or run for one service of a plan.
    Export {
        /// The plan file (JSON, version 1), or - for standard input.
        plan: String,
        /// The service's metadata.name.
        #[arg(long, value_name = "NAME")]
        service: String,
        /// What to print.
        #[arg(long, value_enum)]
        what: What,
        /// The service JSON's file name in the eascmd lines.
        #[arg(long, value_name = "FILE", default_value = "service.json")]
        file: String,
    },
    /// Merge the JSON of `aliyun` describe calls into a plan and print the plan.
    ///
    /// Reads the output of vpc DescribeVpcs, DescribeVSwitches, DescribeRouteTableList,
    /// DescribeRouteEntryList, DescribeRouteTables, DescribeNatGateways,
    /// DescribeSnatTableEntries, DescribeEipAddresses, ecs DescribeSecurityGroups,
    /// DescribeSecurityGroupAttribute and vpcpeer ListVpcPeerConnections: a file may hold one
    /// response, several pasted together, a --pager list, or an `easnet snapshot` (refused when
    /// a page or a call is missing). Objects are merged by ID; what the plan cannot hold is
    /// listed as skipped. The merged plan goes to standard output, the summary (imported,
    /// updated, skipped) to standard error. Nothing is printed and the
    /// exit status is 2 for an error response, an unknown shape, or a page cut off.
    Import {
        /// Files of describe output or easnet snapshots, or - for standard input.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
        /// The plan to merge into (default: an empty plan), or - for standard input.
        #[arg(long, value_name = "PLAN.json")]
        into: Option<String>,
    },
    /// Export one VPC with your aliyun CLI: every describe call import reads, every page, one file.
    ///
    /// Runs the `aliyun` on your PATH with its own profile (your credentials; read-only
    /// describe calls; easnet itself opens no connection) for the VPC, its vSwitches, route
    /// tables and routes, NAT gateways, SNAT entries and EIPs, security groups and their egress
    /// rules, and its peering connections. Each page is asked for explicitly (PageNumber until
    /// TotalCount, NextToken until empty; never --pager, which loses pages) and kept with its
    /// paging fields, so that `easnet import` can check that nothing is missing. Progress goes
    /// to standard error. The file (or standard output) is written only once every call has
    /// answered; the exit status is 2, with nothing written, when aliyun is missing, not
    /// configured, refuses a call (its Code and Message), or does not answer in time.
    Snapshot {
        /// The region, such as cn-hangzhou.
        #[arg(long, value_name = "REGION")]
        region: String,
        /// The VPC's ID, such as vpc-bp1xxxxxxxx.
        #[arg(long, value_name = "VPC_ID")]
        vpc: String,
        /// The file to write (default, or -: standard output).
        #[arg(short, long, value_name = "FILE")]
        output: Option<String>,
        /// How long one aliyun call may take before it is stopped.
        #[arg(long, value_name = "SECONDS", default_value_t = 60,
              value_parser = clap::value_parser!(u64).range(1..=3600))]
        timeout_secs: u64,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
    Sarif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum What {
    /// The cloud.networking object the service uses (its own, or its resource group's).
    Networking,
    /// The service JSON as the plan holds it.
    Service,
    /// The eascmd create and modify lines.
    Eascmd,
    /// The entries each target's whitelist lacks, with the command of its product (RDS,
    /// PolarDB, Redis/Tair, MongoDB).
    Whitelist,
    /// Connectivity tests for the service's start-up command.
    TestCommand,
    /// The whole plan's report as Markdown.
    Report,
    /// The UpdateResourceDLink call for the service's resource group.
    Dlink,
}
