//! Commands to run: `eascmd` for a service, `aliyun eas` for a resource group's VPC direct
//! connection. Every argument is shell-quoted where it needs to be, so a pasted line does what
//! it says even when a name holds a space or a quote.

use super::ExportError;
use crate::plan::Networking;
use crate::text::shell::{region_word, shell_word, REGION_PLACEHOLDER};

/// The two `eascmd` lines for a service JSON file: `create` for a new service, and
/// `modify NAME -s FILE` to update an existing one (the EAS client's own forms).
///
/// # Examples
/// ```
/// use easnet_core::export::eascmd_lines;
///
/// assert_eq!(
///     eascmd_lines("llm_chat", "service.json"),
///     ["eascmd create service.json", "eascmd modify llm_chat -s service.json"]
/// );
/// // A file name with a space is quoted, so the shell passes it as one argument.
/// assert_eq!(eascmd_lines("a", "my service.json")[0], "eascmd create 'my service.json'");
/// ```
pub fn eascmd_lines(service_name: &str, file_name: &str) -> Vec<String> {
    let file = shell_word(file_name);
    vec![
        format!("eascmd create {file}"),
        format!("eascmd modify {} -s {file}", shell_word(service_name)),
    ]
}

/// The `aliyun` call that sets a dedicated resource group's VPC direct connection:
/// `UpdateResourceDLink`, a ROA operation (`PUT /api/v2/resources/{ClusterId}/{ResourceId}/dlink`,
/// ClusterId being the region), called in the CLI's ROA form `aliyun eas PUT <path> --body`,
/// with the two body fields it requires, `VSwitchId` (where the ENI is created) and
/// `SecurityGroupId`. Without a region, `<RegionId>` stands in its place.
///
/// # Examples
/// ```
/// use easnet_core::export::dlink_command;
/// use easnet_core::plan::Networking;
///
/// let net = Networking {
///     vpc_id: Some("vpc-a".into()),
///     vswitch_id: Some("vsw-a".into()),
///     security_group_id: Some("sg-a".into()),
/// };
/// assert_eq!(
///     dlink_command(Some("cn-hangzhou"), "eas-r-gpu", &net).unwrap(),
///     "aliyun eas PUT /api/v2/resources/cn-hangzhou/eas-r-gpu/dlink --region cn-hangzhou \
///      --header \"Content-Type=application/json\" \
///      --body '{\"VSwitchId\":\"vsw-a\",\"SecurityGroupId\":\"sg-a\"}'"
/// );
///
/// // Both IDs are required by the API.
/// let no_sg = Networking { security_group_id: None, ..net };
/// assert_eq!(
///     dlink_command(Some("cn-hangzhou"), "eas-r-gpu", &no_sg).unwrap_err().to_string(),
///     "the networking has no security_group_id"
/// );
/// ```
pub fn dlink_command(
    region: Option<&str>,
    resource_group_id: &str,
    net: &Networking,
) -> Result<String, ExportError> {
    let [_, vswitch, group] = net.ids();
    let vswitch = vswitch.ok_or(ExportError::MissingId("vswitch_id"))?;
    let group = group.ok_or(ExportError::MissingId("security_group_id"))?;
    let body = serde_json::json!({"VSwitchId": vswitch, "SecurityGroupId": group});
    let path = format!(
        "/api/v2/resources/{}/{resource_group_id}/dlink",
        region.unwrap_or(REGION_PLACEHOLDER)
    );
    Ok(format!(
        "aliyun eas PUT {} --region {} --header \"Content-Type=application/json\" --body {}",
        shell_word(&path),
        region_word(region),
        shell_word(&body.to_string()),
    ))
}
