//! Where a JSON path (`vpcs[0].nat_gateways[0].snat_entries`, a finding's `at`) is in the
//! plan's own text, so that reports can point at the line: a code-scanning UI annotates the
//! object a finding is about, not the top of the file.

use super::json_syntax::{place_of, Place};
use super::service_json::scan::{element_at, object_at, skip_ws};

/// The place of the value at `path` in the JSON `text`: for a member, its key (the line that
/// reads `"cidr": …`); for a list element, its first character; `""` is the document. `None`
/// when the text is not JSON or has nothing at that path.
///
/// # Examples
/// ```
/// use easnet_core::plan::locate::locate;
/// let text = "{\n  \"vpcs\": [\n    {\"id\": \"vpc-a\", \"cidrs\": []}\n  ]\n}";
/// let at = locate(text, "vpcs[0].cidrs").unwrap();
/// assert_eq!((at.line, at.column), (3, 21));
/// assert_eq!(locate(text, "vpcs[0]").unwrap().line, 3);
/// assert_eq!(locate(text, "vpcs[1]"), None);
/// ```
pub fn locate(text: &str, path: &str) -> Option<Place> {
    let b = text.as_bytes();
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut value = skip_ws(b, bom);
    let mut shown = value;
    if path.is_empty() {
        return Some(place_of(text, shown));
    }
    for part in path.split('.') {
        let (key, indexes) = part.split_at(part.find('[').unwrap_or(part.len()));
        if !key.is_empty() {
            // JSON parsers keep the last of duplicate keys: so does the place.
            let object = object_at(text, value)?;
            let member = object.last(key)?;
            shown = member.key_span.start;
            value = member.value.start;
        }
        for index in indexes.split('[').skip(1) {
            let i: usize = index.strip_suffix(']')?.parse().ok()?;
            value = element_at(b, value, i)?;
            shown = value;
        }
    }
    Some(place_of(text, shown))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_into_objects_and_lists() {
        let text = "\u{feff}{\"a\": {\"b\": [[1, 2], {\"c\": 3}]}, \"a\": {\"b\": [0]}}";
        // The last `a` is the one that counts.
        assert_eq!(locate(text, "a.b[0]").map(|p| p.column), Some(46));
        assert_eq!(locate(text, "a.b[1]"), None);
        assert_eq!(locate(text, "").map(|p| p.column), Some(1));
        assert_eq!(locate(text, "zz"), None);
        assert_eq!(locate(text, "a[0]"), None);
        assert_eq!(locate("not json", "a"), None);
    }
}
