//! The `cloud.networking` object on its own, to paste into the console's JSON editor.

use super::ExportError;
use crate::args;
use crate::i18n::Catalogue;
use crate::plan::ids::IdKind;
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
///     ..Networking::default()
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

/// The networking `easnet networking` is asked to set, each ID checked: none may be empty,
/// and each must look like its kind (domain-facts §2); the vSwitch ID may list several
/// (`vsw-a,vsw-b`, the documented way to let EAS start instances in whichever zone has
/// stock), each checked. The IDs are kept as written; why one is refused is in `cat`'s words.
///
/// # Examples
/// ```
/// use easnet_core::export::checked_networking;
/// use easnet_core::i18n::Catalogue;
/// let en = Catalogue::english();
/// let net = checked_networking("vpc-a", "vsw-a, vsw-b", "sg-a", en).unwrap();
/// assert_eq!(net.vswitch_id.as_deref(), Some("vsw-a, vsw-b"));
/// assert_eq!(
///     checked_networking("vpc-a", "", "sg-a", en).unwrap_err().to_string(),
///     "invalid vSwitch ID \"\": it is empty; expected vsw- followed by letters, digits and - (several: separated by commas)"
/// );
/// assert!(checked_networking("vpc-a", "vsw-a,", "sg-a", en).is_err());
/// assert!(checked_networking("sg-a", "vsw-a", "sg-a", en).is_err());
/// ```
pub fn checked_networking(
    vpc_id: &str,
    vswitch_id: &str,
    security_group_id: &str,
    cat: &Catalogue,
) -> Result<Networking, ExportError> {
    let check = |kind: IdKind, id: &str, list: bool| {
        let items: Vec<&str> = if list {
            id.split(',').map(str::trim).collect()
        } else {
            vec![id]
        };
        let kind_name = match kind {
            IdKind::Vpc => cat.text("words.vpc", &[]),
            IdKind::VSwitch => cat.text("words.vswitch", &[]),
            _ => cat.text("words.security_group", &[]),
        };
        let why = if id.trim().is_empty() {
            Some(cat.text("export.networking.empty", &[]))
        } else {
            (items.iter().find(|i| !kind.looks_like(i))).map(|bad| {
                cat.text(
                    "export.networking.not_an_id",
                    args![id = bad, kind = kind_name],
                )
            })
        };
        match why {
            None => Ok(Some(id.to_owned())),
            Some(why) => Err(ExportError::Invalid {
                what: match kind {
                    IdKind::Vpc => "VPC ID",
                    IdKind::VSwitch => "vSwitch ID",
                    _ => "security group ID",
                },
                value: id.to_owned(),
                why: if list {
                    cat.text(
                        "export.networking.expected_list",
                        args![why = why, prefix = kind.prefix()],
                    )
                } else {
                    cat.text(
                        "export.networking.expected",
                        args![why = why, prefix = kind.prefix()],
                    )
                },
            }),
        }
    };
    Ok(Networking {
        vpc_id: check(IdKind::Vpc, vpc_id, false)?,
        vswitch_id: check(IdKind::VSwitch, vswitch_id, true)?,
        security_group_id: check(IdKind::SecurityGroup, security_group_id, false)?,
        ..Networking::default()
    })
}
