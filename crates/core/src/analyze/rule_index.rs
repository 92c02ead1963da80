//! A security group's well-formed egress rules, indexed for the two questions the checks ask
//! of them, so that neither compares every rule with every flow or with every other rule
//! (rules.md, "Settled readings": the cost of a plan grows with its size, not its square):
//! which rule decides a flow (the verdict, SG001) and which drop rule shadows an accept rule
//! (SG003).
//!
//! A rule matches a flow when its destination contains the flow's, its protocol is the flow's
//! or `all`, and its ports contain the flow's port (domain-facts §5). Rules are grouped by
//! destination and protocol: a flow visits only the destinations that contain its own (a
//! [`PrefixMap`] walk, at most 33 or 129 lengths), and within a group the ports are a question
//! about intervals, answered by a tree over the ports the group's rules name.

use ipnet::IpNet;

use super::rule::{Ports, Rule};
use crate::addr::PrefixMap;
use crate::plan::{Policy, Protocol};

/// Which of two rules wins: the smaller priority number, then drop before accept, then the
/// one listed first (domain-facts §5; rules.md). Smaller wins.
type Rank = (i64, bool, usize);

/// The smaller of two keys, either of which may be missing.
fn least<K: Ord>(a: Option<K>, b: Option<K>) -> Option<K> {
    a.into_iter().chain(b).min()
}

/// The ports of a rule as a closed interval: `-1/-1` is every port, wider than any range.
fn span(ports: Ports) -> (u32, u32) {
    match ports {
        Ports::Every => (0, 65_536),
        Ports::Range(a, b) => (u32::from(a), u32::from(b)),
    }
}

/// The rules of one destination and protocol.
struct Group {
    protocol: Protocol,
    /// The best rule with ports `-1/-1`.
    every: Option<Rank>,
    /// The rules with a port range, by the ports they contain.
    ranges: Stabbing,
}

/// The rules of a security group, by destination and protocol.
pub struct RuleIndex {
    /// Destination → the groups of rules to it (one per protocol).
    by_dest: PrefixMap<usize>,
    groups: Vec<Group>,
}

impl RuleIndex {
    /// Indexes `rules` (a group's well-formed rules, in plan order).
    pub fn new(rules: &[Rule]) -> Self {
        let mut by_dest: PrefixMap<usize> = PrefixMap::with_capacity(rules.len());
        let mut members: Vec<(Protocol, Vec<usize>)> = Vec::new();
        for (pos, rule) in rules.iter().enumerate() {
            let found = (by_dest.get(&rule.dest).iter())
                .copied()
                .find(|&g| members[g].0 == rule.protocol);
            match found {
                Some(g) => members[g].1.push(pos),
                None => {
                    by_dest.insert(rule.dest, members.len());
                    members.push((rule.protocol, vec![pos]));
                }
            }
        }
        let rank = |pos: usize| {
            let r = &rules[pos];
            (r.priority, r.policy != Policy::Drop, pos)
        };
        let groups = (members.into_iter())
            .map(|(protocol, list)| {
                let every = (list.iter().copied())
                    .filter(|&p| rules[p].ports == Ports::Every)
                    .map(rank)
                    .min();
                let ranges: Vec<(u32, u32, Rank)> = (list.iter().copied())
                    .filter(|&p| rules[p].ports != Ports::Every)
                    .map(|p| {
                        let (lo, hi) = span(rules[p].ports);
                        (lo, hi, rank(p))
                    })
                    .collect();
                Group {
                    protocol,
                    every,
                    ranges: Stabbing::new(&ranges),
                }
            })
            .collect();
        RuleIndex { by_dest, groups }
    }

    /// The position in `rules` of the rule that decides a flow to `dest` of `protocol` on
    /// `port` (none: only rules of every port match), or `None` when no rule matches.
    pub fn deciding(&self, dest: &IpNet, protocol: Protocol, port: Option<u16>) -> Option<usize> {
        let mut best: Option<Rank> = None;
        for (_, groups) in self.by_dest.containing(dest) {
            for group in groups.iter().map(|&g| &self.groups[g]) {
                if !(group.protocol == Protocol::All || group.protocol == protocol) {
                    continue;
                }
                let ranged = port.and_then(|p| group.ranges.lowest(u32::from(p)));
                best = least(least(best, group.every), ranged);
            }
        }
        best.map(|(_, _, pos)| pos)
    }
}

/// For each accept rule of `rules` that a drop rule shadows (matches everything it matches and
/// wins: a priority number no greater, drop winning a tie), the shadowing drop rule with the
/// smallest priority number (the first listed among equals): `(accept, drop)` positions in
/// `rules`, in the accept rules' order.
///
/// Each accept rule asks, of the drop rules to each destination containing its own and of its
/// protocol or `all`, for the best one whose ports contain its ports. The questions of one
/// group are answered together: rules and questions sorted by where their ports start, and a
/// tree over where the rules' ports end keeps the best rule reaching at least each point.
pub fn shadowed(rules: &[Rule]) -> Vec<(usize, usize)> {
    // Drop rules by destination and protocol: each group holds its rules' ports and, below,
    // the questions of the accept rules it may shadow.
    let mut by_dest: PrefixMap<usize> = PrefixMap::new();
    let mut groups: Vec<(Protocol, Vec<Interval>, Vec<Interval>)> = Vec::new();
    for (d, rule) in rules.iter().enumerate() {
        if rule.policy != Policy::Drop {
            continue;
        }
        let found = (by_dest.get(&rule.dest).iter())
            .copied()
            .find(|&g| groups[g].0 == rule.protocol);
        let g = found.unwrap_or_else(|| {
            by_dest.insert(rule.dest, groups.len());
            groups.push((rule.protocol, Vec::new(), Vec::new()));
            groups.len() - 1
        });
        let (lo, hi) = span(rule.ports);
        groups[g].1.push((lo, hi, d));
    }
    for (a, accept) in rules.iter().enumerate() {
        if accept.policy != Policy::Accept {
            continue;
        }
        let (lo, hi) = span(accept.ports);
        for (_, found) in by_dest.containing(&accept.dest) {
            for &g in found {
                let protocol = groups[g].0;
                if protocol == Protocol::All || protocol == accept.protocol {
                    groups[g].2.push((lo, hi, a));
                }
            }
        }
    }
    let mut best: Vec<Option<(i64, usize)>> = vec![None; rules.len()];
    for (_, items, questions) in &groups {
        let answers = lowest_containing(
            &(items.iter())
                .map(|&(lo, hi, p)| (lo, hi, (rules[p].priority, p)))
                .collect::<Vec<_>>(),
            questions,
        );
        for (&(_, _, a), answer) in questions.iter().zip(answers) {
            best[a] = least(best[a], answer);
        }
    }
    (best.into_iter().enumerate())
        .filter_map(|(a, found)| {
            let (priority, drop) = found?;
            (priority <= rules[a].priority).then_some((a, drop))
        })
        .collect()
}

/// Ports `[lo, hi]` and who they belong to (a position in the rules).
type Interval = (u32, u32, usize);

/// For each question `[c, d]`, the smallest key among the items `[lo, hi]` that contain it
/// (`lo <= c` and `d <= hi`). O((n + q) log n): items are taken in the order of `lo` as the
/// questions are, in the order of `c`; a Fenwick tree over the items' `hi`, highest first,
/// holds the smallest key of each suffix.
fn lowest_containing<K: Copy + Ord>(
    items: &[(u32, u32, K)],
    questions: &[Interval],
) -> Vec<Option<K>> {
    let mut ends: Vec<u32> = items.iter().map(|&(_, hi, _)| hi).collect();
    ends.sort_unstable();
    ends.dedup();
    let m = ends.len();
    // Slot r (1-based) stands for `ends[m - r]`: a prefix of slots is a suffix of ends.
    let mut tree: Vec<Option<K>> = vec![None; m + 1];
    let mut items_by_lo: Vec<usize> = (0..items.len()).collect();
    items_by_lo.sort_unstable_by_key(|&i| items[i].0);
    let mut questions_by_c: Vec<usize> = (0..questions.len()).collect();
    questions_by_c.sort_unstable_by_key(|&q| questions[q].0);
    let mut answers = vec![None; questions.len()];
    let mut next = 0;
    for q in questions_by_c {
        let (c, d, _) = questions[q];
        while let Some(&i) = items_by_lo.get(next).filter(|&&i| items[i].0 <= c) {
            let (_, hi, key) = items[i];
            let mut r = m - ends.partition_point(|&e| e < hi);
            while r <= m {
                tree[r] = least(tree[r], Some(key));
                r += r & r.wrapping_neg();
            }
            next += 1;
        }
        // The ends at least `d` are the first `m - start` slots.
        let mut r = m - ends.partition_point(|&e| e < d);
        let mut found: Option<K> = None;
        while r > 0 {
            found = least(found, tree[r]);
            r -= r & r.wrapping_neg();
        }
        answers[q] = found;
    }
    answers
}

/// The smallest key among intervals containing a point. The intervals' ends cut the line into
/// pieces; each interval marks the O(log m) nodes of a segment tree over the pieces that
/// cover it, and a point takes the smallest mark on its piece's way to the root.
struct Stabbing {
    /// Where each piece starts, ascending; the last piece is past every interval.
    starts: Vec<u32>,
    /// The segment tree, leaves at `starts.len()..`.
    marks: Vec<Option<Rank>>,
}

impl Stabbing {
    fn new(items: &[(u32, u32, Rank)]) -> Self {
        let mut starts: Vec<u32> = (items.iter())
            .flat_map(|&(lo, hi, _)| [lo, hi + 1])
            .collect();
        starts.sort_unstable();
        starts.dedup();
        let m = starts.len();
        let mut marks: Vec<Option<Rank>> = vec![None; 2 * m];
        let piece = |x: u32| starts.partition_point(|&s| s < x);
        for &(lo, hi, key) in items {
            let (mut l, mut r) = (piece(lo) + m, piece(hi + 1) + m);
            while l < r {
                if l & 1 == 1 {
                    marks[l] = least(marks[l], Some(key));
                    l += 1;
                }
                if r & 1 == 1 {
                    r -= 1;
                    marks[r] = least(marks[r], Some(key));
                }
                l /= 2;
                r /= 2;
            }
        }
        Stabbing { starts, marks }
    }

    fn lowest(&self, point: u32) -> Option<Rank> {
        let m = self.starts.len();
        let after = self.starts.partition_point(|&s| s <= point);
        let mut i = after.checked_sub(1)? + m;
        let mut best = None;
        while i >= 1 {
            best = least(best, self.marks[i]);
            i /= 2;
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::addr::contains_net;

    fn rule(
        index: usize,
        policy: Policy,
        priority: i64,
        protocol: Protocol,
        ports: Ports,
        dest: &str,
    ) -> Rule {
        Rule {
            index,
            policy,
            priority,
            protocol,
            ports,
            dest: dest.parse().unwrap(),
        }
    }

    /// Every rule, with the same matching as the checks had before the index.
    fn matches(r: &Rule, dest: &IpNet, protocol: Protocol, port: Option<u16>) -> bool {
        (r.protocol == Protocol::All || r.protocol == protocol)
            && match (r.ports, port) {
                (Ports::Every, _) => true,
                (Ports::Range(a, b), Some(p)) => a <= p && p <= b,
                (Ports::Range(..), None) => false,
            }
            && contains_net(&r.dest, dest)
    }

    fn rules() -> Vec<Rule> {
        use Policy::*;
        use Protocol::*;
        let table = [
            (Accept, 5, Tcp, Ports::Range(443, 443), "0.0.0.0/0"),
            (Drop, 5, Tcp, Ports::Range(400, 500), "0.0.0.0/0"),
            (Drop, 1, All, Ports::Every, "10.0.0.0/8"),
            (Accept, 1, Tcp, Ports::Range(3306, 3306), "10.1.0.0/16"),
            (Accept, 3, Udp, Ports::Range(53, 53), "10.1.2.0/24"),
            (Drop, 2, Udp, Ports::Range(1, 1000), "10.1.0.0/16"),
            (Accept, 2, Icmp, Ports::Every, "0.0.0.0/0"),
            (Drop, 2, Tcp, Ports::Range(8000, 9000), "172.16.0.0/12"),
            (Accept, 2, Tcp, Ports::Range(8080, 8080), "172.16.5.0/24"),
            (Accept, 2, Tcp, Ports::Range(7000, 8080), "172.16.5.0/24"),
            (Accept, 9, Tcp, Ports::Range(1, 65535), "fd00::/64"),
            (Drop, 9, Tcp, Ports::Range(1, 65535), "fd00::/48"),
            (Drop, 4, Tcp, Ports::Range(443, 443), "0.0.0.0/0"),
        ];
        (table.into_iter().enumerate())
            .map(|(i, (pol, pri, proto, ports, dest))| rule(i, pol, pri, proto, ports, dest))
            .collect()
    }

    #[test]
    fn the_deciding_rule_is_the_one_a_scan_finds() {
        let rules = rules();
        let index = RuleIndex::new(&rules);
        let dests = [
            "0.0.0.0/0",
            "10.1.2.3/32",
            "10.1.2.0/24",
            "172.16.5.9/32",
            "8.8.8.8/32",
            "fd00::1/128",
        ];
        let ports = [
            None,
            Some(1),
            Some(53),
            Some(443),
            Some(500),
            Some(3306),
            Some(8080),
            Some(65535),
        ];
        for dest in dests {
            let dest: IpNet = dest.parse().unwrap();
            for protocol in Protocol::ALL {
                for port in ports {
                    let scan = (rules.iter().enumerate())
                        .filter(|(_, r)| matches(r, &dest, protocol, port))
                        .min_by_key(|(p, r)| (r.priority, r.policy != Policy::Drop, *p))
                        .map(|(p, _)| p);
                    assert_eq!(
                        index.deciding(&dest, protocol, port),
                        scan,
                        "{dest} {protocol:?} {port:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn shadowed_rules_are_those_a_scan_finds() {
        let rules = rules();
        let scan: Vec<(usize, usize)> = (rules.iter().enumerate())
            .filter(|(_, a)| a.policy == Policy::Accept)
            .filter_map(|(a, accept)| {
                (rules.iter().enumerate())
                    .filter(|(_, d)| {
                        d.policy == Policy::Drop
                            && d.priority <= accept.priority
                            && contains_net(&d.dest, &accept.dest)
                            && (d.protocol == Protocol::All || d.protocol == accept.protocol)
                            && {
                                let ((a, b), (c, d)) = (span(d.ports), span(accept.ports));
                                a <= c && d <= b
                            }
                    })
                    .min_by_key(|(p, d)| (d.priority, *p))
                    .map(|(d, _)| (a, d))
            })
            .collect();
        assert_eq!(shadowed(&rules), scan);
        // The table has both kinds: shadowed accepts and free ones.
        assert_eq!(scan, [(0, 12), (3, 2), (4, 2), (8, 7), (10, 11)]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// Random groups from a few destinations, protocols and ports, so that rules often
        /// meet: the index answers as a scan of every rule does.
        #[test]
        fn random_groups_answer_as_a_scan(
            table in proptest::collection::vec(
                (proptest::bool::ANY, 1i64..4, 0usize..4, 0usize..5, 0u16..6, 0u16..6, 0usize..4),
                0..24,
            ),
            probe in (0usize..4, 0usize..4, proptest::option::of(1u16..7)),
        ) {
            let dests = ["0.0.0.0/0", "10.0.0.0/8", "10.1.0.0/16", "10.1.2.0/24"];
            let protocols = [Protocol::Tcp, Protocol::Udp, Protocol::Icmp, Protocol::All];
            let rules: Vec<Rule> = (table.iter().enumerate())
                .map(|(i, &(accept, priority, proto, dest, a, b, every))| {
                    let policy = if accept { Policy::Accept } else { Policy::Drop };
                    let (lo, hi) = (a.min(b) + 1, a.max(b) + 1);
                    let ports = if every == 0 { Ports::Every } else { Ports::Range(lo, hi) };
                    rule(i, policy, priority, protocols[proto], ports, dests[dest % 4])
                })
                .collect();
            let scan: Vec<(usize, usize)> = (rules.iter().enumerate())
                .filter(|(_, a)| a.policy == Policy::Accept)
                .filter_map(|(a, accept)| {
                    (rules.iter().enumerate())
                        .filter(|(_, d)| {
                            let ((lo, hi), (c, e)) = (span(d.ports), span(accept.ports));
                            d.policy == Policy::Drop
                                && d.priority <= accept.priority
                                && contains_net(&d.dest, &accept.dest)
                                && (d.protocol == Protocol::All || d.protocol == accept.protocol)
                                && lo <= c
                                && e <= hi
                        })
                        .min_by_key(|(p, d)| (d.priority, *p))
                        .map(|(d, _)| (a, d))
                })
                .collect();
            proptest::prop_assert_eq!(shadowed(&rules), scan);
            let (dest, proto, port) = probe;
            let dest: IpNet = dests[dest].parse().unwrap();
            let protocol = protocols[proto];
            let decided = (rules.iter().enumerate())
                .filter(|(_, r)| matches(r, &dest, protocol, port))
                .min_by_key(|(p, r)| (r.priority, r.policy != Policy::Drop, *p))
                .map(|(p, _)| p);
            proptest::prop_assert_eq!(RuleIndex::new(&rules).deciding(&dest, protocol, port), decided);
        }
    }

    #[test]
    fn intervals_containing() {
        let items = [(1, 10, 5), (3, 4, 1), (0, 65_536, 9), (5, 20, 2)];
        let questions = [
            (3, 4, 0),
            (5, 10, 1),
            (0, 0, 2),
            (11, 20, 3),
            (21, 21, 4),
            (2, 30, 5),
        ];
        assert_eq!(
            lowest_containing(&items, &questions),
            [Some(1), Some(2), Some(9), Some(2), Some(9), Some(9)]
        );
        assert_eq!(lowest_containing::<u8>(&[], &questions)[0], None);
    }
}
