//! How many addresses a vSwitch CIDR offers, and which ones Alibaba Cloud keeps for itself.
//!
//! An IPv4 vSwitch reserves its first and its last three addresses (`192.168.1.0`, `.253`,
//! `.254`, `.255` of a /24), so a /29 offers 4. An IPv6 vSwitch reserves its first and last
//! nine. Counts are integers; IPv6 counts saturate rather than wrap.

use std::net::IpAddr;

use ipnet::{IpAddrRange, IpNet, Ipv4AddrRange, Ipv6AddrRange};

/// Reserved addresses at the start and at the end of an IPv4 vSwitch.
const V4_RESERVED: (usize, usize) = (1, 3);
/// Reserved addresses at the start and at the end of an IPv6 vSwitch.
const V6_RESERVED: (usize, usize) = (1, 9);

fn reserved_ends(net: &IpNet) -> (usize, usize) {
    match net {
        IpNet::V4(_) => V4_RESERVED,
        IpNet::V6(_) => V6_RESERVED,
    }
}

/// Every address of the block, host bits ignored.
fn all_addresses(net: &IpNet) -> IpAddrRange {
    match net.trunc() {
        IpNet::V4(n) => Ipv4AddrRange::new(n.network(), n.broadcast()).into(),
        IpNet::V6(n) => Ipv6AddrRange::new(n.network(), n.broadcast()).into(),
    }
}

/// The number of addresses in the block: 2^(width − prefix), saturating at `u128::MAX` for `::/0`.
///
/// # Examples
///
/// ```
/// use easnet_core::addr::total_addresses;
///
/// assert_eq!(total_addresses(&"10.0.1.0/24".parse().unwrap()), 256);
/// assert_eq!(total_addresses(&"10.0.1.7/32".parse().unwrap()), 1);
/// assert_eq!(total_addresses(&"0.0.0.0/0".parse().unwrap()), 1 << 32);
/// // 2^128 does not fit in a u128.
/// assert_eq!(total_addresses(&"::/0".parse().unwrap()), u128::MAX);
/// ```
pub fn total_addresses(net: &IpNet) -> u128 {
    let host_bits = u32::from(net.max_prefix_len() - net.prefix_len());
    1u128.checked_shl(host_bits).unwrap_or(u128::MAX)
}

/// Usable addresses of a vSwitch: 2^(32 − p) − 4 for IPv4, 2^(128 − p) − 10 for IPv6.
///
/// Saturates at 0 for blocks smaller than the reserved set (an IPv4 /31 or /32) and at
/// `u64::MAX` (2^64 − 1) for large IPv6 blocks.
///
/// # Examples
///
/// ```
/// use easnet_core::addr::usable_ips;
///
/// assert_eq!(usable_ips(&"192.168.1.0/24".parse().unwrap()), 252);
/// assert_eq!(usable_ips(&"192.168.1.0/29".parse().unwrap()), 4);
/// assert_eq!(usable_ips(&"192.168.1.0/30".parse().unwrap()), 0);
/// assert_eq!(usable_ips(&"192.168.1.0/32".parse().unwrap()), 0);
/// assert_eq!(usable_ips(&"fd00::/120".parse().unwrap()), 246);
/// assert_eq!(usable_ips(&"fd00::/64".parse().unwrap()), u64::MAX - 9); // 2^64 − 10
/// assert_eq!(usable_ips(&"fd00::/63".parse().unwrap()), u64::MAX); // saturated
/// ```
pub fn usable_ips(net: &IpNet) -> u64 {
    let (head, tail) = reserved_ends(net);
    let reserved = (head + tail) as u128;
    let usable = total_addresses(net).saturating_sub(reserved);
    u64::try_from(usable).unwrap_or(u64::MAX)
}

/// The addresses the cloud reserves in a vSwitch, sorted and without duplicates.
///
/// A block no larger than the reserved set (IPv4 /30–/32, IPv6 /125–/128) is reserved whole.
///
/// # Examples
///
/// ```
/// use easnet_core::addr::reserved_addresses;
/// use std::net::IpAddr;
///
/// let got = reserved_addresses(&"192.168.1.0/24".parse().unwrap());
/// let want: Vec<IpAddr> = ["192.168.1.0", "192.168.1.253", "192.168.1.254", "192.168.1.255"]
///     .iter()
///     .map(|a| a.parse().unwrap())
///     .collect();
/// assert_eq!(got, want);
///
/// // A /31 has only two addresses: both are reserved, each listed once.
/// assert_eq!(reserved_addresses(&"10.0.0.6/31".parse().unwrap()).len(), 2);
/// ```
pub fn reserved_addresses(net: &IpNet) -> Vec<IpAddr> {
    let (head, tail) = reserved_ends(net);
    let mut out: Vec<IpAddr> = all_addresses(net).take(head).collect();
    let mut back: Vec<IpAddr> = all_addresses(net).rev().take(tail).collect();
    back.reverse();
    out.extend(back);
    // Small blocks: the head and tail windows overlap, so the same address shows twice.
    out.sort_unstable();
    out.dedup();
    out
}

/// The lowest address an instance can get, or `None` when the block has no usable address.
///
/// # Examples
///
/// ```
/// use easnet_core::addr::first_usable;
///
/// assert_eq!(first_usable(&"10.0.1.0/24".parse().unwrap()), Some("10.0.1.1".parse().unwrap()));
/// assert_eq!(first_usable(&"fd00::/64".parse().unwrap()), Some("fd00::1".parse().unwrap()));
/// assert_eq!(first_usable(&"10.0.1.0/30".parse().unwrap()), None);
/// ```
pub fn first_usable(net: &IpNet) -> Option<IpAddr> {
    if usable_ips(net) == 0 {
        return None;
    }
    let (head, _) = reserved_ends(net);
    all_addresses(net).nth(head)
}

/// The highest address an instance can get, or `None` when the block has no usable address.
///
/// # Examples
///
/// ```
/// use easnet_core::addr::last_usable;
///
/// assert_eq!(last_usable(&"10.0.1.0/24".parse().unwrap()), Some("10.0.1.252".parse().unwrap()));
/// assert_eq!(last_usable(&"10.0.1.0/29".parse().unwrap()), Some("10.0.1.4".parse().unwrap()));
/// assert_eq!(last_usable(&"10.0.1.7/32".parse().unwrap()), None);
/// ```
pub fn last_usable(net: &IpNet) -> Option<IpAddr> {
    if usable_ips(net) == 0 {
        return None;
    }
    let (_, tail) = reserved_ends(net);
    all_addresses(net).nth_back(tail)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net(s: &str) -> IpNet {
        s.parse().unwrap()
    }

    fn addr(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn counts() {
        // (cidr, total, usable)
        let table: [(&str, u128, u64); 15] = [
            ("0.0.0.0/0", 1 << 32, (1 << 32) - 4),
            ("10.0.0.0/8", 1 << 24, (1 << 24) - 4),
            ("10.0.0.0/16", 65_536, 65_532),
            ("10.0.1.0/24", 256, 252),
            ("10.0.1.0/29", 8, 4),
            ("10.0.1.0/30", 4, 0),
            ("10.0.1.0/31", 2, 0),
            ("10.0.1.0/32", 1, 0),
            ("fd00::/63", 1 << 65, u64::MAX),
            ("fd00::/64", 1 << 64, u64::MAX - 9),
            ("fd00::/65", 1 << 63, (1 << 63) - 10),
            ("fd00::/124", 16, 6),
            ("fd00::/125", 8, 0),
            ("fd00::1/128", 1, 0),
            ("::/0", u128::MAX, u64::MAX),
        ];
        for (cidr, total, usable) in table {
            assert_eq!(total_addresses(&net(cidr)), total, "{cidr}");
            assert_eq!(usable_ips(&net(cidr)), usable, "{cidr}");
        }
    }

    #[test]
    fn reserved_lists() {
        let table: [(&str, &[&str]); 6] = [
            (
                "10.0.0.0/16",
                &["10.0.0.0", "10.0.255.253", "10.0.255.254", "10.0.255.255"],
            ),
            (
                "10.0.1.8/29",
                &["10.0.1.8", "10.0.1.13", "10.0.1.14", "10.0.1.15"],
            ),
            (
                "10.0.1.4/30",
                &["10.0.1.4", "10.0.1.5", "10.0.1.6", "10.0.1.7"],
            ),
            ("10.0.1.6/31", &["10.0.1.6", "10.0.1.7"]),
            ("10.0.1.7/32", &["10.0.1.7"]),
            (
                "255.255.255.254/31",
                &["255.255.255.254", "255.255.255.255"],
            ),
        ];
        for (cidr, want) in table {
            let want: Vec<IpAddr> = want.iter().map(|a| addr(a)).collect();
            assert_eq!(reserved_addresses(&net(cidr)), want, "{cidr}");
        }
    }

    #[test]
    fn reserved_v6() {
        let r = reserved_addresses(&net("fd00::/64"));
        assert_eq!(r.len(), 10);
        assert_eq!(r[0], addr("fd00::"));
        assert_eq!(r[1], addr("fd00::ffff:ffff:ffff:fff7"));
        assert_eq!(r[9], addr("fd00::ffff:ffff:ffff:ffff"));
        // A /125 (8 addresses) is reserved whole; so is the whole space's edge.
        assert_eq!(reserved_addresses(&net("fd00::/125")).len(), 8);
        assert_eq!(reserved_addresses(&net("fd00::/124")).len(), 10);
        assert_eq!(reserved_addresses(&net("::/0")).len(), 10);
        assert_eq!(
            reserved_addresses(&net("::/0"))[9],
            addr("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")
        );
    }

    #[test]
    fn usable_edges() {
        let table = [
            ("10.0.0.0/16", Some("10.0.0.1"), Some("10.0.255.252")),
            ("10.0.1.0/24", Some("10.0.1.1"), Some("10.0.1.252")),
            ("10.0.1.8/29", Some("10.0.1.9"), Some("10.0.1.12")),
            ("10.0.1.4/30", None, None),
            ("10.0.1.6/31", None, None),
            ("10.0.1.7/32", None, None),
            ("0.0.0.0/0", Some("0.0.0.1"), Some("255.255.255.252")),
            (
                "fd00::/64",
                Some("fd00::1"),
                Some("fd00::ffff:ffff:ffff:fff6"),
            ),
            ("fd00::/124", Some("fd00::1"), Some("fd00::6")),
            ("fd00::/125", None, None),
            (
                "::/0",
                Some("::1"),
                Some("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fff6"),
            ),
        ];
        for (cidr, first, last) in table {
            assert_eq!(first_usable(&net(cidr)), first.map(addr), "{cidr}");
            assert_eq!(last_usable(&net(cidr)), last.map(addr), "{cidr}");
        }
    }

    #[test]
    fn host_bits_are_ignored() {
        assert_eq!(
            reserved_addresses(&net("10.0.1.77/24")),
            reserved_addresses(&net("10.0.1.0/24"))
        );
        assert_eq!(first_usable(&net("10.0.1.77/24")), Some(addr("10.0.1.1")));
    }
}
