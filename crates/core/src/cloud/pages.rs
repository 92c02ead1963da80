//! A paste cut off: one page of several without the rest (`cloud-describe-facts.md` §0.6).
//!
//! - `NextToken` not empty says more pages follow. The pages of one call are complete when a
//!   response of the same call (for `DescribeRouteEntryList` the same table, for
//!   `DescribeSecurityGroupAttribute` the same group) has an empty `NextToken`: its last page.
//! - `PageNumber × PageSize < TotalCount` says the same for the older paging; the next page
//!   (same call — for `DescribeSnatTableEntries` the same SNAT table —, same `TotalCount`,
//!   `PageNumber + 1`) must be in the paste.
//!
//! A `--pager` merged list has neither, and is complete by construction. Pages from several
//! pastes or files count together, since the CLI checks all its files at once.

use crate::i18n::Said;

use super::read::{count, list, text};
use super::shape::Operation;
use super::{CloudError, CloudErrorKind, Response};

/// Refuses the responses when one is a page whose next pages are missing.
pub(crate) fn check_complete(responses: &[Response]) -> Result<(), CloudError> {
    let mut last_pages: Vec<(Operation, Option<String>)> = responses
        .iter()
        .filter(|r| text(&r.value, "NextToken").is_none())
        .map(|r| (r.operation, discriminator(r)))
        .collect();
    // Sorted, to be searched (a sorted list, not a set: the page carries less code).
    last_pages.sort();
    for r in responses {
        if text(&r.value, "NextToken").is_some()
            && last_pages
                .binary_search(&(r.operation, discriminator(r)))
                .is_err()
        {
            let how = match r.operation {
                Operation::DescribeSecurityGroupAttribute => "cloud_error.how.max_results",
                _ => "cloud_error.how.snapshot",
            };
            let said = match discriminator(r) {
                Some(of) => Said::new("cloud_error.cut_off_token_of").with("of", of),
                None => Said::new("cloud_error.cut_off_token"),
            };
            return Err(CloudError::new(
                CloudErrorKind::CutOff,
                said.with_said("name", r.name())
                    .with_said("how", Said::new(how)),
            ));
        }
        if let Some((page, size, total)) = paging(r) {
            let has_next = responses.iter().any(|o| {
                o.operation == r.operation
                    && discriminator(o) == discriminator(r)
                    && paging(o).is_some_and(|(p, _, t)| p == page + 1 && t == total)
            });
            if page.saturating_mul(size) < total && !has_next {
                return Err(CloudError::new(
                    CloudErrorKind::CutOff,
                    Said::new("cloud_error.cut_off_page")
                        .with_said("name", r.name())
                        .with("page", page)
                        .with("pages", total.div_ceil(size.max(1)))
                        .with("total", total)
                        .with("size", size)
                        .with("next", page + 1),
                ));
            }
        }
    }
    Ok(())
}

/// What tells the pages of one call from those of another call of the same operation.
fn discriminator(r: &Response) -> Option<String> {
    // A snapshot says which call each page answers (its pages were checked when it was read).
    if r.call.is_some() {
        return r.call.clone();
    }
    match r.operation {
        Operation::DescribeSecurityGroupAttribute => text(&r.value, "SecurityGroupId"),
        Operation::DescribeRouteEntryList => list(&r.value, "RouteEntrys", "RouteEntry")
            .first()
            .and_then(|e| text(e, "RouteTableId")),
        // Called once per SNAT table (the loop in `commands::BODY`).
        Operation::DescribeSnatTableEntries => list(&r.value, "SnatTableEntries", "SnatTableEntry")
            .first()
            .and_then(|e| text(e, "SnatTableId")),
        _ => None,
    }
}

/// `(PageNumber, PageSize, TotalCount)` when all three are there and the size is not zero.
fn paging(r: &Response) -> Option<(u64, u64, u64)> {
    let page = count(&r.value, "PageNumber")?;
    let size = count(&r.value, "PageSize").filter(|s| *s > 0)?;
    let total = count(&r.value, "TotalCount")?;
    Some((page, size, total))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::read_paste;

    fn check(text: &str) -> Result<(), CloudError> {
        check_complete(&read_paste(text).unwrap())
    }

    #[test]
    fn next_token() {
        assert!(check(r#"{"NextToken": "", "SecurityGroups": {}}"#).is_ok());
        let e = check(r#"{"NextToken": "AAE", "SecurityGroups": {}}"#).unwrap_err();
        assert_eq!(e.kind, CloudErrorKind::CutOff);
        assert!(
            e.message
                .starts_with("the response (DescribeSecurityGroups) is cut off"),
            "{e}"
        );
        // The last page pasted after the first: complete.
        assert!(check(
            r#"{"NextToken": "AAE", "SecurityGroups": {}} {"NextToken": "", "SecurityGroups": {}}"#
        )
        .is_ok());
        // The last page of another group does not complete this one.
        let e = check(
            r#"{"SecurityGroupId": "sg-a", "NextToken": "x", "Permissions": {}}
               {"SecurityGroupId": "sg-b", "NextToken": "", "Permissions": {}}"#,
        )
        .unwrap_err();
        assert!(
            e.message
                .contains("response 1 (DescribeSecurityGroupAttribute) of sg-a is cut off"),
            "{e}"
        );
        assert!(e.message.contains("--MaxResults 1000"), "{e}");
    }

    #[test]
    fn page_numbers() {
        let page = |n: u64| {
            format!(
                r#"{{"PageNumber": {n}, "PageSize": 50, "TotalCount": 120, "VSwitches": {{}}}}"#
            )
        };
        let e = check(&page(1)).unwrap_err();
        assert!(
            e.message
                .contains("is page 1 of 3 (TotalCount 120, PageSize 50) and page 2"),
            "{e}"
        );
        let e = check(&format!("{}{}", page(1), page(2))).unwrap_err();
        assert!(
            e.message
                .contains("response 2 (DescribeVSwitches) is page 2 of 3"),
            "{e}"
        );
        assert!(check(&format!("{}{}{}", page(3), page(1), page(2))).is_ok());

        // Page 2 of another gateway's SNAT table does not complete this one's page 1.
        let snat = |table: &str, n: u64| {
            format!(
                r#"{{"PageNumber": {n}, "PageSize": 50, "TotalCount": 60,
                     "SnatTableEntries": {{"SnatTableEntry": [{{"SnatTableId": "{table}"}}]}}}}"#
            )
        };
        let e = check(&format!("{}{}", snat("stb-a", 1), snat("stb-b", 2))).unwrap_err();
        assert!(e.message.contains("is page 1 of 2"), "{e}");
        assert!(check(&format!("{}{}", snat("stb-a", 1), snat("stb-a", 2))).is_ok());
        assert!(
            check(r#"{"PageNumber": "1", "PageSize": "50", "TotalCount": "50", "Vpcs": {}}"#)
                .is_ok()
        );
    }
}
