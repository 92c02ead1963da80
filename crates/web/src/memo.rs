//! Memo keys over one part of the plan, so that a panel recomputes what it draws from that
//! part only when the part changes: on a large plan, typing a region must not redo the
//! address map.

use std::rc::Rc;

use easnet_core::plan::Plan;

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
        Rc::ptr_eq(&self.plan, &other.plan) || (self.part)(&self.plan) == (other.part)(&other.plan)
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
}
