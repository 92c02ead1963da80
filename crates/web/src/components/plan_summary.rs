use easnet_core::plan::{Plan, ServiceSpec};
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct PlanSummaryProps {
    pub plan: Plan,
}

/// The plan editor's shell: the services and the network they live in.
#[function_component(PlanSummary)]
pub fn plan_summary(props: &PlanSummaryProps) -> Html {
    let plan = &props.plan;
    html! {
        <section class="panel plan" aria-labelledby="plan-heading">
            <h2 id="plan-heading">{"Plan"}</h2>
            if let Some(region) = &plan.region {
                <p class="muted">{"Region "}<code>{region}</code></p>
            }
            <h3>{"Services"}</h3>
            <ul class="services">
                { for plan.services.iter().enumerate().map(|(i, entry)| {
                    let value = entry.service.value().unwrap_or_default();
                    let spec = ServiceSpec::read(&value, "service").unwrap_or_default();
                    let name = spec.name.map(str::to_owned).unwrap_or_else(|| format!("service {}", i + 1));
                    let vswitch = spec.networking.as_ref().and_then(|n| n.vswitch_id.clone());
                    html! {
                        <li class="service">
                            <strong>{name}</strong>
                            if let Some(vsw) = vswitch {
                                {" in "}<code>{vsw}</code>
                            } else {
                                <span class="muted">{" no VPC networking"}</span>
                            }
                            if entry.needs_internet {
                                <span class="tag">{"needs internet"}</span>
                            }
                        </li>
                    }
                }) }
            </ul>
            <h3>{"VPCs"}</h3>
            { for plan.vpcs.iter().map(|vpc| html! {
                <div class="vpc">
                    <h4><code>{&vpc.id}</code>{" "}<span class="muted">{vpc.cidrs.join(", ")}</span></h4>
                    <table>
                        <thead><tr><th scope="col">{"vSwitch"}</th><th scope="col">{"Zone"}</th><th scope="col">{"CIDR"}</th></tr></thead>
                        <tbody>
                            { for vpc.vswitches.iter().map(|vsw| html! {
                                <tr>
                                    <td><code>{&vsw.id}</code></td>
                                    <td>{vsw.zone.clone().unwrap_or_default()}</td>
                                    <td><code>{&vsw.cidr}</code></td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }) }
        </section>
    }
}
