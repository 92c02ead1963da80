//! The plan file a report is about, so that reports can point at its lines.

use crate::analyze::Finding;
use crate::plan::json_syntax::Place;
use crate::plan::locate::{locate, locate_all};

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

    /// The place of each finding's `at` in the file, in order: all at once, in about the time
    /// of reading the file once ([`locate_all`]), where one [`Source::place`] each would read
    /// it once per finding.
    pub fn places(&self, findings: &[Finding]) -> Vec<Option<Place>> {
        let paths: Vec<&str> = (findings.iter())
            .map(|f| f.at.as_deref().unwrap_or(NOWHERE))
            .collect();
        let mut places = locate_all(self.text, &paths);
        for (place, f) in places.iter_mut().zip(findings) {
            if f.at.is_none() {
                *place = None;
            }
        }
        places
    }
}

/// A path no finding without an `at` is placed at (its place is dropped).
const NOWHERE: &str = "";
