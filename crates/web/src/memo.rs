//! Props and memo keys over one part of the plan or the report, so that a component redraws,
//! or a panel recomputes what it draws, only when that part changes: on a large plan, typing a
//! region must not redo the address map.

use std::ops::Deref;
use std::rc::Rc;

use easnet_core::analyze::{CapacityRow, Finding, Report, ServicePath};
use easnet_core::plan::{Peering, Plan, ResourceGroup, ServiceEntry, Vpc};

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

/// One part of a shared value (the plan, the report), for props and `use_memo` dependencies:
/// equal when it is the same `Rc`, else when the parts are equal (by value, without copying
/// them: the previous whole is kept by its `Rc`). Its holder sees the part only (`Deref`), so
/// a component given parts reads exactly what its props compare, and derives `PartialEq`.
///
/// Parts are made by the constructors below, one per part, so that two parts of one type are
/// always taken by the same function.
pub struct Part<S: 'static, T: ?Sized + 'static> {
    whole: Rc<S>,
    get: fn(&S) -> &T,
}

/// A part of the plan.
pub type PlanPart<T> = Part<Plan, T>;
/// A part of the analyzer's report.
pub type ReportPart<T> = Part<Report, T>;

impl<S, T: ?Sized> Part<S, T> {
    fn new(whole: &Rc<S>, get: fn(&S) -> &T) -> Self {
        Part {
            whole: whole.clone(),
            get,
        }
    }
}

impl PlanPart<[ServiceEntry]> {
    pub fn services(plan: &Rc<Plan>) -> Self {
        Part::new(plan, |p| &p.services)
    }
}

impl PlanPart<[Vpc]> {
    pub fn vpcs(plan: &Rc<Plan>) -> Self {
        Part::new(plan, |p| &p.vpcs)
    }
}

impl PlanPart<[Peering]> {
    pub fn peerings(plan: &Rc<Plan>) -> Self {
        Part::new(plan, |p| &p.peerings)
    }
}

impl PlanPart<[ResourceGroup]> {
    pub fn resource_groups(plan: &Rc<Plan>) -> Self {
        Part::new(plan, |p| &p.resource_groups)
    }
}

impl ReportPart<[Finding]> {
    pub fn findings(report: &Rc<Report>) -> Self {
        Part::new(report, |r| &r.findings)
    }
}

impl ReportPart<[ServicePath]> {
    pub fn paths(report: &Rc<Report>) -> Self {
        Part::new(report, |r| &r.paths)
    }
}

impl ReportPart<[CapacityRow]> {
    pub fn capacity(report: &Rc<Report>) -> Self {
        Part::new(report, |r| &r.capacity)
    }
}

impl<S, T: ?Sized> Clone for Part<S, T> {
    fn clone(&self) -> Self {
        Part {
            whole: self.whole.clone(),
            get: self.get,
        }
    }
}

impl<S, T: ?Sized> Deref for Part<S, T> {
    type Target = T;

    fn deref(&self) -> &T {
        (self.get)(&self.whole)
    }
}

impl<S, T: PartialEq + ?Sized> PartialEq for Part<S, T> {
    fn eq(&self, other: &Self) -> bool {
        same(&self.whole, &other.whole, |a, b| {
            (self.get)(a) == (other.get)(b)
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
    fn a_part_shows_its_part() {
        let plan = Rc::new(easnet_core::samples::synth::large_plan(0));
        let part = PlanPart::new(&plan, vpcs);
        assert_eq!(part.len(), plan.vpcs.len());
        assert!(part.clone() == part);
    }

    #[test]
    fn equal_when_the_part_is() {
        let a = Rc::new(easnet_core::samples::synth::large_plan(0));
        let mut other = (*a).clone();
        other.region = Some("cn-beijing".to_owned());
        let b = Rc::new(other.clone());
        assert!(PlanPart::new(&a, vpcs) == PlanPart::new(&b, vpcs));
        other.vpcs = easnet_core::samples::synth::large_plan(1).vpcs;
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
