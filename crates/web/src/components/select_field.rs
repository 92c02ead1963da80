use std::str::FromStr;

use easnet_core::plan::{
    NatKind, PeeringKind, Policy, Protocol, RouteTableKind, SecurityGroupKind,
};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::IssueList;
use crate::browser::field_id;

/// A value the page offers in a drop-down: one of an enum of the plan, by its own names.
pub trait Choice: Copy + PartialEq + FromStr + 'static {
    /// Every value, in the order offered.
    const ALL: &'static [Self];
    /// The plan's spelling: the option's value, read back with `FromStr`.
    fn value(self) -> &'static str;
    /// What the option says.
    fn label(self) -> &'static str {
        self.value()
    }
}

/// [`Choice`] from the enum's own `ALL` and `as_str`.
macro_rules! choice {
    ($($t:ty),+) => {$(
        impl Choice for $t {
            const ALL: &'static [Self] = &<$t>::ALL;
            fn value(self) -> &'static str {
                self.as_str()
            }
        }
    )+};
    ($t:ty, |$v:ident| $label:expr) => {
        impl Choice for $t {
            const ALL: &'static [Self] = &<$t>::ALL;
            fn value(self) -> &'static str {
                self.as_str()
            }
            fn label(self) -> &'static str {
                let $v = self;
                $label
            }
        }
    };
}

choice!(RouteTableKind, SecurityGroupKind, Policy, Protocol);
choice!(NatKind, |k| match k {
    NatKind::Internet => "internet",
    NatKind::Vpc => "vpc (private NAT)",
});
choice!(PeeringKind, |k| match k {
    PeeringKind::VpcPeer => "VPC peering",
    PeeringKind::Cen => "CEN (transit router)",
});

#[derive(PartialEq, Properties)]
pub struct EnumSelectProps<T: Choice> {
    pub path: AttrValue,
    pub label: AttrValue,
    pub value: T,
    pub on_change: Callback<T>,
}

/// A drop-down of every value of a plan enum ([`Choice`]). A value that does not read back
/// (none can: the options are the enum's own) is ignored, not coerced.
#[function_component(EnumSelect)]
pub fn enum_select<T: Choice>(props: &EnumSelectProps<T>) -> Html {
    let on_change = {
        let cb = props.on_change.clone();
        Callback::from(move |v: String| {
            if let Ok(v) = v.parse::<T>() {
                cb.emit(v)
            }
        })
    };
    let options: Vec<(&str, &str)> = T::ALL.iter().map(|&v| (v.value(), v.label())).collect();
    select(
        &props.path,
        &props.label,
        props.value.value(),
        &options,
        on_change,
    )
}

#[derive(PartialEq, Properties)]
pub struct SelectFieldProps {
    pub path: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    /// (value, label) pairs. The current value is added when it is not among them, so a
    /// reference to something outside the plan is shown, not silently changed.
    pub options: Vec<(String, String)>,
    pub on_change: Callback<String>,
}

/// A drop-down of IDs the plan has (or of the cloud's spellings of a free-text field).
#[function_component(SelectField)]
pub fn select_field(props: &SelectFieldProps) -> Html {
    let options: Vec<(&str, &str)> = (props.options.iter())
        .map(|(v, l)| (v.as_str(), l.as_str()))
        .collect();
    select(
        &props.path,
        &props.label,
        &props.value,
        &options,
        props.on_change.clone(),
    )
}

/// The markup of both drop-downs, once.
fn select(
    path: &AttrValue,
    label: &AttrValue,
    value: &str,
    options: &[(&str, &str)],
    on_change: Callback<String>,
) -> Html {
    let id = field_id(path);
    let on_change = Callback::from(move |e: Event| {
        on_change.emit(e.target_unchecked_into::<HtmlSelectElement>().value())
    });
    let known = options.iter().any(|(v, _)| *v == value);
    html! {
        <div class="field">
            <label for={id.clone()}>{label.clone()}</label>
            <select id={id} onchange={on_change} aria-describedby={format!("issues-{path}")}>
                if !known {
                    <option value={value.to_owned()} selected=true>{format!("{value} (not in the plan)")}</option>
                }
                { for options.iter().map(|(v, l)| html! {
                    <option value={(*v).to_owned()} selected={*v == value}>{*l}</option>
                }) }
            </select>
            <IssueList path={path.clone()} />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options<T: Choice>() -> Vec<(&'static str, &'static str)> {
        T::ALL.iter().map(|&v| (v.value(), v.label())).collect()
    }

    /// Each option's value reads back as the value it stands for.
    fn reads_back<T: Choice>() -> bool {
        T::ALL
            .iter()
            .all(|&v| v.value().parse::<T>().ok() == Some(v))
    }

    #[test]
    fn every_enum_select_offers_the_plans_spellings() {
        let same = |names: &[&'static str]| -> Vec<(&'static str, &'static str)> {
            names.iter().map(|&n| (n, n)).collect()
        };
        assert_eq!(options::<RouteTableKind>(), same(&["custom", "system"]));
        assert_eq!(
            options::<SecurityGroupKind>(),
            same(&["basic", "enterprise"])
        );
        assert_eq!(options::<Policy>(), same(&["accept", "drop"]));
        assert_eq!(
            options::<Protocol>(),
            same(&["tcp", "udp", "icmp", "gre", "all"])
        );
        assert_eq!(
            options::<NatKind>(),
            [("internet", "internet"), ("vpc", "vpc (private NAT)")]
        );
        assert_eq!(
            options::<PeeringKind>(),
            [("vpc_peer", "VPC peering"), ("cen", "CEN (transit router)")]
        );
        assert!(reads_back::<RouteTableKind>() && reads_back::<SecurityGroupKind>());
        assert!(reads_back::<Policy>() && reads_back::<Protocol>());
        assert!(reads_back::<NatKind>() && reads_back::<PeeringKind>());
    }
}
