//! Why a paste was refused. A refused paste imports nothing: the plan stays as it was.

use std::fmt;

/// A paste that cannot be imported: what kind of problem, and one sentence saying what it is
/// and what to do (it names the response, `response 2 (DescribeVSwitches)`, when there are
/// several).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CloudError {
    pub kind: CloudErrorKind,
    pub message: String,
}

/// The kinds of [`CloudError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum CloudErrorKind {
    /// Nothing but white space.
    Empty,
    /// Larger than [`super::MAX_PASTE_BYTES`].
    TooLarge,
    /// Not JSON, or JSON followed by something that is not.
    NotJson,
    /// An error response of the cloud (`Code`/`Message`), or the CLI's `ERROR:` text.
    ErrorResponse,
    /// JSON that is not the response of a describe call the importer reads.
    UnknownShape,
    /// One page of several: `NextToken` not empty, or `TotalCount` beyond the pages pasted.
    CutOff,
    /// A response that cannot be tied to the plan (security-group rules without the group's ID).
    Unusable,
    /// The merged plan would break a rule of the plan format (two system route tables in a
    /// VPC); the message says which objects clash.
    InvalidPlan,
}

impl CloudError {
    pub(crate) fn new(kind: CloudErrorKind, message: impl Into<String>) -> Self {
        CloudError {
            kind,
            message: message.into(),
        }
    }
}

impl fmt::Display for CloudError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CloudError {}
