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
/// # Examples
/// ```
/// let script = easnet_core::cloud::describe_commands("cn-shanghai", "vpc-uf6ml");
/// assert!(script.starts_with("R=cn-shanghai VPC=vpc-uf6ml; mkdir -p net\n"));
/// assert!(script.contains("aliyun vpc DescribeVSwitches --RegionId $R --VpcId $VPC"));
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

/// The calls, shared with the README (a test keeps them equal).
pub const BODY: &str = r#"aliyun vpc DescribeVpcs --RegionId $R --VpcId $VPC --pager > net/vpcs.json
aliyun vpc DescribeVSwitches --RegionId $R --VpcId $VPC --PageSize 50 --pager > net/vswitches.json
aliyun vpc DescribeRouteTableList --RegionId $R --VpcId $VPC --PageSize 50 --pager > net/route-tables.json
for t in $(jq -r '.RouterTableList.RouterTableListType[].RouteTableId' net/route-tables.json); do
  aliyun vpc DescribeRouteEntryList --RegionId $R --RouteTableId $t --MaxResult 100 --pager
done > net/routes.json
aliyun vpc DescribeNatGateways --RegionId $R --VpcId $VPC --PageSize 50 --pager > net/nat-gateways.json
for n in $(jq -r '.NatGateways.NatGateway[].NatGatewayId' net/nat-gateways.json); do
  aliyun vpc DescribeSnatTableEntries --RegionId $R --NatGatewayId $n --PageSize 50 --pager
done > net/snat-entries.json
aliyun vpc DescribeEipAddresses --RegionId $R --AssociatedInstanceType Nat --PageSize 100 --pager > net/eips.json
aliyun ecs DescribeSecurityGroups --RegionId $R --VpcId $VPC --MaxResults 100 --pager > net/security-groups.json
for g in $(jq -r '.SecurityGroups.SecurityGroup[].SecurityGroupId' net/security-groups.json); do
  aliyun ecs DescribeSecurityGroupAttribute --RegionId $R --SecurityGroupId $g --Direction all --MaxResults 1000
done > net/security-group-rules.json   # no --pager here: it would drop the group's ID
aliyun vpcpeer ListVpcPeerConnections --RegionId $R --MaxResults 100 --pager > net/peerings.json
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
