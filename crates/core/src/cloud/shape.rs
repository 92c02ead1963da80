//! Which describe call a JSON value answers, recognised by its shape: the top-level key of its
//! list (`cloud-describe-facts.md` §0.7). `RequestId` and the paging fields are never required,
//! so a `--pager` merged list (`{"Vpcs": {"Vpc": [..]}}`) is recognised like a whole page.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::i18n::Said;

use super::read::{field, text};

/// A describe call whose response the importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Operation {
    DescribeVpcs,
    DescribeVSwitches,
    DescribeRouteTableList,
    DescribeRouteEntryList,
    /// The older call that returns tables with their routes.
    DescribeRouteTables,
    DescribeNatGateways,
    DescribeSnatTableEntries,
    DescribeEipAddresses,
    DescribeSecurityGroups,
    DescribeSecurityGroupAttribute,
    ListVpcPeerConnections,
    /// One peering connection, its fields at the top level.
    GetVpcPeerConnectionAttribute,
}

impl Operation {
    /// Every operation, in the order the facts file lists them.
    pub const ALL: [Operation; 12] = [
        Operation::DescribeVpcs,
        Operation::DescribeVSwitches,
        Operation::DescribeRouteTableList,
        Operation::DescribeRouteEntryList,
        Operation::DescribeRouteTables,
        Operation::DescribeNatGateways,
        Operation::DescribeSnatTableEntries,
        Operation::DescribeEipAddresses,
        Operation::DescribeSecurityGroups,
        Operation::DescribeSecurityGroupAttribute,
        Operation::ListVpcPeerConnections,
        Operation::GetVpcPeerConnectionAttribute,
    ];

    /// The API's name (`DescribeVpcs`).
    ///
    /// # Examples
    /// ```
    /// use easnet_core::cloud::Operation;
    /// assert_eq!(Operation::DescribeRouteEntryList.name(), "DescribeRouteEntryList");
    /// assert_eq!(Operation::DescribeSecurityGroups.product(), "ecs");
    /// assert_ne!(Operation::ListVpcPeerConnections.product(), "vpc");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Operation::DescribeVpcs => "DescribeVpcs",
            Operation::DescribeVSwitches => "DescribeVSwitches",
            Operation::DescribeRouteTableList => "DescribeRouteTableList",
            Operation::DescribeRouteEntryList => "DescribeRouteEntryList",
            Operation::DescribeRouteTables => "DescribeRouteTables",
            Operation::DescribeNatGateways => "DescribeNatGateways",
            Operation::DescribeSnatTableEntries => "DescribeSnatTableEntries",
            Operation::DescribeEipAddresses => "DescribeEipAddresses",
            Operation::DescribeSecurityGroups => "DescribeSecurityGroups",
            Operation::DescribeSecurityGroupAttribute => "DescribeSecurityGroupAttribute",
            Operation::ListVpcPeerConnections => "ListVpcPeerConnections",
            Operation::GetVpcPeerConnectionAttribute => "GetVpcPeerConnectionAttribute",
        }
    }

    /// The `aliyun` product of the call (`vpc`, `ecs`, `vpcpeer`).
    pub fn product(self) -> &'static str {
        match self {
            Operation::DescribeSecurityGroups | Operation::DescribeSecurityGroupAttribute => "ecs",
            Operation::ListVpcPeerConnections | Operation::GetVpcPeerConnectionAttribute => {
                "vpcpeer"
            }
            _ => "vpc",
        }
    }

    /// The top-level key that identifies the response, and the inner key of its list (empty
    /// for a flat list or a single object).
    pub fn list_keys(self) -> (&'static str, &'static str) {
        match self {
            Operation::DescribeVpcs => ("Vpcs", "Vpc"),
            Operation::DescribeVSwitches => ("VSwitches", "VSwitch"),
            Operation::DescribeRouteTableList => ("RouterTableList", "RouterTableListType"),
            Operation::DescribeRouteEntryList => ("RouteEntrys", "RouteEntry"),
            Operation::DescribeRouteTables => ("RouteTables", "RouteTable"),
            Operation::DescribeNatGateways => ("NatGateways", "NatGateway"),
            Operation::DescribeSnatTableEntries => ("SnatTableEntries", "SnatTableEntry"),
            Operation::DescribeEipAddresses => ("EipAddresses", "EipAddress"),
            Operation::DescribeSecurityGroups => ("SecurityGroups", "SecurityGroup"),
            Operation::DescribeSecurityGroupAttribute => ("Permissions", "Permission"),
            Operation::ListVpcPeerConnections => ("VpcPeerConnects", ""),
            Operation::GetVpcPeerConnectionAttribute => ("AcceptingVpc", ""),
        }
    }

    /// Which operation `value` is the response of, by its shape; `None` for anything else
    /// (an error response included, see [`error_response`]).
    ///
    /// # Examples
    /// ```
    /// use easnet_core::cloud::Operation;
    /// let v = serde_json::json!({"VSwitches": {"VSwitch": []}});
    /// assert_eq!(Operation::recognise(&v), Some(Operation::DescribeVSwitches));
    /// assert_eq!(Operation::recognise(&serde_json::json!({"Instances": {}})), None);
    /// ```
    pub fn recognise(value: &Value) -> Option<Operation> {
        let obj = value.as_object()?;
        // Exact keys: the shapes are told apart by spelling (`RouteEntrys` at the top is the
        // entry list; inside `RouteTables` it belongs to the older call).
        let found = Operation::ALL
            .into_iter()
            .find(|op| obj.contains_key(op.list_keys().0));
        match found {
            Some(Operation::GetVpcPeerConnectionAttribute) => {
                // Needs its ID too: `AcceptingVpc` alone is not enough to call it a peering.
                text(value, "InstanceId").map(|_| Operation::GetVpcPeerConnectionAttribute)
            }
            other => other,
        }
    }
}

impl std::fmt::Display for Operation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The `Code` and `Message` of an error response (`{"Code": "Forbidden.RAM", "Message": ..,
/// "RequestId": ..}`), when `value` is one.
///
/// # Examples
/// ```
/// use easnet_core::cloud::error_response;
/// let e = serde_json::json!({"RequestId": "r", "Code": "Throttling.User", "Message": "slow down"});
/// assert_eq!(error_response(&e), Some(("Throttling.User".into(), "slow down".into())));
/// assert_eq!(error_response(&serde_json::json!({"Vpcs": {}, "Code": "200", "Message": "ok"})), None);
/// ```
pub fn error_response(value: &Value) -> Option<(String, String)> {
    if Operation::recognise(value).is_some() {
        return None;
    }
    let code = text(value, "Code").or_else(|| text(value, "ErrorCode"))?;
    let message = text(value, "Message")
        .or_else(|| text(value, "ErrorMessage"))
        .unwrap_or_else(|| "no message".to_owned());
    // A `Code` without a `Message` and without a request ID is not clearly an error.
    let looks_like_error = field(value, "Message").is_some()
        || field(value, "ErrorMessage").is_some()
        || field(value, "RequestId").is_some();
    looks_like_error.then_some((code, message))
}

/// The top-level keys of an unrecognised value, for the message that says what was found.
pub(crate) fn keys_of(value: &Value) -> Said {
    let key = match value {
        Value::Object(map) if map.is_empty() => "cloud_error.found.empty_object",
        Value::Object(map) => {
            let keys: Vec<&str> = map.keys().take(6).map(String::as_str).collect();
            let more = if map.len() > 6 { ", …" } else { "" };
            return Said::new("cloud_error.found.keys")
                .with("keys", format!("{}{more}", keys.join(", ")));
        }
        Value::Array(_) => "cloud_error.found.list",
        Value::String(_) => "cloud_error.found.string",
        Value::Number(_) => "cloud_error.found.number",
        Value::Bool(_) => "cloud_error.found.bool",
        Value::Null => "cloud_error.found.null",
    };
    Said::new(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_operation_by_its_key() {
        let cases = [
            (
                json!({"RequestId": "x", "Vpcs": {"Vpc": []}}),
                Operation::DescribeVpcs,
            ),
            (json!({"VSwitches": {}}), Operation::DescribeVSwitches),
            (
                json!({"RouterTableList": {}}),
                Operation::DescribeRouteTableList,
            ),
            (
                json!({"NextToken": "", "RouteEntrys": {}}),
                Operation::DescribeRouteEntryList,
            ),
            (json!({"RouteTables": {}}), Operation::DescribeRouteTables),
            (json!({"NatGateways": {}}), Operation::DescribeNatGateways),
            (
                json!({"SnatTableEntries": {}}),
                Operation::DescribeSnatTableEntries,
            ),
            (json!({"EipAddresses": {}}), Operation::DescribeEipAddresses),
            (
                json!({"SecurityGroups": {}}),
                Operation::DescribeSecurityGroups,
            ),
            (
                json!({"SecurityGroupId": "sg-1", "Permissions": {}}),
                Operation::DescribeSecurityGroupAttribute,
            ),
            (
                json!({"VpcPeerConnects": []}),
                Operation::ListVpcPeerConnections,
            ),
            (
                json!({"InstanceId": "pcc-1", "Vpc": {}, "AcceptingVpc": {}}),
                Operation::GetVpcPeerConnectionAttribute,
            ),
        ];
        for (v, op) in cases {
            assert_eq!(Operation::recognise(&v), Some(op), "{v}");
        }
        assert_eq!(Operation::recognise(&json!({"AcceptingVpc": {}})), None);
        assert_eq!(Operation::recognise(&json!([])), None);
    }

    #[test]
    fn error_responses() {
        let e = json!({"RequestId": "r", "HostId": "vpc.aliyuncs.com", "Code": "Forbidden.RAM", "Message": "User not authorized", "Recommend": "https://..."});
        assert_eq!(
            error_response(&e),
            Some(("Forbidden.RAM".to_owned(), "User not authorized".to_owned()))
        );
        assert_eq!(error_response(&json!({"Code": "x"})), None);
        assert_eq!(
            error_response(&json!({"Code": "x", "Vpcs": {}, "Message": "m"})),
            None
        );
    }
}
