//! Which CIDRs overlap, and whether a list of CIDRs covers another.
//!
//! Two CIDRs overlap exactly when one contains the other: aligned blocks never partly
//! overlap. That makes the blocks, sorted by address, a forest, which a single sweep with a
//! stack can walk instead of comparing every pair. IPv4 and IPv6 blocks never overlap.

use std::net::IpAddr;

use ipnet::IpNet;

use super::parse::same_family;

/// Whether `outer` contains all of `inner` (same family, `inner`'s network inside `outer`, and
/// `inner`'s prefix at least as long). Host bits of either are ignored. A block contains itself.
///
/// # Examples
///
/// ```
/// use easnet_core::addr::contains_net;
/// use ipnet::IpNet;
///
/// let vpc: IpNet = "10.0.0.0/16".parse().unwrap();
/// assert!(contains_net(&vpc, &"10.0.1.0/24".parse().unwrap()));
/// assert!(contains_net(&vpc, &vpc));
/// assert!(!contains_net(&"10.0.1.0/24".parse().unwrap(), &vpc));
/// // Mixed families never contain each other, even ::ffff:10.0.0.0/104.
/// assert!(!contains_net(&"::/0".parse().unwrap(), &vpc));
/// ```
pub fn contains_net(outer: &IpNet, inner: &IpNet) -> bool {
    // ipnet compares network and broadcast addresses, which ignores host bits and, for
    // blocks of one family, is the same as "inner's network inside and prefix not shorter".
    outer.contains(inner)
}

/// Whether two CIDRs share at least one address.
///
/// # Examples
///
/// ```
/// use easnet_core::addr::overlaps;
/// use ipnet::IpNet;
///
/// let a: IpNet = "10.0.0.0/16".parse().unwrap();
/// assert!(overlaps(&a, &"10.0.200.0/24".parse().unwrap()));
/// assert!(overlaps(&"10.0.200.0/24".parse().unwrap(), &a));
/// assert!(!overlaps(&a, &"10.1.0.0/16".parse().unwrap()));
/// assert!(!overlaps(&"0.0.0.0/0".parse().unwrap(), &"::/0".parse().unwrap()));
/// ```
pub fn overlaps(a: &IpNet, b: &IpNet) -> bool {
    contains_net(a, b) || contains_net(b, a)
}

/// Every pair of indexes `(i, j)`, `i < j`, whose CIDRs overlap, sorted.
///
/// Runs in O(n log n + k) for n CIDRs and k pairs: one sort by address, one sweep that keeps
/// the chain of blocks still open (each containing the next), and a linear-time sort of the
/// pairs. Duplicates overlap each other; host bits are ignored.
///
/// # Examples
///
/// ```
/// use easnet_core::addr::overlapping_pairs;
/// use ipnet::IpNet;
///
/// let nets: Vec<IpNet> = ["10.0.1.0/24", "10.0.0.0/16", "10.1.0.0/16", "10.0.1.128/25"]
///     .iter()
///     .map(|s| s.parse().unwrap())
///     .collect();
/// assert_eq!(overlapping_pairs(&nets), vec![(0, 1), (0, 3), (1, 3)]);
///
/// // Nothing to pair: empty input, a single block, or different families.
/// assert!(overlapping_pairs(&[]).is_empty());
/// let mixed: Vec<IpNet> = vec!["0.0.0.0/0".parse().unwrap(), "::/0".parse().unwrap()];
/// assert!(overlapping_pairs(&mixed).is_empty());
/// ```
pub fn overlapping_pairs(nets: &[IpNet]) -> Vec<(usize, usize)> {
    let order = by_address(nets);

    // The open chain: each entry contains the one above it. A block that does not contain the
    // current one ends before it (blocks are nested or disjoint, and the current one starts
    // at or after it), so it can contain nothing later either and is dropped for good.
    let mut open: Vec<usize> = Vec::new();
    let mut pairs = Vec::new();
    for &(_, _, i) in &order {
        while let Some(&top) = open.last() {
            if contains_net(&nets[top], &nets[i]) {
                break;
            }
            open.pop();
        }
        pairs.extend(open.iter().map(|&o| (o.min(i), o.max(i))));
        open.push(i);
    }
    sort_pairs(pairs, nets.len())
}

/// What one block overlaps: how many of the others, and the lowest of their indexes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overlaps {
    /// How many other blocks of the list share an address with this one.
    pub count: usize,
    /// The lowest indexes among them, ascending: at most the `limit` asked for.
    pub first: Vec<usize>,
}

/// For every block of `nets`, in order: how many other blocks it overlaps, and the lowest
/// `limit` of their indexes. A report of one line per block, whatever the number of pairs
/// (rules.md, "Settled readings": findings grow with the plan, not with its square).
///
/// Runs in O(n log n + n × limit), with no pair listed: 10,000 copies of one block make
/// 49,995,000 pairs but 10,000 answers. The sweep of [`overlapping_pairs`] gives each block
/// its containers (the open chain when it is reached) and its contents (the blocks after it
/// in address order, up to the first one it does not contain); each chain level carries the
/// lowest indexes of the chain so far, and each block hands its own up to its container.
///
/// # Examples
///
/// ```
/// use easnet_core::addr::{overlaps_of_each, Overlaps};
/// use ipnet::IpNet;
///
/// let nets: Vec<IpNet> = ["10.0.1.0/24", "10.0.0.0/16", "10.1.0.0/16", "10.0.1.128/25"]
///     .iter()
///     .map(|s| s.parse().unwrap())
///     .collect();
/// let each = overlaps_of_each(&nets, 1);
/// assert_eq!(each[0], Overlaps { count: 2, first: vec![1] });
/// assert_eq!(each[1], Overlaps { count: 2, first: vec![0] });
/// assert_eq!(each[2], Overlaps::default()); // overlaps nothing
/// assert_eq!(each[3], Overlaps { count: 2, first: vec![0] });
///
/// // 1,000 copies of one block: each overlaps the 999 others, and names the lowest.
/// let same: Vec<IpNet> = vec!["10.0.0.0/24".parse().unwrap(); 1000];
/// let each = overlaps_of_each(&same, 3);
/// assert_eq!(each[0], Overlaps { count: 999, first: vec![1, 2, 3] });
/// assert_eq!(each[999], Overlaps { count: 999, first: vec![0, 1, 2] });
/// ```
pub fn overlaps_of_each(nets: &[IpNet], limit: usize) -> Vec<Overlaps> {
    let order = by_address(nets);
    let n = order.len();
    // By position in `order`: how many blocks contain it, where its contents end, its
    // container, and the lowest indexes of its containers.
    let mut depth = vec![0usize; n];
    let mut end = vec![n; n];
    let mut parent: Vec<Option<usize>> = vec![None; n];
    let mut above: Vec<Vec<usize>> = vec![Vec::new(); n];
    // The open chain: (position, the lowest indexes of the chain up to and with it).
    let mut open: Vec<(usize, Vec<usize>)> = Vec::new();
    for (p, &(_, _, i)) in order.iter().enumerate() {
        while let Some((top, _)) = open.last() {
            if contains_net(&nets[order[*top].2], &nets[i]) {
                break;
            }
            end[*top] = p;
            open.pop();
        }
        depth[p] = open.len();
        if let Some((top, chain)) = open.last() {
            parent[p] = Some(*top);
            above[p] = chain.clone();
        }
        let with_self = lowest(&above[p], &[i], limit);
        open.push((p, with_self));
    }
    // Contents: each block hands itself and its own contents to its container; containers
    // come first in `order`, so walking backwards finishes every block before its container.
    let mut below: Vec<Vec<usize>> = vec![Vec::new(); n];
    for p in (0..n).rev() {
        if let Some(q) = parent[p] {
            let mine = lowest(&below[p], &[order[p].2], limit);
            below[q] = lowest(&below[q], &mine, limit);
        }
    }
    let mut out = vec![Overlaps::default(); n];
    for p in 0..n {
        out[order[p].2] = Overlaps {
            count: depth[p] + (end[p] - p - 1),
            first: lowest(&above[p], &below[p], limit),
        };
    }
    out
}

/// The lowest `limit` values of two ascending lists of distinct values, ascending.
fn lowest(a: &[usize], b: &[usize], limit: usize) -> Vec<usize> {
    let mut out = Vec::with_capacity(limit.min(a.len() + b.len()));
    let (mut x, mut y) = (a.iter().peekable(), b.iter().peekable());
    while out.len() < limit {
        let next = match (x.peek(), y.peek()) {
            (Some(&&u), Some(&&v)) if u <= v => x.next(),
            (Some(_), Some(_)) => y.next(),
            (Some(_), None) => x.next(),
            (None, _) => y.next(),
        };
        match next {
            Some(&v) => out.push(v),
            None => break,
        }
    }
    out
}

/// Sorts index pairs below `n` in O(n + k): a stable counting sort by the second index, then
/// by the first (a two-digit radix sort), so the pair count, not its log, bounds the work.
fn sort_pairs(pairs: Vec<(usize, usize)>, n: usize) -> Vec<(usize, usize)> {
    let by_second = counting_sort(pairs, n, |p| p.1);
    counting_sort(by_second, n, |p| p.0)
}

fn counting_sort(
    items: Vec<(usize, usize)>,
    n: usize,
    key: impl Fn(&(usize, usize)) -> usize,
) -> Vec<(usize, usize)> {
    // next[k] is where the next item with key k goes.
    let mut next = vec![0usize; n + 1];
    for item in &items {
        next[key(item) + 1] += 1;
    }
    let mut running = 0;
    for slot in next.iter_mut() {
        running += *slot;
        *slot = running;
    }
    let mut out = vec![(0, 0); items.len()];
    for item in items {
        let slot = &mut next[key(&item)];
        out[*slot] = item;
        *slot += 1;
    }
    out
}

/// Whether the union of `entries` covers every address of `target`.
///
/// Entries may have host bits set (whitelists accept `10.23.12.24/24`): each is truncated to
/// its block first. Entries of the other family cover nothing. An empty list covers nothing.
///
/// # Examples
///
/// ```
/// use easnet_core::addr::covers_union;
/// use ipnet::IpNet;
///
/// let nets = |v: &[&str]| v.iter().map(|s| s.parse().unwrap()).collect::<Vec<IpNet>>();
/// let vsw: IpNet = "10.0.1.0/24".parse().unwrap();
///
/// // Two halves cover the whole, even written with host bits.
/// assert!(covers_union(&nets(&["10.0.1.7/25", "10.0.1.128/25"]), &vsw));
/// assert!(covers_union(&nets(&["10.0.0.0/8"]), &vsw));
/// // A hole in the middle, or an empty allow-list, does not.
/// assert!(!covers_union(&nets(&["10.0.1.0/25", "10.0.1.192/26"]), &vsw));
/// assert!(!covers_union(&[], &vsw));
/// ```
pub fn covers_union(entries: &[IpNet], target: &IpNet) -> bool {
    let blocks: Vec<IpNet> = entries
        .iter()
        .filter(|e| same_family(e, target))
        .map(IpNet::trunc)
        .collect();
    // `aggregate` merges the union into maximal runs and writes each run as its maximal
    // aligned blocks. An aligned block inside the union lies in one run, and inside a run in
    // one of those maximal blocks, so one containment test per aggregated block decides.
    IpNet::aggregate(&blocks)
        .iter()
        .any(|block| contains_net(block, target))
}

/// The blocks' indexes in address order, with their sort keys: `IpAddr` orders IPv4 before
/// IPv6, and at one address the shorter prefix (the container) comes first, so every block is
/// visited after all blocks that contain it. The keys are built once, not on every comparison.
fn by_address(nets: &[IpNet]) -> Vec<(IpAddr, u8, usize)> {
    let mut order: Vec<(IpAddr, u8, usize)> = (nets.iter().enumerate())
        .map(|(i, net)| (net.network(), net.prefix_len(), i))
        .collect();
    order.sort_unstable();
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nets(v: &[&str]) -> Vec<IpNet> {
        v.iter().map(|s| s.parse().unwrap()).collect()
    }

    fn brute_pairs(nets: &[IpNet]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for i in 0..nets.len() {
            for j in i + 1..nets.len() {
                if overlaps(&nets[i], &nets[j]) {
                    out.push((i, j));
                }
            }
        }
        out
    }

    #[test]
    fn containment() {
        // (outer, inner, contains)
        let table = [
            ("10.0.0.0/16", "10.0.0.0/16", true),
            ("10.0.0.0/16", "10.0.255.0/24", true),
            ("10.0.0.0/16", "10.0.255.248/29", true),
            ("10.0.0.0/16", "10.0.255.255/32", true),
            ("10.0.0.0/16", "10.1.0.0/24", false),
            ("10.0.1.0/24", "10.0.0.0/16", false),
            ("10.0.1.4/30", "10.0.1.6/31", true),
            ("10.0.1.6/31", "10.0.1.4/30", false),
            ("10.0.1.7/32", "10.0.1.7/32", true),
            ("10.0.1.6/32", "10.0.1.7/32", false),
            ("0.0.0.0/0", "255.255.255.255/32", true),
            ("0.0.0.0/0", "::/0", false),
            ("::/0", "0.0.0.0/0", false),
            ("::/0", "fd00::/64", true),
            ("fd00::/64", "fd00::ffff:0:0:0/80", true),
            ("fd00::/64", "fd00:0:0:1::/64", false),
            ("10.0.1.77/24", "10.0.1.200/25", true),
        ];
        for (outer, inner, want) in table {
            let v = nets(&[outer, inner]);
            assert_eq!(contains_net(&v[0], &v[1]), want, "{outer} ⊇ {inner}");
        }
    }

    #[test]
    fn pairs_table() {
        // (nets, overlapping pairs)
        type Case = (&'static [&'static str], &'static [(usize, usize)]);
        let table: [Case; 7] = [
            (&[], &[]),
            (&["10.0.0.0/16"], &[]),
            (&["10.0.0.0/16", "10.0.0.0/16"], &[(0, 1)]),
            (&["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"], &[]),
            (
                // a chain: /0 ⊇ /8 ⊇ /16 ⊇ /32, listed backwards
                &["10.0.0.1/32", "10.0.0.0/16", "10.0.0.0/8", "0.0.0.0/0"],
                &[(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)],
            ),
            (
                // a closed block must not hide a later container's child
                &[
                    "10.0.0.0/8",
                    "10.0.0.0/24",
                    "10.0.1.0/24",
                    "10.0.1.5/32",
                    "11.0.0.0/8",
                ],
                &[(0, 1), (0, 2), (0, 3), (2, 3)],
            ),
            (
                &["fd00::/64", "10.0.0.0/8", "fd00::/48", "::/0", "0.0.0.0/0"],
                &[(0, 2), (0, 3), (1, 4), (2, 3)],
            ),
        ];
        for (input, want) in table {
            let v = nets(input);
            assert_eq!(overlapping_pairs(&v), want.to_vec(), "{input:?}");
            assert_eq!(brute_pairs(&v), want.to_vec(), "{input:?}");
        }
    }

    #[test]
    fn pairs_sorted_with_many_duplicates() {
        let v = nets(&["10.0.0.0/24"; 6]);
        let got = overlapping_pairs(&v);
        assert_eq!(got.len(), 15);
        assert_eq!(got, brute_pairs(&v));
    }

    /// What each block overlaps, by comparing every pair.
    fn brute_each(nets: &[IpNet], limit: usize) -> Vec<Overlaps> {
        (0..nets.len())
            .map(|i| {
                let others: Vec<usize> = (0..nets.len())
                    .filter(|&j| j != i && overlaps(&nets[i], &nets[j]))
                    .collect();
                Overlaps {
                    count: others.len(),
                    first: others.into_iter().take(limit).collect(),
                }
            })
            .collect()
    }

    #[test]
    fn each_block_against_every_pair() {
        let cases: [&[&str]; 6] = [
            &[],
            &["10.0.0.0/16"],
            &["10.0.0.1/32", "10.0.0.0/16", "10.0.0.0/8", "0.0.0.0/0"],
            &[
                "10.0.0.0/8",
                "10.0.0.0/24",
                "10.0.1.0/24",
                "10.0.1.5/32",
                "11.0.0.0/8",
            ],
            &["fd00::/64", "10.0.0.0/8", "fd00::/48", "::/0", "0.0.0.0/0"],
            &[
                "10.0.1.0/24",
                "10.0.0.0/16",
                "10.0.1.0/24",
                "10.0.1.128/25",
                "10.0.1.0/24",
                "10.0.0.0/16",
                "10.0.2.0/24",
                "10.0.1.64/26",
            ],
        ];
        for input in cases {
            let v = nets(input);
            for limit in [0, 1, 2, 5, 10] {
                assert_eq!(
                    overlaps_of_each(&v, limit),
                    brute_each(&v, limit),
                    "{input:?} limit {limit}"
                );
            }
        }
    }

    #[test]
    fn each_block_of_many_copies() {
        let v = nets(&["10.0.0.0/24"; 7]);
        assert_eq!(overlaps_of_each(&v, 5), brute_each(&v, 5));
    }

    #[test]
    fn union_cover() {
        // (entries, target, covered)
        let table: [(&[&str], &str, bool); 11] = [
            (&[], "10.0.1.0/24", false),
            (&["10.0.1.0/24"], "10.0.1.0/24", true),
            (&["10.0.1.0/25"], "10.0.1.0/24", false),
            (
                &["10.0.1.0/25", "10.0.1.128/26", "10.0.1.192/26"],
                "10.0.1.0/24",
                true,
            ),
            (&["10.0.1.0/25", "10.0.1.192/26"], "10.0.1.0/24", false),
            (&["10.23.12.24/24"], "10.23.12.0/29", true),
            (&["0.0.0.0/0"], "10.0.1.7/32", true),
            (&["0.0.0.0/1", "128.0.0.0/1"], "0.0.0.0/0", true),
            (&["::/0"], "10.0.1.0/24", false),
            (&["fd00::/65", "fd00::8000:0:0:0/65"], "fd00::/64", true),
            // overlapping entries, one of which reaches past the target
            (
                &["10.0.0.0/23", "10.0.1.0/24", "10.0.2.0/24"],
                "10.0.0.0/22",
                false,
            ),
        ];
        for (entries, target, want) in table {
            let target: IpNet = target.parse().unwrap();
            assert_eq!(
                covers_union(&nets(entries), &target),
                want,
                "{entries:?} ⊇ {target}"
            );
        }
    }
}
