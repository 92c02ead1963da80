//! WL003: whitelists the cloud would refuse (domain-facts §7: at most 1,000 unique entries,
//! each an IP or a CIDR).

use rustc_hash::FxHashMap as HashMap;

use super::findings::Findings;
use super::index::Index;
use super::Code;
use crate::addr::parse_cidr_lenient;
use crate::args;

const MAX_ENTRIES: usize = 1000;

/// WL003 for every target's whitelist, whatever the state of the service's networking: it is
/// a property of the target's list (rules.md, "Settled readings").
pub fn check_whitelists(ix: &Index, out: &mut Findings) {
    let cat = out.cat();
    for svc in &ix.services {
        for (t, target) in ix.plan.services[svc.index].targets.iter().enumerate() {
            let Some(list) = &target.whitelist else {
                continue;
            };
            let subject = format!("{}/{}", svc.name, target.display_name());
            let at = format!("services[{}].targets[{t}].whitelist", svc.index);
            if list.len() > MAX_ENTRIES {
                out.add(
                    Code::Wl003,
                    &subject,
                    cat.text(
                        "WL003.too_many",
                        args![
                            target = target.display_name(),
                            n = list.len(),
                            max = MAX_ENTRIES
                        ],
                    ),
                )
                .fix(cat.text("WL003.too_many.fix", &[]))
                .at(at.clone());
            }
            let mut seen: HashMap<ipnet::IpNet, usize> = HashMap::default();
            for (k, entry) in list.iter().enumerate() {
                match parse_cidr_lenient(entry) {
                    Err(_) => {
                        let entry_at = format!("{at}[{k}]");
                        let message =
                            cat.text("WL003.unreadable", args![at = entry_at, entry = entry]);
                        out.add(Code::Wl003, &subject, message)
                            .fix(cat.text("WL003.unreadable.fix", &[]))
                            .at(entry_at);
                    }
                    Ok(net) => {
                        if let Some(first) = seen.get(&net) {
                            out.add(
                                Code::Wl003,
                                &subject,
                                cat.text(
                                    "WL003.duplicate",
                                    args![
                                        target = target.display_name(),
                                        entry = entry,
                                        first = first,
                                        second = k
                                    ],
                                ),
                            )
                            .fix(cat.text("WL003.duplicate.fix", &[]))
                            .at(format!("{at}[{k}]"));
                        } else {
                            seen.insert(net, k);
                        }
                    }
                }
            }
        }
    }
}
