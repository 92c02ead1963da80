//! The summary of a merge, written from its [`Log`]: each object the merge touched is looked
//! up in the plan before and after, and is imported (new), updated (what differs), or
//! unchanged (counted, not listed). Comparing the two plans, instead of each merge step
//! saying what it did, keeps the lines true when several steps touch one object (a table's
//! kind, then its routes).

use rustc_hash::FxHashSet as HashSet;

use crate::cloud::merge::Log;
use crate::plan::Plan;

use super::describe::{describe, differences, objects};
use super::{Change, ImportSummary, ResponseRead, SummaryLine};

pub(crate) fn write(
    responses: Vec<ResponseRead>,
    mut log: Log,
    before: &Plan,
    after: &Plan,
) -> ImportSummary {
    let mut lines = std::mem::take(&mut log.skipped);
    let mut unchanged = 0;
    let (was, now) = (objects(before), objects(after));
    for (kind, id) in log.touched() {
        let before = was.get(&(*kind, id.as_str()));
        let Some(after) = now.get(&(*kind, id.as_str())) else {
            continue;
        };
        let (change, detail) = match before {
            None => {
                let mut detail = describe(after);
                if let Some(extra) = log.origin.get(&(*kind, id.clone())) {
                    detail = format!("{detail} ({extra})");
                }
                (Change::Imported, detail)
            }
            Some(before) => match differences(before, after) {
                d if d.is_empty() => {
                    unchanged += 1;
                    continue;
                }
                d => (Change::Updated, d.join("; ")),
            },
        };
        lines.push(SummaryLine {
            change,
            kind: *kind,
            id: id.clone(),
            detail,
        });
    }
    // By change, kind, ID, detail: the fields' order.
    lines.sort();
    lines.dedup();
    // Each note once, in the order first said.
    let mut said = HashSet::default();
    let notes: Vec<String> = (log.notes.into_iter())
        .filter(|n| said.insert(n.clone()))
        .collect();
    let count = |c: Change| lines.iter().filter(|l| l.change == c).count();
    ImportSummary {
        responses,
        imported: count(Change::Imported),
        updated: count(Change::Updated),
        unchanged,
        skipped: count(Change::Skipped),
        lines,
        notes,
    }
}
