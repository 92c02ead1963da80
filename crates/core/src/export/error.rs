//! Why an export could not be made: small, lowercase messages that name what is wrong.

use std::fmt;

use crate::args;
use crate::i18n::{plan_error_text, Catalogue};
use crate::plan::service_json::SpliceError;
use crate::plan::PlanError;

/// An export that cannot be made from what it was given.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExportError {
    /// The service JSON is not JSON: why and where (`line 3, column 5`), said in any language
    /// ([`plan_error_text`]).
    NotJson(PlanError),
    /// The service JSON is JSON but not an object; says what it is (`a list`).
    NotAnObject(&'static str),
    /// `cloud` is there but is neither an object nor null; says what it is.
    CloudNotAnObject(&'static str),
    /// The plan has no service of that name; `known` lists the names it has.
    UnknownService { name: String, known: Vec<String> },
    /// The service's JSON cannot be read (a field of the wrong type, or nested too deep).
    ServiceUnreadable { name: String, message: String },
    /// The service uses no VPC: neither `cloud.networking` nor a resource group's.
    NoNetworking(String),
    /// The service names no resource group (`metadata.resource`), or one the plan lacks.
    NoResourceGroup(String),
    /// The networking lacks an ID the export needs (`vswitch_id`).
    MissingId(&'static str),
    /// A value given on the command line that is not what was asked for.
    Invalid {
        what: &'static str,
        value: String,
        why: String,
    },
}

impl ExportError {
    /// The error in `cat`'s words: one lowercase sentence. The values it names (IDs, names,
    /// what was given) are as they are, and so is the reader's own explanation of JSON that
    /// does not parse.
    ///
    /// # Examples
    /// ```
    /// use easnet_core::export::ExportError;
    /// use easnet_core::i18n::Catalogue;
    /// let e = ExportError::UnknownService { name: "b".into(), known: vec!["a".into()] };
    /// assert_eq!(e.text(Catalogue::english()), "no service named \"b\"; the plan has: a");
    /// assert_eq!(e.to_string(), e.text(Catalogue::english()));
    /// ```
    pub fn text(&self, cat: &Catalogue) -> String {
        match self {
            ExportError::NotJson(why) => cat.text(
                "export.error.not_json",
                args![why = plan_error_text(cat, why)],
            ),
            ExportError::NotAnObject(what) => cat.text(
                "export.error.not_an_object",
                args![what = json_kind(what, cat)],
            ),
            ExportError::CloudNotAnObject(what) => cat.text(
                "export.error.cloud_not_an_object",
                args![what = json_kind(what, cat)],
            ),
            ExportError::UnknownService { name, known } if known.is_empty() => {
                cat.text("export.error.unknown_service_none", args![name = name])
            }
            ExportError::UnknownService { name, known } => cat.text(
                "export.error.unknown_service",
                args![name = name, known = known.join(", ")],
            ),
            ExportError::ServiceUnreadable { name, message } => cat.text(
                "export.error.service_unreadable",
                args![name = name, message = message],
            ),
            ExportError::NoNetworking(name) => {
                cat.text("export.error.no_networking", args![name = name])
            }
            ExportError::NoResourceGroup(name) => {
                cat.text("export.error.no_resource_group", args![name = name])
            }
            ExportError::MissingId(id) => cat.text("export.error.missing_id", args![id = id]),
            ExportError::Invalid { what, value, why } => cat.text(
                "export.error.invalid",
                args![what = what_label(what, cat), value = value, why = why],
            ),
        }
    }
}

/// What a JSON value is, as the splice says it (`a list`), in `cat`'s words.
fn json_kind(what: &str, cat: &Catalogue) -> String {
    match what {
        "a list" => cat.text("export.json.list", &[]),
        "a string" => cat.text("export.json.string", &[]),
        "a boolean" => cat.text("export.json.boolean", &[]),
        "a number" => cat.text("export.json.number", &[]),
        "nothing" => cat.text("export.json.nothing", &[]),
        other => other.to_owned(),
    }
}

/// The name of an [`ExportError::Invalid`] input (`second CIDR`), in `cat`'s words.
fn what_label(what: &str, cat: &Catalogue) -> String {
    match what {
        "CIDR" => cat.text("export.input.cidr", &[]),
        "max surge" => cat.text("export.input.max_surge", &[]),
        "unit size" => cat.text("export.input.unit_size", &[]),
        "second CIDR" => cat.text("export.input.second_cidr", &[]),
        "VPC ID" => cat.text("export.input.vpc_id", &[]),
        "vSwitch ID" => cat.text("export.input.vswitch_id", &[]),
        "security group ID" => cat.text("export.input.security_group_id", &[]),
        other => other.to_owned(),
    }
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Catalogue::english()))
    }
}

impl std::error::Error for ExportError {}

/// The splice's errors keep their own variants, so callers of the exports see one error type.
impl From<SpliceError> for ExportError {
    fn from(e: SpliceError) -> ExportError {
        match e {
            SpliceError::NotJson(why) => ExportError::NotJson(why),
            SpliceError::NotAnObject(what) => ExportError::NotAnObject(what),
            SpliceError::CloudNotAnObject(what) => ExportError::CloudNotAnObject(what),
        }
    }
}
