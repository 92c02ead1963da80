//! Properties of the address maths, checked against brute force: small blocks are enumerated
//! address by address, so the set answer is the truth the fast answer must match.

use std::collections::BTreeSet;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use easnet_core::addr::{
    covers_union, exceeds_threshold, first_free_block, first_usable, free_blocks, last_usable,
    overlapping_pairs, overlaps_of_each, parse_cidr, parse_cidr_lenient, parse_surge,
    reserved_addresses, smallest_ipv4_prefix, surge_ips, total_addresses, usable_ips, CidrError,
    Surge,
};
use ipnet::IpNet;
use proptest::prelude::*;

/// One address as (is IPv6, value), ordered like `IpAddr`.
type Addr = (bool, u128);

fn key(addr: IpAddr) -> Addr {
    match addr {
        IpAddr::V4(a) => (false, u32::from(a).into()),
        IpAddr::V6(a) => (true, u128::from(a)),
    }
}

/// Every address of a (small) block.
fn addrs(net: &IpNet) -> BTreeSet<Addr> {
    let (v6, start) = key(net.network());
    let (_, end) = key(net.broadcast());
    (start..=end).map(|a| (v6, a)).collect()
}

fn union(nets: &[IpNet]) -> BTreeSet<Addr> {
    nets.iter().flat_map(addrs).collect()
}

/// The small test regions: 10.0.0.0/23 and fd00::/119, 512 addresses each.
const V4_BASE: u32 = 0x0a00_0000;
const V6_BASE: u128 = 0xfd00 << 112;

/// A block inside 10.0.0.0/23, host bits cleared unless `keep_host_bits`.
fn v4_net(offset: u32, prefix: u8, keep_host_bits: bool) -> IpNet {
    let addr = Ipv4Addr::from(V4_BASE + offset % 512);
    let net = IpNet::new(addr.into(), prefix).expect("prefix in range");
    if keep_host_bits {
        net
    } else {
        net.trunc()
    }
}

fn v6_net(offset: u32, prefix: u8) -> IpNet {
    let addr = Ipv6Addr::from(V6_BASE + u128::from(offset % 512));
    IpNet::new(addr.into(), prefix)
        .expect("prefix in range")
        .trunc()
}

/// IPv4 blocks of /23–/32 in 10.0.0.0/23.
fn small_v4() -> impl Strategy<Value = IpNet> {
    (0u32..512, 23u8..=32).prop_map(|(o, p)| v4_net(o, p, false))
}

/// Like `small_v4`, or an IPv6 block of /119–/128 in fd00::/119.
fn small_any() -> impl Strategy<Value = IpNet> {
    prop_oneof![
        3 => small_v4(),
        1 => (0u32..512, 119u8..=128).prop_map(|(o, p)| v6_net(o, p)),
    ]
}

fn brute_pairs(nets: &[IpNet]) -> Vec<(usize, usize)> {
    let sets: Vec<_> = nets.iter().map(addrs).collect();
    let mut out = Vec::new();
    for i in 0..nets.len() {
        for j in i + 1..nets.len() {
            if !sets[i].is_disjoint(&sets[j]) {
                out.push((i, j));
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn overlapping_pairs_match_brute_force(nets in prop::collection::vec(small_any(), 0..24)) {
        prop_assert_eq!(overlapping_pairs(&nets), brute_pairs(&nets));
    }

    #[test]
    fn overlaps_of_each_match_the_pairs(
        nets in prop::collection::vec(small_any(), 0..24),
        limit in 0usize..6,
    ) {
        // Each block's answer, read off the list of every pair.
        let pairs = brute_pairs(&nets);
        for (i, got) in overlaps_of_each(&nets, limit).iter().enumerate() {
            let mut others: Vec<usize> = (pairs.iter())
                .filter_map(|&(a, b)| (a == i).then_some(b).or((b == i).then_some(a)))
                .collect();
            others.sort_unstable();
            prop_assert_eq!(got.count, others.len());
            others.truncate(limit);
            prop_assert_eq!(&got.first, &others);
        }
    }

    #[test]
    fn free_blocks_are_space_minus_used(
        space in prop::collection::vec(small_any(), 0..4),
        used in prop::collection::vec(small_any(), 0..10),
    ) {
        let free = free_blocks(&space, &used);
        let want: BTreeSet<Addr> = union(&space).difference(&union(&used)).copied().collect();
        prop_assert_eq!(union(&free), want);

        let mut total = 0;
        for (i, block) in free.iter().enumerate() {
            total += addrs(block).len();
            prop_assert_eq!(*block, block.trunc(), "host bits in {}", block);
            if let Some(next) = free.get(i + 1) {
                // Sorted and disjoint: each block ends before the next starts.
                prop_assert!(key(block.broadcast()) < key(next.network()), "{} then {}", block, next);
            }
            // Minimal: no two blocks that together are an aligned supernet.
            for other in &free[i + 1..] {
                prop_assert!(!block.is_sibling(other), "{} and {} should merge", block, other);
            }
        }
        prop_assert_eq!(total, union(&free).len());
    }

    #[test]
    fn first_free_block_is_lowest_free_aligned_block(
        space in prop::collection::vec(small_v4(), 0..4),
        used in prop::collection::vec(small_v4(), 0..10),
        prefix in 23u8..=32,
    ) {
        let free: BTreeSet<Addr> = union(&space).difference(&union(&used)).copied().collect();
        let size = 1u32 << (32 - prefix);
        // Every aligned block of that size in the test region, lowest first.
        let brute = (0..512 / size)
            .map(|k| v4_net(k * size, prefix, false))
            .find(|b| addrs(b).is_subset(&free));
        prop_assert_eq!(first_free_block(&space, &used, prefix), brute);
    }

    #[test]
    fn covers_union_matches_sets(
        entries in prop::collection::vec((0u32..512, 23u8..=32), 0..6),
        target in small_v4(),
    ) {
        // Whitelist entries may carry host bits; the truth truncates them.
        let entries: Vec<IpNet> = entries.into_iter().map(|(o, p)| v4_net(o, p, true)).collect();
        let truncated: Vec<IpNet> = entries.iter().map(IpNet::trunc).collect();
        let want = addrs(&target).is_subset(&union(&truncated));
        prop_assert_eq!(covers_union(&entries, &target), want);
    }

    #[test]
    fn usable_and_reserved_match_enumeration(raw in any::<u32>(), prefix in 20u8..=32) {
        let net = IpNet::new(Ipv4Addr::from(raw).into(), prefix).expect("prefix in range").trunc();
        check_usable(&net, 1, 3)?;
    }

    #[test]
    fn usable_and_reserved_match_enumeration_v6(raw in any::<u128>(), prefix in 116u8..=128) {
        let net = IpNet::new(Ipv6Addr::from(raw).into(), prefix).expect("prefix in range").trunc();
        check_usable(&net, 1, 9)?;
    }

    #[test]
    fn strict_parse_round_trips(raw in any::<u32>(), prefix in 0u8..=32) {
        let written = IpNet::new(Ipv4Addr::from(raw).into(), prefix).expect("prefix in range");
        let text = written.to_string();
        prop_assert_eq!(parse_cidr_lenient(&text), Ok(written));
        if written == written.trunc() {
            prop_assert_eq!(parse_cidr(&text), Ok(written));
        } else {
            prop_assert_eq!(parse_cidr(&text), Err(CidrError::HostBitsSet { network: written.trunc() }));
        }
    }

    #[test]
    fn parsers_never_panic(s in "\\PC{0,24}", t in "[0-9a-f:./% +-]{0,24}") {
        let _ = parse_cidr(&s);
        let _ = parse_cidr_lenient(&t);
        let _ = parse_surge(&serde_json::Value::String(s));
        let _ = parse_surge(&serde_json::Value::String(t));
    }

    #[test]
    fn surge_percent_is_exact_ceiling(n in 0u8..=100, peak in any::<u64>()) {
        let product = u128::from(n) * u128::from(peak);
        let got = u128::from(surge_ips(Some(Surge::Percent(n)), peak));
        // The ceiling, from its definition: the least integer c with 100·c ≥ n·peak.
        prop_assert!(got * 100 >= product);
        prop_assert!(got == 0 || (got - 1) * 100 < product);
        // And by quotient and remainder.
        prop_assert_eq!(got, product / 100 + u128::from(product % 100 != 0));
    }

    #[test]
    fn surge_default_is_two_percent_at_least_one(peak in any::<u64>()) {
        let two_percent = surge_ips(Some(Surge::Percent(2)), peak);
        prop_assert_eq!(surge_ips(None, peak), two_percent.max(1));
    }

    #[test]
    fn smallest_prefix_is_tight(needed in 0u64..70_000) {
        let usable = |p: u8| (1u64 << (32 - p)) - 4;
        match smallest_ipv4_prefix(needed) {
            Some(p) => {
                prop_assert!((16..=29).contains(&p));
                prop_assert!(usable(p) >= needed);
                prop_assert!(p == 29 || usable(p + 1) < needed);
            }
            None => prop_assert!(usable(16) < needed),
        }
    }

    #[test]
    fn threshold_matches_rational(needed in 0u64..100_000, usable in 0u64..100_000, per_mille in 0u32..=1500) {
        // A threshold written with three decimals, e.g. 0.8 or 0.125, means per_mille/1000 exactly.
        let threshold: f64 = format!("{}.{:03}", per_mille / 1000, per_mille % 1000)
            .parse()
            .expect("a decimal");
        let want = u128::from(needed) * 1000 > u128::from(per_mille) * u128::from(usable);
        prop_assert_eq!(exceeds_threshold(needed, usable, threshold), want);
    }
}

/// `usable_ips`, `reserved_addresses` and the first/last usable address, against the list of
/// every address with the first `head` and last `tail` positions marked reserved.
fn check_usable(net: &IpNet, head: usize, tail: usize) -> Result<(), TestCaseError> {
    let all: Vec<Addr> = addrs(net).into_iter().collect();
    let reserved: BTreeSet<Addr> = all
        .iter()
        .take(head)
        .chain(all.iter().rev().take(tail))
        .copied()
        .collect();
    let usable: Vec<Addr> = all
        .iter()
        .filter(|a| !reserved.contains(a))
        .copied()
        .collect();

    prop_assert_eq!(total_addresses(net), all.len() as u128);
    prop_assert_eq!(usable_ips(net), usable.len() as u64);
    let got: Vec<Addr> = reserved_addresses(net).into_iter().map(key).collect();
    prop_assert_eq!(got, reserved.into_iter().collect::<Vec<_>>());
    prop_assert_eq!(first_usable(net).map(key), usable.first().copied());
    prop_assert_eq!(last_usable(net).map(key), usable.last().copied());
    Ok(())
}

#[test]
fn seven_percent_of_a_hundred_is_seven() {
    // Through floating point, 0.07 × 100 = 7.000000000000001 and its ceiling is 8.
    assert_eq!(surge_ips(Some(Surge::Percent(7)), 100), 7);
    assert_eq!(surge_ips(Some(Surge::Percent(7)), 101), 8);
}
