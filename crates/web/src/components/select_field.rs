use std::str::FromStr;

use easnet_core::plan::{
    NatKind, PeeringKind, Policy, Protocol, RouteTableKind, SecurityGroupKind, TargetKind,
    UnknownName,
};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::IssueList;
use crate::browser::field_id;
use crate::words::Words;
use easnet_core::args;

/// A value the page offers in a drop-down: one of an enum of the plan, by its own names.
pub trait Choice: Copy + PartialEq + FromStr + 'static {
    /// Every value, in the order offered.
    const ALL: &'static [Self];
    /// The plan's spelling: the option's value, read back with `FromStr`.
    fn value(self) -> &'static str;
    /// The key of what the option says, when it says more than the value.
    fn label_key(self) -> Option<&'static str> {
        None
    }
    /// What the option says.
    fn label(self, words: &Words) -> String {
        match self.label_key() {
            Some(key) => words.text(key, &[]),
            None => self.value().to_owned(),
        }
    }
}

/// [`Choice`] from the enum's own `ALL` and `as_str`, and the keys of its labels.
macro_rules! choice {
    ($t:ty, |$v:ident| $label:expr) => {
        impl Choice for $t {
            const ALL: &'static [Self] = &<$t>::ALL;
            fn value(self) -> &'static str {
                self.as_str()
            }
            fn label_key(self) -> Option<&'static str> {
                let $v = self;
                $label
            }
        }
    };
}

choice!(RouteTableKind, |k| Some(match k {
    RouteTableKind::Custom => "ui.opt.custom",
    RouteTableKind::System => "ui.opt.system",
}));
choice!(SecurityGroupKind, |k| Some(match k {
    SecurityGroupKind::Basic => "ui.opt.basic",
    SecurityGroupKind::Enterprise => "ui.opt.enterprise",
}));
choice!(Policy, |k| Some(match k {
    Policy::Accept => "ui.opt.accept",
    Policy::Drop => "ui.opt.drop",
}));
// Protocols are said by their names, but for "all".
choice!(Protocol, |k| (k == Protocol::All).then_some("ui.opt.all"));
choice!(NatKind, |k| Some(match k {
    NatKind::Internet => "ui.opt.nat_internet",
    NatKind::Vpc => "ui.opt.nat_vpc",
}));
choice!(PeeringKind, |k| Some(match k {
    PeeringKind::VpcPeer => "ui.opt.vpc_peer",
    PeeringKind::Cen => "ui.opt.cen",
}));

/// A target's optional `kind`: none (the kind its name or address shows), or one of
/// [`TargetKind`]'s. The option of none has the value `""`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetKindChoice(pub Option<TargetKind>);

impl FromStr for TargetKindChoice {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, UnknownName> {
        match s {
            "" => Ok(TargetKindChoice(None)),
            s => s.parse().map(|k| TargetKindChoice(Some(k))),
        }
    }
}

impl Choice for TargetKindChoice {
    // Every kind of `TargetKind::ALL` after none (a test checks they agree).
    const ALL: &'static [Self] = &[
        TargetKindChoice(None),
        TargetKindChoice(Some(TargetKind::Rds)),
        TargetKindChoice(Some(TargetKind::Polardb)),
        TargetKindChoice(Some(TargetKind::Redis)),
        TargetKindChoice(Some(TargetKind::Mongodb)),
        TargetKindChoice(Some(TargetKind::Other)),
    ];
    fn value(self) -> &'static str {
        self.0.map_or("", TargetKind::as_str)
    }
    fn label_key(self) -> Option<&'static str> {
        Some(match self.0 {
            None => "ui.opt.target_auto",
            Some(TargetKind::Rds) => "ui.opt.rds",
            Some(TargetKind::Polardb) => "ui.opt.polardb",
            Some(TargetKind::Redis) => "ui.opt.redis",
            Some(TargetKind::Mongodb) => "ui.opt.mongodb",
            Some(TargetKind::Other) => "ui.opt.other_kind",
        })
    }
}

/// A drop-down of every value of a plan enum ([`Choice`]), drawn by [`SelectField`]: the
/// options are the enum's own, and the chosen one is read back with `FromStr`; a value that
/// does not read (none can) is ignored, not coerced.
///
/// A function, not a component of its own: a generic component would put Yew's component
/// code in the page once per enum (6 × ~5 KB of wasm), this one puts in a few lines per enum.
pub fn enum_select<T: Choice>(
    path: impl Into<AttrValue>,
    label: impl Into<AttrValue>,
    value: T,
    on_change: Callback<T>,
    words: Words,
) -> Html {
    let options: Vec<(String, String)> = (T::ALL.iter())
        .map(|&v| (v.value().to_owned(), v.label(&words)))
        .collect();
    let label = label.into();
    let on_change = Callback::from(move |v: String| {
        if let Ok(v) = v.parse::<T>() {
            on_change.emit(v)
        }
    });
    html! {
        <SelectField path={path.into()} {label} value={value.value()} {options} {on_change} />
    }
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

/// A drop-down: of IDs the plan has, of the cloud's spellings of a free-text field, or of a
/// plan enum's values ([`enum_select`]).
#[function_component(SelectField)]
pub fn select_field(props: &SelectFieldProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let id = field_id(&props.path);
    let on_change = {
        let cb = props.on_change.clone();
        Callback::from(move |e: Event| {
            cb.emit(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let known = props
        .options
        .iter()
        .any(|(v, _)| v.as_str() == props.value.as_str());
    html! {
        <div class="field">
            <label for={id.clone()}>{props.label.clone()}</label>
            <select id={id} onchange={on_change} aria-describedby={format!("issues-{}", props.path)}>
                if !known {
                    <option value={props.value.clone()} selected=true>{w.text("ui.select.unknown", args![value = props.value])}</option>
                }
                { for props.options.iter().map(|(v, l)| html! {
                    <option value={v.clone()} selected={v.as_str() == props.value.as_str()}>{l}</option>
                }) }
            </select>
            <IssueList path={props.path.clone()} />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options<T: Choice>() -> Vec<(&'static str, String)> {
        let en = Words::english();
        T::ALL.iter().map(|&v| (v.value(), v.label(&en))).collect()
    }

    /// Each option's value reads back as the value it stands for.
    fn reads_back<T: Choice>() -> bool {
        T::ALL
            .iter()
            .all(|&v| v.value().parse::<T>().ok() == Some(v))
    }

    #[test]
    fn every_enum_select_offers_the_plans_spellings() {
        let same = |names: &[&'static str]| -> Vec<(&'static str, String)> {
            names.iter().map(|&n| (n, n.to_owned())).collect()
        };
        let labelled = |pairs: &[(&'static str, &str)]| -> Vec<(&'static str, String)> {
            pairs.iter().map(|&(v, l)| (v, l.to_owned())).collect()
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
            labelled(&[("internet", "internet"), ("vpc", "vpc (private NAT)")])
        );
        assert_eq!(
            options::<PeeringKind>(),
            labelled(&[("vpc_peer", "VPC peering"), ("cen", "CEN (transit router)")])
        );
        assert!(reads_back::<RouteTableKind>() && reads_back::<SecurityGroupKind>());
        assert!(reads_back::<Policy>() && reads_back::<Protocol>());
        assert!(reads_back::<NatKind>() && reads_back::<PeeringKind>());
        assert!(reads_back::<TargetKindChoice>());
        let kinds: Vec<Option<TargetKind>> = TargetKindChoice::ALL.iter().map(|c| c.0).collect();
        let want: Vec<Option<TargetKind>> = std::iter::once(None)
            .chain(TargetKind::ALL.map(Some))
            .collect();
        assert_eq!(kinds, want);
        assert_eq!(
            options::<TargetKindChoice>()[..2],
            labelled(&[("", "(from the name or address)"), ("rds", "RDS")])
        );
    }
}
