//! Editing the user's service JSON as text: `cloud.networking` spliced in, every other byte
//! kept. `scan` walks the text by byte offsets, `layout` reads the file's own spacing so new
//! members look like their neighbours, `splice` replaces exactly one span.

mod layout;
pub(crate) mod scan;
mod splice;

use std::fmt;

pub use splice::set_networking;

use super::PlanError;

/// Why the service JSON cannot be edited in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpliceError {
    /// Not JSON; the error says why and where (`line 3, column 5`), in any language.
    NotJson(PlanError),
    /// JSON but not an object; says what it is (`a list`).
    NotAnObject(&'static str),
    /// `cloud` is there but is neither an object nor null; says what it is.
    CloudNotAnObject(&'static str),
}

impl fmt::Display for SpliceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpliceError::NotJson(why) => write!(f, "the service JSON is not valid JSON: {why}"),
            SpliceError::NotAnObject(what) => {
                write!(f, "the service JSON must be an object, got {what}")
            }
            SpliceError::CloudNotAnObject(what) => {
                write!(
                    f,
                    "the service JSON's \"cloud\" must be an object, got {what}"
                )
            }
        }
    }
}

impl std::error::Error for SpliceError {}
