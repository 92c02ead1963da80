//! Editing the fields of a service JSON that the page's service form shows.
//!
//! An edit re-writes that one service JSON as two-space pretty JSON: the page changes the
//! service, so it cannot stay byte for byte; other services and unknown keys are untouched.

use serde_json::{Map, Value};

use super::{Networking, ServiceJson};

/// A field of the service form, as its key path in the service JSON.
pub const NAME: &[&str] = &["metadata", "name"];
pub const INSTANCE: &[&str] = &["metadata", "instance"];
pub const RESOURCE: &[&str] = &["metadata", "resource"];
pub const MAX_SURGE: &[&str] = &["metadata", "rolling_strategy", "max_surge"];
pub const MAX_UNAVAILABLE: &[&str] = &["metadata", "rolling_strategy", "max_unavailable"];
pub const AUTOSCALER_MIN: &[&str] = &["autoscaler", "min"];
pub const AUTOSCALER_MAX: &[&str] = &["autoscaler", "max"];
pub const UNIT_SIZE: &[&str] = &["unit", "size"];
pub const VPC_ID: &[&str] = &["cloud", "networking", "vpc_id"];
pub const VSWITCH_ID: &[&str] = &["cloud", "networking", "vswitch_id"];
pub const SECURITY_GROUP_ID: &[&str] = &["cloud", "networking", "security_group_id"];
pub const DEFAULT_ROUTE: &[&str] = &["cloud", "networking", "default_route"];
pub const DESTINATION_CIDRS: &[&str] = &["cloud", "networking", "destination_cidrs"];

/// Sets (`Some`) or removes (`None`) one of the three IDs of `cloud.networking` ([`VPC_ID`],
/// [`VSWITCH_ID`], [`SECURITY_GROUP_ID`]) by splicing the text: unlike [`set`], every byte
/// outside `cloud.networking` stays as the user wrote it, so picking networking in the page
/// and exporting gives back the user's own file plus the IDs.
///
/// # Examples
/// ```
/// use easnet_core::plan::{service_edit, ServiceJson};
/// let svc = ServiceJson::from_text("{\n  \"metadata\": {\"name\": \"a\", \"ratio\": 1e3}\n}").unwrap();
/// let svc = service_edit::set_networking_id(&svc, service_edit::VSWITCH_ID, Some("vsw-a".into()));
/// assert!(svc.text().starts_with("{\n  \"metadata\": {\"name\": \"a\", \"ratio\": 1e3},"));
/// assert_eq!(service_edit::get(&svc, service_edit::VSWITCH_ID), Some("vsw-a".into()));
/// // Any other path is left to `set`.
/// let same = service_edit::set_networking_id(&svc, service_edit::NAME, Some("x".into()));
/// assert_eq!(same, svc);
/// ```
pub fn set_networking_id(
    service: &ServiceJson,
    path: &[&str],
    value: Option<String>,
) -> ServiceJson {
    let value = value.filter(|v| !v.is_empty());
    // Each ID read on its own, not through `ServiceSpec`: a service whose other fields do not
    // read (an `instance` of "2") must keep the IDs it has when one of them is picked.
    let id = |path: &[&str]| match get(service, path)? {
        Value::String(s) => Some(s),
        Value::Null => None,
        other => Some(other.to_string()),
    };
    let mut net = Networking {
        vpc_id: id(VPC_ID),
        vswitch_id: id(VSWITCH_ID),
        security_group_id: id(SECURITY_GROUP_ID),
        ..Networking::default()
    };
    match path {
        p if p == VPC_ID => net.vpc_id = value.clone(),
        p if p == VSWITCH_ID => net.vswitch_id = value.clone(),
        p if p == SECURITY_GROUP_ID => net.security_group_id = value.clone(),
        _ => return service.clone(),
    }
    super::service_json::set_networking(service.text(), &net)
        .ok()
        .and_then(|text| ServiceJson::from_text(&text).ok())
        // The splice refuses only text it cannot edit in place (a `cloud` that is not an
        // object): then the field is set the plain way.
        .unwrap_or_else(|| set(service, path, value.map(Value::String)))
}

/// The value at `path`, if there is one.
pub fn get(service: &ServiceJson, path: &[&str]) -> Option<Value> {
    let mut value = service.value().ok()?;
    for key in path {
        value = value.as_object_mut()?.remove(*key)?;
    }
    Some(value)
}

/// Sets (`Some`) or removes (`None`) the value at `path`, creating the objects on the way.
/// A non-object in the way is replaced by an object (the form is the user's intent). Objects
/// left empty by a removal are removed too, so clearing a field leaves no `{}` behind.
///
/// # Examples
/// ```
/// use easnet_core::plan::{service_edit, ServiceJson};
/// let svc = ServiceJson::from_text(r#"{"metadata": {"name": "a", "x": 1}}"#).unwrap();
/// let svc = service_edit::set(&svc, service_edit::INSTANCE, Some(3.into()));
/// assert_eq!(service_edit::get(&svc, service_edit::INSTANCE), Some(3.into()));
/// let svc = service_edit::set(&svc, service_edit::AUTOSCALER_MAX, None);
/// assert!(!svc.text().contains("autoscaler"));
/// assert!(svc.text().find("\"name\"").unwrap() < svc.text().find("\"x\"").unwrap());
/// ```
pub fn set(service: &ServiceJson, path: &[&str], value: Option<Value>) -> ServiceJson {
    let mut root = service
        .value()
        .unwrap_or_else(|_| Value::Object(Map::new()));
    if !root.is_object() {
        root = Value::Object(Map::new());
    }
    set_in(&mut root, path, value);
    let text = serde_json::to_string_pretty(&root).unwrap_or_else(|_| "{}".to_owned());
    ServiceJson::from_text(&text).unwrap_or_else(|_| service.clone())
}

fn set_in(node: &mut Value, path: &[&str], value: Option<Value>) {
    let Some((key, rest)) = path.split_first() else {
        return;
    };
    if !node.is_object() {
        *node = Value::Object(Map::new());
    }
    let Value::Object(map) = node else { return };
    if rest.is_empty() {
        match value {
            Some(v) => {
                map.insert((*key).to_owned(), v);
            }
            None => {
                map.shift_remove(*key);
            }
        }
        return;
    }
    if value.is_none() && !map.contains_key(*key) {
        return;
    }
    let child = map
        .entry((*key).to_owned())
        .or_insert_with(|| Value::Object(Map::new()));
    set_in(child, rest, value);
    if child.as_object().is_some_and(Map::is_empty) {
        map.shift_remove(*key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn svc(v: Value) -> ServiceJson {
        ServiceJson::from_value(&v)
    }

    #[test]
    fn sets_nested_fields_and_keeps_others_in_order() {
        let s = svc(json!({"z": 1, "metadata": {"name": "a"}, "containers": [{"image": "x"}]}));
        let s = set(&s, VSWITCH_ID, Some(json!("vsw-a")));
        let s = set(&s, MAX_SURGE, Some(json!("20%")));
        let v = s.value().unwrap();
        assert_eq!(v["cloud"]["networking"]["vswitch_id"], "vsw-a");
        assert_eq!(v["metadata"]["rolling_strategy"]["max_surge"], "20%");
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["z", "metadata", "containers", "cloud"]);
    }

    #[test]
    fn removing_prunes_empty_objects_only() {
        let s = svc(json!({"metadata": {"name": "a"}, "autoscaler": {"max": 3}}));
        let s = set(&s, AUTOSCALER_MAX, None);
        assert_eq!(s.value().unwrap(), json!({"metadata": {"name": "a"}}));
        let s = set(&s, VPC_ID, None);
        assert_eq!(s.value().unwrap(), json!({"metadata": {"name": "a"}}));
    }

    #[test]
    fn picking_one_id_keeps_the_others_when_another_field_does_not_read() {
        // `instance` as a string: the service's spec does not read, its IDs still do.
        let s = svc(json!({"metadata": {"name": "a", "instance": "2"},
            "cloud": {"networking": {"vpc_id": "vpc-a", "security_group_id": "sg-a"}}}));
        let s = set_networking_id(&s, VSWITCH_ID, Some("vsw-a".into()));
        assert_eq!(
            s.value().unwrap()["cloud"]["networking"],
            json!({"vpc_id": "vpc-a", "security_group_id": "sg-a", "vswitch_id": "vsw-a"})
        );
    }

    #[test]
    fn replaces_non_objects_in_the_way() {
        let s = svc(json!({"metadata": 5}));
        let s = set(&s, NAME, Some(json!("b")));
        assert_eq!(get(&s, NAME), Some(json!("b")));
    }
}
