//! Where a JSON path (`vpcs[0].nat_gateways[0].snat_entries`, a finding's `at`) is in the
//! plan's own text, so that reports can point at the line: a code-scanning UI annotates the
//! object a finding is about, not the top of the file.

use std::cell::RefCell;
use std::rc::Rc;

use rustc_hash::FxHashMap as HashMap;

use super::json_syntax::{place_of, Lines, Place};
use super::service_json::scan::{element_at, object_at, skip_ws, value_end, Object};

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

/// The places of many paths in one `text` (a report's findings): each container on the way is
/// read once and the lines are counted in one pass, so a report of n findings on a plan of m
/// bytes costs about n + m, where n calls of [`locate`] would cost n × m. The same places as
/// [`locate`], in the order of `paths`.
///
/// # Examples
/// ```
/// use easnet_core::plan::locate::{locate, locate_all};
/// let text = "{\n  \"vpcs\": [\n    {\"id\": \"vpc-a\", \"cidrs\": []}\n  ]\n}";
/// let paths = ["vpcs[0].cidrs", "vpcs[1]", "vpcs"];
/// let want: Vec<_> = paths.iter().map(|p| locate(text, p)).collect();
/// assert_eq!(locate_all(text, &paths), want);
/// ```
pub fn locate_all(text: &str, paths: &[&str]) -> Vec<Option<Place>> {
    let walk = Walk {
        text,
        objects: RefCell::default(),
        arrays: RefCell::default(),
    };
    let offsets: Vec<Option<usize>> = paths.iter().map(|p| walk.offset(p)).collect();
    let mut order: Vec<usize> = (0..paths.len()).filter(|&i| offsets[i].is_some()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut places = vec![None; paths.len()];
    let mut lines = Lines::new(text);
    for i in order {
        places[i] = offsets[i].map(|offset| lines.place(offset));
    }
    places
}

/// The containers of one text read so far, by the offset of their first byte.
struct Walk<'a> {
    text: &'a str,
    objects: RefCell<HashMap<usize, Option<Rc<Object>>>>,
    arrays: RefCell<HashMap<usize, Option<Rc<Vec<usize>>>>>,
}

impl Walk<'_> {
    /// The offset [`locate`] shows for `path`.
    fn offset(&self, path: &str) -> Option<usize> {
        let b = self.text.as_bytes();
        let bom = if self.text.starts_with('\u{feff}') {
            3
        } else {
            0
        };
        let mut value = skip_ws(b, bom);
        let mut shown = value;
        if path.is_empty() {
            return Some(shown);
        }
        for part in path.split('.') {
            let (key, indexes) = part.split_at(part.find('[').unwrap_or(part.len()));
            if !key.is_empty() {
                let object = self.object(value)?;
                let member = object.last(key)?;
                shown = member.key_span.start;
                value = member.value.start;
            }
            for index in indexes.split('[').skip(1) {
                let i: usize = index.strip_suffix(']')?.parse().ok()?;
                value = *self.elements(value)?.get(i)?;
                shown = value;
            }
        }
        Some(shown)
    }

    fn object(&self, at: usize) -> Option<Rc<Object>> {
        let mut objects = self.objects.borrow_mut();
        (objects.entry(at))
            .or_insert_with(|| object_at(self.text, at).map(Rc::new))
            .clone()
    }

    /// Where each element of the list at `at` begins.
    fn elements(&self, at: usize) -> Option<Rc<Vec<usize>>> {
        let mut arrays = self.arrays.borrow_mut();
        (arrays.entry(at))
            .or_insert_with(|| list_elements(self.text.as_bytes(), at).map(Rc::new))
            .clone()
    }
}

/// The start of each element of the list whose `[` is at `start` (as [`element_at`] finds
/// them, in one pass).
fn list_elements(b: &[u8], start: usize) -> Option<Vec<usize>> {
    if b.get(start) != Some(&b'[') {
        return None;
    }
    let mut starts = Vec::new();
    let mut i = skip_ws(b, start + 1);
    if b.get(i) == Some(&b']') {
        return Some(starts);
    }
    loop {
        starts.push(i);
        let Some(end) = value_end(b, i) else {
            return Some(starts);
        };
        let next = skip_ws(b, end);
        if b.get(next) != Some(&b',') {
            return Some(starts);
        }
        i = skip_ws(b, next + 1);
    }
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

    /// Many paths at once find what each finds alone, on documents with duplicate keys,
    /// nested lists, CRLF line ends, a byte-order mark, and paths that lead nowhere.
    #[test]
    fn all_at_once_is_each_alone() {
        use proptest::prelude::*;
        let value = prop::collection::vec(0u8..6, 1..40);
        let config = ProptestConfig::with_cases(300);
        proptest!(config, |(shape in value, crlf in any::<bool>(), bom in any::<bool>(), cut in 0usize..200)| {
            let text = document(&shape, crlf, bom);
            // Cut off (a file half written) for some cases, at a character's boundary.
            let end = if cut < 20 { text.len() * cut / 20 } else { text.len() };
            let end = (0..=end).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            let text = &text[..end];
            let paths = ["", "a", "a[0]", "a[1]", "a[2].b", "a[2].b[1]", "a[3]", "b", "b.c", "b.c[0].d", "a[0].x", "zz", "a[9]"];
            let want: Vec<_> = paths.iter().map(|p| locate(text, p)).collect();
            prop_assert_eq!(locate_all(text, &paths), want);
        });
    }

    /// A document built from `shape`: nested objects and lists under keys `a`, `b`, `c`, `d`,
    /// one of them written twice, over several lines.
    fn document(shape: &[u8], crlf: bool, bom: bool) -> String {
        let nl = if crlf { "\r\n" } else { "\n" };
        let mut items = Vec::new();
        for (i, s) in shape.iter().enumerate() {
            items.push(match s {
                0 => format!("{i}"),
                1 => format!("\"ключ {i}\""),
                2 => format!("{{\"b\": [1,{nl} {i}]}}"),
                3 => format!("[{nl}[], {{}}]"),
                4 => format!("{{\"d\": {i}, \"d\": [{i}]}}"),
                _ => "null".to_owned(),
            });
        }
        let list = items.join(&format!(",{nl}  "));
        let bom = if bom { "\u{feff}" } else { "" };
        format!("{bom}{{{nl}  \"a\": [{list}],{nl}  \"b\": {{\"c\": [{{\"d\": 1}}]}},{nl}  \"a\": [{list}]{nl}}}")
    }
}
