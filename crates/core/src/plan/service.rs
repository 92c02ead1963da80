//! The fields of the user's EAS service JSON that the checks read, with their JSON paths.
//!
//! The service JSON itself is kept as its exact text ([`ServiceJson`](super::ServiceJson)) so
//! that it round-trips untouched; the analyzer parses that text into a `serde_json::Value`
//! once, and this module only *reads* the value. A field the checks need with the wrong type is a PLAN001 error
//! naming its path (`services[0].service.metadata.instance`); `max_surge` and
//! `max_unavailable` are kept raw because a bad one is CAP003, not PLAN001.

use serde_json::{Map, Value};

use super::{Networking, PlanError};

/// What the checks read from one service JSON.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ServiceSpec<'a> {
    /// `metadata.name`, else the top-level `name` (its alias).
    pub name: Option<&'a str>,
    /// Where the name was read: `metadata.name` or `name`.
    pub name_path: &'static str,
    /// `metadata.instance` (may be negative: that is CAP004).
    pub instance: Option<i64>,
    /// `metadata.resource`: the dedicated resource group (`""`: none, the public group).
    pub resource: Option<&'a str>,
    /// `metadata.rolling_strategy`, else the top-level `rolling_strategy`.
    pub rolling: Option<Rolling<'a>>,
    /// `autoscaler.min` and `.max`, else those of its alias `metadata.autoscaler`.
    pub autoscaler_min: Option<i64>,
    /// Where the autoscaler was read: `autoscaler` or `metadata.autoscaler`.
    pub autoscaler_path: &'static str,
    pub autoscaler_max: Option<i64>,
    /// `cloud.networking`: its three IDs (an empty ID is absent), `default_route` and
    /// `destination_cidrs`.
    pub networking: Option<Networking>,
    /// `unit.size`: machines per instance of a distributed service (absent: 1).
    pub unit_size: Option<u64>,
}

/// A rolling strategy and where it was found.
#[derive(Debug, Clone, PartialEq)]
pub struct Rolling<'a> {
    /// JSON path of the rolling strategy object, relative to the service JSON.
    pub path: &'static str,
    pub max_surge: Option<&'a Value>,
    pub max_unavailable: Option<&'a Value>,
}

/// A service's name without reading the rest: `metadata.name`, else the top-level `name` (its
/// alias, domain-facts §9), when it is a string. The one rule for names, shared with
/// [`ServiceSpec::read`], which also says when a name has the wrong type.
///
/// # Examples
/// ```
/// use easnet_core::plan::service_name;
/// let v = serde_json::json!({"name": "demo0", "metadata": {"instance": 2}});
/// assert_eq!(service_name(&v), Some("demo0"));
/// let both = serde_json::json!({"name": "b", "metadata": {"name": "a"}});
/// assert_eq!(service_name(&both), Some("a"));
/// ```
pub fn service_name(service: &Value) -> Option<&str> {
    (service.get("metadata").and_then(|m| m.get("name")))
        .and_then(Value::as_str)
        .or_else(|| service.get("name").and_then(Value::as_str))
}

impl<'a> ServiceSpec<'a> {
    /// Reads the fields the checks need from `service`; `at` is the service JSON's path in
    /// the plan (`services[0].service`), used in errors.
    ///
    /// # Examples
    /// ```
    /// use easnet_core::plan::ServiceSpec;
    /// let svc = serde_json::json!({"metadata": {"name": "a", "instance": 3}});
    /// let spec = ServiceSpec::read(&svc, "services[0].service").unwrap();
    /// assert_eq!((spec.name, spec.instance), (Some("a"), Some(3)));
    ///
    /// let bad = serde_json::json!({"metadata": {"instance": "3"}});
    /// let err = ServiceSpec::read(&bad, "services[0].service").unwrap_err();
    /// assert_eq!(err.path, "services[0].service.metadata.instance");
    /// ```
    pub fn read(service: &'a Value, at: &str) -> Result<Self, PlanError> {
        // Paths are joined only when there is an error to report: reading a valid service
        // allocates nothing for them.
        let root_at = Loc { base: at, sub: "" };
        let root = object(service, root_at)?;
        let mut spec = ServiceSpec {
            name_path: "metadata.name",
            autoscaler_path: "autoscaler",
            ..ServiceSpec::default()
        };
        if let Some(meta) = field_object(root, "metadata", root_at)? {
            let at = Loc {
                base: at,
                sub: "metadata",
            };
            spec.name = field_str(meta, "name", at)?;
            spec.instance = field_int(meta, "instance", at)?;
            // `"resource": ""` is the public resource group, as the official examples write
            // it (domain-facts §9): no resource group.
            spec.resource = field_str(meta, "resource", at)?.filter(|r| !r.is_empty());
            spec.rolling = rolling(meta, at, "metadata.rolling_strategy")?;
        }
        // Aliases EAS accepts (domain-facts §9, EAS-KEYS): a top-level `name` when there is no
        // `metadata.name`; the primary spelling wins when both are there.
        if spec.name.is_none() {
            spec.name = field_str(root, "name", root_at)?;
            if spec.name.is_some() {
                spec.name_path = "name";
            }
        }
        // rules.md: when both exist, the top-level rolling_strategy is ignored entirely.
        if spec.rolling.is_none() {
            spec.rolling = rolling(root, root_at, "rolling_strategy")?;
        }
        // `autoscaler`, else its alias `metadata.autoscaler` (domain-facts §9, EAS-KEYS).
        let meta_auto = match field_object(root, "metadata", root_at)? {
            Some(meta) => {
                let at = Loc {
                    base: at,
                    sub: "metadata",
                };
                field_object(meta, "autoscaler", at)?.map(|a| (a, "metadata.autoscaler"))
            }
            None => None,
        };
        let auto = match field_object(root, "autoscaler", root_at)? {
            Some(a) => Some((a, "autoscaler")),
            None => meta_auto,
        };
        if let Some((auto, sub)) = auto {
            spec.autoscaler_path = sub;
            let at = Loc { base: at, sub };
            spec.autoscaler_min = field_int(auto, "min", at)?;
            spec.autoscaler_max = field_int(auto, "max", at)?;
        }
        if let Some(cloud) = field_object(root, "cloud", root_at)? {
            if let Some(net) = field_object(
                cloud,
                "networking",
                Loc {
                    base: at,
                    sub: "cloud",
                },
            )? {
                let at = Loc {
                    base: at,
                    sub: "cloud.networking",
                };
                // An empty ID is absent (domain-facts §9): some empty and some set is NET001.
                let id = |key| -> Result<Option<String>, PlanError> {
                    Ok(field_str(net, key, at)?
                        .filter(|v| !v.is_empty())
                        .map(str::to_owned))
                };
                let text = |key| -> Result<Option<String>, PlanError> {
                    Ok(field_str(net, key, at)?.map(str::to_owned))
                };
                spec.networking = Some(Networking {
                    vpc_id: id("vpc_id")?,
                    vswitch_id: id("vswitch_id")?,
                    security_group_id: id("security_group_id")?,
                    default_route: text("default_route")?,
                    destination_cidrs: text("destination_cidrs")?,
                });
            }
        }
        // `unit.size` (domain-facts §9): an integer of at least 1, else PLAN001 with its path.
        if let Some(unit) = field_object(root, "unit", root_at)? {
            let at = Loc {
                base: at,
                sub: "unit",
            };
            spec.unit_size = match unit.get("size") {
                None | Some(Value::Null) => None,
                Some(v) => {
                    let size = super::int::read_int(v, 1, i64::MAX, "plan_error.an_integer")
                        .map_err(|said| PlanError::said(at.path(Some("size")), said))?;
                    u64::try_from(size).ok()
                }
            };
        }
        Ok(spec)
    }
}

/// Where an object sits: the service's path and the keys below it (`metadata`).
#[derive(Clone, Copy)]
struct Loc<'a> {
    base: &'a str,
    sub: &'static str,
}

impl Loc<'_> {
    /// The path of this object, or of its member `key`.
    fn path(self, key: Option<&str>) -> String {
        let mut path = self.base.to_owned();
        for part in [Some(self.sub), key]
            .into_iter()
            .flatten()
            .filter(|p| !p.is_empty())
        {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(part);
        }
        path
    }
}

fn rolling<'a>(
    parent: &'a Map<String, Value>,
    at: Loc,
    path: &'static str,
) -> Result<Option<Rolling<'a>>, PlanError> {
    Ok(
        field_object(parent, "rolling_strategy", at)?.map(|r| Rolling {
            path,
            max_surge: r.get("max_surge").filter(|v| !v.is_null()),
            max_unavailable: r.get("max_unavailable").filter(|v| !v.is_null()),
        }),
    )
}

fn object<'a>(v: &'a Value, at: Loc) -> Result<&'a Map<String, Value>, PlanError> {
    v.as_object()
        .ok_or_else(|| PlanError::expected(at.path(None), "plan_error.an_object", v))
}

fn field_object<'a>(
    m: &'a Map<String, Value>,
    key: &str,
    at: Loc,
) -> Result<Option<&'a Map<String, Value>>, PlanError> {
    match m.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => (v.as_object().map(Some))
            .ok_or_else(|| PlanError::expected(at.path(Some(key)), "plan_error.an_object", v)),
    }
}

fn field_str<'a>(
    m: &'a Map<String, Value>,
    key: &str,
    at: Loc,
) -> Result<Option<&'a str>, PlanError> {
    match m.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(v) => Err(PlanError::expected(
            at.path(Some(key)),
            "plan_error.a_string",
            v,
        )),
    }
}

/// An integer of the service JSON: any that fits 64 bits signed (a negative count is CAP004, a
/// finding); past that, "out of range" with the number as written (rules.md, "Settled
/// readings").
fn field_int(m: &Map<String, Value>, key: &str, at: Loc) -> Result<Option<i64>, PlanError> {
    match m.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => super::int::read_int(v, i64::MIN, i64::MAX, "plan_error.an_integer")
            .map(Some)
            .map_err(|said| PlanError::said(at.path(Some(key)), said)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_every_field() {
        let svc = json!({
            "metadata": {"name": "llm", "instance": 4, "resource": "eas-r-gpu",
                         "rolling_strategy": {"max_surge": "20%", "max_unavailable": 0}},
            "autoscaler": {"min": 2, "max": 12},
            "cloud": {"networking": {"vpc_id": "vpc-a", "vswitch_id": "vsw-a", "security_group_id": "sg-a"}}
        });
        let s = ServiceSpec::read(&svc, "s").unwrap();
        assert_eq!(s.name, Some("llm"));
        assert_eq!(s.instance, Some(4));
        assert_eq!(s.resource, Some("eas-r-gpu"));
        assert_eq!((s.autoscaler_min, s.autoscaler_max), (Some(2), Some(12)));
        let r = s.rolling.unwrap();
        assert_eq!(r.path, "metadata.rolling_strategy");
        assert_eq!(r.max_surge, Some(&json!("20%")));
        assert!(s.networking.unwrap().is_complete());
    }

    #[test]
    fn reads_units_and_the_route_fields() {
        let svc = json!({"unit": {"size": 2},
            "cloud": {"networking": {"vswitch_id": "vsw-a, vsw-b", "default_route": "eth0",
                                     "destination_cidrs": "10.0.0.0/8"}}});
        let s = ServiceSpec::read(&svc, "s").unwrap();
        assert_eq!(s.unit_size, Some(2));
        let net = s.networking.unwrap();
        assert_eq!(net.vswitch_ids(), ["vsw-a", "vsw-b"]);
        assert!(!net.routes_through_vpc());
        assert_eq!(net.destination_cidrs.as_deref(), Some("10.0.0.0/8"));
        let plain = json!({"unit": {}, "cloud": {"networking": {"default_route": ""}}});
        let s = ServiceSpec::read(&plain, "s").unwrap();
        assert_eq!(s.unit_size, None);
        assert!(s.networking.unwrap().routes_through_vpc());
    }

    #[test]
    fn metadata_rolling_strategy_wins_over_top_level() {
        let svc = json!({"metadata": {"rolling_strategy": {"max_surge": 1}},
                         "rolling_strategy": {"max_surge": 9}});
        let r = ServiceSpec::read(&svc, "s").unwrap().rolling.unwrap();
        assert_eq!(r.max_surge, Some(&json!(1)));
        let svc = json!({"rolling_strategy": {"max_surge": 9}});
        let r = ServiceSpec::read(&svc, "s").unwrap().rolling.unwrap();
        assert_eq!((r.path, r.max_surge), ("rolling_strategy", Some(&json!(9))));
    }

    #[test]
    fn wrong_types_name_their_path() {
        let cases = [
            (json!([]), "s", "expected an object, got a list"),
            (
                json!({"metadata": 1}),
                "s.metadata",
                "expected an object, got 1",
            ),
            (
                json!({"metadata": {"name": 5}}),
                "s.metadata.name",
                "expected a string, got 5",
            ),
            (
                json!({"metadata": {"instance": 2.5}}),
                "s.metadata.instance",
                "expected an integer, got 2.5",
            ),
            (
                json!({"autoscaler": {"max": "9"}}),
                "s.autoscaler.max",
                "expected an integer, got \"9\"",
            ),
            (
                json!({"cloud": {"networking": {"vpc_id": 1}}}),
                "s.cloud.networking.vpc_id",
                "expected a string, got 1",
            ),
            (
                json!({"unit": {"size": 0}}),
                "s.unit.size",
                "out of range: expected an integer from 1 to 9223372036854775807, got 0",
            ),
            (
                json!({"unit": {"size": "2"}}),
                "s.unit.size",
                "expected an integer, got \"2\"",
            ),
            (json!({"unit": 2}), "s.unit", "expected an object, got 2"),
            (
                json!({"cloud": {"networking": {"default_route": 1}}}),
                "s.cloud.networking.default_route",
                "expected a string, got 1",
            ),
            (
                json!({"metadata": {"rolling_strategy": "x"}}),
                "s.metadata.rolling_strategy",
                "expected an object, got \"x\"",
            ),
        ];
        for (svc, path, msg) in cases {
            let e = ServiceSpec::read(&svc, "s").unwrap_err();
            assert_eq!((e.path.as_str(), e.message.as_str()), (path, msg), "{svc}");
        }
    }

    #[test]
    fn nulls_and_bad_surge_values_are_not_type_errors() {
        let svc = json!({"metadata": {"name": null, "rolling_strategy": {"max_surge": "lots"}}});
        let s = ServiceSpec::read(&svc, "s").unwrap();
        assert_eq!(s.name, None);
        assert_eq!(s.rolling.unwrap().max_surge, Some(&json!("lots")));
    }
}
