//! The `aliyun` CLI commands that apply fixes, filled with the plan's IDs. Every value from
//! the plan goes through [`shell_word`], so a plan (or a share link) cannot smuggle shell syntax
//! into a line the user copies. Values the plan does not hold (an SNAT table ID, an EIP's
//! allocation ID, a region it does not name) are bare `<Placeholders>`, written here and
//! never taken from the plan: run unedited, the shell refuses them.

use ipnet::IpNet;

use crate::text::shell::{region_word, shell_word as w};

pub fn create_vswitch(region: Option<&str>, vpc: &str, zone: Option<&str>, cidr: &IpNet) -> String {
    format!(
        "aliyun vpc CreateVSwitch --RegionId {} --VpcId {} --ZoneId {} --CidrBlock {cidr} --VSwitchName eas-{}",
        region_word(region),
        w(vpc),
        zone.map_or_else(|| "<ZoneId>".to_owned(), w),
        cidr.to_string().replace(['.', '/', ':'], "-")
    )
}

pub fn create_route(
    region: Option<&str>,
    table: &str,
    dest: &str,
    hop_type: &str,
    hop: &str,
) -> String {
    format!(
        "aliyun vpc CreateRouteEntry --RegionId {} --RouteTableId {} --DestinationCidrBlock {} --NextHopType {} --NextHopId {}",
        region_word(region),
        w(table),
        w(dest),
        w(hop_type),
        w(hop)
    )
}

pub fn delete_route(region: Option<&str>, table: &str, dest: &str, hop: &str) -> String {
    format!(
        "aliyun vpc DeleteRouteEntry --RegionId {} --RouteTableId {} --DestinationCidrBlock {} --NextHopId {}",
        region_word(region),
        w(table),
        w(dest),
        w(hop)
    )
}

pub fn create_nat(region: Option<&str>, vpc: &str, vswitch: &str) -> String {
    format!(
        "aliyun vpc CreateNatGateway --RegionId {} --VpcId {} --VSwitchId {} --NatType Enhanced --NetworkType internet",
        region_word(region),
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

pub fn create_snat(region: Option<&str>, vswitch: &str, eips: &[String]) -> String {
    format!(
        "aliyun vpc CreateSnatEntry --RegionId {} --SnatTableId <SnatTableId> --SourceVSwitchId {} --SnatIp {}",
        region_word(region),
        w(vswitch),
        snat_ips(eips)
    )
}

pub fn modify_snat(region: Option<&str>, eips: &[String]) -> String {
    format!(
        "aliyun vpc ModifySnatEntry --RegionId {} --SnatTableId <SnatTableId> --SnatEntryId <SnatEntryId> --SnatIp {}",
        region_word(region),
        snat_ips(eips)
    )
}

pub fn associate_eip(region: Option<&str>, nat: &str) -> String {
    format!(
        "aliyun vpc AssociateEipAddress --RegionId {} --AllocationId <EipAllocationId> --InstanceId {} --InstanceType Nat",
        region_word(region),
        w(nat)
    )
}

/// An accept rule at `priority` (the caller picks one number smaller than the drop rule it
/// must beat, since drop wins a tie; 1 against an enterprise group's default).
pub fn authorize_egress(
    region: Option<&str>,
    sg: &str,
    protocol: &str,
    ports: &str,
    dest: &str,
    priority: i64,
) -> String {
    format!(
        "aliyun ecs AuthorizeSecurityGroupEgress --RegionId {} --SecurityGroupId {} --IpProtocol {} --PortRange {} --DestCidrIp {} --Policy accept --Priority {priority}",
        region_word(region),
        w(sg),
        w(protocol),
        w(ports),
        w(dest)
    )
}

pub fn create_peering(region: Option<&str>, vpc: &str, peer: &str) -> String {
    format!(
        "aliyun vpcpeer CreateVpcPeerConnection --RegionId {} --VpcId {} --AcceptingVpcId {} --AcceptingRegionId {}",
        region_word(region),
        w(vpc),
        w(peer),
        region_word(region)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_values_cannot_inject_shell() {
        let cmd = create_route(
            Some("cn-x; rm -rf ~"),
            "vtb-$(id)",
            "0.0.0.0/0",
            "NatGateway",
            "ngw-`x`",
        );
        assert!(cmd.contains("--RegionId 'cn-x; rm -rf ~'"), "{cmd}");
        assert!(cmd.contains("--RouteTableId 'vtb-$(id)'"), "{cmd}");
        assert!(cmd.contains("--NextHopId 'ngw-`x`'"), "{cmd}");
        let cmd = create_snat(None, "vsw-a", &[]);
        assert!(
            cmd.starts_with(
                "aliyun vpc CreateSnatEntry --RegionId <RegionId> --SnatTableId <SnatTableId>"
            ),
            "{cmd}"
        );
        // A plan's value spelt like a placeholder is quoted: `<x>` would be a redirection.
        let cmd = create_vswitch(
            Some("<x>"),
            "<vpc>",
            Some("<z>"),
            &"10.0.0.0/24".parse().unwrap(),
        );
        assert!(
            cmd.contains("--RegionId '<x>' --VpcId '<vpc>' --ZoneId '<z>'"),
            "{cmd}"
        );
    }
}
