//! The error of a plan that cannot be read (PLAN001): a JSON path and what was expected.

use std::fmt;

use crate::i18n::{Catalogue, Said};

/// A plan that cannot be read: the JSON path of the offending value (`vpcs[0].vswitches[2].cidr`,
/// empty for the document itself) and what was expected there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanError {
    pub path: String,
    pub message: String,
    /// The message before it is said, when it is one of the catalogue's sentences (text that
    /// is not JSON, explained): [`crate::i18n::plan_error_text`] writes it in any language.
    pub(crate) said: Option<Said>,
}

impl PlanError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        PlanError {
            path: path.into(),
            message: message.into(),
            said: None,
        }
    }

    /// An error whose message is a sentence of the catalogue, its English the message.
    pub(crate) fn said(path: impl Into<String>, said: Said) -> Self {
        PlanError {
            path: path.into(),
            message: said.text(Catalogue::english()),
            said: Some(said),
        }
    }
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for PlanError {}
