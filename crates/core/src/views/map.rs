//! The address map of each VPC: its CIDRs with the vSwitches and free blocks laid out by
//! address, as fractions the page draws to scale.

use std::net::IpAddr;

use ipnet::IpNet;
use serde::Serialize;

use crate::addr::{
    contains_net, first_usable, free_blocks, last_usable, parse_cidr, total_addresses, usable_ips,
};
use crate::plan::Vpc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SegmentKind {
    VSwitch,
    Free,
}

/// One block of a VPC CIDR.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Segment {
    pub kind: SegmentKind,
    /// The vSwitch ID; `None` for free space.
    pub id: Option<String>,
    pub cidr: String,
    /// Offset and width as fractions of the VPC CIDR (0..=1).
    pub start: f64,
    pub width: f64,
    pub addresses: u128,
    pub usable: u64,
    pub first_usable: Option<String>,
    pub last_usable: Option<String>,
}

/// How many CIDRs of a VPC the map draws: a VPC has at most one primary and five secondary
/// CIDRs (domain-facts §2; more is CIDR007).
pub const MAX_SPACES: usize = 6;

/// How many blocks (vSwitches and free space) of one CIDR the map draws, in address order: a
/// VPC holds at most 150 vSwitches (domain-facts §2), with free space between them.
pub const MAX_SEGMENTS: usize = 300;

/// How many vSwitches a block of the grid names; the rest are counted.
pub const NAMED_PER_CELL: usize = 5;

/// One CIDR of a VPC and what lies in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Space {
    pub cidr: String,
    pub addresses: u128,
    /// The first [`MAX_SEGMENTS`] blocks by address.
    pub segments: Vec<Segment>,
    /// Blocks past those, not drawn: a plan that is not a real VPC's (thousands of vSwitches)
    /// is drawn in proportion to what a VPC can hold, not to its size.
    pub hidden_segments: usize,
    /// The space cut into at most 256 equal blocks of this prefix, for a grid picture.
    pub cell_prefix: u8,
    pub cells: Vec<Cell>,
}

/// One block of the grid: which vSwitches use it and how much of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    pub cidr: String,
    /// The vSwitches (IDs) in this block, in address order: the first [`NAMED_PER_CELL`].
    pub vswitches: Vec<String>,
    /// How many more vSwitches are in this block.
    pub more: usize,
    /// Share of the block's addresses inside vSwitches (0..=1).
    pub used: f64,
}

/// The grid of `space`: blocks of `space.prefix + 8` (at most 256), each with the vSwitches
/// in it. A vSwitch larger than a block fills several; a smaller one part of one.
fn cells(space: &IpNet, vsws: &[&(IpNet, &str)]) -> (u8, Vec<Cell>) {
    let prefix = (space.prefix_len() + 8).min(space.max_prefix_len());
    let Ok(blocks) = space.subnets(prefix) else {
        return (prefix, Vec::new());
    };
    let blocks: Vec<IpNet> = blocks.collect();
    let mut cells: Vec<Cell> = (blocks.iter())
        .map(|b| Cell {
            cidr: b.to_string(),
            vswitches: Vec::new(),
            more: 0,
            used: 0.0,
        })
        .collect();
    let size = total_addresses(&blocks[0]) as f64;
    for (net, id) in vsws {
        let first = (offset(space, net) / total_addresses(&blocks[0]).max(1)) as usize;
        if net.prefix_len() <= prefix {
            let count = (total_addresses(net) / total_addresses(&blocks[0]).max(1)) as usize;
            for cell in cells.iter_mut().skip(first).take(count) {
                cell.name(id);
                cell.used = 1.0;
            }
        } else if let Some(cell) = cells.get_mut(first) {
            cell.name(id);
            cell.used = (cell.used + total_addresses(net) as f64 / size).min(1.0);
        }
    }
    (prefix, cells)
}

impl Cell {
    /// Counts a vSwitch in this block, naming the first few.
    fn name(&mut self, id: &str) {
        if self.vswitches.len() < NAMED_PER_CELL {
            self.vswitches.push(id.to_owned());
        } else {
            self.more += 1;
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VpcMap {
    pub vpc: String,
    /// Its first [`MAX_SPACES`] readable CIDRs.
    pub spaces: Vec<Space>,
    /// Readable CIDRs past those, not drawn.
    pub hidden_spaces: usize,
}

fn offset(outer: &IpNet, inner: &IpNet) -> u128 {
    let n = |a: IpAddr| match a {
        IpAddr::V4(a) => u128::from(u32::from(a)),
        IpAddr::V6(a) => u128::from(a),
    };
    n(inner.network()).saturating_sub(n(outer.network()))
}

fn segment(space: &IpNet, net: &IpNet, kind: SegmentKind, id: Option<String>) -> Segment {
    let total = total_addresses(space) as f64;
    Segment {
        kind,
        id,
        cidr: net.to_string(),
        start: offset(space, net) as f64 / total,
        width: total_addresses(net) as f64 / total,
        addresses: total_addresses(net),
        usable: usable_ips(net),
        first_usable: first_usable(net).map(|a| a.to_string()),
        last_usable: last_usable(net).map(|a| a.to_string()),
    }
}

/// The map of each of `vpcs` (a plan's) with readable CIDRs; segments sorted by address.
///
/// # Examples
/// ```
/// use easnet_core::{views::map::address_map, samples::examples::default_example, plan::parse_plan};
/// let maps = address_map(&parse_plan(default_example().json).unwrap().vpcs);
/// let space = &maps[0].spaces[0];
/// assert_eq!(space.cidr, "192.168.0.0/16");
/// let covered: f64 = space.segments.iter().map(|s| s.width).sum();
/// assert!((covered - 1.0).abs() < 1e-9);
/// // A /16 is drawn as 256 blocks of /24; the /27 EAS vSwitch uses 1/8 of 192.168.20.0/24.
/// assert_eq!((space.cell_prefix, space.cells.len()), (24, 256));
/// let eas = &space.cells[20];
/// assert_eq!((eas.cidr.as_str(), eas.vswitches.as_slice(), eas.used), ("192.168.20.0/24", &["vsw-uf6eas-e".to_owned()][..], 0.125));
/// ```
pub fn address_map(vpcs: &[Vpc]) -> Vec<VpcMap> {
    vpcs.iter()
        .map(|vpc| {
            let vsws: Vec<(IpNet, &str)> = (vpc.vswitches.iter())
                .filter_map(|s| parse_cidr(&s.cidr).ok().map(|n| (n, s.id.as_str())))
                .collect();
            let readable: Vec<IpNet> =
                (vpc.cidrs.iter().filter_map(|c| parse_cidr(c).ok())).collect();
            let spaces = (readable.iter().take(MAX_SPACES).copied())
                .map(|space| {
                    let inside: Vec<&(IpNet, &str)> = vsws
                        .iter()
                        .filter(|(n, _)| contains_net(&space, n))
                        .collect();
                    let used: Vec<IpNet> = inside.iter().map(|(n, _)| *n).collect();
                    let mut segments: Vec<Segment> = (inside.iter())
                        .map(|(n, id)| {
                            segment(&space, n, SegmentKind::VSwitch, Some((*id).to_owned()))
                        })
                        .chain(
                            free_blocks(&[space], &used)
                                .iter()
                                .map(|n| segment(&space, n, SegmentKind::Free, None)),
                        )
                        .collect();
                    segments.sort_by(|a, b| a.start.total_cmp(&b.start));
                    let hidden_segments = segments.len().saturating_sub(MAX_SEGMENTS);
                    segments.truncate(MAX_SEGMENTS);
                    let (cell_prefix, cells) = cells(&space, &inside);
                    Space {
                        cidr: space.to_string(),
                        addresses: total_addresses(&space),
                        segments,
                        hidden_segments,
                        cell_prefix,
                        cells,
                    }
                })
                .collect();
            VpcMap {
                vpc: vpc.id.clone(),
                spaces,
                hidden_spaces: readable.len().saturating_sub(MAX_SPACES),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::VSwitch;

    fn vpc(cidrs: usize, vswitches: usize) -> Vpc {
        Vpc {
            id: "vpc-a".into(),
            cidrs: vec!["10.0.0.0/8".into(); cidrs],
            vswitches: (0..vswitches)
                .map(|i| VSwitch {
                    id: format!("vsw-{i}"),
                    zone: None,
                    cidr: "10.0.0.0/24".into(),
                    route_table: None,
                    other_ips: 0,
                })
                .collect(),
            route_tables: Vec::new(),
            security_groups: Vec::new(),
            nat_gateways: Vec::new(),
        }
    }

    #[test]
    fn a_plan_no_vpc_could_hold_is_drawn_as_much_as_a_vpc_holds() {
        let maps = address_map(&[vpc(1000, 10_000)]);
        let map = &maps[0];
        assert_eq!(
            (map.spaces.len(), map.hidden_spaces),
            (MAX_SPACES, 1000 - MAX_SPACES)
        );
        let space = &map.spaces[0];
        // 10,000 vSwitches and the free blocks after them.
        assert_eq!(space.segments.len(), MAX_SEGMENTS);
        assert_eq!(space.segments.len() + space.hidden_segments, 10_000 + 16);
        let cell = &space.cells[0];
        assert_eq!(
            (cell.vswitches.len(), cell.more),
            (NAMED_PER_CELL, 10_000 - NAMED_PER_CELL)
        );
    }
}
