//! The calls of a snapshot: one table of the APIs it runs (how each pages, the largest page
//! each takes), a call as its filter arguments, and the walk that says which calls a VPC needs.
//!
//! Paging and parameter names are the API metadata the `aliyun` CLI is built from
//! (`aliyun/aliyun-openapi-meta` at 2563691, `metadatas/<product>/<Api>.json`, as gathered in
//! the project's `aliyun-api.json`: `pages` per API); the largest page sizes are
//! `docs/cloud-describe-facts.md` (§ per operation).

use serde_json::Value;

use crate::cloud::read::{is, list, text, texts};
use crate::cloud::Operation;

/// How an API pages its list.
///
/// `--pager` is not used: on `PageNumber` APIs it stops after page 1 in current CLI versions,
/// and its merged output drops `TotalCount`, so a loss would be silent (`aliyun-commands.md`,
/// "Reading many pages"; aliyun-cli issue #512). Every page is asked for explicitly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paging {
    /// `PageNumber` 1, 2, … with `PageSize`, until `PageNumber × PageSize ≥ TotalCount`.
    PageNumber,
    /// `NextToken` from each page into the next until it comes back empty; the page size is
    /// this parameter (`MaxResults`, but `MaxResult` for `DescribeRouteEntryList`).
    NextToken { size_param: &'static str },
}

/// One API a snapshot runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Api {
    pub operation: Operation,
    pub paging: Paging,
    /// The page size asked for: the largest the API takes, so that few pages are needed.
    pub page_size: u32,
}

/// Every API a snapshot runs, in the order it runs them: the one table of paging styles.
pub const APIS: [Api; 10] = [
    // §1: PageSize at most 50.
    Api {
        operation: Operation::DescribeVpcs,
        paging: Paging::PageNumber,
        page_size: 50,
    },
    // §2: PageSize at most 50.
    Api {
        operation: Operation::DescribeVSwitches,
        paging: Paging::PageNumber,
        page_size: 50,
    },
    // §3a: PageSize at most 50.
    Api {
        operation: Operation::DescribeRouteTableList,
        paging: Paging::PageNumber,
        page_size: 50,
    },
    // §3b: one table per call, MaxResult (singular) 1–100.
    Api {
        operation: Operation::DescribeRouteEntryList,
        paging: Paging::NextToken {
            size_param: "MaxResult",
        },
        page_size: 100,
    },
    // §4: PageSize at most 50.
    Api {
        operation: Operation::DescribeNatGateways,
        paging: Paging::PageNumber,
        page_size: 50,
    },
    // §5: PageSize at most 50.
    Api {
        operation: Operation::DescribeSnatTableEntries,
        paging: Paging::PageNumber,
        page_size: 50,
    },
    // §6: PageSize 1–100.
    Api {
        operation: Operation::DescribeEipAddresses,
        paging: Paging::PageNumber,
        page_size: 100,
    },
    // §7a: NextToken, MaxResults at most 100 (TotalCount is not returned in token mode).
    Api {
        operation: Operation::DescribeSecurityGroups,
        paging: Paging::NextToken {
            size_param: "MaxResults",
        },
        page_size: 100,
    },
    // §7b: MaxResults 10–1000 (default 500: without it a large group is cut).
    Api {
        operation: Operation::DescribeSecurityGroupAttribute,
        paging: Paging::NextToken {
            size_param: "MaxResults",
        },
        page_size: 1000,
    },
    // §8: NextToken, MaxResults 1–100; the list is at the top level (`VpcPeerConnects`).
    Api {
        operation: Operation::ListVpcPeerConnections,
        paging: Paging::NextToken {
            size_param: "MaxResults",
        },
        page_size: 100,
    },
];

/// The arguments that choose a page rather than the list: a call is the same call on every
/// page whatever they hold.
pub(crate) const PAGING_ARGS: [&str; 5] = [
    "PageNumber",
    "PageSize",
    "NextToken",
    "MaxResults",
    "MaxResult",
];

impl Api {
    /// The table's row for `operation`; `None` for an operation a snapshot never runs.
    pub fn of(operation: Operation) -> Option<&'static Api> {
        APIS.iter().find(|a| a.operation == operation)
    }
}

/// Which page to ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// `--PageNumber n`.
    Number(u64),
    /// The first page (`None`) or the token the previous page returned.
    Token(Option<String>),
}

/// What tells one call from another: its operation and its arguments, sorted ([`Call::key`]).
pub(crate) type CallKey = (Operation, Vec<(String, String)>);

/// One call: an API and its filter arguments (`RegionId` first), every page alike.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    pub operation: Operation,
    pub args: Vec<(String, String)>,
}

impl Call {
    pub(crate) fn new(operation: Operation, region: &str, filters: &[(&str, &str)]) -> Call {
        let mut args = vec![("RegionId".to_owned(), region.to_owned())];
        args.extend(
            filters
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
        );
        Call { operation, args }
    }

    /// The API's row of [`APIS`]. Every call is made by [`walk`] from that table.
    pub fn api(&self) -> Api {
        Api::of(self.operation).copied().unwrap_or(Api {
            operation: self.operation,
            paging: Paging::PageNumber,
            page_size: 50,
        })
    }

    /// The arguments of one page: the filters, then the page size and the page asked for.
    pub fn page_args(&self, ask: &Ask) -> Vec<(String, String)> {
        let api = self.api();
        let mut args = self.args.clone();
        let size = api.page_size.to_string();
        match (api.paging, ask) {
            (Paging::NextToken { size_param }, Ask::Token(token)) => {
                args.push((size_param.to_owned(), size));
                if let Some(token) = token {
                    args.push(("NextToken".to_owned(), token.clone()));
                }
            }
            (_, Ask::Number(n)) => {
                args.push(("PageSize".to_owned(), size));
                args.push(("PageNumber".to_owned(), n.to_string()));
            }
            (Paging::PageNumber, Ask::Token(_)) => {
                args.push(("PageSize".to_owned(), size));
                args.push(("PageNumber".to_owned(), "1".to_owned()));
            }
        }
        args
    }

    /// `aliyun`'s arguments for `args` (from [`Call::page_args`]), one word each, never
    /// through a shell: `vpc DescribeVSwitches --RegionId cn-hangzhou --VpcId vpc-a …`.
    ///
    /// A value that starts with `-` is written `--Name=value`: the CLI would read it as a
    /// flag otherwise (`aliyun-commands.md`, "Shell safety"; aliyun-cli README, "Special
    /// argument").
    pub fn argv(&self, args: &[(String, String)]) -> Vec<String> {
        let mut argv = vec![
            self.operation.product().to_owned(),
            self.operation.name().to_owned(),
        ];
        for (k, v) in args {
            if v.starts_with('-') {
                argv.push(format!("--{k}={v}"));
            } else {
                argv.push(format!("--{k}"));
                argv.push(v.clone());
            }
        }
        argv
    }

    /// How messages name the call: `vpc DescribeRouteEntryList --RouteTableId vtb-a` (the
    /// region is the same for all and left out).
    pub fn name(&self) -> String {
        let mut s = format!("{} {}", self.operation.product(), self.operation.name());
        for (k, v) in self.args.iter().filter(|(k, _)| k != "RegionId") {
            s.push_str(&format!(" --{k} {v}"));
        }
        s
    }

    /// The call as a key that ignores the order of its arguments.
    pub(crate) fn key(&self) -> CallKey {
        let mut args = self.args.clone();
        args.sort();
        (self.operation, args)
    }

    /// [`Call::key`] as text: what tells the pages of this call from those of another call
    /// of the same operation (`Response::call`).
    pub(crate) fn id(&self) -> String {
        let (op, args) = self.key();
        let args: Vec<String> = args.iter().map(|(k, v)| format!("--{k} {v}")).collect();
        format!("{} {} {}", op.product(), op.name(), args.join(" "))
    }
}

/// The calls of one VPC's snapshot, in order, each given to `get`, which returns the
/// responses of all its pages. The calls that follow from a list (the routes of each route
/// table, the SNAT entries of each SNAT table, the EIPs of each Internet NAT gateway, the
/// rules of each security group) are read from what `get` returned, so the same walk takes a
/// snapshot and checks one: a call a snapshot lacks is found the way it would have been run.
///
/// Every call that takes a VPC filter gets it, so nothing of another VPC comes in: a peer VPC
/// only as its peering connection names it.
pub(crate) fn walk<E>(
    region: &str,
    vpc: &str,
    mut get: impl FnMut(&Call) -> Result<Vec<Value>, E>,
) -> Result<(), E> {
    let call = |op: Operation, filters: &[(&str, &str)]| Call::new(op, region, filters);
    let of_vpc = [("VpcId", vpc)];
    get(&call(Operation::DescribeVpcs, &of_vpc))?;
    get(&call(Operation::DescribeVSwitches, &of_vpc))?;

    let tables = get(&call(Operation::DescribeRouteTableList, &of_vpc))?;
    let ids = items_of(&tables, Operation::DescribeRouteTableList, |t| {
        text(t, "RouteTableId").into_iter().collect()
    });
    for table in ids {
        get(&call(
            Operation::DescribeRouteEntryList,
            &[("RouteTableId", &table)],
        ))?;
    }

    let nats = get(&call(Operation::DescribeNatGateways, &of_vpc))?;
    // The SNAT table's ID is the gateway's `SnatTableIds`, not the gateway's ID
    // (`aliyun-commands.md`, `vpc CreateSnatEntry`); one call per table.
    let snat_tables = items_of(&nats, Operation::DescribeNatGateways, |n| {
        texts(n, "SnatTableIds", "SnatTableId")
    });
    for table in snat_tables {
        get(&call(
            Operation::DescribeSnatTableEntries,
            &[("SnatTableId", &table)],
        ))?;
    }
    // A VPC NAT gateway (`intranet`) has no EIPs: its SNAT IPs are its own private IPs
    // (cloud-describe-facts.md §9). `AssociatedInstanceId` keeps other gateways' EIPs out.
    let internet = items_of(&nats, Operation::DescribeNatGateways, |n| {
        match is(n, "NetworkType", "intranet") {
            true => Vec::new(),
            false => text(n, "NatGatewayId").into_iter().collect(),
        }
    });
    for gateway in internet {
        get(&call(
            Operation::DescribeEipAddresses,
            &[
                ("AssociatedInstanceType", "Nat"),
                ("AssociatedInstanceId", &gateway),
            ],
        ))?;
    }

    let groups = get(&call(Operation::DescribeSecurityGroups, &of_vpc))?;
    let ids = items_of(&groups, Operation::DescribeSecurityGroups, |g| {
        text(g, "SecurityGroupId").into_iter().collect()
    });
    for group in ids {
        // Egress only: the checks read egress rules (ingress would be listed as skipped).
        // `RegionId` is required here (`aliyun-commands.md`).
        get(&call(
            Operation::DescribeSecurityGroupAttribute,
            &[("SecurityGroupId", &group), ("Direction", "egress")],
        ))?;
    }

    // `VpcId` is a list parameter of this API; the SDKs send one VPC as `VpcId=vpc-a`
    // ("simple" style), which is what `--VpcId vpc-a` sends. Whether the service honours it
    // is not settled (cloud-describe-facts.md §10), so the reader also keeps only the
    // peerings that name this VPC.
    get(&call(Operation::ListVpcPeerConnections, &of_vpc))?;
    Ok(())
}

/// The values `each` reads from every item of the pages' lists, in order, without repeats.
fn items_of(pages: &[Value], op: Operation, each: impl Fn(&Value) -> Vec<String>) -> Vec<String> {
    let (outer, inner) = op.list_keys();
    let mut out: Vec<String> = Vec::new();
    for page in pages {
        for item in list(page, outer, inner) {
            for id in each(item) {
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn one_row_per_operation_the_snapshot_runs() {
        for api in APIS {
            assert_eq!(Api::of(api.operation), Some(&api));
        }
        assert_eq!(Api::of(Operation::DescribeRouteTables), None);
    }

    #[test]
    fn pages_and_argv() {
        let c = Call::new(
            Operation::DescribeVSwitches,
            "cn-hangzhou",
            &[("VpcId", "vpc-a")],
        );
        let args = c.page_args(&Ask::Number(2));
        assert_eq!(
            c.argv(&args).join(" "),
            "vpc DescribeVSwitches --RegionId cn-hangzhou --VpcId vpc-a --PageSize 50 --PageNumber 2"
        );
        assert_eq!(c.name(), "vpc DescribeVSwitches --VpcId vpc-a");
        let r = Call::new(
            Operation::DescribeRouteEntryList,
            "cn-hangzhou",
            &[("RouteTableId", "vtb-a")],
        );
        let first = r.page_args(&Ask::Token(None));
        assert_eq!(
            r.argv(&first)[2..].join(" "),
            "--RegionId cn-hangzhou --RouteTableId vtb-a --MaxResult 100"
        );
        // A token that starts with a dash stays one word.
        let next = r.page_args(&Ask::Token(Some("-AAE".into())));
        assert_eq!(r.argv(&next).last().unwrap(), "--NextToken=-AAE");
    }

    #[test]
    fn the_walk_follows_the_lists() {
        let mut seen = Vec::new();
        let answer = |c: &Call| -> Vec<Value> {
            match c.operation {
                Operation::DescribeRouteTableList => vec![
                    json!({"RouterTableList": {"RouterTableListType": [{"RouteTableId": "vtb-a"}]}}),
                    json!({"RouterTableList": {"RouterTableListType": {"RouteTableId": "vtb-b"}}}),
                ],
                Operation::DescribeNatGateways => vec![json!({"NatGateways": {"NatGateway": [
                    {"NatGatewayId": "ngw-a", "NetworkType": "internet", "SnatTableIds": {"SnatTableId": ["stb-a"]}},
                    {"NatGatewayId": "ngw-b", "NetworkType": "intranet", "SnatTableIds": {"SnatTableId": "stb-b"}}]}})],
                Operation::DescribeSecurityGroups => {
                    vec![
                        json!({"SecurityGroups": {"SecurityGroup": [{"SecurityGroupId": "sg-a"}]}}),
                    ]
                }
                _ => vec![json!({})],
            }
        };
        walk::<()>("r", "vpc-a", |c| {
            seen.push(c.name());
            Ok(answer(c))
        })
        .unwrap();
        assert_eq!(
            seen,
            [
                "vpc DescribeVpcs --VpcId vpc-a",
                "vpc DescribeVSwitches --VpcId vpc-a",
                "vpc DescribeRouteTableList --VpcId vpc-a",
                "vpc DescribeRouteEntryList --RouteTableId vtb-a",
                "vpc DescribeRouteEntryList --RouteTableId vtb-b",
                "vpc DescribeNatGateways --VpcId vpc-a",
                "vpc DescribeSnatTableEntries --SnatTableId stb-a",
                "vpc DescribeSnatTableEntries --SnatTableId stb-b",
                "vpc DescribeEipAddresses --AssociatedInstanceType Nat --AssociatedInstanceId ngw-a",
                "ecs DescribeSecurityGroups --VpcId vpc-a",
                "ecs DescribeSecurityGroupAttribute --SecurityGroupId sg-a --Direction egress",
                "vpcpeer ListVpcPeerConnections --VpcId vpc-a",
            ]
        );
    }
}
