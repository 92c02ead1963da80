//! The plan file a report is about, so that reports can point at its lines.

use crate::plan::json_syntax::Place;
use crate::plan::locate::locate;

/// A plan's file: its name as the user gave it (`plan.json`, `<stdin>`) and its text.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

impl Source<'_> {
    /// Where a finding's `at` is in the file, if it names something there.
    pub fn place(&self, at: &str) -> Option<Place> {
        locate(self.text, at)
    }
}
