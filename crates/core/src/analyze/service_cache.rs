//! What the analyzer reads from each service JSON, kept from one analysis to the next.
//!
//! The page re-analyses the plan on every keystroke, and a service JSON rarely changes between
//! two of them; parsing each one into a `serde_json::Value` was about a third of an analysis
//! of a large plan in the browser. With a cache, a service JSON is parsed again only when its
//! text changes. Reading errors are not kept (their JSON path names the service's place).

use rustc_hash::FxHashMap as HashMap;
use serde_json::Value;

use super::clip::{clip, clip_in_place, clip_list_in_place};
use crate::plan::{Networking, PlanError, ServiceSpec};

/// The service JSON reads of the last analysis, by the service JSON's text.
#[derive(Debug, Default)]
pub struct ServiceCache {
    reads: HashMap<String, ServiceRead>,
}

/// What the checks use of one service JSON (an owned [`ServiceSpec`]).
#[derive(Debug, Clone, Default)]
pub struct ServiceRead {
    pub name: Option<String>,
    /// Where the name is in the service JSON (`metadata.name`, or its alias `name`).
    pub name_path: &'static str,
    pub instance: Option<i64>,
    pub resource: Option<String>,
    pub rolling_path: Option<&'static str>,
    pub max_surge: Option<Value>,
    pub max_unavailable: Option<Value>,
    pub autoscaler_min: Option<i64>,
    pub autoscaler_max: Option<i64>,
    /// Where the autoscaler is (`autoscaler`, or its alias `metadata.autoscaler`).
    pub autoscaler_path: &'static str,
    pub networking: Option<Networking>,
    /// `unit.size`, machines per instance (absent: 1).
    pub unit_size: Option<u64>,
}

impl ServiceRead {
    /// Parses and reads one service JSON; `at` is its JSON path, for errors.
    pub fn read(text: &str, at: &str) -> Result<Self, PlanError> {
        let value: Value = serde_json::from_str(text)
            .map_err(|e| PlanError::said(at, crate::plan::unreadable(&e)))?;
        let spec = ServiceSpec::read(&value, at)?;
        let rolling = spec.rolling.as_ref();
        // The strings the report repeats are cut like the plan's own (`clip`).
        let shown = |s: &str| clip(s).unwrap_or_else(|| s.to_owned());
        let mut networking = spec.networking;
        if let Some(net) = &mut networking {
            let ids = [
                &mut net.vpc_id,
                &mut net.security_group_id,
                &mut net.default_route,
            ];
            for id in ids.into_iter().flatten() {
                clip_in_place(id);
            }
            let lists = [&mut net.vswitch_id, &mut net.destination_cidrs];
            for list in lists.into_iter().flatten() {
                clip_list_in_place(list);
            }
        }
        Ok(ServiceRead {
            name: spec.name.map(shown),
            name_path: spec.name_path,
            instance: spec.instance,
            resource: spec.resource.map(shown),
            rolling_path: rolling.map(|r| r.path),
            max_surge: rolling.and_then(|r| r.max_surge.cloned()),
            max_unavailable: rolling.and_then(|r| r.max_unavailable.cloned()),
            autoscaler_min: spec.autoscaler_min,
            autoscaler_max: spec.autoscaler_max,
            autoscaler_path: spec.autoscaler_path,
            networking,
            unit_size: spec.unit_size,
        })
    }
}

/// The reads of one analysis: from the cache where the text was read before, and what the
/// cache keeps afterwards (only the texts of this plan, so it never outgrows the plan).
pub(crate) struct Reads<'c> {
    previous: Option<&'c mut ServiceCache>,
    kept: HashMap<String, ServiceRead>,
}

impl<'c> Reads<'c> {
    pub fn new(cache: Option<&'c mut ServiceCache>, services: usize) -> Self {
        let kept = if cache.is_some() {
            HashMap::with_capacity_and_hasher(services, Default::default())
        } else {
            HashMap::default()
        };
        Reads {
            previous: cache,
            kept,
        }
    }

    /// The read of the service JSON `text` at JSON path `at`.
    pub fn read(&mut self, text: &str, at: &str) -> Result<ServiceRead, PlanError> {
        let Some(previous) = self.previous.as_deref_mut() else {
            return ServiceRead::read(text, at);
        };
        if let Some(read) = self.kept.get(text) {
            return Ok(read.clone());
        }
        let read = match previous.reads.remove(text) {
            Some(read) => read,
            None => ServiceRead::read(text, at)?,
        };
        self.kept.insert(text.to_owned(), read.clone());
        Ok(read)
    }
}

impl Reads<'_> {
    /// Leaves in the cache the reads of this analysis, and only those.
    pub fn finish(self) {
        if let Some(cache) = self.previous {
            cache.reads = self.kept;
        }
    }
}
