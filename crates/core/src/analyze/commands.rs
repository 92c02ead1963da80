//! The `aliyun` CLI commands that apply fixes, filled with the plan's IDs. Values the plan does
//! not hold (an SNAT table ID, an EIP's allocation ID) are `<placeholders>`.

use ipnet::IpNet;

pub fn create_vswitch(region: &str, vpc: &str, zone: Option<&str>, cidr: &IpNet) -> String {
    format!(
        "aliyun vpc CreateVSwitch --RegionId {region} --VpcId {vpc} --ZoneId {} --CidrBlock {cidr} --VSwitchName eas-{}",
        zone.unwrap_or("<ZoneId>"),
        cidr.to_string().replace(['.', '/', ':'], "-")
    )
}

pub fn create_route(region: &str, table: &str, dest: &str, hop_type: &str, hop: &str) -> String {
    format!("aliyun vpc CreateRouteEntry --RegionId {region} --RouteTableId {table} --DestinationCidrBlock {dest} --NextHopType {hop_type} --NextHopId {hop}")
}

pub fn create_nat(region: &str, vpc: &str, vswitch: &str) -> String {
    format!("aliyun vpc CreateNatGateway --RegionId {region} --VpcId {vpc} --VSwitchId {vswitch} --NatType Enhanced --NetworkType internet")
}

pub fn create_snat(region: &str, nat: &str, vswitch: &str, eips: &[String]) -> String {
    let ip = if eips.is_empty() {
        "<EIP>".to_owned()
    } else {
        eips.join(",")
    };
    format!("aliyun vpc CreateSnatEntry --RegionId {region} --SnatTableId <SnatTableId of {nat}> --SourceVSwitchId {vswitch} --SnatIp {ip}")
}

pub fn modify_snat(region: &str, nat: &str, eips: &[String]) -> String {
    let ip = if eips.is_empty() {
        "<EIP>".to_owned()
    } else {
        eips.join(",")
    };
    format!("aliyun vpc ModifySnatEntry --RegionId {region} --SnatTableId <SnatTableId of {nat}> --SnatEntryId <SnatEntryId> --SnatIp {ip}")
}

pub fn associate_eip(region: &str, nat: &str) -> String {
    format!("aliyun vpc AssociateEipAddress --RegionId {region} --AllocationId <eip-id> --InstanceId {nat} --InstanceType Nat")
}

pub fn authorize_egress(region: &str, sg: &str, protocol: &str, ports: &str, dest: &str) -> String {
    format!("aliyun ecs AuthorizeSecurityGroupEgress --RegionId {region} --SecurityGroupId {sg} --IpProtocol {protocol} --PortRange {ports} --DestCidrIp {dest} --Policy accept --Priority 1")
}

pub fn create_peering(region: &str, vpc: &str, peer: &str) -> String {
    format!("aliyun vpcpeer CreateVpcPeerConnection --RegionId {region} --VpcId {vpc} --AcceptingVpcId {peer} --AcceptingRegionId {region}")
}
