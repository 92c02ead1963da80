//! `vpc DescribeSnatTableEntries` → SNAT entries: the source is `SourceVSwitchId` when set,
//! else `SourceCIDR` (all caps); `SnatIp` holds IP addresses, comma-separated; `SnatEntryId`
//! is the entry's `id` (what `ModifySnatEntry` needs).

use serde_json::Value;

use crate::cloud::facts::{Facts, SnatFact};
use crate::cloud::read::{comma_list, list, text};
use crate::cloud::summary::{Kind, Said};

pub(super) fn map(v: &Value, facts: &mut Facts) -> usize {
    let items = list(v, "SnatTableEntries", "SnatTableEntry");
    for e in &items {
        let nat = text(e, "NatGatewayId");
        let table = text(e, "SnatTableId");
        let owner = nat
            .clone()
            .or(table.clone())
            .unwrap_or_else(|| "?".to_owned());
        let entry_id = text(e, "SnatEntryId");
        let Some(source) = text(e, "SourceVSwitchId").or_else(|| text(e, "SourceCIDR")) else {
            let id = entry_id.unwrap_or_else(|| owner.clone());
            facts.skip(
                Kind::SnatEntry,
                id,
                Said::new("summary.skip.snat_no_source"),
            );
            continue;
        };
        if nat.is_none() && table.is_none() {
            facts.skip(
                Kind::SnatEntry,
                entry_id.unwrap_or(source),
                Said::new("summary.skip.snat_no_owner"),
            );
            continue;
        }
        let key = (entry_id.clone()).unwrap_or_else(|| format!("{owner}/{source}"));
        facts.snats.insert(
            key,
            SnatFact {
                id: entry_id,
                name: format!("{owner} {source}"),
                nat,
                table,
                source,
                ips: comma_list(e, "SnatIp"),
            },
        );
    }
    items.len()
}
