//! Why an export could not be made: small, lowercase messages that name what is wrong.

use std::fmt;

use crate::plan::service_json::SpliceError;

/// An export that cannot be made from what it was given.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExportError {
    /// The service JSON is not JSON; the message says where (`line 3, column 5`).
    NotJson(String),
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

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::NotJson(why) => SpliceError::NotJson(why.clone()).fmt(f),
            ExportError::NotAnObject(what) => SpliceError::NotAnObject(what).fmt(f),
            ExportError::CloudNotAnObject(what) => SpliceError::CloudNotAnObject(what).fmt(f),
            ExportError::UnknownService { name, known } if known.is_empty() => {
                write!(f, "no service named \"{name}\": the plan has no services")
            }
            ExportError::UnknownService { name, known } => write!(
                f,
                "no service named \"{name}\"; the plan has: {}",
                known.join(", ")
            ),
            ExportError::ServiceUnreadable { name, message } => {
                write!(f, "service \"{name}\" cannot be read: {message}")
            }
            ExportError::NoNetworking(name) => write!(
                f,
                "service \"{name}\" uses no VPC: set cloud.networking, or metadata.resource \
                 to a resource group with networking"
            ),
            ExportError::NoResourceGroup(name) => write!(
                f,
                "service \"{name}\" is not on a resource group of the plan (metadata.resource)"
            ),
            ExportError::MissingId(id) => write!(f, "the networking has no {id}"),
            ExportError::Invalid { what, value, why } => {
                write!(f, "invalid {what} \"{value}\": {why}")
            }
        }
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
