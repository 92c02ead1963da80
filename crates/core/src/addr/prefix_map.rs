//! A map from CIDRs to values that answers "which keys contain this network?" in at most 33
//! (IPv4) or 129 (IPv6) hash lookups, whatever its size: the route lookups and containment
//! checks of the analyzer stay O(1) per question instead of O(number of CIDRs).

use ipnet::IpNet;
use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry;

/// CIDR keys (host bits clear) to values; several values may share a key, first inserted first.
#[derive(Debug, Clone, Default)]
pub struct PrefixMap<T> {
    map: FxHashMap<IpNet, Values<T>>,
    /// Which prefix lengths the keys have (bit `len` for IPv4, bit `64 + len` for IPv6):
    /// lookups skip the lengths no key has, so a table of /0, /16 and /24 routes costs 3 probes.
    lens: [u64; 4],
}

/// The values under one key: nearly always one, which then needs no allocation of its own
/// (a plan has thousands of routes and vSwitches, and the map is rebuilt on every analysis).
#[derive(Debug, Clone)]
enum Values<T> {
    One(T),
    Many(Vec<T>),
}

impl<T> Values<T> {
    fn as_slice(&self) -> &[T] {
        match self {
            Values::One(v) => std::slice::from_ref(v),
            Values::Many(v) => v,
        }
    }

    fn push(&mut self, value: T) {
        // An empty Vec does not allocate: taking the values out costs nothing.
        let values = match std::mem::replace(self, Values::Many(Vec::new())) {
            Values::One(first) => vec![first, value],
            Values::Many(mut v) => {
                v.push(value);
                v
            }
        };
        *self = Values::Many(values);
    }
}

/// The bit of a family and prefix length in `PrefixMap::lens`.
fn len_bit(net: &IpNet, len: u8) -> usize {
    match net {
        IpNet::V4(_) => usize::from(len),
        IpNet::V6(_) => 64 + usize::from(len),
    }
}

impl<T> PrefixMap<T> {
    pub fn new() -> Self {
        Self::with_capacity(0)
    }

    /// A map with room for `n` keys (the analyzer knows how many routes and vSwitches come).
    pub fn with_capacity(n: usize) -> Self {
        PrefixMap {
            map: FxHashMap::with_capacity_and_hasher(n, Default::default()),
            lens: [0; 4],
        }
    }

    /// Adds `value` under `net` (truncated to its network).
    pub fn insert(&mut self, net: IpNet, value: T) {
        let bit = len_bit(&net, net.prefix_len());
        self.lens[bit / 64] |= 1 << (bit % 64);
        match self.map.entry(net.trunc()) {
            Entry::Occupied(mut e) => e.get_mut().push(value),
            Entry::Vacant(e) => {
                e.insert(Values::One(value));
            }
        }
    }

    /// The keys containing `net` (equal or shorter prefixes), most specific first, each with
    /// its values in insertion order.
    ///
    /// # Examples
    /// ```
    /// use easnet_core::addr::PrefixMap;
    /// let mut m = PrefixMap::new();
    /// m.insert("0.0.0.0/0".parse().unwrap(), "default");
    /// m.insert("10.0.0.0/16".parse().unwrap(), "vpc");
    /// m.insert("10.0.1.0/24".parse().unwrap(), "vsw");
    /// let hits: Vec<&str> = m.containing(&"10.0.1.7/32".parse().unwrap()).map(|(_, v)| v[0]).collect();
    /// assert_eq!(hits, ["vsw", "vpc", "default"]);
    /// assert_eq!(m.containing(&"fd00::/64".parse().unwrap()).count(), 0);
    /// ```
    pub fn containing<'a>(&'a self, net: &IpNet) -> impl Iterator<Item = (IpNet, &'a [T])> + 'a {
        let net = net.trunc();
        (0..=net.prefix_len())
            .rev()
            .filter(move |&len| self.has_len(&net, len))
            .filter_map(move |len| {
                let key = IpNet::new(net.addr(), len).ok()?.trunc();
                self.map.get(&key).map(|v| (key, v.as_slice()))
            })
    }

    /// Whether some key of `net`'s family has prefix length `len`.
    pub fn has_len(&self, net: &IpNet, len: u8) -> bool {
        let bit = len_bit(net, len);
        bit < 256 && self.lens[bit / 64] >> (bit % 64) & 1 == 1
    }

    /// The values stored under exactly `net`'s network.
    pub fn get(&self, net: &IpNet) -> &[T] {
        self.map.get(&net.trunc()).map_or(&[], Values::as_slice)
    }

    /// The most specific key containing `net`, with its values.
    pub fn longest(&self, net: &IpNet) -> Option<(IpNet, &[T])> {
        self.containing(net).next()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net(s: &str) -> IpNet {
        s.parse().unwrap()
    }

    #[test]
    fn containment_against_brute_force() {
        let keys = [
            "10.0.0.0/8",
            "10.0.0.0/16",
            "10.0.1.0/24",
            "10.0.1.128/25",
            "192.168.0.0/16",
            "10.0.1.5/32",
        ];
        let mut m = PrefixMap::new();
        for (i, k) in keys.iter().enumerate() {
            m.insert(net(k), i);
        }
        for probe in [
            "10.0.1.130/32",
            "10.0.1.0/24",
            "10.0.2.0/24",
            "11.0.0.0/8",
            "10.0.1.5/32",
            "0.0.0.0/0",
        ] {
            let p = net(probe);
            let mut want: Vec<usize> = (0..keys.len())
                .filter(|&i| net(keys[i]).contains(&p))
                .collect();
            want.sort_by_key(|&i| std::cmp::Reverse(net(keys[i]).prefix_len()));
            let got: Vec<usize> = m
                .containing(&p)
                .flat_map(|(_, v)| v.iter().copied())
                .collect();
            assert_eq!(got, want, "{probe}");
        }
    }

    #[test]
    fn every_prefix_length_of_both_families() {
        let mut m = PrefixMap::new();
        m.insert(net("::/0"), 0);
        m.insert(net("fd00::1/128"), 128);
        m.insert(net("10.0.0.1/32"), 32);
        m.insert(net("0.0.0.0/0"), 1);
        let got: Vec<i32> = m
            .containing(&net("fd00::1/128"))
            .map(|(_, v)| v[0])
            .collect();
        assert_eq!(got, [128, 0]);
        let got: Vec<i32> = m
            .containing(&net("10.0.0.1/32"))
            .map(|(_, v)| v[0])
            .collect();
        assert_eq!(got, [32, 1]);
    }

    #[test]
    fn keys_are_truncated_and_shared() {
        let mut m = PrefixMap::new();
        m.insert(net("10.0.1.5/24"), 'a');
        m.insert(net("10.0.1.0/24"), 'b');
        assert_eq!(m.longest(&net("10.0.1.9/32")).unwrap().1, ['a', 'b']);
        m.insert(net("10.0.1.7/24"), 'c');
        assert_eq!(m.get(&net("10.0.1.0/24")), ['a', 'b', 'c']);
    }
}
