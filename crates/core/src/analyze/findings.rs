//! Collecting findings, and their final order (rules.md, "Ordering").

use rustc_hash::FxHashSet as HashSet;

use super::{Code, Finding};
use crate::i18n::Catalogue;

/// The `at` of a finding whose fix adds to a list (`vpcs[0].nat_gateways[0].snat_entries`): the
/// list's path when it has entries, else its parent object's, since an empty list may be absent
/// from the file and `at` must be a path the plan has.
pub fn list_at(parent: &str, key: &str, non_empty: bool) -> String {
    if non_empty {
        format!("{parent}.{key}")
    } else {
        parent.to_owned()
    }
}

/// A finding being built: `Findings::add(..).fix(..).command(..)`.
pub struct Draft<'a> {
    finding: &'a mut Finding,
}

impl Draft<'_> {
    pub fn fix(self, fix: impl Into<String>) -> Self {
        self.finding.fix = fix.into();
        self
    }

    pub fn command(self, command: impl Into<String>) -> Self {
        self.finding.command = Some(command.into());
        self
    }

    pub fn at(self, at: impl Into<String>) -> Self {
        self.finding.at = Some(at.into());
        self
    }
}

/// The findings of one analysis, in the order they were found until [`Findings::finish`],
/// written in the language of its catalogue.
pub struct Findings {
    list: Vec<Finding>,
    cat: &'static Catalogue,
}

impl Default for Findings {
    fn default() -> Self {
        Findings::new(Catalogue::english())
    }
}

impl Findings {
    pub fn new(cat: &'static Catalogue) -> Self {
        Findings {
            list: Vec::new(),
            cat,
        }
    }

    /// The catalogue messages and fixes are written from.
    pub fn cat(&self) -> &'static Catalogue {
        self.cat
    }

    pub fn add(
        &mut self,
        code: Code,
        subject: impl Into<String>,
        message: impl Into<String>,
    ) -> Draft<'_> {
        self.list.push(Finding {
            code,
            severity: code.severity(),
            subject: subject.into(),
            message: message.into(),
            fix: String::new(),
            command: None,
            at: None,
        });
        let finding = self.list.last_mut().expect("just pushed");
        Draft { finding }
    }

    /// How many findings have been added so far (for [`Findings::name_source`]).
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Makes each finding added since `since` name `vswitch`, the vSwitch its flow starts
    /// from, unless its message already does: a service with several vSwitches is one subject,
    /// so the findings of two vSwitches must differ by their message (rules.md).
    pub fn name_source(&mut self, since: usize, vswitch: &str) {
        let cat = self.cat;
        for f in self.list.iter_mut().skip(since) {
            if !names(&f.message, vswitch) {
                f.message = cat.text(
                    "words.from_vswitch",
                    crate::args![message = f.message, vswitch = vswitch],
                );
            }
        }
    }

    /// Sorted by severity, code, subject (stable otherwise); identical findings (code,
    /// subject, message) once.
    pub fn finish(self) -> Vec<Finding> {
        let mut seen: HashSet<(Code, &str, &str)> =
            HashSet::with_capacity_and_hasher(self.list.len(), Default::default());
        let first: Vec<bool> = (self.list.iter())
            .map(|f| seen.insert((f.code, &f.subject, &f.message)))
            .collect();
        drop(seen);
        let mut list: Vec<Finding> = (self.list.into_iter().zip(first))
            .filter_map(|(f, first)| first.then_some(f))
            .collect();
        list.sort_by(|a, b| {
            (a.severity, a.code, &a.subject).cmp(&(b.severity, b.code, &b.subject))
        });
        list
    }
}

/// Whether `message` names the ID `id` as a word of its own: `vsw-a` is not named by a
/// message about `vsw-ab`.
fn names(message: &str, id: &str) -> bool {
    let is_id = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    message.match_indices(id).any(|(i, _)| {
        let before = message[..i].chars().next_back();
        let after = message[i + id.len()..].chars().next();
        !before.is_some_and(is_id) && !after.is_some_and(is_id)
    })
}

#[cfg(test)]
mod tests {
    use super::names;

    #[test]
    fn an_id_is_named_as_a_word() {
        assert!(names(
            "no SNAT entry covering vSwitch vsw-a (10.0.1.0/24)",
            "vsw-a"
        ));
        assert!(names("vsw-a", "vsw-a"));
        assert!(!names("no SNAT entry covering vSwitch vsw-ab", "vsw-a"));
        assert!(!names("no SNAT entry covering vSwitch xvsw-a", "vsw-a"));
        assert!(names("交换机 vsw-a（10.0.1.0/24）", "vsw-a"));
    }
}
