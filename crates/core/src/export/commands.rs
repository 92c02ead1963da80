//! Commands to run: `eascmd` for a service, `aliyun eas` for a resource group's VPC direct
//! connection. Built with [`Command`]: every value is one quoted word, so a pasted line does
//! what it says even when a name holds a space or a quote.

use super::ExportError;
use crate::plan::Networking;
use crate::text::command::{Command, Value};

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
    let file = || Value::data(file_name);
    vec![
        (Command::new("eascmd").word(Value::shell("create")))
            .word(file())
            .to_string(),
        (Command::new("eascmd").word(Value::shell("modify")))
            .word(Value::data(service_name))
            .word(Value::shell("-s"))
            .word(file())
            .to_string(),
    ]
}

/// The `aliyun` call that sets a dedicated resource group's VPC direct connection:
/// `UpdateResourceDLink`, a ROA operation (`PUT /api/v2/resources/{ClusterId}/{ResourceId}/dlink`,
/// ClusterId being the region), called in the CLI's ROA form `aliyun eas PUT <path> --body`,
/// with the two body fields it requires, `VSwitchId` (where the ENI is created) and
/// `SecurityGroupId`. Without a region, `<RegionId>` stands in its place, bare in the path too,
/// so that the shell refuses the line until it is filled in.
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
///     ..Networking::default()
/// };
/// assert_eq!(
///     dlink_command(Some("cn-hangzhou"), "eas-r-gpu", &net).unwrap(),
///     "aliyun eas PUT /api/v2/resources/cn-hangzhou/eas-r-gpu/dlink --region cn-hangzhou \
///      --header \"Content-Type=application/json\" \
///      --body '{\"VSwitchId\":\"vsw-a\",\"SecurityGroupId\":\"sg-a\"}'"
/// );
///
/// // A path segment cannot reach another path; the shell sees one word.
/// assert!(dlink_command(Some("cn-hangzhou"), "../x y", &net).unwrap()
///     .starts_with("aliyun eas PUT /api/v2/resources/cn-hangzhou/..%2Fx%20y/dlink --region"));
///
/// // A dot-segment is a name, not a step up.
/// assert!(dlink_command(Some("cn-hangzhou"), "..", &net).unwrap()
///     .starts_with("aliyun eas PUT /api/v2/resources/cn-hangzhou/%2E%2E/dlink"));
///
/// // Several vSwitches: the first, and the list.
/// let two = Networking { vswitch_id: Some("vsw-a, vsw-b".into()), ..net.clone() };
/// assert!(dlink_command(None, "eas-r-gpu", &two).unwrap()
///     .contains(r#""VSwitchId":"vsw-a","SecurityGroupId":"sg-a","VSwitchIdList":["vsw-a","vsw-b"]"#));
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
    let [_, _, group] = net.ids();
    let vswitches = net.vswitch_ids();
    let vswitch = *vswitches
        .first()
        .ok_or(ExportError::MissingId("vswitch_id"))?;
    let group = group.ok_or(ExportError::MissingId("security_group_id"))?;
    // Several vSwitches (plan-format.md): the first is `VSwitchId`, and all of them are
    // `VSwitchIdList`, the body field UpdateResourceDLink has for them (aliyun-api.json).
    let body = match vswitches.len() {
        1 => serde_json::json!({"VSwitchId": vswitch, "SecurityGroupId": group}),
        _ => {
            serde_json::json!({"VSwitchId": vswitch, "SecurityGroupId": group, "VSwitchIdList": vswitches})
        }
    };
    let path = Value::shell("/api/v2/resources/")
        .then(segment(region, "RegionId"))
        .then(Value::shell("/"))
        .then(segment(Some(resource_group_id), "ResourceId"))
        .then(Value::shell("/dlink"));
    Ok(Command::new("aliyun")
        .word(Value::shell("eas"))
        .word(Value::shell("PUT"))
        .word(path)
        .arg("region", Value::region(region))
        .arg("header", Value::shell("\"Content-Type=application/json\""))
        .arg("body", Value::data(body.to_string()))
        .to_string())
}

/// One segment of an ROA path: the plan's value percent-encoded (RFC 3986: all but the
/// unreserved characters), so that a `/` or `?` in it cannot make the call another API's;
/// the placeholder when the plan has none.
fn segment(value: Option<&str>, placeholder: &'static str) -> Value {
    match value.filter(|v| !v.is_empty()) {
        Some(v) => {
            // `.` and `..` alone are dot-segments, which a client may resolve away (RFC 3986
            // 5.2.4): encoded, they are a name like any other.
            let dots = v.bytes().all(|b| b == b'.');
            let mut out = String::new();
            for b in v.bytes() {
                if !dots && (b.is_ascii_alphanumeric() || b"-._~".contains(&b)) {
                    out.push(char::from(b));
                } else {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            Value::data(out)
        }
        None => Value::placeholder(placeholder),
    }
}
