//! The `aliyun` command lines that export a region's VPC for [`super::import`]: shown by the
//! page (filled with the user's region and VPC) and printed in the README.

use crate::text::command::{Command, Value};
use crate::text::shell::shell_word;

/// The call that prints one security group's rules, for the importer's hints: `RegionId` is
/// required (the CLI fills it from the profile, which is only right when the profile's region
/// is the group's: domain-facts, "The `aliyun` CLI"), and `MaxResults` 1000 gets every rule in
/// one page. Without `--pager`, which would drop the group's ID.
pub fn security_group_rules(region: Option<&str>, group: Option<&str>) -> Command {
    Command::aliyun("ecs", "DescribeSecurityGroupAttribute")
        .arg("RegionId", Value::region(region))
        .arg("SecurityGroupId", Value::data_or(group, "SecurityGroupId"))
        .arg("Direction", Value::shell("all"))
        .arg("MaxResults", Value::shell("1000"))
}

/// The describe calls for one VPC, as a shell script writing `net/*.json`, then the
/// `easnet import` line. The loops need `jq`.
///
/// The way without easnet (`easnet snapshot` runs the same calls, see [`super::snapshot`]).
/// Every page is asked for explicitly: a bare `--pager` stops after page 1 of the
/// `PageNumber` APIs and drops `TotalCount`, and fails on `ListVpcPeerConnections`
/// (`aliyun-commands.md`, "Reading many pages"). Each page is printed as it came, so the
/// importer sees its paging fields and refuses a cut-off export.
///
/// # Examples
/// ```
/// let script = easnet_core::cloud::describe_commands("cn-shanghai", "vpc-uf6ml");
/// assert!(script.starts_with("R=cn-shanghai VPC=vpc-uf6ml; mkdir -p net\n"));
/// assert!(script.contains("pages vpc DescribeVSwitches --RegionId $R --VpcId $VPC --PageSize 50"));
/// assert!(!script.contains("--pager"));
/// // Anything but an ID-like value is quoted, so a paste cannot run more than the calls.
/// assert!(easnet_core::cloud::describe_commands("x; rm -rf ~", "vpc-a").starts_with("R='x; rm -rf ~'"));
/// ```
pub fn describe_commands(region: &str, vpc: &str) -> String {
    format!(
        "R={} VPC={}; mkdir -p net\n{BODY}",
        shell_word(region),
        shell_word(vpc)
    )
}

/// The calls, shared with the README (a test keeps them equal). `pages` asks `PageNumber`
/// 1, 2, … until `PageNumber × PageSize ≥ TotalCount`; `tokens` passes each page's
/// `NextToken` to the next until it is empty (written `--NextToken=…`: a value starting with
/// `-` would be read as a flag). A failed call's output is kept, so the importer shows its
/// `Code` and `Message`.
pub const BODY: &str = r#"pg=$(mktemp)   # one page at a time
pages() { n=1; while aliyun "$@" --PageNumber $n > "$pg"; cat "$pg"
  [ "$(jq '.PageNumber * .PageSize < .TotalCount' "$pg")" = true ]; do n=$((n+1)); done; }
tokens() { t=; while aliyun "$@" ${t:+"--NextToken=$t"} > "$pg"; cat "$pg"
  t=$(jq -r '.NextToken // empty' "$pg"); [ -n "$t" ]; do :; done; }
pages vpc DescribeVpcs --RegionId $R --VpcId $VPC --PageSize 50 > net/vpcs.json
pages vpc DescribeVSwitches --RegionId $R --VpcId $VPC --PageSize 50 > net/vswitches.json
pages vpc DescribeRouteTableList --RegionId $R --VpcId $VPC --PageSize 50 > net/route-tables.json
for vtb in $(jq -r '.RouterTableList.RouterTableListType[].RouteTableId' net/route-tables.json); do
  tokens vpc DescribeRouteEntryList --RegionId $R --RouteTableId $vtb --MaxResult 100
done > net/routes.json
pages vpc DescribeNatGateways --RegionId $R --VpcId $VPC --PageSize 50 > net/nat-gateways.json
for stb in $(jq -r '.NatGateways.NatGateway[].SnatTableIds.SnatTableId[]' net/nat-gateways.json); do
  pages vpc DescribeSnatTableEntries --RegionId $R --SnatTableId $stb --PageSize 50
done > net/snat-entries.json
for ngw in $(jq -r '.NatGateways.NatGateway[] | select(.NetworkType != "intranet") | .NatGatewayId' net/nat-gateways.json); do
  pages vpc DescribeEipAddresses --RegionId $R --AssociatedInstanceType Nat --AssociatedInstanceId $ngw --PageSize 100
done > net/eips.json
tokens ecs DescribeSecurityGroups --RegionId $R --VpcId $VPC --MaxResults 100 > net/security-groups.json
for sg in $(jq -r '.SecurityGroups.SecurityGroup[].SecurityGroupId' net/security-groups.json); do
  tokens ecs DescribeSecurityGroupAttribute --RegionId $R --SecurityGroupId $sg --Direction egress --MaxResults 1000
done > net/security-group-rules.json
tokens vpcpeer ListVpcPeerConnections --RegionId $R --VpcId $VPC --MaxResults 100 > net/peerings.json
rm -f "$pg"
"#;

#[cfg(test)]
mod tests {
    #[test]
    fn the_readme_shows_the_same_calls() {
        let readme = include_str!("../../../../README.md");
        assert!(
            readme.contains(super::BODY),
            "README.md and cloud::commands::BODY differ"
        );
    }
}
