//! Immutable updates for the editors: each editor emits a whole new object.

use rustc_hash::FxHashSet as HashSet;

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

/// Positions kept for items of a list (which boxes the user opened) after item `i` was
/// removed: the ones after it move up one, its own goes.
pub fn positions_after_removal(positions: &HashSet<usize>, i: usize) -> HashSet<usize> {
    (positions.iter())
        .filter(|&&p| p != i)
        .map(|&p| if p > i { p - 1 } else { p })
        .collect()
}

/// Positions kept for items of a list after a copy of item `i` was put right after it: the
/// ones after it move down one, and the copy takes the original's.
pub fn positions_after_duplicate(positions: &HashSet<usize>, i: usize) -> HashSet<usize> {
    let mut next: HashSet<usize> = (positions.iter())
        .map(|&p| if p > i { p + 1 } else { p })
        .collect();
    if positions.contains(&i) {
        next.insert(i + 1);
    }
    next
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

    #[test]
    fn open_boxes_follow_their_items() {
        let open = HashSet::from_iter([0, 2, 3]);
        assert_eq!(
            positions_after_removal(&open, 2),
            HashSet::from_iter([0, 2])
        );
        assert_eq!(
            positions_after_removal(&open, 1),
            HashSet::from_iter([0, 1, 2])
        );
        assert_eq!(
            positions_after_duplicate(&open, 2),
            HashSet::from_iter([0, 2, 3, 4])
        );
        assert_eq!(
            positions_after_duplicate(&open, 1),
            HashSet::from_iter([0, 3, 4])
        );
    }
}
