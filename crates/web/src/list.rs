//! Immutable updates for the editors: each editor emits a whole new object.

use yew::Callback;

/// A callback that takes a new value `V`, sets it on a copy of `obj` with `set`, and emits the
/// copy through `on_change`: the one shape of every field of every editor.
pub fn setter<T: Clone + 'static, V: 'static>(
    obj: &T,
    on_change: &Callback<T>,
    set: fn(&mut T, V),
) -> Callback<V> {
    let (obj, on_change) = (obj.clone(), on_change.clone());
    Callback::from(move |v: V| {
        let mut next = obj.clone();
        set(&mut next, v);
        on_change.emit(next)
    })
}

pub fn replaced<T: Clone>(items: &[T], i: usize, item: T) -> Vec<T> {
    let mut v = items.to_vec();
    if let Some(slot) = v.get_mut(i) {
        *slot = item;
    }
    v
}

pub fn removed<T: Clone>(items: &[T], i: usize) -> Vec<T> {
    let mut v = items.to_vec();
    if i < v.len() {
        v.remove(i);
    }
    v
}

/// The list with a copy of item `i` right after it.
pub fn duplicated<T: Clone>(items: &[T], i: usize) -> Vec<T> {
    let mut v = items.to_vec();
    if let Some(item) = v.get(i).cloned() {
        v.insert(i + 1, item);
    }
    v
}

pub fn appended<T: Clone>(items: &[T], item: T) -> Vec<T> {
    let mut v = items.to_vec();
    v.push(item);
    v
}

/// A copy's ID: `vsw-a` → `vsw-a-copy`, so duplicates do not collide (PLAN002).
pub fn copy_id(id: &str) -> String {
    format!("{id}-copy")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_updates() {
        let v = [1, 2, 3];
        assert_eq!(replaced(&v, 1, 9), [1, 9, 3]);
        assert_eq!(replaced(&v, 7, 9), [1, 2, 3]);
        assert_eq!(removed(&v, 0), [2, 3]);
        assert_eq!(duplicated(&v, 2), [1, 2, 3, 3]);
        assert_eq!(appended(&v, 4), [1, 2, 3, 4]);
    }
}
