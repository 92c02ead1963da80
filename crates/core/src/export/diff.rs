//! A line diff for the page's "what changes in your service JSON" view.
//!
//! A plain longest-common-subsequence diff rather than the `similar` crate: the texts compared
//! here differ only around `cloud.networking`, so after the common head and tail are trimmed
//! the middle is a handful of lines, and the page's wasm does not pay for a dependency. The
//! quadratic table is bounded: past [`MAX_CELLS`] the middle is shown as removed then added,
//! which is still a correct (if coarse) diff.

use serde::{Deserialize, Serialize};

/// The largest LCS table (middle lines before × after) the diff builds.
const MAX_CELLS: usize = 4_000_000;

/// Whether a line is in both texts, only in the new one, or only in the old one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffKind {
    Same,
    Added,
    Removed,
}

/// One line of a diff, without its line ending (`\r\n` files diff as cleanly as `\n` ones).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffLine {
    pub kind: DiffKind,
    pub text: String,
}

/// The lines of `before` and `after`, each marked same, removed or added, in reading order
/// (within a changed stretch, removed lines come before added ones).
///
/// # Examples
/// ```
/// use easnet_core::export::{diff_lines, DiffKind};
///
/// let d = diff_lines("a\nb\nc", "a\nB\nc");
/// let kinds: Vec<DiffKind> = d.iter().map(|l| l.kind).collect();
/// assert_eq!(kinds, [DiffKind::Same, DiffKind::Removed, DiffKind::Added, DiffKind::Same]);
/// assert_eq!(d[2].text, "B");
///
/// // Identical texts: nothing added or removed; empty texts: no lines at all.
/// assert!(diff_lines("x\r\ny", "x\ny").iter().all(|l| l.kind == DiffKind::Same));
/// assert!(diff_lines("", "").is_empty());
/// ```
pub fn diff_lines(before: &str, after: &str) -> Vec<DiffLine> {
    let old = lines(before);
    let new = lines(after);
    let head = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let tail = (old[head..].iter().rev())
        .zip(new[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (mid_old, mid_new) = (&old[head..old.len() - tail], &new[head..new.len() - tail]);

    let mut out = Vec::with_capacity(old.len() + new.len());
    let line = |kind, text: &str| DiffLine {
        kind,
        text: text.to_owned(),
    };
    out.extend(old[..head].iter().map(|l| line(DiffKind::Same, l)));
    if mid_old.len().saturating_mul(mid_new.len()) > MAX_CELLS {
        out.extend(mid_old.iter().map(|l| line(DiffKind::Removed, l)));
        out.extend(mid_new.iter().map(|l| line(DiffKind::Added, l)));
    } else {
        out.extend(lcs_diff(mid_old, mid_new));
    }
    out.extend(
        old[old.len() - tail..]
            .iter()
            .map(|l| line(DiffKind::Same, l)),
    );
    out
}

/// Lines without their endings; no lines for an empty text.
fn lines(text: &str) -> Vec<&str> {
    if text.is_empty() {
        return Vec::new();
    }
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect()
}

/// The textbook LCS table, walked forwards so removed lines precede added ones.
fn lcs_diff(a: &[&str], b: &[&str]) -> Vec<DiffLine> {
    let w = b.len() + 1;
    // suffix[i * w + j] = LCS length of a[i..] and b[j..].
    let mut suffix = vec![0u32; (a.len() + 1) * w];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            suffix[i * w + j] = if a[i] == b[j] {
                suffix[(i + 1) * w + j + 1] + 1
            } else {
                suffix[(i + 1) * w + j].max(suffix[i * w + j + 1])
            };
        }
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let (kind, text) = if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
            (DiffKind::Same, a[i - 1])
        } else if i < a.len() && (j == b.len() || suffix[(i + 1) * w + j] >= suffix[i * w + j + 1])
        {
            i += 1;
            (DiffKind::Removed, a[i - 1])
        } else {
            j += 1;
            (DiffKind::Added, b[j - 1])
        };
        out.push(DiffLine {
            kind,
            text: text.to_owned(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(d: &[DiffLine]) -> String {
        d.iter()
            .map(|l| {
                let sign = match l.kind {
                    DiffKind::Same => ' ',
                    DiffKind::Added => '+',
                    DiffKind::Removed => '-',
                };
                format!("{sign}{}\n", l.text)
            })
            .collect()
    }

    #[test]
    fn table() {
        let cases = [
            ("", "a", "+a\n"),
            ("a", "", "-a\n"),
            ("a\nb", "a\nb\nc", " a\n b\n+c\n"),
            ("a\nx\ny\nb", "a\nb", " a\n-x\n-y\n b\n"),
            ("a\nb\nc\nd", "a\nc\nb\nd", " a\n-b\n c\n+b\n d\n"),
            ("{\n}", "{\n  \"k\": 1\n}", " {\n+  \"k\": 1\n }\n"),
        ];
        for (a, b, want) in cases {
            assert_eq!(render(&diff_lines(a, b)), want, "{a:?} -> {b:?}");
        }
    }

    #[test]
    fn huge_middles_fall_back_to_replace() {
        let a: String = (0..3000).map(|i| format!("a{i}\n")).collect();
        let b: String = (0..3000).map(|i| format!("b{i}\n")).collect();
        let d = diff_lines(&a, &b);
        assert_eq!(
            d.iter().filter(|l| l.kind == DiffKind::Removed).count(),
            3000
        );
        assert_eq!(d.iter().filter(|l| l.kind == DiffKind::Added).count(), 3000);
    }

    #[test]
    fn old_and_new_are_recovered() {
        let a = "1\n2\n3\n4\n5\n6";
        let b = "0\n2\n3\nx\n5\n6\n7";
        let d = diff_lines(a, b);
        let keep = |k| {
            d.iter()
                .filter(|l| l.kind != k)
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(keep(DiffKind::Added), a);
        assert_eq!(keep(DiffKind::Removed), b);
    }
}
