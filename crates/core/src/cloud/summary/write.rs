//! The summary of a merge, written from its [`Log`]: each object the merge touched is looked
//! up in the plan before and after, and is imported (new), updated (what differs), or
//! unchanged (counted, not listed). Comparing the two plans, instead of each merge step
//! saying what it did, keeps the lines true when several steps touch one object (a table's
//! kind, then its routes).

use rustc_hash::FxHashSet as HashSet;

use crate::args;
use crate::cloud::merge::Log;
use crate::i18n::Catalogue;
use crate::plan::Plan;

use super::describe::{describe, differences, objects};
use super::{Change, ImportSummary, ResponseRead, SummaryLine};

pub(crate) fn write(
    responses: Vec<ResponseRead>,
    mut log: Log,
    before: &Plan,
    after: &Plan,
    cat: &Catalogue,
) -> ImportSummary {
    let mut lines: Vec<SummaryLine> = (std::mem::take(&mut log.skipped).into_iter())
        .map(|s| SummaryLine {
            change: Change::Skipped,
            kind: s.kind,
            id: s.id,
            detail: s.why.text(cat),
        })
        .collect();
    let mut unchanged = 0;
    let (was, now) = (objects(before), objects(after));
    for (kind, id) in log.touched() {
        let before = was.get(&(*kind, id.as_str()));
        let Some(after) = now.get(&(*kind, id.as_str())) else {
            continue;
        };
        let (change, detail) = match before {
            None => {
                let mut detail = describe(after, cat);
                if let Some(extra) = log.origin.get(&(*kind, id.clone())) {
                    detail = cat.text(
                        "summary.with_origin",
                        args![detail = detail, origin = extra.text(cat)],
                    );
                }
                (Change::Imported, detail)
            }
            Some(before) => match differences(before, after, cat) {
                d if d.is_empty() => {
                    unchanged += 1;
                    continue;
                }
                d => (Change::Updated, d.join(&cat.text("summary.separator", &[]))),
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
    let notes: Vec<String> = (log.notes.iter().map(|n| n.text(cat)))
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
