//! The `cloud.networking` object on its own, to paste into the console's JSON editor.

use super::ExportError;
use crate::plan::Networking;

/// `cloud.networking` as pretty JSON (two-space indent): the IDs that are set, in the order
/// the console shows them. An ID that is `None` is left out rather than written as `null`,
/// because EAS reads a present key as "set".
///
/// # Examples
/// ```
/// use easnet_core::export::networking_json;
/// use easnet_core::plan::Networking;
///
/// let net = Networking {
///     vpc_id: Some("vpc-a".into()),
///     vswitch_id: Some("vsw-a".into()),
///     security_group_id: Some("sg-a".into()),
/// };
/// assert_eq!(
///     networking_json(&net),
///     "{\n  \"vpc_id\": \"vpc-a\",\n  \"vswitch_id\": \"vsw-a\",\n  \"security_group_id\": \"sg-a\"\n}"
/// );
/// // Nothing set: an empty object, never `null`s.
/// assert_eq!(networking_json(&Networking::default()), "{}");
/// ```
pub fn networking_json(net: &Networking) -> String {
    // Three optional strings always serialize.
    serde_json::to_string_pretty(net).unwrap_or_else(|_| "{}".to_owned())
}

/// The user's full service JSON with `cloud.networking` set, every other byte untouched: the
/// splice of [`crate::plan::service_json::set_networking`], its error as an [`ExportError`].
///
/// # Examples
/// ```
/// use easnet_core::export::{set_networking, ExportError};
/// use easnet_core::plan::Networking;
///
/// let net = Networking { vpc_id: Some("vpc-a".into()), ..Networking::default() };
/// assert_eq!(set_networking("{}", &net).unwrap(), r#"{"cloud": {"networking": {"vpc_id": "vpc-a"}}}"#);
/// assert_eq!(set_networking("[1]", &net), Err(ExportError::NotAnObject("a list")));
/// ```
pub fn set_networking(service_text: &str, net: &Networking) -> Result<String, ExportError> {
    Ok(crate::plan::service_json::set_networking(
        service_text,
        net,
    )?)
}
