//! What the import has to say, before it is said: a catalogue key and its values. The mappers
//! and the merge log these; the summary writes them in the language it is written in, so that
//! reading and merging a paste never depend on a language.

pub(crate) use crate::i18n::Said;

use super::Kind;

/// Something the plan cannot hold or the import could not place: a skipped line to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Skip {
    pub kind: Kind,
    pub id: String,
    pub why: Said,
}
