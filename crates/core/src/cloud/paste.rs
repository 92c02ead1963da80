//! A paste → the responses in it: one JSON value, several pasted together (concatenated, as
//! `aliyun a; aliyun b` prints them), a `--pager` merged list, a JSON list of responses, or an
//! easnet snapshot (`super::snapshot`: each response with the call and page it answers).
//! Each is recognised by its shape; an error response or an unknown shape refuses the paste.

use serde_json::Value;

use crate::i18n::{Catalogue, Said};

use super::read::{list, text};
use super::shape::{error_response, keys_of, Operation};
use super::snapshot::{self, read_failure};
use super::{CloudError, CloudErrorKind};

/// A paste larger than this is refused before it is parsed (32 MiB: a region with thousands
/// of objects prints a few MB).
pub const MAX_PASTE_BYTES: usize = 32 * 1024 * 1024;

/// One response of a paste, recognised.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// The call it answers.
    pub operation: Operation,
    /// How messages name it: `response 2`, or `the response` when the paste holds one; the
    /// CLI prefixes the file name ([`Response::from_source`]).
    pub label: String,
    /// The JSON as pasted.
    pub value: Value,
    /// For a page of an easnet snapshot, the call it answers (its arguments but the paging
    /// ones): the pages of one call are told apart from another call's by it.
    pub call: Option<String>,
    /// [`Response::label`] before it is said, for a refusal in another language.
    pub(crate) said: Said,
}

impl Response {
    /// The same response, its label prefixed with where it came from (`vpcs.json: response 2`),
    /// so a refusal names the file.
    ///
    /// # Examples
    /// ```
    /// use easnet_core::cloud::{merge, read_paste};
    /// use easnet_core::plan::Plan;
    /// let page = read_paste(r#"{"NextToken": "AAE", "SecurityGroups": {}}"#).unwrap();
    /// let page: Vec<_> = page.into_iter().map(|r| r.from_source("sg.json")).collect();
    /// assert_eq!(page[0].label, "sg.json: the response");
    /// assert!(merge(&page, &Plan::empty()).unwrap_err().message.starts_with("sg.json: the response"));
    /// ```
    pub fn from_source(mut self, source: &str) -> Self {
        self.label = format!("{source}: {}", self.label);
        self.said = Said::new("cloud_error.label.in_file")
            .with("file", source)
            .with_said("label", self.said);
        self
    }

    /// `response 2 (DescribeVSwitches)`.
    pub(crate) fn name(&self) -> Said {
        Said::new("cloud_error.name")
            .with_said("label", self.said.clone())
            .with("operation", self.operation)
    }
}

/// Splits a paste into its responses and recognises each, refusing the whole paste on the
/// first problem: not JSON, an error response, a shape it does not know, security-group rules
/// without their group's ID. Paging is checked later, over all responses together
/// ([`super::merge`]), so the pages of one call may come from several pastes or files.
///
/// # Examples
/// ```
/// use easnet_core::cloud::{read_paste, CloudErrorKind, Operation};
/// let two = r#"{"Vpcs": {"Vpc": []}} {"VSwitches": {"VSwitch": []}}"#;
/// let got = read_paste(two).unwrap();
/// assert_eq!(got[1].operation, Operation::DescribeVSwitches);
/// assert_eq!(got[1].label, "response 2");
///
/// let err = read_paste(r#"{"Code": "Forbidden.RAM", "Message": "denied", "RequestId": "r"}"#).unwrap_err();
/// assert_eq!(err.kind, CloudErrorKind::ErrorResponse);
/// assert_eq!(read_paste("{\"Instances\": {}}").unwrap_err().kind, CloudErrorKind::UnknownShape);
/// ```
pub fn read_paste(text: &str) -> Result<Vec<Response>, CloudError> {
    if text.len() > MAX_PASTE_BYTES {
        return Err(CloudError::new(
            CloudErrorKind::TooLarge,
            Said::new("cloud_error.too_large")
                .with("size", text.len().div_ceil(1024 * 1024))
                .with("max", MAX_PASTE_BYTES / (1024 * 1024)),
        ));
    }
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err(CloudError::new(
            CloudErrorKind::Empty,
            Said::new("cloud_error.empty"),
        ));
    }
    if trimmed.starts_with("ERROR:") {
        return Err(cli_error_text(trimmed));
    }
    let values = split(trimmed)?;
    let count = values.len();
    let label = |i: usize| {
        if count == 1 {
            Said::new("cloud_error.label.the")
        } else {
            Said::new("cloud_error.label.nth").with("n", i + 1)
        }
    };
    let mut out = Vec::with_capacity(count);
    for (i, value) in values.into_iter().enumerate() {
        if snapshot::is_snapshot(&value) {
            out.extend(snapshot::read(value)?);
            continue;
        }
        let said = label(i);
        if let Some((code, message)) = error_response(&value) {
            return Err(CloudError::new(
                CloudErrorKind::ErrorResponse,
                Said::new("cloud_error.error_response")
                    .with_said("label", said)
                    .with("code", code)
                    .with("message", message),
            ));
        }
        let Some(operation) = Operation::recognise(&value) else {
            return Err(unknown_shape(said, &value));
        };
        let response = Response {
            operation,
            label: said.text(Catalogue::english()),
            value,
            call: None,
            said,
        };
        check_usable(&response)?;
        out.push(response);
    }
    Ok(out)
}

/// Whether `text` starts like a describe paste (or an error of one): the page and
/// [`crate::import::import_paste`] use it to choose between a plan, a service and a network.
///
/// # Examples
/// ```
/// use easnet_core::cloud::is_describe_paste;
/// assert!(is_describe_paste(r#"{"RequestId": "r", "Vpcs": {"Vpc": []}}"#));
/// assert!(is_describe_paste(r#"{"Code": "Throttling", "Message": "slow down", "RequestId": "r"}"#));
/// assert!(is_describe_paste(r#"{"RequestId": "r", "Instances": {"Instance": []}}"#));
/// assert!(!is_describe_paste(r#"{"version": 1}"#));
/// assert!(!is_describe_paste("not json"));
/// ```
pub fn is_describe_paste(text: &str) -> bool {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with("ERROR:") {
        return true;
    }
    let mut stream = serde_json::Deserializer::from_str(trimmed).into_iter::<Value>();
    matches!(stream.next(), Some(Ok(first)) if is_describe_value(&first))
}

/// [`is_describe_paste`] for the first JSON value of a paste, already read.
pub fn is_describe_value(first: &Value) -> bool {
    let first = match first {
        Value::Array(items) => match items.first() {
            Some(v) => v,
            None => return false,
        },
        v => v,
    };
    // `RequestId` marks any Alibaba Cloud response: one of a call easnet does not read gets
    // the importer's message naming what it found.
    Operation::recognise(first).is_some()
        || snapshot::is_snapshot(first)
        || error_response(first).is_some()
        || first.get("RequestId").is_some()
}

/// Concatenated JSON values; a top-level list is read as a list of responses.
fn split(text: &str) -> Result<Vec<Value>, CloudError> {
    let mut values = Vec::new();
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    loop {
        let at = stream.byte_offset();
        let Some(next) = stream.next() else { break };
        match next {
            Ok(Value::Array(items)) if items.iter().all(Value::is_object) && !items.is_empty() => {
                values.extend(items)
            }
            Ok(v) => values.push(v),
            // The CLI's error text where a response should be: one of the commands failed.
            Err(_) if text[at..].trim_start().starts_with("ERROR:") => {
                return Err(cli_error_text(text[at..].trim_start()));
            }
            Err(e) => {
                let said = match values.len() {
                    0 => Said::new("cloud_error.not_json"),
                    n => Said::new("cloud_error.not_json_after").counted(n),
                };
                return Err(CloudError::new(
                    CloudErrorKind::NotJson,
                    said.with_said("error", crate::plan::json_syntax::serde_error(&e)),
                ));
            }
        }
    }
    Ok(values)
}

fn unknown_shape(label: Said, value: &Value) -> CloudError {
    let key = match value.as_object() {
        Some(o) if o.contains_key("version") && o.contains_key("vpcs") => {
            "cloud_error.unknown_shape_plan"
        }
        Some(o) if o.contains_key("metadata") || o.contains_key("containers") => {
            "cloud_error.unknown_shape_service"
        }
        _ => "cloud_error.unknown_shape",
    };
    let keys: Vec<&str> = Operation::ALL
        .iter()
        .filter(|op| **op != Operation::GetVpcPeerConnectionAttribute)
        .map(|op| op.list_keys().0)
        .collect();
    CloudError::new(
        CloudErrorKind::UnknownShape,
        Said::new(key)
            .with_said("label", label)
            .with_said("found", keys_of(value))
            .with("keys", keys.join(", ")),
    )
}

/// Rules printed by `--pager` lose the group's ID at the top: they cannot be tied to a group.
fn check_usable(r: &Response) -> Result<(), CloudError> {
    if r.operation == Operation::DescribeSecurityGroupAttribute
        && text(&r.value, "SecurityGroupId").is_none()
        && !list(&r.value, "Permissions", "Permission").is_empty()
    {
        return Err(CloudError::new(
            CloudErrorKind::Unusable,
            Said::new("cloud_error.unusable")
                .with_said("name", r.name())
                .with("command", super::commands::security_group_rules(None, None)),
        ));
    }
    Ok(())
}

/// The CLI's own error text (`ERROR: SDK.ServerError` then `ErrorCode: …`, `Message: …`).
fn cli_error_text(text: &str) -> CloudError {
    let what = read_failure("", text);
    CloudError::new(
        CloudErrorKind::ErrorResponse,
        Said::new("cloud_error.cli_error").with("what", what),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn several_pasted_together_and_lists_of_responses() {
        let text = "{\"Vpcs\":{\"Vpc\":[]}}\n\n{\"NatGateways\":{\"NatGateway\":[]}}[{\"EipAddresses\":{}}]";
        let got = read_paste(text).unwrap();
        let ops: Vec<_> = got.iter().map(|r| r.operation).collect();
        assert_eq!(
            ops,
            [
                Operation::DescribeVpcs,
                Operation::DescribeNatGateways,
                Operation::DescribeEipAddresses
            ]
        );
        assert_eq!(got[2].label, "response 3");
        assert_eq!(
            read_paste("{\"Vpcs\":{}}").unwrap()[0].label,
            "the response"
        );
    }

    #[test]
    fn refusals() {
        let cases = [
            ("", CloudErrorKind::Empty, "empty"),
            ("  \n", CloudErrorKind::Empty, "empty"),
            ("{\"Vpcs\": ", CloudErrorKind::NotJson, "not JSON"),
            ("{\"Vpcs\": {}} $ aliyun", CloudErrorKind::NotJson, "not JSON after 1 response"),
            ("[]", CloudErrorKind::UnknownShape, "found a list"),
            ("42", CloudErrorKind::UnknownShape, "found a number"),
            (
                "{\"version\": 1, \"vpcs\": []}",
                CloudErrorKind::UnknownShape,
                "it is an easnet plan",
            ),
            (
                "{\"Vpcs\": {}} {\"Code\": \"InvalidRegionId.NotFound\", \"Message\": \"The specified region does not exist.\", \"RequestId\": \"r\"}",
                CloudErrorKind::ErrorResponse,
                "response 2 is an error from the cloud, not a describe result: InvalidRegionId.NotFound: The specified region does not exist.",
            ),
            (
                "ERROR: SDK.ServerError\nErrorCode: Forbidden.RAM\nRecommend: https://x\nRequestId: r\nMessage: User not authorized to operate on the specified resource.",
                CloudErrorKind::ErrorResponse,
                "Forbidden.RAM: User not authorized",
            ),
            (
                "{\"Permissions\": {\"Permission\": [{\"Direction\": \"egress\"}]}}",
                CloudErrorKind::Unusable,
                "no SecurityGroupId",
            ),
        ];
        for (text, kind, want) in cases {
            let e = read_paste(text).unwrap_err();
            assert_eq!(e.kind, kind, "{text}: {e}");
            assert!(e.message.contains(want), "{text}: {e}");
        }
    }

    #[test]
    fn too_large_is_refused_before_parsing() {
        let huge = " ".repeat(MAX_PASTE_BYTES + 1);
        let e = read_paste(&huge).unwrap_err();
        assert_eq!(e.kind, CloudErrorKind::TooLarge);
        assert!(e.message.contains("at most 32 MB"), "{e}");
    }
}
