//! Taking a snapshot: every call of [`super::calls::walk`], every page of each, through a
//! function the caller gives that runs one page (the CLI runs the user's `aliyun`; core opens
//! no connection).

use serde_json::Value;

use crate::args;
use crate::cloud::read::{list, text};
use crate::cloud::Operation;
use crate::i18n::Catalogue;

use super::calls::{walk, Ask, Call, Paging};
use super::paging::{self, PageRef, MAX_PAGES};
use super::{Snapshot, SnapshotPage};

/// One page to run: the call, the page's number (from 1) and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request<'a> {
    pub call: &'a Call,
    pub page: u64,
    pub args: Vec<(String, String)>,
}

impl Request<'_> {
    /// The `aliyun` arguments of this page, one word each.
    pub fn argv(&self) -> Vec<String> {
        self.call.argv(&self.args)
    }
}

/// Takes the snapshot of `vpc` in `region`: each page is given to `run`, which returns the
/// response's JSON or a message saying why it could not (the CLI's error, a timeout). Stops at
/// the first problem: an error from `run`, an error response, a response of another shape, a
/// page that cannot be followed (no `TotalCount`, a `NextToken` seen before), pages that do not
/// add up (the list changed while it was read), or a VPC the region does not have. Nothing is
/// returned then, so nothing half-taken can be written.
///
/// # Examples
/// ```
/// use easnet_core::cloud::snapshot::take;
/// use serde_json::json;
/// let snap = take("cn-hangzhou", "vpc-a", |req| {
///     Ok(match req.call.operation.name() {
///         "DescribeVpcs" => json!({"TotalCount": 1, "PageNumber": 1, "PageSize": 50,
///             "Vpcs": {"Vpc": [{"VpcId": "vpc-a", "CidrBlock": "10.0.0.0/16"}]}}),
///         "DescribeVSwitches" if req.page == 1 => json!({"TotalCount": 60, "PageNumber": 1,
///             "PageSize": 50, "VSwitches": {"VSwitch": vec![json!({}); 50]}}),
///         "DescribeVSwitches" => json!({"TotalCount": 60, "PageNumber": 2, "PageSize": 50,
///             "VSwitches": {"VSwitch": vec![json!({}); 10]}}),
///         name if name.starts_with("List") || name.starts_with("DescribeSecurity") =>
///             json!({"NextToken": ""}),
///         _ => json!({"TotalCount": 0, "PageNumber": 1, "PageSize": 50}),
///     })
/// })
/// .unwrap();
/// assert_eq!(snap.pages.len(), 7); // VSwitches twice
/// assert_eq!(snap.pages[2].args.last().unwrap(), &("PageNumber".to_owned(), "2".to_owned()));
///
/// let gone = take("cn-hangzhou", "vpc-gone", |_| Ok(json!({"TotalCount": 0, "PageNumber": 1,
///     "PageSize": 50, "Vpcs": {"Vpc": []}})));
/// assert!(gone.unwrap_err().starts_with("there is no VPC vpc-gone in cn-hangzhou"));
/// ```
pub fn take(
    region: &str,
    vpc: &str,
    run: impl FnMut(&Request<'_>) -> Result<Value, String>,
) -> Result<Snapshot, String> {
    take_in(region, vpc, Catalogue::english(), run)
}

/// [`take`], its errors in `cat`'s words (`run`'s own are passed on as they are).
pub fn take_in(
    region: &str,
    vpc: &str,
    cat: &Catalogue,
    mut run: impl FnMut(&Request<'_>) -> Result<Value, String>,
) -> Result<Snapshot, String> {
    let mut pages: Vec<SnapshotPage> = Vec::new();
    walk(region, vpc, |call| {
        let from = pages.len();
        read_all_pages(call, &mut run, &mut pages, cat)?;
        let kept = &pages[from..];
        let refs: Vec<PageRef<'_>> = kept
            .iter()
            .map(|p| PageRef {
                page: p.page,
                args: &p.args,
                value: &p.response,
            })
            .collect();
        paging::check(call, &refs).map_err(|e| {
            let error = e.text(cat);
            cat.text("cloud_error.snapshot.again", args![error = error])
        })?;
        let values: Vec<Value> = kept.iter().map(|p| p.response.clone()).collect();
        if call.operation == Operation::DescribeVpcs && !has_vpc(&values, vpc) {
            return Err(cat.text(
                "cloud_error.snapshot.no_vpc",
                args![vpc = vpc, region = region],
            ));
        }
        Ok(values)
    })?;
    Ok(Snapshot {
        region: region.to_owned(),
        vpc: vpc.to_owned(),
        pages,
    })
}

fn read_all_pages(
    call: &Call,
    run: &mut impl FnMut(&Request<'_>) -> Result<Value, String>,
    out: &mut Vec<SnapshotPage>,
    cat: &Catalogue,
) -> Result<(), String> {
    let mut ask = match call.api().paging {
        Paging::PageNumber => Ask::Number(1),
        Paging::NextToken { .. } => Ask::Token(None),
    };
    let mut tokens: Vec<String> = Vec::new();
    let mut read = 0u64;
    // Empty pages in a row that still gave a new NextToken.
    let mut empty = 0u32;
    for page in 1..=MAX_PAGES {
        let req = Request {
            call,
            page,
            args: call.page_args(&ask),
        };
        let value = run(&req)?;
        paging::check_response(call, page, &value).map_err(|(_, message)| message.text(cat))?;
        let next = paging::next(call, page, &value, read).map_err(|e| e.text(cat))?;
        let here = paging::items(call, &value);
        read = read.saturating_add(here);
        out.push(SnapshotPage {
            call: call.clone(),
            page,
            args: req.args,
            response: value,
        });
        match next {
            None => return Ok(()),
            Some(Ask::Token(Some(token))) if tokens.contains(&token) => {
                return Err(cat.text(
                    "cloud_error.snapshot.token_again",
                    args![call = call.name(), page = page, token = token],
                ))
            }
            Some(next) => {
                if matches!(next, Ask::Token(_)) {
                    empty = if here == 0 { empty + 1 } else { 0 };
                    if empty >= 2 {
                        return Err(cat.text(
                            "cloud_error.snapshot.empty_pages",
                            args![call = call.name(), page = page, before = page - 1],
                        ));
                    }
                }
                if let Ask::Token(Some(token)) = &next {
                    tokens.push(token.clone());
                }
                ask = next;
            }
        }
    }
    Err(cat.text(
        "cloud_error.snapshot.too_many_pages",
        args![call = call.name(), max = MAX_PAGES],
    ))
}

fn has_vpc(pages: &[Value], vpc: &str) -> bool {
    pages.iter().any(|p| {
        list(p, "Vpcs", "Vpc")
            .iter()
            .any(|v| text(v, "VpcId").as_deref() == Some(vpc))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A cloud of one VPC with nothing in it but `extra`'s answers.
    fn empty_but(
        extra: impl Fn(&Request<'_>) -> Option<Value>,
    ) -> impl FnMut(&Request<'_>) -> Result<Value, String> {
        move |req| {
            if let Some(v) = extra(req) {
                return Ok(v);
            }
            Ok(match req.call.operation {
                Operation::DescribeVpcs => json!({"TotalCount": 1, "PageNumber": 1, "PageSize": 50,
                    "Vpcs": {"Vpc": [{"VpcId": "vpc-a"}]}}),
                op if matches!(req.call.api().paging, Paging::NextToken { .. }) => {
                    let _ = op;
                    json!({"NextToken": ""})
                }
                _ => json!({"TotalCount": 0, "PageNumber": 1, "PageSize": 50}),
            })
        }
    }

    #[test]
    fn next_token_pages_follow_each_other() {
        let mut asked = Vec::new();
        let snap = take(
            "r",
            "vpc-a",
            empty_but(|req| match req.call.operation {
                Operation::DescribeSecurityGroups => Some(match req.page {
                    1 => json!({"NextToken": "t1", "SecurityGroups": {"SecurityGroup": [{"SecurityGroupId": "sg-a"}]}}),
                    _ => json!({"NextToken": "", "SecurityGroups": {"SecurityGroup": [{"SecurityGroupId": "sg-b"}]}}),
                }),
                _ => None,
            }),
        )
        .unwrap();
        for p in &snap.pages {
            asked.push(p.call.argv(&p.args)[1..].join(" "));
        }
        let sg: Vec<&String> = asked
            .iter()
            .filter(|a| a.contains("SecurityGroup"))
            .collect();
        assert_eq!(
            sg,
            [
                "DescribeSecurityGroups --RegionId r --VpcId vpc-a --MaxResults 100",
                "DescribeSecurityGroups --RegionId r --VpcId vpc-a --MaxResults 100 --NextToken t1",
                "DescribeSecurityGroupAttribute --RegionId r --SecurityGroupId sg-a --Direction egress --MaxResults 1000",
                "DescribeSecurityGroupAttribute --RegionId r --SecurityGroupId sg-b --Direction egress --MaxResults 1000",
            ]
        );
    }

    #[test]
    fn stops_at_the_first_problem() {
        let e = take(
            "r",
            "vpc-a",
            empty_but(|req| {
                (req.call.operation == Operation::DescribeRouteTableList).then(
                    || json!({"RequestId": "x", "Code": "Throttling", "Message": "slow down"}),
                )
            }),
        )
        .unwrap_err();
        assert_eq!(
            e,
            "vpc DescribeRouteTableList --VpcId vpc-a, page 1: the cloud answered with an error: Throttling: slow down"
        );
        let e = take(
            "r",
            "vpc-a",
            empty_but(|req| {
                (req.call.operation == Operation::DescribeNatGateways)
                    .then(|| json!({"NatGateways": {}}))
            }),
        )
        .unwrap_err();
        assert!(e.contains("no TotalCount"), "{e}");
        let e = take(
            "r",
            "vpc-a",
            empty_but(|req| {
                (req.call.operation == Operation::ListVpcPeerConnections)
                    .then(|| json!({"NextToken": "same", "VpcPeerConnects": []}))
            }),
        )
        .unwrap_err();
        assert!(e.contains("NextToken same came back a second time"), "{e}");
        let e = take(
            "r",
            "vpc-a",
            empty_but(|req| {
                (req.call.operation == Operation::DescribeEipAddresses
                    || req.call.operation == Operation::DescribeVSwitches)
                    .then(|| json!({"TotalCount": 1, "PageNumber": req.page, "PageSize": 50, "VSwitches": {"VSwitch": [{}, {}]}}))
            }),
        )
        .unwrap_err();
        assert!(
            e.contains("its pages list 2 items but TotalCount is 1"),
            "{e}"
        );
        // A PageNumber page that is empty while TotalCount says more: stopped there, not asked
        // again up to the page limit.
        let mut asked = 0;
        let e = take("r", "vpc-a", {
            let mut cloud = empty_but(|req| {
                (req.call.operation == Operation::DescribeVSwitches).then(|| match req.page {
                    1 => json!({"TotalCount": 3, "PageNumber": 1, "PageSize": 50, "VSwitches": {"VSwitch": [{}]}}),
                    n => json!({"TotalCount": 3, "PageNumber": n, "PageSize": 50, "VSwitches": {"VSwitch": []}}),
                })
            });
            move |req: &Request<'_>| {
                if req.call.operation == Operation::DescribeVSwitches {
                    asked += 1;
                    assert!(asked <= 2, "asked for page {}", req.page);
                }
                cloud(req)
            }
        })
        .unwrap_err();
        assert_eq!(
            e,
            "vpc DescribeVSwitches --VpcId vpc-a, page 2: page 2 is empty but TotalCount says 3 \
             (1 item read): the list changed while it was read"
        );
        // A NextToken API that answers empty pages with ever new tokens.
        let e = take(
            "r",
            "vpc-a",
            empty_but(|req| {
                (req.call.operation == Operation::DescribeSecurityGroups).then(|| {
                    json!({"NextToken": format!("t{}", req.page), "SecurityGroups": {"SecurityGroup": []}})
                })
            }),
        )
        .unwrap_err();
        assert_eq!(
            e,
            "ecs DescribeSecurityGroups --VpcId vpc-a, page 2: pages 1 and 2 are empty but each \
             gave a new NextToken: the pages would never end"
        );
        let e = take("r", "vpc-a", |_| Err("aliyun is not there".to_owned())).unwrap_err();
        assert_eq!(e, "aliyun is not there");
    }
}
