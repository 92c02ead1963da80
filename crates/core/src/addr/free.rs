//! The address space a VPC has left once its vSwitches are placed.
//!
//! The blocks are turned into inclusive integer ranges, merged, and subtracted in one sweep;
//! the free ranges go back to CIDRs through ipnet's range-to-subnets iterators. Sorting
//! dominates, so 10,000 vSwitches cost O((n + m) log(n + m)) plus the size of the answer.

use std::net::{Ipv4Addr, Ipv6Addr};

use ipnet::{IpNet, IpSubnets, Ipv4Subnets, Ipv6Subnets};

/// An inclusive run of addresses of one family, held as integers so that "the address after"
/// is `+ 1`. Ordered by family (IPv4 first), then address, like `IpAddr`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Span {
    v6: bool,
    start: u128,
    end: u128,
}

impl Span {
    fn of(net: &IpNet) -> Span {
        match net.trunc() {
            IpNet::V4(n) => Span {
                v6: false,
                start: u32::from(n.network()).into(),
                end: u32::from(n.broadcast()).into(),
            },
            IpNet::V6(n) => Span {
                v6: true,
                start: u128::from(n.network()),
                end: u128::from(n.broadcast()),
            },
        }
    }

    /// The fewest CIDRs that make up the span, in address order.
    fn to_nets(self) -> Option<IpSubnets> {
        if self.v6 {
            let (start, end) = (Ipv6Addr::from(self.start), Ipv6Addr::from(self.end));
            Some(Ipv6Subnets::new(start, end, 0).into())
        } else {
            // Spans of IPv4 blocks only ever hold 32-bit values.
            let start = Ipv4Addr::from(u32::try_from(self.start).ok()?);
            let end = Ipv4Addr::from(u32::try_from(self.end).ok()?);
            Some(Ipv4Subnets::new(start, end, 0).into())
        }
    }
}

/// Sorted, disjoint, non-adjacent spans covering exactly the union of `nets`.
fn merged(nets: &[IpNet]) -> Vec<Span> {
    let mut spans: Vec<Span> = nets.iter().map(Span::of).collect();
    spans.sort_unstable();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        if let Some(last) = out.last_mut() {
            // Adjacent runs merge too, so that each run comes out as its fewest CIDRs.
            if last.v6 == span.v6 && span.start <= last.end.saturating_add(1) {
                last.end = last.end.max(span.end);
                continue;
            }
        }
        out.push(span);
    }
    out
}

/// The parts of `space` covered by no block of `used`, as the fewest CIDRs, sorted by address
/// with IPv4 before IPv6.
///
/// `space` may hold several, even overlapping, CIDRs (a VPC's primary and secondaries);
/// `used` blocks may overlap each other or reach outside `space`. Host bits are ignored.
/// Runs in O((n + m) log(n + m)) plus the size of the answer.
///
/// # Examples
///
/// ```
/// use easnet_core::addr::free_blocks;
/// use ipnet::IpNet;
///
/// let nets = |v: &[&str]| v.iter().map(|s| s.parse().unwrap()).collect::<Vec<IpNet>>();
///
/// let free = free_blocks(&nets(&["10.0.0.0/22"]), &nets(&["10.0.1.0/24"]));
/// assert_eq!(free, nets(&["10.0.0.0/24", "10.0.2.0/23"]));
///
/// // Fully used: nothing is free. A used block outside the space changes nothing.
/// assert!(free_blocks(&nets(&["10.0.0.0/24"]), &nets(&["10.0.0.0/16"])).is_empty());
/// assert_eq!(
///     free_blocks(&nets(&["10.0.0.0/24"]), &nets(&["192.168.0.0/16"])),
///     nets(&["10.0.0.0/24"])
/// );
/// ```
pub fn free_blocks(space: &[IpNet], used: &[IpNet]) -> Vec<IpNet> {
    let space = merged(space);
    let used = merged(used);
    let mut free: Vec<Span> = Vec::new();
    // `first` is the first used span that does not end before the current space span. Used
    // spans are disjoint and sorted, so it only moves forward; one may reach across a gap
    // into the next space span, which is why the inner walk does not advance it.
    let mut first = 0;
    for s in &space {
        while used
            .get(first)
            .is_some_and(|u| (u.v6, u.end) < (s.v6, s.start))
        {
            first += 1;
        }
        // The lowest address of `s` not yet known to be used or free; `None` once past its end.
        let mut next = Some(s.start);
        for u in used[first..]
            .iter()
            .take_while(|u| u.v6 == s.v6 && u.start <= s.end)
        {
            let Some(at) = next else { break };
            if u.start > at {
                free.push(Span {
                    v6: s.v6,
                    start: at,
                    end: u.start - 1,
                });
            }
            next = if u.end >= s.end {
                None
            } else {
                Some(u.end + 1)
            };
        }
        if let Some(at) = next {
            free.push(Span {
                v6: s.v6,
                start: at,
                end: s.end,
            });
        }
    }
    free.into_iter()
        .filter_map(Span::to_nets)
        .flatten()
        .collect()
}

/// The lowest-addressed aligned block of exactly `prefix` bits lying wholly in free space
/// (see [`free_blocks`]), or `None` when there is none.
///
/// A family for which `prefix` is too long (33 for IPv4, 129 for IPv6) is skipped; IPv4 space
/// is searched before IPv6, so in a mixed space a /24 comes from IPv4 if it can.
///
/// # Examples
///
/// ```
/// use easnet_core::addr::first_free_block;
/// use ipnet::IpNet;
///
/// let nets = |v: &[&str]| v.iter().map(|s| s.parse().unwrap()).collect::<Vec<IpNet>>();
/// let vpc = nets(&["10.0.0.0/16"]);
/// let used = nets(&["10.0.0.0/24", "10.0.2.0/24"]);
///
/// assert_eq!(first_free_block(&vpc, &used, 24), Some("10.0.1.0/24".parse().unwrap()));
/// // A /23 must be aligned: 10.0.1.0/23 is not a block, so the first is 10.0.4.0/23.
/// assert_eq!(first_free_block(&vpc, &used, 23), Some("10.0.4.0/23".parse().unwrap()));
/// // Too big for the space, or not a prefix length at all.
/// assert_eq!(first_free_block(&vpc, &used, 16), None);
/// assert_eq!(first_free_block(&vpc, &used, 33), None);
/// ```
pub fn first_free_block(space: &[IpNet], used: &[IpNet], prefix: u8) -> Option<IpNet> {
    // Each free block is a maximal aligned block of a maximal free run, so every aligned block
    // in free space lies inside one of them; the first big enough one, in address order,
    // starts with the answer.
    free_blocks(space, used)
        .into_iter()
        .filter(|block| block.prefix_len() <= prefix)
        .find_map(|block| block.subnets(prefix).ok()?.next())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nets(v: &[&str]) -> Vec<IpNet> {
        v.iter().map(|s| s.parse().unwrap()).collect()
    }

    #[test]
    fn free_table() {
        // (space, used, free)
        let table: [(&[&str], &[&str], &[&str]); 14] = [
            (&[], &[], &[]),
            (&[], &["10.0.0.0/8"], &[]),
            (&["10.0.0.0/16"], &[], &["10.0.0.0/16"]),
            (&["10.0.0.0/16"], &["10.0.0.0/16"], &[]),
            (&["10.0.0.0/16"], &["10.0.0.0/17"], &["10.0.128.0/17"]),
            (
                &["10.0.0.0/24"],
                &["10.0.0.8/29"],
                &[
                    "10.0.0.0/29",
                    "10.0.0.16/28",
                    "10.0.0.32/27",
                    "10.0.0.64/26",
                    "10.0.0.128/25",
                ],
            ),
            (
                &["10.0.0.0/29"],
                &["10.0.0.0/31", "10.0.0.6/32"],
                &["10.0.0.2/31", "10.0.0.4/31", "10.0.0.7/32"],
            ),
            (
                // overlapping space blocks, overlapping used blocks, one reaching outside
                &["10.0.0.0/24", "10.0.0.0/25", "10.0.1.0/24"],
                &["10.0.0.0/26", "10.0.0.0/27", "10.0.1.128/25", "10.0.1.0/23"],
                &[],
            ),
            (
                // two space blocks that are adjacent come back merged
                &["10.0.1.0/24", "10.0.0.0/24"],
                &[],
                &["10.0.0.0/23"],
            ),
            (
                // a used block spanning the gap between two space blocks
                &["10.0.0.0/24", "10.0.2.0/24"],
                &["10.0.0.128/25", "10.0.1.0/24", "10.0.2.0/25"],
                &["10.0.0.0/25", "10.0.2.128/25"],
            ),
            (&["0.0.0.0/0"], &["0.0.0.0/1"], &["128.0.0.0/1"]),
            (
                &["0.0.0.0/0"],
                &["255.255.255.255/32"],
                &[
                    "0.0.0.0/1",
                    "128.0.0.0/2",
                    "192.0.0.0/3",
                    "224.0.0.0/4",
                    "240.0.0.0/5",
                    "248.0.0.0/6",
                    "252.0.0.0/7",
                    "254.0.0.0/8",
                    "255.0.0.0/9",
                    "255.128.0.0/10",
                    "255.192.0.0/11",
                    "255.224.0.0/12",
                    "255.240.0.0/13",
                    "255.248.0.0/14",
                    "255.252.0.0/15",
                    "255.254.0.0/16",
                    "255.255.0.0/17",
                    "255.255.128.0/18",
                    "255.255.192.0/19",
                    "255.255.224.0/20",
                    "255.255.240.0/21",
                    "255.255.248.0/22",
                    "255.255.252.0/23",
                    "255.255.254.0/24",
                    "255.255.255.0/25",
                    "255.255.255.128/26",
                    "255.255.255.192/27",
                    "255.255.255.224/28",
                    "255.255.255.240/29",
                    "255.255.255.248/30",
                    "255.255.255.252/31",
                    "255.255.255.254/32",
                ],
            ),
            (
                // families never cancel each other; IPv4 comes first
                &["fd00::/64", "10.0.0.0/24"],
                &["::/0"],
                &["10.0.0.0/24"],
            ),
            (
                &["::/0", "10.0.0.0/24"],
                &["8000::/1", "10.0.0.0/25"],
                &["10.0.0.128/25", "::/1"],
            ),
        ];
        for (space, used, want) in table {
            assert_eq!(
                free_blocks(&nets(space), &nets(used)),
                nets(want),
                "{space:?} - {used:?}"
            );
        }
    }

    #[test]
    fn host_bits_are_ignored() {
        assert_eq!(
            free_blocks(&nets(&["10.0.0.77/24"]), &nets(&["10.0.0.200/25"])),
            nets(&["10.0.0.0/25"])
        );
    }

    #[test]
    fn whole_ipv6_space_does_not_overflow() {
        assert_eq!(free_blocks(&nets(&["::/0"]), &[]), nets(&["::/0"]));
        assert_eq!(
            free_blocks(&nets(&["::/0"]), &nets(&["::/1"])),
            nets(&["8000::/1"])
        );
        assert_eq!(
            free_blocks(
                &nets(&["::/0"]),
                &nets(&["ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"])
            )
            .len(),
            128
        );
        assert!(free_blocks(&nets(&["fd00::/64"]), &nets(&["::/0"])).is_empty());
    }

    #[test]
    fn first_free_table() {
        // (space, used, prefix, answer)
        type Case = (
            &'static [&'static str],
            &'static [&'static str],
            u8,
            Option<&'static str>,
        );
        let table: [Case; 13] = [
            (&[], &[], 24, None),
            (&["10.0.0.0/16"], &[], 16, Some("10.0.0.0/16")),
            (&["10.0.0.0/16"], &[], 15, None),
            (&["10.0.0.0/16"], &[], 29, Some("10.0.0.0/29")),
            (&["10.0.0.0/16"], &["10.0.0.0/29"], 29, Some("10.0.0.8/29")),
            (&["10.0.0.0/16"], &["10.0.0.0/29"], 28, Some("10.0.0.16/28")),
            (&["10.0.0.0/16"], &["10.0.0.0/29"], 32, Some("10.0.0.8/32")),
            (&["10.0.0.0/16"], &["10.0.0.0/29"], 33, None),
            (&["10.0.0.0/16"], &["10.0.128.0/24"], 16, None),
            (
                &["10.0.0.0/16"],
                &["10.0.128.0/24"],
                17,
                Some("10.0.0.0/17"),
            ),
            (&["10.0.0.0/30"], &["10.0.0.1/32"], 31, Some("10.0.0.2/31")),
            (
                &["10.0.0.0/24", "fd00::/56"],
                &["10.0.0.0/24"],
                64,
                Some("fd00::/64"),
            ),
            (&["10.0.0.0/24", "fd00::/56"], &[], 129, None),
        ];
        for (space, used, prefix, want) in table {
            let want = want.map(|s| s.parse::<IpNet>().unwrap());
            assert_eq!(
                first_free_block(&nets(space), &nets(used), prefix),
                want,
                "{space:?} - {used:?} /{prefix}"
            );
        }
    }

    #[test]
    fn first_free_whole_spaces() {
        assert_eq!(
            first_free_block(&nets(&["::/0"]), &[], 0),
            Some("::/0".parse().unwrap())
        );
        assert_eq!(
            first_free_block(&nets(&["0.0.0.0/0"]), &nets(&["0.0.0.0/32"]), 0),
            None
        );
        assert_eq!(
            first_free_block(&nets(&["0.0.0.0/0"]), &nets(&["0.0.0.0/32"]), 1),
            Some("128.0.0.0/1".parse().unwrap())
        );
    }
}
