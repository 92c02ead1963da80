//! Finding and putting the plan's objects by ID. Positions are looked up once per kind and
//! kept right as objects move, so a merge of thousands of objects stays linear.

use rustc_hash::FxHashMap as HashMap;

use crate::plan::{Plan, Vpc};

/// Position of an object: (VPC index, index in its list).
pub(super) type Pos = (usize, usize);

/// Where each object of one kind is, by ID (the first, when the plan repeats an ID).
pub(super) fn index_of<T>(
    plan: &Plan,
    list: fn(&Vpc) -> &Vec<T>,
    id: fn(&T) -> &String,
) -> HashMap<String, Pos> {
    let mut index = HashMap::default();
    for (v, vpc) in plan.vpcs.iter().enumerate() {
        for (i, item) in list(vpc).iter().enumerate() {
            index.entry(id(item).clone()).or_insert((v, i));
        }
    }
    index
}

/// Puts `make(the object now there)` under `id` in VPC `vpc`: in place when it is in that VPC
/// already, moved to the end of that VPC's list when it is in another, appended when new.
pub(super) fn upsert<T: Clone>(
    plan: &mut Plan,
    index: &mut HashMap<String, Pos>,
    list: fn(&mut Vpc) -> &mut Vec<T>,
    vpc: usize,
    id: &str,
    make: impl FnOnce(Option<T>) -> T,
) {
    match index.get(id).copied() {
        Some((v, i)) if v == vpc => {
            let items = list(&mut plan.vpcs[v]);
            let old = items[i].clone();
            items[i] = make(Some(old));
        }
        Some((v, i)) => {
            let old = list(&mut plan.vpcs[v]).remove(i);
            for pos in index.values_mut() {
                if pos.0 == v && pos.1 > i {
                    pos.1 -= 1;
                }
            }
            let items = list(&mut plan.vpcs[vpc]);
            items.push(make(Some(old)));
            index.insert(id.to_owned(), (vpc, items.len() - 1));
        }
        None => {
            let items = list(&mut plan.vpcs[vpc]);
            items.push(make(None));
            index.insert(id.to_owned(), (vpc, items.len() - 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::vpcs::new_vpc;
    use super::*;
    use crate::plan::VSwitch;

    fn vsw(id: &str) -> VSwitch {
        VSwitch {
            id: id.to_owned(),
            zone: None,
            cidr: "10.0.0.0/24".to_owned(),
            route_table: None,
            other_ips: 0,
        }
    }

    #[test]
    fn upsert_keeps_the_index_right_across_a_move() {
        let mut plan = Plan::empty();
        plan.vpcs.push(new_vpc("vpc-a", Vec::new()));
        plan.vpcs.push(new_vpc("vpc-b", Vec::new()));
        plan.vpcs[0].vswitches = vec![vsw("vsw-1"), vsw("vsw-2"), vsw("vsw-3")];
        let mut index = index_of(&plan, |v| &v.vswitches, |s| &s.id);
        let list: fn(&mut Vpc) -> &mut Vec<VSwitch> = |v| &mut v.vswitches;
        // Move the first to vpc-b, then update the third where it now is.
        upsert(&mut plan, &mut index, list, 1, "vsw-1", |old| old.unwrap());
        upsert(&mut plan, &mut index, list, 0, "vsw-3", |old| {
            let mut s = old.unwrap();
            s.other_ips = 9;
            s
        });
        upsert(&mut plan, &mut index, list, 1, "vsw-4", |old| {
            assert!(old.is_none());
            vsw("vsw-4")
        });
        let ids = |v: usize| -> Vec<(String, u64)> {
            (plan.vpcs[v].vswitches.iter())
                .map(|s| (s.id.clone(), s.other_ips))
                .collect()
        };
        assert_eq!(ids(0), [("vsw-2".to_owned(), 0), ("vsw-3".to_owned(), 9)]);
        assert_eq!(ids(1), [("vsw-1".to_owned(), 0), ("vsw-4".to_owned(), 0)]);
        assert_eq!(index["vsw-3"], (0, 1));
        assert_eq!(index["vsw-4"], (1, 1));
    }
}
