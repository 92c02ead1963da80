//! What the responses of a paste say, gathered by ID before anything touches the plan, so the
//! order of the responses does not matter (EIPs before their NAT gateway, entries before their
//! table). Maps are ordered by ID: new objects reach the plan sorted.

use std::collections::btree_map::{self, BTreeMap};

use crate::plan::{EgressRule, NatKind, Route, RouteTableKind, SecurityGroupKind};

use super::summary::{Kind, Said, Skip};

#[derive(Debug, Default)]
pub(crate) struct Facts {
    /// The first `RegionId` read, for a plan that has none.
    pub region: Option<String>,
    pub vpcs: ById<VpcFact>,
    /// VPCs known only from a peering (the accepter in another region or account): CIDRs.
    pub peer_vpcs: ById<PeerVpcFact>,
    pub vswitches: ById<VSwitchFact>,
    pub tables: ById<TableFact>,
    /// Routes by table, then by destination (one route per destination: a later page wins),
    /// so the plan gets new routes in the same order whatever the order of the pastes.
    pub routes: ById<ById<Route>>,
    pub groups: ById<GroupFact>,
    pub rules: ById<RulesFact>,
    pub nats: ById<NatFact>,
    /// SNAT entries by `SnatEntryId` (or their table and source when it is missing).
    pub snats: ById<SnatFact>,
    /// Public IPs of EIPs bound to a NAT gateway (DescribeEipAddresses), by gateway.
    pub nat_eips: ById<Vec<String>>,
    /// How summary lines name an EIP, by its IP (`eip-bp1a (47.98.1.10)`).
    pub eip_names: ById<String>,
    pub peerings: ById<PeeringFact>,
    pub skipped: Vec<Skip>,
}

/// A map by ID, ordered by ID, like a `BTreeMap<String, V>`; but the tree holds positions in a
/// list of the values, so its code is one copy for all the kinds of facts rather than one per
/// kind (the page carries the importer: BENCHMARKS.md, page size).
#[derive(Debug)]
pub(crate) struct ById<V> {
    index: BTreeMap<String, usize>,
    values: Vec<V>,
}

impl<V> Default for ById<V> {
    fn default() -> Self {
        ById {
            index: BTreeMap::new(),
            values: Vec::new(),
        }
    }
}

/// The place of an ID in a [`ById`], as `BTreeMap::entry` gives it.
pub(crate) struct Entry<'a, V> {
    index: btree_map::Entry<'a, String, usize>,
    values: &'a mut Vec<V>,
}

impl<'a, V> Entry<'a, V> {
    pub fn or_insert(self, value: V) -> &'a mut V {
        self.or_insert_with(|| value)
    }

    pub fn or_default(self) -> &'a mut V
    where
        V: Default,
    {
        self.or_insert_with(V::default)
    }

    fn or_insert_with(self, value: impl FnOnce() -> V) -> &'a mut V {
        let values = self.values;
        let i = *self.index.or_insert_with(|| {
            values.push(value());
            values.len() - 1
        });
        &mut values[i]
    }
}

impl<V> ById<V> {
    /// Sets the value of `id`, replacing the one it had.
    pub fn insert(&mut self, id: String, value: V) {
        match self.index.entry(id) {
            btree_map::Entry::Occupied(e) => self.values[*e.get()] = value,
            btree_map::Entry::Vacant(e) => {
                e.insert(self.values.len());
                self.values.push(value);
            }
        }
    }

    pub fn entry(&mut self, id: String) -> Entry<'_, V> {
        Entry {
            index: self.index.entry(id),
            values: &mut self.values,
        }
    }

    pub fn get(&self, id: &str) -> Option<&V> {
        self.index.get(id).map(|&i| &self.values[i])
    }

    pub fn contains_key(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// The IDs and their values, by ID.
    pub fn iter(&self) -> Iter<'_, V> {
        Iter {
            index: self.index.iter(),
            values: &self.values,
        }
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.index.keys()
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.index.values().map(|&i| &self.values[i])
    }
}

/// The IDs of a [`ById`] and their values, by ID.
pub(crate) struct Iter<'a, V> {
    index: btree_map::Iter<'a, String, usize>,
    values: &'a [V],
}

impl<'a, V> Iterator for Iter<'a, V> {
    type Item = (&'a String, &'a V);

    fn next(&mut self) -> Option<Self::Item> {
        let (id, &i) = self.index.next()?;
        Some((id, &self.values[i]))
    }
}

impl<'a, V> IntoIterator for &'a ById<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = Iter<'a, V>;

    fn into_iter(self) -> Iter<'a, V> {
        self.iter()
    }
}

/// The IDs and their values, by ID, taken out.
impl<V> IntoIterator for ById<V> {
    type Item = (String, V);
    type IntoIter = std::vec::IntoIter<(String, V)>;

    fn into_iter(self) -> Self::IntoIter {
        let mut values: Vec<Option<V>> = self.values.into_iter().map(Some).collect();
        let pairs = self.index.into_iter();
        let out: Vec<(String, V)> = pairs
            .filter_map(|(id, i)| Some((id, values[i].take()?)))
            .collect();
        out.into_iter()
    }
}

#[derive(Debug, Default)]
pub(crate) struct VpcFact {
    /// Primary, secondaries, then IPv6 blocks.
    pub cidrs: Vec<String>,
    pub vrouter: Option<String>,
}

#[derive(Debug, Default)]
pub(crate) struct PeerVpcFact {
    pub cidrs: Vec<String>,
    pub peering: String,
}

#[derive(Debug)]
pub(crate) struct VSwitchFact {
    pub vpc: String,
    pub zone: Option<String>,
    pub cidr: String,
    /// `RouteTable.RouteTableId` and `RouteTable.RouteTableType`.
    pub table: Option<String>,
    pub table_kind: Option<RouteTableKind>,
    pub available: Option<u64>,
}

#[derive(Debug, Default)]
pub(crate) struct TableFact {
    pub vpc: Option<String>,
    pub vrouter: Option<String>,
    pub kind: Option<RouteTableKind>,
    pub vswitches: Vec<String>,
}

#[derive(Debug, Default)]
pub(crate) struct GroupFact {
    /// `None`: a classic-network group (`VpcId` empty).
    pub vpc: Option<String>,
    pub kind: Option<SecurityGroupKind>,
}

#[derive(Debug, Default)]
pub(crate) struct RulesFact {
    pub vpc: Option<String>,
    pub egress: Vec<EgressRule>,
}

#[derive(Debug)]
pub(crate) struct NatFact {
    pub vpc: String,
    pub kind: NatKind,
    pub vswitch: Option<String>,
    /// Public IPs of `IpLists.IpList[]`; `None` when the response has no `IpLists` at all.
    pub eips: Option<Vec<String>>,
    /// `SnatTableIds.SnatTableId[]`: in practice one per gateway.
    pub snat_tables: Vec<String>,
}

#[derive(Debug)]
pub(crate) struct SnatFact {
    /// `SnatEntryId`.
    pub id: Option<String>,
    pub nat: Option<String>,
    pub table: Option<String>,
    pub source: String,
    pub ips: Vec<String>,
    /// How summary lines name it.
    pub name: String,
}

#[derive(Debug)]
pub(crate) struct PeeringFact {
    pub vpcs: [String; 2],
}

impl Facts {
    pub fn skip(&mut self, kind: Kind, id: impl Into<String>, why: Said) {
        self.skipped.push(Skip {
            kind,
            id: id.into(),
            why,
        });
    }

    pub fn see_region(&mut self, region: Option<String>) {
        if self.region.is_none() {
            self.region = region;
        }
    }

    /// Adds a route of a table; a repeated destination replaces the earlier route.
    pub fn add_route(&mut self, table: &str, route: Route) {
        (self.routes.entry(table.to_owned()).or_default()).insert(route.destination.clone(), route);
    }
}

/// `System` / `Custom` in any case.
pub(crate) fn table_kind(s: Option<String>) -> Option<RouteTableKind> {
    match s?.to_ascii_lowercase().as_str() {
        "system" => Some(RouteTableKind::System),
        "custom" => Some(RouteTableKind::Custom),
        _ => None,
    }
}

/// Adds `item` unless it is there already.
pub(crate) fn push_new<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_id_is_a_map_ordered_by_id() {
        let mut m: ById<Vec<u32>> = ById::default();
        m.insert("b".into(), vec![1]);
        m.entry("a".into()).or_default().push(2);
        m.entry("b".into()).or_default().push(3);
        m.insert("c".into(), vec![4]);
        m.insert("c".into(), vec![5]);
        assert_eq!(m.entry("d".into()).or_insert(vec![6]), &[6]);
        assert_eq!(m.len(), 4);
        assert_eq!(m.get("b"), Some(&vec![1, 3]));
        assert!(m.contains_key("a") && !m.contains_key("e"));
        let keys: Vec<&String> = m.keys().collect();
        assert_eq!(keys, ["a", "b", "c", "d"]);
        let values: Vec<&Vec<u32>> = m.values().collect();
        assert_eq!(values, [&vec![2], &vec![1, 3], &vec![5], &vec![6]]);
        let pairs: Vec<(&String, &Vec<u32>)> = (&m).into_iter().collect();
        assert_eq!(pairs, m.iter().collect::<Vec<_>>());
        let owned: Vec<(String, Vec<u32>)> = m.into_iter().collect();
        assert_eq!(owned[1], ("b".to_owned(), vec![1, 3]));
        assert_eq!(owned.len(), 4);
    }
}
