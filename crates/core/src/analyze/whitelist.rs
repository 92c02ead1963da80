//! WL003: whitelists the cloud would refuse (domain-facts §7: at most 1,000 unique entries,
//! each an IP or a CIDR).

use rustc_hash::FxHashMap as HashMap;

use super::findings::Findings;
use super::index::Index;
use super::Code;
use crate::addr::parse_cidr_lenient;

const MAX_ENTRIES: usize = 1000;

/// WL003 for every target's whitelist, whatever the state of the service's networking: it is
/// a property of the target's list (rules.md, "Settled readings").
pub fn check_whitelists(ix: &Index, out: &mut Findings) {
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
                    format!(
                        "{}'s whitelist has {} entries; a whitelist holds at most {MAX_ENTRIES}",
                        target.display_name(),
                        list.len()
                    ),
                )
                .fix("Merge entries into wider CIDRs, or split them across whitelist groups.")
                .at(at.clone());
            }
            let mut seen: HashMap<ipnet::IpNet, usize> = HashMap::default();
            for (k, entry) in list.iter().enumerate() {
                match parse_cidr_lenient(entry) {
                    Err(_) => {
                        out.add(Code::Wl003, &subject, format!("{at}[{k}]: expected an IP address or CIDR such as 10.23.12.24 or 10.23.12.0/24, got \"{entry}\""))
                            .fix("Write each whitelist entry as an IP address or a CIDR.")
                            .at(format!("{at}[{k}]"));
                    }
                    Ok(net) => {
                        if let Some(first) = seen.get(&net) {
                            out.add(
                                Code::Wl003,
                                &subject,
                                format!(
                                    "{}'s whitelist lists {entry} twice (entries {first} and {k})",
                                    target.display_name()
                                ),
                            )
                            .fix("Remove the duplicate: whitelist entries must be unique.")
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
