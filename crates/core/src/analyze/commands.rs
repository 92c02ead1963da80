//! The `aliyun` CLI commands that apply fixes, filled with the plan's IDs. Every value from
//! the plan goes through [`shell_word`], so a plan (or a share link) cannot smuggle shell syntax
//! into a line the user copies. Values the plan does not hold (an SNAT table ID, an EIP's
//! allocation ID) are bare `<Placeholders>`: run unedited, the shell refuses them.

use ipnet::IpNet;

use crate::export::shell_word as w;

pub fn create_vswitch(region: &str, vpc: &str, zone: Option<&str>, cidr: &IpNet) -> String {
    format!(
        "aliyun vpc CreateVSwitch --RegionId {} --VpcId {} --ZoneId {} --CidrBlock {cidr} --VSwitchName eas-{}",
        w(region),
        w(vpc),
        zone.map_or_else(|| "<ZoneId>".to_owned(), w),
        cidr.to_string().replace(['.', '/', ':'], "-")
    )
}

pub fn create_route(region: &str, table: &str, dest: &str, hop_type: &str, hop: &str) -> String {
    format!(
        "aliyun vpc CreateRouteEntry --RegionId {} --RouteTableId {} --DestinationCidrBlock {} --NextHopType {} --NextHopId {}",
        w(region),
        w(table),
        w(dest),
        w(hop_type),
        w(hop)
    )
}

pub fn delete_route(region: &str, table: &str, dest: &str, hop: &str) -> String {
    format!(
        "aliyun vpc DeleteRouteEntry --RegionId {} --RouteTableId {} --DestinationCidrBlock {} --NextHopId {}",
        w(region),
        w(table),
        w(dest),
        w(hop)
    )
}

pub fn create_nat(region: &str, vpc: &str, vswitch: &str) -> String {
    format!(
        "aliyun vpc CreateNatGateway --RegionId {} --VpcId {} --VSwitchId {} --NatType Enhanced --NetworkType internet",
        w(region),
        w(vpc),
        w(vswitch)
    )
}

fn snat_ips(eips: &[String]) -> String {
    if eips.is_empty() {
        "<EIP>".to_owned()
    } else {
        w(&eips.join(","))
    }
}

pub fn create_snat(region: &str, vswitch: &str, eips: &[String]) -> String {
    format!(
        "aliyun vpc CreateSnatEntry --RegionId {} --SnatTableId <SnatTableId> --SourceVSwitchId {} --SnatIp {}",
        w(region),
        w(vswitch),
        snat_ips(eips)
    )
}

pub fn modify_snat(region: &str, eips: &[String]) -> String {
    format!(
        "aliyun vpc ModifySnatEntry --RegionId {} --SnatTableId <SnatTableId> --SnatEntryId <SnatEntryId> --SnatIp {}",
        w(region),
        snat_ips(eips)
    )
}

pub fn associate_eip(region: &str, nat: &str) -> String {
    format!(
        "aliyun vpc AssociateEipAddress --RegionId {} --AllocationId <EipAllocationId> --InstanceId {} --InstanceType Nat",
        w(region),
        w(nat)
    )
}

/// An accept rule that wins over a drop rule of priority `beats` (or over an enterprise
/// group's default when `None`): one number smaller, since drop wins a tie.
pub fn authorize_egress(
    region: &str,
    sg: &str,
    protocol: &str,
    ports: &str,
    dest: &str,
    priority: i64,
) -> String {
    format!(
        "aliyun ecs AuthorizeSecurityGroupEgress --RegionId {} --SecurityGroupId {} --IpProtocol {} --PortRange {} --DestCidrIp {} --Policy accept --Priority {priority}",
        w(region),
        w(sg),
        w(protocol),
        w(ports),
        w(dest)
    )
}

pub fn create_peering(region: &str, vpc: &str, peer: &str) -> String {
    format!(
        "aliyun vpcpeer CreateVpcPeerConnection --RegionId {} --VpcId {} --AcceptingVpcId {} --AcceptingRegionId {}",
        w(region),
        w(vpc),
        w(peer),
        w(region)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_values_cannot_inject_shell() {
        let cmd = create_route(
            "cn-x; rm -rf ~",
            "vtb-$(id)",
            "0.0.0.0/0",
            "NatGateway",
            "ngw-`x`",
        );
        assert!(cmd.contains("--RegionId 'cn-x; rm -rf ~'"), "{cmd}");
        assert!(cmd.contains("--RouteTableId 'vtb-$(id)'"), "{cmd}");
        assert!(cmd.contains("--NextHopId 'ngw-`x`'"), "{cmd}");
        let cmd = create_snat("<RegionId>", "vsw-a", &[]);
        assert!(
            cmd.starts_with(
                "aliyun vpc CreateSnatEntry --RegionId <RegionId> --SnatTableId <SnatTableId>"
            ),
            "{cmd}"
        );
    }
}
