use easnet_core::plan::{NatGateway, NatKind, SnatEntry};
use yew::prelude::*;

use super::{enum_select, ItemActions, SelectField, StringListField, TextField};
use crate::browser::field_id;
use crate::list::{appended, duplicated, removed, replaced, setter};
use crate::words::Words;
use easnet_core::args;

#[derive(PartialEq, Properties)]
pub struct NatEditorProps {
    pub path: AttrValue,
    pub nat: NatGateway,
    /// The VPC's vSwitch IDs.
    pub vswitches: Vec<String>,
    pub on_change: Callback<NatGateway>,
}

#[function_component(NatEditor)]
pub fn nat_editor(props: &NatEditorProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let p = &props.path;
    let n = &props.nat;
    let set = |f: fn(&mut NatGateway, String)| setter(n, &props.on_change, f);
    let on_eips = setter(n, &props.on_change, |o: &mut NatGateway, v: Vec<String>| {
        o.eips = v
    });
    let set_entries = setter(
        n,
        &props.on_change,
        |o: &mut NatGateway, v: Vec<SnatEntry>| o.snat_entries = v,
    );
    let add = {
        let (entries, cb, eips, vsw) = (
            n.snat_entries.clone(),
            set_entries.clone(),
            n.eips.clone(),
            props.vswitches.first().cloned().unwrap_or_default(),
        );
        Callback::from(move |_: MouseEvent| {
            cb.emit(appended(
                &entries,
                SnatEntry {
                    source: vsw.clone(),
                    snat_ips: eips.iter().take(1).cloned().collect(),
                    id: None,
                },
            ))
        })
    };
    let on_kind = setter(n, &props.on_change, |n, k: NatKind| n.kind = k);
    let mut vsw_options = vec![(String::new(), w.text("ui.select.none", &[]))];
    vsw_options.extend(props.vswitches.iter().map(|s| (s.clone(), s.clone())));
    html! {
        <>
            <div class="grid">
                <TextField path={format!("{p}.id")} label={w.t("ui.nat.id")} value={n.id.clone()} mono=true placeholder="ngw-…" on_change={set(|n, v| n.id = v)} />
                { enum_select(format!("{p}.kind"), w.t("ui.field.kind"), n.kind, on_kind, w) }
                <SelectField path={format!("{p}.vswitch")} label={w.t("ui.nat.vswitch")} value={n.vswitch.clone().unwrap_or_default()}
                    options={vsw_options} on_change={set(|n, v| n.vswitch = Some(v).filter(|s| !s.is_empty()))} />
                <TextField path={format!("{p}.snat_table_id")} label={w.t("ui.nat.snat_table")} value={n.snat_table_id.clone().unwrap_or_default()} mono=true placeholder="stb-…"
                    on_change={set(|n, v| n.snat_table_id = Some(v).filter(|s| !s.is_empty()))} />
            </div>
            <StringListField path={format!("{p}.eips")} label={w.t("ui.nat.eip")} items={n.eips.clone()} placeholder="47.96.1.10" on_change={on_eips} />
            <div class="rows" id={field_id(&format!("{p}.snat_entries"))} tabindex="-1">
                <h5>{w.t("ui.nat.snat_entries")}</h5>
                { for n.snat_entries.iter().enumerate().map(|(e, entry)| {
                    let ep = format!("{p}.snat_entries[{e}]");
                    let on_source = {
                        let (entries, entry, cb) = (n.snat_entries.clone(), entry.clone(), set_entries.clone());
                        Callback::from(move |source: String| cb.emit(replaced(&entries, e, SnatEntry { source, ..entry.clone() })))
                    };
                    let on_ips = {
                        let (entries, entry, cb) = (n.snat_entries.clone(), entry.clone(), set_entries.clone());
                        Callback::from(move |snat_ips: Vec<String>| cb.emit(replaced(&entries, e, SnatEntry { snat_ips, ..entry.clone() })))
                    };
                    let on_id = {
                        let (entries, entry, cb) = (n.snat_entries.clone(), entry.clone(), set_entries.clone());
                        Callback::from(move |id: String| cb.emit(replaced(&entries, e, SnatEntry { id: Some(id).filter(|s| !s.is_empty()), ..entry.clone() })))
                    };
                    // The copy is another entry: the cloud's ID is the original's.
                    let dup = {
                        let (entries, cb) = (n.snat_entries.clone(), set_entries.clone());
                        Callback::from(move |_| {
                            let mut v = duplicated(&entries, e);
                            if let Some(copy) = v.get_mut(e + 1) {
                                copy.id = None;
                            }
                            cb.emit(v)
                        })
                    };
                    let del = { let (entries, cb) = (n.snat_entries.clone(), set_entries.clone()); Callback::from(move |_| cb.emit(removed(&entries, e))) };
                    html! {
                        <div class="row" key={e} id={field_id(&ep)} tabindex="-1">
                            <TextField path={format!("{ep}.source")} label={w.t("ui.nat.source")} value={entry.source.clone()} mono=true
                                suggestions={props.vswitches.clone()} on_change={on_source} />
                            <StringListField path={format!("{ep}.snat_ips")} label={w.t("ui.nat.snat_ip")} items={entry.snat_ips.clone()}
                                suggestions={n.eips.clone()} on_change={on_ips} />
                            <TextField path={format!("{ep}.id")} label={w.t("ui.nat.entry_id")} value={entry.id.clone().unwrap_or_default()} mono=true placeholder="snat-…"
                                on_change={on_id} />
                            <ItemActions what={w.text("ui.nat.what", args![n = e + 1])} on_duplicate={dup} on_delete={del} />
                        </div>
                    }
                }) }
                <button type="button" class="small" onclick={add}>{w.t("ui.nat.add")}</button>
            </div>
        </>
    }
}
