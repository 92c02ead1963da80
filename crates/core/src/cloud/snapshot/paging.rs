//! The pages of one call: which page comes next while a snapshot is taken, and whether the
//! pages kept are all of them (`aliyun-commands.md`, "Reading many pages": `PageNumber` until
//! `PageNumber × PageSize ≥ TotalCount`, or `NextToken` until it is empty).

use serde_json::Value;

use crate::cloud::error_response;
use crate::cloud::read::{count, list, text};
use crate::cloud::shape::keys_of;
use crate::cloud::{CloudErrorKind, Operation};
use crate::i18n::Said;

use super::calls::{Ask, Call, Paging};

/// One page kept: its number (from 1), the arguments it was asked with, the response.
pub(crate) struct PageRef<'a> {
    pub page: u64,
    pub args: &'a [(String, String)],
    pub value: &'a Value,
}

/// More pages than this for one call is a loop (a service that keeps answering the same page),
/// not a VPC: 1000 pages of 50 vSwitches is 50 000, beyond any quota.
pub(crate) const MAX_PAGES: u64 = 1000;

/// Refuses a response that is not a page of `call`: an error body (`Code`, `Message`), or the
/// answer of another operation. A response whose list key is missing reads as an empty page.
pub(crate) fn check_response(
    call: &Call,
    page: u64,
    value: &Value,
) -> Result<(), (CloudErrorKind, Said)> {
    if let Some((code, message)) = error_response(value) {
        return Err((
            CloudErrorKind::ErrorResponse,
            Said::new("cloud_error.paging.error")
                .with("call", call.name())
                .with("page", page)
                .with("code", code)
                .with("message", message),
        ));
    }
    let other = Operation::recognise(value).filter(|op| *op != call.operation);
    if !value.is_object() || other.is_some() {
        let found = match other {
            Some(op) => Said::new("cloud_error.found.answer_of").with("operation", op),
            None => keys_of(value),
        };
        return Err((
            CloudErrorKind::UnknownShape,
            Said::new("cloud_error.paging.wrong_operation")
                .with("call", call.name())
                .with("page", page)
                .with("operation", call.operation)
                .with_said("found", found),
        ));
    }
    Ok(())
}

/// The items of `call`'s list on one page.
pub(crate) fn items(call: &Call, value: &Value) -> u64 {
    let (outer, inner) = call.operation.list_keys();
    list(value, outer, inner).len() as u64
}

/// The page to ask for after page `page` of `call`, answered by `value`, `before` items having
/// been read on the pages before it; `None` after the last. A `PageNumber` call ends when the
/// items read reach `TotalCount` (not when `PageNumber × PageSize` does: a service that
/// answers short pages would lose items); an empty page before that is an error, as it would
/// otherwise be asked for again and again.
pub(crate) fn next(
    call: &Call,
    page: u64,
    value: &Value,
    before: u64,
) -> Result<Option<Ask>, Said> {
    match call.api().paging {
        Paging::PageNumber => {
            let (total, _) = number_paging(call, page, value)?;
            let here = items(call, value);
            let read = before.saturating_add(here);
            if read >= total {
                return Ok(None);
            }
            if here == 0 {
                return Err(Said::new("cloud_error.snapshot.empty_page")
                    .with("call", call.name())
                    .with("page", page)
                    .with("total", total)
                    .with_said(
                        "read",
                        Said::new("cloud_error.snapshot.items").counted(read as usize),
                    ));
            }
            Ok(Some(Ask::Number(page + 1)))
        }
        Paging::NextToken { .. } => Ok(text(value, "NextToken").map(|t| Ask::Token(Some(t)))),
    }
}

/// `(TotalCount, PageSize)` of a page of a `PageNumber` API; the size asked for when the page
/// does not say.
fn number_paging(call: &Call, page: u64, value: &Value) -> Result<(u64, u64), Said> {
    let Some(total) = count(value, "TotalCount") else {
        return Err(Said::new("cloud_error.paging.no_total")
            .with("call", call.name())
            .with("page", page));
    };
    let size = count(value, "PageSize")
        .filter(|s| *s > 0)
        .unwrap_or(u64::from(call.api().page_size));
    Ok((total, size))
}

/// Whether `pages` (in any order) are every page of `call`: numbered 1, 2, … without a gap;
/// for `PageNumber` APIs one `TotalCount` on every page, enough pages for it, and as many
/// items as it says; for `NextToken` APIs each page asked with the token of the page before,
/// and the last with an empty `NextToken`.
pub(crate) fn check(call: &Call, pages: &[PageRef<'_>]) -> Result<(), Said> {
    let name = call.name();
    let said = |key: &'static str| Said::new(key).with("call", &name);
    let mut sorted: Vec<&PageRef<'_>> = pages.iter().collect();
    sorted.sort_by_key(|p| p.page);
    for (i, p) in sorted.iter().enumerate() {
        let want = i as u64 + 1;
        if p.page != want {
            return Err(match p.page < want {
                true => said("cloud_error.paging.twice").with("page", p.page),
                false => said("cloud_error.paging.missing").with("page", want),
            });
        }
    }
    let Some(last) = sorted.last() else {
        return Err(said("cloud_error.paging.none"));
    };
    match call.api().paging {
        Paging::PageNumber => {
            let (total, size) = number_paging(call, 1, sorted[0].value)?;
            let (outer, inner) = call.operation.list_keys();
            let mut items = 0u64;
            for p in &sorted {
                let (t, _) = number_paging(call, p.page, p.value)?;
                if t != total {
                    return Err(said("cloud_error.paging.total_changed")
                        .with("total", total)
                        .with("other", t)
                        .with("page", p.page));
                }
                if let Some(n) = count(p.value, "PageNumber").filter(|n| *n != p.page) {
                    return Err(said("cloud_error.paging.page_number")
                        .with("page", p.page)
                        .with("number", n));
                }
                items += list(p.value, outer, inner).len() as u64;
            }
            if last.page.saturating_mul(size) < total {
                return Err(said("cloud_error.paging.page_missing_of")
                    .with("page", last.page + 1)
                    .with("pages", total.div_ceil(size))
                    .with("total", total)
                    .with("size", size)
                    .with("read", items));
            }
            if items != total {
                return Err(said("cloud_error.paging.items_differ")
                    .counted(items as usize)
                    .with("total", total));
            }
        }
        Paging::NextToken { .. } => {
            if let Some(token) = arg(sorted[0].args, "NextToken") {
                return Err(said("cloud_error.paging.first_with_token").with("token", token));
            }
            for pair in sorted.windows(2) {
                let (p, q) = (pair[0], pair[1]);
                let given = text(p.value, "NextToken");
                if given.is_none() || arg(q.args, "NextToken") != given.as_deref() {
                    return Err(said("cloud_error.paging.not_following")
                        .with("page", q.page)
                        .with("before", p.page));
                }
            }
            if let Some(token) = text(last.value, "NextToken") {
                return Err(said("cloud_error.paging.token_missing")
                    .with("page", last.page + 1)
                    .with("before", last.page)
                    .with("token", token));
            }
        }
    }
    Ok(())
}

fn arg<'a>(args: &'a [(String, String)], key: &str) -> Option<&'a str> {
    args.iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Catalogue;
    use serde_json::json;

    fn vswitches() -> Call {
        Call::new(Operation::DescribeVSwitches, "r", &[("VpcId", "vpc-a")])
    }

    fn page(n: u64, items: usize, total: u64) -> Value {
        let items: Vec<Value> = (0..items)
            .map(|i| json!({"VSwitchId": format!("vsw-{n}-{i}")}))
            .collect();
        json!({"PageNumber": n, "PageSize": 50, "TotalCount": total, "VSwitches": {"VSwitch": items}})
    }

    /// A page kept: its number, the arguments it was asked with, the response.
    type Kept = (u64, Vec<(String, String)>, Value);

    /// An error in English.
    fn en<T: std::fmt::Debug>(r: Result<T, Said>) -> String {
        r.unwrap_err().text(Catalogue::english())
    }

    fn refs(pages: &[Kept]) -> Vec<PageRef<'_>> {
        pages
            .iter()
            .map(|(page, args, value)| PageRef {
                page: *page,
                args,
                value,
            })
            .collect()
    }

    #[test]
    fn page_numbers() {
        let c = vswitches();
        assert_eq!(
            next(&c, 1, &page(1, 50, 60), 0).unwrap(),
            Some(Ask::Number(2))
        );
        assert_eq!(next(&c, 2, &page(2, 10, 60), 50).unwrap(), None);
        // Short pages: the items read count, not PageNumber × PageSize.
        assert_eq!(
            next(&c, 2, &page(2, 5, 60), 50).unwrap(),
            Some(Ask::Number(3))
        );
        assert_eq!(
            next(&c, 2, &page(2, 0, 60), 50)
                .unwrap_err()
                .text(Catalogue::english()),
            "vpc DescribeVSwitches --VpcId vpc-a, page 2: page 2 is empty but TotalCount says 60 \
             (50 items read): the list changed while it was read"
        );
        assert_eq!(next(&c, 1, &page(1, 0, 0), 0).unwrap(), None);
        assert!(next(&c, 1, &json!({"VSwitches": {}}), 0)
            .unwrap_err()
            .text(Catalogue::english())
            .contains("page 1: the response has no TotalCount"));

        let both = [(2, vec![], page(2, 10, 60)), (1, vec![], page(1, 50, 60))];
        assert!(check(&c, &refs(&both)).is_ok());
        let first = [(1, vec![], page(1, 50, 60))];
        assert_eq!(
            en(check(&c, &refs(&first))),
            "vpc DescribeVSwitches --VpcId vpc-a: page 2 of 2 is missing (TotalCount 60, PageSize 50; 50 read)"
        );
        let second = [(2, vec![], page(2, 10, 60))];
        assert!(en(check(&c, &refs(&second))).ends_with("page 1 is missing"));
        let short = [(1, vec![], page(1, 50, 60)), (2, vec![], page(2, 9, 60))];
        assert!(
            en(check(&c, &refs(&short))).contains("its pages list 59 items but TotalCount is 60")
        );
        let moved = [(1, vec![], page(1, 50, 60)), (2, vec![], page(2, 11, 61))];
        assert!(en(check(&c, &refs(&moved))).contains("61 on page 2"));
    }

    #[test]
    fn next_tokens() {
        let c = Call::new(
            Operation::DescribeSecurityGroups,
            "r",
            &[("VpcId", "vpc-a")],
        );
        let args = |t: Option<&str>| c.page_args(&Ask::Token(t.map(str::to_owned)));
        let sgs =
            |token: &str| json!({"NextToken": token, "SecurityGroups": {"SecurityGroup": [{}]}});
        assert_eq!(
            next(&c, 1, &sgs("t1"), 0).unwrap(),
            Some(Ask::Token(Some("t1".into())))
        );
        assert_eq!(next(&c, 2, &sgs(""), 1).unwrap(), None);
        let good = [(1, args(None), sgs("t1")), (2, args(Some("t1")), sgs(""))];
        assert!(check(&c, &refs(&good)).is_ok());
        let cut = [(1, args(None), sgs("t1"))];
        assert!(
            en(check(&c, &refs(&cut))).ends_with("page 2 is missing: page 1 returned NextToken t1")
        );
        let wrong = [(1, args(None), sgs("t1")), (2, args(Some("t0")), sgs(""))];
        assert!(en(check(&c, &refs(&wrong))).contains("page 2 does not follow page 1"));
    }

    #[test]
    fn responses_that_are_not_pages() {
        let c = vswitches();
        let e = check_response(
            &c,
            1,
            &json!({"Code": "Forbidden.RAM", "Message": "denied", "RequestId": "r"}),
        )
        .unwrap_err();
        assert_eq!(e.0, CloudErrorKind::ErrorResponse);
        assert!(e
            .1
            .text(Catalogue::english())
            .ends_with("page 1: the cloud answered with an error: Forbidden.RAM: denied"));
        let e = check_response(&c, 1, &json!({"Vpcs": {}})).unwrap_err();
        assert!(e
            .1
            .text(Catalogue::english())
            .contains("expected a DescribeVSwitches response, found the answer of DescribeVpcs"));
        assert!(check_response(&c, 1, &json!([])).is_err());
        assert!(check_response(&c, 1, &json!({"RequestId": "r", "TotalCount": 0})).is_ok());
    }
}
