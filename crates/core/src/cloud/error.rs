//! Why a paste was refused. A refused paste imports nothing: the plan stays as it was.

use std::fmt;

use crate::i18n::{Catalogue, Said};

/// A paste that cannot be imported: what kind of problem, and one sentence saying what it is
/// and what to do (it names the response, `response 2 (DescribeVSwitches)`, when there are
/// several). The message is English; [`CloudError::message_in`] writes it in a catalogue's
/// language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CloudError {
    pub kind: CloudErrorKind,
    /// The message in English, as [`fmt::Display`] writes it.
    pub message: String,
    /// The message before it is said: its `cloud_error.*` key and values.
    said: Said,
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
    pub(crate) fn new(kind: CloudErrorKind, said: Said) -> Self {
        CloudError {
            kind,
            message: said.text(Catalogue::english()),
            said,
        }
    }

    /// The message in `cat`'s words (English: [`CloudError::message`]).
    ///
    /// # Examples
    /// ```
    /// use easnet_core::cloud::read_paste;
    /// use easnet_core::i18n::{Catalogue, Lang};
    /// let e = read_paste("  ").unwrap_err();
    /// assert_eq!(e.message_in(Catalogue::english()), e.message);
    /// let zh = Catalogue::embedded(Lang::Zh).unwrap();
    /// assert_eq!(e.message_in(zh), "粘贴的内容为空：请粘贴 `aliyun` describe 命令输出的 JSON");
    /// ```
    pub fn message_in(&self, cat: &Catalogue) -> String {
        self.said.text(cat)
    }
}

impl fmt::Display for CloudError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CloudError {}
