//! The snapshot file: one JSON object holding every page of every call as it came, with the
//! arguments it was asked with, so that the importer can check that nothing is missing.
//!
//! ```json
//! {"easnet_snapshot": 1, "made_by": "easnet 0.1.0", "region": "cn-hangzhou", "vpc": "vpc-a",
//!  "responses": [
//!   {"api": "vpc DescribeVSwitches", "page": 2,
//!    "args": {"RegionId": "cn-hangzhou", "VpcId": "vpc-a", "PageSize": "50", "PageNumber": "2"},
//!    "response": {"RequestId": "…", "PageNumber": 2, "PageSize": 50, "TotalCount": 60, "VSwitches": {…}}}]}
//! ```
//!
//! Reading refuses the whole file when a call's pages are not all there (a page missing, pages
//! that do not add up to `TotalCount`, a last page whose `NextToken` is not empty) or when a
//! call the snapshot needs is missing (the routes of a table it lists, the rules of a group):
//! the message names the call. A call the snapshot would not have run (another VPC's
//! vSwitches, the rules of a group it does not list) is refused too.

use std::collections::hash_map;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde_json::{Map, Value};

use crate::cloud::read::{field, flat, text};
use crate::cloud::{CloudError, CloudErrorKind, Operation, Response};
use crate::i18n::{Catalogue, Said};

use super::calls::{walk, Api, Call, CallKey, PAGING_ARGS};
use super::paging::{self, PageRef};
use super::{Snapshot, FORMAT};

/// The key that marks a snapshot file.
const MARK: &str = "easnet_snapshot";

/// Whether `value` is a snapshot file (`{"easnet_snapshot": 1, …}`).
pub(crate) fn is_snapshot(value: &Value) -> bool {
    value.get(MARK).is_some()
}

impl Snapshot {
    /// The snapshot file, pretty-printed, ending with a newline.
    pub fn to_json(&self) -> String {
        let responses: Vec<Value> = self
            .pages
            .iter()
            .map(|p| {
                let args: Map<String, Value> = (p.args.iter())
                    .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                    .collect();
                let mut o = Map::new();
                o.insert("api".into(), api_name(p.call.operation).into());
                o.insert("page".into(), p.page.into());
                o.insert("args".into(), Value::Object(args));
                o.insert("response".into(), p.response.clone());
                Value::Object(o)
            })
            .collect();
        let mut o = Map::new();
        o.insert(MARK.into(), FORMAT.into());
        o.insert(
            "made_by".into(),
            format!("easnet {}", env!("CARGO_PKG_VERSION")).into(),
        );
        o.insert("region".into(), self.region.clone().into());
        o.insert("vpc".into(), self.vpc.clone().into());
        o.insert("responses".into(), responses.into());
        // Plain JSON values with string keys always serialize.
        serde_json::to_string_pretty(&Value::Object(o)).unwrap_or_default() + "\n"
    }
}

/// `vpc DescribeVSwitches`: the product and the API, as on an `aliyun` command line.
fn api_name(op: Operation) -> String {
    format!("{} {}", op.product(), op.name())
}

/// The file, as far as the import needs it.
struct FileIn {
    region: String,
    vpc: String,
    responses: Vec<EntryIn>,
}

/// One entry of `responses`, as written.
struct EntryIn {
    api: String,
    page: u64,
    args: Map<String, Value>,
    response: Value,
}

/// Reads the file's fields by hand, refusing unknown ones: serde's derive reading from a
/// `Value` takes every integer through std's float parser and printer (with serde_json's
/// `arbitrary_precision`), which would put them back into the page (BENCHMARKS.md, size).
fn file_in(value: Value) -> Result<FileIn, Said> {
    let Value::Object(mut o) = value else {
        return Err(Said::new("cloud_error.snapshot.not_object"));
    };
    let known = ["easnet_snapshot", "made_by", "region", "vpc", "responses"];
    if let Some(k) = o.keys().find(|k| !known.contains(&k.as_str())) {
        return Err(unknown_field(k, &known));
    }
    let Some(Value::Array(list)) = o.remove("responses") else {
        return Err(at(
            "responses",
            Said::new("cloud_error.snapshot.expected_list"),
        ));
    };
    let mut responses = Vec::with_capacity(list.len());
    for (i, e) in list.into_iter().enumerate() {
        responses.push(entry_in(i, e)?);
    }
    Ok(FileIn {
        region: string(&mut o, "region", "")?,
        vpc: string(&mut o, "vpc", "")?,
        responses,
    })
}

fn entry_in(i: usize, value: Value) -> Result<EntryIn, Said> {
    let here = format!("responses[{i}]");
    let Value::Object(mut o) = value else {
        return Err(at(&here, Said::new("cloud_error.snapshot.expected_object")));
    };
    let known = ["api", "page", "args", "response"];
    if let Some(k) = o.keys().find(|k| !known.contains(&k.as_str())) {
        return Err(at(&here, unknown_field(k, &known)));
    }
    let page = (o.get("page").and_then(Value::as_u64)).ok_or_else(|| {
        at(
            &format!("{here}.page"),
            Said::new("cloud_error.snapshot.expected_page"),
        )
    })?;
    let Some(Value::Object(args)) = o.remove("args") else {
        return Err(at(
            &format!("{here}.args"),
            Said::new("cloud_error.snapshot.expected_object"),
        ));
    };
    let response = (o.remove("response")).ok_or_else(|| {
        at(
            &format!("{here}.response"),
            Said::new("cloud_error.snapshot.missing"),
        )
    })?;
    Ok(EntryIn {
        api: string(&mut o, "api", &here)?,
        page,
        args,
        response,
    })
}

/// A string member, taken out of its object.
fn string(o: &mut Map<String, Value>, key: &str, within: &str) -> Result<String, Said> {
    let path = if within.is_empty() {
        key.to_owned()
    } else {
        format!("{within}.{key}")
    };
    match o.remove(key) {
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(at(&path, Said::new("cloud_error.snapshot.expected_string"))),
        None => Err(at(&path, Said::new("cloud_error.snapshot.missing"))),
    }
}

/// `path: why`.
fn at(path: &str, why: Said) -> Said {
    Said::new("cloud_error.snapshot.at")
        .with("path", path)
        .with_said("why", why)
}

/// A member the format does not have.
fn unknown_field(key: &str, known: &[&str]) -> Said {
    Said::new("cloud_error.snapshot.unknown_field")
        .with("field", key)
        .with("list", known.join(", "))
}

/// One entry, read.
struct Entry {
    call: Call,
    page: u64,
    args: Vec<(String, String)>,
    response: Value,
}

/// The responses of a snapshot file, checked complete, in the file's order. Peering
/// connections that do not name the snapshot's VPC are left out (see [`walk`]).
pub(crate) fn read(value: Value) -> Result<Vec<Response>, CloudError> {
    let format_error = |e: Said| {
        CloudError::new(
            CloudErrorKind::UnknownShape,
            Said::new("cloud_error.snapshot.unreadable").with_said("why", e),
        )
    };
    let version = value.get(MARK).cloned().unwrap_or(Value::Null);
    if version != FORMAT {
        return Err(format_error(
            Said::new("cloud_error.snapshot.format")
                .with("version", version)
                .with("format", FORMAT),
        ));
    }
    let file = file_in(value).map_err(format_error)?;
    let mut entries = Vec::with_capacity(file.responses.len());
    for (i, e) in file.responses.into_iter().enumerate() {
        entries.push(entry(i, e).map_err(format_error)?);
    }
    for e in &entries {
        paging::check_response(&e.call, e.page, &e.response).map_err(|(kind, why)| {
            CloudError::new(
                kind,
                Said::new("cloud_error.snapshot.bad_page").with_said("why", why),
            )
        })?;
    }

    // The calls, in the order they first appear, each with its pages; found by their key (a
    // VPC with hundreds of security groups has hundreds of calls).
    let mut calls: Vec<(&Call, Vec<&Entry>)> = Vec::new();
    let mut by_key: HashMap<CallKey, usize> = HashMap::default();
    for e in &entries {
        match by_key.entry(e.call.key()) {
            hash_map::Entry::Occupied(at) => calls[*at.get()].1.push(e),
            hash_map::Entry::Vacant(at) => {
                at.insert(calls.len());
                calls.push((&e.call, vec![e]));
            }
        }
    }
    let cut = |why: Said| {
        CloudError::new(
            CloudErrorKind::CutOff,
            Said::new("cloud_error.snapshot.incomplete").with_said("why", why),
        )
    };
    for (call, pages) in &calls {
        let refs: Vec<PageRef<'_>> = pages
            .iter()
            .map(|e| PageRef {
                page: e.page,
                args: &e.args,
                value: &e.response,
            })
            .collect();
        paging::check(call, &refs).map_err(cut)?;
    }
    let mut asked = HashSet::default();
    walk(&file.region, &file.vpc, |call| {
        let key = call.key();
        let found = by_key.get(&key).map(|&i| &calls[i].1);
        asked.insert(key);
        match found {
            Some(pages) => Ok(pages.iter().map(|e| e.response.clone()).collect()),
            None => Err(cut(
                Said::new("cloud_error.snapshot.call_missing").with("call", call.name())
            )),
        }
    })?;
    // A call the walk never asked for (another VPC's vSwitches, a group it does not list) is
    // not part of this VPC's snapshot: the file was edited or put together by hand.
    if let Some((call, _)) = calls.iter().find(|(c, _)| !asked.contains(&c.key())) {
        return Err(CloudError::new(
            CloudErrorKind::UnknownShape,
            Said::new("cloud_error.snapshot.extra_call")
                .with("call", call.name())
                .with("vpc", &file.vpc)
                .with("region", &file.region),
        ));
    }

    let vpc = file.vpc;
    Ok(entries
        .into_iter()
        .map(|e| {
            let mut value = e.response;
            if e.call.operation == Operation::ListVpcPeerConnections {
                keep_peerings_of(&mut value, &vpc);
            }
            let said = Said::new("cloud_error.label.page")
                .with("call", e.call.name())
                .with("page", e.page);
            Response {
                operation: e.call.operation,
                label: said.text(Catalogue::english()),
                value,
                call: Some(e.call.id()),
                said,
            }
        })
        .collect())
}

fn entry(i: usize, e: EntryIn) -> Result<Entry, Said> {
    let here = format!("responses[{i}]");
    let operation = Operation::ALL
        .into_iter()
        .find(|op| api_name(*op) == e.api && Api::of(*op).is_some())
        .ok_or_else(|| {
            at(
                &here,
                Said::new("cloud_error.snapshot.not_a_call").with("api", &e.api),
            )
        })?;
    let mut args = Vec::with_capacity(e.args.len());
    for (k, v) in e.args {
        let Value::String(v) = v else {
            return Err(at(
                &format!("{here}.args.{k}"),
                Said::new("cloud_error.snapshot.expected_string_found").with("value", v),
            ));
        };
        args.push((k, v));
    }
    if e.page == 0 {
        return Err(at(
            &format!("{here}.page"),
            Said::new("cloud_error.snapshot.pages_from_one"),
        ));
    }
    let filters = (args.iter())
        .filter(|(k, _)| !PAGING_ARGS.contains(&k.as_str()))
        .cloned()
        .collect();
    Ok(Entry {
        call: Call {
            operation,
            args: filters,
        },
        page: e.page,
        args,
        response: e.response,
    })
}

/// Keeps the peering connections one of whose ends is `vpc`.
fn keep_peerings_of(value: &mut Value, vpc: &str) {
    let names = |p: &Value| {
        ["Vpc", "AcceptingVpc"]
            .iter()
            .any(|side| field(p, side).and_then(|s| text(s, "VpcId")).as_deref() == Some(vpc))
    };
    let kept: Vec<Value> = flat(value, "VpcPeerConnects")
        .into_iter()
        .filter(|p| names(p))
        .cloned()
        .collect();
    if let Some(obj) = value.as_object_mut() {
        if obj.contains_key("VpcPeerConnects") {
            obj.insert("VpcPeerConnects".into(), Value::Array(kept));
        }
    }
}
