//! Memo keys over one part of the plan, so that a panel recomputes what it draws from that
//! part only when the part changes: on a large plan, typing a region must not redo the
//! address map.

use std::rc::Rc;

use easnet_core::plan::Plan;

/// Whether two shared values are equal in what `eq` compares, without looking inside when they
/// are the same `Rc`. For props and effect dependencies holding the plan or the report: `==`
/// on an `Rc` compares the values in full unless they are `Eq`, which neither is (both hold
/// `f64`s), and a large plan takes a millisecond to compare with itself.
pub fn same<T: ?Sized>(a: &Rc<T>, b: &Rc<T>, eq: impl FnOnce(&T, &T) -> bool) -> bool {
    Rc::ptr_eq(a, b) || eq(a, b)
}

/// An `Rc` as an effect dependency that changes when it is another `Rc`: the reducer makes a
/// new plan for every change, and keeps the same one otherwise.
#[derive(Clone)]
pub struct Identity<T: ?Sized>(pub Rc<T>);

impl<T: ?Sized> PartialEq for Identity<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The plan as a `use_memo` dependency that compares only `part` of it (by value, without
/// copying it: the previous plan is kept by its `Rc`).
pub struct PlanPart<T: PartialEq + ?Sized + 'static> {
    plan: Rc<Plan>,
    part: fn(&Plan) -> &T,
}

impl<T: PartialEq + ?Sized> PlanPart<T> {
    pub fn new(plan: &Rc<Plan>, part: fn(&Plan) -> &T) -> Self {
        PlanPart {
            plan: plan.clone(),
            part,
        }
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }
}

impl<T: PartialEq + ?Sized> PartialEq for PlanPart<T> {
    fn eq(&self, other: &Self) -> bool {
        same(&self.plan, &other.plan, |a, b| {
            (self.part)(a) == (other.part)(b)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vpcs(p: &Plan) -> &[easnet_core::plan::Vpc] {
        &p.vpcs
    }

    #[test]
    fn equal_when_the_part_is() {
        let a = Rc::new(easnet_core::synth::large_plan(0));
        let mut other = (*a).clone();
        other.region = Some("cn-beijing".to_owned());
        let b = Rc::new(other.clone());
        assert!(PlanPart::new(&a, vpcs) == PlanPart::new(&b, vpcs));
        other.vpcs = easnet_core::synth::large_plan(1).vpcs;
        assert!(PlanPart::new(&a, vpcs) != PlanPart::new(&Rc::new(other), vpcs));
    }

    #[test]
    fn the_same_rc_is_equal_without_a_look_inside() {
        let a = Rc::new(f64::NAN);
        assert!(
            same(&a, &a, |x, y| x == y),
            "NaN != NaN, but it is the same Rc"
        );
        assert!(!same(&a, &Rc::new(f64::NAN), |x, y| x == y));
        assert!(same(&Rc::new(1.0), &Rc::new(1.0), |x, y| x == y));
        assert!(Identity(a.clone()) == Identity(a));
        assert!(Identity(Rc::new(1)) != Identity(Rc::new(1)));
    }
}
