//! The `aliyun` CLI commands that apply fixes, filled with the plan's IDs, built with
//! [`Command`] so that every value from the plan is one quoted word: a plan (or a share link)
//! cannot smuggle shell syntax into a line the user copies. Values the plan does not hold (an
//! EIP's allocation ID, the accepting account of a peering, a region it does not name) are
//! bare `<Placeholders>`, written here and never taken from the plan: run unedited, the shell
//! refuses them.
//!
//! The parameters are the APIs' own (the API metadata the `aliyun` CLI is built from,
//! `aliyun/aliyun-openapi-meta`, vendored in `crates/core/tests/data/aliyun-api.json`):
//! `crates/core/tests/commands_api.rs` checks every command printed against it.

use ipnet::IpNet;

use super::index::MAX_SNAT_IPS;
use crate::plan::{NatGateway, SnatEntry};
use crate::text::command::{Command, Value};

pub fn create_vswitch(
    region: Option<&str>,
    vpc: &str,
    zone: Option<&str>,
    cidr: &IpNet,
) -> Command {
    let name = format!("eas-{}", cidr.to_string().replace(['.', '/', ':'], "-"));
    Command::aliyun("vpc", "CreateVSwitch")
        .arg("RegionId", Value::region(region))
        .arg("VpcId", Value::data(vpc))
        .arg("ZoneId", Value::data_or(zone, "ZoneId"))
        .arg("CidrBlock", Value::data(cidr.to_string()))
        .arg("VSwitchName", Value::data(name))
}

/// A route to `hop` (`hop_type` in the cloud's spelling). `hop` is a placeholder for a CEN
/// route: the transit router's VPC attachment, which the plan does not know.
pub fn create_route(
    region: Option<&str>,
    table: &str,
    dest: &str,
    hop_type: &'static str,
    hop: Value,
) -> Command {
    Command::aliyun("vpc", "CreateRouteEntry")
        .arg("RegionId", Value::region(region))
        .arg("RouteTableId", Value::data(table))
        .arg("DestinationCidrBlock", Value::data(dest))
        .arg("NextHopType", Value::shell(hop_type))
        .arg("NextHopId", hop)
}

/// Points an existing route at another next hop in one call. Not `DeleteRouteEntry` then
/// `CreateRouteEntry`: the delete is asynchronous and the VPC refuses changes to a route
/// table while one of its routes is being deleted (domain-facts §4). `RegionId` is required.
pub fn modify_route(
    region: Option<&str>,
    table: &str,
    dest: &str,
    hop_type: &'static str,
    hop: &str,
) -> Command {
    Command::aliyun("vpc", "ModifyRouteEntry")
        .arg("RegionId", Value::region(region))
        .arg("RouteTableId", Value::data(table))
        .arg("DestinationCidrBlock", Value::data(dest))
        .arg("NewNextHopType", Value::shell(hop_type))
        .arg("NewNextHopId", Value::data(hop))
}

pub fn create_nat(region: Option<&str>, vpc: &str, vswitch: &str) -> Command {
    Command::aliyun("vpc", "CreateNatGateway")
        .arg("RegionId", Value::region(region))
        .arg("VpcId", Value::data(vpc))
        .arg("VSwitchId", Value::data(vswitch))
        .arg("NatType", Value::shell("Enhanced"))
        .arg("NetworkType", Value::shell("internet"))
}

/// The SNAT table is the gateway's `snat_table_id` (`SnatTableIds` in DescribeNatGateways,
/// not the gateway's own ID: domain-facts §3); the IPs, the gateway's EIPs.
pub fn create_snat(region: Option<&str>, nat: &NatGateway, vswitch: &str) -> Command {
    Command::aliyun("vpc", "CreateSnatEntry")
        .arg("RegionId", Value::region(region))
        .arg("SnatTableId", snat_table(nat))
        .arg("SourceVSwitchId", Value::data(vswitch))
        .arg("SnatIp", Value::list(some_eips(nat), "EIP"))
}

/// Sets `entry`'s IPs to the gateway's EIPs; its `SnatEntryId` is the entry's `id`.
pub fn modify_snat(region: Option<&str>, nat: &NatGateway, entry: &SnatEntry) -> Command {
    Command::aliyun("vpc", "ModifySnatEntry")
        .arg("RegionId", Value::region(region))
        .arg("SnatTableId", snat_table(nat))
        .arg(
            "SnatEntryId",
            Value::data_or(entry.id.as_deref(), "SnatEntryId"),
        )
        .arg("SnatIp", Value::list(some_eips(nat), "EIP"))
}

/// The gateway's first EIPs, as many as an SNAT entry takes (a hostile plan's thousands of
/// EIPs must not make a command as long as the plan).
fn some_eips(nat: &NatGateway) -> &[String] {
    &nat.eips[..nat.eips.len().min(MAX_SNAT_IPS)]
}

fn snat_table(nat: &NatGateway) -> Value {
    Value::data_or(nat.snat_table_id.as_deref(), "SnatTableId")
}

pub fn associate_eip(region: Option<&str>, nat: &str) -> Command {
    Command::aliyun("vpc", "AssociateEipAddress")
        .arg("RegionId", Value::region(region))
        .arg("AllocationId", Value::placeholder("EipAllocationId"))
        .arg("InstanceId", Value::data(nat))
        .arg("InstanceType", Value::shell("Nat"))
}

/// An accept rule at `priority` (the caller picks one number smaller than the drop rule it
/// must beat, since drop wins a tie; 1 against an enterprise group's default). `-1/-1` (every
/// port) is written `--PortRange=-1/-1` by [`Command::arg`].
pub fn authorize_egress(
    region: Option<&str>,
    sg: &str,
    protocol: &str,
    ports: &str,
    dest: &str,
    priority: i64,
) -> Command {
    Command::aliyun("ecs", "AuthorizeSecurityGroupEgress")
        .arg("RegionId", Value::region(region))
        .arg("SecurityGroupId", Value::data(sg))
        .arg("IpProtocol", Value::data(protocol))
        .arg("PortRange", Value::data(ports))
        .arg("DestCidrIp", Value::data(dest))
        .arg("Policy", Value::shell("accept"))
        .arg("Priority", Value::data(priority.to_string()))
}

/// A peering from `vpc` to `peer`, both in the plan's one region. `AcceptingAliUid` is
/// required (domain-facts §6): the accepting VPC's account, which the plan does not know (the
/// user's own ID when both VPCs are theirs).
pub fn create_peering(region: Option<&str>, vpc: &str, peer: &str) -> Command {
    Command::aliyun("vpcpeer", "CreateVpcPeerConnection")
        .arg("RegionId", Value::region(region))
        .arg("VpcId", Value::data(vpc))
        .arg("AcceptingAliUid", Value::placeholder("AcceptingAliUid"))
        .arg("AcceptingVpcId", Value::data(peer))
        .arg("AcceptingRegionId", Value::region(region))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::NatKind;

    #[test]
    fn plan_values_cannot_inject_shell() {
        let cmd = create_route(
            Some("cn-x; rm -rf ~"),
            "vtb-$(id)",
            "0.0.0.0/0",
            "NatGateway",
            Value::data("ngw-`x`"),
        )
        .to_string();
        assert!(cmd.contains("--RegionId 'cn-x; rm -rf ~'"), "{cmd}");
        assert!(cmd.contains("--RouteTableId 'vtb-$(id)'"), "{cmd}");
        assert!(cmd.contains("--NextHopId 'ngw-`x`'"), "{cmd}");
        // A plan's value spelt like a placeholder is quoted: `<x>` would be a redirection.
        let cmd = create_vswitch(
            Some("<x>"),
            "<vpc>",
            Some("<z>"),
            &"10.0.0.0/24".parse().unwrap(),
        )
        .to_string();
        assert!(
            cmd.contains("--RegionId '<x>' --VpcId '<vpc>' --ZoneId '<z>'"),
            "{cmd}"
        );
    }

    #[test]
    fn snat_commands_use_the_ids_the_plan_knows() {
        let mut nat = NatGateway {
            id: "ngw-a".into(),
            kind: NatKind::Internet,
            vswitch: None,
            snat_table_id: None,
            eips: vec![],
            snat_entries: vec![],
        };
        let entry = SnatEntry {
            source: "vsw-a".into(),
            snat_ips: vec![],
            id: None,
        };
        assert_eq!(
            create_snat(None, &nat, "vsw-a").to_string(),
            "aliyun vpc CreateSnatEntry --RegionId <RegionId> --SnatTableId <SnatTableId> \
             --SourceVSwitchId vsw-a --SnatIp <EIP>"
        );
        nat.snat_table_id = Some("stb-a".into());
        nat.eips = vec!["47.0.0.1".into(), "47.0.0.2".into()];
        let entry = SnatEntry {
            id: Some("snat-a".into()),
            ..entry
        };
        assert_eq!(
            modify_snat(Some("cn-a"), &nat, &entry).to_string(),
            "aliyun vpc ModifySnatEntry --RegionId cn-a --SnatTableId stb-a \
             --SnatEntryId snat-a --SnatIp 47.0.0.1,47.0.0.2"
        );
    }

    #[test]
    fn every_port_takes_the_equals_form() {
        let cmd = authorize_egress(Some("r"), "sg-a", "icmp", "-1/-1", "10.0.0.0/8", 1);
        assert_eq!(
            cmd.to_string(),
            "aliyun ecs AuthorizeSecurityGroupEgress --RegionId r --SecurityGroupId sg-a \
             --IpProtocol icmp --PortRange=-1/-1 --DestCidrIp 10.0.0.0/8 --Policy accept --Priority 1"
        );
    }
}
